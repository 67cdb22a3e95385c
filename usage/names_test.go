package usage

import (
	"testing"

	"github.com/tokenomics/tokenomics/model"
)

// Imported classes differ within the first 20 characters of their names,
// which is what the app's workload pane shows at 120 columns.
func TestDistinctNames(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []classPart
		given []string // the names fitClasses made
		want  []string
	}{
		{"distinct already: kept", []classPart{{group: GroupShort}, {group: GroupAgentic}},
			[]string{"Short tasks", "Agentic tasks"}, []string{"Short tasks", "Agentic tasks"}},
		// Five classes that all read "Short tasks · Claude" in 20 characters.
		{"the model goes first, less the shared word",
			[]classPart{{GroupShort, 0, "Claude Sonnet 4.5"}, {GroupShort, 0, "Claude Opus 4.1"}, {GroupAgentic, 0, "Claude Sonnet 4.5"},
				{GroupShort, 0, "Claude Haiku 4.5"}, {GroupLong, 0, "Claude Sonnet 4.5"}},
			[]string{"Short tasks · Claude Sonnet 4.5", "Short tasks · Claude Opus 4.1", "Agentic tasks · Claude Sonnet 4.5",
				"Short tasks · Claude Haiku 4.5", "Long-context tasks · Claude Sonnet 4.5"},
			[]string{"Sonnet 4.5 short", "Opus 4.1 short", "Sonnet 4.5 agentic", "Haiku 4.5 short", "Sonnet 4.5 long-context"}},
		// Two words stay of each: "Opus 4" and "Opus 4.1", not "4" and "4.1".
		{"two words stay", []classPart{{GroupShort, 0, "Claude Opus 4"}, {GroupShort, 0, "Claude Opus 4.1"}},
			[]string{"Short tasks · Claude Opus 4", "Short tasks · Claude Opus 4.1"},
			[]string{"Opus 4 short", "Opus 4.1 short"}},
		// Parts of a group are told apart by their number already.
		{"parts", []classPart{{GroupShort, 1, "Claude Opus 4"}, {GroupShort, 2, "Claude Opus 4"}},
			[]string{"Short tasks 1 · Claude Opus 4", "Short tasks 2 · Claude Opus 4"},
			[]string{"Short tasks 1 · Claude Opus 4", "Short tasks 2 · Claude Opus 4"}},
		// Names that collide even model first (one long model, two parts of
		// a long group): a number leads.
		{"a number when nothing else tells them apart",
			[]classPart{{GroupShort, 0, "Averyveryverylongword modelA"}, {GroupShort, 0, "Averyveryverylongword modelB"}, {GroupShort, 0, "Other"}},
			[]string{"Short tasks · Averyveryverylongword modelA", "Short tasks · Averyveryverylongword modelB", "Short tasks · Other"},
			[]string{"1. Averyveryverylongword modelA short", "2. Averyveryverylongword modelB short", "3. Other short"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w model.Workload
			d := &Derived{}
			for _, n := range tc.given {
				w.Classes = append(w.Classes, model.Class{Name: n})
				d.Classes = append(d.Classes, ClassFit{Class: model.Class{Name: n}})
			}
			d.distinctNames(&w, 0, tc.parts)
			seen := map[string]bool{}
			for i, c := range w.Classes {
				if c.Name != tc.want[i] || d.Classes[i].Class.Name != tc.want[i] {
					t.Errorf("class %d: %q (fit %q), want %q", i, c.Name, d.Classes[i].Class.Name, tc.want[i])
				}
				r := []rune(c.Name)
				k := string(r[:min(len(r), nameRunes)])
				if seen[k] {
					t.Errorf("%q repeats the first 20 characters of another name", c.Name)
				}
				seen[k] = true
			}
		})
	}
}
