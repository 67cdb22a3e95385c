// Package money formats amounts for display: a USD amount converted at a
// given rate, with the currency's symbol, its usual decimals and grouped
// thousands. Prices stay in USD everywhere else.
package money

import (
	"math"
	"strconv"
	"strings"
)

// Currency is a display currency: a code, its rate in units per USD, and how
// it is written.
type Currency struct {
	Code     string
	Rate     float64 // units per USD
	Symbol   string
	Decimals int
}

var symbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩", "CNY": "CN¥", "INR": "₹",
	"CAD": "CA$", "AUD": "A$", "CHF": "CHF ", "BRL": "R$",
}

// zeroDecimal currencies are written without minor units.
var zeroDecimal = map[string]bool{"JPY": true, "KRW": true}

// USD is the currency prices are kept in.
var USD = New("USD", 1)

// New returns the display currency code at rate units per USD.
func New(code string, rate float64) Currency {
	c := Currency{Code: code, Rate: rate, Symbol: symbols[code], Decimals: 2}
	if c.Symbol == "" {
		c.Symbol = code + " "
	}
	if zeroDecimal[code] {
		c.Decimals = 0
	}
	return c
}

// Convert is amount, in from's units, in to's, by their rates per USD:
// for a figure the user wrote in a currency (a budget), not a price, which
// stays in USD. ok is false when the codes differ and either has no rate
// (none, not positive, not finite): there is then no such figure, and 0 or
// the amount unconverted would be a wrong one.
func Convert(amount float64, from, to Currency) (v float64, ok bool) {
	if from.Code == to.Code {
		return amount, true
	}
	if !from.hasRate() || !to.hasRate() {
		return 0, false
	}
	return amount / from.Rate * to.Rate, true
}

// hasRate reports whether c's rate can convert: positive and finite.
func (c Currency) hasRate() bool {
	return c.Rate > 0 && !math.IsInf(c.Rate, 1)
}

// Format writes usd in c: "$1,234.50", "₩28,100", "-$3.20", rounded half
// away from zero ("$0.13" for $0.125, "¥3" for 2.5 yen).
func (c Currency) Format(usd float64) string {
	return c.format(usd, c.Decimals)
}

// FormatSmall writes small amounts (per-task costs) with two more decimals
// when the usual ones would show zero: "$0.0012".
func (c Currency) FormatSmall(usd float64) string {
	v := math.Abs(usd * c.Rate)
	d := c.Decimals
	for d < c.Decimals+4 && v > 0 && v < math.Pow10(-d)*10 {
		d++
	}
	return c.format(usd, d)
}

func (c Currency) format(usd float64, decimals int) string {
	v := usd * c.Rate
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	neg := v < 0
	s := rounded(math.Abs(v), decimals)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	b.WriteString(c.Symbol)
	b.WriteString(Group(intPart))
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// rounded is v ≥ 0 with d decimals, rounded half away from zero, as every
// amount of money the outputs write (counts, percentages and token counts
// keep FormatFloat's rounding): FormatFloat rounds an exact half to even
// ("¥2" for 2.5 yen, "$0.12" for $0.125), and a move of exactly half a yen
// would read "+¥0" where report.SameCost says it is not the same. v is such
// a half when v·2^(d+1) is an odd whole number (v·10^d is then that number
// × 5^d / 2); its d+1 decimals are then exact and end in 5.
func rounded(v float64, d int) string {
	if math.Mod(math.Ldexp(v, d+1), 2) != 1 {
		return strconv.FormatFloat(v, 'f', d, 64)
	}
	s := strconv.FormatFloat(v, 'f', d+1, 64)
	b := []byte(strings.TrimSuffix(s[:len(s)-1], "."))
	for i := len(b) - 1; i >= 0; i-- { // one more in the last place, carried
		switch b[i] {
		case '.':
		case '9':
			b[i] = '0'
		default:
			b[i]++
			return string(b)
		}
	}
	return "1" + string(b)
}

// Group inserts thousands separators into a string of digits.
func Group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Count formats a count with grouped thousands and at most one decimal:
// "1,320", "4.3".
func Count(n float64) string {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return "—"
	}
	if n == math.Trunc(n) || math.Abs(n) >= 100 {
		s := strconv.FormatFloat(math.Round(math.Abs(n)), 'f', 0, 64)
		if n < 0 {
			return "-" + Group(s)
		}
		return Group(s)
	}
	return strconv.FormatFloat(n, 'f', 1, 64)
}

// Tokens writes a token count compactly: 950, 1.5k, 33k, 1.2M.
func Tokens(n float64) string {
	switch {
	case n >= 1e6:
		return decimals(n/1e6, 1) + "M"
	case n >= 10e3:
		return strconv.FormatFloat(math.Round(n/1e3), 'f', 0, 64) + "k"
	case n >= 1e3:
		return decimals(n/1e3, 1) + "k"
	}
	return strconv.FormatFloat(n, 'f', 0, 64)
}

// TokensApart writes two token counts compared in one sentence ("needs 33k;
// gives 32k") so that unequal counts never read the same: 32,400 against
// 32,000 is "32.4k" and "32k", not "32k" twice. Each starts as Tokens;
// when those are equal and the counts not, more decimals of the larger's
// unit, then whole tokens, the larger rounded up and the smaller down (a
// need of 32,000.4 is more than 32,000).
func TokensApart(a, b float64) (string, string) {
	sa, sb := Tokens(a), Tokens(b)
	if sa != sb || a == b {
		return sa, sb
	}
	unit, suffix, d := 1e3, "k", 1
	if max(a, b) >= 1e6 {
		unit, suffix, d = 1e6, "M", 2
	}
	if max(a, b) >= 1e3 {
		for ; d <= 3; d++ {
			fa, fb := decimals(a/unit, d)+suffix, decimals(b/unit, d)+suffix
			if fa != fb {
				return fa, fb
			}
		}
	}
	round := func(x float64, up bool) string {
		if up {
			x = math.Ceil(x)
		} else {
			x = math.Floor(x)
		}
		return Group(strconv.FormatFloat(x, 'f', 0, 64))
	}
	return round(a, a > b), round(b, b > a)
}

// decimals is v with d decimals less trailing zeros: 32.50 → "32.5".
func decimals(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// FormatRate writes a catalog rate in c. In USD, the catalog's currency,
// with as many decimals as it needs to show exactly (up to four more than
// usual): "$0.125", not "$0.13", so a figure copied from a price page can be
// checked against it. In another currency to four significant digits, as
// many as its exchange rate has ("€1.336", not "€1.33635"), never fewer
// decimals than usual: more would be precision the conversion does not have.
func (c Currency) FormatRate(usd float64) string {
	v := math.Abs(usd * c.Rate)
	d := c.Decimals
	if c.Code != USD.Code { // a currency at 1 per USD is still converted
		if v > 0 {
			d = min(max(d, 3-int(math.Floor(math.Log10(v)))), c.Decimals+6)
		}
		return c.trimmed(usd, d)
	}
	for d < c.Decimals+4 {
		p := math.Pow10(d)
		if math.Abs(math.Round(v*p)-v*p) < 1e-6 {
			break
		}
		d++
	}
	return c.format(usd, d)
}

// trimmed is usd in c with d decimals, less the trailing zeros beyond the
// currency's usual ones: "€1.20", "€0.4455".
func (c Currency) trimmed(usd float64, d int) string {
	s := c.format(usd, d)
	for d > c.Decimals && strings.HasSuffix(s, "0") {
		s, d = s[:len(s)-1], d-1
	}
	return strings.TrimSuffix(s, ".")
}
