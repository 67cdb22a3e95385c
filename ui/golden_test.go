package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestGolden runs the real program (teatest) and compares the final frame's
// content, stripped of escape codes, with testdata/TestGolden/<name>.golden.
// Regenerate with: go test ./ui -run TestGolden -update
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"main_80x24", 80, 24, []string{"right"}},
		{"main_160x48", 160, 48, []string{"right"}},
		{"detail_160x48", 160, 48, []string{"tab", "/", "c", "l", "a", "u", "d", "e", " ", "p", "r", "o", "enter", "enter"}},
		{"fields_80x24", 80, 24, []string{"space", "down", "down"}},
		// Tokens in switched to pages and stepped up a rung: the other units
		// on a line of their own in the side-by-side layout.
		{"units_120x40", 120, 40, []string{"space", "down", "down", "u", "u", "right"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			tm := teatest.NewTestModel(t, New(testOptions(t)),
				teatest.WithInitialTermSize(tt.w, tt.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)),
			)
			for _, k := range tt.keys {
				tm.Send(press(k))
			}
			tm.Send(press("q"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
			golden.RequireEqual(t, ansi.Strip(fm.View().Content))
		})
	}
}
