"""What a printed AUC implies: its sampling SE, a binormal operating point, and predictive values at a prevalence.

* `auc_se_hanley_mcneil(auc, n_positive, n_negative)`: Hanley & McNeil's (1982) SE of an empirical AUC,
      SE^2 = [A(1 - A) + (n1 - 1)(Q1 - A^2) + (n0 - 1)(Q2 - A^2)] / (n1 n0),  Q1 = A/(2 - A), Q2 = 2A^2/(1 + A).
  At A = 1/2 it equals the exact null variance of the Mann-Whitney AUC, (n1 + n0 + 1) / (12 n1 n0). It covers
  sampling error only: an AUC measured on the sample a model was fitted to is also optimistic.
* `binormal_symmetric_point(auc)`: under the equal-variance binormal model AUC = Phi(d / sqrt 2); at the threshold
  midway between the two means sensitivity = specificity = Phi(d / 2).
* `predictive_values(sensitivity, specificity, prevalence)`: PPV and NPV by Bayes' rule. A case-control sample
  fixes the share of cases by design (1:1 gives 50%); predictive values in the population need its prevalence.

Validation follows `validate`: probabilities outside (0, 1) and sample sizes below 1 are ValueErrors.
"""
from __future__ import annotations

import math

from scipy import stats

from .validate import probability, whole


def auc_se_hanley_mcneil(auc: float, n_positive, n_negative) -> float:
    """Hanley-McNeil SE of an empirical AUC from n_positive cases and n_negative controls."""
    a = probability("auc", auc)
    n1, n0 = whole("n_positive", n_positive, 1), whole("n_negative", n_negative, 1)
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    return math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0))


def binormal_symmetric_point(auc: float) -> float:
    """Sensitivity (= specificity) at the midpoint threshold of the equal-variance binormal model with this AUC."""
    a = probability("auc", auc)
    return float(stats.norm.cdf(math.sqrt(2) * stats.norm.ppf(a) / 2))


def predictive_values(sensitivity: float, specificity: float, prevalence: float) -> tuple[float, float]:
    """(PPV, NPV) at a prevalence, by Bayes' rule."""
    se, sp = probability("sensitivity", sensitivity), probability("specificity", specificity)
    p = probability("prevalence", prevalence)
    ppv = se * p / (se * p + (1 - sp) * (1 - p))
    npv = sp * (1 - p) / (sp * (1 - p) + (1 - se) * p)
    return ppv, npv
