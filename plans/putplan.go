package plans

import (
	"slices"

	"github.com/tokenomics/tokenomics/model"
)

// PutPlan adds s to the overlay, or replaces the overlay's entry with its
// id. s is written with its own limits, even where the entry it replaces
// took them from another plan (limits_like).
func (o *Overlay) PutPlan(s model.Subscription) {
	s = s.Clone()
	if i := slices.IndexFunc(o.Plans, func(x model.Subscription) bool { return x.ID == s.ID }); i >= 0 {
		o.Plans[i] = s
	} else {
		o.Plans = append(o.Plans, s)
	}
	delete(o.likes, s.ID)
}
