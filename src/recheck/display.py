"""How tables look to a reader: no meaningless index, text left-aligned, never wider than the text column.

`use_review_style()` installs `frame_html` as the HTML view of every DataFrame a notebook shows, so the
paper's tables, our recomputations and the ledgers all read the same way on the site and in JupyterLab.
The HTML is deterministic (no generated ids), so nbval can compare it.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

# Text wraps between words (a long word is broken only when it cannot fit on a line at all), so a table shrinks
# to the column without splitting "concern" into "con-cern"; short cells wrap only at spaces ("78.62 ±" / "5.13")
# and numbers never wrap.
TABLE_STYLE = "width: 100%; border-collapse: collapse; font-size: 0.85em; table-layout: auto;"
CELL_STYLE = "text-align: left; vertical-align: top; padding: 2px 6px; overflow-wrap: break-word;"
SHORT_STYLE = "text-align: left; vertical-align: top; padding: 2px 6px; overflow-wrap: normal;"
NUMBER_STYLE = "text-align: right; vertical-align: top; padding: 2px 6px; white-space: nowrap;"
# Cells this short are never broken inside a word (a verdict, a P value, "yes").
SHORT = 14
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
# Traffic-light colours for risk-of-bias judgements, in the spirit of robvis.
JUDGEMENT_COLOURS = {"low": "#8fd18a", "moderate": "#f5e08a", "high": "#e8838a", "unclear": "#d6d6d6"}


def _text(value) -> str:
    """Values as a reader wants them: no float noise, at most four decimals, tiny values as 9.5 × 10⁻⁷, yes/no
    for booleans, "not checkable" for the verdict, missing values blank."""
    if value is None or (isinstance(value, (float, np.floating)) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (float, np.floating)):
        if value != 0 and abs(value) < 1e-3:
            mantissa, exponent = f"{value:.1e}".split("e")
            return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return "not checkable" if value == "not_checkable" else str(value)


def _cell(value, header: bool = False, style: str | None = None) -> str:
    tag = "th" if header else "td"
    number = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
    text = _text(value)
    css = style or (NUMBER_STYLE if number else SHORT_STYLE if len(text) <= SHORT else CELL_STYLE)
    return f'<{tag} style="{css}">{html.escape(text)}</{tag}>'


def _has_meaningful_index(frame: pd.DataFrame) -> bool:
    index = frame.index
    return not (isinstance(index, pd.RangeIndex) and index.name is None)


def frame_html(frame: pd.DataFrame, cell_styles: dict | None = None) -> str:
    """A DataFrame as a plain HTML table: a RangeIndex is dropped, a named index kept as row headers.

    cell_styles maps (row position, column name) to extra CSS for that cell (e.g. a background colour).
    """
    show_index = _has_meaningful_index(frame)
    names = [str(n) if n is not None else "" for n in frame.index.names] if show_index else []
    header = "".join(_cell(n, header=True) for n in names)
    header += "".join(_cell(c if not isinstance(c, tuple) else " · ".join(map(str, c)), header=True)
                      for c in frame.columns)
    body = []
    for pos, (key, row) in enumerate(zip(frame.index, frame.itertuples(index=False, name=None))):
        keys = key if isinstance(key, tuple) else (key,)
        cells = "".join(_cell(k, header=True) for k in keys) if show_index else ""
        for column, value in zip(frame.columns, row):
            extra = (cell_styles or {}).get((pos, column))
            cells += _cell(value, style=(CELL_STYLE + extra) if extra else None)
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="recheck-table" style="{TABLE_STYLE}"><thead><tr>{header}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def install_table_format() -> None:
    """Make frame_html the HTML view of every DataFrame shown in this IPython session (no-op outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)


def rob_table(rob: pd.DataFrame):
    """Risk-of-bias judgements as a traffic-light table: domain, judgement (coloured) and reason."""
    from IPython.display import HTML

    from .summary import risk_level

    shown = rob[["domain", "judgement", "reason"]].reset_index(drop=True)
    styles = {(i, "judgement"): f" background: {JUDGEMENT_COLOURS[risk_level(tool, j)]};"
              for i, (tool, j) in enumerate(zip(rob["tool"], rob["judgement"]))}
    return HTML(frame_html(shown, styles))


def rob_grid(rob: pd.DataFrame, names: dict[str, str] | None = None):
    """Risk-of-bias judgements of several studies as a domain x study grid, traffic-light coloured (robvis-like).

    rob: columns study, tool, domain, judgement (one tool per call reads best). names: study id -> column title.
    Domains keep their first-seen order; a study without a judgement for a domain shows an empty grey cell.
    """
    from IPython.display import HTML

    from .summary import risk_level

    studies = list(dict.fromkeys(rob["study"]))
    grid = rob.pivot_table(index="domain", columns="study", values="judgement", aggfunc="first", sort=False)
    grid = grid.reindex(index=list(dict.fromkeys(rob["domain"])), columns=studies).fillna("")
    tool = dict(zip(rob["study"], rob["tool"]))
    titles = {s: (names or {}).get(s, s) for s in studies}

    def colour(study: str, judgement: str) -> str:
        level = risk_level(tool[study], judgement) if judgement else "unclear"
        return f" background: {JUDGEMENT_COLOURS[level]};"

    styles = {(i, titles[s]): colour(s, grid.iloc[i][s]) for i in range(len(grid)) for s in studies}
    return HTML(frame_html(grid.rename(columns=titles), styles))
