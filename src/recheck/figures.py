"""Shared look for every figure in the review, and byte-stable saving."""
from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from .display import install_table_format

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


# Figures are at most this wide (inches at 100 dpi: 700 px), so the site shows them at full size and no text
# is shrunk below MIN_FONT_PT; every label in the review is at least that large.
MAX_WIDTH_IN = 7.0
MIN_FONT_PT = 10


def use_review_style() -> None:
    """Seaborn theme, legible figure sizes and reader-friendly tables for every notebook (call once at the top)."""
    pd.set_option("display.max_colwidth", None)
    install_table_format()
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 120, "figure.figsize": (MAX_WIDTH_IN, 4.2),
                         "font.size": 11, "axes.titlesize": 12, "axes.labelsize": 11, "xtick.labelsize": MIN_FONT_PT,
                         "ytick.labelsize": MIN_FONT_PT, "legend.fontsize": MIN_FONT_PT,
                         "legend.title_fontsize": MIN_FONT_PT, "figure.titlesize": 12})


def wrap(label: str, width: int = 28) -> str:
    """A long label broken over lines at word boundaries (never truncated)."""
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def save_figure(fig, path: str | Path) -> Path:
    """Save a PNG that is byte-identical across runs (no software or date stamp)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png", metadata={"Software": None}, bbox_inches="tight")
    return path


# Legend and stacking order: most serious first, as every table of the review lists verdicts.
SEVERITY_ORDER = ("impossible", "implausible", "decision", "concern", "minor", "consistent", "not_checkable")


def verdict_bars(summary, title: str, ylabel: str, path: str | Path):
    """Stacked horizontal bars of printed items by verdict (rows: parts of a paper, columns: verdicts), saved."""
    summary = summary[[v for v in SEVERITY_ORDER if v in summary.columns]]
    fig, ax = plt.subplots(figsize=(MAX_WIDTH_IN, 0.4 * len(summary) + 2.2))
    summary.rename(columns={"not_checkable": "not checkable"}).plot.barh(
        stacked=True, ax=ax, color=[VERDICT_PALETTE[v] for v in summary.columns], width=0.75)
    ax.set_yticks(range(len(summary)), [wrap(i, 24) for i in summary.index])
    ax.set_xlabel("printed items checked")
    ax.set_ylabel(ylabel)
    ax.invert_yaxis()
    ax.set_title(wrap(title, 60))
    ax.legend(title="verdict", loc="lower center", bbox_to_anchor=(0.5, 1.0 + 0.6 / (0.4 * len(summary) + 2.2)),
              ncol=min(4, len(summary.columns)), frameon=False)
    fig.tight_layout()
    save_figure(fig, path)
    return fig


def trajectory_panels(series, panels: list[str], ylabels: dict[str, str], title: str, path: str | Path,
                      xlabel: str, palette: dict[str, str], label_times: bool = False):
    """Mean ± SD over time by arm, one panel per outcome, stacked so each keeps the full width.

    series columns: outcome, arm, x (time on a numeric axis), mean, sd, and with label_times=True a `time`
    column whose text labels the x ticks (for ordinal time points such as "last follow-up").
    """
    fig, axes = plt.subplots(len(panels), 1, figsize=(MAX_WIDTH_IN, 2.9 * len(panels) + 0.6), squeeze=False)
    for ax, name in zip(axes[:, 0], panels):
        data = series[series["outcome"] == name]
        for arm, d in data.groupby("arm", sort=False):
            ax.fill_between(d["x"], d["mean"] - d["sd"], d["mean"] + d["sd"], color=palette[arm], alpha=0.15)
        sns.lineplot(data=data, x="x", y="mean", hue="arm", palette=palette, marker="o", ax=ax)
        if label_times:
            ticks = data.drop_duplicates("x")
            ax.set_xticks(ticks["x"], [wrap(t, 12) for t in ticks["time"]])
        ax.set_xlabel(xlabel)
        ax.set_ylabel(wrap(ylabels[name], 22))
        ax.set_title(name.split(" (")[0])
        ax.legend(title=None)
    fig.suptitle(wrap(title, 60))
    fig.tight_layout()
    save_figure(fig, path)
    return fig
