#!/usr/bin/env python3
"""An independent check of the budget rule (docs/DESIGN.md, "Budget").

For random workloads with a random budget in a random currency, it runs
`tokenomics compare --format json` (options and verdict, costs in USD) and
`--format markdown` (the verdict's budget line), and works out from the JSON
alone, by the rule as DESIGN states it, what the budget line must say: an
option is within the budget when it is eligible and its monthly cost in the
workload's currency is at most the budget; the line says whether the answer
is within it, what is left or how far over, and how many options are within.

Usage: scripts/check_budget.py [N]   (from the repository root; N runs, default 40)
"""
import json
import random
import re
import subprocess
import sys
import tempfile

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩"}
ZERO_DECIMALS = {"JPY", "KRW"}


def rates():
    """The catalog's fx rates (units per USD), read from plans/catalog.yaml."""
    text = open("plans/catalog.yaml", encoding="utf-8").read()
    m = re.search(r"^fx:.*?^  rates: \{([^}]*)\}", text, re.S | re.M)
    out = {"USD": 1.0}
    for part in m.group(1).split(","):
        k, v = part.split(":")
        out[k.strip()] = float(v)
    return out


def fmt(usd, code, rate):
    """An amount as the app writes it: symbol, grouped thousands, the currency's decimals."""
    v = usd * rate
    d = 0 if code in ZERO_DECIMALS else 2
    s = f"{abs(v):,.{d}f}"
    neg = v < 0 and s.strip("0.,") != ""
    return ("-" if neg else "") + SYMBOL.get(code, code + " ") + s


def fitting(n):
    return "1 option fits" if n == 1 else f"{n} options fit"


def expected(doc, budget, code, rate, eps=0.0):
    """The budget line; eps shifts the answer's cost, which the JSON gives to
    six decimals, so an amount on a rounding edge may print either way."""
    if budget <= 0:
        return ""
    opts = doc["options"]
    within = [o for o in opts if o["eligible"] and o["monthly_cost"] * rate <= budget * (1 + 1e-9)]
    n = len(within)
    b = fmt(budget / rate, code, rate)
    v = doc["verdict"]
    ans = v.get("best_plan") if v.get("answer") == "subscription" else v.get("best_api") if v.get("answer") == "api" else None
    a = next((o for o in opts if o["id"] == ans), None) if ans else None
    if a is None:
        return f"No option fits your budget of {b}/month." if n == 0 else f"{fitting(n)} your budget of {b}/month."
    cost = a["monthly_cost"] + eps
    if cost * rate <= budget * (1 + 1e-9):
        return f"Within your budget of {b}/month: {fmt(budget / rate - cost, code, rate)} left; {fitting(n)} it."
    over = fmt(cost - budget / rate, code, rate)
    if n == 0:
        return f"Over your budget of {b}/month by {over}; no option fits it."
    cheapest = min(within, key=lambda o: o["monthly_cost"])
    return (f"Over your budget of {b}/month by {over}; {fitting(n)} it, "
            f"the cheapest {cheapest['name']} at {fmt(cheapest['monthly_cost'], code, rate)}.")


def workload(rng, budget, code):
    lines = [f"name: Budget check", f"currency: {code}", f"budget: {budget}",
             f"people: {rng.choice([1, 1, 2, 5])}", "classes:"]
    for i in range(rng.randint(1, 3)):
        lines += [f"  - name: C{i}", f"    count: {rng.choice([1, 5, 20, 80, 300])}",
                  f"    input_tokens: {rng.choice([300, 2000, 20000, 90000])}",
                  f"    output_tokens: {rng.choice([100, 500, 2000])}",
                  f"    min_tier: {rng.choice(['small', 'mid', 'frontier'])}"]
    return "\n".join(lines) + "\n"


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = random.Random(20261205)
    fx = rates()
    subprocess.run(["go", "build", "-o", "/tmp/tokenomics-budget-check", "./cmd/tokenomics"], check=True)
    bad = 0
    for i in range(runs):
        code = rng.choice(sorted(fx))
        budget = round(rng.choice([0.5, 5, 20, 60, 200, 1000, 5000]) * fx[code] * rng.uniform(0.5, 1.5), rng.choice([0, 2]))
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write(workload(rng, budget, code))
        run = lambda fmt_: subprocess.run(["/tmp/tokenomics-budget-check", "compare", "--workload", f.name, "--format", fmt_],
                                          capture_output=True, text=True, check=True).stdout
        doc = json.loads(run("json"))
        wants = {expected(doc, budget, code, fx[code], e) for e in (-1e-6, 0, 1e-6)}
        want = expected(doc, budget, code, fx[code])
        md = run("markdown")
        if want == "" and "budget of" in md or want != "" and not any(w in md for w in wants):
            bad += 1
            got = [l for l in md.replace("** ", "\n").split("\n") if "budget" in l]
            print(f"run {i}: {code} budget {budget}\n  want {want}\n  got  {got}")
    print(f"{runs - bad}/{runs} budget lines agree")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
