package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/termsafe"
)

// Formats lists the names Write accepts.
var Formats = []string{"table", "json", "csv", "markdown"}

// FormatList says formats as a flag's help does: "table or json" for two,
// "table, json, csv" for more.
func FormatList(formats []string) string {
	if len(formats) == 2 {
		return formats[0] + " or " + formats[1]
	}
	return strings.Join(formats, ", ")
}

// CheckFormat refuses a format that is not one of formats, saying which
// are.
func CheckFormat(format string, formats []string) error {
	switch {
	case slices.Contains(formats, format):
		return nil
	case len(formats) == 2:
		return fmt.Errorf("%q is not %s", format, FormatList(formats))
	}
	return fmt.Errorf("%q is not one of %s", format, FormatList(formats))
}

// Write renders c in the named format. color is for the table only.
func Write(w io.Writer, format string, c *Comparison, color bool) error {
	return writeIn(w, format, Formats, map[string]func(io.Writer) error{
		"table":    text(func() string { return Table(c, color) }),
		"json":     func(w io.Writer) error { return JSON(w, c) },
		"csv":      func(w io.Writer) error { return CSV(w, c) },
		"markdown": text(func() string { return Markdown(c) }),
	})
}

// Table is the aligned ranking for a terminal.
func Table(c *Comparison, color bool) string {
	var b strings.Builder
	verdict, second := c.Verdict()
	bold := lipgloss.NewStyle()
	dim, good, bad, warn := lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
	if color {
		bold = bold.Bold(true)
		dim = dim.Faint(true)
		good = good.Foreground(lipgloss.Green)
		bad = bad.Foreground(lipgloss.Red)
		warn = warn.Foreground(lipgloss.Yellow)
	}
	fmt.Fprintf(&b, "%s · %s · %s · prices of %s\n", bold.Render(c.Workload.Name), c.Workload.Billing, c.Currency.Code, c.CatalogAsOf)
	fmt.Fprintf(&b, "▶ %s\n", bold.Render(verdict))
	for _, l := range second {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	qs := c.Quotes()
	rows := make([][]string, len(qs))
	for i := range qs {
		q := &qs[i]
		rows[i] = []string{strconv.Itoa(i + 1), q.Name, q.Kind.String(), c.Currency.Format(q.Monthly), Range(q, c.Currency),
			c.Currency.FormatSmall(q.PerTask), Fit(q), Utilization(q), BreakEven(c.Result, q), Why(q, c.Currency)}
	}
	right := columns.Right
	b.WriteString(columns.Table(
		[]string{"#", "Option", "Kind", "Monthly", "Range", "Per task", "Fits", "Caps", "Break-even", "Why"}, rows,
		[]columns.Align{right, 0, 0, right, right, right, 0, right, right},
		func(row, col int, s string) string {
			switch {
			case row == columns.HeaderRow:
				return bold.Render(s)
			case col == 6:
				switch q := &qs[row]; {
				case !q.Eligible:
					return bad.Render(s)
				case !q.Fits:
					return warn.Render(s)
				}
				return good.Render(s)
			case col == 9:
				return dim.Render(s)
			}
			return s
		}))
	if n := len(c.Result.Quotes) - len(qs); n > 0 {
		fmt.Fprintf(&b, "%s\n", dim.Render(fmt.Sprintf("… %d more (--top 0 shows all)", n)))
	}
	for _, n := range c.CatalogNotes {
		fmt.Fprintf(&b, "%s\n", dim.Render("note: "+termsafe.Text(n))) // notes quote overlays and logs
	}
	if c.Sources {
		fmt.Fprintf(&b, "\n%s\n", bold.Render("Sources"))
		for _, s := range c.SourceList() {
			fmt.Fprintf(&b, "  %s\n", SourceLine(s))
		}
	}
	return b.String()
}

// jsonOption is what every option in a JSON output says first, the
// comparison's and the replay's alike: which option, and what it costs.
type jsonOption struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Eligible     bool     `json:"eligible"`
	Fits         bool     `json:"fits"`
	MonthlyCost  float64  `json:"monthly_cost"`
	BaseCost     float64  `json:"base_cost"`
	OverflowCost float64  `json:"overflow_cost"`
	CostLow      *float64 `json:"monthly_cost_low"`  // every limit at its high end, every estimated factor at its low
	CostHigh     *float64 `json:"monthly_cost_high"` // the other way round
}

// newJSONOption is q's jsonOption, without its ends (each output says
// where they apply). An option that cannot be priced costs 0 here.
func newJSONOption(q *model.Quote) jsonOption {
	o := jsonOption{ID: q.ID, Name: q.Name, Kind: q.Kind.String(), Eligible: q.Eligible, Fits: q.Fits,
		MonthlyCost: JSONCost(q.Monthly), BaseCost: JSONCost(q.Base), OverflowCost: JSONCost(q.Overflow)}
	if math.IsInf(q.Monthly, 0) {
		o.MonthlyCost = 0
	}
	return o
}

// jsonQuote is one option in the JSON of DESIGN.md; sources are an addition.
type jsonQuote struct {
	jsonOption
	Factors     []jsonFactor `json:"estimated_factors,omitempty"`
	Free        bool         `json:"free"`
	CostPerTask float64      `json:"cost_per_task"`
	Utilization *float64     `json:"utilization"`
	BreakEven   *float64     `json:"break_even"`
	Reason      string       `json:"reason,omitempty"`
	Classes     []jsonClass  `json:"classes"`
	Notes       []string     `json:"notes"`
	Sources     []jsonSrc    `json:"sources"`
}

type jsonClass struct {
	Name         string  `json:"name"`
	Via          string  `json:"via"`
	Tasks        float64 `json:"tasks"`
	Model        string  `json:"model"`                   // the API model that carries it (a plan's overflow)
	Serving      string  `json:"serving_model,omitempty"` // plans: the plan's model that serves it
	OnPlan       float64 `json:"on_plan,omitempty"`       // plans: tasks the plan itself serves
	InputTokens  float64 `json:"input_tokens"`
	OutputTokens float64 `json:"output_tokens"`
	Cost         float64 `json:"cost"`
	Fits         bool    `json:"fits"`
	Reason       string  `json:"reason"`
}

type jsonSrc struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	AsOf       string `json:"as_of"`
	Confidence string `json:"confidence,omitempty"`
}

// jsonWorkload mirrors the workload file's keys.
type jsonWorkload struct {
	Name         string      `json:"name"`
	DaysPerMonth float64     `json:"days_per_month"`
	HoursPerDay  float64     `json:"hours_per_day"`
	People       int         `json:"people"`
	Language     string      `json:"language"`
	Billing      string      `json:"billing"`
	Current      *string     `json:"current"`
	Classes      []ClassJSON `json:"classes"`
}

// ClassJSON is a workload class with the workload file's keys, sizes in tokens.
type ClassJSON struct {
	Name            string  `json:"name"`
	Count           float64 `json:"count"`
	Per             string  `json:"per"`
	InputTokens     float64 `json:"input_tokens"`
	OutputTokens    float64 `json:"output_tokens"`
	ReasoningTokens float64 `json:"reasoning_tokens"`
	Turns           int     `json:"turns"`
	FollowupTokens  float64 `json:"followup_tokens"`
	CacheHit        float64 `json:"cache_hit"`
	Batch           bool    `json:"batch"`
	MinTier         string  `json:"min_tier"`
	Via             string  `json:"via"`
}

// NewClassJSON is c with the workload file's keys.
func NewClassJSON(c model.Class) ClassJSON {
	return ClassJSON{c.Name, c.Count, c.Per.String(), c.InputTokens, c.OutputTokens, c.ReasoningTokens, c.Turns,
		c.FollowupTokens, c.CacheHit, c.Batch, c.MinTier.String(), c.Channel().String()}
}

// JSONCost is a cost as the JSON outputs write it: to a millionth of a
// dollar, readable without losing cents.
func JSONCost(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// JSON writes the comparison as DESIGN.md specifies; costs in USD.
func JSON(w io.Writer, c *Comparison) error {
	wl := c.Workload
	out := struct {
		Workload jsonWorkload `json:"workload"`
		Catalog  struct {
			AsOf  string   `json:"as_of"`
			Notes []string `json:"notes,omitempty"` // overlay and dated changes applied
		} `json:"catalog"`
		Currency string      `json:"currency"`
		Options  []jsonQuote `json:"options"`
		Verdict  jsonVerdict `json:"verdict"`
	}{Currency: "USD"}
	out.Catalog.AsOf, out.Catalog.Notes = c.CatalogAsOf, c.CatalogNotes
	out.Workload = jsonWorkload{Name: wl.Name, DaysPerMonth: wl.DaysPerMonth, HoursPerDay: wl.HoursPerDay,
		People: wl.People, Language: wl.Language, Billing: wl.Billing.String(), Current: optString(wl.Current), Classes: []ClassJSON{}}
	for _, cl := range wl.Classes {
		out.Workload.Classes = append(out.Workload.Classes, NewClassJSON(cl))
	}
	out.Options = []jsonQuote{}
	for _, q := range c.Quotes() {
		jq := jsonQuote{jsonOption: newJSONOption(&q), CostPerTask: JSONCost(q.PerTask), Reason: ReasonText(q.Reason),
			Classes: []jsonClass{}, Notes: NoteTexts(q.Notes, money.USD), Sources: []jsonSrc{}}
		if q.Kind == model.KindSubscription {
			jq.Free = q.Free
		}
		if q.Eligible {
			jq.CostLow, jq.CostHigh = finite(q.MonthlyLow), finite(q.MonthlyHigh)
		}
		for _, f := range q.Factors {
			jq.Factors = append(jq.Factors, jsonFactor{optString(f.Tokenizer), f.Language, f.Value, f.Low, f.High, f.Median})
		}
		if q.Capped {
			u := q.Utilization
			jq.Utilization = &u
		}
		if q.HasBreakEven {
			k := q.BreakEven
			jq.BreakEven = &k
		}
		for _, cq := range q.Classes {
			jq.Classes = append(jq.Classes, jsonClass{cq.Name, cq.Via.String(), cq.Tasks, cq.Model, cq.Serving, cq.OnPlan,
				cq.InputTokens, cq.OutputTokens, JSONCost(cq.Cost), cq.Fits, ReasonText(cq.Reason)})
		}
		for _, s := range q.Sources {
			jq.Sources = append(jq.Sources, jsonSrc{s.ID, s.Source, s.AsOf, s.Confidence})
		}
		out.Options = append(out.Options, jq)
	}
	v := c.Result.Verdict(wl.Current)
	out.Verdict = newJSONVerdict(v)
	out.Verdict.Sunsets = newJSONSunsets(c.Result, &v, c.SunsetVerdict())
	out.Verdict.Flips = []jsonFlip{}
	for _, f := range c.Flips() {
		jf := jsonFlip{Count: JSONCost(f.Count), Per: f.Per.String(), Factor: f.Factor, To: f.To.ID, Direction: "up"}
		if f.Class >= 0 {
			jf.Class = &f.ClassName
		}
		if !f.Up {
			jf.Direction = "down"
		}
		out.Verdict.Flips = append(out.Verdict.Flips, jf)
	}
	return WriteJSON(w, out)
}

// jsonVerdict is the verdict of DESIGN.md, options by id.
type jsonVerdict struct {
	Answer            string     `json:"answer"` // subscription | api | none
	BestAPI           *string    `json:"best_api"`
	BestPlan          *string    `json:"best_plan"`
	BestFree          *string    `json:"best_free"`
	Saving            *float64   `json:"saving"`
	SavingShare       *float64   `json:"saving_share"`
	DependsOnEstimate bool       `json:"depends_on_estimate"`
	Current           *string    `json:"current"`
	SwitchSaving      *float64   `json:"switch_saving"`
	OneVendor         *string    `json:"best_api_one_vendor"`
	Flips             []jsonFlip `json:"flips"`
	// Sunsets: the options the verdict names that use a model about to go
	// (the comparison's only: a replay's options have no dated models).
	Sunsets *[]jsonSunset `json:"sunsets,omitempty"`
}

// jsonSunset is one option the verdict names that uses models retiring or
// deprecated within 30 days, with what stands in for it once they are gone.
type jsonSunset struct {
	Option  string          `json:"option"`
	Roles   []string        `json:"roles"` // answer | other | one_vendor | free
	Models  []jsonSunsetEnd `json:"models"`
	Instead []jsonStandIn   `json:"instead"`
}

type jsonSunsetEnd struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Date  string `json:"date"`
	Days  int    `json:"days"`
	Event string `json:"event"` // retires | deprecated
}

// jsonStandIn is the option that takes a role once the models are gone;
// null when none does.
type jsonStandIn struct {
	Role        string   `json:"role"`
	Option      *string  `json:"option"`
	MonthlyCost *float64 `json:"monthly_cost"`
}

// newJSONSunsets are the warnings of r's verdict v, with their stand-ins
// from without (nil: none computed).
func newJSONSunsets(r *model.Result, v *model.Verdict, without *model.Verdict) *[]jsonSunset {
	out := []jsonSunset{}
	for _, w := range r.SunsetWarnings(v) {
		js := jsonSunset{Option: w.Option.ID, Roles: []string{}, Models: []jsonSunsetEnd{}, Instead: []jsonStandIn{}}
		for _, s := range w.Sunsets {
			ev := "deprecated"
			if s.Retires {
				ev = "retires"
			}
			js.Models = append(js.Models, jsonSunsetEnd{s.ModelID, s.Model, s.Date, s.Days, ev})
		}
		for _, role := range w.Roles {
			js.Roles = append(js.Roles, role.String())
			if without == nil {
				continue
			}
			si := jsonStandIn{Role: role.String()}
			if q := without.StandIn(role, w.Option); q != nil {
				si.Option, si.MonthlyCost = &q.ID, optNumber(JSONCost(q.Monthly))
			}
			js.Instead = append(js.Instead, si)
		}
		out = append(out, js)
	}
	return &out
}

// jsonFlip is one flip point: the count (of the class, or of all tasks a
// month for the whole volume) past which option To wins.
type jsonFlip struct {
	Class     *string `json:"class"` // null: the whole volume
	Direction string  `json:"direction"`
	Count     float64 `json:"count"`
	Per       string  `json:"per"`
	Factor    float64 `json:"factor"`
	To        string  `json:"to"`
}

// jsonFactor is an estimated language factor an option uses.
type jsonFactor struct {
	Tokenizer *string `json:"tokenizer"` // null: a model that names none
	Language  string  `json:"language"`
	Value     float64 `json:"value"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Median    bool    `json:"median"` // the catalog's median for the language: the tokenizer has no figure
}

func newJSONVerdict(v model.Verdict) jsonVerdict {
	id := func(q *model.Quote) *string {
		if q == nil {
			return nil
		}
		return &q.ID
	}
	out := jsonVerdict{Answer: v.Answer.String(), BestAPI: id(v.BestAPI), BestPlan: id(v.BestPlan), BestFree: id(v.BestFree),
		DependsOnEstimate: v.DependsOnEstimate, Current: id(v.Current), OneVendor: id(v.OneVendor)}
	if v.BestAPI != nil && v.BestPlan != nil {
		out.Saving, out.SavingShare = optNumber(JSONCost(v.Saving)), optNumber(JSONCost(v.SavingShare))
	}
	if v.HasSwitch {
		out.SwitchSaving = optNumber(JSONCost(v.SwitchSaving))
	}
	return out
}

func optNumber(v float64) *float64 { return &v }

// finite is v to six places, or null when no figure exists (the plan cannot
// carry the work at that end of its caps' range).
func finite(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return optNumber(JSONCost(v))
}

// optString is s, or null when it is empty.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// CSV writes one row per option; costs in the display currency's units.
func CSV(w io.Writer, c *Comparison) error {
	cw := csv.NewWriter(w)
	rate := c.Currency.Rate
	header := []string{"rank", "id", "name", "kind", "eligible", "fits", "monthly_cost", "base_cost", "overflow_cost",
		"cost_per_task", "currency", "utilization", "break_even", "reason", "source", "as_of"}
	if err := cw.Write(header); err != nil {
		return err
	}
	num := func(v float64) string { return strconv.FormatFloat(JSONCost(v), 'f', -1, 64) }
	for i, q := range c.Quotes() {
		util, be := "", ""
		if q.Capped {
			util = num(q.Utilization)
		}
		if q.HasBreakEven {
			be = num(q.BreakEven)
		}
		src, asOf := sourceOf(&q)
		if err := cw.Write([]string{strconv.Itoa(i + 1), q.ID, q.Name, q.Kind.String(), strconv.FormatBool(q.Eligible),
			strconv.FormatBool(q.Fits), num(q.Monthly * rate), num(q.Base * rate), num(q.Overflow * rate),
			num(q.PerTask * rate), c.Currency.Code, util, be, ReasonText(q.Reason), src, asOf}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// sourceOf is the provenance of the option's own entry (the plan or model).
func sourceOf(q *model.Quote) (string, string) {
	if q.Kind == model.KindMix || len(q.Sources) == 0 {
		return "", ""
	}
	return q.Sources[0].Source, q.Sources[0].AsOf
}

// Markdown is the summary the app copies and `--format markdown` prints.
func Markdown(c *Comparison) string {
	var b strings.Builder
	verdict, second := c.Verdict()
	fmt.Fprintf(&b, "## %s: AI plans compared\n\n", mdEscape(c.Workload.Name))
	fmt.Fprintf(&b, "**%s**", mdEscape(verdict))
	for _, l := range second {
		fmt.Fprintf(&b, " %s", mdEscape(l))
	}
	fmt.Fprintf(&b, "\n\n%s billing · %s · prices as of %s\n\n", c.Workload.Billing, c.Currency.Code, c.CatalogAsOf)
	b.WriteString("| # | Option | Kind | Monthly | Range | Per task | Fits | Caps | Break-even | Why |\n")
	b.WriteString("|--:|---|---|--:|--:|--:|---|--:|--:|---|\n")
	for i, q := range c.Quotes() {
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.rank(i, &q), mdEscape(q.Name), q.Kind,
			c.Currency.Format(q.Monthly), Range(&q, c.Currency), c.Currency.FormatSmall(q.PerTask), Fit(&q), Utilization(&q), BreakEven(c.Result, &q),
			mdEscape(Why(&q, c.Currency)))
	}
	b.WriteString("\nWorkload: ")
	var parts []string
	for _, cl := range c.Workload.Classes {
		parts = append(parts, fmt.Sprintf("%s %s/%s (%s in, %s out)", cl.Name, strconv.FormatFloat(cl.Count, 'f', -1, 64),
			cl.Per, money.Tokens(cl.InputTokens), money.Tokens(cl.OutputTokens)))
	}
	people := "1 person"
	if c.Workload.People != 1 {
		people = fmt.Sprintf("%d people", c.Workload.People)
	}
	fmt.Fprintf(&b, "%s; %g days/month, %s, language %s.\n", mdEscape(strings.Join(parts, "; ")),
		c.Workload.DaysPerMonth, people, c.Workload.Language)
	if fs := c.Flips(); len(fs) > 0 {
		b.WriteString("\nFlip points (where the answer changes):\n\n")
		for _, f := range fs {
			fmt.Fprintf(&b, "- %s\n", mdEscape(FlipLine(c.Result, f)))
		}
	}
	if c.Sources {
		b.WriteString("\n### Sources\n\n")
		for _, s := range c.SourceList() {
			fmt.Fprintf(&b, "- %s\n", mdEscape(SourceLine(s)))
		}
	}
	return b.String()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
