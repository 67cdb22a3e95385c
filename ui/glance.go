package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// The glance box: the selected option's case in a few lines, under the
// workload pane when the screen is wide, so "why" is visible without opening
// the detail view.

func (m *Model) renderGlance(r rect) []string {
	q := m.ranking.selected(&m.shared)
	if m.detail.open {
		return blank(r) // the detail view says all of it, and more
	}
	if q == nil {
		return m.box("", nil, r, false, "")
	}
	iw := r.W - paneSideFrame
	var lines []string
	// Wrapped, continuation lines indented under the text they continue.
	add := func(s string) {
		for i, l := range strings.Split(ansi.Wrap(s, max(iw-2, 1), " "), "\n") {
			if i > 0 {
				l = "  " + l
			}
			lines = append(lines, l)
		}
	}

	head := m.money(q) + "/month"
	if q.Eligible && m.res.TotalTasks > 0 {
		head += " · " + m.perTask(q) + " a task"
	}
	if q.Kind == model.KindSubscription {
		head += " · " + seats(q.Seats)
	}
	add(m.st.strong.Render(head))
	switch {
	case !q.Eligible:
		add(m.st.bad.Render("✗ can't carry this work"))
	case !q.Fits:
		add(m.st.warn.Render(fmt.Sprintf("~ %s/month of it overflows to API models", m.cur.Format(q.Overflow))))
	default:
		add(m.st.good.Render("✓ fits all your work"))
	}
	for i, c := range q.Classes {
		mark := m.st.fitMark(q.ClassFit(i))
		where := c.ModelName
		if q.Kind == model.KindSubscription {
			where = "on the plan"
			if c.Model != "" {
				where = "→ " + c.ModelName
			}
		}
		if c.Cost > 0 {
			where += " " + m.cur.Format(c.Cost)
		}
		switch {
		case c.Fits || !c.Reason.Given():
		case c.Why == model.WhyCaps:
			where += " · past the caps"
		default:
			where += " · " + report.ReasonText(c.Reason)
		}
		add(mark + " " + c.Name + ": " + m.st.muted.Render(where))
	}
	for _, l := range q.Limits {
		s := m.bar(l.Utilization, 5, l.Utilization > 1) + " " + utilPct(l.Utilization) + " of " + m.limitName(l)
		if q.Seats > 1 {
			s += fmt.Sprintf(" · %s a seat", m.limitAmount(l.Limit, l.Demand))
		}
		add(s)
	}
	if be := m.breakEvenText(q); be != "" && q.Kind == model.KindSubscription {
		add("Break-even: " + be)
	}
	return m.box(q.Name, lines, r, false, "enter on a plan: details")
}

// limitName is a limit in words: "45 messages / 5 h".
func (m *Model) limitName(l model.LimitUse) string {
	s := fmt.Sprintf("%s / %s", m.capText(l.Limit), window(l.WindowHours))
	if l.Confidence != "official" {
		s += " (" + capsWord(l.Confidence) + ")"
	}
	return s
}
