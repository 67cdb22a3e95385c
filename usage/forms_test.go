package usage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The same records can be written in many ways: compact, as Claude Code and
// Codex write them; with a space after ':' and ',' (Python's json.dumps, jq
// without -c); with space around every token; with non-ASCII escaped
// (json.dumps's ensure_ascii); with every letter of every string escaped.
// Every form of a valid line must read exactly as its compact form.

// Form styles for reform.
const (
	formDumps  = iota // ", " and ": ", as json.dumps writes
	formPadded        // space, tabs and carriage returns around every token
	formASCII         // json.dumps with ensure_ascii: non-ASCII as \uXXXX
	formLetter        // compact, every ASCII letter in strings as \u00XX
	nForms
)

// reform rewrites the compact JSON text c (as json.Compact gives) in style.
func reform(c []byte, style int) []byte {
	var out bytes.Buffer
	pad := func(s string) {
		if style == formPadded {
			out.WriteString(s)
		}
	}
	pad(" \t")
	for i := 0; i < len(c); i++ {
		switch b := c[i]; b {
		case '"':
			j := strEnd(c, i+1)
			writeStr(&out, c[i:j], style)
			i = j - 1
		case ':':
			pad(" ")
			out.WriteByte(':')
			if style == formDumps || style == formASCII || style == formPadded {
				out.WriteByte(' ')
			}
		case ',':
			pad("\r")
			out.WriteByte(',')
			if style == formDumps || style == formASCII || style == formPadded {
				out.WriteByte(' ')
			}
		case '{', '[':
			out.WriteByte(b)
			pad("\t ")
		case '}', ']':
			pad(" ")
			out.WriteByte(b)
		default:
			out.WriteByte(b)
		}
	}
	pad("\t ")
	return out.Bytes()
}

// writeStr writes the JSON string s (quotes included) in style.
func writeStr(out *bytes.Buffer, s []byte, style int) {
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b == '\\':
			n := 2
			if s[i+1] == 'u' {
				n = 6
			}
			out.Write(s[i : i+n])
			i += n
			continue
		case b >= utf8.RuneSelf && style == formASCII:
			r, n := utf8.DecodeRune(s[i:])
			if r > 0xFFFF {
				r -= 0x10000
				fmt.Fprintf(out, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			} else {
				fmt.Fprintf(out, `\u%04x`, r)
			}
			i += n
			continue
		case style == formLetter && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'):
			fmt.Fprintf(out, `\u%04X`, b)
		default:
			out.WriteByte(b)
		}
		i++
	}
}

// readOut is everything a worker makes of a log, model and session numbers
// replaced by their names.
type readOut struct {
	Items     []string
	Counts    [nSkip]int64
	Synthetic int64
	Notices   []Notice
	Limits    []RateLimits
	Lines     int64
}

var formSeed, formSeed2 = maphash.MakeSeed(), maphash.MakeSeed()

func readForm(src Source, input []byte) readOut {
	sh := newShared(src, 1<<20)
	sh.seed, sh.seed2 = formSeed, formSeed2 // the same hashes in every form
	w, items := streamFile(sh, input, "forms")
	var r readOut
	for _, it := range items {
		r.Items = append(r.Items, fmt.Sprintf("%d %v %q %q %x %v %x %x", it.r.ts, it.r.tok, sh.models.names[it.r.model],
			sh.sessions.names[it.r.session], it.r.flags, it.hasMsg, it.msg, it.req))
	}
	r.Counts, r.Synthetic, r.Notices, r.Limits, r.Lines = w.counts, w.synthetic, w.notices, w.limits, w.lines
	return r
}

// streamFile reads input as one file of a log with a single worker of sh,
// and returns the worker (its counts) and the items it sent.
func streamFile(sh *shared, input []byte, session string) (*worker, []item) {
	out := make(chan []item, 1<<10)
	w := newWorker(sh, out)
	w.stream(bytes.NewReader(input), fileJob{session: session})
	w.flush()
	close(out)
	var items []item
	for b := range out {
		items = append(items, b...)
	}
	return w, items
}

// checkForms reads input (lines of a log) compact and in every other form,
// and requires the same from each. Lines that are not valid JSON are left
// as they are in every form.
func checkForms(t *testing.T, src Source, input []byte) {
	lines := bytes.Split(input, []byte("\n"))
	compact := make([][]byte, len(lines))
	valid := false
	for i, l := range lines {
		var b bytes.Buffer
		if comparable(l) && json.Compact(&b, l) == nil && bytes.HasPrefix(b.Bytes(), []byte("{")) {
			compact[i], valid = b.Bytes(), true
		} else {
			compact[i] = l
		}
	}
	if !valid {
		return
	}
	want := readForm(src, bytes.Join(compact, []byte("\n")))
	for style := range nForms {
		formed := make([][]byte, len(lines))
		for i, l := range compact {
			formed[i] = l
			if json.Valid(l) && bytes.HasPrefix(l, []byte("{")) {
				formed[i] = reform(l, style)
				if !json.Valid(formed[i]) {
					t.Fatalf("form %d of %s is not JSON: %s", style, l, formed[i])
				}
			}
		}
		in := bytes.Join(formed, []byte("\n"))
		if got := readForm(src, in); !reflect.DeepEqual(got, want) {
			t.Errorf("form %d reads otherwise:\n%s\n got %+v\nwant %+v\ncompact:\n%s", style, in, got, want, bytes.Join(compact, []byte("\n")))
		}
	}
}

func TestFormsRead(t *testing.T) {
	// Spaced records, as a merge script re-serializing with json.dumps
	// writes them: each must give its request, not "0 requests".
	claude := `{"type":"assistant","timestamp":"2026-03-04T14:22:07.512Z","sessionId":"s1","version":"2.1.40","requestId":"req_1","message":{"id":"msg_1","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Déjà vu 🙂 \"usage\": {"}],"usage":{"input_tokens":12,"cache_creation_input_tokens":2048,"cache_read_input_tokens":41230,"cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":48},"output_tokens":356,"speed":"fast"}}}
{"type":"assistant","timestamp":"2026-03-04T14:23:07.512Z","sessionId":"s1","version":"2.1.40","message":{"id":"msg_2","model":"<synthetic>","content":[{"type":"text","text":"Claude AI usage limit reached|1772640000"}],"usage":{"input_tokens":0,"output_tokens":0}}}
{"type":"progress","data":{"message":{"timestamp":"2026-03-04T10:00:00.000Z","isSidechain":true,"message":{"model":"m","usage":{"input_tokens":1,"output_tokens":2}}}}}`
	codex := `{"timestamp":"2026-02-11T09:30:00.000Z","type":"session_meta","payload":{"id":"x","source":{"subagent":"thread_spawn"}}}
{"timestamp":"2026-02-11T09:30:01.000Z","type":"turn_context","payload":{"model":"gpt-5-codex"}}
{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":10,"reasoning_output_tokens":3},"last_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":10,"reasoning_output_tokens":3}},"rate_limits":{"primary":{"used_percent":12.5,"window_minutes":300,"resets_at":1770810000},"plan_type":"plus"}}}`
	for _, tc := range []struct {
		src   Source
		input string
	}{{ClaudeCode, claude}, {Codex, codex}} {
		want := readForm(tc.src, []byte(tc.input))
		if len(want.Items) == 0 {
			t.Fatalf("%v: no record from the compact form", tc.src)
		}
		checkForms(t, tc.src, []byte(tc.input))
	}
	spaced := reform([]byte(strings.SplitN(claude, "\n", 2)[0]), formDumps)
	if !bytes.Contains(spaced, []byte(`"usage": {"input_tokens": 12`)) {
		t.Fatalf("not the json.dumps form: %s", spaced)
	}
	if got := readForm(ClaudeCode, spaced); len(got.Items) != 1 {
		t.Errorf("json.dumps form: %d records, want 1", len(got.Items))
	}
}

func FuzzForms(f *testing.F) {
	seedLines(f, "testdata/claude")
	seedLines(f, "testdata/codex")
	f.Add([]byte(`{"timestamp":"2026-03-04T10:00:00Z","message":{"model":"é\u202e","usage":{"input_tokens":1,"output_tokens":2}}}`))
	f.Fuzz(func(t *testing.T, input []byte) {
		checkForms(t, ClaudeCode, input)
		checkForms(t, Codex, input)
	})
}

// A sub-agent's rollout is told by thread_spawn near its start, however the
// word is spelled: its first event and the repeat of it in the same second
// count once in every form.
func TestFormsSubagent(t *testing.T) {
	input := `{"timestamp":"2026-02-11T09:30:00.000Z","type":"session_meta","payload":{"id":"x","source":{"subagent":"thread_spawn"}}}
{"timestamp":"2026-02-11T09:30:01.000Z","type":"turn_context","payload":{"model":"gpt-5-codex"}}
{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"output_tokens":10},"last_token_usage":{"input_tokens":100,"output_tokens":10}}}}
{"timestamp":"2026-02-11T09:30:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":200,"output_tokens":20},"last_token_usage":{"input_tokens":100,"output_tokens":10}}}}
{"timestamp":"2026-02-11T09:31:10.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":300,"output_tokens":25},"last_token_usage":{"input_tokens":100,"output_tokens":5}}}}`
	for _, head := range []string{`"thread_spawn"`, `"\u0074hread_spawn"`, `"thread\u005Fspawn"`} {
		if !codexSubagent([]byte(head)) {
			t.Errorf("%s: not a sub-agent", head)
		}
	}
	for _, head := range []string{`"thread_spaw"`, `"\\u0074hread_spawn"`, `"thread\u005"`} {
		if codexSubagent([]byte(head)) {
			t.Errorf("%s: a sub-agent", head)
		}
	}
	checkForms(t, Codex, []byte(input))
}
