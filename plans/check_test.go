package plans

import (
	"fmt"
	"reflect"
	"testing"
)

func findings(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s %s %s: %s", f.Kind, f.Entry, f.ID, f.Detail)
	}
	return out
}

func TestCheck(t *testing.T) {
	base := overlayBase(t)
	// An undated, retired model and a legacy one on top of the test catalog.
	withOld, _, err := ApplyOverlay(base, "o.yaml", []byte(`
api_models:
  - {id: old-1, provider: acme, name: Old 1, tier: small, input: 1, output: 1, context_window: 1000, status: retired}
  - {id: old-2, provider: acme, name: Old 2, tier: small, input: 1, output: 1, context_window: 1000, status: legacy, as_of: "2026-11-01"}
`))
	if err != nil {
		t.Fatal(err)
	}
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
			"change-passed api zeta-mid: since 2026-11-01 (26 days ago): output 3 (already in force)",
			"change-soon api acme-large: from 2026-12-01 (in 4 days): input 4, output 20 (launch price ends)",
			"preview api zeta-mid: a preview: prices and limits may change or the model go away",
			"estimate api zeta-mid: prices are an estimate",
			"estimate subscription acme-pro: limit of 5M tokens per 168 h (frontier only) is an estimate",
			"estimate subscription acme-max: limit of 25M tokens per 168 h (frontier only) is an estimate",
		}},
		// 2027-02-20: 2026-11-20 is 92 days back (10 + 31 + 31 + 20), -18 is
		// 94 and the fx rates of -19 are 93: all past 90. 2027-03-01 is 9
		// days away; 2026-12-01 passed 81 days ago.
		{"three months on", "2027-02-20", base, []string{
			"change-passed api zeta-mid: since 2026-11-01 (111 days ago): output 3 (already in force)",
			"change-passed api acme-large: since 2026-12-01 (81 days ago): input 4, output 20 (launch price ends)",
			"change-soon api acme-large: from 2027-03-01 (in 9 days): cache_read 0.4",
			"preview api zeta-mid: a preview: prices and limits may change or the model go away",
			"stale api acme-mini: figures of 2026-11-20, 92 days old",
			"stale api acme-large: figures of 2026-11-20, 92 days old",
			"stale api zeta-mid: figures of 2026-11-18, 94 days old",
			"stale subscription acme-pro: figures of 2026-11-20, 92 days old",
			"stale subscription acme-max: figures of 2026-11-20, 92 days old",
			"stale subscription zeta-team: figures of 2026-11-18, 94 days old",
			"stale fx fx: rates of 2026-11-19, 93 days old (display only)",
			"estimate api zeta-mid: prices are an estimate",
			"estimate subscription acme-pro: limit of 5M tokens per 168 h (frontier only) is an estimate",
			"estimate subscription acme-max: limit of 25M tokens per 168 h (frontier only) is an estimate",
		}},
		{"retired, legacy and undated", "2026-11-27", withOld, []string{
			"change-passed api zeta-mid: since 2026-11-01 (26 days ago): output 3 (already in force)",
			"change-soon api acme-large: from 2026-12-01 (in 4 days): input 4, output 20 (launch price ends)",
			"retired api old-1: no longer offered: left out of every comparison",
			"preview api zeta-mid: a preview: prices and limits may change or the model go away",
			"legacy api old-2: superseded or deprecated: may retire",
			"undated api old-1: no as_of: how old its figures are is unknown",
			"estimate api zeta-mid: prices are an estimate",
			"estimate subscription acme-pro: limit of 5M tokens per 168 h (frontier only) is an estimate",
			"estimate subscription acme-max: limit of 25M tokens per 168 h (frontier only) is an estimate",
		}},
		{"not a date", "soon", base, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := findings(tc.cat.Check(tc.today)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
	// A change applied by ApplyChanges is still listed as passed.
	c := overlayBase(t)
	c.ApplyChanges("2026-12-05")
	if got := findings(c.Check("2026-12-05")); got[1] != "change-passed api acme-large: since 2026-12-01 (4 days ago): input 4, output 20 (launch price ends)" {
		t.Errorf("got %q", got[1])
	}
}
