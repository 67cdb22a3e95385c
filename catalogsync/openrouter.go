package catalogsync

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/plans"
)

// OpenRouter's models API (GET https://openrouter.ai/api/v1/models) answers
// {"data": [model, …]} (reference/peers.md, section 4). What the import
// reads of a model whose only output is text:
//
//	id "author/slug"                       provider (the author: x-ai → xai, mistralai → mistral, …) and id
//	name "Author: Name"                    the name of an added entry
//	pricing.prompt / .completion           input / output (USD per token, as decimal text → per 1M)
//	pricing.input_cache_read / _write      cache_read / cache_write (0 reads as "none")
//	top_provider.context_length            context_window (else context_length)
//	top_provider.max_completion_tokens     max_output
//	expiration_date                        status: retired once passed, legacy before
//
// Variants ("…:free", "…:thinking") are other offers and are skipped, as
// are negative prices ("-1": priced by the route taken, like openrouter/auto).
// The list has no long-context tiers or batch prices.

// openrouterAuthors maps OpenRouter's authors to the catalog's providers.
var openrouterAuthors = map[string]string{
	"anthropic":  "anthropic",
	"openai":     "openai",
	"google":     "google",
	"x-ai":       "xai",
	"mistralai":  "mistral",
	"deepseek":   "deepseek",
	"upstage":    "upstage",
	"moonshotai": "moonshot",
	"z-ai":       "zai",
	"minimax":    "minimax",
	"cohere":     "cohere",
	"meta-llama": "meta",
	"qwen":       "qwen",
}

// ImportOpenRouter reads OpenRouter's models list (data) against the catalog
// cur, as ImportLiteLLM does LiteLLM's file.
func ImportOpenRouter(cur *plans.Catalog, data []byte, opt ImportOptions) (*ImportResult, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(opt.Name, data, err, `a JSON object with a "data" list`)
	}
	if err := duplicateKey(opt.Name, data); err != nil {
		return nil, err
	}
	raw, ok := top["data"]
	if !ok {
		return nil, errorf(opt.Name, 1, 1, "", `no "data" list: this is not an answer of OpenRouter's models API (GET /api/v1/models)`)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil || items == nil {
		return nil, errorf(opt.Name, 1, 1, "data", "expected a list of models, got %s", rawKind(raw))
	}
	var recs []record
	for _, it := range items {
		var e map[string]json.RawMessage
		if json.Unmarshal(it, &e) != nil || e == nil {
			continue
		}
		id, ok, _ := jsonText(e, "id")
		if !ok || id == "" || strings.Contains(id, ":") || !openrouterChat(e) {
			continue
		}
		recs = append(recs, openrouterRecord(id, e))
	}
	return importRecords(cur, "openrouter", len(items), recs, opt)
}

// openrouterChat reports whether a model answers in text only. A model
// that does not say is taken as one.
func openrouterChat(e map[string]json.RawMessage) bool {
	var arch struct {
		Modality string   `json:"modality"`
		Outputs  []string `json:"output_modalities"`
	}
	raw, ok := e["architecture"]
	if !ok || json.Unmarshal(raw, &arch) != nil {
		return true
	}
	if len(arch.Outputs) > 0 {
		return len(arch.Outputs) == 1 && arch.Outputs[0] == "text"
	}
	if _, out, ok := strings.Cut(arch.Modality, "->"); ok {
		return out == "text"
	}
	return true
}

func openrouterRecord(id string, e map[string]json.RawMessage) record {
	author, slug, ok := strings.Cut(id, "/")
	if !ok {
		author, slug = "", id
	}
	r, _ := newRecord("openrouter", id, slug, author, openrouterAuthors)
	r.maker = true // OpenRouter's ids name the model's maker
	if name, ok, _ := jsonText(e, "name"); ok {
		if _, after, ok := strings.Cut(name, ": "); ok {
			name = after
		}
		r.name = cleanText(name, 80)
	}

	var pricing map[string]json.RawMessage
	if raw, ok := e["pricing"]; !ok || isNullJSON(raw) {
		r.fail("no pricing")
	} else if json.Unmarshal(raw, &pricing) != nil {
		r.fail("pricing: expected an object, got %s", rawKind(raw))
	}
	in, okIn := r.decimal(pricing, "prompt")
	out, okOut := r.decimal(pricing, "completion")
	if okIn && okOut && (in < 0 || out < 0) {
		r.fail("a negative price (%s, %s): priced by the route taken", fmtG(in), fmtG(out))
	}
	r.inputOutput("pricing.prompt", in, okIn, "pricing.completion", out, okOut)
	v, ok := r.decimal(pricing, "input_cache_read")
	r.cacheRead = r.optPrice("pricing.input_cache_read", v, ok)
	v, ok = r.decimal(pricing, "input_cache_write")
	r.cacheWrite = r.optPrice("pricing.input_cache_write", v, ok)

	var top map[string]json.RawMessage
	if raw, ok := e["top_provider"]; ok && !isNullJSON(raw) {
		if json.Unmarshal(raw, &top) != nil {
			r.fail("top_provider: expected an object, got %s", rawKind(raw))
		}
	}
	if v, ok := r.jsonNumber(top, "context_length"); ok {
		r.context = r.tokens("top_provider.context_length", v)
	} else if v, ok := r.jsonNumber(e, "context_length"); ok {
		r.context = r.tokens("context_length", v)
	}
	if v, ok := r.jsonNumber(top, "max_completion_tokens"); ok {
		r.maxOut = r.tokens("top_provider.max_completion_tokens", v)
	}
	if d, ok, _ := jsonText(e, "expiration_date"); ok && plans.IsDate(d) {
		r.retires = d
	}
	return r
}

// decimalRE is a plain decimal number, as OpenRouter writes its prices.
var decimalRE = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// decimal reads a price OpenRouter writes as decimal text ("0.000003");
// a JSON number is taken too.
func (r *record) decimal(m map[string]json.RawMessage, field string) (float64, bool) {
	raw, ok := m[field]
	if !ok || isNullJSON(raw) {
		return 0, false
	}
	if rawKind(raw) == "a number" {
		return r.jsonNumber(m, field)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		r.fail("pricing.%s: expected a price, got %s", field, rawKind(raw))
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !decimalRE.MatchString(strings.TrimSpace(s)) {
		r.fail("pricing.%s: %q is not a price", field, cleanText(s, 30))
		return 0, false
	}
	return v, true
}
