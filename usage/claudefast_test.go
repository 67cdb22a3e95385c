package usage

import (
	"reflect"
	"testing"
)

const usageMember = `"usage":{"input_tokens":6,"cache_creation_input_tokens":15881,"cache_read_input_tokens":0,"output_tokens":160,"service_tier":"standard"}`

// fastCases are lines the flat reader must take (the shapes Claude Code
// writes) and lines it must leave to the general reader.
var fastCases = []struct {
	line string
	take bool
}{
	{`{"parentUuid":null,"isSidechain":false,"cwd":"/p","sessionId":"s","version":"2.0.36","timestamp":"2026-05-22T13:48:35.000Z","requestId":"req_1","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[{"type":"text","text":"a \"quoted\" {[ word\\"}],"stop_reason":null,` + usageMember + `}}`, true},
	{`{"timestamp":"2026-05-22T13:48:35Z","message":{"usage":{"input_tokens":1,"output_tokens":2,"cache_creation":{"ephemeral_5m_input_tokens":3,"ephemeral_1h_input_tokens":4},"speed":"fast"}}}`, true},
	{`{"type":"user","message":{"role":"user","content":"hi"}}`, true},
	{` { } `, true},
	{`{"cwd":null,"timestamp":"2026-05-22T13:48:35Z","message":{` + usageMember + `}}`, false},            // null marks the line
	{`{"time\u0073tamp":"2026-05-22T13:48:35Z","message":{` + usageMember + `}}`, false},                  // escaped key
	{`{"timestamp":"2026-05-22T13:48:35Z","requestId":"r\u0031","message":{` + usageMember + `}}`, false}, // escaped value kept
	{`{"timestamp":"2026-05-22T13:48:35Z","timestamp":"2026-05-23T00:00:00Z","message":{}}`, false},       // repeated key
	{`{"timestamp":"2026-05-22T13:48:35Z","isSidechain":"yes","message":{` + usageMember + `}}`, false},   // another type
	{`{"timestamp":"2026-05-22T13:48:35Z","message":{"usage":{"input_tokens":1.0,"output_tokens":2}}}`, false},
	{`{"timestamp":"2026-05-22T13:48:35Z","message":{"usage":{"input_tokens":4294967296,"output_tokens":2}}}`, false},
	{`{"type":"progress","data":{"message":{"timestamp":"2026-05-22T13:48:35Z"}}}`, false},
	{`{"timestamp":"2026-05-22T13:48:35Z","message":{` + usageMember + `}`, false}, // cut short
	{`{"a":[}`, false},
}

// The flat reader takes the lines Claude Code writes and leaves the rest to
// the general reader: a line it took that it should not would be read by
// rules nobody wrote down, and one it left that it should take would cost
// speed alone, which only this test would notice.
func TestClaudeFastTakes(t *testing.T) {
	for _, c := range fastCases {
		var p claudeParts
		if got := p.fast([]byte(c.line)); got != c.take {
			t.Errorf("fast(%s) = %v, want %v", c.line, got, c.take)
		}
	}
}

// FuzzClaudeFast holds the flat reader to the general one: on any input,
// a line it takes is one the general reader takes too, read into the same
// fields (FuzzClaudeLine holds both to encoding/json).
//
//	go test ./usage -run '^$' -fuzz FuzzClaudeFast -fuzztime 1m
func FuzzClaudeFast(f *testing.F) {
	seedLines(f, "testdata/claude")
	for _, c := range fastCases {
		f.Add([]byte(c.line))
	}
	for _, s := range []string{
		`{"a":"\\","b":"x\\\"y","timestamp":"2026-03-04T10:00:00Z","message":{"usage":{"input_tokens":0,"output_tokens":00}}}`,
		`{"message":{"content":[[[{"usage":{"input_tokens":9}}]]],"usage":{"input_tokens":1,"output_tokens":2}},"timestamp":"2026-03-04T10:00:00.000Z"}`,
		`{"isSidechain":truex,"a":nul,"b":-1e5,"c":[1,2,{"d":"}"}]}`,
		"{\"a\":\x00}", "{\"a\":1}\x00", `{"a":"x"  ,  "b"  :  [ ] }`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var p claudeParts
		if !p.fast(line) {
			return
		}
		var q claudeParts
		if !q.read(line) {
			t.Fatalf("%q: taken by the flat reader, malformed to the general one", line)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("%q:\nflat    %+v\ngeneral %+v", line, p, q)
		}
	})
}
