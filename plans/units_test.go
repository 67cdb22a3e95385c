package plans

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile/safefiletest"
	"github.com/tokenomics/tokenomics/tokencount"
)

func nearly(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// Sizes in words and pages convert with tokencount.UnitsFor's figures to
// English-equivalent tokens (worked by hand; the figures are in the README):
//
//	en: 500 words a page, 1.3 tokens a word        → a page is 650 tokens
//	ko: 370 eojeol a page, 1.8 tokens an eojeol    → a page is 666 tokens
//	ja: 1,330 characters a page, 0.53 tokens each  → a page is 704.9 tokens
//	zh: 1,490 characters a page, 0.79 tokens each  → a page is 1,177.1 tokens
func TestParseSizesInUnits(t *testing.T) {
	tests := []struct {
		name       string
		lang       string // "" leaves the language out (English)
		in, out    string // the two size lines
		wantIn     float64
		wantInU    model.Unit
		wantOut    float64
		wantOutU   model.Unit
		langBefore bool
	}{
		// 2 pages × 500 words × 1.3 = 1,300 tokens; 1,000 words × 1.3 = 1,300.
		{"English pages and words", "", "input_pages: 2", "output_words: 1000", 1300, model.UnitPages, 1300, model.UnitWords, false},
		// 18 pages × 370 eojeol = 6,660 eojeol × 1.8 = 11,988 tokens;
		// 500 eojeol × 1.8 = 900 tokens.
		{"Korean pages", "ko", "input_pages: 18", "output_words: 500", 11988, model.UnitPages, 900, model.UnitWords, true},
		// The language after the classes converts them just the same.
		{"language given last", "ko", "input_pages: 18", "output_words: 500", 11988, model.UnitPages, 900, model.UnitWords, false},
		// 1 page × 1,330 characters × 0.53 = 704.9 tokens; tokens stay tokens.
		{"Japanese page", "ja", "input_pages: 1", "output_tokens: 400", 704.9, model.UnitPages, 400, model.UnitTokens, true},
		// 1,000 characters × 0.79 = 790 tokens; half a page = 745 × 0.79 = 588.55.
		{"Chinese words and half a page", "zh", "input_words: 1000", "output_pages: 0.5", 790, model.UnitWords, 588.55, model.UnitPages, true},
		// No figures for German: measured as English, 3 pages × 650 = 1,950.
		{"language without figures", "de", "input_pages: 3", "output_words: 10", 1950, model.UnitPages, 13, model.UnitWords, true},
		// Zero is a size like any other.
		{"zero pages", "ko", "input_pages: 0", "output_words: 0", 0, model.UnitPages, 0, model.UnitWords, true},
		// Written in tokens: unchanged, whatever the language.
		{"tokens", "ko", "input_tokens: 700", "output_tokens: 300", 700, model.UnitTokens, 300, model.UnitTokens, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := ""
			if tt.lang != "" {
				lang = "language: " + tt.lang + "\n"
			}
			body := "classes:\n  - name: a\n    count: 1\n    " + tt.in + "\n    " + tt.out + "\n"
			src := body + lang
			if tt.langBefore {
				src = lang + body
			}
			w, err := ParseWorkload("units.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			c := w.Classes[0]
			if !nearly(c.InputTokens, tt.wantIn) || c.InputUnit != tt.wantInU {
				t.Errorf("input %v %v, want %v %v", c.InputTokens, c.InputUnit, tt.wantIn, tt.wantInU)
			}
			if !nearly(c.OutputTokens, tt.wantOut) || c.OutputUnit != tt.wantOutU {
				t.Errorf("output %v %v, want %v %v", c.OutputTokens, c.OutputUnit, tt.wantOut, tt.wantOutU)
			}
			// Written back in the unit and amount it came in.
			data, err := MarshalWorkload(w)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range []string{tt.in, tt.out} {
				if !strings.Contains(string(data), "    "+line+"\n") {
					t.Errorf("written without %q:\n%s", line, data)
				}
			}
			back, err := ParseWorkload("again.yaml", data)
			if err != nil || !reflect.DeepEqual(back, w) {
				t.Errorf("round trip: %v\n got %+v\nwant %+v\n%s", err, back, w, data)
			}
		})
	}
}

func TestParseWorkloadUnitsFixture(t *testing.T) {
	w, err := LoadWorkload("testdata/workload-units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		in, out   float64
		inU, outU model.Unit
	}{
		{11988, 900, model.UnitPages, model.UnitWords},  // 18 × 370 × 1.8; 500 × 1.8
		{450.9, 400, model.UnitWords, model.UnitTokens}, // 250.5 × 1.8
		{0, 333, model.UnitPages, model.UnitPages},      // 0.5 × 370 × 1.8
	}
	for i, c := range w.Classes {
		if !nearly(c.InputTokens, want[i].in) || !nearly(c.OutputTokens, want[i].out) || c.InputUnit != want[i].inU || c.OutputUnit != want[i].outU {
			t.Errorf("%s: %v %v / %v %v, want %+v", c.Name, c.InputTokens, c.InputUnit, c.OutputTokens, c.OutputUnit, want[i])
		}
	}
}

func TestSizeConversions(t *testing.T) {
	tests := []struct {
		lang   string
		u      model.Unit
		amount float64
		tokens float64
	}{
		{"en", model.UnitWords, 1000, 1300},     // 1,000 × 1.3
		{"en", model.UnitPages, 1, 650},         // 500 × 1.3
		{"ko", model.UnitPages, 12, 7992},       // 12 × 370 × 1.8
		{"ko", model.UnitWords, 4440, 7992},     // the same 12 pages: 4,440 eojeol × 1.8
		{"ja", model.UnitWords, 1330, 704.9},    // one page of characters × 0.53
		{"zh", model.UnitPages, 2, 2354.2},      // 2 × 1,490 × 0.79
		{"fr", model.UnitPages, 1, 650},         // no figures: English
		{"ko", model.UnitTokens, 1234, 1234},    // tokens pass through
		{"", model.UnitWords, 100, 130},         // no language: English
		{"ko", model.UnitPages, 0.5, 333},       // half of 666
		{"ja", model.UnitPages, 10, 7049},       // 10 × 1,330 × 0.53
		{"zh", model.UnitWords, 100, 79},        // 100 × 0.79
		{"ko", model.UnitWords, 1e6 / 1.8, 1e6}, // and back
	}
	for _, tt := range tests {
		if got := SizeToTokens(tt.lang, tt.u, tt.amount); !nearly(got, tt.tokens) {
			t.Errorf("SizeToTokens(%q, %v, %v) = %v, want %v", tt.lang, tt.u, tt.amount, got, tt.tokens)
		}
		if got := SizeInUnit(tt.lang, tt.u, tt.tokens); !nearly(got, tt.amount) {
			t.Errorf("SizeInUnit(%q, %v, %v) = %v, want %v", tt.lang, tt.u, tt.tokens, got, tt.amount)
		}
	}
	// The largest size in a unit stays within the token limit: 1e9 / 666
	// = 1,501,501.5 Korean pages.
	if m := MaxSize("ko", model.UnitPages); math.Floor(m) != 1501501 || SizeToTokens("ko", model.UnitPages, m) > model.MaxTokens {
		t.Errorf("MaxSize(ko, pages) = %v", m)
	}
}

// Any amount a file gives reads back exactly after MarshalWorkload, written
// as that amount or a shorter one; tokens converted from another unit (the
// app switching units) are written within rounding.
func TestSizeAmountRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 3))
	for _, lang := range []string{"en", "ko", "ja", "zh", "de"} {
		for _, u := range []model.Unit{model.UnitWords, model.UnitPages} {
			for i := range 3000 {
				amount := math.Pow(10, rng.Float64()*12-6) // 1e-6 … 1e6
				if i%3 == 0 {
					amount = math.Round(amount*100) / 100
				}
				tokens := SizeToTokens(lang, u, amount)
				if tokens > model.MaxTokens {
					continue
				}
				v, exact := sizeAmount(lang, u, tokens)
				if !exact || SizeToTokens(lang, u, v) != tokens || len(yamlNumber(v)) > len(yamlNumber(amount)) {
					t.Fatalf("%s %v: %v → %v tokens → %v (%v)", lang, u, amount, tokens, v, exact)
				}
				// Whole tokens, as a size in tokens switched to this unit.
				tokens = math.Round(tokens)
				v, _ = sizeAmount(lang, u, tokens)
				if back := SizeToTokens(lang, u, v); !sameSize(u, back, tokens) || back > model.MaxTokens {
					t.Fatalf("%s %v: %v tokens → %v → %v tokens", lang, u, tokens, v, back)
				}
			}
		}
	}
	// Short amounts stay short: 7,992 tokens in Korean is 12 pages.
	if v, exact := sizeAmount("ko", model.UnitPages, SizeToTokens("ko", model.UnitPages, 12)); v != 12 || !exact {
		t.Errorf("12 Korean pages written as %v (exact %v)", v, exact)
	}
}

// A workload whose sizes were switched to words or pages in the app (tokens
// that no amount gives exactly) still saves, and reads back within rounding.
func TestMarshalSwitchedUnits(t *testing.T) {
	for _, lang := range []string{"en", "ko", "ja", "zh", "pt-BR"} {
		w := model.NewWorkload("switched")
		w.Language = lang
		for i, tok := range []float64{7, 23, 600, 8000, 12345, 999999, 1e9} {
			c := model.NewClass(fmt.Sprint("c", i))
			c.Count, c.InputTokens, c.OutputTokens = 1, tok, tok
			c.InputUnit, c.OutputUnit = model.UnitPages, model.UnitWords
			w.Classes = append(w.Classes, c)
		}
		data, err := MarshalWorkload(w)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		back, err := ParseWorkload("back.yaml", data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, data)
		}
		for i, c := range back.Classes {
			want := w.Classes[i]
			if c.InputUnit != model.UnitPages || c.OutputUnit != model.UnitWords ||
				!sameSize(model.UnitPages, c.InputTokens, want.InputTokens) || !sameSize(model.UnitWords, c.OutputTokens, want.OutputTokens) {
				t.Errorf("%s: %+v read back as %+v", lang, want, c)
			}
		}
	}
}

// Units out of range are the engine's to refuse, and MarshalWorkload's.
func TestUnitValidation(t *testing.T) {
	w := model.NewWorkload("w")
	c := model.NewClass("a")
	c.OutputUnit = 3
	w.Classes = []model.Class{c}
	if err := w.Validate(); err == nil || !strings.Contains(err.Error(), "classes[0].output_tokens: the unit unit(3) is not tokens, words or pages") {
		t.Errorf("Validate: %v", err)
	}
	if _, err := MarshalWorkload(w); err == nil {
		t.Error("MarshalWorkload wrote a class with an unknown unit")
	}
	for _, u := range []model.Unit{model.UnitTokens, model.UnitWords, model.UnitPages} {
		if back, ok := model.ParseUnit(u.String()); !ok || back != u {
			t.Errorf("ParseUnit(%q) = %v, %v", u, back, ok)
		}
	}
	if _, ok := model.ParseUnit("lines"); ok {
		t.Error("ParseUnit accepted lines")
	}
}

// The README's table of words per page and tokens per word is
// tokencount.UnitsFor's.
func TestReadmeUnits(t *testing.T) {
	readme := safefiletest.ReadString(t, "../README.md")
	grouped := func(v float64) string {
		s := strings.TrimSuffix(strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64), ".0")
		whole, frac, _ := strings.Cut(s, ".")
		for i := len(whole) - 3; i > 0; i -= 3 {
			whole = whole[:i] + "," + whole[i:]
		}
		if frac != "" {
			return whole + "." + frac
		}
		return whole
	}
	for _, lang := range tokencount.Languages() {
		u, _ := tokencount.UnitsFor(lang)
		want := fmt.Sprintf("| %s | %s | %s |", grouped(u.WordsPerPage), strconv.FormatFloat(u.TokensPerWord, 'f', -1, 64), grouped(u.WordsPerPage*u.TokensPerWord))
		found := false
		for _, line := range strings.Split(readme, "\n") {
			if strings.HasPrefix(line, "| `"+lang+"` |") {
				found = true
				if !strings.HasSuffix(line, want) {
					t.Errorf("README row for %s does not end in %q:\n%s", lang, want, line)
				}
			}
		}
		if !found {
			t.Errorf("README has no row for %s", lang)
		}
	}
}
