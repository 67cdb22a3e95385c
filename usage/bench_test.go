package usage

import (
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

// benchLogs generates about TOKENOMICS_BENCH_MB (default 64) megabytes of
// logs into a temporary directory.
func benchLogs(b *testing.B, src Source) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	t, err := loggen.Write(src.String(), dir, loggen.BenchConfig())
	if err != nil {
		b.Fatal(err)
	}
	return dir, t.Bytes
}

// BenchmarkImportClaude reads, sums, prices and fits generated Claude Code
// logs, as `tokenomics import claude-code` does; MB/s is of log bytes.
//
//	TOKENOMICS_BENCH_MB=600 go test ./usage -run '^$' -bench ImportClaude -benchtime 3x
func BenchmarkImportClaude(b *testing.B) { benchImport(b, ClaudeCode) }

// BenchmarkImportCodex is the same for Codex rollouts.
func BenchmarkImportCodex(b *testing.B) { benchImport(b, Codex) }

func benchImport(b *testing.B, src Source) {
	dir, size := benchLogs(b, src)
	cat := embedded(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		l, err := Load(src, Options{Paths: []string{dir}, Location: time.UTC})
		if err != nil {
			b.Fatal(err)
		}
		l.Summarize(cat)
		if _, err := l.Derive(cat, DefaultRule); err != nil {
			b.Fatal(err)
		}
	}
}
