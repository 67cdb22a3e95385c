package catalogsync

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// LiteLLM's model_prices_and_context_window.json maps a model key to an
// entry (reference/peers.md, section 2). What the import reads of a chat
// entry (mode "chat" or "responses", the Responses-API-only models such as
// gpt-5.3-codex; sample_spec, the file's own documentation, is skipped and
// not counted as an entry):
//
//	litellm_provider                  provider (anthropic, openai, gemini → google, …)
//	input_cost_per_token              input (USD per token → per 1M)
//	output_cost_per_token             output
//	cache_read_input_token_cost       cache_read (else input_cost_per_token_cache_hit)
//	cache_creation_input_token_cost   cache_write (0 reads as "none")
//	cache_creation_input_token_cost_above_1hr
//	                                  cache_write_1h (a 1-hour cache write)
//	*_above_<N>k_tokens               long_context with threshold N·1000 (the lowest
//	                                  tier given; a price it leaves out is the base one)
//	*_batches                         batch_discount, when input and output say the same
//	max_input_tokens                  context_window
//	max_output_tokens                 max_output
//	deprecation_date                  status: retired once passed, legacy before
//	source                            cited in the note

// litellmProviders maps LiteLLM's first-party provider names to the
// catalog's. Others keep their own name (made an id).
var litellmProviders = map[string]string{
	"anthropic": "anthropic",
	"openai":    "openai",
	"gemini":    "google",
	"deepseek":  "deepseek",
	"mistral":   "mistral",
	"xai":       "xai",
	"upstage":   "upstage",
	"moonshot":  "moonshot",
	"minimax":   "minimax",
	"zai":       "zai",
	"cohere":    "cohere",
	"ai21":      "ai21",
}

// longRE matches a long-context price key: the base price's name, then the
// threshold in thousands or millions of tokens.
var longRE = regexp.MustCompile(`^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost|cache_creation_input_token_cost_above_1hr)_above_([0-9]{1,7})(k|m)_tokens$`)

// ImportLiteLLM reads LiteLLM's price file (data) against the catalog cur:
// see importRecords for what is matched, updated and added. Errors in the
// file as a whole (not JSON, not this file) are *Error at their place;
// entries that cannot be used are listed in the result, not fatal.
func ImportLiteLLM(cur *plans.Catalog, data []byte, opt ImportOptions) (*ImportResult, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(opt.Name, data, err, "a JSON object of model entries")
	}
	if top == nil {
		return nil, nullError(opt.Name, data, "a JSON object of model entries")
	}
	if err := duplicateKey(opt.Name, data); err != nil {
		return nil, err
	}
	keys := slices.Sorted(maps.Keys(top))
	withProvider := 0
	var recs []record
	for _, key := range keys {
		if key == "sample_spec" {
			continue
		}
		var e map[string]json.RawMessage
		if json.Unmarshal(top[key], &e) != nil || e == nil {
			continue // not an entry at all: nothing to tell its provider by
		}
		prov, ok, _ := jsonText(e, "litellm_provider")
		if !ok || prov == "" {
			continue
		}
		withProvider++
		if mode, _, _ := jsonText(e, "mode"); mode != "chat" && mode != "responses" {
			continue
		}
		recs = append(recs, litellmRecord(key, prov, e))
	}
	if withProvider == 0 {
		return nil, errorf(opt.Name, 1, 1, "", "no entry has a litellm_provider: this is not LiteLLM's model_prices_and_context_window.json")
	}
	return importRecords(cur, "litellm", withProvider, recs, opt)
}

func litellmRecord(key, prov string, e map[string]json.RawMessage) record {
	r, known := newRecord("litellm", key, strings.TrimPrefix(key, prov+"/"), prov, litellmProviders)
	r.maker = known // LiteLLM's provider may be a reseller
	r.name = r.id

	in, okIn := r.jsonNumber(e, "input_cost_per_token")
	out, okOut := r.jsonNumber(e, "output_cost_per_token")
	r.inputOutput("input_cost_per_token", in, okIn, "output_cost_per_token", out, okOut)

	if v, ok := r.jsonNumber(e, "cache_read_input_token_cost"); ok {
		r.cacheRead = r.optPrice("cache_read_input_token_cost", v, ok)
	} else {
		v, ok := r.jsonNumber(e, "input_cost_per_token_cache_hit")
		r.cacheRead = r.optPrice("input_cost_per_token_cache_hit", v, ok)
	}
	v, ok := r.jsonNumber(e, "cache_creation_input_token_cost")
	r.cacheWrite = r.optPrice("cache_creation_input_token_cost", v, ok)
	v, ok = r.jsonNumber(e, "cache_creation_input_token_cost_above_1hr")
	r.cacheWrite1h = r.optPrice("cache_creation_input_token_cost_above_1hr", v, ok)

	r.long = r.litellmLong(e)

	bi, okBI := r.jsonNumber(e, "input_cost_per_token_batches")
	bo, okBO := r.jsonNumber(e, "output_cost_per_token_batches")
	if okBI && okBO {
		r.batch = batchDiscount(r.input, r.output, r.price("input_cost_per_token_batches", bi), r.price("output_cost_per_token_batches", bo))
	}

	if v, ok := r.jsonNumber(e, "max_input_tokens"); ok {
		r.context = r.tokens("max_input_tokens", v)
	}
	if v, ok := r.jsonNumber(e, "max_output_tokens"); ok {
		r.maxOut = r.tokens("max_output_tokens", v)
	}
	if d, ok, _ := jsonText(e, "deprecation_date"); ok && plans.IsDate(d) {
		r.retires = d
	}
	if s, ok, _ := jsonText(e, "source"); ok {
		r.cite = cleanText(s, 200)
	}
	return r
}

// litellmLong reads the lowest long-context tier that prices input or
// output; a price it leaves out is the base price, as LiteLLM bills it.
func (r *record) litellmLong(e map[string]json.RawMessage) *model.LongContext {
	tiers := map[float64]map[string]float64{} // threshold → base field → price per 1M
	for k := range e {
		m := longRE.FindStringSubmatch(k)
		if m == nil {
			continue
		}
		v, ok := r.jsonNumber(e, k)
		if !ok {
			continue
		}
		n, _ := strconv.ParseFloat(m[2], 64)
		if m[3] == "k" {
			n *= 1000
		} else {
			n *= 1e6
		}
		if tiers[n] == nil {
			tiers[n] = map[string]float64{}
		}
		tiers[n][m[1]] = r.price(k, v)
	}
	for _, th := range slices.Sorted(maps.Keys(tiers)) {
		t := tiers[th]
		in, okIn := t["input_cost_per_token"]
		out, okOut := t["output_cost_per_token"]
		if !okIn && !okOut {
			continue
		}
		if r.tokens("long-context threshold", th) == 0 {
			return nil
		}
		lc := &model.LongContext{Threshold: th, Rates: r.rates()}
		if okIn {
			lc.Input = in
		}
		if okOut {
			lc.Output = out
		}
		if v, ok := t["cache_read_input_token_cost"]; ok && v > 0 {
			lc.CacheRead = &v
		}
		if v, ok := t["cache_creation_input_token_cost"]; ok && v > 0 {
			lc.CacheWrite = &v
		}
		if v, ok := t["cache_creation_input_token_cost_above_1hr"]; ok && v > 0 {
			lc.CacheWrite1h = &v
		}
		return lc
	}
	return nil
}
