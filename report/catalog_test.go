package report

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/plans"
)

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
		{"import", CatalogImport(res, "prices.json", "2026-11-25", "the file name")},
	} {
		t.Run(tc.name, func(t *testing.T) { golden.RequireEqual(t, tc.out) })
	}
}
