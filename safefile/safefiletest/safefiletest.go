// Package safefiletest makes, for tests, the files that safefile refuses:
// a FIFO, which a plain open would wait on, and a link to a device without
// end, which a plain read would follow for ever; and it reads back what a
// test wrote.
package safefiletest

import (
	"os"
	"syscall"
	"testing"
)

// FIFO makes a named pipe at path, or skips the test where there are none.
func FIFO(t testing.TB, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	return path
}

// EndlessLink makes path a symbolic link to /dev/zero.
func EndlessLink(t testing.TB, path string) string {
	t.Helper()
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
	return path
}

// ReadString is the whole of the file at path, or the test fails.
func ReadString(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
