package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/termsafe"
	"github.com/tokenomics/tokenomics/usage"
)

// Import is everything one import of usage logs found.
type Import struct {
	Log          *usage.Log
	Summary      usage.Summary
	Derived      *usage.Derived // nil when there is nothing to derive
	CatalogAsOf  string
	CatalogNotes []string
	Currency     money.Currency
	Saved        string // the file the workload was saved to, "" when none
}

// ReplayAnnualNote says that the replay beside a comparison billed
// annually (import --compare --billing annual) prices plans monthly.
const ReplayAnnualNote = "the replay prices plans at their monthly price; --billing annual applies to the modeled comparison only"

// FromLogsNote says what a workload derived from logs rests on: what was
// read and how well it reproduces the logs' cost.
func FromLogsNote(src usage.Source, s usage.Summary, d *usage.Derived) string {
	return fmt.Sprintf("Workload from %s logs: %s requests in %s sessions over %d active days (%s to %s); it reproduces the logs' API cost %s.",
		src.Title(), money.Count(float64(s.Requests)), money.Count(float64(s.Sessions)), s.Days, s.First, s.Last, CheckText(d))
}

// ReadingNotes are the lines skipped and the paths not read.
func ReadingNotes(l *usage.Log) []string {
	var out []string
	for _, s := range l.Skipped {
		out = append(out, fmt.Sprintf("%s skipped: %s", counted(s.Lines, "line"), s.Reason))
	}
	for _, p := range l.Problems {
		out = append(out, fmt.Sprintf("not read: %s (%s)", p.Path, p.What))
	}
	if more := l.ProblemCount - len(l.Problems); more > 0 {
		out = append(out, fmt.Sprintf("… and %s more not read", counted(int64(more), "path")))
	}
	return out
}

// NoRecords says that l holds no usage record, and why as far as the
// reading tells: the days kept, the files read, the requests outside those
// days and the lines skipped, each by reason. import, calibrate, replay and
// --from refuse such logs alike, with it.
func NoRecords(l *usage.Log) string {
	s := fmt.Sprintf("the %s logs in %s hold no usage record", l.Source.Title(), termsafe.Text(strings.Join(l.Roots, ", ")))
	if l.Since != "" || l.Until != "" {
		s += fmt.Sprintf(" from %s to %s", or(l.Since, "…"), or(l.Until, "…"))
	}
	why := []string{counted(int64(l.Files), "file") + " read"}
	if l.OutOfRange > 0 {
		why = append(why, fmt.Sprintf("%s outside those days", counted(l.OutOfRange, "request")))
	}
	for _, n := range ReadingNotes(l) {
		why = append(why, termsafe.Text(n))
	}
	return s + " (" + strings.Join(why, "; ") + ")"
}

// ImportTable is what an import read, and the workload derived, for a
// terminal.
func ImportTable(res *Import, color bool) string {
	var b strings.Builder
	l, s := res.Log, res.Summary
	fmt.Fprintf(&b, "%s logs · %s (%s) read from %s\n", l.Source.Title(), counted(int64(l.Files), "file"), byteSize(l.Bytes), termsafe.Text(strings.Join(l.Roots, ", ")))
	span := "no activity"
	if s.Days > 0 {
		span = fmt.Sprintf("%s to %s", s.First, s.Last)
	}
	zone := "time zone " + l.Location.String()
	if l.Location == nil || l.Location == time.Local {
		zone = "this machine's time zone"
	}
	fmt.Fprintf(&b, "%s in %s over %s · %s, days counted in %s", counted(s.Requests, "request"), counted(int64(s.Sessions), "session"),
		counted(int64(s.Days), "active day"), span, zone)
	if l.Since != "" || l.Until != "" {
		fmt.Fprintf(&b, " · kept %s to %s", or(l.Since, "…"), or(l.Until, "…"))
	}
	b.WriteString("\n")
	if len(s.Models) > 0 {
		rows := make([][]string, 0, len(s.Models)+1)
		for _, m := range s.Models {
			rows = append(rows, modelRow(termsafe.Text(m.Label()), orUnknown(m.Match.ID), m.Requests, m.Tokens, m.Priced, m.Cost, res.Currency))
		}
		total := modelRow("Total", "", s.Requests, s.Total, true, s.Cost, res.Currency)
		if s.Unpriced > 0 {
			total[len(total)-1] += " + unknown"
		}
		rows = append(rows, total)
		b.WriteString("\n")
		b.WriteString(table(color, []string{"Model", "Catalog id", "Requests", "Input", "Output", "Cache read", "Cache write", "Reasoning", "Total", "API cost, whole period"}, rows))
		b.WriteString("\n")
	}
	notes := ReadingNotes(l)
	if l.Duplicates > 0 {
		notes = append(notes, fmt.Sprintf("%s dropped as copies of the same request (same message and request id, or a sidechain replay)", counted(l.Duplicates, "usage line")))
	}
	if l.OutOfRange > 0 {
		notes = append(notes, fmt.Sprintf("%s outside the dates kept", counted(l.OutOfRange, "request")))
	}
	notes = append(notes, UsageNotes(s.Notes)...)
	notes = append(notes, res.CatalogNotes...)
	writeNotes(&b, notes)

	d := res.Derived
	if d == nil {
		b.WriteString("\nNo usage record: no workload to derive.\n")
		return b.String()
	}
	w := d.Workload
	fmt.Fprintf(&b, "\nDerived workload %q · %s a month · %s a day\n", w.Name, amountOf(w.DaysPerMonth, "day"), amountOf(w.HoursPerDay, "hour"))
	rows := make([][]string, 0, len(d.Classes))
	for _, c := range d.Classes {
		k := c.Class
		logs, work := "unknown", "—"
		if c.Priced {
			logs, work = res.Currency.FormatSmall(c.LogsCost), res.Currency.FormatSmall(c.WorkCost)
		}
		rows = append(rows, []string{k.Name, trimFloat(k.Count), strconv.Itoa(k.Turns), grouped(int64(k.InputTokens)), grouped(int64(k.OutputTokens)),
			grouped(int64(k.ReasoningTokens)), grouped(int64(k.FollowupTokens)), fmt.Sprintf("%.1f%%", 100*k.CacheHit), k.MinTier.String(),
			strconv.Itoa(c.Tasks), logs, work})
	}
	// Output and reasoning are both billed as output: "visible" and
	// "thinking" say which is which; costs are the logs' whole period, not
	// a month.
	b.WriteString(table(color, []string{"Class", "Tasks/day", "Turns", "First input", "Visible output/turn", "Thinking/turn", "Follow-up", "Cache hit", "Min tier", "Tasks in logs", "Logs' cost", "Workload's cost"}, rows))
	b.WriteString("Tokens per task; both costs are for the logs' whole period on the models the logs used (not a month); thinking is billed as output.\n")
	if d.Checked {
		fmt.Fprintf(&b, "The derived workload reproduces the logs' API cost %s (%s from the logs, %s from the workload, on the models the logs used).\n",
			CheckText(d), res.Currency.FormatSmall(d.LogsCost), res.Currency.FormatSmall(d.WorkCost))
	} else {
		b.WriteString("The logs' models are not in the catalog: the workload's cost could not be checked against them.\n")
	}
	writeNotes(&b, UsageNotes(d.Notes))
	if res.Saved != "" {
		fmt.Fprintf(&b, "Saved the workload to %s (use it with: tokenomics compare --workload %s).\n", res.Saved, res.Saved)
	}
	return b.String()
}

func modelRow(name, id string, reqs int64, t usage.Tokens, priced bool, cost float64, cur money.Currency) []string {
	c := "unknown"
	if priced {
		c = cur.FormatSmall(cost)
	}
	return []string{name, id, grouped(reqs), grouped(t.Input), grouped(t.Output), grouped(t.CacheRead), grouped(t.CacheWrite), grouped(t.Reasoning), grouped(t.Total()), c}
}

func writeNotes(b *strings.Builder, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(b, "  · %s\n", termsafe.Text(n))
	}
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// JSON output of import.

type jsonTokens struct {
	Input        int64 `json:"input_tokens"`
	Output       int64 `json:"output_tokens"`
	CacheRead    int64 `json:"cache_read_tokens"`
	CacheWrite   int64 `json:"cache_write_tokens"`
	CacheWrite1h int64 `json:"cache_write_1h_tokens"`
	Reasoning    int64 `json:"reasoning_tokens"`
	Total        int64 `json:"total_tokens"`
}

func jsonTok(t usage.Tokens) jsonTokens {
	return jsonTokens{t.Input, t.Output, t.CacheRead, t.CacheWrite, t.CacheWrite1h, t.Reasoning, t.Total()}
}

type jsonModelUse struct {
	Model     string   `json:"model"`
	CatalogID *string  `json:"catalog_id"`
	Mapping   string   `json:"mapping,omitempty"`
	Requests  int64    `json:"requests"`
	Fast      int64    `json:"fast_requests,omitempty"`
	Estimated int64    `json:"estimated_requests,omitempty"` // some token priced by a fallback
	Cost      *float64 `json:"cost"`
	jsonTokens
}

type jsonFitClass struct {
	ClassJSON             // the fitted class, with the workload file's keys
	Group        string   `json:"group"`
	Model        *string  `json:"model"`
	LogModels    []string `json:"log_models"`
	Tasks        int      `json:"tasks"`
	Requests     int64    `json:"requests"`
	LogsCost     *float64 `json:"logs_cost"`
	WorkloadCost *float64 `json:"workload_cost"`
	// The logs' own token counts, apart from the fitted sizes that share key names.
	LogTokens jsonTokens `json:"log_tokens"`
}

type jsonImport struct {
	Source     string         `json:"source"`
	Paths      []string       `json:"paths"`
	Timezone   string         `json:"timezone"`
	Since      string         `json:"since,omitempty"`
	Until      string         `json:"until,omitempty"`
	Files      int            `json:"files"`
	Bytes      int64          `json:"bytes"`
	Lines      int64          `json:"lines"`
	Requests   int64          `json:"requests"`
	Sessions   int            `json:"sessions"`
	DaysActive int            `json:"days_active"`
	FirstDay   string         `json:"first_day,omitempty"`
	LastDay    string         `json:"last_day,omitempty"`
	Duplicates int64          `json:"duplicates_dropped"`
	OutOfRange int64          `json:"outside_dates"`
	Skipped    []jsonSkip     `json:"skipped"`
	Unreadable []jsonProblem  `json:"unreadable"`
	Models     []jsonModelUse `json:"models"`
	Total      struct {
		Requests int64    `json:"requests"`
		Cost     *float64 `json:"cost"` // null when some tokens have no price
		Complete bool     `json:"cost_complete"`
		jsonTokens
	} `json:"total"`
	Catalog struct {
		AsOf string `json:"as_of"`
	} `json:"catalog"`
	Currency   string          `json:"currency"`
	Workload   *jsonDerived    `json:"workload"`
	Notes      []string        `json:"notes"`
	Comparison json.RawMessage `json:"comparison,omitempty"`
	// Replay: the records replayed against every option (with --compare),
	// as `tokenomics replay --format json` gives it.
	Replay json.RawMessage `json:"replay,omitempty"`
}

type jsonSkip struct {
	Reason string `json:"reason"`
	Lines  int64  `json:"lines"`
}

type jsonProblem struct {
	Path    string `json:"path"`
	Problem string `json:"problem"`
}

type jsonDerived struct {
	Name         string         `json:"name"`
	Description  string         `json:"description"`
	DaysPerMonth float64        `json:"days_per_month"`
	HoursPerDay  float64        `json:"hours_per_day"`
	People       int            `json:"people"`
	Language     string         `json:"language"`
	Billing      string         `json:"billing"`
	ActiveDays   int            `json:"active_days"`
	SpanDays     int            `json:"span_days"`
	Classes      []jsonFitClass `json:"classes"`
	Check        *jsonCheck     `json:"check"`
	Notes        []string       `json:"notes"`
	Saved        string         `json:"saved_to,omitempty"`
}

// jsonCheck is the derived workload's cost against the logs'.
type jsonCheck struct {
	LogsCost     float64 `json:"logs_cost"`
	WorkloadCost float64 `json:"workload_cost"`
	Error        float64 `json:"error"`
	Text         string  `json:"text"`
}

// WriteImport writes an import in format, table or json, with the
// comparison and the replay of --compare when they are given (the table
// shows the replay).
func WriteImport(w io.Writer, format string, res *Import, c *Comparison, rp *Replay, color bool) error {
	if format == "json" {
		return ImportJSON(w, res, c, rp)
	}
	if _, err := io.WriteString(w, ImportTable(res, color)); err != nil || rp == nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	return WriteReplay(w, "table", rp, color)
}

// ImportJSON is ImportTable for programs, with the comparison and the
// replay of --compare when they are given.
func ImportJSON(w io.Writer, res *Import, c *Comparison, rp *Replay) error {
	l, s := res.Log, res.Summary
	out := jsonImport{Source: l.Source.String(), Paths: l.Roots, Timezone: l.Location.String(), Since: l.Since, Until: l.Until,
		Files: l.Files, Bytes: l.Bytes, Lines: l.Lines, Requests: s.Requests, Sessions: s.Sessions, DaysActive: s.Days,
		FirstDay: s.First, LastDay: s.Last, Duplicates: l.Duplicates, OutOfRange: l.OutOfRange,
		Skipped: []jsonSkip{}, Unreadable: []jsonProblem{}, Models: []jsonModelUse{}, Currency: "USD", Notes: []string{}}
	out.Catalog.AsOf = res.CatalogAsOf
	for _, k := range l.Skipped {
		out.Skipped = append(out.Skipped, jsonSkip{k.Reason, k.Lines})
	}
	for _, p := range l.Problems {
		out.Unreadable = append(out.Unreadable, jsonProblem{p.Path, p.What})
	}
	for _, m := range s.Models {
		j := jsonModelUse{Model: m.Name, Mapping: m.Match.Rule, Requests: m.Requests, Fast: m.Fast, Estimated: m.Estimated, jsonTokens: jsonTok(m.Tokens)}
		if m.Priced {
			id, cost := m.Match.ID, JSONCost(m.Cost)
			j.CatalogID, j.Cost = &id, &cost
		}
		out.Models = append(out.Models, j)
	}
	out.Total.Requests, out.Total.Complete, out.Total.jsonTokens = s.Requests, s.Complete(), jsonTok(s.Total)
	if s.Unpriced == 0 {
		cost := JSONCost(s.Cost)
		out.Total.Cost = &cost
	}
	out.Notes = append(out.Notes, UsageNotes(s.Notes)...)
	out.Notes = append(out.Notes, res.CatalogNotes...)
	if d := res.Derived; d != nil {
		wl := d.Workload
		jd := &jsonDerived{Name: wl.Name, Description: wl.Description, DaysPerMonth: wl.DaysPerMonth, HoursPerDay: wl.HoursPerDay,
			People: wl.People, Language: wl.Language, Billing: wl.Billing.String(), ActiveDays: d.ActiveDays, SpanDays: d.SpanDays,
			Classes: []jsonFitClass{}, Notes: UsageNotes(d.Notes), Saved: res.Saved}
		for _, c := range d.Classes {
			k := c.Class
			jc := jsonFitClass{ClassJSON: NewClassJSON(k), Group: c.Group, LogModels: c.Names,
				Tasks: c.Tasks, Requests: c.Requests, LogTokens: jsonTok(c.Tokens)}
			if c.Priced {
				id, lc, wc := c.Model, JSONCost(c.LogsCost), JSONCost(c.WorkCost)
				jc.Model, jc.LogsCost, jc.WorkloadCost = &id, &lc, &wc
			}
			jd.Classes = append(jd.Classes, jc)
		}
		if d.Checked {
			jd.Check = &jsonCheck{JSONCost(d.LogsCost), JSONCost(d.WorkCost), JSONCost(d.Error), CheckText(d)}
		}
		out.Workload = jd
	}
	if c != nil {
		var buf bytes.Buffer
		if err := JSON(&buf, c); err != nil {
			return err
		}
		out.Comparison = json.RawMessage(bytes.TrimSpace(buf.Bytes()))
	}
	if rp != nil {
		var buf bytes.Buffer
		if err := ReplayJSON(&buf, rp); err != nil {
			return err
		}
		out.Replay = json.RawMessage(bytes.TrimSpace(buf.Bytes()))
	}
	return WriteJSON(w, out)
}
