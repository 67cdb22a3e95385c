package tokencount

import (
	"math"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/tiktoken-go/tokenizer"
)

// The split patterns of o200k_base and cl100k_base, as tiktoken defines them.
// The tokenizer library compiles the same patterns to Go code that gets one
// case wrong: for `\s*[\r\n]+` it backtracks to the first line break of a
// whitespace run instead of the last, so "x\n    \n" splits into "x", "\n",
// "    \n" (3 tokens) where tiktoken has "x", "\n    \n" (2). regexp2's
// interpreter, which Compile uses, backtracks correctly.
const (
	o200kSplit  = `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	cl100kSplit = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
)

// encoder counts tokens under one encoding: the library counts the text,
// except the whitespace runs it splits wrongly (see brokenRuns), whose piece
// is split by the interpreted pattern and byte-pair encoded here.
type encoder struct {
	encoding tokenizer.Encoding
	codec    tokenizer.Codec
	split    *regexp2.Regexp

	ranksOnce sync.Once
	ranks     map[string]int // the tokens made only of bytes of whitespace
	ranksErr  error
}

func newEncoder(enc tokenizer.Encoding, pattern string) (*encoder, error) {
	codec, err := tokenizer.Get(enc)
	if err != nil {
		return nil, err
	}
	// Invalid UTF-8 becomes U+FFFD, as Python's tiktoken sees a str.
	codec.SetErrorMode(tokenizer.ErrorModeReplace)
	split, err := regexp2.Compile(pattern, regexp2.None)
	if err != nil {
		return nil, err
	}
	return &encoder{encoding: enc, codec: codec, split: split}, nil
}

// wsRun is a whitespace run holding two or more groups of line breaks, which
// the library splits at the first group where tiktoken splits after the last.
type wsRun struct {
	from  int  // a place at or before the run where every piece starts
	end   int  // just past the run's last line break
	whole bool // the run's first piece starts at from, the run's start
}

// brokenRuns finds the whitespace runs of text that the library splits
// wrongly, in order.
func brokenRuns(text string) []wsRun {
	var runs []wsRun
	var (
		lastSafe       int // the last place where every piece starts
		prev           = '\n'
		inRun, inBreak bool
		run            wsRun
		groups         int
	)
	done := func() {
		if inRun && groups >= 2 {
			runs = append(runs, run)
		}
		inRun = false
	}
	for i, r := range text {
		if i > 0 && safeCut(prev, r) {
			lastSafe = i
		}
		before := prev
		prev = r
		if !isSpace(r) {
			done()
			continue
		}
		if !inRun {
			inRun, inBreak, groups = true, false, 0
			run = wsRun{from: lastSafe}
			// Only punctuation takes line breaks after it into its piece;
			// letters and digits end theirs.
			if i == 0 || r != '\r' && r != '\n' || isLetterOrDigit(before) {
				run = wsRun{from: i, whole: true}
			}
		}
		if r == '\r' || r == '\n' {
			if !inBreak {
				groups++
			}
			inBreak = true
			run.end = i + 1
		} else {
			inBreak = false
		}
	}
	done()
	return runs
}

// count counts the tokens of text, whose broken runs are runs.
func (e *encoder) count(text string, runs []wsRun) (int, error) {
	n, seg := 0, 0
	for _, r := range runs {
		// The run's first piece ends at r.end; it starts at the run, or
		// after its first line breaks when punctuation before took them,
		// which the interpreted pattern tells.
		start := r.from
		if !r.whole {
			var err error
			if start, err = e.lastPiece(text, max(r.from, seg), r.end); err != nil {
				return n, err
			}
		}
		piece := text[start:r.end]
		k, err := e.codec.Count(text[seg:start])
		if err != nil {
			return n, err
		}
		b, err := e.bpeCount(piece)
		if err != nil {
			return n, err
		}
		n += k + b
		seg = r.end
	}
	k, err := e.codec.Count(text[seg:])
	return n + k, err
}

// lastPiece is where the last piece of text[from:end] starts, from a place
// where a piece starts.
func (e *encoder) lastPiece(text string, from, end int) (int, error) {
	m, err := e.split.FindStringMatch(text[from:end])
	var last *regexp2.Match
	for m != nil && err == nil {
		last = m
		m, err = e.split.FindNextMatch(m)
	}
	if err != nil {
		return 0, err
	}
	// The piece is whitespace: its runes are its bytes.
	return end - len(last.String()), nil
}

// wsByte marks the bytes that occur in the UTF-8 of whitespace characters:
// every part of a whitespace piece is made of them.
var wsByte = func() (set [256]bool) {
	// White_Space is \s, and what isSpace and unicode.IsSpace accept.
	for _, rg := range unicode.White_Space.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			for _, b := range utf8.AppendRune(nil, r) {
				set[b] = true
			}
		}
	}
	return set
}()

// loadRanks keeps the tokens made only of whitespace bytes, read once from
// the library's vocabulary through a codec of its own, whose reverse table is
// dropped with it.
func (e *encoder) loadRanks() {
	dec, err := tokenizer.Get(e.encoding)
	if err != nil {
		e.ranksErr = err
		return
	}
	e.ranks = make(map[string]int)
	// Ranks are token ids, dense from 0: the first id that fails to decode
	// is past the last.
	for id := 0; ; id++ {
		s, err := dec.Decode([]uint{uint(id)})
		if err != nil {
			break
		}
		ws := true
		for i := 0; i < len(s) && ws; i++ {
			ws = wsByte[s[i]]
		}
		if ws {
			e.ranks[s] = id
		}
	}
}

// bpeCount is the number of tokens byte-pair encoding makes of a whitespace
// piece: the adjacent parts whose join has the lowest rank are merged first
// (the leftmost of equals), as tiktoken does.
func (e *encoder) bpeCount(piece string) (int, error) {
	for i := 0; i < len(piece); i++ {
		if !wsByte[piece[i]] { // not whitespace: the library is right on it
			return e.codec.Count(piece)
		}
	}
	e.ranksOnce.Do(e.loadRanks)
	if e.ranksErr != nil {
		return 0, e.ranksErr
	}
	return bpeCount(e.ranks, piece), nil
}

func bpeCount(ranks map[string]int, piece string) int {
	if _, ok := ranks[piece]; ok {
		return 1
	}
	// start[i] is where part i begins; rank[i] is the rank of parts i and
	// i+1 joined.
	start := make([]int, len(piece)+1)
	rank := make([]int, len(piece)+1)
	rankOf := func(i int) int {
		if i+2 < len(start) {
			if r, ok := ranks[piece[start[i]:start[i+2]]]; ok {
				return r
			}
		}
		return math.MaxInt
	}
	for i := range start {
		start[i] = i
	}
	for i := range rank {
		rank[i] = rankOf(i)
	}
	for len(start) > 2 {
		best := 0
		for i := range rank {
			if rank[i] < rank[best] {
				best = i
			}
		}
		if rank[best] == math.MaxInt {
			break
		}
		start = append(start[:best+1], start[best+2:]...)
		rank = append(rank[:best+1], rank[best+2:]...)
		rank[best] = rankOf(best)
		if best > 0 {
			rank[best-1] = rankOf(best - 1)
		}
	}
	return len(start) - 1
}
