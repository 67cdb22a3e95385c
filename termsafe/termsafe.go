// Package termsafe makes text that came from a file, a name or a server
// safe to print on a terminal: it is the one rule every message that quotes
// such text goes through. A terminal obeys what it is sent: an escape
// sequence can set the clipboard (OSC 52), retitle the window, move the
// cursor or hide what follows; C1 controls do the same on some terminals;
// bidi overrides and isolates reorder the text around them, so that what is
// read is not what is there. Such characters are written out as escapes
// (\x1b, \u202e) instead: the message stays readable and shows that
// something odd was there.
package termsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is s with every character a terminal would act on, rather than
// show, written as an escape: C0 controls but newline and tab, DEL, C1
// controls, format characters (bidi overrides and isolates, zero-width
// characters, the byte-order mark, tags), line and paragraph separators,
// and bytes that are not UTF-8. A backslash stays as it is.
func Text(s string) string {
	i := 0
	for i < len(s) && plain(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if plain(c) {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case r < 0xa0: // C0, DEL, C1
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// plain is a byte that is shown as it is: printable ASCII, newline, tab.
func plain(c byte) bool { return c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' }

// unsafe reports whether the rune r (U+00A0 or above) is acted on rather
// than shown, or shown as nothing.
func unsafe(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// Lines is Text of each of ss.
func Lines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Text(s)
	}
	return out
}
