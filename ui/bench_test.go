package ui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tokenomics/tokenomics/internal/testcat"
	"github.com/tokenomics/tokenomics/plans"
)

// BenchmarkKeystroke is one slider step at 160×48 with the full embedded
// catalog: Update (which re-evaluates and redraws) plus View. Goal < 1 ms
// (issues 20 and 21), with room to spare on a busy machine.
func BenchmarkKeystroke(b *testing.B) { benchKeystroke(b, shippedOptions(b), 160, 48) }

// BenchmarkKeystrokeWideBudget is BenchmarkKeystroke at 200×60 with a
// budget: the plans table's break-even and why columns, the ◆ marks, the
// budget line on the chart and in the verdict. Goal < 1 ms, as above.
func BenchmarkKeystrokeWideBudget(b *testing.B) {
	o := shippedOptions(b)
	o.Workload.Budget = 30
	benchKeystroke(b, o, 200, 60)
}

// benchKeystroke times one slider step, right and left in turn, at
// width×height: Update, which re-evaluates and redraws, then View.
func benchKeystroke(b *testing.B, o Options, width, height int) {
	b.Setenv("NO_COLOR", "")
	benchSteps(b, send(New(o), tea.WindowSizeMsg{Width: width, Height: height}), press("right"), press("left"))
}

// benchSteps times m taking one key and then the other, in turn: Update
// and View.
func benchSteps(b *testing.B, m Model, there, back tea.KeyPressMsg) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := there
		if i%2 == 1 {
			k = back
		}
		tm, _ := m.Update(k)
		m = tm.(Model)
		_ = m.View()
	}
}

// BenchmarkStartup is start-up to the first frame: New, the first
// WindowSizeMsg and View. Goal < 50 ms.
func BenchmarkStartup(b *testing.B) {
	o := shippedOptions(b)
	b.ReportAllocs()
	for b.Loop() {
		tm, _ := New(o).Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		_ = tm.(Model).View()
	}
}

// shippedOptions are the benchmarks' options: the shipped catalog and the
// default preset, whose size is what a keystroke costs in real use (the
// tests' small catalog would flatter it).
func shippedOptions(b *testing.B) Options {
	o := testOptions(b)
	o.Catalog, o.Workload = testcat.Shipped(b)
	return o
}

// BenchmarkStartupColdCatalog adds parsing the shipped catalog, which the
// command line does once before New (plans.Embedded caches its parse, so this
// parses the same file from disk).
func BenchmarkStartupColdCatalog(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "plans", "catalog.yaml"))
	if err != nil {
		b.Skip("shipped catalog not found:", err)
	}
	o := shippedOptions(b)
	b.ReportAllocs()
	for b.Loop() {
		cat, err := plans.ParseCatalog("catalog.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		o.Catalog = cat
		tm, _ := New(o).Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		_ = tm.(Model).View()
	}
}

// BenchmarkInk paints one cell with the ink shortcut and with the
// lipgloss.Style it was made from, the choice made hundreds of times a frame.
// Measured 2026-11-29 on 2 cores: ink ~30 ns and no allocation, Style.Render
// ~3 µs and 8 allocations; painting with Style.Render made BenchmarkKeystroke
// go from ~1.0 ms to ~1.8 ms.
func BenchmarkInk(b *testing.B) {
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("#A78BFA"))
	in := newInk(st)
	b.Run("ink", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = in.Render("Claude Pro")
		}
	})
	b.Run("lipgloss", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = st.Render("Claude Pro")
		}
	})
}

// BenchmarkOverlayScroll is one step of scrolling the full help and the
// whole verdict at 100×24 (both longer than the box there), down and up in
// turn: Update and View.
func BenchmarkOverlayScroll(b *testing.B) {
	for _, o := range []struct{ name, key string }{{"help", "?"}, {"verdict", "v"}} {
		b.Run(o.name, func(b *testing.B) {
			b.Setenv("NO_COLOR", "")
			m := send(New(shippedOptions(b)), tea.WindowSizeMsg{Width: 100, Height: 24}, press(o.key))
			benchSteps(b, m, press("down"), press("up"))
		})
	}
}
