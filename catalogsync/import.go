// Package catalogsync keeps a catalog in step with the providers' price
// lists: it reads other price files (LiteLLM's, OpenRouter's) into API model
// entries for an overlay, and lists what differs between two catalogs.
package catalogsync

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

// Imports of other price files (LiteLLM's model_prices_and_context_window.json,
// OpenRouter's models API) turn their entries into API model entries for the
// overlay. Both go through importRecords, which decides, for each entry,
// whether it updates a model of the catalog, is added, or is left alone.
//
// Matching: an entry matches a catalog model when both have the same
// provider (the file's provider mapped to ours: gemini → google, x-ai → xai,
// mistralai → mistral …) and the same id after normalization: the
// provider's own prefix is dropped from the key (gemini/gemini-3.6-flash →
// gemini-3.6-flash), letters are lower-cased, and '.' and '_' read as '-'
// (mistral-medium-3-5 matches mistral-medium-3.5). Resellers (azure,
// bedrock, vertex_ai, openrouter …) keep their own provider name, so they
// never overwrite a first-party entry. When several keys match one model,
// the shortest key without a problem wins (claude-opus-4-8 over
// anthropic/claude-opus-4-8).

// ImportOptions say how an import treats the catalog.
type ImportOptions struct {
	Name   string   // the file name or URL, for errors
	Source string   // the source of every entry written, like "litellm prices.json"
	AsOf   string   // the date of the file's prices, YYYY-MM-DD
	Today  string   // YYYY-MM-DD, for deprecation dates
	Add    []string // providers (ours or the file's) or ids to add beyond the catalog's models
	Force  bool     // also replace catalog entries dated after the file

	addAll bool // tests and fuzzing: add every entry
}

// Imported is one API model an import adds or updates.
type Imported struct {
	Key     string          // the entry's key (or id) in the file
	Action  string          // "added" or "updated"
	Model   model.APIModel  // the entry to write
	Changes []plans.Change  // its dated changes still to come after the file's date
	Was     *model.APIModel // the catalog's entry before, nil when added
}

// Skip is an entry an import left alone, and why: a kind and its values,
// which report words.
type Skip struct {
	Key, ID string
	Why     SkipKind
	// Problem is what is wrong with the file's entry (SkipProblem): the
	// reader's own message naming the field, as a file's errors are.
	Problem string
	Date    string // SkipRetired: the file's deprecation date; KeptNewer: the catalog entry's as_of
	AsOf    string // KeptNewer: the file's date
}

// SkipKind is why an import left an entry alone.
type SkipKind int

const (
	SkipProblem    SkipKind = iota // the file's entry cannot be read: Problem
	SkipNoProvider                 // no provider to file it under
	SkipNoID                       // nothing of its key makes an id
	SkipNoContext                  // no context window, which a catalog entry needs
	SkipRetired                    // deprecated on Date, which has passed
	SkipIDTaken                    // its ID, and the provider-prefixed one, are the catalog's already
	KeptNewer                      // the catalog's entry, of Date, is newer than the file's AsOf (without Force)
)

// ImportResult is what an import found.
type ImportResult struct {
	Format    string // "litellm" or "openrouter"
	Entries   int    // model entries in the file (LiteLLM's sample_spec is not one)
	Models    []Imported
	Unchanged []string // catalog ids whose figures the file repeats
	Kept      []Skip   // catalog entries dated after the file (without Force)
	Skipped   []Skip   // entries for the catalog that cannot be used
	Unmatched []string // Add names that matched no entry of the file
	Missing   []string // catalog ids the file has no entry for
}

// record is one chat-model entry of a price file, in our units (USD per
// 1M tokens), before it is matched against the catalog.
type record struct {
	key         string // as in the file
	rawProvider string // the file's provider name
	provider    string // ours
	maker       bool   // the provider makes the model (not a reseller)
	match       string // normalized id, for matching the catalog's
	id          string // the id an added entry gets
	name        string // the name an added entry gets

	input, output         float64
	cacheRead, cacheWrite *float64
	cacheWrite1h          *float64
	long                  *model.LongContext
	batch                 float64 // fraction off, 0 = none given
	context, maxOut       float64 // 0 = not given
	retires               string  // deprecation or expiration date
	preview               bool
	cite                  string // where the file says the prices are from

	problem string // why the entry cannot be used, "" when it can
}

// newRecord starts the record of the file's entry key: slug is the model's
// part of key and rawProvider the file's provider or maker, which known maps
// to a catalog provider; an unknown one is made an id, and "all", reserved,
// becomes source-all. known reports whether rawProvider was known.
func newRecord(source, key, slug, rawProvider string, known map[string]string) (r record, isKnown bool) {
	r = record{key: cleanText(key, 200), rawProvider: rawProvider, provider: known[rawProvider]}
	isKnown = r.provider != ""
	if !isKnown {
		r.provider = sanitizeID(rawProvider)
	}
	if r.provider == "all" {
		r.provider = source + "-all"
	}
	r.match, r.id = normalizeID(slug), sanitizeID(slug)
	r.preview = strings.Contains(strings.ToLower(key), "preview")
	return r, isKnown
}

// inputOutput sets the input and output prices, which every entry must
// give: a missing one fails the record, naming its field.
func (r *record) inputOutput(inField string, in float64, okIn bool, outField string, out float64, okOut bool) {
	switch {
	case !okIn:
		r.fail("no %s", inField)
	case !okOut:
		r.fail("no %s", outField)
	}
	r.input, r.output = r.price(inField, in), r.price(outField, out)
}

// rates are the record's prices, in a copy of their own.
func (r *record) rates() model.Rates {
	return model.Rates{Input: r.input, Output: r.output, CacheRead: r.cacheRead, CacheWrite: r.cacheWrite, CacheWrite1h: r.cacheWrite1h}.Clone()
}

func (r *record) fail(format string, args ...any) {
	if r.problem == "" {
		r.problem = fmt.Sprintf(format, args...)
	}
}

// errorf builds a *plans.Error at a place of the file, as the catalog's
// readers do, so that the command line reports both alike.
func errorf(file string, line, col int, field, format string, args ...any) error {
	return &plans.Error{File: file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// fmtG writes v in the fewest digits that read back as v.
func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

var formatTitle = map[string]string{"litellm": "LiteLLM", "openrouter": "OpenRouter"}

// normalizeID is the form ids are matched in.
func normalizeID(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.', '_':
			return '-'
		}
		return r
	}, strings.ToLower(s))
}

// sanitizeID makes an id of the catalog's syntax out of s: lower case,
// runs of other characters turned into '-', at most 64 bytes; "" when
// nothing is left.
func sanitizeID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_':
			if r == '.' || r == '_' {
				if b.Len() == 0 {
					continue
				}
			}
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 64 {
			break
		}
	}
	out := b.String()
	if len(out) > 64 {
		out = out[:64]
	}
	out = strings.TrimRight(out, "-._")
	if !plans.IsID(out) {
		return ""
	}
	return out
}

// cleanText keeps the printable part of s on one line, at most n runes.
func cleanText(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || !strconv.IsPrint(r) }), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}

// perMillion turns a per-token price into USD per 1M tokens, rounded to 12
// significant digits so that 3e-06 reads as 3, not 2.9999999999999996.
func perMillion(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v*1e6, 'g', 12, 64), 64)
	return r
}

// price checks a per-token price and converts it; field names it in problems.
func (r *record) price(field string, v float64) float64 {
	p := perMillion(v)
	if msg := plans.CheckPrice(p); msg != "" {
		r.fail("%s: the price per 1M tokens %s", field, msg)
		return 0
	}
	return p
}

// tokens checks a token count (context window, threshold, max output).
func (r *record) tokens(field string, v float64) float64 {
	if msg := plans.CheckTokens(v); msg != "" {
		r.fail("%s: %s", field, msg)
		return 0
	}
	return v
}

// optPrice is a cache price: a zero one on a paid model means "no such
// price" in these files (DeepSeek's cache_creation_input_token_cost: 0.0),
// and a zero write price would bill every uncached input token at nothing.
func (r *record) optPrice(field string, v float64, given bool) *float64 {
	if !given {
		return nil
	}
	p := r.price(field, v)
	if p == 0 && r.input > 0 {
		return nil
	}
	return &p
}

// batchDiscount is the fraction off that batch prices bi and bo (per 1M)
// give on input and output, when both say the same; 0 otherwise.
func batchDiscount(input, output, bi, bo float64) float64 {
	if input <= 0 || output <= 0 {
		return 0
	}
	di, do := 1-bi/input, 1-bo/output
	if d := di - do; d > 1e-6 || d < -1e-6 {
		return 0
	}
	d, _ := strconv.ParseFloat(strconv.FormatFloat(di, 'f', 6, 64), 64)
	if plans.CheckDiscount(d) != "" || d == 0 {
		return 0
	}
	return d
}

// rawKind names a JSON value's type for problems.
func rawKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

func isNullJSON(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null"
}

// jsonNumber reads a JSON number; given is false for absent or null.
func (r *record) jsonNumber(e map[string]json.RawMessage, field string) (v float64, given bool) {
	raw, ok := e[field]
	if !ok || isNullJSON(raw) {
		return 0, false
	}
	if rawKind(raw) != "a number" {
		r.fail("%s: expected a number, got %s", field, rawKind(raw))
		return 0, false
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		r.fail("%s: %s is not a number we can use", field, cleanText(string(raw), 30))
		return 0, false
	}
	return v, true
}

// jsonText reads a JSON string; given is false for absent or null.
func jsonText(e map[string]json.RawMessage, field string) (s string, given bool, kind string) {
	raw, ok := e[field]
	if !ok || isNullJSON(raw) {
		return "", false, ""
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, rawKind(raw)
	}
	return s, true, ""
}

// jsonError places a JSON error of the file at its line and column.
func jsonError(name string, data []byte, err error, what string) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off, msg := int64(0), err.Error()
	switch {
	case errors.As(err, &se):
		off, msg = se.Offset, "not valid JSON: "+se.Error()
		if strings.HasPrefix(se.Error(), "invalid character") {
			off-- // the offset counts the bad character itself
		}
	case errors.As(err, &te):
		// Only the top-level value is decoded with a type.
		off, msg = valueStart(data), fmt.Sprintf("expected %s, got a JSON %s", what, te.Value)
	}
	line, col := position(data, off)
	return errorf(name, line, col, "", "%s", msg)
}

// nullError is the error of a file whose value is null where what was
// expected, placed at the null.
func nullError(name string, data []byte, what string) error {
	line, col := position(data, valueStart(data))
	return errorf(name, line, col, "", "expected %s, got null", what)
}

// valueStart is the offset of data's top-level value: its first byte that
// is not a space.
func valueStart(data []byte) int64 { return int64(len(data) - len(bytes.TrimLeft(data, " \t\r\n"))) }

// duplicateKey finds a key given twice in one object of data (valid JSON),
// which encoding/json would settle silently by keeping the last: a price
// file that says two things of one model is not one to guess from. It walks
// the bytes itself, five times faster than encoding/json's tokenizer.
func duplicateKey(name string, data []byte) error {
	var stack []map[string]bool // one per open object or array (nil)
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			stack = append(stack, map[string]bool{})
		case '[':
			stack = append(stack, nil)
		case '}', ']':
			stack = stack[:len(stack)-1]
		case '"':
			start := i
			for i++; data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			keys := stack[len(stack)-1]
			if keys == nil {
				continue // in an array: a value
			}
			j := i + 1
			for j < len(data) && strings.IndexByte(" \t\r\n", data[j]) >= 0 {
				j++
			}
			if j == len(data) || data[j] != ':' {
				continue // a value
			}
			k := string(data[start+1 : i])
			if bytes.IndexByte(data[start:i], '\\') >= 0 {
				if err := json.Unmarshal(data[start:i+1], &k); err != nil {
					return nil // not valid JSON: json.Unmarshal says where
				}
			}
			if keys[k] {
				line, col := position(data, int64(start))
				return errorf(name, line, col, "", "key %q is given twice in one object: which one holds is unclear", k)
			}
			keys[k] = true
		}
	}
	return nil
}

// position is the line and column (in characters) of byte off of data.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else if c&0xC0 != 0x80 {
			col++
		}
	}
	return line, col
}

// preferKey says whether key a is a better source for a model than key b.
func preferKey(a, b *record) bool {
	if (a.problem == "") != (b.problem == "") {
		return a.problem == ""
	}
	if sa, sb := strings.Count(a.key, "/"), strings.Count(b.key, "/"); sa != sb {
		return sa < sb
	}
	if len(a.key) != len(b.key) {
		return len(a.key) < len(b.key)
	}
	return a.key < b.key
}

// importRecords matches the records against the catalog and builds the
// entries to write.
func importRecords(cur *plans.Catalog, format string, entries int, recs []record, opt ImportOptions) (*ImportResult, error) {
	if !plans.IsDate(opt.AsOf) {
		return nil, fmt.Errorf("import: the date of the prices %q is not a date like 2026-11-27", opt.AsOf)
	}
	if opt.Today == "" {
		opt.Today = opt.AsOf
	}
	res := &ImportResult{Format: format, Entries: entries}
	byMatch := make(map[string]int, len(cur.Models))
	taken := make(map[string]bool, len(cur.Models))
	for i := range cur.Models {
		m := &cur.Models[i]
		k := m.Provider + "\x00" + normalizeID(m.ID)
		if _, dup := byMatch[k]; !dup {
			byMatch[k] = i
		}
		taken[m.ID] = true
	}
	adds := map[string]bool{}
	for _, a := range opt.Add {
		if a = normalizeID(strings.TrimSpace(a)); a != "" {
			adds[a] = false
		}
	}
	// A name in Add is a provider (ours or the file's), a whole key, or an
	// id; an id adds the maker's entry only, not every reseller's.
	asked := func(r *record) bool {
		names := []string{normalizeID(r.provider), normalizeID(r.rawProvider), normalizeID(r.key)}
		if r.maker {
			names = append(names, r.match, normalizeID(r.id))
		}
		hit := false
		for _, k := range names {
			if _, ok := adds[k]; ok && k != "" {
				adds[k], hit = true, true
			}
		}
		return hit
	}
	// One record per provider and id: the best key.
	best := map[string]int{}
	var order []string
	for i := range recs {
		r := &recs[i]
		k := r.provider + "\x00" + r.match
		if j, ok := best[k]; ok {
			if preferKey(r, &recs[j]) {
				best[k] = i
			}
			continue
		}
		best[k] = i
		order = append(order, k)
	}
	// Makers first, so that an added entry of a reseller is the one that
	// gets a prefixed id when both are added.
	slices.SortStableFunc(order, func(a, b string) int {
		ma, mb := recs[best[a]].maker, recs[best[b]].maker
		switch {
		case ma == mb:
			return 0
		case ma:
			return -1
		}
		return 1
	})
	title := formatTitle[format]
	for _, k := range order {
		r := &recs[best[k]]
		wanted := asked(r) || opt.addAll
		if mi, ok := byMatch[k]; ok {
			res.update(cur, &cur.Models[mi], r, title, opt)
			continue
		}
		if wanted {
			res.add(cur, r, title, taken, opt)
		}
	}
	for _, a := range opt.Add {
		if hit, ok := adds[normalizeID(strings.TrimSpace(a))]; ok && !hit && !slices.Contains(res.Unmatched, a) {
			res.Unmatched = append(res.Unmatched, a)
		}
	}
	for _, m := range cur.Models {
		if _, ok := best[m.Provider+"\x00"+normalizeID(m.ID)]; !ok {
			res.Missing = append(res.Missing, m.ID)
		}
	}
	slices.Sort(res.Missing)
	slices.SortFunc(res.Models, func(a, b Imported) int { return strings.Compare(a.Model.ID, b.Model.ID) })
	return res, nil
}

// figures are what an import compares to tell an update from a repeat.
type figures struct {
	rates           model.Rates
	batch           float64
	long            *model.LongContext
	context, maxOut float64
	status          string
	changes         int
}

func figuresOf(m *model.APIModel, changes int) figures {
	return figures{m.Rates, m.BatchDiscount, m.LongContext, m.ContextWindow, m.MaxOutput, m.Status, changes}
}

// changesOf are the dated changes of model id in c after date.
func changesOf(c *plans.Catalog, id, after string) []plans.Change {
	var out []plans.Change
	for _, ch := range c.Changes {
		if ch.ModelID == id && ch.Date > after {
			ch.Applied = false
			out = append(out, ch)
		}
	}
	return out
}

func (res *ImportResult) update(cur *plans.Catalog, m *model.APIModel, r *record, title string, opt ImportOptions) {
	if r.problem != "" {
		res.Skipped = append(res.Skipped, Skip{Key: r.key, ID: m.ID, Why: SkipProblem, Problem: r.problem})
		return
	}
	n, got := m.Clone(), r.rates()
	n.Input, n.Output = got.Input, got.Output
	if got.CacheRead != nil {
		n.CacheRead = got.CacheRead
	}
	if got.CacheWrite != nil {
		n.CacheWrite = got.CacheWrite
	}
	if got.CacheWrite1h != nil {
		n.CacheWrite1h = got.CacheWrite1h
	}
	if r.long != nil {
		n.LongContext = r.long.Clone()
	}
	if r.batch > 0 {
		n.BatchDiscount = r.batch
	}
	// The catalog's window counts input and output together. One between
	// the file's input limit and that plus its output limit already agrees
	// with the file (OpenAI's 400K window is 272K in + 128K out).
	if r.context > 0 && (n.ContextWindow < r.context || n.ContextWindow > r.context+r.maxOut) {
		n.ContextWindow = r.context
	}
	if r.maxOut > 0 {
		n.MaxOutput = r.maxOut
	}
	n.Status = retire(n.Status, r.retires, opt.Today)
	changes := changesOf(cur, m.ID, opt.AsOf)
	before := len(changesOf(cur, m.ID, ""))
	same := reflect.DeepEqual(figuresOf(&n, len(changes)), figuresOf(m, before))
	// The same figures are left alone, whatever their date: replacing a
	// curated entry (its note, source, confidence) for a date alone would
	// lose more than it gains, and would hide later fixes of that entry.
	switch {
	case same:
		res.Unchanged = append(res.Unchanged, m.ID)
		return
	case m.AsOf > opt.AsOf && !opt.Force:
		res.Kept = append(res.Kept, Skip{Key: r.key, ID: m.ID, Why: KeptNewer, Date: m.AsOf, AsOf: opt.AsOf})
		return
	}
	// The notes an import writes (here, in add, extraNote, guessTier) are
	// stored in the overlay as the entry's note: catalog data the user reads
	// in that file, as the shipped catalog's notes are, not display text.
	note := fmt.Sprintf("Prices and limits from %s key %q (prices of %s). What the file does not give is kept from the entry before", title, r.key, opt.AsOf)
	if m.Source != "" {
		note += fmt.Sprintf(", whose source was %s", cleanText(m.Source, 120))
		if m.AsOf != "" {
			note += " as of " + m.AsOf
		}
	}
	note += "." + r.extraNote()
	n.Confidence, n.Source, n.AsOf, n.Note = "reported", opt.Source, opt.AsOf, note
	was := m.Clone()
	res.Models = append(res.Models, Imported{Key: r.key, Action: "updated", Model: n, Changes: changes, Was: &was})
}

// retire turns a deprecation date into a status: retired once it has
// passed, legacy before.
func retire(status, date, today string) string {
	switch {
	case date == "":
		return status
	case date <= today:
		return "retired"
	case status == "" || status == "active":
		return "legacy"
	}
	return status
}

func (r *record) extraNote() string {
	var s string
	if r.retires != "" {
		s += fmt.Sprintf(" The file gives %s as its deprecation date.", r.retires)
	}
	if r.cite != "" {
		s += fmt.Sprintf(" The file cites %s.", r.cite)
	}
	return s
}

func (res *ImportResult) add(cur *plans.Catalog, r *record, title string, taken map[string]bool, opt ImportOptions) {
	skip := func(s Skip) {
		s.Key = r.key
		res.Skipped = append(res.Skipped, s)
	}
	switch {
	case r.problem != "":
		skip(Skip{ID: r.id, Why: SkipProblem, Problem: r.problem})
		return
	case r.provider == "":
		skip(Skip{ID: r.id, Why: SkipNoProvider})
		return
	case r.id == "":
		skip(Skip{Why: SkipNoID})
		return
	case r.context <= 0:
		skip(Skip{ID: r.id, Why: SkipNoContext})
		return
	case r.retires != "" && r.retires <= opt.Today:
		skip(Skip{ID: r.id, Why: SkipRetired, Date: r.retires})
		return
	}
	id := r.id
	if taken[id] {
		id = sanitizeID(r.provider + "-" + r.id)
		if id == "" || taken[id] {
			skip(Skip{ID: r.id, Why: SkipIDTaken})
			return
		}
	}
	taken[id] = true
	tier, why := guessTier(r)
	n := model.APIModel{
		ID: id, Provider: r.provider, Name: r.name, Tier: tier,
		Rates:         r.rates(),
		BatchDiscount: r.batch, ContextWindow: r.context, MaxOutput: r.maxOut, Status: "active",
	}
	if n.Name == "" {
		n.Name = id
	}
	n.LongContext = r.long.Clone()
	if r.preview {
		n.Status = "preview"
	}
	n.Status = retire(n.Status, r.retires, opt.Today)
	note := fmt.Sprintf("Added from %s key %q (prices of %s). The tier is a guess from %s, and the name is the file's: correct them here if need be.", title, r.key, opt.AsOf, why)
	if tok := guessTokenizer(cur, r.provider); tok != "" {
		n.Tokenizer = tok
		note += fmt.Sprintf(" Tokenizer %s assumed, as the catalog's newest %s model uses it.", tok, r.provider)
	}
	n.Confidence, n.Source, n.AsOf, n.Note = "reported", opt.Source, opt.AsOf, note+r.extraNote()
	res.Models = append(res.Models, Imported{Key: r.key, Action: "added", Model: n})
}

// smallWords in a model's name mark a small tier.
var smallWords = []string{"mini", "nano", "lite", "haiku", "small", "tiny", "micro"}

// guessTier guesses a tier for a model the catalog does not have: small
// for a name with a word like mini, lite or haiku; else by the output price
// per 1M tokens: under $2 small, under $12 mid, else frontier (the bands
// the shipped catalog's tiers fall in).
func guessTier(r *record) (model.Tier, string) {
	words := strings.FieldsFunc(strings.ToLower(r.key+" "+r.name), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	})
	for _, w := range words {
		if slices.Contains(smallWords, w) {
			return model.Small, fmt.Sprintf("the word %q in its name", w)
		}
	}
	why := fmt.Sprintf("its output price ($%s per 1M: small under $2, mid under $12, frontier above)", fmtG(r.output))
	switch {
	case r.output < 2:
		return model.Small, why
	case r.output < 12:
		return model.Mid, why
	}
	return model.Frontier, why
}

// guessTokenizer is the tokenizer of the provider's first model in the
// catalog (the catalog lists each provider's newest first), "" when none.
func guessTokenizer(c *plans.Catalog, provider string) string {
	for i := range c.Models {
		if m := &c.Models[i]; m.Provider == provider && m.Tokenizer != "" {
			if _, ok := c.Tokenizers[m.Tokenizer]; ok {
				return m.Tokenizer
			}
		}
	}
	return ""
}
