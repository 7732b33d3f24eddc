"""Result sentences for notebooks, rendered from computed values.

`say` turns Markdown into an HTML display object: readers see formatted prose, and nbval compares the HTML,
so a changed number in a sentence fails the test just like a changed number in a table.
"""
from __future__ import annotations

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable("table")


def say(markdown: str):
    from IPython.display import HTML

    return HTML(_MD.render(markdown))


def boxed(markdown: str, title: str):
    """Markdown rendered inside a titled box (an admonition on the site, a bordered block in JupyterLab)."""
    from IPython.display import HTML

    return HTML(f'<div class="admonition verdict-box" style="border-left: 4px solid #b33f62; padding: 0.4em 0.9em;">'
                f'<p class="admonition-title"><strong>{title}</strong></p>{_MD.render(markdown)}</div>')
