package plans

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

func TestSourceOverlayPath(t *testing.T) {
	for _, tc := range []struct {
		s     Source
		path  string
		named bool
	}{
		{Source{User: "u.yaml"}, "u.yaml", false},
		{Source{User: "u.yaml", Overlay: "o.yaml"}, "o.yaml", true},
		{Source{User: "u.yaml", File: "c.yaml"}, "", false}, // the user's overlays the embedded catalog only
		{Source{User: "u.yaml", File: "c.yaml", Overlay: "o.yaml"}, "o.yaml", true},
		{Source{User: "u.yaml", Overlay: "o.yaml", NoOverlay: true}, "", false},
	} {
		if path, named := tc.s.OverlayPath(); path != tc.path || named != tc.named {
			t.Errorf("%+v: %q %v, want %q %v", tc.s, path, named, tc.path, tc.named)
		}
	}
}

func TestSourceOpen(t *testing.T) {
	base := overlayBase(t)
	embedded := func() (*Catalog, error) { return base.clone(), nil }
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.yaml")
	// The user's overlay may be absent: the base as it is.
	if c, e, err := (&Source{User: missing, Embedded: embedded}).Open(); err != nil || e != nil || len(c.Models) != len(base.Models) {
		t.Errorf("absent user overlay: %v %v", e, err)
	}
	// A named one must be there.
	var oe *OverlayError
	if _, _, err := (&Source{Overlay: missing, Embedded: embedded}).Open(); !errors.As(err, &oe) || oe.Path != missing {
		t.Errorf("absent named overlay: %v", err)
	}
	named := filepath.Join(dir, "o.yaml")
	if err := os.WriteFile(named, []byte("remove: [zeta-team]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, e, err := (&Source{Overlay: named, Embedded: embedded}).Open(); err != nil || e == nil || e.Removed != 1 || len(c.Plans) != len(base.Plans)-1 {
		t.Errorf("named overlay: %+v %v", e, err)
	}
}

func TestWorkloadSourceLoad(t *testing.T) {
	cat := overlayBase(t) // fx: KRW 1400, EUR 0.9 per USD
	dir := t.TempDir()
	file := func(name, head string) string {
		p := filepath.Join(dir, name)
		body := head + "classes:\n  - {name: a, count: 1, input_tokens: 10, output_tokens: 10}\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	euro := file("euro.yaml", "name: Euro\ncurrency: eur\nbudget: 450.5\n")
	usd := file("usd.yaml", "name: Dollar\nbudget: 300\n")
	last := func() (model.Workload, bool) { w := model.NewWorkload("Last"); w.Budget = 20; return w, true }
	none := func() (model.Workload, bool) { return model.Workload{}, false }
	logs := func() (model.Workload, error) { return model.NewWorkload("From logs"), nil }
	dflt, err := PresetByName(DefaultPreset)
	if err != nil {
		t.Fatal(err)
	}
	korean, err := PresetByName("korean-team")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		s       WorkloadSource
		want    string // the workload's name
		from    WorkloadFrom
		cur     string
		budget  float64
		billing model.Billing
	}{
		// The file's own currency: its budget as written.
		{"file", WorkloadSource{File: euro, Fallback: last}, "Euro", WorkloadNamed, "EUR", 450.5, model.Monthly},
		// €450.50 is 450.5 / 0.9 = $500.5556, × 1400 = ₩700,777.78.
		{"file in KRW", WorkloadSource{File: euro, Currency: "krw"}, "Euro", WorkloadNamed, "KRW", 700777.777778, model.Monthly},
		// No currency is USD: $300 × 0.9 = €270.
		{"USD budget in EUR", WorkloadSource{File: usd, Currency: "EUR"}, "Dollar", WorkloadNamed, "EUR", 270, model.Monthly},
		{"USD asked of USD", WorkloadSource{File: usd, Currency: "usd"}, "Dollar", WorkloadNamed, "USD", 300, model.Monthly},
		{"billing", WorkloadSource{File: usd, Billing: "annual"}, "Dollar", WorkloadNamed, "USD", 300, model.Annual},
		{"logs", WorkloadSource{Logs: logs, Fallback: last}, "From logs", WorkloadNamed, "USD", 0, model.Monthly},
		{"preset", WorkloadSource{Preset: "korean-team"}, korean.Name, WorkloadNamed, "KRW", 0, model.Monthly},
		// The fallback's $20 budget is €18 (20 × 0.9).
		{"fallback", WorkloadSource{Fallback: last, Currency: "EUR"}, "Last", WorkloadFallback, "EUR", 18, model.Monthly},
		{"no fallback", WorkloadSource{Fallback: none}, dflt.Name, WorkloadDefault, "USD", 0, model.Monthly},
		{"nil fallback", WorkloadSource{}, dflt.Name, WorkloadDefault, "USD", 0, model.Monthly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, cur, from, err := tc.s.Load(cat)
			if err != nil {
				t.Fatal(err)
			}
			if w.Name != tc.want || from != tc.from || cur.Code != tc.cur || math.Abs(w.Budget-tc.budget) > 1e-6 || w.Billing != tc.billing {
				t.Errorf("%q from %v in %s, budget %v, %v; want %q from %v in %s, budget %v, %v",
					w.Name, from, cur.Code, w.Budget, w.Billing, tc.want, tc.from, tc.cur, tc.budget, tc.billing)
			}
			if rate, _ := cat.Rate(tc.cur); cur.Rate != rate || (w.Currency != tc.cur && (w.Currency != "" || tc.cur != "USD")) {
				t.Errorf("currency %+v, workload's %q; want %s at %v", cur, w.Currency, tc.cur, rate)
			}
		})
	}
}

func TestWorkloadSourceErrors(t *testing.T) {
	cat := overlayBase(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("name: Bad\ncurrency: xyz\nbudget: 10\nclasses:\n  - {name: a, count: 1, input_tokens: 10, output_tokens: 10}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logsFail := errors.New("no usage record")
	for _, tc := range []struct {
		name string
		s    WorkloadSource
		what string // the *ValueError's What; "" for another error
		msg  string
	}{
		{"file and preset", WorkloadSource{File: bad, Preset: "writer"}, "workload", "name different workloads"},
		{"logs and preset", WorkloadSource{Logs: func() (model.Workload, error) { return model.Workload{}, nil }, Preset: "writer"}, "workload", "name different workloads"},
		{"unknown preset", WorkloadSource{Preset: "gamer"}, "preset", `unknown preset "gamer"`},
		{"billing", WorkloadSource{Preset: "writer", Billing: "weekly"}, "billing", `"weekly" is not monthly or annual`},
		{"currency asked", WorkloadSource{Preset: "writer", Currency: "xyz"}, "currency", `unknown currency "XYZ"; valid: EUR, KRW`},
		// The file's own currency is placed in it: line 2, column 11.
		{"file's currency", WorkloadSource{File: bad}, "", bad + `:2:11: currency: unknown currency "XYZ"; valid: EUR, KRW`},
		// With a currency asked, a budget that cannot be restated from the
		// file's own currency is said of the one asked.
		{"file's currency, another asked", WorkloadSource{File: bad, Currency: "EUR"}, "currency", `unknown currency "XYZ"`},
		{"logs", WorkloadSource{Logs: func() (model.Workload, error) { return model.Workload{}, logsFail }}, "", "no usage record"},
		{"missing file", WorkloadSource{File: filepath.Join(dir, "none.yaml")}, "", "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := tc.s.Load(cat)
			var ve *ValueError
			if err == nil || !strings.Contains(err.Error(), tc.msg) || errors.As(err, &ve) != (tc.what != "") || ve != nil && ve.What != tc.what {
				t.Errorf("error %v (%+v); want %q of %q", err, ve, tc.what, tc.msg)
			}
		})
	}
}

func TestCatalogCurrency(t *testing.T) {
	cat := overlayBase(t)
	for code, want := range map[string]money.Currency{"": money.USD, "usd": money.USD, "eur": money.New("EUR", 0.9), "KRW": money.New("KRW", 1400)} {
		if got, err := cat.Currency(code); err != nil || got != want {
			t.Errorf("Currency(%q) = %+v, %v; want %+v", code, got, err, want)
		}
	}
	var ve *ValueError
	if _, err := cat.Currency("xyz"); !errors.As(err, &ve) || ve.What != "currency" {
		t.Errorf("Currency(xyz): %v", err)
	}
}
