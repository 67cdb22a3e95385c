package ui

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
)

func TestUpdate(t *testing.T) {
	count := func(ci int) func(Model) float64 {
		return func(m Model) float64 { return m.w.Classes[ci].Count }
	}
	classes := func(m Model) float64 { return float64(len(m.w.Classes)) }
	tests := []struct {
		name string
		keys []string
		got  func(Model) float64
		want float64
	}{
		{"right steps the count up the ladder", []string{"right"}, count(0), 50},
		{"l is right", []string{"l"}, count(0), 50},
		{"left steps down", []string{"left"}, count(0), 30},
		{"shift+right is ×10", []string{"shift+right"}, count(0), 400},
		{"L is ×10", []string{"L"}, count(0), 400},
		{"shift+left is ÷10", []string{"shift+left"}, count(0), 4},
		{"down then right moves the next class", []string{"down", "right"}, count(1), 4},
		{"enter types an exact value", []string{"enter", "1", "2", "0", "enter"}, count(0), 120},
		{"typed suffixes", []string{"enter", "1", "k", "enter"}, count(0), 1000},
		{"invalid text keeps the old value", []string{"enter", "backspace", "backspace", "x", "enter", "esc"}, count(0), 40},
		{"out of range is refused", []string{"enter", "backspace", "backspace", "9", "e", "9", "enter", "esc"}, count(0), 40},
		{"esc cancels an edit", []string{"enter", "9", "esc"}, count(0), 40},
		{"the count never goes below zero", []string{"shift+left", "shift+left", "shift+left", "left"}, count(0), 0},
		{"space opens the fields; per cycles", []string{"space", "down", "right"}, func(m Model) float64 { return float64(m.w.Classes[0].Per) }, float64(model.PerWeek)},
		{"tokens in steps", []string{"space", "down", "down", "right"}, func(m Model) float64 { return m.w.Classes[0].InputTokens }, 800},
		{"cache hit steps by 5%", []string{"space", "down", "down", "down", "down", "down", "down", "down", "right"}, func(m Model) float64 { return m.w.Classes[0].CacheHit }, 0.05},
		{"enter on batch toggles it", []string{"space", "down", "down", "down", "down", "down", "down", "down", "down", "enter"}, func(m Model) float64 { return b2f(m.w.Classes[0].Batch) }, 1},
		{"via cycles, chat to agent", []string{"space", "down", "down", "down", "down", "down", "down", "down", "down", "down", "right"}, func(m Model) float64 { return float64(m.w.Classes[0].Via) }, float64(model.ViaAgent)},
		{"batch makes the class api work", []string{"space", "down", "down", "down", "down", "down", "down", "down", "down", "enter"}, func(m Model) float64 { return float64(m.w.Classes[0].Via) }, float64(model.ViaAPI)},
		{"via off api ends batch", []string{"space", "down", "down", "down", "down", "down", "down", "down", "down", "enter", "down", "right"}, func(m Model) float64 { return b2f(m.w.Classes[0].Batch) }, 0},
		{"min tier cycles", []string{"space", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "right"}, func(m Model) float64 { return float64(m.w.Classes[0].MinTier) }, float64(model.Mid)},
		{"turns never go below one", []string{"space", "down", "down", "down", "down", "down", "left"}, func(m Model) float64 { return float64(m.w.Classes[0].Turns) }, 1},
		{"a adds a class", []string{"a", "enter"}, classes, 4},
		{"a with an empty name is refused", []string{"a", "ctrl+u", "enter", "esc"}, classes, 3},
		{"one d only asks", []string{"d"}, classes, 3},
		{"d twice deletes", []string{"d", "d"}, classes, 2},
		{"d then another key cancels", []string{"d", "down", "d"}, classes, 3},
		{"b toggles billing", []string{"b"}, func(m Model) float64 { return float64(m.w.Billing) }, float64(model.Annual)},
		{"settings: days per month", []string{"end", "space", "down", "left"}, func(m Model) float64 { return m.w.DaysPerMonth }, 21},
		{"settings: people ×10", []string{"G", "space", "down", "down", "down", "shift+right"}, func(m Model) float64 { return float64(m.w.People) }, 10},
		{"settings: hours stay within a day", []string{"end", "space", "down", "down", "shift+right", "shift+right"}, func(m Model) float64 { return m.w.HoursPerDay }, 24},
		{"f filters to subscriptions", []string{"f"}, func(m Model) float64 { return float64(m.ranking.filter) }, float64(filterSubs)},
		{"tab enter opens the detail", []string{"tab", "enter"}, func(m Model) float64 { return b2f(m.detail.open) }, 1},
		{"esc closes the detail", []string{"tab", "enter", "esc"}, func(m Model) float64 { return b2f(m.detail.open) }, 0},
		{"sliders work with the detail open", []string{"tab", "enter", "right"}, count(0), 50},
		{"? opens help", []string{"?"}, func(m Model) float64 { return float64(m.overlay) }, float64(overlayHelp)},
		{"? closes help", []string{"?", "?"}, func(m Model) float64 { return float64(m.overlay) }, float64(overlayNone)},
		{"keys do nothing else under help", []string{"?", "right"}, count(0), 40},
		{"p opens presets", []string{"p"}, func(m Model) float64 { return float64(m.overlay) }, float64(overlayPresets)},
		{"presets: load another", []string{"p", "down", "enter"}, func(m Model) float64 { return b2f(m.w.Name != "Freelancer") }, 1},
		{"presets: esc keeps the workload", []string{"p", "down", "esc"}, func(m Model) float64 { return b2f(m.w.Name == "Freelancer") }, 1},
		{"presets over unsaved edits ask first", []string{"right", "p", "down", "enter"}, count(0), 50},
		{"presets: a second enter replaces the edits", []string{"right", "p", "down", "enter", "enter"}, func(m Model) float64 { return b2f(m.w.Name != "Freelancer") }, 1},
		{"presets: moving on asks again", []string{"right", "p", "down", "enter", "up", "down", "enter"}, count(0), 50},
		{"typing replaces the pre-filled value", []string{"enter", "1", "2", "enter"}, count(0), 12},
		{"backspace edits the pre-filled value", []string{"enter", "backspace", "5", "enter"}, count(0), 45},
		{"a cursor move keeps the value for editing", []string{"enter", "left", "5", "enter"}, count(0), 450},
		{"←→ with the plans focused leave the work alone", []string{"tab", "right", "L", "left"}, count(0), 40},
		// 40+3+5 a day over 22 days is 1,056 tasks; ×2 is 2,112.
		{"x doubles the volume priced", []string{"x"}, func(m Model) float64 { return m.res.TotalTasks }, 2112},
		{"x leaves the workload's own counts", []string{"x"}, count(0), 40},
		{"x cycles ×1 ×2 ×4 ×½", []string{"x", "x", "x"}, func(m Model) float64 { return m.prefs.Volume }, 0.5},
		{"x cycles back to ×1", []string{"x", "x", "x", "x"}, func(m Model) float64 { return m.res.TotalTasks }, 1056},
		{"m marks the selected plan as yours", []string{"tab", "down", "down", "down", "m"}, func(m Model) float64 { return b2f(m.w.Current == "alpha-plus") }, 1},
		{"m again unmarks it", []string{"tab", "down", "down", "down", "m", "m"}, func(m Model) float64 { return b2f(m.w.Current == "") }, 1},
		{"m on an API option marks nothing", []string{"tab", "down", "m"}, func(m Model) float64 { return b2f(m.w.Current == "") }, 1},
		{"m in the detail view marks its plan", []string{"tab", "down", "down", "down", "enter", "m"}, func(m Model) float64 { return b2f(m.w.Current == "alpha-plus") }, 1},
		{"m in the workload pane marks nothing", []string{"m"}, func(m Model) float64 { return b2f(m.w.Current == "") }, 1},
		{"F leaves the free plans out", []string{"F"}, func(m Model) float64 { return b2f(anyQuote(m, "alpha-free")) }, 0},
		{"F again brings them back", []string{"F", "F"}, func(m Model) float64 { return b2f(anyQuote(m, "alpha-free")) }, 1},
		{"v shows the whole verdict", []string{"v"}, func(m Model) float64 { return float64(m.overlay) }, float64(overlayVerdict)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSized(t, 120, 40)
			m = send(m, keys(tt.keys...)...)
			if got := tt.got(m); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if err := m.w.Validate(); err != nil {
				t.Errorf("workload invalid: %v", err)
			}
		})
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func TestSliderReranks(t *testing.T) {
	m := newSized(t, 160, 48)
	before := m.res.Quotes[0].Monthly
	m = send(m, keys("shift+right")...)
	if m.res.Quotes[0].Monthly == before {
		t.Fatal("a ×10 step changed no cost")
	}
	if len(m.prev) == 0 {
		t.Fatal("no previous ranking kept for the change marks")
	}
	if s := screen(m); !strings.ContainsAny(s, "▲▼") || !strings.Contains(s, "+$") {
		t.Errorf("no rank moves or cost deltas on screen:\n%s", s)
	}
}

func TestRenameAndSearch(t *testing.T) {
	m := newSized(t, 120, 40)
	m = send(m, keys("r", "ctrl+u", "E", "m", "a", "i", "l", "s", "enter")...)
	if got := m.w.Classes[0].Name; got != "Emails" {
		t.Fatalf("renamed to %q", got)
	}
	m = send(m, keys("/", "b", "e", "t", "a", "enter")...)
	if len(m.ranking.shown) == 0 {
		t.Fatal("search for beta found nothing")
	}
	for _, qi := range m.ranking.shown {
		q := m.res.Quotes[qi]
		if !strings.Contains(strings.ToLower(q.Name+q.ID), "beta") {
			t.Errorf("%s does not match the search", q.Name)
		}
	}
	if m.focus != focusPlans {
		t.Error("the search should leave the plans focused")
	}
	m = send(m, keys("esc")...)
	if m.ranking.search != "" {
		t.Error("esc in the plans pane should clear the search")
	}
}

// The display currency is the workload's: the state file keeps it.
func TestCurrencyIsDisplayOnly(t *testing.T) {
	o := testOptions(t)
	o.StatePath = filepath.Join(t.TempDir(), "workload.yaml")
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})
	usd := m.res.Quotes[0].Monthly
	m = send(m, keys("c")...)
	if m.cur.Code == "USD" {
		t.Fatal("c did not change the currency")
	}
	if m.res.Quotes[0].Monthly != usd {
		t.Error("changing the display currency changed a price")
	}
	_, cmd := m.Update(press("q"))
	runCmd(t, cmd)
	if w, err := plans.LoadWorkload(o.StatePath); err != nil || w.Currency != m.cur.Code {
		t.Errorf("state file: %v, currency %q; display %q", err, w.Currency, m.cur.Code)
	}
}

func TestQuitWritesState(t *testing.T) {
	dir := t.TempDir()
	o := testOptions(t)
	o.StatePath = filepath.Join(dir, "state", "workload.yaml")
	o.PrefsPath = filepath.Join(dir, "state", "prefs.yaml")
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40}, press("right"), press("x"))
	if s := screen(m); !strings.Contains(s, "Your work ×2 · 2,552 tasks/month") {
		// 50+3+5 a day over 22 days is 1,276 tasks, ×2 is 2,552.
		t.Errorf("no ×2 in the pane title:\n%s", s)
	}
	_, cmd := m.Update(press("q"))
	runCmd(t, cmd)
	w, err := plans.LoadWorkload(o.StatePath)
	if err != nil {
		t.Fatal(err)
	}
	// The multiplier is the app's, not the workload's: the file keeps 50.
	if w.Classes[0].Count != 50 {
		t.Errorf("state has count %v, want 50", w.Classes[0].Count)
	}
	p, err := LoadPrefs(o.PrefsPath)
	if err != nil || p.Volume != 2 {
		t.Errorf("prefs %+v, %v; want volume 2", p, err)
	}
	o.Prefs = p
	if m := New(o); m.res.TotalTasks != 2*1056 {
		t.Errorf("the multiplier did not come back: %v tasks", m.res.TotalTasks)
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	m := newSized(t, 120, 40)
	m = send(m, press("ctrl+s"), press("ctrl+u"))
	m = send(m, typeText(path)...)
	tm, cmd := m.Update(press("enter"))
	m = tm.(Model)
	for _, msg := range runCmd(t, cmd) {
		m = send(m, msg)
	}
	if !strings.Contains(m.footer.status, "saved") {
		t.Fatalf("status %q", m.footer.status)
	}
	if _, err := plans.LoadWorkload(path); err != nil {
		t.Fatal(err)
	}
	// A file the user did not open or save to needs a second enter.
	other := filepath.Join(dir, "other.yaml")
	if err := os.WriteFile(other, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, press("ctrl+s"), press("ctrl+u"))
	m = send(m, typeText(other)...)
	_, cmd = m.Update(press("enter"))
	if cmd != nil {
		t.Fatal("overwrote an existing file without asking")
	}
	if b, _ := os.ReadFile(other); string(b) != "keep" {
		t.Fatal("file changed")
	}
}

// runCmd runs a command and the commands it batches or sequences, returning
// their messages (quit included).
func runCmd(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(t, c)...)
		}
		return out
	}
	// tea.Sequence returns an unexported sequenceMsg ([]tea.Cmd).
	if cmds, ok := asCmds(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, runCmd(t, c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func asCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflectSlice(msg)
	return v, v != nil
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func TestCopySummary(t *testing.T) {
	m := newSized(t, 120, 40)
	s, _ := summary(&m.shared, &m.ranking)
	for _, want := range []string{"## Freelancer: AI plans compared", "| # | Option |", "Short tasks", m.verdict.Winner().Name} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	_, cmd := m.Update(press("y"))
	if cmd == nil {
		t.Fatal("y returned no clipboard command")
	}
}

func TestMouse(t *testing.T) {
	m := newSized(t, 120, 40)
	// Click the second class row (each class has a summary line under it).
	y := m.lay.work.Y + 1 + 2
	m = send(m, tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	if r := m.work.selected(); r.kind != rowClass || r.class != 1 {
		t.Fatalf("click selected %+v", r)
	}
	// Click the third plan (under the column header).
	y = m.lay.plans.Y + 1 + 1 + 2
	m = send(m, tea.MouseClickMsg{X: m.lay.plans.X + 10, Y: y, Button: tea.MouseLeft})
	if m.focus != focusPlans || m.ranking.pick(&m.shared) != 2 {
		t.Fatalf("focus %v sel %d", m.focus, m.ranking.pick(&m.shared))
	}
	m = send(m, tea.MouseClickMsg{X: m.lay.plans.X + 10, Y: y, Button: tea.MouseLeft})
	if !m.detail.open {
		t.Fatal("a second click on the selected plan should open it")
	}
	m = send(m, keys("esc")...)
	m = send(m, tea.MouseWheelMsg{X: m.lay.plans.X + 10, Y: y, Button: tea.MouseWheelDown})
	if li := m.ranking.pick(&m.shared); li != 3 {
		t.Fatalf("wheel moved the plan to %d", li)
	}
}

func TestLayout(t *testing.T) {
	lines := func(details bool) int {
		if details {
			return 8
		}
		return 4
	}
	tests := []struct {
		w, h                       int
		tooSmall, wide, chart, det bool
	}{
		{39, 30, true, false, false, false},
		{80, 11, true, false, false, false},
		{40, 12, false, false, false, false},
		{80, 24, false, false, true, false}, // a compact chart before the class details
		{60, 20, false, false, false, false},
		{80, 50, false, false, true, true},
		{109, 40, false, false, true, true},
		{110, 24, false, true, true, true}, // a compact chart
		{120, 40, false, true, true, true},
		{160, 48, false, true, true, true},
		{300, 100, false, true, true, true},
	}
	for _, tt := range tests {
		l := computeLayout(tt.w, tt.h, lines, 2, 0)
		if l.tooSmall != tt.tooSmall || l.wide != tt.wide || (l.chart.H > 0) != tt.chart || (!l.tooSmall && l.details != tt.det) {
			t.Errorf("%dx%d: tooSmall=%v wide=%v chart=%v details=%v", tt.w, tt.h, l.tooSmall, l.wide, l.chart.H > 0, l.details)
		}
		if l.tooSmall {
			continue
		}
		total := l.header.H + l.verdict.H + l.footer.H
		if l.wide {
			total += l.work.H + l.glance.H
			if r := l.plans.H + l.chart.H; r != l.work.H+l.glance.H {
				t.Errorf("%dx%d: right column %d rows, left %d", tt.w, tt.h, r, l.work.H+l.glance.H)
			}
		} else {
			total += l.work.H + l.plans.H + l.chart.H
		}
		if total != tt.h {
			t.Errorf("%dx%d: parts cover %d rows", tt.w, tt.h, total)
		}
	}
}

func TestLadder(t *testing.T) {
	tests := []struct {
		f    fieldID
		v    float64
		dir  int
		big  bool
		want float64
	}{
		{fCount, 0, 1, false, 0.5},
		{fCount, 0.5, 1, false, 1},
		{fCount, 1, 1, false, 1.2},
		{fCount, 8, 1, false, 10},
		{fCount, 10, -1, false, 8},
		{fCount, 45, 1, false, 50},
		{fCount, 45, -1, false, 40},
		{fCount, 0.5, -1, false, 0},
		{fCount, 0, 1, true, 10},
		{fCount, 3, -1, true, 0},
		{fCount, model.MaxCount, 1, false, model.MaxCount},
		{fIn, 600, 1, false, 800},
		{fIn, 0, 1, false, 1},
		{fIn, 1, 1, false, 2},
		{fIn, model.MaxTokens, 1, true, model.MaxTokens},
		{fTurns, 1, -1, false, 1},
		{fTurns, 1, 1, false, 2},
		{fTurns, 2, 1, false, 3},
		{fCache, 0.83, 1, false, 0.85},
		{fCache, 0.83, -1, false, 0.8},
		{fCache, 0.95, 1, false, 1},
		{fCache, 1, 1, false, 1},
		{fCache, 0.2, 1, true, 0.7},
		{fDays, 22, 1, true, 31},
		{fHours, 1, -1, false, 1},
		{fPeople, 1, 1, false, 2},
	}
	for _, tt := range tests {
		if got := numSpecs[tt.f].step(tt.v, tt.dir, tt.big); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s %v dir %d big %v: got %v, want %v", fieldLabels[tt.f], tt.v, tt.dir, tt.big, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"40", 40, true}, {" 1,200 ", 1200, true}, {"30k", 30000, true}, {"1.5M", 1.5e6, true},
		{"80%", 0.8, true}, {"abc", 0, false}, {"", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in)
		if (err == nil) != tt.ok || (tt.ok && math.Abs(got-tt.want) > 1e-9) {
			t.Errorf("parseNumber(%q) = %v, %v", tt.in, got, err)
		}
	}
	if v, err := checkNumber(fCache, numSpecs[fCache], "80"); err != nil || v != 0.8 {
		t.Errorf("cache hit 80 = %v, %v; want 0.8", v, err)
	}
	if _, err := checkNumber(fTurns, numSpecs[fTurns], "2.5"); err == nil {
		t.Error("turns took a fraction")
	}
}

// sgrColour matches an SGR sequence that sets a colour.
var sgrColour = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m`)

func TestNoColor(t *testing.T) {
	o := testOptions(t)
	t.Setenv("NO_COLOR", "1")
	m := send(New(o), tea.WindowSizeMsg{Width: 160, Height: 48})
	for _, k := range []string{"", "tab", "enter", "esc", "?"} {
		if k != "" {
			m = send(m, press(k))
		}
		if loc := sgrColour.FindStringIndex(m.View().Content); loc != nil {
			c := m.View().Content
			t.Fatalf("after %q: colour sequence %q", k, c[loc[0]:loc[1]])
		}
	}
	t.Setenv("NO_COLOR", "")
	m = send(New(o), tea.WindowSizeMsg{Width: 160, Height: 48})
	if !sgrColour.MatchString(m.View().Content) {
		t.Error("no colour at all without NO_COLOR")
	}
}

func TestLightBackground(t *testing.T) {
	m := newSized(t, 120, 40)
	dark := m.View().Content
	m = send(m, tea.BackgroundColorMsg{Color: lipgloss.Color("#ffffff")})
	if m.isDark {
		t.Fatal("a white background read as dark")
	}
	if m.View().Content == dark {
		t.Error("styles did not change for a light background")
	}
}

func TestStaleCatalogWarning(t *testing.T) {
	o := testOptions(t)
	o.Today = fixedToday.AddDate(0, 6, 0)
	m := send(New(o), tea.WindowSizeMsg{Width: 160, Height: 48})
	if !strings.Contains(screen(m), "days old") {
		t.Error("no staleness warning for a six-month-old catalog")
	}
	if strings.Contains(screen(newSized(t, 160, 48)), "days old") {
		t.Error("warning for a fresh catalog")
	}
}

func TestNotices(t *testing.T) {
	o := testOptions(t)
	o.Notices = []string{"overlay invalid: running on embedded catalog"}
	m := send(New(o), tea.WindowSizeMsg{Width: 160, Height: 48})
	if !strings.Contains(screen(m), "overlay invalid") {
		t.Fatal("startup notice not shown")
	}
	m = send(m, press("down"))
	if strings.Contains(screen(m), "overlay invalid") {
		t.Error("notice still shown after a key")
	}
}

func TestInvalidWorkloadFallsBack(t *testing.T) {
	o := testOptions(t)
	o.Workload.DaysPerMonth = 99
	m := New(o)
	if err := m.w.Validate(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.footer.status, "not usable") {
		t.Errorf("status %q", m.footer.status)
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {39, 12}, {40, 11}, {10, 3}} {
		m := newSized(t, sz[0], sz[1])
		s := screen(m)
		if sz[0] > 1 && !strings.Contains(strings.Join(strings.Fields(s), " "), "too") {
			t.Errorf("%v: %q", sz, s)
		}
		checkFrame(t, m, sz[0], sz[1])
	}
}

// checkFrame asserts the frame fits the window.
func checkFrame(t *testing.T, m Model, w, h int) {
	t.Helper()
	checkFrameWidths(t, m, w, h, nil)
}

// checkFrameWidths is checkFrame remembering the width of every line it has
// measured in widths (when not nil): frames repeat most of their lines, and
// measuring a line is most of what a random step costs.
func checkFrameWidths(t *testing.T, m Model, w, h int, widths map[string]int) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) > max(h, 1) {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		lw, ok := widths[l]
		if !ok {
			lw = columns.Width(l)
			if widths != nil {
				widths[l] = lw
			}
		}
		if lw > max(w, 0) {
			t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, l)
		}
	}
}

// A step's ▲/▼ and cost marks fade when their own timer fires, not when an
// older one does.
func TestMarksFade(t *testing.T) {
	m := newSized(t, 120, 40)
	next, cmd := m.Update(press("right"))
	m = next.(Model)
	if cmd == nil || m.prev == nil {
		t.Fatal("a step left no marks or no fade timer")
	}
	older := fadeMsg(m.eval.gen - 1)
	next, _ = m.Update(older)
	if m = next.(Model); m.prev == nil {
		t.Fatal("an older timer cleared the newest marks")
	}
	next, _ = m.Update(fadeMsg(m.eval.gen))
	if m = next.(Model); m.prev != nil || costDelta(&m.shared, &m.res.Quotes[0]) != "" {
		t.Error("the step's own timer left its marks")
	}
}

// "? help" stays in the footer at every size, and the help scrolls to its end.
func TestHelpAtEverySize(t *testing.T) {
	for _, sz := range [][2]int{{200, 60}, {120, 40}, {80, 24}, {60, 20}, {40, 12}} {
		m := newSized(t, sz[0], sz[1])
		lines := strings.Split(screen(m), "\n")
		if last := strings.TrimRight(lines[len(lines)-1], " "); !strings.HasSuffix(last, "? help") {
			t.Errorf("%dx%d: footer %q", sz[0], sz[1], last)
		}
		if sz[0] == 60 {
			if h := send(m, keys("?", "down", "down", "up")...); h.reader.off != 1 {
				t.Errorf("60x20: the help did not scroll: offset %d", h.reader.off)
			}
		}
		m = send(m, keys("?", "end")...)
		if s := screen(m); !strings.Contains(s, "u on a class's tokens") {
			t.Errorf("%dx%d: the end of the help is out of reach:\n%s", sz[0], sz[1], s)
		}
	}
}

func anyQuote(m Model, id string) bool {
	_, ok := m.res.Find(id)
	return ok
}

// y copies what is shown: the filter and the search apply, and the status
// says the text went to the terminal, not that the clipboard took it.
func TestCopyWhatIsShown(t *testing.T) {
	m := newSized(t, 120, 40)
	m = send(m, keys("f", "/", "b", "e", "t", "a", "enter")...) // subscriptions whose name has "beta"
	s, _ := summary(&m.shared, &m.ranking)
	for _, want := range []string{"Beta Pro", "Beta Ultra", "Shown: subscriptions only, names matching \"beta\"."} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	for _, not := range []string{"| Alpha Plus", "| API mix", "| Beta Top"} {
		if strings.Contains(s, not) {
			t.Errorf("summary lists %q, which is not shown:\n%s", not, s)
		}
	}
	m = send(m, press("y"))
	// Subscriptions named "beta": Beta Pro and Beta Ultra (Beta Top is an API model).
	if !strings.Contains(m.footer.status, "sent 2 options as Markdown to the clipboard via the terminal (OSC 52): paste to check") ||
		!strings.Contains(m.footer.status, "Y writes the same to tokenomics-summary.md") {
		t.Errorf("status %q", m.footer.status)
	}
	// The status is long for 60 columns: the help has it whole.
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 20}, press("?"))
	if s := strings.ReplaceAll(screen(m), "│", ""); !strings.Contains(s, "Last message") || !strings.Contains(strings.Join(strings.Fields(s), " "), "ignores OSC 52") {
		t.Errorf("the help lacks the copy message:\n%s", screen(m))
	}
}

// y lists the plan you pay for now, with its own rank, when the table
// leaves it out: ranked below the summary's rows, or filtered out (here:
// API models only, the view a buyer uses to compare with their plan).
func TestCopyKeepsYourPlan(t *testing.T) {
	m := newSized(t, 120, 40)
	last := -1 // the lowest-ranked subscription
	for i, q := range m.res.Quotes {
		if q.Kind == model.KindSubscription {
			last = i
		}
	}
	q := m.res.Quotes[last]
	m = send(m, press("tab"))
	for range last {
		m = send(m, press("down"))
	}
	m = send(m, press("m"), press("f"), press("f"), press("home")) // all → subscriptions → API models
	if m.w.Current != q.ID || m.ranking.filter != filterAPI {
		t.Fatalf("marked %q with filter %v, want %q and API models", m.w.Current, m.ranking.filter, q.ID)
	}
	s, _ := summary(&m.shared, &m.ranking)
	if !strings.Contains(s, fmt.Sprintf("| %d | %s |", last+1, q.Name)) {
		t.Errorf("summary lacks your plan %s at rank %d:\n%s", q.Name, last+1, s)
	}
	apis := min(len(m.ranking.shown), summaryRows)
	if n := strings.Count(s, "\n| "); n != 1+apis+1 { // header, the API rows, your plan
		t.Errorf("%d table lines, want %d:\n%s", n, apis+2, s)
	}
}

// Y asks where to write the summary, offering the open file's name and
// folder (mine.yaml → mine.md); a file it did not write is replaced only on
// a second enter, and a link is never written through.
func TestExportSummary(t *testing.T) {
	dir := t.TempDir()
	o := testOptions(t)
	o.WorkloadPath = filepath.Join(dir, "mine.yaml")
	md := filepath.Join(dir, "mine.md")
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})

	m, msgs := sendCmd(t, m, press("Y"))
	if len(msgs) > 0 || !m.prompt.active || m.prompt.input.Value() != md {
		t.Fatalf("Y wrote without asking, or offered %q", m.prompt.input.Value())
	}
	m, msgs = sendCmd(t, m, press("enter"))
	m = send(m, msgs...)
	data, err := os.ReadFile(md)
	if err != nil || !strings.Contains(string(data), "## Freelancer: AI plans compared") {
		t.Fatalf("no summary at %s: %v %q", md, err, data)
	}
	if !strings.Contains(m.footer.status, "wrote the Markdown summary to "+md) {
		t.Errorf("status %q", m.footer.status)
	}
	// Its own file again: replaced on the first enter.
	m, _ = sendCmd(t, m, press("Y"))
	m, msgs = sendCmd(t, m, press("enter"))
	if len(msgs) == 0 {
		t.Error("Y asked twice before replacing the file it wrote itself")
	}

	// A user's file: the first enter asks, esc forgets, a second enter replaces.
	o.WorkloadPath = filepath.Join(dir, "notes.yaml")
	user := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(user, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range []string{"Y", "enter", "esc", "Y", "enter"} {
		var msgs []tea.Msg
		m, msgs = sendCmd(t, m, press(k))
		if len(msgs) > 0 {
			t.Fatalf("after %q the summary was written over the user's file", k)
		}
	}
	if b, _ := os.ReadFile(user); string(b) != "my notes" {
		t.Fatalf("user's file changed: %q", b)
	}
	if !strings.Contains(m.prompt.err, "file exists: enter again") {
		t.Errorf("prompt says %q", m.prompt.err)
	}
	m, msgs = sendCmd(t, m, press("enter"))
	send(m, msgs...)
	if b, _ := os.ReadFile(user); !strings.Contains(string(b), "AI plans compared") {
		t.Errorf("second enter did not replace the file: %q", b)
	}

	// A link is refused, and what it points to is untouched.
	o.WorkloadPath = filepath.Join(dir, "link.yaml")
	if err := os.Symlink(user, filepath.Join(dir, "link.md")); err != nil {
		t.Skip("no symlinks here")
	}
	if err := os.WriteFile(user, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = sendCmd(t, m, press("Y"))
	m, msgs = sendCmd(t, m, press("enter"))
	m, msgs2 := sendCmd(t, m, press("enter"))
	send(m, append(msgs, msgs2...)...)
	if b, _ := os.ReadFile(user); string(b) != "my notes" {
		t.Errorf("written through the link: %q", b)
	}
	if !strings.Contains(m.prompt.err, "symbolic link") {
		t.Errorf("prompt says %q", m.prompt.err)
	}
}

// sendCmd sends msg and runs the command it returns, giving back the
// messages that command produced.
func sendCmd(t *testing.T, m Model, msg tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	tm, cmd := m.Update(msg)
	return tm.(Model), runCmd(t, cmd)
}

// Every key of the keymap is in the full help: help cannot drift from what
// the keys do.
func TestFullHelpListsEveryKey(t *testing.T) {
	m := newSized(t, 120, 40)
	listed := map[string]bool{}
	for _, col := range m.keys.fullHelp() {
		for _, b := range col {
			listed[b.Help().Key] = true
		}
	}
	v := reflect.ValueOf(m.keys)
	for i := range v.NumField() {
		b := v.Field(i).Interface().(key.Binding)
		if !listed[b.Help().Key] {
			t.Errorf("%s (%s) is not in the full help", v.Type().Field(i).Name, b.Help().Key)
		}
	}
}

// At 80×24 with a plan marked as yours, "switching saves $X" is on screen
// whole: the line about your plan wraps over the rows the verdict keeps for
// it instead of being cut.
func TestVerdictKeepsYourPlanLine(t *testing.T) {
	m := newSized(t, 80, 24)
	m = send(m, keys("tab", "/", "a", "l", "p", "h", "a", "space", "p", "l", "u", "s", "enter", "m")...)
	if m.w.Current != "alpha-plus" {
		t.Fatalf("current plan %q, want alpha-plus", m.w.Current)
	}
	lines := strings.Split(screen(m), "\n")
	verdict := strings.Join(strings.Fields(strings.Join(lines[1:1+m.lay.verdict.H], " ")), " ")
	// Alpha Plus costs $20.00 a month for this work, the API mix $18.79:
	// switching saves 20.00 − 18.79 = $1.21 a month.
	want := "You pay for Alpha Plus now ($20.00/month for this work): switching to API mix, all providers saves $1.21/month."
	if !strings.Contains(verdict, want) {
		t.Errorf("the verdict at 80×24 lacks %q:\n%s", want, strings.Join(lines[:1+m.lay.verdict.H], "\n"))
	}
	checkFrame(t, m, 80, 24)
}

// When a free plan tops the plans list, above the answer the headline
// names, the verdict's line about it is the first supporting line on
// screen (after the one about your plan, when one is marked), so a screen
// that shows one line does not leave the list's top unexplained; with free
// plans left out (F) the lines keep report's order.
func TestVerdictExplainsAFreePlanOnTop(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		kinds []report.LineKind // the first supporting lines on screen
	}{
		// The test workload: Alpha Free, $18.71 with its API overflow,
		// tops the list; the answer is the API mix at $18.79.
		{"free on top", nil, []report.LineKind{report.LineFree}},
		{"and your plan", []string{"tab", "/", "a", "l", "p", "h", "a", "space", "p", "l", "u", "s", "enter", "m"}, []report.LineKind{report.LineCurrent, report.LineFree}},
		{"free plans out", []string{"F"}, []report.LineKind{report.LineOneVendor}},
	} {
		m := send(newSized(t, 80, 24), keys(tc.keys...)...)
		h := &m.headline
		if free := len(m.res.Quotes) > 0 && m.res.Quotes[0].Free; free != (tc.name != "free plans out") {
			t.Fatalf("%s: the list's top is free: %v", tc.name, free)
		}
		for i, want := range tc.kinds {
			if got := h.support[h.shown(i)].Kind; got != want {
				t.Errorf("%s: supporting line %d on screen is of kind %d, want %d", tc.name, i, got, want)
			}
		}
		if tc.name == "free on top" {
			lines := strings.Split(screen(m), "\n")
			if v := strings.Join(lines[1:1+m.lay.verdict.H], "\n"); !strings.Contains(v, "Free plan for part, API for the rest: Alpha Free") {
				t.Errorf("%s: the verdict at 80×24 does not say why Alpha Free tops the list:\n%s", tc.name, v)
			}
		}
	}
}

// The chart's lines take their colours from the light or dark palette, and
// the dark ones are the bright colours they always were.
func TestSeriesColoursFollowTheBackground(t *testing.T) {
	dark, light := newStyles(true, false).series, newStyles(false, false).series
	want := []asciigraph.AnsiColor{asciigraph.DodgerBlue, asciigraph.Orange, asciigraph.MediumSeaGreen, asciigraph.HotPink}
	if !slices.Equal(dark, want) {
		t.Errorf("dark series %v, want %v", dark, want)
	}
	// #005FD7, #D75F00, #008700, #AF005F are xterm colours 26, 166, 28, 125.
	if wantLight := []asciigraph.AnsiColor{26, 166, 28, 125}; !slices.Equal(light, wantLight) {
		t.Errorf("light series %v, want %v", light, wantLight)
	}
	if newStyles(true, true).series != nil {
		t.Error("NO_COLOR still colours the chart")
	}
}

// In another currency the header says the rate and its day, from the
// catalog's fx (test catalog: KRW 1400 as of 2026-11-01); in dollars it
// says nothing of a rate. At 60 columns the rate gives way to the code.
func TestHeaderSaysTheRate(t *testing.T) {
	for _, tc := range []struct {
		code   string
		width  int
		want   string
		absent string
	}{
		{"KRW", 160, "KRW at ₩1,400/$ of 2026-11-01", ""},
		{"EUR", 160, "EUR at €0.90/$ of 2026-11-01", ""},
		{"USD", 160, "USD", "/$"},
		{"KRW", 60, "KRW", "/$"},
	} {
		m := newSized(t, tc.width, 40)
		m.setCurrency(tc.code)
		m = send(m, tea.WindowSizeMsg{Width: tc.width, Height: 40})
		head := strings.SplitN(screen(m), "\n", 2)[0]
		if !strings.Contains(head, tc.want) || (tc.absent != "" && strings.Contains(head, tc.absent)) {
			t.Errorf("%s at %d: header %q, want %q without %q", tc.code, tc.width, head, tc.want, tc.absent)
		}
	}
}

// A converted rate has the precision of the exchange rate, four
// significant digits, in the header and in the detail's rates alike: with
// EUR at 0.8909 a dollar, not €0.89 in one and €3.5636 in the other.
func TestConvertedRatesHaveFourDigits(t *testing.T) {
	m := newSized(t, 160, 40)
	m.cat.FX.Rates["EUR"] = 0.8909
	m.setCurrency("EUR")
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	if head := strings.SplitN(screen(m), "\n", 2)[0]; !strings.Contains(head, "EUR at €0.8909/$") {
		t.Errorf("header %q, want the rate €0.8909/$", head)
	}
	mid, ok := m.catalog.Model("alpha-mid")
	if !ok {
		t.Fatal("no alpha-mid in the test catalog")
	}
	// Alpha Mid: in $1, out $4, cache read $0.10 per million tokens.
	// 1 × 0.8909 = 0.8909; 4 × 0.8909 = 3.5636 → 3.564; 0.1 × 0.8909 = 0.08909.
	want := "Alpha Mid: in €0.8909 · out €3.564 · cache read €0.08909 ·"
	if got := ratesLine(&m.shared, mid); !strings.HasPrefix(got, want) {
		t.Errorf("rates %q, want them to start %q", got, want)
	}
	// The detail's heading of the rates says they are converted, at the
	// header's rate.
	q, ok := m.res.Find("api:alpha-mid")
	if !ok {
		t.Fatal("no option api:alpha-mid")
	}
	if s := ansi.Strip(strings.Join(detailLines(&m.shared, q, 120), "\n")); !strings.Contains(s, "Rates per million tokens, the catalog's in dollars at €0.8909/$") {
		t.Errorf("the detail's rates do not say they are converted:\n%s", s)
	}
}

// A class has one fit status in every view: the detail's class table marks
// each class as the engine's ClassFit says, so a plan's class that
// overflows to an API model is "~" there as in the glance, never "✗". At
// volume ×4 the test workload runs past some plan's caps.
func TestClassFitOneMark(t *testing.T) {
	m := newSized(t, 160, 48)
	m.prefs.Volume = 4
	m.evaluate()
	partly := 0
	for qi := range m.res.Quotes {
		q := &m.res.Quotes[qi]
		rows := classTable(&m.shared, q, 120)[1:]
		for i, c := range q.Classes {
			want := map[model.Fit]string{model.FitAll: "✓", model.FitPartly: "~", model.FitNone: "✗"}[q.ClassFit(i)]
			if q.ClassFit(i) == model.FitPartly {
				partly++
			}
			var row string
			for _, r := range rows {
				if strings.HasPrefix(ansi.Strip(r), columns.Cut(c.Name, 20)) {
					row = ansi.Strip(r)
					break
				}
			}
			if fs := strings.Fields(strings.TrimPrefix(row, columns.Cut(c.Name, 20))); len(fs) < 2 || fs[1] != want {
				t.Errorf("%s / %s: row %q, want mark %s", q.ID, c.Name, row, want)
			}
		}
	}
	if partly == 0 {
		t.Fatal("no class runs partly on its plan: the test shows nothing")
	}
}

// The verdict view (v) shows every line of the verdict whole at any width:
// a wrapped line's continuation, indented two cells, fits the box too, and
// no word is cut off at its right edge. (The test workload's verdict at
// every width from 60 to 130: some widths wrap a line to the box's edge.)
func TestVerdictViewKeepsEveryWord(t *testing.T) {
	flipsNow = true
	t.Cleanup(func() { flipsNow = false })
	for width := 60; width <= 130; width++ {
		m := send(newSized(t, width, 70), keys("right", "v")...)
		var box []string
		in := false
		for _, l := range strings.Split(screen(m), "\n") {
			switch {
			case strings.HasPrefix(l, "╭─ The verdict"):
				in = true
			case strings.HasPrefix(l, "╰"):
				in = false
			case in:
				box = append(box, strings.Trim(l, "│ "))
			}
		}
		// Lines rejoined as written: ansi.Wrap may break after a hyphen.
		shown := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(box, "\n"), "-\n", "-")), " ")
		main, support := verdictText(&m.shared, false)
		texts := []string{main}
		for _, l := range support {
			texts = append(texts, l.Text)
		}
		for _, s := range texts {
			if want := strings.Join(strings.Fields(s), " "); !strings.Contains(shown, want) {
				t.Errorf("%d wide: the verdict view lacks %q:\n%s", width, want, strings.Join(box, "\n"))
			}
		}
	}
}

// A date never wraps inside: the line breaks before it. Other hyphens still
// break as ansi.Wrap breaks them.
func TestWrapLinesKeepsDatesWhole(t *testing.T) {
	for _, tc := range []struct {
		s    string
		w    int
		want []string
	}{
		// "as of 2026-10-" is 14 cells: a plain wrap at 14 breaks after the
		// date's second hyphen and leaves "27" alone on the next line.
		{"as of 2026-10-27", 14, []string{"as of", "2026-10-27"}},
		// Fits whole: nothing moves.
		{"as of 2026-10-27", 16, []string{"as of 2026-10-27"}},
		// "(2026-08-28;" is one word with what sticks to it.
		{"reading it on (2026-08-28; earlier", 18, []string{"reading it on", "(2026-08-28;", "earlier"}},
		// Not a date (a year and a month, a long number): breaks after the
		// hyphen as before; "well-known" does too.
		{"a well-known 2026-08 note", 8, []string{"a well-", "known", "2026-08", "note"}},
		{"x 12026-10-27", 9, []string{"x 12026-", "10-27"}},
		// A hyphen standing alone or ending a word never sticks out past the
		// edge, as it did through ansi.Wrap ("abc -" 5 cells wide at 3).
		{"abc - d", 3, []string{"abc", "- d"}},
		{"x as --", 5, []string{"x as", "--"}},
		{"abc def-", 4, []string{"abc", "def-"}},
		// A word wider than the line is cut at the edge, but before a date
		// that fits a line by itself: "(2026-08-2" over "8;" would split it.
		{"(2026-08-28;", 10, []string{"(", "2026-08-28", ";"}},
		{"2026-08-28", 6, []string{"2026-0", "8-28"}}, // no room for it whole
		{"한국어", 1, []string{"한", "국", "어"}},           // a grapheme wider than the line goes alone
	} {
		if got := wrapLines(tc.s, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.want)
		}
	}
}

// A link (with a scheme, or host and path as the sources show one) never
// breaks at its own hyphens: it moves to the next line whole when it fits
// the width, and breaks only after a slash of its path when it does not,
// so a line that ends inside it ends in "/".
func TestWrapLinesKeepsLinksWhole(t *testing.T) {
	for _, tc := range []struct {
		s    string
		w    int
		want []string
	}{
		// The link is 37 cells (13 host + 11 + 5 + 8 path): "rates: " and
		// it are 44 > 40, so it moves down whole; a plain wrap ends the
		// first line at "gemini-". " (read)" would make 44 again.
		{"rates: ai.google.dev/gemini-api/docs/pricing (read)", 40, []string{"rates:", "ai.google.dev/gemini-api/docs/pricing", "(read)"}},
		// Fits whole on the line: nothing moves.
		{"rates: ai.google.dev/gemini-api/docs/pricing (read)", 51, []string{"rates: ai.google.dev/gemini-api/docs/pricing (read)"}},
		// 60 cells, wider than 40: "src " and host and path up to
		// "answer/" are 4+32 = 36, and the last part (28) goes below.
		{"src support.google.com/gemini/answer/gemini-plan-limits-explained", 40, []string{"src support.google.com/gemini/answer/", "gemini-plan-limits-explained"}},
		// With a scheme, 23 cells > 20: the "//" never breaks; the first
		// path slash ends the line at 20 cells.
		{"at https://example.com/a-b", 20, []string{"at", "https://example.com/", "a-b"}},
		// In brackets and with a date: whole on its own line (1+11+1+14+1 =
		// 28 cells).
		{"see (example.com/2026-10-27-x-y) now", 28, []string{"see", "(example.com/2026-10-27-x-y)", "now"}},
		// Not links: a price per month, a count per day; their hyphens
		// break as before.
		{"$2.61/month for a well-known thing", 12, []string{"$2.61/month", "for a well-", "known thing"}},
		{"1.5k/day-ish pace", 9, []string{"1.5k/day-", "ish pace"}},
		// A path of names is a link too: 18 cells, wider than 14, breaks
		// after its slash, and the file's name (12) stays whole.
		{"plans/catalog-data here", 14, []string{"plans/", "catalog-data", "here"}},
		// A repository as the catalog cites it, and the path after it:
		// "in " and the reference (30 cells) are 33 > 32, so it moves down
		// whole; the path (32 cells) fits a line by itself.
		{"in github:api-evangelist/deepmind plans/deepmind-plans-pricing.yml", 32, []string{"in", "github:api-evangelist/deepmind", "plans/deepmind-plans-pricing.yml"}},
		// An entry's name in brackets: "(entry " is 7 cells, the name and
		// ")" 31, 38 > 36.
		{"(entry gemini/gemini-3.1-pro-preview)", 36, []string{"(entry", "gemini/gemini-3.1-pro-preview)"}},
		// A part of a path wider than the line breaks at its hyphens, not
		// at the edge, and never inside its date: "data/" 5 cells and
		// "2026-06-15-" 11 make 16; "anthropic-" 10 and "retirement.json"
		// 15 make 25 > 16.
		{"data/2026-06-15-anthropic-retirement.json", 16, []string{"data/2026-06-15-", "anthropic-", "retirement.json"}},
	} {
		if got := wrapLines(tc.s, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.want)
		}
	}
}

// The detail view of every option, at every width from 20 to 80 cells,
// never ends a line inside a date ("as of 2026-11-" over "01").
func TestDetailNeverBreaksADate(t *testing.T) {
	m := newSized(t, 120, 40)
	cut := regexp.MustCompile(`(^|[^0-9])[0-9]{4}-([0-9]{2}-)?$`)
	for i := range m.res.Quotes {
		q := &m.res.Quotes[i]
		for iw := 20; iw <= 80; iw++ {
			for _, l := range detailLines(&m.shared, q, iw) {
				if l = strings.TrimRight(ansi.Strip(l), " "); cut.MatchString(l) {
					t.Errorf("%s at %d cells: a line ends inside a date: %q", q.Name, iw, l)
				}
			}
		}
	}
}

// The whole verdict's flip points fit its box at every width, said whole
// when there are none or they are still being worked out: the box cut
// "none between 1/64 and 64 times today's volume of any class" at 60
// columns.
func TestFlipLinesFitTheVerdictView(t *testing.T) {
	m := newSized(t, 120, 40)
	for _, tc := range []struct {
		done bool
		want string
	}{
		{true, "Flip points: none between 1/64 and 64 times today's volume of any class."},
		{false, "Flip points: working them out…"},
	} {
		m.flips, m.flipsDone = nil, tc.done
		for width := 20; width <= 130; width++ {
			lines := flipLines(&m.shared, width)
			for _, l := range lines {
				// The box's room: wrapIndented's width less one (see drawOverlay).
				if cw := columns.Width(l); cw > width-1 {
					t.Errorf("%d wide: %q is %d cells, the box holds %d", width, l, cw, width-1)
				}
			}
			if got := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); got != tc.want {
				t.Errorf("%d wide: the flip points say %q, want %q", width, got, tc.want)
			}
		}
	}
}

// The verdict on a screen too short for all of it leaves no row empty
// that a cut line could fill: a supporting line is whole while the lines
// after it still get a row each, and only then cut to one row.
func TestVerdictFillsItsRows(t *testing.T) {
	m := newSized(t, 120, 40)
	// At 40 columns wrapIndented wraps to 37 cells. The headline is one
	// row; A (2 + 4 words of 9 letters and 3 spaces = 41 cells) two; B
	// (2 + 6 words and 5 spaces = 61 cells, three words a row: 2 + 29 =
	// 31, a fourth would make 41) two: five rows in all.
	word := "abcdefghi"
	a := "  " + strings.Repeat(word+" ", 3) + word
	b := "  " + strings.Repeat(word+" ", 5) + word
	h := headline{main: "▶ The answer.", support: []report.Line{{Text: a}, {Text: b}}, mine: -1, free: -1, wrapW: -1}
	if n := len(h.all(40)); n != 5 {
		t.Fatalf("the verdict wraps to %d rows at 40, want 5", n)
	}
	// Four rows: the headline, A whole (two), B cut to one.
	got := h.fit(&m.shared, 40, 4)
	want := append(append([]string{"▶ The answer."}, wrapIndented(a, 40)...), columns.Cut(b, 38))
	if !slices.Equal(got, want) {
		t.Errorf("fit in 4 rows:\n%q\nwant\n%q", got, want)
	}
}

// A preset's budget is written in the preset's currency, USD when it names
// none, as a workload file's is: loaded, it is the same money in the
// currency shown, not its figure read in the currency shown before.
func TestPresetBudgetKeepsItsMoney(t *testing.T) {
	for _, tc := range []struct {
		name       string
		shown      string  // the currency on screen before
		currency   string  // the preset's
		budget     float64 // the preset's
		wantCode   string
		wantBudget float64
	}{
		// $30 shown in euros at 0.9 a dollar: 30 × 0.9 = €27.
		{"dollars, euros shown", "EUR", "", 30, "EUR", 27},
		// ₩42,000 stays ₩42,000, whatever was shown before.
		{"won, euros shown", "EUR", "KRW", 42000, "KRW", 42000},
		{"won, dollars shown", "USD", "KRW", 42000, "KRW", 42000},
		{"dollars, dollars shown", "USD", "", 30, "USD", 30},
	} {
		m := newSized(t, 120, 40)
		m.setCurrency(tc.shown)
		w := m.w
		w.Name, w.Currency, w.Budget = "Budgeted", tc.currency, tc.budget
		m.loadPreset(plans.Preset{Name: "budgeted", Workload: w})
		if m.cur.Code != tc.wantCode || math.Abs(m.w.Budget-tc.wantBudget) > 1e-9 {
			t.Errorf("%s: budget %v %s, want %v %s", tc.name, m.w.Budget, m.cur.Code, tc.wantBudget, tc.wantCode)
		}
	}
}

// Another workload starts the plans list at its top: after a preset, the
// selection is its cheapest option, not the option selected before
// wherever it now ranks. An edit keeps the selection on its option.
func TestPresetSelectsTheTop(t *testing.T) {
	m := newSized(t, 120, 40)
	if len(m.ranking.shown) < 8 {
		t.Fatalf("the test catalog lists %d options, want 8 or more", len(m.ranking.shown))
	}
	m.ranking.choose(7, &m.shared)
	before := m.ranking.selID
	m.apply(func(w *model.Workload) { w.DaysPerMonth++ })
	if m.ranking.selID != before {
		t.Errorf("after an edit the selection is %q, want %q kept", m.ranking.selID, before)
	}
	w := m.w
	w.Name = "Other"
	m.loadPreset(plans.Preset{Name: "other", Workload: w})
	if li := m.ranking.pick(&m.shared); li != 0 {
		t.Errorf("after a preset the selection is #%d (%q), want #1", li+1, m.ranking.selID)
	}
}
