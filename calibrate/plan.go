package calibrate

import (
	"fmt"
	"slices"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/usage"
)

// counts reports whether a catalog limit covers the work the logs record:
// Claude's limits are one pool for the app and Claude Code, so any limit of
// the window does; Codex has limits of its own, apart from ChatGPT's message
// caps, so only a limit that counts agent work does.
func counts(l *model.Limit, src usage.Source) bool {
	return src != usage.Codex || len(l.Via) == 0 || slices.Contains(l.Via, model.ViaAgent)
}

// CatalogLimit is the plan's limit for the same window that a measurement
// stands beside: one in usd when there is one, else one in another unit;
// nil when the plan has no limit of that length for this work.
func CatalogLimit(p *model.Subscription, hours float64, src usage.Source) *model.Limit {
	var other *model.Limit
	for i := range p.Limits {
		l := &p.Limits[i]
		if l.WindowHours != hours || !counts(l, src) {
			continue
		}
		if l.USD > 0 {
			return l
		}
		if other == nil {
			other = l
		}
	}
	return other
}

// Apply returns plan p with the measured limits in place of its limits of
// the same window lengths (Codex: of those that count agent work; a limit
// that also counted chat keeps counting chat), each with confidence
// measured and a note saying how many windows and when; the plan serves
// agent work, since the logs are a coding agent's. today is YYYY-MM-DD.
// The plan's as_of becomes the day of the newest window measured, when
// later.
func Apply(p model.Subscription, limits []Limit, src usage.Source, today string) model.Subscription {
	p.Limits = slices.Clone(p.Limits)
	var newest time.Time
	for _, m := range limits {
		if m.Contradicted() {
			continue // never saved: see Limit.Contradiction
		}
		var kept []model.Limit
		for _, l := range p.Limits {
			if l.WindowHours != m.WindowHours || !counts(&l, src) {
				kept = append(kept, l)
				continue
			}
			if src == usage.Codex {
				// Keep what the limit says about chat.
				via := l.Via
				if len(via) == 0 {
					via = []model.Via{model.ViaChat, model.ViaAgent}
				}
				via = slices.DeleteFunc(slices.Clone(via), func(v model.Via) bool { return v == model.ViaAgent })
				if len(via) > 0 && p.Allows(model.ViaChat) {
					l.Via = via
					kept = append(kept, l)
				}
			}
		}
		first, last := m.Windows[0].From, m.Windows[0].To
		for _, w := range m.Windows {
			first = minTime(first, w.From)
			last = maxTime(last, w.To)
		}
		newest = maxTime(newest, last)
		nl := model.Limit{WindowHours: m.WindowHours, USD: round2(m.USD), Confidence: "measured",
			Note: fmt.Sprintf("measured from your %s logs by tokenomics calibrate on %s: median of %s (%s), %s to %s",
				src.Title(), today, count(len(m.Windows), "window"), m.Method, first.Format(time.DateOnly), last.Format(time.DateOnly))}
		if len(m.Windows) > 1 {
			nl.Low, nl.High = round2(m.Low), round2(m.High)
			nl.Low, nl.High = min(nl.Low, nl.USD), max(nl.High, nl.USD)
		}
		if src == usage.Codex {
			nl.Via = []model.Via{model.ViaAgent}
		}
		kept = append(kept, nl)
		p.Limits = kept
	}
	if !p.Allows(model.ViaAgent) {
		p.Serves = append(slices.Clone(p.Serves), model.ViaAgent)
		if !slices.Contains(p.Serves, model.ViaChat) {
			p.Serves = append([]model.Via{model.ViaChat}, p.Serves...)
		}
	}
	p.Uncapped = false
	if d := newest.Format(time.DateOnly); !newest.IsZero() && d > p.AsOf {
		p.AsOf = d
	}
	return p
}

// round2 keeps a dollar figure to the cent, as it is written.
func round2(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Unsaved is the note that says why measured limits cannot be saved:
// nothing was measured, or every figure contradicts another. ok is false
// when they can be.
func (r *Result) Unsaved() (n Note, ok bool) {
	switch {
	case len(r.Limits) == 0:
		return Note{Kind: NoteNothingMeasured}, true
	case !slices.ContainsFunc(r.Limits, func(m Limit) bool { return !m.Contradicted() }):
		return Note{Kind: NoteAllContradict}, true
	}
	return Note{}, false
}

// CatalogPlan is the plan r measured in cat, for its figures beside the
// measured ones; nil when r names none, or with a note when cat lacks it.
func (r *Result) CatalogPlan(cat *model.Catalog) *model.Subscription {
	if r.Plan == "" {
		return nil
	}
	p, ok := cat.Plan(r.Plan)
	if !ok {
		r.Notes = append(r.Notes, Note{Kind: NoteNoCatalogPlan, Plan: r.Plan})
	}
	return p
}
