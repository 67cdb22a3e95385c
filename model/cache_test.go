package model

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
)

// TestCacheEqualsFresh: a Cache carried through a run of edits (counts,
// sizes, names, language, people, billing, classes added and removed, a
// second catalog) gives at every step what a fresh evaluation gives:
// quotes, ends, flips and costs at other volumes. An earlier result stays
// as it was while later ones are made, and its ends and flips computed
// beside the next evaluation share nothing it writes (go test -race).
func TestCacheEqualsFresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for run := range 60 {
		c1 := randomCatalog(rng)
		cats := []*Catalog{c1, c1.WithoutFree()}
		c := c1
		w := randomWorkload(rng)
		var x Cache
		var first Result
		var firstQuotes []Quote
		var prev Result
		for step := range 25 {
			var wg sync.WaitGroup
			if prev.e != nil {
				p := prev
				wg.Go(func() { _ = p.Ends(); _ = p.Flips() })
			}
			got, err := x.EvaluatePoint(w, c)
			wg.Wait()
			if err != nil {
				t.Fatal(err)
			}
			want, err := EvaluatePoint(w, c)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Quotes, want.Quotes) || got.TotalTasks != want.TotalTasks {
				t.Fatalf("run %d step %d: quotes through the cache differ from a fresh evaluation", run, step)
			}
			if g, w := got.Ends(), want.Ends(); !reflect.DeepEqual(g, w) {
				t.Fatalf("run %d step %d: ends %v, fresh %v", run, step, g, w)
			}
			if g, w := got.Flips(), want.Flips(); !reflect.DeepEqual(g, w) {
				t.Fatalf("run %d step %d: flips %v, fresh %v", run, step, g, w)
			}
			for _, q := range want.Quotes {
				g, gok := got.CostAt(q.ID, 2.5)
				f, fok := want.CostAt(q.ID, 2.5)
				if g != f || gok != fok {
					t.Fatalf("run %d step %d: %s at 2.5×: %v %v, fresh %v %v", run, step, q.ID, g, gok, f, fok)
				}
			}
			if step == 0 {
				first = got
				firstQuotes = append([]Quote(nil), got.Quotes...)
			}
			prev = got
			w = editWorkload(rng, w)
			if rng.IntN(10) == 0 {
				c = cats[rng.IntN(len(cats))]
			}
		}
		if !reflect.DeepEqual(first.Quotes, firstQuotes) {
			t.Fatalf("run %d: the first result changed while later ones were made", run)
		}
	}
}

// editWorkload is w with one edit of the kinds the app makes; w's classes
// are not touched (the result is a copy).
func editWorkload(rng *rand.Rand, w Workload) Workload {
	w.Classes = append([]Class(nil), w.Classes...)
	cl := &w.Classes[rng.IntN(len(w.Classes))]
	switch rng.IntN(10) {
	case 0, 1, 2:
		cl.Count = float64(rng.IntN(100))
	case 3:
		cl.InputTokens = float64(rng.IntN(60000))
	case 4:
		cl.Turns = 1 + rng.IntN(6)
	case 5:
		cl.Name = unusedName(w, cl.Name)
	case 6:
		w.Language = []string{"en", "ko", "ja", ""}[rng.IntN(4)]
	case 7:
		w.People, w.Billing = 1+rng.IntN(6), Billing(rng.IntN(2))
	case 8:
		if len(w.Classes) < 5 {
			n := *cl
			n.Name = unusedName(w, cl.Name)
			n.MinTier = Tier(rng.IntN(3))
			w.Classes = append(w.Classes, n)
		}
	default:
		if len(w.Classes) > 1 {
			i := rng.IntN(len(w.Classes))
			w.Classes = append(w.Classes[:i], w.Classes[i+1:]...)
		}
	}
	return w
}

// unusedName is name with marks added until no class of w has it.
func unusedName(w Workload, name string) string {
	for slices.ContainsFunc(w.Classes, func(c Class) bool { return c.Name == name }) {
		name += "+"
	}
	return name
}
