package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/ui"
)

// statePath is where the app keeps the last workload between runs:
// $XDG_STATE_HOME/tokenomics/workload.yaml.
func statePath() string { return xdgFile("XDG_STATE_HOME", xdg.StateHome, "workload.yaml") }

// prefsPath keeps the app's own settings (the volume multiplier and the
// like), which belong to no workload file.
func prefsPath() string { return filepath.Join(filepath.Dir(statePath()), "prefs.yaml") }

// runApp opens the interactive comparer, or prints the comparison table when
// stdin or stdout is not a terminal (pipes, CI, scripts, > /dev/null).
func runApp(cmd *cobra.Command, in *inputs, stdout, stderr io.Writer) error {
	if !isTerminal(cmd.InOrStdin()) || !isTerminal(stdout) {
		c, err := compareLast(in, stderr)
		if err != nil {
			return err
		}
		c.Top = 20
		c.Sources = true // the README promises them where the app cannot open
		return report.Write(stdout, "table", c, false)
	}
	var notices []string
	cat, changes, err := appCatalog(in)
	if err != nil {
		return err
	}
	// The dated changes in effect, said once, in one line; plans --check
	// lists them.
	if n := len(cat.Applied()); n > 0 {
		changes = append(changes, report.AppliedNote(n))
	}
	// The state file is read once: the workload restored from it and
	// whether it is set aside come from the same read.
	st := ui.ReadState(statePath(), cat)
	w, _, from, err := in.loadWorkload(cat, func(*plans.Catalog) (model.Workload, bool) { return st.Restore(&notices) })
	if err != nil {
		return err
	}
	if note := currentNote(in, cat, w.Current, from); note != "" {
		notices = append(notices, note)
	}
	o := ui.Options{Catalog: cat, Workload: w, WorkloadPath: in.workload, PrefsPath: prefsPath(), Today: today()}
	var recs []replay.Record
	var ro replay.Options
	if l := in.fromLog; l != nil {
		recs, ro.Location = replay.Records(l, &cat.Catalog), l.Location
	}
	start, err := o.Prepare(st, recs, ro)
	if err != nil {
		return err
	}
	o.Notices = termsafe.Lines(append(append(append(notices, start...), in.notes...), changes...))
	err = ui.Run(o)
	var se *ui.StateError
	if errors.As(err, &se) {
		return se
	}
	if err != nil {
		// Not the user's input: a terminal that cannot be opened exits 1
		// even when the cause is a file error (opening /dev/tty).
		return fmt.Errorf("the app could not run: %v", err)
	}
	return nil
}

// isTerminal reports whether f is an interactive terminal. A character device
// is not enough: /dev/null is one.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && (isatty.IsTerminal(file.Fd()) || isatty.IsCygwinTerminal(file.Fd()))
}

// appCatalog is the app's catalog and its notes. The user's overlay, which
// the app finds by itself, does not keep it from opening when it cannot be
// used: it runs on the catalog without it, and the first note says why. An
// overlay named with --catalog-overlay is bad input, as in every command.
func appCatalog(in *inputs) (*plans.Catalog, []string, error) {
	cat, notes, err := in.loadCatalog()
	var oe *plans.OverlayError
	if _, named := in.source().OverlayPath(); named || !errors.As(err, &oe) {
		return cat, notes, err
	}
	skip := *in
	skip.noOverlay = true
	cat, notes, err = skip.loadCatalog()
	return cat, append([]string{report.OverlayNotUsed(userpath.Shown(in.catalog), oe.Err)}, notes...), err
}
