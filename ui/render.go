package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tokenomics/tokenomics/columns"
)

// renderCache holds the open overlay's last render (every other part keeps
// its own) and the frame composed from them all; refresh redraws only the
// parts flagged dirty.
type renderCache struct {
	overlay []string
	frame   string
}

// refresh redraws the dirty parts and composes the frame View returns.
func (m *Model) refresh() {
	if m.dirty == 0 {
		return
	}
	d := m.dirty
	m.dirty = 0
	if d&partWords != 0 {
		m.headline.word(&m.shared)
		d |= partVerdict | partLayout | partOverlayText
	}
	if d&partLayout != 0 {
		m.work.build(&m.shared)
		wants := func(details bool) int { return m.work.wants(&m.shared, m.lay.W, details) }
		l := computeLayout(m.lay.W, m.lay.H, wants, len(m.headline.all(m.lay.W)), m.headline.keep(m.lay.W))
		if l != m.lay {
			d |= partAll &^ partWords // every part moved or changed size; what the verdict says did not
		}
		m.lay = l
		m.header.setSize(l.header)
		m.headline.setSize(l.verdict)
		m.work.setSize(l.work)
		m.work.details = l.details
		m.glance.setSize(l.glance)
		m.footer.setSize(l.footer)
		m.ranking.setSize(l.plans)
		m.chart.setSize(l.chart)
		m.detail.setSize(l.detail())
		m.prompt.setWidth(l.W)
	}
	if m.lay.tooSmall {
		m.view.frame = tooSmall(m.lay.W, m.lay.H, m.quitAsk)
		return
	}
	c := &m.view
	keys := m.shortHelp()
	if m.footer.keysChanged(keys) {
		d |= partFooter
	}
	if d&partHeader != 0 {
		m.header.draw(&m.shared, m.doc.file(), m.doc.modified())
	}
	if d&partVerdict != 0 {
		m.headline.draw(&m.shared)
	}
	if d&partWork != 0 {
		m.work.draw(&m.shared, m.hasFocus(focusWork))
	}
	if d&partGlance != 0 {
		m.glance.draw(&m.shared, m.ranking.selected(&m.shared), m.detail.open)
	}
	if m.detail.open {
		if d&(partDetail|partPlans) != 0 {
			m.detail.draw(&m.shared, m.ranking.selected(&m.shared), m.hasFocus(focusDetail))
		}
	} else {
		if d&partPlans != 0 {
			m.ranking.draw(&m.shared, m.hasFocus(focusPlans))
		}
		if d&partChart != 0 {
			m.chart.draw(&m.shared, m.ranking.listed(&m.shared))
		}
	}
	if m.overlay != overlayNone && d&(partOverlay|partOverlayText) != 0 {
		c.overlay = m.drawOverlay(m.lay.body(), d&partOverlayText != 0)
	}
	if d&partFooter != 0 {
		quitFile := ""
		if m.quitAsk {
			quitFile = m.doc.file()
		}
		m.footer.draw(&m.shared, m.prompt, quitFile, keys)
	}
	c.frame = m.compose()
}

// hasFocus: pane f has the focus and no overlay hides it.
func (m *Model) hasFocus(f focus) bool {
	return m.focus == f && m.overlay == overlayNone
}

func (m *Model) compose() string {
	c := &m.view
	l := &m.lay
	// The frame is written once into one buffer of its size: joining lines,
	// and the wide layout's left and right halves, would copy it twice more.
	var right, left rows // what goes where the plans pane and the chart are, and left of them
	if m.detail.open {
		right = rows{exact(m.detail.view(), l.detail()), nil}
	} else {
		right = rows{exact(m.ranking.view(), l.plans), exact(m.chart.view(), l.chart)}
	}
	top := rows{exact(m.header.view(), l.header), exact(m.headline.view(), l.verdict)}
	var body rows
	wide := false
	switch {
	case m.overlay != overlayNone:
		body, right = rows{exact(c.overlay, l.body()), nil}, rows{}
	case l.wide:
		left, wide = rows{exact(m.work.view(), l.work), exact(m.glance.view(), l.glance)}, true
	default:
		body = rows{exact(m.work.view(), l.work), nil}
	}
	foot := exact(m.footer.view(), l.footer)
	size := top.size() + rows{foot, nil}.size()
	if wide {
		size += left.size() + right.sizeUpTo(left.len())
	} else {
		size += body.size() + right.size()
	}
	var b strings.Builder
	b.Grow(size)
	top.write(&b)
	if wide {
		for i := range left.len() {
			b.WriteString(left.at(i))
			if i < right.len() {
				b.WriteString(right.at(i))
			}
			b.WriteByte('\n')
		}
	} else {
		body.write(&b)
		right.write(&b)
	}
	for i, s := range foot {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	if len(foot) == 0 && b.Len() > 0 {
		return b.String()[:b.Len()-1] // no footer: no newline after the last line
	}
	return b.String()
}

// rows are two runs of lines read as one.
type rows [2][]string

func (r rows) len() int { return len(r[0]) + len(r[1]) }

func (r rows) at(i int) string {
	if i < len(r[0]) {
		return r[0][i]
	}
	return r[1][i-len(r[0])]
}

// size is the bytes of the lines, a newline after each.
func (r rows) size() int { return r.sizeUpTo(r.len()) }

// sizeUpTo is size of the first n lines.
func (r rows) sizeUpTo(n int) int {
	size := 0
	for i := range min(n, r.len()) {
		size += len(r.at(i)) + 1
	}
	return size
}

// write writes the lines, a newline after each.
func (r rows) write(b *strings.Builder) {
	for _, run := range r {
		for _, s := range run {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
}

// exact returns lines cut or padded to r.H lines, so a part that has not been
// drawn yet (or was drawn for another size) can never shift the frame.
func exact(lines []string, r rect) []string {
	if len(lines) == r.H {
		return lines
	}
	out := make([]string, max(r.H, 0))
	for i := range out {
		if i < len(lines) {
			out[i] = lines[i]
		} else {
			out[i] = strings.Repeat(" ", max(r.W, 0))
		}
	}
	return out
}

// box frames lines in a rounded border with a title on the top edge and an
// optional hint on the bottom edge. It returns exactly r.H lines of r.W cells.
func (sh *shared) box(title string, lines []string, r rect, focused bool, hint string) []string {
	if r.W < 6 || r.H < 2 {
		return blank(r)
	}
	bs, ts := sh.st.border, sh.st.paneTitle
	if focused {
		bs, ts = sh.st.borderFocus, sh.st.paneTitleFocus
	}
	out := make([]string, 0, r.H)
	if title == "" {
		out = append(out, bs.Render("╭"+strings.Repeat("─", r.W-2)+"╮"))
	} else {
		t := columns.Cut(title, r.W-6)
		out = append(out, bs.Render("╭─ ")+ts.Render(t)+bs.Render(" "+strings.Repeat("─", max(r.W-5-columns.Width(t), 0))+"╮"))
	}
	side := bs.Render("│")
	iw := r.W - paneSideFrame
	for i := range r.H - 2 {
		l, w := "", 0
		if i < len(lines) {
			l = lines[i]
			if w = columns.Width(l); w > iw {
				l = ansi.Truncate(l, iw, "…")
				w = columns.Width(l)
			}
		}
		out = append(out, side+" "+l+strings.Repeat(" ", iw-w)+" "+side)
	}
	if hint == "" {
		out = append(out, bs.Render("╰"+strings.Repeat("─", r.W-2)+"╯"))
	} else {
		h := columns.Cut(hint, r.W-6)
		out = append(out, bs.Render("╰"+strings.Repeat("─", max(r.W-5-columns.Width(h), 0))+" ")+sh.st.muted.Render(h)+bs.Render(" ─╯"))
	}
	return out
}

func blank(r rect) []string {
	out := make([]string, max(r.H, 0))
	for i := range out {
		out[i] = strings.Repeat(" ", max(r.W, 0))
	}
	return out
}

func tooSmall(w, h int, quitAsk bool) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	msg := fmt.Sprintf("Terminal too small: %d×%d. tokenomics needs at least %d×%d.", w, h, minWidth, minHeight)
	if quitAsk {
		msg += " Unsaved edits: s save and quit · d discard and quit · esc cancel."
	}
	lines := blank(rect{W: w, H: h})
	wrapped := wrapLines(msg, w)
	top := max((h-len(wrapped))/2, 0)
	for i, l := range wrapped {
		if top+i >= h {
			break
		}
		lw := columns.Width(l)
		left := max((w-lw)/2, 0)
		lines[top+i] = columns.Pad(strings.Repeat(" ", left)+columns.Cut(l, w), w, columns.Left)
	}
	return strings.Join(lines, "\n")
}

// bar draws a share in [0,1] as ▰▰▰▱▱; over marks a limit that is exceeded.
func (sh *shared) bar(frac float64, w int, over bool) string {
	if w <= 0 {
		return ""
	}
	n := int(clampF(frac, 0, 1)*float64(w) + 0.5)
	if frac > 0 && n == 0 {
		n = 1 // anything at all shows
	}
	on := sh.st.barOn
	if over {
		on = sh.st.barOver
	}
	return on.Render(strings.Repeat("▰", n)) + sh.st.barOff.Render(strings.Repeat("▱", w-n))
}
