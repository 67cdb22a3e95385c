package plans

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

func TestPresets(t *testing.T) {
	ps := Presets()
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	want := []string{"freelancer", "developer", "doc-pipeline", "korean-team", "support-bot", "writer"}
	if !slices.Equal(names, want) {
		t.Errorf("Presets = %v, want %v (default first, then by name)", names, want)
	}
	if len(presets.errs) > 0 {
		t.Errorf("presets that do not parse: %v", presets.errs)
	}
	files, err := os.ReadDir("presets")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(ps) {
		t.Errorf("%d files in presets/, %d presets", len(files), len(ps))
	}
	for _, p := range ps {
		w := p.Workload
		if p.Description == "" || strings.ContainsAny(p.Description, "\n") || p.Description != w.Description {
			t.Errorf("%s: description %q", p.Name, p.Description)
		}
		if w.Name == "" || len(w.Classes) == 0 {
			t.Errorf("%s: name %q, %d classes", p.Name, w.Name, len(w.Classes))
		}
		if err := w.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
		got, err := PresetByName(p.Name)
		if err != nil || got.Name != w.Name {
			t.Errorf("PresetByName(%q) = %q, %v", p.Name, got.Name, err)
		}
	}
	if _, err := PresetByName(DefaultPreset); err != nil {
		t.Errorf("the default preset: %v", err)
	}
}

// The brief behind each preset, checked so an edit cannot quietly lose it.
func TestPresetShapes(t *testing.T) {
	get := func(name string) model.Workload {
		t.Helper()
		w, err := PresetByName(name)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	has := func(w model.Workload, ok func(model.Class) bool) bool { return slices.ContainsFunc(w.Classes, ok) }

	fl := get("freelancer")
	if !has(fl, func(c model.Class) bool { return c.InputTokens >= 25000 }) || !has(fl, func(c model.Class) bool { return c.MinTier == model.Frontier && c.ReasoningTokens > 0 }) {
		t.Error("freelancer: wants long documents (~30k in) and frontier reasoning chains")
	}
	dev := get("developer")
	if !has(dev, func(c model.Class) bool {
		return c.Turns >= 20 && c.Turns <= 40 && c.CacheHit >= 0.8 && c.CacheHit <= 0.9 && c.MinTier == model.Frontier && c.InputTokens >= 20000
	}) {
		t.Error("developer: wants long agent sessions (20-40 turns, big first input, cache hit 0.8-0.9, frontier)")
	}
	bot := get("support-bot")
	for _, c := range bot.Classes {
		if !c.Batch || c.Per != model.PerDay {
			t.Errorf("support-bot %s: every class batch, per day", c.Name)
		}
	}
	if !has(bot, func(c model.Class) bool { return c.Count >= 1000 && c.MinTier == model.Small }) {
		t.Error("support-bot: wants thousands of small-tier tasks a day")
	}
	doc := get("doc-pipeline")
	for _, c := range doc.Classes {
		if c.Per == model.PerDay || c.InputTokens < 20000 {
			t.Errorf("doc-pipeline %s: long documents, counted per week or month", c.Name)
		}
	}
	kt := get("korean-team")
	if kt.People != 5 || kt.Language != "ko" {
		t.Errorf("korean-team: people %d, language %q", kt.People, kt.Language)
	}
	wr := get("writer")
	for _, c := range wr.Classes {
		if c.ReasoningTokens > 1000 {
			t.Errorf("writer %s: almost no reasoning, got %v", c.Name, c.ReasoningTokens)
		}
	}
}

func TestPresetByNameUnknown(t *testing.T) {
	_, err := PresetByName("gamer")
	want := `unknown preset "gamer"; valid: freelancer, developer, doc-pipeline, korean-team, support-bot, writer`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// Callers get copies: editing one never changes the next.
func TestPresetsAreCopies(t *testing.T) {
	w, _ := PresetByName("developer")
	w.Classes[0].Count = -5
	w.Classes = append(w.Classes, model.Class{})
	ps := Presets()
	ps[1].Workload.Classes[0].Count = -6
	again, _ := PresetByName("developer")
	if again.Classes[0].Count <= 0 || Presets()[1].Workload.Classes[0].Count <= 0 {
		t.Error("a change to a returned preset leaked")
	}
}

// The app reads presets and the catalog from several goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	done := make(chan error)
	for range 4 {
		go func() {
			c, err := Embedded()
			if err == nil {
				c.ApplyChanges("2100-01-01")
				_, err = PresetByName(DefaultPreset)
				_ = Presets()
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
