package calibrate

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Hit is one usage limit reached, as a Claude Code notice tells it.
type Hit struct {
	Time        time.Time // when the notice was written: the limit was reached then
	WindowHours float64   // 5 or 168
	Reset       time.Time // when the window resets
}

// Window lengths of Claude's limits.
const (
	fiveHours = 5
	week      = 168
)

// errScoped is the error of a notice about a limit of one model (an Opus or
// Sonnet weekly limit): it measures only part of the plan, so it is left out.
var errScoped = errors.New("a limit of one model only")

// errNotLimit is the error of a text that is no limit notice this reader knows.
var errNotLimit = errors.New("not a usage-limit notice")

// errExtraUsage is the error of "You're out of extra usage": the plan's own
// limit was passed earlier and paid usage followed, so what was spent up to
// the notice is more than the limit: it does not measure it.
var errExtraUsage = errors.New("extra usage spent after the limit")

var (
	// "Claude AI usage limit reached|1753660800" (older builds).
	epochForm = regexp.MustCompile(`(?i)usage limit reached\|(\d{9,11})\s*$`)
	// "5-hour limit reached ∙ resets 3pm", "You've hit your weekly limit ·
	// resets Jul 27 at 4:30am (Asia/Calcutta)", "Session limit reached ∙
	// resets 3pm".
	namedForm = regexp.MustCompile(`(?i)\b(5-hour|session|weekly)\s+limit\b`)
	// "You've hit your limit · resets 1am (America/Denver)" (Claude Code
	// 2.1): no window named.
	plainForm = regexp.MustCompile(`(?i)\bhit your limit\b`)
	extraForm = regexp.MustCompile(`(?i)\bout of extra usage\b`)
	resetPart = regexp.MustCompile(`(?i)resets\s+(?:([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,|\s+at)?\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap]m)(?:\s*\(([^)]+)\))?`)
	models    = regexp.MustCompile(`(?i)\b(opus|sonnet|haiku|fable)\b`)
	// "Opus weekly limit reached", "You've hit your Opus limit".
	scopedForm = regexp.MustCompile(`(?i)limit reached|hit your .*limit`)
)

var months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// ParseNotice reads a Claude Code usage-limit notice written at `at`. A
// reset given as a clock time ("resets 3pm") is the first such time after
// the notice, in the zone the notice names, else in loc; one with a date
// ("Jul 27 at 4:30am", "Jan 30, 11:30am") is that date's next occurrence.
// The older form with an epoch and the current "You've hit your limit ·
// resets 1am (America/Denver)" name no window: it is the 5-hour one unless
// the reset is more than 5 hours after the notice, when only the weekly
// limit can explain it. "You're out of extra usage" is read but measures
// nothing (errExtraUsage).
func ParseNotice(text string, at time.Time, loc *time.Location) (Hit, error) {
	if loc == nil {
		loc = time.Local
	}
	if m := epochForm.FindStringSubmatch(text); m != nil {
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		h := Hit{Time: at, WindowHours: fiveHours, Reset: time.Unix(sec, 0).UTC()}
		if h.Reset.Sub(at) > fiveHours*time.Hour+time.Minute {
			h.WindowHours = week
		}
		return h, h.check()
	}
	if models.MatchString(text) && scopedForm.MatchString(text) {
		return Hit{}, errScoped
	}
	if extraForm.MatchString(text) {
		return Hit{}, errExtraUsage
	}
	m := namedForm.FindStringSubmatch(text)
	plain := m == nil && plainForm.MatchString(text)
	if m == nil && !plain {
		return Hit{}, errNotLimit
	}
	h := Hit{Time: at, WindowHours: fiveHours}
	if !plain && strings.EqualFold(m[1], "weekly") {
		h.WindowHours = week
	}
	r := resetPart.FindStringSubmatch(text)
	if r == nil {
		return Hit{}, fmt.Errorf("no reset time in %q", text)
	}
	zone := loc
	if r[6] != "" {
		z, err := time.LoadLocation(strings.TrimSpace(r[6]))
		if err != nil {
			return Hit{}, fmt.Errorf("unknown time zone %q", r[6])
		}
		zone = z
	}
	hour, _ := strconv.Atoi(r[3])
	minute := 0
	if r[4] != "" {
		minute, _ = strconv.Atoi(r[4])
	}
	if hour < 1 || hour > 12 || minute > 59 {
		return Hit{}, fmt.Errorf("%q is not a time of day", r[0])
	}
	hour %= 12
	if strings.EqualFold(r[5], "pm") {
		hour += 12
	}
	local := at.In(zone)
	if r[1] == "" {
		t := time.Date(local.Year(), local.Month(), local.Day(), hour, minute, 0, 0, zone)
		for !t.After(at) {
			t = time.Date(t.Year(), t.Month(), t.Day()+1, hour, minute, 0, 0, zone)
		}
		h.Reset = t
	} else {
		mon, ok := months[strings.ToLower(r[1])]
		day, _ := strconv.Atoi(r[2])
		if !ok || day < 1 || day > 31 {
			return Hit{}, fmt.Errorf("%q is not a date", r[0])
		}
		t := time.Date(local.Year(), mon, day, hour, minute, 0, 0, zone)
		if !t.After(at) {
			t = time.Date(local.Year()+1, mon, day, hour, minute, 0, 0, zone)
		}
		h.Reset = t
	}
	if plain && h.Reset.Sub(at) > fiveHours*time.Hour+time.Minute {
		// A notice naming no window: only the weekly limit resets later
		// than 5 hours on.
		h.WindowHours = week
	}
	return h, h.check()
}

// check refuses a reset that the window cannot hold: before the notice, or
// further after it than the window is long (a wrong zone, a clock skewed).
func (h Hit) check() error {
	d := h.Reset.Sub(h.Time)
	if d <= 0 || d > time.Duration(h.WindowHours*float64(time.Hour))+time.Minute {
		return fmt.Errorf("its reset (%s) is not within %s after it", h.Reset.Format(time.RFC3339), hoursText(h.WindowHours))
	}
	return nil
}

// hoursText names a window length: "5 hours", "1 week".
func hoursText(h float64) string {
	if h == week {
		return "1 week"
	}
	return strconv.FormatFloat(h, 'f', -1, 64) + " hours"
}
