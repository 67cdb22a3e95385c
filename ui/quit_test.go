package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/tokenomics/tokenomics/plans"
)

// openedOn is the test options with the test workload copied to dir/mine.yaml
// and opened from there, as `--workload mine.yaml` does.
func openedOn(t *testing.T, dir string) Options {
	t.Helper()
	o := testOptions(t)
	data, err := os.ReadFile("testdata/workload.yaml")
	if err != nil {
		t.Fatal(err)
	}
	o.WorkloadPath = filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(o.WorkloadPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return o
}

// q with unsaved edits to the open file asks before anything is lost: esc
// stays, s saves to the open file and quits, d quits and leaves the file as
// it was. Run as the real program (teatest), so the quit is the program's.
func TestQuitAsksAboutUnsavedEdits(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		want   float64 // Short tasks' count in mine.yaml after the quit
	}{
		// → steps Short tasks from 40 to 50 (the slider's rung above 40; the
		// end-to-end test sees the same 50 /day); s writes it.
		{"save", "s", 50},
		// d leaves the file as it was opened: 40.
		{"discard", "d", 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			dir := t.TempDir()
			o := openedOn(t, dir)
			tm := teatest.NewTestModel(t, New(o),
				teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)),
			)
			seen := func(sub string) func([]byte) bool {
				return func(b []byte) bool { return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(sub)) }
			}
			tm.Send(press("right"))
			teatest.WaitFor(t, tm.Output(), seen("● modified"), teatest.WithDuration(5*time.Second))
			tm.Send(press("q"))
			teatest.WaitFor(t, tm.Output(), seen("d discard"), teatest.WithDuration(5*time.Second))
			// esc: the question goes, the app stays.
			tm.Send(press("esc"))
			teatest.WaitFor(t, tm.Output(), seen("not quitting"), teatest.WithDuration(5*time.Second))
			tm.Send(press("q"))
			teatest.WaitFor(t, tm.Output(), seen("d discard"), teatest.WithDuration(5*time.Second))
			tm.Send(press(tt.answer))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
			w, err := plans.LoadWorkload(o.WorkloadPath)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.Classes[0].Count; got != tt.want {
				t.Errorf("mine.yaml has %v short tasks, want %v", got, tt.want)
			}
			if fm.quitAsk {
				t.Error("the question is still open after the answer")
			}
		})
	}
}

// Without edits, or without a file, q quits at once: the state file keeps
// a workload that has no file of its own.
func TestQuitWithoutQuestion(t *testing.T) {
	dir := t.TempDir()
	for name, m := range map[string]Model{
		"file, no edits": send(New(openedOn(t, dir)), tea.WindowSizeMsg{Width: 80, Height: 24}),
		"edits, no file": send(newSized(t, 80, 24), press("right")),
	} {
		tm, cmd := m.Update(press("q"))
		if tm.(Model).quitAsk || cmd == nil {
			t.Errorf("%s: q asked instead of quitting", name)
		}
	}
	// ctrl+c never asks, even with unsaved edits to a file.
	m := send(New(openedOn(t, dir)), tea.WindowSizeMsg{Width: 80, Height: 24}, press("right"))
	if tm, cmd := m.Update(press("ctrl+c")); tm.(Model).quitAsk || cmd == nil {
		t.Error("ctrl+c asked instead of quitting")
	}
}

// The header names the open file and marks unsaved edits, at every size the
// app supports; ctrl+s offers the open file, not the current folder.
func TestHeaderNamesFileAndEdits(t *testing.T) {
	dir := t.TempDir()
	for _, sz := range [][2]int{{200, 60}, {120, 40}, {80, 24}, {60, 20}} {
		m := send(New(openedOn(t, dir)), tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		head := strings.Split(screen(m), "\n")[0]
		if !strings.Contains(head, "mine.yaml") || strings.Contains(head, "modified") || !strings.Contains(head, "? help") {
			t.Errorf("%v before an edit: %q", sz, head)
		}
		m = send(m, press("right"))
		head = strings.Split(screen(m), "\n")[0]
		if !strings.Contains(head, "mine.yaml ● modified") || !strings.Contains(head, "? help") {
			t.Errorf("%v after an edit: %q", sz, head)
		}
		m = send(m, press("ctrl+s"))
		if got := m.prompt.input.Value(); got != filepath.Join(dir, "mine.yaml") {
			t.Errorf("%v: ctrl+s offers %q", sz, got)
		}
	}
}

// The quit question is readable at every width from the narrowest screen
// up: all three answers whole on the footer line, nothing cut.
func TestQuitQuestionFitsNarrowScreens(t *testing.T) {
	dir := t.TempDir()
	for w := minWidth; w <= 80; w++ {
		t.Setenv("NO_COLOR", "")
		m := send(New(openedOn(t, dir)), tea.WindowSizeMsg{Width: w, Height: 20}, press("right"), press("q"))
		if !m.quitAsk {
			t.Fatalf("%d: q with unsaved edits did not ask", w)
		}
		lines := strings.Split(screen(m), "\n")
		foot := lines[len(lines)-1]
		if strings.Contains(foot, "…") {
			t.Errorf("%d columns: the question is cut: %q", w, foot)
		}
		for _, want := range []string{"Unsaved", "s save", "d discard", "esc "} {
			if !strings.Contains(foot, want) {
				t.Errorf("%d columns: the question %q lacks %q", w, foot, want)
			}
		}
		if got := len([]rune(foot)); got != w {
			t.Errorf("%d columns: the footer is %d wide", w, got)
		}
	}
}
