package ui

import (
	"os"
	"sync/atomic"
	"unicode/utf8"
)

// The terminal input reader of the UI library can be wedged by a bracketed
// paste: an ESC inside the pasted text that opens a string sequence (ESC P,
// ESC _, ESC X, ESC ^) swallows the paste's end marker, the reader stays in
// its paste state for good, and every key after it (q, Esc, ctrl+c) is added
// to a paste that never ends. A paste of megabytes also costs it time that
// grows with the square of the size, as it rescans what it holds on every
// read. The app needs no megabytes in a text field, so what a paste may
// bring is bounded here, on the bytes, before the library reads them:
// inside a paste, ESC and other control bytes but tab and newlines are
// dropped (so the end marker is always seen), the text is cut at maxPaste
// bytes, and a ctrl+c ends the paste and is passed on, so that ctrl+c is
// answered whatever arrives.

// maxPaste bounds the text of one paste passed to the app.
const maxPaste = 64 << 10

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// Filter states.
const (
	typed   = iota // keys: every byte passes
	pasted         // inside a paste: its text passes, bounded
	drained        // a paste ended by ctrl+c: the rest of it is dropped
)

// pasteFilter is the state of the filter across reads.
type pasteFilter struct {
	state int
	match int     // bytes of the marker awaited matched so far
	size  int     // text bytes of the current paste passed on
	cut   int64   // text bytes dropped, since last taken
	rune  [4]byte // a UTF-8 sequence begun, held until it is whole
	runeN int     // its bytes so far
	need  int     // its length
}

// filter appends to dst what of src the library may read. Typed keys pass
// at once, whatever they are (an Esc key must not wait). Inside a paste,
// only text passes: ESC and other control bytes but tab and newlines are
// dropped, and so is what is not UTF-8 or is a C1 control (the 8-bit
// forms of ESC P, CSI, OSC are as wedging as ESC P); up to five bytes that
// may begin the end marker, and a UTF-8 sequence begun, are held until the
// next read tells.
func (f *pasteFilter) filter(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if f.state == typed {
			dst = append(dst, c)
			switch {
			case c == pasteStart[f.match]:
				f.match++
			case c == pasteStart[0]:
				f.match = 1
			default:
				f.match = 0
			}
			if f.match == len(pasteStart) {
				f.state, f.match, f.size, f.runeN = pasted, 0, 0, 0
			}
			continue
		}
		if f.match > 0 {
			if c == pasteEnd[f.match] {
				if f.match++; f.match == len(pasteEnd) {
					if f.state == pasted {
						dst = append(dst, pasteEnd...)
					}
					f.state, f.match = typed, 0
				}
				continue
			}
			// Not the end marker: the ESC held is dropped, the rest is
			// text, and c is looked at afresh.
			held := pasteEnd[1:f.match]
			f.match = 0
			for _, b := range held {
				dst = f.text(dst, b)
			}
			i--
			continue
		}
		switch {
		case c == 0x1b:
			f.match = 1
		case c == 0x03: // ctrl+c: the paste ends here, and ctrl+c is a key
			if f.state == pasted {
				dst = append(dst, pasteEnd...)
				f.state = drained
			}
			dst = append(dst, c)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f:
			// a control byte has no place in a text field
		default:
			dst = f.text(dst, c)
		}
	}
	return dst
}

// text appends the paste's text byte b, keeping whole UTF-8 sequences that
// are not C1 controls, up to maxPaste bytes a paste.
func (f *pasteFilter) text(dst []byte, b byte) []byte {
	if f.state == drained {
		f.cut++
		return dst
	}
	switch {
	case b < 0x80:
		f.runeN = 0
		return f.keep(dst, b)
	case b >= 0xc2 && b <= 0xf4: // a lead byte
		f.rune[0], f.runeN = b, 1
		f.need = 2
		if b >= 0xe0 {
			f.need = 3
		}
		if b >= 0xf0 {
			f.need = 4
		}
		return dst
	case b <= 0xbf && f.runeN > 0: // a continuation byte awaited
		f.rune[f.runeN] = b
		if f.runeN++; f.runeN < f.need {
			return dst
		}
		seq := f.rune[:f.runeN]
		f.runeN = 0
		if r, _ := utf8.DecodeRune(seq); r == utf8.RuneError || r < 0xa0 {
			return dst // not UTF-8, or a C1 control
		}
		return f.keep(dst, seq...)
	}
	f.runeN = 0 // not UTF-8: dropped
	return dst
}

// keep appends bs, the bytes of one character, when the paste has room.
func (f *pasteFilter) keep(dst []byte, bs ...byte) []byte {
	if f.size+len(bs) > maxPaste {
		f.cut += int64(len(bs))
		return dst
	}
	f.size += len(bs)
	return append(dst, bs...)
}

// guardedInput is the terminal's input with the paste filter on its bytes.
// It is a file to the library (Fd, Name): the library still puts the
// terminal in raw mode and waits on it as on the terminal itself.
type guardedInput struct {
	*os.File
	f   pasteFilter
	cut atomic.Int64 // bytes cut from pastes, for the app to say
	tmp []byte
}

func newGuardedInput(f *os.File) *guardedInput { return &guardedInput{File: f} }

// Read reads what the terminal sent and passes on what the filter keeps.
// It reads half of what p can hold, less a margin, so that what it passes
// always fits: nothing is kept back for a next call, which the library only
// makes once the terminal has more to read. The filter at most doubles
// bytes (a ctrl+c in a paste, seven bytes with the start marker before it,
// becomes thirteen) and adds the five it may hold from the read before.
func (g *guardedInput) Read(p []byte) (int, error) {
	room := len(p)/2 - 8
	if room < 1 {
		return g.File.Read(p)
	}
	if cap(g.tmp) < room {
		g.tmp = make([]byte, room)
	}
	n, err := g.File.Read(g.tmp[:room])
	out := g.f.filter(p[:0], g.tmp[:n])
	if g.f.cut > 0 {
		g.cut.Add(g.f.cut)
		g.f.cut = 0
	}
	return len(out), err
}

// takeCut is the number of bytes cut from pastes since it was last asked.
func (g *guardedInput) takeCut() int64 {
	if g == nil {
		return 0
	}
	return g.cut.Swap(0)
}
