package model

import (
	"math"
	"strings"
)

// Flip is a volume at which the verdict's answer changes: class Class's
// count (or, for Class -1, every count) scaled by Factor.
type Flip struct {
	Class     int    // index in the workload's classes; -1 for the whole volume
	ClassName string // "" for the whole volume
	Up        bool   // the answer changes as the volume grows (else as it shrinks)
	Factor    float64
	// Count is Factor times the class's count, in its own Per; for the whole
	// volume, Factor times all tasks per month, per month.
	Count float64
	Per   Per
	To    *Quote // the option that wins just past the flip
}

// Flip points scan k = 2^(i/8) for i = 1…flipGrid each way, then bisect.
const (
	flipGrid  = 48
	flipSteps = 30
)

// flipper answers the verdict's question at any per-class volume scale,
// from the options' per-task costs and the plans' limits, which scaling
// does not change (routes, serving models and eligibility stay).
type flipper struct {
	e      engine
	base   []float64   // tasks per month at k = 1
	api    []*Quote    // eligible API options and mixes
	perTsk [][]float64 // per api option, per class: cost of one task
	plans  []*Quote    // eligible paid plans
	planPi []int
}

func (r *Result) flipper() *flipper {
	f := &flipper{e: *r.e}
	e := &f.e
	e.uc, e.over, e.route = nil, nil, nil // own scratch: flips may run beside the caller's reads
	f.base = r.e.tasks
	e.tasks = make([]float64, len(f.base))
	n := len(e.w.Classes)
	for i := range r.Quotes {
		q := &r.Quotes[i]
		if !q.Eligible {
			continue
		}
		switch q.Kind {
		case KindSubscription:
			if q.Free {
				continue
			}
			for pi := range e.plans {
				if e.plans[pi].p.ID == q.ID {
					f.plans, f.planPi = append(f.plans, q), append(f.planPi, pi)
				}
			}
		case KindAPI:
			id := strings.TrimPrefix(q.ID, "api:")
			for mi, m := range e.models {
				if m.ID == id {
					row := make([]float64, n)
					for ci := range n {
						row[ci] = e.cells[ci][mi].cost
					}
					f.api, f.perTsk = append(f.api, q), append(f.perTsk, row)
					break
				}
			}
		case KindMix:
			row := make([]float64, n)
			for ci := range n {
				row[ci] = e.cells[ci][e.routeOf(ci, q.Vendor)].cost
			}
			f.api, f.perTsk = append(f.api, q), append(f.perTsk, row)
		}
	}
	return f
}

// answer is the verdict's answer and winner with class ci's tasks (every
// class's when ci < 0) scaled by k.
func (f *flipper) answer(ci int, k float64) (Answer, *Quote) {
	for c := range f.base {
		f.e.tasks[c] = f.base[c]
		if ci < 0 || c == ci {
			f.e.tasks[c] *= k
		}
	}
	var bestA, bestP *Quote
	costA, costP := 0.0, 0.0
	better := func(cost float64, q *Quote, best *Quote, bestCost float64) bool {
		return best == nil || cost < bestCost || (cost == bestCost && q.Name < best.Name)
	}
	for i, q := range f.api {
		cost := 0.0
		for c, t := range f.e.tasks {
			cost += t * f.perTsk[i][c]
		}
		if better(cost, q, bestA, costA) {
			bestA, costA = q, cost
		}
	}
	for i, q := range f.plans {
		cost := f.e.planCost(f.planPi[i], 1, atCapacity, false).total
		if better(cost, q, bestP, costP) {
			bestP, costP = q, cost
		}
	}
	switch {
	case bestP != nil && (bestA == nil || costP < costA):
		return AnswerSubscription, bestP
	case bestA != nil:
		return AnswerAPI, bestA
	}
	return AnswerNone, nil
}

// Flips are the volumes at which the answer changes: for each class and
// for the whole volume, upward and downward, the first change on the grid
// k = 2^(i/8) (i = 1…48), bisected geometrically 30 times between that grid
// point and the one before. The flip reports the bracket end on the new
// answer's side. Flips re-price every option many times (a few milliseconds
// on the shipped catalog), so the app asks for them off the keystroke path.
// It is safe to call beside other reads of r, not beside another Flips.
func (r *Result) Flips() []Flip {
	if r.e == nil {
		return nil
	}
	f := r.flipper()
	w := r.e.w
	var out []Flip
	for ci := -1; ci < len(w.Classes); ci++ {
		a0, _ := f.answer(ci, 1)
		if a0 == AnswerNone {
			return nil
		}
		for _, up := range []bool{true, false} {
			sign := 1.0
			if !up {
				sign = -1
			}
			prev := 1.0
			for i := 1; i <= flipGrid; i++ {
				k := math.Exp2(sign * float64(i) / 8)
				if a, _ := f.answer(ci, k); a == a0 {
					prev = k
					continue
				}
				old, nw := prev, k // old answer at old, new at nw
				for range flipSteps {
					mid := math.Sqrt(old * nw)
					if a, _ := f.answer(ci, mid); a == a0 {
						old = mid
					} else {
						nw = mid
					}
				}
				_, to := f.answer(ci, nw)
				fl := Flip{Class: ci, Up: up, Factor: nw, To: to, Per: PerMonth, Count: nw * r.TotalTasks}
				if ci >= 0 {
					cl := &w.Classes[ci]
					fl.ClassName, fl.Per, fl.Count = cl.Name, cl.Per, nw*cl.Count
				}
				out = append(out, fl)
				break
			}
		}
	}
	return out
}

// NearestFlip is the flip with the smallest |log k*|, ties to the first.
func NearestFlip(fs []Flip) (Flip, bool) {
	best := -1
	for i := range fs {
		if best < 0 || math.Abs(math.Log(fs[i].Factor)) < math.Abs(math.Log(fs[best].Factor)) {
			best = i
		}
	}
	if best < 0 {
		return Flip{}, false
	}
	return fs[best], true
}
