package safefile

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
// at the backup's path: nothing is written through a link. Any other failure
// is a *WriteError, after which path and its backup hold what they held.
func Write(path string, data []byte, opt Options) (backup string, err error) {
	old, err := check(path)
	if err != nil {
		return "", err
	}
	if opt.Backup != "" && old != nil {
		if _, err := check(path + opt.Backup); err != nil {
			return "", err
		}
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
			return failed(err)
		}
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		if keep != "" {
			os.Remove(keep)
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
	return backup, nil
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

// writeTemp writes data to a new file beside the target, synced: with old's
// permissions when it replaces a file, else perm less the umask (the kernel
// applies it as the file is created).
func writeTemp(dir, base string, perm fs.FileMode, old fs.FileInfo, data []byte) (name string, err error) {
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
	if _, err = write(f, data); err != nil {
		return "", err
	}
	if old != nil {
		if err = f.Chmod(old.Mode().Perm()); err != nil {
			return "", err
		}
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
// which costs no space, else a synced copy.
func keepCopy(path, dir, base string, old fs.FileInfo) (string, error) {
	for try := 0; try < 100; try++ {
		name := tempName(dir, base)
		err := os.Link(path, name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break // no hard links here
		}
	}
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	data, err := io.ReadAll(src)
	if err != nil {
		return "", err
	}
	return writeTemp(dir, base, 0, old, data)
}

// syncDir makes a rename in dir survive a crash. Some systems cannot sync a
// directory; the file is in place either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
