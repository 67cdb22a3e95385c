package report

import (
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

func TestLimitText(t *testing.T) {
	krw, eur := money.New("KRW", 1400), money.New("EUR", 0.9)
	agent := model.Limit{WindowHours: 5, USD: 18, Low: 6.39, High: 36, Via: []model.Via{model.ViaAgent}}
	for _, tc := range []struct {
		l    model.Limit
		cur  money.Currency
		want string
	}{
		{model.Limit{WindowHours: 3, Messages: 160}, money.USD, "160 messages per 3 h"},
		{agent, money.USD, "$18 ($6.39–$36) per 5 h (agent only)"},
		// 18 × 1400 = 25,200; 6.39 × 1400 = 8,946; 36 × 1400 = 50,400.
		{agent, krw, "₩25,200 (₩8,946–₩50,400) per 5 h (agent only)"},
		// 18 × 0.9 = 16.20; 6.39 × 0.9 = 5.751 → 5.75; 36 × 0.9 = 32.40.
		{agent, eur, "€16.20 (€5.75–€32.40) per 5 h (agent only)"},
		// 20 × 0.9 = 18, whole: no cents.
		{model.Limit{WindowHours: 168, USD: 20}, eur, "€18 per 168 h"},
		{model.Limit{WindowHours: 168, USD: 3.6}, money.USD, "$3.60 per 168 h"},
		{model.Limit{WindowHours: 168, USD: 479.7, Low: 159.75, High: 1440}, money.USD, "$479.70 ($159.75–$1,440) per 168 h"},
		{model.Limit{WindowHours: 168, USD: 2406.25, Low: 1234.5}, money.USD, "$2,406.25 ($1,234.50–$2,406.25) per 168 h"},
		// Half a cent rounds up: 1,203.125 → 1,203.13.
		{model.Limit{WindowHours: 168, USD: 1203.125}, money.USD, "$1,203.13 per 168 h"},
		{model.Limit{WindowHours: 24, Tokens: 1.5e6, Low: 1e6, Tiers: []model.Tier{model.Frontier}, Models: []string{"m"}}, krw, "1.5M (1M–1.5M) tokens per 24 h (frontier, m only)"},
		{model.Limit{WindowHours: 730.5, Messages: 300, Weights: map[string]float64{"x": 3}, Overage: 0.04}, money.USD, "300 messages per 730.5 h, weighted by model, then $0.04 each"},
		// 0.04 × 1400 = 56 a message.
		{model.Limit{WindowHours: 730.5, Messages: 300, Overage: 0.04}, krw, "300 messages per 730.5 h, then ₩56 each"},
		{model.Limit{WindowHours: 730.5, USD: 15, Overage: 1}, money.USD, "$15 per 730.5 h, then at API prices"},
		{model.Limit{WindowHours: 730.5, USD: 15, Overage: 1.2}, krw, "₩21,000 per 730.5 h, then at 1.2× API prices"},
	} {
		if got := LimitText(&tc.l, tc.cur); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.cur.Code, got, tc.want)
		}
	}
}

func TestFindingText(t *testing.T) {
	l := model.Limit{WindowHours: 5, USD: 18}
	for _, tc := range []struct {
		f    plans.Finding
		want string
	}{
		{plans.Finding{Kind: "estimate", Detail: "prices are an estimate"}, "prices are an estimate"},
		// 18 × 1400 = 25,200.
		{plans.Finding{Kind: "estimate", Detail: "is an estimate", Limit: &l}, "limit of ₩25,200 per 5 h is an estimate"},
	} {
		if got := FindingText(&tc.f, money.New("KRW", 1400)); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestOverlaySummary(t *testing.T) {
	for _, tc := range []struct {
		e    plans.Effect
		want string
	}{
		{plans.Effect{}, "changes nothing"},
		{plans.Effect{Replaced: 1, Added: 1, Removed: 1, Older: []string{"acme-mini"}, FX: true},
			"1 entry replaced, 1 entry added, 1 entry removed, dated before the catalog's own entry: acme-mini, exchange rates changed"},
		{plans.Effect{Added: 2, Tokenizers: true}, "2 entries added, tokenizer factors changed"},
	} {
		if got := OverlaySummary(tc.e); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
