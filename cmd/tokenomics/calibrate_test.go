package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const (
	calibrateCodex  = "../../calibrate/testdata/codex"
	calibrateClaude = "../../calibrate/testdata/claude"
)

type calibrateOut struct {
	Plan   *string `json:"plan"`
	Limits []struct {
		WindowHours float64 `json:"window_hours"`
		USD         float64 `json:"usd"`
		Low, High   float64
		Windows     int      `json:"windows"`
		Method      string   `json:"method"`
		Catalog     *float64 `json:"catalog_usd"`
	} `json:"limits"`
	Heaviest *struct {
		WindowHours float64 `json:"window_hours"`
		USD         float64 `json:"usd"`
		Text        string  `json:"text"`
	} `json:"heaviest"`
	Notes []string `json:"notes"`
}

func calibrateJSONRun(t *testing.T, args ...string) calibrateOut {
	t.Helper()
	out := mustRun(t, append(append([]string{"calibrate"}, args...), "--format", "json")...)
	var o calibrateOut
	decodeJSON(t, out, &o)
	return o
}

// The fixtures were made from a Plus account holding $20 per 5 hours and
// $80 a week in Codex, and a Claude account holding $18 per 5 hours and $70
// a week (calibrate.TestWriteFixtures); calibrate finds them within 5%, the
// plan from Codex's plan_type, and the catalog's figure beside each.
func TestCalibrateFixtures(t *testing.T) {
	isolate(t)
	t.Setenv("TZ", "Europe/Paris")
	for _, tc := range []struct {
		args    []string
		plan    string
		want    map[float64]float64
		catalog map[float64]float64
	}{
		{[]string{"codex", calibrateCodex}, "chatgpt-plus", map[float64]float64{5: 20, 168: 80}, map[float64]float64{5: 20, 168: 81.864}},
		{[]string{"claude-code", calibrateClaude, "--plan", "claude-pro", "-z", "Europe/Paris"}, "claude-pro", map[float64]float64{5: 18, 168: 70}, map[float64]float64{5: 18, 168: 95.94}},
	} {
		o := calibrateJSONRun(t, tc.args...)
		if o.Plan == nil || *o.Plan != tc.plan || len(o.Limits) != 2 {
			t.Fatalf("%v: plan %v, limits %+v", tc.args, o.Plan, o.Limits)
		}
		for _, l := range o.Limits {
			if w := tc.want[l.WindowHours]; l.USD < w*0.95 || l.USD > w*1.05 {
				t.Errorf("%v: %v h measured $%.2f, made from $%.2f", tc.args, l.WindowHours, l.USD, w)
			}
			if l.Catalog == nil || *l.Catalog != tc.catalog[l.WindowHours] {
				t.Errorf("%v: %v h catalog %v, want %v", tc.args, l.WindowHours, l.Catalog, tc.catalog[l.WindowHours])
			}
		}
	}
}

// --save writes the limits into the overlay; compare then prices the plan
// on them, plans --check lists them, and the plans built on the plan with
// limits_like follow. A second save keeps the first as the backup.
func TestCalibrateSave(t *testing.T) {
	home := isolate(t)
	before := proQuote(t)
	out := mustRun(t, "calibrate", "claude-code", calibrateClaude, "--plan", "claude-pro", "-z", "Europe/Paris", "--save")
	path := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	if !strings.Contains(out, "Wrote the measured limits of claude-pro into "+path) {
		t.Fatalf("output:\n%s", out)
	}
	data := string(readFile(t, path))
	for _, want := range []string{"id: claude-pro", "confidence: measured", "median of 3 windows (limit reached)"} {
		if !strings.Contains(data, want) {
			t.Errorf("overlay lacks %q:\n%s", want, data)
		}
	}
	check := mustRun(t, "plans", "--check", "--kind", "subscription")
	if !strings.Contains(check, "claude-pro") || !strings.Contains(check, "measured from your logs up to 2026-10-07, 51 days ago") {
		t.Errorf("plans --check:\n%s", check)
	}
	// The catalog's Max is 5 × Pro: it follows the measured Pro, $17.94
	// (the median of the fixture's three windows) × 5 = $89.70, its range $17.94–$17.95 × 5,
	// measured on the same logs as Pro's, so of the same date.
	if !strings.Contains(check, "claude-max") || !strings.Contains(check, "limit of $89.70 ($89.70–$89.75) per 5 h measured from your logs up to 2026-10-07, 51 days ago") {
		t.Errorf("plans --check:\n%s", check)
	}
	// compare prices Pro on the measured limits: its quote changes.
	if after := proQuote(t); after == before {
		t.Errorf("compare's claude-pro did not change with the measured limits:\n%s", after)
	}
	mustRun(t, "calibrate", "codex", calibrateCodex, "--save")
	if data2 := string(readFile(t, path)); !strings.Contains(data2, "id: chatgpt-plus") || !strings.Contains(data2, "id: claude-pro") {
		t.Errorf("second save lost an entry:\n%s", data2)
	}
	if bak := string(readFile(t, path+".bak")); bak != data {
		t.Errorf("backup is not the overlay before the second save")
	}
}

// proQuote is claude-pro's option in compare's JSON on a workload of
// agent work heavy enough to reach its limits.
func proQuote(t *testing.T) string {
	t.Helper()
	var out struct {
		Options []json.RawMessage `json:"options"`
	}
	decodeJSON(t, mustRun(t, "compare", "--preset", "developer", "--format", "json"), &out)
	for _, o := range out.Options {
		if strings.Contains(string(o), `"id": "claude-pro"`) || strings.Contains(string(o), `"id":"claude-pro"`) {
			return string(o)
		}
	}
	t.Fatal("no claude-pro in compare")
	return ""
}

// No limit reached: no figure, the heaviest window as a lower bound, and
// nothing saved.
func TestCalibrateLowerBound(t *testing.T) {
	home := isolate(t)
	o := calibrateJSONRun(t, "claude-code", claudeFixture, "--plan", "claude-pro")
	if len(o.Limits) != 0 || o.Heaviest == nil || o.Heaviest.WindowHours != 5 ||
		!strings.HasPrefix(o.Heaviest.Text, "your heaviest 5-hour window used $") || !strings.HasSuffix(o.Heaviest.Text, "and hit no limit") {
		t.Fatalf("%+v", o)
	}
	out := mustRun(t, "calibrate", "claude-code", claudeFixture, "--plan", "claude-pro", "--save")
	if !strings.Contains(out, "No limit measured") || !strings.Contains(out, "nothing saved") {
		t.Errorf("output:\n%s", out)
	}
	if m, _ := filepath.Glob(filepath.Join(home, ".config", "tokenomics", "*")); len(m) != 0 {
		t.Errorf("files written: %v", m)
	}
}

// Bad input exits 2 with a message naming what is wrong; missing logs are
// handled as import handles them.
func TestCalibrateBadInput(t *testing.T) {
	isolate(t)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"calibrate"}, "name the logs to read"},
		{[]string{"calibrate", "cursor"}, `"cursor" is not claude-code or codex`},
		{[]string{"calibrate", "codex", calibrateCodex, "--format", "xml"}, `--format: "xml" is not table or json`},
		{[]string{"calibrate", "codex", calibrateCodex, "--since", "yesterday"}, "--since"},
		{[]string{"calibrate", "codex", calibrateCodex, "--plan", "chatgpt-ultra"}, `--plan: no plan "chatgpt-ultra" in this catalog`},
		{[]string{"calibrate", "codex", "/nonexistent/logs"}, "no usage log could be read"},
		{[]string{"calibrate", "claude-code", calibrateClaude, "--save"}, "--save: which plan"},
		{[]string{"calibrate", "codex", calibrateCodex, "--save", "--catalog", "../../plans/testdata/catalog.yaml"}, "cannot go with --catalog"},
	} {
		_, errs, code := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errs, tc.msg)
		}
	}
}
