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
