package model

import (
	"math"
	"slices"
)

// hoursPerMonth is 365.25·24/12, the mean month in hours.
const hoursPerMonth = 730.5

// planPre is what a plan's quote needs at any volume scale.
type planPre struct {
	p       *Subscription
	seats   int
	price   float64 // one seat a month, at the billing in use
	base    float64
	annual  bool         // the annual price is in use
	factors []FactorUse  // estimated factors of the serving models
	cls     []*planClass // per class: read only, a Cache's rows may share them
	units   [][]float64  // [limit][class] units per task; 0 when the limit does not count it
}

// planClass is one class seen by one plan.
type planClass struct {
	fit     bool
	why     Why
	reason  Reason    // why it does not fit
	serving *APIModel // the plan's model that serves it; nil when it does not fit
	sh      shape     // on the serving model, in its tokenizer
	cost    float64   // one task on the serving model at API list prices
	vendor  int       // cheapest ok model of the plan's vendor, -1 if none
}

// servingModel picks, among the plan's models ms that the class may use (tier
// ≥ min_tier, feasible within the model's and the plan's context window and
// the model's max output), the one with the lowest task cost at API list
// prices; ties go to the first listed. It also says why none qualifies, in
// the order tier, context, output.
func (e *engine) servingModel(p *Subscription, ms []*APIModel, cl *Class, pc *planClass) {
	noBatch := *cl
	noBatch.Batch = false
	tierOK, ctxOK := false, false
	best := shapeOf(cl, 1) // what is shown when no model serves it and no API model carries it
	for _, m := range ms {
		if m.Tier < cl.MinTier {
			continue
		}
		tierOK = true
		lam := e.lam(m)
		sh := shapeOf(cl, lam)
		if sh.lastTotal > m.ContextWindow || (p.ContextWindow > 0 && sh.lastTotal > p.ContextWindow) {
			best = sh
			continue
		}
		ctxOK = true
		if m.MaxOutput > 0 && sh.outPerTurn > m.MaxOutput {
			best = sh
			continue
		}
		if cost := TaskCost(&noBatch, m, lam); pc.serving == nil || cost < pc.cost {
			pc.serving, pc.sh, pc.cost = m, sh, cost
			pc.fit = true
		}
	}
	if pc.fit {
		return
	}
	pc.sh = best
	switch {
	case len(ms) == 0:
		pc.reason, pc.why = Reason{Kind: ReasonNoModels}, WhyNoRoute
	case !tierOK:
		pc.reason, pc.why = Reason{Kind: ReasonTier, NeedTier: cl.MinTier, HaveTier: bestTier(ms)}, WhyTier
	case !ctxOK:
		pc.reason, pc.why = Reason{Kind: ReasonContext, Need: best.lastTotal, Have: planWindow(p, ms, cl.MinTier)}, WhyContext
	default:
		pc.reason, pc.why = Reason{Kind: ReasonOutput, Need: best.outPerTurn}, WhyOutput
	}
}

// bestTier is the highest tier among the plan's models ms.
func bestTier(ms []*APIModel) Tier {
	t := Small
	for _, m := range ms {
		t = max(t, m.Tier)
	}
	return t
}

// planWindow is the largest context plan p gives a class of min_tier tier.
func planWindow(p *Subscription, ms []*APIModel, tier Tier) float64 {
	w := 0.0
	for _, m := range ms {
		if m.Tier >= tier {
			w = max(w, m.ContextWindow)
		}
	}
	if p.ContextWindow > 0 {
		w = math.Min(w, p.ContextWindow)
	}
	return w
}

// planClassOf sees class cl on plan pi: its serving model and why it does
// not fit, the plan vendor's route in the class's cells row, and into
// units, per limit of the plan, the units of one task.
func (e *engine) planClassOf(pi int, cl *Class, row []cell, pc *planClass, units []float64) {
	p := &e.c.Plans[pi]
	if v := cl.Channel(); !p.Allows(v) {
		pc.reason, pc.why = Reason{Kind: ReasonVia, Via: v}, WhyVia
		pc.sh = shapeOf(cl, 1)
	} else {
		e.servingModel(p, e.planMs[pi], cl, pc)
	}
	pc.vendor = vendorRoute(e.models, row, p.Vendor)
	for li := range p.Limits {
		if l := &p.Limits[li]; pc.fit && l.Counts(pc.serving.Tier, pc.serving.ID, cl.Channel()) {
			units[li] = unitsPerTask(pc, l)
		}
	}
}

// preparePlan sees every class on plan pi at the engine's end.
func (e *engine) preparePlan(pi int) planPre {
	n, nl := len(e.w.Classes), len(e.c.Plans[pi].Limits)
	cls := make([]planClass, n)
	pcs := make([]*planClass, n)
	units := make([]float64, n*nl) // [class][limit]
	for ci := range e.w.Classes {
		e.planClassOf(pi, &e.w.Classes[ci], e.cells[ci], &cls[ci], units[ci*nl:(ci+1)*nl])
		pcs[ci] = &cls[ci]
	}
	return e.assemblePlan(pi, pcs, func(ci, li int) float64 { return units[ci*nl+li] })
}

// assemblePlan is plan pi for the workload, from each class seen on it
// (cls) and units(ci, li), the units of one task of class ci on limit li.
func (e *engine) assemblePlan(pi int, cls []*planClass, units func(ci, li int) float64) planPre {
	p := &e.c.Plans[pi]
	pp := planPre{p: p, seats: max(e.w.People, p.SeatsMin, 1), cls: cls}
	price := p.PriceMonthly
	if e.w.Billing == Annual && p.PriceAnnual != nil {
		price, pp.annual = *p.PriceAnnual/12, true
	}
	pp.price, pp.base = price, float64(pp.seats)*price
	for _, pc := range cls {
		if pc.fit {
			pp.factors = e.addFactor(pp.factors, pc.serving.Tokenizer)
		}
	}
	n := len(cls)
	pp.units = make([][]float64, len(p.Limits))
	all := make([]float64, n*len(p.Limits))
	for li := range p.Limits {
		pp.units[li] = all[li*n : (li+1)*n : (li+1)*n]
		for ci := range n {
			pp.units[li][ci] = units(ci, li)
		}
	}
	return pp
}

// vendorRoute is class ci's cheapest ok model of the plan vendor's, -1 if none.
func (e *engine) vendorRoute(ci int, vendor string) int {
	return vendorRoute(e.models, e.cells[ci], vendor)
}

// vendorRoute is the cheapest ok model of vendor's in a class's cells row
// (one cell per model of models), -1 if none.
func vendorRoute(models []*APIModel, row []cell, vendor string) int {
	bi := -1
	for mi, m := range models {
		if m.Provider == vendor && row[mi].ok && (bi < 0 || row[mi].cost < row[bi].cost) {
			bi = mi
		}
	}
	return bi
}

// unitsPerTask counts one task against a limit, from its turns on the
// serving model: Σ_t max(1, (in_t+out_t)/ref) messages (T without a
// reference size), Σ_t (in_t+out_t) tokens, or the task's API list cost;
// times the serving model's weight.
func unitsPerTask(pc *planClass, l *Limit) float64 {
	sh := &pc.sh
	w := l.Weight(pc.serving.ID)
	switch {
	case l.USD > 0:
		return w * pc.cost
	case l.Tokens > 0:
		return w * (sh.sumIn + sh.sumOut)
	case l.ReferenceTokens <= 0:
		return w * float64(sh.turns)
	}
	u := 0.0
	for t := range sh.turns {
		u += max(1, sh.turnTotal(t)/l.ReferenceTokens)
	}
	return w * u
}

// planCost is a plan's cost at volume scale k.
type planCostResult struct {
	total, overflow, credit float64
	overage                 float64 // billed by the plan for units beyond limits with an overage price (in overflow)
	ok                      bool    // every overflowing class has an API route
	util                    float64 // largest utilization
	limits                  []LimitUse
	over                    []float64 // per class: overflowing tasks
	route                   []int     // per class: model index carrying the overflow, -1 none
}

// demandFactor turns daily units into units per window: a window shorter than
// a day sees its share of the working hours; a longer one sees the working
// days that fall in it, at least one.
func (e *engine) demandFactor(windowHours float64) float64 {
	if windowHours < 24 {
		return min(1, windowHours/e.w.HoursPerDay)
	}
	return max(1, e.w.DaysPerMonth*windowHours/hoursPerMonth)
}

// capAt says which end of each limit's range a cost is priced at.
type capAt int

const (
	atCapacity capAt = iota
	atLow            // every limit at its low end: the dearest case
	atHigh           // every limit at its high end: the kindest case
)

func (a capAt) of(l *Limit) float64 {
	switch a {
	case atLow:
		return l.CapacityLow()
	case atHigh:
		return l.CapacityHigh()
	}
	return l.Capacity()
}

// limitUse is limit li of plan pp: its monthly units, demand per window
// and utilization (its capacity at at) when k·tasks − less tasks of each
// class run on the plan a month (less nil: none less). A method, not a
// closure: break-even runs it thousands of times a keystroke.
func (e *engine) limitUse(pp *planPre, li int, k float64, less []float64, at capAt) (monthly, demand, util float64) {
	l := &pp.p.Limits[li]
	units := pp.units[li]
	for ci, t := range e.tasks {
		on := k * t
		if less != nil {
			on -= less[ci]
		}
		monthly += on * units[ci]
	}
	daily := monthly / (e.w.DaysPerMonth * float64(pp.seats))
	demand = daily * e.demandFactor(l.WindowHours)
	if c := at.of(l); c > 0 {
		util = demand / c
	}
	return monthly, demand, util
}

func (e *engine) planCost(pi int, k float64, at capAt, detail bool) planCostResult {
	pp := &e.plans[pi]
	n := len(e.w.Classes)
	var r planCostResult
	r.ok = true
	// Scratch buffers: break-even calls this dozens of times per plan, and the
	// results are read before the next call.
	if len(e.uc) < n {
		e.uc, e.over, e.route = make([]float64, n), make([]float64, n), make([]int, n)
	}
	uc := e.uc[:n] // per class: largest utilization of the limits counting it
	clear(uc)
	if detail {
		r.limits = make([]LimitUse, len(pp.p.Limits))
	}
	// Limits without an overage price decide what overflows to the API.
	for li := range pp.p.Limits {
		l := &pp.p.Limits[li]
		if l.Overage > 0 {
			continue
		}
		_, demand, util := e.limitUse(pp, li, k, nil, at)
		r.util = max(r.util, util)
		for ci := range n {
			if pp.units[li][ci] > 0 {
				uc[ci] = max(uc[ci], util)
			}
		}
		if detail {
			r.limits[li] = LimitUse{Limit: *l, Demand: demand, Utilization: util}
		}
	}
	r.over, r.route = e.over[:n], e.route[:n]
	clear(r.over)
	for ci := range n {
		switch {
		case !pp.cls[ci].fit:
			r.over[ci] = k * e.tasks[ci]
		case uc[ci] > 1:
			r.over[ci] = k * e.tasks[ci] * (1 - 1/uc[ci])
		}
	}
	// A limit with an overage price bills the units beyond it, of the
	// tasks that stay on the plan: the share 1 − 1/u of them.
	for li := range pp.p.Limits {
		l := &pp.p.Limits[li]
		if l.Overage <= 0 {
			continue
		}
		monthly, demand, util := e.limitUse(pp, li, k, r.over, at)
		r.util = max(r.util, util)
		if util > 1 {
			r.overage += l.Overage * monthly * (1 - 1/util)
		}
		if detail {
			r.limits[li] = LimitUse{Limit: *l, Demand: demand, Utilization: util}
		}
	}
	plain, vendorPart, others := 0.0, 0.0, 0.0
	for ci := range n {
		r.route[ci] = -1
		if r.over[ci] <= 0 {
			continue
		}
		bi := e.best[ci]
		if bi < 0 {
			r.ok = false
			continue
		}
		r.route[ci] = bi
		plain += r.over[ci] * e.cells[ci][bi].cost
		if vi := pp.cls[ci].vendor; vi >= 0 {
			vendorPart += r.over[ci] * e.cells[ci][vi].cost
		} else {
			others += r.over[ci] * e.cells[ci][bi].cost
		}
	}
	r.overflow = plain
	if credit := pp.p.APICreditMonthly * float64(pp.seats); credit > 0 && r.ok {
		if alt := max(0, vendorPart-credit) + others; alt < plain {
			r.overflow, r.credit = alt, min(credit, vendorPart)
			for ci := range n {
				if r.over[ci] > 0 && pp.cls[ci].vendor >= 0 {
					r.route[ci] = pp.cls[ci].vendor
				}
			}
		}
	}
	r.overflow += r.overage
	r.total = pp.base + r.overflow
	if !r.ok {
		r.total = math.Inf(1)
	}
	return r
}

// planQuote prices plan pi into q, a zero quote, where it lies.
func (e *engine) planQuote(pi int, q *Quote) {
	pp := &e.plans[pi]
	p := pp.p
	q.ID, q.Name, q.Kind, q.Vendor, q.Seats = p.ID, p.Name, KindSubscription, p.Vendor, pp.seats
	q.Capped, q.Free = len(p.Limits) > 0, p.Free()
	r := e.planCost(pi, 1, atCapacity, true)
	q.Eligible, q.Base, q.SeatPrice, q.Overflow, q.Credit, q.Overage = r.ok, pp.base, pp.price, r.overflow, r.credit, r.overage
	q.Monthly = pp.base + r.overflow
	q.MonthlyLow, q.MonthlyHigh = q.Monthly, q.Monthly
	for _, l := range p.Limits {
		q.Estimated = q.Estimated || l.Ranged() || l.Confidence == "estimate" || l.Confidence == ""
	}
	q.Utilization, q.Limits = r.util, r.limits
	q.Fits = r.ok && r.overage == 0
	q.Classes = e.classes()
	// The plan's own source, then each model a class runs on, once: the
	// models are gathered first so that the sources take one allocation.
	var few [8]*APIModel
	used := few[:0]
	source := func(m *APIModel) {
		if !slices.ContainsFunc(used, func(u *APIModel) bool { return u.ID == m.ID }) {
			used = append(used, m)
		}
	}
	for ci := range e.w.Classes {
		cl, t := &e.w.Classes[ci], e.tasks[ci]
		pc := pp.cls[ci]
		sh := &pc.sh
		if !pc.fit && r.route[ci] >= 0 {
			sh = &e.cells[ci][r.route[ci]].sh // the tokens are those of the model that carries them
		}
		cq := &q.Classes[ci]
		cq.Name, cq.Via, cq.Tasks, cq.OnPlan, cq.Fits = cl.Name, cl.Channel(), t, t-r.over[ci], pc.fit && r.over[ci] == 0
		cq.InputTokens, cq.OutputTokens, cq.Reason, cq.Why = t*sh.sumIn, t*sh.sumOut, pc.reason, pc.why
		if pc.fit {
			cq.Serving = pc.serving.ID
			source(pc.serving)
		}
		if r.over[ci] > 0 {
			q.Fits = false
			if pc.fit {
				cq.Reason = Reason{Kind: ReasonCaps, Share: r.over[ci] / t}
				cq.Why = WhyCaps
			}
			if mi := r.route[ci]; mi >= 0 {
				m := e.models[mi]
				cq.Model, cq.ModelName, cq.Cost = m.ID, m.Name, r.over[ci]*e.cells[ci][mi].cost
				source(m)
			} else {
				cq.Reason.NoRoute = true
				cq.Why = WhyNoRoute
			}
		}
		// The quote's reason is the first class's, except that a class the plan
		// cannot take at all outranks one that merely runs over the caps.
		if cq.Reason.Given() && (!q.Reason.Given() || (q.Why == WhyCaps && cq.Why != WhyCaps)) {
			q.Reason, q.Why = cq.Reason, cq.Why
			q.Reason.Class = cl.Name
		}
	}
	q.Sources = make([]Source, 1+len(used))
	q.Sources[0] = Source{ID: p.ID, Name: p.Name, Provenance: p.Provenance}
	for i, m := range used {
		q.Sources[1+i] = Source{ID: m.ID, Name: m.Name, Provenance: m.Provenance}
	}
	if r.credit > 0 {
		// The credit came off the vendor part as a whole; show per-class cost
		// before the credit and the credit once.
		q.Notes = append(q.Notes, Note{Kind: NoteCredit, USD: r.credit})
	}
	if r.overage > 0 {
		q.Notes = append(q.Notes, Note{Kind: NoteOverage, USD: r.overage})
		if !q.Reason.Given() {
			q.Reason, q.Why = Reason{Kind: ReasonOverage}, WhyCaps
		}
	}
	q.Notes = e.planNotes(q.Notes, pi)
	q.Factors = pp.factors
	if !slices.ContainsFunc(pp.cls, func(pc *planClass) bool { return pc.fit }) {
		// Every task would run on the API: the plan is only the API with a
		// fee on top, not an option.
		q.Eligible = false
		if !q.Reason.Given() {
			q.Reason.Kind = ReasonNoClasses
		}
		q.Reason.Kind, q.Reason.Inner = ReasonCarriesNone, q.Reason.Kind
	}
	if q.Eligible {
		q.BreakEven, q.HasBreakEven = e.breakEven(pi)
	}
}

// planNotes are notes followed by plan pi's notes for the workload: its
// seats and billing, its serving models' estimated factors, then what the
// catalog says of its limits (the prep's, shared when nothing comes
// before them). Through a Cache, a plan's notes with nothing before them
// are made once for its rows, people and billing.
func (e *engine) planNotes(notes []Note, pi int) []Note {
	if len(notes) > 0 || e.memo == nil {
		return e.makePlanNotes(notes, pi)
	}
	if e.memo.notes[pi] == nil {
		e.memo.notes[pi] = e.makePlanNotes(nil, pi)
	}
	return e.memo.notes[pi]
}

// makePlanNotes is planNotes made anew, clipped so that appending copies.
func (e *engine) makePlanNotes(notes []Note, pi int) []Note {
	pp := &e.plans[pi]
	tail := e.planTail[pi]
	seats, noAnnual := pp.seats > e.w.People, e.w.Billing == Annual && !pp.annual
	if len(notes) == 0 && !seats && !noAnnual && len(pp.factors) == 0 {
		return tail
	}
	out := make([]Note, 0, len(notes)+2+len(pp.factors)+len(tail))
	out = append(out, notes...)
	if seats {
		out = append(out, Note{Kind: NoteMinSeats, Seats: pp.seats})
	}
	if noAnnual {
		out = append(out, Note{Kind: NoteNoAnnual})
	}
	for _, f := range pp.factors {
		out = append(out, Note{Kind: NoteFactor, Factor: f})
	}
	return slices.Clip(append(out, tail...))
}

// planTail is what the catalog says of plan p's limits whatever the
// workload, clipped so that appending to it copies; nil when nothing.
func planTail(p *Subscription) []Note {
	var notes []Note
	if p.Uncapped {
		notes = append(notes, Note{Kind: NoteVendorUncapped})
	} else if len(p.Limits) == 0 && !p.Free() {
		notes = append(notes, Note{Kind: NoteNoLimit})
	}
	for li := range p.Limits {
		if l := &p.Limits[li]; l.Ranged() || l.Confidence == "estimate" || l.Confidence == "" {
			notes = append(notes, limitNote(l))
		}
	}
	return slices.Clip(notes)
}

// breakEven finds k* where effective(k) = k·A by bisection on [1/64, 64];
// effective(k) − k·A never rises, so one sign change brackets the root.
func (e *engine) breakEven(pi int) (float64, bool) {
	if !e.hasA || e.bestA <= 0 || e.plans[pi].base <= 0 {
		return 0, false
	}
	f := func(k float64) float64 { return e.planCost(pi, k, atCapacity, false).total - k*e.bestA }
	lo, hi := 1.0/64, 64.0
	flo, fhi := f(lo), f(hi)
	if flo < 0 || fhi > 0 {
		return 0, false
	}
	for range 200 {
		mid := (lo + hi) / 2
		if hi-lo <= 1e-15*hi {
			break
		}
		if f(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2, true
}
