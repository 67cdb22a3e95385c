package model

import (
	"fmt"
	"math"
)

// hoursPerMonth is 365.25·24/12, the mean month in hours.
const hoursPerMonth = 730.5

// planPre is what a plan's quote needs at any volume scale.
type planPre struct {
	p        *Subscription
	seats    int
	base     float64
	annual   bool // the annual price is in use
	lam      float64
	lamOK    bool
	ctx      float64
	bestTier Tier
	cls      []planClass
	units    [][]float64 // [limit][class] units per task; 0 when the limit does not count it
}

// planClass is one class seen by one plan.
type planClass struct {
	fit    bool
	why    Why
	reason string // why it does not fit
	sh     shape  // in the plan's tokenizer
	vendor int    // cheapest ok model of the plan's vendor, -1 if none
}

func (e *engine) preparePlan(p *Subscription) planPre {
	pp := planPre{p: p, seats: max(e.w.People, p.SeatsMin, 1), lam: 1, lamOK: true}
	price := p.PriceMonthly
	if e.w.Billing == Annual && p.PriceAnnual != nil {
		price, pp.annual = *p.PriceAnnual/12, true
	}
	pp.base = float64(pp.seats) * price
	first := true
	for _, id := range p.Models {
		m, ok := e.c.Model(id)
		if !ok {
			continue
		}
		// The plan's λ is the largest of its models': the conservative reading.
		lam, lamOK := e.c.Factor(m.Tokenizer, e.w.Language)
		if first || lam > pp.lam {
			pp.lam = lam
		}
		pp.lamOK = pp.lamOK && lamOK
		if first || m.Tier > pp.bestTier {
			pp.bestTier = m.Tier
		}
		pp.ctx = max(pp.ctx, m.ContextWindow)
		first = false
	}
	if p.ContextWindow > 0 {
		pp.ctx = p.ContextWindow
	}
	n := len(e.w.Classes)
	pp.cls = make([]planClass, n)
	for ci := range e.w.Classes {
		cl := &e.w.Classes[ci]
		sh := shapeOf(cl, pp.lam)
		pc := &pp.cls[ci]
		pc.sh = sh
		switch {
		case first:
			pc.reason, pc.why = "the plan lists no model in the catalog", WhyNoRoute
		case cl.MinTier > pp.bestTier:
			pc.reason, pc.why = fmt.Sprintf("needs %s tier; plan's best is %s", cl.MinTier, pp.bestTier), WhyTier
		case sh.lastTotal > pp.ctx:
			pc.reason, pc.why = fmt.Sprintf("needs %s context; plan gives %s", Tokens(sh.lastTotal), Tokens(pp.ctx)), WhyContext
		default:
			pc.fit = true
		}
		pc.vendor = -1
		for mi, m := range e.models {
			if m.Provider == p.Vendor && e.cells[ci][mi].ok && (pc.vendor < 0 || e.cells[ci][mi].cost < e.cells[ci][pc.vendor].cost) {
				pc.vendor = mi
			}
		}
	}
	pp.units = make([][]float64, len(p.Limits))
	for li := range p.Limits {
		l := &p.Limits[li]
		pp.units[li] = make([]float64, n)
		for ci := range e.w.Classes {
			cl := &e.w.Classes[ci]
			if !pp.cls[ci].fit || !l.Counts(cl.MinTier) {
				continue
			}
			pp.units[li][ci] = unitsPerTask(cl, l, pp.lam)
		}
	}
	return pp
}

// unitsPerTask counts one task against a limit: Σ_t max(1, (in_t+out_t)/ref)
// messages (T without a reference size), or Σ_t (in_t+out_t) tokens.
func unitsPerTask(cl *Class, l *Limit, lam float64) float64 {
	T := max(cl.Turns, 1)
	if l.Tokens <= 0 && l.ReferenceTokens <= 0 {
		return float64(T)
	}
	out := lam*cl.OutputTokens + cl.ReasoningTokens
	u := 0.0
	for t := range T {
		size := lam*(cl.InputTokens+float64(t)*(cl.OutputTokens+cl.FollowupTokens)) + out
		if l.Tokens > 0 {
			u += size
		} else {
			u += max(1, size/l.ReferenceTokens)
		}
	}
	return u
}

// planCost is a plan's cost at volume scale k.
type planCostResult struct {
	total, overflow, credit float64
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

func (e *engine) planCost(pi int, k float64, detail bool) planCostResult {
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
	for li := range pp.p.Limits {
		l := &pp.p.Limits[li]
		monthly := 0.0
		for ci := range n {
			monthly += k * e.tasks[ci] * pp.units[li][ci]
		}
		daily := monthly / (e.w.DaysPerMonth * float64(pp.seats))
		demand := daily * e.demandFactor(l.WindowHours)
		util := 0.0
		if c := l.Capacity(); c > 0 {
			util = demand / c
		}
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
	plain, vendorPart, others := 0.0, 0.0, 0.0
	for ci := range n {
		tasks := k * e.tasks[ci]
		r.route[ci] = -1
		switch {
		case !pp.cls[ci].fit:
			r.over[ci] = tasks
		case uc[ci] > 1:
			r.over[ci] = tasks * (1 - 1/uc[ci])
		}
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
	r.total = pp.base + r.overflow
	if !r.ok {
		r.total = math.Inf(1)
	}
	return r
}

func (e *engine) planQuote(pi int) Quote {
	pp := &e.plans[pi]
	p := pp.p
	q := Quote{ID: p.ID, Name: p.Name, Kind: KindSubscription, Vendor: p.Vendor, Seats: pp.seats, Capped: len(p.Limits) > 0}
	r := e.planCost(pi, 1, true)
	q.Eligible, q.Base, q.Overflow, q.Credit = r.ok, pp.base, r.overflow, r.credit
	q.Monthly = pp.base + r.overflow
	q.Utilization, q.Limits = r.util, r.limits
	q.Fits = r.ok
	q.Classes = e.classes()
	for ci, cl := range e.w.Classes {
		t := e.tasks[ci]
		sh := pp.cls[ci].sh
		cq := ClassQuote{Name: cl.Name, Tasks: t, OnPlan: t - r.over[ci], Fits: pp.cls[ci].fit && r.over[ci] == 0,
			InputTokens: t * sh.sumIn, OutputTokens: t * sh.sumOut, Reason: pp.cls[ci].reason, Why: pp.cls[ci].why}
		if r.over[ci] > 0 {
			q.Fits = false
			if pp.cls[ci].fit {
				cq.Reason = fmt.Sprintf("over the usage limits: %.0f%% of tasks overflow", 100*r.over[ci]/t)
				cq.Why = WhyCaps
			}
			if mi := r.route[ci]; mi >= 0 {
				m := e.models[mi]
				cq.Model, cq.ModelName, cq.Cost = m.ID, m.Name, r.over[ci]*e.cells[ci][mi].cost
			} else {
				cq.Reason += "; no API model can take the overflow"
				cq.Why = WhyNoRoute
			}
		}
		// The quote's reason is the first class's, except that a class the plan
		// cannot take at all outranks one that merely runs over the caps.
		if cq.Reason != "" && (q.Reason == "" || (q.Why == WhyCaps && cq.Why != WhyCaps)) {
			q.Reason, q.Why = cl.Name+": "+cq.Reason, cq.Why
		}
		q.Classes[ci] = cq
	}
	if r.credit > 0 {
		// The credit came off the vendor part as a whole; show per-class cost
		// before the credit and the credit once.
		q.Notes = append(q.Notes, fmt.Sprintf("API credit of $%.2f/month covers part of the overflow", r.credit))
	}
	q.Notes = e.planNotes(q.Notes, pp)
	q.Sources = append(q.Sources, Source{ID: p.ID, Name: p.Name, Provenance: p.Provenance})
	seen := map[string]bool{}
	for _, cq := range q.Classes {
		if cq.Model != "" && !seen[cq.Model] {
			seen[cq.Model] = true
			m, _ := e.c.Model(cq.Model)
			q.Sources = append(q.Sources, Source{ID: m.ID, Name: m.Name, Provenance: m.Provenance})
		}
	}
	if q.Eligible {
		q.BreakEven, q.HasBreakEven = e.breakEven(pi)
	}
	return q
}

func (e *engine) planNotes(notes []string, pp *planPre) []string {
	p := pp.p
	if pp.seats > e.w.People {
		notes = append(notes, fmt.Sprintf("minimum %d seats", pp.seats))
	}
	if e.w.Billing == Annual && !pp.annual {
		notes = append(notes, "no annual price: billed monthly")
	}
	if !pp.lamOK {
		notes = append(notes, fmt.Sprintf("no %q language factor for this plan's tokenizer; counted like English", e.w.Language))
	}
	if len(p.Limits) == 0 && p.PriceMonthly > 0 {
		notes = append(notes, "no published usage limit: treated as uncapped")
	}
	for _, l := range p.Limits {
		if l.Confidence == "estimate" || l.Confidence == "" {
			notes = append(notes, "usage limits are estimates")
			break
		}
	}
	return notes
}

// breakEven finds k* where effective(k) = k·A by bisection on [1/64, 64];
// effective(k) − k·A never rises, so one sign change brackets the root.
func (e *engine) breakEven(pi int) (float64, bool) {
	if !e.hasA || e.bestA <= 0 || e.plans[pi].base <= 0 {
		return 0, false
	}
	f := func(k float64) float64 { return e.planCost(pi, k, false).total - k*e.bestA }
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
