package usage

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"
)

// A transcript with two requests on model m and four <synthetic> lines: two
// limit notices (content as a list of parts and as a plain string), an API
// error and "No response requested.". Only the notices are kept, in time
// order; Spends prices the two requests in time order.
func TestNoticesAndSpends(t *testing.T) {
	dir := t.TempDir()
	const head = `{"sessionId":"s","version":"2.1.40","type":"assistant","timestamp":"%s","requestId":"%s","message":{"id":"%s","model":"%s","content":%s,"usage":{"input_tokens":%d,"output_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":%d}}}`
	line := func(ts, id, model, content string, in, out, read int) string {
		return fmt.Sprintf(head, ts, "req_"+id, "msg_"+id, model, content, in, out, read) + "\n"
	}
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"),
		line("2026-03-04T10:00:00.000Z", "a", "m", `[{"type":"text","text":"ok"}]`, 1000, 100, 0)+
			line("2026-03-04T10:05:00.000Z", "n1", "<synthetic>", `[{"type":"text","text":"5-hour limit reached ∙ resets 3pm"}]`, 0, 0, 0)+
			line("2026-03-04T09:00:00.000Z", "b", "m", `[{"type":"text","text":"fine"}]`, 0, 200, 10000)+
			line("2026-03-04T09:30:00.000Z", "n2", "<synthetic>", `"Claude AI usage limit reached|1772650800"`, 0, 0, 0)+
			line("2026-03-04T09:40:00.000Z", "e", "<synthetic>", `[{"type":"text","text":"API Error: 500 {\"type\":\"error\"}"}]`, 0, 0, 0)+
			line("2026-03-04T09:41:00.000Z", "x", "<synthetic>", `[{"type":"text","text":"No response requested."}]`, 0, 0, 0))
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	want := []Notice{
		{time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC), "Claude AI usage limit reached|1772650800"},
		{time.Date(2026, 3, 4, 10, 5, 0, 0, time.UTC), "5-hour limit reached ∙ resets 3pm"},
	}
	if len(l.Notices) != len(want) {
		t.Fatalf("notices %v, want %v", l.Notices, want)
	}
	for i := range want {
		if !l.Notices[i].Time.Equal(want[i].Time) || l.Notices[i].Text != want[i].Text {
			t.Errorf("notice %d = %v, want %v", i, l.Notices[i], want[i])
		}
	}
	if l.Synthetic != 4 {
		t.Errorf("synthetic %d, want 4", l.Synthetic)
	}
	sp := l.Spends(handCatalog())
	// b (09:00): read 10,000 × 0.1 + output 200 × 10 = 1,000 + 2,000 → $0.003.
	// a (10:00): input 1,000 × 1 + output 100 × 10 = 1,000 + 1,000 → $0.002.
	if len(sp) != 2 || sp[0].Time != time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC).UnixMilli() || !sp[0].Priced ||
		math.Abs(sp[0].USD-0.003) > 1e-12 || math.Abs(sp[1].USD-0.002) > 1e-12 {
		t.Errorf("spends %+v, want $0.003 at 09:00 and $0.002 at 10:00", sp)
	}
	if sp := l.Spends(nil); sp[0].Priced || sp[0].USD != 0 {
		t.Errorf("without a catalog: %+v, want unpriced", sp[0])
	}
}

// Claude Code 2.1 writes its notices with null usage fields ("speed": null,
// "service_tier": null …), which make a request line invalid: such a line
// is still read as a notice (and counted as synthetic, not skipped), and so
// is "You're out of extra usage". A request line with "speed": null stays
// invalid.
func TestNoticesWithNullUsage(t *testing.T) {
	dir := t.TempDir()
	const synth = `{"parentUuid":"p","isSidechain":false,"userType":"external","cwd":"/home/ana/app","sessionId":"s","version":"2.1.84","type":"assistant","uuid":"u%d","timestamp":"%s","message":{"id":"m%d","container":null,"model":"<synthetic>","role":"assistant","stop_reason":"stop_sequence","stop_sequence":"","type":"message","usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"server_tool_use":{"web_search_requests":0,"web_fetch_requests":0},"service_tier":null,"cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":0},"inference_geo":null,"iterations":null,"speed":null},"content":[{"type":"text","text":%q}],"context_management":null},"requestId":"req_%d","error":"rate_limit","isApiErrorMessage":true,"apiErrorStatus":429}`
	bad := `{"sessionId":"s","version":"2.1.84","type":"assistant","timestamp":"2026-10-06T08:00:00.000Z","requestId":"req_r","message":{"id":"msg_r","model":"m","content":[],"usage":{"input_tokens":5,"output_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"speed":null}}}`
	write(t, filepath.Join(dir, "projects", "p", "s.jsonl"),
		fmt.Sprintf(synth, 1, "2026-10-06T07:12:00.000Z", 1, "You've hit your limit · resets 1am (America/Denver)", 1)+"\n"+
			fmt.Sprintf(synth, 2, "2026-10-06T07:13:00.000Z", 2, "You're out of extra usage · resets 1am (America/Denver)", 2)+"\n"+
			fmt.Sprintf(synth, 3, "2026-10-06T07:14:00.000Z", 3, "API Error: Request timed out", 3)+"\n"+bad+"\n")
	l := load(t, ClaudeCode, Options{Paths: []string{dir}})
	want := []string{"You've hit your limit · resets 1am (America/Denver)", "You're out of extra usage · resets 1am (America/Denver)"}
	if len(l.Notices) != 2 || l.Notices[0].Text != want[0] || l.Notices[1].Text != want[1] ||
		!l.Notices[0].Time.Equal(time.Date(2026, 10, 6, 7, 12, 0, 0, time.UTC)) {
		t.Errorf("notices %v, want %q", l.Notices, want)
	}
	if l.Synthetic != 3 || len(l.Skipped) != 1 || l.Skipped[0].Lines != 1 {
		t.Errorf("synthetic %d (want 3), skipped %+v (want the one request with a null speed)", l.Synthetic, l.Skipped)
	}
}
