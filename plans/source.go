package plans

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
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

// WorkloadSource says which workload a run prices and how it is shown: a
// workload file, a shipped preset or one derived from usage logs (one at
// the most), else the caller's fallback, else the default preset; with the
// billing and the display currency asked in place of the workload's.
type WorkloadSource struct {
	File   string // a workload file
	Preset string // a shipped preset, by name
	// Logs derives the workload from usage logs (nil: none); the caller
	// reads them, plans does not.
	Logs func() (model.Workload, error)
	// Fallback is the workload when none is named (the app's last one),
	// which it may check against the run's catalog; false, or a nil
	// Fallback, leaves the default preset.
	Fallback func(*Catalog) (model.Workload, bool)
	Billing  string // "monthly" or "annual" in place of the workload's; "" keeps it
	Currency string // the display currency in place of the workload's; "" keeps it
}

// WorkloadFrom says which workload Load took.
type WorkloadFrom int

const (
	WorkloadNamed    WorkloadFrom = iota // File, Preset or Logs
	WorkloadFallback                     // the caller's Fallback
	WorkloadDefault                      // DefaultPreset: none named, no fallback
)

// Load is the workload s names with its billing and display currency
// applied, that currency on cat's exchange rates, and which workload it
// was. The budget, the user's figure in the workload's own currency, is
// restated in the display currency when Currency changed it. A value of s
// that cannot be used is a *ValueError (What "workload" when more than one
// workload is named), except a file's own currency that cat has no rate
// for, which is placed in the file even when another currency is asked
// (its budget is written in it).
func (s *WorkloadSource) Load(cat *Catalog) (w model.Workload, cur money.Currency, from WorkloadFrom, err error) {
	if named(s.File != "", s.Logs != nil, s.Preset != "") > 1 {
		return w, cur, from, &ValueError{"workload", errors.New("a file, logs and a preset name different workloads: give one")}
	}
	switch {
	case s.File != "":
		w, err = LoadWorkload(s.File)
	case s.Logs != nil:
		w, err = s.Logs()
	case s.Preset != "":
		if w, err = PresetByName(s.Preset); err != nil {
			err = &ValueError{"preset", err}
		}
	default:
		ok := false
		if s.Fallback != nil {
			w, ok = s.Fallback(cat)
		}
		from = WorkloadFallback
		if !ok {
			w, err = PresetByName(DefaultPreset)
			from = WorkloadDefault
		}
	}
	if err != nil {
		return w, cur, from, err
	}
	if s.Billing != "" {
		b, ok := model.ParseBilling(s.Billing)
		if !ok {
			return w, cur, from, &ValueError{"billing", fmt.Errorf("%q is not monthly or annual", s.Billing)}
		}
		w.Billing = b
	}
	own := w.Currency
	if s.Currency != "" {
		w.Currency = strings.ToUpper(s.Currency)
	}
	if cur, err = s.currency(cat, w.Currency, s.Currency != ""); err != nil {
		return w, cur, from, err
	}
	if w.Budget <= 0 || strings.EqualFold(own, cur.Code) || (own == "" && cur.Code == "USD") {
		return w, cur, from, nil
	}
	ownCur, err := s.currency(cat, own, false)
	if err != nil {
		return w, cur, from, err
	}
	budget, ok := money.Convert(w.Budget, ownCur, cur)
	if !ok { // both rates come from cat: never, but no budget is better than a wrong one
		return w, cur, from, &ValueError{"currency", fmt.Errorf("no rate to convert the budget from %s to %s", ownCur.Code, cur.Code)}
	}
	w.Budget = budget
	return w, cur, from, nil
}

// currency is cat.Currency, with a workload file's own code (not the one
// asked) it has no rate for placed in the file.
func (s *WorkloadSource) currency(cat *Catalog, code string, asked bool) (money.Currency, error) {
	cur, err := cat.Currency(code)
	if err != nil && !asked && s.File != "" {
		err = PlaceInWorkload(s.File, "currency", errors.Unwrap(err))
	}
	return cur, err
}

// named counts the sources set.
func named(set ...bool) int {
	n := 0
	for _, b := range set {
		if b {
			n++
		}
	}
	return n
}

// ValueError is a value a run asks for that cannot be used (a preset, a
// billing, a currency the catalog has no rate for): What says which.
type ValueError struct {
	What string
	Err  error
}

func (e *ValueError) Error() string { return e.Err.Error() }
func (e *ValueError) Unwrap() error { return e.Err }
