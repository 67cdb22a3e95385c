package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/model"
)

// Freshness rules of Check.
const (
	StaleDays = 90               // an entry whose as_of is older is listed as stale
	SoonDays  = model.SunsetDays // a dated change this close is listed as coming (the verdict warns of the same)
)

// Finding is one thing Check found worth a look.
type Finding struct {
	Kind   string // see findingKinds
	Entry  string // "api", "subscription" or "fx"
	ID     string
	Name   string
	Date   string // the date the finding is about, "" when none
	Detail string
	// Limit is the usage limit an "estimate" or "measured" finding of a
	// plan is about: Detail says the rest ("is an estimate") and report
	// words the limit, its money in the display currency.
	Limit *model.Limit
}

// findingKinds in the order Check lists them.
var findingKinds = []string{"change-passed", "change-soon", "retires-soon", "deprecated-soon", "retired", "preview", "legacy", "stale", "undated", "estimate", "measured"}

// Check lists what may make the catalog's answer wrong today (YYYY-MM-DD):
// dated price changes that have passed (the catalog's listed price is no
// longer the one charged; ApplyChanges applies them) or come within
// SoonDays, models that retire or are deprecated within SoonDays, retired
// (by status or by date), preview and legacy models, entries dated more than
// StaleDays ago or not dated at all, exchange rates as old, prices,
// plans and usage limits whose confidence is estimate, and usage limits
// measured from the user's logs (tokenomics calibrate), with their age.
func (c *Catalog) Check(today string) []Finding {
	now, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return nil
	}
	age := func(date string) (int, bool) {
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return 0, false
		}
		return int(now.Sub(t).Hours() / 24), true
	}
	var out []Finding
	add := func(f Finding) { out = append(out, f) }
	stale := func(entry, id, name string, p model.Provenance) {
		switch days, ok := age(p.AsOf); {
		case !ok:
			add(Finding{Kind: "undated", Entry: entry, ID: id, Name: name, Detail: "no as_of: how old its figures are is unknown"})
		case days > StaleDays:
			add(Finding{Kind: "stale", Entry: entry, ID: id, Name: name, Date: p.AsOf, Detail: fmt.Sprintf("figures of %s, %d days old", p.AsOf, days)})
		}
	}
	// soon says a dated status to come within SoonDays.
	soon := func(m *model.APIModel, kind, date, what string) {
		if days, ok := age(date); ok && days < 0 && -days <= SoonDays {
			add(Finding{Kind: kind, Entry: "api", ID: m.ID, Name: m.Name, Date: date,
				Detail: fmt.Sprintf("%s from %s (in %d %s)", what, date, -days, plural(-days, "day", "days"))})
		}
	}
	for i := range c.Models {
		m := &c.Models[i]
		switch m.StatusOn(today) {
		case "retired":
			detail := "no longer offered: left out of every comparison (still prices usage logs)"
			if m.Retired != "" {
				detail = "since " + m.Retired + ": " + detail
			}
			add(Finding{Kind: "retired", Entry: "api", ID: m.ID, Name: m.Name, Date: m.Retired, Detail: detail})
		case "preview":
			add(Finding{Kind: "preview", Entry: "api", ID: m.ID, Name: m.Name, Detail: "a preview: prices and limits may change or the model go away"})
		case "legacy":
			detail := "superseded or deprecated: may retire"
			switch {
			case m.Retired != "":
				detail = "deprecated: retires " + m.Retired
			case m.Deprecated != "":
				detail = "deprecated since " + m.Deprecated + ": may retire"
			}
			add(Finding{Kind: "legacy", Entry: "api", ID: m.ID, Name: m.Name, Date: m.Deprecated, Detail: detail})
		}
		soon(m, "retires-soon", m.Retired, "retires: no longer offered")
		soon(m, "deprecated-soon", m.Deprecated, "deprecated")
		stale("api", m.ID, m.Name, m.Provenance)
		if m.Confidence == "estimate" {
			add(Finding{Kind: "estimate", Entry: "api", ID: m.ID, Name: m.Name, Detail: "prices are an estimate"})
		}
	}
	for i := range c.Plans {
		p := &c.Plans[i]
		if p.Status == "retired" || p.Status == "preview" || p.Status == "legacy" {
			add(Finding{Kind: p.Status, Entry: "subscription", ID: p.ID, Name: p.Name, Detail: "status " + p.Status})
		}
		stale("subscription", p.ID, p.Name, p.Provenance)
		if p.Confidence == "estimate" {
			add(Finding{Kind: "estimate", Entry: "subscription", ID: p.ID, Name: p.Name, Detail: "price is an estimate"})
		}
		for i := range p.Limits {
			l := &p.Limits[i]
			switch l.Confidence {
			case "estimate":
				add(Finding{Kind: "estimate", Entry: "subscription", ID: p.ID, Name: p.Name, Detail: "is an estimate", Limit: l})
			case "measured":
				// A plan built on another with limits_like carries that plan's
				// measurement, and so its date.
				asOf := p.AsOf
				if ref, ok := c.likes[p.ID]; ok {
					if bi := c.plan(ref.base); bi >= 0 {
						asOf = c.Plans[bi].AsOf
					}
				}
				detail := "measured from your logs"
				if days, ok := age(asOf); ok {
					detail += fmt.Sprintf(" up to %s, %s", asOf, daysAgo(days))
				}
				add(Finding{Kind: "measured", Entry: "subscription", ID: p.ID, Name: p.Name, Date: asOf, Detail: detail, Limit: l})
			}
		}
	}
	if c.FX.AsOf != "" {
		if days, ok := age(c.FX.AsOf); ok && days > StaleDays {
			add(Finding{Kind: "stale", Entry: "fx", ID: "fx", Name: "exchange rates", Date: c.FX.AsOf,
				Detail: fmt.Sprintf("rates of %s, %d days old (display only)", c.FX.AsOf, days)})
		}
	}
	for _, ch := range c.Changes {
		days, ok := age(ch.Date)
		if !ok {
			continue
		}
		name := ch.ModelID
		if m, ok := c.Model(ch.ModelID); ok {
			name = m.Name
		}
		what := ch.prices()
		if ch.Note != "" {
			what += " (" + ch.Note + ")"
		}
		switch {
		case days >= 0:
			add(Finding{Kind: "change-passed", Entry: "api", ID: ch.ModelID, Name: name, Date: ch.Date,
				Detail: fmt.Sprintf("since %s (%s): %s", ch.Date, daysAgo(days), what)})
		case -days <= SoonDays:
			add(Finding{Kind: "change-soon", Entry: "api", ID: ch.ModelID, Name: name, Date: ch.Date,
				Detail: fmt.Sprintf("from %s (in %d %s): %s", ch.Date, -days, plural(-days, "day", "days"), what)})
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return slices.Index(findingKinds, a.Kind) - slices.Index(findingKinds, b.Kind)
	})
	return out
}

// plural serves the findings' sentences, which plans still words: a
// finding of a typed kind and its days, worded by report, would retire it.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func daysAgo(d int) string {
	if d == 0 {
		return "today"
	}
	return fmt.Sprintf("%d %s ago", d, plural(d, "day", "days"))
}

// prices says what a change sets: "input 4, output 20".
func (ch *Change) prices() string {
	var parts []string
	for _, f := range []struct {
		name string
		v    *float64
	}{{"input", ch.Input}, {"output", ch.Output}, {"cache_read", ch.CacheRead}, {"cache_write", ch.CacheWrite}} {
		if f.v != nil {
			parts = append(parts, f.name+" "+Num(*f.v))
		}
	}
	return strings.Join(parts, ", ")
}
