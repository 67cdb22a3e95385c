package usage

import (
	"math/rand/v2"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on a machine without them
)

// localClock gives the day and hour numbers the time package gives, across
// daylight-saving changes (both ways, and by 30 minutes at Lord Howe),
// zones off the hour, dates before 1970 and far ahead, in the time order
// records come in and out of it.
func TestLocalClock(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns"}
	// Times around the 2026 changes in each zone, then random times.
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	var times []int64
	for ms := base; ms < base+366*msDay; ms += 20 * 60 * 1000 { // every 20 minutes of 2026
		times = append(times, ms)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		times = append(times, rng.Int64N(int64(200*365*msDay))-int64(100*365*msDay)) // 1870 to 2070
	}
	times = append(times, -1, 0, 1, -msDay, -msDay-1, msHour-1)
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		c := localClock{loc: loc}
		for _, ms := range times {
			tm := time.UnixMilli(ms).In(loc)
			y, mo, d := tm.Date()
			wantDay := daysFromCivil(y, int(mo), d)
			wantHour := wantDay*24 + int64(tm.Hour())
			if got := c.day(ms); got != wantDay {
				t.Fatalf("%s %s: day %d, want %d", name, tm, got, wantDay)
			}
			if got := c.hour(ms); got != wantHour {
				t.Fatalf("%s %s: hour %d, want %d", name, tm, got, wantHour)
			}
		}
	}
}
