package report

import (
	"testing"

	"github.com/tokenomics/tokenomics/calibrate"
)

// Each note of a measurement in words; the amounts are the note's.
func TestCalibrateNote(t *testing.T) {
	for _, tc := range []struct {
		n    calibrate.Note
		want string
	}{
		{calibrate.Note{Kind: calibrate.NoteContradiction, Hours: 168, USD: 15.69, OtherHours: 5, OtherUSD: 1717.5},
			"the weekly limit measured ($15.69) is below the 5-hour one ($1,717.50): the measurements contradict each other, and neither is saved"},
		{calibrate.Note{Kind: calibrate.NoteNoSnapshots}, "the logs hold no rate-limit snapshot"},
		{calibrate.Note{Kind: calibrate.NoteUnknownPlanType, Text: "team"}, `the logs' plan_type "team" has no plan in the catalog: name one with --plan`},
		{calibrate.Note{Kind: calibrate.NotePlanTypes, N: 2, Text: "plus, pro"}, "the logs show 2 plan types (plus, pro): only windows of the plan named are measured"},
		{calibrate.Note{Kind: calibrate.NotePlanTypes, N: 2, Text: "plus, pro", Plan: "chatgpt-plus"}, "the logs show 2 plan types (plus, pro): only windows of chatgpt-plus are measured"},
		{calibrate.Note{Kind: calibrate.NoteShareFell, Hours: 5, From: 70, To: 40}, "a 5-hour window's used share fell from 70% to 40% with no reset in between: not measured"},
		{calibrate.Note{Kind: calibrate.NoteSkipped, N: 1, Unit: calibrate.UnitReached, Skip: calibrate.SkipUnpriced},
			"1 limit reached held requests of a model the catalog has no price for"},
		{calibrate.Note{Kind: calibrate.NoteSkipped, N: 2, Unit: calibrate.UnitReached, Skip: calibrate.SkipClaudeEmpty},
			"2 limits reached had no request in these logs (the limit was reached elsewhere: claude.ai, another machine)"},
		{calibrate.Note{Kind: calibrate.NoteSkipped, N: 3, Unit: calibrate.UnitInstance, Skip: calibrate.SkipSmallMove, Points: 10},
			"3 window instances moved less than 10 points"},
		{calibrate.Note{Kind: calibrate.NoteSkipped, N: 1, Unit: calibrate.UnitInstance, Skip: calibrate.SkipOtherPlan, Text: "pro"},
			"1 window instance on another plan (pro)"},
		{calibrate.Note{Kind: calibrate.NoteSkipped, N: 2, Unit: calibrate.UnitNotice, Skip: calibrate.SkipBadNotice, Text: "no reset time"},
			"2 notices left out: no reset time"},
		{calibrate.Note{Kind: calibrate.NoteSnapshots, N: 40, Of: 6, Done: 4, Points: 10},
			"40 rate-limit snapshots in 6 window instances; 4 measured (a rise of 10 points or more)"},
		{calibrate.Note{Kind: calibrate.NoteScopedNotices, N: 1},
			"1 notice about one model's own limit (Opus, Sonnet) left out: it measures part of the plan only"},
		{calibrate.Note{Kind: calibrate.NoteExtraUsage, N: 2},
			`2 notices "out of extra usage" left out: paid usage followed the limit, so what was spent is more than the limit`},
		{calibrate.Note{Kind: calibrate.NoteReached, N: 1, Of: 3, Done: 1}, "1 limit reached (3 notices); 1 measured"},
		{calibrate.Note{Kind: calibrate.NoteNoCatalogPlan, Plan: "x"}, `the catalog has no plan "x" to compare with`},
		{calibrate.Note{Kind: calibrate.NoteNothingMeasured}, "nothing saved: nothing was measured"},
		{calibrate.Note{Kind: calibrate.NoteAllContradict}, "nothing saved: the measurements contradict each other"},
	} {
		if got := CalibrateNote(tc.n); got != tc.want {
			t.Errorf("%+v:\n got %q\nwant %q", tc.n, got, tc.want)
		}
	}
}
