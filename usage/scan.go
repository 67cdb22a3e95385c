package usage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/bits"
	"strconv"
)

// scan is a small JSON reader over one log line. It walks objects key by key
// and skips every value it is not asked for without decoding it: message
// text is passed over at the speed of bytes.IndexByte and never copied.
// It checks the structure it walks (brackets, colons, commas, string
// quotes); inside skipped values it is lenient about literals and numbers,
// so a few malformed lines that a full parser would refuse can still give
// their usage fields. That is the trade for reading lines of megabytes fast.
type scan struct {
	b []byte
	i int
}

var (
	errSyntax = errors.New("malformed JSON")
	errType   = errors.New("unexpected JSON type")
	errNumber = errors.New("token count is not a whole number")
	errRange  = errors.New("token count out of range")
)

func (s *scan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek is the next non-space byte, 0 at the end.
func (s *scan) peek() byte {
	if s.i < len(s.b) && s.b[s.i] > ' ' {
		return s.b[s.i] // log lines hold no space between tokens: skip the loop
	}
	s.ws()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// open consumes '{'.
func (s *scan) open() error {
	switch s.peek() {
	case '{':
		s.i++
		return nil
	case 0:
		return errSyntax
	}
	return errType
}

// key reads the next key of the object opened by open; first says whether
// none has been read yet. It returns ok = false at the closing brace. Keys
// with escapes are unescaped (allocating; real logs have none).
func (s *scan) key(first *bool) (k []byte, ok bool, err error) {
	c := s.peek()
	if *first {
		*first = false
		if c == '}' {
			s.i++
			return nil, false, nil
		}
	} else {
		switch c {
		case '}':
			s.i++
			return nil, false, nil
		case ',':
			s.i++
			c = s.peek()
		default:
			return nil, false, errSyntax
		}
	}
	if c != '"' {
		return nil, false, errSyntax
	}
	k, err = s.str()
	if err != nil {
		return nil, false, err
	}
	if s.peek() != ':' {
		return nil, false, errSyntax
	}
	s.i++
	return k, true, nil
}

// fields walks the object that comes next, calling f with each key; f must
// consume the key's value. It stops at the first error, its own or f's; it
// reports errType, consuming nothing, when another type of value comes next.
func (s *scan) fields(f func(k []byte) error) error {
	if err := s.open(); err != nil {
		return err
	}
	for first := true; ; {
		k, ok, err := s.key(&first)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := f(k); err != nil {
			return err
		}
	}
}

// object walks the object that comes next with f, as fields does, and
// reports whether there was one and it was read without error; a value of
// another type is skipped.
func (s *scan) object(f func(k []byte) error) (bool, error) {
	if s.peek() != '{' {
		return false, s.skip()
	}
	err := s.fields(f)
	return err == nil, err
}

// strEnd is the index past the closing quote of the string whose first
// byte after the opening quote is b[i], or -1. It hops from quote to quote;
// a quote is escaped when an odd number of backslashes precede it.
func strEnd(b []byte, i int) int {
	// Most strings are short: eight bytes at a time through the first few
	// words, then quote to quote with bytes.IndexByte, which is what makes
	// long content cheap.
	for stop := i + 32; i+8 <= len(b) && i < stop; {
		m := quoteOrSlash(binary.LittleEndian.Uint64(b[i:]))
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) >> 3
		if b[i] == '"' {
			return i + 1
		}
		i += 2 // a backslash and the byte it escapes
	}
	start := i // no escape is open here: backslashes before it do not count
	for i <= len(b) {
		k := bytes.IndexByte(b[i:], '"')
		if k < 0 {
			return -1
		}
		q := i + k
		n := 0
		for p := q - 1; p >= start && b[p] == '\\'; p-- {
			n++
		}
		if n%2 == 0 {
			return q + 1
		}
		i = q + 1
	}
	return -1
}

// rawStr consumes a string and returns its raw bytes between the quotes and
// whether it holds escapes. It is for keys and short values.
func (s *scan) rawStr() ([]byte, bool, error) {
	if s.peek() != '"' {
		return nil, false, errType
	}
	b := s.b
	start := s.i + 1
	// Most strings hold no backslash: find the closing quote and check.
	if q := bytes.IndexByte(b[start:], '"'); q >= 0 && bytes.IndexByte(b[start:start+q], '\\') < 0 {
		s.i = start + q + 1
		return b[start : start+q], false, nil
	}
	esc := false
	for j := start; j < len(b); j++ {
		switch b[j] {
		case '"':
			s.i = j + 1
			return b[start:j], esc, nil
		case '\\':
			esc = true
			j++
		}
	}
	return nil, false, errSyntax
}

// str consumes a string and returns its value. Without escapes the bytes
// alias the line; with them they are a new, unescaped copy.
func (s *scan) str() ([]byte, error) {
	start := s.i
	raw, esc, err := s.rawStr()
	if err != nil || !esc {
		return raw, err
	}
	var v string
	if err := json.Unmarshal(s.b[start:s.i], &v); err != nil {
		return nil, errSyntax
	}
	return []byte(v), nil
}

// null consumes a null literal if one is next.
func (s *scan) null() bool {
	if s.peek() == 'n' && bytes.HasPrefix(s.b[s.i:], []byte("null")) {
		s.i += 4
		return true
	}
	return false
}

// boolean reads true or false.
func (s *scan) boolean() (bool, error) {
	switch {
	case bytes.HasPrefix(s.b[s.i:], []byte("true")):
		s.i += 4
		return true, nil
	case bytes.HasPrefix(s.b[s.i:], []byte("false")):
		s.i += 5
		return false, nil
	}
	return false, errType
}

// count reads a token count: a non-negative whole number below 2^32 (no
// request uses billions of tokens; larger values are refused as out of
// range). Fractions, exponents and signs are refused, as serde's u64 does.
func (s *scan) count() (uint32, error) {
	v, err := s.countMax(1<<32 - 1)
	return uint32(v), err
}

// countMax reads a non-negative whole number up to hi.
func (s *scan) countMax(hi uint64) (uint64, error) {
	s.ws()
	start := s.i
	var v uint64
	over := false
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		if !over {
			v = v*10 + uint64(s.b[s.i]-'0')
			over = v > hi
		}
		s.i++
	}
	if s.i == start {
		if s.i < len(s.b) {
			switch s.b[s.i] {
			case '-', 'n', '"', '{', '[', 't', 'f':
				return 0, errNumber
			}
		}
		return 0, errSyntax
	}
	if s.i < len(s.b) {
		switch s.b[s.i] {
		case '.', 'e', 'E':
			return 0, errNumber
		}
	}
	if over {
		return 0, errRange
	}
	return v, nil
}

// number reads a JSON number as a float64. Another type is errType, with
// nothing consumed; a malformed number is errSyntax.
func (s *scan) number() (float64, error) {
	switch c := s.peek(); {
	case c == '-' || c >= '0' && c <= '9':
	default:
		return 0, errType
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		s.i++
	}
	v, err := strconv.ParseFloat(string(s.b[start:s.i]), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, errSyntax
	}
	return v, nil
}

// skip consumes one value of any type (see skipValue).
func (s *scan) skip() error {
	s.peek()
	j := skipValue(s.b, s.i)
	if j < 0 {
		return errSyntax
	}
	s.i = j
	return nil
}

// end checks that nothing but space follows the value.
func (s *scan) end() error {
	if s.peek() != 0 {
		return errSyntax
	}
	return nil
}
