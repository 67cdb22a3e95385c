package plans

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/safefile"
)

// LockOverlay holds the overlay's lock until Close, and lets it go when the
// overlay in place cannot be read for a rewrite.
func TestLockOverlay(t *testing.T) {
	base := overlayBase(t)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	ed, err := LockOverlay(base, path, "saved", 0)
	if err != nil {
		t.Fatal(err)
	}
	// Held: a second rewrite gives up, saying the overlay is left as it was.
	_, err = LockOverlay(base, path, "saved", 0)
	if !errors.Is(err, safefile.ErrLocked) || !strings.HasPrefix(err.Error(), "the overlay "+path+" is left as it was: ") {
		t.Fatalf("second lock: %v", err)
	}
	ed.Close()
	ed.Close() // a second Close does nothing

	// An overlay that is not valid is refused, and the lock let go.
	if err := os.WriteFile(path, []byte("schema: 1\nunknown_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err = LockOverlay(base, path, "saved", 0); err == nil || !strings.Contains(err.Error(), "the overlay in place is not valid, so nothing is saved") {
		t.Fatalf("invalid overlay: %v", err)
	}
	unlock, err := safefile.Lock(path, 0)
	if err != nil {
		t.Fatalf("the lock was kept after a refusal: %v", err)
	}
	unlock()
}
