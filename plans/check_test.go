package plans

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// findings writes each finding's facts in a line: kind, entry and id, the
// date and its days from the day checked, a legacy model's retirement,
// and the limit a finding is about. A change's finding must point at the
// change of its model and date.
func findings(t *testing.T, fs []Finding) []string {
	t.Helper()
	out := make([]string, len(fs))
	for i, f := range fs {
		s := fmt.Sprintf("%s %s %s", f.Kind, f.Entry, f.ID)
		if f.Date != "" {
			s += fmt.Sprintf(" %s %+d", f.Date, f.Days)
		} else if f.Days != 0 {
			t.Errorf("%s: %d days without a date", s, f.Days)
		}
		if f.Retires != "" {
			s += " retires " + f.Retires
		}
		if l := f.Limit; l != nil {
			s += fmt.Sprintf(" limit of %g %s per %g h", l.Capacity(), l.Unit(), l.WindowHours)
		}
		if ch := f.Change; (ch != nil) != strings.HasPrefix(f.Kind, "change-") || ch != nil && (ch.ModelID != f.ID || ch.Date != f.Date) {
			t.Errorf("%s: change %+v", s, ch)
		}
		out[i] = s
	}
	return out
}

func TestCheck(t *testing.T) {
	base := overlayBase(t)
	// An undated, retired model and a legacy one on top of the test catalog.
	withOld := overlaid(t, base, `
api_models:
  - {id: old-1, provider: acme, name: Old 1, tier: small, input: 1, output: 1, context_window: 1000, status: retired}
  - {id: old-2, provider: acme, name: Old 2, tier: small, input: 1, output: 1, context_window: 1000, status: legacy, as_of: "2026-11-01"}
`)
	// Dated statuses: old-3 deprecated on 2026-12-14 and retired on
	// 2027-01-10; old-4 retired on 2026-11-20.
	dated := overlaid(t, base, `
api_models:
  - {id: old-3, provider: acme, name: Old 3, tier: small, input: 1, output: 1, context_window: 1000, deprecated: "2026-12-14", retired: "2027-01-10", as_of: "2026-11-27"}
  - {id: old-4, provider: acme, name: Old 4, tier: small, input: 1, output: 1, context_window: 1000, retired: "2026-11-20", as_of: "2026-11-27"}
`)
	for _, tc := range []struct {
		name, today string
		cat         *Catalog
		want        []string
	}{
		// Entries are of 2026-11-18 to -20 (a week old). zeta-mid's change of
		// 2026-11-01 is 26 days past; acme-large's of 2026-12-01 is 4 days
		// away, its 2027-03-01 one 94 days (more than 30: not listed).
		// acme-max's limits are acme-pro's × 5: 5M → 25M tokens.
		{"a week after the catalog", "2026-11-27", base, []string{
			"change-passed api zeta-mid 2026-11-01 +26",
			"change-soon api acme-large 2026-12-01 -4",
			"preview api zeta-mid",
			"estimate api zeta-mid",
			"estimate subscription acme-pro limit of 5e+06 tokens per 168 h",
			"estimate subscription acme-max limit of 2.5e+07 tokens per 168 h",
		}},
		// 2027-02-20: 2026-11-20 is 92 days back (10 + 31 + 31 + 20), -18 is
		// 94 and the fx rates of -19 are 93: all past 90. 2027-03-01 is 9
		// days away (8 + 1); 2026-12-01 passed 81 days ago (30 + 31 + 20),
		// 2026-11-01 111 (29 + 31 + 31 + 20).
		{"three months on", "2027-02-20", base, []string{
			"change-passed api zeta-mid 2026-11-01 +111",
			"change-passed api acme-large 2026-12-01 +81",
			"change-soon api acme-large 2027-03-01 -9",
			"preview api zeta-mid",
			"stale api acme-mini 2026-11-20 +92",
			"stale api acme-large 2026-11-20 +92",
			"stale api zeta-mid 2026-11-18 +94",
			"stale subscription acme-pro 2026-11-20 +92",
			"stale subscription acme-max 2026-11-20 +92",
			"stale subscription zeta-team 2026-11-18 +94",
			"stale fx fx 2026-11-19 +93",
			"estimate api zeta-mid",
			"estimate subscription acme-pro limit of 5e+06 tokens per 168 h",
			"estimate subscription acme-max limit of 2.5e+07 tokens per 168 h",
		}},
		{"retired, legacy and undated", "2026-11-27", withOld, []string{
			"change-passed api zeta-mid 2026-11-01 +26",
			"change-soon api acme-large 2026-12-01 -4",
			"retired api old-1",
			"preview api zeta-mid",
			"legacy api old-2",
			"undated api old-1",
			"estimate api zeta-mid",
			"estimate subscription acme-pro limit of 5e+06 tokens per 168 h",
			"estimate subscription acme-max limit of 2.5e+07 tokens per 168 h",
		}},
		// 2026-11-27: old-3's deprecation is 17 days away, its retirement
		// 44 (beyond 30: not listed); old-4 retired 7 days ago.
		{"dated statuses", "2026-11-27", dated, []string{
			"change-passed api zeta-mid 2026-11-01 +26",
			"change-soon api acme-large 2026-12-01 -4",
			"deprecated-soon api old-3 2026-12-14 -17",
			"retired api old-4 2026-11-20 +7",
			"preview api zeta-mid",
			"estimate api zeta-mid",
			"estimate subscription acme-pro limit of 5e+06 tokens per 168 h",
			"estimate subscription acme-max limit of 2.5e+07 tokens per 168 h",
		}},
		// 2026-12-20: old-3 is deprecated (6 days ago) and retires in 21
		// days; old-4 retired 30 days ago (10 + 20). The changes of
		// 2026-11-01 and 2026-12-01 passed 49 (29 + 20) and 19 days ago.
		{"deprecated, retiring", "2026-12-20", dated, []string{
			"change-passed api zeta-mid 2026-11-01 +49",
			"change-passed api acme-large 2026-12-01 +19",
			"retires-soon api old-3 2027-01-10 -21",
			"retired api old-4 2026-11-20 +30",
			"preview api zeta-mid",
			"legacy api old-3 2026-12-14 +6 retires 2027-01-10",
			"estimate api zeta-mid",
			"estimate subscription acme-pro limit of 5e+06 tokens per 168 h",
			"estimate subscription acme-max limit of 2.5e+07 tokens per 168 h",
		}},
		{"not a date", "soon", base, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := findings(t, tc.cat.Check(tc.today)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
	// A change applied by ApplyChanges is still listed as passed.
	c := overlayBase(t)
	c.ApplyChanges("2026-12-05")
	if got := findings(t, c.Check("2026-12-05")); got[1] != "change-passed api acme-large 2026-12-01 +4" {
		t.Errorf("got %q", got[1])
	}
}

func TestApplyChangesStatuses(t *testing.T) {
	c := overlaid(t, overlayBase(t), `
api_models:
  - {id: old-3, provider: acme, name: Old 3, tier: small, input: 1, output: 1, context_window: 1000, deprecated: "2026-12-14", retired: "2027-01-10"}
`)
	for _, s := range []struct {
		today, status string
		events        []string
	}{
		// zeta-mid's price change of 2026-11-01 only
		{"2026-11-27", "", []string{"Zeta Mid price 2026-11-01"}},
		// then the deprecation, then acme-large's price change of 2026-12-01
		{"2026-12-14", "legacy", []string{"Zeta Mid price 2026-11-01", "Old 3 deprecated 2026-12-14",
			"Acme Large price 2026-12-01"}},
		// applied events are kept; the retirement is added once
		{"2027-01-10", "retired", []string{"Zeta Mid price 2026-11-01", "Old 3 deprecated 2026-12-14",
			"Acme Large price 2026-12-01", "Old 3 retired 2027-01-10"}},
	} {
		c.ApplyChanges(s.today)
		m, _ := c.Model("old-3")
		var got []string
		for _, e := range c.Applied() {
			got = append(got, eventLine(e))
		}
		if m.Status != s.status || c.Date != s.today || !reflect.DeepEqual(got, s.events) {
			t.Errorf("%s: status %q, date %q, events %q; want %q, %q", s.today, m.Status, c.Date, got, s.status, s.events)
		}
		if _, ok := c.Model("old-3"); !ok {
			t.Errorf("%s: a retired model must stay in the catalog, to price logs", s.today)
		}
	}
}

// plans --check and the verdict's sunset warning (model's SunsetOf) say the
// same of a model on the day the catalog is evaluated on, 2026-11-27:
// retired yesterday or today, it is retired and nothing is to come; retired
// tomorrow, it retires in 1 day. A model marked retired, or legacy, has no
// retirement, or deprecation, still to come, whatever date it carries.
func TestCheckAgreesWithSunset(t *testing.T) {
	const day = "2026-11-27"
	cat := overlaid(t, overlayBase(t), `
api_models:
  - {id: gone-yesterday, provider: acme, name: Y, tier: small, input: 1, output: 1, context_window: 1000, retired: "2026-11-26", as_of: "2026-11-27"}
  - {id: gone-today, provider: acme, name: T, tier: small, input: 1, output: 1, context_window: 1000, retired: "2026-11-27", as_of: "2026-11-27"}
  - {id: gone-tomorrow, provider: acme, name: M, tier: small, input: 1, output: 1, context_window: 1000, retired: "2026-11-28", as_of: "2026-11-27"}
  - {id: marked-retired, provider: acme, name: R, tier: small, input: 1, output: 1, context_window: 1000, status: retired, retired: "2026-11-28", as_of: "2026-11-27"}
  - {id: marked-legacy, provider: acme, name: L, tier: small, input: 1, output: 1, context_window: 1000, status: legacy, deprecated: "2026-11-28", as_of: "2026-11-27"}
`)
	cat.ApplyChanges(day) // as every command does before it checks or compares
	for _, tc := range []struct {
		id    string
		check []string // Check's findings of the model
		days  int      // SunsetOf's days to come; 0: none
	}{
		// 2026-11-26 is 1 day before 2026-11-27: passed, +1.
		{"gone-yesterday", []string{"retired api gone-yesterday 2026-11-26 +1"}, 0},
		{"gone-today", []string{"retired api gone-today 2026-11-27 +0"}, 0},
		// 2026-11-28 is 1 day after: -1 in Check, 1 in the warning.
		{"gone-tomorrow", []string{"retires-soon api gone-tomorrow 2026-11-28 -1"}, 1},
		// Marked retired, or legacy, before its date: since no day it could
		// say (it was "deprecated since 2026-11-28", a day to come).
		{"marked-retired", []string{"retired api marked-retired"}, 0},
		{"marked-legacy", []string{"legacy api marked-legacy"}, 0},
	} {
		var mine []Finding
		for _, f := range cat.Check(day) {
			if f.ID == tc.id {
				mine = append(mine, f)
			}
		}
		if got := findings(t, mine); !reflect.DeepEqual(got, tc.check) {
			t.Errorf("%s: Check says %q, want %q", tc.id, got, tc.check)
		}
		m, _ := cat.Model(tc.id)
		s, ok := cat.SunsetOf(m)
		if days := map[bool]int{true: s.Days}[ok]; days != tc.days {
			t.Errorf("%s: the warning says %+v, %v; want %d days", tc.id, s, ok, tc.days)
		}
		// Both from the one rule: a retirement to come in Check is the
		// warning's, a day apart in sign only.
		soon := len(mine) == 1 && mine[0].Kind == "retires-soon"
		if soon != ok || (ok && -mine[0].Days != s.Days) {
			t.Errorf("%s: Check %q and the warning %+v, %v disagree", tc.id, findings(t, mine), s, ok)
		}
	}
}
