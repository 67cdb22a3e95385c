package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/tokenomics/tokenomics/model"
)

// The ranked plans pane: every option by effective monthly cost, with its
// fit, how hard it leans on its caps, and what moved since the last edit.

type planFilter int

const (
	filterAll planFilter = iota
	filterSubs
	filterAPI
	filterMix
	filterCount
)

var filterNames = [...]string{"all", "subscriptions", "API models", "API mixes"}

type plansState struct {
	filter planFilter
	search string
	list   []int  // indices into res.Quotes that pass the filter and search
	sel    int    // index into list
	selID  string // the selection follows its option when the ranking moves
	off    int
	hit    []int // visible line → list index, -1 for none
}

func (f planFilter) keep(k model.Kind) bool {
	switch f {
	case filterSubs:
		return k == model.KindSubscription
	case filterAPI:
		return k == model.KindAPI
	case filterMix:
		return k == model.KindMix
	}
	return true
}

// rebuildList applies the filter and search to the ranking.
func (m *Model) rebuildList() {
	ps := &m.plans
	ps.list = ps.list[:0]
	needle := strings.ToLower(strings.TrimSpace(ps.search))
	for i := range m.res.Quotes {
		q := &m.res.Quotes[i]
		if !ps.filter.keep(q.Kind) {
			continue
		}
		if needle != "" && !strings.Contains(strings.ToLower(q.Name), needle) && !strings.Contains(strings.ToLower(q.ID), needle) {
			continue
		}
		ps.list = append(ps.list, i)
	}
	ps.sel = 0
	for li, qi := range ps.list {
		if m.res.Quotes[qi].ID == ps.selID {
			ps.sel = li
			break
		}
	}
	m.syncPlanSel()
}

func (m *Model) syncPlanSel() {
	ps := &m.plans
	ps.sel = clamp(ps.sel, 0, max(len(ps.list)-1, 0))
	if q := m.selectedQuote(); q != nil {
		ps.selID = q.ID
	}
}

// selectedQuote is the option under the plans cursor, nil when none.
func (m *Model) selectedQuote() *model.Quote {
	ps := &m.plans
	if ps.sel < 0 || ps.sel >= len(ps.list) {
		return nil
	}
	return &m.res.Quotes[ps.list[ps.sel]]
}

func (m *Model) movePlans(d int) {
	m.plans.sel += d
	m.syncPlanSel()
	m.dirty |= partPlans | partChart
}

func (m *Model) cycleFilter() {
	m.plans.filter = (m.plans.filter + 1) % filterCount
	m.rebuildList()
	m.setStatus("showing "+filterNames[m.plans.filter], false)
	m.dirty |= partPlans | partChart
}

// planCols are the widths of the optional columns; 0 hides one.
type planCols struct {
	name, monthly, perTask, status, move, delta int
}

const (
	rankW   = 4  // "▸ 12"
	statusW = 10 // "▰▰▰▱▱  62%"
	moveW   = 3  // "▲12"
	nameMin = 16
)

func (m *Model) planColumns(iw int, rows []int) planCols {
	c := planCols{monthly: 5, perTask: 5, delta: 7} // room for "+$12.34", so marks coming and going do not shift columns
	need := nameMin
	for _, qi := range rows {
		q := &m.res.Quotes[qi]
		c.monthly = max(c.monthly, ansiWidth(m.money(q)))
		c.perTask = max(c.perTask, ansiWidth(m.perTask(q)))
		c.delta = max(c.delta, ansiWidth(m.delta(q)))
		need = max(need, ansiWidth(q.Name)+len(" (yours)")*b2i(q.ID == m.w.Current))
	}
	used := rankW + 1 + 1 + c.monthly + 2 + 1 // rank, gaps around the name, cost, fit mark
	// Names first: a whole name reads better than an extra column. Only the
	// caps column, which says whether a plan holds, may squeeze a long name.
	c.name = clamp(iw-used-(statusW+1), nameMin, need)
	c.name = max(min(c.name, iw-used), 4)
	used += c.name
	want := []*int{&c.status, &c.move, &c.perTask, &c.delta}
	widths := []int{statusW, moveW, c.perTask, c.delta}
	c.perTask, c.delta = 0, 0
	for i, p := range want {
		if used+widths[i]+1 <= iw {
			*p = widths[i]
			used += widths[i] + 1
		}
	}
	// What is left stays at the right: the costs stay next to their names.
	return c
}

func (m *Model) money(q *model.Quote) string {
	if !q.Eligible {
		return "—"
	}
	return m.cur.Format(q.Monthly)
}

func (m *Model) perTask(q *model.Quote) string {
	if !q.Eligible || m.res.TotalTasks == 0 {
		return "—"
	}
	return m.cur.FormatSmall(q.PerTask)
}

// delta is the change in monthly cost since the last edit, "" when none
// worth showing at the currency's precision.
func (m *Model) delta(q *model.Quote) string {
	prev, ok := m.prevCost[q.ID]
	if !ok || !q.Eligible || math.IsInf(prev, 0) {
		return ""
	}
	d := q.Monthly - prev
	if s := m.cur.Format(math.Abs(d)); math.Abs(d*m.cur.Rate) >= 0.5*math.Pow10(-m.cur.Decimals) {
		if d > 0 {
			return "+" + s
		}
		return "−" + s
	}
	return ""
}

// moveMark is ▲n / ▼n for a rank change since the last edit.
func (m *Model) moveMark(q *model.Quote, rank int) string {
	prev, ok := m.prevRank[q.ID]
	switch {
	case !ok || prev == rank:
		return ""
	case prev > rank:
		return m.st.good.Render(fmt.Sprintf("▲%d", prev-rank))
	default:
		return m.st.bad.Render(fmt.Sprintf("▼%d", rank-prev))
	}
}

// shortReason names why an option does not fit in a word.
func shortReason(w model.Why) string {
	if w == model.WhyNone {
		return "see detail"
	}
	return w.String()
}

func (m *Model) statusCell(q *model.Quote) string {
	why := shortReason(q.Why)
	switch {
	case q.Capped && q.Eligible && (q.Fits || why == "caps"):
		over := q.Utilization > 1
		return m.bar(q.Utilization, 5, over) + fmt.Sprintf(" %4s", utilPct(q.Utilization))
	case !q.Fits || !q.Eligible:
		return m.st.warn.Render(why)
	}
	return ""
}

func utilPct(u float64) string {
	if u >= 9.995 {
		return fmt.Sprintf("%.0f×", u) // 1,200% reads worse than 12×
	}
	return fmt.Sprintf("%.0f%%", 100*u)
}

func (m *Model) planLine(li int, c planCols, focused bool) string {
	qi := m.plans.list[li]
	q := &m.res.Quotes[qi]
	sel := li == m.plans.sel
	rank := fmt.Sprintf("%3d", qi+1)
	switch {
	case sel && focused:
		rank = m.st.accent.Render("▸") + rank
	case sel:
		rank = "›" + rank
	default:
		rank = " " + rank
	}
	name := pad(truncate(q.Name, c.name), c.name)
	if q.ID == m.w.Current && q.Kind == model.KindSubscription {
		const yours = " (yours)"
		name = truncate(q.Name, max(c.name-len(yours), 1)) + yours
		name = pad(name, c.name)
	}
	switch {
	case sel:
		name = m.st.selected.Render(name)
	case !q.Eligible:
		name = m.st.muted.Render(name)
	}
	// ✓ carries it all, ~ carries it with overflow to the API, ✗ cannot.
	mark := m.st.good.Render("✓")
	switch {
	case !q.Eligible:
		mark = m.st.bad.Render("✗")
	case !q.Fits:
		mark = m.st.warn.Render("~")
	}
	var b strings.Builder
	b.WriteString(rank + " " + name + " " + padLeft(m.money(q), c.monthly))
	if c.perTask > 0 {
		b.WriteString(" " + m.st.muted.Render(padLeft(m.perTask(q), c.perTask)))
	}
	b.WriteString("  " + mark)
	if c.status > 0 {
		b.WriteString(" " + pad(m.statusCell(q), c.status))
	}
	if c.move > 0 {
		b.WriteString(" " + pad(m.moveMark(q, qi), c.move))
	}
	if c.delta > 0 {
		d := m.delta(q)
		if strings.HasPrefix(d, "+") {
			d = m.st.bad.Render(d)
		} else if d != "" {
			d = m.st.good.Render(d)
		}
		b.WriteString(" " + padLeft(d, c.delta))
	}
	return b.String() // the box cuts what does not fit
}

func (m *Model) renderPlans(r rect) []string {
	ps := &m.plans
	iw := r.W - paneSideFrame
	ih := max(r.H-paneFrame, 0)
	focused := m.focus == focusPlans && m.overlay == overlayNone
	title := "Plans, cheapest first"
	if m.prefs.NoFree {
		title += " · no free plans"
	}
	if ps.filter != filterAll {
		title += " · " + filterNames[ps.filter]
	}
	if ps.search != "" {
		title += fmt.Sprintf(" · %q", ps.search)
	}
	var lines []string
	ps.hit = nil
	showHead := ih >= 8
	showWhy := ih >= 6
	rows := ih
	if showHead {
		rows--
	}
	if showWhy {
		rows--
	}
	rows = max(rows, 0)
	if ps.sel < ps.off {
		ps.off = ps.sel
	}
	if rows > 0 && ps.sel >= ps.off+rows {
		ps.off = ps.sel - rows + 1
	}
	ps.off = clamp(ps.off, 0, max(len(ps.list)-rows, 0))
	end := min(ps.off+rows, len(ps.list))
	c := m.planColumns(iw, ps.list[ps.off:end])
	if showHead {
		h := fmt.Sprintf("%4s %s %s", "#", pad("option", c.name), padLeft("/month", c.monthly))
		if c.perTask > 0 {
			h += " " + padLeft("/task", c.perTask)
		}
		h += "  fit"
		if c.status > 0 {
			h += " caps"
			if m.w.People > 1 {
				h += " per seat"
			}
		}
		lines = append(lines, m.st.muted.Render(truncate(h, iw)))
		ps.hit = append(ps.hit, -1)
	}
	for li := ps.off; li < end; li++ {
		l := m.planLine(li, c, focused)
		if focused && li == ps.sel {
			l = m.st.highlight(truncate(l, iw), iw)
		}
		lines = append(lines, l)
		ps.hit = append(ps.hit, li)
	}
	if len(ps.list) == 0 {
		msg := "No option in this view."
		if ps.search != "" {
			msg = fmt.Sprintf("No option matches %q: esc clears the search.", ps.search)
		}
		lines = append(lines, m.st.muted.Render(msg))
		ps.hit = append(ps.hit, -1)
	}
	if showWhy {
		for len(lines) < ih-1 {
			lines = append(lines, "")
			ps.hit = append(ps.hit, -1)
		}
		lines = append(lines, m.whyLine(iw))
	}
	hint := "f filter · / search · enter details"
	if n := len(ps.list) - end; n > 0 {
		hint = fmt.Sprintf("↓ %d more · ", n) + hint
	}
	return m.box(title, lines, r, focused, hint)
}

// whyLine explains the selected option in one line: why it does not fit,
// else its first note.
func (m *Model) whyLine(iw int) string {
	q := m.selectedQuote()
	switch {
	case q == nil:
		return ""
	case q.Reason != "" && !q.Eligible:
		return m.st.bad.Render(truncate("✗ "+q.Name+" — "+q.Reason, iw))
	case q.Reason != "":
		return m.st.warn.Render(truncate("~ "+q.Name+" — "+q.Reason, iw))
	case len(q.Notes) > 0:
		return m.st.muted.Render(truncate(q.Name+": "+q.Notes[0], iw))
	}
	return ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
