package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// nbHyphen stands in for a date's hyphens while a text wraps: the wrap
// breaks after every '-', and "as of 2026-10-" over "27" reads as two
// figures. It is one cell wide, as '-' is.
const nbHyphen = "\u2011"

// wrapLines wraps s to w cells (at least 1) at its spaces, as ansi.Wrap
// does, except inside an ISO date (2026-10-27), which moves to the next
// line whole.
func wrapLines(s string, w int) []string {
	s, dates := protectDates(s)
	out := ansi.Wrap(s, max(w, 1), " ")
	if dates {
		out = strings.ReplaceAll(out, nbHyphen, "-")
	}
	return strings.Split(out, "\n")
}

// protectDates is s with the hyphens of its dates (dddd-dd-dd) made
// non-breaking, and whether it had any.
func protectDates(s string) (string, bool) {
	if strings.IndexByte(s, '-') < 0 {
		return s, false
	}
	var b strings.Builder
	last, found := 0, false
	for i := 0; i+10 <= len(s); i++ {
		if !isDate(s[i:i+10]) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		if !found {
			b.Grow(len(s) + 8)
			found = true
		}
		b.WriteString(s[last : i+4])
		b.WriteString(nbHyphen)
		b.WriteString(s[i+5 : i+7])
		b.WriteString(nbHyphen)
		last = i + 8
		i += 9
	}
	if !found {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// isDate reports whether d, ten bytes, is dddd-dd-dd.
func isDate(d string) bool {
	for i := range 10 {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return false
			}
		} else if !isDigit(d[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
