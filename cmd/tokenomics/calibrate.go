package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/usage"
)

// calibrateFlags are the flags of `tokenomics calibrate`.
type calibrateFlags struct {
	in       inputs // catalog and overlay
	dates    importFlags
	plan     string
	save     bool
	format   string
	lockWait time.Duration
}

func newCalibrate(stdout io.Writer) *cobra.Command {
	o := calibrateFlags{lockWait: lockWait}
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
	f.StringVar(&o.dates.since, "since", "", "first day of the windows measured, YYYY-MM-DD (inclusive)")
	f.StringVar(&o.dates.until, "until", "", "last day of the windows measured, YYYY-MM-DD (inclusive)")
	f.StringVarP(&o.dates.timezone, "timezone", "z", "", "IANA time zone of days and of resets given as a clock time (default: local)")
	f.BoolVar(&o.save, "save", false, "write the measured limits into your catalog overlay for the plan")
	f.StringVarP(&o.format, "format", "f", "table", "output format: table or json")
	f.StringVar(&o.in.catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	overlayFlag(cmd, &o.in.overlay)
	_ = cmd.MarkFlagFilename("catalog", "yaml", "yml")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// calibration is what one run found, and what it saved.
type calibration struct {
	src     usage.Source
	log     *usage.Log
	res     calibrate.Result
	plan    *model.Subscription // the catalog's plan, nil when unknown
	main    float64             // the window length of the lower bound shown first
	saved   string              // the overlay written, "" when none
	backup  string
	catNote []string
}

func runCalibrate(stdout io.Writer, o *calibrateFlags, args []string) error {
	src, _ := usage.ParseSource(args[0])
	if o.format != "table" && o.format != "json" {
		return badInput("--format: %q is not table or json", o.format)
	}
	if o.save && o.in.catalog != "" && o.in.overlay == "" {
		return badInput("--save writes your overlay of the embedded catalog: it cannot go with --catalog (name an overlay with --catalog-overlay)")
	}
	opt, err := o.dates.options(args[1:])
	if err != nil {
		return err
	}
	// Every record is read: a window that began before --since still needs
	// its early requests. The range picks the windows.
	from, to := dayTime(opt.Since, opt.Location, 0), dayTime(opt.Until, opt.Location, 1)
	opt.Since, opt.Until = "", ""
	cat, catNotes, err := o.in.loadCatalog()
	if err != nil {
		return err
	}
	if o.plan != "" {
		if _, ok := findPlan(cat, o.plan); !ok {
			return badInput("--plan: %q is not a subscription of the catalog (see: tokenomics plans --kind subscription)", o.plan)
		}
	}
	l, err := usage.Load(src, opt)
	if err != nil {
		if errors.Is(err, usage.ErrNothingReadable) {
			return inputError{err}
		}
		return err
	}
	in := calibrate.Input{Source: src, Spends: l.Spends(&cat.Catalog), Notices: l.Notices, Location: opt.Location,
		From: from, To: to, Plan: o.plan}
	if src == usage.Codex {
		var unknown int
		in.Snapshots, unknown = calibrate.Snapshots(l.RateLimits)
		if unknown > 0 {
			catNotes = append(catNotes, fmt.Sprintf("%d snapshot windows without a length, a share or a reset time left out", unknown))
		}
	}
	c := &calibration{src: src, log: l, res: calibrate.Measure(in), catNote: catNotes, main: 5}
	if c.res.Plan != "" {
		if p, ok := findPlan(cat, c.res.Plan); ok {
			c.plan = p
		} else {
			c.res.Notes = append(c.res.Notes, calibrate.Note{Kind: calibrate.NoteNoCatalogPlan, Plan: c.res.Plan})
		}
	}
	c.pickMain()
	if o.save {
		if err := c.saveOverlay(o); err != nil {
			return err
		}
	}
	if o.format == "json" {
		return calibrateJSON(stdout, c)
	}
	io.WriteString(stdout, calibrateTable(c, colorOK(stdout)))
	return nil
}

// dayTime is the start of day d (YYYY-MM-DD) plus add days in loc; zero for "".
func dayTime(d string, loc *time.Location, add int) time.Time {
	if d == "" {
		return time.Time{}
	}
	t, _ := time.ParseInLocation(time.DateOnly, d, loc)
	return t.AddDate(0, 0, add)
}

func findPlan(cat *plans.Catalog, id string) (*model.Subscription, bool) {
	for i := range cat.Plans {
		if cat.Plans[i].ID == id {
			return &cat.Plans[i], true
		}
	}
	return nil, false
}

// pickMain chooses the window length of the lower bound: the plan's
// shortest limit for this work, else 5 hours.
func (c *calibration) pickMain() {
	if c.plan == nil {
		return
	}
	best := 0.0
	for _, h := range c.res.Heaviest {
		if calibrate.CatalogLimit(c.plan, h.WindowHours, c.src) != nil && (best == 0 || h.WindowHours < best) {
			best = h.WindowHours
		}
	}
	if best > 0 {
		c.main = best
	}
}

// saveOverlay writes the measured limits into the overlay, under a lock,
// as catalog import writes it.
func (c *calibration) saveOverlay(o *calibrateFlags) error {
	if len(c.res.Limits) == 0 {
		c.res.Notes = append(c.res.Notes, calibrate.Note{Kind: calibrate.NoteNothingMeasured})
		return nil
	}
	if !slices.ContainsFunc(c.res.Limits, func(m calibrate.Limit) bool { return !m.Contradicted() }) {
		c.res.Notes = append(c.res.Notes, calibrate.Note{Kind: calibrate.NoteAllContradict})
		return nil
	}
	if c.res.Plan == "" {
		return badInput("--save: which plan did these logs run on? Name it with --plan")
	}
	path, _ := (&inputs{overlay: o.in.overlay}).overlayFile()
	unlock, err := safefile.Lock(path, o.lockWait)
	if err != nil {
		return fmt.Errorf("the overlay %s is left as it was: %w", path, err)
	}
	defer unlock()
	ed, err := editOverlay(path, "saved")
	if err != nil {
		return err
	}
	p, ok := findPlan(ed.cur, c.res.Plan)
	if !ok {
		return badInput("--save: the catalog has no plan %q", c.res.Plan)
	}
	now := today().Format(time.DateOnly)
	ed.ov.PutPlan(calibrate.Apply(*p, c.res.Limits, c.src, now))
	backup, err := ed.save(now, fmt.Sprintf("tokenomics calibrate %s --save (limits of %s measured from your logs)", c.src, c.res.Plan))
	if err != nil {
		return err
	}
	c.saved, c.backup = path, backup
	return nil
}

// versus is the catalog's figure beside a measured one, and how far apart.
func (c *calibration) versus(hours, usd float64) (text string, diff *float64) {
	if c.plan == nil {
		return "no plan named", nil
	}
	l := calibrate.CatalogLimit(c.plan, hours, c.src)
	switch {
	case l == nil:
		return "none for this window", nil
	case l.USD <= 0:
		return fmt.Sprintf("%s %s (another unit)", model.Tokens(l.Capacity()), l.Unit()), nil
	}
	text = dollars(l.USD)
	if l.Ranged() {
		text += fmt.Sprintf(" (%s–%s)", dollars(l.CapacityLow()), dollars(l.CapacityHigh()))
	}
	if l.Confidence != "" {
		text += ", " + l.Confidence
	}
	d := usd/l.USD - 1
	return text, &d
}

func dollars(v float64) string {
	if v >= 1000 {
		return "$" + money.Count(v) // whole dollars, grouped
	}
	return fmt.Sprintf("$%.2f", v)
}

// lowerBound says what the heaviest window of the main length shows.
func (c *calibration) lowerBound() (calibrate.Heaviest, string, bool) {
	for _, h := range c.res.Heaviest {
		if h.WindowHours != c.main || h.Requests == 0 {
			continue
		}
		s := fmt.Sprintf("your heaviest %s window used %s and hit no limit", report.WindowName(h.WindowHours), dollars(h.USD))
		if h.HasPeak {
			s = fmt.Sprintf("your heaviest %s window used %s; Codex reported at most %.0f%% of a %s limit used, too little to measure",
				report.WindowName(h.WindowHours), dollars(h.USD), h.Peak, report.WindowName(h.WindowHours))
		}
		if h.Unpriced > 0 {
			s += fmt.Sprintf(" (%d requests in it have no price in the catalog: more than that)", h.Unpriced)
		}
		return h, s, true
	}
	return calibrate.Heaviest{}, "", false
}

func calibrateTable(c *calibration, color bool) string {
	var b strings.Builder
	l := c.log
	fmt.Fprintf(&b, "%s logs · %s read from %s\n", l.Source.Title(), plural(int64(l.Files), "file"), strings.Join(l.Roots, ", "))
	switch {
	case c.res.Plan != "":
		fmt.Fprintf(&b, "Plan: %s (%s)\n", c.res.Plan, c.res.PlanFrom)
	default:
		b.WriteString("Plan: not named (give --plan to compare with the catalog and to save)\n")
	}
	if len(c.res.Limits) == 0 {
		b.WriteString("\nNo limit measured: no limit was reached")
		if c.src == usage.Codex {
			fmt.Fprintf(&b, " and no rate-limit snapshot moved %d points or more", calibrate.MinMovement)
		}
		b.WriteString(".\n")
		if _, s, ok := c.lowerBound(); ok {
			fmt.Fprintf(&b, "Lower bound: %s.\n", s)
		}
	} else {
		rows := make([][]string, len(c.res.Limits))
		for i, m := range c.res.Limits {
			cat, diff := c.versus(m.WindowHours, m.USD)
			apart := "–"
			if diff != nil {
				apart = fmt.Sprintf("%+.0f%%", *diff*100)
				if math.Round(*diff*100) == 0 {
					apart = "0%"
				}
			}
			measured := dollars(m.USD)
			if m.Contradicted() {
				measured += " (contradicted)"
			}
			rows[i] = []string{report.WindowName(m.WindowHours), measured, dollars(m.Low) + "–" + dollars(m.High),
				strconv.Itoa(len(m.Windows)), m.Method, cat, apart}
		}
		b.WriteString("\n")
		b.WriteString(catalogTable(color, []string{"Window", "Measured", "Range", "Windows", "Method", "Catalog", "Apart"}, rows, 1, 2, 3, 6))
	}
	for _, h := range c.res.Heaviest {
		if h.Requests == 0 {
			continue
		}
		fmt.Fprintf(&b, "Heaviest %s window: %s, %s to %s (%s)\n", report.WindowName(h.WindowHours), dollars(h.USD),
			h.From.In(l.Location).Format("2006-01-02 15:04"), h.To.In(l.Location).Format("2006-01-02 15:04 MST"), plural(int64(h.Requests), "request"))
	}
	for _, n := range append(c.catNote, report.CalibrateNotes(c.res.Notes)...) {
		fmt.Fprintf(&b, "note: %s\n", termsafe.Text(n))
	}
	switch {
	case c.saved != "" && c.backup != "":
		fmt.Fprintf(&b, "Wrote the measured limits of %s into %s; the overlay before is in %s.\n", c.res.Plan, c.saved, c.backup)
	case c.saved != "":
		fmt.Fprintf(&b, "Wrote the measured limits of %s into %s.\n", c.res.Plan, c.saved)
	}
	return b.String()
}

func calibrateJSON(w io.Writer, c *calibration) error {
	type windowJSON struct {
		From     time.Time `json:"from"`
		To       time.Time `json:"to"`
		USD      float64   `json:"usd"`
		Moved    float64   `json:"moved_percent"`
		Capacity float64   `json:"capacity_usd"`
	}
	type limitJSON struct {
		WindowHours float64      `json:"window_hours"`
		USD         float64      `json:"usd"`
		Low         float64      `json:"low"`
		High        float64      `json:"high"`
		Windows     int          `json:"windows"`
		Method      string       `json:"method"`
		Catalog     *float64     `json:"catalog_usd"`
		CatalogText string       `json:"catalog"`
		Apart       *float64     `json:"apart"`
		Measured    []windowJSON `json:"measured"`
		// Contradiction: why this figure contradicts another (never saved).
		Contradiction string `json:"contradiction,omitempty"`
	}
	type heavyJSON struct {
		WindowHours float64   `json:"window_hours"`
		USD         float64   `json:"usd"`
		From        time.Time `json:"from"`
		To          time.Time `json:"to"`
		Requests    int       `json:"requests"`
		Unpriced    int       `json:"unpriced_requests"`
		Peak        *float64  `json:"peak_used_percent"`
		Text        string    `json:"text,omitempty"`
	}
	out := struct {
		Plan     *string     `json:"plan"`
		PlanFrom string      `json:"plan_from,omitempty"`
		Limits   []limitJSON `json:"limits"`
		Heaviest *heavyJSON  `json:"heaviest"`
		Saved    string      `json:"saved,omitempty"`
		Notes    []string    `json:"notes"`
	}{Limits: []limitJSON{}, Notes: append(append([]string{}, c.catNote...), report.CalibrateNotes(c.res.Notes)...)}
	if c.res.Plan != "" {
		out.Plan, out.PlanFrom = &c.res.Plan, c.res.PlanFrom
	}
	for _, m := range c.res.Limits {
		lj := limitJSON{WindowHours: m.WindowHours, USD: m.USD, Low: m.Low, High: m.High, Windows: len(m.Windows), Method: m.Method}
		if m.Contradicted() {
			lj.Contradiction = report.CalibrateNote(m.Contradiction)
		}
		lj.CatalogText, lj.Apart = c.versus(m.WindowHours, m.USD)
		if c.plan != nil {
			if l := calibrate.CatalogLimit(c.plan, m.WindowHours, c.src); l != nil && l.USD > 0 {
				lj.Catalog = &l.USD
			}
		}
		for _, x := range m.Windows {
			lj.Measured = append(lj.Measured, windowJSON{x.From, x.To, x.USD, x.Moved, x.Capacity})
		}
		out.Limits = append(out.Limits, lj)
	}
	if h, text, ok := c.lowerBound(); ok {
		hj := &heavyJSON{WindowHours: h.WindowHours, USD: h.USD, From: h.From, To: h.To, Requests: h.Requests, Unpriced: h.Unpriced}
		if h.HasPeak {
			hj.Peak = &h.Peak
		}
		if len(c.res.Limits) == 0 {
			hj.Text = text
		}
		out.Heaviest = hj
	}
	out.Saved = c.saved
	return writeJSON(w, out)
}
