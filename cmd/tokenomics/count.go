package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/report"
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
	formatFlag(cmd, &o.format, "output format: ", tableJSON)
	catalogFlags(cmd, &o.catalog, &o.overlay)
	f.StringVar(&o.currency, "currency", "", "display currency of the table, e.g. USD, KRW (JSON stays USD)")
	f.StringSliceVarP(&o.models, "model", "m", nil, "price on these model ids (repeatable or comma-separated; \"all\" for every model)")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(tokencount.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCount(cmd *cobra.Command, stdout io.Writer, o *countFlags, args []string) error {
	if err := checkFormat(o.format, tableJSON); err != nil {
		return err
	}
	in := inputs{catalog: o.catalog, overlay: o.overlay}
	cat, notes, err := in.loadCatalog()
	if err != nil {
		return err
	}
	lang := strings.ToLower(strings.TrimSpace(o.lang))
	if langs := tokencount.CatalogLanguages(&cat.Catalog); lang != "" && !slices.Contains(langs, lang) {
		return badInput("--lang: %q is not one of %s", o.lang, strings.Join(langs, ", "))
	}
	ids, unknown := tokencount.ModelIDs(&cat.Catalog, o.models)
	if unknown != "" {
		return badInput("--model: no model %q in the catalog (see `tokenomics plans --kind api`)", unknown)
	}
	cur, err := cat.Currency(o.currency)
	if err != nil {
		return err
	}
	var prompt func() // only a terminal is asked to type: not a pipe, not /dev/null
	if isTerminal(cmd.InOrStdin()) {
		prompt = func() { fmt.Fprintln(cmd.ErrOrStderr(), report.PastePrompt) }
	}
	results, err := tokencount.CountInputs(args, cmd.InOrStdin(), prompt)
	if err != nil {
		// Not opened, not read, not a regular file ("-" is for standard
		// input), or standard input twice: bad input.
		return inputError{err}
	}
	tot := tokencount.PriceAll(results, &cat.Catalog, lang, ids)

	c := &report.Counted{Catalog: cat, Notes: notes, Inputs: results, Total: tot, Currency: cur}
	if err := report.Output(stdout, o.format, c, report.CountJSON, report.CountTable, colorOK(stdout)); err != nil {
		return err
	}
	// What could be counted is printed; a file that could not be is still
	// bad input, so a script does not take "not counted" for success.
	if skipped := report.NotCounted(results); skipped != "" {
		return badInput("%s", skipped)
	}
	return nil
}
