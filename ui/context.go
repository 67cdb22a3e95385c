package ui

import (
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// shared is the read-only context every part draws from (soft-serve's and
// crush's common.Common): the catalog, the styles and keys, the display
// currency, the workload and its evaluation. A part reads it and never
// changes it; what a part keeps of its own (a cursor, a scroll, the
// selection) is in the part. The root alone changes it, between messages,
// and marks the parts each change leaves stale.
type shared struct {
	cat  *plans.Catalog
	st   *styles
	keys keyMap

	cur   money.Currency // the display currency and its rate: the one currency, written into the workload's file
	w     model.Workload // as edited; its Currency stays empty here (cur says it)
	prefs Prefs          // volume multiplier and the like: the app's, never the workload file's

	evaluation // the workload priced
}

// priced is the workload the model prices: the user's, every count scaled
// by the volume multiplier.
func (sh *shared) priced() model.Workload {
	if sh.prefs.Volume == 1 {
		return sh.w
	}
	return sh.w.Scaled(sh.prefs.Volume)
}

// fileWorkload is the workload as a file keeps it: with the display
// currency, unless that is the default, USD.
func (sh *shared) fileWorkload() model.Workload {
	w := sh.w
	if sh.cur.Code != "USD" {
		w.Currency = sh.cur.Code
	}
	return w
}

// rate is the catalog's exchange rate of a currency code to the dollar;
// "" is USD (plans.Catalog.Rate knows USD, not an empty code).
func (sh *shared) rate(code string) (float64, error) {
	if code == "" {
		return 1, nil
	}
	return sh.cat.Rate(code)
}
