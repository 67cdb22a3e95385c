package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// sunsetComparison is testdata/sunset-catalog.yaml against one API class:
// Triage, 1000 a day · 22 days = 22,000 tasks a month of 1000 in, 100 out.
// A task costs (1000·0.05 + 100·0.4)/1e6 = 0.00009 on Nano, 0.00032 on
// Luna (0.2, 1.2), 0.00021 on Solar (0.15, 0.6): a month 1.98, 7.04, 4.62.
func sunsetComparison(t *testing.T, cur money.Currency) *Comparison {
	t.Helper()
	cat, err := plans.LoadCatalog(filepath.Join("testdata", "sunset-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	w := model.NewWorkload("Bot")
	c := model.NewClass("Triage")
	c.Count, c.InputTokens, c.OutputTokens, c.Via = 1000, 1000, 100, model.ViaAPI
	w.Classes = []model.Class{c}
	r, err := model.Evaluate(w, &cat.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	return &Comparison{Workload: w, Result: &r, CatalogAsOf: cat.AsOf, Currency: cur}
}

func TestSunsetVerdict(t *testing.T) {
	// Today mix:all, mix:open and Nano cost 1.98: the answer is "API mix,
	// all providers", the one-vendor option "API mix, open", both on Nano,
	// which retires on 2026-12-11, 6 days after the catalog's 2026-12-05.
	// Without Nano mix:all routes to Solar, 4.62 (2.64 more), and the
	// cheapest one-vendor option is "API mix, up" at 4.62 (Solar; "API mix,
	// up" comes before "Solar" by name), again 2.64 more than mix:open.
	const want = "Nano retires on 2026-12-11 (in 6 days); the answer and the one-vendor option use it. " +
		"Without it: the answer stays API mix, all providers at $4.62/month ($2.64 more); " +
		"the one-vendor option becomes API mix, up at $4.62/month ($2.64 more)."
	c := sunsetComparison(t, money.USD)
	main, support := c.Verdict()
	if main != "API: API mix, all providers at $1.98/month; no paid plan in the comparison can carry it." {
		t.Errorf("headline %q", main)
	}
	if len(support) == 0 || support[0] != want {
		t.Fatalf("first line %q\nwant %q", support, want)
	}
	// Without the evaluation behind it (the app's keystroke), the line says
	// what goes and who uses it, and nothing it has not worked out.
	_, lines := VerdictLines(c.Result, "", money.USD, nil, nil)
	if lines[0].Kind != LineSunset || lines[0].Text != "Nano retires on 2026-12-11 (in 6 days); the answer and the one-vendor option use it." {
		t.Errorf("without the stand-ins: %+v", lines[0])
	}
	// In won at ₩1,400/$: 4.62 → ₩6,468, 2.64 → ₩3,696.
	_, support = sunsetComparison(t, money.New("KRW", 1400)).Verdict()
	if !strings.Contains(support[0], "at ₩6,468/month (₩3,696 more)") || strings.Contains(support[0], "$") {
		t.Errorf("in KRW: %q", support[0])
	}
}

// The comparison's outputs with the warning, whole.
func TestSunsetGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*Comparison) string
	}{
		{"table", func(c *Comparison) string { return Table(c, false) }},
		{"markdown", Markdown},
		{"json", func(c *Comparison) string {
			var b bytes.Buffer
			if err := JSON(&b, c); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden.RequireEqual(t, tc.write(sunsetComparison(t, money.USD)))
		})
	}
}

func TestSunsetLines(t *testing.T) {
	nano := model.Sunset{ModelID: "nano", Model: "Nano", Date: "2026-12-11", Days: 6, Retires: true}
	mini := model.Sunset{ModelID: "mini", Model: "Mini", Date: "2026-12-11", Days: 6, Retires: true}
	medium := model.Sunset{ModelID: "medium", Model: "Medium", Date: "2026-12-14", Days: 9}
	api := &model.Quote{ID: "mix:all", Name: "API mix, all providers", Kind: model.KindMix, Eligible: true, Monthly: 10}
	pl := &model.Quote{ID: "pro", Name: "Pro", Kind: model.KindSubscription, Eligible: true, Monthly: 20}
	free := &model.Quote{ID: "free", Name: "Free", Kind: model.KindSubscription, Eligible: true, Free: true, Monthly: 3}
	for _, tc := range []struct {
		name    string
		ws      []model.SunsetWarning
		without *model.Verdict
		want    []string
	}{
		{"deprecated", []model.SunsetWarning{{Option: api, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{medium}}}, nil,
			[]string{"Medium is deprecated from 2026-12-14 (in 9 days); the answer uses it."}},
		{"two models on one day, and a third", []model.SunsetWarning{{Option: api, Roles: []model.SunsetRole{model.RoleAnswer},
			Sunsets: []model.Sunset{mini, nano, medium}}}, nil,
			[]string{"Mini and Nano retire on 2026-12-11 (in 6 days) and Medium is deprecated from 2026-12-14 (in 9 days); the answer uses them."}},
		// Different models: a line each. The plan beaten stands in by the
		// best plan, which is gone; the answer is the same option at the
		// same cost.
		{"two lines", []model.SunsetWarning{
			{Option: api, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{nano}},
			{Option: pl, Roles: []model.SunsetRole{model.RoleOther}, Sunsets: []model.Sunset{medium}}},
			&model.Verdict{Answer: model.AnswerAPI, BestAPI: api},
			[]string{"Nano retires on 2026-12-11 (in 6 days); the answer uses it. Without it: the answer stays as it is.",
				"Medium is deprecated from 2026-12-14 (in 9 days); the best paid plan uses it. Without it: there is no best paid plan."}},
		// The freelancer's case: the answer stays at $20.00 + $0.004, which
		// reads as the same, so it is said first and in short; the options
		// that move are said in full: the API mix $10.00 → $10.03 and the
		// free plan $3.00 → $3.006, which rounds to $3.01, half a cent and
		// more reading as a cent.
		{"the same in short", []model.SunsetWarning{
			{Option: pl, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{nano}},
			{Option: api, Roles: []model.SunsetRole{model.RoleOther}, Sunsets: []model.Sunset{nano}},
			{Option: free, Roles: []model.SunsetRole{model.RoleFree}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerSubscription, BestPlan: moved(pl, 0.004), BestAPI: moved(api, 0.03), BestFree: moved(free, 0.006)},
			[]string{"Nano retires on 2026-12-11 (in 6 days); the answer, the best API option and the free plan use it. Without it: the answer stays as it is; " +
				"the best API option stays API mix, all providers at $10.03/month ($0.03 more); the free plan stays Free at $3.01/month ($0.01 more)."}},
		// All stay at the same cost ($10.00 − $0.004 and $3.00 + $0.0049):
		// they are named once. An option that changes at the same cost is
		// news: Free gives way to Pro at $3.00.
		{"all the same", []model.SunsetWarning{
			{Option: api, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{nano}},
			{Option: free, Roles: []model.SunsetRole{model.RoleFree}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerAPI, BestAPI: moved(api, -0.004), BestFree: moved(free, 0.0049)},
			[]string{"Nano retires on 2026-12-11 (in 6 days); the answer and the free plan use it. Without it: the answer and the free plan stay as they are."}},
		{"another at the same cost", []model.SunsetWarning{
			{Option: free, Roles: []model.SunsetRole{model.RoleFree}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerAPI, BestAPI: api, BestFree: &model.Quote{ID: "pro", Name: "Pro", Kind: model.KindSubscription, Eligible: true, Free: true, Monthly: 3}},
			[]string{"Nano retires on 2026-12-11 (in 6 days); the free plan uses it. Without it: the free plan becomes Pro at $3.00/month (the same)."}},
		// The answer changes sides; the free plan is no longer cheaper.
		{"no stand-ins", []model.SunsetWarning{
			{Option: api, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{nano}},
			{Option: free, Roles: []model.SunsetRole{model.RoleFree}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerSubscription, BestPlan: pl},
			[]string{"Nano retires on 2026-12-11 (in 6 days); the answer and the free plan use it. Without it: " +
				"the answer becomes Pro at $20.00/month ($10.00 more); no free plan is cheaper than the answer."}},
		{"nothing goes", nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SunsetLines(tc.ws, tc.without, money.USD)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// What reads as the same cost is the display currency's, the rule the
// app's change marks follow (SameCost), not half a cent in dollars.
func TestSunsetLinesCurrency(t *testing.T) {
	nano := model.Sunset{ModelID: "nano", Model: "Nano", Date: "2026-12-11", Days: 6, Retires: true}
	api := &model.Quote{ID: "mix:all", Name: "API mix, all providers", Kind: model.KindMix, Eligible: true, Monthly: 10}
	free := &model.Quote{ID: "free", Name: "Free", Kind: model.KindSubscription, Eligible: true, Free: true, Monthly: 3}
	for _, tc := range []struct {
		name    string
		cur     money.Currency
		ws      []model.SunsetWarning
		without *model.Verdict
		want    string
	}{
		// In euros at 0.9/$ the free plan's $3.0052 is €2.70468, the move
		// €0.00468, which rounds to €0.00: the same, not "€0.00 more".
		{"the same in euros", money.New("EUR", 0.9), []model.SunsetWarning{
			{Option: free, Roles: []model.SunsetRole{model.RoleFree}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerAPI, BestAPI: api, BestFree: moved(free, 0.0052)},
			"Nano retires on 2026-12-11 (in 6 days); the free plan uses it. Without it: the free plan stays as it is."},
		// In yen at 150/$ the answer's $10.00 − $0.004 is ¥1,500 − ¥0.6,
		// ¥1,499.4, which reads ¥1,499: ¥1 less, not the same.
		{"a yen less", money.New("JPY", 150), []model.SunsetWarning{
			{Option: api, Roles: []model.SunsetRole{model.RoleAnswer}, Sunsets: []model.Sunset{nano}}},
			&model.Verdict{Answer: model.AnswerAPI, BestAPI: moved(api, -0.004)},
			"Nano retires on 2026-12-11 (in 6 days); the answer uses it. Without it: the answer stays API mix, all providers at ¥1,499/month (¥1 less)."},
	} {
		if got := SunsetLines(tc.ws, tc.without, tc.cur); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// moved is q at a monthly cost d higher.
func moved(q *model.Quote, d float64) *model.Quote {
	m := *q
	m.Monthly += d
	return &m
}

// BenchmarkSunsetWarnings is what the warning adds to every keystroke: the
// options the verdict names, the models they use and their dates, on the
// shipped catalog and the freelancer preset (whose answer, best API option
// and free plan use GPT-5 nano, retiring 2026-12-11). The stand-ins are
// another evaluation, made off the keystroke (BenchmarkSunsetVerdict).
func BenchmarkSunsetWarnings(b *testing.B) {
	r := shippedFreelancer(b)
	b.ReportAllocs()
	for b.Loop() {
		v := r.Verdict("")
		SunsetLines(r.SunsetWarnings(&v), nil, money.USD)
	}
}

// BenchmarkSunsetVerdict is the evaluation without the models about to go.
func BenchmarkSunsetVerdict(b *testing.B) {
	r := shippedFreelancer(b)
	b.ReportAllocs()
	for b.Loop() {
		r.SunsetVerdict("")
	}
}

func shippedFreelancer(b *testing.B) *model.Result {
	cat, err := plans.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	cat.ApplyChanges("2026-12-05")
	w, err := plans.PresetByName("freelancer")
	if err != nil {
		b.Fatal(err)
	}
	r, err := model.EvaluatePoint(w, &cat.Catalog)
	if err != nil {
		b.Fatal(err)
	}
	v := r.Verdict("")
	if len(r.SunsetWarnings(&v)) == 0 {
		b.Fatal("no warning to measure")
	}
	return &r
}
