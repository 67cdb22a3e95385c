package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

func f(v float64) *float64 { return &v }

// shortTasks is a workload of one class, Short: 40 tasks a day of 2000
// tokens in and 1000 out, 880 tasks a month.
func shortTasks(name string) model.Workload {
	w := model.NewWorkload(name)
	c := model.NewClass("Short")
	c.Count, c.InputTokens, c.OutputTokens = 40, 2000, 1000
	w.Classes = []model.Class{c}
	return w
}

// comparison: one mid model at $1 in / $4 out, a $20 plan on it and a $4
// one whose 2000-token context is short of a task, so it carries none of
// the work and is no option. 40 tasks a day of 2000 in, 1000 out:
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
	w := shortTasks("Test | work")
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	return &Comparison{Workload: w, Result: &r, CatalogAsOf: "2026-11-27", Currency: money.USD, Top: top}
}

func TestVerdict(t *testing.T) {
	c := comparison(t, 0)
	got, second := c.Verdict()
	// Best API: the API mix at $5.28 (mix:acme and mix:all tie; "API mix, acme" sorts first).
	// Best paid plan: Pro at $20 (Lite, whose 2000 context is short of the
	// 3000 a task needs, carries none of it). Saving 20 − 5.28 = 14.72,
	// 14.72/20 = 74% of the dearer.
	want := "API: API mix, acme at $5.28/month against the best paid plan, Acme Pro at $20.00: saves $14.72/month (74%)."
	if got != want {
		t.Errorf("verdict\n got %s\nwant %s", got, want)
	}
	// Pro (uncapped) costs 20 against 5.28·k: the answer flips at k = 20/5.28
	// = 3.79, 880 · 3.79 = 3,333 tasks a month; that is Pro's break-even,
	// said once. The mix saves nothing over Acme Mini alone.
	if want := []string{"The answer flips to Acme Pro above 3.8× today's volume (3,333 tasks a month, now 880)."}; strings.Join(second, "|") != strings.Join(want, "|") {
		t.Errorf("supporting lines %q", second)
	}
}

func TestVerdictLines(t *testing.T) {
	// API: Acme Mini, 880 tasks · (2000·1 + 1000·4)/1e6 = 880 · 0.006 = $5.28.
	// Pro, $4, 10 messages (5–50) per 5 h against 40 a day · 5/8 = 25:
	//   at 10: utilization 2.5, 60% = 528 tasks · 0.006 = 3.168 → $7.168;
	//   at 50: 0.5, nothing overflows → $4.00 (the API would lose);
	//   at 5: 5, 80% = 704 · 0.006 = 4.224 → $8.224.
	// Free, 20 messages: 1.25, 20% = 176 · 0.006 = $1.056: cheaper than both.
	// The user pays for Pro: leaving it saves 7.168 − 5.28 = $1.888.
	cat := &model.Catalog{
		Models: []model.APIModel{{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates: model.Rates{Input: 1, Output: 4}, ContextWindow: 200000, Status: "active"}},
		Plans: []model.Subscription{
			{ID: "pro", Vendor: "acme", Name: "Acme Pro", PriceMonthly: 4, Models: []string{"mini"},
				Limits: []model.Limit{{WindowHours: 5, Messages: 10, Low: 5, High: 50, Confidence: "estimate"}}},
			{ID: "free", Vendor: "acme", Name: "Acme Free", Models: []string{"mini"},
				Limits: []model.Limit{{WindowHours: 5, Messages: 20}}},
		},
	}
	w := shortTasks("w")
	w.Current = "pro"
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	main, lines := Verdict(&r, w.Current, money.USD)
	// Saving 7.168 − 5.28 = 1.888, 1.888/7.168 = 26% of the dearer.
	if want := "API: API mix, acme at $5.28/month against the best paid plan, Acme Pro at $7.17: saves $1.89/month (26%)."; main != want {
		t.Errorf("main\n got %s\nwant %s", main, want)
	}
	want := []string{
		"The answer rests on an estimated cap: at the generous end of Acme Pro's caps it costs $4.00 and the subscription wins (range $4.00–$8.22).",
		"Free plan for part, API for the rest: Acme Free with $1.06/month of API overflow is cheaper still.",
		"You pay for Acme Pro now ($7.17/month for this work): switching to API mix, acme saves $1.89/month.",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n got %q\nwant %q", lines, want)
	}
	// Each line says what it is about, so a screen need not read the words.
	_, typed := VerdictLines(&r, w.Current, money.USD, nil, nil)
	kinds := []LineKind{LineEstimate, LineFree, LineCurrent}
	for i := range typed {
		if i >= len(kinds) || typed[i].Kind != kinds[i] || typed[i].Text != lines[i] {
			t.Errorf("line %d: %+v, want kind %v", i, typed[i], kinds)
		}
	}
	// A current plan the catalog lacks is a line of its own kind.
	if _, typed = VerdictLines(&r, "gone", money.USD, nil, nil); typed[len(typed)-1].Kind != LineCurrentUnknown {
		t.Errorf("unknown current plan: %+v", typed)
	}
	// The table shows Pro's range.
	out := Table(&Comparison{Workload: w, Result: &r, Currency: money.USD}, false)
	if !strings.Contains(out, "$4.00–$8.22") {
		t.Errorf("table lacks the range:\n%s", out)
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
		Verdict  map[string]any   `json:"verdict"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	// As TestVerdict: API at 5.28 against Pro at 20, saving 14.72, 14.72/20 = 0.736;
	// one vendor: mix:acme itself.
	v := out.Verdict
	if v["answer"] != "api" || v["best_api"] != "mix:acme" || v["best_plan"] != "pro" || v["best_free"] != nil ||
		v["saving"] != 14.72 || v["saving_share"] != 0.736 || v["depends_on_estimate"] != false ||
		v["current"] != nil || v["switch_saving"] != nil || v["best_api_one_vendor"] != "mix:acme" {
		t.Errorf("verdict: %v", v)
	}
	// Flips at k = 20/5.28 = 3.7879 (bisected to far below 0.1%): the whole
	// volume, 880k = 3,333.3 a month, and Short, 40k = 151.5 a day.
	flips, _ := v["flips"].([]any)
	if len(flips) != 2 {
		t.Fatalf("flips %v", v["flips"])
	}
	for i, want := range []struct {
		class any
		count float64
		per   string
	}{{nil, 880 * 20 / 5.28, "month"}, {"Short", 40 * 20 / 5.28, "day"}} {
		f := flips[i].(map[string]any)
		k, _ := f["factor"].(float64)
		c, _ := f["count"].(float64)
		if f["class"] != want.class || f["direction"] != "up" || f["to"] != "pro" || f["per"] != want.per ||
			k < 3.7878 || k > 3.7880 || c < want.count*0.9999 || c > want.count*1.0001 {
			t.Errorf("flip %d: %v", i, f)
		}
	}
	if _, ok := v["current"]; !ok {
		t.Error("verdict lacks current")
	}
	if out.Currency != "USD" || out.Catalog["as_of"] != "2026-11-27" || out.Workload["name"] != "Test | work" {
		t.Errorf("header: %v %v %v", out.Currency, out.Catalog, out.Workload["name"])
	}
	// mix:acme, mix:all, api:mini ($5.28), pro ($20), then lite (no option)
	if len(out.Options) != 5 {
		t.Fatalf("%d options", len(out.Options))
	}
	for _, key := range []string{"id", "name", "kind", "eligible", "fits", "monthly_cost", "base_cost", "overflow_cost",
		"cost_per_task", "utilization", "break_even", "classes", "notes"} {
		if _, ok := out.Options[0][key]; !ok {
			t.Errorf("option lacks %q", key)
		}
	}
	pro := out.Options[3]
	if lite := out.Options[4]; lite["eligible"] != false || !strings.HasPrefix(lite["reason"].(string), "carries none of this work: Short: needs 3k context") {
		t.Errorf("lite: %v", lite)
	}
	// Pro: uncapped → utilization null; break-even 20 / 5.28 = 3.7878…
	if pro["id"] != "pro" || pro["utilization"] != nil || pro["monthly_cost"] != 20.0 ||
		pro["monthly_cost_low"] != 20.0 || pro["monthly_cost_high"] != 20.0 || pro["free"] != false {
		t.Errorf("pro: %v", pro)
	}
	// Pro serves all 880 tasks on Acme Mini itself: nothing overflows.
	if pc := pro["classes"].([]any)[0].(map[string]any); pc["serving_model"] != "mini" || pc["on_plan"] != 880.0 || pc["model"] != "" {
		t.Errorf("pro's class: %v", pc)
	}
	if be, _ := pro["break_even"].(float64); be < 3.7878 || be > 3.7879 {
		t.Errorf("break_even %v, want 20/5.28", pro["break_even"])
	}
	// no estimated factor (English): the API option's ends are its cost
	if api := out.Options[2]; api["id"] != "api:mini" || api["utilization"] != nil || api["break_even"] != nil ||
		api["monthly_cost_low"] != 5.28 || api["monthly_cost_high"] != 5.28 {
		t.Errorf("api option: %v", api)
	}
	cls := out.Options[2]["classes"].([]any)[0].(map[string]any)
	// 880 tasks, 1,760,000 input tokens, cost 5.28
	if cls["tasks"] != 880.0 || cls["input_tokens"] != 1760000.0 || cls["cost"] != 5.28 || cls["model"] != "mini" || cls["via"] != "chat" {
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
	// Flip points as in TestJSONShape: k = 20/5.28 = 3.79 for the whole volume and for Short (40 → 152 a day).
	for _, want := range []string{"## Test \\| work: AI plans compared", "| 1 | API mix, acme | mix | €2.64 |  |", "Short 40/day (2k in, 1k out)", "22 days/month, 1 person, language en.",
		"Flip points (where the answer changes):\n\n- The answer flips to Acme Pro above 3.8× today's volume (3,333 tasks a month, now 880).\n- The answer flips to Acme Pro above 152 Short a day (now 40).\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestTable(t *testing.T) {
	out := Table(comparison(t, 3), false)
	for _, want := range []string{"▶ API: API mix, acme at $5.28/month", "The answer flips to Acme Pro above 3.8×", "… 2 more"} {
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
	// API mix: 440 · 0.0025 + 22 · 0.006 = 1.1 + 0.132 = 1.232.
	main, lines := Verdict(&r, "", money.USD)
	// No paid plan: the answer is the API, and the free plan is named apart.
	if want := "API: API mix, acme at $1.23/month; no paid plan in the comparison can carry it."; main != want {
		t.Errorf("main\n got %s\nwant %s", main, want)
	}
	if want := "Free plan for part, API for the rest: Acme Free with $0.79/month of API overflow is cheaper still."; len(lines) != 1 || lines[0] != want {
		t.Errorf("lines\n got %q\nwant %s", lines, want)
	}
	// At $0.10 the plan is paid: 0.10 + 0.792 = 0.892 < 1.232, it wins by
	// 0.34 (0.34/1.232 = 28%) and what spills over is said.
	cat.Plans[0].PriceMonthly = 0.1
	if r, err = model.Evaluate(w, cat); err != nil {
		t.Fatal(err)
	}
	main, lines = Verdict(&r, "", money.USD)
	if want := "Subscription: Acme Free at $0.89/month against the best API mix at $1.23: saves $0.34/month (28%)."; main != want {
		t.Errorf("main\n got %s\nwant %s", main, want)
	}
	if want := "Past its usage caps and context window, $0.79/month of the work runs on API models."; len(lines) != 1 || lines[0] != want {
		t.Errorf("support\n got %q\nwant %s", lines, want)
	}
}

// The Break-even column says one thing per case. One mid model at $1 in /
// $4 out; 40 tasks a day of 2000 in, 1000 out over 22 days: 880 tasks ·
// $0.006 = $5.28 a month on the API (the only API option and mix cost the
// same). A flat plan of price p costs as much as the API at k = p / 5.28.
func TestBreakEvenColumn(t *testing.T) {
	plan := func(id string, price float64) model.Subscription {
		return model.Subscription{ID: id, Vendor: "acme", Name: id, PriceMonthly: price, Models: []string{"mini"}}
	}
	cat := &model.Catalog{
		Models: []model.APIModel{{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates: model.Rates{Input: 1, Output: 4}, ContextWindow: 200000, Status: "active"}},
		Plans: []model.Subscription{
			plan("pro", 20),    // 20 / 5.28 = 3.79: pays from 3.8×
			plan("cheap", 4),   // 4 / 5.28 = 0.758: below today's volume
			plan("dear", 400),  // 400 / 5.28 = 75.8, past 64×: the API is cheaper throughout
			plan("tiny", 0.05), // 0.05 / 5.28 = 0.0095, under 1/64: the plan is cheaper throughout
			plan("gratis", 0),  // nothing to pay back
		},
	}
	w := shortTasks("t")
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id, want string
		kind     model.BreakEvenKind
		sentence string
	}{
		{"pro", "3.8×", model.BreakEvenAt, "pays for itself from 3.8× today's volume."},
		{"cheap", "0.76× (pays now)", model.BreakEvenAt, "already pays for itself (from 0.76× today's volume)."},
		{"dear", "never", model.BreakEvenNever, "never — paying per token costs less at every volume from 1/64× to 64× today's."},
		{"tiny", "always", model.BreakEvenAlways, "always — the plan costs less than paying per token at every volume from 1/64× to 64× today's."},
		{"gratis", "free", model.BreakEvenFree, "free — nothing to pay back."},
	} {
		q, ok := r.Find(tc.id)
		if !ok {
			t.Fatalf("no %s", tc.id)
		}
		if got := BreakEven(&r, q); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.id, got, tc.want)
		}
		be := r.BreakEvenOf(q)
		if be.Kind != tc.kind {
			t.Errorf("%s: kind %v, want %v", tc.id, be.Kind, tc.kind)
		}
		if got := BreakEvenSentence(be); got != tc.sentence {
			t.Errorf("%s: %q, want %q", tc.id, got, tc.sentence)
		}
	}
	for i := range r.Quotes {
		if q := &r.Quotes[i]; q.Kind != model.KindSubscription && BreakEven(&r, q) != "" {
			t.Errorf("API option %s has a break-even %q", q.ID, BreakEven(&r, q))
		}
	}
	// Frontier work: neither the mid model nor a plan on it can carry it,
	// so no figure.
	w.Classes[0].MinTier = model.Frontier
	if r, err = model.Evaluate(w, cat); err != nil {
		t.Fatal(err)
	}
	if q, _ := r.Find("pro"); BreakEven(&r, q) != "—" {
		t.Errorf("a plan that cannot carry the work: %q, want —", BreakEven(&r, q))
	}
	if q, _ := r.Find("pro"); r.BreakEvenOf(q).Kind != model.BreakEvenNoFit {
		t.Errorf("a plan that cannot carry the work: %+v", r.BreakEvenOf(q))
	}
	// A plan that carries the work with no per-token option to compare
	// with (the engine's plans use only models the API offers, so a result
	// made by hand shows it).
	hand := model.Result{Quotes: []model.Quote{{ID: "p", Kind: model.KindSubscription, Eligible: true, Base: 20, Monthly: 20}}}
	q := &hand.Quotes[0]
	if be := hand.BreakEvenOf(q); be.Kind != model.BreakEvenNoAPI || BreakEven(&hand, q) != "—" ||
		BreakEvenSentence(be) != "— (no figure: no API option can carry this work to compare with)." {
		t.Errorf("no API option: %+v, %q", be, BreakEvenSentence(be))
	}
}

func TestVerdictFreePlanCarriesAll(t *testing.T) {
	// Acme Free, 100 messages per 5 h against 40 a day · 5/8 = 25: it takes
	// everything for $0, below the API's 880 · 0.006 = $5.28. The headline
	// still answers with the API (no paid plan) and the free plan gets its
	// own line, without "API for the rest".
	cat := &model.Catalog{
		Models: []model.APIModel{{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates: model.Rates{Input: 1, Output: 4}, ContextWindow: 200000, Status: "active"}},
		Plans: []model.Subscription{{ID: "free", Vendor: "acme", Name: "Acme Free", Models: []string{"mini"},
			Limits: []model.Limit{{WindowHours: 5, Messages: 100}}}},
	}
	r, err := model.Evaluate(shortTasks("w"), cat)
	if err != nil {
		t.Fatal(err)
	}
	main, lines := Verdict(&r, "", money.USD)
	if !strings.HasPrefix(main, "API: API mix, acme at $5.28/month") {
		t.Errorf("main %q", main)
	}
	if want := "A free plan carries all of it, within its caps as the catalog has them: Acme Free."; len(lines) != 1 || lines[0] != want {
		t.Errorf("lines %q", lines)
	}
}

// Korean work on two providers: Acme Mini (frontier, $1/$4, tokenizer t1:
// ko 2) and Beta Nano (mid, $0.5/$2, tokenizer t3 without ko: the median of
// t1's 2 and t2's 3, 2.5, range 2–3); Pro, $20 uncapped on Mini.
// Short (40 a day, 2000 in, 1000 out) runs cheapest on Nano: 880 · λ·(2000·0.5
// + 1000·2)/1e6 = 880 · 0.003λ = 6.60 (5.28 at 2, 7.92 at 3); Deep (1 a
// month, frontier) only on Mini: 2·(2000 + 4000)/1e6 = 0.012.
func TestVerdictEstimatesAndOneVendor(t *testing.T) {
	cat := &model.Catalog{
		Tokenizers: map[string]map[string]float64{"t1": {"ko": 2}, "t2": {"ko": 3}, "t3": {"en": 1}},
		Models: []model.APIModel{
			{ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Frontier, Tokenizer: "t1",
				Rates: model.Rates{Input: 1, Output: 4}, ContextWindow: 200000, Status: "active"},
			{ID: "nano", Provider: "beta", Name: "Beta Nano", Tier: model.Mid, Tokenizer: "t3",
				Rates: model.Rates{Input: 0.5, Output: 2}, ContextWindow: 200000, Status: "active"},
		},
		Plans: []model.Subscription{{ID: "pro", Vendor: "acme", Name: "Acme Pro", PriceMonthly: 20, Models: []string{"mini"}, Uncapped: true}},
	}
	w := shortTasks("Korean")
	w.Language = "ko"
	deep := model.NewClass("Deep")
	deep.Count, deep.Per, deep.InputTokens, deep.OutputTokens, deep.MinTier = 1, model.PerMonth, 2000, 1000, model.Frontier
	w.Classes = append(w.Classes, deep)
	r, err := model.Evaluate(w, cat)
	if err != nil {
		t.Fatal(err)
	}
	c := &Comparison{Workload: w, Result: &r, Currency: money.USD}
	main, lines := c.Verdict()
	// mix:all = 6.60 + 0.012 = 6.612 (5.292–7.932) on two providers; the
	// one-vendor option all on Mini: 880 · 0.012 + 0.012 = 10.572 ("API mix,
	// acme" before "Acme Mini"), 3.96 more. Pro 20: saving 13.388, 67%.
	if want := "API: API mix, all providers at $6.61/month against the best paid plan, Acme Pro at $20.00: saves $13.39/month (67%)."; main != want {
		t.Errorf("headline\n got %s\nwant %s", main, want)
	}
	for _, want := range []string{
		"Costs rest on estimated caps or token factors (Acme Pro $20.00, API mix, all providers $5.29–$7.93); the answer holds either way.",
		"One vendor: API mix, acme at $10.57/month ($3.96 more than the 2-provider mix).",
	} {
		if !strings.Contains(strings.Join(lines, "\n"), want) {
			t.Errorf("lines %q lack %q", lines, want)
		}
	}
	if out := Table(c, false); !strings.Contains(out, "$5.29–$7.93") {
		t.Errorf("table lacks the mix's range:\n%s", out)
	}
}

// A comparison no flag named says which workload it prices, and why the
// saved one is not it when there is one that does not load; a named one
// says nothing.
func TestCompared(t *testing.T) {
	const why = "~/state/workload.yaml:2:10: sequence end token ']' not found"
	for _, tc := range []struct {
		from     plans.WorkloadFrom
		unloaded string
		want     string
	}{
		{plans.WorkloadNamed, "", ""},
		{plans.WorkloadNamed, why, ""},
		{plans.WorkloadFallback, "", `tokenomics: comparing your last saved workload, "Mine" (~/state/workload.yaml); --workload or --preset picks another` + "\n"},
		{plans.WorkloadDefault, "", `tokenomics: comparing the default preset, "Mine" (no saved workload yet); --workload or --preset picks another` + "\n"},
		{plans.WorkloadDefault, why, `tokenomics: comparing the default preset, "Mine": your last saved workload does not load (` + why + `); --workload or --preset picks another` + "\n"},
	} {
		if got := Compared(tc.from, "Mine", "~/state/workload.yaml", tc.unloaded); got != tc.want {
			t.Errorf("%v %q: %q, want %q", tc.from, tc.unloaded, got, tc.want)
		}
	}
}

// wording is one case of a function that words a fact: the fact, and the
// words it must give.
type wording[T any] struct {
	in   T
	want string
}

// checkWords gives each case's fact to say and reports the words that
// differ.
func checkWords[T any](t *testing.T, say func(T) string, cases []wording[T]) {
	t.Helper()
	for _, tc := range cases {
		if got := say(tc.in); got != tc.want {
			t.Errorf("%+v:\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

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
		{math.Inf(1), money.USD, ""},
		{math.Inf(-1), jpy, ""},
		{0.125, money.USD, "+$0.13"},              // 12.5 cents: half away from zero
		{0.5 / 160, money.New("JPY", 160), "+¥1"}, // half a yen is not the same: it reads as one
	} {
		if got := CostChange(tc.d, tc.cur); got != tc.want {
			t.Errorf("CostChange(%v, %s) = %q, want %q", tc.d, tc.cur.Code, got, tc.want)
		}
		if same := SameCost(tc.d, tc.cur); same != (tc.want == "" && !math.IsNaN(tc.d) && !math.IsInf(tc.d, 0)) {
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

// A saving that is nearly all or almost none of the dearer option's cost
// reads as such, never as exactly 100% or 0%.
func TestVerdictSavingShare(t *testing.T) {
	for _, tc := range []struct {
		alpha, pro float64
		want       string
	}{
		// 4.98 / 4.99 = 99.8%: rounds to 100%, which it is not.
		{0.01, 4.99, "saves $4.98/month (>99%)."},
		// 0.04 / 10.04 = 0.4%: rounds to 0%.
		{10, 10.04, "saves $0.04/month (<1%)."},
		// 5 / 5 = exactly 100%: a free option.
		{0, 5, "saves $5.00/month (100%)."},
		// 2.50 / 10 = 25%.
		{7.5, 10, "saves $2.50/month (25%)."},
	} {
		r := model.Result{Quotes: []model.Quote{
			{ID: "api:a", Name: "Alpha", Kind: model.KindAPI, Eligible: true, Fits: true, Monthly: tc.alpha},
			{ID: "pro", Name: "Pro", Kind: model.KindSubscription, Eligible: true, Fits: true, Monthly: tc.pro},
		}}
		if main, _ := Verdict(&r, "", money.USD); !strings.HasSuffix(main, tc.want) {
			t.Errorf("Alpha $%v, Pro $%v: verdict %q, want …%q", tc.alpha, tc.pro, main, tc.want)
		}
	}
}

// A use reads "100%" only at exactly the cap: under it is never shown as
// at it, and over it never as at it either.
func TestUtilization(t *testing.T) {
	capped := func(u float64) model.Quote { return model.Quote{Capped: true, Utilization: u} }
	for _, tc := range []struct {
		q    model.Quote
		want string
	}{
		{model.Quote{Utilization: 0.5}, ""}, // no cap, no use to show
		{capped(0), "0%"},
		{capped(0.004), "<1%"},  // 0.4% rounds to 0, yet some is used
		{capped(0.62), "62%"},   // 62%
		{capped(0.996), ">99%"}, // 99.6% would round to 100: it fits, so not at the cap
		{capped(1), "100%"},     // exactly the cap
		{capped(1.003), "101%"}, // 100.3% would round to 100: it overflows, so past the cap
		{capped(1.016), "102%"}, // 101.6% rounds to 102 as before
	} {
		if got := Utilization(&tc.q); got != tc.want {
			t.Errorf("Utilization(capped %v, %v) = %q, want %q", tc.q.Capped, tc.q.Utilization, got, tc.want)
		}
	}
}
