package model

import "slices"

// prep is what every evaluation of one catalog in one language shares: the
// offered models and their providers, each tokenizer's factor, the quotes'
// IDs and names, each model's notes and source, each plan's models. It
// never changes once made, so the results that point to it may be read
// from any goroutine.
type prep struct {
	c      *Catalog
	lang   string            // the workload's language, as it gives it
	models []*APIModel       // offered models, catalog order
	lams   map[string]Lambda // per tokenizer of any model: its factor for lang
	ranged bool              // some offered model's factor has a range: options have ends

	providers []string      // the offered models' providers in catalog order of first appearance
	apiIDs    []string      // per model: its option's ID
	notes     [][]Note      // per model: the notes it brings to any quote that uses it, clipped
	factors   [][]FactorUse // per model: its estimated factor, clipped; nil when exact
	sources   [][]Source    // per model: its source alone, clipped
	mixIDs    []string      // per provider: its mix's ID and name
	mixNames  []string
	planMs    [][]*APIModel // per plan: its offered models, in the plan's order
	planTail  [][]Note      // per plan: its notes that do not depend on the workload
}

func newPrep(c *Catalog, lang string) *prep {
	p := &prep{c: c, lang: lang, lams: make(map[string]Lambda)}
	for i := range c.Models {
		m := &c.Models[i]
		l, ok := p.lams[m.Tokenizer]
		if !ok {
			l = c.Lambda(m.Tokenizer, lang)
			p.lams[m.Tokenizer] = l
		}
		if c.Offered(m) {
			p.models = append(p.models, m)
			p.ranged = p.ranged || l.Ranged()
			if !slices.Contains(p.providers, m.Provider) {
				p.providers = append(p.providers, m.Provider)
			}
		}
	}
	n := len(p.models)
	p.apiIDs, p.notes, p.sources = make([]string, n), make([][]Note, n), make([][]Source, n)
	p.factors = make([][]FactorUse, n)
	src := make([]Source, n)
	e := &engine{prep: p}
	for mi, m := range p.models {
		p.apiIDs[mi] = "api:" + m.ID
		src[mi] = Source{ID: m.ID, Name: m.Name, Provenance: m.Provenance}
		p.sources[mi] = src[mi : mi+1 : mi+1]
		p.notes[mi] = e.modelNotes(m)
		p.factors[mi] = slices.Clip(e.addFactor(nil, m.Tokenizer))
	}
	for _, pr := range p.providers {
		p.mixIDs, p.mixNames = append(p.mixIDs, "mix:"+pr), append(p.mixNames, "API mix, "+pr)
	}
	p.planMs, p.planTail = make([][]*APIModel, len(c.Plans)), make([][]Note, len(c.Plans))
	for pi := range c.Plans {
		p.planTail[pi] = planTail(&c.Plans[pi])
		// The plan's models, looked up by id once rather than for every class.
		for _, id := range c.Plans[pi].Models {
			if m, ok := c.Model(id); ok && c.Offered(m) {
				p.planMs[pi] = append(p.planMs[pi], m)
			}
		}
	}
	return p
}

// modelNotes are the notes model m brings to any quote that uses it. The
// slice is clipped so that appending to it copies.
func (e *engine) modelNotes(m *APIModel) []Note {
	var notes []Note
	if fs := e.addFactor(nil, m.Tokenizer); len(fs) > 0 {
		notes = append(notes, Note{Kind: NoteFactor, Model: m.Name, Factor: fs[0]})
	}
	if st := m.StatusOn(e.c.On()); st == "legacy" || st == "preview" {
		notes = append(notes, Note{Kind: NoteModelStatus, Model: m.Name, Status: st, Retires: m.Retired})
	}
	if m.Confidence == "estimate" {
		notes = append(notes, Note{Kind: NoteModelEstimate, Model: m.Name})
	}
	if notes == nil {
		return []Note{}
	}
	return slices.Clip(notes)
}

// classRow is one class priced at the point: on every offered model, and
// on every plan of the catalog. It depends on the class's shape alone (not
// its name or count: see rowKey) and never changes once made.
type classRow struct {
	cells []cell
	best  int         // cheapest ok model index, -1 if none
	plans []planClass // per plan
	units [][]float64 // per plan, per limit: units per task, 0 when the limit does not count it
}

// rowKey is what a class's row depends on: the class without its name, its
// count and how its sizes are shown.
func rowKey(cl *Class) Class {
	k := *cl
	k.Name, k.Count, k.Per, k.InputUnit, k.OutputUnit = "", 0, PerDay, UnitTokens, UnitTokens
	return k
}

// Cache keeps, from one evaluation to the next, what a change to the
// workload's counts or to one class leaves as it was: the catalog's offered
// models, factors, notes and sources, and each class priced on every model
// and plan, by the class's shape. The app evaluates through one on every
// keystroke; EvaluatePoint through a Cache is EvaluatePoint.
//
// A Cache is for one goroutine at a time, and the catalog must not change
// while a Cache holds it (a changed catalog is a new one). The results it
// returns share only what it never changes, and may be read, and given
// their ends and flips, from any goroutine. The zero Cache is ready to use.
type Cache struct {
	p    *prep
	rows map[Class]*classRow
	last shapeMemo
}

// shapeMemo is what the last evaluation made for its classes' rows, its
// people and its billing: the plans as the workload sees them, and each
// plan's notes when nothing comes before them. A slider step on a count
// leaves all of it as it was.
type shapeMemo struct {
	rows    []*classRow
	people  int
	billing Billing
	plans   []planPre // nil until made
	notes   [][]Note  // per plan, made on first use
}

// maxRows bounds a Cache's rows beyond the workload's own: room for the
// rows of the last few slider steps, so that stepping back finds them.
const maxRows = 64

// EvaluatePoint is the package's EvaluatePoint, taking what it can from
// the cache and keeping what it makes there.
func (x *Cache) EvaluatePoint(w Workload, c *Catalog) (Result, error) {
	if err := w.Validate(); err != nil {
		return Result{}, err
	}
	if x.p == nil || x.p.c != c || x.p.lang != w.Language {
		x.p, x.rows, x.last = newPrep(c, w.Language), nil, shapeMemo{}
	}
	if x.rows == nil || len(x.rows) > len(w.Classes)+maxRows {
		x.rows = make(map[Class]*classRow, len(w.Classes))
	}
	e := &engine{prep: x.p, w: &w}
	rows := make([]*classRow, len(w.Classes))
	for ci := range w.Classes {
		k := rowKey(&w.Classes[ci])
		if rows[ci] = x.rows[k]; rows[ci] == nil {
			rows[ci] = e.newRow(&w.Classes[ci])
			x.rows[k] = rows[ci]
		}
	}
	if !slices.Equal(x.last.rows, rows) || x.last.people != w.People || x.last.billing != w.Billing {
		x.last = shapeMemo{rows: rows, people: w.People, billing: w.Billing}
	}
	e = newEngine(&w, x.p, atPoint, rows, nil)
	e.memo = &x.last
	return evaluatePoint(e, rows), nil
}

// newRow prices class cl at the point on every offered model and plan.
func (e *engine) newRow(cl *Class) *classRow {
	r := &classRow{}
	r.cells, r.best = e.cellsOf(cl, nil)
	r.plans = make([]planClass, len(e.c.Plans))
	r.units = make([][]float64, len(e.c.Plans))
	for pi := range e.c.Plans {
		r.units[pi] = make([]float64, len(e.c.Plans[pi].Limits))
		e.planClassOf(pi, cl, r.cells, &r.plans[pi], r.units[pi])
	}
	return r
}
