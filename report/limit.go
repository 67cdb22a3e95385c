package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// LimitText writes a usage limit compactly, its money in cur: "$18
// ($6.39–$36) per 5 h", "₩25,200 per 5 h", "160 messages per 3 h", with its
// scopes: "… (agent only)".
func LimitText(l *model.Limit, cur money.Currency) string {
	amount := func(v float64) string {
		if l.USD > 0 {
			return wholeMoney(cur, v)
		}
		return model.Tokens(v)
	}
	s := amount(l.Capacity())
	if l.Ranged() {
		s += " (" + amount(l.CapacityLow()) + "–" + amount(l.CapacityHigh()) + ")"
	}
	if l.USD <= 0 {
		s += " " + l.Unit()
	}
	s += " per " + strconv.FormatFloat(l.WindowHours, 'f', -1, 64) + " h"
	var scope []string
	for _, t := range l.Tiers {
		scope = append(scope, t.String())
	}
	scope = append(scope, l.Models...)
	for _, v := range l.Via {
		scope = append(scope, v.String())
	}
	if len(scope) > 0 {
		s += " (" + strings.Join(scope, ", ") + " only)"
	}
	if len(l.Weights) > 0 {
		s += ", weighted by model"
	}
	switch {
	case l.Overage > 0 && l.USD > 0 && l.Overage == 1:
		s += ", then at API prices"
	case l.Overage > 0 && l.USD > 0:
		s += ", then at " + strconv.FormatFloat(l.Overage, 'f', -1, 64) + "× API prices"
	case l.Overage > 0:
		s += ", then " + cur.FormatRate(l.Overage) + " each"
	}
	return s
}

// wholeMoney is usd in cur without the minor units when they are zero:
// "$18", "$6.39", "$1,440". Half a cent rounds up, as on a price page
// ($1,203.125 is $1,203.13), where money.Format rounds it to even.
func wholeMoney(cur money.Currency, usd float64) string {
	p := math.Pow10(cur.Decimals)
	units := math.Round(usd * cur.Rate * p)
	if math.Mod(units, p) == 0 {
		cur.Decimals = 0
	}
	return cur.Format(units / p / cur.Rate)
}

// FindingText words a finding of the catalog's check, a limit's money in
// cur.
func FindingText(f *plans.Finding, cur money.Currency) string {
	if f.Limit != nil {
		return "limit of " + LimitText(f.Limit, cur) + " " + f.Detail
	}
	return f.Detail
}

// OverlaySummary says in one line what an overlay does to the catalog.
func OverlaySummary(e plans.Effect) string {
	var parts []string
	for _, x := range []struct {
		n    int
		what string
	}{{e.Replaced, "replaced"}, {e.Added, "added"}, {e.Removed, "removed"}} {
		if x.n > 0 {
			parts = append(parts, countOf(x.n, "entry", "entries")+" "+x.what)
		}
	}
	if len(e.Older) > 0 {
		parts = append(parts, "dated before the catalog's own entry: "+strings.Join(e.Older, ", "))
	}
	if e.Tokenizers {
		parts = append(parts, "tokenizer factors changed")
	}
	if e.FX {
		parts = append(parts, "exchange rates changed")
	}
	if len(parts) == 0 {
		return "changes nothing"
	}
	return strings.Join(parts, ", ")
}

// OverlayNote is the catalog note of an overlay at path (as shown).
func OverlayNote(path string, e plans.Effect) string {
	return "catalog overlay " + path + ": " + OverlaySummary(e)
}
