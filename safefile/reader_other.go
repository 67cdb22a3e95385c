//go:build !unix

package safefile

import "io"

// OpenReader opens the regular file at path for reading, with Open's
// guarantees (it is Open here). Close it.
func OpenReader(path string) (io.ReadCloser, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}
