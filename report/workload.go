package report

import (
	"fmt"

	"github.com/tokenomics/tokenomics/plans"
)

// Compared says which workload a comparison no flag named prices (from
// is where plans.WorkloadSource took it; state, the app's state file, as
// shown), on a line of its own; "" for one named.
func Compared(from plans.WorkloadFrom, name, state string) string {
	switch from {
	case plans.WorkloadFallback:
		return fmt.Sprintf("tokenomics: comparing your last saved workload, %q (%s); --workload or --preset picks another\n", name, state)
	case plans.WorkloadDefault:
		return fmt.Sprintf("tokenomics: comparing the default preset, %q (no saved workload yet); --workload or --preset picks another\n", name)
	}
	return ""
}
