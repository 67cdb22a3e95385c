package model

import (
	"cmp"
	"math"
	"slices"
)

// shape is one task of one class seen through one language factor λ.
type shape struct {
	sumIn, sumOut float64 // over all turns
	lastTotal     float64 // in_T + out_T: what must fit the context window
	outPerTurn    float64 // λ·O + R: what must fit max_output
	firstIn, step float64 // in_1 = λ·I and what each later turn adds, λ·(O+F)
	turns         int
}

// shapeOf applies the turn rules: in_t = λ·(I + (t−1)·(O+F)), out_t = λ·O + R.
func shapeOf(c *Class, lam float64) shape {
	T := max(c.Turns, 1)
	s := shape{outPerTurn: lam*c.OutputTokens + c.ReasoningTokens, firstIn: lam * c.InputTokens,
		step: lam * (c.OutputTokens + c.FollowupTokens), turns: T}
	for t := range T {
		s.sumIn += lam * (c.InputTokens + float64(t)*(c.OutputTokens+c.FollowupTokens))
	}
	s.sumOut = float64(T) * s.outPerTurn
	s.lastTotal = s.turnTotal(T - 1)
	return s
}

// turnTotal is in_t + out_t of turn t+1 (t counts from 0).
func (s *shape) turnTotal(t int) float64 {
	return s.firstIn + float64(t)*s.step + s.outPerTurn
}

// TaskCost prices one task of class c on model m with language factor lam,
// turn by turn, in USD. It ignores feasibility (see Feasible).
func TaskCost(c *Class, m *APIModel, lam float64) float64 {
	T := max(c.Turns, 1)
	h := c.CacheHit
	out := lam*c.OutputTokens + c.ReasoningTokens
	cost := 0.0
	for t := range T {
		in := lam * (c.InputTokens + float64(t)*(c.OutputTokens+c.FollowupTokens))
		r := ratesAt(m, in)
		read, write := r.Input, r.Input
		if r.CacheRead != nil {
			read = *r.CacheRead
		}
		if h > 0 && r.CacheWrite != nil {
			write = *r.CacheWrite
		}
		ct := (h*in*read + (1-h)*in*write + out*r.Output) / 1e6
		if c.Batch && m.BatchDiscount > 0 {
			ct *= 1 - m.BatchDiscount
		}
		cost += ct
	}
	return cost
}

// cell is one class on one API model.
type cell struct {
	cost float64 // per task
	sh   shape
	ok   bool // feasible and tier-ok
	why  Why
}

// engine holds what every option of one evaluation shares: tasks per class
// and each class priced on each usable model. Options at any volume scale k
// are then cheap sums, which break-even and the chart rely on.
type engine struct {
	*prep // the catalog's models, factors, notes and sources: read only
	w     *Workload
	tasks []float64
	total float64
	cells [][]cell // [class][model]: read only, a Cache's rows may share them
	best  []int    // per class: cheapest ok model index, -1 if none
	plans []planPre
	bestA float64 // cost of the best eligible API option at k = 1
	hasA  bool

	uc, over []float64 // scratch for planCost
	route    []int

	classBuf []ClassQuote // backing store for every quote's Classes
	memo     *shapeMemo   // a Cache's, while the point is evaluated; nil after

	fend factorEnd // which value of each language factor this engine prices at
}

// factorEnd says which value of an estimated language factor is in use.
type factorEnd int

const (
	atPoint       factorEnd = iota
	atLowFactors            // every estimated factor at its low end
	atHighFactors           // every estimated factor at its high end
)

func (l Lambda) at(f factorEnd) float64 {
	switch f {
	case atLowFactors:
		return l.Low
	case atHighFactors:
		return l.High
	}
	return l.Value
}

// lambda is the language factor of tokenizer tok: the catalog's models'
// are looked up once, when the prep is made.
func (e *engine) lambda(tok string) Lambda {
	if l, ok := e.lams[tok]; ok {
		return l
	}
	return e.c.Lambda(tok, e.lang)
}

// lam is λ of model m at the engine's end.
func (e *engine) lam(m *APIModel) float64 { return e.lambda(m.Tokenizer).at(e.fend) }

// FactorUse is an estimated language factor that a quote's models use.
type FactorUse struct {
	Tokenizer string // "" for a model that names none
	Language  string
	Lambda
}

// addFactor lists tokenizer tok's factor in fs when it is estimated and not
// there yet.
func (e *engine) addFactor(fs []FactorUse, tok string) []FactorUse {
	l := e.lambda(tok)
	if !l.Estimated || slices.ContainsFunc(fs, func(f FactorUse) bool { return f.Tokenizer == tok }) {
		return fs
	}
	lang := e.lang
	if lang == "" {
		lang = DefaultLanguage
	}
	return append(fs, FactorUse{Tokenizer: tok, Language: lang, Lambda: l})
}

// classes hands out a quote's per-class slice from one shared allocation.
func (e *engine) classes() []ClassQuote {
	n := len(e.w.Classes)
	if len(e.classBuf) < n {
		e.classBuf = make([]ClassQuote, n*64)
	}
	out := e.classBuf[:n:n]
	e.classBuf = e.classBuf[n:]
	return out
}

// newEngine is an engine for workload w at factor end fend on prep p,
// the catalog's; rows are its classes' (a Cache's at the point), or nil for
// rows made here, which at an end of the estimates take the cells of models
// whose factor has no range from base, the point's engine, as they are the
// same there.
func newEngine(w *Workload, p *prep, fend factorEnd, rows []*classRow, base *engine) *engine {
	e := &engine{prep: p, w: w, fend: fend}
	e.tasks = make([]float64, len(w.Classes))
	for i, cl := range w.Classes {
		e.tasks[i] = w.TasksPerMonth(cl)
		e.total += e.tasks[i]
	}
	e.cells = make([][]cell, len(w.Classes))
	e.best = make([]int, len(w.Classes))
	for ci := range w.Classes {
		if rows != nil {
			e.cells[ci], e.best[ci] = rows[ci].cells, rows[ci].best
			continue
		}
		var bc []cell
		if base != nil {
			bc = base.cells[ci]
		}
		e.cells[ci], e.best[ci] = e.cellsOf(&w.Classes[ci], bc)
	}
	return e
}

// cellsOf prices class cl on every usable model, taking the cell of a model
// whose factor has no range from base when given; best is the cheapest ok
// model's index, -1 if none.
func (e *engine) cellsOf(cl *Class, base []cell) (row []cell, best int) {
	row = make([]cell, len(e.models))
	best = -1
	for mi, m := range e.models {
		var x cell
		if base != nil && !e.lambda(m.Tokenizer).Ranged() {
			x = base[mi]
		} else {
			lam := e.lam(m)
			x = cell{sh: shapeOf(cl, lam)}
			x.cost = TaskCost(cl, m, lam)
			x.why = apiWhy(cl, m, x.sh)
			x.ok = x.why == WhyNone
		}
		row[mi] = x
		if x.ok && (best < 0 || x.cost < row[best].cost) {
			best = mi
		}
	}
	return row, best
}

func apiWhy(cl *Class, m *APIModel, sh shape) Why {
	switch {
	case m.Tier < cl.MinTier:
		return WhyTier
	case sh.lastTotal > m.ContextWindow:
		return WhyContext
	case m.MaxOutput > 0 && sh.outPerTurn > m.MaxOutput:
		return WhyOutput
	}
	return WhyNone
}

// apiReason is apiWhy with its amounts.
func apiReason(cl *Class, m *APIModel, sh shape, why Why) Reason {
	switch why {
	case WhyTier:
		return Reason{Kind: ReasonTier, NeedTier: cl.MinTier, Model: m.Name, HaveTier: m.Tier}
	case WhyContext:
		return Reason{Kind: ReasonContext, Need: sh.lastTotal, Model: m.Name, Have: m.ContextWindow}
	case WhyOutput:
		return Reason{Kind: ReasonOutput, Need: sh.outPerTurn, Model: m.Name, Have: m.MaxOutput}
	}
	return Reason{}
}

// Result is a ranked evaluation of a workload against a catalog.
type Result struct {
	Quotes     []Quote // ranked: eligible by monthly cost then name, then the rest
	TotalTasks float64
	e          *engine
	index      map[string]int
}

// Evaluate prices the workload on every option of the catalog and ranks them,
// each option with its ends over the estimates (EvaluatePoint, then Ends).
func Evaluate(w Workload, c *Catalog) (Result, error) {
	r, err := EvaluatePoint(w, c)
	if err != nil {
		return r, err
	}
	r.setEnds(r.Ends())
	return r, nil
}

// EvaluatePoint is Evaluate without the ends: every quote's MonthlyLow and
// MonthlyHigh are its Monthly until WithEnds sets them. The ends re-price
// every option twice, about as much work again as the point, and the
// ranking is the point's alone: an app can show it at once and add the
// ends when they are ready.
func EvaluatePoint(w Workload, c *Catalog) (Result, error) {
	var x Cache
	return x.EvaluatePoint(w, c)
}

// evaluatePoint prices every option on engine e, whose classes' rows are
// rows, and ranks them.
func evaluatePoint(e *engine, rows []*classRow) Result {
	c, n := e.c, len(e.w.Classes)
	// Every quote and every quote's classes in one allocation each: the
	// count is known (each model, the mix over all providers and one per
	// provider, each plan), and this runs on every keystroke.
	nq := len(e.models) + 1 + len(e.providers) + len(c.Plans)
	qs := make([]Quote, 0, nq)
	e.classBuf = make([]ClassQuote, nq*n)
	for mi := range e.models {
		qs = qs[:mi+1]
		e.apiQuote(mi, &qs[mi])
	}
	api := qs[:len(e.models)]
	for pr := -1; pr < len(e.providers); pr++ {
		qs = qs[:len(qs)+1]
		e.mixQuote(pr, api, &qs[len(qs)-1])
	}
	for i := range qs {
		if q := &qs[i]; q.Eligible && (!e.hasA || q.Monthly < e.bestA) {
			e.bestA, e.hasA = q.Monthly, true
		}
	}
	if e.memo != nil && e.memo.plans != nil {
		e.plans = e.memo.plans // read only, as every engine's plans are
	} else {
		e.plans = make([]planPre, len(c.Plans))
		cls := make([]*planClass, len(c.Plans)*n)
		for pi := range c.Plans {
			pcs := cls[pi*n : (pi+1)*n : (pi+1)*n]
			for ci := range n {
				pcs[ci] = &rows[ci].plans[pi]
			}
			e.plans[pi] = e.assemblePlan(pi, pcs, func(ci, li int) float64 { return rows[ci].units[pi][li] })
		}
		if e.memo != nil {
			e.memo.plans, e.memo.notes = e.plans, make([][]Note, len(c.Plans))
		}
	}
	for pi := range c.Plans {
		qs = qs[:len(qs)+1]
		e.planQuote(pi, &qs[len(qs)-1])
	}
	e.memo = nil // the result keeps nothing of the Cache's that changes
	setPerTask(qs, e.total)
	Rank(qs)
	r := Result{Quotes: qs, TotalTasks: e.total, e: e, index: make(map[string]int, len(qs))}
	for i := range qs {
		r.index[qs[i].ID] = i
	}
	return r
}

// setPerTask gives each quote its cost per task: its monthly cost over
// total, the tasks a month; none without tasks.
func setPerTask(qs []Quote, total float64) {
	if total <= 0 {
		return
	}
	for i := range qs {
		qs[i].PerTask = qs[i].Monthly / total
	}
}

// Restated is r's work priced another way: qs, ranked (a replay of the
// records r's workload was derived from), each with its cost per task over
// r's tasks, as r's own quotes have theirs. qs is taken, not copied. It
// evaluates nothing: it has no ends, flip points or sunsets of its own.
func (r *Result) Restated(qs []Quote) Result {
	setPerTask(qs, r.TotalTasks)
	return Result{Quotes: qs, TotalTasks: r.TotalTasks}
}

// Ends are options' monthly costs at the two ends of the estimates, by
// option ID: {kindest, dearest}. An option missing from it has none.
type Ends map[string][2]float64

// Ends prices every eligible option at the ends of the estimates. With an
// estimated language factor, every option at each corner (factors low and
// limits high, factors high and limits low), routes and serving models
// chosen again; otherwise each plan with a ranged limit at its limits'
// ends. It is safe to call beside other reads of r (its scratch is its
// own), so an app may run it off the keystroke path.
func (r *Result) Ends() Ends {
	if r.e == nil {
		return nil
	}
	e := *r.e
	e.uc, e.over, e.route = nil, nil, nil
	out := Ends{}
	if e.ranged {
		lo := endCosts(&e, atLowFactors, atHigh)
		hi := endCosts(&e, atHighFactors, atLow)
		for i := range r.Quotes {
			if q := &r.Quotes[i]; q.Eligible {
				out[q.ID] = [2]float64{lo[q.ID], hi[q.ID]}
			}
		}
		return out
	}
	for pi := range e.plans {
		p := e.plans[pi].p
		q, ok := r.Find(p.ID)
		if !ok || !q.Eligible || !slices.ContainsFunc(p.Limits, func(l Limit) bool { return l.Ranged() }) {
			continue
		}
		out[p.ID] = [2]float64{e.planCost(pi, 1, atHigh, false).total, e.planCost(pi, 1, atLow, false).total}
	}
	return out
}

// WithEnds is r with each quote's ends from ends; r's own quotes are left
// as they are, since others may be reading them.
func (r Result) WithEnds(ends Ends) Result {
	r.Quotes = slices.Clone(r.Quotes)
	r.setEnds(ends)
	return r
}

func (r *Result) setEnds(ends Ends) {
	for i := range r.Quotes {
		if q := &r.Quotes[i]; q.Eligible {
			if v, ok := ends[q.ID]; ok {
				q.MonthlyLow, q.MonthlyHigh = v[0], v[1]
			}
		}
	}
}

// Rank sorts quotes: eligible ones by monthly cost then name, then the
// ineligible ones the same way. It sorts indices and then moves each quote
// into place along the permutation's cycles, with one quote aside: quotes
// are large, and this runs on every keystroke.
func Rank(qs []Quote) {
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &qs[i], &qs[j]
		if a.Eligible != b.Eligible {
			if a.Eligible {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.Monthly, b.Monthly); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	// qs[i] is to hold the quote now at idx[i]. Each cycle i → idx[i] → …
	// is walked once; a walked position is marked with -1.
	for i := range idx {
		if idx[i] < 0 || idx[i] == i {
			continue
		}
		tmp := qs[i]
		j := i
		for idx[j] != i {
			k := idx[j]
			qs[j] = qs[k]
			idx[j] = -1
			j = k
		}
		qs[j] = tmp
		idx[j] = -1
	}
}

// Find returns the quote with the given id.
func (r *Result) Find(id string) (*Quote, bool) {
	i, ok := r.index[id]
	if !ok {
		return nil, false
	}
	return &r.Quotes[i], true
}

// CostAt is the effective monthly cost of option id when every class count is
// scaled by k. API options and mixes scale linearly; plans re-run their limits.
func (r *Result) CostAt(id string, k float64) (float64, bool) {
	q, ok := r.Find(id)
	if !ok || !q.Eligible || r.e == nil {
		return 0, false
	}
	if q.Kind != KindSubscription {
		return k * q.Monthly, true
	}
	for pi := range r.e.plans {
		if r.e.plans[pi].p.ID == id {
			pc := r.e.planCost(pi, k, atCapacity, false)
			return pc.total, pc.ok
		}
	}
	return 0, false
}

// CostsAt is CostAt at each volume scale of ks, into out (as long as ks),
// NaN where the option cannot carry the work; false when r has no eligible
// option id. A chart's curve, looked up once rather than at every point.
func (r *Result) CostsAt(id string, ks, out []float64) bool {
	q, ok := r.Find(id)
	if !ok || !q.Eligible || r.e == nil {
		return false
	}
	if q.Kind != KindSubscription {
		for j, k := range ks {
			out[j] = k * q.Monthly
		}
		return true
	}
	for pi := range r.e.plans {
		if r.e.plans[pi].p.ID == id {
			for j, k := range ks {
				if pc := r.e.planCost(pi, k, atCapacity, false); pc.ok {
					out[j] = pc.total
				} else {
					out[j] = math.NaN()
				}
			}
			return true
		}
	}
	return false
}

// apiQuote prices model mi alone into q, a zero quote: filled where it
// lies, since quotes are large and copying them into the heap costs.
func (e *engine) apiQuote(mi int, q *Quote) {
	m := e.models[mi]
	q.ID, q.Name, q.Kind, q.Vendor, q.Eligible, q.Fits = e.apiIDs[mi], m.Name, KindAPI, m.Provider, true, true
	q.Classes = e.classes()
	for ci := range e.w.Classes {
		cl, x, t := &e.w.Classes[ci], &e.cells[ci][mi], e.tasks[ci]
		cq := &q.Classes[ci]
		cq.Name, cq.Via, cq.Tasks, cq.Model, cq.ModelName = cl.Name, cl.Channel(), t, m.ID, m.Name
		cq.InputTokens, cq.OutputTokens, cq.Cost, cq.Fits, cq.Why = t*x.sh.sumIn, t*x.sh.sumOut, t*x.cost, x.ok, x.why
		if x.why != WhyNone {
			cq.Reason = apiReason(cl, m, x.sh, x.why)
		}
		if !x.ok && q.Eligible {
			q.Eligible, q.Fits, q.Why = false, false, x.why
			q.Reason = cq.Reason
			q.Reason.Class = cl.Name
		}
		q.Monthly += cq.Cost
	}
	q.Base = q.Monthly
	q.MonthlyLow, q.MonthlyHigh = q.Monthly, q.Monthly
	q.Providers = 1
	q.Factors = e.factors[mi]
	q.Notes = e.notes[mi]
	q.Sources = e.sources[mi]
}

// routeOf is the index of class ci's cheapest ok model of provider ("" for
// any), -1 when none; ties go to the first in catalog order.
func (e *engine) routeOf(ci int, provider string) int {
	bi := -1
	for mi, m := range e.models {
		if provider != "" && m.Provider != provider {
			continue
		}
		if x := &e.cells[ci][mi]; x.ok && (bi < 0 || x.cost < e.cells[ci][bi].cost) {
			bi = mi
		}
	}
	return bi
}

// endCosts prices every option at one end of the estimates: factors at
// fend, limits at capEnd, routes and serving models chosen again. An option
// that cannot carry the work there costs +Inf.
func endCosts(point *engine, fend factorEnd, capEnd capAt) map[string]float64 {
	e := newEngine(point.w, point.prep, fend, nil, point)
	c := e.c
	out := make(map[string]float64, len(e.models)+len(c.Plans)+len(e.providers)+1)
	for mi := range e.models {
		cost := 0.0
		for ci := range e.w.Classes {
			if x := &e.cells[ci][mi]; x.ok {
				cost += e.tasks[ci] * x.cost
			} else {
				cost = math.Inf(1)
			}
		}
		out[e.apiIDs[mi]] = cost
	}
	for _, p := range append([]string{""}, e.providers...) {
		cost := 0.0
		for ci := range e.w.Classes {
			if bi := e.routeOf(ci, p); bi >= 0 {
				cost += e.tasks[ci] * e.cells[ci][bi].cost
			} else {
				cost = math.Inf(1)
			}
		}
		id := "mix:all"
		if p != "" {
			id = "mix:" + p
		}
		out[id] = cost
	}
	e.plans = make([]planPre, len(c.Plans))
	for pi := range c.Plans {
		if pp := &point.plans[pi]; !e.plansRanged(pp.p) {
			// Serving models and units are the point's; only the vendor
			// route for the API credit reads this end's cells.
			e.plans[pi] = *pp
			e.plans[pi].cls = make([]*planClass, len(pp.cls))
			for ci, pc := range pp.cls {
				at := *pc
				at.vendor = e.vendorRoute(ci, pp.p.Vendor)
				e.plans[pi].cls[ci] = &at
			}
		} else {
			e.plans[pi] = e.preparePlan(pi)
		}
		out[c.Plans[pi].ID] = e.planCost(pi, 1, capEnd, false).total
	}
	return out
}

// plansRanged reports whether some model plan p lists has a factor with a
// range, so that its serving models or units may differ at an end.
func (e *engine) plansRanged(p *Subscription) bool {
	for _, id := range p.Models {
		if m, ok := e.c.Model(id); ok && e.lambda(m.Tokenizer).Ranged() {
			return true
		}
	}
	return false
}

// mixQuote routes each class to its cheapest ok model of provider pr (an
// index into providers), or of any provider when pr is -1, into q, a zero
// quote, where it lies.
func (e *engine) mixQuote(pr int, api []Quote, q *Quote) {
	q.ID, q.Name, q.Kind, q.Eligible, q.Fits = "mix:all", "API mix, all providers", KindMix, true, true
	provider := ""
	if pr >= 0 {
		provider = e.providers[pr]
		q.ID, q.Name, q.Vendor = e.mixIDs[pr], e.mixNames[pr], provider
	}
	q.Classes = e.classes()
	var vendors []string
	for ci := range e.w.Classes {
		cl := &e.w.Classes[ci]
		bi := e.routeOf(ci, provider)
		t := e.tasks[ci]
		cq := &q.Classes[ci]
		cq.Name, cq.Via, cq.Tasks = cl.Name, cl.Channel(), t
		if bi < 0 {
			cq.Reason, cq.Why = Reason{Kind: ReasonNoModel}, WhyNoRoute
			if q.Eligible {
				q.Eligible, q.Fits, q.Why = false, false, WhyNoRoute
				q.Reason = Reason{Kind: ReasonNoModelInScope, Class: cl.Name}
			}
		} else {
			m, x := e.models[bi], &e.cells[ci][bi]
			cq.Model, cq.ModelName, cq.Fits = m.ID, m.Name, true
			cq.InputTokens, cq.OutputTokens, cq.Cost = t*x.sh.sumIn, t*x.sh.sumOut, t*x.cost
			q.Monthly += cq.Cost
			if !slices.ContainsFunc(q.Sources, func(s Source) bool { return s.ID == m.ID }) {
				q.Sources = append(q.Sources, e.sources[bi][0])
				q.Notes = append(q.Notes, e.notes[bi]...)
				q.Factors = e.addFactor(q.Factors, m.Tokenizer)
			}
			if !slices.Contains(vendors, m.Provider) {
				vendors = append(vendors, m.Provider)
			}
		}
	}
	q.Base = q.Monthly
	q.MonthlyLow, q.MonthlyHigh = q.Monthly, q.Monthly
	q.Providers = len(vendors)
	if q.Eligible {
		for i := range api {
			a := &api[i]
			if a.Eligible && (provider == "" || a.Vendor == provider) && (!q.HasSaving || a.Monthly-q.Monthly < q.Saving) {
				q.HasSaving, q.Saving, q.SavingVs = true, a.Monthly-q.Monthly, a.Name
			}
		}
	}
}
