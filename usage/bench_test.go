package usage

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

// benchLogs generates about TOKENOMICS_BENCH_MB (default 64) megabytes of
// logs into a temporary directory.
func benchLogs(b *testing.B, src Source) (string, int64) {
	b.Helper()
	mb := 64
	if v, err := strconv.Atoi(os.Getenv("TOKENOMICS_BENCH_MB")); err == nil && v > 0 {
		mb = v
	}
	dir := b.TempDir()
	cfg := loggen.Config{Seed: 42, Bytes: int64(mb) << 20, Days: 365}
	var t loggen.Totals
	var err error
	if src == Codex {
		t, err = loggen.Codex(dir, cfg)
	} else {
		t, err = loggen.Claude(dir, cfg)
	}
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
