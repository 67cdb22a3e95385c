package ui

import (
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/replay"
)

// The records the workload was derived from are replayed for the app; no
// records, no replay. (replayOptions works out what these 50 give.)
func TestPrepareReplay(t *testing.T) {
	o := testOptions(t)
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var recs []replay.Record
	for i := range 50 {
		recs = append(recs, replay.Record{Time: start.Add(time.Duration(i) * time.Minute).UnixMilli(), Model: "alpha-mid", Name: "alpha-mid",
			Usage: model.Usage{Input: 1000, Output: 100}})
	}
	if _, err := o.Prepare(State{}, nil, replay.Options{Location: time.UTC}); err != nil || o.Replay != nil {
		t.Fatalf("no records: %v, %v", o.Replay, err)
	}
	if _, err := o.Prepare(State{}, recs, replay.Options{Location: time.UTC}); err != nil || o.Replay == nil {
		t.Fatalf("records: %v, %v", o.Replay, err)
	}
	want, err := replay.Run(recs, &o.Catalog.Catalog, replay.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Replay.Quotes) != len(want.Quotes) || o.Replay.Quotes[0].ID != want.Quotes[0].ID || o.Replay.Quotes[0].Monthly != want.Quotes[0].Monthly {
		t.Errorf("replay ranks %s at %v first, want %s at %v", o.Replay.Quotes[0].ID, o.Replay.Quotes[0].Monthly, want.Quotes[0].ID, want.Quotes[0].Monthly)
	}
}
