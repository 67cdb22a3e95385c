// Package tokencount measures text the way AI vendors bill it: characters,
// words, and tokens under the public OpenAI tokenizers that run offline
// (o200k_base and cl100k_base, from github.com/tiktoken-go/tokenizer, which
// embeds their vocabularies). It detects the language from the script, turns
// a count into estimates for the other tokenizer families of a price catalog
// through the catalog's language factors, and converts words and pages into
// the English-equivalent tokens a workload is written in.
//
// Counts equal OpenAI's tiktoken. The library's compiled split pattern cuts a
// whitespace run holding two groups of line breaks at the first where
// tiktoken cuts after the last ("x\n    \n", a blank line keeping its indent,
// is 2 tokens, not 3); such runs are split with the same pattern run by an
// interpreter and their piece is byte-pair encoded here (see encoder.go).
//
// # Streaming
//
// A Counter is an io.Writer: text is counted as it arrives, in chunks of
// 32–64 KiB cut only where the tokenizers' pre-tokenizing split cannot join
// the two sides (see [Counter]), so memory stays bounded whatever the input
// size and the token counts equal those of the whole text at once. Counting
// 100 MB, half a million lines then one line without a space, the heap in use
// peaked under 30 MiB, 10 MiB of which are the two vocabularies.
// A run of more than 64 KiB with no such place (one huge "word") or a
// whitespace run of more than 1 KiB is cut anyway; Stats.ForcedCuts says how
// often, and each such cut may shift a token count by about one.
//
// Binary input is recognised from its first 8,000 bytes (a NUL byte, or a
// tenth of them control characters or not UTF-8, as with legacy encodings
// such as EUC-KR) and only its bytes are counted. A UTF-8 byte order mark is
// skipped; UTF-16 with a byte order mark is decoded.
//
// # Words
//
// Words are counted the way word processors count mixed text:
//   - in scripts written with spaces (Latin, Hangul, Cyrillic, …) a word is a
//     run of characters between whitespace that holds at least one letter or
//     digit, so "don't", "e-mail", "3.5" and the Korean 어절 "예산은" are one
//     word each and a lone "—" is none;
//   - Chinese characters (Han), Hiragana and Katakana are written without
//     spaces: each such character is one word, as Microsoft Word counts East
//     Asian text and as translators quote Chinese and Japanese (per
//     character). A Japanese or Chinese "word" is therefore a character, and
//     the unit tables in units.go say so.
//
// Punctuation and symbols never start a word.
//
// # Languages
//
// Detection is by script only: Hangul → ko; Han with Hiragana or Katakana
// (kana at least 10% of the two) → ja; Han alone → zh; Latin → en (other
// Latin-script languages are not told apart). Other scripts are named but
// give no language. See [Detect].
package tokencount
