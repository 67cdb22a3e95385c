package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// randomCatalog draws models and plans with every optional feature on or off.
func randomCatalog(rng *rand.Rand) *Catalog {
	c := &Catalog{Tokenizers: map[string]map[string]float64{"a": {"ko": 1 + rng.Float64()*2}, "b": {}}}
	providers := []string{"p1", "p2", "p3"}
	for i := range 2 + rng.IntN(8) {
		m := APIModel{
			ID: string(rune('a'+i)) + "m", Provider: providers[rng.IntN(3)], Name: string(rune('A' + i)),
			Tier: Tier(rng.IntN(3)), Tokenizer: []string{"", "a", "b"}[rng.IntN(3)],
			Rates:         Rates{Input: rng.Float64() * 10, Output: rng.Float64() * 40},
			ContextWindow: []float64{8000, 128000, 1e6}[rng.IntN(3)], Status: "active",
		}
		if rng.IntN(2) == 0 {
			m.CacheRead, m.CacheWrite = p(m.Input*0.1), p(m.Input*1.25)
		}
		if rng.IntN(2) == 0 {
			m.BatchDiscount = 0.5
		}
		if rng.IntN(3) == 0 {
			m.MaxOutput = 4000
		}
		if rng.IntN(3) == 0 {
			m.LongContext = &LongContext{Threshold: 20000, Rates: Rates{Input: m.Input * 2, Output: m.Output * 1.5}}
		}
		c.Models = append(c.Models, m)
	}
	for i := range 1 + rng.IntN(5) {
		s := Subscription{ID: string(rune('a'+i)) + "p", Vendor: providers[rng.IntN(3)], Name: "P" + string(rune('A'+i)),
			PriceMonthly: float64(rng.IntN(3)) * 20, SeatsMin: rng.IntN(3),
			Models: []string{c.Models[rng.IntN(len(c.Models))].ID}}
		if rng.IntN(2) == 0 {
			s.PriceAnnual = p(s.PriceMonthly * 10)
		}
		if rng.IntN(2) == 0 {
			s.APICreditMonthly = 5
		}
		if rng.IntN(2) == 0 {
			s.Serves = []Via{ViaChat, ViaAgent}
		}
		for range rng.IntN(3) {
			l := Limit{WindowHours: []float64{3, 5, 24, 168}[rng.IntN(4)]}
			switch rng.IntN(3) {
			case 0:
				l.Messages = float64(1 + rng.IntN(200))
				if rng.IntN(2) == 0 {
					l.ReferenceTokens = 2000
				}
			case 1:
				l.Tokens = float64(1000 + rng.IntN(1e6))
			default:
				l.USD = 0.01 + rng.Float64()*50
			}
			if rng.IntN(2) == 0 {
				l.Low, l.High = l.Capacity()*rng.Float64(), l.Capacity()*(1+rng.Float64())
			}
			switch rng.IntN(5) {
			case 0:
				l.Tiers = []Tier{Frontier}
			case 1:
				l.Models = []string{s.Models[0]}
			case 2:
				l.Via = []Via{ViaAgent}
			}
			s.Limits = append(s.Limits, l)
		}
		c.Plans = append(c.Plans, s)
	}
	return c
}

func randomWorkload(rng *rand.Rand) Workload {
	w := NewWorkload("r")
	w.People = 1 + rng.IntN(6)
	w.Language = []string{"en", "ko", "ja"}[rng.IntN(3)]
	w.Billing = Billing(rng.IntN(2))
	for i := range 1 + rng.IntN(4) {
		c := NewClass(string(rune('A' + i)))
		c.Count = float64(rng.IntN(100))
		c.Per = Per(rng.IntN(3))
		c.InputTokens = float64(rng.IntN(60000))
		c.OutputTokens = float64(rng.IntN(3000))
		c.ReasoningTokens = float64(rng.IntN(2000))
		c.Turns = 1 + rng.IntN(6)
		c.FollowupTokens = float64(rng.IntN(500))
		c.CacheHit = float64(rng.IntN(11)) / 10
		c.Via = []Via{ViaChat, ViaChat, ViaAgent, ViaAPI}[rng.IntN(4)]
		c.Batch = c.Via == ViaAPI && rng.IntN(2) == 0
		c.MinTier = Tier(rng.IntN(3))
		w.Classes = append(w.Classes, c)
	}
	return w
}

const propertyRuns = 400

// Raising any count never lowers any option's cost, and scaling every count
// up never lowers it either.
func TestPropertyMonotoneInCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range propertyRuns {
		c, w := randomCatalog(rng), randomWorkload(rng)
		before := eval(t, w, c)
		more := w.Scaled(1)
		i := rng.IntN(len(more.Classes))
		more.Classes[i].Count += 1 + float64(rng.IntN(50))
		after := eval(t, more, c)
		for _, q := range before.Quotes {
			a, ok := after.Find(q.ID)
			if !ok || !q.Eligible || !a.Eligible {
				continue
			}
			if a.Monthly < q.Monthly-1e-9*q.Monthly {
				t.Fatalf("%s: %v → %v when class %d count rose", q.ID, q.Monthly, a.Monthly, i)
			}
		}
		for _, q := range before.Quotes {
			prev := 0.0
			for _, k := range []float64{0.25, 0.5, 1, 2, 4} {
				v, ok := before.CostAt(q.ID, k)
				if !ok {
					break
				}
				if v < prev-1e-9*prev {
					t.Fatalf("%s: cost %v at k=%v below %v", q.ID, v, k, prev)
				}
				prev = v
			}
		}
	}
}

// The all-provider mix is never dearer than any eligible single model, and
// each provider mix never dearer than that provider's models.
func TestPropertyMixIsCheapest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range propertyRuns {
		r := eval(t, randomWorkload(rng), randomCatalog(rng))
		all := quote(t, r, "mix:all")
		for _, q := range r.Quotes {
			if q.Kind != KindAPI || !q.Eligible {
				continue
			}
			if !all.Eligible || all.Monthly > q.Monthly*(1+1e-12) {
				t.Fatalf("mix:all %v (eligible %v) dearer than %s %v", all.Monthly, all.Eligible, q.ID, q.Monthly)
			}
			pm := quote(t, r, "mix:"+q.Vendor)
			if !pm.Eligible || pm.Monthly > q.Monthly*(1+1e-12) {
				t.Fatalf("mix:%s %v dearer than %s %v", q.Vendor, pm.Monthly, q.ID, q.Monthly)
			}
		}
	}
}

// At k* the plan and the best API option cost the same, within 1e-9 relative.
func TestPropertyBreakEvenAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for range propertyRuns {
		r := eval(t, randomWorkload(rng), randomCatalog(rng))
		best := math.Inf(1)
		for _, q := range r.Quotes {
			if q.Kind != KindSubscription && q.Eligible {
				best = math.Min(best, q.Monthly)
			}
		}
		for _, q := range r.Quotes {
			if !q.HasBreakEven {
				continue
			}
			found++
			plan, _ := r.CostAt(q.ID, q.BreakEven)
			api := q.BreakEven * best
			if math.Abs(plan-api) > 1e-9*api {
				t.Fatalf("%s at k*=%v: plan %v, API %v", q.ID, q.BreakEven, plan, api)
			}
		}
	}
	if found < 50 {
		t.Fatalf("only %d break-evens found: the generator does not exercise the property", found)
	}
}

// A plan without limits that fits the whole workload costs exactly its base,
// and every cost is finite and non-negative.
func TestPropertyUncappedPlanCostsBase(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	checked := 0
	for range 2 * propertyRuns { // few random plans are uncapped and fit every class
		c, w := randomCatalog(rng), randomWorkload(rng)
		r := eval(t, w, c)
		for _, q := range r.Quotes {
			for _, v := range []float64{q.Monthly, q.Base, q.Overflow, q.PerTask} {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
					if q.Eligible {
						t.Fatalf("%s: cost %v", q.ID, v)
					}
				}
			}
			if q.Kind != KindSubscription || q.Capped {
				continue
			}
			allFit := true
			for _, cq := range q.Classes {
				allFit = allFit && cq.Fits
			}
			if allFit {
				checked++
				if q.Monthly != q.Base || !q.Fits {
					t.Fatalf("%s: monthly %v, base %v, fits %v", q.ID, q.Monthly, q.Base, q.Fits)
				}
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d uncapped fitting plans checked", checked)
	}
}

// A plan's range holds its cost: every limit at its high end (more room)
// never costs more than at its capacity, nor the capacity more than the low end.
func TestPropertyRangeHoldsCost(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	ranged := 0
	for range propertyRuns {
		r := eval(t, randomWorkload(rng), randomCatalog(rng))
		for _, q := range r.Quotes {
			if q.Kind != KindSubscription || !q.Eligible {
				continue
			}
			if q.MonthlyLow != q.Monthly || q.MonthlyHigh != q.Monthly {
				ranged++
			}
			if tol := 1e-9 * q.MonthlyHigh; q.MonthlyLow > q.Monthly+tol || q.Monthly > q.MonthlyHigh+tol {
				t.Fatalf("%s: low %v, cost %v, high %v", q.ID, q.MonthlyLow, q.Monthly, q.MonthlyHigh)
			}
		}
	}
	if ranged < 50 {
		t.Fatalf("only %d plans with a range checked", ranged)
	}
}

// TestPropertyRankIsStableSort: Rank moves quotes in place along cycles;
// it must order exactly as a stable sort by (eligible first, monthly, name)
// does, ties keeping their order, on lists with many equal keys.
func TestPropertyRankIsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 500 {
		n := rng.IntN(40)
		qs := make([]Quote, n)
		for i := range qs {
			qs[i] = Quote{ID: string(rune('A' + i)), Name: string(rune('a' + rng.IntN(3))),
				Eligible: rng.IntN(3) > 0, Monthly: float64(rng.IntN(4))}
		}
		want := slices.Clone(qs)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.Eligible != b.Eligible {
				return a.Eligible
			}
			if a.Monthly != b.Monthly {
				return a.Monthly < b.Monthly
			}
			return a.Name < b.Name
		})
		Rank(qs)
		for i := range qs {
			if qs[i].ID != want[i].ID {
				t.Fatalf("n=%d: position %d holds %s, want %s", n, i, qs[i].ID, want[i].ID)
			}
		}
	}
}

// TestPropertyCostsAtIsCostAt: a curve read at once is CostAt at each of
// its volumes, NaN where CostAt says the option cannot carry the work.
func TestPropertyCostsAtIsCostAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ks := []float64{0.25, 0.3, 0.5, 1, 1.7, 2, 4, 16}
	for range propertyRuns {
		c, w := randomCatalog(rng), randomWorkload(rng)
		r := eval(t, w, c)
		for _, q := range append(r.Quotes, Quote{ID: "no such option"}) {
			out := make([]float64, len(ks))
			ok := r.CostsAt(q.ID, ks, out)
			if _, want := r.CostAt(q.ID, 1); ok != want {
				t.Fatalf("%s: CostsAt %v, CostAt %v", q.ID, ok, want)
			}
			for j, k := range ks {
				v, vok := r.CostAt(q.ID, k)
				if ok && (vok && out[j] != v || !vok && !math.IsNaN(out[j])) {
					t.Fatalf("%s at %v: CostsAt %v, CostAt %v %v", q.ID, k, out[j], v, vok)
				}
			}
		}
	}
}
