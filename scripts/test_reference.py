"""pytest tests for scripts/reference.py: its rule functions on tiny inputs,
and the hand-made edge fixture reproduced byte for byte.

Run:  python3 -m pytest scripts/test_reference.py -q
"""
import datetime as dt
import filecmp
import os
import sys
from fractions import Fraction as F

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref
import reference_disclosure as rd  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDGE = os.path.join(ROOT, "Fixtures", "edge")
D = dt.date


# ---------------------------------------------------------------- rounding (SPEC 9)

@pytest.mark.parametrize("fr,places,out", [
    (F(1, 8), 2, "0.13"),          # exact half -> away from zero (banker's would give 0.12)
    (F(5, 100), 1, "0.1"),
    (F(299, 4), 1, "74.8"),        # 74.75, the fixture's 2021 nights_per_user
    (F(1, 20000), 4, "0.0001"),    # 0.00005
    (F(12345, 100000), 4, "0.1235"),
    (F(1, 3), 4, "0.3333"),
    (F(2, 3), 4, "0.6667"),
    (F(1), 4, "1.0000"),
    (F(0), 4, "0.0000"),
    (F(2), 1, "2.0"),
    (F(-1, 8), 2, "-0.13"),
    (F(1041, 2), 1, "520.5"),
])
def test_round_half_away_from_zero(fr, places, out):
    assert ref.rnd(fr, places) == out


def test_ratio_zero_denominator_is_empty():
    assert ref.ratio(0, 0, 4) == ""
    assert ref.ratio(3, 6, 4) == "0.5000"


# ---------------------------------------------------------------- parsing (SPEC 2-3, 5.1)

def test_dates():
    assert ref.parse_date("14MAR2019", "sas") == D(2019, 3, 14)
    assert ref.parse_date("14mar2019", "auto") == D(2019, 3, 14)
    assert ref.parse_date("2019-03-14", "iso") == D(2019, 3, 14)
    assert ref.parse_date("20190314", "compact") == D(2019, 3, 14)
    assert ref.parse_date("14.03.2019", "dmy") == D(2019, 3, 14)
    assert ref.parse_date("14-03-2019", "auto") == D(2019, 3, 14)
    for bad, fmt in [("31FEB2020", "sas"), ("2019-02-30", "iso"), ("2019-03-14", "sas"),
                     ("14MRZ2019", "sas"), ("14.03-2019", "dmy")]:
        with pytest.raises(ValueError):
            ref.parse_date(bad, fmt)


def test_ids():
    assert ref.normalise_id(" 0101800001 ", "cpr") == ("0101800001", False)
    assert ref.normalise_id("010180-0001", "cpr") == ("0101800001", False)
    assert ref.normalise_id("101800014", "cpr") == ("0101800014", True)
    assert ref.normalise_id("01018X0019", "cpr") == (None, False)
    assert ref.normalise_id("12345", "cpr") == (None, False)
    assert ref.normalise_id("abc", "opaque") == ("abc", False)


def test_sex_and_municipality():
    assert [ref.normalise_sex(v) for v in ["1", "2", "M", "k", "F", "Male", "female", "9", None]] == \
        ["M", "F", "M", "F", "F", "M", "F", None, None]
    assert ref.normalise_municipality("0101") == "101"
    assert ref.normalise_municipality("101") == "101"
    assert ref.normalise_municipality("999") == "999"


def test_labels():
    assert ref.band_labels([30, 90, 180, 365]) == ["1-30", "31-90", "91-180", "181-365", "366+"]
    assert ref.band_labels([7, 30, 120]) == ["1-7", "8-30", "31-120", "121+"]
    assert ref.bin_labels([1, 2, 5]) == ["1", "2-4", "5+"]
    assert ref.bin_labels([1, 3, 6]) == ["1-2", "3-5", "6+"]
    assert ref.band_of(30, [30, 90]) == "1-30" and ref.band_of(31, [30, 90]) == "31-90"
    assert ref.band_of(91, [30, 90]) == "91+"


def test_age():
    to = D(2021, 12, 31)
    assert ref.age_on(D(1960, 12, 31), to) == 61
    assert ref.age_on(D(1961, 1, 1), to) == 60
    assert ref.age_on(D(2000, 2, 29), D(2021, 2, 28)) == 20   # birthday on 1 March
    assert ref.age_on(D(2000, 2, 29), D(2021, 3, 1)) == 21
    assert ref.age_on(D(2022, 1, 1), to) is None


# ---------------------------------------------------------------- dedup (SPEC 5)

def rec(start, end, order, inst="I", extract=D(2022, 12, 31), exit_reason=None, pid="0101800001"):
    return {"person_id": pid, "institution_id": inst, "start": start, "end": end,
            "exit_reason": exit_reason, "municipality": None, "order": order, "extract": extract}


def test_exact_duplicates():
    a = rec(D(2019, 1, 1), D(2019, 1, 5), 0)
    b = rec(D(2019, 1, 1), D(2019, 1, 5), 1)
    c = rec(D(2019, 1, 1), D(2019, 1, 5), 2, exit_reason="1")
    out, n = ref.drop_exact_duplicates([a, b, c])
    assert n == 1 and out == [a, c]


def test_same_start_latest_end_then_closed_then_first():
    closed = rec(D(2020, 3, 1), D(2020, 4, 10), 0)
    opened = rec(D(2020, 3, 1), None, 1)                      # ends on extract 2022-12-31
    out, n = ref.resolve_same_start([closed, opened])
    assert n == 1 and out == [opened]
    opened2 = rec(D(2021, 11, 1), None, 0, extract=D(2022, 6, 30))
    closed2 = rec(D(2021, 11, 1), D(2022, 6, 30), 1)          # tie -> closed wins
    out, n = ref.resolve_same_start([opened2, closed2])
    assert out == [closed2]
    x = rec(D(2021, 1, 1), D(2021, 2, 1), 0, exit_reason="1")
    y = rec(D(2021, 1, 1), D(2021, 2, 1), 1, exit_reason="2")  # full tie -> first
    out, _ = ref.resolve_same_start([x, y])
    assert out == [x]


def test_stitch_new_year_and_overlaps():
    stays = [rec(D(2019, 11, 1), D(2019, 12, 31), 0),
             rec(D(2020, 1, 1), D(2020, 2, 15), 1, exit_reason="1"),   # New-Year split
             rec(D(2020, 2, 15), D(2020, 3, 1), 2, exit_reason="2"),   # touching = overlap
             rec(D(2020, 2, 20), D(2020, 2, 25), 3),                   # contained = overlap
             rec(D(2020, 3, 2), D(2020, 3, 5), 4),                     # separate
             rec(D(2020, 12, 31), D(2020, 12, 31), 5),                 # not 31 Dec -> 1 Jan pair
             rec(D(2021, 1, 2), D(2021, 1, 3), 6)]
    merged, n_overlap, n_newyear = ref.stitch(stays)
    assert (n_overlap, n_newyear) == (2, 1)
    assert [(m["start"], m["end"]) for m in merged] == [
        (D(2019, 11, 1), D(2020, 3, 1)), (D(2020, 3, 2), D(2020, 3, 5)),
        (D(2020, 12, 31), D(2020, 12, 31)), (D(2021, 1, 2), D(2021, 1, 3))]
    assert merged[0]["exit_reason"] == "2" and merged[0]["censored"] is False


def test_stitch_open_record_giving_the_end_and_closed_on_equal_end():
    a = rec(D(2021, 1, 1), D(2021, 6, 30), 0, exit_reason="1")
    b = rec(D(2021, 3, 1), None, 1, extract=D(2021, 6, 30))       # equal end: closed wins
    merged, n_o, n_ny = ref.stitch([a, b])
    assert len(merged) == 1 and merged[0]["censored"] is False and merged[0]["exit_reason"] == "1"
    c = rec(D(2021, 3, 1), None, 1, extract=D(2021, 12, 31))      # later open end: censored
    merged, _, _ = ref.stitch([a, c])
    assert merged[0]["censored"] is True and merged[0]["end"] == D(2021, 12, 31)


def test_persons_most_frequent_then_last():
    recs = [{"person_id": "p", "sex": "1", "birth_date": D(1990, 1, 1), "municipality": "0101", "order": 0},
            {"person_id": "p", "sex": "K", "birth_date": D(1990, 1, 2), "municipality": "101", "order": 1},
            {"person_id": "p", "sex": None, "birth_date": D(1990, 1, 1), "municipality": None, "order": 2}]
    persons, conflicts = ref.merge_persons(recs)
    assert persons["p"] == {"sex": "F", "birth_date": D(1990, 1, 1), "municipality": "101"}
    assert conflicts == 2     # sex and birth_date; 0101 = 101 is no conflict


# ---------------------------------------------------------------- episodes (SPEC 1)

def stay(start, end, censored=False):
    return {"start": start, "end": end, "censored": censored}


def test_nights():
    assert len(ref.stay_nights(stay(D(2021, 6, 15), D(2021, 6, 15)))) == 1
    assert len(ref.stay_nights(stay(D(2020, 1, 1), D(2021, 1, 5)))) == 370


def test_episode_gap_30_joins_31_splits():
    ss = [stay(D(2019, 1, 10), D(2019, 1, 20)), stay(D(2019, 2, 19), D(2019, 2, 28)),
          stay(D(2019, 3, 31), D(2019, 4, 5))]
    eps = ref.build_episodes(ss, 30)
    assert [len(e["stays"]) for e in eps] == [2, 1]


def test_episode_censoring():
    eps = ref.build_episodes([stay(D(2021, 1, 1), D(2021, 6, 30), censored=True),
                              stay(D(2021, 2, 1), D(2021, 6, 30))], 30)
    assert eps[0]["censored"] is False       # a closed stay ends on the same date
    eps = ref.build_episodes([stay(D(2021, 1, 1), D(2021, 7, 1), censored=True),
                              stay(D(2021, 2, 1), D(2021, 6, 30))], 30)
    assert eps[0]["censored"] is True


# ---------------------------------------------------------------- k-means (SPEC 6)

def test_kmeans_edge_fixture_hand_case():
    # (E, D) of the 14 typology persons of Fixtures/edge (EXPECTED.md); rules put
    # (3, 43) in short, one Lloyd step moves it to episodic.
    pts = [(1, 106), (1, 671), (1, 61), (1, 75), (1, 74), (1, 1), (1, 122), (4, 38),
           (5, 100), (3, 43), (2, 38), (1, 30), (1, 30), (1, 370)]
    conf = {"episodic_min": 4, "long_min": 180}
    init = [ref.GROUPS.index(ref.rules_group(e, d, conf)) for e, d in pts]
    assert init[9] == 0
    out = ref.kmeans(pts, init)
    assert out == ["short", "long", "short", "short", "short", "short", "short", "episodic",
                   "episodic", "episodic", "short", "short", "short", "long"]


def test_kmeans_empty_rules_group_falls_back():
    assert ref.kmeans([(1, 10), (1, 20)], [0, 0]) is None
    typ = {"a": {"E": 1, "D": 10}, "b": {"E": 5, "D": 20}}
    conf = {"episodic_min": 4, "long_min": 180, "method": "kmeans"}
    groups, fallback = ref.classify(typ, conf)
    assert fallback == 1 and groups == {"a": "short", "b": "episodic"}


def test_kmeans_distance_tie_goes_to_short_first():
    # D has zero variance (contributes 0). Rules: short {1}, episodic {3},
    # long {2, 9, 9}. Step 1: E = 2 is at squared distance 1/varE from both
    # short (1) and episodic (3) -> exact tie -> short. Then stable.
    pts = [(1, 5), (3, 5), (2, 5), (9, 5), (9, 5)]
    out = ref.kmeans(pts, [0, 1, 2, 2, 2])
    # naming: all mean D equal -> tie broken by initial label (long first);
    # of the other two, higher mean E (3 > 1.5) is episodic.
    assert out == ["short", "episodic", "short", "long", "long"]


# ---------------------------------------------------------------- disclosure (SPEC 9.1)

def crafted(counts):
    t = ref.Table("t", ["part", "persons"])
    for i, c in enumerate(counts):
        t.add(part=i, persons=c)
    return t


def sup_cols(t):
    return [("persons" in r["_sup"]) for r in t.rows]


def test_primary_and_secondary_smallest_nonzero_first_in_row_order():
    t = crafted([7, 3, 0, 6, 6, 22])           # parts 0..4, total row 5
    ref.primary_suppression(t, 5)
    assert sup_cols(t) == [False, True, False, False, False, False]
    ref.settle_secondary([(t, [([0, 1, 2, 3, 4], 5)], "persons")])
    # smallest non-zero unsuppressed part: 6 (rows 3 and 4) -> first in row order
    assert sup_cols(t) == [False, True, False, True, False, False]


def test_secondary_falls_back_to_total():
    # parts 3 (suppressed) and 0, total 3 given as unsuppressed: no non-zero
    # unsuppressed part remains -> the total is suppressed.
    t = crafted([3, 0, 3])
    t.rows[0]["_sup"].add("persons")
    ref.settle_secondary([(t, [([0, 1], 2)], "persons")])
    assert sup_cols(t) == [True, False, True]
    # two suppressed members: nothing more happens
    t = crafted([3, 4, 0, 7])
    ref.primary_suppression(t, 5)
    ref.settle_secondary([(t, [([0, 1, 2], 3)], "persons")])
    assert sup_cols(t) == [True, True, False, False]


def test_secondary_iterates_across_relations_until_stable():
    # 2x2 grid + margins, rows: a1 a2 aT b1 b2 bT T1 T2 TT
    t = crafted([2, 10, 12, 8, 9, 17, 10, 19, 29])
    rels = [([0, 1], 2), ([3, 4], 5), ([6, 7], 8),      # groups of a row
            ([0, 3], 6), ([1, 4], 7), ([2, 5], 8)]      # rows of a group
    ref.primary_suppression(t, 5)
    ref.settle_secondary([(t, rels, "persons")])
    # a1 -> a2 (row), then column 1: a1,b1 -> b1; column 2: a2 -> b2; row b ok
    assert sup_cols(t) == [True, True, False, True, True, False, False, False, False]


def test_derived_suppression_and_writing(tmp_path):
    # the whole publish step, through the fixture's min_cell 5 pipeline
    out = tmp_path / "out"
    tables, _ = ref.run(os.path.join(EDGE, "pipeline-mincell.yaml"), str(out))
    typ = tables["typology"].rows
    assert typ[1]["_sup"] >= {"persons", "share_persons", "total_nights", "share_nights"}
    # short 9 goes too: with it published, episodic + long = 14 - 9 = 5 gives each <= 4
    assert typ[0]["_sup"] >= {"persons", "share_persons", "mean_nights"}


# ---------------------------------------------------------------- SPEC 9.2 audit

def _typology(counts, hidden):
    t = ref.Table("typology", ["group", "persons"])
    for g, n in zip(ref.GROUPS + ["total"], counts):
        i = t.add(group=g, persons=n)
        if g in hidden:
            t.rows[i]["_sup"].add("persons")
    return {"typology": t}


def test_audit_sees_through_a_sum_of_small_cells():
    # 9 + e + l = 14 with e, l >= 1: each <= 4
    found, safe = rd.audit(_typology([9, 3, 2, 14], {"episodic", "long"}), {}, 5)
    assert not safe
    assert [round(hi, 6) for _, _, hi in found] == [4.0, 4.0]
    assert [round(lo, 6) for _, lo, _ in found] == [1.0, 1.0]


def test_audit_accepts_a_bound_that_reaches_min_cell():
    found, safe = rd.audit(_typology([9, 3, 2, 14], {"short", "episodic", "long"}), {}, 5)
    assert safe and [round(hi, 6) for _, _, hi in found] == [12.0, 12.0, 12.0]


def test_spec_secondary_hides_the_fewest_then_the_smallest():
    tables = _typology([9, 3, 6, 18], {"episodic"})
    rd.secondary_spec(tables, {}, 5)
    # long (6) alone makes episodic <= 18 - 9 - 1 = 8
    assert [r["group"] for r in tables["typology"].rows if r["_sup"]] == ["episodic", "long"]


def test_inclusion_exclusion_gives_back_both_and_any():
    # psych 6 + subst 6 - either 8 = both 4: SPEC 9.2, 9
    t = ref.Table("welfare_use", ["indicator", "group", "persons"])
    for ind, n in (("psychiatric", 6), ("substance", 6), ("both", 4), ("either", 8)):
        i = t.add(indicator=ind, group="episodic", persons=n)
        if n < 5:
            t.rows[i]["_sup"].add("persons")
    inds = {"both": ("all_of", ["psychiatric", "substance"]), "either": ("any_of", ["psychiatric", "substance"])}
    found, safe = rd.audit({"welfare_use": t}, inds, 5)
    assert not safe and round(found[0][2], 6) == 4.0


def test_v1_edge_tables_are_unsafe_and_v2_ones_safe(tmp_path):
    ref.run(os.path.join(EDGE, "pipeline-mincell.yaml"), str(tmp_path / "v1"), secondary="v1")
    inds = rd.indicators_of(ref.load_config(os.path.join(EDGE, "pipeline-mincell.yaml"))["indicators"])
    found, safe = rd.audit(rd.read_folder(str(tmp_path / "v1")), inds, 5)
    # v1 had no rule for the four v2 tables, so their small cells are open too.
    assert not safe and sum(1 for _, _, hi in found if hi is not None and hi < 5 - 1e-6) == 147
    found, safe = rd.audit(rd.read_folder(os.path.join(EDGE, "expected-mincell")), inds, 5)
    assert safe and len(found) == 214


# ---------------------------------------------------------------- the edge fixture

TABLES = ["typology", "stay_duration", "stay_thresholds", "yearly_users", "repeat_use", "returns",
          "welfare_use", "typology_by_region", "typology_by_sex_age", "stay_thresholds_quarterly",
          "yearly_users_by_sex_age", "typology_by_municipality", "transitions"]


def test_reform_cases_reproduced_exactly(tmp_path):
    """The four v2 tables of pipeline-reform.yaml, worked by hand (EXPECTED.md, "Reform cases")."""
    out = tmp_path / "tables"
    ref.run(os.path.join(EDGE, "pipeline-reform.yaml"), str(out))
    for n in TABLES[-4:]:
        assert filecmp.cmp(os.path.join(EDGE, "expected-reform", n + ".csv"), out / (n + ".csv"),
                           shallow=False), f"expected-reform/{n}.csv differs"


@pytest.mark.parametrize("pipeline,expected", [("pipeline.yaml", "expected"),
                                               ("pipeline-mincell.yaml", "expected-mincell")])
def test_edge_fixture_reproduced_exactly(tmp_path, pipeline, expected, capsys):
    out = tmp_path / "tables"
    ref.run(os.path.join(EDGE, pipeline), str(out))
    for n in TABLES:
        exp = os.path.join(EDGE, expected, n + ".csv")
        got = out / (n + ".csv")
        assert filecmp.cmp(exp, got, shallow=False), f"{expected}/{n}.csv differs"
    printed = capsys.readouterr().out
    for line in ["dedup exact_duplicates=1", "dedup same_start_duplicates=2",
                 "dedup new_year_splits_stitched=1", "dedup overlaps_stitched=1",
                 "dedup ids_repaired=1", "dedup person_field_conflicts=2",
                 "source boform_a: read=19 accepted=17 filtered=0 rejected=2 (bad_date=1, end_before_start=1)",
                 "source boform_b: read=17 accepted=15 filtered=0 rejected=2 (field_count=1, invalid_id=1)",
                 "source psychiatry: read=12 accepted=11 filtered=7 rejected=1"]:
        assert line in printed
    assert "0101800" not in printed       # no person_id in the report


def test_errors_stop_the_run(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("pipeline: x\nwindow: {from: 2019-01-01, to: 2019-12-31}\ncensor_date: 2020-12-31\n"
                 "sources:\n  - name: s\n    kind: stays\n    files: ['nothing_*.csv']\n"
                 "    columns: {person_id: PNR, institution_id: B, start: S}\n")
    with pytest.raises(ref.PipelineError):
        ref.run(str(p), str(tmp_path / "o"))
    (tmp_path / "a.csv").write_text("PNR,B\n0101800001,x\n")
    p.write_text(p.read_text().replace("nothing_*.csv", "a.csv"))
    with pytest.raises(ref.PipelineError, match="missing required column"):
        ref.run(str(p), str(tmp_path / "o"))
    assert not (tmp_path / "o").exists()
