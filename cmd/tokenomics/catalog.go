package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
)

func newPlans(stdout io.Writer) *cobra.Command {
	var in inputs
	var kind, format string
	var check bool
	cmd := &cobra.Command{
		Use:   "plans",
		Short: "List the catalog: prices, limits, sources and dates",
		Long: `plans lists the catalog (the embedded one, with your overlay) with every entry's
source and date. --check lists instead what may make an answer wrong: entries dated
more than 90 days ago, retired, preview and legacy models, prices and limits that are
estimates, limits measured from your logs (tokenomics calibrate) with their age,
dated price changes that have passed or come within 30 days, and models deprecated or
retired within 30 days; its notes say which dated changes are in effect today.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if kind != "" && kind != "api" && kind != "subscription" {
				return badInput("--kind: %q is not api or subscription", kind)
			}
			if err := checkFormat(format, tableJSON); err != nil {
				return err
			}
			cat, notes, err := in.loadCatalog()
			if err != nil {
				return err
			}
			if check {
				for _, e := range cat.Applied() {
					notes = append(notes, report.EventText(e))
				}
				// The day the catalog was evaluated on (loadCatalog), not
				// a second reading of the clock: the verdict's warnings
				// of models about to go count from it too.
				day := cat.On()
				c := report.NewCheck(cat, day, kind, notes, cat.Check(day))
				return report.Output(stdout, format, c, report.CheckJSON, report.CheckTable, colorOK(stdout))
			}
			return report.WritePlans(stdout, format, cat, kind, colorOK(stdout))
		},
	}
	catalogFlags(cmd, &in.catalog, &in.overlay)
	cmd.Flags().BoolVar(&check, "check", false, "list stale, retired, preview and legacy entries, estimates and dated price changes")
	cmd.Flags().StringVar(&kind, "kind", "", "only api or subscription entries")
	formatFlag(cmd, &format, "", tableJSON)
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{"api", "subscription"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func newPresets(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "presets",
		Short: "List the shipped workload presets",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := io.WriteString(stdout, report.Presets(plans.Presets(), plans.DefaultPreset))
			return err
		},
	}
}
