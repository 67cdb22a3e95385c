package usage

import (
	"strings"

	"github.com/tokenomics/tokenomics/model"
)

// Synthetic is the model name Claude Code writes on messages it made up
// itself (errors, interruptions): not an API request, never priced.
const Synthetic = "<synthetic>"

// Match is how a model name of the logs maps to the catalog.
type Match struct {
	ID   string // catalog id, "" when the name maps to nothing in the catalog
	Rule string // what was done to the name to find ID; "" for an exact match
}

// MatchModel maps a model name as the logs write it to a catalog id. The
// normalization, tried in this order until an id of the catalog matches:
//
//  1. the name as written, then lower-cased and trimmed;
//  2. a provider prefix dropped: everything up to the last '/'
//     ("anthropic/claude-…", "openai/gpt-…") and a Bedrock-style
//     "<region>.anthropic." prefix, with a Bedrock "-v1:0" suffix;
//  3. a snapshot date dropped: "-YYYYMMDD", "@YYYYMMDD" or "-YYYY-MM-DD" at
//     the end ("claude-sonnet-4-5-20250929" → "claude-sonnet-4-5",
//     "gpt-4o-2024-08-06" → "gpt-4o");
//  4. an OpenAI Codex variant read as its base model, which OpenAI prices
//     the same: "-codex" and "-codex-max" dropped, "-codex-mini" read as
//     "-mini" ("gpt-5-codex" → "gpt-5", "gpt-5.1-codex-max" → "gpt-5.1").
//
// Nothing else is guessed: a name still unknown after these steps (an older
// model the catalog does not carry, "claude-opus-4-1" for one) gets no id,
// its tokens are counted and its cost is reported as unknown.
func MatchModel(name string, cat *model.Catalog) Match {
	if name == "" || name == Synthetic || cat == nil {
		return Match{}
	}
	if _, ok := cat.Model(name); ok {
		return Match{ID: name}
	}
	for _, c := range candidates(name) {
		if _, ok := cat.Model(c.id); ok {
			return Match{ID: c.id, Rule: c.rule}
		}
	}
	return Match{}
}

type candidate struct{ id, rule string }

// candidates are the names tried for name, in order.
func candidates(name string) []candidate {
	var out []candidate
	var rules []string
	add := func(id, rule string) {
		if rule != "" {
			rules = append(rules, rule)
		}
		if id != "" && (len(out) == 0 || out[len(out)-1].id != id) {
			out = append(out, candidate{id, strings.Join(rules, ", ")})
		}
	}
	n := strings.ToLower(strings.TrimSpace(name))
	add(n, "")
	if i := strings.LastIndexByte(n, '/'); i >= 0 {
		n = n[i+1:]
		add(n, "provider prefix dropped")
	}
	if i := strings.Index(n, "anthropic."); i >= 0 && !strings.Contains(n[:i], "claude") {
		n = strings.TrimSuffix(n[i+len("anthropic."):], "-v1:0")
		add(n, "Bedrock prefix dropped")
	}
	if d := dropDate(n); d != n {
		n = d
		add(n, "snapshot date dropped")
	}
	for _, v := range []struct{ suffix, repl string }{{"-codex-max", ""}, {"-codex-mini", "-mini"}, {"-codex", ""}} {
		if strings.HasSuffix(n, v.suffix) {
			n = strings.TrimSuffix(n, v.suffix) + v.repl
			add(n, "Codex variant priced as its base model")
			break
		}
	}
	return out
}

// dropDate removes a trailing snapshot date.
func dropDate(n string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if len(n) > 9 && (n[len(n)-9] == '-' || n[len(n)-9] == '@') && digits(n[len(n)-8:]) && n[len(n)-8:len(n)-6] == "20" {
		return n[:len(n)-9]
	}
	if k := len(n); k > 11 && n[k-11] == '-' && n[k-6] == '-' && n[k-3] == '-' &&
		digits(n[k-10:k-6]) && digits(n[k-5:k-3]) && digits(n[k-2:]) && n[k-10:k-8] == "20" {
		return n[:k-11]
	}
	return n
}
