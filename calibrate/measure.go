package calibrate

import (
	"cmp"
	"errors"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/usage"
)

// Input is what Measure reads: the requests of one source's logs priced in
// time order, and the records that tell how much of a limit they used.
type Input struct {
	Source    usage.Source
	Spends    []usage.Spend  // in time order (usage.Log.Spends)
	Snapshots []Snapshot     // Codex rate-limit snapshots
	Notices   []usage.Notice // Claude Code limit notices
	Location  *time.Location // the zone of a reset given as a clock time; nil is time.Local
	From, To  time.Time      // only windows within [From, To) count; zero is no bound
	Plan      string         // the catalog plan id the user named; "" takes the logs'
	LeftOut   int            // snapshot windows Snapshots left out, for a note
}

// FromLog is Measure's input from l, its requests priced on cat: their
// spends, Claude Code's limit notices and Codex's rate-limit snapshots (and
// how many were left out), in l's time zone. The caller bounds the days
// and names the plan.
func FromLog(l *usage.Log, cat *model.Catalog) Input {
	in := Input{Source: l.Source, Spends: l.Spends(cat), Notices: l.Notices, Location: l.Location}
	if l.Source == usage.Codex {
		in.Snapshots, in.LeftOut = Snapshots(l.RateLimits)
	}
	return in
}

// Window is one window instance that measured a limit.
type Window struct {
	Hours    float64
	From, To time.Time // the requests counted: Codex after From up to To, Claude From to To
	USD      float64   // their API-equivalent cost
	Moved    float64   // points of the window's allowance they used: 100 at a limit reached
	Capacity float64   // USD / (Moved / 100)
}

// Limit is a plan's capacity for one window length, measured.
type Limit struct {
	WindowHours    float64
	USD, Low, High float64 // the median of the windows; their quartiles (min and max under 4 windows)
	Windows        []Window
	Method         string
	// Contradiction, when its Kind is NoteContradiction, says which other
	// measurement this figure contradicts (a weekly limit below a 5-hour
	// one); such a figure is never saved.
	Contradiction Note
}

// Heaviest is the costliest window of one length in the logs: where the
// limit lies at least, when none was reached.
type Heaviest struct {
	WindowHours float64
	USD         float64
	From, To    time.Time
	Requests    int
	Unpriced    int // requests in it the catalog has no price for
	Peak        float64
	HasPeak     bool // Peak is the highest used_percent a Codex snapshot gave for this window length
}

// Result is what the logs measure.
type Result struct {
	Plan string // catalog plan id; "" when neither the user nor the logs name one
	// PlanType is the logs' plan_type the plan was read from; "" when the
	// user named it (--plan). PlanUnsure: that plan_type does not tell
	// the plan's tiers apart (Pro's two), so the plan is a guess.
	PlanType   string
	PlanUnsure bool
	Limits     []Limit
	Heaviest   []Heaviest // one per window length looked at, shortest first
	Notes      []Note
}

// Methods, as reported.
const (
	MethodSnapshots = "rate-limit snapshots"
	MethodReached   = "limit reached"
)

// Measure measures the plan's capacity per window from the logs (see the
// package documentation for the method).
func Measure(in Input) Result {
	var r Result
	if in.LeftOut > 0 {
		r.Notes = append(r.Notes, Note{Kind: NoteSnapshotsLeftOut, N: in.LeftOut})
	}
	if in.Plan != "" {
		r.Plan = in.Plan
	}
	var ws []Window
	var lengths []float64
	var peaks map[float64]float64
	switch in.Source {
	case usage.Codex:
		ws, lengths, peaks = measureCodex(&in, &r)
	default:
		ws = measureClaude(&in, &r)
		lengths = []float64{fiveHours, week}
	}
	byHours := map[float64][]Window{}
	for _, w := range ws {
		byHours[w.Hours] = append(byHours[w.Hours], w)
	}
	method := MethodReached
	if in.Source == usage.Codex {
		method = MethodSnapshots
	}
	for _, h := range slices.Sorted(maps.Keys(byHours)) {
		r.Limits = append(r.Limits, summarize(h, byHours[h], method))
	}
	contradictions(&r)
	for _, h := range lengths {
		hv := heaviest(in.Spends, h, in.From, in.To)
		hv.Peak, hv.HasPeak = peaks[h]
		r.Heaviest = append(r.Heaviest, hv)
	}
	return r
}

// contradictions marks limits whose figures cannot both be true: a longer
// window holding less than a shorter one (a weekly limit below a 5-hour
// one). Which is wrong the logs cannot say, so neither is saved.
func contradictions(r *Result) {
	for i := range r.Limits {
		for j := i + 1; j < len(r.Limits); j++ {
			short, long := &r.Limits[i], &r.Limits[j]
			if long.USD >= short.USD {
				continue
			}
			why := Note{Kind: NoteContradiction, Hours: long.WindowHours, USD: long.USD, OtherHours: short.WindowHours, OtherUSD: short.USD}
			short.Contradiction, long.Contradiction = why, why
			r.Notes = append(r.Notes, why)
		}
	}
}

// summarize is the median and spread of one window length's measurements.
func summarize(hours float64, ws []Window, method string) Limit {
	slices.SortFunc(ws, func(a, b Window) int { return a.From.Compare(b.From) })
	caps := make([]float64, len(ws))
	for i, w := range ws {
		caps[i] = w.Capacity
	}
	slices.Sort(caps)
	l := Limit{WindowHours: hours, Windows: ws, Method: method, USD: quantile(caps, 0.5)}
	if len(caps) >= 4 {
		l.Low, l.High = quantile(caps, 0.25), quantile(caps, 0.75)
	} else {
		l.Low, l.High = caps[0], caps[len(caps)-1]
	}
	return l
}

// quantile is the q-quantile of sorted values, interpolated linearly
// between the two nearest ranks (the median of an even count is the mean
// of the middle two).
func quantile(s []float64, q float64) float64 {
	pos := q * float64(len(s)-1)
	i := int(math.Floor(pos))
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

// within reports whether [from, to] lies in the user's date range.
func (in *Input) within(from, to time.Time) bool {
	return (in.From.IsZero() || !from.Before(in.From)) && (in.To.IsZero() || to.Before(in.To))
}

// spent is what the requests of a window from … to cost (cost's bounds), or
// false with the reason added to skip when the window cannot be measured:
// outside the dates asked for, a request the catalog cannot price, or no
// request at all (the window was used elsewhere, as empty says).
func (in *Input) spent(from, to time.Time, inclusive bool, empty Skip, skip *tally) (float64, bool) {
	if !in.within(from, to) {
		skip.add(SkipOutside, "")
		return 0, false
	}
	usd, n, unpriced := cost(in.Spends, from, to, inclusive)
	switch {
	case unpriced > 0:
		skip.add(SkipUnpriced, "")
		return 0, false
	case n == 0:
		skip.add(empty, "")
		return 0, false
	}
	return usd, true
}

// cost sums the requests after from (or at it, when inclusive) up to to.
func cost(sp []usage.Spend, from, to time.Time, inclusive bool) (usd float64, n, unpriced int) {
	lo, hi := from.UnixMilli(), to.UnixMilli()
	i := sort.Search(len(sp), func(i int) bool { return sp[i].Time > lo || inclusive && sp[i].Time == lo })
	for ; i < len(sp) && sp[i].Time <= hi; i++ {
		n++
		if !sp[i].Priced {
			unpriced++
			continue
		}
		usd += sp[i].USD
	}
	return usd, n, unpriced
}

// measureCodex measures the window instances of the snapshots; it also
// returns the window lengths seen and the highest used_percent of each
// within the date range, for the lower bound.
func measureCodex(in *Input, r *Result) ([]Window, []float64, map[float64]float64) {
	insts := instances(in.Snapshots)
	if len(in.Snapshots) == 0 {
		r.Notes = append(r.Notes, Note{Kind: NoteNoSnapshots})
		return nil, []float64{fiveHours, week}, nil
	}
	// The plan: the user's, else the latest plan_type of the logs.
	latest := ""
	seen := map[string]bool{}
	for _, s := range in.Snapshots {
		if s.Plan != "" {
			seen[s.Plan] = true
			latest = s.Plan
		}
	}
	if r.Plan == "" && latest != "" {
		id, sure := PlanID(latest)
		switch {
		case id == "":
			r.Notes = append(r.Notes, Note{Kind: NoteUnknownPlanType, Text: latest})
		default:
			r.Plan, r.PlanType, r.PlanUnsure = id, latest, !sure
		}
	}
	if len(seen) > 1 {
		r.Notes = append(r.Notes, Note{Kind: NotePlanTypes, N: len(seen), Text: joinSorted(seen), Plan: r.Plan})
	}
	var ws []Window
	var lengths []float64
	peaks := map[float64]float64{}
	var skip tally
	for _, x := range insts {
		hours := x.minutes / 60
		if !slices.Contains(lengths, hours) {
			lengths = append(lengths, hours)
		}
		if in.within(x.snaps[0].Time, x.snaps[len(x.snaps)-1].Time) {
			peaks[hours] = max(peaks[hours], x.peak())
		}
		if p := x.plan(); p != "" && r.Plan != "" {
			if id, _ := PlanID(p); id != r.Plan {
				skip.add(SkipOtherPlan, p)
				continue
			}
		}
		if a, b, fell := x.fell(); fell {
			skip.add(SkipFell, "")
			r.Notes = append(r.Notes, Note{Kind: NoteShareFell, Hours: hours, From: a, To: b})
			continue
		}
		from, to, moved, ok := x.span()
		if !ok || moved < MinMovement {
			skip.add(SkipSmallMove, "")
			continue
		}
		usd, ok := in.spent(from, to, false, SkipCodexEmpty, &skip)
		if !ok {
			continue
		}
		ws = append(ws, Window{Hours: hours, From: from, To: to, USD: usd, Moved: moved, Capacity: usd / (moved / 100)})
	}
	slices.Sort(lengths)
	r.Notes = append(r.Notes, skip.notes(UnitInstance)...)
	r.Notes = append(r.Notes, Note{Kind: NoteSnapshots, N: len(in.Snapshots), Of: len(insts), Done: len(ws), Points: MinMovement})
	return ws, lengths, peaks
}

func measureClaude(in *Input, r *Result) []Window {
	var hits []Hit
	var bad tally
	scoped, extra := 0, 0
	for _, n := range in.Notices {
		h, err := ParseNotice(n.Text, n.Time, in.Location)
		switch {
		case errors.Is(err, errNotLimit):
			continue
		case errors.Is(err, errScoped):
			scoped++
			continue
		case errors.Is(err, errExtraUsage):
			extra++
			continue
		case err != nil:
			bad.add(SkipBadNotice, err.Error())
			continue
		}
		hits = append(hits, h)
	}
	if scoped > 0 {
		r.Notes = append(r.Notes, Note{Kind: NoteScopedNotices, N: scoped})
	}
	if extra > 0 {
		r.Notes = append(r.Notes, Note{Kind: NoteExtraUsage, N: extra})
	}
	r.Notes = append(r.Notes, bad.notes(UnitNotice)...)
	// One window, one measurement: the first notice of each (later ones are
	// retries while the limit held, with nothing spent in between).
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(a.WindowHours, b.WindowHours), a.Reset.Compare(b.Reset), a.Time.Compare(b.Time))
	})
	var ws []Window
	var skip tally
	var last Hit
	distinct := 0
	for i, h := range hits {
		if i > 0 && h.WindowHours == last.WindowHours && h.Reset.Sub(last.Reset) <= resetTolerance {
			continue
		}
		last = h
		distinct++
		from := h.Reset.Add(-time.Duration(h.WindowHours * float64(time.Hour)))
		usd, ok := in.spent(from, h.Time, true, SkipClaudeEmpty, &skip)
		if !ok {
			continue
		}
		ws = append(ws, Window{Hours: h.WindowHours, From: from, To: h.Time, USD: usd, Moved: 100, Capacity: usd})
	}
	r.Notes = append(r.Notes, skip.notes(UnitReached)...)
	r.Notes = append(r.Notes, Note{Kind: NoteReached, N: distinct, Of: len(hits), Done: len(ws)})
	return ws
}

func joinSorted(m map[string]bool) string {
	return strings.Join(slices.Sorted(maps.Keys(m)), ", ")
}

// heaviest is the costliest window of the given length, with windows laid
// the way both vendors start theirs: at the hour of the first request after
// the previous window ended.
func heaviest(sp []usage.Spend, hours float64, from, to time.Time) Heaviest {
	h := Heaviest{WindowHours: hours}
	span := int64(hours * 3600e3)
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = from.UnixMilli()
	}
	if !to.IsZero() {
		hi = to.UnixMilli()
	}
	for i := 0; i < len(sp); {
		if sp[i].Time < lo || sp[i].Time >= hi {
			i++
			continue
		}
		start := sp[i].Time - ((sp[i].Time%3600e3)+3600e3)%3600e3
		end := start + span
		var usd float64
		var n, unpriced int
		for ; i < len(sp) && sp[i].Time < end && sp[i].Time < hi; i++ {
			n++
			if sp[i].Priced {
				usd += sp[i].USD
			} else {
				unpriced++
			}
		}
		if usd > h.USD || h.Requests == 0 {
			h.USD, h.Requests, h.Unpriced = usd, n, unpriced
			h.From, h.To = time.UnixMilli(start).UTC(), time.UnixMilli(end).UTC()
		}
	}
	return h
}
