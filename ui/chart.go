package ui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/tokenomics/tokenomics/model"
)

// The chart: monthly cost of the cheapest few options as every class count
// scales from ¼× to 4× today's, on a log axis so today sits in the middle.

const (
	chartSeriesMax = 4
	kMin, kMax     = 0.25, 4.0
)

// seriesChars tell the lines apart without colour (NO_COLOR, colour blindness).
var seriesChars = []string{"━", "─", "┄", "═"}

// chartQuotes are the lines that show where the answer flips: the cheapest
// option in view, the cheapest of the other kind (plans vs API), the cheapest
// paid plan (a flat line the API lines cross at break-even), then the next
// cheapest, and the selected option when it is eligible.
func (m *Model) chartQuotes() []*model.Quote {
	var out []*model.Quote
	add := func(q *model.Quote) {
		if q != nil && q.Eligible && len(out) < chartSeriesMax && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	first := func(ok func(*model.Quote) bool) *model.Quote {
		for _, qi := range m.plans.list {
			if q := &m.res.Quotes[qi]; q.Eligible && ok(q) {
				return q
			}
		}
		return nil
	}
	best := first(func(*model.Quote) bool { return true })
	add(best)
	if best != nil {
		isPlan := best.Kind == model.KindSubscription
		add(first(func(q *model.Quote) bool { return (q.Kind == model.KindSubscription) != isPlan }))
	}
	add(first(func(q *model.Quote) bool { return q.Kind == model.KindSubscription && q.Base > 0 }))
	sel := m.selectedQuote()
	for _, qi := range m.plans.list {
		if len(out) >= chartSeriesMax-1 {
			break
		}
		add(&m.res.Quotes[qi])
	}
	if sel != nil && sel.Eligible && !slices.Contains(out, sel) {
		if len(out) == chartSeriesMax {
			out = out[:chartSeriesMax-1]
		}
		out = append(out, sel)
	}
	return out
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

// niceStep rounds a positive step up to 1, 2, 2.5 or 5 times a power of ten
// (at least one cent).
func niceStep(x float64) float64 {
	if !(x > 0.01) || math.IsInf(x, 0) {
		return 0.01
	}
	p := math.Pow10(int(math.Floor(math.Log10(x))))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
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

func (m *Model) renderChart(r rect) []string {
	const title = "Monthly cost as your volume changes"
	iw, ih := r.W-paneSideFrame, r.H-paneFrame
	qs := m.chartQuotes()
	plotH := ih - 4 // plot rows + 1, x-axis line, x labels, legend
	if len(qs) == 0 || m.res.TotalTasks == 0 || plotH < 2 || iw < 24 {
		return m.box(title, []string{m.st.muted.Render("Nothing to chart: no option can carry this work yet.")}, r, false, "")
	}
	// The costs at 4× set the scale (cost never falls as volume grows); the
	// axis then steps in round amounts so its labels read like prices.
	top := 0.0
	for _, q := range qs {
		if v, ok := m.res.CostAt(q.ID, kMax); ok && !math.IsInf(v, 0) && !math.IsNaN(v) {
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
			v, ok := m.res.CostAt(q.ID, k)
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > top*(1+1e-9) {
				v = math.NaN() // a gap: the option cannot carry the work there
			}
			data[i][j] = v
		}
	}
	opts := []asciigraph.Option{
		asciigraph.Height(plotH), asciigraph.Width(n), asciigraph.LowerBound(0), asciigraph.UpperBound(top),
		asciigraph.YAxisValueFormatter(m.moneyShort),
		asciigraph.XAxisRange(math.Log2(kMin), math.Log2(kMax)), asciigraph.XAxisTickCount(5),
		asciigraph.XAxisValueFormatter(volumeLabel),
	}
	chars := make([]asciigraph.CharSet, len(qs))
	for i := range qs {
		chars[i] = asciigraph.CharSet{Horizontal: seriesChars[i]} // the rest default
	}
	opts = append(opts, asciigraph.SeriesChars(chars...))
	if len(m.st.series) > 0 {
		opts = append(opts, asciigraph.SeriesColors(m.st.series[:len(qs)]...))
	}
	if !anyFinite(data) {
		return m.box(title, nil, r, false, "")
	}
	lines := strings.Split(asciigraph.PlotMany(data, opts...), "\n")
	markNow(lines, plotH+1, (n-1)/2, m.st.muted.Render("┊"))
	lines = append(lines, m.legend(qs, iw))
	return m.box(title, lines, r, false, "")
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

func volumeLabel(x float64) string {
	switch math.Round(x) {
	case -2:
		return "¼×"
	case -1:
		return "½×"
	case 0:
		return "now"
	case 1:
		return "2×"
	}
	return "4×"
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

func (m *Model) legend(qs []*model.Quote, iw int) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		sw := seriesChars[i] + seriesChars[i]
		if len(m.st.series) > i {
			sw = m.st.series[i].String() + sw + asciigraph.Default.String()
		}
		parts[i] = sw + " " + q.Name
	}
	return truncate(strings.Join(parts, "   ")+"   "+m.st.muted.Render("┊ now"), iw)
}
