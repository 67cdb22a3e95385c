package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/report"
)

// summaryRows is how many options the Markdown summary lists.
const summaryRows = 10

func (m *Model) copySummary() tea.Cmd {
	m.setStatus("copied a Markdown summary to the clipboard (OSC 52)", false)
	return tea.SetClipboard(m.summary())
}

// summary is the current comparison as Markdown, for pasting into a note or
// a chat: the same rendering as `tokenomics compare --format markdown`.
func (m *Model) summary() string {
	c := report.Comparison{Workload: m.priced(), Result: &m.res, CatalogAsOf: m.cat.AsOf, Currency: m.cur, Top: summaryRows}
	return report.Markdown(&c)
}
