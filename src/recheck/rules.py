"""The rulebook's grading rules as code: locations, printed items, distinct problems, and ledger lints.

A ledger row's **location** has a grammar (rulebook rule 6): its parts are joined by " · " and the last part names
the statistic or aspect checked, everything before it the **printed item**:

    Table 2 · Operative time (min) · between groups · at operation · t
    └──────────────────── printed item ───────────────────────┘   statistic

Rows from a paper's tables name all five parts: table · outcome · group · time · statistic. Rows from its
text name at least three: part · subject · aspect ("Methods · follow-up · text against text").

Rows that share an item tell **one story** (rulebook rule 2): they never mix "the call is unchanged" with "the call
is reversed". Headline counts count **distinct problems**: items, each graded by its most serious row,
never rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import pandas as pd
from scipy import stats

from .findings import SEVERITY, VERDICTS, Finding

SEP = " · "
PROBLEMS = ("minor", "concern", "decision", "implausible", "impossible")
SERIOUS = ("decision", "implausible", "impossible")
_TIME = re.compile(r"^(pre-?op(eration|erative)?|post-?op(eration|erative)?|baseline|last follow-?up|"
                   r"\d+ ?(h|d|days?|weeks?|months?)( after operation| post-?op(erative)?)?)$", re.I)
# Words that put a doubt into a row; a consistent row must not carry one (rulebook rule 3).
_DOUBT = re.compile(r"\b(but|however|cannot show|only restates|far below|too small to matter|misleads?|"
                    r"misleading|doubtful|questionable)\b", re.I)
_UNCHANGED = re.compile(r"call (?:is )?unchanged", re.I)
_CLAIMED = re.compile(r"\bP\b|\bsays\b|\bclaim", re.I)


def location(*parts: str) -> str:
    """Join location parts; a part may not contain the separator or be blank."""
    clean = [str(p).strip() for p in parts]
    for p in clean:
        if not p or SEP.strip() in p:
            raise ValueError(f"location part {p!r} is blank or contains '·': parts are {clean}")
    if len(clean) < 3:
        raise ValueError(f"a location needs at least three parts (item parts, then the statistic): {clean}")
    return SEP.join(clean)


def item_of(loc: str) -> str:
    """The printed item a location is about: every part but the last."""
    return loc.rsplit(SEP, 1)[0] if SEP in loc else loc


def _item_verdict(verdicts: Sequence[str]) -> str:
    problems = [v for v in verdicts if v in PROBLEMS]
    if problems:
        return max(problems, key=lambda v: SEVERITY[v])
    return "not_checkable" if "not_checkable" in verdicts and "consistent" not in verdicts else "consistent"


def distinct_problems(ledger: pd.DataFrame) -> pd.DataFrame:
    """One row per printed item: its verdict (the most serious of its rows), row count and the leading row.

    Columns: item, verdict, rows, location, check, explanation (of the row that sets the verdict). An item
    whose rows are all not_checkable is not_checkable; one with any consistent row and no problem is consistent.
    Sorted by severity (most serious first), then item.
    """
    if ledger.empty:
        return pd.DataFrame(columns=["item", "verdict", "rows", "location", "check", "explanation"])
    frame = ledger.assign(item=ledger["location"].map(item_of))
    records = []
    for item, rows in frame.groupby("item", sort=True):
        verdict = _item_verdict(list(rows["verdict"]))
        lead = rows[rows["verdict"] == verdict].iloc[0]
        records.append({"item": item, "verdict": verdict, "rows": len(rows), "location": lead["location"],
                        "check": lead["check"], "explanation": lead["explanation"]})
    out = pd.DataFrame(records)
    out["rank"] = out["verdict"].map(lambda v: -SEVERITY[v] if v in PROBLEMS else 1)
    return out.sort_values(["rank", "item"], kind="stable").drop(columns="rank").reset_index(drop=True)


def problem_counts(ledger: pd.DataFrame) -> dict[str, int]:
    """Distinct printed items by verdict, every verdict present (in VERDICTS order)."""
    items = distinct_problems(ledger)
    return {v: int((items["verdict"] == v).sum()) for v in VERDICTS}


def plural(count: int, word: str) -> str:
    """'1 serious problem', '3 serious problems'."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def counts_sentence(counts: dict[str, int]) -> str:
    """'3 impossible, 1 decision, 5 concern and 2 minor' (most serious first; zero counts left out)."""
    order = ("impossible", "implausible", "decision", "concern", "minor")
    parts = [f"{counts[v]} {v}" for v in order if counts.get(v)]
    if not parts:
        return "none"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def first_sentence(text: str) -> str:
    """The first sentence of an explanation (up to the first full stop followed by a space or the end)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def rule_violations(ledger: pd.DataFrame) -> pd.DataFrame:
    """Rows that break a grading rule, with the rule and why. Empty when the ledger follows the rulebook.

    The rule column numbers the rulebook's grading rules (../shared/notes/rulebook.md §2, and 00_methods):
    1  a row says the significance call is unchanged without a printed P or a stated claim to compare;
    2  one printed item mixes 'minor' and 'decision', or says 'unchanged' beside a reversed call;
    3  a consistent row whose explanation raises a doubt (it needs its own concern row);
    6  a location without the statistic part, or a table row without table · outcome · group · time ·
        statistic (or with a time where the outcome belongs).
    """
    out = []
    for row in ledger.itertuples():
        parts = row.location.split(SEP)
        if _UNCHANGED.search(row.explanation) and not _CLAIMED.search(row.reported):
            out.append(("1", row.location, "says the call is unchanged but nothing it compared is reported"))
        if row.verdict == "consistent" and _DOUBT.search(row.explanation):
            out.append(("3", row.location, f"consistent row raises a doubt: {_DOUBT.search(row.explanation)[0]!r}"))
        if len(parts) < 3:
            out.append(("6", row.location, "a location needs item parts and a statistic part (3 or more)"))
        elif parts[0].startswith("Table ") and len(parts) != 5:
            out.append(("6", row.location, f"a table row names table · outcome · group · time · statistic, "
                                            f"found {len(parts)} parts"))
        elif parts[0].startswith("Table ") and _TIME.match(parts[1].strip()):
            out.append(("6", row.location, "the second part is a time; it must name the outcome"))
    frame = ledger.assign(item=ledger["location"].map(item_of))
    for item, rows in frame.groupby("item", sort=True):
        verdicts = set(rows["verdict"])
        if {"minor", "decision"} <= verdicts:
            out.append(("2", item, "one printed item is graded both minor and decision"))
        if "decision" in verdicts and rows["explanation"].str.contains(_UNCHANGED).any():
            out.append(("2", item, "one row says the call is unchanged, another that it is reversed"))
    return pd.DataFrame(out, columns=["rule", "where", "problem"])


@dataclass(frozen=True)
class FamilyEvidence:
    """How a family of granularity checks bears on its own assumption.

    passed of tested values pass; chance is the pass rate real-valued data would give; p_value is the
    one-sided binomial probability of passing this often by chance. supports_assumption is True when the
    pass rate is clearly above chance (p_value < level), so failures are evidence of impossible values.
    """

    tested: int
    passed: int
    chance: float
    p_value: float
    supports_assumption: bool

    def sentence(self) -> str:
        return (f"{self.passed} of {self.tested} values pass; values that are not whole-number means would pass "
                f"{self.chance:.0%} of the time (one-sided binomial P = {self.p_value:.3g})")


def family_evidence(passes: Sequence[bool], chance: float, level: float = 0.05) -> FamilyEvidence:
    """Does a family's pass rate support the whole-number assumption it rests on (rulebook rule 4)?"""
    tested, passed = len(passes), int(sum(bool(p) for p in passes))
    if tested == 0:
        raise ValueError("passes is empty: a family needs at least one tested value")
    if not 0 < chance <= 1:
        raise ValueError(f"chance = {chance!r}: must lie in (0, 1]")
    p_value = 1.0 if chance >= 1 else float(stats.binomtest(passed, tested, chance, alternative="greater").pvalue)
    return FamilyEvidence(tested, passed, chance, p_value, chance < 1 and p_value < level)


def grade_granularity_family(findings: Sequence[Finding], chance: float, what: str,
                             level: float = 0.05) -> tuple[list[Finding], Finding | None]:
    """Grade a family of GRIM-type findings on the evidence its own pass rate gives (rulebook rule 4).

    When the pass rate is no better than chance, the whole-number assumption is contradicted: every row
    becomes not_checkable (the check cannot be applied) and one conditional `concern` summarises the family.
    When the pass rate clearly beats chance, each row keeps its verdict and its assumption gains the evidence;
    no family row is added. Returns (rows, family row or None).
    """
    evidence = family_evidence([f.verdict == "consistent" for f in findings], chance, level)
    failing = [f.reported for f in findings if f.verdict != "consistent"]
    if evidence.supports_assumption or not failing:
        note = f"; supported by the family's pass rate ({evidence.sentence()})"
        return [Finding(f.check, f.reported, f.recomputed, f.verdict, f.assumption + note, f.explanation,
                        f.study, f.location) for f in findings], None
    rows = [Finding(f.check, f.reported, f.recomputed, "not_checkable",
                    f.assumption + "; contradicted by the family's own pass rate",
                    f"Not applied, because the family's own pass rate contradicts the whole-number assumption: "
                    f"{evidence.sentence()}. The recording unit or the raw scores would be needed.",
                    f.study, f.location) for f in findings]
    family = Finding(
        f"granularity family: {what}", "; ".join(failing),
        f"{evidence.passed} of {evidence.tested} pass; chance {evidence.chance:.0%}; "
        f"binomial P = {evidence.p_value:.3g}",
        "concern", f"conditional: only if the {what} are whole-number data",
        f"The {what} pass the whole-number test no more often than chance: {evidence.sentence()}. So either "
        f"they were not recorded as whole numbers (the paper does not say), or {len(failing)} printed values "
        "cannot come from the stated samples; the printed numbers cannot tell which.")
    return rows, family
