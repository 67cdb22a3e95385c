package ui

import (
	"path/filepath"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/columns"
)

// footer is the bottom line: the prompt while one is open, else the quit
// question, a status message, or the help bar of the keys that matter now;
// "? help" stays at its right. It keeps the status, which lasts until the
// next key and then stays whole for the help, and its last render; the
// root sizes it and hands it the prompt, the question and the keys.
type footer struct {
	status  string
	bad     bool
	last    string        // the last status, kept whole for the help
	notices []string      // the start's notices: said once here, whole in the help
	keys    []key.Binding // the keys the help bar was last drawn for
	bar     help.Model

	r     rect
	lines []string
}

func newFooter() footer { return footer{bar: help.New()} }

func (f *footer) setSize(r rect) { f.r = r }
func (f *footer) view() []string { return f.lines }

// say shows s until the next key; bad is a warning.
func (f *footer) say(s string, bad bool) {
	f.status, f.bad = s, bad
}

// keyPressed ends the status, which the help keeps whole; it reports
// whether there was one to end.
func (f *footer) keyPressed() bool {
	if f.status == "" {
		return false
	}
	f.last, f.status = f.status, ""
	return true
}

// draw renders the line: p while it is active; else the question about
// unsaved edits to quitFile unless that is ""; else the status; else the
// help bar of keys.
func (f *footer) draw(sh *shared, p *prompt, quitFile string, keys []key.Binding) {
	f.keys = keys
	f.lines = f.render(sh, p, quitFile, keys, f.r)
}

// keysChanged reports whether the help bar would offer other keys than
// those it was last drawn for: its words, or a key enabled or not. What
// the bar offers follows the row, its section, a search and the focus;
// comparing what it offers covers them all.
func (f *footer) keysChanged(keys []key.Binding) bool {
	return !slices.EqualFunc(keys, f.keys, func(a, b key.Binding) bool {
		return a.Help() == b.Help() && a.Enabled() == b.Enabled()
	})
}

func (f *footer) render(sh *shared, p *prompt, quitFile string, keys []key.Binding, r rect) []string {
	// "? help" stays at the right edge at every width; the short help or a
	// notice get what is left. The prompt, where ? is a character to type,
	// and the quit question, where ? cancels, take the whole line.
	tail := sh.st.muted.Render("? help") + " "
	var s string
	switch {
	case p.active:
		s = p.view(sh.st)
		return []string{columns.Pad(columns.Cut(s, r.W), r.W, columns.Left)}
	case quitFile != "":
		s = " " + quitQuestion(sh, filepath.Base(quitFile), r.W-2)
		return []string{columns.Pad(columns.Cut(s, r.W), r.W, columns.Left)}
	case f.status != "":
		st := sh.st.good
		if f.bad {
			st = sh.st.warn
		}
		s = " " + st.Render(f.status)
	default:
		h := f.bar
		h.Styles = sh.st.help
		h.SetWidth(max(r.W-1-columns.Width(tail)-2, 0))
		s = " " + h.View(helpKeys(keys))
	}
	room := r.W - columns.Width(tail) - 2
	if columns.Width(s) > room && f.status != "" {
		// A notice longer than the line: cut, and whole in the help (?).
		const more = " … more in ?"
		s = ansi.Truncate(s, max(room-columns.Width(more), 0), "") + sh.st.muted.Render(more)
	}
	return []string{columns.Pad(columns.Cut(s, room), r.W-columns.Width(tail), columns.Left) + tail}
}

// quitQuestion is the footer while the quit question about unsaved edits
// to file name waits for its answer, in the longest wording that fits w
// cells; the shortest fits the narrowest screen (minWidth less the
// footer's margins), so every answer stays readable.
func quitQuestion(sh *shared, name string, w int) string {
	k := sh.st.strong.Render
	for _, q := range []string{
		sh.st.warn.Render("Unsaved edits to "+name+".") + " " + k("s") + " save and quit · " + k("d") + " discard and quit · " + k("esc") + " cancel",
		sh.st.warn.Render("Unsaved edits to "+name+":") + " " + k("s") + " save · " + k("d") + " discard · " + k("esc") + " cancel",
		sh.st.warn.Render("Unsaved edits:") + " " + k("s") + " save · " + k("d") + " discard · " + k("esc") + " cancel",
	} {
		if columns.Width(q) <= w {
			return q
		}
	}
	return sh.st.warn.Render("Unsaved:") + " " + k("s") + " save · " + k("d") + " discard · " + k("esc") + " back"
}
