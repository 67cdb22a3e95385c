package catalogsync

import (
	"strings"

	"github.com/tokenomics/tokenomics/plans"
)

// Import reads the price file data of format "litellm" (LiteLLM's price
// file) or "openrouter" (OpenRouter's models list) against the catalog cur.
func Import(format string, cur *plans.Catalog, data []byte, opt ImportOptions) (*ImportResult, error) {
	if format == "litellm" {
		return ImportLiteLLM(cur, data, opt)
	}
	return ImportOpenRouter(cur, data, opt)
}

// ImportInto is Import against the overlay being rewritten, ed, each entry
// it adds or updates put into ed's overlay (with its dated changes still to
// come), whole.
func ImportInto(ed *plans.OverlayEdit, format string, data []byte, opt ImportOptions) (*ImportResult, error) {
	res, err := Import(format, ed.Catalog, data, opt)
	if err != nil {
		return nil, err
	}
	for _, m := range res.Models {
		ed.Overlay.PutModel(m.Model, m.Changes)
	}
	return res, nil
}

// Dating says where the date of a price file's prices came from.
type Dating int

const (
	DatedGiven        Dating = iota // the user gave it
	DatedName                       // a YYYY-MM-DD in the file's name
	DatedLastModified               // the server's Last-Modified
	DatedToday                      // today: the file carries no date
	DatedFuture                     // today: the date found is in the future
)

// PricesDate is the date of f's prices on day today: given when not "",
// else a date in its name, else the server's Last-Modified, else today;
// never after today.
func PricesDate(given string, f *RawFile, today string) (string, Dating) {
	asOf, how := given, DatedGiven
	switch {
	case asOf != "":
	case DateIn(f.Base) != "":
		asOf, how = DateIn(f.Base), DatedName
	case f.LastModified != "":
		asOf, how = f.LastModified, DatedLastModified
	default:
		asOf, how = today, DatedToday
	}
	if asOf > today {
		asOf, how = today, DatedFuture
	}
	return asOf, how
}

// ReadAuditFile reads a saved price file for an audit on day today: a file
// of at most limit bytes (catalog import fetches URLs), LiteLLM's or
// OpenRouter's JSON, its prices dated by a YYYY-MM-DD in its name, else
// today. A URL is a *SourceError; a file that is no JSON object a
// *plans.Error at its place, as catalog import says it.
func ReadAuditFile(name string, limit int64, today string) (PriceFile, error) {
	if strings.Contains(name, "://") {
		return PriceFile{}, refused("catalog audit: %s: give a file (catalog import fetches URLs)", name)
	}
	f, err := readPriceFile("catalog audit", name, limit)
	if err != nil {
		return PriceFile{}, err
	}
	if _, err := formatOf(name, f.Data, "a JSON object (LiteLLM's price file or OpenRouter's models list)"); err != nil {
		return PriceFile{}, err
	}
	asOf, _ := PricesDate("", f, today) // a file has no Last-Modified
	return PriceFile{Name: name, Data: f.Data, AsOf: asOf}, nil
}
