package plans

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSourceOverlayPath(t *testing.T) {
	for _, tc := range []struct {
		s     Source
		path  string
		named bool
	}{
		{Source{User: "u.yaml"}, "u.yaml", false},
		{Source{User: "u.yaml", Overlay: "o.yaml"}, "o.yaml", true},
		{Source{User: "u.yaml", File: "c.yaml"}, "", false}, // the user's overlays the embedded catalog only
		{Source{User: "u.yaml", File: "c.yaml", Overlay: "o.yaml"}, "o.yaml", true},
		{Source{User: "u.yaml", Overlay: "o.yaml", NoOverlay: true}, "", false},
	} {
		if path, named := tc.s.OverlayPath(); path != tc.path || named != tc.named {
			t.Errorf("%+v: %q %v, want %q %v", tc.s, path, named, tc.path, tc.named)
		}
	}
}

func TestSourceOpen(t *testing.T) {
	base := overlayBase(t)
	embedded := func() (*Catalog, error) { return base.clone(), nil }
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.yaml")
	// The user's overlay may be absent: the base as it is.
	if c, e, err := (&Source{User: missing, Embedded: embedded}).Open(); err != nil || e != nil || len(c.Models) != len(base.Models) {
		t.Errorf("absent user overlay: %v %v", e, err)
	}
	// A named one must be there.
	var oe *OverlayError
	if _, _, err := (&Source{Overlay: missing, Embedded: embedded}).Open(); !errors.As(err, &oe) || oe.Path != missing {
		t.Errorf("absent named overlay: %v", err)
	}
	named := filepath.Join(dir, "o.yaml")
	if err := os.WriteFile(named, []byte("remove: [zeta-team]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, e, err := (&Source{Overlay: named, Embedded: embedded}).Open(); err != nil || e == nil || e.Removed != 1 || len(c.Plans) != len(base.Plans)-1 {
		t.Errorf("named overlay: %+v %v", e, err)
	}
}
