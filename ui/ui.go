// Package ui is the interactive comparer: a Bubble Tea program that edits a
// model.Workload and shows the model's ranked quotes for it. It never prices
// anything itself; every number on screen comes from model.Evaluate.
package ui

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-isatty"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
)

// Options is what the command line hands to the app.
type Options struct {
	Catalog      *plans.Catalog
	Workload     model.Workload
	WorkloadPath string        // where ctrl+s saves by default (may be "")
	StatePath    string        // state file for the last workload ("" = don't write)
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
	partHeader part = 1 << iota
	partWork
	partPlans
	partChart
	partDetail
	partFooter
	partOverlay
	partLayout
	partAll = 1<<iota - 1
)

// shared is what every pane reads: the workload, its evaluation, the options
// the plans pane lists and the one selected, the styles and keys, and which
// cached renders are stale. The root owns it and hands it to the panes.
type shared struct {
	w     model.Workload
	cur   money.Currency
	prefs Prefs // volume multiplier and the like: the app's, never the workload file's

	res      model.Result
	catalog  *model.Catalog // what res was priced with: the detail view's rates
	verdict  model.Verdict
	prevRank map[string]int     // rank of each option before the last edit
	prevCost map[string]float64 // its monthly cost then
	alt      model.Result       // the other billing period, for the detail view
	altOK    bool

	rp       *replay.Result // the user's records replayed (Options.Replay), nil when none
	replayed bool           // res is rp's: the workload is still the one derived from the records
	modeled  model.Result   // the cost model's result, whatever res is: the chart's volumes

	shown []int // indices into res.Quotes the plans pane lists (filter and search applied)
	pick  int   // index into shown of the selected option

	keys keyMap
	st   *styles

	dirty part
}

// selected is the option under the plans cursor, nil when none.
func (sh *shared) selected() *model.Quote {
	if sh.pick < 0 || sh.pick >= len(sh.shown) {
		return nil
	}
	return &sh.res.Quotes[sh.shown[sh.pick]]
}

// Model is the root tea.Model: it owns the workload, routes focus, keys and
// messages to the panes, and lays them out.
type Model struct {
	// Flip points cost many evaluations, so they are computed off the
	// keystroke path (flipsCmd) for evaluation number evalGen and kept only
	// if no evaluation came since.
	evalGen, flipsAsked, flipsGen int
	flips                         []model.Flip
	// The options' ends likewise (endsCmd): the ranking by point cost shows
	// at once, the ranges when they come.
	endsAsked int

	shared
	opts  Options
	cat   *plans.Catalog
	input *guardedInput // the terminal's input, nil when the library reads it itself

	noFreeCat *model.Catalog // the catalog without free plans, made once when asked for
	evals     *model.Cache   // what one evaluation leaves for the next: every keystroke evaluates

	marksGen int  // counts evaluations, so only the newest marks fade
	fadeDue  bool // an evaluation left marks that should fade

	isDark  bool
	noColor bool
	help    help.Model

	lay     layout
	focus   focus
	overlay overlay

	work    workPane
	ranking rankingPane
	detail  detailPane // replaces the plans pane and the chart when open
	chart   chartPane

	helpOff    int // help scroll offset
	presets    []plans.Preset
	preSel     int
	preConfirm bool // enter on a preset asked once to replace unsaved edits
	edits      int  // counts changes to the workload
	cleanAt    int  // edits when it was last loaded or saved: unsaved edits when they differ
	prompt     *prompt

	status     string
	statusBad  bool
	notices    []string       // the start's notices: the footer says them once, the help keeps them
	lastStatus string         // the last status line, kept whole for the help
	savedPath  string         // the last path saved to: overwriting it needs no confirmation
	cleanW     model.Workload // the workload as last loaded or saved: what discard keeps
	quitAsk    bool           // q with unsaved edits to a file asked: save, discard or cancel
	quitSave   bool           // a save asked for by that question: quit once it is written

	exportedPaths map[string]bool // files Y wrote: replaced again without asking
	stateErr      error           // the last write of the state file, when it failed
	prefsErr      error           // the last write of the prefs file, when it failed

	view renderCache
}

// New builds the app. It never fails: problems become notices.
func New(o Options) Model {
	m := Model{opts: o, cat: o.Catalog, isDark: true, help: help.New()}
	m.rp = o.Replay
	m.keys = defaultKeys()
	if m.opts.Today.IsZero() {
		m.opts.Today = time.Now()
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
	m.w.Currency = strings.ToUpper(m.w.Currency)
	m.cur = money.USD
	if m.w.Currency != "" && m.w.Currency != "USD" {
		if r, err := m.rate(m.w.Currency); err == nil {
			m.cur = money.New(m.w.Currency, r)
		} else {
			notices = append(notices, fmt.Sprintf("no exchange rate for %s: showing USD", m.w.Currency))
			m.w.Currency = ""
		}
	}
	// NO_COLOR: present and not empty (no-color.org).
	m.noColor = os.Getenv("NO_COLOR") != ""
	m.st = newStyles(m.isDark, m.noColor)
	m.help.Styles = m.st.help
	m.presets = plans.Presets()
	m.work = newWorkPane()
	m.prompt = newPrompt(m.st)
	m.cleanW = m.w
	m.evaluate()
	m.addEnds(m.evalGen, m.modeled.Ends()) // the first frame has them: start-up is not a keystroke
	m.resetMarks()
	if all := append(slices.Clone(o.Notices), notices...); len(all) > 0 {
		m.notices = all
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
		m.dirty = partAll
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
		m.addEnds(msg.gen, msg.ends)
	case flipsMsg:
		if msg.gen == m.evalGen {
			m.flips, m.flipsGen = msg.flips, msg.gen
			m.dirty = partAll // the verdict may take a line more
		}
	case fadeMsg:
		// Marks show what the last edit moved; once the eye has caught them
		// they go, unless a newer edit has replaced them.
		if int(msg) == m.marksGen && m.prevRank != nil {
			m.resetMarks()
			m.dirty |= partPlans
		}
	default:
		if m.prompt.active {
			cmd = m.prompt.update(msg)
			m.dirty |= partFooter
		}
	}
	if m.fadeDue {
		m.fadeDue = false
		gen := m.marksGen
		fade := m.opts.MarksFade
		if fade <= 0 {
			fade = marksFade
		}
		cmd = tea.Batch(cmd, tea.Tick(fade, func(time.Time) tea.Msg { return fadeMsg(gen) }))
	}
	if m.endsAsked != m.evalGen {
		m.endsAsked = m.evalGen
		if flipsNow {
			m.addEnds(m.evalGen, m.modeled.Ends())
		} else {
			cmd = tea.Batch(cmd, endsCmd(m.modeled, m.evalGen))
		}
	}
	if m.flipsAsked != m.evalGen {
		m.flipsAsked = m.evalGen
		if flipsNow {
			m.flips, m.flipsGen = m.res.Flips(), m.evalGen
		} else {
			cmd = tea.Batch(cmd, flipsCmd(m.res, m.evalGen))
		}
	}
	m.refresh()
	return m, cmd
}

// flipsNow computes flip points and the options' ends in Update itself, so
// that golden frames do not depend on when the background computation ends.
// Tests only.
var flipsNow = false

// flipsMsg carries the flip points of evaluation number gen.
type flipsMsg struct {
	gen   int
	flips []model.Flip
}

// flipsCmd computes the flip points of res away from the keystroke; the
// result is dropped if the workload changed meanwhile.
func flipsCmd(res model.Result, gen int) tea.Cmd {
	return func() tea.Msg { return flipsMsg{gen: gen, flips: res.Flips()} }
}

// endsMsg carries the options' ends of evaluation number gen.
type endsMsg struct {
	gen  int
	ends model.Ends
}

// endsCmd prices the options' ends of res (the cost model's result) away
// from the keystroke; the result is dropped if the workload changed
// meanwhile.
func endsCmd(res model.Result, gen int) tea.Cmd {
	return func() tea.Msg { return endsMsg{gen: gen, ends: res.Ends()} }
}

// addEnds gives the options of evaluation number gen their ends, unless a
// newer evaluation replaced it. A replayed ranking has its own ends: only
// the model's result takes them then.
func (m *Model) addEnds(gen int, ends model.Ends) {
	if gen != m.evalGen {
		return
	}
	m.endsAsked = gen
	m.modeled = m.modeled.WithEnds(ends)
	if !m.replayed {
		m.res = m.modeled
		m.verdict = m.res.Verdict(m.w.Current) // its quotes are the new ones; the order is the same
	}
	m.dirty |= partHeader | partPlans | partDetail | partLayout
}

// currentFlips are the flip points of the ranking on screen, nil until
// they arrive.
func (m *Model) currentFlips() []model.Flip {
	if m.flipsGen != m.evalGen {
		return nil
	}
	return m.flips
}

// marksFade is how long the ▲/▼ rank moves and cost changes stay on screen
// unless Options.MarksFade says otherwise.
const marksFade = 3 * time.Second

// fadeMsg asks to clear the change marks of evaluation number fadeMsg.
type fadeMsg int

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
	m.help.Styles = m.st.help
	m.prompt.input.SetStyles(m.st.input)
	m.dirty = partAll
}

func (m *Model) setStatus(s string, bad bool) {
	m.status, m.statusBad = s, bad
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
	m.edits++
	m.evaluate()
	// Every figure may move; the footer says only the status and the keys,
	// which mark it themselves.
	m.dirty |= partAll &^ partFooter
	return true
}

// evaluate prices the workload once and remembers the previous ranking so
// the plans pane can show what moved.
func (m *Model) evaluate() {
	if m.evals == nil {
		m.evals = new(model.Cache)
	}
	res, err := m.evals.EvaluatePoint(m.priced(), m.compared())
	if err != nil {
		m.setStatus(err.Error(), true)
		return
	}
	prevRank := make(map[string]int, len(m.res.Quotes))
	prevCost := make(map[string]float64, len(m.res.Quotes))
	for i, q := range m.res.Quotes {
		prevRank[q.ID], prevCost[q.ID] = i, q.Monthly
	}
	m.prevRank, m.prevCost = prevRank, prevCost
	m.marksGen++
	m.fadeDue = true
	m.modeled = res
	if m.replayed = m.replaying(); m.replayed {
		res = m.replayResult(res.TotalTasks)
	}
	m.res, m.catalog = res, m.compared()
	m.evalGen++
	m.verdict = m.res.Verdict(m.w.Current)
	m.altOK = false
	if m.detail.open {
		m.evaluateAlt()
	}
	m.ranking.rebuild(&m.shared)
}

// replaying reports whether the ranking is the replay's: there is one, and
// the workload is the one derived from the records (its currency and the
// plan marked as yours aside, which change no figure) at volume ×1.
func (m *Model) replaying() bool {
	if m.rp == nil || m.prefs.Volume != 1 {
		return false
	}
	a, b := m.w, m.opts.Workload
	a.Currency, b.Currency, a.Current, b.Current = "", "", "", ""
	return reflect.DeepEqual(a, b)
}

// replayResult is the replay's ranking as a result, without free plans when
// they are left out; cost per task is over the derived workload's tasks.
func (m *Model) replayResult(tasks float64) model.Result {
	qs := make([]model.Quote, 0, len(m.rp.Quotes))
	for _, q := range m.rp.Quotes {
		if m.prefs.NoFree && q.Kind == model.KindSubscription && q.Free {
			continue
		}
		if tasks > 0 {
			q.PerTask = q.Monthly / tasks
		}
		qs = append(qs, q)
	}
	return model.Result{Quotes: qs, TotalTasks: tasks}
}

// priced is the workload the model prices: the user's, every count scaled
// by the volume multiplier.
func (m *Model) priced() model.Workload {
	if m.prefs.Volume == 1 {
		return m.w
	}
	return m.w.Scaled(m.prefs.Volume)
}

// compared is the catalog the options come from: without its free plans
// when the user asked so (F).
func (m *Model) compared() *model.Catalog {
	if m.prefs.NoFree {
		if m.noFreeCat == nil {
			m.noFreeCat = m.cat.Catalog.WithoutFree()
		}
		return m.noFreeCat
	}
	return &m.cat.Catalog
}

// toggleFree leaves the free plans out of the ranking, the verdict, the
// chart and the exports, or brings them back.
func (m *Model) toggleFree() {
	m.prefs.NoFree = !m.prefs.NoFree
	m.evaluate()
	m.resetMarks()
	if m.prefs.NoFree {
		m.setStatus("free plans left out of the comparison (F brings them back)", false)
	} else {
		m.setStatus("free plans compared again", false)
	}
	m.dirty = partAll
}

// markCurrent makes the selected plan the one the user pays for now (saved
// with the workload as current:), or unmarks it.
func (m *Model) markCurrent() {
	q := m.selected()
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
	if m.selected() == nil {
		return
	}
	m.detail.open, m.detail.off, m.focus = true, 0, focusDetail
	m.evaluateAlt()
	m.dirty |= partDetail | partFooter | partWork
}

func (m *Model) closeDetail() {
	m.detail.open, m.focus = false, focusPlans
	m.dirty |= partPlans | partChart | partFooter | partWork
}

// cycleVolume steps the what-if volume multiplier: ×1, ×2, ×4, ×½.
func (m *Model) cycleVolume() {
	i := slices.Index(volumeSteps, m.prefs.Volume)
	m.prefs.Volume = volumeSteps[(i+1)%len(volumeSteps)]
	m.evaluate()
	m.setStatus("volume "+volumeName(m.prefs.Volume)+": every count of your work times "+volumeWord(m.prefs.Volume)+" (not saved into the workload)", false)
	m.dirty = partAll
}

// resetMarks forgets the previous ranking (after loading a new workload the
// moves would mean nothing).
func (m *Model) resetMarks() {
	m.prevRank, m.prevCost = nil, nil
}

// evaluateAlt prices the same work with the other billing period, for the
// detail view's "annual vs monthly".
func (m *Model) evaluateAlt() {
	w := m.priced()
	w.Billing = model.Annual
	if m.w.Billing == model.Annual {
		w.Billing = model.Monthly
	}
	if m.evals == nil {
		m.evals = new(model.Cache)
	}
	res, err := m.evals.EvaluatePoint(w, m.compared()) // the detail reads its base prices only
	m.alt, m.altOK = res, err == nil
}

func (m *Model) rate(code string) (float64, error) {
	if code == "" || code == "USD" {
		return 1, nil
	}
	return m.cat.Rate(code)
}

func (m *Model) currencies() []string {
	cs := m.cat.Currencies()
	if !slices.Contains(cs, "USD") {
		cs = append([]string{"USD"}, cs...)
	}
	return cs
}

func (m *Model) setCurrency(code string) {
	old := m.cur
	if r, err := m.rate(code); err == nil {
		m.cur = money.New(code, r)
	} else {
		m.setStatus(err.Error(), true)
	}
	// The budget is written in the workload's currency: the same money in
	// the new one.
	m.w.Budget = report.ConvertBudget(m.w.Budget, old, m.cur)
	// Display only: no re-evaluation, so the change marks survive.
	m.w.Currency = m.cur.Code
	if m.cur.Code == "USD" {
		m.w.Currency = ""
	}
	m.dirty = partAll
}

func (m *Model) cycleCurrency(dir int) bool {
	cs := m.currencies()
	i := slices.Index(cs, m.cur.Code)
	m.setCurrency(cs[cycle(max(i, 0), dir, len(cs))])
	return true
}
