// Package userpath writes file paths as the user reads them, one rule for
// the app's screen and the command line's notes: a path under the home
// directory as ~/…. Errors that stop a command keep the path as given, so
// it can be pasted back.
package userpath

import (
	"os"
	"path/filepath"
	"strings"
)

// Shown is p as the user reads it: under the home directory, ~/…; any
// other path as it is. A home of "/" (a service account, a container) is
// no abbreviation: every absolute path would read as ~/….
func Shown(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(home) || !filepath.IsAbs(p) || filepath.Clean(home) == filepath.Dir(home) {
		return p
	}
	rel, err := filepath.Rel(home, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return filepath.Join("~", rel)
}

// Typed is the path p the user typed, perhaps as Shown wrote it: ~ and
// ~/… are in the home directory; any other path is as it is.
func Typed(p string) (string, error) {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, strings.TrimPrefix(p, "~")), nil
}

// InText is s, a message about the file at p (an error naming it, say),
// with p written as Shown(p).
func InText(s, p string) string {
	if p == "" {
		return s
	}
	return strings.ReplaceAll(s, p, Shown(p))
}
