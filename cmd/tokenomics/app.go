package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/ui"
)

// statePath is where the app keeps the last workload between runs.
func statePath() string { return filepath.Join(xdg.StateHome, "tokenomics", "workload.yaml") }

// runApp opens the interactive comparer, or prints the comparison table when
// stdout is not a terminal (pipes, CI, scripts).
func runApp(_ *cobra.Command, in *inputs, stdout io.Writer) error {
	var notices []string
	restore := func() (model.Workload, bool) {
		w, err := plans.LoadWorkload(statePath())
		if err != nil {
			if !os.IsNotExist(err) {
				notices = append(notices, fmt.Sprintf("last workload not restored: %v", err))
			}
			return model.Workload{}, false
		}
		return w, true
	}
	if !isTerminal(stdout) {
		c, err := buildComparison(in, restore)
		if err != nil {
			return err
		}
		c.Top = 20
		return report.Write(stdout, "table", c, false)
	}
	cat, changes, err := appCatalog(in)
	if err != nil {
		return err
	}
	w, err := in.loadWorkload(restore)
	if err != nil {
		return err
	}
	if _, err := currencyOf(cat, w.Currency); err != nil {
		return err
	}
	return ui.Run(ui.Options{
		Catalog:      cat,
		Workload:     w,
		WorkloadPath: in.workload,
		StatePath:    statePath(),
		Today:        today(),
		Notices:      append(append(notices, in.notes...), changes...),
	})
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// appCatalog is the app's catalog and its notes. An overlay that cannot be
// used does not keep the app from opening: it runs on the catalog without
// it, and the first note says why.
func appCatalog(in *inputs) (*plans.Catalog, []string, error) {
	cat, notes, err := in.loadCatalog()
	var oe overlayError
	if !errors.As(err, &oe) {
		return cat, notes, err
	}
	base := "the embedded catalog"
	if in.catalog != "" {
		base = displayPath(in.catalog)
	}
	skip := *in
	skip.noOverlay = true
	cat, notes, err = skip.loadCatalog()
	return cat, append([]string{fmt.Sprintf("Catalog overlay not used, prices are %s's: %v", base, oe.err)}, notes...), err
}
