package ui

import (
	"fmt"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// glance is the selected option's case in a few lines, under the workload
// pane when the screen is wide, so "why" is visible without opening the
// detail view. It keeps its last render; the root sizes it and hands it the
// option.
type glance struct {
	r     rect
	lines []string
}

func (g *glance) setSize(r rect) { g.r = r }
func (g *glance) view() []string { return g.lines }

// draw renders option q (nil when none is selected); blank while the detail
// view is open, which says all of it, and more.
func (g *glance) draw(sh *shared, q *model.Quote, detailOpen bool) {
	switch {
	case g.r.H <= 0:
		g.lines = nil
	case detailOpen:
		g.lines = blank(g.r)
	case q == nil:
		g.lines = sh.box("", nil, g.r, false, "")
	default:
		g.lines = sh.box(q.Name, glanceLines(sh, q, g.r.W-paneSideFrame), g.r, false, "enter on a plan: details")
	}
}

// glanceLines are option q's case in lines iw wide.
func glanceLines(sh *shared, q *model.Quote, iw int) []string {
	var lines []string
	// Wrapped, continuation lines indented under the text they continue.
	add := func(s string) {
		for i, l := range wrapLines(s, iw-2) {
			if i > 0 {
				l = "  " + l
			}
			lines = append(lines, l)
		}
	}

	head := sh.money(q) + "/month"
	if q.Eligible && sh.res.TotalTasks > 0 {
		head += " · " + sh.perTask(q) + " a task"
	}
	if q.Kind == model.KindSubscription {
		head += " · " + seats(q.Seats)
	}
	add(sh.st.strong.Render(head))
	switch {
	case !q.Eligible:
		add(sh.st.bad.Render("✗ can't carry this work"))
	case !q.Fits:
		add(sh.st.warn.Render(fmt.Sprintf("~ %s/month of it overflows to API models", sh.cur.Format(q.Overflow))))
	default:
		add(sh.st.good.Render("✓ fits all your work"))
	}
	for i, c := range q.Classes {
		mark := sh.st.fitMark(q.ClassFit(i))
		where := c.ModelName
		if q.Kind == model.KindSubscription {
			where = "on the plan"
			if c.Model != "" {
				where = "→ " + c.ModelName
			}
		}
		if c.Cost > 0 {
			where += " " + sh.cur.Format(c.Cost)
		}
		switch {
		case c.Fits || !c.Reason.Given():
		case c.Why == model.WhyCaps:
			where += " · past the caps"
		default:
			where += " · " + report.ReasonText(c.Reason)
		}
		add(mark + " " + c.Name + ": " + sh.st.muted.Render(where))
	}
	for _, l := range q.Limits {
		s := sh.bar(l.Utilization, 5, l.Utilization > 1) + " " + utilPct(l.Utilization) + " of " + limitName(sh, l)
		if q.Seats > 1 {
			s += fmt.Sprintf(" · %s a seat", sh.limitAmount(l.Limit, l.Demand))
		}
		add(s)
	}
	if be := sh.breakEvenText(q); be != "" && q.Kind == model.KindSubscription {
		add("Break-even: " + be)
	}
	return lines
}

// limitName is a limit in words: "45 messages / 5 h".
func limitName(sh *shared, l model.LimitUse) string {
	s := fmt.Sprintf("%s / %s", sh.capText(l.Limit), window(l.WindowHours))
	if l.Confidence != "official" {
		s += " (" + capsWord(l.Confidence) + ")"
	}
	return s
}
