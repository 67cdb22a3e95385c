package catalogsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/plans"
)

func TestPricesDate(t *testing.T) {
	const today = "2026-12-05"
	for _, tc := range []struct {
		given string
		f     RawFile
		want  string
		how   Dating
	}{
		{"2026-11-01", RawFile{Base: "prices-2026-10-01.json", LastModified: "2026-09-01"}, "2026-11-01", DatedGiven},
		{"", RawFile{Base: "prices-2026-10-01.json", LastModified: "2026-09-01"}, "2026-10-01", DatedName},
		{"", RawFile{Base: "prices.json", LastModified: "2026-09-01"}, "2026-09-01", DatedLastModified},
		{"", RawFile{Base: "prices.json"}, today, DatedToday},
		{"", RawFile{Base: "prices-2027-01-01.json"}, today, DatedFuture},
	} {
		if got, how := PricesDate(tc.given, &tc.f, today); got != tc.want || how != tc.how {
			t.Errorf("%q %+v: got %s %d, want %s %d", tc.given, tc.f, got, how, tc.want, tc.how)
		}
	}
}

func TestReadAuditFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f, err := ReadAuditFile(write("litellm-2026-11-30.json", `{"m": {}}`), 1<<20, "2026-12-05")
	if err != nil || f.AsOf != "2026-11-30" {
		t.Errorf("dated file: %+v, %v", f, err)
	}
	// A date after today is today's.
	if f, _ := ReadAuditFile(write("litellm-2027-01-01.json", `{}`), 1<<20, "2026-12-05"); f.AsOf != "2026-12-05" {
		t.Errorf("future date: %s", f.AsOf)
	}
	var se *SourceError
	if _, err := ReadAuditFile("https://example.com/p.json", 1<<20, "2026-12-05"); !errors.As(err, &se) {
		t.Errorf("a URL: %v, want a SourceError", err)
	}
	// A file that is no JSON object is placed as catalog import places it:
	// file:line:column.
	const what = "a JSON object (LiteLLM's price file or OpenRouter's models list)"
	for _, tc := range []struct{ name, body, want string }{
		{"empty.json", "", ":1:1: not valid JSON: unexpected end of JSON input"},
		{"list.json", "[1, 2]", ":1:1: expected " + what + ", got a JSON array"},
		// The array starts after a line and two spaces: line 2, column 3.
		{"late.json", "\n  [1]", ":2:3: expected " + what + ", got a JSON array"},
		{"null.json", " null", ":1:2: expected " + what + ", got null"},
		// 'o' is the second character: "nope" is no null.
		{"text.json", "nope", ":1:2: not valid JSON: invalid character 'o' in literal null (expecting 'u')"},
		// Cut short after its first line: the end is line 2, column 1.
		{"cut.json", "{\"a\":\n", ":2:1: not valid JSON: unexpected end of JSON input"},
	} {
		p := write(tc.name, tc.body)
		_, err := ReadAuditFile(p, 1<<20, "2026-12-05")
		var pe *plans.Error
		if !errors.As(err, &pe) || err.Error() != p+tc.want {
			t.Errorf("%s: %v, want a plans.Error %q", tc.name, err, p+tc.want)
		}
	}
	// A file that cannot be read, or is too large, is said as audit's, not
	// as catalog import's.
	for _, tc := range []struct {
		name  string
		limit int64
	}{{dir, 1 << 20}, {filepath.Join(dir, "missing.json"), 1 << 20}, {write("big.json", `{"m": {}}`), 4}} {
		if _, err := ReadAuditFile(tc.name, tc.limit, "2026-12-05"); err == nil || !strings.HasPrefix(err.Error(), "catalog audit: ") {
			t.Errorf("%s: %v, want an error of catalog audit", tc.name, err)
		}
	}
}

// A price file saved with a byte order mark reads as the same file without
// it, for catalog import and catalog audit alike; encoding/json refused it
// ("invalid character 'ï'").
func TestPriceFileBOM(t *testing.T) {
	p := filepath.Join(t.TempDir(), "litellm.json")
	if err := os.WriteFile(p, []byte("\ufeff{\"m\": {}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := ReadPriceFile(p, 1<<20, time.Second, "test")
	if err != nil || string(f.Data) != `{"m": {}}` {
		t.Errorf("import: %q, %v", f.Data, err)
	}
	if _, err := ReadAuditFile(p, 1<<20, "2026-12-05"); err != nil {
		t.Errorf("audit: %v", err)
	}
}
