package ui

// Layout is data: computed once per resize (or when the workload pane's
// height needs change) and read by every renderer and by mouse hit-testing.

const (
	minWidth, minHeight = 40, 12 // below this only a "too small" message fits
	wideWidth           = 110    // side by side from here on
	plansMinRows        = 10     // plans pane height (with borders) we defend
	chartMinRows        = 11     // below this a chart says nothing
	chartMaxRows        = 18     // a taller chart only wastes rows the plans could use
	compactChartMin     = 5      // a compact chart: the readout of two lines, framed
	compactChartMax     = 7      // … of four lines
	plansCompactRows    = 8      // the plans pane beside a compact chart
	glanceMinRows       = 7      // the glance box needs a few lines to say anything
	leftMin, leftMax    = 46, 60 // workload pane width when wide
	verdictMaxRows      = 8      // the verdict and its supporting lines, wrapped (tall screens)
	footerRows          = 1      // help bar, status or prompt
	headerRows          = 1      // title, billing, currency, catalog date
	paneFrame           = 2      // top and bottom border of a pane
	paneSideFrame       = 4      // border and one space of padding on each side
	workMinRows         = 4      // a pane with one visible row
)

type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

type layout struct {
	W, H     int
	tooSmall bool
	wide     bool

	header, verdict, footer rect
	work, plans, chart      rect // chart.H == 0 when hidden
	glance                  rect // under the workload pane when wide; H == 0 when none
	details                 bool // the workload pane shows each class's summary line
}

// body is everything between the verdict and the footer: where an overlay
// goes.
func (l layout) body() rect {
	top := l.verdict.Y + l.verdict.H
	return rect{0, top, l.W, l.footer.Y - top}
}

// detail is where the detail view goes: the plans pane and the chart's space.
func (l layout) detail() rect {
	r := l.plans
	if l.chart.H > 0 {
		r.H += l.chart.H
	}
	return r
}

// computeLayout places every part for a w×h terminal. workLines reports how
// many content lines the workload pane wants with or without class details;
// verdictRows how many the verdict needs at width w, and verdictKeep how many
// it keeps on a short screen (the line about the plan you pay for, whole).
func computeLayout(w, h int, workLines func(details bool) int, verdictRows, verdictKeep int) layout {
	l := layout{W: w, H: h}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	l.wide = w >= wideWidth
	vh := clamp(verdictRows, 1, clamp(h/5, 4, verdictMaxRows))
	switch {
	case h < 20:
		vh = min(vh, 2) // short screens keep their rows for the panes
	case h < 30:
		vh = min(vh, max(3, min(verdictKeep, 4)))
	}
	l.header = rect{0, 0, w, headerRows}
	l.verdict = rect{0, headerRows, w, vh}
	top := headerRows + vh
	bh := h - top - footerRows
	l.footer = rect{0, h - footerRows, w, footerRows}

	if l.wide {
		lw := workWidth(w)
		// The workload pane takes what it needs; the selected option's
		// summary fills the rest of the column when that is worth a box.
		need := workLines(true) + paneFrame
		l.details = need <= bh
		wh := bh
		if bh-need >= glanceMinRows {
			wh = need
			l.glance = rect{0, top + wh, lw, bh - wh}
		}
		l.work = rect{0, top, lw, wh}
		ph := bh
		switch {
		case bh >= plansMinRows+chartMinRows+2:
			ch := clamp(bh/2, chartMinRows, chartMaxRows)
			ph = bh - ch
			l.chart = rect{lw, top + ph, w - lw, ch}
		case bh >= plansMinRows+compactChartMin:
			ch := min(bh-plansMinRows, compactChartMax)
			ph = bh - ch
			l.chart = rect{lw, top + ph, w - lw, ch}
		}
		l.plans = rect{lw, top, w - lw, ph}
		return l
	}

	full := workLines(true) + paneFrame
	compact := workLines(false) + paneFrame
	switch {
	case bh >= full+plansMinRows+2+chartMinRows:
		// Room for everything; the plans pane gets what the chart leaves.
		l.details = true
		ch := clamp((bh-full)/2, chartMinRows, chartMaxRows-2)
		l.work = rect{0, top, w, full}
		l.plans = rect{0, top + full, w, bh - full - ch}
		l.chart = rect{0, top + bh - ch, w, ch}
	default:
		// The plot hides first, then the class details, then the compact
		// chart (each line's cost at ½× to 4×); the workload pane scrolls
		// when even that is not enough.
		ch, plansNeed := 0, plansMinRows
		if bh >= compact+plansCompactRows+compactChartMin {
			ch, plansNeed = compactChartMin, plansCompactRows
		}
		l.details = bh-ch >= full+plansNeed
		wh := full
		if !l.details {
			wh = min(compact, bh-plansNeed-ch)
		}
		wh = max(wh, min(workMinRows, bh-3))
		if ch > 0 {
			// More of the chart only while the plans keep their full pane.
			ch = clamp(bh-wh-plansMinRows, compactChartMin, compactChartMax)
			l.chart = rect{0, top + bh - ch, w, ch}
		}
		l.work = rect{0, top, w, wh}
		l.plans = rect{0, top + wh, w, bh - wh - ch}
	}
	return l
}

// workWidth is the workload pane's width in a w-wide terminal.
func workWidth(w int) int {
	if w >= wideWidth {
		return clamp(w*2/5, leftMin, leftMax)
	}
	return w
}

func clamp(v, lo, hi int) int {
	return max(lo, min(hi, v))
}
