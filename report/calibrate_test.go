package report

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/usage"
)

// The calibrate table and JSON, whole, from measurements made up here: a
// limit beside the catalog's ranged figure, one beside an estimate, one
// contradicted; and with nothing measured, the lower bound of the plan's
// shortest window. go test -run TestCalibrationGolden -update rewrites them.
func TestCalibrationGolden(t *testing.T) {
	cat := logsCatalog(t)
	pro := &cat.Plans[0] // claude-pro: 5 h $18 (an estimate), a week $90 ($80–$100)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, time.UTC) }
	log := &usage.Log{Source: usage.ClaudeCode, Files: 1, Roots: []string{"~/.claude"}, Location: paris}
	measured := calibrate.Result{Plan: "claude-pro", PlanFrom: "--plan",
		Limits: []calibrate.Limit{
			// 19.8 against the catalog's 18: 19.8/18 − 1 = +10%.
			{WindowHours: 5, USD: 19.8, Low: 18.5, High: 21, Method: calibrate.MethodReached,
				Windows: []calibrate.Window{{Hours: 5, From: at(7, 9), To: at(7, 14), USD: 19.8, Moved: 100, Capacity: 19.8}}},
			// 1,234.5 against 90 (80–100): 1,234.5/90 − 1 = +1272%, in whole dollars.
			{WindowHours: 168, USD: 1234.5, Low: 1000, High: 1500, Method: calibrate.MethodReached, Contradiction: "made up to show it"},
			// No catalog figure for a day.
			{WindowHours: 24, USD: 50, Low: 50, High: 50, Method: calibrate.MethodSnapshots},
		},
		Heaviest: []calibrate.Heaviest{{WindowHours: 5, USD: 19.8, From: at(7, 9), To: at(7, 14), Requests: 40}, {WindowHours: 168}},
		Notes:    []string{"a note of the measure"}}
	none := calibrate.Result{Plan: "claude-pro", PlanFrom: "--plan",
		Heaviest: []calibrate.Heaviest{
			{WindowHours: 5, USD: 12.5, From: at(8, 10), To: at(8, 15), Requests: 12, Unpriced: 2},
			{WindowHours: 168, USD: 40, From: at(5, 0), To: at(12, 0), Requests: 90},
		}}
	codex := calibrate.Result{Heaviest: []calibrate.Heaviest{{WindowHours: 5, USD: 3.25, From: at(8, 10), To: at(8, 15), Requests: 3, Peak: 7, HasPeak: true}}}
	for _, tc := range []struct {
		name string
		c    *Calibration
	}{
		{"measured", &Calibration{Source: usage.ClaudeCode, Log: log, Result: measured, Plan: pro, CatalogNotes: []string{"a note of the catalog"},
			Saved: filepath.Join("config", "catalog.yaml"), Backup: filepath.Join("config", "catalog.yaml.bak")}},
		{"lower-bound", &Calibration{Source: usage.ClaudeCode, Log: log, Result: none, Plan: pro}},
		{"codex-no-plan", &Calibration{Source: usage.Codex, Log: &usage.Log{Source: usage.Codex, Files: 2, Roots: []string{"~/.codex"}, Location: time.UTC}, Result: codex}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var js bytes.Buffer
			if err := CalibrationJSON(&js, tc.c); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, CalibrationTable(tc.c, false)+"\n---- JSON\n"+js.String())
		})
	}
}

// Dollars to the cent below $1,000, whole and grouped from there.
func TestDollars(t *testing.T) {
	for v, want := range map[float64]string{
		18:        "$18.00",
		999.994:   "$999.99",
		1000:      "$1,000",
		1234.5:    "$1,235", // rounded half away from zero
		2468013.4: "$2,468,013",
	} {
		if got := dollars(v); got != want {
			t.Errorf("dollars(%v) = %q, want %q", v, got, want)
		}
	}
}
