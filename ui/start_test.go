package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/replay"
	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// put writes content at path and returns it.
func put(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func contents(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The last workload is restored when it reads; one that does not is said,
// its path as the app writes every path (the home directory as ~), and a
// missing one is not.
func TestRestoreState(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	cat := testOptions(t).Catalog
	for _, tc := range []struct {
		name, content string // no content: no file
		restored      string // the workload's name; "" for none
		notice        string
	}{
		{"missing", "", "", ""},
		{"sound", "name: Last\nclasses:\n  - {name: a, count: 1, input_tokens: 10, output_tokens: 10}\n", "Last", ""},
		{"bad", "days_per_month: -5\n", "", "last workload not restored: ~/bad.yaml:1:"},
		// The test catalog has rates for KRW and EUR only: a state file
		// in a currency without one would stop the run if restored.
		{"krw", "name: Won\ncurrency: KRW\n", "Won", ""},
		{"xyz", "name: Xyz\ncurrency: XYZ\n", "", "last workload not restored: ~/xyz.yaml:2:11: currency: unknown currency \"XYZ\""},
	} {
		path := filepath.Join(dir, tc.name+".yaml")
		if tc.content != "" {
			put(t, path, tc.content)
		}
		var notices []string
		st := ReadState(path, cat)
		w, ok := st.Restore(&notices)
		if ok != (tc.restored != "") || ok && w.Name != tc.restored {
			t.Errorf("%s: %q %v, want %q", tc.name, w.Name, ok, tc.restored)
		}
		if tc.notice == "" && len(notices) > 0 || tc.notice != "" && (len(notices) != 1 || !strings.HasPrefix(notices[0], tc.notice)) {
			t.Errorf("%s: notices %q, want %q", tc.name, notices, tc.notice)
		}
		if why := st.Unloaded(); (why == "") != (tc.notice == "") || !strings.HasPrefix("last workload not restored: "+why, tc.notice) {
			t.Errorf("%s: Unloaded %q, want it to say %q", tc.name, why, tc.notice)
		}
	}
}

// A state file that does not load is moved aside before the app starts, so
// the write at quit cannot destroy it; a sound one stays. The notices
// write the home directory as ~.
func TestPrepareKeepsBadStateAside(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	path := put(t, filepath.Join(dir, "workload.yaml"), "days_per_month: -5\n")
	prepare := func(state string) (string, []string) {
		t.Helper()
		o := Options{Catalog: testOptions(t).Catalog}
		notices, err := o.Prepare(ReadState(state, o.Catalog), nil, replay.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return o.StatePath, notices
	}
	if got, notices := prepare(path); got != path || len(notices) != 1 || notices[0] != "the state file did not load: it is kept as ~/workload.yaml.bad" {
		t.Errorf("Prepare = %q, %q", got, notices)
	}
	if contents(t, path+".bad") != "days_per_month: -5\n" {
		t.Error("the bad file was not kept")
	}
	// A later bad state is kept beside the earlier, never over it.
	for _, later := range []struct{ content, bad string }{
		{"days_per_month: -6\n", path + ".bad.1"},
		{"days_per_month: -7\n", path + ".bad.2"},
		// Sound YAML in a currency the catalog has no rate for: kept too,
		// since the workload it holds is not restored.
		{"currency: XYZ\n", path + ".bad.3"},
	} {
		put(t, path, later.content)
		if got, notices := prepare(path); got != path || len(notices) != 1 || !strings.HasSuffix(notices[0], "kept as ~/"+filepath.Base(later.bad)) {
			t.Errorf("%s: Prepare = %q, %q", later.bad, got, notices)
		}
		if contents(t, later.bad) != later.content {
			t.Errorf("the bad state was not kept as %s", later.bad)
		}
	}
	if contents(t, path+".bad") != "days_per_month: -5\n" {
		t.Error("the first bad file was overwritten")
	}
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("the bad state is still at its path: %v", err)
	}
	put(t, path, "name: good\n")
	if got, notices := prepare(path); got != path || len(notices) != 0 {
		t.Errorf("a sound state: %q, %q", got, notices)
	}
	if got, notices := prepare(filepath.Join(dir, "missing.yaml")); got == "" || len(notices) != 0 {
		t.Errorf("no state: %q, %q", got, notices)
	}
	// Below a file, the state neither loads nor moves: none is written at
	// quit, and the notice says so.
	under := filepath.Join(path, "workload.yaml")
	if got, notices := prepare(under); got != "" || len(notices) != 1 || !strings.HasPrefix(notices[0], "the state file ~/workload.yaml/workload.yaml does not load and cannot be moved aside (") ||
		!strings.HasSuffix(notices[0], "): the workload will not be kept at quit") {
		t.Errorf("a state that cannot move: %q, %q", got, notices)
	}
	// A FIFO as the state file once left the app on a blank screen: it is
	// refused without waiting, and moved aside like any state that does not load.
	f := safefiletest.FIFO(t, filepath.Join(dir, "fifo.yaml"))
	done := make(chan []string, 1)
	go func() { var o Options; n, _ := o.Prepare(ReadState(f, nil), nil, replay.Options{}); done <- n }()
	select {
	case notices := <-done:
		if st, err := os.Lstat(f + ".bad"); err != nil || st.Mode()&os.ModeNamedPipe == 0 || len(notices) != 1 || !strings.Contains(notices[0], "kept as") {
			t.Errorf("the FIFO: %q, %v", notices, err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading the FIFO state file waited")
	}
}

// The state file is read once at start: a file that changes after that
// read cannot both restore a workload and be set aside as one that does
// not load, nor the other way round.
func TestStateReadOnce(t *testing.T) {
	dir := t.TempDir()
	cat := testOptions(t).Catalog
	const sound, bad = "name: Last\nclasses:\n  - {name: a, count: 1, input_tokens: 10, output_tokens: 10}\n", "days_per_month: -5\n"
	for _, tc := range []struct {
		name, first, then string
		restored          bool   // the workload "Last" is restored
		notices           int    // the start-up notices: "not restored", then "did not load"
		aside             string // what is kept as <path>.bad; "" for nothing
	}{
		// Sound when read, broken after: restored, and left where it is
		// (the app writes over it at quit).
		{"broken after the read", sound, bad, true, 0, ""},
		// Broken when read, mended after: not restored, and set aside, as
		// the notice says; what is set aside is what is there then.
		{"mended after the read", bad, sound, false, 2, sound},
	} {
		path := put(t, filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".yaml"), tc.first)
		st := ReadState(path, cat)
		put(t, path, tc.then)
		var notices []string
		w, ok := st.Restore(&notices)
		o := Options{Catalog: cat}
		start, err := o.Prepare(st, nil, replay.Options{})
		if err != nil {
			t.Fatal(err)
		}
		notices = append(notices, start...)
		if ok != tc.restored || ok && w.Name != "Last" || len(notices) != tc.notices {
			t.Errorf("%s: restored %q %v, notices %q; want restored %v, %d notices", tc.name, w.Name, ok, notices, tc.restored, tc.notices)
		}
		if _, err := os.Lstat(path + ".bad"); (err == nil) != (tc.aside != "") {
			t.Errorf("%s: set aside: %v, want %v", tc.name, err == nil, tc.aside != "")
		} else if tc.aside != "" && contents(t, path+".bad") != tc.aside {
			t.Errorf("%s: kept %q, want %q", tc.name, contents(t, path+".bad"), tc.aside)
		}
		if o.StatePath != path {
			t.Errorf("%s: the workload is kept at %q, want %q", tc.name, o.StatePath, path)
		}
	}
}

// The app's settings: read when sound, said and left at their defaults
// when not, quiet when there are none; the state's notice comes first.
func TestPreparePrefs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	for _, tc := range []struct {
		name, content string
		volume        float64
		notices       []string
	}{
		{"missing", "", 1, nil},
		{"sound", "volume: 2\nno_free: true\n", 2, nil},
		{"bad", "volume: [\n", 1, []string{"last app settings not restored: ~/bad.yaml:1:9: "}},
		{"unknown", "volume: 2\nvolumes: 4\n", 1, []string{"last app settings not restored: ~/unknown.yaml:2:1: volumes: unknown field \"volumes\""}},
	} {
		o := Options{PrefsPath: filepath.Join(dir, tc.name+".yaml"), StatePath: filepath.Join(dir, "state-"+tc.name+".yaml")}
		if tc.content != "" {
			put(t, o.PrefsPath, tc.content)
			put(t, o.StatePath, "days_per_month: -5\n")
			tc.notices = append([]string{"the state file did not load"}, tc.notices...)
		}
		notices, err := o.Prepare(ReadState(o.StatePath, nil), nil, replay.Options{})
		if err != nil || o.Prefs.Volume != tc.volume || o.Prefs.NoFree != (tc.name == "sound") || len(notices) != len(tc.notices) {
			t.Errorf("%s: %+v, %q, %v; want volume %v and %q", tc.name, o.Prefs, notices, err, tc.volume, tc.notices)
			continue
		}
		for i, want := range tc.notices {
			if !strings.HasPrefix(notices[i], want) {
				t.Errorf("%s: notice %d %q, want %q…", tc.name, i, notices[i], want)
			}
		}
	}
}
