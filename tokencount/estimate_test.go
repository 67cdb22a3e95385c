package tokencount

import (
	"slices"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

func testCatalog() *model.Catalog {
	return &model.Catalog{
		Tokenizers: map[string]map[string]float64{
			"o200k":  {"en": 1, "ko": 2},
			"cl100k": {"en": 1, "ko": 2.5},
			"claude": {"en": 1, "ko": 2.8},
			"gemini": {"en": 1},
		},
		Models: []model.APIModel{
			{ID: "gpt-mini", Provider: "openai", Tokenizer: "o200k", Rates: model.Rates{Input: 0.5, Output: 2}, ContextWindow: 400000, Status: "active"},
			{ID: "gpt-big", Provider: "openai", Tokenizer: "o200k", Rates: model.Rates{Input: 5, Output: 20}, ContextWindow: 400000, Status: "active"},
			{ID: "gpt-old", Provider: "openai", Tokenizer: "o200k", Rates: model.Rates{Input: 30, Output: 60}, ContextWindow: 128000, Status: "legacy"},
			{ID: "sonnet", Provider: "anthropic", Tokenizer: "claude", Rates: model.Rates{Input: 3, Output: 15}, ContextWindow: 1000,
				LongContext: &model.LongContext{Threshold: 500, Rates: model.Rates{Input: 6, Output: 22.5}}, Status: "active"},
			{ID: "gemini", Provider: "google", Tokenizer: "gemini", Rates: model.Rates{Input: 1.25, Output: 10}, ContextWindow: 1e6},
			{ID: "solar", Provider: "upstage", Tokenizer: "solar", Rates: model.Rates{Input: 0.15, Output: 0.6}, ContextWindow: 65536, Status: "retired"},
		},
	}
}

// A Korean text of 200 o200k tokens and 260 cl100k tokens, worked by hand:
// English-equivalent = 200 / 2 (o200k's ko factor) = 100 tokens;
// claude 100 × 2.8 = 280; gemini has no ko factor: the catalog's median of
// 2, 2.5 and 2.8, 2.5: 100 × 2.5 = 250, flagged; solar has no tokenizers
// entry at all: the same 250, flagged.
func TestEstimatesHandWorked(t *testing.T) {
	cat := testCatalog()
	st := Stats{O200k: 200, Cl100k: 260}
	en, basis, ok := EnglishEquivalent(&st, "ko", cat)
	if en != 100 || basis != O200k || !ok {
		t.Errorf("EnglishEquivalent = %v, %s, %v; want 100, o200k, true", en, basis, ok)
	}
	want := []Estimate{
		{Tokenizer: "o200k", Tokens: 200, Measured: true, Factor: 2, FactorKnown: true},
		{Tokenizer: "cl100k", Tokens: 260, Measured: true, Factor: 2.5, FactorKnown: true},
		{Tokenizer: "claude", Tokens: 280, Factor: 2.8, FactorKnown: true},
		{Tokenizer: "gemini", Tokens: 250, Factor: 2.5},
		{Tokenizer: "solar", Tokens: 250, Factor: 2.5},
	}
	if got := Estimates(&st, "ko", cat); !slices.EqualFunc(got, want, func(a, b Estimate) bool {
		return a.Tokenizer == b.Tokenizer && near(a.Tokens, b.Tokens) && a.Measured == b.Measured && a.Factor == b.Factor && a.FactorKnown == b.FactorKnown
	}) {
		t.Errorf("Estimates =\n%+v\nwant\n%+v", got, want)
	}
	// English: every factor is 1 and known.
	for _, e := range Estimates(&st, "en", cat) {
		if e.Factor != 1 || !e.FactorKnown || !e.Measured && e.Tokens != 200 {
			t.Errorf("en: %+v", e)
		}
	}
	// Only cl100k knows the language: 260 / 2.5 = 104.
	delete(cat.Tokenizers["o200k"], "ko")
	if en, basis, ok := EnglishEquivalent(&st, "ko", cat); !near(en, 104) || basis != Cl100k || !ok {
		t.Errorf("cl100k basis: %v, %s, %v; want 104, cl100k, true", en, basis, ok)
	}
	// Neither: the o200k count as it is, flagged.
	if en, basis, ok := EnglishEquivalent(&st, "th", cat); en != 200 || basis != O200k || ok {
		t.Errorf("unknown language: %v, %s, %v; want 200, o200k, false", en, basis, ok)
	}
}

// One document of 100 English-equivalent tokens in Korean as input, by hand:
//
//	gpt-mini: 100 × 2 = 200 tokens × $0.50/M = $0.0001
//	sonnet:   100 × 2.8 = 280 tokens, under its 500-token long-context
//	          threshold: × $3/M = $0.00084
//	gemini:   100 × 2.5 (factor unknown: the median of 2, 2.5, 2.8) = 250
//	          tokens × $1.25/M = $0.0003125
//
// and 200 English-equivalent tokens: sonnet 560 tokens > 500, so the long
// context rate $6/M applies: $0.00336; within its 1,000-token window.
func TestInputCostsHandWorked(t *testing.T) {
	cat := testCatalog()
	costs, missing := InputCosts(cat, 100, "ko", []string{"gpt-mini", "sonnet", "nope", "gemini"})
	if !slices.Equal(missing, []string{"nope"}) {
		t.Errorf("missing = %v", missing)
	}
	want := []struct {
		id           string
		tokens, cost float64
		known, fits  bool
	}{
		{"gpt-mini", 200, 0.0001, true, true},
		{"sonnet", 280, 0.00084, true, true},
		{"gemini", 250, 0.0003125, false, true},
	}
	if len(costs) != len(want) {
		t.Fatalf("%d costs, want %d", len(costs), len(want))
	}
	for i, w := range want {
		c := costs[i]
		if c.Model.ID != w.id || !near(c.Tokens, w.tokens) || !near(c.Cost, w.cost) || c.FactorKnown != w.known || c.FitsContext != w.fits {
			t.Errorf("%s: %+v, want %+v", w.id, c, w)
		}
	}
	costs, _ = InputCosts(cat, 200, "ko", []string{"sonnet"})
	if c := costs[0]; !near(c.Tokens, 560) || !near(c.Cost, 0.00336) || !c.FitsContext {
		t.Errorf("sonnet long context: %+v", c)
	}
	costs, _ = InputCosts(cat, 400, "ko", []string{"sonnet"})
	if c := costs[0]; !near(c.Tokens, 1120) || c.FitsContext {
		t.Errorf("sonnet over its window: %+v", c)
	}
}

// --model values: repeatable and comma-separated, "all" anywhere among
// them for every model that can be bought (solar, retired, only when
// named), an id given twice priced once.
func TestModelIDs(t *testing.T) {
	cat := testCatalog()
	every := []string{"gpt-mini", "gemini", "sonnet", "gpt-big", "gpt-old"} // AllModels, as in TestModelPicks
	for _, tc := range []struct {
		flags   []string
		ids     []string
		unknown string
	}{
		{nil, []string{"gpt-mini", "gpt-big", "sonnet", "gemini"}, ""}, // DefaultModels
		{[]string{"all"}, every, ""},
		{[]string{"all,all"}, every, ""},
		{[]string{"all", "all"}, every, ""},
		{[]string{"sonnet,all"}, every, ""},
		{[]string{"all", "solar"}, append(slices.Clone(every), "solar"), ""},
		{[]string{"sonnet, sonnet", "gpt-mini,sonnet"}, []string{"sonnet", "gpt-mini"}, ""},
		{[]string{" , "}, []string{"gpt-mini", "gpt-big", "sonnet", "gemini"}, ""},
		{[]string{"all,nope"}, nil, "nope"},
		{[]string{"sonnet", "nope,other"}, nil, "nope"},
	} {
		ids, unknown := ModelIDs(cat, tc.flags)
		if !slices.Equal(ids, tc.ids) || unknown != tc.unknown {
			t.Errorf("%q: %v, unknown %q; want %v, %q", tc.flags, ids, unknown, tc.ids, tc.unknown)
		}
	}
}

func TestModelPicks(t *testing.T) {
	cat := testCatalog()
	if got, want := DefaultModels(cat), []string{"gpt-mini", "gpt-big", "sonnet", "gemini"}; !slices.Equal(got, want) {
		t.Errorf("DefaultModels = %v, want %v", got, want)
	}
	if got, want := AllModels(cat), []string{"gpt-mini", "gemini", "sonnet", "gpt-big", "gpt-old"}; !slices.Equal(got, want) {
		t.Errorf("AllModels = %v, want %v", got, want)
	}
	if got, want := Families(cat), []string{"o200k", "cl100k", "claude", "gemini", "solar"}; !slices.Equal(got, want) {
		t.Errorf("Families = %v, want %v", got, want)
	}
}
