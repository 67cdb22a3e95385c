package usage

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tokenomics/tokenomics/safefile"
)

// Source is a kind of usage log.
type Source int

// The logs read.
const (
	ClaudeCode Source = iota // Claude Code JSONL transcripts
	Codex                    // OpenAI Codex CLI rollouts
)

// Sources are the names ParseSource accepts.
var Sources = []string{"claude-code", "codex"}

func (s Source) String() string {
	if s == Codex {
		return "codex"
	}
	return "claude-code"
}

// Title is the source's name for people.
func (s Source) Title() string {
	if s == Codex {
		return "Codex CLI"
	}
	return "Claude Code"
}

// ParseSource reads "claude-code" (or "claude") and "codex".
func ParseSource(name string) (Source, bool) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "claude-code", "claude", "claudecode":
		return ClaudeCode, true
	case "codex":
		return Codex, true
	}
	return 0, false
}

// DefaultRoots are the directories read when no path is given.
//
// Claude Code: every directory of CLAUDE_CONFIG_DIR (a comma-separated list
// allowed); without it $XDG_CONFIG_HOME/claude (default ~/.config/claude)
// and ~/.claude. Each may hold projects/ or be it.
//
// Codex: every directory of CODEX_HOME (comma-separated allowed), else
// ~/.codex; in each, sessions/ and archived_sessions/.
func DefaultRoots(src Source) []string {
	home, _ := os.UserHomeDir()
	env := "CLAUDE_CONFIG_DIR"
	if src == Codex {
		env = "CODEX_HOME"
	}
	if v := os.Getenv(env); strings.TrimSpace(v) != "" {
		var out []string
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	if src == Codex {
		return []string{filepath.Join(home, ".codex")}
	}
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	return []string{filepath.Join(cfg, "claude"), filepath.Join(home, ".claude")}
}

// Problem is a file or directory that could not be read, or not wholly.
type Problem struct {
	Path string
	What string // "unreadable", "vanished before it was read", "read error: …", "unreadable directory", "not found"
}

// fileJob is one log file to read.
type fileJob struct {
	path    string
	session string // the session the path says, for lines that name none
}

// discover finds the log files under roots and hands each to found as soon
// as it is seen, so that reading starts while the walk goes on. explicit
// roots that are missing are problems; missing default roots are only not
// there. It returns the roots that could be read at all.
func discover(src Source, roots []string, explicit bool, found func(fileJob)) (problems []Problem, readable []string) {
	seen := map[string]bool{}
	seenBase := map[string]bool{} // Codex: a rollout in sessions/ hides its archived copy
	// filepath.Abs asks for the working directory on every call (two stat
	// calls); a walk over thousands of files asks once.
	getwd := sync.OnceValues(os.Getwd)
	add := func(p string, codexArchived bool) {
		abs := filepath.Clean(p)
		if wd, err := getwd(); err == nil && !filepath.IsAbs(p) {
			abs = filepath.Join(wd, p)
		}
		if seen[abs] {
			return
		}
		if src == Codex {
			base := filepath.Base(abs)
			if codexArchived && seenBase[base] {
				return
			}
			seenBase[base] = true
		}
		seen[abs] = true
		found(fileJob{path: p, session: pathSession(src, p)})
	}
	for _, root := range roots {
		st, err := os.Stat(root)
		if err != nil {
			if explicit || !errors.Is(err, fs.ErrNotExist) {
				problems = append(problems, Problem{root, describeOpen(err, "not found")})
			}
			continue
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				problems = append(problems, Problem{root, notRegular})
				continue
			}
			readable = append(readable, root)
			add(root, false)
			continue
		}
		var dirs []string
		archived := map[string]bool{}
		if src == ClaudeCode {
			if isDir(filepath.Join(root, "projects")) {
				dirs = []string{filepath.Join(root, "projects")}
			} else {
				dirs = []string{root}
			}
		} else {
			s, a := filepath.Join(root, "sessions"), filepath.Join(root, "archived_sessions")
			if isDir(s) {
				dirs = append(dirs, s)
			}
			if isDir(a) {
				dirs = append(dirs, a)
				archived[a] = true
			}
			if len(dirs) == 0 {
				dirs = []string{root}
			}
		}
		ok := false
		for _, dir := range dirs {
			err := walkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					problems = append(problems, Problem{p, describeOpen(err, "unreadable directory")})
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if p == dir {
					ok = true
				}
				if d.IsDir() || !strings.HasSuffix(d.Name(), ".jsonl") {
					return nil
				}
				// The directory entry says the type: only a symlink needs a
				// stat. openLog checks again, as a file can be swapped after.
				mode := d.Type()
				if mode&fs.ModeSymlink != 0 {
					info, err := os.Stat(p)
					if err != nil {
						problems = append(problems, Problem{p, describeOpen(err, "unreadable")})
						return nil
					}
					mode = info.Mode()
				}
				if !mode.IsRegular() {
					problems = append(problems, Problem{p, notRegular})
					return nil
				}
				add(p, archived[dir])
				return nil
			})
			if err != nil {
				problems = append(problems, Problem{dir, describeOpen(err, "unreadable directory")})
			}
		}
		if ok {
			readable = append(readable, root)
		}
	}
	return problems, readable
}

// notRegular is the problem of a FIFO, device or socket where a log should
// be: reading one could wait for ever or never end, so it is skipped.
const notRegular = "not a regular file: skipped"

// openLog opens a log file, refusing what is not a regular file (a FIFO put
// in place after the walk would block a plain open); tests replace it to
// make files fail.
var openLog = safefile.OpenReader

// walkDir lists a directory tree; tests replace it to make directories fail.
var walkDir = filepath.WalkDir

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// describeOpen names why a path could not be opened.
func describeOpen(err error, fallback string) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if fallback == "not found" {
			return fallback
		}
		return "vanished before it was read"
	case errors.Is(err, safefile.ErrNotRegular):
		return notRegular
	case errors.Is(err, fs.ErrPermission):
		if fallback == "unreadable directory" {
			return "unreadable directory (permission denied)"
		}
		return "unreadable (permission denied)"
	}
	return fallback + ": " + err.Error()
}

// pathSession is the session a log file's path names. Claude Code keeps a
// session in projects/<project>/<session>.jsonl, and its sub-agents in
// projects/<project>/<session>/subagents/<agent>.jsonl: the session is the
// file's name, or the directory holding subagents/. Codex keeps one session
// per rollout file.
func pathSession(src Source, p string) string {
	if src == Codex {
		return p
	}
	dir, file := filepath.Split(filepath.Clean(p))
	dir = filepath.Clean(dir)
	for d := dir; d != "." && d != string(filepath.Separator) && d != ""; d = filepath.Dir(d) {
		if filepath.Base(d) == "subagents" {
			return filepath.Base(filepath.Dir(d))
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return strings.TrimSuffix(file, ".jsonl")
}

// maxName bounds a model or session name as kept and shown: real ones are
// well under 100 bytes, and one long name would widen every row of a table.
const maxName = 128

// boundName makes a name from a log safe to keep and print: control
// characters (a terminal would obey them) and invalid UTF-8 become U+FFFD,
// and a name longer than maxName keeps its start and a hash of the whole,
// so that long names that differ stay apart.
func boundName(b []byte) []byte {
	plain := len(b) <= maxName
	for i := 0; plain && i < len(b); i++ {
		plain = b[i] >= 0x20 && b[i] < 0x7f
	}
	if plain {
		return b
	}
	clean := make([]byte, 0, maxName+utf8.UTFMax)
	for _, r := range string(b) { // invalid UTF-8 reads as U+FFFD
		if unicode.IsControl(r) {
			r = utf8.RuneError
		}
		if clean = utf8.AppendRune(clean, r); len(clean) > maxName {
			break
		}
	}
	if len(clean) <= maxName {
		return clean
	}
	cut := maxName - len("…") - 16
	for !utf8.RuneStart(clean[cut]) {
		cut--
	}
	h := fnv.New64a()
	h.Write(b)
	return fmt.Appendf(clean[:cut], "…%016x", h.Sum64())
}
