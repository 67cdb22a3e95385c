package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// A prefs file that does not parse is an error placed as every other
// file's: path:line:column: the key: what is wrong, in the words of the
// other files (never a Go name), and the defaults.
func TestLoadPrefsErrorPlaced(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, data, want string }{
		{"unknown key", "volume: 2\ncolour: red\n", ":2:1: colour: unknown field \"colour\""},
		{"a list for a bool", "volume: 2\nno_free: [1]\n", ":2:10: no_free: expected true or false, got a list"},
		{"text for a bool", "no_free: maybe\n", ":1:10: no_free: expected true or false, got the text \"maybe\""},
		{"text for a number", "volume: twice\n", ":1:9: volume: expected a number, got the text \"twice\""},
		{"a mapping for a number", "volume: {x: 2}\n", ":1:9: volume: expected a number, got a mapping"},
		{"a number out of range", "volume: 1e400\n", ":1:9: volume: 1e400 is out of range"},
		{"syntax", "volume: [2\n", ":1:9: sequence end token ']' not found"},
	} {
		path := filepath.Join(dir, tc.name+".yaml")
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := LoadPrefs(path)
		if err == nil || err.Error() != path+tc.want || p != (Prefs{Volume: 1}) {
			t.Errorf("%s: %+v, %v; want the defaults and %q", tc.name, p, err, path+tc.want)
		}
	}
}

// A prefs file saved from an editor with a byte order mark reads as without
// it, as the other files do: the mark made the first key unknown.
func TestLoadPrefsBOM(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, data string
		want       Prefs
	}{
		{"only a BOM", "\ufeff", Prefs{Volume: 1}},
		{"a BOM first", "\ufeffno_free: true\nvolume: 2\n", Prefs{Volume: 2, NoFree: true}},
	} {
		path := filepath.Join(dir, tc.name+".yaml")
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if p, err := LoadPrefs(path); err != nil || p != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.name, p, err, tc.want)
		}
	}
}
