package plans

import (
	"errors"
	"io/fs"
)

// Source says which catalog a run prices on: a catalog file or the
// embedded catalog, and the overlay to apply.
type Source struct {
	File      string // a catalog file in place of the embedded one; "" for that one
	Overlay   string // the overlay named: it must be there
	User      string // the user's overlay: applied to the embedded catalog when it exists
	NoOverlay bool   // apply none
	// Embedded is the embedded catalog, Embedded when nil (tests give their
	// own, so that a price update breaks none of them).
	Embedded func() (*Catalog, error)
}

// OverlayPath is the overlay to apply: the one named, else the user's,
// which overlays the embedded catalog only (a catalog file replaces the
// catalog it was written against); "" for none. named says it was named.
func (s *Source) OverlayPath() (path string, named bool) {
	switch {
	case s.NoOverlay:
		return "", false
	case s.Overlay != "":
		return s.Overlay, true
	case s.File != "":
		return "", false
	}
	return s.User, false
}

// Base is the catalog file, else the embedded catalog.
func (s *Source) Base() (*Catalog, error) {
	switch {
	case s.File != "":
		return LoadCatalog(s.File)
	case s.Embedded != nil:
		return s.Embedded()
	}
	return Embedded()
}

// Open is the base catalog with the overlay applied, before dated changes,
// and what the overlay does (nil when none applies). The user's overlay may
// be absent; a named one must be there. An overlay that cannot be used is
// an *OverlayError.
func (s *Source) Open() (*Catalog, *Effect, error) {
	base, err := s.Base()
	if err != nil {
		return nil, nil, err
	}
	path, named := s.OverlayPath()
	if path == "" {
		return base, nil, nil
	}
	cat, ov, err := LoadOverlay(base, path)
	if err != nil {
		if !named && errors.Is(err, fs.ErrNotExist) {
			return base, nil, nil
		}
		return nil, nil, &OverlayError{path, err}
	}
	effect := ov.Effect(base)
	return cat, &effect, nil
}

// OverlayError is a catalog overlay that cannot be used.
type OverlayError struct {
	Path string
	Err  error
}

func (e *OverlayError) Error() string { return e.Err.Error() }
func (e *OverlayError) Unwrap() error { return e.Err }
