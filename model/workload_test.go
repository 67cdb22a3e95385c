package model

import "testing"

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
