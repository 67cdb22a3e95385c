package userpath

import (
	"path/filepath"
	"testing"
)

func TestShown(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, tc := range []struct{ p, want string }{
		{filepath.Join(home, ".local/state/tokenomics/workload.yaml"), "~/.local/state/tokenomics/workload.yaml"},
		{home, "~"},
		// Beside the home directory, not in it: a name that only starts
		// the same is another directory.
		{home + "x/w.yaml", home + "x/w.yaml"},
		{filepath.Dir(home), filepath.Dir(home)},
		{"/etc/w.yaml", "/etc/w.yaml"},
		// Relative: as given, which is how the user typed it.
		{"work/w.yaml", "work/w.yaml"},
		{"../w.yaml", "../w.yaml"},
		// A name that starts with two dots is in the home directory.
		{filepath.Join(home, "..w.yaml"), "~/..w.yaml"},
	} {
		if got := Shown(tc.p); got != tc.want {
			t.Errorf("Shown(%q) = %q, want %q", tc.p, got, tc.want)
		}
	}
	p := filepath.Join(home, "s", "workload.yaml")
	if got, want := InText(p+":1:2: days: must be positive", p), "~/s/workload.yaml:1:2: days: must be positive"; got != want {
		t.Errorf("InText = %q, want %q", got, want)
	}
}

// A home of "/" or none abbreviates nothing: with HOME=/ every absolute
// path is "under" it and would read as ~/….
func TestShownNoHome(t *testing.T) {
	for _, home := range []string{"/", "//", ""} {
		t.Setenv("HOME", home)
		for _, p := range []string{"/etc/w.yaml", "/", "/home/a/w.yaml"} {
			if got := Shown(p); got != p {
				t.Errorf("HOME=%q: Shown(%q) = %q, want it as given", home, p, got)
			}
		}
	}
}

// What Shown writes, typed back, is the path it was written for.
func TestTypedUndoesShown(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, p := range []string{
		filepath.Join(home, "s", "workload.yaml"),
		home,
		"/etc/w.yaml",
		"work/w.yaml",
		"~x/w.yaml", // another user's home: not expanded, as a shell would
	} {
		got, err := Typed(Shown(p))
		if err != nil || got != p {
			t.Errorf("Typed(Shown(%q)) = %q, %v; want it back", p, got, err)
		}
	}
}
