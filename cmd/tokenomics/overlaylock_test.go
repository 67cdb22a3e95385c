package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/safefile"
)

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
