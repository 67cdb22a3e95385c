package loggen

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"time"
)

var codexModels = []string{"gpt-5-codex", "gpt-5.1-codex-max", "gpt-5.2-codex", "gpt-5.1-codex-mini"}

// Codex writes Codex CLI rollouts under dir/sessions/YYYY/MM/DD (and a few
// under dir/archived_sessions, one of them a copy of an active rollout that
// a reader must not count twice) until about cfg.Bytes are written.
func Codex(dir string, cfg Config) (Totals, error) {
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	}
	if cfg.Days <= 0 {
		cfg.Days = 120
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0xc0de))
	var tot Totals
	var lastPath string
	for n := 0; tot.Bytes < cfg.Bytes; n++ {
		at := cfg.Start.AddDate(0, 0, r.IntN(cfg.Days)).Add(time.Duration(8*3600+r.IntN(10*3600)) * time.Second)
		id := uuid(r)
		name := fmt.Sprintf("rollout-%s-%s.jsonl", at.Format("2006-01-02T15-04-05"), id)
		sub := "sessions/" + at.Format("2006/01/02")
		if n%17 == 5 {
			sub = "archived_sessions"
		}
		path := filepath.Join(dir, sub, name)
		nb, err := codexSession(r, path, id, at, &tot, n%11 == 3)
		if err != nil {
			return tot, err
		}
		tot.Bytes += nb
		tot.Files++
		tot.Sessions++
		lastPath = path
	}
	// An archived copy of an active rollout: same file name, not counted.
	if lastPath != "" && filepath.Base(filepath.Dir(lastPath)) != "archived_sessions" {
		var scratch Totals
		nb, err := codexSession(rand.New(rand.NewPCG(cfg.Seed, 0xc0de)), filepath.Join(dir, "archived_sessions", filepath.Base(lastPath)), "copy", cfg.Start, &scratch, false)
		if err != nil {
			return tot, err
		}
		tot.Bytes += nb
		tot.Files++
	}
	return tot, nil
}

func codexSession(r *rand.Rand, path, id string, at time.Time, tot *Totals, subagent bool) (int64, error) {
	f, err := create(path)
	if err != nil {
		return 0, err
	}
	model := codexModels[r.IntN(len(codexModels))]
	line := func(s string) { f.line([]byte(s)) }
	meta := fmt.Sprintf(`{"timestamp":"%s","type":"session_meta","payload":{"id":"%s","timestamp":"%s","cwd":"/home/ana/etl","originator":"codex_cli_rs","cli_version":"0.63.0","instructions":"%s"`,
		ts(at), id, ts(at), cut(r, 3000))
	if subagent {
		meta += `,"source":{"subagent":{"thread_spawn":{"parent_thread_id":"` + uuid(r) + `","depth":1}}}`
	}
	line(meta + "}}")
	var total struct{ in, cached, out, reasoning int64 }
	if subagent {
		// The parent's totals replayed in the first second: baseline only.
		total.in, total.cached, total.out, total.reasoning = int64(50000+r.IntN(50000)), 30000, 4000, 2000
		for k := 0; k < 2; k++ {
			line(fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":%d,"total_tokens":%d},"last_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":%d,"total_tokens":%d},"model_context_window":272000}}}`,
				ts(at.Add(time.Duration(100*k)*time.Millisecond)), total.in, total.cached, total.out, total.reasoning, total.in+total.out,
				total.in, total.cached, total.out, total.reasoning, total.in+total.out))
		}
		at = at.Add(2 * time.Second)
	}
	line(fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count","info":null,"rate_limits":{"primary":{"used_percent":1.0,"window_minutes":300,"resets_at":1770811200}}}}`, ts(at)))
	turns := 1 + int(lognormal(r, 8, 0.9))
	ctx := int64(9000 + r.IntN(6000))
	withLast := r.IntN(4) > 0 // older rollouts carry totals only
	for t := 0; t < turns; t++ {
		at = at.Add(time.Duration(5+r.IntN(40)) * time.Second)
		if t == 0 || r.IntN(6) == 0 {
			line(fmt.Sprintf(`{"timestamp":"%s","type":"turn_context","payload":{"cwd":"/home/ana/etl","approval_policy":"on-request","model":"%s","effort":"medium","summary":"auto"}}`, ts(at), model))
		}
		line(fmt.Sprintf(`{"timestamp":"%s","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"%s"}]}}`, ts(at), cut(r, 100+r.IntN(600))))
		line(fmt.Sprintf(`{"timestamp":"%s","type":"response_item","payload":{"type":"function_call_output","call_id":"call_%x","output":"%s"}}`, ts(at), r.Uint64(), cut(r, int(lognormal(r, 2500, 1)))))
		line(fmt.Sprintf(`{"timestamp":"%s","type":"response_item","payload":{"type":"reasoning","summary":[{"type":"summary_text","text":"%s"}],"encrypted_content":"%x%x"}}`, ts(at), cut(r, 300), r.Uint64(), r.Uint64()))
		in := ctx + int64(r.IntN(400))
		cached := int64(0)
		if t > 0 {
			cached = (ctx * int64(80+r.IntN(19)) / 100) / 256 * 256
		}
		reasoning := int64(lognormal(r, 300, 1))
		out := reasoning + int64(lognormal(r, 250, 0.8)) + 1
		total.in += in
		total.cached += cached
		total.out += out
		total.reasoning += reasoning
		last := fmt.Sprintf(`,"last_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":%d,"total_tokens":%d}`, in, cached, out, reasoning, in+out)
		if !withLast {
			last = ""
		}
		// Codex writes every token_count twice: the copy has the same usage
		// and a newer rate-limit snapshot, and must not be counted again.
		used := r.IntN(99)
		for k := 0; k < 2; k++ {
			line(fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":%d,"total_tokens":%d}%s,"model_context_window":272000},"rate_limits":{"primary":{"used_percent":%d.0,"window_minutes":300,"resets_at":1770811200},"plan_type":"plus"}}}`,
				ts(at.Add(time.Second+time.Duration(150*k)*time.Millisecond)), total.in, total.cached, total.out, total.reasoning, total.in+total.out, last, used+k))
		}
		// A repeated token_count with nothing new (Codex writes these): zero usage.
		if withLast && r.IntN(5) == 0 {
			line(fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":%d,"total_tokens":%d},"last_token_usage":{"input_tokens":0,"cached_input_tokens":0,"output_tokens":0,"reasoning_output_tokens":0,"total_tokens":0}}}}`,
				ts(at.Add(2*time.Second)), total.in, total.cached, total.out, total.reasoning, total.in+total.out))
		}
		line(fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"agent_message","message":"%s"}}`, ts(at.Add(time.Second)), cut(r, 200)))
		tot.count(model, in-cached, out-reasoning, cached, 0, 0, reasoning)
		ctx += out - reasoning + int64(r.IntN(3000))
		if ctx > 200000 {
			ctx = 20000
		}
	}
	if err := f.close(); err != nil {
		return 0, err
	}
	return f.n, nil
}
