"""Writes expected-reform/yearly_users_by_sex_age.csv and
expected-reform/typology_by_municipality.csv from the hand-derived person list
in EXPECTED.md (section "Reform cases"). Only tabulation happens here: each
person's sex, age band on 2023-12-31, municipality and group were derived by
hand, shares are looked up in a hand-rounded table, and the municipality list is
read from the repository's copy of data/municipalities.csv."""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PERSONS = {  # person: (sex, age band on 2023-12-31, municipality, group)
    "R01": ("M", "40-49", "101", "short"), "R02": ("F", "30-39", "unknown", "short"),
    "R03": ("F", "18-29", "461", "short"), "R04": ("M", "60+", "101", "short"),
    "R05": ("M", "30-39", "851", "short"), "R06": ("unknown", "unknown", "unknown", "short"),
    "R07": ("F", "18-29", "101", "long"), "R08": ("M", "<18", "101", "short"),
    "R09": ("F", "60+", "147", "short"), "R10": ("M", "40-49", "751", "short"),
}
# hand-rounded shares, half away from zero, 4 decimals
SHARE = {(0, 1): "0.0000", (1, 1): "1.0000", (0, 2): "0.0000", (2, 2): "1.0000",
         (0, 4): "0.0000", (1, 4): "0.2500", (2, 4): "0.5000", (3, 4): "0.7500", (4, 4): "1.0000",
         (0, 5): "0.0000", (1, 5): "0.2000", (2, 5): "0.4000", (5, 5): "1.0000",
         (0, 10): "0.0000", (1, 10): "0.1000", (2, 10): "0.2000", (9, 10): "0.9000", (10, 10): "1.0000"}
SEXES = ["M", "F", "unknown", "total"]
BANDS = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown", "total"]
GROUPS = ["short", "episodic", "long", "total"]


def share(n, d):
    return SHARE[(n, d)] if d else ""


def count(match):
    return sum(1 for p in PERSONS.values() if match(p))


def users_by_sex_age(path):
    with open(path, "w", newline="") as f:
        f.write("year,sex,age_band,users,share,suppressed\n")
        for s in SEXES:
            in_sex = count(lambda p: s in ("total", p[0]))
            for b in BANDS:
                n = count(lambda p: s in ("total", p[0]) and b in ("total", p[1]))
                f.write(f"2023,{s},{b},{n},{share(n, in_sex)},\n")


def by_municipality(path):
    with open(os.path.join(HERE, "../../Sources/RegisterModel/Resources/municipalities.csv"), encoding="utf-8") as m:
        areas = sorted(((r["municipality_code"], r["municipality_name"]) for r in csv.DictReader(m)),
                       key=lambda a: int(a[0]))
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write("municipality,municipality_name,group,persons,share,suppressed\n")
        for code, name in areas + [("unknown", ""), ("total", "")]:
            here = count(lambda p: code in ("total", p[2]))
            for g in GROUPS:
                n = count(lambda p: code in ("total", p[2]) and g in ("total", p[3]))
                f.write(f"{code},{name},{g},{n},{share(n, here)},\n")


users_by_sex_age(os.path.join(HERE, "expected-reform/yearly_users_by_sex_age.csv"))
by_municipality(os.path.join(HERE, "expected-reform/typology_by_municipality.csv"))
