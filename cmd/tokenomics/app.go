package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/ui"
)

// statePath is where the app keeps the last workload between runs:
// $XDG_STATE_HOME/tokenomics/workload.yaml.
func statePath() string { return xdgFile("XDG_STATE_HOME", xdg.StateHome, "workload.yaml") }

// prefsPath keeps the app's own settings (the volume multiplier and the
// like), which belong to no workload file.
func prefsPath() string { return filepath.Join(filepath.Dir(statePath()), "prefs.yaml") }

// restoreLast is the workload the app saved last, when there is one; a state
// file that cannot be read becomes a note, and the default preset is used.
func restoreLast(notes *[]string) func() (model.Workload, bool) {
	return func() (model.Workload, bool) {
		w, err := plans.LoadWorkload(statePath())
		if err != nil {
			if !os.IsNotExist(err) {
				*notes = append(*notes, fmt.Sprintf("last workload not restored: %v", err))
			}
			return model.Workload{}, false
		}
		return w, true
	}
}

// runApp opens the interactive comparer, or prints the comparison table when
// stdin or stdout is not a terminal (pipes, CI, scripts, > /dev/null).
func runApp(cmd *cobra.Command, in *inputs, stdout, stderr io.Writer) error {
	var notices []string
	if !isTerminal(cmd.InOrStdin()) || !isTerminal(stdout) {
		c, err := buildComparison(in, restoreLast(&notices), stderr)
		if err != nil {
			return err
		}
		c.Top = 20
		c.Sources = true // the README promises them where the app cannot open
		c.CatalogNotes = append(c.CatalogNotes, notices...)
		return report.Write(stdout, "table", c, false)
	}
	cat, changes, err := appCatalog(in)
	if err != nil {
		return err
	}
	// The dated changes in effect, said once, in one line; plans --check
	// lists them.
	if n := len(cat.Applied()); n > 0 {
		changes = append(changes, report.AppliedNote(n))
	}
	w, _, _, err := in.loadWorkload(cat, restoreLast(&notices))
	if err != nil {
		return err
	}
	state, note := keepBadState(statePath())
	if note != "" {
		notices = append(notices, note)
	}
	// The app's own settings (volume multiplier, free plans left out): a
	// file that does not read is said and replaced with the defaults at quit.
	prefs, err := ui.LoadPrefs(prefsPath())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		notices = append(notices, fmt.Sprintf("last app settings not restored: %v", err))
	}
	// The records --from read, replayed once here: the app shows the
	// replay while the derived workload is unedited.
	var rp *replay.Result
	if in.fromLog != nil {
		if recs := replay.Records(in.fromLog, &cat.Catalog); len(recs) > 0 {
			rp, err = replay.Run(recs, &cat.Catalog, replay.Options{Location: in.fromLog.Location})
			if err != nil {
				return err
			}
		}
	}
	err = ui.Run(ui.Options{
		Replay:       rp,
		Catalog:      cat,
		Workload:     w,
		WorkloadPath: in.workload,
		StatePath:    state,
		Prefs:        prefs,
		PrefsPath:    prefsPath(),
		Today:        today(),
		Notices:      termsafe.Lines(append(append(notices, in.notes...), changes...)),
	})
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

// keepBadState moves a state file that does not load to path+".bad" before
// the app starts, so that the write at quit cannot destroy what it holds,
// and returns the state path to write ("" when the file could not be moved:
// then none is written) and a note for the user.
func keepBadState(path string) (string, string) {
	_, err := plans.LoadWorkload(path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return path, ""
	}
	bad, err := safefile.SetAside(path)
	if err != nil {
		return "", fmt.Sprintf("the state file %s does not load and cannot be moved aside (%v): the workload will not be kept at quit", displayPath(path), err)
	}
	return path, fmt.Sprintf("the state file did not load: it is kept as %s", displayPath(bad))
}

// isTerminal reports whether f is an interactive terminal. A character device
// is not enough: /dev/null is one.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && (isatty.IsTerminal(file.Fd()) || isatty.IsCygwinTerminal(file.Fd()))
}

// appCatalog is the app's catalog and its notes. An overlay that cannot be
// used does not keep the app from opening: it runs on the catalog without
// it, and the first note says why.
func appCatalog(in *inputs) (*plans.Catalog, []string, error) {
	cat, notes, err := in.loadCatalog()
	var oe *plans.OverlayError
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
	return cat, append([]string{fmt.Sprintf("Catalog overlay not used, prices are %s's: %v", base, oe.Err)}, notes...), err
}
