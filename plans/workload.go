package plans

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

var (
	perNames     = []string{"day", "week", "month"}
	billingNames = []string{"monthly", "annual"}
)

// anySpan lets every finite number through: a workload's ranges are
// model.Workload.Validate's to decide, so they live in one place.
var anySpan = span{lo: math.Inf(-1), hi: math.Inf(1)}

// LoadWorkload reads and parses a workload file. A file that cannot be read
// gives a *fs.PathError (readFile), so os.IsNotExist works on it.
func LoadWorkload(path string) (model.Workload, error) {
	data, err := readFile(path)
	if err != nil {
		return model.Workload{}, err
	}
	return ParseWorkload(path, data)
}

// ParseWorkload parses a workload; name is the file name errors carry.
// Fields left out take the defaults of DESIGN.md.
func ParseWorkload(name string, data []byte) (model.Workload, error) {
	w, _, err := parseWorkload(name, data)
	return w, err
}

// parseWorkload is ParseWorkload and the file's top node.
func parseWorkload(name string, data []byte) (model.Workload, ast.Node, error) {
	d, body, err := parseDocument(name, data)
	if err != nil {
		return model.Workload{}, nil, err
	}
	if body == nil {
		return model.Workload{}, nil, errorf(name, 1, 1, "", "the workload is empty")
	}
	nodes := map[string]ast.Node{"": body}
	w, err := d.workload(body, nodes)
	if err != nil {
		return model.Workload{}, nil, err
	}
	if err := w.Validate(); err != nil {
		return model.Workload{}, nil, d.placed(err, nodes)
	}
	return w, body, nil
}

// PlaceInWorkload places err, a problem with one field of the workload file
// at path that the file alone cannot show (a currency the catalog has no
// rate for), at that field: an *Error with its line and column. field is
// named as ParseWorkload names fields ("currency", "classes[1].min_tier").
// When the file no longer reads as it did, err is returned as it is.
func PlaceInWorkload(path, field string, err error) error {
	data, rerr := readFile(path)
	if rerr != nil {
		return err
	}
	d, body, perr := parseDocument(path, data)
	if perr != nil || body == nil {
		return err
	}
	nodes := map[string]ast.Node{"": body}
	if _, werr := d.workload(body, nodes); werr != nil {
		return err
	}
	return d.placed(fmt.Errorf("%s: %w", field, err), nodes)
}

// UnknownCurrent says why current, a workload's current plan, is not a
// plan of cat, naming the nearest id there is; nil when it is one or none
// is set. It is for a note, not an error: a workload outlives catalogs (an
// overlay may remove a plan, a later catalog drop one, and the app keeps
// current: in its state file), and the verdict then leaves switching out
// (model.Verdict.Current is nil). PlaceInWorkload places it at current.
func UnknownCurrent(cat *Catalog, current string) error {
	if current == "" {
		return nil
	}
	if _, err := FindPlan(cat, current); err != nil {
		return fmt.Errorf("%w: mistyped, or a plan the catalog no longer lists; the verdict leaves switching out", err)
	}
	return nil
}

// FindPlan is cat's plan id; the error says there is none, with the
// nearest id when one is near (a typo).
func FindPlan(cat *Catalog, id string) (*model.Subscription, error) {
	if p, ok := cat.Plan(id); ok {
		return p, nil
	}
	ids := make([]string, len(cat.Plans))
	for i := range cat.Plans {
		ids[i] = cat.Plans[i].ID
	}
	msg := fmt.Sprintf("no plan %q in this catalog", id)
	if s := suggest(id, ids); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return nil, errors.New(msg)
}

// placed turns an error of model.Workload.Validate ("classes[1].cache_hit:
// 2 is not in [0, 1]") into an *Error at the node of that field, or of the
// nearest enclosing one the file has (a field left to its default has none).
func (d *decoder) placed(err error, nodes map[string]ast.Node) *Error {
	field, msg, ok := strings.Cut(err.Error(), ": ")
	if !ok {
		field, msg = "", err.Error()
	}
	for at := field; ; {
		if n, ok := nodes[at]; ok {
			line, col := position(n)
			return errorf(d.file, line, col, field, "%s", msg)
		}
		if at == "" {
			return errorf(d.file, 1, 1, field, "%s", msg)
		}
		at = at[:max(strings.LastIndexAny(at, ".["), 0)]
	}
}

func (d *decoder) workload(body ast.Node, nodes map[string]ast.Node) (model.Workload, error) {
	w := model.NewWorkload("")
	es, err := d.mapping(body, nil)
	if err != nil {
		return w, err
	}
	var sizes []givenSize // in words or pages: converted once the language is known
	for _, e := range es {
		nodes[e.key] = e.v
	}
	err = d.fields(es, nil, []field{
		into("name", &w.Name, d.line),
		into("description", &w.Description, d.line),
		into("days_per_month", &w.DaysPerMonth, d.requiredNumber),
		into("hours_per_day", &w.HoursPerDay, d.requiredNumber),
		into("people", &w.People, d.requiredInt),
		{"language", func(e entry, ep *path) (err error) {
			if w.Language, err = d.line(e.v, ep); err == nil && !languageRE.MatchString(w.Language) {
				err = d.errAt(e.v, ep, "%q is not a language code like en, ko or pt-BR", w.Language)
			}
			return err
		}},
		enumField(d, "billing", &w.Billing, billingNames, model.ParseBilling),
		into("currency", &w.Currency, d.currency),
		into("current", &w.Current, d.line),
		into("budget", &w.Budget, d.requiredNumber),
		{"classes", func(e entry, ep *path) (err error) {
			w.Classes, err = d.classes(e.v, ep, nodes, &sizes)
			return err
		}},
	})
	if err != nil {
		return w, err
	}
	for _, s := range sizes {
		c := &w.Classes[s.class]
		t := SizeToTokens(w.Language, s.unit, s.amount)
		if t > model.MaxTokens {
			return w, d.errAt(s.node, s.path, "%s %s of %s make %s tokens, more than the limit of %s",
				fmtG(s.amount), s.unit, languageLabel(w.Language), fmtG(t), fmtG(model.MaxTokens))
		}
		if s.output {
			c.OutputTokens = t
		} else {
			c.InputTokens = t
		}
	}
	return w, nil
}

// givenSize is a class's input or output size given in words or pages.
type givenSize struct {
	class  int
	output bool
	unit   model.Unit
	amount float64
	node   ast.Node
	path   *path
}

// languageLabel names the language whose units convert a size.
func languageLabel(lang string) string {
	if _, ok := LanguageUnits(lang); ok {
		return lang
	}
	return lang + " (measured as English)"
}

// currency reads a display currency code; lower case is accepted. Whether
// the catalog can convert to it is checked by whoever has the catalog.
func (d *decoder) currency(n ast.Node, p *path) (string, error) {
	s, err := d.line(n, p)
	if err != nil || s == "" {
		return "", err
	}
	if up := strings.ToUpper(s); currencyRE.MatchString(up) {
		return up, nil
	}
	return "", d.errAt(n, p, "%q is not a currency code like USD, EUR or KRW", s)
}

func (d *decoder) requiredNumber(n ast.Node, p *path) (float64, error) {
	return d.required(n, p, anySpan)
}

func (d *decoder) requiredInt(n ast.Node, p *path) (int, error) {
	v, ok, err := d.integer(n, p, anySpan)
	if err == nil && !ok {
		err = d.errAt(n, p, "a value is required")
	}
	return v, err
}

// className reads a class's name, under the model's rule for one.
func (d *decoder) className(n ast.Node, p *path) (string, error) {
	s, _, err := d.text(n, p)
	if err != nil {
		return "", err
	}
	if err := model.CheckClassName(s); err != nil {
		return "", d.errAt(n, p, "%s", err)
	}
	return s, nil
}

func (d *decoder) classes(n ast.Node, p *path, nodes map[string]ast.Node, sizes *[]givenSize) ([]model.Class, error) {
	items, err := d.seq(n, p)
	if err != nil || len(items) == 0 {
		return nil, err // none is nil, written or not, so files compare equal
	}
	if len(items) > model.MaxClasses {
		return nil, d.errAt(items[model.MaxClasses], p.at(model.MaxClasses), "a workload has at most %d classes; this is class %d of %d", model.MaxClasses, model.MaxClasses+1, len(items))
	}
	out := make([]model.Class, 0, len(items))
	names := make(seen, len(items))
	for i, it := range items {
		c, err := d.class(it, p.at(i), names, nodes)
		if err != nil {
			return nil, err
		}
		for _, s := range c.sizes {
			s.class = i
			*sizes = append(*sizes, s)
		}
		out = append(out, c.Class)
	}
	return out, nil
}

// classRead is a class as its mapping gave it: the class, and what the
// checks after the reading need.
type classRead struct {
	model.Class
	name, count bool
	batch, via  ast.Node    // where each was given, to tell a conflict
	given       [2]entry    // the key each size was given under, input then output
	sizes       []givenSize // in words or pages, converted once the language is known
}

// class reads one class of the list: every key, then what must hold
// between them. names are the class names seen so far; nodes get where
// each field is, for placing Validate's errors.
func (d *decoder) class(it ast.Node, ip *path, names seen, nodes map[string]ast.Node) (classRead, error) {
	key := ip.String()
	nodes[key] = it
	c := classRead{Class: model.NewClass("")}
	es, err := d.mapping(it, ip)
	if err != nil {
		return c, err
	}
	if isNull(it) {
		return c, d.errAt(it, ip, "expected a class, got nothing")
	}
	for _, e := range es {
		nodes[key+"."+e.key] = e.v
	}
	size := func(e entry, ep *path) error {
		which, _, _ := strings.Cut(e.key, "_")
		g := &c.given[b2i(which == "output")]
		if g.k != nil {
			line, _ := position(g.k)
			return d.errAt(e.k, ep, "the %s size is given twice, as %s (line %d) and as %s: give one", which, g.key, line, e.key)
		}
		*g = e
		nodes[key+"."+which+"_tokens"] = e.v // where Validate's errors on it point
		return d.size(e, ep, &c)
	}
	err = d.fields(es, ip, []field{
		{"name", func(e entry, ep *path) (err error) {
			if c.Name, err = d.className(e.v, ep); err == nil {
				c.name = true
				if first, dup := names[c.Name]; dup {
					line, _ := position(first)
					err = d.errAt(e.v, ep, "duplicate class name %q (first at line %d)", c.Name, line)
				}
				names[c.Name] = e.v
			}
			return err
		}},
		into("count", &c.Count, d.requiredNumber).given(&c.count),
		enumField(d, "per", &c.Per, perNames, model.ParsePer),
		{"input_tokens", size},
		{"input_words", size},
		{"input_pages", size},
		{"output_tokens", size},
		{"output_words", size},
		{"output_pages", size},
		into("reasoning_tokens", &c.ReasoningTokens, d.requiredNumber),
		into("turns", &c.Turns, d.requiredInt),
		into("followup_tokens", &c.FollowupTokens, d.requiredNumber),
		into("cache_hit", &c.CacheHit, d.requiredNumber),
		{"batch", func(e entry, ep *path) (err error) {
			var ok bool
			if c.Batch, ok, err = d.boolean(e.v, ep); err == nil && !ok {
				err = d.errAt(e.v, ep, "a value is required")
			}
			c.batch = e.k
			return err
		}},
		enumField(d, "min_tier", &c.MinTier, tierNames, model.ParseTier),
		{"via", func(e entry, ep *path) error {
			s, err := d.enum(e.v, ep, viaNames)
			if err == nil {
				c.Via, _ = model.ParseVia(s)
				c.via = e.k
			}
			return err
		}},
	})
	if err != nil {
		return c, err
	}
	return c, d.checkClass(it, ip, &c)
}

// size reads a class's input or output size under its key (input_tokens,
// output_words …). Tokens go into the class; words and pages wait in
// c.sizes, since the language may come after the classes.
func (d *decoder) size(e entry, ep *path, c *classRead) error {
	which, unit, _ := strings.Cut(e.key, "_")
	u, _ := model.ParseUnit(unit)
	out := which == "output"
	if u == model.UnitTokens {
		v, err := d.requiredNumber(e.v, ep)
		if err != nil {
			return err
		}
		if out {
			c.OutputTokens = v
		} else {
			c.InputTokens = v
		}
		return nil
	}
	v, err := d.required(e.v, ep, span{lo: 0, hi: math.Inf(1)})
	if err != nil {
		return err
	}
	c.sizes = append(c.sizes, givenSize{output: out, unit: u, amount: v, node: e.v, path: ep})
	if out {
		c.OutputUnit = u
	} else {
		c.InputUnit = u
	}
	return nil
}

// checkClass holds a class read at ip to what its keys say together.
func (d *decoder) checkClass(it ast.Node, ip *path, c *classRead) error {
	if err := d.requireAll(it, ip, need{"name", c.name}, need{"count", c.count}); err != nil {
		return err
	}
	if c.Batch {
		// Batch work is a program's: it runs through the API.
		if c.via != nil && c.Via != model.ViaAPI {
			return d.errAt(c.batch, ip.field("batch"), "a batch class runs through the API: it cannot be via %s (drop batch, or say via: api)", c.Via)
		}
		c.Via = model.ViaAPI
	}
	for j, which := range []string{"input", "output"} {
		if c.given[j].k == nil {
			return d.errAt(it, ip.field(which+"_tokens"), "required field is missing (or give %s_words or %s_pages)", which, which)
		}
	}
	return nil
}

// MarshalWorkload writes w in the workload file format, leaving out every
// field equal to its default. It refuses a workload that would not read back
// equal (invalid values, duplicate or unprintable names): the output is
// parsed again and compared before it is returned.
func MarshalWorkload(w model.Workload) ([]byte, error) {
	out, _, err := marshalWorkload(w)
	return out, err
}

// marshalWorkload is MarshalWorkload and the workload its output reads
// back as, which the check below has parsed already.
func marshalWorkload(w model.Workload) ([]byte, model.Workload, error) {
	// The engine reads an empty language as English and codes in any case;
	// write them the way the parser returns them.
	if w.Language == "" {
		w.Language = model.DefaultLanguage
	}
	w.Currency = strings.ToUpper(w.Currency)
	w.Classes = slices.Clone(w.Classes)
	for i := range w.Classes {
		if w.Classes[i].Batch {
			w.Classes[i].Via = model.ViaAPI // as the file reads back
		}
	}
	if err := w.Validate(); err != nil {
		return nil, model.Workload{}, fmt.Errorf("workload %q: %w", w.Name, err)
	}
	var b bytes.Buffer
	b.WriteString("# tokenomics workload (tokens are English-equivalent, words and pages in its language; the README lists every field)\n")
	str := func(indent, key, v string) {
		fmt.Fprintf(&b, "%s%s: %s\n", indent, key, yamlString(v))
	}
	num := func(indent, key string, v float64) {
		fmt.Fprintf(&b, "%s%s: %s\n", indent, key, yamlNumber(v))
	}
	// A size goes back in the unit it was given in.
	size := func(indent, which string, tokens float64, u model.Unit) {
		v, _ := sizeAmount(w.Language, u, tokens)
		num(indent, which+"_"+u.String(), v)
	}
	if w.Name != "" {
		str("", "name", w.Name)
	}
	if w.Description != "" {
		str("", "description", w.Description)
	}
	if w.DaysPerMonth != model.DefaultDaysPerMonth {
		num("", "days_per_month", w.DaysPerMonth)
	}
	if w.HoursPerDay != model.DefaultHoursPerDay {
		num("", "hours_per_day", w.HoursPerDay)
	}
	if w.People != 1 {
		fmt.Fprintf(&b, "people: %d\n", w.People)
	}
	if w.Language != model.DefaultLanguage {
		str("", "language", w.Language)
	}
	if w.Billing != model.Monthly {
		str("", "billing", w.Billing.String())
	}
	if w.Currency != "" {
		str("", "currency", w.Currency)
	}
	if w.Current != "" {
		str("", "current", w.Current)
	}
	if w.Budget != 0 {
		num("", "budget", w.Budget)
	}
	if len(w.Classes) == 0 {
		b.WriteString("classes: []\n") // also keeps an all-default workload from being an empty file
	} else {
		b.WriteString("classes:\n")
	}
	for _, c := range w.Classes {
		str("  - ", "name", c.Name)
		const in = "    "
		num(in, "count", c.Count)
		if c.Per != model.PerDay {
			str(in, "per", c.Per.String())
		}
		size(in, "input", c.InputTokens, c.InputUnit)
		size(in, "output", c.OutputTokens, c.OutputUnit)
		if c.ReasoningTokens != 0 {
			num(in, "reasoning_tokens", c.ReasoningTokens)
		}
		if c.Turns != 1 {
			fmt.Fprintf(&b, "%sturns: %d\n", in, c.Turns)
		}
		if c.FollowupTokens != 0 {
			num(in, "followup_tokens", c.FollowupTokens)
		}
		if c.CacheHit != 0 {
			num(in, "cache_hit", c.CacheHit)
		}
		if c.Batch {
			fmt.Fprintf(&b, "%sbatch: true\n", in)
		}
		if c.MinTier != model.Small {
			str(in, "min_tier", c.MinTier.String())
		}
		if c.Via != model.ViaChat && !c.Batch { // batch implies api
			str(in, "via", c.Via.String())
		}
	}
	out := b.Bytes()
	back, err := ParseWorkload("workload", out)
	if err != nil {
		return nil, model.Workload{}, fmt.Errorf("workload %q cannot be written: %w", w.Name, unplaced(err))
	}
	if !sameWorkload(w, back) {
		return nil, model.Workload{}, fmt.Errorf("workload %q cannot be written: it would not read back the same", w.Name)
	}
	return out, back, nil
}

// sameWorkload compares two workloads field by field (no NaN after Validate;
// a nil and an empty class list are the same). A size in words or pages may
// come back within rounding of the tokens it was written from (sizeAmount).
func sameWorkload(a, b model.Workload) bool {
	ac, bc := a.Classes, b.Classes
	a.Classes, b.Classes = nil, nil
	return reflect.DeepEqual(a, b) && slices.EqualFunc(ac, bc, func(x, y model.Class) bool {
		if x.InputUnit != y.InputUnit || x.OutputUnit != y.OutputUnit ||
			!sameSize(x.InputUnit, x.InputTokens, y.InputTokens) || !sameSize(x.OutputUnit, x.OutputTokens, y.OutputTokens) {
			return false
		}
		x.InputTokens, x.OutputTokens = y.InputTokens, y.OutputTokens
		return x == y
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// yamlNumber writes the shortest decimal that reads back as exactly v. Past
// Num's bounds it takes the exponent form YAML 1.1 readers also take as a
// number (a point in the mantissa, a sign in the exponent: 1.0e-320), else
// none (1e+06 is text to some of them).
func yamlNumber(v float64) string {
	if v == 0 {
		return "0" // also for -0
	}
	s := Num(v)
	if mant, exp, ok := strings.Cut(s, "e"); ok && !strings.Contains(mant, ".") {
		s = mant + ".0e" + exp
	}
	return s
}

// Num writes v for people: the shortest decimal that reads back as v, in
// exponent form only below 1e-6 or from 1e21 on, so that an absurd value (a
// price of 1e-320 in a file) takes a few characters, not hundreds.
func Num(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(v, 'e', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// plainRE matches text that YAML reads back as the same string when written
// without quotes: it starts with a letter and holds no indicator that could
// start a comment, mapping, flow collection or escape.
var plainRE = regexp.MustCompile(`^\p{L}([\p{L}\p{N} ,._()/+'&-]*[\p{L}\p{N}._)])?$`)

// yamlReserved are words YAML 1.1 readers take for booleans or null.
var yamlReserved = []string{"y", "n", "yes", "no", "on", "off", "true", "false", "null"}

// yamlString writes s plainly when that is safe, else double-quoted. The
// parser admits only printable text, so only \ and " need escaping.
func yamlString(s string) string {
	if plainRE.MatchString(s) && !slices.Contains(yamlReserved, strings.ToLower(s)) {
		return s
	}
	return yamlText(s)
}

// SaveWorkload writes w to path atomically (safefile.Write): path holds the
// old content or the new, never a mix. Missing parent directories are
// created. A symbolic link at path is refused, not written through.
//
// A workload file at path that parses keeps its comments: the head, and
// those above, beside or after a top-level key, a class (matched by name)
// or one of its fields stay at their place (withComments). The comments of
// a class w no longer has are dropped with it, and blank lines between
// comments are not kept.
func SaveWorkload(path string, w model.Workload) error {
	return saveWorkload(path, w, safefile.Options{})
}

// SaveNewWorkload is SaveWorkload to a new file only: a file at path is
// refused (safefile.ErrExists), never replaced (import --save, which
// cannot ask).
func SaveNewWorkload(path string, w model.Workload) error {
	return saveWorkload(path, w, safefile.Options{NoReplace: true})
}

func saveWorkload(path string, w model.Workload, opt safefile.Options) error {
	data, back, err := marshalWorkload(w)
	if err != nil {
		return err
	}
	if !opt.NoReplace {
		if old, err := readFile(path); err == nil {
			data = withComments(old, data, back)
		}
	}
	_, err = safefile.Write(path, data, opt)
	return err
}
