package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A date never wraps inside: the line breaks before it. Other hyphens still
// break as ansi.Wrap breaks them.
func TestWrapLinesKeepsDatesWhole(t *testing.T) {
	for _, tc := range []struct {
		s    string
		w    int
		want []string
	}{
		// "as of 2026-10-" is 14 cells: a plain wrap at 14 breaks after the
		// date's second hyphen and leaves "27" alone on the next line.
		{"as of 2026-10-27", 14, []string{"as of", "2026-10-27"}},
		// Fits whole: nothing moves.
		{"as of 2026-10-27", 16, []string{"as of 2026-10-27"}},
		// "(2026-08-28;" is one word with what sticks to it.
		{"reading it on (2026-08-28; earlier", 18, []string{"reading it on", "(2026-08-28;", "earlier"}},
		// Not a date (a year and a month, a long number): breaks after the
		// hyphen as before; "well-known" does too.
		{"a well-known 2026-08 note", 8, []string{"a well-", "known", "2026-08", "note"}},
		{"x 12026-10-27", 9, []string{"x 12026-", "10-27"}},
	} {
		if got := wrapLines(tc.s, tc.w); !slices.Equal(got, tc.want) {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", tc.s, tc.w, got, tc.want)
		}
	}
}

// The detail view of every option, at every width from 20 to 80 cells,
// never ends a line inside a date ("as of 2026-11-" over "01").
func TestDetailNeverBreaksADate(t *testing.T) {
	m := newSized(t, 120, 40)
	cut := regexp.MustCompile(`(^|[^0-9])[0-9]{4}-([0-9]{2}-)?$`)
	for i := range m.res.Quotes {
		q := &m.res.Quotes[i]
		for iw := 20; iw <= 80; iw++ {
			for _, l := range detailLines(&m.shared, q, iw) {
				if l = strings.TrimRight(ansi.Strip(l), " "); cut.MatchString(l) {
					t.Errorf("%s at %d cells: a line ends inside a date: %q", q.Name, iw, l)
				}
			}
		}
	}
}
