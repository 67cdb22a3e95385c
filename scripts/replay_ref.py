#!/usr/bin/env python3
"""replay_ref.py: a second, independent implementation of docs/DESIGN.md's
"Replay" rules, to check the replay package against (usage/replay_crosscheck_test.go).

    python3 scripts/replay_ref.py < input.json > output.json

Input: {"zone": IANA name, "catalog": {"models": [...], "plans": [...]},
"records": [{"t": Unix ms, "model": catalog id or "", "input", "cache_read",
"cache_write", "cache_write_1h", "output", "reasoning"}]} with the records in
time order. A plan's limits carry "weights" ({model id: units per unit}) and
"overage" (price per unit beyond the capacity, 0 for none). Tiers are 0
small, 1 mid, 2 frontier. Output: {"days",
"month_factor", "as_recorded", "options": {id: {...}}}.

Written from DESIGN.md alone; it shares no code with the Go package.
"""
import datetime
import json
import sys
from zoneinfo import ZoneInfo

AGENT = "agent"


def rates_for(m, prompt):
    """The rates a request of this prompt size pays on m (long context over
    its threshold; a long-context tier without cache prices keeps the base ones)."""
    r = {k: m.get(k) for k in ("input", "output", "cache_read", "cache_write", "cache_write_1h")}
    lc = m.get("long_context")
    if lc and prompt > lc["threshold"]:
        r["input"], r["output"] = lc["input"], lc["output"]
        for k in ("cache_read", "cache_write", "cache_write_1h"):
            if lc.get(k) is not None:
                r[k] = lc[k]
    return r


def request_cost(m, u):
    prompt = u["input"] + u["cache_read"] + u["cache_write"]
    r = rates_for(m, prompt)
    read = r["cache_read"] if r["cache_read"] is not None else r["input"]
    write = r["cache_write"] if r["cache_write"] is not None else r["input"]
    write1h = r["cache_write_1h"] if r["cache_write_1h"] is not None else write
    return (u["input"] * r["input"] + u["cache_read"] * read + (u["cache_write"] - u["cache_write_1h"]) * write
            + u["cache_write_1h"] * write1h + (u["output"] + u["reasoning"]) * r["output"]) / 1e6


def size_of(u):
    return u["input"] + u["cache_read"] + u["cache_write"] + u["output"] + u["reasoning"]


def out_of(u):
    return u["output"] + u["reasoning"]


def feasible(u, tier, m, plan_window=0):
    s = size_of(u)
    if m["tier"] < tier or s > m["context_window"]:
        return False
    if plan_window > 0 and s > plan_window:
        return False
    if m.get("max_output", 0) > 0 and out_of(u) > m["max_output"]:
        return False
    return True


def capacity(lim, end):
    c = lim.get("usd") or lim.get("tokens") or lim.get("messages")
    if end == "low" and lim.get("low", 0) > 0:
        return lim["low"]
    if end == "high" and lim.get("high", 0) > 0:
        return lim["high"]
    return c


def weight(lim, m):
    """The limit's weights entry for m: 1 when it has none."""
    return (lim.get("weights") or {}).get(m["id"], 1.0)


def counts(lim, m):
    if weight(lim, m) == 0:  # weight 0: the limit does not count it at all
        return False
    if lim.get("tiers") and m["tier"] not in lim["tiers"]:
        return False
    if lim.get("models") and m["id"] not in lim["models"]:
        return False
    if lim.get("via") and AGENT not in lim["via"]:
        return False
    return True


def units(lim, u, cost, m):
    if lim.get("usd"):
        n = cost
    elif lim.get("tokens"):
        n = size_of(u)
    else:
        ref = lim.get("reference_tokens", 0)
        n = max(1.0, size_of(u) / ref) if ref > 0 else 1.0
    return n * weight(lim, m)


def overage_price(lim):
    return lim.get("overage") or 0.0


def main():
    data = json.load(sys.stdin)
    zone = ZoneInfo(data["zone"])
    models = data["catalog"]["models"]
    by_id = {m["id"]: m for m in models}
    usable = [m for m in models if m.get("status") != "retired"]
    recs = data["records"]
    days0 = [datetime.datetime.fromtimestamp(r["t"] / 1000, zone).date() for r in (recs[0], recs[-1])]
    N = (days0[1] - days0[0]).days + 1
    M = 30.4375 / N

    tiers = []
    as_recorded = 0.0
    for r in recs:
        m = by_id.get(r["model"]) if r["model"] else None
        tiers.append(m["tier"] if m else 0)
        if m:
            as_recorded += request_cost(m, r)
    out = {"days": N, "month_factor": M, "as_recorded": M * as_recorded, "options": {}}

    # API options: per record, every usable model it is feasible on.
    costs = []  # per record: {model id: cost} over feasible, tier-ok usable models
    for i, r in enumerate(recs):
        costs.append({m["id"]: request_cost(m, r) for m in usable if feasible(r, tiers[i], m)})
    for m in usable:
        ok = all(m["id"] in c for c in costs)
        total = sum(c.get(m["id"], 0.0) for c in costs)
        out["options"]["api:" + m["id"]] = {"eligible": ok, "monthly": M * total}
    providers = []
    for m in usable:
        if m["provider"] not in providers:
            providers.append(m["provider"])

    def cheapest(i, provider=None):
        best = None
        for m in usable:
            if provider is not None and m["provider"] != provider:
                continue
            c = costs[i].get(m["id"])
            if c is not None and (best is None or c < best):
                best = c
        return best

    for pid, prov in [("mix:all", None)] + [("mix:" + p, p) for p in providers]:
        total, ok = 0.0, True
        for i in range(len(recs)):
            c = cheapest(i, prov)
            if c is None:
                ok = False
                break
            total += c
        out["options"][pid] = {"eligible": ok, "monthly": M * total if ok else 0.0}

    for p in data["catalog"]["plans"]:
        out["options"][p["id"]] = plan(p, recs, tiers, by_id, cheapest, M)
    json.dump(out, sys.stdout)


def plan(p, recs, tiers, by_id, cheapest, M):
    seats = max(1, p.get("seats_min", 0))
    pms = [by_id[i] for i in p["models"] if i in by_id]
    lims = p.get("limits") or []
    # Where each record runs, and each limit's units for it (None: not counted).
    run_units = []
    for i, r in enumerate(recs):
        if AGENT not in (p.get("serves") or ["chat"]):
            run_units.append(None)
            continue
        fitting = [m for m in pms if feasible(r, tiers[i], m, p.get("context_window", 0))]
        if not fitting:
            run_units.append(None)
            continue
        logged = by_id.get(r["model"]) if r["model"] else None
        if logged is not None and (logged["provider"] == p["vendor"] or logged["id"] in p["models"]):
            run = logged
        else:
            run = fitting[0]
            for m in fitting[1:]:
                if request_cost(m, r) < request_cost(run, r):
                    run = m
        cost = request_cost(run, r)
        run_units.append([units(l, r, cost, run) if counts(l, run) else None for l in lims])

    def replay(end):
        over = [False] * len(recs)
        stats = [{"windows": 0, "windows_hit": 0, "blocked_hours": 0.0, "peak_utilization": 0.0, "excess": 0.0} for _ in lims]
        caps = [capacity(l, end) for l in lims]
        wins = [None] * len(lims)  # open window: [start, end, used, counted, hit_time or None]

        def close(j):
            w = wins[j]
            if w[4] is not None:
                stats[j]["windows_hit"] += 1
                if overage_price(lims[j]) <= 0:  # past an overage limit's cap nothing is blocked
                    stats[j]["blocked_hours"] += (w[1] - w[4]) / 3600000.0
            stats[j]["peak_utilization"] = max(stats[j]["peak_utilization"], w[3] / caps[j])
            wins[j] = None

        for i, r in enumerate(recs):
            us = run_units[i]
            if us is None:
                over[i] = True
                continue
            t = r["t"]
            for j, u in enumerate(us):
                if u is None:
                    continue
                if wins[j] is not None and t >= wins[j][1]:
                    close(j)
                if wins[j] is None:
                    wins[j] = [t, t + round(lims[j]["window_hours"] * 3600000), 0.0, 0.0, None]
                    stats[j]["windows"] += 1
            # Only limits without an overage price can hold a record back.
            gates = [j for j, u in enumerate(us) if u is not None and overage_price(lims[j]) <= 0]
            runs = all(wins[j][4] is None and wins[j][2] + us[j] <= caps[j] for j in gates)
            for j in gates:
                wins[j][3] += us[j]  # counted, run or not
                if runs:
                    wins[j][2] += us[j]
                elif wins[j][4] is None and wins[j][2] + us[j] > caps[j]:
                    wins[j][4] = t
            if runs:
                # Limits with an overage price see only the records that run;
                # the part of one beyond the capacity is billed.
                for j, u in enumerate(us):
                    if u is None or overage_price(lims[j]) <= 0:
                        continue
                    used = wins[j][2]
                    stats[j]["excess"] += max(0.0, used + u - caps[j]) - max(0.0, used - caps[j])
                    if wins[j][4] is None and used + u > caps[j]:
                        wins[j][4] = t
                    wins[j][2] += u
                    wins[j][3] += u
            over[i] = not runs
        for j in range(len(lims)):
            if wins[j] is not None:
                close(j)

        # Overflow: each record on its cheapest API model; with a credit,
        # also the vendor's own models first, credit × seats off their part.
        plain = vendor = others = 0.0
        ok = True
        for i, o in enumerate(over):
            if not o:
                continue
            b = cheapest(i)
            if b is None:
                ok = False
                continue
            plain += b
            v = cheapest(i, p["vendor"])
            if v is not None:
                vendor += v
            else:
                others += b
        overflow, credit = M * plain, 0.0
        c = p.get("api_credit_monthly", 0) * seats
        if c > 0 and ok:
            alt = max(0.0, M * vendor - c) + M * others
            if alt < overflow:
                overflow, credit = alt, min(c, M * vendor)
        # The plan bills the excess of limits with an overage price; the
        # credit is for the API and does not cover it.
        overage = M * sum(overage_price(l) * st["excess"] for l, st in zip(lims, stats))
        return over, stats, overflow + overage, credit, ok, overage

    base = seats * p["price_monthly"]
    over, stats, overflow, credit, ok, overage = replay("capacity")
    n_over = sum(over)
    excess = any(st["excess"] > 0 for st in stats)
    res = {"eligible": ok and n_over < len(recs), "fits": n_over == 0 and not excess, "monthly": base + overflow,
           "overflow_cost": overflow, "overage": overage, "credit": credit, "records_on_plan": len(recs) - n_over,
           "records_overflowed": n_over, "limits": stats}
    res["monthly_low"] = res["monthly_high"] = res["monthly"]
    ranged = any(capacity(l, "low") != capacity(l, "capacity") or capacity(l, "high") != capacity(l, "capacity") for l in lims)
    if ranged and res["eligible"]:
        for key, end in (("monthly_low", "high"), ("monthly_high", "low")):
            _, _, o, _, k, _ = replay(end)
            res[key] = base + o if k else None  # no route at that end
    return res


if __name__ == "__main__":
    main()
