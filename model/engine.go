package model

import (
	"cmp"
	"fmt"
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
	cost  float64 // per task
	sh    shape
	ok    bool // feasible and tier-ok
	why   Why
	lamOK bool
}

// engine holds what every option of one evaluation shares: tasks per class
// and each class priced on each usable model. Options at any volume scale k
// are then cheap sums, which break-even and the chart rely on.
type engine struct {
	w      *Workload
	c      *Catalog
	tasks  []float64
	total  float64
	models []*APIModel // usable models, catalog order
	cells  [][]cell    // [class][model]
	best   []int       // per class: cheapest ok model index, -1 if none
	plans  []planPre
	bestA  float64 // cost of the best eligible API option at k = 1
	hasA   bool

	uc, over []float64 // scratch for planCost
	route    []int

	planModels []*APIModel // scratch for preparePlan

	classBuf []ClassQuote // backing store for every quote's Classes
	notes    [][]Note     // per model: its notes, made once
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

// modelNotes are the notes a model brings to any quote that uses it. The
// slice is clipped so that appending to it copies.
func (e *engine) modelNotes(mi int) []Note {
	if e.notes == nil {
		e.notes = make([][]Note, len(e.models))
	}
	if e.notes[mi] == nil {
		m := e.models[mi]
		notes := []Note{}
		if _, ok := e.c.Factor(m.Tokenizer, e.w.Language); !ok {
			notes = append(notes, Note{Kind: NoteNoFactor, Model: m.Name, Language: e.w.Language, Tokenizer: m.Tokenizer})
		}
		if m.Status == "legacy" || m.Status == "preview" {
			notes = append(notes, Note{Kind: NoteModelStatus, Model: m.Name, Status: m.Status})
		}
		if m.Confidence == "estimate" {
			notes = append(notes, Note{Kind: NoteModelEstimate, Model: m.Name})
		}
		e.notes[mi] = slices.Clip(notes)
	}
	return e.notes[mi]
}

func newEngine(w *Workload, c *Catalog) *engine {
	e := &engine{w: w, c: c}
	e.tasks = make([]float64, len(w.Classes))
	for i, cl := range w.Classes {
		e.tasks[i] = w.TasksPerMonth(cl)
		e.total += e.tasks[i]
	}
	for i := range c.Models {
		if c.Models[i].Usable() {
			e.models = append(e.models, &c.Models[i])
		}
	}
	e.cells = make([][]cell, len(w.Classes))
	e.best = make([]int, len(w.Classes))
	for ci := range w.Classes {
		cl := &w.Classes[ci]
		row := make([]cell, len(e.models))
		e.best[ci] = -1
		for mi, m := range e.models {
			lam, lamOK := c.Factor(m.Tokenizer, w.Language)
			x := cell{sh: shapeOf(cl, lam), lamOK: lamOK}
			x.cost = TaskCost(cl, m, lam)
			x.why = apiWhy(cl, m, x.sh)
			x.ok = x.why == WhyNone
			row[mi] = x
			if x.ok && (e.best[ci] < 0 || x.cost < row[e.best[ci]].cost) {
				e.best[ci] = mi
			}
		}
		e.cells[ci] = row
	}
	return e
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

// Tokens formats a token count compactly: 950, 1.5k, 33k, 1.2M.
func Tokens(n float64) string {
	switch {
	case n >= 1e6:
		return trimZero(fmt.Sprintf("%.1f", n/1e6)) + "M"
	case n >= 10e3:
		return fmt.Sprintf("%.0fk", math.Round(n/1e3))
	case n >= 1e3:
		return trimZero(fmt.Sprintf("%.1f", n/1e3)) + "k"
	}
	return fmt.Sprintf("%.0f", n)
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}

// Result is a ranked evaluation of a workload against a catalog.
type Result struct {
	Quotes     []Quote // ranked: eligible by monthly cost then name, then the rest
	TotalTasks float64
	e          *engine
	index      map[string]int
}

// Evaluate prices the workload on every option of the catalog and ranks them.
func Evaluate(w Workload, c *Catalog) (Result, error) {
	if err := w.Validate(); err != nil {
		return Result{}, err
	}
	e := newEngine(&w, c)
	qs := make([]Quote, 0, len(e.models)+len(c.Plans)+8)
	for mi := range e.models {
		qs = append(qs, e.apiQuote(mi))
	}
	qs = append(qs, e.mixQuotes(qs)...)
	for _, q := range qs {
		if q.Eligible && (!e.hasA || q.Monthly < e.bestA) {
			e.bestA, e.hasA = q.Monthly, true
		}
	}
	e.plans = make([]planPre, len(c.Plans))
	for pi := range c.Plans {
		e.plans[pi] = e.preparePlan(&c.Plans[pi])
		qs = append(qs, e.planQuote(pi))
	}
	for i := range qs {
		if e.total > 0 {
			qs[i].PerTask = qs[i].Monthly / e.total
		}
	}
	Rank(qs)
	r := Result{Quotes: qs, TotalTasks: e.total, e: e, index: make(map[string]int, len(qs))}
	for i := range qs {
		r.index[qs[i].ID] = i
	}
	return r, nil
}

// Rank sorts quotes: eligible ones by monthly cost then name, then the
// ineligible ones the same way. It sorts indices and moves each quote once:
// quotes are large, and this runs on every keystroke.
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
	sorted := make([]Quote, len(qs))
	for i, j := range idx {
		sorted[i] = qs[j]
	}
	copy(qs, sorted)
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

func (e *engine) apiQuote(mi int) Quote {
	m := e.models[mi]
	q := Quote{ID: "api:" + m.ID, Name: m.Name, Kind: KindAPI, Vendor: m.Provider, Eligible: true, Fits: true}
	q.Classes = e.classes()
	for ci, cl := range e.w.Classes {
		x := &e.cells[ci][mi]
		t := e.tasks[ci]
		cq := ClassQuote{Name: cl.Name, Tasks: t, Model: m.ID, ModelName: m.Name,
			InputTokens: t * x.sh.sumIn, OutputTokens: t * x.sh.sumOut, Cost: t * x.cost, Fits: x.ok,
			Reason: apiReason(&cl, m, x.sh, x.why), Why: x.why}
		q.Classes[ci] = cq
		if !x.ok && q.Eligible {
			q.Eligible, q.Fits, q.Why = false, false, x.why
			q.Reason = cq.Reason
			q.Reason.Class = cl.Name
		}
		q.Monthly += cq.Cost
	}
	q.Base = q.Monthly
	q.Notes = e.modelNotes(mi)
	q.Sources = []Source{{ID: m.ID, Name: m.Name, Provenance: m.Provenance}}
	return q
}

// mixQuotes routes each class to its cheapest ok model: once across all
// providers and once per provider, in catalog order of first appearance.
func (e *engine) mixQuotes(api []Quote) []Quote {
	var providers []string
	for _, m := range e.models {
		if !slices.Contains(providers, m.Provider) {
			providers = append(providers, m.Provider)
		}
	}
	out := []Quote{e.mixQuote("", api)}
	for _, p := range providers {
		out = append(out, e.mixQuote(p, api))
	}
	return out
}

func (e *engine) mixQuote(provider string, api []Quote) Quote {
	q := Quote{ID: "mix:all", Name: "API mix, all providers", Kind: KindMix, Vendor: provider, Eligible: true, Fits: true}
	if provider != "" {
		q.ID, q.Name = "mix:"+provider, "API mix, "+provider
	}
	q.Classes = e.classes()
	used := map[string]bool{}
	for ci, cl := range e.w.Classes {
		bi := -1
		for mi, m := range e.models {
			if provider != "" && m.Provider != provider {
				continue
			}
			if x := &e.cells[ci][mi]; x.ok && (bi < 0 || x.cost < e.cells[ci][bi].cost) {
				bi = mi
			}
		}
		t := e.tasks[ci]
		cq := ClassQuote{Name: cl.Name, Tasks: t}
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
			if !used[m.ID] {
				used[m.ID] = true
				q.Sources = append(q.Sources, Source{ID: m.ID, Name: m.Name, Provenance: m.Provenance})
				q.Notes = append(q.Notes, e.modelNotes(bi)...)
			}
		}
		q.Classes[ci] = cq
	}
	q.Base = q.Monthly
	if q.Eligible {
		for i := range api {
			a := &api[i]
			if a.Eligible && (provider == "" || a.Vendor == provider) && (!q.HasSaving || a.Monthly-q.Monthly < q.Saving) {
				q.HasSaving, q.Saving, q.SavingVs = true, a.Monthly-q.Monthly, a.Name
			}
		}
	}
	return q
}
