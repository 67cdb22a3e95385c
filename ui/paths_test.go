package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Every path the app shows is written one way, the home directory as ~:
// the prompts' offers, what a save or an export says, and a save that
// fails; the prompts take ~/… back.
func TestAppShowsHomeAsTilde(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	o := testOptions(t)
	o.WorkloadPath = filepath.Join(home, "mine.yaml")
	m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})

	step := func(k string) {
		t.Helper()
		var msgs []tea.Msg
		m, msgs = sendCmd(t, m, press(k))
		m = send(m, msgs...)
	}
	for _, tc := range []struct {
		key    string // opens a prompt, which enter answers
		offer  string // what the prompt offers
		status string // what the footer says after enter
	}{
		{"ctrl+s", "~/mine.yaml", "saved ~/mine.yaml"},
		{"Y", "~/mine.md", "wrote the Markdown summary to ~/mine.md"},
	} {
		step(tc.key)
		if got := m.prompt.input.Value(); !m.prompt.active || got != tc.offer {
			t.Errorf("%s offers %q, want %q", tc.key, got, tc.offer)
		}
		step("enter")
		if m.footer.status != tc.status {
			t.Errorf("%s: the footer says %q, want %q", tc.key, m.footer.status, tc.status)
		}
	}
	// Under a file, a save fails: the error names the path with ~ too.
	step("ctrl+s")
	m.prompt.input.SetValue("~/mine.yaml/under.yaml")
	step("enter")
	if s := m.footer.status; !strings.HasPrefix(s, "not saved: ") || !strings.Contains(s, "~/mine.yaml") || strings.Contains(s, home) {
		t.Errorf("a failed save says %q", s)
	}
}
