// Package replay prices a user's own recorded requests, in time order,
// against every plan's usage windows and every API option (DESIGN.md,
// "Replay"). The workload derived from logs is an average; caps bite on the
// busiest hours, so each limit here keeps its own windows and a request runs
// on the plan only while they have room. It computes only: the records come
// from usage, the prices and limits from a model.Catalog.
package replay

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/usage"
)

// daysPerMonth is the mean month in days: the month factor is this over
// the period's days.
const daysPerMonth = 30.4375

// Record is one request to replay.
type Record struct {
	Time  int64  // Unix milliseconds
	Model string // the catalog id of its logged model; "" when the catalog lacks it
	Name  string // the logged model name, for notes
	Usage model.Usage
}

// Records turns a log's de-duplicated requests into records, mapping each
// logged model name to the catalog as import does (usage.MatchModel).
func Records(l *usage.Log, cat *model.Catalog) []Record {
	reqs := l.Requests()
	ids := map[string]string{}
	out := make([]Record, len(reqs))
	for i, q := range reqs {
		id, ok := ids[q.Model]
		if !ok {
			id = usage.MatchModel(q.Model, cat).ID
			ids[q.Model] = id
		}
		out[i] = Record{Time: q.Time, Model: id, Name: q.Model, Usage: q.Usage}
	}
	return out
}

// Window is one limit's figures over the period.
type Window struct {
	Limit        model.Limit
	Windows      int     // windows opened
	Hit          int     // windows hit
	BlockedHours float64 // Σ over hit windows of window end − hit time
	// Peak is the largest, over windows, of the units of every record the
	// limit counted in it (run or not; for a limit with an overage price,
	// of the records that ran on the plan), over the capacity.
	Peak float64
	// Excess is, for a limit with an overage price, the units of the
	// records that ran beyond its capacity, summed over its windows: the
	// plan bills Limit.Overage for each.
	Excess float64
}

// Plan is what replaying the records on one plan found, at the limits'
// capacities.
type Plan struct {
	OnPlan, Overflowed int
	Beyond             int      // records on the plan with units beyond a limit with an overage price
	Windows            []Window // one per limit, in the plan's order
}

// Result is a replay of records against a catalog.
type Result struct {
	From, To    string  // the first and last record's local days, YYYY-MM-DD
	Days        int     // N: calendar days from From to To, inclusive
	MonthFactor float64 // M = 30.4375 / N
	Records     int
	// AsRecorded is what the records cost a month on their logged models at
	// API prices; records on models the catalog lacks (Unpriced) are not in it.
	AsRecorded float64
	Unpriced   int
	Quotes     []model.Quote // ranked as compare ranks
	Plans      map[string]*Plan
	Verdict    model.Verdict
	Notes      []Note
}

// Note is one fact about a replay: for now, only that the records of Model
// (the logs' name, "" for none) are not in the catalog: Records of them were
// taken as small tier and left out of the recorded cost. Package report
// words it.
type Note struct {
	Model   string
	Records int
}

// Options ask for what a replay leaves out or names.
type Options struct {
	Location *time.Location // the zone local days are counted in; nil is time.Local
	Current  string         // the plan the user pays for now, for the verdict
}

// rec is one record with what every option needs of it.
type rec struct {
	Record
	logged  *model.APIModel // nil when the catalog lacks it
	tier    model.Tier
	size    float64 // Prompt + Output + Reasoning
	out     float64 // Output + Reasoning
	costRec float64 // cost on the logged model
}

// Run replays records (in time order) against every option of cat.
func Run(records []Record, cat *model.Catalog, opt Options) (*Result, error) {
	if len(records) == 0 {
		return nil, fmt.Errorf("replay: no record to replay")
	}
	loc := opt.Location
	if loc == nil {
		loc = time.Local
	}
	for i := 1; i < len(records); i++ {
		if records[i].Time < records[i-1].Time {
			return nil, fmt.Errorf("replay: records are not in time order (record %d)", i+1)
		}
	}
	res := &Result{Records: len(records), Plans: map[string]*Plan{}}
	first := time.UnixMilli(records[0].Time).In(loc)
	last := time.UnixMilli(records[len(records)-1].Time).In(loc)
	res.From, res.To = first.Format(time.DateOnly), last.Format(time.DateOnly)
	res.Days = calendarDays(first, last)
	res.MonthFactor = daysPerMonth / float64(res.Days)
	M := res.MonthFactor

	rs := make([]rec, len(records))
	unknown := map[string]int{}
	byID := make(map[string]*model.APIModel, len(cat.Models))
	for i := range cat.Models {
		if _, dup := byID[cat.Models[i].ID]; !dup { // the first of an id, as Catalog.Model finds it
			byID[cat.Models[i].ID] = &cat.Models[i]
		}
	}
	for i, r := range records {
		x := rec{Record: r, tier: model.Small, size: r.Usage.Total(), out: r.Usage.Output + r.Usage.Reasoning}
		if m, ok := byID[r.Model]; ok && r.Model != "" {
			x.logged, x.tier = m, m.Tier
			x.costRec, _ = model.RequestCost(m, r.Usage)
			res.AsRecorded += x.costRec
		} else {
			res.Unpriced++
			unknown[r.Name]++
		}
		rs[i] = x
	}
	res.AsRecorded *= M
	names := make([]string, 0, len(unknown))
	for n := range unknown {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		res.Notes = append(res.Notes, Note{Model: n, Records: unknown[n]})
	}

	api := apiOptions(rs, cat, M)
	res.Quotes = append(res.Quotes, api.quotes...)
	for pi := range cat.Plans {
		q, pl := replayPlan(rs, cat, &cat.Plans[pi], api, M)
		res.Quotes = append(res.Quotes, q)
		res.Plans[q.ID] = pl
	}
	model.Rank(res.Quotes)
	r := model.Result{Quotes: res.Quotes}
	res.Verdict = r.Verdict(opt.Current)
	return res, nil
}

// calendarDays counts the local days from a's to b's, both included.
func calendarDays(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 12, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 12, 0, 0, 0, time.UTC)
	return int(math.Round(db.Sub(da).Hours()/24)) + 1
}

// fits reports whether m can take r: tier, context (within window, the
// plan's when > 0) and output.
func fits(r *rec, m *model.APIModel, window float64) bool {
	return m.Tier >= r.tier && r.size <= m.ContextWindow && (window <= 0 || r.size <= window) &&
		(m.MaxOutput <= 0 || r.out <= m.MaxOutput)
}

// apiSet is every API option, and per record the cheapest route overall and
// per provider, which plans' overflow takes.
type apiSet struct {
	quotes    []model.Quote
	models    []*model.APIModel // usable, catalog order
	providers []string          // in catalog order of first appearance
	best      []float64         // per record: cheapest ok cost, NaN when none
	byProv    [][]float64       // [provider][record]: cheapest ok cost of that provider, NaN when none
}

func (a *apiSet) provider(p string) int { return slices.Index(a.providers, p) }

func apiOptions(rs []rec, cat *model.Catalog, M float64) *apiSet {
	a := &apiSet{}
	for i := range cat.Models {
		if m := &cat.Models[i]; m.Usable() {
			a.models = append(a.models, m)
			if !slices.Contains(a.providers, m.Provider) {
				a.providers = append(a.providers, m.Provider)
			}
		}
	}
	nan := math.NaN()
	a.best = make([]float64, len(rs))
	a.byProv = make([][]float64, len(a.providers))
	for p := range a.byProv {
		a.byProv[p] = make([]float64, len(rs))
	}
	sums := make([]float64, len(a.models))
	ok := make([]bool, len(a.models))
	for i := range ok {
		ok[i] = true
	}
	prov := make([]int, len(a.models))
	for mi, m := range a.models {
		prov[mi] = a.provider(m.Provider)
	}
	// Per model, the first record it cannot take, for the reason.
	why := make([]model.Reason, len(a.models))
	for ri := range rs {
		r := &rs[ri]
		a.best[ri] = nan
		for p := range a.byProv {
			a.byProv[p][ri] = nan
		}
		for mi, m := range a.models {
			if !fits(r, m, 0) {
				if ok[mi] {
					ok[mi] = false
					why[mi] = reasonOn(r, m)
				}
				continue
			}
			c, _ := model.RequestCost(m, r.Usage)
			sums[mi] += c
			if b := a.best[ri]; math.IsNaN(b) || c < b {
				a.best[ri] = c
			}
			if b := a.byProv[prov[mi]][ri]; math.IsNaN(b) || c < b {
				a.byProv[prov[mi]][ri] = c
			}
		}
	}
	for mi, m := range a.models {
		q := model.Quote{ID: "api:" + m.ID, Name: m.Name, Kind: model.KindAPI, Vendor: m.Provider, Eligible: ok[mi], Fits: ok[mi]}
		q.Monthly = M * sums[mi]
		if !ok[mi] {
			q.Why, q.Reason = model.WhyNoRoute, why[mi]
		}
		q.MonthlyLow, q.MonthlyHigh, q.Base = q.Monthly, q.Monthly, q.Monthly
		q.Sources = []model.Source{{ID: m.ID, Name: m.Name, Provenance: m.Provenance}}
		a.quotes = append(a.quotes, q)
	}
	mix := func(id, name, provider string, costs []float64) model.Quote {
		q := model.Quote{ID: id, Name: name, Kind: model.KindMix, Vendor: provider, Eligible: true, Fits: true}
		for ri, c := range costs {
			if math.IsNaN(c) {
				q.Eligible, q.Fits, q.Why = false, false, model.WhyNoRoute
				q.Reason = model.Reason{Kind: model.ReasonRecordFitsNone, Time: rs[ri].Time, Need: rs[ri].size}
				break
			}
			q.Monthly += c
		}
		q.Monthly *= M
		q.MonthlyLow, q.MonthlyHigh, q.Base = q.Monthly, q.Monthly, q.Monthly
		if q.Eligible {
			for _, s := range a.quotes {
				if s.Eligible && (provider == "" || s.Vendor == provider) && (!q.HasSaving || s.Monthly-q.Monthly < q.Saving) {
					q.HasSaving, q.Saving, q.SavingVs = true, s.Monthly-q.Monthly, s.Name
				}
			}
		}
		return q
	}
	mixes := []model.Quote{mix("mix:all", "API mix, all providers", "", a.best)}
	for p, name := range a.providers {
		mixes = append(mixes, mix("mix:"+name, "API mix, "+name, name, a.byProv[p]))
	}
	a.quotes = append(a.quotes, mixes...)
	return a
}

// reasonOn says why m cannot take r.
func reasonOn(r *rec, m *model.APIModel) model.Reason {
	switch {
	case m.Tier < r.tier:
		return model.Reason{Kind: model.ReasonRecordTier, Logged: r.Name, NeedTier: r.tier, Model: m.Name, HaveTier: m.Tier}
	case r.size > m.ContextWindow:
		return model.Reason{Kind: model.ReasonRecordContext, Need: r.size, Model: m.Name, Have: m.ContextWindow}
	}
	return model.Reason{Kind: model.ReasonRecordOutput, Need: r.out, Model: m.Name, Have: m.MaxOutput}
}
