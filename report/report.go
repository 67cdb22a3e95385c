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
func (c *Comparison) Quotes() []model.Quote {
	qs := c.Result.Quotes
	if c.Only != nil {
		qs = c.Only
	}
	if c.Top > 0 && c.Top < len(qs) {
		qs = qs[:c.Top]
	}
	return qs
}

// Verdict is the headline and its supporting lines, in the comparison's
// currency, for the workload's current plan.
func (c *Comparison) Verdict() (string, []string) {
	return Verdict(c.Result, c.Workload.Current, c.Currency)
}

// Verdict answers the buyer's question first, in words: subscription or
// API, the best of each side by side, and the saving. The supporting lines
// say, each when it applies: that the answer rests on an estimated cap, what
// a free plan does (never crowned in the headline), what leaving the plan
// the user pays for now saves, and the next fact that matters (overflow or
// break-even).
func Verdict(r *model.Result, current string, cur money.Currency) (string, []string) {
	main, lines := VerdictLines(r, current, cur)
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text
	}
	return main, texts
}

// LineKind is what a supporting line of the verdict is about, so that a
// screen can place or colour it without reading its words.
type LineKind int

// Kinds of supporting line, in the order Verdict gives them.
const (
	LineOther          LineKind = iota
	LineEstimate                // the answer, or the best plan's cost, rests on an estimated cap
	LineFree                    // what a free plan does
	LineCurrent                 // what the plan the user pays for now does against the answer
	LineCurrentUnknown          // the plan named as the user's is not among the options
	LineSupport                 // the next fact: overflow, break-even or routing
)

// Line is one supporting line of the verdict.
type Line struct {
	Kind LineKind
	Text string
}

// VerdictLines is Verdict with each supporting line's kind.
func VerdictLines(r *model.Result, current string, cur money.Currency) (string, []Line) {
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
	case v.Saving < 0.005:
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
	add(LineEstimate, estimateLine(&v, cur))
	if f := v.BestFree; f != nil {
		if f.Fits {
			add(LineFree, fmt.Sprintf("A free plan carries all of it, within its caps as the catalog has them: %s.", f.Name))
		} else {
			add(LineFree, fmt.Sprintf("Free plan for part, API for the rest: %s with %s/month of API overflow is cheaper still.",
				f.Name, cur.Format(f.Monthly)))
		}
	}
	add(currentLine(&v, current, cur))
	add(LineSupport, support(r, &v, cur))
	return line, lines
}

// estimateLine says when the answer, or the plan's cost, rests on an
// estimated cap.
func estimateLine(v *model.Verdict, cur money.Currency) string {
	p := v.BestPlan
	if p == nil || p.MonthlyLow == p.MonthlyHigh {
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
	case v.SwitchSaving >= 0.005:
		return LineCurrent, fmt.Sprintf("You pay for %s now (%s/month for this work): switching to %s saves %s/month.",
			c.Name, cur.Format(c.Monthly), w.Name, cur.Format(v.SwitchSaving))
	case v.SwitchSaving <= -0.005:
		return LineCurrent, fmt.Sprintf("You pay for %s now (%s/month for this work): switching to %s would cost %s/month more.",
			c.Name, cur.Format(c.Monthly), w.Name, cur.Format(-v.SwitchSaving))
	}
	return LineCurrent, fmt.Sprintf("You pay for %s now: switching to %s costs the same.", c.Name, w.Name)
}

// Range is RangeText for a table's column of its own: "" when the cost
// does not depend on an uncertain cap.
func Range(q *model.Quote, cur money.Currency) string {
	if q.Kind != model.KindSubscription || q.MonthlyLow == q.MonthlyHigh || !q.Eligible {
		return ""
	}
	return RangeText(q, cur)
}

// RangeText is a plan's cost over its caps' range, "$20.00–$38.54", or its
// cost alone when the range is a point ("$20.00 or more" when at the tight
// end of its caps the plan cannot carry the work at all).
func RangeText(q *model.Quote, cur money.Currency) string {
	switch {
	case q.Kind != model.KindSubscription || q.MonthlyLow == q.MonthlyHigh || !q.Eligible:
		return cur.Format(q.Monthly)
	case math.IsInf(q.MonthlyHigh, 1):
		// At the tight end some overflow has no API route: no upper figure.
		return cur.Format(q.MonthlyLow) + " or more"
	}
	return cur.Format(q.MonthlyLow) + "–" + cur.Format(q.MonthlyHigh)
}

// support is the next fact after the answer: what of the winning plan's
// work runs on the API, or from what volume the best plan pays for itself,
// or what routing saves.
func support(r *model.Result, v *model.Verdict, cur money.Currency) string {
	w := v.Winner()
	if w.Kind == model.KindSubscription {
		switch {
		case !w.Fits && w.Overflow > 0:
			return fmt.Sprintf("%s, %s/month of the work runs on API models.", shortfall(w), cur.Format(w.Overflow))
		case w.HasBreakEven:
			return fmt.Sprintf("Below %s today's volume, paying per token would be cheaper.", Times(w.BreakEven))
		}
		return ""
	}
	if p := v.BestPlan; p != nil && p.HasBreakEven {
		return fmt.Sprintf("%s would pay for itself from %s today's volume.", p.Name, Times(p.BreakEven))
	}
	if w.HasSaving && w.Saving >= 0.005 {
		return fmt.Sprintf("Routing each class to its cheapest model saves %s/month over %s alone.", cur.Format(w.Saving), w.SavingVs)
	}
	return ""
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

// Percent writes a share without a misleading "0%".
func Percent(p float64) string {
	if p > 0 && p < 1 {
		return "<1%"
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
	return fmt.Sprintf("%.0f%%", 100*q.Utilization)
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
	case q.Kind == model.KindMix && q.HasSaving && q.Saving >= 0.005:
		return fmt.Sprintf("saves %s vs %s", cur.Format(q.Saving), q.SavingVs)
	}
	return ""
}
