package model_test

import (
	"testing"

	"github.com/tokenomics/tokenomics/internal/testcat"
	"github.com/tokenomics/tokenomics/model"
)

// BenchmarkEvaluate prices the default preset on the whole shipped catalog,
// break-even included: the work of one keystroke in the app, which has to
// fit well inside a frame (16 ms). Its time grows with the catalog and the
// machine's load, so it is read, not asserted.
func BenchmarkEvaluate(b *testing.B) { benchEvaluate(b, model.Evaluate, "") }

// BenchmarkFlips is every flip point of the default preset on the shipped
// catalog: the work the app does after a keystroke, off its path.
func BenchmarkFlips(b *testing.B) {
	cat, w := testcat.Shipped(b)
	r, err := model.Evaluate(w, &cat.Catalog)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Flips()
	}
}

// BenchmarkEvaluateKorean is Evaluate on a Korean workload, where estimated
// factors make every option be priced again at both ends.
func BenchmarkEvaluateKorean(b *testing.B) { benchEvaluate(b, model.Evaluate, "ko") }

// BenchmarkEvaluatePoint is the ranking the app computes on every
// keystroke: the default preset on the shipped catalog at its point, break-
// even included, the ends and the flips left for later.
func BenchmarkEvaluatePoint(b *testing.B) { benchEvaluate(b, model.EvaluatePoint, "") }

// benchEvaluate times eval on the default preset and the shipped catalog,
// in language when it is not "" (else the preset's own).
func benchEvaluate(b *testing.B, eval func(model.Workload, *model.Catalog) (model.Result, error), language string) {
	cat, w := testcat.Shipped(b)
	if language != "" {
		w.Language = language
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eval(w, &cat.Catalog); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluatePointCache is BenchmarkEvaluatePoint as the app runs it
// on a slider step: through one Cache, the first class's count going up
// and down by one, so every class keeps its shape.
func BenchmarkEvaluatePointCache(b *testing.B) {
	cat, w := testcat.Shipped(b)
	var x model.Cache
	counts := []float64{w.Classes[0].Count, w.Classes[0].Count + 1}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.Classes[0].Count = counts[i%2]
		if _, err := x.EvaluatePoint(w, &cat.Catalog); err != nil {
			b.Fatal(err)
		}
	}
}
