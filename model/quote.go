package model

// Kind is the kind of an option.
type Kind int

// Option kinds.
const (
	KindSubscription Kind = iota
	KindAPI
	KindMix
)

func (k Kind) String() string {
	switch k {
	case KindSubscription:
		return "subscription"
	case KindAPI:
		return "api"
	default:
		return "mix"
	}
}

// Why is the kind of reason an option or class does not fit, for screens
// that show one word; the Reason text says it in full.
type Why int

// Reasons, in the order a class is checked.
const (
	WhyNone    Why = iota
	WhyTier        // needs a higher capability tier
	WhyContext     // exceeds the context window
	WhyOutput      // exceeds the output limit per turn
	WhyCaps        // over a plan's usage limits
	WhyNoRoute     // nothing can take it (no model, or no API model for a plan's overflow)
	WhyVia         // the plan does not serve the class's channel (api work, or agent work on a chat plan)
)

var whyNames = [...]string{"", "tier", "context", "output", "caps", "no route", "via"}

func (w Why) String() string {
	if w < WhyNone || w > WhyVia {
		return "?"
	}
	return whyNames[w]
}

// Quote is the price of the whole workload on one option.
type Quote struct {
	ID       string // plan id, "api:<model id>", "mix:all" or "mix:<provider>"
	Name     string
	Kind     Kind
	Vendor   string // plan vendor or model provider; "" for the all-provider mix
	Eligible bool   // the option can carry the whole workload (with overflow for plans)
	Fits     bool   // no overflow at all (plans); every class feasible (API)
	Reason   string // why it is not eligible, or for a plan the first reason it does not fit
	Why      Why    // the kind of Reason

	Monthly float64 // effective monthly cost, USD
	// MonthlyLow is the effective cost with every limit at the high end of
	// its range and every estimated language factor at its low end (routes
	// and serving models chosen again there); MonthlyHigh the other way
	// round. Both equal Monthly when nothing the option uses is estimated,
	// and +Inf where the option cannot carry the work at that end.
	MonthlyLow, MonthlyHigh float64
	Base                    float64 // plans: seats × price; API and mixes: Monthly
	SeatPrice               float64 // plans: the price of one seat a month, at the billing in use
	Overflow                float64 // plans: what the work beyond the limits costs: overflow priced on API models, after credit, plus Overage
	Overage                 float64 // plans: units beyond limits with an overage price, billed by the plan (part of Overflow)
	Credit                  float64 // plans: API credit used against the overflow
	PerTask                 float64 // Monthly / all tasks per month (0 without tasks)
	Seats                   int     // plans
	Free                    bool    // plans: the price is 0

	Capped      bool    // the plan has usage limits, so Utilization applies
	Estimated   bool    // some limit is an estimate or a range: the cost rests on it
	Utilization float64 // largest utilization of any limit

	HasBreakEven bool
	BreakEven    float64 // k* where the plan costs as much as the best API option

	HasSaving bool    // mixes: compared with the cheapest eligible single model in scope
	Saving    float64 // USD per month the mix saves over that model
	SavingVs  string  // that model's name

	// Providers is how many providers' models the option's API work runs
	// on (API options 1; a mix each provider it routes to; plans 0).
	Providers int
	// Factors are the estimated language factors the option uses at its
	// point (of the models it runs on, or a plan's serving models).
	Factors []FactorUse

	Classes []ClassQuote
	Limits  []LimitUse
	Notes   []string
	Sources []Source
}

// ClassQuote is one class's share of a quote.
type ClassQuote struct {
	Name         string
	Via          Via
	Tasks        float64 // per month
	OnPlan       float64 // plans: tasks the plan itself serves
	Serving      string  // plans: id of the plan's model that serves the class, "" when it does not fit
	Model        string  // API model id that carries the (overflowing) tasks, "" if none
	ModelName    string
	InputTokens  float64 // per month, in the option's tokenizer
	OutputTokens float64 // per month, output and reasoning
	Cost         float64 // USD per month on API models (0 when all on the plan)
	Fits         bool
	Reason       string
	Why          Why
}

// LimitUse is one usage limit with the workload's demand on it.
type LimitUse struct {
	Limit
	Demand      float64 // units per window per seat
	Utilization float64 // Demand / capacity
}

// Source is the provenance of one catalog entry a quote relies on.
type Source struct {
	ID   string
	Name string
	Provenance
}

// Fit says how an option, or one class of work on it, is carried: the one
// status every view shows for it.
type Fit int

const (
	FitAll    Fit = iota // carried whole
	FitPartly            // carried, part of it past the plan: overflow to API models or overage
	FitNone              // not carried
)

// Fit is how the option carries the whole workload.
func (q *Quote) Fit() Fit {
	switch {
	case !q.Eligible:
		return FitNone
	case !q.Fits:
		return FitPartly
	}
	return FitAll
}

// ClassFit is how the option carries its class i: a plan's class that
// overflows to an API model is carried partly, as the option is.
func (q *Quote) ClassFit(i int) Fit {
	c := &q.Classes[i]
	switch {
	case c.Fits:
		return FitAll
	case q.Kind == KindSubscription && c.Model != "":
		return FitPartly
	}
	return FitNone
}
