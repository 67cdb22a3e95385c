// Package calibrate measures a subscription's usage limits in
// API-equivalent dollars per window from the user's own coding-agent logs
// (docs/DESIGN.md, "Measured limits"). It reads what package usage keeps
// of the logs (requests priced in time order, Codex rate-limit snapshots,
// Claude Code limit notices) and computes; it does no I/O.
//
// Codex: the snapshots of one window instance (same window length, resets
// within a couple of minutes of each other) are ordered in time; from the
// first rise of used_percent to the first snapshot at its highest value the
// requests made cost D dollars and moved the window by Δ points, and the
// instance's capacity is D / (Δ/100). Both ends are moments the percentage
// stepped up, so rounding to whole points costs nothing at the ends. Only
// instances that moved MinMovement points or more are used.
//
// Claude Code: a notice that a limit was reached names the window (5 hours,
// weekly) and its reset; the requests from the reset minus the window's
// length to the notice cost what the limit holds.
//
// Per window length the capacity is the median of the instances, low and
// high their quartiles (min and max under four). A window with a request of
// a model the catalog cannot price is left out rather than measured low.
package calibrate
