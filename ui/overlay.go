package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/plans"
)

// Overlays replace the panes: the full help and the presets picker.

func (m *Model) renderOverlay(r rect) []string {
	if m.overlay == overlayPresets {
		return m.renderPresets(r)
	}
	title, lines := "Help", []string(nil)
	if m.overlay == overlayVerdict {
		title, lines = "The verdict", m.headline.all(r.W-paneSideFrame+3)
		lines = append(lines, flipLines(&m.shared, r.W-paneSideFrame+3)...)
	} else {
		lines = m.helpLines(r.W - paneSideFrame)
	}
	ih := max(r.H-paneFrame, 0)
	m.helpOff = clamp(m.helpOff, 0, max(len(lines)-ih, 0))
	end := min(m.helpOff+ih, len(lines))
	hint := "esc closes"
	if m.helpOff > 0 || end < len(lines) {
		hint = fmt.Sprintf("↑↓ scroll %d/%d · ", end, len(lines)) + hint
	}
	return m.box(title, lines[m.helpOff:end], r, true, hint)
}

// helpLines is the full help: every key, one per line in columns that fit
// the width, then how to read the screen.
func (m *Model) helpLines(iw int) []string {
	var groups [][]string
	for _, col := range m.keys.fullHelp() {
		keyW := 0
		for _, b := range col {
			keyW = max(keyW, columns.Width(b.Help().Key))
		}
		var g []string
		for _, b := range col {
			if b.Enabled() {
				g = append(g, m.st.strong.Render(columns.Pad(b.Help().Key, keyW, columns.Left))+"  "+m.st.muted.Render(b.Help().Desc))
			}
		}
		groups = append(groups, g)
	}
	// The groups side by side when the width allows, one under another
	// (and scrolled) when it does not.
	const gap = 4
	total, rows := 0, 0
	widths := make([]int, len(groups))
	for i, g := range groups {
		for _, l := range g {
			widths[i] = max(widths[i], columns.Width(l))
		}
		total += widths[i] + gap
		rows = max(rows, len(g))
	}
	var lines []string
	notices, last := m.footer.notices, m.footer.last
	if len(notices) > 0 {
		// The start's notices, whole: the footer said them once, cut;
		// first, as they are news.
		lines = append(lines, m.st.strong.Render("Notices at start"))
		for _, n := range notices {
			lines = append(lines, strings.Split(ansi.Wrap("• "+n, max(iw, 10), " "), "\n")...)
		}
		lines = append(lines, "")
	}
	if last != "" && !slices.Contains(notices, last) && last != strings.Join(notices, " · ") {
		lines = append(lines, m.st.strong.Render("Last message"))
		lines = append(lines, strings.Split(ansi.Wrap(last, max(iw, 10), " "), "\n")...)
		lines = append(lines, "")
	}
	if total-gap <= iw {
		for r := range rows {
			var b strings.Builder
			for i, g := range groups {
				cell := ""
				if r < len(g) {
					cell = g[r]
				}
				b.WriteString(columns.Pad(cell, widths[i]+gap, columns.Left))
			}
			lines = append(lines, strings.TrimRight(b.String(), " "))
		}
		lines = append(lines, "")
	} else {
		for _, g := range groups {
			for _, l := range g {
				lines = append(lines, columns.Cut(l, iw))
			}
			lines = append(lines, "")
		}
	}
	lines = append(lines, m.st.strong.Render("Reading the screen"))
	for _, p := range []string{
		"Costs are effective monthly costs for your whole workload: a plan's price plus what overflows its usage caps or context, priced on the cheapest API model that can take it.",
		"✓ carries it all · ~ carries it with overflow to the API · ✗ cannot (the reason is shown) · ▰▰▱ share of the tightest usage cap.",
		"▲/▼ rank moves and +/− cost changes since your last edit · — the option cannot carry the work.",
		"←→ on a class is a what-if slider: the plans re-rank on every step. x does it for the whole workload: every count ×2, ×4 or ×½, shown in the pane's title and never saved into the workload file.",
		"The chart: monthly cost from ¼× to 4× your volume; ━ is the API baseline (the cheapest pay-per-token option), drawn over the other lines; under it, each line's cost at ½×, 1×, 2× and 4×.",
		"Counts are the whole team's: with 5 people the same counts are spread over 5 seats, and caps are shown per seat. (yours) marks the plan you pay for now (m).",
		"◆ marks an option within your monthly budget (budget: in the workload file, or Settings ▸ budget/month); ╌ draws the budget across the chart, and the verdict says whether the answer fits it.",
		"u on a class's tokens in or out switches it between tokens, words and pages of its language.",
	} {
		lines = append(lines, strings.Split(ansi.Wrap(p, max(iw, 10), " "), "\n")...)
	}
	return lines
}

// scrollHelp moves the help by d lines (clamped when drawn).
func (m *Model) scrollHelp(d int) {
	m.helpOff = max(m.helpOff+d, 0)
	m.dirty |= partOverlay
}

func (m *Model) renderPresets(r rect) []string {
	iw := r.W - paneSideFrame
	lines := []string{m.st.muted.Render("Load a typical workload, then make it yours with the sliders."), ""}
	nameW := 0
	for _, p := range m.presets {
		nameW = max(nameW, columns.Width(p.Name))
	}
	for i, p := range m.presets {
		mark := "  "
		name := columns.Pad(p.Name, nameW, columns.Left)
		if i == m.preSel {
			mark = m.st.accent.Render("▸ ")
			name = m.st.selected.Render(name)
		}
		l := columns.Cut(mark+name+"  "+m.st.muted.Render(p.Description), iw)
		if i == m.preSel {
			l = m.st.highlight(l, iw)
		}
		lines = append(lines, l)
	}
	if len(m.presets) == 0 {
		lines = append(lines, "No presets ship with this build.")
	}
	hint := "enter loads · esc cancels"
	if m.preConfirm {
		lines = append(lines, "")
		for _, l := range strings.Split(ansi.Wrap(fmt.Sprintf("Your edits to %q are not saved: enter again replaces them, esc keeps them (ctrl+s saves first).", m.w.Name), max(iw, 10), " "), "\n") {
			lines = append(lines, m.st.warn.Render(l))
		}
		hint = "enter replaces your edits · esc keeps them"
	}
	return m.box("Presets", lines, r, true, hint)
}

func (m *Model) presetKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.movePreset(-1)
	case key.Matches(msg, k.Down):
		m.movePreset(1)
	case key.Matches(msg, k.Enter):
		if m.edits != m.cleanAt && !m.preConfirm {
			// Edits not saved anywhere would be lost: ask once.
			m.preConfirm = true
			m.dirty |= partOverlay
			return nil
		}
		if m.preSel >= 0 && m.preSel < len(m.presets) {
			m.loadPreset(m.presets[m.preSel])
		}
		m.setOverlay(overlayNone)
	case key.Matches(msg, k.Back, k.Presets):
		m.setOverlay(overlayNone)
	case key.Matches(msg, k.Quit):
		return m.askQuit()
	}
	return nil
}

func (m *Model) movePreset(d int) {
	m.preSel = clamp(m.preSel+d, 0, max(len(m.presets)-1, 0))
	m.preConfirm = false
	m.dirty |= partOverlay
}

// loadPreset replaces the workload; the display currency stays unless the
// preset names one.
func (m *Model) loadPreset(p plans.Preset) {
	w := p.Workload
	if err := w.Validate(); err != nil {
		m.setStatus("preset "+p.Name+" is not usable: "+err.Error(), true)
		return
	}
	w.Classes = slices.Clone(w.Classes)
	keep := m.cur.Code
	m.w = w
	m.w.Currency = "" // cur says it, below
	m.cleanAt, m.cleanW = m.edits, w
	// The preset is not the open file: ctrl+s asks for a name again rather
	// than offering to write the preset over it.
	m.opts.WorkloadPath, m.savedPath = "", ""
	m.work = newWorkPane()
	m.detail.open, m.focus = false, focusWork
	m.evaluate()
	m.clearMarks()
	code := keep
	if w.Currency != "" {
		code = w.Currency
	}
	m.setCurrency(code)
	m.setStatus("loaded preset "+p.Name, false)
	m.dirty = partAll
}
