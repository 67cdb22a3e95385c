package ui

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/replay"
)

// replayOptions are testOptions with the user's records replayed: 50
// requests on alpha-mid a minute apart from 2026-11-02 09:00 UTC, on the
// test catalog with Alpha Plus serving agent work. Alpha Plus allows 45
// messages per 5 hours: 45 run, 5 overflow; its one window is hit at 09:45
// (the 46th request) and blocked until 14:00, 4.25 h; it counted 50 of 45
// (111%).
func replayOptions(t *testing.T) Options {
	o := testOptions(t)
	cat := o.Catalog.Catalog
	cat.Plans = slices.Clone(cat.Plans)
	for i := range cat.Plans {
		if cat.Plans[i].ID == "alpha-plus" {
			cat.Plans[i].Serves = []model.Via{model.ViaChat, model.ViaAgent}
		}
	}
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var recs []replay.Record
	for i := range 50 {
		recs = append(recs, replay.Record{Time: start.Add(time.Duration(i) * time.Minute).UnixMilli(), Model: "alpha-mid", Name: "alpha-mid",
			Usage: model.Usage{Input: 1000, Output: 100}})
	}
	rp, err := replay.Run(recs, &cat, replay.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	o.Replay = rp
	return o
}

func TestReplayRanking(t *testing.T) {
	o := replayOptions(t)
	m := New(o)
	if !m.replayed {
		t.Fatal("the unedited workload does not show the replay")
	}
	ids := func(qs []model.Quote) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	if got, want := ids(m.res.Quotes), ids(o.Replay.Quotes); !slices.Equal(got, want) {
		t.Errorf("ranking %v, the replay's %v", got, want)
	}
	main, support := verdictText(&m.shared, false)
	if len(support) == 0 || !strings.Contains(support[0].Text, "Figures replayed on your records of 2026-11-02 to 2026-11-02: each of 50 requests") {
		t.Errorf("headline %q %+v", main, support)
	}
	q, ok := o.Replay.Plans["alpha-plus"], false
	for i, qi := range m.ranking.shown {
		if m.res.Quotes[qi].ID == "alpha-plus" {
			m.ranking.choose(i, &m.shared)
			ok = true
		}
	}
	if q == nil || !ok {
		t.Fatal("no alpha-plus")
	}
	detail := strings.Join(detailLines(&m.shared, m.ranking.selected(&m.shared), 120), "\n")
	for _, want := range []string{"Your records against its windows", "(45 of 50 requests ran on the plan)",
		"5-hour: 1 of 1 window hit, 4.3 h blocked; busiest window 111% of the cap"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail lacks %q:\n%s", want, detail)
		}
	}

	// A slider moves: the figures are the cost model's, and the headline says so.
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(m, keys("right")...)
	if m.replayed || m.doc.edits == 0 {
		t.Fatalf("still replayed after an edit (edits %d)", m.doc.edits)
	}
	_, support = verdictText(&m.shared, false)
	if len(support) == 0 || !strings.Contains(support[0].Text, "Figures modeled on the workload as you changed it") {
		t.Errorf("headline after an edit %+v", support)
	}
	if strings.Contains(strings.Join(detailLines(&m.shared, m.ranking.selected(&m.shared), 120), "\n"), "Your records against its windows") {
		t.Error("the modeled detail still shows the replay's windows")
	}
}

// Free plans left out (F) leave the replay's free plans out too.
func TestReplayNoFree(t *testing.T) {
	o := replayOptions(t)
	o.Prefs.NoFree = true
	m := New(o)
	if !m.replayed {
		t.Fatal("not replayed")
	}
	for _, q := range m.res.Quotes {
		if q.Free {
			t.Errorf("free plan %s listed", q.ID)
		}
	}
}

// An edit that leaves the replay marks what the edit did to the cost
// model's figures, not the gap between the replay and the model; back on the
// replay nothing is marked.
func TestReplayMarksLikeWithLike(t *testing.T) {
	m := send(New(replayOptions(t)), tea.WindowSizeMsg{Width: 120, Height: 40})
	if !m.replayed {
		t.Fatal("not replayed")
	}
	// Alpha Top ($5 in, $20 out, cache read $0.5, no cache write; λ 1) on the
	// test workload, 22 days a month, before the edit:
	//   Short tasks: 600·5 + 400·20 = 11,000 → $0.011 × 40·22 = $9.68
	//   Long documents (h 0.5, W = input): turn 1, 30,000 in: 0.5·30,000·0.5 +
	//     0.5·30,000·5 + 1,500·20 = 112,500; turn 2, 31,600 in: 7,900 + 79,000 +
	//     30,000 = 116,900 → $0.2294 × 3·22 = $15.1404
	//   Reasoning chains: 3,000·5 + (1,200 + 8,000)·20 = 199,000 → $0.199 × 5·22 = $21.89
	//   = $46.7104. Its replay: 50 × (1,000·5 + 100·20)/1e6 × 30.4375 = $10.653125.
	const modeled, replayed = 46.7104, 10.653125
	i := slices.IndexFunc(m.res.Quotes, func(q model.Quote) bool { return q.ID == "api:alpha-top" })
	if i < 0 || math.Abs(m.res.Quotes[i].Monthly-replayed) > 1e-9 {
		t.Fatalf("replayed Alpha Top at %d, want $%v", i, replayed)
	}
	m = send(m, keys("right")...)
	if m.replayed {
		t.Fatal("still replayed after an edit")
	}
	if p, ok := m.prev["api:alpha-top"]; !ok || math.Abs(p.cost-modeled) > 1e-9 {
		t.Errorf("Alpha Top marked against $%v (%v), want the model's $%v", p.cost, ok, modeled)
	}
	m = send(m, keys("left")...)
	if !m.replayed {
		t.Fatal("the edit undone does not show the replay again")
	}
	if len(m.prev) != 0 {
		t.Errorf("back on the replay, %d options marked", len(m.prev))
	}
}
