package catalogsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	for _, name := range []string{"https://example.com/p.json", write("list.json", `[1, 2]`)} {
		if _, err := ReadAuditFile(name, 1<<20, "2026-12-05"); !errors.As(err, &se) {
			t.Errorf("%s: %v, want a SourceError", name, err)
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
