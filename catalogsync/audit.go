package catalogsync

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// A maintainer's monthly refresh (plans/CATALOG_NOTES.md) starts from an
// audit: where the catalog disagrees, entry by entry, with the price files
// of LiteLLM and OpenRouter, and which entries nobody has checked for more
// than plans.StaleDays. The audit changes nothing; the maintainer checks each
// disagreement against the vendor's own page before editing the catalog.

// PriceFile is one price file given to an audit.
type PriceFile struct {
	Name string // the file name, for errors and the report
	Data []byte
	AsOf string // the date of its prices, YYYY-MM-DD
}

// Disagreement is one figure of a catalog entry that a price file gives
// otherwise: A is the catalog's, B the file's.
type Disagreement struct {
	File string // the price file's name
	Key  string // the entry's key in the file
	Difference
}

// Stale is an offered entry last checked more than plans.StaleDays before
// the audit's day, or never dated.
type Stale struct {
	Kind, ID, Name string
	AsOf           string // "" when undated
	Days           int    // how old, -1 when undated
}

// AuditResult is what an audit found.
type AuditResult struct {
	Today         string
	Disagreements []Disagreement // in the catalog's order of entries, then by file
	Missing       map[string][]string
	// Unusable are the files' entries for catalog models that cannot be
	// read (Skip.Problem), by file: neither agreeing nor disagreeing, and
	// not missing either.
	Unusable map[string][]Skip
	Stale    []Stale
	Offered  int // API models offered today and plans: what Stale is a share of
}

// DetectFormat tells a price file's format by its shape: OpenRouter's models
// API answers an object with a "data" list; LiteLLM's file is an object of
// model entries. "" when it is neither.
func DetectFormat(data []byte) string {
	f, _ := formatOf("", data, "")
	return f
}

// formatOf is DetectFormat, and when data is no JSON object a *plans.Error
// of name at the place it is not (file:1:1 for an empty file): what says
// what was expected.
func formatOf(name string, data []byte, what string) (string, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return "", jsonError(name, data, err, what)
	}
	if top == nil {
		return "", nullError(name, data, what)
	}
	if raw, ok := top["data"]; ok && bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) {
		return "openrouter", nil
	}
	return "litellm", nil
}

// Audit compares cur, with its dated changes due by today applied, with
// each price file, and lists its stale entries. A file that cannot be read
// as either format is an error naming it.
func Audit(cur *plans.Catalog, files []PriceFile, today string) (*AuditResult, error) {
	res := &AuditResult{Today: today, Missing: map[string][]string{}, Unusable: map[string][]Skip{}}
	byID := map[string][]Disagreement{}
	for _, f := range files {
		opt := ImportOptions{Name: f.Name, Source: f.Name, AsOf: f.AsOf, Today: today, Force: true}
		var ir *ImportResult
		var err error
		if DetectFormat(f.Data) == "openrouter" {
			ir, err = ImportOpenRouter(cur, f.Data, opt)
		} else {
			ir, err = ImportLiteLLM(cur, f.Data, opt)
		}
		if err != nil {
			return nil, err
		}
		for _, im := range ir.Models {
			if im.Was == nil {
				continue
			}
			for _, d := range DiffModel(im.Was, &im.Model) {
				byID[im.Model.ID] = append(byID[im.Model.ID], Disagreement{File: f.Name, Key: im.Key, Difference: d})
			}
		}
		for _, sk := range ir.Skipped {
			if sk.Why == SkipProblem {
				res.Unusable[f.Name] = append(res.Unusable[f.Name], sk)
			}
		}
		for _, id := range ir.Missing {
			if m, ok := cur.Model(id); ok && cur.Offered(m) {
				res.Missing[f.Name] = append(res.Missing[f.Name], id)
			}
		}
	}
	for _, m := range cur.Models {
		res.Disagreements = append(res.Disagreements, byID[m.ID]...)
	}
	if _, err := time.Parse(time.DateOnly, today); err != nil {
		return res, nil
	}
	stale := func(kind, id, name, asOf string) {
		res.Offered++
		switch days, ok := model.DaysFrom(asOf, today); {
		case !ok:
			res.Stale = append(res.Stale, Stale{kind, id, name, "", -1})
		case days > plans.StaleDays:
			res.Stale = append(res.Stale, Stale{kind, id, name, asOf, days})
		}
	}
	for i := range cur.Models {
		if m := &cur.Models[i]; cur.Offered(m) {
			stale("api", m.ID, m.Name, m.AsOf)
		}
	}
	for _, p := range cur.Plans {
		stale("subscription", p.ID, p.Name, p.AsOf)
	}
	slices.SortStableFunc(res.Stale, func(a, b Stale) int { return strings.Compare(a.AsOf, b.AsOf) })
	return res, nil
}
