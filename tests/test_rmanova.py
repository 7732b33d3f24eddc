"""Split-plot (repeated-measures) ANOVA bounds from printed summaries: sums of squares, covariance ranges,
rounding coverage, P over epsilon, verdicts and bad input."""
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import linalg, optimize, stats
from statsmodels.formula.api import ols
from statsmodels.stats.anova import anova_lm

from recheck.rmanova import (
    FRange, RMAnovaBounds, centred_square_max, centred_square_min, check_rm_anova, error_terms, rm_anova_bounds,
)
from recheck.validate import ImpossibleValue

EFFECTS = ("between", "time", "interaction")

# The worked examples from the review (n = 52 per group).
ODI = dict(means1=["15.13", "6.95", "6.87"], sds1=["3.29", "1.37", "1.40"], n1=52,
           means2=["14.56", "7.82", "7.75"], sds2=["3.11", "1.65", "1.59"], n2=52,
           paired_t1=["18.25", "18.51"], paired_t2=["15.71", "15.89"])
VAS = dict(means1="6.84 3.78 3.12 2.41 2.25 1.45".split(), sds1="1.22 0.75 0.65 0.60 0.53 0.28".split(), n1=52,
           means2="6.59 4.65 3.74 3.16 3.01 1.83".split(), sds2="1.14 0.83 0.72 0.68 0.64 0.31".split(), n2=52,
           paired_t1="16.95 21.45 26.18 28.64 35.92".split(), paired_t2="11.89 16.52 19.87 21.54 30.15".split())


# --- independent references -----------------------------------------------------------------------------------

def classical_split_plot_f(x1: np.ndarray, x2: np.ndarray) -> dict[str, float]:
    """F's from raw data (patients × time) by the textbook decomposition of the total sum of squares."""
    data = np.vstack([x1, x2])
    n, k = data.shape
    grand = data.mean()
    ss_total = ((data - grand) ** 2).sum()
    ss_subjects = k * ((data.mean(axis=1) - grand) ** 2).sum()
    ss_group = k * sum(len(x) * (x.mean() - grand) ** 2 for x in (x1, x2))
    ss_time = n * ((data.mean(axis=0) - grand) ** 2).sum()
    ss_cells = sum(len(x) * ((x.mean(axis=0) - grand) ** 2).sum() for x in (x1, x2))
    ss_inter = ss_cells - ss_group - ss_time
    ss_eb = ss_subjects - ss_group
    ss_ew = ss_total - ss_subjects - ss_time - ss_inter
    df_eb, df_ew = n - 2, (n - 2) * (k - 1)
    return {"between": ss_group / (ss_eb / df_eb), "time": ss_time / (k - 1) / (ss_ew / df_ew),
            "interaction": ss_inter / (k - 1) / (ss_ew / df_ew)}


def statsmodels_type3_f(x1: np.ndarray, x2: np.ndarray) -> dict[str, float]:
    """F's by the contrast route with statsmodels type III ANOVA: time = intercept and group × time = group on
    orthonormal within-subject contrasts (SS summed over contrasts); group = group on the patients' sums."""
    data = np.vstack([x1, x2])
    n, k = data.shape
    group = ["a"] * len(x1) + ["b"] * len(x2)
    sums = {"Intercept": 0.0, "C(g, Sum)": 0.0, "Residual": 0.0}
    for contrast in linalg.null_space(np.ones((1, k))).T:
        table = anova_lm(ols("y ~ C(g, Sum)", pd.DataFrame({"y": data @ contrast, "g": group})).fit(), typ=3)
        for term in sums:
            sums[term] += table.loc[term, "sum_sq"]
    frame = pd.DataFrame({"y": data.sum(axis=1) / np.sqrt(k), "g": group})
    between = anova_lm(ols("y ~ C(g, Sum)", frame).fit(), typ=3)
    df_ew = (n - 2) * (k - 1)
    return {"between": between.loc["C(g, Sum)", "F"],
            "time": sums["Intercept"] / (k - 1) / (sums["Residual"] / df_ew),
            "interaction": sums["C(g, Sum)"] / (k - 1) / (sums["Residual"] / df_ew)}


def printed_summaries(x: np.ndarray, decimals: int, prefix: str) -> dict:
    """A group's means, SDs and paired t's (follow-up minus baseline) as a paper would print them."""
    change = x[:, 1:] - x[:, :1]
    t = change.mean(axis=0) / (change.std(axis=0, ddof=1) / np.sqrt(len(x)))
    as_text = lambda values: [f"{v:.{decimals}f}" for v in values]  # noqa: E731
    return {f"means{prefix}": as_text(x.mean(axis=0)), f"sds{prefix}": as_text(x.std(axis=0, ddof=1)),
            f"n{prefix}": len(x), f"paired_t{prefix}": as_text(t)}


def summaries_of(x1, x2, decimals, paired=True) -> dict:
    out = {**printed_summaries(x1, decimals, "1"), **printed_summaries(x2, decimals, "2")}
    return out if paired else {key: v for key, v in out.items() if not key.startswith("paired")}


def inside(value: float, bounds: tuple[float, float], rel: float = 1e-9) -> bool:
    return bounds[0] * (1 - rel) - 1e-12 <= value <= bounds[1] * (1 + rel) + 1e-12


def simulated_groups(seed: int, n1: int, n2: int, k: int):
    """Two groups with a shared random covariance (any sign of correlation) and a group × time pattern."""
    rng = np.random.default_rng(seed)
    loading = rng.normal(size=(k, k))
    cov = loading @ loading.T + 0.05 * np.eye(k)
    trend = np.linspace(6, 2, k)
    x1 = rng.multivariate_normal(trend, cov, n1)
    x2 = rng.multivariate_normal(trend + rng.normal(0, 0.5, k), cov, n2)
    return x1, x2


# --- sums of squares: known answers ---------------------------------------------------------------------------

def test_hand_worked_two_by_two():
    # Group 1 patients (1, 3), (3, 4); group 2 (2, 2), (4, 5); grand mean 3.
    # SS_group = 2·(2·0.25² + 2·0.25²) = 0.5; SS_time = 4·(0.5² + 0.5²) = 2; cell means (2, 3.5), (3, 3.5):
    # SS_inter = (n1n2/N)·|P(m1 − m2)|² = 1·0.5 = 0.5; subject averages 2, 3.5 | 2, 4.5: SS_eb = 2·(1.125 + 3.125)
    # = 8.5; SS_total = 12, so SS_ew = 12 − 0.5 − 2 − 0.5 − 8.5 = 0.5. df (1, 2) and (1, 2):
    # F_group = 0.5/4.25 = 2/17, F_time = 2/0.25 = 8, F_inter = 0.5/0.25 = 2.
    # Summaries: SDs √2, √0.5 | √2, √4.5; changes (2, 1) and (0, 1): paired t = 1.5/0.5 = 3 and 0.5/0.5 = 1.
    text = lambda values: [f"{v:.12f}" for v in values]  # noqa: E731
    summaries = dict(means1=text([2, 3.5]), sds1=text(np.sqrt([2, 0.5])), n1=2,
                     means2=text([3, 3.5]), sds2=text(np.sqrt([2, 4.5])), n2=2)
    b = rm_anova_bounds(**summaries, paired_t1=text([3]), paired_t2=text([1]))
    for effect, f in zip(EFFECTS, (2 / 17, 8, 2)):
        assert getattr(b, effect).f == pytest.approx((f, f), rel=1e-8)
    assert (b.between.df1, b.between.df2, b.time.df1, b.time.df2) == (1, 2, 1, 2)
    # Without paired t's (k = 2): T between (s1 − s2)² and (s1 + s2)², i.e. [0.5, 4.5] and [0.5, 12.5], so
    # SS_eb in [0.5, 8.5] and F_group in [0.5/4.25, 0.5/0.25] = [2/17, 2]; here n = 2 makes every r = ±1.
    free = rm_anova_bounds(**summaries)
    assert free.between.f == pytest.approx((2 / 17, 2), rel=1e-8)
    assert free.t_sum1 == pytest.approx((0.5, 4.5), rel=1e-8)
    assert free.t_sum2 == pytest.approx((0.5, 12.5), rel=1e-8)


@pytest.mark.parametrize("n1, n2", [(12, 12), (9, 15)])
def test_k2_with_paired_t_reproduces_statsmodels(n1, n2):
    # With two time points a paired t fixes the whole covariance, so the F range shrinks to the data's F;
    # with unequal n the time range runs exactly from one of type I (classical) and type III to the other.
    x1, x2 = simulated_groups(7, n1, n2, 2)
    b = rm_anova_bounds(**summaries_of(x1, x2, 10))
    type3, classical = statsmodels_type3_f(x1, x2), classical_split_plot_f(x1, x2)
    for effect in EFFECTS:
        expected = sorted({round(type3[effect], 6), round(classical[effect], 6)})
        assert getattr(b, effect).f == pytest.approx((expected[0], expected[-1]), rel=1e-6), effect
    assert (len({round(type3["time"], 6), round(classical["time"], 6)}) == 1) == (n1 == n2)


def test_equal_n_classical_and_type3_agree_and_unequal_time_differs():
    # Equal n: one answer. Unequal n: the time SS of type I and type III differ and the range covers both.
    x1, x2 = simulated_groups(3, 10, 10, 3)
    assert classical_split_plot_f(x1, x2) == pytest.approx(statsmodels_type3_f(x1, x2), rel=1e-9)
    x1, x2 = simulated_groups(4, 6, 14, 3)
    classical, type3 = classical_split_plot_f(x1, x2), statsmodels_type3_f(x1, x2)
    assert classical["time"] != pytest.approx(type3["time"], rel=1e-3)
    assert classical["interaction"] == pytest.approx(type3["interaction"], rel=1e-9)
    b = rm_anova_bounds(**summaries_of(x1, x2, 10))
    for effect in EFFECTS:
        assert inside(classical[effect], getattr(b, effect).f) and inside(type3[effect], getattr(b, effect).f)


# --- rounding coverage: actual data sets always land inside -------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n1=st.integers(3, 40), extra=st.sampled_from([0, 0, 7]),
       k=st.integers(2, 5), decimals=st.integers(1, 3), paired=st.booleans())
def test_simulated_data_f_always_inside(seed, n1, extra, k, decimals, paired):
    x1, x2 = simulated_groups(seed, n1, n1 + extra, k)
    summaries = summaries_of(x1, x2, decimals, paired)
    b = rm_anova_bounds(**summaries)
    actual = classical_split_plot_f(x1, x2)
    for effect in EFFECTS:
        assert inside(actual[effect], getattr(b, effect).f), effect
    assert inside(np.cov(x1, rowvar=False).sum(), b.t_sum1)
    assert inside(np.cov(x2, rowvar=False).sum(), b.t_sum2)
    # The data's own F and P, printed, are judged consistent (sphericity: df as computed).
    df_error = 2 * n1 + extra - 2
    dfs = {"between": (1, df_error), "time": (k - 1, df_error * (k - 1)), "interaction": (k - 1, df_error * (k - 1))}
    p = {e: stats.f.sf(actual[e], *dfs[e]) for e in EFFECTS}
    findings = check_rm_anova(**summaries, F={e: f"{actual[e]:.3f}" for e in EFFECTS},
                              P={e: f"{p[e]:.3f}" for e in EFFECTS})
    assert [f.verdict for f in findings] == ["consistent"] * 3


# --- covariance ranges: random completions stay inside, explicit ones attain the ends ------------------------

def baseline_fixed_cov(s: np.ndarray, rho: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """S = X X' with x_1 = s_1·e and x_t = ρ_t·e + √(s_t² − ρ_t²)·u_t (u_t unit vectors orthogonal to e)."""
    k = len(s)
    x = np.zeros((k, k))
    x[0, 0] = s[0]
    x[1:, 0] = rho
    x[1:, 1:] = np.sqrt(s[1:] ** 2 - rho**2)[:, None] * directions
    return x @ x.T


def printed_from_cov(cov: np.ndarray, means: np.ndarray, n: int) -> dict:
    change_var = np.diag(cov)[1:] + cov[0, 0] - 2 * cov[0, 1:]
    t = np.sqrt(n) * (means[1:] - means[0]) / np.sqrt(change_var)
    text = lambda values: [f"{v:.12f}" for v in values]  # noqa: E731
    return dict(means=text(means), sds=text(np.sqrt(np.diag(cov))), n=n, paired_t=text(t))


def test_baseline_fixed_extremes_attained_by_construction():
    # s = (2, 1.5, 1), cov(X1, X2) = 1.2, cov(X1, X3) = 0.5: ρ = (0.6, 0.25), d = (1.89, 0.9375);
    # T = (2 + 0.6 + 0.25)² + Q with Q from (√1.89 − √0.9375)² (z's opposite) to (√1.89 + √0.9375)² (aligned).
    s, rho = np.array([2.0, 1.5, 1.0]), np.array([0.6, 0.25])
    aligned = baseline_fixed_cov(s, rho, np.array([[1.0, 0.0], [1.0, 0.0]]))
    opposite = baseline_fixed_cov(s, rho, np.array([[1.0, 0.0], [-1.0, 0.0]]))
    assert aligned[0, 1] == pytest.approx(1.2) and opposite[0, 2] == pytest.approx(0.5)
    t_hi = 2.85**2 + (np.sqrt(1.89) + np.sqrt(0.9375)) ** 2
    t_lo = 2.85**2 + (np.sqrt(1.89) - np.sqrt(0.9375)) ** 2
    assert aligned.sum() == pytest.approx(t_hi) and opposite.sum() == pytest.approx(t_lo)
    terms = error_terms(**printed_from_cov(aligned, np.array([10.0, 7.0, 5.0]), 30))
    assert terms.t_sum == pytest.approx((t_lo, t_hi), rel=1e-8)
    trace = (s**2).sum()
    assert terms.within == pytest.approx((trace - t_hi / 3, trace - t_lo / 3), rel=1e-8)


def test_free_extremes_attained_by_construction():
    # Three vectors closing a triangle give T = 0; collinear ones give (Σs)²; one long vector against two
    # short ones gives the polygon gap (s_max − Σ others)².
    triangle = np.array([[3.0, 0.0], [-1.0, 2.0], [-2.0, -2.0]])
    lengths = np.linalg.norm(triangle, axis=1)
    text = lambda values: [f"{v:.12f}" for v in values]  # noqa: E731
    terms = error_terms(text([1, 2, 3]), text(lengths), 20)
    assert (triangle @ triangle.T).sum() == pytest.approx(0, abs=1e-12)
    assert terms.t_sum == pytest.approx((0, lengths.sum() ** 2), abs=1e-9)
    assert terms.within[0] == pytest.approx(((lengths - lengths.mean()) ** 2).sum(), rel=1e-8)
    gap = error_terms(text([1, 2, 3]), text([5, 1, 2]), 20)
    assert gap.t_sum[0] == pytest.approx((5 - 1 - 2) ** 2, rel=1e-9)
    assert gap.within[1] == pytest.approx(25 + 1 + 4 - 4 / 3, rel=1e-9)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(2, 6))
def test_random_completions_never_leave_the_range(seed, k):
    rng = np.random.default_rng(seed)
    loading = rng.normal(size=(k, k))
    cov = loading @ loading.T + 0.01 * np.eye(k)
    terms = error_terms(**printed_from_cov(cov, rng.normal(5, 2, k), 25))
    s = np.sqrt(np.diag(cov))
    rho = cov[0, 1:] / s[0]
    for _ in range(100):
        directions = rng.normal(size=(k - 1, k - 1))
        directions /= np.linalg.norm(directions, axis=1, keepdims=True)
        completion = baseline_fixed_cov(s, rho, directions)
        assert np.allclose(completion[0], cov[0])
        assert inside(completion.sum(), terms.t_sum, 1e-7)
        assert inside(np.trace(completion) - completion.sum() / k, terms.within, 1e-7)
    aligned = baseline_fixed_cov(s, rho, np.tile(np.eye(k - 1)[:1], (k - 1, 1)))
    assert aligned.sum() == pytest.approx(terms.t_sum[1], rel=1e-7)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), decimals=st.integers(1, 2))
def test_every_corner_of_the_rounding_box_is_covered(seed, decimals):
    # Printed with few decimals, each corner of the box (means, SDs, t's) with the follow-ups' residuals
    # aligned or opposite is an explicit covariance matrix; its T and W must lie in the ranges.
    rng = np.random.default_rng(seed)
    loading = rng.normal(size=(3, 3))
    cov = loading @ loading.T + 0.05 * np.eye(3)
    means = np.array([6.0, 4.0, 3.0]) + rng.normal(0, 0.5, 3)
    printed = printed_from_cov(cov, means, 20)
    printed = {key: ([f"{float(v):.{decimals}f}" for v in value] if key != "n" else value)
               for key, value in printed.items()}
    try:
        terms = error_terms(**printed)
    except ImpossibleValue:
        return
    half = 0.5 * 10.0**-decimals
    boxes = [(float(v) - half, float(v) + half) for v in (*printed["means"], *printed["sds"], *printed["paired_t"])]
    for corner in itertools.product(*boxes):
        m, sd, t = np.array(corner[:3]), np.array(corner[3:6]), np.array(corner[6:])
        rho = (sd[0] ** 2 + sd[1:] ** 2 - 20 * (m[1:] - m[0]) ** 2 / t**2) / (2 * sd[0])
        if sd[0] <= 0 or np.any(np.abs(rho) > sd[1:]):
            continue
        for sign in (1.0, -1.0):
            completion = baseline_fixed_cov(sd, rho, np.array([[1.0, 0.0], [sign, 0.0]]))
            assert inside(completion.sum(), terms.t_sum, 1e-9)
            assert inside(np.trace(completion) - completion.sum() / 3, terms.within, 1e-9)


@settings(max_examples=60, deadline=None)
@given(alpha=st.floats(0.1, 5), b=st.tuples(st.floats(-5, 5), st.floats(0, 5)), s_lo=st.floats(0.1, 3),
       width=st.floats(0, 3))
def test_scaled_plus_reciprocal_range_matches_a_grid(alpha, b, s_lo, width):
    from recheck.rmanova import _scaled_plus_reciprocal_range

    b_box = (b[0], b[0] + b[1])
    s_grid, b_grid = np.meshgrid(np.linspace(s_lo, s_lo + width, 801), np.linspace(*b_box, 5))
    values = alpha * s_grid + b_grid / s_grid
    lo, hi = _scaled_plus_reciprocal_range(alpha, b_box, (s_lo, s_lo + width))
    assert lo <= values.min() + 1e-12 and hi >= values.max() - 1e-12
    assert lo == pytest.approx(values.min(), rel=1e-4, abs=1e-9)
    assert hi == pytest.approx(values.max(), rel=1e-12)


# --- the box quadratic Σx² − (Σx)²/κ -------------------------------------------------------------------------

@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, 6), extra=st.sampled_from([0, 1]))
def test_centred_square_min_matches_an_optimiser(seed, k, extra):
    rng = np.random.default_rng(seed)
    lows = rng.normal(0, 2, k)
    highs = lows + rng.exponential(1, k)
    kappa = k + extra

    def f(x):
        return float((x**2).sum() - x.sum() ** 2 / kappa)

    found = centred_square_min(lows, highs, kappa)
    best = min(optimize.minimize(f, rng.uniform(lows, highs), bounds=list(zip(lows, highs)), method="L-BFGS-B").fun
               for _ in range(2))
    assert found == pytest.approx(best, abs=1e-7)
    samples = rng.uniform(lows, highs, (300, k))
    values = (samples**2).sum(axis=1) - samples.sum(axis=1) ** 2 / kappa
    assert found <= values.min() + 1e-12
    assert centred_square_max(lows, highs, kappa) >= values.max() - 1e-12


def test_centred_square_by_hand():
    # Boxes [0, 1] and [3, 4], κ = 2: closest points 1 and 3, (1 − 3)²/2 = 2; farthest 0 and 4: 16/2 = 8.
    assert centred_square_min([0, 3], [1, 4], 2) == pytest.approx(2)
    assert centred_square_max([0, 3], [1, 4], 2) == pytest.approx(8)
    # Overlapping boxes reach the constant vector: 0.
    assert centred_square_min([0, 0.5, 0.2], [1, 2, 0.6], 3) == pytest.approx(0)


# --- worked examples: tightness --------------------------------------------------------------------------------

def corner_f_extremes(d: dict) -> dict[str, tuple[float, float]]:
    """F at every corner of the rounding box of the k = 3 example, with the residuals of the two follow-ups
    aligned or opposite (the two ends of Q), built as explicit covariance matrices."""
    half = lambda text: 0.5 * 10.0 ** -len(text.split(".")[1])  # noqa: E731
    boxes = [[float(x) - half(x), float(x) + half(x)]
             for g in "12" for x in (*d[f"means{g}"], *d[f"sds{g}"], *d[f"paired_t{g}"])]
    corners = np.array(list(itertools.product(*boxes)))
    out = {e: [] for e in EFFECTS}
    for sign in (1.0, -1.0):
        covs, means = [], []
        for part in (corners[:, :8], corners[:, 8:]):
            m, s, t = part[:, :3], part[:, 3:6], part[:, 6:]
            rho = (s[:, :1] ** 2 + s[:, 1:] ** 2 - 52 * (m[:, 1:] - m[:, :1]) ** 2 / t**2) / (2 * s[:, :1])
            x = np.zeros((len(part), 3, 3))
            x[:, 0, 0], x[:, 1:, 0] = s[:, 0], rho
            residual_sd = np.sqrt(s[:, 1:] ** 2 - rho**2)
            x[:, 1, 1], x[:, 2, 1] = residual_sd[:, 0], sign * residual_sd[:, 1]
            covs.append(np.einsum("nij,nkj->nik", x, x))
            means.append(m)
        centring = np.eye(3) - 1 / 3
        t_sum = [c.sum(axis=(1, 2)) for c in covs]
        within = [np.trace(c, axis1=1, axis2=2) - ts / 3 for c, ts in zip(covs, t_sum)]
        ss_eb, ss_ew = 51 * (t_sum[0] + t_sum[1]) / 3, 51 * (within[0] + within[1])
        m1, m2 = means
        out["between"].append(3 * 26 * (m1 - m2).mean(axis=1) ** 2 / (ss_eb / 102))
        out["time"].append(26 * (((m1 + m2) @ centring) ** 2).sum(axis=1) / 2 / (ss_ew / 204))
        out["interaction"].append(26 * (((m1 - m2) @ centring) ** 2).sum(axis=1) / 2 / (ss_ew / 204))
    return {e: (float(np.min(v)), float(np.max(v))) for e, v in out.items()}  # every corner is feasible here


def test_worked_example_bounds_cover_and_nearly_attain_the_corners():
    b = rm_anova_bounds(**ODI)
    corners = corner_f_extremes(ODI)
    for effect in EFFECTS:
        f = getattr(b, effect).f
        assert f[0] <= corners[effect][0] and corners[effect][1] <= f[1]
        # Conservative, but by little: within 2.5% of what explicit covariance matrices reach.
        assert f[0] >= 0.975 * corners[effect][0] and f[1] <= 1.025 * corners[effect][1], effect


def test_paired_t_narrow_the_range():
    with_t, without_t = rm_anova_bounds(**VAS), rm_anova_bounds(**{k: v for k, v in VAS.items() if "paired" not in k})
    for effect in EFFECTS:
        a, b = getattr(with_t, effect).f, getattr(without_t, effect).f
        assert b[0] <= a[0] and a[1] <= b[1] and (a[1] - a[0]) < (b[1] - b[0])


# --- P and epsilon ----------------------------------------------------------------------------------------------

def test_p_range_over_epsilon_matches_a_dense_grid():
    sphericity = rm_anova_bounds(**ODI)
    corrected = rm_anova_bounds(**ODI, epsilon=(0.5, 1.0))
    assert corrected.interaction.f == sphericity.interaction.f
    assert corrected.between == sphericity.between
    grid = np.linspace(0.5, 1.0, 4001)
    f_lo, f_hi = corrected.interaction.f
    p_lo = stats.f.sf(f_hi, 2 * grid, 204 * grid).min()
    p_hi = stats.f.sf(f_lo, 2 * grid, 204 * grid).max()
    assert corrected.interaction.p == pytest.approx((p_lo, p_hi), rel=1e-6)
    assert corrected.interaction.p[0] <= sphericity.interaction.p[0]
    assert corrected.interaction.p[1] >= sphericity.interaction.p[1]
    assert sphericity.interaction.p == pytest.approx((stats.f.sf(f_hi, 2, 204), stats.f.sf(f_lo, 2, 204)))


def test_p_interior_extreme_over_epsilon():
    # Near F = 1.6 with df (9, 3591) P first rises then falls as epsilon shrinks: the largest P is inside.
    from recheck.rmanova import _tail_extreme

    grid = np.linspace(1 / 9, 1, 20001)
    dense = stats.f.sf(1.6, 9 * grid, 3591 * grid)
    assert dense.argmax() not in (0, len(grid) - 1)
    assert _tail_extreme(1.6, 9, 3591, (1 / 9, 1.0), largest=True) == pytest.approx(dense.max(), rel=1e-9)


# --- findings ------------------------------------------------------------------------------------------------------

def test_worked_example_is_impossible():
    findings = check_rm_anova(**ODI, F={"between": "59.680", "time": "110.35", "interaction": "81.231"},
                              P={e: "< 0.001" for e in EFFECTS})
    assert [f.verdict for f in findings] == ["impossible"] * 3
    between = findings[0]
    assert between.reported == "F = 59.680, P < 0.001"
    assert between.recomputed.startswith("F(1, 102) in [")
    assert "df (1, 102)" in between.assumption and "paired t" in between.assumption
    assert "above the largest" in between.explanation
    assert "reversed" in between.explanation  # feasible P 0.12 to 0.24 against the printed P < 0.001
    assert "below the smallest" in findings[1].explanation


def test_verdict_ladder():
    base = dict(**VAS, F={"between": "22.301"})
    assert check_rm_anova(**base)[0].verdict == "consistent"
    assert check_rm_anova(**base, P={"between": "< 0.001"})[0].verdict == "consistent"
    decision = check_rm_anova(**base, P={"between": "0.30"})[0]
    assert decision.verdict == "decision" and "reversed" in decision.explanation
    minor = check_rm_anova(**base, P={"between": "0.020"})[0]
    assert minor.verdict == "minor" and "unchanged" in minor.explanation
    assert check_rm_anova(**VAS, F={"interaction": "52.398"})[0].verdict == "impossible"


def test_findings_follow_the_printed_effects_and_state_sphericity():
    findings = check_rm_anova(**VAS, F={"interaction": "12.0", "between": "30.0"}, epsilon=(0.4, 1.0))
    assert [f.check for f in findings] == ["split-plot ANOVA: group F from summaries",
                                          "split-plot ANOVA: group × time F from summaries"]
    assert "no sphericity needed" in findings[0].assumption and "epsilon" not in findings[0].recomputed
    assert "epsilon in [0.4, 1]" in findings[1].assumption and "epsilon in [0.4, 1]" in findings[1].recomputed
    assert "sphericity assumed" in check_rm_anova(**VAS, F={"time": "900"})[0].assumption
    assert all("df" not in f.reported and "(" not in f.reported for f in findings)


def test_impossible_inputs_become_findings():
    negative_sd = dict(VAS, sds1=["-1.22", *VAS["sds1"][1:]])
    findings = check_rm_anova(**negative_sd, F={"between": "22.301", "time": "86.300"})
    assert [f.verdict for f in findings] == ["impossible", "impossible"]
    assert "sds1[0]" in findings[0].explanation
    bad_t = dict(VAS, paired_t1=["1.00", *VAS["paired_t1"][1:]])
    with pytest.raises(ImpossibleValue, match=r"paired_t1\[0\]"):
        rm_anova_bounds(**bad_t)
    assert check_rm_anova(**bad_t, F={"time": "86.300"})[0].verdict == "impossible"
    mixed = check_rm_anova(**VAS, F={"between": "-2.0", "time": "86.300"}, P={"time": "1.20"})
    assert [f.verdict for f in mixed] == ["impossible", "impossible"]
    assert "F['between']" in mixed[0].explanation and "P['time']" in mixed[1].explanation


def test_paired_t_sign_is_ignored():
    flipped = dict(ODI, paired_t1=["-18.25", "-18.51"])
    assert rm_anova_bounds(**flipped) == rm_anova_bounds(**ODI)


def test_result_types():
    b = rm_anova_bounds(**ODI)
    assert isinstance(b, RMAnovaBounds) and isinstance(b.time, FRange)
    assert (b.time.effect, b.time.df1, b.time.df2) == ("time", 2, 204)
    with pytest.raises(AttributeError):
        b.time.df1 = 3


# --- a caller's mistakes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("change, argument", [
    (dict(sds2=["3.11", "1.65"]), "sds2"),
    (dict(means1=["15.13"], sds1=["3.29"], means2=["14.56"], sds2=["3.11"]), "means1"),
    (dict(means1="15.13"), "means1"),
    (dict(n1=1), "n1"),
    (dict(n2="52.5"), "n2"),
    (dict(paired_t2=["15.71"]), "paired_t2"),
    (dict(means1=[15.13, "6.95", "6.87"]), r"means1\[0\]"),
    (dict(sds2=["3.11", "abc", "1.59"]), r"sds2\[1\]"),
    (dict(epsilon=(0.3, 1.0)), "epsilon"),
    (dict(epsilon=(1.0, 0.8)), "epsilon"),
    (dict(epsilon=0.8), "epsilon"),
])
def test_bad_input_names_the_argument(change, argument):
    with pytest.raises(ValueError, match=argument):
        rm_anova_bounds(**{**ODI, **change})


@pytest.mark.parametrize("kwargs, argument", [
    (dict(F={"group": "2.0"}), "F"),
    (dict(F={}), "F"),
    (dict(F={"time": "2.0"}, P={"between": "0.01"}), "P"),
    (dict(F={"time": "2.0"}, P={"time": "n.s."}), "P"),
    (dict(F={"time": "2.0"}, alpha=1.5), "alpha"),
])
def test_bad_check_input_names_the_argument(kwargs, argument):
    with pytest.raises(ValueError, match=argument):
        check_rm_anova(**ODI, **kwargs)


def test_too_many_time_points_refused():
    with pytest.raises(ValueError, match="means1"):
        rm_anova_bounds(["1.0"] * 13, ["1.0"] * 13, 10, ["1.0"] * 13, ["1.0"] * 13, 10)
