package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

// Each file set aside takes the next free name; none set aside before is
// replaced, and the path is free afterwards.
func TestSetAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.yaml")
	for i, want := range []string{path + ".bad", path + ".bad.1", path + ".bad.2"} {
		body := []byte{byte('a' + i)}
		if err := os.WriteFile(path, body, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := SetAside(path)
		if err != nil || got != want {
			t.Fatalf("set aside %d: %q, %v; want %q", i, got, err, want)
		}
		if _, err := os.Lstat(path); !os.IsNotExist(err) {
			t.Fatalf("set aside %d: %s still there (%v)", i, path, err)
		}
	}
	for i, name := range []string{path + ".bad", path + ".bad.1", path + ".bad.2"} {
		if b, err := os.ReadFile(name); err != nil || string(b) != string(rune('a'+i)) {
			t.Errorf("%s holds %q, %v; want %q", name, b, err, string(rune('a'+i)))
		}
	}
}
