package main

import (
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/usage"
)

// inputs are the flags every comparing command shares.
type inputs struct {
	workload, preset, catalog, billing, currency string
	from                                         string   // usage logs to derive the workload from
	notes                                        []string // what deriving it said
}

func (in *inputs) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&in.workload, "workload", "w", "", "workload YAML file")
	f.StringVarP(&in.preset, "preset", "p", "", "shipped workload preset (see: tokenomics presets)")
	f.StringVar(&in.catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	f.StringVar(&in.billing, "billing", "", "subscription billing: monthly or annual (default: the workload's)")
	f.StringVar(&in.currency, "currency", "", "display currency, e.g. USD, EUR, KRW (default: the workload's, else USD)")
	f.StringVar(&in.from, "from", "", "derive the workload from usage logs: claude-code or codex (see: tokenomics import)")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.FixedCompletions(usage.Sources, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("workload", "yaml", "yml")
	_ = cmd.MarkFlagFilename("catalog", "yaml", "yml")
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

// loadCatalog reads the catalog and applies the price changes already due.
func (in *inputs) loadCatalog() (*plans.Catalog, []string, error) {
	var cat *plans.Catalog
	var err error
	if in.catalog != "" {
		cat, err = plans.LoadCatalog(in.catalog)
	} else {
		cat, err = plans.Embedded()
	}
	if err != nil {
		return nil, nil, err
	}
	notes := cat.ApplyChanges(today().Format(time.DateOnly))
	return cat, notes, nil
}

// loadWorkload reads --workload or --preset, else fallback (the app's last
// workload), else the default preset; then applies --billing.
func (in *inputs) loadWorkload(fallback func() (model.Workload, bool)) (model.Workload, error) {
	var w model.Workload
	var err error
	if n := countSet(in.workload, in.preset, in.from); n > 1 {
		return w, badInput("--workload, --preset and --from name different workloads: give one")
	}
	switch {
	case in.workload != "":
		w, err = plans.LoadWorkload(in.workload)
	case in.from != "":
		var notes []string
		w, notes, err = workloadFromLogs(in.from)
		in.notes = append(in.notes, notes...)
	case in.preset != "":
		w, err = plans.PresetByName(in.preset)
		if err != nil {
			err = inputError{err}
		}
	default:
		ok := false
		if fallback != nil {
			w, ok = fallback()
		}
		if !ok {
			w, err = plans.PresetByName(plans.DefaultPreset)
		}
	}
	if err != nil {
		return w, err
	}
	if in.billing != "" {
		b, ok := model.ParseBilling(in.billing)
		if !ok {
			return w, badInput("--billing: %q is not monthly or annual", in.billing)
		}
		w.Billing = b
	}
	if in.currency != "" {
		w.Currency = strings.ToUpper(in.currency)
	}
	return w, nil
}

// currencyOf resolves the display currency against the catalog's fx table.
func currencyOf(cat *plans.Catalog, code string) (money.Currency, error) {
	if code == "" {
		return money.USD, nil
	}
	rate, err := cat.Rate(strings.ToUpper(code))
	if err != nil {
		return money.Currency{}, inputError{err}
	}
	return money.New(strings.ToUpper(code), rate), nil
}

func countSet(vals ...string) int {
	n := 0
	for _, v := range vals {
		if v != "" {
			n++
		}
	}
	return n
}
