package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/money"
)

// The words every output shares: one plural, one way to write a count, a
// dollar figure, a table and JSON, so the commands read alike.

// Plural is one or many by n: the one plural of every output, the app's included.
func Plural[N int | int64](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// counted writes n things with grouped thousands: "1 file", "12,345 requests".
func counted[N int | int64](n N, what string) string {
	return money.Count(float64(n)) + " " + Plural(n, what, what+"s")
}

// grouped writes a count with grouped thousands: 12,345.
func grouped[N int | int64](n N) string { return money.Count(float64(n)) }

// dollars writes a USD amount of a limit: cents below $1,000, whole dollars
// (grouped) above.
func dollars(v float64) string {
	if v >= 1000 {
		return "$" + money.Count(v)
	}
	return fmt.Sprintf("$%.2f", v)
}

// amountOf writes an amount of a unit: 1 hour, 1.5 hours, 22 days.
func amountOf(v float64, unit string) string {
	if v == 1 {
		return "1 " + unit
	}
	return strconv.FormatFloat(v, 'g', -1, 64) + " " + unit + "s"
}

func orUnknown(s string) string { return or(s, "unknown") }

// or is s, else alt when s is empty.
func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// short cuts s to n runes, the last one an ellipsis.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// table draws a borderless table with bold headers (when color is on) and
// the columns of right aligned to the right.
func table(color bool, headers []string, rows [][]string, right ...int) string {
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

// WriteJSON writes v as every command's JSON output is written: indented by
// two spaces, one value, a newline at the end; whole or not at all (the
// encoder writes a value only once it is encoded: a NaN prints nothing).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeIn writes an output with the writer of format ("md" is markdown);
// formats lists the valid ones in order, for the error.
func writeIn(w io.Writer, format string, formats []string, by map[string]func(io.Writer) error) error {
	if format == "md" {
		format = "markdown"
	}
	if write, ok := by[format]; ok {
		return write(w)
	}
	return fmt.Errorf("unknown format %q (valid: %s)", format, strings.Join(formats, ", "))
}

// text writes the whole of an output made as a string.
func text(s func() string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s())
		return err
	}
}

// Output writes v in format, "json" by asJSON, else the table: every
// command with these two formats.
func Output[T any](w io.Writer, format string, v T, asJSON func(io.Writer, T) error, table func(T, bool) string, color bool) error {
	if format == "json" {
		return asJSON(w, v)
	}
	_, err := io.WriteString(w, table(v, color))
	return err
}

// SameCost reports whether a cost that moves by d (USD) reads as the same
// in cur: the move rounds to nothing at cur's decimals (under half a cent
// in USD, half a yen in JPY). The one rule of every output, the app's
// change marks and the CLI's sunset lines alike.
func SameCost(d float64, cur money.Currency) bool {
	return math.Abs(d*cur.Rate) < 0.5*math.Pow10(-cur.Decimals)
}

// CostChange writes a move in monthly cost, d USD (model.Quote.CostChange),
// as a signed amount in cur: "+$1.20", "−$0.40"; "" when it reads as the
// same (SameCost) or is no number.
func CostChange(d float64, cur money.Currency) string {
	switch {
	case SameCost(d, cur), math.IsInf(d, 0): // an infinite move is no number: not "+—"
	case d > 0:
		return "+" + cur.Format(d)
	case d < 0:
		return "−" + cur.Format(-d)
	}
	return ""
}
