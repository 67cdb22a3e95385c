package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/tokencount"
)

var countLangNames = map[string]string{"en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese"}

func countLangName(lang string) string {
	if n, ok := countLangNames[lang]; ok {
		return n
	}
	return lang
}

// countNum is v for JSON, or null when it is not a number.
func countNum(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func countTokens(v float64) string { return money.Count(math.Round(v)) }

// countFactor writes a factor with up to two decimals: 2.8, 1.47.
func countFactor(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

// PastePrompt asks a terminal for the text to count.
const PastePrompt = "Paste or type the text, then press Ctrl-D (Ctrl-Z and Enter on Windows)."

// Counted is what `tokenomics count` counted: each input, and their total
// when there are several.
type Counted struct {
	Catalog  *plans.Catalog
	Notes    []string // the catalog's
	Inputs   []*tokencount.Document
	Total    *tokencount.Document // nil for one input
	Currency money.Currency       // the table's; JSON stays in USD
}

// CountTable is a Counted for a terminal.
func CountTable(c *Counted, color bool) string {
	var w bytes.Buffer
	cat, notes, results, tot, cur := c.Catalog, c.Notes, c.Inputs, c.Total, c.Currency
	for i, r := range results {
		if i > 0 {
			w.WriteString("\n")
		}
		countBlock(&w, cat, r, cur, color)
	}
	if tot != nil {
		fmt.Fprintf(&w, "\n%s\n", strings.Repeat("─", 40))
		countBlock(&w, cat, tot, cur, color)
	}
	fmt.Fprintf(&w, "\nPrices of the catalog of %s, in %s. Exact counts are for OpenAI's public tokenizers; other vendors' are estimates.\n", cat.AsOf, cur.Code)
	for _, n := range notes {
		fmt.Fprintf(&w, "%s\n", termsafe.Text(n))
	}
	return w.String()
}

// countBlock writes one input's counts (or the total's): a heading, the
// sizes, the estimate per tokenizer, and the cost on each model.
func countBlock(w *bytes.Buffer, cat *plans.Catalog, r *tokencount.Document, cur money.Currency, color bool) {
	name := termsafe.Text(r.Name) // a file name
	if color {
		name = lipgloss.NewStyle().Bold(true).Render(name)
	}
	if st := &r.Stats; st.Binary {
		fmt.Fprintf(w, "%s · %s bytes · not counted: %s\n", name, grouped(st.Bytes), st.BinaryReason)
		return
	}
	countHeading(w, r, name)
	countSizes(w, cat, r)
	countEstimates(w, cat, r, color)
	countCosts(w, r, cur, color)
}

// countHeading names the input, its language and size.
func countHeading(w *bytes.Buffer, r *tokencount.Document, name string) {
	st := &r.Stats
	fmt.Fprintf(w, "%s · %s · %s bytes", name, countLangLine(r), grouped(st.Bytes))
	if st.Encoding != "" && st.Encoding != "utf-8" {
		fmt.Fprintf(w, " · %s", strings.ToUpper(st.Encoding))
	}
	w.WriteString("\n")
}

// countSizes writes characters, words, pages and English-equivalent tokens,
// each saying how it was obtained, then what may make the counts inexact.
func countSizes(w *bytes.Buffer, cat *plans.Catalog, r *tokencount.Document) {
	st := &r.Stats
	fmt.Fprintf(w, "  %s characters (%s without spaces) · %s words · %s pages", grouped(st.Chars), grouped(st.CharsNoSpace), grouped(st.Words), countPages(r.Pages))
	u, _ := tokencount.UnitsFor(r.Lang)
	switch {
	case r.Total:
		w.WriteString(" (each input in its language's pages)\n")
	case r.PagesOwn:
		fmt.Fprintf(w, " of %s words\n", money.Count(u.WordsPerPage))
	default:
		fmt.Fprintf(w, " of %s words (English pages: no page size for %s)\n", money.Count(u.WordsPerPage), r.Lang)
	}
	fmt.Fprintf(w, "  English-equivalent: %s tokens", countTokens(r.English))
	basisFactor, _ := cat.Factor(r.Basis, r.Lang)
	switch {
	case r.Total:
		w.WriteString(" (the sum of the inputs')\n")
	case r.Lang == "en":
		w.WriteString(" (the o200k_base count)\n")
	case r.BasisOK:
		fmt.Fprintf(w, " (%s_base count ÷ the catalog's %s factor %s)\n", r.Basis, r.Lang, countFactor(basisFactor))
	default:
		fmt.Fprintf(w, " (no %s factor for o200k or cl100k in the catalog: the o200k_base count as it is)\n", r.Lang)
	}
	if st.InvalidUTF8 > 0 {
		fmt.Fprintf(w, "  %s bytes were not UTF-8 and were counted as U+FFFD\n", grouped(st.InvalidUTF8))
	}
	if st.ForcedCuts > 0 {
		fmt.Fprintf(w, "  %s very long runs without a break were cut: token counts may be off by about that many\n", grouped(int64(st.ForcedCuts)))
	}
}

// countEstimates writes the table of tokens per tokenizer family, counted or
// estimated, with the providers that use each.
func countEstimates(w *bytes.Buffer, cat *plans.Catalog, r *tokencount.Document, color bool) {
	vendors := countVendors(cat)
	var rows [][]string
	for _, e := range r.Estimates {
		name := e.Tokenizer
		if e.Measured {
			name += "_base"
		}
		rows = append(rows, []string{name, countTokens(e.Tokens), or(strings.Join(vendors[e.Tokenizer], ", "), "—"), countHow(r, e)})
	}
	w.WriteString("\n")
	w.WriteString(countTable(color, []string{"Tokenizer", "Tokens", "Used by", "How"}, rows, 1))
}

// countHow says how a tokenizer's count was obtained.
func countHow(r *tokencount.Document, e tokencount.Estimate) string {
	switch {
	case e.Measured:
		return "counted"
	case !e.FactorKnown && r.Total:
		return "estimate: sum of the inputs', some without a language factor"
	case !e.FactorKnown:
		return fmt.Sprintf("estimate: %s × %s, the catalog's median %s factor (this tokenizer has none)", countTokens(r.English), countFactor(e.Factor), r.Lang)
	case r.Total:
		return "estimate: sum of the inputs'"
	case r.Lang == "en" && e.Factor == 1:
		return "estimate: English taken as on o200k_base"
	}
	return fmt.Sprintf("estimate: %s × %s", countTokens(r.English), countFactor(e.Factor))
}

// countCosts writes the table of what the document costs as the input of a
// request on each chosen model, if any were chosen.
func countCosts(w *bytes.Buffer, r *tokencount.Document, cur money.Currency, color bool) {
	if len(r.Costs) == 0 {
		return
	}
	var rows [][]string
	for _, c := range r.Costs {
		m := c.Model
		rows = append(rows, []string{m.Name, m.Provider, countTokens(c.Tokens), strconv.FormatFloat(m.Input, 'f', -1, 64),
			cur.FormatSmall(c.Cost), cur.Format(1000 * c.Cost), strings.Join(countCostNotes(r, c), "; ")})
	}
	if r.Total {
		w.WriteString("\n  Every document as the input of its own request (no output), summed:\n")
	} else {
		w.WriteString("\n  One document as the input of a request (no output):\n")
	}
	w.WriteString(countTable(color, []string{"Model", "Provider", "Tokens", "USD/M in", "Cost", "Per 1,000", "Note"}, rows, 2, 3, 4, 5))
}

// countCostNotes are what qualifies a model's cost.
func countCostNotes(r *tokencount.Document, c tokencount.DocCost) []string {
	m := c.Model
	var notes []string
	if !c.FactorKnown {
		notes = append(notes, fmt.Sprintf("no %s factor for %s: the catalog's median", r.Lang, or(m.Tokenizer, "its tokenizer")))
	}
	if lc := m.LongContext; lc != nil && c.Tokens > lc.Threshold && !r.Total {
		notes = append(notes, "long-context rate")
	}
	if !c.FitsContext {
		notes = append(notes, "exceeds its "+money.Tokens(m.ContextWindow)+" context")
	}
	if m.Status != "" && m.Status != "active" {
		notes = append(notes, m.Status)
	}
	return notes
}

// countLangLine says which language the counts are read in, and why.
func countLangLine(r *tokencount.Document) string {
	if r.Lang == "mixed" {
		return "mixed languages (" + strings.Join(r.Langs, ", ") + ")"
	}
	s := countLangName(r.Lang) + " (" + r.Lang
	d := r.Detection
	script := d.Script.String()
	if d.Script == tokencount.Kana {
		script = "Han and Kana"
	}
	switch r.LangSource {
	case "flag":
		s += ", from --lang"
		if d.Lang != "" && d.Lang != r.Lang {
			s += "; the script says " + d.Lang
		}
	case "detected":
		s += fmt.Sprintf(", detected: %s, %.0f%% of letters", script, 100*d.Share)
	default:
		switch {
		case r.Stats.Chars == 0:
			s += ", empty"
		case d.Share > 0:
			s += fmt.Sprintf(", taken as English: %s script has no language here, use --lang", script)
		default:
			s += ", no letters: taken as English"
		}
	}
	return s + ")"
}

// countPages writes a page count with one decimal, two below one page.
func countPages(p float64) string {
	if p < 1 {
		return strconv.FormatFloat(p, 'f', 2, 64)
	}
	return strconv.FormatFloat(p, 'f', 1, 64)
}

// countVendors lists the providers whose models use each tokenizer family.
func countVendors(cat *plans.Catalog) map[string][]string {
	out := map[string][]string{}
	for _, m := range cat.Models {
		if m.Tokenizer != "" && m.Usable() && !slices.Contains(out[m.Tokenizer], m.Provider) {
			out[m.Tokenizer] = append(out[m.Tokenizer], m.Provider)
		}
	}
	return out
}

// countTable is catalogTable indented by two spaces.
func countTable(color bool, headers []string, rows [][]string, right ...int) string {
	t := strings.TrimSuffix(table(color, headers, rows, right...), "\n")
	return "  " + strings.ReplaceAll(t, "\n", "\n  ") + "\n"
}

// CountJSONOut is the JSON of `tokenomics count`.
type CountJSONOut struct {
	Catalog        map[string]any    `json:"catalog"`
	Currency       string            `json:"currency"`
	TokenizerNotes map[string]string `json:"tokenizer_notes"`
	Inputs         []CountJSONInput  `json:"inputs"`
	Total          *CountJSONInput   `json:"total"`
}

// CountJSONInput is one input of CountJSONOut, or their total.
type CountJSONInput struct {
	Name               string              `json:"name"`
	Bytes              int64               `json:"bytes"`
	Binary             bool                `json:"binary"`
	BinaryReason       string              `json:"binary_reason,omitempty"`
	Encoding           string              `json:"encoding,omitempty"`
	Characters         int64               `json:"characters"`
	CharactersNoSpaces int64               `json:"characters_no_spaces"`
	Words              int64               `json:"words"`
	Pages              *float64            `json:"pages"`
	InvalidUTF8        int64               `json:"invalid_utf8_bytes"`
	ForcedCuts         int                 `json:"forced_cuts"`
	Language           string              `json:"language,omitempty"`
	LanguageSource     string              `json:"language_source,omitempty"`
	Languages          []string            `json:"languages,omitempty"`
	DetectedLanguage   string              `json:"detected_language,omitempty"`
	Script             string              `json:"script,omitempty"`
	ScriptShare        *float64            `json:"script_share,omitempty"`
	Tokens             map[string]int64    `json:"tokens,omitempty"`
	English            *float64            `json:"english_equivalent_tokens,omitempty"`
	EnglishBasis       string              `json:"english_equivalent_basis,omitempty"`
	EnglishBasisKnown  *bool               `json:"english_equivalent_factor_known,omitempty"`
	Estimates          []CountJSONEstimate `json:"estimates,omitempty"`
	Costs              []CountJSONCost     `json:"costs,omitempty"`
}

// CountJSONEstimate is an input's tokens under one tokenizer family.
type CountJSONEstimate struct {
	Tokenizer   string   `json:"tokenizer"`
	Tokens      float64  `json:"tokens"`
	Measured    bool     `json:"measured"`
	Factor      *float64 `json:"factor"` // null in a total of several languages
	FactorKnown bool     `json:"factor_known"`
}

// CountJSONCost is what an input costs as the input of a request on one model.
type CountJSONCost struct {
	Model       string   `json:"model"`
	Name        string   `json:"name"`
	Provider    string   `json:"provider"`
	Tokenizer   string   `json:"tokenizer"`
	Tokens      float64  `json:"tokens"`
	Factor      *float64 `json:"factor"` // null in a total of several languages
	FactorKnown bool     `json:"factor_known"`
	InputPrice  float64  `json:"input_price"`
	Cost        float64  `json:"cost"`
	FitsContext bool     `json:"fits_context"`
}

// NotCounted says which inputs were not counted, and why; "" when every
// one was.
func NotCounted(docs []*tokencount.Document) string {
	var skipped []string
	for _, r := range docs {
		if r.Stats.Binary {
			skipped = append(skipped, fmt.Sprintf("%s: not counted: %s", r.Name, r.Stats.BinaryReason))
		}
	}
	return strings.Join(skipped, "; ")
}

// CountJSON is a Counted for programs, in USD.
func CountJSON(w io.Writer, c *Counted) error {
	cat, notes, results, tot := c.Catalog, c.Notes, c.Inputs, c.Total
	if notes == nil {
		notes = []string{}
	}
	out := CountJSONOut{Catalog: map[string]any{"as_of": cat.AsOf, "notes": notes}, Currency: "USD", TokenizerNotes: cat.TokenizerNotes, Inputs: []CountJSONInput{}}
	for _, r := range results {
		out.Inputs = append(out.Inputs, countJSONOf(r))
	}
	if tot != nil {
		t := countJSONOf(tot)
		out.Total = &t
	}
	return WriteJSON(w, out)
}

func countJSONOf(r *tokencount.Document) CountJSONInput {
	st := &r.Stats
	j := CountJSONInput{
		Name: r.Name, Bytes: st.Bytes, Binary: st.Binary, BinaryReason: st.BinaryReason, Encoding: st.Encoding,
		Characters: st.Chars, CharactersNoSpaces: st.CharsNoSpace, Words: st.Words,
		InvalidUTF8: st.InvalidUTF8, ForcedCuts: st.ForcedCuts,
	}
	if st.Binary {
		return j
	}
	pages := JSONCost(r.Pages)
	share := JSONCost(r.Detection.Share)
	en := JSONCost(r.English)
	known := r.BasisOK
	j.Pages, j.ScriptShare, j.English, j.EnglishBasisKnown = &pages, &share, &en, &known
	j.Language, j.LanguageSource, j.DetectedLanguage, j.Languages = r.Lang, r.LangSource, r.Detection.Lang, r.Langs
	if r.Detection.Share > 0 {
		j.Script = r.Detection.Script.String()
	}
	j.Tokens = map[string]int64{"o200k_base": st.O200k, "cl100k_base": st.Cl100k}
	j.EnglishBasis = r.Basis
	for _, e := range r.Estimates {
		j.Estimates = append(j.Estimates, CountJSONEstimate{Tokenizer: e.Tokenizer, Tokens: JSONCost(e.Tokens), Measured: e.Measured,
			Factor: countNum(e.Factor), FactorKnown: e.FactorKnown})
	}
	for _, c := range r.Costs {
		j.Costs = append(j.Costs, CountJSONCost{Model: c.Model.ID, Name: c.Model.Name, Provider: c.Model.Provider, Tokenizer: c.Model.Tokenizer,
			Tokens: JSONCost(c.Tokens), Factor: countNum(c.Factor), FactorKnown: c.FactorKnown, InputPrice: c.Model.Input,
			Cost: JSONCost(c.Cost), FitsContext: c.FitsContext})
	}
	return j
}
