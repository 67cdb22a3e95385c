package ui

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/goccy/go-yaml"

	"github.com/tokenomics/tokenomics/plans"
	"github.com/tokenomics/tokenomics/safefile"
)

// Prefs is the app's own state kept between runs, apart from the workload:
// what-ifs and display choices a workload file has no place for.
type Prefs struct {
	Volume float64 `yaml:"volume"`  // every count times this: 1, 2, 4 or 0.5
	NoFree bool    `yaml:"no_free"` // free plans left out of the comparison
}

// volumeSteps is the cycle of the x key.
var volumeSteps = []float64{1, 2, 4, 0.5}

// valid is v with anything unknown reset to its default.
func (v Prefs) valid() Prefs {
	ok := false
	for _, s := range volumeSteps {
		ok = ok || v.Volume == s
	}
	if !ok {
		v.Volume = 1
	}
	return v
}

// volumeName is "×2" or "×½".
func volumeName(k float64) string {
	if k == 0.5 {
		return "×½"
	}
	return "×" + strconv.FormatFloat(k, 'f', -1, 64)
}

func volumeWord(k float64) string {
	switch k {
	case 0.5:
		return "one half"
	case 1:
		return "one"
	case 2:
		return "two"
	case 4:
		return "four"
	}
	return strconv.FormatFloat(k, 'f', -1, 64)
}

// prefsMaxBytes bounds the prefs file: it holds a few keys.
const prefsMaxBytes = 64 << 10

// LoadPrefs reads the prefs file at path. A missing file is the defaults; a
// file that cannot be read or parsed is an error (the caller says so and
// goes on with the defaults).
func LoadPrefs(path string) (Prefs, error) {
	v := Prefs{Volume: 1}
	data, err := safefile.ReadFile(path, prefsMaxBytes)
	if err != nil {
		return v, err
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}) // an editor's byte order mark, as the other files allow
	if err := yaml.UnmarshalWithOptions(data, &v, yaml.Strict()); err != nil {
		// Placed as every other file's errors are: path:line:column: what.
		if pe, ok := plans.YAMLError(path, err); ok {
			return Prefs{Volume: 1}, pe
		}
		return Prefs{Volume: 1}, fmt.Errorf("%s: %w", path, err)
	}
	return v.valid(), nil
}

// savePrefs writes v to path atomically.
func savePrefs(path string, v Prefs) error {
	var b bytes.Buffer
	b.WriteString("# tokenomics: the app's settings from the last run (not part of any workload)\n")
	out, err := yaml.Marshal(v)
	if err != nil {
		return err
	}
	b.Write(out)
	_, err = safefile.Write(path, b.Bytes(), safefile.Options{Perm: 0o644})
	return err
}
