package catalogsync

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/tokenomics/tokenomics/plans"
)

// show writes a value for the tests' expectations: a number in full
// digits, a text, an entry's id, "—" for nothing.
func show(v Value) string {
	switch {
	case v.Num != nil:
		return strconv.FormatFloat(*v.Num, 'f', -1, 64)
	case v.Text != "":
		return v.Text
	case v.Model != nil:
		return v.Model.ID
	case v.Plan != nil:
		return v.Plan.ID
	}
	return "—"
}

func TestDiff(t *testing.T) {
	// The overlay tests' catalog: acme-mini, acme-pro, acme-max (acme-pro ×
	// 5), zeta-team and the acme tokenizer.
	base := loadCatalog(t, "../plans/testdata/catalog.yaml")
	b, _, err := plans.ApplyOverlay(base, "o.yaml", []byte(`
tokenizers:
  acme: {ko: 2.2, ja: 2.5}
api_models:
  - id: acme-mini
    provider: acme
    name: Acme Mini
    tier: small
    tokenizer: acme
    input: 0.25
    output: 0.8
    batch_discount: 0.5
    long_context: {threshold: 100000, input: 0.5, output: 1.6}
    context_window: 128000
    max_output: 32000
    status: active
    confidence: official
    source: "https://acme.example/pricing"
    as_of: "2026-11-25"
  - {id: acme-nano, provider: acme, name: Acme Nano, tier: small, input: 0.05, output: 0.2, context_window: 64000}
subscriptions:
  - id: acme-pro
    vendor: acme
    name: Acme Pro
    price_monthly: 25
    price_annual: 200
    models: [acme-mini, acme-large]
    context_window: 200000
    limits:
      - {window_hours: 5, messages: 45, confidence: reported}
    confidence: reported
    source: "https://acme.example/plans"
    as_of: "2026-11-20"
remove: [zeta-team]
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range Diff(base, b) {
		move := ""
		if p, ok := d.Move(); ok {
			move = fmt.Sprintf("%+.0f%%", p)
		}
		got = append(got, fmt.Sprintf("%s %s %s: %s → %s %s", d.Kind, d.ID, d.Field, show(d.A), show(d.B), move))
	}
	// input 0.2 → 0.25 is +25%; max_output 16000 → 32000 +100%; price
	// 20 → 25 +25%. acme-max is acme-pro × 5, so its 168 h limit goes too
	// and its 5 h one stays 45 × 5 = 225.
	want := []string{
		"api acme-mini input: 0.2 → 0.25 +25%",
		"api acme-mini long_context.threshold: — → 100000 ",
		"api acme-mini long_context.input: — → 0.5 ",
		"api acme-mini long_context.output: — → 1.6 ",
		"api acme-mini max_output: 16000 → 32000 +100%",
		"api acme-mini as_of: 2026-11-20 → 2026-11-25 ",
		"api acme-nano entry: — → acme-nano ",
		"subscription acme-pro price_monthly: 20 → 25 +25%",
		"subscription acme-pro limits: 45 messages/5h (reported); 5000000 tokens/168h [frontier] (estimate) → 45 messages/5h (reported) ",
		"subscription acme-max limits: 225 messages/5h (reported); 25000000 tokens/168h [frontier] (estimate) → 225 messages/5h (reported) ",
		"subscription zeta-team entry: zeta-team → — ",
		"tokenizer acme ja: — → 2.5 ",
		"tokenizer acme ko: 2 → 2.2 +10%",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// A limits difference carries each side's limits, for report to word.
	for _, d := range Diff(base, b) {
		if d.ID == "acme-pro" && d.Field == "limits" && (len(d.A.Limits) != 2 || len(d.B.Limits) != 1 || d.B.Limits[0].Messages != 45) {
			t.Errorf("acme-pro limits %+v → %+v", d.A.Limits, d.B.Limits)
		}
	}
	if d := Diff(base, base); len(d) != 0 {
		t.Errorf("a catalog differs from itself: %v", d)
	}
	// Reversed, the entries only one side has change sides: acme-nano is
	// only a's, zeta-team only b's.
	var entries []string
	for _, d := range Diff(b, base) {
		if d.Field == "entry" {
			entries = append(entries, fmt.Sprintf("%s %s: %s → %s", d.Kind, d.ID, show(d.A), show(d.B)))
		}
	}
	if want := []string{"api acme-nano: acme-nano → —", "subscription zeta-team: — → zeta-team"}; !reflect.DeepEqual(entries, want) {
		t.Errorf("reversed entries\n got %q\nwant %q", entries, want)
	}
	// JSON: numbers, text or null.
	out, err := json.Marshal(Diff(base, b)[:2])
	if err != nil {
		t.Fatal(err)
	}
	if w := `[{"Kind":"api","ID":"acme-mini","Name":"Acme Mini","Field":"input","A":0.2,"B":0.25},{"Kind":"api","ID":"acme-mini","Name":"Acme Mini","Field":"long_context.threshold","A":null,"B":100000}]`; string(out) != w {
		t.Errorf("json\n got %s\nwant %s", out, w)
	}
}

// A move is in percent of A, only between two numbers with A not zero.
func TestDiffMove(t *testing.T) {
	for _, tc := range []struct {
		a, b Value
		want float64 // percent of a
		ok   bool
	}{
		{num(2), num(4), 100, true},       // (4 − 2) / 2 = +100%
		{num(4), num(1), -75, true},       // (1 − 4) / 4 = −75%
		{num(1000), num(1001), 0.1, true}, // 1 / 1000 = +0.1%
		{num(0), num(1), 0, false},
		{Value{}, num(1), 0, false},
		{num(1), Value{}, 0, false},
		{text("a"), text("b"), 0, false},
	} {
		got, ok := (Difference{A: tc.a, B: tc.b}).Move()
		if ok != tc.ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s → %s: %g %v, want %g %v", show(tc.a), show(tc.b), got, ok, tc.want, tc.ok)
		}
	}
}
