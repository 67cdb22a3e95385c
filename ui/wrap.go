package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// nbHyphen stands in for a date's or a link's hyphens while a text wraps:
// the wrap breaks after every '-', and "as of 2026-10-" over "27" reads as
// two figures, "gemini-plan-" over "limits" as a link that ends there. It
// is one cell wide, as '-' is.
const nbHyphen = "\u2011"

// breakSlash stands in for the path slashes of a link too wide for a line,
// and the wrap may break after it. A line that ends in '/' is a path that
// goes on: the app never shows a link ending in one (readableSource trims
// it), where a line ending in '-' could be the link's own hyphen. It is one
// cell wide, as '/' is.
const breakSlash = "\u2215"

// wrapLines wraps s to w cells (at least 1) at its spaces, as ansi.Wrap
// does, except inside an ISO date (2026-10-27) or a link
// (https://example.com/a-b, or as the sources show one, example.com/a-b),
// which moves to the next line whole; a link wider than w breaks only
// after a slash of its path.
func wrapLines(s string, w int) []string {
	w = max(w, 1)
	s, dates := protectDates(s)
	s, links := protectLinks(s, w)
	out := ansi.Wrap(s, w, " "+breakSlash)
	if dates || links {
		out = strings.ReplaceAll(out, nbHyphen, "-")
	}
	if links {
		out = strings.ReplaceAll(out, breakSlash, "/")
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

// protectLinks is s with the hyphens of its links made non-breaking and,
// in a link wider than w, the slashes of its path made breakpoints; and
// whether it had any link. A link runs to the next space.
func protectLinks(s string, w int) (string, bool) {
	if strings.IndexByte(s, '/') < 0 {
		return s, false
	}
	var b strings.Builder
	last, found := 0, false
	for i := 0; i < len(s); {
		end := strings.IndexAny(s[i:], " \n")
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		if at, scheme := linkAt(s[i:end]); at >= 0 {
			if !found {
				b.Grow(len(s) + 16)
				found = true
			}
			// The scheme's "//" stays as it is: no break after "https:/".
			b.WriteString(s[last : i+at+scheme])
			slash := "/"
			if ansi.StringWidth(s[i:end]) > w { // with what sticks to it
				slash = breakSlash
			}
			for _, r := range s[i+at+scheme : end] {
				switch r {
				case '-':
					b.WriteString(nbHyphen)
				case '/':
					b.WriteString(slash)
				default:
					b.WriteRune(r)
				}
			}
			last = end
		}
		i = end + 1
	}
	if !found {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// linkAt finds a link in word w (no spaces): where it starts (after an
// opening bracket or quote) and how long its scheme is; at is -1 when w is
// no link. A link has a scheme (http:// or https://), or is a host name
// and a path (docs.example.com/x), as the sources show one.
func linkAt(w string) (at, scheme int) {
	at = len(w) - len(strings.TrimLeft(w, `("'[<`))
	rest := w[at:]
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(rest, p) {
			return at, len(p)
		}
	}
	if slash := strings.IndexByte(rest, '/'); slash > 0 && isHost(rest[:slash]) {
		return at, 0
	}
	return -1, 0
}

// isHost reports whether h reads as a host name: letters, digits, dots
// and hyphens, with a dot and a top-level name of two letters or more
// ("1.5k" and "e.g" are not).
func isHost(h string) bool {
	dot := strings.LastIndexByte(h, '.')
	if dot <= 0 || len(h)-dot-1 < 2 {
		return false
	}
	for i := range len(h) {
		c := h[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i > dot && !letter || !letter && !isDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}
