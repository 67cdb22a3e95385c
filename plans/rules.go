package plans

// The rules the catalog reader applies to a figure, for programs that write
// entries for it (the price-file imports), so that what they write reads
// back. A check is "" when v may stand, else why not, worded as the
// reader's errors are ("must not be negative (got -1)").

// IsID reports whether s is an id: letters, digits, '.', '_' and '-',
// starting with a letter or digit.
func IsID(s string) bool { return idRE.MatchString(s) }

// IsDate reports whether s is a date like 2026-11-27.
func IsDate(s string) bool { return validDate(s) }

// CheckPrice checks a price in USD per 1M tokens.
func CheckPrice(v float64) string { return priceSpan.check(v) }

// CheckTokens checks a token count: a context window, a long-context
// threshold, a maximum output.
func CheckTokens(v float64) string { return tokensSpan.check(v) }

// CheckDiscount checks a batch discount, the fraction off.
func CheckDiscount(v float64) string { return discountSpan.check(v) }
