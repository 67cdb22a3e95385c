package ui

import (
	"strings"
	"testing"
)

func TestReadableSource(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"LIT gpt-5-nano", "LiteLLM price file (entry gpt-5-nano)"},
		{"LIT claude-opus-5 agrees", "LiteLLM price file (entry claude-opus-5) agrees"},
		{"https://openrouter.ai/upstage/solar-pro-3 (OpenRouter listing); conflict: github:anomalyco/models.dev@f3fc6922",
			"openrouter.ai/upstage/solar-pro-3 (OpenRouter listing); disagreeing: GitHub anomalyco/models.dev"},
		{"https://www.example.com/pricing/?tab=api", "example.com/pricing"},
		{"github:kurofune/claudit v1.9.2", "GitHub kurofune/claudit v1.9.2"},
		{"OAI-M", "OpenAI models page (archived)"},
		{"test", "test"},
		{"", ""},
	} {
		if got := readableSource(tc.in); got != tc.want {
			t.Errorf("readableSource(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The detail view gives every model's rates as the catalog has them: the
// test catalog's Alpha Mid is input 1, output 4, cache read 0.1, batch 0.5
// and no cache write or long-context tier.
func TestDetailShowsRates(t *testing.T) {
	m := newSized(t, 200, 60)
	am, ok := m.catalog.Model("alpha-mid")
	if !ok {
		t.Fatal("no alpha-mid in the test catalog")
	}
	got := ratesLine(&m.shared, am)
	want := "Alpha Mid: in $1.00 · out $4.00 · cache read $0.10 · batch 50% off"
	if got != want {
		t.Errorf("ratesLine = %q, want %q", got, want)
	}
	// Every model an option runs on has its line in that option's detail.
	for i := range m.res.Quotes {
		q := &m.res.Quotes[i]
		lines := strings.Join(detailLines(&m.shared, q, 400), "\n")
		for _, s := range q.Sources {
			if mm, ok := m.catalog.Model(s.ID); ok && !strings.Contains(lines, ratesLine(&m.shared, mm)) {
				t.Errorf("%s: the detail lacks the rates of %s", q.Name, mm.Name)
			}
		}
	}
}
