package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/model"
)

// "? help" is on screen at every supported size, and a notice at start
// (a price change, say) takes the footer's left, not the hint: the hint
// stays in the header and at the footer's right, and the notice is whole in
// the help.
func TestHelpHintAlwaysVisible(t *testing.T) {
	notice := "price changes since your last run: Alpha Plus $18.00 → $20.00, Beta Top output $12.00 → $15.00 per million tokens"
	for _, sz := range [][2]int{{200, 60}, {120, 40}, {80, 24}, {60, 20}} {
		t.Setenv("NO_COLOR", "")
		o := testOptions(t)
		o.Notices = []string{notice}
		m := send(New(o), tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		lines := strings.Split(screen(m), "\n")
		head, foot := lines[0], lines[len(lines)-1]
		if !strings.HasSuffix(head, "? help ") || !strings.HasSuffix(foot, "? help ") {
			t.Errorf("%v: hint missing:\nheader %q\nfooter %q", sz, head, foot)
		}
		if !strings.Contains(foot, "price changes") {
			t.Errorf("%v: the notice is not in the footer: %q", sz, foot)
		}
		for i, l := range lines {
			if w := len([]rune(l)); w != sz[0] {
				t.Errorf("%v: line %d is %d wide", sz, i, w)
			}
		}
		m = send(m, press("?"))
		if s := strings.Join(strings.Fields(strings.ReplaceAll(screen(m), "│", "")), " "); !strings.Contains(s, "Beta Top output") {
			t.Errorf("%v: the notice is not whole in the help:\n%s", sz, screen(m))
		}
	}
}

// The full help names the mouse and both keys of a binding that has two
// (e opens all fields as space does).
func TestFullHelpNamesMouseAndEveryKey(t *testing.T) {
	m := send(newSized(t, 200, 60), press("?"))
	s := screen(m)
	for _, want := range []string{"click", "wheel", "space/e", "ctrl+c", "quit (asks about unsaved edits)"} {
		if !strings.Contains(s, want) {
			t.Errorf("help lacks %q:\n%s", want, s)
		}
	}
	// Every key a binding takes is in its help label, so none works unlisted.
	for _, col := range m.keys.fullHelp() {
		for _, b := range col {
			for _, k := range b.Keys() {
				label := b.Help().Key
				if !strings.Contains(label, k) && !strings.Contains(label, arrowOf[k]) && !strings.HasPrefix(k, "mouse") {
					t.Errorf("key %q of %q is not in its label", k, label)
				}
			}
		}
	}
}

// arrowOf is how the help writes the keys it draws as symbols.
var arrowOf = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn",
	"shift+left": "shift+←", "shift+right": "shift+→",
}

// The help and the verdict build their text when they open and when the
// screen changes size, not on every scroll step: a step scrolls over the
// lines built (the same lines, not a copy), and a resize builds them anew
// for the new width.
func TestReaderBuildsItsTextOnce(t *testing.T) {
	for _, open := range []string{"?", "v"} {
		m := send(newSized(t, 60, 16), press(open))
		built, ih := m.reader.lines, m.lay.body().H-paneFrame
		if len(built) <= ih {
			t.Fatalf("%s: %d lines fit the box of %d: nothing to scroll", open, len(built), ih)
		}
		m = send(m, press("down"), press("down"))
		// Two steps, or as many as there are lines below the box.
		if want := min(2, len(built)-ih); m.reader.off != want || &m.reader.lines[0] != &built[0] {
			t.Errorf("%s: two steps down: offset %d (want %d), text built anew: %v", open, m.reader.off, want, &m.reader.lines[0] != &built[0])
		}
		m = send(m, tea.WindowSizeMsg{Width: 80, Height: 16})
		if &m.reader.lines[0] == &built[0] {
			t.Errorf("%s: a resize kept the text wrapped for the old width", open)
		}
	}
}

// The help bar offers ←→ only where they step a value: on a class in the
// workload pane and in the detail view (where they step the workload's
// selected row), not while that row is the settings summary, where they
// do nothing.
func TestHelpBarOffersArrowsOnlyWhereTheyWork(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings bool     // the workload's selection on the settings summary
		keys     []string // after that
		want     bool     // ←→ in the help bar
	}{
		{"work, a class", false, nil, true},
		{"work, the settings", true, nil, false},
		{"detail, a class", false, []string{"tab", "enter"}, true},
		{"detail, the settings", true, []string{"tab", "enter"}, false},
	} {
		m := newSized(t, 200, 40)
		if tc.settings {
			m = send(m, press("end")) // the last row: the settings summary, closed
			if m.work.selected().kind != rowSettings {
				t.Fatalf("%s: end selected %+v, not the settings", tc.name, m.work.selected())
			}
		}
		m = send(m, keys(tc.keys...)...)
		lines := strings.Split(screen(m), "\n")
		if got := strings.Contains(lines[len(lines)-1], "←→ adjust"); got != tc.want {
			t.Errorf("%s: ←→ in the help bar %v, want %v: %q", tc.name, got, tc.want, lines[len(lines)-1])
		}
		if tc.want {
			continue
		}
		// Where the bar leaves them out, they change nothing.
		before := m.w
		if m = send(m, press("right")); !reflect.DeepEqual(m.w, before) {
			t.Errorf("%s: → changed the workload the bar said it would not", tc.name)
		}
	}
}

// The help bar says what enter and space do on the selected row: enter
// edits a value, steps a field that cycles through choices, or opens and
// closes the settings; space opens a class's fields, or closes the section
// the row is in; and the key then does that. At 100×16 the layout does not
// move as a class opens or closes under the selection, which stays on the
// same row: the bar is drawn again all the same.
func TestHelpBarSaysWhatEnterAndSpaceDo(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string // from the first class's count
		want string   // the key's words in the help bar, the key first
	}{
		{"a class's count", nil, "enter edit"},
		// space opens the first class; the row below its count is "per",
		// which cycles day, week, month.
		{"a field that cycles", []string{"space", "down"}, "enter next choice"},
		{"the settings, closed", []string{"end"}, "enter open settings"},
		{"the settings, open", []string{"end", "enter"}, "enter close settings"},
		{"a closed class", nil, "space/e all fields"},
		{"an open class", []string{"space"}, "space/e close fields"},
		{"a field of an open class", []string{"space", "down"}, "space/e close fields"},
		{"a class opened and closed", []string{"space", "space"}, "space/e all fields"},
		// end is the settings row; enter opens the settings, down is days.
		{"a setting", []string{"end", "enter", "down"}, "space/e close settings"},
	} {
		m := send(newSized(t, 100, 16), keys(tc.keys...)...)
		lines := strings.Split(screen(m), "\n")
		if bar := lines[len(lines)-1]; !strings.Contains(bar, tc.want+" ") {
			t.Errorf("%s: the help bar lacks %q: %q", tc.name, tc.want, bar)
		}
		k, _, _ := strings.Cut(tc.want, " ")
		r, before := m.work.selected(), m.w
		open := m.work.isOpen(r)
		m = send(m, press(strings.TrimSuffix(k, "/e")))
		var did bool
		switch tc.want {
		case "enter edit":
			did = m.prompt.active
		case "enter next choice":
			did = !m.prompt.active && !reflect.DeepEqual(m.w, before)
		default: // opens or closes what the bar says
			opens := strings.HasSuffix(tc.want, "all fields") || strings.HasSuffix(tc.want, "open settings")
			did = open != opens && m.work.isOpen(r) == opens
		}
		if !did {
			t.Errorf("%s: %s did not do what the bar said (%q)", tc.name, k, tc.want)
		}
	}
}

// While a search narrows the plans, the help bar says esc ends it, at 80
// columns too, where the bar is cut; once it has, the bar no longer offers
// it.
func TestHelpBarOffersEscDuringASearch(t *testing.T) {
	bar := func(m Model) string {
		lines := strings.Split(screen(m), "\n")
		return lines[len(lines)-1]
	}
	m := send(newSized(t, 80, 24), keys("tab", "/", "a", "l", "p", "h", "a", "enter")...)
	if m.ranking.search != "alpha" || !strings.Contains(bar(m), "esc clear search") {
		t.Fatalf("searching %q: the help bar lacks esc: %q", m.ranking.search, bar(m))
	}
	m = send(m, press("esc"))
	if m.ranking.search != "" || strings.Contains(bar(m), "esc clear search") {
		t.Errorf("after esc, search %q and the help bar %q", m.ranking.search, bar(m))
	}
}

// A bullet's text wraps under itself: the lines after the first start
// under the text, two cells in, not under the bullet. In the help's
// notices at start and the detail's notes alike.
func TestBulletsHangUnderTheirText(t *testing.T) {
	// The notice is 119 cells: at 60 columns it takes several lines.
	notice := "price changes since your last run: Alpha Plus $18.00 → $20.00, Beta Top output $12.00 → $15.00 per million tokens"
	o := testOptions(t)
	o.Notices = []string{notice}
	t.Setenv("NO_COLOR", "")
	m := send(New(o), tea.WindowSizeMsg{Width: 60, Height: 40}, press("?"))
	checkHanging(t, "help", strings.Split(screen(m), "\n"), "• price changes", "tokens")

	q := m.res.Quotes[0]
	q.Notes = []model.Note{{Kind: model.NoteReplaySeats, Seats: 5}, {Kind: model.NoteNoAnnual}}
	// "• minimum 5 seats; one person's records use one seat's limits" is
	// 62 cells: at 30 it takes three lines.
	checkHanging(t, "detail", detailLines(&m.shared, &q, 30), "• minimum 5 seats", "limits")
}

// checkHanging finds the line holding first and checks that the lines
// after it, up to the one holding last, start two cells past the bullet.
func checkHanging(t *testing.T, where string, lines []string, first, last string) {
	t.Helper()
	for i, l := range lines {
		at := strings.Index(l, first)
		if at < 0 {
			continue
		}
		col := len([]rune(l[:at]))
		n := 0
		for _, next := range lines[i+1:] {
			r := []rune(next)
			if len(r) < col+3 || strings.TrimSpace(string(r[col:col+2])) != "" || r[col+2] == ' ' {
				t.Errorf("%s: line %q does not start under the text of %q", where, next, l)
				return
			}
			n++
			if strings.Contains(next, last) {
				break
			}
		}
		if n == 0 {
			t.Errorf("%s: %q does not wrap:\n%s", where, first, strings.Join(lines, "\n"))
		}
		return
	}
	t.Errorf("%s: no line holds %q:\n%s", where, first, strings.Join(lines, "\n"))
}

// Every bullet list of the detail view fills its lines to the width of the
// box, the Rates and Sources as the Notes: a bullet's first line is not
// two cells shorter than the lines under it.
func TestDetailBulletsFillTheWidth(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	m := send(New(testOptions(t)), tea.WindowSizeMsg{Width: 120, Height: 40})
	var q *model.Quote
	for i := range m.res.Quotes {
		if m.res.Quotes[i].Name == "API mix, all providers" {
			q = &m.res.Quotes[i]
		}
	}
	if q == nil {
		t.Fatal("no quote API mix, all providers")
	}
	for _, tc := range []struct {
		what  string
		iw    int
		first string // the bullet's first line, exactly iw cells or the next word would pass iw
	}{
		// 2+6+7+3+6+2+4+6+2+3+6+5 = 52 cells: "price" ends at the edge.
		{"rates", 52, "• Alpha Small: in $0.10 · out $0.40 · no cache price"},
		// 2+6+7+5+2+3+3+11+11 = 50 cells: "(confidence" ends at the edge.
		{"sources", 50, "• Alpha Small: test · as of 2026-11-01 (confidence"},
	} {
		lines := detailLines(&m.shared, q, tc.iw)
		if !slices.Contains(lines, tc.first) {
			t.Errorf("%s at %d: no line reads %q:\n%s", tc.what, tc.iw, tc.first, strings.Join(lines, "\n"))
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "• ") && !strings.HasPrefix(l, "  ") {
				continue // the bullets' lines; headings are not wrapped
			}
			if w := ansi.StringWidth(l); w > tc.iw {
				t.Errorf("%s at %d: line %q is %d cells", tc.what, tc.iw, l, w)
			}
		}
	}
}
