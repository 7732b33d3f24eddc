"""Every notebook is a jupytext pair, and the two halves say the same thing (checked in-process: the .py that
jupytext would write from the .ipynb, with the project's notebooks/jupytext.toml, equals the committed .py)."""
from pathlib import Path

import jupytext
import pytest
from jupytext.config import load_jupytext_config

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CONFIG = load_jupytext_config(str(NOTEBOOKS))
scripts = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def test_config_pairs_ipynb_with_percent_scripts():
    assert CONFIG is not None and list(CONFIG.formats) == ["ipynb,py:percent"]


def test_every_notebook_has_both_halves():
    unpaired = sorted({p.stem for p in scripts} ^ {p.stem for p in notebooks})
    assert not unpaired, (
        f"notebooks without their pair: {unpaired}; run `jupytext --sync notebooks/<name>.py` "
        "then `python3 tasks.py build`"
    )


@pytest.mark.parametrize("script", scripts, ids=lambda p: p.name)
def test_pair_in_sync(script):
    notebook = script.with_suffix(".ipynb")
    if not notebook.exists():
        pytest.fail(f"{notebook.name} is missing")
    rendered = jupytext.writes(jupytext.read(notebook), fmt="py:percent", config=CONFIG)
    if rendered.rstrip("\n") != script.read_text(encoding="utf-8").rstrip("\n"):
        pytest.fail(
            f"notebooks/{script.name} and notebooks/{notebook.name} are out of sync. If you edited the .py, run "
            f"`.venv/bin/jupytext --sync notebooks/{script.name}` and re-execute with `python3 tasks.py build`; "
            f"if you edited the .ipynb in JupyterLab, save it there (the pairing rewrites the .py) or run the "
            f"same --sync command on the .ipynb."
        )
