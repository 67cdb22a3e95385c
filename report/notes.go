package report

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// NoteText words one of a quote's notes, its money in cur.
func NoteText(n model.Note, cur money.Currency) string {
	switch n.Kind {
	case model.NoteCredit:
		return fmt.Sprintf("API credit of %s/month covers part of the overflow", cur.Format(n.USD))
	case model.NoteMinSeats:
		return fmt.Sprintf("minimum %d seats", n.Seats)
	case model.NoteReplaySeats:
		return fmt.Sprintf("minimum %d seats; one person's records use one seat's limits", n.Seats)
	case model.NoteNoAnnual:
		return "no annual price: billed monthly"
	case model.NoteFactor:
		if n.Model == "" {
			return "serving models' " + FactorText(n.Factor)
		}
		return n.Model + ", " + FactorText(n.Factor)
	case model.NoteModelStatus:
		s := n.Model + " is a " + n.Status + " model"
		if n.Retires != "" {
			s += " (retires " + n.Retires + ")"
		}
		return s
	case model.NoteModelEstimate:
		return n.Model + ": prices are an estimate"
	case model.NoteVendorUncapped:
		return "the vendor says there is no usage limit"
	case model.NoteOverage:
		return fmt.Sprintf("%s/month of use beyond the included limits, at the plan's own overage price", cur.Format(n.USD))
	case model.NoteNoLimit:
		return "no usage limit in the catalog: treated as uncapped"
	case model.NoteLimitEstimate, model.NoteLimitRange:
		s := "the " + WindowName(n.WindowHours) + " limit is an estimate"
		if n.Kind == model.NoteLimitRange {
			s = "the " + WindowName(n.WindowHours) + " limit is a range"
		}
		switch {
		case !n.Ranged:
		case n.Unit == "usd":
			s += fmt.Sprintf(" (%s–%s of API-equivalent use per seat)", cur.Format(n.Low), cur.Format(n.High))
		default:
			low, high := money.TokensApart(n.Low, n.High) // a range, not one figure twice
			s += fmt.Sprintf(" (%s–%s %s per seat)", low, high, n.Unit)
		}
		return s
	}
	return fmt.Sprintf("note of unknown kind %d", n.Kind)
}

// FactorText says how an estimated language factor was set.
func FactorText(f model.FactorUse) string {
	tok := fmt.Sprintf("tokenizer %q", f.Tokenizer)
	if f.Tokenizer == "" {
		tok = "no tokenizer named"
	}
	switch {
	case f.NoData:
		return fmt.Sprintf("%s; no tokenizer in the catalog has a %q factor: counted like English", tok, f.Language)
	case f.Median:
		return fmt.Sprintf("%s, no %q factor: estimated as the catalog's median %.2f (range %.2f–%.2f)", tok, f.Language, f.Value, f.Low, f.High)
	}
	return fmt.Sprintf("%s: its %q factor is an estimate, %.2f (range %.2f–%.2f)", tok, f.Language, f.Value, f.Low, f.High)
}

// NoteTexts words notes in cur; never nil, for JSON's empty list.
func NoteTexts(ns []model.Note, cur money.Currency) []string {
	return texts(ns, func(n model.Note) string { return NoteText(n, cur) })
}

// texts words each fact of facts; never nil.
func texts[T any](facts []T, word func(T) string) []string {
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		out = append(out, word(f))
	}
	return out
}

// WindowName names a usage window of h hours as people do: "5-hour",
// "daily", "weekly", "monthly" (any month's length), "2-day".
func WindowName(h float64) string {
	switch {
	case h == 24:
		return "daily"
	case h == 168:
		return "weekly"
	case h >= 672 && h <= 744:
		return "monthly"
	case h > 24 && math.Mod(h, 24) == 0:
		return strconv.FormatFloat(h/24, 'f', -1, 64) + "-day"
	}
	return strconv.FormatFloat(h, 'f', -1, 64) + "-hour"
}
