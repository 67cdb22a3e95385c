package model

import (
	"maps"
	"slices"
)

// Copies that share no memory with the original, for callers that keep an
// entry while changing another (overlays, imports, what-if edits).

// Clone is a copy of r that shares no memory with it.
func (r Rates) Clone() Rates {
	r.CacheRead, r.CacheWrite, r.CacheWrite1h = ClonePrice(r.CacheRead), ClonePrice(r.CacheWrite), ClonePrice(r.CacheWrite1h)
	return r
}

// Clone is a copy of lc that shares no memory with it (nil for nil).
func (lc *LongContext) Clone() *LongContext {
	if lc == nil {
		return nil
	}
	c := *lc
	c.Rates = c.Rates.Clone()
	return &c
}

// Clone is a copy of m that shares no memory with it.
func (m APIModel) Clone() APIModel {
	m.Rates = m.Rates.Clone()
	m.LongContext = m.LongContext.Clone()
	return m
}

// Clone is a copy of s that shares no memory with it.
func (s Subscription) Clone() Subscription {
	s.PriceAnnual = ClonePrice(s.PriceAnnual)
	s.Models = slices.Clone(s.Models)
	s.Serves = slices.Clone(s.Serves)
	s.Limits = slices.Clone(s.Limits)
	for j := range s.Limits {
		s.Limits[j] = s.Limits[j].Clone()
	}
	return s
}

// Clone is a copy of l that shares no memory with it.
func (l Limit) Clone() Limit {
	l.Tiers, l.Models, l.Via = slices.Clone(l.Tiers), slices.Clone(l.Models), slices.Clone(l.Via)
	l.Weights = maps.Clone(l.Weights)
	return l
}

// ClonePrice is a copy of a price that may be absent (nil).
func ClonePrice(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
