package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Keys and mouse: one dispatcher, overlays and the prompt first, then the
// global keys, then the focused pane.

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if msg.String() == "ctrl+c" {
		// The way out that never asks: unsaved edits stay in the state file
		// for the next start, not in the workload file (help says so).
		return m.quit()
	}
	if m.quitAsk {
		return m.quitKey(msg)
	}
	if m.quitSave {
		return nil // saving on the way out: the quit follows the save
	}
	if m.lay.tooSmall {
		// Nothing else is visible, so nothing else may change.
		if key.Matches(msg, k.Quit) {
			return m.askQuit()
		}
		return nil
	}
	if m.prompt.active {
		return m.promptKey(msg)
	}
	if m.footer.keyPressed() { // a status line lasts until the next key
		m.dirty |= partFooter | partOverlayText // the help has the last one whole
	}
	if ci := m.work.confirmDelete; ci >= 0 {
		m.work.confirmDelete = -1
		m.dirty |= partWork
		if key.Matches(msg, k.Delete) {
			m.deleteClass(ci)
			return nil
		}
	}
	switch m.overlay {
	case overlayHelp, overlayVerdict:
		return m.overlayDid(m.reader.update(msg, k, m.lay.body().H-paneFrame-1))
	case overlayPresets:
		return m.overlayDid(m.presets.update(msg, k, m.doc.modified()))
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.askQuit()
	case key.Matches(msg, k.Help):
		m.setOverlay(overlayHelp)
	case key.Matches(msg, k.Verdict):
		m.setOverlay(overlayVerdict)
	case key.Matches(msg, k.Tab, k.ShiftTab):
		m.cycleFocus()
	case key.Matches(msg, k.Presets):
		m.setOverlay(overlayPresets)
	case key.Matches(msg, k.Save):
		return m.openSave()
	case key.Matches(msg, k.Copy):
		return m.copySummary()
	case key.Matches(msg, k.Export):
		return m.openExport()
	case key.Matches(msg, k.Volume):
		m.cycleVolume()
	case key.Matches(msg, k.NoFree):
		m.toggleFree()
	case key.Matches(msg, k.Billing):
		m.stepField(-1, fBilling, 1, false)
	case key.Matches(msg, k.Currency):
		m.cycleCurrency(1)
	case key.Matches(msg, k.Filter):
		m.ranking.cycleFilter(&m.shared)
		m.dirty |= paneParts(focusPlans)
		m.setStatus("showing "+filterNames[m.ranking.filter], false)
	case key.Matches(msg, k.Search):
		if m.detail.open {
			m.closeDetail()
		}
		m.focus = focusPlans
		m.prompt.before = m.ranking.search
		m.dirty |= partWork | partPlans
		return m.openPrompt(promptSearch, "Search plans", m.ranking.search)
	case key.Matches(msg, k.Add):
		return m.openPrompt(promptAdd, "New class name", m.freeName())
	case key.Matches(msg, k.Left, k.Right, k.BigLeft, k.BigRight, k.Unit) && m.focus == focusPlans:
		// The selection is in the plans, not in the work: nothing to change.
		m.setStatus("←→ change your work: tab goes back to it", false)
	case key.Matches(msg, k.Left):
		m.adjust(-1, false)
	case key.Matches(msg, k.Right):
		m.adjust(1, false)
	case key.Matches(msg, k.BigLeft):
		m.adjust(-1, true)
	case key.Matches(msg, k.BigRight):
		m.adjust(1, true)
	case key.Matches(msg, k.Unit):
		m.cycleUnit()
	case key.Matches(msg, k.Current) && m.focus != focusWork:
		// The selected plan, in the list or in the detail view.
		m.markCurrent()
	default:
		return m.paneKey(msg)
	}
	return nil
}

// focusedPane is the pane that takes the keys no one else takes.
func (m *Model) focusedPane() pane {
	switch m.focus {
	case focusPlans:
		return &m.ranking
	case focusDetail:
		return &m.detail
	}
	return &m.work
}

// paneKey hands a key to the focused pane and does what it asks.
func (m *Model) paneKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.focusedPane().update(msg, &m.shared) {
	case actDraw:
		m.dirty |= paneParts(m.focus)
	case actRows:
		m.dirty |= paneParts(m.focus) | partLayout
	case actEdit:
		return m.openField()
	case actRename:
		r := m.work.selected()
		m.prompt.class = r.class
		return m.openPrompt(promptRename, "Rename class", m.w.Classes[r.class].Name)
	case actOpen:
		m.openDetail()
	case actClose:
		m.closeDetail()
	}
	return nil
}

// shortHelp is the help bar's keys now: an open overlay's, else the
// focused pane's. The slider's ←→, which the workload pane and the detail
// view offer, step the workload's selected row: disabled (and so not in
// the bar) while that row is the settings summary, which has no value.
func (m *Model) shortHelp() []key.Binding {
	if h := m.keys.overlayHelp(m.overlay); h != nil {
		return h
	}
	h := m.focusedPane().shortHelp(&m.shared)
	for i := range h {
		if h[i].Help() == adjustKeys.Help() {
			h[i].SetEnabled(m.work.selected().kind != rowSettings)
		}
	}
	return h
}

// focusPart is the part of pane f, whose look shows whether it has the focus.
func focusPart(f focus) part {
	switch f {
	case focusPlans:
		return partPlans
	case focusDetail:
		return partDetail
	}
	return partWork
}

// paneParts are the parts to redraw when pane f's cursor or scroll moves:
// the chart follows the plans' selection.
func paneParts(f focus) part {
	switch f {
	case focusPlans:
		return partPlans | partChart | partGlance
	case focusDetail:
		return partDetail
	}
	return partWork
}

// adjust steps the selected row's value: the what-if slider.
func (m *Model) adjust(dir int, big bool) {
	if r := m.work.selected(); r.kind != rowSettings {
		m.stepField(r.class, r.field, dir, big)
	}
}

// cycleFocus moves between the workload and whatever the right side shows.
func (m *Model) cycleFocus() {
	switch {
	case m.focus != focusWork:
		m.focus = focusWork
	case m.detail.open:
		m.focus = focusDetail
	default:
		m.focus = focusPlans
	}
	m.dirty |= partWork | partPlans | partDetail | partFooter
}

// setOverlay opens overlay o over the panes, or closes the open one
// (overlayNone): the focused pane shows its focus only without one.
func (m *Model) setOverlay(o overlay) {
	m.overlay = o
	m.reader.off = 0
	if o == overlayPresets {
		m.presets.open(m.w.Name)
	}
	m.dirty |= partOverlayText | partFooter | focusPart(m.focus)
}

// overlayDid does what the open overlay asks after a key.
func (m *Model) overlayDid(a action) tea.Cmd {
	switch a {
	case actDraw:
		m.dirty |= partOverlay
	case actClose:
		m.setOverlay(overlayNone)
	case actQuit:
		return m.askQuit()
	case actLoad:
		if p, ok := m.presets.chosen(); ok {
			m.loadPreset(p)
		}
		m.setOverlay(overlayNone)
	}
	return nil
}

func (m *Model) handleClick(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft || m.prompt.active || m.overlay != overlayNone || m.lay.tooSmall {
		return
	}
	l := &m.lay
	switch {
	case l.work.contains(ms.X, ms.Y):
		m.focus = focusWork
		if i := m.work.rowAt(ms.Y); i >= 0 {
			m.work.sel = i
		}
	case m.detail.open && l.detail().contains(ms.X, ms.Y):
		m.focus = focusDetail
	case !m.detail.open && l.plans.contains(ms.X, ms.Y):
		if li := m.ranking.rowAt(ms.Y); li >= 0 {
			again := li == m.ranking.pick(&m.shared) && m.focus == focusPlans
			m.ranking.choose(li, &m.shared)
			m.focus = focusPlans
			if again {
				m.openDetail() // a second click on the selected plan opens it
			}
		}
		if !m.detail.open {
			m.focus = focusPlans
		}
	default:
		return
	}
	m.dirty |= partWork | partPlans | partChart | partGlance | partDetail | partFooter
}

func (m *Model) handleWheel(ms tea.Mouse) {
	dir := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		dir = -1
	case tea.MouseWheelDown:
		dir = 1
	}
	if dir == 0 || m.prompt.active || m.lay.tooSmall {
		return
	}
	l := &m.lay
	f := m.focus // elsewhere the wheel scrolls the focused pane
	switch {
	case m.overlay == overlayPresets:
		m.presets.move(dir)
		m.dirty |= partOverlay
		return
	case m.overlay == overlayHelp, m.overlay == overlayVerdict:
		m.reader.scroll(dir)
		m.dirty |= partOverlay
		return
	case m.overlay != overlayNone:
		return
	case l.work.contains(ms.X, ms.Y):
		f = focusWork
	case m.detail.open && l.detail().contains(ms.X, ms.Y):
		f = focusDetail
	case !m.detail.open && l.plans.contains(ms.X, ms.Y):
		f = focusPlans
	}
	switch f {
	case focusWork:
		m.work.move(dir)
	case focusPlans:
		m.ranking.move(dir, &m.shared)
	case focusDetail:
		m.detail.scroll(dir)
	}
	m.dirty |= paneParts(f)
}

// freeName suggests a class name no class has yet.
func (sh *shared) freeName() string {
	for n := len(sh.w.Classes) + 1; ; n++ {
		name := fmt.Sprintf("Class %d", n)
		if sh.checkName(name, -1) == nil {
			return name
		}
	}
}
