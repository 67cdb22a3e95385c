package ui

import (
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// A class name typed in the app is held to what a workload file may hold,
// and the prompt says which rule it breaks.
func TestCheckNameSaysWhy(t *testing.T) {
	m := New(testOptions(t))
	for _, tc := range []struct{ name, want string }{
		{strings.Repeat("a", model.MaxName), ""},
		{strings.Repeat("a", model.MaxName+1), "at most 256 characters"},
		{"", "a name, please"},
		{"a\u200bb", "printable text only"},
	} {
		got := ""
		if err := m.checkName(tc.name, -1); err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%.20q…: %q, want %q", tc.name, got, tc.want)
		}
	}
}
