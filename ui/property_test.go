package ui

import (
	"cmp"
	"math"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// TestRandomDriving drives the model with 10,000 random keys, clicks, wheel
// turns and window sizes from 1×1 to 300×100. Nothing may panic, the workload
// must stay valid, every cost finite and non-negative, the ranking sorted,
// and the frame must fit the window.
func TestRandomDriving(t *testing.T) {
	const steps = 10000
	rng := rand.New(rand.NewPCG(3, 1415))
	pool := []string{
		"up", "down", "left", "right", "shift+left", "shift+right", "enter", "esc", "tab", "shift+tab",
		"space", "backspace", "home", "end", "ctrl+s", "ctrl+u", "ctrl+c",
		"h", "j", "k", "l", "H", "L", "g", "G", "e", "a", "d", "r", "p", "f", "/", "b", "c", "y", "?", "q",
		"0", "1", "5", "9", ".", "k", "%", "x", "-", "u", "F", "v", "m",
	}
	m := newSized(t, 120, 40)
	w, h := 120, 40
	widths := map[string]int{}
	for i := range steps {
		var msg tea.Msg
		switch n := rng.IntN(100); {
		case n < 4:
			w, h = 1+rng.IntN(300), 1+rng.IntN(100)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case n < 7:
			msg = tea.MouseClickMsg{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: tea.MouseLeft}
		case n < 9:
			b := tea.MouseWheelUp
			if rng.IntN(2) == 0 {
				b = tea.MouseWheelDown
			}
			msg = tea.MouseWheelMsg{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: b}
		case n < 10:
			msg = tea.BackgroundColorMsg{Color: lipgloss.Color([]string{"#000000", "#ffffff"}[rng.IntN(2)])}
		default:
			msg = press(pool[rng.IntN(len(pool))])
		}
		m = send(m, msg)
		if err := m.w.Validate(); err != nil {
			t.Fatalf("step %d (%v): workload invalid: %v", i, msg, err)
		}
		checkQuotes(t, m, i)
		checkFrameWidths(t, m, w, h, widths)
		// The cached frame must be what a full redraw gives (checked on a
		// quarter of the steps: it doubles the cost of a step).
		if i%4 != 0 {
			continue
		}
		fresh := m
		fresh.dirty = partAll
		fresh.refresh()
		if fresh.view.frame != m.view.frame {
			t.Fatalf("step %d (%v): cached frame differs from a full redraw:\n%s\n----\n%s", i, msg, screen(m), screen(fresh))
		}
	}
}

func checkQuotes(t *testing.T, m Model, step int) {
	t.Helper()
	qs := m.res.Quotes
	for i, q := range qs {
		for _, v := range []float64{q.Monthly, q.PerTask, q.Base, q.Overflow} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("step %d: %s has cost %v", step, q.ID, v)
			}
		}
		if i == 0 {
			continue
		}
		p := qs[i-1]
		if p.Eligible != q.Eligible {
			if !p.Eligible {
				t.Fatalf("step %d: ineligible %s ranked before eligible %s", step, p.ID, q.ID)
			}
			continue
		}
		if c := cmp.Or(cmp.Compare(p.Monthly, q.Monthly), cmp.Compare(p.Name, q.Name)); c > 0 {
			t.Fatalf("step %d: %s ($%v) ranked before %s ($%v)", step, p.ID, p.Monthly, q.ID, q.Monthly)
		}
	}
}
