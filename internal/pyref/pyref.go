// Package pyref runs, for tests, the Python implementations written from
// DESIGN.md alone (scripts/*.py, testdata/*.py) that the Go code is compared
// with: JSON in on standard input, JSON out on standard output.
package pyref

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// Run runs script with python3, in written as JSON on its standard input,
// and decodes what it prints into out. It skips the test when python3 is
// not installed, and fails it, with what the script wrote to standard
// error, when the script fails.
func Run(t testing.TB, script string, in, out any) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is needed for", script)
	}
	body, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, script)
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatalf("%s printed %.300q: %v", script, res, err)
	}
}

// Cases is how many random cases a comparison draws: the count in the
// environment variable env (a longer run asks for more), else def, quick
// enough for every go test ./... .
func Cases(t testing.TB, env string, def int) int {
	t.Helper()
	s := os.Getenv(env)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive count", env, s)
	}
	return n
}
