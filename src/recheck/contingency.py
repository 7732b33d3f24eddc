"""Tests of association from printed counts: which variant did the authors run?

Counts are exact, so only the reported statistic and p are rounded. For every table we compute Pearson's
chi-square, the likelihood-ratio G, and for 2x2 tables also Yates' continuity-corrected chi-square and
Fisher's exact test, then say which of them reproduces the printed statistic (or, failing a statistic, the
printed p).

Validation (see `validate`): a table is a grid of at least 2 x 2 whole counts, alpha and level lie in (0, 1), and
a check needs a statistic, a P or a claim (a caller's mistake: ValueError); a negative count, a negative
chi-square or a P outside 0-1 is impossible (ImpossibleValue from the computing functions, an `impossible`
finding from `check_contingency`). Zero margins: a table with no counts at all, or one whose empty row or column
leaves at least a 2 x 2 table of counts (the expected count of the empty category is 0, so the chi-square is
undefined until it is dropped), is `not_checkable` with the reason; a table whose non-empty part is a single row
or column cannot show any association (every test gives P = 1), which the check grades as before.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import Table2x2

from .cells import parse_p
from .findings import Finding
from .grading import (
    Claim, call_sentence, checked_claim, claim_is_possible, claim_to_judge, grade_against_claim,
    grade_statistic_columns, p_meets,
)
from .rounding import column_intervals, contains, fmt, fmt_p, fmt_reported, join_reported, parse_rounded
from .validate import (
    ImpossibleValue, cell_impossible, count, impossible_finding, nonnegative, p_column, p_value, probability, table,
    whole_column,
)

LABELS = {"pearson": "Pearson's chi-square", "yates": "Yates-corrected chi-square",
          "likelihood_ratio": "the likelihood-ratio G test", "fisher": "Fisher's exact test"}


def _counts(counts) -> np.ndarray:
    """A grid of whole counts, at least 2 x 2 (ValueError); a negative count is an ImpossibleValue."""
    if isinstance(counts, (str, bytes, dict)) or not hasattr(counts, "__len__"):
        raise ValueError(f"table = {counts!r}: a table of counts (a list of rows) is needed")
    rows = [list(r) if hasattr(r, "__len__") and not isinstance(r, (str, bytes, dict)) else None for r in counts]
    if any(r is None for r in rows) or len({len(r) for r in rows}) > 1:
        raise ValueError(f"table = {counts!r}: every row must be a list of counts of the same length")
    if len(rows) < 2 or len(rows[0]) < 2:
        shape = (len(rows), len(rows[0]) if rows else 0)
        raise ValueError(f"a contingency table needs at least 2 rows and 2 columns, got shape {shape}")
    values = []
    for i, r in enumerate(rows):
        values.append([])
        for j, v in enumerate(r):
            try:
                values[-1].append(count(f"table[{i}][{j}]", v))
            except ImpossibleValue as err:
                raise ImpossibleValue(err.argument, err.value, "contingency tables hold non-negative whole counts; "
                                      + err.reason) from None
            except ValueError:
                raise ValueError(f"table[{i}][{j}] = {v!r}: contingency tables hold non-negative whole counts") \
                    from None
    big = any(v >= 2**62 for r in values for v in r)
    return np.array(values, dtype=object if big else np.int64)


def _as_table(table) -> np.ndarray:
    arr = _counts(table)
    if (arr.sum(axis=0) == 0).any() or (arr.sum(axis=1) == 0).any():
        raise ValueError("a row or column of the table is all zeros: its expected counts are undefined")
    return arr.astype(np.int64)


def contingency_tests(table) -> pd.DataFrame:
    """Every applicable test for a table of counts.

    Columns: variant, statistic (nan for Fisher), df, p, min_expected.
    Rows: pearson, likelihood_ratio, and for 2x2 tables yates and fisher.

    Validation: computing function; see the module docstring. A row or column of zeros is a ValueError (its
    expected counts are undefined).
    """
    arr = _as_table(table)
    rows = []
    pearson = stats.chi2_contingency(arr, correction=False)
    min_expected = float(pearson.expected_freq.min())
    rows.append(("pearson", pearson.statistic, pearson.dof, pearson.pvalue))
    if arr.shape == (2, 2):
        yates = stats.chi2_contingency(arr, correction=True)
        rows.append(("yates", yates.statistic, yates.dof, yates.pvalue))
    lr = stats.chi2_contingency(arr, correction=False, lambda_="log-likelihood")
    rows.append(("likelihood_ratio", lr.statistic, lr.dof, lr.pvalue))
    if arr.shape == (2, 2):
        rows.append(("fisher", np.nan, np.nan, stats.fisher_exact(arr).pvalue))
    frame = pd.DataFrame(rows, columns=["variant", "statistic", "df", "p"])
    frame["min_expected"] = min_expected
    return frame


def odds_ratio_2x2(table, level: float = 0.95) -> tuple[float, float, float]:
    """Crude odds ratio (a·d)/(b·c) of a 2x2 table [[a, b], [c, d]] with its Woolf (log) confidence interval.

    Validation: computing function; a 2x2 table of whole counts, level in (0, 1) (ValueError); a negative count
    raises ImpossibleValue; an empty row or column (OR undefined) is a ValueError. A zero cell: statsmodels adds 0.5
    to every cell (Haldane-Anscombe), so the OR and its interval stay finite, never a division error.
    """
    level = probability("level", level)
    arr = _as_table(table)
    if arr.shape != (2, 2):
        raise ValueError("an odds ratio needs a 2x2 table")
    t = Table2x2(arr)
    lo, hi = t.oddsratio_confint(alpha=1 - level)
    return float(t.oddsratio), float(lo), float(hi)


def check_contingency(table, statistic: str | None = None, p: str | None = None, claim: Claim | None = None,
                      alpha: float = 0.05) -> Finding:
    """Which test of association reproduces the printed chi-square and/or P, or the paper's significance claim?

    The recomputation is judged against the printed P when it settles the call, otherwise against `claim`.

    Validation: see the module docstring (a negative count, chi-square below 0 or P outside 0-1: `impossible`;
    no counts, or an empty category beside at least a 2 x 2 table of counts: `not_checkable`).
    """
    if statistic is None and p is None and claim is None:
        raise ValueError("give the printed statistic, the printed P, or the paper's significance claim")
    alpha = probability("alpha", alpha)
    checked_claim(claim)
    check = "association test: variant"
    reported_text = join_reported(fmt_reported("chi2", statistic), fmt_reported("P", p))
    try:
        arr = _counts(table)
        if statistic is not None:
            nonnegative("statistic", statistic, "chi-square statistic")
        reported_p = p_value("p", p) if p is not None else None
    except ImpossibleValue as err:
        return impossible_finding(check, reported_text, err)
    empty_rows, empty_cols = arr.sum(axis=1) == 0, arr.sum(axis=0) == 0
    if empty_rows.any() or empty_cols.any():
        kept = arr[~empty_rows][:, ~empty_cols]
        if kept.size == 0:
            return Finding(check, reported_text, "no counts", "not_checkable", "counts as printed",
                           "Every cell of the table is 0: there are no observations, so no test can be computed.")
        if min(kept.shape) >= 2:
            return Finding(check, reported_text, "chi-square undefined with an empty category", "not_checkable",
                           "counts as printed",
                           f"{int(empty_rows.sum())} row(s) and {int(empty_cols.sum())} column(s) of the table are "
                           f"empty: their expected counts are 0, so the chi-square is undefined as printed. Drop the "
                           f"empty categories (a {kept.shape[0]} x {kept.shape[1]} table remains) and check that.")
        return _degenerate(statistic, p)
    tests = contingency_tests(arr)
    judged = claim_to_judge(reported_p, claim, alpha)
    if statistic is not None:
        stat_iv = (parse_rounded(statistic).lo, parse_rounded(statistic).hi)
        matching = [r.variant for r in tests.itertuples() if np.isfinite(r.statistic) and contains(stat_iv, r.statistic)]
    elif reported_p is not None:
        matching = [r.variant for r in tests.itertuples() if p_meets(reported_p, (r.p, r.p))]
    else:
        matching = [r.variant for r in tests.itertuples() if claim_is_possible(claim, (r.p, r.p), alpha)]
    first = tests.set_index("variant").loc[matching[0] if matching else "pearson"]
    p_range = (first.p, first.p) if matching else (float(tests["p"].min()), float(tests["p"].max()))
    verdict = grade_against_claim(bool(matching), judged, p_range, alpha)
    recomputed = "; ".join(
        f"{r.variant}: " + (f"{fmt(r.statistic)} (df {int(r.df)}), " if np.isfinite(r.statistic) else "")
        + f"P {fmt_p(r.p)}"
        for r in tests.itertuples()
    )
    assumption = f"counts as printed; two-sided; smallest expected count {fmt(first.min_expected, 2)}"
    said = claim.source if claim is not None and judged is claim else ""
    if matching:
        explanation = f"Reproduced by {' and '.join(LABELS[m] for m in matching)}."
        if statistic is not None and reported_p is not None and not p_meets(reported_p, p_range):
            verdict = grade_against_claim(False, judged, p_range, alpha)
            explanation += (f" The printed P = {p} does not follow from it (P {fmt_p(first.p)}). "
                            + call_sentence(judged, p_range, alpha))
    else:
        explanation = ("No standard variant (Pearson, Yates, likelihood ratio, Fisher) gives the printed "
                       + ("value" if statistic is not None or p is not None else "call")
                       + " from the printed counts. " + call_sentence(judged, p_range, alpha))
    if first.min_expected < 5:
        explanation += " Expected counts below 5 make the chi-square approximation doubtful; Fisher's test fits."
    return Finding("association test: variant", join_reported(fmt_reported("chi2", statistic),
                                                              fmt_reported("P", p), said),
                   recomputed, verdict, assumption, explanation)


def _degenerate(statistic: str | None, p: str | None) -> Finding:
    """A table with an empty row or column (e.g. every patient in both groups has the sign): no association
    can be measured, the chi-square is 0 and any test's p is 1."""
    reported = join_reported(fmt_reported("chi2", statistic), fmt_reported("P", p))
    fits = (p is None or parse_p(p).bounds[1] >= 1.0) and (statistic is None or parse_rounded(statistic).lo <= 0)
    return Finding("association test: variant", reported, "no variation: chi2 = 0, P = 1",
                   "consistent" if fits else "impossible", "counts as printed",
                   "A row or column of the table is empty, so the groups cannot differ; "
                   + ("the printed values say so." if fits else "no test can give the printed value."))


def chi2_2x2_table(frame: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Vectorised Pearson and Yates chi-square for many 2x2 tables (columns a, b, c, d; optional chi2, p).

    Same conventions as scipy.stats.chi2_contingency: Yates' correction shrinks each |O - E| by 0.5 but never
    below zero. Output adds pearson, yates, p_pearson, p_yates and, with chi2 given, matches and verdict.

    Validation: computing function; a missing column, a count that is not whole, a chi2 or P that cannot be read
    or a table with a zero margin (chi-square undefined) is a ValueError naming the row; a negative count,
    chi-square or a P outside 0-1 an ImpossibleValue naming the column and row.
    """
    frame = table("frame", frame, ["a", "b", "c", "d"])
    alpha = probability("alpha", alpha)
    for k in "abcd":
        cells = whole_column(frame, k, -(2**62))
        if (cells < 0).any():
            i = int(np.flatnonzero(cells < 0)[0])
            raise cell_impossible(frame, k, i, frame[k].iloc[i], "a count cannot be negative")
    if "chi2" in frame:
        lo, hi = column_intervals(frame["chi2"])
        negative = (lo + hi) / 2 < 0
        if negative.any():
            i = int(np.flatnonzero(negative)[0])
            raise cell_impossible(frame, "chi2", i, frame["chi2"].iloc[i], "a chi-square cannot be negative")
    if "p" in frame:
        p_column(frame)
    a, b, c, d = (frame[k].to_numpy(dtype=float) for k in "abcd")
    n = a + b + c + d
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if (margins == 0).any():
        row = int(np.flatnonzero(margins == 0)[0])
        raise ValueError(f"row {row}: a margin of the 2x2 table is zero")
    diff = np.abs(a * d - b * c)
    out = frame.copy()
    out["pearson"] = n * diff**2 / margins
    # |O - E| is the same in all four cells of a 2x2 table: |ad - bc| / n.
    corrected = np.maximum(diff / n - 0.5, 0.0)
    out["yates"] = n**3 * corrected**2 / margins
    out["p_pearson"] = stats.chi2.sf(out["pearson"], 1)
    out["p_yates"] = stats.chi2.sf(out["yates"], 1)
    if "chi2" in frame:
        lo, hi = column_intervals(frame["chi2"])
        pearson_ok = (out["pearson"] >= lo - 1e-12) & (out["pearson"] <= hi + 1e-12)
        yates_ok = (out["yates"] >= lo - 1e-12) & (out["yates"] <= hi + 1e-12)
        out["matches"] = np.select([pearson_ok & yates_ok, pearson_ok, yates_ok], ["both", "pearson", "yates"],
                                   default="neither")
        p_used = np.where(yates_ok & ~pearson_ok, out["p_yates"], out["p_pearson"])
        out["verdict"] = grade_statistic_columns((pearson_ok | yates_ok).to_numpy(),
                                                 frame["p"] if "p" in frame else None, p_used, p_used, alpha)
    return out
