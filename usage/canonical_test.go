package usage

import (
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
