package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
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

// The verdict's "the same" follows SameCost too: Alpha (API) at $10 beats
// Pro, the plan paid for, at $10 + d, by d a month.
func TestVerdictSameCost(t *testing.T) {
	for _, tc := range []struct {
		name     string
		cur      money.Currency
		d        float64
		headline string // what the headline says after the answer's cost
		current  string
		why      string // a mix that saves d over Alpha
	}{
		{"dollars", money.USD, 1.5, " against the best paid plan, Pro at $11.50: saves $1.50/month",
			"You pay for Pro now ($11.50/month for this work): switching to Alpha saves $1.50/month.", "saves $1.50 vs Alpha"},
		// €0.00468 reads €0.00: the same, not "saves €0.00".
		{"euros", money.New("EUR", 0.9), 0.0052, ", the same as the best paid plan, Pro.",
			"You pay for Pro now: switching to Alpha costs the same.", ""},
		// ¥0.6 reads ¥1: not the same; Pro is ¥1,500.6, ¥1,501.
		{"yen", money.New("JPY", 150), 0.004, " against the best paid plan, Pro at ¥1,501: saves ¥1/month",
			"You pay for Pro now (¥1,501/month for this work): switching to Alpha saves ¥1/month.", "saves ¥1 vs Alpha"},
	} {
		r := model.Result{Quotes: []model.Quote{
			{ID: "api:a", Name: "Alpha", Kind: model.KindAPI, Eligible: true, Fits: true, Monthly: 10},
			{ID: "pro", Name: "Pro", Kind: model.KindSubscription, Eligible: true, Fits: true, Monthly: 10 + tc.d},
		}}
		main, lines := Verdict(&r, "pro", tc.cur)
		if want := "API: Alpha at " + tc.cur.Format(10) + "/month" + tc.headline; !strings.HasPrefix(main, want) {
			t.Errorf("%s: headline %q, want %q…", tc.name, main, want)
		}
		if !slices.Contains(lines, tc.current) {
			t.Errorf("%s: lines %q lack %q", tc.name, lines, tc.current)
		}
		mix := model.Quote{Kind: model.KindMix, Eligible: true, Fits: true, HasSaving: true, Saving: tc.d, SavingVs: "Alpha"}
		if got := Why(&mix, tc.cur); got != tc.why {
			t.Errorf("%s: why %q, want %q", tc.name, got, tc.why)
		}
	}
}
