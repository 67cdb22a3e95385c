package plans

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/tokenomics/tokenomics/safefile"
)

// The files are read by walking goccy/go-yaml's AST rather than by
// reflection-decoding into structs: every node carries its line and column,
// so syntax errors, type errors, unknown keys and semantic errors all point
// at the exact node with a field path, and nothing depends on the wording of
// the decoder's errors. The walk costs a tenth of the parse.

// path is a field path: a linked list of steps from the leaf up, turned into
// text only when an error needs it.
type path struct {
	up    *path
	key   string // a mapping key, or "" for a list index
	index int
}

func (p *path) field(k string) *path { return &path{up: p, key: k} }
func (p *path) at(i int) *path       { return &path{up: p, index: i} }

func (p *path) String() string {
	var steps []*path
	for q := p; q != nil; q = q.up {
		steps = append(steps, q)
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		q := steps[i]
		if q.key == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.key)
	}
	return b.String()
}

// maxVisits bounds the nodes one file may make us look at. Aliases can
// repeat a subtree many times over (a list of aliases to mappings that hold
// lists of aliases …); the bound keeps a small hostile file cheap.
const maxVisits = 1 << 20

type decoder struct {
	file    string
	root    ast.Node
	anchors map[string][]*ast.AnchorNode // built on the first alias
	visits  int
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parseDocument parses data as a single YAML document and returns a decoder
// and the document's body (nil for an empty document).
func parseDocument(name string, data []byte) (d *decoder, body ast.Node, err error) {
	d = &decoder{file: name}
	data = bytes.TrimPrefix(data, utf8BOM) // editors on Windows add one
	if len(data) > maxFileSize {
		return nil, nil, errorf(name, 1, 1, "", "the file is %d bytes; the limit is %d", len(data), maxFileSize)
	}
	if line, col, b, ok := invalidUTF8(data); ok {
		// The parser would read each bad byte as U+FFFD: a name, an id or a
		// note would change without a word.
		return nil, nil, errorf(name, line, col, "", "not UTF-8 text (byte 0x%02x): save the file as UTF-8", b)
	}
	if line, col, msg := checkShape(data); msg != "" {
		return nil, nil, errorf(name, line, col, "", "%s", msg)
	}
	f, err := parseBytes(data)
	if err != nil {
		if pe, ok := YAMLError(name, err); ok {
			return nil, nil, pe
		}
		return nil, nil, errorf(name, 1, 1, "", "%v", err)
	}
	for i, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if body != nil {
			line, col := position(doc.Body)
			return nil, nil, errorf(name, line, col, "", "only one YAML document is allowed (this is document %d)", i+1)
		}
		body = doc.Body
	}
	d.root = body
	return d, body, nil
}

// readFile reads a catalog, overlay or workload file: a regular file of at
// most maxFileSize bytes, read no further than that. Too large is an *Error
// at 1:1; anything else is a *fs.PathError.
func readFile(path string) ([]byte, error) {
	data, err := safefile.ReadFile(path, maxFileSize)
	if errors.Is(err, safefile.ErrTooLarge) {
		return nil, errorf(path, 1, 1, "", "the file is larger than %s, the limit", safefile.Size(maxFileSize))
	}
	return data, err
}

// maxFileSize is far above any catalog (the shipped one is 60 kB) and keeps
// the parser's time and memory in bounds (it reads 1-15 MB a second).
const maxFileSize = 4 << 20

// Bounds on the shape of a file, checked before the parser sees it. The
// time goccy/go-yaml takes grows with the square of the nesting depth
// (100,000 '[' take most of a minute); for a block mapping it recurses once
// per key and copies the keys after each (40,000 keys take 3 s, 200,000 more
// memory than the machine has). Our formats nest a handful of levels, and
// their largest mapping has about twenty keys.
const (
	maxDepth = 1000
	maxKeys  = 500
)

// checkShape reports where a file first nests deeper than maxDepth (flow
// brackets outside quotes and comments, "- " runs, indentation levels) or
// puts more than maxKeys keys in one block mapping. It is a guard, not a
// parser: it may count a bracket or a key inside a block of text, which only
// matters for a file that is absurd anyway.
func checkShape(data []byte) (line, col int, msg string) {
	s := shape{line: 1, prev: '\n'}
	lineStart := true
	for i := 0; i < len(data); i++ {
		if data[i] == '\n' {
			s.line, s.col, s.comment, s.prev, lineStart = s.line+1, 0, false, '\n', true
			continue
		}
		if lineStart && s.quote == 0 {
			if col, msg := s.blocks(data[i:]); msg != "" {
				return s.line, col, msg
			}
		}
		lineStart = false
		if i, msg = s.char(data, i); msg != "" {
			return s.line, s.col, msg
		}
	}
	return 0, 0, ""
}

// tooDeep is checkShape's message for a file that nests too deep.
var tooDeep = fmt.Sprintf("nesting deeper than %d levels", maxDepth)

// shape is where checkShape is in a file and what is open there.
type shape struct {
	line, col int
	depth     int  // open flow brackets
	quote     byte // the open quote, or 0
	comment   bool
	prev      byte
	// Block mappings open at this line's indentation: their key columns
	// and key counts, innermost last.
	open []struct{ col, keys int }
}

// blocks follows the block structure at the start of a line outside
// quotes: "- " entries and mapping keys. It returns the column and the
// problem of a line that nests too deep or puts too many keys in a mapping.
func (s *shape) blocks(line []byte) (col int, msg string) {
	indent, kcol, dashes, isKey := lineShape(line)
	if dashes > maxDepth {
		return kcol, tooDeep
	}
	if s.depth > 0 || (dashes == 0 && !isKey) {
		return 0, ""
	}
	// A "- " entry closes the mappings of the entry before it; a key closes
	// the mappings nested deeper than itself.
	top := kcol
	if dashes > 0 {
		top = indent
	}
	for len(s.open) > 0 && s.open[len(s.open)-1].col > top {
		s.open = s.open[:len(s.open)-1]
	}
	if !isKey {
		return 0, ""
	}
	if n := len(s.open); n > 0 && s.open[n-1].col == kcol {
		if s.open[n-1].keys++; s.open[n-1].keys > maxKeys {
			return kcol, fmt.Sprintf("more than %d keys in one mapping", maxKeys)
		}
	} else if s.open = append(s.open, struct{ col, keys int }{kcol, 1}); len(s.open) > maxDepth {
		return kcol, tooDeep
	}
	return 0, ""
}

// char reads the character at data[i] (not a line break) for quotes,
// comments and flow brackets. It returns the index of the last byte read
// (an escape reads two) and the problem of a bracket that nests too deep.
func (s *shape) char(data []byte, i int) (last int, msg string) {
	c := data[i]
	if c&0xC0 != 0x80 { // columns count characters, as the parser's do
		s.col++
	}
	switch {
	case s.comment:
	case s.quote == '"':
		if c == '\\' && i+1 < len(data) && data[i+1] != '\n' {
			i++ // skip the escaped character's first byte
			if data[i]&0xC0 != 0x80 {
				s.col++
			}
		} else if c == '"' {
			s.quote = 0
		}
	case s.quote == '\'':
		if c == '\'' {
			if i+1 < len(data) && data[i+1] == '\'' {
				i, s.col = i+1, s.col+1 // '' is an escaped quote
			} else {
				s.quote = 0
			}
		}
	case c == '#' && (s.prev == ' ' || s.prev == '\t' || s.prev == '\n'):
		s.comment = true
	case (c == '"' || c == '\'') && strings.IndexByte(" \t\n[{,:", s.prev) >= 0:
		s.quote = c // a quote opens a scalar only where a scalar can start
	case c == '[' || c == '{':
		if s.depth++; s.depth > maxDepth {
			return i, tooDeep
		}
	case c == ']' || c == '}':
		s.depth = max(s.depth-1, 0)
	}
	s.prev = c
	return i, ""
}

// lineShape reads the start of a line: the column of its first character,
// the column after its indentation and "- " entries, how many entries, and
// whether the text there is a block mapping key (": " or a final ':' before
// any comment).
func lineShape(line []byte) (indent, col, dashes int, key bool) {
	if end := bytes.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	indent = i + 1
	for i < len(line) {
		if line[i] == ' ' {
			i++
		} else if line[i] == '-' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || line[i+1] == '\r') {
			if dashes == maxDepth {
				return indent, i + 1, dashes + 1, false // the entry one too deep
			}
			i, dashes = i+1, dashes+1
		} else {
			break
		}
	}
	rest := line[i:]
	if len(rest) == 0 || rest[0] == '#' || rest[0] == '[' || rest[0] == '{' {
		return indent, i + 1, dashes, false
	}
	if h := bytes.Index(rest, []byte(" #")); h >= 0 {
		rest = rest[:h]
	}
	rest = bytes.TrimRight(rest, " \t\r")
	return indent, i + 1, dashes, bytes.Contains(rest, []byte(": ")) || bytes.HasSuffix(rest, []byte(":"))
}

// invalidUTF8 is data's first byte that is not UTF-8 and where it is, as
// the parser counts: line from 1, column in characters from 1.
func invalidUTF8(data []byte) (line, col int, b byte, ok bool) {
	if utf8.Valid(data) {
		return 0, 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return line, col, data[i], true
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += n
	}
	return 0, 0, 0, false
}

// parseBytes is the third-party parser behind a recover: whatever bytes a
// user hands us, we answer with an error, never a crash.
func parseBytes(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the YAML parser failed on this input (%v)", r)
		}
	}()
	// Duplicate keys are checked by the walk, which knows the field path.
	f, err = parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err == nil && f == nil {
		err = errors.New("the YAML parser returned nothing")
	}
	return f, err
}

// position is where a node starts. A block mapping's own token is its first
// ':', so it is located by its first key instead.
func position(n ast.Node) (line, col int) {
	defer func() {
		if recover() != nil { // a typed nil node inside an interface
			line, col = 0, 0
		}
	}()
	switch x := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if !x.IsFlowStyle && len(x.Values) > 0 && x.Values[0] != nil {
			return position(x.Values[0])
		}
	case *ast.MappingValueNode:
		if x.Key != nil {
			return position(x.Key)
		}
	case *ast.DocumentNode:
		return position(x.Body)
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0
	}
	return tk.Position.Line, tk.Position.Column
}

func (d *decoder) errAt(n ast.Node, p *path, format string, args ...any) *Error {
	line, col := position(n)
	return errorf(d.file, line, col, p.String(), format, args...)
}

// resolve follows anchors and aliases to the node that holds the value.
func (d *decoder) resolve(n ast.Node, p *path) (ast.Node, error) {
	for hops := 0; ; hops++ {
		d.visits++
		if d.visits > maxVisits || hops > 64 {
			return nil, d.errAt(n, p, "too many aliases: the file expands beyond %d nodes", maxVisits)
		}
		switch x := n.(type) {
		case *ast.AnchorNode:
			n = x.Value
		case *ast.AliasNode:
			a := d.anchor(x)
			if a == nil {
				return nil, d.errAt(n, p, "alias %s names no anchor before it", aliasName(x))
			}
			n = a.Value
		case *ast.TagNode:
			tag := ""
			if x.Start != nil {
				tag = x.Start.Value + " "
			}
			return nil, d.errAt(n, p, "YAML tags (%s) are not supported: write the plain value", strings.TrimSpace(tag))
		default:
			return n, nil
		}
	}
}

func aliasName(a *ast.AliasNode) string {
	if a.Value == nil {
		return "*"
	}
	if s, ok := a.Value.(*ast.StringNode); ok && s != nil {
		return "*" + s.Value
	}
	return "*?"
}

func anchorName(a *ast.AnchorNode) string {
	if s, ok := a.Name.(*ast.StringNode); ok && s != nil {
		return s.Value
	}
	return ""
}

// anchor finds the anchor an alias refers to: the last one of that name
// defined before the alias, as YAML says.
func (d *decoder) anchor(a *ast.AliasNode) *ast.AnchorNode {
	if d.anchors == nil {
		d.anchors = map[string][]*ast.AnchorNode{}
		if d.root != nil {
			for _, n := range ast.Filter(ast.AnchorType, d.root) {
				if x, ok := n.(*ast.AnchorNode); ok && x != nil {
					name := anchorName(x)
					d.anchors[name] = append(d.anchors[name], x)
				}
			}
		}
	}
	name := strings.TrimPrefix(aliasName(a), "*")
	al, ac := position(a)
	var found *ast.AnchorNode
	for _, x := range d.anchors[name] {
		if l, c := position(x); l < al || (l == al && c < ac) {
			found = x
		}
	}
	return found
}

// isImplicitNull is a value left empty, which the parser places just after
// its key or dash.
func isImplicitNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	x, ok := n.(*ast.NullNode)
	return ok && x != nil && (x.Token == nil || x.Token.Type == token.ImplicitNullType)
}

// nullAt is a null value positioned at n.
func nullAt(n ast.Node) ast.Node {
	line, col := position(n)
	return ast.Null(&token.Token{Type: token.NullType, Value: "null", Position: &token.Position{Line: line, Column: col}})
}

func nullAtToken(tk *token.Token) ast.Node {
	return ast.Null(&token.Token{Type: token.NullType, Value: "null", Position: &token.Position{Line: tk.Position.Line, Column: tk.Position.Column}})
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	_, ok := n.(*ast.NullNode)
	return ok
}

// describe names a node's kind for type errors.
func describe(n ast.Node) string {
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.BoolNode:
		return "true or false"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.StringNode:
		v := x.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return fmt.Sprintf("the text %q", v)
	case *ast.LiteralNode:
		return "a block of text"
	}
	return "an unsupported YAML node"
}

// entry is one key of a mapping.
type entry struct {
	key  string
	k, v ast.Node
}

// mapping returns the entries of a mapping node (none for null), with plain
// string keys, each at most once.
func (d *decoder) mapping(n ast.Node, p *path) ([]entry, error) {
	n, err := d.resolve(n, p)
	if err != nil {
		return nil, err
	}
	var values []*ast.MappingValueNode
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return nil, nil
	case *ast.MappingNode:
		values = x.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{x}
	default:
		return nil, d.errAt(n, p, "expected a mapping of keys to values, got %s", describe(n))
	}
	es := make([]entry, 0, len(values))
	var index map[string]int // for big mappings; small ones are scanned
	if len(values) > 16 {
		index = make(map[string]int, len(values))
	}
	for _, mv := range values {
		if mv == nil {
			continue
		}
		key, err := d.key(mv.Key, mv, p)
		if err != nil {
			return nil, err
		}
		first := -1
		if index != nil {
			if i, ok := index[key]; ok {
				first = i
			}
			index[key] = len(es)
		} else {
			first = slices.IndexFunc(es, func(e entry) bool { return e.key == key })
		}
		if first >= 0 {
			line, _ := position(es[first].k)
			return nil, d.errAt(mv.Key, p.field(key), "duplicate key (first at line %d)", line)
		}
		v := mv.Value
		if isImplicitNull(v) {
			v = nullAt(mv.Key) // `count:` with nothing after: point at the key
		}
		es = append(es, entry{key: key, k: mv.Key, v: v})
	}
	return es, nil
}

func (d *decoder) key(k ast.MapKeyNode, mv *ast.MappingValueNode, p *path) (string, error) {
	var n ast.Node = k
	if k == nil {
		return "", d.errAt(mv, p, "a key is missing")
	}
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		n = mk.Value
	}
	if _, ok := n.(*ast.MergeKeyNode); ok {
		return "", d.errAt(n, p, "merge keys (<<) are not supported: write the fields out")
	}
	n, err := d.resolve(n, p)
	if err != nil {
		return "", err
	}
	switch x := n.(type) {
	case *ast.StringNode:
		if x != nil {
			return x.Value, nil
		}
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		if tk := x.GetToken(); tk != nil {
			return tk.Value, nil
		}
	}
	return "", d.errAt(k, p, "a key must be plain text, not %s", describe(n))
}

// unknown reports a key the format does not have.
func (d *decoder) unknown(e entry, p *path, known []string) error {
	msg := fmt.Sprintf("unknown field %q", e.key)
	if s := suggest(e.key, known); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += "; known fields: " + strings.Join(known, ", ")
	}
	return d.errAt(e.k, p.field(e.key), "%s", msg)
}

// A field is one key a mapping may hold and how its value is read. A
// decoder lists the fields of its mapping in the order DESIGN.md gives them:
// the list both reads the mapping and names the known keys in errors.
type field struct {
	key  string
	read func(e entry, ep *path) error // ep is the path of the key's value
}

// fields reads each entry of a mapping at p, in the file's order, with the
// field of its key; a key no field has is an unknown-field error.
func (d *decoder) fields(es []entry, p *path, fs []field) error {
	for _, e := range es {
		i := slices.IndexFunc(fs, func(f field) bool { return f.key == e.key })
		if i < 0 {
			known := make([]string, len(fs))
			for j, f := range fs {
				known[j] = f.key
			}
			return d.unknown(e, p, known)
		}
		if err := fs[i].read(e, p.field(e.key)); err != nil {
			return err
		}
	}
	return nil
}

// mapOf reads a mapping whose entries all read alike: value reads one,
// given its entry and the path of its value. The first error stops it.
func mapOf[V any](d *decoder, n ast.Node, p *path, value func(e entry, ep *path) (V, error)) (map[string]V, error) {
	es, err := d.mapping(n, p)
	if err != nil {
		return nil, err
	}
	out := make(map[string]V, len(es))
	for _, e := range es {
		v, err := value(e, p.field(e.key))
		if err != nil {
			return nil, err
		}
		out[e.key] = v
	}
	return out, nil
}

// seqOf reads a list whose items all read alike: item reads one, given its
// node, its path and the items read before it. The first error stops it.
func seqOf[T any](d *decoder, n ast.Node, p *path, item func(it ast.Node, ip *path, before []T) (T, error)) ([]T, error) {
	items, err := d.seq(n, p)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(items))
	for i, it := range items {
		v, err := item(it, p.at(i), out)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// into is the field key read with read into *dst.
func into[T any](key string, dst *T, read func(ast.Node, *path) (T, error)) field {
	return field{key, func(e entry, ep *path) (err error) {
		*dst, err = read(e.v, ep)
		return err
	}}
}

// given is f that also sets *flag once its value reads, for a required key.
func (f field) given(flag *bool) field {
	read := f.read
	f.read = func(e entry, ep *path) error {
		err := read(e, ep)
		*flag = err == nil
		return err
	}
	return f
}

// rangedField reads a number within s into *dst; given, when not nil, says
// whether the file gave one (null gives none).
func (d *decoder) rangedField(key string, dst *float64, s span, given *bool) field {
	return field{key, func(e entry, ep *path) (err error) {
		var ok bool
		*dst, ok, err = d.ranged(e.v, ep, s)
		if given != nil {
			*given = ok
		}
		return err
	}}
}

// optionalField reads a number within s that may be absent (nil).
func (d *decoder) optionalField(key string, dst **float64, s span) field {
	return field{key, func(e entry, ep *path) (err error) {
		*dst, err = d.optional(e.v, ep, s)
		return err
	}}
}

// enumField reads one of valid by its name, turned into a value by parse.
func enumField[T any](d *decoder, key string, dst *T, valid []string, parse func(string) (T, bool)) field {
	return field{key, func(e entry, ep *path) error {
		s, err := d.enum(e.v, ep, valid)
		if err == nil {
			*dst, _ = parse(s)
		}
		return err
	}}
}

// optEnumField reads one of valid, or nothing ("").
func (d *decoder) optEnumField(key string, dst *string, valid []string) field {
	return field{key, func(e entry, ep *path) (err error) {
		*dst, err = d.optEnum(e.v, ep, valid)
		return err
	}}
}

// suggest is the known key a mistyped one most likely meant: one it starts
// (cache → cache_hit), or one a typo or two away (nmae → name).
func suggest(k string, known []string) string {
	if len(k) >= 4 {
		for _, c := range known {
			if strings.HasPrefix(c, k) {
				return c
			}
		}
	}
	limit := 1
	if len(k) > 4 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, c := range known {
		if dist := editDistance(k, c); dist < bestD {
			best, bestD = c, dist
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// adjacent bytes between a and b (optimal string alignment).
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			rows[i][j] = min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				rows[i][j] = min(rows[i][j], rows[i-2][j-2]+1)
			}
		}
	}
	return rows[len(a)][len(b)]
}

func (d *decoder) missing(n ast.Node, p *path, field string) error {
	return d.errAt(n, p.field(field), "required field is missing")
}

// need is a required field and whether the file gave it.
type need struct {
	name  string
	given bool
}

// requireAll reports the first of fields, in their order, that the mapping
// n at p left out.
func (d *decoder) requireAll(n ast.Node, p *path, fields ...need) error {
	for _, f := range fields {
		if !f.given {
			return d.missing(n, p, f.name)
		}
	}
	return nil
}

// seq returns the items of a list (none for null).
func (d *decoder) seq(n ast.Node, p *path) ([]ast.Node, error) {
	n, err := d.resolve(n, p)
	if err != nil {
		return nil, err
	}
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return nil, nil
	case *ast.SequenceNode:
		items, cloned := x.Values, false
		for i, v := range x.Values {
			// A bare "-" is an implicit null after the dash: point at the dash.
			if !isImplicitNull(v) || i >= len(x.Entries) || x.Entries[i] == nil {
				continue
			}
			if start := x.Entries[i].Start; start != nil && start.Position != nil {
				if !cloned {
					items, cloned = slices.Clone(items), true // leave the tree as parsed
				}
				items[i] = nullAtToken(start)
			}
		}
		return items, nil
	}
	return nil, d.errAt(n, p, "expected a list, got %s", describe(n))
}

// text reads a scalar as text; present is false for null. Numbers and
// booleans are taken as written, so `name: 2026` is the text "2026".
func (d *decoder) text(n ast.Node, p *path) (s string, present bool, err error) {
	n, err = d.resolve(n, p)
	if err != nil {
		return "", false, err
	}
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return "", false, nil
	case *ast.StringNode:
		return x.Value, true, nil
	case *ast.LiteralNode:
		if x.Value == nil {
			return "", true, nil
		}
		return x.Value.Value, true, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true, nil
		}
	}
	return "", false, d.errAt(n, p, "expected text, got %s", describe(n))
}

// line reads one line of printable text: names, ids, codes. Control
// characters would corrupt the terminal the app draws on.
func (d *decoder) line(n ast.Node, p *path) (string, error) {
	s, _, err := d.text(n, p)
	if err != nil {
		return "", err
	}
	for _, r := range s {
		if r != ' ' && !strconv.IsPrint(r) {
			return "", d.errAt(n, p, "must be one line of printable text (found %U)", r)
		}
	}
	return s, nil
}

// note reads free text: several lines are fine, other control characters not.
func (d *decoder) note(n ast.Node, p *path) (string, error) {
	s, _, err := d.text(n, p)
	if err != nil {
		return "", err
	}
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\t' && !strconv.IsPrint(r) {
			return "", d.errAt(n, p, "must be printable text (found %U)", r)
		}
	}
	return strings.TrimRight(s, "\n"), nil
}

// name reads a display name: one line, not empty.
func (d *decoder) name(n ast.Node, p *path) (string, error) {
	s, err := d.line(n, p)
	if err == nil && strings.TrimSpace(s) == "" {
		err = d.errAt(n, p, "must not be empty")
	}
	return s, err
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// ident reads an id: it ends up in command-line flags and JSON ids
// (api:<id>, mix:<provider>), so it is one word without a colon.
func (d *decoder) ident(n ast.Node, p *path) (string, error) {
	s, err := d.line(n, p)
	if err != nil {
		return "", err
	}
	if !idRE.MatchString(s) {
		return "", d.errAt(n, p, "%q is not an id: use letters, digits, '.', '_' and '-'", s)
	}
	return s, nil
}

func (d *decoder) enum(n ast.Node, p *path, valid []string) (string, error) {
	s, err := d.line(n, p)
	if err != nil {
		return "", err
	}
	if !slices.Contains(valid, s) {
		return "", d.errAt(n, p, "%q is not one of %s", s, strings.Join(valid, ", "))
	}
	return s, nil
}

// date reads a YYYY-MM-DD date.
func (d *decoder) date(n ast.Node, p *path) (string, error) {
	s, err := d.line(n, p)
	if err != nil {
		return "", err
	}
	if !validDate(s) {
		return "", d.errAt(n, p, "%q is not a date like 2026-11-27", s)
	}
	return s, nil
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// decimalRE is YAML 1.2's float syntax; goccy leaves some of it (1e6) as text.
var decimalRE = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// number reads a finite number; present is false for null.
func (d *decoder) number(n ast.Node, p *path) (v float64, present bool, err error) {
	n, err = d.resolve(n, p)
	if err != nil {
		return 0, false, err
	}
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return 0, false, nil
	case *ast.IntegerNode:
		switch i := x.Value.(type) {
		case int64:
			v = float64(i)
		case uint64:
			v = float64(i)
		default:
			return 0, false, d.errAt(n, p, "cannot read this number")
		}
	case *ast.FloatNode:
		v = x.Value
	case *ast.InfinityNode, *ast.NanNode:
		return 0, false, d.errAt(n, p, "must be a finite number")
	case *ast.StringNode:
		if x.Token == nil || x.Token.Type != token.StringType || !decimalRE.MatchString(x.Value) {
			return 0, false, d.errAt(n, p, "expected a number, got %s", describe(n))
		}
		v, err = strconv.ParseFloat(x.Value, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false, d.errAt(n, p, "expected a number, got %s", describe(n))
		}
	default:
		return 0, false, d.errAt(n, p, "expected a number, got %s", describe(n))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, d.errAt(n, p, "must be a finite number")
	}
	return v, true, nil
}

// fmtG writes v in the fewest digits that read back as v, the way messages
// quote a number.
func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// span is an allowed range of a number.
type span struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func (s span) check(v float64) string {
	switch {
	case v < s.lo || (s.loOpen && v == s.lo):
		if s.lo == 0 && !s.loOpen {
			return "must not be negative (got " + fmtG(v) + ")"
		}
		if s.loOpen {
			return "must be above " + fmtG(s.lo) + " (got " + fmtG(v) + ")"
		}
		return "must be at least " + fmtG(s.lo) + " (got " + fmtG(v) + ")"
	case v > s.hi || (s.hiOpen && v == s.hi):
		if s.hiOpen {
			return "must be below " + fmtG(s.hi) + " (got " + fmtG(v) + ")"
		}
		return "must be at most " + fmtG(s.hi) + " (got " + fmtG(v) + ")"
	}
	return ""
}

// ranged reads a number within s; present is false for null.
func (d *decoder) ranged(n ast.Node, p *path, s span) (float64, bool, error) {
	v, ok, err := d.number(n, p)
	if err != nil || !ok {
		return 0, ok, err
	}
	if msg := s.check(v); msg != "" {
		return 0, false, d.errAt(n, p, "%s", msg)
	}
	return v, true, nil
}

// required reads a number within s that must be there.
func (d *decoder) required(n ast.Node, p *path, s span) (float64, error) {
	v, ok, err := d.ranged(n, p, s)
	if err == nil && !ok {
		err = d.errAt(n, p, "a value is required")
	}
	return v, err
}

// optional reads a number within s into a pointer: nil when it is absent,
// because a missing price is unknown, not zero.
func (d *decoder) optional(n ast.Node, p *path, s span) (*float64, error) {
	v, ok, err := d.ranged(n, p, s)
	if err != nil || !ok {
		return nil, err
	}
	return &v, nil
}

// maxInt is the largest whole number a float64 holds exactly.
const maxInt = 1 << 53

// integer reads a whole number within s.
func (d *decoder) integer(n ast.Node, p *path, s span) (int, bool, error) {
	v, ok, err := d.ranged(n, p, s)
	if err != nil || !ok {
		return 0, ok, err
	}
	if v != math.Trunc(v) {
		return 0, false, d.errAt(n, p, "must be a whole number (got %s)", fmtG(v))
	}
	if math.Abs(v) > maxInt {
		return 0, false, d.errAt(n, p, "%s is too large", fmtG(v))
	}
	return int(v), true, nil
}

func (d *decoder) boolean(n ast.Node, p *path) (bool, bool, error) {
	n, err := d.resolve(n, p)
	if err != nil {
		return false, false, err
	}
	switch x := n.(type) {
	case nil, *ast.NullNode:
		return false, false, nil
	case *ast.BoolNode:
		return x.Value, true, nil
	}
	return false, false, d.errAt(n, p, "expected true or false, got %s", describe(n))
}
