package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/safefile/safefiletest"
	"github.com/tokenomics/tokenomics/ui"
)

// What the tool promises about files (README, "Files"), each promise a test.

// runWithin runs the command line and fails the test after 10 s: reading a
// FIFO or a device once hung or grew without bound.
func runWithin(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	type res struct {
		out, errs string
		code      int
	}
	done := make(chan res, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		done <- res{out.String(), errb.String(), code}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.code
	case <-time.After(10 * time.Second):
		t.Fatalf("%v: still running after 10 s", args)
	}
	return "", "", 0
}

// A file named where a file is expected is read only when it is a regular
// file, and no further than its cap: FIFOs, devices and links to them are
// refused at once, with exit status 2 (bad input), and so is a regular
// file over the cap.
func TestNamedFilesRefused(t *testing.T) {
	home := isolate(t)
	f := safefiletest.FIFO(t, filepath.Join(home, "fifo"))
	zero := safefiletest.EndlessLink(t, filepath.Join(home, "zero.jsonl"))
	huge := writeFile(t, filepath.Join(home, "huge.yaml"), "name: "+strings.Repeat("x", 5<<20))
	notRegular := "not a regular file"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--workload", "/dev/zero"}, notRegular},
		{[]string{"compare", "--workload", f}, notRegular},
		{[]string{"compare", "--workload", huge}, "huge.yaml:1:1: the file is larger than 4 MiB, the limit"},
		{[]string{"compare", "--catalog", "/dev/zero"}, notRegular},
		{[]string{"compare", "--catalog-overlay", "/dev/urandom"}, notRegular},
		{[]string{"catalog", "diff", "embedded", "/dev/zero"}, notRegular},
		{[]string{"catalog", "import", "litellm", f}, notRegular},
		{[]string{"catalog", "import", "litellm", zero}, notRegular},
		{[]string{"import", "claude-code", f}, "is not a regular file or a folder"},
		{[]string{"import", "claude-code", zero}, "is not a regular file or a folder"},
		{[]string{"count", f}, notRegular},
		{[]string{"count", "/dev/zero"}, notRegular},
	} {
		_, errs, code := runWithin(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	// A price file over its 64 MiB cap is refused as a device is.
	big := filepath.Join(home, "big.json")
	if err := os.WriteFile(big, nil, 0o644); err != nil || os.Truncate(big, maxPriceFile+1) != nil {
		t.Fatal("cannot make a sparse file")
	}
	if _, errs, code := runWithin(t, "catalog", "import", "litellm", big); code != 2 || !strings.Contains(errs, "larger than 64 MiB") {
		t.Errorf("a 64 MiB + 1 price file: exit %d, %s", code, errs)
	}
}

// A FIFO or a link to a device inside a log folder is skipped and named;
// the logs beside it are read.
func TestImportSkipsSpecialFilesInFolders(t *testing.T) {
	home := isolate(t)
	logs := filepath.Join(home, "logs", "projects", "p")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile("../../usage/testdata/claude/projects/-home-ana-app/s2.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(logs, "s2.jsonl"), string(good))
	safefiletest.FIFO(t, filepath.Join(logs, "fifo.jsonl"))
	out, errs, code := runWithin(t, "import", "claude-code", filepath.Join(home, "logs"))
	if code != 0 || !strings.Contains(out, "fifo.jsonl") || !strings.Contains(out, "not a regular file: skipped") || !strings.Contains(out, "2 requests") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// mode is the permission bits of path.
func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// Saves never write through a symbolic link: --save to a link and an
// overlay whose backup is a link are refused (exit 2), and the files the
// links point to keep their content. New files take 0666 less the umask.
func TestSavesRefuseLinksAndHonourUmask(t *testing.T) {
	home := isolate(t)
	defer syscall.Umask(syscall.Umask(0o077))
	logs := "../../usage/testdata/claude"

	target := writeFile(t, filepath.Join(home, "target.yaml"), "# mine\n")
	link := filepath.Join(home, "link.yaml")
	os.Symlink(target, link)
	if _, errs, code := runWithin(t, "import", "claude-code", logs, "--save", link); code != 2 || !strings.Contains(errs, "symbolic link") {
		t.Errorf("--save to a link: exit %d, %s", code, errs)
	}
	if got := string(readFile(t, target)); got != "# mine\n" {
		t.Errorf("the file behind the link was written: %q", got)
	}

	saved := filepath.Join(home, "new", "saved.yaml")
	mustRun(t, "import", "claude-code", logs, "--save", saved)
	if m := mode(t, saved); m != 0o600 {
		t.Errorf("--save made a file of mode %v under umask 077, want 0600", m)
	}

	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	prices := writeFile(t, filepath.Join(home, "litellm-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	mustRun(t, "catalog", "import", "litellm", prices)
	if m := mode(t, overlay); m != 0o600 {
		t.Errorf("the overlay has mode %v under umask 077, want 0600", m)
	}
	before := readFile(t, overlay)
	os.Symlink(target, overlay+".bak")
	if _, errs, code := runWithin(t, "catalog", "import", "litellm", writeFile(t, filepath.Join(home, "p2.json"), litellmGPT55("7e-06", "3.6e-05"))); code != 2 || !strings.Contains(errs, "symbolic link") {
		t.Errorf("a backup that is a link: exit %d, %s", code, errs)
	}
	if got := string(readFile(t, target)); got != "# mine\n" {
		t.Errorf("the backup went through the link: %q", got)
	}
	if !bytes.Equal(readFile(t, overlay), before) {
		t.Error("the overlay changed")
	}
}

// Exit status: bad usage is 2; a write that fails is 1, not bad input.
func TestExitCodes(t *testing.T) {
	home := isolate(t)
	file := writeFile(t, filepath.Join(home, "file"), "x")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"compare", "extra"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"compare", "--preset"}, 2},
		{[]string{"catalog", "diff", "embedded"}, 2},
		{[]string{"import", "claude-code", "../../usage/testdata/claude", "--save", filepath.Join(file, "w.yaml")}, 1},
	} {
		if _, errs, code := runWithin(t, tc.args...); code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.code, errs)
		}
	}
	if c := exitCode(&ui.StateError{Err: &safefile.WriteError{Path: "x", Err: syscall.ENOSPC}}); c != 1 {
		t.Errorf("a state file not kept at quit: exit %d, want 1", c)
	}
}

// Two imports into one overlay at once both land: each adds its model.
// Without the lock, one read the overlay before the other wrote it, and
// its write lost that update (9 runs in 20).
func TestConcurrentImportsBothLand(t *testing.T) {
	home := isolate(t)
	a := writeFile(t, filepath.Join(home, "a-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	b := writeFile(t, filepath.Join(home, "b-2026-11-25.json"), `{"gpt-5": {"litellm_provider": "openai", "mode": "chat",
  "input_cost_per_token": 2e-06, "output_cost_per_token": 1.2e-05, "max_input_tokens": 400000, "max_output_tokens": 128000}}`)
	for round := range 5 {
		overlay := filepath.Join(home, strconv.Itoa(round), "catalog.yaml")
		var wg sync.WaitGroup
		for _, src := range []string{a, b} {
			wg.Go(func() {
				if _, errs, code := runWithin(t, "catalog", "import", "litellm", src, "--catalog-overlay", overlay); code != 0 {
					t.Errorf("round %d, %s: exit %d, %s", round, src, code, errs)
				}
			})
		}
		wg.Wait()
		got := readFile(t, overlay)
		if !bytes.Contains(got, []byte("- id: gpt-5.5\n")) || !bytes.Contains(got, []byte("- id: gpt-5\n")) {
			t.Fatalf("round %d: an update was lost:\n%s", round, got)
		}
	}
}

// An import that fails on a full disk changes nothing: the overlay and its
// backup keep their content. The test runs itself again under a file-size
// limit (RLIMIT_FSIZE) just above the overlay in place, so the backup's old
// copy-first order would have succeeded and the new overlay fail.
func TestImportOnFullDiskChangesNothing(t *testing.T) {
	if lim := os.Getenv("TOKENOMICS_TEST_FSIZE"); lim != "" {
		n, _ := strconv.ParseUint(lim, 10, 64)
		signal.Ignore(syscall.SIGXFSZ)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			fmt.Println(err)
			os.Exit(9)
		}
		os.Exit(run(strings.Split(os.Getenv("TOKENOMICS_TEST_ARGS"), "\n"), nil, os.Stdout, os.Stderr))
	}
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	mustRun(t, "catalog", "import", "litellm", writeFile(t, filepath.Join(home, "p-2026-11-24.json"), litellmGPT55("6e-06", "3.6e-05")))
	mustRun(t, "catalog", "import", "litellm", writeFile(t, filepath.Join(home, "p-2026-11-25.json"), litellmGPT55("7e-06", "3.6e-05")))
	current, previous := readFile(t, overlay), readFile(t, overlay+".bak")

	// Both models: an overlay larger than the one in place.
	both := writeFile(t, filepath.Join(home, "p-2026-11-26.json"), `{"gpt-5.5": {"litellm_provider": "openai", "mode": "chat",
  "input_cost_per_token": 8e-06, "output_cost_per_token": 3.6e-05, "max_input_tokens": 1050000, "max_output_tokens": 128000},
  "gpt-5": {"litellm_provider": "openai", "mode": "chat",
  "input_cost_per_token": 2e-06, "output_cost_per_token": 1.2e-05, "max_input_tokens": 400000, "max_output_tokens": 128000}}`)
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportOnFullDiskChangesNothing$")
	cmd.Env = append(os.Environ(), "TOKENOMICS_TEST_FSIZE="+strconv.Itoa(len(current)+16),
		"TOKENOMICS_TEST_ARGS="+strings.Join([]string{"catalog", "import", "litellm", both}, "\n"))
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 || !bytes.Contains(out, []byte("is left as it was: writing "+overlay+": file too large")) {
		t.Fatalf("exit %v, want 1 and the overlay left as it was:\n%s", err, out)
	}
	if !bytes.Equal(readFile(t, overlay), current) || !bytes.Equal(readFile(t, overlay+".bak"), previous) {
		t.Error("the overlay or its backup changed")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(overlay), ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// Both commands that rewrite the overlay wait for another one writing it,
// then give up with the same words, exit 1 (not bad input), and leave the
// overlay as it was.
func TestOverlayRewritesWaitForTheLock(t *testing.T) {
	home := isolate(t)
	overlay := filepath.Join(home, ".config", "tokenomics", "catalog.yaml")
	prices := writeFile(t, filepath.Join(home, "litellm-2026-11-25.json"), litellmGPT55("6e-06", "3.6e-05"))
	mustRun(t, "catalog", "import", "litellm", prices)
	before := readFile(t, overlay)

	unlock, err := safefile.Lock(overlay, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	wait := lockWait
	lockWait = 50 * time.Millisecond
	defer func() { lockWait = wait }()

	want := "the overlay " + overlay + " is left as it was: writing " + overlay + ": another tokenomics is writing it"
	for _, args := range [][]string{
		{"catalog", "import", "litellm", prices},
		{"calibrate", "claude-code", calibrateClaude, "--plan", "claude-pro", "-z", "Europe/Paris", "--save"},
	} {
		if _, errs, code := runWithin(t, args...); code != 1 || !strings.Contains(errs, want) {
			t.Errorf("%v: exit %d, %q; want 1 and %q", args, code, errs, want)
		}
		if !bytes.Equal(readFile(t, overlay), before) {
			t.Errorf("%v changed the overlay", args)
		}
		if _, err := os.Stat(overlay + ".bak"); !os.IsNotExist(err) {
			t.Errorf("%v: a backup: %v", args, err)
		}
	}
}

// import --save makes a new file: one already there is the user's and is
// refused (exit 2) and kept byte for byte, before any log is read (the
// logs named do not exist); a new path is written.
func TestImportSaveKeepsAnExistingFile(t *testing.T) {
	home := isolate(t)
	mine := writeFile(t, filepath.Join(home, "mine.yaml"), "# my workload\nname: mine\n")
	for _, logs := range []string{"../../usage/testdata/claude", filepath.Join(home, "no-such-logs")} {
		_, errs, code := runWithin(t, "import", "claude-code", logs, "--save", mine)
		if code != 2 || !strings.Contains(errs, "--save: write "+mine+": a file is there already: not replaced") {
			t.Errorf("%s: exit %d, %s", logs, code, errs)
		}
		if got := string(readFile(t, mine)); got != "# my workload\nname: mine\n" {
			t.Fatalf("the file was replaced: %q", got)
		}
	}
	fresh := filepath.Join(home, "fresh.yaml")
	if out := mustRun(t, "import", "claude-code", "../../usage/testdata/claude", "--save", fresh); !strings.Contains(out, "Saved the workload to "+fresh) {
		t.Errorf("a new file:\n%s", out)
	}
}
