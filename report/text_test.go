package report

import (
	"math"
	"testing"

	"github.com/tokenomics/tokenomics/money"
)

// A move in cost reads as the same when it rounds to nothing at the
// display currency's decimals; else it is written signed, in that currency.
func TestCostChange(t *testing.T) {
	eur, jpy := money.New("EUR", 0.9), money.New("JPY", 150)
	for _, tc := range []struct {
		d    float64
		cur  money.Currency
		want string
	}{
		{1.2, money.USD, "+$1.20"},
		{-0.4, money.USD, "−$0.40"},
		{0.0049, money.USD, ""},       // under half a cent
		{-0.0049, money.USD, ""},      // either way
		{0.0051, money.USD, "+$0.01"}, // half a cent and more reads as a cent
		{0.0052, eur, ""},             // €0.00468: under half a euro cent
		{0.006, eur, "+€0.01"},        // €0.0054
		{-0.004, jpy, "−¥1"},          // ¥0.6: more than half a yen
		{0.003, jpy, ""},              // ¥0.45
		{0, money.USD, ""},
		{math.NaN(), money.USD, ""}, // no figure, no mark
	} {
		if got := CostChange(tc.d, tc.cur); got != tc.want {
			t.Errorf("CostChange(%v, %s) = %q, want %q", tc.d, tc.cur.Code, got, tc.want)
		}
		if same := SameCost(tc.d, tc.cur); same != (tc.want == "" && !math.IsNaN(tc.d)) {
			t.Errorf("SameCost(%v, %s) = %v", tc.d, tc.cur.Code, same)
		}
	}
}
