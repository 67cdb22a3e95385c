//go:build !unix

package safefile

// oNoFollow is none where open has no such flag: the Lstat checks remain.
const oNoFollow = 0
