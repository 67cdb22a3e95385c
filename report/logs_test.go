package report

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/usage"
)

// logsCatalog is the made-up catalog of the logs' goldens.
func logsCatalog(t *testing.T) *plans.Catalog {
	t.Helper()
	cat, err := plans.LoadCatalog(filepath.Join("testdata", "logs-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// The import table and JSON, whole, of the fixture logs read as `tokenomics
// import` reads them (days in UTC) on the made-up catalog: the models,
// the notes, the derived workload and its check. A model the catalog does
// not have (Codex's gpt-5.1-codex-max) is "unknown". go test -run
// TestImportGolden -update rewrites them.
//
// The costs, by hand, at the made-up prices (USD per 1M tokens):
// claude.golden, Sonnet 4.5 (3 in, 15 out, 0.3 cache read, 3.75 cache
// write): 19×3 + 180×15 + 1,500×0.3 + 2,000×3.75 = 10,707 → $0.011; Opus
// 4.1 has no cache prices, so its cache reads go at the input rate and its
// writes at 1.25× it: 1×15 + 40×75 + 2,000×15 + 100×18.75 = 34,890 →
// $0.035. codex-krw.golden, GPT-5 Codex (1 in, 8 out and reasoning, 0.1
// cache read): 1,500×1 + 150×8 + 100×8 + 2,000×0.1 = 3,700 → $0.0037 ×
// 1,400 = ₩5.2.
func TestImportGolden(t *testing.T) {
	cat := logsCatalog(t)
	krw, err := cat.Rate("KRW")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		src   usage.Source
		path  string
		since string
		cur   money.Currency
		saved string
	}{
		{"claude", usage.ClaudeCode, "claude", "", money.USD, "my-work.yaml"},
		{"codex-krw", usage.Codex, "codex", "", money.New("KRW", krw), ""},
		{"nothing-kept", usage.ClaudeCode, "claude", "2030-01-01", money.USD, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := usage.Load(tc.src, usage.Options{Paths: []string{filepath.Join("..", "usage", "testdata", tc.path)},
				Location: time.UTC, Since: tc.since})
			if err != nil {
				t.Fatal(err)
			}
			im := &Import{Log: l, Summary: l.Summarize(&cat.Catalog), CatalogAsOf: cat.AsOf, Currency: tc.cur,
				CatalogNotes: []string{"a note of the catalog"}, Saved: tc.saved}
			if d, err := l.Derive(&cat.Catalog, usage.DefaultRule); err == nil {
				im.Derived = &d
			}
			var js bytes.Buffer
			if err := ImportJSON(&js, im, nil, nil); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, ImportTable(im, false)+"\n---- JSON\n"+js.String())
		})
	}
}
