package catalogsync

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAudit(t *testing.T) {
	cat := loadCatalog(t, "testdata/audit-catalog.yaml")
	cat.ApplyChanges("2026-12-05")
	var files []PriceFile
	for _, name := range []string{"audit-litellm-2026-12-01.json", "audit-openrouter-2026-12-01.json"} {
		files = append(files, PriceFile{Name: "testdata/" + name, Data: fixture(t, name), AsOf: "2026-12-01"})
	}
	res, err := Audit(cat, files, "2026-12-05")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Disagreements {
		got = append(got, fmt.Sprintf("%s %s %s→%s %s", d.ID, d.Field, show(d.A), show(d.B), d.File))
	}
	want := []string{
		// LiteLLM: output $5 per 1M (5e-6 per token) against 4
		"gpt-a output 4→5 testdata/audit-litellm-2026-12-01.json",
		// LiteLLM dates claude-b's deprecation 2026-12-20, after today: legacy
		"claude-b status active→legacy testdata/audit-litellm-2026-12-01.json",
		// OpenRouter: prompt 0.0000035 per token = $3.5 per 1M against 3
		"claude-b input 3→3.5 testdata/audit-openrouter-2026-12-01.json",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("disagreements\n%q\nwant\n%q", got, want)
	}
	// claude-old retired on 2026-10-01: neither missing nor stale; gemini-c
	// is in neither file, gpt-a not in OpenRouter's.
	wantMissing := map[string][]string{
		"testdata/audit-litellm-2026-12-01.json":    {"gemini-c"},
		"testdata/audit-openrouter-2026-12-01.json": {"gemini-c", "gpt-a"},
	}
	if !reflect.DeepEqual(res.Missing, wantMissing) {
		t.Errorf("missing %q, want %q", res.Missing, wantMissing)
	}
	// Offered: gpt-a, claude-b, gemini-c and both plans = 5. Stale, oldest
	// first: plan-q undated; plan-p of 2026-06-01 (30 − 1 + 31 + 31 + 30 +
	// 31 + 30 + 5 = 187 days); claude-b of 2026-08-01 (31 + 30 + 31 + 30 +
	// 4 = 126 days). gpt-a (5 days) and gemini-c (4) are fresh.
	wantStale := []Stale{
		{"subscription", "plan-q", "Plan Q", "", -1},
		{"subscription", "plan-p", "Plan P", "2026-06-01", 187},
		{"api", "claude-b", "Claude B", "2026-08-01", 126},
	}
	if !reflect.DeepEqual(res.Stale, wantStale) || res.Offered != 5 {
		t.Errorf("stale %+v of %d, want %+v of 5", res.Stale, res.Offered, wantStale)
	}
	if len(res.Unusable) != 0 {
		t.Errorf("unusable %+v in files that read", res.Unusable)
	}
}

// A file's entry for a catalog model that does not read (a negative
// price) is said as unusable: not a silent agreement, not missing.
func TestAuditUnusable(t *testing.T) {
	cat := loadCatalog(t, "testdata/audit-catalog.yaml")
	cat.ApplyChanges("2026-12-05")
	bad := PriceFile{Name: "bad.json", AsOf: "2026-12-01", Data: []byte(`{"gpt-a": {"litellm_provider": "openai", "mode": "chat",
  "input_cost_per_token": -1e-6, "output_cost_per_token": 5e-6, "max_input_tokens": 128000}}`)}
	res, err := Audit(cat, []PriceFile{bad}, "2026-12-05")
	if err != nil {
		t.Fatal(err)
	}
	sks := res.Unusable["bad.json"]
	if len(sks) != 1 || sks[0].ID != "gpt-a" || sks[0].Key != "gpt-a" || !strings.Contains(sks[0].Problem, "input_cost_per_token") {
		t.Errorf("unusable %+v", res.Unusable)
	}
	if len(res.Disagreements) != 0 || slices.Contains(res.Missing["bad.json"], "gpt-a") {
		t.Errorf("disagreements %+v, missing %q", res.Disagreements, res.Missing)
	}
}

func TestDetectFormat(t *testing.T) {
	for in, want := range map[string]string{
		`{"data": [{"id": "a/b"}]}`:                 "openrouter",
		`{"gpt-a": {"litellm_provider": "openai"}}`: "litellm",
		`{"data": {"litellm_provider": "x"}}`:       "litellm", // a LiteLLM entry named data
		`[1, 2]`:                                    "",
		`null`:                                      "",
		`not json`:                                  "",
	} {
		if got := DetectFormat([]byte(in)); got != want {
			t.Errorf("DetectFormat(%s) = %q, want %q", in, got, want)
		}
	}
}
