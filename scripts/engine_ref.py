#!/usr/bin/env python3
"""An independent implementation of docs/DESIGN.md's cost model, for tests.

Written from the design alone (not from the Go engine): tasks per month,
turns, rates, feasibility, API options and mixes, subscriptions (who may use
them, serving models, limits and their scopes, overflow, the API-credit
route), plans that carry none of the work, language factors relative to
o200k English with estimated factors as ranges, every option's ends, the
verdict with its corner rule and one-vendor option, and flip points.

Input on stdin (JSON): {"workload": {...}, "catalog": {...}} in the YAML
files' field names, limits resolved (no limits_like); the catalog may give
the "date" it is evaluated on and its models a "status" and dated
"deprecated" and "retired" statuses. A factor is a number or {"value",
"low", "high"}.
Output on stdout (JSON): {"options": [{"id", "eligible", "monthly", "low",
"high"}], "verdict": {...}, "flips": [{"class", "direction", "factor",
"count", "to"}], "sunsets": [{"option", "roles", "models", "instead"}]};
an end where an option cannot carry the work is null.
"""

import datetime
import json
import math
import sys

TIERS = {"small": 0, "mid": 1, "frontier": 2}
INF = float("inf")


def tasks_per_month(w, c):
    per = c.get("per", "day")
    n = c["count"]
    if per == "day":
        return n * w["days_per_month"]
    if per == "week":
        return n * 52 / 12
    return n


def point(f):
    return f["value"] if isinstance(f, dict) else f


def factor(cat, tok, lang, end):
    """λ of tokenizer tok for lang at end 'value' | 'low' | 'high'."""
    lang = lang or "en"
    toks = cat.get("tokenizers", {})
    if tok and lang in toks.get(tok, {}):
        f = toks[tok][lang]
        return f[end] if isinstance(f, dict) else f
    if lang == "en":
        return 1.0
    vals = sorted(point(fs[lang]) for fs in toks.values() if lang in fs)
    if not vals:
        return 1.0
    if end == "low":
        return vals[0]
    if end == "high":
        return vals[-1]
    n = len(vals)
    if n % 2:
        return vals[n // 2]
    return (vals[n // 2 - 1] + vals[n // 2]) / 2


def turns(c, lam):
    """(in_t, out_t) of every turn."""
    T = max(c.get("turns", 1), 1)
    I, O = c["input_tokens"], c["output_tokens"]
    R, F = c.get("reasoning_tokens", 0), c.get("followup_tokens", 0)
    return [(lam * (I + t * (O + F)), lam * O + R) for t in range(T)]


def rates(m, inp):
    lc = m.get("long_context")
    base = {k: m.get(k) for k in ("input", "output", "cache_read", "cache_write")}
    if lc and inp > lc["threshold"]:
        r = {k: lc.get(k) for k in ("input", "output", "cache_read", "cache_write")}
        for k in ("cache_read", "cache_write"):
            if r[k] is None:
                r[k] = base[k]
        return r
    return base


def task_cost(c, m, lam, batch):
    h = c.get("cache_hit", 0)
    total = 0.0
    for inp, out in turns(c, lam):
        r = rates(m, inp)
        read = r["cache_read"] if r["cache_read"] is not None else r["input"]
        write = r["cache_write"] if (h > 0 and r["cache_write"] is not None) else r["input"]
        ct = (h * inp * read + (1 - h) * inp * write + out * r["output"]) / 1e6
        if batch and m.get("batch_discount", 0) > 0:
            ct *= 1 - m["batch_discount"]
        total += ct
    return total


def fits_model(c, m, lam, plan_window=None):
    ts = turns(c, lam)
    last = ts[-1][0] + ts[-1][1]
    if last > m["context_window"]:
        return False
    if plan_window and last > plan_window:
        return False
    if m.get("max_output") and ts[0][1] > m["max_output"]:
        return False
    return True


def api_ok(c, m, lam):
    return TIERS[m["tier"]] >= TIERS[c.get("min_tier", "small")] and fits_model(c, m, lam)


def channel(c):
    return "api" if c.get("batch") else c.get("via", "chat")


class Prep:
    """Everything about a workload on a catalog at one end of the factors
    that does not depend on the volume."""

    def __init__(self, w, cat, end):
        self.w, self.cat = w, cat
        self.models = cat["api_models"]
        self.classes = w["classes"]
        lang = w.get("language", "en")
        self.lam = [factor(cat, m.get("tokenizer"), lang, end) for m in self.models]
        # per class, per model: (cost of a task, ok)
        self.cell = [[(task_cost(c, m, self.lam[i], c.get("batch", False)), api_ok(c, m, self.lam[i]))
                      for i, m in enumerate(self.models)] for c in self.classes]
        self.providers = []
        for m in self.models:
            if m["provider"] not in self.providers:
                self.providers.append(m["provider"])
        self.plans = [self.prep_plan(p) for p in cat.get("subscriptions", [])]

    def route(self, ci, provider=None):
        best = -1
        for i, m in enumerate(self.models):
            if provider is not None and m["provider"] != provider:
                continue
            cost, ok = self.cell[ci][i]
            if ok and (best < 0 or cost < self.cell[ci][best][0]):
                best = i
        return best

    def prep_plan(self, p):
        w = self.w
        seats = max(w.get("people", 1), p.get("seats_min", 1), 1)
        price = p["price_monthly"]
        if w.get("billing") == "annual" and p.get("price_annual") is not None:
            price = p["price_annual"] / 12
        serves = p.get("serves", ["chat"])
        by_id = {m["id"]: (i, m) for i, m in enumerate(self.models)}
        ms = [by_id[x] for x in p["models"] if x in by_id]
        cls = []
        for ci, c in enumerate(self.classes):
            ch = channel(c)
            serving = None
            if ch != "api" and ch in serves:
                best = None
                for i, m in ms:
                    if TIERS[m["tier"]] < TIERS[c.get("min_tier", "small")]:
                        continue
                    if not fits_model(c, m, self.lam[i], p.get("context_window")):
                        continue
                    cost = task_cost(c, m, self.lam[i], False)
                    if best is None or cost < best[0]:
                        best = (cost, i, m)
                serving = best
            vendor = self.route(ci, p["vendor"])
            cls.append({"serving": serving, "vendor": vendor, "best": self.route(ci)})
        units = []
        for lim in (p.get("limits") or []):
            row = []
            for ci, c in enumerate(self.classes):
                s = cls[ci]["serving"]
                if s is None:
                    row.append(0.0)
                    continue
                cost, i, m = s
                if lim.get("tiers") and m["tier"] not in lim["tiers"]:
                    row.append(0.0)
                    continue
                if lim.get("models") and m["id"] not in lim["models"]:
                    row.append(0.0)
                    continue
                if lim.get("via") and channel(c) not in lim["via"]:
                    row.append(0.0)
                    continue
                ts = turns(c, self.lam[i])
                if "usd" in lim:
                    u = cost
                elif "tokens" in lim:
                    u = sum(a + b for a, b in ts)
                elif lim.get("reference_tokens"):
                    u = sum(max(1.0, (a + b) / lim["reference_tokens"]) for a, b in ts)
                else:
                    u = float(len(ts))
                row.append(u)
            units.append(row)
        return {"p": p, "seats": seats, "base": seats * price, "cls": cls, "units": units,
                "carries": any(x["serving"] is not None for x in cls)}

    def plan_cost(self, pp, tasks, cap_end):
        """Effective monthly cost (inf when some overflow has no route)."""
        return self.plan_cost_used(pp, tasks, cap_end)[0]

    def plan_cost_used(self, pp, tasks, cap_end):
        """plan_cost, and the ids of the models that carry some of the
        tasks: serving models for the tasks the plan keeps, then the
        overflow's routes (the vendor's when the credit route wins)."""
        w, p = self.w, pp["p"]
        D, H = w["days_per_month"], w["hours_per_day"]
        n = len(self.classes)
        uc = [0.0] * n
        for li, lim in enumerate((p.get("limits") or [])):
            cap = lim.get("usd") or lim.get("tokens") or lim.get("messages")
            if cap_end == "low" and lim.get("low"):
                cap = lim["low"]
            if cap_end == "high" and lim.get("high"):
                cap = lim["high"]
            monthly = sum(tasks[ci] * pp["units"][li][ci] for ci in range(n))
            daily = monthly / (D * pp["seats"])
            W = lim["window_hours"]
            demand = daily * min(1.0, W / H) if W < 24 else daily * max(1.0, D * W / 730.5)
            util = demand / cap
            for ci in range(n):
                if pp["units"][li][ci] > 0:
                    uc[ci] = max(uc[ci], util)
        plain = vendor_part = others = 0.0
        overs = []
        for ci in range(n):
            x = pp["cls"][ci]
            if x["serving"] is None:
                over = tasks[ci]
            elif uc[ci] > 1:
                over = tasks[ci] * (1 - 1 / uc[ci])
            else:
                over = 0.0
            overs.append(over)
            if over <= 0:
                continue
            if x["best"] < 0:
                return INF, []
            plain += over * self.cell[ci][x["best"]][0]
            if x["vendor"] >= 0:
                vendor_part += over * self.cell[ci][x["vendor"]][0]
            else:
                others += over * self.cell[ci][x["best"]][0]
        overflow = plain
        via_vendor = False
        credit = p.get("api_credit_monthly", 0) * pp["seats"]
        if credit > 0:
            alt = max(0.0, vendor_part - credit) + others
            if alt < plain:
                overflow, via_vendor = alt, True
        used = []
        for ci in range(n):
            x = pp["cls"][ci]
            ids = []
            if tasks[ci] > 0 and x["serving"] is not None and tasks[ci] - overs[ci] > 0:
                ids.append(x["serving"][2]["id"])
            if tasks[ci] > 0 and overs[ci] > 0:
                r = x["vendor"] if via_vendor and x["vendor"] >= 0 else x["best"]
                ids.append(self.models[r]["id"])
            for i in ids:
                if i not in used:
                    used.append(i)
        return pp["base"] + overflow, used

    def options(self, tasks, cap_end="cap"):
        """[(id, name, kind, vendor, eligible, monthly, free)]"""
        out = []
        n = len(self.classes)
        for i, m in enumerate(self.models):
            ok = all(self.cell[ci][i][1] for ci in range(n))
            cost = sum(tasks[ci] * self.cell[ci][i][0] for ci in range(n)) if ok else INF
            out.append(("api:" + m["id"], m["name"], "api", m["provider"], ok, cost, False))
        for prov in [None] + self.providers:
            routes = [self.route(ci, prov) for ci in range(n)]
            ok = all(r >= 0 for r in routes)
            cost = sum(tasks[ci] * self.cell[ci][routes[ci]][0] for ci in range(n)) if ok else INF
            mid = "mix:" + (prov or "all")
            name = "API mix, " + (prov or "all providers")
            out.append((mid, name, "mix", prov, ok, cost, False))
        for pp in self.plans:
            p = pp["p"]
            cost = self.plan_cost(pp, tasks, cap_end)
            ok = cost < INF and pp["carries"]
            out.append((p["id"], p["name"], "subscription", p["vendor"], ok, cost, p["price_monthly"] == 0))
        return out


def cheapest(opts):
    best = None
    for o in opts:
        if best is None or o[5] < best[5] or (o[5] == best[5] and o[1] < best[1]):
            best = o
    return best


def answer_of(opts):
    el = [o for o in opts if o[4]]
    api = cheapest([o for o in el if o[2] != "subscription"])
    plan = cheapest([o for o in el if o[2] == "subscription" and not o[6]])
    if plan is not None and (api is None or plan[5] < api[5]):
        return "subscription", plan, api, plan
    if api is not None:
        return "api", api, api, plan
    return "none", None, api, plan


def offered(cat):
    """cat with only the models offered on its date: none whose status is
    retired or whose retirement date has come."""
    date = cat.get("date", "")

    def gone(m):
        return m.get("status") == "retired" or bool(date and m.get("retired") and date >= m["retired"])

    return dict(cat, api_models=[m for m in cat["api_models"] if not gone(m)])


def days_between(a, b):
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def sunset_of(m, date):
    """(date, days, retires) of m's retirement within 30 days after date,
    else of its deprecation within them; None when neither comes."""
    for key, retires in (("retired", True), ("deprecated", False)):
        if m.get(key):
            d = days_between(date, m[key])
            if 1 <= d <= 30:
                return (m[key], d, retires)
    return None


def roles_of(opts):
    """The options a verdict names, by role, and the best of each side."""
    ans, winner, api, plan = answer_of(opts)
    el = [o for o in opts if o[4]]
    free = cheapest([o for o in el if o[2] == "subscription" and o[6]])
    if free is not None and any(x is not None and free[5] >= x[5] for x in (api, plan)):
        free = None
    one = cheapest([o for o in el if o[2] == "api" or (o[2] == "mix" and o[3] is not None)])
    other = plan if ans == "api" else (api if ans == "subscription" else None)
    return {"answer": winner, "other": other, "one_vendor": one, "free": free, "api": api, "plan": plan}


def used_models(pre, tasks, oid):
    """Ids of the models that carry some of option oid's tasks."""
    live = [ci for ci in range(len(tasks)) if tasks[ci] > 0]
    if oid.startswith("api:"):
        return [oid[4:]] if live else []
    out = []
    if oid.startswith("mix:"):
        prov = None if oid == "mix:all" else oid[4:]
        for ci in live:
            m = pre.models[pre.route(ci, prov)]["id"]
            if m not in out:
                out.append(m)
        return out
    for pp in pre.plans:
        if pp["p"]["id"] == oid:
            return pre.plan_cost_used(pp, tasks, "cap")[1]
    return out


def sunsets(w, cat, pre, tasks, opts):
    """The warnings of DESIGN's verdict rule about models about to go: each
    option the verdict names that uses a model retiring (or deprecated)
    within 30 days of the catalog's date, once, with its roles, and what
    stands in for it role by role once every warned model is gone."""
    date = cat.get("date")
    if not date:
        return []
    by_id = {m["id"]: m for m in cat["api_models"]}
    roles = roles_of(opts)
    warns = []
    for role in ("answer", "other", "one_vendor", "free"):
        o = roles[role]
        if o is None:
            continue
        same = [x for x in warns if x["option"] == o[0]]
        if same:
            same[0]["roles"].append(role)
            continue
        ss = []
        for mid in used_models(pre, tasks, o[0]):
            s = sunset_of(by_id[mid], date)
            if s:
                ss.append((s[1], mid, s[0], s[2]))
        if ss:
            ss.sort()
            warns.append({"option": o[0], "kind": o[2], "roles": [role],
                          "models": [{"id": x[1], "date": x[2], "days": x[0], "retires": x[3]} for x in ss]})
    if not warns:
        return []
    gone = {m["id"] for x in warns for m in x["models"]}
    rest = dict(cat, api_models=[m for m in cat["api_models"] if m["id"] not in gone])
    after = roles_of(Prep(w, rest, "value").options(tasks))
    for x in warns:
        x["instead"] = {}
        for role in x["roles"]:
            o = after[role]
            if role == "other":
                o = after["plan"] if x["kind"] == "subscription" else after["api"]
            x["instead"][role] = None if o is None else {"id": o[0], "monthly": o[5]}
        del x["kind"]
    return warns


def evaluate(w, cat):
    cat = offered(cat)
    pre = Prep(w, cat, "value")
    tasks = [tasks_per_month(w, c) for c in w["classes"]]
    opts = pre.options(tasks)
    lo = {o[0]: o[5] for o in Prep(w, cat, "low").options(tasks, "high")}
    hi = {o[0]: o[5] for o in Prep(w, cat, "high").options(tasks, "low")}
    ranges = {o[0]: (lo[o[0]], hi[o[0]]) if o[4] else (o[5], o[5]) for o in opts}

    ans = answer_of(opts)[0]
    roles = roles_of(opts)
    api, plan = roles["api"], roles["plan"]
    free, one = roles["free"], roles["one_vendor"]
    depends = False
    if api is not None and plan is not None:
        pl, ph = ranges[plan[0]]
        al, ah = ranges[api[0]]
        sub = ans == "subscription"
        depends = (pl < ah) != sub or (ph < al) != sub

    def at(ci, k):
        t = [x * k if (ci is None or i == ci) else x for i, x in enumerate(tasks)]
        a, win, _, _ = answer_of(pre.options(t))
        return a, win

    flips = []
    if ans != "none":
        for ci in [None] + list(range(len(tasks))):
            for up in (True, False):
                sign = 1 if up else -1
                prev = 1.0
                for i in range(1, 49):
                    k = 2 ** (sign * i / 8)
                    if at(ci, k)[0] == ans:
                        prev = k
                        continue
                    old, new = prev, k
                    for _ in range(30):
                        mid = math.sqrt(old * new)
                        if at(ci, mid)[0] == ans:
                            old = mid
                        else:
                            new = mid
                    flips.append({"class": None if ci is None else w["classes"][ci]["name"],
                                  "direction": "up" if up else "down", "factor": new,
                                  "to": at(ci, new)[1][0]})
                    break

    def num(x):
        return None if x == INF else x

    return {
        "options": [{"id": o[0], "eligible": o[4], "monthly": num(o[5]), "low": num(ranges[o[0]][0]),
                     "high": num(ranges[o[0]][1])} for o in opts],
        "verdict": {"answer": ans, "best_api": api and api[0], "best_plan": plan and plan[0],
                    "best_free": free and free[0], "best_api_one_vendor": one and one[0],
                    "depends_on_estimate": depends},
        "flips": flips,
        "sunsets": sunsets(w, cat, pre, tasks, opts),
    }


def main():
    data = json.load(sys.stdin)
    cases = data if isinstance(data, list) else [data]
    out = [evaluate(c["workload"], c["catalog"]) for c in cases]
    json.dump(out if isinstance(data, list) else out[0], sys.stdout)


if __name__ == "__main__":
    main()
