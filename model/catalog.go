package model

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
	Status        string  // active | legacy | preview | retired
	Provenance
}

// Usable reports whether the model can still be bought.
func (m *APIModel) Usable() bool { return m.Status != "retired" }

// Limit is one usage limit of a subscription, per seat.
type Limit struct {
	WindowHours     float64
	Messages        float64 // capacity in messages, or
	Tokens          float64 // capacity in tokens (exactly one is > 0)
	ReferenceTokens float64 // a message above this size counts as several; 0 = every turn is one
	Tiers           []Tier  // when set, only classes whose MinTier is listed count
	Confidence      string
	Note            string
}

// Counts reports whether a class of minimum tier t counts against l.
func (l *Limit) Counts(t Tier) bool {
	if len(l.Tiers) == 0 {
		return true
	}
	for _, x := range l.Tiers {
		if x == t {
			return true
		}
	}
	return false
}

// Capacity is the limit's size in its own unit.
func (l *Limit) Capacity() float64 {
	if l.Tokens > 0 {
		return l.Tokens
	}
	return l.Messages
}

// Unit names the limit's unit.
func (l *Limit) Unit() string {
	if l.Tokens > 0 {
		return "tokens"
	}
	return "messages"
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
	ContextWindow    float64  // 0 = the largest of its models'
	Limits           []Limit
	APICreditMonthly float64 // per seat
	Status           string
	Provenance
}

// Catalog is every offer the engine can price.
type Catalog struct {
	AsOf       string
	Tokenizers map[string]map[string]float64 // tokenizer → language → factor
	Models     []APIModel
	Plans      []Subscription
}

// Model returns the API model with the given id.
func (c *Catalog) Model(id string) (*APIModel, bool) {
	for i := range c.Models {
		if c.Models[i].ID == id {
			return &c.Models[i], true
		}
	}
	return nil, false
}

// Factor is the language factor of a tokenizer, and whether the catalog knows
// it. English, an empty language and an empty tokenizer are 1 by definition;
// an unknown factor is taken as 1 and reported by the caller.
func (c *Catalog) Factor(tokenizer, lang string) (float64, bool) {
	if lang == "" || lang == "en" || tokenizer == "" {
		return 1, true
	}
	if f, ok := c.Tokenizers[tokenizer][lang]; ok && f > 0 {
		return f, true
	}
	return 1, false
}
