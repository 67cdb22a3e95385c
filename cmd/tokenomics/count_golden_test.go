package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/charmbracelet/x/exp/golden"
)

// The count command's tables and JSON, whole, on a made-up catalog so that a price
// update leaves them alone: every line countBlock can write appears in one
// of them. go test -run TestCountGolden -update rewrites them.
func TestCountGolden(t *testing.T) {
	catalog, err := filepath.Abs(filepath.Join("testdata", "count-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(countSamples, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	en, ko := read("en.txt"), read("ko.txt")
	var u16 []byte
	for _, u := range utf16.Encode([]rune("\ufeffA budget is a plan.\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	files := map[string]string{
		"en.txt":       en,
		"ko.txt":       ko,
		"utf16.txt":    string(u16),
		"data.bin":     "\x00\x01\x02\x03binary",
		"empty.txt":    "",
		"digits.txt":   "12345 678\n",
		"cyrillic.txt": "Бюджет — это план.\n",
		// A byte that is not UTF-8, and a run too long to cut safely.
		"broken.txt": "caf\xe9 au lait " + strings.Repeat("abc", 25000) + "\n",
	}
	tests := []struct {
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
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			for _, a := range tt.args {
				if _, ok := files[a]; ok {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			out, errs, code := runCountCLI(t, nil, append(args, "--catalog", catalog)...)
			// A binary input is printed as not counted, and exits 2.
			want := 0
			if slices.Contains(tt.args, "data.bin") {
				want = 2
			}
			if code != want {
				t.Fatalf("exit %d, want %d: %s", code, want, errs)
			}
			// The names as given, without the temporary directory.
			golden.RequireEqual(t, strings.ReplaceAll(out, dir+string(filepath.Separator), ""))
		})
	}
}
