package usage

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
