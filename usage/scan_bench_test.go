package usage

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

// The hand-written scanner (scan.go) is kept because it reads Claude Code
// lines several times faster than a decoder: these benchmarks are the
// evidence. Each reads the same usage lines of generated logs (message
// content included, as real lines hold it) into the fields the importer
// needs. Under GOEXPERIMENT=jsonv2, BenchmarkClaudeLineJSONv2 adds
// encoding/json/v2:
//
//	go test ./usage -run '^$' -bench ClaudeLine
//	GOEXPERIMENT=jsonv2 go test ./usage -run '^$' -bench ClaudeLine

// claudeJSON is the part of a Claude Code line the importer reads, for the
// decoders.
type claudeJSON struct {
	Timestamp   string `json:"timestamp"`
	SessionID   string `json:"sessionId"`
	Version     string `json:"version"`
	RequestID   string `json:"requestId"`
	IsSidechain bool   `json:"isSidechain"`
	Message     struct {
		ID    string `json:"id"`
		Model string `json:"model"`
		Usage struct {
			Input         uint32 `json:"input_tokens"`
			Output        uint32 `json:"output_tokens"`
			CacheRead     uint32 `json:"cache_read_input_tokens"`
			CacheWrite    uint32 `json:"cache_creation_input_tokens"`
			CacheCreation *struct {
				W5m uint32 `json:"ephemeral_5m_input_tokens"`
				W1h uint32 `json:"ephemeral_1h_input_tokens"`
			} `json:"cache_creation"`
			Speed string `json:"speed"`
		} `json:"usage"`
	} `json:"message"`
}

// usageLines are the usage lines of about 8 MB of generated Claude Code logs.
func usageLines(b *testing.B) ([][]byte, int64) {
	b.Helper()
	dir := b.TempDir()
	if _, err := loggen.Claude(dir, loggen.Config{Seed: 7, Bytes: 8 << 20, Days: 30}); err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	var size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			if hasUsageMarker(sc.Bytes()) {
				lines = append(lines, bytes.Clone(sc.Bytes()))
				size += int64(len(sc.Bytes()))
			}
		}
		return sc.Err()
	})
	if err != nil {
		b.Fatal(err)
	}
	return lines, size
}

// benchDecoder reads every usage line with decode.
func benchDecoder(b *testing.B, decode func(line []byte)) {
	lines, size := usageLines(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, l := range lines {
			decode(l)
		}
	}
}

func BenchmarkClaudeLineScanner(b *testing.B) {
	var r claudeRec
	benchDecoder(b, func(l []byte) { parseClaudeLine(l, &r) }) // the generator writes a few bad lines on purpose
}

func BenchmarkClaudeLineEncodingJSON(b *testing.B) {
	benchDecoder(b, func(l []byte) {
		var v claudeJSON
		_ = json.Unmarshal(l, &v)
	})
}
