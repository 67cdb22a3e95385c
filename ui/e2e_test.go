package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/plans"
)

// TestEndToEnd starts the real binary in tmux, moves a slider and checks a
// cost on screen changes, resizes the window, saves a file and quits.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	root := moduleRoot(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "tokenomics")
	if out, err := exec.Command("go", "build", "-C", root, "-o", bin, "./cmd/tokenomics").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// A private tmux server, so nothing of the user's own sessions is touched.
	sock := fmt.Sprintf("tokenomics-e2e-%d", os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	script := fmt.Sprintf("env HOME=%[1]s XDG_CONFIG_HOME=%[1]s/config XDG_STATE_HOME=%[1]s/state TERM=xterm-256color %[2]s; echo EXITED $?; sleep 60", dir, bin)
	tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, script)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	contains := func(sub string) func(string) bool {
		return func(s string) bool { return strings.Contains(s, sub) }
	}

	s := waitFor("the plans pane", contains("Plans, cheapest first"))
	before := topCost(s)
	if before == "" {
		t.Fatalf("no cost on the first plan row:\n%s", s)
	}
	tmux("send-keys", "-t", "e2e", "Right")
	s = waitFor("a cost to change", func(s string) bool { c := topCost(s); return c != "" && c != before })
	if !strings.Contains(s, "50 /day") {
		t.Errorf("slider did not move to 50 /day:\n%s", s)
	}

	tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	s = waitFor("the narrow layout", func(s string) bool {
		return strings.Contains(s, "Plans, cheapest first") && !strings.Contains(s, "┤") // a compact chart, no plot
	})
	for i, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line %d is %d wide after the resize: %q", i, n, l)
		}
	}

	tmux("send-keys", "-t", "e2e", "C-s")
	waitFor("the save prompt", contains("Save workload to"))
	tmux("send-keys", "-t", "e2e", "C-u", "mine.yaml", "Enter")
	waitFor("the save to finish", contains("saved mine.yaml"))
	w, err := plans.LoadWorkload(filepath.Join(dir, "mine.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Classes[0].Count != 50 {
		t.Errorf("saved count %v, want 50", w.Classes[0].Count)
	}

	tmux("send-keys", "-t", "e2e", "x")
	waitFor("the volume multiplier", contains("Your work ×2"))
	// An edit after the save: the header marks it and q asks; s saves it
	// to mine.yaml (50 → 60, the slider's next rung) and quits.
	tmux("send-keys", "-t", "e2e", "Right")
	waitFor("the unsaved mark", contains("mine.yaml ● modified"))
	tmux("send-keys", "-t", "e2e", "q")
	waitFor("the quit question", contains("Unsaved edits to mine.yaml"))
	tmux("send-keys", "-t", "e2e", "s")
	waitFor("a clean exit", contains("EXITED 0"))
	if w, err := plans.LoadWorkload(filepath.Join(dir, "mine.yaml")); err != nil || w.Classes[0].Count != 60 {
		t.Errorf("mine.yaml after s at the quit question: %v, %+v", err, w.Classes)
	}
	if _, err := os.Stat(filepath.Join(dir, "state", "tokenomics", "workload.yaml")); err != nil {
		t.Errorf("no state file after quitting: %v", err)
	}
	// The multiplier is kept beside the state, not in the workload.
	if b, err := os.ReadFile(filepath.Join(dir, "state", "tokenomics", "prefs.yaml")); err != nil || !strings.Contains(string(b), "volume: 2") {
		t.Errorf("prefs after quitting: %v %q", err, b)
	}
}

// topRow matches the first ranked option and its monthly cost.
var topRow = regexp.MustCompile(`│ [›▸ ] +1 [^│]*?\s(\$[0-9,]+\.[0-9]{2})\s`)

func topCost(screen string) string {
	if m := topRow.FindStringSubmatch(screen); m != nil {
		return m[1]
	}
	return ""
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}
