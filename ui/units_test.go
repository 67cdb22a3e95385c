package ui

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// The default preset is English: 500 words a page, 1.3 tokens a word, so a
// page is 650 tokens. Its first class reads 600 tokens in and 400 out.
var toTokensIn = []string{"space", "down", "down"} // select the first class's tokens in

func TestSizeUnits(t *testing.T) {
	in := func(m Model) (float64, model.Unit) { return m.w.Classes[0].InputTokens, m.w.Classes[0].InputUnit }
	tests := []struct {
		name   string
		keys   []string
		tokens float64
		unit   model.Unit
	}{
		{"u shows words, the tokens stay", []string{"u"}, 600, model.UnitWords},
		{"u twice shows pages", []string{"u", "u"}, 600, model.UnitPages},
		{"u three times is back to tokens", []string{"u", "u", "u"}, 600, model.UnitTokens},
		// 600 tokens = 0.92 pages; one step up the ladder is 1 page = 650 tokens.
		{"the slider steps in pages", []string{"u", "u", "right"}, 650, model.UnitPages},
		// ×10 from under a page starts at one page: 10 pages × 650 = 6,500.
		{"a big step in pages", []string{"u", "u", "shift+right"}, 6500, model.UnitPages},
		// Down from 0.92 pages is half a page: 325 tokens.
		{"a step down in pages", []string{"u", "u", "left"}, 325, model.UnitPages},
		// 600 tokens = 461.5 words; the next rung is 500 words × 1.3 = 650.
		{"the slider steps in words", []string{"u", "right"}, 650, model.UnitWords},
		// enter takes pages: 2 pages × 500 words × 1.3 = 1,300 tokens.
		{"enter takes pages", []string{"u", "u", "enter", "ctrl+u", "2", "enter"}, 1300, model.UnitPages},
		// 1.5k words × 1.3 = 1,950 tokens.
		{"enter takes words with a suffix", []string{"u", "enter", "ctrl+u", "1", ".", "5", "k", "enter"}, 1950, model.UnitWords},
		{"half a page", []string{"u", "u", "enter", "ctrl+u", "0", ".", "5", "enter"}, 325, model.UnitPages},
		{"words must be whole", []string{"u", "enter", "ctrl+u", "2", ".", "5", "enter", "esc"}, 600, model.UnitWords},
		{"negative pages are refused", []string{"u", "u", "enter", "ctrl+u", "-", "1", "enter", "esc"}, 600, model.UnitPages},
		// The edit starts from "0.92" (pages, rounded): taking it unchanged
		// keeps the 600 tokens rather than rounding them to 598.
		{"an unchanged edit changes nothing", []string{"u", "u", "enter", "enter"}, 600, model.UnitPages},
		{"u on the output leaves the input alone", []string{"down", "u"}, 600, model.UnitTokens},
		{"u off a size changes nothing", []string{"up", "u"}, 600, model.UnitTokens},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSized(t, 120, 40)
			m = send(m, keys(append(append([]string{}, toTokensIn...), tt.keys...)...)...)
			if tok, u := in(m); math.Abs(tok-tt.tokens) > 1e-9 || u != tt.unit {
				t.Errorf("tokens in %v %v, want %v %v", tok, u, tt.tokens, tt.unit)
			}
			if err := m.w.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestUnitCycleKeepsPrices(t *testing.T) {
	m := newSized(t, 120, 40)
	m = send(m, keys(append(toTokensIn, "right")...)...) // a change, so there are marks
	cost, marks := m.res.Quotes[0].Monthly, len(m.prev)
	m = send(m, keys("u", "u")...)
	if m.res.Quotes[0].Monthly != cost || len(m.prev) != marks {
		t.Error("switching the unit re-priced the workload or dropped the change marks")
	}
	if r := m.work.selected(); r.kind != rowClassField || r.field != fIn {
		t.Errorf("the selection moved to %+v", r)
	}
	m = send(m, keys("down", "u", "u", "u")...)
	if c := m.w.Classes[0]; c.OutputUnit != model.UnitTokens || c.InputUnit != model.UnitPages {
		t.Errorf("units %v/%v after cycling the output round", c.InputUnit, c.OutputUnit)
	}
	m = send(m, keys("up", "up", "up", "u")...) // on the class row
	if !strings.Contains(m.footer.status, "u switches") || m.w.Classes[0].InputUnit != model.UnitPages {
		t.Errorf("u off a size: status %q, unit %v", m.footer.status, m.w.Classes[0].InputUnit)
	}
}

func TestUnitRows(t *testing.T) {
	// 80 columns: the other units follow the bar on the same row.
	m := newSized(t, 80, 40)
	m = send(m, keys(append(toTokensIn, "u", "u")...)...)
	s := screen(m)
	// 600 tokens ÷ 1.3 = 461.5 words; ÷ 650 = 0.92 pages.
	for _, want := range []string{"pages in        0.92", "≈ 462 words · 600 tokens", "tokens out       400", "≈ 308 words · 0.62 pages", "u tokens/words/pages"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q on screen:\n%s", want, s)
		}
	}
	// The collapsed class names the unit in its summary line.
	m = send(m, keys("esc", "esc")...)
	if s := screen(m); !strings.Contains(s, "0.92 pages in · 400 out") {
		t.Errorf("summary line without the unit:\n%s", s)
	}
	if s := screen(m); strings.Contains(s, "u tokens/words/pages") {
		t.Error("the help bar offers u off a size")
	}
	// 120 columns: the workload pane is narrow, so they take a line of their own.
	m = newSized(t, 120, 40)
	m = send(m, keys(append(toTokensIn, "u")...)...)
	lines := strings.Split(screen(m), "\n")
	for i, l := range lines {
		if strings.Contains(l, "words in") && strings.Contains(l, " 462  ") {
			if i+1 >= len(lines) || !strings.Contains(lines[i+1], "≈ 0.92 pages · 600 tokens") {
				t.Errorf("no line of other units under the size:\n%s", screen(m))
			}
			return
		}
	}
	t.Errorf("no words row:\n%s", screen(m))
}

func TestUnitsFollowTheLanguage(t *testing.T) {
	m := newSized(t, 80, 40)
	// Korean: a page is 370 eojeol × 1.8 = 666 tokens, so 12 pages are 7,992
	// tokens and 4,440 eojeol.
	m = send(m, keys("end", "space", "down", "down", "down", "down", "enter", "ctrl+u", "k", "o", "enter")...)
	if m.w.Language != "ko" {
		t.Fatalf("language %q", m.w.Language)
	}
	m = send(m, keys("home")...)
	m = send(m, keys(append(toTokensIn, "u", "u", "enter", "ctrl+u", "1", "2", "enter")...)...)
	if c := m.w.Classes[0]; math.Abs(c.InputTokens-7992) > 1e-9 || c.InputUnit != model.UnitPages {
		t.Fatalf("12 Korean pages: %v %v", c.InputTokens, c.InputUnit)
	}
	if s := screen(m); !strings.Contains(s, "≈ 4,440 words · 8k tokens") {
		t.Errorf("row:\n%s", s)
	}
	// Another language keeps the content (the tokens) and shows it in that
	// language's pages: 7,992 ÷ 650 = 12.3 English pages.
	setLanguage := func(code string) {
		t.Helper()
		if err := m.setFieldText(-1, fLanguage, code); err != nil {
			t.Fatal(err)
		}
		m = send(m, tea.WindowSizeMsg{Width: 80, Height: 40})
	}
	setLanguage("en")
	if c := m.w.Classes[0]; math.Abs(c.InputTokens-7992) > 1e-9 {
		t.Errorf("changing the language changed the tokens: %v", c.InputTokens)
	}
	if got := m.fieldText(0, fIn); got != "12.3" {
		t.Errorf("in English pages: %q", got)
	}
	// In Japanese a word is a character, and is called one: 7,992 ÷ 0.53 =
	// 15,079 characters.
	setLanguage("ja")
	if got := m.sizeOthers(0, fIn); got != "≈ 15,079 chars · 8k tokens" {
		t.Errorf("in Japanese: %q", got)
	}
	// A language without figures is measured as English, and says so.
	setLanguage("de")
	if s := screen(m); !strings.Contains(s, "(English sizes)") {
		t.Errorf("no note on the English sizes:\n%s", s)
	}
}

func TestSaveWritesUnits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.yaml")
	m := newSized(t, 120, 40)
	m = send(m, keys(append(toTokensIn, "u", "u", "enter", "ctrl+u", "3", "enter", "down", "u")...)...)
	m = send(m, press("ctrl+s"), press("ctrl+u"))
	m = send(m, typeText(path)...)
	_, cmd := m.Update(press("enter"))
	runCmd(t, cmd)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// 3 pages in; 400 tokens out shown in words: 400 ÷ 1.3 = 307.69… words,
	// written exactly enough to read back as 400 tokens.
	if s := string(data); !strings.Contains(s, "    input_pages: 3\n") || !strings.Contains(s, "    output_words: 307.69") {
		t.Errorf("saved:\n%s", s)
	}
	w, err := plans.LoadWorkload(path)
	if err != nil {
		t.Fatal(err)
	}
	if c := w.Classes[0]; c.InputUnit != model.UnitPages || c.OutputUnit != model.UnitWords || c.InputTokens != 1950 || math.Abs(c.OutputTokens-400) > 1e-9 {
		t.Errorf("read back %+v", c)
	}
}

// The language is typed as the pane shows it (its name, in any case) or
// as its code in any case; "korean" is the name, not an unknown code, and
// the name of the language already set is no edit.
func TestLanguageTypedByName(t *testing.T) {
	for _, tc := range []struct {
		typed, want string // want "" for refused
	}{
		{"Korean", "ko"},
		{"korean", "ko"},
		{" KO ", "ko"},
		{"ko", "ko"},
		{"pt-br", "pt-br"},
		{"Portuguese", "pt"},
		{"Korean!", ""},
		{"k", ""},
	} {
		m := newSized(t, 120, 40)
		err := m.setFieldText(-1, fLanguage, tc.typed)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%q: accepted as %q", tc.typed, m.w.Language)
			}
			continue
		}
		if err != nil || m.w.Language != tc.want {
			t.Errorf("%q: language %q, %v; want %q", tc.typed, m.w.Language, err, tc.want)
		}
	}
	m := newSized(t, 120, 40)
	if err := m.setFieldText(-1, fLanguage, "english"); err != nil || m.doc.modified() {
		t.Errorf("typing the language set (English) made an edit: %v", err)
	}
}

// The language prompt offers the language as the pane shows it, its name
// ("English", not "en"), or the code of one without a name; enter on the
// offer changes nothing.
func TestLanguagePromptOffersTheName(t *testing.T) {
	for _, tc := range []struct{ lang, offer string }{
		{"", "English"}, // no language set: the default, English
		{"ko", "Korean"},
		{"pt-br", "pt-br"}, // no name for it: its code, as the pane shows it
	} {
		o := testOptions(t)
		o.Workload.Language = tc.lang
		// end is the settings row; enter opens the settings, and the
		// language is their fourth row.
		m := send(New(o), tea.WindowSizeMsg{Width: 120, Height: 40})
		m = send(m, keys("end", "enter", "down", "down", "down", "down")...)
		if r := m.work.selected(); r.field != fLanguage {
			t.Fatalf("%q: selected %+v, not the language", tc.lang, r)
		}
		m = send(m, press("enter"))
		if got := m.prompt.input.Value(); !m.prompt.active || got != tc.offer {
			t.Errorf("%q: the prompt offers %q, want %q", tc.lang, got, tc.offer)
		}
		if shown := m.fieldText(-1, fLanguage); shown != tc.offer {
			t.Errorf("%q: the pane shows %q, the prompt offers %q", tc.lang, shown, tc.offer)
		}
		if m = send(m, press("enter")); m.prompt.active || m.doc.modified() {
			t.Errorf("%q: enter on the offer: prompt open %v, an edit %v", tc.lang, m.prompt.active, m.doc.modified())
		}
	}
}
