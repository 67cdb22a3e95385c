//go:build !linux

package safefile

import (
	"io/fs"
	"time"
)

// changed is st's modification time here; on Linux it is the change time,
// which a new hard link to an old file renews.
func changed(st fs.FileInfo) time.Time { return st.ModTime() }
