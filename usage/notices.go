package usage

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"
)

// Notice is a usage-limit message Claude Code wrote into a transcript
// itself (model <synthetic>, no request made): "Claude AI usage limit
// reached|<reset epoch>", "5-hour limit reached ∙ resets 3pm", "You've hit
// your weekly limit · resets …", "You've hit your limit · resets 1am
// (America/Denver)", "You're out of extra usage · resets …". Only such text
// is kept; no other content of the logs is.
type Notice struct {
	Time time.Time // when it was written: the moment the limit was reached
	Text string
}

// syntheticMarker is what a line of model <synthetic> holds, as JSON writes it.
var syntheticMarker = []byte(`"` + Synthetic + `"`)

// syntheticNotice reads a line the fast reader rejected (a field null that
// a request may not have null) when it is a <synthetic> message: whether it
// is one, and its usage-limit notice if it has one, with the line's own
// timestamp.
func syntheticNotice(line []byte) (n Notice, synthetic, notice bool) {
	var l struct {
		Timestamp string `json:"timestamp"`
		Message   struct {
			Model string `json:"model"`
		} `json:"message"`
	}
	if json.Unmarshal(line, &l) != nil || l.Message.Model != Synthetic {
		return Notice{}, false, false
	}
	ts, ok := parseTime([]byte(l.Timestamp))
	if !ok {
		return Notice{}, true, false
	}
	n, notice = limitNotice(line, ts)
	return n, true, notice
}

// noticeWords are what a usage-limit notice says: a limit reached, or the
// paid extra usage beyond it spent ("You're out of extra usage").
var noticeWords = [][]byte{[]byte("limit"), []byte("extra usage")}

func isNotice(b []byte) bool {
	for _, w := range noticeWords {
		if bytes.Contains(b, w) {
			return true
		}
	}
	return false
}

// maxNotice bounds the text kept of a notice: real ones are under 100 bytes.
const maxNotice = 300

// limitNotice reads the text of a <synthetic> Claude line when it speaks of
// a usage limit. Such lines are rare (one per limit reached or error), so a
// plain JSON decode is cheap enough.
func limitNotice(line []byte, ts int64) (Notice, bool) {
	if !isNotice(line) && !bytes.Contains(line, codexEscape) { // a notice word may be written escaped
		return Notice{}, false
	}
	var l struct {
		Message struct {
			Content json.RawMessage `json:"content"`
		} `json:"message"`
	}
	if json.Unmarshal(line, &l) != nil {
		return Notice{}, false
	}
	var texts []string
	var s string
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	switch {
	case json.Unmarshal(l.Message.Content, &s) == nil:
		texts = []string{s}
	case json.Unmarshal(l.Message.Content, &parts) == nil:
		for _, p := range parts {
			if p.Type == "text" {
				texts = append(texts, p.Text)
			}
		}
	}
	for _, t := range texts {
		if len(t) <= maxNotice && isNotice([]byte(t)) {
			return Notice{Time: time.UnixMilli(ts).UTC(), Text: t}, true
		}
	}
	return Notice{}, false
}

// sortNotices puts notices in time order, then text: the same logs give the
// same list whatever order the workers read them in.
func sortNotices(ns []Notice) {
	slices.SortFunc(ns, func(a, b Notice) int {
		if c := a.Time.Compare(b.Time); c != 0 {
			return c
		}
		switch {
		case a.Text < b.Text:
			return -1
		case a.Text > b.Text:
			return 1
		}
		return 0
	})
}
