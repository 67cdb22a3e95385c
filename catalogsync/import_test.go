package catalogsync

import (
	"maps"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// importBase is testdata/import-base.yaml: claude-test-4-5 (anthropic, of
// 2026-01-01), gpt-test-5.5 (openai, changes on 2026-09-01 and
// 2026-12-01), gemini-test-3.6-flash (google, of 2026-11-26: newer than the
// files), deepseek-test, mistral-medium-3.5 and claude-test-2 (retired, in
// no file).
func importBase(t testing.TB) *plans.Catalog { return loadCatalog(t, "testdata/import-base.yaml") }

func loadCatalog(t testing.TB, path string) *plans.Catalog {
	t.Helper()
	c, err := plans.LoadCatalog(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func importOpts(add ...string) ImportOptions {
	return ImportOptions{Name: "prices.json", Source: "litellm prices.json", AsOf: "2026-11-25", Today: "2026-11-27", Add: add}
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func p64(v float64) *float64 { return &v }

func byID(res *ImportResult) map[string]Imported {
	out := map[string]Imported{}
	for _, m := range res.Models {
		out[m.Model.ID] = m
	}
	return out
}

// skips are the entries left alone by key, each with its kind and values
// (its id left out: the tests of ids check it).
func skips(ss []Skip) map[string]Skip {
	out := map[string]Skip{}
	for _, s := range ss {
		k := s.Key
		s.Key, s.ID = "", ""
		out[k] = s
	}
	return out
}

// problem is a skip for what is wrong with the file's entry.
func problem(msg string) Skip { return Skip{Why: SkipProblem, Problem: msg} }

func rates(in, out float64, read, write *float64) model.Rates {
	return model.Rates{Input: in, Output: out, CacheRead: read, CacheWrite: write}
}

func TestImportLiteLLM(t *testing.T) {
	base := importBase(t)
	res, err := ImportLiteLLM(base, fixture(t, "litellm.json"), importOpts())
	if err != nil {
		t.Fatal(err)
	}
	got := byID(res)
	if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, []string{"claude-test-4-5", "deepseek-test", "gpt-test-5.5", "mistral-medium-3.5"}) {
		t.Fatalf("imported %v", ids)
	}

	// claude-test-4-5: the bare key wins over anthropic/claude-test-4-5
	// (9e-06) and bedrock's is another provider. Per token × 1e6:
	// 3.3e-06 → 3.3, 1.65e-05 → 16.5, cache read 3.3e-07 → 0.33, cache
	// write 4.125e-06 → 4.125, 1-hour cache write (_above_1hr) 6.6e-06 →
	// 6.6. Above 200k: 6.6, 24.75, cache read 0.66, cache writes not given
	// → the base 4.125 and 6.6 (the _priority and _above_1hr keys are not
	// tiers). Batch 1.65/3.3 = 0.5 and 8.25/16.5 = 0.5 → 50% off.
	// max_input 1M > the catalog's 200K window → 1M.
	c := got["claude-test-4-5"]
	with1h := func(r model.Rates) model.Rates { r.CacheWrite1h = p64(6.6); return r }
	wantC := model.APIModel{
		ID: "claude-test-4-5", Provider: "anthropic", Name: "Claude Test 4.5", Tier: model.Mid, Tokenizer: "claude",
		Rates:         with1h(rates(3.3, 16.5, p64(0.33), p64(4.125))),
		BatchDiscount: 0.5,
		LongContext:   &model.LongContext{Threshold: 200000, Rates: with1h(rates(6.6, 24.75, p64(0.66), p64(4.125)))},
		ContextWindow: 1e6, MaxOutput: 64000, Status: "active",
		Provenance: model.Provenance{Confidence: "reported", Source: "litellm prices.json", AsOf: "2026-11-25", Note: c.Model.Note},
	}
	if c.Action != "updated" || c.Key != "claude-test-4-5" || !reflect.DeepEqual(c.Model, wantC) {
		t.Errorf("claude-test-4-5 %s %s\n got %+v\nwant %+v", c.Action, c.Key, c.Model, wantC)
	}
	for _, s := range []string{`LiteLLM key "claude-test-4-5"`, "whose source was https://anthropic.example/pricing as of 2026-01-01", "cites https://anthropic.example/pricing"} {
		if !strings.Contains(c.Model.Note, s) {
			t.Errorf("note %q lacks %q", c.Model.Note, s)
		}
	}
	if c.Was == nil || c.Was.Input != 3 {
		t.Errorf("was %+v", c.Was)
	}

	// gpt-test-5.5: 5.5e-06 → 5.5, 3.3e-05 → 33. Batch: input 2.75/5.5 =
	// 50% off, output 24.75/33 = 25% off: inconsistent, no discount. The
	// catalog's 400K window lies in [272K, 272K + 128K]: kept. Of its dated
	// changes, 2026-09-01 is in the file's prices (2026-11-25) and dropped,
	// 2026-12-01 kept.
	g := got["gpt-test-5.5"]
	if g.Model.Input != 5.5 || g.Model.Output != 33 || g.Model.BatchDiscount != 0 || g.Model.ContextWindow != 400000 || g.Model.MaxOutput != 128000 || g.Model.Tier != model.Frontier {
		t.Errorf("gpt-test-5.5 %+v", g.Model)
	}
	if len(g.Changes) != 1 || g.Changes[0].Date != "2026-12-01" || *g.Changes[0].Input != 7 {
		t.Errorf("gpt-test-5.5 changes %+v", g.Changes)
	}

	// deepseek-test: cache read from input_cost_per_token_cache_hit
	// 2.8e-08 → 0.028; a cache_creation cost of 0 is "none", not free
	// writes; max_output 8192 is new.
	d := got["deepseek-test"]
	if !reflect.DeepEqual(d.Model.Rates, rates(0.5, 1, p64(0.028), nil)) || d.Model.MaxOutput != 8192 {
		t.Errorf("deepseek-test %+v", d.Model)
	}

	// mistral/mistral-medium-3-5 matches mistral-medium-3.5 ('.' reads as '-'): input 2e-06 → 2.
	if m := got["mistral-medium-3.5"]; m.Key != "mistral/mistral-medium-3-5" || m.Model.Input != 2 || m.Model.Output != 7.5 || m.Model.MaxOutput != 262144 {
		t.Errorf("mistral %s %+v", m.Key, m.Model)
	}

	// gemini-test-3.6-flash is dated 2026-11-26 in the catalog: kept.
	if want := map[string]Skip{"gemini/gemini-test-3.6-flash": {Why: KeptNewer, Date: "2026-11-26", AsOf: "2026-11-25"}}; !reflect.DeepEqual(skips(res.Kept), want) {
		t.Errorf("kept %v", res.Kept)
	}
	if len(res.Skipped) != 0 || len(res.Unchanged) != 0 || len(res.Unmatched) != 0 {
		t.Errorf("skipped %v unchanged %v unmatched %v", res.Skipped, res.Unchanged, res.Unmatched)
	}
	// 14 keys, of which sample_spec is not a model.
	if res.Entries != 13 {
		t.Errorf("%d entries, want 13 (sample_spec is not one)", res.Entries)
	}
	// claude-test-2 has no entry in the file: listed, left alone.
	if want := []string{"claude-test-2"}; !slices.Equal(res.Missing, want) {
		t.Errorf("missing %q, want %q", res.Missing, want)
	}
}

func TestImportLiteLLMOptions(t *testing.T) {
	base := importBase(t)
	data := fixture(t, "litellm.json")
	for _, tc := range []struct {
		name  string
		opt   ImportOptions
		check func(t *testing.T, res *ImportResult)
	}{
		{"--force replaces newer entries", func() ImportOptions { o := importOpts(); o.Force = true; return o }(), func(t *testing.T, res *ImportResult) {
			// 1e-06 → 1 over the catalog's 1.5.
			if g := byID(res)["gemini-test-3.6-flash"]; g.Action != "updated" || g.Model.Input != 1 || len(res.Kept) != 0 {
				t.Errorf("%+v kept %v", g, res.Kept)
			}
		}},
		{"--add a provider", importOpts("xai"), func(t *testing.T, res *ImportResult) {
			got := byID(res)
			// grok-test: output 6e-06 → $6, under $12: mid. Only input has an
			// above-128k price (4e-06 → 4): output stays at the base 6.
			g := got["grok-test"]
			want := model.APIModel{ID: "grok-test", Provider: "xai", Name: "grok-test", Tier: model.Mid,
				Rates:       rates(2, 6, nil, nil),
				LongContext: &model.LongContext{Threshold: 128000, Rates: rates(4, 6, nil, nil)}, ContextWindow: 500000, MaxOutput: 500000, Status: "active",
				Provenance: model.Provenance{Confidence: "reported", Source: "litellm prices.json", AsOf: "2026-11-25", Note: g.Model.Note}}
			if g.Action != "added" || !reflect.DeepEqual(g.Model, want) {
				t.Errorf("grok-test\n got %+v\nwant %+v", g.Model, want)
			}
			if !strings.Contains(g.Model.Note, "tier is a guess from its output price ($6 per 1M") {
				t.Errorf("note %q", g.Model.Note)
			}
			// "mini" in the name: small, whatever the price.
			if m := got["grok-test-mini"]; m.Model.Tier != model.Small || !strings.Contains(m.Model.Note, `the word "mini"`) {
				t.Errorf("grok-test-mini %+v", m.Model)
			}
			want2 := map[string]Skip{
				"xai/grok-old":      {Why: SkipRetired, Date: "2026-05-15"},
				"xai/grok-nowindow": {Why: SkipNoContext},
			}
			if got := skips(res.Skipped); !reflect.DeepEqual(got, want2) {
				t.Errorf("skipped %v", got)
			}
		}},
		{"--add an id adds the maker's entry only", importOpts("grok-test", "gpt-test-5.5", "nope"), func(t *testing.T, res *ImportResult) {
			got := byID(res)
			// The four updates of TestImportLiteLLM and grok-test.
			if _, ok := got["grok-test"]; !ok || len(got) != 5 {
				t.Errorf("imported %v", slices.Sorted(maps.Keys(got)))
			}
			// gpt-test-5.5 is the catalog's already; azure's is a reseller's.
			if !slices.Equal(res.Unmatched, []string{"nope"}) {
				t.Errorf("unmatched %v", res.Unmatched)
			}
		}},
		{"--add a reseller: its ids give way", importOpts("azure"), func(t *testing.T, res *ImportResult) {
			a := byID(res)["azure-gpt-test-5.5"]
			if a.Action != "added" || a.Model.Provider != "azure" || a.Model.Input != 6 || a.Key != "azure/gpt-test-5.5" {
				t.Errorf("azure %+v", a)
			}
		}},
		{"the same figures are left alone", ImportOptions{Name: "p", Source: "litellm p", AsOf: "2027-01-01", Today: "2027-01-01"}, func(t *testing.T, res *ImportResult) {
			// A second import of what the first wrote changes nothing.
			o := &plans.Overlay{}
			for _, m := range res.Models {
				o.PutModel(m.Model, m.Changes)
			}
			out, err := plans.MarshalOverlay(base, o)
			if err != nil {
				t.Fatal(err)
			}
			cur, _, err := plans.ApplyOverlay(base, "o.yaml", out)
			if err != nil {
				t.Fatal(err)
			}
			again, err := ImportLiteLLM(cur, data, ImportOptions{Name: "p", Source: "litellm p", AsOf: "2027-01-02", Today: "2027-01-02"})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Models) != 0 || len(again.Unchanged) != 5 {
				t.Errorf("second import: %d models, unchanged %v", len(again.Models), again.Unchanged)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ImportLiteLLM(base, data, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, res)
		})
	}
}

// An added entry whose id, and the id with its provider before it, are both
// the catalog's already is skipped, naming the file's id.
func TestImportIDTaken(t *testing.T) {
	base := importBase(t)
	for _, id := range []string{"grok-test", "xai-grok-test"} {
		base.Models = append(base.Models, model.APIModel{ID: id, Provider: "openai", Name: id, Tier: model.Mid, Rates: rates(1, 2, nil, nil), ContextWindow: 1000})
	}
	res, err := ImportLiteLLM(base, fixture(t, "litellm.json"), importOpts("grok-test"))
	if err != nil {
		t.Fatal(err)
	}
	var got []Skip
	for _, s := range res.Skipped {
		if s.Why == SkipIDTaken {
			got = append(got, s)
		}
	}
	if want := []Skip{{Key: "xai/grok-test", ID: "grok-test", Why: SkipIDTaken}}; !reflect.DeepEqual(got, want) {
		t.Errorf("taken %+v, want %+v", got, want)
	}
}

// Entries with wrong types, negative or huge prices and missing fields are
// skipped with the reason, in either file; an entry that is not an object is
// ignored.
func TestImportMalformedEntries(t *testing.T) {
	for _, tc := range []struct {
		name    string
		load    func(*plans.Catalog, []byte, ImportOptions) (*ImportResult, error)
		file    string
		add     []string
		skipped map[string]Skip
	}{
		{"litellm", ImportLiteLLM, "litellm-malformed.json", []string{"xai"}, map[string]Skip{
			"claude-test-4-5":            problem("input_cost_per_token: expected a number, got text"),
			"gpt-test-5.5":               problem("input_cost_per_token: the price per 1M tokens must not be negative (got -1)"),
			"deepseek-test":              problem("no output_cost_per_token"),
			"mistral/mistral-medium-3-5": problem("max_input_tokens: expected a number, got text"),
			// 1e300 per token is 1e306 per 1M.
			"xai/grok-huge":          problem("input_cost_per_token: the price per 1M tokens must be at most 100000 (got 1e+306)"),
			"xai/grok-nan":           problem("input_cost_per_token: 1e999 is not a number we can use"),
			"xai/grok-long-negative": problem("output_cost_per_token_above_200k_tokens: the price per 1M tokens must not be negative (got -1)"),
			"xai/grok-window":        problem("max_input_tokens: must be above 0 (got 0)"),
		}},
		{"openrouter", ImportOpenRouter, "openrouter-malformed.json", nil, map[string]Skip{
			"anthropic/claude-test-4.5":    problem("pricing.prompt: expected a price, got true or false"),
			"openai/gpt-test-5.5":          problem("no pricing"),
			"mistralai/mistral-medium-3.5": problem("context_length: expected a number, got text"),
			"deepseek/deepseek-test":       problem(`pricing.prompt: "abc" is not a price`),
			"google/gemini-test-3.6-flash": problem("pricing: expected an object, got text"),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tc.load(importBase(t), fixture(t, tc.file), importOpts(tc.add...))
			if err != nil {
				t.Fatal(err)
			}
			if got := skips(res.Skipped); !reflect.DeepEqual(got, tc.skipped) {
				t.Errorf("skipped\n got %v\nwant %v", got, tc.skipped)
			}
			if len(res.Models) != 0 {
				t.Errorf("imported %+v", res.Models)
			}
		})
	}
}

// Files that are not LiteLLM's file are errors at their place.
func TestImportLiteLLMBadFiles(t *testing.T) {
	whole := fixture(t, "litellm.json")
	for _, tc := range []struct {
		name, data string
		line, col  int
		msg        string
	}{
		// `{"a": {"b": 1}` is 14 bytes: the input ends at col 15.
		{"truncated", `{"a": {"b": 1}`, 1, 15, "unexpected end of JSON input"},
		{"truncated fixture", string(whole[:len(whole)/2]), strings.Count(string(whole[:len(whole)/2]), "\n") + 1, 0, "unexpected end of JSON input"},
		// The second ',' of `  "a": [1,,2]` is its 11th character.
		{"bad character", "{\n  \"a\": [1,,2]\n}", 2, 11, "invalid character ','"},
		{"an array", "  [1, 2]", 1, 3, "expected a JSON object of model entries, got a JSON array"},
		{"null", "null", 1, 1, "got null"},
		// Placed at the null, after a line and a space: line 2, column 2.
		{"null later", "\n null", 2, 2, "expected a JSON object of model entries, got null"},
		{"empty", "", 1, 1, "unexpected end of JSON input"},
		{"no provider anywhere", `{"sample_spec": {"litellm_provider": "x"}, "a": {"mode": "chat"}}`, 1, 1, "not LiteLLM's model_prices_and_context_window.json"},
		{"an OpenRouter list", string(fixture(t, "openrouter.json")), 1, 1, "not LiteLLM's"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportLiteLLM(importBase(t), []byte(tc.data), importOpts())
			pe, ok := err.(*plans.Error)
			if !ok {
				t.Fatalf("error %T %v", err, err)
			}
			if pe.File != "prices.json" || pe.Line != tc.line || (tc.col > 0 && pe.Col != tc.col) || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("got %v; want prices.json:%d:%d … %s", pe, tc.line, tc.col, tc.msg)
			}
		})
	}
}

func TestImportOpenRouter(t *testing.T) {
	base := importBase(t)
	opt := importOpts("xai", "openrouter")
	opt.Source = "openrouter models.json"
	res, err := ImportOpenRouter(base, fixture(t, "openrouter.json"), opt)
	if err != nil {
		t.Fatal(err)
	}
	got := byID(res)
	if len(got) != 3 {
		t.Fatalf("imported %+v", res.Models)
	}
	// anthropic/claude-test-4.5 matches claude-test-4-5. "0.0000033" →
	// 3.3, "0.0000165" → 16.5, cache read 0.33, write 4.125; the top
	// provider's 1M window, max 64K out. The :free variant, the image model
	// and openrouter/auto are not this model.
	c := got["claude-test-4-5"]
	if c.Action != "updated" || !reflect.DeepEqual(c.Model.Rates, rates(3.3, 16.5, p64(0.33), p64(4.125))) ||
		c.Model.ContextWindow != 1e6 || c.Model.MaxOutput != 64000 || c.Model.Source != "openrouter models.json" || !strings.Contains(c.Model.Note, `OpenRouter key "anthropic/claude-test-4.5"`) {
		t.Errorf("claude %+v", c.Model)
	}
	// mistralai → mistral: output "0.000006" → 6. Its 262,144 window is
	// more than 131,072 in + 32,768 out = 163,840: the list's 131,072.
	m := got["mistral-medium-3.5"]
	if m.Model.Input != 1.5 || m.Model.Output != 6 || m.Model.ContextWindow != 131072 || m.Model.MaxOutput != 32768 {
		t.Errorf("mistral %+v", m.Model)
	}
	// x-ai/grok-test-4 added as xai: output $15, frontier; the name without
	// "xAI: "; expiring 2027-06-30, so legacy; no output cap given.
	g := got["grok-test-4"]
	if g.Action != "added" || g.Model.Provider != "xai" || g.Model.Name != "Grok Test 4" || g.Model.Tier != model.Frontier ||
		!reflect.DeepEqual(g.Model.Rates, rates(3, 15, p64(0.75), nil)) || g.Model.ContextWindow != 256000 || g.Model.MaxOutput != 0 || g.Model.Status != "legacy" {
		t.Errorf("grok %+v", g.Model)
	}
	if want := map[string]Skip{"openrouter/auto": problem("a negative price (-1, -1): priced by the route taken")}; !reflect.DeepEqual(skips(res.Skipped), want) {
		t.Errorf("skipped %v", res.Skipped)
	}
	if len(res.Kept) != 0 || len(res.Unmatched) != 0 {
		t.Errorf("kept %v, unmatched %v", res.Kept, res.Unmatched)
	}
}

// Files that are not OpenRouter's model list are errors.
func TestImportOpenRouterBadFiles(t *testing.T) {
	base := importBase(t)
	for _, tc := range []struct{ name, data, msg string }{
		{"no data", `{"models": []}`, `no "data" list`},
		{"data not a list", `{"data": {"id": "x"}}`, "expected a list of models, got an object"},
		{"truncated", `{"data": [{"id": "anthropic/claude-test-4.5", "pricing": {"prompt": "0.0`, "unexpected end of JSON input"},
		{"a LiteLLM file", string(fixture(t, "litellm.json")), `no "data" list`},
	} {
		if _, err := ImportOpenRouter(base, []byte(tc.data), importOpts()); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.msg)
		}
	}
}

func TestImportHelpers(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want float64
	}{
		{3e-06, 3}, {1.65e-05, 16.5}, {2.8e-08, 0.028}, {3.625e-09, 0.003625}, {1.75e-07, 0.175}, {0, 0},
	} {
		if got := perMillion(tc.in); got != tc.want {
			t.Errorf("perMillion(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{
		"gemini-3.6-flash":             "gemini-3.6-flash",
		"us.anthropic.claude:0":        "us.anthropic.claude-0",
		"..Weird//Key  ":               "weird-key",
		"azure/eu/gpt-5.5":             "azure-eu-gpt-5.5",
		"-_-":                          "",
		strings.Repeat("a", 100) + "b": strings.Repeat("a", 64),
	} {
		if got := sanitizeID(in); got != want {
			t.Errorf("sanitizeID(%q) = %q, want %q", in, got, want)
		}
	}
	// Batch prices 2.5 and 15 on 5 and 30: 50% off both.
	if d := batchDiscount(5, 30, 2.5, 15); d != 0.5 {
		t.Errorf("batch %v", d)
	}
	// 50% off input, 25% off output: no single discount.
	if d := batchDiscount(5.5, 33, 2.75, 24.75); d != 0 {
		t.Errorf("inconsistent batch %v", d)
	}
	// Dearer batch prices are not a discount.
	if d := batchDiscount(1, 1, 2, 2); d != 0 {
		t.Errorf("dearer batch %v", d)
	}
}

// A record's start: the provider a known file name maps to, an unknown one
// made an id, "all" (reserved) renamed for the file it came from.
func TestNewRecord(t *testing.T) {
	for _, tc := range []struct {
		source, key, slug, provider string
		known                       map[string]string
		want                        record
		isKnown                     bool
	}{
		{"litellm", "gemini/gemini-3.6-Flash-preview", "gemini-3.6-Flash-preview", "gemini", litellmProviders,
			record{key: "gemini/gemini-3.6-Flash-preview", rawProvider: "gemini", provider: "google",
				match: "gemini-3-6-flash-preview", id: "gemini-3.6-flash-preview", preview: true}, true},
		{"litellm", "together_ai/Meta/M_1", "Meta/M_1", "together_ai", litellmProviders,
			record{key: "together_ai/Meta/M_1", rawProvider: "together_ai", provider: "together_ai", match: "meta/m-1", id: "meta-m_1"}, false},
		{"openrouter", "all/m", "m", "all", openrouterAuthors,
			record{key: "all/m", rawProvider: "all", provider: "openrouter-all", match: "m", id: "m"}, false},
		{"litellm", "m", "m", "all", litellmProviders,
			record{key: "m", rawProvider: "all", provider: "litellm-all", match: "m", id: "m"}, false},
	} {
		got, isKnown := newRecord(tc.source, tc.key, tc.slug, tc.provider, tc.known)
		if !reflect.DeepEqual(got, tc.want) || isKnown != tc.isKnown {
			t.Errorf("newRecord(%q, %q) = %+v, %v; want %+v, %v", tc.source, tc.key, got, isKnown, tc.want, tc.isKnown)
		}
	}
	// Every entry must give input and output prices; the first missing one
	// is the problem, named by its field. 3e-6 per token is 3 per 1M.
	for _, tc := range []struct {
		okIn, okOut bool
		problem     string
	}{{true, true, ""}, {false, true, "no in"}, {true, false, "no out"}, {false, false, "no in"}} {
		var r record
		r.inputOutput("in", 3e-6, tc.okIn, "out", 1.5e-5, tc.okOut)
		if r.problem != tc.problem || r.input != 3 || r.output != 15 {
			t.Errorf("ok %v, %v: problem %q, prices %v, %v", tc.okIn, tc.okOut, r.problem, r.input, r.output)
		}
	}
}

// Every importable entry of the fixtures, added to the catalog, prices to
// finite, non-negative costs.
func TestImportedEntriesPrice(t *testing.T) {
	base := importBase(t)
	for _, f := range []struct {
		name string
		imp  func(*plans.Catalog, []byte, ImportOptions) (*ImportResult, error)
	}{{"litellm.json", ImportLiteLLM}, {"openrouter.json", ImportOpenRouter}} {
		opt := importOpts()
		opt.addAll, opt.Force = true, true
		res, err := f.imp(base, fixture(t, f.name), opt)
		if err != nil {
			t.Fatal(err)
		}
		checkImported(t, base, res)
	}
}

// checkImported writes the result as an overlay, loads it and prices a
// workload on every model and plan: each cost finite and not negative.
func checkImported(t testing.TB, base *plans.Catalog, res *ImportResult) {
	t.Helper()
	o := &plans.Overlay{}
	for _, m := range res.Models {
		o.PutModel(m.Model, m.Changes)
	}
	out, err := plans.MarshalOverlay(base, o, "fuzz")
	if err != nil {
		t.Fatalf("an import gave an overlay that cannot be written: %v", err)
	}
	cat, _, err := plans.ApplyOverlay(base, "overlay.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	w := model.Workload{Name: "w", DaysPerMonth: 22, HoursPerDay: 8, People: 1, Language: "ko", Classes: []model.Class{
		{Name: "short", Count: 10, Per: model.PerDay, InputTokens: 500, OutputTokens: 300, Turns: 1, CacheHit: 0.5, Batch: true},
		{Name: "long", Count: 1, Per: model.PerDay, InputTokens: 300000, OutputTokens: 2000, ReasoningTokens: 1000, Turns: 3, FollowupTokens: 100, CacheHit: 0.9},
	}}
	r, err := model.Evaluate(w, &cat.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range r.Quotes {
		if q.Eligible && (math.IsNaN(q.Monthly) || math.IsInf(q.Monthly, 0) || q.Monthly < 0) {
			t.Fatalf("%s costs %v", q.ID, q.Monthly)
		}
	}
	for i := range cat.Models {
		m := &cat.Models[i]
		for j := range w.Classes {
			if c := model.TaskCost(&w.Classes[j], m, 2.8); math.IsNaN(c) || math.IsInf(c, 0) || c < 0 {
				t.Fatalf("%s: a %s task costs %v", m.ID, w.Classes[j].Name, c)
			}
		}
	}
}

// An import into an overlay being rewritten puts there what it adds and
// updates, and nothing it keeps or skips.
func TestImportInto(t *testing.T) {
	base := importBase(t)
	ed, err := plans.EditOverlay(base, "testdata/no-overlay.yaml", "imported") // none: an empty overlay, never written
	if err != nil {
		t.Fatal(err)
	}
	res, err := ImportInto(ed, "litellm", fixture(t, "litellm.json"), importOpts("anthropic"))
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, m := range res.Models {
		want = append(want, m.Model.ID)
	}
	for _, m := range ed.Overlay.Models {
		got = append(got, m.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the overlay holds %v, the import gave %v", got, want)
	}
	for _, k := range res.Kept {
		if slices.Contains(got, k.ID) {
			t.Errorf("%s was kept, yet is in the overlay", k.ID)
		}
	}
	if _, err := ImportInto(ed, "litellm", []byte("[1"), importOpts()); err == nil || len(ed.Overlay.Models) != len(got) {
		t.Errorf("a file that does not read: %v, %d entries", err, len(ed.Overlay.Models))
	}
}
