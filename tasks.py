#!/usr/bin/env python3
"""The review's two commands, with nothing but the standard library so a fresh machine can run them.

    python3 tasks.py build   # set up .venv, execute every notebook in place, write figures/ and data/findings/,
                             # then render the site and the handouts into _build/html
    python3 tasks.py test    # set up .venv, run unit tests, strict nbval and the browser test of the site,
                             # then require an unchanged work tree
    python3 tasks.py site    # render the committed notebooks into _build/html (no execution) and the handouts
    python3 tasks.py bench   # timings (not a test): see tools/bench.py

The environment step creates .venv when it is missing and (re)installs the pinned set from
requirements-lock.txt plus this package whenever the lock or pyproject.toml changed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".recheck-installed"
NOTEBOOKS = ROOT / "notebooks"

# Determinism for every child process: set ordering (nbval needs it), figure metadata, no user-level config.
ENV = {
    **os.environ,
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "0",
    "JUPYTER_PLATFORM_DIRS": "1",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "MPLCONFIGDIR": str(ROOT / ".venv" / "mplconfig"),
}


def run(*args: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env=ENV)
    if check and code != 0:
        sys.exit(f"command failed with exit code {code}: {' '.join(str(a) for a in args)}")
    return code


LAB_OVERRIDES = VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def ensure_env() -> None:
    """Create .venv and install the locked dependencies and the package, only when something changed."""
    wanted = hashlib.sha256(
        (ROOT / "requirements-lock.txt").read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        ensure_lab_opens_scripts_as_notebooks()
        return
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-r", "requirements-lock.txt")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".")
    STAMP.write_text(wanted + "\n")
    ensure_lab_opens_scripts_as_notebooks()


def ensure_lab_opens_scripts_as_notebooks() -> None:
    """JupyterLab in this environment opens a paired .py as a notebook (with the .ipynb's outputs), not as text."""
    if not LAB_OVERRIDES.exists():
        LAB_OVERRIDES.parent.mkdir(parents=True, exist_ok=True)
        run(BIN / "jupytext-config", "--settings-file", LAB_OVERRIDES, "set-default-viewer", "python")


def notebook_scripts() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def findings_state() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "data" / "findings").glob("*.csv"))}


def execute(notebook: Path, allow_errors: bool = False) -> None:
    run(
        BIN / "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
        "--ExecutePreprocessor.record_timing=False", "--ExecutePreprocessor.timeout=600",
        f"--ExecutePreprocessor.allow_errors={allow_errors}", notebook,
    )


def has_errors(notebook: Path) -> bool:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return any(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))


def build() -> None:
    """Execute every notebook in reading order; each writes its own figures and ledger.

    A study notebook opens with a verdict generated from the ledger its previous run wrote. So the first run may
    meet a stale or missing ledger: it is allowed to fail there and still write the new ledger, and the notebook
    then runs once more, strictly, so that verdict and ledger agree.
    """
    ensure_env()
    for script in notebook_scripts():
        notebook = script.with_suffix(".ipynb")
        run(BIN / "jupytext", "--sync", "--quiet", script)
        before = findings_state()
        execute(notebook, allow_errors=True)
        if findings_state() != before or has_errors(notebook):
            execute(notebook)
        run(BIN / "jupytext", "--sync", "--quiet", notebook)
    site()


def site() -> None:
    """Regenerate the landing page's findings table, render the site from the committed notebooks (warnings are
    errors), then the journal-club handouts."""
    ensure_env()
    run(BIN / "python", "tools/landing.py")
    run(BIN / "jupyter-book", "build", ".", "--builder", "html", "-W", "-n", "--keep-going", "--quiet")
    link_notebook_outputs()
    run(BIN / "python", "tools/handouts.py")


# A generated sentence (a cell's HTML output) links a sibling notebook as NN_name.ipynb, which works in
# JupyterLab; Jupyter Book rewrites such links in Markdown cells but not in outputs, so the site gets them here.
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')


def link_notebook_outputs() -> None:
    for page in sorted((ROOT / "_build" / "html" / "notebooks").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def git_snapshot() -> dict[str, str] | None:
    """Path -> content hash for every file git reports as changed or untracked; None outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all", "-z"],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return None
    snapshot = {}
    for entry in filter(None, out.split("\0")):
        path = ROOT / entry[3:]
        snapshot[entry[3:]] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "gone"
    return snapshot


def test() -> None:
    ensure_env()
    before = git_snapshot()
    # Test files run in parallel, each file on one worker (nbval needs a notebook's cells in order).
    workers = str(max(1, min(4, os.cpu_count() or 1)))
    code = run(
        BIN / "python", "-m", "pytest", "--nbval", "--nbval-current-env", "-q", "-n", workers, "--dist", "loadfile",
        check=False,
    )
    after = git_snapshot()
    if before is None:
        print("not a git checkout: the clean-work-tree check is skipped")
    elif after != before:
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        print("The test run changed these files; figures and ledgers must regenerate byte-for-byte:")
        print("\n".join(f"  {path}" for path in changed))
        print("Run `python3 tasks.py build`, inspect `git diff`, and commit what is intended.")
        code = code or 1
    sys.exit(code)


def bench() -> None:
    ensure_env()
    run(BIN / "python", "tools/bench.py")


COMMANDS = {"build": build, "test": test, "site": site, "bench": bench, "env": ensure_env}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
