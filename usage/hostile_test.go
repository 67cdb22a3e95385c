package usage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// Hostile logs: each case is a defect once found by feeding the importer
// what no real log holds.

// claudeLine is one Claude Code usage line of model m at ts.
func claudeLine(id, ts, m string, in, out int) string {
	name, _ := json.Marshal(m) // control characters as \u escapes
	return fmt.Sprintf(`{"sessionId":"s","timestamp":"%s","requestId":"r%s","message":{"id":"m%s","model":%s,"usage":{"input_tokens":%d,"cache_read_input_tokens":0,"cache_creation_input_tokens":0,"output_tokens":%d}}}`+"\n",
		ts, id, id, name, in, out)
}

func writeLog(t *testing.T, path string, lines ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// One request with input_tokens 4294967295 (a valid count, but four times
// model.MaxTokens) is skipped and counted; the others are read and the
// workload is derived. Before, the fitted class's input of 2.1e9 made the
// whole import fail.
func TestAbsurdRequestSkipped(t *testing.T) {
	dir := t.TempDir()
	writeLog(t, filepath.Join(dir, "projects", "p", "s.jsonl"),
		claudeLine("1", "2026-03-02T10:00:00Z", "m", 1000, 50),
		claudeLine("2", "2026-03-02T10:05:00Z", "m", 4294967295, 50),
		claudeLine("3", "2026-03-02T11:00:00Z", "m", 1000, 10),
		claudeLine("4", "2026-03-03T10:00:00Z", "m", 1000, 999_999_999), // output just under 1e9: kept
	)
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if got := skipped(l)["a token count out of range"]; got != 1 {
		t.Errorf("skipped as out of range: %d, want 1 (%v)", got, l.Skipped)
	}
	s := l.Summarize(handCatalog())
	// Kept: 1, 3 and 4: input 3 × 1000, output 50 + 10 + 999,999,999.
	if s.Requests != 3 || s.Total.Input != 3000 || s.Total.Output != 1_000_000_059 {
		t.Errorf("requests %d, input %d, output %d; want 3, 3000, 1000000059", s.Requests, s.Total.Input, s.Total.Output)
	}
	if _, err := l.Derive(handCatalog(), DefaultRule); err != nil {
		t.Errorf("derive: %v", err)
	}
}

// A 1 MB model name, on ten lines, is kept as at most maxName bytes, so no
// table row grows with it; two long names that share their start stay two
// models; control characters, which a terminal would obey, are replaced.
func TestLongAndControlNamesBounded(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	dir := t.TempDir()
	var lines []string
	for i := range 10 {
		lines = append(lines, claudeLine(fmt.Sprint("a", i), "2026-03-02T10:00:00Z", long+"A", 1, 1))
	}
	lines = append(lines,
		claudeLine("b", "2026-03-02T10:00:00Z", long+"B", 1, 1),
		claudeLine("c", "2026-03-02T10:00:00Z", "evil\x1b[2J\x07name", 1, 1),
		claudeLine("d", "2026-03-02T10:00:00Z", "héllo-wörld", 1, 1),
	)
	writeLog(t, filepath.Join(dir, "s.jsonl"), lines...)
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	got := map[string]int64{}
	for _, m := range l.Summarize(nil).Models {
		if len(m.Name) > maxName || !utf8.ValidString(m.Name) {
			t.Errorf("name of %d bytes kept: %.60q…", len(m.Name), m.Name)
		}
		if strings.ContainsFunc(m.Name, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Errorf("control character kept in %q", m.Name)
		}
		got[m.Name] = m.Requests
	}
	if len(got) != 4 {
		t.Fatalf("%d models, want 4 (two long, the control one, the accented one): %v", len(got), got)
	}
	if got["evil\uFFFD[2J\uFFFDname"] != 1 || got["héllo-wörld"] != 1 {
		t.Errorf("short names: %v", got)
	}
	counts := map[int64]int{}
	for name, n := range got {
		if strings.HasPrefix(name, "xxx") {
			counts[n]++
		}
	}
	if counts[10] != 1 || counts[1] != 1 {
		t.Errorf("the long names' requests: %v, want one name with 10 and one with 1", got)
	}
}

func TestBoundName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"claude-sonnet-4-5", "claude-sonnet-4-5"},
		{"", ""},
		{"tab\there", "tab\uFFFDhere"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"del\x7f", "del\uFFFD"},
		{"c1\u0085", "c1\uFFFD"},
		{strings.Repeat("é", 64), strings.Repeat("é", 64)}, // 128 bytes: fits
		{strings.Repeat("a", 129), strings.Repeat("a", 109) + "…b8e0cbf8e5a3b2f1"}, // 109 + 3 + 16 = 128
		{strings.Repeat("é", 65), strings.Repeat("é", 54) + "…a27cd5a5e5d3a3c5"},   // a 2-byte rune is not split
	} {
		got := string(boundName([]byte(tc.in)))
		if strings.Contains(tc.want, "…") {
			// The hash is fnv-64a of the whole name; check its shape and length.
			prefix, _, _ := strings.Cut(tc.want, "…")
			gp, hash, ok := strings.Cut(got, "…")
			if !ok || gp != prefix || len(hash) != 16 || len(got) > maxName {
				t.Errorf("boundName(%.20q…) = %q, want %q…<16 hex>", tc.in, got, prefix)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("boundName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// loadWithin loads paths and fails the test after 5 s: a log that is a
// FIFO, or /dev/zero behind a link, once made the import hang.
func loadWithin(t *testing.T, paths ...string) (*Log, error) {
	t.Helper()
	type res struct {
		l   *Log
		err error
	}
	done := make(chan res, 1)
	go func() {
		l, err := Load(ClaudeCode, Options{Paths: paths, Location: time.UTC})
		done <- res{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("still reading after 5 s")
	}
	return nil, nil
}

// A FIFO or a link to a device inside a log folder is skipped and said so;
// named as the log itself, it is a problem and nothing is readable.
func TestSpecialFilesSkipped(t *testing.T) {
	dir := t.TempDir()
	logs := filepath.Join(dir, "projects", "p")
	writeLog(t, filepath.Join(logs, "good.jsonl"), claudeLine("1", "2026-03-02T10:00:00Z", "m", 10, 1))
	fifo := safefiletest.FIFO(t, filepath.Join(logs, "fifo.jsonl"))
	zero := safefiletest.EndlessLink(t, filepath.Join(logs, "zero.jsonl"))
	l, err := loadWithin(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Summarize(nil); s.Requests != 1 {
		t.Errorf("requests %d, want 1", s.Requests)
	}
	said := map[string]string{}
	for _, p := range l.Problems {
		said[p.Path] = p.What
	}
	if said[fifo] != notRegular || said[zero] != notRegular || l.ProblemCount != 2 {
		t.Errorf("problems %+v, want the FIFO and the link, each %q", l.Problems, notRegular)
	}

	for _, named := range []string{fifo, zero} {
		if _, err := loadWithin(t, named); err == nil || !strings.Contains(err.Error(), "no usage log could be read") {
			t.Errorf("Load(%s): %v, want nothing readable", named, err)
		}
	}
}

// A FIFO put where a log was, after the folder was listed, is refused when
// it is opened rather than waited on.
func TestOpenLogRefusesFIFO(t *testing.T) {
	fifo := safefiletest.FIFO(t, filepath.Join(t.TempDir(), "late.jsonl"))
	done := make(chan error, 1)
	go func() {
		f, err := openLog(fifo)
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if describeOpen(err, "unreadable") != notRegular {
			t.Errorf("openLog: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the open waited on the FIFO")
	}
}

// A timestamp of year 0 is day 0000-01-01, not 0000-01-03: the day count
// must floor for years before 1.
func TestYearZeroDay(t *testing.T) {
	for _, tc := range []struct {
		ts, day string
	}{
		{"0000-01-01T00:00:00Z", "0000-01-01"},
		{"0000-02-29T12:00:00Z", "0000-02-29"}, // year 0 is a leap year
		{"0000-03-01T00:00:00Z", "0000-03-01"},
		{"1970-01-01T00:00:00Z", "1970-01-01"},
		{"9999-12-31T23:59:59Z", "9999-12-31"},
	} {
		ms, ok := parseTime([]byte(tc.ts))
		if !ok {
			t.Errorf("%s not read", tc.ts)
			continue
		}
		if got := dayString((&localClock{loc: time.UTC}).day(ms)); got != tc.day {
			t.Errorf("%s is day %s, want %s", tc.ts, got, tc.day)
		}
	}
}

// Whatever a log holds, a kept name is short, valid UTF-8 and free of
// control characters; a name that was already so is kept as it is.
func FuzzBoundName(f *testing.F) {
	for _, s := range []string{"claude-sonnet-4-5", "évil\x1b[2J", strings.Repeat("x", 200), "\xff\xfe", strings.Repeat("é", 70)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := string(boundName(b))
		if len(got) > maxName || !utf8.ValidString(got) || strings.ContainsFunc(got, unicode.IsControl) {
			t.Fatalf("boundName(%q) = %q", b, got)
		}
		if len(b) <= maxName && utf8.Valid(b) && !strings.ContainsFunc(string(b), unicode.IsControl) && got != string(b) {
			t.Fatalf("boundName(%q) = %q, want it unchanged", b, got)
		}
	})
}
