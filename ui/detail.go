package ui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
)

// The detail view: everything the engine says about one option, so the
// verdict can be checked line by line.

// detailPane is the detail view of the selected option, in the place of the
// plans pane and the chart while it is open.
type detailPane struct {
	open bool
	off  int // scroll offset

	r     rect
	lines []string
}

func (p *detailPane) setSize(r rect) { p.r = r }
func (p *detailPane) view() []string { return p.lines }
func (p *detailPane) draw(sh *shared, q *model.Quote, focused bool) {
	p.lines = p.render(sh, q, p.r, focused)
}

// update takes the keys of the detail view.
func (p *detailPane) update(msg tea.KeyPressMsg, sh *shared) action {
	k := &sh.keys
	if d := moveStep(msg, k, p.r.H-paneFrame-1); d != 0 {
		p.scroll(d)
		return actDraw
	}
	if key.Matches(msg, k.Back) {
		return actClose
	}
	return actNone
}

func (p *detailPane) shortHelp(sh *shared) []key.Binding {
	k := &sh.keys
	return []key.Binding{withDesc(k.Up, "scroll"), withDesc(k.Down, "scroll"), adjustKeys, k.Current, withDesc(k.Tab, "your work"), k.Back, k.Copy, k.Quit}
}

// scroll moves the view by d lines (clamped when drawn).
func (p *detailPane) scroll(d int) {
	p.off = max(p.off+d, 0)
}

func (p *detailPane) render(sh *shared, q *model.Quote, r rect, focused bool) []string {
	if q == nil {
		return sh.box("Detail", []string{"Nothing selected."}, r, focused, "esc back")
	}
	iw, ih := r.W-paneSideFrame, max(r.H-paneFrame, 0)
	lines := detailLines(sh, q, iw)
	p.off = clamp(p.off, 0, max(len(lines)-ih, 0))
	end := min(p.off+ih, len(lines))
	hint := "esc back"
	if end < len(lines) || p.off > 0 {
		hint = "↑↓ scroll · " + hint
	}
	title := q.Name + " · " + sh.money(q) + "/month"
	if rng := report.RangeText(q, sh.cur); q.Kind == model.KindSubscription && q.Eligible && (q.Overflow > 0 || rng != sh.cur.Format(q.Monthly)) {
		title = fmt.Sprintf("%s · %s/month · effective %s", q.Name, sh.cur.Format(q.Base), rng)
	}
	return sh.box(title, lines[p.off:end], r, focused, hint)
}

func detailLines(sh *shared, q *model.Quote, iw int) []string {
	var out []string
	add := func(s string) {
		out = append(out, wrapLines(s, iw)...)
	}
	head := func(s string) string { return sh.st.strong.Render(s) }

	add(detailSummary(sh, q))
	switch {
	case !q.Eligible:
		add(sh.st.bad.Render("✗ Can't carry this work: " + report.ReasonText(q.Reason)))
	case !q.Fits:
		add(sh.st.warn.Render("~ Doesn't fit on its own: " + report.ReasonText(q.Reason)))
	default:
		add(sh.st.good.Render("✓ Fits all your work."))
	}
	out = append(out, "")
	if len(q.Classes) > 0 { // a replayed plan that took every record has none
		out = append(out, classTable(sh, q, iw)...)
	}

	if len(q.Limits) > 0 {
		per := " (your use per window"
		if replayPlan(sh, q) != nil {
			per = " (your busiest window"
		}
		if q.Seats > 1 {
			per = fmt.Sprintf(" (per seat of %d, per window", q.Seats)
		}
		for _, l := range q.Limits {
			if l.USD > 0 {
				per += "; money caps count work at API prices"
				break
			}
		}
		per += ")"
		out = append(out, "", head("Usage limits")+sh.st.muted.Render(per))
		for _, l := range q.Limits {
			out = append(out, columns.Cut(limitLine(sh, l), iw))
		}
		add(head("Caps") + " " + capsText(sh, q))
	}
	if pl := replayPlan(sh, q); pl != nil {
		out = append(out, "", head("Your records against its windows")+sh.st.muted.Render(fmt.Sprintf(" (%d of %d requests ran on the plan)", pl.OnPlan, sh.rp.Records)))
		for _, w := range pl.Windows {
			add(report.WindowLine(w))
		}
	}
	if q.Kind == model.KindSubscription {
		out = append(out, "")
		if q.Overflow > 0 || q.Credit > 0 {
			s := fmt.Sprintf("%s %s/month of the work runs on API models", head("Overflow"), sh.cur.Format(q.Overflow))
			if q.Credit > 0 {
				s += fmt.Sprintf(", after %s of the plan's API credit", sh.cur.Format(q.Credit))
			}
			add(s + ".")
		}
		if be := sh.breakEvenText(q); be != "" {
			add(head("Break-even") + " " + be)
		}
		if b := billingText(sh, q); b != "" {
			add(head("Billing") + " " + b)
		}
	}
	if q.HasSaving {
		add(fmt.Sprintf("%s %s/month less than %s alone.", head("Routing"), sh.cur.Format(q.Saving), q.SavingVs))
	}
	if len(q.Factors) > 0 {
		out = append(out, "")
		add(fmt.Sprintf("%s %s/month across the ranges of:", head("Estimated token factors"), report.RangeText(q, sh.cur)))
		for _, f := range q.Factors {
			out = append(out, wrapBullet("• ", report.FactorText(f), iw)...)
		}
	}
	if len(q.Notes) > 0 {
		out = append(out, "", head("Notes"))
		for _, n := range q.Notes {
			out = append(out, wrapBullet("• ", report.NoteText(n, sh.cur), iw)...)
		}
	}
	if rates := rateLines(sh, q); len(rates) > 0 {
		of := " per million tokens, as the catalog gives them"
		if sh.cur.Code != "USD" {
			// Converted: the figures are no longer the price page's.
			of = " per million tokens, the catalog's in dollars at " + sh.cur.FormatRate(1) + "/$"
		}
		out = append(out, "", head("Rates")+sh.st.muted.Render(of))
		for _, l := range rates {
			out = append(out, wrapBullet("• ", l, iw)...)
		}
	}
	if len(q.Sources) > 0 {
		out = append(out, "", head("Sources")+sh.st.muted.Render(" (tokenomics plans lists them in full)"))
		for _, s := range q.Sources {
			conf := s.Confidence
			if conf == "" {
				conf = "confidence unknown"
			}
			out = append(out, wrapBullet("• ", fmt.Sprintf("%s: %s · as of %s (%s)", s.Name, orDash(readableSource(s.Source)), orDash(s.AsOf), conf), iw)...)
		}
	}
	return out
}

// rateLines are the rates of every model the option's work runs on (its
// sources that are API models), from the catalog it was priced with.
func rateLines(sh *shared, q *model.Quote) []string {
	if sh.catalog == nil {
		return nil
	}
	var out []string
	for _, s := range q.Sources {
		if m, ok := sh.catalog.Model(s.ID); ok {
			out = append(out, ratesLine(sh, m))
		}
	}
	return out
}

// seats is "1 seat" or "n seats".
func seats(n int) string {
	if n == 1 {
		return "1 seat"
	}
	return fmt.Sprintf("%d seats", n)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func detailSummary(sh *shared, q *model.Quote) string {
	switch q.Kind {
	case model.KindSubscription:
		s := fmt.Sprintf("Subscription · %s · %s × %s = %s/month", q.Vendor, seats(q.Seats), sh.cur.Format(q.SeatPrice), sh.cur.Format(q.Base))
		if q.Eligible && q.Overflow > 0 {
			s += fmt.Sprintf("; effective %s with overflow", sh.cur.Format(q.Monthly))
		}
		return s
	case model.KindAPI:
		return fmt.Sprintf("Pay per token · %s · every class on %s · %s per task", q.Vendor, q.Name, sh.perTask(q))
	}
	scope := "any provider"
	if q.Vendor != "" {
		scope = q.Vendor
	}
	return fmt.Sprintf("Pay per token · each class on its cheapest model (%s) · %s per task", scope, sh.perTask(q))
}

// classTable is the per-class breakdown: tasks, tokens, where they run, cost.
func classTable(sh *shared, q *model.Quote, iw int) []string {
	nameW := 5
	for _, c := range q.Classes {
		nameW = max(nameW, min(columns.Width(c.Name), 20))
	}
	// The reason takes the room left; when short, the tokens go first, then
	// the reason and the model's name narrow to 8 cells.
	const name, tasks, fit, on, tok, cost, why = 0, 1, 2, 3, 4, 5, 6
	w := columns.Widths(iw, []columns.Col{
		name:  {Want: nameW},
		tasks: {Want: 9, Gap: 1, Align: columns.Right},
		fit:   {Want: 4, Gap: 1},
		on:    {Want: 18, Gap: 1},
		tok:   {Want: 13, Gap: 1, Align: columns.Right},
		cost:  {Want: 10, Gap: 1, Align: columns.Right},
		why:   {Want: 16, Gap: 1, Fill: true},
	}, columns.Drop(tok), columns.Shrink(why, 8), columns.Shrink(on, 8))
	row := func(cName, cTasks, cFit, cOn, cTok, cCost, cWhy string) []string {
		var b strings.Builder
		columns.Write(&b, columns.Cut(cName, w[name]), w[name], columns.Left)
		b.WriteByte(' ')
		columns.Write(&b, cTasks, w[tasks], columns.Right)
		b.WriteByte(' ')
		columns.Write(&b, cFit, w[fit], columns.Left)
		b.WriteByte(' ')
		columns.Write(&b, columns.Cut(cOn, w[on]), w[on], columns.Left)
		if w[tok] > 0 {
			b.WriteByte(' ')
			columns.Write(&b, cTok, w[tok], columns.Right)
		}
		b.WriteByte(' ')
		columns.Write(&b, cCost, w[cost], columns.Right)
		if columns.Width(cWhy) <= w[why] {
			b.WriteByte(' ')
			b.WriteString(cWhy)
			return []string{columns.Cut(b.String(), iw)}
		}
		// A reason that does not fit its column goes under the row, whole.
		out := []string{columns.Cut(b.String(), iw)}
		for _, l := range wrapLines(cWhy, iw-4) {
			out = append(out, sh.st.muted.Render("  ↳ "+l))
		}
		return out
	}
	out := []string{sh.st.muted.Render(row("Class", "tasks/mo", "fits", "on", "tokens in/out", "cost", "why")[0])}
	for i, c := range q.Classes {
		fit := " " + sh.st.fitMark(q.ClassFit(i))
		on, cost := c.ModelName, "—"
		if q.Kind == model.KindSubscription {
			switch {
			case c.Model == "":
				on = "plan"
			case c.OnPlan > 0:
				on = "plan + " + c.ModelName
			}
		}
		if c.Cost > 0 || (q.Kind != model.KindSubscription && c.Model != "") {
			cost = sh.cur.Format(c.Cost)
		}
		if on == "" {
			on = "—"
		}
		tok := money.Tokens(c.InputTokens) + "/" + money.Tokens(c.OutputTokens)
		out = append(out, row(c.Name, money.Count(c.Tasks), fit, on, tok, cost, report.ReasonText(c.Reason))...)
	}
	return out
}

// replayPlan is what replaying the records on plan q found, nil unless the
// figures shown are the replay's.
func replayPlan(sh *shared, q *model.Quote) *replay.Plan {
	if !sh.replayed || q.Kind != model.KindSubscription {
		return nil
	}
	return sh.rp.Plans[q.ID]
}

func limitLine(sh *shared, l model.LimitUse) string {
	size := sh.limitAmount(l.Limit, l.Capacity())
	if l.USD == 0 {
		size += " " + l.Unit()
	}
	s := fmt.Sprintf("%s of %s / %s", sh.limitAmount(l.Limit, l.Demand), size, window(l.WindowHours))
	if len(l.Tiers) > 0 {
		ts := make([]string, len(l.Tiers))
		for i, t := range l.Tiers {
			ts[i] = t.String()
		}
		s += " (" + strings.Join(ts, ", ") + " tasks)"
	}
	word := capsWord(l.Confidence)
	if r := sh.capRange(l.Limit); r != "" {
		word += " " + r
	}
	s = columns.Pad(s, 32, columns.Left) + " " + sh.bar(l.Utilization, 5, l.Utilization > 1) + " " + columns.Pad(utilPct(l.Utilization), 4, columns.Right) + "  " + sh.st.muted.Render(word)
	if l.Note != "" {
		s += sh.st.muted.Render(" · " + l.Note)
	}
	return s
}

// limitAmount is v in l's unit: "32", "12k" or "$3.10".
func (sh *shared) limitAmount(l model.Limit, v float64) string {
	switch {
	case l.Tokens > 0:
		return money.Tokens(v)
	case l.USD > 0:
		return sh.cur.Format(v)
	}
	return money.Count(math.Round(v*10) / 10)
}

// capText is a limit's size in words, with its range when it has one:
// "45 messages", "$38.54 of API-priced use ($20.00–$60.00)".
func (sh *shared) capText(l model.Limit) string {
	s := sh.limitAmount(l, l.Capacity()) + " " + l.Unit()
	if l.USD > 0 {
		s = sh.limitAmount(l, l.Capacity()) + " of API-priced use"
	}
	if r := sh.capRange(l); r != "" {
		s += " (" + r + ")"
	}
	return s
}

// capRange is an uncertain capacity's span, "20–60", with the engine's ends
// of it (a bound not given is the capacity itself); "" when it has none.
func (sh *shared) capRange(l model.Limit) string {
	if !l.Ranged() {
		return ""
	}
	return sh.limitAmount(l, l.CapacityLow()) + "–" + sh.limitAmount(l, l.CapacityHigh())
}

// capsWord says where a cap's figure comes from, from its confidence.
func capsWord(conf string) string {
	switch conf {
	case "official":
		return "published"
	case "reported":
		return "reported"
	case "estimate":
		return "estimated"
	case "measured":
		return "measured from your logs"
	case "":
		return "source not given"
	}
	return conf
}

// capsText sums up where the plan's caps come from and which of them make
// its cost a range.
func capsText(sh *shared, q *model.Quote) string {
	var parts []string
	var ranged []string
	for _, l := range q.Limits {
		parts = append(parts, fmt.Sprintf("the %s cap is %s", report.WindowName(l.WindowHours), capsWord(l.Confidence)))
		if r := sh.capRange(l.Limit); r != "" {
			ranged = append(ranged, fmt.Sprintf("the %s cap (%s)", report.WindowName(l.WindowHours), r))
		}
	}
	s := upperFirst(strings.Join(parts, "; ")) + "."
	switch rng := report.RangeText(q, sh.cur); {
	case len(ranged) == 0:
	case rng != sh.cur.Format(q.Monthly):
		s += fmt.Sprintf(" The cost is a range, %s, because %s %s.", rng, strings.Join(ranged, " and "), report.Plural(len(ranged), "is a range", "are ranges"))
	default:
		s += fmt.Sprintf(" %s %s, but the cost stays %s across %s.", upperFirst(strings.Join(ranged, " and ")), report.Plural(len(ranged), "is a range", "are ranges"), rng, report.Plural(len(ranged), "its range", "their ranges"))
	}
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func window(h float64) string {
	switch h {
	case 24:
		return "day"
	case 168:
		return "week"
	}
	if h >= 672 && h <= 744 {
		return "month"
	}
	return money.Count(h) + " h"
}

// breakEvenText is the Break-even column of the table, in a sentence: the
// same word for the same case everywhere.
func (sh *shared) breakEvenText(q *model.Quote) string {
	if sh.replayed {
		return "" // the records were replayed at their own volume only
	}
	return report.BreakEvenSentence(sh.res.BreakEvenOf(q))
}

// billingText compares the two billing periods using the engine's second
// evaluation (the UI never re-prices a plan itself).
func billingText(sh *shared, q *model.Quote) string {
	if !sh.altOK {
		return ""
	}
	a, ok := sh.alt.Find(q.ID)
	if !ok {
		return ""
	}
	mon, ann := q, a
	if sh.w.Billing == model.Annual {
		mon, ann = a, q
	}
	if mon.Base == ann.Base {
		return fmt.Sprintf("%s/month; no annual discount.", sh.cur.Format(mon.Base))
	}
	return fmt.Sprintf("monthly %s/month · billed annually %s/month.", sh.cur.Format(mon.Base), sh.cur.Format(ann.Base))
}
