package model

import (
	"strings"
	"testing"
)

// A workload's name is at most MaxName characters, as a class's is, and
// its description at most MaxDescription, counted as characters (2000 of
// 한, 6000 bytes, is a description of 2000).
func TestWorkloadTextLength(t *testing.T) {
	for _, tc := range []struct {
		field string
		max   int
		set   func(w *Workload, s string)
		want  string // the error one character over
	}{
		{"name", MaxName, func(w *Workload, s string) { w.Name = s }, "name: is 257 characters long; a name has at most 256"},
		{"description", MaxDescription, func(w *Workload, s string) { w.Description = s }, "description: is 2001 characters long; a description has at most 2000"},
	} {
		w := NewWorkload("w")
		tc.set(&w, strings.Repeat("한", tc.max))
		if err := w.Validate(); err != nil {
			t.Errorf("%s of %d characters: %v", tc.field, tc.max, err)
		}
		tc.set(&w, strings.Repeat("한", tc.max)+"a")
		if err := w.Validate(); err == nil || err.Error() != tc.want {
			t.Errorf("%s of %d characters: %v, want %q", tc.field, tc.max+1, err, tc.want)
		}
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
