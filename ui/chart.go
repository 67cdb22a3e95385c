package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/tokenomics/tokenomics/columns"
	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// The chart: monthly cost of the cheapest few options as every class count
// scales from ¼× to 4× today's, on a log axis so today sits in the middle.

const (
	chartSeriesMax = 4
	kMin, kMax     = 0.25, 4.0
)

// chartPane is the chart under the plans pane. It is drawn like a pane but
// takes no keys and never the focus: it follows the selected option.
type chartPane struct {
	r     rect
	lines []string
	ks    []float64 // volumes(len(ks)), kept: the plot's width changes only with the size
}

func (p *chartPane) setSize(r rect) { p.r = r }
func (p *chartPane) view() []string { return p.lines }
func (p *chartPane) draw(sh *shared, l listing) {
	if p.r.H > 0 {
		p.lines = p.render(sh, p.r, l)
	}
}

// seriesChars tell the lines apart without colour (NO_COLOR, colour blindness).
var seriesChars = []string{"━", "─", "┄", "═"}

// chartQuotes are the lines that show where the answer flips, at most n:
// the selected option, the API baseline (the cheapest option that pays per
// token, which every plan's break-even is measured against), the cheapest
// option in view and the cheapest paid plan. The baseline comes last so it
// is drawn over the others and stays visible; base reports its index (-1
// when there is none).
func (sh *shared) chartQuotes(n int, l listing) (qs []*model.Quote, base int) {
	baseline := report.BestPerToken(&sh.res)
	first := func(ok func(*model.Quote) bool) *model.Quote {
		for _, qi := range l.shown {
			if q := &sh.res.Quotes[qi]; q.Eligible && ok(q) {
				return q
			}
		}
		return nil
	}
	cands := []*model.Quote{
		l.sel, baseline,
		first(func(*model.Quote) bool { return true }),
		first(func(q *model.Quote) bool { return q.Kind == model.KindSubscription && q.Base > 0 }),
	}
	for _, q := range cands {
		if q != nil && q.Eligible && len(qs) < n && !slices.Contains(qs, q) {
			qs = append(qs, q)
		}
	}
	base = slices.Index(qs, baseline)
	if base >= 0 && baseline != nil {
		qs = append(slices.Delete(qs, base, base+1), baseline)
		base = len(qs) - 1
	}
	return qs, base
}

// seriesChar is the line of series i; the baseline's is heavy.
func seriesChar(i, base int) string {
	if i == base {
		return "━"
	}
	return seriesChars[1+i%(len(seriesChars)-1)]
}

// costAt is option q's monthly cost at k times the user's own volume (the
// result prices the volume multiplier already).
func (sh *shared) costAt(q *model.Quote, k float64) (float64, bool) {
	// The cost model's figures: a replay of the records has one volume only.
	v, ok := sh.modeled.CostAt(q.ID, k/sh.prefs.Volume)
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, false
	}
	return v, true
}

// volumes are n log-spaced scale factors from kMin to kMax with 1 exactly in
// the middle (n is odd).
func volumes(n int) []float64 {
	ks := make([]float64, n)
	for j := range ks {
		ks[j] = kMin * math.Pow(kMax/kMin, float64(j)/float64(n-1))
	}
	ks[(n-1)/2] = 1
	return ks
}

// niceStep rounds a positive step up to a round amount, one of the sliders'
// mantissas (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8) times a power of ten (at
// least one cent), so the plot wastes little height.
func niceStep(x float64) float64 {
	if !(x > 0.01) || math.IsInf(x, 0) {
		return 0.01
	}
	p := math.Pow10(int(math.Floor(math.Log10(x))))
	for _, f := range append(mantissas[:], 10) {
		if f*p >= x*(1-1e-9) {
			return f * p
		}
	}
	return 10 * p
}

// moneyShort writes axis labels: whole units when the amount is whole or
// from 100 up.
func (sh *shared) moneyShort(usd float64) string {
	v := usd * sh.cur.Rate
	if math.Abs(v) < 100 && math.Abs(v-math.Round(v)) > 1e-9 {
		return sh.cur.Format(usd)
	}
	s := sh.cur.Format(math.Round(usd*sh.cur.Rate) / sh.cur.Rate)
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	return s
}

const chartTitle = "Monthly cost as your volume changes"

func (p *chartPane) render(sh *shared, r rect, l listing) []string {
	title := chartTitle
	if sh.replayed {
		title += ", modeled" // the ranking is the replay's; volumes are the model's
	}
	iw, ih := r.W-paneSideFrame, r.H-paneFrame
	if ih < chartMinRows-paneFrame {
		return p.renderCompact(sh, r, l)
	}
	qs, base := sh.chartQuotes(chartSeriesMax, l)
	plotH := ih - 3 - (1 + len(qs)) // plot rows + 1, x-axis line, x labels, readout
	if len(qs) == 0 || sh.res.TotalTasks == 0 || plotH < 2 || iw < 24 {
		return sh.box(title, []string{sh.st.muted.Render("Nothing to chart: no option can carry this work yet.")}, r, false, "")
	}
	// The costs at 4× set the scale (cost never falls as volume grows); the
	// axis then steps in round amounts so its labels read like prices.
	top := 0.0
	for _, q := range qs {
		if v, ok := sh.costAt(q, kMax); ok {
			top = max(top, v)
		}
	}
	// The budget sets the scale too when it is near the lines (within 2×
	// of their top), so its line shows; far above, the title names it.
	budget := report.BudgetUSD(&sh.w, sh.cur)
	if budget > 0 && budget <= 2*top {
		top = max(top, budget)
	}
	step := niceStep(top*sh.cur.Rate/float64(plotH)) / sh.cur.Rate
	top = step * float64(plotH)
	switch {
	case budget > top:
		title += " · budget " + sh.cur.Format(budget) + " above it"
	case budget > 0:
		title += " · ╌ budget " + sh.cur.Format(budget)
	}
	labelW := max(columns.Width(sh.moneyShort(top)), columns.Width(sh.moneyShort(0)), columns.Width(sh.moneyShort(step)))
	n := iw - labelW - 3 // the axis takes a label, a space and the ┤
	if n%2 == 0 {
		n--
	}
	if n < 9 {
		return sh.box(title, nil, r, false, "")
	}
	if len(p.ks) != n {
		p.ks = volumes(n)
	}
	// The cost model's figures, as costAt reads them, a curve at a time.
	ks := make([]float64, n)
	for j, k := range p.ks {
		ks[j] = k / sh.prefs.Volume
	}
	data := make([][]float64, len(qs))
	for i, q := range qs {
		data[i] = make([]float64, n)
		ok := sh.modeled.CostsAt(q.ID, ks, data[i])
		for j, v := range data[i] {
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > top*(1+1e-9) {
				data[i][j] = math.NaN() // a gap: the option cannot carry the work there
			}
		}
	}
	if !anyFinite(data) {
		return sh.box(title, nil, r, false, "")
	}
	opts := []asciigraph.Option{
		// No Width: every series has n points already, which asciigraph
		// would only interpolate onto themselves.
		asciigraph.Height(plotH), asciigraph.LowerBound(0), asciigraph.UpperBound(top),
		asciigraph.YAxisValueFormatter(sh.moneyShort),
		asciigraph.XAxisRange(math.Log2(kMin), math.Log2(kMax)), asciigraph.XAxisTickCount(5),
		asciigraph.XAxisValueFormatter(sh.volumeLabel),
	}
	chars := make([]asciigraph.CharSet, len(qs))
	for i := range qs {
		chars[i] = asciigraph.CharSet{Horizontal: seriesChar(i, base)} // the rest default
	}
	opts = append(opts, asciigraph.SeriesChars(chars...))
	if len(sh.st.series) > 0 {
		opts = append(opts, asciigraph.SeriesColors(sh.seriesColors(len(qs), base)...))
	}
	lines := strings.Split(asciigraph.PlotMany(data, opts...), "\n")
	// Today's volume (with the multiplier) as a dotted line.
	col := int(math.Round(float64(n-1) * math.Log(sh.prefs.Volume/kMin) / math.Log(kMax/kMin)))
	markNow(lines, plotH+1, col, sh.st.muted.Render("┊"))
	if budget > 0 && budget <= top {
		// Row 0 is top, row plotH is 0: the budget's row, rounded.
		markRow(lines, int(math.Round((top-budget)/step)), n, sh.st.warn.Render("╌"))
	}
	lines = append(lines, sh.readout(qs, base, iw, false)...)
	return sh.box(title, lines, r, false, "")
}

// markRow draws a dashed horizontal line on plot row row through its empty
// cells right of the axis, n cells wide (the series stay on top; a plot row
// ends at its last drawn cell, so the line goes on past it).
func markRow(lines []string, row, n int, mark string) {
	if row < 0 || row >= len(lines) {
		return
	}
	pr := splitPlotRow(lines[row], nil)
	axis := pr.axis()
	if axis < 0 {
		return
	}
	// Rebuild the row cell by cell: styled runs right of the axis are kept
	// as they are, blanks become the mark.
	var b strings.Builder
	b.Grow(len(lines[row]) + n*len(mark))
	pr.truncate(&b, axis+1)
	for c := axis + 1; c <= axis+n; {
		if c >= pr.len() || pr.at(c) == ' ' {
			b.WriteString(mark)
			c++
			continue
		}
		e := c // a drawn run, cut out whole: one cut per run, not per cell
		for e < pr.len() && pr.at(e) != ' ' {
			e++
		}
		pr.cut(&b, c, e)
		c = e
	}
	lines[row] = b.String()
}

// plotRow is a line of asciigraph's plot split into cells. A line made of
// printable ASCII, one-cell runes and CSI sequences (colour), which is all
// asciigraph writes, is split here by byte offsets, and cut as package ansi
// cuts it (every escape sequence kept, so colours stay balanced) without
// its grapheme segmentation, several times faster; any other line is left
// to package ansi (plain is then its text).
type plotRow struct {
	s     string
	offs  []int  // where each cell's rune starts in s
	plain []rune // the fallback: ansi.Strip(s) as runes, offs nil
}

// splitPlotRow splits s, reusing buf for the offsets.
func splitPlotRow(s string, buf []int) plotRow {
	offs := buf[:0]
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
			offs = append(offs, i)
			i++
		case c == 0x1b:
			n := columns.CSILen(s[i:])
			if n == 0 {
				return plotRow{s: s, plain: []rune(ansi.Strip(s))}
			}
			i += n
		case c < 0x80:
			return plotRow{s: s, plain: []rune(ansi.Strip(s))}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !columns.OneCell(r) {
				return plotRow{s: s, plain: []rune(ansi.Strip(s))}
			}
			offs = append(offs, i)
			i += n
		}
	}
	return plotRow{s: s, offs: offs}
}

func (p *plotRow) len() int {
	if p.offs == nil {
		return len(p.plain)
	}
	return len(p.offs)
}

// at is the rune of cell j.
func (p *plotRow) at(j int) rune {
	if p.offs == nil {
		return p.plain[j]
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.offs[j]:])
	return r
}

// axis is the cell of the y axis (┤ or ┼), -1 when the row has none.
func (p *plotRow) axis() int {
	for j := range p.len() {
		if r := p.at(j); r == '┤' || r == '┼' {
			return j
		}
	}
	return -1
}

// truncate writes ansi.Truncate(s, k, ""): the cells before k, and every
// escape sequence.
func (p *plotRow) truncate(b *strings.Builder, k int) {
	switch {
	case p.offs == nil:
		b.WriteString(ansi.Truncate(p.s, k, ""))
	case k >= len(p.offs):
		b.WriteString(p.s)
	default:
		b.WriteString(p.s[:p.offs[k]])
		writeEscapes(b, p.s[p.offs[k]:])
	}
}

// truncateLeft writes ansi.TruncateLeft(s, k, ""): the escape sequences
// before cell k, then s from cell k on.
func (p *plotRow) truncateLeft(b *strings.Builder, k int) {
	switch {
	case p.offs == nil:
		b.WriteString(ansi.TruncateLeft(p.s, k, ""))
	case k <= 0:
		b.WriteString(p.s)
	case k >= len(p.offs):
		writeEscapes(b, p.s)
	default:
		writeEscapes(b, p.s[:p.offs[k]])
		b.WriteString(p.s[p.offs[k]:])
	}
}

// cut writes ansi.Cut(s, left, right) for 0 < left < right ≤ len: the
// escape sequences before cell left, the cells from left to right with
// what lies between them, and the escape sequences after.
func (p *plotRow) cut(b *strings.Builder, left, right int) {
	if p.offs == nil {
		b.WriteString(ansi.Cut(p.s, left, right))
		return
	}
	writeEscapes(b, p.s[:p.offs[left]])
	if right >= len(p.offs) {
		b.WriteString(p.s[p.offs[left]:])
		return
	}
	b.WriteString(p.s[p.offs[left]:p.offs[right]])
	writeEscapes(b, p.s[p.offs[right]:])
}

// writeEscapes writes the escape sequences of seg, a stretch of a split
// plot row, leaving its text out.
func writeEscapes(b *strings.Builder, seg string) {
	for i := 0; i < len(seg); {
		if seg[i] == 0x1b {
			n := columns.CSILen(seg[i:])
			b.WriteString(seg[i : i+n])
			i += n
			continue
		}
		_, n := utf8.DecodeRuneInString(seg[i:])
		i += n
	}
}

// renderCompact is the chart where a plot has no room: each line's
// trend as a sparkline and its cost at ½×, 1×, 2× and 4× your volume.
func (p *chartPane) renderCompact(sh *shared, r rect, l listing) []string {
	iw, ih := r.W-paneSideFrame, r.H-paneFrame
	qs, base := sh.chartQuotes(max(ih-1, 1), l)
	if len(qs) == 0 || sh.res.TotalTasks == 0 {
		return sh.box(chartTitle, []string{sh.st.muted.Render("Nothing to chart yet.")}, r, false, "")
	}
	title := chartTitle
	if b := report.BudgetUSD(&sh.w, sh.cur); b > 0 {
		title += " · budget " + sh.cur.Format(b)
	}
	return sh.box(title, sh.readout(qs, base, iw, true), r, false, "")
}

// seriesColors are the lines' colours, the baseline's first in the palette.
func (sh *shared) seriesColors(n, base int) []asciigraph.AnsiColor {
	if len(sh.st.series) == 0 {
		return nil // no colour
	}
	out := make([]asciigraph.AnsiColor, n)
	j := 1
	for i := range out {
		if i == base {
			out[i] = sh.st.series[0]
			continue
		}
		out[i] = sh.st.series[j%len(sh.st.series)]
		j++
	}
	return out
}

// readoutKs are the volumes the readout gives costs at, relative to the
// user's own work; the volume multiplier is always one of them.
var readoutKs = []float64{0.5, 1, 2, 4}

// readout names every line of the chart with its costs at ½×, 1×, 2× and 4×
// your volume (the column of the current multiplier in bold), the baseline
// marked as such; spark adds a sparkline from ¼× to 4× on a shared scale.
func (sh *shared) readout(qs []*model.Quote, base, iw int, spark bool) []string {
	const sparkW = 9
	vals := make([][]string, len(qs))
	valW := 5
	top := 0.0
	for i, q := range qs {
		vals[i] = make([]string, len(readoutKs))
		for j, k := range readoutKs {
			vals[i][j] = "—"
			if v, ok := sh.costAt(q, k); ok {
				vals[i][j] = sh.cur.Format(v)
			}
			valW = max(valW, columns.Width(vals[i][j]))
		}
		if v, ok := sh.costAt(q, kMax); ok {
			top = max(top, v)
		}
	}
	// Columns: the swatch, the name, the sparkline, a value per volume. The
	// sparkline goes first when the room is short, then the 4× column, then
	// ½×; the name takes the room left.
	const swatch, name, sparkCol, val0 = 0, 1, 2, 3
	cols := make([]columns.Col, val0+len(readoutKs))
	cols[swatch] = columns.Col{Want: 2}
	cols[name] = columns.Col{Want: 12, Gap: 1, Fill: true}
	if spark {
		cols[sparkCol] = columns.Col{Want: sparkW, Gap: 1}
	}
	for j := range readoutKs {
		cols[val0+j] = columns.Col{Want: valW, Gap: 1, Align: columns.Right}
	}
	w := columns.Widths(iw, cols, columns.Drop(sparkCol), columns.Shrink(name, 8),
		columns.Drop(val0+slices.Index(readoutKs, 4)), columns.Drop(val0+slices.Index(readoutKs, 0.5)), columns.Shrink(name, 4))
	var b strings.Builder
	columns.Blank(&b, 3+w[name])
	if w[sparkCol] > 0 {
		b.WriteByte(' ')
		columns.Write(&b, "¼× → 4×", sparkW, columns.Left)
	}
	for j, k := range readoutKs {
		if w[val0+j] == 0 {
			continue
		}
		l := times(k)
		if k == sh.prefs.Volume {
			l = "now"
		}
		b.WriteByte(' ')
		columns.Write(&b, l, valW, columns.Right)
	}
	out := []string{sh.st.muted.Render(columns.Cut(b.String(), iw))}
	cs := sh.seriesColors(len(qs), base)
	for i, q := range qs {
		b.Reset()
		if cs != nil {
			b.WriteString(cs[i].String())
		}
		b.WriteString(seriesChar(i, base))
		b.WriteString(seriesChar(i, base))
		if cs != nil {
			b.WriteString(asciigraph.Default.String())
		}
		b.WriteByte(' ')
		n := columns.Cut(q.Name, w[name])
		if i == base {
			const tag = " (baseline)"
			n = columns.Cut(q.Name, max(w[name]-len(tag), 1)) + sh.st.muted.Render(tag)
		}
		columns.Write(&b, columns.Cut(n, w[name]), w[name], columns.Left)
		if w[sparkCol] > 0 {
			b.WriteByte(' ')
			b.WriteString(sh.sparkline(q, sparkW, top))
		}
		for j, k := range readoutKs {
			if w[val0+j] == 0 {
				continue
			}
			b.WriteByte(' ')
			if k == sh.prefs.Volume {
				b.WriteString(sh.st.strong.Render(columns.Pad(vals[i][j], valW, columns.Right)))
			} else {
				columns.Write(&b, vals[i][j], valW, columns.Right)
			}
		}
		out = append(out, b.String())
	}
	return out
}

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// sparkline draws q's cost from ¼× to 4× your volume in w cells, on a scale
// from 0 to top shared by every line.
func (sh *shared) sparkline(q *model.Quote, w int, top float64) string {
	var b strings.Builder
	for _, k := range volumes(w) {
		v, ok := sh.costAt(q, k)
		switch {
		case !ok:
			b.WriteRune(' ')
		case top <= 0:
			b.WriteRune(sparkRunes[0])
		default:
			b.WriteRune(sparkRunes[clamp(int(v/top*float64(len(sparkRunes)-1)+0.5), 0, len(sparkRunes)-1)])
		}
	}
	return sh.st.accent.Render(b.String())
}

// anyFinite reports whether at least one point of data can be plotted; a
// graph of nothing has no scale.
func anyFinite(data [][]float64) bool {
	for _, s := range data {
		for _, v := range s {
			if !math.IsNaN(v) {
				return true
			}
		}
	}
	return false
}

// volumeLabel names an x-axis tick (log2 of the volume): "now" where the
// volume multiplier puts today's work.
func (sh *shared) volumeLabel(x float64) string {
	k := math.Pow(2, math.Round(x))
	if k == sh.prefs.Volume {
		return "now"
	}
	return times(k)
}

// times is a volume as "½×" or "2×".
func times(k float64) string {
	switch k {
	case 0.25:
		return "¼×"
	case 0.5:
		return "½×"
	}
	return strconv.FormatFloat(k, 'f', -1, 64) + "×"
}

// markNow draws a dotted vertical line at today's volume through the plot's
// empty cells (the series stay on top).
func markNow(lines []string, rows, col int, mark string) {
	axis := -1
	var buf []int
	for i := 0; i < rows && i < len(lines); i++ {
		pr := splitPlotRow(lines[i], buf)
		if pr.offs != nil {
			buf = pr.offs
		}
		if axis < 0 {
			if axis = pr.axis(); axis < 0 {
				continue
			}
		}
		c := axis + 1 + col
		switch {
		case c >= pr.len():
			lines[i] += strings.Repeat(" ", c-pr.len()) + mark
		case pr.at(c) == ' ':
			var b strings.Builder
			b.Grow(len(lines[i]) + len(mark))
			pr.truncate(&b, c)
			b.WriteString(mark)
			pr.truncateLeft(&b, c+1)
			lines[i] = b.String()
		}
	}
}
