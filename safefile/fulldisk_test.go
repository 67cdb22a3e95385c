//go:build linux

package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
)

// A real write failure: the test runs itself again with a 4 KiB limit on
// the size of any file it writes (RLIMIT_FSIZE), as a nearly full disk
// would, and writes 64 KiB over a file that has a backup.
func TestWriteFullDiskForReal(t *testing.T) {
	if dir := os.Getenv("SAFEFILE_FULL_DIR"); dir != "" {
		signal.Ignore(syscall.SIGXFSZ) // else the kernel kills the writer
		lim := syscall.Rlimit{Cur: 4096, Max: 4096}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			fmt.Println("setrlimit:", err)
			os.Exit(3)
		}
		_, err := Write(filepath.Join(dir, "catalog.yaml"), bytes.Repeat([]byte("x"), 64<<10), Options{Backup: ".bak"})
		var we *WriteError
		fmt.Println(err)
		if !errors.As(err, &we) || !errors.Is(err, syscall.EFBIG) {
			os.Exit(4)
		}
		os.Exit(0)
	}
	dir, path := fileWithBackup(t)
	before := snapshot(t, dir)
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteFullDiskForReal$")
	cmd.Env = append(os.Environ(), "SAFEFILE_FULL_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the write did not fail as a full disk makes it: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("writing "+path+": file too large")) {
		t.Errorf("the error says %s", out)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("the directory changed:\n before %v\n after  %v", before, after)
	}
}
