package tokencount

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// Hand-worked: tokens = words × tokens per word; a page = words per page ×
// tokens per word.
//
//	en: 1,000 words × 1.3 = 1,300 tokens; 2 pages × 500 × 1.3 = 1,300 tokens
//	ko: 100 eojeol × 1.8 = 180 tokens; 1 page = 370 × 1.8 = 666 tokens
//	ja: 1,000 characters × 0.53 = 530 tokens; 1 page = 1,330 × 0.53 = 704.9
//	zh: 1,000 characters × 0.79 = 790 tokens; 1 page = 1,490 × 0.79 = 1,177.1
func TestConversionsHandWorked(t *testing.T) {
	tests := []struct {
		lang                        string
		words, wantWordTokens       float64
		pages, wantPageTokens       float64
		wantWordsPerPage            float64
		tokens, wantWords, wantPage float64
	}{
		{"en", 1000, 1300, 2, 1300, 500, 650, 500, 1},
		{"ko", 100, 180, 1, 666, 370, 666, 370, 1},
		{"ja", 1000, 530, 1, 704.9, 1330, 53, 100, 53 / 704.9},
		{"zh", 1000, 790, 1, 1177.1, 1490, 79, 100, 79 / 1177.1},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got, ok := WordsToTokens(tt.lang, tt.words); !ok || !near(got, tt.wantWordTokens) {
				t.Errorf("WordsToTokens(%v) = %v, %v; want %v", tt.words, got, ok, tt.wantWordTokens)
			}
			if got, ok := PagesToTokens(tt.lang, tt.pages); !ok || !near(got, tt.wantPageTokens) {
				t.Errorf("PagesToTokens(%v) = %v, %v; want %v", tt.pages, got, ok, tt.wantPageTokens)
			}
			if got, ok := PagesToWords(tt.lang, 1); !ok || !near(got, tt.wantWordsPerPage) {
				t.Errorf("PagesToWords(1) = %v, %v; want %v", got, ok, tt.wantWordsPerPage)
			}
			if got, ok := TokensToWords(tt.lang, tt.tokens); !ok || !near(got, tt.wantWords) {
				t.Errorf("TokensToWords(%v) = %v, %v; want %v", tt.tokens, got, ok, tt.wantWords)
			}
			if got, ok := TokensToPages(tt.lang, tt.tokens); !ok || !near(got, tt.wantPage) {
				t.Errorf("TokensToPages(%v) = %v, %v; want %v", tt.tokens, got, ok, tt.wantPage)
			}
		})
	}
}

func TestConversionsRoundTrip(t *testing.T) {
	for _, lang := range Languages() {
		for _, x := range []float64{0, 1, 7.5, 1234} {
			tok, _ := PagesToTokens(lang, x)
			if back, _ := TokensToPages(lang, tok); !near(back, x) {
				t.Errorf("%s: pages %v → %v tokens → %v pages", lang, x, tok, back)
			}
			tok, _ = WordsToTokens(lang, x)
			if back, _ := TokensToWords(lang, tok); !near(back, x) {
				t.Errorf("%s: words %v → %v tokens → %v words", lang, x, tok, back)
			}
		}
	}
}

func TestUnitsUnknownLanguage(t *testing.T) {
	u, ok := UnitsFor("fr")
	if ok || u.Lang != "en" {
		t.Errorf("UnitsFor(fr) = %q, %v; want the English units and false", u.Lang, ok)
	}
	if got, ok := WordsToTokens("fr", 100); ok || got != 130 {
		t.Errorf("WordsToTokens(fr, 100) = %v, %v; want 130 (English) and false", got, ok)
	}
	if u, ok := UnitsFor(""); !ok || u.Lang != "en" {
		t.Errorf("UnitsFor(\"\") = %q, %v; want en", u.Lang, ok)
	}
}

func TestUnitsDocumented(t *testing.T) {
	for _, lang := range Languages() {
		u, ok := UnitsFor(lang)
		if !ok || u.Lang != lang || u.Word == "" || u.Page == "" || u.Derivation == "" || len(u.Sources) == 0 || u.Confidence == "" {
			t.Errorf("%s: incomplete units %+v", lang, u)
		}
		if !(u.WordsPerPage > 0 && u.TokensPerWord > 0) {
			t.Errorf("%s: %v words per page, %v tokens per word", lang, u.WordsPerPage, u.TokensPerWord)
		}
	}
}

// The constants derived from the parallel sample are what the sample gives.
func TestUnitsMatchSample(t *testing.T) {
	st := map[string]Stats{}
	for _, lang := range Languages() {
		b, err := os.ReadFile(filepath.Join("testdata", "parallel", lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := CountString(string(b))
		if err != nil {
			t.Fatal(err)
		}
		st[lang] = s
	}
	for lang, want := range map[string]int64{"en": sampleWordsEn, "ko": sampleWordsKo, "ja": sampleWordsJa, "zh": sampleWordsZh} {
		if st[lang].Words != want {
			t.Errorf("%s sample: %d words, units.go says %d", lang, st[lang].Words, want)
		}
	}
	for lang, want := range map[string]float64{"ko": sampleCharsPerWordKo, "ja": sampleCharsPerWordJa, "zh": sampleCharsPerWordZh} {
		got := float64(st[lang].Chars) / float64(st[lang].Words)
		if math.Abs(got-want) > 0.005 {
			t.Errorf("%s sample: %.3f characters per word, units.go says %v", lang, got, want)
		}
	}
	pages := map[string]float64{"ko": 1500, "ja": 1440, "zh": 1672}
	for _, lang := range []string{"ko", "ja", "zh"} {
		u, _ := UnitsFor(lang)
		tpw := EnglishTokensPerWord * float64(st["en"].Words) / float64(st[lang].Words)
		if math.Abs(u.TokensPerWord-tpw) > 0.005 {
			t.Errorf("%s: %v tokens per word, the sample gives %.4f", lang, u.TokensPerWord, tpw)
		}
		wpp := pages[lang] / (float64(st[lang].Chars) / float64(st[lang].Words))
		if math.Abs(u.WordsPerPage-wpp) > 0.01*wpp {
			t.Errorf("%s: %v words per page, the sample gives %.0f", lang, u.WordsPerPage, wpp)
		}
	}
	t.Logf("English on the sample: %.3f o200k tokens per word (units use %v)", float64(st["en"].O200k)/float64(st["en"].Words), EnglishTokensPerWord)
}
