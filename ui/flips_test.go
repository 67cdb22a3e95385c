package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// Flip points arrive after the re-rank, off the keystroke path: the
// headline names the nearest once they come, the verdict view lists every
// one, and points computed for a workload that has changed since are
// dropped.
func TestFlipsArriveOffTheKeystroke(t *testing.T) {
	m := newSized(t, 160, 48)
	if m.flipsAsked != m.evalGen {
		t.Fatalf("flips of evaluation %d not asked for (asked %d)", m.evalGen, m.flipsAsked)
	}
	if m.currentFlips() != nil || strings.Contains(screen(m), "The answer flips") {
		t.Fatal("flips on screen before they were computed")
	}
	stale := flipsCmd(m.res, m.evalGen)()
	m = send(m, press("right")) // Short tasks 50 → 51 a day: a new evaluation
	if m.flipsAsked != m.evalGen {
		t.Fatal("the keystroke's evaluation asked for no flips")
	}
	m = send(m, stale)
	if m.currentFlips() != nil {
		t.Fatal("flips of an older workload were kept")
	}
	m = send(m, flipsCmd(m.res, m.evalGen)())
	fs := m.currentFlips()
	if len(fs) == 0 {
		t.Fatal("no flips for the test workload")
	}
	near, _ := model.NearestFlip(fs)
	if s := screen(m); !strings.Contains(s, "The answer flips to "+near.To.Name) {
		t.Errorf("headline lacks the nearest flip:\n%s", s)
	}
	m = send(m, press("v"))
	s := strings.Join(strings.Fields(screen(m)), " ")
	if !strings.Contains(s, "Flip points (where the answer changes):") {
		t.Fatalf("verdict view lacks the flips:\n%s", screen(m))
	}
	for _, f := range fs {
		if line := report.FlipLine(&m.res, f); !strings.Contains(s, strings.Join(strings.Fields(line), " ")) {
			t.Errorf("verdict view lacks %q", line)
		}
	}
}

// The detail view names the estimated factors an option uses: with tb's ko
// factor gone, Beta's models take the median of ta's 1.5 and tc's 3, 2.25
// (range 1.5–3).
func TestDetailNamesEstimatedFactors(t *testing.T) {
	o := testOptions(t)
	cat := *o.Catalog
	cat.Tokenizers = map[string]map[string]float64{"ta": {"en": 1, "ko": 1.5}, "tb": {"en": 1}, "tc": {"ko": 3}}
	o.Catalog = &cat
	o.Workload.Language = "ko"
	m := New(o)
	q, ok := m.res.Find("api:beta-top")
	if !ok {
		t.Fatal("no api:beta-top")
	}
	text := ansi.Strip(strings.Join(m.shared.detailLines(q, 200), "\n"))
	for _, want := range []string{"Estimated token factors", `tokenizer "tb", no "ko" factor: estimated as the catalog's median 2.25 (range 1.50–3.00)`} {
		if !strings.Contains(text, want) {
			t.Errorf("detail lacks %q:\n%s", want, text)
		}
	}
	if q.MonthlyLow >= q.Monthly || q.MonthlyHigh <= q.Monthly {
		t.Errorf("range %v–%v around %v", q.MonthlyLow, q.MonthlyHigh, q.Monthly)
	}
}
