package plans

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/safefile"
)

// overlayBase is testdata/catalog.yaml: API models acme-mini, acme-large
// (dated changes 2026-12-01 and 2027-03-01) and zeta-mid (change
// 2026-11-01); plans acme-pro (limits 45 messages / 5 h and 5M tokens /
// 168 h), acme-max (limits_like acme-pro × 5) and zeta-team (zeta-mid).
func overlayBase(t *testing.T) *Catalog {
	t.Helper()
	c, err := LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// overlaid is base with the overlay yaml applied.
func overlaid(t *testing.T, base *Catalog, yaml string) *Catalog {
	t.Helper()
	c, _, err := ApplyOverlay(base, "o.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func modelIDsOf(c *Catalog) []string {
	return ids(c.Models, func(m model.APIModel) string { return m.ID })
}

func planIDsOf(c *Catalog) []string {
	return ids(c.Plans, func(p model.Subscription) string { return p.ID })
}

func changeDates(c *Catalog) []string {
	return ids(c.Changes, func(ch Change) string { return ch.ModelID + "@" + ch.Date })
}

func TestOverlayMerge(t *testing.T) {
	base := overlayBase(t)
	for _, tc := range []struct {
		name, yaml string
		check      func(t *testing.T, c *Catalog, o *Overlay)
	}{
		{"an empty file changes nothing", "", func(t *testing.T, c *Catalog, o *Overlay) {
			if !reflect.DeepEqual(c, base) || !o.Empty() {
				t.Error("the catalog changed")
			}
		}},
		{"comments only change nothing", "# nothing yet\n", func(t *testing.T, c *Catalog, o *Overlay) {
			if !reflect.DeepEqual(c, base) || !o.Empty() {
				t.Error("the catalog changed")
			}
		}},
		{"add a model", `
api_models:
  - {id: acme-nano, provider: acme, name: Acme Nano, tier: small, tokenizer: acme, input: 0.05, output: 0.2, context_window: 64000}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			if got := modelIDsOf(c); !slices.Equal(got, []string{"acme-mini", "acme-large", "zeta-mid", "acme-nano"}) {
				t.Errorf("models %v", got)
			}
			m, _ := c.Model("acme-nano")
			if m.Input != 0.05 || m.Output != 0.2 || m.ContextWindow != 64000 || m.Tier != model.Small {
				t.Errorf("acme-nano %+v", m)
			}
			if a, r, x := o.Counts(base); a != 1 || r != 0 || x != 0 {
				t.Errorf("counts %d %d %d", a, r, x)
			}
		}},
		{"a replacement is a whole entry", `
api_models:
  - {id: acme-large, provider: acme, name: Acme Large, tier: frontier, input: 2.5, output: 12, context_window: 500000}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			// Same place in the list; what the replacement leaves out is gone:
			// the cache prices, long-context tier, batch discount, tokenizer and
			// the base entry's dated changes.
			if got := modelIDsOf(c); !slices.Equal(got, []string{"acme-mini", "acme-large", "zeta-mid"}) {
				t.Errorf("models %v", got)
			}
			m, _ := c.Model("acme-large")
			if m.Input != 2.5 || m.Output != 12 || m.CacheRead != nil || m.LongContext != nil || m.BatchDiscount != 0 || m.Tokenizer != "" {
				t.Errorf("acme-large %+v", m)
			}
			if got := changeDates(c); !slices.Equal(got, []string{"zeta-mid@2026-11-01"}) {
				t.Errorf("changes %v", got)
			}
			// The base is untouched.
			if b, _ := base.Model("acme-large"); b.Input != 3 || b.CacheRead == nil || len(base.Changes) != 3 {
				t.Errorf("base changed: %+v", b)
			}
			if a, r, x := o.Counts(base); a != 0 || r != 1 || x != 0 {
				t.Errorf("counts %d %d %d", a, r, x)
			}
		}},
		{"a replacement brings its own dated changes", `
api_models:
  - id: acme-large
    provider: acme
    name: Acme Large
    tier: frontier
    input: 3
    output: 15
    context_window: 1000000
    changes:
      - {date: "2026-12-15", input: 5}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			if got := changeDates(c); !slices.Equal(got, []string{"zeta-mid@2026-11-01", "acme-large@2026-12-15"}) {
				t.Errorf("changes %v", got)
			}
			// On 2026-12-20 the overlay's change applies: input 3 → 5.
			c.ApplyChanges("2026-12-20")
			if m, _ := c.Model("acme-large"); m.Input != 5 {
				t.Errorf("input %v after the change, want 5", m.Input)
			}
		}},
		{"remove hides models and plans", `
remove: [zeta-team, zeta-mid]
`, func(t *testing.T, c *Catalog, o *Overlay) {
			if got := modelIDsOf(c); !slices.Equal(got, []string{"acme-mini", "acme-large"}) {
				t.Errorf("models %v", got)
			}
			if got := planIDsOf(c); !slices.Equal(got, []string{"acme-pro", "acme-max"}) {
				t.Errorf("plans %v", got)
			}
			if got := changeDates(c); !slices.Equal(got, []string{"acme-large@2026-12-01", "acme-large@2027-03-01"}) {
				t.Errorf("changes %v", got)
			}
			if a, r, x := o.Counts(base); a != 0 || r != 0 || x != 2 {
				t.Errorf("counts %d %d %d", a, r, x)
			}
		}},
		{"tokenizers and fx merge by key", `
tokenizers:
  acme: {ja: 2.5}
  nova: {ko: 1.2}
fx:
  as_of: "2026-11-25"
  rates: {KRW: 1450, JPY: 150}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			// acme keeps en 1 and ko 2 and gains ja; nova is new; KRW is
			// replaced, EUR kept, JPY added; the source stays.
			want := map[string]map[string]float64{"acme": {"en": 1, "ko": 2, "ja": 2.5}, "zeta": {"en": 1}, "nova": {"ko": 1.2}}
			if !reflect.DeepEqual(c.Tokenizers, want) {
				t.Errorf("tokenizers %v", c.Tokenizers)
			}
			if want := map[string]float64{"KRW": 1450, "EUR": 0.9, "JPY": 150}; !maps.Equal(c.FX.Rates, want) {
				t.Errorf("rates %v", c.FX.Rates)
			}
			if c.FX.AsOf != "2026-11-25" || c.FX.Source != "made up" {
				t.Errorf("fx %q %q", c.FX.AsOf, c.FX.Source)
			}
			if base.Tokenizers["acme"]["ja"] != 0 || base.FX.Rates["KRW"] != 1400 {
				t.Error("the base changed")
			}
		}},
		{"a ranged factor replaces a plain one and keeps its range", `
tokenizers:
  acme: {ko: {value: 2.2, low: 2, high: 2.6}, en: {value: 1.1, low: 1, high: 1.2}}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			if c.Tokenizers["acme"]["ko"] != 2.2 || c.FactorRanges["acme"]["ko"] != [2]float64{2, 2.6} || c.FactorRanges["acme"]["en"] != [2]float64{1, 1.2} {
				t.Errorf("tokenizers %v ranges %v", c.Tokenizers, c.FactorRanges)
			}
			if base.FactorRanges != nil {
				t.Error("the base changed")
			}
			// Written back (and read again, as MarshalOverlay checks), the overlay keeps the ranges.
			out, err := MarshalOverlay(base, o)
			if err != nil || !strings.Contains(string(out), "ko: {value: 2.2, low: 2, high: 2.6}") {
				t.Errorf("overlay written as\n%s (%v)", out, err)
			}
		}},
		{"plans built on a replaced plan follow it", `
subscriptions:
  - id: acme-pro
    vendor: acme
    name: Acme Pro
    price_monthly: 20
    models: [acme-mini]
    limits:
      - {window_hours: 5, messages: 60}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			// acme-max is acme-pro × 5: 60 × 5 = 300 messages per 5 h, and
			// the 168 h token limit acme-pro no longer has is gone.
			mx := c.Plans[c.plan("acme-max")]
			if len(mx.Limits) != 1 || mx.Limits[0].Messages != 300 || mx.Limits[0].WindowHours != 5 {
				t.Errorf("acme-max limits %+v", mx.Limits)
			}
			if !strings.Contains(mx.Limits[0].Note, "5 × Acme Pro's") {
				t.Errorf("note %q", mx.Limits[0].Note)
			}
		}},
		{"an added plan may scale a catalog plan", `
subscriptions:
  - {id: acme-ultra, vendor: acme, name: Acme Ultra, price_monthly: 200, models: [acme-large], limits_like: {plan: acme-pro, factor: 20}}
`, func(t *testing.T, c *Catalog, o *Overlay) {
			// 45 × 20 = 900 messages per 5 h; 5M × 20 = 100M tokens per 168 h.
			u := c.Plans[c.plan("acme-ultra")]
			if len(u.Limits) != 2 || u.Limits[0].Messages != 900 || u.Limits[1].Tokens != 100e6 {
				t.Errorf("acme-ultra limits %+v", u.Limits)
			}
		}},
		{"a later as_of dates the catalog", "as_of: \"2026-11-26\"\n", func(t *testing.T, c *Catalog, o *Overlay) {
			if c.AsOf != "2026-11-26" {
				t.Errorf("as_of %s", c.AsOf)
			}
		}},
		{"an earlier as_of does not", "as_of: \"2026-01-01\"\n", func(t *testing.T, c *Catalog, o *Overlay) {
			if c.AsOf != "2026-11-20" {
				t.Errorf("as_of %s", c.AsOf)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, o, err := ApplyOverlay(base, "overlay.yaml", []byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, c, o)
		})
	}
}

// Invalid overlays: the error is at the overlay's line and column, with the
// field path (columns counted by hand from the YAML shown).
func TestOverlayErrors(t *testing.T) {
	base := overlayBase(t)
	for _, tc := range []struct {
		name, yaml string
		line, col  int
		field, msg string
	}{
		{"unknown section", "prices: 1\n", 1, 1, "prices", `unknown field "prices"`},
		{"other schema", "schema: 2\n", 1, 9, "schema", "schema 1 only"},
		{"other currency", "currency: EUR\n", 1, 11, "currency", `not "EUR"`},
		// "    input: -1": the value starts after 4 spaces and "input: ", col 12.
		{"negative price", "api_models:\n  - id: acme-large\n    provider: acme\n    name: L\n    tier: frontier\n    input: -1\n",
			6, 12, "api_models[0].input", "must not be negative"},
		// A replacement is whole: an entry with only the price is incomplete,
		// reported at its first key (line 2, after "  - ").
		{"partial replacement", "api_models:\n  - id: acme-large\n    input: 4\n", 2, 5, "api_models[0].provider", "required field is missing"},
		// `  - {id: x, provider: p, name: X, tier: mid, tokenizer: ` is 56 characters: col 57.
		{"unknown tokenizer", "api_models:\n  - {id: x, provider: p, name: X, tier: mid, tokenizer: nope, input: 1, output: 1, context_window: 9}\n",
			2, 57, "api_models[0].tokenizer", `unknown tokenizer "nope"`},
		// `  - {id: ` is 9 characters: col 10.
		{"duplicate id in the overlay", "api_models:\n  - {id: x, provider: p, name: X, tier: mid, input: 1, output: 1, context_window: 9}\n  - {id: x, provider: p, name: X, tier: mid, input: 1, output: 1, context_window: 9}\n",
			3, 10, "api_models[1].id", `duplicate id "x" (first at line 2)`},
		// "remove: [acme-mdi]": the list's first item is at col 10.
		{"nothing to remove", "remove: [acme-mdi]\n", 1, 10, "remove[0]", `no API model or subscription "acme-mdi" (did you mean "acme-mini"?)`},
		// `remove: [zeta-team, ` is 20 characters: col 21.
		{"removed twice", "remove: [zeta-team, zeta-team]\n", 1, 21, "remove[1]", `"zeta-team" is already removed (line 1)`},
		{"a plan still uses the removed model", "remove:\n  - acme-mini\n", 2, 5, "remove[0]", `plan "acme-pro" uses API model "acme-mini"`},
		// `  - {id: ` is 9 characters: col 10.
		{"given and removed", "subscriptions:\n  - {id: zeta-team, vendor: zeta, name: Z, price_monthly: 1, models: [zeta-mid], uncapped: true}\nremove: [zeta-team]\n",
			2, 10, "subscriptions[0].id", `"zeta-team" is also in remove (line 3)`},
		// `  - {id: z, vendor: zeta, name: Z, price_monthly: 1, models: [` is 62 characters: col 63.
		{"an overlay plan lists a removed model", "remove: [zeta-team, zeta-mid]\nsubscriptions:\n  - {id: z, vendor: zeta, name: Z, price_monthly: 1, models: [zeta-mid]}\n",
			3, 63, "subscriptions[0].models[0]", `unknown API model "zeta-mid"`},
		// 62 characters as above, "zeta-mid], limits_like: {plan: " 31 more: col 94.
		{"limits_like on a removed plan", "remove: [zeta-team]\nsubscriptions:\n  - {id: z, vendor: zeta, name: Z, price_monthly: 1, models: [zeta-mid], limits_like: {plan: zeta-team, factor: 2}}\n",
			3, 94, "subscriptions[0].limits_like.plan", `unknown plan "zeta-team"`},
		{"a replaced plan others scale loses its limits", "subscriptions:\n  - {id: acme-pro, vendor: acme, name: P, price_monthly: 1, models: [acme-mini], uncapped: true}\n",
			2, 5, "subscriptions[0]", `plan "acme-max" of the catalog takes its limits from this plan`},
		{"not YAML", "api_models: [\n", 1, 13, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ApplyOverlay(base, "bad.yaml", []byte(tc.yaml))
			checkError(t, err, tc.line, tc.col, tc.field, tc.msg)
		})
	}
}

// roundTripOverlay uses every field of the overlay format.
const roundTripOverlay = `schema: 1
as_of: "2026-11-25"
tokenizers:
  acme: {ja: 2.5}
  nova: {en: 1, ko: 1.2}
tokenizer_notes:
  nova: "line one\nline \"two\"\twith a tab"
fx:
  as_of: "2026-11-25"
  source: "ECB: a test"
  rates: {JPY: 150.5}
api_models:
  - id: acme-large
    provider: acme
    name: "Acme Large: v2"
    tier: frontier
    tokenizer: nova
    input: 2.5
    output: 12.25
    cache_read: 0.25
    cache_write: 3
    batch_discount: 0.4
    long_context: {threshold: 272000, input: 5, output: 18, cache_read: 0.5, cache_write: 6}
    context_window: 1050000
    max_output: 128000
    status: legacy
    deprecated: "2026-12-14"
    retired: "2027-03-01"
    confidence: reported
    changes:
      - {date: "2027-02-01", cache_write: 3.5}
      - {date: "2027-01-01", input: 3, note: "price rises # not a comment"}
    note: "multi\nline note with 'quotes' and \\ a backslash"
    source: "litellm ./prices 2026-11-25.json"
    as_of: "2026-11-25"
  - {id: nova-1, provider: nova, name: Nova 1, tier: small, input: 0, output: 0.000001, context_window: 8192}
subscriptions:
  - id: acme-pro
    vendor: acme
    name: Acme Pro
    price_monthly: 25
    price_annual: 240
    seats_min: 2
    models: [acme-mini, acme-large, nova-1]
    context_window: 300000
    limits:
      - {window_hours: 5, messages: 60, reference_tokens: 2000, tiers: [mid, frontier], confidence: estimate, note: "a guess"}
      - {window_hours: 168, tokens: 1e7}
      - {window_hours: 730.5, messages: 300, weights: {acme-large: 3, nova-1: 0}, overage: 0.04}
    api_credit_monthly: 5
    status: active
    confidence: reported
    note: "n"
    source: "s"
    as_of: "2026-11-25"
  - {id: nova-max, vendor: nova, name: Nova Max, price_monthly: 50, models: [nova-1], limits_like: {plan: acme-pro, factor: 3}}
remove: [zeta-team, zeta-mid]
`

func TestOverlayRoundTrip(t *testing.T) {
	base := overlayBase(t)
	c1, o1, err := ApplyOverlay(base, "overlay.yaml", []byte(roundTripOverlay))
	if err != nil {
		t.Fatal(err)
	}
	out, err := MarshalOverlay(base, o1, "a header\nof two lines")
	if err != nil {
		t.Fatal(err)
	}
	c2, o2, err := ApplyOverlay(base, "written.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !sameOverlay(o1, o2) {
		t.Errorf("the overlay does not read back the same:\n%s", out)
	}
	if !reflect.DeepEqual(c1, c2) {
		t.Errorf("the merged catalogs differ:\n%s", out)
	}
	// nova-max is acme-pro's limits × 3: 60 × 3 = 180 messages, 1e7 × 3 = 3e7 tokens.
	// The weights and overage price are not scaled: 300 × 3 = 900 messages.
	if nm := c2.Plans[c2.plan("nova-max")]; len(nm.Limits) != 3 || nm.Limits[0].Messages != 180 || nm.Limits[1].Tokens != 3e7 ||
		nm.Limits[2].Messages != 900 || nm.Limits[2].Weight("acme-large") != 3 || nm.Limits[2].Overage != 0.04 {
		t.Errorf("nova-max limits %+v", nm.Limits)
	}
	for _, want := range []string{
		"# a header\n# of two lines\n",
		"  # acme-large: from litellm ./prices 2026-11-25.json, as of 2026-11-25\n  - id: acme-large\n",
		"  # nova-1: no source given\n",
		"limits_like: {plan: acme-pro, factor: 3}",
		"    deprecated: \"2026-12-14\"\n    retired: \"2027-03-01\"\n",
		"weights: {acme-large: 3, nova-1: 0}\n        overage: 0.04\n",
		"remove:\n  - zeta-team\n  - zeta-mid\n",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the file lacks %q:\n%s", want, out)
		}
	}
	// Written again, the same bytes.
	again, err := MarshalOverlay(base, o2, "a header\nof two lines")
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("a second write differs (%v)", err)
	}
}

// An overlay that would not load is never written.
func TestMarshalOverlayRefuses(t *testing.T) {
	base := overlayBase(t)
	bad := &Overlay{Models: []model.APIModel{{ID: "x", Provider: "p", Name: "X", Tier: model.Mid, Tokenizer: "nope", Rates: model.Rates{Input: 1, Output: 1}, ContextWindow: 10}}}
	if _, err := MarshalOverlay(base, bad); err == nil || !strings.Contains(err.Error(), `unknown tokenizer "nope"`) {
		t.Errorf("got %v", err)
	}
	neg := &Overlay{Models: []model.APIModel{{ID: "x", Provider: "p", Name: "X", Tier: model.Mid, Rates: model.Rates{Input: -1, Output: 1}, ContextWindow: 10}}}
	if _, err := MarshalOverlay(base, neg); err == nil || !strings.Contains(err.Error(), "must not be negative") {
		t.Errorf("got %v", err)
	}
}

// Every write keeps the file before it as the backup.
func TestSaveOverlayBackup(t *testing.T) {
	base := overlayBase(t)
	path := filepath.Join(t.TempDir(), "tokenomics", "catalog.yaml")
	version := func(input float64) *Overlay {
		o := &Overlay{}
		o.PutModel(model.APIModel{ID: "acme-nano", Provider: "acme", Name: "Acme Nano", Tier: model.Small, Rates: model.Rates{Input: input, Output: 1}, ContextWindow: 1000}, nil)
		return o
	}
	var written [][]byte
	for i, input := range []float64{1, 2, 3} {
		backup, err := SaveOverlay(path, base, version(input))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		written = append(written, data)
		if i == 0 {
			if backup != "" {
				t.Errorf("first write: backup %q of nothing", backup)
			}
			if _, err := os.Stat(path + BackupSuffix); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("first write made a backup: %v", err)
			}
			continue
		}
		if backup != path+BackupSuffix {
			t.Errorf("write %d: backup %q", i+1, backup)
		}
		if bak, _ := os.ReadFile(backup); !bytes.Equal(bak, written[i-1]) {
			t.Errorf("write %d: the backup is not the file before:\n%s", i+1, bak)
		}
		c, _, err := LoadOverlay(base, path)
		if err != nil {
			t.Fatal(err)
		}
		if m, _ := c.Model("acme-nano"); m.Input != input {
			t.Errorf("write %d: input %v", i+1, m.Input)
		}
	}
}

// A write that fails leaves the overlay byte for byte as it was.
func TestSaveOverlayFailureChangesNothing(t *testing.T) {
	base := overlayBase(t)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	o := &Overlay{}
	o.PutModel(model.APIModel{ID: "acme-nano", Provider: "acme", Name: "Acme Nano", Tier: model.Small, Rates: model.Rates{Input: 1, Output: 1}, ContextWindow: 1000}, nil)
	if _, err := SaveOverlay(path, base, o); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	o.PutModel(model.APIModel{ID: "acme-nano", Provider: "acme", Name: "Acme Nano", Tier: model.Small, Rates: model.Rates{Input: 2, Output: 1}, ContextWindow: 1000}, nil)
	// The backup cannot be made: a directory is in its place.
	if err := os.Mkdir(path+BackupSuffix, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveOverlay(path, base, o); !errors.Is(err, safefile.ErrNotRegular) {
		t.Fatalf("error %v, want safefile.ErrNotRegular", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the overlay changed:\n%s", after)
	}
	// An overlay that does not load is refused before anything is written.
	o.PutModel(model.APIModel{ID: "acme-nano", Provider: "acme", Name: "Acme Nano", Tier: model.Small, Rates: model.Rates{Input: -2, Output: 1}, ContextWindow: 1000}, nil)
	if _, err := SaveOverlay(path, base, o); err == nil {
		t.Fatal("no error")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the overlay changed:\n%s", after)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".catalog.yaml.*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestOverlayEffect(t *testing.T) {
	base := overlayBase(t)
	_, o, err := ApplyOverlay(base, "o.yaml", []byte(`
as_of: "2026-01-01"
api_models:
  - {id: acme-mini, provider: acme, name: Acme Mini, tier: small, input: 0.1, output: 0.4, context_window: 128000, as_of: "2026-10-01"}
  - {id: acme-nano, provider: acme, name: Acme Nano, tier: small, input: 0.05, output: 0.2, context_window: 64000}
remove: [zeta-team]
fx: {rates: {JPY: 150}}
`))
	if err != nil {
		t.Fatal(err)
	}
	// acme-mini's replacement is of 2026-10-01, the catalog's of 2026-11-20.
	want := Effect{Replaced: 1, Added: 1, Removed: 1, Older: []string{"acme-mini"}, FX: true}
	if got := o.Effect(base); !reflect.DeepEqual(got, want) {
		t.Errorf("effect\n got %+v\nwant %+v", got, want)
	}
}

// LockOverlay holds the overlay's lock until Close, and lets it go when the
// overlay in place cannot be read for a rewrite.
func TestLockOverlay(t *testing.T) {
	base := overlayBase(t)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	ed, err := LockOverlay(base, path, "saved", 0)
	if err != nil {
		t.Fatal(err)
	}
	// Held: a second rewrite gives up, saying the overlay is left as it was.
	_, err = LockOverlay(base, path, "saved", 0)
	if !errors.Is(err, safefile.ErrLocked) || !strings.HasPrefix(err.Error(), "the overlay "+path+" is left as it was: ") {
		t.Fatalf("second lock: %v", err)
	}
	ed.Close()
	ed.Close() // a second Close does nothing

	// An overlay that is not valid is refused, and the lock let go.
	if err := os.WriteFile(path, []byte("schema: 1\nunknown_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err = LockOverlay(base, path, "saved", 0); err == nil || !strings.Contains(err.Error(), "the overlay in place is not valid, so nothing is saved") {
		t.Fatalf("invalid overlay: %v", err)
	}
	unlock, err := safefile.Lock(path, 0)
	if err != nil {
		t.Fatalf("the lock was kept after a refusal: %v", err)
	}
	unlock()
}
