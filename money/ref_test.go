package money

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/tokenomics/tokenomics/internal/pyref"
)

// refCurrency is a random display currency of the four the reference knows,
// at a rate like the catalog's (four significant digits) or one that makes
// exact binary halves likely (128, 160), or the shipped EUR rate.
func refCurrency(rng *rand.Rand) Currency {
	switch rng.IntN(4) {
	case 0:
		return USD
	case 1:
		return New("EUR", []float64{0.8909, 0.95, 0.5, 1.25, float64(5000+rng.IntN(10000)) / 1e4}[rng.IntN(5)])
	case 2:
		return New("JPY", []float64{149.4, 150, 128, 160, float64(1000+rng.IntN(9000)) / 10}[rng.IntN(5)])
	}
	return New("KRW", []float64{1400, 1450, 1388, 1024, float64(1000+rng.IntN(9000)) / 10 * 2}[rng.IntN(5)])
}

// refAmount is a random USD amount of the kinds that test a rounding rule:
// binary fractions (exact halves at a currency's decimals), decimal prices,
// amounts either side of half a unit of the last decimal, large ones that
// group, signs, zeros and no number at all.
func refAmount(rng *rand.Rand, c Currency) float64 {
	var v float64
	switch rng.IntN(8) {
	case 0: // k/2^n: exact halves and quarters of a cent or a yen
		v = float64(rng.IntN(1_000_000)) / math.Ldexp(1, rng.IntN(12))
	case 1: // a decimal figure as a catalog or price page writes it
		v = float64(rng.IntN(10_000_000)) / math.Pow10(rng.IntN(9))
	case 2: // near half a unit of the last decimal, in the currency
		half := 0.5 * math.Pow10(-c.Decimals) * float64(1+2*rng.IntN(3))
		v = half / c.Rate
		for range rng.IntN(3) {
			v = math.Nextafter(v, []float64{0, 1}[rng.IntN(2)])
		}
	case 3: // any size, 1e-7 to 1e9
		v = math.Pow(10, -7+16*rng.Float64())
	case 4: // a multiple of 1/64 dollar times the rate's units: exact halves of a yen at 128 or 160
		v = float64(rng.IntN(100_000)) / 64
	case 5:
		v = []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e15, 999.995, 0.005, 1.005}[rng.IntN(9)]
	default:
		v = rng.Float64() * math.Pow10(rng.IntN(7))
	}
	if rng.IntN(3) == 0 {
		v = -v
	}
	return v
}

// refNumber writes v so that Python reads back the same float64.
func refNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Format and FormatRate agree with scripts/money_ref.py on random amounts
// in USD, EUR, JPY and KRW: symbol, grouping, sign, decimals and rounding
// half away from zero; a rate's exact USD figure and its four significant
// digits in another currency.
func TestFormatMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 12))
	type refCase struct {
		Code string `json:"code"`
		Rate string `json:"rate"`
		USD  string `json:"usd"`
	}
	var cases []refCase
	var curs []Currency
	var usds, rates []float64
	var rateCases []refCase
	// TOKENOMICS_MONEY_REF_CASES sets the number of cases.
	for range pyref.Cases(t, "TOKENOMICS_MONEY_REF_CASES", 2000) {
		c := refCurrency(rng)
		v := refAmount(rng, c)
		curs, usds = append(curs, c), append(usds, v)
		cases = append(cases, refCase{c.Code, refNumber(c.Rate), refNumber(v)})
		// A rate per 1M tokens: cents and less at times, and never past
		// $100,000 (a hundred times the dearest catalog rate), where v·10^6
		// passes 2^36 and the float product FormatRate tests for an exact
		// figure errs by more than the millionth it allows.
		r := v
		if rng.IntN(2) == 0 {
			r /= 1000
		}
		for math.Abs(r) >= 1e5 && !math.IsInf(r, 0) {
			r /= 1000
		}
		rates = append(rates, r)
		rateCases = append(rateCases, refCase{c.Code, refNumber(c.Rate), refNumber(r)})
	}
	var ref struct{ Format, Rate []string }
	pyref.Run(t, "../scripts/money_ref.py", map[string]any{"format": cases, "rate": rateCases}, &ref)
	if len(ref.Format) != len(cases) || len(ref.Rate) != len(rateCases) {
		t.Fatalf("the reference answered %d and %d of %d cases", len(ref.Format), len(ref.Rate), len(cases))
	}
	bad := 0
	for i, c := range curs {
		if got := c.Format(usds[i]); got != ref.Format[i] {
			t.Errorf("%s at %v: Format(%v) = %q, reference %q", c.Code, c.Rate, usds[i], got, ref.Format[i])
			bad++
		}
		if got := c.FormatRate(rates[i]); got != ref.Rate[i] {
			t.Errorf("%s at %v: FormatRate(%v) = %q, reference %q", c.Code, c.Rate, rates[i], got, ref.Rate[i])
			bad++
		}
		if bad > 20 {
			t.Fatal("more disagreements left out")
		}
	}
}
