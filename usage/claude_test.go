package usage

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"
)

// The hand-written timestamp reader agrees with time.Parse on what it
// accepts, and leaves everything else to it.
func TestParseTime(t *testing.T) {
	for _, s := range []string{
		"2026-03-04T14:22:07.512Z", "2026-03-04T14:22:07Z", "2026-03-04T14:22:07.5Z", "2026-03-04T14:22:07.123456789Z",
		"2024-02-29T00:00:00Z", "2026-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
		"2026-03-04T14:22:07+09:00", "2026-03-04T14:22:07.512-05:30",
		"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-04T24:00:00Z", "2026-03-04T14:60:00Z", "2026-03-04T14:22:60Z",
		"2026-03-04 14:22:07Z", "2026-03-04T14:22:07", "2026-03-04T14:22:07.Z", "2026-03-04T14:22:07.1234567890Z", "yesterday", "",
	} {
		want, err := time.Parse(time.RFC3339Nano, s)
		got, ok := parseTime([]byte(s))
		if ok != (err == nil) || ok && got != want.UnixMilli() {
			t.Errorf("%q: %d %v, time.Parse says %d %v", s, got, ok, want.UnixMilli(), err)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 10000 {
		tm := time.UnixMilli(r.Int64N(4102444800000)).UTC()
		s := tm.Format("2006-01-02T15:04:05.000Z")
		if got, ok := fastTime([]byte(s)); !ok || got != tm.UnixMilli() {
			t.Fatalf("%s: %d %v, want %d", s, got, ok, tm.UnixMilli())
		}
	}
}

func TestHasUsageMarker(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`{"message":{"usage":{"input_tokens":1}}}`, true},
		{`{"usage":{}}`, true},
		{`{"usage": {}}`, true}, // valid JSON as json.dumps writes it: ccusage passes it over, we read it
		{"{\"usage\"\t:\r\n{}}", true},
		{`{"\u0075sage":{}}`, true},
		{`{"\u0075\u0073\u0061\u0067\u0065" : {}}`, true},
		{`{"\u0075sag":{}}`, false},
		{`{"usage": 1, "a": {}}`, false},
		{`{"xusage": {}}`, false},
		{`{"a":"\"usage\": {"}`, false},
		{`{"a":"\\\"\u0075sage\\\": {"}`, false},
		{`{"text":"usage"}`, false},
		{`{"a":{"b":{}},"c":"\"usage\":{"}`, false},
		{`"usage":{`, true},
		{`{`, false},
		{``, false},
	} {
		if got := hasUsageMarker([]byte(tc.line)); got != tc.want {
			t.Errorf("%s: %v", tc.line, got)
		}
	}
}

// The marker is found wherever it sits, the tail searched first or not:
// before, across and after the tail's edge, in lines of every length near
// it, among braces that close nothing.
func TestHasUsageMarkerAnywhere(t *testing.T) {
	const marker = `"usage":{`
	for n := 500; n <= 530; n++ {
		for at := -1; at <= n-len(marker); at++ {
			line := bytes.Repeat([]byte("a{"), n/2+1)[:n]
			if at >= 0 {
				copy(line[at:], marker)
			}
			want := bytes.Contains(line, []byte(marker))
			if got := hasUsageMarker(line); got != want {
				t.Fatalf("length %d, marker at %d: %v, want %v", n, at, got, want)
			}
		}
	}
}

func TestSemverPrefix(t *testing.T) {
	for v, want := range map[string]bool{"2.1.40": true, "1.0.0-beta": true, "10.20.3x": true, "1.0": false, "beta": false, "1..0": false, "": false, "v1.0.0": false} {
		if semverPrefix([]byte(v)) != want {
			t.Errorf("%q: %v", v, !want)
		}
	}
}
