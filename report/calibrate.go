package report

import (
	"cmp"
	"fmt"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/money"
)

// CalibrateNote words one note of a measurement. Measured limits are in
// API-equivalent dollars, whatever the display currency.
func CalibrateNote(n calibrate.Note) string {
	switch n.Kind {
	case calibrate.NoteContradiction:
		return fmt.Sprintf("the %s limit measured (%s) is below the %s one (%s): the measurements contradict each other, and neither is saved",
			WindowName(n.Hours), money.USD.Format(n.USD), WindowName(n.OtherHours), money.USD.Format(n.OtherUSD))
	case calibrate.NoteNoSnapshots:
		return "the logs hold no rate-limit snapshot"
	case calibrate.NoteUnknownPlanType:
		return fmt.Sprintf("the logs' plan_type %q has no plan in the catalog: name one with --plan", n.Text)
	case calibrate.NotePlanTypes:
		return fmt.Sprintf("the logs show %d plan types (%s): only windows of %s are measured", n.N, n.Text, cmp.Or(n.Plan, "the plan named"))
	case calibrate.NoteShareFell:
		return fmt.Sprintf("a %s window's used share fell from %.0f%% to %.0f%% with no reset in between: not measured",
			WindowName(n.Hours), n.From, n.To)
	case calibrate.NoteSkipped:
		units := [...][2]string{calibrate.UnitInstance: {"window instance", "window instances"},
			calibrate.UnitNotice: {"notice", "notices"}, calibrate.UnitReached: {"limit reached", "limits reached"}}
		return countOf(n.N, units[n.Unit][0], units[n.Unit][1]) + " " + skipText(n)
	case calibrate.NoteSnapshots:
		return fmt.Sprintf("%d rate-limit snapshots in %d window instances; %d measured (a rise of %d points or more)", n.N, n.Of, n.Done, n.Points)
	case calibrate.NoteScopedNotices:
		return countOf(n.N, "notice", "notices") + " about one model's own limit (Opus, Sonnet) left out: it measures part of the plan only"
	case calibrate.NoteExtraUsage:
		return countOf(n.N, "notice", "notices") + ` "out of extra usage" left out: paid usage followed the limit, so what was spent is more than the limit`
	case calibrate.NoteReached:
		return fmt.Sprintf("%s reached (%s); %d measured", countOf(n.N, "limit", "limits"), countOf(n.Of, "notice", "notices"), n.Done)
	case calibrate.NoteNoCatalogPlan:
		return fmt.Sprintf("the catalog has no plan %q to compare with", n.Plan)
	case calibrate.NoteNothingMeasured:
		return "nothing saved: nothing was measured"
	case calibrate.NoteAllContradict:
		return "nothing saved: the measurements contradict each other"
	}
	return fmt.Sprintf("note of unknown kind %d", n.Kind)
}

// skipText says why a NoteSkipped's windows or notices were left out.
func skipText(n calibrate.Note) string {
	switch n.Skip {
	case calibrate.SkipOutside:
		return "outside --since/--until"
	case calibrate.SkipUnpriced:
		return "held requests of a model the catalog has no price for"
	case calibrate.SkipOtherPlan:
		return "on another plan (" + n.Text + ")"
	case calibrate.SkipFell:
		return "whose used share fell without a reset (the snapshots contradict each other)"
	case calibrate.SkipSmallMove:
		return fmt.Sprintf("moved less than %d points", n.Points)
	case calibrate.SkipCodexEmpty:
		return "moved with no request in these logs (Codex used elsewhere)"
	case calibrate.SkipClaudeEmpty:
		return "had no request in these logs (the limit was reached elsewhere: claude.ai, another machine)"
	case calibrate.SkipBadNotice:
		return "left out: " + n.Text
	}
	return "left out"
}

// CalibrateNotes words notes in order; never nil, for JSON's empty list.
func CalibrateNotes(ns []calibrate.Note) []string { return texts(ns, CalibrateNote) }

// countOf is n and its noun: "1 notice", "3 notices".
func countOf(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
