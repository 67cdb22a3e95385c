package plans

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
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
// err is not the reader's.
func YAMLError(file string, err error) (*Error, bool) {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return nil, false
	}
	line, col := 1, 1
	if tk := ye.GetToken(); tk != nil && tk.Position != nil {
		line, col = tk.Position.Line, tk.Position.Column
	}
	return errorf(file, line, col, "", "%s", ye.GetMessage()), true
}
