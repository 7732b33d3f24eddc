"""Shared look for every figure in the review, and byte-stable saving."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import seaborn as sns

# One colour per arm role, the same in every notebook: intervention first, comparator second.
ARM_PALETTE = {"intervention": "#1b6ca8", "comparator": "#d1495b"}
# Verdict colours run from calm to alarming; not_checkable is grey.
VERDICT_PALETTE = {
    "consistent": "#4c9a2a",
    "minor": "#f2c14e",
    "concern": "#f78154",
    "decision": "#b33f62",
    "implausible": "#8e44ad",
    "impossible": "#3d0c11",
    "not_checkable": "#9e9e9e",
}


def use_review_style() -> None:
    """Seaborn theme used by every notebook (call once at the top)."""
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 120, "figure.figsize": (7.5, 4.5)})


def save_figure(fig, path: str | Path) -> Path:
    """Save a PNG that is byte-identical across runs (no software or date stamp)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None}, bbox_inches="tight")
    return path
