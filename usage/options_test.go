package usage

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ParseOptions reads days in either form and a zone, and refuses a value
// naming the option that gave it (a path that is neither a file nor a
// folder names none).
func TestParseOptions(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	for _, tc := range []struct {
		name                 string
		paths                []string
		since, until, zone   string
		wantSince, wantUntil string
		wantZone             string
		option, msg          string // the refusal; "" msg for none
	}{
		{"both forms", nil, "20260304", "2026-03-05", "Asia/Tokyo", "2026-03-04", "2026-03-05", "Asia/Tokyo", "", ""},
		{"local by default", []string{dir}, "", "", "", "", "", "Local", "", ""},
		{"bad since", nil, "2026-02-30", "", "", "", "", "", "since", `"2026-02-30" is not a date`},
		{"bad until", nil, "", "soon", "", "", "", "", "until", `"soon" is not a date`},
		{"bad zone", nil, "", "", "Mars/Olympus", "", "", "", "timezone", `"Mars/Olympus" is not a time zone`},
		{"a FIFO", []string{fifo}, "", "", "", "", "", "", "", "is not a regular file or a folder"},
	} {
		opt, err := ParseOptions(tc.paths, tc.since, tc.until, tc.zone)
		if tc.msg == "" {
			if err != nil || opt.Since != tc.wantSince || opt.Until != tc.wantUntil || opt.Location.String() != tc.wantZone {
				t.Errorf("%s: %+v, %v", tc.name, opt, err)
			}
			continue
		}
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Option != tc.option || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %v (%+v), want option %q saying %q", tc.name, err, oe, tc.option, tc.msg)
		}
	}
}

// Days turns the bounds into times in loc, until's whole day included, and
// refuses a bound that is not a day, naming it: before, 2026-02-30 became no
// lower bound at all, and as an upper bound 0001-01-02.
func TestDays(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	for _, tc := range []struct {
		since, until string
		from, to     time.Time
		err          string
	}{
		{"", "", time.Time{}, time.Time{}, ""},
		// until 2026-03-02 includes that day: up to 2026-03-03 00:00 KST.
		{"2026-03-01", "2026-03-02", time.Date(2026, 3, 1, 0, 0, 0, 0, seoul), time.Date(2026, 3, 3, 0, 0, 0, 0, seoul), ""},
		{"20260301", "", time.Date(2026, 3, 1, 0, 0, 0, 0, seoul), time.Time{}, ""},
		{"2026-02-30", "", time.Time{}, time.Time{}, `since: "2026-02-30" is not a date`},
		{"", "2026-13-01", time.Time{}, time.Time{}, `until: "2026-13-01" is not a date`},
		{"2026-03-01", "soon", time.Time{}, time.Time{}, `until: "soon" is not a date`},
	} {
		from, to, err := Days(tc.since, tc.until, seoul)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Days(%q, %q): %v, want %q", tc.since, tc.until, err, tc.err)
			}
			continue
		}
		if err != nil || !from.Equal(tc.from) || !to.Equal(tc.to) {
			t.Errorf("Days(%q, %q) = %v, %v, %v; want %v, %v", tc.since, tc.until, from, to, err, tc.from, tc.to)
		}
	}
}
