package plans

import (
	"slices"
	"time"

	"github.com/tokenomics/tokenomics/model"
)

// Freshness rules of Check.
const (
	StaleDays = 90               // an entry whose as_of is older is listed as stale
	SoonDays  = model.SunsetDays // a dated change this close is listed as coming (the verdict warns of the same)
)

// Finding is one thing Check found worth a look: its kind and the facts
// report words it from.
type Finding struct {
	Kind  string // see findingKinds
	Entry string // "api", "subscription" or "fx"
	ID    string
	Name  string
	Date  string // the date the finding is about, "" when none
	// Days is how far Date is from the day checked: positive when it has
	// passed, negative when it is to come; 0 without a Date.
	Days int
	// Retires is a legacy model's date of retirement, "" when none is set
	// (Date is its deprecation's).
	Retires string
	// Change is the dated price change of a "change-passed" or
	// "change-soon" finding.
	Change *Change
	// Limit is the usage limit an "estimate" or "measured" finding of a
	// plan is about (nil: the finding is about the entry's prices).
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
	if _, err := time.Parse(time.DateOnly, today); err != nil {
		return nil
	}
	age := func(date string) (int, bool) { return model.DaysFrom(date, today) }
	var out []Finding
	add := func(f Finding) {
		f.Days, _ = age(f.Date)
		out = append(out, f)
	}
	stale := func(entry, id, name string, p model.Provenance) {
		switch days, ok := age(p.AsOf); {
		case !ok:
			add(Finding{Kind: "undated", Entry: entry, ID: id, Name: name})
		case days > StaleDays:
			add(Finding{Kind: "stale", Entry: entry, ID: id, Name: name, Date: p.AsOf})
		}
	}
	// since is the day a status holds from: its date, unless the status is
	// marked ahead of it (retired or legacy before the date it carries),
	// when it holds since no known day, not "since" a day to come.
	since := func(date string) string {
		if date > today {
			return ""
		}
		return date
	}
	for i := range c.Models {
		m := &c.Models[i]
		switch s := m.StatusOn(today); s {
		case "retired":
			add(Finding{Kind: s, Entry: "api", ID: m.ID, Name: m.Name, Date: since(m.Retired)})
		case "preview":
			add(Finding{Kind: s, Entry: "api", ID: m.ID, Name: m.Name})
		case "legacy":
			add(Finding{Kind: s, Entry: "api", ID: m.ID, Name: m.Name, Date: since(m.Deprecated), Retires: m.Retired})
		}
		// What is to come, by the rule the verdict's sunset warning follows.
		for _, e := range m.EndsOn(today) {
			kind := "deprecated-soon"
			if e.Retires {
				kind = "retires-soon"
			}
			add(Finding{Kind: kind, Entry: "api", ID: m.ID, Name: m.Name, Date: e.Date})
		}
		stale("api", m.ID, m.Name, m.Provenance)
		if m.Confidence == "estimate" {
			add(Finding{Kind: "estimate", Entry: "api", ID: m.ID, Name: m.Name})
		}
	}
	for i := range c.Plans {
		p := &c.Plans[i]
		if p.Status == "retired" || p.Status == "preview" || p.Status == "legacy" {
			add(Finding{Kind: p.Status, Entry: "subscription", ID: p.ID, Name: p.Name})
		}
		stale("subscription", p.ID, p.Name, p.Provenance)
		if p.Confidence == "estimate" {
			add(Finding{Kind: "estimate", Entry: "subscription", ID: p.ID, Name: p.Name})
		}
		for i := range p.Limits {
			l := &p.Limits[i]
			switch l.Confidence {
			case "estimate":
				add(Finding{Kind: "estimate", Entry: "subscription", ID: p.ID, Name: p.Name, Limit: l})
			case "measured":
				// A plan built on another with limits_like carries that plan's
				// measurement, and so its date.
				asOf := p.AsOf
				if ref, ok := c.likes[p.ID]; ok {
					if bi := c.plan(ref.base); bi >= 0 {
						asOf = c.Plans[bi].AsOf
					}
				}
				add(Finding{Kind: "measured", Entry: "subscription", ID: p.ID, Name: p.Name, Date: asOf, Limit: l})
			}
		}
	}
	if days, ok := age(c.FX.AsOf); ok && days > StaleDays {
		add(Finding{Kind: "stale", Entry: "fx", ID: "fx", Name: "exchange rates", Date: c.FX.AsOf})
	}
	for i := range c.Changes {
		ch := &c.Changes[i]
		days, ok := age(ch.Date)
		if !ok || days < -SoonDays {
			continue
		}
		name := ch.ModelID
		if m, ok := c.Model(ch.ModelID); ok {
			name = m.Name
		}
		kind := "change-passed"
		if days < 0 {
			kind = "change-soon"
		}
		add(Finding{Kind: kind, Entry: "api", ID: ch.ModelID, Name: name, Date: ch.Date, Change: ch})
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return slices.Index(findingKinds, a.Kind) - slices.Index(findingKinds, b.Kind)
	})
	return out
}
