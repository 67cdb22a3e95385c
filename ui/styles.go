package ui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
)

// palette is the handful of semantic colours the app uses; nil entries mean
// "no colour" (NO_COLOR).
type palette struct {
	accent, good, bad, warn, muted, border, focus color.Color
	rowBg                                         color.Color    // the focused pane's selected row
	series                                        [4]color.Color // the chart's lines, the baseline's first
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return palette{
		accent: ld(c("#5A3FD9"), c("#A78BFA")),
		good:   ld(c("#1A7F37"), c("#4ADE80")),
		bad:    ld(c("#C62828"), c("#F87171")),
		warn:   ld(c("#9A6700"), c("#FBBF24")),
		muted:  ld(c("#6B7280"), c("#9CA3AF")),
		border: ld(c("#C4C4CC"), c("#4B5563")),
		focus:  ld(c("#5A3FD9"), c("#A78BFA")),
		rowBg:  ld(c("#E6E0FA"), c("#34304A")),
		// Colours of the xterm 256 palette (the chart draws in those): deep
		// on a light background, bright on a dark one.
		series: [4]color.Color{
			ld(c("#005FD7"), c("#0087FF")), // blue
			ld(c("#D75F00"), c("#FFAF00")), // orange
			ld(c("#008700"), c("#5FAF87")), // green
			ld(c("#AF005F"), c("#FF5FAF")), // pink
		},
	}
}

// ink is a one-line style reduced to the escape codes around its text.
// Painting is then a concatenation: lipgloss.Style.Render re-applies every
// property on each call, and a frame paints hundreds of cells (BenchmarkInk:
// about a hundred times faster, and a keystroke twice as fast).
type ink struct{ pre, post string }

func newInk(s lipgloss.Style) ink {
	pre, post, _ := strings.Cut(s.Render("\x00"), "\x00")
	return ink{pre, post}
}

// Render paints one line of text (no newlines).
func (i ink) Render(s string) string {
	if i.pre == "" || s == "" {
		return s
	}
	return i.pre + s + i.post
}

// styles is every style of the app, built once per background change.
type styles struct {
	title, muted, strong, accent ink
	good, bad, warn              ink
	selected                     ink // the selected row's text
	border, borderFocus          ink // box frames
	paneTitle, paneTitleFocus    ink
	barOn, barOff, barOver       ink
	rowOn                        string // starts the highlight of a selected row

	series []asciigraph.AnsiColor // one per chart line; nil without colour
	help   help.Styles
	input  textinput.Styles
}

// newStyles are the styles for a background and the colour setting. The
// app holds them by pointer and replaces them whole, never field by field:
// the root model is copied on every message, and styles are some 10 KB.
func newStyles(isDark, noColor bool) *styles {
	plain := lipgloss.NewStyle()
	bold := plain.Bold(true)
	s := styles{strong: newInk(bold), title: newInk(bold), selected: newInk(bold), paneTitleFocus: newInk(bold)}
	s.rowOn = newInk(plain.Reverse(true)).pre // without colour, reverse video
	if noColor {
		// No colour at all: meaning is carried by glyphs (✓ ✗ ▸ ▲ ▼) and bold.
		s.help = help.Styles{}
		s.input = textinput.Styles{}
		return &s
	}
	p := newPalette(isDark)
	fg := func(c color.Color) ink { return newInk(plain.Foreground(c)) }
	s.title = newInk(bold.Foreground(p.accent))
	s.selected = newInk(bold.Foreground(p.accent))
	s.paneTitleFocus = newInk(bold.Foreground(p.focus))
	s.accent, s.muted, s.good, s.bad, s.warn = fg(p.accent), fg(p.muted), fg(p.good), fg(p.bad), fg(p.warn)
	s.border, s.borderFocus, s.paneTitle = fg(p.border), fg(p.focus), fg(p.muted)
	s.barOn, s.barOff, s.barOver = fg(p.accent), fg(p.border), fg(p.bad)
	s.rowOn = newInk(plain.Background(p.rowBg)).pre
	s.series = make([]asciigraph.AnsiColor, len(p.series))
	for i, c := range p.series {
		s.series[i] = asciigraph.AnsiColor(ansi.Convert256(c))
	}
	s.help = help.DefaultStyles(isDark)
	s.input = textinput.DefaultStyles(isDark)
	return &s
}

// highlight paints line as the focused pane's selected row, w cells wide (as
// in lazygit or k9s). The background is re-applied after every reset inside
// the line so coloured cells keep it.
func (s *styles) highlight(line string, w int) string {
	if s.rowOn == "" {
		return line
	}
	line = columns.Pad(line, w, columns.Left)
	return s.rowOn + strings.ReplaceAll(line, "\x1b[m", "\x1b[m"+s.rowOn) + "\x1b[m"
}

// fitMark is a fit status as the list, the glance and the detail all show
// it: ✓ carried whole, ~ carried with part of it past the plan, ✗ not.
func (st *styles) fitMark(f model.Fit) string {
	switch f {
	case model.FitNone:
		return st.bad.Render("✗")
	case model.FitPartly:
		return st.warn.Render("~")
	}
	return st.good.Render("✓")
}
