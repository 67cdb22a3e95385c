package model

import "testing"

// Models of the records tests, small enough to work every cost out by hand
// (USD per 1M tokens).
//
//	sonnetish: in 3, out 15, cache read 0.3, write 3.75, 1-hour write 6; above 200k prompt: in 6, out 22.5, read 0.6,
//	           write 7.5, 1-hour write 12
//	openaiish: in 1.25, out 10, cache read 0.125, no cache write
//	tiered:    in 1, out 5, read 0.1, write 1.25; above 100k prompt: in 2, out 10, no cache prices (keeps the base ones)
//	plain:     in 2, out 8, no cache prices
var (
	sonnetish = &APIModel{ID: "sonnetish", Rates: Rates{Input: 3, Output: 15, CacheRead: p(0.3), CacheWrite: p(3.75), CacheWrite1h: p(6)},
		LongContext: &LongContext{Threshold: 200000, Rates: Rates{Input: 6, Output: 22.5, CacheRead: p(0.6), CacheWrite: p(7.5),
			CacheWrite1h: p(12)}},
		ContextWindow: 1000000}
	openaiish = &APIModel{ID: "openaiish", Rates: Rates{Input: 1.25, Output: 10, CacheRead: p(0.125)}, ContextWindow: 400000}
	tiered    = &APIModel{ID: "tiered", Rates: Rates{Input: 1, Output: 5, CacheRead: p(0.1), CacheWrite: p(1.25)},
		LongContext: &LongContext{Threshold: 100000, Rates: Rates{Input: 2, Output: 10}}, ContextWindow: 1000000}
	plain = &APIModel{ID: "plain", Rates: Rates{Input: 2, Output: 8}, ContextWindow: 100000}
)

func TestUsageSums(t *testing.T) {
	u := Usage{Input: 1, CacheRead: 2, CacheWrite: 3, Output: 4, Reasoning: 5, CacheWrite1h: 1}
	approx(t, "Prompt", u.Prompt(), 6) // 1 + 2 + 3: the 1-hour write is part of CacheWrite
	approx(t, "Total", u.Total(), 15)  // 6 + 4 + 5
}

func TestRequestCost(t *testing.T) {
	for _, tc := range []struct {
		name  string
		m     *APIModel
		u     Usage
		want  float64
		exact bool
	}{
		// The Claude Code line of peers.md: prompt 12 + 2,048 + 41,230 = 43,290 ≤ 200k, base rates.
		// 12·3 = 36; 2,048·3.75 = 7,680; 41,230·0.3 = 12,369; 356·15 = 5,340 → 25,425 / 1e6.
		{"claude line", sonnetish, Usage{Input: 12, CacheWrite: 2048, CacheRead: 41230, Output: 356}, 0.025425, true},
		// The same with 1,000 of the 2,048 writes for one hour: 1,048·3.75 = 3,930; 1,000·6 = 6,000;
		// 36 + 3,930 + 6,000 + 12,369 + 5,340 = 27,675 / 1e6.
		{"1-hour writes", sonnetish, Usage{Input: 12, CacheWrite: 2048, CacheWrite1h: 1000, CacheRead: 41230, Output: 356}, 0.027675, true},
		// Prompt 100 + 190,000 + 10,000 = 200,100 > 200k: the whole request at the long-context rates.
		// 100·6 = 600; 190,000·0.6 = 114,000; 10,000·7.5 = 75,000; 1,000·22.5 = 22,500 → 212,100 / 1e6.
		{"long context", sonnetish, Usage{Input: 100, CacheRead: 190000, CacheWrite: 10000, Output: 1000}, 0.2121, true},
		// The same with 4,000 of the writes for one hour, at the long-context 12: 6,000·7.5 = 45,000;
		// 4,000·12 = 48,000; 600 + 114,000 + 45,000 + 48,000 + 22,500 = 230,100 / 1e6.
		{"long context 1-hour writes", sonnetish, Usage{Input: 100, CacheRead: 190000, CacheWrite: 10000, CacheWrite1h: 4000, Output: 1000}, 0.2301, true},
		// Prompt exactly 200,000 is not above the threshold: 200,000·0.3 = 60,000 → 0.06.
		{"at the threshold", sonnetish, Usage{CacheRead: 200000}, 0.06, true},
		// The Codex turn of peers.md: input 15,102 of which 13,824 cached → 1,278 uncached; output 640 of
		// which 384 reasoning. 1,278·1.25 = 1,597.5; 13,824·0.125 = 1,728; (256 + 384)·10 = 6,400 → 9,725.5 / 1e6.
		{"codex turn", openaiish, Usage{Input: 1278, CacheRead: 13824, Output: 256, Reasoning: 384}, 0.0097255, true},
		// Prompt 1,000 + 100,000 + 500 = 101,500 > 100k: input 2, output 10, the tier names no cache
		// price so the base 0.1 / 1.25 stay. 1,000·2 = 2,000; 100,000·0.1 = 10,000; 500·1.25 = 625;
		// 200·10 = 2,000 → 14,625 / 1e6. No 1-hour write, so the missing 1-hour price does not matter.
		{"long context keeps base cache prices", tiered, Usage{Input: 1000, CacheRead: 100000, CacheWrite: 500, Output: 200}, 0.014625, true},
		// 1-hour writes on a model without a 1-hour price fall back to cache_write: 300·1.25 = 375 → an
		// estimate. 10·1 + 375 = 385 / 1e6.
		{"1-hour fallback", tiered, Usage{Input: 10, CacheWrite: 300, CacheWrite1h: 300}, 0.000385, false},
		// No cache prices: all 10 + 90 + 100 = 200 input tokens at 2 = 400; output 5 + reasoning 5 at 8 = 80
		// → 480 / 1e6, an estimate (reads and writes priced at input).
		{"no cache prices", plain, Usage{Input: 10, CacheRead: 90, CacheWrite: 100, Output: 5, Reasoning: 5}, 0.00048, false},
		// No cache prices but no cache tokens either: 10·2 + 5·8 = 60 / 1e6, exact.
		{"no cache tokens", plain, Usage{Input: 10, Output: 5}, 0.00006, true},
		// Nothing used costs nothing.
		{"empty", sonnetish, Usage{}, 0, true},
	} {
		got, exact := RequestCost(tc.m, tc.u)
		approx(t, tc.name, got, tc.want)
		if exact != tc.exact {
			t.Errorf("%s: exact %v, want %v", tc.name, exact, tc.exact)
		}
	}
}

func TestEquivalentCacheHit(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    *APIModel
		u    Usage
		want float64
	}{
		// P = 43,290; billed = 12·3 + 2,048·3.75 + 41,230·0.3 = 36 + 7,680 + 12,369 = 20,085; W = 3.75.
		// h = (43,290·3.75 − 20,085) / (43,290·(3.75 − 0.3)) = (162,337.5 − 20,085) / 149,350.5
		//   = 142,252.5 / 149,350.5 ≈ 0.95247, a little above the plain share 41,230 / 43,290 ≈ 0.95241
		// because the 12 uncached tokens were billed at input (3), below W.
		{"claude line", sonnetish, Usage{Input: 12, CacheWrite: 2048, CacheRead: 41230}, 142252.5 / 149350.5},
		// No cache write price: W = input, and h = (P·in − U·in − CR·read) / (P·(in − read)) = CR / P.
		{"codex turn", openaiish, Usage{Input: 1278, CacheRead: 13824}, 13824.0 / 15102},
		// No cache prices at all: read = W = 2, the plain share 90 / 200.
		{"no cache prices", plain, Usage{Input: 10, CacheRead: 90, CacheWrite: 100}, 0.45},
		// Only cache reads: billed 1,000·0.3 = 300; h = (3,750 − 300) / (1,000·3.45) = 1.
		{"all read", sonnetish, Usage{CacheRead: 1000}, 1},
		// No cache reads: billed 5·3 + 1,000·3.75 = 3,765 for 1,005 tokens; h = (1,005·3.75 − 3,765) /
		// (1,005·3.45) = 3.75 / 3,467.25 ≈ 0.00108: just above 0, so that W is the write rate paid.
		{"no reads", sonnetish, Usage{Input: 5, CacheWrite: 1000}, 3.75 / 3467.25},
		// 1-hour writes are billed at 6: billed 5·3 + 500·3.75 + 500·6 + 4,000·0.3 = 15 + 1,875 + 3,000 + 1,200
		// = 6,090 for P = 5 + 1,000 + 4,000 = 5,005; h = (5,005·3.75 − 6,090) / (5,005·3.45)
		// = 12,678.75 / 17,267.25 ≈ 0.734, below the plain share 4,000 / 5,005 ≈ 0.799 as the writes cost more.
		{"1-hour writes", sonnetish, Usage{Input: 5, CacheWrite: 1000, CacheWrite1h: 500, CacheRead: 4000}, 12678.75 / 17267.25},
		// Only cache writes: h = (1,000·3.75 − 3,750) / … = 0; W falls back to input, the nearest h = 0 can say.
		{"only writes", sonnetish, Usage{CacheWrite: 1000}, 0},
		// Only uncached input on a model without cache_write: W = input, h = (10·1.25 − 10·1.25) / … = 0.
		{"only input", openaiish, Usage{Input: 10}, 0},
		{"empty", sonnetish, Usage{}, 0},
	} {
		approx(t, tc.name, EquivalentCacheHit(tc.m, tc.u), tc.want)
	}
}

// A one-turn class with the request's prompt as first input, its output and
// reasoning, and the equivalent cache hit costs what the request cost.
// Worked for the Claude line: h·43,290·0.3 + (1−h)·43,290·3.75 = 20,085 by the
// definition of h, plus 356·15 = 5,340 → 25,425 / 1e6 = RequestCost.
func TestEquivalentCacheHitReproducesRequestCost(t *testing.T) {
	for _, tc := range []struct {
		m *APIModel
		u Usage
	}{
		{sonnetish, Usage{Input: 12, CacheWrite: 2048, CacheRead: 41230, Output: 356}},
		{openaiish, Usage{Input: 1278, CacheRead: 13824, Output: 256, Reasoning: 384}},
		{plain, Usage{Input: 10, CacheRead: 90, CacheWrite: 100, Output: 5, Reasoning: 5}},
		// 5·3 + 1,000·3.75 + 20·15 = 4,065 / 1e6, with h ≈ 0.00108.
		{sonnetish, Usage{Input: 5, CacheWrite: 1000, Output: 20}},
		// 5·3 + 500·3.75 + 500·6 + 4,000·0.3 + 20·15 = 6,390 / 1e6.
		{sonnetish, Usage{Input: 5, CacheWrite: 1000, CacheWrite1h: 500, CacheRead: 4000, Output: 20}},
	} {
		c := NewClass("one")
		c.InputTokens, c.OutputTokens, c.ReasoningTokens = tc.u.Prompt(), tc.u.Output, tc.u.Reasoning
		c.CacheHit = EquivalentCacheHit(tc.m, tc.u)
		want, _ := RequestCost(tc.m, tc.u)
		approx(t, tc.m.ID, TaskCost(&c, tc.m, 1), want)
	}
}
