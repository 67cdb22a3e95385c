package plans

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

func TestParseWorkloadFixture(t *testing.T) {
	w, err := LoadWorkload("testdata/workload.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := model.Workload{
		Name: "Test team", Description: "Every field set: a fixture", Currency: "EUR",
		DaysPerMonth: 20, HoursPerDay: 6.5, People: 3, Language: "ko", Billing: model.Annual, Current: "claude-pro",
		Budget: 450.5,
		Classes: []model.Class{
			{Name: "Chat", Count: 12.5, Per: model.PerWeek, InputTokens: 700, OutputTokens: 300, ReasoningTokens: 100,
				Turns: 3, FollowupTokens: 50, CacheHit: 0.25, Batch: true, MinTier: model.Mid, Via: model.ViaAPI},
			{Name: "Docs: long", Count: 1000, Per: model.PerMonth, InputTokens: 30000, OutputTokens: 1500, Turns: 1, Via: model.ViaAgent},
		},
	}
	if !reflect.DeepEqual(w, want) {
		t.Errorf("got  %+v\nwant %+v", w, want)
	}

	// Everything left out takes the defaults of DESIGN.md.
	w, err = LoadWorkload("testdata/workload-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want = model.NewWorkload("")
	c := model.NewClass("a")
	c.Count, c.InputTokens, c.OutputTokens = 1, 10, 10
	want.Classes = []model.Class{c}
	if !reflect.DeepEqual(w, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", w, want)
	}
}

func TestLoadWorkloadMissingFile(t *testing.T) {
	// The app tells "no saved workload yet" from a broken one with os.IsNotExist.
	if _, err := LoadWorkload(filepath.Join(t.TempDir(), "none.yaml")); !os.IsNotExist(err) {
		t.Errorf("err = %v, want a not-exist error", err)
	}
}

// oneClass is a valid class list that cases extend.
const oneClass = "classes:\n  - name: a\n    count: 1\n    input_tokens: 10\n    output_tokens: 10\n"

// badWorkloads are inputs ParseWorkload must refuse; they also seed the
// fuzz corpus.
var badWorkloads = []badInput{
	{"unknown top-level key", "nmae: x\n", 1, 1, "nmae", `unknown field "nmae" (did you mean "name"?)`},
	{"negative budget", "name: x\nbudget: -500\n", 2, 9, "budget", "-500 is not a monthly amount from 0 (none) to 1e+15"},
	{"budget not a number", "budget: 500k\n", 1, 9, "budget", `expected a number, got the text "500k"`},
	{"unknown class key", oneClass + "    cache: 0.5\n", 6, 5, "classes[0].cache", `unknown field "cache" (did you mean "cache_hit"?)`},
	{"far-off key lists the known ones", "rate: 2\n", 1, 1, "rate", "known fields: name, description, days_per_month"},
	{"wrong type", "classes:\n  - name: a\n    count: lots\n", 3, 12, "classes[0].count", `expected a number, got the text "lots"`},
	{"wrong type for a bool", oneClass + "    batch: \"yes\"\n", 6, 12, "classes[0].batch", `expected true or false, got the text "yes"`},
	{"classes not a list", "classes: {name: a}\n", 1, 10, "classes", "expected a list, got a mapping"},
	{"missing required field", "classes:\n  - name: a\n    count: 1\n    output_tokens: 10\n", 2, 5, "classes[0].input_tokens", "required field is missing"},
	{"missing name", "classes:\n  - {count: 1, input_tokens: 1, output_tokens: 1}\n", 2, 5, "classes[0].name", "required field is missing"},
	{"empty name", "classes:\n  - {name: \" \", count: 1}\n", 2, 12, "classes[0].name", "must not be empty"},
	{"null count", "classes:\n  - name: a\n    count:\n", 3, 5, "classes[0].count", "a value is required"},
	{"bad per", oneClass + "    per: hour\n", 6, 10, "classes[0].per", `"hour" is not one of day, week, month`},
	{"bad min_tier", oneClass + "    min_tier: best\n", 6, 15, "classes[0].min_tier", `"best" is not one of small, mid, frontier`},
	{"bad via", oneClass + "    via: bot\n", 6, 10, "classes[0].via", `"bot" is not one of chat, agent, api`},
	{"batch via chat", oneClass + "    via: chat\n    batch: true\n", 7, 5, "classes[0].batch", "a batch class runs through the API: it cannot be via chat"},
	{"batch via agent", oneClass + "    batch: true\n    via: agent\n", 6, 5, "classes[0].batch", "cannot be via agent"},
	{"bad billing", "billing: yearly\n", 1, 10, "billing", `"yearly" is not one of monthly, annual`},
	{"cache_hit above 1", oneClass + "    cache_hit: 1.5\n", 6, 16, "classes[0].cache_hit", "1.5 is not in [0, 1]"},
	{"negative count", "classes:\n  - name: a\n    count: -1\n    input_tokens: 1\n    output_tokens: 1\n", 3, 12, "classes[0].count", "-1 is not in [0, 1e+07]"},
	{"turns 0", oneClass + "    turns: 0\n", 6, 12, "classes[0].turns", "0 is not in [1, 1000]"},
	{"turns not whole", oneClass + "    turns: 2.5\n", 6, 12, "classes[0].turns", "must be a whole number (got 2.5)"},
	{"NaN tokens", "classes:\n  - name: a\n    count: 1\n    input_tokens: .nan\n", 4, 19, "classes[0].input_tokens", "must be a finite number"},
	{"too many days", "days_per_month: 40\n", 1, 17, "days_per_month", "40 is not in (0, 31]"},
	{"zero hours", "hours_per_day: 0\n", 1, 16, "hours_per_day", "0 is not in (0, 24]"},
	{"people not whole", "people: 2.5\n", 1, 9, "people", "must be a whole number"},
	{"no people", "people: 0\n", 1, 9, "people", "0 is not in [1, 100000]"},
	{"huge people", "people: 1e300\n", 1, 9, "people", "is too large"},
	{"second class out of range", oneClass + "  - {name: b, count: 1, input_tokens: 2e9, output_tokens: 1}\n", 6, 39, "classes[1].input_tokens", "not in [0, 1e+09]"},
	{"duplicate class name", oneClass + "  - {name: a, count: 1, input_tokens: 1, output_tokens: 1}\n", 6, 12, "classes[1].name", `duplicate class name "a" (first at line 2)`},
	{"duplicate key", "name: a\nname: b\n", 2, 1, "name", "duplicate key (first at line 1)"},
	{"multi-line description", "description: |\n  one\n  two\n", 1, 14, "description", "must be one line of printable text"},
	{"bad language", "language: Korean!\n", 1, 11, "language", `"Korean!" is not a language code`},
	{"bad currency", "currency: euros\n", 1, 11, "currency", `"euros" is not a currency code`},
	{"syntax error", "classes:\n  - name: \"a\n", 2, 11, "", "could not find end character of double-quoted text"},
	{"bad indentation", "name: a\n  people: 2\n", 1, 7, "", "mapping value is not allowed"},
	{"top-level list", "- name: a\n", 1, 1, "", "expected a mapping of keys to values, got a list"},
	{"top-level text", "hello\n", 1, 1, "", "expected a mapping of keys to values, got the text"},
	{"empty", "", 1, 1, "", "the workload is empty"},
	// An alias repeats its anchor's value, which is checked again in its new place.
	// Sizes in words or pages (tokencount.UnitsFor's figures).
	{"two units for one size", oneClass + "    input_pages: 2\n", 6, 5, "classes[0].input_pages",
		"the input size is given twice, as input_tokens (line 4) and as input_pages: give one"},
	{"two units in words and pages", "classes:\n  - {name: a, count: 1, output_words: 3, input_tokens: 1, output_pages: 1}\n", 2, 59, "classes[0].output_pages",
		"the output size is given twice, as output_words (line 2) and as output_pages"},
	{"missing size names the other units", "classes:\n  - name: a\n    count: 1\n    input_pages: 1\n", 2, 5, "classes[0].output_tokens",
		"required field is missing (or give output_words or output_pages)"},
	{"negative pages", "classes:\n  - name: a\n    count: 1\n    input_pages: -2\n    output_tokens: 1\n", 4, 18, "classes[0].input_pages", "must not be negative (got -2)"},
	{"negative words", "classes:\n  - name: a\n    count: 1\n    input_tokens: 1\n    output_words: -0.5\n", 5, 19, "classes[0].output_words", "must not be negative (got -0.5)"},
	{"NaN pages", "classes:\n  - name: a\n    count: 1\n    input_pages: .nan\n    output_tokens: 1\n", 4, 18, "classes[0].input_pages", "must be a finite number"},
	{"infinite words", "classes:\n  - name: a\n    count: 1\n    input_words: .inf\n    output_tokens: 1\n", 4, 18, "classes[0].input_words", "must be a finite number"},
	{"pages as text", "classes:\n  - name: a\n    count: 1\n    input_pages: ten\n    output_tokens: 1\n", 4, 18, "classes[0].input_pages", `expected a number, got the text "ten"`},
	// 2,000,000 Korean pages × 370 eojeol × 1.8 = 1,332,000,000 tokens > 1e9.
	{"pages over the token limit", "language: ko\nclasses:\n  - name: a\n    count: 1\n    input_pages: 2e6\n    output_tokens: 1\n", 5, 18, "classes[0].input_pages",
		"2e+06 pages of ko make 1.332e+09 tokens, more than the limit of 1e+09"},
	{"aliases are checked where they are used", "classes:\n  - &a {name: a, count: 1, input_tokens: 1, output_tokens: 1}\n  - *a\n",
		2, 15, "classes[1].name", `duplicate class name "a"`},
}

func TestBadWorkloads(t *testing.T) {
	for _, tc := range badWorkloads {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseWorkload("bad.yaml", []byte(tc.yaml))
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
}

// Every preset, and the fixture, reads back equal after MarshalWorkload.
func TestWorkloadRoundTrip(t *testing.T) {
	ws := map[string]model.Workload{}
	for _, p := range Presets() {
		ws[p.Name] = p.Workload
	}
	for _, f := range []string{"testdata/workload.yaml", "testdata/workload-minimal.yaml"} {
		w, err := LoadWorkload(f)
		if err != nil {
			t.Fatal(err)
		}
		ws[f] = w
	}
	odd := model.NewWorkload(`Quotes " and \ and: colons # hashes`)
	odd.Description = "  leading spaces, 'single quotes', ünïcödé, 한국어 팀  "
	odd.Classes = []model.Class{
		{Name: "yes", Count: 0.1, InputTokens: 1e-7, OutputTokens: 123456789.125, Turns: 1},
		{Name: "- dash", Count: 1e7, Per: model.PerMonth, InputTokens: 1e9, OutputTokens: 0, Turns: 1000, CacheHit: 1},
		{Name: "null", Count: 3, Turns: 1, MinTier: model.Frontier},
		{Name: "123", Count: 3, Turns: 1},
		{Name: "문서 작업", Count: 3, Turns: 1},
		{Name: "Tom's R&D (v2.0)", Count: 3, Turns: 1},
	}
	ws["odd"] = odd
	for name, w := range ws {
		t.Run(name, func(t *testing.T) {
			data, err := MarshalWorkload(w)
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseWorkload(name, data)
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if !reflect.DeepEqual(back, w) {
				t.Fatalf("round trip changed the workload:\n got %+v\nwant %+v\n%s", back, w, data)
			}
		})
	}
}

func TestMarshalWorkloadOmitsDefaults(t *testing.T) {
	w := model.NewWorkload("Mine")
	c := model.NewClass("Chat")
	c.Count, c.InputTokens, c.OutputTokens = 10, 500, 1000000
	w.Classes = []model.Class{c}
	data, err := MarshalWorkload(w)
	if err != nil {
		t.Fatal(err)
	}
	body := string(data[strings.IndexByte(string(data), '\n')+1:]) // after the comment line
	want := "name: Mine\nclasses:\n  - name: Chat\n    count: 10\n    input_tokens: 500\n    output_tokens: 1000000\n"
	if body != want {
		t.Errorf("got\n%s\nwant\n%s", body, want)
	}
}

func TestMarshalWorkloadRefuses(t *testing.T) {
	base := func() model.Workload {
		w := model.NewWorkload("w")
		w.Classes = []model.Class{model.NewClass("a")}
		return w
	}
	for _, tc := range []struct {
		name string
		edit func(*model.Workload)
	}{
		{"invalid days", func(w *model.Workload) { w.DaysPerMonth = 0 }},
		{"cache hit above 1", func(w *model.Workload) { w.Classes[0].CacheHit = 2 }},
		{"duplicate class names", func(w *model.Workload) { w.Classes = append(w.Classes, w.Classes[0]) }},
		{"empty class name", func(w *model.Workload) { w.Classes[0].Name = "" }},
		{"control character", func(w *model.Workload) { w.Name = "a\x1b[2Jb" }},
		{"two-line description", func(w *model.Workload) { w.Description = "a\nb" }},
		{"unknown billing", func(w *model.Workload) { w.Billing = 7 }},
		{"bad currency", func(w *model.Workload) { w.Currency = "EURO" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := base()
			tc.edit(&w)
			if data, err := MarshalWorkload(w); err == nil {
				t.Errorf("no error; wrote\n%s", data)
			}
		})
	}
	// The engine reads "" as English and any case of currency: those are written normalised.
	w := base()
	w.Language, w.Currency = "", "krw"
	data, err := MarshalWorkload(w)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseWorkload("w", data)
	if err != nil || back.Language != "en" || back.Currency != "KRW" {
		t.Errorf("got %+v, %v", back, err)
	}
}

func TestSaveWorkload(t *testing.T) {
	w, err := PresetByName(DefaultPreset)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "state", "deeper", "workload.yaml")
	if err := SaveWorkload(path, w); err != nil {
		t.Fatalf("SaveWorkload into missing directories: %v", err)
	}
	back, err := LoadWorkload(path)
	if err != nil || !reflect.DeepEqual(back, w) {
		t.Fatalf("saved workload reads back as %+v, %v", back, err)
	}
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o666&^fs.FileMode(umask) {
		t.Errorf("mode = %v, %v; want 0666 less the umask %03o", st.Mode(), err, umask)
	}
	// A second save replaces the file and keeps the mode the user chose.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	w.People = 2
	if err := SaveWorkload(path, w); err != nil {
		t.Fatal(err)
	}
	if back, _ := LoadWorkload(path); back.People != 2 {
		t.Errorf("second save not visible: %+v", back)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode changed to %v", st.Mode())
	}
	noTemps(t, filepath.Dir(path), "workload.yaml")

	// A symlink is refused: neither it nor the file it points to changes.
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	w.People = 3
	if err := SaveWorkload(link, w); !errors.Is(err, safefile.ErrSymlink) {
		t.Errorf("save to a link: %v, want safefile.ErrSymlink", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	if back, _ := LoadWorkload(path); back.People != 2 {
		t.Errorf("the file behind the link changed: %+v", back)
	}
}

// A failed save leaves the old file exactly as it was and no temporary file.
func TestSaveWorkloadFailures(t *testing.T) {
	good, err := PresetByName("writer")
	if err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.DaysPerMonth = -1 // MarshalWorkload refuses it

	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) func() // returns an undo
		w     model.Workload
	}{
		{"marshal error", nil, bad},
		{"directory not writable", func(t *testing.T, dir string) func() {
			if os.Geteuid() == 0 {
				t.Skip("root writes to read-only directories")
			}
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			return func() { _ = os.Chmod(dir, 0o755) }
		}, good},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "workload.yaml")
			const old = "# the old file\nname: old\n"
			if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				defer tc.setup(t, dir)()
			}
			if err := SaveWorkload(path, tc.w); err == nil {
				t.Fatal("no error")
			}
			if got, err := os.ReadFile(path); err != nil || string(got) != old {
				t.Errorf("target changed: %q, %v", got, err)
			}
			noTemps(t, dir, "workload.yaml")
		})
	}

	// The target is a directory: the rename fails for real.
	dir := t.TempDir()
	target := filepath.Join(dir, "workload.yaml")
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := SaveWorkload(target, good); err == nil {
		t.Fatal("saving over a directory: no error")
	}
	if _, err := os.Stat(filepath.Join(target, "keep")); err != nil {
		t.Errorf("the directory was harmed: %v", err)
	}
	noTemps(t, dir, "workload.yaml")
}

// noTemps fails when dir holds anything but the named entries.
func noTemps(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}
