package usage

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// fast reads a line of the shape Claude Code writes, in one flat pass with
// no calls per token: it is what makes usage lines cheap. It gives up,
// returning false, at anything it does not expect (a null, a repeated key,
// an escape in a key or in a string it keeps, a value of another type, a
// number that is not a plain count below 2^32, a progress wrapper, any
// fault of syntax): the general reader then reads the line from the start.
// What it accepts, it reads exactly as that reader does (FuzzClaudeFast
// holds it to that).
func (p *claudeParts) fast(b []byte) bool {
	i := ws(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	var seen keySet
	i, ok := members(b, i+1, func(k []byte, i int) int {
		switch string(k) {
		case "timestamp":
			return seen.str(1, b, i, &p.top.ts, &p.top.hasTS)
		case "requestId":
			return seen.str(2, b, i, &p.top.reqID, &p.top.hasReq)
		case "isSidechain":
			if !seen.first(4) {
				return -1
			}
			switch {
			case bytes.HasPrefix(b[i:], []byte("true")):
				p.top.sidechain = true
				return i + 4
			case bytes.HasPrefix(b[i:], []byte("false")):
				return i + 5
			}
			return -1
		case "message":
			if !seen.first(8) {
				return -1
			}
			p.top.hasMsg = true
			return fastMessage(b, i, &p.top.msg)
		case "version":
			return seen.str(16, b, i, &p.version, &p.hasVersion)
		case "sessionId":
			return seen.str(32, b, i, &p.session, &p.hasSession)
		case "cwd", "costUSD", "isApiErrorMessage":
			if b[i] == 'n' {
				return -1 // null: the general reader marks the line
			}
			return skipValue(b, i)
		case "data":
			return -1 // a progress wrapper
		}
		return skipValue(b, i)
	})
	return ok && ws(b, i) == len(b)
}

// fastMessage reads the message object at b[i].
func fastMessage(b []byte, i int, m *claudeMsg) int {
	if b[i] != '{' {
		return -1
	}
	var seen keySet
	i, ok := members(b, i+1, func(k []byte, i int) int {
		switch string(k) {
		case "id":
			return seen.str(1, b, i, &m.id, &m.hasID)
		case "model":
			return seen.str(2, b, i, &m.model, &m.hasMod)
		case "usage":
			if b[i] != '{' || !seen.first(4) {
				return -1
			}
			m.hasUsage = true
			return fastUsage(b, i+1, &m.usage)
		}
		return skipValue(b, i)
	})
	if !ok {
		return -1
	}
	return i
}

// keySet is the keys of one object read so far, a bit each: a repeated key
// sends the line to the general scanner.
type keySet uint8

// first marks bit and reports whether it was not marked yet.
func (s *keySet) first(bit keySet) bool {
	if *s&bit != 0 {
		return false
	}
	*s |= bit
	return true
}

// str reads the plain string at b[i] into *dst, once (marking bit), and
// says it was given; -1 on a repeated key.
func (s *keySet) str(bit keySet, b []byte, i int, dst *[]byte, given *bool) int {
	if !s.first(bit) {
		return -1
	}
	*dst, i = plainStr(b, i)
	*given = true
	return i
}

// fastUsage reads the members of a usage object, b[i] just past its '{'.
func fastUsage(b []byte, i int, u *claudeUsage) int {
	var seen keySet
	i, ok := members(b, i, func(k []byte, i int) int {
		switch string(k) {
		case "input_tokens":
			if !seen.first(1) {
				return -1
			}
			u.hasIn = true
			return plainCount(b, i, &u.in)
		case "output_tokens":
			if !seen.first(2) {
				return -1
			}
			u.hasOut = true
			return plainCount(b, i, &u.out)
		case "cache_read_input_tokens":
			if !seen.first(4) {
				return -1
			}
			return plainCount(b, i, &u.read)
		case "cache_creation_input_tokens":
			if !seen.first(8) {
				return -1
			}
			return plainCount(b, i, &u.write)
		case "cache_creation":
			if !seen.first(16) || b[i] != '{' {
				return -1
			}
			u.hasBuckets = true
			var in uint8
			i, ok := members(b, i+1, func(k []byte, i int) int {
				switch string(k) {
				case "ephemeral_5m_input_tokens":
					if in&1 != 0 {
						return -1
					}
					in |= 1
					return plainCount(b, i, &u.w5)
				case "ephemeral_1h_input_tokens":
					if in&2 != 0 {
						return -1
					}
					in |= 2
					return plainCount(b, i, &u.w1h)
				}
				return skipValue(b, i)
			})
			if !ok {
				return -1
			}
			return i
		case "speed":
			if !seen.first(32) {
				return -1
			}
			var v []byte
			v, i = plainStr(b, i)
			u.fast = string(v) == "fast"
			return i
		}
		return skipValue(b, i)
	})
	if !ok {
		return -1
	}
	return i
}

// members walks an object's members from b[i], just past its '{', to just
// past its '}'. For each key (which must hold no escape) it calls value with
// the index of the value's first byte (never past the end); value returns
// the index just past the value, or -1 to give up.
func members(b []byte, i int, value func(k []byte, i int) int) (int, bool) {
	i = ws(b, i)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, false
		}
		k, j := plainStr(b, i)
		if j < 0 {
			return 0, false
		}
		j = ws(b, j)
		if j >= len(b) || b[j] != ':' {
			return 0, false
		}
		j = ws(b, j+1)
		if j >= len(b) {
			return 0, false
		}
		i = value(k, j)
		if i < 0 {
			return 0, false
		}
		i = ws(b, i)
		if i >= len(b) {
			return 0, false
		}
		switch b[i] {
		case ',':
			i = ws(b, i+1)
		case '}':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// ws is the index of the first byte at or after i that is not JSON space.
func ws(b []byte, i int) int {
	// Every JSON space is at most ' ': one comparison passes the byte that
	// nearly always follows, as logs are written without spaces.
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// plainStr reads the string at b[i] when it holds no escape: its bytes and
// the index past its closing quote; -1 for anything else.
func plainStr(b []byte, i int) ([]byte, int) {
	if i >= len(b) || b[i] != '"' {
		return nil, -1
	}
	i++
	j := i
	for ; j+8 <= len(b); j += 8 {
		if m := quoteOrSlash(binary.LittleEndian.Uint64(b[j:])); m != 0 {
			j += bits.TrailingZeros64(m) >> 3
			if b[j] != '"' {
				return nil, -1
			}
			return b[i:j], j + 1
		}
	}
	for ; j < len(b); j++ {
		switch b[j] {
		case '"':
			return b[i:j], j + 1
		case '\\':
			return nil, -1
		}
	}
	return nil, -1
}

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// quoteOrSlash marks with its high bit each byte of w (eight bytes, the
// first lowest) that is '"' or '\\'. The lowest mark is exact (a false mark
// can only sit above a true one), so it finds the first such byte.
func quoteOrSlash(w uint64) uint64 {
	q := w ^ '"'*ones
	e := w ^ '\\'*ones
	return ((q-ones)&^q | (e-ones)&^e) & high
}

// plainCount reads a token count of digits alone below 2^32 into v.
func plainCount(b []byte, i int, v *uint32) int {
	start := i
	var n uint64
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && i-start < 10 {
		n = n*10 + uint64(b[i]-'0')
		i++
	}
	if i == start || n > 1<<32-1 || i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
		return -1
	}
	*v = uint32(n)
	return i
}

// skipValue is the index past the value at b[i], or -1; it is both
// readers' skip, so that they pass over the same values. Inside arrays and
// objects it checks only brackets and strings, and matches brackets to a
// depth of 64, counting them beyond.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; c {
	case '"':
		return strEnd(b, i+1)
	case '{', '[':
		var stack [64]byte
		depth := 0
		for i < len(b) {
			switch c := b[i]; c {
			case '"':
				i = strEnd(b, i+1)
				if i < 0 {
					return -1
				}
				continue
			case '{', '[':
				if depth < len(stack) {
					stack[depth] = c
				}
				depth++
			case '}', ']':
				if depth == 0 {
					return -1
				}
				depth--
				if depth < len(stack) && (stack[depth] == '{') != (c == '}') {
					return -1
				}
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	case '}', ']', ',', ':', 0:
		return -1
	}
	start := i // a literal or number: up to the next delimiter or the end
	for ; i < len(b); i++ {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if i == start {
				return -1
			}
			return i
		case '"', '{', '[', ':':
			return -1
		}
	}
	return i
}
