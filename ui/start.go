package ui

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/safefile"
)

// The app's start: what its own files (the last workload, its settings)
// and the records its workload was derived from give it before it opens.

// State is the app's state file as read once at start: the workload it
// kept when the app last quit, or why it does not load. The workload a run
// restores and whether Prepare sets the file aside both come from this one
// read, so a file that changes between them cannot make them disagree.
type State struct {
	path string
	w    model.Workload
	err  error
}

// ReadState reads the state file at path, its currency checked against
// cat (see loadState).
func ReadState(path string, cat *plans.Catalog) State {
	w, err := loadState(path, cat)
	return State{path: path, w: w, err: err}
}

// Restore is the workload s kept, for a run that names none
// (plans.WorkloadSource's Fallback). A state file that does not load, or
// whose currency the run's catalog has no rate for, is said in *notices
// (its path as the user reads it: userpath), and no workload is restored;
// a missing one is not said.
func (s *State) Restore(notices *[]string) (model.Workload, bool) {
	if s.err != nil {
		if why := s.Unloaded(); why != "" {
			*notices = append(*notices, "last workload not restored: "+why)
		}
		return model.Workload{}, false
	}
	return s.w, true
}

// Unloaded is why the state file does not load, its path as the user
// reads it (userpath); "" when it loaded or there is none.
func (s *State) Unloaded() string {
	if s.err == nil || errors.Is(s.err, fs.ErrNotExist) {
		return ""
	}
	return userpath.InText(s.err.Error(), s.path)
}

// loadState is the workload kept at path. A currency cat has no rate for
// is refused there, placed in the file: the app wrote it, but a catalog
// (or an overlay) without that rate would otherwise stop every run that
// restores it, the app's included.
func loadState(path string, cat *plans.Catalog) (model.Workload, error) {
	w, err := plans.LoadWorkload(path)
	if err == nil && cat != nil {
		if _, cerr := cat.Currency(w.Currency); cerr != nil {
			err = plans.PlaceInWorkload(path, "currency", errors.Unwrap(cerr))
		}
	}
	return w, err
}

// Prepare readies o for Run from the app's own files and returns what the
// user is told of them, in this order:
//   - st, the state file as read at start (ReadState), is where the app
//     keeps the workload at quit (o.StatePath); one that does not load (or
//     names a currency o.Catalog has no rate for) is set aside first
//     (safefile.SetAside), so that the write at quit cannot destroy what it
//     holds; when it cannot be moved, o.StatePath is "" and none is written;
//   - o.Prefs are read from o.PrefsPath: a file that does not read is said,
//     and replaced with the defaults at quit;
//   - recs, the records the workload was derived from (--from), are
//     replayed with opt into o.Replay: the app shows the replay while that
//     workload is unedited.
//
// Every path in them is written as the user reads it (userpath.Shown).
func (o *Options) Prepare(st State, recs []replay.Record, opt replay.Options) ([]string, error) {
	var notices []string
	o.StatePath = st.path
	if st.err != nil && !errors.Is(st.err, fs.ErrNotExist) {
		bad, err := safefile.SetAside(st.path)
		if err != nil {
			notices = append(notices, fmt.Sprintf("the state file %s does not load and cannot be moved aside (%v): the workload will not be kept at quit", userpath.Shown(st.path), err))
			o.StatePath = ""
		} else {
			notices = append(notices, fmt.Sprintf("the state file did not load: it is kept as %s", userpath.Shown(bad)))
		}
	}
	var err error
	if o.Prefs, err = LoadPrefs(o.PrefsPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		notices = append(notices, "last app settings not restored: "+userpath.InText(err.Error(), o.PrefsPath))
	}
	if len(recs) > 0 {
		if o.Replay, err = replay.Run(recs, &o.Catalog.Catalog, opt); err != nil {
			return notices, err
		}
	}
	return notices, nil
}
