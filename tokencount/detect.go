package tokencount

import (
	"unicode"
	"unicode/utf8"
)

// Script is a writing system the detector tells apart.
type Script int

// Scripts counted by the detector. Kana is Hiragana and Katakana together.
const (
	Latin Script = iota
	Hangul
	Han
	Kana
	Cyrillic
	Greek
	Arabic
	Hebrew
	Devanagari
	Thai
	OtherScript
	numScripts
)

var scriptNames = [numScripts]string{"Latin", "Hangul", "Han", "Kana", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Thai", "other"}

func (s Script) String() string {
	if s < 0 || s >= numScripts {
		return "unknown"
	}
	return scriptNames[s]
}

// Scripts counts letters by script.
type Scripts [numScripts]int64

// Add adds the counts of o to s.
func (s *Scripts) Add(o Scripts) {
	for i := range s {
		s[i] += o[i]
	}
}

var scriptTables = [...]struct {
	s Script
	t *unicode.RangeTable
}{
	{Hangul, unicode.Hangul},
	{Han, unicode.Han},
	{Kana, unicode.Hiragana},
	{Kana, unicode.Katakana},
	{Latin, unicode.Latin},
	{Cyrillic, unicode.Cyrillic},
	{Greek, unicode.Greek},
	{Arabic, unicode.Arabic},
	{Hebrew, unicode.Hebrew},
	{Devanagari, unicode.Devanagari},
	{Thai, unicode.Thai},
}

// scriptOf is the script of a letter r (r ≥ 0x80; ASCII letters are Latin).
func scriptOf(r rune) Script {
	if r == 'ー' || r == 'ｰ' { // prolonged sound marks: script Common, used in Katakana words
		return Kana
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	return OtherScript
}

// scriptWeight approximates how many tokens a character of the script costs
// relative to an alphabetic letter: Hangul syllables and Chinese and Japanese
// characters carry a syllable or a word each (about 1 character per token
// against about 4 letters per token for English on o200k_base), so a page
// mixing Korean with English terms is detected as Korean.
func scriptWeight(s Script) float64 {
	switch s {
	case Hangul, Han, Kana:
		return 3
	}
	return 1
}

// Languages the detector can report.
var scriptLang = map[Script]string{Latin: "en", Hangul: "ko", Han: "zh", Kana: "ja"}

// KanaShareJapanese is the least share of Kana among Han and Kana characters
// for which text is taken as Japanese rather than Chinese. Japanese prose has
// far more (typically a third or more), Chinese none.
const KanaShareJapanese = 0.10

// Detection is a language guessed from the script of the letters.
type Detection struct {
	Lang   string  // en, ko, ja or zh; "" when no letters or another script
	Script Script  // the dominant script (Han for Chinese, Kana for Japanese)
	Share  float64 // the dominant script's share of the weighted letters, in [0,1]
}

// Detect guesses the language of the letters counted in s: the script with
// the most weighted letters wins (Hangul, Han and Kana weigh 3, alphabetic
// scripts 1); Han and Kana compete together and give ja when Kana is at
// least KanaShareJapanese of them, else zh. No letters: Lang "".
func (s Scripts) Detect() Detection {
	var w [numScripts]float64
	total := 0.0
	for i, n := range s {
		w[i] = float64(n) * scriptWeight(Script(i))
		total += w[i]
	}
	if total == 0 {
		return Detection{Script: OtherScript}
	}
	cjk := w[Han] + w[Kana]
	best, bestW := Script(-1), -1.0
	for i := range numScripts {
		sc := Script(i)
		if sc == Han || sc == Kana {
			continue
		}
		if w[i] > bestW {
			best, bestW = sc, w[i]
		}
	}
	if cjk > bestW {
		d := Detection{Lang: "zh", Script: Han, Share: cjk / total}
		if float64(s[Kana]) >= KanaShareJapanese*float64(s[Han]+s[Kana]) {
			d.Lang, d.Script = "ja", Kana
		}
		return d
	}
	return Detection{Lang: scriptLang[best], Script: best, Share: bestW / total}
}

// Detect guesses the language of text (see Scripts.Detect).
func Detect(text string) Detection {
	var s Scripts
	for _, r := range text {
		if r == utf8.RuneError {
			continue
		}
		countLetter(&s, r)
	}
	return s.Detect()
}

// countLetter adds r to its script when it is a letter.
func countLetter(s *Scripts, r rune) {
	if r < utf8.RuneSelf {
		if 'a' <= r|0x20 && r|0x20 <= 'z' {
			s[Latin]++
		}
		return
	}
	if unicode.IsLetter(r) {
		s[scriptOf(r)]++
	}
}
