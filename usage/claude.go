package usage

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"
)

// hasUsageMarker reports whether line holds a "usage" key whose value is an
// object, the marker every Claude Code usage line holds: lines without it
// are passed over unparsed, as ccusage does. ccusage looks for the bytes
// "usage":{ alone; this marker also takes JSON space around the colon and an
// escaped key, so that the same records re-serialized by another writer
// (json.dumps, jq) are read as they are written compact. It hops from one
// '{' to the next (rare in prose, unlike the quotes a plain substring search
// would stop at in JSON) and looks behind each. Usage comes late in a line,
// after the message's content, so the line's last bytes are searched first:
// on a usage line the marker is then found without crossing the content.
func hasUsageMarker(line []byte) bool {
	const tail = 512
	if cut := len(line) - tail; cut > 0 {
		return markerFrom(line, cut) || markerFrom(line[:cut], 0)
	}
	return markerFrom(line, 0)
}

// markerFrom reports whether a '{' at index from or later in line closes the
// marker.
func markerFrom(line []byte, from int) bool {
	const before = `"usage":`
	for i := max(from, len(before)); i < len(line); i++ {
		j := bytes.IndexByte(line[i:], '{')
		if j < 0 {
			return false
		}
		i += j
		if string(line[i-len(before):i]) == before || (line[i-1] <= ' ' || line[i-1] == ':') && usageKeyBefore(line, i) {
			return true
		}
	}
	return false
}

// usageKeyBefore reports whether the '{' at line[i] follows a key "usage"
// written with JSON space around its colon or with escapes. The key's
// opening quote is the first quote before its closing one: "usage" escaped
// holds no quote. A string's closing quote read backwards cannot be told
// from an escaped quote inside it, so a value such as "\"usage\": {" is
// taken for the marker too: that only costs a parse, as any false marker.
func usageKeyBefore(line []byte, i int) bool {
	j := i - 1
	for j >= 0 && jsonSpace(line[j]) {
		j--
	}
	if j < 0 || line[j] != ':' {
		return false
	}
	j--
	for j >= 0 && jsonSpace(line[j]) {
		j--
	}
	if j < 0 || line[j] != '"' {
		return false
	}
	end := j
	// The longest spelling of usage is five \uXXXX escapes: 30 bytes.
	for j--; j >= 0 && end-j <= 31; j-- {
		if line[j] == '"' {
			key := line[j+1 : end]
			if string(key) == "usage" {
				return true
			}
			if bytes.IndexByte(key, '\\') < 0 {
				return false
			}
			var k string
			return json.Unmarshal(line[j:end+1], &k) == nil && k == "usage"
		}
	}
	return false
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// claudeRec is what one Claude Code log line says about one API request.
// The byte slices alias the line and live only while it is processed.
type claudeRec struct {
	ts           int64  // Unix milliseconds
	msgID, reqID []byte // nil when the line has none
	model        []byte // nil when the line names none
	session      []byte // sessionId; nil when the line has none
	sidechain    bool
	fast         bool
	in, out      uint32 // input_tokens (uncached), output_tokens
	read, write  uint32 // cache_read_input_tokens, cache writes (5-minute + 1-hour)
	write1h      uint32 // the 1-hour part of the cache writes
}

// outcome is what became of one line.
type outcome int

const (
	outIgnored   outcome = iota // a sound line that records no API request
	outOK                       // a usage record
	outMalformed                // not JSON, or JSON cut short
	outInvalid                  // JSON, but its usage fields break the format's rules
	outTime                     // no readable timestamp
	outRange                    // a token count of 2^32 or more
)

// claudeMsg is the "message" object of a line.
type claudeMsg struct {
	id, model     []byte
	usage         claudeUsage
	hasUsage      bool
	invalid       bool
	hasID, hasMod bool
}

type claudeUsage struct {
	in, out, read, write uint32
	w5, w1h              uint32
	hasIn, hasOut        bool
	hasBuckets           bool // cache_creation{ephemeral_*} replaces cache_creation_input_tokens
	fast                 bool
	invalid              bool
	rangeErr             bool
}

// claudeWrap is the part of a line that says who made the request: the top
// level of a direct line, or data.message of an agent-progress line.
type claudeWrap struct {
	ts        []byte
	hasTS     bool
	reqID     []byte
	hasReq    bool
	sidechain bool
	msg       claudeMsg
	hasMsg    bool
	invalid   bool
}

// parseClaudeLine reads one line of a Claude Code log. It follows the
// reading of ccusage 20 (see ../shared/reference/peers.md, "Log format A"):
// a usage record needs a timestamp and message.usage with input_tokens and
// output_tokens; the line is invalid when version is not N.N.N…, when
// sessionId, requestId, message.id or message.model is an empty string, or
// when one of id, cwd, model, speed, costUSD, version, sessionId, requestId,
// isApiErrorMessage, cache_read_input_tokens or cache_creation_input_tokens is
// null. A "type":"progress" line whose record is nested under
// data.message.message counts like a direct one. The cache writes are the sum
// of cache_creation.ephemeral_5m/1h_input_tokens when that object is there,
// else cache_creation_input_tokens. Unknown fields, message content included,
// are skipped unread.
func parseClaudeLine(line []byte, r *claudeRec) outcome {
	*r = claudeRec{}
	var p claudeParts
	if !p.fast(line) {
		p = claudeParts{}
		if !p.read(line) {
			return outMalformed
		}
	}
	return p.record(r)
}

// claudeParts is what a line's fields say, as read, before the format's
// rules are applied to them.
type claudeParts struct {
	top, prog              claudeWrap
	hasProg, bad           bool
	version, session       []byte
	hasVersion, hasSession bool
}

// read reads any line with the general scanner; false means malformed.
func (p *claudeParts) read(line []byte) bool {
	s := scan{b: line}
	err := s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "timestamp", "requestId", "isSidechain", "message":
			err = p.top.field(&s, k)
		case "version":
			p.version, p.hasVersion, err = optString(&s, &p.bad)
		case "sessionId":
			p.session, p.hasSession, err = optString(&s, &p.bad)
		case "cwd", "costUSD", "isApiErrorMessage":
			if s.null() {
				p.bad = true
			} else {
				err = s.skip()
			}
		case "data":
			p.hasProg, err = parseProgressData(&s, &p.prog)
		default:
			err = s.skip()
		}
		return err
	})
	return err == nil && s.end() == nil
}

// record applies the format's rules to what was read.
func (p *claudeParts) record(r *claudeRec) outcome {
	top, prog := &p.top, &p.prog
	hasVersion, hasSession := p.hasVersion, p.hasSession
	w := top
	if !top.complete() {
		if !p.hasProg || !prog.complete() {
			if top.hasMsg && top.msg.hasUsage || p.hasProg && prog.hasMsg && prog.msg.hasUsage {
				return outInvalid // usage without its required counts
			}
			return outIgnored
		}
		w = prog
		hasVersion, hasSession = false, false // progress lines carry neither
	}
	u := &w.msg.usage
	switch {
	case p.bad || w.invalid || w.msg.invalid || u.invalid:
		return outInvalid
	case hasVersion && !semverPrefix(p.version),
		hasSession && len(p.session) == 0,
		w.hasReq && len(w.reqID) == 0,
		w.msg.hasID && len(w.msg.id) == 0,
		w.msg.hasMod && len(w.msg.model) == 0:
		return outInvalid
	case u.rangeErr:
		return outRange
	}
	ts, ok := logTime(w.ts)
	if !ok {
		return outTime
	}
	r.ts = ts
	r.in, r.out, r.read = u.in, u.out, u.read
	r.write = u.write
	if u.hasBuckets {
		sum := uint64(u.w5) + uint64(u.w1h)
		if sum > 1<<32-1 {
			return outRange
		}
		r.write, r.write1h = uint32(sum), u.w1h
	}
	if w.msg.hasID {
		r.msgID = w.msg.id
	}
	if w.hasReq {
		r.reqID = w.reqID
	}
	if w.msg.hasMod {
		r.model = w.msg.model
	}
	if hasSession {
		r.session = p.session
	}
	r.sidechain = w.sidechain
	r.fast = u.fast
	return outOK
}

// complete reports whether w holds a usage record: a timestamp and
// message.usage with input_tokens and output_tokens.
func (w *claudeWrap) complete() bool {
	return w.hasTS && w.hasMsg && w.msg.hasUsage && w.msg.usage.hasIn && w.msg.usage.hasOut
}

// field reads one of the keys a direct line and a progress wrapper share.
func (w *claudeWrap) field(s *scan, k []byte) error {
	var err error
	switch string(k) {
	case "timestamp":
		if s.null() {
			w.invalid = true
			return nil
		}
		w.ts, err = s.str()
		if errors.Is(err, errType) {
			w.ts, w.hasTS = nil, false
			return s.skip()
		}
		w.hasTS = err == nil
	case "requestId":
		w.reqID, w.hasReq, err = optString(s, &w.invalid)
	case "isSidechain":
		if s.null() {
			w.sidechain = false
			return nil
		}
		w.sidechain, err = s.boolean()
		if errors.Is(err, errType) {
			w.invalid = true
			return s.skip()
		}
	case "message":
		if s.null() {
			w.hasMsg = false
			return nil
		}
		w.msg = claudeMsg{}
		w.hasMsg = true
		err = parseClaudeMessage(s, &w.msg)
		if errors.Is(err, errType) {
			w.hasMsg = false
			return s.skip()
		}
	case "costUSD":
		if s.null() {
			w.invalid = true
			return nil
		}
		return s.skip()
	default:
		return s.skip()
	}
	return err
}

// optString reads a string that may be absent but must not be null: null or
// another type marks the line bad.
func optString(s *scan, bad *bool) ([]byte, bool, error) {
	if s.null() {
		*bad = true
		return nil, false, nil
	}
	return nullableString(s, bad)
}

func parseClaudeMessage(s *scan, m *claudeMsg) error {
	return s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "id":
			m.id, m.hasID, err = optString(s, &m.invalid)
		case "model":
			m.model, m.hasMod, err = optString(s, &m.invalid)
		case "usage":
			if s.null() {
				m.hasUsage = false
				return nil
			}
			m.usage = claudeUsage{}
			err = parseClaudeUsage(s, &m.usage)
			m.hasUsage = err == nil
			if errors.Is(err, errType) {
				err = s.skip()
			}
		default:
			err = s.skip()
		}
		return err
	})
}

// readCount reads a token count field; a wrong type or null marks the usage
// invalid, an out-of-range value marks it so.
func readCount(s *scan, u *claudeUsage, v *uint32) (bool, error) {
	if s.null() {
		u.invalid = true
		return false, nil
	}
	n, err := s.count()
	switch {
	case err == nil:
		*v = n
		return true, nil
	case errors.Is(err, errRange):
		u.rangeErr = true
		return true, nil
	case errors.Is(err, errNumber):
		u.invalid = true
		return false, s.skip()
	}
	return false, err
}

func parseClaudeUsage(s *scan, u *claudeUsage) error {
	return s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "input_tokens":
			u.hasIn, err = readCount(s, u, &u.in)
		case "output_tokens":
			u.hasOut, err = readCount(s, u, &u.out)
		case "cache_read_input_tokens":
			_, err = readCount(s, u, &u.read)
		case "cache_creation_input_tokens":
			_, err = readCount(s, u, &u.write)
		case "cache_creation":
			if s.null() {
				u.hasBuckets, u.w5, u.w1h = false, 0, 0
				return nil
			}
			u.hasBuckets, u.w5, u.w1h = true, 0, 0
			err = parseBuckets(s, u)
			if errors.Is(err, errType) {
				u.invalid = true
				err = s.skip()
			}
		case "speed":
			var v []byte
			var has bool
			v, has, err = optString(s, &u.invalid)
			u.fast = has && string(v) == "fast"
		default:
			err = s.skip()
		}
		return err
	})
}

// parseBuckets reads cache_creation{ephemeral_5m_input_tokens,
// ephemeral_1h_input_tokens}; either may be missing (0) but not null.
func parseBuckets(s *scan, u *claudeUsage) error {
	return s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "ephemeral_5m_input_tokens":
			_, err = readCount(s, u, &u.w5)
		case "ephemeral_1h_input_tokens":
			_, err = readCount(s, u, &u.w1h)
		default:
			err = s.skip()
		}
		return err
	})
}

// parseProgressData reads data.message of an agent-progress line: the
// wrapper with timestamp, requestId, isSidechain, costUSD and the nested
// message. It reports whether data.message was an object.
func parseProgressData(s *scan, w *claudeWrap) (bool, error) {
	found := false
	_, err := s.object(func(k []byte) error {
		if string(k) != "message" {
			return s.skip()
		}
		if s.peek() != '{' {
			found = false // a later key wins, as in any JSON reader
			return s.skip()
		}
		*w = claudeWrap{}
		found = true
		return s.fields(func(k []byte) error { return w.field(s, k) })
	})
	if err != nil {
		return false, err
	}
	return found, nil
}

// semverPrefix reports whether v starts N.N.N (digits, dot, digits, dot,
// digit), the versions ccusage accepts.
func semverPrefix(v []byte) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() || i >= len(v) || v[i] != '.' {
		return false
	}
	i++
	if !digits() || i >= len(v) || v[i] != '.' {
		return false
	}
	i++
	return i < len(v) && v[i] >= '0' && v[i] <= '9'
}

// parseTime reads an RFC 3339 timestamp into Unix milliseconds. The shape
// every log writes, 2026-03-04T14:22:07.512Z, is read by hand; anything else
// goes to time.Parse.
// Logs are of this century: a timestamp outside it (year 1, 9999) is a bad
// line, not a request that would stretch the logs' span over millennia and
// make the fitted month a day long.
var (
	minLogTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	maxLogTime = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli() // excluded
)

// logTime reads a log line's timestamp: parseTime, within the years
// 2000–2099.
func logTime(b []byte) (int64, bool) {
	ms, ok := parseTime(b)
	return ms, ok && ms >= minLogTime && ms < maxLogTime
}

func parseTime(b []byte) (int64, bool) {
	if ms, ok := fastTime(b); ok {
		return ms, true
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		return 0, false
	}
	return t.UnixMilli(), true
}

func fastTime(b []byte) (int64, bool) {
	if len(b) < 20 || b[len(b)-1] != 'Z' || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59 {
		return 0, false
	}
	ms := 0
	rest := b[19 : len(b)-1]
	if len(rest) > 0 {
		if rest[0] != '.' || len(rest) < 2 || len(rest) > 10 {
			return 0, false
		}
		for i, c := range rest[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
			if i < 3 {
				ms = ms*10 + int(c-'0')
			}
		}
		for i := len(rest) - 1; i < 3; i++ {
			ms *= 10
		}
	}
	days := daysFromCivil(y, mo, d)
	return ((days*24+int64(h))*60+int64(mi))*60*1000 + int64(sec)*1000 + int64(ms), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d (proleptic
// Gregorian), after Howard Hinnant's algorithm.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if y < 0 {
		era -= 399 // the algorithm floors: January and February of year 0 count as year -1
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// Line shapes.
const (
	shapeObject  = iota // starts with '{' and ends with '}'
	shapeCut            // starts with '{' but does not end with '}': cut short
	shapeNotJSON        // anything else: binary, garbage
)

// looksLikeObject is the cheap check every line gets, usage or not: a JSON
// object starts with '{' and ends with '}'.
func looksLikeObject(line []byte) int {
	line = bytes.TrimSpace(line)
	switch {
	case len(line) == 0 || line[0] != '{':
		return shapeNotJSON
	case len(line) < 2 || line[len(line)-1] != '}':
		return shapeCut
	}
	return shapeObject
}
