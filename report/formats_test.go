package report

import "testing"

// A format is one of the command's, and a refusal lists them as the flag's
// help does: "a or b" for two, "a, b, c" for more.
func TestCheckFormat(t *testing.T) {
	for _, tc := range []struct {
		format  string
		formats []string
		want    string // "" for accepted
	}{
		{"json", []string{"table", "json"}, ""},
		{"csv", []string{"table", "json"}, `"csv" is not table or json`},
		{"markdown", Formats, ""},
		{"yaml", Formats, `"yaml" is not one of table, json, csv, markdown`},
		{"", ReplayFormats, `"" is not one of table, json, markdown`},
	} {
		err := CheckFormat(tc.format, tc.formats)
		if got := ""; err != nil {
			got = err.Error()
			if got != tc.want {
				t.Errorf("%q in %v: %q, want %q", tc.format, tc.formats, got, tc.want)
			}
		} else if tc.want != "" {
			t.Errorf("%q in %v accepted, want %q", tc.format, tc.formats, tc.want)
		}
	}
}
