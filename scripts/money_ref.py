#!/usr/bin/env python3
"""Reference for amounts as the outputs write them, written from the rules
alone (money.Currency's Format and FormatRate, report.SameCost and
report.CostChange, model.Quote.CostChange), with exact decimal arithmetic
where the Go code works in floats.

Reads {"format": [...], "rate": [...], "change": [...], "quote": [...]} on
stdin and writes the same keys, each a list of answers in order:
- format: {"code", "rate", "usd"} -> the amount in the currency;
- rate:   {"code", "rate", "usd"} -> the catalog rate in the currency;
- change: {"code", "rate", "usd"} -> [reads the same, the signed move];
- quote:  {"eligible", "monthly", "was", "code", "rate"} -> [has a move,
  the move, its wording in the currency as the app's change mark].
Numbers arrive as strings ("0.125", "+Inf", "NaN") so that every float64,
the infinite ones included, comes through exactly.

The rules:
- A currency has a symbol and its usual decimals: USD "$" 2, EUR "€" 2,
  JPY "¥" 0, KRW "₩" 0. An amount in USD is shown in a currency at rate
  units per USD: the float product usd * rate, rounded at the decimals
  half away from zero (of the product's exact value), grouped by thousands
  with ",", the symbol before it, "-" before the symbol when negative and
  not zero once rounded; "—" when it is no number.
- A catalog rate in USD shows as many decimals as it needs to show the
  figure exactly (a whole number of units of its last decimal, to within a
  millionth of one: float noise is no digit), from the usual two up to
  four more; in another currency four significant digits, never fewer
  decimals than usual nor more than six more, then trailing zeros beyond
  the usual decimals dropped ("€1.20", "€0.4455").
- A move of d USD reads as the same in a currency when it rounds to
  nothing at the currency's decimals (|d * rate| under half a unit of its
  last decimal). Its wording: "" when the same or no number, else "+" or
  "−" (U+2212) and the amount of |d|.
- A quote's move from was: monthly - was, none when the quote cannot carry
  the work (not eligible) or was is no cost (infinite or NaN).
"""
import json
import math
import sys
from decimal import Decimal, ROUND_HALF_UP

CURRENCIES = {"USD": ("$", 2), "EUR": ("€", 2), "JPY": ("¥", 0), "KRW": ("₩", 0)}
MINUS = "\u2212"


def rounded(x: float, decimals: int) -> Decimal:
    """x's exact value rounded half away from zero (Decimal's ROUND_HALF_UP)."""
    return Decimal(x).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def written(r: Decimal, symbol: str) -> str:
    """r, rounded already, with its sign, symbol and grouped thousands."""
    sign = "-" if r < 0 and r != 0 else ""
    digits = format(abs(r), "f")
    whole, _, frac = digits.partition(".")
    out = sign + symbol + format(int(whole), ",")
    return out + "." + frac if frac else out


def amount(code: str, rate: float, usd: float) -> str:
    symbol, dec = CURRENCIES[code]
    v = usd * rate
    if not math.isfinite(v):
        return "—"
    return written(rounded(v, dec), symbol)


def catalog_rate(code: str, rate: float, usd: float) -> str:
    symbol, dec = CURRENCIES[code]
    v = usd * rate
    if not math.isfinite(v):
        return "—"
    if code == "USD":
        # exact: a whole number of the last decimal's units, to a millionth
        # of one (a computed rate's float noise, 0.1 * 0.25, is no digit)
        exact = Decimal(abs(v))
        d = dec
        while d < dec + 4:
            units = exact.scaleb(d)
            if abs(units - units.to_integral_value(rounding=ROUND_HALF_UP)) < Decimal("1e-6"):
                break
            d += 1
        return written(rounded(v, d), symbol)
    d = dec
    if v != 0:
        exact = Decimal(abs(v))
        lead = exact.adjusted()  # the power of ten of the first digit
        # four significant digits, counted after rounding (9.9996 -> 10.00)
        if rounded(abs(v), 3 - lead).adjusted() > lead:
            lead += 1
        d = min(max(dec, 3 - lead), dec + 6)
    r = rounded(v, d)
    text = format(r, "f")
    while d > dec and text.endswith("0"):
        text, d = text[:-1], d - 1
    return written(Decimal(text), symbol)


def same(code: str, rate: float, d: float) -> bool:
    _, dec = CURRENCIES[code]
    v = d * rate
    return math.isfinite(v) and rounded(v, dec) == 0


def change(code: str, rate: float, d: float) -> str:
    if not math.isfinite(d) or same(code, rate, d):
        return ""
    return ("+" if d > 0 else MINUS) + amount(code, rate, abs(d))


def quote_move(eligible: bool, monthly: float, was: float):
    if not eligible or not math.isfinite(was):
        return [False, 0.0]
    return [True, monthly - was]


def main() -> None:
    req = json.load(sys.stdin)
    out = {"format": [], "rate": [], "change": [], "quote": []}
    for c in req.get("format") or []:
        out["format"].append(amount(c["code"], float(c["rate"]), float(c["usd"])))
    for c in req.get("rate") or []:
        out["rate"].append(catalog_rate(c["code"], float(c["rate"]), float(c["usd"])))
    for c in req.get("change") or []:
        rate, d = float(c["rate"]), float(c["usd"])
        out["change"].append([same(c["code"], rate, d), change(c["code"], rate, d)])
    for c in req.get("quote") or []:
        ok, move = quote_move(c["eligible"], float(c["monthly"]), float(c["was"]))
        words = change(c["code"], float(c["rate"]), move) if ok else ""
        out["quote"].append([ok, repr(move) if math.isfinite(move) else str(move), words])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
