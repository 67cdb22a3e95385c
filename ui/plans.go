package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
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

// rankingPane is the plans pane: every option by effective monthly cost. Its
// filter and search decide the options shown and its cursor the one
// selected, which the chart, the glance and the detail view follow.
type rankingPane struct {
	filter planFilter
	search string
	shown  []int  // indices into res.Quotes the pane lists (filter and search applied)
	selID  string // the selected option, the app's one selection: it follows its option when the ranking moves
	off    int
	hit    []int // visible line → index into shown, -1 for none

	r     rect
	lines []string
}

func (p *rankingPane) setSize(r rect) { p.r = r }
func (p *rankingPane) view() []string { return p.lines }
func (p *rankingPane) draw(sh *shared, focused bool) {
	p.lines = p.render(sh, p.r, focused)
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

// rebuild applies the filter and search to the ranking.
func (p *rankingPane) rebuild(sh *shared) {
	shown := make([]int, 0, len(sh.res.Quotes))
	needle := strings.ToLower(strings.TrimSpace(p.search))
	for i := range sh.res.Quotes {
		q := &sh.res.Quotes[i]
		if !p.filter.keep(q.Kind) {
			continue
		}
		if needle != "" && !strings.Contains(strings.ToLower(q.Name), needle) && !strings.Contains(strings.ToLower(q.ID), needle) {
			continue
		}
		shown = append(shown, i)
	}
	p.shown = shown
	if p.pick(sh) < 0 {
		p.choose(0, sh) // the selected option is not listed: the first is
	}
}

// pick is the index into shown of the selected option, -1 when none is
// listed (the selection waits for its option to be listed again).
func (p *rankingPane) pick(sh *shared) int {
	for li, qi := range p.shown {
		if sh.res.Quotes[qi].ID == p.selID {
			return li
		}
	}
	return -1
}

// selected is the option under the cursor, nil when none.
func (p *rankingPane) selected(sh *shared) *model.Quote {
	if li := p.pick(sh); li >= 0 {
		return &sh.res.Quotes[p.shown[li]]
	}
	return nil
}

// listed is what the pane lists, for the parts that follow it.
func (p *rankingPane) listed(sh *shared) listing {
	return listing{p.shown, p.selected(sh)}
}

// listing is what the plans pane lists and the option selected (nil when
// none): the chart draws the cheapest of them beside the selected one.
type listing struct {
	shown []int // indices into res.Quotes
	sel   *model.Quote
}

// choose selects the option on line li of the list, clamped to it.
func (p *rankingPane) choose(li int, sh *shared) {
	if len(p.shown) > 0 {
		p.selID = sh.res.Quotes[p.shown[clamp(li, 0, len(p.shown)-1)]].ID
	}
}

// move moves the selection by d options (the chart follows it).
func (p *rankingPane) move(d int, sh *shared) {
	p.choose(max(p.pick(sh), 0)+d, sh)
}

// setSearch shows only the options whose name or id holds text.
func (p *rankingPane) setSearch(text string, sh *shared) {
	p.search = text
	p.rebuild(sh)
}

// cycleFilter shows all options, then only subscriptions, API models, mixes.
func (p *rankingPane) cycleFilter(sh *shared) {
	p.filter = (p.filter + 1) % filterCount
	p.rebuild(sh)
}

// update takes the keys of the plans pane.
func (p *rankingPane) update(msg tea.KeyPressMsg, sh *shared) action {
	k := &sh.keys
	if d := moveStep(msg, k, p.r.H-paneFrame-3); d != 0 {
		p.move(d, sh)
		return actDraw
	}
	switch {
	case key.Matches(msg, k.Enter):
		return actOpen
	case key.Matches(msg, k.Back) && p.search != "":
		p.setSearch("", sh)
		return actDraw
	}
	return actNone
}

// shortHelp is the help bar while the plans pane has the focus; while a
// search narrows the list, esc (which ends it) comes right after enter, so
// that a narrow bar, which cuts the rest, still shows it.
func (p *rankingPane) shortHelp(sh *shared) []key.Binding {
	k := &sh.keys
	h := []key.Binding{withDesc(k.Up, "plan"), withDesc(k.Down, "plan"), withDesc(k.Enter, "details")}
	if p.search != "" {
		h = append(h, withDesc(k.Back, "clear search"))
	}
	return append(h, k.Current, k.Filter, k.Search, k.Volume, withDesc(k.Tab, "your work"), k.Copy, k.Quit)
}

// rowAt is the index into shown of the option drawn on line y of the
// screen, -1 for none.
func (p *rankingPane) rowAt(y int) int {
	if i := y - p.r.Y - 1; i >= 0 && i < len(p.hit) {
		return p.hit[i]
	}
	return -1
}

// planCols are the widths of the pane's columns (columns.Widths), in the
// order drawn; 0 hides one.
type planCols [planColCount]int

const (
	colRank = iota
	colName
	colMonthly
	colPerTask
	colMark
	colStatus
	colMove
	colDelta
	colBreakEven // wide screens: from which volume a plan pays for itself
	colWhy       // wide screens: why it does not fit, what overflows, what a mix saves
	planColCount
)

const (
	rankW   = 4  // "▸ 12"
	statusW = 10 // "▰▰▰▱▱  62%"
	moveW   = 3  // "▲12"
	nameMin = 16
	whyMin  = 24 // the why column comes only with at least this much room
	beHead  = "break-even"
)

// planCells are the worded cells of one row, worded once for both the
// columns' widths and the row.
type planCells struct {
	money, perTask, delta, breakEven, why string
}

func cellsOf(sh *shared, q *model.Quote) planCells {
	return planCells{money: sh.money(q), perTask: sh.perTask(q), delta: costDelta(sh, q),
		breakEven: report.BreakEven(&sh.res, q), why: report.Why(q, sh.cur)}
}

// planColumns are the widths of the columns for the rows (indices into
// the quotes), and each row's cells.
func planColumns(sh *shared, iw int, rows []int) (planCols, []planCells) {
	monthly, perTask, delta := 5, 5, 7 // room for "+$12.34", so marks coming and going do not shift columns
	need := nameMin
	be, why := 0, 0
	cells := make([]planCells, len(rows))
	for i, qi := range rows {
		q := &sh.res.Quotes[qi]
		cells[i] = cellsOf(sh, q)
		cl := &cells[i]
		monthly = max(monthly, columns.Width(cl.money))
		perTask = max(perTask, columns.Width(cl.perTask))
		delta = max(delta, columns.Width(cl.delta))
		need = max(need, columns.Width(q.Name)+len(" (yours)")*b2i(q.ID == sh.w.Current))
		if t := cl.breakEven; t != "" {
			be = max(be, columns.Width(t), len(beHead))
		}
		if cl.why != "" {
			why = whyMin
		}
	}
	cols := [planColCount]columns.Col{
		colRank:      {Want: rankW},
		colName:      {Want: need, Gap: 1},
		colMonthly:   {Want: monthly, Gap: 1},
		colPerTask:   {Want: perTask, Gap: 1},
		colMark:      {Want: 1 + b2i(sh.w.Budget > 0), Gap: 2},
		colStatus:    {Want: statusW, Gap: 1},
		colMove:      {Want: moveW, Gap: 1},
		colDelta:     {Want: delta, Gap: 1},
		colBreakEven: {Want: be, Gap: 2},
		colWhy:       {Want: why, Gap: 2},
	}
	// Names first: a whole name reads better than an extra column. Only the
	// caps column, which says whether a plan holds, may squeeze a long name.
	// What is left stays at the right: the costs stay next to their names.
	// The why and break-even columns come only where the room is to spare
	// (the line under the table says the selected option's why anyway).
	w := columns.Widths(iw, cols[:], columns.Drop(colWhy), columns.Drop(colBreakEven), columns.Drop(colDelta), columns.Drop(colPerTask), columns.Drop(colMove),
		columns.Shrink(colName, nameMin), columns.Drop(colStatus), columns.Shrink(colName, 4))
	if w[colWhy] > 0 {
		// The why takes the room left (a Fill column would take it even
		// when dropped).
		used := 0
		for i, x := range w {
			if x > 0 {
				used += x + cols[i].Gap
			}
		}
		w[colWhy] += max(iw-used, 0)
	}

	return planCols(w), cells
}

func (sh *shared) money(q *model.Quote) string {
	if !q.Eligible {
		return "—"
	}
	return sh.cur.Format(q.Monthly)
}

func (sh *shared) perTask(q *model.Quote) string {
	if !q.Eligible || sh.res.TotalTasks == 0 {
		return "—"
	}
	return sh.cur.FormatSmall(q.PerTask)
}

// costDelta is the change in monthly cost since the last edit, "" when none
// or none worth showing.
func costDelta(sh *shared, q *model.Quote) string {
	prev, ok := sh.prev[q.ID]
	if !ok {
		return ""
	}
	d, ok := q.CostChange(prev.cost)
	if !ok {
		return ""
	}
	return report.CostChange(d, sh.cur)
}

// moveMark is ▲n / ▼n for a rank change since the last edit.
func moveMark(sh *shared, q *model.Quote, rank int) string {
	p, ok := sh.prev[q.ID]
	prev := p.rank
	switch {
	case !ok || prev == rank:
		return ""
	case prev > rank:
		return sh.st.good.Render(fmt.Sprintf("▲%d", prev-rank))
	default:
		return sh.st.bad.Render(fmt.Sprintf("▼%d", rank-prev))
	}
}

// shortReason names why an option does not fit in a word.
func shortReason(w model.Why) string {
	if w == model.WhyNone {
		return "see detail"
	}
	return w.String()
}

func statusCell(sh *shared, q *model.Quote) string {
	why := shortReason(q.Why)
	switch {
	case q.Capped && q.Eligible && (q.Fits || why == "caps"):
		over := q.Utilization > 1
		return sh.bar(q.Utilization, 5, over) + fmt.Sprintf(" %4s", utilPct(q.Utilization))
	case !q.Fits || !q.Eligible:
		return sh.st.warn.Render(why)
	}
	return ""
}

// utilPct is a caps use for a narrow cell: a percent, from 999.5% (which
// would round to four digits) a multiple as the volumes read (12×, not
// 1,200%).
func utilPct(u float64) string {
	if u >= 9.995 {
		return report.Times(u)
	}
	return report.UsePercent(u)
}

func planLine(sh *shared, qi int, sel bool, c planCols, cl *planCells, focused bool) string {
	q := &sh.res.Quotes[qi]
	var b strings.Builder
	b.Grow(128)
	switch {
	case sel && focused:
		b.WriteString(sh.st.accent.Render("▸"))
	case sel:
		b.WriteString("›")
	default:
		b.WriteByte(' ')
	}
	var n [8]byte
	columns.Write(&b, string(strconv.AppendInt(n[:0], int64(qi+1), 10)), c[colRank]-1, columns.Right)
	b.WriteByte(' ')
	name := columns.Cut(q.Name, c[colName])
	if q.ID == sh.w.Current && q.Kind == model.KindSubscription {
		const yours = " (yours)"
		name = columns.Cut(q.Name, max(c[colName]-len(yours), 1)) + yours
	}
	switch {
	case sel:
		b.WriteString(sh.st.selected.Render(columns.Pad(name, c[colName], columns.Left)))
	case !q.Eligible:
		b.WriteString(sh.st.muted.Render(columns.Pad(name, c[colName], columns.Left)))
	default:
		columns.Write(&b, name, c[colName], columns.Left)
	}
	b.WriteByte(' ')
	columns.Write(&b, cl.money, c[colMonthly], columns.Right)
	if c[colPerTask] > 0 {
		b.WriteByte(' ')
		b.WriteString(sh.st.muted.Render(columns.Pad(cl.perTask, c[colPerTask], columns.Right)))
	}
	// ✓ carries it all, ~ carries it with overflow to the API, ✗ cannot.
	b.WriteString("  ")
	b.WriteString(sh.st.fitMark(q.Fit()))
	if sh.w.Budget > 0 {
		// ◆ within the budget (the title says which), right after the fit.
		if report.WithinBudget(q, &sh.w, sh.cur) {
			b.WriteString(sh.st.good.Render("◆"))
		} else {
			b.WriteByte(' ')
		}
	}
	if c[colStatus] > 0 {
		b.WriteByte(' ')
		columns.Write(&b, statusCell(sh, q), c[colStatus], columns.Left)
	}
	if c[colMove] > 0 {
		b.WriteByte(' ')
		columns.Write(&b, moveMark(sh, q, qi), c[colMove], columns.Left)
	}
	if c[colDelta] > 0 {
		d := cl.delta
		if strings.HasPrefix(d, "+") {
			d = sh.st.bad.Render(d)
		} else if d != "" {
			d = sh.st.good.Render(d)
		}
		b.WriteByte(' ')
		columns.Write(&b, d, c[colDelta], columns.Right)
	}
	if c[colBreakEven] > 0 {
		b.WriteString("  ")
		columns.Write(&b, cl.breakEven, c[colBreakEven], columns.Left)
	}
	if c[colWhy] > 0 {
		b.WriteString("  ")
		b.WriteString(sh.st.muted.Render(columns.Cut(cl.why, c[colWhy])))
	}
	return b.String() // the box cuts what does not fit
}

func (p *rankingPane) render(sh *shared, r rect, focused bool) []string {
	iw := r.W - paneSideFrame
	ih := max(r.H-paneFrame, 0)
	title := "Plans, cheapest first"
	if sh.w.Budget > 0 {
		title += " · ◆ within " + sh.cur.Format(report.BudgetUSD(&sh.w, sh.cur))
	}
	if sh.prefs.NoFree {
		title += " · no free plans"
	}
	if p.filter != filterAll {
		title += " · " + filterNames[p.filter]
	}
	if p.search != "" {
		title += fmt.Sprintf(" · %q", p.search)
	}
	var lines []string
	p.hit = nil
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
	pick := max(p.pick(sh), 0)
	if pick < p.off {
		p.off = pick
	}
	if rows > 0 && pick >= p.off+rows {
		p.off = pick - rows + 1
	}
	p.off = clamp(p.off, 0, max(len(p.shown)-rows, 0))
	end := min(p.off+rows, len(p.shown))
	c, cells := planColumns(sh, iw, p.shown[p.off:end])
	if showHead {
		h := fmt.Sprintf("%4s %s %s", "#", columns.Pad("option", c[colName], columns.Left), columns.Pad("/month", c[colMonthly], columns.Right))
		if c[colPerTask] > 0 {
			h += " " + columns.Pad("/task", c[colPerTask], columns.Right)
		}
		h += "  fit"
		if c[colStatus] > 0 {
			h += " caps"
			if sh.w.People > 1 {
				h += " per seat"
			}
		}
		if c[colBreakEven] > 0 || c[colWhy] > 0 {
			// The wide columns' heads sit over them: after everything before.
			at := c[colRank] + 1 + c[colName] + 1 + c[colMonthly] + 2 + c[colMark]
			for _, i := range []int{colPerTask, colStatus, colMove, colDelta} {
				if c[i] > 0 {
					at += 1 + c[i]
				}
			}
			h = columns.Pad(h, at, columns.Left)
			if c[colBreakEven] > 0 {
				h = columns.Pad(h+"  "+beHead, at+2+c[colBreakEven], columns.Left)
			}
			if c[colWhy] > 0 {
				h += "  why"
			}
		}
		lines = append(lines, sh.st.muted.Render(columns.Cut(h, iw)))
		p.hit = append(p.hit, -1)
	}
	for li := p.off; li < end; li++ {
		l := planLine(sh, p.shown[li], li == pick, c, &cells[li-p.off], focused)
		if focused && li == pick {
			l = sh.st.highlight(columns.Cut(l, iw), iw)
		}
		lines = append(lines, l)
		p.hit = append(p.hit, li)
	}
	if len(p.shown) == 0 {
		msg := "No option in this view."
		if p.search != "" {
			msg = fmt.Sprintf("No option matches %q: esc clears the search.", p.search)
		}
		lines = append(lines, sh.st.muted.Render(msg))
		p.hit = append(p.hit, -1)
	}
	if showWhy {
		for len(lines) < ih-1 {
			lines = append(lines, "")
			p.hit = append(p.hit, -1)
		}
		lines = append(lines, whyLine(sh, p.selected(sh), iw))
	}
	hint := "f filter · / search · enter details"
	if n := len(p.shown) - end; n > 0 {
		hint = fmt.Sprintf("↓ %d more · ", n) + hint
	}
	return sh.box(title, lines, r, focused, hint)
}

// whyLine explains the selected option q in one line: why it does not
// fit, else its first note.
func whyLine(sh *shared, q *model.Quote, iw int) string {
	switch {
	case q == nil:
		return ""
	case q.Reason.Given() && !q.Eligible:
		return sh.st.bad.Render(columns.Cut("✗ "+q.Name+" — "+report.ReasonText(q.Reason), iw))
	case q.Reason.Given():
		return sh.st.warn.Render(columns.Cut("~ "+q.Name+" — "+report.ReasonText(q.Reason), iw))
	case len(q.Notes) > 0:
		return sh.st.muted.Render(columns.Cut(q.Name+": "+report.NoteText(q.Notes[0], sh.cur), iw))
	}
	return ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
