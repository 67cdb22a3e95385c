package usage

// NoteKind is what a note about the logs or the workload derived from them
// says; package report words it. A new note is a new kind with the fields
// it needs.
type NoteKind int

// Notes of a Summary.
const (
	NoteNone NoteKind = iota
	// NoteNoModel: N requests name no model; Tokens counted, cost unknown.
	NoteNoModel
	// NoteUnpricedModel: Model is not in the catalog; its Tokens are counted.
	NoteUnpricedModel
	// NotePricedAs: Model is priced as catalog model ID, by Rule.
	NotePricedAs
	// NoteSynthetic: N lines of model Model (Claude Code's own notices) skipped.
	NoteSynthetic
	// NoteCacheWrite1h: Tokens of 1-hour cache writes priced at the
	// cache-write rate of models without a 1-hour price.
	NoteCacheWrite1h
	// NoteFast: N requests in fast mode, priced at the standard rates.
	NoteFast
)

// Notes of a Derived workload.
const (
	// NoteTaskRule: what a task is and when it is long-context (Tokens) or
	// agentic (N requests).
	NoteTaskRule NoteKind = iota + 100
	// NoteModels: the logs use N models, each with its own classes; Shares
	// of the API cost, largest first.
	NoteModels
	// NoteUnpricedClasses: classes on the models Names the catalog lacks.
	NoteUnpricedClasses
	// NoteShortSpan: the logs cover Span days; DaysPerMonth is left as it was.
	NoteShortSpan
	// NoteDays: DaysPerMonth from Active days in Span; HoursPerDay.
	NoteDays
	// NoteMinTier: min_tier is the tier of the model that did the work.
	NoteMinTier
	// NoteUnprintable: the model Names, as the logs wrote them, held
	// characters a class name cannot (invisible, bidi or control); the
	// classes name them without those characters.
	NoteUnprintable
	// NoteShifted: in N classes the output not carried into the next prompt
	// is given as reasoning.
	NoteShifted
	// NoteSplit: N classes split by the share of prompt tokens above a
	// long-context tier.
	NoteSplit
	// NoteRefined: in N classes the cache hit carries the tier's cost.
	NoteRefined
	// NoteFewer: in N classes, fewer, larger turns reach the tier.
	NoteFewer
	// NoteCapped: N classes average more than 1,000 requests a task.
	NoteCapped
)

// Note is one fact about the logs or the workload derived from them, its
// amounts unformatted.
type Note struct {
	Kind                      NoteKind
	N                         int64
	Model, ID, Rule           string
	Tokens                    float64
	Names                     []string // NoteUnpricedClasses, NoteUnprintable
	Shares                    []Share  // NoteModels
	Active, Span              int      // days
	DaysPerMonth, HoursPerDay float64
}

// Share is one model's share of the logs' API cost.
type Share struct {
	Model string
	Share float64 // of 1
}
