package plans

import (
	"math"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// A price of 1e-320 once printed as 330 digits; it takes a few now, and an
// overlay holding it reads back the same.
func TestNumBounded(t *testing.T) {
	for _, tc := range []struct {
		v         float64
		num, yaml string
	}{
		{0, "0", "0"},
		{1.25, "1.25", "1.25"},
		{0.000001, "0.000001", "0.000001"}, // 1e-6: the last plain one
		{1e6, "1000000", "1000000"},
		{1e-320, "1e-320", "1.0e-320"},
		{-2.5e-7, "-2.5e-07", "-2.5e-07"},
		{1e21, "1e+21", "1.0e+21"},
		{math.MaxFloat64, "1.7976931348623157e+308", "1.7976931348623157e+308"},
	} {
		if got := Num(tc.v); got != tc.num {
			t.Errorf("Num(%v) = %q, want %q", tc.v, got, tc.num)
		}
		if got := yamlNumber(tc.v); got != tc.yaml {
			t.Errorf("yamlNumber(%v) = %q, want %q", tc.v, got, tc.yaml)
		}
	}
	base := overlayBase(t)
	o := &Overlay{}
	o.PutModel(model.APIModel{ID: "acme-nano", Provider: "acme", Name: "Acme Nano", Tier: model.Small, Rates: model.Rates{Input: 1e-320, Output: 1}, ContextWindow: 1000}, nil)
	data, err := MarshalOverlay(base, o) // fails unless it reads back the same
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 200 {
		t.Errorf("an overlay of one model takes %d bytes:\n%s", len(data), data)
	}
}
