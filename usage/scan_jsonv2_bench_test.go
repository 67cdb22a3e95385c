//go:build goexperiment.jsonv2

package usage

import (
	jsonv2 "encoding/json/v2"
	"testing"
)

func BenchmarkClaudeLineJSONv2(b *testing.B) {
	lines, size := usageLines(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, l := range lines {
			var v claudeJSON
			_ = jsonv2.Unmarshal(l, &v)
		}
	}
}
