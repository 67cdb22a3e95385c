package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// Overlays replace the panes: the full help, the whole verdict and the
// presets picker. The root opens one at a time, routes the keys to it and
// does what it asks.

// drawOverlay renders the open overlay into r; the help's or the
// verdict's text is built anew only when build says it changed, not on a
// scroll step.
func (m *Model) drawOverlay(r rect, build bool) []string {
	sh := &m.shared
	switch m.overlay {
	case overlayPresets:
		return m.presets.render(sh, r)
	case overlayVerdict:
		if build {
			// The screen width whose wrap fits the box: wrapIndented wraps
			// to w-3 and indents what continues by two, w-1 cells in all.
			w := r.W - paneSideFrame + 1
			m.reader.lines = append(slices.Clone(m.headline.all(w)), flipLines(sh, w)...)
		}
		return m.reader.render(sh, "The verdict", r)
	}
	if build {
		m.reader.lines = helpLines(sh, r.W-paneSideFrame, m.footer.notices, m.footer.last)
	}
	return m.reader.render(sh, "Help", r)
}

// reader is a box of text that scrolls: the full help, or the whole
// verdict with every flip point.
type reader struct {
	off   int      // scroll offset, clamped when drawn
	lines []string // the text, built when the reader opens or what it says changes
}

// update takes the keys of an open reader; a page is page lines.
func (t *reader) update(msg tea.KeyPressMsg, k *keyMap, page int) action {
	if d := moveStep(msg, k, page); d != 0 {
		t.scroll(d)
		return actDraw
	}
	switch {
	case key.Matches(msg, k.Quit):
		return actQuit
	case key.Matches(msg, k.Help, k.Back, k.Verdict):
		return actClose
	}
	return actNone
}

// scroll moves the text by d lines (clamped when drawn).
func (t *reader) scroll(d int) {
	t.off = max(t.off+d, 0)
}

// render frames the text under title in r, from the scroll offset on.
func (t *reader) render(sh *shared, title string, r rect) []string {
	lines := t.lines
	ih := max(r.H-paneFrame, 0)
	t.off = clamp(t.off, 0, max(len(lines)-ih, 0))
	end := min(t.off+ih, len(lines))
	hint := "esc closes"
	if t.off > 0 || end < len(lines) {
		hint = fmt.Sprintf("↑↓ scroll %d/%d · ", end, len(lines)) + hint
	}
	return sh.box(title, lines[t.off:end], r, true, hint)
}

// helpLines is the full help in lines iw wide: the start's notices and
// the last message, whole; every key, one per line in columns that fit the
// width; then how to read the screen.
func helpLines(sh *shared, iw int, notices []string, last string) []string {
	var groups [][]string
	for _, col := range sh.keys.fullHelp() {
		keyW := 0
		for _, b := range col {
			keyW = max(keyW, columns.Width(b.Help().Key))
		}
		var g []string
		for _, b := range col {
			if b.Enabled() {
				g = append(g, sh.st.strong.Render(columns.Pad(b.Help().Key, keyW, columns.Left))+"  "+sh.st.muted.Render(b.Help().Desc))
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
	if len(notices) > 0 {
		// The start's notices, whole: the footer said them once, cut;
		// first, as they are news.
		lines = append(lines, sh.st.strong.Render("Notices at start"))
		for _, n := range notices {
			lines = append(lines, wrapBullet("• ", n, max(iw, 10))...)
		}
		lines = append(lines, "")
	}
	if last != "" && !slices.Contains(notices, last) && last != strings.Join(notices, " · ") {
		lines = append(lines, sh.st.strong.Render("Last message"))
		lines = append(lines, wrapLines(last, max(iw, 10))...)
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
	lines = append(lines, sh.st.strong.Render("Reading the screen"))
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
		lines = append(lines, wrapLines(p, max(iw, 10))...)
	}
	return lines
}

// presetPicker is the presets overlay: the typical workloads to start
// from, the one under the cursor, and whether enter already asked about
// edits it would replace.
type presetPicker struct {
	list    []plans.Preset
	sel     int
	confirm bool // enter asked once to replace unsaved edits
}

// open puts the cursor on the preset named name, if one is.
func (p *presetPicker) open(name string) {
	p.sel, p.confirm = 0, false
	for i, pr := range p.list {
		if pr.Workload.Name == name {
			p.sel = i
		}
	}
}

// move moves the cursor by d presets.
func (p *presetPicker) move(d int) {
	p.sel = clamp(p.sel+d, 0, max(len(p.list)-1, 0))
	p.confirm = false
}

// update takes the keys of the picker; enter over unsaved edits asks once
// before it loads.
func (p *presetPicker) update(msg tea.KeyPressMsg, k *keyMap, unsaved bool) action {
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
		return actDraw
	case key.Matches(msg, k.Down):
		p.move(1)
		return actDraw
	case key.Matches(msg, k.Enter):
		if unsaved && !p.confirm {
			// Edits not saved anywhere would be lost: ask once.
			p.confirm = true
			return actDraw
		}
		return actLoad
	case key.Matches(msg, k.Back, k.Presets):
		return actClose
	case key.Matches(msg, k.Quit):
		return actQuit
	}
	return actNone
}

// chosen is the preset under the cursor.
func (p *presetPicker) chosen() (plans.Preset, bool) {
	if p.sel >= 0 && p.sel < len(p.list) {
		return p.list[p.sel], true
	}
	return plans.Preset{}, false
}

// render draws the picker in r.
func (p *presetPicker) render(sh *shared, r rect) []string {
	iw := r.W - paneSideFrame
	lines := []string{sh.st.muted.Render("Load a typical workload, then make it yours with the sliders."), ""}
	nameW := 0
	for _, pr := range p.list {
		nameW = max(nameW, columns.Width(pr.Name))
	}
	for i, pr := range p.list {
		mark := "  "
		name := columns.Pad(pr.Name, nameW, columns.Left)
		if i == p.sel {
			mark = sh.st.accent.Render("▸ ")
			name = sh.st.selected.Render(name)
		}
		l := columns.Cut(mark+name+"  "+sh.st.muted.Render(pr.Description), iw)
		if i == p.sel {
			l = sh.st.highlight(l, iw)
		}
		lines = append(lines, l)
	}
	if len(p.list) == 0 {
		lines = append(lines, "No presets ship with this build.")
	}
	hint := "enter loads · esc cancels"
	if p.confirm {
		lines = append(lines, "")
		for _, l := range wrapLines(fmt.Sprintf("Your edits to %q are not saved: enter again replaces them, esc keeps them (ctrl+s saves first).", sh.w.Name), max(iw, 10)) {
			lines = append(lines, sh.st.warn.Render(l))
		}
		hint = "enter replaces your edits · esc keeps them"
	}
	return sh.box("Presets", lines, r, true, hint)
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
	m.doc.load(w)     // the preset is not the open file
	m.work = newWorkPane()
	m.detail.open, m.focus = false, focusWork
	// Another workload: its plans list starts at its cheapest option, not
	// at the one selected before wherever it now ranks.
	m.ranking.selID = ""
	m.evaluate()
	m.clearMarks()
	// The preset's budget is written in its currency, USD when it names
	// none: from there, setCurrency makes it the same money in the one
	// shown (the preset's, else the one shown before).
	from := strings.ToUpper(cmp.Or(w.Currency, "USD"))
	code := keep
	if w.Currency != "" {
		code = from
	}
	if r, err := m.rate(from); err == nil {
		m.cur = money.New(from, r)
	}
	m.setCurrency(code)
	m.setStatus("loaded preset "+p.Name, false)
	m.dirty = partAll
}
