#!/usr/bin/env python3
"""The nightly job, roughly, in DuckDB SQL: the comparison point (c) of `scripts/bench`.

Reads the gzip CSVs a `regpipe synth` folder holds (the same files `regpipe run
pipeline.yaml` reads), and does what the pipeline does in outline:

  1. read and validate the stays (ids normalised, 9 digits repaired, SAS dates parsed),
  2. dedup: exact duplicates, same (person, institution, start) keeps the latest end,
     stitch overlaps and New-Year splits per (person, institution),
  3. episodes per person (gap 30 days),
  4. typology by rules (episodic >= 4 episodes in the window, else long >= 180 nights),
  5. stays-per-user bins (1, 2-4, 5+) per year of the window,
  6. the population register joined for region/sex (one record per person),
  7. welfare flags per group for every service register, filtered to the cohort
     (psychiatric codes DF2-DF9), and the two indicators.

It is a benchmark, not a second reference: the figures are close to regpipe's but the
fine print of the SPEC (nights as a union across institutions, k-means, disclosure
control) is left out. Results go to OUT/*.csv so the work cannot be optimised away.

usage: duckdb_job.py DATA_DIR OUT_DIR [THREADS]
"""

import os
import sys
import time

import duckdb

data, out = sys.argv[1], sys.argv[2]
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
os.makedirs(out, exist_ok=True)

# The window the synth pipeline names: the last seven years of the data.
with open(os.path.join(data, "pipeline.yaml")) as f:
    for line in f:
        if line.startswith("window:"):
            w_from = line.split("from:")[1].split(",")[0].strip()
            w_to = line.split("to:")[1].split("}")[0].strip()
        if line.startswith("censor_date:"):
            censor = line.split(":", 1)[1].strip()

con = duckdb.connect()
con.execute(f"SET threads={threads}")
con.execute("SET preserve_insertion_order=false")
started = time.time()


def path(name):
    return os.path.join(data, name)


HEADERS = {
    "boform110_*.csv.gz": "PNR;BOFORM;BOFORM_NAVN;INDDTO;UDDTO;UDSKRIVNING;KOM",
    "bef*.csv.gz": "PNR;KOEN;FOED_DAG;KOM",
    "lpr_psyk.csv.gz": "PNR;D_INDDTO;D_UDDTO;C_ADIAG",
    "sib.csv.gz": "PNR;STARTDATO;SLUTDATO;BEHANDLINGSSTED",
    "serv85.csv.gz": "PNR;YDELSE_START;YDELSE_SLUT;PARAGRAF",
    "ophold107_108.csv.gz": "PNR;INDDTO;UDDTO;PARAGRAF;TILBUD",
    "kriminal.csv.gz": "PNR;INDSAT;LOESLADT",
}


def csv(pattern, encoding="utf-8"):
    # The columns are given (as the pipeline file gives them), so nothing is sniffed;
    # malformed rows (the synth's defects) are skipped, as the pipeline rejects them.
    enc = "" if encoding == "utf-8" else f", encoding='{encoding}'"
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c in HEADERS[pattern].split(";"))
    return (
        f"read_csv('{path(pattern)}', delim=';', header=true, auto_detect=false, "
        f"columns={{{columns}}}, quote='\"', escape='\"', strict_mode=false, "
        f"null_padding=true, ignore_errors=true{enc})"
    )


# An id as the pipeline normalises it (SPEC 5.1): blanks and '-' dropped, 10 digits
# (or 9, a lost leading zero); NULL when invalid.
PNR = """CASE WHEN length(replace(replace(trim({c}), '-', ''), ' ', '')) IN (9, 10)
  THEN TRY_CAST(replace(replace(trim({c}), '-', ''), ' ', '') AS UBIGINT) END"""


def sas(c):
    return f"CAST(try_strptime(nullif(trim({c}), ''), '%d%b%Y') AS DATE)"


def iso(c):
    return f"TRY_CAST(nullif(trim({c}), '') AS DATE)"


q = con.execute

# 1. Stays.
q(f"""CREATE TEMP TABLE raw_stays AS
SELECT {PNR.format(c='PNR')} AS person, trim(BOFORM) AS inst, {sas('INDDTO')} AS s,
       {sas('UDDTO')} AS e, nullif(trim(UDSKRIVNING), '') AS exit_reason,
       nullif(trim(KOM), '') AS kom
FROM {csv('boform110_*.csv.gz', 'latin-1')}""")
q("""CREATE TEMP TABLE stays0 AS
SELECT * FROM raw_stays
WHERE person IS NOT NULL AND inst IS NOT NULL AND s IS NOT NULL AND (e IS NULL OR e >= s)""")

# 2. Dedup: exact, same start (latest end, closed first), stitch.
q(f"""CREATE TEMP TABLE stays1 AS
WITH exact AS (SELECT DISTINCT * FROM stays0),
same AS (
  SELECT *, coalesce(e, DATE '{censor}') AS ee,
         row_number() OVER (PARTITION BY person, inst, s
                            ORDER BY coalesce(e, DATE '{censor}') DESC, (e IS NULL)) AS rn
  FROM exact)
SELECT person, inst, s, e, ee, exit_reason, kom FROM same WHERE rn = 1""")
q("""CREATE TEMP TABLE stays AS
WITH ordered AS (
  SELECT *, max(ee) OVER (PARTITION BY person, inst ORDER BY s, ee
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM stays1),
flagged AS (
  SELECT *, CASE WHEN prev_end IS NULL THEN 1
                 WHEN s <= prev_end THEN 0
                 WHEN month(prev_end) = 12 AND day(prev_end) = 31 AND s = prev_end + 1 THEN 0
                 ELSE 1 END AS new_stay
  FROM ordered),
grouped AS (
  SELECT *, sum(new_stay) OVER (PARTITION BY person, inst ORDER BY s, ee ROWS UNBOUNDED PRECEDING) AS g
  FROM flagged)
SELECT person, inst, min(s) AS s, max(ee) AS ee,
       arg_max(e IS NULL, ee) AS censored, arg_max(exit_reason, ee) AS exit_reason
FROM grouped GROUP BY person, inst, g""")

# 3. Episodes (gap 30) over all of a person's stays.
q("""CREATE TEMP TABLE episodes AS
WITH ordered AS (
  SELECT *, max(ee) OVER (PARTITION BY person ORDER BY s, ee
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM stays),
grouped AS (
  SELECT *, sum(CASE WHEN prev_end IS NULL OR s - prev_end > 30 THEN 1 ELSE 0 END)
              OVER (PARTITION BY person ORDER BY s, ee ROWS UNBOUNDED PRECEDING) AS g
  FROM ordered)
SELECT person, g, min(s) AS s, max(ee) AS ee FROM grouped GROUP BY person, g""")

# 4. Typology by rules: E, D (nights in the window, union per person), S.
q(f"""CREATE TEMP TABLE typology AS
WITH w AS (SELECT DATE '{w_from}' AS wf, DATE '{w_to}' AS wt),
nights AS (  -- union of nights: merge a person's stays across institutions
  SELECT person, s, greatest(ee, s + 1) AS ne FROM stays),
m1 AS (
  SELECT *, max(ne) OVER (PARTITION BY person ORDER BY s, ne
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM nights),
m2 AS (
  SELECT *, sum(CASE WHEN prev_end IS NULL OR s > prev_end THEN 1 ELSE 0 END)
              OVER (PARTITION BY person ORDER BY s, ne ROWS UNBOUNDED PRECEDING) AS g
  FROM m1),
merged AS (SELECT person, min(s) AS s, max(ne) AS ne FROM m2 GROUP BY person, g),
d AS (
  SELECT person, sum(greatest(0, least(ne, wt + 1) - greatest(s, wf))) AS d
  FROM merged, w GROUP BY person),
e AS (
  SELECT person, count(*) AS e FROM episodes, w
  WHERE s <= wt AND greatest(ee, s + 1) > wf GROUP BY person),
st AS (
  SELECT person, count(*) AS st FROM stays, w
  WHERE s <= wt AND greatest(ee, s + 1) > wf GROUP BY person)
SELECT d.person, e.e, d.d, st.st,
       CASE WHEN e.e >= 4 THEN 'episodic' WHEN d.d >= 180 THEN 'long' ELSE 'short' END AS grp
FROM d JOIN e USING (person) JOIN st USING (person) WHERE d.d > 0""")
q(f"""COPY (SELECT grp, count(*) AS persons, avg(st) AS mean_stays, avg(e) AS mean_episodes,
               avg(d) AS mean_nights, sum(d) AS total_nights
        FROM typology GROUP BY ALL ORDER BY grp) TO '{out}/typology.csv'""")

# 5. Stays per user per year, in bins.
q(f"""COPY (
WITH years AS (SELECT unnest(range(year(DATE '{w_from}'), year(DATE '{w_to}') + 1)) AS y),
per AS (
  SELECT y, person, count(*) AS n FROM stays, years
  WHERE s <= make_date(y, 12, 31) AND greatest(ee, s + 1) > make_date(y, 1, 1)
  GROUP BY y, person)
SELECT y AS year, CASE WHEN n = 1 THEN '1' WHEN n <= 4 THEN '2-4' ELSE '5+' END AS bin,
       count(*) AS persons
FROM per GROUP BY ALL ORDER BY ALL) TO '{out}/repeat_use.csv'""")

# 6. The population register, one record per person (last row wins, roughly).
q(f"""CREATE TEMP TABLE persons AS
SELECT p.person, arg_max(p.sex, p.rn) AS sex, arg_max(p.birth, p.rn) AS birth, arg_max(p.kom, p.rn) AS kom
FROM (SELECT {PNR.format(c='PNR')} AS person, nullif(trim(KOEN), '') AS sex, {sas('FOED_DAG')} AS birth,
             nullif(trim(KOM), '') AS kom, row_number() OVER () AS rn
      FROM {csv('bef*.csv.gz')}) p
SEMI JOIN typology t ON p.person = t.person
GROUP BY p.person""")
q(f"""COPY (SELECT t.grp, p.sex, count(*) AS persons FROM typology t LEFT JOIN persons p USING (person)
        GROUP BY ALL ORDER BY ALL) TO '{out}/typology_by_sex.csv'""")

# 7. Welfare flags: every service register filtered to the cohort while read.
services = [
    ("psychiatric", "lpr_psyk.csv.gz", "utf-8", "D_INDDTO", "D_UDDTO", sas, "C_ADIAG"),
    ("substance", "sib.csv.gz", "utf-8", "STARTDATO", "SLUTDATO", iso, None),
    ("support_85", "serv85.csv.gz", "utf-8", "YDELSE_START", "YDELSE_SLUT", iso, None),
    ("residential_107_108", "ophold107_108.csv.gz", "latin-1", "INDDTO", "UDDTO", sas, None),
    ("prison", "kriminal.csv.gz", "utf-8", "INDSAT", "LOESLADT", iso, None),
]
parts = []
for name, file, enc, start, end, parse, code in services:
    code_filter = ""
    if code:
        code_filter = (f"AND regexp_matches(upper(replace(trim({code}), '.', '')), "
                       "'^DF[2-9]')")
    parts.append(f"""
SELECT DISTINCT '{name}' AS service, person FROM (
  SELECT {PNR.format(c='PNR')} AS person, {parse(start)} AS s,
         coalesce({parse(end)}, DATE '{censor}') AS e
  FROM {csv(file, enc)} WHERE true {code_filter}) x
SEMI JOIN typology t ON x.person = t.person
WHERE s <= DATE '{w_to}' AND e >= DATE '{w_from}'""")
q("CREATE TEMP TABLE used AS " + " UNION ALL ".join(parts))
q(f"""COPY (
WITH flags AS (
  SELECT t.person, t.grp,
         bool_or(u.service = 'psychiatric') AS psych, bool_or(u.service = 'substance') AS subst,
         bool_or(u.service = 'support_85') AS s85, bool_or(u.service = 'residential_107_108') AS res,
         bool_or(u.service = 'prison') AS prison
  FROM typology t LEFT JOIN used u USING (person) GROUP BY ALL)
SELECT grp, count(*) AS persons,
       count(*) FILTER (WHERE psych) AS psychiatric, count(*) FILTER (WHERE subst) AS substance,
       count(*) FILTER (WHERE s85) AS support_85, count(*) FILTER (WHERE res) AS residential_107_108,
       count(*) FILTER (WHERE prison) AS prison,
       count(*) FILTER (WHERE psych AND subst) AS psych_and_substance,
       count(*) FILTER (WHERE psych OR subst) AS psych_or_substance
FROM flags GROUP BY ALL ORDER BY grp) TO '{out}/welfare_use.csv'""")

print(f"duckdb {duckdb.__version__}, threads {threads}: {time.time() - started:.1f} s", file=sys.stderr)
