"""Patterns across rows: printed statistics against their recomputation, and numbers that recur."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.patterns import (chance_of_a_repeat, check_recurring_values, check_statistics_track,
                              recurring_values, statistics_track)

# --- statistics_track ---------------------------------------------------------------------------------------

PRINTED = ["2.10", "1.53", "0.42", "3.90"]
LO = [2.0, 1.2, 0.3, 0.1]
HI = [2.2, 1.4, 0.5, 0.3]


def test_tracking_by_hand():
    track = statistics_track(PRINTED, LO, HI)
    # Rows 1 and 3 meet their intervals; 1.53 ([1.525, 1.535]) misses [1.2, 1.4], 3.90 misses [0.1, 0.3].
    assert track.reproduced == (True, False, True, False) and track.share_reproduced == 0.5
    # Ranks of printed values 3, 2, 1, 4; of midpoints 2.1, 1.3, 0.4, 0.2: 4, 3, 2, 1. d = -1, -1, -1, 3,
    # sum d^2 = 12, rho = 1 - 6 * 12 / (4 * 15) = -0.2.
    assert track.rank_correlation == pytest.approx(-0.2)
    assert 0 < track.rank_p <= 1 and track.n == 4


def test_verdicts():
    everything = check_statistics_track(["2.10", "1.30", "0.40"], [2.0, 1.2, 0.3], [2.2, 1.4, 0.5], "t, Table 2")
    assert everything.verdict == "consistent"
    # Half reproduced and ranked against the table: concern, in plain words.
    mixed = check_statistics_track(PRINTED, LO, HI, "t, Table 2")
    assert mixed.verdict == "concern"
    assert "do not follow from the table's own means and SDs" in mixed.explanation
    assert "1.53 (row 2)" in mixed.explanation and "rho < 0.5" in mixed.assumption
    # One slip in four that still ranks with the table: minor.
    slip = check_statistics_track(["2.10", "1.50", "0.40", "0.25"], LO, HI, "t, Table 2")
    assert slip.verdict == "minor"
    # Three of four reproduced, but the miss is far off and breaks the order (ranks as in the hand example,
    # rho = -0.2 < 0.5): concern.
    ranked_wrong = check_statistics_track(["2.10", "1.30", "0.40", "9.00"], LO, HI, "t, Table 2")
    assert statistics_track(["2.10", "1.30", "0.40", "9.00"], LO, HI).rank_correlation == pytest.approx(-0.2)
    assert ranked_wrong.verdict == "concern"


def test_constant_column_has_no_rank_correlation():
    track = statistics_track(["1.00", "1.00", "1.00"], [0.1, 0.5, 0.9], [0.2, 0.6, 1.2])
    assert math.isnan(track.rank_correlation) and math.isnan(track.rank_p)
    finding = check_statistics_track(["1.00", "1.00", "1.00"], [0.1, 0.5, 0.9], [0.2, 0.6, 1.2], "F")
    assert finding.verdict == "concern" and "undefined" in finding.recomputed


@given(st.lists(st.floats(0, 50), min_size=3, max_size=15, unique=True), st.floats(0.001, 0.5))
def test_statistics_printed_from_their_own_intervals_are_reproduced(centres, width):
    printed = [f"{c:.2f}" for c in centres]
    track = statistics_track(printed, [c - width for c in centres], [c + width for c in centres])
    assert all(track.reproduced) and track.share_reproduced == 1
    if len(set(printed)) == len(printed):
        assert track.rank_correlation == pytest.approx(1)


@pytest.mark.parametrize("printed, lo, hi, argument", [
    (["1.0", "2.0"], [0.0, 1.0], [2.0, 3.0], "at least 3"),
    (["1.0", "2.0", "3.0"], [0.0, 1.0], [2.0, 3.0, 4.0], "lengths"),
    (["1.0", "x", "3.0"], [0.0, 1.0, 2.0], [2.0, 3.0, 4.0], r"printed\[1\]"),
    (["1.0", "2.0", "3.0"], [0.0, 1.0, float("nan")], [2.0, 3.0, 4.0], "lo"),
    (["1.0", "2.0", "3.0"], [0.0, 5.0, 2.0], [2.0, 3.0, 4.0], r"lo\[1\], hi\[1\]"),
])
def test_tracking_bad_input(printed, lo, hi, argument):
    with pytest.raises(ValueError, match=argument):
        statistics_track(printed, lo, hi)


# --- recurring values ---------------------------------------------------------------------------------------

CELLS = {
    "Age, A": "63.42 ± 8.17",
    "Age, B": "61.95 ± 8.17",
    "BMI, A": "24.31 ± 3.12",
    "BMI, B": "24.31 ± 3.40",
    "VAS, A": "6.84 ± 1.12",
    "P, age": "< 0.001",
    "P, BMI": "< 0.001",
    "OR": "1.26 (0.80-1.98)",
    "Ratio": ".80",
    "Dose": "8.17 8.17",
}


def test_recurring_values_by_hand():
    table = recurring_values(CELLS)
    assert list(table.columns) == ["value", "labels", "count"]
    # 8.17 under three labels (twice in "Dose" counts once), then 0.80 ("0.80-1.98" is a range, ".80" is 0.80)
    # and 24.31; "< 0.001" is a threshold and is skipped.
    assert table["value"].tolist() == ["8.17", "0.80", "24.31"]
    assert table["labels"].tolist() == [("Age, A", "Age, B", "Dose"), ("OR", "Ratio"), ("BMI, A", "BMI, B")]
    assert table["count"].tolist() == [3, 2, 2]
    assert recurring_values(CELLS, min_decimals=3).empty


@given(st.dictionaries(st.text("ABC", min_size=1, max_size=3),
                       st.lists(st.sampled_from(["1.25", "3.40", "0.07", "12.5", "< 0.05", "7"]), max_size=4)
                       .map(" ".join), max_size=8))
def test_recurring_rows_name_distinct_labels_that_print_the_value(cells):
    table = recurring_values(cells)
    for row in table.itertuples():
        assert len(set(row.labels)) == row.count >= 2
        assert all(row.value in cells[label].split() for label in row.labels)
    keys = [(-row.count, float(row.value), row.value) for row in table.itertuples()]
    assert keys == sorted(keys)


def test_birthday_problem():
    # Feller's classic: among 23 people the chance that two share a birthday (365 days) is 0.5073.
    assert chance_of_a_repeat(23, 365) == pytest.approx(0.5073, abs=1e-4)
    assert chance_of_a_repeat(1, 365) == 0 and chance_of_a_repeat(366, 365) == 1
    # Two values from 10: 1 - 9/10.
    assert chance_of_a_repeat(2, 10) == pytest.approx(0.1)


def test_check_recurring_values():
    finding = check_recurring_values(CELLS, "means and SDs of Table 1")
    assert finding.verdict == "concern"
    assert finding.reported.startswith("8.17 under Age, A | Age, B | Dose; 0.80 under OR | Ratio")
    assert "different quantities or groups" in finding.assumption
    # 24.31: the numbers with two decimals and two digits before the point are 63.42, 61.95, 24.31 (twice):
    # m = 4 within 24.31..63.42, N = 3912 printed values; 1 - (1 - 1/3912)(1 - 2/3912)(1 - 3/3912) = 0.0015.
    assert "rough chance of 0.0015" in finding.explanation
    # 0.80 has only itself as a number of its size: no chance is stated.
    assert "0.80: too few other numbers" in finding.explanation


def test_nothing_recurs():
    finding = check_recurring_values({"a": "1.23 ± 0.45", "b": "2.34 ± 0.56"}, "Table 3")
    assert finding.verdict == "consistent" and finding.recomputed == "no number recurs"


def test_recurring_bad_input():
    with pytest.raises(ValueError, match="min_decimals"):
        recurring_values(CELLS, min_decimals=0)
    with pytest.raises(ValueError, match="possible"):
        chance_of_a_repeat(3, 0)


def test_common_repeats_are_not_flagged():
    # 1.25 twice among four 2-decimal numbers between 1.20 and 1.27 (8 printed values): a repeat has chance
    # 1 - (7/8)(6/8)(5/8) = 0.59, so it is expected and the row is consistent.
    cells = {"a": "1.25", "b": "1.25", "c": "1.20", "d": "1.27"}
    finding = check_recurring_values(cells, "Table 2")
    assert finding.verdict == "consistent" and "rough chance of 0.59" in finding.explanation
    # A value of no comparable size cannot be argued either way: no flag.
    assert check_recurring_values({"OR": "1.26 (0.80-1.98)", "Ratio": ".80"}, "Table 2").verdict == "consistent"
