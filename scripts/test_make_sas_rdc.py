"""Tests of scripts/make_sas_rdc.py, which writes the RDC fixtures (Fixtures/sas-rdc/)."""
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import make_sas_rdc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_rdc_round_trip_on_runs_patterns_and_noise():
    rng = random.Random(7)
    cases = [
        b"",
        b"A",
        b" " * 3,
        b" " * 18 + b"x",  # the longest short run
        b"\0" * 19 + b"x",  # the shortest long run
        b"\x20" * 4114 + b"\x20" * 5,  # the longest long run, then more
        b"abcabcabcabcabcabc",  # short patterns
        bytes(range(40)) + bytes(range(40)),  # a long pattern
        bytes(rng.randrange(256) for _ in range(500)),
    ]
    for data in cases:
        packed = make_sas_rdc.rdc_encode(data)
        assert make_sas_rdc.rdc_decode(packed, len(data)) == data


def test_rdc_compresses_what_sas_rows_hold():
    row = b"0101010001" + b" " * 30 + b"\0" * 16 + b"Herberget" + b" " * 21
    assert len(make_sas_rdc.rdc_encode(row)) < len(row) // 2


def test_rle_decoding_of_each_command():
    assert make_sas_rdc.rle_decode(bytes([0x82]) + b"abc") == b"abc"
    assert make_sas_rdc.rle_decode(bytes([0xC1]) + b"z") == b"zzzz"
    assert make_sas_rdc.rle_decode(bytes([0xE0, 0xF1, 0xD0])) == b"  " + b"\0\0\0" + b"@@"
    assert make_sas_rdc.rle_decode(bytes([0x60, 0x00])) == b" " * 17
    assert make_sas_rdc.rle_decode(bytes([0x40, 0x01]) + b"q") == b"q" * 19
    assert make_sas_rdc.rle_decode(bytes([0x00, 0x00]) + b"x" * 64) == b"x" * 64


def test_the_committed_fixtures_are_what_the_script_makes():
    pairs = [
        ("Fixtures/demo-sas/boform110_2023.sas7bdat", "Fixtures/sas-rdc/boform110_2023.sas7bdat"),
        ("Fixtures/demo-sas/lpr_psyk.sas7bdat", "Fixtures/sas-rdc/lpr_psyk.sas7bdat"),
        ("Fixtures/sas-rdc/stays32_rle.sas7bdat", "Fixtures/sas-rdc/stays32_rdc.sas7bdat"),
    ]
    for source, kept in pairs:
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, "made.sas7bdat")
            make_sas_rdc.convert(os.path.join(ROOT, source), target)
            with open(target, "rb") as made, open(os.path.join(ROOT, kept), "rb") as committed:
                assert made.read() == committed.read(), kept
