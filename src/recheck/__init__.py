"""recheck: rounding-aware recomputation of statistics printed in clinical papers.

Every check takes numbers as printed (strings, so trailing zeros and hence rounding intervals survive) and
returns a `Finding` in the ledger's shape; table-level variants check every row of a DataFrame at once.
The figure helpers load matplotlib and seaborn only when first used, so the command line starts quickly.
"""
from importlib import import_module

from .bounds import (
    BetweenGroupF, LinearSummary, cantelli_max_share, check_rm_between_group_f, linear_combination, max_count_beyond,
    rm_between_group_f_bounds,
)
from .carlisle import carlisle_combined_p, check_baseline_balance
from .cells import (
    CountPair, CountPercent, EstimateCI, MeanSD, PValue, Range, cell_kind, parse_count_pair, parse_count_percent,
    parse_estimate_ci, parse_mean_sd, parse_p, parse_range,
)
from .closure import count_possible_samples, possible_samples
from .compare import compare_facts, or_transformations
from .contingency import check_contingency, chi2_2x2_table, contingency_tests, odds_ratio_2x2
from .discrimination import auc_se_hanley_mcneil, binormal_symmetric_point, predictive_values
from .display import frame_html, rob_grid, rob_table
from .findings import (
    COLUMNS, VERDICTS, Finding, Ledger, brief, findings_table, ledger_frame, read_ledger, verdict_counts, worst,
    write_ledger,
)
from .grading import (
    Claim, call_sentence, checked_claim, claim_from_p, claim_is_possible, claim_to_judge, grade_against_claim,
    recomputed_significance, stated_claim,
)
from .granularity import (
    Granularity, Totals, check_debit, check_grim, check_grimmer, check_sd_bounds, debit_consistent, debit_table,
    debit_test, grim_consistent, grim_sums, grim_table, grim_totals, grimmer_consistent, grimmer_table, grimmer_test,
    sd_bounds,
)
from .loader import ExtractionError, Study, load_study, load_table, read_study_json, tidy_cells
from .logistic import check_logistic_row
from .logistic_bounds import (
    OddsRatioBounds, min_se_binary, min_se_matched_pairs, odds_ratio_bounds, same_value_probability,
)
from .mannwhitney import MannWhitney, check_mann_whitney, mann_whitney_from_counts
from .paired import PairedImplied, check_paired_t, paired_t_implied
from .patterns import (
    Tracking, chance_of_a_repeat, check_recurring_values, check_statistics_track, recurring_values, statistics_track,
)
from .proportions import (
    check_flow, check_percent, check_total, counts_matching_percent, percent_from_count, percent_table,
    wilson_interval,
)
from .pvalues import check_p_value, p_bounds_from_statistic, p_from_statistic
from .recoding import Shifts, coefficient_shifts, logistic_fit, rounding_cell_width
from .report import boxed, say
from .rmanova import ErrorTerms, FRange, RMAnovaBounds, check_rm_anova, error_terms, rm_anova_bounds
from .rounding import (
    NotPrintedText, Rounded, decimals_of, fmt, fmt_interval, fmt_p, fmt_p_interval, fmt_reported, interval, overlaps,
    parse_rounded,
)
from .rules import (
    FamilyEvidence, counts_sentence, distinct_problems, family_evidence, first_sentence, grade_granularity_family,
    item_of, location, plural, problem_counts, rule_violations,
)
from .scan import SCAN_COLUMNS, scan_text
from .summary import (
    SURVIVES, TRUST_RULES, ClaimVerdict, StudyVerdict, bottom_line_markdown, claim_verdicts, claims_frame,
    load_verdict, risk_level, study_verdict, top_problems, trust_in, trust_reason, verdict_markdown,
)
from .synthesis import check_family, read_ledgers, shared_numbers
from .ttests import TTest, TTestRange, check_ttest, ttest_from_summary, ttest_range, ttest_table
from .unimproved import Unimproved, max_unimproved
from .validate import ImpossibleValue

_FIGURES = ("ARM_PALETTE", "MAX_WIDTH_IN", "MIN_FONT_PT", "VERDICT_PALETTE", "save_figure", "trajectory_panels",
            "use_review_style", "verdict_bars", "wrap")


def __getattr__(name: str):
    if name in _FIGURES:
        return getattr(import_module(".figures", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted([name for name in dir() if not name.startswith("_") and name != "import_module"] + list(_FIGURES))
