package plans

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// Every file reader stops at maxFileSize+1 bytes and refuses what is not a
// regular file: /dev/zero once grew a run to 2.6 GB, and a FIFO hung it.
func TestLoadersRefuseDevicesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := safefiletest.FIFO(t, filepath.Join(dir, "fifo.yaml"))
	zero := safefiletest.EndlessLink(t, filepath.Join(dir, "zero.yaml"))
	huge := filepath.Join(dir, "huge.yaml")
	if err := os.WriteFile(huge, []byte("name: "+strings.Repeat("x", maxFileSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	loaders := map[string]func(string) error{
		"workload": func(p string) error { _, err := LoadWorkload(p); return err },
		"catalog":  func(p string) error { _, err := LoadCatalog(p); return err },
		"overlay":  func(p string) error { _, _, err := LoadOverlay(base, p); return err },
	}
	for what, load := range loaders {
		for _, p := range []string{fifo, zero, "/dev/urandom", dir} {
			var err error
			done := make(chan struct{})
			go func() { err = load(p); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("%s %s: still reading after 5 s", what, p)
			}
			var pe *fs.PathError
			if !errors.Is(err, safefile.ErrNotRegular) || !errors.As(err, &pe) {
				t.Errorf("%s %s: %v, want a *fs.PathError: not a regular file", what, p, err)
			}
		}
		err := load(huge)
		var e *Error
		if !errors.As(err, &e) || e.Line != 1 || e.Col != 1 || !strings.Contains(e.Msg, "larger than 4 MiB, the limit") {
			t.Errorf("%s of 4 MiB + 7 bytes: %v, want huge.yaml:1:1 larger than 4 MiB", what, err)
		}
	}
}

// YAMLError places the YAML reader's error as every file's errors are
// (the app's settings file uses it too); another error is not its to place.
func TestYAMLError(t *testing.T) {
	var v struct{ Volume float64 }
	err := yaml.UnmarshalWithOptions([]byte("volume: 1\ncolour: red\n"), &v, yaml.Strict())
	// colour is on line 2, column 1.
	if pe, ok := YAMLError("prefs.yaml", err); !ok || pe.Error() != `prefs.yaml:2:1: colour: unknown field "colour"` {
		t.Errorf("%v, %v", pe, ok)
	}
	if _, ok := YAMLError("prefs.yaml", errors.New("not the reader's")); ok {
		t.Error("placed an error that is not the YAML reader's")
	}
}
