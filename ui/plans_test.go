package ui

import "testing"

// The caps use beside a plan follows the same rule as the tables: "100%"
// only at exactly the cap.
func TestUtilPct(t *testing.T) {
	for _, tc := range []struct {
		u    float64
		want string
	}{
		{0.62, "62%"},
		{0.996, ">99%"}, // 99.6%: fits, so not shown at the cap
		{1, "100%"},
		{1.003, "101%"}, // 100.3%: over, so not shown at the cap
		{1.02, "102%"},
		{9.99, "999%"}, // 999% still fits four cells
		{9.995, "10×"}, // 999.5% would round to 1,000%: 9.995 to two digits is 10
		{12, "12×"},    // 1,200% reads as 12×
	} {
		if got := utilPct(tc.u); got != tc.want {
			t.Errorf("utilPct(%v) = %q, want %q", tc.u, got, tc.want)
		}
	}
}
