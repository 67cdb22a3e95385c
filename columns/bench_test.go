package columns

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
)

// paneRows are 40 rows of the app's plans pane as its cells arrive: rank,
// name, monthly cost, cost per task, fit mark, caps bar, rank move and cost
// change, the marks and bars already styled.
func paneRows() [][]string {
	const green, red, faint, off = "\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[m"
	names := []string{"Claude Pro", "Google AI Ultra ($199.99)", "GPT-5.3-Codex", "Gemini 3.1 Pro (preview)", "API mix, all providers"}
	rows := make([][]string, 40)
	for i := range rows {
		move, delta := "", ""
		if i%7 == 3 {
			move, delta = green+"▲2"+off, green+"−$1.25"+off
		}
		rows[i] = []string{strconv.Itoa(i + 1), names[i%len(names)], fmt.Sprintf("$%d.%02d", 3*i+7, i), fmt.Sprintf("$0.%03d", 11*i+5),
			green + "✓" + off, green + "▰▰▰" + off + faint + "▱▱" + off + fmt.Sprintf(" %3d%%", 13*i%100), move, delta}
		if i%5 == 4 {
			rows[i][4] = red + "✗" + off
		}
	}
	return rows
}

// BenchmarkPlansPane lays out and draws the 40 rows in a 100-cell pane three
// ways: with this package, with the hand padding the app used before it
// (strings.Repeat and concatenation per cell), and with lipgloss/table, which
// the command line used. A keystroke in the app costs about 1 ms in all, so
// only the first two are fit for the keystroke path.
func BenchmarkPlansPane(b *testing.B) {
	rows := paneRows()
	const room = 100
	b.Run("columns", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cols := []Col{{Want: 4, Align: Right}, {Want: 16, Gap: 1}, {Want: 5, Gap: 1, Align: Right}, {Want: 5, Gap: 1, Align: Right},
				{Want: 1, Gap: 2}, {Want: 10, Gap: 1}, {Want: 3, Gap: 1}, {Want: 7, Gap: 1, Align: Right}}
			for _, r := range rows {
				for _, c := range []int{1, 2, 3, 7} { // the others have fixed widths
					cols[c].Want = max(cols[c].Want, Width(r[c]))
				}
			}
			w := Widths(room, cols, Drop(7), Drop(3), Drop(6), Shrink(1, 16), Drop(5), Shrink(1, 4))
			var b strings.Builder
			for _, r := range rows {
				b.Reset()
				for c, col := range cols {
					if w[c] == 0 {
						continue
					}
					if c > 0 {
						Blank(&b, col.Gap)
					}
					s := r[c]
					if c == 1 {
						s = Cut(s, w[c])
					}
					Write(&b, s, w[c], col.Align)
				}
				_ = b.String()
			}
		}
	})
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			name, monthly, perTask, delta := 16, 5, 5, 7
			for _, r := range rows {
				name, monthly = max(name, handWidth(r[1])), max(monthly, handWidth(r[2]))
				perTask, delta = max(perTask, handWidth(r[3])), max(delta, handWidth(r[7]))
			}
			used := 4 + 1 + 1 + monthly + 2 + 1
			name = max(min(min(max(room-used-11, 16), name), room-used), 4)
			used += name
			status, move := 0, 0
			want := []*int{&status, &move, &perTask, &delta}
			widths := []int{10, 3, perTask, delta}
			perTask, delta = 0, 0
			for i, p := range want {
				if used+widths[i]+1 <= room {
					*p = widths[i]
					used += widths[i] + 1
				}
			}
			for _, r := range rows {
				l := fmt.Sprintf("%4s", r[0]) + " " + handPad(handCut(r[1], name), name) + " " + handPadLeft(r[2], monthly)
				if perTask > 0 {
					l += " " + handPadLeft(r[3], perTask)
				}
				l += "  " + r[4]
				if status > 0 {
					l += " " + handPad(r[5], status)
				}
				if move > 0 {
					l += " " + handPad(r[6], move)
				}
				if delta > 0 {
					l += " " + handPadLeft(r[7], delta)
				}
				_ = l
			}
		}
	})
	b.Run("lipgloss-table", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t := table.New().Border(lipgloss.HiddenBorder()).BorderTop(false).BorderBottom(false).
				BorderLeft(false).BorderRight(false).BorderHeader(false).BorderColumn(false).Width(room).
				Rows(rows...).StyleFunc(func(row, col int) lipgloss.Style {
				s := lipgloss.NewStyle().PaddingRight(1)
				if col == 0 || col == 2 || col == 3 || col == 7 {
					s = s.Align(lipgloss.Right)
				}
				return s
			})
			_ = strings.Split(t.String(), "\n")
		}
	})
}

// The app's hand padding before this package, kept for the comparison.

func handWidth(s string) int { return Width(s) }

func handCut(s string, w int) string { return Cut(s, w) }

func handPad(s string, w int) string {
	if n := w - handWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

func handPadLeft(s string, w int) string {
	if n := w - handWidth(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// BenchmarkWidth measures a styled row of the plans pane (colour, a bar, a
// mark, a currency sign) with Width and with ansi.StringWidth, which it
// agrees with (TestWidthAgreesWithANSI). The app measures every line of
// every pane on each keystroke.
func BenchmarkWidth(b *testing.B) {
	const row = "\x1b[1m 3\x1b[m Claude Pro ($20.00)   \x1b[38;2;134;239;172m✓\x1b[m \x1b[32m▰▰▰\x1b[m\x1b[2m▱▱\x1b[m  42%  €18.40 · $0.031"
	b.Run("columns", func(b *testing.B) {
		for b.Loop() {
			_ = Width(row)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for b.Loop() {
			_ = ansi.StringWidth(row)
		}
	})
}
