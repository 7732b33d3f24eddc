"""Every notebook is a jupytext pair, and the two halves say the same thing."""
import subprocess
import sys
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
JUPYTEXT = Path(sys.executable).parent / "jupytext"
scripts = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


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
    # What jupytext would write for the .py from the .ipynb, with the project's jupytext.toml in force.
    rendered = subprocess.run(
        [str(JUPYTEXT), "--to", "py:percent", "--output", "-", str(notebook)],
        capture_output=True, text=True, check=True, cwd=NOTEBOOKS,
    ).stdout
    if rendered.rstrip("\n") != script.read_text(encoding="utf-8").rstrip("\n"):
        pytest.fail(
            f"notebooks/{script.name} and notebooks/{notebook.name} are out of sync. If you edited the .py, run "
            f"`.venv/bin/jupytext --sync notebooks/{script.name}` and re-execute with `python3 tasks.py build`; "
            f"if you edited the .ipynb in JupyterLab, save it there (the pairing rewrites the .py) or run the "
            f"same --sync command on the .ipynb."
        )
