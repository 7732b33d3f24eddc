"""Printed numbers, rounding intervals and cell parsing."""
import pytest

from recheck import cell_kind, parse_count_pair, parse_range, parse_count_percent, parse_mean_sd, parse_p, parse_rounded
from recheck.rounding import abs_interval, fmt_reported


def test_trailing_zeros_set_the_interval():
    assert parse_rounded("2.50").decimals == 2
    assert parse_rounded("2.5").decimals == 1
    assert (parse_rounded("6.84").lo, parse_rounded("6.84").hi) == pytest.approx((6.835, 6.845))
    assert (parse_rounded("52").lo, parse_rounded("52").hi) == (51.5, 52.5)


def test_floats_are_refused_because_they_lose_trailing_zeros():
    with pytest.raises(TypeError, match="printed text"):
        parse_rounded(2.5)


def test_unicode_minus_is_read():
    assert parse_rounded("\u22128.34").value == -8.34


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3", "4O"])
def test_bad_numbers_raise(bad):
    with pytest.raises(ValueError, match="not a printed number"):
        parse_rounded(bad)


def test_mean_sd_in_every_printed_form():
    for text in ("33.06 ± 6.18", "33.06 $\\pm$ 6.18", "33.06+/-6.18"):
        ms = parse_mean_sd(text)
        assert (ms.mean.printed, ms.sd.printed) == ("33.06", "6.18")


def test_count_percent():
    cp = parse_count_percent("47 (90.4)")
    assert (cp.count, cp.percent.printed) == (47, "90.4")
    with pytest.raises(ValueError, match="outside 0-100"):
        parse_count_percent("3 (120.0)")


def test_p_value_bounds():
    assert parse_p("< 0.001").bounds == (0.0, 0.001)
    assert parse_p("0.046").bounds == pytest.approx((0.0455, 0.0465))
    # SPSS prints p < 0.0005 as 0.000.
    assert parse_p("0.000").bounds == pytest.approx((0.0, 0.0005))
    assert parse_p("> 0.05").bounds == (0.05, 1.0)
    assert parse_p("< 0.05").significant() is True
    assert parse_p("0.050").significant() is None
    assert parse_p("0.423").significant() is False
    with pytest.raises(ValueError, match="outside 0-1"):
        parse_p("1.20")


@pytest.mark.parametrize("text,kind", [
    ("72.10 ± 3.15", "mean_sd"), ("32 (61.54)", "count_pct"), ("< 0.001", "p_bound"), ("0.641", "number"),
    ("", "empty"), ("Male", "text"), ("1.26 (0.80-1.98)", "estimate_ci"), ("14/47", "count_pair"), ("1.713-16.888", "range"), ("-2.80", "number"),
])
def test_cell_kind(text, kind):
    assert cell_kind(text) == kind


def test_abs_interval_and_reported_text():
    assert abs_interval(-1.0, 2.0) == (0.0, 2.0)
    assert abs_interval(-3.0, -1.0) == (1.0, 3.0)
    assert fmt_reported("P", "< 0.001") == "P < 0.001"
    assert fmt_reported("t", "0.364") == "t = 0.364"


def test_count_pair():
    pair = parse_count_pair("14/47")
    assert (pair.first, pair.second) == (14, 47)
    assert parse_count_pair("12:43").second == 43
    with pytest.raises(ValueError, match="count/count"):
        parse_count_pair("14-47")


def test_range():
    r = parse_range("1.713-16.888")
    assert (r.lower.printed, r.upper.printed) == ("1.713", "16.888")
    with pytest.raises(ValueError, match="lower limit above"):
        parse_range("16.888-1.713")
