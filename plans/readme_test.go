package plans

import (
	"strings"
	"testing"

	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// The README's example files are real files: each reads without error.
func TestReadmeExamples(t *testing.T) {
	readme := safefiletest.ReadString(t, "../README.md")
	block := func(section string) string {
		_, rest, ok := strings.Cut(readme, "\n## "+section+"\n")
		if !ok {
			t.Fatalf("README has no section %q", section)
		}
		_, rest, ok = strings.Cut(rest, "```yaml\n")
		body, _, ok2 := strings.Cut(rest, "```\n")
		if !ok || !ok2 {
			t.Fatalf("section %q has no yaml block", section)
		}
		return body
	}
	if _, err := ParseCatalog("README catalog", []byte(block("Catalog file"))); err != nil {
		t.Errorf("catalog example: %v", err)
	}
	if _, err := ParseWorkload("README workload", []byte(block("Workload file"))); err != nil {
		t.Errorf("workload example: %v", err)
	}
}
