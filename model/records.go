package model

// Usage is what recorded API requests consumed, as a usage log reports it
// (Claude Code, Codex …): token counts by how they are billed.
type Usage struct {
	Input      float64 // input read neither from nor into the cache: billed at the input rate
	CacheRead  float64 // input read from the cache
	CacheWrite float64 // input written to the cache, 1-hour writes included
	Output     float64 // visible output
	Reasoning  float64 // reasoning (thinking) output, billed as output

	CacheWrite1h float64 // the part of CacheWrite written for one hour
}

// Prompt is the whole input of the request: Input + CacheRead + CacheWrite.
// It is what DESIGN's in_t measures, and what the long-context threshold is
// compared with.
func (u Usage) Prompt() float64 { return u.Input + u.CacheRead + u.CacheWrite }

// Total is every token of the request, input and output.
func (u Usage) Total() float64 { return u.Prompt() + u.Output + u.Reasoning }

// ratesAt are the rates of m for a request whose input is prompt tokens: the
// long-context rates when m has them and prompt exceeds their threshold (a
// long-context tier naming no cache price keeps the base one), else the base
// rates — the rule TaskCost applies to every turn.
func ratesAt(m *APIModel, prompt float64) Rates {
	r := m.Rates
	if lc := m.LongContext; lc != nil && prompt > lc.Threshold {
		r = lc.Rates
		if r.CacheRead == nil {
			r.CacheRead = m.CacheRead
		}
		if r.CacheWrite == nil {
			r.CacheWrite = m.CacheWrite
		}
		if r.CacheWrite1h == nil {
			r.CacheWrite1h = m.CacheWrite1h
		}
	}
	return r
}

// RequestCost prices one recorded request on m, in USD, with the rates of the
// cost model applied to what the request did rather than to a share h:
//
//	cost = [Input·input + CacheRead·cache_read + (CacheWrite − CacheWrite1h)·cache_write
//	        + CacheWrite1h·cache_write_1h + (Output + Reasoning)·output] / 1e6
//
// A price the model lacks falls back: cache_read and cache_write to input,
// cache_write_1h to cache_write (then input). exact is false when some token
// of u was priced by such a fallback: the cost is then an estimate. The whole
// request takes the long-context rates when its Prompt exceeds their
// threshold. Records are interactive requests: no batch discount applies.
//
// Pricing a usage that sums several requests is only right when none of them
// crosses a long-context threshold; price each request and add the costs.
func RequestCost(m *APIModel, u Usage) (cost float64, exact bool) {
	r := ratesAt(m, u.Prompt())
	exact = true
	price := func(p *float64, fallback float64, tokens float64) float64 {
		if p != nil {
			return *p
		}
		if tokens > 0 {
			exact = false
		}
		return fallback
	}
	read := price(r.CacheRead, r.Input, u.CacheRead)
	write := price(r.CacheWrite, r.Input, u.CacheWrite-u.CacheWrite1h)
	write1h := price(r.CacheWrite1h, write, u.CacheWrite1h)
	cost = (u.Input*r.Input + u.CacheRead*read + (u.CacheWrite-u.CacheWrite1h)*write + u.CacheWrite1h*write1h +
		(u.Output+u.Reasoning)*r.Output) / 1e6
	return cost, exact
}

// EquivalentCacheHit is the cache hit h of the cost model (the share of input
// billed at the cached rate) that bills u's prompt tokens on m, at its base
// rates, exactly as the records were billed. The cost model bills a share h of
// the input at cache_read and the rest at W (cache_write when h > 0 and the
// model has one, else input), so
//
//	Prompt·(h·read + (1−h)·W) = Input·input + CacheRead·read + CacheWrite·write
//	                            (1-hour writes at cache_write_1h)
//	h = (Prompt·W − that) / (Prompt·(W − read))
//
// clamped to [0, 1]. With few or no cache reads h is small but above 0 as
// long as some input was billed below W, so that W is the write rate the
// records paid. It is 0 for an empty usage, and when the solution is not
// above 0 (then W falls back to input, the nearest the model can say); it is
// the plain share CacheRead/Prompt when cached input costs the same as W.
func EquivalentCacheHit(m *APIModel, u Usage) float64 {
	p := u.Prompt()
	if p <= 0 {
		return 0
	}
	read, write := m.Input, m.Input
	if m.CacheRead != nil {
		read = *m.CacheRead
	}
	if m.CacheWrite != nil {
		write = *m.CacheWrite
	}
	write1h := write
	if m.CacheWrite1h != nil {
		write1h = *m.CacheWrite1h
	}
	W := m.Input
	if m.CacheWrite != nil {
		W = write
	}
	if W == read {
		return min(u.CacheRead/p, 1)
	}
	billed := u.Input*m.Input + u.CacheRead*read + (u.CacheWrite-u.CacheWrite1h)*write + u.CacheWrite1h*write1h
	h := (p*W - billed) / (p * (W - read))
	switch {
	case !(h > 0): // also NaN
		return 0
	case h > 1:
		return 1
	}
	return h
}
