// Package report renders a ranked comparison for people and programs: the
// verdict sentence, an aligned table, JSON, CSV and Markdown. It formats
// quotes; it never prices anything.
package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// Comparison is everything a report shows.
type Comparison struct {
	Workload     model.Workload
	Result       *model.Result
	CatalogAsOf  string
	Currency     money.Currency
	Top          int // 0 = all options
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
	if c.Top > 0 && c.Top < len(qs) {
		qs = qs[:c.Top]
	}
	return qs
}

// Verdict is the one-line answer and one supporting line ("" when there is
// none), in the comparison's currency.
func (c *Comparison) Verdict() (string, string) { return Verdict(c.Result, c.Currency) }

// Verdict answers the question first, in words: the cheapest option and its
// margin over the best option of the other kind. The supporting line is the
// one fact that matters next: the plan a user would expect to win that does
// not fit, what spills over to the API, or where the answer would flip.
func Verdict(r *model.Result, cur money.Currency) (string, string) {
	v := r.Verdict()
	if v.Best == nil {
		why := ""
		if len(r.Quotes) > 0 {
			why = " " + r.Quotes[0].Name + ": " + r.Quotes[0].Reason + "."
		}
		return "No option can carry this workload." + why, ""
	}
	b := v.Best
	line := fmt.Sprintf("%s does this work for %s/month", b.Name, cur.Format(b.Monthly))
	switch {
	case v.Rival == nil:
		line += "."
	case v.Margin < 0.005:
		line += fmt.Sprintf(", the same as %s.", Article(v.Rival))
	default:
		line += fmt.Sprintf(", %s less than %s (%s).", Percent(v.MarginPct), Article(v.Rival), cur.Format(v.Rival.Monthly))
	}
	return line, support(r, &v, cur)
}

func support(r *model.Result, v *model.Verdict, cur money.Currency) string {
	b := v.Best
	if q := v.Blocked; q != nil {
		s := fmt.Sprintf("%s (%s/month) doesn't fit: %s", q.Name, cur.Format(q.Base), v.BlockedReason)
		if q.Eligible {
			return s + fmt.Sprintf("; effective %s.", cur.Format(q.Monthly))
		}
		return s + "."
	}
	if b.Kind == model.KindSubscription {
		switch {
		case !b.Fits && b.Overflow > 0:
			return fmt.Sprintf("%s, %s/month of the work runs on API models.", shortfall(b), cur.Format(b.Overflow))
		case b.HasBreakEven:
			return fmt.Sprintf("Below %s today's volume, paying per token would be cheaper.", Times(b.BreakEven))
		}
		return ""
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		if q.Kind == model.KindSubscription && q.Eligible && q.HasBreakEven {
			return fmt.Sprintf("%s (%s/month) would pay for itself from %s today's volume.", q.Name, cur.Format(q.Base), Times(q.BreakEven))
		}
	}
	if b.HasSaving && b.Saving >= 0.005 {
		return fmt.Sprintf("Routing each class to its cheapest model saves %s/month over %s alone.", cur.Format(b.Saving), b.SavingVs)
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

// Article names the rival the way the verdict reads it: "the best API mix",
// "the best subscription (Claude Pro)".
func Article(q *model.Quote) string {
	switch q.Kind {
	case model.KindSubscription:
		return "the best subscription, " + q.Name
	case model.KindMix:
		return "the best API mix"
	}
	return "the best single API model, " + q.Name
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

// BreakEven says from which volume a plan pays for itself.
func BreakEven(q *model.Quote) string {
	switch {
	case q.Kind != model.KindSubscription:
		return ""
	case !q.HasBreakEven:
		return "—"
	case q.BreakEven <= 1:
		return Times(q.BreakEven) + " (pays now)"
	}
	return Times(q.BreakEven)
}

// Why is the short reason shown beside an option: why it does not fit, what
// overflows, or what a mix saves.
func Why(q *model.Quote, cur money.Currency) string {
	switch {
	case !q.Eligible:
		return q.Reason
	case q.Kind == model.KindSubscription && !q.Fits:
		return fmt.Sprintf("+%s overflow · %s", cur.Format(q.Overflow), q.Reason)
	case q.Kind == model.KindMix && q.HasSaving && q.Saving >= 0.005:
		return fmt.Sprintf("saves %s vs %s", cur.Format(q.Saving), q.SavingVs)
	}
	return ""
}

// Routes lists a mix's model per class: "Short tasks → Haiku 5.5; …".
func Routes(q *model.Quote) string {
	var parts []string
	for _, c := range q.Classes {
		if c.ModelName != "" {
			parts = append(parts, c.Name+" → "+c.ModelName)
		}
	}
	return strings.Join(parts, "; ")
}
