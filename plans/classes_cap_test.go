package plans

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// manyClasses is a workload of n classes, one a line: class i (from 0) is
// on line i+2.
func manyClasses(n int) []byte {
	var b strings.Builder
	b.WriteString("classes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: c%d, count: 1, input_tokens: 100, output_tokens: 10}\n", i)
	}
	return []byte(b.String())
}

// A workload may have model.MaxClasses classes; one more is refused at the
// first class too many (the 1,001st, on line 1,002, after its "- ").
func TestClassesCap(t *testing.T) {
	if w, err := ParseWorkload("w.yaml", manyClasses(model.MaxClasses)); err != nil || len(w.Classes) != model.MaxClasses {
		t.Fatalf("%d classes: %d read, %v", model.MaxClasses, len(w.Classes), err)
	}
	for _, n := range []int{model.MaxClasses + 1, 40000} {
		_, err := ParseWorkload("bad.yaml", manyClasses(n))
		checkError(t, err, model.MaxClasses+2, 5, fmt.Sprintf("classes[%d]", model.MaxClasses),
			fmt.Sprintf("a workload has at most 1000 classes; this is class 1001 of %d", n))
	}
	w := model.NewWorkload("x")
	w.Classes = make([]model.Class, model.MaxClasses+1)
	if err := w.Validate(); err == nil || !strings.Contains(err.Error(), "classes: 1001 classes; at most 1000") {
		t.Errorf("Validate: %v", err)
	}
}

// Reading a workload file is bounded by the class cap: 40,000 classes
// (3.6 MB) are refused at the 1,001st without reading the rest.
//
//	go test ./plans -run '^$' -bench Classes
func BenchmarkParseClasses(b *testing.B) {
	for _, n := range []int{1000, 40000} {
		data := manyClasses(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ParseWorkload("w.yaml", data)
			}
		})
	}
}
