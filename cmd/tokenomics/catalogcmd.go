package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	neturl "net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/termsafe"
)

// Limits on what `catalog import` reads. LiteLLM's file is about 1.5 MB and
// OpenRouter's list about 1 MB; anything near the cap is not a price file.
var maxPriceFile int64 = 64 << 20 // a variable so a test can bound a smaller stream

// fetchTimeout bounds a whole fetch, body included (a variable for tests).
var fetchTimeout = 30 * time.Second

// lockWait is how long an import waits for another one writing the same
// overlay: twice as long as that one's fetch may take.
const lockWait = 60 * time.Second

func newCatalog(stdout io.Writer) *cobra.Command {
	var overlay string
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Keep prices true: import price files into your overlay, diff catalogs",
		Long: `Your overlay (` + displayPath(overlayPath()) + `, or --catalog-overlay) adds to
the embedded catalog or replaces its entries by id, and hides entries listed under remove.
Every command that prices reads it. With no subcommand, catalog says where it is and what
it holds.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			in := inputs{overlay: overlay}
			path, _ := in.overlayFile()
			cat, notes, err := in.rawCatalog()
			if err != nil {
				return err
			}
			if len(notes) == 0 {
				printf(stdout, "No overlay at %s: the embedded catalog of %s is used as it is.\n", path, cat.AsOf)
				return nil
			}
			printf(stdout, "%s", termsafe.Text(fmt.Sprintf("Overlay %s: %s.\n", path, strings.TrimPrefix(notes[0], "catalog overlay "+displayPath(path)+": "))))
			return nil
		},
	}
	overlayFlag(cmd, &overlay)
	cmd.AddCommand(newCatalogImport(stdout), newCatalogDiff(stdout), newCatalogAudit(stdout))
	return cmd
}

type catalogImportFlags struct {
	overlay, asOf string
	add           []string
	force, dry    bool
}

func newCatalogImport(stdout io.Writer) *cobra.Command {
	var o catalogImportFlags
	cmd := &cobra.Command{
		Use:   "import litellm|openrouter FILE|URL",
		Short: "Update your overlay from LiteLLM's price file or OpenRouter's model list",
		Long: `import reads LiteLLM's model_prices_and_context_window.json or the JSON of OpenRouter's
models API (GET https://openrouter.ai/api/v1/models), from a file or an http(s) URL
(fetched only here, within 30 s and 64 MiB), and writes the prices of the catalog's own
models into your overlay: chat models only, per-token prices as USD per 1M, cache read
and write, long-context tiers, batch discounts, context and output limits.

An entry of the catalog dated after the file is kept unless --force. --add also adds
models the catalog does not have: name providers (google, xai, or the file's own names)
or ids; their tier is a guess, said so in their note. The prices' date is --as-of, else
a YYYY-MM-DD in the file name, else the URL's Last-Modified, else today.

The overlay is written atomically and the one before is kept as catalog.yaml.bak; an
import that fails changes nothing.`,
		Example: `  tokenomics catalog import litellm ./model_prices_and_context_window.json
  tokenomics catalog import litellm https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json
  tokenomics catalog import openrouter models.json --add upstage --dry-run`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return badInput("catalog import: give the format (litellm or openrouter) and a FILE or URL")
			}
			if args[0] != "litellm" && args[0] != "openrouter" {
				return badInput("catalog import: %q is not litellm or openrouter", args[0])
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []string{"litellm", "openrouter"}, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: func(_ *cobra.Command, args []string) error {
			return runCatalogImport(stdout, &o, args[0], args[1])
		},
	}
	f := cmd.Flags()
	overlayFlag(cmd, &o.overlay)
	f.StringSliceVar(&o.add, "add", nil, "also add the models of these providers, or these ids (repeatable or comma-separated)")
	f.StringVar(&o.asOf, "as-of", "", "the date of the file's prices, YYYY-MM-DD")
	f.BoolVar(&o.force, "force", false, "also replace catalog entries dated after the file")
	f.BoolVarP(&o.dry, "dry-run", "n", false, "show what would change; write nothing")
	return cmd
}

func runCatalogImport(stdout io.Writer, o *catalogImportFlags, format, src string) error {
	now := today().Format(time.DateOnly)
	if o.asOf != "" {
		if _, err := time.Parse(time.DateOnly, o.asOf); err != nil || len(o.asOf) != len(time.DateOnly) {
			return badInput("--as-of: %q is not a date like 2026-11-27", o.asOf)
		}
	}
	// The overlay in place must be sound before anything is read or written:
	// an import rewrites it whole.
	in := inputs{overlay: o.overlay}
	path, _ := in.overlayFile()
	if !o.dry {
		// Another import between our read and our write would lose its update.
		unlock, err := safefile.Lock(path, lockWait)
		if err != nil {
			return fmt.Errorf("catalog import: %w", err)
		}
		defer unlock()
	}
	ed, err := editOverlay(path, "imported")
	if err != nil {
		return err
	}
	pf, err := readPriceFile(src, maxPriceFile, fetchTimeout)
	// From here on the source is named without the credentials a URL may
	// carry: it is stored in the overlay and printed.
	src = withoutCredentials(src)
	if err != nil {
		return err
	}
	asOf, basis := o.asOf, "--as-of"
	switch {
	case asOf != "":
	case dateIn(pf.base) != "":
		asOf, basis = dateIn(pf.base), "the file name"
	case pf.lastModified != "":
		asOf, basis = pf.lastModified, "the server's Last-Modified"
	default:
		asOf, basis = now, "today: the file carries no date"
	}
	if asOf > now {
		asOf, basis = now, "today (the date found is in the future)"
	}
	opt := catalogsync.ImportOptions{Name: src, Source: format + " " + src, AsOf: asOf, Today: now, Add: o.add, Force: o.force}
	var res *catalogsync.ImportResult
	if format == "litellm" {
		res, err = catalogsync.ImportLiteLLM(ed.cur, pf.data, opt)
	} else {
		res, err = catalogsync.ImportOpenRouter(ed.cur, pf.data, opt)
	}
	if err != nil {
		return err
	}
	printImport(stdout, res, src, asOf, basis)
	if len(res.Models) == 0 {
		printf(stdout, "Nothing to change: %s is left as it was.\n", path)
		return nil
	}
	for _, m := range res.Models {
		ed.ov.PutModel(m.Model, m.Changes)
	}
	if o.dry {
		printf(stdout, "Dry run: %s is left as it was.\n", path)
		return nil
	}
	backup, err := ed.save(now, "tokenomics catalog import "+format+" "+src)
	if err != nil {
		return err
	}
	if backup != "" {
		printf(stdout, "Wrote %s; the overlay before is in %s.\n", path, backup)
	} else {
		printf(stdout, "Wrote %s.\n", path)
	}
	return nil
}

// overlayEdit is the user's overlay read for a rewrite: the overlay (empty
// when there is none yet), the embedded catalog under it, and the catalog
// the two make.
type overlayEdit struct {
	path      string
	base, cur *plans.Catalog
	ov        *plans.Overlay
}

// editOverlay reads the overlay at path for a rewrite. A rewrite replaces it
// whole, so one that is not valid refuses the change (what is "saved",
// "imported"…) rather than lose it.
func editOverlay(path, what string) (*overlayEdit, error) {
	base, err := shippedCatalog()
	if err != nil {
		return nil, err
	}
	ed := &overlayEdit{path: path, base: base, cur: base, ov: &plans.Overlay{}}
	switch cur, ov, err := plans.LoadOverlay(base, path); {
	case err == nil:
		ed.cur, ed.ov = cur, ov
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("the overlay in place is not valid, so nothing is %s (fix it, or move it away): %w", what, err)
	}
	return ed, nil
}

// save writes the overlay, the one before kept as a backup, under a header
// saying it was written on day now by the command line by.
func (ed *overlayEdit) save(now, by string) (backup string, err error) {
	header := fmt.Sprintf(`tokenomics catalog overlay. Entries here add to the embedded catalog or replace
its entries with the same id (a replacement is a whole entry); remove hides entries.
Each entry's comment says where it came from. Written on %s by
  %s
The file before this write is kept as %s.`, now, by, filepath.Base(ed.path)+plans.BackupSuffix)
	backup, err = plans.SaveOverlay(ed.path, ed.base, ed.ov, header)
	if err != nil {
		return "", fmt.Errorf("the overlay %s is left as it was: %w", ed.path, err)
	}
	return backup, nil
}

func printImport(w io.Writer, res *catalogsync.ImportResult, src, asOf, basis string) {
	title := map[string]string{"litellm": "LiteLLM price file", "openrouter": "OpenRouter model list"}[res.Format]
	printf(w, "%s %s: %d %s, prices of %s (from %s)\n\n", title, src, res.Entries, either(res.Entries, "entry", "entries"), asOf, basis)
	arrow := func(a, b float64) string {
		if a == b {
			return num(b)
		}
		return num(a) + " → " + num(b)
	}
	var rows [][]string
	for _, m := range res.Models {
		in, out, ctx := num(m.Model.Input), num(m.Model.Output), model.Tokens(m.Model.ContextWindow)
		var what []string
		if m.Was != nil {
			in, out = arrow(m.Was.Input, m.Model.Input), arrow(m.Was.Output, m.Model.Output)
			if m.Was.ContextWindow != m.Model.ContextWindow {
				ctx = model.Tokens(m.Was.ContextWindow) + " → " + ctx
			}
			for _, d := range catalogsync.DiffModel(m.Was, &m.Model) {
				switch d.Field {
				case "input", "output", "context_window":
				default:
					what = append(what, d.Field+" "+d.A.String()+" → "+d.B.String())
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
		rows = append(rows, []string{"kept", k.ID, short(k.Key, 40), "", "", "", k.Reason})
	}
	for _, k := range res.Skipped {
		rows = append(rows, []string{"skipped", k.ID, short(k.Key, 40), "", "", "", k.Reason})
	}
	if len(rows) > 0 {
		for _, r := range rows { // keys and names are the price file's
			for i := range r {
				r[i] = termsafe.Text(r[i])
			}
		}
		printf(w, "%s", catalogTable(false, []string{"Action", "ID", "Key", "In", "Out", "Context", "Note"}, rows))
	}
	if n := len(res.Unchanged); n > 0 {
		printf(w, "%d %s unchanged: the file gives the figures the catalog has.\n", n, either(n, "entry", "entries"))
	}
	for _, a := range res.Unmatched {
		printf(w, "--add %s matched no chat model of the file.\n", a)
	}
	if n := len(res.Missing); n > 0 {
		printf(w, "%d catalog %s not in the file, left as they are: %s\n", n, either(n, "model", "models"), strings.Join(res.Missing, ", "))
	}
}

// either is one or many by n.
func either(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

var dateRE = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})`)

// dateIn is a YYYY-MM-DD date in a file name, "" when there is none.
func dateIn(name string) string {
	for _, d := range dateRE.FindAllString(name, -1) {
		if t, err := time.Parse(time.DateOnly, d); err == nil && t.Format(time.DateOnly) == d {
			return d
		}
	}
	return ""
}

// priceFile is a price file as read.
type priceFile struct {
	data         []byte
	base         string // the last element of the file name or URL path
	lastModified string // YYYY-MM-DD from the server, "" when not given
}

// readPriceFile reads a file, or fetches an http(s) URL, of at most limit
// bytes; a fetch, body included, must end within timeout.
func readPriceFile(src string, limit int64, timeout time.Duration) (*priceFile, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return fetchPriceFile(src, limit, timeout)
	}
	if strings.Contains(src, "://") {
		return nil, badInput("catalog import: %s: only http:// and https:// URLs are fetched", withoutCredentials(src))
	}
	data, err := safefile.ReadFile(src, limit)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, badInput("catalog import: %s is larger than %s: not a price file", src, safefile.Size(limit))
	case err != nil:
		return nil, fmt.Errorf("catalog import: %w", err)
	}
	return &priceFile{data: data, base: filepath.Base(src)}, nil
}

// credentialParam is a query parameter name that may carry a secret.
var credentialParam = regexp.MustCompile(`(?i)token|key|secret|pass|auth|sig|credential|session|jwt|bearer`)

// withoutCredentials is src with what may be a secret left out when it is a
// URL: user:password@ and query parameters named like a token, a key, a
// signature or a password (?token=, ?api_key=, X-Amz-Signature…).
func withoutCredentials(src string) string {
	u, err := neturl.Parse(src)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return src
	}
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if credentialParam.MatchString(k) {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func fetchPriceFile(rawURL string, limit int64, timeout time.Duration) (*priceFile, error) {
	url := withoutCredentials(rawURL) // for messages
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, badInput("catalog import: %s is not a URL", url)
	}
	req.Header.Set("User-Agent", "tokenomics/"+version)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var ue *neturl.Error // its text holds the URL as given, token and all
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("catalog import: fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("catalog import: fetching %s: the server answered %s", url, resp.Status)
	}
	tooLarge := badInput("catalog import: %s is larger than %s: not a price file", url, safefile.Size(limit))
	if resp.ContentLength > limit {
		return nil, tooLarge
	}
	data, err := safefile.ReadAll(resp.Body, limit)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, tooLarge
	case err != nil:
		return nil, fmt.Errorf("catalog import: fetching %s: %w", url, err)
	}
	pf := &priceFile{data: data, base: path.Base(req.URL.Path)}
	if t, err := http.ParseTime(resp.Header.Get("Last-Modified")); err == nil {
		pf.lastModified = t.UTC().Format(time.DateOnly)
	}
	return pf, nil
}

func newCatalogDiff(stdout io.Writer) *cobra.Command {
	var overlay, format string
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Show the price and limit changes from catalog A to catalog B",
		Long: `diff compares two catalogs, each a catalog FILE, "embedded" (the shipped catalog) or
"current" (the embedded catalog with your overlay: what compare uses), and lists every
price, limit, tokenizer factor, status and source that differs, with dated price changes
due today applied to both.`,
		Example: `  tokenomics catalog diff embedded current
  tokenomics catalog diff old-catalog.yaml new-catalog.yaml --format json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return badInput("catalog diff: give two catalogs: FILE, embedded or current")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return badInput("--format: %q is not table or json", format)
			}
			now := today().Format(time.DateOnly)
			var cats [2]*plans.Catalog
			var names [2]string
			for i, a := range args {
				c, name, err := diffCatalog(a, overlay)
				if err != nil {
					return err
				}
				c.ApplyChanges(now)
				cats[i], names[i] = c, name
			}
			diffs := catalogsync.Diff(cats[0], cats[1])
			if format == "json" {
				return diffJSON(stdout, names, cats, now, diffs)
			}
			printf(stdout, "A: %s, catalog of %s\nB: %s, catalog of %s\n", names[0], cats[0].AsOf, names[1], cats[1].AsOf)
			printf(stdout, "Prices in USD per 1M tokens, plans per seat per month; dated changes due by %s applied to both.\n\n", now)
			if len(diffs) == 0 {
				printf(stdout, "No differences.\n")
				return nil
			}
			rows := make([][]string, len(diffs))
			entries := map[string]bool{}
			for i, d := range diffs {
				rows[i] = []string{d.Kind, d.ID, d.Field, short(d.A.String(), 50), short(d.B.String(), 50), d.Change()}
				entries[d.Kind+" "+d.ID] = true
			}
			printf(stdout, "%s", catalogTable(colorOK(stdout), []string{"Kind", "ID", "Field", "A", "B", "Change"}, rows))
			printf(stdout, "\n%d %s in %d %s.\n", len(diffs), either(len(diffs), "difference", "differences"), len(entries), either(len(entries), "entry", "entries"))
			return nil
		},
	}
	overlayFlag(cmd, &overlay)
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// diffCatalog reads one side of a diff.
func diffCatalog(arg, overlay string) (*plans.Catalog, string, error) {
	switch arg {
	case "embedded":
		c, err := shippedCatalog()
		return c, "the embedded catalog", err
	case "current":
		in := inputs{overlay: overlay}
		path, _ := in.overlayFile()
		c, notes, err := in.rawCatalog()
		if len(notes) == 0 {
			return c, "current (no overlay at " + displayPath(path) + ")", err
		}
		return c, "current (the embedded catalog with " + displayPath(path) + ")", err
	}
	c, err := plans.LoadCatalog(arg)
	return c, arg, err
}

func diffJSON(w io.Writer, names [2]string, cats [2]*plans.Catalog, now string, diffs []catalogsync.Difference) error {
	type side struct {
		Name string `json:"name"`
		AsOf string `json:"as_of"`
	}
	type diff struct {
		Kind   string            `json:"kind"`
		ID     string            `json:"id"`
		Name   string            `json:"name"`
		Field  string            `json:"field"`
		A      catalogsync.Value `json:"a"`
		B      catalogsync.Value `json:"b"`
		Change string            `json:"change,omitempty"`
	}
	out := struct {
		A           side   `json:"a"`
		B           side   `json:"b"`
		Today       string `json:"today"`
		Differences []diff `json:"differences"`
	}{A: side{names[0], cats[0].AsOf}, B: side{names[1], cats[1].AsOf}, Today: now, Differences: []diff{}}
	for _, d := range diffs {
		out.Differences = append(out.Differences, diff{d.Kind, d.ID, d.Name, d.Field, d.A, d.B, d.Change()})
	}
	return writeJSON(w, out)
}

// writeCheck prints `plans --check`.
func writeCheck(w io.Writer, cat *plans.Catalog, kind, format string, notes []string) error {
	now := today().Format(time.DateOnly)
	var fs []plans.Finding
	for _, f := range cat.Check(now) {
		if kind == "" || f.Entry == kind || (kind == "api" && f.Entry == "fx") {
			fs = append(fs, f)
		}
	}
	if format == "json" {
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
		}{Today: now, AsOf: cat.AsOf, Notes: notes, Findings: []finding{}}
		if out.Notes == nil {
			out.Notes = []string{}
		}
		for _, f := range fs {
			out.Findings = append(out.Findings, finding{f.Kind, f.Entry, f.ID, f.Name, f.Date, f.Detail})
		}
		return writeJSON(w, out)
	}
	printf(w, "Catalog of %s checked on %s: entries older than %d days, retired, preview and legacy models,\nestimates, limits measured from your logs, dated price changes passed or due and models\ndeprecated or retired within %d days.\n", cat.AsOf, now, plans.StaleDays, plans.SoonDays)
	for _, n := range notes {
		printf(w, "note: %s\n", termsafe.Text(n))
	}
	if len(fs) == 0 {
		printf(w, "\nNothing to report.\n")
		return nil
	}
	rows := make([][]string, len(fs))
	counts := map[string]int{}
	var order []string
	for i, f := range fs {
		rows[i] = []string{f.Kind, f.Entry, f.ID, f.Detail}
		if counts[f.Kind] == 0 {
			order = append(order, f.Kind)
		}
		counts[f.Kind]++
	}
	printf(w, "\n%s", catalogTable(colorOK(w), []string{"Finding", "Entry", "ID", "Detail"}, rows))
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	printf(w, "\n%s.\n", strings.Join(parts, ", "))
	return nil
}

func newCatalogAudit(stdout io.Writer) *cobra.Command {
	var catalog, format string
	cmd := &cobra.Command{
		Use:   "audit FILE...",
		Short: "List where the catalog disagrees with LiteLLM or OpenRouter price files, and its stale entries",
		Long: `audit compares the shipped catalog (or --catalog FILE), with the dated changes due today
applied, with each price file given: LiteLLM's model_prices_and_context_window.json or a
saved answer of OpenRouter's models API (told apart by their shape). It lists, entry by
entry, every price, window and status a file gives otherwise, the offered models a file
lacks, and the offered entries last checked more than 90 days ago. It changes nothing: a
disagreement is a lead to check on the vendor's own page (plans/CATALOG_NOTES.md, "Monthly
refresh"). A file's prices are dated by a YYYY-MM-DD in its name, else today.`,
		Example: `  tokenomics catalog audit litellm-2026-12-01.json openrouter-2026-12-01.json
  tokenomics catalog audit --catalog plans/catalog.yaml litellm-2026-12-01.json --format json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return badInput("catalog audit: give at least one price file (LiteLLM's or OpenRouter's JSON)")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if format != "table" && format != "json" {
				return badInput("--format: %q is not table or json", format)
			}
			now := today().Format(time.DateOnly)
			var cat *plans.Catalog
			var err error
			if catalog != "" {
				cat, err = plans.LoadCatalog(catalog)
			} else {
				cat, err = shippedCatalog()
			}
			if err != nil {
				return err
			}
			cat.ApplyChanges(now)
			var files []catalogsync.PriceFile
			for _, a := range args {
				if strings.Contains(a, "://") {
					return badInput("catalog audit: %s: give a file (catalog import fetches URLs)", a)
				}
				pf, err := readPriceFile(a, maxPriceFile, fetchTimeout)
				if err != nil {
					return err
				}
				if catalogsync.DetectFormat(pf.data) == "" {
					return badInput("catalog audit: %s is not a JSON object: neither LiteLLM's price file nor OpenRouter's models list", a)
				}
				asOf := dateIn(pf.base)
				if asOf == "" || asOf > now {
					asOf = now
				}
				files = append(files, catalogsync.PriceFile{Name: a, Data: pf.data, AsOf: asOf})
			}
			res, err := catalogsync.Audit(cat, files, now)
			if err != nil {
				return err
			}
			if format == "json" {
				return auditJSON(stdout, cat, res)
			}
			printAudit(stdout, cat, res)
			return nil
		},
	}
	cmd.Flags().StringVar(&catalog, "catalog", "", "the catalog YAML file to audit instead of the embedded one")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func printAudit(w io.Writer, cat *plans.Catalog, res *catalogsync.AuditResult) {
	printf(w, "Catalog of %s audited on %s. Prices in USD per 1M tokens; the catalog's dated changes due today applied.\n", cat.AsOf, res.Today)
	if len(res.Disagreements) == 0 {
		printf(w, "\nNo price file disagrees with the catalog.\n")
	} else {
		rows := make([][]string, len(res.Disagreements))
		entries := map[string]bool{}
		for i, d := range res.Disagreements {
			rows[i] = []string{d.ID, d.Field, short(d.A.String(), 40), short(d.B.String(), 40), d.Change(), d.File}
			entries[d.ID] = true
		}
		printf(w, "\nWhere the price files disagree (a lead to check on the vendor's page):\n%s", catalogTable(colorOK(w), []string{"ID", "Field", "Catalog", "File", "Change", "File name"}, rows))
		printf(w, "%d %s in %d %s.\n", len(res.Disagreements), either(len(res.Disagreements), "disagreement", "disagreements"), len(entries), either(len(entries), "entry", "entries"))
	}
	for _, name := range slices.Sorted(maps.Keys(res.Missing)) {
		ids := res.Missing[name]
		printf(w, "\n%s has no entry for %d offered %s: %s.\n", name, len(ids), either(len(ids), "model", "models"), strings.Join(ids, ", "))
	}
	if len(res.Stale) == 0 {
		printf(w, "\nNo offered entry was last checked more than %d days ago.\n", plans.StaleDays)
		return
	}
	rows := make([][]string, len(res.Stale))
	for i, s := range res.Stale {
		age := "undated"
		if s.Days >= 0 {
			age = fmt.Sprintf("%s, %d days ago", s.AsOf, s.Days)
		}
		rows[i] = []string{s.Kind, s.ID, s.Name, age}
	}
	printf(w, "\nLast checked more than %d days ago (%d of %d offered entries, %.0f%%):\n%s", plans.StaleDays, len(res.Stale), res.Offered,
		100*float64(len(res.Stale))/float64(max(1, res.Offered)), catalogTable(colorOK(w), []string{"Kind", "ID", "Name", "As of"}, rows))
}

func auditJSON(w io.Writer, cat *plans.Catalog, res *catalogsync.AuditResult) error {
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
		Missing       map[string][]string `json:"missing"`
		Stale         []stale             `json:"stale"`
		Offered       int                 `json:"offered"`
	}{AsOf: cat.AsOf, Today: res.Today, Disagreements: []disagreement{}, Missing: res.Missing, Stale: []stale{}, Offered: res.Offered}
	for _, d := range res.Disagreements {
		out.Disagreements = append(out.Disagreements, disagreement{d.ID, d.Name, d.Field, d.A, d.B, d.Change(), d.File, d.Key})
	}
	for _, s := range res.Stale {
		x := stale{Kind: s.Kind, ID: s.ID, Name: s.Name, AsOf: s.AsOf}
		if s.Days >= 0 {
			days := s.Days
			x.Days = &days
		}
		out.Stale = append(out.Stale, x)
	}
	return writeJSON(w, out)
}
