package report

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
)

func TestWindowLine(t *testing.T) {
	five, week := model.Limit{WindowHours: 5, USD: 18}, model.Limit{WindowHours: 168, USD: 96}
	month := model.Limit{WindowHours: 730.5, USD: 15, Overage: 1}
	for _, c := range []struct {
		w    replay.Window
		want string
	}{
		{replay.Window{Limit: five, Windows: 26, Hit: 4, BlockedHours: 6.5, Peak: 1.8}, "5-hour: 4 of 26 windows hit, 6.5 h blocked; busiest window 180% of the cap"},
		{replay.Window{Limit: five, Windows: 1, Peak: 0.004}, "5-hour: 0 of 1 window hit; busiest window <1% of the cap"},
		{replay.Window{Limit: week, Windows: 3, Hit: 1, BlockedHours: 131.96, Peak: 1.05}, "weekly: 1 of 3 windows hit, 132 h blocked; busiest window 105% of the cap"},
		{replay.Window{Limit: week, Windows: 2, Hit: 1, BlockedHours: 0.01, Peak: 1}, "weekly: 1 of 2 windows hit, <0.1 h blocked; busiest window 100% of the cap"},
		{replay.Window{Limit: week}, "weekly: counts none of these records"},
		// A limit with an overage price blocks nothing.
		{replay.Window{Limit: month, Windows: 1, Hit: 1, Peak: 2.12}, "monthly: 1 of 1 window over the allowance, billed beyond it; busiest window 212% of the cap"},
		{replay.Window{Limit: month, Windows: 2, Peak: 0.46}, "monthly: 0 of 2 windows over the allowance; busiest window 46% of the cap"},
	} {
		if got := WindowLine(c.w); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

// TestReplayVerdictRoutesRecords: a replay's mixes route each record, and
// its headline says so. On ../replay/testdata/catalog.yaml ($ per 1M: a-small
// 1/5, a-big 10/50, b-mid 2/4), S (a-small, 90k in + 2k out) and T (b-mid,
// 10k in + 5k out) on one day (M = 30.4375): the mix puts S on a-small
// ($.10) and T on b-mid ($.04): $.14 × 30.4375 = $4.26; a-big, the only
// model that takes both, $1.00 + $.35 = $1.35 × 30.4375 = $41.09: routing
// saves 41.090625 − 4.26125 = $36.83. The cheapest paid plan, Plan Msg, is
// $10 + T's overflow ($.04 × 30.4375 = $1.2175) = $11.2175: the API wins by
// 11.2175 − 4.26125 = $6.96 (6.95625 / 11.2175 = 62%).
func TestReplayVerdictRoutesRecords(t *testing.T) {
	c, err := plans.LoadCatalog("../replay/testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC).UnixMilli()
	recs := []replay.Record{
		{Time: t0, Model: "a-small", Name: "a-small", Usage: model.Usage{Input: 90000, Output: 2000}},
		{Time: t0 + 3600e3, Model: "b-mid", Name: "b-mid", Usage: model.Usage{Input: 10000, Output: 5000}},
	}
	r, err := replay.Run(recs, &c.Catalog, replay.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	main, lines := ReplayVerdict(r, money.USD)
	if want := "API: API mix, all providers at $4.26/month against the best paid plan, Plan Msg at $11.22: saves $6.96/month (62%)."; main != want {
		t.Errorf("main\n got %s\nwant %s", main, want)
	}
	if want := "Routing each record to its cheapest model saves $36.83/month over A Big alone."; !slices.Contains(lines, want) {
		t.Errorf("lines %q lack %q", lines, want)
	}
}

func TestReplayNotes(t *testing.T) {
	got := ReplayNotes([]replay.Note{{Model: "m-x", Records: 3}, {Records: 1}})
	want := []string{"m-x: not in the catalog: 3 records taken as small tier and left out of the recorded cost",
		"(no model named): not in the catalog: 1 record taken as small tier and left out of the recorded cost"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Where the app's figures come from: the replay, or the model, whose marks
// compare with the model of the records (their figures differ from the
// replay's, which the line says).
func TestFiguresFrom(t *testing.T) {
	r := &replay.Result{From: "2026-11-02", To: "2026-11-30", Records: 1250}
	for _, c := range []struct {
		replayed bool
		want     string
	}{
		{true, "Figures replayed on your records of 2026-11-02 to 2026-11-30: each of 1,250 requests against each plan's own usage windows."},
		{false, "Figures modeled on the workload as you changed it, not replayed on your records (undo the changes to see the replay); " +
			"changes are marked against the model of your records, whose figures differ from the replay's."},
	} {
		if got := FiguresFrom(r, c.replayed); got != c.want {
			t.Errorf("replayed %v:\n got %q\nwant %q", c.replayed, got, c.want)
		}
	}
}
