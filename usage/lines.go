package usage

import (
	"bytes"
	"errors"
	"io"
)

// DefaultMaxLine is the longest line read: longer lines are skipped (and
// counted) without being held in memory whole.
const DefaultMaxLine = 10 << 20

const initialBuffer = 256 << 10

// lineReader yields the lines of a stream from one bounded buffer. The
// buffer starts at 256 KiB and grows only as far as the longest line kept
// needs, never beyond max+1 bytes; a longer line is read through in pieces
// and dropped.
type lineReader struct {
	r          io.Reader
	buf        []byte
	start, end int
	max        int
	eof        bool
	err        error // the read error that ended the stream early, if any
	read       int64 // bytes read so far
}

func newLineReader(r io.Reader, max int, buf []byte) *lineReader {
	if max <= 0 {
		max = DefaultMaxLine
	}
	if cap(buf) < initialBuffer {
		buf = make([]byte, initialBuffer)
	}
	return &lineReader{r: r, buf: buf[:cap(buf)], max: max}
}

// line kinds returned by next.
const (
	lineFull    = iota // a line ended by '\n'
	lineLast           // the last line of the stream, with no '\n' after it
	lineTooLong        // a line over max bytes, skipped
	lineNone           // the stream is over
)

// next returns the next line, without its '\n' (or "\r\n"). The slice is
// valid until the following call.
func (lr *lineReader) next() ([]byte, int) {
	for {
		if i := bytes.IndexByte(lr.buf[lr.start:lr.end], '\n'); i >= 0 {
			line := lr.buf[lr.start : lr.start+i]
			lr.start += i + 1
			if len(line) > lr.max {
				return nil, lineTooLong
			}
			return trimCR(line), lineFull
		}
		if lr.eof {
			if lr.start == lr.end {
				return nil, lineNone
			}
			line := lr.buf[lr.start:lr.end]
			lr.start = lr.end
			if len(line) > lr.max {
				return nil, lineTooLong
			}
			return trimCR(line), lineLast
		}
		// Make room: slide the partial line to the front, grow if it fills
		// the buffer, and drop it once it passes max.
		if lr.start > 0 {
			n := copy(lr.buf, lr.buf[lr.start:lr.end])
			lr.start, lr.end = 0, n
		}
		if lr.end == len(lr.buf) {
			if len(lr.buf) > lr.max {
				return nil, lr.discard()
			}
			grown := make([]byte, min(2*len(lr.buf), lr.max+1))
			copy(grown, lr.buf[:lr.end])
			lr.buf = grown
		}
		lr.fill()
	}
}

// peek returns up to the first n bytes not yet consumed, reading as needed
// (n must not exceed the initial buffer).
func (lr *lineReader) peek(n int) []byte {
	for lr.end-lr.start < n && !lr.eof {
		if lr.end == len(lr.buf) {
			m := copy(lr.buf, lr.buf[lr.start:lr.end])
			lr.start, lr.end = 0, m
		}
		lr.fill()
	}
	return lr.buf[lr.start:min(lr.end, lr.start+n)]
}

// skipBOM drops a UTF-8 byte order mark at the start of the stream: a JSON
// reader may ignore one (RFC 8259), and a log saved from an editor can
// start with one; left there, it made the first record a line "not JSON".
func (lr *lineReader) skipBOM() {
	if bytes.HasPrefix(lr.peek(len(utf8BOM)), utf8BOM) {
		lr.start += len(utf8BOM)
	}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// fill reads once into the free end of the buffer.
func (lr *lineReader) fill() {
	n, err := lr.r.Read(lr.buf[lr.end:])
	lr.end += n
	lr.read += int64(n)
	if err != nil {
		lr.eof = true
		if !errors.Is(err, io.EOF) {
			lr.err = err
		}
	}
}

// discard drops the rest of an over-long line, up to and including its
// '\n', reading the stream in buffer-sized pieces.
func (lr *lineReader) discard() int {
	lr.start, lr.end = 0, 0
	for {
		lr.fill()
		if i := bytes.IndexByte(lr.buf[:lr.end], '\n'); i >= 0 {
			lr.start = i + 1
			return lineTooLong
		}
		lr.start, lr.end = 0, 0
		if lr.eof {
			return lineTooLong
		}
	}
}

func trimCR(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}
