package safefile

import (
	"io/fs"
	"syscall"
	"time"
)

// changed is when st's file last changed, its links included: a hard link
// made a moment ago to an old file is new by this time, not by its mtime.
func changed(st fs.FileInfo) time.Time {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return time.Unix(int64(s.Ctim.Sec), int64(s.Ctim.Nsec))
	}
	return st.ModTime()
}
