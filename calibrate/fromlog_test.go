package calibrate

import (
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/usage"
)

// A Codex log's snapshots are read, those without a length, a share or a
// reset time counted and said first among the notes; a Claude Code log's
// are not read at all, its notices are.
func TestFromLog(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	rls := []usage.RateLimits{{Time: at,
		Primary:   usage.RateWindow{Known: true, UsedPercent: 20, WindowMinutes: 300, ResetsAt: float64(at.Add(3 * time.Hour).Unix())},
		Secondary: usage.RateWindow{Known: true, UsedPercent: 5, ResetsAt: float64(at.Add(72 * time.Hour).Unix())}, // no length
	}, {Time: at.Add(time.Minute),
		Primary: usage.RateWindow{Known: true, UsedPercent: 21, WindowMinutes: 300, ResetsInSeconds: -1}, // no reset
	}}
	notices := []usage.Notice{{Text: "5-hour limit reached ∙ resets 3pm"}}
	for _, tc := range []struct {
		src            usage.Source
		snaps, leftOut int
		notices        int
	}{
		// Two snapshots of two windows each known: one measured window, one
		// without a length, one without a reset.
		{usage.Codex, 1, 2, 1},
		{usage.ClaudeCode, 0, 0, 1},
	} {
		l := &usage.Log{Source: tc.src, Location: paris, RateLimits: rls, Notices: notices}
		in := FromLog(l, testCatalog())
		if in.Source != tc.src || in.Location != paris || len(in.Snapshots) != tc.snaps || in.LeftOut != tc.leftOut || len(in.Notices) != tc.notices {
			t.Errorf("%v: %d snapshots, %d left out, %d notices, in %v; want %d, %d, %d in Paris", tc.src, len(in.Snapshots), in.LeftOut, len(in.Notices), in.Location, tc.snaps, tc.leftOut, tc.notices)
		}
		r := Measure(in)
		if left := len(r.Notes) > 0 && r.Notes[0] == (Note{Kind: NoteSnapshotsLeftOut, N: tc.leftOut}); left != (tc.leftOut > 0) {
			t.Errorf("%v: notes %+v; want the %d left out first", tc.src, r.Notes, tc.leftOut)
		}
	}
}

// The plan measured, in the catalog: none named is none, one the catalog
// lacks is a note.
func TestCatalogPlan(t *testing.T) {
	cat := &model.Catalog{Plans: []model.Subscription{{ID: "pro"}}}
	for _, tc := range []struct {
		plan  string
		found bool
		notes int
	}{{"pro", true, 0}, {"", false, 0}, {"max", false, 1}} {
		r := Result{Plan: tc.plan}
		p := r.CatalogPlan(cat)
		if (p != nil) != tc.found || p != nil && p.ID != tc.plan || len(r.Notes) != tc.notes {
			t.Errorf("%q: %v, notes %+v", tc.plan, p, r.Notes)
		}
		if tc.notes > 0 && r.Notes[0] != (Note{Kind: NoteNoCatalogPlan, Plan: tc.plan}) {
			t.Errorf("%q: note %+v", tc.plan, r.Notes[0])
		}
	}
}
