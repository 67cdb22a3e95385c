package tokencount

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// Every input is counted before any is priced, stdin once, in the order
// named; the first that cannot be counted is the error, naming it.
func TestCountInputs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("one two three\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := safefiletest.FIFO(t, filepath.Join(dir, "fifo"))
	for _, tc := range []struct {
		name    string
		args    []string
		names   []string // the documents' names
		words   []int    // and their words: "one two three" 3, "four five" 2
		prompts int      // times typed is called: once when stdin is read
		err     string
	}{
		{"stdin by default", nil, []string{"standard input"}, []int{2}, 1, ""},
		{"file and stdin", []string{file, "-"}, []string{file, "standard input"}, []int{3, 2}, 1, ""},
		{"a file twice", []string{file, file}, []string{file, file}, []int{3, 3}, 0, ""},
		{"stdin twice", []string{"-", file, "-"}, nil, nil, 0, "standard input (-) given twice"},
		{"missing", []string{file, filepath.Join(dir, "none.txt")}, nil, nil, 0, filepath.Join(dir, "none.txt")},
		{"a FIFO", []string{fifo}, nil, nil, 0, fifo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			typed := 0
			docs, err := CountInputs(tc.args, strings.NewReader("four five"), func() { typed++ })
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || docs != nil {
					t.Errorf("error %v, %d documents; want %q", err, len(docs), tc.err)
				}
				return
			}
			var names []string
			var words []int
			for _, d := range docs {
				names, words = append(names, d.Name), append(words, int(d.Stats.Words))
			}
			if err != nil || !slices.Equal(names, tc.names) || !slices.Equal(words, tc.words) {
				t.Errorf("%q %v, %v; want %q %v", names, words, err, tc.names, tc.words)
			}
			if typed != tc.prompts { // once when stdin is read, else never
				t.Errorf("prompted %d times, want %d", typed, tc.prompts)
			}
		})
	}
}
