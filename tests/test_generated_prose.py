"""Prose follows the ledger (rule 1f): each study notebook's verdict box and bottom line are exactly what the
committed ledger, judgements and study.json generate, and every ledger follows the grading rules."""
import json
import re
from pathlib import Path

import pytest

import recheck as rc

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
STUDIES = {p.stem[3:]: p for p in sorted((ROOT / "notebooks").glob("0[1-5]_*.ipynb"))}


def tagged_html(notebook: Path, tag: str) -> str:
    cells = [c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
             if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{notebook.name}: expected one cell tagged {tag!r}, found {len(cells)}"
    html = [o["data"]["text/html"] for o in cells[0].get("outputs", []) if "text/html" in o.get("data", {})]
    assert len(html) == 1, f"{notebook.name}: the {tag!r} cell must show one HTML output"
    return "".join(html[0])


@pytest.mark.parametrize("study", STUDIES)
def test_verdict_box_is_generated_from_the_ledger(study):
    verdict, _ = rc.load_verdict(DATA, study)
    assert tagged_html(STUDIES[study], "verdict") == rc.boxed(rc.verdict_markdown(verdict), "Verdict").data


@pytest.mark.parametrize("study", STUDIES)
def test_bottom_line_is_generated_from_the_ledger(study):
    verdict, ledger = rc.load_verdict(DATA, study)
    assert tagged_html(STUDIES[study], "bottom-line") == rc.say(rc.bottom_line_markdown(verdict, ledger)).data


@pytest.mark.parametrize("study", STUDIES)
def test_ledger_follows_the_grading_rules(study):
    violations = rc.rule_violations(rc.read_ledger(DATA / "findings" / f"{study}.csv"))
    assert violations.empty, violations.to_string()


_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


@pytest.mark.parametrize("study", STUDIES)
def test_reported_holds_only_printed_numbers(study):
    """Every decimal in a ledger's `reported` column is a number extracted from the paper (rule 1e)."""
    printed = set()
    for path in (DATA / study).iterdir():
        printed |= set(_DECIMAL.findall(path.read_text(encoding="utf-8")))
    ledger = rc.read_ledger(DATA / "findings" / f"{study}.csv")
    unprinted = [(r.location, n) for r in ledger.itertuples() for n in _DECIMAL.findall(r.reported)
                 if n not in printed]
    assert not unprinted, f"numbers in `reported` that the paper does not print: {unprinted[:5]}"
