package plans

import (
	"errors"
	"strings"
	"testing"
)

// An overlay's limits_like is checked on the merged catalog as the catalog
// format checks it: in testdata, acme-max takes acme-pro's limits × 5.
func TestOverlayLimitsLikeChainsAndCycles(t *testing.T) {
	base := overlayBase(t)
	plan := func(id, like string) string {
		return "  - {id: " + id + ", vendor: acme, name: X, price_monthly: 20, models: [acme-mini], " +
			"limits_like: {plan: " + like + ", factor: 0.2}, source: s, as_of: \"2026-11-21\"}\n"
	}
	own := "  - {id: acme-own, vendor: acme, name: Own, price_monthly: 5, models: [acme-mini], " +
		"limits: [{window_hours: 5, messages: 10}], source: s, as_of: \"2026-11-21\"}\n"
	for _, tc := range []struct {
		name, overlay string
		line, col     int
		want          string // "" = accepted
	}{
		// acme-pro → acme-max → acme-pro: once accepted, with limits that
		// came from nowhere.
		// Column 103: "  - {id: acme-pro, … limits_like: {plan: " is 102 bytes.
		{"a cycle through the catalog", plan("acme-pro", "acme-max"), 2, 103,
			"limits_like cycle: acme-pro → acme-max → acme-pro"},
		{"a chain through the catalog", plan("acme-new", "acme-max"), 2, 103,
			`plan "acme-max" itself uses limits_like`},
		// acme-max would take acme-pro's limits, which now come from acme-own.
		{"a catalog plan chained behind the overlay", own + plan("acme-pro", "acme-own"), 3, 5,
			`plan "acme-max" of the catalog takes its limits from this plan (limits_like), so it needs limits of its own`},
		{"a plan with limits of its own", plan("acme-new", "acme-pro"), 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ApplyOverlay(base, "o.yaml", []byte("subscriptions:\n"+tc.overlay))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, tc.want) || e.Line != tc.line || e.Col != tc.col {
				t.Errorf("error %v, want o.yaml:%d:%d: …%s", err, tc.line, tc.col, tc.want)
			}
		})
	}
}
