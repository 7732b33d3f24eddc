"""Verdicts and bottom lines are generated from the ledger: worked cases, and cases that must fail."""
import pandas as pd
import pytest

from recheck import (
    COLUMNS, bottom_line_markdown, claim_verdicts, risk_level, study_verdict, top_problems, trust_in, verdict_markdown,
)


def ledger():
    rows = [
        ("Table 2 · Time · between groups · at operation · t", "minor", "The t is off. More words."),
        ("Table 2 · Time · between groups · at operation · P", "consistent", "Fine."),
        ("Table 3 · Success · control group · 6 months · bound", "impossible", "No data give 25 failures. Why."),
        ("Table 1 · Age · between groups · baseline · t", "consistent", "Fine."),
        ("Methods · follow-up · missing data · counts", "concern", "Ten patients were dropped."),
    ]
    return pd.DataFrame([dict(study="s", location=l, check="c", reported="r", recomputed="x", verdict=v,
                              assumption="a", explanation=e) for l, v, e in rows], columns=list(COLUMNS))


ROB = pd.DataFrame({"study": "s", "tool": "ROBINS-I", "domain": ["Confounding", "Overall"],
                    "judgement": ["Serious", "Moderate"], "reason": ["x", "y"]})
META = {"study_id": "s", "headline": "the technique works",
        "claims": [{"where": "Abstract", "claim": "no baseline difference", "evidence": ["Table 1"]},
                   {"where": "Abstract", "claim": "higher success", "evidence": ["Table 3"]},
                   {"where": "Results", "claim": "shorter operations", "evidence": ["Table 2 · Time"]}]}


def test_claims_take_the_worst_item_of_their_evidence():
    verdicts = {c.claim: c for c in claim_verdicts(ledger(), META["claims"])}
    assert verdicts["no baseline difference"].verdict == "consistent"
    assert verdicts["higher success"].verdict == "impossible"
    assert verdicts["higher success"].why == "No data give 25 failures."
    assert verdicts["shorter operations"].verdict == "minor"


def test_claim_whose_evidence_matches_nothing_is_refused():
    with pytest.raises(ValueError, match="Table 9"):
        claim_verdicts(ledger(), [{"where": "Abstract", "claim": "x", "evidence": ["Table 9"]}])


def test_verdict_counts_distinct_items_and_states_trust():
    v = study_verdict(META, ledger(), ROB)
    assert v.counts["impossible"] == 1 and v.counts["minor"] == 1 and v.counts["concern"] == 1
    assert v.items == 4 and v.rows == 5
    text = verdict_markdown(v)
    # Trust comes first, with its reason: one serious problem gives "little" (TRUST_RULES).
    assert text.startswith("- **How much to trust it**: little, from 1 serious problem (impossible, implausible "
                           "or decision) and an overall risk of bias judged moderate (ROBINS-I).")
    assert "1 impossible, 1 concern and 1 minor, among 4 printed items checked." in text
    # A minor claim survives: the scale says no conclusion changes.
    assert "**What survives** (2 of 3 claims, reproduced from the paper's own numbers): no baseline difference " \
           "(abstract); shorter operations (results)." in text
    assert "  - higher success (abstract): **impossible**. No data give 25 failures." in text
    assert "  - higher success (abstract): **impossible**.\n" in verdict_markdown(v, reasons=False)


def test_bottom_line_recaps_and_lists_the_most_serious_items_first():
    top = top_problems(ledger(), 2)
    assert list(top["verdict"]) == ["impossible", "concern"]
    text = bottom_line_markdown(study_verdict(META, ledger(), ROB), ledger(), 2)
    assert text.startswith("**How much to trust it**: little. 2 of 3 of the paper's claims survive;")
    assert "1. **impossible** (Table 3 · Success · control group · 6 months): No data give 25 failures." in text


@pytest.mark.parametrize("tool, judgement, level", [
    ("ROBINS-I", "Serious", "high"), ("ROBINS-I", "Low", "low"), ("Newcastle-Ottawa", "4 of 9 stars", "high"),
    ("Newcastle-Ottawa", "7 of 9 stars", "low"), ("Newcastle-Ottawa", "5 of 9 stars", "moderate"),
    ("SANRA", "3 of 12", "high"), ("SANRA", "1 of 2", "moderate"), ("Newcastle-Ottawa", "Star", "low"),
    ("Newcastle-Ottawa", "No star", "high"), ("Newcastle-Ottawa", "No information", "unclear")])
def test_risk_levels(tool, judgement, level):
    assert risk_level(tool, judgement) == level


def test_trust_rule():
    none = {"impossible": 0, "implausible": 0, "decision": 0}
    assert trust_in("low", none) == "reasonable"
    assert trust_in("moderate", none) == "limited"
    assert trust_in("unclear", none) == "limited"
    assert trust_in("low", {**none, "decision": 1}) == "little"
    assert trust_in("high", none) == "little"
    assert trust_in("low", {**none, "impossible": 3}) == "very little"
    assert trust_in("high", {**none, "impossible": 2, "decision": 1}) == "very little"


def test_study_verdict_needs_claims_and_one_overall():
    with pytest.raises(ValueError, match="headline"):
        study_verdict({"study_id": "s"}, ledger(), ROB)
    with pytest.raises(ValueError, match="Overall"):
        study_verdict(META, ledger(), ROB[ROB["domain"] != "Overall"])


def test_top_problems_most_serious_first_and_different_kinds_within_a_grade():
    rows = [(f"Table 1 · Row {i} · group · baseline · percent", "impossible", f"Percent {i} is off.") for i in range(6)]
    rows += [("Table 2 · Time · between groups · at operation · t", "impossible", "The t cannot be."),
             ("Table 2 · Stay · between groups · at operation · t", "decision", "The call is reversed.")]
    frame = pd.DataFrame([dict(study="s", location=l, check="percent from count" if "percent" in l else
                               "two-sample t (Student/Welch)", reported="r", recomputed="x", verdict=v,
                               assumption="a", explanation=e) for l, v, e in rows], columns=list(COLUMNS))
    top = top_problems(frame, 3)
    # All impossible items come before the decision; among them the t comes second, before repeated percents.
    assert list(top["verdict"]) == ["impossible", "impossible", "impossible"]
    assert list(top["why"])[:2] == ["Percent 0 is off.", "The t cannot be."]


def test_top_problems_put_problems_behind_claims_first_within_a_grade():
    rows = [("Table 1 · Pain · between groups · baseline · P", "impossible", "A P for a constant."),
            ("Table 3 · Success · control group · 6 months · bound", "impossible", "No data give 25 failures.")]
    frame = pd.DataFrame([dict(study="s", location=l, check="c", reported="r", recomputed="x", verdict=v,
                               assumption="a", explanation=e) for l, v, e in rows], columns=list(COLUMNS))
    assert list(top_problems(frame, 1)["why"]) == ["A P for a constant."]
    assert list(top_problems(frame, 1, evidence=("Table 3",))["why"]) == ["No data give 25 failures."]
