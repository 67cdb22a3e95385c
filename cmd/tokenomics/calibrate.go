package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/usage"
)

// calibrateFlags are the flags of `tokenomics calibrate`.
type calibrateFlags struct {
	logFlags
	plan string
	save bool
}

func newCalibrate(stdout io.Writer) *cobra.Command {
	var o calibrateFlags
	cmd := &cobra.Command{
		Use:   "calibrate claude-code|codex [PATH...]",
		Short: "Measure your plan's usage limits in API-equivalent dollars from your own logs",
		Long: `calibrate measures what a subscription's usage limits hold, in API-equivalent dollars
per window, from the logs import reads (the same folders, or the paths given).

Codex writes, with every token_count event, how much of its 5-hour and weekly windows
the account has used. The snapshots of one window instance (same length, same reset
time) are paired with the API cost of the requests made meanwhile: capacity = those
dollars / the share of the window they used. Only instances that moved 10 points or
more are used.

Claude Code writes a notice when a limit is reached ("5-hour limit reached ∙ resets
3pm", "You've hit your weekly limit · resets …", or the older "Claude AI usage limit
reached|<reset time>"). The window runs from its reset minus its length to the
notice; the requests in it cost what the limit holds.

Per window length the limit is the median of the windows measured, with the quartiles
(min and max under four windows) as its range, beside the catalog's figure for the
plan. With no limit reached and no snapshot that moved enough there is no figure:
the heaviest window seen is given as a lower bound instead.

--save writes the measured limits into your catalog overlay for the plan (confidence
measured), keeping the overlay before as a backup; compare and the app then use them,
and plans built on the plan (limits_like) follow.`,
		Example: `  tokenomics calibrate codex
  tokenomics calibrate claude-code --plan claude-max --since 2026-09-01
  tokenomics calibrate codex ~/.codex --format json
  tokenomics calibrate claude-code --plan claude-pro --save`,
		Args:              logSourceArgs("calibrate"),
		ValidArgsFunction: completeLogSource,
		RunE: func(_ *cobra.Command, args []string) error {
			return runCalibrate(stdout, &o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.plan, "plan", "", "the catalog id of your plan (default: Codex's plan_type when the logs give one)")
	o.register(cmd, "day of the windows measured", "of days and of resets given as a clock time", tableJSON)
	f.BoolVar(&o.save, "save", false, "write the measured limits into your catalog overlay for the plan")
	return cmd
}

func runCalibrate(stdout io.Writer, o *calibrateFlags, args []string) error {
	r, err := o.start(args, func() error {
		if o.save && o.in.catalog != "" && o.in.overlay == "" {
			return badInput("--save writes your overlay of the embedded catalog: it cannot go with --catalog (name an overlay with --catalog-overlay)")
		}
		return nil
	})
	if err != nil {
		return err
	}
	src, opt, cat, catNotes := r.src, r.opt, r.cat, r.notes
	// Every record is read: a window that began before --since still needs
	// its early requests. The range picks the windows.
	from, to, err := usage.Days(opt.Since, opt.Until, opt.Location)
	if err != nil {
		return badInput("--%v", err) // "--since: …", as options says it
	}
	opt.Since, opt.Until = "", ""
	if o.plan != "" {
		if _, err := plans.FindPlan(cat, o.plan); err != nil {
			return badInput("--plan: %v (see: tokenomics plans --kind subscription)", err)
		}
	}
	l, err := loadRecords("calibrate", src, opt)
	if err != nil {
		return err
	}
	in := calibrate.FromLog(l, &cat.Catalog)
	in.From, in.To, in.Plan = from, to, o.plan
	c := &report.Calibration{Log: l, Result: calibrate.Measure(in), CatalogNotes: catNotes}
	c.Plan = c.Result.CatalogPlan(&cat.Catalog)
	if o.save {
		if err := saveOverlay(c, o); err != nil {
			return err
		}
	}
	return report.Output(stdout, o.format, c, report.CalibrationJSON, report.CalibrationTable, colorOK(stdout))
}

// saveOverlay writes the measured limits into the overlay, under its lock,
// as catalog import writes it.
func saveOverlay(c *report.Calibration, o *calibrateFlags) error {
	if why, ok := c.Result.Unsaved(); ok {
		c.Result.Notes = append(c.Result.Notes, why)
		return nil
	}
	if c.Result.Plan == "" {
		return badInput("--save: which plan did these logs run on? Name it with --plan")
	}
	path := overlayTo(o.in.overlay)
	ed, err := editOverlay(path, "saved", true)
	if err != nil {
		return err
	}
	defer ed.Close()
	p, ok := ed.Catalog.Plan(c.Result.Plan)
	if !ok {
		return badInput("--save: the catalog has no plan %q", c.Result.Plan)
	}
	now := today().Format(time.DateOnly)
	ed.Overlay.PutPlan(calibrate.Apply(*p, c.Result.Limits, c.Log.Source, now))
	backup, err := ed.Save(now, fmt.Sprintf("tokenomics calibrate %s --save (limits of %s measured from your logs)", c.Log.Source, c.Result.Plan))
	if err != nil {
		return err
	}
	c.Saved, c.Backup = path, backup
	return nil
}
