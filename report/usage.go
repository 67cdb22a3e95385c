package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tokenomics/tokenomics/money"
	"github.com/tokenomics/tokenomics/usage"
)

// UsageNote words one note about the logs or the workload derived from them.
func UsageNote(n usage.Note) string {
	count := func(one, many string) string { return count64(n.N, one, many) }
	switch n.Kind {
	case usage.NoteNoModel:
		return fmt.Sprintf("%s no model: %s tokens counted, API cost unknown (ccusage would assume gpt-5; this tool does not guess)",
			count("request names", "requests name"), money.Tokens(n.Tokens))
	case usage.NoteUnpricedModel:
		return fmt.Sprintf("%s is not in the catalog: its %s tokens are counted, their API cost is unknown", n.Model, money.Tokens(n.Tokens))
	case usage.NotePricedAs:
		return fmt.Sprintf("%s is priced as %s (%s)", n.Model, n.ID, n.Rule)
	case usage.NoteSynthetic:
		return fmt.Sprintf("%s of model %s skipped: notices Claude Code wrote itself (usage limit reached, errors), not requests",
			count("line", "lines"), n.Model)
	case usage.NoteCacheWrite1h:
		return fmt.Sprintf("%s cache-write tokens were 1-hour writes on models without a 1-hour price: priced at their cache-write rate, an estimate", money.Tokens(n.Tokens))
	case usage.NoteFast:
		return fmt.Sprintf("%s in fast mode: priced at the standard rates (the catalog has no fast-mode price), an estimate", count("request ran", "requests ran"))
	case usage.NoteTaskRule:
		return fmt.Sprintf("A task is one session's requests on one model; tasks are long-context when a prompt reached %s tokens, else agentic from %d requests, else short (--long-context, --agentic-turns).",
			money.Tokens(n.Tokens), n.N)
	case usage.NoteModels:
		line := fmt.Sprintf("The logs use %d models: each has its own classes, so every part of the work is priced on the model that did it", n.N)
		var parts []string
		for _, s := range n.Shares {
			share := fmt.Sprintf("%.0f%%", 100*s.Share)
			if s.Share > 0 && 100*s.Share < 0.5 {
				share = "<1%"
			}
			parts = append(parts, s.Model+" "+share)
		}
		if len(parts) > 0 {
			line += " (share of the API cost: " + strings.Join(parts, ", ") + ")"
		}
		return line + "."
	case usage.NoteUnpricedClasses:
		return fmt.Sprintf("Classes on models the catalog lacks — %s — are in the workload with min tier small and the plain cache-read share, and out of the cost check.", strings.Join(n.Names, ", "))
	case usage.NoteShortSpan:
		return fmt.Sprintf("The logs cover %d days: days_per_month is left at %g.", n.Span, n.DaysPerMonth)
	case usage.NoteDays:
		return fmt.Sprintf("days_per_month %g: %d active days in %d days of logs; hours_per_day %g: clock hours with a request per active day.",
			n.DaysPerMonth, n.Active, n.Span, n.HoursPerDay)
	case usage.NoteMinTier:
		return "min_tier is the tier of the model that did the work: lower it in the file if a smaller model would do."
	case usage.NoteUnprintable:
		quoted := make([]string, len(n.Names))
		for i, name := range n.Names {
			quoted[i] = strconv.QuoteToASCII(name)
		}
		return fmt.Sprintf("%s in the logs held characters a class name cannot (invisible, bidi or control characters): the classes name them without those characters. As the logs wrote them: %s.",
			countOf(len(quoted), "model name", "model names"), strings.Join(quoted, ", "))
	case usage.NoteShifted:
		return fmt.Sprintf("In %s the prompts grow by less than the output per turn: the output not carried into the next prompt (thinking, compaction) is given as reasoning tokens.", count("class", "classes"))
	case usage.NoteSplit:
		return fmt.Sprintf("On models with a long-context price tier, %s tasks that cross the tier a little and a lot: split into numbered parts by the share of prompt tokens above the tier, so the workload keeps what the tier cost.", count("class mixed", "classes mixed"))
	case usage.NoteRefined:
		return fmt.Sprintf("In %s no trajectory of the cost model crosses the long-context tier as the logs did (prompts that shrink after compaction, or start above the tier): the cache hit is set to carry the tier's cost instead.", count("class", "classes"))
	case usage.NoteFewer:
		return fmt.Sprintf("Where even that was not enough (%s), fewer, larger turns than the logs' requests let the prompts reach the tier.", count("class", "classes"))
	case usage.NoteCapped:
		return fmt.Sprintf("%s more than 1,000 requests a task: turns are capped at 1,000 and output per turn raised to match.", count("class averages", "classes average"))
	}
	return fmt.Sprintf("note of unknown kind %d", n.Kind)
}

// UsageNotes words notes in order; never nil, for JSON's empty list.
func UsageNotes(ns []usage.Note) []string { return texts(ns, UsageNote) }

// CheckText is the derived workload's cost check for people: "within 1.8%".
func CheckText(d *usage.Derived) string {
	switch {
	case !d.Checked:
		return "not checked (no priced model)"
	case d.Error < 0.001:
		return "within 0.1%"
	}
	return fmt.Sprintf("within %.1f%%", math.Ceil(d.Error*1000)/10)
}

func count64(n int64, one, many string) string {
	return fmt.Sprintf("%d %s", n, Plural(int(n), one, many))
}
