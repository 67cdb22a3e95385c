package model

import (
	"maps"
	"math"
	"slices"
	"testing"
)

// koCatalog has ko factors of every kind:
//
//	a: en 1, ko 2 (exact)      b: en 1, ko 3 (exact)
//	c: en 1.25, ko 1.5 (1–2)   d: en 1, no ko
func koCatalog() *Catalog {
	return &Catalog{
		Tokenizers: map[string]map[string]float64{
			"a": {"en": 1, "ko": 2}, "b": {"en": 1, "ko": 3}, "c": {"en": 1.25, "ko": 1.5}, "d": {"en": 1},
		},
		FactorRanges: map[string]map[string][2]float64{"c": {"ko": {1, 2}}},
	}
}

func TestLambda(t *testing.T) {
	c := koCatalog()
	even := koCatalog()
	delete(even.Tokenizers, "c")
	for _, tc := range []struct {
		name          string
		cat           *Catalog
		tok, lang     string
		val, lo, hi   float64
		est, med, nod bool
	}{
		{"exact", c, "a", "ko", 2, 2, 2, false, false, false},
		{"ranged", c, "c", "ko", 1.5, 1, 2, true, false, false},
		// en of c is its own figure, not 1: it counts English unlike o200k
		{"en differs from 1", c, "c", "en", 1.25, 1.25, 1.25, false, false, false},
		{"en missing is 1", &Catalog{}, "d", "en", 1, 1, 1, false, false, false},
		{"empty language is en", c, "c", "", 1.25, 1.25, 1.25, false, false, false},
		// the ko figures are 2, 3 and 1.5 (c's point, not its low end): median 2, ends 1.5 and 3
		{"unknown: median of three", c, "d", "ko", 2, 1.5, 3, true, true, false},
		{"no tokenizer named", c, "", "ko", 2, 1.5, 3, true, true, false},
		// without c: 2 and 3, median (2+3)/2 = 2.5
		{"unknown: median of two", even, "d", "ko", 2.5, 2, 3, true, true, false},
		{"no tokenizer has it", c, "d", "ja", 1, 1, 1, true, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.cat.Lambda(tc.tok, tc.lang)
			approx(t, "value", l.Value, tc.val)
			approx(t, "low", l.Low, tc.lo)
			approx(t, "high", l.High, tc.hi)
			if l.Estimated != tc.est || l.Median != tc.med || l.NoData != tc.nod {
				t.Errorf("estimated %v median %v nodata %v", l.Estimated, l.Median, l.NoData)
			}
		})
	}
}

// rangeCatalog: X (p1, tokenizer d: ko estimated 2, range 1.5–3) at in 1,
// out 2; Y (p2, tokenizer a: ko 2 exact) at in 1.5, out 1.5. One task of
// 1000 in and 500 out costs on X λ·(1000 + 1000)/1e6 = λ·0.002 (0.004 at
// the point, 0.003 low, 0.006 high) and on Y 2·(1500 + 750)/1e6 = 0.0045.
func rangeCatalog(plans ...Subscription) *Catalog {
	c := koCatalog()
	c.Models = []APIModel{
		{ID: "x", Provider: "p1", Name: "X", Tier: Small, Tokenizer: "d", Rates: Rates{Input: 1, Output: 2}, ContextWindow: 1e6, Status: "active"},
		{ID: "y", Provider: "p2", Name: "Y", Tier: Small, Tokenizer: "a", Rates: Rates{Input: 1.5, Output: 1.5}, ContextWindow: 1e6, Status: "active"},
	}
	c.Plans = plans
	return c
}

// koWork is 10 Korean tasks a month of 1000 in, 500 out.
func koWork() Workload {
	return oneClass(func(w *Workload, c *Class) {
		w.Language = "ko"
		c.Count, c.Per = 10, PerMonth
	})
}

func TestOptionRanges(t *testing.T) {
	q := Subscription{ID: "q", Vendor: "p1", Name: "Q", PriceMonthly: 1, Models: []string{"x", "y"},
		Limits: []Limit{{WindowHours: 730.5, USD: 0.02, Low: 0.01, High: 0.04}}}
	r := eval(t, koWork(), rangeCatalog(q))
	for _, tc := range []struct {
		id              string
		point, low, hig float64
	}{
		// 10 tasks × 0.004 / 0.003 / 0.006
		{"api:x", 0.04, 0.03, 0.06},
		// Y's factor is exact: no range
		{"api:y", 0.045, 0.045, 0.045},
		// routed again at each end: X at the point (0.04) and low end (0.03),
		// Y at the high end where X costs 0.06 > 0.045
		{"mix:all", 0.04, 0.03, 0.045},
		{"mix:p1", 0.04, 0.03, 0.06},
		// Q serves on the cheaper of X and Y; its usd limit is monthly, so the
		// demand is the month's units (22 · 730.5/730.5 days in the window).
		// Point: X, units 10 · 0.004 = 0.04 against 0.02: utilization 2, half
		// the tasks (5) overflow to X at 0.004: 1 + 0.02 = 1.02.
		// Low end (factors low, limit 0.04): X, units 0.03, utilization 0.75: 1.
		// High end (factors high, limit 0.01): Y serves (0.0045 < 0.006), units
		// 0.045, utilization 4.5, 1 − 1/4.5 = 7/9 of 10 tasks overflow to the
		// cheapest API model there, Y: 70/9 · 0.0045 = 0.035, so 1.035.
		{"q", 1.02, 1, 1.035},
	} {
		o := quote(t, r, tc.id)
		approx(t, tc.id+" point", o.Monthly, tc.point)
		approx(t, tc.id+" low", o.MonthlyLow, tc.low)
		approx(t, tc.id+" high", o.MonthlyHigh, tc.hig)
	}
	if x := quote(t, r, "api:x"); len(x.Factors) != 1 || x.Factors[0].Tokenizer != "d" || !x.Factors[0].Median {
		t.Errorf("api:x factors %+v", x.Factors)
	}
	if y := quote(t, r, "api:y"); len(y.Factors) != 0 {
		t.Errorf("api:y factors %+v", y.Factors)
	}
	if o := quote(t, r, "q"); len(o.Factors) != 1 || !slices.Contains(o.Notes, Note{Kind: NoteFactor, Factor: o.Factors[0]}) ||
		o.Factors[0].Value != 2 || o.Factors[0].Low != 1.5 || o.Factors[0].High != 3 {
		t.Errorf("q factors %+v notes %+v", o.Factors, o.Notes)
	}
}

// An end where the option cannot carry the work is +Inf: at the high
// factor X needs 3 · 1500 = 4500 tokens of its 4000 window.
func TestOptionRangeWithoutRoute(t *testing.T) {
	c := rangeCatalog()
	c.Models[0].ContextWindow = 4000
	c.Models = c.Models[:1]
	r := eval(t, koWork(), c)
	x := quote(t, r, "api:x")
	approx(t, "point", x.Monthly, 0.04)
	approx(t, "low", x.MonthlyLow, 0.03)
	if !math.IsInf(x.MonthlyHigh, 1) {
		t.Errorf("high = %v, want +Inf", x.MonthlyHigh)
	}
}

func TestCornerRuleAndOneVendor(t *testing.T) {
	uncapped := func(price float64) Subscription {
		return Subscription{ID: "u", Vendor: "p1", Name: "U", PriceMonthly: price, Models: []string{"x"}, Uncapped: true}
	}
	for _, tc := range []struct {
		name    string
		price   float64
		answer  Answer
		depends bool
	}{
		// best API: mix:all 0.04 (0.03–0.045). A plan at 0.042 loses at the
		// point but wins in the corner (plan 0.042 < API high 0.045).
		{"API, rests on the estimate", 0.042, AnswerAPI, true},
		// 0.05: neither corner (0.05 < 0.045? 0.05 < 0.03?) changes it
		{"API either way", 0.05, AnswerAPI, false},
		// 0.02: the plan wins in both corners (0.02 < 0.045, 0.02 < 0.03)
		{"plan either way", 0.02, AnswerSubscription, false},
		// 0.035: wins at the point; loses in the corner where the API is at its low 0.03
		{"plan, rests on the estimate", 0.035, AnswerSubscription, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := eval(t, koWork(), rangeCatalog(uncapped(tc.price)))
			v := r.Verdict("")
			if v.Answer != tc.answer || v.DependsOnEstimate != tc.depends {
				t.Errorf("answer %v depends %v", v.Answer, v.DependsOnEstimate)
			}
			// mix:all, mix:p1 and X all cost 0.04: by name "API mix, all
			// providers" is best_api and "API mix, p1" the one-vendor option.
			if v.BestAPI.ID != "mix:all" || v.OneVendor == nil || v.OneVendor.ID != "mix:p1" {
				t.Errorf("best api %s one vendor %v", v.BestAPI.ID, v.OneVendor)
			}
		})
	}
}

// Two classes routed to two providers: the all-provider mix spans both, and
// the one-vendor option is the cheapest of the rest.
func TestOneVendorAcrossProviders(t *testing.T) {
	w := oneClass(nil) // Short: 880 tasks of 1000 in, 500 out
	deep := NewClass("Deep")
	deep.Count, deep.Per, deep.InputTokens, deep.OutputTokens, deep.MinTier = 10, PerMonth, 1000, 500, Frontier
	w.Classes = append(w.Classes, deep)
	r := eval(t, w, testCatalog())
	v := r.Verdict("")
	// Short on alpha (p1) 1.76; Deep only on beta (p2, frontier): 10 · (1000·10 + 500·20)/1e6 = 0.2.
	// mix:all 1.96 over two providers; a single provider cannot carry both
	// (p1 has no frontier model, beta alone costs 880·0.02 + 0.2 = 17.8):
	// the one-vendor option is beta, via mix:p2 (17.8, "API mix, p2" < "Beta").
	approx(t, "best api", v.BestAPI.Monthly, 1.96)
	if v.BestAPI.Providers != 2 || v.OneVendor == nil || v.OneVendor.ID != "mix:p2" {
		t.Fatalf("providers %d one vendor %+v", v.BestAPI.Providers, v.OneVendor)
	}
	approx(t, "one vendor", v.OneVendor.Monthly, 17.8)
}

func TestCarriesNone(t *testing.T) {
	for _, tc := range []struct {
		name     string
		cls      func(*Workload, *Class)
		plan     func(*Subscription)
		eligible bool
		reason   Reason
	}{
		{"via api", func(_ *Workload, c *Class) { c.Via = ViaAPI }, nil, false,
			Reason{Kind: ReasonCarriesNone, Inner: ReasonVia, Class: "Short", Via: ViaAPI}},
		{"agent work on a chat plan", func(_ *Workload, c *Class) { c.Via = ViaAgent }, nil, false,
			Reason{Kind: ReasonCarriesNone, Inner: ReasonVia, Class: "Short", Via: ViaAgent}},
		// the plan's one model, alpha, is small
		{"tier", func(_ *Workload, c *Class) { c.MinTier = Mid }, nil, false,
			Reason{Kind: ReasonCarriesNone, Inner: ReasonTier, Class: "Short", NeedTier: Mid, HaveTier: Small}},
		// the task needs 1500 tokens of context; the plan gives 1000
		{"context", nil, func(s *Subscription) { s.ContextWindow = 1000 }, false,
			Reason{Kind: ReasonCarriesNone, Inner: ReasonContext, Class: "Short", Need: 1500, Have: 1000}},
		// over the caps is not "none": part runs on the plan. 25 messages per
		// 5 h against 1: utilization 25, 1 − 1/25 = 96% of tasks overflow.
		{"over its caps", nil, func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 1}} }, true,
			Reason{Kind: ReasonCaps, Class: "Short", Share: 0.96}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := plan(tc.plan)
			r := eval(t, oneClass(tc.cls), c)
			q := quote(t, r, "plan")
			got := q.Reason
			approx(t, "share", got.Share, tc.reason.Share)
			got.Share = tc.reason.Share
			if q.Eligible != tc.eligible || got != tc.reason {
				t.Errorf("eligible %v reason %+v, want %+v", q.Eligible, q.Reason, tc.reason)
			}
			if v := r.Verdict(""); !tc.eligible && (v.BestPlan != nil || v.BestFree != nil) {
				t.Errorf("verdict names the plan")
			}
		})
	}
	// One class of two fits: the plan carries part of the work, an option.
	w := oneClass(nil)
	bot := NewClass("Bot")
	bot.Count, bot.InputTokens, bot.OutputTokens, bot.Via = 1, 100, 100, ViaAPI
	w.Classes = append(w.Classes, bot)
	if q := quote(t, eval(t, w, plan(func(s *Subscription) { s.Uncapped = true })), "plan"); !q.Eligible {
		t.Errorf("part of the work: not eligible: %+v", q.Reason)
	}
}

func TestFlips(t *testing.T) {
	// Short only: the API costs 1.76·k (880 tasks at 0.002), the uncapped
	// plan its price.
	for _, tc := range []struct {
		name   string
		price  float64
		up     bool
		factor float64
		to     string
	}{
		// 3.6 = 1.76·k at k = 3.6/1.76 = 2.0454…: the plan wins above it
		// (first grid change at 2^(9/8) = 2.18)
		{"up to the plan", 3.6, true, 3.6 / 1.76, "plan"},
		// 1 = 1.76·k at k = 1/1.76 = 0.5682: the API wins below it; at the
		// tie mix:all, mix:p1 and Alpha cost the same, "API mix, all providers" first
		{"down to the API", 1, false, 1 / 1.76, "mix:all"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := eval(t, oneClass(nil), plan(func(s *Subscription) { s.PriceMonthly, s.Uncapped = tc.price, true }))
			fs := r.Flips()
			// the whole volume first, then the class: one class, the same flip
			if len(fs) != 2 || fs[0].Class != -1 || fs[1].Class != 0 {
				t.Fatalf("flips %+v", fs)
			}
			for _, f := range fs {
				if f.Up != tc.up || f.To.ID != tc.to || math.Abs(f.Factor/tc.factor-1) > 1e-6 {
					t.Errorf("flip %+v, want up %v factor %.6f to %s", f, tc.up, tc.factor, tc.to)
				}
				// the reported end is on the new answer's side
				if (tc.up && f.Factor < tc.factor) || (!tc.up && f.Factor > tc.factor) {
					t.Errorf("factor %.12f on the old side of %.12f", f.Factor, tc.factor)
				}
			}
			approx(t, "class count", fs[1].Count, 40*fs[1].Factor) // 40 a day
			if fs[1].Per != PerDay || fs[1].ClassName != "Short" {
				t.Errorf("class flip %+v", fs[1])
			}
			approx(t, "whole count", fs[0].Count, 880*fs[0].Factor) // 880 a month
			if n, ok := NearestFlip(fs); !ok || n.Class != -1 {
				t.Errorf("nearest %+v", n)
			}
		})
	}
	// A $300 plan equals the API only at k = 300/1.76 = 170, beyond the
	// grid's 2^6 = 64: no flip either way.
	r := eval(t, oneClass(nil), plan(func(s *Subscription) { s.PriceMonthly, s.Uncapped = 300, true }))
	if fs := r.Flips(); len(fs) != 0 {
		t.Errorf("flips beyond the grid: %+v", fs)
	}
}

// The app computes flips in the background while the screen reads the same
// result (the chart's CostAt re-prices plans): the two share no scratch.
// Run with -race.
func TestFlipsBesideReads(t *testing.T) {
	r := eval(t, oneClass(nil), plan(func(s *Subscription) { s.PriceMonthly, s.Limits = 3.6, []Limit{{WindowHours: 5, Messages: 100}} }))
	want := r.Flips()
	done := make(chan []Flip)
	go func() { done <- r.Flips() }()
	for _, k := range []float64{0.5, 1, 2, 4, 8} {
		if _, ok := r.CostAt("plan", k); !ok {
			t.Fatal("no cost for the plan")
		}
	}
	if got := <-done; len(got) != len(want) || (len(got) > 0 && got[0].Factor != want[0].Factor) {
		t.Errorf("flips %+v beside reads, %+v alone", got, want)
	}
}

// The point evaluation and its ends, taken apart, are Evaluate: the same
// ranking and costs, with the ends only once WithEnds sets them. Both
// cases: an estimated factor (every option has corners) and ranged caps
// alone (only the plan does).
func TestEvaluatePointThenEnds(t *testing.T) {
	q := Subscription{ID: "q", Vendor: "p1", Name: "Q", PriceMonthly: 1, Models: []string{"x", "y"},
		Limits: []Limit{{WindowHours: 730.5, USD: 0.02, Low: 0.01, High: 0.04}}}
	capsOnly := koWork()
	capsOnly.Language = "" // no estimated factor: the caps alone are ranged
	for _, tc := range []struct {
		name   string
		w      Workload
		ranged []string // options whose ends differ from the point
	}{
		{"factor", koWork(), []string{"api:x", "mix:all", "mix:p1", "q"}},
		{"caps", capsOnly, []string{"q"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := rangeCatalog(q)
			full := eval(t, tc.w, c)
			point, err := EvaluatePoint(tc.w, c)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range point.Quotes {
				if o.MonthlyLow != o.Monthly || o.MonthlyHigh != o.Monthly {
					t.Errorf("%s: point has ends %v–%v", o.ID, o.MonthlyLow, o.MonthlyHigh)
				}
			}
			ends := point.Ends()
			got := point.WithEnds(ends)
			if len(got.Quotes) != len(full.Quotes) {
				t.Fatalf("%d quotes, Evaluate %d", len(got.Quotes), len(full.Quotes))
			}
			for i, o := range got.Quotes {
				f := full.Quotes[i]
				if o.ID != f.ID || o.Monthly != f.Monthly || o.MonthlyLow != f.MonthlyLow || o.MonthlyHigh != f.MonthlyHigh {
					t.Errorf("rank %d: %s %v (%v–%v), Evaluate %s %v (%v–%v)", i, o.ID, o.Monthly, o.MonthlyLow, o.MonthlyHigh, f.ID, f.Monthly, f.MonthlyLow, f.MonthlyHigh)
				}
				if ranged := o.MonthlyLow != o.MonthlyHigh; ranged != slices.Contains(tc.ranged, o.ID) {
					t.Errorf("%s ranged %v, want %v", o.ID, ranged, !ranged)
				}
				if point.Quotes[i].MonthlyLow != point.Quotes[i].Monthly {
					t.Errorf("%s: WithEnds changed the point result", o.ID)
				}
			}
		})
	}
}

// Ends run off the keystroke path while the app reads the point result.
func TestEndsBesideReads(t *testing.T) {
	q := Subscription{ID: "q", Vendor: "p1", Name: "Q", PriceMonthly: 1, Models: []string{"x", "y"},
		Limits: []Limit{{WindowHours: 730.5, USD: 0.02, Low: 0.01, High: 0.04}}}
	r, err := EvaluatePoint(koWork(), rangeCatalog(q))
	if err != nil {
		t.Fatal(err)
	}
	want := r.Ends()
	done := make(chan Ends)
	go func() { done <- r.Ends() }()
	for _, k := range []float64{0.5, 1, 2, 4, 8} {
		if _, ok := r.CostAt("q", k); !ok {
			t.Fatal("no cost for the plan")
		}
	}
	if got := <-done; !maps.Equal(got, want) {
		t.Errorf("ends %v beside reads, %v alone", got, want)
	}
}

// A cap's note agrees with its status: an estimate (or a cap of unknown
// source) is an estimate; a reported or measured cap with a spread is a
// range, never an estimate beside its own "measured".
func TestCapNoteFollowsStatus(t *testing.T) {
	for _, tc := range []struct {
		conf string
		want NoteKind
	}{
		{"estimate", NoteLimitEstimate},
		{"", NoteLimitEstimate},
		{"measured", NoteLimitRange},
		{"reported", NoteLimitRange},
	} {
		q := Subscription{ID: "q", Vendor: "p1", Name: "Q", PriceMonthly: 1, Models: []string{"x", "y"},
			Limits: []Limit{{WindowHours: 730.5, USD: 0.02, Low: 0.01, High: 0.04, Confidence: tc.conf}}}
		var kinds []NoteKind
		for _, n := range quote(t, eval(t, koWork(), rangeCatalog(q)), "q").Notes {
			if n.Kind == NoteLimitEstimate || n.Kind == NoteLimitRange {
				kinds = append(kinds, n.Kind)
			}
		}
		if len(kinds) != 1 || kinds[0] != tc.want {
			t.Errorf("%q: cap notes %v, want one %v", tc.conf, kinds, tc.want)
		}
	}
}
