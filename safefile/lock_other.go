//go:build !unix

package safefile

import (
	"errors"
	"time"
)

// ErrLocked is the error of Lock when another process holds the lock longer
// than the wait.
var ErrLocked = errors.New("another tokenomics is writing it")

// Lock does nothing where flock is missing: concurrent writers of one file
// may lose an update there, but each write is still atomic.
func Lock(string, time.Duration) (unlock func(), err error) { return func() {}, nil }
