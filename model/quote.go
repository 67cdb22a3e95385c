package model

import "math"

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
// that show one word; the Reason says it in full.
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
	Reason   Reason // why it is not eligible, or for a plan the first reason it does not fit
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
	Notes   []Note
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
	Reason       Reason
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

// NoteKind is what a note about a quote says; report words it, in the
// display currency. A new note is a new kind with the fields it needs.
type NoteKind int

// Note kinds.
const (
	NoteNone NoteKind = iota
	// NoteCredit: the plan's API credit, USD a month, covers part of the overflow.
	NoteCredit
	// NoteMinSeats: the plan sells at least Seats seats.
	NoteMinSeats
	// NoteReplaySeats: as NoteMinSeats, for a replay of one person's records,
	// which use one seat's limits.
	NoteReplaySeats
	// NoteNoAnnual: annual billing asked for, the plan has no annual price.
	NoteNoAnnual
	// NoteFactor: the language factor of Model's tokenizer (or, when Model
	// is "", of the plan's serving models) is an estimate, Factor.
	NoteFactor
	// NoteModelStatus: Model is a Status ("legacy" or "preview") model,
	// retiring on Retires when that is known.
	NoteModelStatus
	// NoteModelEstimate: Model's prices are an estimate.
	NoteModelEstimate
	// NoteVendorUncapped: the vendor says the plan has no usage limit.
	NoteVendorUncapped
	// NoteOverage: USD a month of use beyond the included limits, at the
	// plan's own overage price.
	NoteOverage
	// NoteNoLimit: the catalog lists no usage limit, so the plan is taken as uncapped.
	NoteNoLimit
	// NoteLimitEstimate: the WindowHours limit is an estimate; when Ranged,
	// from Low to High of Unit per seat.
	NoteLimitEstimate
	// NoteLimitRange: the WindowHours limit is reported or measured with a
	// spread, from Low to High of Unit per seat: a range, not an estimate,
	// so the note never contradicts the cap's own status.
	NoteLimitRange
)

// Note is one fact beside a quote, with its amounts unformatted.
type Note struct {
	Kind    NoteKind
	Model   string    // the model's name, for notes about one model
	Factor  FactorUse // NoteFactor
	Status  string    // NoteModelStatus
	Retires string    // NoteModelStatus: the day the model retires, YYYY-MM-DD; "" unknown
	Seats   int       // NoteMinSeats, NoteReplaySeats
	USD     float64   // NoteCredit: per month
	// NoteLimitEstimate: the limit's window, unit ("usd", "tokens",
	// "messages") and, when Ranged, the ends of its range per seat.
	WindowHours float64
	Unit        string
	Ranged      bool
	Low, High   float64
}

// limitNote is the note for a limit l that is an estimate or has a range.
func limitNote(l *Limit) Note {
	n := Note{Kind: NoteLimitEstimate, WindowHours: l.WindowHours, Unit: l.Unit(), Ranged: l.Ranged()}
	if l.Confidence != "estimate" && l.Confidence != "" {
		n.Kind = NoteLimitRange // only a spread brings it here
	}
	if n.Ranged {
		n.Low, n.High = l.CapacityLow(), l.CapacityHigh()
	}
	return n
}

// ReasonKind is what a Reason says; package report words it.
type ReasonKind int

// Reason kinds.
const (
	ReasonNone ReasonKind = iota
	// ReasonNoModels: the plan lists no model in the catalog.
	ReasonNoModels
	// ReasonTier: the class needs NeedTier; Model (or, when "", the plan's
	// best) is HaveTier.
	ReasonTier
	// ReasonContext: the class needs Need tokens of context; Model (or the
	// plan) gives Have.
	ReasonContext
	// ReasonOutput: the class needs Need output tokens per turn; Model gives
	// Have (or, when Model is "", the plan's models give less).
	ReasonOutput
	// ReasonVia: the plan does not take work reaching it by Via.
	ReasonVia
	// ReasonCaps: over the usage limits, Share of the tasks overflow.
	ReasonCaps
	// ReasonNoModel: (a mix's class) no model can take it.
	ReasonNoModel
	// ReasonNoModelInScope: (a mix) no model in its scope can take a class.
	ReasonNoModelInScope
	// ReasonOverage: over the included limits, billed at the plan's overage price.
	ReasonOverage
	// ReasonNoClasses: the workload has no classes.
	ReasonNoClasses

	// Reasons of a replay of the user's records.

	// ReasonCarriesNone: the plan carries none of the work (or of the
	// records), for Inner, whose amounts are this reason's.
	ReasonCarriesNone
	// ReasonRecordsOverCaps: the plan carries none of the records: every one
	// is over the usage limits.
	ReasonRecordsOverCaps
	// ReasonOverflowNoRoute: an overflowing record fits no API model.
	ReasonOverflowNoRoute
	// ReasonRecordsOverflow: N of Of records overflow, Misfit of them because
	// they do not fit the plan.
	ReasonRecordsOverflow
	// ReasonRecordsBeyond: N of Of records ran beyond a limit's allowance
	// and were billed at the plan's overage price.
	ReasonRecordsBeyond
	// ReasonRecordFitsNone: the record of Time (Unix ms), Need tokens, fits
	// no model in scope.
	ReasonRecordFitsNone
	// ReasonRecordTier: records of the model Logged need NeedTier; Model is
	// HaveTier.
	ReasonRecordTier
	// ReasonRecordContext, ReasonRecordOutput: a record needs Need tokens of
	// context or output; Model gives Have.
	ReasonRecordContext
	ReasonRecordOutput
	// ReasonRecordsMisfit: no plan model of the records' tier and size.
	ReasonRecordsMisfit
	// ReasonRecordsCaps: the records are over the usage limits.
	ReasonRecordsCaps
	// ReasonRecordsTier: the records need a higher tier than the plan's models.
	ReasonRecordsTier
	// ReasonRecordsSize: no record fits the plan's context window or output limit.
	ReasonRecordsSize
)

// Reason is why an option or a class does not fit, with its amounts
// unformatted.
type Reason struct {
	Kind ReasonKind
	// Class is the class a quote's reason is about; "" in a class's own
	// reason and in reasons about records.
	Class              string
	Model              string // the model's name, where one is named
	Need, Have         float64
	NeedTier, HaveTier Tier
	Via                Via
	Share              float64 // ReasonCaps: of the tasks
	N, Of, Misfit      int
	Time               int64 // ReasonRecordFitsNone: Unix milliseconds
	// NoRoute adds that no API model can take the overflow.
	NoRoute bool
	// Inner is the reason under ReasonCarriesNone (ReasonVia with Via).
	Inner ReasonKind
	// Logged is the model records ran on, as the logs name it.
	Logged string
}

// Given reports whether r says anything.
func (r Reason) Given() bool { return r.Kind != ReasonNone }

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

// CostChange is how much q's monthly cost moved from was, the same
// option's (or the one it stands in for) in another evaluation: USD, more
// when positive. False, with 0, when there is no cost to compare: q cannot
// carry the work, or was is no cost (infinite or NaN), where a move of NaN
// would pass for one.
func (q *Quote) CostChange(was float64) (float64, bool) {
	if !q.Eligible || math.IsInf(was, 0) || math.IsNaN(was) {
		return 0, false
	}
	return q.Monthly - was, true
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
