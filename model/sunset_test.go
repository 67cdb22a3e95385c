package model

import (
	"slices"
	"testing"
)

// The dates are days after the catalog's own (its AsOf, 2026-11-27), so
// the tests read no clock and never rot.

func TestSunsetOf(t *testing.T) {
	for _, tc := range []struct {
		name                string
		status, dep, retire string
		want                Sunset // ModelID "" = none
	}{
		{"retires the next day", "active", "", "2026-11-28", Sunset{"alpha", "Alpha", "2026-11-28", 1, true}},
		{"retires on day 30", "active", "", "2026-12-27", Sunset{"alpha", "Alpha", "2026-12-27", 30, true}},
		{"retires on day 31: not yet", "active", "", "2026-12-28", Sunset{}},
		// retired today: no longer offered, nothing to come
		{"retires today", "active", "", "2026-11-27", Sunset{}},
		{"retired before", "legacy", "2026-06-01", "2026-11-01", Sunset{}},
		// deprecated on day 9, retires later than 30 days: the deprecation
		{"deprecated soon", "active", "2026-12-06", "2027-02-01", Sunset{"alpha", "Alpha", "2026-12-06", 9, false}},
		{"deprecated soon, no retirement", "active", "2026-12-06", "", Sunset{"alpha", "Alpha", "2026-12-06", 9, false}},
		// both within 30 days: the retirement, the later and graver end
		{"deprecated and retires soon", "active", "2026-12-06", "2026-12-17", Sunset{"alpha", "Alpha", "2026-12-17", 20, true}},
		// deprecated already, retires on day 14
		{"legacy, retires soon", "legacy", "2026-06-11", "2026-12-11", Sunset{"alpha", "Alpha", "2026-12-11", 14, true}},
		{"no dates", "active", "", "", Sunset{}},
		{"marked retired", "retired", "", "2026-12-01", Sunset{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCatalog()
			m := &c.Models[0]
			m.Status, m.Deprecated, m.Retired = tc.status, tc.dep, tc.retire
			got, ok := c.SunsetOf(m)
			if ok != (tc.want.ModelID != "") || got != tc.want {
				t.Errorf("SunsetOf = %+v, %v; want %+v", got, ok, tc.want)
			}
		})
	}
	// The day evaluated on is Date when set: Alpha retiring on 2026-12-11
	// is 6 days off on 2026-12-05, and nothing to a catalog with no day.
	c := testCatalog()
	c.Date, c.Models[0].Retired = "2026-12-05", "2026-12-11"
	if s, _ := c.SunsetOf(&c.Models[0]); s.Days != 6 {
		t.Errorf("from Date: %+v", s)
	}
	c.Date, c.AsOf = "", ""
	if _, ok := c.SunsetOf(&c.Models[0]); ok {
		t.Error("a catalog without a day warns")
	}
}

// alphaRetires is the test catalog with Alpha retiring on day 6.
func alphaRetires(c *Catalog) *Catalog {
	c.Models[0].Retired = "2026-12-03"
	return c
}

var alphaSunset = []Sunset{{"alpha", "Alpha", "2026-12-03", 6, true}}

func TestSunsetWarnings(t *testing.T) {
	// One class of 880 tasks a month (40 a day · 22 days) of 1000 in + 500
	// out: a task costs 0.002 on Alpha (1000·1 + 500·2), 0.006 on Gamma
	// (1000·3 + 500·6), 0.02 on Beta (1000·10 + 500·20); a month 1.76, 5.28
	// and 17.6.
	t.Run("API answer and one vendor", func(t *testing.T) {
		// mix:all, mix:p1 and api:alpha all cost 1.76 on Alpha; by name the
		// answer is "API mix, all providers" and the one-vendor option
		// "API mix, p1". Both use Alpha.
		r := eval(t, oneClass(nil), alphaRetires(testCatalog()))
		v := r.Verdict("")
		ws := r.SunsetWarnings(&v)
		if len(ws) != 2 || ws[0].Option.ID != "mix:all" || ws[1].Option.ID != "mix:p1" ||
			!slices.Equal(ws[0].Roles, []SunsetRole{RoleAnswer}) || !slices.Equal(ws[1].Roles, []SunsetRole{RoleOneVendor}) ||
			!slices.Equal(ws[0].Sunsets, alphaSunset) || !slices.Equal(ws[1].Sunsets, alphaSunset) {
			t.Fatalf("warnings %+v", ws)
		}
		// Without Alpha every route is Gamma's: mix:all 5.28 stays the
		// answer, mix:p1 5.28 the one-vendor option.
		sv, ok := r.SunsetVerdict("")
		if !ok {
			t.Fatal("no verdict without Alpha")
		}
		a, o := sv.StandIn(RoleAnswer, ws[0].Option), sv.StandIn(RoleOneVendor, ws[1].Option)
		if a.ID != "mix:all" || o.ID != "mix:p1" {
			t.Fatalf("stand-ins %s, %s", a.ID, o.ID)
		}
		approx(t, "answer without Alpha", a.Monthly, 5.28)
		approx(t, "one vendor without Alpha", o.Monthly, 5.28)
		// The result itself is as it was: Alpha is still offered today.
		if q, ok := r.Find("api:alpha"); !ok || q.Monthly != 1.76 {
			t.Error("the evaluation without Alpha changed the result")
		}
	})
	t.Run("the plan beaten", func(t *testing.T) {
		// A $20 plan on Alpha carries the class (no limits): the API answer
		// (1.76) beats it, and the plan, the option beaten, serves on Alpha.
		r := eval(t, oneClass(nil), alphaRetires(plan(nil)))
		v := r.Verdict("")
		ws := r.SunsetWarnings(&v)
		if len(ws) != 3 || ws[1].Option.ID != "plan" || !slices.Equal(ws[1].Roles, []SunsetRole{RoleOther}) {
			t.Fatalf("warnings %+v", ws)
		}
		// Without Alpha the plan lists no model: it carries none of the
		// work, so no paid plan stands in.
		sv, _ := r.SunsetVerdict("")
		if q := sv.StandIn(RoleOther, ws[1].Option); q != nil {
			t.Errorf("the best paid plan without Alpha is %s", q.ID)
		}
	})
	t.Run("a free plan's overflow", func(t *testing.T) {
		// A free plan on Gamma with 20 messages a day: demand 40 a day, so
		// half of the 880 tasks overflow, to Alpha, the cheapest: 440 ·
		// 0.002 = 0.88 < 1.76, so the verdict names it. It uses Gamma (for
		// the tasks it keeps) and Alpha.
		c := alphaRetires(plan(func(s *Subscription) {
			s.ID, s.Name, s.PriceMonthly, s.Models = "free", "Free", 0, []string{"gamma"}
			s.Limits = []Limit{{WindowHours: 24, Messages: 20}}
		}))
		r := eval(t, oneClass(nil), c)
		v := r.Verdict("")
		approx(t, "free", v.BestFree.Monthly, 0.88)
		if got := v.BestFree.modelsUsed(); !slices.Equal(got, []string{"gamma", "alpha"}) {
			t.Errorf("the free plan uses %v", got)
		}
		ws := r.SunsetWarnings(&v)
		if len(ws) != 3 || ws[2].Option.ID != "free" || !slices.Equal(ws[2].Roles, []SunsetRole{RoleFree}) {
			t.Fatalf("warnings %+v", ws)
		}
		// Without Alpha the overflow goes to Gamma: 440 · 0.006 = 2.64,
		// still below the answer's 5.28.
		sv, _ := r.SunsetVerdict("")
		approx(t, "free without Alpha", sv.StandIn(RoleFree, ws[2].Option).Monthly, 2.64)
	})
	t.Run("nothing goes", func(t *testing.T) {
		r := eval(t, oneClass(nil), testCatalog())
		v := r.Verdict("")
		if ws := r.SunsetWarnings(&v); ws != nil {
			t.Errorf("warnings %+v", ws)
		}
		if _, ok := r.SunsetVerdict(""); ok {
			t.Error("a verdict without models when none goes")
		}
	})
	t.Run("a model no option named uses", func(t *testing.T) {
		// Beta retiring warns of nothing: the answer and the one-vendor
		// option run on Alpha.
		c := testCatalog()
		c.Models[1].Retired = "2026-12-03"
		r := eval(t, oneClass(nil), c)
		v := r.Verdict("")
		if ws := r.SunsetWarnings(&v); ws != nil {
			t.Errorf("warnings %+v", ws)
		}
	})
	t.Run("one option, two roles", func(t *testing.T) {
		// An option the verdict names twice (the answer is also the
		// one-vendor option) is warned of once, with both roles; on the test
		// catalog mixes win ties by name, so the verdict is built by hand.
		r := eval(t, oneClass(nil), alphaRetires(testCatalog()))
		q, _ := r.Find("api:alpha")
		v := Verdict{Answer: AnswerAPI, BestAPI: q, OneVendor: q}
		ws := r.SunsetWarnings(&v)
		if len(ws) != 1 || !slices.Equal(ws[0].Roles, []SunsetRole{RoleAnswer, RoleOneVendor}) {
			t.Errorf("warnings %+v", ws)
		}
	})
}

func TestDaysFrom(t *testing.T) {
	for _, tc := range []struct {
		from, date string
		want       int
		ok         bool
	}{
		{"2026-11-27", "2026-12-27", 30, true},  // 3 + 27
		{"2026-12-20", "2026-11-01", -49, true}, // back 20 + 29
		{"2027-02-20", "2027-03-01", 9, true},   // 8 (February 2027 has 28) + 1
		{"2026-12-05", "2026-12-05", 0, true},
		{"2026-12-05", "", 0, false},
		{"soon", "2026-12-05", 0, false},
	} {
		if got, ok := DaysFrom(tc.from, tc.date); got != tc.want || ok != tc.ok {
			t.Errorf("DaysFrom(%q, %q) = %d, %v; want %d, %v", tc.from, tc.date, got, ok, tc.want, tc.ok)
		}
	}
}
