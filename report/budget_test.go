package report

import (
	"testing"

	"github.com/tokenomics/tokenomics/money"
)

// The budget line on comparison's options: the API mix (acme and all) and
// Acme Mini alone at $5.28, Acme Pro at $20; Acme Lite ($9.28) carries none
// of the work, so it is never within a budget.
func TestBudgetLine(t *testing.T) {
	eur := money.New("EUR", 0.9)
	for _, tc := range []struct {
		name   string
		budget float64
		cur    money.Currency
		want   string
	}{
		{"none", 0, money.USD, ""},
		// 6 − 5.28 = 0.72 left; the three $5.28 options are within, Lite
		// ($9.28) and Pro ($20) are not.
		{"within", 6, money.USD, "Within your budget of $6.00/month: $0.72 left; 3 options fit it."},
		// A cost equal to the budget is within it.
		{"exactly", 5.28, money.USD, "Within your budget of $5.28/month: $0.00 left; 3 options fit it."},
		// 5.28 − 5 = 0.28 over, and nothing costs less than the answer.
		{"over", 5, money.USD, "Over your budget of $5.00/month by $0.28; no option fits it."},
		// €5 is 5/0.9 = $5.5556; the answer's $5.28 is €4.752;
		// left: 5.5556 − 5.28 = $0.2756 → €0.248 → €0.25. Lite: 9.28·0.9 =
		// €8.35, over.
		{"in the workload's currency", 5, eur, "Within your budget of €5.00/month: €0.25 left; 3 options fit it."},
		// $10 would take Lite's $9.28, but Lite carries none of the work
		// (its 2k context takes no class), so it is not an option: still 3.
		{"Lite is no option", 10, money.USD, "Within your budget of $10.00/month: $4.72 left; 3 options fit it."},
		// $20 takes Pro ($20, equal to the budget): 4 options; 20 − 5.28 =
		// 14.72 left.
		{"Pro too", 20, money.USD, "Within your budget of $20.00/month: $14.72 left; 4 options fit it."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := comparison(t, 0)
			c.Workload.Budget, c.Currency = tc.budget, tc.cur
			if got := BudgetLine(c.Result, &c.Workload, tc.cur); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			_, support := c.Verdict()
			if tc.want != "" && (len(support) == 0 || support[0] != tc.want) {
				t.Errorf("the verdict's lines %q lack the budget line", support)
			}
		})
	}
}
