package usage

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzzers check three things on any input: nothing panics; a line that
// is valid JSON (valid UTF-8, no duplicate keys) reads exactly as a
// reference reading with encoding/json says it should; and a whole input
// read as a log gives a record or a counted reason for each line.

func seedLines(f *testing.F, dir string) {
	f.Helper()
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			f.Add(bytes.TrimRight(line, "\r"))
		}
		return nil
	})
}

func FuzzClaudeLine(f *testing.F) {
	seedLines(f, "testdata/claude")
	for _, s := range []string{
		`{}`, `[]`, `{"message":{"usage":{}}}`, `{"message":null}`,
		`{"timestamp":"2026-03-04T10:00:00Z","message":{"usage":{"input_tokens":1,"output_tokens":2}}}`,
		`{"timestamp":"2026-03-04T10:00:00+09:00","message":{"id":"\u006d1","usage":{"input_tokens":0,"output_tokens":0,"speed":"fast"}},"requestId":"r"}`,
		`{"timestamp":"2026-02-30T10:00:00.000Z","message":{"usage":{"input_tokens":1,"output_tokens":2}}}`,
		`{"timestamp":"2026-03-04T10:00:00.000Z","message":{"usage":{"input_tokens":4294967295,"output_tokens":1e3}}}`,
		`{"timestamp":"2026-03-04T10:00:00.000Z","message":{"usage":{"input_tokens":1,"output_tokens":2,"cache_creation":{"ephemeral_1h_input_tokens":4294967295,"ephemeral_5m_input_tokens":1}}}}`,
		`{"type":"progress","data":{"message":{"timestamp":"2026-03-04T10:00:00.000Z","isSidechain":true,"message":{"usage":{"input_tokens":1,"output_tokens":2}}}}}`,
		`{"version":"1.0","sessionId":"","cwd":null,"timestamp":"x","message":{"usage":{"input_tokens":-1,"output_tokens":"2"}}}`,
		`{"message":{"usage":{"input_tokens":1,"output_tokens":2}},"timestamp":"2026-03-04T10:00:00.000Z","isSidechain":"yes"}`,
		"{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
		`{"a":"\\\"usage\":{","message":{"content":[{"type":"tool_use","input":{"usage":{"input_tokens":9}}}],"usage":{"input_tokens":1,"output_tokens":2}},"timestamp":"2026-03-04T10:00:00.000Z"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var got claudeRec
		o := parseClaudeLine(line, &got)
		if o == outOK && got.ts == 0 && !bytes.Contains(line, []byte("1970-01-01")) {
			t.Errorf("record without a time: %q", line)
		}
		if comparable(line) {
			want, wo := refClaude(t, line)
			if o != wo || (o == outOK && !sameClaude(&got, &want)) {
				t.Errorf("line %q:\n got %v %+v\nwant %v %+v", line, o, got, wo, want)
			}
		}
		streamAll(t, ClaudeCode, line)
	})
}

func FuzzCodexLine(f *testing.F) {
	seedLines(f, "testdata/codex")
	for _, s := range []string{
		`{"type":"turn_context","payload":{"model":null}}`,
		`{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":9007199254740993}}}}`,
		`{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":"1"}}}}`,
		`{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","model":"gpt-5","info":{"model":"x","last_token_usage":null}}}`,
		`{"payload":{"info":{"last_token_usage":{"output_tokens":1.5}},"type":"token_count"},"type":"event_msg","timestamp":"2026-02-11T09:30:10Z"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var got codexRec
		o := parseCodexLine(line, &got)
		if comparable(line) {
			want, wo := refCodex(t, line)
			if o != wo || (o == outOK && !sameCodex(&got, &want)) {
				t.Errorf("line %q:\n got %v %+v\nwant %v %+v", line, o, got, wo, want)
			}
		}
		streamAll(t, Codex, line)
	})
}

// streamAll reads input as a whole log (it may hold several lines): every
// line is a record, a counted skip, or a line that records nothing.
func streamAll(t *testing.T, src Source, input []byte) {
	w, items := streamFile(newShared(src, 64), input, "fuzz")
	n := int64(len(items))
	var skips int64
	for _, c := range w.counts {
		skips += c
	}
	if lines := int64(bytes.Count(input, []byte("\n"))) + 1; n+skips > lines {
		t.Errorf("%d records and %d skips from %d lines", n, skips, lines)
	}
	if w.lines == 0 && len(input) > 0 {
		t.Errorf("no line read from %d bytes", len(input))
	}
}

// comparable: valid JSON, valid UTF-8, no duplicate keys at any level —
// where every JSON reader agrees on what the line says.
func comparable(line []byte) bool {
	if !json.Valid(line) || !utf8.Valid(line) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return true
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if k, isKey := tok.(string); isKey && top != nil && top.obj && top.key {
			if top.keys[k] {
				return false
			}
			top.keys[k] = true
			top.key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, key: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && stack[len(stack)-1].obj {
			stack[len(stack)-1].key = true
		}
	}
}

func decodeMap(t *testing.T, line []byte) (map[string]any, bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("valid JSON did not decode: %v", err)
	}
	m, ok := v.(map[string]any)
	return m, ok
}

// refCount reads a token count the way the readers must: a whole
// non-negative number up to hi; a fraction, exponent, sign or other type is
// invalid; null is for the caller.
func refCount(v any, hi uint64) (n uint64, valid, inRange bool) {
	num, ok := v.(json.Number)
	if !ok || strings.ContainsAny(string(num), ".eE-") {
		return 0, false, false
	}
	u, err := strconv.ParseUint(string(num), 10, 64)
	if err != nil || u > hi {
		return 0, true, false
	}
	return u, true, true
}

type refWrap struct {
	ts, req         string
	hasTS, hasReq   bool
	side, invalid   bool
	hasMsg          bool
	id, model       string
	hasID, hasModel bool
	hasUsage        bool
	in, out, rd, wr uint64
	w5, w1h         uint64
	hasIn, hasOut   bool
	buckets, fast   bool
	rangeErr        bool
}

func refWrapOf(m map[string]any, top bool) refWrap {
	var w refWrap
	str := func(v any, s *string, has *bool) {
		switch x := v.(type) {
		case nil:
			w.invalid = true
		case string:
			*s, *has = x, true
		default:
			w.invalid = true
		}
	}
	if v, ok := m["timestamp"]; ok {
		switch x := v.(type) {
		case nil:
			w.invalid = true
		case string:
			w.ts, w.hasTS = x, true
		}
	}
	if v, ok := m["requestId"]; ok {
		str(v, &w.req, &w.hasReq)
	}
	if v, ok := m["isSidechain"]; ok {
		switch x := v.(type) {
		case nil:
		case bool:
			w.side = x
		default:
			w.invalid = true
		}
	}
	if v, ok := m["costUSD"]; ok && v == nil && !top {
		w.invalid = true
	}
	msg, ok := m["message"].(map[string]any)
	if !ok {
		return w
	}
	w.hasMsg = true
	if v, ok := msg["id"]; ok {
		str(v, &w.id, &w.hasID)
	}
	if v, ok := msg["model"]; ok {
		str(v, &w.model, &w.hasModel)
	}
	u, ok := msg["usage"].(map[string]any)
	if !ok {
		return w
	}
	w.hasUsage = true
	count := func(k string, n *uint64) bool {
		v, ok := u[k]
		if !ok {
			return false
		}
		if v == nil {
			w.invalid = true
			return false
		}
		x, valid, in := refCount(v, math.MaxUint32)
		switch {
		case !valid:
			w.invalid = true
			return false
		case !in:
			w.rangeErr = true
		default:
			*n = x
		}
		return true
	}
	w.hasIn = count("input_tokens", &w.in)
	w.hasOut = count("output_tokens", &w.out)
	count("cache_read_input_tokens", &w.rd)
	count("cache_creation_input_tokens", &w.wr)
	if v, ok := u["cache_creation"]; ok {
		switch x := v.(type) {
		case nil:
		case map[string]any:
			w.buckets = true
			inner := u
			u = x
			count("ephemeral_5m_input_tokens", &w.w5)
			count("ephemeral_1h_input_tokens", &w.w1h)
			u = inner
		default:
			w.invalid = true
		}
	}
	if v, ok := u["speed"]; ok {
		switch x := v.(type) {
		case string:
			w.fast = x == "fast"
		default:
			w.invalid = true
		}
	}
	return w
}

func (w *refWrap) complete() bool { return w.hasTS && w.hasMsg && w.hasUsage && w.hasIn && w.hasOut }

// refClaude is parseClaudeLine's rules, on a decoded map.
func refClaude(t *testing.T, line []byte) (claudeRec, outcome) {
	m, ok := decodeMap(t, line)
	if !ok {
		return claudeRec{}, outMalformed
	}
	bad := false
	var version, session string
	var hasVersion, hasSession bool
	optStr := func(k string, s *string, has *bool) {
		if v, ok := m[k]; ok {
			if x, ok := v.(string); ok {
				*s, *has = x, true
			} else {
				bad = true
			}
		}
	}
	optStr("version", &version, &hasVersion)
	optStr("sessionId", &session, &hasSession)
	for _, k := range []string{"cwd", "costUSD", "isApiErrorMessage"} {
		if v, ok := m[k]; ok && v == nil {
			bad = true
		}
	}
	top := refWrapOf(m, true)
	var prog refWrap
	hasProg := false
	if d, ok := m["data"].(map[string]any); ok {
		if pm, ok := d["message"].(map[string]any); ok {
			prog, hasProg = refWrapOf(pm, false), true
		}
	}
	w := &top
	if !top.complete() {
		if !hasProg || !prog.complete() {
			if top.hasMsg && top.hasUsage || hasProg && prog.hasMsg && prog.hasUsage {
				return claudeRec{}, outInvalid
			}
			return claudeRec{}, outIgnored
		}
		w = &prog
		hasVersion, hasSession = false, false
	}
	switch {
	case bad || w.invalid:
		return claudeRec{}, outInvalid
	case hasVersion && !semverPrefix([]byte(version)), hasSession && session == "", w.hasReq && w.req == "", w.hasID && w.id == "", w.hasModel && w.model == "":
		return claudeRec{}, outInvalid
	case w.rangeErr:
		return claudeRec{}, outRange
	}
	ts, ok := parseTime([]byte(w.ts))
	if !ok || !saneYear(ts) {
		return claudeRec{}, outTime
	}
	r := claudeRec{ts: ts, in: uint32(w.in), out: uint32(w.out), read: uint32(w.rd), write: uint32(w.wr), sidechain: w.side, fast: w.fast}
	if w.buckets {
		if w.w5+w.w1h > math.MaxUint32 {
			return claudeRec{}, outRange
		}
		r.write, r.write1h = uint32(w.w5+w.w1h), uint32(w.w1h)
	}
	if w.hasID {
		r.msgID = []byte(w.id)
	}
	if w.hasReq {
		r.reqID = []byte(w.req)
	}
	if w.hasModel {
		r.model = []byte(w.model)
	}
	if hasSession {
		r.session = []byte(session)
	}
	return r, outOK
}

// saneYear: a log's requests are made in the years 2000 to 2099.
func saneYear(ms int64) bool {
	y := time.UnixMilli(ms).UTC().Year()
	return y >= 2000 && y <= 2099
}

func sameClaude(a, b *claudeRec) bool {
	eq := func(x, y []byte) bool { return (x == nil) == (y == nil) && bytes.Equal(x, y) }
	return a.ts == b.ts && eq(a.msgID, b.msgID) && eq(a.reqID, b.reqID) && eq(a.model, b.model) && eq(a.session, b.session) &&
		a.sidechain == b.sidechain && a.fast == b.fast && a.in == b.in && a.out == b.out && a.read == b.read &&
		a.write == b.write && a.write1h == b.write1h
}

// refCodex is parseCodexLine's rules, on a decoded map.
func refCodex(t *testing.T, line []byte) (codexRec, outcome) {
	m, ok := decodeMap(t, line)
	if !ok {
		return codexRec{}, outMalformed
	}
	invalid, rangeErr := false, false
	str := func(v any) (string, bool) {
		switch x := v.(type) {
		case nil:
		case string:
			return x, true
		default:
			invalid = true
		}
		return "", false
	}
	ts, hasTS := str(m["timestamp"])
	typ, _ := str(m["type"])
	var ptype, pmodel, imodel string
	var hasPModel, hasIModel bool
	var r codexRec
	if p, ok := m["payload"].(map[string]any); ok {
		ptype, _ = str(p["type"])
		pmodel, hasPModel = str(p["model"])
		switch info := p["info"].(type) {
		case nil:
		case map[string]any:
			imodel, hasIModel = str(info["model"])
			usage := func(k string, u *codexUsage) bool {
				switch x := info[k].(type) {
				case nil:
					return false
				case map[string]any:
					for key, dst := range map[string]*uint64{"input_tokens": &u.in, "cached_input_tokens": &u.cached, "output_tokens": &u.out, "reasoning_output_tokens": &u.reasoning} {
						v, ok := x[key]
						if !ok || v == nil {
							continue
						}
						n, valid, in := refCount(v, maxCodexCount)
						switch {
						case !valid:
							invalid = true
						case !in:
							rangeErr = true
						default:
							*dst = n
						}
					}
					return true
				default:
					invalid = true
					return false
				}
			}
			r.hasTot = usage("total_token_usage", &r.total)
			r.hasLast = usage("last_token_usage", &r.last)
		default:
			invalid = true
		}
	}
	switch {
	case typ == "turn_context":
		r := codexRec{kind: codexTurn}
		if hasPModel {
			r.model = []byte(pmodel)
		}
		return r, outOK
	case typ != "event_msg" || ptype != "token_count":
		return codexRec{}, outIgnored
	case invalid:
		return codexRec{}, outInvalid
	case rangeErr:
		return codexRec{}, outRange
	}
	tms, ok := parseTime([]byte(ts))
	if !hasTS || !ok || !saneYear(tms) {
		return codexRec{}, outTime
	}
	r.kind, r.ts = codexTokens, tms
	switch {
	case hasPModel:
		r.model = []byte(pmodel)
	case hasIModel:
		r.model = []byte(imodel)
	}
	return r, outOK
}

func sameCodex(a, b *codexRec) bool {
	return a.kind == b.kind && a.ts == b.ts && bytes.Equal(a.model, b.model) && (a.model == nil) == (b.model == nil) &&
		a.hasLast == b.hasLast && a.hasTot == b.hasTot && (!a.hasLast || a.last == b.last) && (!a.hasTot || a.total == b.total)
}
