package tokencount

import (
	"cmp"
	"slices"

	"github.com/tokenomics/tokenomics/model"
)

// Estimate is a text's token count under one tokenizer family.
type Estimate struct {
	Tokenizer   string
	Tokens      float64
	Measured    bool    // counted exactly (o200k, cl100k) rather than estimated
	Factor      float64 // the catalog's factor for the language; 1 when unknown
	FactorKnown bool
}

// EnglishEquivalent is the text's size in English-equivalent tokens, the unit
// of a workload: the o200k_base count divided by the catalog's o200k factor
// for lang (or the cl100k_base count by cl100k's, when only that one is
// known). basis names the family used; ok is false when neither factor is
// known for a language other than English, and the o200k count is then taken
// as it is.
func EnglishEquivalent(st *Stats, lang string, cat *model.Catalog) (tokens float64, basis string, ok bool) {
	for _, fam := range []string{O200k, Cl100k} {
		f, known := cat.Factor(fam, lang)
		if known {
			n, _ := st.Tokens(fam)
			return float64(n) / f, fam, true
		}
	}
	return float64(st.O200k), O200k, false
}

// Families lists the catalog's tokenizer families: the two counted exactly
// first, then the others by name (those of the tokenizers table and those
// models name without a table entry).
func Families(cat *model.Catalog) []string {
	seen := map[string]bool{O200k: true, Cl100k: true}
	var rest []string
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			rest = append(rest, f)
		}
	}
	for f := range cat.Tokenizers {
		add(f)
	}
	for i := range cat.Models {
		add(cat.Models[i].Tokenizer)
	}
	slices.Sort(rest)
	return append([]string{O200k, Cl100k}, rest...)
}

// Estimates gives the text's tokens under every tokenizer family of the
// catalog: exact counts for o200k and cl100k, and for the others the
// English-equivalent size (see EnglishEquivalent) times the family's factor
// for lang. An unknown factor is the catalog's estimate (the median of the
// language's factors, see model.Catalog.Lambda) and is reported (FactorKnown).
func Estimates(st *Stats, lang string, cat *model.Catalog) []Estimate {
	en, _, _ := EnglishEquivalent(st, lang, cat)
	var out []Estimate
	for _, fam := range Families(cat) {
		f, known := cat.Factor(fam, lang)
		e := Estimate{Tokenizer: fam, Factor: f, FactorKnown: known}
		if n, ok := st.Tokens(fam); ok {
			e.Tokens, e.Measured = float64(n), true
		} else {
			e.Tokens = en * f
		}
		out = append(out, e)
	}
	return out
}

// DocCost is the price of one document as the input of one request.
type DocCost struct {
	Model       *model.APIModel
	Tokens      float64 // input tokens on the model's tokenizer
	Factor      float64 // the language factor applied
	FactorKnown bool
	Cost        float64 // USD, from model.TaskCost
	FitsContext bool    // the document fits the model's context window
}

// InputCosts prices a document of en English-equivalent tokens in language
// lang as the input of one request with no output, on each model of ids, with
// the engine's own rule (model.TaskCost: language factor, long-context rates).
// Unknown ids are returned in missing.
func InputCosts(cat *model.Catalog, en float64, lang string, ids []string) (costs []DocCost, missing []string) {
	class := model.NewClass("document")
	class.Count, class.Per = 1, model.PerMonth
	class.InputTokens = en
	for _, id := range ids {
		m, ok := cat.Model(id)
		if !ok {
			missing = append(missing, id)
			continue
		}
		f, known := cat.Factor(m.Tokenizer, lang)
		tokens := f * en
		costs = append(costs, DocCost{
			Model:       m,
			Tokens:      tokens,
			Factor:      f,
			FactorKnown: known,
			Cost:        model.TaskCost(&class, m, f),
			FitsContext: m.ContextWindow <= 0 || tokens <= m.ContextWindow,
		})
	}
	return costs, missing
}

// DefaultModels picks a few models to price a document on: for each provider,
// in catalog order, its active model (status "active", or none given) with
// the lowest input price and the one with the highest.
func DefaultModels(cat *model.Catalog) []string {
	type pick struct{ lo, hi *model.APIModel }
	var order []string
	picks := map[string]*pick{}
	for i := range cat.Models {
		m := &cat.Models[i]
		if m.Status != "active" && m.Status != "" {
			continue
		}
		p := picks[m.Provider]
		if p == nil {
			p = &pick{m, m}
			picks[m.Provider] = p
			order = append(order, m.Provider)
			continue
		}
		if m.Input < p.lo.Input {
			p.lo = m
		}
		if m.Input > p.hi.Input {
			p.hi = m
		}
	}
	var ids []string
	for _, prov := range order {
		p := picks[prov]
		ids = append(ids, p.lo.ID)
		if p.hi != p.lo {
			ids = append(ids, p.hi.ID)
		}
	}
	return ids
}

// AllModels lists every model that can still be bought, cheapest input first.
func AllModels(cat *model.Catalog) []string {
	var ms []*model.APIModel
	for i := range cat.Models {
		if cat.Models[i].Usable() {
			ms = append(ms, &cat.Models[i])
		}
	}
	slices.SortStableFunc(ms, func(a, b *model.APIModel) int { return cmp.Compare(a.Input, b.Input) })
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}
