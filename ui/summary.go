package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/internal/userpath"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
)

// summaryRows is how many options the Markdown summary lists.
const summaryRows = 10

// copySummary sends the summary of what is shown to the terminal, which
// puts it on the clipboard if it supports OSC 52. Nothing comes back to say
// whether it did (a terminal that ignores OSC 52 cannot be told apart), so
// the status says what was sent, how to check, and where the file
// alternative is.
func (m *Model) copySummary() tea.Cmd {
	text, n := summary(&m.shared, &m.ranking)
	m.setStatus(fmt.Sprintf("sent %s as Markdown to the clipboard via the terminal (OSC 52): paste to check; if nothing pastes, the terminal ignores OSC 52 and Y writes the same to %s",
		report.Plural(n, "1 option", fmt.Sprintf("%d options", n)), filepath.Base(m.doc.exportPath())), false)
	return tea.SetClipboard(text)
}

// summary is the comparison as shown, as Markdown, for pasting into a note
// or a chat: the same rendering as `tokenomics compare --format markdown`,
// with the filter, the search, the volume and the free plans as on screen;
// and how many options it lists: the first summaryRows the plans pane p
// lists, then, each with its own rank, the plan you pay for now and the
// option selected when they are further down.
func summary(sh *shared, p *rankingPane) (string, int) {
	shown := p.shown
	idx := slices.Clone(shown[:min(summaryRows, len(shown))])
	if sh.w.Current != "" {
		if i := slices.IndexFunc(sh.res.Quotes, func(q model.Quote) bool { return q.ID == sh.w.Current }); i >= 0 && !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	if li := p.pick(sh); li >= 0 && !slices.Contains(idx, shown[li]) {
		idx = append(idx, shown[li])
	}
	slices.Sort(idx)
	only := make([]model.Quote, 0, len(idx))
	for _, qi := range idx {
		only = append(only, sh.res.Quotes[qi])
	}
	c := report.Comparison{Workload: sh.priced(), Result: &sh.res, Only: only, CatalogAsOf: sh.cat.AsOf, Currency: sh.cur}
	if sh.prefs.Volume != 1 {
		c.Workload.Name += " " + volumeName(sh.prefs.Volume)
	}
	s := report.Markdown(&c)
	if v := viewNote(sh, p); v != "" {
		s += "\n_" + v + "_\n"
	}
	return s, len(only)
}

// viewNote says how the options p lists were chosen, when not all are.
func viewNote(sh *shared, p *rankingPane) string {
	var parts []string
	if p.filter != filterAll {
		parts = append(parts, filterNames[p.filter]+" only")
	}
	if p.search != "" {
		parts = append(parts, fmt.Sprintf("names matching %q", p.search))
	}
	if sh.prefs.NoFree {
		parts = append(parts, "free plans left out")
	}
	if sh.prefs.Volume != 1 {
		parts = append(parts, "every count "+volumeName(sh.prefs.Volume)+" (a what-if)")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Shown: " + strings.Join(parts, ", ") + "."
}

// exportedMsg reports the Markdown file written by Y.
type exportedMsg struct {
	path string
	err  error
}

// openExport is Y: it asks where to write the summary, offering exportPath.
func (m *Model) openExport() tea.Cmd {
	return m.openPrompt(promptExport, "Write the Markdown summary to", userpath.Shown(m.doc.exportPath()))
}

// exportSummary writes the summary to path: atomically, never through a
// link, and over a file it did not write itself only when enter is pressed
// a second time; nil when it asked instead.
func (m *Model) exportSummary(path string) tea.Cmd {
	p := m.prompt
	if isLink(path) {
		p.err = "a symbolic link: never written through; give another name"
		return nil
	}
	if _, err := os.Lstat(path); err == nil && !m.doc.exported[path] && p.confirm != path {
		p.err = "file exists: enter again to replace it"
		p.confirm = path
		return nil
	}
	p.close()
	text, _ := summary(&m.shared, &m.ranking)
	data := []byte(text)
	return func() tea.Msg {
		_, err := safefile.Write(path, data, safefile.Options{Perm: 0o644})
		return exportedMsg{path, err}
	}
}

func (m *Model) exported(msg exportedMsg) {
	if msg.err != nil {
		m.setStatus("summary not written: "+userpath.InText(msg.err.Error(), msg.path), true)
		return
	}
	if m.doc.exported == nil {
		m.doc.exported = map[string]bool{}
	}
	m.doc.exported[msg.path] = true
	m.setStatus("wrote the Markdown summary to "+userpath.Shown(msg.path), false)
}
