package model_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tokenomics/tokenomics/internal/pyref"
	"github.com/tokenomics/tokenomics/model"
)

// oracleLimit is a limit as testdata/plan_oracle.py reads it.
type oracleLimit struct {
	Window   float64            `json:"window"`
	Unit     string             `json:"unit"`
	Capacity float64            `json:"capacity"`
	Weights  map[string]float64 `json:"weights,omitempty"`
	Overage  float64            `json:"overage"`
}

// TestPlanOracle compares the engine's effective monthly cost of a plan with
// limits that weigh models and bill overage against an independent Python
// reading of DESIGN.md, on random workloads and plans.
func TestPlanOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2026))
	var cases []map[string]any
	var got []float64
	for range 200 {
		nm := 1 + rng.IntN(4)
		c := &model.Catalog{AsOf: "2026-12-05"}
		var oms []map[string]any
		for i := range nm {
			m := model.APIModel{ID: fmt.Sprintf("m%d", i), Provider: "p", Name: fmt.Sprintf("M%d", i), Tier: model.Small,
				Rates: model.Rates{Input: 0.1 + 10*rng.Float64(), Output: 0.5 + 40*rng.Float64()}, ContextWindow: 1e9, Status: "active"}
			c.Models = append(c.Models, m)
			oms = append(oms, map[string]any{"id": m.ID, "input": m.Input, "output": m.Output})
		}
		var planModels []string
		for _, i := range rng.Perm(nm)[:1+rng.IntN(nm)] {
			planModels = append(planModels, fmt.Sprintf("m%d", i))
		}
		var limits []model.Limit
		var ols []oracleLimit
		for range 1 + rng.IntN(3) {
			l := model.Limit{WindowHours: []float64{2, 5, 24, 168, 730.5}[rng.IntN(5)]}
			ol := oracleLimit{Window: l.WindowHours}
			switch rng.IntN(3) {
			case 0:
				l.Messages, ol.Unit = float64(1+rng.IntN(2000)), "messages"
				ol.Capacity = l.Messages
			case 1:
				l.Tokens, ol.Unit = float64(1e4+rng.IntN(5e7)), "tokens"
				ol.Capacity = l.Tokens
			default:
				l.USD, ol.Unit = 0.5+200*rng.Float64(), "usd"
				ol.Capacity = l.USD
			}
			if rng.IntN(2) == 0 {
				l.Weights, ol.Weights = map[string]float64{}, map[string]float64{}
				for _, id := range planModels {
					if rng.IntN(2) == 0 {
						w := []float64{0, 0.33, 1, 3, 10}[rng.IntN(5)]
						l.Weights[id], ol.Weights[id] = w, w
					}
				}
			}
			if rng.IntN(2) == 0 {
				l.Overage = []float64{0.04, 1, 0.5}[rng.IntN(3)]
				ol.Overage = l.Overage
			}
			limits, ols = append(limits, l), append(ols, ol)
		}
		p := model.Subscription{ID: "plan", Vendor: "pv", Name: "Plan", PriceMonthly: 5 + 100*rng.Float64(),
			SeatsMin: rng.IntN(3), Models: planModels, Limits: limits}
		c.Plans = []model.Subscription{p}
		w := model.NewWorkload("w")
		w.DaysPerMonth, w.HoursPerDay, w.People = float64(10+rng.IntN(20)), float64(4+rng.IntN(8)), 1+rng.IntN(3)
		var ocs []map[string]any
		for i := range 1 + rng.IntN(3) {
			cl := model.NewClass(fmt.Sprintf("c%d", i))
			cl.Count, cl.Per = float64(1+rng.IntN(60)), model.PerDay
			cl.InputTokens, cl.OutputTokens = float64(100+rng.IntN(50000)), float64(50+rng.IntN(4000))
			cl.ReasoningTokens, cl.Turns, cl.FollowupTokens = float64(rng.IntN(3000)), 1+rng.IntN(6), float64(rng.IntN(500))
			w.Classes = append(w.Classes, cl)
			ocs = append(ocs, map[string]any{"count": cl.Count, "input": cl.InputTokens, "output": cl.OutputTokens,
				"reasoning": cl.ReasoningTokens, "turns": cl.Turns, "followup": cl.FollowupTokens})
		}
		r, err := model.Evaluate(w, c)
		if err != nil {
			t.Fatal(err)
		}
		q, ok := r.Find("plan")
		if !ok {
			t.Fatal("no plan quote")
		}
		got = append(got, q.Monthly)
		cases = append(cases, map[string]any{"days": w.DaysPerMonth, "hours": w.HoursPerDay, "people": w.People, "models": oms,
			"plan":    map[string]any{"price": p.PriceMonthly, "seats_min": p.SeatsMin, "models": planModels, "limits": ols},
			"classes": ocs})
	}
	var want []float64
	pyref.Run(t, "testdata/plan_oracle.py", cases, &want)
	if len(want) != len(got) {
		t.Fatalf("oracle: %d results for %d cases", len(want), len(got))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-9*math.Max(1, want[i]) {
			t.Errorf("case %d: engine %.12g, oracle %.12g\n%s", i, got[i], want[i], mustJSON(cases[i]))
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
