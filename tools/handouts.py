"""One-page journal-club handouts, generated from each study's data, ledger and notebook.

Writes _build/html/handouts/<study_id>.html (and a PDF beside it when Chromium is installed) for every
study whose ledger exists. Run after the site build: `python3 tasks.py site` does both.

Each handout: citation, PICO, design, the three most important findings with their numbers (from the ledger,
most serious first, assumption-free findings before granularity checks), and the notebook's discussion
questions (the numbered list under its "For journal club" heading).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import recheck as rc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "html" / "handouts"
NOTEBOOKS = {path.stem[3:]: path for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))}

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.3; max-width: 46em;
       margin: 1.5em auto; color: #222; }
h1 { font-size: 13pt; margin: 0 0 0.2em; } h2 { font-size: 10.5pt; margin: 0.7em 0 0.2em; color: #1b6ca8; }
.citation { color: #555; font-size: 9.5pt; } table { border-collapse: collapse; width: 100%; }
td, th { border-top: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
.verdict { font-weight: bold; } footer { margin-top: 1.2em; font-size: 8.5pt; color: #777; }
@page { size: A4; margin: 10mm; }
@media print { body { max-width: none; margin: 0; } }
"""


def questions(notebook: Path) -> list[str]:
    """The numbered items under the notebook's 'For journal club' heading, without markup."""
    text = notebook.read_text(encoding="utf-8")
    start = text.find("For journal club")
    if start < 0:
        return []
    items: list[str] = []
    for line in text[start:].splitlines()[1:]:
        body = line.removeprefix("#").strip()
        if line.startswith("# %%") or body.startswith("**Exercise") or body.startswith("## "):
            break
        if re.match(r"\d+\.\s", body):
            items.append(re.sub(r"^\d+\.\s*", "", body))
        elif items and body and line.startswith("#    "):
            items[-1] += " " + body
    return [re.sub(r"[*_]", "", item) for item in items]


def row(label: str, value: str) -> str:
    return f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"


def handout(study: str, ledger) -> str:
    meta = json.loads((ROOT / "data" / study / "study.json").read_text(encoding="utf-8"))
    pico = meta.get("pico", {})
    design = [row(k.capitalize(), v) for k, v in pico.items()]
    design += [row("Design", meta["design"]), row("Setting", meta.get("setting", "")),
               row("Period", meta.get("period", "")),
               row("Groups", "; ".join(f"{g['name']}: {g['n']}" for g in meta["groups"]))]
    top = rc.top_findings(ledger[ledger["study"] == study], per_study=3)
    findings = "".join(
        f"<li><span class='verdict'>{html.escape(r.verdict)}</span> · {html.escape(r.location)}<br>"
        f"Reported: {html.escape(r.reported or '—')}. Recomputed: {html.escape(r.recomputed or '—')}.<br>"
        f"{html.escape(r.explanation)} <em>(Assumption: {html.escape(r.assumption)}.)</em></li>"
        for r in top.itertuples())
    asks = "".join(f"<li>{html.escape(q)}</li>" for q in questions(NOTEBOOKS[study]))
    counts = ledger[ledger["study"] == study]["verdict"].value_counts()
    tally = ", ".join(f"{counts[v]} {v}" for v in rc.VERDICTS if v in counts)
    page = NOTEBOOKS[study].stem
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Handout: {html.escape(study)}</title>
<style>{STYLE}</style></head><body>
<h1>Journal club handout: {html.escape(study)}</h1>
<p class="citation">{html.escape(meta["citation"])}</p>
<h2>Question and design</h2><table>{''.join(design)}</table>
<h2>The three most important findings</h2><ol>{findings}</ol>
<p>All checks: {html.escape(tally)}.</p>
<h2>Questions to discuss</h2><ol>{asks}</ol>
<footer>Generated from data/{html.escape(study)}/ and data/findings/{html.escape(study)}.csv.
Full appraisal: <a href="../notebooks/{page}.html">{page}</a> · <a href="../index.html">review home</a></footer>
</body></html>
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def main() -> int:
    ledger, missing = rc.read_ledgers(ROOT / "data" / "findings", NOTEBOOKS)
    OUT.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    for study in NOTEBOOKS:
        if study in missing or not (ROOT / "data" / study / "study.json").exists():
            continue
        path = OUT / f"{study}.html"
        path.write_text(handout(study, ledger), encoding="utf-8")
        if browser:
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run", "--disable-sync", "--no-pdf-header-footer",
                            f"--print-to-pdf={path.with_suffix('.pdf')}", path.as_uri()],
                           check=True, capture_output=True, timeout=120)
    made = sorted(p.name for p in OUT.glob("*.html"))
    print(f"handouts: {', '.join(made)}" + ("" if browser else " (no Chromium: PDFs skipped)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
