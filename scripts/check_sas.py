#!/usr/bin/env python3
"""Compares `regpipe inspect --csv` with pyreadstat, an independent SAS reader, cell by
cell, for each SAS dataset named on the command line (SPEC 2.1's reading rules: dates
as ISO dates, datetimes as ISO date-times, whole numbers without `.0`, the shortest
decimal otherwise, missing as empty). Cells regpipe masks (person ids) are skipped.
Exits 1 and lists the first differences when any file differs.

    python3 scripts/check_sas.py Fixtures/demo-sas/*.sas7bdat [--regpipe .build/debug/regpipe]
"""
import argparse
import csv
import datetime
import io
import math
import subprocess
import sys

import pyreadstat

MASK = "••••••••••"


def expected_text(value, fmt):
    """A pyreadstat value as SPEC 2.1 writes it (pyreadstat reads dates itself)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("NaT", "nan"):
        return ""
    if isinstance(value, datetime.time):
        # A TIME format: regpipe shows the number of seconds, as SPEC 2.1 asks of numbers.
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return str(int(seconds)) if seconds == int(seconds) else repr(seconds)
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%dT%H:%M:%S")
        return text + (("%.6f" % (value.microsecond / 1e6))[1:].rstrip("0") if value.microsecond else "")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value).strip()


def compare(path, regpipe, limit=10):
    frame, meta = pyreadstat.read_sas7bdat(path)
    result = subprocess.run([regpipe, "inspect", path, "--csv"], capture_output=True, text=True)
    if result.returncode != 0:
        return [f"{path}: regpipe failed: {result.stderr.strip()}"]
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    problems = []
    if header != list(frame.columns):
        problems.append(f"{path}: variables {header} != {list(frame.columns)}")
    if len(body) != len(frame):
        problems.append(f"{path}: {len(body)} rows != {len(frame)}")
    for r, (row, values) in enumerate(zip(body, frame.itertuples(index=False))):
        for c, (got, value) in enumerate(zip(row, values)):
            if got == MASK:
                continue
            want = expected_text(value, meta.original_variable_types.get(header[c]))
            if got != want:
                problems.append(f"{path}: row {r + 1}, {header[c]}: regpipe {got!r}, pyreadstat {want!r}")
                if len(problems) >= limit:
                    return problems
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--regpipe", default=".build/debug/regpipe")
    args = parser.parse_args()
    problems = [p for path in args.files for p in compare(path, args.regpipe)]
    for problem in problems:
        print(problem)
    print(f"{len(args.files)} datasets, {'no differences' if not problems else f'{len(problems)} differences'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
