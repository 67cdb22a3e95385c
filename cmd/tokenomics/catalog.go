package main

import (
	"io"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/plans"
)

func newPlans(stdout io.Writer) *cobra.Command {
	var in inputs
	var kind, format string
	var check bool
	cmd := &cobra.Command{
		Use:   "plans",
		Short: "List the catalog: prices, limits, sources and dates",
		Long: `plans lists the catalog (the embedded one, with your overlay) with every entry's
source and date. --check lists instead what may make an answer wrong: entries dated
more than 90 days ago, retired, preview and legacy models, prices and limits that are
estimates, limits measured from your logs (tokenomics calibrate) with their age,
dated price changes that have passed or come within 30 days, and models deprecated or
retired within 30 days; its notes say which dated changes are in effect today.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if kind != "" && kind != "api" && kind != "subscription" {
				return badInput("--kind: %q is not api or subscription", kind)
			}
			if format != "table" && format != "json" {
				return badInput("--format: %q is not table or json", format)
			}
			cat, notes, err := in.loadCatalog()
			if err != nil {
				return err
			}
			if check {
				for _, e := range cat.Applied() {
					notes = append(notes, e.String())
				}
				return writeCheck(stdout, cat, kind, format, notes)
			}
			if format == "json" {
				return plansJSON(stdout, cat, kind)
			}
			color := colorOK(stdout)
			printf(stdout, "Catalog of %s · prices in USD per 1M tokens · plans in USD per seat per month\n", cat.AsOf)
			if kind != "subscription" {
				printf(stdout, "\n%s", catalogTable(color, []string{"ID", "Provider", "Name", "Tier", "In", "Out", "Cache rd", "Context", "Status", "Conf.", "As of", "Source"}, apiRows(cat)))
			}
			if kind != "api" {
				printf(stdout, "\n%s", catalogTable(color, []string{"ID", "Vendor", "Name", "Monthly", "Annual/yr", "Seats", "Limits", "Conf.", "As of", "Source"}, planRows(cat)))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&in.catalog, "catalog", "", "price catalog YAML file replacing the embedded one")
	overlayFlag(cmd, &in.overlay)
	cmd.Flags().BoolVar(&check, "check", false, "list stale, retired, preview and legacy entries, estimates and dated price changes")
	cmd.Flags().StringVar(&kind, "kind", "", "only api or subscription entries")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table or json")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{"api", "subscription"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func num(v float64) string { return plans.Num(v) }

func optNum(v *float64) string {
	if v == nil {
		return "—"
	}
	return num(*v)
}

func apiRows(cat *plans.Catalog) [][]string {
	var rows [][]string
	for _, m := range cat.Models {
		rows = append(rows, []string{m.ID, m.Provider, m.Name, m.Tier.String(), num(m.Input), num(m.Output), optNum(m.CacheRead),
			model.Tokens(m.ContextWindow), m.Status, orUnknown(m.Confidence), m.AsOf, short(m.Source, 60)})
	}
	return rows
}

func planRows(cat *plans.Catalog) [][]string {
	var rows [][]string
	for _, p := range cat.Plans {
		var limits []string
		for _, l := range p.Limits {
			limits = append(limits, l.Describe())
		}
		switch {
		case p.Uncapped:
			limits = []string{"uncapped (the vendor's word)"}
		case len(limits) == 0:
			limits = []string{"none published"}
		}
		rows = append(rows, []string{p.ID, p.Vendor, p.Name, num(p.PriceMonthly), optNum(p.PriceAnnual), strconv.Itoa(max(1, p.SeatsMin)),
			strings.Join(limits, ", "), orUnknown(p.Confidence), p.AsOf, short(p.Source, 60)})
	}
	return rows
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// catalogTable draws a borderless table with bold headers (when color is on)
// and the columns of right aligned to the right.
func catalogTable(color bool, headers []string, rows [][]string, right ...int) string {
	align := make([]columns.Align, len(headers))
	for _, c := range right {
		align[c] = columns.Right
	}
	var style func(row, col int, s string) string
	if color {
		bold := lipgloss.NewStyle().Bold(true)
		style = func(row, _ int, s string) string {
			if row == columns.HeaderRow {
				return bold.Render(s)
			}
			return s
		}
	}
	return columns.Table(headers, rows, align, style)
}

func plansJSON(w io.Writer, cat *plans.Catalog, kind string) error {
	type entry struct {
		ID           string   `json:"id"`
		Kind         string   `json:"kind"`
		Vendor       string   `json:"vendor"`
		Name         string   `json:"name"`
		Tier         string   `json:"tier,omitempty"`
		Input        *float64 `json:"input,omitempty"`
		Output       *float64 `json:"output,omitempty"`
		PriceMonthly *float64 `json:"price_monthly,omitempty"`
		Status       string   `json:"status,omitempty"`
		Confidence   string   `json:"confidence,omitempty"`
		Source       string   `json:"source"`
		AsOf         string   `json:"as_of"`
		Note         string   `json:"note,omitempty"`
	}
	var out []entry
	for _, m := range cat.Models {
		if kind == "" || kind == "api" {
			in, o := m.Input, m.Output
			out = append(out, entry{ID: m.ID, Kind: "api", Vendor: m.Provider, Name: m.Name, Tier: m.Tier.String(), Input: &in, Output: &o,
				Status: m.Status, Confidence: m.Confidence, Source: m.Source, AsOf: m.AsOf, Note: m.Note})
		}
	}
	for _, p := range cat.Plans {
		if kind == "" || kind == "subscription" {
			pm := p.PriceMonthly
			out = append(out, entry{ID: p.ID, Kind: "subscription", Vendor: p.Vendor, Name: p.Name, PriceMonthly: &pm,
				Status: p.Status, Confidence: p.Confidence, Source: p.Source, AsOf: p.AsOf, Note: p.Note})
		}
	}
	return writeJSON(w, out)
}

func newPresets(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "presets",
		Short: "List the shipped workload presets",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			for _, p := range plans.Presets() {
				def := ""
				if p.Name == plans.DefaultPreset {
					def = " (default)"
				}
				printf(stdout, "%-14s %s%s\n", p.Name, p.Description, def)
			}
			return nil
		},
	}
}
