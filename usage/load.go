package usage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"math/bits"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

// Options say what to read and how.
type Options struct {
	Paths    []string       // log files or directories; none reads DefaultRoots
	Location *time.Location // the time zone days are counted in; nil is time.Local
	Since    string         // first day kept, YYYY-MM-DD, inclusive; "" keeps all
	Until    string         // last day kept, YYYY-MM-DD, inclusive; "" keeps all
	MaxLine  int            // longest line read; 0 is DefaultMaxLine
	Workers  int            // files read at once; 0 is GOMAXPROCS
}

// ErrNothingReadable is wrapped by the error of Load when no log at all
// could be read: every path missing or unreadable.
var ErrNothingReadable = errors.New("no usage log could be read")

// Skip counts the lines skipped for one reason.
type Skip struct {
	Reason string
	Lines  int64
}

// Log is the usage records of one source after reading, de-duplication and
// the date filter. It holds token counts, times, and the names of models and
// sessions: never message content.
//
// Memory: reading holds one line buffer per worker (256 KiB, growing only as
// far as the longest line kept, never past MaxLine) and one compact record
// per distinct request (40 bytes, plus while reading 24 bytes of
// de-duplication links and about 5 bytes of index): it grows with the number
// of requests, not with the size of the logs.
type Log struct {
	Source       Source
	Roots        []string // what was read
	Location     *time.Location
	Since        string
	Until        string
	Files        int   // files read (wholly or in part)
	Bytes        int64 // bytes read
	Lines        int64 // lines read
	Skipped      []Skip
	Problems     []Problem // at most 20; ProblemCount has them all
	ProblemCount int       // files and directories that could not be read, or not wholly
	Duplicates   int64     // Claude usage lines dropped as copies of the same request
	Synthetic    int64     // Claude lines of model <synthetic> (limit and error notices): not requests
	Notices      []Notice  // Claude usage-limit notices, in time order, whatever Since..Until say
	Repeats      int64     // Codex token_count events that repeat the previous totals: not requests
	OutOfRange   int64     // records outside Since..Until

	// RateLimits are the rate-limit snapshots of the Codex token_count
	// events, repeats included (a repeat carries a newer snapshot), in time
	// order, whatever Since..Until say.
	RateLimits []RateLimits

	recs     []rec
	models   []string
	sessions []string
}

const maxProblems = 20

// Token kinds of a record.
const (
	tIn      = iota // uncached input
	tOut            // visible output (Codex: output minus reasoning)
	tRead           // cache reads
	tWrite          // cache writes, 5-minute and 1-hour
	tWrite1h        // the 1-hour part of tWrite
	tReason         // reasoning output (Codex)
	nTok
)

// rec is one API request (40 bytes).
type rec struct {
	ts      int64 // Unix milliseconds
	tok     [nTok]uint32
	session uint32
	model   uint16
	flags   uint8
}

const (
	fSide   uint8 = 1 << iota // Claude isSidechain
	fFast                     // Claude speed "fast"
	fHasReq                   // has a requestId
)

func (r *rec) total() uint64 {
	return uint64(r.tok[tIn]) + uint64(r.tok[tOut]) + uint64(r.tok[tRead]) + uint64(r.tok[tWrite]) + uint64(r.tok[tReason])
}

// item is a record on its way to the de-duplication, with its message key
// and the hash of its request id.
type item struct {
	r      rec
	msg    [2]uint64
	req    uint32 // told apart only within one message id
	hasMsg bool
}

// skip reasons, indexed like the counters of a worker.
const (
	skNotJSON = iota
	skMalformed
	skTruncated
	skTooLong
	skInvalid
	skTime
	skRange
	nSkip
)

func skipReason(k, maxLine int) string {
	switch k {
	case skNotJSON:
		return "not JSON (binary or garbage)"
	case skMalformed:
		return "malformed JSON"
	case skTruncated:
		return "cut short at the end of the file"
	case skTooLong:
		return fmt.Sprintf("longer than %s", safefile.Size(int64(maxLine)))
	case skInvalid:
		return "usage fields that break the log format"
	case skTime:
		return "no readable timestamp of the years 2000–2099"
	}
	return "a token count out of range"
}

// Load reads the logs of one source: files in parallel (a worker per
// GOMAXPROCS), each line by line from a bounded buffer, Claude entries
// de-duplicated across files. Bad lines and unreadable files are counted
// and reported, not fatal; only when nothing at all can be read is there an
// error (wrapping ErrNothingReadable).
func Load(src Source, opt Options) (*Log, error) {
	loc := opt.Location
	if loc == nil {
		loc = time.Local
	}
	maxLine := opt.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	lo, hi, err := dayBounds(opt.Since, opt.Until, loc)
	if err != nil {
		return nil, err
	}
	roots, explicit := opt.Paths, true
	if len(roots) == 0 {
		roots, explicit = DefaultRoots(src), false
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, workers)

	// The walk feeds the readers as it goes: reading starts with the first
	// file found, not after the last.
	next := make(chan fileJob, 256)
	var problems []Problem
	var readable []string
	jobs := 0
	go func() {
		defer close(next)
		problems, readable = discover(src, roots, explicit, func(j fileJob) {
			jobs++
			next <- j
		})
	}()

	sh := newShared(src, maxLine)
	batches := make(chan []item, 2*workers)
	sh.free = make(chan []item, 4*workers)
	ws := make([]*worker, workers)
	var wg sync.WaitGroup
	for i := range ws {
		w := newWorker(sh, batches)
		ws[i] = w
		wg.Go(func() {
			for j := range next {
				w.file(j)
			}
			w.flush()
		})
	}
	go func() { wg.Wait(); close(batches) }()

	d := dedup{sessions: &sh.sessions}
	for b := range batches {
		for i := range b {
			d.add(&b[i])
		}
		select {
		case sh.free <- b[:0]:
		default:
		}
	}

	// The workers are done, so the walk is over: its results are set.
	if len(readable) == 0 {
		return nil, fmt.Errorf("%w: no %s logs in %s", ErrNothingReadable, src.Title(), strings.Join(roots, ", "))
	}
	l := &Log{Source: src, Roots: readable, Location: loc, Since: opt.Since, Until: opt.Until, Duplicates: d.dups}
	var counts [nSkip]int64
	var fileProblems []Problem
	for _, w := range ws {
		for k, n := range w.counts {
			counts[k] += n
		}
		l.Files += w.files
		l.Synthetic += w.synthetic
		l.Notices = append(l.Notices, w.notices...)
		l.Repeats += w.repeats
		l.RateLimits = append(l.RateLimits, w.limits...)
		l.Bytes += w.bytes
		l.Lines += w.lines
		fileProblems = append(fileProblems, w.problems...)
	}
	if jobs > 0 && l.Files == 0 {
		return nil, fmt.Errorf("%w: none of the %d %s log files could be opened (%s: %s)", ErrNothingReadable, jobs, src.Title(), fileProblems[0].Path, fileProblems[0].What)
	}
	problems = append(problems, fileProblems...)
	for k, n := range counts {
		if n > 0 {
			l.Skipped = append(l.Skipped, Skip{skipReason(k, maxLine), n})
		}
	}
	l.ProblemCount = len(problems)
	if len(problems) > maxProblems {
		problems = problems[:maxProblems]
	}
	l.Problems = problems
	sortNotices(l.Notices)
	l.models, l.sessions = sh.models.names, sh.sessions.names

	// The date filter comes after de-duplication, as in ccusage. The
	// de-duplication's index and links are dropped, collected and their
	// pages given back first, so that the kept records' one large copy is
	// made in their place rather than on top of them (the freed pieces are
	// seldom one run of pages the copy could reuse). The collection takes
	// about a millisecond, as records hold no pointers to follow.
	d.msgs, d.recs.links = msgIndex{}, nil
	debug.FreeOSMemory()
	l.recs, l.OutOfRange = d.recs.within(lo, hi)
	l.canonicalize()
	return l, nil
}

// canonicalize numbers models and sessions by name and puts the records in
// time order, so that every sum over them is made in the same order whatever
// order the parallel workers delivered them in: the same logs always give
// the same figures, to the last digit.
func (l *Log) canonicalize() {
	remap := func(names []string) ([]string, []int) {
		idx := make([]int, len(names))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(names[a], names[b]) })
		sorted, to := make([]string, len(names)), make([]int, len(names))
		for newID, oldID := range idx {
			sorted[newID], to[oldID] = names[oldID], newID
		}
		return sorted, to
	}
	var modelTo, sessionTo []int
	l.models, modelTo = remap(l.models)
	l.sessions, sessionTo = remap(l.sessions)
	for i := range l.recs {
		r := &l.recs[i]
		r.model, r.session = uint16(modelTo[r.model]), uint32(sessionTo[r.session])
	}
	slices.SortFunc(l.RateLimits, func(a, b RateLimits) int {
		return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(a.PlanType, b.PlanType), compareWindow(a.Primary, b.Primary),
			compareWindow(a.Secondary, b.Secondary))
	})
	sortRecs(l.recs)
}

// sortRecs sorts records by compareRecs. Nearly all of that order is the
// time's, so the records are first distributed in place into buckets of
// time (an American flag sort: each record moves at most once), and the
// full comparison then sorts only the few records of each bucket: several
// times quicker than one sort of them all.
func sortRecs(recs []rec) {
	if len(recs) < 64 {
		slices.SortFunc(recs, compareRecs)
		return
	}
	lo, hi := recs[0].ts, recs[0].ts
	for i := range recs {
		lo, hi = min(lo, recs[i].ts), max(hi, recs[i].ts)
	}
	// About four records a bucket when the times are spread evenly.
	nb := 1 << bits.Len(uint(len(recs)/4))
	shift := max(0, bits.Len64(uint64(hi-lo))-bits.Len(uint(nb-1)))
	bucket := func(ts int64) int { return int(uint64(ts-lo) >> shift) }
	n := bucket(hi) + 1
	next, end := make([]int32, n), make([]int32, n)
	for i := range recs {
		end[bucket(recs[i].ts)]++
	}
	var sum int32
	for b := range end {
		next[b] = sum
		sum += end[b]
		end[b] = sum
	}
	for b := range n {
		for next[b] < end[b] {
			i := next[b]
			if c := bucket(recs[i].ts); c != b {
				recs[i], recs[next[c]] = recs[next[c]], recs[i]
				next[c]++
				continue
			}
			next[b]++
		}
	}
	// The buckets are sorted in two halves of about as many records at once.
	sortBuckets := func(from, to int) {
		start := 0
		if from > 0 {
			start = int(end[from-1])
		}
		for b := from; b < to; b++ {
			e := int(end[b])
			if e-start > 1 {
				slices.SortFunc(recs[start:e], compareRecs)
			}
			start = e
		}
	}
	half, _ := slices.BinarySearch(end, int32(len(recs)/2))
	var wg sync.WaitGroup
	wg.Go(func() { sortBuckets(0, half) })
	sortBuckets(half, n)
	wg.Wait()
}

// compareRecs orders records by time, then session, model, token counts
// and flags: every field, so records it finds equal are equal. It returns
// at the first difference (cmp.Or would evaluate every comparison first):
// the sort makes many calls, and nearly all are settled by the time.
func compareRecs(a, b rec) int {
	switch {
	case a.ts != b.ts:
		return cmp.Compare(a.ts, b.ts)
	case a.session != b.session:
		return cmp.Compare(a.session, b.session)
	case a.model != b.model:
		return cmp.Compare(a.model, b.model)
	case a.tok != b.tok:
		return slices.Compare(a.tok[:], b.tok[:])
	}
	return cmp.Compare(a.flags, b.flags)
}

func compareWindow(a, b RateWindow) int {
	if a.Known != b.Known {
		if a.Known {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.UsedPercent, b.UsedPercent), cmp.Compare(a.WindowMinutes, b.WindowMinutes),
		cmp.Compare(a.ResetsAt, b.ResetsAt), cmp.Compare(a.ResetsInSeconds, b.ResetsInSeconds))
}

// ParseDay reads YYYY-MM-DD or YYYYMMDD and returns YYYY-MM-DD.
func ParseDay(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) == 8 && !strings.Contains(s, "-") {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date (YYYY-MM-DD or YYYYMMDD)", s)
	}
	return t.Format(time.DateOnly), nil
}

// Days is the range of days since to until ("" for no bound) in loc:
// from the start of since to the end of until's whole day (the start of the
// next). A bound that is not a day (ParseDay) is an error naming it: a bad
// date must not become no bound, or year 1.
func Days(since, until string, loc *time.Location) (from, to time.Time, err error) {
	day := func(name, d string, add int) (time.Time, error) {
		if d == "" {
			return time.Time{}, nil
		}
		d, err := ParseDay(d)
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: %w", name, err)
		}
		t, _ := time.ParseInLocation(time.DateOnly, d, loc) // d is a day now
		return t.AddDate(0, 0, add), nil
	}
	if from, err = day("since", since, 0); err != nil {
		return time.Time{}, time.Time{}, err
	}
	if to, err = day("until", until, 1); err != nil {
		return time.Time{}, time.Time{}, err
	}
	return from, to, nil
}

// dayBounds turns the inclusive day range into [lo, hi) in Unix ms.
func dayBounds(since, until string, loc *time.Location) (int64, int64, error) {
	from, to, err := Days(since, until, loc)
	if err != nil {
		return 0, 0, err
	}
	lo, hi := int64(-1<<62), int64(1<<62)
	if since != "" {
		lo = from.UnixMilli()
	}
	if until != "" {
		hi = to.UnixMilli()
	}
	if lo >= hi {
		return 0, 0, fmt.Errorf("since %s is after until %s", since, until)
	}
	return lo, hi, nil
}

// shared is what the workers of one Load share.
type shared struct {
	src         Source
	maxLine     int
	seed, seed2 maphash.Seed
	models      interner
	sessions    interner
	free        chan []item
}

// newShared is what the workers of one load share.
func newShared(src Source, maxLine int) *shared {
	sh := &shared{src: src, maxLine: maxLine, seed: maphash.MakeSeed(), seed2: maphash.MakeSeed()}
	sh.models.idx, sh.sessions.idx = map[string]int{}, map[string]int{}
	return sh
}

type interner struct {
	mu    sync.Mutex
	idx   map[string]int
	names []string
}

func (in *interner) id(b []byte, limit int) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	if i, ok := in.idx[string(b)]; ok {
		return i
	}
	if len(in.names) >= limit {
		return limit - 1 // the last slot collects the overflow
	}
	s := string(b)
	if len(in.names) == limit-1 {
		s = "(other names)"
	}
	in.idx[s] = len(in.names)
	in.names = append(in.names, s)
	return len(in.names) - 1
}

// maxModels is the number of distinct model names kept apart; more fold
// into one "(other names)".
const maxModels = 1 << 16

// worker reads files one at a time.
type worker struct {
	sh          *shared
	out         chan<- []item
	batch       []item
	buf         []byte
	localModel  map[string]uint16
	lastModel   lastName
	lastSession lastName

	counts       [nSkip]int64
	synthetic    int64
	notices      []Notice
	repeats      int64
	limits       []RateLimits
	plans        map[string]string // plan_type strings, interned
	files        int
	bytes, lines int64
	problems     []Problem
	crec         claudeRec
	xrec         codexRec
	fileSession  uint32
}

// newWorker reads files for sh and sends its records to out in batches.
func newWorker(sh *shared, out chan<- []item) *worker {
	return &worker{sh: sh, out: out, localModel: map[string]uint16{}}
}

const batchSize = 256

func (w *worker) emit(it item) {
	if w.batch == nil {
		select {
		case w.batch = <-w.sh.free:
		default:
			w.batch = make([]item, 0, batchSize)
		}
	}
	w.batch = append(w.batch, it)
	if len(w.batch) == batchSize {
		w.flush()
	}
}

func (w *worker) flush() {
	if len(w.batch) > 0 {
		w.out <- w.batch
		w.batch = nil
	}
}

// model and session number a name; the lines of a file nearly always name
// the one the line before did, which is checked first. A file's lines
// seldom name another session, so sessions are then asked of the shared
// interner; models, a few names that lines may alternate between, are also
// kept by each worker.
func (w *worker) model(b []byte) uint16 {
	if w.lastModel.ok && string(b) == string(w.lastModel.name) {
		return uint16(w.lastModel.id)
	}
	raw := b
	b = boundName(b)
	i, ok := w.localModel[string(b)]
	if !ok {
		i = uint16(w.sh.models.id(b, maxModels))
		w.localModel[string(b)] = i
	}
	w.lastModel.set(raw, uint32(i))
	return i
}

func (w *worker) session(b []byte) uint32 {
	if w.lastSession.ok && string(b) == string(w.lastSession.name) {
		return w.lastSession.id
	}
	i := uint32(w.sh.sessions.id(boundName(b), 1<<31))
	w.lastSession.set(b, i)
	return i
}

// lastName is the name a worker numbered last, as the log wrote it.
type lastName struct {
	name []byte
	id   uint32
	ok   bool
}

func (n *lastName) set(name []byte, id uint32) {
	n.name, n.id, n.ok = append(n.name[:0], name...), id, true
}

// file reads one log file.
func (w *worker) file(job fileJob) {
	f, err := openLog(job.path)
	if err != nil {
		w.problems = append(w.problems, Problem{job.path, describeOpen(err, "unreadable")})
		return
	}
	defer f.Close()
	w.files++
	if cap(w.buf) > 4*initialBuffer {
		w.buf = nil // a huge line grew it: give the memory back
	}
	w.stream(f, job)
}

// stream reads the lines of one log.
func (w *worker) stream(f io.Reader, job fileJob) {
	lr := newLineReader(f, w.sh.maxLine, w.buf)
	lr.skipBOM()
	w.fileSession = w.session([]byte(job.session))
	var cf *codexFile
	if w.sh.src == Codex {
		cf = &codexFile{subagent: codexSubagent(lr.peek(16 << 10))}
	}
	for {
		line, kind := lr.next()
		if kind == lineNone {
			break
		}
		w.lines++
		if kind == lineTooLong {
			w.counts[skTooLong]++
			continue
		}
		if len(line) == 0 || isSpace(line) {
			continue
		}
		switch looksLikeObject(line) {
		case shapeNotJSON:
			w.counts[skNotJSON]++
			continue
		case shapeCut:
			w.skipped(outMalformed, kind)
			continue
		}
		if cf != nil {
			w.codexLine(line, kind, cf)
		} else {
			w.claudeLine(line, kind)
		}
	}
	if cf != nil {
		cf.flush(w.codexTurn)
	}
	w.buf = lr.buf
	w.bytes += lr.read
	if lr.err != nil {
		w.problems = append(w.problems, Problem{job.path, "read error after " + safefile.Size(lr.read) + ": " + shortErr(lr.err)})
	}
}

func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// skipped reports whether a line that came out as o records no request,
// and counts it when it is skipped for a fault; malformed JSON on the last
// line of a file is a line cut short.
func (w *worker) skipped(o outcome, kind int) bool {
	switch o {
	case outOK:
		return false
	case outMalformed:
		if kind == lineLast {
			w.counts[skTruncated]++
		} else {
			w.counts[skMalformed]++
		}
	case outInvalid:
		w.counts[skInvalid]++
	case outTime:
		w.counts[skTime]++
	case outRange:
		w.counts[skRange]++
	}
	return true
}

func (w *worker) claudeLine(line []byte, kind int) {
	if !hasUsageMarker(line) {
		return
	}
	r := &w.crec
	o := parseClaudeLine(line, r)
	if o != outOK && o != outIgnored && bytes.Contains(line, syntheticMarker) {
		// A notice Claude Code wrote itself carries null usage fields
		// ("speed": null, …) that would reject a request: read it first.
		if n, synthetic, notice := syntheticNotice(line); synthetic {
			w.synthetic++
			if notice {
				w.notices = append(w.notices, n)
			}
			return
		}
	}
	if w.skipped(o, kind) {
		return
	}
	if string(r.model) == Synthetic {
		w.synthetic++ // a notice Claude Code wrote itself (usage limit reached, an error): no request was made
		if n, ok := limitNotice(line, r.ts); ok {
			w.notices = append(w.notices, n)
		}
		return
	}
	it := item{r: rec{ts: r.ts, session: w.fileSession}}
	it.r.tok[tIn], it.r.tok[tOut], it.r.tok[tRead], it.r.tok[tWrite], it.r.tok[tWrite1h] = r.in, r.out, r.read, r.write, r.write1h
	if !plausible(&it.r.tok) {
		w.counts[skRange]++
		return
	}
	if r.session != nil {
		it.r.session = w.session(r.session)
	}
	it.r.model = w.model(r.model)
	if r.sidechain {
		it.r.flags |= fSide
	}
	if r.fast {
		it.r.flags |= fFast
	}
	if r.reqID != nil {
		it.r.flags |= fHasReq
		it.req = uint32(maphash.Bytes(w.sh.seed, r.reqID))
	}
	if r.msgID != nil {
		it.hasMsg = true
		it.msg = [2]uint64{maphash.Bytes(w.sh.seed, r.msgID), maphash.Bytes(w.sh.seed2, r.msgID)}
	}
	w.emit(it)
}

func (w *worker) codexLine(line []byte, kind int, cf *codexFile) {
	if !codexWorthParsing(line) {
		return
	}
	r := &w.xrec
	if w.skipped(parseCodexLine(line, r), kind) {
		return
	}
	if r.kind == codexTokens && r.hasLimits {
		w.limits = append(w.limits, RateLimits{Time: time.UnixMilli(r.ts).UTC(), Primary: r.limits.primary,
			Secondary: r.limits.secondary, PlanType: w.plan(r.limits.plan)})
	}
	if cf.add(r, w.codexTurn) {
		w.repeats++
	}
}

// plan interns a plan_type.
func (w *worker) plan(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if p, ok := w.plans[string(b)]; ok {
		return p
	}
	if w.plans == nil {
		w.plans = map[string]string{}
	}
	p := string(b)
	if len(w.plans) < 64 {
		w.plans[p] = p
	}
	return p
}

func (w *worker) codexTurn(t codexTurnUsage) {
	u := t.u
	reasoning := min(u.reasoning, u.out)
	vals := [nTok]uint64{tIn: u.in - u.cached, tOut: u.out - reasoning, tRead: u.cached, tReason: reasoning}
	it := item{r: rec{ts: t.ts, session: w.fileSession, model: w.model(t.model)}}
	for k, v := range vals {
		if v > 1<<32-1 {
			w.counts[skRange]++
			return
		}
		it.r.tok[k] = uint32(v)
	}
	if !plausible(&it.r.tok) {
		w.counts[skRange]++
		return
	}
	w.emit(it)
}

// plausible reports whether a request's input (uncached, cache read and
// write) and output (visible and reasoning) are each within model.MaxTokens:
// no context window comes near it, and a workload fitted to a larger request
// could not be priced. Larger counts are skipped as out of range.
func plausible(t *[nTok]uint32) bool {
	in := uint64(t[tIn]) + uint64(t[tRead]) + uint64(t[tWrite])
	return in <= model.MaxTokens && uint64(t[tOut])+uint64(t[tReason]) <= model.MaxTokens
}

// dedup keeps one record per Claude request. Its rule is ccusage's, stated
// so that the result does not depend on the order files are read in:
//
//   - entries without message.id are all kept;
//   - entries with the same message.id and requestId are one request: the
//     non-sidechain one wins, then the one with more tokens;
//   - a sidechain entry with a message.id already seen under another
//     requestId is a replay (/btw, sub-agent echoes) of that message: it is
//     dropped when a non-sidechain entry has the id, and sidechain entries of
//     one id collapse into the one with the most tokens.
//
// Ties are broken on the earlier timestamp, then the session name, then the
// token counts, so that reruns give the same sessions.
type dedup struct {
	recs     recStore
	msgs     msgIndex // message id → first record of its chain
	sessions *interner
	dups     int64
}

func (d *dedup) add(it *item) {
	r := it.r
	if !it.hasMsg {
		d.recs.push(r, link{next: -1})
		return
	}
	head, slot := d.msgs.find(it.msg, &d.recs)
	if head < 0 {
		d.msgs.insert(slot, d.recs.push(r, link{key: it.msg, req: it.req, next: -1}), &d.recs)
		return
	}
	d.dups++
	h, hl := d.recs.at(head), d.recs.link(head)
	if r.flags&fSide != 0 {
		// A chain holding a non-sidechain entry never holds a sidechain one,
		// and a sidechain head is alone in its chain.
		if h.flags&fSide != 0 && d.better(&r, h) {
			*h, hl.req = r, it.req
		}
		return
	}
	if h.flags&fSide != 0 {
		*h, hl.req = r, it.req // the request itself replaces its replay
		return
	}
	for i := head; ; {
		x, xl := d.recs.at(i), d.recs.link(i)
		if x.flags&fHasReq == r.flags&fHasReq && xl.req == it.req {
			if d.better(&r, x) {
				*x = r
			}
			return
		}
		if xl.next < 0 {
			d.dups--
			xl.next = d.recs.push(r, link{key: it.msg, req: it.req, next: -1})
			return
		}
		i = xl.next
	}
}

// recStore holds the records being de-duplicated, and the link of each, in
// fixed-size chunks: it grows without copying, so no outgrown array is left
// for the collector and the heap stays near what is live.
type recStore struct {
	chunks [][]rec
	links  [][]link
	n      int32
}

// link is what the de-duplication alone needs of a record.
type link struct {
	key  [2]uint64 // the message key; zero for none
	req  uint32    // hash of the request id
	next int32     // next record of the same message id, -1 for none
}

const chunkBits = 12 // 4096 records (160 KiB, and 96 KiB of links) a chunk

func (s *recStore) push(r rec, l link) int32 {
	if int(s.n)>>chunkBits == len(s.chunks) {
		s.chunks = append(s.chunks, make([]rec, 0, 1<<chunkBits))
		s.links = append(s.links, make([]link, 0, 1<<chunkBits))
	}
	c, k := &s.chunks[len(s.chunks)-1], &s.links[len(s.links)-1]
	*c, *k = append(*c, r), append(*k, l)
	s.n++
	return s.n - 1
}

func (s *recStore) at(i int32) *rec { return &s.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (s *recStore) link(i int32) *link { return &s.links[i>>chunkBits][i&(1<<chunkBits-1)] }

func (s *recStore) key(i int32) [2]uint64 { return s.link(i).key }

// within returns the records of [lo, hi) in one slice of the exact size, and
// how many were outside; each chunk is let go once copied.
func (s *recStore) within(lo, hi int64) ([]rec, int64) {
	n := 0
	for _, c := range s.chunks {
		for i := range c {
			if c[i].ts >= lo && c[i].ts < hi {
				n++
			}
		}
	}
	out := make([]rec, 0, n)
	for k, c := range s.chunks {
		for i := range c {
			if c[i].ts >= lo && c[i].ts < hi {
				out = append(out, c[i])
			}
		}
		s.chunks[k] = nil
	}
	return out, int64(s.n) - int64(n)
}

// msgIndex finds the first record of a message id: an open-addressing table
// of record numbers, the keys (128-bit hashes of the id) being kept beside
// the records. About 20 bytes a message where a Go map takes 53. Two ids are
// told apart by their two independent 64-bit hashes: with a million ids the
// chance that any two share both is below 10^-26.
type msgIndex struct {
	slots []int32 // record number + 1; 0 is empty
	n     int
}

// find returns the record of key, or -1 and the slot to insert it at.
func (m *msgIndex) find(key [2]uint64, s *recStore) (int32, int) {
	if len(m.slots) == 0 {
		return -1, -1
	}
	mask := uint64(len(m.slots) - 1)
	for i := key[0] & mask; ; i = (i + 1) & mask {
		r := m.slots[i]
		if r == 0 {
			return -1, int(i)
		}
		if s.key(r-1) == key {
			return r - 1, -1
		}
	}
}

// insert puts record rec, whose key find did not find, at slot, growing
// the table to keep it at most three quarters full.
func (m *msgIndex) insert(slot int, rec int32, s *recStore) {
	if (m.n+1)*4 > len(m.slots)*3 {
		old := m.slots
		m.slots = make([]int32, max(1024, 2*len(old)))
		mask := uint64(len(m.slots) - 1)
		for _, r := range old {
			if r != 0 {
				i := s.key(r - 1)[0] & mask
				for m.slots[i] != 0 {
					i = (i + 1) & mask
				}
				m.slots[i] = r
			}
		}
		_, slot = m.find(s.key(rec), s)
	}
	m.slots[slot] = rec + 1
	m.n++
}

// better reports whether a should replace b (both sidechain or both not).
func (d *dedup) better(a, b *rec) bool {
	if ta, tb := a.total(), b.total(); ta != tb {
		return ta > tb
	}
	if a.ts != b.ts {
		return a.ts < b.ts
	}
	if a.session != b.session {
		d.sessions.mu.Lock()
		less := d.sessions.names[a.session] < d.sessions.names[b.session]
		d.sessions.mu.Unlock()
		return less
	}
	for k := range a.tok {
		if a.tok[k] != b.tok[k] {
			return a.tok[k] > b.tok[k]
		}
	}
	return false
}

// OptionError is a reading option ParseOptions refuses: Option names it as
// the user gave it ("since", "until", "timezone"), or is "" for a path.
type OptionError struct {
	Option string
	Err    error
}

func (e *OptionError) Error() string { return e.Err.Error() }

// ParseOptions are the reading options of what a user gives: the logs to
// read (a file or a folder each: a FIFO would wait for a writer and a
// device never end; a missing one is reported by Load with the rest), the
// first and last day (YYYY-MM-DD or YYYYMMDD, inclusive; a first day after
// the last keeps nothing) and an IANA time zone for the days ("" is
// local). A value refused is an *OptionError.
func ParseOptions(paths []string, since, until, zone string) (Options, error) {
	opt := Options{Paths: paths, Location: time.Local}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
			return opt, &OptionError{"", fmt.Errorf("%s is not a regular file or a folder", p)}
		}
	}
	if zone != "" {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			return opt, &OptionError{"timezone", fmt.Errorf("%q is not a time zone (IANA name like Europe/Paris or UTC)", zone)}
		}
		opt.Location = loc
	}
	var err error
	if since != "" {
		if opt.Since, err = ParseDay(since); err != nil {
			return opt, &OptionError{"since", err}
		}
	}
	if until != "" {
		if opt.Until, err = ParseDay(until); err != nil {
			return opt, &OptionError{"until", err}
		}
	}
	return opt, nil
}
