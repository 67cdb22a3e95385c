package ui

import (
	"errors"
	"syscall"
	"testing"
)

// A state file that cannot be written at quit reaches Run's caller, who can
// still say so once the screen is gone; a later write that works clears it.
func TestStateNotWrittenIsReported(t *testing.T) {
	m, _ := New(Options{}).Update(stateSavedMsg{syscall.ENOSPC})
	var se *StateError
	if err := stateError(m); !errors.As(err, &se) || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("after a failed write: %v, want a *StateError of ENOSPC", err)
	}
	m, _ = m.Update(stateSavedMsg{nil})
	if err := stateError(m); err != nil {
		t.Errorf("after a write that worked: %v", err)
	}
}
