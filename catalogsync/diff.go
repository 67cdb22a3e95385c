package catalogsync

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// Difference is one figure that differs between two catalogs.
type Difference struct {
	Kind  string // "api", "subscription" or "tokenizer"
	ID    string // the entry's id (the tokenizer family)
	Name  string
	Field string // "input", "long_context.input", "limits", "as_of" …; "entry" when only one catalog has it
	A, B  Value
}

// Value is one side of a difference: a number, a text, the entry only this
// side has (Field "entry": report words its summary), or nothing. A plan's
// limits (Field "limits") are compared by Text, a key, and worded by report
// from Limits.
type Value struct {
	Num    *float64
	Text   string
	Model  *model.APIModel
	Plan   *model.Subscription
	Limits []model.Limit
}

func num(v float64) Value { return Value{Num: &v} }

func optNum(v *float64) Value {
	if v == nil {
		return Value{}
	}
	return num(*v)
}

func text(s string) Value { return Value{Text: s} }

// MarshalJSON writes a number, a text (an entry's id), or null; report
// words what a table shows.
func (v Value) MarshalJSON() ([]byte, error) {
	switch {
	case v.Num != nil:
		return json.Marshal(*v.Num)
	case v.Text != "":
		return json.Marshal(v.Text)
	case v.Model != nil:
		return json.Marshal(v.Model.ID)
	case v.Plan != nil:
		return json.Marshal(v.Plan.ID)
	}
	return []byte("null"), nil
}

func (v Value) same(w Value) bool {
	if (v.Num == nil) != (w.Num == nil) {
		return false
	}
	if v.Num != nil {
		return *v.Num == *w.Num
	}
	return v.Text == w.Text
}

// Move is how far a number moved from A to B, in percent of A (+100 when
// it doubled); ok is false when either side is not a number or A is zero.
func (d Difference) Move() (pct float64, ok bool) {
	if d.A.Num == nil || d.B.Num == nil || *d.A.Num == 0 {
		return 0, false
	}
	return 100 * (*d.B.Num - *d.A.Num) / *d.A.Num, true
}

// field is one compared figure of an entry.
type field struct {
	name string
	v    Value
}

func modelFields(m *model.APIModel) []field {
	fs := append([]field{{"tier", text(m.Tier.String())}}, rateFields("", &m.Rates)...)
	fs = append(fs, field{"batch_discount", num(m.BatchDiscount)})
	threshold, long := Value{}, (*model.Rates)(nil)
	if lc := m.LongContext; lc != nil {
		threshold, long = num(lc.Threshold), &lc.Rates
	}
	fs = append(fs, field{"long_context.threshold", threshold})
	fs = append(fs, rateFields("long_context.", long)...)
	return append(fs,
		field{"context_window", num(m.ContextWindow)},
		field{"max_output", num(m.MaxOutput)},
		field{"status", text(m.Status)},
		field{"confidence", text(m.Confidence)},
		field{"as_of", text(m.AsOf)},
		field{"source", text(m.Source)},
	)
}

// rateFields are the prices of r, their names after prefix; nothing when r
// is nil (a model without a long-context tier).
func rateFields(prefix string, r *model.Rates) []field {
	var in, out Value
	var read, write, write1h *float64
	if r != nil {
		in, out, read, write, write1h = num(r.Input), num(r.Output), r.CacheRead, r.CacheWrite, r.CacheWrite1h
	}
	return []field{
		{prefix + "input", in},
		{prefix + "output", out},
		{prefix + "cache_read", optNum(read)},
		{prefix + "cache_write", optNum(write)},
		{prefix + "cache_write_1h", optNum(write1h)},
	}
}

// limitsKey is what plans' limits are compared by: each limit's capacity,
// unit, window, tiers and confidence. It is a key, not a display: report
// words the limits a difference shows (its Limits).
func limitsKey(ls []model.Limit) string {
	var limits []string
	for _, l := range ls {
		s := fmt.Sprintf("%s %s/%sh", strconv.FormatFloat(l.Capacity(), 'f', -1, 64), l.Unit(), strconv.FormatFloat(l.WindowHours, 'f', -1, 64))
		if len(l.Tiers) > 0 {
			var ts []string
			for _, t := range l.Tiers {
				ts = append(ts, t.String())
			}
			s += " [" + strings.Join(ts, ",") + "]"
		}
		if l.Confidence != "" {
			s += " (" + l.Confidence + ")"
		}
		limits = append(limits, s)
	}
	return strings.Join(limits, "; ")
}

func planFields(p *model.Subscription) []field {
	limits := Value{Text: limitsKey(p.Limits)}
	if len(p.Limits) > 0 {
		limits.Limits = p.Limits
	}
	return []field{
		{"price_monthly", num(p.PriceMonthly)},
		{"price_annual", optNum(p.PriceAnnual)},
		{"seats_min", num(float64(p.SeatsMin))},
		{"models", text(strings.Join(p.Models, ", "))},
		{"context_window", num(p.ContextWindow)},
		{"limits", limits},
		{"api_credit_monthly", num(p.APICreditMonthly)},
		{"status", text(p.Status)},
		{"confidence", text(p.Confidence)},
		{"as_of", text(p.AsOf)},
		{"source", text(p.Source)},
	}
}

// DiffModel lists the figures of API model b that differ from a's, left
// out its provenance (confidence, source, as_of).
func DiffModel(a, b *model.APIModel) []Difference {
	var out []Difference
	fa, fb := modelFields(a), modelFields(b)
	for i := range fa {
		switch fa[i].name {
		case "confidence", "source", "as_of":
			continue
		}
		if !fa[i].v.same(fb[i].v) {
			out = append(out, Difference{Kind: "api", ID: b.ID, Name: b.Name, Field: fa[i].name, A: fa[i].v, B: fb[i].v})
		}
	}
	return out
}

// Diff lists every price, limit, tokenizer factor and provenance figure
// that differs from catalog a to catalog b: entries of both in a's order,
// then entries only b has.
func Diff(a, b *plans.Catalog) []Difference {
	out := diffEntries("api", a.Models, b.Models, modelFields,
		func(m *model.APIModel) (string, string, Value) { return m.ID, m.Name, Value{Model: m} })
	out = append(out, diffEntries("subscription", a.Plans, b.Plans, planFields,
		func(p *model.Subscription) (string, string, Value) { return p.ID, p.Name, Value{Plan: p} })...)
	fams := slices.Sorted(maps.Keys(a.Tokenizers))
	for f := range b.Tokenizers {
		if _, ok := a.Tokenizers[f]; !ok {
			fams = append(fams, f)
		}
	}
	slices.Sort(fams)
	for _, f := range fams {
		la, lb := a.Tokenizers[f], b.Tokenizers[f]
		langs := slices.Collect(maps.Keys(la))
		for l := range lb {
			if _, ok := la[l]; !ok {
				langs = append(langs, l)
			}
		}
		slices.Sort(langs)
		for _, l := range langs {
			va, okA := la[l]
			vb, okB := lb[l]
			x, y := Value{}, Value{}
			if okA {
				x = num(va)
			}
			if okB {
				y = num(vb)
			}
			if !x.same(y) {
				out = append(out, Difference{Kind: "tokenizer", ID: f, Name: f, Field: l, A: x, B: y})
			}
		}
	}
	return out
}

// diffEntries compares the entries of one kind, API models or plans: each
// of as against b's entry of its id (named as b names it), or as one only a
// has; then the entries only b has. entry gives an entry's id, name and the
// Value that stands for the whole entry.
func diffEntries[E any](kind string, as, bs []E, fields func(*E) []field, entry func(*E) (id, name string, whole Value)) []Difference {
	find := func(es []E, id string) *E {
		for i := range es {
			if eid, _, _ := entry(&es[i]); eid == id {
				return &es[i]
			}
		}
		return nil
	}
	var out []Difference
	for i := range as {
		ea := &as[i]
		id, name, whole := entry(ea)
		eb := find(bs, id)
		if eb == nil {
			out = append(out, Difference{Kind: kind, ID: id, Name: name, Field: "entry", A: whole})
			continue
		}
		_, name, _ = entry(eb)
		fa, fb := fields(ea), fields(eb)
		for j := range fa {
			if !fa[j].v.same(fb[j].v) {
				out = append(out, Difference{Kind: kind, ID: id, Name: name, Field: fa[j].name, A: fa[j].v, B: fb[j].v})
			}
		}
	}
	for i := range bs {
		id, name, whole := entry(&bs[i])
		if find(as, id) == nil {
			out = append(out, Difference{Kind: kind, ID: id, Name: name, Field: "entry", B: whole})
		}
	}
	return out
}
