package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/calibrate"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/usage"
)

// Calibration is what one run of `tokenomics calibrate` found, and what it
// saved.
type Calibration struct {
	Log          *usage.Log // its Source is the logs measured
	Result       calibrate.Result
	Plan         *model.Subscription // the catalog's plan, nil when unknown
	Saved        string              // the overlay written, "" when none
	Backup       string
	CatalogNotes []string
}

// versus is the catalog's figure beside a measured one, and how far apart;
// catalog is its dollars, nil when it has none for the window in dollars.
func (c *Calibration) versus(hours, usd float64) (text string, catalog, diff *float64) {
	if c.Plan == nil {
		return "no plan named", nil, nil
	}
	l := calibrate.CatalogLimit(c.Plan, hours, c.Log.Source)
	switch {
	case l == nil:
		return "none for this window", nil, nil
	case l.USD <= 0:
		return fmt.Sprintf("%s %s (another unit)", money.Tokens(l.Capacity()), l.Unit()), nil, nil
	}
	text = dollars(l.USD)
	if l.Ranged() {
		text += fmt.Sprintf(" (%s–%s)", dollars(l.CapacityLow()), dollars(l.CapacityHigh()))
	}
	if l.Confidence != "" {
		text += ", " + l.Confidence
	}
	d := usd/l.USD - 1
	return text, &l.USD, &d
}

// main is the window length of the lower bound shown: the plan's shortest
// limit for this work, else 5 hours.
func (c *Calibration) main() float64 {
	best := 0.0
	if c.Plan != nil {
		for _, h := range c.Result.Heaviest {
			if calibrate.CatalogLimit(c.Plan, h.WindowHours, c.Log.Source) != nil && (best == 0 || h.WindowHours < best) {
				best = h.WindowHours
			}
		}
	}
	if best == 0 {
		return 5
	}
	return best
}

// lowerBound says what the heaviest window of the main length shows.
func (c *Calibration) lowerBound() (calibrate.Heaviest, string, bool) {
	main := c.main()
	for _, h := range c.Result.Heaviest {
		if h.WindowHours != main || h.Requests == 0 {
			continue
		}
		s := fmt.Sprintf("your heaviest %s window used %s and hit no limit", WindowName(h.WindowHours), dollars(h.USD))
		if h.HasPeak {
			s = fmt.Sprintf("your heaviest %s window used %s; Codex reported at most %.0f%% of a %s limit used, too little to measure",
				WindowName(h.WindowHours), dollars(h.USD), h.Peak, WindowName(h.WindowHours))
		}
		if h.Unpriced > 0 {
			s += fmt.Sprintf(" (%d requests in it have no price in the catalog: more than that)", h.Unpriced)
		}
		return h, s, true
	}
	return calibrate.Heaviest{}, "", false
}

// CalibrationTable is a calibration for a terminal.
func CalibrationTable(c *Calibration, color bool) string {
	var b strings.Builder
	l := c.Log
	fmt.Fprintf(&b, "%s logs · %s read from %s\n", l.Source.Title(), counted(int64(l.Files), "file"), strings.Join(l.Roots, ", "))
	switch {
	case c.Result.Plan != "":
		fmt.Fprintf(&b, "Plan: %s (%s)\n", c.Result.Plan, planFrom(&c.Result))
	default:
		b.WriteString("Plan: not named (give --plan to compare with the catalog and to save)\n")
	}
	if len(c.Result.Limits) == 0 {
		b.WriteString("\nNo limit measured: no limit was reached")
		if c.Log.Source == usage.Codex {
			fmt.Fprintf(&b, " and no rate-limit snapshot moved %d points or more", calibrate.MinMovement)
		}
		b.WriteString(".\n")
		if _, s, ok := c.lowerBound(); ok {
			fmt.Fprintf(&b, "Lower bound: %s.\n", s)
		}
	} else {
		rows := make([][]string, len(c.Result.Limits))
		for i, m := range c.Result.Limits {
			cat, _, diff := c.versus(m.WindowHours, m.USD)
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
			rows[i] = []string{WindowName(m.WindowHours), measured, dollars(m.Low) + "–" + dollars(m.High),
				strconv.Itoa(len(m.Windows)), m.Method, cat, apart}
		}
		b.WriteString("\n")
		b.WriteString(table(color, []string{"Window", "Measured", "Range", "Windows", "Method", "Catalog", "Apart"}, rows, 1, 2, 3, 6))
	}
	for _, h := range c.Result.Heaviest {
		if h.Requests == 0 {
			continue
		}
		fmt.Fprintf(&b, "Heaviest %s window: %s, %s to %s (%s)\n", WindowName(h.WindowHours), dollars(h.USD),
			h.From.In(l.Location).Format("2006-01-02 15:04"), h.To.In(l.Location).Format("2006-01-02 15:04 MST"), counted(int64(h.Requests), "request"))
	}
	for _, n := range append(c.CatalogNotes, CalibrateNotes(c.Result.Notes)...) {
		fmt.Fprintf(&b, "note: %s\n", termsafe.Text(n))
	}
	switch {
	case c.Saved != "" && c.Backup != "":
		fmt.Fprintf(&b, "Wrote the measured limits of %s into %s; the overlay before is in %s.\n", c.Result.Plan, c.Saved, c.Backup)
	case c.Saved != "":
		fmt.Fprintf(&b, "Wrote the measured limits of %s into %s.\n", c.Result.Plan, c.Saved)
	}
	return b.String()
}

// CalibrationJSON is a calibration for programs.
func CalibrationJSON(w io.Writer, c *Calibration) error {
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
	}{Limits: []limitJSON{}, Notes: append(append([]string{}, c.CatalogNotes...), CalibrateNotes(c.Result.Notes)...)}
	if c.Result.Plan != "" {
		out.Plan, out.PlanFrom = &c.Result.Plan, planFrom(&c.Result)
	}
	for _, m := range c.Result.Limits {
		lj := limitJSON{WindowHours: m.WindowHours, USD: m.USD, Low: m.Low, High: m.High, Windows: len(m.Windows), Method: m.Method}
		if m.Contradicted() {
			lj.Contradiction = CalibrateNote(m.Contradiction)
		}
		lj.CatalogText, lj.Catalog, lj.Apart = c.versus(m.WindowHours, m.USD)
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
		if len(c.Result.Limits) == 0 {
			hj.Text = text
		}
		out.Heaviest = hj
	}
	out.Saved = c.Saved
	return WriteJSON(w, out)
}

// CalibrateNote words one note of a measurement. Measured limits are in
// API-equivalent dollars, whatever the display currency.
func CalibrateNote(n calibrate.Note) string {
	switch n.Kind {
	case calibrate.NoteContradiction:
		return fmt.Sprintf("the %s limit measured (%s) is below the %s one (%s): the measurements contradict each other, and neither is saved",
			WindowName(n.Hours), money.USD.Format(n.USD), WindowName(n.OtherHours), money.USD.Format(n.OtherUSD))
	case calibrate.NoteNoSnapshots:
		return "the logs hold no rate-limit snapshot"
	case calibrate.NoteUnknownPlanType:
		return fmt.Sprintf("the logs' plan_type %q has no plan in the catalog: name one with --plan", n.Text)
	case calibrate.NotePlanTypes:
		return fmt.Sprintf("the logs show %d plan types (%s): only windows of %s are measured", n.N, n.Text, cmp.Or(n.Plan, "the plan named"))
	case calibrate.NoteShareFell:
		return fmt.Sprintf("a %s window's used share fell from %.0f%% to %.0f%% with no reset in between: not measured",
			WindowName(n.Hours), n.From, n.To)
	case calibrate.NoteSkipped:
		units := [...][2]string{calibrate.UnitInstance: {"window instance", "window instances"},
			calibrate.UnitNotice: {"notice", "notices"}, calibrate.UnitReached: {"limit reached", "limits reached"}}
		return countOf(n.N, units[n.Unit][0], units[n.Unit][1]) + " " + skipText(n)
	case calibrate.NoteSnapshots:
		return fmt.Sprintf("%d rate-limit snapshots in %d window instances; %d measured (a rise of %d points or more)", n.N, n.Of, n.Done, n.Points)
	case calibrate.NoteScopedNotices:
		return countOf(n.N, "notice", "notices") + " about one model's own limit (Opus, Sonnet) left out: it measures part of the plan only"
	case calibrate.NoteExtraUsage:
		return countOf(n.N, "notice", "notices") + ` "out of extra usage" left out: paid usage followed the limit, so what was spent is more than the limit`
	case calibrate.NoteReached:
		return fmt.Sprintf("%s reached (%s); %d measured", countOf(n.N, "limit", "limits"), countOf(n.Of, "notice", "notices"), n.Done)
	case calibrate.NoteNoCatalogPlan:
		return fmt.Sprintf("the catalog has no plan %q to compare with", n.Plan)
	case calibrate.NoteNothingMeasured:
		return "nothing saved: nothing was measured"
	case calibrate.NoteAllContradict:
		return "nothing saved: the measurements contradict each other"
	case calibrate.NoteSnapshotsLeftOut:
		return fmt.Sprintf("%d snapshot windows without a length, a share or a reset time left out", n.N)
	}
	return fmt.Sprintf("note of unknown kind %d", n.Kind)
}

// skipText says why a NoteSkipped's windows or notices were left out.
func skipText(n calibrate.Note) string {
	switch n.Skip {
	case calibrate.SkipOutside:
		return "outside --since/--until"
	case calibrate.SkipUnpriced:
		return "held requests of a model the catalog has no price for"
	case calibrate.SkipOtherPlan:
		return "on another plan (" + n.Text + ")"
	case calibrate.SkipFell:
		return "whose used share fell without a reset (the snapshots contradict each other)"
	case calibrate.SkipSmallMove:
		return fmt.Sprintf("moved less than %d points", n.Points)
	case calibrate.SkipCodexEmpty:
		return "moved with no request in these logs (Codex used elsewhere)"
	case calibrate.SkipClaudeEmpty:
		return "had no request in these logs (the limit was reached elsewhere: claude.ai, another machine)"
	case calibrate.SkipBadNotice:
		return "left out: " + n.Text
	}
	return "left out"
}

// CalibrateNotes words notes in order; never nil, for JSON's empty list.
func CalibrateNotes(ns []calibrate.Note) []string { return texts(ns, CalibrateNote) }

// countOf is n and its noun: "1 notice", "3 notices".
func countOf(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, Plural(n, one, many))
}

// planFrom says how a calibration's plan was found: named by the user, or
// read from the logs' plan_type (a guess when that cannot tell tiers apart).
func planFrom(r *calibrate.Result) string {
	switch {
	case r.PlanType == "":
		return "--plan"
	case r.PlanUnsure:
		return fmt.Sprintf("plan_type %q of the logs, read as %s (the logs cannot tell Pro's two tiers apart: name yours with --plan)", r.PlanType, r.Plan)
	}
	return fmt.Sprintf("plan_type %q of the logs", r.PlanType)
}
