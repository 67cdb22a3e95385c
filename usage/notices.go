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
// your weekly limit · resets …". Only such text is kept; no other content
// of the logs is.
type Notice struct {
	Time time.Time // when it was written: the moment the limit was reached
	Text string
}

// maxNotice bounds the text kept of a notice: real ones are under 100 bytes.
const maxNotice = 300

// limitNotice reads the text of a <synthetic> Claude line when it speaks of
// a usage limit. Such lines are rare (one per limit reached or error), so a
// plain JSON decode is cheap enough.
func limitNotice(line []byte, ts int64) (Notice, bool) {
	if !bytes.Contains(line, []byte("limit")) && !bytes.Contains(line, codexEscape) { // "limit" may be written escaped
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
		if len(t) <= maxNotice && bytes.Contains([]byte(t), []byte("limit")) {
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
