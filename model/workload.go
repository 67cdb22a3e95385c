// Package model is the cost engine of tokenomics: a workload, the offers of a
// price catalog, and the quotes that price one against the other. It is pure:
// no I/O, no parsing, no UI. The rules are those of DESIGN.md ("The cost model").
package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tier is a capability tier; a class may require a minimum.
type Tier int

// Tiers in rising order of capability.
const (
	Small Tier = iota
	Mid
	Frontier
)

var tierNames = []string{"small", "mid", "frontier"}

func (t Tier) String() string { return enumName(t, "tier", tierNames) }

// ParseTier reads "small", "mid" or "frontier".
func ParseTier(s string) (Tier, bool) { return parseEnum[Tier](s, tierNames) }

// Per is the period a class count refers to.
type Per int

// Periods of a class count.
const (
	PerDay Per = iota
	PerWeek
	PerMonth
)

var perNames = []string{"day", "week", "month"}

func (p Per) String() string { return enumName(p, "per", perNames) }

// ParsePer reads "day", "week" or "month".
func ParsePer(s string) (Per, bool) { return parseEnum[Per](s, perNames) }

// Billing is how subscriptions are paid.
type Billing int

// Billing periods.
const (
	Monthly Billing = iota
	Annual
)

var billingNames = []string{"monthly", "annual"}

func (b Billing) String() string { return enumName(b, "billing", billingNames) }

// ParseBilling reads "monthly" or "annual".
func ParseBilling(s string) (Billing, bool) { return parseEnum[Billing](s, billingNames) }

// Unit is what a class's input or output size is written and shown in. The
// size itself is always held in English-equivalent tokens, which is all the
// engine reads; the unit only remembers how the person described it, so the
// file and the app can give it back that way. Converting words and pages of
// the workload's language to tokens is plans' job (with package tokencount's
// figures), not the engine's.
type Unit int

// Units of a size. The zero value is tokens.
const (
	UnitTokens Unit = iota
	UnitWords
	UnitPages
)

var unitNames = []string{"tokens", "words", "pages"}

func (u Unit) String() string { return enumName(u, "unit", unitNames) }

// ParseUnit reads "tokens", "words" or "pages".
func ParseUnit(s string) (Unit, bool) { return parseEnum[Unit](s, unitNames) }

// Class is one kind of task the user gives to AI. Token counts are
// English-equivalent tokens; the language factor of each tokenizer scales them.
type Class struct {
	Name            string
	Count           float64 // tasks per Per
	Per             Per
	InputTokens     float64 // first message, documents included
	OutputTokens    float64 // per turn
	InputUnit       Unit    // how InputTokens was given and is shown; the engine ignores it
	OutputUnit      Unit    // how OutputTokens was given and is shown
	ReasoningTokens float64 // per turn, billed as output
	Turns           int     // at least 1
	FollowupTokens  float64 // new user text in each later turn
	CacheHit        float64 // share of input billed at the cached rate, in [0,1]
	Batch           bool    // implies Via api
	MinTier         Tier
	Via             Via // who runs it: a person in chat, a person with an agent CLI, or a program
}

// Channel is how the class reaches a model: batch work is a program's, so
// it is api whatever Via says (loaders reject a batch class that says
// otherwise; this keeps values built in code to the same rule).
func (c *Class) Channel() Via {
	if c.Batch {
		return ViaAPI
	}
	return c.Via
}

// Workload is what a person or team does with AI in a month.
type Workload struct {
	Name         string
	Description  string // one line, shown with presets
	Currency     string // display currency code; prices stay USD
	DaysPerMonth float64
	HoursPerDay  float64
	People       int
	Language     string
	Billing      Billing
	Current      string // id of the plan the user pays for now; "" = none
	// Budget is what the user means to spend a month, in Currency (USD when
	// empty); 0 = none. Display and verdict only: it never changes a price.
	Budget  float64
	Classes []Class
}

// MaxBudget bounds a budget: more than any team's AI bill in any currency,
// small enough to print.
const MaxBudget = 1e15

// Defaults of DESIGN.md, used by NewWorkload and by the file loader.
const (
	DefaultDaysPerMonth = 22
	DefaultHoursPerDay  = 8
	DefaultLanguage     = "en"
)

// NewWorkload returns an empty workload with the documented defaults.
func NewWorkload(name string) Workload {
	return Workload{Name: name, DaysPerMonth: DefaultDaysPerMonth, HoursPerDay: DefaultHoursPerDay, People: 1, Language: DefaultLanguage}
}

// NewClass returns a class with the documented defaults (one turn, per day).
func NewClass(name string) Class {
	return Class{Name: name, Per: PerDay, Turns: 1}
}

// TasksPerMonth converts a class count to tasks per month:
// per day → n·D; per week → n·52/12; per month → n.
func (w Workload) TasksPerMonth(c Class) float64 {
	switch c.Per {
	case PerDay:
		return c.Count * w.DaysPerMonth
	case PerWeek:
		return c.Count * 52 / 12
	default:
		return c.Count
	}
}

// TotalTasks is the number of tasks per month over all classes.
func (w Workload) TotalTasks() float64 {
	t := 0.0
	for _, c := range w.Classes {
		t += w.TasksPerMonth(c)
	}
	return t
}

// Scaled returns a copy of w with every class count multiplied by k.
func (w Workload) Scaled(k float64) Workload {
	out := w
	out.Classes = make([]Class, len(w.Classes))
	for i, c := range w.Classes {
		c.Count *= k
		out.Classes[i] = c
	}
	return out
}

// Validate reports the first field that breaks the rules of the cost model.
// Loaders give positions; this is the last line of defence for values built
// in code or edited in the app.
func (w Workload) Validate() error {
	if err := checkNameLength(w.Name); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if err := checkLength(w.Description, "a description", MaxDescription); err != nil {
		return fmt.Errorf("description: %w", err)
	}
	if !(w.DaysPerMonth > 0 && w.DaysPerMonth <= 31) {
		return fmt.Errorf("days_per_month: %v is not in (0, 31]", w.DaysPerMonth)
	}
	if !(w.HoursPerDay > 0 && w.HoursPerDay <= 24) {
		return fmt.Errorf("hours_per_day: %v is not in (0, 24]", w.HoursPerDay)
	}
	if w.People < 1 || w.People > MaxPeople {
		return fmt.Errorf("people: %d is not in [1, %d]", w.People, MaxPeople)
	}
	if w.Billing != Monthly && w.Billing != Annual {
		return fmt.Errorf("billing: %v is not monthly or annual", int(w.Billing))
	}
	if len(w.Classes) > MaxClasses {
		return fmt.Errorf("classes: %d classes; at most %d", len(w.Classes), MaxClasses)
	}
	if !(w.Budget >= 0 && w.Budget <= MaxBudget) {
		return fmt.Errorf("budget: %v is not a monthly amount from 0 (none) to %g", w.Budget, float64(MaxBudget))
	}
	seen := make(map[string]bool, len(w.Classes))
	for i, c := range w.Classes {
		if err := c.Validate(); err != nil {
			return fmt.Errorf("classes[%d].%w", i, err)
		}
		// Quotes and saved files identify classes by name.
		if seen[c.Name] {
			return fmt.Errorf("classes[%d].name: %q is used twice", i, c.Name)
		}
		seen[c.Name] = true
	}
	return nil
}

// MaxTokens bounds every token field: far beyond any context window, small
// enough that sums stay exact in float64.
const MaxTokens = 1e9

// MaxCount bounds a class count (tasks per period).
const MaxCount = 1e7

// MaxTurns bounds a class's requests per task, MaxPeople a workload's
// people (each counts from 1).
const (
	MaxTurns  = 1000
	MaxPeople = 100000
)

// MaxClasses bounds a workload's classes: far more kinds of task than anyone
// describes, few enough that a workload file cannot make every comparison
// slow.
const MaxClasses = 1000

// MaxName bounds a workload's or a class's name, in characters: a name is a
// label the app, the tables and the JSON show on one line, where far fewer
// show whole; a longer one is a file gone wrong, not a name. A class derived
// from logs ("Long-context tasks 2 · " and a model name, which the logs'
// reader keeps to 128 bytes) fits.
const MaxName = 256

// MaxDescription bounds a workload's description, in characters: one line
// shown beside its name, longer than any terminal shows whole; a longer one
// is a file gone wrong, as a name over MaxName is.
const MaxDescription = 2000

// checkNameLength says why name is too long to be a name, nil when it is not.
func checkNameLength(name string) error { return checkLength(name, "a name", MaxName) }

// checkLength says why s is too long to be what (at most most characters),
// nil when it is not.
func checkLength(s, what string, most int) error {
	if n := utf8.RuneCountInString(s); n > most {
		return fmt.Errorf("is %d characters long; %s has at most %d", n, what, most)
	}
	return nil
}

// CheckClassName says why name cannot name a class, nil when it can.
// Quotes, the app and saved files know a class by its name, so it is one
// line of printable text, not blank and at most MaxName characters (and
// unique in its workload, which Workload.Validate checks).
func CheckClassName(name string) error {
	if err := checkNameLength(name); err != nil {
		return err
	}
	for _, r := range name {
		if !strconv.IsPrint(r) {
			return fmt.Errorf("must be one line of printable text (found %U)", r)
		}
	}
	if strings.TrimSpace(name) == "" {
		return errors.New("must not be empty")
	}
	return nil
}

// Validate reports the first field of c that is out of range.
func (c Class) Validate() error {
	if err := CheckClassName(c.Name); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	check := func(field string, v, hi float64) error {
		if !(v >= 0 && v <= hi) { // also rejects NaN
			return fmt.Errorf("%s: %v is not in [0, %g]", field, v, hi)
		}
		return nil
	}
	if err := check("count", c.Count, MaxCount); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"input_tokens", c.InputTokens}, {"output_tokens", c.OutputTokens}, {"reasoning_tokens", c.ReasoningTokens}, {"followup_tokens", c.FollowupTokens}} {
		if err := check(f.name, f.v, MaxTokens); err != nil {
			return err
		}
	}
	if err := check("cache_hit", c.CacheHit, 1); err != nil {
		return err
	}
	if c.Turns < 1 || c.Turns > MaxTurns {
		return fmt.Errorf("turns: %d is not in [1, %d]", c.Turns, MaxTurns)
	}
	if c.Per < PerDay || c.Per > PerMonth {
		return fmt.Errorf("per: %v is not day, week or month", c.Per)
	}
	if c.Via < ViaChat || c.Via > ViaAPI {
		return fmt.Errorf("via: %v is not chat, agent or api", c.Via)
	}
	if c.MinTier < Small || c.MinTier > Frontier {
		return fmt.Errorf("min_tier: %v is not small, mid or frontier", c.MinTier)
	}
	for _, u := range []struct {
		name string
		u    Unit
	}{{"input_tokens", c.InputUnit}, {"output_tokens", c.OutputUnit}} {
		if u.u < UnitTokens || u.u > UnitPages {
			return fmt.Errorf("%s: the unit %v is not tokens, words or pages", u.name, u.u)
		}
	}
	return nil
}

// enumName is the name of an enumeration's value, or kind(v) out of range.
func enumName[T ~int](v T, kind string, names []string) string {
	if v < 0 || int(v) >= len(names) {
		return fmt.Sprintf("%s(%d)", kind, int(v))
	}
	return names[v]
}

// parseEnum reads one of an enumeration's names.
func parseEnum[T ~int](s string, names []string) (T, bool) {
	i := slices.Index(names, s)
	return T(max(i, 0)), i >= 0
}
