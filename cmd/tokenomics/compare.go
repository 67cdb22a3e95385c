package main

import (
	"errors"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/ui"
)

func newCompare(stdout, stderr io.Writer) *cobra.Command {
	var in inputs
	var format string
	var top int
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Rank every subscription and API option for a workload",
		Example: `  tokenomics compare
  tokenomics compare --preset developer --billing annual
  tokenomics compare --workload my-work.yaml --format json
  tokenomics compare --preset korean-team --currency KRW --top 10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format, report.Formats); err != nil {
				return err
			}
			if top < 0 {
				return badInput("--top: %d is negative", top)
			}
			// The same workload as the app: the last saved one, else the default.
			var notices []string
			c, err := buildComparison(&in, ui.LastWorkload(statePath(), &notices), stderr)
			if err != nil {
				return err
			}
			c.CatalogNotes = append(c.CatalogNotes, notices...)
			c.Top = topOf(cmd, top, format)
			return report.Write(stdout, format, c, colorOK(stdout))
		},
	}
	in.register(cmd)
	formatFlag(cmd, &format, "output format: ", report.Formats)
	cmd.Flags().IntVar(&top, "top", 0, "show only the N cheapest options (0 = all; unset: 20 for the table, all otherwise)")
	return cmd
}

// topOf is how many options to show: --top when given, else 20 in a
// table and all in other formats.
func topOf(cmd *cobra.Command, top int, format string) int {
	if !cmd.Flags().Changed("top") && format == "table" {
		return 20
	}
	return top
}

// buildComparison loads catalog and workload, evaluates, and resolves the
// display currency. When no flag names the workload and say is not nil, it
// tells say which workload it compares (the last saved one or the default).
func buildComparison(in *inputs, fallback func(*plans.Catalog) (model.Workload, bool), say io.Writer) (*report.Comparison, error) {
	cat, notes, err := in.loadCatalog()
	if err != nil {
		return nil, err
	}
	w, cur, from, err := in.loadWorkload(cat, fallback)
	if err != nil {
		return nil, err
	}
	if len(w.Classes) == 0 {
		// No work costs nothing everywhere: every "saving" would be 100%.
		// (The app takes such a workload: it asks for a class.)
		const why = "no class: there is no work to compare (add one, or use --preset)"
		if in.workload != "" {
			return nil, plans.PlaceInWorkload(in.workload, "classes", errors.New(why))
		}
		return nil, badInput("the workload %q has %s", w.Name, why)
	}
	mc := &cat.Catalog
	if in.noFree {
		mc = mc.WithoutFree()
	}
	r, err := model.Evaluate(w, mc)
	if err != nil {
		return nil, inputError{err}
	}
	// Said once the run is sure to compare: not above an error about a flag.
	if say != nil {
		io.WriteString(say, report.Compared(from, w.Name, userpath.Shown(statePath())))
	}
	return &report.Comparison{Workload: w, Result: &r, CatalogAsOf: cat.AsOf, Currency: cur, CatalogNotes: append(notes, in.notes...), Sources: in.sources}, nil
}

// colorOK is true on a terminal unless NO_COLOR is set.
func colorOK(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}
