package ui

import (
	"fmt"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
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

type workState struct {
	rows          []row
	sel           int // index into rows
	off           int // first visible line
	expanded      int // class whose fields are open; -1 none
	settingsOpen  bool
	confirmDelete int   // class awaiting a second d; -1 none
	hit           []int // visible line → row index, -1 for none
}

func newWorkState() workState {
	return workState{expanded: -1, confirmDelete: -1}
}

// buildRows lists the navigable rows, keeping the selection on the same row
// when it still exists.
func (m *Model) buildRows() {
	ws := &m.work
	var cur row
	had := ws.sel >= 0 && ws.sel < len(ws.rows)
	if had {
		cur = ws.rows[ws.sel]
	}
	if ws.expanded >= len(m.w.Classes) {
		ws.expanded = -1
	}
	ws.rows = make([]row, 0, len(ws.rows))
	for ci := range m.w.Classes {
		ws.rows = append(ws.rows, row{kind: rowClass, class: ci, field: fCount})
		if ws.expanded == ci {
			for _, f := range classFields {
				ws.rows = append(ws.rows, row{kind: rowClassField, class: ci, field: f})
			}
		}
	}
	ws.rows = append(ws.rows, row{kind: rowSettings, class: -1})
	if ws.settingsOpen {
		for _, f := range settingFields {
			ws.rows = append(ws.rows, row{kind: rowSetting, class: -1, field: f})
		}
	}
	if had {
		for i, r := range ws.rows {
			if r == cur {
				ws.sel = i
				return
			}
		}
	}
	ws.sel = clamp(ws.sel, 0, len(ws.rows)-1)
}

func (m *Model) selectedRow() row {
	if m.work.sel < 0 || m.work.sel >= len(m.work.rows) {
		return row{kind: rowSettings, class: -1}
	}
	return m.work.rows[m.work.sel]
}

// workLines is how many content lines the pane wants (for the layout).
func (m *Model) workLines(details bool) int {
	n := 0
	inline := m.sizeInline(workWidth(m.lay.W) - paneSideFrame)
	for _, r := range m.work.rows {
		n++
		if details && (r.kind == rowClass && m.work.expanded != r.class || r.kind == rowSettings && !m.work.settingsOpen) {
			n++ // the summary line under a collapsed class or the settings
		}
		if r.kind == rowClassField && isSize(r.field) && !inline {
			n++ // the size in its other units
		}
	}
	if len(m.w.Classes) == 0 {
		n++
	}
	return n
}

// moveWork moves the selection by d rows.
func (m *Model) moveWork(d int) {
	m.work.sel = clamp(m.work.sel+d, 0, len(m.work.rows)-1)
	m.work.confirmDelete = -1
	m.dirty |= partWork
}

// adjust steps the selected row's value: the what-if slider.
func (m *Model) adjust(dir int, big bool) {
	if r := m.selectedRow(); r.kind != rowSettings {
		m.stepField(r.class, r.field, dir, big)
	}
}

// toggleExpand opens or closes the selected class's fields or the settings.
func (m *Model) toggleExpand() {
	r := m.selectedRow()
	switch r.kind {
	case rowClass, rowClassField:
		if m.work.expanded == r.class {
			m.work.expanded = -1
			m.selectRow(row{kind: rowClass, class: r.class, field: fCount})
		} else {
			m.work.expanded = r.class
		}
	case rowSettings, rowSetting:
		m.work.settingsOpen = !m.work.settingsOpen
		if !m.work.settingsOpen {
			m.selectRow(row{kind: rowSettings, class: -1})
		}
	}
	m.buildRows()
	m.dirty |= partWork | partLayout
}

// collapse closes whatever the selection sits in.
func (m *Model) collapse() {
	r := m.selectedRow()
	switch {
	case (r.kind == rowClass || r.kind == rowClassField) && m.work.expanded == r.class:
		m.toggleExpand()
	case (r.kind == rowSettings || r.kind == rowSetting) && m.work.settingsOpen:
		m.toggleExpand()
	}
}

// selectRow puts the selection on r before the rows are rebuilt.
func (m *Model) selectRow(r row) {
	for i, x := range m.work.rows {
		if x == r {
			m.work.sel = i
			return
		}
	}
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
	m.buildRows()
	m.selectRow(row{kind: rowClass, class: ci, field: fCount})
	m.focus = focusWork
	m.dirty = partAll
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
	m.buildRows()
	m.work.sel = clamp(m.rowIndexOfClass(min(ci, len(m.w.Classes)-1)), 0, len(m.work.rows)-1)
	m.setStatus("deleted "+name, false)
}

func (m *Model) rowIndexOfClass(ci int) int {
	for i, r := range m.work.rows {
		if r.kind == rowClass && r.class == ci {
			return i
		}
	}
	return len(m.work.rows) - 1
}

func (m *Model) renameClass(ci int, name string) {
	m.apply(func(w *model.Workload) { w.Classes[ci].Name = name })
}

// renderWork draws the pane into r.
func (m *Model) renderWork(r rect) []string {
	iw := r.W - paneSideFrame
	focused := m.focus == focusWork && m.overlay == overlayNone
	var lines []string
	var hit []int
	selLine := 0
	for i, rw := range m.work.rows {
		sel := i == m.work.sel
		if sel {
			selLine = len(lines)
		}
		hl := func(l string) string {
			if sel && focused {
				return m.st.highlight(truncate(l, iw), iw)
			}
			return l
		}
		switch rw.kind {
		case rowClass:
			lines = append(lines, hl(m.classLine(rw.class, iw, sel, focused)))
			hit = append(hit, i)
			if m.lay.details && m.work.expanded != rw.class {
				lines = append(lines, m.st.muted.Render(truncate("    "+classSummary(m.w.Language, &m.w.Classes[rw.class]), iw)))
				hit = append(hit, i)
			}
		case rowClassField, rowSetting:
			lines = append(lines, hl(m.fieldLine(rw, iw, sel, focused)))
			hit = append(hit, i)
			if rw.kind == rowClassField && isSize(rw.field) && !m.sizeInline(iw) {
				lines = append(lines, m.st.muted.Render(truncate("      "+m.sizeOthers(rw.class, rw.field), iw)))
				hit = append(hit, i)
			}
		case rowSettings:
			if len(m.w.Classes) == 0 {
				lines = append(lines, m.st.muted.Render(truncate("  No classes yet: a adds one, p picks a preset.", iw)))
				hit = append(hit, -1)
				if sel {
					selLine = len(lines)
				}
			}
			lines = append(lines, hl(m.settingsLine(iw, sel, focused)))
			hit = append(hit, i)
			if m.lay.details && !m.work.settingsOpen {
				lines = append(lines, m.st.muted.Render(truncate("    "+m.settingsSummary(), iw)))
				hit = append(hit, i)
			}
		}
	}
	ih := max(r.H-paneFrame, 0)
	ws := &m.work
	if selLine < ws.off {
		ws.off = selLine
	}
	if selLine >= ws.off+ih {
		ws.off = selLine - ih + 1
	}
	ws.off = clamp(ws.off, 0, max(len(lines)-ih, 0))
	end := min(ws.off+ih, len(lines))
	ws.hit = hit[ws.off:end]
	more := ""
	if n := len(lines) - end; n > 0 {
		more = fmt.Sprintf("↓ %d more", n)
	}
	// Counts are the whole team's: a team of five does not each do them.
	title := "Your work"
	if m.w.People > 1 {
		title = "Your team's work"
	}
	if m.prefs.Volume != 1 {
		title += " " + volumeName(m.prefs.Volume)
	}
	if t := m.res.TotalTasks; t > 0 {
		title += " · " + money.Count(t) + " tasks/month"
		if m.w.People > 1 {
			title += " in all"
		}
	}
	return m.box(title, lines[ws.off:end], r, focused, more)
}

func (m *Model) marker(sel, focused bool) string {
	switch {
	case sel && focused:
		return m.st.accent.Render("▸ ")
	case sel:
		return "› "
	}
	return "  "
}

func (m *Model) classLine(ci, iw int, sel, focused bool) string {
	c := &m.w.Classes[ci]
	right := fmt.Sprintf(" %6s /%-5s", money.Count(c.Count), c.Per)
	barW := 0
	switch {
	case iw >= 44:
		barW = 10
	case iw >= 34:
		barW = 5
	}
	nameW := max(iw-2-len(right)-barW-1, 4)
	name := pad(truncate(c.Name, nameW), nameW)
	if sel {
		name = m.st.selected.Render(name)
	}
	line := m.marker(sel, focused) + name + right
	if barW > 0 {
		line += " " + m.bar(numSpecs[fCount].bar(c.Count), barW, false)
	}
	if m.work.confirmDelete == ci {
		line = m.st.bad.Render(truncate(fmt.Sprintf("▸ press d again to delete %q", c.Name), iw))
	}
	return line
}

func (m *Model) fieldLine(rw row, iw int, sel, focused bool) string {
	const labelW, valueW = 11, 9
	indent := "    "
	if rw.kind == rowSetting {
		indent = "  "
	}
	mark := m.marker(sel, focused)
	label := pad(m.fieldLabel(rw.class, rw.field), labelW)
	if sel {
		label = m.st.selected.Render(label)
	}
	val := m.fieldText(rw.class, rw.field)
	line := indent[:len(indent)-2] + mark + label + fmt.Sprintf("%*s", valueW, val)
	if sp, ok := numSpecs[rw.field]; ok {
		// The bar shows a size's tokens whatever its unit.
		if w := iw - ansiWidth(line) - 2; w >= 4 {
			line += "  " + m.bar(sp.bar(numValue(&m.w, rw.class, rw.field)), min(w, 8), false)
		}
		if rw.kind == rowClassField && isSize(rw.field) && m.sizeInline(iw) {
			line += "  " + m.st.muted.Render(m.sizeOthers(rw.class, rw.field))
		}
	} else if sel {
		line += m.st.muted.Render("  ←→ change")
	}
	return truncate(line, iw)
}

func (m *Model) settingsLine(iw int, sel, focused bool) string {
	label := "Settings"
	if sel {
		label = m.st.selected.Render(label)
	}
	hint := "▸"
	if m.work.settingsOpen {
		hint = "▾"
	}
	line := m.marker(sel, focused) + label + " " + m.st.muted.Render(hint)
	if !m.lay.details && !m.work.settingsOpen {
		line += " " + m.st.muted.Render(m.settingsSummary())
	}
	return truncate(line, iw)
}

// settingsSummary is the workload-wide settings in one line.
func (m *Model) settingsSummary() string {
	w := &m.w
	people := "people"
	if w.People == 1 {
		people = "person"
	}
	if w.People > 1 {
		people += " sharing these counts"
	}
	return fmt.Sprintf("%s days · %s h/day · %s %s · %s", money.Count(w.DaysPerMonth), money.Count(w.HoursPerDay),
		money.Count(float64(w.People)), people, languageName(w.Language))
}

// classSummary is the one-line description under a class: its task shape,
// sizes in their units (lang's words and pages).
func classSummary(lang string, c *model.Class) string {
	parts := classSizes(lang, c)
	if c.ReasoningTokens > 0 {
		parts = append(parts, model.Tokens(c.ReasoningTokens)+" think")
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
