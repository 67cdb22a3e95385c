package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/tokenomics/tokenomics/model"
	"github.com/tokenomics/tokenomics/report"
)

// The chart: monthly cost of the cheapest few options as every class count
// scales from ¼× to 4× today's, on a log axis so today sits in the middle.

const (
	chartSeriesMax = 4
	kMin, kMax     = 0.25, 4.0
)

// seriesChars tell the lines apart without colour (NO_COLOR, colour blindness).
var seriesChars = []string{"━", "─", "┄", "═"}

// chartQuotes are the lines that show where the answer flips, at most n:
// the selected option, the API baseline (the cheapest option that pays per
// token, which every plan's break-even is measured against), the cheapest
// option in view and the cheapest paid plan. The baseline comes last so it
// is drawn over the others and stays visible; base reports its index (-1
// when there is none).
func (m *Model) chartQuotes(n int) (qs []*model.Quote, base int) {
	baseline := report.BestPerToken(&m.res)
	first := func(ok func(*model.Quote) bool) *model.Quote {
		for _, qi := range m.plans.list {
			if q := &m.res.Quotes[qi]; q.Eligible && ok(q) {
				return q
			}
		}
		return nil
	}
	cands := []*model.Quote{
		m.selectedQuote(), baseline,
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
func (m *Model) costAt(q *model.Quote, k float64) (float64, bool) {
	v, ok := m.res.CostAt(q.ID, k/m.prefs.Volume)
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
func (m *Model) moneyShort(usd float64) string {
	v := usd * m.cur.Rate
	if math.Abs(v) < 100 && math.Abs(v-math.Round(v)) > 1e-9 {
		return m.cur.Format(usd)
	}
	s := m.cur.Format(math.Round(usd*m.cur.Rate) / m.cur.Rate)
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[:i]
	}
	return s
}

func (m *Model) chartTitle() string {
	return "Monthly cost as your volume changes"
}

func (m *Model) renderChart(r rect) []string {
	title := m.chartTitle()
	iw, ih := r.W-paneSideFrame, r.H-paneFrame
	if ih < chartMinRows-paneFrame {
		return m.renderCompactChart(r)
	}
	qs, base := m.chartQuotes(chartSeriesMax)
	plotH := ih - 3 - (1 + len(qs)) // plot rows + 1, x-axis line, x labels, readout
	if len(qs) == 0 || m.res.TotalTasks == 0 || plotH < 2 || iw < 24 {
		return m.box(title, []string{m.st.muted.Render("Nothing to chart: no option can carry this work yet.")}, r, false, "")
	}
	// The costs at 4× set the scale (cost never falls as volume grows); the
	// axis then steps in round amounts so its labels read like prices.
	top := 0.0
	for _, q := range qs {
		if v, ok := m.costAt(q, kMax); ok {
			top = max(top, v)
		}
	}
	step := niceStep(top*m.cur.Rate/float64(plotH)) / m.cur.Rate
	top = step * float64(plotH)
	labelW := max(ansiWidth(m.moneyShort(top)), ansiWidth(m.moneyShort(0)), ansiWidth(m.moneyShort(step)))
	n := iw - labelW - 3 // the axis takes a label, a space and the ┤
	if n%2 == 0 {
		n--
	}
	if n < 9 {
		return m.box(title, nil, r, false, "")
	}
	ks := volumes(n)
	data := make([][]float64, len(qs))
	for i, q := range qs {
		data[i] = make([]float64, n)
		for j, k := range ks {
			v, ok := m.costAt(q, k)
			if !ok || v > top*(1+1e-9) {
				v = math.NaN() // a gap: the option cannot carry the work there
			}
			data[i][j] = v
		}
	}
	if !anyFinite(data) {
		return m.box(title, nil, r, false, "")
	}
	opts := []asciigraph.Option{
		asciigraph.Height(plotH), asciigraph.Width(n), asciigraph.LowerBound(0), asciigraph.UpperBound(top),
		asciigraph.YAxisValueFormatter(m.moneyShort),
		asciigraph.XAxisRange(math.Log2(kMin), math.Log2(kMax)), asciigraph.XAxisTickCount(5),
		asciigraph.XAxisValueFormatter(m.volumeLabel),
	}
	chars := make([]asciigraph.CharSet, len(qs))
	for i := range qs {
		chars[i] = asciigraph.CharSet{Horizontal: seriesChar(i, base)} // the rest default
	}
	opts = append(opts, asciigraph.SeriesChars(chars...))
	if len(m.st.series) > 0 {
		opts = append(opts, asciigraph.SeriesColors(m.seriesColors(len(qs), base)...))
	}
	lines := strings.Split(asciigraph.PlotMany(data, opts...), "\n")
	// Today's volume (with the multiplier) as a dotted line.
	col := int(math.Round(float64(n-1) * math.Log(m.prefs.Volume/kMin) / math.Log(kMax/kMin)))
	markNow(lines, plotH+1, col, m.st.muted.Render("┊"))
	lines = append(lines, m.readout(qs, base, iw, false)...)
	return m.box(title, lines, r, false, "")
}

// renderCompactChart is the chart where a plot has no room: each line's
// trend as a sparkline and its cost at ½×, 1×, 2× and 4× your volume.
func (m *Model) renderCompactChart(r rect) []string {
	iw, ih := r.W-paneSideFrame, r.H-paneFrame
	qs, base := m.chartQuotes(max(ih-1, 1))
	if len(qs) == 0 || m.res.TotalTasks == 0 {
		return m.box(m.chartTitle(), []string{m.st.muted.Render("Nothing to chart yet.")}, r, false, "")
	}
	return m.box(m.chartTitle(), m.readout(qs, base, iw, true), r, false, "")
}

// seriesColors are the lines' colours, the baseline's first in the palette.
func (m *Model) seriesColors(n, base int) []asciigraph.AnsiColor {
	if len(m.st.series) == 0 {
		return nil // no colour
	}
	out := make([]asciigraph.AnsiColor, n)
	j := 1
	for i := range out {
		if i == base {
			out[i] = m.st.series[0]
			continue
		}
		out[i] = m.st.series[j%len(m.st.series)]
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
func (m *Model) readout(qs []*model.Quote, base, iw int, spark bool) []string {
	const sparkW = 9
	vals := make([][]string, len(qs))
	valW := 5
	top := 0.0
	for i, q := range qs {
		vals[i] = make([]string, len(readoutKs))
		for j, k := range readoutKs {
			vals[i][j] = "—"
			if v, ok := m.costAt(q, k); ok {
				vals[i][j] = m.cur.Format(v)
			}
			valW = max(valW, ansiWidth(vals[i][j]))
		}
		if v, ok := m.costAt(q, kMax); ok {
			top = max(top, v)
		}
	}
	cols := len(readoutKs)
	rest := iw - 3 - cols*(valW+1)
	if spark && rest-sparkW-1 < 12 {
		spark = false
	}
	if spark {
		rest -= sparkW + 1
	}
	for rest < 8 && cols > 2 {
		cols-- // the 4× column goes first, then ½×
		rest += valW + 1
	}
	nameW := max(rest, 4)
	show := readoutKs[:cols]
	if cols == 2 {
		show = []float64{1, 2}
	}
	head := strings.Repeat(" ", 3+nameW)
	if spark {
		head += " " + pad("¼× → 4×", sparkW)
	}
	for _, k := range show {
		l := times(k)
		if k == m.prefs.Volume {
			l = "now"
		}
		head += " " + padLeft(l, valW)
	}
	out := []string{m.st.muted.Render(truncate(head, iw))}
	for i, q := range qs {
		sw := seriesChar(i, base) + seriesChar(i, base)
		if cs := m.seriesColors(len(qs), base); cs != nil {
			sw = cs[i].String() + sw + asciigraph.Default.String()
		}
		name := truncate(q.Name, nameW)
		if i == base {
			const tag = " (baseline)"
			name = truncate(q.Name, max(nameW-len(tag), 1)) + m.st.muted.Render(tag)
		}
		l := sw + " " + pad(truncate(name, nameW), nameW)
		if spark {
			l += " " + m.sparkline(q, sparkW, top)
		}
		for j, k := range readoutKs {
			if !slices.Contains(show, k) {
				continue
			}
			v := padLeft(vals[i][j], valW)
			if k == m.prefs.Volume {
				v = m.st.strong.Render(v)
			}
			l += " " + v
		}
		out = append(out, l)
	}
	return out
}

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// sparkline draws q's cost from ¼× to 4× your volume in w cells, on a scale
// from 0 to top shared by every line.
func (m *Model) sparkline(q *model.Quote, w int, top float64) string {
	var b strings.Builder
	for _, k := range volumes(w) {
		v, ok := m.costAt(q, k)
		switch {
		case !ok:
			b.WriteRune(' ')
		case top <= 0:
			b.WriteRune(sparkRunes[0])
		default:
			b.WriteRune(sparkRunes[clamp(int(v/top*float64(len(sparkRunes)-1)+0.5), 0, len(sparkRunes)-1)])
		}
	}
	return m.st.accent.Render(b.String())
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
func (m *Model) volumeLabel(x float64) string {
	k := math.Pow(2, math.Round(x))
	if k == m.prefs.Volume {
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
	for i := 0; i < rows && i < len(lines); i++ {
		plain := []rune(ansi.Strip(lines[i]))
		if axis < 0 {
			for j, r := range plain {
				if r == '┤' || r == '┼' {
					axis = j
					break
				}
			}
			if axis < 0 {
				continue
			}
		}
		c := axis + 1 + col
		switch {
		case c >= len(plain):
			lines[i] += strings.Repeat(" ", c-len(plain)) + mark
		case plain[c] == ' ':
			lines[i] = ansi.Truncate(lines[i], c, "") + mark + ansi.TruncateLeft(lines[i], c+1, "")
		}
	}
}
