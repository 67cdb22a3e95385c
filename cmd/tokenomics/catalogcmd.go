package main

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/catalogsync"
	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
)

// maxPriceFile caps what `catalog import` reads: a variable so a test can
// bound a smaller stream.
var maxPriceFile int64 = catalogsync.MaxPriceFile

// fetchTimeout bounds a whole fetch, body included (a variable for tests).
var fetchTimeout = 30 * time.Second

// lockWait is how long a rewrite of the overlay (an import, calibrate
// --save) waits for another one writing it: twice as long as an import's
// fetch may take.
var lockWait = 60 * time.Second

func newCatalog(stdout io.Writer) *cobra.Command {
	var overlay string
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Keep prices true: import price files into your overlay, diff catalogs",
		Long: `Your overlay (` + userpath.Shown(overlayPath()) + `, or --catalog-overlay) adds to
the embedded catalog or replaces its entries by id, and hides entries listed under remove.
Every command that prices reads it. With no subcommand, catalog says where it is and what
it holds.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			in := inputs{overlay: overlay}
			path, _ := in.source().OverlayPath()
			cat, effect, err := in.source().Open()
			if err != nil {
				return err
			}
			summary := ""
			if effect != nil {
				summary = report.OverlaySummary(*effect)
			}
			_, err = io.WriteString(stdout, report.OverlayStatus(path, cat.AsOf, summary))
			return err
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
	path := overlayTo(o.overlay)
	ed, err := editOverlay(path, "imported", !o.dry)
	if err != nil {
		return err
	}
	defer ed.Close()
	pf, err := catalogsync.ReadPriceFile(src, maxPriceFile, fetchTimeout, "tokenomics/"+version)
	// From here on the source is named without the credentials a URL may
	// carry: it is stored in the overlay and printed.
	src = catalogsync.WithoutCredentials(src)
	if err != nil {
		return err
	}
	asOf, how := catalogsync.PricesDate(o.asOf, pf, now)
	opt := catalogsync.ImportOptions{Name: src, Source: format + " " + src, AsOf: asOf, Today: now, Add: o.add, Force: o.force}
	res, err := catalogsync.ImportInto(ed, format, pf.Data, opt)
	if err != nil {
		return err
	}
	// What the import changes is said before the overlay is written: when
	// it cannot be said, nothing is written.
	if _, err := io.WriteString(stdout, report.CatalogImport(res, src, asOf, how)); err != nil {
		return err
	}
	if len(res.Models) == 0 {
		_, err = io.WriteString(stdout, report.OverlayLeft(path, "Nothing to change"))
		return err
	}
	if o.dry {
		_, err = io.WriteString(stdout, report.OverlayLeft(path, "Dry run"))
		return err
	}
	backup, err := ed.Save(now, "tokenomics catalog import "+format+" "+src)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, report.OverlayWritten(path, backup))
	return err
}

// editOverlay reads the overlay at path over the shipped catalog for a
// rewrite, under its lock when lock is set (plans.LockOverlay; a dry run
// writes nothing and takes none).
func editOverlay(path, what string, lock bool) (*plans.OverlayEdit, error) {
	base, err := shippedCatalog()
	if err != nil {
		return nil, err
	}
	if lock {
		return plans.LockOverlay(base, path, what, lockWait)
	}
	return plans.EditOverlay(base, path, what)
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
		Args: argsSaying(cobra.ExactArgs(2), "catalog diff: give two catalogs: FILE, embedded or current"),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := checkFormat(format, tableJSON); err != nil {
				return err
			}
			d := &report.CatalogDiff{Today: today().Format(time.DateOnly)}
			for i, a := range args {
				c, name, err := diffCatalog(a, overlay)
				if err != nil {
					return err
				}
				c.ApplyChanges(d.Today)
				d.Catalogs[i], d.Names[i] = c, name
			}
			d.Differences = catalogsync.Diff(d.Catalogs[0], d.Catalogs[1])
			return report.Output(stdout, format, d, report.CatalogDiffJSON, report.CatalogDiffTable, colorOK(stdout))
		},
	}
	overlayFlag(cmd, &overlay)
	formatFlag(cmd, &format, "", tableJSON)
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
		path, _ := in.source().OverlayPath()
		c, effect, err := in.source().Open()
		if effect == nil {
			return c, "current (no overlay at " + userpath.Shown(path) + ")", err
		}
		return c, "current (the embedded catalog with " + userpath.Shown(path) + ")", err
	}
	c, err := plans.LoadCatalog(arg)
	return c, arg, err
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
		Args: argsSaying(cobra.MinimumNArgs(1), "catalog audit: give at least one price file (LiteLLM's or OpenRouter's JSON)"),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := checkFormat(format, tableJSON); err != nil {
				return err
			}
			now := today().Format(time.DateOnly)
			cat, err := (&inputs{catalog: catalog}).source().Base()
			if err != nil {
				return err
			}
			cat.ApplyChanges(now)
			var files []catalogsync.PriceFile
			for _, a := range args {
				f, err := catalogsync.ReadAuditFile(a, maxPriceFile, now)
				if err != nil {
					return err
				}
				files = append(files, f)
			}
			res, err := catalogsync.Audit(cat, files, now)
			if err != nil {
				return err
			}
			return report.WriteAudit(stdout, format, cat, res, colorOK(stdout))
		},
	}
	cmd.Flags().StringVar(&catalog, "catalog", "", "the catalog YAML file to audit instead of the embedded one")
	formatFlag(cmd, &format, "", tableJSON)
	return cmd
}
