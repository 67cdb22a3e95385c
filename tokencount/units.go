package tokencount

// Units says how text of one language is measured in words and pages, and
// how many English-equivalent tokens (the unit of a workload; DESIGN.md) a
// word of it holds. A workload class given in words or pages is converted
// with them; the catalog's language factor then scales the English-equivalent
// tokens per tokenizer as usual, so the same page costs more on a tokenizer
// that handles the language worse.
type Units struct {
	Lang string
	// Word is what one word is (see the package documentation).
	Word string
	// Page is what one page is.
	Page string
	// WordsPerPage is the words on one page.
	WordsPerPage float64
	// TokensPerWord is English-equivalent tokens per word of this language:
	// English tokens per word × English words per word of this language.
	TokensPerWord float64
	// Derivation says how WordsPerPage and TokensPerWord were obtained.
	Derivation string
	// Sources of the figures, with their dates where known.
	Sources []string
	// Confidence is "estimate": no figure here is an official one.
	Confidence string
}

// EnglishTokensPerWord is the tokens of an English word on OpenAI's
// tokenizers: a Wikipedia sample measured ~1.3 (chrwittm.github.io,
// 2025-05-23), and OpenAI's rule of thumb "1 token ≈ ¾ word" gives 1.33
// (shared/reference/prices.md, section C). Our own business-prose sample
// (testdata/parallel/en.txt) gives 1.14 on o200k_base: plain prose needs
// fewer tokens than encyclopedia text, so 1.3 errs on the side of cost.
const EnglishTokensPerWord = 1.3

// sampleWordRatio is measured on testdata/parallel (the same six paragraphs
// in each language; words as this package counts them): English words per
// word of the language. en 409 words, ko 295, ja 1005, zh 669.
// TestUnitsMatchSample recomputes them.
const (
	sampleWordsEn = 409
	sampleWordsKo = 295
	sampleWordsJa = 1005
	sampleWordsZh = 669
)

// Characters per word measured on the same sample (all characters, spaces
// and punctuation included, over words): ko 1196/295, ja 1088/1005,
// zh 748/669.
const (
	sampleCharsPerWordKo = 4.05
	sampleCharsPerWordJa = 1.08
	sampleCharsPerWordZh = 1.12
)

const sampleSource = "this project's parallel sample tokencount/testdata/parallel (six paragraphs on planning a small-business budget in en, ko, ja, zh; measured 2026-11-27)"

var unitTable = map[string]Units{
	"en": {
		Lang:          "en",
		Word:          "a word between spaces",
		Page:          "a single-spaced page (12 pt, 1-inch margins); 250 words when double-spaced",
		WordsPerPage:  500,
		TokensPerWord: EnglishTokensPerWord,
		Derivation:    "500 words per page as published; 1.3 tokens per word as measured on Wikipedia text",
		Sources: []string{
			"words per page: https://publishing-profits.com/how-long-is-500-words/ (500 words single-spaced, 12 pt, 1-inch margins; 2 pages double-spaced); https://riatto.ovh/tools/writing/word-page (500 single-spaced, 250 double-spaced)",
			"tokens per word: chrwittm.github.io (Wikipedia sample, ~1.3 tokens per word, 2025-05-23); OpenAI rule of thumb 1 token ≈ 3/4 word (shared/reference/prices.md, section C)",
		},
		Confidence: "estimate",
	},
	"ko": {
		Lang:          "ko",
		Word:          "an eojeol (어절), the unit between spaces in Korean",
		Page:          "an A4 page of prose at 10 pt and 160% line spacing, about 1,500 characters with spaces",
		WordsPerPage:  370,  // 1500 / 4.05
		TokensPerWord: 1.80, // 1.3 × 409/295
		Derivation:    "1,500 characters per page ÷ 4.05 characters per eojeol (measured) = 370 words; 1.3 English tokens per word × 409/295 English words per Korean word (measured) = 1.80",
		Sources: []string{
			"characters per page: https://ddbook.tistory.com/182 (A4 ≈ 1,500 characters ≈ 200-character manuscript sheets ×8, at 10 pt, 160% line spacing in Hangul or 1.0 in MS Word); others give 1,000–1,200 (phongnhaexplorer.com)",
			"characters per word and words per English word: " + sampleSource,
			"English tokens per word: see en",
		},
		Confidence: "estimate",
	},
	"ja": {
		Lang:          "ja",
		Word:          "a character (Kanji, Hiragana or Katakana; a run of Latin letters or digits counts as one)",
		Page:          "an A4 page in Word's Japanese default layout: 40 characters × 36 lines at 10.5 pt",
		WordsPerPage:  1330, // 1440 / 1.08
		TokensPerWord: 0.53, // 1.3 × 409/1005
		Derivation:    "1,440 characters per page ÷ 1.08 characters per word (measured; punctuation takes the rest) = 1,330 words; 1.3 × 409/1005 (measured) = 0.53",
		Sources: []string{
			"characters per page: https://office-hack.com/word/a4-word-count (Word default: 10.5 pt, 40 characters × 36 lines = 1,440); https://www.olive-hitomawashi.com/lifestyle/2019/10/a4-6.html (same); this is the grid's capacity, prose with paragraph breaks fills somewhat less",
			"characters per word and words per English word: " + sampleSource,
			"English tokens per word: see en",
		},
		Confidence: "estimate",
	},
	"zh": {
		Lang:          "zh",
		Word:          "a character (Hanzi; a run of Latin letters or digits counts as one)",
		Page:          "an A4 page in Word's default Chinese layout: about 38 characters × 44 lines at 10.5 pt (五号)",
		WordsPerPage:  1490, // 1672 / 1.12
		TokensPerWord: 0.79, // 1.3 × 409/669
		Derivation:    "1,672 characters per page ÷ 1.12 characters per word (measured; punctuation takes the rest) = 1,490 words; 1.3 × 409/669 (measured) = 0.79",
		Sources: []string{
			"characters per page: http://w.hanyi.net/a15701 (Word default, 五号宋体, single spacing: 44 lines of about 38 characters); the grid's capacity, prose with paragraph breaks fills less (the same site gives 500–700 for typical documents), so this page is the least certain figure here",
			"characters per word and words per English word: " + sampleSource,
			"English tokens per word: see en",
		},
		Confidence: "estimate",
	},
}

// UnitsFor returns the units of a language. A language without its own
// figures gets the English ones and ok false, for the caller to say so.
func UnitsFor(lang string) (u Units, ok bool) {
	if lang == "" {
		lang = "en"
	}
	u, ok = unitTable[lang]
	if !ok {
		u = unitTable["en"]
	}
	return u, ok
}

// Languages lists the languages with their own units, in a fixed order.
func Languages() []string { return []string{"en", "ko", "ja", "zh"} }

// WordsToTokens converts words of lang to English-equivalent tokens.
func WordsToTokens(lang string, words float64) (float64, bool) {
	u, ok := UnitsFor(lang)
	return words * u.TokensPerWord, ok
}

// PagesToTokens converts pages of lang to English-equivalent tokens.
func PagesToTokens(lang string, pages float64) (float64, bool) {
	u, ok := UnitsFor(lang)
	return pages * u.WordsPerPage * u.TokensPerWord, ok
}

// PagesToWords converts pages of lang to words of lang.
func PagesToWords(lang string, pages float64) (float64, bool) {
	u, ok := UnitsFor(lang)
	return pages * u.WordsPerPage, ok
}

// TokensToWords converts English-equivalent tokens to words of lang.
func TokensToWords(lang string, tokens float64) (float64, bool) {
	u, ok := UnitsFor(lang)
	return tokens / u.TokensPerWord, ok
}

// TokensToPages converts English-equivalent tokens to pages of lang.
func TokensToPages(lang string, tokens float64) (float64, bool) {
	u, ok := UnitsFor(lang)
	return tokens / (u.WordsPerPage * u.TokensPerWord), ok
}
