package tokencount_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/tokencount"
)

// factorTolerance is how far the catalog's factor for o200k and cl100k may
// be from the ratio measured on the parallel sample (issue 6).
const factorTolerance = 0.15

// measuredFactors counts the parallel sample (the same text in each
// language) and returns each language's token count over English's, per
// exactly counted tokenizer.
func measuredFactors(t *testing.T) map[string]map[string]float64 {
	t.Helper()
	counts := map[string]tokencount.Stats{}
	for _, lang := range tokencount.Languages() {
		f, err := os.Open(filepath.Join("testdata", "parallel", lang+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		st, err := tokencount.Count(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if d := st.Detect(); d.Lang != lang {
			t.Fatalf("%s.txt detected as %q", lang, d.Lang)
		}
		counts[lang] = st
	}
	out := map[string]map[string]float64{}
	for _, fam := range []string{tokencount.O200k, tokencount.Cl100k} {
		out[fam] = map[string]float64{}
		en, _ := counts["en"].Tokens(fam)
		for _, lang := range tokencount.Languages() {
			st := counts[lang]
			n, _ := st.Tokens(fam)
			out[fam][lang] = float64(n) / float64(en)
			t.Logf("%-6s %s: %5d tokens, %.3f × English (%d characters, %d words)", fam, lang, n, out[fam][lang], st.Chars, st.Words)
		}
	}
	return out
}

// TestMeasuredFactors checks the catalog's language factors for the
// tokenizers we can run against what they measure on the parallel sample.
// When this fails, fix the catalog (plans/catalog.yaml), not the test.
func TestMeasuredFactors(t *testing.T) {
	measured := measuredFactors(t)
	for fam, m := range measured {
		if m["en"] != 1 {
			t.Errorf("%s: English ratio %v", fam, m["en"])
		}
		for _, lang := range []string{"ko", "ja", "zh"} {
			if !(m[lang] > 1) {
				t.Errorf("%s %s: measured %.3f, expected more tokens than English", fam, lang, m[lang])
			}
		}
	}
	cat, err := plans.Embedded()
	if err != nil {
		t.Fatalf("embedded catalog: %v", err)
	}
	for _, fam := range []string{tokencount.O200k, tokencount.Cl100k} {
		for _, lang := range []string{"ko", "ja", "zh"} {
			want := measured[fam][lang]
			got, ok := cat.Tokenizers[fam][lang]
			switch {
			case !ok:
				t.Errorf("catalog tokenizers.%s has no %s factor; measured %.3f", fam, lang, want)
			case math.Abs(got/want-1) > factorTolerance:
				t.Errorf("catalog tokenizers.%s.%s = %v, measured %.3f: off by %+.0f%% (tolerance ±%.0f%%)", fam, lang, got, want, 100*(got/want-1), 100*factorTolerance)
			default:
				t.Logf("catalog tokenizers.%s.%s = %v, measured %.3f: within %.0f%%", fam, lang, got, want, 100*factorTolerance)
			}
		}
	}
}
