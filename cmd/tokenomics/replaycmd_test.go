package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The fixture holds three Claude Code requests on a-small at 00:00, 01:00
// and 02:00 UTC on 2026-03-02, each 90,000 in + 2,000 out: $0.10 on a-small
// ($1/$5 per 1M in replayCatalog). One day: M = 30.4375.
const (
	replayFixture = "testdata/replay"
	replayCatalog = "../../replay/testdata/catalog.yaml"
)

// replayRun replays the fixture on replayCatalog, days in UTC, with flags.
func replayRun(t *testing.T, flags ...string) string {
	t.Helper()
	isolate(t)
	return mustRun(t, append([]string{"replay", "claude-code", replayFixture, "--catalog", replayCatalog, "-z", "UTC"}, flags...)...)
}

func TestReplayJSON(t *testing.T) {
	out := replayRun(t, "-f", "json")
	var got struct {
		Period struct {
			From, To    string
			Days        int
			MonthFactor float64 `json:"month_factor"`
		}
		Records    int
		AsRecorded float64 `json:"as_recorded"`
		Options    []struct {
			ID          string
			MonthlyCost float64 `json:"monthly_cost"`
			Overflow    float64 `json:"overflow_cost"`
			OnPlan      int     `json:"records_on_plan"`
			Over        int     `json:"records_overflowed"`
			Limits      []struct {
				Windows      int
				WindowsHit   int     `json:"windows_hit"`
				BlockedHours float64 `json:"blocked_hours"`
				Peak         float64 `json:"peak_utilization"`
			}
		}
		Verdict struct {
			Answer   string
			BestAPI  string `json:"best_api"`
			BestPlan string `json:"best_plan"`
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// As recorded: 3 × $0.10 × 30.4375 = $9.13125.
	if got.Period.From != "2026-03-02" || got.Period.Days != 1 || got.Records != 3 || got.AsRecorded != 9.13125 {
		t.Errorf("period %+v, %d records, as recorded %g", got.Period, got.Records, got.AsRecorded)
	}
	found := false
	for _, o := range got.Options {
		if o.ID != "pcredit" {
			continue
		}
		found = true
		// 1 message per 5 h: the first runs, two overflow ($0.20 × 30.4375 =
		// $6.0875); the $5 credit route on vendor a's a-small leaves $1.0875:
		// $30 + $1.0875. The window: hit at 01:00, blocked to 05:00 (4 h),
		// 3 messages of 1.
		if o.MonthlyCost != 31.0875 || o.Overflow != 1.0875 || o.OnPlan != 1 || o.Over != 2 || len(o.Limits) != 1 ||
			o.Limits[0].Windows != 1 || o.Limits[0].WindowsHit != 1 || o.Limits[0].BlockedHours != 4 || o.Limits[0].Peak != 3 {
			t.Errorf("pcredit: %+v", o)
		}
	}
	if !found {
		t.Error("no pcredit option")
	}
	// The API on a-small, $9.13125, beats the cheapest plan, Plan Msg: 2 run,
	// one overflows: $10 + $3.04375.
	if got.Verdict.Answer != "api" || got.Verdict.BestAPI != "api:a-small" || got.Verdict.BestPlan != "pmsg" {
		t.Errorf("verdict %+v", got.Verdict)
	}
}

// The table and markdown outputs; the table with --plan lists that plan only.
func TestReplayText(t *testing.T) {
	for _, tc := range []struct {
		name   string
		flags  []string
		want   []string
		absent string // a plan the output must not list
	}{
		{"table", []string{"--plan", "pmsg"}, []string{
			"Claude Code: 3 records, 2026-03-02 to 2026-03-02 (1 day",
			"▶ API: A Small at $9.13/month against the best paid plan, Plan Msg at $13.04",
			"As recorded on the API: $9.13/month (replayed on your records of 2026-03-02 to 2026-03-02)",
			"2 of 3",
			"5-hour: 1 of 1 window hit, 3 h blocked; busiest window 150% of the cap",
		}, "Plan A"},
		{"markdown", []string{"-f", "markdown"}, []string{
			"## Claude Code records replayed against every plan",
			"**API: A Small at $9.13/month against the best paid plan, Plan Msg at $13.04",
			// Plan Range: $0.25 ($0.15–$0.50) per 5 h on a-small, three $0.10
			// requests: two run, one overflows: $20 + $3.04; at $0.50 all run
			// ($20.00), at $0.15 two overflow ($20 + $6.09).
			"| Plan Range | subscription | $23.04 | $20.00–$26.09 | ~ overflow | 2 of 3 | 5-hour: 1 of 1 window hit, 3 h blocked; busiest window 120% of the cap |",
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := replayRun(t, tc.flags...)
			mustContain(t, out, tc.want...)
			if tc.absent != "" && strings.Contains(out, tc.absent) {
				t.Errorf("%v lists %s:\n%s", tc.flags, tc.absent, out)
			}
		})
	}
}

func TestReplayBadInput(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{"replay"},
		{"replay", "cursor"},
		{"replay", "claude-code", replayFixture, "--catalog", replayCatalog, "--plan", "nope"},
		{"replay", "claude-code", replayFixture, "--format", "csv"},
		{"replay", "claude-code", replayFixture, "--since", "2026-13-01"},
		{"replay", "claude-code", "testdata/no-such-logs"},
	} {
		if _, errs, code := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
}

// A --plan that is no plan of the catalog is refused naming the nearest
// id, as a workload's current plan is.
func TestReplayPlanTypo(t *testing.T) {
	isolate(t)
	_, errs, code := runCLI(t, "replay", "claude-code", replayFixture, "--catalog", replayCatalog, "--plan", "pmgs")
	if want := `--plan: no plan "pmgs" in this catalog (did you mean "pmsg"?)`; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, %q; want 2 and %q", code, errs, want)
	}
}

// --plan naming a free plan with --no-free is a conflict between two flags:
// it is refused before any log is read, so logs that do not exist are never
// reached and the message names both flags.
func TestReplayFreePlanNoFreeRefusedFirst(t *testing.T) {
	isolate(t)
	// claude-free is a free plan of the test catalog (price_monthly: 0).
	_, errs, code := runCLI(t, "replay", "claude-code", "testdata/no-such-logs", "--plan", "claude-free", "--no-free")
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, errs)
	}
	mustContain(t, errs, "--plan claude-free is a free plan", "--no-free")
	if strings.Contains(errs, "no-such-logs") {
		t.Errorf("the logs were read before the flags were checked: %s", errs)
	}
}
