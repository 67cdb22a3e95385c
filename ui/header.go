package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/columns"
)

// header is the title line: the workload, its file and whether it has
// unsaved edits, the billing period, currency and price date, and "? help".
// It keeps its last render; the root sizes it from the layout and says
// which file the workload is in.
type header struct {
	today time.Time // the catalog's age is counted to this day

	r     rect
	lines []string
}

func (h *header) setSize(r rect) { h.r = r }
func (h *header) view() []string { return h.lines }

// draw renders the line for the workload in file ("" for none), marked when
// it has edits the file does not.
func (h *header) draw(sh *shared, file string, modified bool) {
	h.lines = h.render(sh, file, modified, h.r)
}

// staleDays is how old the catalog is, or -1 when its date is unreadable.
func (h *header) staleDays(asOf string) int {
	t, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return -1
	}
	return int(h.today.Sub(t).Hours() / 24)
}

// render is the line in r: "? help" stays at every width (the date goes
// first, then the billing and currency, then the workload's name is cut).
func (h *header) render(sh *shared, file string, modified bool, r rect) []string {
	help := sh.st.muted.Render("? help") + " "
	prefix := " " + sh.st.title.Render("tokenomics") + " · "
	name, mark := sh.w.Name, ""
	if file != "" {
		// The mark says the file differs from the screen; a workload with no
		// file has nothing to differ from (the state file keeps it).
		name += " · " + filepath.Base(file)
		if modified {
			mark = " " + sh.st.warn.Render("● modified")
		}
	}
	date := "prices of " + sh.cat.AsOf
	if sh.cat.AsOf == "" {
		date = "prices: undated"
	}
	if d := h.staleDays(sh.cat.AsOf); d > 90 {
		date = sh.st.warn.Render(fmt.Sprintf("⚠ %s (%d days old)", date, d))
	}
	fixed := columns.Width(prefix) + columns.Width(help)
	right := ""
	// Amounts in another currency rest on a rate of a day: say which.
	cur := sh.cur.Code
	if cur != "USD" {
		cur += " at " + sh.cur.FormatRate(1) + "/$"
		if sh.cat.FX.AsOf != "" {
			cur += " of " + sh.cat.FX.AsOf
		}
	}
	for _, rt := range []string{
		sh.w.Billing.String() + " · " + cur + " · " + date + "   ",
		sh.w.Billing.String() + " · " + cur + "   ",
		sh.w.Billing.String() + " · " + sh.cur.Code + "   ",
		sh.cur.Code + "  ",
	} {
		if fixed+columns.Width(name)+columns.Width(mark)+columns.Width(rt)+1 <= r.W {
			right = rt
			break
		}
	}
	if mark != "" && fixed+columns.Width(mark)+8 > r.W {
		mark = " " + sh.st.warn.Render("●")
	}
	room := r.W - fixed - columns.Width(mark) - columns.Width(right) - 1
	if room < 1 {
		return []string{columns.Pad(columns.Cut(" "+help, r.W), r.W, columns.Right)}
	}
	left := prefix + columns.Cut(name, room) + mark
	gap := max(r.W-columns.Width(left)-columns.Width(right)-columns.Width(help), 0)
	return []string{left + strings.Repeat(" ", gap) + right + help}
}
