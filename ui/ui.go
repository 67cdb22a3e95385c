// Package ui is the interactive comparer: a Bubble Tea program that edits a
// model.Workload and shows the model's ranked quotes for it. It never prices
// anything itself; every number on screen comes from model.Evaluate.
package ui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-isatty"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/safefile"
)

// Options is what the command line hands to the app.
type Options struct {
	Catalog      *plans.Catalog
	Workload     model.Workload
	WorkloadPath string        // where ctrl+s saves by default (may be "")
	StatePath    string        // state file for the last workload ("" = don't write); Prepare sets it
	Prefs        Prefs         // the app's own settings from the last run (PrefsPath)
	PrefsPath    string        // where they are kept ("" = don't write)
	Today        time.Time     // for the catalog staleness warning
	Notices      []string      // startup notices, shown once
	MarksFade    time.Duration // how long rank and cost changes stay; 0 = 3 s
	// Replay is the user's own records replayed against every option (the
	// app opened with --from): while the workload is the one derived from
	// them (Workload, unedited, at volume ×1) the ranking and the verdict
	// are the replay's. Computed once, before the app starts.
	Replay *replay.Result
}

// Run starts the app on the terminal and returns when the user quits. A
// state file not written at quit is a *StateError: the screen that could
// have said so is gone.
func Run(o Options) error {
	m := New(o)
	var opts []tea.ProgramOption
	if isatty.IsTerminal(os.Stdin.Fd()) {
		m.input = newGuardedInput(os.Stdin)
		opts = append(opts, tea.WithInput(m.input))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil {
		return err
	}
	return stateError(final)
}

// stateError is the *StateError of the app as it quit, nil when the state
// file was written.
func stateError(final tea.Model) error {
	if m, ok := final.(Model); ok && (m.stateErr != nil || m.prefsErr != nil) {
		return &StateError{m.stateErr, m.prefsErr}
	}
	return nil
}

type focus int

const (
	focusWork focus = iota
	focusPlans
	focusDetail
)

type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayVerdict // the whole verdict, when the screen shows only part of it
	overlayPresets
)

// part flags which cached renders are stale.
type part uint

const (
	partHeader  part = 1 << iota
	partWords        // what the verdict says: worded anew, then drawn and measured for the layout
	partVerdict      // the verdict drawn
	partWork
	partPlans
	partChart
	partGlance
	partDetail
	partFooter
	partOverlay     // the open overlay drawn: its scroll moved
	partOverlayText // the help's or the verdict's text built anew: opened, resized, restyled, new words
	partLayout
	partAll = 1<<iota - 1
	// What an evaluation moves: what the verdict says, and every pane's
	// figures.
	partEval = partWords | partWork | partPlans | partChart | partGlance | partDetail
	// What the options' ends move: the verdict's ranges, the plans' and the
	// detail's costs.
	partEnds = partWords | partPlans | partGlance | partDetail
)

// Model is the root tea.Model, and mostly routing: it hands messages and
// keys to its parts (each keeps its own state and render) and does what they
// ask; it alone changes the read-only context they draw from (the workload,
// through apply, and its evaluation) and marks the parts each change moves;
// it lays the parts out once per resize or change of their needs, and
// composes the frame.
type Model struct {
	shared // what every part reads; the root alone changes it
	// Flip points and the options' ends cost many evaluations, so they are
	// computed off the keystroke path: the ranking by point cost shows at
	// once, the ranges and flip points when they come.
	eval  evaluator
	opts  Options
	input *guardedInput // the terminal's input, nil when the library reads it itself

	isDark  bool
	noColor bool

	lay     layout
	focus   focus
	overlay overlay

	header   header
	headline headline
	glance   glance
	footer   footer

	work    workPane
	ranking rankingPane
	detail  detailPane // replaces the plans pane and the chart when open
	chart   chartPane

	reader  reader       // the help or the whole verdict, when open
	presets presetPicker // when open
	prompt  *prompt

	doc      document // the workload's file
	quitAsk  bool     // q with unsaved edits to a file asked: save, discard or cancel
	quitSave bool     // a save asked for by that question: quit once it is written
	stateErr error    // the last write of the state file, when it failed
	prefsErr error    // the last write of the prefs file, when it failed

	view  renderCache
	dirty part // which cached renders are stale
}

// New builds the app. It never fails: problems become notices.
func New(o Options) Model {
	m := Model{opts: o, isDark: true, footer: newFooter(), eval: evaluator{derived: o.Workload}}
	m.cat, m.rp = o.Catalog, o.Replay
	m.keys = defaultKeys()
	m.header.today = o.Today
	if m.header.today.IsZero() {
		m.header.today = time.Now()
	}
	var notices []string
	if m.cat == nil {
		cat, err := plans.Embedded()
		if err != nil {
			cat = &plans.Catalog{}
			notices = append(notices, "no catalog: "+err.Error())
		}
		m.cat = cat
	}
	m.w = o.Workload
	m.prefs = o.Prefs.valid()
	if err := m.w.Validate(); err != nil {
		notices = append(notices, "workload not usable ("+err.Error()+"): showing the default preset")
		if m.w, err = plans.PresetByName(plans.DefaultPreset); err != nil {
			m.w = model.NewWorkload("Workload")
		}
	}
	m.w.Classes = slices.Clone(m.w.Classes)
	m.cur = money.USD
	if code := strings.ToUpper(m.w.Currency); code != "" && code != "USD" {
		if r, err := m.rate(code); err == nil {
			m.cur = money.New(code, r)
		} else {
			notices = append(notices, fmt.Sprintf("no exchange rate for %s: showing USD", code))
		}
	}
	m.w.Currency = ""
	// NO_COLOR: present and not empty (no-color.org).
	m.noColor = os.Getenv("NO_COLOR") != ""
	m.st = newStyles(m.isDark, m.noColor)
	m.presets.list = plans.Presets()
	m.work = newWorkPane()
	m.prompt = newPrompt(m.st)
	m.doc.opened, m.doc.clean = o.WorkloadPath, m.fileWorkload()
	m.evaluate()
	m.eval.addEnds(&m.shared, m.eval.gen, m.modeled.Ends()) // the first frame has them: start-up is not a keystroke
	m.clearMarks()
	if all := append(slices.Clone(o.Notices), notices...); len(all) > 0 {
		m.footer.notices = all
		m.setStatus(strings.Join(all, " · "), true)
	}
	m.dirty = partAll
	return m
}

// Init asks the terminal for its background so styles can match it.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update handles one message; Evaluate runs only when the workload changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.lay.W, m.lay.H = max(msg.Width, 0), max(msg.Height, 0)
		m.dirty |= partLayout // a new layout redraws what moved; the verdict's words stay
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.restyle()
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.PasteMsg:
		if m.prompt.active {
			cmd = m.prompt.update(msg)
			m.promptChanged()
		}
		if n := m.input.takeCut(); n > 0 {
			note := fmt.Sprintf("paste cut to its first %s (%s left out)", safefile.Size(maxPaste), safefile.Size(n))
			if m.prompt.active {
				m.prompt.err = note // where the eye is; the status line is under the prompt
				m.dirty |= partFooter
			} else {
				m.setStatus("The "+note+": a field takes no more.", true)
			}
		}
	case savedMsg:
		cmd = m.saved(msg)
	case exportedMsg:
		m.exported(msg)
	case stateSavedMsg:
		m.stateErr, m.prefsErr = msg.err, msg.prefsErr
		if err := stateError(m); err != nil {
			m.setStatus(err.Error(), true)
		}
	case endsMsg:
		if m.eval.addEnds(&m.shared, msg.gen, msg.ends) {
			m.dirty |= partEnds
		}
	case flipsMsg:
		if m.eval.addFlips(&m.shared, msg) {
			m.dirty |= partWords // the verdict may take a line more
		}
	case fadeMsg:
		// Marks show what the last edit moved; once the eye has caught them
		// they go, unless a newer edit has replaced them.
		if int(msg) == m.eval.gen && m.prev != nil {
			m.clearMarks()
			m.dirty |= partPlans
		}
	default:
		if m.prompt.active {
			cmd = m.prompt.update(msg)
			m.dirty |= partFooter
		}
	}
	fade := m.opts.MarksFade
	if fade <= 0 {
		fade = marksFade
	}
	asks, now := m.eval.asks(&m.shared, fade)
	if now {
		m.dirty |= partEnds
	}
	m.refresh()
	return m, tea.Batch(cmd, asks)
}

// View returns the frame composed in Update: rendering never happens here.
func (m Model) View() tea.View {
	v := tea.NewView(m.view.frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "tokenomics · " + m.w.Name
	if m.prompt.active && !m.lay.tooSmall {
		v.Cursor = m.prompt.cursor(m.lay.footer)
	}
	return v
}

func (m *Model) restyle() {
	m.st = newStyles(m.isDark, m.noColor)
	m.prompt.input.SetStyles(m.st.input)
	m.dirty = partAll
}

func (m *Model) setStatus(s string, bad bool) {
	m.footer.say(s, bad)
	m.dirty |= partFooter
}

// apply edits a private copy of the workload, keeps it only if it is valid,
// and re-evaluates. Every change to the workload goes through here.
func (m *Model) apply(fn func(w *model.Workload)) bool {
	w := m.w
	w.Classes = slices.Clone(m.w.Classes)
	fn(&w)
	if err := w.Validate(); err != nil {
		m.setStatus(err.Error(), true)
		return false
	}
	m.w = w
	m.doc.edits++
	m.evaluate()
	// Every figure may move, and the header's name, billing and mark of
	// unsaved edits; the footer says only the status and the keys, which
	// mark it themselves; no overlay is open while the workload changes.
	m.dirty |= partHeader | partEval
	return true
}

// evaluate prices the workload once and lists the new ranking.
func (m *Model) evaluate() {
	if err := m.eval.evaluate(&m.shared); err != nil {
		m.setStatus(err.Error(), true)
		return
	}
	if m.detail.open {
		m.eval.evaluateAlt(&m.shared)
	}
	m.ranking.rebuild(&m.shared)
}

// toggleFree leaves the free plans out of the ranking, the verdict, the
// chart and the exports, or brings them back.
func (m *Model) toggleFree() {
	m.prefs.NoFree = !m.prefs.NoFree
	m.evaluate()
	m.clearMarks()
	if m.prefs.NoFree {
		m.setStatus("free plans left out of the comparison (F brings them back)", false)
	} else {
		m.setStatus("free plans compared again", false)
	}
	m.dirty |= partEval
}

// markCurrent makes the selected plan the one the user pays for now (saved
// with the workload as current:), or unmarks it.
func (m *Model) markCurrent() {
	q := m.ranking.selected(&m.shared)
	switch {
	case q == nil:
		return
	case q.Kind != model.KindSubscription:
		m.setStatus("only a subscription can be the plan you pay for now", true)
		return
	}
	id, name := q.ID, q.Name
	if m.w.Current == id {
		id = ""
	}
	if m.apply(func(w *model.Workload) { w.Current = id }) {
		if id == "" {
			m.setStatus(name+" is no longer marked as your plan", false)
		} else {
			m.setStatus(name+" marked as the plan you pay for now (saved with the workload)", false)
		}
	}
}

// openDetail shows everything about the selected option in the place of
// the plans pane and the chart.
func (m *Model) openDetail() {
	if m.ranking.selected(&m.shared) == nil {
		return
	}
	m.detail.open, m.detail.off, m.focus = true, 0, focusDetail
	m.eval.evaluateAlt(&m.shared)
	m.dirty |= partDetail | partGlance | partFooter
}

func (m *Model) closeDetail() {
	m.detail.open, m.focus = false, focusPlans
	m.dirty |= partPlans | partChart | partGlance | partFooter
}

// cycleVolume steps the what-if volume multiplier: ×1, ×2, ×4, ×½.
func (m *Model) cycleVolume() {
	i := slices.Index(volumeSteps, m.prefs.Volume)
	m.prefs.Volume = volumeSteps[(i+1)%len(volumeSteps)]
	m.evaluate()
	m.setStatus("volume "+volumeName(m.prefs.Volume)+": every count of your work times "+volumeWord(m.prefs.Volume)+" (not saved into the workload)", false)
	m.dirty |= partEval
}

func (m *Model) setCurrency(code string) {
	r, err := m.rate(code)
	if err != nil {
		m.setStatus(err.Error(), true)
		return
	}
	cur := money.New(code, r)
	// The budget is written in the workload's currency: the same money in
	// the new one. Display only: no re-evaluation, so the change marks
	// survive.
	budget, ok := money.Convert(m.w.Budget, m.cur, cur)
	if !ok {
		m.setStatus("no rate to convert the budget from "+m.cur.Code+" to "+code, true)
		return
	}
	m.cur, m.w.Budget = cur, budget
	m.dirty |= partHeader | partEval // every amount, and the header's currency
}

func (m *Model) cycleCurrency(dir int) bool {
	cs := m.cat.Currencies() // USD among them
	i := slices.Index(cs, m.cur.Code)
	m.setCurrency(cs[cycle(max(i, 0), dir, len(cs))])
	return true
}
