package tokencount

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiktoken-go/tokenizer"
)

// Whitespace runs with line breaks split as tiktoken splits them. Each count
// is the number of pieces the split pattern makes, plus what byte-pair
// encoding cuts a piece into; OpenAI's tokenizer (gpt-tokenizer 4.0.0) gives
// the same counts. "lib" is what the tokenizer library alone counts, where
// it differs.
func TestCountWhitespaceRuns(t *testing.T) {
	tests := []struct {
		text          string
		o200k, cl100k int64
		lib           int64 // both encodings, when the library is wrong
	}{
		// "x", "\n    \n": one token each; the library splits "\n", "    \n".
		{"x\n    \n", 2, 2, 3},
		// The same with CRLF: "x", "\r\n    \r\n".
		{"x\r\n    \r\n", 2, 2, 3},
		// A tab-indented blank line: "x", "\n\t\n".
		{"x\n\t\n", 2, 2, 3},
		// One group of line breaks: "x", "\n\n", right already.
		{"x\n\n", 2, 2, 0},
		// " \n \n" is one piece and one token.
		{" \n \n", 1, 1, 2},
		// Punctuation takes the first line break: "!\n", " \n".
		{"!\n \n", 2, 2, 0},
		// ... and the rest is one piece, one token: "!\n", " \n \n".
		{"!\n \n \n", 2, 2, 3},
		// "x", "\n \n \n" (two tokens: "\n \n", " \n").
		{"x\n \n \n", 3, 3, 4},
		// "x", "\n  \n \n" (tokens "\n  \n", " \n"), " ", " y".
		{"x\n  \n \n  y", 5, 5, 6},
		// Go with tab indentation: "\tif", " x", " {\n", "\t\n", "\t", "}\n".
		{"\tif x {\n\t\n\t}\n", 6, 6, 0},
		// A combining mark: o200k joins it to the letters ("e", "\u0301" as
		// tokens) and the run is one piece "\n \n \n" (tokens "\n \n",
		// " \n"); cl100k takes it for punctuation, which takes the first
		// line break ("\u0301\n": two tokens), then " \n \n".
		{"e\u0301\n \n \n", 4, 4, 5},
	}
	o, cl, err := codecs()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		st, err := CountString(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if st.O200k != tt.o200k || st.Cl100k != tt.cl100k {
			t.Errorf("%q: o200k %d, cl100k %d; want %d, %d", tt.text, st.O200k, st.Cl100k, tt.o200k, tt.cl100k)
		}
		if tt.lib == 0 {
			continue
		}
		// The case is one the library gets wrong, so the test can fail.
		lo, _ := o.codec.Count(tt.text)
		lcl, _ := cl.codec.Count(tt.text)
		if int64(lo) != tt.lib || int64(lcl) != tt.lib {
			t.Errorf("%q: the library alone counts %d, %d; the test expects %d", tt.text, lo, lcl, tt.lib)
		}
	}
}

func TestBPECount(t *testing.T) {
	o, _, err := codecs()
	if err != nil {
		t.Fatal(err)
	}
	// Pieces without a broken run: the library's count is right, and
	// bpeCount must agree with it.
	for _, piece := range []string{"\n", "    ", "  \n", "\n\n\n", "\t\t\n", "\u3000\n", "\u00a0 \n", " \r\n", "                                                                 \n"} {
		want, err := o.codec.Count(piece)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.bpeCount(piece)
		if err != nil {
			t.Fatal(err)
		}
		if int64(got) != int64(want) {
			t.Errorf("%q: %d tokens, library %d", piece, got, want)
		}
	}
}

// Texts written for this test (indented Go, Python and YAML, trailing spaces,
// tabs, CRLF, Korean, mixed Markdown) count as OpenAI's tokenizer counts
// them: the expected counts in testdata/tiktoken/counts.txt are
// gpt-tokenizer's. The library alone counts too many on most of them.
func TestCountMatchesTiktoken(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "tiktoken", "counts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for line := range strings.Lines(string(golden)) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		var name string
		var o200k, cl100k int64
		if _, err := fmt.Sscanf(line, "%s %d %d", &name, &o200k, &cl100k); err != nil {
			t.Fatalf("counts.txt: %q: %v", line, err)
		}
		b, err := os.ReadFile(filepath.Join("testdata", "tiktoken", name))
		if err != nil {
			t.Fatal(err)
		}
		st, err := CountString(string(b))
		if err != nil {
			t.Fatal(err)
		}
		if st.O200k != o200k || st.Cl100k != cl100k {
			t.Errorf("%s: o200k %d, cl100k %d; tiktoken %d, %d", name, st.O200k, st.Cl100k, o200k, cl100k)
		}
		files++
	}
	if files < 8 {
		t.Errorf("only %d files in counts.txt", files)
	}
}

// On random text, the counts equal those of a tokenizer built from the
// interpreted split pattern and the full vocabulary alone, without the
// library's split: the library and the repair of its broken runs together
// must make no other difference.
func TestCountMatchesInterpretedSplit(t *testing.T) {
	o, cl, err := codecs()
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(8, 9))
	for _, e := range []*encoder{o, cl} {
		ranks := fullRanks(t, e)
		for range 100 {
			s := randomText(rnd, 100+rnd.IntN(2000))
			want := 0
			m, err := e.split.FindStringMatch(s)
			for m != nil && err == nil {
				want += bpeCount(ranks, m.String())
				m, err = e.split.FindNextMatch(m)
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.count(s, brokenRuns(s))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("%s: %d tokens, interpreted split %d\ntext %q", e.encoding, got, want, s)
			}
		}
	}
}

// fullRanks is every token of e's vocabulary with its rank.
func fullRanks(t *testing.T, e *encoder) map[string]int {
	t.Helper()
	dec, err := tokenizer.Get(e.encoding)
	if err != nil {
		t.Fatal(err)
	}
	ranks := make(map[string]int)
	for id := 0; ; id++ {
		s, err := dec.Decode([]uint{uint(id)})
		if err != nil {
			break
		}
		ranks[s] = id
	}
	return ranks
}
