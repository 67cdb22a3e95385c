package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/plans"
)

// cli runs the command line in a clean environment.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	isolate(t)
	return runCLI(t, args...)
}

// decodeJSON reads out, a command's JSON output, into v.
func decodeJSON(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

// compareDoc is what the tests read of compare's JSON.
type compareDoc struct {
	Workload struct{ Name string }
	Catalog  struct {
		AsOf string `json:"as_of"`
	}
	Currency string
	Options  []struct {
		ID       string
		Kind     string
		Eligible bool
		Monthly  float64 `json:"monthly_cost"`
		Sources  []struct {
			Source string
			AsOf   string `json:"as_of"`
		}
	}
}

func TestCompareJSONRanksEveryOption(t *testing.T) {
	out, errs, code := cli(t, "compare", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc compareDoc
	decodeJSON(t, out, &doc)
	cat, _ := shippedCatalog()
	providers := map[string]bool{}
	usable := 0
	for _, m := range cat.Models {
		if m.Usable() {
			usable++
			providers[m.Provider] = true
		}
	}
	// every usable model, the all-provider mix, one mix per provider, every plan
	if want := usable + 1 + len(providers) + len(cat.Plans); len(doc.Options) != want {
		t.Errorf("%d options, want %d", len(doc.Options), want)
	}
	if doc.Workload.Name != "Freelancer" || doc.Currency != "USD" || doc.Catalog.AsOf != cat.AsOf {
		t.Errorf("header %+v %q %q", doc.Workload, doc.Currency, doc.Catalog.AsOf)
	}
	ineligible := false
	for i, o := range doc.Options {
		if !o.Eligible {
			ineligible = true
		} else if ineligible {
			t.Fatalf("eligible %s ranked after an ineligible option", o.ID)
		}
		if i > 0 && o.Eligible && doc.Options[i-1].Eligible && o.Monthly < doc.Options[i-1].Monthly {
			t.Fatalf("%s ($%v) ranked after a dearer option", o.ID, o.Monthly)
		}
		if o.Kind != "mix" && (len(o.Sources) == 0 || o.Sources[0].Source == "" || o.Sources[0].AsOf == "") {
			t.Errorf("%s has no source and date", o.ID)
		}
	}
}

func TestBadInputExitsTwo(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("name: x\nclasses:\n  - name: a\n    count: ten\n"), 0o644)
	badCat := filepath.Join(dir, "cat.yaml")
	os.WriteFile(badCat, []byte("schema: 1\nas_of: \"2026-11-27\"\ncurrency: USD\napi_models:\n  - id: m\n    provider: p\n    name: M\n    tier: huge\n"), 0o644)
	// A currency the catalog has no rate for is placed where it was written:
	// "currency: " is 10 bytes, the value is at line 2, column 11.
	xyz := filepath.Join(dir, "xyz.yaml")
	os.WriteFile(xyz, []byte("name: X\ncurrency: XYZ\n"), 0o644)
	// A budget is written in the file's currency, so it needs a rate even
	// when another currency is asked: the file is still the one at fault.
	budget := filepath.Join(dir, "budget.yaml")
	os.WriteFile(budget, []byte("name: X\ncurrency: XYZ\nbudget: 10\n"), 0o644)
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte("name: X\ncurrency: EUR\nbudget: 10\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--workload", bad}, bad + ":4:12: classes[0].count"},
		{[]string{"compare", "--catalog", badCat}, badCat + ":8:11: api_models[0].tier"},
		{[]string{"compare", "--workload", filepath.Join(dir, "missing.yaml")}, "no such file"},
		{[]string{"compare", "--preset", "nope"}, "valid: freelancer"},
		{[]string{"compare", "--currency", "XYZ"}, "valid: EUR"},
		{[]string{"compare", "--preset", "freelancer", "--currency", "xyz"}, "--currency: unknown currency \"XYZ\""},
		{[]string{"compare", "--workload", xyz}, xyz + ":2:11: currency: unknown currency \"XYZ\""},
		{[]string{"compare", "--workload", budget, "--currency", "EUR"}, budget + ":2:11: currency: unknown currency \"XYZ\""},
		{[]string{"compare", "--workload", good, "--currency", "QQQ"}, "--currency: unknown currency \"QQQ\""},
		{[]string{"compare", "--format", "yaml"}, "--format"},
		{[]string{"compare", "--billing", "weekly"}, "--billing"},
		{[]string{"compare", "--top", "x"}, "--top"},
		{[]string{"plans", "--kind", "both"}, "--kind"},
		{[]string{"compare", "--preset", "writer", "--workload", bad}, "give one"},
	} {
		_, errs, code := cli(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

func TestPlansPresetsVersion(t *testing.T) {
	out, _, code := cli(t, "plans", "--kind", "api")
	if code != 0 || !strings.Contains(out, "claude-sonnet-5-5") || strings.Contains(out, "claude-pro ") {
		t.Errorf("plans --kind api: exit %d\n%s", code, out)
	}
	out, _, code = cli(t, "plans", "--kind", "subscription")
	if code != 0 || !strings.Contains(out, "chatgpt-plus") || strings.Contains(out, "gpt-4o-mini") {
		t.Errorf("plans --kind subscription: exit %d\n%s", code, out)
	}
	out, _, code = cli(t, "presets")
	for _, p := range plans.Presets() {
		if !strings.Contains(out, p.Name) || !strings.Contains(out, p.Description) {
			t.Errorf("presets lacks %s", p.Name)
		}
	}
	if code != 0 {
		t.Errorf("presets: exit %d", code)
	}
	out, _, code = cli(t, "--version")
	if code != 0 || !strings.Contains(out, "tokenomics version") {
		t.Errorf("--version: %d %q", code, out)
	}
}

// Without a terminal, the bare command prints the comparison table.
func TestRootWithoutTerminalPrintsTable(t *testing.T) {
	out, errs, code := cli(t, "--preset", "writer", "--currency", "eur")
	if code != 0 || !strings.Contains(out, "Writer · monthly · EUR") || !strings.Contains(out, "▶ ") {
		t.Errorf("exit %d: %s\n%s", code, errs, out)
	}
}

func TestCompareFormats(t *testing.T) {
	for _, f := range []struct{ format, want string }{
		{"csv", "rank,id,name,kind"},
		{"markdown", "| # | Option |"},
		{"table", "#  Option"},
	} {
		out, errs, code := cli(t, "compare", "--preset", "developer", "--format", f.format, "--top", "3", "--billing", "annual")
		if code != 0 || !strings.Contains(out, f.want) {
			t.Errorf("%s: exit %d %s\n%s", f.format, code, errs, out)
		}
	}
}

// compare and the bare command without a terminal compare the same workload:
// the last one the app saved, else the default preset, and say which.
func TestCompareUsesTheLastSavedWorkload(t *testing.T) {
	state := t.TempDir()
	// Only the default preset before anything was saved.
	t.Setenv("XDG_STATE_HOME", state)
	var out, errb bytes.Buffer
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")
	if code := run([]string{"compare", "--top", "1"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), `the default preset, "Freelancer"`) {
		t.Errorf("compare does not say it uses the default: %q", errb.String())
	}
	w, err := plans.PresetByName("writer")
	if err != nil {
		t.Fatal(err)
	}
	w.Name = "My saved work"
	if err := plans.SaveWorkload(filepath.Join(state, "tokenomics", "workload.yaml"), w); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"compare"}, {}} {
		out.Reset()
		errb.Reset()
		if code := run(args, nil, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		if !strings.HasPrefix(out.String(), "My saved work · ") {
			t.Errorf("%v compares another workload:\n%s", args, out.String())
		}
		if !strings.Contains(errb.String(), `your last saved workload, "My saved work"`) {
			t.Errorf("%v does not say which workload: %q", args, errb.String())
		}
	}
	// A named workload needs no such note.
	out.Reset()
	errb.Reset()
	if code := run([]string{"compare", "--preset", "writer"}, nil, &out, &errb); code != 0 || errb.Len() != 0 {
		t.Errorf("--preset: exit %d, stderr %q", code, errb.String())
	}
}

// A saved workload that does not load is not "no saved workload yet": the
// line that says the default preset is compared says why, the state file
// written as ~/… as on the line for one that loads, and the note below the
// comparison keeps saying it.
func TestCompareSaysWhyTheSavedWorkloadDidNotLoad(t *testing.T) {
	home := isolate(t)
	state := filepath.Join(home, ".state", "tokenomics", "workload.yaml")
	if err := os.MkdirAll(filepath.Dir(state), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, content string
		why           string
	}{
		// "classes: [" is 10 characters: the reader stops at line 2, col 10.
		{"not YAML", "name: x\nclasses: [\n", "~/.state/tokenomics/workload.yaml:2:10: sequence end token ']' not found"},
		{"empty", "", "~/.state/tokenomics/workload.yaml:1:1: the workload is empty"},
		{"a folder", "", "open ~/.state/tokenomics/workload.yaml: is a directory, not a regular file"},
	} {
		_ = os.RemoveAll(state)
		var err error
		if tc.name == "a folder" {
			err = os.Mkdir(state, 0o755)
		} else {
			err = os.WriteFile(state, []byte(tc.content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"compare", "--top", "1"}, {}} {
			out, errs, code := runCLI(t, args...)
			first, _, _ := strings.Cut(errs, "\n")
			if code != 0 || strings.Contains(errs, "no saved workload yet") ||
				!strings.HasPrefix(first, `tokenomics: comparing the default preset, "Freelancer": your last saved workload does not load (`) || !strings.Contains(first, tc.why) {
				t.Errorf("%s %v: exit %d, stderr %q; want the first line to say %q", tc.name, args, code, errs, tc.why)
			}
			if !strings.Contains(out, "last workload not restored: "+tc.why) {
				t.Errorf("%s %v: the note is lost:\n%s", tc.name, args, out)
			}
		}
	}
}

// A current plan the catalog does not have is no error: workloads outlive
// catalogs (an overlay may remove the plan, a later catalog drop it). A
// note placed at current says so, with the nearest id, and the verdict
// leaves switching out; a known plan, or a free one --no-free leaves out,
// gets no such note.
func TestCompareUnknownCurrentPlan(t *testing.T) {
	home := isolate(t)
	for _, tc := range []struct {
		current string
		args    []string
		note    string
	}{
		// "current: " is 9 characters: col 10 of line 2.
		{"claude-prp", nil, `w.yaml:2:10: current: no plan "claude-prp" in this catalog (did you mean "claude-pro"?): mistyped, or a plan the catalog no longer lists; the verdict leaves switching out`},
		{"retired-plan", nil, `w.yaml:2:10: current: no plan "retired-plan" in this catalog: mistyped, or a plan the catalog no longer lists`},
		{"claude-pro", nil, ""},
		{"chatgpt-free", []string{"--no-free"}, ""},
	} {
		file := filepath.Join(home, "w.yaml")
		body := "name: Mine\ncurrent: " + tc.current + "\nclasses:\n  - {name: a, count: 5, input_tokens: 1000, output_tokens: 500}\n"
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errs, code := runCLI(t, append([]string{"compare", "-w", file, "--top", "1"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.current, code, errs)
		}
		hasNote := strings.Contains(out, "current: no plan")
		if tc.note == "" && hasNote || tc.note != "" && !strings.Contains(out, "note: "+filepath.Join(home, tc.note)) {
			t.Errorf("%s %v: want the note %q in\n%s", tc.current, tc.args, tc.note, out)
		}
	}
}

func TestTopHelpNamesOneDefault(t *testing.T) {
	out, _, _ := cli(t, "compare", "--help")
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "--top") && strings.Count(l, "default")+strings.Count(l, "unset") != 1 {
			t.Errorf("--top help: %q", l)
		}
	}
}

// Without a terminal the app prints the ranking, and, as the README says,
// the source and date of every entry it lists.
func TestAppWithoutTerminalListsSources(t *testing.T) {
	isolate(t)
	out, errs, code := runCLI(t, "--catalog", filepath.Join("..", "..", "report", "testdata", "count-catalog.yaml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Sources") || !strings.Contains(out, "as of") {
		t.Errorf("no sources under the ranking:\n%s", out)
	}
}

// frozenCatalog is a copy of the shipped catalog of 2026-11-27.
var frozenCatalog = filepath.Join("..", "..", "plans", "testdata", "catalog-2026-11-27.yaml")

// TestMain runs every test of the command line on frozenCatalog instead of
// the shipped catalog: a price update in plans/catalog.yaml breaks only the
// catalog's own tests.
func TestMain(m *testing.M) {
	data, err := os.ReadFile(frozenCatalog)
	if err == nil {
		var cat *plans.Catalog
		if cat, err = plans.ParseCatalog(frozenCatalog, data); err == nil {
			shippedCatalog = func() (*plans.Catalog, error) { return cat.Clone(), nil }
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}
