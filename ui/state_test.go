package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A state file that cannot be written at quit reaches Run's caller, who can
// still say so once the screen is gone; a later write that works clears it.
func TestStateNotWrittenIsReported(t *testing.T) {
	m, _ := New(Options{}).Update(stateSavedMsg{err: syscall.ENOSPC})
	var se *StateError
	if err := stateError(m); !errors.As(err, &se) || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("after a failed write: %v, want a *StateError of ENOSPC", err)
	}
	m, _ = m.Update(stateSavedMsg{})
	if err := stateError(m); err != nil {
		t.Errorf("after a write that worked: %v", err)
	}
}

// A prefs file that cannot be written is said as that, not as the
// workload; both failing say both.
func TestPrefsNotWrittenIsSaidAsPrefs(t *testing.T) {
	for _, tc := range []struct {
		msg           stateSavedMsg
		want, notWant string
	}{
		{stateSavedMsg{prefsErr: syscall.EACCES}, "the app settings (volume, free plans) were not kept for the next start: permission denied", "workload"},
		{stateSavedMsg{err: syscall.ENOSPC}, "the workload was not kept for the next start: no space left on device", "settings"},
		{stateSavedMsg{err: syscall.ENOSPC, prefsErr: syscall.EACCES}, "the workload was not kept for the next start: no space left on device; the app settings", ""},
	} {
		m, _ := newSized(t, 160, 40).Update(tc.msg)
		err := stateError(m)
		var se *StateError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) || tc.notWant != "" && strings.Contains(err.Error(), tc.notWant) {
			t.Errorf("%+v: %v", tc.msg, err)
		}
		if s := screen(m.(Model)); !strings.Contains(s, tc.want[:40]) {
			t.Errorf("%+v: the status line does not say it:\n%s", tc.msg, s)
		}
	}
}

// ctrl+s to a symbolic link is refused at the prompt, before any question
// of overwriting: once it asked, then wrote over the file the link named.
func TestSaveToLinkRefusedAtThePrompt(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.yaml")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	m := newSized(t, 120, 40)
	m = send(m, press("ctrl+s"), press("ctrl+u"))
	m = send(m, typeText(link)...)
	for range 2 { // a second enter would overwrite an ordinary file
		tm, cmd := m.Update(press("enter"))
		m = tm.(Model)
		if cmd != nil {
			t.Fatal("a save to the link was started")
		}
	}
	if !strings.Contains(m.prompt.err, "symbolic link") {
		t.Errorf("the prompt says %q", m.prompt.err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the file behind the link changed: %q", b)
	}
}
