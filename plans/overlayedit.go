package plans

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tokenomics/tokenomics/safefile"
)

// OverlayEdit is the user's overlay read for a rewrite: the overlay (empty
// when there is none yet), the embedded catalog under it, and the catalog
// the two make.
type OverlayEdit struct {
	Path    string
	Base    *Catalog // the embedded catalog
	Catalog *Catalog // with the overlay
	Overlay *Overlay

	unlock func() // set by LockOverlay
}

// EditOverlay reads the overlay at path over base (the embedded catalog)
// for a rewrite. A rewrite replaces it whole, so one that is not valid
// refuses the change (what is "saved", "imported"…) rather than lose it.
func EditOverlay(base *Catalog, path, what string) (*OverlayEdit, error) {
	ed := &OverlayEdit{Path: path, Base: base, Catalog: base, Overlay: &Overlay{}}
	switch cat, ov, err := LoadOverlay(base, path); {
	case err == nil:
		ed.Catalog, ed.Overlay = cat, ov
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("the overlay in place is not valid, so nothing is %s (fix it, or move it away): %w", what, err)
	}
	return ed, nil
}

// LockOverlay is EditOverlay under an exclusive lock on path, waiting up to
// wait for another tokenomics writing it: a rewrite made between this read
// and Save would be lost. Every command that rewrites the overlay (catalog
// import, calibrate --save) takes it here; Close releases the lock.
func LockOverlay(base *Catalog, path, what string, wait time.Duration) (*OverlayEdit, error) {
	unlock, err := safefile.Lock(path, wait)
	if err != nil {
		return nil, fmt.Errorf("the overlay %s is left as it was: %w", path, err)
	}
	ed, err := EditOverlay(base, path, what)
	if err != nil {
		unlock()
		return nil, err
	}
	ed.unlock = unlock
	return ed, nil
}

// Close releases LockOverlay's lock; it does nothing for an edit without
// one, or a second time.
func (ed *OverlayEdit) Close() {
	if ed.unlock != nil {
		ed.unlock()
		ed.unlock = nil
	}
}

// Save writes the overlay, the one before kept as a backup, under a header
// saying it was written on day now by the command line by.
func (ed *OverlayEdit) Save(now, by string) (backup string, err error) {
	header := fmt.Sprintf(`tokenomics catalog overlay. Entries here add to the embedded catalog or replace
its entries with the same id (a replacement is a whole entry); remove hides entries.
Each entry's comment says where it came from. Written on %s by
  %s
The file before this write is kept as %s.`, now, by, filepath.Base(ed.Path)+BackupSuffix)
	backup, err = SaveOverlay(ed.Path, ed.Base, ed.Overlay, header)
	if err != nil {
		return "", fmt.Errorf("the overlay %s is left as it was: %w", ed.Path, err)
	}
	return backup, nil
}
