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
