package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/replay"
)

// ReplayFormats are the formats of `tokenomics replay`.
var ReplayFormats = []string{"table", "json", "markdown"}

// Replay is everything a replay report shows.
type Replay struct {
	Result       *replay.Result
	Source       string // "Claude Code", "Codex"
	CatalogAsOf  string
	Currency     money.Currency
	CatalogNotes []string
	// Only, when not nil, are the options to list instead of every one of
	// Result; the verdict still reads them all.
	Only []model.Quote
	Top  int // list only the first Top options; 0 = all
}

// quotes are the options to list.
func (r *Replay) quotes() []model.Quote { return shown(r.Result.Quotes, r.Only, r.Top) }

// WriteReplay writes r in format: table, json or markdown.
func WriteReplay(w io.Writer, format string, r *Replay, color bool) error {
	return writeIn(w, format, ReplayFormats, map[string]func(io.Writer) error{
		"table":    text(func() string { return ReplayTable(r, color) }),
		"json":     func(w io.Writer) error { return ReplayJSON(w, r) },
		"markdown": text(func() string { return ReplayMarkdown(r) }),
	})
}

// ReplayedOn is the headline's provenance: "replayed on your records of
// 2026-10-01 to 2026-11-30".
func ReplayedOn(r *replay.Result) string {
	return fmt.Sprintf("replayed on your records of %s to %s", r.From, r.To)
}

// FiguresFrom says where the app's figures come from when it was opened on
// the user's records: replayed on them, or modeled once the workload moved
// from the one derived from them. The model of even the unchanged records
// differs from the replay (classes are averages; tokens are restated for
// each model's tokenizer, a replay's are not; a few days of logs are 22
// days a month to the model, every day to the replay), so it says what the
// app's change marks then compare with.
func FiguresFrom(r *replay.Result, replayed bool) string {
	if replayed {
		return fmt.Sprintf("Figures replayed on your records of %s to %s: each of %s against each plan's own usage windows.",
			r.From, r.To, counted(r.Records, "request"))
	}
	return "Figures modeled on the workload as you changed it, not replayed on your records (undo the changes to see the replay); " +
		"changes are marked against the model of your records, whose figures differ from the replay's."
}

// ReplayVerdict is the headline and its supporting lines: the same verdict
// as compare's, over the replay's options, whose mixes route each record.
func ReplayVerdict(r *replay.Result, cur money.Currency) (string, []string) {
	res := model.Result{Quotes: r.Quotes}
	main, lines := verdictLines(&res, "", cur, nil, nil, "record")
	return main, lineTexts(lines)
}

// WindowLine says what a limit's windows saw: "5-hour: 4 of 26 windows hit,
// 6.5 h blocked; busiest window 180% of the cap". Past a limit with an
// overage price nothing is blocked: its windows go "over the allowance".
func WindowLine(w replay.Window) string {
	if w.Windows == 0 {
		return WindowName(w.Limit.WindowHours) + ": counts none of these records"
	}
	s := fmt.Sprintf("%s: %d of %d %s hit", WindowName(w.Limit.WindowHours), w.Hit, w.Windows, Plural(w.Windows, "window", "windows"))
	if w.Limit.Overage > 0 {
		s = fmt.Sprintf("%s: %d of %d %s over the allowance", WindowName(w.Limit.WindowHours), w.Hit, w.Windows, Plural(w.Windows, "window", "windows"))
		if w.Hit > 0 {
			s += ", billed beyond it"
		}
	} else if w.Hit > 0 {
		s += ", " + hours(w.BlockedHours) + " blocked"
	}
	return s + fmt.Sprintf("; busiest window %s of the cap", Percent(100*w.Peak))
}

// hours writes a duration in hours: "6.5 h", "132 h", "<0.1 h".
func hours(h float64) string {
	switch {
	case h > 0 && h < 0.05:
		return "<0.1 h"
	case h >= 10:
		return fmt.Sprintf("%.0f h", h)
	}
	return strconv.FormatFloat(math.Round(h*10)/10, 'f', -1, 64) + " h"
}

// replayWindows is a plan's window lines joined, "" for API options.
func replayWindows(r *replay.Result, q *model.Quote) []string {
	p := r.Plans[q.ID]
	if p == nil {
		return nil
	}
	var out []string
	for _, w := range p.Windows {
		out = append(out, WindowLine(w))
	}
	return out
}

// replayRuns is "12 of 40 on the plan" for plans, "" for API options.
func replayRuns(r *replay.Result, q *model.Quote) string {
	p := r.Plans[q.ID]
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%d of %d", p.OnPlan, r.Records)
}

func replayHeader(r *Replay) string {
	res := r.Result
	return fmt.Sprintf("%s: %d records, %s to %s (%d %s; monthly = period × %.4g) · %s · prices of %s",
		r.Source, res.Records, res.From, res.To, res.Days, Plural(res.Days, "day", "days"), res.MonthFactor, r.Currency.Code, r.CatalogAsOf)
}

// ReplayTable is the replay's ranking for a terminal, each plan's windows
// under its row.
func ReplayTable(r *Replay, color bool) string {
	var b strings.Builder
	res := r.Result
	bold, dim := lipgloss.NewStyle(), lipgloss.NewStyle()
	if color {
		bold, dim = bold.Bold(true), dim.Faint(true)
	}
	verdict, second := ReplayVerdict(res, r.Currency)
	fmt.Fprintf(&b, "%s\n", bold.Render(replayHeader(r)))
	fmt.Fprintf(&b, "▶ %s\n", bold.Render(verdict))
	for _, l := range second {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	fmt.Fprintf(&b, "  As recorded on the API: %s/month (%s).\n", r.Currency.Format(res.AsRecorded), ReplayedOn(res))
	rows := [][]string{}
	var under [][]string // lines under each row
	qs := r.quotes()
	for i := range qs {
		q := &qs[i]
		rows = append(rows, []string{strconv.Itoa(i + 1), q.Name, q.Kind.String(), r.Currency.Format(q.Monthly), Range(q, r.Currency),
			Fit(q), replayRuns(res, q), Why(q, r.Currency)})
		under = append(under, replayWindows(res, q))
	}
	t := table(color, []string{"#", "Option", "Kind", "Monthly", "Caps' range", "Fits", "On plan", "Why"}, rows, 0, 3, 4, 6)
	lines := strings.Split(strings.TrimSuffix(t, "\n"), "\n")
	for i, l := range lines {
		fmt.Fprintf(&b, "%s\n", l)
		if row := i - 1; row >= 0 && row < len(under) {
			for _, w := range under[row] {
				fmt.Fprintf(&b, "      %s\n", dim.Render(w))
			}
		}
	}
	if n := len(res.Quotes) - len(qs); n > 0 && r.Only == nil {
		fmt.Fprintf(&b, "%s\n", dim.Render(fmt.Sprintf("… %d more (--top 0 shows all)", n)))
	}
	for _, n := range append(ReplayNotes(res.Notes), r.CatalogNotes...) {
		fmt.Fprintf(&b, "%s\n", dim.Render("note: "+n))
	}
	return b.String()
}

// ReplayMarkdown is the replay as a Markdown summary.
func ReplayMarkdown(r *Replay) string {
	var b strings.Builder
	res := r.Result
	verdict, second := ReplayVerdict(res, r.Currency)
	fmt.Fprintf(&b, "## %s records replayed against every plan\n\n", mdEscape(r.Source))
	fmt.Fprintf(&b, "**%s**", mdEscape(verdict))
	for _, l := range second {
		fmt.Fprintf(&b, " %s", mdEscape(l))
	}
	fmt.Fprintf(&b, "\n\n%s\n\nAs recorded on the API: %s/month.\n\n", mdEscape(replayHeader(r)), r.Currency.Format(res.AsRecorded))
	b.WriteString("| # | Option | Kind | Monthly | Caps' range | Fits | On plan | Windows | Why |\n")
	b.WriteString("|--:|---|---|--:|--:|---|--:|---|---|\n")
	qs := r.quotes()
	for i := range qs {
		q := &qs[i]
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", i+1, mdEscape(q.Name), q.Kind, r.Currency.Format(q.Monthly),
			Range(q, r.Currency), Fit(q), replayRuns(res, q), mdEscape(strings.Join(replayWindows(res, q), "; ")), mdEscape(Why(q, r.Currency)))
	}
	for _, n := range append(ReplayNotes(res.Notes), r.CatalogNotes...) {
		fmt.Fprintf(&b, "\n- %s", mdEscape(n))
	}
	if len(res.Notes)+len(r.CatalogNotes) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

type jsonReplayLimit struct {
	WindowHours  float64 `json:"window_hours"`
	Unit         string  `json:"unit"`
	Capacity     float64 `json:"capacity"`
	Windows      int     `json:"windows"`
	WindowsHit   int     `json:"windows_hit"`
	BlockedHours float64 `json:"blocked_hours"`
	Peak         float64 `json:"peak_utilization"`
}

type jsonReplayOption struct {
	jsonOption
	RecordsOnPlan     int               `json:"records_on_plan"`
	RecordsOverflowed int               `json:"records_overflowed"`
	Limits            []jsonReplayLimit `json:"limits"`
	Reason            string            `json:"reason,omitempty"`
	Notes             []string          `json:"notes"`
}

// ReplayJSON writes the replay as DESIGN.md ("Replay") gives it: costs
// monthly in USD, window figures for the period.
func ReplayJSON(w io.Writer, r *Replay) error {
	res := r.Result
	type period struct {
		From        string  `json:"from"`
		To          string  `json:"to"`
		Days        int     `json:"days"`
		MonthFactor float64 `json:"month_factor"`
	}
	out := struct {
		Period     period             `json:"period"`
		Records    int                `json:"records"`
		AsRecorded float64            `json:"as_recorded"`
		Options    []jsonReplayOption `json:"options"`
		Verdict    jsonVerdict        `json:"verdict"`
		Notes      []string           `json:"notes"`
	}{Period: period{res.From, res.To, res.Days, res.MonthFactor}, Records: res.Records, AsRecorded: JSONCost(res.AsRecorded),
		Options: []jsonReplayOption{}, Notes: append(ReplayNotes(res.Notes), r.CatalogNotes...)}
	qs := r.quotes()
	for i := range qs {
		q := &qs[i]
		o := jsonReplayOption{jsonOption: newJSONOption(q), Limits: []jsonReplayLimit{}, Reason: ReasonText(q.Reason), Notes: NoteTexts(q.Notes, money.USD)}
		o.CostLow, o.CostHigh = finite(q.MonthlyLow), finite(q.MonthlyHigh)
		if p := res.Plans[q.ID]; p != nil {
			o.RecordsOnPlan, o.RecordsOverflowed = p.OnPlan, p.Overflowed
			for _, w := range p.Windows {
				o.Limits = append(o.Limits, jsonReplayLimit{w.Limit.WindowHours, w.Limit.Unit(), w.Limit.Capacity(), w.Windows, w.Hit,
					JSONCost(w.BlockedHours), JSONCost(w.Peak)})
			}
		}
		out.Options = append(out.Options, o)
	}
	out.Verdict = newJSONVerdict(res.Verdict)
	return WriteJSON(w, out)
}

// ReplayNotes words a replay's notes; never nil, for JSON's empty list.
func ReplayNotes(ns []replay.Note) []string {
	return texts(ns, func(n replay.Note) string {
		label := n.Model
		if label == "" {
			label = "(no model named)"
		}
		return fmt.Sprintf("%s: not in the catalog: %s taken as small tier and left out of the recorded cost", label, countOf(n.Records, "record", "records"))
	})
}
