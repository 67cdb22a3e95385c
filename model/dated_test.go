package model

import (
	"math"
	"slices"
	"testing"
)

func TestStatusOn(t *testing.T) {
	m := APIModel{Status: "active", Deprecated: "2026-12-14", Retired: "2027-02-01"}
	for _, tc := range []struct{ date, want string }{
		{"", "active"}, // no date: the status alone
		{"2026-12-13", "active"},
		{"2026-12-14", "legacy"}, // from the deprecation date on
		{"2027-01-31", "legacy"},
		{"2027-02-01", "retired"}, // from the retirement date on
		{"2030-01-01", "retired"},
	} {
		if got := m.StatusOn(tc.date); got != tc.want {
			t.Errorf("StatusOn(%q) = %q, want %q", tc.date, got, tc.want)
		}
	}
	// A model marked retired stays retired, whatever its dates say.
	r := APIModel{Status: "retired", Retired: "2099-01-01"}
	if got := r.StatusOn("2026-12-05"); got != "retired" {
		t.Errorf("retired model on 2026-12-05: %q", got)
	}
}

func TestRetiredByDate(t *testing.T) {
	// Alpha retires on 2026-12-01. The plan lists only alpha; one class of
	// 880 tasks (40 a day · 22 days) of 1000 in + 500 out.
	for _, tc := range []struct {
		name, date, asOf string
		offered          bool    // api:alpha is an option
		serving          string  // the plan's serving model
		monthly          float64 // the plan's effective cost
	}{
		// the day before: alpha serves the plan, which costs its price
		{"before", "2026-11-30", "", true, "alpha", 20},
		// from the date: alpha is gone; the class overflows whole to the
		// cheapest API model left, gamma: 880 · (1000·3 + 500·6)/1e6 = 5.28
		{"on the date", "2026-12-01", "", false, "", 25.28},
		// no date set: the catalog's own date counts
		{"as of before", "", "2026-11-27", true, "alpha", 20},
		{"as of after", "", "2026-12-02", false, "", 25.28},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := plan(nil)
			c.Models[0].Retired = "2026-12-01"
			c.Date, c.AsOf = tc.date, tc.asOf
			r := eval(t, oneClass(nil), c)
			if _, ok := r.Find("api:alpha"); ok != tc.offered {
				t.Errorf("api:alpha offered %v, want %v", ok, tc.offered)
			}
			q := quote(t, r, "plan")
			if q.Classes[0].Serving != tc.serving {
				t.Errorf("serving %q, want %q", q.Classes[0].Serving, tc.serving)
			}
			approx(t, "plan monthly", q.Monthly, tc.monthly)
		})
	}
}

func TestDeprecatedNote(t *testing.T) {
	c := testCatalog()
	c.Date = "2026-12-20"
	c.Models[0].Deprecated, c.Models[0].Retired = "2026-12-14", "2027-02-01"
	q := quote(t, eval(t, oneClass(nil), c), "api:alpha")
	if want := (Note{Kind: NoteModelStatus, Model: "Alpha", Status: "legacy", Retires: "2027-02-01"}); !slices.Contains(q.Notes, want) {
		t.Errorf("notes %+v lack %+v", q.Notes, want)
	}
}

func TestLimitWeightsAndOverage(t *testing.T) {
	// One class of 880 tasks a month (40 a day · 22 days), one turn each of
	// 1000 in + 500 out. The plan ($20) lists alpha (small, $0.002 a task)
	// and gamma (mid, $0.006 a task), and has a monthly limit (730.5 h) of
	// 1000 messages in which gamma's weigh 3 and alpha's nothing. A monthly
	// window's demand is the month's units per seat: u_d · max(1, 22·730.5/730.5).
	weighted := Limit{WindowHours: hoursPerMonth, Messages: 1000, Weights: map[string]float64{"alpha": 0, "gamma": 3}}
	mid := func(_ *Workload, c *Class) { c.MinTier = Mid }
	for _, tc := range []struct {
		name    string
		w       Workload
		limits  []Limit
		seats   int
		monthly float64
		overage float64
		util    float64
		fits    bool
	}{
		// small work runs on alpha, weight 0: the limit does not count it
		{"weight 0", oneClass(nil), []Limit{weighted}, 1, 20, 0, 0, true},
		// mid work runs on gamma: 880 · 3 = 2640 messages against 1000,
		// utilization 2.64; a share 1 − 1/2.64 overflows to the API on
		// gamma: 880 · 0.006 · 1.64/2.64 = 3.28
		{"weight 3, overflow to the API", oneClass(mid), []Limit{weighted}, 1, 23.28, 0, 2.64, false},
		// with an overage price the excess stays on the plan: 2640 − 1000 =
		// 1640 messages at $0.04 = 65.6
		{"overage", oneClass(mid), []Limit{withOverage(weighted, 0.04)}, 1, 85.6, 65.6, 2.64, false},
		// two people, two seats of 1000 each: 2640 against 2000, 640 over at
		// $0.04 = 25.6, on a base of 40
		{"overage per seat", oneClass(func(w *Workload, c *Class) { mid(w, c); w.People = 2 }), []Limit{withOverage(weighted, 0.04)}, 2, 65.6, 25.6, 1.32, false},
		// a hard limit of 20 messages per 5 h as well (weight 1): daily 40,
		// demand 40 · 5/8 = 25, utilization 1.25: 1 − 1/1.25 = 20% (176
		// tasks) overflow to gamma's API: 176 · 0.006 = 1.056. The 704 left
		// count 2112 against 1000: 1112 over at $0.04 = 44.48.
		// 20 + 1.056 + 44.48 = 65.536
		{"overage after a hard limit", oneClass(mid), []Limit{{WindowHours: 5, Messages: 20}, withOverage(weighted, 0.04)}, 1, 65.536, 44.48, 2.112, false},
		// a usd allowance with overage at API prices (Copilot, Cursor): small
		// work on alpha is 880 · $0.002 = $1.76 of API-priced use against $1,
		// utilization 1.76; the $0.76 beyond is billed at 1 per dollar
		{"usd overage at API prices", oneClass(nil), []Limit{{WindowHours: hoursPerMonth, USD: 1, Overage: 1}}, 1, 20.76, 0.76, 1.76, false},
		// under the capacity nothing is billed: 100 tasks · 3 = 300 of 1000
		{"overage not reached", oneClass(func(w *Workload, c *Class) { mid(w, c); c.Count, c.Per = 100, PerMonth }),
			[]Limit{withOverage(weighted, 0.04)}, 1, 20, 0, 0.3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := plan(func(s *Subscription) { s.Models, s.Limits = []string{"alpha", "gamma"}, tc.limits })
			q := quote(t, eval(t, tc.w, c), "plan")
			approx(t, "monthly", q.Monthly, tc.monthly)
			approx(t, "overage", q.Overage, tc.overage)
			approx(t, "utilization", q.Utilization, tc.util)
			approx(t, "base + overflow", q.Base+q.Overflow, q.Monthly)
			if q.Fits != tc.fits || q.Seats != tc.seats {
				t.Errorf("fits %v seats %d, want %v %d", q.Fits, q.Seats, tc.fits, tc.seats)
			}
			if tc.overage > 0 && !slices.ContainsFunc(q.Notes, func(n Note) bool { return n.Kind == NoteOverage && math.Abs(n.USD-tc.overage) < 1e-9 }) {
				t.Errorf("no overage note in %+v", q.Notes)
			}
			// the first reason stands; a plan billed overage alone says so
			if tc.overage > 0 && !q.Reason.Given() || tc.name == "overage" && q.Reason.Kind != ReasonOverage {
				t.Errorf("reason %+v", q.Reason)
			}
		})
	}
}

func withOverage(l Limit, price float64) Limit {
	l = l.Clone()
	l.Overage = price
	return l
}

func TestLimitWeight(t *testing.T) {
	l := Limit{WindowHours: 730.5, Messages: 300, Weights: map[string]float64{"x": 3}, Overage: 0.04}
	if l.Weight("x") != 3 || l.Weight("y") != 1 {
		t.Errorf("weights %v %v", l.Weight("x"), l.Weight("y"))
	}
}
