package model

// Verdict answers the user's question in one line: the cheapest option, its
// margin over the best option of the other kind, and the plan a user would
// expect to win that does not fit.
type Verdict struct {
	Best  *Quote // cheapest eligible option; nil when nothing is eligible
	Rival *Quote // cheapest eligible option of the other kind (plans vs API and mixes)
	// Margin is Rival.Monthly − Best.Monthly (≥ 0) and MarginPct that as a share of Rival.Monthly.
	Margin, MarginPct float64
	// Blocked is the cheapest paid plan whose base price is at most Best's cost
	// but which cannot take some class at all (context window, tier): the
	// surprise worth telling. Running over usage caps is not one; BlockedReason
	// says why.
	Blocked       *Quote
	BlockedReason string
}

// Verdict reads the ranked quotes of r.
func (r *Result) Verdict() Verdict {
	var v Verdict
	for i := range r.Quotes {
		q := &r.Quotes[i]
		if !q.Eligible {
			continue
		}
		if v.Best == nil {
			v.Best = q
			continue
		}
		if (q.Kind == KindSubscription) != (v.Best.Kind == KindSubscription) {
			v.Rival = q
			break
		}
	}
	if v.Best == nil {
		return v
	}
	if v.Rival != nil {
		v.Margin = v.Rival.Monthly - v.Best.Monthly
		if v.Rival.Monthly > 0 {
			v.MarginPct = 100 * v.Margin / v.Rival.Monthly
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		if q.Kind != KindSubscription || q.Fits || q.Base <= 0 || q.Base > v.Best.Monthly || q == v.Best || q.Why == WhyCaps {
			continue
		}
		if v.Blocked == nil || q.Base < v.Blocked.Base {
			v.Blocked = q
		}
	}
	if v.Blocked != nil {
		v.BlockedReason = v.Blocked.Reason
	}
	return v
}
