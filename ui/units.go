package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/plans"
)

// Units of a class's input and output sizes: u cycles a size between tokens,
// words and pages of the workload's language. The class keeps its
// English-equivalent tokens (what the engine prices); the unit decides how
// the row shows the size, what the slider steps and enter takes, and how the
// file is written. plans does the converting.

// isSize reports whether f is a size that has a unit.
func isSize(f fieldID) bool { return f == fIn || f == fOut }

// unitOf is the unit field f of class ci is shown in.
func (sh *shared) unitOf(ci int, f fieldID) model.Unit {
	if ci < 0 || ci >= len(sh.w.Classes) {
		return model.UnitTokens
	}
	switch f {
	case fIn:
		return sh.w.Classes[ci].InputUnit
	case fOut:
		return sh.w.Classes[ci].OutputUnit
	}
	return model.UnitTokens
}

// amount is field f of class ci in the unit it is shown in.
func (sh *shared) amount(ci int, f fieldID) float64 {
	v := numValue(&sh.w, ci, f)
	if isSize(f) {
		return plans.SizeInUnit(sh.w.Language, sh.unitOf(ci, f), v)
	}
	return v
}

// setAmount writes an amount in the field's unit; w is the private copy
// apply hands out.
func (sh *shared) setAmount(w *model.Workload, ci int, f fieldID, v float64) {
	if isSize(f) {
		v = plans.SizeToTokens(w.Language, sh.unitOf(ci, f), v)
	}
	setNum(w, ci, f, v)
}

// specFor is how field f of class ci steps and clamps: a size in words or
// pages steps along the same ladder in its own unit.
func (sh *shared) specFor(ci int, f fieldID) (numSpec, bool) {
	sp, ok := numSpecs[f]
	if !ok || !isSize(f) {
		return sp, ok
	}
	switch u := sh.unitOf(ci, f); u {
	case model.UnitWords:
		sp.hi, sp.unit = math.Floor(plans.MaxSize(sh.w.Language, u)), 100
	case model.UnitPages:
		sp.hi, sp.unit, sp.integer = math.Floor(plans.MaxSize(sh.w.Language, u)), 1, false
	}
	return sp, true
}

// cycleUnit switches the selected size to its next unit. Prices do not
// change, so there is no re-evaluation and the change marks stay.
func (m *Model) cycleUnit() {
	r := m.work.selected()
	if r.kind != rowClassField || !isSize(r.field) || r.class >= len(m.w.Classes) {
		m.setStatus("u switches a class's tokens in or out between tokens, words and pages: space opens a class", false)
		return
	}
	next := model.Unit((int(m.unitOf(r.class, r.field)) + 1) % 3)
	classes := append([]model.Class(nil), m.w.Classes...)
	if r.field == fIn {
		classes[r.class].InputUnit = next
	} else {
		classes[r.class].OutputUnit = next
	}
	m.w.Classes = classes
	m.dirty |= partWork | partFooter
}

// fmtAmount writes an amount in unit u the way the workload pane shows it.
func fmtAmount(u model.Unit, v float64) string {
	switch u {
	case model.UnitWords:
		if v >= 1e6 {
			return money.Tokens(v)
		}
		return money.Count(math.Round(v))
	case model.UnitPages:
		switch {
		case v == 0:
			return "0"
		case v >= 100:
			return money.Count(math.Round(v))
		case v >= 1:
			return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
		case v >= 0.01:
			return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
		}
		return "<0.01"
	}
	return money.Tokens(v)
}

// unitName is what unit u is called in language lang: in Japanese and
// Chinese a word is a character (tokencount's definition), so it is shown as
// one; the file still says words.
func unitName(lang string, u model.Unit) string {
	if u == model.UnitWords && (lang == "ja" || lang == "zh") {
		return "chars"
	}
	return u.String()
}

// fmtSize is an amount with its unit: "12 pages", "1 word", "8k tokens".
func fmtSize(lang string, u model.Unit, v float64) string {
	n := fmtAmount(u, v)
	name := unitName(lang, u)
	if n == "1" {
		name = strings.TrimSuffix(name, "s")
	}
	return n + " " + name
}

// sizeOthers is a size in the two units it is not shown in: "≈ 4,440 words ·
// 8k tokens".
func (sh *shared) sizeOthers(ci int, f fieldID) string {
	t := numValue(&sh.w, ci, f)
	cur := sh.unitOf(ci, f)
	var parts []string
	for _, u := range []model.Unit{model.UnitWords, model.UnitPages, model.UnitTokens} {
		if u != cur {
			parts = append(parts, fmtSize(sh.w.Language, u, plans.SizeInUnit(sh.w.Language, u, t)))
		}
	}
	s := "≈ " + strings.Join(parts, " · ")
	if _, ok := plans.LanguageUnits(sh.w.Language); !ok {
		s += " (English sizes)"
	}
	return s
}

// sizeEditText is the text an exact edit of a size starts from: the amount
// rounded as people would type it. Submitting it unchanged changes nothing.
func sizeEditText(u model.Unit, v float64) string {
	switch u {
	case model.UnitWords:
		v = math.Round(v)
	case model.UnitPages:
		v = math.Round(v*100) / 100
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// sizeLabel is the label of a size row: its unit and direction.
func sizeLabel(lang string, u model.Unit, f fieldID) string {
	if f == fOut {
		return unitName(lang, u) + " out"
	}
	return unitName(lang, u) + " in"
}

// classSizes is a class's input and output as the summary line shows them:
// tokens plain ("600 in"), words and pages named ("18 pages in").
func classSizes(lang string, c *model.Class) []string {
	one := func(t float64, u model.Unit, dir string) string {
		if u == model.UnitTokens {
			return money.Tokens(t) + " " + dir
		}
		return fmtSize(lang, u, plans.SizeInUnit(lang, u, t)) + " " + dir
	}
	return []string{one(c.InputTokens, c.InputUnit, "in"), one(c.OutputTokens, c.OutputUnit, "out")}
}

// sizeInline reports whether a size row iw wide has room for the other two
// units after its bar; in a narrower pane they get a line of their own.
func sizeInline(iw int) bool { return iw >= sizeInlineWidth }

// sizeInlineWidth is the row, its bar and a typical "≈ 4,440 words · 12
// pages" (34 + 2 + 30 columns).
const sizeInlineWidth = 66
