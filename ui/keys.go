package ui

import (
	"charm.land/bubbles/v2/key"
)

// keyMap is every binding of the app. The same values drive Update and the
// help bar, so help can never drift from behaviour.
type keyMap struct {
	Up, Down             key.Binding
	PageUp, PageDown     key.Binding
	Home, End            key.Binding
	Left, Right          key.Binding
	BigLeft, BigRight    key.Binding
	Enter, Expand, Back  key.Binding
	Tab, ShiftTab        key.Binding
	Add, Delete, Rename  key.Binding
	Presets, Filter      key.Binding
	Search, Billing      key.Binding
	Currency, Save, Copy key.Binding
	Unit, Volume         key.Binding
	Verdict, Current     key.Binding
	NoFree, Export       key.Binding
	Help, Quit           key.Binding
	ForceQuit            key.Binding
	// The mouse, for the full help only: no key press ever matches these.
	Click, Wheel key.Binding
}

func defaultKeys() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Home:     b([]string{"home", "g"}, "home/g", "first"),
		End:      b([]string{"end", "G"}, "end/G", "last"),
		Left:     b([]string{"left", "h"}, "←/h", "less"),
		Right:    b([]string{"right", "l"}, "→/l", "more"),
		BigLeft:  b([]string{"shift+left", "H"}, "shift+←/H", "÷10"),
		BigRight: b([]string{"shift+right", "L"}, "shift+→/L", "×10"),
		Enter:    b([]string{"enter"}, "enter", "edit"),
		Expand:   b([]string{"space", "e"}, "space/e", "all fields"),
		Back:     b([]string{"esc"}, "esc", "back"),
		Tab:      b([]string{"tab"}, "tab", "next pane"),
		ShiftTab: b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Add:      b([]string{"a"}, "a", "add class"),
		Delete:   b([]string{"d"}, "d", "delete class"),
		Rename:   b([]string{"r"}, "r", "rename class"),
		Presets:  b([]string{"p"}, "p", "presets"),
		Filter:   b([]string{"f"}, "f", "filter"),
		Search:   b([]string{"/"}, "/", "search"),
		Billing:  b([]string{"b"}, "b", "monthly/annual"),
		Currency: b([]string{"c"}, "c", "currency"),
		Save:     b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Copy:     b([]string{"y"}, "y", "copy summary"),
		Export:   b([]string{"Y"}, "Y", "write summary .md"),
		Unit:     b([]string{"u"}, "u", "tokens/words/pages"),
		Volume:   b([]string{"x"}, "x", "volume ×1 ×2 ×4 ×½"),
		Verdict:  b([]string{"v"}, "v", "the whole verdict"),
		Current:  b([]string{"m"}, "m", "mark as my plan"),
		NoFree:   b([]string{"F"}, "F", "free plans out/in"),
		Help:     b([]string{"?"}, "?", "help"),
		Quit:     b([]string{"q"}, "q", "quit"),
		// ctrl+c never asks: the edits stay in the state file for the next
		// start, not in the workload file.
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit now (unsaved edits kept for next start only)"),
		Click:     b([]string{"mouse click"}, "click", "select; again: open a plan"),
		Wheel:     b([]string{"mouse wheel"}, "wheel", "scroll the pane under it"),
	}
}

// helpKeys is the help bar's help.KeyMap: the keys that matter at one
// moment of the app (the focused pane's, or an open overlay's).
type helpKeys []key.Binding

func (h helpKeys) ShortHelp() []key.Binding  { return h }
func (h helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{h} }

// fullHelp is every binding, in the full help's columns.
func (k *keyMap) fullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Tab, k.ShiftTab, k.Enter, k.Back},
		{k.Left, k.Right, k.BigLeft, k.BigRight, k.Expand, k.Unit, k.Add, k.Delete, k.Rename},
		{k.Volume, k.Billing, k.Currency, k.Filter, k.Search, k.Current, k.NoFree, k.Presets},
		{k.Verdict, k.Save, k.Copy, k.Export, k.Help, withDesc(k.Quit, "quit (asks about unsaved edits)"), k.ForceQuit, k.Click, k.Wheel},
	}
}

// overlayHelp is the help bar under overlay o; nil under none, where the
// focused pane names its keys.
func (k *keyMap) overlayHelp(o overlay) []key.Binding {
	switch o {
	case overlayPresets:
		return []key.Binding{withDesc(k.Up, "previous"), withDesc(k.Down, "next"), withDesc(k.Enter, "load"), withDesc(k.Back, "cancel")}
	case overlayHelp:
		return []key.Binding{withDesc(k.Up, "scroll"), withDesc(k.Down, "scroll"), withDesc(k.Back, "close help"), k.Quit}
	case overlayVerdict:
		return []key.Binding{withDesc(k.Up, "scroll"), withDesc(k.Down, "scroll"), withDesc(k.Back, "close"), k.Quit}
	}
	return nil
}
