package main

import (
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
)

// replayFlags are the flags of `tokenomics replay`.
type replayFlags struct {
	logFlags // with no-free and currency
	plan     string
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
	o.register(cmd, "day to read", "days are counted in", report.ReplayFormats)
	f.StringVar(&o.plan, "plan", "", "list only this plan (by id); the verdict still weighs every option")
	f.BoolVar(&o.in.noFree, "no-free", false, "leave free plans out of the ranking and the verdict")
	f.StringVar(&o.in.currency, "currency", "", "display currency of the table and markdown, e.g. USD, EUR, KRW (JSON stays USD)")
	return cmd
}

func runReplay(stdout io.Writer, o *replayFlags, args []string) error {
	r, err := o.start(args, nil)
	if err != nil {
		return err
	}
	mc := &r.cat.Catalog
	if o.plan != "" {
		// Both flags are known before a log is read: a conflict between them
		// is said at once, not after the whole replay.
		p, err := plans.FindPlan(r.cat, o.plan)
		if err != nil {
			return badInput("--plan: %v (see: tokenomics plans --kind subscription)", err)
		}
		if o.in.noFree && p.Free() {
			return badInput("--plan %s is a free plan, and --no-free leaves free plans out: give one of the two", o.plan)
		}
	}
	if o.in.noFree {
		mc = mc.WithoutFree()
	}
	l, err := loadRecords("replay", r.src, r.opt)
	if err != nil {
		return err
	}
	rep, err := r.replay(replay.Records(l, mc), mc, append(r.notes, report.ReadingNotes(l)...))
	if err != nil {
		return err
	}
	if o.plan != "" {
		// Only what is listed changes: the verdict weighs every option.
		rep.Only = slices.DeleteFunc(slices.Clone(rep.Result.Quotes), func(q model.Quote) bool { return q.ID != o.plan })
	}
	return report.WriteReplay(stdout, o.format, rep, colorOK(stdout))
}
