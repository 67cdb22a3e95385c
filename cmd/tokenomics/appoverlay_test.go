package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The app opens without an overlay it found by itself that it cannot use
// (the user's, under XDG config), and says why in its first note; one the
// user named with --catalog-overlay is bad input as in every command:
// exit 2, the error placed in the file.
func TestAppOverlayNamedOrFound(t *testing.T) {
	home := isolate(t)
	found := writeFile(t, filepath.Join(home, ".config", "tokenomics", "catalog.yaml"), badOverlay)
	named := writeFile(t, filepath.Join(home, "mine.yaml"), badOverlay)
	for _, tc := range []struct {
		name string
		in   inputs
		err  string // the error; "" when the app opens
		note string // its first note when it opens
	}{
		{"found", inputs{}, "", "Catalog overlay not used, prices are the embedded catalog's: " + found + ":6:12: api_models[0].input: must not be negative (got -5)"},
		// The user's bad one is there too: the one named is the one used.
		{"named", inputs{overlay: named}, named + ":6:12: api_models[0].input: must not be negative (got -5)", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat, notes, err := appCatalog(&tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || exitCode(err) != 2 {
					t.Fatalf("error %v (exit %d); want exit 2 and %q", err, exitCode(err), tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m, _ := cat.Model("gpt-5.5"); m.Input != 5 {
				t.Errorf("gpt-5.5 input %v, want the embedded 5", m.Input)
			}
			if len(notes) == 0 || notes[0] != tc.note {
				t.Errorf("notes %q; want first %q", notes, tc.note)
			}
		})
	}
}

// The app that opens without the user's overlay it cannot use derives the
// workload of --from without it too, rather than stop on it there.
func TestAppFromWithoutBadOverlay(t *testing.T) {
	home := isolate(t)
	writeFile(t, filepath.Join(home, ".config", "tokenomics", "catalog.yaml"), badOverlay)
	abs, err := filepath.Abs(claudeFixture)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("CLAUDE_CONFIG_DIR", abs)
	in := &inputs{from: "claude-code"}
	cat, _, err := appCatalog(in)
	if err != nil {
		t.Fatal(err)
	}
	w, _, _, err := in.loadWorkload(cat, nil)
	if err != nil {
		t.Fatalf("--from with the user's bad overlay: %v", err)
	}
	if len(w.Classes) == 0 || in.fromLog == nil || len(in.fromLog.Requests()) != 5 { // the fixture's 5 requests
		t.Errorf("workload %+v, log %v", w, in.fromLog)
	}
}
