package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
	if m.eval.flipsAsked != m.eval.gen {
		t.Fatalf("flips of evaluation %d not asked for (asked %d)", m.eval.gen, m.eval.flipsAsked)
	}
	if m.flips != nil || strings.Contains(screen(m), "The answer flips") {
		t.Fatal("flips on screen before they were computed")
	}
	stale := flipsCmd(m.res, m.w.Current, m.eval.gen)()
	m = send(m, press("right")) // Short tasks 50 → 51 a day: a new evaluation
	if m.eval.flipsAsked != m.eval.gen {
		t.Fatal("the keystroke's evaluation asked for no flips")
	}
	m = send(m, stale)
	if m.flips != nil {
		t.Fatal("flips of an older workload were kept")
	}
	m = send(m, flipsCmd(m.res, m.w.Current, m.eval.gen)())
	fs := m.flips
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

// koOptions are the test options with a Korean workload and tokenizer tb's
// ko factor gone: Beta's models (on tb) take the median of ta's 1.5 and tc's
// 3, 2.25, an estimate (range 1.5–3).
func koOptions(t *testing.T) Options {
	o := testOptions(t)
	cat := *o.Catalog
	cat.Tokenizers = map[string]map[string]float64{"ta": {"en": 1, "ko": 1.5}, "tb": {"en": 1}, "tc": {"ko": 3}}
	o.Catalog = &cat
	o.Workload.Language = "ko"
	return o
}

// The detail view names the estimated factors an option uses: with tb's ko
// factor gone, Beta's models take the median of ta's 1.5 and tc's 3, 2.25
// (range 1.5–3).
func TestDetailNamesEstimatedFactors(t *testing.T) {
	o := koOptions(t)
	m := New(o)
	q, ok := m.res.Find("api:beta-top")
	if !ok {
		t.Fatal("no api:beta-top")
	}
	text := ansi.Strip(strings.Join(detailLines(&m.shared, q, 200), "\n"))
	for _, want := range []string{"Estimated token factors", `tokenizer "tb", no "ko" factor: estimated as the catalog's median 2.25 (range 1.50–3.00)`} {
		if !strings.Contains(text, want) {
			t.Errorf("detail lacks %q:\n%s", want, text)
		}
	}
	if q.MonthlyLow >= q.Monthly || q.MonthlyHigh <= q.Monthly {
		t.Errorf("range %v–%v around %v", q.MonthlyLow, q.MonthlyHigh, q.Monthly)
	}
}

// The options' ends arrive like the flips: a keystroke ranks by the point
// cost at once, ends computed for an older workload are dropped, and the
// ones that come give every option the ranges Evaluate gives it. The ko
// workload has estimated factors, so most options have ends.
func TestEndsArriveOffTheKeystroke(t *testing.T) {
	o := koOptions(t)
	t.Setenv("NO_COLOR", "")
	m := send(New(o), tea.WindowSizeMsg{Width: 160, Height: 48})
	ranged := func(m Model) int {
		n := 0
		for _, q := range m.res.Quotes {
			if q.MonthlyLow != q.MonthlyHigh {
				n++
			}
		}
		return n
	}
	if ranged(m) == 0 {
		t.Fatal("no option has ends at start")
	}
	stale := endsCmd(m.modeled, m.eval.gen)()
	m = send(m, press("right"))
	if m.eval.endsAsked != m.eval.gen {
		t.Fatal("the keystroke's evaluation asked for no ends")
	}
	if n := ranged(m); n != 0 {
		t.Fatalf("%d options have ends before they were computed", n)
	}
	m = send(m, stale)
	if n := ranged(m); n != 0 {
		t.Fatalf("ends of an older workload were kept (%d options)", n)
	}
	m = send(m, endsCmd(m.modeled, m.eval.gen)())
	want, err := model.Evaluate(m.priced(), m.eval.compared(&m.shared))
	if err != nil {
		t.Fatal(err)
	}
	if ranged(m) == 0 {
		t.Fatal("no option has ends after they came")
	}
	for i, q := range m.res.Quotes {
		w := want.Quotes[i]
		if q.ID != w.ID || q.MonthlyLow != w.MonthlyLow || q.MonthlyHigh != w.MonthlyHigh {
			t.Errorf("rank %d: %s %v–%v, Evaluate %s %v–%v", i, q.ID, q.MonthlyLow, q.MonthlyHigh, w.ID, w.MonthlyLow, w.MonthlyHigh)
		}
	}
}

// A flip point's line wraps under its text, not under its bullet.
func TestFlipLinesHang(t *testing.T) {
	m := newSized(t, 160, 48)
	m = send(m, flipsCmd(m.res, m.w.Current, m.eval.gen)())
	if len(m.flips) == 0 {
		t.Fatal("no flips for the test workload")
	}
	// Each flip line is longer than 30 cells: at 40 it wraps.
	words := strings.Fields(report.FlipLine(&m.res, m.flips[0]))
	checkHanging(t, "flips", flipLines(&m.shared, 40), "• "+words[0], words[len(words)-1])
}
