package report

import (
	"fmt"
	"strings"

	"github.com/tokenomics/tokenomics/plans"
)

// findingDetail words what a finding of the catalog's check says about its
// entry, a limit apart (FindingText words the limit).
func findingDetail(f *plans.Finding) string {
	if f.Entry == "subscription" {
		switch f.Kind {
		case "retired", "preview", "legacy":
			return "status " + f.Kind
		case "estimate":
			if f.Limit != nil {
				return "is an estimate"
			}
			return "price is an estimate"
		}
	}
	switch f.Kind {
	case "undated":
		return "no as_of: how old its figures are is unknown"
	case "stale":
		if f.Entry == "fx" {
			return fmt.Sprintf("rates of %s, %d days old (display only)", f.Date, f.Days)
		}
		return fmt.Sprintf("figures of %s, %d days old", f.Date, f.Days)
	case "retires-soon":
		return "retires: no longer offered from " + f.Date + inDays(f.Days)
	case "deprecated-soon":
		return "deprecated from " + f.Date + inDays(f.Days)
	case "retired":
		if f.Date != "" {
			return "since " + f.Date + ": no longer offered: left out of every comparison (still prices usage logs)"
		}
		return "no longer offered: left out of every comparison (still prices usage logs)"
	case "preview":
		return "a preview: prices and limits may change or the model go away"
	case "legacy":
		switch {
		case f.Retires != "":
			return "deprecated: retires " + f.Retires
		case f.Date != "":
			return "deprecated since " + f.Date + ": may retire"
		}
		return "superseded or deprecated: may retire"
	case "estimate":
		return "prices are an estimate"
	case "measured":
		if f.Date != "" {
			return "measured from your logs up to " + f.Date + ", " + daysAgo(f.Days)
		}
		return "measured from your logs"
	case "change-passed":
		return fmt.Sprintf("since %s (%s): %s", f.Date, daysAgo(f.Days), changeText(f.Change))
	case "change-soon":
		return "from " + f.Date + inDays(f.Days) + ": " + changeText(f.Change)
	}
	return f.Kind
}

// inDays says how far ahead a date days (negative) from today is: " (in 4 days)".
func inDays(days int) string {
	return fmt.Sprintf(" (in %d %s)", -days, Plural(-days, "day", "days"))
}

// daysAgo says how long ago a date days from today was: "today", "1 day ago".
func daysAgo(days int) string {
	if days == 0 {
		return "today"
	}
	return fmt.Sprintf("%d %s ago", days, Plural(days, "day", "days"))
}

// changeText says what a dated change sets, and its note: "input 4,
// output 20 (launch price ends)".
func changeText(ch *plans.Change) string {
	var parts []string
	for _, f := range []struct {
		name string
		v    *float64
	}{{"input", ch.Input}, {"output", ch.Output}, {"cache_read", ch.CacheRead}, {"cache_write", ch.CacheWrite}} {
		if f.v != nil {
			parts = append(parts, f.name+" "+num(*f.v))
		}
	}
	s := strings.Join(parts, ", ")
	if ch.Note != "" {
		s += " (" + ch.Note + ")"
	}
	return s
}

// EventText words a dated change the catalog has put into effect, in a
// line: "Gemini 4 Carbon: price change of 2026-12-01 applied".
func EventText(e plans.Event) string {
	switch e.Kind {
	case "deprecated":
		return e.Name + ": deprecated since " + e.Date
	case "retired":
		return e.Name + ": retired since " + e.Date + ", no longer offered"
	}
	return e.Name + ": price change of " + e.Date + " applied"
}
