"""possible_samples / count_possible_samples: CLOSURE's and rsprite2's published examples, brute force over every
multiset for small n, and the laws every listing must obey."""
import itertools
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.closure import count_possible_samples, possible_samples
from recheck.validate import ImpossibleValue


def reproduces(sample, mean: str, sd: str) -> bool:
    """Independent check: the sample's exact mean and sample SD lie in the closed rounding intervals."""
    n = len(sample)
    values = [Fraction(x) for x in sample]
    m = sum(values) / n
    var = sum((x - m) ** 2 for x in values) / (n - 1)
    half_m = Fraction(1, 2 * 10 ** decimals(mean))
    half_s = Fraction(1, 2 * 10 ** decimals(sd))
    s_lo, s_hi = max(Fraction(Decimal(sd)) - half_s, Fraction(0)), Fraction(Decimal(sd)) + half_s
    return abs(m - Fraction(Decimal(mean))) <= half_m and s_lo ** 2 <= var <= s_hi ** 2


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def brute_force(mean: str, sd: str, n: int, lower: int, upper: int, items: int = 1) -> list[tuple]:
    scores = [Fraction(k, items) for k in range(lower * items, upper * items + 1)]
    found = [combo for combo in itertools.combinations_with_replacement(scores, n) if reproduces(combo, mean, sd)]
    return sorted(tuple(int(x) if items == 1 else x for x in combo) for combo in found)


def printed(value: Fraction, places: int) -> str:
    """Round an exact value half up to `places` decimals, as a paper would print it."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def printed_sd(values: list[Fraction], places: int) -> str:
    n = len(values)
    m = sum(values) / n
    var = sum((x - m) ** 2 for x in values) / (n - 1)
    with localcontext() as ctx:
        ctx.prec = 60
        root = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
        return str(root.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


# --- published examples -------------------------------------------------------------------------------------

@pytest.mark.parametrize("mean, sd, n, expected", [
    # unsum (lhdjung/unsum), man/closure_generate.Rd examples: "Low spread, only 4 samples" and "here, 2492".
    ("2.9", "0.5", 25, 4),
    ("3.5", "1.7", 70, 2492),
    # unsum README demo: closure_generate("2.7", "1.9", 130, 1, 5) reports samples_all = 5359.
    ("2.7", "1.9", 130, 5359),
])
def test_unsum_documented_listings(mean, sd, n, expected):
    samples = possible_samples(mean, sd, n, 1, 5)
    assert len(samples) == expected
    assert count_possible_samples(mean, sd, n, 1, 5) == expected
    assert all(reproduces(s, mean, sd) for s in samples[:: max(1, expected // 50)])


@pytest.mark.parametrize("mean, sd, n, values", [
    # unsum vignettes/articles/examples.Rmd prints the number of values found, n x samples, on a 1-5 scale:
    ("3.8", "1.5", 120, 3_800_640),
    ("3.0", "1.0", 150, 16_701_150),
    ("3.0", "1.5", 150, 25_278_450),
    ("3.0", "1.7", 180, 31_235_760),
    ("3.0", "1.7", 190, 38_740_810),
    ("3.0", "1.7", 200, 52_231_000),
    ("3.0", "1.2", 200, 132_389_600),
])
def test_unsum_vignette_counts(mean, sd, n, values):
    assert count_possible_samples(mean, sd, n, 1, 5) * n == values


def test_rsprite2_readme_example_is_complete():
    # rsprite2 README: mean 2.20, SD 1.32, n = 20 on 1-5; SPRITE reports "Only 9 matching distributions could be
    # found" and shows one: nine 1s, four 2s, one 3, six 4s. The exhaustive listing has exactly nine.
    samples = possible_samples("2.20", "1.32", 20, 1, 5)
    assert len(samples) == 9
    assert (1,) * 9 + (2,) * 4 + (3,) + (4,) * 6 in samples


def test_rsprite2_multi_item_example():
    # rsprite2 README, multi-item scales: mean 1.95, SD 1.55, n = 20, 1-5, three items; SPRITE shows this sample.
    shown = sorted(Fraction(k, 3) for k in (13, 3, 3, 3, 15, 3, 15, 13, 3, 3, 3, 3, 9, 3, 10, 3, 3, 3, 3, 3))
    samples = possible_samples("1.95", "1.55", 20, 1, 5, items=3)
    assert tuple(shown) in samples
    assert len(samples) == count_possible_samples("1.95", "1.55", 20, 1, 5, items=3)
    # With single whole-number items the same pair is impossible: 1.95 * 20 = 39 needs SD^2 * 19 + 76.05 whole.
    assert possible_samples("1.95", "1.55", 20, 1, 5) == []


def test_rsprite2_grim_and_grimmer_failures_leave_nothing():
    # rsprite2 tests: GRIM_test(5.19, 28) and GRIMMER_test(3.44, 2.47, 18) fail, so no whole-number data exist.
    assert possible_samples("5.19", "1.50", 28, 1, 7) == []
    assert count_possible_samples("3.44", "2.47", 18, 0, 20) == 0


def test_hand_worked_three_scores():
    # n = 3 on 1-3, mean 2.0 ([1.95, 2.05]: total 6), SD 1.0 ([0.95, 1.05]): of the sums-to-6 samples (1, 2, 3) has
    # SD 1 and (2, 2, 2) has SD 0, so only (1, 2, 3) fits.
    assert possible_samples("2.0", "1.0", 3, 1, 3) == [(1, 2, 3)]
    assert possible_samples("2.0", "0.9", 3, 1, 3) == []
    # Rounding intervals are closed: (1, 2, 3, 3) has mean 2.25 exactly, on the edge of both 2.2 and 2.3, and
    # SD sqrt(11/12) = 0.957.
    assert (1, 2, 3, 3) in possible_samples("2.2", "0.96", 4, 1, 3)
    assert (1, 2, 3, 3) in possible_samples("2.3", "0.96", 4, 1, 3)


def test_closure_core_hand_listing_filtered_by_sd():
    # closure-core's src/count.rs test_count_with_rounding lists by hand the 11 sorted 4-samples on 1-3 with a
    # total of 6 to 10 (mean 2 +- 0.5, what a printed "2" stands for). A printed SD of "1" stands for
    # [0.5, 1.5]: of the 11, only (2, 2, 2, 2) (SD 0) falls outside; (1, 2, 2, 2) and (2, 2, 2, 3) have SD 0.5
    # exactly, on the closed edge.
    listed = [(1, 1, 1, 3), (1, 1, 2, 2), (1, 1, 2, 3), (1, 1, 3, 3), (1, 2, 2, 2), (1, 2, 2, 3), (1, 2, 3, 3),
              (1, 3, 3, 3), (2, 2, 2, 2), (2, 2, 2, 3), (2, 2, 3, 3)]
    assert possible_samples("2", "1", 4, 1, 3) == [s for s in listed if s != (2, 2, 2, 2)]


# --- brute force --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mean, sd, n, lower, upper, items", [
    ("3.0", "1.0", 5, 1, 5, 1),
    ("2.83", "1.17", 6, 1, 5, 1),
    ("3.17", "0.75", 6, 1, 5, 1),
    ("2.5", "1.87", 6, 0, 5, 1),
    ("1.2", "0.4", 5, 1, 2, 1),
    ("4.0", "0", 4, 4, 4, 1),
    ("0.00", "0.00", 3, -1, 1, 1),
    ("2.25", "0.96", 4, 1, 5, 2),
    ("3.1", "1.3", 5, 1, 5, 2),
    ("-0.5", "1.05", 4, -2, 1, 3),
    ("6.1", "0.5", 5, 1, 5, 1),
])
def test_matches_brute_force(mean, sd, n, lower, upper, items):
    expected = brute_force(mean, sd, n, lower, upper, items)
    assert possible_samples(mean, sd, n, lower, upper, items) == expected
    assert count_possible_samples(mean, sd, n, lower, upper, items) == len(expected)


# --- laws ---------------------------------------------------------------------------------------------------

@st.composite
def data_and_print(draw):
    items = draw(st.integers(1, 3))
    lower = draw(st.integers(-2, 2))
    upper = lower + draw(st.integers(0, 6))
    n = draw(st.integers(2, 12))
    raw = draw(st.lists(st.integers(lower * items, upper * items), min_size=n, max_size=n))
    values = [Fraction(k, items) for k in raw]
    mean = printed(sum(values) / n, draw(st.integers(1, 3)))
    sd = printed_sd(values, draw(st.integers(1, 3)))
    return values, mean, sd, lower, upper, items


@settings(max_examples=120, deadline=None)
@given(data_and_print())
def test_printed_summaries_of_real_data_are_always_found(case):
    values, mean, sd, lower, upper, items = case
    samples = possible_samples(mean, sd, len(values), lower, upper, items)
    assert tuple(sorted(values)) in samples
    assert count_possible_samples(mean, sd, len(values), lower, upper, items) == len(samples)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 14), st.sampled_from(["1.5", "2.73", "3.0", "4.4", "5.95"]),
       st.sampled_from(["0.5", "0.94", "1.2", "1.71", "2.0"]), st.integers(1, 2))
def test_every_listed_sample_reproduces_the_printed_pair(n, mean, sd, items):
    samples = possible_samples(mean, sd, n, 1, 7, items)
    assert all(reproduces(s, mean, sd) for s in samples)
    assert all(len(s) == n and list(s) == sorted(s) and 1 <= s[0] and s[-1] <= 7 for s in samples)
    assert samples == sorted(samples) and len(set(samples)) == len(samples)


def test_large_n_on_a_seven_point_scale():
    # n = 200 on 1-7: 29,120 samples are listed in about a second, and 5e7 are counted without listing them.
    assert count_possible_samples("5.93", "1.02", 200, 1, 7) == len(possible_samples("5.93", "1.02", 200, 1, 7))
    assert count_possible_samples("3.5", "1.70", 200, 1, 7) > 5 * 10**7


# --- bad input ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, argument", [
    (dict(n=1), "n"),
    (dict(items=0), "items"),
    (dict(lower=6, upper=2), "lower"),
    (dict(lower=1.0), "lower"),
    (dict(mean="abc"), "mean"),
    (dict(mean=3.5), "mean"),
    (dict(sd="1.2.3"), "sd"),
])
def test_callers_mistakes_are_value_errors(kwargs, argument):
    args = dict(mean="3.5", sd="1.2", n=10, lower=1, upper=7, items=1) | kwargs
    for function in (possible_samples, count_possible_samples):
        with pytest.raises(ValueError, match=argument) as err:
            function(**args)
        assert not isinstance(err.value, ImpossibleValue)


def test_negative_sd_is_impossible():
    with pytest.raises(ImpossibleValue, match="sd"):
        possible_samples("3.5", "-0.4", 10, 1, 7)


def test_mean_off_the_scale_has_no_sample():
    assert possible_samples("7.5", "0.5", 10, 1, 7) == []
    assert count_possible_samples("0.2", "0.5", 10, 1, 7) == 0
    assert possible_samples("7.00", "0.00", 10, 1, 7) == [(7,) * 10]
