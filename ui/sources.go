package ui

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/money"
)

// The detail view's evidence: each model's per-token rates as the catalog
// gives them (never worked out here) and where each figure came from, in
// words a buyer can follow. `tokenomics plans` keeps the full source text.

// ratesLine is a model's rates per million tokens in the display currency:
// input, output, cache read and write, the long-context tier, the batch
// discount; what the catalog does not give is left out and said so.
func ratesLine(sh *shared, m *model.APIModel) string {
	r := sh.cur.FormatRate
	parts := []string{"in " + r(m.Input), "out " + r(m.Output)}
	if m.CacheRead != nil {
		parts = append(parts, "cache read "+r(*m.CacheRead))
	}
	if m.CacheWrite != nil {
		parts = append(parts, "cache write "+r(*m.CacheWrite))
	}
	if m.CacheWrite1h != nil {
		parts = append(parts, "1-hour cache write "+r(*m.CacheWrite1h))
	}
	if m.CacheRead == nil && m.CacheWrite == nil {
		parts = append(parts, "no cache price")
	}
	if lc := m.LongContext; lc != nil {
		s := fmt.Sprintf("above %s in: in %s, out %s", money.Tokens(lc.Threshold), r(lc.Input), r(lc.Output))
		if lc.CacheRead != nil {
			s += ", cache read " + r(*lc.CacheRead)
		}
		if lc.CacheWrite != nil {
			s += ", cache write " + r(*lc.CacheWrite)
		}
		parts = append(parts, s)
	}
	if m.BatchDiscount > 0 {
		parts = append(parts, fmt.Sprintf("batch %.0f%% off", 100*m.BatchDiscount))
	} else {
		parts = append(parts, "no batch price")
	}
	return m.Name + ": " + strings.Join(parts, " · ")
}

// sourceAbbrev are the catalog's abbreviations (see the head of
// plans/catalog.yaml), spelled out.
var sourceAbbrev = map[string]string{
	"LIT":     "LiteLLM price file",
	"OAI-M":   "OpenAI models page (archived)",
	"A-PRICE": "Anthropic pricing page (archived)",
}

// readableSource turns a catalog source into words: each of its parts
// (separated by "; ") with a URL as host and path, a GitHub reference as
// its repository, an abbreviation spelled out, a disagreement said so.
func readableSource(src string) string {
	parts := strings.Split(src, "; ")
	for i, p := range parts {
		parts[i] = readablePart(strings.TrimSpace(p))
	}
	return strings.Join(parts, "; ")
}

func readablePart(p string) string {
	if rest, ok := strings.CutPrefix(p, "conflict: "); ok {
		return "disagreeing: " + readablePart(rest)
	}
	// The first word decides; what follows it (an entry's name, a date in
	// brackets) stays.
	head, tail, _ := strings.Cut(p, " ")
	if tail != "" {
		tail = " " + tail
	}
	if name, ok := sourceAbbrev[head]; ok {
		if strings.TrimSpace(tail) == "" {
			return name
		}
		entry, more, _ := strings.Cut(strings.TrimSpace(tail), " ")
		if more != "" {
			more = " " + more
		}
		return name + " (entry " + entry + ")" + more
	}
	if repo, ok := strings.CutPrefix(head, "github:"); ok {
		repo, _, _ = strings.Cut(repo, "@") // the commit: in `plans`
		return "GitHub " + repo + tail
	}
	if strings.HasPrefix(head, "https://") || strings.HasPrefix(head, "http://") {
		if u, err := url.Parse(head); err == nil && u.Host != "" {
			host := strings.TrimPrefix(u.Host, "www.")
			return host + strings.TrimSuffix(u.Path, "/") + tail
		}
	}
	return p
}
