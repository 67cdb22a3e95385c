package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// A prefs file that does not parse is an error placed as every other
// file's: path:line:column: what the YAML reader says, and the defaults.
func TestLoadPrefsErrorPlaced(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, data, want string }{
		{"unknown key", "volume: 2\ncolour: red\n", ":2:1: unknown field \"colour\""},
		{"wrong type", "volume: 2\nno_free: [1]\n", ":2:10: cannot unmarshal []interface {} into Go struct field Prefs.NoFree of type bool"},
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
