package plans

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// placedComments maps the comments of a workload file to their places: the
// line they are above or beside, named by key ("budget", "class Chat",
// "class Chat.count"), or the class or file they close ("after class Chat",
// "after end": comments below a class's last line, indented as its fields).
func placedComments(data string) map[string][]string {
	out := map[string][]string{}
	add := func(place string, texts ...string) {
		if len(texts) > 0 {
			out[place] = append(out[place], texts...)
		}
	}
	var pending, closing []string // closing: indented as a class's fields
	class := ""
	flush := func(above string) {
		add("after "+class, closing...)
		add("above "+above, pending...)
		pending, closing = nil, nil
	}
	for _, line := range strings.Split(data, "\n") {
		text := strings.TrimSpace(line)
		switch {
		case text == "":
			continue
		case strings.HasPrefix(text, "#"):
			if class != "" && strings.HasPrefix(line, "    #") && len(pending) == 0 {
				closing = append(closing, text) // may be above the class's next field yet
			} else {
				pending = append(pending, text)
			}
			continue
		}
		// A comment beside a value: " #" outside double quotes.
		beside := ""
		for i := 0; i < len(line); i++ {
			if line[i] == '"' {
				i += strings.IndexByte(line[i+1:], '"') + 1
			} else if strings.HasPrefix(line[i:], " #") {
				line, beside = line[:i], strings.TrimSpace(line[i:])
				break
			}
		}
		key, value, _ := strings.Cut(strings.TrimLeft(line, " -"), ":")
		var place string
		switch {
		case strings.HasPrefix(line, "  - "):
			flush("class " + strings.Trim(strings.TrimSpace(value), `"`))
			class = "class " + strings.Trim(strings.TrimSpace(value), `"`)
			place = class
		case strings.HasPrefix(line, "    "):
			place = class + "." + key
			pending, closing = append(closing, pending...), nil // above a field after all
			add("above "+place, pending...)
			pending = nil
		default:
			flush(key)
			class, place = "", key
		}
		if beside != "" {
			add("beside "+place, beside)
		}
	}
	add("after "+class, closing...)
	add("after end", pending...)
	return out
}

// Saving over a shipped preset after an edit in the app keeps every comment
// whose place is still there, at that place, and the file reads back as the
// workload saved.
func TestSaveWorkloadKeepsPresetComments(t *testing.T) {
	files, err := filepath.Glob("presets/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no presets: %v", err)
	}
	edits := []struct {
		name string
		edit func(w *model.Workload) (removed string)
	}{
		{"count changed", func(w *model.Workload) string {
			w.Classes[0].Count += 1
			return ""
		}},
		{"class added", func(w *model.Workload) string {
			c := model.NewClass("Added here")
			c.Count, c.InputTokens, c.OutputTokens = 2, 100, 50
			w.Classes = append(w.Classes, c)
			return ""
		}},
		{"class removed", func(w *model.Workload) string {
			// The second: the classes after it move up one place.
			removed := w.Classes[1].Name
			w.Classes = slices.Delete(w.Classes, 1, 2)
			return removed
		}},
	}
	for _, file := range files {
		orig, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range edits {
			t.Run(filepath.Base(file)+"/"+e.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "workload.yaml")
				if err := os.WriteFile(path, orig, 0o644); err != nil {
					t.Fatal(err)
				}
				w, err := LoadWorkload(path)
				if err != nil {
					t.Fatal(err)
				}
				removed := e.edit(&w)
				if err := SaveWorkload(path, w); err != nil {
					t.Fatal(err)
				}
				saved, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				want := placedComments(string(orig))
				if len(want) == 0 {
					t.Fatal("the preset has no comments to keep")
				}
				for place := range want {
					if removed != "" && strings.Contains(place, "class "+removed) {
						delete(want, place) // its place is gone
					}
				}
				diffPlaces(t, placedComments(string(saved)), want, saved)
				back, err := ParseWorkload(path, saved)
				if err != nil || !sameWorkload(w, back) {
					t.Errorf("reads back as %+v, %v; saved %+v", back, err, w)
				}
			})
		}
	}
}

// diffPlaces reports each place whose comments differ from those wanted.
func diffPlaces(t *testing.T, got, want map[string][]string, file []byte) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	for place, w := range want {
		if !slices.Equal(got[place], w) {
			t.Errorf("%s: got %q, want %q", place, got[place], w)
		}
	}
	for place, g := range got {
		if _, ok := want[place]; !ok {
			t.Errorf("%s: got %q, want none", place, g)
		}
	}
	t.Logf("file:\n%s", file)
}

// Every place a comment can have, and what becomes of it when the workload
// changes under it.
func TestSaveWorkloadCommentPlaces(t *testing.T) {
	const old = `# head one

# head two
name: Team # beside name
# above people
people: 2
# above billing, which goes back to its default
billing: monthly # beside billing
classes: # beside classes
  # above Chat
  - name: Chat # beside Chat's name
    # above count
    count: 3 # beside count
    # above the input size
    input_words: 300 # beside the input size
    output_tokens: 6
    # above via, which goes back to its default
    via: chat
    # after Chat
  # above Gone
  - name: Gone
    count: 1 # beside Gone's count
    input_tokens: 5
    output_tokens: 6
  - name: Docs
    count: 1
    input_tokens: 5
    output_tokens: 6
# the end
`
	// The edit: Chat's count 3 -> 4 and its input now in tokens (300 English
	// words at 1.3 tokens a word = 390 tokens), Gone removed, New added.
	const want = `# head one
# head two
name: Team # beside name
# above people
people: 2
# above billing, which goes back to its default
# beside billing
classes: # beside classes
  # above Chat
  - name: Chat # beside Chat's name
    # above count
    count: 4 # beside count
    # above the input size
    input_tokens: 390 # beside the input size
    output_tokens: 6
    # above via, which goes back to its default
    # after Chat
  - name: Docs
    count: 1
    input_tokens: 5
    output_tokens: 6
  - name: New
    count: 2
    input_tokens: 10
    output_tokens: 20
# the end
`
	path := filepath.Join(t.TempDir(), "workload.yaml")
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := LoadWorkload(path)
	if err != nil {
		t.Fatal(err)
	}
	if w.Classes[0].InputTokens != 390 {
		t.Fatalf("300 words read as %v tokens, want 390", w.Classes[0].InputTokens)
	}
	w.Classes[0].Count = 4
	w.Classes[0].InputUnit = model.UnitTokens
	nc := model.NewClass("New")
	nc.Count, nc.InputTokens, nc.OutputTokens = 2, 10, 20
	w.Classes = append(slices.Delete(w.Classes, 1, 2), nc)
	if err := SaveWorkload(path, w); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", got, want)
	}
	if back, err := ParseWorkload(path, got); err != nil || !reflect.DeepEqual(back, w) {
		t.Errorf("reads back as %+v, %v; saved %+v", back, err, w)
	}
}

// A file without comments is replaced by exactly what MarshalWorkload
// writes, and so is one that no longer parses (its comments cannot be
// placed), and a new file.
func TestSaveWorkloadWithoutComments(t *testing.T) {
	w, err := PresetByName(DefaultPreset)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := MarshalWorkload(w)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old string }{
		{"no file", ""},
		{"no comments", "name: Old\nclasses: []\n"},
		{"does not parse", "# a comment\nname: [\n"},
		{"only the written head", string(plain)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workload.yaml")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := SaveWorkload(path, w); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(plain) {
				t.Errorf("saved:\n%s\nwant:\n%s", got, plain)
			}
		})
	}
}

// The cost comments add to a save over the longest preset.
func BenchmarkWithComments(b *testing.B) {
	orig, err := os.ReadFile("presets/developer.yaml")
	if err != nil {
		b.Fatal(err)
	}
	w, err := ParseWorkload("developer.yaml", orig)
	if err != nil {
		b.Fatal(err)
	}
	out, back, err := marshalWorkload(w)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		withComments(orig, out, back)
	}
}

// Every key MarshalWorkload writes is in topKeys or classKeys, the orders
// a comment of a key no longer written falls back on: a field added to the
// file format without them would lose its comments' place. Each preset and
// a workload with every optional field set are written and read key by key.
func TestCommentKeysCoverTheFormat(t *testing.T) {
	var ws []model.Workload
	for _, p := range Presets() {
		ws = append(ws, p.Workload)
	}
	full := model.NewWorkload("full")
	full.Description, full.Current, full.Budget, full.Currency, full.Language = "d", "claude-pro", 10, "EUR", "ko"
	full.Billing = model.Annual
	c := model.NewClass("c")
	c.Count, c.InputTokens, c.OutputTokens, c.ReasoningTokens, c.FollowupTokens = 1, 10, 10, 5, 3
	c.Turns, c.CacheHit, c.Batch, c.MinTier, c.Via, c.Per = 2, 0.5, true, model.Mid, model.ViaAPI, model.PerWeek
	w2 := c
	w2.Name, w2.InputUnit, w2.OutputUnit = "words", model.UnitWords, model.UnitPages
	full.Classes = []model.Class{c, w2}
	ws = append(ws, full)
	for _, w := range ws {
		out, err := MarshalWorkload(w)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(out), "\n") {
			trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(line, " "), "- "), " ")
			key, _, ok := strings.Cut(trimmed, ":")
			if !ok || strings.HasPrefix(trimmed, "#") || strings.ContainsAny(key, " {") {
				continue
			}
			keys := topKeys
			if strings.HasPrefix(line, " ") {
				keys = classKeys
			}
			if !slices.Contains(keys, key) {
				t.Errorf("%s: key %q (line %q) is in neither list of comment places", w.Name, key, line)
			}
		}
	}
}

// A save over a file nested past the parser's bounds: its shape check
// refuses it before the comment reader, whose time grows with the square
// of the depth, sees it (20,000 '[' took 2 s when the reader came first).
func BenchmarkWithCommentsDeepOld(b *testing.B) {
	old := []byte("# kept?\nname: x\nclasses: " + strings.Repeat("[", 20000) + "\n")
	out, back, err := marshalWorkload(model.NewWorkload("x"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if got := withComments(old, out, back); string(got) != string(out) {
			b.Fatalf("a file that does not parse changed the output:\n%s", got)
		}
	}
}
