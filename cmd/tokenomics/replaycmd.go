package main

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/usage"
)

// replayFlags are the flags of `tokenomics replay`.
type replayFlags struct {
	in     inputs // catalog, overlay, no-free
	logs   importFlags
	plan   string
	format string
}

func newReplay(stdout io.Writer) *cobra.Command {
	var o replayFlags
	cmd := &cobra.Command{
		Use:   "replay claude-code|codex [PATH...]",
		Short: "Run your own recorded requests against every plan's usage windows",
		Long: `replay reads the same records as import (Claude Code or Codex logs) and runs them,
in time order, on every plan of the catalog: each request runs on the plan while
every limit that counts it has room in its current window, and overflows to the
API once a window is full; past a limit with an overage price (Copilot's and
Cursor's monthly allowances) it stays on the plan and the plan bills the excess at
that price. Each limit keeps its own windows (a window opens at the first request
it counts and lasts its window_hours). Every API model and mix is
priced on the same requests. Costs are monthly: the period's cost × 30.4375 / the
period's days.

Per plan it shows the windows each limit opened, how many were hit, the hours they
stayed blocked and the busiest window against the cap; the verdict follows the same
rules as compare.`,
		Example: `  tokenomics replay claude-code
  tokenomics replay codex ~/.codex --since 2026-10-01 --until 2026-11-30
  tokenomics replay claude-code --plan claude-pro
  tokenomics replay claude-code --format json`,
		Args:              logSourceArgs("replay"),
		ValidArgsFunction: completeLogSource,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReplay(stdout, &o, args)
		},
	}
	f := cmd.Flags()
	dayFlags(cmd, &o.logs, "day to read", "days are counted in")
	f.StringVar(&o.plan, "plan", "", "list only this plan (by id); the verdict still weighs every option")
	f.BoolVar(&o.in.noFree, "no-free", false, "leave free plans out of the ranking and the verdict")
	formatFlag(cmd, &o.format, "output format: ", report.ReplayFormats)
	catalogFlags(cmd, &o.in.catalog, &o.in.overlay)
	return cmd
}

func runReplay(stdout io.Writer, o *replayFlags, args []string) error {
	src, _ := usage.ParseSource(args[0])
	if err := checkFormat(o.format, report.ReplayFormats); err != nil {
		return err
	}
	opt, err := o.logs.options(args[1:])
	if err != nil {
		return err
	}
	cat, notes, err := o.in.loadCatalog()
	if err != nil {
		return err
	}
	mc := &cat.Catalog
	if o.plan != "" && !slices.ContainsFunc(mc.Plans, func(p model.Subscription) bool { return p.ID == o.plan }) {
		return badInput("--plan: the catalog has no plan %q (see: tokenomics plans)", o.plan)
	}
	if o.in.noFree {
		mc = mc.WithoutFree()
	}
	l, err := loadLogs(src, opt)
	if err != nil {
		return err
	}
	recs := replay.Records(l, mc)
	if len(recs) == 0 {
		return badInput("replay: the %s logs in %s hold no usage record", src.Title(), strings.Join(l.Roots, ", "))
	}
	res, err := replay.Run(recs, mc, replay.Options{Location: opt.Location})
	if err != nil {
		return err
	}
	rep := &report.Replay{Result: res, Source: src.Title(), CatalogAsOf: cat.AsOf, Currency: money.USD, CatalogNotes: append(notes, report.ReadingNotes(l)...)}
	if o.plan != "" {
		if o.in.noFree && !slices.ContainsFunc(res.Quotes, func(q model.Quote) bool { return q.ID == o.plan }) {
			return badInput("--plan %s is a free plan, and --no-free leaves it out", o.plan)
		}
		// Only what is listed changes: the verdict weighs every option.
		rep.Only = slices.DeleteFunc(slices.Clone(res.Quotes), func(q model.Quote) bool { return q.ID != o.plan })
	}
	return report.WriteReplay(stdout, o.format, rep, colorOK(stdout))
}
