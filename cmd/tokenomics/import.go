package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/termsafe"
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
	f.StringVar(&o.since, "since", "", "first day to read, YYYY-MM-DD (inclusive)")
	f.StringVar(&o.until, "until", "", "last day to read, YYYY-MM-DD (inclusive)")
	f.StringVarP(&o.timezone, "timezone", "z", "", "IANA time zone days are counted in (default: local)")
	f.StringVarP(&o.format, "format", "f", "table", "output format: table or json")
	f.StringVar(&o.save, "save", "", "write the derived workload to this YAML file")
	f.BoolVar(&o.compare, "compare", false, "rank every subscription and API option on the derived workload")
	f.IntVar(&o.top, "top", 0, "with --compare, show only the N cheapest options (0 = all; default 20 for the table)")
	f.Float64Var(&o.longContext, "long-context", usage.DefaultRule.LongContext, "a task whose largest prompt reaches this many tokens is long-context")
	f.IntVar(&o.agenticTurns, "agentic-turns", usage.DefaultRule.AgenticTurns, "otherwise a task of this many requests or more is agentic")
	f.StringVar(&o.in.catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	overlayFlag(cmd, &o.in.overlay)
	f.StringVar(&o.in.billing, "billing", "", "with --compare, subscription billing: monthly or annual")
	f.StringVar(&o.in.currency, "currency", "", "display currency, e.g. USD, EUR, KRW")
	_ = cmd.MarkFlagFilename("save", "yaml", "yml")
	_ = cmd.MarkFlagFilename("catalog", "yaml", "yml")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
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

// importResult is everything one import found.
type importResult struct {
	log      *usage.Log
	sum      usage.Summary
	derived  *usage.Derived // nil when there is nothing to derive
	cat      *plans.Catalog
	catNotes []string
	cur      money.Currency
	saved    string
}

func runImport(cmd *cobra.Command, stdout io.Writer, o *importFlags, args []string) error {
	src, _ := usage.ParseSource(args[0])
	if o.format != "table" && o.format != "json" {
		return badInput("--format: %q is not table or json", o.format)
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
	res.catNotes, res.cur = catNotes, cur
	if (o.save != "" || o.compare) && res.derived == nil {
		return badInput("import: the %s logs hold no usage record, so there is no workload to save or compare", src.Title())
	}
	if o.save != "" {
		if err := plans.SaveWorkload(o.save, res.derived.Workload); err != nil {
			return fmt.Errorf("--save: %w", err)
		}
		res.saved = o.save
	}
	var comparison *report.Comparison
	var rp *report.Replay
	if o.compare {
		comparison, err = buildComparison(&o.in, func() (model.Workload, bool) { return res.derived.Workload, true }, nil)
		if err != nil {
			return err
		}
		comparison.Top = topOf(cmd, o.top, o.format)
		// The ranking and the verdict are the records' own, replayed against
		// every plan's windows: the derived workload is an average.
		mc := &cat.Catalog
		if o.in.billing != "" && comparison.Workload.Billing == model.Annual {
			res.catNotes = append(res.catNotes, "the replay prices plans at their monthly price; --billing annual applies to the modeled comparison only")
		}
		r, err := replay.Run(replay.Records(res.log, mc), mc, replay.Options{Location: opt.Location})
		if err != nil {
			return err
		}
		rp = &report.Replay{Result: r, Source: src.Title(), CatalogAsOf: cat.AsOf, Currency: cur, CatalogNotes: res.catNotes,
			Top: comparison.Top}
	}
	if o.format == "json" {
		return importJSON(stdout, res, comparison, rp)
	}
	io.WriteString(stdout, importTable(res, colorOK(stdout)))
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

// importLogs reads, summarizes and fits; a log with no record gives no
// derived workload and no error.
func importLogs(src usage.Source, opt usage.Options, cat *plans.Catalog, rule usage.Rule) (*importResult, error) {
	l, err := usage.Load(src, opt)
	if err != nil {
		if errors.Is(err, usage.ErrNothingReadable) {
			return nil, inputError{err}
		}
		return nil, err
	}
	// Both only read the log: the summary is made beside the fit.
	res := &importResult{log: l, cat: cat}
	summed := make(chan struct{})
	go func() {
		res.sum = l.Summarize(&cat.Catalog)
		close(summed)
	}()
	d, err := l.Derive(&cat.Catalog, rule)
	<-summed
	switch {
	case errors.Is(err, usage.ErrNoRecords):
	case err != nil:
		return nil, err
	default:
		res.derived = &d
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
	if res.derived == nil {
		return model.Workload{}, nil, nil, badInput("--from %s: the logs in %s hold no usage record", source, strings.Join(res.log.Roots, ", "))
	}
	d := res.derived
	notes := []string{fmt.Sprintf("Workload from %s logs: %s requests in %s sessions over %d active days (%s to %s); it reproduces the logs' API cost %s.",
		src.Title(), money.Count(float64(res.sum.Requests)), money.Count(float64(res.sum.Sessions)), res.sum.Days, res.sum.First, res.sum.Last, report.CheckText(d))}
	notes = append(notes, readingNotes(res.log)...)
	return d.Workload, notes, res.log, nil
}

// readingNotes are the lines skipped and the paths not read.
func readingNotes(l *usage.Log) []string {
	var out []string
	for _, s := range l.Skipped {
		out = append(out, fmt.Sprintf("%s skipped: %s", plural(s.Lines, "line"), s.Reason))
	}
	for _, p := range l.Problems {
		out = append(out, fmt.Sprintf("not read: %s (%s)", p.Path, p.What))
	}
	if more := l.ProblemCount - len(l.Problems); more > 0 {
		out = append(out, fmt.Sprintf("… and %s more not read", plural(int64(more), "path")))
	}
	return out
}

func plural(n int64, what string) string {
	s := money.Count(float64(n)) + " " + what
	if n != 1 {
		s += "s"
	}
	return s
}

// amountOf writes an amount of a unit: 1 hour, 1.5 hours, 22 days.
func amountOf(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return strconv.FormatFloat(v, 'g', -1, 64) + " " + unit + "s"
}

// grouped writes a count with grouped thousands: 12,345.
func grouped(n int64) string { return money.Group(strconv.FormatInt(n, 10)) }

func importTable(res *importResult, color bool) string {
	var b strings.Builder
	l, s := res.log, res.sum
	fmt.Fprintf(&b, "%s logs · %s (%s) read from %s\n", l.Source.Title(), plural(int64(l.Files), "file"), byteSize(l.Bytes), termsafe.Text(strings.Join(l.Roots, ", ")))
	span := "no activity"
	if s.Days > 0 {
		span = fmt.Sprintf("%s to %s", s.First, s.Last)
	}
	zone := "time zone " + l.Location.String()
	if l.Location == nil || l.Location == time.Local {
		zone = "this machine's time zone"
	}
	fmt.Fprintf(&b, "%s in %s over %s · %s, days counted in %s", plural(s.Requests, "request"), plural(int64(s.Sessions), "session"),
		plural(int64(s.Days), "active day"), span, zone)
	if l.Since != "" || l.Until != "" {
		fmt.Fprintf(&b, " · kept %s to %s", orDash(l.Since), orDash(l.Until))
	}
	b.WriteString("\n")
	if len(s.Models) > 0 {
		rows := make([][]string, 0, len(s.Models)+1)
		for _, m := range s.Models {
			rows = append(rows, modelRow(termsafe.Text(m.Label()), orUnknown(m.Match.ID), m.Requests, m.Tokens, m.Priced, m.Cost, res.cur))
		}
		total := modelRow("Total", "", s.Requests, s.Total, true, s.Cost, res.cur)
		if s.Unpriced > 0 {
			total[len(total)-1] += " + unknown"
		}
		rows = append(rows, total)
		b.WriteString("\n")
		b.WriteString(catalogTable(color, []string{"Model", "Catalog id", "Requests", "Input", "Output", "Cache read", "Cache write", "Reasoning", "Total", "API cost, whole period"}, rows))
		b.WriteString("\n")
	}
	notes := readingNotes(l)
	if l.Duplicates > 0 {
		notes = append(notes, fmt.Sprintf("%s dropped as copies of the same request (same message and request id, or a sidechain replay)", plural(l.Duplicates, "usage line")))
	}
	if l.OutOfRange > 0 {
		notes = append(notes, fmt.Sprintf("%s outside the dates kept", plural(l.OutOfRange, "request")))
	}
	notes = append(notes, report.UsageNotes(s.Notes)...)
	notes = append(notes, res.catNotes...)
	writeNotes(&b, notes)

	d := res.derived
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
			logs, work = res.cur.FormatSmall(c.LogsCost), res.cur.FormatSmall(c.WorkCost)
		}
		rows = append(rows, []string{k.Name, trimFloat(k.Count), strconv.Itoa(k.Turns), grouped(int64(k.InputTokens)), grouped(int64(k.OutputTokens)),
			grouped(int64(k.ReasoningTokens)), grouped(int64(k.FollowupTokens)), fmt.Sprintf("%.1f%%", 100*k.CacheHit), k.MinTier.String(),
			strconv.Itoa(c.Tasks), logs, work})
	}
	// Output and reasoning are both billed as output: "visible" and
	// "thinking" say which is which; costs are the logs' whole period, not
	// a month.
	b.WriteString(catalogTable(color, []string{"Class", "Tasks/day", "Turns", "First input", "Visible output/turn", "Thinking/turn", "Follow-up", "Cache hit", "Min tier", "Tasks in logs", "Logs' cost", "Workload's cost"}, rows))
	b.WriteString("Tokens per task; both costs are for the logs' whole period on the models the logs used (not a month); thinking is billed as output.\n")
	if d.Checked {
		fmt.Fprintf(&b, "The derived workload reproduces the logs' API cost %s (%s from the logs, %s from the workload, on the models the logs used).\n",
			report.CheckText(d), res.cur.FormatSmall(d.LogsCost), res.cur.FormatSmall(d.WorkCost))
	} else {
		b.WriteString("The logs' models are not in the catalog: the workload's cost could not be checked against them.\n")
	}
	writeNotes(&b, report.UsageNotes(d.Notes))
	if res.saved != "" {
		fmt.Fprintf(&b, "Saved the workload to %s (use it with: tokenomics compare --workload %s).\n", res.saved, res.saved)
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

func orDash(s string) string {
	if s == "" {
		return "…"
	}
	return s
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
	report.ClassJSON          // the fitted class, with the workload file's keys
	Group            string   `json:"group"`
	Model            *string  `json:"model"`
	LogModels        []string `json:"log_models"`
	Tasks            int      `json:"tasks"`
	Requests         int64    `json:"requests"`
	LogsCost         *float64 `json:"logs_cost"`
	WorkloadCost     *float64 `json:"workload_cost"`
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

func importJSON(w io.Writer, res *importResult, c *report.Comparison, rp *report.Replay) error {
	l, s := res.log, res.sum
	out := jsonImport{Source: l.Source.String(), Paths: l.Roots, Timezone: l.Location.String(), Since: l.Since, Until: l.Until,
		Files: l.Files, Bytes: l.Bytes, Lines: l.Lines, Requests: s.Requests, Sessions: s.Sessions, DaysActive: s.Days,
		FirstDay: s.First, LastDay: s.Last, Duplicates: l.Duplicates, OutOfRange: l.OutOfRange,
		Skipped: []jsonSkip{}, Unreadable: []jsonProblem{}, Models: []jsonModelUse{}, Currency: "USD", Notes: []string{}}
	out.Catalog.AsOf = res.cat.AsOf
	for _, k := range l.Skipped {
		out.Skipped = append(out.Skipped, jsonSkip{k.Reason, k.Lines})
	}
	for _, p := range l.Problems {
		out.Unreadable = append(out.Unreadable, jsonProblem{p.Path, p.What})
	}
	for _, m := range s.Models {
		j := jsonModelUse{Model: m.Name, Mapping: m.Match.Rule, Requests: m.Requests, Fast: m.Fast, Estimated: m.Estimated, jsonTokens: jsonTok(m.Tokens)}
		if m.Priced {
			id, cost := m.Match.ID, report.JSONCost(m.Cost)
			j.CatalogID, j.Cost = &id, &cost
		}
		out.Models = append(out.Models, j)
	}
	out.Total.Requests, out.Total.Complete, out.Total.jsonTokens = s.Requests, s.Complete(), jsonTok(s.Total)
	if s.Unpriced == 0 {
		cost := report.JSONCost(s.Cost)
		out.Total.Cost = &cost
	}
	out.Notes = append(out.Notes, report.UsageNotes(s.Notes)...)
	out.Notes = append(out.Notes, res.catNotes...)
	if d := res.derived; d != nil {
		wl := d.Workload
		jd := &jsonDerived{Name: wl.Name, Description: wl.Description, DaysPerMonth: wl.DaysPerMonth, HoursPerDay: wl.HoursPerDay,
			People: wl.People, Language: wl.Language, Billing: wl.Billing.String(), ActiveDays: d.ActiveDays, SpanDays: d.SpanDays,
			Classes: []jsonFitClass{}, Notes: report.UsageNotes(d.Notes), Saved: res.saved}
		for _, c := range d.Classes {
			k := c.Class
			jc := jsonFitClass{ClassJSON: report.NewClassJSON(k), Group: c.Group, LogModels: c.Names,
				Tasks: c.Tasks, Requests: c.Requests, LogTokens: jsonTok(c.Tokens)}
			if c.Priced {
				id, lc, wc := c.Model, report.JSONCost(c.LogsCost), report.JSONCost(c.WorkCost)
				jc.Model, jc.LogsCost, jc.WorkloadCost = &id, &lc, &wc
			}
			jd.Classes = append(jd.Classes, jc)
		}
		if d.Checked {
			jd.Check = &jsonCheck{report.JSONCost(d.LogsCost), report.JSONCost(d.WorkCost), report.JSONCost(d.Error), report.CheckText(d)}
		}
		out.Workload = jd
	}
	if c != nil {
		var buf bytes.Buffer
		if err := report.JSON(&buf, c); err != nil {
			return err
		}
		out.Comparison = json.RawMessage(bytes.TrimSpace(buf.Bytes()))
	}
	if rp != nil {
		var buf bytes.Buffer
		if err := report.ReplayJSON(&buf, rp); err != nil {
			return err
		}
		out.Replay = json.RawMessage(bytes.TrimSpace(buf.Bytes()))
	}
	return writeJSON(w, out)
}
