package ui

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// headline is the verdict in words before the evidence: the headline and
// its supporting lines under the header, all of them in the verdict overlay
// (v). It words the verdict once per change to what it says (an
// evaluation, its ends or flip points, the currency, the styles: the root
// marks partWords), wraps it once per width, and keeps its last render; the
// root sizes it from the layout.
type headline struct {
	main    string        // the headline, styled
	support []report.Line // the supporting lines, styled and indented
	mine    int           // support's line about the plan you pay for now (report words one at most), -1 when none
	free    int           // support's line about a free plan when one tops the plans list, else -1

	wrapW   int      // the width wrapped is for
	wrapped []string // all of it wrapped to wrapW
	ends    []int    // where in wrapped the headline (ends[0]) and each supporting line (ends[i+1]) end

	r     rect
	lines []string
}

func (h *headline) setSize(r rect) { h.r = r }
func (h *headline) view() []string { return h.lines }

// word words the verdict of sh's evaluation anew.
func (h *headline) word(sh *shared) {
	h.main, h.support = verdictText(sh, true)
	h.wrapW, h.wrapped = -1, nil
	kind := func(k report.LineKind) int {
		return slices.IndexFunc(h.support, func(l report.Line) bool { return l.Kind == k })
	}
	h.mine = kind(report.LineCurrent)
	// A free plan at the top of the plans list, above the answer the
	// headline names, needs its line on screen: on a screen that shows one
	// supporting line, that list would otherwise contradict the headline.
	h.free = -1
	if len(sh.res.Quotes) > 0 && sh.res.Quotes[0].Free {
		h.free = kind(report.LineFree)
	}
}

// shown is the index in support of the screen's line i: the line about the
// plan you pay for now first ("keep it or switch" matters most to someone
// who pays for a plan), then the free plan's when one tops the list, the
// others in their order.
func (h *headline) shown(i int) int {
	for _, j := range [2]int{h.mine, h.free} {
		if j >= 0 {
			if i == 0 {
				return j
			}
			i--
		}
	}
	for j := range h.support {
		if j == h.mine || j == h.free {
			continue
		}
		if i == 0 {
			return j
		}
		i--
	}
	return -1
}

// draw renders the verdict into its size.
func (h *headline) draw(sh *shared) {
	h.lines = renderVerdict(h.fit(sh, h.r.W, h.r.H), h.r)
}

// verdictText is the headline and its supporting lines, worded by package
// report so the screen, the Markdown summary and the CLI say the same thing.
func verdictText(sh *shared, styled bool) (main string, support []report.Line) {
	hl := func(st ink, s string) string {
		if styled && s != "" {
			return st.Render(s)
		}
		return s
	}
	if len(sh.w.Classes) == 0 || sh.res.TotalTasks == 0 {
		return hl(sh.st.accent, "▶ ") + "Describe your work: a adds a class, p picks a preset, ←→ sets how often.", nil
	}
	main, support = report.VerdictLines(&sh.res, sh.w.Current, sh.cur, sh.flips, sh.without)
	if b := report.BudgetLine(&sh.res, &sh.w, sh.cur); b != "" {
		support = append([]report.Line{{Kind: report.LineBudget, Text: b}}, support...) // next to the answer it judges
	}
	if sh.verdict.Answer == model.AnswerNone {
		main = hl(sh.st.bad, main)
	} else {
		main = hl(sh.st.strong, main)
	}
	if sh.rp != nil {
		support = append([]report.Line{{Text: report.FiguresFrom(sh.rp, sh.replayed)}}, support...)
	}
	for i, l := range support {
		support[i].Text = "  " + l.Text
		if sh.verdict.DependsOnEstimate && l.Kind == report.LineEstimate {
			support[i].Text = hl(sh.st.warn, support[i].Text)
		}
	}
	return hl(sh.st.accent, "▶ ") + main, support
}

// all is the verdict wrapped to a screen width: the layout counts its rows,
// the overlay shows all of it. The caller must not change it.
func (h *headline) all(width int) []string {
	if width != h.wrapW || h.wrapped == nil {
		lines := wrapIndented(h.main, width)
		ends := append(h.ends[:0], len(lines))
		for _, l := range h.support {
			lines = append(lines, wrapIndented(l.Text, width)...)
			ends = append(ends, len(lines))
		}
		h.wrapW, h.wrapped, h.ends = width, slices.Clip(lines), ends
	}
	return h.wrapped
}

// wrappedMain is the headline wrapped to width, and wrappedLine supporting
// line i: parts of all(width), which the caller must not change.
func (h *headline) wrappedMain(width int) []string {
	return h.all(width)[:h.ends[0]]
}

func (h *headline) wrappedLine(width, i int) []string {
	return h.all(width)[h.ends[i]:h.ends[i+1]]
}

// wrapIndented wraps s to width-3 cells, continuation lines indented under
// the text, past "▶ " or the indent.
func wrapIndented(s string, width int) []string {
	if s == "" {
		return nil
	}
	out := wrapLines(s, width-3)
	for i := 1; i < len(out); i++ {
		out[i] = "  " + out[i]
	}
	return out
}

// keep is how many rows of width w the verdict keeps even on a short
// screen: the headline and the line about the plan you pay for, whole; 0
// when no plan is marked as yours.
func (h *headline) keep(w int) int {
	if h.mine < 0 {
		return 0
	}
	return len(h.wrappedMain(w)) + len(h.wrappedLine(w, h.mine))
}

// fit is the verdict in rows lines of width w: all of it wrapped when it
// fits; else the headline wrapped, the line about the plan you pay for now
// next and wrapped when its rows are there, the other supporting lines
// wrapped while those after them keep a row each and else cut to one row,
// the last row saying how many more v shows.
func (h *headline) fit(sh *shared, w, rows int) []string {
	if all := h.all(w); len(all) <= rows {
		return all
	}
	lines := slices.Clone(h.wrappedMain(w)) // its last row may take a tail
	if len(lines) >= rows {
		lines = lines[:rows]
		lines[rows-1] = cutBefore(lines[rows-1], w-2, " … v") + sh.st.muted.Render(" … v")
		return lines
	}
	for i := range h.support {
		si, left := h.shown(i), len(h.support)-i-1
		part := []string{columns.Cut(h.support[si].Text, w-2)}
		// Whole when the lines after it still get a row each, or, for the
		// line about your plan ("switching saves $X" is the point of it),
		// when it fits at all: rows the screen has are not left empty
		// while a line is cut.
		if wrapped := h.wrappedLine(w, si); len(lines)+len(wrapped)+left <= rows || si == h.mine && len(lines)+len(wrapped) <= rows {
			part = slices.Clone(wrapped)
		}
		if len(lines)+len(part) >= rows && left > 0 {
			tail := fmt.Sprintf(" … %d more: v", left)
			last := len(part) - 1
			part[last] = cutBefore(part[last], w-2, tail) + sh.st.muted.Render(tail)
			lines = append(lines, part...)
			break
		}
		lines = append(lines, part...)
	}
	return lines
}

// cutBefore cuts s so that tail, which starts with its own "…", fits after
// it in w cells: one ellipsis, not "…  …".
func cutBefore(s string, w int, tail string) string {
	return ansi.Truncate(s, max(w-columns.Width(tail), 0), "")
}

// renderVerdict lays the verdict lines into r.
func renderVerdict(lines []string, r rect) []string {
	out := make([]string, r.H)
	for i := range out {
		if i < len(lines) {
			out[i] = " " + lines[i]
		}
		out[i] = columns.Pad(columns.Cut(out[i], r.W), r.W, columns.Left)
	}
	return out
}

// flipLines are every flip point, for the verdict overlay: the headline
// names only the nearest.
func flipLines(sh *shared, width int) []string {
	if len(sh.w.Classes) == 0 || sh.res.TotalTasks == 0 {
		return nil
	}
	if !sh.flipsDone {
		return append([]string{""}, wrapIndented("  Flip points: working them out…", width)...)
	}
	if len(sh.flips) == 0 {
		// Wrapped as every other line: the box would cut it.
		return append([]string{""}, wrapIndented("  Flip points: none between 1/64 and 64 times today's volume of any class.", width)...)
	}
	lines := []string{"", "  " + sh.st.strong.Render("Flip points") + " (where the answer changes):"}
	for _, f := range sh.flips {
		// width-1 cells in all, as wrapIndented's lines are.
		lines = append(lines, wrapBullet("  • ", report.FlipLine(&sh.res, f), width-1)...)
	}
	return lines
}
