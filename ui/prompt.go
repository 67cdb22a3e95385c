package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
)

// The prompt: a one-line text input in the footer for exact values, class
// names, the save path and the plan search. Only one is open at a time.

type promptKind int

const (
	promptField promptKind = iota
	promptRename
	promptAdd
	promptSave
	promptSearch
	promptExport
)

type prompt struct {
	active  bool
	kind    promptKind
	label   string
	class   int
	field   fieldID
	input   textinput.Model
	err     string
	confirm string // save, export: the existing file a second enter overwrites
	before  string // search: what esc restores
	fresh   bool   // the value is the pre-filled one: typing replaces it
}

const promptHint = "enter ok · esc cancel"

// newPrompt is the footer's prompt. The app holds it by pointer: the root
// model is copied on every message, and a text input is some 8 KB.
func newPrompt(st *styles) *prompt {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 512
	ti.SetVirtualCursor(false) // the terminal's own cursor, placed by View
	ti.SetStyles(st.input)
	return &prompt{input: ti}
}

func (p *prompt) open(kind promptKind, label, value string) tea.Cmd {
	p.active, p.kind, p.label, p.err, p.confirm = true, kind, label, "", ""
	p.fresh = value != ""
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

func (p *prompt) close() {
	p.active = false
	p.input.Blur()
}

func (p *prompt) update(msg tea.Msg) tea.Cmd {
	// As in a text field whose text is selected: typing or pasting replaces
	// the pre-filled value; moving the cursor or deleting keeps editing it.
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if p.fresh && msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			p.input.SetValue("")
		}
		p.fresh = false
	case tea.PasteMsg:
		if p.fresh {
			p.input.SetValue("")
		}
		p.fresh = false
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// promptMaxWidth keeps the hint next to the text instead of at the far edge.
const promptMaxWidth = 48

func (p *prompt) setWidth(w int) {
	p.input.SetWidth(clamp(w-columns.Width(p.label)-len(promptHint)-len("typing replaces · ")-8, 8, promptMaxWidth))
}

func (p *prompt) view(st *styles) string {
	s := " " + st.strong.Render(p.label+": ") + p.input.View()
	switch {
	case p.err != "":
		s += "  " + st.warn.Render(p.err)
	case p.fresh:
		s += "  " + st.muted.Render("typing replaces · "+promptHint)
	default:
		s += "  " + st.muted.Render(promptHint)
	}
	return s
}

// cursor places the terminal cursor in the footer where the input sits.
func (p *prompt) cursor(footer rect) *tea.Cursor {
	c := p.input.Cursor()
	if c == nil {
		return nil
	}
	c.X += 1 + columns.Width(p.label+": ")
	c.Y = footer.Y
	return c
}

// openField starts an exact edit of the selected row, or cycles fields that
// take no text.
func (m *Model) openField() tea.Cmd {
	r := m.work.selected()
	if r.kind == rowSettings {
		m.work.toggle(&m.shared)
		m.dirty |= partWork | partLayout
		return nil
	}
	text, ok := m.editText(r.class, r.field)
	if !ok {
		m.stepField(r.class, r.field, 1, false)
		return nil
	}
	label := m.fieldLabel(r.class, r.field)
	if r.class >= 0 {
		label = m.w.Classes[r.class].Name + " · " + label
		if r.field == fCount {
			label += " per " + m.w.Classes[r.class].Per.String()
			if m.w.People > 1 {
				label += ", whole team"
			}
		}
	}
	m.prompt.class, m.prompt.field = r.class, r.field
	return m.openPrompt(promptField, label, text)
}

func (m *Model) openPrompt(kind promptKind, label, value string) tea.Cmd {
	cmd := m.prompt.open(kind, label, value)
	m.prompt.setWidth(m.lay.W)
	m.dirty |= partFooter
	return cmd
}

// promptKey handles a key while the prompt is open.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.prompt
	m.dirty |= partFooter
	switch msg.String() {
	case "esc":
		if p.kind == promptSearch {
			m.ranking.setSearch(p.before, &m.shared)
			m.dirty |= paneParts(focusPlans)
		}
		p.close()
		return nil
	case "enter":
		return m.promptSubmit()
	}
	cmd := p.update(msg)
	m.promptChanged()
	return cmd
}

// promptChanged reacts to typing: validation as you type, live search.
func (m *Model) promptChanged() {
	p := m.prompt
	p.err, p.confirm = "", ""
	v := p.input.Value()
	switch p.kind {
	case promptField:
		if err := m.checkField(p.class, p.field, v); err != nil && strings.TrimSpace(v) != "" {
			p.err = err.Error()
		}
	case promptSearch:
		m.ranking.setSearch(v, &m.shared)
		m.dirty |= paneParts(focusPlans)
	}
	m.dirty |= partFooter
}

func (m *Model) promptSubmit() tea.Cmd {
	p := m.prompt
	v := p.input.Value()
	switch p.kind {
	case promptField:
		if p.class >= len(m.w.Classes) {
			p.close()
			return nil
		}
		if err := m.setFieldText(p.class, p.field, v); err != nil {
			p.err = err.Error()
			return nil
		}
	case promptRename, promptAdd:
		name := strings.TrimSpace(v)
		except := -1
		if p.kind == promptRename {
			except = p.class
		}
		if err := m.checkName(name, except); err != nil {
			p.err = err.Error()
			return nil
		}
		if p.kind == promptAdd {
			m.addClass(name)
		} else if p.class < len(m.w.Classes) {
			m.renameClass(p.class, name)
		}
	case promptSave:
		path, err := expandPath(v)
		if err != nil {
			p.err = err.Error()
			return nil
		}
		if isLink(path) {
			p.err = "a symbolic link: saves never write through one; give the file it points to"
			return nil
		}
		if fileExists(path) && !m.doc.mayOverwrite(path) && p.confirm != path {
			p.err = "file exists: enter again to overwrite"
			p.confirm = path
			return nil
		}
		p.close()
		return saveCmd(path, m.fileWorkload(), m.doc.edits)
	case promptExport:
		path, err := expandPath(v)
		if err != nil {
			p.err = err.Error()
			return nil
		}
		return m.exportSummary(path)
	case promptSearch:
		m.focus = focusPlans
		m.dirty |= partPlans | partChart
	}
	p.close()
	return nil
}

var errNoPath = errors.New("a file name, please")

// checkName refuses what a workload file could not hold: an empty,
// unprintable or too long name, or one another class (except class
// except) has.
func (sh *shared) checkName(name string, except int) error {
	switch {
	case name == "":
		return errors.New("a name, please")
	case utf8.RuneCountInString(name) > model.MaxName:
		return fmt.Errorf("at most %d characters", model.MaxName)
	case model.CheckClassName(name) != nil:
		return errors.New("printable text only")
	}
	for i, c := range sh.w.Classes {
		if i != except && c.Name == name {
			return errors.New("another class has that name")
		}
	}
	return nil
}
