package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/usage"
)

// importFlags are the flags of `tokenomics import`.
type importFlags struct {
	in           inputs // catalog, billing, currency (the workload comes from the logs)
	since, until string
	timezone     string
	format       string
	save         string
	compare      bool
	top          int
	longContext  float64
	agenticTurns int
}

func newImport(stdout io.Writer) *cobra.Command {
	var o importFlags
	cmd := &cobra.Command{
		Use:   "import claude-code|codex [PATH...]",
		Short: "Read Claude Code or Codex logs: tokens, API cost, and the workload they describe",
		Long: `import reads the usage records of Claude Code (CLAUDE_CONFIG_DIR, else ~/.config/claude
and ~/.claude) or the Codex CLI (CODEX_HOME, else ~/.codex), or the files and
directories given, and prints requests, sessions, active days, tokens by kind per
model and their API cost on the catalog. Only token counts are read: message content
is never stored or printed.

From the records it derives a workload: each session's requests on one model are a
task; tasks are long-context when a prompt reached --long-context tokens, else agentic
from --agentic-turns requests, else short; each class is fitted so that the workload,
priced on the models the logs used, costs what the logs did (the figure is printed).
--save writes that workload as YAML, --compare ranks every plan on it.

Bad lines, huge lines and unreadable files are counted and reported, never fatal
unless nothing at all can be read.`,
		Example: `  tokenomics import claude-code
  tokenomics import claude-code --since 2026-01-01 --compare
  tokenomics import codex ~/.codex --save my-work.yaml
  tokenomics import claude-code ./logs --format json`,
		Args:              logSourceArgs("import"),
		ValidArgsFunction: completeLogSource,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(cmd, stdout, &o, args)
		},
	}
	f := cmd.Flags()
	dayFlags(cmd, &o, "day to read", "days are counted in")
	formatFlag(cmd, &o.format, "output format: ", tableJSON)
	f.StringVar(&o.save, "save", "", "write the derived workload to this YAML file")
	f.BoolVar(&o.compare, "compare", false, "rank every subscription and API option on the derived workload")
	f.IntVar(&o.top, "top", 0, "with --compare, show only the N cheapest options (0 = all; default 20 for the table)")
	f.Float64Var(&o.longContext, "long-context", usage.DefaultRule.LongContext, "a task whose largest prompt reaches this many tokens is long-context")
	f.IntVar(&o.agenticTurns, "agentic-turns", usage.DefaultRule.AgenticTurns, "otherwise a task of this many requests or more is agentic")
	catalogFlags(cmd, &o.in.catalog, &o.in.overlay)
	f.StringVar(&o.in.billing, "billing", "", "with --compare, subscription billing: monthly or annual")
	f.StringVar(&o.in.currency, "currency", "", "display currency, e.g. USD, EUR, KRW")
	_ = cmd.MarkFlagFilename("save", "yaml", "yml")
	return cmd
}

// logSourceArgs wants the first argument of command name to be the logs to
// read, one of usage.Sources; paths may follow.
func logSourceArgs(name string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 {
			return badInput("%s: name the logs to read: %s", name, strings.Join(usage.Sources, " or "))
		}
		if _, ok := usage.ParseSource(args[0]); !ok {
			return badInput("%s: %q is not %s", name, args[0], strings.Join(usage.Sources, " or "))
		}
		return nil
	}
}

// completeLogSource offers usage.Sources for the first argument, files after.
func completeLogSource(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return usage.Sources, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}

func runImport(cmd *cobra.Command, stdout io.Writer, o *importFlags, args []string) error {
	src, _ := usage.ParseSource(args[0])
	if err := checkFormat(o.format, tableJSON); err != nil {
		return err
	}
	if o.longContext <= 0 {
		return badInput("--long-context: %v is not a positive number of tokens", o.longContext)
	}
	if o.top < 0 {
		return badInput("--top: %d is negative", o.top)
	}
	if o.agenticTurns < 1 {
		return badInput("--agentic-turns: %d is not at least 1", o.agenticTurns)
	}
	opt, err := o.options(args[1:])
	if err != nil {
		return err
	}
	cat, catNotes, err := o.in.loadCatalog()
	if err != nil {
		return err
	}
	cur, err := currencyOf(cat, o.in.currency)
	if err != nil {
		return err
	}
	res, err := importLogs(src, opt, cat, usage.Rule{LongContext: o.longContext, AgenticTurns: o.agenticTurns})
	if err != nil {
		return err
	}
	res.CatalogAsOf, res.CatalogNotes, res.Currency = cat.AsOf, catNotes, cur
	if (o.save != "" || o.compare) && res.Derived == nil {
		return badInput("import: the %s logs hold no usage record, so there is no workload to save or compare", src.Title())
	}
	if o.save != "" {
		if err := plans.SaveWorkload(o.save, res.Derived.Workload); err != nil {
			return fmt.Errorf("--save: %w", err)
		}
		res.Saved = o.save
	}
	var comparison *report.Comparison
	var rp *report.Replay
	if o.compare {
		comparison, err = buildComparison(&o.in, func() (model.Workload, bool) { return res.Derived.Workload, true }, nil)
		if err != nil {
			return err
		}
		comparison.Top = topOf(cmd, o.top, o.format)
		// The ranking and the verdict are the records' own, replayed against
		// every plan's windows: the derived workload is an average.
		mc := &cat.Catalog
		if o.in.billing != "" && comparison.Workload.Billing == model.Annual {
			res.CatalogNotes = append(res.CatalogNotes, "the replay prices plans at their monthly price; --billing annual applies to the modeled comparison only")
		}
		r, err := replay.Run(replay.Records(res.Log, mc), mc, replay.Options{Location: opt.Location})
		if err != nil {
			return err
		}
		rp = &report.Replay{Result: r, Source: src.Title(), CatalogAsOf: cat.AsOf, Currency: cur, CatalogNotes: res.CatalogNotes,
			Top: comparison.Top}
	}
	if o.format == "json" {
		return report.ImportJSON(stdout, res, comparison, rp)
	}
	io.WriteString(stdout, report.ImportTable(res, colorOK(stdout)))
	if rp != nil {
		io.WriteString(stdout, "\n")
		return report.WriteReplay(stdout, "table", rp, colorOK(stdout))
	}
	return nil
}

// options turns the flags into reading options.
func (o *importFlags) options(paths []string) (usage.Options, error) {
	opt := usage.Options{Paths: paths, Location: time.Local}
	for _, p := range paths {
		// A FIFO would wait for a writer and a device never end: a log named
		// is a file or a folder. A missing one is reported with the rest.
		if st, err := os.Stat(p); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
			return opt, badInput("%s is not a regular file or a folder", p)
		}
	}
	if o.timezone != "" {
		loc, err := time.LoadLocation(o.timezone)
		if err != nil {
			return opt, badInput("--timezone: %q is not a time zone (IANA name like Europe/Paris or UTC)", o.timezone)
		}
		opt.Location = loc
	}
	for _, d := range []struct {
		flag string
		v    *string
		out  *string
	}{{"--since", &o.since, &opt.Since}, {"--until", &o.until, &opt.Until}} {
		if *d.v == "" {
			continue
		}
		day, err := usage.ParseDay(*d.v)
		if err != nil {
			return opt, badInput("%s: %v", d.flag, err)
		}
		*d.out = day
	}
	if opt.Since != "" && opt.Until != "" && opt.Since > opt.Until {
		return opt, badInput("--since %s is after --until %s", opt.Since, opt.Until)
	}
	return opt, nil
}

// loadLogs reads the logs; none at all to read is bad input.
func loadLogs(src usage.Source, opt usage.Options) (*usage.Log, error) {
	l, err := usage.Load(src, opt)
	if errors.Is(err, usage.ErrNothingReadable) {
		return nil, inputError{err}
	}
	return l, err
}

// importLogs reads, summarizes and fits; a log with no record gives no
// derived workload and no error.
func importLogs(src usage.Source, opt usage.Options, cat *plans.Catalog, rule usage.Rule) (*report.Import, error) {
	l, err := loadLogs(src, opt)
	if err != nil {
		return nil, err
	}
	// Both only read the log: the summary is made beside the fit.
	res := &report.Import{Log: l}
	summed := make(chan struct{})
	go func() {
		res.Summary = l.Summarize(&cat.Catalog)
		close(summed)
	}()
	d, err := l.Derive(&cat.Catalog, rule)
	<-summed
	switch {
	case errors.Is(err, usage.ErrNoRecords):
	case err != nil:
		return nil, err
	default:
		res.Derived = &d
	}
	return res, nil
}

// workloadFromLogs derives the workload of the default logs of source
// ("claude-code" or "codex") on the embedded catalog with the default
// grouping, for the app's --from flag. The notes say what was read and how
// well the workload reproduces the logs' cost.
func workloadFromLogs(source string) (model.Workload, []string, *usage.Log, error) {
	src, ok := usage.ParseSource(source)
	if !ok {
		return model.Workload{}, nil, nil, badInput("--from: %q is not %s", source, strings.Join(usage.Sources, " or "))
	}
	cat, _, err := (&inputs{}).loadCatalog()
	if err != nil {
		return model.Workload{}, nil, nil, err
	}
	res, err := importLogs(src, usage.Options{Location: time.Local}, cat, usage.DefaultRule)
	if err != nil {
		return model.Workload{}, nil, nil, err
	}
	if res.Derived == nil {
		return model.Workload{}, nil, nil, badInput("--from %s: the logs in %s hold no usage record", source, strings.Join(res.Log.Roots, ", "))
	}
	notes := append([]string{report.FromLogsNote(src, res.Summary, res.Derived)}, report.ReadingNotes(res.Log)...)
	return res.Derived.Workload, notes, res.Log, nil
}
