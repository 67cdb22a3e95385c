package usage

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// A model name from the logs holding any character a class name cannot
// (U+00A0, U+00AD, U+200B, U+2028, U+202E, U+2066, U+FEFF, private use, a
// tag) no longer sinks the derived workload: the classes name the model
// without it, two names cleaned alike stay two classes, and a note names
// each as the logs wrote it.
func TestDeriveOddModelNames(t *testing.T) {
	odd := []string{"x\u00a0y", "x\u00ady", "x\u200by", "x\u2028y", "ev\u202eil", "x\u2066y\u2069", "\ufeffz", "p\ue000q", "t\U000E0041g", "\u200b"}
	want := []string{"x y", "xy", "xy", "x y", "evil", "xy", "z", "pq", "tg", "(unnamed model)"}
	for i, name := range odd {
		if got := printableName(name); got != want[i] {
			t.Errorf("printableName(%q) = %q, want %q", name, got, want[i])
		}
		if model.CheckClassName(want[i]) != nil {
			t.Errorf("%q cannot name a class", want[i])
		}
	}
	dir := t.TempDir()
	var b strings.Builder
	// One short request per model, all in one session on one day.
	for i, name := range append(odd, "m") {
		quoted, _ := json.Marshal(name)
		fmt.Fprintf(&b, `{"sessionId":"s","timestamp":"2026-03-02T10:%02d:00Z","requestId":"r%d","message":{"id":"m%d","model":%s,"usage":{"input_tokens":100,"output_tokens":10}}}`+"\n",
			i, i, i, quoted)
	}
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), b.String())
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	d, err := l.Derive(handCatalog(), DefaultRule)
	if err != nil {
		t.Fatalf("derive: %v", err)
	}
	if len(d.Workload.Classes) != len(odd)+1 {
		t.Errorf("%d classes, want %d (one a model)", len(d.Workload.Classes), len(odd)+1)
	}
	names := map[string]bool{}
	for _, c := range d.Workload.Classes {
		names[c.Name] = true
	}
	// "x\u00ady" and "x\u200by" and "x\u2066y\u2069" all clean to "xy".
	for _, n := range []string{"Short tasks · xy", "Short tasks · xy (2)", "Short tasks · xy (3)", "Short tasks · evil", "Short tasks · M"} {
		if !names[n] {
			t.Errorf("no class %q in %v", n, names)
		}
	}
	// The note keeps the names as the logs wrote them; report quotes them
	// (its test checks that no raw bidi character is printed).
	i := slices.IndexFunc(d.Notes, func(n Note) bool { return n.Kind == NoteUnprintable })
	if i < 0 || len(d.Notes[i].Names) != 10 || !slices.Contains(d.Notes[i].Names, "ev\u202eil") {
		t.Errorf("notes: %+v", d.Notes)
	}
}

// A model name in the logs as long as they keep one (maxName) still names
// a class within model.MaxName: the derived workload is valid.
func TestDeriveLongModelName(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i, name := range []string{strings.Repeat("m", 5000), strings.Repeat("한", 5000), "m"} {
		fmt.Fprintf(&b, `{"sessionId":"s","timestamp":"2026-03-02T10:%02d:00Z","requestId":"r%d","message":{"id":"m%d","model":%q,"usage":{"input_tokens":100,"output_tokens":10}}}`+"\n",
			i, i, i, name)
	}
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), b.String())
	d, err := load(t, ClaudeCode, Options{Paths: []string{dir}}).Derive(handCatalog(), DefaultRule)
	if err != nil {
		t.Fatalf("derive: %v", err)
	}
	if len(d.Workload.Classes) != 3 {
		t.Errorf("%d classes, want 3", len(d.Workload.Classes))
	}
	if err := d.Workload.Validate(); err != nil {
		t.Error(err)
	}
}

// Timestamps of year 1 or 9999 are bad lines, counted, not requests that
// stretch the logs over millennia: with them, the fitted month was 1 day.
func TestTimestampsOutsideTheCentury(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i, ts := range []string{"0001-01-01T00:00:00Z", "2026-03-02T10:00:00Z", "9999-12-31T23:59:59Z", "1999-12-31T23:59:59.999Z", "2100-01-01T00:00:00Z", "2026-03-20T10:00:00Z", "2099-12-31T23:59:59.999+00:00"} {
		fmt.Fprintf(&b, `{"sessionId":"s%d","timestamp":%q,"requestId":"r%d","message":{"id":"m%d","model":"m","usage":{"input_tokens":100,"output_tokens":10}}}`+"\n", i, ts, i, i)
	}
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"), b.String())
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	if len(l.recs) != 3 {
		t.Errorf("%d records, want 3 (2026-03-02, 2026-03-20, 2099-12-31)", len(l.recs))
	}
	want := []Skip{{Reason: "no readable timestamp of the years 2000–2099", Lines: 4}}
	if fmt.Sprint(l.Skipped) != fmt.Sprint(want) {
		t.Errorf("skipped %+v, want %+v", l.Skipped, want)
	}
	codex := t.TempDir()
	write(t, filepath.Join(codex, "sessions", "2026", "02", "11", "rollout-2026-02-11T09-30-00-x.jsonl"),
		`{"timestamp":"0001-01-01T00:00:00Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":1,"output_tokens":1}}}}`+"\n"+
			`{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":1,"output_tokens":1}}}}`+"\n")
	lc := load(t, Codex, Options{Paths: []string{codex}})
	if len(lc.recs) != 1 || fmt.Sprint(lc.Skipped) != fmt.Sprint([]Skip{{Reason: "no readable timestamp of the years 2000–2099", Lines: 1}}) {
		t.Errorf("codex: %d records, skipped %+v", len(lc.recs), lc.Skipped)
	}
}
