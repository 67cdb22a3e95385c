package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

const (
	claudeFixture = "../../usage/testdata/claude"
	codexFixture  = "../../usage/testdata/codex"
)

// isolate keeps the tests away from any real log or configuration.
func isolate(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(home, ".state"))
	t.Setenv("CLAUDE_CONFIG_DIR", "")
	t.Setenv("CODEX_HOME", "")
	t.Setenv("TOKENOMICS_TODAY", "2026-11-27")
	t.Setenv("NO_COLOR", "1")
	return home
}

func importCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runCLI(t, append([]string{"import"}, args...)...)
}

func TestImportTable(t *testing.T) {
	isolate(t)
	out, stderr, code := importCLI(t, "claude-code", claudeFixture, "-z", "UTC")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"5 requests in 2 sessions over 2 active days · 2026-03-04 to 2026-03-05, days counted in time zone UTC",
		"1 line of model <synthetic> skipped",
		"claude-sonnet-4-5-20250929", "claude-sonnet-4-5", "claude-opus-4-1-20250805",
		"3,500", "2,100", // cache read and write totals
		"1 line skipped: malformed JSON",
		"1 line skipped: not JSON (binary or garbage)",
		"3 lines skipped: usage fields that break the log format",
		"1 line skipped: cut short at the end of the file",
		"4 usage lines dropped as copies of the same request",
		"claude-opus-4-1-20250805 is priced as claude-opus-4-1 (snapshot date dropped)",
		"claude-sonnet-4-5-20250929 is priced as claude-sonnet-4-5 (snapshot date dropped)",
		// Two models, each with its short tasks: named model first, so they
		// differ within the 20 characters the app shows.
		"Derived workload", "Sonnet 4.5 short", "Opus 4.1 short",
		"Visible output/turn", "Thinking/turn", "for the logs' whole period",
		"· 22 days a month · 1 hour a day", // the fixture's requests fall in one clock hour a day
		"The derived workload reproduces the logs' API cost within",
		"A task is one session's requests on one model",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Content is never printed.
	for _, secret := range []string{"invoice", "café", "Let me look", "totals"} {
		if strings.Contains(out, secret) {
			t.Errorf("output holds message content %q", secret)
		}
	}
}

func TestImportJSON(t *testing.T) {
	isolate(t)
	out, stderr, code := importCLI(t, "codex", codexFixture, "-z", "UTC", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Source   string `json:"source"`
		Requests int64  `json:"requests"`
		Sessions int    `json:"sessions"`
		Models   []struct {
			Model     string   `json:"model"`
			CatalogID *string  `json:"catalog_id"`
			Cost      *float64 `json:"cost"`
		} `json:"models"`
		Total struct {
			Input     int64 `json:"input_tokens"`
			CacheRead int64 `json:"cache_read_tokens"`
			Output    int64 `json:"output_tokens"`
			Reasoning int64 `json:"reasoning_tokens"`
			Complete  bool  `json:"cost_complete"`
		} `json:"total"`
		Skipped  []struct{ Reason string } `json:"skipped"`
		Workload *struct {
			Classes []struct {
				Name      string  `json:"name"`
				Model     *string `json:"model"`
				LogTokens struct {
					Input int64 `json:"input_tokens"`
				} `json:"log_tokens"`
			} `json:"classes"`
			Check *struct {
				Error float64 `json:"error"`
				Text  string  `json:"text"`
			} `json:"check"`
		} `json:"workload"`
	}
	decodeJSON(t, out, &got)
	if got.Source != "codex" || got.Requests != 6 || got.Sessions != 3 {
		t.Errorf("source %s requests %d sessions %d", got.Source, got.Requests, got.Sessions)
	}
	if tt := got.Total; tt.Input != 3976 || tt.CacheRead != 6624 || tt.Output != 710 || tt.Reasoning != 450 || tt.Complete {
		t.Errorf("total = %+v", tt)
	}
	// Every logged input token belongs to one class: the classes' log tokens add up to the total.
	if got.Workload == nil {
		t.Fatal("no derived workload")
	}
	sum := int64(0)
	for _, c := range got.Workload.Classes {
		sum += c.LogTokens.Input
	}
	if sum != 3976 {
		t.Errorf("classes hold %d logged input tokens, want 3976", sum)
	}
	ids := map[string]string{}
	for _, m := range got.Models {
		id := "null"
		if m.CatalogID != nil {
			id = *m.CatalogID
		}
		ids[m.Model] = id
		if (m.CatalogID == nil) != (m.Cost == nil) {
			t.Errorf("%s: catalog id and cost disagree", m.Model)
		}
	}
	// The Codex models have entries of their own (retired ones price logs too).
	for name, id := range map[string]string{"gpt-5-codex": "gpt-5-codex", "gpt-5.1-codex-max": "gpt-5.1-codex-max", "gpt-5.2-codex": "gpt-5.2-codex", "": "null"} {
		if ids[name] != id {
			t.Errorf("%q priced as %q, want %q", name, ids[name], id)
		}
	}
	if got.Workload == nil || got.Workload.Check == nil || got.Workload.Check.Error > 0.03 || len(got.Workload.Classes) == 0 {
		t.Fatalf("workload = %+v", got.Workload)
	}
	if len(got.Skipped) != 1 || got.Skipped[0].Reason != "malformed JSON" {
		t.Errorf("skipped = %+v", got.Skipped)
	}
}

func TestImportSaveAndCompare(t *testing.T) {
	home := isolate(t)
	file := filepath.Join(home, "work", "mine.yaml")
	out, stderr, code := importCLI(t, "claude-code", claudeFixture, "-z", "UTC", "--save", file, "--compare", "--top", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	w, err := plans.LoadWorkload(file)
	if err != nil {
		t.Fatalf("saved workload: %v", err)
	}
	if len(w.Classes) == 0 || !strings.HasPrefix(w.Name, "claude-code logs 2026-03-04") {
		t.Errorf("saved workload %+v", w)
	}
	for _, c := range w.Classes {
		if c.Via != model.ViaAgent { // a coding agent's work, not chat
			t.Errorf("saved class %q is via %s, want agent", c.Name, c.Via)
		}
	}
	for _, want := range []string{"Saved the workload to " + file, "▶ ", "API mix", "replayed on your records of 2026-03-04 to 2026-03-05", "… "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// JSON with the comparison inside.
	out, stderr, code = importCLI(t, "claude-code", claudeFixture, "--format", "json", "--compare", "--billing", "annual")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Comparison struct {
			Workload struct {
				Billing string `json:"billing"`
			} `json:"workload"`
			Options []json.RawMessage `json:"options"`
		} `json:"comparison"`
		Replay struct {
			Records int
			Options []json.RawMessage `json:"options"`
			Verdict struct{ Answer string }
		} `json:"replay"`
		Notes []string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Comparison.Options) == 0 || got.Comparison.Workload.Billing != "annual" {
		t.Errorf("comparison: %v %+v", err, got.Comparison.Workload)
	}
	// The fixture's 5 requests, replayed on every option.
	if got.Replay.Records != 5 || len(got.Replay.Options) == 0 || got.Replay.Verdict.Answer == "" {
		t.Errorf("replay: %+v", got.Replay)
	}
}

func TestImportBadInput(t *testing.T) {
	home := isolate(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no source", nil, 2, "name the logs to read"},
		{"unknown source", []string{"gemini"}, 2, `"gemini" is not claude-code or codex`},
		{"bad since", []string{"claude-code", claudeFixture, "--since", "soon"}, 2, "--since"},
		{"since after until", []string{"claude-code", claudeFixture, "--since", "2026-03-05", "--until", "2026-03-04"}, 2, "is after"},
		{"bad time zone", []string{"claude-code", claudeFixture, "-z", "Mars/Olympus"}, 2, "--timezone"},
		{"bad format", []string{"claude-code", claudeFixture, "--format", "csv"}, 2, "--format"},
		{"bad threshold", []string{"claude-code", claudeFixture, "--agentic-turns", "0"}, 2, "--agentic-turns"},
		// Not a number of tokens at all: not a rule that never (or always) holds.
		{"NaN long context", []string{"claude-code", claudeFixture, "--long-context", "NaN"}, 2, "--long-context: NaN is not a positive number of tokens"},
		{"infinite long context", []string{"claude-code", claudeFixture, "--long-context", "Inf"}, 2, "--long-context: +Inf is not a positive number of tokens"},
		{"missing path", []string{"claude-code", filepath.Join(home, "nope")}, 2, "no usage log could be read"},
		{"no logs at home", []string{"codex"}, 2, "no usage log could be read"},
		{"bad currency", []string{"claude-code", claudeFixture, "--currency", "XYZ"}, 2, "XYZ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := importCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// Logs that hold no usage record are refused alike by every command made
// of the records, exit 2, the message naming the logs and keeping what the
// reading skipped: before, import and calibrate printed an empty report
// (calibrate's said "no limit was reached") and exited 0, replay exited 2
// without the lines skipped.
func TestNoRecordsRefusedAlike(t *testing.T) {
	home := isolate(t)
	empty := t.TempDir()
	bad := filepath.Join(home, "bad")
	if err := os.MkdirAll(filepath.Join(bad, "projects", "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "projects", "p", "s.jsonl"), []byte("garbage\n{\"cut\":\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CLAUDE_CONFIG_DIR", bad) // for --from
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"import, empty folder", []string{"import", "claude-code", empty}, "import: the Claude Code logs in " + empty + " hold no usage record (0 files read)"},
		{"calibrate, empty folder", []string{"calibrate", "claude-code", empty}, "calibrate: the Claude Code logs in " + empty + " hold no usage record (0 files read)"},
		{"replay, empty folder", []string{"replay", "claude-code", empty}, "replay: the Claude Code logs in " + empty + " hold no usage record (0 files read)"},
		{"import, bad lines", []string{"import", "claude-code", bad, "--format", "json"},
			"hold no usage record (1 file read; 1 line skipped: not JSON (binary or garbage); 1 line skipped: malformed JSON)"},
		{"calibrate, bad lines", []string{"calibrate", "claude-code", bad},
			"hold no usage record (1 file read; 1 line skipped: not JSON (binary or garbage); 1 line skipped: malformed JSON)"},
		{"replay, bad lines", []string{"replay", "claude-code", bad},
			"hold no usage record (1 file read; 1 line skipped: not JSON (binary or garbage); 1 line skipped: malformed JSON)"},
		{"--from, bad lines", []string{"compare", "--from", "claude-code"}, "--from claude-code: the Claude Code logs in "},
		// The fixture's 5 requests are of 2026-03-04 and 05.
		{"import, no day with one", []string{"import", "claude-code", claudeFixture, "--since", "2030-01-01"},
			"hold no usage record from 2030-01-01 to … (3 files read; 5 requests outside those days; "},
		{"replay, no day with one", []string{"replay", "claude-code", claudeFixture, "--until", "2020-01-01"},
			"hold no usage record from … to 2020-01-01 (3 files read; 5 requests outside those days; "},
		{"import --save", []string{"import", "claude-code", empty, "--save", filepath.Join(home, "x.yaml")}, "hold no usage record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, tc.args...)
			if code != 2 || out != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, and %q", code, out, stderr, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(home, "x.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("--save wrote a workload of no record: %v", err)
	}
}

func TestWorkloadFromLogs(t *testing.T) {
	isolate(t)
	abs, err := filepath.Abs(claudeFixture)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("CLAUDE_CONFIG_DIR", abs)
	in := &inputs{from: "claude-code"}
	w, err := in.workloadFromLogs(nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := in.fromLog; l == nil || len(l.Requests()) != 5 { // the records, kept for the replay
		t.Errorf("log %v", l)
	}
	if len(w.Classes) == 0 || w.Validate() != nil {
		t.Errorf("workload %+v", w)
	}
	if notes := in.notes; len(notes) == 0 || !strings.Contains(notes[0], "5 requests in 2 sessions") || !strings.Contains(notes[0], "reproduces the logs' API cost within") {
		t.Errorf("notes = %q", notes)
	}
	if _, err := (&inputs{from: "gemini"}).workloadFromLogs(nil); err == nil || !errors.As(err, new(inputError)) {
		t.Errorf("unknown source: %v", err)
	}
	t.Setenv("CODEX_HOME", t.TempDir())
	if _, err := (&inputs{from: "codex"}).workloadFromLogs(nil); err == nil || !errors.As(err, new(inputError)) {
		t.Errorf("no codex records: %v", err)
	}
	t.Setenv("CODEX_HOME", filepath.Join(t.TempDir(), "missing"))
	if _, err := (&inputs{from: "codex"}).workloadFromLogs(nil); err == nil || !errors.As(err, new(inputError)) {
		t.Errorf("no codex home: %v", err)
	}
}
