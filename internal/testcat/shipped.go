// Package testcat gives tests and benchmarks the catalogs they run on.
package testcat

import (
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// Shipped is the shipped catalog and the default preset, the sizes of real
// use, for benchmarks (the tests' small catalogs would flatter the timings).
// Tests that check prices use a test catalog under testdata/ instead, so a
// price update does not rewrite them.
func Shipped(tb testing.TB) (*plans.Catalog, model.Workload) {
	tb.Helper()
	cat, err := plans.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	w, err := plans.PresetByName(plans.DefaultPreset)
	if err != nil {
		tb.Fatal(err)
	}
	return cat, w
}
