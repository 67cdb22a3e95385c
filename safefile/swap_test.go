package safefile

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// A symbolic link swapped in for the file while it is being written never
// becomes the backup: the write is refused as a write to a link, the link
// and the backup are as they were, and no temporary file is left. The next
// write, once the link is gone, works.
func TestWriteSwappedLinkIsNoBackup(t *testing.T) {
	dir, path := fileWithBackup(t)
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("target\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := write
	write = func(f *os.File, b []byte) (int, error) {
		os.Remove(path)
		if err := os.Symlink("target", path); err != nil {
			t.Fatal(err)
		}
		return old(f, b)
	}
	_, err := Write(path, []byte("new\n"), Options{Backup: ".bak"})
	write = old
	var pe *fs.PathError
	if !errors.Is(err, ErrSymlink) || !errors.As(err, &pe) {
		t.Errorf("error %v, want a *fs.PathError wrapping ErrSymlink", err)
	}
	want := map[string]string{"catalog.yaml": "L--------- → target", "catalog.yaml.bak": "---------- previous\n", "target": "---------- target\n"}
	if got := snapshot(t, dir); !maps.Equal(got, want) {
		t.Errorf("directory %v, want %v", got, want)
	}
	os.Remove(path)
	if _, err := Write(path, []byte("new\n"), Options{Backup: ".bak"}); err != nil {
		t.Errorf("the write after: %v", err)
	}
}

// The temporary file has its final permissions before its first byte: a
// 0600 file's new content is never readable by others, whatever the umask.
func TestWriteTempModeFromTheStart(t *testing.T) {
	um := syscall.Umask(0)
	defer syscall.Umask(um)
	for _, tc := range []struct {
		name     string
		existing fs.FileMode // 0: no file before
		perm     fs.FileMode
		want     fs.FileMode
	}{
		{"a 0600 file replaced", 0o600, 0o666, 0o600},
		{"a 0640 file replaced", 0o640, 0o600, 0o640},
		{"a new file of 0600", 0, 0o600, 0o600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "w.yaml")
			if tc.existing != 0 {
				os.WriteFile(path, []byte("old\n"), tc.existing)
			}
			var seen fs.FileMode
			old := write
			write = func(f *os.File, b []byte) (int, error) {
				if st, err := f.Stat(); err == nil {
					seen = st.Mode().Perm()
				}
				return old(f, b)
			}
			_, err := Write(path, []byte("new\n"), Options{Perm: tc.perm, Backup: ".bak"})
			write = old
			if err != nil {
				t.Fatal(err)
			}
			if seen != tc.want {
				t.Errorf("the temporary file was %v as its content was written, want %v", seen, tc.want)
			}
		})
	}
}

// Temporary files a killed writer left (.NAME.xxx.tmp) are removed once
// stale; anything else is left: fresh ones (a write under way), other
// names, links, folders.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".w.yaml.k3x9a.tmp", ".w.yaml.0.tmp", ".w.yaml.3w5e11264sgsf.tmp", ".w.yaml.ABC.tmp", ".w.yaml..tmp", ".v.yaml.abc.tmp",
		"w.yaml.abc.tmp", ".w.yaml.abc.tmp.bak", ".w.yaml.a-b.tmp", ".w.yaml.3w5e11264sgsfx.tmp", "w.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("w.yaml", filepath.Join(dir, ".w.yaml.link.tmp"))
	os.Mkdir(filepath.Join(dir, ".w.yaml.dir.tmp"), 0o700)
	removeStale(dir, "w.yaml", time.Now()) // none is stale yet
	if got := entries(t, dir); len(got) != 13 {
		t.Fatalf("fresh files removed: %v left", got)
	}
	removeStale(dir, "w.yaml", time.Now().Add(staleAfter+time.Minute))
	want := []string{".v.yaml.abc.tmp", ".w.yaml..tmp", ".w.yaml.3w5e11264sgsfx.tmp", ".w.yaml.ABC.tmp", ".w.yaml.a-b.tmp", ".w.yaml.abc.tmp.bak", ".w.yaml.dir.tmp", ".w.yaml.link.tmp", "w.yaml", "w.yaml.abc.tmp"}
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %v, want %v", got, want)
	}
}

// A read-only file (0444) is not replaced: the write is refused, and the
// file and the folder are as they were.
func TestWriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.yaml")
	os.WriteFile(path, []byte("old\n"), 0o444)
	_, err := Write(path, []byte("new\n"), Options{Backup: ".bak"})
	var pe *fs.PathError
	if !errors.Is(err, ErrReadOnly) || !errors.As(err, &pe) {
		t.Errorf("error %v, want a *fs.PathError wrapping ErrReadOnly", err)
	}
	if got := snapshot(t, dir); !maps.Equal(got, map[string]string{"w.yaml": "---------- old\n"}) {
		t.Errorf("directory %v", got)
	}
}

// NoReplace makes a new file only: a file at the path is refused and kept,
// before anything is written (Writable says so too), and so is one that
// appears there while the new one is being written; no temporary file is
// left. A path with nothing there is written.
func TestWriteNoReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.yaml")
	os.WriteFile(path, []byte("mine\n"), 0o600)
	opt := Options{NoReplace: true}
	for what, err := range map[string]error{"Writable": Writable(path, opt), "Write": func() error { _, err := Write(path, []byte("new\n"), opt); return err }()} {
		var pe *fs.PathError
		if !errors.Is(err, ErrExists) || !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a *fs.PathError wrapping ErrExists", what, err)
		}
	}
	if got := snapshot(t, dir); !maps.Equal(got, map[string]string{"w.yaml": "---------- mine\n"}) {
		t.Errorf("directory %v", got)
	}

	// Another writer makes the file while this one writes its own.
	late := filepath.Join(dir, "late.yaml")
	old := write
	write = func(f *os.File, b []byte) (int, error) {
		os.WriteFile(late, []byte("theirs\n"), 0o600)
		return old(f, b)
	}
	_, err := Write(late, []byte("new\n"), opt)
	write = old
	if !errors.Is(err, ErrExists) {
		t.Errorf("a file made meanwhile: error %v, want ErrExists", err)
	}
	want := map[string]string{"w.yaml": "---------- mine\n", "late.yaml": "---------- theirs\n"}
	if got := snapshot(t, dir); !maps.Equal(got, want) {
		t.Errorf("directory %v, want %v", got, want)
	}

	fresh := filepath.Join(dir, "fresh.yaml")
	if err := Writable(fresh, opt); err != nil {
		t.Errorf("Writable on a new path: %v", err)
	}
	if _, err := Write(fresh, []byte("new\n"), opt); err != nil {
		t.Errorf("a new file: %v", err)
	}
	want["fresh.yaml"] = "---------- new\n"
	if got := snapshot(t, dir); !maps.Equal(got, want) {
		t.Errorf("directory %v, want %v", got, want)
	}
}
