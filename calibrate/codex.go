package calibrate

import (
	"cmp"
	"slices"
	"time"

	"github.com/tokenomics/tokenomics/usage"
)

// Snapshot is one window of a Codex rate-limit snapshot: where the account
// stood against one of its plan's limits when a token_count event was
// written.
type Snapshot struct {
	Time          time.Time
	WindowMinutes float64   // 300 (5 hours), 10080 (a week)
	UsedPercent   float64   // 0–100
	Reset         time.Time // resets_at, else the event's time + resets_in_seconds
	Plan          string    // plan_type, "" when not given
}

// resetTolerance is how far apart the reset times of one window instance
// may be: servers round and clocks jitter, while two instances of one
// window reset at least a window length apart.
const resetTolerance = 2 * time.Minute

// MinMovement is the least rise of used_percent, in points, that measures
// a window: below it the rounding of the percentage weighs too much.
const MinMovement = 10

// instance is one window instance: the snapshots of one window length whose
// resets fall together.
type instance struct {
	minutes float64
	reset   time.Time // the earliest reset of its snapshots
	snaps   []Snapshot
}

// instances groups snapshots by window length and reset time, each group's
// snapshots in time order.
func instances(snaps []Snapshot) []instance {
	s := slices.Clone(snaps)
	slices.SortFunc(s, func(a, b Snapshot) int {
		return cmp.Or(cmp.Compare(a.WindowMinutes, b.WindowMinutes), a.Reset.Compare(b.Reset), a.Time.Compare(b.Time))
	})
	var out []instance
	for i, x := range s {
		if i == 0 || x.WindowMinutes != s[i-1].WindowMinutes || x.Reset.Sub(s[i-1].Reset) > resetTolerance {
			out = append(out, instance{minutes: x.WindowMinutes, reset: x.Reset})
		}
		in := &out[len(out)-1]
		in.snaps = append(in.snaps, x)
	}
	for i := range out {
		slices.SortStableFunc(out[i].snaps, func(a, b Snapshot) int {
			return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(a.UsedPercent, b.UsedPercent))
		})
	}
	return out
}

// span is the part of an instance that measures it: from the first rise of
// used_percent to the first snapshot at its highest value. Both ends are
// moments the percentage stepped up, so a percentage rounded to whole points
// loses nothing at either end; the requests counted are those after the
// first and up to the second, and the share they moved is the difference.
// ok is false when the percentage never rose.
func (in *instance) span() (from, to time.Time, moved float64, ok bool) {
	s := in.snaps
	start := -1
	for i := 1; i < len(s); i++ {
		if s[i].UsedPercent > s[i-1].UsedPercent {
			start = i
			break
		}
	}
	if start < 0 {
		return from, to, 0, false
	}
	end := start
	for i := start + 1; i < len(s); i++ {
		if s[i].UsedPercent > s[end].UsedPercent {
			end = i
		}
	}
	return s[start].Time, s[end].Time, s[end].UsedPercent - s[start].UsedPercent, true
}

// fell reports whether used_percent fell within the instance, from a to b:
// one window, one reset, so the share used can only rise; a fall of a
// point or more means the snapshots contradict each other (two accounts,
// or a window the server reset early).
func (in *instance) fell() (a, b float64, fell bool) {
	hi := 0.0
	for i, s := range in.snaps {
		if i > 0 && s.UsedPercent <= hi-1 {
			return hi, s.UsedPercent, true
		}
		hi = max(hi, s.UsedPercent)
	}
	return 0, 0, false
}

// plan is the plan_type most of the instance's snapshots give ("" for none).
func (in *instance) plan() string {
	n := map[string]int{}
	best := ""
	for _, s := range in.snaps {
		if s.Plan == "" {
			continue
		}
		n[s.Plan]++
		if n[s.Plan] > n[best] || n[s.Plan] == n[best] && s.Plan < best {
			best = s.Plan
		}
	}
	return best
}

// peak is the highest used_percent of the instance.
func (in *instance) peak() float64 {
	p := 0.0
	for _, s := range in.snaps {
		p = max(p, s.UsedPercent)
	}
	return p
}

// PlanID maps a Codex plan_type to the catalog's plan id; sure is false
// where the name alone cannot tell two plans apart.
func PlanID(planType string) (id string, sure bool) {
	switch planType {
	case "free":
		return "chatgpt-free", true
	case "go":
		return "chatgpt-go", true
	case "plus":
		return "chatgpt-plus", true
	case "prolite":
		return "chatgpt-pro-100", true
	case "pro":
		// The $100 tier is "prolite" in the snapshots seen; "pro" is taken
		// as the $200 one, which cannot be confirmed from the logs alone.
		return "chatgpt-pro-200", false
	case "team", "business":
		return "chatgpt-business", true
	}
	return "", false
}

// Snapshots turns the rate-limit snapshots of Codex logs into windows to
// measure: each snapshot's primary and secondary window with a length, a
// share used and a reset time (resets_at, else the event's time +
// resets_in_seconds). unknown counts the windows that lack one of these.
func Snapshots(rls []usage.RateLimits) (out []Snapshot, unknown int) {
	for _, rl := range rls {
		for _, w := range []usage.RateWindow{rl.Primary, rl.Secondary} {
			if !w.Known {
				continue
			}
			var reset time.Time
			switch {
			case w.ResetsAt > 0:
				reset = time.UnixMilli(int64(w.ResetsAt * 1000)).UTC()
			case w.ResetsInSeconds >= 0:
				reset = rl.Time.Add(time.Duration(w.ResetsInSeconds * float64(time.Second)))
			}
			if reset.IsZero() || w.WindowMinutes <= 0 || w.UsedPercent < 0 || w.UsedPercent > 1000 {
				unknown++
				continue
			}
			out = append(out, Snapshot{Time: rl.Time, WindowMinutes: w.WindowMinutes, UsedPercent: w.UsedPercent, Reset: reset, Plan: rl.PlanType})
		}
	}
	return out, unknown
}
