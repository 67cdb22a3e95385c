package ui

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/report"
)

// fieldID names one editable value: a class field or a workload setting.
type fieldID int

const (
	fCount fieldID = iota // the class row itself
	fPer
	fIn
	fOut
	fReasoning
	fTurns
	fFollowup
	fCache
	fBatch
	fTier
	fDays
	fHours
	fPeople
	fLanguage
	fBilling
	fCurrency
	fVia // who runs the class: chat, agent or api
	fBudget
)

// classFields are shown, in order, when a class is expanded.
var classFields = []fieldID{fPer, fIn, fOut, fReasoning, fTurns, fFollowup, fCache, fBatch, fVia, fTier}

// settingFields are shown when the workload settings are expanded.
var settingFields = []fieldID{fDays, fHours, fPeople, fLanguage, fBilling, fCurrency, fBudget}

var fieldLabels = map[fieldID]string{
	fCount: "count", fPer: "per", fIn: "tokens in", fOut: "tokens out", fReasoning: "reasoning",
	fTurns: "turns", fFollowup: "follow-up", fCache: "cache hit", fBatch: "batch", fTier: "min tier",
	fDays: "days/month", fHours: "hours/day", fPeople: "people", fLanguage: "language",
	fBilling: "billing", fCurrency: "currency", fVia: "via", fBudget: "budget/month",
}

// fieldLabel is the label of field f of class ci: a size's names its unit.
func (sh *shared) fieldLabel(ci int, f fieldID) string {
	if isSize(f) {
		return sizeLabel(sh.w.Language, sh.unitOf(ci, f), f)
	}
	return fieldLabels[f]
}

// numSpec is how a numeric field steps and clamps. Ladder fields move along
// 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 …: ten steps a decade, so a big
// step (×10) is exactly ten small ones and every value stays a round number.
type numSpec struct {
	lo, hi  float64
	linear  float64 // > 0: fixed step instead of the ladder
	integer bool
	unit    float64 // what a big step up from zero starts from
	barLo   float64 // the bar spans barLo..barHi (log scale for ladder fields)
	barHi   float64
}

var numSpecs = map[fieldID]numSpec{
	fCount:     {lo: 0, hi: model.MaxCount, unit: 1, barLo: 1, barHi: 1e4},
	fIn:        {lo: 0, hi: model.MaxTokens, integer: true, unit: 100, barLo: 100, barHi: 1e6},
	fOut:       {lo: 0, hi: model.MaxTokens, integer: true, unit: 100, barLo: 100, barHi: 1e6},
	fReasoning: {lo: 0, hi: model.MaxTokens, integer: true, unit: 100, barLo: 100, barHi: 1e6},
	fFollowup:  {lo: 0, hi: model.MaxTokens, integer: true, unit: 100, barLo: 100, barHi: 1e6},
	fTurns:     {lo: 1, hi: model.MaxTurns, integer: true, unit: 1, barLo: 1, barHi: 100},
	fCache:     {lo: 0, hi: 1, linear: 0.05, barLo: 0, barHi: 1},
	fDays:      {lo: 1, hi: 31, linear: 1, barLo: 1, barHi: 31},
	fHours:     {lo: 1, hi: 24, linear: 1, barLo: 1, barHi: 24},
	fPeople:    {lo: 1, hi: model.MaxPeople, integer: true, unit: 1, barLo: 1, barHi: 1000},
	// In the workload's currency: 0 is none; the ladder's round amounts.
	fBudget: {lo: 0, hi: model.MaxBudget, unit: 10, barLo: 10, barHi: 1e6},
}

var mantissas = [...]float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8}

// ladder is every round value from 0.5 to 1e9.
var ladder = func() []float64 {
	out := []float64{0.5}
	for e := 0; e <= 9; e++ {
		for _, m := range mantissas {
			out = append(out, m*math.Pow10(e))
		}
	}
	return out
}()

// step moves v one notch in direction dir (±1), or ten notches (×10) when big.
func (s numSpec) step(v float64, dir int, big bool) float64 {
	switch {
	case s.linear > 0 && big:
		v += float64(dir) * 10 * s.linear
	case s.linear > 0:
		// Snap to the grid first so 0.83 steps to 0.85, not 0.88.
		n := math.Round(v / s.linear)
		if math.Abs(n*s.linear-v) > 1e-9 && (n*s.linear-v)*float64(dir) > 0 {
			n -= float64(dir)
		}
		v = math.Round((n+float64(dir))*s.linear*1e9) / 1e9
	case big && dir > 0:
		v = max(v, s.unit) * 10
	case big:
		v /= 10
		if v < s.unit {
			v = s.lo
		}
	default:
		v = s.ladderStep(v, dir)
	}
	if s.integer {
		v = math.Round(v)
	}
	return max(s.lo, min(s.hi, v))
}

func (s numSpec) ladderStep(v float64, dir int) float64 {
	const eps = 1e-9
	if dir > 0 {
		for _, x := range ladder {
			if s.integer {
				x = math.Round(x)
			}
			if x > v+eps && x >= s.lo {
				return x
			}
		}
		return s.hi
	}
	for _, x := range slices.Backward(ladder) {
		if s.integer {
			x = math.Round(x)
		}
		if x < v-eps && x >= s.lo {
			return x
		}
	}
	return s.lo
}

// bar is v's position on the field's bar, in [0,1].
func (s numSpec) bar(v float64) float64 {
	if s.linear > 0 {
		return clampF((v-s.barLo)/(s.barHi-s.barLo), 0, 1)
	}
	if v <= 0 {
		return 0
	}
	return clampF(math.Log(v/s.barLo)/math.Log(s.barHi/s.barLo), 0, 1)
}

func clampF(v, lo, hi float64) float64 {
	if math.IsNaN(v) {
		return lo
	}
	return max(lo, min(hi, v))
}

// parseNumber reads what people type: "40", "1,200", "30k", "1.5M", "80%".
func parseNumber(s string) (float64, error) {
	t := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, ",", "")))
	t = strings.ReplaceAll(t, "_", "")
	mul := 1.0
	switch {
	case strings.HasSuffix(t, "%"):
		t, mul = strings.TrimSuffix(t, "%"), 0.01
	case strings.HasSuffix(t, "k"):
		t, mul = strings.TrimSuffix(t, "k"), 1e3
	case strings.HasSuffix(t, "m"):
		t, mul = strings.TrimSuffix(t, "m"), 1e6
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return v * mul, nil
}

// checkNumber validates typed text for field f, which steps as sp.
func checkNumber(f fieldID, sp numSpec, s string) (float64, error) {
	v, err := parseNumber(s)
	if err != nil {
		return 0, err
	}
	if f == fCache && v > 1 && v <= 100 && !strings.Contains(s, "%") {
		v /= 100 // "80" means 80% here
	}
	if v < sp.lo || v > sp.hi {
		return 0, fmt.Errorf("between %s and %s", fmtPlain(sp.lo), fmtPlain(sp.hi))
	}
	if sp.integer && v != math.Trunc(v) {
		return 0, errors.New("a whole number")
	}
	return v, nil
}

func fmtPlain(v float64) string {
	if v >= 1e6 {
		return money.Tokens(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// languageNames are the languages people know by name; others show their code.
var languageNames = map[string]string{
	"en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "de": "German",
	"fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian", "ru": "Russian",
	"ar": "Arabic", "hi": "Hindi", "vi": "Vietnamese", "th": "Thai", "id": "Indonesian",
	"tr": "Turkish", "pl": "Polish", "nl": "Dutch", "uk": "Ukrainian", "he": "Hebrew",
}

func languageName(code string) string {
	if code == "" {
		code = model.DefaultLanguage
	}
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}

// languageCode is the code typed text s means: a language's name as the
// pane shows it ("Korean", in any case) or a code ("ko", "KO", "pt-br");
// ok is false for neither. The name comes first: "korean" is also the
// shape of a code, but no language's.
func languageCode(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for code, name := range languageNames {
		if strings.ToLower(name) == s {
			return code, true
		}
	}
	return s, validLanguage(s)
}

// validLanguage accepts a lower-case code such as "ko" or "pt-br".
func validLanguage(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// numField is where numeric field f of class ci (or a setting) lives in w: a
// float, or an int for the whole-number fields; both nil when f is neither.
func numField(w *model.Workload, ci int, f fieldID) (*float64, *int) {
	if ci >= 0 && ci < len(w.Classes) {
		c := &w.Classes[ci]
		switch f {
		case fCount:
			return &c.Count, nil
		case fIn:
			return &c.InputTokens, nil
		case fOut:
			return &c.OutputTokens, nil
		case fReasoning:
			return &c.ReasoningTokens, nil
		case fTurns:
			return nil, &c.Turns
		case fFollowup:
			return &c.FollowupTokens, nil
		case fCache:
			return &c.CacheHit, nil
		}
	}
	switch f {
	case fDays:
		return &w.DaysPerMonth, nil
	case fHours:
		return &w.HoursPerDay, nil
	case fPeople:
		return nil, &w.People
	case fBudget:
		return &w.Budget, nil
	}
	return nil, nil
}

// numValue reads a numeric field of class ci (or a setting).
func numValue(w *model.Workload, ci int, f fieldID) float64 {
	switch v, n := numField(w, ci, f); {
	case v != nil:
		return *v
	case n != nil:
		return float64(*n)
	}
	return 0
}

// setNum writes a numeric field; w must already be a private copy.
func setNum(w *model.Workload, ci int, f fieldID, x float64) {
	switch v, n := numField(w, ci, f); {
	case v != nil:
		*v = x
	case n != nil:
		*n = int(x)
	}
}

// fieldText is a field's value as shown in the workload pane.
func (sh *shared) fieldText(ci int, f fieldID) string {
	w := &sh.w
	var c *model.Class
	if ci >= 0 && ci < len(w.Classes) {
		c = &w.Classes[ci]
	}
	switch f {
	case fCount:
		return money.Count(c.Count)
	case fPer:
		return c.Per.String()
	case fIn, fOut:
		return fmtAmount(sh.unitOf(ci, f), sh.amount(ci, f))
	case fReasoning, fFollowup:
		return money.Tokens(numValue(w, ci, f))
	case fTurns:
		return strconv.Itoa(c.Turns)
	case fCache:
		return fmt.Sprintf("%.0f%%", 100*c.CacheHit)
	case fBatch:
		if c.Batch {
			return "yes"
		}
		return "no"
	case fTier:
		return c.MinTier.String()
	case fVia:
		return c.Channel().String()
	case fDays:
		return money.Count(w.DaysPerMonth)
	case fHours:
		return money.Count(w.HoursPerDay)
	case fPeople:
		return money.Count(float64(w.People))
	case fLanguage:
		return languageName(w.Language)
	case fBilling:
		return w.Billing.String()
	case fCurrency:
		return sh.cur.Code
	case fBudget:
		if w.Budget <= 0 {
			return "none"
		}
		return sh.cur.Format(report.BudgetUSD(w, sh.cur))
	}
	return ""
}

// stepField moves field f of class ci by one notch (dir ±1); enumerations
// cycle. It reports whether the workload changed.
func (m *Model) stepField(ci int, f fieldID, dir int, big bool) bool {
	if sp, ok := m.specFor(ci, f); ok {
		old := m.amount(ci, f) // a size steps in its unit
		v := sp.step(old, dir, big)
		if v == old {
			return false
		}
		return m.apply(func(w *model.Workload) { m.setAmount(w, ci, f, v) })
	}
	switch f {
	case fPer:
		return m.apply(func(w *model.Workload) {
			w.Classes[ci].Per = model.Per(cycle(int(w.Classes[ci].Per), dir, 3))
		})
	case fTier:
		return m.apply(func(w *model.Workload) {
			w.Classes[ci].MinTier = model.Tier(cycle(int(w.Classes[ci].MinTier), dir, 3))
		})
	case fBatch:
		// Batch work is a program's: it runs through the API, as the file
		// format has it.
		return m.apply(func(w *model.Workload) {
			c := &w.Classes[ci]
			if c.Batch = !c.Batch; c.Batch {
				c.Via = model.ViaAPI
			}
		})
	case fVia:
		// Chat, agent, api; leaving api ends batch, which only the API takes.
		return m.apply(func(w *model.Workload) {
			c := &w.Classes[ci]
			c.Via = model.Via(cycle(int(c.Channel()), dir, 3))
			if c.Via != model.ViaAPI {
				c.Batch = false
			}
		})
	case fBilling:
		return m.apply(func(w *model.Workload) { w.Billing = model.Billing(cycle(int(w.Billing), dir, 2)) })
	case fLanguage:
		langs := m.languages()
		i := slices.Index(langs, m.w.Language)
		next := langs[cycle(max(i, 0), dir, len(langs))]
		if i < 0 {
			next = langs[0]
		}
		return m.apply(func(w *model.Workload) { w.Language = next })
	case fCurrency:
		return m.cycleCurrency(dir)
	}
	return false
}

func cycle(i, dir, n int) int {
	return ((i+dir)%n + n) % n
}

// cycles reports whether field f steps through a few choices instead of
// taking typed text.
func cycles(f fieldID) bool {
	switch f {
	case fPer, fTier, fBatch, fVia, fBilling:
		return true
	}
	return false
}

// editText is the text an exact edit starts from; ok is false for fields
// that cycle instead of taking text.
func (sh *shared) editText(ci int, f fieldID) (string, bool) {
	if cycles(f) {
		return "", false
	}
	switch f {
	case fLanguage:
		return languageName(sh.w.Language), true // as the pane shows it
	case fCurrency:
		return sh.cur.Code, true
	}
	if isSize(f) {
		return sizeEditText(sh.unitOf(ci, f), sh.amount(ci, f)), true
	}
	v := numValue(&sh.w, ci, f)
	if f == fCache {
		return strconv.FormatFloat(math.Round(v*1000)/10, 'f', -1, 64) + "%", true
	}
	return strconv.FormatFloat(v, 'f', -1, 64), true
}

// checkField validates typed text for field f of class ci without changing
// anything.
func (sh *shared) checkField(ci int, f fieldID, s string) error {
	switch f {
	case fLanguage:
		if _, ok := languageCode(s); !ok {
			return errors.New("a language such as Korean, or its code: ko")
		}
		return nil
	case fCurrency:
		code := strings.ToUpper(strings.TrimSpace(s))
		if _, err := sh.rate(code); err != nil {
			return fmt.Errorf("one of %s", strings.Join(sh.cat.Currencies(), ", "))
		}
		return nil
	}
	sp, _ := sh.specFor(ci, f)
	_, err := checkNumber(f, sp, s)
	return err
}

// setFieldText applies typed text to a field. The text the edit started
// from changes nothing, even where it is a rounding of the value.
func (m *Model) setFieldText(ci int, f fieldID, s string) error {
	if err := m.checkField(ci, f, s); err != nil {
		return err
	}
	if text, ok := m.editText(ci, f); ok && strings.TrimSpace(s) == text {
		return nil
	}
	switch f {
	case fLanguage:
		// The name of the language set, or its code in capitals, changes
		// nothing.
		if lang, _ := languageCode(s); lang != cmp.Or(m.w.Language, model.DefaultLanguage) {
			m.apply(func(w *model.Workload) { w.Language = lang })
		}
		return nil
	case fCurrency:
		m.setCurrency(strings.ToUpper(strings.TrimSpace(s)))
		return nil
	}
	sp, _ := m.specFor(ci, f)
	v, _ := checkNumber(f, sp, s)
	m.apply(func(w *model.Workload) { m.setAmount(w, ci, f, v) })
	return nil
}

// languages are the codes the catalog has factors for, English first.
func (sh *shared) languages() []string {
	seen := map[string]bool{model.DefaultLanguage: true}
	var out []string
	for _, langs := range sh.cat.Tokenizers {
		for l := range langs {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	out = append([]string{model.DefaultLanguage}, out...)
	if sh.w.Language != "" && !seen[sh.w.Language] {
		out = append(out, sh.w.Language)
	}
	return out
}
