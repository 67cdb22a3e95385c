package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oddLogs writes a Claude Code log whose requests name models with
// characters a class name cannot hold, beside one the catalog knows, and
// returns its folder.
func oddLogs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	for i, name := range []string{"claude-sonnet-4-5", "x\u00a0y", "x\u00ady", "x\u200by", "x\u2028y", "ev\u202eil", "x\u2066y", "\ufeffz", "p\ue000q", "t\U000E0041g"} {
		quoted, _ := json.Marshal(name)
		fmt.Fprintf(&b, `{"sessionId":"s%d","timestamp":"2026-03-02T10:%02d:00Z","requestId":"r%d","message":{"id":"m%d","model":%s,"usage":{"input_tokens":100,"output_tokens":10}}}`+"\n",
			i, i, i, i, quoted)
	}
	p := filepath.Join(dir, "projects", "p", "s.jsonl")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// One odd character in a log's model name does not sink import or compare
// --from: both answer, exit 0.
func TestOddModelNamesNotFatal(t *testing.T) {
	isolate(t)
	dir := oddLogs(t)
	t.Setenv("CLAUDE_CONFIG_DIR", dir)
	for _, args := range [][]string{
		{"import", "claude-code", dir, "-z", "UTC"},
		{"import", "claude-code", dir, "-z", "UTC", "--compare"},
		{"compare", "--from", "claude-code"},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		if strings.Contains(out+errs, "must be one line of printable text") {
			t.Errorf("%v: %s%s", args, out, errs)
		}
	}
}
