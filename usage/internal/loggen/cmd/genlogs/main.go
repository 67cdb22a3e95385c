// Command genlogs writes synthetic Claude Code or Codex CLI logs (see
// package loggen) and prints the token totals a correct reader must find,
// as JSON.
//
//	go run ./usage/internal/loggen/cmd/genlogs -source claude-code -size 600MB -out /tmp/logs
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/usage/internal/loggen"
)

func main() {
	source := flag.String("source", "claude-code", "claude-code or codex")
	size := flag.String("size", "100MB", "about how much to write (KB, MB, GB)")
	out := flag.String("out", "", "directory to write into (CLAUDE_CONFIG_DIR or CODEX_HOME layout)")
	seed := flag.Uint64("seed", 1, "random seed")
	days := flag.Int("days", 120, "days the sessions spread over")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genlogs: -out is required")
		os.Exit(2)
	}
	n, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlogs:", err)
		os.Exit(2)
	}
	cfg := loggen.Config{Seed: *seed, Bytes: n, Days: *days}
	t, err := loggen.Write(*source, *out, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlogs:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(t)
}

func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.m
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("-size %q is not a size like 600MB", s)
	}
	return int64(v * float64(mult)), nil
}
