package model

// Copies that share no memory with the original, for callers that keep an
// entry while changing another (overlays, imports, what-if edits).

// Clone is a copy of r that shares no memory with it.
func (r Rates) Clone() Rates {
	r.CacheRead, r.CacheWrite, r.CacheWrite1h = clonePrice(r.CacheRead), clonePrice(r.CacheWrite), clonePrice(r.CacheWrite1h)
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

func clonePrice(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
