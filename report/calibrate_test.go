package report

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/usage"
)

// The calibrate table and JSON, whole, from measurements made up here: a
// limit beside the catalog's ranged figure, one beside an estimate, one
// contradicted; and with nothing measured, the lower bound of the plan's
// shortest window. go test -run TestCalibrationGolden -update rewrites them.
func TestCalibrationGolden(t *testing.T) {
	cat := logsCatalog(t)
	pro := &cat.Plans[0] // claude-pro: 5 h $18 (an estimate), a week $90 ($80–$100)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, time.UTC) }
	log := &usage.Log{Source: usage.ClaudeCode, Files: 1, Roots: []string{"~/.claude"}, Location: paris}
	measured := calibrate.Result{Plan: "claude-pro",
		Limits: []calibrate.Limit{
			// 19.8 against the catalog's 18: 19.8/18 − 1 = +10%.
			{WindowHours: 5, USD: 19.8, Low: 18.5, High: 21, Method: calibrate.MethodReached,
				Windows: []calibrate.Window{{Hours: 5, From: at(7, 9), To: at(7, 14), USD: 19.8, Moved: 100, Capacity: 19.8}}},
			// 1,234.5 against 90 (80–100): 1,234.5/90 − 1 = +1272%, in whole dollars.
			{WindowHours: 168, USD: 1234.5, Low: 1000, High: 1500, Method: calibrate.MethodReached,
				// made up to show it: a 5-hour figure of $1,500 that is not in the list
				Contradiction: calibrate.Note{Kind: calibrate.NoteContradiction, Hours: 168, USD: 1234.5, OtherHours: 5, OtherUSD: 1500}},
			// No catalog figure for a day.
			{WindowHours: 24, USD: 50, Low: 50, High: 50, Method: calibrate.MethodSnapshots},
		},
		Heaviest: []calibrate.Heaviest{{WindowHours: 5, USD: 19.8, From: at(7, 9), To: at(7, 14), Requests: 40}, {WindowHours: 168}},
		Notes:    []calibrate.Note{{Kind: calibrate.NoteReached, N: 2, Of: 3, Done: 1}}}
	none := calibrate.Result{Plan: "claude-pro",
		Heaviest: []calibrate.Heaviest{
			{WindowHours: 5, USD: 12.5, From: at(8, 10), To: at(8, 15), Requests: 12, Unpriced: 2},
			{WindowHours: 168, USD: 40, From: at(5, 0), To: at(12, 0), Requests: 90},
		}}
	codex := calibrate.Result{Heaviest: []calibrate.Heaviest{{WindowHours: 5, USD: 3.25, From: at(8, 10), To: at(8, 15), Requests: 3, Peak: 7, HasPeak: true}}}
	for _, tc := range []struct {
		name string
		c    *Calibration
	}{
		{"measured", &Calibration{Log: log, Result: measured, Plan: pro, CatalogNotes: []string{"a note of the catalog"},
			Saved: filepath.Join("config", "catalog.yaml"), Backup: filepath.Join("config", "catalog.yaml.bak")}},
		{"lower-bound", &Calibration{Log: log, Result: none, Plan: pro}},
		{"codex-no-plan", &Calibration{Log: &usage.Log{Source: usage.Codex, Files: 2, Roots: []string{"~/.codex"}, Location: time.UTC}, Result: codex}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var js bytes.Buffer
			if err := CalibrationJSON(&js, tc.c); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, CalibrationTable(tc.c, false)+"\n---- JSON\n"+js.String())
		})
	}
}

// Dollars to the cent below $1,000, whole and grouped from there.
func TestDollars(t *testing.T) {
	for v, want := range map[float64]string{
		18:        "$18.00",
		999.994:   "$999.99",
		1000:      "$1,000",
		1234.5:    "$1,235", // rounded half away from zero
		2468013.4: "$2,468,013",
	} {
		if got := dollars(v); got != want {
			t.Errorf("dollars(%v) = %q, want %q", v, got, want)
		}
	}
}

// Each note of a measurement in words; the amounts are the note's.
func TestCalibrateNote(t *testing.T) {
	checkWords(t, CalibrateNote, []wording[calibrate.Note]{
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
		{calibrate.Note{Kind: calibrate.NoteSnapshotsLeftOut, N: 3}, "3 snapshot windows without a length, a share or a reset time left out"},
	})
}

// How a calibration's plan was found, in its three ways.
func TestPlanFrom(t *testing.T) {
	checkWords(t, func(v calibrate.Result) string { return planFrom(&v) }, []wording[calibrate.Result]{
		{calibrate.Result{Plan: "claude-pro"}, "--plan"},
		{calibrate.Result{Plan: "chatgpt-plus", PlanType: "plus"}, `plan_type "plus" of the logs`},
		{calibrate.Result{Plan: "chatgpt-pro", PlanType: "pro", PlanUnsure: true},
			`plan_type "pro" of the logs, read as chatgpt-pro (the logs cannot tell Pro's two tiers apart: name yours with --plan)`},
	})
}
