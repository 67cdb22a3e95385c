package calibrate

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/usage"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func load(t *testing.T, src usage.Source, dir string) *usage.Log {
	t.Helper()
	l, err := usage.Load(src, usage.Options{Paths: []string{dir}, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// within5 checks a measured capacity against the one the logs were made from.
func within5(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got/want-1) > 0.05 {
		t.Errorf("%s: measured $%.2f, chosen $%.2f (%+.1f%%): more than 5%% apart", what, got, want, 100*(got/want-1))
	} else {
		t.Logf("%s: measured $%.2f, chosen $%.2f (%+.1f%%)", what, got, want, 100*(got/want-1))
	}
}

func limitOf(r Result, hours float64) *Limit {
	for i := range r.Limits {
		if r.Limits[i].WindowHours == hours {
			return &r.Limits[i]
		}
	}
	return nil
}

// Codex logs made from a $12 five-hour and a $150 weekly capacity, with the
// percentages rounded down to whole points, every event written twice and
// the resets jittered by up to a minute, give back both within 5%.
func TestCodexRecovers(t *testing.T) {
	for _, tc := range []struct {
		seed          uint64
		cap5, capWeek float64
	}{{1, 12, 150}, {2, 30, 400}} {
		dir := t.TempDir()
		genCodex(t, dir, tc.seed, testModel(t, "codex-test"), tc.cap5, tc.capWeek, 24)
		l := load(t, usage.Codex, dir)
		snaps, unknown := Snapshots(l.RateLimits)
		if unknown != 0 {
			t.Errorf("%d snapshot windows unknown, want 0", unknown)
		}
		r := Measure(Input{Source: usage.Codex, Spends: l.Spends(testCatalog()), Snapshots: snaps})
		if r.Plan != "chatgpt-plus" {
			t.Errorf("plan %q (plan_type %q), want chatgpt-plus from plan_type", r.Plan, r.PlanType)
		}
		five, wk := limitOf(r, 5), limitOf(r, 168)
		if five == nil || wk == nil {
			t.Fatalf("limits %+v, notes %v: want 5-hour and weekly", r.Limits, r.Notes)
		}
		if len(five.Windows) < 15 || len(wk.Windows) < 3 {
			t.Errorf("%d five-hour and %d weekly windows measured, want ≥ 15 and ≥ 3 (notes %v)", len(five.Windows), len(wk.Windows), r.Notes)
		}
		within5(t, "5-hour", five.USD, tc.cap5)
		within5(t, "weekly", wk.USD, tc.capWeek)
		if !(five.Low <= five.USD && five.USD <= five.High) || five.Method != MethodSnapshots {
			t.Errorf("5-hour %+v: want low ≤ usd ≤ high, method snapshots", five)
		}
	}
}

// Claude Code logs in which limits of $20 per 5 hours and $90 a week are
// reached give them back within 5%, from all three notice forms.
func TestClaudeRecovers(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	dir := t.TempDir()
	genClaude(t, dir, 3, testModel(t, "claude-test"), 20, 90, 28, paris)
	l := load(t, usage.ClaudeCode, dir)
	forms := map[string]int{}
	for _, n := range l.Notices {
		switch {
		case strings.HasPrefix(n.Text, "Claude AI usage limit reached|"):
			forms["epoch"]++
		case strings.HasPrefix(n.Text, "5-hour limit reached"):
			forms["5-hour"]++
		case strings.HasPrefix(n.Text, "You've hit your weekly limit"):
			forms["weekly"]++
		}
	}
	if forms["epoch"] == 0 || forms["5-hour"] == 0 || forms["weekly"] == 0 {
		t.Fatalf("notice forms written %v: want all three", forms)
	}
	r := Measure(Input{Source: usage.ClaudeCode, Spends: l.Spends(testCatalog()), Notices: l.Notices, Location: paris, Plan: "claude-pro"})
	five, wk := limitOf(r, 5), limitOf(r, 168)
	if five == nil || wk == nil {
		t.Fatalf("limits %+v, notes %v: want 5-hour and weekly", r.Limits, r.Notes)
	}
	// Each notice is written twice (a retry): one window per pair. A
	// weekly limit is met again on the days after, until it resets: one
	// window for all of them, and four weeks give 4.
	if 2*len(five.Windows) != forms["epoch"]+forms["5-hour"] || len(wk.Windows) != 4 {
		t.Errorf("%d five-hour and %d weekly windows from %v notices: want one per pair, and 4", len(five.Windows), len(wk.Windows), forms)
	}
	within5(t, "5-hour", five.USD, 20)
	within5(t, "weekly", wk.USD, 90)
	if r.Plan != "claude-pro" || r.PlanType != "" {
		t.Errorf("plan %q from plan_type %q", r.Plan, r.PlanType)
	}
}

// Snapshots of one window whose resets wander by up to a minute and a half
// either way are one instance; a window length apart they are two; another
// length is another instance even at the same reset.
func TestInstancesJitter(t *testing.T) {
	base := time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC)
	var snaps []Snapshot
	for i, j := range []int{0, 40, -45, 85, -90, 10, 60} {
		snaps = append(snaps, Snapshot{Time: base.Add(time.Duration(i-10) * 10 * time.Minute), WindowMinutes: 300, UsedPercent: float64(10 * i), Reset: base.Add(time.Duration(j) * time.Second)})
	}
	next := base.Add(5*time.Hour + 30*time.Minute)
	for i, j := range []int{-30, 30} {
		snaps = append(snaps, Snapshot{Time: next.Add(time.Duration(i-20) * time.Minute), WindowMinutes: 300, UsedPercent: float64(i), Reset: next.Add(time.Duration(j) * time.Second)})
	}
	snaps = append(snaps, Snapshot{Time: base.Add(-time.Hour), WindowMinutes: 10080, UsedPercent: 5, Reset: base})
	got := instances(snaps)
	if len(got) != 3 || len(got[0].snaps) != 7 || len(got[1].snaps) != 2 || got[2].minutes != 10080 {
		t.Fatalf("instances: %d, want 3 (7 and 2 snapshots of 300 minutes, 1 of 10080)", len(got))
	}
	// The percentages rise 0, 10, …, 60 in time order: the first rise is the
	// second snapshot (10), the top the seventh (60): 50 points moved.
	from, to, moved, ok := got[0].span()
	if !ok || moved != 50 || !from.Equal(snaps[1].Time) || !to.Equal(snaps[6].Time) {
		t.Errorf("span %v %v %v %v, want 50 points from the second snapshot to the seventh", from, to, moved, ok)
	}
}

// The three forms of Claude Code's limit notice, and what is refused.
func TestParseNotice(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	kolkata := mustLoc(t, "Asia/Kolkata")
	at := time.Date(2026, 7, 24, 11, 20, 0, 0, time.UTC) // 13:20 in Paris, 16:50 in Kolkata
	for _, tc := range []struct {
		text  string
		hours float64
		reset time.Time
		err   string
	}{
		// 1784894400 is 2026-07-24 12:00 UTC: 40 minutes after the notice.
		{"Claude AI usage limit reached|1784894400", 5, time.Date(2026, 7, 24, 12, 0, 0, 0, time.UTC), ""},
		// Three days later: only the weekly window reaches that far.
		{"Claude AI usage limit reached|1785153600", 168, time.Date(2026, 7, 27, 12, 0, 0, 0, time.UTC), ""},
		// The next 3pm after 13:20 in Paris is the same day.
		{"5-hour limit reached ∙ resets 3pm", 5, time.Date(2026, 7, 24, 15, 0, 0, 0, paris), ""},
		{"5-hour limit reached · resets 4:30pm (Asia/Kolkata)", 5, time.Date(2026, 7, 24, 16, 30, 0, 0, kolkata).AddDate(0, 0, 1), "not within"},
		{"5-hour limit reached ∙ resets 5:30pm (Asia/Kolkata)", 5, time.Date(2026, 7, 24, 17, 30, 0, 0, kolkata), ""},
		{"You've hit your weekly limit · resets Jul 27 at 4:30am (Asia/Calcutta)", 168, time.Date(2026, 7, 27, 4, 30, 0, 0, kolkata), ""},
		{"Weekly limit reached ∙ resets Jul 30, 9am", 168, time.Date(2026, 7, 30, 9, 0, 0, 0, paris), ""},
		{"You've hit your Opus limit · resets Jul 27 at 4:30am", 0, time.Time{}, "one model"},
		{"Opus weekly limit reached ∙ resets Jul 27, 4am", 0, time.Time{}, "one model"},
		{"Context limit reached · /compact or /clear to continue", 0, time.Time{}, "not a usage-limit"},
		{"5-hour limit reached ∙ resets 3pm (Mars/Olympus)", 0, time.Time{}, "unknown time zone"},
		{"5-hour limit reached", 0, time.Time{}, "no reset time"},
		// Claude Code 2.1's forms. At 11:20 UTC it is 05:20 in Denver (MDT,
		// UTC−6): the next 9am there is 3 h 40 min away, a 5-hour window; the
		// next 1am is tomorrow's, 19 h 40 min away, which only the weekly
		// window reaches. In Madrid (as Paris) it is 13:20: 5:40pm is 4 h 20 min on.
		{"You've hit your limit · resets 9am (America/Denver)", 5, time.Date(2026, 7, 24, 9, 0, 0, 0, mustLoc(t, "America/Denver")), ""},
		{"You've hit your limit · resets 1am (America/Denver)", 168, time.Date(2026, 7, 25, 1, 0, 0, 0, mustLoc(t, "America/Denver")), ""},
		{"You've hit your session limit · resets 5:40pm (Europe/Madrid)", 5, time.Date(2026, 7, 24, 17, 40, 0, 0, mustLoc(t, "Europe/Madrid")), ""},
		{"You've hit your limit · resets Jul 27, 11:30am (Asia/Calcutta)", 168, time.Date(2026, 7, 27, 11, 30, 0, 0, kolkata), ""},
		{"You’ve hit your limit · resets 2pm", 5, time.Date(2026, 7, 24, 14, 0, 0, 0, paris), ""}, // a typographic apostrophe
		// Paid usage followed the limit: read, but no measurement.
		{"You're out of extra usage · resets 11:59pm (UTC)", 0, time.Time{}, "extra usage"},
	} {
		h, err := ParseNotice(tc.text, at, paris)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %+v, %v; want an error saying %q", tc.text, h, err, tc.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.text, err)
		case h.WindowHours != tc.hours || !h.Reset.Equal(tc.reset) || !h.Time.Equal(at):
			t.Errorf("%q: %v h, reset %v; want %v h, %v", tc.text, h.WindowHours, h.Reset, tc.hours, tc.reset)
		}
	}
}

// No limit reached and no snapshot moving 10 points: no figure, and the
// heaviest window as a lower bound, priced by hand.
func TestLowerBound(t *testing.T) {
	at := func(h, m int) int64 { return time.Date(2026, 11, 2, h, m, 0, 0, time.UTC).UnixMilli() }
	sp := []usage.Spend{
		{Time: at(9, 10), USD: 1.50, Priced: true},
		{Time: at(11, 0), USD: 2.25, Priced: true},
		{Time: at(13, 59), USD: 0.75, Priced: true}, // 09:00–14:00: $1.50 + $2.25 + $0.75 = $4.50
		{Time: at(14, 30), USD: 4.00, Priced: true}, // 14:00–19:00: $4.00 + $1.20 = $5.20
		{Time: at(18, 0), USD: 1.20, Priced: true},
	}
	snaps := []Snapshot{
		{Time: time.UnixMilli(at(14, 30)), WindowMinutes: 300, UsedPercent: 3, Reset: time.UnixMilli(at(19, 0))},
		{Time: time.UnixMilli(at(18, 0)), WindowMinutes: 300, UsedPercent: 9, Reset: time.UnixMilli(at(19, 0))},
	}
	r := Measure(Input{Source: usage.Codex, Spends: sp, Snapshots: snaps})
	if len(r.Limits) != 0 {
		t.Fatalf("limits %+v from a 6-point rise, want none", r.Limits)
	}
	h := r.Heaviest[0]
	if h.WindowHours != 5 || math.Abs(h.USD-5.20) > 1e-9 || h.Requests != 2 || !h.HasPeak || h.Peak != 9 ||
		!h.From.Equal(time.UnixMilli(at(14, 0))) {
		t.Errorf("heaviest %+v, want $5.20 in 14:00–19:00 (2 requests), peak 9%%", h)
	}
	if len(r.Heaviest) != 1 {
		t.Errorf("heaviest %+v: want the one window length the snapshots give", r.Heaviest)
	}
	// Claude: 5 hours and a week; the week holds all five: $9.70.
	rc := Measure(Input{Source: usage.ClaudeCode, Spends: sp})
	if len(rc.Limits) != 0 || len(rc.Heaviest) != 2 || math.Abs(rc.Heaviest[0].USD-5.20) > 1e-9 || rc.Heaviest[0].HasPeak ||
		rc.Heaviest[1].WindowHours != 168 || math.Abs(rc.Heaviest[1].USD-9.70) > 1e-9 {
		t.Errorf("claude: %+v", rc)
	}
}

// A Claude window whose requests include a model without a price is left
// out, not measured low; the median and spread of the rest by hand.
func TestSummaryAndUnpriced(t *testing.T) {
	base := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	var sp []usage.Spend
	var ns []usage.Notice
	for i, usd := range []float64{10, 14, 12, 20, 11} {
		day := base.AddDate(0, 0, i)
		sp = append(sp, usage.Spend{Time: day.Add(time.Hour).UnixMilli(), USD: usd, Priced: true})
		if i == 3 {
			sp = append(sp, usage.Spend{Time: day.Add(2 * time.Hour).UnixMilli()})
		}
		ns = append(ns, usage.Notice{Time: day.Add(3 * time.Hour), Text: "5-hour limit reached ∙ resets 3pm (UTC)"})
	}
	r := Measure(Input{Source: usage.ClaudeCode, Spends: sp, Notices: ns})
	l := limitOf(r, 5)
	// Kept: 10, 14, 12, 11 → sorted 10, 11, 12, 14. Median (11+12)/2 = 11.5;
	// quartiles at ranks 0.75 and 2.25: 10.75 and 12.5.
	if l == nil || len(l.Windows) != 4 || l.USD != 11.5 || l.Low != 10.75 || l.High != 12.5 {
		t.Fatalf("limit %+v, want 4 windows, $11.50 ($10.75–$12.50)", l)
	}
	if want := (Note{Kind: NoteSkipped, N: 1, Unit: UnitReached, Skip: SkipUnpriced}); !slices.Contains(r.Notes, want) {
		t.Errorf("notes %+v lack %+v", r.Notes, want)
	}
}

// Apply puts measured limits in place of the plan's own of the same window:
// for Codex beside the chat limits (an unscoped one keeps counting chat);
// for Claude in place of them all.
func TestApply(t *testing.T) {
	day := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	m := []Limit{{WindowHours: 5, USD: 21.004, Low: 18.2, High: 25.5, Method: MethodSnapshots,
		Windows: []Window{{From: day.AddDate(0, 0, -9), To: day.AddDate(0, 0, -9)}, {From: day, To: day.Add(time.Hour)}}}}
	p := model.Subscription{ID: "chatgpt-plus", Serves: []model.Via{model.ViaChat, model.ViaAgent}, Limits: []model.Limit{
		{WindowHours: 5, USD: 20, Via: []model.Via{model.ViaAgent}, Confidence: "reported"},
		{WindowHours: 5, Messages: 80},
		{WindowHours: 168, USD: 80, Via: []model.Via{model.ViaAgent}},
	}, Provenance: model.Provenance{AsOf: "2026-03-01"}}
	got := Apply(p, m, usage.Codex, "2026-11-29")
	want := []model.Limit{
		{WindowHours: 5, Messages: 80, Via: []model.Via{model.ViaChat}},
		{WindowHours: 168, USD: 80, Via: []model.Via{model.ViaAgent}},
		{WindowHours: 5, USD: 21, Low: 18.2, High: 25.5, Via: []model.Via{model.ViaAgent}, Confidence: "measured"},
	}
	if len(got.Limits) != 3 {
		t.Fatalf("limits %+v", got.Limits)
	}
	for i, w := range want {
		g := got.Limits[i]
		g.Note = ""
		if g.WindowHours != w.WindowHours || g.USD != w.USD || g.Messages != w.Messages || g.Low != w.Low || g.High != w.High ||
			g.Confidence != w.Confidence || len(g.Via) != len(w.Via) || len(g.Via) > 0 && g.Via[0] != w.Via[0] {
			t.Errorf("limit %d = %+v, want %+v", i, g, w)
		}
	}
	if n := got.Limits[2].Note; !strings.Contains(n, "2 windows") || !strings.Contains(n, "2026-11-11 to 2026-11-20") {
		t.Errorf("note %q", n)
	}
	if got.AsOf != "2026-11-20" || len(p.Limits) != 3 || p.Limits[1].Via != nil {
		t.Errorf("as_of %s; the plan given changed: %+v", got.AsOf, p.Limits)
	}
	claude := model.Subscription{ID: "claude-pro", Limits: []model.Limit{{WindowHours: 5, Messages: 45}, {WindowHours: 168, USD: 96}}}
	got = Apply(claude, m, usage.ClaudeCode, "2026-11-29")
	if len(got.Limits) != 2 || got.Limits[0].WindowHours != 168 || got.Limits[1].USD != 21 || got.Limits[1].Via != nil ||
		!got.Allows(model.ViaAgent) || !got.Allows(model.ViaChat) {
		t.Errorf("claude: %+v, serves %v", got.Limits, got.Serves)
	}
}

// Claude Code 2.1's notices ("You've hit your limit · resets 1am
// (America/Denver)", no window named) on lines whose usage holds nulls are
// read, not skipped as broken, and measure the caps the logs were made
// with: $20 per 5 hours and $90 a week, within 7%.
func TestClaudeCurrentNotices(t *testing.T) {
	dir := t.TempDir()
	genClaudeCurrent(t, dir, 5, testModel(t, "claude-test"), 20, 90, 28)
	l := load(t, usage.ClaudeCode, dir)
	for _, s := range l.Skipped {
		t.Errorf("%d lines skipped: %s", s.Lines, s.Reason)
	}
	plain, extra := 0, 0
	for _, n := range l.Notices {
		switch {
		case strings.HasPrefix(n.Text, "You've hit your limit · resets "):
			plain++
		case strings.HasPrefix(n.Text, "You're out of extra usage"):
			extra++
		default:
			t.Errorf("notice %q", n.Text)
		}
	}
	if plain == 0 || extra == 0 || int64(plain+extra) != l.Synthetic {
		t.Fatalf("%d limit and %d extra-usage notices of %d synthetic lines", plain, extra, l.Synthetic)
	}
	r := Measure(Input{Source: usage.ClaudeCode, Spends: l.Spends(testCatalog()), Notices: l.Notices, Location: time.UTC, Plan: "claude-pro"})
	five, wk := limitOf(r, 5), limitOf(r, 168)
	if five == nil || wk == nil {
		t.Fatalf("limits %+v, notes %v: want 5-hour and weekly", r.Limits, r.Notes)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"5-hour", five.USD, 20}, {"weekly", wk.USD, 90}} {
		if math.Abs(c.got-c.want) > 0.07*c.want {
			t.Errorf("%s: measured $%.2f, made with $%.2f: more than 7%% apart", c.name, c.got, c.want)
		}
	}
	if five.Contradicted() || wk.Contradicted() {
		t.Errorf("contradiction: %+v %+v", five.Contradiction, wk.Contradiction)
	}
	if !slices.ContainsFunc(r.Notes, func(n Note) bool { return n.Kind == NoteExtraUsage && n.N > 0 }) {
		t.Errorf("no note on the extra-usage notices: %+v", r.Notes)
	}
	t.Logf("5-hour $%.2f (%d windows), weekly $%.2f (%d windows)", five.USD, len(five.Windows), wk.USD, len(wk.Windows))
}

// A weekly limit measured below a 5-hour one cannot be: both are marked,
// said in a note, and Apply saves neither. The 5-hour window of Oct 5
// (10:00–15:00 UTC, reached at 12:00) spent $10.00 + $7.58 = $17.58; the
// week to Oct 26 09:00 (from Oct 19 09:00, reached Oct 20 10:00) spent
// $15.69.
func TestContradictionNotSaved(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 10, d, h, 0, 0, 0, time.UTC) }
	in := Input{Source: usage.ClaudeCode, Location: time.UTC, Plan: "claude-pro",
		Spends: []usage.Spend{{Time: at(5, 10).UnixMilli(), USD: 10, Priced: true}, {Time: at(5, 11).UnixMilli(), USD: 7.58, Priced: true},
			{Time: at(20, 9).UnixMilli(), USD: 15.69, Priced: true}},
		Notices: []usage.Notice{{Time: at(5, 12), Text: "You've hit your limit · resets 3pm (UTC)"},
			{Time: at(20, 10), Text: "You've hit your weekly limit · resets Oct 26 at 9am (UTC)"}}}
	r := Measure(in)
	five, wk := limitOf(r, 5), limitOf(r, 168)
	if five == nil || wk == nil || math.Abs(five.USD-17.58) > 1e-9 || math.Abs(wk.USD-15.69) > 1e-9 {
		t.Fatalf("limits %+v", r.Limits)
	}
	want := Note{Kind: NoteContradiction, Hours: 168, USD: wk.USD, OtherHours: 5, OtherUSD: five.USD}
	if five.Contradiction != want || wk.Contradiction != want || !slices.Contains(r.Notes, want) {
		t.Errorf("no contradiction said: %+v %+v %+v", five.Contradiction, wk.Contradiction, r.Notes)
	}
	p := model.Subscription{ID: "claude-pro", Serves: []model.Via{model.ViaChat, model.ViaAgent},
		Limits: []model.Limit{{WindowHours: 5, USD: 18}, {WindowHours: 168, USD: 95.94}}}
	got := Apply(p, r.Limits, usage.ClaudeCode, "2026-11-01")
	if len(got.Limits) != 2 || got.Limits[0].USD != 18 || got.Limits[1].USD != 95.94 {
		t.Errorf("contradicted figures saved: %+v", got.Limits)
	}
}

// A Codex window whose used share falls with no reset in between (70% then
// 40%, one reset time) contradicts itself: it is not measured, and a note
// says so.
func TestCodexShareFell(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2026, 10, 5, 9, m, 0, 0, time.UTC) }
	reset := at(0).Add(5 * time.Hour)
	snap := func(m int, pct float64) Snapshot {
		return Snapshot{Time: at(m), WindowMinutes: 300, UsedPercent: pct, Reset: reset, Plan: "plus"}
	}
	in := Input{Source: usage.Codex, Location: time.UTC, Plan: "chatgpt-plus",
		Spends:    []usage.Spend{{Time: at(5).UnixMilli(), USD: 3, Priced: true}, {Time: at(15).UnixMilli(), USD: 4, Priced: true}},
		Snapshots: []Snapshot{snap(1, 10), snap(5, 30), snap(15, 70), snap(20, 40)}}
	r := Measure(in)
	if len(r.Limits) != 0 {
		t.Errorf("measured %+v from contradictory snapshots", r.Limits)
	}
	if want := (Note{Kind: NoteShareFell, Hours: 5, From: 70, To: 40}); !slices.Contains(r.Notes, want) {
		t.Errorf("notes %+v lack %+v", r.Notes, want)
	}
}
