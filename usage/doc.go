// Package usage reads the usage records that coding agents keep on disk —
// Claude Code transcripts and Codex CLI rollouts — and turns them into a
// workload the cost engine can price.
//
// # Reading
//
// Load lists the log files (DefaultRoots, or the paths given), reads them in
// parallel (one worker per GOMAXPROCS, largest files first), each line by
// line from a bounded buffer: lines longer than Options.MaxLine (10 MB) are
// read through in pieces, skipped and counted. Only token counts, times,
// request and message ids (hashed), session ids and model names are taken
// from a line, by a small JSON walker that skips message content unread;
// content is never stored, printed or kept past its line.
//
// Claude Code (../shared/reference/peers.md, "Log format A"): only lines
// holding "usage":{ are parsed, as ccusage does; a record needs a timestamp
// and message.usage with input_tokens and output_tokens; agent-progress
// lines count with their nested record. Entries are de-duplicated across
// files on message id + request id: the non-sidechain copy wins, then the
// one with more tokens; a sidechain replay of a message id already seen is
// dropped. The rule is applied so that the result does not depend on the
// order files are read in. A session is the line's sessionId (sub-agent
// transcripts carry their parent's), else the one the path names.
//
// Codex (peers.md, "Log format B"): per-turn usage is last_token_usage, else
// the growth of total_token_usage; input_tokens includes the cached input
// (uncached = input − cached) and output_tokens the reasoning (visible =
// output − reasoning). A rollout in sessions/ hides its copy in
// archived_sessions/; a sub-agent rollout's replay of its parent's totals is
// skipped. A rollout is a session.
//
// Bad input is counted, never fatal: lines that are not JSON, malformed or
// cut short, break the format's rules, have no readable time or impossible
// counts are skipped and counted by reason; files and directories that
// cannot be read, vanish or fail mid-read are listed as problems. Load fails
// (ErrNothingReadable) only when nothing at all can be read.
//
// Memory does not grow with the size of the logs: one line buffer per worker,
// and one 48-byte record per distinct request plus its de-duplication entry
// (about 40 bytes per Claude message id) — it grows with the number of
// requests, which de-duplication across files needs.
//
// # Pricing and names
//
// MatchModel maps the logs' model names to catalog ids by a fixed, tested
// normalization (snapshot dates, provider prefixes, Codex variants); a name
// it cannot map keeps its tokens and has no price. Summarize prices each
// request with model.RequestCost: this package computes no price itself.
//
// # From records to a workload
//
// Derive groups tasks (the requests of one session on one model) by Rule
// into short, agentic and long-context classes per model, fits each class's
// fields so that it costs, on the model the logs used, what its requests
// cost, and checks the whole workload with model.Evaluate (Derived.Error).
package usage
