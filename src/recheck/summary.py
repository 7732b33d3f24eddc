"""Verdicts, bottom lines and handout findings generated from a study's ledger (rulebook rule 7).

Nothing here is typed per study except what the paper claims, which `study.json` holds as paraphrases:

    "headline": "what the paper concludes, in one line",
    "claims": [{"where": "Abstract", "claim": "shorter hospital stay",
                "evidence": ["Table 2 · Hospital stay (d)", ...]}, ...]

Each claim's `evidence` lists location prefixes in the ledger; the claim is judged by the most serious
distinct problem among the printed items they cover. Counts are always of distinct problems (printed items),
never of rows. The overall risk-of-bias judgement comes from the study's `_rob.csv`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .findings import SEVERITY, read_ledger
from .synthesis import check_family
from .rules import PROBLEMS, SERIOUS, counts_sentence, distinct_problems, first_sentence, plural, problem_counts


@dataclass(frozen=True)
class ClaimVerdict:
    where: str
    claim: str
    verdict: str
    why: str


@dataclass(frozen=True)
class StudyVerdict:
    """Everything a verdict box, bottom line or handout says, derived from the ledger and the judgements."""

    headline: str
    claims: tuple[ClaimVerdict, ...]
    counts: dict
    items: int
    rows: int
    tool: str
    overall: str
    trust: str
    evidence: tuple[str, ...] = ()


def _covered(ledger: pd.DataFrame, prefixes: list[str], claim: str) -> pd.DataFrame:
    mask = pd.Series(False, index=ledger.index)
    for prefix in prefixes:
        hits = ledger["location"].str.startswith(prefix)
        if not hits.any():
            raise ValueError(f"claim {claim!r}: evidence {prefix!r} matches no ledger location")
        mask |= hits
    return ledger[mask]


def claim_verdicts(ledger: pd.DataFrame, claims: list[dict]) -> list[ClaimVerdict]:
    """Each claim with the verdict of the most serious distinct problem in its evidence, and that problem's why."""
    out = []
    for spec in claims:
        missing = {"where", "claim", "evidence"} - set(spec)
        if missing:
            raise ValueError(f"claim {spec!r} lacks {sorted(missing)}")
        items = distinct_problems(_covered(ledger, list(spec["evidence"]), spec["claim"]))
        lead = items.iloc[0]
        why = first_sentence(lead["explanation"]) if lead["verdict"] in PROBLEMS else ""
        out.append(ClaimVerdict(spec["where"], spec["claim"], lead["verdict"], why))
    return out


def claims_frame(verdicts: list[ClaimVerdict]) -> pd.DataFrame:
    """The claims as a table for a notebook: where, claim, verdict, why."""
    return pd.DataFrame([v.__dict__ for v in verdicts], columns=["where", "claim", "verdict", "why"])


_STARS = re.compile(r"(\d+) of (\d+)")


def risk_level(tool: str, judgement: str) -> str:
    """A judgement on one scale: low, moderate, high or unclear risk of bias (or low quality, for SANRA).

    ROBINS-I: Low -> low, Moderate -> moderate, Serious/Critical -> high. Newcastle-Ottawa items: Star -> low,
    No star -> high. Scores "k of m" (Newcastle-Ottawa out of 9, SANRA out of 12 or an item out of 2): a share
    of at least 3/4 is low, at least 1/2 moderate, below that high. Anything else ("No information") is unclear.
    """
    text = judgement.strip().lower()
    named = {"low": "low", "star": "low", "moderate": "moderate", "serious": "high", "critical": "high",
             "high": "high", "no star": "high"}
    if text in named:
        return named[text]
    match = _STARS.match(text)
    if match:
        share = int(match.group(1)) / int(match.group(2))
        return "low" if share >= 0.75 else "moderate" if share >= 0.5 else "high"
    return "unclear"


# How much to trust a paper's conclusions, from its overall risk of bias and its serious problems (impossible,
# implausible or decision). The first rule that applies gives the level; 00_methods shows this table.
TRUST_RULES = (
    ("very little", "three or more serious problems: the paper prints numbers no data can give, or calls that "
                    "reverse"),
    ("little", "high risk of bias, or one or two serious problems"),
    ("limited", "moderate or unclear risk of bias, and no serious problem"),
    ("reasonable", "low risk of bias and no serious problem"),
)


def trust_in(risk: str, counts: dict) -> str:
    """How much to trust the paper's conclusions, by the first rule of TRUST_RULES that applies."""
    serious = sum(counts.get(v, 0) for v in SERIOUS)
    if serious >= 3:
        return "very little"
    if risk == "high" or serious >= 1:
        return "little"
    if risk in ("moderate", "unclear"):
        return "limited"
    return "reasonable"


def trust_reason(v: "StudyVerdict") -> str:
    """Why the trust level is what it is, in the words of TRUST_RULES, with the study's own numbers."""
    serious = sum(v.counts[s] for s in SERIOUS)
    return (f"{plural(serious, 'serious problem')} (impossible, implausible or decision) and an overall risk of "
            f"bias judged {v.overall.lower()} ({v.tool})")


def study_verdict(meta: dict, ledger: pd.DataFrame, rob: pd.DataFrame) -> StudyVerdict:
    """Derive a study's verdict from its study.json, its ledger and its risk-of-bias judgements."""
    for key in ("headline", "claims"):
        if key not in meta:
            raise ValueError(f"study.json of {meta.get('study_id')!r} lacks {key!r}")
    overall = rob[rob["domain"] == "Overall"]
    if len(overall) != 1:
        raise ValueError(f"risk-of-bias judgements of {meta.get('study_id')!r} need exactly one 'Overall' row")
    tool, judgement = overall.iloc[0]["tool"], overall.iloc[0]["judgement"]
    counts = problem_counts(ledger)
    evidence = tuple(dict.fromkeys(prefix for c in meta["claims"] for prefix in c["evidence"]))
    return StudyVerdict(meta["headline"], tuple(claim_verdicts(ledger, meta["claims"])), counts,
                        len(distinct_problems(ledger)), len(ledger), tool, judgement,
                        trust_in(risk_level(tool, judgement), counts), evidence)


def _claim_list(claims) -> str:
    return "; ".join(f"{c.claim} ({c.where.lower()})" for c in claims)


# A claim survives when the paper's own numbers reproduce it, or miss only by a margin that changes no
# conclusion (minor); it fails on a concern, a reversed call or numbers no data can give.
SURVIVES = ("consistent", "minor")


def verdict_markdown(v: StudyVerdict, reasons: bool = True) -> str:
    """The verdict box: how much to trust it, what the paper claims, what survives, what does not, what cannot be
    checked, and the distinct problems.

    reasons=False leaves out why each failed claim fails (for a one-page handout, which lists the findings).
    """
    held = [c for c in v.claims if c.verdict in SURVIVES]
    failed = sorted((c for c in v.claims if c.verdict in PROBLEMS and c.verdict not in SURVIVES),
                    key=lambda c: -SEVERITY[c.verdict])
    open_ = [c for c in v.claims if c.verdict == "not_checkable"]
    lines = [f"- **How much to trust it**: {v.trust}, from {trust_reason(v)}.",
             f"- **The paper claims**: {v.headline}",
             f"- **What survives** ({len(held)} of {len(v.claims)} claims, reproduced from the paper's own numbers): "
             + (_claim_list(held) if held else "none") + ".",
             f"- **What does not** ({len(failed)} of {len(v.claims)})" + (":" if failed else ": nothing.")]
    lines += [f"  - {c.claim} ({c.where.lower()}): **{c.verdict}**." + (f" {c.why}" if reasons else "")
              for c in failed]
    if open_:
        lines.append(f"- **Cannot be checked from what is printed** ({len(open_)}): {_claim_list(open_)}.")
    lines.append(f"- **Distinct problems**: {counts_sentence(v.counts)}, among {v.items} printed items checked.")
    return "\n".join(lines)


def top_problems(ledger: pd.DataFrame, k: int = 5, evidence: tuple[str, ...] = ()) -> pd.DataFrame:
    """The k most serious distinct problems (items), with the first sentence of the leading row's why.

    Most serious first. Within one grade, items that bear on the paper's claims (their location starts with one
    of the claims' evidence prefixes) come first, and the first item of each kind of check comes before a second
    of the same kind, so five failed percentages never crowd out a different problem of the same grade.
    Columns: item, verdict, check, why.
    """
    items = distinct_problems(ledger)
    items = items[items["verdict"].isin(PROBLEMS)]
    off_claims = ~items["location"].map(lambda loc: any(loc.startswith(p) for p in evidence)) if evidence else False
    repeat = items.assign(family=items["check"].map(check_family)).duplicated(["verdict", "family"])
    chosen = items.assign(rank=items["verdict"].map(lambda v: -SEVERITY[v]), off=off_claims, repeat=repeat)
    chosen = chosen.sort_values(["rank", "off", "repeat"], kind="stable").head(k)
    return chosen.assign(why=chosen["explanation"].map(first_sentence))[["item", "verdict", "check", "why"]]


def bottom_line_markdown(v: StudyVerdict, ledger: pd.DataFrame, k: int = 5) -> str:
    """A recap of the verdict (trust, claims kept, distinct problems), then the k most serious problems in plain
    words, each with where it is."""
    held = sum(c.verdict in SURVIVES for c in v.claims)
    top = top_problems(ledger, k, v.evidence)
    listed = "\n".join(f"{i}. **{r.verdict}** ({r.item}): {r.why}" for i, r in enumerate(top.itertuples(), 1))
    recap = (f"**How much to trust it**: {v.trust}. {held} of {len(v.claims)} of the paper's claims survive; "
             f"distinct problems: {counts_sentence(v.counts)}, among {v.items} printed items checked.")
    return recap + (f"\n\nThe {len(top)} most serious:\n\n{listed}" if len(top) else "")


def load_verdict(data: str | Path, study: str) -> tuple[StudyVerdict, pd.DataFrame]:
    """The verdict and ledger of a study from its committed files: data/<study>/study.json,
    data/findings/<study>.csv and data/findings/<study>_rob.csv."""
    data = Path(data)
    meta = json.loads((data / study / "study.json").read_text(encoding="utf-8"))
    ledger = read_ledger(data / "findings" / f"{study}.csv")
    rob = pd.read_csv(data / "findings" / f"{study}_rob.csv", dtype=str, keep_default_na=False)
    return study_verdict(meta, ledger, rob), ledger
