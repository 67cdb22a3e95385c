package ui

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/internal/userpath"
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

// saveStateCmd writes the state files: workload w to path and the app's
// prefs v to vpath, each unless its path is ""; nil when both are.
func saveStateCmd(path string, w model.Workload, vpath string, v Prefs) tea.Cmd {
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

// document is the workload's file: the one it was opened from or last
// saved to, whether the screen has edits the file does not, and the
// workload as the file has it.
type document struct {
	opened  string         // the file the app was started on (Options.WorkloadPath), "" for none
	saved   string         // the last file saved to: overwriting it needs no confirmation
	edits   int            // counts changes to the workload
	cleanAt int            // edits when it was last loaded or saved: unsaved edits when they differ
	clean   model.Workload // the workload as last loaded or saved: what discarding the edits keeps

	exported map[string]bool // files Y wrote: replaced again without asking
}

// file is the workload file on screen: the one last saved to, else the
// one the app was started on; "" when the workload has no file.
func (d *document) file() string {
	if d.saved != "" {
		return d.saved
	}
	return d.opened
}

// modified: the workload has edits not yet saved (to its file, or loaded).
func (d *document) modified() bool { return d.edits != d.cleanAt }

// mayOverwrite: the file the user opened, or saved to already, is theirs to
// replace without asking again.
func (d *document) mayOverwrite(path string) bool {
	for _, p := range []string{d.opened, d.saved} {
		if p != "" && samePath(p, path) {
			return true
		}
	}
	return false
}

// load makes w, which is no file, the workload with no unsaved edits: ctrl+s
// asks for a name again rather than offering to write it over the file.
func (d *document) load(w model.Workload) {
	d.cleanAt, d.clean = d.edits, w
	d.opened, d.saved = "", ""
}

// savedTo records that path now holds the workload of edit count edits,
// which is w when no edit came since.
func (d *document) savedTo(path string, edits int, w model.Workload) {
	d.saved = path
	if edits == d.edits {
		d.clean = w
	}
	d.cleanAt = edits // later edits are still unsaved
}

// exportPath is what Y offers: next to the open workload file, named after
// it (mine.yaml → mine.md); in the working directory when the workload has
// no file.
func (d *document) exportPath() string {
	src := d.file()
	if src == "" {
		return "tokenomics-summary.md"
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	return filepath.Join(filepath.Dir(src), base+".md")
}

func (m *Model) openSave() tea.Cmd {
	path := m.doc.file()
	if path == "" {
		path = defaultSaveName
	}
	return m.openPrompt(promptSave, "Save workload to", userpath.Shown(path))
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		m.quitSave = false // the edits are not safe: stay
		m.setStatus("not saved: "+userpath.InText(msg.err.Error(), msg.path), true)
		return nil
	}
	m.doc.savedTo(msg.path, msg.edits, m.fileWorkload())
	m.setStatus("saved "+userpath.Shown(msg.path), false)
	m.dirty |= partHeader
	if m.quitSave {
		return m.quit()
	}
	return saveStateCmd(m.opts.StatePath, m.fileWorkload(), m.opts.PrefsPath, m.prefs)
}

// quit writes the state files and ends the program.
func (m *Model) quit() tea.Cmd {
	return m.quitWith(m.fileWorkload())
}

// quitWith ends the program once the state files keep w.
func (m *Model) quitWith(w model.Workload) tea.Cmd {
	if c := saveStateCmd(m.opts.StatePath, w, m.opts.PrefsPath, m.prefs); c != nil {
		return tea.Sequence(c, tea.Quit)
	}
	return tea.Quit
}

// askQuit is q: with unsaved edits to an open workload file it asks first
// (save, discard, cancel); else it quits. Edits to a workload with no file
// are not lost: the state file brings them back on the next start.
func (m *Model) askQuit() tea.Cmd {
	if m.doc.file() == "" || !m.doc.modified() {
		return m.quit()
	}
	m.quitAsk = true
	m.setOverlay(overlayNone) // the question is in the footer, under the panes
	return nil
}

// quitKey answers the quit question: s saves to the open file and quits
// once it is written, d quits and keeps the file as it was, esc (or any
// other key) goes back to the app.
func (m *Model) quitKey(msg tea.KeyPressMsg) tea.Cmd {
	m.quitAsk = false
	m.dirty |= partFooter
	switch msg.String() {
	case "s", "S", "y", "Y", "enter":
		m.quitSave = true
		m.setStatus("saving "+userpath.Shown(m.doc.file())+" …", false)
		return saveCmd(m.doc.file(), m.fileWorkload(), m.doc.edits)
	case "d", "D", "n", "N":
		// Discarded: the next start restores the workload as it was saved,
		// not the edits.
		return m.quitWith(m.doc.clean)
	}
	m.setStatus("not quitting: your edits are still here (ctrl+s saves them)", false)
	return nil
}

func expandPath(s string) (string, error) {
	p := strings.TrimSpace(s)
	if p == "" {
		return "", errNoPath
	}
	p, err := userpath.Typed(p) // the prompt offers paths as userpath.Shown writes them
	if err != nil {
		return "", err
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
