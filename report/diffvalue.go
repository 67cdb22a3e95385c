package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/money"
)

// diffValue words one side of a catalog difference: an entry only one
// catalog has as its summary ("3 in · 15 out · 200k context", "20 a month ·
// 2 limits"), any other value as catalogsync writes it.
func diffValue(v catalogsync.Value) string {
	switch {
	case v.Model != nil:
		m := v.Model
		return fmt.Sprintf("%s in · %s out · %s context", num(m.Input), num(m.Output), money.Tokens(m.ContextWindow))
	case v.Plan != nil:
		p := v.Plan
		return fmt.Sprintf("%s a month · %d %s", num(p.PriceMonthly), len(p.Limits), Plural(len(p.Limits), "limit", "limits"))
	}
	return v.String()
}

// diffJSON is one side of a catalog difference for programs: an entry's
// summary as a string, any other value as catalogsync writes it.
func diffJSON(v catalogsync.Value) any {
	if v.Model != nil || v.Plan != nil {
		return diffValue(v)
	}
	return v
}

// diffChange is how a number of a difference moved ("+100%", "−25%",
// "+0.1%": a move under half a percent keeps a decimal); "" when it has no
// move (a text, a side without a value, a zero before).
func diffChange(d catalogsync.Difference) string {
	p, ok := d.Move()
	if !ok {
		return ""
	}
	if math.Abs(p) < 0.5 {
		return fmt.Sprintf("%+.1f%%", p)
	}
	return strings.Replace(fmt.Sprintf("%+.0f%%", p), "-", "−", 1)
}
