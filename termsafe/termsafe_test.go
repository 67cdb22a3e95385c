package termsafe

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text: a-z, 0-9 (ok)", "plain text: a-z, 0-9 (ok)"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"key \x1b]52;c;aGVsbG8=\x07 end", `key \x1b]52;c;aGVsbG8=\x07 end`}, // OSC 52: a clipboard write
		{"\x1b[2J\x1b[31mred", `\x1b[2J\x1b[31mred`},
		{"cr\rover", `cr\x0dover`},
		{"del\x7f", `del\x7f`},
		{"c1 \u009b31m \u0085", `c1 \x9b31m \x85`},
		{"gpt-5\u202e", `gpt-5\u202e`},
		{"\u2066iso\u2069 \u200e\u200f\u061c", `\u2066iso\u2069 \u200e\u200f\u061c`},
		{"zero\u200bwidth \ufeffbom soft\u00adhyphen", `zero\u200bwidth \ufeffbom soft\u00adhyphen`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"tag\U000E0041", `tag\ue0041`},
		{"bad \xff\xfe utf-8 \xe2\x82", `bad \xff\xfe utf-8 \xe2\x82`},
		{"kept: é 한국어 🙂 \u00a0nbsp \ufffd \ue000 \\x1b", "kept: é 한국어 🙂 \u00a0nbsp \ufffd \ue000 \\x1b"},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// What Text gives holds nothing a terminal acts on, whatever came in.
func FuzzText(f *testing.F) {
	for _, s := range []string{"\x1b]52;c;x\x07", "a\u202eb", "\xff", "é\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("%q: not UTF-8: %q", s, out)
		}
		for _, r := range out {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || unsafe(r) {
				t.Fatalf("%q: %U left in %q", s, r, out)
			}
		}
	})
}

// Text agrees with scripts/termsafe_ref.py, written from the rule alone,
// on random strings of the characters the rule is about.
func TestTextMatchesReference(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	pool := []string{"a", "Z", " ", "\\", "\n", "\t", "\r", "\x00", "\x1b", "\x7f", "\u0085", "\u009b", "\u00a0", "\u00ad", "é", "한",
		"\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\ue000", "\U000E0041", "🙂",
		"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	var in bytes.Buffer
	var cases []string
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		cases = append(cases, s)
		list := make([]int, len(s))
		for i := range len(s) {
			list[i] = int(s[i])
		}
		line, _ := json.Marshal(list)
		in.Write(append(line, '\n'))
	}
	cmd := exec.Command("python3", "../scripts/termsafe_ref.py")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for i := 0; sc.Scan(); i++ {
		var want string
		if err := json.Unmarshal(sc.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		if got := Text(cases[i]); got != want {
			t.Errorf("%q: %q, reference %q", cases[i], got, want)
		}
	}
}
