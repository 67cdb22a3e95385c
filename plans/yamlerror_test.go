package plans

import (
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// A value of the wrong kind is said at its key, in the file's words: no
// file kind shows the user a Go name (a struct field, a Go type).
func TestTypeErrorsNameTheKey(t *testing.T) {
	noGo := func(t *testing.T, err error) {
		t.Helper()
		for _, g := range []string{"Go ", "struct", "interface", "float64", "unmarshal"} {
			if err != nil && strings.Contains(err.Error(), g) {
				t.Errorf("%v: names Go (%q)", err, g)
			}
		}
	}
	cat, err := os.ReadFile("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := overlayBase(t)
	for _, tc := range []struct {
		name, kind, yaml string
		line, col        int
		field, msg       string
	}{
		// "people: " is 8 characters: col 9.
		{"workload: text for a count", "workload", "people: many\n", 1, 9, "people", `expected a number, got the text "many"`},
		// "classes:\n  - {name: a, count: " : col 22 on line 2.
		{"workload: a list for a count", "workload", "classes:\n  - {name: a, count: [1], input_tokens: 1, output_tokens: 1}\n", 2, 22, "classes[0].count", "expected a number, got a list"},
		{"workload: a mapping for the name", "workload", "name: {a: 1}\n", 1, 7, "name", "expected text, got a mapping"},
		// The first model's "    input: 0.2", on line 20: "    input: " is 11 characters, col 12.
		{"catalog: text for a price", "catalog", strings.Replace(string(cat), "    input: 0.2\n", "    input: cheap\n", 1), 20, 12, "api_models[0].input", `expected a number, got the text "cheap"`},
		// "  - {id: acme-mini, input: " is 27 characters: col 28.
		{"overlay: text for a price", "overlay", "api_models:\n  - {id: acme-mini, input: cheap}\n", 2, 28, "api_models[0].input", `expected a number, got the text "cheap"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			switch tc.kind {
			case "workload":
				_, err = ParseWorkload("bad.yaml", []byte(tc.yaml))
			case "catalog":
				_, err = ParseCatalog("bad.yaml", []byte(tc.yaml))
			case "overlay":
				_, _, err = ApplyOverlay(base, "bad.yaml", []byte(tc.yaml))
			}
			noGo(t, err)
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
}

// YAMLError says an error of the YAML reader decoding into Go values (the
// app's prefs are read so) at the key, in the words of the other files.
func TestYAMLErrorWithoutGoNames(t *testing.T) {
	type inner struct {
		Count uint8 `yaml:"count"`
	}
	type file struct {
		On    bool              `yaml:"on_off"`
		Ratio float64           `yaml:"ratio"`
		Name  string            `yaml:"name"`
		Tags  []string          `yaml:"tags"`
		Sub   inner             `yaml:"sub"`
		Map   map[string]string `yaml:"map"`
		Ptr   *bool             `yaml:"ptr"`
	}
	for _, tc := range []struct {
		yaml       string
		line, col  int
		field, msg string
	}{
		{"on_off: maybe\n", 1, 9, "on_off", `expected true or false, got the text "maybe"`},
		{"on_off: 3\n", 1, 9, "on_off", "expected true or false, got a number"},
		{"on_off:\n  - 1\n", 2, 3, "on_off", "expected true or false, got a list"},
		{"ptr: maybe\n", 1, 6, "ptr", `expected true or false, got the text "maybe"`},
		{"ratio: {a: 1}\n", 1, 8, "ratio", "expected a number, got a mapping"},
		{"ratio: 1e400\n", 1, 8, "ratio", "1e400 is out of range"},
		// a uint8 holds 0 to 255.
		{"sub: {count: 256}\n", 1, 14, "count", "256 is out of range"},
		{"sub: {count: x}\n", 1, 14, "count", `expected a number, got the text "x"`},
		{"name: [a]\n", 1, 7, "name", "expected text, got a list"},
		{"tags: {a: b}\n", 1, 7, "tags", "expected a list, got a mapping"},
		{"map: [a]\n", 1, 6, "map", "expected a mapping of keys to values, got a list"},
		{"sub: 3\n", 1, 6, "sub", "expected a mapping of keys to values, got a number"},
		{"colour: red\n", 1, 1, "colour", `unknown field "colour"`},
		// Forty characters of the text, then an ellipsis.
		{"on_off: " + strings.Repeat("y", 50) + "\n", 1, 9, "on_off", `got the text "` + strings.Repeat("y", 40) + `…"`},
	} {
		var v file
		yerr := yaml.UnmarshalWithOptions([]byte(tc.yaml), &v, yaml.Strict())
		pe, ok := YAMLError("bad.yaml", yerr)
		if !ok {
			t.Errorf("%q: %v is not the reader's", tc.yaml, yerr)
			continue
		}
		if pe.File != "bad.yaml" || pe.Line != tc.line || pe.Col != tc.col || pe.Field != tc.field || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("%q: %s; want bad.yaml:%d:%d: %s: …%s…", tc.yaml, pe, tc.line, tc.col, tc.field, tc.msg)
		}
		for _, g := range []string{"Go ", "struct", "interface", "uint8", "float64", "unmarshal"} {
			if strings.Contains(pe.Error(), g) {
				t.Errorf("%q: %s names Go (%q)", tc.yaml, pe, g)
			}
		}
	}
}

// A name longer than model.MaxName is refused at the name, for a workload
// as for a class, and a description longer than model.MaxDescription at
// the description: a file of a 3 MB name is not printed whole.
func TestNamesCapped(t *testing.T) {
	long := strings.Repeat("n", 3<<20)
	for _, tc := range []struct {
		name, yaml string
		line, col  int
		field, msg string
	}{
		// "name: " is 6 characters: col 7.
		{"workload", "name: " + long + "\n", 1, 7, "name", "is 3145728 characters long; a name has at most 256"},
		{"workload, one too many", "name: " + strings.Repeat("n", 257) + "\n", 1, 7, "name", "is 257 characters long; a name has at most 256"},
		// "  - name: " is 10 characters: col 11.
		{"class", "classes:\n  - name: " + long + "\n    count: 1\n    input_tokens: 1\n    output_tokens: 1\n", 2, 11, "classes[0].name", "is 3145728 characters long; a name has at most 256"},
		// A description is capped too, at model.MaxDescription; "description: " is 13 characters: col 14.
		{"description", "name: w\ndescription: " + long + "\n", 2, 14, "description", "is 3145728 characters long; a description has at most 2000"},
		{"description, one too many", "name: w\ndescription: " + strings.Repeat("d", 2001) + "\n", 2, 14, "description", "is 2001 characters long; a description has at most 2000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseWorkload("bad.yaml", []byte(tc.yaml))
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
	// 256 characters is a name, 2000 a description.
	if w, err := ParseWorkload("ok.yaml", []byte("name: "+strings.Repeat("가", 256)+"\ndescription: "+strings.Repeat("가", 2000)+"\n")); err != nil || len([]rune(w.Name)) != 256 || len([]rune(w.Description)) != 2000 {
		t.Errorf("256 and 2000 characters: %v", err)
	}
}
