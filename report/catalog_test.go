package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/catalogsync"
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
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
