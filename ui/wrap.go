package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapLines wraps s to w cells (at least 1), greedily: a line breaks at a
// space, else after a hyphen inside a word ("well-" over "known") but never
// inside an ISO date (dddd-dd-dd, not after a digit), which moves to the
// next line whole; a word wider than the line is cut where it reaches the
// edge, before a date it holds when the date fits a line. A link
// (https://example.com/a-b, or as the sources show one: example.com/a-b,
// github:owner/a-repo, a path such as plans/x-y.yml) never breaks at its
// hyphens: it moves to the next line whole, and one wider than w breaks
// after a slash of its path, and at hyphens only inside a part still wider
// than w. No line is wider
// than w unless it is one grapheme wider than w itself. Escape codes take
// no room; a newline ends a line. Not ansi.Wrap: it lets a hyphen that
// follows a full line stick out past the edge ("abc -" at 3 cells).
func wrapLines(s string, w int) []string {
	w = max(w, 1)
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		out = wrapParagraph(out, para, w)
	}
	return out
}

// wrapParagraph appends s, which holds no newline, wrapped to w cells.
func wrapParagraph(out []string, s string, w int) []string {
	var line strings.Builder
	lw, first := 0, len(out)
	gap := -1 // the spaces before the next word (the first word has none before it)
	var pieces [4]string
	flush := func() {
		out = append(out, line.String())
		line.Reset()
		lw = 0
	}
	put := func(p string, pw int) {
		if line.Len() == 0 {
			line.Grow(len(s))
		}
		line.WriteString(p)
		lw += pw
	}
	for word := range strings.SplitSeq(s, " ") {
		gap++
		if word == "" {
			continue
		}
		for j, p := range wordPieces(word, pieces[:0], w) {
			sep := 0
			if j == 0 && (lw > 0 || len(out) == first) {
				sep = gap // leading spaces stay on the first line only
			}
			pw := ansi.StringWidth(p)
			if lw+sep+pw <= w {
				for range sep {
					line.WriteByte(' ')
				}
				put(p, sep+pw)
				continue
			}
			if lw > 0 {
				flush()
			}
			for pw > w {
				n := cutAt(p, w)
				put(p[:n], 0)
				flush()
				p = p[n:]
				pw = ansi.StringWidth(p)
			}
			put(p, pw)
		}
		gap = 0
	}
	if line.Len() > 0 || len(out) == first {
		flush()
	}
	return out
}

// wrapBullet is s after bullet ("• "), wrapped to w cells with a hanging
// indent: the lines after the first start under the text, not the bullet.
func wrapBullet(bullet, s string, w int) []string {
	bw := ansi.StringWidth(bullet)
	out := wrapLines(s, w-bw)
	pad := strings.Repeat(" ", bw)
	for i := range out {
		if i == 0 {
			out[i] = bullet + out[i]
		} else {
			out[i] = pad + out[i]
		}
	}
	return out
}

// wordPieces appends to pieces word split where a line may end inside it:
// in a link, only after a slash of its path, and only when the link is
// wider than w (see linkPieces); else after each hyphen that joins two
// parts of it (hyphenPieces).
func wordPieces(word string, pieces []string, w int) []string {
	if strings.IndexByte(word, '/') >= 0 {
		if at, scheme := linkAt(word); at >= 0 {
			return linkPieces(word, at+scheme, pieces, w)
		}
	}
	return hyphenPieces(word, pieces)
}

// hyphenPieces appends to pieces word split after each hyphen that joins
// two parts of it (not one of a run, a word's first or last, or a date's).
func hyphenPieces(word string, pieces []string) []string {
	if strings.IndexByte(word, '-') < 0 {
		return append(pieces, word)
	}
	dates := dateHyphens(word)
	start := 0
	for i := 1; i+1 < len(word); i++ {
		if word[i] == '-' && word[i-1] != '-' && word[i+1] != '-' && !dates[i] {
			pieces = append(pieces, word[start:i+1])
			start = i + 1
		}
	}
	return append(pieces, word[start:])
}

// linkPieces appends to pieces word, a link whose path starts at byte
// from: whole when it fits w, else split after each slash of its path (not
// the scheme's "//"), and a part that is still wider than w at its hyphens,
// as a word is, rather than at the edge. A line that ends in '/' is a path
// that goes on: the app never shows a link ending in one (readableSource
// trims it); one that ends in '-' inside a link is at a part no line holds.
func linkPieces(word string, from int, pieces []string, w int) []string {
	if ansi.StringWidth(word) <= w {
		return append(pieces, word)
	}
	part := func(p string) {
		if ansi.StringWidth(p) > w {
			pieces = hyphenPieces(p, pieces)
		} else {
			pieces = append(pieces, p)
		}
	}
	start := 0
	for i := from; i+1 < len(word); i++ {
		if word[i] == '/' {
			part(word[start : i+1])
			start = i + 1
		}
	}
	part(word[start:])
	return pieces
}

// dateHyphens are the byte offsets of the hyphens of s's dates
// (dddd-dd-dd not after a digit).
func dateHyphens(s string) map[int]bool {
	var at map[int]bool
	for i := 0; i+10 <= len(s); i++ {
		if isDate(s[i:i+10]) && (i == 0 || !isDigit(s[i-1])) {
			if at == nil {
				at = map[int]bool{}
			}
			at[i+4], at[i+7] = true, true
			i += 9
		}
	}
	return at
}

// cutAt is how many bytes of p, wider than w, go on a full line: the
// graphemes (and escape codes) that fit w cells, at least one, or up to a
// date the cut would fall in when the date fits a line by itself.
func cutAt(p string, w int) int {
	n, cells := 0, 0
	var state byte
	for n < len(p) {
		_, width, k, st := ansi.DecodeSequence(p[n:], state, nil)
		k = max(k, 1)
		if cells+width > w && cells > 0 {
			break
		}
		n, cells, state = n+k, cells+width, st
	}
	if w >= 10 {
		for i := max(n-9, 1); i < n; i++ {
			if isDate(p[i:min(i+10, len(p))]) && !isDigit(p[i-1]) {
				return i
			}
		}
	}
	return n
}

// isDate reports whether d, ten bytes, is dddd-dd-dd.
func isDate(d string) bool {
	if len(d) != 10 {
		return false
	}
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

// linkAt finds a link in word w (no spaces): where it starts (after an
// opening bracket or quote) and how long its scheme is; at is -1 when w is
// no link. A link has a scheme (http://, https://, or github: before a
// repository, as the catalog cites one), or is a host name and a path
// (docs.example.com/x), or a path of names (owner/repo,
// plans/x-y.yml, gemini/gemini-3.1-pro), as the sources show one.
func linkAt(w string) (at, scheme int) {
	at = len(w) - len(strings.TrimLeft(w, `("'[<`))
	rest := w[at:]
	for _, p := range []string{"https://", "http://", "github:"} {
		if strings.HasPrefix(rest, p) {
			return at, len(p)
		}
	}
	if slash := strings.IndexByte(rest, '/'); slash > 0 && (isHost(rest[:slash]) || isName(rest[:slash])) {
		return at, 0
	}
	return -1, 0
}

// isName reports whether n reads as the name of a folder or an owner: a
// letter, then letters, digits, dots, hyphens and underscores ("$2.61" in
// "$2.61/month" and "1.5k" in "1.5k/day" are not).
func isName(n string) bool {
	for i := range len(n) {
		c := n[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !isDigit(c) && c != '.' && c != '-' && c != '_') {
			return false
		}
	}
	return n != ""
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
