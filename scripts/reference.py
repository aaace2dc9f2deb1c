#!/usr/bin/env python3
"""Independent reference implementation of regpipe SPEC (v2 for disclosure control,
sections 9.1-9.2, in reference_disclosure.py beside this file), sections 1-9.

Usage:  python3 scripts/reference.py PIPELINE.yaml OUTDIR [--municipalities PATH]
                                    [--secondary spec|greedy|v1]
        (or env REGPIPE_MUNICIPALITIES=PATH)

Writes the nine tables of SPEC 9 as CSV into OUTDIR and prints the quality
counts to stdout. Standard library + PyYAML only. Clarity over speed: every
rule is one function, tagged with its SPEC section. All arithmetic on
figures is exact (fractions.Fraction); rounding is half away from zero with
decimal.Decimal.

NOTES -- choices where SPEC.md and docs/DECISIONS.md are silent
(for the lead to reconcile with the Swift side):

 (a) Stitch counting (5.4). Stays of one (person, institution) are merged
     into the *running* merged stay (its latest end so far). A merge is
     counted as an "overlap" when start <= running end (touching, i.e.
     start == end, counts as overlap), otherwise as a "New-Year split" when
     the running end is 31 Dec and start is 1 Jan of the next year. The two
     conditions are mutually exclusive on the running end, so every merge
     is counted exactly once, and a stay that both overlaps and follows a
     31 Dec end counts as an overlap.
 (b) k-means naming ties (6). Naming uses the final clusters' mean D and
     mean E (exact rationals; an emptied cluster uses its kept centroid).
     On equal mean D (for long) or equal mean E (for episodic) the cluster
     whose *initial* rules label comes first in the order long, episodic,
     short wins. k-means itself is computed exactly: squared distance in
     z-space = sum over features of (x - c)^2 / variance (a feature with
     zero variance contributes 0), so distance ties are exact ties and go
     to the first of short, episodic, long. The iteration count is the
     number of assignment steps (at most 100).
 (c) Person-field conflicts (5.6): counted once per (person, field) with
     >= 2 distinct non-missing values, after normalisation (sex '1' and 'M'
     are the same value; municipality '0101' and '101' are the same), over
     cohort persons only.
 (d) Reject reason is the first failing check, in this order:
     field_count, missing_field (person_id/institution_id/start empty),
     invalid_id, bad_date (any date field present but unparsable; for
     persons also birth_date), end_before_start.
 (e) ids_repaired counts accepted rows (all sources, before the cohort
     filter) whose id had 9 digits.
 (f) delimiter: auto picks, on the header line, the candidate among
     , ; TAB | with the most occurrences (ties in that order).
 (g) latin1 = Windows-1252; the 5 bytes undefined in cp1252 decode as
     Latin-1.
 (h) Trimming is applied to every field after RFC 4180 parsing (Python's
     csv module cannot tell quoted from unquoted fields); header names are
     trimmed too.
 (i) Date formats are strict: iso YYYY-MM-DD, sas DDMONYYYY (2-digit day,
     month name case-insensitive), compact YYYYMMDD, dmy DD-MM-YYYY or
     DD.MM.YYYY; auto tries iso, sas, compact, dmy by shape.
 (j) An open stay's effective end is max(start, extract_date) (DECISIONS:
     extract not after start => one night, like a same-day stay).
 (k) Glob patterns of a source are expanded one by one (each sorted), in
     the order listed.
 (l) A column named in `columns` for an optional field but absent from the
     header is treated as absent (required ones stop the run).
 (m) Yearly "users" and "nights in Y" use the whole calendar year Y (the
     window is normally whole years).
 (n) Shares are written with exactly 4 decimals (e.g. 1.0000), means with
     exactly 1 (e.g. 2.0).
 (o) share_returning is left empty (and not listed as suppressed) where
     returning users are not reported, even if users is suppressed. In
     yearly_users, `nights` and `nights_per_user` are derived from `users`;
     `stays_per_user` from `stays` and `users`; `stays` is itself a count
     (primary suppression only).
 (p) The k-means fallback to rules (an empty rules group) is counted as
     typology_fallbacks = 1.
 (q) Rejected rows are counted, not written to a rejects file.
 (r) Stitch: when two closed records give the same latest end, the earlier
     one (in start order) keeps supplying exit_reason/municipality.
 (s) Secondary suppression relations: typology_by_region's "regions of a
     group" also covers the `total` group column; typology_by_sex_age's
     three kinds cover the total rows of the other dimensions too (e.g. the
     age bands of (M, total) and of (total, short)). Kinds are visited in
     the listed order, each kind's relations in row order of their first
     part. (On the edge fixture the result is the same if all relations of
     a table are instead merged into one row order.)
 (t) Services with `codes`: a row with a missing code is filtered; the
     prefixes are normalised like the codes (upper case, dots removed).
     Persons/services rows are filtered to the cohort before the code filter.
 (u) max_reject_share is exceeded when rejected / read > max_reject_share.
 (v) Municipalities file: --municipalities PATH, else env
     REGPIPE_MUNICIPALITIES, else the package's copy
     (Sources/WelfareUseStage/Resources, the same bytes as the SPEC's data file).
 (w) Exact duplicates (5.2) compare the canonical fields only, not the
     source: equal rows from two sources are one stay (the first is kept).
"""

import codecs
import csv
import datetime as dt
import glob
import gzip
import io
import os
import re
import sys
import zlib
from collections import Counter, OrderedDict, defaultdict
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_disclosure  # noqa: E402  (the SPEC 9.2 audit, beside this file)

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MUNICIPALITIES = os.path.normpath(
    os.path.join(SCRIPT_DIR, "..", "Sources", "RegisterModel", "Resources", "municipalities.csv"))

GROUPS = ["short", "episodic", "long"]
AGE_BANDS = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown"]
SEXES = ["M", "F", "unknown"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
ONE = dt.timedelta(days=1)


class PipelineError(Exception):
    """A run-stopping error (SPEC 3). Messages never contain a person_id."""


# ---------------------------------------------------------------- config

def as_date(v):
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


def load_config(path):
    with open(path, encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    p = cfg.get("parameters") or {}
    typ = p.get("typology") or {}
    conf = {
        "name": cfg.get("pipeline"),
        "dir": os.path.dirname(os.path.abspath(path)),
        "from": as_date(cfg["window"]["from"]),
        "to": as_date(cfg["window"]["to"]),
        "censor": as_date(cfg["censor_date"]),
        "sources": cfg["sources"],
        "id_format": p.get("id_format", "cpr"),
        "gap": int(p.get("episode_gap_days", 30)),
        "method": typ.get("method", "kmeans"),
        "episodic_min": int(typ.get("episodic_min_episodes", 4)),
        "long_min": int(typ.get("long_min_nights", 180)),
        "bands": [int(x) for x in p.get("duration_bands", [30, 90, 180, 365])],
        "bins": [int(x) for x in p.get("repeat_bins", [1, 2, 5])],
        "lookback": int(p.get("lookback_years", 2)),
        "horizons": [int(x) for x in p.get("return_horizons", [180, 365, 730])],
        "transition_horizons": [int(x) for x in p.get("transition_horizons", [30, 90, 365])],
        "planned": [str(x).strip() for x in p.get("planned_exit_codes", ["1"])],
        "max_reject_share": Fraction(str(p.get("max_reject_share", 0.01))),
        "indicators": p.get("indicators") or {},
        "min_cell": int((cfg.get("publish") or {}).get("min_cell", 5)),
    }
    return conf


def load_municipalities(path):
    """SPEC 2/9: municipality code -> (region_code, region_name)."""
    m = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            m[r["municipality_code"].strip()] = (int(r["region_code"]), r["region_name"].strip())
    return m


def load_municipality_names(path):
    """SPEC 9 typology_by_municipality: [(code, name)] in numeric code order."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [(r["municipality_code"].strip(), r["municipality_name"].strip()) for r in csv.DictReader(f)]
    return sorted(rows, key=lambda r: int(r[0]))


# ---------------------------------------------------------------- SPEC 2: reading

def read_bytes(path):
    """SPEC 2/3: gzip or plain; a corrupt/truncated gzip stops the run."""
    with open(path, "rb") as f:
        raw = f.read()
    if path.endswith(".gz") or raw[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = []
        pos = 0
        try:
            while pos < len(raw):
                chunk = raw[pos:]
                out.append(d.decompress(chunk))
                if d.eof:
                    pos = len(raw) - len(d.unused_data)
                    rest = d.unused_data
                    if rest.strip(b"\x00"):
                        d = zlib.decompressobj(16 + zlib.MAX_WBITS)  # concatenated members
                        continue
                    break
                pos = len(raw)
            if not d.eof:
                raise PipelineError(f"{path}: truncated gzip stream at byte offset {len(raw)}")
        except zlib.error as e:
            raise PipelineError(f"{path}: corrupt gzip stream near byte offset {pos}: {e}")
        return b"".join(out)
    return raw


def _cp1252_fallback(err):
    """NOTES g: bytes undefined in Windows-1252 decode as Latin-1."""
    bad = err.object[err.start:err.end]
    return bad.decode("latin-1"), err.end


codecs.register_error("regpipe_cp1252", _cp1252_fallback)


def decode_text(raw, encoding, path):
    """SPEC 2: utf8 (BOM skipped) or latin1 (= Windows-1252; NOTES g)."""
    if encoding in ("latin1", "latin-1", "cp1252", "windows-1252"):
        return raw.decode("cp1252", errors="regpipe_cp1252")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise PipelineError(f"{path}:{line}: invalid UTF-8; try encoding: latin1")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def detect_delimiter(text, delimiter):
    """SPEC 2: delimiter or auto (NOTES f)."""
    if delimiter and delimiter != "auto":
        return "\t" if delimiter in ("\\t", "tab") else delimiter
    header = text.split("\n", 1)[0]
    best, count = ",", -1
    for cand in [",", ";", "\t", "|"]:
        if header.count(cand) > count:
            best, count = cand, header.count(cand)
    return best


def clean(v):
    """SPEC 2: trim; SAS '.' and empty are missing (None)."""
    v = v.strip()
    return None if v in ("", ".") else v


def parse_date(s, fmt):
    """SPEC 2 date formats (NOTES i). Returns a date or raises ValueError."""
    fmts = [fmt] if fmt != "auto" else ["iso", "sas", "compact", "dmy"]
    for f in fmts:
        if f == "iso" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date(int(s[:4]), int(s[5:7]), int(s[8:10]))
        if f == "sas" and re.fullmatch(r"\d{2}[A-Za-z]{3}\d{4}", s):
            mon = MONTHS.get(s[2:5].upper())
            if mon is None:
                raise ValueError(s)
            return dt.date(int(s[5:9]), mon, int(s[:2]))
        if f == "compact" and re.fullmatch(r"\d{8}", s):
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        if f == "dmy" and re.fullmatch(r"\d{2}([-.])\d{2}\1\d{4}", s):
            return dt.date(int(s[6:10]), int(s[3:5]), int(s[:2]))
    raise ValueError(s)


def normalise_id(raw, id_format):
    """SPEC 5.1: trim, remove '-' and spaces; cpr: 10 digits, 9 -> pad (repaired).
    Returns (id or None if invalid, repaired flag)."""
    s = raw.strip().replace("-", "").replace(" ", "")
    if id_format == "opaque":
        return (s if s else None), False
    if re.fullmatch(r"[0-9]{10}", s):
        return s, False
    if re.fullmatch(r"[0-9]{9}", s):
        return "0" + s, True
    return None, False


def normalise_sex(v):
    """SPEC 2: 1/2, M/K, M/F, male/female -> M/F; else missing."""
    if v is None:
        return None
    v = v.lower()
    if v in ("1", "m", "male"):
        return "M"
    if v in ("2", "k", "f", "female"):
        return "F"
    return None


def normalise_municipality(v):
    """DECISIONS: 4-digit zero-padded codes -> 3 digits; other text kept."""
    if v is None:
        return None
    if re.fullmatch(r"0[0-9]{3}", v):
        return v[1:]
    return v


REQUIRED = {"stays": ["person_id", "institution_id", "start"],
            "persons": ["person_id"],
            "services": ["person_id", "start"]}
DATE_FIELDS = {"stays": ["start", "end"], "persons": ["birth_date"], "services": ["start", "end"]}


def expand_files(src, conf):
    """SPEC 2: glob patterns relative to the pipeline folder, sorted (NOTES k)."""
    files = []
    pats = src["files"] if isinstance(src["files"], list) else [src["files"]]
    for pat in pats:
        full = pat if os.path.isabs(pat) else os.path.join(conf["dir"], pat)
        hits = sorted(glob.glob(full))
        if not hits:
            raise PipelineError(f"source {src['name']}: no file matches {pat}")
        files.extend(hits)
    return files


def validate_row(kind, rec, id_format):
    """SPEC 3 + 5.1: returns (reason or None, record, repaired)."""
    for f in REQUIRED[kind]:
        if rec.get(f) is None:
            return "missing_field", None, False
    pid, repaired = normalise_id(rec["person_id"], id_format)
    if pid is None:
        return "invalid_id", None, False
    rec["person_id"] = pid
    return None, rec, repaired


def load_source(src, conf, order_start):
    """SPEC 4: parse one source into canonical records with reject counts.
    Each record gets 'order' = global input order and 'source'."""
    kind = src["kind"]
    cols = src["columns"]
    fmt = src.get("date_format", "auto")
    extract = as_date(src["extract_date"]) if src.get("extract_date") is not None else conf["censor"]
    stats = {"read": 0, "accepted": 0, "rejected": Counter(), "repaired": 0}
    records = []
    order = order_start
    for path in expand_files(src, conf):
        text = decode_text(read_bytes(path), src.get("encoding", "utf8"), path)
        delim = detect_delimiter(text, src.get("delimiter", "auto"))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"',
                            doublequote=True)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            header = []
        idx = {}
        for canon, name in cols.items():
            if name in header:
                idx[canon] = header.index(name)
            elif canon in REQUIRED[kind]:
                raise PipelineError(f"{path}: missing required column {name!r} ({canon}); "
                                    f"headers found: {header}")
        for row in reader:
            if len(row) == 0 or (len(row) == 1 and row[0].strip() == ""):
                continue  # SPEC 3: blank lines skipped, not counted
            stats["read"] += 1
            if len(row) != len(header):
                stats["rejected"]["field_count"] += 1
                continue
            rec = {c: clean(row[i]) for c, i in idx.items()}
            reason, rec, repaired = validate_row(kind, rec, conf["id_format"])
            if reason is None:
                for f in DATE_FIELDS[kind]:
                    if rec.get(f) is not None:
                        try:
                            rec[f] = parse_date(rec[f], fmt)
                        except ValueError:
                            reason = "bad_date"
                            break
            if reason is None and rec.get("end") is not None and rec["end"] < rec["start"]:
                reason = "end_before_start"
            if reason is not None:
                stats["rejected"][reason] += 1
                continue
            stats["accepted"] += 1
            stats["repaired"] += int(repaired)
            rec["order"] = order
            rec["source"] = src["name"]
            rec["extract"] = extract
            rec["has_end_column"] = "end" in idx
            order += 1
            records.append(rec)
    if stats["read"] and Fraction(sum(stats["rejected"].values()), stats["read"]) > conf["max_reject_share"]:
        raise PipelineError(f"source {src['name']}: rejected share above max_reject_share")
    return records, stats, order


# ---------------------------------------------------------------- SPEC 5: dedup

def stay_key(r):
    return (r["person_id"], r["institution_id"], r["start"], r.get("end"),
            r.get("exit_reason"), normalise_municipality(r.get("municipality")))


def effective_end(r):
    """SPEC 1 + NOTES j: an open stay ends on its extract date (never before start)."""
    if r.get("end") is not None:
        return r["end"]
    return max(r["start"], r["extract"])


def drop_exact_duplicates(stays):
    """SPEC 5.2: stays equal in every canonical field -> the first one."""
    seen, out = set(), []
    for r in stays:
        k = stay_key(r)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out, len(stays) - len(out)


def resolve_same_start(stays):
    """SPEC 5.3: same (person, institution, start) -> latest end; tie closed
    beats open; then first in input order."""
    best = OrderedDict()
    for r in stays:
        k = (r["person_id"], r["institution_id"], r["start"])
        if k not in best:
            best[k] = r
            continue
        cur = best[k]
        rank_r = (effective_end(r), r.get("end") is not None, -r["order"])
        rank_c = (effective_end(cur), cur.get("end") is not None, -cur["order"])
        if rank_r > rank_c:
            best[k] = r
    out = sorted(best.values(), key=lambda r: r["order"])
    return out, len(stays) - len(out)


def is_new_year_split(prev_end, start):
    """SPEC 5.4: previous ends 31 Dec, this starts 1 Jan of the next year."""
    return (prev_end.month, prev_end.day) == (12, 31) and start == dt.date(prev_end.year + 1, 1, 1)


def stitch(stays):
    """SPEC 5.4 (NOTES a): merge per (person, institution) in start order.
    Returns merged stays: dicts with person_id, institution_id, start, end
    (effective), censored, exit_reason."""
    groups = defaultdict(list)
    for r in stays:
        groups[(r["person_id"], r["institution_id"])].append(r)
    merged, n_overlap, n_newyear = [], 0, 0
    for key in sorted(groups):
        recs = sorted(groups[key], key=lambda r: (r["start"], effective_end(r), r["order"]))
        cur = None
        for r in recs:
            e = effective_end(r)
            closed = r.get("end") is not None
            if cur is not None and (r["start"] <= cur["end"] or is_new_year_split(cur["end"], r["start"])):
                if r["start"] <= cur["end"]:
                    n_overlap += 1
                else:
                    n_newyear += 1
                if e > cur["end"] or (e == cur["end"] and closed and cur["censored"]):
                    cur["end"] = e
                    cur["censored"] = not closed
                    cur["exit_reason"] = r.get("exit_reason")
                    cur["municipality"] = r.get("municipality")
                continue
            cur = {"person_id": key[0], "institution_id": key[1], "start": r["start"], "end": e,
                   "censored": not closed, "exit_reason": r.get("exit_reason"),
                   "municipality": r.get("municipality")}
            merged.append(cur)
    return merged, n_overlap, n_newyear


def merge_persons(person_recs):
    """SPEC 5.6 (NOTES c): per field the most frequent non-missing value wins;
    tie -> value of the last record in input order. Returns (persons, conflicts)."""
    by_pid = defaultdict(list)
    for r in sorted(person_recs, key=lambda r: r["order"]):
        by_pid[r["person_id"]].append(r)
    persons, conflicts = {}, 0
    for pid, recs in by_pid.items():
        out = {}
        for field, norm in (("sex", normalise_sex), ("birth_date", lambda v: v),
                            ("municipality", normalise_municipality)):
            vals = [norm(r.get(field)) for r in recs]
            vals = [v for v in vals if v is not None]
            if not vals:
                out[field] = None
                continue
            cnt = Counter(vals)
            if len(cnt) >= 2:
                conflicts += 1
            top = max(cnt.values())
            last_pos = {v: i for i, v in enumerate(vals)}
            out[field] = max((v for v in cnt if cnt[v] == top), key=lambda v: last_pos[v])
        persons[pid] = out
    return persons, conflicts


# ---------------------------------------------------------------- SPEC 1/6: nights, episodes

def stay_nights(s):
    """SPEC 1: nights start..end-1; a same-day stay has the night of start."""
    if s["end"] <= s["start"]:
        return {s["start"]}
    n = (s["end"] - s["start"]).days
    return {s["start"] + dt.timedelta(days=i) for i in range(n)}


def stay_night_count(s):
    return max(1, (s["end"] - s["start"]).days)


def night_span(s):
    """SPEC 1: a stay's nights as one closed interval of dates
    [first night, last night] = [start, end-1], or [start, start] same-day.
    Equivalent to stay_nights(s), but counted by arithmetic (speed)."""
    return s["start"], max(s["start"], s["end"] - ONE)


def nights_union(stays):
    """SPEC 5.5: the union of a person's nights, as sorted disjoint intervals."""
    out = []
    for a, b in sorted(night_span(s) for s in stays):
        if out and a <= out[-1][1] + ONE:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def nights_between(intervals, lo, hi):
    """Number of nights of the union whose date lies in [lo, hi]."""
    return sum(max(0, (min(b, hi) - max(a, lo)).days + 1) for a, b in intervals)


def has_night_between(s, lo, hi):
    a, b = night_span(s)
    return a <= hi and b >= lo


def build_episodes(stays, gap):
    """SPEC 1: chain a person's stays in (start, end) order; join when
    start - latest end <= gap. Censored when the latest end comes from an
    open stay and no closed stay ends on that date."""
    eps = []
    for s in sorted(stays, key=lambda s: (s["start"], s["end"])):
        if eps and (s["start"] - eps[-1]["end"]).days <= gap:
            ep = eps[-1]
            ep["stays"].append(s)
            ep["end"] = max(ep["end"], s["end"])
        else:
            eps.append({"start": s["start"], "end": s["end"], "stays": [s]})
    for ep in eps:
        at_end = [s for s in ep["stays"] if s["end"] == ep["end"]]
        ep["censored"] = all(s["censored"] for s in at_end)
    return eps


def person_measures(stays, episodes, conf):
    """SPEC 6: E, D, S in the window (an episode's nights = its stays' nights)."""
    lo, hi = conf["from"], conf["to"]
    E = sum(1 for ep in episodes if any(has_night_between(s, lo, hi) for s in ep["stays"]))
    D = nights_between(nights_union(stays), lo, hi)
    S = sum(1 for s in stays if has_night_between(s, lo, hi))
    return E, D, S


def rules_group(E, D, conf):
    """SPEC 6 method rules."""
    if E >= conf["episodic_min"]:
        return "episodic"
    if D >= conf["long_min"]:
        return "long"
    return "short"


def kmeans(points, initial, max_iter=100):
    """SPEC 6 k-means, exact (NOTES b). points: list of (E, D); initial: list
    of cluster indices 0=short 1=episodic 2=long. Returns final assignment
    as names, or None if a rules group is empty (-> fallback)."""
    n = len(points)
    if any(initial.count(k) == 0 for k in range(3)):
        return None
    # Equal points always share a cluster (the rules and the nearest-centroid
    # step are functions of the point), so work on distinct points with counts.
    weight = Counter(points)
    distinct = sorted(weight)
    start = dict(zip(points, initial))
    means = [Fraction(sum(p[f] for p in points), n) for f in range(2)]
    var = [sum((Fraction(p[f]) - means[f]) ** 2 for p in points) / n for f in range(2)]

    def centroids(assign, old):
        out = []
        for k in range(3):
            members = [p for p in distinct if assign[p] == k]
            size = sum(weight[p] for p in members)
            if size == 0:
                out.append(old[k])  # an emptied cluster keeps its centroid
            else:
                out.append(tuple(Fraction(sum(p[f] * weight[p] for p in members), size)
                                 for f in range(2)))
        return out

    def dist(p, c):
        """Squared Euclidean distance of z-scores = sum (x - c)^2 / variance."""
        return sum(((p[f] - c[f]) ** 2) / var[f] for f in range(2) if var[f] != 0)

    assign = {p: start[p] for p in distinct}
    cents = centroids(assign, None)
    for _ in range(max_iter):
        new = {}
        for p in distinct:
            ds = [dist(p, c) for c in cents]
            new[p] = ds.index(min(ds))  # ties -> first of short, episodic, long
        changed = new != assign
        assign = new
        cents = centroids(assign, cents)
        if not changed:
            break
    # naming: highest mean D -> long; of the rest higher mean E -> episodic (NOTES b)
    pref = {2: 2, 1: 1, 0: 0}  # tie preference: initial long, episodic, short
    long_k = max(range(3), key=lambda k: (cents[k][1], pref[k]))
    rest = [k for k in range(3) if k != long_k]
    epi_k = max(rest, key=lambda k: (cents[k][0], pref[k]))
    names = {long_k: "long", epi_k: "episodic"}
    for k in rest:
        names.setdefault(k, "short")
    return [names[assign[p]] for p in points]


def classify(typ_persons, conf):
    """SPEC 6: returns {pid: group}, fallback count."""
    pids = sorted(typ_persons)
    initial = [rules_group(typ_persons[p]["E"], typ_persons[p]["D"], conf) for p in pids]
    if conf["method"] == "rules" or not pids:
        return dict(zip(pids, initial)), 0
    pts = [(typ_persons[p]["E"], typ_persons[p]["D"]) for p in pids]
    res = kmeans(pts, [GROUPS.index(g) for g in initial])
    if res is None:
        return dict(zip(pids, initial)), 1
    return dict(zip(pids, res)), 0


# ---------------------------------------------------------------- helpers for bins

def band_labels(edges):
    """SPEC 6: duration band edges [30,90,...] -> 1-30, 31-90, ..., 366+."""
    labels, lo = [], 1
    for e in edges:
        labels.append(str(lo) if lo == e else f"{lo}-{e}")
        lo = e + 1
    labels.append(f"{lo}+")
    return labels


def band_of(n, edges):
    labels = band_labels(edges)
    for i, e in enumerate(edges):
        if n <= e:
            return labels[i]
    return labels[-1]


def bin_labels(lows):
    """SPEC 7: lower bounds [1,2,5] -> 1, 2-4, 5+."""
    labels = []
    for i, lo in enumerate(lows):
        if i == len(lows) - 1:
            labels.append(f"{lo}+")
        else:
            hi = lows[i + 1] - 1
            labels.append(str(lo) if lo == hi else f"{lo}-{hi}")
    return labels


def bin_of(n, lows):
    labels = bin_labels(lows)
    k = None
    for i, lo in enumerate(lows):
        if n >= lo:
            k = i
    return labels[k] if k is not None else None


def horizon_labels(h):
    """SPEC 7: return horizons [180,365,730] -> 0-180, 181-365, 366-730."""
    out, lo = [], 0
    for e in h:
        out.append((lo, e))
        lo = e + 1
    return out


def age_on(birth, ref):
    """DECISIONS: whole years on ref; 29 Feb birthdays on 1 Mar in other years."""
    if birth is None or birth > ref:
        return None
    bm, bd = birth.month, birth.day
    if (bm, bd) == (2, 29) and not _leap(ref.year):
        bm, bd = 3, 1
    return ref.year - birth.year - (1 if (ref.month, ref.day) < (bm, bd) else 0)


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def age_band(age):
    if age is None:
        return "unknown"
    if age < 18:
        return "<18"
    if age < 30:
        return "18-29"
    if age < 40:
        return "30-39"
    if age < 50:
        return "40-49"
    if age < 60:
        return "50-59"
    return "60+"


# ---------------------------------------------------------------- rounding / cells

def rnd(fr, places):
    """SPEC 9: round the exact fraction half away from zero to `places` decimals."""
    fr = Fraction(fr)
    scale = 10 ** places
    whole, rem = divmod(abs(fr.numerator) * scale, fr.denominator)
    if 2 * rem >= fr.denominator:   # half (or more) -> away from zero
        whole += 1
    val = (Decimal(whole) / Decimal(scale)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return ("-" if fr < 0 and whole != 0 else "") + str(val)


def ratio(num, den, places):
    """Share (4) or mean (1); empty on a zero denominator."""
    if den == 0:
        return ""
    return rnd(Fraction(num, den), places)


# ---------------------------------------------------------------- SPEC 9.1 disclosure

class Table:
    """A table: columns, rows (list of dicts of raw values), suppressed sets."""

    def __init__(self, name, columns):
        self.name, self.columns, self.rows = name, columns, []

    def add(self, **kw):
        kw["_sup"] = set()
        self.rows.append(kw)
        return len(self.rows) - 1


COUNT_COLS = {"persons", "stays", "completed_stays", "over_90", "over_120", "planned_exits",
              "users", "returning_users", "exits"}


def is_count_col(c):
    return c in COUNT_COLS or c.startswith("returns_") or c.startswith("within_")


def primary_suppression(t, min_cell):
    """SPEC 9.1 primary: 0 < c < min_cell."""
    for r in t.rows:
        for c in t.columns:
            if is_count_col(c) and isinstance(r.get(c), int) and 0 < r[c] < min_cell:
                r["_sup"].add(c)


def secondary_pass(t, relations, col):
    """SPEC 9.1 secondary, one pass over this table's relations (in order).
    relation = (list of part row indexes in row order, total row index)."""
    changed = False
    for parts, total in relations:
        members = parts + [total]
        sup = [i for i in members if col in t.rows[i]["_sup"]]
        if len(sup) != 1:
            continue
        cands = [i for i in parts if col not in t.rows[i]["_sup"] and t.rows[i][col] != 0]
        if cands:
            pick = min(cands, key=lambda i: (t.rows[i][col], i))
        else:
            pick = total
        if col not in t.rows[pick]["_sup"]:
            t.rows[pick]["_sup"].add(col)
            changed = True
    return changed


def settle_secondary(tables_relations):
    """Passes over all tables (in listed order) until one changes nothing."""
    while True:
        changed = False
        for t, rels, col in tables_relations:
            if secondary_pass(t, rels, col):
                changed = True
        if not changed:
            return


def rows_index(t, keys):
    return {tuple(r[k] for k in keys): i for i, r in enumerate(t.rows)}


# ---------------------------------------------------------------- main computation

def run(pipeline_path, outdir, muni_path=None, secondary="spec"):
    conf = load_config(pipeline_path)
    muni_path = muni_path or os.environ.get("REGPIPE_MUNICIPALITIES")
    if not muni_path:
        muni_path = DEFAULT_MUNICIPALITIES
    muni = load_municipalities(muni_path)
    quality = {"sources": OrderedDict(), "dedup": {}}

    # ---- SPEC 4 load (all sources, so that errors stop before any output)
    loaded, order = [], 0
    for src in conf["sources"]:
        recs, stats, order = load_source(src, conf, order)
        loaded.append((src, recs, stats))
    # cohort = persons with >=1 accepted stay (DECISIONS)
    cohort = {r["person_id"] for src, recs, _ in loaded if src["kind"] == "stays" for r in recs}
    raw_stays, person_recs = [], []
    services = OrderedDict()  # service name -> list of events
    for src, recs, stats in loaded:
        filtered = 0
        if src["kind"] == "stays":
            raw_stays.extend(recs)
        elif src["kind"] == "persons":
            for r in recs:
                if r["person_id"] in cohort:
                    person_recs.append(r)
                else:
                    filtered += 1
        elif src["kind"] == "services":
            name = src.get("service", src["name"])
            services.setdefault(name, [])
            prefixes = [p.upper().replace(".", "") for p in (src.get("codes") or [])]
            for r in recs:
                if r["person_id"] not in cohort:
                    filtered += 1
                    continue
                if src.get("codes") is not None:
                    code = (r.get("code") or "").upper().replace(".", "")
                    if r.get("code") is None or not any(code.startswith(p) for p in prefixes):
                        filtered += 1
                        continue
                end = r["start"] if not r["has_end_column"] else (
                    r["end"] if r.get("end") is not None else conf["censor"])
                services[name].append({"person_id": r["person_id"], "start": r["start"], "end": end})
        stats["filtered"] = filtered
        quality["sources"][src["name"]] = stats

    # ---- SPEC 5 dedup
    s1, n_exact = drop_exact_duplicates(raw_stays)
    s2, n_same = resolve_same_start(s1)
    stays, n_overlap, n_newyear = stitch(s2)
    persons, n_conflicts = merge_persons(person_recs)
    quality["dedup"] = {
        "exact_duplicates": n_exact, "same_start_duplicates": n_same,
        "new_year_splits_stitched": n_newyear, "overlaps_stitched": n_overlap,
        "ids_repaired": sum(st["repaired"] for _, _, st in loaded),
        "person_field_conflicts": n_conflicts}

    by_person = defaultdict(list)
    for s in stays:
        by_person[s["person_id"]].append(s)
    episodes = {p: build_episodes(ss, conf["gap"]) for p, ss in by_person.items()}

    # ---- SPEC 6 typology
    typ = {}
    for p in sorted(by_person):
        E, D, S = person_measures(by_person[p], episodes[p], conf)
        if D > 0:
            typ[p] = {"E": E, "D": D, "S": S}
    group_of, fallback = classify(typ, conf)
    quality["dedup"]["typology_fallbacks"] = fallback

    tables = OrderedDict()
    tables["typology"] = table_typology(typ, group_of)
    years = list(range(conf["from"].year, conf["to"].year + 1))
    tables["stay_duration"] = table_stay_duration(stays, years, conf)
    tables["stay_thresholds"] = table_stay_thresholds(stays, years, conf)
    tables["yearly_users"] = table_yearly_users(by_person, years, conf)
    tables["repeat_use"] = table_repeat_use(by_person, years, conf)
    tables["returns"] = table_returns(episodes, years, conf)
    tables["welfare_use"] = table_welfare(typ, group_of, services, conf)
    tables["typology_by_region"] = table_region(typ, group_of, persons, muni)
    tables["typology_by_sex_age"] = table_sex_age(typ, group_of, persons, conf)
    tables["stay_thresholds_quarterly"] = table_stay_thresholds_quarterly(stays, years, conf)
    tables["yearly_users_by_sex_age"] = table_yearly_users_by_sex_age(by_person, persons, years)
    tables["typology_by_municipality"] = table_municipality(
        typ, group_of, persons, load_municipality_names(muni_path))
    tables["transitions"] = table_transitions(episodes, services, years, conf)

    disclosure(tables, conf["min_cell"], reference_disclosure.indicators_of(conf["indicators"]), secondary)
    os.makedirs(outdir, exist_ok=True)
    for name, t in tables.items():
        write_table(t, os.path.join(outdir, name + ".csv"))
    print_quality(quality)
    return tables, quality


def print_quality(q):
    for name, st in q["sources"].items():
        rej = ", ".join(f"{k}={v}" for k, v in sorted(st["rejected"].items())) or "none"
        print(f"source {name}: read={st['read']} accepted={st['accepted']} "
              f"filtered={st['filtered']} rejected={sum(st['rejected'].values())} ({rej}) "
              f"ids_repaired={st['repaired']}")
    for k, v in q["dedup"].items():
        print(f"dedup {k}={v}")


# ---------------------------------------------------------------- SPEC 9 tables

def table_typology(typ, group_of):
    """SPEC 9 typology."""
    t = Table("typology", ["group", "persons", "share_persons", "mean_stays", "mean_episodes",
                           "mean_nights", "nights_per_episode", "total_nights", "share_nights"])
    agg = {}
    for g in GROUPS + ["total"]:
        ps = [p for p in typ if g == "total" or group_of[p] == g]
        agg[g] = (len(ps), sum(typ[p]["S"] for p in ps), sum(typ[p]["E"] for p in ps),
                  sum(typ[p]["D"] for p in ps))
    N, _, _, DT = agg["total"]
    for g in GROUPS + ["total"]:
        n, S, E, D = agg[g]
        t.add(group=g, persons=n, share_persons=(n, N, 4), mean_stays=(S, n, 1),
              mean_episodes=(E, n, 1), mean_nights=(D, n, 1), nights_per_episode=(D, E, 1),
              total_nights=D, share_nights=(D, DT, 4))
    return t


def completed_by_year(stays, years):
    out = {y: [] for y in years}
    for s in stays:
        if not s["censored"] and s["end"].year in out:
            out[s["end"].year].append(s)
    return out


def table_stay_duration(stays, years, conf):
    """SPEC 9 stay_duration: completed stays by year of end, bands of full nights."""
    t = Table("stay_duration", ["year", "band", "stays", "share"])
    labels = band_labels(conf["bands"])
    comp = completed_by_year(stays, years)
    for y in years:
        cnt = Counter(band_of(stay_night_count(s), conf["bands"]) for s in comp[y])
        tot = len(comp[y])
        for b in labels:
            t.add(year=y, band=b, stays=cnt[b], share=(cnt[b], tot, 4))
        t.add(year=y, band="total", stays=tot, share=(tot, tot, 4))
    return t


def table_stay_thresholds(stays, years, conf):
    """SPEC 9 stay_thresholds (DECISIONS planned exits)."""
    t = Table("stay_thresholds", ["year", "completed_stays", "over_90", "share_over_90", "over_120",
                                  "share_over_120", "planned_exits", "share_planned"])
    comp = completed_by_year(stays, years)
    for y in years:
        t.add(year=y, **thresholds_row(comp[y], conf))
    return t


def year_nights(stays, y):
    """SPEC 7: a person's nights (union) in calendar year y (NOTES m)."""
    return nights_between(nights_union(stays), dt.date(y, 1, 1), dt.date(y, 12, 31))


def stays_in_year(stays, y):
    """SPEC 7: stays with at least one night in y (New Year stays count in both)."""
    return [s for s in stays if has_night_between(s, dt.date(y, 1, 1), dt.date(y, 12, 31))]


def table_yearly_users(by_person, years, conf):
    """SPEC 7/9 yearly_users."""
    t = Table("yearly_users", ["year", "users", "stays", "nights", "nights_per_user",
                               "stays_per_user", "returning_users", "share_returning"])
    L = conf["lookback"]
    for y in years:
        users = [p for p, ss in by_person.items() if year_nights(ss, y)]
        nst = sum(len(stays_in_year(by_person[p], y)) for p in users)
        nn = sum(year_nights(by_person[p], y) for p in users)
        n = len(users)
        if y - L >= conf["from"].year:
            ret = sum(1 for p in users
                      if any(year_nights(by_person[p], yy) for yy in range(y - L, y)))
            r_val, r_share = ret, (ret, n, 4)
        else:
            r_val, r_share = None, None
        t.add(year=y, users=n, stays=nst, nights=nn, nights_per_user=(nn, n, 1),
              stays_per_user=(nst, n, 1), returning_users=r_val, share_returning=r_share)
    return t


def table_repeat_use(by_person, years, conf):
    """SPEC 7/9 repeat_use."""
    t = Table("repeat_use", ["year", "bin", "persons", "share"])
    labels = bin_labels(conf["bins"])
    for y in years:
        users = [p for p, ss in by_person.items() if year_nights(ss, y)]
        cnt = Counter(bin_of(len(stays_in_year(by_person[p], y)), conf["bins"]) for p in users)
        n = len(users)
        for b in labels:
            t.add(year=y, bin=b, persons=cnt[b], share=(cnt[b], n, 4))
        t.add(year=y, bin="total", persons=n, share=(n, n, 4))
    return t


def table_returns(episodes, years, conf):
    """SPEC 7/9 returns (DECISIONS)."""
    hs = horizon_labels(conf["horizons"])
    cols = ["year", "exits"] + [f"returns_{lo}_{hi}" for lo, hi in hs] + \
           ["share_returned", "follow_up_complete"]
    t = Table("returns", cols)
    for y in years:
        exits, counts = 0, [0] * len(hs)
        for p, eps in episodes.items():
            ordered = sorted(eps, key=lambda e: (e["start"], e["end"]))
            for i, ep in enumerate(ordered):
                if ep["censored"] or ep["end"].year != y:
                    continue
                exits += 1
                if i + 1 < len(ordered):
                    gap = (ordered[i + 1]["start"] - ep["end"]).days
                    for k, (lo, hi) in enumerate(hs):
                        if lo <= gap <= hi:
                            counts[k] += 1
        row = {"year": y, "exits": exits}
        for k, (lo, hi) in enumerate(hs):
            row[f"returns_{lo}_{hi}"] = counts[k]
        row["share_returned"] = (sum(counts), exits, 4)
        row["follow_up_complete"] = dt.date(y, 12, 31) + dt.timedelta(days=conf["horizons"][-1]) <= conf["censor"]
        t.add(**row)
    return t


def table_welfare(typ, group_of, services, conf):
    """SPEC 8/9 welfare_use: services in source order, then indicators."""
    t = Table("welfare_use", ["indicator", "group", "persons", "share"])
    used = {}
    for name, evs in services.items():
        u = {e["person_id"] for e in evs if e["start"] <= conf["to"] and e["end"] >= conf["from"]}
        used[name] = u
    rows = list(services.keys())
    for name, spec in conf["indicators"].items():
        if "all_of" in spec:
            sets = [used.get(s, set()) for s in spec["all_of"]]
            used[name] = set.intersection(*sets) if sets else set()
        else:
            used[name] = set().union(*(used.get(s, set()) for s in spec["any_of"]))
        rows.append(name)
    gsize = {g: sum(1 for p in typ if g == "total" or group_of[p] == g) for g in GROUPS + ["total"]}
    for ind in rows:
        for g in GROUPS + ["total"]:
            n = sum(1 for p in typ if p in used[ind] and (g == "total" or group_of[p] == g))
            t.add(indicator=ind, group=g, persons=n, share=(n, gsize[g], 4))
    return t


def region_of(person, muni):
    code = (person or {}).get("municipality")
    if code in muni:
        return muni[code]
    return None


def table_region(typ, group_of, persons, muni):
    """SPEC 9 typology_by_region: regions by code, unknown, total."""
    t = Table("typology_by_region", ["region", "group", "persons", "share"])
    regions = sorted(set(muni.values()))
    names = [n for _, n in regions] + ["unknown", "total"]
    reg = {}
    for p in typ:
        r = region_of(persons.get(p), muni)
        reg[p] = r[1] if r else "unknown"
    for rn in names:
        inr = [p for p in typ if rn == "total" or reg[p] == rn]
        tot = len(inr)
        for g in GROUPS + ["total"]:
            n = sum(1 for p in inr if g == "total" or group_of[p] == g)
            t.add(region=rn, group=g, persons=n, share=(n, tot, 4))
    return t


def table_sex_age(typ, group_of, persons, conf):
    """SPEC 9 typology_by_sex_age (DECISIONS age)."""
    t = Table("typology_by_sex_age", ["sex", "age_band", "group", "persons", "share"])
    sex, band = {}, {}
    for p in typ:
        rec = persons.get(p) or {}
        sex[p] = rec.get("sex") or "unknown"
        band[p] = age_band(age_on(rec.get("birth_date"), conf["to"]))
    for s in SEXES + ["total"]:
        for b in AGE_BANDS + ["total"]:
            cell = [p for p in typ if (s == "total" or sex[p] == s) and (b == "total" or band[p] == b)]
            tot = len(cell)
            for g in GROUPS + ["total"]:
                n = sum(1 for p in cell if g == "total" or group_of[p] == g)
                t.add(sex=s, age_band=b, group=g, persons=n, share=(n, tot, 4))
    return t


def thresholds_row(c, conf):
    """The counts and shares of one stay_thresholds row over the completed stays c."""
    n = len(c)
    o90 = sum(1 for s in c if stay_night_count(s) > 90)
    o120 = sum(1 for s in c if stay_night_count(s) > 120)
    pl = sum(1 for s in c if s.get("exit_reason") is not None and s["exit_reason"].strip() in conf["planned"])
    return dict(completed_stays=n, over_90=o90, share_over_90=(o90, n, 4), over_120=o120,
                share_over_120=(o120, n, 4), planned_exits=pl, share_planned=(pl, n, 4))


def table_stay_thresholds_quarterly(stays, years, conf):
    """SPEC 9 stay_thresholds_quarterly: by quarter of the check-out date."""
    t = Table("stay_thresholds_quarterly", ["quarter", "completed_stays", "over_90", "share_over_90",
                                            "over_120", "share_over_120", "planned_exits", "share_planned"])
    comp = completed_by_year(stays, years)
    for y in years:
        for q in (1, 2, 3, 4):
            c = [s for s in comp[y] if (s["end"].month - 1) // 3 + 1 == q]
            t.add(quarter=f"{y}-Q{q}", **thresholds_row(c, conf))
    return t


def table_yearly_users_by_sex_age(by_person, persons, years):
    """SPEC 9 yearly_users_by_sex_age: users of each year by sex and age on 31 December."""
    t = Table("yearly_users_by_sex_age", ["year", "sex", "age_band", "users", "share"])
    for y in years:
        users = [p for p, ss in by_person.items() if year_nights(ss, y)]
        dec31 = dt.date(y, 12, 31)
        sex = {p: (persons.get(p) or {}).get("sex") or "unknown" for p in users}
        band = {p: age_band(age_on((persons.get(p) or {}).get("birth_date"), dec31)) for p in users}
        for sx in SEXES + ["total"]:
            in_sex = [p for p in users if sx == "total" or sex[p] == sx]
            for b in AGE_BANDS + ["total"]:
                n = sum(1 for p in in_sex if b == "total" or band[p] == b)
                t.add(year=y, sex=sx, age_band=b, users=n, share=(n, len(in_sex), 4))
    return t


def table_municipality(typ, group_of, persons, names):
    """SPEC 9 typology_by_municipality: every municipality in code order, unknown, total."""
    t = Table("typology_by_municipality", ["municipality", "municipality_name", "group", "persons", "share"])
    known = {code for code, _ in names}
    home = {}
    for p in typ:
        code = (persons.get(p) or {}).get("municipality")
        home[p] = code if code in known else "unknown"
    for code, name in names + [("unknown", ""), ("total", "")]:
        inm = [p for p in typ if code == "total" or home[p] == code]
        for g in GROUPS + ["total"]:
            n = sum(1 for p in inm if g == "total" or group_of[p] == g)
            t.add(municipality=code, municipality_name=name, group=g, persons=n, share=(n, len(inm), 4))
    return t


def table_transitions(episodes, services, years, conf):
    """SPEC 8a/9 transitions: exits (uncensored episodes) followed by an event overlapping
    [end, end + h], per service in source order, then any service."""
    hs = conf["transition_horizons"]
    cols = (["year", "service", "exits"] + [f"within_{h}" for h in hs] + [f"share_{h}" for h in hs]
            + ["follow_up_complete"])
    t = Table("transitions", cols)
    events = {name: defaultdict(list) for name in services}
    for name, evs in services.items():
        for e in evs:
            events[name][e["person_id"]].append((e["start"], e["end"]))

    def followed(p, end, h, names):
        last = end + dt.timedelta(days=h)
        return any(start <= last and stop >= end for n in names for start, stop in events[n].get(p, []))

    for y in years:
        exits = [(p, ep["end"]) for p, eps in episodes.items() for ep in eps
                 if not ep["censored"] and ep["end"].year == y]
        complete = dt.date(y, 12, 31) + dt.timedelta(days=hs[-1]) <= conf["censor"]
        for name in list(services) + ["any"]:
            names = list(services) if name == "any" else [name]
            row = {"year": y, "service": name, "exits": len(exits), "follow_up_complete": complete}
            for h in hs:
                n = sum(1 for p, end in exits if followed(p, end, h, names))
                row[f"within_{h}"] = n
                row[f"share_{h}"] = (n, len(exits), 4)
            t.add(**row)
    return t


def disclosure(tables, min_cell, indicators, secondary="spec"):
    """SPEC 9.1: primary, secondary, then derived figures. `secondary` is regpipe's
    documented algorithm (`spec`, reference_disclosure.py), or for BENCHMARKS.md the
    plain `greedy` baseline or v1's rule (`v1`, which v2 no longer accepts as safe)."""
    for t in tables.values():
        primary_suppression(t, min_cell)
    if secondary == "spec":
        reference_disclosure.secondary_spec(tables, indicators, min_cell)
    elif secondary == "greedy":
        reference_disclosure.secondary_greedy(tables, indicators, min_cell)
    else:
        secondary_v1(tables)
    derived_suppression(tables)


def secondary_v1(tables):
    """SPEC v1's secondary rule: a relation with exactly one suppressed member gets
    its smallest non-zero part (else its total) suppressed, until stable."""
    rels = []
    # typology: three groups + total
    T = tables["typology"]
    ix = rows_index(T, ["group"])
    rels.append((T, [([ix[(g,)] for g in GROUPS], ix[("total",)])], "persons"))
    # stay_duration / repeat_use: bands/bins of a year + total
    for name, key, col in (("stay_duration", "band", "stays"), ("repeat_use", "bin", "persons")):
        t = tables[name]
        rr, by_year = [], OrderedDict()
        for i, r in enumerate(t.rows):
            by_year.setdefault(r["year"], []).append(i)
        for y, idxs in by_year.items():
            parts = [i for i in idxs if t.rows[i][key] != "total"]
            tot = [i for i in idxs if t.rows[i][key] == "total"][0]
            rr.append((parts, tot))
        rels.append((t, rr, col))
    # welfare_use: three groups of an indicator + total
    t = tables["welfare_use"]
    ix = rows_index(t, ["indicator", "group"])
    inds = list(OrderedDict.fromkeys(r["indicator"] for r in t.rows))
    rels.append((t, [([ix[(i, g)] for g in GROUPS], ix[(i, "total")]) for i in inds], "persons"))
    # typology_by_region: groups of a region; regions of a group
    t = tables["typology_by_region"]
    ix = rows_index(t, ["region", "group"])
    regs = list(OrderedDict.fromkeys(r["region"] for r in t.rows))
    parts_r = [r for r in regs if r != "total"]
    rr = [([ix[(r, g)] for g in GROUPS], ix[(r, "total")]) for r in regs]
    rr += [([ix[(r, g)] for r in parts_r], ix[("total", g)]) for g in GROUPS + ["total"]]
    rels.append((t, rr, "persons"))
    # typology_by_sex_age: groups of (sex, band); bands of (sex, group); sexes of (band, group)
    t = tables["typology_by_sex_age"]
    ix = rows_index(t, ["sex", "age_band", "group"])
    G = GROUPS + ["total"]
    rr = [([ix[(s, b, g)] for g in GROUPS], ix[(s, b, "total")])
          for s in SEXES + ["total"] for b in AGE_BANDS + ["total"]]
    rr += [([ix[(s, b, g)] for b in AGE_BANDS], ix[(s, "total", g)])
           for s in SEXES + ["total"] for g in G]
    rr += [([ix[(s, b, g)] for s in SEXES], ix[("total", b, g)])
           for b in AGE_BANDS + ["total"] for g in G]
    rels.append((t, rr, "persons"))
    settle_secondary(rels)


def derived_suppression(tables):
    """SPEC 9.1 derived figures: suppressed when any count they are computed
    from (numerator or denominator) is suppressed."""
    def sup(t, i, c):
        return c in t.rows[i]["_sup"]

    T = tables["typology"]
    tot = len(T.rows) - 1
    for i, r in enumerate(T.rows):
        if sup(T, i, "persons"):
            r["_sup"].update(["share_persons", "mean_stays", "mean_episodes", "mean_nights",
                              "nights_per_episode", "total_nights", "share_nights"])
        if sup(T, tot, "persons"):
            r["_sup"].update(["share_persons", "share_nights"])
    typ_sup = {r["group"]: sup(T, i, "persons") for i, r in enumerate(T.rows)}

    for name, key, col in (("stay_duration", "band", "stays"), ("repeat_use", "bin", "persons")):
        t = tables[name]
        totals = {r["year"]: i for i, r in enumerate(t.rows) if r[key] == "total"}
        for i, r in enumerate(t.rows):
            if sup(t, i, col) or sup(t, totals[r["year"]], col):
                r["_sup"].add("share")

    t = tables["stay_thresholds"]
    for i, r in enumerate(t.rows):
        for c, s in (("over_90", "share_over_90"), ("over_120", "share_over_120"),
                     ("planned_exits", "share_planned")):
            if sup(t, i, c) or sup(t, i, "completed_stays"):
                r["_sup"].add(s)

    t = tables["yearly_users"]
    for i, r in enumerate(t.rows):
        if sup(t, i, "users"):
            r["_sup"].update(["nights", "nights_per_user", "stays_per_user"])
        if sup(t, i, "stays"):
            r["_sup"].add("stays_per_user")
        if r["returning_users"] is not None and (sup(t, i, "users") or sup(t, i, "returning_users")):
            r["_sup"].add("share_returning")

    t = tables["returns"]
    for i, r in enumerate(t.rows):
        if any(sup(t, i, c) for c in t.columns if c == "exits" or c.startswith("returns_")):
            r["_sup"].add("share_returned")

    t = tables["welfare_use"]
    for i, r in enumerate(t.rows):
        if sup(t, i, "persons") or typ_sup[r["group"]]:
            r["_sup"].add("share")

    t = tables["typology_by_region"]
    totals = {r["region"]: i for i, r in enumerate(t.rows) if r["group"] == "total"}
    for i, r in enumerate(t.rows):
        if sup(t, i, "persons") or sup(t, totals[r["region"]], "persons"):
            r["_sup"].add("share")

    t = tables["typology_by_sex_age"]
    totals = {(r["sex"], r["age_band"]): i for i, r in enumerate(t.rows) if r["group"] == "total"}
    for i, r in enumerate(t.rows):
        if sup(t, i, "persons") or sup(t, totals[(r["sex"], r["age_band"])], "persons"):
            r["_sup"].add("share")

    t = tables["stay_thresholds_quarterly"]
    for i, r in enumerate(t.rows):
        for c, s in (("over_90", "share_over_90"), ("over_120", "share_over_120"),
                     ("planned_exits", "share_planned")):
            if sup(t, i, c) or sup(t, i, "completed_stays"):
                r["_sup"].add(s)

    t = tables["yearly_users_by_sex_age"]
    totals = {(r["year"], r["sex"]): i for i, r in enumerate(t.rows) if r["age_band"] == "total"}
    for i, r in enumerate(t.rows):
        if sup(t, i, "users") or sup(t, totals[(r["year"], r["sex"])], "users"):
            r["_sup"].add("share")

    t = tables["typology_by_municipality"]
    totals = {r["municipality"]: i for i, r in enumerate(t.rows) if r["group"] == "total"}
    for i, r in enumerate(t.rows):
        if sup(t, i, "persons") or sup(t, totals[r["municipality"]], "persons"):
            r["_sup"].add("share")

    t = tables["transitions"]
    for i, r in enumerate(t.rows):
        for c in t.columns:
            if c.startswith("within_") and (sup(t, i, c) or sup(t, i, "exits")):
                r["_sup"].add("share_" + c[len("within_"):])


def fmt_value(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, tuple):
        return ratio(*v)
    return str(v)


def write_table(t, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", lineterminator="\n")
        w.writerow(t.columns + ["suppressed"])
        for r in t.rows:
            out = []
            for c in t.columns:
                out.append("" if c in r["_sup"] else fmt_value(r[c]))
            w.writerow(out + ["|".join(c for c in t.columns if c in r["_sup"])])


def main(argv):
    args = list(argv[1:])
    muni, secondary = None, "spec"
    if "--secondary" in args:
        k = args.index("--secondary")
        secondary = args[k + 1]
        del args[k:k + 2]
    if "--municipalities" in args:
        k = args.index("--municipalities")
        muni = args[k + 1]
        del args[k:k + 2]
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    try:
        run(args[0], args[1], muni, secondary)
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
