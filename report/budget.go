package report

import (
	"fmt"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// The workload's budget (`budget:`, a monthly amount in the workload's
// currency): which options it holds, and what the verdict says of it. Every
// front end asks here, so the app's marks, its chart line and the printed
// verdict agree.

// WithinBudget: q is an option (eligible) whose effective monthly cost is at
// most w's budget; cur is the budget's currency (the workload's). False
// when w has no budget.
func WithinBudget(q *model.Quote, w *model.Workload, cur money.Currency) bool {
	// A cost that prints as the budget is within it: compare in the
	// currency's own units, to a part in a billion.
	return w.Budget > 0 && q.Eligible && q.Monthly*cur.Rate <= w.Budget*(1+1e-9)
}

// BudgetUSD is w's budget in USD (the unit of every cost), for drawing it
// beside costs; 0 when none.
func BudgetUSD(w *model.Workload, cur money.Currency) float64 {
	if w.Budget <= 0 || cur.Rate <= 0 {
		return 0
	}
	return w.Budget / cur.Rate
}

// BudgetLine is the verdict's word on the budget: whether the answer fits
// it, and when it does not, what does; "" when w has no budget.
func BudgetLine(r *model.Result, w *model.Workload, cur money.Currency) string {
	if w.Budget <= 0 {
		return ""
	}
	b := cur.Format(w.Budget / cur.Rate)
	n := 0
	var cheapest *model.Quote
	for i := range r.Quotes {
		if q := &r.Quotes[i]; WithinBudget(q, w, cur) {
			n++
			if cheapest == nil || q.Monthly < cheapest.Monthly {
				cheapest = q
			}
		}
	}
	// The headline names the answer and its cost: this line says only how
	// it stands against the budget, short enough for one row of 80.
	v := r.Verdict(w.Current)
	a := v.Winner()
	switch {
	case a == nil && n == 0:
		return fmt.Sprintf("No option fits your budget of %s/month.", b)
	case a == nil:
		return fmt.Sprintf("%s your budget of %s/month.", fitting(n), b)
	case WithinBudget(a, w, cur):
		return fmt.Sprintf("Within your budget of %s/month: %s left; %s it.",
			b, cur.Format(w.Budget/cur.Rate-a.Monthly), fitting(n))
	case n == 0:
		return fmt.Sprintf("Over your budget of %s/month by %s; no option fits it.",
			b, cur.Format(a.Monthly-w.Budget/cur.Rate))
	}
	return fmt.Sprintf("Over your budget of %s/month by %s; %s it, the cheapest %s at %s.",
		b, cur.Format(a.Monthly-w.Budget/cur.Rate), fitting(n), cheapest.Name, cur.Format(cheapest.Monthly))
}

// fitting is "1 option fits" or "n options fit".
func fitting(n int) string {
	if n == 1 {
		return "1 option fits"
	}
	return fmt.Sprintf("%d options fit", n)
}
