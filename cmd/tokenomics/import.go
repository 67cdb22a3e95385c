package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/usage"
)

// importFlags are the flags of `tokenomics import`.
type importFlags struct {
	logFlags     // with billing and currency: the workload comes from the logs
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
	o.register(cmd, "day to read", "days are counted in", tableJSON)
	f.StringVar(&o.save, "save", "", "write the derived workload to this YAML file")
	f.BoolVar(&o.compare, "compare", false, "rank every subscription and API option on the derived workload")
	f.IntVar(&o.top, "top", 0, "with --compare, show only the N cheapest options (0 = all; default 20 for the table)")
	f.Float64Var(&o.longContext, "long-context", usage.DefaultRule.LongContext, "a task whose largest prompt reaches this many tokens is long-context")
	f.IntVar(&o.agenticTurns, "agentic-turns", usage.DefaultRule.AgenticTurns, "otherwise a task of this many requests or more is agentic")
	f.StringVar(&o.in.billing, "billing", "", "with --compare, subscription billing: monthly or annual")
	f.StringVar(&o.in.currency, "currency", "", "display currency, e.g. USD, EUR, KRW")
	_ = cmd.MarkFlagFilename("save", "yaml", "yml")
	return cmd
}

func runImport(cmd *cobra.Command, stdout io.Writer, o *importFlags, args []string) error {
	r, err := o.start(args, o.check)
	if err != nil {
		return err
	}
	res, err := importLogs("import", r.src, r.opt, r.cat, usage.Rule{LongContext: o.longContext, AgenticTurns: o.agenticTurns})
	if err != nil {
		return err
	}
	res.CatalogAsOf, res.CatalogNotes, res.Currency = r.cat.AsOf, r.notes, r.cur
	if o.save != "" {
		if err := plans.SaveNewWorkload(o.save, res.Derived.Workload); err != nil {
			return fmt.Errorf("--save: %w", err)
		}
		res.Saved = o.save
	}
	var comparison *report.Comparison
	var rp *report.Replay
	if o.compare {
		comparison, _, err = buildComparison(&o.in, func(*plans.Catalog) (model.Workload, bool) { return res.Derived.Workload, true })
		if err != nil {
			return err
		}
		comparison.Top = topOf(cmd, o.top, o.format)
		// The ranking and the verdict are the records' own, replayed against
		// every plan's windows: the derived workload is an average.
		mc := &r.cat.Catalog
		if o.in.billing != "" && comparison.Workload.Billing == model.Annual {
			res.CatalogNotes = append(res.CatalogNotes, report.ReplayAnnualNote)
		}
		if rp, err = r.replay(replay.Records(res.Log, mc), mc, res.CatalogNotes); err != nil {
			return err
		}
		rp.Top = comparison.Top
	}
	return report.WriteImport(stdout, o.format, res, comparison, rp, colorOK(stdout))
}

// check refuses figures of the flags that cannot be.
func (o *importFlags) check() error {
	switch {
	case !(o.longContext > 0) || math.IsInf(o.longContext, 1): // NaN too
		return badInput("--long-context: %v is not a positive number of tokens", o.longContext)
	case o.top < 0:
		return badInput("--top: %d is negative", o.top)
	case o.agenticTurns < 1:
		return badInput("--agentic-turns: %d is not at least 1", o.agenticTurns)
	}
	if o.save != "" {
		// Refused before the logs are read, as it would be after.
		if err := safefile.Writable(o.save, safefile.Options{NoReplace: true}); err != nil {
			return fmt.Errorf("--save: %w", err)
		}
	}
	return nil
}

// importLogs reads, summarizes and fits, for the command what; logs with
// no record are bad input (loadRecords), so the result has a workload.
func importLogs(what string, src usage.Source, opt usage.Options, cat *plans.Catalog, rule usage.Rule) (*report.Import, error) {
	l, err := loadRecords(what, src, opt)
	if err != nil {
		return nil, err
	}
	s, d, err := l.SummarizeAndDerive(&cat.Catalog, rule)
	if err == nil && d == nil { // records make tasks: never
		err = errors.New(what + ": no workload derived from the records")
	}
	return &report.Import{Log: l, Summary: s, Derived: d}, err
}

// workloadFromLogs derives the workload of the default logs of --from
// ("claude-code" or "codex") on the embedded catalog and the user's overlay
// with the default grouping, for the app and compare. That catalog is run's
// (the run's own, nil when there is none yet) unless the flags name another
// catalog or overlay: it is read once, and the app that opens without an
// overlay it cannot use derives without it too. The notes say what was
// read and how well the workload reproduces the logs' cost; the records are
// kept for the app's replay.
func (in *inputs) workloadFromLogs(run *plans.Catalog) (model.Workload, error) {
	src, ok := usage.ParseSource(in.from)
	if !ok {
		return model.Workload{}, badInput("--from: %q is not %s", in.from, strings.Join(usage.Sources, " or "))
	}
	cat := run
	if cat == nil || in.catalog != "" || in.overlay != "" || in.noOverlay {
		var err error
		if cat, _, err = (&inputs{}).loadCatalog(); err != nil {
			return model.Workload{}, err
		}
	}
	res, err := importLogs("--from "+in.from, src, usage.Options{Location: time.Local}, cat, usage.DefaultRule)
	if err != nil {
		return model.Workload{}, err
	}
	in.notes = append(append(in.notes, report.FromLogsNote(src, res.Summary, res.Derived)), report.ReadingNotes(res.Log)...)
	in.fromLog = res.Log
	return res.Derived.Workload, nil
}
