package usage

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The same records delivered in another order, under other ids, come out
// identical: sums over them then never differ between runs.
func TestCanonicalize(t *testing.T) {
	a := &Log{models: []string{"m-b", "m-a"}, sessions: []string{"s2", "s1"}, recs: []rec{
		{ts: 20, model: 0, session: 1, tok: [nTok]uint32{tIn: 5}},
		{ts: 10, model: 1, session: 0, tok: [nTok]uint32{tIn: 7}},
		{ts: 10, model: 0, session: 0, tok: [nTok]uint32{tIn: 9}},
	}}
	// b names m-a 0 and s1 0, and lists the records in another order.
	b := &Log{models: []string{"m-a", "m-b"}, sessions: []string{"s1", "s2"}, recs: []rec{
		{ts: 10, model: 1, session: 1, tok: [nTok]uint32{tIn: 9}},
		{ts: 20, model: 1, session: 0, tok: [nTok]uint32{tIn: 5}},
		{ts: 10, model: 0, session: 1, tok: [nTok]uint32{tIn: 7}},
	}}
	a.canonicalize()
	b.canonicalize()
	if !slices.Equal(a.models, []string{"m-a", "m-b"}) || !slices.Equal(a.sessions, []string{"s1", "s2"}) {
		t.Fatalf("names %v %v", a.models, a.sessions)
	}
	if !slices.Equal(a.models, b.models) || !slices.Equal(a.sessions, b.sessions) || !slices.Equal(a.recs, b.recs) {
		t.Fatalf("not canonical:\n%+v\n%+v", a.recs, b.recs)
	}
	// time first, then session, then model: (10, s2, m-a)=7 before (10, s2, m-b)=9, then (20, s1, m-b)=5
	var got []uint32
	for _, r := range a.recs {
		got = append(got, r.tok[tIn])
	}
	if !slices.Equal(got, []uint32{7, 9, 5}) {
		t.Errorf("order %v, want [7 9 5]", got)
	}
}

// sortRecs (time buckets, then compareRecs within each) gives exactly what
// one sort by compareRecs gives, however the times are spread: evenly, all
// equal, a few far outliers, negative.
func TestSortRecs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	spreads := map[string]func() int64{
		"even":  func() int64 { return 1_700_000_000_000 + rng.Int64N(365*86_400_000) },
		"equal": func() int64 { return 1_700_000_000_000 },
		"outliers": func() int64 {
			return []int64{-62_135_596_800_000, 0, 1_700_000_000_000, 253_402_300_799_000}[rng.IntN(4)] + rng.Int64N(3)
		},
		"few": func() int64 { return rng.Int64N(5) },
	}
	for name, ts := range spreads {
		for _, n := range []int{0, 1, 63, 64, 1000, 5000} {
			recs := make([]rec, n)
			for i := range recs {
				recs[i] = rec{ts: ts(), session: rng.Uint32N(3), model: uint16(rng.IntN(2)), flags: uint8(rng.IntN(2))}
				recs[i].tok[tIn] = rng.Uint32N(4)
			}
			want := slices.Clone(recs)
			slices.SortFunc(want, compareRecs)
			sortRecs(recs)
			if !slices.Equal(recs, want) {
				t.Errorf("%s, %d records: not in compareRecs order", name, n)
			}
		}
	}
}
