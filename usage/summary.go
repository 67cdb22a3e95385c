package usage

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/tokenomics/tokenomics/model"
)

// Tokens are token counts by kind, summed exactly.
type Tokens struct {
	Input        int64 // uncached input
	Output       int64 // visible output (Codex: output minus reasoning)
	CacheRead    int64
	CacheWrite   int64 // 5-minute and 1-hour writes
	CacheWrite1h int64 // the 1-hour part of CacheWrite
	Reasoning    int64 // reasoning output (Codex; Claude Code counts thinking in Output)
}

// Total is every token: input, cache reads and writes, output, reasoning.
func (t Tokens) Total() int64 {
	return t.Input + t.Output + t.CacheRead + t.CacheWrite + t.Reasoning
}

// Add adds u to t.
func (t *Tokens) Add(u Tokens) {
	t.Input += u.Input
	t.Output += u.Output
	t.CacheRead += u.CacheRead
	t.CacheWrite += u.CacheWrite
	t.CacheWrite1h += u.CacheWrite1h
	t.Reasoning += u.Reasoning
}

// tokensOf is the counts of a record.
func tokensOf(r *rec) Tokens {
	return Tokens{Input: int64(r.tok[tIn]), Output: int64(r.tok[tOut]), CacheRead: int64(r.tok[tRead]),
		CacheWrite: int64(r.tok[tWrite]), CacheWrite1h: int64(r.tok[tWrite1h]), Reasoning: int64(r.tok[tReason])}
}

// modelUsage is t as the cost model's Usage: the same counts, exact as
// float64 up to 2^53 tokens of a kind.
func (t Tokens) modelUsage() model.Usage {
	return model.Usage{Input: float64(t.Input), CacheRead: float64(t.CacheRead), CacheWrite: float64(t.CacheWrite),
		CacheWrite1h: float64(t.CacheWrite1h), Output: float64(t.Output), Reasoning: float64(t.Reasoning)}
}

// usageOf is the record as the cost model's Usage.
func usageOf(r *rec) model.Usage { return tokensOf(r).modelUsage() }

// ModelSummary is the usage of one model name of the logs.
type ModelSummary struct {
	Name      string // as the logs write it; "" when they name none
	Match     Match
	ModelName string // the catalog's name for Match.ID
	Requests  int64
	Tokens    Tokens
	Cost      float64 // USD at the catalog's API prices, request by request; 0 unless Priced
	Priced    bool
	Fast      int64 // requests in Claude's fast mode
	Estimated int64 // priced requests with some token priced by a fallback (fast mode, a missing cache price)
}

// Label is the name to show: the logs' name, or what stands for none.
func (m *ModelSummary) Label() string {
	if m.Name == "" {
		return "(no model named)"
	}
	return m.Name
}

// Summary is what the logs add up to.
type Summary struct {
	Requests    int64
	Sessions    int
	Days        int    // days with at least one request, in the log's time zone
	First, Last string // first and last of those days
	Models      []ModelSummary
	Total       Tokens
	Cost        float64 // API cost of the priced models
	Unpriced    int64   // tokens of models without a price
	Estimated   int64   // requests priced with a fallback price somewhere
	Notes       []Note
}

// Complete reports whether Cost is the cost of every token, each at a price
// of its own: no model without a price, no fallback.
func (s *Summary) Complete() bool { return s.Unpriced == 0 && s.Estimated == 0 }

// Summarize adds the records up by model and prices each request on the
// catalog (model.RequestCost). Models the catalog lacks are counted and
// their cost left unknown.
func (l *Log) Summarize(cat *model.Catalog) Summary {
	var s Summary
	byModel := make([]ModelSummary, len(l.models))
	used := make([]bool, len(l.models))
	apis := make([]*model.APIModel, len(l.models))
	for i, name := range l.models {
		byModel[i].Name = name
		byModel[i].Match = MatchModel(name, cat)
		if id := byModel[i].Match.ID; id != "" {
			apis[i], _ = cat.Model(id)
			byModel[i].ModelName = apis[i].Name
			byModel[i].Priced = true
		}
	}
	sessions := map[uint32]struct{}{}
	days := map[int64]struct{}{}
	var first, last int64
	// Records come in time order: the maps are asked only on a change of
	// session or day.
	lastSession, lastDay := uint32(0), int64(math.MinInt64)
	clock := localClock{loc: l.Location}
	for i := range l.recs {
		r := &l.recs[i]
		m := &byModel[r.model]
		used[r.model] = true
		m.Requests++
		m.Tokens.Add(tokensOf(r))
		if r.flags&fFast != 0 {
			m.Fast++
		}
		if apis[r.model] != nil {
			c, exact := model.RequestCost(apis[r.model], usageOf(r))
			m.Cost += c
			if !exact || r.flags&fFast != 0 {
				m.Estimated++
			}
		}
		if i == 0 || r.session != lastSession {
			sessions[r.session] = struct{}{}
			lastSession = r.session
		}
		d := clock.day(r.ts)
		if d != lastDay {
			days[d] = struct{}{}
			lastDay = d
		}
		if len(days) == 1 || d < first {
			first = d
		}
		if len(days) == 1 || d > last {
			last = d
		}
	}
	s.Requests = int64(len(l.recs))
	s.Sessions, s.Days = len(sessions), len(days)
	if s.Days > 0 {
		s.First, s.Last = dayString(first), dayString(last)
	}
	var fast, w1h int64
	for i, m := range byModel {
		if !used[i] {
			continue
		}
		s.Total.Add(m.Tokens)
		fast += m.Fast
		if m.Priced {
			s.Cost += m.Cost
			s.Estimated += m.Estimated
			if apis[i].CacheWrite1h == nil && (apis[i].LongContext == nil || apis[i].LongContext.CacheWrite1h == nil) {
				w1h += m.Tokens.CacheWrite1h
			}
		} else {
			s.Unpriced += m.Tokens.Total()
		}
		s.Models = append(s.Models, m)
	}
	slices.SortStableFunc(s.Models, func(a, b ModelSummary) int {
		if c := cmp.Compare(b.Cost, a.Cost); c != 0 {
			return c
		}
		return cmp.Compare(b.Tokens.Total(), a.Tokens.Total())
	})
	for _, m := range s.Models {
		switch {
		case m.Name == "":
			s.Notes = append(s.Notes, Note{Kind: NoteNoModel, N: m.Requests, Tokens: float64(m.Tokens.Total())})
		case !m.Priced:
			s.Notes = append(s.Notes, Note{Kind: NoteUnpricedModel, Model: m.Name, Tokens: float64(m.Tokens.Total())})
		case m.Match.Rule != "":
			s.Notes = append(s.Notes, Note{Kind: NotePricedAs, Model: m.Name, ID: m.Match.ID, Rule: m.Match.Rule})
		}
	}
	if l.Synthetic > 0 {
		s.Notes = append(s.Notes, Note{Kind: NoteSynthetic, N: l.Synthetic, Model: Synthetic})
	}
	if w1h > 0 {
		s.Notes = append(s.Notes, Note{Kind: NoteCacheWrite1h, Tokens: float64(w1h)})
	}
	if fast > 0 {
		s.Notes = append(s.Notes, Note{Kind: NoteFast, N: fast})
	}
	return s
}

// localClock reads Unix milliseconds as the local day and hour numbers
// (days and hours since 1970-01-01 00:00 local time). It asks the location
// only when a time leaves the zone period (one offset, between two
// transitions) of the last time asked: records come in time order, so that
// is seldom, where converting each time costs more than pricing it.
type localClock struct {
	loc    *time.Location
	lo, hi int64 // the period's bounds, Unix milliseconds; hi excluded
	off    int64 // its offset from UTC, milliseconds
	known  bool
}

const (
	msHour = 3600 * 1000
	msDay  = 24 * msHour
)

// local is ms as milliseconds since 1970-01-01 00:00 local time.
func (c *localClock) local(ms int64) int64 {
	if !c.known || ms < c.lo || ms >= c.hi {
		t := time.UnixMilli(ms).In(c.loc)
		_, off := t.Zone()
		start, end := t.ZoneBounds()
		c.lo, c.hi = int64(math.MinInt64), int64(math.MaxInt64)
		if !start.IsZero() {
			c.lo = start.UnixMilli()
		}
		if !end.IsZero() {
			c.hi = end.UnixMilli()
		}
		c.off, c.known = int64(off)*1000, true
	}
	return ms + c.off
}

// day is the local day number of ms (days since 1970-01-01).
func (c *localClock) day(ms int64) int64 { return floorDiv(c.local(ms), msDay) }

// hour is the local hour number of ms: day*24 + the hour of the day.
func (c *localClock) hour(ms int64) int64 { return floorDiv(c.local(ms), msHour) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func dayString(d int64) string {
	return time.Unix(d*86400, 0).UTC().Format(time.DateOnly)
}
