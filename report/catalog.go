package report

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/termsafe"
)

// The catalog's own outputs: plans, plans --check, catalog import and
// catalog diff.

// CatalogImport says what an import of the price file src (prices of asOf,
// dated as how says) changes.
func CatalogImport(res *catalogsync.ImportResult, src, asOf string, how catalogsync.Dating) string {
	var b strings.Builder
	w := &b
	title := map[string]string{"litellm": "LiteLLM price file", "openrouter": "OpenRouter model list"}[res.Format]
	fmt.Fprintf(w, "%s %s: %s, prices of %s (from %s)\n\n", title, src, countOf(res.Entries, "entry", "entries"), asOf, datingText[how])
	arrow := func(a, b float64) string {
		if a == b {
			return num(b)
		}
		return num(a) + " → " + num(b)
	}
	var rows [][]string
	for _, m := range res.Models {
		in, out, ctx := num(m.Model.Input), num(m.Model.Output), money.Tokens(m.Model.ContextWindow)
		var what []string
		if m.Was != nil {
			in, out = arrow(m.Was.Input, m.Model.Input), arrow(m.Was.Output, m.Model.Output)
			if m.Was.ContextWindow != m.Model.ContextWindow {
				ctx = money.Tokens(m.Was.ContextWindow) + " → " + ctx
			}
			for _, d := range catalogsync.DiffModel(m.Was, &m.Model) {
				switch d.Field {
				case "input", "output", "context_window":
				default:
					what = append(what, d.Field+" "+diffValue(d.A)+" → "+diffValue(d.B))
				}
			}
		} else {
			what = append(what, "tier "+m.Model.Tier.String()+" (a guess)")
			if m.Model.Status != "active" {
				what = append(what, m.Model.Status)
			}
		}
		rows = append(rows, []string{m.Action, m.Model.ID, short(m.Key, 40), in, out, ctx, strings.Join(what, "; ")})
	}
	for _, k := range res.Kept {
		rows = append(rows, []string{"kept", k.ID, short(k.Key, 40), "", "", "", SkipText(k)})
	}
	for _, k := range res.Skipped {
		rows = append(rows, []string{"skipped", k.ID, short(k.Key, 40), "", "", "", SkipText(k)})
	}
	if len(rows) > 0 {
		for _, r := range rows { // keys and names are the price file's
			for i := range r {
				r[i] = termsafe.Text(r[i])
			}
		}
		w.WriteString(table(false, []string{"Action", "ID", "Key", "In", "Out", "Context", "Note"}, rows))
	}
	if n := len(res.Unchanged); n > 0 {
		fmt.Fprintf(w, "%d %s unchanged: the file gives the figures the catalog has.\n", n, Plural(n, "entry", "entries"))
	}
	for _, a := range res.Unmatched {
		fmt.Fprintf(w, "--add %s matched no chat model of the file.\n", a)
	}
	if n := len(res.Missing); n > 0 {
		fmt.Fprintf(w, "%d catalog %s not in the file, left as they are: %s\n", n, Plural(n, "model", "models"), strings.Join(res.Missing, ", "))
	}
	return b.String()
}

// datingText says where the date of a price file's prices came from.
var datingText = map[catalogsync.Dating]string{
	catalogsync.DatedGiven:        "--as-of",
	catalogsync.DatedName:         "the file name",
	catalogsync.DatedLastModified: "the server's Last-Modified",
	catalogsync.DatedToday:        "today: the file carries no date",
	catalogsync.DatedFuture:       "today (the date found is in the future)",
}

// OverlayStatus says which overlay applies: none at path (the embedded
// catalog of asOf is used as it is), or the one there and what it holds.
func OverlayStatus(path, asOf, summary string) string {
	if summary == "" {
		return fmt.Sprintf("No overlay at %s: the embedded catalog of %s is used as it is.\n", path, asOf)
	}
	return termsafe.Text(fmt.Sprintf("Overlay %s: %s.\n", path, summary))
}

// OverlayLeft says why the overlay at path is left as it was.
func OverlayLeft(path, why string) string {
	return fmt.Sprintf("%s: %s is left as it was.\n", why, path)
}

// OverlayWritten says the overlay at path was written, and where the one
// before is kept ("" when there was none).
func OverlayWritten(path, backup string) string {
	if backup != "" {
		return fmt.Sprintf("Wrote %s; the overlay before is in %s.\n", path, backup)
	}
	return fmt.Sprintf("Wrote %s.\n", path)
}

// AppliedNote says, in one line, that n dated changes of the catalog are in
// effect today.
func AppliedNote(n int) string {
	return fmt.Sprintf("%d dated catalog %s in effect today (tokenomics plans --check lists %s)",
		n, Plural(n, "change", "changes"), Plural(n, "it", "them"))
}

// CatalogDiff is `catalog diff`: catalogs A and B, the day dated changes
// were applied at, and what differs.
type CatalogDiff struct {
	Names       [2]string
	Catalogs    [2]*plans.Catalog
	Today       string
	Differences []catalogsync.Difference
}

// CatalogDiffTable is a diff for a terminal.
func CatalogDiffTable(d *CatalogDiff, color bool) string {
	var b strings.Builder
	names, cats, now, diffs := d.Names, d.Catalogs, d.Today, d.Differences
	fmt.Fprintf(&b, "A: %s, catalog of %s\nB: %s, catalog of %s\n", names[0], cats[0].AsOf, names[1], cats[1].AsOf)
	fmt.Fprintf(&b, "Prices in USD per 1M tokens, plans per seat per month; dated changes due by %s applied to both.\n\n", now)
	if len(diffs) == 0 {
		fmt.Fprintf(&b, "No differences.\n")
		return b.String()
	}
	rows := make([][]string, len(diffs))
	entries := map[string]bool{}
	for i, d := range diffs {
		rows[i] = []string{d.Kind, d.ID, d.Field, short(diffValue(d.A), 50), short(diffValue(d.B), 50), diffChange(d)}
		entries[d.Kind+" "+d.ID] = true
	}
	b.WriteString(table(color, []string{"Kind", "ID", "Field", "A", "B", "Change"}, rows))
	fmt.Fprintf(&b, "\n%d %s in %d %s.\n", len(diffs), Plural(len(diffs), "difference", "differences"), len(entries), Plural(len(entries), "entry", "entries"))
	return b.String()
}

// CatalogDiffJSON is a diff for programs.
func CatalogDiffJSON(w io.Writer, d *CatalogDiff) error {
	names, cats, now, diffs := d.Names, d.Catalogs, d.Today, d.Differences
	type side struct {
		Name string `json:"name"`
		AsOf string `json:"as_of"`
	}
	type diff struct {
		Kind   string `json:"kind"`
		ID     string `json:"id"`
		Name   string `json:"name"`
		Field  string `json:"field"`
		A      any    `json:"a"`
		B      any    `json:"b"`
		Change string `json:"change,omitempty"`
	}
	out := struct {
		A           side   `json:"a"`
		B           side   `json:"b"`
		Today       string `json:"today"`
		Differences []diff `json:"differences"`
	}{A: side{names[0], cats[0].AsOf}, B: side{names[1], cats[1].AsOf}, Today: now, Differences: []diff{}}
	for _, d := range diffs {
		out.Differences = append(out.Differences, diff{d.Kind, d.ID, d.Name, d.Field, diffJSON(d.A), diffJSON(d.B), diffChange(d)})
	}
	return WriteJSON(w, out)
}

// Check is `plans --check`: what may make an answer wrong in the catalog
// on day Today.
type Check struct {
	Catalog  *plans.Catalog
	Today    string
	Notes    []string // the catalog's
	Findings []plans.Finding
}

// NewCheck is the check of cat on day today (notes are the catalog's):
// the findings about entries of kind, "" for all (the exchange rates go
// with the api models).
func NewCheck(cat *plans.Catalog, today, kind string, notes []string, findings []plans.Finding) *Check {
	c := &Check{Catalog: cat, Today: today, Notes: notes}
	for _, f := range findings {
		if kind == "" || f.Entry == kind || (kind == "api" && f.Entry == "fx") {
			c.Findings = append(c.Findings, f)
		}
	}
	return c
}

// Presets lists the shipped workload presets, one a line, the default
// one marked.
func Presets(ps []plans.Preset, def string) string {
	var b strings.Builder
	for _, p := range ps {
		mark := ""
		if p.Name == def {
			mark = " (default)"
		}
		fmt.Fprintf(&b, "%-14s %s%s\n", p.Name, p.Description, mark)
	}
	return b.String()
}

// CheckJSON is a check for programs.
func CheckJSON(w io.Writer, c *Check) error {
	type finding struct {
		Kind   string `json:"kind"`
		Entry  string `json:"entry"`
		ID     string `json:"id"`
		Name   string `json:"name"`
		Date   string `json:"date,omitempty"`
		Detail string `json:"detail"`
	}
	out := struct {
		Today    string    `json:"today"`
		AsOf     string    `json:"catalog_as_of"`
		Notes    []string  `json:"notes"`
		Findings []finding `json:"findings"`
	}{Today: c.Today, AsOf: c.Catalog.AsOf, Notes: c.Notes, Findings: []finding{}}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	for _, f := range c.Findings {
		out.Findings = append(out.Findings, finding{f.Kind, f.Entry, f.ID, f.Name, f.Date, FindingText(&f, money.USD)})
	}
	return WriteJSON(w, out)
}

// CheckTable is a check for a terminal.
func CheckTable(c *Check, color bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Catalog of %s checked on %s: entries older than %d days, retired, preview and legacy models,\nestimates, limits measured from your logs, dated price changes passed or due and models\ndeprecated or retired within %d days.\n", c.Catalog.AsOf, c.Today, plans.StaleDays, plans.SoonDays)
	for _, n := range c.Notes {
		fmt.Fprintf(&b, "note: %s\n", termsafe.Text(n))
	}
	if len(c.Findings) == 0 {
		b.WriteString("\nNothing to report.\n")
		return b.String()
	}
	rows := make([][]string, len(c.Findings))
	counts := map[string]int{}
	var order []string
	for i, f := range c.Findings {
		rows[i] = []string{f.Kind, f.Entry, f.ID, FindingText(&f, money.USD)}
		if counts[f.Kind] == 0 {
			order = append(order, f.Kind)
		}
		counts[f.Kind]++
	}
	fmt.Fprintf(&b, "\n%s", table(color, []string{"Finding", "Entry", "ID", "Detail"}, rows))
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	fmt.Fprintf(&b, "\n%s.\n", strings.Join(parts, ", "))
	return b.String()
}

func num(v float64) string { return plans.Num(v) }

func optNum(v *float64) string {
	if v == nil {
		return "—"
	}
	return num(*v)
}

// PlansTable is the catalog's entries of kind ("api", "subscription", ""
// for both) for a terminal.
func PlansTable(cat *plans.Catalog, kind string, color bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Catalog of %s · prices in USD per 1M tokens · plans in USD per seat per month\n", cat.AsOf)
	if kind != "subscription" {
		fmt.Fprintf(&b, "\n%s", table(color, []string{"ID", "Provider", "Name", "Tier", "In", "Out", "Cache rd", "Context", "Status", "Conf.", "As of", "Source"}, apiRows(cat)))
	}
	if kind != "api" {
		fmt.Fprintf(&b, "\n%s", table(color, []string{"ID", "Vendor", "Name", "Monthly", "Annual/yr", "Seats", "Limits", "Conf.", "As of", "Source"}, planRows(cat)))
	}
	return b.String()
}

func apiRows(cat *plans.Catalog) [][]string {
	var rows [][]string
	for _, m := range cat.Models {
		rows = append(rows, []string{m.ID, m.Provider, m.Name, m.Tier.String(), num(m.Input), num(m.Output), optNum(m.CacheRead),
			money.Tokens(m.ContextWindow), m.Status, orUnknown(m.Confidence), m.AsOf, short(m.Source, 60)})
	}
	return rows
}

func planRows(cat *plans.Catalog) [][]string {
	var rows [][]string
	for _, p := range cat.Plans {
		var limits []string
		for _, l := range p.Limits {
			limits = append(limits, LimitText(&l, money.USD))
		}
		switch {
		case p.Uncapped:
			limits = []string{"uncapped (the vendor's word)"}
		case len(limits) == 0:
			limits = []string{"none published"}
		}
		rows = append(rows, []string{p.ID, p.Vendor, p.Name, num(p.PriceMonthly), optNum(p.PriceAnnual), strconv.Itoa(max(1, p.SeatsMin)),
			strings.Join(limits, ", "), orUnknown(p.Confidence), p.AsOf, short(p.Source, 60)})
	}
	return rows
}

// WritePlans writes the catalog's entries of kind in format: table or json.
func WritePlans(w io.Writer, format string, cat *plans.Catalog, kind string, color bool) error {
	table := func(cat *plans.Catalog, color bool) string { return PlansTable(cat, kind, color) }
	return Output(w, format, cat, func(w io.Writer, cat *plans.Catalog) error { return PlansJSON(w, cat, kind) }, table, color)
}

// PlansJSON is the catalog's entries of kind for programs.
func PlansJSON(w io.Writer, cat *plans.Catalog, kind string) error {
	type entry struct {
		ID           string   `json:"id"`
		Kind         string   `json:"kind"`
		Vendor       string   `json:"vendor"`
		Name         string   `json:"name"`
		Tier         string   `json:"tier,omitempty"`
		Input        *float64 `json:"input,omitempty"`
		Output       *float64 `json:"output,omitempty"`
		PriceMonthly *float64 `json:"price_monthly,omitempty"`
		Status       string   `json:"status,omitempty"`
		Confidence   string   `json:"confidence,omitempty"`
		Source       string   `json:"source"`
		AsOf         string   `json:"as_of"`
		Note         string   `json:"note,omitempty"`
	}
	var out []entry
	for _, m := range cat.Models {
		if kind == "" || kind == "api" {
			in, o := m.Input, m.Output
			out = append(out, entry{ID: m.ID, Kind: "api", Vendor: m.Provider, Name: m.Name, Tier: m.Tier.String(), Input: &in, Output: &o,
				Status: m.Status, Confidence: m.Confidence, Source: m.Source, AsOf: m.AsOf, Note: m.Note})
		}
	}
	for _, p := range cat.Plans {
		if kind == "" || kind == "subscription" {
			pm := p.PriceMonthly
			out = append(out, entry{ID: p.ID, Kind: "subscription", Vendor: p.Vendor, Name: p.Name, PriceMonthly: &pm,
				Status: p.Status, Confidence: p.Confidence, Source: p.Source, AsOf: p.AsOf, Note: p.Note})
		}
	}
	return WriteJSON(w, out)
}

// Audit is `catalog audit` for a terminal: where the price files disagree
// with the catalog, the models they lack, the stale entries.
func Audit(cat *plans.Catalog, res *catalogsync.AuditResult, color bool) string {
	var b strings.Builder
	w := &b
	fmt.Fprintf(w, "Catalog of %s audited on %s. Prices in USD per 1M tokens; the catalog's dated changes due today applied.\n", cat.AsOf, res.Today)
	if len(res.Disagreements) == 0 {
		fmt.Fprintf(w, "\nNo price file disagrees with the catalog.\n")
	} else {
		rows := make([][]string, len(res.Disagreements))
		entries := map[string]bool{}
		for i, d := range res.Disagreements {
			rows[i] = []string{d.ID, d.Field, short(diffValue(d.A), 40), short(diffValue(d.B), 40), diffChange(d.Difference), d.File}
			entries[d.ID] = true
		}
		fmt.Fprintf(w, "\nWhere the price files disagree (a lead to check on the vendor's page):\n%s", table(color, []string{"ID", "Field", "Catalog", "File", "Change", "File name"}, rows))
		fmt.Fprintf(w, "%d %s in %d %s.\n", len(res.Disagreements), Plural(len(res.Disagreements), "disagreement", "disagreements"), len(entries), Plural(len(entries), "entry", "entries"))
	}
	for _, name := range slices.Sorted(maps.Keys(res.Unusable)) {
		sks := res.Unusable[name]
		fmt.Fprintf(w, "\n%s has %d %s it cannot be compared on (the file's figures do not read):\n", name, len(sks), Plural(len(sks), "entry", "entries"))
		for _, sk := range sks { // keys and problems quote the price file
			fmt.Fprintf(w, "  %s (%s): %s\n", sk.ID, termsafe.Text(sk.Key), termsafe.Text(sk.Problem))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(res.Missing)) {
		ids := res.Missing[name]
		fmt.Fprintf(w, "\n%s has no entry for %d offered %s: %s.\n", name, len(ids), Plural(len(ids), "model", "models"), strings.Join(ids, ", "))
	}
	if len(res.Stale) == 0 {
		fmt.Fprintf(w, "\nNo offered entry was last checked more than %d days ago.\n", plans.StaleDays)
		return b.String()
	}
	rows := make([][]string, len(res.Stale))
	for i, s := range res.Stale {
		age := "undated"
		if s.Days >= 0 {
			age = fmt.Sprintf("%s, %d days ago", s.AsOf, s.Days)
		}
		rows[i] = []string{s.Kind, s.ID, s.Name, age}
	}
	fmt.Fprintf(w, "\nLast checked more than %d days ago (%d of %d offered entries, %.0f%%):\n%s", plans.StaleDays, len(res.Stale), res.Offered,
		100*float64(len(res.Stale))/float64(max(1, res.Offered)), table(color, []string{"Kind", "ID", "Name", "As of"}, rows))
	return b.String()
}

// WriteAudit writes an audit of cat in format: table or json.
func WriteAudit(w io.Writer, format string, cat *plans.Catalog, res *catalogsync.AuditResult, color bool) error {
	return Output(w, format, res, func(w io.Writer, res *catalogsync.AuditResult) error { return AuditJSON(w, cat, res) },
		func(res *catalogsync.AuditResult, color bool) string { return Audit(cat, res, color) }, color)
}

// AuditJSON is `catalog audit` for programs.
func AuditJSON(w io.Writer, cat *plans.Catalog, res *catalogsync.AuditResult) error {
	type disagreement struct {
		ID     string            `json:"id"`
		Name   string            `json:"name"`
		Field  string            `json:"field"`
		Value  catalogsync.Value `json:"catalog"`
		File   catalogsync.Value `json:"file"`
		Change string            `json:"change,omitempty"`
		Source string            `json:"file_name"`
		Key    string            `json:"file_key"`
	}
	type unusable struct {
		ID      string `json:"id"`
		Source  string `json:"file_name"`
		Key     string `json:"file_key"`
		Problem string `json:"problem"`
	}
	type stale struct {
		Kind string `json:"kind"`
		ID   string `json:"id"`
		Name string `json:"name"`
		AsOf string `json:"as_of"`
		Days *int   `json:"days"`
	}
	out := struct {
		AsOf          string              `json:"catalog_as_of"`
		Today         string              `json:"today"`
		Disagreements []disagreement      `json:"disagreements"`
		Unusable      []unusable          `json:"unusable"`
		Missing       map[string][]string `json:"missing"`
		Stale         []stale             `json:"stale"`
		Offered       int                 `json:"offered"`
	}{AsOf: cat.AsOf, Today: res.Today, Disagreements: []disagreement{}, Unusable: []unusable{}, Missing: res.Missing, Stale: []stale{}, Offered: res.Offered}
	for _, name := range slices.Sorted(maps.Keys(res.Unusable)) {
		for _, sk := range res.Unusable[name] {
			out.Unusable = append(out.Unusable, unusable{sk.ID, name, sk.Key, sk.Problem})
		}
	}
	for _, d := range res.Disagreements {
		out.Disagreements = append(out.Disagreements, disagreement{d.ID, d.Name, d.Field, d.A, d.B, diffChange(d.Difference), d.File, d.Key})
	}
	for _, s := range res.Stale {
		x := stale{Kind: s.Kind, ID: s.ID, Name: s.Name, AsOf: s.AsOf}
		if s.Days >= 0 {
			days := s.Days
			x.Days = &days
		}
		out.Stale = append(out.Stale, x)
	}
	return WriteJSON(w, out)
}

// LimitText writes a usage limit compactly, its money in cur: "$18
// ($6.39–$36) per 5 h", "₩25,200 per 5 h", "160 messages per 3 h", with its
// scopes: "… (agent only)".
func LimitText(l *model.Limit, cur money.Currency) string {
	amount := func(v float64) string {
		if l.USD > 0 {
			return wholeMoney(cur, v)
		}
		return money.Tokens(v)
	}
	s := amount(l.Capacity())
	if l.Ranged() {
		s += " (" + amount(l.CapacityLow()) + "–" + amount(l.CapacityHigh()) + ")"
	}
	if l.USD <= 0 {
		s += " " + l.Unit()
	}
	s += " per " + strconv.FormatFloat(l.WindowHours, 'f', -1, 64) + " h"
	var scope []string
	for _, t := range l.Tiers {
		scope = append(scope, t.String())
	}
	scope = append(scope, l.Models...)
	for _, v := range l.Via {
		scope = append(scope, v.String())
	}
	if len(scope) > 0 {
		s += " (" + strings.Join(scope, ", ") + " only)"
	}
	if len(l.Weights) > 0 {
		s += ", weighted by model"
	}
	switch {
	case l.Overage > 0 && l.USD > 0 && l.Overage == 1:
		s += ", then at API prices"
	case l.Overage > 0 && l.USD > 0:
		s += ", then at " + strconv.FormatFloat(l.Overage, 'f', -1, 64) + "× API prices"
	case l.Overage > 0:
		s += ", then " + cur.FormatRate(l.Overage) + " each"
	}
	return s
}

// wholeMoney is usd in cur without the minor units when they are zero:
// "$18", "$6.39", "$1,440". Half a cent rounds up, as on a price page
// ($1,203.125 is $1,203.13), where money.Format rounds it to even.
func wholeMoney(cur money.Currency, usd float64) string {
	p := math.Pow10(cur.Decimals)
	units := math.Round(usd * cur.Rate * p)
	if math.Mod(units, p) == 0 {
		cur.Decimals = 0
	}
	return cur.Format(units / p / cur.Rate)
}

// FindingText words a finding of the catalog's check, a limit's money in
// cur.
func FindingText(f *plans.Finding, cur money.Currency) string {
	if f.Limit != nil {
		return "limit of " + LimitText(f.Limit, cur) + " " + findingDetail(f)
	}
	return findingDetail(f)
}

// OverlaySummary says in one line what an overlay does to the catalog.
func OverlaySummary(e plans.Effect) string {
	var parts []string
	for _, x := range []struct {
		n    int
		what string
	}{{e.Replaced, "replaced"}, {e.Added, "added"}, {e.Removed, "removed"}} {
		if x.n > 0 {
			parts = append(parts, countOf(x.n, "entry", "entries")+" "+x.what)
		}
	}
	if len(e.Older) > 0 {
		parts = append(parts, "dated before the catalog's own entry: "+strings.Join(e.Older, ", "))
	}
	if e.Tokenizers {
		parts = append(parts, "tokenizer factors changed")
	}
	if e.FX {
		parts = append(parts, "exchange rates changed")
	}
	if len(parts) == 0 {
		return "changes nothing"
	}
	return strings.Join(parts, ", ")
}

// OverlayNotUsed is the first note of the app that opens without the
// overlay it cannot use, for err, on the catalog file (as shown; "" for the
// embedded catalog).
func OverlayNotUsed(file string, err error) string {
	return fmt.Sprintf("Catalog overlay not used, prices are %s's: %v", or(file, "the embedded catalog"), err)
}

// OverlayNote is the catalog note of an overlay at path (as shown).
func OverlayNote(path string, e plans.Effect) string {
	return "catalog overlay " + path + ": " + OverlaySummary(e)
}
