package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

const countSamples = "../../tokencount/testdata/parallel"

// runCountCLI runs `tokenomics count args…` with stdin.
func runCountCLI(t *testing.T, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	isolate(t)
	var out, errb bytes.Buffer
	code := run(append([]string{"count"}, args...), stdin, &out, &errb)
	return out.String(), errb.String(), code
}

// countJSONRun runs count with --format json and reads what it wrote (the
// keys are held by the json golden of TestCountGolden).
func countJSONRun(t *testing.T, stdin io.Reader, args ...string) report.CountJSONOut {
	t.Helper()
	return countJSONRunExit(t, 0, stdin, args...)
}

// countJSONRunExit is countJSONRun for a run expected to exit with want:
// the JSON of what was counted is printed either way.
func countJSONRunExit(t *testing.T, want int, stdin io.Reader, args ...string) report.CountJSONOut {
	t.Helper()
	out, errs, code := runCountCLI(t, stdin, append(args, "--format", "json")...)
	if code != want {
		t.Fatalf("exit %d, want %d: %s", code, want, errs)
	}
	var o report.CountJSONOut
	decodeJSON(t, out, &o)
	return o
}

func TestCountCommandTable(t *testing.T) {
	out, errs, code := runCountCLI(t, nil, filepath.Join(countSamples, "ko.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Korean (ko, detected: Hangul, 100% of letters)",
		"1,196 characters", "295 words", "0.80 pages of 370 words",
		"o200k_base", "686", "cl100k_base", "1,149", "counted",
		"claude", "Used by", "anthropic",
		"One document as the input of a request", "USD/M in", "Per 1,000",
		"Prices of the catalog of",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The costs are the engine's: model.TaskCost on a class of the document's
// English-equivalent tokens as input and nothing else.
func TestCountCommandJSONCosts(t *testing.T) {
	o := countJSONRun(t, nil, filepath.Join(countSamples, "ko.txt"), "--model", "all")
	cat, err := shippedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Inputs) != 1 || o.Total != nil {
		t.Fatalf("%d inputs, total %v", len(o.Inputs), o.Total)
	}
	in := o.Inputs[0]
	if in.Language != "ko" || in.LanguageSource != "detected" || in.Tokens["o200k_base"] != 686 || in.Tokens["cl100k_base"] != 1149 || in.Words != 295 {
		t.Errorf("%+v", in)
	}
	f, _ := cat.Factor("o200k", "ko")
	if en := 686 / f; math.Abs(*in.English-en) > 1e-6 {
		t.Errorf("english-equivalent %v, want 686/%v = %v", *in.English, f, en)
	}
	usable := 0
	for _, m := range cat.Models {
		if m.Usable() {
			usable++
		}
	}
	if len(in.Costs) != usable {
		t.Errorf("--model all: %d costs, %d usable models", len(in.Costs), usable)
	}
	class := model.NewClass("doc")
	class.InputTokens = *in.English
	for _, c := range in.Costs {
		m, ok := cat.Model(c.Model)
		if !ok {
			t.Fatalf("unknown model %s", c.Model)
		}
		lam, _ := cat.Factor(m.Tokenizer, "ko")
		if want := model.TaskCost(&class, m, lam); math.Abs(c.Cost-want) > 1e-6 {
			t.Errorf("%s: cost %v, engine %v", c.Model, c.Cost, want)
		}
		if want := lam * *in.English; math.Abs(c.Tokens-want) > 1e-6*max(1, want) { // JSON keeps six decimals
			t.Errorf("%s: %v tokens, want %v", c.Model, c.Tokens, want)
		}
		if m.Tokenizer == "o200k" && math.Round(c.Tokens) != 686 {
			t.Errorf("%s on o200k: %v tokens, counted 686", c.Model, c.Tokens)
		}
	}
	if o.Catalog["as_of"] == "" || o.Currency != "USD" || o.TokenizerNotes["o200k"] == "" {
		t.Errorf("catalog %v, currency %q, notes %d", o.Catalog, o.Currency, len(o.TokenizerNotes))
	}
}

func TestCountCommandDefaultModels(t *testing.T) {
	o := countJSONRun(t, strings.NewReader("A short note about the budget."))
	in := o.Inputs[0]
	if in.Name != "standard input" || in.Language != "en" || len(in.Costs) == 0 {
		t.Fatalf("%+v", in)
	}
	providers := map[string]int{}
	cat, _ := shippedCatalog()
	for _, c := range in.Costs {
		m, _ := cat.Model(c.Model)
		providers[m.Provider]++
		if m.Status != "active" {
			t.Errorf("default model %s is %s", m.ID, m.Status)
		}
	}
	for p, n := range providers {
		if n > 2 {
			t.Errorf("%s: %d default models, want at most 2", p, n)
		}
	}
}

// "all" in a --model list is every model, however often and with whatever
// else it is given; an id given twice is one row.
func TestCountCommandModelLists(t *testing.T) {
	all := len(countJSONRun(t, strings.NewReader("note"), "-m", "all").Inputs[0].Costs)
	for _, args := range [][]string{{"-m", "all,all"}, {"-m", "all", "-m", "all"}, {"-m", "gpt-6-luna,all"}} {
		if n := len(countJSONRun(t, strings.NewReader("note"), args...).Inputs[0].Costs); n != all {
			t.Errorf("%v: %d models, want %d as for -m all", args, n, all)
		}
	}
	costs := countJSONRun(t, strings.NewReader("note"), "-m", "gpt-6-luna,gpt-6-luna", "-m", "gpt-6-luna").Inputs[0].Costs
	if len(costs) != 1 || costs[0].Model != "gpt-6-luna" {
		t.Errorf("one model named three times: %+v", costs)
	}
}

func TestCountCommandLangFlag(t *testing.T) {
	o := countJSONRun(t, nil, filepath.Join(countSamples, "en.txt"), "--lang", "KO", "-m", "gpt-6-luna")
	in := o.Inputs[0]
	if in.Language != "ko" || in.LanguageSource != "flag" || in.DetectedLanguage != "en" {
		t.Errorf("language %q (%s), detected %q", in.Language, in.LanguageSource, in.DetectedLanguage)
	}
	out, _, _ := runCountCLI(t, nil, filepath.Join(countSamples, "en.txt"), "--lang", "ko")
	if !strings.Contains(out, "from --lang; the script says en") {
		t.Errorf("no note of the detected language:\n%s", out)
	}
}

func TestCountCommandSeveralInputs(t *testing.T) {
	png := filepath.Join(t.TempDir(), "x.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The PNG is not counted: the rest is printed, and the run exits 2.
	o := countJSONRunExit(t, 2, strings.NewReader("예산 계획"), filepath.Join(countSamples, "en.txt"), "-", png, filepath.Join(countSamples, "zh.txt"), "-m", "gpt-6-luna")
	if len(o.Inputs) != 4 || o.Total == nil {
		t.Fatalf("%d inputs, total %v", len(o.Inputs), o.Total)
	}
	bin := o.Inputs[2]
	if !bin.Binary || !strings.Contains(bin.BinaryReason, "NUL") || bin.Tokens != nil || bin.English != nil || bin.Costs != nil {
		t.Errorf("binary input: %+v", bin)
	}
	tot := o.Total
	if tot.Language != "mixed" {
		t.Errorf("total language %q", tot.Language)
	}
	var words, o200k int64
	var en, cost float64
	for _, in := range o.Inputs {
		words += in.Words
		o200k += in.Tokens["o200k_base"]
		if in.English != nil { // none for the binary input
			en += *in.English
		}
		for _, c := range in.Costs {
			cost += c.Cost
		}
	}
	if tot.Words != words || tot.Tokens["o200k_base"] != o200k || math.Abs(*tot.English-en) > 1e-5 || math.Abs(tot.Costs[0].Cost-cost) > 1e-5 {
		t.Errorf("total %+v; sums words %d o200k %d en %v cost %v", tot, words, o200k, en, cost)
	}
	for _, e := range tot.Estimates {
		if e.Factor != nil && !e.Measured && e.Tokenizer == "claude" {
			t.Errorf("claude factor %v in a total of several languages", *e.Factor)
		}
	}
}

func TestCountCommandEmptyAndBinaryStdin(t *testing.T) {
	o := countJSONRun(t, strings.NewReader(""))
	if in := o.Inputs[0]; in.Bytes != 0 || in.Words != 0 || in.Tokens["o200k_base"] != 0 || in.LanguageSource != "default" {
		t.Errorf("empty: %+v", in)
	}
	out, errs, code := runCountCLI(t, strings.NewReader(""))
	if code != 0 || !strings.Contains(out, "empty") {
		t.Errorf("empty, exit %d: %s%s", code, out, errs)
	}
	// Binary input is printed as not counted and is bad input: exit 2,
	// with the reason on stderr.
	out, errs, code = runCountCLI(t, bytes.NewReader([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}))
	if code != 2 || !strings.Contains(out, "not counted: contains NUL bytes") || !strings.Contains(errs, "standard input: not counted: contains NUL bytes") {
		t.Errorf("binary, exit %d: %s%s", code, out, errs)
	}
}

// Only a terminal is asked to paste or type: /dev/null is a character
// device but no terminal, and a run reading it prints no prompt.
func TestCountCommandNoPromptOffATerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	out, errs, code := runCountCLI(t, null)
	if code != 0 || strings.Contains(errs, "Paste or type") || !strings.Contains(out, "empty") {
		t.Errorf("exit %d, stderr %q; want no prompt and the empty input counted", code, errs)
	}
}

// A large input streams through the command without being held whole.
func TestCountCommandLargeStdin(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(countSamples, "ja.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 1 << 20 // sixteen times the largest chunk the counter holds
	r := io.LimitReader(&countRepeat{b: b}, n)
	o := countJSONRun(t, r, "-m", "gpt-6-luna")
	in := o.Inputs[0]
	if in.Bytes != n || in.Language != "ja" || in.Tokens["o200k_base"] < n/8 {
		t.Errorf("%+v", in)
	}
}

type countRepeat struct {
	b   []byte
	off int
}

func (r *countRepeat) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], r.b[r.off:])
		n += k
		r.off = (r.off + k) % len(r.b)
	}
	return n, nil
}

func TestCountCommandErrors(t *testing.T) {
	en := filepath.Join(countSamples, "en.txt")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"no-such-file.txt"}, "no such file"},
		{[]string{countSamples}, "is a directory"},
		{[]string{"--lang", "xx", en}, `--lang: "xx" is not one of en, ko, ja, zh`},
		{[]string{"--model", "no-such-model", en}, `no model "no-such-model"`},
		{[]string{"--format", "csv", en}, `--format: "csv"`},
		{[]string{"-", "-"}, "standard input (-) given twice"},
		{[]string{"--currency", "XYZ", en}, "XYZ"},
		{[]string{"--catalog", "no-such-catalog.yaml", en}, "no-such-catalog.yaml"},
		{[]string{"--bogus"}, "unknown flag"},
	}
	for _, tt := range tests {
		out, errs, code := runCountCLI(t, strings.NewReader(""), tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit 2 with %q and nothing printed", tt.args, code, errs, out, tt.want)
		}
	}
}

func TestCountCommandCatalogFlag(t *testing.T) {
	o := countJSONRun(t, strings.NewReader("hello world"), "--catalog", "../../plans/testdata/minimal-catalog.yaml")
	in := o.Inputs[0]
	if len(in.Costs) != 1 || in.Costs[0].Model != "m" {
		t.Fatalf("costs %+v", in.Costs)
	}
	// 2 tokens × $1/M.
	if c := in.Costs[0]; c.Tokens != 2 || math.Abs(c.Cost-2e-6) > 1e-12 {
		t.Errorf("%+v", c)
	}
}

func TestCountCommandCurrency(t *testing.T) {
	out, errs, code := runCountCLI(t, nil, filepath.Join(countSamples, "ko.txt"), "--currency", "krw", "-m", "gpt-6-luna")
	if code != 0 || !strings.Contains(out, "₩") || !strings.Contains(out, "in KRW") {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
}
