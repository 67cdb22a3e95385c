package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// diffValue words one side of a catalog difference: an entry only one
// catalog has as its summary ("3 in · 15 out · 200k context", "20 a month ·
// 2 limits"), a plan's limits in short ("45 messages/5h (reported);
// 5000000 tokens/168h [frontier]"), a number in full digits, a text as it
// is, "—" for nothing.
func diffValue(v catalogsync.Value) string {
	switch {
	case v.Limits != nil:
		return diffLimits(v.Limits)
	case v.Model != nil:
		m := v.Model
		return fmt.Sprintf("%s in · %s out · %s context", num(m.Input), num(m.Output), money.Tokens(m.ContextWindow))
	case v.Plan != nil:
		p := v.Plan
		return fmt.Sprintf("%s a month · %d %s", num(p.PriceMonthly), len(p.Limits), Plural(len(p.Limits), "limit", "limits"))
	case v.Num != nil:
		return num(*v.Num)
	case v.Text != "":
		return v.Text
	}
	return "—"
}

// diffJSON is one side of a catalog difference for programs: an entry's
// summary or a plan's limits as a string, any other value as catalogsync
// writes it (a number, a text, or null).
func diffJSON(v catalogsync.Value) any {
	if v.Model != nil || v.Plan != nil || v.Limits != nil {
		return diffValue(v)
	}
	return v
}

// diffChange is how a number of a difference moved ("+100%", "−25%",
// "+0.1%": a move under half a percent keeps a decimal, a half rounds away
// from zero), with a real minus; "" when it has no move (a text, a side
// without a value, a zero before).
func diffChange(d catalogsync.Difference) string {
	p, ok := d.Move()
	if !ok {
		return ""
	}
	s := fmt.Sprintf("%+.0f%%", math.Round(p))
	if math.Abs(p) < 0.5 {
		s = fmt.Sprintf("%+.1f%%", p)
	}
	return strings.Replace(s, "-", "−", 1)
}

// diffLimits words a plan's limits for a diff: each its capacity, unit and
// window in hours, in full digits (a diff shows the figures as the catalog
// has them), the tiers it counts and its confidence.
func diffLimits(ls []model.Limit) string {
	parts := make([]string, len(ls))
	for i := range ls {
		l := &ls[i]
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s/%sh", strconv.FormatFloat(l.Capacity(), 'f', -1, 64), l.Unit(), strconv.FormatFloat(l.WindowHours, 'f', -1, 64))
		if len(l.Tiers) > 0 {
			tiers := make([]string, len(l.Tiers))
			for j, t := range l.Tiers {
				tiers[j] = t.String()
			}
			fmt.Fprintf(&b, " [%s]", strings.Join(tiers, ","))
		}
		if l.Confidence != "" {
			fmt.Fprintf(&b, " (%s)", l.Confidence)
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, "; ")
}
