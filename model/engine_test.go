package model

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func p(v float64) *float64 { return &v }

// testCatalog is small enough to work every expected cost out by hand.
//
//	alpha: p1, small,    in 1, out 2, cache read 0.1, write 1.25, batch 50%, 100k context, 8k max output, tokenizer tk (ko ×2)
//	beta:  p2, frontier, in 10, out 20, no cache prices, no batch, 1M context; above 200k input: in 20, out 30
//	gamma: p1, mid,      in 3, out 6, 32k context, tokenizer other (no ko factor)
func testCatalog() *Catalog {
	return &Catalog{
		AsOf:       "2026-11-27",
		Tokenizers: map[string]map[string]float64{"tk": {"en": 1, "ko": 2}, "other": {"en": 1}},
		Models: []APIModel{
			{ID: "alpha", Provider: "p1", Name: "Alpha", Tier: Small, Tokenizer: "tk",
				Rates:         Rates{Input: 1, Output: 2, CacheRead: p(0.1), CacheWrite: p(1.25)},
				BatchDiscount: 0.5, ContextWindow: 100000, MaxOutput: 8000, Status: "active"},
			{ID: "beta", Provider: "p2", Name: "Beta", Tier: Frontier,
				Rates:         Rates{Input: 10, Output: 20},
				LongContext:   &LongContext{Threshold: 200000, Rates: Rates{Input: 20, Output: 30}},
				ContextWindow: 1000000, Status: "active"},
			{ID: "gamma", Provider: "p1", Name: "Gamma", Tier: Mid, Tokenizer: "other",
				Rates: Rates{Input: 3, Output: 6}, ContextWindow: 32000, Status: "active"},
		},
	}
}

// approx checks a worked-out cost to 12 significant digits: far below a
// cent, far above float64 rounding.
func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !(math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want))) { // NaN fails too
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

func TestTasksPerMonth(t *testing.T) {
	w := NewWorkload("t")
	for _, tc := range []struct {
		per   Per
		count float64
		want  float64
	}{
		{PerDay, 10, 220}, // 10 · 22 days
		{PerWeek, 12, 52}, // 12 · 52 / 12
		{PerMonth, 7, 7},  // as given
		{PerDay, 0.5, 11}, // 0.5 · 22
		{PerWeek, 3, 13},  // 3 · 52 / 12
		{PerMonth, 0, 0},  // nothing
	} {
		c := NewClass("c")
		c.Per, c.Count = tc.per, tc.count
		approx(t, tc.per.String(), w.TasksPerMonth(c), tc.want)
	}
}

func TestTaskCost(t *testing.T) {
	cat := testCatalog()
	alpha, _ := cat.Model("alpha")
	beta, _ := cat.Model("beta")
	cls := func(mod func(*Class)) *Class {
		c := NewClass("c")
		c.InputTokens, c.OutputTokens = 1000, 500
		if mod != nil {
			mod(&c)
		}
		return &c
	}
	for _, tc := range []struct {
		name string
		c    *Class
		m    *APIModel
		lam  float64
		want float64
	}{
		// (1000·1 + 500·2) / 1e6
		{"one turn", cls(nil), alpha, 1, 0.002},
		// out = 500 + 300 reasoning → (1000·1 + 800·2) / 1e6
		{"reasoning billed as output", cls(func(c *Class) { c.ReasoningTokens = 300 }), alpha, 1, 0.0026},
		// in_t = 1000, 1600, 2200 (grows by O+F = 600) → 4800; out 3·500 = 1500 → (4800 + 3000) / 1e6
		{"three turns with follow-up", cls(func(c *Class) { c.Turns, c.FollowupTokens = 3, 100 }), alpha, 1, 0.0078},
		// λ = 2: in 2000, out 1000 → (2000 + 2000) / 1e6
		{"language factor", cls(nil), alpha, 2, 0.004},
		// λ = 2 scales text, not reasoning: out = 2·500 + 300 = 1300 → (2000 + 2600) / 1e6
		{"language factor leaves reasoning alone", cls(func(c *Class) { c.ReasoningTokens = 300 }), alpha, 2, 0.0046},
		// h = 0.5, no output: 500·0.1 (read) + 500·1.25 (write, since h > 0) = 675 → 0.000675
		{"cache read and write", cls(func(c *Class) { c.CacheHit, c.OutputTokens = 0.5, 0 }), alpha, 1, 0.000675},
		// beta has no cache prices: all 1000 at input 10 → 0.01
		{"cache on a model without cache prices", cls(func(c *Class) { c.CacheHit, c.OutputTokens = 0.5, 0 }), beta, 1, 0.01},
		// 0.002 · (1 − 0.5)
		{"batch discount", cls(func(c *Class) { c.Batch = true }), alpha, 1, 0.001},
		// beta has no batch discount: (1000·10 + 500·20) / 1e6
		{"batch on a model without batch", cls(func(c *Class) { c.Batch = true }), beta, 1, 0.02},
		// 250k > 200k threshold: 250000·20 + 1000·30 = 5,030,000 → 5.03
		{"long context tier", cls(func(c *Class) { c.InputTokens, c.OutputTokens = 250000, 1000 }), beta, 1, 5.03},
		// 150k ≤ threshold: 150000·10 + 1000·20 = 1,520,000 → 1.52
		{"below long context threshold", cls(func(c *Class) { c.InputTokens, c.OutputTokens = 150000, 1000 }), beta, 1, 1.52},
		// turn 1: in 190k (base) 190000·10 + 20000·20 = 2.3M; turn 2: in 210k (> 200k) 210000·20 + 20000·30 = 4.8M → 7.1
		{"long context per turn", cls(func(c *Class) { c.InputTokens, c.OutputTokens, c.Turns = 190000, 20000, 2 }), beta, 1, 7.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			approx(t, "cost", TaskCost(tc.c, tc.m, tc.lam), tc.want)
		})
	}
}

// oneClass is a workload of a single class: 40 tasks a day of 1000 in, 500 out.
func oneClass(mod func(*Workload, *Class)) Workload {
	w := NewWorkload("t")
	c := NewClass("Short")
	c.Count, c.InputTokens, c.OutputTokens = 40, 1000, 500
	if mod != nil {
		mod(&w, &c)
	}
	w.Classes = []Class{c}
	return w
}

func eval(t *testing.T, w Workload, c *Catalog) Result {
	t.Helper()
	r, err := Evaluate(w, c)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func quote(t *testing.T, r Result, id string) *Quote {
	t.Helper()
	q, ok := r.Find(id)
	if !ok {
		t.Fatalf("no quote %q", id)
	}
	return q
}

func TestAPIOptions(t *testing.T) {
	r := eval(t, oneClass(nil), testCatalog())
	// 880 tasks (40 · 22) · 0.002 = 1.76
	a := quote(t, r, "api:alpha")
	approx(t, "alpha monthly", a.Monthly, 1.76)
	approx(t, "alpha per task", a.PerTask, 0.002)
	// 880 · (1000·10 + 500·20)/1e6 = 880 · 0.02 = 17.6
	approx(t, "beta monthly", quote(t, r, "api:beta").Monthly, 17.6)
	// 880 · (1000·3 + 500·6)/1e6 = 880 · 0.006 = 5.28
	approx(t, "gamma monthly", quote(t, r, "api:gamma").Monthly, 5.28)
	// monthly tokens: 880 · 1000 in, 880 · 500 out
	approx(t, "input tokens", a.Classes[0].InputTokens, 880000)
	approx(t, "output tokens", a.Classes[0].OutputTokens, 440000)
}

// A replay's options, restated over the modeled work, cost per task what
// they cost a month over its tasks, as the model's own options do.
func TestRestated(t *testing.T) {
	modeled := eval(t, oneClass(nil), testCatalog()) // 880 tasks a month (40 · 22)
	for _, tc := range []struct {
		name    string
		r       *Result
		monthly float64
		want    float64
	}{
		{"replayed plan", &modeled, 44, 0.05},   // 44 / 880
		{"replayed API", &modeled, 1.76, 0.002}, // 1.76 / 880, as api:alpha's own
		{"free", &modeled, 0, 0},                // 0 / 880
		{"no tasks", &Result{}, 44, 0},          // nothing to divide by: left as the replay gave it
	} {
		got := tc.r.Restated([]Quote{{ID: "x", Monthly: tc.monthly}})
		if len(got.Quotes) != 1 || got.TotalTasks != tc.r.TotalTasks {
			t.Errorf("%s: %d quotes over %v tasks, want 1 over %v", tc.name, len(got.Quotes), got.TotalTasks, tc.r.TotalTasks)
			continue
		}
		approx(t, tc.name+" per task", got.Quotes[0].PerTask, tc.want)
	}
}

// An option's cost moves from what it cost before; one that cannot carry
// the work, or had no cost, has no move to tell.
func TestCostChange(t *testing.T) {
	for _, tc := range []struct {
		name      string
		q         Quote
		was, want float64
		moved     bool
	}{
		{"dearer", Quote{Eligible: true, Monthly: 12.5}, 10, 2.5, true}, // 12.5 − 10
		{"cheaper", Quote{Eligible: true, Monthly: 7}, 10, -3, true},    // 7 − 10
		{"no longer carries it", Quote{Monthly: 12.5}, 10, 0, false},
		{"had no cost", Quote{Eligible: true, Monthly: 12.5}, math.Inf(1), 0, false},
		{"had no figure", Quote{Eligible: true, Monthly: 12.5}, math.NaN(), 0, false}, // not (NaN, true)
	} {
		d, ok := tc.q.CostChange(tc.was)
		if ok != tc.moved {
			t.Errorf("%s: move %v, want %v", tc.name, ok, tc.moved)
		}
		approx(t, tc.name, d, tc.want)
	}
}

func TestFeasibility(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mod    func(*Workload, *Class)
		id     string
		reason Reason
		why    Why
	}{
		// in_T + out_T = 99000 + 2000 = 101000 > alpha's 100000
		{"context window", func(_ *Workload, c *Class) { c.InputTokens, c.OutputTokens = 99000, 2000 }, "api:alpha",
			Reason{Kind: ReasonContext, Class: "Short", Model: "Alpha", Need: 101000, Have: 100000}, WhyContext},
		// out per turn = 5000 + 4000 reasoning = 9000 > alpha's 8000
		{"max output", func(_ *Workload, c *Class) { c.OutputTokens, c.ReasoningTokens = 5000, 4000 }, "api:alpha",
			Reason{Kind: ReasonOutput, Class: "Short", Model: "Alpha", Need: 9000, Have: 8000}, WhyOutput},
		// alpha is small, the class needs frontier
		{"tier", func(_ *Workload, c *Class) { c.MinTier = Frontier }, "api:alpha",
			Reason{Kind: ReasonTier, Class: "Short", Model: "Alpha", NeedTier: Frontier, HaveTier: Small}, WhyTier},
		// λ = 2 for ko on alpha: in_T + out_T = 2·45000 + 2·10000 = 110000 > 100000
		{"context with language factor", func(w *Workload, c *Class) {
			w.Language, c.InputTokens, c.OutputTokens = "ko", 45000, 10000
		}, "api:alpha", Reason{Kind: ReasonContext, Class: "Short", Model: "Alpha", Need: 110000, Have: 100000}, WhyContext},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := eval(t, oneClass(tc.mod), testCatalog())
			q := quote(t, r, tc.id)
			if q.Eligible || q.Fits {
				t.Fatalf("%s eligible", tc.id)
			}
			if q.Reason != tc.reason || q.Why != tc.why {
				t.Errorf("reason %+v (%v), want %+v (%v)", q.Reason, q.Why, tc.reason, tc.why)
			}
			if last := r.Quotes[len(r.Quotes)-1]; last.Eligible {
				t.Errorf("ineligible %s not ranked after the eligible ones", tc.id)
			}
		})
	}
}

// twoClasses: 40 short small tasks a day and 2 frontier tasks a day.
func twoClasses() Workload {
	w := oneClass(nil)
	hard := NewClass("Hard")
	hard.Count, hard.InputTokens, hard.OutputTokens, hard.MinTier = 2, 3000, 1000, Frontier
	w.Classes = append(w.Classes, hard)
	return w
}

func TestMixes(t *testing.T) {
	r := eval(t, twoClasses(), testCatalog())
	// Short on alpha: 880 · 0.002 = 1.76. Hard (44 tasks) only on beta: (3000·10 + 1000·20)/1e6 = 0.05 → 2.2.
	all := quote(t, r, "mix:all")
	approx(t, "mix:all", all.Monthly, 1.76+2.2)
	if all.Classes[0].Model != "alpha" || all.Classes[1].Model != "beta" {
		t.Errorf("routes %s, %s; want alpha, beta", all.Classes[0].Model, all.Classes[1].Model)
	}
	// The only eligible single model is beta: 880 · 0.02 + 2.2 = 19.8; saving 19.8 − 3.96 = 15.84
	approx(t, "beta", quote(t, r, "api:beta").Monthly, 19.8)
	if !all.HasSaving || all.SavingVs != "Beta" {
		t.Fatalf("saving vs %q", all.SavingVs)
	}
	approx(t, "saving", all.Saving, 15.84)
	// p1 has no frontier model: its mix cannot take Hard.
	if p1 := quote(t, r, "mix:p1"); p1.Eligible {
		t.Errorf("mix:p1 eligible without a frontier model")
	}
	// p2 routes both classes to beta: 19.8
	approx(t, "mix:p2", quote(t, r, "mix:p2").Monthly, 19.8)
}

// TestClassChannelOnEveryQuote: every option's class shares say how the
// class reaches its model (the workload's via), API options and mixes as
// well as plans, so JSON does not call a program's work chat.
func TestClassChannelOnEveryQuote(t *testing.T) {
	w := twoClasses()
	w.Classes[0].Via, w.Classes[1].Via = ViaAPI, ViaAgent
	r := eval(t, w, plan(func(s *Subscription) { s.Serves = []Via{ViaChat, ViaAgent} }))
	for _, id := range []string{"api:alpha", "api:beta", "mix:all", "mix:p2", "plan"} {
		q := quote(t, r, id)
		if got := []Via{q.Classes[0].Via, q.Classes[1].Via}; got[0] != ViaAPI || got[1] != ViaAgent {
			t.Errorf("%s: classes reach their models by %v, want [api agent]", id, got)
		}
	}
}

// plan builds a one-model subscription on alpha at $20.
func plan(mod func(*Subscription)) *Catalog {
	c := testCatalog()
	s := Subscription{ID: "plan", Vendor: "p1", Name: "Plan", PriceMonthly: 20, Models: []string{"alpha"}}
	if mod != nil {
		mod(&s)
	}
	c.Plans = append(c.Plans, s)
	return c
}

func TestSubscriptions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		w        Workload
		plan     func(*Subscription)
		monthly  float64
		util     float64
		fits     bool
		note     Note // one of the quote's notes; Note{} for none checked
		overflow float64
	}{
		// No limits, fits: exactly the base price.
		{"uncapped", oneClass(nil), nil, 20, 0, true, Note{Kind: NoteNoLimit}, 0},
		// seats = max(2 people, 5 min) = 5 → 5 · 25 = 125
		{"seat minimum", oneClass(func(w *Workload, _ *Class) { w.People = 2 }),
			func(s *Subscription) { s.PriceMonthly, s.SeatsMin = 25, 5 }, 125, 0, true, Note{Kind: NoteMinSeats, Seats: 5}, 0},
		// annual 240 / 12 = 20 per seat; 5 seats → 100
		{"annual billing", oneClass(func(w *Workload, _ *Class) { w.People, w.Billing = 5, Annual }),
			func(s *Subscription) { s.PriceMonthly, s.PriceAnnual = 25, p(240) }, 100, 0, true, Note{}, 0},
		// no annual price: the monthly one, 20
		{"annual without annual price", oneClass(func(w *Workload, _ *Class) { w.Billing = Annual }), nil, 20, 0, true, Note{Kind: NoteNoAnnual}, 0},
		// 880 messages/month, u_d = 880/22 = 40, 5-h window of an 8-h day: 40 · 5/8 = 25 of 45 → 0.5556
		{"messages under the limit", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 45}} }, 20, 25.0 / 45, true, Note{}, 0},
		// demand 25 of 10 → util 2.5, overflow 1 − 1/2.5 = 60% of 880 = 528 tasks on alpha at 0.002 = 1.056
		{"messages over the limit", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 10}} }, 21.056, 2.5, false, Note{}, 1.056},
		// weekly window: u_d = 40, days in window 22·168/730.5 = 5.05954…, demand 202.38 of 1000
		{"weekly window", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 168, Messages: 1000}} }, 20, 40 * 22 * 168 / 730.5 / 1000, true, Note{}, 0},
		// a 24-h window sees one day: demand 40 of 50
		{"daily window", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 24, Messages: 50}} }, 20, 0.8, true, Note{}, 0},
		// tokens: 1500 a task, 880·1500 = 1,320,000 a month, 60,000 a day, 5/8 of it = 37,500 of 100,000
		{"token limit", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Tokens: 100000}} }, 20, 0.375, true, Note{}, 0},
		// reference size 1000: a 1500-token turn is 1.5 messages → 60 a day, 37.5 per 5 h of 75
		{"reference tokens", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 75, ReferenceTokens: 1000}} }, 20, 0.5, true, Note{}, 0},
		// reference size 3000: a 1500-token turn still counts as one message → 25 of 50
		{"reference tokens floor of one", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 50, ReferenceTokens: 3000}} }, 20, 0.5, true, Note{}, 0},
		// the limit counts only frontier classes; this one is small → utilization 0
		{"tier-scoped limit", oneClass(nil),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 1, Tiers: []Tier{Frontier}}} }, 20, 0, true, Note{}, 0},
		// util 2.5 as above; the overflow (528 tasks) goes to p1's cheapest, alpha, 1.056, minus $1 credit → 0.056
		{"API credit", oneClass(nil),
			func(s *Subscription) {
				s.Limits = []Limit{{WindowHours: 5, Messages: 10}}
				s.APICreditMonthly = 1
			}, 20.056, 2.5, false, Note{Kind: NoteCredit, USD: 1}, 0.056},
		// credit larger than the overflow: overflow 0 after credit, not below
		{"API credit covers all", oneClass(nil),
			func(s *Subscription) {
				s.Limits = []Limit{{WindowHours: 5, Messages: 10}}
				s.APICreditMonthly = 5
			}, 20, 2.5, false, Note{}, 0},
		// ko on alpha's tokenizer is ×2: 1500 → 3000 tokens a task; 880·3000/22·5/8 = 75,000 of 100,000
		{"plan language factor", oneClass(func(w *Workload, _ *Class) { w.Language = "ko" }),
			func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Tokens: 100000}} }, 20, 0.75, true, Note{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := eval(t, tc.w, plan(tc.plan))
			q := quote(t, r, "plan")
			approx(t, "monthly", q.Monthly, tc.monthly)
			approx(t, "utilization", q.Utilization, tc.util)
			approx(t, "overflow", q.Overflow, tc.overflow)
			if q.Fits != tc.fits {
				t.Errorf("fits = %v, want %v (%+v)", q.Fits, tc.fits, q.Reason)
			}
			if !q.Eligible {
				t.Errorf("not eligible: %+v", q.Reason)
			}
			if tc.note != (Note{}) && !slices.Contains(q.Notes, tc.note) {
				t.Errorf("notes %+v lack %+v", q.Notes, tc.note)
			}
		})
	}
}

// The price of one seat is the engine's, at the billing in use: the detail
// view shows seats × it = Base without dividing a cost back.
func TestSeatPrice(t *testing.T) {
	for _, tc := range []struct {
		name       string
		w          Workload
		plan       func(*Subscription)
		seat, base float64
	}{
		// 5 seats (the minimum) × 25 = 125
		{"seat minimum", oneClass(func(w *Workload, _ *Class) { w.People = 2 }),
			func(s *Subscription) { s.PriceMonthly, s.SeatsMin = 25, 5 }, 25, 125},
		// annual 240 / 12 = 20 a seat; 5 seats → 100
		{"annual billing", oneClass(func(w *Workload, _ *Class) { w.People, w.Billing = 5, Annual }),
			func(s *Subscription) { s.PriceMonthly, s.PriceAnnual = 25, p(240) }, 20, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := quote(t, eval(t, tc.w, plan(tc.plan)), "plan")
			approx(t, "seat price", q.SeatPrice, tc.seat)
			approx(t, "base", q.Base, tc.base)
		})
	}
}

func TestPlanTierAndOverflowRoute(t *testing.T) {
	// The plan only has alpha (small); Hard needs frontier → overflows whole
	// to beta: 44 · 0.05 = 2.2. Short fits. Effective 20 + 2.2.
	r := eval(t, twoClasses(), plan(nil))
	q := quote(t, r, "plan")
	approx(t, "monthly", q.Monthly, 22.2)
	if q.Fits || !q.Eligible {
		t.Fatalf("fits %v eligible %v", q.Fits, q.Eligible)
	}
	if h := q.Classes[1]; h.Model != "beta" || h.OnPlan != 0 || h.Reason != (Reason{Kind: ReasonTier, NeedTier: Frontier, HaveTier: Small}) {
		t.Errorf("Hard: %+v", h)
	}
	if q.Reason != (Reason{Kind: ReasonTier, Class: "Hard", NeedTier: Frontier, HaveTier: Small}) || q.Why != WhyTier {
		t.Errorf("reason %+v", q.Reason)
	}
}

func TestPlanWithoutAPIRoute(t *testing.T) {
	// The plan still serves Short on alpha, which the API no longer sells
	// (retired, and the only model): over a limit of 1 message the overflow
	// has nowhere to go.
	c := plan(func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 1}} })
	c.Models = c.Models[:1]
	c.Models[0].Status = "retired"
	r := eval(t, oneClass(nil), c)
	if q := quote(t, r, "plan"); q.Eligible || !q.Reason.NoRoute {
		t.Errorf("eligible %v, reason %+v", q.Eligible, q.Reason)
	}
}

func TestBreakEven(t *testing.T) {
	// Best API option: mix:all = alpha for Short, 880 · 0.002 = 1.76 at k = 1.
	// An uncapped $20 plan: 20 = k · 1.76 → k* = 11.3636…
	r := eval(t, oneClass(nil), plan(nil))
	q := quote(t, r, "plan")
	if !q.HasBreakEven {
		t.Fatal("no break-even")
	}
	approx(t, "k*", q.BreakEven, 20/1.76)

	// With a limit of 10 messages per 5 h, beyond utilization 1 the overflow
	// costs the API price, so the plan never catches up: at k = 0.4 demand is
	// 10 (= 0.4·25); below that effective = 20 > k·1.76. No root in [1/64, 64].
	r = eval(t, oneClass(nil), plan(func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 10}} }))
	if q := quote(t, r, "plan"); q.HasBreakEven {
		t.Errorf("break-even %v for a plan that never pays off", q.BreakEven)
	}

	// A free plan has none.
	r = eval(t, oneClass(nil), plan(func(s *Subscription) { s.PriceMonthly = 0 }))
	if q := quote(t, r, "plan"); q.HasBreakEven {
		t.Error("free plan has a break-even")
	}
}

func TestRankingAndVerdict(t *testing.T) {
	// Short only: alpha 1.76 (and mix:all, mix:p1 the same), gamma 5.28, beta 17.6, plan 20.
	r := eval(t, oneClass(nil), plan(nil))
	var got []string
	for _, q := range r.Quotes {
		got = append(got, q.ID)
	}
	// Ties are ordered by name: at 1.76 "API mix, all providers" < "API mix, p1" < "Alpha";
	// at 17.6 "API mix, p2" < "Beta".
	want := "mix:all mix:p1 api:alpha api:gamma mix:p2 api:beta plan"
	if strings.Join(got, " ") != want {
		t.Errorf("ranking %s\nwant    %s", strings.Join(got, " "), want)
	}
}

func TestLanguageNotes(t *testing.T) {
	r := eval(t, oneClass(func(w *Workload, _ *Class) { w.Language = "ko" }), testCatalog())
	g := quote(t, r, "api:gamma")
	// gamma's tokenizer has no ko factor: the catalog's median for ko, which
	// with tk's 2 alone is 2 (range 2–2): 880 · 2 · 0.006 = 10.56, and said so.
	approx(t, "gamma", g.Monthly, 10.56)
	if !slices.ContainsFunc(g.Notes, func(n Note) bool {
		return n.Kind == NoteFactor && n.Model == "Gamma" && n.Factor.Tokenizer == "other" && n.Factor.Language == "ko" && n.Factor.Median && n.Factor.Value == 2
	}) {
		t.Errorf("notes %+v", g.Notes)
	}
	// alpha ×2: 880 · 0.004 = 3.52
	approx(t, "alpha", quote(t, r, "api:alpha").Monthly, 3.52)
}

func TestRetiredModelsAreNotOptions(t *testing.T) {
	c := testCatalog()
	c.Models[0].Status = "retired"
	r := eval(t, oneClass(nil), c)
	if _, ok := r.Find("api:alpha"); ok {
		t.Error("retired model quoted")
	}
	// Short now routes to gamma: 5.28
	approx(t, "mix:all", quote(t, r, "mix:all").Monthly, 5.28)
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		mod  func(*Workload, *Class)
		want string
	}{
		{func(w *Workload, _ *Class) { w.DaysPerMonth = 0 }, "days_per_month"},
		{func(w *Workload, _ *Class) { w.HoursPerDay = 25 }, "hours_per_day"},
		{func(w *Workload, _ *Class) { w.People = 0 }, "people"},
		{func(_ *Workload, c *Class) { c.Count = -1 }, "classes[0].count"},
		{func(_ *Workload, c *Class) { c.CacheHit = 1.5 }, "classes[0].cache_hit"},
		{func(_ *Workload, c *Class) { c.Turns = 0 }, "classes[0].turns"},
		{func(_ *Workload, c *Class) { c.InputTokens = math.NaN() }, "classes[0].input_tokens"},
		{func(_ *Workload, c *Class) { c.Name = "" }, "classes[0].name"},
		{func(w *Workload, _ *Class) { w.Billing = 7 }, "billing"},
	} {
		_, err := Evaluate(oneClass(tc.mod), testCatalog())
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("err %v, want %s…", err, tc.want)
		}
	}
	w := twoClasses()
	w.Classes[1].Name = w.Classes[0].Name
	if _, err := Evaluate(w, testCatalog()); err == nil || err.Error() != `classes[1].name: "Short" is used twice` {
		t.Errorf("duplicate names: %v", err)
	}
}

func TestPlanReasonPrefersHardLimits(t *testing.T) {
	// Short overflows the 10-message cap (util 2.5, as in TestSubscriptions);
	// Hard needs frontier, which the plan lacks. The quote names Hard.
	r := eval(t, twoClasses(), plan(func(s *Subscription) { s.Limits = []Limit{{WindowHours: 5, Messages: 10}} }))
	q := quote(t, r, "plan")
	if q.Why != WhyTier || q.Reason.Class != "Hard" {
		t.Errorf("reason %+v (%v), want Hard's tier", q.Reason, q.Why)
	}
	// Overflow: Short 60% of 880 = 528 tasks on alpha at 0.002 = 1.056; Hard 44 on beta at 0.05 = 2.2.
	approx(t, "monthly", q.Monthly, 20+1.056+2.2)
}

// Fit and ClassFit: one status per fact. A plan whose class overflows to an
// API model carries it partly (as it carries the work); an API model that
// cannot take a class carries neither.
func TestFitStatus(t *testing.T) {
	for _, tc := range []struct {
		name     string
		q        Quote
		fit, cls Fit
	}{
		{"all", Quote{Kind: KindSubscription, Eligible: true, Fits: true, Classes: []ClassQuote{{Fits: true}}}, FitAll, FitAll},
		{"overflow", Quote{Kind: KindSubscription, Eligible: true, Classes: []ClassQuote{{Model: "m"}}}, FitPartly, FitPartly},
		{"plan, no route", Quote{Kind: KindSubscription, Eligible: true, Classes: []ClassQuote{{}}}, FitPartly, FitNone},
		{"api too small", Quote{Kind: KindAPI, Classes: []ClassQuote{{Model: "m"}}}, FitNone, FitNone},
	} {
		if got := tc.q.Fit(); got != tc.fit {
			t.Errorf("%s: Fit %d, want %d", tc.name, got, tc.fit)
		}
		if got := tc.q.ClassFit(0); got != tc.cls {
			t.Errorf("%s: ClassFit %d, want %d", tc.name, got, tc.cls)
		}
	}
}
