package report

import (
	"fmt"

	"github.com/tokenomics/tokenomics/catalogsync"
)

// skipWords are the reasons an import leaves an entry alone that carry no
// value of their own.
var skipWords = map[catalogsync.SkipKind]string{
	catalogsync.SkipNoProvider: "no provider",
	catalogsync.SkipNoID:       "no usable id in the key",
	catalogsync.SkipNoContext:  "no context window given (a catalog entry needs one)",
}

// SkipText says why an import left an entry alone ("retired: the file
// gives 2026-05-15 as its deprecation date").
func SkipText(s catalogsync.Skip) string {
	switch s.Why {
	case catalogsync.SkipProblem:
		return s.Problem
	case catalogsync.SkipRetired:
		return fmt.Sprintf("retired: the file gives %s as its deprecation date", s.Date)
	case catalogsync.SkipIDTaken:
		return fmt.Sprintf("the id %q is taken in the catalog", s.ID)
	case catalogsync.KeptNewer:
		return fmt.Sprintf("the catalog's entry is of %s, newer than this file's %s (--force replaces it)", s.Date, s.AsOf)
	}
	return skipWords[s.Why]
}
