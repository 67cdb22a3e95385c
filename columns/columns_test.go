package columns

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWidths(t *testing.T) {
	// A pane row: rank 4, name wanting 30 (16 at a pinch, 4 at worst), cost 7,
	// caps 10, move 3, delta 8, each after one blank but the first.
	cols := []Col{{Want: 4}, {Want: 30, Gap: 1}, {Want: 7, Gap: 1}, {Want: 10, Gap: 1}, {Want: 3, Gap: 1}, {Want: 8, Gap: 1}}
	steps := []Step{Drop(5), Drop(4), Shrink(1, 16), Drop(3), Shrink(1, 4)}
	for _, tc := range []struct {
		name string
		room int
		want []int
	}{
		// 4+31+8+11+4+9 = 67: everything at its width.
		{"room for all", 67, []int{4, 30, 7, 10, 3, 8}},
		{"room to spare", 100, []int{4, 30, 7, 10, 3, 8}},
		// 66: delta goes (58); move comes back? 58+4 = 62 <= 66, but it never left.
		{"delta goes first", 66, []int{4, 30, 7, 10, 3, 0}},
		// 57: without delta 58, without move 54: fits; move cannot come back.
		{"then move", 57, []int{4, 30, 7, 10, 0, 0}},
		// 50: 54 - 4 from the name = 26.
		{"then the name shrinks", 50, []int{4, 26, 7, 10, 0, 0}},
		// 38: the name at 16 gives 40, caps go (29), then move comes back
		// (29+4 = 33 <= 38), delta does not (33+9 = 42).
		{"caps go, move comes back", 38, []int{4, 16, 7, 0, 3, 0}},
		// 20: name 16 gives 29 without caps; down to 4 gives 17, and nothing
		// comes back in the 3 left (move needs 4).
		{"last resort", 20, []int{4, 7, 7, 0, 0, 0}},
		// 10: the name at 4 still leaves 17: the row stays too wide.
		{"too narrow", 10, []int{4, 4, 7, 0, 0, 0}},
	} {
		if got := Widths(tc.room, cols, steps...); !slices.Equal(got, tc.want) {
			t.Errorf("%s (room %d): widths %v, want %v", tc.name, tc.room, got, tc.want)
		}
	}
}

func TestWidthsFill(t *testing.T) {
	// A readout: swatch 2, name (at least 12 with the spark, 8 without), spark
	// 9, two values of 5, each after one blank.
	cols := []Col{{Want: 2}, {Want: 12, Gap: 1, Fill: true}, {Want: 9, Gap: 1}, {Want: 5, Gap: 1}, {Want: 5, Gap: 1}}
	steps := []Step{Drop(2), Shrink(1, 8), Drop(4)}
	for _, tc := range []struct {
		room int
		want []int
	}{
		{40, []int{2, 15, 9, 5, 5}}, // 2+13+10+6+6 = 37: the name takes the 3 left, 15
		{30, []int{2, 15, 0, 5, 5}}, // 37 > 30; without the spark 27: the name takes 12+3
		{24, []int{2, 9, 0, 5, 5}},  // the name shrinks to 24-15 = 9
		{20, []int{2, 11, 0, 5, 0}}, // at 8 it leaves 23 > 20: the second value goes, 17, the name takes 3 more
	} {
		if got := Widths(tc.room, cols, steps...); !slices.Equal(got, tc.want) {
			t.Errorf("room %d: widths %v, want %v", tc.room, got, tc.want)
		}
	}
}

func TestCellsAndWidth(t *testing.T) {
	for _, tc := range []struct{ s, cut, left, right string }{
		// Pad to 6, cut to 4.
		{"abc", "abc", "abc   ", "   abc"},
		{"abcdef", "abc…", "abcdef", "abcdef"},
		{"\x1b[1mab\x1b[m", "\x1b[1mab\x1b[m", "\x1b[1mab\x1b[m    ", "    \x1b[1mab\x1b[m"}, // the style takes no cell
		{"한국어", "한…", "한국어", "한국어"},                                                          // each rune two cells: 6 already
		{"€1,234", "€1,…", "€1,234", "€1,234"},
	} {
		if got := Cut(tc.s, 4); got != tc.cut {
			t.Errorf("Cut(%q, 4) = %q, want %q", tc.s, got, tc.cut)
		}
		if got := Pad(tc.s, 6, Left); got != tc.left {
			t.Errorf("Pad(%q, 6, Left) = %q, want %q", tc.s, got, tc.left)
		}
		if got := Pad(tc.s, 6, Right); got != tc.right {
			t.Errorf("Pad(%q, 6, Right) = %q, want %q", tc.s, got, tc.right)
		}
	}
	if got := Pad("x", 200, Left); Width(got) != 200 {
		t.Errorf("Pad past the blanks kept: width %d, want 200", Width(got))
	}
}

func TestTable(t *testing.T) {
	got := Table([]string{"#", "Name", "Cost", "Note"},
		[][]string{{"1", "Claude Pro", "$20.00", ""}, {"12", "x", "$1.00", "cheap"}},
		[]Align{Right, Left, Right},
		func(row, col int, s string) string {
			if row == HeaderRow || col == 3 {
				return "<" + s + ">" // a style: it takes no width of its own here, but its padding stays outside
			}
			return s
		})
	// Widths: # 2, Name 10, Cost 6, Note 5, two blanks apart; no blanks end a
	// line, and an empty cell is not painted.
	// After <Name>: 6 to pad Name to 10, 2 apart, 2 to right-align Cost in 6.
	want := " <#>  <Name>" + "          " + "<Cost>  <Note>\n" +
		" 1  Claude Pro  $20.00\n" +
		"12  x            $1.00  <cheap>\n"
	if got != want {
		t.Errorf("Table:\n%s\nwant:\n%s", got, want)
	}
}

// TestOneCellRunes: every rune Width counts without ansi.StringWidth takes
// one cell there, alone, twice over and between ASCII letters (so it joins
// neither), and after a colour.
func TestOneCellRunes(t *testing.T) {
	for _, g := range oneCellRanges {
		for r := g[0]; r <= g[1]; r++ {
			s := string(r)
			for _, c := range []struct {
				s    string
				want int
			}{{s, 1}, {s + s, 2}, {"a" + s + "a", 3}, {"\x1b[1;38;2;1;2;3m" + s + "\x1b[m", 1}} {
				if got := ansi.StringWidth(c.s); got != c.want {
					t.Errorf("%U: ansi.StringWidth(%q) = %d, want %d: not a one-cell rune", r, c.s, got, c.want)
				}
			}
		}
	}
}

// TestWidthAgreesWithANSI: Width is ansi.StringWidth on random strings drawn
// from ASCII, controls, escape sequences (whole and broken), one-cell runes
// and runes that are wide or join their neighbours.
func TestWidthAgreesWithANSI(t *testing.T) {
	parts := []string{"a", "Z", " ", "~", "$1.25", "\t", "\n", "\x7f", "\x1b", "\x1b[", "\x1b[m", "\x1b[1m", "\x1b[38;2;167;139;250m",
		"\x1b[2 q", "\x1b]8;;https://x\x07", "\x1b]8;;\x1b\\", "\x1bP", "─", "╭", "▰", "▱", "·", "…", "–", "×", "½", "€", "₩", "✓", "✗",
		"◆", "▲", "é", "λ", "д", "\u00ad", "\u0301", "\u200d", "\ufe0f", "한", "日本", "🙂", "⚠", "▶", "\xff", "\xe2\x94"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}
