package calibrate

// NoteKind is what a note of a measurement says; package report words it.
// A new note is a new kind with the fields it needs.
type NoteKind int

// Note kinds.
const (
	NoteNone NoteKind = iota
	// NoteContradiction: the Hours limit measured at USD is below the
	// OtherHours one measured at OtherUSD; neither is saved.
	NoteContradiction
	// NoteNoSnapshots: the logs hold no rate-limit snapshot.
	NoteNoSnapshots
	// NoteUnknownPlanType: the logs' plan type Text has no plan in the catalog.
	NoteUnknownPlanType
	// NotePlanTypes: the logs show N plan types (Text); only windows of Plan
	// ("" when none is named) are measured.
	NotePlanTypes
	// NoteShareFell: an Hours window's used share fell from From to To
	// percent with no reset between.
	NoteShareFell
	// NoteSkipped: N of Unit were left out, for Skip (with Text).
	NoteSkipped
	// NoteSnapshots: N snapshots in Of window instances, Done measured, each
	// a rise of Points or more.
	NoteSnapshots
	// NoteScopedNotices: N notices about one model's own limit, left out.
	NoteScopedNotices
	// NoteExtraUsage: N "out of extra usage" notices, left out.
	NoteExtraUsage
	// NoteReached: N limits reached (Of notices), Done measured.
	NoteReached
	// NoteNoCatalogPlan: the catalog has no plan Plan to compare with.
	NoteNoCatalogPlan
	// NoteNothingMeasured: nothing saved, for nothing was measured.
	NoteNothingMeasured
	// NoteAllContradict: nothing saved, for the measurements contradict each other.
	NoteAllContradict
	// NoteSnapshotsLeftOut: N snapshot windows without a length, a share
	// or a reset time, left out.
	NoteSnapshotsLeftOut
)

// Unit is what a NoteSkipped counts.
type Unit int

// Units.
const (
	UnitInstance Unit = iota // window instances (Codex)
	UnitNotice               // limit notices (Claude Code)
	UnitReached              // limits reached (Claude Code)
)

// Skip is why windows or notices were left out.
type Skip int

// Reasons to leave a window or notice out.
const (
	SkipOutside     Skip = iota // outside --since/--until
	SkipUnpriced                // held requests the catalog has no price for
	SkipOtherPlan               // on another plan, Text
	SkipFell                    // the used share fell without a reset
	SkipSmallMove               // moved less than Points
	SkipCodexEmpty              // moved with no request in these logs
	SkipClaudeEmpty             // had no request in these logs
	SkipBadNotice               // a notice that could not be read: Text says why
)

// Note is one fact about a measurement, its amounts unformatted.
type Note struct {
	Kind          NoteKind
	N, Of, Done   int
	Points        int // NoteSnapshots, SkipSmallMove: the least rise measured
	Unit          Unit
	Skip          Skip
	Text          string  // a plan type, the plan types seen, an error: words from the logs
	Plan          string  // a catalog plan id
	Hours         float64 // a window's length
	OtherHours    float64
	USD, OtherUSD float64
	From, To      float64 // NoteShareFell: used share, percent
}

// Contradicted reports whether the figure contradicts another measurement.
func (l *Limit) Contradicted() bool { return l.Contradiction.Kind == NoteContradiction }

// tally counts the windows left out, by reason, for the notes.
type tally struct {
	order []skipKey
	n     map[skipKey]int
}

type skipKey struct {
	skip Skip
	text string
}

func (t *tally) add(s Skip, text string) {
	if t.n == nil {
		t.n = map[skipKey]int{}
	}
	k := skipKey{s, text}
	if t.n[k] == 0 {
		t.order = append(t.order, k)
	}
	t.n[k]++
}

func (t *tally) notes(u Unit) []Note {
	var out []Note
	for _, k := range t.order {
		n := Note{Kind: NoteSkipped, N: t.n[k], Unit: u, Skip: k.skip, Text: k.text}
		if k.skip == SkipSmallMove {
			n.Points = MinMovement
		}
		out = append(out, n)
	}
	return out
}
