package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/report"
)

// The workload pane: one row per class (its count on a slider), the fields of
// the expanded class, and the workload-wide settings.

type rowKind int

const (
	rowClass      rowKind = iota // a class and its count slider
	rowClassField                // one field of the expanded class
	rowSettings                  // the settings summary
	rowSetting                   // one setting, when the settings are open
)

type row struct {
	kind  rowKind
	class int
	field fieldID
}

// workPane is the workload pane: its rows, selection and scroll, which
// class or the settings are open, and its last render.
type workPane struct {
	rows          []row
	sel           int // index into rows
	off           int // first visible line
	expanded      int // class whose fields are open; -1 none
	settingsOpen  bool
	confirmDelete int   // class awaiting a second d; -1 none
	hit           []int // visible line → row index, -1 for none

	r       rect
	details bool // each class gets its summary line (the layout says)
	lines   []string
}

func newWorkPane() workPane {
	return workPane{expanded: -1, confirmDelete: -1}
}

func (p *workPane) setSize(r rect) { p.r = r }
func (p *workPane) view() []string { return p.lines }

// build lists the navigable rows, keeping the selection on the same row when
// it still exists.
func (p *workPane) build(sh *shared) {
	var cur row
	had := p.sel >= 0 && p.sel < len(p.rows)
	if had {
		cur = p.rows[p.sel]
	}
	if p.expanded >= len(sh.w.Classes) {
		p.expanded = -1
	}
	p.rows = make([]row, 0, len(p.rows))
	for ci := range sh.w.Classes {
		p.rows = append(p.rows, row{kind: rowClass, class: ci, field: fCount})
		if p.expanded == ci {
			for _, f := range classFields {
				p.rows = append(p.rows, row{kind: rowClassField, class: ci, field: f})
			}
		}
	}
	p.rows = append(p.rows, row{kind: rowSettings, class: -1})
	if p.settingsOpen {
		for _, f := range settingFields {
			p.rows = append(p.rows, row{kind: rowSetting, class: -1, field: f})
		}
	}
	if had {
		for i, r := range p.rows {
			if r == cur {
				p.sel = i
				return
			}
		}
	}
	p.sel = clamp(p.sel, 0, len(p.rows)-1)
}

func (p *workPane) selected() row {
	if p.sel < 0 || p.sel >= len(p.rows) {
		return row{kind: rowSettings, class: -1}
	}
	return p.rows[p.sel]
}

// wants is how many content lines the pane wants in a terminal width wide
// (for the layout), with or without the class summaries.
func (p *workPane) wants(sh *shared, width int, details bool) int {
	n := 0
	inline := sizeInline(workWidth(width) - paneSideFrame)
	for _, r := range p.rows {
		n++
		if details && (r.kind == rowClass && p.expanded != r.class || r.kind == rowSettings && !p.settingsOpen) {
			n++ // the summary line under a collapsed class or the settings
		}
		if r.kind == rowClassField && isSize(r.field) && !inline {
			n++ // the size in its other units
		}
	}
	if len(sh.w.Classes) == 0 {
		n++
	}
	return n
}

// update takes the keys of the workload pane.
func (p *workPane) update(msg tea.KeyPressMsg, sh *shared) action {
	k := &sh.keys
	if d := moveStep(msg, k, p.r.H-paneFrame-1); d != 0 {
		p.move(d)
		return actDraw
	}
	r := p.selected()
	switch {
	case key.Matches(msg, k.Enter):
		return actEdit
	case key.Matches(msg, k.Expand):
		p.toggle(sh)
		return actRows
	case key.Matches(msg, k.Back):
		if p.collapse(sh) {
			return actRows
		}
	case key.Matches(msg, k.Delete) && r.class >= 0:
		p.confirmDelete = r.class
		return actDraw
	case key.Matches(msg, k.Rename) && r.class >= 0:
		return actRename
	}
	return actNone
}

// shortHelp is the help bar while the workload pane has the focus; on a
// size, its unit comes right after the slider.
func (p *workPane) shortHelp(sh *shared) []key.Binding {
	k := &sh.keys
	h := []key.Binding{withDesc(k.Up, "row"), withDesc(k.Down, "row"), adjustKeys}
	r := p.selected()
	if r.kind == rowClassField && isSize(r.field) {
		h = append(h, k.Unit)
	}
	h = append(h, withDesc(k.Enter, p.enterDesc(r)))
	if r.kind != rowSettings {
		// On the settings row enter and space do the same: one entry says so.
		h = append(h, withDesc(k.Expand, p.expandDesc(r)))
	}
	return append(h, withDesc(k.Tab, "plans"), k.Volume, k.Presets, k.Save, k.Copy, k.Quit)
}

// isOpen reports whether the section row r is in is open: its class's
// fields, or the settings.
func (p *workPane) isOpen(r row) bool {
	if r.kind == rowSettings || r.kind == rowSetting {
		return p.settingsOpen
	}
	return p.expanded == r.class
}

// expandDesc is what space does on row r, for the help bar: it opens a
// class's fields, and closes the section the row is in when that is open.
func (p *workPane) expandDesc(r row) string {
	switch {
	case !p.isOpen(r):
		return "all fields"
	case r.kind == rowSetting:
		return "close settings"
	}
	return "close fields"
}

// enterDesc is what enter does on row r, for the help bar.
func (p *workPane) enterDesc(r row) string {
	switch {
	case r.kind == rowSettings && p.isOpen(r):
		return "close settings"
	case r.kind == rowSettings:
		return "open settings"
	case cycles(r.field):
		return "next choice"
	}
	return "edit"
}

// move moves the selection by d rows.
func (p *workPane) move(d int) {
	p.sel = clamp(p.sel+d, 0, len(p.rows)-1)
	p.confirmDelete = -1
}

// toggle opens or closes the selected class's fields or the settings.
func (p *workPane) toggle(sh *shared) {
	r := p.selected()
	switch r.kind {
	case rowClass, rowClassField:
		if p.expanded == r.class {
			p.expanded = -1
			p.selectRow(row{kind: rowClass, class: r.class, field: fCount})
		} else {
			p.expanded = r.class
		}
	case rowSettings, rowSetting:
		p.settingsOpen = !p.settingsOpen
		if !p.settingsOpen {
			p.selectRow(row{kind: rowSettings, class: -1})
		}
	}
	p.build(sh)
}

// collapse closes whatever the selection sits in and reports whether it did.
func (p *workPane) collapse(sh *shared) bool {
	r := p.selected()
	switch {
	case (r.kind == rowClass || r.kind == rowClassField) && p.expanded == r.class,
		(r.kind == rowSettings || r.kind == rowSetting) && p.settingsOpen:
		p.toggle(sh)
		return true
	}
	return false
}

// selectRow puts the selection on r before the rows are rebuilt.
func (p *workPane) selectRow(r row) {
	for i, x := range p.rows {
		if x == r {
			p.sel = i
			return
		}
	}
}

func (p *workPane) rowIndexOfClass(ci int) int {
	for i, r := range p.rows {
		if r.kind == rowClass && r.class == ci {
			return i
		}
	}
	return len(p.rows) - 1
}

// rowAt is the row drawn on line y of the screen, -1 for none.
func (p *workPane) rowAt(y int) int {
	if i := y - p.r.Y - 1; i >= 0 && i < len(p.hit) {
		return p.hit[i]
	}
	return -1
}

func (m *Model) addClass(name string) {
	c := model.NewClass(name)
	// A small, typical task so the new row moves the ranking at once.
	c.Count, c.InputTokens, c.OutputTokens = 10, 1000, 500
	if !m.apply(func(w *model.Workload) { w.Classes = append(w.Classes, c) }) {
		return
	}
	ci := len(m.w.Classes) - 1
	m.work.expanded = ci
	m.work.build(&m.shared)
	m.work.selectRow(row{kind: rowClass, class: ci, field: fCount})
	m.focus = focusWork
	m.dirty |= partWork | partLayout | partFooter // its rows, and the work's keys in the help bar
}

func (m *Model) deleteClass(ci int) {
	if ci < 0 || ci >= len(m.w.Classes) {
		return
	}
	name := m.w.Classes[ci].Name
	if !m.apply(func(w *model.Workload) {
		w.Classes = append(w.Classes[:ci:ci], w.Classes[ci+1:]...)
	}) {
		return
	}
	switch {
	case m.work.expanded == ci:
		m.work.expanded = -1
	case m.work.expanded > ci:
		m.work.expanded--
	}
	m.work.rows = m.work.rows[:0] // the old row identities no longer apply
	m.work.build(&m.shared)
	m.work.sel = clamp(m.work.rowIndexOfClass(min(ci, len(m.w.Classes)-1)), 0, len(m.work.rows)-1)
	m.setStatus("deleted "+name, false)
}

func (m *Model) renameClass(ci int, name string) {
	m.apply(func(w *model.Workload) { w.Classes[ci].Name = name })
}

// draw renders the pane into its size.
func (p *workPane) draw(sh *shared, focused bool) {
	p.lines = p.render(sh, p.r, focused)
}

func (p *workPane) render(sh *shared, r rect, focused bool) []string {
	iw := r.W - paneSideFrame
	var lines []string
	var hit []int
	selLine := 0
	for i, rw := range p.rows {
		sel := i == p.sel
		if sel {
			selLine = len(lines)
		}
		hl := func(l string) string {
			if sel && focused {
				return sh.st.highlight(columns.Cut(l, iw), iw)
			}
			return l
		}
		switch rw.kind {
		case rowClass:
			lines = append(lines, hl(p.classLine(sh, rw.class, iw, sel, focused)))
			hit = append(hit, i)
			if p.details && p.expanded != rw.class {
				lines = append(lines, sh.st.muted.Render(columns.Cut("    "+classSummary(sh.w.Language, &sh.w.Classes[rw.class]), iw)))
				hit = append(hit, i)
			}
		case rowClassField, rowSetting:
			lines = append(lines, hl(fieldLine(sh, rw, iw, sel, focused)))
			hit = append(hit, i)
			if rw.kind == rowClassField && isSize(rw.field) && !sizeInline(iw) {
				lines = append(lines, sh.st.muted.Render(columns.Cut("      "+sh.sizeOthers(rw.class, rw.field), iw)))
				hit = append(hit, i)
			}
		case rowSettings:
			if len(sh.w.Classes) == 0 {
				lines = append(lines, sh.st.muted.Render(columns.Cut("  No classes yet: a adds one, p picks a preset.", iw)))
				hit = append(hit, -1)
				if sel {
					selLine = len(lines)
				}
			}
			lines = append(lines, hl(p.settingsLine(sh, iw, sel, focused)))
			hit = append(hit, i)
			if p.details && !p.settingsOpen {
				lines = append(lines, sh.st.muted.Render(columns.Cut("    "+settingsSummary(sh), iw)))
				hit = append(hit, i)
			}
		}
	}
	ih := max(r.H-paneFrame, 0)
	if selLine < p.off {
		p.off = selLine
	}
	if selLine >= p.off+ih {
		p.off = selLine - ih + 1
	}
	p.off = clamp(p.off, 0, max(len(lines)-ih, 0))
	end := min(p.off+ih, len(lines))
	p.hit = hit[p.off:end]
	more := ""
	if n := len(lines) - end; n > 0 {
		more = fmt.Sprintf("↓ %d more", n)
	}
	// Counts are the whole team's: a team of five does not each do them.
	title := "Your work"
	if sh.w.People > 1 {
		title = "Your team's work"
	}
	if sh.prefs.Volume != 1 {
		title += " " + volumeName(sh.prefs.Volume)
	}
	if t := sh.res.TotalTasks; t > 0 {
		title += " · " + money.Count(t) + " tasks/month"
		if sh.w.People > 1 {
			title += " in all"
		}
	}
	return sh.box(title, lines[p.off:end], r, focused, more)
}

func marker(sh *shared, sel, focused bool) string {
	switch {
	case sel && focused:
		return sh.st.accent.Render("▸ ")
	case sel:
		return "› "
	}
	return "  "
}

func (p *workPane) classLine(sh *shared, ci, iw int, sel, focused bool) string {
	c := &sh.w.Classes[ci]
	right := fmt.Sprintf(" %6s /%-5s", money.Count(c.Count), c.Per)
	barW := 0
	switch {
	case iw >= 44:
		barW = 10
	case iw >= 34:
		barW = 5
	}
	nameW := max(iw-2-len(right)-barW-1, 4)
	name := columns.Pad(columns.Cut(c.Name, nameW), nameW, columns.Left)
	if sel {
		name = sh.st.selected.Render(name)
	}
	line := marker(sh, sel, focused) + name + right
	if barW > 0 {
		line += " " + sh.bar(numSpecs[fCount].bar(c.Count), barW, false)
	}
	if p.confirmDelete == ci {
		line = sh.st.bad.Render(columns.Cut(fmt.Sprintf("▸ press d again to delete %q", c.Name), iw))
	}
	return line
}

func fieldLine(sh *shared, rw row, iw int, sel, focused bool) string {
	const labelW, valueW = 11, 9
	indent := "    "
	if rw.kind == rowSetting {
		indent = "  "
	}
	mark := marker(sh, sel, focused)
	label := columns.Pad(sh.fieldLabel(rw.class, rw.field), labelW, columns.Left)
	if sel {
		label = sh.st.selected.Render(label)
	}
	val := sh.fieldText(rw.class, rw.field)
	line := indent[:len(indent)-2] + mark + label + fmt.Sprintf("%*s", valueW, val)
	if sp, ok := numSpecs[rw.field]; ok {
		// The bar shows a size's tokens whatever its unit.
		if w := iw - columns.Width(line) - 2; w >= 4 {
			line += "  " + sh.bar(sp.bar(numValue(&sh.w, rw.class, rw.field)), min(w, 8), false)
		}
		if rw.kind == rowClassField && isSize(rw.field) && sizeInline(iw) {
			line += "  " + sh.st.muted.Render(sh.sizeOthers(rw.class, rw.field))
		}
	} else if sel {
		line += sh.st.muted.Render("  ←→ change")
	}
	return columns.Cut(line, iw)
}

func (p *workPane) settingsLine(sh *shared, iw int, sel, focused bool) string {
	label := "Settings"
	if sel {
		label = sh.st.selected.Render(label)
	}
	hint := "▸"
	if p.settingsOpen {
		hint = "▾"
	}
	line := marker(sh, sel, focused) + label + " " + sh.st.muted.Render(hint)
	if !p.details && !p.settingsOpen {
		line += " " + sh.st.muted.Render(settingsSummary(sh))
	}
	return columns.Cut(line, iw)
}

// settingsSummary is the workload-wide settings in one line.
func settingsSummary(sh *shared) string {
	w := &sh.w
	people := "people"
	if w.People == 1 {
		people = "person"
	}
	if w.People > 1 {
		people += " sharing these counts"
	}
	s := fmt.Sprintf("%s days · %s h/day · %s %s · %s", money.Count(w.DaysPerMonth), money.Count(w.HoursPerDay),
		money.Count(float64(w.People)), people, languageName(w.Language))
	if w.Budget > 0 {
		s += " · budget " + sh.cur.Format(report.BudgetUSD(w, sh.cur))
	}
	return s
}

// classSummary is the one-line description under a class: its task shape,
// sizes in their units (lang's words and pages).
func classSummary(lang string, c *model.Class) string {
	parts := classSizes(lang, c)
	if c.OutputTokens == 0 && c.ReasoningTokens > 0 {
		// All of the output is thinking (an imported agent's turns): "0 out"
		// beside it would read as no output at all.
		parts[1] = "no text out"
	}
	if c.ReasoningTokens > 0 {
		parts = append(parts, money.Tokens(c.ReasoningTokens)+" think")
	}
	if c.Turns > 1 {
		parts = append(parts, fmt.Sprintf("%d turns", c.Turns))
	}
	if c.CacheHit > 0 {
		parts = append(parts, fmt.Sprintf("%.0f%% cached", 100*c.CacheHit))
	}
	if c.Batch {
		parts = append(parts, "batch")
	}
	parts = append(parts, c.MinTier.String())
	return strings.Join(parts, " · ")
}
