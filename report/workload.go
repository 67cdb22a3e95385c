package report

import (
	"fmt"

	"github.com/tokenomics/tokenomics/plans"
)

// Compared says which workload a comparison no flag named prices (from
// is where plans.WorkloadSource took it; state, the app's state file, as
// shown; unloaded, why that file does not load, "" when it loaded or there
// is none), on a line of its own; "" for one named.
func Compared(from plans.WorkloadFrom, name, state, unloaded string) string {
	switch {
	case from == plans.WorkloadFallback:
		return fmt.Sprintf("tokenomics: comparing your last saved workload, %q (%s); --workload or --preset picks another\n", name, state)
	case from == plans.WorkloadDefault && unloaded != "":
		return fmt.Sprintf("tokenomics: comparing the default preset, %q: your last saved workload does not load (%s); --workload or --preset picks another\n", name, unloaded)
	case from == plans.WorkloadDefault:
		return fmt.Sprintf("tokenomics: comparing the default preset, %q (no saved workload yet); --workload or --preset picks another\n", name)
	}
	return ""
}
