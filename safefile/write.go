package safefile

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Options say how Write creates and replaces a file.
type Options struct {
	// Perm is a new file's permissions before the umask; 0 is 0666. A file
	// replaced keeps the permissions it had.
	Perm fs.FileMode
	// Backup, when set, is the suffix of the copy kept of the file replaced
	// (path+Backup). It replaces the previous backup only once the new file
	// is in place.
	Backup string
	// NoReplace makes a new file only: a file at path is refused
	// (ErrExists), and so is one made there while the new one is written.
	NoReplace bool
}

// WriteError is a write that failed on the way (a full disk, a permission,
// a rename): not bad input. The path is as it was; see Write.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	err := e.Err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the temporary file's name would only confuse
	}
	return "writing " + e.Path + ": " + err.Error()
}

func (e *WriteError) Unwrap() error { return e.Err }

// Seams for tests to make a step fail as a full disk would.
var (
	write    = (*os.File).Write
	syncFile = (*os.File).Sync
	rename   = os.Rename
)

// Write writes data to path atomically and returns the backup kept ("" when
// none was asked for, or there was no file to keep). Missing directories are
// created (0777 less the umask).
//
// A path that is a symbolic link or not a regular file is refused with a
// *fs.PathError wrapping ErrSymlink or ErrNotRegular, and so is such a thing
// at the backup's path: nothing is written through a link. A file its owner
// may not write is refused too (ErrReadOnly), not replaced, and with
// NoReplace any file (ErrExists). Any other failure is a *WriteError, after
// which path and its backup hold what they held.
func Write(path string, data []byte, opt Options) (backup string, err error) {
	old, err := target(path, opt)
	if err != nil {
		return "", err
	}
	failed := func(err error) (string, error) { return "", &WriteError{path, err} }
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return failed(err)
	}
	perm := opt.Perm
	if perm == 0 {
		perm = 0o666
	}
	tmp, err := writeTemp(dir, base, perm, old, data)
	if err != nil {
		return failed(err)
	}
	var keep string // the file replaced, linked or copied under a temporary name
	if opt.Backup != "" && old != nil {
		if keep, err = keepCopy(path, dir, base, old); err != nil {
			os.Remove(tmp)
			var pe *fs.PathError
			if errors.As(err, &pe) && (errors.Is(err, ErrSymlink) || errors.Is(err, ErrNotRegular)) {
				return "", pe
			}
			return failed(err)
		}
	}
	place := rename
	if opt.NoReplace {
		place = placeNew
	}
	if err := place(tmp, path); err != nil {
		os.Remove(tmp)
		if keep != "" {
			os.Remove(keep)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, ErrExists) {
			return "", pe
		}
		return failed(err)
	}
	if keep != "" {
		backup = path + opt.Backup
		if err := rename(keep, backup); err != nil {
			syncDir(dir)
			return "", &WriteError{backup, errors.New(path + " is written, and the file before it is kept as " + keep + ": " + err.Error())}
		}
	}
	syncDir(dir)
	removeStale(dir, base, time.Now())
	return backup, nil
}

// staleAfter is the age past which a temporary file of ours is taken for
// one a killed writer left: a write takes well under a second.
const staleAfter = 15 * time.Minute

// removeStale removes the temporary files a killed writer left beside base
// (.base.xxx.tmp, some partial): only regular files of that exact pattern
// and older than staleAfter, so a write under way beside this one keeps its
// file. Failures are ignored: the files are only clutter.
func removeStale(dir, base string, now time.Time) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, n := range names {
		if !isTempName(n, base) {
			continue
		}
		p := filepath.Join(dir, n)
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() && now.Sub(changed(st)) > staleAfter {
			os.Remove(p)
		}
	}
}

// isTempName reports whether name is one tempName gives for base.
func isTempName(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	if !ok || mid == "" || len(mid) > 13 { // a uint64 in base 36 has at most 13 digits
		return false
	}
	for _, c := range mid {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// Writable is the error Write would refuse path with before writing a
// byte (a link, not a regular file, read-only, a file there with
// NoReplace, the same at the backup's path), nil when there is none: for
// a command to refuse its output file before its work, not after.
func Writable(path string, opt Options) error {
	_, err := target(path, opt)
	return err
}

// target checks path, and its backup's path when one is kept, for Write,
// and returns the file there (nil for none).
func target(path string, opt Options) (fs.FileInfo, error) {
	old, err := check(path)
	if err == nil {
		err = checkWritable(path, old)
	}
	if err == nil && opt.NoReplace && old != nil {
		err = &fs.PathError{Op: "write", Path: path, Err: ErrExists}
	}
	if err != nil {
		return nil, err
	}
	if opt.Backup != "" && old != nil {
		if _, err := check(path + opt.Backup); err != nil {
			return nil, err
		}
	}
	return old, nil
}

// placeNew puts tmp at path only when nothing is there: a hard link fails
// on a file made since target looked. Where the file system has no hard
// links, path is looked at once more and tmp renamed.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
	}
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
	}
	return rename(tmp, path)
}

// check refuses a symbolic link or a non-regular file at path, and returns
// what is there (nil for nothing).
func check(path string) (fs.FileInfo, error) {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, &WriteError{path, err}
	case st.Mode()&fs.ModeSymlink != 0:
		return nil, &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
	case !st.Mode().IsRegular():
		return nil, &fs.PathError{Op: "write", Path: path, Err: notRegular(st.Mode())}
	}
	return st, nil
}

// checkWritable refuses a file its owner may not write (0444): someone made
// it read-only, and a rename would replace it all the same, without a word.
func checkWritable(path string, st fs.FileInfo) error {
	if st != nil && st.Mode().Perm()&0o200 == 0 {
		return &fs.PathError{Op: "write", Path: path, Err: ErrReadOnly}
	}
	return nil
}

// writeTemp writes data to a new file beside the target, synced: with old's
// permissions when it replaces a file, else perm less the umask (the kernel
// applies it as the file is created). The file has its final permissions
// before it holds a byte: created with them (less the umask, which can only
// take away) and, when it replaces a file, given the old file's exactly
// while still empty, so the new content of a 0600 file is never readable by
// others, not even for a moment.
func writeTemp(dir, base string, perm fs.FileMode, old fs.FileInfo, data []byte) (name string, err error) {
	if old != nil {
		perm = old.Mode().Perm()
	}
	f, err := createTemp(dir, base, perm)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if old != nil {
		if err = f.Chmod(perm); err != nil {
			return "", err
		}
	}
	if _, err = write(f, data); err != nil {
		return "", err
	}
	if err = syncFile(f); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// tempName is a name for a temporary file beside base: hidden, and with the
// .tmp suffix, so a file left by a crash is plainly not the user's.
func tempName(dir, base string) string {
	return filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
}

// createTemp is os.CreateTemp with the permissions given instead of 0600.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		f, err := os.OpenFile(tempName(dir, base), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// keepCopy puts the file at path under a temporary name too: a hard link,
// which costs no space, else a synced copy. What it keeps must be the
// a regular file: a link or a special file swapped in since the check is
// refused, never kept, so a backup is a regular file or nothing.
func keepCopy(path, dir, base string, old fs.FileInfo) (string, error) {
	for try := 0; try < 100; try++ {
		name := tempName(dir, base)
		err := os.Link(path, name) // link(2) links a symbolic link itself, not what it points to
		if err == nil {
			st, err := os.Lstat(name)
			if err == nil {
				err = sameRegular(path, st)
			}
			if err != nil {
				os.Remove(name)
				return "", err
			}
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break // no hard links here
		}
	}
	src, err := os.OpenFile(path, os.O_RDONLY|oNoFollow|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ELOOP) {
		return "", &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
	}
	if err != nil {
		return "", err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return "", err
	}
	if err := sameRegular(path, st); err != nil {
		return "", err
	}
	data, err := io.ReadAll(src)
	if err != nil {
		return "", err
	}
	return writeTemp(dir, base, 0, old, data)
}

// sameRegular checks that st, what is now at path, is still a regular
// file. Another regular file swapped in is what the rename replaces, and so
// what is kept.
func sameRegular(path string, st fs.FileInfo) error {
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "write", Path: path, Err: notRegular(st.Mode())}
	}
	return nil
}

// syncDir makes a rename in dir survive a crash. Some systems cannot sync a
// directory; the file is in place either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
