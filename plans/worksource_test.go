package plans

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

func TestWorkloadSourceLoad(t *testing.T) {
	cat := overlayBase(t) // fx: KRW 1400, EUR 0.9 per USD
	euro, usd := "testdata/workload-eur.yaml", "testdata/workload-usd.yaml"
	last := func(*Catalog) (model.Workload, bool) { w := model.NewWorkload("Last"); w.Budget = 20; return w, true }
	none := func(*Catalog) (model.Workload, bool) { return model.Workload{}, false }
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
			if w.Name != tc.want || from != tc.from || cur.Code != tc.cur || fmt.Sprintf("%.6f", w.Budget) != fmt.Sprintf("%.6f", tc.budget) || w.Billing != tc.billing {
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
	bad := "testdata/workload-xyz.yaml"
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
		// The file's own currency is placed in it: line 3, column 11.
		{"file's currency", WorkloadSource{File: bad}, "", bad + `:3:11: currency: unknown currency "XYZ"; valid: EUR, KRW`},
		// With another currency asked, the budget is still the file's
		// figure in its own currency: that currency is placed in the file.
		{"file's currency, another asked", WorkloadSource{File: bad, Currency: "EUR"}, "", bad + `:3:11: currency: unknown currency "XYZ"; valid: EUR, KRW`},
		// A good file and a currency asked that has no rate: the one asked.
		{"currency asked of a file", WorkloadSource{File: "testdata/workload-eur.yaml", Currency: "xyz"}, "currency", `unknown currency "XYZ"; valid: EUR, KRW`},
		{"logs", WorkloadSource{Logs: func() (model.Workload, error) { return model.Workload{}, logsFail }}, "", "no usage record"},
		{"missing file", WorkloadSource{File: "testdata/none.yaml"}, "", "no such file"},
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
