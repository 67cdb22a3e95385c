package usage

import (
	"errors"

	"github.com/tokenomics/tokenomics/model"
)

// SummarizeAndDerive summarizes the log on cat and fits the workload it
// describes by rule, both at once (they only read the log). A log with no
// record has no workload: nil, and no error.
func (l *Log) SummarizeAndDerive(cat *model.Catalog, rule Rule) (Summary, *Derived, error) {
	var s Summary
	summed := make(chan struct{})
	go func() {
		s = l.Summarize(cat)
		close(summed)
	}()
	d, err := l.Derive(cat, rule)
	<-summed
	switch {
	case errors.Is(err, ErrNoRecords):
		return s, nil, nil
	case err != nil:
		return s, nil, err
	}
	return s, &d, nil
}
