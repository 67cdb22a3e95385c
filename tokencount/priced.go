package tokencount

import (
	"fmt"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

// PriceAll prices every document counted as text on cat (lang and ids as
// Price takes them; binary ones are left as they are) and returns their sum
// when there are several texts, else nil.
func PriceAll(docs []*Document, cat *model.Catalog, lang string, ids []string) *Document {
	var total Stats
	texts := 0
	for _, d := range docs {
		if d.Stats.Binary {
			continue
		}
		d.Price(cat, lang, ids)
		total.Add(d.Stats)
		texts++
	}
	if texts < 2 {
		return nil
	}
	return Sum(docs, total)
}

// CountFile counts the file name, streamed: a regular file only (a FIFO
// would wait, a device never end). Errors name the file.
func CountFile(name string) (Stats, error) {
	f, err := safefile.Open(name)
	if err != nil {
		return Stats{}, err
	}
	defer f.Close()
	st, err := Count(f)
	if err != nil {
		return st, fmt.Errorf("%s: %w", name, err)
	}
	return st, nil
}
