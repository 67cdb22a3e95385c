package ui

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"
)

// TestPlotRowCutsAsANSI: a plot row split into cells truncates and cuts at
// every cell exactly as package ansi does, byte for byte, on plots as the
// chart draws them (coloured series, gaps, money labels with € and ₩) and
// on lines the split leaves to package ansi (wide runes, joining marks,
// other escapes).
func TestPlotRowCutsAsANSI(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var lines []string
	for range 60 {
		n, series := 9+2*rng.IntN(20), 1+rng.IntN(4)
		data := make([][]float64, series)
		for i := range data {
			data[i] = make([]float64, n)
			for j := range data[i] {
				data[i][j] = rng.Float64() * 100
				if rng.IntN(8) == 0 {
					data[i][j] = math.NaN()
				}
			}
		}
		data[0][0] = 1 // a plot needs one finite point
		cur := []string{"$", "€", "₩"}[rng.IntN(3)]
		colors := make([]asciigraph.AnsiColor, series)
		chars := make([]asciigraph.CharSet, series)
		for i := range colors {
			colors[i] = asciigraph.AnsiColor(1 + rng.IntN(255))
			chars[i] = asciigraph.CharSet{Horizontal: seriesChars[rng.IntN(len(seriesChars))]}
		}
		plot := asciigraph.PlotMany(data, asciigraph.Height(2+rng.IntN(12)), asciigraph.LowerBound(0), asciigraph.UpperBound(120),
			asciigraph.YAxisValueFormatter(func(v float64) string { return cur + strings.Repeat("9", 1+int(v)%3) }),
			asciigraph.SeriesColors(colors...), asciigraph.SeriesChars(chars...))
		lines = append(lines, strings.Split(plot, "\n")...)
	}
	lines = append(lines, "ab┤日本 x", "a\u0301┤  x", "\x1b]8;;x\x07┤ x\x1b]8;;\x07", "\x1b[31m┤\x1b[m \x1b[2 q  ─", "\t┤ x")
	fast := 0
	for _, l := range lines {
		pr := splitPlotRow(l, nil)
		if pr.offs != nil {
			fast++
		}
		if got, want := pr.len(), len([]rune(ansi.Strip(l))); got != want {
			t.Fatalf("%q: %d cells, ansi strips %d runes", l, got, want)
		}
		for k := range pr.len() + 2 {
			var b strings.Builder
			if pr.truncate(&b, k); b.String() != ansi.Truncate(l, k, "") {
				t.Fatalf("truncate(%q, %d) = %q, ansi %q", l, k, b.String(), ansi.Truncate(l, k, ""))
			}
			b.Reset()
			if pr.truncateLeft(&b, k); b.String() != ansi.TruncateLeft(l, k, "") {
				t.Fatalf("truncateLeft(%q, %d) = %q, ansi %q", l, k, b.String(), ansi.TruncateLeft(l, k, ""))
			}
			for e := k + 1; e <= pr.len() && k > 0; e++ {
				b.Reset()
				if pr.cut(&b, k, e); b.String() != ansi.Cut(l, k, e) {
					t.Fatalf("cut(%q, %d, %d) = %q, ansi %q", l, k, e, b.String(), ansi.Cut(l, k, e))
				}
			}
		}
	}
	if fast < len(lines)-5 {
		t.Errorf("only %d of %d plot lines split by offsets", fast, len(lines))
	}
}
