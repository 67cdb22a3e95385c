package model

import (
	"strings"
	"testing"
)

// A workload's name is at most MaxName characters, as a class's is.
func TestWorkloadNameLength(t *testing.T) {
	w := NewWorkload(strings.Repeat("é", MaxName))
	if err := w.Validate(); err != nil {
		t.Errorf("%d characters: %v", MaxName, err)
	}
	w.Name += "é"
	if err := w.Validate(); err == nil || err.Error() != "name: is 257 characters long; a name has at most 256" {
		t.Errorf("%d characters: %v", MaxName+1, err)
	}
}

// A workload's description is at most MaxDescription characters, counted
// as characters (2000 of 한, 6000 bytes, is one).
func TestWorkloadDescriptionLength(t *testing.T) {
	w := NewWorkload("w")
	w.Description = strings.Repeat("한", MaxDescription)
	if err := w.Validate(); err != nil {
		t.Errorf("%d characters: %v", MaxDescription, err)
	}
	w.Description += "a"
	if err := w.Validate(); err == nil || err.Error() != "description: is 2001 characters long; a description has at most 2000" {
		t.Errorf("%d characters: %v", MaxDescription+1, err)
	}
}

func TestCheckClassName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Short tasks", ""},
		{" padded ", ""},
		{"한국어 · 日本語", ""},
		{"", "must not be empty"},
		{"   ", "must not be empty"},
		{"a\x07b", "must be one line of printable text (found U+0007)"},
		{"two\nlines", "must be one line of printable text (found U+000A)"},
		{"\t", "must be one line of printable text (found U+0009)"}, // unprintable before blank
		// Characters are counted, not bytes: 256 of 한 (3 bytes each) is a name.
		{strings.Repeat("한", MaxName), ""},
		{strings.Repeat("a", MaxName+1), "is 257 characters long; a name has at most 256"},
		{strings.Repeat("한", 3000), "is 3000 characters long; a name has at most 256"},
	} {
		got := ""
		if err := CheckClassName(tc.name); err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("CheckClassName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
