//go:build goexperiment.jsonv2

package usage

import (
	jsonv2 "encoding/json/v2"
	"testing"
)

func BenchmarkClaudeLineJSONv2(b *testing.B) {
	benchDecoder(b, func(l []byte) {
		var v claudeJSON
		_ = jsonv2.Unmarshal(l, &v)
	})
}
