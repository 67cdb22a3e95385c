package money

import (
	"math"
	"testing"
)

// Format rounds to the currency's usual decimals; FormatSmall keeps up to
// four more for amounts below 0.1; FormatRate, for prices per 1M tokens,
// shows as many as make the price exact, up to 2+4, in USD, and four
// significant digits in a currency it is converted to.
func TestFormats(t *testing.T) {
	krw := New("KRW", 1400)
	eur := New("EUR", 0.8909) // the shipped catalog's rate
	formats := map[string]func(Currency, float64) string{
		"Format":      Currency.Format,
		"FormatSmall": Currency.FormatSmall,
		"FormatRate":  Currency.FormatRate,
	}
	for _, tc := range []struct {
		format string
		c      Currency
		usd    float64
		want   string
	}{
		{"Format", USD, 20, "$20.00"},
		{"Format", USD, 1234.5, "$1,234.50"},
		{"Format", USD, -3.2, "-$3.20"},
		{"Format", USD, -0.001, "$0.00"}, // rounds to zero: no minus sign
		{"Format", USD, 1234567.891, "$1,234,567.89"},
		{"Format", krw, 20, "₩28,000"},           // 20 × 1400
		{"Format", krw, 0.0174, "₩24"},           // 0.0174 × 1400 = 24.36
		{"Format", New("EUR", 0.9), 10, "€9.00"}, // 10 × 0.9
		{"Format", New("XYZ", 2), 1, "XYZ 2.00"},

		{"FormatSmall", USD, 0.017, "$0.017"},      // 0.01 ≤ v < 0.1: one more decimal
		{"FormatSmall", USD, 0.0012, "$0.0012"},    // two more decimals
		{"FormatSmall", USD, 0.00001, "$0.000010"}, // at most four more: 2+4 decimals
		{"FormatSmall", USD, 1.5, "$1.50"},
		{"FormatSmall", USD, 0, "$0.00"},

		{"FormatRate", USD, 0.125, "$0.125"},               // Format would round it to $0.13
		{"FormatRate", USD, 3, "$3.00"},                    // never fewer than the usual two
		{"FormatRate", USD, 0.0375, "$0.0375"},             // four decimals are exact
		{"FormatRate", USD, 1.0 / 3, "$0.333333"},          // not exact: stops at 2+4 decimals
		{"FormatRate", krw, 0.125, "₩175"},                 // 0.125 × 1400 = 175 exactly
		{"FormatRate", krw, 0.05, "₩70"},                   // 0.05 × 1400 = 70
		{"FormatRate", krw, 0.0011, "₩1.54"},               // 0.0011 × 1400 = 1.54
		{"FormatRate", eur, 1.5, "€1.336"},                 // 1.5 × 0.8909 = 1.33635: four digits, not six
		{"FormatRate", eur, 0.15, "€0.1336"},               // 0.15 × 0.8909 = 0.133635
		{"FormatRate", eur, 12, "€10.69"},                  // 12 × 0.8909 = 10.6908
		{"FormatRate", eur, 1, "€0.8909"},                  // the rate itself, as the catalog gives it
		{"FormatRate", New("EUR", 0.9), 3, "€2.70"},        // 3 × 0.9 = 2.700: the zero beyond the usual two trimmed
		{"FormatRate", New("KRW", 1348.28), 1.5, "₩2,022"}, // 1.5 × 1348.28 = 2022.42
		{"FormatRate", New("JPY", 157.67), 1, "¥157.7"},    // 157.67 to four digits
		// Exact halves round away from zero, not to even (FormatFloat's way).
		{"Format", USD, 0.125, "$0.13"},             // 12.5 cents
		{"Format", USD, -0.625, "-$0.63"},           // 62.5 cents
		{"Format", New("JPY", 160), 0.003125, "¥1"}, // 0.003125 × 160 = 0.5 yen
		{"Format", New("KRW", 1024), 2.5 / 1024, "₩3"},
		{"Format", New("JPY", 128), 999.5 / 128, "¥1,000"}, // 999.5 yen: the one more carried
		{"FormatRate", USD, 0.0078125, "$0.007813"},        // 2^-7: seven decimals, four more at most
		// A currency at 1 per USD is converted all the same: four digits.
		{"FormatRate", New("EUR", 1), 0.23041517, "€0.2304"},
	} {
		if got := formats[tc.format](tc.c, tc.usd); got != tc.want {
			t.Errorf("%s.%s(%v) = %q, want %q", tc.c.Code, tc.format, tc.usd, got, tc.want)
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

// Tokens keeps one decimal below 10k and from 1M (a trailing ".0" dropped)
// and rounds to whole thousands between.
func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		n    float64
		want string
	}{
		{950, "950"},
		{999.6, "1000"},       // below 1k: whole tokens, rounded
		{1000, "1k"},          // 1.0k, the ".0" dropped
		{1500, "1.5k"},        // 1500/1e3 = 1.5
		{9960, "10k"},         // 9.96 to one decimal is 10.0
		{33_400, "33k"},       // 33.4 rounded to 33
		{999_600, "1000k"},    // 999.6 rounded to 1000, still below 1M
		{1_000_000, "1M"},     // 1.0M, the ".0" dropped
		{1_240_000, "1.2M"},   // 1.24 to one decimal
		{200_000_000, "200M"}, // 200.0M
	} {
		if got := Tokens(tc.n); got != tc.want {
			t.Errorf("Tokens(%v) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestConvert(t *testing.T) {
	krw, eur := New("KRW", 1400), New("EUR", 0.9)
	for _, tc := range []struct {
		amount   float64
		from, to Currency
		want     float64
		ok       bool
	}{
		// ₩500,000 is 500000/1400 = $357.142857…, × 0.9 = €321.428571….
		{500000, krw, eur, 321.428571, true},
		// €90 is 90/0.9 = $100, × 1400 = ₩140,000.
		{90, eur, krw, 140000, true},
		{300, USD, USD, 300, true},
		// The same code is the same money, rate or not.
		{300, Currency{Code: "XYZ"}, Currency{Code: "XYZ"}, 300, true},
		// A currency without a usable rate, on either side, gives no figure:
		// not €300 unconverted, not ₩0.
		{300, Currency{Code: "XYZ"}, eur, 0, false},
		{300, eur, Currency{Code: "XYZ"}, 0, false},
		{300, eur, New("KRW", math.NaN()), 0, false},
		{300, New("KRW", math.Inf(1)), eur, 0, false},
		{300, eur, New("KRW", -1400), 0, false},
	} {
		got, ok := Convert(tc.amount, tc.from, tc.to)
		if ok != tc.ok || math.Abs(got-tc.want) > 1e-6 {
			t.Errorf("Convert(%v, %s@%v, %s@%v) = %v, %v; want %v, %v", tc.amount, tc.from.Code, tc.from.Rate, tc.to.Code, tc.to.Rate, got, ok, tc.want, tc.ok)
		}
	}
}

// Two counts compared never read the same unless they are.
func TestTokensApart(t *testing.T) {
	for _, tc := range []struct {
		a, b         float64
		wantA, wantB string
	}{
		{33000, 32000, "33k", "32k"},             // apart as they are
		{32000, 32000, "32k", "32k"},             // the same: the same words
		{32500, 32000, "33k", "32k"},             // rounded apart already
		{32400, 32000, "32.4k", "32k"},           // one decimal
		{32040, 32000, "32.04k", "32k"},          // two
		{32001, 32000, "32.001k", "32k"},         // three
		{32000.4, 32000, "32,001", "32,000"},     // whole tokens, the need rounded up
		{1040000, 1e6, "1.04M", "1M"},            // millions: 1.0M and 1M both trim to "1M"
		{1000500, 1e6, "1,000,500", "1,000,000"}, // 1.0005M: past 3 decimals, whole tokens
		{950.4, 950, "951", "950"},               // under a thousand: whole tokens
		{32000, 32400, "32k", "32.4k"},           // either way round
	} {
		if a, b := TokensApart(tc.a, tc.b); a != tc.wantA || b != tc.wantB {
			t.Errorf("TokensApart(%v, %v) = %q, %q; want %q, %q", tc.a, tc.b, a, b, tc.wantA, tc.wantB)
		}
	}
}
