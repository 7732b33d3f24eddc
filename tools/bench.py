"""Benchmark (not a test): wall time of the test command, its floor, and table-level check throughput.

Run with `python3 tasks.py bench` (or `make bench`). Prints:
1. the wall time of the README's test command (python3 tasks.py test);
2. the floor it cannot beat: pytest + nbval on a notebook that only imports pandas, seaborn and scipy;
3. rows per second of the vectorised t-test and 2x2 chi-square checks on 100,000 synthetic rows, against the
   same checks called row by row (on a 2,000-row sample, scaled);
4. the same for the table-level GRIM, GRIMMER and DEBIT (targets: at least 1,000,000 rows/s for GRIM and
   100,000 for GRIMMER), on realistic rows: means and SDs printed with two decimals, n from 10 to 500;
5. the time GRIM takes at n = 10^12 and GRIMMER at n = 10^9 (target: under 10 ms each; best of 5);
6. the time `possible_samples` takes to list every sample at n = 200 on a 1-7 scale, and `count_possible_samples`
   to count them where listing would be too many.

`python3 tools/bench.py --throughput` prints 3-5 only (no test command).
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

from recheck import (
    check_contingency, chi2_2x2_table, count_possible_samples, possible_samples, ttest_range, ttest_table,
)
from recheck.granularity import (
    debit_consistent, debit_table, grim_consistent, grim_table, grimmer_consistent, grimmer_table,
)

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


def granular_rows(rows: int) -> pd.DataFrame:
    """Rows as a paper prints them: whole-number scores on 0-10 (means and SDs to two decimals, a quarter of
    them nudged off a possible value), proportions of 0/1 data with their SD, n from 10 to 500."""
    rng = np.random.default_rng(20261123)
    n = rng.integers(10, 501, rows)
    mean = (rng.integers(0, 10 * n) + (rng.random(rows) < 0.25) * rng.normal(0, 0.5, rows)) / n
    sd = rng.gamma(4.0, 0.6, rows)
    k = rng.integers(0, n + 1)
    p_sd = np.sqrt(k * (n - k) / (n * (n - 1.0))) + (rng.random(rows) < 0.25) * rng.normal(0, 0.02, rows)
    fmt = np.vectorize(lambda x: f"{x:.2f}")
    return pd.DataFrame({"mean": fmt(mean), "sd": fmt(sd), "n": n, "p": fmt(k / n), "p_sd": fmt(np.abs(p_sd))})


def granularity_throughput(rows: int = 100_000, sample: int = 2_000) -> list[tuple[str, str, float]]:
    frame = granular_rows(rows)
    debit = frame[["p", "p_sd", "n"]].rename(columns={"p": "mean", "p_sd": "sd"})
    head = frame.head(sample)
    checks = [
        ("GRIM", lambda: grim_table(frame[["mean", "n"]]),
         lambda: [grim_consistent(r.mean, r.n) for r in head.itertuples()]),
        ("GRIMMER", lambda: grimmer_table(frame[["mean", "sd", "n"]]),
         lambda: [grimmer_consistent(r.mean, r.sd, r.n) for r in head.itertuples()]),
        ("DEBIT", lambda: debit_table(debit),
         lambda: [debit_consistent(r.p, r.p_sd, r.n) for r in head.itertuples()]),
    ]
    results = []
    for name, table_level, row_by_row in checks:
        best = min(timed_call(table_level) for _ in range(3))
        results.append((name, "table-level", rows / best))
        results.append((name, "row by row", sample / timed_call(row_by_row)))
    return results


def timed_call(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def granularity_at_scale() -> pd.DataFrame:
    """Milliseconds for single checks at huge n, on first call (nothing parsed yet) and best of 5; the target is
    under 10 ms each."""
    cases = [("GRIM, n = 10^12", lambda: grim_consistent("3.47", 10**12)),
             ("GRIMMER, n = 10^9", lambda: grimmer_consistent("3.47", "1.23", 10**9)),
             ("GRIMMER, n = 10^9, SD 0.00", lambda: grimmer_consistent("3.47", "0.00", 10**9)),
             ("DEBIT, n = 10^9", lambda: debit_consistent("0.47", "0.50", 10**9))]
    return pd.DataFrame([(name, 1000 * timed_call(call), 1000 * min(timed_call(call) for _ in range(5)))
                         for name, call in cases], columns=["check", "first call ms", "best of 5 ms"])


def reconstruction() -> pd.DataFrame:
    """Seconds to list (or count) every whole-number sample on a 1-7 scale with n = 200."""
    cases = [("list", "5.93", "1.02", lambda m, s: len(possible_samples(m, s, 200, 1, 7))),
             ("count", "3.5", "1.70", lambda m, s: count_possible_samples(m, s, 200, 1, 7))]
    rows = []
    for mode, mean, sd, call in cases:
        start = time.perf_counter()
        found = call(mean, sd)
        rows.append((f"{mode} samples, mean {mean}, SD {sd}, n = 200, scale 1-7", found, time.perf_counter() - start))
    return pd.DataFrame(rows, columns=["reconstruction", "samples", "seconds"])


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
    results += granularity_throughput(rows, sample)
    return pd.DataFrame(results, columns=["check", "mode", "rows per second"])


if __name__ == "__main__":
    if "--throughput" not in sys.argv:
        command = timed([sys.executable, str(ROOT / "tasks.py"), "test"], ROOT)
        floor = floor_seconds()
        print(f"test command (python3 tasks.py test): {command:.1f} s")
        print(f"floor (pytest + nbval on an imports-only notebook): {floor:.1f} s; ratio {command / floor:.1f}")
    table = throughput()
    print(table.to_string(index=False, float_format=lambda x: f"{x:,.0f}"))
    print(granularity_at_scale().to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(reconstruction().to_string(index=False, float_format=lambda x: f"{x:.2f}"))
