package usage

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tokenomics/tokenomics/model"
)

// Rule groups tasks into classes. A task is the requests of one session on
// one model. In this order:
//
//   - long-context: its largest prompt (input + cache read + cache write of
//     one request) reached LongContext tokens, or crossed the long-context
//     price threshold of its model when that is lower;
//   - agentic: otherwise, it made AgenticTurns requests or more (tool loops,
//     multi-step reasoning);
//   - short: the rest.
type Rule struct {
	LongContext  float64
	AgenticTurns int
}

// DefaultRule is the grouping the command line starts from.
var DefaultRule = Rule{LongContext: 100000, AgenticTurns: 5}

// Group names, in the order classes are listed.
const (
	GroupShort   = "short"
	GroupAgentic = "agentic"
	GroupLong    = "long-context"
)

var groupTitle = map[string]string{GroupShort: "Short tasks", GroupAgentic: "Agentic tasks", GroupLong: "Long-context tasks"}

// ClassFit is one class of the derived workload and what it stands for.
type ClassFit struct {
	Class    model.Class
	Group    string
	Model    string   // catalog id of the model the logs used; "" when the catalog lacks it
	Names    []string // the logs' names of that model
	Tasks    int      // tasks (session × model) in the logs
	Requests int64
	Tokens   Tokens
	Priced   bool
	LogsCost float64 // API cost of the class's requests, request by request
	WorkCost float64 // what the derived class costs for the same number of tasks
}

// Derived is a workload fitted to the logs.
type Derived struct {
	Workload   model.Workload
	Classes    []ClassFit
	ActiveDays int
	SpanDays   int
	// The check: the derived workload priced by model.Evaluate on the models
	// the logs used (quote "api:<id>" per class) against the logs' own API
	// cost, over the classes with a priced model, for the same tasks.
	Checked  bool
	LogsCost float64
	WorkCost float64
	Error    float64 // |WorkCost − LogsCost| / LogsCost
	Notes    []Note
}

// ErrNoRecords is returned by Derive when the logs hold no request.
var ErrNoRecords = errors.New("the logs hold no usage record to derive a workload from")

// task is the requests of one session on one model.
type task struct {
	n           int64
	tok         Tokens
	first       int64 // time of the first request
	firstPrompt float64
	maxPrompt   float64
	above       float64 // prompt tokens of the requests above the model's long-context threshold
	cost        float64
}

// classAgg sums the tasks of one class.
type classAgg struct {
	group    string
	tasks    []*task
	key      int // model key index
	n        int
	reqs     int64
	tok      Tokens
	sumFirst float64
	sumMax   float64
	cost     float64
}

// Derive fits a workload to the logs. Each task goes to a class by rule,
// per model, and each class's fields are fitted so that its tasks cost on
// that model what the logs' requests cost:
//
//   - count: tasks per day over the active days (per: day); days_per_month
//     is the active days per 30.44 days of the logs' span (at least a week
//     of logs, else the default 22), hours_per_day the mean number of clock
//     hours with a request per active day;
//   - turns T: requests per task, rounded (1 to 1000);
//   - output O and reasoning R per turn: the class's output and reasoning
//     over its T·tasks turns, so output tokens sum exactly;
//   - input: the mean prompt per turn M = prompt tokens / (T·tasks) is kept
//     exactly. The first input I is the tasks' mean first prompt, raised if
//     needed so that the last turn's prompt, 2M − I, stays within the mean
//     largest prompt of the tasks and the model's context window; the
//     prompt grows by G = 2(M − I)/(T − 1) a turn, which is O plus the
//     follow-up F. When G is smaller than O (thinking and compaction drop
//     output from later prompts), F is 0 and the output not carried
//     forward, O − G, is given as reasoning: billed the same, not re-read;
//   - cache hit: the share h that bills the prompts on the model as the
//     logs were billed (model.EquivalentCacheHit); the plain share of cache
//     reads for a model the catalog lacks;
//   - on a model with a long-context tier, I is then searched (as far as
//     the context window allows) for the trajectory whose turns above the
//     threshold cost what the logs' did; a class still more than 1% off is
//     split, by the share of each task's prompt tokens above the tier, into
//     numbered parts fitted alike (fitTiered); a part still more than 0.5%
//     off has its cache hit solved for the logs' cost, and as a last resort
//     fewer, larger turns (refineCacheHit);
//   - min_tier: the tier of the model the logs used (small when unknown).
//
// The check prices the workload with model.Evaluate and compares, class by
// class on its model, with the logs' cost.
func (l *Log) Derive(cat *model.Catalog, rule Rule) (Derived, error) {
	var d Derived
	if rule.LongContext <= 0 {
		rule.LongContext = DefaultRule.LongContext
	}
	if rule.AgenticTurns <= 0 {
		rule.AgenticTurns = DefaultRule.AgenticTurns
	}
	keys := l.modelKeys(cat)
	tasks, act := l.tasks(keys)
	if len(tasks) == 0 {
		return d, ErrNoRecords
	}
	d.ActiveDays = len(act.days)
	d.SpanDays = int(act.lastDay-act.firstDay) + 1
	list, keyCost := classify(tasks, keys, rule)
	used := map[int]bool{}
	for _, a := range list {
		used[a.key] = true
	}
	usedKeys := len(used)

	w := model.NewWorkload("")
	w.DaysPerMonth, w.HoursPerDay = workDays(d.ActiveDays, d.SpanDays), workHours(len(act.hours), d.ActiveDays)
	n := d.fitClasses(&w, list, keys, usedKeys)
	first, last := dayString(act.firstDay), dayString(act.lastDay)
	w.Name = fmt.Sprintf("%s logs %s to %s", l.Source, first, last)
	w.Description = fmt.Sprintf("Fitted to %d tasks of %s logs over %d active days (%s to %s)", len(tasks), l.Source.Title(), d.ActiveDays, first, last)
	d.toEnglishEquivalent(&w, cat)
	if err := w.Validate(); err != nil {
		return d, fmt.Errorf("derived workload: %w", err)
	}
	d.Workload = w
	if err := d.check(cat); err != nil {
		return d, err
	}
	d.notes(rule, keys.ids, keys.api, keyCost, usedKeys, n)
	return d, nil
}

// modelKeys are the models of a log as Derive groups them: the catalog id
// when the name maps to one, else the name.
type modelKeys struct {
	of    []int             // key of each model name of the log
	ids   []string          // each key's catalog id or name
	names [][]string        // each key's names in the log
	api   []*model.APIModel // each key's catalog model, nil when unknown
}

func (l *Log) modelKeys(cat *model.Catalog) modelKeys {
	k := modelKeys{of: make([]int, len(l.models))}
	for i, name := range l.models {
		id := name
		m := MatchModel(name, cat)
		var api *model.APIModel
		if m.ID != "" {
			id = m.ID
			api, _ = cat.Model(m.ID)
		} else if id == "" {
			id = "(no model named)"
		}
		j := slices.Index(k.ids, id)
		if j < 0 {
			j = len(k.ids)
			k.ids = append(k.ids, id)
			k.names = append(k.names, nil)
			k.api = append(k.api, api)
		}
		k.of[i] = j
		k.names[j] = append(k.names[j], name)
	}
	return k
}

// taskKey is a task: one session on one model key.
type taskKey struct {
	session uint32
	key     int
}

// activity is when the logs' requests were made: the days and clock hours
// with a request, and the first and last day.
type activity struct {
	days              map[int64]struct{}
	hours             map[int64]struct{}
	firstDay, lastDay int64
}

// tasks sums the requests of the log into tasks, pricing each request on
// its model, and notes the days and hours they were made in.
func (l *Log) tasks(keys modelKeys) (map[taskKey]*task, activity) {
	tasks := map[taskKey]*task{}
	act := activity{days: map[int64]struct{}{}, hours: map[int64]struct{}{}}
	// Records come in time order, so the next one is mostly of the same
	// hour and often of the same task: the maps are asked only on a change.
	var x *task
	var lastTask taskKey
	lastHour := int64(math.MinInt64)
	clock := localClock{loc: l.Location}
	for i := range l.recs {
		r := &l.recs[i]
		k := keys.of[r.model]
		hour := clock.hour(r.ts)
		day := floorDiv(hour, 24)
		if len(act.days) == 0 || day < act.firstDay {
			act.firstDay = day
		}
		if len(act.days) == 0 || day > act.lastDay {
			act.lastDay = day
		}
		if hour != lastHour {
			act.days[day] = struct{}{}
			act.hours[hour] = struct{}{}
			lastHour = hour
		}
		if tk := (taskKey{r.session, k}); x == nil || tk != lastTask {
			x = tasks[tk]
			if x == nil {
				x = &task{first: r.ts}
				tasks[tk] = x
			}
			lastTask = tk
		}
		t := tokensOf(r)
		u := t.modelUsage()
		x.n++
		x.tok.Add(t)
		p := u.Prompt()
		if r.ts < x.first || x.n == 1 {
			x.first, x.firstPrompt = r.ts, p
		}
		x.maxPrompt = max(x.maxPrompt, p)
		if m := keys.api[k]; m != nil {
			c, _ := model.RequestCost(m, u) // Summarize reports the estimates
			x.cost += c
			if m.LongContext != nil && p > m.LongContext.Threshold {
				x.above += p
			}
		}
	}
	return tasks, act
}

// classify puts each task in a class by rule, per model key, and orders the
// classes: models by API cost (then tokens), groups short, agentic, long.
// It returns the API cost of each key too.
func classify(tasks map[taskKey]*task, keys modelKeys, rule Rule) ([]*classAgg, []float64) {
	type ckey struct {
		group string
		key   int
	}
	aggs := map[ckey]*classAgg{}
	// Tasks in a fixed order, so the sums below come out the same every run.
	tkeys := slices.SortedFunc(maps.Keys(tasks), func(a, b taskKey) int {
		return cmp.Or(cmp.Compare(a.session, b.session), cmp.Compare(a.key, b.key))
	})
	for _, tk := range tkeys {
		x := tasks[tk]
		g := GroupShort
		long := rule.LongContext
		if m := keys.api[tk.key]; m != nil && m.LongContext != nil && m.LongContext.Threshold < long {
			long = m.LongContext.Threshold // keep the requests that cross a price tier together
		}
		switch {
		case x.maxPrompt > long || x.maxPrompt >= rule.LongContext:
			g = GroupLong
		case x.n >= int64(rule.AgenticTurns):
			g = GroupAgentic
		}
		a := aggs[ckey{g, tk.key}]
		if a == nil {
			a = &classAgg{group: g, key: tk.key}
			aggs[ckey{g, tk.key}] = a
		}
		a.add(x)
	}
	order := map[string]int{GroupShort: 0, GroupAgentic: 1, GroupLong: 2}
	list := slices.SortedFunc(maps.Values(aggs), func(a, b *classAgg) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(order[a.group], order[b.group]))
	})
	keyCost := make([]float64, len(keys.ids))
	keyTok := make([]int64, len(keys.ids))
	for _, a := range list {
		keyCost[a.key] += a.cost
		keyTok[a.key] += a.tok.Total()
	}
	slices.SortStableFunc(list, func(a, b *classAgg) int {
		if a.key != b.key {
			if c := cmp.Compare(keyCost[b.key], keyCost[a.key]); c != 0 {
				return c
			}
			if c := cmp.Compare(keyTok[b.key], keyTok[a.key]); c != 0 {
				return c
			}
			return cmp.Compare(keys.ids[a.key], keys.ids[b.key])
		}
		return cmp.Compare(order[a.group], order[b.group])
	})
	return list, keyCost
}

// classPart is what an imported class's name is made of: its group, its
// part (0 when the group is not split) and the model it ran on ("" when the
// logs used one model).
type classPart struct {
	group string
	part  int
	model string
}

// nameRunes is how much of a class name the app's workload pane shows at
// 120 columns: imported names must differ within it.
const nameRunes = 20

// groupWord is a group in a word, for names that lead with the model.
var groupWord = map[string]string{GroupShort: "short", GroupAgentic: "agentic", GroupLong: "long-context"}

// distinctNames renames the classes from w.Classes[first:] (made of parts,
// in order) when their names ("Short tasks · Claude Sonnet 4.5", "Short
// tasks · Claude Opus 4.1") read the same in their first nameRunes
// characters: the model goes first, less the words every model's name
// starts with ("Sonnet 4.5 short", "Opus 4.1 short"), and when even those
// collide, a number leads. Names only: nothing else of a class changes.
func (d *Derived) distinctNames(w *model.Workload, first int, parts []classPart) {
	cls := w.Classes[first:]
	if len(cls) != len(parts) || distinctPrefixes(cls, func(i int) string { return cls[i].Name }) {
		return
	}
	models := make([]string, len(parts))
	for i, p := range parts {
		models[i] = p.model
	}
	common := commonWords(models)
	compact := func(i int) string {
		p := parts[i]
		s := strings.TrimSpace(strings.TrimPrefix(p.model, common) + " " + groupWord[p.group])
		if p.part > 0 {
			s += fmt.Sprintf(" %d", p.part)
		}
		return s
	}
	name := compact
	if !distinctPrefixes(cls, compact) {
		name = func(i int) string { return fmt.Sprintf("%d. %s", i+1, compact(i)) }
	}
	names := make([]string, len(cls))
	for i := range cls {
		names[i] = name(i)
	}
	for i := range cls {
		cls[i].Name = names[i]
		d.Classes[len(d.Classes)-len(cls)+i].Class.Name = names[i]
	}
}

// distinctPrefixes: the names name(0) … name(len(cls)−1) differ within
// their first nameRunes characters.
func distinctPrefixes(cls []model.Class, name func(int) string) bool {
	seen := make(map[string]bool, len(cls))
	for i := range cls {
		r := []rune(name(i))
		k := string(r[:min(len(r), nameRunes)])
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// commonWords is the run of whole words (with the space after them) that
// every non-empty s starts with: "Claude " for Claude Sonnet 4.5 and Claude
// Opus 4.1; "" when they share none or there is only one name.
func commonWords(ss []string) string {
	var nonEmpty []string
	for _, s := range ss {
		if s != "" && !slices.Contains(nonEmpty, s) {
			nonEmpty = append(nonEmpty, s)
		}
	}
	if len(nonEmpty) < 2 {
		return ""
	}
	prefix := nonEmpty[0]
	for _, s := range nonEmpty[1:] {
		for !strings.HasPrefix(s, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	i := strings.LastIndexByte(prefix, ' ')
	if i < 0 {
		return ""
	}
	// Whole words only, and every name keeps two of its own ("Opus 4",
	// not "4").
	drop := strings.Fields(prefix[:i+1])
	for _, s := range nonEmpty {
		drop = drop[:max(min(len(drop), len(strings.Fields(s))-2), 0)]
	}
	if len(drop) == 0 {
		return ""
	}
	return strings.Join(drop, " ") + " "
}

// fitClasses fits each class (split into parts where fitTiered must) and
// adds it to w and to d's classes, named by group, part and, when the logs
// used more than one model, model.
func (d *Derived) fitClasses(w *model.Workload, list []*classAgg, keys modelKeys, usedKeys int) fitCounts {
	var n fitCounts
	first := len(w.Classes)
	var named []classPart
	defer func() { d.distinctNames(w, first, named) }()
	for _, a0 := range list {
		m := keys.api[a0.key]
		parts := fitTiered(a0, m, d.ActiveDays, 0)
		if len(parts) > 1 {
			n.split++
		}
		for pi, p := range parts {
			a, c := p.a, p.c
			n.add(&p)
			c.Via = model.ViaAgent // Claude Code and Codex are coding agents: not chat work
			c.Name = groupTitle[a.group]
			if len(parts) > 1 {
				c.Name += fmt.Sprintf(" %d", pi+1)
			}
			label := ""
			if usedKeys > 1 {
				label = keys.ids[a.key]
				if m != nil {
					label = m.Name
				}
				if clean := printableName(label); clean != label {
					n.unprintable = append(n.unprintable, label)
					label = clean
				}
				c.Name += " · " + label
			}
			// Names cleaned alike, or a model named like a split's part,
			// must not make two classes of one name.
			for k, base := 2, c.Name; slices.ContainsFunc(w.Classes, func(x model.Class) bool { return x.Name == c.Name }); k++ {
				c.Name = fmt.Sprintf("%s (%d)", base, k)
			}
			part := 0
			if len(parts) > 1 {
				part = pi + 1
			}
			named = append(named, classPart{group: a.group, part: part, model: label})
			w.Classes = append(w.Classes, c)
			d.Classes = append(d.Classes, ClassFit{Class: c, Group: a.group, Model: modelID(m), Names: keys.names[a.key], Tasks: a.n,
				Requests: a.reqs, Tokens: a.tok, Priced: m != nil, LogsCost: a.cost})
		}
	}
	return n
}

func modelID(m *model.APIModel) string {
	if m == nil {
		return ""
	}
	return m.ID
}

// workDays is active days per mean month of the logs' span; the default
// when the logs cover less than a week.
func workDays(active, span int) float64 {
	if span < 7 {
		return model.DefaultDaysPerMonth
	}
	return round1(min(max(float64(active)*30.4375/float64(span), 1), 31))
}

// workHours is the mean number of clock hours with a request per active day.
func workHours(hours, active int) float64 {
	if active == 0 {
		return model.DefaultHoursPerDay
	}
	return round1(min(max(float64(hours)/float64(active), 1), 24))
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func (a *classAgg) add(x *task) {
	a.tasks = append(a.tasks, x)
	a.n++
	a.reqs += x.n
	a.tok.Add(x.tok)
	a.sumFirst += x.firstPrompt
	a.sumMax += x.maxPrompt
	a.cost += x.cost
}

// fitted is one fitted class and what it stands for.
type fitted struct {
	a                        *classAgg
	c                        model.Class
	capped, shifted, refined bool
	fewerTurns               bool
}

// fitCounts counts the classes the fit had to bend, for the notes: turns
// capped, output shifted to reasoning, split by the long-context tier, cache
// hit refined, fewer turns.
type fitCounts struct {
	capped, shifted, split, refined, fewer int
	unprintable                            []string // model names from the logs that could not name a class as they were
}

// printableName is a model name from the logs as a class name may hold it
// (model.CheckClassName): one line of printable text. Spaces of every kind
// (U+00A0, U+2028…) become a plain space; invisible characters (a soft
// hyphen, a zero-width space, a byte-order mark, bidi controls and
// overrides, tags, private use) and controls are dropped. A logs' name is
// the logs' to choose: one odd character must not sink an import.
func printableName(s string) string {
	if model.CheckClassName(s) == nil {
		return s
	}
	clean := strings.Map(func(r rune) rune {
		switch {
		case strconv.IsPrint(r):
			return r
		case unicode.IsSpace(r):
			return ' '
		}
		return -1
	}, s)
	if strings.TrimSpace(clean) == "" {
		return "(unnamed model)"
	}
	return clean
}

// add counts one fitted class (split is counted per class before its parts).
func (n *fitCounts) add(p *fitted) {
	if p.capped {
		n.capped++
	}
	if p.shifted {
		n.shifted++
	}
	if p.refined {
		n.refined++
	}
	if p.fewerTurns {
		n.fewer++
	}
}

// fitTiered fits a class; on a model with a long-context tier, a class whose
// fitted cost still misses the logs' by more than 1% mixes tasks that cross
// the tier a little and a lot, which one linear trajectory cannot show: its
// tasks are sorted by the share of their prompt tokens above the threshold
// and split in two halves of equal cost, each fitted again (up to 8 parts).
// A task stays whole: every part is a set of sessions.
func fitTiered(a *classAgg, m *model.APIModel, activeDays, depth int) []fitted {
	c, capped, shifted := fitClass(a, m, activeDays, 0)
	leaf := func() []fitted {
		n := float64(a.n)
		refined := refineCacheHit(&c, m, n, a.cost)
		turns := c.Turns
		miss := func(c *model.Class) float64 { return math.Abs(n*model.TaskCost(c, m, 1) - a.cost) }
		if refined && m.LongContext != nil && miss(&c) > 0.01*a.cost {
			// Still off: prompts that reach the tier in the logs stay under
			// it in every trajectory of T turns. Fewer, larger turns reach
			// it; take the most turns that carry the cost.
			best, bestMiss := c, miss(&c)
			for T := c.Turns - 1; T >= 1; T-- {
				t, _, sh := fitClass(a, m, activeDays, T)
				refineCacheHit(&t, m, n, a.cost)
				if e := miss(&t); e < bestMiss {
					best, bestMiss, shifted = t, e, sh
				}
				if bestMiss <= 0.005*a.cost {
					break
				}
			}
			c = best
		}
		return []fitted{{a, c, capped, shifted, refined, c.Turns < turns}}
	}
	if m == nil || m.LongContext == nil || a.cost <= 0 || len(a.tasks) < 2 || depth >= 3 {
		return leaf()
	}
	if math.Abs(float64(a.n)*model.TaskCost(&c, m, 1)-a.cost) <= 0.01*a.cost {
		return leaf()
	}
	ts := slices.Clone(a.tasks)
	share := func(x *task) float64 { return x.above / max(x.tok.modelUsage().Prompt(), 1) }
	slices.SortStableFunc(ts, func(x, y *task) int {
		if c := cmp.Compare(share(x), share(y)); c != 0 {
			return c
		}
		return cmp.Compare(x.maxPrompt, y.maxPrompt)
	})
	lo, hi := &classAgg{group: a.group, key: a.key}, &classAgg{group: a.group, key: a.key}
	for _, x := range ts {
		if lo.cost+x.cost <= a.cost/2 || lo.n == 0 {
			lo.add(x)
		} else {
			hi.add(x)
		}
	}
	if hi.n == 0 {
		return leaf()
	}
	return append(fitTiered(lo, m, activeDays, depth+1), fitTiered(hi, m, activeDays, depth+1)...)
}

// refineCacheHit is the fit's last resort for a class whose cost still
// misses the logs' by more than 0.5% (a long-context tier crossed in ways a
// linear trajectory cannot show): the cost of a task is linear in h for h
// in (0, 1] with the trajectory fixed, so h is solved for the logs' cost
// (to 4 decimals, within [0.0001, 1], or 0 when that is closer). It reports
// whether h changed.
func refineCacheHit(c *model.Class, m *model.APIModel, n, target float64) bool {
	if m == nil || target <= 0 {
		return false
	}
	cost := func(h float64) float64 {
		c.CacheHit = h
		return n * model.TaskCost(c, m, 1)
	}
	orig := c.CacheHit
	best, bestErr := orig, math.Abs(cost(orig)-target)
	if bestErr <= 0.005*target {
		c.CacheHit = orig
		return false
	}
	const least = 1e-4
	if lo, hi := cost(least), cost(1); hi != lo {
		h := least + (target-lo)/(hi-lo)*(1-least)
		h = min(max(math.Round(h*1e4)/1e4, least), 1)
		if e := math.Abs(cost(h) - target); e < bestErr {
			best, bestErr = h, e
		}
	}
	if e := math.Abs(cost(0) - target); e < bestErr {
		best = 0
	}
	c.CacheHit = best
	return best != orig
}

// fitClass fits one class's fields (see Derive).
func fitClass(a *classAgg, m *model.APIModel, activeDays, turnsOverride int) (c model.Class, capped, shifted bool) {
	c = model.NewClass("")
	n := float64(a.n)
	T := int(math.Round(float64(a.reqs) / n))
	capped = T > 1000
	T = min(max(T, 1), 1000)
	if turnsOverride > 0 {
		T = turnsOverride
	}
	turns := n * float64(T)
	u := a.tok.modelUsage()
	M := u.Prompt() / turns
	O := u.Output / turns
	R := u.Reasoning / turns
	// When T rounds the requests per task down (up), each modelled turn
	// stands for more (fewer) requests: prompts scale alike.
	scale := float64(a.reqs) / turns
	first := a.sumFirst / n * scale
	peak := max(a.sumMax/n*scale, M)
	if m != nil && m.ContextWindow > 0 {
		peak = max(min(peak, m.ContextWindow-(O+R)), M)
	}
	lo := max(0, 2*M-peak)
	c.Turns = T
	c.Count = sig4(n / float64(activeDays))
	c.Per = model.PerDay
	if m != nil {
		c.MinTier = m.Tier
		c.CacheHit = math.Round(model.EquivalentCacheHit(m, u)*1e4) / 1e4
		if c.CacheHit == 0 && u.CacheWrite > 0 && m.CacheWrite != nil {
			c.CacheHit = 1e-4 // the least h above 0: cache writes bill at the write rate
		}
	} else if p := u.Prompt(); p > 0 {
		c.CacheHit = math.Round(u.CacheRead/p*1e4) / 1e4
	}
	set := func(I float64) bool {
		I = min(max(I, lo), M)
		o, r, f := O, R, 0.0
		if T > 1 {
			g := 2 * (M - I) / float64(T-1)
			if g >= O {
				f = g - O
			} else {
				o, r = g, R+(O-g)
			}
		} else {
			I = M
		}
		c.InputTokens, c.OutputTokens, c.ReasoningTokens, c.FollowupTokens = math.Round(I), math.Round(o), math.Round(r), math.Round(f)
		return o < O-0.5
	}
	shifted = set(first)
	if m == nil || m.LongContext == nil || a.cost <= 0 || T == 1 {
		return c, capped, shifted
	}
	// Long-context tier: search the first input for the trajectory that
	// costs what the logs did, as far as the context window allows.
	cost := func() float64 { return n * model.TaskCost(&c, m, 1) }
	if math.Abs(cost()-a.cost) <= 0.005*a.cost {
		return c, capped, shifted
	}
	lo = max(0, 2*M-max(m.ContextWindow-(O+R), M))
	bestI, bestErr := first, math.Inf(1)
	const steps = 400
	for s := 0; s <= steps; s++ {
		I := lo + (M-lo)*float64(s)/steps
		set(I)
		e := math.Abs(cost() - a.cost)
		if e < bestErr-1e-12 || e <= bestErr+1e-12 && math.Abs(I-first) < math.Abs(bestI-first) {
			bestI, bestErr = I, e
		}
	}
	shifted = set(bestI)
	return c, capped, shifted
}

// sig4 rounds to 4 significant digits.
func sig4(v float64) float64 {
	if v == 0 {
		return 0
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// toEnglishEquivalent turns each priced class's tokens from its model's
// tokenizer, in which the logs count them, into the workload's unit, o200k
// English: a tokenizer whose English factor is λ counts λ tokens for one.
// Reasoning tokens are the model's own and stay.
func (d *Derived) toEnglishEquivalent(w *model.Workload, cat *model.Catalog) {
	for ci := range d.Classes {
		m, ok := cat.Model(d.Classes[ci].Model)
		if !ok {
			continue
		}
		lam := cat.Lambda(m.Tokenizer, model.DefaultLanguage).Value
		if lam == 1 {
			continue
		}
		c := &w.Classes[ci]
		c.InputTokens, c.OutputTokens, c.FollowupTokens = math.Round(c.InputTokens/lam), math.Round(c.OutputTokens/lam), math.Round(c.FollowupTokens/lam)
		d.Classes[ci].Class = *c
	}
}

// check prices the workload with model.Evaluate and compares each priced
// class, on its model, with the logs' cost for the same tasks.
func (d *Derived) check(cat *model.Catalog) error {
	res, err := model.Evaluate(d.Workload, cat)
	if err != nil {
		return fmt.Errorf("derived workload: %w", err)
	}
	w := &d.Workload
	for ci := range d.Classes {
		cf := &d.Classes[ci]
		if !cf.Priced {
			continue
		}
		c := &w.Classes[ci]
		// The class's tasks in the logs: count × active days.
		tasks := c.Count * float64(d.ActiveDays)
		if q, ok := res.Find("api:" + cf.Model); ok {
			perTask := 0.0
			if t := q.Classes[ci].Tasks; t > 0 {
				perTask = q.Classes[ci].Cost / t
			}
			cf.WorkCost = perTask * tasks
		} else { // a retired model is no option: price it the same way directly
			m, _ := cat.Model(cf.Model)
			cf.WorkCost = model.TaskCost(c, m, cat.Lambda(m.Tokenizer, w.Language).Value) * tasks
		}
		d.Checked = true
		d.LogsCost += cf.LogsCost
		d.WorkCost += cf.WorkCost
	}
	if d.Checked && d.LogsCost > 0 {
		d.Error = math.Abs(d.WorkCost-d.LogsCost) / d.LogsCost
	} else {
		d.Checked = false
	}
	return nil
}

func (d *Derived) notes(rule Rule, keys []string, keyModel []*model.APIModel, keyCost []float64, usedKeys int, n fitCounts) {
	add := func(k NoteKind, count int) {
		if count > 0 {
			d.Notes = append(d.Notes, Note{Kind: k, N: int64(count)})
		}
	}
	d.Notes = append(d.Notes, Note{Kind: NoteTaskRule, Tokens: rule.LongContext, N: int64(rule.AgenticTurns)})
	if usedKeys > 1 {
		total := 0.0
		for _, c := range keyCost {
			total += c
		}
		note := Note{Kind: NoteModels, N: int64(usedKeys)}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(keyCost[b], keyCost[a]) })
		for _, i := range idx {
			if keyModel[i] == nil || total <= 0 {
				continue
			}
			note.Shares = append(note.Shares, Share{keys[i], keyCost[i] / total})
		}
		d.Notes = append(d.Notes, note)
	}
	var unpriced []string
	for i, k := range keys {
		if keyModel[i] == nil {
			unpriced = append(unpriced, printableName(k))
		}
	}
	if len(unpriced) > 0 {
		d.Notes = append(d.Notes, Note{Kind: NoteUnpricedClasses, Names: unpriced})
	}
	if d.SpanDays < 7 {
		d.Notes = append(d.Notes, Note{Kind: NoteShortSpan, Span: d.SpanDays, DaysPerMonth: d.Workload.DaysPerMonth})
	} else {
		d.Notes = append(d.Notes, Note{Kind: NoteDays, DaysPerMonth: d.Workload.DaysPerMonth, Active: d.ActiveDays, Span: d.SpanDays,
			HoursPerDay: d.Workload.HoursPerDay})
	}
	d.Notes = append(d.Notes, Note{Kind: NoteMinTier})
	if len(n.unprintable) > 0 {
		d.Notes = append(d.Notes, Note{Kind: NoteUnprintable, Names: n.unprintable})
	}
	add(NoteShifted, n.shifted)
	add(NoteSplit, n.split)
	add(NoteRefined, n.refined)
	add(NoteFewer, n.fewer)
	add(NoteCapped, n.capped)
}
