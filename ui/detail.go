package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/report"
)

// The detail view: everything the engine says about one option, so the
// verdict can be checked line by line.

func (m *Model) openDetail() {
	if m.selectedQuote() == nil {
		return
	}
	m.detail, m.focus, m.doff = true, focusDetail, 0
	m.evaluateAlt()
	m.dirty |= partDetail | partFooter | partWork
}

func (m *Model) closeDetail() {
	m.detail, m.focus = false, focusPlans
	m.dirty |= partPlans | partChart | partFooter | partWork
}

func (m *Model) scrollDetail(d int) {
	m.doff = max(m.doff+d, 0)
	m.dirty |= partDetail
}

func (m *Model) renderDetail(r rect) []string {
	q := m.selectedQuote()
	focused := m.focus == focusDetail && m.overlay == overlayNone
	if q == nil {
		return m.box("Detail", []string{"Nothing selected."}, r, focused, "esc back")
	}
	iw, ih := r.W-paneSideFrame, max(r.H-paneFrame, 0)
	lines := m.detailLines(q, iw)
	m.doff = clamp(m.doff, 0, max(len(lines)-ih, 0))
	end := min(m.doff+ih, len(lines))
	hint := "esc back"
	if end < len(lines) || m.doff > 0 {
		hint = "↑↓ scroll · " + hint
	}
	title := q.Name + " · " + m.money(q) + "/month"
	if rng := report.RangeText(q, m.cur); q.Kind == model.KindSubscription && q.Eligible && (q.Overflow > 0 || rng != m.cur.Format(q.Monthly)) {
		title = fmt.Sprintf("%s · %s/month · effective %s", q.Name, m.cur.Format(q.Base), rng)
	}
	return m.box(title, lines[m.doff:end], r, focused, hint)
}

func (m *Model) detailLines(q *model.Quote, iw int) []string {
	var out []string
	add := func(s string) {
		out = append(out, strings.Split(ansi.Wrap(s, max(iw, 1), " "), "\n")...)
	}
	head := func(s string) string { return m.st.strong.Render(s) }

	add(m.detailSummary(q))
	switch {
	case !q.Eligible:
		add(m.st.bad.Render("✗ Can't carry this work: " + q.Reason))
	case !q.Fits:
		add(m.st.warn.Render("~ Doesn't fit on its own: " + q.Reason))
	default:
		add(m.st.good.Render("✓ Fits all your work."))
	}
	out = append(out, "")
	out = append(out, m.classTable(q, iw)...)

	if len(q.Limits) > 0 {
		per := " (your use per window"
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
		out = append(out, "", head("Usage limits")+m.st.muted.Render(per))
		for _, l := range q.Limits {
			out = append(out, truncate(m.limitLine(l), iw))
		}
		add(head("Caps") + " " + m.capsText(q))
	}
	if q.Kind == model.KindSubscription {
		out = append(out, "")
		if q.Overflow > 0 || q.Credit > 0 {
			s := fmt.Sprintf("%s %s/month of the work runs on API models", head("Overflow"), m.cur.Format(q.Overflow))
			if q.Credit > 0 {
				s += fmt.Sprintf(", after %s of the plan's API credit", m.cur.Format(q.Credit))
			}
			add(s + ".")
		}
		if be := m.breakEvenText(q); be != "" {
			add(head("Break-even") + " " + be)
		}
		if b := m.billingText(q); b != "" {
			add(head("Billing") + " " + b)
		}
	}
	if q.HasSaving {
		add(fmt.Sprintf("%s %s/month less than %s alone.", head("Routing"), m.cur.Format(q.Saving), q.SavingVs))
	}
	if len(q.Notes) > 0 {
		out = append(out, "", head("Notes"))
		for _, n := range q.Notes {
			add("• " + n)
		}
	}
	if len(q.Sources) > 0 {
		out = append(out, "", head("Sources"))
		for _, s := range q.Sources {
			conf := s.Confidence
			if conf == "" {
				conf = "confidence unknown"
			}
			add(fmt.Sprintf("• %s: %s · as of %s (%s)", s.Name, orDash(s.Source), orDash(s.AsOf), conf))
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

func (m *Model) detailSummary(q *model.Quote) string {
	switch q.Kind {
	case model.KindSubscription:
		per := q.Base
		if q.Seats > 0 {
			per = q.Base / float64(q.Seats)
		}
		s := fmt.Sprintf("Subscription · %s · %s × %s = %s/month", q.Vendor, seats(q.Seats), m.cur.Format(per), m.cur.Format(q.Base))
		if q.Eligible && q.Overflow > 0 {
			s += fmt.Sprintf("; effective %s with overflow", m.cur.Format(q.Monthly))
		}
		return s
	case model.KindAPI:
		return fmt.Sprintf("Pay per token · %s · every class on %s · %s per task", q.Vendor, q.Name, m.perTask(q))
	}
	scope := "any provider"
	if q.Vendor != "" {
		scope = q.Vendor
	}
	return fmt.Sprintf("Pay per token · each class on its cheapest model (%s) · %s per task", scope, m.perTask(q))
}

// classTable is the per-class breakdown: tasks, tokens, where they run, cost.
func (m *Model) classTable(q *model.Quote, iw int) []string {
	nameW := 5
	for _, c := range q.Classes {
		nameW = max(nameW, min(ansiWidth(c.Name), 20))
	}
	const tasksW, fitW, tokW, costW = 9, 4, 13, 10
	onW := 18
	whyW := iw - (nameW + 1 + tasksW + 1 + fitW + 1 + onW + 1 + tokW + 1 + costW + 1)
	showTok := whyW >= 16
	if !showTok {
		whyW += tokW + 1
	}
	if whyW < 8 {
		onW = max(onW+whyW-8, 8)
		whyW = 8
	}
	row := func(name, tasks, fit, on, tok, cost, why string) []string {
		s := pad(truncate(name, nameW), nameW) + " " + padLeft(tasks, tasksW) + " " + pad(fit, fitW) + " " + pad(truncate(on, onW), onW)
		if showTok {
			s += " " + padLeft(tok, tokW)
		}
		s += " " + padLeft(cost, costW)
		if ansiWidth(why) <= whyW {
			return []string{truncate(s+" "+why, iw)}
		}
		// A reason that does not fit its column goes under the row, whole.
		out := []string{truncate(s, iw)}
		for _, l := range strings.Split(ansi.Wrap(why, max(iw-4, 1), " "), "\n") {
			out = append(out, m.st.muted.Render("  ↳ "+l))
		}
		return out
	}
	out := []string{m.st.muted.Render(row("Class", "tasks/mo", "fits", "on", "tokens in/out", "cost", "why")[0])}
	for _, c := range q.Classes {
		fit := m.st.good.Render(" ✓")
		if !c.Fits {
			fit = m.st.bad.Render(" ✗")
		}
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
			cost = m.cur.Format(c.Cost)
		}
		if on == "" {
			on = "—"
		}
		tok := model.Tokens(c.InputTokens) + "/" + model.Tokens(c.OutputTokens)
		out = append(out, row(c.Name, money.Count(c.Tasks), fit, on, tok, cost, c.Reason)...)
	}
	return out
}

func (m *Model) limitLine(l model.LimitUse) string {
	size := m.limitAmount(l.Limit, l.Capacity())
	if l.USD == 0 {
		size += " " + l.Unit()
	}
	s := fmt.Sprintf("%s of %s / %s", m.limitAmount(l.Limit, l.Demand), size, window(l.WindowHours))
	if len(l.Tiers) > 0 {
		ts := make([]string, len(l.Tiers))
		for i, t := range l.Tiers {
			ts[i] = t.String()
		}
		s += " (" + strings.Join(ts, ", ") + " tasks)"
	}
	word := capsWord(l.Confidence)
	if hasRange(l.Limit) {
		word += " " + m.limitAmount(l.Limit, l.Low) + "–" + m.limitAmount(l.Limit, l.High)
	}
	s = pad(s, 32) + " " + m.bar(l.Utilization, 5, l.Utilization > 1) + " " + padLeft(utilPct(l.Utilization), 4) + "  " + m.st.muted.Render(word)
	if l.Note != "" {
		s += m.st.muted.Render(" · " + l.Note)
	}
	return s
}

// limitAmount is v in l's unit: "32", "12k" or "$3.10".
func (m *Model) limitAmount(l model.Limit, v float64) string {
	switch {
	case l.Tokens > 0:
		return model.Tokens(v)
	case l.USD > 0:
		return m.cur.Format(v)
	}
	return money.Count(math.Round(v*10) / 10)
}

// capText is a limit's size in words, with its range when it has one:
// "45 messages", "$38.54 of API-priced use ($20.00–$60.00)".
func (m *Model) capText(l model.Limit) string {
	s := m.limitAmount(l, l.Capacity()) + " " + l.Unit()
	if l.USD > 0 {
		s = m.limitAmount(l, l.Capacity()) + " of API-priced use"
	}
	if hasRange(l) {
		s += " (" + m.limitAmount(l, l.Low) + "–" + m.limitAmount(l, l.High) + ")"
	}
	return s
}

// hasRange: the capacity is uncertain and the catalog gives its span.
func hasRange(l model.Limit) bool {
	return l.Low > 0 && l.High > 0 && l.Low != l.High
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
func (m *Model) capsText(q *model.Quote) string {
	var parts []string
	var ranged []string
	for _, l := range q.Limits {
		parts = append(parts, fmt.Sprintf("the %s cap is %s", windowAdj(l.WindowHours), capsWord(l.Confidence)))
		if hasRange(l.Limit) {
			ranged = append(ranged, fmt.Sprintf("the %s cap (%s–%s)", windowAdj(l.WindowHours), m.limitAmount(l.Limit, l.Low), m.limitAmount(l.Limit, l.High)))
		}
	}
	s := upperFirst(strings.Join(parts, "; ")) + "."
	switch rng := report.RangeText(q, m.cur); {
	case len(ranged) == 0:
	case rng != m.cur.Format(q.Monthly):
		s += fmt.Sprintf(" The cost is a range, %s, because %s %s.", rng, strings.Join(ranged, " and "), plural(len(ranged), "is an estimate", "are estimates"))
	default:
		s += fmt.Sprintf(" %s %s, but the cost stays %s across %s.", upperFirst(strings.Join(ranged, " and ")), plural(len(ranged), "is an estimate", "are estimates"), rng, plural(len(ranged), "its range", "their ranges"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
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

// windowAdj names a window as an adjective: "5-hour", "weekly".
func windowAdj(h float64) string {
	switch w := window(h); w {
	case "day":
		return "daily"
	case "week":
		return "weekly"
	case "month":
		return "monthly"
	}
	return money.Count(h) + "-hour"
}

// breakEvenText is the Break-even column of the table, in a sentence: the
// same word for the same case everywhere.
func (m *Model) breakEvenText(q *model.Quote) string {
	be := report.BreakEven(&m.res, q)
	switch be {
	case "":
		return ""
	case "always":
		return "always — the plan costs less than paying per token at every volume from 1/64× to 64× today's."
	case "never":
		return "never — paying per token costs less at every volume from 1/64× to 64× today's."
	case "free":
		return "free — nothing to pay back."
	case "—":
		if !q.Eligible {
			return "— (no figure: the plan cannot carry this work)."
		}
		return "— (no figure: no API option can carry this work to compare with)."
	}
	if q.BreakEven <= 1 {
		return fmt.Sprintf("already pays for itself (from %s today's volume).", report.Times(q.BreakEven))
	}
	return fmt.Sprintf("pays for itself from %s today's volume.", report.Times(q.BreakEven))
}

// billingText compares the two billing periods using the engine's second
// evaluation (the UI never re-prices a plan itself).
func (m *Model) billingText(q *model.Quote) string {
	if !m.altOK {
		return ""
	}
	a, ok := m.alt.Find(q.ID)
	if !ok {
		return ""
	}
	mon, ann := q, a
	if m.w.Billing == model.Annual {
		mon, ann = a, q
	}
	if mon.Base == ann.Base {
		return fmt.Sprintf("%s/month; no annual discount.", m.cur.Format(mon.Base))
	}
	return fmt.Sprintf("monthly %s/month · billed annually %s/month.", m.cur.Format(mon.Base), m.cur.Format(ann.Base))
}
