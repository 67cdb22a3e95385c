package main

import (
	"strings"
	"testing"
)

// A display currency other than USD prints no dollar amount in any output
// for people: the comparison's table and markdown of every preset, the
// replay's, import's with --compare. (JSON is in USD by design, CSV and
// --sources quote the catalog's sources, whose text may hold "$"; the test
// catalog of 2026-11-27 still names two plans "ChatGPT Pro ($100)" and the
// like: names are the catalog's, and left out here.)
func TestNoDollarInOtherCurrencies(t *testing.T) {
	isolate(t)
	cat, err := shippedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range cat.Plans {
		if strings.Contains(p.Name, "$") {
			names = append(names, p.Name, "")
		}
	}
	withoutNames := strings.NewReplacer(names...)
	replay := []string{"replay", "claude-code", claudeFixture, "-z", "UTC"}
	importCompare := []string{"import", "claude-code", claudeFixture, "-z", "UTC", "--compare"}
	for _, cur := range []string{"KRW", "EUR"} {
		runs := [][]string{
			append(replay, "--currency", cur),
			append(replay, "--currency", cur, "--format", "markdown"),
			append(importCompare, "--currency", cur),
			append(importCompare, "--currency", cur, "--billing", "annual"),
		}
		for _, preset := range []string{"freelancer", "developer", "doc-pipeline", "korean-team", "support-bot", "writer"} {
			for _, format := range []string{"table", "markdown"} {
				runs = append(runs, []string{"compare", "--preset", preset, "--currency", cur, "--format", format, "--top", "0"})
			}
		}
		for _, args := range runs {
			out := mustRun(t, args...)
			for i, line := range strings.Split(withoutNames.Replace(out), "\n") {
				if strings.Contains(line, "$") {
					t.Errorf("%v: line %d has a dollar sign: %s", args, i+1, line)
				}
			}
			if sym := map[string]string{"KRW": "₩", "EUR": "€"}[cur]; !strings.Contains(out, sym) {
				t.Errorf("%v: no %s amount in\n%s", args, sym, out)
			}
		}
	}
}
