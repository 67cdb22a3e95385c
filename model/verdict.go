package model

// Answer is the verdict's answer to "subscription or API?".
type Answer int

// Answers. AnswerNone: no eligible option at all.
const (
	AnswerNone Answer = iota
	AnswerSubscription
	AnswerAPI
)

func (a Answer) String() string {
	switch a {
	case AnswerSubscription:
		return "subscription"
	case AnswerAPI:
		return "api"
	}
	return "none"
}

// Verdict is the answer to the buyer's question, from every eligible option
// of a result: the best paid plan against the best API option, the saving
// of the cheaper, whether the answer rests on an estimated cap, a free plan
// only when it is cheaper still, and what switching from the plan the user
// pays for now saves. It never crowns a free plan.
type Verdict struct {
	Answer   Answer
	BestAPI  *Quote // cheapest eligible API option or mix; nil when none
	BestPlan *Quote // cheapest eligible paid subscription; nil when none
	// Saving is |BestPlan − BestAPI| per month, and SavingShare that as a
	// share of the dearer (0 when either is missing or the dearer costs 0).
	Saving, SavingShare float64
	// DependsOnEstimate: the answer would differ in a corner of the
	// estimates: BestPlan at its MonthlyLow against BestAPI at its
	// MonthlyHigh, or BestPlan at its MonthlyHigh against BestAPI at its
	// MonthlyLow.
	DependsOnEstimate bool
	// OneVendor is the cheapest eligible API option on one provider only
	// (a single model or a provider's mix); nil when none.
	OneVendor *Quote
	// BestFree is the cheapest eligible free plan when it is cheaper than
	// both BestAPI and BestPlan (those that exist); else nil.
	BestFree *Quote
	// Current is the workload's current plan (nil when none is set or the
	// catalog lacks it); SwitchSaving = Current.Monthly − the answer's cost,
	// meaningful when HasSwitch (Current and the answer are both priced).
	Current      *Quote
	HasSwitch    bool
	SwitchSaving float64
}

// Winner is the option the answer names: BestPlan or BestAPI; nil for AnswerNone.
func (v *Verdict) Winner() *Quote {
	w, _ := v.sides()
	return w
}

// Other is the option the answer beats: BestAPI or BestPlan, possibly nil.
func (v *Verdict) Other() *Quote {
	_, o := v.sides()
	return o
}

func (v *Verdict) sides() (winner, other *Quote) {
	switch v.Answer {
	case AnswerSubscription:
		return v.BestPlan, v.BestAPI
	case AnswerAPI:
		return v.BestAPI, v.BestPlan
	}
	return nil, nil
}

// Verdict reads the quotes of r (ranked or not); current is the id of the
// plan the user pays for now, "" for none.
func (r *Result) Verdict(current string) Verdict { return VerdictOf(r.Quotes, current) }

// cheaper orders options as the ranking does: by monthly cost, then name.
func cheaper(a, b *Quote) bool {
	return b == nil || a.Monthly < b.Monthly || (a.Monthly == b.Monthly && a.Name < b.Name)
}

// VerdictOf is the verdict over any list of quotes (ranked or not), for
// callers that price options their own way; its pointers point into qs.
func VerdictOf(qs []Quote, current string) Verdict {
	var v Verdict
	for i := range qs {
		q := &qs[i]
		if q.Kind == KindSubscription && q.ID == current && current != "" {
			v.Current = q
		}
		if !q.Eligible {
			continue
		}
		switch {
		case q.Kind != KindSubscription:
			if cheaper(q, v.BestAPI) {
				v.BestAPI = q
			}
			if (q.Kind == KindAPI || q.Vendor != "") && cheaper(q, v.OneVendor) {
				v.OneVendor = q
			}
		case q.Free:
			if cheaper(q, v.BestFree) {
				v.BestFree = q
			}
		default:
			if cheaper(q, v.BestPlan) {
				v.BestPlan = q
			}
		}
	}
	switch {
	case v.BestPlan != nil && (v.BestAPI == nil || v.BestPlan.Monthly < v.BestAPI.Monthly):
		v.Answer = AnswerSubscription
	case v.BestAPI != nil:
		v.Answer = AnswerAPI
	}
	if v.BestPlan != nil && v.BestAPI != nil {
		a, p := v.BestAPI.Monthly, v.BestPlan
		v.Saving = max(a, p.Monthly) - min(a, p.Monthly)
		if d := max(a, p.Monthly); d > 0 {
			v.SavingShare = v.Saving / d
		}
		sub := v.Answer == AnswerSubscription
		pl, ph := p.ends()
		al, ah := v.BestAPI.ends()
		v.DependsOnEstimate = (pl < ah) != sub || (ph < al) != sub
	}
	if f := v.BestFree; f != nil {
		for _, o := range []*Quote{v.BestAPI, v.BestPlan} {
			if o != nil && f.Monthly >= o.Monthly {
				v.BestFree = nil
				break
			}
		}
	}
	if w := v.Winner(); w != nil && v.Current != nil && v.Current.Eligible {
		v.HasSwitch, v.SwitchSaving = true, v.Current.Monthly-w.Monthly
	}
	return v
}

// ends are MonthlyLow and MonthlyHigh; a quote built without them (both 0)
// is its point at both ends.
func (q *Quote) ends() (lo, hi float64) {
	if q.MonthlyLow == 0 && q.MonthlyHigh == 0 {
		return q.Monthly, q.Monthly
	}
	return q.MonthlyLow, q.MonthlyHigh
}

// BreakEvenKind is which case a plan's break-even is in.
type BreakEvenKind int

// Break-even cases. The search runs from 1/64× to 64× today's volume.
const (
	BreakEvenNone   BreakEvenKind = iota // not a plan: no break-even applies
	BreakEvenAt                          // the plan pays for itself from K× today's volume (K ≤ 1: it already does)
	BreakEvenAlways                      // the plan costs less than paying per token at every volume searched
	BreakEvenNever                       // paying per token costs less at every volume searched
	BreakEvenFree                        // the plan costs nothing: nothing to pay back
	BreakEvenNoFit                       // no figure: the plan cannot carry the work
	BreakEvenNoAPI                       // no figure: no per-token option can carry the work to compare with
)

// BreakEvenCase is a plan's break-even against the cheapest option of a
// result that pays per token.
type BreakEvenCase struct {
	Kind BreakEvenKind
	K    float64 // BreakEvenAt: the volume multiple
}

// BreakEvenOf is q's break-even case in r.
func (r *Result) BreakEvenOf(q *Quote) BreakEvenCase {
	switch {
	case q.Kind != KindSubscription:
		return BreakEvenCase{}
	case q.HasBreakEven:
		return BreakEvenCase{BreakEvenAt, q.BreakEven}
	case !q.Eligible:
		return BreakEvenCase{Kind: BreakEvenNoFit}
	case q.Base <= 0:
		return BreakEvenCase{Kind: BreakEvenFree}
	}
	a := r.BestPerToken()
	switch {
	case a == nil:
		return BreakEvenCase{Kind: BreakEvenNoAPI}
	case q.Monthly <= a.Monthly:
		return BreakEvenCase{Kind: BreakEvenAlways}
	}
	return BreakEvenCase{Kind: BreakEvenNever}
}

// BestPerToken is r's cheapest eligible API option or mix, nil when none.
func (r *Result) BestPerToken() *Quote {
	var best *Quote
	for i := range r.Quotes {
		if q := &r.Quotes[i]; q.Eligible && q.Kind != KindSubscription && (best == nil || q.Monthly < best.Monthly) {
			best = q
		}
	}
	return best
}
