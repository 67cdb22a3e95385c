// Package plans is the data tokenomics ships and reads: the embedded price
// catalog, the workload presets, and the YAML formats of both (DESIGN.md,
// "Files"). Every error from reading a file is an *Error with a line,
// column and field path; nothing here panics on any input.
package plans

import (
	_ "embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/ast"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

//go:embed catalog.yaml
var embeddedCatalog []byte

// embeddedName is how errors in the shipped catalog name it.
const embeddedName = "plans/catalog.yaml"

// FX is the display exchange table of a catalog: units of each currency per
// USD. Prices stay USD; this only converts what is shown.
type FX struct {
	AsOf, Source string
	Rates        map[string]float64
}

// Change is a dated price change announced for an API model. Applied is set
// by ApplyChanges once the change's date has come.
type Change struct {
	ModelID, Date, Note string
	Applied             bool

	// The new prices; nil leaves that price as it is.
	Input, Output, CacheRead, CacheWrite *float64
}

// Catalog is a parsed price catalog: what the engine prices, plus what only
// the screen shows.
type Catalog struct {
	model.Catalog // embedded value: what the engine prices

	FX             FX
	TokenizerNotes map[string]string
	Changes        []Change // every dated change in the file, in date order; Applied set by ApplyChanges

	// applied are the dated changes ApplyChanges has put into effect.
	applied []Event

	// likes remembers each plan whose limits came from limits_like, so an
	// overlay that replaces the base plan can scale the new limits instead.
	likes map[string]likeRef
}

// likeRef is a resolved limits_like: the base plan's id and the factor.
type likeRef struct {
	base   string
	factor float64
}

var embedded struct {
	once sync.Once
	cat  *Catalog
	err  error
}

// embeddedDecoded builds the shipped catalog from Go values generated from
// catalog.yaml (catalog_decoded.go); nil when that file is absent, and then
// the YAML is decoded. TestEmbeddedDecoded fails when the two differ.
var embeddedDecoded func() *Catalog

// Embedded returns the shipped catalog as a fresh value the caller may
// change at will (ApplyChanges, what-if edits).
//
// Decoding the 154 kB file with the goccy parser takes about 20 ms, 7.8 MB
// and 100,000 allocations, more than every command that prices something
// can spend before it starts, so the decode is done when the code is
// generated (catalog_decoded.go) and kept equal to the file by a test;
// building the catalog from it takes about 0.1 ms, 62 kB and 470
// allocations (BenchmarkEmbeddedBuild, 2026-12-05, on 2 shared cores). It
// is built once per process and every call returns a deep copy (tens of
// microseconds); the original is never handed out. An embedded encoding/gob
// snapshot, measured in its place (2026-12-05), builds in 0.35 ms, 355 kB
// and 2,711 allocations (0.55 to 0.8 ms the first time in a process, against
// 0.15 to 0.19 ms here), saves no code per field (the generator is
// reflection over the types, as gob is) and is a 131 kB blob whose bytes
// change with map order at every rewrite: the readable Go file stays.
func Embedded() (*Catalog, error) {
	embedded.once.Do(func() {
		if embeddedDecoded != nil {
			embedded.cat = embeddedDecoded()
			return
		}
		embedded.cat, embedded.err = ParseCatalog(embeddedName, embeddedCatalog)
	})
	if embedded.err != nil {
		return nil, embedded.err
	}
	return embedded.cat.clone(), nil
}

// LoadCatalog reads and parses a catalog file. A file that cannot be read
// gives a *fs.PathError (readFile), so os.IsNotExist works on it.
func LoadCatalog(path string) (*Catalog, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return ParseCatalog(path, data)
}

// ParseCatalog parses a catalog; name is the file name errors carry.
func ParseCatalog(name string, data []byte) (*Catalog, error) {
	d, body, err := parseDocument(name, data)
	if err != nil {
		return nil, err
	}
	if body == nil {
		return nil, errorf(name, 1, 1, "", "the catalog is empty")
	}
	return d.catalog(body)
}

// Bounds of catalog figures. Beyond checking signs, they keep every
// accepted catalog's costs finite for any valid workload: the engine
// multiplies these by up to 1e9 tokens, 1000 turns and 1e7 tasks.
var (
	priceSpan    = span{lo: 0, hi: 1e5} // USD per 1M tokens
	planSpan     = span{lo: 0, hi: 1e7} // USD per seat per month or year
	tokensSpan   = span{lo: 0, hi: model.MaxTokens, loOpen: true}
	maxOutSpan   = span{lo: 0, hi: model.MaxTokens} // 0 = no cap
	discountSpan = span{lo: 0, hi: 1, hiOpen: true}
	factorSpan   = span{lo: 0.1, hi: 10} // tokens of a language per English token
	fxSpan       = span{lo: 0, hi: 1e7, loOpen: true}
	seatsSpan    = span{lo: 0, hi: model.MaxPeople}    // the most people a workload has
	windowSpan   = span{lo: 0, hi: 8784, loOpen: true} // hours, up to a leap year
	capSpan      = span{lo: 1, hi: 1e15}               // messages or tokens per window
	usdSpan      = span{lo: 0, hi: 1e9, loOpen: true}  // API-equivalent dollars per window
	refSpan      = span{lo: 0, hi: model.MaxTokens}
	likeSpan     = span{lo: 0.01, hi: 1000} // limits_like factor
	weightSpan   = span{lo: 0, hi: 1000}    // units a model's work counts for, per unit
	overageSpan  = span{lo: 0, hi: 1e4}     // USD per unit beyond a limit
	schemaSpan   = span{lo: 1, hi: 1}
)

var (
	tierNames       = []string{"small", "mid", "frontier"}
	statusNames     = []string{"active", "legacy", "preview", "retired"}
	confidenceNames = []string{"official", "reported", "estimate"}
	// A limit may also be measured from the user's own logs.
	limitConfidenceNames = []string{"official", "reported", "estimate", "measured"}
	viaNames             = []string{"chat", "agent", "api"}
	servesNames          = []string{"chat", "agent"}
)

// catalogKeys are the top-level keys of a catalog, in the order DESIGN.md
// lists them (for "known fields: …").
var catalogKeys = []string{"schema", "as_of", "currency", "tokenizers", "tokenizer_notes", "fx", "api_models", "subscriptions"}

var (
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	languageRE = regexp.MustCompile(`^[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*$`)
)

func (d *decoder) catalog(body ast.Node) (*Catalog, error) {
	c := &Catalog{}
	sec, err := d.topLevel(body, catalogKeys, &c.AsOf)
	if err != nil {
		return nil, err
	}
	// Sections are decoded in dependency order (tokenizers before the models
	// naming them, models before the plans listing them), whatever the
	// order in the file.
	if e, ok := sec["tokenizers"]; ok {
		if c.Tokenizers, c.FactorRanges, err = d.tokenizers(e.v, e.p); err != nil {
			return nil, err
		}
	}
	if e, ok := sec["tokenizer_notes"]; ok {
		if c.TokenizerNotes, err = d.tokenizerNotes(e.v, e.p, c.Tokenizers); err != nil {
			return nil, err
		}
	}
	if e, ok := sec["fx"]; ok {
		if c.FX, err = d.fx(e.v, e.p); err != nil {
			return nil, err
		}
	}
	if e, ok := sec["api_models"]; ok {
		if err := d.apiModels(e.v, e.p, c); err != nil {
			return nil, err
		}
	}
	if e, ok := sec["subscriptions"]; ok {
		if err := d.subscriptions(e.v, e.p, c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// section is a top-level section of a catalog or overlay, read once the
// sections it depends on are.
type section struct {
	v ast.Node
	p *path
}

// topLevel reads the top-level mapping of a catalog or an overlay, in file
// order: schema, as_of (into asOf) and currency are checked here; every
// other key of known is returned by name for the caller to decode in its
// own order; any other key is an error.
func (d *decoder) topLevel(body ast.Node, known []string, asOf *string) (map[string]section, error) {
	es, err := d.mapping(body, nil)
	if err != nil {
		return nil, err
	}
	sec := make(map[string]section, len(es))
	checked := map[string]func(e entry, ep *path) error{
		"schema": func(e entry, ep *path) error {
			if _, err := d.required(e.v, ep, schemaSpan); err != nil {
				return d.errAt(e.v, ep, "this version reads catalog schema 1 only")
			}
			return nil
		},
		"as_of": into("as_of", asOf, d.date).read,
		"currency": func(e entry, ep *path) error {
			cur, err := d.line(e.v, ep)
			if err == nil && cur != "USD" {
				err = d.errAt(e.v, ep, "catalog prices must be in USD, not %q (fx converts for display)", cur)
			}
			return err
		},
	}
	fs := make([]field, len(known))
	for i, k := range known {
		read, ok := checked[k]
		if !ok {
			read = func(e entry, ep *path) error {
				sec[e.key] = section{e.v, ep}
				return nil
			}
		}
		fs[i] = field{k, read}
	}
	if err := d.fields(es, nil, fs); err != nil {
		return nil, err
	}
	return sec, nil
}

func (d *decoder) tokenizers(n ast.Node, p *path) (map[string]map[string]float64, map[string]map[string][2]float64, error) {
	var ranges map[string]map[string][2]float64
	out, err := mapOf(d, n, p, func(f entry, fp *path) (map[string]float64, error) {
		if !idRE.MatchString(f.key) {
			return nil, d.errAt(f.k, fp, "%q is not a tokenizer name: use letters, digits, '.', '_' and '-'", f.key)
		}
		return mapOf(d, f.v, fp, func(l entry, lp *path) (float64, error) {
			if !languageRE.MatchString(l.key) {
				return 0, d.errAt(l.k, lp, "%q is not a language code like ko or pt-BR", l.key)
			}
			v, r, err := d.factor(l.v, lp)
			if err == nil && r != nil {
				if ranges == nil {
					ranges = map[string]map[string][2]float64{}
				}
				if ranges[f.key] == nil {
					ranges[f.key] = map[string][2]float64{}
				}
				ranges[f.key][l.key] = *r
			}
			return v, err
		})
	})
	if err != nil {
		return nil, nil, err
	}
	return out, ranges, nil
}

// factor reads a language factor: a number, or {value, low, high} for an
// estimated one (low ≤ value ≤ high). Factors are relative to o200k_base's
// count of the same text in English, so en may differ from 1 too.
func (d *decoder) factor(n ast.Node, p *path) (float64, *[2]float64, error) {
	rn, err := d.resolve(n, p)
	if err != nil {
		return 0, nil, err
	}
	switch rn.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		v, err := d.required(n, p, factorSpan)
		return v, nil, err
	}
	es, err := d.mapping(rn, p)
	if err != nil {
		return 0, nil, err
	}
	var v, lo, hi *float64
	if err := d.fields(es, p, []field{
		d.optionalField("value", &v, factorSpan), d.optionalField("low", &lo, factorSpan), d.optionalField("high", &hi, factorSpan),
	}); err != nil {
		return 0, nil, err
	}
	switch {
	case v == nil:
		return 0, nil, d.errAt(n, p.field("value"), "a ranged factor needs value, low and high: value is missing")
	case lo == nil:
		return 0, nil, d.errAt(n, p.field("low"), "a ranged factor needs value, low and high: low is missing")
	case hi == nil:
		return 0, nil, d.errAt(n, p.field("high"), "a ranged factor needs value, low and high: high is missing")
	case *lo > *v || *v > *hi:
		return 0, nil, d.errAt(n, p, "low %v, value %v and high %v are out of order: low ≤ value ≤ high", *lo, *v, *hi)
	}
	return *v, &[2]float64{*lo, *hi}, nil
}

func (d *decoder) tokenizerNotes(n ast.Node, p *path, toks map[string]map[string]float64) (map[string]string, error) {
	return mapOf(d, n, p, func(e entry, ep *path) (string, error) {
		if _, ok := toks[e.key]; !ok {
			return "", d.errAt(e.k, ep, "unknown tokenizer %q%s", e.key, knownList(slices.Sorted(maps.Keys(toks))))
		}
		return d.note(e.v, ep)
	})
}

func knownList(names []string) string {
	if len(names) == 0 {
		return " (the catalog defines none)"
	}
	return "; known: " + strings.Join(names, ", ")
}

func (d *decoder) fx(n ast.Node, p *path) (FX, error) {
	var fx FX
	es, err := d.mapping(n, p)
	if err != nil {
		return fx, err
	}
	err = d.fields(es, p, []field{
		into("as_of", &fx.AsOf, d.date),
		into("source", &fx.Source, d.note),
		into("rates", &fx.Rates, d.rates),
	})
	return fx, err
}

func (d *decoder) rates(n ast.Node, p *path) (map[string]float64, error) {
	return mapOf(d, n, p, func(e entry, ep *path) (float64, error) {
		if !currencyRE.MatchString(e.key) {
			return 0, d.errAt(e.k, ep, "%q is not a currency code like EUR", e.key)
		}
		if e.key == "USD" {
			return 0, d.errAt(e.k, ep, "USD is the base currency (rate 1): leave it out")
		}
		return d.required(e.v, ep, fxSpan)
	})
}

// seen remembers where each id was first defined, for duplicate errors.
type seen map[string]ast.Node

func (d *decoder) unique(s seen, id string, n ast.Node, p *path) error {
	if first, dup := s[id]; dup {
		line, _ := position(first)
		return d.errAt(n, p, "duplicate id %q (first at line %d)", id, line)
	}
	s[id] = n
	return nil
}

func (d *decoder) apiModels(n ast.Node, p *path, c *Catalog) error {
	ids := seen{}
	var changes []Change
	ms, err := seqOf(d, n, p, func(it ast.Node, ip *path, _ []model.APIModel) (model.APIModel, error) {
		m, ch, err := d.apiModel(it, ip, c.Tokenizers, ids)
		changes = append(changes, ch...)
		return m, err
	})
	if err != nil {
		return err
	}
	c.Models = ms
	sortChanges(changes)
	c.Changes = changes
	return nil
}

func (d *decoder) apiModel(n ast.Node, p *path, toks map[string]map[string]float64, ids seen) (model.APIModel, []Change, error) {
	var m model.APIModel
	var changes []Change
	var changesNode ast.Node // read once the prices are known
	var changesPath *path
	var retiredNode ast.Node
	es, err := d.mapping(n, p)
	if err != nil {
		return m, nil, err
	}
	if isNull(n) {
		return m, nil, d.errAt(n, p, "expected an API model, got nothing")
	}
	var has struct{ id, provider, name, tier, input, output, window bool }
	fs := []field{
		d.idField("id", &m.ID, ids).given(&has.id),
		field{"provider", func(e entry, ep *path) (err error) {
			if m.Provider, err = d.ident(e.v, ep); err == nil && m.Provider == "all" {
				// "mix:all" is the all-provider mix; a provider of that name would clash.
				err = d.errAt(e.v, ep, `"all" is reserved (the mix:all option)`)
			}
			return err
		}}.given(&has.provider),
		into("name", &m.Name, d.name).given(&has.name),
		enumField(d, "tier", &m.Tier, tierNames, model.ParseTier).given(&has.tier),
		{"tokenizer", func(e entry, ep *path) (err error) {
			if m.Tokenizer, err = d.line(e.v, ep); err == nil {
				if _, ok := toks[m.Tokenizer]; !ok && m.Tokenizer != "" {
					err = d.errAt(e.v, ep, "unknown tokenizer %q%s", m.Tokenizer, knownList(slices.Sorted(maps.Keys(toks))))
				}
			}
			return err
		}},
	}
	fs = append(fs, d.rateFields(&m.Rates, &has.input, &has.output)...)
	fs = append(fs,
		d.rangedField("batch_discount", &m.BatchDiscount, discountSpan, nil),
		into("long_context", &m.LongContext, d.longContext),
		d.rangedField("context_window", &m.ContextWindow, tokensSpan, &has.window),
		d.rangedField("max_output", &m.MaxOutput, maxOutSpan, nil),
		d.optEnumField("status", &m.Status, statusNames),
		into("deprecated", &m.Deprecated, d.optDate),
		field{"retired", func(e entry, ep *path) (err error) {
			retiredNode = e.v
			m.Retired, err = d.optDate(e.v, ep)
			return err
		}},
		d.optEnumField("confidence", &m.Confidence, confidenceNames),
		field{"changes", func(e entry, ep *path) error {
			changesNode, changesPath = e.v, ep
			return nil
		}},
	)
	fs = append(fs, d.provenanceFields(&m.Provenance)...)
	if err := d.fields(es, p, fs); err != nil {
		return m, nil, err
	}
	if err := d.requireAll(n, p, need{"id", has.id}, need{"provider", has.provider}, need{"name", has.name}, need{"tier", has.tier},
		need{"input", has.input}, need{"output", has.output}, need{"context_window", has.window}); err != nil {
		return m, nil, err
	}
	if m.Deprecated != "" && m.Retired != "" && m.Retired < m.Deprecated {
		return m, nil, d.errAt(retiredNode, p.field("retired"), "retired on %s, before its deprecation on %s", m.Retired, m.Deprecated)
	}
	if changesNode != nil {
		if changes, err = d.changes(changesNode, changesPath, m.ID); err != nil {
			return m, nil, err
		}
	}
	return m, changes, nil
}

// idField reads an id that must be unique among ids.
func (d *decoder) idField(key string, dst *string, ids seen) field {
	return field{key, func(e entry, ep *path) (err error) {
		if *dst, err = d.ident(e.v, ep); err == nil {
			err = d.unique(ids, *dst, e.v, ep)
		}
		return err
	}}
}

// rateFields read a list of prices: input and output (in and out say
// whether each was given) and the cache prices, which may be absent.
func (d *decoder) rateFields(r *model.Rates, in, out *bool) []field {
	return []field{
		d.rangedField("input", &r.Input, priceSpan, in),
		d.rangedField("output", &r.Output, priceSpan, out),
		d.optionalField("cache_read", &r.CacheRead, priceSpan),
		d.optionalField("cache_write", &r.CacheWrite, priceSpan),
		d.optionalField("cache_write_1h", &r.CacheWrite1h, priceSpan),
	}
}

// provenanceFields read an entry's note, source and date.
func (d *decoder) provenanceFields(pv *model.Provenance) []field {
	return []field{into("note", &pv.Note, d.note), into("source", &pv.Source, d.note), into("as_of", &pv.AsOf, d.optDate)}
}

// optEnum reads an optional enumerated value; absent is "".
func (d *decoder) optEnum(n ast.Node, p *path, valid []string) (string, error) {
	if isNull(n) {
		return "", nil
	}
	return d.enum(n, p, valid)
}

func (d *decoder) optDate(n ast.Node, p *path) (string, error) {
	if isNull(n) {
		return "", nil
	}
	return d.date(n, p)
}

func (d *decoder) longContext(n ast.Node, p *path) (*model.LongContext, error) {
	if isNull(n) {
		return nil, nil
	}
	es, err := d.mapping(n, p)
	if err != nil {
		return nil, err
	}
	lc := &model.LongContext{}
	var has struct{ threshold, input, output bool }
	fs := append([]field{d.rangedField("threshold", &lc.Threshold, tokensSpan, &has.threshold)}, d.rateFields(&lc.Rates, &has.input, &has.output)...)
	if err := d.fields(es, p, fs); err != nil {
		return nil, err
	}
	// The engine swaps in these rates whole, so input and output must be
	// there: a missing one would price the long requests at zero.
	if err := d.requireAll(n, p, need{"threshold", has.threshold}, need{"input", has.input}, need{"output", has.output}); err != nil {
		return nil, err
	}
	return lc, nil
}

func (d *decoder) changes(n ast.Node, p *path, modelID string) ([]Change, error) {
	dates := seen{}
	return seqOf(d, n, p, func(it ast.Node, ip *path, _ []Change) (Change, error) {
		ch := Change{ModelID: modelID}
		es, err := d.mapping(it, ip)
		if err != nil {
			return ch, err
		}
		var dateNode ast.Node
		err = d.fields(es, ip, []field{
			{"date", func(e entry, ep *path) (err error) {
				if ch.Date, err = d.date(e.v, ep); err == nil {
					dateNode = e.v
					// Two changes on one day leave the price ambiguous.
					if first, dup := dates[ch.Date]; dup {
						line, _ := position(first)
						err = d.errAt(e.v, ep, "a second change dated %s (first at line %d)", ch.Date, line)
					}
					dates[ch.Date] = e.v
				}
				return err
			}},
			d.optionalField("input", &ch.Input, priceSpan),
			d.optionalField("output", &ch.Output, priceSpan),
			d.optionalField("cache_read", &ch.CacheRead, priceSpan),
			d.optionalField("cache_write", &ch.CacheWrite, priceSpan),
			into("note", &ch.Note, d.note),
		})
		switch {
		case err != nil:
			return ch, err
		case dateNode == nil:
			return ch, d.missing(it, ip, "date")
		case ch.Input == nil && ch.Output == nil && ch.CacheRead == nil && ch.CacheWrite == nil:
			return ch, d.errAt(it, ip, "a change needs at least one new price (input, output, cache_read or cache_write)")
		}
		return ch, nil
	})
}

// like is a limits_like waiting for every plan to be read.
type like struct {
	plan   int // index in Catalog.Plans
	base   string
	factor float64
	node   ast.Node // the plan value, for errors
	path   *path
}

func (d *decoder) subscriptions(n ast.Node, p *path, c *Catalog) error {
	ids := seen{}
	var likes []like
	ps, err := seqOf(d, n, p, func(it ast.Node, ip *path, before []model.Subscription) (model.Subscription, error) {
		s, l, err := d.subscription(it, ip, c, ids)
		if err == nil && l != nil {
			l.plan = len(before)
			likes = append(likes, *l)
		}
		return s, err
	})
	if err != nil {
		return err
	}
	c.Plans = ps
	if err := d.resolveLikes(c, likes); err != nil {
		return err
	}
	c.likes = make(map[string]likeRef, len(likes))
	for _, l := range likes {
		c.likes[c.Plans[l.plan].ID] = likeRef{base: l.base, factor: l.factor}
	}
	return nil
}

// resolveLikes turns each limits_like into concrete limits: the base plan's,
// every capacity × factor. The base must have limits of its own: chains
// would hide where the estimate lives, and cycles have no answer.
func (d *decoder) resolveLikes(c *Catalog, likes []like) error {
	byID := make(map[string]int, len(c.Plans))
	for i := range c.Plans {
		byID[c.Plans[i].ID] = i
	}
	likeOf := make(map[int]*like, len(likes))
	for i := range likes {
		likeOf[likes[i].plan] = &likes[i]
	}
	for _, l := range likes {
		bi, ok := byID[l.base]
		if !ok {
			return d.errAt(l.node, l.path, "unknown plan %q", l.base)
		}
		if _, chained := likeOf[bi]; chained {
			// Follow the chain to tell a cycle from a mere chain.
			trail := []string{c.Plans[l.plan].ID}
			for cur, steps := bi, 0; steps <= len(likes); steps++ {
				trail = append(trail, c.Plans[cur].ID)
				if cur == l.plan {
					return d.errAt(l.node, l.path, "limits_like cycle: %s", strings.Join(trail, " → "))
				}
				next, ok := likeOf[cur]
				if !ok {
					break
				}
				if cur, ok = byID[next.base]; !ok {
					break
				}
			}
			return d.errAt(l.node, l.path, "plan %q itself uses limits_like: point at a plan with limits of its own", l.base)
		}
		base := &c.Plans[bi]
		if len(base.Limits) == 0 {
			return d.errAt(l.node, l.path, "plan %q has no limits to scale", l.base)
		}
		c.Plans[l.plan].Limits = scaledLimits(base, l.factor)
	}
	return nil
}

// scaleLikes sets the limits of each plan written with limits_like from
// its base plan's, as the decode did (and checked): catalog_decoded.go
// leaves those limits out rather than repeat the base plan's.
func (c *Catalog) scaleLikes() {
	for id, ref := range c.likes {
		c.Plans[c.plan(id)].Limits = scaledLimits(&c.Plans[c.plan(ref.base)], ref.factor)
	}
}

// scaledLimits are base's limits with every capacity × factor.
func scaledLimits(base *model.Subscription, factor float64) []model.Limit {
	f := fmtG(factor)
	limits := make([]model.Limit, len(base.Limits))
	for i, bl := range base.Limits {
		nl := bl.Clone()
		nl.Scale(factor)
		nl.Note = joinNote(bl.Note, fmt.Sprintf("%s × %s's", f, base.Name))
		limits[i] = nl
	}
	return limits
}

// joinNote appends b to the note a as a further sentence or clause.
func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case strings.HasSuffix(a, ".") || strings.HasSuffix(a, "!") || strings.HasSuffix(a, "?"):
		return a + " " + b
	}
	return a + "; " + b
}

func (d *decoder) subscription(n ast.Node, p *path, c *Catalog, ids seen) (model.Subscription, *like, error) {
	var s model.Subscription
	var lk *like
	var limitsNode, uncapped ast.Node
	es, err := d.mapping(n, p)
	if err != nil {
		return s, nil, err
	}
	if isNull(n) {
		return s, nil, d.errAt(n, p, "expected a subscription, got nothing")
	}
	var has struct{ id, vendor, name, price, models bool }
	limits := func(e entry, ep *path) (err error) {
		if limitsNode != nil {
			return d.errAt(e.k, ep, "a plan has limits or limits_like, not both")
		}
		limitsNode = e.k
		if e.key == "limits" {
			s.Limits, err = d.limits(e.v, ep, c)
		} else {
			lk, err = d.limitsLike(e.v, ep)
		}
		return err
	}
	fs := []field{
		d.idField("id", &s.ID, ids).given(&has.id),
		into("vendor", &s.Vendor, d.ident).given(&has.vendor),
		into("name", &s.Name, d.name).given(&has.name),
		d.rangedField("price_monthly", &s.PriceMonthly, planSpan, &has.price),
		d.optionalField("price_annual", &s.PriceAnnual, planSpan),
		{"seats_min", func(e entry, ep *path) (err error) {
			s.SeatsMin, _, err = d.integer(e.v, ep, seatsSpan)
			return err
		}},
		{"models", func(e entry, ep *path) (err error) {
			s.Models, err = d.planModels(e.v, ep, c)
			has.models = len(s.Models) > 0
			return err
		}},
		d.viasField("serves", &s.Serves),
		d.rangedField("context_window", &s.ContextWindow, tokensSpan, nil),
		{"uncapped", func(e entry, ep *path) (err error) {
			if s.Uncapped, _, err = d.boolean(e.v, ep); err == nil && s.Uncapped {
				uncapped = e.k
			}
			return err
		}},
		{"limits", limits},
		{"limits_like", limits},
		d.rangedField("api_credit_monthly", &s.APICreditMonthly, planSpan, nil),
		d.optEnumField("status", &s.Status, statusNames),
		d.optEnumField("confidence", &s.Confidence, confidenceNames),
	}
	if err := d.fields(es, p, append(fs, d.provenanceFields(&s.Provenance)...)); err != nil {
		return s, nil, err
	}
	if err := d.requireAll(n, p, need{"id", has.id}, need{"vendor", has.vendor}, need{"name", has.name},
		need{"price_monthly", has.price}, need{"models", has.models}); err != nil {
		return s, nil, err
	}
	if err := d.capped(n, p, &s, limitsNode, uncapped, lk != nil); err != nil {
		return s, nil, err
	}
	return s, lk, nil
}

// viasField reads a list of the channels a plan can serve, chat and agent,
// each at most once: api work never runs on a plan, so naming it would say
// nothing.
func (d *decoder) viasField(key string, dst *[]model.Via) field {
	return field{key, func(e entry, ep *path) (err error) {
		*dst, err = enumList(d, e.v, ep, servesNames, model.ParseVia, true)
		return err
	}}
}

// enumList reads a list of names out of valid, each turned into a value by
// parse; none is nil. unique refuses a name listed twice.
func enumList[T comparable](d *decoder, n ast.Node, p *path, valid []string, parse func(string) (T, bool), unique bool) ([]T, error) {
	out, err := seqOf(d, n, p, func(it ast.Node, ip *path, before []T) (T, error) {
		s, err := d.enum(it, ip, valid)
		v, _ := parse(s)
		if err == nil && unique && slices.Contains(before, v) {
			err = d.errAt(it, ip, "%q is listed twice", s)
		}
		return v, err
	})
	if len(out) == 0 {
		return nil, err
	}
	return out, err
}

// planModels reads a plan's model ids; each must be an API model of the catalog.
func (d *decoder) planModels(n ast.Node, p *path, c *Catalog) ([]string, error) {
	return seqOf(d, n, p, func(it ast.Node, ip *path, before []string) (string, error) {
		id, err := d.line(it, ip)
		if err != nil {
			return "", err
		}
		if _, ok := c.Model(id); !ok {
			return "", d.unknownModel(it, ip, c, id)
		}
		if slices.Contains(before, id) {
			return "", d.errAt(it, ip, "model %q is listed twice", id)
		}
		return id, nil
	})
}

// unknownModel refuses id, at n, as no API model of c, naming the nearest
// one when there is one.
func (d *decoder) unknownModel(n ast.Node, p *path, c *Catalog, id string) error {
	msg := fmt.Sprintf("unknown API model %q", id)
	if s := suggest(id, modelIDs(c)); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return d.errAt(n, p, "%s", msg)
}

func modelIDs(c *Catalog) []string {
	ids := make([]string, len(c.Models))
	for i := range c.Models {
		ids[i] = c.Models[i].ID
	}
	return ids
}

// capped holds a plan to the rule that nothing is silently uncapped: a paid
// plan has limits, limits_like or the vendor's word (uncapped: true); a free
// plan has limits. Uncapped with limits says two things at once.
func (d *decoder) capped(n ast.Node, p *path, s *model.Subscription, limits, uncapped ast.Node, like bool) error {
	switch {
	case limits != nil && !like && len(s.Limits) == 0:
		return d.errAt(limits, p.field("limits"), "an empty list of limits says nothing: give the limits, or uncapped: true")
	case uncapped != nil && limits != nil:
		return d.errAt(uncapped, p.field("uncapped"), "a plan with limits is not uncapped: give one")
	case uncapped != nil && s.Free():
		return d.errAt(uncapped, p.field("uncapped"), "a free plan is never uncapped: give its limits")
	case s.Free() && len(s.Limits) == 0:
		return d.errAt(n, p.field("limits"), "a free plan needs limits of its own")
	case limits == nil && uncapped == nil:
		return d.errAt(n, p.field("limits"), "a paid plan needs limits, limits_like or uncapped: true (with the vendor's words in its note)")
	}
	return nil
}

func (d *decoder) limits(n ast.Node, p *path, c *Catalog) ([]model.Limit, error) {
	return seqOf(d, n, p, func(it ast.Node, ip *path, _ []model.Limit) (model.Limit, error) {
		return d.limit(it, ip, c)
	})
}

func (d *decoder) limit(n ast.Node, p *path, c *Catalog) (model.Limit, error) {
	var l model.Limit
	es, err := d.mapping(n, p)
	if err != nil {
		return l, err
	}
	var window bool
	var capacity ast.Node // the key of the capacity seen
	var bounds [2]entry   // low and high as given
	capacityField := func(e entry, ep *path) error {
		if capacity != nil {
			return d.errAt(e.k, ep, "a limit has one capacity, messages, tokens or usd, not two")
		}
		capacity = e.k
		v, err := d.capacity(e.v, ep, e.key)
		if err != nil {
			return err
		}
		switch e.key {
		case "messages":
			l.Messages = v
		case "tokens":
			l.Tokens = v
		default:
			l.USD = v
		}
		return nil
	}
	// Checked against the capacity once its unit is known.
	bound := func(e entry, _ *path) error {
		bounds[b2i(e.key == "high")] = e
		return nil
	}
	err = d.fields(es, p, []field{
		d.rangedField("window_hours", &l.WindowHours, windowSpan, &window),
		{"messages", capacityField},
		{"tokens", capacityField},
		{"usd", capacityField},
		{"low", bound},
		{"high", bound},
		{"reference_tokens", func(e entry, ep *path) (err error) {
			// 0 says "every turn is one message", as leaving it out does; a
			// size below one token would make each turn countless messages.
			if l.ReferenceTokens, _, err = d.ranged(e.v, ep, refSpan); err == nil && l.ReferenceTokens > 0 && l.ReferenceTokens < 1 {
				err = d.errAt(e.v, ep, "must be 0 (none) or at least 1 token (got %v)", l.ReferenceTokens)
			}
			return err
		}},
		{"tiers", func(e entry, ep *path) (err error) {
			l.Tiers, err = enumList(d, e.v, ep, tierNames, model.ParseTier, false)
			return err
		}},
		{"models", func(e entry, ep *path) (err error) {
			l.Models, err = d.planModels(e.v, ep, c)
			return err
		}},
		d.viasField("via", &l.Via),
		{"weights", func(e entry, ep *path) (err error) {
			l.Weights, err = d.weights(e.v, ep, c)
			return err
		}},
		d.rangedField("overage", &l.Overage, overageSpan, nil),
		d.optEnumField("confidence", &l.Confidence, limitConfidenceNames),
		into("note", &l.Note, d.note),
	})
	if err != nil {
		return l, err
	}
	if !window {
		return l, d.missing(n, p, "window_hours")
	}
	if capacity == nil {
		return l, d.errAt(n, p, "a limit needs a capacity: messages, tokens or usd")
	}
	for i, b := range bounds {
		if b.k == nil {
			continue
		}
		bp := p.field(b.key)
		v, err := d.capacity(b.v, bp, l.Unit())
		if err != nil {
			return l, err
		}
		if i == 0 && v > l.Capacity() || i == 1 && v < l.Capacity() {
			rel := map[bool]string{false: "at most", true: "at least"}[i == 1]
			return l, d.errAt(b.v, bp, "must be %s the capacity %s (low ≤ capacity ≤ high)", rel, fmtG(l.Capacity()))
		}
		if i == 0 {
			l.Low = v
		} else {
			l.High = v
		}
	}
	return l, nil
}

// weights reads a limit's weights: API model id → units per unit of that
// model's work (Copilot's premium-request multipliers).
func (d *decoder) weights(n ast.Node, p *path, c *Catalog) (map[string]float64, error) {
	ws, err := mapOf(d, n, p, func(e entry, ep *path) (float64, error) {
		if _, ok := c.Model(e.key); !ok {
			return 0, d.unknownModel(e.k, ep, c, e.key)
		}
		v, ok, err := d.ranged(e.v, ep, weightSpan)
		if err == nil && !ok {
			err = d.errAt(e.v, ep, "a value is required")
		}
		return v, err
	})
	if len(ws) == 0 {
		return nil, err // none given is no weights
	}
	return ws, err
}

// capacity reads a limit's capacity (or a bound of it) in unit.
func (d *decoder) capacity(n ast.Node, p *path, unit string) (float64, error) {
	s := capSpan
	if unit == "usd" {
		s = usdSpan
	}
	v, ok, err := d.ranged(n, p, s)
	if err == nil && !ok {
		err = d.errAt(n, p, "a value is required")
	}
	return v, err
}

func (d *decoder) limitsLike(n ast.Node, p *path) (*like, error) {
	es, err := d.mapping(n, p)
	if err != nil {
		return nil, err
	}
	l := &like{}
	var factor bool
	err = d.fields(es, p, []field{
		{"plan", func(e entry, ep *path) (err error) {
			if l.base, err = d.line(e.v, ep); err == nil {
				l.node, l.path = e.v, ep
			}
			return err
		}},
		d.rangedField("factor", &l.factor, likeSpan, &factor),
	})
	if err != nil {
		return nil, err
	}
	if l.node == nil || l.base == "" {
		return nil, d.missing(n, p, "plan")
	}
	if !factor {
		return nil, d.missing(n, p, "factor")
	}
	return l, nil
}

// Clone is a deep copy of c: nothing of it shares memory with c.
func (c *Catalog) Clone() *Catalog { return c.clone() }

// clone deep-copies c: nothing of the result shares memory with c.
func (c *Catalog) clone() *Catalog {
	out := &Catalog{
		Catalog: model.Catalog{
			AsOf:   c.AsOf,
			Date:   c.Date,
			Models: slices.Clone(c.Models),
			Plans:  slices.Clone(c.Plans),
		},
		FX:             FX{AsOf: c.FX.AsOf, Source: c.FX.Source, Rates: maps.Clone(c.FX.Rates)},
		TokenizerNotes: maps.Clone(c.TokenizerNotes),
		Changes:        slices.Clone(c.Changes),
		applied:        slices.Clone(c.applied),
		likes:          maps.Clone(c.likes),
	}
	if c.Tokenizers != nil {
		out.Tokenizers = make(map[string]map[string]float64, len(c.Tokenizers))
		for k, v := range c.Tokenizers {
			out.Tokenizers[k] = maps.Clone(v)
		}
	}
	if c.FactorRanges != nil {
		out.FactorRanges = make(map[string]map[string][2]float64, len(c.FactorRanges))
		for k, v := range c.FactorRanges {
			out.FactorRanges[k] = maps.Clone(v)
		}
	}
	for i := range out.Models {
		out.Models[i] = out.Models[i].Clone()
	}
	for i := range out.Plans {
		out.Plans[i] = out.Plans[i].Clone()
	}
	for i := range out.Changes {
		ch := &out.Changes[i]
		ch.Input, ch.Output = model.ClonePrice(ch.Input), model.ClonePrice(ch.Output)
		ch.CacheRead, ch.CacheWrite = model.ClonePrice(ch.CacheRead), model.ClonePrice(ch.CacheWrite)
	}
	return out
}

// Event is a dated change of the catalog that has taken effect: a new
// price, or a model deprecated or retired.
type Event struct {
	Kind    string // "price", "deprecated" or "retired"
	ModelID string
	Name    string // the model's
	Date    string // YYYY-MM-DD, the day it took effect
	Note    string // the change's own note, if any
}

// Applied lists the dated changes ApplyChanges has put into effect, in the
// order it applied them, for a front end to say once (`plans --check` lists
// them with the rest).
func (c *Catalog) Applied() []Event { return slices.Clone(c.applied) }

// ApplyChanges sets the catalog's evaluation day to today (YYYY-MM-DD),
// applies in date order every dated price change whose date is today or
// earlier and not applied yet, and puts into effect every model's
// deprecation and retirement dated today or earlier. Applied lists the
// changes it put into effect (report words them). An invalid date applies
// nothing.
func (c *Catalog) ApplyChanges(today string) {
	if !validDate(today) {
		return
	}
	c.Date = today
	for i := range c.Models {
		m := &c.Models[i]
		st := m.StatusOn(today)
		if st == m.Status {
			continue
		}
		e := Event{Kind: "retired", ModelID: m.ID, Name: m.Name, Date: m.Retired}
		if st == "legacy" {
			e.Kind, e.Date = "deprecated", m.Deprecated
		}
		m.Status = st
		c.applied = append(c.applied, e)
	}
	for i := range c.Changes {
		ch := &c.Changes[i]
		// Dates are YYYY-MM-DD, so text order is date order.
		if ch.Applied || ch.Date > today {
			continue
		}
		m, ok := c.Model(ch.ModelID)
		if !ok {
			continue // the model was removed after parsing
		}
		if ch.Input != nil {
			m.Input = *ch.Input
		}
		if ch.Output != nil {
			m.Output = *ch.Output
		}
		if ch.CacheRead != nil {
			m.CacheRead = model.ClonePrice(ch.CacheRead) // a copy: the change keeps its own
		}
		if ch.CacheWrite != nil {
			m.CacheWrite = model.ClonePrice(ch.CacheWrite)
		}
		e := Event{Kind: "price", ModelID: m.ID, Name: m.Name, Date: ch.Date, Note: ch.Note}
		note := "price change of " + ch.Date + " applied"
		if ch.Note != "" {
			note += " (" + ch.Note + ")"
		}
		m.Note = joinNote(m.Note, note)
		ch.Applied = true
		c.applied = append(c.applied, e)
	}
}

// Currencies lists the display currencies: USD and every fx code, sorted.
func (c *Catalog) Currencies() []string {
	out := make([]string, 0, len(c.FX.Rates)+1)
	out = append(out, "USD")
	for k := range c.FX.Rates {
		if k != "USD" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Rate is the units of currency code per USD (USD is 1); the code is
// matched without regard to case.
func (c *Catalog) Rate(code string) (float64, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "USD" {
		return 1, nil
	}
	if r, ok := c.FX.Rates[code]; ok && r > 0 {
		return r, nil
	}
	return 0, fmt.Errorf("unknown currency %q; valid: %s", code, strings.Join(c.Currencies(), ", "))
}

// Currency is the display currency code on c's exchange rates; "" is USD.
// A code c has no rate for is a *ValueError.
func (c *Catalog) Currency(code string) (money.Currency, error) {
	if code == "" {
		return money.USD, nil
	}
	rate, err := c.Rate(strings.ToUpper(code))
	if err != nil {
		return money.Currency{}, &ValueError{"currency", err}
	}
	return money.New(strings.ToUpper(code), rate), nil
}
