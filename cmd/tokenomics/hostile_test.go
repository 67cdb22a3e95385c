package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// noRawControls fails the test when out holds a character a terminal would
// act on: ESC, another C0 control but newline and tab, a C1 control, or a
// bidi override or isolate.
func noRawControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("%s: %U printed raw in:\n%s", what, r, out)
			return
		}
	}
}

// What came from a file, a name or a server reaches the terminal escaped:
// a YAML key holding an OSC 52 clipboard write, in the error's field path,
// from every command that reads the overlay; log file names in import's
// notes; a server's reason phrase; a Codex model name with U+202E.
func TestPrintedTextIsSafe(t *testing.T) {
	home := isolate(t)
	const osc = "\x1b]52;c;aGk=\x07"
	overlay := filepath.Join(home, "overlay.yaml")
	if err := os.WriteFile(overlay, []byte("schema: 1\napi_models:\n  - id: x\n    \""+`\e]52;c;aGk=\a`+"\": 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"compare", "--catalog-overlay", overlay},
		{"plans", "--catalog-overlay", overlay},
		{"plans", "--check", "--catalog-overlay", overlay},
		{"catalog", "--catalog-overlay", overlay},
		{"--catalog-overlay", overlay}, // the app, printing as stdout is no terminal
		{"count", "--catalog-overlay", overlay, "-"},
	} {
		out, errs, _ := runCLI(t, args...)
		noRawControls(t, strings.Join(args, " "), out+errs)
		if !strings.Contains(out+errs, `api_models[0].\x1b]52;c;aGk=\x07: unknown field`) {
			t.Errorf("%v: the key is not shown escaped:\n%s%s", args, out, errs)
		}
	}

	// A log folder holding a FIFO named with an escape: not read, and said.
	logs := t.TempDir()
	proj := filepath.Join(logs, "projects", "p")
	os.MkdirAll(proj, 0o755)
	os.WriteFile(filepath.Join(proj, "s.jsonl"), []byte(`{"sessionId":"s","timestamp":"2026-03-02T10:00:00Z","message":{"id":"m","model":"claude-sonnet-4-5","usage":{"input_tokens":1,"output_tokens":1}}}`+"\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(proj, osc+"\u202e.jsonl"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, _ := runCLI(t, "import", "claude-code", logs, "-z", "UTC")
	noRawControls(t, "import", out+errs)
	if !strings.Contains(out, `not read: `) || !strings.Contains(out, `\x1b]52;c;aGk=\x07\u202e.jsonl`) {
		t.Errorf("import: the file not read is not named, escaped:\n%s", out)
	}

	// A Codex model named with U+202E and an escape.
	codex := t.TempDir()
	roll := filepath.Join(codex, "sessions", "2026", "02", "11", "rollout-2026-02-11T09-30-00-x.jsonl")
	os.MkdirAll(filepath.Dir(roll), 0o755)
	os.WriteFile(roll, []byte(`{"timestamp":"2026-02-11T09:30:01.000Z","type":"turn_context","payload":{"model":"gpt-5\u202e\u001b[2J"}}
{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"output_tokens":10},"last_token_usage":{"input_tokens":100,"output_tokens":10}}}}
`), 0o644)
	out, errs, code := runCLI(t, "import", "codex", codex, "-z", "UTC")
	noRawControls(t, "import codex", out+errs)
	if code != 0 || !strings.Contains(out, `gpt-5\u202e`) {
		t.Errorf("import codex: exit %d, the model not shown escaped:\n%s%s", code, out, errs)
	}

	// A server whose reason phrase holds an OSC 52 write.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			bufio.NewReader(c).ReadString('\n')
			io.WriteString(c, "HTTP/1.1 500 Oops "+osc+"\u202e\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			c.Close()
		}
	}()
	_, errs, code = runCLI(t, "catalog", "import", "litellm", "http://"+ln.Addr().String()+"/prices.json", "--dry-run")
	noRawControls(t, "catalog import URL", errs)
	if code == 0 || !strings.Contains(errs, `Oops \x1b]52`) {
		t.Errorf("catalog import URL: exit %d: %s", code, errs)
	}
}

// A read-only overlay (0444) is not replaced by catalog import: refused,
// said, exit 2 as for a path that is a link; the overlay keeps its content.
func TestReadOnlyOverlayRefused(t *testing.T) {
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	mustRun(t, "catalog", "import", "litellm", writeFile(t, filepath.Join(home, "litellm-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05")))
	before := readFile(t, overlay)
	os.Chmod(overlay, 0o444)
	_, errs, code := runCLI(t, "catalog", "import", "litellm", writeFile(t, filepath.Join(home, "litellm-2026-11-26.json"), litellmGPT55("7e-06", "3.6e-05")))
	if code != 2 || !strings.Contains(errs, "read-only: not replaced") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if got := readFile(t, overlay); string(got) != string(before) {
		t.Error("the read-only overlay was replaced")
	}
	if _, err := os.Stat(overlay + ".bak"); err == nil {
		t.Error("a backup was made")
	}
}

// Credentials in an import URL (user:password@, ?token=, ?api_key=) are used
// for the fetch, and never stored in the overlay's source or printed.
func TestImportURLCredentialsStripped(t *testing.T) {
	home := isolate(t)
	var gotToken, gotUser string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotToken = r.URL.Query().Get("token")
		gotUser, _, _ = r.BasicAuth()
		if strings.Contains(r.URL.Path, "missing") {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, litellmGPT55("6e-06", "3.6e-05"))
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	u := "http://ana:s3cretpw@" + host + "/litellm-2026-11-25.json?raw=1&token=tok123&api_key=key456&X-Amz-Signature=sig789"
	out, errs, code := runCLI(t, "catalog", "import", "litellm", u)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if gotToken != "tok123" || gotUser != "ana" {
		t.Errorf("the fetch did not carry the credentials: token %q, user %q", gotToken, gotUser)
	}
	overlay := string(readFile(t, filepath.Join(home, ".config", "tokenomics", "catalog.yaml")))
	for _, secret := range []string{"ana", "s3cretpw", "tok123", "key456", "sig789"} {
		if strings.Contains(out+errs, secret) || strings.Contains(overlay, secret) {
			t.Errorf("%q is printed or stored:\n%s%s\n%s", secret, out, errs, overlay)
		}
	}
	if !strings.Contains(overlay, "litellm http://"+host+"/litellm-2026-11-25.json?raw=1") {
		t.Errorf("the source is not the URL less its credentials:\n%s", overlay)
	}
	_, errs, code = runCLI(t, "catalog", "import", "litellm", "http://ana:s3cretpw@"+host+"/missing.json?token=tok123")
	if code == 0 || strings.Contains(errs, "s3cretpw") || strings.Contains(errs, "tok123") || !strings.Contains(errs, host+"/missing.json") {
		t.Errorf("exit %d: %s", code, errs)
	}
	_, errs, _ = runCLI(t, "catalog", "import", "litellm", "http://ana:s3cretpw@127.0.0.1:1/x.json?token=tok123")
	if strings.Contains(errs, "s3cretpw") || strings.Contains(errs, "tok123") {
		t.Errorf("a failed fetch prints the credentials: %s", errs)
	}
}

// A workload of no class is no comparison ("saves 100%" of nothing): compare
// refuses it, at the classes list, exit 2. The app's state may hold no class
// (the app asks for one): compare on it refuses too.
func TestNoClassesRefused(t *testing.T) {
	home := isolate(t)
	for _, tc := range []struct{ yaml, where string }{
		{"name: none\nclasses: []\n", ":2:10: classes: no class"},
		{"name: none\n", ":1:1: classes: no class"},
	} {
		w := writeFile(t, filepath.Join(home, "w.yaml"), tc.yaml)
		_, errs, code := runCLI(t, "compare", "--workload", w)
		if code != 2 || !strings.Contains(errs, w+tc.where) {
			t.Errorf("%q: exit %d: %s", tc.yaml, code, errs)
		}
	}
	writeFile(t, filepath.Join(home, ".state", "tokenomics", "workload.yaml"), "name: emptied\nclasses: []\n")
	if _, errs, code := runCLI(t, "compare"); code != 2 || !strings.Contains(errs, `the workload "emptied" has no class`) {
		t.Errorf("the state: exit %d: %s", code, errs)
	}
}
