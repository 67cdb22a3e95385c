package report

import (
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/replay"
)

func TestWindowLine(t *testing.T) {
	five, week := model.Limit{WindowHours: 5, USD: 18}, model.Limit{WindowHours: 168, USD: 96}
	for _, c := range []struct {
		w    replay.Window
		want string
	}{
		{replay.Window{Limit: five, Windows: 26, Hit: 4, BlockedHours: 6.5, Peak: 1.8}, "5-hour: 4 of 26 windows hit, 6.5 h blocked; busiest window 180% of the cap"},
		{replay.Window{Limit: five, Windows: 1, Peak: 0.004}, "5-hour: 0 of 1 window hit; busiest window <1% of the cap"},
		{replay.Window{Limit: week, Windows: 3, Hit: 1, BlockedHours: 131.96, Peak: 1.05}, "weekly: 1 of 3 windows hit, 132 h blocked; busiest window 105% of the cap"},
		{replay.Window{Limit: week, Windows: 2, Hit: 1, BlockedHours: 0.01, Peak: 1}, "weekly: 1 of 2 windows hit, <0.1 h blocked; busiest window 100% of the cap"},
		{replay.Window{Limit: week}, "weekly: counts none of these records"},
	} {
		if got := WindowLine(c.w); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
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
