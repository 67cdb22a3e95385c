package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tokenomics/tokenomics/safefile/safefiletest"
)

// within fails the test when f does not return in 5 s: a read that waits on
// a FIFO or reads a device to its end never would.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("still reading after 5 s")
	}
}

func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := safefiletest.FIFO(t, filepath.Join(dir, "fifo"))
	zeroLink := safefiletest.EndlessLink(t, filepath.Join(dir, "zero.yaml"))
	const limit = 10
	exact := filepath.Join(dir, "exact")
	over := filepath.Join(dir, "over")
	os.WriteFile(exact, bytes.Repeat([]byte("x"), limit), 0o644)
	os.WriteFile(over, bytes.Repeat([]byte("x"), limit+1), 0o644)
	link := filepath.Join(dir, "link")
	os.Symlink(exact, link)
	for _, tc := range []struct {
		name, path string
		want       error // nil: read, limit bytes
	}{
		{"a regular file at the limit", exact, nil},
		{"a link to a regular file is read", link, nil},
		{"one byte over the limit", over, ErrTooLarge},
		{"a FIFO", fifo, ErrNotRegular},
		{"a link to /dev/zero", zeroLink, ErrNotRegular},
		{"/dev/zero", "/dev/zero", ErrNotRegular},
		{"a directory", dir, ErrNotRegular},
		{"missing", filepath.Join(dir, "missing"), fs.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			var err error
			within(t, func() { data, err = ReadFile(tc.path, limit) })
			if tc.want == nil {
				if err != nil || len(data) != limit {
					t.Fatalf("read %d bytes, %v; want %d", len(data), err, limit)
				}
				return
			}
			var pe *fs.PathError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Path != tc.path {
				t.Errorf("error %v (%T), want a *fs.PathError of %s wrapping %v", err, err, tc.path, tc.want)
			}
		})
	}
}

// countingReader is an endless stream that counts what was taken from it.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	r.n += int64(len(p))
	return len(p), nil
}

// ReadAll takes limit+1 bytes of an endless stream and stops.
func TestReadAllStopsAtLimitPlusOne(t *testing.T) {
	r := &countingReader{}
	_, err := ReadAll(r, 1000)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if r.n != 1001 {
		t.Errorf("read %d bytes, want 1001", r.n)
	}
	data, err := ReadAll(io.LimitReader(r, 1000), 1000)
	if err != nil || len(data) != 1000 {
		t.Errorf("read %d bytes at the limit, %v", len(data), err)
	}
}

// entries lists dir, so a test can tell a temporary file was left.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// Each write keeps the file before it as the backup; the first has none.
func TestWriteBackupRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "catalog.yaml") // sub/ does not exist yet
	for i, content := range []string{"one\n", "two\n", "three\n"} {
		backup, err := Write(path, []byte(content), Options{Perm: 0o600, Backup: ".bak"})
		if err != nil {
			t.Fatal(err)
		}
		if got := safefiletest.ReadString(t, path); got != content {
			t.Errorf("write %d: file %q", i+1, got)
		}
		if i == 0 {
			if backup != "" {
				t.Errorf("first write: backup %q", backup)
			}
			continue
		}
		want := []string{"one\n", "two\n"}[i-1]
		if backup != path+".bak" || safefiletest.ReadString(t, backup) != want {
			t.Errorf("write %d: backup %q holds %q, want %q", i+1, backup, safefiletest.ReadString(t, backup), want)
		}
	}
	if got := entries(t, filepath.Dir(path)); !slices.Equal(got, []string{"catalog.yaml", "catalog.yaml.bak"}) {
		t.Errorf("left in the directory: %v", got)
	}
}

// Nothing is written through a symbolic link, at the path or the backup's,
// nor over a FIFO or a directory: the write is refused, and the files the
// links point to are untouched.
func TestWriteRefusesLinksAndSpecialFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir, path string)
		want  error
	}{
		{"path is a link", func(t *testing.T, dir, path string) {
			os.WriteFile(filepath.Join(dir, "target"), []byte("target\n"), 0o644)
			os.Symlink("target", path)
		}, ErrSymlink},
		{"path is a dangling link", func(t *testing.T, dir, path string) {
			os.Symlink("nowhere", path)
		}, ErrSymlink},
		{"backup is a link", func(t *testing.T, dir, path string) {
			os.WriteFile(path, []byte("old\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "target"), []byte("target\n"), 0o644)
			os.Symlink("target", path+".bak")
		}, ErrSymlink},
		{"path is a FIFO", func(t *testing.T, dir, path string) { safefiletest.FIFO(t, path) }, ErrNotRegular},
		{"path is a directory", func(t *testing.T, dir, path string) { os.Mkdir(path, 0o755) }, ErrNotRegular},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "w.yaml")
			tc.setup(t, dir, path)
			before := snapshot(t, dir)
			_, err := Write(path, []byte("new\n"), Options{Backup: ".bak"})
			var pe *fs.PathError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) {
				t.Errorf("error %v, want a *fs.PathError wrapping %v", err, tc.want)
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Errorf("the directory changed:\n before %v\n after  %v", before, after)
			}
		})
	}
}

// fileWithBackup makes a directory holding catalog.yaml and its backup
// catalog.yaml.bak, and returns both paths.
func fileWithBackup(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "catalog.yaml")
	for name, data := range map[string]string{path: "current\n", path + ".bak": "previous\n"} {
		if err := os.WriteFile(name, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir, path
}

// snapshot is each entry of dir with its type and, for regular files, content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, name := range entries(t, dir) {
		p := filepath.Join(dir, name)
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = st.Mode().Type().String()
		if st.Mode().IsRegular() {
			m[name] += " " + safefiletest.ReadString(t, p)
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			to, _ := os.Readlink(p)
			m[name] += " → " + to
		}
	}
	return m
}

// A write that fails on the way (a full disk, a failed sync or rename)
// leaves the file and its backup as they were, and no temporary file.
func TestWriteFailureChangesNothing(t *testing.T) {
	full := func() func() {
		old := write
		write = func(*os.File, []byte) (int, error) { return 0, syscall.ENOSPC }
		return func() { write = old }
	}
	failSync := func() func() {
		old := syncFile
		syncFile = func(*os.File) error { return syscall.EIO }
		return func() { syncFile = old }
	}
	failRename := func() func() {
		old := rename
		rename = func(string, string) error { return syscall.EXDEV }
		return func() { rename = old }
	}
	for _, tc := range []struct {
		name string
		fail func() func()
		want error
	}{
		{"disk full", full, syscall.ENOSPC},
		{"sync fails", failSync, syscall.EIO},
		{"rename fails", failRename, syscall.EXDEV},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, path := fileWithBackup(t)
			before := snapshot(t, dir)
			undo := tc.fail()
			_, err := Write(path, []byte("new\n"), Options{Backup: ".bak"})
			undo()
			var we *WriteError
			if !errors.As(err, &we) || !errors.Is(err, tc.want) {
				t.Errorf("error %v, want a *WriteError wrapping %v", err, tc.want)
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Errorf("the directory changed:\n before %v\n after  %v", before, after)
			}
		})
	}
}

// A new file gets the permissions asked for less the umask; a file replaced
// keeps its own.
func TestWritePermissions(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		perm     fs.FileMode
		existing fs.FileMode // 0: no file before
		want     fs.FileMode
	}{
		{"default 0666 less umask 027", 0, 0, 0o640},
		{"0600 less umask 027", 0o600, 0, 0o600},
		{"0644 asked, umask 027", 0o644, 0, 0o640},
		{"a file of 0604 keeps it", 0o600, 0o604, 0o604},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strconv.Itoa(int(tc.want))+tc.name)
			if tc.existing != 0 {
				os.WriteFile(path, nil, 0o600)
				os.Chmod(path, tc.existing)
			}
			if _, err := Write(path, []byte("x"), Options{Perm: tc.perm}); err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(path)
			if err != nil || st.Mode().Perm() != tc.want {
				t.Errorf("mode %v, %v; want %v", st.Mode().Perm(), err, tc.want)
			}
		})
	}
}

// Two writers doing read-modify-write under the lock lose no update: each
// of 2×25 increments lands.
func TestLockSerializesWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "counter")
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 2 {
		wg.Go(func() {
			for range 25 {
				unlock, err := Lock(path, 10*time.Second)
				if err != nil {
					errs <- err
					return
				}
				n := 0
				if b, err := ReadFile(path, 100); err == nil {
					n, _ = strconv.Atoi(string(b))
				}
				time.Sleep(time.Millisecond) // widen the window a lost update needs
				_, err = Write(path, []byte(strconv.Itoa(n+1)), Options{})
				unlock()
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := safefiletest.ReadString(t, path); got != "50" {
		t.Errorf("counter %s, want 50", got)
	}
}

// A lock held past the wait is reported, not waited on for ever.
func TestLockWaitEnds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "overlay")
	unlock, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := Lock(path, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("second lock: %v, want ErrLocked", err)
	}
}

// OpenReader keeps Open's guarantees: it reads regular files (through a
// link too) to their end, refuses the rest without waiting on a FIFO, and
// says which path failed.
func TestOpenReader(t *testing.T) {
	dir := t.TempDir()
	fifo := safefiletest.FIFO(t, filepath.Join(dir, "fifo"))
	zeroLink := safefiletest.EndlessLink(t, filepath.Join(dir, "zero.yaml"))
	file := filepath.Join(dir, "file")
	content := bytes.Repeat([]byte("a line\n"), 1000) // 7,000 bytes: several reads of a small buffer
	os.WriteFile(file, content, 0o644)
	link := filepath.Join(dir, "link")
	os.Symlink(file, link)
	for _, tc := range []struct {
		name, path string
		want       error // nil: read whole
	}{
		{"a regular file", file, nil},
		{"a link to a regular file", link, nil},
		{"a FIFO", fifo, ErrNotRegular},
		{"a link to /dev/zero", zeroLink, ErrNotRegular},
		{"a directory", dir, ErrNotRegular},
		{"missing", filepath.Join(dir, "missing"), fs.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r io.ReadCloser
			var err error
			within(t, func() { r, err = OpenReader(tc.path) })
			if tc.want != nil {
				var pe *fs.PathError
				if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Path != tc.path {
					t.Errorf("error %v (%T), want a *fs.PathError of %s wrapping %v", err, err, tc.path, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			buf := make([]byte, 512)
			for {
				n, err := r.Read(buf)
				got = append(got, buf[:n]...)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(got, content) {
				t.Errorf("read %d bytes, want the file's %d", len(got), len(content))
			}
			if err := r.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
			if err := r.Close(); !errors.Is(err, fs.ErrClosed) {
				t.Errorf("second close: %v, want fs.ErrClosed", err)
			}
		})
	}
}
