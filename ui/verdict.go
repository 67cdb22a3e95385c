package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// The header and the verdict: the answer in words before the evidence.

// verdictText is the headline and its supporting lines, worded by package
// report so the screen, the Markdown summary and the CLI say the same thing.
func (m *Model) verdictText(styled bool) (main string, support []report.Line) {
	hl := func(st ink, s string) string {
		if styled && s != "" {
			return st.Render(s)
		}
		return s
	}
	if len(m.w.Classes) == 0 || m.res.TotalTasks == 0 {
		return hl(m.st.accent, "▶ ") + "Describe your work: a adds a class, p picks a preset, ←→ sets how often.", nil
	}
	main, support = report.VerdictLines(&m.res, m.w.Current, m.cur, m.flips)
	if b := report.BudgetLine(&m.res, &m.w, m.cur); b != "" {
		support = append([]report.Line{{Kind: report.LineBudget, Text: b}}, support...) // next to the answer it judges
	}
	if m.verdict.Answer == model.AnswerNone {
		main = hl(m.st.bad, main)
	} else {
		main = hl(m.st.strong, main)
	}
	if m.rp != nil {
		support = append([]report.Line{{Text: m.replayLine()}}, support...)
	}
	for i, l := range support {
		support[i].Text = "  " + l.Text
		if m.verdict.DependsOnEstimate && l.Kind == report.LineEstimate {
			support[i].Text = hl(m.st.warn, support[i].Text)
		}
	}
	return hl(m.st.accent, "▶ ") + main, support
}

// replayLine says where the figures come from when the app was opened on
// the user's records: replayed on them, or modeled once the workload moved.
func (m *Model) replayLine() string {
	if m.replayed {
		return fmt.Sprintf("Figures replayed on your records of %s to %s: each of %d requests against each plan's own usage windows.",
			m.rp.From, m.rp.To, m.rp.Records)
	}
	return "Figures modeled on the workload as you changed it, not replayed on your records (undo the changes to see the replay)."
}

// styledVerdict is verdictText(true) as refresh last worded it; the
// supporting lines are a copy the caller may reorder.
func (m *Model) styledVerdict() (string, []report.Line) {
	return m.view.verdictMain, slices.Clone(m.view.verdictSupport)
}

// verdictLines is the verdict wrapped to a screen width.
func (m *Model) verdictLines(width int) []string {
	main, support := m.styledVerdict()
	lines := wrapIndented(main, width)
	for _, l := range support {
		lines = append(lines, wrapIndented(l.Text, width)...)
	}
	return lines
}

// wrapIndented wraps s to width-3 cells, continuation lines indented under
// the text, past "▶ " or the indent.
func wrapIndented(s string, width int) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(ansi.Wrap(s, max(width-3, 1), " "), "\n")
	for i := 1; i < len(out); i++ {
		out[i] = "  " + out[i]
	}
	return out
}

// currentFirst moves the line about the plan you pay for now to the front
// of the supporting lines ("keep it or switch" matters most to someone who
// pays for a plan) and reports whether there is one.
func currentFirst(support []report.Line) bool {
	mine := func(l report.Line) bool { return l.Kind == report.LineCurrent }
	slices.SortStableFunc(support, func(a, b report.Line) int { return b2i(mine(b)) - b2i(mine(a)) })
	return len(support) > 0 && mine(support[0])
}

// verdictKeep is how many rows of width w the verdict keeps even on a short
// screen: the headline and the line about the plan you pay for, whole; 0
// when no plan is marked as yours.
func (m *Model) verdictKeep(w int) int {
	main, support := m.styledVerdict()
	if !currentFirst(support) {
		return 0
	}
	return len(wrapIndented(main, w)) + len(wrapIndented(support[0].Text, w))
}

// fitVerdict is the verdict in rows lines of width w: all of it wrapped when
// it fits; else the headline wrapped, the line about the plan you pay for
// now next and wrapped when its rows are there, the other supporting lines
// cut to one row each, the last row saying how many more v shows.
func (m *Model) fitVerdict(w, rows int) []string {
	all := m.verdictLines(w)
	if len(all) <= rows {
		return all
	}
	main, support := m.styledVerdict()
	lines := wrapIndented(main, w)
	if len(lines) >= rows {
		lines = lines[:rows]
		lines[rows-1] = cutBefore(lines[rows-1], w-2, " … v") + m.st.muted.Render(" … v")
		return lines
	}
	current := currentFirst(support)
	for i, l := range support {
		part := []string{columns.Cut(l.Text, w-2)}
		if wrapped := wrapIndented(l.Text, w); i == 0 && current && len(lines)+len(wrapped) <= rows {
			part = wrapped // "switching saves $X" is the point of it: whole
		}
		if left := len(support) - i - 1; len(lines)+len(part) >= rows && left > 0 {
			tail := fmt.Sprintf(" … %d more: v", left)
			last := len(part) - 1
			part[last] = cutBefore(part[last], w-2, tail) + m.st.muted.Render(tail)
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

// flipLines are every flip point, for the verdict view: the headline names
// only the nearest.
func (m *Model) flipLines(width int) []string {
	if len(m.w.Classes) == 0 || m.res.TotalTasks == 0 {
		return nil
	}
	if !m.flipsDone {
		return []string{"", "  Flip points: working them out…"}
	}
	if len(m.flips) == 0 {
		return []string{"", "  Flip points: none between 1/64 and 64 times today's volume of any class."}
	}
	lines := []string{"", "  " + m.st.strong.Render("Flip points") + " (where the answer changes):"}
	for _, f := range m.flips {
		lines = append(lines, wrapIndented("  • "+report.FlipLine(&m.res, f), width)...)
	}
	return lines
}
