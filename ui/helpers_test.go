package ui

import (
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/plans"
)

// fixedToday keeps the staleness warning out of goldens.
var fixedToday = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func testOptions(t testing.TB) Options {
	t.Helper()
	// A small made-up catalog and a fixed workload: a price update or a preset
	// change to what ships never rewrites these tests' expectations.
	cat, err := plans.LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	w, err := plans.LoadWorkload("testdata/workload.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Marks stay put in tests: a slow run must not fade them before the frame is read.
	return Options{Catalog: cat, Workload: w, Today: fixedToday, MarksFade: time.Hour}
}

// newSized builds the model and gives it a window.
func newSized(t testing.TB, w, h int) Model {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	m := New(testOptions(t))
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		tm, _ := m.Update(msg)
		m = tm.(Model)
	}
	return m
}

func screen(m Model) string { return ansi.Strip(m.View().Content) }

// namedKeys are the keys tests press by name; any other name is the rune it
// spells.
var namedKeys = map[string]tea.KeyPressMsg{
	"enter":       {Code: tea.KeyEnter},
	"esc":         {Code: tea.KeyEscape},
	"tab":         {Code: tea.KeyTab},
	"shift+tab":   {Code: tea.KeyTab, Mod: tea.ModShift},
	"up":          {Code: tea.KeyUp},
	"down":        {Code: tea.KeyDown},
	"left":        {Code: tea.KeyLeft},
	"right":       {Code: tea.KeyRight},
	"shift+left":  {Code: tea.KeyLeft, Mod: tea.ModShift},
	"shift+right": {Code: tea.KeyRight, Mod: tea.ModShift},
	"space":       {Code: tea.KeySpace, Text: " "},
	"backspace":   {Code: tea.KeyBackspace},
	"ctrl+s":      {Code: 's', Mod: tea.ModCtrl},
	"ctrl+c":      {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+u":      {Code: 'u', Mod: tea.ModCtrl},
	"end":         {Code: tea.KeyEnd},
	"home":        {Code: tea.KeyHome},
}

func press(s string) tea.KeyPressMsg {
	if k, ok := namedKeys[s]; ok {
		return k
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func keys(ss ...string) []tea.Msg {
	out := make([]tea.Msg, len(ss))
	for i, s := range ss {
		out[i] = press(s)
	}
	return out
}

// reflectSlice unpacks tea.Sequence's unexported message, a []tea.Cmd.
func reflectSlice(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}
