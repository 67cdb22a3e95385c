package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// The audit's table and JSON, whole, of catalogsync's audit fixtures: the
// disagreements, a file's missing models, the stale entries. By hand: gpt-a
// output 5/4 − 1 = +25%, claude-b input 3.5/3 − 1 = +17%; plan-p of
// 2026-06-01 is 30+31+31+30+31+30+4 = 187 days old on 2026-12-05, claude-b of
// 2026-08-01 31+30+31+30+4 = 126; 3 of 5 offered entries stale = 60%.
// go test -run TestAuditGolden -update rewrites them.
func TestAuditGolden(t *testing.T) {
	const today = "2026-12-05"
	dir := filepath.Join("..", "catalogsync", "testdata")
	cat, err := plans.LoadCatalog(filepath.Join(dir, "audit-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat.ApplyChanges(today)
	var files []catalogsync.PriceFile
	for _, name := range []string{"audit-litellm-2026-12-01.json", "audit-openrouter-2026-12-01.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, catalogsync.PriceFile{Name: name, Data: data, AsOf: "2026-12-01"})
	}
	// A file whose one entry, gpt-a's, has a negative price: unusable.
	files = append(files, catalogsync.PriceFile{Name: "bad.json", AsOf: "2026-12-01", Data: []byte(`{"gpt-a": {"litellm_provider": "openai",
  "mode": "chat", "input_cost_per_token": -1e-6, "output_cost_per_token": 5e-6, "max_input_tokens": 128000}}`)})
	res, err := catalogsync.Audit(cat, files, today)
	if err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if err := AuditJSON(&js, cat, res); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, Audit(cat, res, false)+"\n---- JSON\n"+js.String())
}

// The outputs of plans, plans --check, catalog import and catalog diff,
// whole, on the made-up catalog. go test -run TestCatalogGolden -update
// rewrites them.
func TestCatalogGolden(t *testing.T) {
	const today = "2026-11-27"
	cat := logsCatalog(t)
	var plansJSON, checkJSON, diffJSON bytes.Buffer
	if err := PlansJSON(&plansJSON, cat, ""); err != nil {
		t.Fatal(err)
	}
	check := &Check{Catalog: cat, Today: today, Notes: []string{"a note of the catalog"}, Findings: cat.Check(today)}
	if err := CheckJSON(&checkJSON, check); err != nil {
		t.Fatal(err)
	}
	// B: Sonnet 4.5's input from 3 to 4 (+33%) and Claude Pro's price from
	// 20 to 25 (+25%).
	b := logsCatalog(t)
	b.Models[0].Input, b.Plans[0].PriceMonthly = 4, 25
	diff := &CatalogDiff{Names: [2]string{"a.yaml", "b.yaml"}, Catalogs: [2]*plans.Catalog{cat, b}, Today: today, Differences: catalogsync.Diff(cat, b)}
	if err := CatalogDiffJSON(&diffJSON, diff); err != nil {
		t.Fatal(err)
	}
	same := &CatalogDiff{Names: diff.Names, Catalogs: [2]*plans.Catalog{cat, cat}, Today: today}
	// LiteLLM's file: GPT-5.5's output from 10 to 12, a model of xai added.
	file := []byte(`{"gpt-5.5": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2e-06, "output_cost_per_token": 1.2e-05, "max_input_tokens": 400000},
 "xai/grok-9": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 5e-06, "max_input_tokens": 256000},
 "dall-e-9": {"litellm_provider": "openai", "mode": "image_generation"}}`)
	res, err := catalogsync.ImportLiteLLM(cat, file, catalogsync.ImportOptions{Name: "prices.json", Source: "litellm prices.json",
		AsOf: "2026-11-25", Today: today, Add: []string{"xai", "nobody"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, out string }{
		{"plans", PlansTable(cat, "", false) + "\n---- api\n" + PlansTable(cat, "api", false) + "\n---- JSON\n" + plansJSON.String()},
		{"check", CheckTable(check, false) + "\n---- nothing\n" + CheckTable(&Check{Catalog: cat, Today: today}, false) + "\n---- JSON\n" + checkJSON.String()},
		{"diff", CatalogDiffTable(diff, false) + "\n---- same\n" + CatalogDiffTable(same, false) + "\n---- JSON\n" + diffJSON.String()},
		{"import", CatalogImport(res, "prices.json", "2026-11-25", catalogsync.DatedName)},
	} {
		t.Run(tc.name, func(t *testing.T) { golden.RequireEqual(t, tc.out) })
	}
}

// What catalog and catalog import say about the overlay, each case.
func TestOverlayLines(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{OverlayStatus("o.yaml", "2026-11-20", ""), "No overlay at o.yaml: the embedded catalog of 2026-11-20 is used as it is.\n"},
		{OverlayStatus("o.yaml", "2026-11-20", "2 models replaced"), "Overlay o.yaml: 2 models replaced.\n"},
		{OverlayStatus("o.yaml", "2026-11-20", "\x1b[31mred"), "Overlay o.yaml: \\x1b[31mred.\n"}, // the file's text, made safe
		{OverlayLeft("o.yaml", "Dry run"), "Dry run: o.yaml is left as it was.\n"},
		{OverlayWritten("o.yaml", ""), "Wrote o.yaml.\n"},
		{OverlayWritten("o.yaml", "o.yaml.bak"), "Wrote o.yaml; the overlay before is in o.yaml.bak.\n"},
		{AppliedNote(1), "1 dated catalog change in effect today (tokenomics plans --check lists it)"},
		{AppliedNote(3), "3 dated catalog changes in effect today (tokenomics plans --check lists them)"},
		{OverlayNotUsed("", errors.New("bad")), "Catalog overlay not used, prices are the embedded catalog's: bad"},
		{OverlayNotUsed("~/c.yaml", errors.New("bad")), "Catalog overlay not used, prices are ~/c.yaml's: bad"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

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
		// 15 × 1400 = 21,000; the overage is a multiple of API prices, in no currency.
		{model.Limit{WindowHours: 730.5, USD: 15, Overage: 1.2}, krw, "₩21,000 per 730.5 h, then at 1.2× API prices"},
	} {
		if got := LimitText(&tc.l, tc.cur); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.cur.Code, got, tc.want)
		}
	}
}

// Every sentence of the catalog's check, from a finding's facts.
func TestFindingText(t *testing.T) {
	l := model.Limit{WindowHours: 5, USD: 18}
	tokens := model.Limit{WindowHours: 168, Tokens: 5e6}
	f4, f20, f04 := 4.0, 20.0, 0.4
	launch := &plans.Change{ModelID: "acme-large", Date: "2026-12-01", Note: "launch price ends", Input: &f4, Output: &f20}
	cache := &plans.Change{ModelID: "acme-large", Date: "2027-03-01", CacheRead: &f04}
	for _, tc := range []struct {
		f    plans.Finding
		want string
	}{
		{plans.Finding{Kind: "change-passed", Entry: "api", Date: "2026-12-01", Days: 4, Change: launch}, "since 2026-12-01 (4 days ago): input 4, output 20 (launch price ends)"},
		{plans.Finding{Kind: "change-passed", Entry: "api", Date: "2026-12-01", Days: 1, Change: launch}, "since 2026-12-01 (1 day ago): input 4, output 20 (launch price ends)"},
		{plans.Finding{Kind: "change-passed", Entry: "api", Date: "2026-12-01", Change: launch}, "since 2026-12-01 (today): input 4, output 20 (launch price ends)"},
		{plans.Finding{Kind: "change-soon", Entry: "api", Date: "2026-12-01", Days: -4, Change: launch}, "from 2026-12-01 (in 4 days): input 4, output 20 (launch price ends)"},
		{plans.Finding{Kind: "change-soon", Entry: "api", Date: "2027-03-01", Days: -1, Change: cache}, "from 2027-03-01 (in 1 day): cache_read 0.4"},
		{plans.Finding{Kind: "retires-soon", Entry: "api", Date: "2027-01-10", Days: -21}, "retires: no longer offered from 2027-01-10 (in 21 days)"},
		{plans.Finding{Kind: "deprecated-soon", Entry: "api", Date: "2026-12-14", Days: -17}, "deprecated from 2026-12-14 (in 17 days)"},
		{plans.Finding{Kind: "retired", Entry: "api"}, "no longer offered: left out of every comparison (still prices usage logs)"},
		{plans.Finding{Kind: "retired", Entry: "api", Date: "2026-11-20", Days: 7}, "since 2026-11-20: no longer offered: left out of every comparison (still prices usage logs)"},
		{plans.Finding{Kind: "preview", Entry: "api"}, "a preview: prices and limits may change or the model go away"},
		{plans.Finding{Kind: "legacy", Entry: "api"}, "superseded or deprecated: may retire"},
		{plans.Finding{Kind: "legacy", Entry: "api", Date: "2026-12-14", Days: 6}, "deprecated since 2026-12-14: may retire"},
		{plans.Finding{Kind: "legacy", Entry: "api", Date: "2026-12-14", Days: 6, Retires: "2027-01-10"}, "deprecated: retires 2027-01-10"},
		{plans.Finding{Kind: "retired", Entry: "subscription"}, "status retired"},
		{plans.Finding{Kind: "preview", Entry: "subscription"}, "status preview"},
		{plans.Finding{Kind: "legacy", Entry: "subscription"}, "status legacy"},
		{plans.Finding{Kind: "stale", Entry: "api", Date: "2026-11-20", Days: 92}, "figures of 2026-11-20, 92 days old"},
		{plans.Finding{Kind: "stale", Entry: "subscription", Date: "2026-11-18", Days: 94}, "figures of 2026-11-18, 94 days old"},
		{plans.Finding{Kind: "stale", Entry: "fx", Date: "2026-11-19", Days: 93}, "rates of 2026-11-19, 93 days old (display only)"},
		{plans.Finding{Kind: "undated", Entry: "api"}, "no as_of: how old its figures are is unknown"},
		{plans.Finding{Kind: "estimate", Entry: "api"}, "prices are an estimate"},
		{plans.Finding{Kind: "estimate", Entry: "subscription"}, "price is an estimate"},
		// 18 × 1400 = 25,200.
		{plans.Finding{Kind: "estimate", Entry: "subscription", Limit: &l}, "limit of ₩25,200 per 5 h is an estimate"},
		{plans.Finding{Kind: "estimate", Entry: "subscription", Limit: &tokens}, "limit of 5M tokens per 168 h is an estimate"},
		{plans.Finding{Kind: "measured", Entry: "subscription", Date: "2026-10-07", Days: 51, Limit: &l}, "limit of ₩25,200 per 5 h measured from your logs up to 2026-10-07, 51 days ago"},
		{plans.Finding{Kind: "measured", Entry: "subscription", Date: "2026-10-07", Limit: &l}, "limit of ₩25,200 per 5 h measured from your logs up to 2026-10-07, today"},
		{plans.Finding{Kind: "measured", Entry: "subscription", Limit: &l}, "limit of ₩25,200 per 5 h measured from your logs"},
	} {
		if got := FindingText(&tc.f, money.New("KRW", 1400)); got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.f.Kind, tc.f.Entry, got, tc.want)
		}
	}
}

func TestOverlaySummary(t *testing.T) {
	checkWords(t, OverlaySummary, []wording[plans.Effect]{
		{plans.Effect{}, "changes nothing"},
		{plans.Effect{Replaced: 1, Added: 1, Removed: 1, Older: []string{"acme-mini"}, FX: true},
			"1 entry replaced, 1 entry added, 1 entry removed, dated before the catalog's own entry: acme-mini, exchange rates changed"},
		{plans.Effect{Added: 2, Tokenizers: true}, "2 entries added, tokenizer factors changed"},
	})
}

// An entry only one catalog has is shown as its summary, in the table and
// in JSON, a plan's limits in short; other values as catalogsync writes
// them.
func TestDiffValue(t *testing.T) {
	m := model.APIModel{ID: "acme-nano", Rates: model.Rates{Input: 0.05, Output: 0.2}, ContextWindow: 64000}
	one := model.Subscription{ID: "one", PriceMonthly: 30, Limits: []model.Limit{{WindowHours: 5, Messages: 45}}}
	price, tiny := 0.25, 5e-7
	two := model.Subscription{ID: "two", PriceMonthly: 12.5, Limits: []model.Limit{{WindowHours: 5, Messages: 45}, {WindowHours: 168, Tokens: 5e6}}}
	for _, tc := range []struct {
		v          catalogsync.Value
		want, json string
	}{
		{catalogsync.Value{Model: &m}, "0.05 in · 0.2 out · 64k context", `"0.05 in · 0.2 out · 64k context"`},
		{catalogsync.Value{Plan: &model.Subscription{ID: "none", PriceMonthly: 30}}, "30 a month · 0 limits", `"30 a month · 0 limits"`},
		{catalogsync.Value{Plan: &one}, "30 a month · 1 limit", `"30 a month · 1 limit"`},
		{catalogsync.Value{Plan: &two}, "12.5 a month · 2 limits", `"12.5 a month · 2 limits"`},
		// A plan's limits are worded from the limits, not the key they are
		// compared by: 5e6 tokens in full digits, the tiers, the confidence.
		{catalogsync.Value{Text: "key", Limits: []model.Limit{{WindowHours: 5, Messages: 45}}}, "45 messages/5h", `"45 messages/5h"`},
		{catalogsync.Value{Text: "key", Limits: []model.Limit{{WindowHours: 5, Messages: 40, Confidence: "reported"},
			{WindowHours: 168, Tokens: 5e6, Tiers: []model.Tier{model.Frontier, model.Mid}, Confidence: "estimate"}}},
			"40 messages/5h (reported); 5000000 tokens/168h [frontier,mid] (estimate)", `"40 messages/5h (reported); 5000000 tokens/168h [frontier,mid] (estimate)"`},
		{catalogsync.Value{Text: "key", Limits: []model.Limit{{WindowHours: 5, USD: 3.6, Confidence: "estimate"}}}, "3.6 usd/5h (estimate)", `"3.6 usd/5h (estimate)"`},
		{catalogsync.Value{Text: "frontier"}, "frontier", `"frontier"`},
		{catalogsync.Value{Num: &price}, "0.25", "0.25"},
		{catalogsync.Value{Num: &tiny}, "5e-07", "5e-7"}, // under 1e-6 a number reads in e notation, as plans writes it
		{catalogsync.Value{}, "—", "null"},
	} {
		js, err := json.Marshal(diffJSON(tc.v))
		if got := diffValue(tc.v); got != tc.want || err != nil || string(js) != tc.json {
			t.Errorf("got %q and %s (%v), want %q and %s", got, js, err, tc.want, tc.json)
		}
	}
}

// A number's move in a catalog diff or audit: whole percents, a half
// rounded away from zero; under half a percent one decimal; a real minus
// either way; nothing when there is no move.
func TestDiffChange(t *testing.T) {
	n := func(v float64) catalogsync.Value { return catalogsync.Value{Num: &v} }
	for _, tc := range []struct {
		a, b catalogsync.Value
		want string
	}{
		{n(2), n(4), "+100%"},       // (4 − 2) / 2
		{n(4), n(1), "−75%"},        // (1 − 4) / 4
		{n(0.2), n(0.25), "+25%"},   // 0.05 / 0.2
		{n(3), n(3.5), "+17%"},      // 0.5 / 3 = 16.7, rounded
		{n(1000), n(1001), "+0.1%"}, // 1 / 1000
		{n(1000), n(997), "−0.3%"},  // −3 / 1000, under half a percent
		{n(200), n(199), "−1%"},     // −1 / 200 = −0.5: whole, the half away from zero
		{n(200), n(201), "+1%"},     // +1 / 200 = +0.5 likewise
		{n(0), n(1), ""},
		{catalogsync.Value{}, n(1), ""},
		{catalogsync.Value{Text: "a"}, catalogsync.Value{Text: "b"}, ""},
	} {
		if got := diffChange(catalogsync.Difference{A: tc.a, B: tc.b}); got != tc.want {
			t.Errorf("%v → %v: %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// Each kind of applied change in its line, as plans --check lists them.
func TestEventText(t *testing.T) {
	checkWords(t, EventText, []wording[plans.Event]{
		{plans.Event{Kind: "price", Name: "Zeta Mid", Date: "2026-11-01", Note: "cut"}, "Zeta Mid: price change of 2026-11-01 applied"},
		{plans.Event{Kind: "deprecated", Name: "Old 3", Date: "2026-12-14"}, "Old 3: deprecated since 2026-12-14"},
		{plans.Event{Kind: "retired", Name: "Old 3", Date: "2027-01-10"}, "Old 3: retired since 2027-01-10, no longer offered"},
	})
}

// Each kind of entry an import leaves alone in its note, as the import's
// table gives it.
func TestSkipText(t *testing.T) {
	checkWords(t, SkipText, []wording[catalogsync.Skip]{
		{catalogsync.Skip{Why: catalogsync.SkipProblem, Problem: "no pricing"}, "no pricing"},
		{catalogsync.Skip{Why: catalogsync.SkipNoProvider}, "no provider"},
		{catalogsync.Skip{Why: catalogsync.SkipNoID}, "no usable id in the key"},
		{catalogsync.Skip{ID: "grok-nowindow", Why: catalogsync.SkipNoContext}, "no context window given (a catalog entry needs one)"},
		{catalogsync.Skip{ID: "grok-old", Why: catalogsync.SkipRetired, Date: "2026-05-15"}, "retired: the file gives 2026-05-15 as its deprecation date"},
		{catalogsync.Skip{ID: "grok-test", Why: catalogsync.SkipIDTaken}, `the id "grok-test" is taken in the catalog`},
		{catalogsync.Skip{ID: "gemini-3.6-flash", Why: catalogsync.KeptNewer, Date: "2026-11-26", AsOf: "2026-11-25"},
			"the catalog's entry is of 2026-11-26, newer than this file's 2026-11-25 (--force replaces it)"},
	})
}
