package main

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/usage"
)

// inputs are the flags every comparing command shares.
type inputs struct {
	workload, preset, catalog, billing, currency string
	overlay                                      string     // --catalog-overlay: this overlay instead of the user's
	noOverlay                                    bool       // run without any overlay (the app, when it is invalid)
	sources                                      bool       // list sources and dates under the table
	noFree                                       bool       // leave free plans out of the comparison
	from                                         string     // usage logs to derive the workload from
	notes                                        []string   // what deriving it said
	fromLog                                      *usage.Log // the records --from read, for replaying them
}

func (in *inputs) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&in.workload, "workload", "w", "", "workload YAML file")
	f.StringVarP(&in.preset, "preset", "p", "", "shipped workload preset (see: tokenomics presets)")
	catalogFlags(cmd, &in.catalog, &in.overlay)
	f.BoolVar(&in.sources, "sources", false, "list the source and date of every entry shown (table and markdown)")
	f.BoolVar(&in.noFree, "no-free", false, "leave free plans out of the ranking, the verdict and every format")
	f.StringVar(&in.billing, "billing", "", "subscription billing: monthly or annual (default: the workload's)")
	f.StringVar(&in.currency, "currency", "", "display currency, e.g. USD, EUR, KRW (default: the workload's, else USD)")
	f.StringVar(&in.from, "from", "", "derive the workload from usage logs: claude-code or codex (see: tokenomics import)")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.FixedCompletions(usage.Sources, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("workload", "yaml", "yml")
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, p := range plans.Presets() {
			names = append(names, p.Name+"\t"+p.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("billing", cobra.FixedCompletions([]string{"monthly", "annual"}, cobra.ShellCompDirectiveNoFileComp))
}

// today is the date dated price changes are applied at. TOKENOMICS_TODAY
// (YYYY-MM-DD) pins it, for reproducible runs and tests.
func today() time.Time {
	if s := os.Getenv("TOKENOMICS_TODAY"); s != "" {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return t
		}
	}
	return time.Now()
}

// tableJSON are the formats of most commands.
var tableJSON = []string{"table", "json"}

// formatFlag registers --format, one of formats, its help prefix before
// the list.
func formatFlag(cmd *cobra.Command, dst *string, prefix string, formats []string) {
	cmd.Flags().StringVarP(dst, "format", "f", "table", prefix+report.FormatList(formats))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a --format that is not one of formats.
func checkFormat(format string, formats []string) error {
	if err := report.CheckFormat(format, formats); err != nil {
		return badInput("--format: %v", err)
	}
	return nil
}

// catalogFlags registers --catalog and --catalog-overlay on cmd.
func catalogFlags(cmd *cobra.Command, catalog, overlay *string) {
	cmd.Flags().StringVar(catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	_ = cmd.MarkFlagFilename("catalog", "yaml", "yml")
	overlayFlag(cmd, overlay)
}

// overlayFlag registers --catalog-overlay on cmd.
func overlayFlag(cmd *cobra.Command, dst *string) {
	cmd.Flags().StringVar(dst, "catalog-overlay", "", "catalog overlay YAML file to use instead of "+userpath.Shown(overlayPath()))
	_ = cmd.MarkFlagFilename("catalog-overlay", "yaml", "yml")
}

// overlayPath is the user's catalog overlay:
// $XDG_CONFIG_HOME/tokenomics/catalog.yaml.
func overlayPath() string { return xdgFile("XDG_CONFIG_HOME", xdg.ConfigHome, "catalog.yaml") }

// xdgFile is tokenomics/name in the folder the variable env names, else in
// dflt. xdg reads the environment once, when the program starts, so a later
// value (tests) is read here.
func xdgFile(env, dflt, name string) string {
	if d := os.Getenv(env); filepath.IsAbs(d) {
		dflt = d
	}
	return filepath.Join(dflt, "tokenomics", name)
}

// overlayTo is the overlay a command writes: the one named, else the user's.
func overlayTo(named string) string { return cmp.Or(named, overlayPath()) }

// loadCatalog reads the catalog, applies the overlay and then the dated
// changes already due (prices, deprecations, retirements), evaluated on
// today. The changes are not among the notes: every command would repeat
// them; `plans --check` says them, and cat.Applied() has them.
func (in *inputs) loadCatalog() (*plans.Catalog, []string, error) {
	src := in.source()
	cat, effect, err := src.Open()
	if err != nil {
		return nil, nil, err
	}
	cat.ApplyChanges(today().Format(time.DateOnly))
	if effect == nil {
		return cat, nil, nil
	}
	path, _ := src.OverlayPath()
	return cat, []string{report.OverlayNote(userpath.Shown(path), *effect)}, nil
}

// shippedCatalog is the embedded catalog; the tests put a catalog of
// their own in its place, so that a price update breaks none of them.
var shippedCatalog = plans.Embedded

// source is the catalog the flags name: --catalog or the embedded one,
// --catalog-overlay or the user's overlay.
func (in *inputs) source() *plans.Source {
	return &plans.Source{File: in.catalog, Overlay: in.overlay, User: overlayPath(), NoOverlay: in.noOverlay, Embedded: shippedCatalog}
}

// loadWorkload is the workload the flags name, else fallback's (the app's
// last workload), else the default preset, with --billing and the display
// currency applied (plans.WorkloadSource); a value refused is said as the
// flag that gave it.
func (in *inputs) loadWorkload(cat *plans.Catalog, fallback func(*plans.Catalog) (model.Workload, bool)) (model.Workload, money.Currency, plans.WorkloadFrom, error) {
	src := plans.WorkloadSource{File: in.workload, Preset: in.preset, Fallback: fallback, Billing: in.billing, Currency: in.currency}
	if in.from != "" {
		src.Logs = func() (model.Workload, error) { return in.workloadFromLogs(cat) }
	}
	w, cur, from, err := src.Load(cat)
	var ve *plans.ValueError
	switch {
	case !errors.As(err, &ve), ve.What == "preset", ve.What == "currency" && in.currency == "":
	case ve.What == "workload":
		err = badInput("--workload, --preset and --from name different workloads: give one")
	default:
		err = badInput("--%s: %v", ve.What, ve.Err)
	}
	return w, cur, from, err
}
