"""The rulebook's grading rules as code: each rule has cases worked out by hand, and cases that must fail."""
import pandas as pd
import pytest

from recheck import (
    COLUMNS, Finding, call_sentence, check_contingency, check_p_value, check_ttest, claim_from_p, counts_sentence,
    distinct_problems, family_evidence, grade_against_claim, grade_granularity_family, item_of, location, parse_p,
    problem_counts, rule_violations, stated_claim,
)


def ledger(*rows):
    """Rows as (location, verdict, explanation[, reported])."""
    records = []
    for r in rows:
        loc, verdict, explanation, *reported = r
        records.append(dict(study="s", location=loc, check="c", reported=(reported or ["P = 0.01"])[0],
                            recomputed="x", verdict=verdict, assumption="a", explanation=explanation))
    return pd.DataFrame(records, columns=list(COLUMNS))


# --- Rule 1: compare with the claim ----------------------------------------------------------------------

def test_stated_claim_is_used_when_no_p_is_printed():
    # Means 10.0 vs 8.0, SD 3.0, n 30: t = 2.58, df 58, p = 0.012 (t tables: t(58) = 2.39 at p = 0.02).
    # The text says "no difference": the call is reversed.
    f = check_ttest("10.0", "3.0", 30, "8.0", "3.0", 30, claim=stated_claim(False, "results text"))
    assert f.verdict == "decision"
    assert "reversed" in f.explanation and "unchanged" not in f.explanation
    assert "results text says no significant difference" in f.reported


def test_stated_claim_that_holds_is_consistent():
    f = check_ttest("10.0", "3.0", 30, "8.0", "3.0", 30, claim=stated_claim(True, "abstract"))
    assert f.verdict == "consistent"


def test_printed_t_without_any_call_never_says_unchanged():
    # 2.28 ± 0.69 vs 3.05 ± 0.74 (n 52) allows |t| of 5.38 to 5.60 only; 5.627 printed with no P or claim.
    f = check_ttest("2.28", "0.69", 52, "3.05", "0.74", 52, t="5.627")
    assert f.verdict == "minor"
    assert "unchanged" not in f.explanation
    assert "no significance call" in f.explanation


def test_printed_p_is_preferred_over_the_stated_claim():
    f = check_ttest("10.0", "3.0", 30, "8.0", "3.0", 30, p="0.012", claim=stated_claim(False, "text"))
    assert f.verdict == "consistent"


def test_unusable_printed_p_falls_back_to_the_claim():
    # "P = 0.05" with two decimals straddles alpha: [0.045, 0.055]. The text's "significant" is then judged.
    claim = claim_to_judge_for("0.05", stated_claim(True, "abstract"))
    assert claim.source == "abstract says significant"


def claim_to_judge_for(p, claim):
    from recheck import claim_to_judge
    return claim_to_judge(parse_p(p), claim)


def test_call_sentence_only_says_unchanged_after_comparing_two_calls():
    assert "unchanged" in call_sentence(claim_from_p(parse_p("< 0.001")), (0.0, 0.0004))
    assert "unchanged" not in call_sentence(None, (0.0, 0.0004))
    assert "straddles" in call_sentence(claim_from_p(parse_p("0.01")), (0.03, 0.07))
    assert "reversed" in call_sentence(claim_from_p(parse_p("0.01")), (0.2, 0.3))


def test_grade_against_claim_table():
    sig, not_sig = claim_from_p(parse_p("0.01")), claim_from_p(parse_p("0.40"))
    assert grade_against_claim(True, sig, (0.5, 0.6)) == "consistent"
    assert grade_against_claim(False, sig, (0.5, 0.6)) == "decision"
    assert grade_against_claim(False, not_sig, (0.001, 0.002)) == "decision"
    assert grade_against_claim(False, sig, (0.001, 0.002)) == "minor"
    assert grade_against_claim(False, sig, (0.03, 0.07)) == "minor"  # straddles: no reversal shown
    assert grade_against_claim(False, None, (0.5, 0.6)) == "minor"


def test_contingency_judged_against_text_claim():
    # 2/52 vs 10/52: Pearson chi2 = 6.12, p = 0.013; Fisher p = 0.028. A text saying "no difference" is reversed
    # by every variant.
    f = check_contingency([[2, 50], [10, 42]], claim=stated_claim(False, "discussion"))
    assert f.verdict == "decision"


def test_p_from_statistic_explains_the_comparison():
    # t(28) = 1.80 gives two-sided p = 0.083; printed 0.04 is the one-tailed value and reverses the call.
    f = check_p_value("t", "1.80", "0.04", df1=28)
    assert f.verdict == "decision"
    assert "reversed" in f.explanation and "one-tailed" in f.explanation


# --- Rule 2: one printed item, one story --------------------------------------------------------------

def test_item_is_everything_but_the_statistic():
    loc = location("Table 2", "Operative time (min)", "between groups", "at operation", "t")
    assert item_of(loc) == "Table 2 · Operative time (min) · between groups · at operation"


@pytest.mark.parametrize("parts", [("Table 2", "t"), ("Table 2", "", "x"), ("a · b", "c", "d")])
def test_location_refuses_bad_parts(parts):
    with pytest.raises(ValueError):
        location(*parts)


def test_rows_of_one_item_may_not_mix_minor_and_decision():
    frame = ledger(("Table 7 · Leakage · between groups · at operation · chi2", "minor", "off a little"),
                   ("Table 7 · Leakage · between groups · at operation · claim", "decision", "call reversed"))
    assert list(rule_violations(frame)["rule"]) == ["2"]


def test_unchanged_beside_reversed_is_a_contradiction():
    frame = ledger(("Table 7 · Leakage · between groups · at operation · chi2", "concern",
                    "The significance call is unchanged: printed P 0.03 and ..."),
                   ("Table 7 · Leakage · between groups · at operation · claim", "decision", "call reversed"))
    assert "2" in set(rule_violations(frame)["rule"])


def test_distinct_problems_count_items_not_rows():
    frame = ledger(("Table 7 · Leakage · between groups · at operation · chi2", "decision", "reversed."),
                   ("Table 7 · Leakage · between groups · at operation · test choice", "concern", "fragile."),
                   ("Table 2 · Time · between groups · at operation · t", "minor", "off."),
                   ("Table 2 · Time · between groups · at operation · P", "consistent", "fine."),
                   ("Table 1 · Age · between groups · baseline · t", "consistent", "fine."),
                   ("Methods · flow · missing data · counts", "not_checkable", "needs raw data."))
    counts = problem_counts(frame)
    assert counts["decision"] == 1 and counts["concern"] == 0 and counts["minor"] == 1
    assert counts["consistent"] == 1 and counts["not_checkable"] == 1
    items = distinct_problems(frame)
    assert list(items["verdict"])[:2] == ["decision", "minor"]
    assert items.loc[0, "rows"] == 2
    assert counts_sentence(counts) == "1 decision and 1 minor"


# --- Rule 3: a consistent row raises no doubt -----------------------------------------------------------

def test_consistent_row_with_a_doubt_is_flagged():
    frame = ledger(("Methods · sample size · post-hoc power · power", "consistent",
                    "The arithmetic is right, but post-hoc power only restates the p-value."))
    assert list(rule_violations(frame)["rule"]) == ["3"]


def test_consistent_row_without_doubt_passes():
    frame = ledger(("Methods · sample size · post-hoc power · power", "consistent", "The arithmetic is right."))
    assert rule_violations(frame).empty


# --- Rule 1 as a lint, rule 6 --------------------------------------------------------------------------

def test_unchanged_without_anything_compared_is_flagged():
    frame = ledger(("Table 2 · Time · between groups · at operation · t", "minor",
                    "The significance call is unchanged.", "t = 5.627"))
    assert list(rule_violations(frame)["rule"]) == ["1"]


@pytest.mark.parametrize("loc", ["Table 6 · Preoperation · between groups · t",  # 4 parts
                                 "Table 6 · Preoperation · VAS · experimental group · t",  # time where outcome goes
                                 "Abstract · conclusion"])
def test_locations_must_be_self_describing(loc):
    assert list(rule_violations(ledger((loc, "consistent", "fine.")))["rule"]) == ["6"]


# --- Rule 4: an assumption the evidence contradicts cannot carry impossible -----------------------------

def grim_rows(passes, fails):
    make = lambda v, i: Finding("GRIM", f"mean {i}", "x", v, "whole-number scores", "why.", "s",  # noqa: E731
                                f"Table 5 · VAS · group · t{i} · GRIM")
    return [make("consistent", i) for i in range(passes)] + [make("impossible", passes + i) for i in range(fails)]


def test_family_at_chance_becomes_one_conditional_concern():
    # 12 of 22 pass where chance is 52%: binomial P(X >= 12 | 22, 0.52) = 0.42 by hand (scipy.stats.binom.sf(11)).
    rows, family = grade_granularity_family(grim_rows(12, 10), chance=0.52, what="VAS means")
    assert family.verdict == "concern"
    assert {r.verdict for r in rows} == {"not_checkable"}
    assert "conditional" in family.assumption


def test_family_well_above_chance_keeps_its_impossible_rows():
    # 20 of 22 pass where chance is 52%: binomial P(X >= 20) = 2.2e-5, so whole numbers are supported.
    rows, family = grade_granularity_family(grim_rows(20, 2), chance=0.52, what="VAS means")
    assert family is None
    assert [r.verdict for r in rows].count("impossible") == 2
    assert all("supported by the family's pass rate" in r.assumption for r in rows)


def test_family_evidence_matches_binomial_by_hand():
    # P(X >= 3 | n = 3, p = 0.5) = 1/8.
    ev = family_evidence([True, True, True], 0.5)
    assert ev.p_value == pytest.approx(0.125)
    assert not ev.supports_assumption


@pytest.mark.parametrize("args", [([], 0.5), ([True], 0.0), ([True], 1.5)])
def test_family_evidence_refuses_bad_input(args):
    with pytest.raises(ValueError):
        family_evidence(*args)
