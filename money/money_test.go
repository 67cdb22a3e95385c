package money

import "testing"

func TestFormat(t *testing.T) {
	krw := New("KRW", 1400)
	for _, tc := range []struct {
		c    Currency
		usd  float64
		want string
	}{
		{USD, 20, "$20.00"},
		{USD, 1234.5, "$1,234.50"},
		{USD, -3.2, "-$3.20"},
		{USD, -0.001, "$0.00"}, // rounds to zero: no minus sign
		{USD, 1234567.891, "$1,234,567.89"},
		{krw, 20, "₩28,000"},           // 20 × 1400
		{krw, 0.0174, "₩24"},           // 0.0174 × 1400 = 24.36
		{New("EUR", 0.9), 10, "€9.00"}, // 10 × 0.9
		{New("XYZ", 2), 1, "XYZ 2.00"},
	} {
		if got := tc.c.Format(tc.usd); got != tc.want {
			t.Errorf("%s.Format(%v) = %q, want %q", tc.c.Code, tc.usd, got, tc.want)
		}
	}
}

func TestFormatSmall(t *testing.T) {
	for _, tc := range []struct {
		usd  float64
		want string
	}{
		{0.017, "$0.017"},      // 0.01 ≤ v < 0.1: one more decimal
		{0.0012, "$0.0012"},    // two more decimals
		{0.00001, "$0.000010"}, // at most four more: 2+4 decimals
		{1.5, "$1.50"},
		{0, "$0.00"},
	} {
		if got := USD.FormatSmall(tc.usd); got != tc.want {
			t.Errorf("FormatSmall(%v) = %q, want %q", tc.usd, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    float64
		want string
	}{{880, "880"}, {1320, "1,320"}, {4.333, "4.3"}, {1234.6, "1,235"}, {-2000, "-2,000"}} {
		if got := Count(tc.n); got != tc.want {
			t.Errorf("Count(%v) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestFormatRate(t *testing.T) {
	krw := New("KRW", 1400)
	for _, tc := range []struct {
		c    Currency
		usd  float64
		want string
	}{
		{USD, 0.125, "$0.125"},      // Format would round it to $0.13
		{USD, 3, "$3.00"},           // never fewer than the usual two
		{USD, 0.0375, "$0.0375"},    // four decimals are exact
		{USD, 1.0 / 3, "$0.333333"}, // not exact: stops at 2+4 decimals
		{krw, 0.125, "₩175"},        // 0.125 × 1400 = 175 exactly
		{krw, 0.05, "₩70"},          // 0.05 × 1400 = 70
		{krw, 0.0011, "₩1.54"},      // 0.0011 × 1400 = 1.54
	} {
		if got := tc.c.FormatRate(tc.usd); got != tc.want {
			t.Errorf("%s.FormatRate(%v) = %q, want %q", tc.c.Code, tc.usd, got, tc.want)
		}
	}
}
