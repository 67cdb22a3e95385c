package report

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/tokenomics/tokenomics/internal/pyref"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// SameCost and CostChange, and model.Quote.CostChange feeding them as the
// app's change marks do, agree with scripts/money_ref.py, written from
// their rules apart from this code, on random moves in USD, EUR, JPY and
// KRW: most of them within a few floats of half a unit of the currency's
// last decimal, where "the same" ends, or exact binary halves of it.
// TOKENOMICS_MONEY_REF_CASES sets the number of moves (default 2,000).
func TestCostChangeMatchesReference(t *testing.T) {
	n := pyref.Cases(t, "TOKENOMICS_MONEY_REF_CASES", 2000)
	rng := rand.New(rand.NewPCG(7, 2026))
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	type move struct {
		Code string `json:"code"`
		Rate string `json:"rate"`
		USD  string `json:"usd"`
	}
	type quoteMove struct {
		Eligible bool   `json:"eligible"`
		Monthly  string `json:"monthly"`
		Was      string `json:"was"`
		Code     string `json:"code"`
		Rate     string `json:"rate"`
	}
	var moves []move
	var quotes []quoteMove
	var curs []money.Currency
	var ds []float64
	var qs []model.Quote
	var was []float64
	for range n {
		cur := moveCurrency(rng)
		d := randomMove(rng, cur)
		curs, ds = append(curs, cur), append(ds, d)
		moves = append(moves, move{cur.Code, num(cur.Rate), num(d)})

		// A quote's cost now and before, a move like d apart.
		before := float64(rng.IntN(50_000)) / 100
		q := model.Quote{Eligible: rng.IntN(6) > 0, Monthly: before + d}
		if math.IsNaN(q.Monthly) || math.IsInf(q.Monthly, 0) {
			q.Eligible, q.Monthly = false, math.Inf(1) // a quote that cannot carry the work has no cost
		}
		switch rng.IntN(16) {
		case 0, 1:
			before = math.Inf(1) // no cost before: it could not carry the work
		case 2:
			before = math.NaN() // no figure before: no move either
		}
		qs, was = append(qs, q), append(was, before)
		quotes = append(quotes, quoteMove{q.Eligible, num(q.Monthly), num(before), cur.Code, num(cur.Rate)})
	}
	var ref struct {
		Change [][2]any
		Quote  [][3]any
	}
	pyref.Run(t, "../scripts/money_ref.py", map[string]any{"change": moves, "quote": quotes}, &ref)
	if len(ref.Change) != n || len(ref.Quote) != n {
		t.Fatalf("the reference answered %d and %d of %d cases", len(ref.Change), len(ref.Quote), n)
	}
	bad := 0
	for i, cur := range curs {
		same, words := SameCost(ds[i], cur), CostChange(ds[i], cur)
		if same != ref.Change[i][0] || words != ref.Change[i][1] {
			t.Errorf("%s at %v, move %v: SameCost %v, CostChange %q; reference %v, %q",
				cur.Code, cur.Rate, ds[i], same, words, ref.Change[i][0], ref.Change[i][1])
			bad++
		}
		d, ok := qs[i].CostChange(was[i])
		mark := ""
		if ok {
			mark = CostChange(d, cur)
		}
		refD, err := strconv.ParseFloat(ref.Quote[i][1].(string), 64)
		if err != nil {
			t.Fatal(err)
		}
		if ok != ref.Quote[i][0] || ok && d != refD || mark != ref.Quote[i][2] {
			t.Errorf("%s: quote %+v from %v: move %v %v, mark %q; reference %v %v, %q",
				cur.Code, qs[i], was[i], d, ok, mark, ref.Quote[i][0], refD, ref.Quote[i][2])
			bad++
		}
		if bad > 20 {
			t.Fatal("more disagreements left out")
		}
	}
}

// moveCurrency is one of the four currencies the reference knows, at a
// catalog-like rate or one whose products make exact halves (128, 160).
func moveCurrency(rng *rand.Rand) money.Currency {
	switch rng.IntN(4) {
	case 0:
		return money.USD
	case 1:
		return money.New("EUR", []float64{0.8909, 0.95, 0.5, 1}[rng.IntN(4)])
	case 2:
		return money.New("JPY", []float64{149.4, 150, 128, 160}[rng.IntN(4)])
	}
	return money.New("KRW", []float64{1400, 1450, 1024, 1388.5}[rng.IntN(4)])
}

// randomMove is a move in USD: near half a unit of cur's last decimal (a
// few floats either side), an exact binary fraction, any size, or none.
func randomMove(rng *rand.Rand, cur money.Currency) float64 {
	var d float64
	switch rng.IntN(6) {
	case 0, 1:
		d = 0.5 * math.Pow10(-cur.Decimals) * float64(1+2*rng.IntN(3)) / cur.Rate
		for range rng.IntN(4) {
			d = math.Nextafter(d, []float64{0, 1}[rng.IntN(2)])
		}
	case 2:
		d = float64(rng.IntN(100_000)) / math.Ldexp(1, rng.IntN(10))
	case 3:
		d = math.Pow(10, -6+12*rng.Float64())
	case 4:
		d = float64(rng.IntN(1_000_000)) / 100
	default:
		d = []float64{0, math.Copysign(0, -1), math.Inf(1), math.NaN(), 0.005, 0.0049999999999999999}[rng.IntN(6)]
	}
	if rng.IntN(2) == 0 {
		d = -d
	}
	return d
}
