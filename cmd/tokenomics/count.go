package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/tokencount"
)

// countFlags are the flags of `tokenomics count`.
type countFlags struct {
	lang, format, catalog, currency string
	overlay                         string
	models                          []string
}

func newCount(stdout io.Writer) *cobra.Command {
	var o countFlags
	cmd := &cobra.Command{
		Use:   "count [FILE...|-]",
		Short: "Count characters, words and tokens of documents, and what one costs as input",
		Long: `count reads each FILE (standard input when there is none, or for "-") and prints its
characters, words and tokens: counted exactly under OpenAI's o200k_base and cl100k_base
tokenizers, estimated for every other tokenizer family of the catalog through its
language factors, and the cost of one such document as the input of a request on a
few models (--model to choose them, --model all for every model).

The language is detected from the script (Hangul: ko; Han with Kana: ja; Han: zh;
Latin: en); --lang overrides it. Words are counted between spaces, and one per
character in Chinese and Japanese. Input of any size is streamed; binary input and
text that is not UTF-8 (or UTF-16 with a byte order mark) is reported, not counted.`,
		Example: `  tokenomics count report.txt
  pbpaste | tokenomics count --lang ko
  tokenomics count chapter*.md --format json
  tokenomics count contract.txt --model claude-sonnet-5-5 --model gpt-6-luna --currency KRW`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCount(cmd, stdout, &o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.lang, "lang", "", "language of the text: en, ko, ja, zh, … (default: detected from the script)")
	f.StringVarP(&o.format, "format", "f", "table", "output format: table or json")
	f.StringVar(&o.catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	overlayFlag(cmd, &o.overlay)
	f.StringVar(&o.currency, "currency", "", "display currency of the table, e.g. USD, KRW (JSON stays USD)")
	f.StringSliceVarP(&o.models, "model", "m", nil, "price on these model ids (repeatable or comma-separated; \"all\" for every model)")
	_ = cmd.MarkFlagFilename("catalog", "yaml", "yml")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(tokencount.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// countResult is one counted input (or the total of several).
type countResult struct {
	Name       string
	Stats      tokencount.Stats
	Lang       string // the language used
	LangSource string // "flag", "detected" or "default" (nothing detected: taken as en)
	Detection  tokencount.Detection
	English    float64 // English-equivalent tokens
	Basis      string  // the tokenizer family English was derived from
	BasisOK    bool    // the basis factor is known
	Pages      float64 // in the language's pages (English ones when it has none)
	PagesOwn   bool    // the language has its own page size
	Estimates  []tokencount.Estimate
	Costs      []tokencount.DocCost
	Total      bool     // the sum of several inputs
	Langs      []string // a total's languages
}

func runCount(cmd *cobra.Command, stdout io.Writer, o *countFlags, args []string) error {
	if o.format != "table" && o.format != "json" {
		return badInput("--format: %q is not table or json", o.format)
	}
	in := inputs{catalog: o.catalog, overlay: o.overlay}
	cat, notes, err := in.loadCatalog()
	if err != nil {
		return err
	}
	lang := strings.ToLower(strings.TrimSpace(o.lang))
	if lang != "" && !countKnownLang(cat, lang) {
		return badInput("--lang: %q is not one of %s", o.lang, strings.Join(countLangs(cat), ", "))
	}
	ids, err := countModelIDs(cat, o.models)
	if err != nil {
		return err
	}
	cur, err := currencyOf(cat, o.currency)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"-"}
	}

	// Count everything first: nothing is printed for a run that fails.
	var results []*countResult
	var total tokencount.Stats
	texts := 0
	stdinUsed := false
	for _, name := range args {
		var st tokencount.Stats
		if name == "-" {
			if stdinUsed {
				return badInput("standard input (-) given twice")
			}
			stdinUsed = true
			stdin := cmd.InOrStdin()
			if f, ok := stdin.(*os.File); ok {
				if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
					fmt.Fprintln(cmd.ErrOrStderr(), "Paste or type the text, then press Ctrl-D (Ctrl-Z and Enter on Windows).")
				}
			}
			st, err = tokencount.Count(stdin)
			if err != nil {
				return inputError{fmt.Errorf("standard input: %w", err)}
			}
			name = "standard input"
		} else {
			st, err = countFile(name)
			if err != nil {
				return err
			}
		}
		r := &countResult{Name: name, Stats: st}
		if !st.Binary {
			countPrice(r, cat, lang, ids)
			total.Add(st)
			texts++
		}
		results = append(results, r)
	}
	var tot *countResult
	if texts > 1 {
		tot = countTotal(results, total)
	}

	var buf bytes.Buffer
	if o.format == "json" {
		err = countJSON(&buf, cat, notes, results, tot)
	} else {
		countTables(&buf, cat, notes, results, tot, cur, colorOK(stdout))
	}
	if err != nil {
		return err
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return err
	}
	// What could be counted is printed; a file that could not be is still
	// bad input, so a script does not take "not counted" for success.
	var skipped []string
	for _, r := range results {
		if r.Stats.Binary {
			skipped = append(skipped, fmt.Sprintf("%s: not counted: %s", r.Name, r.Stats.BinaryReason))
		}
	}
	if len(skipped) > 0 {
		return badInput("%s", strings.Join(skipped, "; "))
	}
	return nil
}

// countFile counts one file, streamed. A file that cannot be opened or read,
// or is not a regular file (a FIFO would wait, a device never end; "-" is
// for standard input), is bad input (exit status 2).
func countFile(name string) (tokencount.Stats, error) {
	f, err := safefile.Open(name)
	if err != nil {
		return tokencount.Stats{}, inputError{err}
	}
	defer f.Close()
	st, err := tokencount.Count(f)
	if err != nil {
		return st, inputError{fmt.Errorf("%s: %w", name, err)}
	}
	return st, nil
}

// countPrice settles the language and derives the estimates and costs. Every
// price comes from the engine (tokencount.InputCosts → model.TaskCost).
func countPrice(r *countResult, cat *plans.Catalog, lang string, ids []string) {
	r.Detection = r.Stats.Detect()
	switch {
	case lang != "":
		r.Lang, r.LangSource = lang, "flag"
	case r.Detection.Lang != "":
		r.Lang, r.LangSource = r.Detection.Lang, "detected"
	default:
		r.Lang, r.LangSource = "en", "default"
	}
	u, own := tokencount.UnitsFor(r.Lang)
	r.Pages, r.PagesOwn = float64(r.Stats.Words)/u.WordsPerPage, own
	r.English, r.Basis, r.BasisOK = tokencount.EnglishEquivalent(&r.Stats, r.Lang, &cat.Catalog)
	r.Estimates = tokencount.Estimates(&r.Stats, r.Lang, &cat.Catalog)
	r.Costs, _ = tokencount.InputCosts(&cat.Catalog, r.English, r.Lang, ids)
}

// countTotal sums the text inputs: counts, tokens per tokenizer and costs
// (each document as the input of its own request), each input with its own
// language. The language is theirs when they share one, else "mixed".
func countTotal(results []*countResult, total tokencount.Stats) *countResult {
	tot := &countResult{Name: "total", Stats: total, Detection: total.Detect(), Basis: tokencount.O200k, BasisOK: true, PagesOwn: true, Total: true}
	for _, r := range results {
		if r.Stats.Binary {
			continue
		}
		switch tot.Lang {
		case "":
			tot.Lang, tot.LangSource = r.Lang, r.LangSource
		case r.Lang:
		default:
			tot.Lang, tot.LangSource = "mixed", "inputs"
		}
		if !slices.Contains(tot.Langs, r.Lang) {
			tot.Langs = append(tot.Langs, r.Lang)
		}
		tot.Pages += r.Pages
		tot.PagesOwn = tot.PagesOwn && r.PagesOwn
		tot.English += r.English
		tot.BasisOK = tot.BasisOK && r.BasisOK
		if tot.Estimates == nil {
			tot.Estimates = slices.Clone(r.Estimates)
			tot.Costs = slices.Clone(r.Costs)
			continue
		}
		for i, e := range r.Estimates {
			t := &tot.Estimates[i]
			t.Tokens += e.Tokens
			t.FactorKnown = t.FactorKnown && e.FactorKnown
			if t.Factor != e.Factor {
				t.Factor = math.NaN()
			}
		}
		for i, c := range r.Costs {
			t := &tot.Costs[i]
			t.Tokens += c.Tokens
			t.Cost += c.Cost
			t.FactorKnown = t.FactorKnown && c.FactorKnown
			t.FitsContext = t.FitsContext && c.FitsContext
			if t.Factor != c.Factor {
				t.Factor = math.NaN()
			}
		}
	}
	return tot
}

// countLangs lists the languages --lang takes: those with units, then any
// other the catalog has a factor for.
func countLangs(cat *plans.Catalog) []string {
	langs := tokencount.Languages()
	var more []string
	for _, m := range cat.Tokenizers {
		for l := range m {
			if !slices.Contains(langs, l) && !slices.Contains(more, l) {
				more = append(more, l)
			}
		}
	}
	slices.Sort(more)
	return append(langs, more...)
}

func countKnownLang(cat *plans.Catalog, lang string) bool {
	return slices.Contains(countLangs(cat), lang)
}

// countModelIDs resolves --model: none gives a few per provider, "all" every
// model that can still be bought; an unknown id is bad input.
func countModelIDs(cat *plans.Catalog, flags []string) ([]string, error) {
	var ids []string
	for _, f := range flags {
		for id := range strings.SplitSeq(f, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	switch {
	case len(ids) == 0:
		return tokencount.DefaultModels(&cat.Catalog), nil
	case len(ids) == 1 && ids[0] == "all":
		return tokencount.AllModels(&cat.Catalog), nil
	}
	for _, id := range ids {
		if _, ok := cat.Model(id); !ok {
			return nil, badInput("--model: no model %q in the catalog (see `tokenomics plans --kind api`)", id)
		}
	}
	return ids, nil
}

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

func countOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func countTokens(v float64) string { return money.Count(math.Round(v)) }

// countFactor writes a factor with up to two decimals: 2.8, 1.47.
func countFactor(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

func countTables(w *bytes.Buffer, cat *plans.Catalog, notes []string, results []*countResult, tot *countResult, cur money.Currency, color bool) {
	for i, r := range results {
		if i > 0 {
			w.WriteString("\n")
		}
		countBlock(w, cat, r, cur, color)
	}
	if tot != nil {
		fmt.Fprintf(w, "\n%s\n", strings.Repeat("─", 40))
		countBlock(w, cat, tot, cur, color)
	}
	fmt.Fprintf(w, "\nPrices of the catalog of %s, in %s. Exact counts are for OpenAI's public tokenizers; other vendors' are estimates.\n", cat.AsOf, cur.Code)
	for _, n := range notes {
		fmt.Fprintf(w, "%s\n", termsafe.Text(n))
	}
}

// countBlock writes one input's counts (or the total's): a heading, the
// sizes, the estimate per tokenizer, and the cost on each model.
func countBlock(w *bytes.Buffer, cat *plans.Catalog, r *countResult, cur money.Currency, color bool) {
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
func countHeading(w *bytes.Buffer, r *countResult, name string) {
	st := &r.Stats
	fmt.Fprintf(w, "%s · %s · %s bytes", name, countLangLine(r), grouped(st.Bytes))
	if st.Encoding != "" && st.Encoding != "utf-8" {
		fmt.Fprintf(w, " · %s", strings.ToUpper(st.Encoding))
	}
	w.WriteString("\n")
}

// countSizes writes characters, words, pages and English-equivalent tokens,
// each saying how it was obtained, then what may make the counts inexact.
func countSizes(w *bytes.Buffer, cat *plans.Catalog, r *countResult) {
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
func countEstimates(w *bytes.Buffer, cat *plans.Catalog, r *countResult, color bool) {
	vendors := countVendors(cat)
	var rows [][]string
	for _, e := range r.Estimates {
		name := e.Tokenizer
		if e.Measured {
			name += "_base"
		}
		rows = append(rows, []string{name, countTokens(e.Tokens), countOr(strings.Join(vendors[e.Tokenizer], ", "), "—"), countHow(r, e)})
	}
	w.WriteString("\n")
	w.WriteString(countTable(color, []string{"Tokenizer", "Tokens", "Used by", "How"}, rows, 1))
}

// countHow says how a tokenizer's count was obtained.
func countHow(r *countResult, e tokencount.Estimate) string {
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
func countCosts(w *bytes.Buffer, r *countResult, cur money.Currency, color bool) {
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
func countCostNotes(r *countResult, c tokencount.DocCost) []string {
	m := c.Model
	var notes []string
	if !c.FactorKnown {
		notes = append(notes, fmt.Sprintf("no %s factor for %s: the catalog's median", r.Lang, countOr(m.Tokenizer, "its tokenizer")))
	}
	if lc := m.LongContext; lc != nil && c.Tokens > lc.Threshold && !r.Total {
		notes = append(notes, "long-context rate")
	}
	if !c.FitsContext {
		notes = append(notes, "exceeds its "+model.Tokens(m.ContextWindow)+" context")
	}
	if m.Status != "" && m.Status != "active" {
		notes = append(notes, m.Status)
	}
	return notes
}

// countLangLine says which language the counts are read in, and why.
func countLangLine(r *countResult) string {
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
	t := strings.TrimSuffix(catalogTable(color, headers, rows, right...), "\n")
	return "  " + strings.ReplaceAll(t, "\n", "\n  ") + "\n"
}

type countJSONOut struct {
	Catalog        map[string]any    `json:"catalog"`
	Currency       string            `json:"currency"`
	TokenizerNotes map[string]string `json:"tokenizer_notes"`
	Inputs         []countJSONInput  `json:"inputs"`
	Total          *countJSONInput   `json:"total"`
}

type countJSONInput struct {
	Name               string           `json:"name"`
	Bytes              int64            `json:"bytes"`
	Binary             bool             `json:"binary"`
	BinaryReason       string           `json:"binary_reason,omitempty"`
	Encoding           string           `json:"encoding,omitempty"`
	Characters         int64            `json:"characters"`
	CharactersNoSpaces int64            `json:"characters_no_spaces"`
	Words              int64            `json:"words"`
	Pages              *float64         `json:"pages"`
	InvalidUTF8        int64            `json:"invalid_utf8_bytes"`
	ForcedCuts         int              `json:"forced_cuts"`
	Language           string           `json:"language,omitempty"`
	LanguageSource     string           `json:"language_source,omitempty"`
	Languages          []string         `json:"languages,omitempty"`
	DetectedLanguage   string           `json:"detected_language,omitempty"`
	Script             string           `json:"script,omitempty"`
	ScriptShare        *float64         `json:"script_share,omitempty"`
	Tokens             map[string]int64 `json:"tokens,omitempty"`
	English            *float64         `json:"english_equivalent_tokens,omitempty"`
	EnglishBasis       string           `json:"english_equivalent_basis,omitempty"`
	EnglishBasisKnown  *bool            `json:"english_equivalent_factor_known,omitempty"`
	Estimates          []countJSONEst   `json:"estimates,omitempty"`
	Costs              []countJSONCost  `json:"costs,omitempty"`
}

type countJSONEst struct {
	Tokenizer   string   `json:"tokenizer"`
	Tokens      float64  `json:"tokens"`
	Measured    bool     `json:"measured"`
	Factor      *float64 `json:"factor"` // null in a total of several languages
	FactorKnown bool     `json:"factor_known"`
}

type countJSONCost struct {
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

func countJSON(w io.Writer, cat *plans.Catalog, notes []string, results []*countResult, tot *countResult) error {
	if notes == nil {
		notes = []string{}
	}
	out := countJSONOut{Catalog: map[string]any{"as_of": cat.AsOf, "notes": notes}, Currency: "USD", TokenizerNotes: cat.TokenizerNotes, Inputs: []countJSONInput{}}
	for _, r := range results {
		out.Inputs = append(out.Inputs, countJSONOf(r))
	}
	if tot != nil {
		t := countJSONOf(tot)
		out.Total = &t
	}
	return writeJSON(w, out)
}

func countJSONOf(r *countResult) countJSONInput {
	st := &r.Stats
	j := countJSONInput{
		Name: r.Name, Bytes: st.Bytes, Binary: st.Binary, BinaryReason: st.BinaryReason, Encoding: st.Encoding,
		Characters: st.Chars, CharactersNoSpaces: st.CharsNoSpace, Words: st.Words,
		InvalidUTF8: st.InvalidUTF8, ForcedCuts: st.ForcedCuts,
	}
	if st.Binary {
		return j
	}
	pages := report.JSONCost(r.Pages)
	share := report.JSONCost(r.Detection.Share)
	en := report.JSONCost(r.English)
	known := r.BasisOK
	j.Pages, j.ScriptShare, j.English, j.EnglishBasisKnown = &pages, &share, &en, &known
	j.Language, j.LanguageSource, j.DetectedLanguage, j.Languages = r.Lang, r.LangSource, r.Detection.Lang, r.Langs
	if r.Detection.Share > 0 {
		j.Script = r.Detection.Script.String()
	}
	j.Tokens = map[string]int64{"o200k_base": st.O200k, "cl100k_base": st.Cl100k}
	j.EnglishBasis = r.Basis
	for _, e := range r.Estimates {
		j.Estimates = append(j.Estimates, countJSONEst{Tokenizer: e.Tokenizer, Tokens: report.JSONCost(e.Tokens), Measured: e.Measured,
			Factor: countNum(e.Factor), FactorKnown: e.FactorKnown})
	}
	for _, c := range r.Costs {
		j.Costs = append(j.Costs, countJSONCost{Model: c.Model.ID, Name: c.Model.Name, Provider: c.Model.Provider, Tokenizer: c.Model.Tokenizer,
			Tokens: report.JSONCost(c.Tokens), Factor: countNum(c.Factor), FactorKnown: c.FactorKnown, InputPrice: c.Model.Input,
			Cost: report.JSONCost(c.Cost), FitsContext: c.FitsContext})
	}
	return j
}
