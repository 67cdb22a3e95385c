#!/usr/bin/env python3
"""An independent reading of docs/DESIGN.md's subscription rules (limits with
per-model weights and an overage price), for model's oracle test.

Reads a JSON list of cases on stdin, writes the effective monthly cost of the
plan of each case on stdout, one JSON number per case. The cases are narrow on
purpose: English (factor 1), no cache, no long context, every model small tier
and able to hold every task, every class chat work, no API credit.
"""
import json
import sys


def turns(c):
    """(in_t, out_t) for t = 1..T."""
    out = []
    for t in range(max(1, c["turns"])):
        i = c["input"] + t * (c["output"] + c["followup"])
        o = c["output"] + c["reasoning"]
        out.append((i, o))
    return out


def cost(c, m):
    return sum(i * m["input"] + o * m["output"] for i, o in turns(c)) / 1e6


def units(c, m, lim):
    ts = turns(c)
    if lim["unit"] == "usd":
        u = cost(c, m)
    elif lim["unit"] == "tokens":
        u = sum(i + o for i, o in ts)
    else:
        u = float(len(ts))
    return u * lim.get("weights", {}).get(m["id"], 1.0)


def demand_factor(w, D, H):
    return min(1.0, w / H) if w < 24 else max(1.0, D * w / 730.5)


def plan_cost(case):
    D, H, P = case["days"], case["hours"], case["people"]
    models = {m["id"]: m for m in case["models"]}
    plan = case["plan"]
    seats = max(P, plan["seats_min"], 1)
    classes = case["classes"]
    tasks = [c["count"] * D for c in classes]
    serving = []
    for c in classes:
        best = None
        for mid in plan["models"]:
            m = models[mid]
            if best is None or cost(c, m) < cost(c, best):
                best = m
        serving.append(best)
    api = [min(cost(c, m) for m in case["models"]) for c in classes]

    def util(lim, counts):
        monthly = sum(n * units(c, s, lim) for n, c, s in zip(counts, classes, serving))
        demand = monthly / (D * seats) * demand_factor(lim["window"], D, H)
        return monthly, demand / lim["capacity"]

    uc = [0.0] * len(classes)
    for lim in plan["limits"]:
        if lim["overage"] > 0:
            continue
        _, u = util(lim, tasks)
        for k, (c, s) in enumerate(zip(classes, serving)):
            if units(c, s, lim) > 0:
                uc[k] = max(uc[k], u)
    over = [n * (1 - 1 / u) if u > 1 else 0.0 for n, u in zip(tasks, uc)]
    total = seats * plan["price"] + sum(o * a for o, a in zip(over, api))
    on = [n - o for n, o in zip(tasks, over)]
    for lim in plan["limits"]:
        if lim["overage"] <= 0:
            continue
        monthly, u = util(lim, on)
        if u > 1:
            total += lim["overage"] * monthly * (1 - 1 / u)
    return total


json.dump([plan_cost(c) for c in json.load(sys.stdin)], sys.stdout)
