package report

import (
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// Notes are worded here, their money in the display currency: at 1,400
// KRW a dollar, $1,440 is ₩2,016,000 and $159.75 is ₩223,650.
func TestNoteText(t *testing.T) {
	krw, eur := money.New("KRW", 1400), money.New("EUR", 0.5)
	for _, tc := range []struct {
		n    model.Note
		cur  money.Currency
		want string
	}{
		{model.Note{Kind: model.NoteCredit, USD: 12.5}, money.USD, "API credit of $12.50/month covers part of the overflow"},
		// 12.5 · 0.5 = 6.25
		{model.Note{Kind: model.NoteCredit, USD: 12.5}, eur, "API credit of €6.25/month covers part of the overflow"},
		{model.Note{Kind: model.NoteLimitEstimate, WindowHours: 168, Unit: "usd", Ranged: true, Low: 159.75, High: 1440}, money.USD,
			"the weekly limit is an estimate ($159.75–$1,440.00 of API-equivalent use per seat)"},
		{model.Note{Kind: model.NoteLimitEstimate, WindowHours: 168, Unit: "usd", Ranged: true, Low: 159.75, High: 1440}, krw,
			"the weekly limit is an estimate (₩223,650–₩2,016,000 of API-equivalent use per seat)"},
		{model.Note{Kind: model.NoteLimitEstimate, WindowHours: 5, Unit: "messages", Ranged: true, Low: 5, High: 25}, krw,
			"the 5-hour limit is an estimate (5–25 messages per seat)"},
		// 40,200 and 40,400 both round to 40k: a decimal more.
		{model.Note{Kind: model.NoteLimitEstimate, WindowHours: 5, Unit: "tokens", Ranged: true, Low: 40200, High: 40400}, krw,
			"the 5-hour limit is an estimate (40.2k–40.4k tokens per seat)"},
		{model.Note{Kind: model.NoteLimitEstimate, WindowHours: 5, Unit: "usd"}, krw, "the 5-hour limit is an estimate"},
		// A measured cap with a spread is a range: 18·1400 = 25,200; 36·1400 = 50,400.
		{model.Note{Kind: model.NoteLimitRange, WindowHours: 5, Unit: "usd", Ranged: true, Low: 18, High: 36}, krw,
			"the 5-hour limit is a range (₩25,200–₩50,400 of API-equivalent use per seat)"},
		{model.Note{Kind: model.NoteMinSeats, Seats: 5}, krw, "minimum 5 seats"},
		{model.Note{Kind: model.NoteReplaySeats, Seats: 2}, krw, "minimum 2 seats; one person's records use one seat's limits"},
		{model.Note{Kind: model.NoteNoAnnual}, krw, "no annual price: billed monthly"},
		{model.Note{Kind: model.NoteFactor, Factor: model.FactorUse{Tokenizer: "o200k", Language: "ko",
			Lambda: model.Lambda{Value: 2, Low: 1.5, High: 3, Estimated: true, Median: true}}}, krw,
			`serving models' tokenizer "o200k", no "ko" factor: estimated as the catalog's median 2.00 (range 1.50–3.00)`},
		{model.Note{Kind: model.NoteFactor, Model: "Gamma", Factor: model.FactorUse{Tokenizer: "o200k", Language: "ko",
			Lambda: model.Lambda{Value: 1.2, Low: 1, High: 1.4, Estimated: true}}}, krw,
			`Gamma, tokenizer "o200k": its "ko" factor is an estimate, 1.20 (range 1.00–1.40)`},
		{model.Note{Kind: model.NoteFactor, Model: "Gamma", Factor: model.FactorUse{Language: "xx",
			Lambda: model.Lambda{Value: 1, Low: 1, High: 1, Estimated: true, NoData: true}}}, krw,
			`Gamma, no tokenizer named; no tokenizer in the catalog has a "xx" factor: counted like English`},
		{model.Note{Kind: model.NoteModelStatus, Model: "Gamma", Status: "legacy"}, krw, "Gamma is a legacy model"},
		{model.Note{Kind: model.NoteModelStatus, Model: "Gamma", Status: "legacy", Retires: "2027-02-01"}, krw, "Gamma is a legacy model (retires 2027-02-01)"},
		// 12.5 · 1400 = 17,500
		{model.Note{Kind: model.NoteOverage, USD: 12.5}, krw, "₩17,500/month of use beyond the included limits, at the plan's own overage price"},
		{model.Note{Kind: model.NoteModelEstimate, Model: "Gamma"}, krw, "Gamma: prices are an estimate"},
		{model.Note{Kind: model.NoteVendorUncapped}, krw, "the vendor says there is no usage limit"},
		{model.Note{Kind: model.NoteNoLimit}, krw, "no usage limit in the catalog: treated as uncapped"},
	} {
		got := NoteText(tc.n, tc.cur)
		if got != tc.want {
			t.Errorf("%+v in %s:\n got %q\nwant %q", tc.n, tc.cur.Code, got, tc.want)
		}
		if tc.cur.Code != "USD" && strings.Contains(got, "$") {
			t.Errorf("%q: a dollar sign in %s", got, tc.cur.Code)
		}
	}
}

func TestWindowName(t *testing.T) {
	for h, want := range map[float64]string{5: "5-hour", 3: "3-hour", 0.5: "0.5-hour", 24: "daily", 48: "2-day",
		168: "weekly", 720: "monthly", 730.5: "monthly", 1000: "1000-hour"} {
		if got := WindowName(h); got != want {
			t.Errorf("WindowName(%v) = %q, want %q", h, got, want)
		}
	}
}
