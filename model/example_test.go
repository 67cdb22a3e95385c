package model_test

import (
	"fmt"

	"github.com/tokenomics/tokenomics/model"
)

func price(v float64) *float64 { return &v }

// exampleCatalog has one API model and one $20 plan on it.
func exampleCatalog() *model.Catalog {
	return &model.Catalog{
		Models: []model.APIModel{{
			ID: "mini", Provider: "acme", Name: "Acme Mini", Tier: model.Mid,
			Rates:         model.Rates{Input: 1, Output: 4, CacheRead: price(0.1)},
			ContextWindow: 200000, Status: "active",
		}},
		Plans: []model.Subscription{{
			ID: "acme-pro", Vendor: "acme", Name: "Acme Pro", PriceMonthly: 20, Models: []string{"mini"},
			Limits: []model.Limit{{WindowHours: 5, Messages: 50, Confidence: "reported"}},
		}},
	}
}

// exampleResult evaluates, on exampleCatalog, a workload of count tasks a
// day of in tokens in and out tokens out.
func exampleResult(count, in, out float64) model.Result {
	w := model.NewWorkload("Example")
	c := model.NewClass("Tasks")
	c.Count, c.InputTokens, c.OutputTokens = count, in, out
	w.Classes = []model.Class{c}
	r, err := model.Evaluate(w, exampleCatalog())
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleEvaluate() {
	w := model.NewWorkload("Freelancer")
	c := model.NewClass("Short tasks")
	c.Count, c.InputTokens, c.OutputTokens = 40, 2000, 1000
	w.Classes = []model.Class{c}

	r, err := model.Evaluate(w, exampleCatalog())
	if err != nil {
		panic(err)
	}
	for _, q := range r.Quotes {
		fmt.Printf("%-24s $%6.2f  fits %v\n", q.Name, q.Monthly, q.Fits)
	}
	// 880 tasks · (2000·1 + 1000·4)/1e6 = 880 · 0.006 = $5.28 on the API.
	// Plan: 40 messages a day, 25 per 5-hour window of an 8-hour day, of 50.

	// Output:
	// API mix, acme            $  5.28  fits true
	// API mix, all providers   $  5.28  fits true
	// Acme Mini                $  5.28  fits true
	// Acme Pro                 $ 20.00  fits true
}

func ExampleResult_Verdict() {
	r := exampleResult(300, 3000, 1500)
	v := r.Verdict("acme-pro")
	fmt.Printf("answer %s: %s $%.2f against %s $%.2f, saves $%.2f (%.0f%%)\n",
		v.Answer, v.Winner().Name, v.Winner().Monthly, v.Other().Name, v.Other().Monthly, v.Saving, 100*v.SavingShare)
	fmt.Printf("leaving %s saves $%.2f a month\n", v.Current.Name, v.SwitchSaving)
	// API: 6600 tasks · (3000 + 6000)/1e6 = $59.40.
	// Plan: 300 messages a day → 187.5 per window of 50: utilization 3.75,
	// 1 − 1/3.75 = 73.3% overflows: 4840 tasks · 0.009 = $43.56 → $63.56.
	// Saving 63.56 − 59.40 = 4.16, 4.16/63.56 = 6.5% of the dearer.

	// Output:
	// answer api: API mix, acme $59.40 against Acme Pro $63.56, saves $4.16 (7%)
	// leaving Acme Pro saves $4.16 a month
}

func ExampleResult_CostAt() {
	r := exampleResult(10, 2000, 1000)
	for _, k := range []float64{1, 4, 16} {
		plan, _ := r.CostAt("acme-pro", k)
		api, _ := r.CostAt("api:mini", k)
		fmt.Printf("×%-2v plan $%.2f  api $%.2f\n", k, plan, api)
	}
	q, _ := r.Find("acme-pro")
	fmt.Println("break-even:", q.HasBreakEven)
	// API at k=1: 220 · 0.006 = $1.32. The plan's 50 messages per window
	// hold 10·k·5/8 messages up to k = 8; beyond, the share 1 − 8/k overflows
	// at the API price: at k=16, half of 3520 tasks · 0.006 = $10.56.
	// Break-even: 20 + (k−8)·1.32 = k·1.32 has no root; below k = 8 the plan
	// is flat: 20 = k · 1.32 → k = 15.15 > 8, so none there either.

	// Output:
	// ×1  plan $20.00  api $1.32
	// ×4  plan $20.00  api $5.28
	// ×16 plan $30.56  api $21.12
	// break-even: false
}

func ExampleCatalog_Lambda() {
	c := &model.Catalog{
		Tokenizers:   map[string]map[string]float64{"a": {"ko": 1.5}, "b": {"ko": 2.5}, "c": {"en": 1.3, "ko": 3}},
		FactorRanges: map[string]map[string][2]float64{"c": {"en": {1.2, 1.4}}},
	}
	for _, q := range [][2]string{{"a", "ko"}, {"c", "en"}, {"d", "ko"}, {"d", "en"}} {
		l := c.Lambda(q[0], q[1])
		fmt.Printf("%s %s: %.2f (%.2f–%.2f) estimated %v\n", q[0], q[1], l.Value, l.Low, l.High, l.Estimated)
	}
	// d has no ko factor: the median of 1.5, 2.5 and 3, between the smallest and the largest.

	// Output:
	// a ko: 1.50 (1.50–1.50) estimated false
	// c en: 1.30 (1.20–1.40) estimated true
	// d ko: 2.50 (1.50–3.00) estimated true
	// d en: 1.00 (1.00–1.00) estimated false
}

func ExampleResult_Flips() {
	// 10 tasks a day of 20,000 in, 5,000 out: 220 · (20000·1 + 5000·4)/1e6
	// = 220 · 0.04 = $8.80 a month on the API against the $20 plan, whose
	// 50 messages per 5-hour window are 8 times the 6.25 used.
	r := exampleResult(10, 20000, 5000)
	v := r.Verdict("")
	fmt.Println(v.Answer, v.BestAPI.Name)
	for _, f := range r.Flips() {
		who := "all work"
		if f.Class >= 0 {
			who = f.ClassName
		}
		fmt.Printf("%s: %s above %.1f a %s\n", who, f.To.Name, f.Count, f.Per)
	}
	// The plan wins where 8.80·k > 20, k = 2.27 (within its caps up to
	// k = 8): above 22.7 tasks a day, 500 a month.

	// Output:
	// api API mix, acme
	// all work: Acme Pro above 500.0 a month
	// Tasks: Acme Pro above 22.7 a day
}
