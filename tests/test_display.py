"""Tables as readers see them: known renderings, and laws that hold for any frame."""
import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from recheck import frame_html


def test_range_index_is_dropped_and_named_index_kept():
    plain = frame_html(pd.DataFrame({"a": [1], "b": ["x"]}))
    assert plain.count("<th ") == 2 and ">0<" not in plain
    named = frame_html(pd.DataFrame({"a": [1]}, index=pd.Index(["row one"], name="item")))
    assert ">item</th>" in named and ">row one</th>" in named


def test_numbers_are_right_aligned_text_left_and_values_read_as_words():
    out = frame_html(pd.DataFrame({"n": [52], "x": [0.1 + 0.2], "tiny": [0.00000095], "gap": [np.nan], "t": ["a"],
                                   "ok": [True], "verdict": ["not_checkable"],
                                   "why": ["a sentence long enough to wrap between its words"]}))
    assert 'text-align: right; vertical-align: top; padding: 2px 6px; white-space: nowrap;">52<' in out
    assert ">0.3<" in out and ">9.5 × 10⁻⁷<" in out and "nan" not in out
    assert ">yes<" in out and ">not checkable<" in out
    # Short text wraps only at spaces; long text wraps between words, breaking a word only if it cannot fit.
    assert 'overflow-wrap: normal;">a<' in out
    assert 'overflow-wrap: break-word;">a sentence long enough' in out and "anywhere" not in out


def test_text_is_escaped():
    assert "&lt;b&gt;" in frame_html(pd.DataFrame({"a": ["<b>"]}))


@given(st.lists(st.text(max_size=20), min_size=1, max_size=8))
def test_every_cell_appears_once_per_row(values):
    out = frame_html(pd.DataFrame({"v": values}))
    assert out.count("<tr>") == len(values) + 1
    assert out.startswith('<table class="recheck-table" style="width: 100%;')


def test_rob_table_and_grid_colour_by_risk_level():
    from recheck import rob_grid, rob_table
    from recheck.display import JUDGEMENT_COLOURS

    rob = pd.DataFrame({"study": ["a", "a", "b", "b"], "tool": "ROBINS-I",
                        "domain": ["Confounding", "Overall", "Confounding", "Overall"],
                        "judgement": ["Serious", "Serious", "Low", "Moderate"], "reason": ["r1", "r2", "r3", "r4"]})
    table = rob_table(rob[rob["study"] == "a"]).data
    assert table.count(JUDGEMENT_COLOURS["high"]) == 2 and ">r1<" in table
    grid = rob_grid(rob, {"a": "Study A"}).data
    assert ">Study A</th>" in grid and ">b</th>" in grid
    assert grid.count(JUDGEMENT_COLOURS["low"]) == 1 and grid.count(JUDGEMENT_COLOURS["moderate"]) == 1
    # Rows follow the domains' first-seen order.
    assert grid.index(">Confounding<") < grid.index(">Overall<")
