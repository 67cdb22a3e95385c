package report

import (
	"fmt"

	"github.com/tokenomics/tokenomics/catalogsync"
)

// SkipText says why an import left an entry alone ("retired: the file
// gives 2026-05-15 as its deprecation date").
func SkipText(s catalogsync.Skip) string {
	switch s.Why {
	case catalogsync.SkipNoProvider:
		return "no provider"
	case catalogsync.SkipNoID:
		return "no usable id in the key"
	case catalogsync.SkipNoContext:
		return "no context window given (a catalog entry needs one)"
	case catalogsync.SkipRetired:
		return fmt.Sprintf("retired: the file gives %s as its deprecation date", s.Date)
	case catalogsync.SkipIDTaken:
		return fmt.Sprintf("the id %q is taken in the catalog", s.ID)
	case catalogsync.KeptNewer:
		return fmt.Sprintf("the catalog's entry is of %s, newer than this file's %s (--force replaces it)", s.Date, s.AsOf)
	}
	return s.Problem
}
