package plans

import (
	"errors"
	"math"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

func TestEmbeddedCatalog(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatalf("Embedded: %v", err)
	}
	if len(c.Models) == 0 || len(c.Plans) == 0 {
		t.Fatalf("Embedded: %d models, %d plans", len(c.Models), len(c.Plans))
	}
	if !validDate(c.AsOf) {
		t.Errorf("catalog as_of %q is not a date", c.AsOf)
	}
	// The shipped catalog promises provenance on every entry (DESIGN.md:
	// "Every price and limit carries where it came from and when").
	prov := func(what string, p model.Provenance) {
		t.Helper()
		if strings.TrimSpace(p.Source) == "" {
			t.Errorf("%s: no source", what)
		}
		if !validDate(p.AsOf) {
			t.Errorf("%s: as_of %q is not a date", what, p.AsOf)
		} else if p.AsOf > c.AsOf {
			t.Errorf("%s: as_of %s is after the catalog's %s", what, p.AsOf, c.AsOf)
		}
		if p.Confidence == "" {
			t.Errorf("%s: no confidence", what)
		}
	}
	price := func(what string, v float64) {
		t.Helper()
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Errorf("%s = %v", what, v)
		}
	}
	optPrice := func(what string, v *float64) {
		t.Helper()
		if v != nil {
			price(what, *v)
		}
	}
	for _, m := range c.Models {
		prov("api model "+m.ID, m.Provenance)
		// A missing input or output price would read as 0: every model must say.
		if m.Input <= 0 || m.Output <= 0 {
			t.Errorf("%s: input %v, output %v: a price is missing", m.ID, m.Input, m.Output)
		}
		price(m.ID+".input", m.Input)
		price(m.ID+".output", m.Output)
		optPrice(m.ID+".cache_read", m.CacheRead)
		optPrice(m.ID+".cache_write", m.CacheWrite)
		if lc := m.LongContext; lc != nil {
			price(m.ID+".long_context.input", lc.Input)
			price(m.ID+".long_context.output", lc.Output)
			optPrice(m.ID+".long_context.cache_read", lc.CacheRead)
			optPrice(m.ID+".long_context.cache_write", lc.CacheWrite)
		}
		if m.Tokenizer != "" {
			if _, ok := c.Tokenizers[m.Tokenizer]; !ok {
				t.Errorf("%s: tokenizer %q is not in the catalog", m.ID, m.Tokenizer)
			}
		}
		if m.Status == "" {
			t.Errorf("%s: no status", m.ID)
		}
	}
	for _, p := range c.Plans {
		prov("subscription "+p.ID, p.Provenance)
		price(p.ID+".price_monthly", p.PriceMonthly)
		optPrice(p.ID+".price_annual", p.PriceAnnual)
		for _, id := range p.Models {
			if _, ok := c.Model(id); !ok {
				t.Errorf("%s: model %q is not in the catalog", p.ID, id)
			}
		}
		for i, l := range p.Limits {
			if l.Confidence == "" {
				t.Errorf("%s: limit %d has no confidence", p.ID, i)
			}
			if l.Capacity() <= 0 || l.WindowHours <= 0 {
				t.Errorf("%s: limit %d: capacity %v per %v h", p.ID, i, l.Capacity(), l.WindowHours)
			}
		}
		if p.Status == "" {
			t.Errorf("%s: no status", p.ID)
		}
	}
	for _, ch := range c.Changes {
		if _, ok := c.Model(ch.ModelID); !ok || !validDate(ch.Date) {
			t.Errorf("change %+v: unknown model or bad date", ch)
		}
	}
	if !slices.IsSortedFunc(c.Changes, func(a, b Change) int { return strings.Compare(a.Date, b.Date) }) {
		t.Errorf("changes are not in date order")
	}
	for _, code := range c.Currencies() {
		if r, err := c.Rate(code); err != nil || r <= 0 {
			t.Errorf("Rate(%s) = %v, %v", code, r, err)
		}
	}
	if c.FX.AsOf == "" || c.FX.Source == "" {
		t.Errorf("fx has no as_of or source")
	}
}

// Every preset on the shipped catalog gives finite, non-negative costs and at
// least one eligible option, before and after the dated changes.
func TestEmbeddedEvaluatesPresets(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, today := range []string{"2000-01-01", "2100-01-01"} {
		c.ApplyChanges(today)
		for _, p := range Presets() {
			r := checkEvaluate(t, p.Workload, &c.Catalog)
			if v := r.Verdict(""); v.Answer == model.AnswerNone {
				t.Errorf("%s on %s: no eligible option", p.Name, today)
			}
		}
	}
}

// checkEvaluate evaluates w on c and fails on any non-finite or negative cost.
func checkEvaluate(t testing.TB, w model.Workload, c *model.Catalog) model.Result {
	t.Helper()
	r, err := model.Evaluate(w, c)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	for _, q := range r.Quotes {
		if bad(q.Monthly) || bad(q.PerTask) || bad(q.Base) || bad(q.Overflow) || bad(q.Utilization) {
			t.Fatalf("%s: monthly %v, per task %v, base %v, overflow %v, utilization %v", q.ID, q.Monthly, q.PerTask, q.Base, q.Overflow, q.Utilization)
		}
		for _, cq := range q.Classes {
			if bad(cq.Cost) || bad(cq.Tasks) || bad(cq.InputTokens) || bad(cq.OutputTokens) {
				t.Fatalf("%s / %s: cost %v, tasks %v", q.ID, cq.Name, cq.Cost, cq.Tasks)
			}
		}
	}
	return r
}

// Each call hands out a value of its own: changing one never shows in the next.
func TestEmbeddedIsFresh(t *testing.T) {
	a, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseCatalog(embeddedName, embeddedCatalog)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, want) {
		t.Fatal("Embedded differs from a fresh parse of the same file")
	}
	// Scribble over everything reachable from a.
	a.AsOf = "x"
	a.Tokenizers["x"] = nil
	for _, m := range a.Tokenizers {
		for k := range m {
			m[k] = -1
		}
	}
	for i := range a.Models {
		m := &a.Models[i]
		m.Input = -1
		if m.CacheRead != nil {
			*m.CacheRead = -1
		}
		if m.CacheWrite != nil {
			*m.CacheWrite = -1
		}
		if m.LongContext != nil {
			m.LongContext.Input = -1
			if m.LongContext.CacheRead != nil {
				*m.LongContext.CacheRead = -1
			}
		}
	}
	for i := range a.Plans {
		p := &a.Plans[i]
		if p.PriceAnnual != nil {
			*p.PriceAnnual = -1
		}
		for j := range p.Models {
			p.Models[j] = "x"
		}
		for j := range p.Limits {
			p.Limits[j].Messages = -1
			for k := range p.Limits[j].Tiers {
				p.Limits[j].Tiers[k] = 99
			}
		}
	}
	a.ApplyChanges("2100-01-01")
	a.FX.Rates["KRW"] = -1
	a.TokenizerNotes["x"] = "x"

	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b, want) {
		t.Fatal("changes to one Embedded value leaked into the next")
	}
}

func TestParseCatalogFixture(t *testing.T) {
	c, err := LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mini, _ := c.Model("acme-mini")
	if mini.CacheRead != nil || mini.CacheWrite != nil || mini.LongContext != nil {
		t.Errorf("acme-mini: absent prices must stay nil, got %v %v %v", mini.CacheRead, mini.CacheWrite, mini.LongContext)
	}
	large, _ := c.Model("acme-large")
	if large.CacheRead == nil || *large.CacheRead != 0.3 || large.LongContext == nil ||
		large.LongContext.Threshold != 200000 || *large.LongContext.CacheRead != 0.6 || large.LongContext.CacheWrite != nil {
		t.Errorf("acme-large rates: %+v, long context %+v", large.Rates, large.LongContext)
	}
	if large.Tier != model.Frontier || large.BatchDiscount != 0.5 || large.MaxOutput != 64000 || large.Confidence != "official" || large.AsOf != "2026-11-20" {
		t.Errorf("acme-large: %+v", large)
	}
	if got := c.Tokenizers["acme"]["ko"]; got != 2 {
		t.Errorf("acme ko factor = %v", got)
	}
	if c.TokenizerNotes["acme"] == "" || c.FX.Rates["KRW"] != 1400 || c.FX.AsOf != "2026-11-19" {
		t.Errorf("notes %v, fx %+v", c.TokenizerNotes, c.FX)
	}

	// limits_like: the base plan's limits, each capacity × factor, noted.
	pro, max := c.Plans[0], c.Plans[1]
	want := []model.Limit{
		{WindowHours: 5, Messages: 225, Confidence: "reported", Note: "about 45 messages; 5 × Acme Pro's"},
		{WindowHours: 168, Tokens: 25e6, ReferenceTokens: 2000, Tiers: []model.Tier{model.Frontier}, Confidence: "estimate", Note: "5 × Acme Pro's"},
	}
	if !reflect.DeepEqual(max.Limits, want) {
		t.Errorf("acme-max limits:\n got %+v\nwant %+v", max.Limits, want)
	}
	if pro.Limits[0].Messages != 45 || pro.Limits[0].Note != "about 45 messages" {
		t.Errorf("the base plan changed: %+v", pro.Limits[0])
	}
	max.Limits[1].Tiers[0] = model.Small
	if pro.Limits[1].Tiers[0] != model.Frontier {
		t.Error("limits_like shares its tiers with the base plan")
	}
	if *pro.PriceAnnual != 200 || max.PriceAnnual != nil || max.APICreditMonthly != 50 || c.Plans[2].SeatsMin != 3 {
		t.Errorf("plan prices: %+v %+v", pro, max)
	}

	// Changes in date order, whatever the file order.
	var dates []string
	for _, ch := range c.Changes {
		dates = append(dates, ch.ModelID+"@"+ch.Date)
	}
	if want := []string{"zeta-mid@2026-11-01", "acme-large@2026-12-01", "acme-large@2027-03-01"}; !slices.Equal(dates, want) {
		t.Errorf("changes = %v, want %v", dates, want)
	}

	if _, err := LoadCatalog("testdata/minimal-catalog.yaml"); err != nil {
		t.Errorf("a catalog without sources and dates is fine for users: %v", err)
	}
}

// eventLine is an applied change in a line the tests can compare: name,
// kind, date (report words it for people).
func eventLine(e Event) string { return e.Name + " " + e.Kind + " " + e.Date }

func eventLines(es []Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, eventLine(e))
	}
	return out
}

func TestApplyChanges(t *testing.T) {
	c, err := LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	large, _ := c.Model("acme-large")
	zeta, _ := c.Model("zeta-mid")

	steps := []struct {
		today string
		lines []string
		check func() bool
	}{
		{"not a date", nil, func() bool { return zeta.Output == 4 }},
		{"2026-10-31", nil, func() bool { return zeta.Output == 4 && large.Input == 3 }},
		{"2026-11-27", []string{"Zeta Mid price 2026-11-01"},
			func() bool { return zeta.Output == 3 && zeta.Input == 1 && large.Input == 3 }},
		{"2026-11-30", nil, func() bool { return large.Input == 3 }},
		// The date itself counts as passed.
		{"2026-12-01", []string{"Acme Large price 2026-12-01"},
			func() bool { return large.Input == 4 && large.Output == 20 && *large.CacheRead == 0.3 }},
		// Applied once only.
		{"2026-12-02", nil, func() bool { return large.Input == 4 }},
		{"2027-06-01", []string{"Acme Large price 2027-03-01"},
			func() bool { return *large.CacheRead == 0.4 && large.Input == 4 && *large.CacheWrite == 3.75 }},
	}
	for _, s := range steps {
		before := len(c.Applied())
		c.ApplyChanges(s.today)
		lines := eventLines(c.Applied()[before:])
		if !slices.Equal(lines, s.lines) {
			t.Errorf("ApplyChanges(%q) = %q, want %q", s.today, lines, s.lines)
		}
		if !s.check() {
			t.Errorf("ApplyChanges(%q): prices %+v / %+v", s.today, large.Rates, zeta.Rates)
		}
	}
	for _, ch := range c.Changes {
		if !ch.Applied {
			t.Errorf("%+v not applied", ch)
		}
	}
	if want := "launch price ends"; !strings.Contains(large.Note, "price change of 2026-12-01 applied ("+want+")") {
		t.Errorf("note = %q", large.Note)
	}
	if want := "no batch price. price change of 2026-11-01 applied (already in force)"; zeta.Note != "no batch price; price change of 2026-11-01 applied (already in force)" && zeta.Note != want {
		t.Errorf("note = %q", zeta.Note)
	}
}

// Changes listed out of order still apply in date order: the later one wins.
func TestApplyChangesDateOrder(t *testing.T) {
	c, err := ParseCatalog("t.yaml", []byte(`api_models:
  - id: m
    provider: p
    name: M
    tier: mid
    input: 1
    output: 2
    context_window: 1000
    changes:
      - {date: "2027-01-01", input: 3}
      - {date: "2026-01-01", input: 2}
`))
	if err != nil {
		t.Fatal(err)
	}
	c.ApplyChanges("2030-01-01")
	lines := eventLines(c.Applied())
	if m := c.Models[0]; m.Input != 3 || len(lines) != 2 || !strings.Contains(lines[0], "2026-01-01") {
		t.Errorf("input %v, lines %q", m.Input, lines)
	}
}

func TestCurrencies(t *testing.T) {
	c, err := LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Currencies(), []string{"EUR", "KRW", "USD"}; !slices.Equal(got, want) {
		t.Errorf("Currencies = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		code string
		want float64
		err  string
	}{
		{"USD", 1, ""},
		{"KRW", 1400, ""},
		{"eur", 0.9, ""},
		{"JPY", 0, `unknown currency "JPY"; valid: EUR, KRW, USD`},
		{"", 0, `unknown currency ""`},
	} {
		got, err := c.Rate(tc.code)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Rate(%q) error = %v, want %q", tc.code, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Rate(%q) = %v, %v; want %v", tc.code, got, err, tc.want)
		}
	}
	var empty Catalog
	if got := empty.Currencies(); !slices.Equal(got, []string{"USD"}) {
		t.Errorf("no fx: Currencies = %v", got)
	}
}

func TestLoadCatalogMissingFile(t *testing.T) {
	_, err := LoadCatalog("testdata/no-such-file.yaml")
	if !os.IsNotExist(err) {
		t.Errorf("err = %v, want a not-exist error", err)
	}
	var pe *Error
	if errors.As(err, &pe) {
		t.Errorf("a missing file is not a parse error: %v", err)
	}
}

// Complete models, for the cases below.
const (
	okModel   = "  - {id: m, provider: p, name: M, tier: mid, input: 1, output: 2, context_window: 1000}\n"
	fullModel = "api_models:\n  - id: m\n    provider: p\n    name: M\n    tier: mid\n    input: 1\n    output: 2\n    context_window: 1000\n"
)

// badInput is an input a parser must refuse, with where (line, col,
// field) and why.
type badInput struct {
	name       string
	yaml       string
	line, col  int
	field, msg string
}

// badCatalogs are inputs ParseCatalog must refuse; they also seed the fuzz
// corpus.
var badCatalogs = []badInput{
	{"unknown top-level key", "schema: 1\nprices: []\n", 2, 1, "prices", `unknown field "prices"`},
	{"unknown model key", "api_models:\n  - id: m\n    provider: p\n    name: M\n    tier: mid\n    inptu: 1\n",
		6, 5, "api_models[0].inptu", `unknown field "inptu" (did you mean "input"?)`},
	{"unknown long_context key", "api_models:\n  - id: m\n    long_context: {threshold: 1, input: 1, output: 1, cached: 1}\n",
		3, 55, "api_models[0].long_context.cached", `unknown field "cached"`},
	{"wrong type", "api_models:\n  - id: m\n    provider: p\n    name: M\n    tier: mid\n    input: cheap\n",
		6, 12, "api_models[0].input", `expected a number, got the text "cheap"`},
	{"quoted number", "api_models:\n  - id: m\n    input: \"1\"\n", 3, 12, "api_models[0].input", `expected a number, got the text "1"`},
	{"list for a mapping", "api_models:\n  - [m]\n", 2, 5, "api_models[0]", "expected a mapping of keys to values, got a list"},
	{"mapping for a list", "api_models: {id: m}\n", 1, 13, "api_models", "expected a list, got a mapping"},
	{"missing required field", "api_models:\n  - id: m\n    provider: p\n    name: M\n    tier: mid\n    input: 1\n    context_window: 1000\n",
		2, 5, "api_models[0].output", "required field is missing"},
	{"missing plan models", "api_models:\n" + okModel + "subscriptions:\n  - {id: s, vendor: p, name: S, price_monthly: 1}\n",
		4, 5, "subscriptions[0].models", "required field is missing"},
	{"bad tier", "api_models:\n  - {id: m, provider: p, name: M, tier: huge, input: 1, output: 2, context_window: 1000}\n",
		2, 41, "api_models[0].tier", `"huge" is not one of small, mid, frontier`},
	{"bad status", "api_models:\n  - id: m\n    status: gone\n", 3, 13, "api_models[0].status", `"gone" is not one of active, legacy, preview, retired`},
	{"bad limit confidence", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, confidence: sure}\n",
		6, 52, "subscriptions[0].limits[0].confidence", `"sure" is not one of official, reported, estimate, measured`},
	{"negative price", "api_models:\n  - id: m\n    cache_read: -0.1\n", 3, 17, "api_models[0].cache_read", "must not be negative (got -0.1)"},
	{"NaN price", "api_models:\n  - id: m\n    input: .nan\n", 3, 12, "api_models[0].input", "must be a finite number"},
	{"infinite price", "api_models:\n  - id: m\n    output: .inf\n", 3, 13, "api_models[0].output", "must be a finite number"},
	{"overflowing price", "api_models:\n  - id: m\n    output: 1e999\n", 3, 13, "api_models[0].output", "must be a finite number"},
	{"negative plan price", "subscriptions:\n  - {id: s, price_monthly: -20}\n", 2, 28, "subscriptions[0].price_monthly", "must not be negative"},
	{"batch discount of 1", "api_models:\n  - id: m\n    batch_discount: 1\n", 3, 21, "api_models[0].batch_discount", "must be below 1 (got 1)"},
	{"unknown model id", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    vendor: p\n    name: S\n    price_monthly: 10\n    models: [m, mm]\n",
		8, 17, "subscriptions[0].models[1]", `unknown API model "mm" (did you mean "m"?)`},
	{"duplicate model id", "api_models:\n" + okModel + okModel, 3, 10, "api_models[1].id", `duplicate id "m" (first at line 2)`},
	{"duplicate key", "api_models:\n  - id: m\n    input: 1\n    input: 2\n", 4, 5, "api_models[0].input", "duplicate key (first at line 3)"},
	{"unknown tokenizer", "tokenizers: {o200k: {en: 1}}\napi_models:\n  - id: m\n    tokenizer: o100k\n",
		4, 16, "api_models[0].tokenizer", `unknown tokenizer "o100k"; known: o200k`},
	{"unknown tokenizer note", "tokenizers: {o200k: {en: 1}}\ntokenizer_notes: {claude: x}\n", 2, 19, "tokenizer_notes.claude", `unknown tokenizer "claude"`},
	{"factor range out of order", "tokenizers:\n  o200k: {ko: {value: 2, low: 3, high: 4}}\n", 2, 15, "tokenizers.o200k.ko", "low 3, value 2 and high 4 are out of order"},
	{"factor range without high", "tokenizers:\n  o200k: {ko: {value: 2, low: 1}}\n", 2, 15, "tokenizers.o200k.ko.high", "high is missing"},
	{"factor range unknown key", "tokenizers:\n  o200k: {ko: {value: 2, lo: 1}}\n", 2, 26, "tokenizers.o200k.ko.lo", "lo"},
	{"limits_like cycle", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 1, models: [m], limits_like: {plan: b, factor: 2}}\n" +
		"  - {id: b, vendor: p, name: B, price_monthly: 1, models: [m], limits_like: {plan: a, factor: 2}}\n",
		4, 84, "subscriptions[0].limits_like.plan", "limits_like cycle: a → b → a"},
	{"limits_like of itself", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 1, models: [m], limits_like: {plan: a, factor: 2}}\n",
		4, 84, "subscriptions[0].limits_like.plan", "limits_like cycle: a → a"},
	{"limits_like chain", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 1, models: [m], limits: [{window_hours: 5, messages: 10}]}\n" +
		"  - {id: b, vendor: p, name: B, price_monthly: 1, models: [m], limits_like: {plan: a, factor: 2}}\n" +
		"  - {id: c, vendor: p, name: C, price_monthly: 1, models: [m], limits_like: {plan: b, factor: 2}}\n",
		6, 84, "subscriptions[2].limits_like.plan", `plan "b" itself uses limits_like`},
	{"limits_like unknown plan", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 1, models: [m], limits_like: {plan: pro, factor: 2}}\n",
		4, 84, "subscriptions[0].limits_like.plan", `unknown plan "pro"`},
	{"limits_like of a plan without limits", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 1, models: [m], uncapped: true}\n" +
		"  - {id: b, vendor: p, name: B, price_monthly: 1, models: [m], limits_like: {plan: a, factor: 2}}\n",
		5, 84, "subscriptions[1].limits_like.plan", `plan "a" has no limits to scale`},
	{"paid plan silently uncapped", "api_models:\n" + okModel + "subscriptions:\n  - {id: a, vendor: p, name: A, price_monthly: 9, models: [m]}\n",
		4, 5, "subscriptions[0].limits", "a paid plan needs limits, limits_like or uncapped: true"},
	{"free plan without limits", "api_models:\n" + okModel + "subscriptions:\n  - {id: a, vendor: p, name: A, price_monthly: 0, models: [m]}\n",
		4, 5, "subscriptions[0].limits", "a free plan needs limits of its own"},
	{"free plan with limits_like", "api_models:\n" + okModel + "subscriptions:\n" +
		"  - {id: a, vendor: p, name: A, price_monthly: 9, models: [m], limits: [{window_hours: 5, messages: 10}]}\n" +
		"  - {id: b, vendor: p, name: B, price_monthly: 0, models: [m], limits_like: {plan: a, factor: 0.2}}\n",
		5, 5, "subscriptions[1].limits", "a free plan needs limits of its own"},
	{"free plan uncapped", "api_models:\n" + okModel + "subscriptions:\n  - {id: a, vendor: p, name: A, price_monthly: 0, models: [m], uncapped: true}\n",
		4, 64, "subscriptions[0].uncapped", "a free plan is never uncapped"},
	{"uncapped with limits", "api_models:\n" + okModel + "subscriptions:\n  - {id: a, vendor: p, name: A, price_monthly: 9, models: [m], uncapped: true, limits: [{window_hours: 5, messages: 10}]}\n",
		4, 64, "subscriptions[0].uncapped", "a plan with limits is not uncapped"},
	{"empty limits", "api_models:\n" + okModel + "subscriptions:\n  - {id: a, vendor: p, name: A, price_monthly: 9, models: [m], limits: []}\n",
		4, 64, "subscriptions[0].limits", "an empty list of limits says nothing"},
	{"limits and limits_like", "subscriptions:\n  - id: a\n    limits: []\n    limits_like: {plan: b, factor: 2}\n",
		4, 5, "subscriptions[0].limits_like", "limits or limits_like, not both"},
	{"limits_like without factor", "subscriptions:\n  - id: a\n    limits_like: {plan: b}\n",
		3, 18, "subscriptions[0].limits_like.factor", "required field is missing"},
	{"limit with both capacities", "subscriptions:\n  - id: s\n    limits:\n      - window_hours: 5\n        messages: 10\n        tokens: 1000\n",
		6, 9, "subscriptions[0].limits[0].tokens", "one capacity, messages, tokens or usd, not two"},
	{"limit in messages and usd", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, usd: 10, messages: 3}\n",
		4, 36, "subscriptions[0].limits[0].messages", "one capacity"},
	{"limit with no capacity", "subscriptions:\n  - id: s\n    limits:\n      - window_hours: 5\n        note: x\n",
		4, 9, "subscriptions[0].limits[0]", "a limit needs a capacity: messages, tokens or usd"},
	{"limit of zero usd", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, usd: 0}\n",
		4, 32, "subscriptions[0].limits[0].usd", "must be above 0"},
	{"low above the capacity", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, usd: 10, low: 12}\n",
		4, 41, "subscriptions[0].limits[0].low", "must be at most the capacity 10"},
	{"high below the capacity", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, high: 8, usd: 10}\n",
		4, 33, "subscriptions[0].limits[0].high", "must be at least the capacity 10"},
	{"low of zero messages", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 10, low: 0}\n",
		4, 46, "subscriptions[0].limits[0].low", "must be at least 1"},
	{"limit scoped to an unknown model", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, usd: 1, models: [n]}\n",
		6, 44, "subscriptions[0].limits[0].models[0]", `unknown API model "n"`},
	{"limit scoped to api", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, usd: 1, via: [api]}\n",
		4, 41, "subscriptions[0].limits[0].via[0]", `"api" is not one of chat, agent`},
	{"serves api", "subscriptions:\n  - {id: s, serves: [chat, api]}\n", 2, 28, "subscriptions[0].serves[1]", `"api" is not one of chat, agent`},
	{"serves twice", "subscriptions:\n  - {id: s, serves: [agent, agent]}\n", 2, 29, "subscriptions[0].serves[1]", `"agent" is listed twice`},
	{"limit confidence measured only for limits", "api_models:\n  - id: m\n    confidence: measured\n", 3, 17, "api_models[0].confidence", `"measured" is not one of official, reported, estimate`},
	{"limit without window", "subscriptions:\n  - id: s\n    limits:\n      - {messages: 5}\n",
		4, 9, "subscriptions[0].limits[0].window_hours", "required field is missing"},
	{"limit of zero messages", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 0}\n",
		4, 37, "subscriptions[0].limits[0].messages", "must be at least 1 (got 0)"},
	{"bad limit tier", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, tiers: [mid, top]}\n",
		4, 53, "subscriptions[0].limits[0].tiers[1]", `"top" is not one of small, mid, frontier`},
	{"long_context without output", "api_models:\n  - id: m\n    long_context:\n      threshold: 200000\n      input: 6\n",
		4, 7, "api_models[0].long_context.output", "required field is missing"},
	{"change without date", fullModel + "    changes:\n      - {input: 2}\n",
		10, 9, "api_models[0].changes[0].date", "required field is missing"},
	{"change without price", fullModel + "    changes:\n      - {date: \"2026-12-01\", note: x}\n",
		10, 9, "api_models[0].changes[0]", "needs at least one new price"},
	{"retired before deprecated", fullModel + "    deprecated: \"2026-12-14\"\n    retired: \"2026-12-01\"\n",
		10, 14, "api_models[0].retired", "retired on 2026-12-01, before its deprecation on 2026-12-14"},
	{"bad retirement date", fullModel + "    retired: soon\n", 9, 14, "api_models[0].retired", `"soon" is not a date like 2026-11-27`},
	{"weight of an unknown model", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, weights: {mm: 3}}\n",
		6, 50, "subscriptions[0].limits[0].weights.mm", `unknown API model "mm" (did you mean "m"?)`},
	{"negative weight", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, weights: {m: -1}}\n",
		6, 53, "subscriptions[0].limits[0].weights.m", "must not be negative (got -1)"},
	{"weight as text", "api_models:\n" + okModel + "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, weights: {m: x3}}\n",
		6, 53, "subscriptions[0].limits[0].weights.m", `expected a number, got the text "x3"`},
	{"negative overage", "subscriptions:\n  - id: s\n    limits:\n      - {window_hours: 5, messages: 9, overage: -0.04}\n",
		4, 49, "subscriptions[0].limits[0].overage", "must not be negative (got -0.04)"},
	{"bad date", "as_of: \"2026-13-01\"\n", 1, 8, "as_of", `"2026-13-01" is not a date like 2026-11-27`},
	{"schema 2", "schema: 2\n", 1, 9, "schema", "this version reads catalog schema 1 only"},
	{"currency", "currency: EUR\n", 1, 11, "currency", `catalog prices must be in USD, not "EUR"`},
	{"fx USD", "fx:\n  rates: {USD: 1}\n", 2, 11, "fx.rates.USD", "USD is the base currency"},
	{"fx code", "fx:\n  rates: {euro: 1}\n", 2, 11, "fx.rates.euro", `"euro" is not a currency code`},
	{"provider all", "api_models:\n  - {id: m, provider: all}\n", 2, 23, "api_models[0].provider", `"all" is reserved`},
	{"id with a colon", "api_models:\n  - {id: \"api:m\"}\n", 2, 10, "api_models[0].id", `"api:m" is not an id`},
	{"terminal escape in a name", "api_models:\n  - {id: m, name: \"M\\e[2J\"}\n", 2, 19, "api_models[0].name", "printable text (found U+001B)"},
	{"seats not whole", "subscriptions:\n  - {id: s, seats_min: 2.5}\n", 2, 24, "subscriptions[0].seats_min", "must be a whole number (got 2.5)"},
	{"YAML tag", "api_models:\n  - id: m\n    input: !!float 1\n", 3, 12, "api_models[0].input", "YAML tags (!!float) are not supported"},
	{"unknown alias", "api_models:\n  - id: m\n    input: *price\n", 3, 12, "api_models[0].input", "alias *price names no anchor"},
	{"merge key", "api_models:\n  - &base" + okModel[3:] + "  - <<: *base\n", 3, 5, "api_models[1]", "merge keys (<<) are not supported"},
	{"syntax error", "api_models: [\n", 1, 13, "", "sequence end token ']' not found"},
	{"bad indentation", "api_models:\n  - id: m\n   provider: p\n", 3, 4, "", ""},
	{"tab indentation", "api_models:\n\t- id: m\n", 2, 1, "", "cannot start any token"},
	{"two documents", "schema: 1\n---\nschema: 1\n", 3, 1, "", "only one YAML document is allowed"},
	{"empty", "", 1, 1, "", "the catalog is empty"},
	{"only comments", "# nothing\n", 1, 1, "", "the catalog is empty"},
	{"not a mapping", "- a\n- b\n", 1, 1, "", "expected a mapping of keys to values, got a list"},
	{"a null model", "api_models:\n  -\n", 2, 3, "api_models[0]", "expected an API model, got nothing"},
}

func TestBadCatalogs(t *testing.T) {
	for _, tc := range badCatalogs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCatalog("bad.yaml", []byte(tc.yaml))
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
}

// checkError asserts that err is an *Error at line:col for field, whose
// message contains msg.
func checkError(t *testing.T, err error, line, col int, field, msg string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %T %v is not a *plans.Error", err, err)
	}
	if pe.File != "bad.yaml" || pe.Line != line || pe.Col != col || pe.Field != field || !strings.Contains(pe.Msg, msg) {
		t.Fatalf("got  %s:%d:%d %q %q\nwant %s:%d:%d %q containing %q", pe.File, pe.Line, pe.Col, pe.Field, pe.Msg, "bad.yaml", line, col, field, msg)
	}
	prefix := "bad.yaml:" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": "
	if field != "" {
		prefix += field + ": "
	}
	if s := pe.Error(); !strings.HasPrefix(s, prefix) {
		t.Fatalf("Error() = %q, want prefix %q", s, prefix)
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "w.yaml", Line: 3, Col: 7, Field: "classes[1].cache_hit", Msg: "too big"}, "w.yaml:3:7: classes[1].cache_hit: too big"},
		{Error{File: "w.yaml", Line: 3, Col: 7, Msg: "syntax"}, "w.yaml:3:7: syntax"},
		{Error{Line: 1, Col: 1, Msg: "empty"}, "1:1: empty"},
		{Error{File: "w.yaml", Msg: "no position"}, "w.yaml: no position"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestParsePlanKeys(t *testing.T) {
	yaml := "api_models:\n" + okModel + `subscriptions:
  - id: pro
    vendor: p
    name: Pro
    price_monthly: 20
    models: [m]
    serves: [chat, agent]
    limits:
      - {window_hours: 5, usd: 18, low: 10, high: 40, models: [m], via: [agent], confidence: measured}
      - {window_hours: 168, messages: 900, tiers: [mid]}
  - id: max
    vendor: p
    name: Max
    price_monthly: 100
    models: [m]
    limits_like: {plan: pro, factor: 5}
  - id: ent
    vendor: p
    name: Ent
    price_monthly: 60
    models: [m]
    uncapped: true
    note: "the vendor: no usage limits"
`
	c, err := ParseCatalog("c.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	pro, max, ent := c.Plans[0], c.Plans[1], c.Plans[2]
	want := model.Limit{WindowHours: 5, USD: 18, Low: 10, High: 40, Models: []string{"m"}, Via: []model.Via{model.ViaAgent}, Confidence: "measured"}
	if !reflect.DeepEqual(pro.Limits[0], want) || !slices.Equal(pro.Serves, []model.Via{model.ViaChat, model.ViaAgent}) {
		t.Errorf("pro: %+v serves %v", pro.Limits[0], pro.Serves)
	}
	// Max is 5 × Pro: capacity, low and high scale; the scopes stay.
	if l := max.Limits[0]; l.USD != 90 || l.Low != 50 || l.High != 200 || !slices.Equal(l.Models, []string{"m"}) || max.Limits[1].Messages != 4500 {
		t.Errorf("max: %+v", max.Limits)
	}
	if !ent.Uncapped || len(ent.Limits) != 0 || len(ent.Serves) != 0 {
		t.Errorf("ent: %+v", ent)
	}
}

// The older models shipped for pricing usage logs are retired: every preset
// compared on the embedded catalog quotes none of them, and each keeps a
// 1-hour cache-write price when Anthropic's (2× input).
func TestRetiredModelsPriceLogsOnly(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var retired []string
	for _, m := range c.Models {
		if m.Status == "retired" {
			retired = append(retired, m.ID)
		}
		if m.Provider == "anthropic" && (m.CacheWrite1h == nil || *m.CacheWrite1h != 2*m.Input) {
			t.Errorf("%s: cache_write_1h %v, want 2 × input %g", m.ID, m.CacheWrite1h, m.Input)
		}
	}
	for _, id := range []string{"claude-opus-4-1", "claude-sonnet-4", "claude-3-5-haiku", "gpt-5-codex", "codex-mini-latest"} {
		if !slices.Contains(retired, id) {
			t.Errorf("%s is not shipped as retired", id)
		}
	}
	for _, p := range Presets() {
		r, err := model.Evaluate(p.Workload, &c.Catalog)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range retired {
			if _, ok := r.Find("api:" + id); ok {
				t.Errorf("preset %s: retired %s is offered", p.Name, id)
			}
		}
	}
}

// A factor may be a number or {value, low, high}; en may differ from 1 (the
// unit is o200k_base's English).
func TestRangedFactors(t *testing.T) {
	c, err := ParseCatalog("f.yaml", []byte("tokenizers:\n  claude: {en: {value: 1.3, low: 1.2, high: 1.45}, ko: 2.8}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Tokenizers["claude"]["en"] != 1.3 || c.Tokenizers["claude"]["ko"] != 2.8 || c.FactorRanges["claude"]["en"] != [2]float64{1.2, 1.45} {
		t.Errorf("tokenizers %v ranges %v", c.Tokenizers, c.FactorRanges)
	}
	if _, ok := c.FactorRanges["claude"]["ko"]; ok {
		t.Error("ko has no range")
	}
	if l := c.Lambda("claude", "en"); !l.Estimated || l.Low != 1.2 || l.High != 1.45 {
		t.Errorf("lambda %+v", l)
	}
}

// TestShippedFacts holds facts of the shipped catalog that an audit found
// wrong once (issue of 2026-12-05), so that an edit cannot bring them back
// unnoticed. They belong to the catalog: a refresh that changes one on a
// vendor's word updates this test with the source.
func TestShippedFacts(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c.ApplyChanges("2026-12-05")
	offered := func(id string) bool {
		m, ok := c.Model(id)
		return ok && c.Offered(m)
	}
	// Retired by 2026-12-05, still there to price logs.
	for _, id := range []string{"claude-sonnet-4-5", "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "o4-mini", "gpt-4.1-nano"} {
		if _, ok := c.Model(id); !ok || offered(id) {
			t.Errorf("%s: in the catalog %v, offered %v; want retired and kept", id, ok, offered(id))
		}
	}
	for _, id := range []string{"grok-4.6", "grok-4.7", "mistral-large-4", "gemini-3.7-flash", "glm-5.1", "glm-5-turbo", "qwen3-coder-plus"} {
		if _, ok := c.Model(id); !ok {
			t.Errorf("%s is missing", id)
		}
	}
	plan := func(id string) *model.Subscription {
		if i := c.plan(id); i >= 0 {
			return &c.Plans[i]
		}
		t.Fatalf("plan %s is missing", id)
		return nil
	}
	// The vendor's credits page lists Max, Ultra and Team only.
	if p := plan("claude-pro"); p.APICreditMonthly != 0 {
		t.Errorf("claude-pro has an API credit of %v", p.APICreditMonthly)
	}
	for _, id := range []string{"copilot-pro", "copilot-pro-plus", "copilot-business", "cursor-pro", "cursor-pro-plus", "cursor-ultra",
		"cursor-teams-standard", "chatgpt-business-premium"} {
		plan(id)
	}
	// Google AI Plus costs $4.99 since a cut on 2026-06-08 (Google's US plans
	// page as read on 2026-08-28, 2026-10-02 and 2026-10-03), not the $7.99 of
	// its launch; Google AI Pro is also billed yearly at $199.99.
	if p := plan("google-ai-plus"); p.PriceMonthly != 4.99 {
		t.Errorf("google-ai-plus at $%v a month", p.PriceMonthly)
	}
	if p := plan("google-ai-pro"); p.PriceAnnual == nil || *p.PriceAnnual != 199.99 {
		t.Errorf("google-ai-pro's annual price %v", p.PriceAnnual)
	}
	// Plan names carry no prices: they show in any currency.
	for _, p := range c.Plans {
		if strings.ContainsAny(p.Name, "$€£¥₩") {
			t.Errorf("plan %s is named %q", p.ID, p.Name)
		}
	}
	// Gemini 3.6 Flash is at its promotional price until 2026-12-31.
	if m, _ := c.Model("gemini-3.6-flash"); m.Input != 0.75 || m.Output != 3.75 {
		t.Errorf("gemini-3.6-flash at %v/%v on 2026-12-05", m.Input, m.Output)
	}
	c.ApplyChanges("2027-01-01")
	if m, _ := c.Model("gemini-3.6-flash"); m.Input != 1.5 || m.Output != 7.5 {
		t.Errorf("gemini-3.6-flash at %v/%v on 2027-01-01", m.Input, m.Output)
	}
}
