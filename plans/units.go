package plans

import (
	"math"
	"strconv"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/tokencount"
)

// Sizes in words and pages. A workload class may give its input and output
// sizes as input_words or input_pages (output_words, output_pages) instead
// of tokens. They are words and pages of the workload's language, turned into
// the English-equivalent tokens the engine prices with package tokencount's
// figures for that language (tokencount.UnitsFor):
//
//	tokens = words × TokensPerWord
//	tokens = pages × WordsPerPage × TokensPerWord
//
// TokensPerWord is English-equivalent tokens per word of the language, not
// tokens of the language's own text: a Korean page of 370 eojeol holds
// 370 × 1.8 = 666 English-equivalent tokens, the tokens the same content has
// in English. The catalog's language factor then scales those per tokenizer
// as for any size given in tokens, so the page costs more on a tokenizer that
// handles Korean worse. Counting the Korean text's own tokens here would
// apply the language twice.
//
// A language without its own figures is measured as English (as the engine
// prices a language a tokenizer has no factor for like English); the app says
// so. The class keeps its tokens and remembers the unit (model.Class's
// InputUnit and OutputUnit), so MarshalWorkload writes the size back in the
// unit it came in.

// SizeToTokens converts an amount in unit u of text in language lang to
// English-equivalent tokens. Tokens pass through.
func SizeToTokens(lang string, u model.Unit, amount float64) float64 {
	return convertSize(lang, u, amount, tokencount.WordsToTokens, tokencount.PagesToTokens)
}

// SizeInUnit expresses English-equivalent tokens in unit u of language lang.
func SizeInUnit(lang string, u model.Unit, tokens float64) float64 {
	return convertSize(lang, u, tokens, tokencount.TokensToWords, tokencount.TokensToPages)
}

// convertSize converts v with words or pages as u says; tokens pass through.
func convertSize(lang string, u model.Unit, v float64, words, pages func(string, float64) (float64, bool)) float64 {
	switch u {
	case model.UnitWords:
		v, _ = words(lang, v)
	case model.UnitPages:
		v, _ = pages(lang, v)
	}
	return v
}

// LanguageUnits are the words-per-page and tokens-per-word figures used for
// lang; ok is false when lang has none of its own and English's are used.
func LanguageUnits(lang string) (u tokencount.Units, ok bool) {
	return tokencount.UnitsFor(lang)
}

// MaxSize is the largest amount in unit u of language lang that stays within
// model.MaxTokens.
func MaxSize(lang string, u model.Unit) float64 {
	v := SizeInUnit(lang, u, model.MaxTokens)
	for SizeToTokens(lang, u, v) > model.MaxTokens {
		v = math.Nextafter(v, 0)
	}
	return v
}

// sizeAmount is tokens in unit u of language lang as the number a file
// should hold: the shortest decimal that SizeToTokens turns back into exactly
// tokens. Sizes read from a file or entered in their unit always have one (it
// is the number they came from, or a shorter one); a size converted from
// another unit may fall between two amounts, and then the nearest is
// returned, with exact false, and reads back within a few units in the last
// place.
func sizeAmount(lang string, u model.Unit, tokens float64) (v float64, exact bool) {
	p := SizeInUnit(lang, u, tokens)
	if u == model.UnitTokens || math.IsNaN(p) || math.IsInf(p, 0) {
		return p, u == model.UnitTokens
	}
	back := func(v float64) bool { return SizeToTokens(lang, u, v) == tokens }
	best, found := "", false
	consider := func(x float64) {
		if back(x) {
			if s := yamlNumber(x); !found || len(s) < len(best) {
				v, best, found = x, s, true
			}
		}
	}
	// p rounded to ever more digits: the first that converts back is the
	// shortest near p ("12" for 11.999999999999998).
	for prec := 1; prec <= 17; prec++ {
		x, err := strconv.ParseFloat(strconv.FormatFloat(p, 'g', prec, 64), 64)
		if err == nil && back(x) {
			consider(x)
			break
		}
	}
	// The amount a size was read from can be a few units in the last place
	// from p (each conversion rounds once or twice), and shorter than p's
	// roundings.
	lo, hi := p, p
	for range 16 {
		lo, hi = math.Nextafter(lo, math.Inf(-1)), math.Nextafter(hi, math.Inf(1))
		consider(lo)
		consider(hi)
	}
	if found {
		return v, true
	}
	for p > 0 && SizeToTokens(lang, u, p) > model.MaxTokens {
		p = math.Nextafter(p, 0) // never read back over the limit
	}
	return p, false
}

// sameSize: tokens a and b are one size given in unit u, as close as a write
// in that unit and a read back can keep them.
func sameSize(u model.Unit, a, b float64) bool {
	if u == model.UnitTokens || a == b {
		return a == b
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}
