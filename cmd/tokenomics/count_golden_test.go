package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// The count command prints, byte for byte, what report's count goldens
// hold (report.TestCountGolden makes them from the same inputs).
func TestCountGolden(t *testing.T) {
	catalog, err := filepath.Abs(filepath.Join("..", "..", "report", "testdata", "count-catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var u16 []byte
	for _, u := range utf16.Encode([]rune("\ufeffA budget is a plan.\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	for name, text := range map[string]string{"utf16.txt": string(u16), "data.bin": "\x00\x01\x02\x03binary"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := func(name string) string {
		if strings.HasSuffix(name, ".txt") && name != "utf16.txt" {
			return filepath.Join(countSamples, name)
		}
		return filepath.Join(dir, name)
	}
	for _, tc := range []struct {
		name  string
		files []string
		args  []string
		code  int // a binary input is printed as not counted, and exits 2
	}{
		{"one", []string{"ko.txt"}, []string{"--model", "all"}, 0},
		{"several", []string{"en.txt", "ko.txt", "data.bin", "utf16.txt"}, []string{"--model", "all"}, 2},
		{"lang-flag", []string{"en.txt"}, []string{"--lang", "ko", "--currency", "KRW"}, 0},
		{"json", []string{"en.txt", "ko.txt", "data.bin", "utf16.txt"}, []string{"--model", "all", "--format", "json"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var args []string
			for _, f := range tc.files {
				args = append(args, file(f))
			}
			out, errs, code := runCountCLI(t, nil, append(append(args, tc.args...), "--catalog", catalog)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errs)
			}
			// The names as given, without their folders.
			out = strings.ReplaceAll(out, dir+string(filepath.Separator), "")
			out = strings.ReplaceAll(out, countSamples+string(filepath.Separator), "")
			want, err := os.ReadFile(filepath.Join("..", "..", "report", "testdata", "TestCountGolden", tc.name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("count %v differs from report's golden:\n%s", tc.args, out)
			}
		})
	}
}
