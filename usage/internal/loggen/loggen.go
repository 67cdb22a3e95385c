// Package loggen writes synthetic Claude Code and Codex CLI logs for tests,
// benchmarks and the ccusage comparison (scripts/bench-ccusage.sh). The logs
// have the shape of real ones (see ../shared/reference/peers.md, "Log
// format A" and "B"): message content around the usage, several lines per
// response, sub-agent transcripts, sidechain replays, resumed sessions that
// copy earlier requests, agent-progress wrappers, synthetic messages and
// summaries. Every number is made up; nothing is copied from a real log.
//
// The generator knows which requests are distinct, so it returns the totals
// a correct reader must find after de-duplication.
package loggen

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Config sizes a generated log tree.
type Config struct {
	Seed  uint64
	Bytes int64     // stop once about this many bytes are written
	Start time.Time // first day (UTC); zero is 2026-01-05
	Days  int       // span of days the sessions fall in; 0 is 120
}

// Totals are the de-duplicated token sums of what was written.
type Totals struct {
	Files        int
	Bytes        int64
	Sessions     int
	Requests     int64
	Input        int64
	Output       int64
	CacheRead    int64
	CacheWrite   int64
	CacheWrite1h int64
	Reasoning    int64
	PerModel     map[string]int64 // requests per model name
}

// Write writes the logs of the source named as usage.Source names it,
// "claude-code" or "codex", into dir.
func Write(source, dir string, cfg Config) (Totals, error) {
	switch source {
	case "claude-code":
		return Claude(dir, cfg)
	case "codex":
		return Codex(dir, cfg)
	}
	return Totals{}, fmt.Errorf("source %q is not claude-code or codex", source)
}

// BenchConfig sizes the benchmarks' logs: about TOKENOMICS_BENCH_MB
// megabytes (default 64) over a year.
func BenchConfig() Config {
	mb := 64
	if v, err := strconv.Atoi(os.Getenv("TOKENOMICS_BENCH_MB")); err == nil && v > 0 {
		mb = v
	}
	return Config{Seed: 42, Bytes: int64(mb) << 20, Days: 365}
}

func (t *Totals) count(model string, in, out, read, write, w1h, reasoning int64) {
	t.Requests++
	t.Input += in
	t.Output += out
	t.CacheRead += read
	t.CacheWrite += write
	t.CacheWrite1h += w1h
	t.Reasoning += reasoning
	if t.PerModel == nil {
		t.PerModel = map[string]int64{}
	}
	t.PerModel[model]++
}

// text is a pool of JSON-safe prose to cut message content from: words,
// punctuation, escaped quotes and newlines, and some non-ASCII text.
var text = func() string {
	words := []string{"the", "function", "returns", "error", "when", "file", "is", "missing", "we", "should", "refactor",
		"handler", "test", "passes", "now", "config", "value", "nil", "pointer", "struct", "field", "update", "README",
		"build", "fails", "on", "line", "import", "cycle", "package", "module", "go", "mod", "tidy", "café", "naïve",
		"한국어", "日本語", "\\\"quoted\\\"", "\\n", "\\t", "{", "}", "[", "]", ":", ",", "usage", "input_tokens", "42", "3.14"}
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 0, 1<<20)
	for len(b) < 1<<20-64 {
		b = append(b, words[r.IntN(len(words))]...)
		b = append(b, ' ')
	}
	return string(b)
}()

// cut returns about n bytes of prose that never ends inside an escape.
func cut(r *rand.Rand, n int) string {
	if n <= 0 {
		return ""
	}
	n = min(n, len(text)-1)
	i := r.IntN(len(text) - n)
	// Start and end on a space so no escape or UTF-8 sequence is split.
	for i > 0 && text[i-1] != ' ' {
		i--
	}
	j := i + n
	for j < len(text) && text[j] != ' ' {
		j++
	}
	return text[i:j]
}

func uuid(r *rand.Rand) string {
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", r.Uint32(), r.Uint32()&0xffff, 0x4000|r.Uint32()&0x0fff, 0x8000|r.Uint32()&0x3fff, r.Uint64()&0xffffffffffff)
}

func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// file is a log file being written.
type file struct {
	f *os.File
	w *bufio.Writer
	n int64
}

func create(path string) (*file, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &file{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (f *file) line(b []byte) {
	n, _ := f.w.Write(b)
	f.w.WriteByte('\n')
	f.n += int64(n) + 1
}

func (f *file) close() error {
	if err := f.w.Flush(); err != nil {
		f.f.Close()
		return err
	}
	return f.f.Close()
}

func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// appendJSONString appends s as a JSON string; s is already JSON-safe.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendInt(b []byte, v int64) []byte { return strconv.AppendInt(b, v, 10) }
