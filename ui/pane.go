package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pane is what the root asks of the work, plans and detail panes
// (soft-serve's Component, cut to what this app needs): each keeps its own
// state, takes the size the root's layout gives it, draws itself into that
// size (kept until the root marks its part dirty; each pane's draw takes
// what it shows), takes the keys of its own and names them for the help
// bar. A pane never changes the workload nor what the others read: what
// needs the root (an edit, the detail view, a redraw) comes back as an
// action.
type pane interface {
	setSize(r rect)
	view() []string // the cached lines: exactly the size's height, each its width
	update(msg tea.KeyPressMsg, sh *shared) action
	shortHelp(sh *shared) []key.Binding
}

// action is what a pane or an overlay asks of the root after a key.
type action int

const (
	actNone   action = iota
	actDraw          // the pane's cursor, scroll or question moved: redraw it and what follows it
	actRows          // work: a class or the settings opened or closed: the layout too
	actEdit          // work: edit the selected row exactly (a prompt, or a cycle)
	actRename        // work: rename the selected class
	actOpen          // plans: open the detail view of the selected option
	actClose         // detail: back to the plans; overlays: close
	actLoad          // presets: load the preset under the cursor
	actQuit          // overlays: q, which may ask about unsaved edits
)

// moveStep is how far a navigation key moves in a pane whose page is page
// rows: 0 for any other key.
func moveStep(msg tea.KeyPressMsg, k *keyMap, page int) int {
	switch {
	case key.Matches(msg, k.Up):
		return -1
	case key.Matches(msg, k.Down):
		return 1
	case key.Matches(msg, k.PageUp):
		return -max(page, 1)
	case key.Matches(msg, k.PageDown):
		return max(page, 1)
	case key.Matches(msg, k.Home):
		return -1 << 20 // clamped to the first row
	case key.Matches(msg, k.End):
		return 1 << 20
	}
	return 0
}

// withDesc is b with another description in the help bar.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// adjustKeys is ←→ in the help bar: the what-if slider.
var adjustKeys = key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "adjust (shift ×10)"))
