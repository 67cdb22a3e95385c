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
	"github.com/tokenomics/tokenomics/termsafe"
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
			c, err := compareLast(&in, stderr)
			if err != nil {
				return err
			}
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

// compareLast is the comparison of a run that does not open the app: of
// the workload the flags name, else of the app's last one (its state file
// read against the run's catalog), else of the default preset. When no
// flag names it, stderr is told which it is, and why the last one is not
// when it does not load (the comparison's notes say it too).
func compareLast(in *inputs, stderr io.Writer) (*report.Comparison, error) {
	var st ui.State
	var notices []string
	c, from, err := buildComparison(in, func(cat *plans.Catalog) (model.Workload, bool) {
		st = ui.ReadState(statePath(), cat)
		return st.Restore(&notices)
	})
	if err != nil {
		return nil, err
	}
	// Said once the run is sure to compare: not above an error about a
	// flag. A failed write to stderr is not reported: there is nowhere
	// else to say it, and the comparison itself goes to stdout.
	_, _ = io.WriteString(stderr, report.Compared(from, c.Workload.Name, userpath.Shown(statePath()), termsafe.Text(st.Unloaded())))
	c.CatalogNotes = append(c.CatalogNotes, notices...)
	return c, nil
}

// buildComparison loads catalog and workload, evaluates, and resolves the
// display currency; from says where the workload came from (the flags,
// fallback or the default preset).
func buildComparison(in *inputs, fallback func(*plans.Catalog) (model.Workload, bool)) (*report.Comparison, plans.WorkloadFrom, error) {
	cat, notes, err := in.loadCatalog()
	if err != nil {
		return nil, 0, err
	}
	w, cur, from, err := in.loadWorkload(cat, fallback)
	if err != nil {
		return nil, 0, err
	}
	if len(w.Classes) == 0 {
		// No work costs nothing everywhere: every "saving" would be 100%.
		// (The app takes such a workload: it asks for a class.)
		const why = "no class: there is no work to compare (add one, or use --preset)"
		if in.workload != "" {
			return nil, 0, plans.PlaceInWorkload(in.workload, "classes", errors.New(why))
		}
		return nil, 0, badInput("the workload %q has %s", w.Name, why)
	}
	mc := &cat.Catalog
	if in.noFree {
		mc = mc.WithoutFree()
	}
	r, err := model.Evaluate(w, mc)
	if err != nil {
		return nil, 0, inputError{err}
	}
	if note := currentNote(in, cat, w.Current, from); note != "" {
		notes = append(notes, note)
	}
	return &report.Comparison{Workload: w, Result: &r, CatalogAsOf: cat.AsOf, Currency: cur, CatalogNotes: append(notes, in.notes...), Sources: in.sources}, from, nil
}

// currentNote says, placed in the file that names it (a workload derived
// from logs names none), that the workload's current plan is not one of
// cat's; "" when it is or none is set. The run goes on
// (plans.UnknownCurrent says why).
func currentNote(in *inputs, cat *plans.Catalog, current string, from plans.WorkloadFrom) string {
	err := plans.UnknownCurrent(cat, current)
	switch state := statePath(); {
	case err == nil:
		return ""
	case in.workload != "":
		err = plans.PlaceInWorkload(in.workload, "current", err)
	case from == plans.WorkloadFallback:
		return userpath.InText(plans.PlaceInWorkload(state, "current", err).Error(), state)
	}
	return err.Error()
}

// colorOK is true on a terminal unless NO_COLOR is set.
func colorOK(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}
