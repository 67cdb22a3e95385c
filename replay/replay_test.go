package replay

import (
	"math"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// The test catalog (testdata/catalog.yaml) prices, per 1M tokens:
// a-small (provider a, small, 100k context) $1 in / $5 out; a-big (a,
// frontier, 200k) $10 / $50; b-mid (b, mid, 50k) $2 / $4.
func testCatalog(t *testing.T) *model.Catalog {
	t.Helper()
	c, err := plans.LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return &c.Catalog
}

// t0 is midnight UTC of the first test day; records are placed in hours
// after it and days are counted in UTC unless a test says otherwise.
var t0 = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

func at(h float64) int64 { return t0.Add(time.Duration(h * float64(time.Hour))).UnixMilli() }

// Record kinds:
//
//	S: logged on a-small, 90,000 in + 2,000 out = 92,000 tokens, small tier.
//	   a-small: 0.09 + 0.01 = $0.10; a-big: 0.9 + 0.1 = $1.00; b-mid: too
//	   large (50k context).
//	H: logged on a-big, 50,000 in + 1,000 out = 51,000 tokens, frontier.
//	   a-big: 0.5 + 0.05 = $0.55; a-small and b-mid: tier too low.
//	T: logged on b-mid, 10,000 in + 5,000 out = 15,000 tokens, mid tier.
//	   b-mid: 0.02 + 0.02 = $0.04; a-big: 0.1 + 0.25 = $0.35; a-small: tier.
func S(h float64) Record {
	return Record{Time: at(h), Model: "a-small", Name: "a-small", Usage: model.Usage{Input: 90000, Output: 2000}}
}
func H(h float64) Record {
	return Record{Time: at(h), Model: "a-big", Name: "a-big", Usage: model.Usage{Input: 50000, Output: 1000}}
}
func T(h float64) Record {
	return Record{Time: at(h), Model: "b-mid", Name: "b-mid", Usage: model.Usage{Input: 10000, Output: 5000}}
}

func run(t *testing.T, recs []Record, loc *time.Location) *Result {
	t.Helper()
	if loc == nil {
		loc = time.UTC
	}
	r, err := Run(recs, testCatalog(t), Options{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func quote(t *testing.T, r *Result, id string) *model.Quote {
	t.Helper()
	for i := range r.Quotes {
		if r.Quotes[i].ID == id {
			return &r.Quotes[i]
		}
	}
	t.Fatalf("no option %s", id)
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

type wantWin struct {
	windows, hit int
	blocked      float64
	peak         float64
}

type wantPlan struct {
	id                string
	onPlan, over      int
	monthly, overflow float64
	credit            float64
	overage           float64 // part of overflow
	low, high         float64
	eligible, fits    bool
	wins              []wantWin
}

func checkPlan(t *testing.T, r *Result, w wantPlan) {
	t.Helper()
	q := quote(t, r, w.id)
	p := r.Plans[w.id]
	if p.OnPlan != w.onPlan || p.Overflowed != w.over {
		t.Errorf("%s: %d on the plan, %d overflowed; want %d, %d", w.id, p.OnPlan, p.Overflowed, w.onPlan, w.over)
	}
	if q.Eligible != w.eligible || q.Fits != w.fits {
		t.Errorf("%s: eligible %v fits %v; want %v %v (%+v)", w.id, q.Eligible, q.Fits, w.eligible, w.fits, q.Reason)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"monthly", q.Monthly, w.monthly}, {"overflow", q.Overflow, w.overflow}, {"credit", q.Credit, w.credit},
		{"overage", q.Overage, w.overage}, {"low", q.MonthlyLow, w.low}, {"high", q.MonthlyHigh, w.high}} {
		if !near(c.got, c.want) {
			t.Errorf("%s: %s = %.10g, want %.10g", w.id, c.name, c.got, c.want)
		}
	}
	if len(p.Windows) != len(w.wins) {
		t.Fatalf("%s: %d limits, want %d", w.id, len(p.Windows), len(w.wins))
	}
	for i, ww := range w.wins {
		g := p.Windows[i]
		if g.Windows != ww.windows || g.Hit != ww.hit || !near(g.BlockedHours, ww.blocked) || !near(g.Peak, ww.peak) {
			t.Errorf("%s limit %d: %d windows, %d hit, %.4g h blocked, peak %.4g; want %d, %d, %.4g, %.4g", w.id, i,
				g.Windows, g.Hit, g.BlockedHours, g.Peak, ww.windows, ww.hit, ww.blocked, ww.peak)
		}
	}
}

// TestWindowsAndHitRule: Plan Msg allows 2 messages per 5 hours; seven S
// records at hours 0, 1, 2, 4.9, 5, 6, 11 (all on day 0: N = 1, M = 30.4375).
//
//	0    opens window 1 [0, 5): 0+1 ≤ 2, runs (used 1)
//	1    runs (used 2)
//	2    2+1 > 2: overflows, window 1 hit at 2
//	4.9  window 1 is hit: overflows
//	5    window 1 ended at 5 (a window lasts [open, open+5h)): hit, blocked
//	     5−2 = 3 h, it counted 4 messages: 4/2 = 200%. Window 2 [5, 10) opens, runs
//	6    runs (used 2)
//	11   window 2 ended unhit (2/2 = 100%); window 3 [11, 16) opens, runs (1/2)
//
// 3 windows, 1 hit, 3 h blocked, peak 2. Overflow: 2 records on a-small
// (b-mid too small, a-big $1.00) at $0.10 = $0.20 for the period, × 30.4375
// = $6.0875 a month; monthly 10 + 6.0875 = $16.0875.
func TestWindowsAndHitRule(t *testing.T) {
	r := run(t, []Record{S(0), S(1), S(2), S(4.9), S(5), S(6), S(11)}, nil)
	if r.Days != 1 || !near(r.MonthFactor, 30.4375) {
		t.Fatalf("N = %d, M = %g; want 1, 30.4375", r.Days, r.MonthFactor)
	}
	checkPlan(t, r, wantPlan{id: "pmsg", onPlan: 5, over: 2, monthly: 16.0875, overflow: 6.0875, low: 16.0875, high: 16.0875,
		eligible: true, wins: []wantWin{{3, 1, 3, 2}}})
}

// TestTwoLimitsWeekly: Plan A has $1 per 5 hours and $3 per week, both
// counting every record. Ten H records ($0.55 each on a-big, the logged
// model: the plan's vendor's) at hours 0, 1, 2, 6, 7, 12, 24, 30, 36, 37.
//
//	0   5-hour window [0,5) and the week [0,168) open; runs: .55 / .55
//	1   5-hour: .55+.55 = 1.10 > 1: overflows, 5-hour hit at 1 (the week,
//	    at 1.10 ≤ 3, is not)
//	2   5-hour hit: overflows
//	6   window [0,5) closes: hit, blocked 4 h, counted 1.65 (165%);
//	    [6,11) opens; runs: .55 / week 1.10
//	7   overflows, hit at 7
//	12  [6,11) closes: blocked 4 h, counted 1.10; [12,17) opens; runs, week 1.65
//	24  [24,29), runs, week 2.20
//	30  [30,35), runs, week 2.75
//	36  [36,41) opens; 5-hour .55 ≤ 1 but the week 2.75+.55 = 3.30 > 3:
//	    overflows, the week hit at 36 (the 5-hour window is not)
//	37  the week is hit: overflows (5-hour still at 0 used)
//
// 5-hour: 6 windows, 2 hit, 8 h blocked, peak 1.65. Week: 1 window, hit,
// blocked 168−36 = 132 h, counted 10 × .55 = 5.5 of 3: peak 1.8333….
// 5 on the plan, 5 overflow; H goes only to a-big: 5 × .55 = $2.75. The
// records span day 0 to day 1 (hour 37): N = 2, M = 15.21875; overflow
// 2.75 × 15.21875 = $41.8515625, monthly 20 + that = $61.8515625.
func TestTwoLimitsWeekly(t *testing.T) {
	var recs []Record
	for _, h := range []float64{0, 1, 2, 6, 7, 12, 24, 30, 36, 37} {
		recs = append(recs, H(h))
	}
	r := run(t, recs, nil)
	checkPlan(t, r, wantPlan{id: "pa", onPlan: 5, over: 5, monthly: 61.8515625, overflow: 41.8515625, low: 61.8515625,
		high: 61.8515625, eligible: true, wins: []wantWin{{6, 2, 8, 1.65}, {1, 1, 132, 5.5 / 3}}})
}

// TestScopes: Plan Scope has two 1-message 5-hour limits, one counting
// frontier models, one a-small. S runs on a-small (its logged model, the
// plan's vendor's): only the a-small limit counts it. H runs on a-big: only
// the frontier limit. T was logged on b-mid (vendor b, not listed), so it
// runs on the cheapest fitting plan model: a-small is below its mid tier,
// so a-big ($0.35), frontier: the frontier limit counts it.
//
//	S@0    a-small limit opens [0,5), runs
//	H@0.5  frontier limit opens [0.5,5.5), runs
//	S@1    a-small: 1+1 > 1, overflows, hit at 1
//	T@2    frontier: 1+1 > 1, overflows, hit at 2
//	H@6    frontier window closed at 5.5 (hit, blocked 3.5 h, 2 counted: 200%);
//	       [6,11) opens, runs
//
// Frontier: 2 windows, 1 hit, 3.5 h, peak 2. a-small: 1 window, hit at 1,
// blocked 4 h, peak 2. Overflow: S on a-small $0.10, T on b-mid $0.04 (its
// cheapest API model) = $0.14; N = 1: × 30.4375 = $4.26125; monthly $24.26125.
func TestScopes(t *testing.T) {
	r := run(t, []Record{S(0), H(0.5), S(1), T(2), H(6)}, nil)
	checkPlan(t, r, wantPlan{id: "pscope", onPlan: 3, over: 2, monthly: 24.26125, overflow: 4.26125, low: 24.26125,
		high: 24.26125, eligible: true, wins: []wantWin{{2, 1, 3.5, 2}, {1, 1, 4, 2}}})
	// Plan Chat serves chat only: nothing runs on it, so it is no option.
	q := quote(t, r, "pchat")
	if q.Eligible || r.Plans["pchat"].OnPlan != 0 || q.Reason != (model.Reason{Kind: model.ReasonCarriesNone, Inner: model.ReasonVia, Via: model.ViaAgent}) {
		t.Errorf("pchat: eligible %v, %d on the plan, reason %+v", q.Eligible, r.Plans["pchat"].OnPlan, q.Reason)
	}
}

// TestOverflowCredit: Plan Credit ($30) allows 1 message per 5 hours on
// a-small and gives $5 of API credit a month, against vendor a's models.
func TestOverflowCredit(t *testing.T) {
	// Three S in one window: the first runs, two overflow. Plain route: 2 ×
	// $0.10 (a-small) = $0.20 × 30.4375 = $6.0875. Credit route: both can go
	// to vendor a's a-small: $6.0875 − $5 = $1.0875, cheaper: it wins, the
	// whole $5 used. Monthly 30 + 1.0875 = $31.0875.
	r := run(t, []Record{S(0), S(1), S(2)}, nil)
	checkPlan(t, r, wantPlan{id: "pcredit", onPlan: 1, over: 2, monthly: 31.0875, overflow: 1.0875, credit: 5,
		low: 31.0875, high: 31.0875, eligible: true, wins: []wantWin{{1, 1, 4, 3}}})

	// S runs, S overflows, and T does not fit (mid tier; the plan has only
	// a-small) so it overflows whole without touching the window. Plain:
	// S on a-small .10 + T on b-mid .04 = .14 × 30.4375 = $4.26125. Credit
	// route: S on a-small .10 + T on vendor a's a-big .35 = .45 × 30.4375 =
	// 13.696875 − 5 = $8.696875, dearer: the plain route wins, no credit.
	r = run(t, []Record{S(0), S(1), T(2)}, nil)
	checkPlan(t, r, wantPlan{id: "pcredit", onPlan: 1, over: 2, monthly: 34.26125, overflow: 4.26125,
		low: 34.26125, high: 34.26125, eligible: true, wins: []wantWin{{1, 1, 4, 2}}})
}

// TestNoRoute: a 250,000-token record fits no model (200k at most): every
// plan that would overflow it, and every API option, is ineligible.
func TestNoRoute(t *testing.T) {
	big := Record{Time: at(1), Model: "a-big", Name: "a-big", Usage: model.Usage{Input: 250000, Output: 10}}
	r := run(t, []Record{S(0), big}, nil)
	for _, q := range r.Quotes {
		if q.Eligible {
			t.Errorf("%s is eligible; the 250k record fits nowhere", q.ID)
		}
	}
	if r.Verdict.Answer != model.AnswerNone {
		t.Errorf("answer %v, want none", r.Verdict.Answer)
	}
}

// TestRanges: Plan Range allows $0.25 ($0.15–$0.50) per 5 hours on a-small;
// four S ($0.10 each) at hours 0–3, one window (N = 1, M = 30.4375).
//
//	at $0.25: .10, .20 run; .30 > .25: two overflow: $0.20 → 20 + 6.0875 = $26.0875
//	at $0.15 (monthly_cost_high): .10 runs, three overflow: $0.30 → 20 + 9.13125 = $29.13125
//	at $0.50 (monthly_cost_low): .40 ≤ .50, all run: $20
//
// The window figures are the capacity's: hit, blocked 5−2 = 3 h, 0.40/0.25 = 1.6.
func TestRanges(t *testing.T) {
	r := run(t, []Record{S(0), S(1), S(2), S(3)}, nil)
	checkPlan(t, r, wantPlan{id: "prange", onPlan: 2, over: 2, monthly: 26.0875, overflow: 6.0875, low: 20, high: 29.13125,
		eligible: true, wins: []wantWin{{1, 1, 3, 1.6}}})
}

// TestMonthFactor: days are local days. In America/Denver, 2026-03-01 06:00
// UTC is 2026-02-28 23:00 (MST) and 2026-03-10 12:00 UTC is 2026-03-10
// 06:00 (MDT): Feb 28 to Mar 10 is 11 days, M = 30.4375/11. Two S records
// cost $0.20 as recorded: 0.20 × 30.4375 / 11 = $0.55340909… a month; on
// a-small alone the same.
func TestMonthFactor(t *testing.T) {
	den, err := time.LoadLocation("America/Denver")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	a := S(0)
	a.Time = time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC).UnixMilli()
	b := S(0)
	b.Time = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC).UnixMilli()
	r := run(t, []Record{a, b}, den)
	want := 0.20 * 30.4375 / 11
	if r.From != "2026-02-28" || r.To != "2026-03-10" || r.Days != 11 || !near(r.MonthFactor, 30.4375/11) {
		t.Errorf("period %s..%s, %d days, M %g; want 2026-02-28..2026-03-10, 11, %g", r.From, r.To, r.Days, r.MonthFactor, 30.4375/11)
	}
	if !near(r.AsRecorded, want) || !near(quote(t, r, "api:a-small").Monthly, want) {
		t.Errorf("as recorded %g, a-small %g; want %g", r.AsRecorded, quote(t, r, "api:a-small").Monthly, want)
	}
}

// TestAPIOptions: S and T at hours 0 and 1 (N = 1, M = 30.4375).
//
//	a-small: T is mid tier: ineligible
//	a-big:   S $1.00 + T $0.35 = $1.35 → $41.090625
//	b-mid:   S is 92k > 50k context: ineligible
//	mix:all  S→a-small .10 + T→b-mid .04 = .14 → $4.26125
//	mix:a    S→a-small .10 + T→a-big .35 = .45 → $13.696875
//	mix:b    S has no b model: ineligible
//	as recorded: S on a-small .10 + T on b-mid .04 = .14 → $4.26125
func TestAPIOptions(t *testing.T) {
	r := run(t, []Record{S(0), T(1)}, nil)
	for _, c := range []struct {
		id       string
		eligible bool
		monthly  float64
	}{{"api:a-small", false, 0}, {"api:a-big", true, 41.090625}, {"api:b-mid", false, 0},
		{"mix:all", true, 4.26125}, {"mix:a", true, 13.696875}, {"mix:b", false, 0}} {
		q := quote(t, r, c.id)
		if q.Eligible != c.eligible || (c.eligible && !near(q.Monthly, c.monthly)) {
			t.Errorf("%s: eligible %v, $%g; want %v, $%g", c.id, q.Eligible, q.Monthly, c.eligible, c.monthly)
		}
	}
	if !near(r.AsRecorded, 4.26125) {
		t.Errorf("as recorded $%g, want $4.26125", r.AsRecorded)
	}
}

// TestVerdict: the seven records of TestWindowsAndHitRule on every option.
// API: a-small 7 × .10 = .70 × 30.4375 = $21.30625 (also mix:all and mix:a);
// a-big $213.0625; b-mid and mix:b ineligible. Plans: Plan Msg $16.0875
// (above); Plan A's $1 5-hour window holds 4 × .10 and the week .70: all
// run, $20. The cheapest paid plan, Plan Msg, beats the API by $5.21875
// (24.49% of $21.30625): the answer is the subscription, resting on no
// estimate (Plan Msg's limit has no range).
func TestVerdict(t *testing.T) {
	r := run(t, []Record{S(0), S(1), S(2), S(4.9), S(5), S(6), S(11)}, nil)
	v := r.Verdict
	if v.Answer != model.AnswerSubscription || v.BestPlan.ID != "pmsg" || !near(v.BestAPI.Monthly, 21.30625) {
		t.Fatalf("answer %v, plan %v, api %+v", v.Answer, v.BestPlan, v.BestAPI)
	}
	if !near(v.Saving, 5.21875) || !near(v.SavingShare, 5.21875/21.30625) || v.DependsOnEstimate {
		t.Errorf("saving %g (%g), depends %v; want 5.21875 (%g), false", v.Saving, v.SavingShare, v.DependsOnEstimate, 5.21875/21.30625)
	}
	checkPlan(t, r, wantPlan{id: "pa", onPlan: 7, monthly: 20, low: 20, high: 20, eligible: true, fits: true,
		// 5-hour: [0,5) .40, [5,10) .20, [11,16) .10: peak .40; week .70/3.
		wins: []wantWin{{3, 0, 0, 0.4}, {1, 0, 0, 0.7 / 3}}})
	if r.Quotes[0].ID != "pmsg" {
		t.Errorf("ranked first: %s, want pmsg", r.Quotes[0].ID)
	}
}

// TestUnknownModel: a record on a model the catalog lacks is small tier,
// left out of the recorded cost, and said in a note; it runs on the plan's
// cheapest fitting model (a-small: $0.10 of Plan A's $1).
func TestUnknownModel(t *testing.T) {
	x := S(0)
	x.Model, x.Name = "", "mystery-1"
	r := run(t, []Record{x, S(1)}, nil)
	if r.Unpriced != 1 || !near(r.AsRecorded, 0.10*30.4375) || len(r.Notes) != 1 || r.Notes[0].Records != 1 {
		t.Errorf("unpriced %d, as recorded %g, notes %+v", r.Unpriced, r.AsRecorded, r.Notes)
	}
	checkPlan(t, r, wantPlan{id: "pa", onPlan: 2, monthly: 20, low: 20, high: 20, eligible: true, fits: true,
		wins: []wantWin{{1, 0, 0, 0.2}, {1, 0, 0, 0.2 / 3}}})
}

func TestOutOfOrder(t *testing.T) {
	if _, err := Run([]Record{S(1), S(0)}, testCatalog(t), Options{Location: time.UTC}); err == nil {
		t.Error("records out of time order were replayed")
	}
	if _, err := Run(nil, testCatalog(t), Options{}); err == nil {
		t.Error("no records replayed without an error")
	}
}

// TestHitWindowStaysHit: on Plan A ($1 per 5 hours), H@0 runs ($0.55), H@1
// would make $1.10 and overflows, hitting the window at 1; S@2 ($0.10) would
// fit ($0.65 ≤ $1) but the window is hit until it ends: it overflows too.
// 5-hour: 1 window, hit, blocked 5−1 = 4 h, counted .55+.55+.10 = 1.20:
// peak 1.2. Week: 1.20/3 = 0.4, not hit. Overflow: H on a-big .55 + S on
// a-small .10 = .65 × 30.4375 = $19.784375; monthly 20 + that = $39.784375.
func TestHitWindowStaysHit(t *testing.T) {
	r := run(t, []Record{H(0), H(1), S(2)}, nil)
	checkPlan(t, r, wantPlan{id: "pa", onPlan: 1, over: 2, monthly: 39.784375, overflow: 19.784375, low: 39.784375,
		high: 39.784375, eligible: true, wins: []wantWin{{1, 1, 4, 1.2}, {1, 0, 0, 0.4}}})
}

// checkExcess checks each limit's units billed beyond its capacity and the
// records with such units.
func checkExcess(t *testing.T, r *Result, id string, beyond int, excess ...float64) {
	t.Helper()
	p := r.Plans[id]
	if p.Beyond != beyond {
		t.Errorf("%s: %d records beyond an overage limit, want %d", id, p.Beyond, beyond)
	}
	for i, e := range excess {
		if !near(p.Windows[i].Excess, e) {
			t.Errorf("%s limit %d: excess %.10g, want %.10g", id, i, p.Windows[i].Excess, e)
		}
	}
}

// TestWeights: Plan Weight ($15) has 3 messages per 5 hours where a-big
// counts 2 and a-small 0 (not counted), and 250,000 tokens a week where
// a-big counts half. H, S and S run on their logged models (vendor a's);
// T (b-mid, vendor b, not listed) on the cheapest fitting plan model: a-small
// is below mid, so a-big.
//
//	       messages (5 h)               tokens (week)
//	H@0    opens [0,5); 2 ≤ 3, used 2   opens [0,168); 51,000 × .5 = 25,500
//	S@0.5  not counted (weight 0)       92,000: used 117,500 ≤ 250,000; runs
//	H@1    2+2 = 4 > 3: hit at 1        25,500: 143,000 would fit; overflows
//	S@2    not counted: the hit window  92,000: used 209,500; runs
//	       does not hold it back
//	T@3    2 (a-big), window hit        15,000 × .5 = 7,500 would fit; overflows
//
// Messages: 1 window, hit, blocked 5−1 = 4 h, counted 2+2+2 = 6: peak 2.
// Tokens: 1 window, not hit, counted 25,500+92,000+25,500+92,000+7,500 =
// 242,500: peak .97. 3 on the plan, 2 over: H on a-big $.55 (the only
// frontier model), T on b-mid $.04: $.59 × 30.4375 = $17.958125; monthly
// 15 + that = $32.958125.
func TestWeights(t *testing.T) {
	r := run(t, []Record{H(0), S(0.5), H(1), S(2), T(3)}, nil)
	checkPlan(t, r, wantPlan{id: "pweight", onPlan: 3, over: 2, monthly: 32.958125, overflow: 17.958125, low: 32.958125,
		high: 32.958125, eligible: true, wins: []wantWin{{1, 1, 4, 2}, {1, 0, 0, 0.97}}})
	checkExcess(t, r, "pweight", 0, 0, 0)
}

// TestOverage: Plan Overage ($12) has a weekly $0.25 ($0.15–$0.50) billed at
// 1.2 per dollar beyond it, and 2 messages per 5 hours (no overage). Six S
// ($0.10 each on a-small) on day 0 (N = 1, M = 30.4375).
//
//	       messages (5 h)              dollars (week, overage)
//	S@0    opens [0,5); runs (1)       opens [0,168); used .10
//	S@1    runs (2)                    used .20
//	S@2    3 > 2: overflows, hit at 2  an overflowing record adds nothing
//	S@3    hit: overflows              nothing
//	S@6    [0,5) closed: hit, 3 h      .20+.10 = .30 > .25: hit at 6, runs
//	       blocked, 4 counted (200%);  anyway; excess .30−.25 = .05
//	       [6,11) opens; runs (1)
//	S@7    runs (2)                    .40: excess .15 − .05 = .10
//
// Dollars: 1 window, hit, no hours blocked, .40 run of .25: peak 1.6,
// excess .15. Messages: 2 windows, 1 hit, 3 h, peak 2. API overflow: 2 S
// on a-small, $.20 × 30.4375 = $6.0875; overage .15 × 1.2 = $.18 × 30.4375 =
// $5.47875; overflow 6.0875 + 5.47875 = $11.56625; monthly $23.56625.
// At the high end ($.50) nothing is beyond: 12 + 6.0875 = $18.0875; at the
// low end ($.15): excess .40 − .15 = .25 × 1.2 = $.30 × 30.4375 = $9.13125:
// 12 + 6.0875 + 9.13125 = $27.21875.
func TestOverage(t *testing.T) {
	r := run(t, []Record{S(0), S(1), S(2), S(3), S(6), S(7)}, nil)
	checkPlan(t, r, wantPlan{id: "pover", onPlan: 4, over: 2, monthly: 23.56625, overflow: 11.56625, overage: 5.47875,
		low: 18.0875, high: 27.21875, eligible: true, wins: []wantWin{{1, 1, 0, 1.6}, {2, 1, 3, 2}}})
	checkExcess(t, r, "pover", 2, 0.15, 0)
	q := quote(t, r, "pover")
	if q.Reason != (model.Reason{Kind: model.ReasonRecordsOverflow, N: 2, Of: 6}) || len(q.Notes) == 0 ||
		q.Notes[0].Kind != model.NoteOverage || math.Abs(q.Notes[0].USD-5.47875) > 1e-9 {
		t.Errorf("pover: reason %+v, notes %+v", q.Reason, q.Notes)
	}
}

// TestPremiumRequests: Plan Premium ($20) has 3 requests a month (730.5 h),
// a-big's counting 3 and a-small's none, $0.04 each beyond. Its vendor, c,
// has no model, so H runs on a-big (listed), S on a-small (listed) and T
// (b-mid, not listed) on a-big, the cheapest plan model of its tier.
//
//	H@0  opens [0,730.5); 0+3 = 3 ≤ 3: nothing beyond, not hit
//	H@1  6: excess max(0, 6−3) − max(0, 3−3) = 3; hit at 1; runs
//	S@2  not counted (weight 0); runs
//	T@3  9: excess 6 − 3 = 3; runs
//
// Nothing overflows; 2 records billed beyond; 1 window, hit, no hours
// blocked, 9 of 3: peak 3. Overage 6 × $.04 = $.24 × 30.4375 = $7.305;
// monthly 20 + 7.305 = $27.305. It does not fit: the overage is billed.
func TestPremiumRequests(t *testing.T) {
	r := run(t, []Record{H(0), H(1), S(2), T(3)}, nil)
	checkPlan(t, r, wantPlan{id: "pprem", onPlan: 4, over: 0, monthly: 27.305, overflow: 7.305, overage: 7.305,
		low: 27.305, high: 27.305, eligible: true, wins: []wantWin{{1, 1, 0, 3}}})
	checkExcess(t, r, "pprem", 2, 6)
	q := quote(t, r, "pprem")
	if q.Why != model.WhyCaps || q.Reason != (model.Reason{Kind: model.ReasonRecordsBeyond, N: 2, Of: 4}) {
		t.Errorf("pprem: why %v, reason %+v", q.Why, q.Reason)
	}
}
