"""Can an adjusted odds ratio survive a change of coding elsewhere in the same logistic model?

Two reports of one data set sometimes print the same adjusted odds ratios for some covariates while another
covariate is coded differently (a count in one report, an indicator "2 or more" in the other). Two cases differ:

* **An affine recoding** (swapping a binary covariate's reference category, shifting or rescaling a count) leaves
  the model's fit unchanged: that covariate's coefficient changes sign or scale and every other coefficient
  stays exactly where it was. Its odds ratio is inverted exactly, to the printed decimals.
* **A recoding that is not affine** (a count 1-3 replaced by "2 or more") changes the fit, and in general every
  other coefficient moves with it, by an amount that depends on how the covariates are arranged within the
  outcome groups, which tables of margins do not show.

`coefficient_shifts` draws arrangements that keep every printed margin (each covariate's values within each
outcome group, as a case-control Table 1 prints them), fits the model under both codings and returns how far each
coefficient moved. `rounding_cell_width` gives the width of a printed odds ratio's rounding cell on the log scale:
two reports can print the same value only if the coefficient moved by less than that width (a necessary
condition), so the share of arrangements that stay within it bounds how often a refit leaves the value unchanged.

Arrangements: with `max_correlation` 0, each covariate's values are permuted independently within each outcome
group (no association among covariates beyond what chance gives); with `max_correlation` r > 0, each arrangement
draws a correlation matrix with off-diagonal entries uniform in [-r, r] (made positive definite), draws latent
normal scores and hands each covariate's printed values out by rank, so the margins stay exact while the
covariates are associated. Fits are maximum likelihood (Newton-Raphson, all arrangements at once); arrangements
where either fit does not converge (separation) are dropped and counted.

Validation: groups other than outcomes 1 and 0, covariates of unequal lengths or with different names in the two
groups, designs of different widths, fewer than one arrangement or a max_correlation outside [0, 1) are a
caller's mistake (ValueError).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from .validate import positive, whole

Design = Callable[[Mapping[str, np.ndarray]], Sequence[np.ndarray]]


def logistic_fit(X: np.ndarray, y: np.ndarray, tol: float = 1e-10, max_iter: int = 100) -> np.ndarray:
    """Maximum-likelihood coefficients (intercept first) of logit P(y = 1) = b0 + X b.

    X is (n, p) for one data set or (k, n, p) for k data sets fitted at once; y is (n,) or (k, n). Returns
    (p + 1,) or (k, p + 1); a data set whose fit does not converge (separation, or a singular design) gets NaNs.
    """
    X, y = np.asarray(X, float), np.asarray(y, float)
    single = X.ndim == 2
    if single:
        X, y = X[None], y[None]
    y = np.broadcast_to(y, X.shape[:2])
    A = np.concatenate([np.ones(X.shape[:2] + (1,)), X], axis=2)
    beta = np.zeros((A.shape[0], A.shape[2]))
    done = np.zeros(A.shape[0], bool)
    ok = np.ones(A.shape[0], bool)
    for _ in range(max_iter):
        live = np.flatnonzero(ok & ~done)
        if not live.size:
            break
        a, b = A[live], beta[live]
        prob = 1 / (1 + np.exp(-np.clip(np.matmul(a, b[:, :, None])[..., 0], -30, 30)))
        info = np.matmul(a.transpose(0, 2, 1), a * (prob * (1 - prob))[:, :, None])
        score = np.matmul(a.transpose(0, 2, 1), (y[live] - prob)[:, :, None])[..., 0]
        singular = np.abs(np.linalg.det(info)) < 1e-12 * np.prod(np.diagonal(info, axis1=1, axis2=2), axis=1)
        ok[live[singular]] = False
        good = ~singular
        step = np.linalg.solve(info[good], score[good][..., None])[..., 0]
        beta[live[good]] += step
        done[live[good]] = np.abs(step).max(axis=1) < tol
        ok &= np.abs(beta).max(axis=1) < 25
    beta[~(done & ok)] = np.nan
    return beta[0] if single else beta


def rounding_cell_width(printed) -> float:
    """Width on the log scale of the rounding cell of a printed odds ratio: log(hi) - log(lo)."""
    r = positive("printed", printed, "odds ratio")
    return math.log(r.hi) - math.log(r.lo)


@dataclass(frozen=True)
class Shifts:
    """Coefficient moves (after minus before, intercept left out) over the arrangements whose fits converged.

    shifts has one row per such arrangement and one column per design column; before holds the coefficients
    under the first coding; tried counts every arrangement drawn (dropped = tried - len(shifts)).
    """

    shifts: np.ndarray
    before: np.ndarray
    tried: int

    def within(self, widths: Mapping[int, float]) -> np.ndarray:
        """For each arrangement, whether every named column moved by less than its width."""
        return np.all([np.abs(self.shifts[:, j]) < w for j, w in widths.items()], axis=0)


def _arrangements(values: Sequence[np.ndarray], count: int, rng: np.random.Generator,
                  max_correlation: float) -> list[np.ndarray]:
    """count arrangements of one outcome group: for each covariate a (count, n) array of its values reordered."""
    n, m = len(values[0]), len(values)
    if max_correlation == 0:
        keys = rng.random((m, count, n))
    else:
        upper = rng.uniform(-max_correlation, max_correlation, (count, m, m))
        corr = np.triu(upper, 1) + np.triu(upper, 1).transpose(0, 2, 1) + np.eye(m)
        w, v = np.linalg.eigh(corr)
        corr = v @ (np.clip(w, 0.05, None)[:, :, None] * v.transpose(0, 2, 1))
        scale = np.sqrt(np.einsum("kii->ki", corr))
        corr /= scale[:, :, None] * scale[:, None, :]
        chol = np.linalg.cholesky(corr)
        keys = np.einsum("kij,knj->ikn", chol, rng.standard_normal((count, n, m)))
    ranks = np.argsort(np.argsort(keys, axis=2), axis=2)
    return [np.sort(np.asarray(v, float))[ranks[i]] for i, v in enumerate(values)]


def coefficient_shifts(groups: Mapping[int, Mapping[str, Sequence[float]]], before: Design, after: Design,
                       arrangements: int, seed: int, max_correlation: float = 0.0) -> Shifts:
    """How far each coefficient moves when the same patients are fitted under two codings.

    groups maps the outcome (1 for cases, 0 for controls) to each covariate's values in that group, as the
    margins print them (e.g. 44 ones and 17 zeros). before and after map {covariate: values over all patients}
    to the design's columns without intercept, e.g. `lambda c: [c["tfi"], c["count"] >= 2]` (the values arrive
    as arrays of arrangements by patients, so write the columns elementwise); their columns must be aligned
    (column j is the same covariate in both). Returns the moves after minus before for every arrangement whose
    two fits converge.
    """
    arrangements, seed = whole("arrangements", arrangements, 1), whole("seed", seed)
    if not 0 <= max_correlation < 1:
        raise ValueError(f"max_correlation = {max_correlation!r}: must lie in [0, 1)")
    names = [sorted(cols) for cols in groups.values()]
    if len(groups) != 2 or set(groups) != {0, 1} or names[0] != names[1]:
        raise ValueError("groups needs outcomes 1 and 0 with the same covariate names")
    rng = np.random.default_rng(seed)
    columns, outcome = {}, []
    parts = {}
    for g in (1, 0):
        values = [np.asarray(groups[g][name], float) for name in names[0]]
        if len({len(v) for v in values}) != 1:
            raise ValueError(f"outcome {g}: covariates of different lengths {[len(v) for v in values]}")
        parts[g] = _arrangements(values, arrangements, rng, max_correlation)
        outcome.append(np.full(len(values[0]), float(g)))
    for i, name in enumerate(names[0]):
        columns[name] = np.concatenate([parts[1][i], parts[0][i]], axis=1)
    y = np.concatenate(outcome)
    designs = [np.stack([np.asarray(c, float) for c in design(columns)], axis=-1) for design in (before, after)]
    if designs[0].shape != designs[1].shape:
        raise ValueError(f"designs of different shapes {designs[0].shape[1:]} and {designs[1].shape[1:]}")
    b0, b1 = logistic_fit(designs[0], y), logistic_fit(designs[1], y)
    ok = np.isfinite(b0).all(axis=1) & np.isfinite(b1).all(axis=1)
    return Shifts((b1 - b0)[ok, 1:], b0[ok, 1:], arrangements)
