package report

import (
	"fmt"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// SunsetLines words the verdict's warnings about models about to go: one
// line per set of models, saying which go when and which of the verdict's
// options use them, then, when without (the verdict once they are gone:
// model.Result.SunsetVerdict) is given, what takes each option's place and
// at what cost. Nil without warnings.
//
//	GPT-5 nano retires on 2026-12-11 (in 6 days); the answer uses it. Without it: the answer
//	becomes API mix, all providers at $9.12/month ($2.04 more).
//
// Options that stay at the same cost (SameCost) are said first and in
// short in the second sentence: "the answer stays as it is".
func SunsetLines(ws []model.SunsetWarning, without *model.Verdict, cur money.Currency) []string {
	var groups [][]model.SunsetWarning
	for _, w := range ws {
		i := 0
		for i < len(groups) && sunsetKey(groups[i][0]) != sunsetKey(w) {
			i++
		}
		if i == len(groups) {
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], w)
	}
	var out []string
	for _, g := range groups {
		ss := g[0].Sunsets
		var who []string
		for _, w := range g {
			for _, r := range w.Roles {
				who = append(who, roleName(r, w.Option))
			}
		}
		it := "it"
		if len(ss) > 1 {
			it = "them"
		}
		line := fmt.Sprintf("%s; %s %s %s.", sunsetWhen(ss), andList(who), Plural(len(who), "uses", "use"), it)
		if without != nil {
			// Options that stay at what reads as the same cost are said
			// first and in short: their names and costs are in the lines
			// above.
			var parts, same []string
			for _, w := range g {
				for _, r := range w.Roles {
					now := without.StandIn(r, w.Option)
					if now != nil && now.ID == w.Option.ID && sameCost(now, w.Option, cur) {
						same = append(same, roleName(r, w.Option))
						continue
					}
					parts = append(parts, standInText(r, w.Option, now, cur))
				}
			}
			if len(same) > 0 {
				parts = append([]string{andList(same) + Plural(len(same), " stays as it is", " stay as they are")}, parts...)
			}
			line += " Without " + it + ": " + strings.Join(parts, "; ") + "."
		}
		out = append(out, line)
	}
	return out
}

// sunsetKey tells warnings about the same models apart from others.
func sunsetKey(w model.SunsetWarning) string {
	ids := make([]string, len(w.Sunsets))
	for i, s := range w.Sunsets {
		ids[i] = s.ModelID
	}
	return strings.Join(ids, "\x00")
}

// sunsetWhen says what goes when: "GPT-5 nano and GPT-5 mini retire on
// 2026-12-11 (in 6 days)"; models that go on the same day the same way are
// said together.
func sunsetWhen(ss []model.Sunset) string {
	var clauses []string
	for i := 0; i < len(ss); {
		j, names := i, []string{}
		for j < len(ss) && ss[j].Date == ss[i].Date && ss[j].Retires == ss[i].Retires {
			names = append(names, ss[j].Model)
			j++
		}
		verb := Plural(len(names), "retires on", "retire on")
		if !ss[i].Retires {
			verb = Plural(len(names), "is deprecated from", "are deprecated from")
		}
		clauses = append(clauses, fmt.Sprintf("%s %s %s (in %d %s)", andList(names), verb, ss[i].Date, ss[i].Days,
			Plural(ss[i].Days, "day", "days")))
		i = j
	}
	return andList(clauses)
}

// roleName is what the verdict calls q in role r.
func roleName(r model.SunsetRole, q *model.Quote) string {
	switch r {
	case model.RoleAnswer:
		return "the answer"
	case model.RoleOther:
		if q.Kind == model.KindSubscription {
			return "the best paid plan"
		}
		return "the best API option"
	case model.RoleOneVendor:
		return "the one-vendor option"
	}
	return "the free plan"
}

// standInText says what takes was's place once its models are gone:
// "the answer stays API mix, all providers at $9.12/month ($2.04 more)".
func standInText(r model.SunsetRole, was, now *model.Quote, cur money.Currency) string {
	name := roleName(r, was)
	if now == nil {
		switch r {
		case model.RoleAnswer:
			return "no option can carry the work"
		case model.RoleFree:
			return "no free plan is cheaper than the answer"
		}
		return "there is no " + strings.TrimPrefix(name, "the ")
	}
	verb := "becomes"
	if now.ID == was.ID {
		verb = "stays"
	}
	d, _ := now.CostChange(was.Monthly) // both are a verdict's: they carry the work
	delta := "the same"
	switch {
	case SameCost(d, cur):
	case d > 0:
		delta = cur.Format(d) + " more"
	case d < 0:
		delta = cur.Format(-d) + " less"
	}
	return fmt.Sprintf("%s %s %s at %s/month (%s)", name, verb, now.Name, cur.Format(now.Monthly), delta)
}

// sameCost reports whether now, standing in for was, costs what reads as
// the same a month (SameCost).
func sameCost(now, was *model.Quote, cur money.Currency) bool {
	d, ok := now.CostChange(was.Monthly)
	return ok && SameCost(d, cur)
}

// andList joins words the way a sentence lists them: "a", "a and b",
// "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
