package tokencount

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func sample(t testing.TB, lang string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "parallel", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reference counts s in one piece, without the chunker.
func reference(t testing.TB, s string) Stats {
	t.Helper()
	o, cl, err := codecs()
	if err != nil {
		t.Fatal(err)
	}
	runs := brokenRuns(s)
	no, err := o.count(s, runs)
	if err != nil {
		t.Fatal(err)
	}
	ncl, err := cl.count(s, runs)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCounter()
	c.countText([]byte(s))
	st := c.st
	st.O200k, st.Cl100k = int64(no), int64(ncl)
	return st
}

func sameCounts(a, b Stats) bool {
	return a.O200k == b.O200k && a.Cl100k == b.Cl100k && a.Words == b.Words && a.Chars == b.Chars &&
		a.CharsNoSpace == b.CharsNoSpace && a.Scripts == b.Scripts && a.InvalidUTF8 == b.InvalidUTF8
}

func TestCountEmpty(t *testing.T) {
	for _, r := range []io.Reader{strings.NewReader(""), bytes.NewReader(nil), eofReader{}} {
		st, err := Count(r)
		if err != nil {
			t.Fatal(err)
		}
		if st != (Stats{}) {
			t.Errorf("empty input: %+v, want all zero", st)
		}
		if d := st.Detect(); d.Lang != "" {
			t.Errorf("empty input detected as %q", d.Lang)
		}
	}
	// Only a byte order mark: empty text.
	st, err := CountString("\xEF\xBB\xBF")
	if err != nil || st.Chars != 0 || st.O200k != 0 || st.Bytes != 3 || st.Encoding != "utf-8" || st.Binary {
		t.Errorf("BOM only: %+v, %v", st, err)
	}
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

func TestCountTiny(t *testing.T) {
	// Inputs shorter than a byte order mark or the binary sniff.
	for _, s := range []string{"a", "ab", "abc", "가", "\n", " x ", "hello world"} {
		st, err := CountString(s)
		if err != nil {
			t.Fatal(err)
		}
		if want := reference(t, s); !sameCounts(st, want) || st.Bytes != int64(len(s)) {
			t.Errorf("%q: %+v, want %+v", s, st, want)
		}
	}
	st, _ := CountString("hello world")
	if st.O200k != 2 || st.Cl100k != 2 || st.Words != 2 || st.Chars != 11 || st.CharsNoSpace != 10 {
		t.Errorf("hello world: %+v", st)
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		text  string
		words int64
	}{
		{"don't stop", 2},
		{"e-mail, 3.5 and — more", 4},
		{"  leading and trailing  ", 3},
		{"예산은 미래에 대한 예측이 아니라", 5},
		{"予算とは未来", 6},
		{"预算不是预测。", 6},
		{"過去12か月分", 6}, // 過 去 12 か 月 分
		{"Excel로 예산을 짭니다", 3},
		{"東京でExcelを使う", 7}, // 東 京 で Excel を 使 う
		{"!!! ... ---", 0},
		{"ｶﾀｶﾅ", 4},
	}
	for _, tt := range tests {
		st, _ := CountString(tt.text)
		if st.Words != tt.words {
			t.Errorf("%q: %d words, want %d", tt.text, st.Words, tt.words)
		}
	}
}

func TestCountParallelSampleMatchesWhole(t *testing.T) {
	for _, lang := range Languages() {
		s := sample(t, lang)
		st, err := CountString(s)
		if err != nil {
			t.Fatal(err)
		}
		if want := reference(t, s); !sameCounts(st, want) {
			t.Errorf("%s: %+v, want %+v", lang, st, want)
		}
	}
}

// pieces are the fragments random texts are made of: words of several
// scripts, punctuation that does and does not join, every kind of whitespace
// run, and the tokenizers' special cases (contractions, "\n/", digits).
var pieces = []string{
	"budget", "Budget", "BUDGET", "plan's", "don't", "we'll", "it'S", "e-mail", "3.5", "12345", "2026",
	"예산", "계획을", "세우기", "고정비와", "予算", "の", "立て方", "マーケティング", "ー", "预算", "规划", "盈亏平衡点",
	"Привет", "κόσμε", "😀", "👍🏽", "é", "e\u0301", "\u200d",
	".", ",", "!", "?", "'", "\"", "(", ")", "—", "-", "/", "//", "...", "。", "、", "，", "：", "「", "」", "$", "%", "+",
	" ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", " \n", "\n ", "\n/", "\u3000", "\u00a0", "\v",
}

func randomText(rnd *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[rnd.IntN(len(pieces))])
	}
	return b.String()
}

// writeSplit writes s to c in random small pieces, splitting UTF-8
// sequences too.
func writeSplit(rnd *rand.Rand, c *Counter, s string) {
	b := []byte(s)
	for len(b) > 0 {
		k := min(len(b), 1+rnd.IntN(17))
		_, _ = c.Write(b[:k])
		b = b[k:]
	}
}

// Cutting into chunks never changes a count: chunks are cut only where the
// tokenizers start a new piece anyway.
func TestChunkingExact(t *testing.T) {
	rnd := rand.New(rand.NewPCG(6, 7))
	texts := []string{sample(t, "en") + sample(t, "ko") + sample(t, "ja") + sample(t, "zh")}
	for range 300 {
		texts = append(texts, randomText(rnd, 200+rnd.IntN(3000)))
	}
	for i, s := range texts {
		want := reference(t, s)
		for _, size := range [][2]int{{1, 512}, {16, 512}, {300, 4096}} {
			c := NewCounter()
			c.target, c.maxChunk = size[0], size[1]
			chunks := 0
			c.chunkHook = func(ch []byte) {
				chunks++
				if len(ch) > c.maxChunk {
					t.Fatalf("chunk of %d bytes, max %d", len(ch), c.maxChunk)
				}
			}
			writeSplit(rnd, c, s)
			got, err := c.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got.ForcedCuts != 0 {
				t.Fatalf("text %d: %d forced cuts with chunks %v", i, got.ForcedCuts, size)
			}
			if !sameCounts(got, want) {
				t.Fatalf("text %d, chunks %v (%d of them): %+v\nwant %+v\ntext %q", i, size, chunks, got, want, s)
			}
		}
	}
}

// A run with no safe cut is cut anyway, at a character boundary; each cut
// may shift a token count by about one. Words and characters stay exact.
func TestChunkingForced(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("abcdefghij", 2000),
		strings.Repeat("가나다라마바사", 1000),
		strings.Repeat("预算规划", 2000),
		strings.Repeat("😀", 5000),
		strings.Repeat(" \n", 5000), // a long whitespace run: cut every wsRunMax bytes
		strings.Repeat("!", 20000),
	} {
		want := reference(t, s)
		c := NewCounter()
		c.target, c.maxChunk = 1024, 4096
		c.chunkHook = func(ch []byte) {
			if len(ch) > c.maxChunk {
				t.Fatalf("chunk of %d bytes", len(ch))
			}
		}
		_, _ = c.Write([]byte(s))
		got, err := c.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.ForcedCuts == 0 {
			t.Errorf("%.10q…: no forced cut", s)
		}
		if got.Words != want.Words || got.Chars != want.Chars || got.InvalidUTF8 != 0 {
			t.Errorf("%.10q…: words %d chars %d, want %d %d", s, got.Words, got.Chars, want.Words, want.Chars)
		}
		for _, p := range [][2]int64{{got.O200k, want.O200k}, {got.Cl100k, want.Cl100k}} {
			if d := p[0] - p[1]; d < -2*int64(got.ForcedCuts) || d > 2*int64(got.ForcedCuts) {
				t.Errorf("%.10q…: %d tokens, whole text %d, %d forced cuts", s, p[0], p[1], got.ForcedCuts)
			}
		}
	}
}

func TestCountBinary(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 5000)...)
	rnd := rand.New(rand.NewPCG(1, 1))
	random := make([]byte, 1<<20)
	for i := range random {
		random[i] = byte(rnd.Uint32())
	}
	eucKR := bytes.Repeat([]byte{0xBF, 0xB9, 0xBB, 0xEA, 0x20, 0xB0, 0xE8, 0xC8, 0xB9, 0x0A}, 1000) // "예산 계획\n" in EUC-KR
	u16 := utf16.Encode([]rune(strings.Repeat("budget plan\n", 100)))
	utf16NoBOM := make([]byte, 2*len(u16))
	for i, u := range u16 {
		binary.LittleEndian.PutUint16(utf16NoBOM[2*i:], u)
	}
	controls := bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 'b'}, 2000)
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"png", png, "NUL"},
		{"short with NUL", []byte("ab\x00cd"), "NUL"},
		{"random bytes", random, "NUL"},
		{"EUC-KR", eucKR, "not UTF-8"},
		{"UTF-16 without BOM", utf16NoBOM, "UTF-16"},
		{"control characters", controls, "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := Count(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if !st.Binary || !strings.Contains(st.BinaryReason, tt.reason) {
				t.Errorf("binary %v, reason %q; want a reason with %q", st.Binary, st.BinaryReason, tt.reason)
			}
			if st.Bytes != int64(len(tt.data)) || st.O200k != 0 || st.Words != 0 || st.Chars != 0 {
				t.Errorf("binary input counted: %+v", st)
			}
		})
	}
}

// A few stray bytes in text are counted as invalid and tokenized as U+FFFD;
// so is a NUL after the sniffed start.
func TestCountInvalidUTF8InText(t *testing.T) {
	s := strings.Repeat("A budget is a plan. ", 500) + "\xff\xfe bad \xc3" + strings.Repeat(" more text", 900) + "\x00 end"
	st, err := CountString(s)
	if err != nil {
		t.Fatal(err)
	}
	if st.Binary || st.InvalidUTF8 != 3 {
		t.Errorf("binary %v, invalid %d; want text with 3 invalid bytes", st.Binary, st.InvalidUTF8)
	}
	if want := reference(t, s); !sameCounts(st, want) {
		t.Errorf("%+v, want %+v", st, want)
	}
}

func TestCountEncodings(t *testing.T) {
	text := sample(t, "ko") + "😀 emoji past the BMP 𝄞\n"
	want := reference(t, text)
	enc16 := func(order binary.AppendByteOrder, bom []byte) []byte {
		out := append([]byte(nil), bom...)
		for _, u := range utf16.Encode([]rune(text)) {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	tests := []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", "utf-8", []byte(text)},
		{"utf-8 BOM", "utf-8", append([]byte("\xEF\xBB\xBF"), text...)},
		{"utf-16le", "utf-16le", enc16(binary.LittleEndian, []byte{0xFF, 0xFE})},
		{"utf-16be", "utf-16be", enc16(binary.BigEndian, []byte{0xFE, 0xFF})},
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, tt := range tests {
		for _, split := range []bool{false, true} {
			c := NewCounter()
			if split { // odd pieces split UTF-16 units and surrogate pairs
				b := tt.data
				for len(b) > 0 {
					k := min(len(b), 1+rnd.IntN(5))
					_, _ = c.Write(b[:k])
					b = b[k:]
				}
			} else {
				_, _ = c.Write(tt.data)
			}
			st, err := c.Close()
			if err != nil {
				t.Fatal(err)
			}
			if st.Encoding != tt.enc || st.Bytes != int64(len(tt.data)) || !sameCounts(st, want) {
				t.Errorf("%s (split %v): %+v\nwant %+v", tt.name, split, st, want)
			}
		}
	}
}

// hugeReader generates n bytes of text without holding them: for three
// quarters multilingual paragraphs with line breaks, then one single line
// without a space or a line break (Chinese and Japanese with the breaks taken
// out), broken every half megabyte or so by a 100 kB run of Latin letters
// that no tokenizer piece boundary falls in. It samples the heap as
// it goes.
type hugeReader struct {
	n, off     int64
	periods    [2][]byte // the repeated pattern of each part
	half       int64     // where the second part starts
	sampleNext int64
	peakInuse  uint64
	peakLive   uint64 // after a GC: what is really retained
}

const hugeSampleEvery = 4 << 20

func newHugeReader(t testing.TB, n int64) *hugeReader {
	var para, line bytes.Buffer
	for _, l := range Languages() {
		para.WriteString(sample(t, l))
		para.WriteString("\n")
	}
	// The run comes first, so that a few hundred kB of the line reach it.
	line.WriteString(strings.Repeat("tokenomics", 10000)) // 100 kB, no safe cut
	line.WriteString("。")
	for range 100 {
		for _, l := range []string{"zh", "ja"} {
			line.WriteString(strings.ReplaceAll(strings.ReplaceAll(sample(t, l), "\n", ""), " ", ""))
		}
	}
	h := &hugeReader{periods: [2][]byte{para.Bytes(), line.Bytes()}}
	// Both parts end on a character boundary, the first on a whole period.
	h.half = n * 3 / 4 / int64(para.Len()) * int64(para.Len())
	h.n = n
	for !utf8.RuneStart(h.periods[1][(h.n-h.half)%int64(line.Len())]) {
		h.n--
	}
	return h
}

func (h *hugeReader) Read(p []byte) (int, error) {
	if h.off >= h.n {
		return 0, io.EOF
	}
	if h.off >= h.sampleNext {
		h.sample(h.sampleNext%(4*hugeSampleEvery) == 0)
		h.sampleNext += hugeSampleEvery
	}
	p = p[:min(int64(len(p)), h.n-h.off)]
	for i := range p {
		pos := h.off + int64(i)
		if pos < h.half {
			per := h.periods[0]
			p[i] = per[pos%int64(len(per))]
		} else {
			per := h.periods[1]
			p[i] = per[(pos-h.half)%int64(len(per))]
		}
	}
	h.off += int64(len(p))
	return len(p), nil
}

func (h *hugeReader) sample(gc bool) {
	var ms runtime.MemStats
	if gc {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		h.peakLive = max(h.peakLive, ms.HeapInuse)
	} else {
		runtime.ReadMemStats(&ms)
	}
	h.peakInuse = max(h.peakInuse, ms.HeapInuse)
}

// hugeEnv asks TestCountHuge for its 100 MB run (.ci/run sets it).
const hugeEnv = "TOKENOMICS_TEST_HUGE"

// TestCountHuge streams generated text through Count and checks its counts.
// With TOKENOMICS_TEST_HUGE=1 the text is 100 MB and the heap is checked to
// stay bounded (about a minute on two cores); otherwise it is a few MB,
// enough for both parts and the forced cuts, and the heap is not checked: so
// little text could not make it grow past the limits.
func TestCountHuge(t *testing.T) {
	size, huge := int64(2<<20), os.Getenv(hugeEnv) == "1"
	switch {
	case huge:
		size = 100 << 20
	case raceEnabled: // the race detector slows the tokenizers about tenfold
		size = 1 << 20
	}
	if !huge {
		t.Logf("%d MB; %s=1 counts 100 MB and checks the heap", size>>20, hugeEnv)
	}
	if _, _, err := codecs(); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse

	h := newHugeReader(t, size)
	size = h.n
	// Two counters, one per part, so the first can be checked exactly.
	first, err := Count(io.LimitReader(h, h.half))
	if err != nil {
		t.Fatal(err)
	}
	second, err := Count(h)
	if err != nil {
		t.Fatal(err)
	}
	h.sample(true)
	st := first
	st.Add(second)
	const mib = 1 << 20
	t.Logf("%d MB counted: %d o200k tokens, %d cl100k, %d words, %d forced cuts; heap in use before %d MiB, peak %d MiB, peak after GC %d MiB",
		st.Bytes/mib, st.O200k, st.Cl100k, st.Words, st.ForcedCuts, base/mib, h.peakInuse/mib, h.peakLive/mib)
	if st.Bytes != size || first.Binary || second.Binary || st.InvalidUTF8 != 0 {
		t.Fatalf("%+v", st)
	}
	// Retained memory does not grow with the input; transient garbage stays
	// within some tens of MiB.
	if huge && h.peakLive > base+16*mib {
		t.Errorf("heap in use after GC grew from %d to %d MiB", base/mib, h.peakLive/mib)
	}
	if huge && h.peakInuse > base+64*mib {
		t.Errorf("heap in use peaked at %d MiB (%d MiB before)", h.peakInuse/mib, base/mib)
	}

	// The counts are those of the pattern times its repeats: exact in the
	// first part, within the forced cuts in the second.
	expect := func(per []byte, n int64) (want Stats) {
		full := n / int64(len(per))
		one := reference(t, string(per))
		rest := reference(t, string(per[:n%int64(len(per))]))
		for range full {
			want.Add(one)
		}
		want.Add(rest)
		return want
	}
	if want := expect(h.periods[0], h.half); !sameCounts(first, want) || first.ForcedCuts != 0 {
		t.Errorf("first part: %+v\nwant %+v", first, want)
	}
	want := expect(h.periods[1], size-h.half)
	if second.Words != want.Words || second.Chars != want.Chars {
		t.Errorf("second part: words %d chars %d, want %d %d", second.Words, second.Chars, want.Words, want.Chars)
	}
	if second.ForcedCuts == 0 {
		t.Error("no forced cuts in the runs without a safe cut")
	}
	tol := 2 * int64(second.ForcedCuts)
	for _, p := range [][2]int64{{second.O200k, want.O200k}, {second.Cl100k, want.Cl100k}} {
		if d := p[0] - p[1]; d < -tol || d > tol {
			t.Errorf("second part: %d tokens, want %d ± %d", p[0], p[1], tol)
		}
	}
}

func FuzzCount(f *testing.F) {
	f.Add([]byte("A budget is a plan.\n예산은 계획입니다.\n"))
	f.Add([]byte("\xEF\xBB\xBFhello"))
	f.Add([]byte("\xFF\xFEh\x00i\x00"))
	f.Add([]byte("\x00\x01\x02"))
	f.Add([]byte(" \n \n\t\r\n/ 'll 123456 😀"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewCounter()
		c.target, c.maxChunk = 8, 64
		_, _ = c.Write(data)
		got, err := c.Close()
		if err != nil {
			t.Fatal(err)
		}
		whole, err := Count(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got.Binary != whole.Binary || got.Bytes != int64(len(data)) {
			t.Fatalf("small chunks %+v, default %+v", got, whole)
		}
		if got.ForcedCuts == 0 && whole.ForcedCuts == 0 && !sameCounts(got, whole) {
			t.Fatalf("small chunks %+v, default %+v", got, whole)
		}
	})
}

func BenchmarkCount(b *testing.B) {
	for _, lang := range append(Languages(), "all", "code") {
		var s string
		switch lang {
		case "all":
			for _, l := range Languages() {
				s += sample(b, l)
			}
		case "code": // indented code and text with blank lines that hold spaces
			files, err := filepath.Glob(filepath.Join("testdata", "tiktoken", "*.txt"))
			if err != nil || len(files) == 0 {
				b.Fatal("no texts in testdata/tiktoken", err)
			}
			for _, f := range files {
				t, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				s += string(t)
			}
		default:
			s = sample(b, lang)
		}
		data := bytes.Repeat([]byte(s), (1<<20)/len(s)+1)[:1<<20]
		b.Run(lang, func(b *testing.B) {
			if _, _, err := codecs(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Count(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
