//go:build unix

package safefile

import (
	"io"
	"io/fs"
	"syscall"
)

// OpenReader opens the regular file at path for reading, with Open's
// guarantees: anything else is refused with a *fs.PathError wrapping
// ErrNotRegular, and the open does not wait on a FIFO. It is for reading
// thousands of files once each: the file is read by its descriptor alone,
// without the *os.File, its FileInfo, poller registration and finalizer
// that would each cost more than a small file's read. Close it.
func OpenReader(path string) (io.ReadCloser, error) {
	fd, err := ignoringEINTR(func() (int, error) {
		return syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: path, Err: notRegular(typeOf(uint32(st.Mode)))}
	}
	// O_NONBLOCK only kept the open from waiting on a FIFO: a regular file
	// reads the same either way.
	return &fdReader{fd: fd, path: path}, nil
}

type fdReader struct {
	fd   int
	path string
}

func (r *fdReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := ignoringEINTR(func() (int, error) { return syscall.Read(r.fd, p) })
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: r.path, Err: err}
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

func (r *fdReader) Close() error {
	if r.fd < 0 {
		return &fs.PathError{Op: "close", Path: r.path, Err: fs.ErrClosed}
	}
	err := syscall.Close(r.fd)
	r.fd = -1
	if err != nil {
		return &fs.PathError{Op: "close", Path: r.path, Err: err}
	}
	return nil
}

func ignoringEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return n, err
		}
	}
}

// typeOf is the fs.FileMode type of a stat mode, for notRegular.
func typeOf(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
