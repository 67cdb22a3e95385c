package plans

import (
	"fmt"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// catalog import --add puts every model of a price file into the overlay
// and writes it (which reads it back): that work must grow with the number
// of models, not its square.
//
//	go test ./plans -run '^$' -bench Overlay

func manyModels(b *testing.B, n int) (*Catalog, []model.APIModel) {
	b.Helper()
	base, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	ms := make([]model.APIModel, n)
	for i := range ms {
		ms[i] = base.Models[0].Clone()
		ms[i].ID = fmt.Sprintf("model-%06d", i)
	}
	return base, ms
}

func BenchmarkOverlayPutModel(b *testing.B) {
	for _, n := range []int{1000, 8000, 64000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			_, ms := manyModels(b, n)
			for b.Loop() {
				o := &Overlay{}
				for _, m := range ms {
					o.PutModel(m, nil)
				}
				for _, m := range ms[:n/2] { // replacements
					o.PutModel(m, nil)
				}
			}
		})
	}
}

func BenchmarkOverlayWrite(b *testing.B) {
	for _, n := range []int{500, 1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			base, ms := manyModels(b, n)
			o := &Overlay{}
			for _, m := range ms {
				o.PutModel(m, nil)
			}
			for b.Loop() {
				if _, err := MarshalOverlay(base, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
