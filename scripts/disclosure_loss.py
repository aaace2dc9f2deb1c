#!/usr/bin/env python3
"""Information loss of secondary suppression (BENCHMARKS.md): for a pipeline, the
secondary suppressions (count of cells and sum of their values) of v1's rule, of a
plain greedy, and of regpipe's documented algorithm, each computed by the independent
reference, with the intruder audit's verdict on each set.

Usage: python3 scripts/disclosure_loss.py PIPELINE.yaml [PIPELINE.yaml ...]
"""

import contextlib
import io
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402
import reference_disclosure as rd  # noqa: E402


def loss(pipeline, secondary):
    with tempfile.TemporaryDirectory() as out, contextlib.redirect_stdout(io.StringIO()):
        started = time.perf_counter()
        tables, _ = reference.run(pipeline, out, secondary=secondary)
        seconds = time.perf_counter() - started
        conf = reference.load_config(pipeline)
        m = conf["min_cell"]
        primary = secondary_cells = secondary_sum = 0
        for t in tables.values():
            for r in t.rows:
                for c in t.columns:
                    v = r.get(c)
                    if not rd.is_count(c) or not isinstance(v, int) or isinstance(v, bool):
                        continue
                    if 0 < v < m:
                        primary += 1
                    elif c in r["_sup"]:
                        secondary_cells += 1
                        secondary_sum += v
        found, safe = rd.audit(rd.read_folder(out), rd.indicators_of(conf["indicators"]), m)
        unsafe = sum(1 for _, _, hi in found if hi is not None and hi < m - rd.TOL)
    return primary, secondary_cells, secondary_sum, unsafe, seconds


def main(argv):
    print("| pipeline | primary | v1: cells / sum / unsafe | greedy: cells / sum | regpipe: cells / sum |")
    print("|---|---|---|---|---|")
    for pipeline in argv[1:]:
        v1 = loss(pipeline, "v1")
        greedy = loss(pipeline, "greedy")
        spec = loss(pipeline, "spec")
        assert greedy[3] == 0 and spec[3] == 0, "an unsafe v2 set"
        print(f"| {os.path.basename(os.path.dirname(os.path.abspath(pipeline)))} | {spec[0]} "
              f"| {v1[1]} / {v1[2]} / {v1[3]} | {greedy[1]} / {greedy[2]} | {spec[1]} / {spec[2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
