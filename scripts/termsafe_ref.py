#!/usr/bin/env python3
"""Reference for termsafe.Text, written from its rule alone: read strings
(JSON lines of byte lists) on stdin, write the safe text of each as a JSON
string line. Keep printable ASCII, newline and tab; bytes that are not UTF-8,
C0, DEL and C1 become \\xHH; format characters (Cf), line and paragraph
separators (Zl, Zp) become \\uXXXX (lowercase hex, at least four digits)."""
import json
import sys
import unicodedata


def safe(data: bytes) -> str:
    out = []
    i = 0
    while i < len(data):
        c = data[i]
        if 0x20 <= c < 0x7F or c in (0x0A, 0x09):
            out.append(chr(c))
            i += 1
            continue
        # the longest valid UTF-8 sequence starting here, else one bad byte
        for n in (1, 2, 3, 4):
            try:
                ch = data[i:i + n].decode("utf-8")
                break
            except UnicodeDecodeError:
                ch = None
        if ch is None or len(ch) != 1:
            out.append("\\x%02x" % c)
            i += 1
            continue
        r = ord(ch)
        if r < 0xA0:
            out.append("\\x%02x" % r)
        elif unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
            out.append("\\u%04x" % r)
        else:
            out.append(ch)
        i += n
    return "".join(out)


for line in sys.stdin:
    print(json.dumps(safe(bytes(json.loads(line)))))
