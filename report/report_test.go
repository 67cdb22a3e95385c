package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

func f(v float64) *float64 { return &v }

// comparison: one mid model at $1 in / $4 out and two $20 plans, one of
// which has a 16k context. 40 tasks a day of 2000 in, 1000 out:
// 880 tasks · (2000·1 + 1000·4)/1e6 = 880 · 0.006 = $5.28 on the API.
func comparison(t *testing.T, top int) *Comparison {
	t.Helper()
	cat := &model.Catalog{
		Models: []model.APIModel{{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates: model.Rates{Input: 1, Output: 4, CacheRead: f(0.1)}, ContextWindow: 200000, Status: "active",
			Provenance: model.Provenance{Source: "https://acme.example/pricing", AsOf: "2026-11-01", Confidence: "official"}}},
		Plans: []model.Subscription{
			{ID: "pro", Vendor: "acme", Name: "Acme Pro", PriceMonthly: 20, Models: []string{"mini"},
				Provenance: model.Provenance{Source: "https://acme.example/plans", AsOf: "2026-10-01"}},
			{ID: "lite", Vendor: "acme", Name: "Acme Lite", PriceMonthly: 4, Models: []string{"mini"}, ContextWindow: 2000},
		},
	}
	w := model.NewWorkload("Test | work")
	c := model.NewClass("Short")
	c.Count, c.InputTokens, c.OutputTokens = 40, 2000, 1000
	w.Classes = []model.Class{c}
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	return &Comparison{Workload: w, Result: &r, CatalogAsOf: "2026-11-27", Currency: money.USD, Top: top}
}

func TestVerdict(t *testing.T) {
	c := comparison(t, 0)
	got, second := c.Verdict()
	// Best: the API mix at $5.28 (mix:acme and mix:all tie; "API mix, acme" sorts first).
	// Rival: the best subscription. Lite: 3000 tokens > its 2000 context → overflows whole:
	// 4 + 5.28 = $9.28; Pro $20. Margin (9.28 − 5.28)/9.28 = 43%.
	want := "API mix, acme does this work for $5.28/month, 43% less than the best subscription, Acme Lite ($9.28)."
	if got != want {
		t.Errorf("verdict\n got %s\nwant %s", got, want)
	}
	// Lite's base $4 ≤ $5.28 and it does not fit: the blocked plan.
	// Lite: effective $9.28 as above.
	if want := "Acme Lite ($4.00/month) doesn't fit: Short: needs 3k context; plan gives 2k; effective $9.28."; second != want {
		t.Errorf("second line\n got %s\nwant %s", second, want)
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, comparison(t, 0)); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Workload map[string]any   `json:"workload"`
		Catalog  map[string]any   `json:"catalog"`
		Currency string           `json:"currency"`
		Options  []map[string]any `json:"options"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Currency != "USD" || out.Catalog["as_of"] != "2026-11-27" || out.Workload["name"] != "Test | work" {
		t.Errorf("header: %v %v %v", out.Currency, out.Catalog, out.Workload["name"])
	}
	// mix:acme, mix:all, api:mini ($5.28), lite ($9.28), pro ($20)
	if len(out.Options) != 5 {
		t.Fatalf("%d options", len(out.Options))
	}
	for _, key := range []string{"id", "name", "kind", "eligible", "fits", "monthly_cost", "base_cost", "overflow_cost",
		"cost_per_task", "utilization", "break_even", "classes", "notes"} {
		if _, ok := out.Options[0][key]; !ok {
			t.Errorf("option lacks %q", key)
		}
	}
	pro := out.Options[4]
	// Pro: uncapped → utilization null; break-even 20 / 5.28 = 3.7878…
	if pro["id"] != "pro" || pro["utilization"] != nil || pro["monthly_cost"] != 20.0 {
		t.Errorf("pro: %v", pro)
	}
	if be, _ := pro["break_even"].(float64); be < 3.7878 || be > 3.7879 {
		t.Errorf("break_even %v, want 20/5.28", pro["break_even"])
	}
	if api := out.Options[2]; api["id"] != "api:mini" || api["utilization"] != nil || api["break_even"] != nil {
		t.Errorf("api option: %v", api)
	}
	cls := out.Options[2]["classes"].([]any)[0].(map[string]any)
	// 880 tasks, 1,760,000 input tokens, cost 5.28
	if cls["tasks"] != 880.0 || cls["input_tokens"] != 1760000.0 || cls["cost"] != 5.28 || cls["model"] != "mini" {
		t.Errorf("class: %v", cls)
	}
}

func TestCSVAndMarkdown(t *testing.T) {
	c := comparison(t, 2)
	c.Currency = money.New("EUR", 0.5)
	var b bytes.Buffer
	if err := CSV(&b, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// header + top 2; costs in EUR at 0.5: 5.28 → 2.64
	if len(rows) != 3 || rows[1][6] != "2.64" || rows[1][10] != "EUR" {
		t.Errorf("csv: %v", rows)
	}
	md := Markdown(c)
	for _, want := range []string{"## Test \\| work: AI plans compared", "| 1 | API mix, acme | mix | €2.64 |", "Short 40/day (2k in, 1k out)"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestTable(t *testing.T) {
	out := Table(comparison(t, 3), false)
	for _, want := range []string{"▶ API mix, acme does this work for $5.28/month", "Acme Lite", "… 2 more"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes without colour")
	}
}

func TestSupportLines(t *testing.T) {
	// One plan over its caps and short of context: "caps" from Short (20 a
	// day, 5 messages per 5 h), "context window" from Long (3k > 2.5k).
	cat := &model.Catalog{
		Models: []model.APIModel{{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates: model.Rates{Input: 1, Output: 4}, ContextWindow: 200000, Status: "active"}},
		Plans: []model.Subscription{{ID: "free", Vendor: "acme", Name: "Acme Free", Models: []string{"mini"},
			ContextWindow: 2500, Limits: []model.Limit{{WindowHours: 5, Messages: 5}}}},
	}
	w := model.NewWorkload("w")
	short, long := model.NewClass("Short"), model.NewClass("Long")
	short.Count, short.InputTokens, short.OutputTokens = 20, 500, 500
	long.Count, long.InputTokens, long.OutputTokens = 1, 2000, 1000
	w.Classes = []model.Class{short, long}
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	// Short: 440 tasks, 20 messages a day, 12.5 per 5 h of 5 → util 2.5,
	// 60% = 264 tasks overflow at (500 + 2000)/1e6 = 0.0025 → $0.66.
	// Long: 22 tasks at (2000 + 4000)/1e6 = 0.006 → $0.132. Free plan: $0.792.
	// API mix: 440 · 0.0025 + 22 · 0.006 = 1.1 + 0.132 = 1.232; (1.232 − 0.792)/1.232 = 35.7%.
	main, support := Verdict(&r, money.USD)
	if want := "Acme Free does this work for $0.79/month, 36% less than the best API mix ($1.23)."; main != want {
		t.Errorf("main\n got %s\nwant %s", main, want)
	}
	if want := "Past its usage caps and context window, $0.79/month of the work runs on API models."; support != want {
		t.Errorf("support\n got %s\nwant %s", support, want)
	}
}
