// Package report renders a ranked comparison for people and programs: the
// verdict sentence, an aligned table, JSON, CSV and Markdown. It formats
// quotes; it never prices anything.
package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// Comparison is everything a report shows.
type Comparison struct {
	Workload    model.Workload
	Result      *model.Result
	CatalogAsOf string
	Currency    money.Currency
	Top         int // 0 = all options
	// Only, when not nil, are the options to list instead of every one of
	// Result (the app's filter and search); the verdict still reads Result.
	Only         []model.Quote
	CatalogNotes []string
	Sources      bool // the table and Markdown list the sources and dates of the options shown

	flips     []model.Flip // Result's flip points, computed on first use
	flipsDone bool

	without     *model.Verdict // the verdict once the models about to go are gone, computed on first use
	withoutDone bool
}

// Flips are the result's flip points, computed once: they re-price every
// option many times, so only the formats that show them ask.
func (c *Comparison) Flips() []model.Flip {
	if !c.flipsDone {
		c.flips, c.flipsDone = c.Result.Flips(), true
	}
	return c.flips
}

// SunsetVerdict is the verdict once the models about to go that the
// verdict's options use are gone (model.Result.SunsetVerdict), computed
// once, and only when some option the verdict names uses one: it is a whole
// evaluation more. Nil when none does.
func (c *Comparison) SunsetVerdict() *model.Verdict {
	if !c.withoutDone {
		c.withoutDone = true
		if sv, ok := c.Result.SunsetVerdict(c.Workload.Current); ok {
			c.without = &sv
		}
	}
	return c.without
}

// SourceList is the provenance of every catalog entry the shown options
// rely on, each entry once, in ranking order.
func (c *Comparison) SourceList() []model.Source {
	var out []model.Source
	seen := map[string]bool{}
	for _, q := range c.Quotes() {
		for _, s := range q.Sources {
			if !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// SourceLine is one entry's provenance: "Claude Pro: https://… · as of
// 2026-11-01 (official)".
func SourceLine(s model.Source) string {
	or := func(v, none string) string {
		if v == "" {
			return none
		}
		return v
	}
	return fmt.Sprintf("%s: %s · as of %s (%s)", s.Name, or(s.Source, "no source given"), or(s.AsOf, "unknown date"),
		or(s.Confidence, "confidence unknown"))
}

// Quotes returns the options to show, honouring Top.
func (c *Comparison) Quotes() []model.Quote { return shown(c.Result.Quotes, c.Only, c.Top) }

// shown are the options to list: only when it is not nil, else all; the
// first top of them when top is not 0.
func shown(all, only []model.Quote, top int) []model.Quote {
	if only != nil {
		all = only
	}
	if top > 0 && top < len(all) {
		all = all[:top]
	}
	return all
}

// rank is the rank of q, the i-th option listed: its place in the whole
// ranking, so an option listed from further down (the app's plan you pay
// for, under its top rows) keeps its own number.
func (c *Comparison) rank(i int, q *model.Quote) int {
	if c.Only == nil {
		return i + 1
	}
	for j := range c.Result.Quotes {
		if c.Result.Quotes[j].ID == q.ID {
			return j + 1
		}
	}
	return i + 1
}

// Verdict is the headline and its supporting lines, in the comparison's
// currency, for the workload's current plan, with the nearest flip point.
func (c *Comparison) Verdict() (string, []string) {
	main, lines := VerdictLines(c.Result, c.Workload.Current, c.Currency, c.Flips(), c.SunsetVerdict())
	support := lineTexts(lines)
	if b := BudgetLine(c.Result, &c.Workload, c.Currency); b != "" {
		support = append([]string{b}, support...) // next to the answer it judges
	}
	return main, support
}

// Verdict answers the buyer's question first, in words: subscription or
// API, the best of each side by side, and the saving. The supporting lines
// say, each when it applies: that the answer rests on an estimated cap, what
// a free plan does (never crowned in the headline), what leaving the plan
// the user pays for now saves, and the next fact that matters (overflow or
// break-even).
func Verdict(r *model.Result, current string, cur money.Currency) (string, []string) {
	main, lines := VerdictLines(r, current, cur, nil, nil)
	return main, lineTexts(lines)
}

// lineTexts are the lines' words.
func lineTexts(lines []Line) []string {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text
	}
	return texts
}

// LineKind is what a supporting line of the verdict is about, so that a
// screen can place or colour it without reading its words.
type LineKind int

// Kinds of supporting line, in the order VerdictLines gives them.
const (
	LineOther          LineKind = iota
	LineBudget                  // whether the answer fits the budget (BudgetLine; the callers put it first)
	LineEstimate                // the answer, or the best options' costs, rest on estimates
	LineOneVendor               // the cheapest API option on one provider
	LineFlip                    // where the answer flips
	LineFree                    // what a free plan does
	LineCurrent                 // what the plan the user pays for now does against the answer
	LineCurrentUnknown          // the plan named as the user's is not among the options
	LineSupport                 // the next fact: overflow, break-even or routing
	LinePayback                 // the next fact: from what volume the best plan would pay for itself
	LineSunset                  // an option the verdict names uses a model about to retire (given first)
)

// Line is one supporting line of the verdict.
type Line struct {
	Kind LineKind
	Text string
}

// VerdictLines is the verdict's sentence and its supporting lines, each
// with its kind. flips are r's flip points (nil when not computed: the
// nearest is among the lines). A warning about a model about to go says
// what goes and who uses it, and, given without (the verdict once those
// models are gone, model.Result.SunsetVerdict; nil when not computed), what
// takes each option's place.
func VerdictLines(r *model.Result, current string, cur money.Currency, flips []model.Flip, without *model.Verdict) (string, []Line) {
	return verdictLines(r, current, cur, flips, without, "class")
}

// verdictLines is VerdictLines saying what the API mix routes: each
// "class" of a workload, or each "record" of a replay.
func verdictLines(r *model.Result, current string, cur money.Currency, flips []model.Flip, without *model.Verdict, routed string) (string, []Line) {
	v := r.Verdict(current)
	w, o := v.Winner(), v.Other()
	if w == nil {
		why := ""
		if len(r.Quotes) > 0 {
			why = " " + r.Quotes[0].Name + ": " + ReasonText(r.Quotes[0].Reason) + "."
		}
		return "No option can carry this workload." + why, nil
	}
	side := map[model.Answer]string{model.AnswerSubscription: "Subscription", model.AnswerAPI: "API"}[v.Answer]
	line := fmt.Sprintf("%s: %s at %s/month", side, w.Name, cur.Format(w.Monthly))
	switch {
	case o == nil && v.Answer == model.AnswerAPI:
		line += "; no paid plan in the comparison can carry it."
	case o == nil:
		line += "; no API option can carry it."
	case SameCost(v.Saving, cur):
		line += fmt.Sprintf(", the same as %s.", Article(o))
	default:
		line += fmt.Sprintf(" against %s at %s: saves %s/month (%s).", Article(o), cur.Format(o.Monthly),
			cur.Format(v.Saving), Percent(100*v.SavingShare))
	}
	var lines []Line
	add := func(k LineKind, s string) {
		if s != "" {
			lines = append(lines, Line{k, s})
		}
	}
	// A model about to go changes the answer soon: said first.
	for _, s := range SunsetLines(r.SunsetWarnings(&v), without, cur) {
		add(LineSunset, s)
	}
	add(LineEstimate, estimateLine(&v, cur))
	add(LineOneVendor, OneVendorLine(&v, cur))
	f, hasFlip := model.NearestFlip(flips)
	if hasFlip {
		add(LineFlip, FlipLine(r, f))
	}
	if f := v.BestFree; f != nil {
		if f.Fits {
			add(LineFree, fmt.Sprintf("A free plan carries all of it, within its caps as the catalog has them: %s.", f.Name))
		} else {
			add(LineFree, fmt.Sprintf("Free plan for part, API for the rest: %s with %s/month of API overflow is cheaper still.",
				f.Name, cur.Format(f.Monthly)))
		}
	}
	add(currentLine(&v, current, cur))
	// The flip to the best plan at the whole volume is its break-even: said once.
	if k, s := support(r, &v, cur, routed); !(hasFlip && f.Class < 0 && f.To == v.BestPlan && k == LinePayback) {
		add(k, s)
	}
	return line, lines
}

// OneVendorLine names the cheapest API option on one provider when the
// best API option spans several: three accounts to save pennies is not
// a real choice.
func OneVendorLine(v *model.Verdict, cur money.Currency) string {
	a, o := v.BestAPI, v.OneVendor
	if a == nil || o == nil || a.Providers < 2 {
		return ""
	}
	return fmt.Sprintf("One vendor: %s at %s/month (%s more than the %d-provider mix).", o.Name, cur.Format(o.Monthly),
		cur.Format(o.Monthly-a.Monthly), a.Providers)
}

// FlipLine says where the answer changes: "The answer flips to Claude Max
// above 14 Reasoning a day (now 5)."
func FlipLine(r *model.Result, f model.Flip) string {
	dir := "above"
	if !f.Up {
		dir = "below"
	}
	if f.Class < 0 {
		return fmt.Sprintf("The answer flips to %s %s %s today's volume (%s tasks a month, now %s).", f.To.Name, dir,
			Times(f.Factor), Count(f.Count), Count(r.TotalTasks))
	}
	now := f.Count / f.Factor
	return fmt.Sprintf("The answer flips to %s %s %s %s a %s (now %s).", f.To.Name, dir, Count(f.Count), f.ClassName, f.Per,
		Count(now))
}

// Count writes a count of tasks: 14, 2.5, 0.33, 1,250.
func Count(n float64) string {
	switch {
	case n >= 1000:
		return money.Group(fmt.Sprintf("%.0f", n))
	case n >= 10:
		return fmt.Sprintf("%.0f", n)
	case n >= 1:
		return strconv.FormatFloat(math.Round(n*10)/10, 'f', -1, 64)
	}
	return strconv.FormatFloat(n, 'g', 2, 64)
}

// estimateLine says when the answer, or the plan's cost, rests on an
// estimated cap or language factor.
func estimateLine(v *model.Verdict, cur money.Currency) string {
	p, a := v.BestPlan, v.BestAPI
	if p != nil && a != nil && a.MonthlyLow != a.MonthlyHigh {
		// The API's cost rests on estimated token factors too: both ranges.
		if v.DependsOnEstimate {
			return fmt.Sprintf("The answer rests on estimates: %s costs %s and %s %s across the ranges of their caps and token factors, so either may win.",
				p.Name, RangeText(p, cur), a.Name, RangeText(a, cur))
		}
		return fmt.Sprintf("Costs rest on estimated caps or token factors (%s %s, %s %s); the answer holds either way.",
			p.Name, RangeText(p, cur), a.Name, RangeText(a, cur))
	}
	if p == nil || p.MonthlyLow == p.MonthlyHigh {
		if a != nil && a.MonthlyLow != a.MonthlyHigh {
			return fmt.Sprintf("%s's cost rests on estimated token factors: %s/month across their range.", a.Name, RangeText(a, cur))
		}
		return ""
	}
	span := RangeText(p, cur)
	switch {
	case v.DependsOnEstimate && v.Answer == model.AnswerAPI:
		return fmt.Sprintf("The answer rests on an estimated cap: at the generous end of %s's caps it costs %s and the subscription wins (range %s).",
			p.Name, cur.Format(p.MonthlyLow), span)
	case v.DependsOnEstimate:
		return fmt.Sprintf("The answer rests on an estimated cap: at the low end of %s's caps it costs %s and the API wins (range %s).",
			p.Name, cur.Format(p.MonthlyHigh), span)
	}
	return fmt.Sprintf("%s's caps are estimates: it costs %s/month across their range; the answer holds either way.", p.Name, span)
}

// currentLine says what leaving the plan the user pays for now saves.
func currentLine(v *model.Verdict, current string, cur money.Currency) (LineKind, string) {
	c, w := v.Current, v.Winner()
	switch {
	case current == "":
		return LineOther, ""
	case c == nil:
		return LineCurrentUnknown, fmt.Sprintf("Your current plan %q is not among the options compared.", current)
	case c == w:
		return LineCurrent, fmt.Sprintf("You pay for %s now: keep it, it is the answer.", c.Name)
	case !v.HasSwitch:
		return LineCurrent, fmt.Sprintf("You pay for %s now, but it cannot carry this work: %s.", c.Name, ReasonText(c.Reason))
	case SameCost(v.SwitchSaving, cur):
	case v.SwitchSaving > 0:
		return LineCurrent, fmt.Sprintf("You pay for %s now (%s/month for this work): switching to %s saves %s/month.",
			c.Name, cur.Format(c.Monthly), w.Name, cur.Format(v.SwitchSaving))
	case v.SwitchSaving < 0:
		return LineCurrent, fmt.Sprintf("You pay for %s now (%s/month for this work): switching to %s would cost %s/month more.",
			c.Name, cur.Format(c.Monthly), w.Name, cur.Format(-v.SwitchSaving))
	}
	return LineCurrent, fmt.Sprintf("You pay for %s now: switching to %s costs the same.", c.Name, w.Name)
}

// Range is RangeText for a table's column of its own: "" when the cost
// does not depend on an uncertain cap or language factor.
func Range(q *model.Quote, cur money.Currency) string {
	if q.MonthlyLow == q.MonthlyHigh || !q.Eligible {
		return ""
	}
	return RangeText(q, cur)
}

// RangeText is an option's cost over the range of its estimated caps and
// language factors, "$20.00–$38.54", or its cost alone when the range is a
// point ("$20.00 or more" when at the dear end the option cannot carry the
// work at all).
func RangeText(q *model.Quote, cur money.Currency) string {
	switch {
	case q.MonthlyLow == q.MonthlyHigh || !q.Eligible:
		return cur.Format(q.Monthly)
	case math.IsInf(q.MonthlyHigh, 1):
		// At the dear end some work has no route: no upper figure.
		return cur.Format(q.MonthlyLow) + " or more"
	}
	return cur.Format(q.MonthlyLow) + "–" + cur.Format(q.MonthlyHigh)
}

// support is the next fact after the answer: what of the winning plan's
// work runs on the API, or from what volume the best plan pays for itself,
// or what routing each of routed ("class", "record") saves.
func support(r *model.Result, v *model.Verdict, cur money.Currency, routed string) (LineKind, string) {
	w := v.Winner()
	if w.Kind == model.KindSubscription {
		switch {
		case !w.Fits && w.Overflow > 0:
			return LineSupport, fmt.Sprintf("%s, %s/month of the work runs on API models.", shortfall(w), cur.Format(w.Overflow))
		case w.HasBreakEven:
			return LineSupport, fmt.Sprintf("Below %s today's volume, paying per token would be cheaper.", Times(w.BreakEven))
		}
		return LineSupport, ""
	}
	if p := v.BestPlan; p != nil && p.HasBreakEven {
		return LinePayback, fmt.Sprintf("%s would pay for itself from %s today's volume.", p.Name, Times(p.BreakEven))
	}
	if w.HasSaving && w.Saving > 0 && !SameCost(w.Saving, cur) {
		return LineSupport, fmt.Sprintf("Routing each %s to its cheapest model saves %s/month over %s alone.", routed, cur.Format(w.Saving), w.SavingVs)
	}
	return LineSupport, ""
}

// shortfall says in words what a plan cannot take: "Past its usage caps and
// context window".
func shortfall(q *model.Quote) string {
	var parts []string
	seen := map[model.Why]bool{}
	for _, c := range q.Classes {
		if c.Fits || seen[c.Why] {
			continue
		}
		seen[c.Why] = true
		switch c.Why {
		case model.WhyCaps:
			parts = append(parts, "usage caps")
		case model.WhyContext:
			parts = append(parts, "context window")
		case model.WhyTier:
			parts = append(parts, "capability tier")
		case model.WhyVia:
			parts = append(parts, "terms of use (api or agent work)")
		}
	}
	if len(parts) == 0 {
		return "For what it can't take"
	}
	if len(parts) > 1 {
		parts = append(parts[:len(parts)-2], parts[len(parts)-2]+" and "+parts[len(parts)-1])
	}
	return "Past its " + strings.Join(parts, ", ")
}

// Times formats a volume multiple: 0.4×, 1.8×, 12×.
func Times(k float64) string {
	if k >= 10 {
		return fmt.Sprintf("%.0f×", k)
	}
	return strconv.FormatFloat(k, 'g', 2, 64) + "×"
}

// Article names the option beaten the way the verdict reads it: "the best
// API mix", "the best paid plan, Claude Pro".
func Article(q *model.Quote) string {
	switch q.Kind {
	case model.KindSubscription:
		return "the best paid plan, " + q.Name
	case model.KindMix:
		return "the best API mix"
	}
	return "the best API model, " + q.Name
}

// Percent writes a share without a misleading "0%" or "100%": one that is
// not exactly either reads "<1%" or ">99%" (a $4.98 saving on $4.99 is not
// all of it).
func Percent(p float64) string {
	switch {
	case p > 0 && p < 1:
		return "<1%"
	case p > 99 && p < 100:
		return ">99%"
	}
	return fmt.Sprintf("%.0f%%", p)
}

// Fit is the fit mark, readable without colour.
func Fit(q *model.Quote) string {
	switch {
	case !q.Eligible:
		return "✗ no"
	case q.Fits:
		return "✓ fits"
	case q.Kind == model.KindSubscription:
		return "~ overflow"
	}
	return "✗ no"
}

// Utilization is "62%" for capped plans and "" otherwise.
func Utilization(q *model.Quote) string {
	if !q.Capped {
		return ""
	}
	return UsePercent(q.Utilization)
}

// UsePercent is a use u of a cap (1 = the whole cap) as a percent that
// reads "100%" only when the use is exactly the cap: plain rounding would
// show 99.6% as "100%", at the cap though the work fits, and 100.3% as
// "100%" beside an overflow mark. A use under the cap reads as Percent
// does (">99%"); one over it reads at least "101%", the first whole
// percent past the cap, since ">100%" would not fit the column.
func UsePercent(u float64) string {
	p := 100 * u
	if p > 100 && p < 101 {
		p = 101
	}
	return Percent(p)
}

// BreakEven says from which volume a plan pays for itself, against the
// cheapest option of r that pays per token. Every plan row gets one of:
// "1.8×" or "0.6× (pays now)"; "always" (the plan costs less at every volume
// from 1/64× to 64×); "never" (paying per token costs less across that
// range); "free" (nothing to pay back); "—" (no figure: the plan cannot
// carry the work, or no API option can to compare with). API rows get "".
func BreakEven(r *model.Result, q *model.Quote) string {
	switch be := r.BreakEvenOf(q); be.Kind {
	case model.BreakEvenAt:
		if be.K <= 1 {
			return Times(be.K) + " (pays now)"
		}
		return Times(be.K)
	case model.BreakEvenAlways:
		return "always"
	case model.BreakEvenNever:
		return "never"
	case model.BreakEvenFree:
		return "free"
	case model.BreakEvenNoFit, model.BreakEvenNoAPI:
		return "—"
	}
	return ""
}

// BreakEvenSentence is BreakEven in a sentence, for a plan's detail: the
// same word for the same case, then what it means.
func BreakEvenSentence(be model.BreakEvenCase) string {
	switch be.Kind {
	case model.BreakEvenAt:
		if be.K <= 1 {
			return fmt.Sprintf("already pays for itself (from %s today's volume).", Times(be.K))
		}
		return fmt.Sprintf("pays for itself from %s today's volume.", Times(be.K))
	case model.BreakEvenAlways:
		return "always — the plan costs less than paying per token at every volume from 1/64× to 64× today's."
	case model.BreakEvenNever:
		return "never — paying per token costs less at every volume from 1/64× to 64× today's."
	case model.BreakEvenFree:
		return "free — nothing to pay back."
	case model.BreakEvenNoFit:
		return "— (no figure: the plan cannot carry this work)."
	case model.BreakEvenNoAPI:
		return "— (no figure: no API option can carry this work to compare with)."
	}
	return ""
}

// BestPerToken is r's cheapest eligible API option or mix, nil when none.
func BestPerToken(r *model.Result) *model.Quote { return r.BestPerToken() }

// Why is the short reason shown beside an option: why it does not fit, what
// overflows, or what a mix saves.
func Why(q *model.Quote, cur money.Currency) string {
	switch {
	case !q.Eligible:
		return ReasonText(q.Reason)
	case q.Kind == model.KindSubscription && !q.Fits:
		return fmt.Sprintf("+%s overflow · %s", cur.Format(q.Overflow), ReasonText(q.Reason))
	case q.Kind == model.KindMix && q.HasSaving && q.Saving > 0 && !SameCost(q.Saving, cur):
		return fmt.Sprintf("saves %s vs %s", cur.Format(q.Saving), q.SavingVs)
	}
	return ""
}
