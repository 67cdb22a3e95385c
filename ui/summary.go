package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

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
	text, n := m.summaryList()
	m.setStatus(fmt.Sprintf("sent %s as Markdown to the clipboard via the terminal (OSC 52): paste to check; if nothing pastes, the terminal ignores OSC 52 and Y writes the same to %s",
		report.Plural(n, "1 option", fmt.Sprintf("%d options", n)), filepath.Base(m.exportPath())), false)
	return tea.SetClipboard(text)
}

// summary is the comparison as shown, as Markdown, for pasting into a note
// or a chat: the same rendering as `tokenomics compare --format markdown`,
// with the filter, the search, the volume and the free plans as on screen.
func (m *Model) summary() string {
	s, _ := m.summaryList()
	return s
}

// summaryList is the summary and how many options it lists: the first
// summaryRows shown, then, each with its own rank, the plan you pay for now
// and the option selected when they are further down.
func (m *Model) summaryList() (string, int) {
	idx := slices.Clone(m.shown[:min(summaryRows, len(m.shown))])
	if m.w.Current != "" {
		if i := slices.IndexFunc(m.res.Quotes, func(q model.Quote) bool { return q.ID == m.w.Current }); i >= 0 && !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	if m.pick >= 0 && m.pick < len(m.shown) && !slices.Contains(idx, m.shown[m.pick]) {
		idx = append(idx, m.shown[m.pick])
	}
	slices.Sort(idx)
	shown := make([]model.Quote, 0, len(idx))
	for _, qi := range idx {
		shown = append(shown, m.res.Quotes[qi])
	}
	c := report.Comparison{Workload: m.priced(), Result: &m.res, Only: shown, CatalogAsOf: m.cat.AsOf, Currency: m.cur}
	if m.prefs.Volume != 1 {
		c.Workload.Name += " " + volumeName(m.prefs.Volume)
	}
	s := report.Markdown(&c)
	if v := m.viewNote(); v != "" {
		s += "\n_" + v + "_\n"
	}
	return s, len(shown)
}

// viewNote says how the options listed were chosen, when not all are.
func (m *Model) viewNote() string {
	var parts []string
	if m.ranking.filter != filterAll {
		parts = append(parts, filterNames[m.ranking.filter]+" only")
	}
	if m.ranking.search != "" {
		parts = append(parts, fmt.Sprintf("names matching %q", m.ranking.search))
	}
	if m.prefs.NoFree {
		parts = append(parts, "free plans left out")
	}
	if m.prefs.Volume != 1 {
		parts = append(parts, "every count "+volumeName(m.prefs.Volume)+" (a what-if)")
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

// exportPath is what Y offers: next to the open workload file, named after
// it (mine.yaml → mine.md); in the working directory when the workload has
// no file.
func (m *Model) exportPath() string {
	src := m.openFile()
	if src == "" {
		return "tokenomics-summary.md"
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	return filepath.Join(filepath.Dir(src), base+".md")
}

// openExport is Y: it asks where to write the summary, offering exportPath.
func (m *Model) openExport() tea.Cmd {
	return m.openPrompt(promptExport, "Write the Markdown summary to", m.exportPath())
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
	if _, err := os.Lstat(path); err == nil && !m.exportedPaths[path] && p.confirm != path {
		p.err = "file exists: enter again to replace it"
		p.confirm = path
		return nil
	}
	p.close()
	data := []byte(m.summary())
	return func() tea.Msg {
		_, err := safefile.Write(path, data, safefile.Options{Perm: 0o644})
		return exportedMsg{path, err}
	}
}

func (m *Model) exported(msg exportedMsg) {
	if msg.err != nil {
		m.setStatus("summary not written: "+msg.err.Error(), true)
		return
	}
	if m.exportedPaths == nil {
		m.exportedPaths = map[string]bool{}
	}
	m.exportedPaths[msg.path] = true
	m.setStatus("wrote the Markdown summary to "+msg.path, false)
}
