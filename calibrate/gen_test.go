package calibrate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/model"
)

func pf(v float64) *float64 { return &v }

// testModel is the model id of the test catalog.
func testModel(t *testing.T, id string) *model.APIModel {
	t.Helper()
	m, ok := testCatalog().Model(id)
	if !ok {
		t.Fatalf("no model %s", id)
	}
	return m
}

// testCatalog prices the two made-up models of the generated logs, per 1M
// tokens: codex-test input 1, cached input 0.1, output 10; claude-test
// input 3, cache read 0.3, cache write 3.75, output 15.
func testCatalog() *model.Catalog {
	return &model.Catalog{Models: []model.APIModel{
		{ID: "codex-test", Name: "Codex test", Provider: "openai", Tier: model.Frontier, ContextWindow: 400000,
			Rates: model.Rates{Input: 1, Output: 10, CacheRead: pf(0.1)}},
		{ID: "claude-test", Name: "Claude test", Provider: "anthropic", Tier: model.Frontier, ContextWindow: 1000000,
			Rates: model.Rates{Input: 3, Output: 15, CacheRead: pf(0.3), CacheWrite: pf(3.75)}},
	}}
}

// window is one window instance as the generator keeps it.
type genWindow struct {
	start, reset time.Time
	spent        float64
}

// advance starts a new instance of a window of length d when t is past the
// current one's reset: windows begin at the hour of their first request.
func (w *genWindow) advance(t time.Time, d time.Duration) {
	if w.reset.IsZero() || !t.Before(w.reset) {
		w.start = t.Truncate(time.Hour)
		w.reset = w.start.Add(d)
		w.spent = 0
	}
}

func writeLines(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// genCodex writes Codex rollouts under dir whose rate-limit snapshots come
// from the chosen capacities (dollars per 5-hour and weekly window): a
// session a day for days days, a request every 2–4 minutes for 3–4 hours.
// Each request writes its token_count event twice, as Codex does: the first
// copy with the snapshot from before it, the repeat with the one after.
// used_percent is rounded down to whole points and every resets_at is off
// by up to a minute either way. Older-build rollouts (every third day) give
// resets_in_seconds instead of resets_at.
func genCodex(t *testing.T, dir string, seed uint64, m *model.APIModel, cap5, capWeek float64, days int) {
	r := rand.New(rand.NewPCG(seed, 11))
	var w5, ww genWindow
	start := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	for day := range days {
		at := start.AddDate(0, 0, day).Add(time.Duration(r.IntN(120)) * time.Minute)
		end := at.Add(time.Duration(180+r.IntN(60)) * time.Minute)
		old := day%3 == 2
		var lines []string
		lines = append(lines, fmt.Sprintf(`{"timestamp":"%s","type":"session_meta","payload":{"id":"s%d","cwd":"/home/dev/app","originator":"codex_cli_rs","cli_version":"0.70.0"}}`, stamp(at), day))
		lines = append(lines, fmt.Sprintf(`{"timestamp":"%s","type":"turn_context","payload":{"cwd":"/home/dev/app","model":"%s","effort":"medium"}}`, stamp(at), m.ID))
		var tin, tcached, tout int64
		snap := func(ts time.Time) string {
			win := func(w *genWindow, c float64, minutes int) string {
				pct := 0.0
				if !w.reset.IsZero() && ts.Before(w.reset) {
					pct = math.Floor(100 * w.spent / c)
				}
				jit := time.Duration(r.IntN(121)-60) * time.Second
				reset := w.reset.Add(jit)
				if w.reset.IsZero() || !ts.Before(w.reset) {
					reset = ts.Add(time.Duration(minutes) * time.Minute)
				}
				if old {
					return fmt.Sprintf(`{"used_percent":%.1f,"window_minutes":%d,"resets_in_seconds":%d}`, pct, minutes, int64(reset.Sub(ts).Seconds()))
				}
				return fmt.Sprintf(`{"used_percent":%.1f,"window_minutes":%d,"resets_at":%d}`, pct, minutes, reset.Unix())
			}
			return fmt.Sprintf(`"rate_limits":{"limit_id":"codex","primary":%s,"secondary":%s,"credits":{"has_credits":false,"unlimited":false,"balance":null},"plan_type":"plus"}`,
				win(&w5, cap5, 300), win(&ww, capWeek, 10080))
		}
		for at.Before(end) {
			at = at.Add(time.Duration(120+r.IntN(120)) * time.Second)
			w5.advance(at, 5*time.Hour)
			ww.advance(at, 7*24*time.Hour)
			in, cached, out := int64(5000+r.IntN(35000)), int64(20000+r.IntN(80000)), int64(1000+r.IntN(11000))
			usd, _ := model.RequestCost(m, model.Usage{Input: float64(in), CacheRead: float64(cached), Output: float64(out)})
			if w5.spent+usd > cap5 || ww.spent+usd > capWeek {
				continue // the limit would be reached: this generator stays under it
			}
			tin, tcached, tout = tin+in+cached, tcached+cached, tout+out
			usage := fmt.Sprintf(`"info":{"total_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":0,"total_tokens":%d},"last_token_usage":{"input_tokens":%d,"cached_input_tokens":%d,"output_tokens":%d,"reasoning_output_tokens":0,"total_tokens":%d},"model_context_window":272000}`,
				tin, tcached, tout, tin+tout, in+cached, cached, out, in+cached+out)
			lines = append(lines, fmt.Sprintf(`{"timestamp":"%s","type":"response_item","payload":{"type":"message","role":"assistant","content":[{"type":"output_text","text":"done"}]}}`, stamp(at)))
			lines = append(lines, fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count",%s,%s}}`, stamp(at), usage, snap(at)))
			w5.spent += usd
			ww.spent += usd
			lines = append(lines, fmt.Sprintf(`{"timestamp":"%s","type":"event_msg","payload":{"type":"token_count",%s,%s}}`, stamp(at.Add(500*time.Millisecond)), usage, snap(at.Add(500*time.Millisecond))))
		}
		writeLines(t, filepath.Join(dir, "sessions", at.Format("2006/01/02"), fmt.Sprintf("rollout-%s-s%d.jsonl", at.Format("2006-01-02T15-04-05"), day)), lines)
	}
}

// genClaude writes Claude Code transcripts under dir in which limits of
// the chosen capacities are reached: requests every 1–3 minutes in sessions
// of up to 6 hours; when a request would take a window past its capacity,
// Claude Code refuses it with a limit notice and the next request waits
// for the reset. Notices of the 5-hour window alternate between the older
// "Claude AI usage limit reached|<epoch>" and "5-hour limit reached ∙
// resets 3pm" (clock time in loc); weekly ones are "You've hit your weekly
// limit · resets Jul 27 at 4:30am (Asia/Kolkata)". Each notice is written
// twice (a retry), as users do.
func genClaude(t *testing.T, dir string, seed uint64, m *model.APIModel, cap5, capWeek float64, days int, loc *time.Location) {
	genClaudeStyle(t, dir, seed, m, cap5, capWeek, days, loc, false)
}

// genClaudeCurrent is genClaude with the notices Claude Code 2.1 writes:
// "You've hit your limit · resets 1am (America/Denver)" for either window
// (the weekly one with a date: "resets Oct 12, 4pm (America/Denver)"), on
// lines laid out as that version writes them, whose usage holds nulls
// ("speed": null, "service_tier": null …), error "rate_limit" and
// isApiErrorMessage beside the message. Every third weekly notice is
// followed by "You're out of extra usage", which measures nothing.
func genClaudeCurrent(t *testing.T, dir string, seed uint64, m *model.APIModel, cap5, capWeek float64, days int) {
	genClaudeStyle(t, dir, seed, m, cap5, capWeek, days, nil, true)
}

func genClaudeStyle(t *testing.T, dir string, seed uint64, m *model.APIModel, cap5, capWeek float64, days int, loc *time.Location, current bool) {
	r := rand.New(rand.NewPCG(seed, 12))
	denver, kolkata := mustLoc(t, "America/Denver"), mustLoc(t, "Asia/Kolkata")
	var w5, ww genWindow
	notices := 0
	start := time.Date(2026, 10, 5, 8, 0, 0, 0, time.UTC)
	seq := 0
	for day := range days {
		at := start.AddDate(0, 0, day).Add(time.Duration(r.IntN(90)) * time.Minute)
		end := at.Add(time.Duration(300+r.IntN(120)) * time.Minute)
		var lines []string
		line := func(ts time.Time, model, content string, in, out, read, write int64) {
			seq++
			if current {
				usage := fmt.Sprintf(`{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,"output_tokens":%d,"server_tool_use":{"web_search_requests":0,"web_fetch_requests":0},"service_tier":"standard","cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":%d},"inference_geo":"","iterations":[],"speed":"standard"}`,
					in, write, read, out, write)
				tail := ""
				if model == "<synthetic>" {
					usage = `{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"server_tool_use":{"web_search_requests":0,"web_fetch_requests":0},"service_tier":null,"cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":0},"inference_geo":null,"iterations":null,"speed":null}`
					tail = `,"error":"rate_limit","isApiErrorMessage":true,"apiErrorStatus":429`
				}
				lines = append(lines, fmt.Sprintf(`{"parentUuid":"p%d","isSidechain":false,"userType":"external","cwd":"/home/dev/app","sessionId":"d%d","version":"2.1.84","gitBranch":"main","type":"assistant","uuid":"u%d","timestamp":"%s","message":{"id":"msg_%d","container":null,"model":"%s","role":"assistant","stop_reason":"stop_sequence","stop_sequence":"","type":"message","usage":%s,"content":%s,"context_management":null},"requestId":"req_%d"%s}`,
					seq, day, seq, stamp(ts), seq, model, usage, content, seq, tail))
				return
			}
			lines = append(lines, fmt.Sprintf(`{"parentUuid":null,"isSidechain":false,"userType":"external","cwd":"/home/dev/app","sessionId":"d%d","version":"2.1.50","type":"assistant","uuid":"u%d","timestamp":"%s","requestId":"req_%d","message":{"id":"msg_%d","type":"message","role":"assistant","model":"%s","content":%s,"usage":{"input_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d,"output_tokens":%d}}}`,
				day, seq, stamp(ts), seq, seq, model, content, in, write, read, out))
		}
		for at.Before(end) {
			at = at.Add(time.Duration(20+r.IntN(40)) * time.Second)
			w5.advance(at, 5*time.Hour)
			ww.advance(at, 7*24*time.Hour)
			in, read, write, out := int64(10+r.IntN(300)), int64(30000+r.IntN(120000)), int64(500+r.IntN(8000)), int64(300+r.IntN(4000))
			usd, _ := model.RequestCost(m, model.Usage{Input: float64(in), CacheRead: float64(read), CacheWrite: float64(write), Output: float64(out)})
			var text string
			attempt := at
			switch {
			case ww.spent+usd > capWeek:
				rs := ww.reset.In(kolkata)
				text = fmt.Sprintf(`You've hit your weekly limit · resets %s at %s (Asia/Kolkata)`, rs.Format("Jan 2"), clock(rs))
				if current {
					rs = ww.reset.In(denver)
					text = fmt.Sprintf(`You've hit your limit · resets %s, %s (America/Denver)`, rs.Format("Jan 2"), clock(rs))
					if notices%3 == 0 {
						line(attempt.Add(30*time.Second), "<synthetic>", fmt.Sprintf(`[{"type":"text","text":%q}]`, "You're out of extra usage · resets "+clock(rs)+" (America/Denver)"), 0, 0, 0, 0)
					}
				}
				at = ww.reset.Add(time.Duration(r.IntN(3600)) * time.Second) // back after the reset
			case w5.spent+usd > cap5:
				switch {
				case current:
					text = "You've hit your limit · resets " + clock(w5.reset.In(denver)) + " (America/Denver)"
				case notices%2 == 0:
					text = fmt.Sprintf("Claude AI usage limit reached|%d", w5.reset.Unix())
				default:
					text = "5-hour limit reached ∙ resets " + clock(w5.reset.In(loc))
				}
				at = w5.reset.Add(time.Duration(r.IntN(1800)) * time.Second)
			default:
				line(at, m.ID, `[{"type":"text","text":"edited main.go"}]`, in, out, read, write)
				w5.spent += usd
				ww.spent += usd
				continue
			}
			// The refused request's notice, then a retry's a minute later.
			notices++
			line(attempt, "<synthetic>", fmt.Sprintf(`[{"type":"text","text":%q}]`, text), 0, 0, 0, 0)
			line(attempt.Add(70*time.Second), "<synthetic>", fmt.Sprintf(`[{"type":"text","text":%q}]`, text), 0, 0, 0, 0)
		}
		writeLines(t, filepath.Join(dir, "projects", "-home-dev-app", fmt.Sprintf("d%d.jsonl", day)), lines)
	}
}

// clock writes a time of day as Claude Code does: 3pm, 4:30am.
func clock(t time.Time) string {
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	ampm := "am"
	if t.Hour() >= 12 {
		ampm = "pm"
	}
	if t.Minute() == 0 {
		return fmt.Sprintf("%d%s", h, ampm)
	}
	return fmt.Sprintf("%d:%02d%s", h, t.Minute(), ampm)
}
