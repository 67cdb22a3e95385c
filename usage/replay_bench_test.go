package usage_test

import (
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/usage"
	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

// BenchmarkReplayClaude replays generated Claude Code logs (about
// TOKENOMICS_BENCH_MB megabytes, default 64, over a year, as
// BenchmarkImportClaude reads them) against every option of the embedded
// catalog; the logs are read once, outside the timing. MB/s is of log bytes,
// so it sits beside import's figure.
//
//	TOKENOMICS_BENCH_MB=341 go test ./usage -run '^$' -bench 'Replay|ImportClaude' -benchtime 3x
func BenchmarkReplayClaude(b *testing.B) { benchReplay(b, usage.ClaudeCode, false) }

// BenchmarkReplayClaudeFromLogs is the whole `tokenomics replay claude-code`:
// reading the logs included.
func BenchmarkReplayClaudeFromLogs(b *testing.B) { benchReplay(b, usage.ClaudeCode, true) }

// BenchmarkReplayCodex is BenchmarkReplayClaude for Codex rollouts.
func BenchmarkReplayCodex(b *testing.B) { benchReplay(b, usage.Codex, false) }

func benchReplay(b *testing.B, src usage.Source, read bool) {
	dir := b.TempDir()
	tot, err := loggen.Write(src.String(), dir, loggen.BenchConfig())
	if err != nil {
		b.Fatal(err)
	}
	pc, err := plans.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	cat := &pc.Catalog
	load := func() *usage.Log {
		l, err := usage.Load(src, usage.Options{Paths: []string{dir}, Location: time.UTC})
		if err != nil {
			b.Fatal(err)
		}
		return l
	}
	l := load()
	b.SetBytes(tot.Bytes)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		if read {
			l = load()
		}
		recs := replay.Records(l, cat)
		if _, err := replay.Run(recs, cat, replay.Options{Location: time.UTC}); err != nil {
			b.Fatal(err)
		}
		n = len(recs)
	}
	b.ReportMetric(float64(n), "records")
}
