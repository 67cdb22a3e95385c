package ui

import "testing"

// An imported agent's class whose output is all thinking reads "no text
// out", not "0 out" beside the thinking.
func TestClassSummaryAllThinking(t *testing.T) {
	c := testOptions(t).Workload.Classes[0]
	c.InputTokens, c.OutputTokens, c.ReasoningTokens, c.Turns = 880, 0, 45, 4
	if got, want := classSummary("en", &c), "880 in · no text out · 45 think · 4 turns · small"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
