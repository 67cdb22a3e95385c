package safefile

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
)

// SetAside moves path to the first free name of path.bad, path.bad.1,
// path.bad.2…, and returns it: a file set aside before is never replaced.
// The name is taken with a hard link, which fails rather than replace;
// where there are none, with a rename to a name seen free.
func SetAside(path string) (string, error) {
	for n := 0; n < 1000; n++ {
		bad := path + ".bad"
		if n > 0 {
			bad += "." + strconv.Itoa(n)
		}
		err := os.Link(path, bad)
		switch {
		case err == nil:
			return bad, os.Remove(path)
		case errors.Is(err, fs.ErrExist):
			continue
		}
		if _, lerr := os.Lstat(bad); !errors.Is(lerr, fs.ErrNotExist) {
			return "", err
		}
		return bad, os.Rename(path, bad)
	}
	return "", errors.New("a thousand earlier copies are kept beside it")
}
