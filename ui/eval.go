package ui

import (
	"reflect"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/replay"
)

// evaluation is the workload priced, as every part reads it (shared embeds
// it). The root's evaluator alone writes it.
type evaluation struct {
	res     model.Result   // the ranking on screen: the cost model's, or the replay's
	verdict model.Verdict  // res's verdict for the plan you pay for: worked out once per evaluation
	catalog *model.Catalog // what res was priced with: the detail view's rates
	modeled model.Result   // the cost model's result, whatever res is: the chart's volumes
	alt     model.Result   // the other billing period, for the detail view
	altOK   bool           //
	prev    map[string]was // each option's rank and monthly cost before the last edit: the change marks

	rp       *replay.Result // the user's records replayed (Options.Replay), nil when none
	replayed bool           // res is rp's: the workload is still the one derived from the records

	flips     []model.Flip   // res's flip points, nil until they come
	flipsDone bool           // they came (there may be none)
	without   *model.Verdict // res's verdict once the models about to go are gone, with the flips
}

// clearMarks forgets the previous ranking: the change marks go (after
// loading a new workload the moves would mean nothing).
func (ev *evaluation) clearMarks() {
	ev.prev = nil
}

// was is an option's rank and monthly cost before the last edit, one map
// for both: it is built on every keystroke.
type was struct {
	rank int
	cost float64
}

// evaluator prices the workload for the root: the point ranking on the
// keystroke; the options' ends and the flip points off it, as commands,
// each kept only if no evaluation came since it was asked for.
type evaluator struct {
	derived    model.Workload // the workload the replay's records gave (Options.Workload)
	noFree     *model.Catalog // the catalog without free plans, made once when asked for
	cache      *model.Cache   // what one evaluation leaves for the next: every keystroke evaluates
	gen        int            // counts evaluations; the change marks of the newest alone fade
	endsAsked  int            // the evaluation whose ends were asked for
	flipsAsked int            // … and whose flip points
	fadeDue    bool           // an evaluation left marks that should fade
}

// point is model.EvaluatePoint through the evaluator's cache, which a slider
// step mostly reuses.
func (e *evaluator) point(w model.Workload, c *model.Catalog) (model.Result, error) {
	if e.cache == nil {
		e.cache = new(model.Cache)
	}
	return e.cache.EvaluatePoint(w, c)
}

// evaluate prices the workload once into sh's evaluation and remembers the
// previous ranking so the plans pane can show what moved.
func (e *evaluator) evaluate(sh *shared) error {
	res, err := e.point(sh.priced(), e.compared(sh))
	if err != nil {
		return err
	}
	ev := &sh.evaluation
	// The marks compare like with like. An edit that leaves the replay is
	// marked against the cost model's figures of the records' workload: the
	// replay's differ from those by more than the edit (see DESIGN,
	// "Replay"). Back on the replay nothing is marked: it did not change.
	wasReplayed := ev.replayed
	ev.replayed = e.replaying(sh)
	var before []model.Quote
	switch {
	case ev.replayed && wasReplayed:
		before = ev.res.Quotes
	case !ev.replayed:
		before = ev.modeled.Quotes
	}
	prev := make(map[string]was, len(before))
	for i, q := range before {
		prev[q.ID] = was{i, q.Monthly}
	}
	ev.prev = prev
	e.fadeDue = true
	ev.modeled = res
	if ev.replayed {
		res = replayResult(sh, &res)
	}
	ev.res, ev.catalog = res, e.compared(sh)
	e.gen++
	ev.verdict = ev.res.Verdict(sh.w.Current)
	ev.altOK = false
	ev.flips, ev.flipsDone, ev.without = nil, false, nil
	return nil
}

// evaluateAlt prices the same work with the other billing period, for the
// detail view's "annual vs monthly".
func (e *evaluator) evaluateAlt(sh *shared) {
	w := sh.priced()
	w.Billing = model.Annual
	if sh.w.Billing == model.Annual {
		w.Billing = model.Monthly
	}
	res, err := e.point(w, e.compared(sh)) // the detail reads its base prices only
	sh.alt, sh.altOK = res, err == nil
}

// addEnds gives the options of evaluation number gen their ends, unless a
// newer evaluation replaced it, and reports whether it did. A replayed
// ranking has its own ends: only the model's result takes them then.
func (e *evaluator) addEnds(sh *shared, gen int, ends model.Ends) bool {
	if gen != e.gen {
		return false
	}
	e.endsAsked = gen
	sh.modeled = sh.modeled.WithEnds(ends)
	if !sh.replayed {
		sh.res = sh.modeled
		sh.verdict = sh.res.Verdict(sh.w.Current) // its quotes are the new ones; the order is the same
	}
	return true
}

// addFlips gives evaluation number msg.gen its flip points and its verdict
// without the models about to go, unless a newer evaluation replaced it, and
// reports whether it did.
func (e *evaluator) addFlips(sh *shared, msg flipsMsg) bool {
	if msg.gen != e.gen {
		return false
	}
	sh.flips, sh.flipsDone, sh.without = msg.flips, true, msg.without
	return true
}

// asks are the commands the evaluation on screen still wants: the change
// marks' fade after fade, and its options' ends and flip points. Under
// flipsNow these are priced here at once, and now reports it.
func (e *evaluator) asks(sh *shared, fade time.Duration) (cmd tea.Cmd, now bool) {
	if e.fadeDue {
		e.fadeDue = false
		gen := e.gen
		cmd = tea.Tick(fade, func(time.Time) tea.Msg { return fadeMsg(gen) })
	}
	if e.endsAsked != e.gen {
		e.endsAsked = e.gen
		if flipsNow {
			now = e.addEnds(sh, e.gen, sh.modeled.Ends())
		} else {
			cmd = tea.Batch(cmd, endsCmd(sh.modeled, e.gen))
		}
	}
	if e.flipsAsked != e.gen {
		e.flipsAsked = e.gen
		if flipsNow {
			now = e.addFlips(sh, flipsCmd(sh.res, sh.w.Current, e.gen)().(flipsMsg)) || now
		} else {
			cmd = tea.Batch(cmd, flipsCmd(sh.res, sh.w.Current, e.gen))
		}
	}
	return cmd, now
}

// flipsNow computes flip points and the options' ends in Update itself, so
// that golden frames do not depend on when the background computation ends.
// Tests only.
var flipsNow = false

// flipsMsg carries the flip points of evaluation number gen, and its
// verdict once the models about to go are gone.
type flipsMsg struct {
	gen     int
	flips   []model.Flip
	without *model.Verdict
}

// flipsCmd computes the flip points of res, and the verdict without the
// models about to go (another evaluation), away from the keystroke; the
// result is dropped if the workload changed meanwhile.
func flipsCmd(res model.Result, current string, gen int) tea.Cmd {
	return func() tea.Msg { return flipsMsg{gen: gen, flips: res.Flips(), without: sunsetVerdict(res, current)} }
}

// sunsetVerdict is res's verdict once the models about to go are gone; nil
// when no option of its verdict uses one.
func sunsetVerdict(res model.Result, current string) *model.Verdict {
	if v, ok := res.SunsetVerdict(current); ok {
		return &v
	}
	return nil
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

// marksFade is how long the ▲/▼ rank moves and cost changes stay on screen
// unless Options.MarksFade says otherwise.
const marksFade = 3 * time.Second

// fadeMsg asks to clear the change marks of evaluation number fadeMsg.
type fadeMsg int

// replaying reports whether the ranking is the replay's: there is one, and
// the workload is the one derived from the records (its currency and the
// plan marked as yours aside, which change no figure) at volume ×1.
func (e *evaluator) replaying(sh *shared) bool {
	if sh.rp == nil || sh.prefs.Volume != 1 {
		return false
	}
	a, b := sh.w, e.derived
	a.Currency, b.Currency, a.Current, b.Current = "", "", "", ""
	return reflect.DeepEqual(a, b)
}

// replayResult is the replay's ranking as a result of modeled's work,
// without free plans when they are left out.
func replayResult(sh *shared, modeled *model.Result) model.Result {
	qs := make([]model.Quote, 0, len(sh.rp.Quotes))
	for _, q := range sh.rp.Quotes {
		if sh.prefs.NoFree && q.Kind == model.KindSubscription && q.Free {
			continue
		}
		qs = append(qs, q)
	}
	return modeled.Restated(qs)
}

// compared is the catalog the options come from: without its free plans
// when the user asked so (F).
func (e *evaluator) compared(sh *shared) *model.Catalog {
	if sh.prefs.NoFree {
		if e.noFree == nil {
			e.noFree = sh.cat.Catalog.WithoutFree()
		}
		return e.noFree
	}
	return &sh.cat.Catalog
}
