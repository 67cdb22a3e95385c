// Package columns lays text out in columns for a terminal: how wide each
// column gets in the room there is, which columns give way when it is short,
// and cells cut and padded to their widths. The command line's tables and the
// app's panes share it, so both measure the same way: in terminal cells, with
// escape sequences (styles) taking none and wide runes two.
package columns

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Align is where a cell's text sits in its column.
type Align uint8

const (
	Left Align = iota
	Right
)

// Col is one column of a layout.
type Col struct {
	Want  int   // cells it asks for: its widest cell, or a fixed width
	Gap   int   // blank cells before it (none before the first column drawn)
	Fill  bool  // it takes the room left once every column has its width
	Align Align // for Write and Table
}

// Step is one way of making room when a row is too wide: column Col shrinks
// to Min cells, or, when Drop, goes with its gap.
type Step struct {
	Col, Min int
	Drop     bool
}

// Shrink narrows column c to as little as min cells, as far as needed.
func Shrink(c, min int) Step { return Step{Col: c, Min: min} }

// Drop leaves column c out.
func Drop(c int) Step { return Step{Col: c, Drop: true} }

// Widths is the width of each column in room cells, 0 for one left out.
// Every column starts at its Want; while the row is wider than room the
// steps give way in order, each only as far as needed. Then the columns that
// were dropped come back where the room left holds them, the last to go
// first, and a Fill column takes what remains. A row the steps cannot bring
// into room stays too wide (the caller's box cuts it).
func Widths(room int, cols []Col, steps ...Step) []int {
	w := make([]int, len(cols))
	total := 0
	for i, c := range cols {
		w[i] = c.Want
		total += c.Gap + c.Want
	}
	dropped := 0 // how many steps ran; the drops among them may come back
	for _, s := range steps {
		if total <= room {
			break
		}
		dropped++
		switch {
		case s.Drop && w[s.Col] > 0:
			total -= cols[s.Col].Gap + w[s.Col]
			w[s.Col] = 0
		case !s.Drop && w[s.Col] > s.Min:
			cut := min(w[s.Col]-s.Min, total-room)
			w[s.Col] -= cut
			total -= cut
		}
	}
	for i := dropped - 1; i >= 0; i-- {
		if s := steps[i]; s.Drop && w[s.Col] == 0 && cols[s.Col].Want > 0 && total+cols[s.Col].Gap+cols[s.Col].Want <= room {
			w[s.Col] = cols[s.Col].Want
			total += cols[s.Col].Gap + w[s.Col]
		}
	}
	for i, c := range cols {
		if c.Fill && total < room {
			w[i] += room - total
			break
		}
	}
	return w
}

// Width is the width of s in terminal cells, as ansi.StringWidth counts it.
// What the app and the tables measure is mostly printable ASCII, colour
// (SGR and other CSI sequences) and one-cell symbols (box drawing, bars,
// marks, currency signs), which are counted here without the grapheme
// segmentation of ansi.StringWidth, several times faster; anything else
// (a control, another escape, a rune that may be wide or join its
// neighbours) hands the whole string to ansi.StringWidth.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b:
			n := CSILen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
		case c < 0x80:
			return ansi.StringWidth(s)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !oneCell(r) {
				return ansi.StringWidth(s)
			}
			w++
			i += n
		}
	}
	return w
}

// CSILen is the length of the CSI sequence s starts with (ESC [, parameter
// bytes, intermediate bytes, a final byte), 0 when it starts with none: the
// colour codes Width counts as no cells, and the chart steps over.
func CSILen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	i := 2
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		return i + 1
	}
	return 0
}

// oneCellRanges are runes that take one cell and never join a neighbour
// into one grapheme, by themselves or beside any other of them or ASCII
// (TestOneCellRunes checks each against ansi.StringWidth): Latin-1 and
// Latin Extended letters and signs, Greek and Cyrillic letters, general
// punctuation, currency signs, arrows, mathematical operators, box
// drawing, block elements and geometric shapes, check and cross marks.
var oneCellRanges = [...][2]rune{
	{0x00a1, 0x00ac}, {0x00ae, 0x024f}, // not the soft hyphen
	{0x0391, 0x03a1}, {0x03a3, 0x03c9}, {0x0410, 0x044f},
	{0x2010, 0x2027}, {0x2030, 0x205e},
	{0x20a0, 0x20c0}, {0x2190, 0x21ff}, {0x2200, 0x22ff},
	{0x2500, 0x25fc}, {0x2713, 0x2713}, {0x2717, 0x2717},
}

// OneCell reports whether rune r takes one cell and never joins a
// neighbour of ASCII or such runes into one grapheme (see oneCellRanges):
// a line of printable ASCII, escape sequences and such runes has a cell
// per rune, which whoever cuts it by cells can rely on.
func OneCell(r rune) bool { return oneCell(r) }

// oneCell reports whether r is in oneCellRanges.
func oneCell(r rune) bool {
	switch {
	case r >= 0x2500 && r <= 0x25fc: // box drawing, blocks, shapes: most of what is measured
		return true
	case r < 0x00a1 || r > 0x2717:
		return false
	}
	for _, g := range oneCellRanges {
		if r < g[0] {
			return false
		}
		if r <= g[1] {
			return true
		}
	}
	return false
}

// Cut cuts s to w cells, marking the cut with an ellipsis.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// blanks pads cells without allocating; wider padding is built.
const blanks = "                                                                                                                                "

func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// Pad fills s with blanks to w cells, on the side a leaves free.
func Pad(s string, w int, a Align) string {
	n := w - Width(s)
	switch {
	case n <= 0:
		return s
	case a == Right:
		return spaces(n) + s
	}
	return s + spaces(n)
}

// Write writes s padded to w cells into b, without building a string.
func Write(b *strings.Builder, s string, w int, a Align) {
	n := w - Width(s)
	if n > 0 && a == Right {
		b.WriteString(spaces(n))
	}
	b.WriteString(s)
	if n > 0 && a == Left {
		b.WriteString(spaces(n))
	}
}

// Blank writes n blank cells into b.
func Blank(b *strings.Builder, n int) {
	if n > 0 {
		b.WriteString(spaces(n))
	}
}

// HeaderRow is the row number Table's style is given for the header.
const HeaderRow = -1

// Table draws a borderless table for the command line: the header and the
// rows, each column as wide as its widest cell and two blanks from the next,
// no blanks at the ends of lines. style, when not nil, paints a cell's text
// (the padding stays plain); it is given HeaderRow for the header.
func Table(header []string, rows [][]string, align []Align, style func(row, col int, s string) string) string {
	const gap = 2
	cols := make([]Col, len(header))
	for i, h := range header {
		cols[i].Want, cols[i].Gap = Width(h), gap
		if i < len(align) {
			cols[i].Align = align[i]
		}
	}
	for _, r := range rows {
		for i := range min(len(r), len(cols)) {
			cols[i].Want = max(cols[i].Want, Width(r[i]))
		}
	}
	var b strings.Builder
	line := func(row int, cells []string) {
		pending := 0 // blanks not yet written: none at a line's end
		for i, c := range cols {
			s := ""
			if i < len(cells) {
				s = cells[i]
			}
			pad := c.Want - Width(s)
			if c.Align == Right {
				pending += pad
			}
			if s != "" && style != nil {
				s = style(row, i, s)
			}
			if s != "" {
				Blank(&b, pending)
				b.WriteString(s)
				pending = 0
			}
			if c.Align == Left {
				pending += pad
			}
			pending += gap
		}
		b.WriteByte('\n')
	}
	line(HeaderRow, header)
	for i, r := range rows {
		line(i, r)
	}
	return b.String()
}
