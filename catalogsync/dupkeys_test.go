package catalogsync

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/plans"
)

// A key given twice in one object of a price file is an error at the second
// one: encoding/json keeps the last without a word, and which price the file
// means is not ours to guess.
func TestDuplicateKeysRefused(t *testing.T) {
	cur, err := plans.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	entry := `{"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}`
	for _, tc := range []struct {
		name, format, data string
		line, col          int
		key                string // "" = accepted
	}{
		{"a model twice", "litellm", "{\n  \"gpt-5.5\": " + entry + ",\n  \"gpt-5.5\": " + entry + "\n}", 3, 3, "gpt-5.5"},
		// Column 91: 90 bytes of the line come before the second key's quote.
		{"a price twice in an entry", "litellm", `{"gpt-5.5": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06,` +
			` "input_cost_per_token": 9e-06, "output_cost_per_token": 2e-06}}`, 1, 91, "input_cost_per_token"},
		{"same key in two objects is fine", "litellm", `{"gpt-5.5": ` + entry + `, "gpt-5": ` + entry + `}`, 0, 0, ""},
		{"a pricing field twice (openrouter)", "openrouter", `{"data": [{"id": "openai/gpt-5.5", "pricing": {"prompt": "0.000001",` + "\n" +
			`"prompt": "0.000002", "completion": "0.00001"}}]}`, 2, 1, "prompt"},
		{"data twice (openrouter)", "openrouter", `{"data": [], "data": []}`, 1, 14, "data"}, // `{"data": [], ` is 13 bytes
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := ImportOptions{Name: "p.json", Source: "s", AsOf: "2026-11-27", Today: "2026-11-27"}
			if tc.format == "litellm" {
				_, err = ImportLiteLLM(cur, []byte(tc.data), opt)
			} else {
				_, err = ImportOpenRouter(cur, []byte(tc.data), opt)
			}
			if tc.key == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *plans.Error
			if !errors.As(err, &e) || e.Line != tc.line || e.Col != tc.col || !strings.Contains(e.Msg, `key "`+tc.key+`" is given twice`) {
				t.Errorf("error %v, want p.json:%d:%d: key %q is given twice", err, tc.line, tc.col, tc.key)
			}
		})
	}
}

// What the check costs, per byte of a price file (LiteLLM's is about 1.5 MB).
func BenchmarkDuplicateKey(b *testing.B) {
	data, err := os.ReadFile("testdata/litellm.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := duplicateKey("f", data); err != nil {
			b.Fatal(err)
		}
	}
}
