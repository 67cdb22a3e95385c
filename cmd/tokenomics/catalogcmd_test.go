package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// runCLI runs the command line in the environment the test set up (isolate).
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return out.String(), errb.String(), code
}

// mustContain fails for each of wants out does not hold.
func mustContain(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s%s", args, code, errs, out)
	}
	return out
}

func writeFile(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// litellmGPT55 is a LiteLLM file with one entry, gpt-5.5 at input and
// output per token.
func litellmGPT55(input, output string) string {
	return `{"sample_spec": {"mode": "chat"}, "gpt-5.5": {"litellm_provider": "openai", "mode": "chat",
  "input_cost_per_token": ` + input + `, "output_cost_per_token": ` + output + `, "max_input_tokens": 1050000, "max_output_tokens": 128000}}`
}

// oneClass is 10 tasks a day of 1,000 tokens in and 500 out, no cache:
// 220 tasks a month.
const oneClass = "name: One\nclasses:\n  - {name: a, count: 10, input_tokens: 1000, output_tokens: 500}\n"

// monthlyOf is an option's monthly cost and first source in compare's JSON.
func monthlyOf(t *testing.T, wl, id string) (float64, string, string) {
	t.Helper()
	out := mustRun(t, "compare", "--workload", wl, "--format", "json")
	var doc compareDoc
	decodeJSON(t, out, &doc)
	for _, o := range doc.Options {
		if o.ID == id {
			return o.Monthly, o.Sources[0].Source, o.Sources[0].AsOf
		}
	}
	t.Fatalf("no option %s", id)
	return 0, "", ""
}

func TestCatalogImportUpdatesTheComparison(t *testing.T) {
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	wl := writeFile(t, filepath.Join(home, "one.yaml"), oneClass)

	// 220 tasks × (1,000 × $5 + 500 × $30) / 1M = 220 × $0.02 = $4.40.
	if m, src, _ := monthlyOf(t, wl, "api:gpt-5.5"); m != 4.4 || src != "LIT gpt-5.5" {
		t.Fatalf("before: $%v from %q", m, src)
	}
	if out := mustRun(t, "catalog"); !strings.Contains(out, "No overlay at "+overlay) {
		t.Errorf("catalog: %s", out)
	}

	first := writeFile(t, filepath.Join(home, "litellm-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	out := mustRun(t, "catalog", "import", "litellm", first)
	// sample_spec is not a model entry; every other catalog model is missing from the file.
	for _, want := range []string{": 1 entry, prices of 2026-11-25 (from the file name)", "updated  gpt-5.5", "5 → 6", "30 → 36",
		"catalog models not in the file, left as they are: ", "claude-opus-4-8", "Wrote " + overlay + ".\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(overlay + ".bak"); !os.IsNotExist(err) {
		t.Errorf("a backup of nothing: %v", err)
	}
	v1 := readFile(t, overlay)
	if !bytes.Contains(v1, []byte("# gpt-5.5: from litellm "+first+", as of 2026-11-25\n")) {
		t.Errorf("the overlay lacks its provenance comment:\n%s", v1)
	}
	// 220 × (1,000 × $6 + 500 × $36) / 1M = 220 × $0.024 = $5.28.
	if m, src, asOf := monthlyOf(t, wl, "api:gpt-5.5"); m != 5.28 || src != "litellm "+first || asOf != "2026-11-25" {
		t.Errorf("after: $%v from %q of %s", m, src, asOf)
	}
	if out := mustRun(t, "compare", "--workload", wl, "--top", "3"); !strings.Contains(out, "note: catalog overlay ~/.config/tokenomics/catalog.yaml: 1 entry replaced") {
		t.Errorf("compare does not say the overlay is used:\n%s", out)
	}

	// A second import keeps the first overlay as the backup.
	second := writeFile(t, filepath.Join(home, "prices 2026-11-26.json"), litellmGPT55("7e-06", "4.2e-05"))
	out = mustRun(t, "catalog", "import", "litellm", second)
	if !strings.Contains(out, "the overlay before is in "+overlay+".bak") {
		t.Errorf("import output:\n%s", out)
	}
	v2 := readFile(t, overlay)
	if bak := readFile(t, overlay+".bak"); !bytes.Equal(bak, v1) {
		t.Errorf("the backup is not the first overlay:\n%s", bak)
	}
	// 220 × (1,000 × $7 + 500 × $42) / 1M = 220 × $0.028 = $6.16.
	if m, _, _ := monthlyOf(t, wl, "api:gpt-5.5"); m != 6.16 {
		t.Errorf("after the second import: $%v", m)
	}

	// Imports that fail change nothing: overlay and backup stay byte for byte.
	bad := writeFile(t, filepath.Join(home, "truncated.json"), litellmGPT55("8e-06", "4.8e-05")[:60])
	notJSON := writeFile(t, filepath.Join(home, "notes.txt"), "hello")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		// 60 bytes of the first line: the input ends at col 61.
		{[]string{"catalog", "import", "litellm", bad}, 2, bad + ":1:61: not valid JSON: unexpected end of JSON input"},
		{[]string{"catalog", "import", "litellm", notJSON}, 2, notJSON + ":1:1: not valid JSON: invalid character 'h'"},
		{[]string{"catalog", "import", "openrouter", first}, 2, `no "data" list`},
		{[]string{"catalog", "import", "litellm", filepath.Join(home, "missing.json")}, 2, "no such file"},
		{[]string{"catalog", "import", "litellm", "ftp://example.com/x.json"}, 2, "only http:// and https:// URLs"},
		{[]string{"catalog", "import", "yaml", first}, 2, `"yaml" is not litellm or openrouter`},
		{[]string{"catalog", "import", "litellm"}, 2, "give the format"},
		{[]string{"catalog", "import", "litellm", first, "--as-of", "soon"}, 2, "--as-of"},
		{[]string{"catalog", "import", "litellm", first, "--dry-run", "--force", "--as-of", "2026-11-27"}, 0, "Dry run: " + overlay + " is left as it was."},
		// The first file's prices are of 2026-11-25, older than the overlay's
		// entry of 2026-11-26: kept.
		{[]string{"catalog", "import", "litellm", first}, 0, "Nothing to change"},
	} {
		out, errs, code := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("%v: exit %d\n%s%s\nwant %d and %q", tc.args[2:], code, out, errs, tc.code, tc.want)
		}
		if now := readFile(t, overlay); !bytes.Equal(now, v2) {
			t.Fatalf("%v changed the overlay", tc.args[2:])
		}
		if bak := readFile(t, overlay+".bak"); !bytes.Equal(bak, v1) {
			t.Fatalf("%v changed the backup", tc.args[2:])
		}
	}

	// The old overlay can be brought back: it is a valid overlay.
	if out := mustRun(t, "compare", "--workload", wl, "--catalog-overlay", overlay+".bak", "--format", "csv"); !strings.Contains(out, "api:gpt-5.5,GPT-5.5,api,true,true,5.28,") {
		t.Errorf("compare on the backup:\n%s", out)
	}
	// Sources in the table and Markdown.
	out = mustRun(t, "compare", "--workload", wl, "--top", "0", "--sources")
	if !strings.Contains(out, "\nSources\n") || !strings.Contains(out, "  GPT-5.5: litellm "+second+" · as of 2026-11-26 (reported)\n") {
		t.Errorf("compare --sources:\n%s", out)
	}
	out = mustRun(t, "compare", "--workload", wl, "--top", "0", "--sources", "--format", "markdown")
	if !strings.Contains(out, "### Sources\n\n") || !strings.Contains(out, "- GPT-5.5: litellm "+second+" · as of 2026-11-26 (reported)\n") {
		t.Errorf("compare --sources --format markdown:\n%s", out)
	}
	if out := mustRun(t, "catalog"); out != "Overlay "+overlay+": 1 entry replaced.\n" {
		t.Errorf("catalog: %q", out)
	}
}

// A file or URL without a date in its name is of the server's date, else today.
func TestCatalogImportURL(t *testing.T) {
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	body := litellmGPT55("6e-06", "3.6e-05")
	chunk := bytes.Repeat([]byte(" "), 1<<20) // written 100 times: 100 MB, never held whole
	// The cap is 1 MiB here (64 MiB shipped): the refusal is the same, and
	// the race detector does not spend half a minute on 64 MiB of spaces.
	defer func(old int64) { maxPriceFile = old }(maxPriceFile)
	maxPriceFile = 1 << 20
	var hugeChunks atomic.Int64 // chunks of /huge.json the server could write
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/prices.json":
			w.Header().Set("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT")
			fmt.Fprint(w, body)
		case "/undated.json":
			fmt.Fprint(w, body)
		case "/huge.json": // chunked: no length to refuse it by
			w.Write([]byte("{"))
			for range 100 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				hugeChunks.Add(1)
				w.(http.Flusher).Flush()
			}
		case "/declared.json": // says it is 100 MB up front
			w.Header().Set("Content-Length", strconv.Itoa(100<<20))
			w.Write(chunk[:1024])
		case "/slow.json":
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer func(old time.Duration) { fetchTimeout = old }(fetchTimeout)

	for _, tc := range []struct {
		path    string
		timeout time.Duration
		code    int
		want    string
	}{
		{"/huge.json", 30 * time.Second, 2, "is larger than 1 MiB: not a price file"},
		{"/declared.json", 30 * time.Second, 2, "is larger than 1 MiB: not a price file"},
		{"/missing.json", 30 * time.Second, 1, "the server answered 404 Not Found"},
		{"/slow.json", 300 * time.Millisecond, 1, "context deadline exceeded"},
		{"/prices.json", 30 * time.Second, 0, "prices of 2026-11-25 (from the server's Last-Modified)"},
		{"/undated.json", 30 * time.Second, 0, "Nothing to change"}, // of today (2026-11-27), same figures
	} {
		fetchTimeout = tc.timeout
		out, errs, code := runCLI(t, "catalog", "import", "litellm", srv.URL+tc.path)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("%s: exit %d\n%s%s\nwant %d and %q", tc.path, code, out, errs, tc.code, tc.want)
		}
		// The reader stops at the cap and hangs up: the server cannot write
		// all 100 MB (no socket buffer holds 99 MB unread).
		if tc.path == "/huge.json" && hugeChunks.Load() == 100 {
			t.Errorf("%s was read to its end", tc.path)
		}
		if tc.code != 0 {
			if _, err := os.Stat(overlay); !os.IsNotExist(err) {
				t.Fatalf("%s wrote an overlay: %v", tc.path, err)
			}
		}
	}
	// The URL is the entries' source.
	if ov := readFile(t, overlay); !bytes.Contains(ov, []byte(`source: "litellm `+srv.URL+`/prices.json"`)) {
		t.Errorf("overlay:\n%s", ov)
	}
}

// An overlay with a negative price at line 6, column 12.
const badOverlay = "api_models:\n  - id: gpt-5.5\n    provider: openai\n    name: GPT-5.5\n    tier: frontier\n    input: -5\n    output: 30\n    context_window: 1050000\n"

func TestInvalidOverlay(t *testing.T) {
	home := isolate(t)
	overlay := writeFile(t, filepath.Join(home, ".config", "tokenomics", "catalog.yaml"), badOverlay)
	doc := writeFile(t, filepath.Join(home, "doc.txt"), "A short document.\n")
	prices := writeFile(t, filepath.Join(home, "p-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	want := overlay + ":6:12: api_models[0].input: must not be negative (got -5)"
	for _, args := range [][]string{
		{"compare"},
		{"--preset", "writer"}, // the app without a terminal prints the table
		{"plans"},
		{"plans", "--check"},
		{"count", doc},
		{"catalog"},
		{"catalog", "diff", "embedded", "current"},
		{"catalog", "import", "litellm", prices},
	} {
		_, errs, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(errs, want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", args, code, errs, want)
		}
	}
	if after := readFile(t, overlay); string(after) != badOverlay {
		t.Error("an import rewrote an invalid overlay")
	}
	// --catalog replaces the catalog the overlay was made for: not applied.
	if _, errs, code := runCLI(t, "compare", "--catalog", "../../plans/testdata/catalog.yaml"); code != 0 {
		t.Errorf("--catalog with a bad overlay around: exit %d %s", code, errs)
	}
	// A named overlay must be there.
	if _, errs, code := runCLI(t, "compare", "--catalog-overlay", filepath.Join(home, "nope.yaml")); code != 2 || !strings.Contains(errs, "no such file") {
		t.Errorf("missing --catalog-overlay: exit %d %s", code, errs)
	}
	// The interactive app opens on the embedded catalog and says why.
	cat, notes, err := appCatalog(&inputs{})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := cat.Model("gpt-5.5"); m.Input != 5 {
		t.Errorf("the app's gpt-5.5 input is %v, want the embedded 5", m.Input)
	}
	if len(notes) == 0 || !strings.HasPrefix(notes[0], "Catalog overlay not used, prices are the embedded catalog's: "+want) {
		t.Errorf("notes %q", notes)
	}
}

func TestPlansCheck(t *testing.T) {
	home := isolate(t)
	out := mustRun(t, "plans", "--check")
	// Gemini 4 Carbon's launch price ends on 2026-12-01, 4 days after 2026-11-27.
	if !regexp.MustCompile(`change-soon +api +gemini-4-carbon +from 2026-12-01 \(in 4 days\): input 4, output 20`).MatchString(out) {
		t.Errorf("plans --check:\n%s", out)
	}
	if !strings.Contains(out, "Catalog of 2026-11-27 checked on 2026-11-27") {
		t.Errorf("header:\n%s", out)
	}
	t.Setenv("TOKENOMICS_TODAY", "2026-12-02")
	out = mustRun(t, "plans", "--check", "--kind", "api", "--format", "json")
	var doc struct {
		Today    string
		Notes    []string
		Findings []struct{ Kind, Entry, ID, Date, Detail string }
	}
	decodeJSON(t, out, &doc)
	found := false
	for _, f := range doc.Findings {
		if f.Entry == "subscription" {
			t.Errorf("--kind api listed %+v", f)
		}
		if f.Kind == "change-passed" && f.ID == "gemini-4-carbon" && f.Date == "2026-12-01" && strings.HasPrefix(f.Detail, "since 2026-12-01 (1 day ago)") {
			found = true
		}
	}
	if !found || doc.Today != "2026-12-02" || len(doc.Notes) == 0 {
		t.Errorf("plans --check --format json on 2026-12-02:\n%s", out)
	}
	// An overlay entry of long ago is stale; 2026-12-02 − 2026-08-01 = 123 days.
	writeFile(t, filepath.Join(home, ".config", "tokenomics", "catalog.yaml"),
		"api_models:\n  - {id: acme-old, provider: acme, name: Acme Old, tier: small, input: 1, output: 2, context_window: 8000, as_of: \"2026-08-01\"}\n")
	out = mustRun(t, "plans", "--check")
	if !regexp.MustCompile(`stale +api +acme-old +figures of 2026-08-01, 123 days old`).MatchString(out) {
		t.Errorf("plans --check with an overlay:\n%s", out)
	}
}

func TestCatalogDiff(t *testing.T) {
	home := isolate(t)
	const cat = "schema: 1\nas_of: \"2026-11-01\"\ncurrency: USD\napi_models:\n  - {id: m, provider: p, name: M, tier: mid, input: %s, output: 2, context_window: 100000}\n%s"
	a := writeFile(t, filepath.Join(home, "a.yaml"), fmt.Sprintf(cat, "1", ""))
	b := writeFile(t, filepath.Join(home, "b.yaml"), fmt.Sprintf(cat, "1.5", "  - {id: n, provider: p, name: N, tier: small, input: 0.1, output: 0.2, context_window: 8000}\n"))
	out := mustRun(t, "catalog", "diff", a, b)
	// input 1 → 1.5 is +50%; n is only in B.
	for _, re := range []string{`api +m +input +1 +1\.5 +\+50%`, `api +n +entry +— +0\.1 in · 0\.2 out · 8k context`, `2 differences in 2 entries\.`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("diff lacks %s:\n%s", re, out)
		}
	}
	out = mustRun(t, "catalog", "diff", a, b, "--format", "json")
	var doc struct {
		A           struct{ Name, AsOf string }
		Differences []map[string]any
	}
	decodeJSON(t, out, &doc)
	if d := doc.Differences[0]; doc.A.Name != a || d["id"] != "m" || d["field"] != "input" || d["a"] != 1.0 || d["b"] != 1.5 || d["change"] != "+50%" {
		t.Errorf("json:\n%s", out)
	}
	if out := mustRun(t, "catalog", "diff", "embedded", "current"); !strings.Contains(out, "No differences.") {
		t.Errorf("embedded vs current without an overlay:\n%s", out)
	}
	for _, args := range [][]string{{"catalog", "diff", "embedded"}, {"catalog", "diff", "embedded", filepath.Join(home, "nope.yaml")}, {"catalog", "diff", a, b, "-f", "xml"}} {
		if _, _, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// Dated changes in effect are said by plans --check, not under every
// command's output.
func TestDatedChangesSaidOnce(t *testing.T) {
	isolate(t)
	t.Setenv("TOKENOMICS_TODAY", "2026-12-05")
	cat := filepath.Join("..", "..", "plans", "testdata", "catalog.yaml")
	out, errs, code := runCLI(t, "compare", "--catalog", cat, "--preset", "freelancer")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out+errs, "price change") {
		t.Errorf("compare says the dated changes:\n%s%s", out, errs)
	}
	out, errs, code = runCLI(t, "plans", "--check", "--catalog", cat)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// zeta-mid's change of 2026-11-01 and acme-large's of 2026-12-01 are due.
	for _, want := range []string{"note: Zeta Mid: price change of 2026-11-01 applied\n", "note: Acme Large: price change of 2026-12-01 applied\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("plans --check lacks %q:\n%s", want, out)
		}
	}
}

func TestCatalogAudit(t *testing.T) {
	isolate(t)
	t.Setenv("TOKENOMICS_TODAY", "2026-12-05")
	td := filepath.Join("..", "..", "catalogsync", "testdata")
	lit, or := filepath.Join(td, "audit-litellm-2026-12-01.json"), filepath.Join(td, "audit-openrouter-2026-12-01.json")
	out, errs, code := runCLI(t, "catalog", "audit", "--catalog", filepath.Join(td, "audit-catalog.yaml"), lit, or)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Catalog of 2026-12-05 audited on 2026-12-05.",
		"3 disagreements in 2 entries.",
		lit + " has no entry for 1 offered model: gemini-c.",
		or + " has no entry for 2 offered models: gemini-c, gpt-a.",
		// 3 stale of 5 offered entries
		"Last checked more than 90 days ago (3 of 5 offered entries, 60%):",
		"2026-06-01, 187 days ago",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("audit lacks %q:\n%s", want, out)
		}
	}
	// A file that is not JSON is bad input, named.
	bad := filepath.Join(t.TempDir(), "prices.json")
	if err := os.WriteFile(bad, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, "catalog", "audit", bad); code != 2 || !strings.Contains(errs, bad) {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// failWriter refuses every write, as a closed pipe or a full disk would.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("stdout refused") }

// An import whose summary cannot be written stops there: the failure is
// reported (exit 1: not bad input) and the overlay is not written behind
// the user's back.
func TestCatalogImportSummaryWriteFails(t *testing.T) {
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	file := writeFile(t, filepath.Join(home, "litellm-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	var errb bytes.Buffer
	code := run([]string{"catalog", "import", "litellm", file}, nil, failWriter{}, &errb)
	if code != 1 || !strings.Contains(errb.String(), "stdout refused") {
		t.Errorf("exit %d, stderr %q; want 1 and the write's error", code, errb.String())
	}
	if _, err := os.Stat(overlay); !os.IsNotExist(err) {
		t.Errorf("the overlay was written although its summary was not: %v", err)
	}
}
