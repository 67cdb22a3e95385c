package catalogsync

import (
	"errors"
	"testing"

	"github.com/tokenomics/tokenomics/plans"
)

// fuzzImport: whatever the bytes, an import answers without panicking, with
// a positioned *plans.Error for a file it cannot read; everything it accepts,
// every entry added (--add of every provider) and every newer one replaced,
// writes an overlay that loads and prices to finite, non-negative costs.
func fuzzImport(f *testing.F, imp func(*plans.Catalog, []byte, ImportOptions) (*ImportResult, error), fixtures []string, texts ...string) {
	for _, name := range fixtures {
		f.Add(fixture(f, name))
	}
	for _, s := range texts {
		f.Add([]byte(s))
	}
	base := importBase(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := importOpts()
		opt.addAll, opt.Force = true, true
		res, err := imp(base, data, opt)
		if err != nil {
			var pe *plans.Error
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Msg == "" {
				t.Fatalf("error %T without a place: %v", err, err)
			}
			return
		}
		checkImported(t, base, res)
	})
}

func FuzzImportLiteLLM(f *testing.F) {
	fuzzImport(f, ImportLiteLLM, []string{"litellm.json", "litellm-malformed.json"},
		`{"m": {"litellm_provider": "xai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "max_input_tokens": 1000, "input_cost_per_token_above_0k_tokens": 5e-06}}`,
		`{"all/x": {"litellm_provider": "all", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0, "max_input_tokens": 1e9, "max_output_tokens": 1e9, "input_cost_per_token_batches": 0, "output_cost_per_token_batches": 0}}`,
		`{"a\u0007b": {"litellm_provider": "p\n", "mode": "chat", "input_cost_per_token": 1e-1, "output_cost_per_token": 1e-1, "max_input_tokens": 5, "source": "\u2028x\"#"}}`,
		`{"x": []}`, `[]`, `{`)
}

func FuzzImportOpenRouter(f *testing.F) {
	fuzzImport(f, ImportOpenRouter, []string{"openrouter.json", "openrouter-malformed.json"},
		`{"data": [{"id": "a/b", "name": ": ", "context_length": 1, "pricing": {"prompt": "1e-7", "completion": 0.5, "input_cache_write": "0"}}]}`,
		`{"data": [{"id": "/", "pricing": {"prompt": "0", "completion": "0"}, "context_length": 10}]}`,
		`{"data": null}`, `{"data": [1, "x", null]}`)
}
