package usage

import (
	"bytes"
	"errors"
	"strconv"
	"time"
)

// Codex lines worth parsing hold one of these.
var (
	codexTokenCount  = []byte(`"token_count"`)
	codexTurnContext = []byte(`"turn_context"`)
	codexThreadSpawn = []byte("thread_spawn")
	codexEscape      = []byte(`\u`)
)

// codexUsage is one token_usage object of a Codex token_count event.
// input_tokens includes cached_input_tokens; output_tokens includes
// reasoning_output_tokens.
type codexUsage struct {
	in, cached, out, reasoning uint64
}

func (u codexUsage) zero() bool { return u == codexUsage{} }

// minus is u − prev, field by field, never below zero.
func (u codexUsage) minus(prev codexUsage) codexUsage {
	sub := func(a, b uint64) uint64 {
		if a > b {
			return a - b
		}
		return 0
	}
	return codexUsage{sub(u.in, prev.in), sub(u.cached, prev.cached), sub(u.out, prev.out), sub(u.reasoning, prev.reasoning)}
}

// codex line kinds.
const (
	codexOther  = iota
	codexTurn   // turn_context: names the model of the turns that follow
	codexTokens // event_msg / token_count: usage
)

// codexRec is what one Codex rollout line says. Byte slices alias the line.
type codexRec struct {
	kind            int
	ts              int64 // Unix milliseconds (token_count only)
	model           []byte
	last, total     codexUsage
	hasLast, hasTot bool
	limits          codexLimits // payload.rate_limits, when hasLimits
	hasLimits       bool
}

// RateWindow is one window of a Codex rate-limit snapshot. A number the
// snapshot does not give is -1.
type RateWindow struct {
	Known           bool    // the snapshot has this window
	UsedPercent     float64 // share of the window's allowance used, 0–100
	WindowMinutes   float64 // the window's length: 300 (five hours), 10080 (a week)
	ResetsAt        float64 // Unix seconds of the window's reset (newer builds)
	ResetsInSeconds float64 // seconds from the snapshot to the reset (older builds)
}

// RateLimits is one rate-limit snapshot of a Codex token_count event: where
// the account stood against its plan's limits at that moment.
type RateLimits struct {
	Time               time.Time
	Primary, Secondary RateWindow
	PlanType           string // "" when the snapshot does not say
}

// codexLimits is payload.rate_limits as read; plan aliases the line.
type codexLimits struct {
	primary, secondary RateWindow
	plan               []byte
}

// maxCodexCount bounds Codex counts, which are cumulative over a session.
const maxCodexCount = 1 << 53

// parseCodexLine reads one line of a Codex CLI rollout (peers.md "Log format
// B"): {"timestamp", "type", "payload"}. A turn_context line gives
// payload.model; an event_msg whose payload.type is token_count gives
// payload.info.last_token_usage and total_token_usage (info may be null)
// and the model from payload.model or payload.info.model. Other lines are
// ignored.
func parseCodexLine(line []byte, r *codexRec) outcome {
	*r = codexRec{}
	s := scan{b: line}
	var ts, typ, ptype, pmodel, imodel []byte
	var hasTS, invalid, rangeErr bool
	payload := func(k []byte) error {
		var err error
		switch string(k) {
		case "type":
			ptype, _, err = nullableString(&s, &invalid)
		case "model":
			pmodel, _, err = nullableString(&s, &invalid)
		case "info":
			err = parseCodexInfo(&s, r, &imodel, &invalid, &rangeErr)
		case "rate_limits":
			r.hasLimits, err = parseCodexLimits(&s, &r.limits)
		default:
			err = s.skip()
		}
		return err
	}
	err := s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "timestamp":
			ts, hasTS, err = nullableString(&s, &invalid)
		case "type":
			typ, _, err = nullableString(&s, &invalid)
		case "payload":
			_, err = s.object(payload)
		default:
			err = s.skip()
		}
		return err
	})
	if err != nil || s.end() != nil {
		return outMalformed
	}
	switch {
	case string(typ) == "turn_context":
		*r = codexRec{kind: codexTurn, model: pmodel}
		return outOK
	case string(typ) != "event_msg" || string(ptype) != "token_count":
		*r = codexRec{}
		return outIgnored
	case invalid:
		return outInvalid
	case rangeErr:
		return outRange
	}
	t, ok := logTime(ts)
	if !hasTS || !ok {
		return outTime
	}
	r.kind, r.ts = codexTokens, t
	r.model = pmodel
	if r.model == nil {
		r.model = imodel
	}
	return outOK
}

// nullableString reads an optional string; null is absent, another type marks
// the line invalid.
func nullableString(s *scan, invalid *bool) ([]byte, bool, error) {
	if s.null() {
		return nil, false, nil
	}
	v, err := s.str()
	if errors.Is(err, errType) {
		*invalid = true
		return nil, false, s.skip()
	}
	return v, err == nil, err
}

func parseCodexInfo(s *scan, r *codexRec, model *[]byte, invalid, rangeErr *bool) error {
	if s.null() {
		return nil
	}
	if s.peek() != '{' {
		*invalid = true
		return s.skip()
	}
	return s.fields(func(k []byte) error {
		var err error
		switch string(k) {
		case "total_token_usage":
			r.hasTot, err = parseCodexUsage(s, &r.total, invalid, rangeErr)
		case "last_token_usage":
			r.hasLast, err = parseCodexUsage(s, &r.last, invalid, rangeErr)
		case "model":
			*model, _, err = nullableString(s, invalid)
		default:
			err = s.skip()
		}
		return err
	})
}

// parseCodexLimits reads a rate_limits snapshot: {primary, secondary,
// plan_type, …}. It only informs: a field of another type than expected is
// left unknown and never makes the line invalid. It reports whether
// rate_limits was an object.
func parseCodexLimits(s *scan, l *codexLimits) (bool, error) {
	*l = codexLimits{}
	return s.object(func(k []byte) error {
		switch string(k) {
		case "primary":
			return parseRateWindow(s, &l.primary)
		case "secondary":
			return parseRateWindow(s, &l.secondary)
		case "plan_type":
			if s.peek() != '"' {
				return s.skip()
			}
			v, err := s.str()
			l.plan = v
			return err
		}
		return s.skip()
	})
}

// parseRateWindow reads {used_percent, window_minutes, resets_at,
// resets_in_seconds}; numbers that are missing or not numbers stay unknown.
func parseRateWindow(s *scan, w *RateWindow) error {
	*w = RateWindow{}
	if s.peek() != '{' {
		return s.skip()
	}
	w.Known = true
	w.UsedPercent, w.WindowMinutes, w.ResetsAt, w.ResetsInSeconds = -1, -1, -1, -1
	return s.fields(func(k []byte) error {
		var dst *float64
		switch string(k) {
		case "used_percent":
			dst = &w.UsedPercent
		case "window_minutes":
			dst = &w.WindowMinutes
		case "resets_at":
			dst = &w.ResetsAt
		case "resets_in_seconds":
			dst = &w.ResetsInSeconds
		default:
			return s.skip()
		}
		v, err := s.number()
		switch {
		case errors.Is(err, errType):
			return s.skip()
		case err != nil:
			return err
		}
		*dst = v
		return nil
	})
}

// parseCodexUsage reads a token_usage object; missing or null counts are 0.
func parseCodexUsage(s *scan, u *codexUsage, invalid, rangeErr *bool) (bool, error) {
	*u = codexUsage{}
	if s.null() {
		return false, nil
	}
	if s.peek() != '{' {
		*invalid = true
		return false, s.skip()
	}
	err := s.fields(func(k []byte) error {
		var v *uint64
		switch string(k) {
		case "input_tokens":
			v = &u.in
		case "cached_input_tokens":
			v = &u.cached
		case "output_tokens":
			v = &u.out
		case "reasoning_output_tokens":
			v = &u.reasoning
		default:
			return s.skip()
		}
		if s.null() {
			return nil
		}
		n, err := s.countMax(maxCodexCount)
		switch {
		case err == nil:
			*v = n
		case errors.Is(err, errRange):
			*rangeErr = true
		case errors.Is(err, errNumber):
			*invalid = true
			return s.skip()
		default:
			return err
		}
		return nil
	})
	return err == nil, err
}

// codexFile turns the lines of one rollout into per-turn usage: a turn's
// usage is last_token_usage, else the growth of total_token_usage since the
// previous event; events that repeat the previous total_token_usage, and
// events with nothing in them, are dropped. The model is the
// event's own, else that of the latest turn_context; none leaves it unknown
// (ccusage would assume gpt-5; we do not guess).
//
// A sub-agent rollout (one that mentions thread_spawn in its first 16 KiB)
// starts by replaying its parent's totals: when its first two token_count
// events fall in the same second, every event of that second is a replay and
// only sets the baseline, as ccusage does.
type codexFile struct {
	prev     codexUsage
	hasPrev  bool
	model    []byte // owned copy of the latest turn_context model
	subagent bool

	// replay detection (sub-agent files only)
	seen       int   // token_count events with usage seen so far
	pendingSec int64 // second of the first event
	pending    codexTurnUsage
	hasPending bool
	replaySec  int64
	replaying  bool
}

// codexTurnUsage is one turn ready to record.
type codexTurnUsage struct {
	ts    int64
	model []byte // owned
	u     codexUsage
}

// add feeds one parsed line; emit receives the turns to record. It reports
// whether the line was a repeat: a token_count event whose
// total_token_usage equals the previous one. Codex writes every event twice,
// the second copy with the same usage and a newer rate-limit snapshot; the
// repeat records nothing, whatever its last_token_usage says.
func (f *codexFile) add(r *codexRec, emit func(codexTurnUsage)) bool {
	switch r.kind {
	case codexTurn:
		if r.model != nil {
			f.model = append(f.model[:0:0], r.model...)
		}
		return false
	case codexTokens:
	default:
		return false
	}
	if !r.hasLast && !r.hasTot {
		return false
	}
	sec := r.ts / 1000
	if f.subagent {
		// Replays are told on the events as written, repeats included, as
		// ccusage does: a sub-agent's first event and its repeat always
		// share a second.
		f.seen++
		switch {
		case f.replaying && sec == f.replaySec:
			f.baseline(r)
			return false
		case f.replaying:
			f.replaying = false
		case f.seen == 1:
			f.pendingSec = sec
			f.pending, f.hasPending = f.turn(r), true
			return false
		case f.seen == 2 && f.hasPending:
			f.hasPending = false
			if sec == f.pendingSec {
				f.replaying, f.replaySec = true, sec
				f.baseline(r)
				return false
			}
			if !f.pending.u.zero() {
				emit(f.pending)
			}
		}
	}
	if r.hasTot && f.hasPrev && r.total == f.prev {
		return true
	}
	if t := f.turn(r); !t.u.zero() {
		emit(t)
	}
	return false
}

// flush emits what is still held at the end of the file.
func (f *codexFile) flush(emit func(codexTurnUsage)) {
	if f.hasPending && !f.pending.u.zero() {
		emit(f.pending)
	}
	f.hasPending = false
}

func (f *codexFile) baseline(r *codexRec) {
	if r.hasTot {
		f.prev, f.hasPrev = r.total, true
	}
}

// turn computes the usage of one event and advances the baseline.
func (f *codexFile) turn(r *codexRec) codexTurnUsage {
	var u codexUsage
	switch {
	case r.hasLast:
		u = r.last
	case f.hasPrev:
		u = r.total.minus(f.prev)
	default:
		u = r.total
	}
	if r.hasTot {
		f.prev, f.hasPrev = r.total, true
	}
	u.cached = min(u.cached, u.in)
	model := f.model
	if r.model != nil {
		model = append([]byte(nil), r.model...)
	}
	return codexTurnUsage{ts: r.ts, model: model, u: u}
}

// codexSubagent reports whether the start of a rollout says it is a
// sub-agent's (thread_spawn), however the word's letters are escaped.
func codexSubagent(head []byte) bool {
	if bytes.Contains(head, codexThreadSpawn) {
		return true
	}
	if !bytes.Contains(head, codexEscape) {
		return false
	}
	plain := make([]byte, 0, len(head))
	for i := 0; i < len(head); i++ {
		if head[i] == '\\' && i+5 < len(head) && head[i+1] == 'u' && string(head[i+2:i+4]) == "00" {
			if v, err := strconv.ParseUint(string(head[i+4:i+6]), 16, 8); err == nil && v >= 0x20 && v < 0x7f {
				plain = append(plain, byte(v))
				i += 5
				continue
			}
		}
		if head[i] == '\\' && i+1 < len(head) {
			plain = append(plain, head[i], head[i+1]) // an escape is never the start of another
			i++
			continue
		}
		plain = append(plain, head[i])
	}
	return bytes.Contains(plain, codexThreadSpawn)
}

// codexWorthParsing is the byte prefilter of Codex lines. A line that
// spells the two words with escapes (as no Codex build writes, but a JSON
// re-serializer may) holds a \u escape: such lines are parsed too, so
// that no valid spelling of a record is passed over.
func codexWorthParsing(line []byte) bool {
	return bytes.Contains(line, codexTokenCount) || bytes.Contains(line, codexTurnContext) || bytes.Contains(line, codexEscape)
}
