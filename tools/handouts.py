"""One-page journal-club handouts, generated from each study's study.json, ledger, judgements and notebook.

Writes _build/html/handouts/<study_id>.html and, when Chromium is installed, <study_id>.pdf beside it. Run after
the site build: `python3 tasks.py site` does both.

Each handout: the paper's short title and citation, the generated verdict, the most serious distinct findings
in plain words (first sentences of the ledger's explanations), and the notebook's discussion questions (the
numbered list under its "For journal club" heading, written to stand on their own). Every link is relative.
The PDF is printed from a copy without hyperlinks, so it carries no machine-specific file:// addresses.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import sys
from pathlib import Path

from markdown_it import MarkdownIt

import recheck as rc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "html" / "handouts"
NOTEBOOKS = {path.stem[3:]: path for path in sorted((ROOT / "notebooks").glob("0[1-5]_*.py"))}
FINDINGS = 5
MD = MarkdownIt("commonmark")

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.3; max-width: 46em;
       margin: 1.5em auto; color: #222; }
h1 { font-size: 13pt; margin: 0 0 0.2em; } h2 { font-size: 10.5pt; margin: 0.6em 0 0.2em; color: #1b6ca8; }
.citation { color: #555; font-size: 8.5pt; margin: 0 0 0.4em; } ul, ol { margin: 0.2em 0; padding-left: 1.4em; }
li { margin: 0.1em 0; } p { margin: 0.3em 0; } .verdict { font-weight: bold; }
footer { margin-top: 0.8em; font-size: 8pt; color: #777; }
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
    return [re.sub(r"[*_`]", "", item) for item in items]


def handout(study: str, links: bool) -> str:
    meta = json.loads((ROOT / "data" / study / "study.json").read_text(encoding="utf-8"))
    verdict, ledger = rc.load_verdict(ROOT / "data", study)
    top = rc.top_problems(ledger, FINDINGS)
    findings = "".join(f"<li><span class='verdict'>{html.escape(r.verdict)}</span>: {html.escape(r.why)}</li>"
                       for r in top.itertuples())
    asks = "".join(f"<li>{html.escape(q)}</li>" for q in questions(NOTEBOOKS[study]))
    page = NOTEBOOKS[study].stem

    def link(href: str, text: str) -> str:
        return f'<a href="{href}">{html.escape(text)}</a>' if links else html.escape(text)

    pdf = f" · {link(f'{study}.pdf', 'this page as PDF')}" if links else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Handout: {html.escape(meta['short_title'])}</title>
<style>{STYLE}</style></head><body>
<h1>{html.escape(meta['short_title'])}</h1>
<p class="citation">{html.escape(meta["citation"])}</p>
<h2>Verdict</h2>{MD.render(rc.verdict_markdown(verdict, reasons=False))}
<h2>What we found, in plain words</h2><ol>{findings}</ol>
<h2>Questions to discuss</h2><ol>{asks}</ol>
<footer>Generated from the review's findings ledger for this study. Full appraisal:
{link(f'../notebooks/{page}.html', f'notebooks/{page}')} · {link('../index.html', 'review home')}{pdf}</footer>
</body></html>
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdfs(browser: str, jobs: list[tuple[Path, Path]]) -> None:
    """Print each (HTML, PDF) pair with one headless Chromium (Playwright drives the system's Chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=browser, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        page = chromium.new_page()
        for source, target in jobs:
            page.goto(source.as_uri(), wait_until="load")
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
        chromium.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    printables = []
    for study in NOTEBOOKS:
        (OUT / f"{study}.html").write_text(handout(study, links=True), encoding="utf-8")
        if browser:
            printable = OUT / f".{study}.print.html"
            printable.write_text(handout(study, links=False), encoding="utf-8")
            printables.append((printable, OUT / f"{study}.pdf"))
    if printables:
        print_pdfs(browser, printables)
    for printable, _ in printables:
        printable.unlink()
    made = sorted(p.name for p in OUT.glob("*.html"))
    print(f"handouts: {', '.join(made)}" + ("" if browser else " (no Chromium: PDFs skipped)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
