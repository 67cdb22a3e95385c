package tokencount

import (
	"bytes"
	"io"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tiktoken-go/tokenizer"
)

// Encodings counted exactly, by their catalog tokenizer family name.
const (
	O200k  = "o200k"  // o200k_base: GPT-4o and newer
	Cl100k = "cl100k" // cl100k_base: GPT-4 and GPT-3.5
)

// Stats is what a Counter measured.
type Stats struct {
	Bytes        int64   // bytes read, as given (before any UTF-16 decoding)
	Chars        int64   // Unicode code points of the text, BOM excluded (like wc -m)
	CharsNoSpace int64   // Chars without whitespace
	Words        int64   // see the package documentation
	O200k        int64   // tokens under o200k_base
	Cl100k       int64   // tokens under cl100k_base
	Scripts      Scripts // letters by script, for Detect
	Encoding     string  // "utf-8", "utf-16le" or "utf-16be" (from a byte order mark); "" when empty
	InvalidUTF8  int64   // bytes that are not UTF-8 (tokenized as U+FFFD, as tiktoken does)
	ForcedCuts   int     // chunk cuts inside a run with no safe place to cut (see the package doc)
	Binary       bool    // not text: nothing but Bytes was counted
	BinaryReason string  // why it was taken for binary
}

// Tokens is the exact count for encoding family O200k or Cl100k.
func (s Stats) Tokens(family string) (int64, bool) {
	switch family {
	case O200k:
		return s.O200k, true
	case Cl100k:
		return s.Cl100k, true
	}
	return 0, false
}

// Detect guesses the language of the counted text.
func (s Stats) Detect() Detection { return s.Scripts.Detect() }

// Add adds the counts of o to s, for a total over several inputs; add only
// text (Binary and BinaryReason are left as they are).
func (s *Stats) Add(o Stats) {
	s.Bytes += o.Bytes
	s.Chars += o.Chars
	s.CharsNoSpace += o.CharsNoSpace
	s.Words += o.Words
	s.O200k += o.O200k
	s.Cl100k += o.Cl100k
	s.Scripts.Add(o.Scripts)
	s.InvalidUTF8 += o.InvalidUTF8
	s.ForcedCuts += o.ForcedCuts
	if s.Encoding == "" {
		s.Encoding = o.Encoding
	}
}

// Chunking. A chunk is handed to the tokenizers once at least
// defaultChunkTarget bytes are pending and a safe cut has been seen; without
// one, it is cut at a character boundary at defaultChunkMax. Smaller chunks
// cost little, and the byte-pair merge of a long piece grows faster than its
// length.
const (
	defaultChunkTarget = 32 << 10
	defaultChunkMax    = 64 << 10
	// wsRunMax bounds a whitespace run tokenized in one piece.
	wsRunMax = 1 << 10
	// sniffSize is how much is looked at before deciding text or binary
	// (git looks at the first 8000 bytes too).
	sniffSize = 8000
)

var (
	codecsOnce  sync.Once
	codecO200k  *encoder
	codecCl100k *encoder
	codecsErr   error
)

func codecs() (*encoder, *encoder, error) {
	codecsOnce.Do(func() {
		codecO200k, codecsErr = newEncoder(tokenizer.O200kBase, o200kSplit)
		if codecsErr != nil {
			return
		}
		codecCl100k, codecsErr = newEncoder(tokenizer.Cl100kBase, cl100kSplit)
	})
	return codecO200k, codecCl100k, codecsErr
}

// Counter counts text written to it; Close returns the Stats. It is not safe
// for concurrent use. Memory stays bounded: at most about chunkMax bytes are
// held, whatever is written.
//
// Chunks are cut only where both tokenizers' split patterns must start a new
// piece, so each token count equals that of the whole text at once:
//   - before a space or tab that follows a non-space character;
//   - after a line feed followed by neither whitespace nor '/';
//   - between a letter or digit and a following punctuation mark or symbol
//     (not an apostrophe), for text without spaces such as Chinese.
//
// A run with no such place is cut anyway at defaultChunkMax bytes, and a
// whitespace run at wsRunMax bytes (the split pattern takes time quadratic in
// the length of a run mixing spaces and line feeds); Stats.ForcedCuts counts
// these cuts, each of which may shift a token count by about one.
type Counter struct {
	st        Stats
	started   bool   // the byte order mark has been looked for
	sniffed   bool   // text or binary has been decided
	utf16     int    // 0 = UTF-8; 1 = UTF-16LE; 2 = UTF-16BE
	odd       []byte // an odd trailing byte of UTF-16 input
	head      []byte // the start of the input until decided
	pending   []byte // text not yet tokenized
	scanned   int    // pending[:scanned] has been searched for safe cuts
	lastCut   int    // the last safe cut found in pending, 0 = none
	prev      rune   // the rune before pending[scanned]
	wsRun     int    // bytes of the whitespace run ending at pending[scanned]
	inWord    bool
	target    int
	maxChunk  int
	err       error
	closed    bool
	chunkHook func(chunk []byte) // tests
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{target: defaultChunkTarget, maxChunk: defaultChunkMax, prev: '\n'}
}

// Count reads r to the end and counts it.
func Count(r io.Reader) (Stats, error) {
	c := NewCounter()
	buf := make([]byte, 32<<10)
	if _, err := io.CopyBuffer(c, r, buf); err != nil {
		st, _ := c.Close()
		return st, err
	}
	return c.Close()
}

// CountString counts s.
func CountString(s string) (Stats, error) {
	c := NewCounter()
	_, _ = c.Write([]byte(s))
	return c.Close()
}

// Write counts p. It fails only when the tokenizers cannot be loaded.
func (c *Counter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && c.err == nil {
		k := min(len(p), writePiece)
		c.write(p[:k])
		p = p[k:]
	}
	return n, c.err
}

// writePiece bounds what one step of Write copies or decodes.
const writePiece = 64 << 10

func (c *Counter) write(p []byte) {
	if c.closed {
		return
	}
	c.st.Bytes += int64(len(p))
	if c.st.Binary {
		return
	}
	if !c.started {
		if len(c.head)+len(p) < 3 {
			c.head = append(c.head, p...)
			return // not enough to see a byte order mark yet
		}
		p = append(c.head, p...)
		c.head = nil
		c.start(&p)
	}
	if c.utf16 != 0 {
		p = c.decodeUTF16(p)
	}
	if !c.sniffed {
		if len(c.head)+len(p) < sniffSize {
			c.head = append(c.head, p...)
			return
		}
		p = append(c.head, p...)
		c.head = nil
		if c.sniff(p[:sniffSize]) {
			return
		}
	}
	c.feed(p)
}

// start strips a byte order mark from the first bytes and picks the encoding.
func (c *Counter) start(p *[]byte) {
	c.started = true
	c.st.Encoding = "utf-8"
	switch b := *p; {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		*p = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		c.utf16, c.st.Encoding, *p = 1, "utf-16le", b[2:]
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		c.utf16, c.st.Encoding, *p = 2, "utf-16be", b[2:]
	}
}

// decodeUTF16 turns UTF-16 bytes into UTF-8. A surrogate pair split across
// writes is kept whole by decoding only up to the last complete unit and
// holding a trailing high surrogate back.
func (c *Counter) decodeUTF16(p []byte) []byte {
	if len(c.odd) > 0 {
		p = append(c.odd, p...)
		c.odd = nil
	}
	units := make([]uint16, 0, len(p)/2)
	for i := 0; i+1 < len(p); i += 2 {
		if c.utf16 == 1 {
			units = append(units, uint16(p[i])|uint16(p[i+1])<<8)
		} else {
			units = append(units, uint16(p[i])<<8|uint16(p[i+1]))
		}
	}
	if len(p)%2 == 1 {
		c.odd = append(c.odd, p[len(p)-1])
	}
	if k := len(units); k > 0 && utf16.IsSurrogate(rune(units[k-1])) && units[k-1] < 0xDC00 {
		last := units[k-1]
		units = units[:k-1]
		if c.utf16 == 1 {
			c.odd = append([]byte{byte(last), byte(last >> 8)}, c.odd...)
		} else {
			c.odd = append([]byte{byte(last >> 8), byte(last)}, c.odd...)
		}
	}
	out := make([]byte, 0, len(units)*3/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// sniff decides from the first bytes whether the input is text; binary input
// is only measured in bytes from then on. Reports whether it is binary.
func (c *Counter) sniff(head []byte) bool {
	c.sniffed = true
	if reason := binaryReason(head, c.utf16 != 0); reason != "" {
		c.st.Binary, c.st.BinaryReason = true, reason
		return true
	}
	return false
}

// binaryReason says why head is not text, or "" when it is. A NUL byte means
// binary (as for git and grep); so does a tenth or more of the bytes being
// control characters or not UTF-8 — legacy encodings such as EUC-KR, Shift_JIS
// or GBK land here too, and must be converted to UTF-8 first.
func binaryReason(head []byte, wasUTF16 bool) string {
	if len(head) == 0 {
		return ""
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "contains NUL bytes (binary data, or UTF-16 without a byte order mark)"
	}
	bad, invalid := 0, 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			// A character cut by the end of the sniffed bytes is not invalid.
			if len(head)-i < utf8.UTFMax && !utf8.FullRune(head[i:]) {
				i = len(head)
				continue
			}
			invalid++
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' && r != 0x1b:
			bad++
		case r == 0x7f:
			bad++
		}
		i += n
	}
	if bad*10 >= len(head) {
		if invalid*2 >= bad && !wasUTF16 {
			return "not UTF-8 text (binary data, or a legacy encoding such as EUC-KR, Shift_JIS or GBK: convert it to UTF-8)"
		}
		return "mostly control characters (binary data)"
	}
	return ""
}

// feed adds text to the pending chunk and tokenizes what can be cut off.
func (c *Counter) feed(p []byte) {
	for len(p) > 0 && c.err == nil {
		take := min(c.maxChunk-len(c.pending), len(p))
		c.pending = append(c.pending, p[:take]...)
		p = p[take:]
		for c.err == nil {
			cut := c.scan()
			switch {
			case cut > 0: // a whitespace run too long to tokenize in one piece
				c.st.ForcedCuts++
				c.wsRun = 0
			case len(c.pending) < c.target:
			case c.lastCut > 0:
				cut = c.lastCut
			case len(c.pending) >= c.maxChunk:
				cut = runeStart(c.pending, len(c.pending)-utf8.UTFMax)
				c.st.ForcedCuts++
			}
			if cut == 0 {
				break
			}
			c.process(c.pending[:cut])
			c.shift(cut)
		}
	}
}

// scan looks for safe cuts in the bytes added since the last scan. A rune
// cut by the end of pending is left for the next scan. It stops early and
// returns a position to cut at when a whitespace run grows past wsRunMax:
// the tokenizers' split pattern takes time quadratic in the length of a run
// mixing spaces and line feeds.
func (c *Counter) scan() int {
	b := c.pending
	i := c.scanned
	defer func() { c.scanned = i }()
	for i < len(b) {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			if !utf8.FullRune(b[i:]) {
				break
			}
			r, n = utf8.DecodeRune(b[i:])
		}
		if isSpace(r) {
			c.wsRun += n
			if c.wsRun > wsRunMax && i > 0 {
				return i
			}
		} else {
			c.wsRun = 0
		}
		if i > 0 && safeCut(c.prev, r) {
			c.lastCut = i
		}
		c.prev = r
		i += n
	}
	return 0
}

// safeCut reports whether both tokenizers must start a new piece at r when
// prev comes before it (see Counter).
func safeCut(prev, r rune) bool {
	switch {
	case r == ' ' || r == '\t':
		return !isSpace(prev)
	case prev == '\n':
		return r != '/' && !isSpace(r)
	case r == '\'' || r < utf8.RuneSelf && isAlnumASCII(r):
		return false
	}
	return isLetterOrDigit(prev) && !isSpace(r) && !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsNumber(r)
}

func isAlnumASCII(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z'
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnumASCII(r)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// runeStart is the start of the rune at or before i (i > 0), so that a cut
// there splits no UTF-8 sequence.
func runeStart(b []byte, i int) int {
	i = max(i, 1)
	for j := i; j > 0 && j > i-utf8.UTFMax; j-- {
		if utf8.RuneStart(b[j]) {
			return j
		}
	}
	return i
}

// shift drops pending[:n], keeping the rest for the next chunk. n is a cut at
// or before scanned, and no position after the last safe cut is one, so the
// kept bytes need no new scan.
func (c *Counter) shift(n int) {
	rest := copy(c.pending, c.pending[n:])
	c.pending = c.pending[:rest]
	c.scanned -= n
	c.lastCut = 0
}

// process counts one chunk: characters, words and scripts here, tokens in
// both encodings.
func (c *Counter) process(chunk []byte) {
	if len(chunk) == 0 {
		return
	}
	if c.chunkHook != nil {
		c.chunkHook(chunk)
	}
	o, cl, err := codecs()
	if err != nil {
		c.err = err
		return
	}
	s := string(chunk)
	runs := brokenRuns(s)
	var no, ncl int
	var eo, ecl error
	var wg sync.WaitGroup
	wg.Go(func() { no, eo = o.count(s, runs) })
	ncl, ecl = cl.count(s, runs)
	c.countText(chunk)
	wg.Wait()
	if eo != nil {
		c.err = eo
	} else if ecl != nil {
		c.err = ecl
	}
	c.st.O200k += int64(no)
	c.st.Cl100k += int64(ncl)
}

// countText counts characters, words and letters by script.
func (c *Counter) countText(b []byte) {
	st := &c.st
	in := c.inWord
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				st.InvalidUTF8++
				i++
				continue
			}
		}
		i += n
		st.Chars++
		switch {
		case isSpace(r):
			in = false
			continue
		case r < utf8.RuneSelf:
			if isAlnumASCII(r) {
				if !in {
					st.Words++
					in = true
				}
				if r > '9' {
					st.Scripts[Latin]++
				}
			}
		case isCJKWord(r):
			st.Words++
			st.Scripts[scriptOf(r)]++
			in = false
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if !in {
				st.Words++
				in = true
			}
			if unicode.IsLetter(r) {
				st.Scripts[scriptOf(r)]++
			}
		}
		st.CharsNoSpace++
	}
	c.inWord = in
}

// isCJKWord reports whether r is a character written without spaces that
// counts as a word by itself: Han, Hiragana, Katakana.
func isCJKWord(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー' || r == 'ｰ'
}

// Close counts what is still pending and returns the Stats. Further writes
// are not counted.
func (c *Counter) Close() (Stats, error) {
	if c.closed {
		return c.st, c.err
	}
	c.closed = true
	if c.err != nil || c.st.Binary {
		return c.st, c.err
	}
	if !c.started && len(c.head) > 0 {
		p := c.head
		c.head = nil
		c.start(&p)
		if c.utf16 != 0 {
			p = c.decodeUTF16(p)
		}
		c.head = p
	}
	if len(c.odd) > 0 { // a dangling byte or high surrogate of UTF-16
		c.odd = nil
		c.head = utf8.AppendRune(c.head, utf8.RuneError)
	}
	if !c.sniffed {
		p := c.head
		c.head = nil
		if c.sniff(p) {
			return c.st, nil
		}
		c.feed(p)
	}
	for len(c.pending) > 0 && c.err == nil {
		cut := len(c.pending)
		if cut > c.maxChunk {
			cut = runeStart(c.pending, c.maxChunk)
		}
		c.process(c.pending[:cut])
		c.pending = c.pending[cut:]
	}
	c.pending = nil
	return c.st, c.err
}
