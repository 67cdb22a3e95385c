package plans

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
