package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// SunsetDays is how close a dated end must be for the verdict to warn: a
// model that retires, or is deprecated, within this many days after the
// catalog's day is about to go (`plans --check` lists the same ones).
const SunsetDays = 30

// Sunset is the dated end of a model: the day it retires (it is no longer
// offered from then) or, when no retirement comes that soon, the day it is
// deprecated (the vendor cuts or stops promising capacity).
type Sunset struct {
	ModelID string
	Model   string // its name
	Date    string // YYYY-MM-DD
	Days    int    // Date − the catalog's day: 1 … SunsetDays
	Retires bool   // it retires on Date; else it is deprecated from Date
}

// SunsetOf is m's retirement within SunsetDays after the catalog's day,
// else its deprecation within them (the first of m.EndsOn); false when
// neither comes that soon.
func (c *Catalog) SunsetOf(m *APIModel) (Sunset, bool) {
	if ends := m.EndsOn(c.On()); len(ends) > 0 {
		return ends[0], true
	}
	return Sunset{}, false
}

// EndsOn are m's dated ends to come within SunsetDays after day
// (YYYY-MM-DD): its retirement, then its deprecation, each when it comes
// that soon. A model retired on day (by status or by date: StatusOn) has
// none to come, and one legacy on day no deprecation: a date already passed
// is not to come. The one rule of what is about to go: the verdict warns of
// the first (SunsetOf), plans' Check lists each.
func (m *APIModel) EndsOn(day string) []Sunset {
	status := m.StatusOn(day)
	if status == "retired" {
		return nil
	}
	within := func(date string) (int, bool) {
		d, ok := DaysFrom(day, date)
		return d, ok && d >= 1 && d <= SunsetDays
	}
	var out []Sunset
	if d, ok := within(m.Retired); ok {
		out = append(out, Sunset{ModelID: m.ID, Model: m.Name, Date: m.Retired, Days: d, Retires: true})
	}
	if d, ok := within(m.Deprecated); ok && status != "legacy" {
		out = append(out, Sunset{ModelID: m.ID, Model: m.Name, Date: m.Deprecated, Days: d})
	}
	return out
}

// DaysFrom is how many days date is after from (negative when before),
// both YYYY-MM-DD; false when either is not such a date.
func DaysFrom(from, date string) (int, bool) {
	f, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return 0, false
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return 0, false
	}
	return int(t.Sub(f).Hours() / 24), true
}

// SunsetRole is what the verdict calls an option it names.
type SunsetRole int

// The options a verdict names, in the order its lines name them.
const (
	RoleAnswer    SunsetRole = iota // the answer: Winner
	RoleOther                       // the option the answer beats: Other
	RoleOneVendor                   // the cheapest API option on one provider: OneVendor
	RoleFree                        // the free plan cheaper than both: BestFree
)

var roleNames = [...]string{"answer", "other", "one_vendor", "free"}

func (r SunsetRole) String() string { return roleNames[r] }

// Role is the option v gives role r; nil when it names none.
func (v *Verdict) Role(r SunsetRole) *Quote {
	switch r {
	case RoleAnswer:
		return v.Winner()
	case RoleOther:
		return v.Other()
	case RoleOneVendor:
		return v.OneVendor
	case RoleFree:
		return v.BestFree
	}
	return nil
}

// SunsetWarning is an option the verdict names that runs some of the work
// on models about to go.
type SunsetWarning struct {
	Option  *Quote
	Roles   []SunsetRole // what the verdict calls it: one option may be the answer and the one-vendor option
	Sunsets []Sunset     // soonest first, then by model id
}

// modelsUsed are the ids of the models that carry some of q's tasks, each
// once, in class order: an API option's model, a mix's routes, a plan's
// serving models (for the tasks it keeps) and overflow routes.
func (q *Quote) modelsUsed() []string {
	var ids []string
	add := func(id string) {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, c := range q.Classes {
		if c.Tasks <= 0 {
			continue
		}
		if q.Kind == KindSubscription && c.OnPlan > 0 {
			add(c.Serving)
		}
		if q.Kind != KindSubscription || c.OnPlan < c.Tasks {
			add(c.Model)
		}
	}
	return ids
}

// sunsetsOf are the models q uses that retire or are deprecated within
// SunsetDays after the catalog's day, soonest first.
func (r *Result) sunsetsOf(q *Quote) []Sunset {
	if r.e == nil {
		return nil
	}
	var out []Sunset
	for _, id := range q.modelsUsed() {
		if m, ok := r.e.c.Model(id); ok {
			if s, ok := r.e.c.SunsetOf(m); ok {
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b Sunset) int {
		return cmp.Or(cmp.Compare(a.Days, b.Days), strings.Compare(a.ModelID, b.ModelID))
	})
	return out
}

// SunsetWarnings lists each option v names (the answer, the option it
// beats, the one-vendor option, the free plan) that uses a model about to
// go, each option once with every role it has. It evaluates nothing: cheap
// enough for every keystroke.
func (r *Result) SunsetWarnings(v *Verdict) []SunsetWarning {
	var out []SunsetWarning
	for role := RoleAnswer; role <= RoleFree; role++ {
		q := v.Role(role)
		if q == nil {
			continue
		}
		if i := slices.IndexFunc(out, func(w SunsetWarning) bool { return w.Option.ID == q.ID }); i >= 0 {
			out[i].Roles = append(out[i].Roles, role)
			continue
		}
		if ss := r.sunsetsOf(q); len(ss) > 0 {
			out = append(out, SunsetWarning{Option: q, Roles: []SunsetRole{role}, Sunsets: ss})
		}
	}
	return out
}

// without evaluates the workload again (at the point: no ends) on the
// catalog as it will be once the models ids are gone: each counted retired
// from the catalog's day. It is a whole evaluation, as dear as the first:
// callers keep it off the keystroke path.
func (r *Result) without(ids []string) (Result, error) {
	if r.e == nil {
		return Result{}, nil
	}
	c := *r.e.c
	c.Models = slices.Clone(c.Models)
	for i := range c.Models {
		if slices.Contains(ids, c.Models[i].ID) {
			c.Models[i].Status = "retired"
		}
	}
	return EvaluatePoint(*r.e.w, &c)
}

// SunsetVerdict is the verdict once the models about to go that the
// verdict's options use (SunsetWarnings) are gone, from one evaluation
// without them (Result.without); false when no option it names uses one, or
// the evaluation fails. Its options stand in for the warned ones role by
// role (StandIn).
func (r *Result) SunsetVerdict(current string) (Verdict, bool) {
	v := r.Verdict(current)
	var ids []string
	for _, w := range r.SunsetWarnings(&v) {
		for _, s := range w.Sunsets {
			if !slices.Contains(ids, s.ModelID) {
				ids = append(ids, s.ModelID)
			}
		}
	}
	if len(ids) == 0 {
		return Verdict{}, false
	}
	gone, err := r.without(ids)
	if err != nil || gone.e == nil {
		return Verdict{}, false
	}
	return gone.Verdict(current), true
}

// StandIn is the option of v, the verdict once the models are gone, that
// takes the place of was, the option another verdict gave role r: the
// answer for the answer; for the option the answer beat, the best of its
// side (a paid plan for a plan, an API option for an API option), since the
// answer itself may change sides; the one-vendor option and the free plan
// for theirs. Nil when v has none.
func (v *Verdict) StandIn(r SunsetRole, was *Quote) *Quote {
	if r == RoleOther {
		if was.Kind == KindSubscription {
			return v.BestPlan
		}
		return v.BestAPI
	}
	return v.Role(r)
}
