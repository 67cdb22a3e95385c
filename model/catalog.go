package model

import "slices"

// Rates are prices in USD per 1,000,000 tokens. A nil cache price means the
// offer has none: cached input is then billed at Input, writes at Input.
// CacheWrite is the price of a default (Anthropic: 5-minute) cache write,
// CacheWrite1h that of a 1-hour one; a nil CacheWrite1h bills 1-hour writes
// at CacheWrite.
type Rates struct {
	Input        float64
	Output       float64
	CacheRead    *float64
	CacheWrite   *float64
	CacheWrite1h *float64
}

// LongContext re-prices a whole request once its input exceeds Threshold.
type LongContext struct {
	Threshold float64
	Rates
}

// Provenance says where a figure came from and how sure we are.
type Provenance struct {
	Confidence string // official | reported | estimate | "" (unknown)
	Source     string
	AsOf       string // YYYY-MM-DD
	Note       string
}

// APIModel is one per-token API offer.
type APIModel struct {
	ID        string
	Provider  string
	Name      string
	Tier      Tier
	Tokenizer string
	Rates
	BatchDiscount float64 // fraction off, 0 = no batch price
	LongContext   *LongContext
	ContextWindow float64
	MaxOutput     float64 // 0 = no cap
	Status        string  // active | legacy | preview | retired: the status before any dated one below
	// The dates (YYYY-MM-DD) from which the model is deprecated (legacy) and
	// retired, as the vendor announced them; "" = none announced. A retired
	// model still prices usage logs, but is never offered: not as an API
	// option, not as a plan's serving model.
	Deprecated, Retired string
	Provenance
}

// Usable reports whether the model can still be bought, by its status alone
// (a catalog whose dated statuses were applied: see Catalog.Offered).
func (m *APIModel) Usable() bool { return m.Status != "retired" }

// StatusOn is the model's status on date (YYYY-MM-DD): retired from its
// retirement date, legacy from its deprecation date (a status of retired
// stays retired), else its Status. An empty date leaves the dates out.
func (m *APIModel) StatusOn(date string) string {
	switch {
	case date == "" || m.Status == "retired":
		return m.Status
	case m.Retired != "" && date >= m.Retired: // YYYY-MM-DD: text order is date order
		return "retired"
	case m.Deprecated != "" && date >= m.Deprecated:
		return "legacy"
	}
	return m.Status
}

// Via is how a class reaches a model: a person in a vendor's chat app, a
// person driving a coding-agent CLI, or a program through the API.
type Via int

// Channels, in the order the file format lists them. The zero value is chat.
const (
	ViaChat Via = iota
	ViaAgent
	ViaAPI
)

var viaNames = []string{"chat", "agent", "api"}

func (v Via) String() string { return enumName(v, "via", viaNames) }

// ParseVia reads "chat", "agent" or "api".
func ParseVia(s string) (Via, bool) { return parseEnum[Via](s, viaNames) }

// Limit is one usage limit of a subscription, per seat. Its capacity is in
// exactly one unit: messages, tokens or usd (API-equivalent dollars of the
// work on the plan's serving model at list prices).
type Limit struct {
	WindowHours     float64
	Messages        float64 // capacity in messages, or
	Tokens          float64 // capacity in tokens, or
	USD             float64 // capacity in API-equivalent dollars (exactly one is > 0)
	Low, High       float64 // the range of an uncertain capacity, same unit; 0 = no bound given
	ReferenceTokens float64 // a message above this size counts as several; 0 = every turn is one
	Tiers           []Tier  // when set, only classes whose serving model's tier is listed count
	Models          []string
	Via             []Via // when set, only classes reaching the plan this way count
	// Weights count the work of a serving model (by id) as this many units
	// per unit (Copilot's premium-request multipliers); a model not listed
	// weighs 1, one of weight 0 is not counted at all.
	Weights map[string]float64
	// Overage is the price in USD of each unit beyond the capacity, billed
	// by the plan itself: work over such a limit stays on the plan at this
	// price instead of overflowing to the API. 0 = none (it overflows).
	Overage    float64
	Confidence string
	Note       string
}

// Weight is how many units one unit of model's work counts for: its
// Weights entry, else 1.
func (l *Limit) Weight(model string) float64 {
	if w, ok := l.Weights[model]; ok {
		return w
	}
	return 1
}

// Counts reports whether a class served by a model of tier t and id model,
// reaching the plan by via, counts against l: each scope applies when given.
func (l *Limit) Counts(t Tier, model string, via Via) bool {
	return (len(l.Tiers) == 0 || slices.Contains(l.Tiers, t)) &&
		(len(l.Models) == 0 || slices.Contains(l.Models, model)) &&
		(len(l.Via) == 0 || slices.Contains(l.Via, via))
}

// Capacity is the limit's size in its own unit.
func (l *Limit) Capacity() float64 {
	switch {
	case l.Tokens > 0:
		return l.Tokens
	case l.USD > 0:
		return l.USD
	}
	return l.Messages
}

// CapacityLow and CapacityHigh are the ends of the capacity's range: the
// capacity itself where no bound is given.
func (l *Limit) CapacityLow() float64 {
	if l.Low > 0 {
		return l.Low
	}
	return l.Capacity()
}

// CapacityHigh: see CapacityLow.
func (l *Limit) CapacityHigh() float64 {
	if l.High > 0 {
		return l.High
	}
	return l.Capacity()
}

// Ranged reports whether the capacity is given as a range.
func (l *Limit) Ranged() bool {
	return l.CapacityLow() != l.Capacity() || l.CapacityHigh() != l.Capacity()
}

// Unit names the limit's unit.
func (l *Limit) Unit() string {
	switch {
	case l.Tokens > 0:
		return "tokens"
	case l.USD > 0:
		return "usd"
	}
	return "messages"
}

// Scale multiplies every capacity of l (and its range) by f.
func (l *Limit) Scale(f float64) {
	l.Messages *= f
	l.Tokens *= f
	l.USD *= f
	l.Low *= f
	l.High *= f
}

// Subscription is a flat-price plan.
type Subscription struct {
	ID               string
	Vendor           string
	Name             string
	PriceMonthly     float64  // per seat
	PriceAnnual      *float64 // per seat per year, when offered
	SeatsMin         int
	Models           []string // API model ids the plan gives access to
	Serves           []Via    // who may use it: chat and/or agent; nil = chat only
	ContextWindow    float64  // 0 = no plan-wide cap: each model's own window
	Uncapped         bool     // the vendor says there is no usage limit (Limits is then empty)
	Limits           []Limit
	APICreditMonthly float64 // per seat
	Status           string
	Provenance
}

// Free reports whether the plan costs nothing.
func (s *Subscription) Free() bool { return s.PriceMonthly == 0 }

// Allows reports whether a class reaching the plan by v may use it: a
// program (api) never may; chat and agent work as the plan serves.
func (s *Subscription) Allows(v Via) bool {
	if v == ViaAPI {
		return false
	}
	if len(s.Serves) == 0 {
		return v == ViaChat
	}
	return slices.Contains(s.Serves, v)
}

// Catalog is every offer the engine can price.
type Catalog struct {
	AsOf string
	// Date is the day the catalog is evaluated on (YYYY-MM-DD), against which
	// models' dated statuses hold. The engine reads no clock: the caller sets
	// it from its own (tests fix it); "" means AsOf.
	Date       string
	Tokenizers map[string]map[string]float64 // tokenizer → language → factor (its point value)
	// FactorRanges are the ends {low, high} of the estimated factors:
	// tokenizer → language → range. A factor without one is exact.
	FactorRanges map[string]map[string][2]float64
	Models       []APIModel
	Plans        []Subscription
}

// On is the day the catalog is evaluated on: Date, else AsOf.
func (c *Catalog) On() string {
	if c.Date != "" {
		return c.Date
	}
	return c.AsOf
}

// Offered reports whether m may be offered on the catalog's day: as an API
// option, a route for overflow, or a plan's serving model. A retired model
// is not, though it still prices what a log recorded.
func (c *Catalog) Offered(m *APIModel) bool { return m.StatusOn(c.On()) != "retired" }

// Model returns the API model with the given id.
func (c *Catalog) Model(id string) (*APIModel, bool) {
	for i := range c.Models {
		if c.Models[i].ID == id {
			return &c.Models[i], true
		}
	}
	return nil, false
}

// Plan returns the subscription with the given id.
func (c *Catalog) Plan(id string) (*Subscription, bool) {
	for i := range c.Plans {
		if c.Plans[i].ID == id {
			return &c.Plans[i], true
		}
	}
	return nil, false
}

// Factor is the point value of a tokenizer's language factor, and whether the
// catalog gives it (ranged or not) rather than the engine estimating it. See
// Lambda for the rules.
func (c *Catalog) Factor(tokenizer, lang string) (float64, bool) {
	l := c.Lambda(tokenizer, lang)
	return l.Value, !l.Median && !l.NoData
}

// Lambda is a language factor λ with its range: how many tokens a model's
// tokenizer needs for a text in a language, relative to what o200k_base
// needs for the same text in English (the unit workload tokens count in).
type Lambda struct {
	Value, Low, High float64
	// Estimated: the factor rests on an estimate, a ranged catalog figure
	// or (Median) the catalog's median for the language; NoData: no
	// tokenizer has the language, so it is 1 with no range.
	Estimated, Median, NoData bool
}

// Ranged reports whether λ's ends differ from its point.
func (l Lambda) Ranged() bool { return l.Low != l.Value || l.High != l.Value }

// Lambda is the factor of tokenizer for lang: the catalog's figure (ranged
// when it gives low and high), English 1 when the tokenizer has no en
// figure, and otherwise the median of every tokenizer's figure for the
// language with the smallest and largest as its ends; 1 when no tokenizer
// has the language. An empty lang is English; an empty tokenizer has no
// figures of its own.
func (c *Catalog) Lambda(tokenizer, lang string) Lambda {
	if lang == "" {
		lang = DefaultLanguage
	}
	if f, ok := c.Tokenizers[tokenizer][lang]; ok && tokenizer != "" && f > 0 {
		l := Lambda{Value: f, Low: f, High: f}
		if r, ok := c.FactorRanges[tokenizer][lang]; ok {
			l.Low, l.High, l.Estimated = r[0], r[1], true
		}
		return l
	}
	if lang == DefaultLanguage {
		return Lambda{Value: 1, Low: 1, High: 1}
	}
	var fs []float64
	for _, langs := range c.Tokenizers {
		if f, ok := langs[lang]; ok && f > 0 {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return Lambda{Value: 1, Low: 1, High: 1, Estimated: true, NoData: true}
	}
	slices.Sort(fs)
	n := len(fs)
	med := fs[n/2]
	if n%2 == 0 {
		med = (fs[n/2-1] + fs[n/2]) / 2
	}
	return Lambda{Value: med, Low: fs[0], High: fs[n-1], Estimated: true, Median: true}
}

// WithoutFree is a copy of c without its free plans, for a buyer who asks to
// leave them out (compare --no-free). The copy shares everything else with c.
func (c *Catalog) WithoutFree() *Catalog {
	out := *c
	out.Plans = make([]Subscription, 0, len(c.Plans))
	for _, p := range c.Plans {
		if !p.Free() {
			out.Plans = append(out.Plans, p)
		}
	}
	return &out
}
