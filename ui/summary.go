package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
	"github.com/tokenomics/tokenomics/safefile"
)

// summaryRows is how many options the Markdown summary lists.
const summaryRows = 10

// copySummary sends the summary of what is shown to the terminal, which
// puts it on the clipboard if it supports OSC 52; nothing comes back to say
// whether it did, so the status says what was done, not that it worked.
func (m *Model) copySummary() tea.Cmd {
	m.setStatus("Markdown summary sent to the terminal's clipboard (OSC 52); Y writes it to a file", false)
	return tea.SetClipboard(m.summary())
}

// summary is the comparison as shown, as Markdown, for pasting into a note
// or a chat: the same rendering as `tokenomics compare --format markdown`,
// with the filter, the search, the volume and the free plans as on screen.
func (m *Model) summary() string {
	shown := make([]model.Quote, 0, len(m.shown))
	for _, qi := range m.shown {
		shown = append(shown, m.res.Quotes[qi])
	}
	c := report.Comparison{Workload: m.priced(), Result: &m.res, Only: shown, CatalogAsOf: m.cat.AsOf, Currency: m.cur, Top: summaryRows}
	if m.prefs.Volume != 1 {
		c.Workload.Name += " " + volumeName(m.prefs.Volume)
	}
	s := report.Markdown(&c)
	if v := m.viewNote(); v != "" {
		s += "\n_" + v + "_\n"
	}
	return s
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
	p := &m.prompt
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
