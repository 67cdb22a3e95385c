package replay

import (
	"iter"
	"math"
	"slices"

	"github.com/tokenomics/tokenomics/model"
)

// planPre is what a plan's replay needs at any capacity: which records fit,
// and each limit's units for each record it counts.
type planPre struct {
	p        *model.Subscription
	seats    int
	fit      []bool
	units    [][]float64      // [limit][record]; < 0 where the limit does not count the record
	none     model.ReasonKind // why no record fits, when none does
	noneWhy  model.Why        // its kind
	fitCount int
	tierOnly bool // every record that does not fit needs a higher tier
}

func prepare(rs []rec, cat *model.Catalog, p *model.Subscription) *planPre {
	pp := &planPre{p: p, seats: max(1, p.SeatsMin), fit: make([]bool, len(rs)), units: make([][]float64, len(p.Limits))}
	for li := range pp.units {
		pp.units[li] = make([]float64, len(rs))
	}
	var ms []*model.APIModel
	for _, id := range p.Models {
		if m, ok := cat.Model(id); ok {
			ms = append(ms, m)
		}
	}
	agent := p.Allows(model.ViaAgent)
	tierOK := false
	pp.tierOnly = true
	for ri := range rs {
		r := &rs[ri]
		var run *model.APIModel
		runCost := 0.0
		if agent {
			// The cheapest fitting plan model (ties: first listed), unless
			// the record ran on the vendor's or a listed model: then on that.
			var cheapest *model.APIModel
			cheapestCost := 0.0
			recTier := false
			for _, m := range ms {
				if m.Tier >= r.tier {
					tierOK, recTier = true, true
				}
				if !fits(r, m, p.ContextWindow) {
					continue
				}
				if c, _ := model.RequestCost(m, r.Usage); cheapest == nil || c < cheapestCost {
					cheapest, cheapestCost = m, c
				}
			}
			pp.tierOnly = pp.tierOnly && (cheapest != nil || !recTier)
			if cheapest != nil {
				run, runCost = cheapest, cheapestCost
				if l := r.logged; l != nil && (l.Provider == p.Vendor || slices.Contains(p.Models, l.ID)) {
					run, runCost = l, r.costRec
				}
			}
		}
		if run == nil {
			for li := range pp.units {
				pp.units[li][ri] = -1
			}
			continue
		}
		pp.fit[ri] = true
		pp.fitCount++
		for li := range p.Limits {
			l := &p.Limits[li]
			u := -1.0
			// A model of weight 0 is not counted at all: it opens no window
			// and is never held back by one.
			if w := l.Weight(run.ID); w > 0 && l.Counts(run.Tier, run.ID, model.ViaAgent) {
				switch {
				case l.USD > 0:
					u = runCost
				case l.Tokens > 0:
					u = r.size
				case l.ReferenceTokens > 0:
					u = max(1, r.size/l.ReferenceTokens)
				default:
					u = 1
				}
				u *= w
			}
			pp.units[li][ri] = u
		}
	}
	if pp.fitCount == 0 {
		switch {
		case !agent:
			pp.none, pp.noneWhy = model.ReasonVia, model.WhyVia
		case len(ms) == 0:
			pp.none, pp.noneWhy = model.ReasonNoModels, model.WhyNoRoute
		case !tierOK:
			pp.none, pp.noneWhy = model.ReasonRecordsTier, model.WhyTier
		default:
			pp.none, pp.noneWhy = model.ReasonRecordsSize, model.WhyContext
		}
	}
	return pp
}

// capAt says which end of each limit's range a replay runs at: one of
// (*model.Limit).Capacity, CapacityLow and CapacityHigh.
type capAt func(*model.Limit) float64

// window is the state of one limit's current window.
type window struct {
	open          bool
	end           int64 // Unix ms
	used, counted float64
	hit           bool
	hitAt         int64
}

// simulate runs the records through the plan's windows with every limit at
// end at; over[ri] is set for each record that overflows. A limit with an
// overage price never sends a record to the API: the units of the records
// that run beyond its capacity are its Excess, billed by the plan. beyond
// counts the records with such units.
func (pp *planPre) simulate(rs []rec, at capAt, over []bool) (out []Window, beyond int) {
	ls := pp.p.Limits
	out = make([]Window, len(ls))
	st := make([]window, len(ls))
	caps := make([]float64, len(ls))
	for li := range ls {
		out[li].Limit = ls[li]
		caps[li] = at(&ls[li])
	}
	closeWin := func(li int) {
		w := &st[li]
		if w.hit {
			out[li].Hit++
			if ls[li].Overage <= 0 { // past an overage price's cap nothing is blocked
				out[li].BlockedHours += float64(w.end-w.hitAt) / 3.6e6
			}
		}
		if caps[li] > 0 {
			out[li].Peak = max(out[li].Peak, w.counted/caps[li])
		}
		w.open = false
	}
	for ri := range rs {
		if !pp.fit[ri] {
			over[ri] = true
			continue
		}
		t := rs[ri].Time
		ok := true
		for li, u := range pp.counted(ri) {
			w := &st[li]
			if w.open && t >= w.end {
				closeWin(li)
			}
			if !w.open {
				*w = window{open: true, end: t + int64(math.Round(ls[li].WindowHours*3.6e6))}
				out[li].Windows++
			}
			if ls[li].Overage > 0 {
				continue
			}
			w.counted += u
			if w.hit || w.used+u > caps[li] {
				ok = false
			}
		}
		over[ri] = !ok
		billed := false
		for li, u := range pp.counted(ri) {
			w := &st[li]
			switch {
			case ls[li].Overage > 0:
				// It counts (and bills) only the records that run on the
				// plan, as the engine takes its utilization after the
				// overflow.
				if !ok {
					continue
				}
				if ex := max(0, w.used+u-caps[li]) - max(0, w.used-caps[li]); ex > 0 {
					out[li].Excess += ex
					billed = true
				}
				if !w.hit && w.used+u > caps[li] {
					w.hit, w.hitAt = true, t
				}
				w.used += u
				w.counted += u
			case ok:
				w.used += u
			case !w.hit && w.used+u > caps[li]:
				w.hit, w.hitAt = true, t
			}
		}
		if billed {
			beyond++
		}
	}
	for li := range ls {
		if st[li].open {
			closeWin(li)
		}
	}
	return out, beyond
}

// counted yields each limit that counts record ri, with its units.
func (pp *planPre) counted(ri int) iter.Seq2[int, float64] {
	return func(yield func(int, float64) bool) {
		for li := range pp.units {
			if u := pp.units[li][ri]; u >= 0 && !yield(li, u) {
				return
			}
		}
	}
}

// overage is what the plan bills for the units beyond its limits with an
// overage price, for the period.
func overage(ws []Window) float64 {
	o := 0.0
	for _, w := range ws {
		o += w.Limit.Overage * w.Excess
	}
	return o
}

// cost prices the overflow of one replay: each overflowing record on its
// cheapest API route, or, with an API credit, the vendor's own models first
// with the credit off their part, whichever is cheaper. ok is false when an
// overflowing record has no route.
func (pp *planPre) cost(a *apiSet, over []bool, M float64) (overflow, credit float64, ok bool) {
	vp := a.provider(pp.p.Vendor)
	plain, vendor, others := 0.0, 0.0, 0.0
	ok = true
	for ri, o := range over {
		if !o {
			continue
		}
		b := a.best[ri]
		if math.IsNaN(b) {
			ok = false
			continue
		}
		plain += b
		if vp >= 0 && !math.IsNaN(a.byProv[vp][ri]) {
			vendor += a.byProv[vp][ri]
		} else {
			others += b
		}
	}
	overflow = M * plain
	if c := pp.p.APICreditMonthly * float64(pp.seats); c > 0 && ok {
		if alt := max(0, M*vendor-c) + M*others; alt < overflow {
			overflow, credit = alt, min(c, M*vendor)
		}
	}
	return overflow, credit, ok
}

// replayPlan prices the records on plan p.
func replayPlan(rs []rec, cat *model.Catalog, p *model.Subscription, a *apiSet, M float64) (model.Quote, *Plan) {
	pp := prepare(rs, cat, p)
	price := p.PriceMonthly
	q := model.Quote{ID: p.ID, Name: p.Name, Kind: model.KindSubscription, Vendor: p.Vendor, Seats: pp.seats,
		SeatPrice: price, Base: float64(pp.seats) * price, Capped: len(p.Limits) > 0, Free: p.Free()}
	q.Sources = []model.Source{{ID: p.ID, Name: p.Name, Provenance: p.Provenance}}
	over := make([]bool, len(rs))
	pl := &Plan{}
	pl.Windows, pl.Beyond = pp.simulate(rs, (*model.Limit).Capacity, over)
	for _, o := range over {
		if o {
			pl.Overflowed++
		}
	}
	pl.OnPlan = len(rs) - pl.Overflowed
	overflow, credit, ok := pp.cost(a, over, M)
	// The overage is billed by the plan, after the credit (which is for
	// the API), and is part of the overflow cost as in the engine.
	q.Overage = M * overage(pl.Windows)
	q.Overflow, q.Credit = overflow+q.Overage, credit
	q.Monthly = q.Base + q.Overflow
	q.Eligible, q.Fits = ok && pl.OnPlan > 0, pl.Overflowed == 0 && q.Overage == 0
	switch {
	case pp.fitCount == 0:
		q.Why, q.Reason = pp.noneWhy, model.Reason{Kind: model.ReasonCarriesNone, Inner: pp.none, Via: model.ViaAgent}
	case pl.OnPlan == 0:
		q.Why, q.Reason = model.WhyCaps, model.Reason{Kind: model.ReasonRecordsOverCaps}
	case !ok:
		q.Why, q.Reason = model.WhyNoRoute, model.Reason{Kind: model.ReasonOverflowNoRoute}
	case pl.Overflowed > 0:
		q.Why = model.WhyCaps
		q.Reason = model.Reason{Kind: model.ReasonRecordsOverflow, N: pl.Overflowed, Of: len(rs), Misfit: len(rs) - pp.fitCount}
	case q.Overage > 0:
		q.Why = model.WhyCaps
		q.Reason = model.Reason{Kind: model.ReasonRecordsBeyond, N: pl.Beyond, Of: len(rs)}
	}
	// Two rows say what ran over the caps and what the plan cannot take at
	// all, for the reports that name why a plan overflows.
	if n := pl.Overflowed - (len(rs) - pp.fitCount); n > 0 {
		q.Classes = append(q.Classes, model.ClassQuote{Name: "records over the usage limits", Via: model.ViaAgent,
			Tasks: float64(n), Model: "api", ModelName: "API models", Why: model.WhyCaps, Reason: model.Reason{Kind: model.ReasonRecordsCaps}})
	}
	if n := len(rs) - pp.fitCount; n > 0 {
		why := pp.noneWhy
		if pp.fitCount > 0 {
			why = model.WhyContext
			if pp.tierOnly {
				why = model.WhyTier
			}
		}
		q.Classes = append(q.Classes, model.ClassQuote{Name: "records the plan cannot take", Via: model.ViaAgent,
			Tasks: float64(n), Model: "api", ModelName: "API models", Why: why, Reason: model.Reason{Kind: model.ReasonRecordsMisfit}})
	}
	for _, w := range pl.Windows {
		q.Utilization = max(q.Utilization, w.Peak)
		q.Limits = append(q.Limits, model.LimitUse{Limit: w.Limit, Demand: w.Peak * w.Limit.Capacity(), Utilization: w.Peak})
	}
	q.MonthlyLow, q.MonthlyHigh = q.Monthly, q.Monthly
	ranged := false
	for _, l := range p.Limits {
		q.Estimated = q.Estimated || l.Ranged() || l.Confidence == "estimate" || l.Confidence == ""
		ranged = ranged || l.Ranged()
	}
	if ranged && q.Eligible {
		// The windows are replayed again at each end of the ranges.
		at := func(c capAt) float64 {
			ws, _ := pp.simulate(rs, c, over)
			o, _, ok := pp.cost(a, over, M)
			if !ok {
				return math.Inf(1)
			}
			return q.Base + o + M*overage(ws)
		}
		q.MonthlyLow, q.MonthlyHigh = at((*model.Limit).CapacityHigh), at((*model.Limit).CapacityLow)
	}
	if credit > 0 {
		q.Notes = append(q.Notes, model.Note{Kind: model.NoteCredit, USD: credit})
	}
	if q.Overage > 0 {
		q.Notes = append(q.Notes, model.Note{Kind: model.NoteOverage, USD: q.Overage})
	}
	if pp.seats > 1 {
		q.Notes = append(q.Notes, model.Note{Kind: model.NoteReplaySeats, Seats: pp.seats})
	}
	if p.Uncapped {
		q.Notes = append(q.Notes, model.Note{Kind: model.NoteVendorUncapped})
	} else if len(p.Limits) == 0 && !p.Free() {
		q.Notes = append(q.Notes, model.Note{Kind: model.NoteNoLimit})
	}
	for _, l := range p.Limits {
		if l.Ranged() || l.Confidence == "estimate" || l.Confidence == "" {
			// The replay's windows show the range; the note names the limit only.
			q.Notes = append(q.Notes, model.Note{Kind: model.NoteLimitEstimate, WindowHours: l.WindowHours, Unit: l.Unit()})
		}
	}
	return q, pl
}
