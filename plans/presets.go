package plans

import (
	"cmp"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tokenomics/tokenomics/model"
)

// DefaultPreset is the workload the app opens with when there is no other.
const DefaultPreset = "freelancer"

// Preset is a shipped workload. Name is its key (the file name, as typed
// after --preset); the workload's own Name is what the screen shows.
type Preset struct {
	Name, Description string
	Workload          model.Workload
}

//go:embed presets/*.yaml
var presetFiles embed.FS

var presets struct {
	once sync.Once
	list []Preset
	errs map[string]error // presets whose file does not parse (a test keeps this empty)
}

func loadPresets() {
	presets.errs = map[string]error{}
	files, _ := presetFiles.ReadDir("presets")
	for _, f := range files {
		name, ok := strings.CutSuffix(f.Name(), ".yaml")
		if !ok || f.IsDir() {
			continue
		}
		file := "presets/" + f.Name()
		data, err := presetFiles.ReadFile(file)
		if err == nil {
			var w model.Workload
			if w, err = ParseWorkload("plans/"+file, data); err == nil {
				presets.list = append(presets.list, Preset{Name: name, Description: w.Description, Workload: w})
				continue
			}
		}
		presets.errs[name] = err
	}
	slices.SortFunc(presets.list, func(a, b Preset) int {
		if (a.Name == DefaultPreset) != (b.Name == DefaultPreset) {
			if a.Name == DefaultPreset {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

// Presets returns the shipped workloads, the default first and then by
// name. Each call returns copies the caller may change.
func Presets() []Preset {
	presets.once.Do(loadPresets)
	out := slices.Clone(presets.list)
	for i := range out {
		out[i].Workload.Classes = slices.Clone(out[i].Workload.Classes)
	}
	return out
}

// PresetByName returns a copy of the shipped workload with that key.
func PresetByName(name string) (model.Workload, error) {
	presets.once.Do(loadPresets)
	if err, ok := presets.errs[name]; ok {
		return model.Workload{}, err
	}
	var names []string
	for _, p := range presets.list {
		if p.Name == name {
			w := p.Workload
			w.Classes = slices.Clone(w.Classes)
			return w, nil
		}
		names = append(names, p.Name)
	}
	return model.Workload{}, fmt.Errorf("unknown preset %q; valid: %s", name, strings.Join(names, ", "))
}
