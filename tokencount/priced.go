package tokencount

import (
	"errors"
	"fmt"
	"io"

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

// countFile counts the file name, streamed: a regular file only (a FIFO
// would wait, a device never end). Errors name the file.
func countFile(name string) (Stats, error) {
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

// CountInputs counts each input named, streamed, before any is priced (a
// run that fails prints nothing): a file, or "-" for stdin, which is read
// once; no name is stdin. typed, when not nil, is called once before stdin
// is read, for the caller to prompt: the caller passes it only when stdin
// is a terminal (a character device is not enough: /dev/null is one).
// Errors name the input.
func CountInputs(names []string, stdin io.Reader, typed func()) ([]*Document, error) {
	if len(names) == 0 {
		names = []string{"-"}
	}
	var docs []*Document
	stdinUsed := false
	for _, name := range names {
		var st Stats
		var err error
		if name != "-" {
			st, err = countFile(name)
		} else if stdinUsed {
			return nil, errors.New("standard input (-) given twice")
		} else {
			stdinUsed, name = true, "standard input"
			if typed != nil {
				typed()
			}
			if st, err = Count(stdin); err != nil {
				err = fmt.Errorf("standard input: %w", err)
			}
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &Document{Name: name, Stats: st})
	}
	return docs, nil
}
