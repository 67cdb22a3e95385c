package catalogsync

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	neturl "net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/tokenomics/tokenomics/safefile"
)

// MaxPriceFile caps what a price file may hold. LiteLLM's file is about
// 1.5 MB and OpenRouter's list about 1 MB; anything near the cap is not a
// price file.
const MaxPriceFile = 64 << 20

// SourceError is a price file refused before it is read, or one that is no
// price file at all: the user's input is wrong, not the file or the network.
type SourceError struct{ err error }

func (e *SourceError) Error() string { return e.err.Error() }
func (e *SourceError) Unwrap() error { return e.err }

func refused(format string, args ...any) error {
	return &SourceError{fmt.Errorf(format, args...)}
}

var dateRE = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})`)

// DateIn is a YYYY-MM-DD date in a file name, "" when there is none.
func DateIn(name string) string {
	for _, d := range dateRE.FindAllString(name, -1) {
		if t, err := time.Parse(time.DateOnly, d); err == nil && t.Format(time.DateOnly) == d {
			return d
		}
	}
	return ""
}

// RawFile is a price file as read.
type RawFile struct {
	Data         []byte
	Base         string // the last element of the file name or URL path
	LastModified string // YYYY-MM-DD from the server, "" when not given
}

// ReadPriceFile reads a file, or fetches an http(s) URL as userAgent, of at
// most limit bytes; a fetch, body included, must end within timeout. A
// source refused before it is read (too large, not a file or an http(s)
// URL) is a *SourceError. Messages name a URL without its credentials.
func ReadPriceFile(src string, limit int64, timeout time.Duration, userAgent string) (*RawFile, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return fetchPriceFile(src, limit, timeout, userAgent)
	}
	if strings.Contains(src, "://") {
		return nil, refused("catalog import: %s: only http:// and https:// URLs are fetched", WithoutCredentials(src))
	}
	return readPriceFile("catalog import", src, limit)
}

// readPriceFile reads the price file at path, of at most limit bytes, for
// the command cmd its errors name.
func readPriceFile(cmd, path string, limit int64) (*RawFile, error) {
	data, err := safefile.ReadFile(path, limit)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, refused("%s: %s is larger than %s: not a price file", cmd, path, safefile.Size(limit))
	case err != nil:
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return &RawFile{Data: withoutBOM(data), Base: filepath.Base(path)}, nil
}

// withoutBOM is data without a UTF-8 byte order mark at its start: JSON
// readers may ignore one (RFC 8259), and a price file saved from an editor
// can start with one; encoding/json refuses it.
func withoutBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
}

// credentialParam is a query parameter name that may carry a secret.
var credentialParam = regexp.MustCompile(`(?i)token|key|secret|pass|auth|sig|credential|session|jwt|bearer`)

// WithoutCredentials is src with what may be a secret left out when it is a
// URL: user:password@ and query parameters named like a token, a key, a
// signature or a password (?token=, ?api_key=, X-Amz-Signature…).
func WithoutCredentials(src string) string {
	u, err := neturl.Parse(src)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return src
	}
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if credentialParam.MatchString(k) {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func fetchPriceFile(rawURL string, limit int64, timeout time.Duration, userAgent string) (*RawFile, error) {
	url := WithoutCredentials(rawURL) // for messages
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, refused("catalog import: %s is not a URL", url)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var ue *neturl.Error // its text holds the URL as given, token and all
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("catalog import: fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("catalog import: fetching %s: the server answered %s", url, resp.Status)
	}
	tooLarge := refused("catalog import: %s is larger than %s: not a price file", url, safefile.Size(limit))
	if resp.ContentLength > limit {
		return nil, tooLarge
	}
	data, err := safefile.ReadAll(resp.Body, limit)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, tooLarge
	case err != nil:
		return nil, fmt.Errorf("catalog import: fetching %s: %w", url, err)
	}
	pf := &RawFile{Data: withoutBOM(data), Base: path.Base(req.URL.Path)}
	if t, err := http.ParseTime(resp.Header.Get("Last-Modified")); err == nil {
		pf.LastModified = t.UTC().Format(time.DateOnly)
	}
	return pf, nil
}
