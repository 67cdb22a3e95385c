package usage

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
)

func load(t *testing.T, src Source, opt Options) *Log {
	t.Helper()
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	l, err := Load(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func skipped(l *Log) map[string]int64 {
	m := map[string]int64{}
	for _, s := range l.Skipped {
		m[s.Reason] = s.Lines
	}
	return m
}

func byName(s Summary) map[string]ModelSummary {
	m := map[string]ModelSummary{}
	for _, x := range s.Models {
		m[x.Name] = x
	}
	return m
}

// The Claude fixture (testdata/claude), line by line:
//
//	s1.jsonl  user prompt                                   not a usage record
//	          msg_A/req_A out 5, then out 50                 one request, the larger kept
//	          user tool result with toolUseResult.usage      not a usage record
//	          msg_B/req_B in 3, read 1000, 5m 150 + 1h 50    cache_creation wins over cache_creation_input_tokens 999
//	          msg_B/req_B2 sidechain replay                  dropped
//	          a line cut in the middle                       malformed JSON
//	          binary garbage                                 not JSON
//	          version "beta"; requestId null; input 1.5      invalid ×3
//	          timestamp "yesterday"                          no readable timestamp
//	          <synthetic> msg_S, zero usage                  a notice, not a request
//	          agent-progress msg_P/req_P (sidechain)         a request
//	          output_tokens 2^32                             out of range
//	          last line cut, no newline                      cut short at the end
//	s2.jsonl  copy of msg_A/req_A (a resumed session, CRLF) dropped
//	          msg_C/req_C claude-opus-4-1, next day          a request, unpriced
//	s1/subagents/agent-a1.jsonl
//	          msg_P/req_P again                              dropped
//	          msg_D/req_D sidechain                          a request
//
// Kept: A (in 10, write 1000, out 50), B (in 3, read 1000, write 200 of which
// 1h 50, out 80), P (in 2, read 500, out 20), C (in 1, read 2000,
// write 100, out 40), D (in 4, write 800, out 30):
// input 20, output 220, cache read 3500, cache write 2100 (1h 50).
func TestClaudeFixture(t *testing.T) {
	l := load(t, ClaudeCode, Options{Paths: []string{"testdata/claude"}})
	s := l.Summarize(nil)
	want := Tokens{Input: 20, Output: 220, CacheRead: 3500, CacheWrite: 2100, CacheWrite1h: 50}
	if s.Total != want {
		t.Errorf("total = %+v, want %+v", s.Total, want)
	}
	if s.Requests != 5 || s.Sessions != 2 || s.Days != 2 || s.First != "2026-03-04" || s.Last != "2026-03-05" {
		t.Errorf("requests %d sessions %d days %d %s..%s, want 5, 2, 2, 2026-03-04..2026-03-05", s.Requests, s.Sessions, s.Days, s.First, s.Last)
	}
	if l.Files != 3 || l.Duplicates != 4 {
		t.Errorf("files %d duplicates %d, want 3 and 4", l.Files, l.Duplicates)
	}
	wantSkips := map[string]int64{
		"malformed JSON":                               1,
		"not JSON (binary or garbage)":                 1,
		"usage fields that break the log format":       3,
		"no readable timestamp of the years 2000–2099": 1,
		"a token count out of range":                   1,
		"cut short at the end of the file":             1,
	}
	if got := skipped(l); !mapsEqual(got, wantSkips) {
		t.Errorf("skipped = %v, want %v", got, wantSkips)
	}
	m := byName(s)
	son := m["claude-sonnet-4-5-20250929"]
	if son.Requests != 4 || son.Tokens != (Tokens{Input: 19, Output: 180, CacheRead: 1500, CacheWrite: 2000, CacheWrite1h: 50}) {
		t.Errorf("sonnet = %+v", son)
	}
	if o := m["claude-opus-4-1-20250805"]; o.Requests != 1 || o.Priced {
		t.Errorf("opus 4.1 = %+v, want one unpriced request", o)
	}
	if _, ok := m[Synthetic]; ok || l.Synthetic != 1 {
		t.Errorf("synthetic: %d lines, model %+v; want 1 line and no model", l.Synthetic, m[Synthetic])
	}
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// The Codex fixture (testdata/codex):
//
//	sessions/…/aaaa   info null                               nothing
//	                  gpt-5-codex, last {1000, 0, 100, 40}    in 1000, out 60, reasoning 40
//	                  totals only {3500, 2000, 250, 100}      delta: in 500 (+2000 cached), out 90, reasoning 60
//	                  last all zero                           nothing
//	                  gpt-5.1-codex-max, last {4000, 3000, 300, 200}  in 1000 (+3000), out 100, reasoning 200
//	                  a line cut in the middle                malformed
//	                  last {100, 500, 10, 0}: cached > input  cached clamped: in 0 (+100), out 10
//	archived/aaaa     the same rollout archived               ignored: the active copy wins
//	archived/bbbb     gpt-5.2-codex, last {2000, 1024, 500, 100}     in 976 (+1024), out 400, reasoning 100
//	sessions/…/cccc   a sub-agent: two totals in one second (replay), then
//	                  totals {51000, 30500, 4100, 2050}      delta: in 500 (+500), out 50, reasoning 50, no model
//
// Input 2500 + 976 + 500 = 3976; cache read 5100 + 1024 + 500 = 6624;
// output 260 + 400 + 50 = 710; reasoning 300 + 100 + 50 = 450.
func TestCodexFixture(t *testing.T) {
	l := load(t, Codex, Options{Paths: []string{"testdata/codex"}})
	s := l.Summarize(nil)
	want := Tokens{Input: 3976, Output: 710, CacheRead: 6624, Reasoning: 450}
	if s.Total != want {
		t.Errorf("total = %+v, want %+v", s.Total, want)
	}
	if s.Requests != 6 || s.Sessions != 3 || s.Days != 2 || l.Files != 3 {
		t.Errorf("requests %d sessions %d days %d files %d, want 6, 3, 2, 3", s.Requests, s.Sessions, s.Days, l.Files)
	}
	if got := skipped(l); !mapsEqual(got, map[string]int64{"malformed JSON": 1}) {
		t.Errorf("skipped = %v", got)
	}
	m := byName(s)
	for name, reqs := range map[string]int64{"gpt-5-codex": 2, "gpt-5.1-codex-max": 2, "gpt-5.2-codex": 1, "": 1} {
		if m[name].Requests != reqs {
			t.Errorf("%q: %d requests, want %d", name, m[name].Requests, reqs)
		}
	}
	if x := m["gpt-5.2-codex"].Tokens; x != (Tokens{Input: 976, CacheRead: 1024, Output: 400, Reasoning: 100}) {
		t.Errorf("gpt-5.2-codex = %+v", x)
	}
}

func TestSinceUntilAndTimeZone(t *testing.T) {
	// 2026-03-04T10:00 UTC is the 4th in UTC and in Tokyo; 2026-03-05T09:00
	// UTC is the 5th in both, and the 5th 04:00 in New York.
	for _, tc := range []struct {
		name         string
		opt          Options
		requests     int64
		outsideDates int64
	}{
		{"all", Options{}, 5, 0},
		{"since the 5th", Options{Since: "2026-03-05"}, 1, 4},
		{"until the 4th", Options{Until: "20260304"}, 4, 1},
		{"the 4th in Tokyo", Options{Since: "2026-03-04", Until: "2026-03-04", Location: mustLoc(t, "Asia/Tokyo")}, 4, 1},
		{"the 3rd in Honolulu", Options{Until: "2026-03-03", Location: mustLoc(t, "Pacific/Honolulu")}, 0, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opt.Paths = []string{"testdata/claude"}
			l := load(t, ClaudeCode, tc.opt)
			if s := l.Summarize(nil); s.Requests != tc.requests || l.OutOfRange != tc.outsideDates {
				t.Errorf("requests %d, outside %d; want %d, %d", s.Requests, l.OutOfRange, tc.requests, tc.outsideDates)
			}
		})
	}
	if _, err := Load(ClaudeCode, Options{Paths: []string{"testdata/claude"}, Since: "2026-03-06", Until: "2026-03-05"}); err == nil {
		t.Error("since after until: no error")
	}
	if _, err := Load(ClaudeCode, Options{Paths: []string{"testdata/claude"}, Since: "March"}); err == nil {
		t.Error("since March: no error")
	}
}

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skip(err)
	}
	return loc
}

const goodLine = `{"sessionId":"s","version":"2.0.1","timestamp":"2026-03-04T10:00:00.000Z","requestId":"r%d","message":{"id":"m%d","model":"claude-sonnet-4-5","usage":{"input_tokens":1,"output_tokens":2}}}`

func lines(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.NewReplacer("%d", string(rune('a'+i))).Replace(goodLine))
		b.WriteByte('\n')
	}
	return b.String()
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A line over the cap is skipped and counted without being held whole; the
// lines around it are read; a line just under the cap is read.
func TestHugeLines(t *testing.T) {
	dir := t.TempDir()
	huge := `{"message":{"content":"` + strings.Repeat("x", DefaultMaxLine) + `","usage":{"input_tokens":1,"output_tokens":1}}}`
	nearly := strings.Replace(strings.NewReplacer("%d", "z").Replace(goodLine), `"model"`, `"content":"`+strings.Repeat("y", 9<<20)+`","model"`, 1)
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), lines(2)+huge+"\n"+nearly+"\n"+lines(1)[:len(lines(1))-1]+"\n")
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if got := skipped(l); !mapsEqual(got, map[string]int64{"longer than 10 MiB": 1}) {
		t.Errorf("skipped = %v", got)
	}
	// a and b, then z (9 MB), then a again (a duplicate).
	if s := l.Summarize(nil); s.Requests != 3 || l.Duplicates != 1 {
		t.Errorf("requests %d duplicates %d, want 3 and 1", s.Requests, l.Duplicates)
	}
	// A huge last line with no newline, and a small cap.
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), lines(1)+strings.Repeat("z", 5000))
	l = load(t, ClaudeCode, Options{Paths: []string{dir}, MaxLine: 1000})
	if got := skipped(l); !mapsEqual(got, map[string]int64{"longer than 1000 bytes": 1}) {
		t.Errorf("skipped = %v", got)
	}
}

// A log that starts with a byte order mark loses no record to it: its
// first line is read, not skipped as not JSON.
func TestLogWithBOM(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), "\ufeff"+lines(2))
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if s := l.Summarize(nil); s.Requests != 2 || len(l.Skipped) != 0 {
		t.Errorf("requests %d, skipped %v; want 2 and none", s.Requests, skipped(l))
	}
}

func TestLineReader(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		max   int
		lines []string
		kinds []int
	}{
		{"plain", "a\nb\n", 10, []string{"a", "b"}, []int{lineFull, lineFull}},
		{"crlf and no final newline", "a\r\nbb", 10, []string{"a", "bb"}, []int{lineFull, lineLast}},
		{"empty lines", "\n\nx\n", 10, []string{"", "", "x"}, []int{lineFull, lineFull, lineFull}},
		{"too long in the middle", "ok\n" + strings.Repeat("l", 30) + "\nok2\n", 10, []string{"ok", "", "ok2"}, []int{lineFull, lineTooLong, lineFull}},
		{"exactly the cap", strings.Repeat("c", 10) + "\n", 10, []string{strings.Repeat("c", 10)}, []int{lineFull}},
		{"too long at the end", "ok\n" + strings.Repeat("l", 30), 10, []string{"ok", ""}, []int{lineFull, lineTooLong}},
		// A byte order mark is dropped at the start of the stream only.
		{"a BOM first", "\ufeffa\n\ufeffb\n", 10, []string{"a", "\ufeffb"}, []int{lineFull, lineFull}},
		{"only a BOM", "\ufeff", 10, nil, nil},
		{"part of a BOM", "\xef\xbb\n", 10, []string{"\xef\xbb"}, []int{lineFull}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One byte per Read, to cross every buffer boundary.
			lr := newLineReader(oneByte{strings.NewReader(tc.in)}, tc.max, make([]byte, 4))
			lr.buf = lr.buf[:4]
			lr.skipBOM()
			var got []string
			var kinds []int
			for {
				line, k := lr.next()
				if k == lineNone {
					break
				}
				got = append(got, string(line))
				kinds = append(kinds, k)
				if len(lr.buf) > tc.max+1 && len(lr.buf) > 4 {
					t.Fatalf("buffer grew to %d past the cap %d", len(lr.buf), tc.max)
				}
			}
			if !slices.Equal(got, tc.lines) || !slices.Equal(kinds, tc.kinds) {
				t.Errorf("got %q %v, want %q %v", got, kinds, tc.lines, tc.kinds)
			}
		})
	}
}

type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

// failing makes openLog fail for some paths, and cut others short.
func failing(t *testing.T, deny map[string]error, cut map[string]int) {
	t.Helper()
	prev := openLog
	t.Cleanup(func() { openLog = prev })
	openLog = func(path string) (io.ReadCloser, error) {
		base := filepath.Base(path)
		if err, ok := deny[base]; ok {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if n, ok := cut[base]; ok {
			return errAfter{f, n}, nil
		}
		return f, nil
	}
}

// errAfter fails with EIO after n bytes, like a disk or a network file
// system giving way mid-read.
type errAfter struct {
	f *os.File
	n int
}

func (e errAfter) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, errors.New("input/output error")
	}
	if len(p) > e.n {
		p = p[:e.n]
	}
	n, err := e.f.Read(p)
	e.n -= n
	if e.n <= 0 && err == nil {
		return n, errors.New("input/output error")
	}
	return n, err
}

func (e errAfter) Close() error { return e.f.Close() }

func TestUnreadableAndVanishingFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "projects", "p")
	write(t, filepath.Join(p, "ok.jsonl"), lines(1))
	write(t, filepath.Join(p, "locked.jsonl"), lines(2))
	write(t, filepath.Join(p, "cut.jsonl"), lines(3))
	// A file that vanished between the listing and the reading: a dangling link.
	if err := os.Symlink(filepath.Join(dir, "gone.jsonl"), filepath.Join(p, "gone.jsonl")); err != nil {
		t.Skip(err)
	}
	failing(t, map[string]error{"locked.jsonl": fs.ErrPermission}, map[string]int{"cut.jsonl": len(lines(1)) + 10})
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	// ok.jsonl gives a; cut.jsonl gives a (a duplicate) and the start of b (cut short).
	if s := l.Summarize(nil); s.Requests != 1 || l.Duplicates != 1 {
		t.Errorf("requests %d duplicates %d, want 1 and 1", s.Requests, l.Duplicates)
	}
	var what []string
	for _, pr := range l.Problems {
		what = append(what, filepath.Base(pr.Path)+": "+pr.What)
	}
	slices.Sort(what)
	want := []string{"cut.jsonl: read error after ", "gone.jsonl: vanished before it was read", "locked.jsonl: unreadable (permission denied)"}
	if len(what) != 3 || !strings.HasPrefix(what[0], want[0]) || what[1] != want[1] || what[2] != want[2] {
		t.Errorf("problems = %q", what)
	}
	if got := skipped(l); !mapsEqual(got, map[string]int64{"cut short at the end of the file": 1}) {
		t.Errorf("skipped = %v", got)
	}
}

func TestNothingReadable(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(ClaudeCode, Options{Paths: []string{filepath.Join(dir, "nope")}}); !errors.Is(err, ErrNothingReadable) {
		t.Errorf("missing path: %v", err)
	}
	write(t, filepath.Join(dir, "projects", "p", "a.jsonl"), lines(1))
	failing(t, map[string]error{"a.jsonl": fs.ErrPermission}, nil)
	if _, err := Load(ClaudeCode, Options{Paths: []string{dir}}); !errors.Is(err, ErrNothingReadable) {
		t.Errorf("every file unreadable: %v", err)
	}
	// One path of two missing: not fatal, reported.
	openLog = func(path string) (io.ReadCloser, error) { return os.Open(path) }
	l := load(t, ClaudeCode, Options{Paths: []string{dir, filepath.Join(dir, "nope")}})
	if len(l.Problems) != 1 || l.Problems[0].What != "not found" {
		t.Errorf("problems = %+v", l.Problems)
	}
	// An empty directory is readable: no error, no record.
	empty := t.TempDir()
	l = load(t, ClaudeCode, Options{Paths: []string{empty}})
	if s := l.Summarize(nil); s.Requests != 0 {
		t.Errorf("empty: %+v", s)
	}
	if _, err := l.Derive(&model.Catalog{}, DefaultRule); !errors.Is(err, ErrNoRecords) {
		t.Errorf("derive on nothing: %v", err)
	}
}

// A directory that cannot be listed is reported and passed over.
func TestUnreadableDirectorySeam(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "projects", "a", "ok.jsonl"), lines(1))
	write(t, filepath.Join(dir, "projects", "locked", "x.jsonl"), lines(2))
	prev := walkDir
	t.Cleanup(func() { walkDir = prev })
	walkDir = func(root string, fn fs.WalkDirFunc) error {
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "locked" {
				return fn(p, d, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission})
			}
			return fn(p, d, err)
		})
	}
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if s := l.Summarize(nil); s.Requests != 1 || len(l.Problems) != 1 || l.Problems[0].What != "unreadable directory (permission denied)" {
		t.Errorf("requests %d problems %+v", s.Requests, l.Problems)
	}
}

func TestUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any directory")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "projects", "a", "ok.jsonl"), lines(1))
	locked := filepath.Join(dir, "projects", "b")
	write(t, filepath.Join(locked, "x.jsonl"), lines(2))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if s := l.Summarize(nil); s.Requests != 1 || len(l.Problems) != 1 || !strings.HasPrefix(l.Problems[0].What, "unreadable directory") {
		t.Errorf("requests %d problems %+v", s.Requests, l.Problems)
	}
}

func TestDefaultRoots(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("CLAUDE_CONFIG_DIR", "")
	t.Setenv("CODEX_HOME", "")
	if got, want := DefaultRoots(ClaudeCode), []string{filepath.Join(home, ".config", "claude"), filepath.Join(home, ".claude")}; !slices.Equal(got, want) {
		t.Errorf("claude = %q, want %q", got, want)
	}
	if got, want := DefaultRoots(Codex), []string{filepath.Join(home, ".codex")}; !slices.Equal(got, want) {
		t.Errorf("codex = %q, want %q", got, want)
	}
	t.Setenv("CLAUDE_CONFIG_DIR", " /a/claude ,, /b/claude")
	if got := DefaultRoots(ClaudeCode); !slices.Equal(got, []string{"/a/claude", "/b/claude"}) {
		t.Errorf("CLAUDE_CONFIG_DIR list = %q", got)
	}
	t.Setenv("CODEX_HOME", "/c")
	if got := DefaultRoots(Codex); !slices.Equal(got, []string{"/c"}) {
		t.Errorf("CODEX_HOME = %q", got)
	}
	// The default roots of a home without logs: nothing readable, and no
	// complaint about each missing default directory.
	t.Setenv("CLAUDE_CONFIG_DIR", "")
	if _, err := Load(ClaudeCode, Options{}); !errors.Is(err, ErrNothingReadable) {
		t.Errorf("no logs at home: %v", err)
	}
	// CLAUDE_CONFIG_DIR holding projects/, read with the default paths.
	t.Setenv("CLAUDE_CONFIG_DIR", "testdata/claude")
	if s := load(t, ClaudeCode, Options{}).Summarize(nil); s.Requests != 5 {
		t.Errorf("CLAUDE_CONFIG_DIR: %d requests", s.Requests)
	}
	t.Setenv("CODEX_HOME", "testdata/codex")
	if s := load(t, Codex, Options{}).Summarize(nil); s.Requests != 6 {
		t.Errorf("CODEX_HOME: %d requests", s.Requests)
	}
}

func TestPathSession(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"/h/.claude/projects/p/s1.jsonl", "s1"},
		{"/h/.claude/projects/p/s1/subagents/agent-x.jsonl", "s1"},
		{"loose.jsonl", "loose"},
	} {
		if got := pathSession(ClaudeCode, tc.path); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.want)
		}
	}
}

// The de-duplication keeps the same requests whatever order the files
// arrive in.
func TestDedupOrderIndependent(t *testing.T) {
	mk := func(msg, req string, side bool, total uint32, ts int64) item {
		it := item{r: rec{ts: ts}}
		it.r.tok[tRead] = total
		if side {
			it.r.flags |= fSide
		}
		if req != "" {
			it.r.flags |= fHasReq
			it.req = uint32(len(req))*1000 + uint32(req[len(req)-1])
		}
		if msg != "" {
			it.hasMsg = true
			it.msg = [2]uint64{uint64(msg[len(msg)-1]), 7}
		}
		return it
	}
	items := []item{
		mk("m1", "r1", false, 100, 1), // the request
		mk("m1", "r1", false, 150, 1), // its larger copy: kept
		mk("m1", "r2", true, 900, 2),  // a sidechain replay: dropped
		mk("m1", "r3", false, 10, 3),  // another request of the same message id: kept
		mk("m2", "r9", true, 40, 4),   // sidechain entries of m2 collapse…
		mk("m2", "r8", true, 60, 5),   // …into the largest
		mk("m3", "", false, 5, 6),     // no request id
		mk("m3", "", false, 6, 6),     // same key: the larger
		mk("", "r7", false, 1, 7),     // no message id: always kept
		mk("", "r7", false, 1, 7),
	}
	want := []uint32{150, 10, 60, 6, 1, 1}
	perm := make([]int, len(items))
	for i := range perm {
		perm[i] = i
	}
	var sessions interner
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		d := dedup{sessions: &sessions}
		for _, i := range perm {
			it := items[i]
			d.add(&it)
		}
		var got []uint32
		recs, _ := d.recs.within(-1<<62, 1<<62)
		for _, r := range recs {
			got = append(got, r.tok[tRead])
		}
		slices.Sort(got)
		w := slices.Clone(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Fatalf("order %v: kept %v, want %v", perm, got, w)
		}
	}
}

func TestMatchModel(t *testing.T) {
	cat := &model.Catalog{Models: []model.APIModel{{ID: "claude-sonnet-4-5"}, {ID: "claude-opus-4-5"}, {ID: "gpt-5"}, {ID: "gpt-5.1"}, {ID: "gpt-5-mini"}, {ID: "gpt-4o"}}}
	for _, tc := range []struct{ name, id, rule string }{
		{"claude-sonnet-4-5", "claude-sonnet-4-5", ""},
		{"claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "snapshot date dropped"},
		{"Claude-Sonnet-4-5", "claude-sonnet-4-5", ""},
		{"anthropic/claude-opus-4-5", "claude-opus-4-5", "provider prefix dropped"},
		{"us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5", "Bedrock prefix dropped, snapshot date dropped"},
		{"claude-sonnet-4-5@20250929", "claude-sonnet-4-5", "snapshot date dropped"},
		{"gpt-4o-2024-08-06", "gpt-4o", "snapshot date dropped"},
		{"gpt-5-codex", "gpt-5", "Codex variant priced as its base model"},
		{"gpt-5.1-codex-max", "gpt-5.1", "Codex variant priced as its base model"},
		{"gpt-5-codex-mini", "gpt-5-mini", "Codex variant priced as its base model"},
		{"openai/gpt-5-codex", "gpt-5", "provider prefix dropped, Codex variant priced as its base model"},
		// Never guessed: unknown stays unknown.
		{"claude-opus-4-1", "", ""},
		{"claude-opus-4-1-20250805", "", ""},
		{"gpt-5.1-codex-mini", "", ""},
		{"claude-sonnet-4", "", ""},
		{"gpt-5-2025", "", ""},
		{Synthetic, "", ""},
		{"", "", ""},
	} {
		if got := MatchModel(tc.name, cat); got.ID != tc.id || got.Rule != tc.rule {
			t.Errorf("%q → %+v, want {%s %s}", tc.name, got, tc.id, tc.rule)
		}
	}
}

// testdata/claude-2026 (real shapes, made-up values): three files, two
// sessions by sessionId (a1b2c3 and d4e5f6 are one session, resumed), the
// three forms of Claude Code's usage-limit notice (model <synthetic>), a
// repeated copy of msg_4, 1-hour cache writes, and models no longer sold.
// Per request, at the catalog's prices (USD per 1M):
//
//	msg_1 sonnet-4-5  10·3 + 1,000·3.75 (5m) + 2,000·6 (1h) + 200·15     = 18,780
//	msg_2 sonnet-4    5·3 + 500·3.75 + 3,000·0.3 + 100·15                = 4,290
//	msg_3 3-5-sonnet  100·3 + 50·15                                      = 1,050
//	msg_4 opus-4-1    3·15 + 1,000·30 (1h) + 2,000·1.5 + 300·75          = 55,545
//	msg_5 3-5-haiku   20·0.8 + 100·1 + 10·4                              = 156
//	msg_6 opus-4      1·15 + 500·1.5 + 5·75                              = 1,140
//	msg_7 3-haiku     1,000·0.25 + 100·1.25                              = 375
//	msg_8 3-opus      100·15 + 20·75                                     = 3,000
//	msg_9 3-7-sonnet  50·3 + 400·3.75 + 1,000·0.3 + 60·15                = 2,850
//
// 87,186 / 1e6 = $0.087186, and 13,634 tokens: what ccusage 20.0.24 reports
// on the same files.
func TestClaudeFixture2026(t *testing.T) {
	l := load(t, ClaudeCode, Options{Paths: []string{"testdata/claude-2026"}})
	s := l.Summarize(embedded(t))
	want := Tokens{Input: 1289, Output: 845, CacheRead: 6500, CacheWrite: 5000, CacheWrite1h: 3000}
	if s.Total != want || s.Total.Total() != 13634 {
		t.Errorf("total = %+v, want %+v", s.Total, want)
	}
	if s.Requests != 9 || s.Sessions != 2 || l.Synthetic != 3 || l.Duplicates != 1 {
		t.Errorf("requests %d sessions %d synthetic %d duplicates %d, want 9, 2, 3, 1", s.Requests, s.Sessions, l.Synthetic, l.Duplicates)
	}
	if math.Abs(s.Cost-0.087186) > 1e-12 || !s.Complete() {
		t.Errorf("cost %.9f complete %v, want 0.087186 and complete", s.Cost, s.Complete())
	}
	if got := byName(s)["claude-opus-4-1-20250805"]; got.Match.ID != "claude-opus-4-1" || math.Abs(got.Cost-0.055545) > 1e-12 {
		t.Errorf("opus 4.1 = %+v", got)
	}
}

// testdata/codex-repeats: every token_count event written twice, the copy
// with the same usage and a newer rate-limit snapshot.
//
//	dddd (gpt-5.3-codex): a snapshot without usage; T1 last 1,000 in (200 cached) / 100 out (40 reasoning);
//	     T2 last 2,000 (1,000) / 200 (60); T3 totals only, 4,000 (1,500) / 350 (100) after 3,000 (1,200) /
//	     300 (100): 1,000 (300) / 50 (0). Uncached 800 + 1,000 + 700 = 2,500, cached 1,500, visible
//	     output 60 + 140 + 50 = 250, reasoning 100: 4,350 = the last total_tokens.
//	     Cost: 2,500·1.75 + 1,500·0.175 + 350·14 = 4,375 + 262.5 + 4,900 = 9,537.5 → $0.0095375.
//	eeee (go plan): gpt-5.1-codex 5,000 / 500 (200): 5,000·1.25 + 500·10 = 11,250 → $0.01125;
//	     codex-mini-latest last 4,000 (2,048) / 400: 1,952·1.5 + 2,048·0.375 + 400·6 = 6,096 → $0.006096.
//
// Tokens: 14,250, as ccusage 20.0.24 counts them (it has no price for
// codex-mini-latest; the other two costs are its own).
func TestCodexRepeats(t *testing.T) {
	l := load(t, Codex, Options{Paths: []string{"testdata/codex-repeats"}})
	s := l.Summarize(embedded(t))
	want := Tokens{Input: 2500 + 5000 + 1952, Output: 250 + 300 + 400, CacheRead: 1500 + 2048, Reasoning: 100 + 200}
	if s.Total != want || s.Total.Total() != 14250 || s.Requests != 5 || l.Repeats != 5 {
		t.Errorf("total %+v (%d) requests %d repeats %d; want %+v (14250), 5, 5", s.Total, s.Total.Total(), s.Requests, l.Repeats, want)
	}
	if math.Abs(s.Cost-(0.0095375+0.01125+0.006096)) > 1e-12 || !s.Complete() {
		t.Errorf("cost %.9f complete %v", s.Cost, s.Complete())
	}
	// Every snapshot is kept, repeats and the one without usage included: 7 + 4.
	if len(l.RateLimits) != 11 {
		t.Fatalf("%d rate-limit snapshots, want 11", len(l.RateLimits))
	}
	first := l.RateLimits[0]
	wantFirst := RateLimits{Time: time.Date(2026, 3, 1, 10, 0, 5, 0, time.UTC), PlanType: "plus",
		Primary:   RateWindow{Known: true, UsedPercent: 5, WindowMinutes: 300, ResetsAt: 1772373600, ResetsInSeconds: -1},
		Secondary: RateWindow{Known: true, UsedPercent: 20, WindowMinutes: 10080, ResetsAt: 1772900000, ResetsInSeconds: -1}}
	if first != wantFirst {
		t.Errorf("first snapshot %+v\nwant %+v", first, wantFirst)
	}
	// An older build: resets_in_seconds, plan_type null.
	old := l.RateLimits[6]
	if old.PlanType != "" || old.Primary != (RateWindow{Known: true, UsedPercent: 12, WindowMinutes: 300, ResetsAt: -1, ResetsInSeconds: 2999}) || old.Secondary.Known {
		t.Errorf("older snapshot %+v", old)
	}
	// The go plan: a weekly primary only (secondary null).
	g := l.RateLimits[10]
	if g.PlanType != "go" || g.Primary.WindowMinutes != 10080 || g.Primary.UsedPercent != 6 || g.Secondary.Known {
		t.Errorf("go snapshot %+v", g)
	}
}

// TestMsgIndex fills the message index past several growths, with pairs of
// keys that share their first hash (and so their slot) but not the second:
// each must find its own record, and a key never inserted none.
func TestMsgIndex(t *testing.T) {
	var s recStore
	var m msgIndex
	key := func(i int) [2]uint64 { return [2]uint64{uint64(i / 2 * 7919), uint64(i)} }
	const n = 10000
	for i := range n {
		r, slot := m.find(key(i), &s)
		if r >= 0 {
			t.Fatalf("key %d found before it was inserted (record %d)", i, r)
		}
		m.insert(slot, s.push(rec{ts: int64(i)}, link{key: key(i), next: -1}), &s)
	}
	for i := range n {
		r, _ := m.find(key(i), &s)
		if r < 0 || s.at(r).ts != int64(i) {
			t.Fatalf("key %d: record %d", i, r)
		}
	}
	if r, _ := m.find([2]uint64{7919, n + 1}, &s); r >= 0 {
		t.Errorf("a key never inserted found record %d", r)
	}
	if got, want := len(m.slots), 16384; got != want { // 10000 keys fit 3/4 of 16384 slots, not of 8192
		t.Errorf("%d slots, want %d", got, want)
	}
}
