// Package report renders a ranked comparison for people and programs: the
// verdict sentence, an aligned table, JSON, CSV and Markdown. It formats
// quotes; it never prices anything.
package report

import (
	"fmt"
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
}

// Quotes returns the options to show, honouring Top.
func (c *Comparison) Quotes() []model.Quote {
	qs := c.Result.Quotes
	if c.Top > 0 && c.Top < len(qs) {
		qs = qs[:c.Top]
	}
	return qs
}

// Verdict is the one-line answer, and a second line naming the plan a user
// would expect to win that cannot take the work ("" when there is none).
func (c *Comparison) Verdict() (string, string) {
	v := c.Result.Verdict()
	if v.Best == nil {
		return "No option can carry this workload: every one misses a context window, tier or route.", ""
	}
	cur := c.Currency
	line := fmt.Sprintf("%s does this work for %s/month", v.Best.Name, cur.Format(v.Best.Monthly))
	if v.Rival != nil {
		if v.Margin >= 0.005 {
			line += fmt.Sprintf(", %s less than %s (%s)", Percent(v.MarginPct), Article(v.Rival), cur.Format(v.Rival.Monthly))
		} else {
			line += fmt.Sprintf(", the same as %s", Article(v.Rival))
		}
	}
	line += "."
	second := ""
	if v.Blocked != nil {
		second = fmt.Sprintf("%s can't take all of it: %s.", v.Blocked.Name, v.BlockedReason)
	}
	return line, second
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
		return fmt.Sprintf("%.2g× (pays now)", q.BreakEven)
	}
	return fmt.Sprintf("%.2g×", q.BreakEven)
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
