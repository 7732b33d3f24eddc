"""Benchmark (not a test): wall time of the test command, its floor, and table-level check throughput.

Run with `python3 tasks.py bench` (or `make bench`). Prints:
1. the wall time of the README's test command (python3 tasks.py test);
2. the floor it cannot beat: pytest + nbval on a notebook that only imports pandas, seaborn and scipy;
3. rows per second of the vectorised t-test and 2x2 chi-square checks on 100,000 synthetic rows, against the
   same checks called row by row (on a 2,000-row sample, scaled).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
from nbclient import NotebookClient

from recheck import check_contingency, chi2_2x2_table, ttest_range, ttest_table

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("import pandas, seaborn, scipy")]
        NotebookClient(nb, kernel_name="python3").execute()
        path = Path(tmp) / "floor.ipynb"
        nbformat.write(nb, path)
        return timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
                      "--nbval-current-env", str(path)], Path(tmp))


def synthetic(rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(20261122)
    fmt = np.vectorize(lambda x: f"{x:.2f}")
    tt = pd.DataFrame({
        "mean1": fmt(rng.normal(50, 10, rows)), "sd1": fmt(rng.uniform(1, 10, rows)), "n1": rng.integers(10, 200, rows),
        "mean2": fmt(rng.normal(50, 10, rows)), "sd2": fmt(rng.uniform(1, 10, rows)), "n2": rng.integers(10, 200, rows),
    })
    cells = rng.integers(1, 60, (rows, 4))
    chi = pd.DataFrame(cells, columns=list("abcd"))
    return tt, chi


def throughput(rows: int = 100_000, sample: int = 2_000) -> pd.DataFrame:
    tt, chi = synthetic(rows)
    results = []
    start = time.perf_counter()
    ttest_table(tt)
    results.append(("t test", "table-level", rows / (time.perf_counter() - start)))
    start = time.perf_counter()
    for r in tt.head(sample).itertuples():
        ttest_range(r.mean1, r.sd1, r.n1, r.mean2, r.sd2, r.n2)
    results.append(("t test", "row by row", sample / (time.perf_counter() - start)))
    start = time.perf_counter()
    chi2_2x2_table(chi)
    results.append(("2x2 chi-square", "table-level", rows / (time.perf_counter() - start)))
    start = time.perf_counter()
    for r in chi.head(sample).itertuples():
        check_contingency([[r.a, r.b], [r.c, r.d]], p="0.05")
    results.append(("2x2 chi-square", "row by row", sample / (time.perf_counter() - start)))
    return pd.DataFrame(results, columns=["check", "mode", "rows per second"])


if __name__ == "__main__":
    print(f"test command (python3 tasks.py test): {timed([sys.executable, str(ROOT / 'tasks.py'), 'test'], ROOT):.1f} s")
    print(f"floor (pytest + nbval on an imports-only notebook): {floor_seconds():.1f} s")
    table = throughput()
    print(table.to_string(index=False, float_format=lambda x: f"{x:,.0f}"))
