package report

import "testing"

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
