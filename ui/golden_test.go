package ui

import (
	"image/color"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestGolden runs the real program (teatest) and compares the model's final
// view content, stripped of escape codes, with testdata/TestGolden/<name>.golden.
// It runs on testdata/catalog.yaml, so a price update leaves it alone. A
// light-theme case keeps the escape codes, which pin the light palette.
// Regenerate with: go test ./ui -run TestGolden -update
func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		w, h   int
		keys   []string
		light  bool    // a light terminal background, colours kept in the golden
		budget float64 // the workload's budget, 0 = none
	}{
		{"main_80x24", 80, 24, []string{"right"}, false, 0},
		{"main_160x48", 160, 48, []string{"right"}, false, 0},
		// The room of a wide screen: the plans table's break-even and why columns.
		{"main_200x60", 200, 60, []string{"right"}, false, 0},
		{"detail_160x48", 160, 48, []string{"tab", "/", "a", "l", "p", "h", "a", " ", "p", "l", "u", "s", "enter", "enter"}, false, 0},
		{"fields_80x24", 80, 24, []string{"space", "down", "down"}, false, 0},
		// Tokens in switched to pages and stepped up a rung: the other units
		// on a line of their own in the side-by-side layout.
		{"units_120x40", 120, 40, []string{"space", "down", "down", "u", "u", "right"}, false, 0},
		{"light_120x40", 120, 40, []string{"tab", "down"}, true, 0},
		// A $25 budget: the verdict's line, ◆ on the options within it, the
		// line across the chart.
		{"budget_120x40", 120, 40, []string{"right"}, false, 25},
		{"budget_60x20", 60, 20, nil, false, 25},
	}
	// The frames show the flip points, which the app computes beside the
	// program: here in Update, so that the frame does not depend on timing.
	flipsNow = true
	t.Cleanup(func() { flipsNow = false })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			o := testOptions(t)
			o.Workload.Budget = tt.budget
			tm := teatest.NewTestModel(t, New(o),
				teatest.WithInitialTermSize(tt.w, tt.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)),
			)
			if tt.light {
				tm.Send(tea.BackgroundColorMsg{Color: color.White})
			}
			for _, k := range tt.keys {
				tm.Send(press(k))
			}
			tm.Send(press("q"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
			got := fm.View().Content
			if !tt.light {
				got = ansi.Strip(got)
			}
			golden.RequireEqual(t, got)
		})
	}
}
