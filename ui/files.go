package ui

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// Saving: the workload to a file the user names (ctrl+s), and the state file
// that restores the last workload on the next start. Both writes are atomic
// (plans.SaveWorkload) and run as commands, never inside Update.

type savedMsg struct {
	path  string
	edits int // the edit count of the workload saved
	err   error
}

type stateSavedMsg struct{ err, prefsErr error }

// StateError is the state file that could not be written when the app quit:
// the workload on screen is not the one the next start restores.
// Err is the workload's write, Prefs the app settings', each nil when it
// worked: each is said as what it is.
type StateError struct{ Err, Prefs error }

func (e *StateError) Error() string {
	var s []string
	if e.Err != nil {
		s = append(s, "the workload was not kept for the next start: "+e.Err.Error())
	}
	if e.Prefs != nil {
		s = append(s, "the app settings (volume, free plans) were not kept for the next start: "+e.Prefs.Error())
	}
	return strings.Join(s, "; ")
}

func (e *StateError) Unwrap() []error { return []error{e.Err, e.Prefs} }

const defaultSaveName = "workload.yaml"

// writeWorkload saves w to path (plans.SaveWorkload makes its directory).
func writeWorkload(path string, w model.Workload) error {
	return plans.SaveWorkload(path, w)
}

func saveCmd(path string, w model.Workload, edits int) tea.Cmd {
	return func() tea.Msg { return savedMsg{path, edits, writeWorkload(path, w)} }
}

// saveStateCmd writes the state files (the workload and the app's prefs);
// nil when there are none to write.
func (m *Model) saveStateCmd() tea.Cmd {
	path, w := m.opts.StatePath, m.w
	vpath, v := m.opts.PrefsPath, m.prefs
	if path == "" && vpath == "" {
		return nil
	}
	return func() tea.Msg {
		var msg stateSavedMsg
		if path != "" {
			msg.err = writeWorkload(path, w)
		}
		if vpath != "" {
			if err := os.MkdirAll(filepath.Dir(vpath), 0o755); err != nil {
				msg.prefsErr = err
			} else {
				msg.prefsErr = savePrefs(vpath, v)
			}
		}
		return msg
	}
}

func (m *Model) openSave() tea.Cmd {
	path := m.savedPath
	if path == "" {
		path = m.opts.WorkloadPath
	}
	if path == "" {
		path = defaultSaveName
	}
	return m.openPrompt(promptSave, "Save workload to", path)
}

// mayOverwrite: the file the user opened, or saved to already, is theirs to
// replace without asking again.
func (m *Model) mayOverwrite(path string) bool {
	for _, p := range []string{m.opts.WorkloadPath, m.savedPath} {
		if p != "" && samePath(p, path) {
			return true
		}
	}
	return false
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("not saved: "+msg.err.Error(), true)
		return nil
	}
	m.savedPath = msg.path
	m.cleanAt = msg.edits // later edits are still unsaved
	m.setStatus("saved "+msg.path, false)
	return m.saveStateCmd()
}

func (m *Model) quit() tea.Cmd {
	if c := m.saveStateCmd(); c != nil {
		return tea.Sequence(c, tea.Quit)
	}
	return tea.Quit
}

func expandPath(s string) (string, error) {
	p := strings.TrimSpace(s)
	if p == "" {
		return "", errNoPath
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	return filepath.Clean(p), nil
}

// isLink: a save to a symbolic link is refused (safefile.Write), so the
// prompt says so before asking to overwrite.
func isLink(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode()&os.ModeSymlink != 0
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
