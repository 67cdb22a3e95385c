package usage_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/internal/pyref"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/usage"
	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

// TestReplayCrossCheck replays generated logs (sessions bunched into a few weeks,
// so that 5-hour and weekly windows fill) on random catalogs, and compares
// every option's figures, every limit's windows included, with
// scripts/replay_ref.py, written from DESIGN.md alone. REPLAY_CROSSCHECK=n
// runs n rounds per source instead of 2.
func TestReplayCrossCheck(t *testing.T) {
	rounds := 2
	if s := os.Getenv("REPLAY_CROSSCHECK"); s != "" {
		fmt.Sscan(s, &rounds)
	}
	zones := []string{"UTC", "America/Denver", "Asia/Seoul"}
	for _, src := range []usage.Source{usage.ClaudeCode, usage.Codex} {
		for i := range rounds {
			seed := uint64(i + 1)
			if src == usage.Codex {
				seed += 1000
			}
			t.Run(fmt.Sprintf("%s/%d", src, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 99))
				dir := t.TempDir()
				cfg := loggen.Config{Seed: seed, Bytes: 4 << 20, Days: 5 + r.IntN(20)}
				if _, err := loggen.Write(src.String(), dir, cfg); err != nil {
					t.Fatal(err)
				}
				loc, err := time.LoadLocation(zones[r.IntN(len(zones))])
				if err != nil {
					t.Skip("no zone data:", err)
				}
				l, err := usage.Load(src, usage.Options{Paths: []string{dir}, Location: loc})
				if err != nil {
					t.Fatal(err)
				}
				cat := randomCatalog(r, src)
				recs := replay.Records(l, cat)
				got, err := replay.Run(recs, cat, replay.Options{Location: loc})
				if err != nil {
					t.Fatal(err)
				}
				want := reference(t, loc.String(), cat, recs)
				compare(t, got, want)
			})
		}
	}
}

// loggedNames are the catalog ids the generated logs' model names map to.
var loggedNames = map[usage.Source][]string{
	usage.ClaudeCode: {"claude-sonnet-4-5", "claude-opus-4-5", "claude-haiku-4-5", "claude-sonnet-4-6"},
	usage.Codex:      {"gpt-5", "gpt-5.1", "gpt-5.2", "gpt-5.1-mini"},
}

// randomCatalog makes a catalog no test has seen: the logs' models (some
// left out, some retired) and a few others, with random providers, tiers,
// prices, windows; plans with random limits in every unit, ranges, scopes,
// weights (0 among them), overage prices, credits and seats.
func randomCatalog(r *rand.Rand, src usage.Source) *model.Catalog {
	providers := []string{"va", "vb", "vc"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	price := func(lo, hi float64) float64 { return math.Round(lo*math.Pow(hi/lo, r.Float64())*1000) / 1000 }
	opt := func(p float64, v float64) *float64 {
		if r.Float64() < p {
			return &v
		}
		return nil
	}
	cat := &model.Catalog{}
	ids := []string{}
	for _, id := range loggedNames[src] {
		if r.IntN(5) > 0 {
			ids = append(ids, id)
		}
	}
	for i := range 2 + r.IntN(4) {
		ids = append(ids, fmt.Sprintf("x-%d", i))
	}
	windows := []float64{64e3, 128e3, 200e3, 272e3, 1e6}
	for _, id := range ids {
		in := price(0.05, 15)
		m := model.APIModel{ID: id, Provider: pick(providers), Name: "Model " + id, Tier: model.Tier(r.IntN(3)),
			Rates:         model.Rates{Input: in, Output: math.Round(in*(2+r.Float64()*6)*1000) / 1000},
			ContextWindow: windows[r.IntN(len(windows))], Status: "active"}
		m.CacheRead = opt(0.8, math.Round(in*100)/1000)
		m.CacheWrite = opt(0.6, in*1.25)
		m.CacheWrite1h = opt(0.3, in*2)
		if r.IntN(4) == 0 {
			m.MaxOutput = float64(2000 + r.IntN(20000))
		}
		if r.IntN(4) == 0 {
			m.LongContext = &model.LongContext{Threshold: 100e3 + float64(r.IntN(100e3)),
				Rates: model.Rates{Input: in * 2, Output: m.Output * 1.5, CacheRead: opt(0.5, in*0.2)}}
		}
		if r.IntN(8) == 0 {
			m.Status = "retired"
		}
		cat.Models = append(cat.Models, m)
	}
	for pi := range 3 + r.IntN(5) {
		p := model.Subscription{ID: fmt.Sprintf("plan-%d", pi), Vendor: pick(providers), Name: fmt.Sprintf("Plan %d", pi),
			PriceMonthly: []float64{0, 8, 20, 100, 200}[r.IntN(5)], SeatsMin: []int{0, 1, 3}[r.IntN(3)]}
		for range 1 + r.IntN(3) {
			p.Models = append(p.Models, ids[r.IntN(len(ids))])
		}
		if r.IntN(6) == 0 {
			p.Models = append(p.Models, "not-in-catalog")
		}
		p.Serves = [][]model.Via{{model.ViaAgent}, {model.ViaChat, model.ViaAgent}, {model.ViaChat}, {model.ViaAgent}}[r.IntN(4)]
		if r.IntN(5) == 0 {
			p.ContextWindow = 150e3
		}
		if r.IntN(3) == 0 {
			p.APICreditMonthly = []float64{5, 20, 100}[r.IntN(3)]
		}
		for range r.IntN(4) {
			l := model.Limit{WindowHours: []float64{5, 5, 3.5, 24, 168}[r.IntN(5)]}
			var c float64
			switch r.IntN(3) {
			case 0:
				c = price(0.5, 150)
				l.USD = c
			case 1:
				c = math.Round(price(2e5, 1e8))
				l.Tokens = c
			default:
				c = math.Round(price(3, 400))
				l.Messages = c
				if r.IntN(2) == 0 {
					l.ReferenceTokens = 50e3
				}
			}
			if r.IntN(3) == 0 {
				l.Low, l.High = c*(0.3+0.6*r.Float64()), c*(1.2+2*r.Float64())
			}
			switch r.IntN(6) {
			case 0:
				l.Tiers = []model.Tier{model.Tier(r.IntN(3)), model.Tier(r.IntN(3))}
			case 1:
				l.Models = []string{ids[r.IntN(len(ids))]}
			case 2:
				l.Via = []model.Via{model.Via(r.IntN(2))}
			}
			if r.IntN(3) == 0 {
				l.Weights = map[string]float64{}
				for range 1 + r.IntN(3) {
					l.Weights[ids[r.IntN(len(ids))]] = []float64{0, 0.33, 1, 3, 10}[r.IntN(5)]
				}
			}
			if r.IntN(3) == 0 {
				switch {
				case l.USD > 0:
					l.Overage = []float64{1, 1.2}[r.IntN(2)] // per dollar
				case l.Tokens > 0:
					l.Overage = 3e-6
				default:
					l.Overage = 0.04
				}
			}
			p.Limits = append(p.Limits, l)
		}
		cat.Plans = append(cat.Plans, p)
	}
	return cat
}

type refLimit struct {
	Windows      int     `json:"windows"`
	WindowsHit   int     `json:"windows_hit"`
	BlockedHours float64 `json:"blocked_hours"`
	Peak         float64 `json:"peak_utilization"`
	Excess       float64 `json:"excess"`
}

type refOption struct {
	Eligible   bool       `json:"eligible"`
	Fits       bool       `json:"fits"`
	Monthly    float64    `json:"monthly"`
	Overflow   float64    `json:"overflow_cost"`
	Overage    float64    `json:"overage"`
	Credit     float64    `json:"credit"`
	Low        *float64   `json:"monthly_low"`
	High       *float64   `json:"monthly_high"`
	OnPlan     int        `json:"records_on_plan"`
	Overflowed int        `json:"records_overflowed"`
	Limits     []refLimit `json:"limits"`
}

type refResult struct {
	Days        int                  `json:"days"`
	MonthFactor float64              `json:"month_factor"`
	AsRecorded  float64              `json:"as_recorded"`
	Options     map[string]refOption `json:"options"`
}

// reference runs scripts/replay_ref.py on the same records and catalog.
func reference(t *testing.T, zone string, cat *model.Catalog, recs []replay.Record) refResult {
	t.Helper()
	type jm = map[string]any
	var models, plans []jm
	rates := func(m jm, r model.Rates) {
		m["input"], m["output"] = r.Input, r.Output
		for k, p := range map[string]*float64{"cache_read": r.CacheRead, "cache_write": r.CacheWrite, "cache_write_1h": r.CacheWrite1h} {
			if p != nil {
				m[k] = *p
			} else {
				m[k] = nil
			}
		}
	}
	for _, m := range cat.Models {
		x := jm{"id": m.ID, "provider": m.Provider, "tier": int(m.Tier), "context_window": m.ContextWindow,
			"max_output": m.MaxOutput, "status": m.Status}
		rates(x, m.Rates)
		if lc := m.LongContext; lc != nil {
			y := jm{"threshold": lc.Threshold}
			rates(y, lc.Rates)
			x["long_context"] = y
		}
		models = append(models, x)
	}
	for _, p := range cat.Plans {
		var serves []string
		for _, v := range p.Serves {
			serves = append(serves, v.String())
		}
		var lims []jm
		for _, l := range p.Limits {
			var tiers []int
			for _, tr := range l.Tiers {
				tiers = append(tiers, int(tr))
			}
			var via []string
			for _, v := range l.Via {
				via = append(via, v.String())
			}
			lims = append(lims, jm{"window_hours": l.WindowHours, "usd": l.USD, "tokens": l.Tokens, "messages": l.Messages,
				"low": l.Low, "high": l.High, "reference_tokens": l.ReferenceTokens, "tiers": tiers, "models": l.Models, "via": via,
				"weights": l.Weights, "overage": l.Overage})
		}
		plans = append(plans, jm{"id": p.ID, "vendor": p.Vendor, "price_monthly": p.PriceMonthly, "seats_min": p.SeatsMin,
			"models": p.Models, "serves": serves, "context_window": p.ContextWindow, "api_credit_monthly": p.APICreditMonthly, "limits": lims})
	}
	var rs []jm
	for _, r := range recs {
		u := r.Usage
		rs = append(rs, jm{"t": r.Time, "model": r.Model, "input": u.Input, "cache_read": u.CacheRead, "cache_write": u.CacheWrite,
			"cache_write_1h": u.CacheWrite1h, "output": u.Output, "reasoning": u.Reasoning})
	}
	var res refResult
	pyref.Run(t, filepath.Join("..", "scripts", "replay_ref.py"), jm{"zone": zone, "catalog": jm{"models": models, "plans": plans}, "records": rs}, &res)
	return res
}

func compare(t *testing.T, got *replay.Result, want refResult) {
	t.Helper()
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	if got.Days != want.Days || !close(got.MonthFactor, want.MonthFactor) || !close(got.AsRecorded, want.AsRecorded) {
		t.Errorf("period: %d days, M %g, as recorded %g; reference %d, %g, %g", got.Days, got.MonthFactor, got.AsRecorded,
			want.Days, want.MonthFactor, want.AsRecorded)
	}
	if len(got.Quotes) != len(want.Options) {
		t.Errorf("%d options, reference %d", len(got.Quotes), len(want.Options))
	}
	hits, overflowed, beyond := 0, 0, 0
	for _, q := range got.Quotes {
		w, ok := want.Options[q.ID]
		if !ok {
			t.Errorf("%s: not in the reference", q.ID)
			continue
		}
		if q.Eligible != w.Eligible {
			t.Errorf("%s: eligible %v, reference %v", q.ID, q.Eligible, w.Eligible)
		}
		if q.Kind != model.KindSubscription {
			if q.Eligible && !close(q.Monthly, w.Monthly) {
				t.Errorf("%s: $%.10g, reference $%.10g", q.ID, q.Monthly, w.Monthly)
			}
			continue
		}
		p := got.Plans[q.ID]
		if q.Fits != w.Fits || p.OnPlan != w.OnPlan || p.Overflowed != w.Overflowed {
			t.Errorf("%s: fits %v, %d on, %d over; reference %v, %d, %d", q.ID, q.Fits, p.OnPlan, p.Overflowed, w.Fits, w.OnPlan, w.Overflowed)
		}
		overflowed += p.Overflowed
		beyond += p.Beyond
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"monthly", q.Monthly, w.Monthly}, {"overflow", q.Overflow, w.Overflow}, {"overage", q.Overage, w.Overage}, {"credit", q.Credit, w.Credit}} {
			if !close(c.got, c.want) {
				t.Errorf("%s: %s %.10g, reference %.10g", q.ID, c.name, c.got, c.want)
			}
		}
		for _, e := range []struct {
			name string
			got  float64
			want *float64
		}{{"low", q.MonthlyLow, w.Low}, {"high", q.MonthlyHigh, w.High}} {
			if (e.want == nil) != math.IsInf(e.got, 1) || (e.want != nil && !close(e.got, *e.want)) {
				t.Errorf("%s: %s %.10g, reference %v", q.ID, e.name, e.got, e.want)
			}
		}
		if len(p.Windows) != len(w.Limits) {
			t.Errorf("%s: %d limits, reference %d", q.ID, len(p.Windows), len(w.Limits))
			continue
		}
		for i, g := range p.Windows {
			x := w.Limits[i]
			hits += g.Hit
			if g.Windows != x.Windows || g.Hit != x.WindowsHit || !close(g.BlockedHours, x.BlockedHours) || !close(g.Peak, x.Peak) ||
				!close(g.Excess, x.Excess) {
				t.Errorf("%s limit %d: %d windows, %d hit, %g h, peak %g, excess %g; reference %d, %d, %g, %g, %g", q.ID, i,
					g.Windows, g.Hit, g.BlockedHours, g.Peak, g.Excess, x.Windows, x.WindowsHit, x.BlockedHours, x.Peak, x.Excess)
			}
		}
	}
	t.Logf("%d records over %d days, %d options, %d windows hit, %d records overflowed, %d billed beyond an overage limit",
		got.Records, got.Days, len(got.Quotes), hits, overflowed, beyond)
}
