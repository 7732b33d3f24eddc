"""Shared look for every figure in the review, and byte-stable saving."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
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
    """Seaborn theme used by every notebook, and tables that show whole sentences (call once at the top)."""
    pd.set_option("display.max_colwidth", None)
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 120, "figure.figsize": (7.5, 4.5)})


def save_figure(fig, path: str | Path) -> Path:
    """Save a PNG that is byte-identical across runs (no software or date stamp)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None}, bbox_inches="tight")
    return path


def verdict_bars(summary, title: str, ylabel: str, path: str | Path):
    """Stacked horizontal bars of verdict counts (rows: parts of a paper, columns: verdicts), saved to path."""
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(summary) + 1.8))
    summary.plot.barh(stacked=True, ax=ax, color=[VERDICT_PALETTE[v] for v in summary.columns], width=0.75)
    ax.set_xlabel("number of checks")
    ax.set_ylabel(ylabel)
    ax.invert_yaxis()
    ax.set_title(title)
    ax.legend(title="verdict", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    save_figure(fig, path)
    return fig


def trajectory_panels(series, panels: list[str], ylabels: dict[str, str], title: str, path: str | Path,
                      xlabel: str, palette: dict[str, str], label_times: bool = False):
    """Mean ± SD over time by arm, one panel per outcome.

    series columns: outcome, arm, x (time on a numeric axis), mean, sd, and with label_times=True a `time`
    column whose text labels the x ticks (for ordinal time points such as "last follow-up").
    """
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.8), squeeze=False)
    for ax, name in zip(axes[0], panels):
        data = series[series["outcome"] == name]
        for arm, d in data.groupby("arm", sort=False):
            ax.fill_between(d["x"], d["mean"] - d["sd"], d["mean"] + d["sd"], color=palette[arm], alpha=0.15)
        sns.lineplot(data=data, x="x", y="mean", hue="arm", palette=palette, marker="o", ax=ax)
        if label_times:
            ticks = data.drop_duplicates("x")
            ax.set_xticks(ticks["x"], ticks["time"], rotation=25, ha="right", fontsize=8)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabels[name])
        ax.set_title(name.split(" (")[0], fontsize=10)
        ax.legend(fontsize=8, title=None)
    fig.suptitle(title)
    fig.tight_layout()
    save_figure(fig, path)
    return fig
