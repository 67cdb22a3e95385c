package loggen

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"time"
)

// claudeModels are the models sessions run on, with their weights.
var claudeModels = []struct {
	name   string
	weight int
}{
	{"claude-sonnet-4-5-20250929", 60},
	{"claude-opus-4-5-20251101", 20},
	{"claude-sonnet-4-6", 12},
	{"claude-opus-4-1-20250805", 8}, // not in the catalog: counted, unpriced
}

const claudeHaiku = "claude-haiku-4-5-20251001"

// request is one Claude API request as written (possibly several times).
type request struct {
	msgID, reqID string
	model        string
	in, out      int64
	read, write  int64
	w1h          int64
	at           time.Time
	side         bool
}

// claudeSession writes one session; it returns the requests it made so a
// later session can resume it.
type claudeGen struct {
	r       *rand.Rand
	dir     string
	cfg     Config
	tot     Totals
	last    []request // requests of the previous session, for resumes
	lastPrj string
	seq     int
	buf     []byte
}

// Claude writes a Claude Code log tree under dir/projects until about
// cfg.Bytes are written.
func Claude(dir string, cfg Config) (Totals, error) {
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	}
	if cfg.Days <= 0 {
		cfg.Days = 120
	}
	g := &claudeGen{r: rand.New(rand.NewPCG(cfg.Seed, 0x5eed)), dir: filepath.Join(dir, "projects"), cfg: cfg}
	for g.tot.Bytes < cfg.Bytes {
		if err := g.session(); err != nil {
			return g.tot, err
		}
	}
	return g.tot, nil
}

func (g *claudeGen) pickModel() string {
	n := g.r.IntN(100)
	for _, m := range claudeModels {
		if n < m.weight {
			return m.name
		}
		n -= m.weight
	}
	return claudeModels[0].name
}

func (g *claudeGen) id(prefix string) string {
	g.seq++
	return fmt.Sprintf("%s_01%016x%06d", prefix, g.r.Uint64(), g.seq)
}

func (g *claudeGen) session() error {
	r := g.r
	project := fmt.Sprintf("-home-ana-project-%02d", r.IntN(24))
	resume := len(g.last) > 0 && r.IntN(12) == 0
	if resume {
		project = g.lastPrj
	}
	sid := uuid(r)
	day := r.IntN(g.cfg.Days)
	if wd := g.cfg.Start.AddDate(0, 0, day).Weekday(); (wd == time.Saturday || wd == time.Sunday) && r.IntN(3) > 0 {
		day = (day + 2) % g.cfg.Days
	}
	at := g.cfg.Start.AddDate(0, 0, day).Add(time.Duration(8*3600+r.IntN(11*3600)) * time.Second)
	f, err := create(filepath.Join(g.dir, project, sid+".jsonl"))
	if err != nil {
		return err
	}
	g.tot.Files++
	g.tot.Sessions++
	version := fmt.Sprintf("2.%d.%d", r.IntN(3), r.IntN(60))
	w := &claudeWriter{g: g, f: f, sid: sid, version: version, cwd: "/home/ana/" + project[len("-home-ana-"):]}

	// A resumed session starts with a copy of the previous one's requests.
	if resume {
		for _, q := range g.last {
			w.assistant(q, 1)
		}
		if len(g.last) > 0 {
			at = g.last[len(g.last)-1].at.Add(time.Duration(60+r.IntN(3600)) * time.Second)
		}
	}

	// Shape: short chats, agentic loops, long-document sessions.
	model := g.pickModel()
	var turns int
	base := int64(14000 + r.IntN(8000)) // system prompt and tools
	switch k := r.IntN(10); {
	case k < 3:
		turns = 1 + r.IntN(4)
	case k < 9:
		turns = 5 + int(lognormal(r, 20, 0.8))
	default:
		turns = 2 + r.IntN(20)
		base += int64(60000 + r.IntN(120000)) // a long document in the first message
	}
	turns = min(turns, 400)
	w.user(at, cut(r, 40+r.IntN(400)), "")
	ctx := base
	var made []request
	written := int64(0) // cache written so far; the rest of ctx is read
	oneHour := r.IntN(4) == 0
	for t := 0; t < turns; t++ {
		at = at.Add(time.Duration(3+r.IntN(50)) * time.Second)
		out := int64(lognormal(r, 300, 0.9)) + 1
		q := request{msgID: g.id("msg"), reqID: g.id("req"), model: model, at: at, in: int64(1 + r.IntN(9)), out: out}
		q.read = written
		q.write = ctx - written
		if q.write < 0 {
			q.write = 0
		}
		if oneHour {
			q.w1h = q.write / 2
		}
		written = ctx
		parts := 1 + r.IntN(3)
		w.assistant(q, parts)
		g.tot.count(model, q.in, q.out, q.read, q.write, q.w1h, 0)
		made = append(made, q)

		// A /btw replay of this message on a sidechain: same message id,
		// a new request id; a reader must drop it.
		if r.IntN(40) == 0 {
			rep := q
			rep.reqID, rep.side = g.id("req"), true
			rep.read += 5000
			w.assistant(rep, 1)
		}
		// Now and then Claude Code asks Haiku something on the side.
		if r.IntN(15) == 0 {
			h := request{msgID: g.id("msg"), reqID: g.id("req"), model: claudeHaiku, at: at.Add(time.Second), in: int64(200 + r.IntN(800)), out: int64(10 + r.IntN(60))}
			w.assistant(h, 1)
			g.tot.count(h.model, h.in, h.out, 0, 0, 0, 0)
		}
		// A sub-agent: its own transcript, its usage also echoed in the
		// parent's tool result and sometimes in agent-progress lines.
		if r.IntN(25) == 0 {
			if err := g.subagent(w, project, sid, at, model); err != nil {
				return err
			}
		}
		// The tool result grows the context for the next turn.
		res := int(lognormal(r, 1800, 1.1))
		res = min(res, 60000)
		w.user(at.Add(2*time.Second), "", cut(r, res))
		ctx += out + int64(res/4) + int64(r.IntN(50))
		if ctx > 180000 { // auto-compact
			ctx = base/2 + int64(r.IntN(20000))
			written = 0
		}
	}
	if r.IntN(20) == 0 { // an interrupted request: a synthetic message
		w.synthetic(at.Add(time.Second))
	}
	if r.IntN(3) == 0 {
		w.raw(fmt.Sprintf(`{"type":"summary","summary":"%s","leafUuid":"%s"}`, cut(r, 40), uuid(r)))
	}
	g.tot.Bytes += f.n
	g.last, g.lastPrj = made, project
	return f.close()
}

func (g *claudeGen) subagent(parent *claudeWriter, project, sid string, at time.Time, model string) error {
	r := g.r
	agent := fmt.Sprintf("agent-%08x", r.Uint32())
	f, err := create(filepath.Join(g.dir, project, sid, "subagents", agent+".jsonl"))
	if err != nil {
		return err
	}
	g.tot.Files++
	w := &claudeWriter{g: g, f: f, sid: sid, version: parent.version, cwd: parent.cwd, side: true}
	w.user(at, cut(r, 200), "")
	ctx := int64(9000 + r.IntN(4000))
	written := int64(0)
	var sumIn, sumOut int64
	n := 2 + r.IntN(12)
	for t := 0; t < n; t++ {
		at = at.Add(time.Duration(2+r.IntN(20)) * time.Second)
		q := request{msgID: g.id("msg"), reqID: g.id("req"), model: model, at: at, in: int64(1 + r.IntN(5)),
			out: int64(lognormal(r, 200, 0.7)) + 1, read: written, write: ctx - written, side: true}
		written = ctx
		w.assistant(q, 1+r.IntN(2))
		g.tot.count(model, q.in, q.out, q.read, q.write, 0, 0)
		sumIn += q.in + q.read + q.write
		sumOut += q.out
		// An agent-progress copy in the parent transcript: the same
		// request, nested, which a reader must not count twice.
		if r.IntN(3) == 0 {
			parent.progress(q)
		}
		res := int(lognormal(r, 1200, 1))
		w.user(at.Add(time.Second), "", cut(r, min(res, 30000)))
		ctx += q.out + int64(res/4)
	}
	// A request only an agent-progress line records.
	if r.IntN(4) == 0 {
		q := request{msgID: g.id("msg"), reqID: g.id("req"), model: model, at: at.Add(time.Second), in: 3, out: 120, read: written, write: 800, side: true}
		parent.progress(q)
		g.tot.count(model, q.in, q.out, q.read, q.write, 0, 0)
	}
	// The Task tool's result carries a usage object of its own, outside
	// message: a reader must not take it for a request.
	parent.raw(fmt.Sprintf(`{"parentUuid":"%s","isSidechain":false,"userType":"external","cwd":"%s","sessionId":"%s","version":"%s","type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_%08x","content":"%s"}]},"uuid":"%s","timestamp":"%s","toolUseResult":{"status":"completed","totalTokens":%d,"usage":{"input_tokens":%d,"output_tokens":%d}}}`,
		uuid(r), parent.cwd, sid, parent.version, r.Uint32(), cut(r, 300), uuid(r), ts(at.Add(time.Second)), sumIn+sumOut, sumIn, sumOut))
	g.tot.Bytes += f.n
	return f.close()
}

// claudeWriter writes the lines of one transcript.
type claudeWriter struct {
	g            *claudeGen
	f            *file
	sid, version string
	cwd          string
	side         bool
}

func (w *claudeWriter) raw(s string) { w.f.line([]byte(s)) }

func (w *claudeWriter) head(b []byte, side bool, at time.Time) []byte {
	r := w.g.r
	b = append(b, `{"parentUuid":"`...)
	b = append(b, uuid(r)...)
	b = append(b, `","isSidechain":`...)
	if side {
		b = append(b, "true"...)
	} else {
		b = append(b, "false"...)
	}
	b = append(b, `,"userType":"external","cwd":`...)
	b = appendJSONString(b, w.cwd)
	b = append(b, `,"sessionId":"`...)
	b = append(b, w.sid...)
	b = append(b, `","version":"`...)
	b = append(b, w.version...)
	b = append(b, `","gitBranch":"main","uuid":"`...)
	b = append(b, uuid(r)...)
	b = append(b, `","timestamp":"`...)
	b = append(b, ts(at)...)
	b = append(b, '"')
	return b
}

func (w *claudeWriter) user(at time.Time, prompt, result string) {
	r := w.g.r
	b := w.head(w.g.buf[:0], w.side, at)
	b = append(b, `,"type":"user","message":{"role":"user","content":`...)
	if result == "" {
		b = appendJSONString(b, prompt)
	} else {
		b = append(b, `[{"tool_use_id":"toolu_`...)
		b = append(b, fmt.Sprintf("%016x", r.Uint64())...)
		b = append(b, `","type":"tool_result","content":`...)
		b = appendJSONString(b, result)
		b = append(b, `}]`...)
	}
	b = append(b, "}}"...)
	w.f.line(b)
	w.g.buf = b
}

// assistant writes request q as parts lines, one per content block, each
// with the request's usage; the first of several may carry a partial
// output count, as streaming writes do (a reader keeps the larger).
func (w *claudeWriter) assistant(q request, parts int) {
	r := w.g.r
	for p := 0; p < parts; p++ {
		out := q.out
		if parts > 1 && p == 0 && r.IntN(3) == 0 {
			out = max(1, q.out/3)
		}
		b := w.head(w.g.buf[:0], q.side || w.side, q.at)
		b = append(b, `,"type":"assistant","requestId":"`...)
		b = append(b, q.reqID...)
		b = append(b, `","message":{"id":"`...)
		b = append(b, q.msgID...)
		b = append(b, `","type":"message","role":"assistant","model":"`...)
		b = append(b, q.model...)
		b = append(b, `","content":[`...)
		switch (p + r.IntN(3)) % 3 {
		case 0:
			b = append(b, `{"type":"thinking","thinking":`...)
			b = appendJSONString(b, cut(r, int(lognormal(r, 600, 0.8))))
			b = append(b, `,"signature":"`...)
			b = append(b, fmt.Sprintf("%032x", r.Uint64())...)
			b = append(b, `"}`...)
		case 1:
			b = append(b, `{"type":"text","text":`...)
			b = appendJSONString(b, cut(r, int(lognormal(r, 500, 0.9))))
			b = append(b, '}')
		default:
			b = append(b, `{"type":"tool_use","id":"toolu_`...)
			b = append(b, fmt.Sprintf("%016x", r.Uint64())...)
			b = append(b, `","name":"Bash","input":{"command":`...)
			b = appendJSONString(b, cut(r, 80))
			b = append(b, `,"description":`...)
			b = appendJSONString(b, cut(r, 40))
			b = append(b, `}}`...)
		}
		b = append(b, `],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":`...)
		b = appendInt(b, q.in)
		b = append(b, `,"cache_creation_input_tokens":`...)
		b = appendInt(b, q.write)
		b = append(b, `,"cache_read_input_tokens":`...)
		b = appendInt(b, q.read)
		if r.IntN(2) == 0 || q.w1h > 0 {
			b = append(b, `,"cache_creation":{"ephemeral_5m_input_tokens":`...)
			b = appendInt(b, q.write-q.w1h)
			b = append(b, `,"ephemeral_1h_input_tokens":`...)
			b = appendInt(b, q.w1h)
			b = append(b, '}')
		}
		b = append(b, `,"output_tokens":`...)
		b = appendInt(b, out)
		b = append(b, `,"service_tier":"standard"}}}`...)
		w.f.line(b)
		w.g.buf = b
	}
}

// progress writes q wrapped in an agent-progress line.
func (w *claudeWriter) progress(q request) {
	r := w.g.r
	b := append(w.g.buf[:0], `{"parentUuid":"`...)
	b = append(b, uuid(r)...)
	b = append(b, `","isSidechain":false,"userType":"external","cwd":`...)
	b = appendJSONString(b, w.cwd)
	b = append(b, `,"sessionId":"`...)
	b = append(b, w.sid...)
	b = append(b, `","version":"`...)
	b = append(b, w.version...)
	b = append(b, `","type":"progress","data":{"type":"agent_progress","message":{"type":"assistant","timestamp":"`...)
	b = append(b, ts(q.at)...)
	b = append(b, `","requestId":"`...)
	b = append(b, q.reqID...)
	b = append(b, `","isSidechain":true,"message":{"id":"`...)
	b = append(b, q.msgID...)
	b = append(b, `","model":"`...)
	b = append(b, q.model...)
	b = append(b, `","content":[{"type":"text","text":`...)
	b = appendJSONString(b, cut(r, 200))
	b = append(b, `}],"usage":{"input_tokens":`...)
	b = appendInt(b, q.in)
	b = append(b, `,"cache_creation_input_tokens":`...)
	b = appendInt(b, q.write)
	b = append(b, `,"cache_read_input_tokens":`...)
	b = appendInt(b, q.read)
	b = append(b, `,"output_tokens":`...)
	b = appendInt(b, q.out)
	b = append(b, `}}}},"uuid":"`...)
	b = append(b, uuid(r)...)
	b = append(b, `","timestamp":"`...)
	b = append(b, ts(q.at)...)
	b = append(b, `"}`...)
	w.f.line(b)
	w.g.buf = b
}

func (w *claudeWriter) synthetic(at time.Time) {
	b := w.head(w.g.buf[:0], w.side, at)
	b = append(b, `,"type":"assistant","message":{"id":"`...)
	b = append(b, uuid(w.g.r)...)
	b = append(b, `","type":"message","role":"assistant","model":"<synthetic>","content":[{"type":"text","text":"No response requested."}],"usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}`...)
	w.f.line(b)
	w.g.buf = b
	w.g.tot.count("<synthetic>", 0, 0, 0, 0, 0, 0)
}
