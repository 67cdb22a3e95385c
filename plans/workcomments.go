package plans

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/tokenomics/tokenomics/model"
)

// Keys in the order MarshalWorkload writes them, the order in which the
// comments of a key it no longer writes (a field back at its default) are
// placed.
var (
	topKeys   = []string{"name", "description", "days_per_month", "hours_per_day", "people", "language", "billing", "currency", "current", "budget", "classes"}
	classKeys = []string{"", "name", "count", "per", "input_tokens", "input_words", "input_pages", "output_tokens", "output_words", "output_pages",
		"reasoning_tokens", "turns", "followup_tokens", "cache_hit", "batch", "min_tier", "via"}
)

var commentPositions = []yaml.CommentPosition{yaml.CommentHeadPosition, yaml.CommentLinePosition, yaml.CommentFootPosition}

// withComments is out, a workload as MarshalWorkload wrote it, with the
// comments of old, the file it replaces, at the same places: the head
// (which takes the place of out's), and the comments above, beside or
// after a top-level key, a class (matched by name) or one of its fields.
// The comments of a key out does not write go above classes: (top-level)
// or after the last line of the class; those of a class out no longer has
// are dropped. out comes back as it is when old has no comments or does not
// parse, or when the result would not read back as out does; want is what
// out reads back as (marshalWorkload has parsed it).
func withComments(old, out []byte, want model.Workload) []byte {
	// Parsed first: its shape check bounds the comment reader's time too.
	oldW, body, err := parseWorkload("old", old)
	if err != nil {
		return out
	}
	c, ok := readComments(old, body)
	if !ok {
		return out
	}
	oldClass := make(map[string]int, len(oldW.Classes))
	for i, cl := range oldW.Classes {
		oldClass[cl.Name] = i
	}
	var b strings.Builder
	class := "" // the path in old of the class being written; "" when there is none
	endClass := func() {
		for _, k := range classKeys {
			for _, pos := range commentPositions {
				c.write(&b, "    ", join(class, k), pos)
			}
		}
		class = ""
	}
	n := 0 // classes written so far
	for i, line := range strings.SplitAfter(string(out), "\n") {
		if i == 0 && strings.HasPrefix(line, "#") && c.has(c.first, yaml.CommentHeadPosition) {
			c.write(&b, "", c.first, yaml.CommentHeadPosition)
			continue
		}
		key, _, _ := strings.Cut(strings.TrimLeft(line, " -"), ":")
		at := "" // the path in old of this line's key
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "  - "): // a class's first line, its name
			endClass()
			if j, ok := oldClass[want.Classes[n].Name]; ok {
				class = fmt.Sprintf("$.classes[%d]", j)
				c.write(&b, "  ", class, yaml.CommentHeadPosition)
				at = class + ".name"
			}
			n++
		case strings.HasPrefix(line, "    "):
			if class != "" {
				at = class + "." + key
			}
		default:
			endClass()
			if key == "classes" { // the last key: those left out come before it
				for _, k := range topKeys[:len(topKeys)-1] {
					c.write(&b, "", "$."+k, yaml.CommentHeadPosition)
					c.write(&b, "", "$."+k, yaml.CommentLinePosition)
				}
			}
			at = "$." + key
		}
		if at == "" {
			b.WriteString(line)
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " -"))]
		indent = strings.ReplaceAll(indent, "-", " ")
		beside := ""
		for _, p := range sizeKeys(at) {
			c.write(&b, indent, p, yaml.CommentHeadPosition)
			if t := c.take(p, yaml.CommentLinePosition); len(t) > 0 {
				beside = " #" + t[0]
			}
		}
		b.WriteString(strings.TrimSuffix(line, "\n") + beside + "\n")
	}
	endClass()
	for _, k := range topKeys {
		c.write(&b, "", "$."+k, yaml.CommentFootPosition)
	}
	merged := []byte(b.String())
	if got, err := ParseWorkload("workload", merged); err != nil || !sameWorkload(want, got) {
		return out
	}
	return merged
}

func join(class, key string) string {
	if class == "" || key == "" {
		return class
	}
	return class + "." + key
}

// sizeKeys are the paths a comment on the field at path may have been
// under in old: a size is one place whatever its unit.
func sizeKeys(path string) []string {
	i := strings.LastIndex(path, ".")
	which, unit, _ := strings.Cut(path[i+1:], "_")
	if (which != "input" && which != "output") || (unit != "tokens" && unit != "words" && unit != "pages") {
		return []string{path}
	}
	base := path[:i+1] + which + "_"
	return []string{base + "tokens", base + "words", base + "pages"}
}

// comments are a file's comments by path ($.classes[1].count) and place,
// each taken once.
type comments struct {
	m     yaml.CommentMap
	first string // the path of the file's first key, whose head comment is the file's
}

// readComments reads the comments of data, a workload file whose top node
// is body; false when it has none or cannot be read.
func readComments(data []byte, body ast.Node) (c comments, ok bool) {
	defer func() {
		if r := recover(); r != nil { // as parseBytes: the parser may panic on odd input
			ok = false
		}
	}()
	data = bytes.TrimPrefix(data, utf8BOM)
	c.m = yaml.CommentMap{}
	var v any
	if err := yaml.UnmarshalWithOptions(data, &v, yaml.CommentToMap(c.m), yaml.AllowDuplicateMapKey()); err != nil || len(c.m) == 0 {
		return c, false
	}
	switch n := body.(type) {
	case *ast.MappingNode:
		if len(n.Values) > 0 {
			c.first = "$." + n.Values[0].Key.GetToken().Value
		}
	case *ast.MappingValueNode:
		c.first = "$." + n.Key.GetToken().Value
	}
	return c, true
}

func (c comments) has(path string, pos yaml.CommentPosition) bool {
	for _, x := range c.m[path] {
		if x.Position == pos {
			return true
		}
	}
	return false
}

// take is the text of the comment at path and pos, which is then gone.
func (c comments) take(path string, pos yaml.CommentPosition) []string {
	list := c.m[path]
	for i, x := range list {
		if x.Position == pos {
			c.m[path] = append(list[:i:i], list[i+1:]...)
			return x.Texts
		}
	}
	return nil
}

// write writes the comment at path and pos on lines of their own.
func (c comments) write(b *strings.Builder, indent, path string, pos yaml.CommentPosition) {
	if path == "" {
		return
	}
	for _, t := range c.take(path, pos) {
		b.WriteString(indent + "#" + t + "\n")
	}
}
