package plans

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Error is a problem found in a catalog or workload file, with where it is.
// Every error from parsing a file is an *Error, so callers can point the
// user at the line to fix (and the command line can exit with status 2).
type Error struct {
	File      string
	Line, Col int    // 1-based; 0 when the problem has no place in the file
	Field     string // path of the field, like api_models[3].long_context.input; "" for syntax errors
	Msg       string
}

// Error formats file:line:col: field: msg, leaving out the parts that are empty.
func (e *Error) Error() string {
	var b []byte
	if e.File != "" {
		b = append(b, e.File...)
		b = append(b, ':')
	}
	if e.Line > 0 {
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(max(e.Col, 1)), 10)
		b = append(b, ':')
	}
	if len(b) > 0 {
		b = append(b, ' ')
	}
	if e.Field != "" {
		b = append(b, e.Field...)
		b = append(b, ": "...)
	}
	b = append(b, e.Msg...)
	return string(b)
}

// unplaced is err without the place of an *Error in it ("field: msg"): what
// a Marshal function says when its output, a file that never existed, does
// not read back.
func unplaced(err error) error {
	var pe *Error
	if errors.As(err, &pe) {
		return errors.New(strings.TrimPrefix(pe.Field+": "+pe.Msg, ": "))
	}
	return err
}

// errorf builds an *Error at a position.
func errorf(file string, line, col int, field, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// YAMLError places an error of the YAML reader in file as every file's
// errors are placed: file:line:column: what it says (1:1 when it gives no
// place), for any file read with it (the app's settings too); false when
// err is not the reader's. A value of the wrong kind for a Go type is said
// as the other files say it, at its key ("no_free: expected true or
// false, got the text …"): the user never sees a Go name.
func YAMLError(file string, err error) (*Error, bool) {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return nil, false
	}
	line, col := 1, 1
	tk := ye.GetToken()
	if tk != nil && tk.Position != nil {
		line, col = tk.Position.Line, tk.Position.Column
	}
	var te *yaml.TypeError
	var oe *yaml.OverflowError
	var ue *yaml.UnknownFieldError
	var ne *yaml.UnexpectedNodeTypeError
	switch {
	case errors.As(err, &te):
		return errorf(file, line, col, keyOf(tk), "%s", typeMsg(te.DstType, tk)), true
	case errors.As(err, &oe):
		return errorf(file, line, col, keyOf(tk), "%s is out of range", oe.SrcNum), true
	case errors.As(err, &ne):
		return errorf(file, line, col, keyOf(tk), "%s", nodeMsg(ne.Expected, tk)), true
	case errors.As(err, &ue) && tk != nil:
		return errorf(file, line, col, tk.Value, "unknown field %q", tk.Value), true
	}
	return errorf(file, line, col, "", "%s", ye.GetMessage()), true
}

// keyOf is the mapping key whose value starts at tk; "" when there is none.
func keyOf(tk *token.Token) string {
	if tk == nil || tk.Prev == nil || tk.Prev.Type != token.MappingValueType || tk.Prev.Prev == nil {
		return ""
	}
	return tk.Prev.Prev.Value
}

// typeMsg says what a value of type want is and what tk holds instead, in
// the words the decoder of the other files uses.
func typeMsg(want reflect.Type, tk *token.Token) string {
	for want != nil && want.Kind() == reflect.Pointer {
		want = want.Elem()
	}
	w := "a value of another kind"
	if want != nil {
		switch want.Kind() {
		case reflect.Bool:
			w = "true or false"
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			w = "a number"
		case reflect.Float32, reflect.Float64:
			if tk != nil && tk.Type == token.StringType {
				if _, err := strconv.ParseFloat(tk.Value, 64); errors.Is(err, strconv.ErrRange) {
					return tk.Value + " is out of range" // 1e400: the reader leaves it as text
				}
			}
			w = "a number"
		case reflect.String:
			w = "text"
		case reflect.Slice, reflect.Array:
			w = "a list"
		case reflect.Map, reflect.Struct:
			w = "a mapping of keys to values"
		}
	}
	return "expected " + w + ", got " + tokenKind(tk)
}

// nodeMsg is typeMsg for a value the reader found of the wrong node kind.
func nodeMsg(want ast.NodeType, tk *token.Token) string {
	w := "a value of another kind"
	switch want {
	case ast.MappingType:
		w = "a mapping of keys to values"
	case ast.SequenceType:
		w = "a list"
	}
	return "expected " + w + ", got " + tokenKind(tk)
}

// tokenKind names what the value starting at tk is, as describe names a
// node.
func tokenKind(tk *token.Token) string {
	if tk == nil {
		return "a value of another kind"
	}
	switch tk.Type {
	case token.SequenceStartType, token.SequenceEntryType:
		return "a list"
	case token.MappingStartType, token.MappingKeyType:
		return "a mapping"
	case token.BoolType:
		return "true or false"
	case token.IntegerType, token.FloatType, token.BinaryIntegerType, token.OctetIntegerType, token.HexIntegerType, token.InfinityType, token.NanType:
		return "a number"
	case token.NullType:
		return "nothing"
	}
	v := tk.Value
	if utf8.RuneCountInString(v) > 40 {
		v = string([]rune(v)[:40]) + "…"
	}
	return fmt.Sprintf("the text %q", v)
}
