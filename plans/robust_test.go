package plans

import (
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// Inputs that made the YAML parser slow or that editors produce: each gets a
// prompt answer.
func TestOddInputs(t *testing.T) {
	const n = 100000 // the parser needs most of a minute for this many '['
	for _, tc := range []struct {
		name       string
		yaml       string
		line, col  int
		field, msg string
	}{
		{"deep flow nesting", "classes: " + strings.Repeat("[", n), 1, 10 + maxDepth, "", "nesting deeper than 1000 levels"},
		{"deep flow mappings", strings.Repeat("{a: ", n), 1, 4*maxDepth + 1, "", "nesting deeper than 1000 levels"},
		{"deep block nesting", strings.Repeat("- ", n), 1, 2*maxDepth + 1, "", "nesting deeper than 1000 levels"},
		{"many keys in one mapping", strings.Repeat("k: 1\n", maxKeys+5), maxKeys + 1, 1, "", "more than 500 keys in one mapping"},
		{"deep indentation", deepKeys(maxDepth + 1), maxDepth + 1, maxDepth + 1, "", "nesting deeper than 1000 levels"},
		{"too large", "name: " + strings.Repeat("x", maxFileSize), 1, 1, "", "the limit is"},
		{"a long line of broken UTF-8", "name: x\n" + strings.Repeat("\x80", maxFileSize/2), 2, 1, "", "not UTF-8 text (byte 0x80)"},
		// Not read as U+FFFD: "X\xffY" would become "X�Y" without a word.
		// The byte is the 9th character of line 1: name: "X then it.
		{"broken UTF-8 in a name", "name: \"X\xffY\"\n", 1, 9, "", "not UTF-8 text (byte 0xff)"},
		// é is one character: the cut byte after "# é " is column 5 of line 2.
		{"broken UTF-8 in a comment", "name: x\n# é \xc3\n", 2, 5, "", "not UTF-8 text (byte 0xc3)"},
		{"UTF-16", "\xff\xfen\x00a\x00", 1, 1, "", "not UTF-8 text (byte 0xff)"},
		{"NUL byte", "name: a\x00b\n", 1, 7, "name", "printable text (found U+0000)"},
		{"control character in a quoted name", "name: \"a\\x07\"\n", 1, 7, "name", "printable text (found U+0007)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseWorkload("bad.yaml", []byte(tc.yaml))
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
	// Brackets in quotes, comments and plain text do not count as nesting.
	ok := "current: \"" + strings.Repeat("[", 2*maxDepth) + "\"\n" +
		"description: '" + strings.Repeat("{", 2*maxDepth) + "'\n" +
		"# " + strings.Repeat("[", 2*maxDepth) + "\n" +
		"language: en # " + strings.Repeat("{", 2*maxDepth) + "\n"
	if _, err := ParseWorkload("ok.yaml", []byte(ok)); err != nil {
		t.Errorf("brackets in text: %v", err)
	}
}

func TestEditorsFormats(t *testing.T) {
	want, err := LoadWorkload("testdata/workload.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(safefiletest.ReadString(t, "testdata/workload.yaml"))
	for name, in := range map[string][]byte{
		"byte order mark": append([]byte("\xEF\xBB\xBF"), data...),
		"CRLF":            []byte(strings.ReplaceAll(string(data), "\n", "\r\n")),
	} {
		got, err := ParseWorkload(name, in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.Name != want.Name || len(got.Classes) != len(want.Classes) || got.Classes[1] != want.Classes[1] {
			t.Errorf("%s: got %+v", name, got)
		}
	}
}

func TestAliases(t *testing.T) {
	w, err := ParseWorkload("a.yaml", []byte("classes:\n  - {name: a, count: 1, input_tokens: &n 500, output_tokens: *n}\n"))
	if err != nil || w.Classes[0].OutputTokens != 500 {
		t.Errorf("an alias for a value: %+v, %v", w, err)
	}
	// Each alias re-reads its anchor, so a small file can stand for a huge
	// one: here 1,500 limits of 1,500 tiers each. The walk stops at a bound.
	bomb := "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n" +
		"      - &one {window_hours: 5, messages: 1, tiers: &t [" + strings.Repeat("small, ", 1499) + "small]}\n" +
		strings.Repeat("      - *one\n", 1499)
	_, err = ParseCatalog("bad.yaml", []byte(bomb))
	if err == nil || !strings.Contains(err.Error(), "too many aliases") {
		t.Errorf("an alias bomb: %v", err)
	}
}

// deepKeys is n mappings, each the only key of the one before.
func deepKeys(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

// Big files of an ordinary shape pass the guard.
func TestCheckShapeAllows(t *testing.T) {
	for name, s := range map[string]string{
		"long list of mappings":                strings.Repeat("- id: a\n  name: b\n  limits:\n    - {window_hours: 5}\n", 3*maxKeys),
		"entries on their own line":            "subscriptions:\n" + strings.Repeat("  -\n    id: a\n    name: b\n", 3*maxKeys),
		"entries on their own line, with CRLF": "subscriptions:\r\n" + strings.Repeat("  -\r\n    id: a\r\n    name: b\r\n", 3*maxKeys),
		"lists of scalars":                     "a:\n" + strings.Repeat("  - x\n", 3*maxKeys) + "b: 1\n",
		"nested keys reset":                    strings.Repeat("a:\n  b: 1\n  c: 1\n", maxKeys),
		"nested to the limit":                  deepKeys(maxDepth),
		"keys in block text":                   "note: |\n" + strings.Repeat("  k: v\n", maxKeys/2),
		"shipped catalog":                      string(embeddedCatalog),
	} {
		if line, col, msg := checkShape([]byte(s)); msg != "" {
			t.Errorf("%s: %d:%d: %s", name, line, col, msg)
		}
	}
}
