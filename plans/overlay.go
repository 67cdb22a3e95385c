package plans

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

// An overlay is a user's corrections on top of a catalog (DESIGN.md,
// "Files"): the catalog format with every top-level section optional, plus
// a `remove` list.
//
//   - api_models and subscriptions add entries, or replace the entry with the
//     same id. A replacement is a whole entry, read and checked like any
//     other: fields it leaves out are not taken from the entry it replaces.
//   - tokenizers merge by family and then by language, tokenizer_notes by
//     family, fx.rates by currency; fx.as_of and fx.source replace.
//   - remove hides API models and subscriptions by id. A plan that still
//     lists a removed model is an error.
//   - A plan of the catalog built with limits_like on a plan the overlay
//     replaces takes the new plan's limits, scaled by its factor.
//
// Every error points into the overlay file.

// Overlay is a parsed overlay file: what it adds, replaces and hides.
type Overlay struct {
	AsOf           string
	Tokenizers     map[string]map[string]float64
	FactorRanges   map[string]map[string][2]float64 // the ranged ones among Tokenizers: [low, high]
	TokenizerNotes map[string]string
	FX             FX // Rates merge by code; AsOf and Source replace when set
	Models         []model.APIModel
	Changes        []Change // dated price changes of Models, in date order
	Plans          []model.Subscription
	Remove         []string

	likes    map[string]likeRef // Plans written with limits_like
	modelIdx map[string]int     // Models by id, for PutModel
}

var overlayKeys = []string{"schema", "as_of", "currency", "tokenizers", "tokenizer_notes", "fx", "api_models", "subscriptions", "remove"}

// LoadOverlay reads the overlay file at path and applies it to base (see
// ApplyOverlay). A file that cannot be read gives a *fs.PathError
// (readFile), so os.IsNotExist works on it.
func LoadOverlay(base *Catalog, path string) (*Catalog, *Overlay, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	return ApplyOverlay(base, path, data)
}

// ApplyOverlay parses an overlay (name is the file name errors carry) and
// returns base with it applied, and the overlay itself. base is not changed.
// An empty file is an empty overlay.
func ApplyOverlay(base *Catalog, name string, data []byte) (*Catalog, *Overlay, error) {
	d, body, err := parseDocument(name, data)
	if err != nil {
		return nil, nil, err
	}
	if body == nil {
		return base.clone(), &Overlay{}, nil
	}
	return d.overlay(base, body)
}

// Counts says what an overlay does to a catalog, for notes.
func (o *Overlay) Counts(base *Catalog) (added, replaced, removed int) {
	for _, m := range o.Models {
		if _, ok := base.Model(m.ID); ok {
			replaced++
		} else {
			added++
		}
	}
	for _, p := range o.Plans {
		if base.plan(p.ID) >= 0 {
			replaced++
		} else {
			added++
		}
	}
	return added, replaced, len(o.Remove)
}

// Effect is what an overlay does to a catalog: entries replaced, added and
// removed, the ids it dates before the catalog's own entry, and whether it
// changes tokenizer factors or exchange rates. report words it.
type Effect struct {
	Replaced, Added, Removed int
	Older                    []string
	Tokenizers, FX           bool
}

// Effect is what the overlay does to base, for notes.
func (o *Overlay) Effect(base *Catalog) Effect {
	var e Effect
	e.Added, e.Replaced, e.Removed = o.Counts(base)
	for _, m := range o.Models {
		if b, ok := base.Model(m.ID); ok && b.AsOf > m.AsOf {
			e.Older = append(e.Older, m.ID)
		}
	}
	for _, p := range o.Plans {
		if i := base.plan(p.ID); i >= 0 && base.Plans[i].AsOf > p.AsOf {
			e.Older = append(e.Older, p.ID)
		}
	}
	e.Tokenizers = len(o.Tokenizers) > 0 || len(o.TokenizerNotes) > 0
	e.FX = len(o.FX.Rates) > 0 || o.FX.AsOf != "" || o.FX.Source != ""
	return e
}

func (c *Catalog) plan(id string) int {
	return slices.IndexFunc(c.Plans, func(p model.Subscription) bool { return p.ID == id })
}

func (c *Catalog) modelIndex(id string) int {
	return slices.IndexFunc(c.Models, func(m model.APIModel) bool { return m.ID == id })
}

func (d *decoder) overlay(base *Catalog, body ast.Node) (*Catalog, *Overlay, error) {
	o := &Overlay{}
	sec, err := d.topLevel(body, overlayKeys, &o.AsOf)
	if err != nil {
		return nil, nil, err
	}
	c := base.clone()
	if e, ok := sec["tokenizers"]; ok {
		if o.Tokenizers, o.FactorRanges, err = d.tokenizers(e.v, e.p); err != nil {
			return nil, nil, err
		}
		if c.Tokenizers == nil {
			c.Tokenizers = map[string]map[string]float64{}
		}
		for fam, langs := range o.Tokenizers {
			if c.Tokenizers[fam] == nil {
				c.Tokenizers[fam] = map[string]float64{}
			}
			maps.Copy(c.Tokenizers[fam], langs)
			// The overlay's figure replaces the range with its own, or with none.
			for l := range langs {
				if r, ok := o.FactorRanges[fam][l]; ok {
					if c.FactorRanges == nil {
						c.FactorRanges = map[string]map[string][2]float64{}
					}
					if c.FactorRanges[fam] == nil {
						c.FactorRanges[fam] = map[string][2]float64{}
					}
					c.FactorRanges[fam][l] = r
				} else {
					delete(c.FactorRanges[fam], l)
				}
			}
		}
	}
	if e, ok := sec["tokenizer_notes"]; ok {
		if o.TokenizerNotes, err = d.tokenizerNotes(e.v, e.p, c.Tokenizers); err != nil {
			return nil, nil, err
		}
		if c.TokenizerNotes == nil {
			c.TokenizerNotes = map[string]string{}
		}
		maps.Copy(c.TokenizerNotes, o.TokenizerNotes)
	}
	if e, ok := sec["fx"]; ok {
		if o.FX, err = d.fx(e.v, e.p); err != nil {
			return nil, nil, err
		}
		mergeFX(&c.FX, o.FX)
	}
	// The remove list is read first, so that an entry both given and
	// removed is caught wherever it sits in the file.
	removed := map[string]removal{}
	if e, ok := sec["remove"]; ok {
		if removed, err = d.removeList(e.v, e.p, base, o); err != nil {
			return nil, nil, err
		}
	}
	if e, ok := sec["api_models"]; ok {
		if err := d.overlayModels(e.v, e.p, c, o, removed); err != nil {
			return nil, nil, err
		}
	}
	for _, id := range o.Remove {
		if i := c.modelIndex(id); i >= 0 {
			c.Models = slices.Delete(c.Models, i, i+1)
			c.Changes = slices.DeleteFunc(c.Changes, func(ch Change) bool { return ch.ModelID == id })
		}
		if i := c.plan(id); i >= 0 {
			c.Plans = slices.Delete(c.Plans, i, i+1)
			delete(c.likes, id)
		}
	}
	if e, ok := sec["subscriptions"]; ok {
		if err := d.overlayPlans(e.v, e.p, c, o, removed); err != nil {
			return nil, nil, err
		}
	}
	// A plan of the catalog may still list a model the overlay removed.
	for _, s := range c.Plans {
		for _, id := range s.Models {
			if _, ok := c.Model(id); !ok {
				r := removed[id]
				return nil, nil, d.errAt(r.node, r.path, "plan %q uses API model %q: remove that plan too, or replace it in subscriptions without this model", s.ID, id)
			}
		}
	}
	if o.AsOf > c.AsOf {
		c.AsOf = o.AsOf
	}
	return c, o, nil
}

// removal is one id of the remove list, with where it is.
type removal struct {
	node ast.Node
	path *path
}

func (d *decoder) removeList(n ast.Node, p *path, base *Catalog, o *Overlay) (map[string]removal, error) {
	items, err := d.seq(n, p)
	if err != nil {
		return nil, err
	}
	out := make(map[string]removal, len(items))
	for i, it := range items {
		ip := p.at(i)
		id, err := d.ident(it, ip)
		if err != nil {
			return nil, err
		}
		if first, dup := out[id]; dup {
			line, _ := position(first.node)
			return nil, d.errAt(it, ip, "%q is already removed (line %d)", id, line)
		}
		if _, ok := base.Model(id); !ok && base.plan(id) < 0 {
			msg := fmt.Sprintf("nothing to remove: the catalog has no API model or subscription %q", id)
			ids := modelIDs(base)
			for _, s := range base.Plans {
				ids = append(ids, s.ID)
			}
			if s := suggest(id, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, d.errAt(it, ip, "%s", msg)
		}
		out[id] = removal{it, ip}
		o.Remove = append(o.Remove, id)
	}
	return out, nil
}

// notRemoved refuses an entry at p whose id the remove list also names,
// pointing at the entry's id (where ids saw it).
func (d *decoder) notRemoved(removed map[string]removal, id string, ids seen, p *path) error {
	r, ok := removed[id]
	if !ok {
		return nil
	}
	line, _ := position(r.node)
	return d.errAt(ids[id], p.field("id"), "%q is also in remove (line %d): give it or remove it, not both", id, line)
}

func (d *decoder) overlayModels(n ast.Node, p *path, c *Catalog, o *Overlay, removed map[string]removal) error {
	items, err := d.seq(n, p)
	if err != nil {
		return err
	}
	ids := make(seen, len(items))
	at := make(map[string]int, len(c.Models)+len(items)) // c.Models by id: one lookup per entry, not a search
	for j := range c.Models {
		at[c.Models[j].ID] = j
	}
	for i, it := range items {
		ip := p.at(i)
		m, changes, err := d.apiModel(it, ip, c.Tokenizers, ids)
		if err != nil {
			return err
		}
		if err := d.notRemoved(removed, m.ID, ids, ip); err != nil {
			return err
		}
		o.Models = append(o.Models, m.Clone())
		o.Changes = append(o.Changes, changes...)
		if j, ok := at[m.ID]; ok {
			c.Models[j] = m
			c.Changes = slices.DeleteFunc(c.Changes, func(ch Change) bool { return ch.ModelID == m.ID })
		} else {
			at[m.ID] = len(c.Models)
			c.Models = append(c.Models, m)
		}
		c.Changes = append(c.Changes, changes...)
	}
	sortChanges(o.Changes)
	sortChanges(c.Changes)
	return nil
}

// sortChanges puts chs in date order, the order ApplyChanges applies them
// in; the order they came in breaks ties.
func sortChanges(chs []Change) {
	slices.SortStableFunc(chs, func(a, b Change) int { return cmp.Compare(a.Date, b.Date) })
}

func (d *decoder) overlayPlans(n ast.Node, p *path, c *Catalog, o *Overlay, removed map[string]removal) error {
	items, err := d.seq(n, p)
	if err != nil {
		return err
	}
	ids := make(seen, len(items))
	at := make(map[string]int, len(items)) // id → index in items
	var likes []like
	for i, it := range items {
		ip := p.at(i)
		s, l, err := d.subscription(it, ip, c, ids)
		if err != nil {
			return err
		}
		if err := d.notRemoved(removed, s.ID, ids, ip); err != nil {
			return err
		}
		at[s.ID] = i
		j := c.plan(s.ID)
		if j >= 0 {
			c.Plans[j] = s
		} else {
			j = len(c.Plans)
			c.Plans = append(c.Plans, s)
		}
		delete(c.likes, s.ID)
		if l != nil {
			l.plan = j
			likes = append(likes, *l)
		}
	}
	// The merged catalog is checked as a catalog is: limits_like points at
	// a plan with limits of its own, never at one of the catalog's plans
	// that takes its limits from another (which may be this one: a cycle).
	for _, l := range likes {
		id := c.Plans[l.plan].ID
		if ref, chained := c.likes[l.base]; chained {
			if ref.base == id {
				return d.errAt(l.node, l.path, "limits_like cycle: %s → %s → %s", id, l.base, id)
			}
			return d.errAt(l.node, l.path, "plan %q itself uses limits_like: point at a plan with limits of its own", l.base)
		}
	}
	if err := d.resolveLikes(c, likes); err != nil {
		return err
	}
	if c.likes == nil {
		c.likes = map[string]likeRef{}
	}
	o.likes = make(map[string]likeRef, len(likes))
	for _, l := range likes {
		ref := likeRef{base: l.base, factor: l.factor}
		c.likes[c.Plans[l.plan].ID], o.likes[c.Plans[l.plan].ID] = ref, ref
	}
	// The overlay's plans in file order, their limits resolved.
	o.Plans = make([]model.Subscription, len(items))
	for id, i := range at {
		o.Plans[i] = c.Plans[c.plan(id)].Clone()
	}
	// A plan of the catalog built on a plan the overlay replaced follows it.
	for i := range c.Plans {
		s := &c.Plans[i]
		ref, ok := c.likes[s.ID]
		if _, mine := at[s.ID]; !ok || mine {
			continue
		}
		bi, replaced := at[ref.base]
		if !replaced {
			continue
		}
		b := &c.Plans[c.plan(ref.base)]
		if _, chained := o.likes[ref.base]; chained || len(b.Limits) == 0 {
			return d.errAt(items[bi], p.at(bi), "plan %q of the catalog takes its limits from this plan (limits_like), so it needs limits of its own", s.ID)
		}
		s.Limits = scaledLimits(b, ref.factor)
	}
	return nil
}

func mergeFX(dst *FX, src FX) {
	if src.AsOf != "" {
		dst.AsOf = src.AsOf
	}
	if src.Source != "" {
		dst.Source = src.Source
	}
	if len(src.Rates) > 0 {
		if dst.Rates == nil {
			dst.Rates = map[string]float64{}
		}
		maps.Copy(dst.Rates, src.Rates)
	}
}

// BackupSuffix names the copy SaveOverlay keeps of the overlay it replaces.
const BackupSuffix = ".bak"

// SaveOverlay writes o to path atomically, as SaveWorkload does, and keeps
// the file it replaces as path + BackupSuffix (one generation), rotated only
// once the new file is in place (safefile.Write). It returns the backup's
// path, "" when there was no file to keep. Nothing is written unless o
// marshals and reads back the same (MarshalOverlay).
func SaveOverlay(path string, base *Catalog, o *Overlay, header ...string) (backup string, err error) {
	data, err := MarshalOverlay(base, o, header...)
	if err != nil {
		return "", err
	}
	return safefile.Write(path, data, safefile.Options{Backup: BackupSuffix})
}

// PutModel adds m to the overlay, or replaces the overlay's entry with its
// id; changes replace that entry's dated changes.
// Models are found by id in an index, so that putting n models costs n
// steps, not n² (an import of a price file puts tens of thousands); the
// index is rebuilt when it no longer matches Models (which only the
// decoder and PutModel change).
func (o *Overlay) PutModel(m model.APIModel, changes []Change) {
	m = m.Clone()
	i, had := o.modelIdx[m.ID]
	if o.modelIdx == nil || len(o.modelIdx) != len(o.Models) || had && (i >= len(o.Models) || o.Models[i].ID != m.ID) {
		o.modelIdx = make(map[string]int, len(o.Models))
		for i := range o.Models {
			o.modelIdx[o.Models[i].ID] = i
		}
		i, had = o.modelIdx[m.ID]
	}
	if had {
		o.Models[i] = m
	} else {
		o.modelIdx[m.ID] = len(o.Models)
		o.Models = append(o.Models, m)
	}
	n := len(o.Changes)
	if had {
		o.Changes = slices.DeleteFunc(o.Changes, func(ch Change) bool { return ch.ModelID == m.ID })
	}
	for _, ch := range changes {
		ch.ModelID, ch.Applied = m.ID, false
		o.Changes = append(o.Changes, ch)
	}
	if len(changes) > 0 || len(o.Changes) != n {
		sortChanges(o.Changes)
	}
}

// Empty reports whether the overlay changes nothing.
func (o *Overlay) Empty() bool {
	return o.AsOf == "" && len(o.Tokenizers) == 0 && len(o.TokenizerNotes) == 0 && o.FX.AsOf == "" &&
		o.FX.Source == "" && len(o.FX.Rates) == 0 && len(o.Models) == 0 && len(o.Plans) == 0 && len(o.Remove) == 0
}

// MarshalOverlay writes o in the overlay format, each entry under a comment
// saying where it came from; header lines (without "# ") open the file. The
// output is parsed again against base and compared with o before it is
// returned, so what is written always loads, and loads as o.
func MarshalOverlay(base *Catalog, o *Overlay, header ...string) ([]byte, error) {
	var b bytes.Buffer
	for _, h := range header {
		for l := range strings.SplitSeq(h, "\n") {
			b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
		}
	}
	b.WriteString("schema: 1\n")
	yamlFields{&b, ""}.text("as_of", o.AsOf)
	if len(o.Tokenizers) > 0 {
		b.WriteString("\ntokenizers:\n")
		for _, fam := range slices.Sorted(maps.Keys(o.Tokenizers)) {
			langs := o.Tokenizers[fam]
			var parts []string
			for _, l := range slices.Sorted(maps.Keys(langs)) {
				if r, ok := o.FactorRanges[fam][l]; ok {
					parts = append(parts, fmt.Sprintf("%s: {value: %s, low: %s, high: %s}", l, yamlNumber(langs[l]), yamlNumber(r[0]), yamlNumber(r[1])))
				} else {
					parts = append(parts, l+": "+yamlNumber(langs[l]))
				}
			}
			fmt.Fprintf(&b, "  %s: {%s}\n", yamlString(fam), strings.Join(parts, ", "))
		}
	}
	if len(o.TokenizerNotes) > 0 {
		b.WriteString("\ntokenizer_notes:\n")
		for _, fam := range slices.Sorted(maps.Keys(o.TokenizerNotes)) {
			fmt.Fprintf(&b, "  %s: %s\n", yamlString(fam), yamlText(o.TokenizerNotes[fam]))
		}
	}
	if o.FX.AsOf != "" || o.FX.Source != "" || len(o.FX.Rates) > 0 {
		b.WriteString("\n")
		fy := yamlFields{&b, ""}.nested("fx", "  ")
		fy.text("as_of", o.FX.AsOf)
		fy.text("source", o.FX.Source)
		if len(o.FX.Rates) > 0 {
			var parts []string
			for _, k := range slices.Sorted(maps.Keys(o.FX.Rates)) {
				parts = append(parts, k+": "+yamlNumber(o.FX.Rates[k]))
			}
			fy.line("rates", "{"+strings.Join(parts, ", ")+"}")
		}
	}
	if len(o.Models) > 0 {
		b.WriteString("\napi_models:\n")
		for i := range o.Models {
			writeModel(&b, &o.Models[i], o.Changes)
		}
	}
	if len(o.Plans) > 0 {
		b.WriteString("\nsubscriptions:\n")
		for i := range o.Plans {
			writePlan(&b, &o.Plans[i], o.likes)
		}
	}
	if len(o.Remove) > 0 {
		b.WriteString("\n# hidden from the catalog\nremove:\n")
		for _, id := range o.Remove {
			fmt.Fprintf(&b, "  - %s\n", yamlString(id))
		}
	}
	out := b.Bytes()
	_, back, err := ApplyOverlay(base, "overlay", out)
	if err != nil {
		return nil, fmt.Errorf("the overlay cannot be written: %w", unplaced(err))
	}
	if !sameOverlay(o, back) {
		return nil, errors.New("the overlay cannot be written: it would not read back the same")
	}
	return out, nil
}

// provenanceComment says where an entry came from, for the line above it.
func provenanceComment(id string, p model.Provenance) string {
	s := id + ": "
	switch {
	case p.Source != "" && p.AsOf != "":
		s += "from " + p.Source + ", as of " + p.AsOf
	case p.Source != "":
		s += "from " + p.Source + " (undated)"
	default:
		s += "no source given"
	}
	// A comment is one line of printable text.
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !strconv.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
}

// yamlFields writes the key: value lines of one mapping at an indent.
type yamlFields struct {
	b  *bytes.Buffer
	in string
}

func (y yamlFields) line(key, v string) { fmt.Fprintf(y.b, "%s%s: %s\n", y.in, key, v) }

// num writes a number; zero is left out.
func (y yamlFields) num(key string, v float64) {
	if v != 0 {
		y.line(key, yamlNumber(v))
	}
}

// opt writes a number that may be absent.
func (y yamlFields) opt(key string, v *float64) {
	if v != nil {
		y.line(key, yamlNumber(*v))
	}
}

// text writes text as a quoted scalar; empty text is left out.
func (y yamlFields) text(key, v string) {
	if v != "" {
		y.line(key, yamlText(v))
	}
}

// word writes one of the format's words (a status, a confidence) as it
// is; an empty one is left out.
func (y yamlFields) word(key, v string) {
	if v != "" {
		y.line(key, v)
	}
}

// nested is the mapping below key, indented by more.
func (y yamlFields) nested(key, more string) yamlFields {
	fmt.Fprintf(y.b, "%s%s:\n", y.in, key)
	return yamlFields{y.b, y.in + more}
}

// item starts one item of the block sequence under a key written at y's
// indent (nested(key, "")), with its first field, and is the item's other
// fields, indented under that one.
func (y yamlFields) item(key, v string) yamlFields {
	fmt.Fprintf(y.b, "%s  - %s: %s\n", y.in, key, v)
	return yamlFields{y.b, y.in + "    "}
}

func writeModel(b *bytes.Buffer, m *model.APIModel, changes []Change) {
	y := yamlFields{b, "    "}
	fmt.Fprintf(b, "\n  # %s\n", provenanceComment(m.ID, m.Provenance))
	fmt.Fprintf(b, "  - id: %s\n", yamlString(m.ID))
	y.line("provider", yamlString(m.Provider))
	y.line("name", yamlString(m.Name))
	y.line("tier", m.Tier.String())
	if m.Tokenizer != "" {
		y.line("tokenizer", yamlString(m.Tokenizer))
	}
	writeRates(y, m.Rates)
	y.num("batch_discount", m.BatchDiscount)
	if lc := m.LongContext; lc != nil {
		ly := y.nested("long_context", "  ")
		ly.line("threshold", yamlNumber(lc.Threshold))
		writeRates(ly, lc.Rates)
	}
	y.line("context_window", yamlNumber(m.ContextWindow))
	y.num("max_output", m.MaxOutput)
	y.word("status", m.Status)
	y.text("deprecated", m.Deprecated)
	y.text("retired", m.Retired)
	y.word("confidence", m.Confidence)
	first := true
	for _, ch := range changes {
		if ch.ModelID != m.ID {
			continue
		}
		if first {
			y.nested("changes", "")
			first = false
		}
		cy := y.item("date", yamlText(ch.Date))
		cy.opt("input", ch.Input)
		cy.opt("output", ch.Output)
		cy.opt("cache_read", ch.CacheRead)
		cy.opt("cache_write", ch.CacheWrite)
		cy.text("note", ch.Note)
	}
	writeProvenance(y, m.Provenance, false)
}

func writeRates(y yamlFields, r model.Rates) {
	y.line("input", yamlNumber(r.Input))
	y.line("output", yamlNumber(r.Output))
	y.opt("cache_read", r.CacheRead)
	y.opt("cache_write", r.CacheWrite)
	y.opt("cache_write_1h", r.CacheWrite1h)
}

// writeProvenance writes note, source and as_of (confidence when withConf).
func writeProvenance(y yamlFields, p model.Provenance, withConf bool) {
	if withConf {
		y.word("confidence", p.Confidence)
	}
	y.text("note", p.Note)
	y.text("source", p.Source)
	y.text("as_of", p.AsOf)
}

func writePlan(b *bytes.Buffer, s *model.Subscription, likes map[string]likeRef) {
	y := yamlFields{b, "    "}
	fmt.Fprintf(b, "\n  # %s\n", provenanceComment(s.ID, s.Provenance))
	fmt.Fprintf(b, "  - id: %s\n", yamlString(s.ID))
	y.line("vendor", yamlString(s.Vendor))
	y.line("name", yamlString(s.Name))
	y.line("price_monthly", yamlNumber(s.PriceMonthly))
	y.opt("price_annual", s.PriceAnnual)
	if s.SeatsMin != 0 {
		y.line("seats_min", strconv.Itoa(s.SeatsMin))
	}
	y.line("models", "["+flowItems(s.Models, yamlString)+"]") // required, so written even when empty
	flowList(y, "serves", s.Serves, model.Via.String)
	y.num("context_window", s.ContextWindow)
	if s.Uncapped {
		y.line("uncapped", "true")
	}
	if ref, ok := likes[s.ID]; ok {
		y.line("limits_like", "{plan: "+yamlString(ref.base)+", factor: "+yamlNumber(ref.factor)+"}")
	} else if len(s.Limits) > 0 {
		y.nested("limits", "")
		for _, l := range s.Limits {
			ly := y.item("window_hours", yamlNumber(l.WindowHours))
			ly.line(l.Unit(), yamlNumber(l.Capacity()))
			if l.Low > 0 {
				ly.line("low", yamlNumber(l.Low))
			}
			if l.High > 0 {
				ly.line("high", yamlNumber(l.High))
			}
			ly.num("reference_tokens", l.ReferenceTokens)
			flowList(ly, "tiers", l.Tiers, model.Tier.String)
			flowList(ly, "models", l.Models, yamlString)
			flowList(ly, "via", l.Via, model.Via.String)
			if len(l.Weights) > 0 {
				var ws []string
				for _, id := range slices.Sorted(maps.Keys(l.Weights)) {
					ws = append(ws, yamlString(id)+": "+yamlNumber(l.Weights[id]))
				}
				ly.line("weights", "{"+strings.Join(ws, ", ")+"}")
			}
			ly.num("overage", l.Overage)
			ly.word("confidence", l.Confidence)
			ly.text("note", l.Note)
		}
	}
	y.num("api_credit_monthly", s.APICreditMonthly)
	y.word("status", s.Status)
	writeProvenance(y, s.Provenance, true)
}

// yamlText writes any text the parser admits as a double-quoted scalar:
// unlike yamlString it escapes line breaks and tabs, which a quoted scalar
// would otherwise fold into spaces.
func yamlText(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// sameOverlay compares what two overlays do (nil and empty are the same).
func sameOverlay(a, b *Overlay) bool {
	norm := func(o *Overlay) Overlay {
		x := *o
		x.Changes = slices.Clone(o.Changes)
		for i := range x.Changes {
			x.Changes[i].Applied = false
		}
		x.Tokenizers, x.FactorRanges = nilIfEmpty(x.Tokenizers), nilIfEmpty(x.FactorRanges)
		x.TokenizerNotes, x.FX.Rates = nilIfEmpty(x.TokenizerNotes), nilIfEmpty(x.FX.Rates)
		x.likes, x.modelIdx = nilIfEmpty(x.likes), nil
		x.Models, x.Plans = nilSliceIfEmpty(x.Models), nilSliceIfEmpty(x.Plans)
		x.Changes, x.Remove = nilSliceIfEmpty(x.Changes), nilSliceIfEmpty(x.Remove)
		return x
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// nilIfEmpty and nilSliceIfEmpty make an empty map or slice nil, for
// reflect.DeepEqual.
func nilIfEmpty[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) == 0 {
		return nil
	}
	return m
}

func nilSliceIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// flowItems writes xs as a flow list's items, each with item: "chat, agent".
func flowItems[T any](xs []T, item func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = item(x)
	}
	return strings.Join(out, ", ")
}

// flowList writes xs under key as a flow list ("[chat, agent]"), each item
// with item; an empty list is left out. (A method cannot take a type
// parameter, so y comes first.)
func flowList[T any](y yamlFields, key string, xs []T, item func(T) string) {
	if len(xs) > 0 {
		y.line(key, "["+flowItems(xs, item)+"]")
	}
}
