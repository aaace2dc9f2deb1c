#!/usr/bin/env python3
"""Independent reference for SPEC v2 9.1-9.2: the intruder's relations, the audit
(one LP per suppressed count, scipy's HiGHS), regpipe's documented secondary
suppression (docs/DECISIONS.md, "Secondary suppression"), and two baselines for
BENCHMARKS.md: v1's rule and a plain greedy.

Usage:
  python3 scripts/reference_disclosure.py audit TABLES_DIR [--pipeline P] [--min-cell N]
      audits a folder of published CSV tables; exit 0 safe, 1 unsafe.

Tables are reference.py's Table objects: `name`, `columns`, `rows` (dicts of
raw values, a suppressed count's value None when read from a folder, and the
set `_sup` of suppressed columns). A cell is (table name, row index, column).
"""

import csv
import os
import sys
from collections import OrderedDict

from scipy.optimize import linprog

GROUPS = ["short", "episodic", "long"]
TOL = 1e-6
ORDER = ["typology", "stay_duration", "stay_thresholds", "yearly_users", "repeat_use", "returns",
         "welfare_use", "typology_by_region", "typology_by_sex_age", "stay_thresholds_quarterly",
         "yearly_users_by_sex_age", "typology_by_municipality", "transitions"]
COUNTS = {"persons", "stays", "completed_stays", "over_90", "over_120", "planned_exits", "users",
          "returning_users", "exits"}
KEYS = ["group", "year", "band", "bin", "indicator", "region", "sex", "age_band", "quarter", "service",
        "municipality", "municipality_name"]
# SPEC's data/municipalities.csv, as the repository carries it (regpipe's bundled copy).
MUNICIPALITIES = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "RegisterModel", "Resources", "municipalities.csv")


def region_of_municipality():
    """data/municipalities.csv: municipality code -> region name (SPEC 9.2, 11)."""
    with open(MUNICIPALITIES, encoding="utf-8", newline="") as f:
        return {r["municipality_code"].strip(): r["region_name"].strip() for r in csv.DictReader(f)}


def is_count(column):
    return column in COUNTS or column.startswith("returns_") or column.startswith("within_")


class Relations:
    """Collects SPEC 9.2 relations as (family, is_equality, {cell: coef}, total)."""

    def __init__(self, tables):
        self.tables = tables
        self.found = []
        self.index = {}
        for name, t in tables.items():
            keys = [k for k in t.columns if k in KEYS]
            self.index[name] = {tuple(str(r[k]) for k in keys): i for i, r in enumerate(t.rows)}

    def cell(self, table, key, column):
        """The cell, or None when the table/column is missing or holds no count."""
        t = self.tables.get(table)
        if t is None or column not in t.columns:
            return None
        i = self.index[table].get(tuple(str(k) for k in key))
        if i is None:
            return ("absent", table, tuple(key), column)
        r = t.rows[i]
        if r[column] is None and column not in r["_sup"]:
            return None
        return (table, i, column)

    def keys(self, table, columns):
        """Distinct combinations of the columns' values, in row order."""
        t = self.tables.get(table)
        if t is None:
            return []
        return list(OrderedDict.fromkeys(tuple(str(r[k]) for k in columns) for r in t.rows))

    def labels(self, table, column):
        t = self.tables.get(table)
        if t is None:
            return []
        return list(OrderedDict.fromkeys(str(r[column]) for r in t.rows))

    def add(self, family, equality, terms, total=None):
        if any(c is None for c, _ in terms):
            return
        coef = OrderedDict()
        for c, a in terms:
            coef[c] = coef.get(c, 0) + a
        coef = OrderedDict((c, a) for c, a in coef.items() if a != 0)
        if coef:
            self.found.append((family, equality, coef, total))

    def parts_total(self, family, parts, total):
        if total is not None and parts:
            self.add(family, True, [(p, 1) for p in parts] + [(total, -1)], total)

    def at_most(self, family, small, large):
        """sum(w * small) <= sum(large)."""
        self.add(family, False, list(small) + [(c, -1) for c in large])


def band_low_high(label):
    if label.endswith("+"):
        return int(label[:-1]), None
    if "-" in label:
        lo, hi = label.split("-")
        return int(lo), int(hi)
    return int(label), int(label)


def spec_relations(tables, indicators):
    """Every relation of SPEC 9.2 (1-15), in the order regpipe declares them."""
    R = Relations(tables)
    c = R.cell
    # 1
    R.parts_total(1, [c("typology", [g], "persons") for g in GROUPS], c("typology", ["total"], "persons"))
    # 2 (stay_duration), 5, 12
    bands = [b for b in R.labels("stay_duration", "band") if b != "total"]
    for y in R.labels("stay_duration", "year"):
        R.parts_total(2, [c("stay_duration", [y, b], "stays") for b in bands],
                      c("stay_duration", [y, "total"], "stays"))
    for y in R.labels("stay_thresholds", "year"):
        done = c("stay_thresholds", [y], "completed_stays")
        o90, o120 = c("stay_thresholds", [y], "over_90"), c("stay_thresholds", [y], "over_120")
        R.at_most(5, [(o120, 1)], [o90])
        R.at_most(5, [(o90, 1)], [done])
        R.at_most(5, [(c("stay_thresholds", [y], "planned_exits"), 1)], [done])
        if "stay_duration" in tables:
            R.add(12, True, [(done, 1), (c("stay_duration", [y, "total"], "stays"), -1)])
            for n, cell in ((90, o90), (120, o120)):
                if any(band_low_high(b)[1] == n for b in bands):
                    above = [c("stay_duration", [y, b], "stays") for b in bands if band_low_high(b)[0] > n]
                    R.add(12, True, [(cell, 1)] + [(a, -1) for a in above])
    # 6
    bins = [b for b in R.labels("repeat_use", "bin") if b != "total"]
    for y in R.labels("yearly_users", "year"):
        R.at_most(6, [(c("yearly_users", [y], "returning_users"), 1)], [c("yearly_users", [y], "users")])
        if "repeat_use" in tables:
            R.at_most(6, [(c("repeat_use", [y, b], "persons"), band_low_high(b)[0]) for b in bins],
                      [c("yearly_users", [y], "stays")])
    # 2 (repeat_use), 14
    for y in R.labels("repeat_use", "year"):
        total = c("repeat_use", [y, "total"], "persons")
        R.parts_total(2, [c("repeat_use", [y, b], "persons") for b in bins], total)
        if "yearly_users" in tables:
            R.add(14, True, [(c("yearly_users", [y], "users"), 1), (total, -1)])
    # 7
    if "returns" in tables:
        buckets = [k for k in tables["returns"].columns if k.startswith("returns_")]
        for y in R.labels("returns", "year"):
            R.at_most(7, [(c("returns", [y], b), 1) for b in buckets], [c("returns", [y], "exits")])
    # 2 (welfare_use), 9
    for ind in R.labels("welfare_use", "indicator"):
        R.parts_total(2, [c("welfare_use", [ind, g], "persons") for g in GROUPS],
                      c("welfare_use", [ind, "total"], "persons"))
        if "typology" in tables:
            for g in GROUPS + ["total"]:
                R.at_most(9, [(c("welfare_use", [ind, g], "persons"), 1)], [c("typology", [g], "persons")])
    if "welfare_use" in tables:
        for g in GROUPS + ["total"]:
            w = lambda row: c("welfare_use", [row, g], "persons")
            for name, (kind, services) in indicators.items():
                if kind == "all_of":
                    for s in services:
                        R.at_most(9, [(w(name), 1)], [w(s)])
                else:
                    for s in services:
                        R.at_most(9, [(w(s), 1)], [w(name)])
                    R.at_most(9, [(w(name), 1)], [w(s) for s in services])
            for a, (ka, sa) in indicators.items():
                if ka != "all_of" or len(set(sa)) != 2:
                    continue
                for b, (kb, sb) in indicators.items():
                    if kb == "any_of" and set(sb) == set(sa):
                        R.add(9, True, [(w(b), 1), (w(a), 1)] + [(w(s), -1) for s in sorted(set(sa))])
    # 3, 10 (region)
    t = "typology_by_region"
    regions = R.labels(t, "region")
    for r in regions:
        R.parts_total(3, [c(t, [r, g], "persons") for g in GROUPS], c(t, [r, "total"], "persons"))
    for g in GROUPS + ["total"]:
        total = c(t, ["total", g], "persons")
        R.parts_total(3, [c(t, [r, g], "persons") for r in regions if r != "total"], total)
        if t in tables and "typology" in tables:
            R.add(10, True, [(c("typology", [g], "persons"), 1), (total, -1)])
    # 4, 10 (sex, age)
    t = "typology_by_sex_age"
    sexes, ages = R.labels(t, "sex"), R.labels(t, "age_band")
    p = lambda s, b, g: c(t, [s, b, g], "persons")
    for s in sexes:
        for b in ages:
            R.parts_total(4, [p(s, b, g) for g in GROUPS], p(s, b, "total"))
    for g in GROUPS + ["total"]:
        for s in sexes:
            R.parts_total(4, [p(s, b, g) for b in ages if b != "total"], p(s, "total", g))
        for b in ages:
            R.parts_total(4, [p(s, b, g) for s in sexes if s != "total"], p("total", b, g))
        if t in tables and "typology" in tables:
            R.add(10, True, [(c("typology", [g], "persons"), 1), (p("total", "total", g), -1)])
    # 5, 13 (quarters)
    t = "stay_thresholds_quarterly"
    for q in R.labels(t, "quarter"):
        done = c(t, [q], "completed_stays")
        R.at_most(5, [(c(t, [q], "over_120"), 1)], [c(t, [q], "over_90")])
        R.at_most(5, [(c(t, [q], "over_90"), 1)], [done])
        R.at_most(5, [(c(t, [q], "planned_exits"), 1)], [done])
    if t in tables:
        for y in R.labels("stay_thresholds", "year"):
            for col in ("completed_stays", "over_90", "over_120", "planned_exits"):
                R.parts_total(13, [c(t, [f"{y}-Q{q}"], col) for q in (1, 2, 3, 4)],
                              c("stay_thresholds", [y], col))
    # 4, 14 (users by sex and age)
    t = "yearly_users_by_sex_age"
    sexes, ages = R.labels(t, "sex"), R.labels(t, "age_band")
    u = lambda y, s, b: c(t, [y, s, b], "users")
    for y in R.labels(t, "year"):
        for s in sexes:
            R.parts_total(4, [u(y, s, b) for b in ages if b != "total"], u(y, s, "total"))
        for b in ages:
            R.parts_total(4, [u(y, s, b) for s in sexes if s != "total"], u(y, "total", b))
        if "yearly_users" in tables:
            R.add(14, True, [(c("yearly_users", [y], "users"), 1), (u(y, "total", "total"), -1)])
    # 3, 10, 11 (municipality)
    t = "typology_by_municipality"
    areas = R.keys(t, ["municipality", "municipality_name"])
    m = lambda area, g: c(t, list(area) + [g], "persons")
    for area in areas:
        R.parts_total(3, [m(area, g) for g in GROUPS], m(area, "total"))
    total_area = next((a for a in areas if a[0] == "total"), ("total", ""))
    for g in GROUPS + ["total"]:
        total = m(total_area, g)
        R.parts_total(3, [m(a, g) for a in areas if a[0] != "total"], total)
        if t in tables and "typology" in tables:
            R.add(10, True, [(c("typology", [g], "persons"), 1), (total, -1)])
    if t in tables and "typology_by_region" in tables:
        region = region_of_municipality()
        for g in GROUPS + ["total"]:
            for r in R.labels("typology_by_region", "region"):
                if r == "total":
                    continue
                parts = [a for a in areas if (a[0] == "unknown" if r == "unknown" else region.get(a[0]) == r)]
                R.parts_total(11, [m(a, g) for a in parts], c("typology_by_region", [r, g], "persons"))
    # 8, 15 (transitions)
    t = "transitions"
    within = [k for k in tables[t].columns if k.startswith("within_")] if t in tables else []
    services = [s for s in R.labels(t, "service") if s != "any"]
    for y in R.labels(t, "year"):
        exits = c(t, [y, "any"], "exits")
        for s in services + ["any"]:
            cells = [c(t, [y, s], k) for k in within]
            for a, b in zip(cells, cells[1:]):
                R.at_most(8, [(a, 1)], [b])
            if cells:
                R.at_most(8, [(cells[-1], 1)], [c(t, [y, s], "exits")])
            if s != "any":
                R.add(8, True, [(c(t, [y, s], "exits"), 1), (exits, -1)])
        for k in within:
            anyc = c(t, [y, "any"], k)
            per = [c(t, [y, s], k) for s in services]
            for x in per:
                R.at_most(8, [(x, 1)], [anyc])
            R.at_most(8, [(anyc, 1)], per)
        if "returns" in tables:
            R.add(15, True, [(exits, 1), (c("returns", [y], "exits"), -1)])
    return R.found


class Intruder:
    """The audit's LP: hidden cells are variables (suppressed >= 1, absent >= 0)."""

    def __init__(self, tables, relations):
        self.tables, self.relations = tables, relations
        self.cells, self.value, self.hidden = [], {}, set()
        for name in [n for n in ORDER if n in tables]:
            t = tables[name]
            for i, r in enumerate(t.rows):
                for col in t.columns:
                    if is_count(col) and (r[col] is not None or col in r["_sup"]):
                        cell = (name, i, col)
                        self.cells.append(cell)
                        self.value[cell] = r[col]
                        if col in r["_sup"]:
                            self.hidden.add(cell)
        self.absent = []
        for _, _, coef, _ in relations:
            for cell in coef:
                if cell[0] == "absent" and cell not in self.absent:
                    self.absent.append(cell)
                    self.hidden.add(cell)
        self.order = {cell: k for k, cell in enumerate(self.cells + self.absent)}
        self.by_cell = {}
        for k, (_, _, coef, _) in enumerate(relations):
            for cell in coef:
                self.by_cell.setdefault(cell, []).append(k)
        self.totals = {tot for _, _, _, tot in relations if tot is not None}

    def suppressed(self):
        return [c for c in self.cells if c in self.hidden]

    def component(self, cell):
        seen, todo = {cell}, [cell]
        while todo:
            x = todo.pop()
            for k in self.by_cell.get(x, []):
                for y in self.relations[k][2]:
                    if y in self.hidden and y not in seen:
                        seen.add(y)
                        todo.append(y)
        return sorted(seen, key=self.order.get)

    def bound(self, cell, maximise=True):
        """max (or min) of cell over the LP of its component; None = unbounded."""
        comp = self.component(cell)
        pos = {x: j for j, x in enumerate(comp)}
        rows = sorted({k for x in comp for k in self.by_cell.get(x, [])})
        A_eq, b_eq, A_ub, b_ub = [], [], [], []
        for k in rows:
            _, equality, coef, _ = self.relations[k]
            row, rhs = [0.0] * len(comp), 0.0
            for y, a in coef.items():
                if y in pos:
                    row[pos[y]] += a
                else:
                    rhs -= a * self.value[y]
            (A_eq if equality else A_ub).append(row)
            (b_eq if equality else b_ub).append(rhs)
        objective = [0.0] * len(comp)
        objective[pos[cell]] = -1.0 if maximise else 1.0
        bounds = [(0 if x[0] == "absent" else 1, None) for x in comp]
        res = linprog(objective, A_ub=A_ub or None, b_ub=b_ub or None, A_eq=A_eq or None,
                      b_eq=b_eq or None, bounds=bounds, method="highs")
        if res.status == 3:
            return None
        if res.status != 0:
            raise ValueError(f"the published figures contradict each other ({res.message})")
        return res.x[pos[cell]]

    def safe(self, cell, min_cell):
        ub = self.bound(cell)
        return ub is None or ub >= min_cell - TOL


def audit(tables, indicators, min_cell):
    """[(cell, lower, upper)] for every suppressed count, and whether all are safe."""
    model = Intruder(tables, spec_relations(tables, indicators))
    found = [(cell, model.bound(cell, False), model.bound(cell)) for cell in model.suppressed()]
    return found, all(ub is None or ub >= min_cell - TOL for _, _, ub in found)


def neighbours(model, cells):
    out = set()
    for x in cells:
        for k in model.by_cell.get(x, []):
            for y in model.relations[k][2]:
                if y not in model.hidden and (model.value.get(y) or 0) > 0:
                    out.add(y)
    return sorted(out, key=model.order.get)


def secondary_spec(tables, indicators, min_cell):
    """regpipe's documented algorithm: protect the failing cells in cell order, then
    prune the extra cells from the largest value down."""
    model = Intruder(tables, spec_relations(tables, indicators))
    reaches = lambda ub: ub is None or ub >= min_cell - TOL
    extra = []
    for f in model.suppressed():
        while not reaches(model.bound(f)):
            cands = neighbours(model, [f]) or neighbours(model, model.component(f))
            best = None
            for c in cands:
                model.hidden.add(c)
                ub = model.bound(f)
                model.hidden.discard(c)
                ub = None if ub is None else round(ub * 1e6) / 1e6
                ok = reaches(ub)
                key = (0 if ok else 1, 0 if ok else -(float("inf") if ub is None else ub),
                       1 if c in model.totals else 0, model.value[c], model.order[c])
                if best is None or key < best[0]:
                    best = (key, c)
            model.hidden.add(best[1])
            extra.append(best[1])
    for c in sorted(extra, key=lambda x: (-model.value[x], 0 if x in model.totals else 1, -model.order[x])):
        group = [x for x in model.component(c) if x != c and x[0] != "absent"]
        model.hidden.discard(c)
        if not all(model.safe(x, min_cell) for x in group):
            model.hidden.add(c)
    return apply(tables, model)


def secondary_greedy(tables, indicators, min_cell):
    """Baseline: while some suppressed cell fails, suppress the smallest published
    non-zero count that shares a relation with it."""
    model = Intruder(tables, spec_relations(tables, indicators))
    changed = True
    while changed:
        changed = False
        for f in model.suppressed():
            if not model.safe(f, min_cell):
                cands = neighbours(model, [f]) or neighbours(model, model.component(f))
                model.hidden.add(min(cands, key=lambda x: (model.value[x], model.order[x])))
                changed = True
                break
    return apply(tables, model)


def apply(tables, model):
    for cell in model.hidden:
        if cell[0] != "absent":
            tables[cell[0]].rows[cell[1]]["_sup"].add(cell[2])
    return tables


# ---------------------------------------------------------------- reading a folder

class FolderTable:
    def __init__(self, name, columns, rows):
        self.name, self.columns, self.rows = name, columns, rows


def read_folder(folder):
    tables = OrderedDict()
    for name in ORDER:
        path = os.path.join(folder, name + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8-sig", newline="") as f:
            records = list(csv.reader(f))
        header = records[0]
        columns = [h for h in header if h != "suppressed"]
        rows = []
        for rec in records[1:]:
            d = dict(zip(header, rec))
            sup = set(filter(None, d.pop("suppressed").split("|")))
            row = {"_sup": sup}
            for col in columns:
                v = d[col]
                row[col] = (None if v == "" else int(v)) if is_count(col) else v
            rows.append(row)
        tables[name] = FolderTable(name, columns, rows)
    if not tables:
        raise SystemExit(f"{folder}: no published tables (typology.csv, ...) in the folder")
    return tables


def indicators_of(conf_indicators):
    """{name: (kind, [services])} from a pipeline's `indicators` mapping."""
    out = OrderedDict()
    for name, spec in (conf_indicators or {}).items():
        kind = "all_of" if "all_of" in spec else "any_of"
        out[name] = (kind, list(spec[kind]))
    return out


def main(argv):
    import yaml
    if len(argv) < 3 or argv[1] != "audit":
        print(__doc__, file=sys.stderr)
        return 64
    folder, min_cell, inds = argv[2], None, OrderedDict()
    args = argv[3:]
    if "--pipeline" in args:
        with open(args[args.index("--pipeline") + 1], encoding="utf-8") as f:
            cfg = yaml.safe_load(f)
        inds = indicators_of((cfg.get("parameters") or {}).get("indicators"))
        min_cell = int((cfg.get("publish") or {}).get("min_cell", 5))
    if "--min-cell" in args:
        min_cell = int(args[args.index("--min-cell") + 1])
    found, safe = audit(read_folder(folder), inds, min_cell or 5)
    unsafe = [(c, lo, hi) for c, lo, hi in found if hi is not None and hi < (min_cell or 5) - TOL]
    for (t, i, col), lo, hi in unsafe:
        print(f"UNSAFE {t} row {i + 2} {col} [{lo:.2f}, {hi:.2f}]")
    print(f"{len(found)} suppressed counts, {len(unsafe)} unsafe: {'safe' if safe else 'unsafe'}")
    return 0 if safe else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
