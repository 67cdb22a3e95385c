package ui

import (
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/report"
)

// The budget in the app: a setting that steps along the ladder and takes
// typed amounts, written in the workload's currency (c restates it), and
// every option within it marked.
func TestBudgetSetting(t *testing.T) {
	o := testOptions(t)
	o.Workload.Budget = 25
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})
	if got := m.fieldText(-1, fBudget); got != "$25.00" {
		t.Errorf("budget shows %q", got)
	}
	// The ladder above 25 is 30.
	if !m.stepField(-1, fBudget, 1, false) || m.w.Budget != 30 {
		t.Errorf("budget stepped to %v, want 30", m.w.Budget)
	}
	if err := m.setFieldText(-1, fBudget, "0"); err != nil || m.w.Budget != 0 || m.fieldText(-1, fBudget) != "none" {
		t.Errorf("0 did not clear the budget: %v %v", err, m.w.Budget)
	}
	if err := m.checkField(-1, fBudget, "-5"); err == nil {
		t.Error("a negative budget was taken")
	}

	// c: the same money in the next currency.
	m.w.Budget = 25
	m = send(m, press("c"))
	if m.cur.Code == "USD" {
		t.Fatal("c did not change the currency")
	}
	if want := 25 * m.cur.Rate; math.Abs(m.w.Budget-want) > 1e-9 {
		t.Errorf("budget in %s is %v, want 25 × %v = %v", m.cur.Code, m.w.Budget, m.cur.Rate, want)
	}
	if b := report.BudgetUSD(&m.w, m.cur); math.Abs(b-25) > 1e-9 {
		t.Errorf("the budget moved: $%v", b)
	}
}

// Every option within the budget has ◆ in the plans pane, and none other.
func TestBudgetMarks(t *testing.T) {
	o := testOptions(t)
	o.Workload.Budget = 25
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 60})
	lines := m.ranking.view()
	seen := 0
	for _, qi := range m.ranking.shown {
		q := &m.res.Quotes[qi]
		for _, l := range lines {
			if l = ansi.Strip(l); !strings.Contains(l, fmt.Sprintf("%3d %s ", qi+1, q.Name)) {
				continue
			}
			seen++
			if has, want := strings.Contains(l, "◆"), report.WithinBudget(q, &m.w, m.cur); has != want {
				t.Errorf("%s: ◆ %v, within the budget %v: %q", q.Name, has, want, l)
			}
		}
	}
	if seen < 10 {
		t.Errorf("only %d option rows found:\n%s", seen, strings.Join(lines, "\n"))
	}
}
