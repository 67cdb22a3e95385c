package calibrate

import (
	"os"
	"path/filepath"
	"testing"
	_ "time/tzdata" // Europe/Paris below and in the tests, on a machine without the zone files

	"github.com/tokenomics/tokenomics/plans"
)

// TestWriteFixtures rewrites testdata/codex and testdata/claude, the logs
// the command's tests and the README's run read, when
// CALIBRATE_WRITE_FIXTURES=1: made by the generators on the embedded
// catalog's prices, from a ChatGPT Plus account holding $20 per 5 hours and
// $80 a week in Codex (gpt-5.5), and a Claude account holding $18 per 5
// hours and $70 a week (claude-sonnet-4-5, resets in Europe/Paris).
func TestWriteFixtures(t *testing.T) {
	if os.Getenv("CALIBRATE_WRITE_FIXTURES") != "1" {
		t.Skip("set CALIBRATE_WRITE_FIXTURES=1 to rewrite testdata")
	}
	cat, err := plans.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	gpt, ok := cat.Model("gpt-5.5")
	sonnet, ok2 := cat.Model("claude-sonnet-4-5")
	if !ok || !ok2 {
		t.Fatal("the embedded catalog lacks gpt-5.5 or claude-sonnet-4-5: pick the fixtures' models again")
	}
	paris := mustLoc(t, "Europe/Paris") // before the old fixtures go
	for _, d := range []string{"testdata/codex", "testdata/claude"} {
		if err := os.RemoveAll(d); err != nil {
			t.Fatal(err)
		}
	}
	genCodex(t, filepath.Join("testdata", "codex"), 7, gpt, 20, 80, 6)
	genClaude(t, filepath.Join("testdata", "claude"), 8, sonnet, 18, 70, 6, paris)
}
