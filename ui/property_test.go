package ui

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/internal/pyref"
)

// TestRandomDriving drives the model with 10,000 random keys, clicks, wheel
// turns and window sizes from 1×1 to 300×100. Nothing may panic, the workload
// must stay valid, every cost finite and non-negative, the ranking sorted,
// and the frame must fit the window.
func TestRandomDriving(t *testing.T) {
	const steps = 10000
	rng := rand.New(rand.NewPCG(3, 1415))
	pool := []string{
		"up", "down", "left", "right", "shift+left", "shift+right", "enter", "esc", "tab", "shift+tab",
		"space", "backspace", "home", "end", "ctrl+s", "ctrl+u", "ctrl+c",
		"h", "j", "k", "l", "H", "L", "g", "G", "e", "a", "d", "r", "p", "f", "/", "b", "c", "y", "?", "q",
		"0", "1", "5", "9", ".", "k", "%", "x", "-", "u", "F", "v", "m",
	}
	m := newSized(t, 120, 40)
	w, h := 120, 40
	widths := map[string]int{}
	for i := range steps {
		var msg tea.Msg
		switch n := rng.IntN(100); {
		case n < 4:
			w, h = 1+rng.IntN(300), 1+rng.IntN(100)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case n < 7:
			msg = tea.MouseClickMsg{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: tea.MouseLeft}
		case n < 9:
			b := tea.MouseWheelUp
			if rng.IntN(2) == 0 {
				b = tea.MouseWheelDown
			}
			msg = tea.MouseWheelMsg{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: b}
		case n < 10:
			msg = tea.BackgroundColorMsg{Color: lipgloss.Color([]string{"#000000", "#ffffff"}[rng.IntN(2)])}
		default:
			msg = press(pool[rng.IntN(len(pool))])
		}
		m = send(m, msg)
		if err := m.w.Validate(); err != nil {
			t.Fatalf("step %d (%v): workload invalid: %v", i, msg, err)
		}
		checkQuotes(t, m, i)
		checkFrameWidths(t, m, w, h, widths)
		// The cached frame must be what a full redraw gives (checked on a
		// quarter of the steps: it doubles the cost of a step).
		if i%4 != 0 {
			continue
		}
		fresh := m
		fresh.dirty = partAll
		fresh.refresh()
		if fresh.view.frame != m.view.frame {
			t.Fatalf("step %d (%v): cached frame differs from a full redraw:\n%s\n----\n%s", i, msg, screen(m), screen(fresh))
		}
	}
}

func checkQuotes(t *testing.T, m Model, step int) {
	t.Helper()
	qs := m.res.Quotes
	for i, q := range qs {
		for _, v := range []float64{q.Monthly, q.PerTask, q.Base, q.Overflow} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("step %d: %s has cost %v", step, q.ID, v)
			}
		}
		if i == 0 {
			continue
		}
		p := qs[i-1]
		if p.Eligible != q.Eligible {
			if !p.Eligible {
				t.Fatalf("step %d: ineligible %s ranked before eligible %s", step, p.ID, q.ID)
			}
			continue
		}
		if c := cmp.Or(cmp.Compare(p.Monthly, q.Monthly), cmp.Compare(p.Name, q.Name)); c > 0 {
			t.Fatalf("step %d: %s ($%v) ranked before %s ($%v)", step, p.ID, p.Monthly, q.ID, q.Monthly)
		}
	}
}

// wrapPool is what the random texts for wrapLines are made of: dates bare
// and with what sticks to them, near-dates, hyphenated words, words wide in
// cells (Hangul, kanji, an emoji, a combining accent) and long words that
// must break.
var wrapPool = []string{
	"a", "of", "as", "plans", "catalog", "reading", "well-known", "re-", "-x", "--",
	"2026-10-27", "(2026-08-28;", "2026-12-05.", "as-of-2026-01-02", "x2026-10-27", "12026-10-27",
	"2026-10-277", "2026-08", "2026-1-02", "한국어", "日本語の文", "🙂", "e\u0301te\u0301",
	"https://example.com/pricing/models", "docs.example.com/gemini-plan-limits", "(support.google.com/a-b/c-d)",
	"abcdefghijklmnopqrstuvwxyz", "2026-10-27-2026-11-01",
	"github:api-evangelist/deepmind", "plans/deepmind-plans-pricing.yml", "(entry", "gemini/gemini-3.1-pro-preview)",
	"data/events/2026-06-15-anthropic-retirement.json", "$2.61/month", "1.5k/day-ish", "2026-10/11",
	"\x1b[1mLimits\x1b[22m", "\x1b[2m(2026-08-28)\x1b[22m",
}

// wrapLines keeps every character but spaces, in order; breaks a line only
// at a space, after a hyphen that is not a date's, or inside a word wider
// than the width; leaves no line wider than the width but one grapheme
// that is; breaks at a space only when the next word does not fit; and
// never splits a date across lines when it has the room, nor a link (a
// URL, a github: reference, a path) that fits a line. 2,000 random
// texts at widths 1 to 40 (TOKENOMICS_WRAP_CASES sets how many). Checked
// here on the output rather than against a second implementation in
// another language: the rule is about widths in terminal cells, which come
// from the ansi package's grapheme tables, and the properties need no
// second wrap to check.
func TestWrapLinesProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 27))
	for i := range pyref.Cases(t, "TOKENOMICS_WRAP_CASES", 2000) {
		var b strings.Builder
		for j := range 1 + rng.IntN(12) {
			if j > 0 {
				b.WriteString(strings.Repeat(" ", 1+rng.IntN(2)))
			}
			b.WriteString(wrapPool[rng.IntN(len(wrapPool))])
		}
		s, w := b.String(), 1+rng.IntN(40)
		if msg := checkWrap(s, w, wrapLines(s, w)); msg != "" {
			t.Fatalf("case %d: wrapLines(%q, %d) = %q: %s", i, s, w, wrapLines(s, w), msg)
		}
	}
}

// linkIn reports whether word (no spaces) is a link as the sources show
// one: with a scheme (https:// or github:), or a host name or a folder's
// or owner's name (a letter first) and a path.
func linkIn(word string) bool {
	return linkRE.MatchString(word)
}

var linkRE = regexp.MustCompile(`^\(?(https://|github:|[A-Za-z][A-Za-z0-9._-]*/)`)

// checkWrap says what is wrong with lines as s wrapped to w, or "".
func checkWrap(s string, w int, lines []string) string {
	// Where each character of the output but spaces was in s.
	var at []int
	var ends []int // index into at of each line's end
	pos := 0
	for _, l := range lines {
		for _, r := range l {
			if r == ' ' {
				continue
			}
			for pos < len(s) && s[pos] == ' ' {
				pos++
			}
			if pos >= len(s) || !strings.HasPrefix(s[pos:], string(r)) {
				return fmt.Sprintf("%q is not next in the text", r)
			}
			at = append(at, pos)
			pos += len(string(r))
		}
		ends = append(ends, len(at))
		if cw := ansi.StringWidth(l); cw > w && utf8.RuneCountInString(strings.TrimSpace(l)) > 1 {
			return fmt.Sprintf("line %q is %d cells wide", l, cw)
		}
	}
	if strings.TrimLeft(s[pos:], " ") != "" {
		return fmt.Sprintf("%q is lost", s[pos:])
	}
	dates := map[int]bool{} // byte offsets of dates' hyphens in s
	for i := 0; i+10 <= len(s); i++ {
		if isDate(s[i:i+10]) && (i == 0 || !isDigit(s[i-1])) {
			dates[i+4], dates[i+7] = true, true
		}
	}
	for li, e := range ends[:len(ends)-1] {
		if e == 0 || e == len(at) || ends[li+1] == e {
			continue // an empty line: nothing broken
		}
		last, next := at[e-1], at[e]
		if strings.Contains(s[last:next], " ") {
			// At a space, and only when the next word did not fit (a word
			// wider than a line starts one; hyphens aside: a piece may fit).
			nextWord, _, _ := strings.Cut(s[next:], " ")
			if !strings.Contains(nextWord, "-") && ansi.StringWidth(strings.TrimRight(lines[li], " "))+strings.Count(s[last:next], " ")+ansi.StringWidth(nextWord) <= w {
				return fmt.Sprintf("line %d broke before %q, which fits after it", li, nextWord)
			}
			continue
		}
		word := s[strings.LastIndexByte(s[:next], ' ')+1:]
		if sp := strings.IndexByte(word, ' '); sp >= 0 {
			word = word[:sp]
		}
		wide := ansi.StringWidth(word) > w
		switch {
		case dates[last] && (w >= 10 || !wide):
			return fmt.Sprintf("the date is split after byte %d", last)
		case !wide && linkIn(word):
			return fmt.Sprintf("the link %q is split after byte %d", word, last)
		case s[last] == '-' && !dates[last], wide:
		default:
			return fmt.Sprintf("broken inside %q, after byte %d", word, last)
		}
	}
	return ""
}
