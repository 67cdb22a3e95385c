package usage

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

func pf(v float64) *float64 { return &v }

// handCatalog has one model, "m": input 1, output 10, cache read 0.1,
// cache write 1.25 per 1M tokens, mid tier, 100k context.
func handCatalog() *model.Catalog {
	return &model.Catalog{Models: []model.APIModel{{ID: "m", Name: "M", Provider: "p", Tier: model.Mid,
		Rates: model.Rates{Input: 1, Output: 10, CacheRead: pf(0.1), CacheWrite: pf(1.25)}, ContextWindow: 100000, Status: "active"}}}
}

// handLog writes three sessions on model m:
//
//	A (2026-03-02 10:00): in 100 + write 900 (prompt 1000), out 50; in 10 + read 1000 + write 90 (1100), out 70
//	B (2026-03-02 10:30): in 200 + write 800 (1000), out 30;        in 10 + read 1000 + write 290 (1300), out 50
//	C (2026-03-03 09:00): in 50 + write 2000 (2050), out 100; in 5 + read 2050 + write 500 (2555), out 200;
//	                      in 5 + read 2555 + write 400 (2960), out 300
func handLog(t *testing.T) string {
	dir := t.TempDir()
	type req struct {
		at                   string
		in, read, write, out int
	}
	sessions := map[string][]req{
		"A": {{"2026-03-02T10:00:00Z", 100, 0, 900, 50}, {"2026-03-02T10:01:00Z", 10, 1000, 90, 70}},
		"B": {{"2026-03-02T10:30:00Z", 200, 0, 800, 30}, {"2026-03-02T10:31:00Z", 10, 1000, 290, 50}},
		"C": {{"2026-03-03T09:00:00Z", 50, 0, 2000, 100}, {"2026-03-03T09:01:00Z", 5, 2050, 500, 200}, {"2026-03-03T09:02:00Z", 5, 2555, 400, 300}},
	}
	for s, reqs := range sessions {
		var b strings.Builder
		for i, r := range reqs {
			fmt.Fprintf(&b, `{"sessionId":"%s","timestamp":"%s","requestId":"r%s%d","message":{"id":"m%s%d","model":"m","usage":{"input_tokens":%d,"cache_read_input_tokens":%d,"cache_creation_input_tokens":%d,"output_tokens":%d}}}`+"\n",
				s, r.at, s, i, s, i, r.in, r.read, r.write, r.out)
		}
		write(t, filepath.Join(dir, "projects", "p", s+".jsonl"), b.String())
	}
	return dir
}

// The fit of handLog, worked by hand (Rule: agentic from 3 requests).
//
// Short (A, B): 2 tasks, 4 requests, T = 2. Prompts 1000 + 1100 + 1000 + 1300
// = 4400, M = 4400 / 4 = 1100; output 200 / 4 = 50 a turn. First prompts
// average 1000, largest 1200: the last turn may reach 1200, so I ≥ 2·1100 −
// 1200 = 1000; I = 1000. Growth G = 2·(1100 − 1000) / 1 = 200 = O + F, F =
// 150. Cache hit: billed 320·1 + 2000·0.1 + 2080·1.25 = 3120 for 4400
// tokens; h = (4400·1.25 − 3120) / (4400·1.15) = 0.47036 → 0.4704. Count: 2
// tasks over 2 active days = 1 a day. Both classes are agent work (via: agent).
//
// Agentic (C): 1 task, T = 3. M = (2050 + 2555 + 2960) / 3 = 2521.67; O =
// 600 / 3 = 200. First 2050, largest 2960: I ≥ 2·2521.67 − 2960 = 2083.33,
// so I = 2083.33 → 2083; G = 2·(2521.67 − 2083.33) / 2 = 438.33, F = 238.33
// → 238. Billed 60 + 460.5 + 3625 = 4145.5 for 7565: h = (7565·1.25 −
// 4145.5) / (7565·1.15) = 0.61045 → 0.6104. Count 1 / 2 = 0.5.
//
// Logs' cost: short 1725 + 922.5 + 1500 + 972.5 = 5120 → $0.00512; agentic
// (50 + 2500 + 1000) + (5 + 205 + 625 + 2000) + (5 + 255.5 + 500 + 3000) =
// 10145.5 → $0.0101455.
func TestFitHandWorked(t *testing.T) {
	l := load(t, ClaudeCode, Options{Paths: []string{handLog(t)}})
	d, err := l.Derive(handCatalog(), Rule{LongContext: 100000, AgenticTurns: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Classes) != 2 {
		t.Fatalf("%d classes: %+v", len(d.Classes), d.Classes)
	}
	want := []model.Class{
		{Name: "Short tasks", Count: 1, Per: model.PerDay, InputTokens: 1000, OutputTokens: 50, Turns: 2, FollowupTokens: 150, CacheHit: 0.4704, MinTier: model.Mid, Via: model.ViaAgent},
		{Name: "Agentic tasks", Count: 0.5, Per: model.PerDay, InputTokens: 2083, OutputTokens: 200, Turns: 3, FollowupTokens: 238, CacheHit: 0.6104, MinTier: model.Mid, Via: model.ViaAgent},
	}
	for i, c := range d.Classes {
		if c.Class != want[i] {
			t.Errorf("class %d = %+v\nwant %+v", i, c.Class, want[i])
		}
	}
	w := d.Workload
	if w.DaysPerMonth != model.DefaultDaysPerMonth || w.HoursPerDay != 1 || d.ActiveDays != 2 {
		t.Errorf("days %g hours %g active %d; want 22 (two days of logs: default), 1, 2", w.DaysPerMonth, w.HoursPerDay, d.ActiveDays)
	}
	near := func(what string, got, want float64) {
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.10g, want %.10g", what, got, want)
		}
	}
	near("short logs cost", d.Classes[0].LogsCost, 0.00512)
	near("agentic logs cost", d.Classes[1].LogsCost, 0.0101455)
	// The workload, with h rounded: short 2·[2200·(0.4704·0.1 + 0.5296·1.25) + 100·10]/1e6
	// = 0.005119776; agentic [(2083 + 2521 + 2959)·(0.6104·0.1 + 0.3896·1.25) + 600·10]/1e6 = 0.01014482652.
	near("short workload cost", d.Classes[0].WorkCost, 0.005119776)
	near("agentic workload cost", d.Classes[1].WorkCost, 0.01014482652)
	if !d.Checked || d.Error > 0.0001 {
		t.Errorf("check: %v, error %g", d.Checked, d.Error)
	}
	// Thresholds move tasks between classes.
	d, _ = l.Derive(handCatalog(), Rule{LongContext: 2500, AgenticTurns: 3})
	if len(d.Classes) != 2 || d.Classes[1].Group != GroupLong || d.Classes[1].Tasks != 1 {
		t.Errorf("long-context from 2,500 tokens: %+v", d.Classes)
	}
	d, _ = l.Derive(handCatalog(), Rule{LongContext: 100000, AgenticTurns: 2})
	if len(d.Classes) != 1 || d.Classes[0].Group != GroupAgentic || d.Classes[0].Tasks != 3 || d.Classes[0].Class.Name != "Agentic tasks" {
		t.Errorf("agentic from 2 requests: %+v", d.Classes)
	}
}

// frozen is a copy of the shipped catalog of 2026-11-27: the tests price on
// it, so that a price update in plans/catalog.yaml breaks none of them.
var frozen struct {
	once sync.Once
	cat  *plans.Catalog
	err  error
}

// embedded is the frozen catalog, a fresh copy for each caller.
func embedded(t testing.TB) *model.Catalog {
	t.Helper()
	frozen.once.Do(func() { frozen.cat, frozen.err = plans.LoadCatalog("../plans/testdata/catalog-2026-11-27.yaml") })
	if frozen.err != nil {
		t.Fatal(frozen.err)
	}
	return &frozen.cat.Clone().Catalog
}

// The derived workload, priced by model.Evaluate on the models the logs
// used, gives back the logs' own API cost within 3%: on the fixtures, on
// generated logs of both sources, and with long-context tiers that the
// requests cross.
func TestDeriveReproducesLogsCost(t *testing.T) {
	cat := embedded(t)
	gen := func(src Source, seed uint64, size int64) string {
		dir := t.TempDir()
		if _, err := loggen.Write(src.String(), dir, loggen.Config{Seed: seed, Bytes: size, Days: 60}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	tiered := tieredCatalog(cat, 40000, 3, 2)
	// Haiku 5.5's tier: above 100k tokens of prompt, every token at 5×.
	steep := tieredCatalog(cat, 100000, 5, 5)
	steeper := tieredCatalog(cat, 60000, 5, 5)
	for _, tc := range []struct {
		name string
		src  Source
		dir  string
		cat  *model.Catalog
	}{
		{"claude fixture", ClaudeCode, "testdata/claude", cat},
		{"codex fixture", Codex, "testdata/codex", cat},
		{"generated claude 1", ClaudeCode, gen(ClaudeCode, 1, 4<<20), cat},
		{"generated claude 2", ClaudeCode, gen(ClaudeCode, 2, 4<<20), cat},
		{"generated codex", Codex, gen(Codex, 3, 2<<20), cat},
		{"claude, long-context tiers crossed", ClaudeCode, gen(ClaudeCode, 4, 4<<20), tiered},
		{"codex, long-context tiers crossed", Codex, gen(Codex, 5, 2<<20), tiered},
		{"claude, 5× tier at 100k, seed 1", ClaudeCode, gen(ClaudeCode, 1, 4<<20), steep},
		{"claude, 5× tier at 100k, seed 4", ClaudeCode, gen(ClaudeCode, 4, 4<<20), steep},
		{"claude, 5× tier at 60k", ClaudeCode, gen(ClaudeCode, 6, 4<<20), steeper},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := load(t, tc.src, Options{Paths: []string{tc.dir}})
			d, err := l.Derive(tc.cat, DefaultRule)
			if err != nil {
				t.Fatal(err)
			}
			if !d.Checked || d.Error > 0.03 {
				t.Errorf("checked %v: logs $%.4f, workload $%.4f, error %.2f%%", d.Checked, d.LogsCost, d.WorkCost, 100*d.Error)
			}
			// Every class fits the model that did the work.
			res, err := model.Evaluate(d.Workload, tc.cat)
			if err != nil {
				t.Fatal(err)
			}
			for ci, c := range d.Classes {
				if q, ok := res.Find("api:" + c.Model); ok && c.Priced && !q.Classes[ci].Fits {
					t.Errorf("%s does not fit %s: %+v", c.Class.Name, c.Model, q.Classes[ci].Reason)
				}
			}
			// The logs' cost is the summary's cost of the priced models.
			if s := l.Summarize(tc.cat); math.Abs(s.Cost-d.LogsCost) > 1e-9*s.Cost {
				t.Errorf("summary cost %.6f, derived logs cost %.6f", s.Cost, d.LogsCost)
			}
			t.Logf("%d classes, logs $%.4f, workload $%.4f: checked %v (%.3f%%)", len(d.Classes), d.LogsCost, d.WorkCost, d.Checked, 100*d.Error)
		})
	}
}

// tieredCatalog gives every model a long-context tier that the generated
// requests cross: above threshold tokens of prompt, input and cache prices
// × in, output × out; and a window large enough for every request.
func tieredCatalog(c *model.Catalog, threshold, in, out float64) *model.Catalog {
	cp := *c
	cp.Models = make([]model.APIModel, len(c.Models))
	copy(cp.Models, c.Models)
	for i := range cp.Models {
		m := &cp.Models[i]
		lc := &model.LongContext{Threshold: threshold, Rates: model.Rates{Input: in * m.Input, Output: out * m.Output}}
		if m.CacheRead != nil {
			lc.CacheRead = pf(in * *m.CacheRead)
		}
		if m.CacheWrite != nil {
			lc.CacheWrite = pf(in * *m.CacheWrite)
		}
		m.LongContext = lc
		m.ContextWindow = max(m.ContextWindow, 1000000)
	}
	return &cp
}

func TestWorkDaysAndHours(t *testing.T) {
	for _, tc := range []struct {
		active, span int
		want         float64
	}{
		{2, 2, 22},       // under a week: the default
		{5, 7, 21.7},     // 5 · 30.4375 / 7 = 21.74
		{200, 365, 16.7}, // 200 · 30.4375 / 365 = 16.68
		{40, 40, 30.4},   // every day
	} {
		if got := workDays(tc.active, tc.span); got != tc.want {
			t.Errorf("workDays(%d, %d) = %g, want %g", tc.active, tc.span, got, tc.want)
		}
	}
	if got := workHours(45, 10); got != 4.5 {
		t.Errorf("workHours = %g", got)
	}
	if got := workHours(5, 10); got != 1 {
		t.Errorf("workHours floor = %g", got)
	}
}

// The derived workload of the fixtures is one the file format can save.
func TestDerivedWorkloadSaves(t *testing.T) {
	cat := embedded(t)
	for _, src := range []struct {
		s   Source
		dir string
	}{{ClaudeCode, "testdata/claude"}, {Codex, "testdata/codex"}} {
		l := load(t, src.s, Options{Paths: []string{src.dir}, Location: time.UTC})
		d, err := l.Derive(cat, DefaultRule)
		if err != nil {
			t.Fatal(err)
		}
		data, err := plans.MarshalWorkload(d.Workload)
		if err != nil {
			t.Fatalf("%s: %v", src.s, err)
		}
		back, err := plans.ParseWorkload("derived.yaml", data)
		if err != nil || len(back.Classes) != len(d.Workload.Classes) {
			t.Fatalf("%s: %v\n%s", src.s, err, data)
		}
	}
}
