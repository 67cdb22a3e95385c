package report

import (
	"testing"

	"github.com/tokenomics/tokenomics/usage"
)

// Each note about the logs in words; counts pick the plural.
func TestUsageNote(t *testing.T) {
	checkWords(t, UsageNote, []wording[usage.Note]{
		{usage.Note{Kind: usage.NoteNoModel, N: 1, Tokens: 1500},
			"1 request names no model: 1.5k tokens counted, API cost unknown (ccusage would assume gpt-5; this tool does not guess)"},
		{usage.Note{Kind: usage.NoteNoModel, N: 3, Tokens: 2e6},
			"3 requests name no model: 2M tokens counted, API cost unknown (ccusage would assume gpt-5; this tool does not guess)"},
		{usage.Note{Kind: usage.NoteUnpricedModel, Model: "m-x", Tokens: 950}, "m-x is not in the catalog: its 950 tokens are counted, their API cost is unknown"},
		{usage.Note{Kind: usage.NotePricedAs, Model: "m-1-20260101", ID: "m-1", Rule: "dated snapshot"}, "m-1-20260101 is priced as m-1 (dated snapshot)"},
		{usage.Note{Kind: usage.NoteSynthetic, N: 2, Model: "<synthetic>"},
			"2 lines of model <synthetic> skipped: notices Claude Code wrote itself (usage limit reached, errors), not requests"},
		{usage.Note{Kind: usage.NoteCacheWrite1h, Tokens: 33000},
			"33k cache-write tokens were 1-hour writes on models without a 1-hour price: priced at their cache-write rate, an estimate"},
		{usage.Note{Kind: usage.NoteFast, N: 1}, "1 request ran in fast mode: priced at the standard rates (the catalog has no fast-mode price), an estimate"},
		{usage.Note{Kind: usage.NoteTaskRule, Tokens: 100000, N: 8},
			"A task is one session's requests on one model; tasks are long-context when a prompt reached 100k tokens, else agentic from 8 requests, else short (--long-context, --agentic-turns)."},
		// 0.7 → 70%, 0.296 → 30%, 0.004 → under half a percent: "<1%".
		{usage.Note{Kind: usage.NoteModels, N: 3, Shares: []usage.Share{{Model: "a", Share: 0.7}, {Model: "b", Share: 0.296}, {Model: "c", Share: 0.004}}},
			"The logs use 3 models: each has its own classes, so every part of the work is priced on the model that did it (share of the API cost: a 70%, b 30%, c <1%)."},
		{usage.Note{Kind: usage.NoteModels, N: 2},
			"The logs use 2 models: each has its own classes, so every part of the work is priced on the model that did it."},
		{usage.Note{Kind: usage.NoteUnpricedClasses, Names: []string{"x", "y"}},
			"Classes on models the catalog lacks — x, y — are in the workload with min tier small and the plain cache-read share, and out of the cost check."},
		{usage.Note{Kind: usage.NoteShortSpan, Span: 3, DaysPerMonth: 22}, "The logs cover 3 days: days_per_month is left at 22."},
		{usage.Note{Kind: usage.NoteDays, DaysPerMonth: 21.5, Active: 20, Span: 28, HoursPerDay: 6},
			"days_per_month 21.5: 20 active days in 28 days of logs; hours_per_day 6: clock hours with a request per active day."},
		// Names as the logs wrote them, quoted: no bidi or invisible character is printed.
		{usage.Note{Kind: usage.NoteUnprintable, Names: []string{"ev\u202eil", "x\u200by"}},
			`2 model names in the logs held characters a class name cannot (invisible, bidi or control characters): the classes name them without those characters. As the logs wrote them: "ev\u202eil", "x\u200by".`},
		{usage.Note{Kind: usage.NoteCapped, N: 1},
			"1 class averages more than 1,000 requests a task: turns are capped at 1,000 and output per turn raised to match."},
		{usage.Note{Kind: usage.NoteFewer, N: 2},
			"Where even that was not enough (2 classes), fewer, larger turns than the logs' requests let the prompts reach the tier."},
	})
}

// The cost check in words: rounded up to a tenth of a percent, never "0%".
func TestCheckText(t *testing.T) {
	checkWords(t, func(v usage.Derived) string { return CheckText(&v) }, []wording[usage.Derived]{
		{usage.Derived{}, "not checked (no priced model)"},
		{usage.Derived{Checked: true, Error: 0.0004}, "within 0.1%"},
		// 0.0172 → 17.2‰, rounded up: 1.8%
		{usage.Derived{Checked: true, Error: 0.0172}, "within 1.8%"},
	})
}
