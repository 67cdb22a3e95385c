//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrLocked is the error of Lock when another process holds the lock longer
// than the wait.
var ErrLocked = errors.New("another tokenomics is writing it")

// Lock takes an exclusive lock for a read-modify-write of path, waiting up
// to wait for another process (or goroutine) to release it. The lock is on
// path's directory, which is created if missing, so that no lock file is
// left behind. unlock releases it.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, &WriteError{path, err}
	}
	d, err := os.Open(dir)
	if err != nil {
		return nil, &WriteError{path, err}
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		d.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			err = ErrLocked
		}
		return nil, &WriteError{path, err}
	}
	return func() { d.Close() }, nil // closing the last descriptor releases the lock
}
