"""Writes expected/typology_by_sex_age.csv from the hand-derived person list
in EXPECTED.md (section "Persons"). Only tabulation happens here; the
classification (sex, age band, group) of each person was derived by hand,
and shares are looked up in a hand-rounded table, not computed by
regpipe's or the reference's code."""
PERSONS = {  # person: (sex, age band on 2021-12-31, group)
    "P01": ("M", "40-49", "short"), "P02": ("F", "40-49", "long"),
    "P03": ("F", "18-29", "short"), "P04": ("M", "60+", "short"),
    "P05": ("F", "<18", "short"), "P06": ("M", "30-39", "short"),
    "P07": ("F", "unknown", "short"), "P08": ("M", "50-59", "episodic"),
    "P09": ("F", "30-39", "episodic"), "P10": ("unknown", "18-29", "episodic"),
    "P11": ("M", "30-39", "short"), "P14": ("F", "18-29", "short"),
    "P15": ("M", "60+", "short"), "P16": ("unknown", "unknown", "long"),
}
# hand-rounded shares, half away from zero, 4 decimals
SHARE = {(0, 1): "0.0000", (1, 1): "1.0000", (0, 2): "0.0000", (1, 2): "0.5000", (2, 2): "1.0000",
         (0, 3): "0.0000", (1, 3): "0.3333", (2, 3): "0.6667", (3, 3): "1.0000",
         (0, 6): "0.0000", (1, 6): "0.1667", (4, 6): "0.6667", (5, 6): "0.8333", (6, 6): "1.0000",
         (0, 14): "0.0000", (9, 14): "0.6429", (3, 14): "0.2143", (2, 14): "0.1429", (14, 14): "1.0000"}
SEXES = ["M", "F", "unknown", "total"]
BANDS = ["<18", "18-29", "30-39", "40-49", "50-59", "60+", "unknown", "total"]
GROUPS = ["short", "episodic", "long", "total"]
# min_cell 5 (pipeline-mincell.yaml): primary = counts 1..4; secondary cells
# found by hand (EXPECTED.md, "Suppression with min_cell 5"):
SECONDARY = {("M", "total", "short"), ("M", "total", "total")}


def write(path, min_cell):
    counts = {}
    for s in SEXES:
        for b in BANDS:
            cell = [p for p, (ps, pb, pg) in PERSONS.items()
                    if s in ("total", ps) and b in ("total", pb)]
            for g in GROUPS:
                counts[(s, b, g)] = sum(1 for p in cell if g in ("total", PERSONS[p][2]))
    sup = {k for k, n in counts.items() if 0 < n < min_cell}
    if min_cell == 5:
        sup |= SECONDARY
    lines = ["sex,age_band,group,persons,share,suppressed"]
    for (s, b, g), n in counts.items():
        tot = counts[(s, b, "total")]
        cols = []
        if (s, b, g) in sup:
            cols.append("persons")
        if tot and ((s, b, g) in sup or (s, b, "total") in sup):
            cols.append("share")
        share = "" if (not tot or "share" in cols) else SHARE[(n, tot)]
        pv = "" if "persons" in cols else str(n)
        lines.append(f"{s},{b},{g},{pv},{share},{'|'.join(cols)}")
    open(path, "w", encoding="utf-8", newline="").write("\n".join(lines) + "\n")


write("expected/typology_by_sex_age.csv", 1)
write("expected-mincell/typology_by_sex_age.csv", 5)
