package tokencount

import (
	"math"
	"slices"
	"strings"

	"github.com/tokenomics/tokenomics/model"
)

// Document is one counted input (or the total of several), its language
// settled, with its estimates and costs.
type Document struct {
	Name       string
	Stats      Stats
	Lang       string // the language used
	LangSource string // "flag", "detected" or "default" (nothing detected: taken as en)
	Detection  Detection
	English    float64 // English-equivalent tokens
	Basis      string  // the tokenizer family English was derived from
	BasisOK    bool    // the basis factor is known
	Pages      float64 // in the language's pages (English ones when it has none)
	PagesOwn   bool    // the language has its own page size
	Estimates  []Estimate
	Costs      []DocCost
	Total      bool     // the sum of several inputs
	Langs      []string // a total's languages
}

// Price settles the language (lang when given, else the one detected, else
// English) and derives the estimates and the cost on the models ids. Every
// price comes from the engine (InputCosts → model.TaskCost).
func (r *Document) Price(cat *model.Catalog, lang string, ids []string) {
	r.Detection = r.Stats.Detect()
	switch {
	case lang != "":
		r.Lang, r.LangSource = lang, "flag"
	case r.Detection.Lang != "":
		r.Lang, r.LangSource = r.Detection.Lang, "detected"
	default:
		r.Lang, r.LangSource = "en", "default"
	}
	u, own := UnitsFor(r.Lang)
	r.Pages, r.PagesOwn = float64(r.Stats.Words)/u.WordsPerPage, own
	r.English, r.Basis, r.BasisOK = EnglishEquivalent(&r.Stats, r.Lang, cat)
	r.Estimates = Estimates(&r.Stats, r.Lang, cat)
	r.Costs, _ = InputCosts(cat, r.English, r.Lang, ids)
}

// Sum sums the text inputs: counts, tokens per tokenizer and costs
// (each document as the input of its own request), each input with its own
// language. The language is theirs when they share one, else "mixed".
func Sum(results []*Document, total Stats) *Document {
	tot := &Document{Name: "total", Stats: total, Detection: total.Detect(), Basis: O200k, BasisOK: true, PagesOwn: true, Total: true}
	for _, r := range results {
		if r.Stats.Binary {
			continue
		}
		switch tot.Lang {
		case "":
			tot.Lang, tot.LangSource = r.Lang, r.LangSource
		case r.Lang:
		default:
			tot.Lang, tot.LangSource = "mixed", "inputs"
		}
		if !slices.Contains(tot.Langs, r.Lang) {
			tot.Langs = append(tot.Langs, r.Lang)
		}
		tot.Pages += r.Pages
		tot.PagesOwn = tot.PagesOwn && r.PagesOwn
		tot.English += r.English
		tot.BasisOK = tot.BasisOK && r.BasisOK
		if tot.Estimates == nil {
			tot.Estimates = slices.Clone(r.Estimates)
			tot.Costs = slices.Clone(r.Costs)
			continue
		}
		for i, e := range r.Estimates {
			t := &tot.Estimates[i]
			t.Tokens += e.Tokens
			t.FactorKnown = t.FactorKnown && e.FactorKnown
			if t.Factor != e.Factor {
				t.Factor = math.NaN()
			}
		}
		for i, c := range r.Costs {
			t := &tot.Costs[i]
			t.Tokens += c.Tokens
			t.Cost += c.Cost
			t.FactorKnown = t.FactorKnown && c.FactorKnown
			t.FitsContext = t.FitsContext && c.FitsContext
			if t.Factor != c.Factor {
				t.Factor = math.NaN()
			}
		}
	}
	return tot
}

// CatalogLanguages lists the languages a text may be read in: those with units, then any
// other the catalog has a factor for.
func CatalogLanguages(cat *model.Catalog) []string {
	langs := slices.Clone(Languages())
	var more []string
	for _, m := range cat.Tokenizers {
		for l := range m {
			if !slices.Contains(langs, l) && !slices.Contains(more, l) {
				more = append(more, l)
			}
		}
	}
	slices.Sort(more)
	return append(langs, more...)
}

// ModelIDs resolves the models a document is priced on from --model values
// (repeatable or comma-separated): none gives a few per provider, "all"
// (alone or among ids) every model that can still be bought and the ids
// named besides; an id given twice is priced once. unknown is the first id
// the catalog does not have.
func ModelIDs(cat *model.Catalog, flags []string) (ids []string, unknown string) {
	all, seen := false, map[string]bool{}
	for _, f := range flags {
		for id := range strings.SplitSeq(f, ",") {
			id = strings.TrimSpace(id)
			switch {
			case id == "all":
				all = true
			case id != "" && !seen[id]:
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, id := range ids {
		if _, ok := cat.Model(id); !ok {
			return nil, id
		}
	}
	switch {
	case all:
		every := AllModels(cat)
		for _, id := range ids { // known and distinct: at most the catalog's models
			if !slices.Contains(every, id) {
				every = append(every, id)
			}
		}
		return every, ""
	case len(ids) == 0:
		return DefaultModels(cat), ""
	}
	return ids, ""
}
