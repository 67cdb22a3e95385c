// Package safefile reads and writes the files a user names without hanging,
// growing without bound or losing data.
//
// Reads take regular files only (a FIFO, a device or a directory is refused
// before a byte is read, and a FIFO cannot block the open) and at most a
// given number of bytes. Writes are atomic: the data goes to a temporary
// file in the same directory, is synced, and is renamed over the path
// itself, so the path holds the old content or the new, never a mix. A path
// that is a symbolic link, or anything but a regular file, is refused rather
// than written through or replaced. A new file is created with the
// permissions asked for less the umask; a file replaced keeps its own. The
// file replaced can be kept as a backup, which is rotated only once the new
// file is in place.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is the error of a path that holds something other than a
// regular file: a directory, a FIFO, a device, a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error (through errors.Is) of a read past its limit.
var ErrTooLarge = errors.New("too large")

// ErrReadOnly is the error of a write to a file its owner may not write.
var ErrReadOnly = errors.New("read-only: not replaced (make it writable, chmod u+w, to let tokenomics write it)")

// ErrSymlink is the error of a write to a path that is a symbolic link.
var ErrSymlink = errors.New("a symbolic link: not written through (name the file it points to)")

// ErrExists is the error of a write that may only make a new file
// (Options.NoReplace) to a path that holds one.
var ErrExists = errors.New("a file is there already: not replaced (name a new file, or move that one away)")

// notRegular says what is there instead of a regular file.
type notRegular fs.FileMode

func (m notRegular) Error() string {
	what := "something else"
	switch t := fs.FileMode(m).Type(); {
	case t&fs.ModeDir != 0:
		what = "a directory"
	case t&fs.ModeNamedPipe != 0:
		what = "a FIFO"
	case t&fs.ModeDevice != 0:
		what = "a device"
	case t&fs.ModeSocket != 0:
		what = "a socket"
	}
	return "is " + what + ", not a regular file"
}

func (notRegular) Is(target error) bool { return target == ErrNotRegular }

// tooLarge says the limit a read went past.
type tooLarge int64

func (t tooLarge) Error() string      { return "larger than " + Size(int64(t)) + ", the limit" }
func (tooLarge) Is(target error) bool { return target == ErrTooLarge }

// Size writes a byte count for people: 4 MiB, 64 KiB, 100 bytes.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Open opens the regular file at path for reading. Anything else is refused
// with a *fs.PathError wrapping ErrNotRegular; opening does not wait on a
// FIFO, as a plain open would until a writer comes.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: path, Err: notRegular(st.Mode())}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ReadFile reads the regular file at path, which may hold at most limit
// bytes: a larger one is refused (ErrTooLarge), by its size when it says so
// and else after reading limit+1 bytes (a file may grow while it is read).
// Every error is a *fs.PathError, so os.IsNotExist works on it.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: tooLarge(limit)}
	}
	data, err := ReadAll(f, limit)
	if err != nil {
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			err = &fs.PathError{Op: "read", Path: path, Err: err}
		}
		return nil, err
	}
	return data, nil
}

// ReadAll reads r to its end, refusing more than limit bytes (ErrTooLarge):
// for standard input and other streams that have no size to check first.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}
