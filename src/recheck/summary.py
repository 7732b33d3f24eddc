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
from .rules import PROBLEMS, SERIOUS, counts_sentence, distinct_problems, first_sentence, problem_counts


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


def trust_in(risk: str, counts: dict) -> str:
    """How much to trust the paper's conclusions, by a fixed rule.

    little: high risk of bias, or three or more serious problems (impossible, implausible or decision);
    limited: moderate or unclear risk of bias, or at least one serious problem;
    reasonable: otherwise.
    """
    serious = sum(counts.get(v, 0) for v in SERIOUS)
    if risk == "high" or serious >= 3:
        return "little"
    if risk in ("moderate", "unclear") or serious >= 1:
        return "limited"
    return "reasonable"


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
    return StudyVerdict(meta["headline"], tuple(claim_verdicts(ledger, meta["claims"])), counts,
                        len(distinct_problems(ledger)), len(ledger), tool, judgement,
                        trust_in(risk_level(tool, judgement), counts))


def _claim_list(claims) -> str:
    return "; ".join(f"{c.claim} ({c.where.lower()})" for c in claims)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def verdict_markdown(v: StudyVerdict, reasons: bool = True) -> str:
    """The verdict box: claim, what survives, what does not, distinct problems, trust.

    reasons=False leaves out why each failed claim fails (for a one-page handout, which lists the findings).
    """
    held = [c for c in v.claims if c.verdict in ("consistent", "not_checkable")]
    failed = sorted((c for c in v.claims if c.verdict in PROBLEMS), key=lambda c: -SEVERITY[c.verdict])
    serious = sum(v.counts[s] for s in SERIOUS)
    lines = [f"- **The paper claims**: {v.headline}"]
    lines.append(f"- **What survives** ({len(held)} of {len(v.claims)} claims): "
                 + (_claim_list(held) if held else "none of the claims checked") + ".")
    lines.append(f"- **What does not** ({len(failed)} of {len(v.claims)})" + (":" if failed else ": nothing."))
    lines += [f"  - {c.claim} ({c.where.lower()}): **{c.verdict}**." + (f" {c.why}" if reasons else "")
              for c in failed]
    lines.append(f"- **Distinct problems**: {counts_sentence(v.counts)}, among {v.items} printed items checked in "
                 f"{v.rows} ledger rows ({v.counts['not_checkable']} items not checkable).")
    lines.append(f"- **How much to trust it**: {v.trust}. Overall risk of bias {v.overall.lower()} ({v.tool}); "
                 f"{_plural(serious, 'serious problem')} (impossible, implausible or decision).")
    return "\n".join(lines)


def top_problems(ledger: pd.DataFrame, k: int = 5) -> pd.DataFrame:
    """The k most serious distinct problems (items), with the first sentence of the leading row's why.

    A handful should show different kinds of problem: the most serious item of each family of checks comes
    first (in order of severity), then the remaining items, so five failed percentages never crowd out a
    reversed significance call.
    """
    items = distinct_problems(ledger)
    items = items[items["verdict"].isin(PROBLEMS)]
    leads = ~items["check"].map(check_family).duplicated()
    chosen = pd.concat([items[leads], items[~leads]]).head(k)
    chosen = chosen.assign(rank=chosen["verdict"].map(lambda v: -SEVERITY[v])).sort_values("rank", kind="stable")
    return chosen.assign(why=chosen["explanation"].map(first_sentence))[["item", "verdict", "check", "why"]]


def bottom_line_markdown(v: StudyVerdict, ledger: pd.DataFrame, k: int = 5) -> str:
    """The verdict, then the k most serious distinct problems in plain words."""
    top = top_problems(ledger, k)
    listed = "\n".join(f"{i}. **{r.verdict}** · {r.item}: {r.why}" for i, r in enumerate(top.itertuples(), 1))
    return verdict_markdown(v) + (f"\n\nThe {len(top)} most serious distinct problems:\n\n{listed}" if len(top) else "")


def load_verdict(data: str | Path, study: str) -> tuple[StudyVerdict, pd.DataFrame]:
    """The verdict and ledger of a study from its committed files: data/<study>/study.json,
    data/findings/<study>.csv and data/findings/<study>_rob.csv."""
    data = Path(data)
    meta = json.loads((data / study / "study.json").read_text(encoding="utf-8"))
    ledger = read_ledger(data / "findings" / f"{study}.csv")
    rob = pd.read_csv(data / "findings" / f"{study}_rob.csv", dtype=str, keep_default_na=False)
    return study_verdict(meta, ledger, rob), ledger
