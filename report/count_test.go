package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/tokencount"
)

// countInputs are the documents of the count goldens: every line
// countBlock can write appears in one of the cases of CountCases.
func countInputs(t testing.TB) map[string]string {
	t.Helper()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "tokencount", "testdata", "parallel", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var u16 []byte
	for _, u := range utf16.Encode([]rune("\ufeffA budget is a plan.\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	return map[string]string{
		"en.txt":       read("en.txt"),
		"ko.txt":       read("ko.txt"),
		"utf16.txt":    string(u16),
		"data.bin":     "\x00\x01\x02\x03binary",
		"empty.txt":    "",
		"digits.txt":   "12345 678\n",
		"cyrillic.txt": "Бюджет — это план.\n",
		// A byte that is not UTF-8, and a run too long to cut safely.
		"broken.txt": "caf\xe9 au lait " + strings.Repeat("abc", 25000) + "\n",
	}
}

// countCases are the goldens' command lines (after `tokenomics count`);
// cmd/tokenomics runs the same ones and wants the same bytes.
var countCases = []struct {
	name string
	args []string
}{
	{"one", []string{"ko.txt", "--model", "all"}},
	{"several", []string{"en.txt", "ko.txt", "data.bin", "utf16.txt", "--model", "all"}},
	{"lang-flag", []string{"en.txt", "--lang", "ko", "--currency", "KRW"}},
	// German: no page size, and no factor for o200k or cl100k.
	{"no-factor", []string{"en.txt", "--lang", "de"}},
	{"odd", []string{"empty.txt", "digits.txt", "cyrillic.txt", "broken.txt"}},
	// The JSON's every key, the total's included.
	{"json", []string{"en.txt", "ko.txt", "data.bin", "utf16.txt", "--model", "all", "--format", "json"}},
}

// The count tables and JSON, whole, on a made-up catalog so that a price
// update leaves them alone. go test -run TestCountGolden -update rewrites
// them; cmd/tokenomics's TestCountGolden checks the command prints them.
func TestCountGolden(t *testing.T) {
	cat, err := plans.LoadCatalog(filepath.Join("testdata", "count-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	cat.ApplyChanges("2026-11-27")
	for _, e := range cat.Applied() {
		notes = append(notes, EventText(e))
	}
	files := countInputs(t)
	for _, tc := range countCases {
		t.Run(tc.name, func(t *testing.T) {
			var names, models []string
			lang, format, cur := "", "table", money.USD
			for i := 0; i < len(tc.args); i++ {
				switch a := tc.args[i]; a {
				case "--model":
					i++
					models = append(models, tc.args[i])
				case "--lang":
					i++
					lang = tc.args[i]
				case "--format":
					i++
					format = tc.args[i]
				case "--currency":
					i++
					rate, err := cat.Rate(tc.args[i])
					if err != nil {
						t.Fatal(err)
					}
					cur = money.New(tc.args[i], rate)
				default:
					names = append(names, a)
				}
			}
			ids, unknown := tokencount.ModelIDs(&cat.Catalog, models)
			if unknown != "" {
				t.Fatalf("unknown model %s", unknown)
			}
			c := &Counted{Catalog: cat, Notes: notes, Currency: cur}
			var total tokencount.Stats
			for _, name := range names {
				st, err := tokencount.CountString(files[name])
				if err != nil {
					t.Fatal(err)
				}
				d := &tokencount.Document{Name: name, Stats: st}
				if !st.Binary {
					d.Price(&cat.Catalog, lang, ids)
					total.Add(st)
				}
				c.Inputs = append(c.Inputs, d)
			}
			if texts := slices.DeleteFunc(slices.Clone(c.Inputs), func(d *tokencount.Document) bool { return d.Stats.Binary }); len(texts) > 1 {
				c.Total = tokencount.Sum(c.Inputs, total)
			}
			var out bytes.Buffer
			if format == "json" {
				if err := CountJSON(&out, c); err != nil {
					t.Fatal(err)
				}
			} else {
				out.WriteString(CountTable(c, false))
			}
			golden.RequireEqual(t, out.String())
		})
	}
}

// A JSON output that cannot be encoded (a NaN) writes nothing, so that a
// failed count prints no half of its JSON: WriteJSON writes whole or not
// at all.
func TestWriteJSONWholeOrNothing(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, map[string]any{"a": 1, "b": math.NaN()}); err == nil || b.Len() != 0 {
		t.Errorf("error %v, wrote %q; want an error and nothing written", err, b.String())
	}
}
