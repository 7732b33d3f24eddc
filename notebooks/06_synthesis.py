# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Synthesis: five papers on vertebroplasty and kyphoplasty, re-derived
#
# This page gathers what the five study notebooks found. It reads only the committed extracted data
# (`data/<study_id>/`) and the findings ledgers (`data/findings/`); it never re-runs another notebook. A
# study whose ledger does not exist yet is shown as *not yet appraised*.

# %%
import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

import recheck as rc

rc.use_review_style()
DATA = Path("../data")
FINDINGS = DATA / "findings"
FIGURES = Path("../figures")
STUDIES = {
    "wang2025_needle_knife": "01_wang2025_needle_knife",
    "residual_pain_preprint": "02_residual_pain_preprint",
    "qin2025_residual_pain": "03_qin2025_residual_pain",
    "huang_staged_kyphoplasty": "04_huang_staged_kyphoplasty",
    "liu_guo_review": "05_liu_guo_review",
}
meta = {s: json.loads((DATA / s / "study.json").read_text(encoding="utf-8")) for s in STUDIES}
ledger, not_yet = rc.read_ledgers(FINDINGS, STUDIES)

# %% [markdown]
# ## 1. The evidence at a glance

# %%
def arms(m: dict) -> str:
    return "; ".join(f"{g['name']} {g['n']}" for g in m["groups"] if g["role"] != "review") or "not applicable"


def appraisal(study: str) -> str:
    path = FINDINGS / f"{study}_rob.csv"
    tool = pd.read_csv(path)["tool"].iloc[0] if path.exists() else "risk-of-bias tool not yet applied"
    return "not yet appraised" if study in not_yet else f"all statistics re-derived; {tool}"


glance = pd.DataFrame([{
    "study": s, "design": m["design"], "setting": m.get("setting", ""), "period": m.get("period", ""),
    "n per arm": arms(m),
    "intervention / comparator": (f"{m['pico'].get('intervention', m['pico'].get('exposure', ''))} / "
                                  f"{m['pico'].get('comparator', '')}") if "pico" in m else "as in the abstract",
    "outcomes and follow-up": m.get("pico", {}).get("outcomes", m.get("pico", {}).get("outcome", "")),
    "funding": m.get("funding", "not stated"), "how appraised": appraisal(s),
} for s, m in meta.items()]).set_index("study")
glance

# %% [markdown]
# ## 2. Findings across studies

# %%
counts = rc.verdict_counts(ledger).reindex(list(STUDIES), fill_value=0)
counts["total"] = counts.sum(axis=1)
counts["status"] = ["not yet appraised" if s in not_yet else "appraised" for s in counts.index]
counts

# %%
judged = ledger[ledger["verdict"] != "not_checkable"]
heat = pd.crosstab(judged["study"], judged["family"], values=judged["severity"], aggfunc="max").reindex(list(STUDIES))
# Severity levels 0-4 of the verdict scale; decision and implausible share level 3.
levels = ["consistent", "minor", "concern", "decision or implausible", "impossible"]
colours = [rc.VERDICT_PALETTE[v] for v in ("consistent", "minor", "concern", "decision", "impossible")]
fig, ax = plt.subplots(figsize=(11, 4.2))
sns.heatmap(heat, cmap=sns.color_palette(colours, as_cmap=True), vmin=-0.5, vmax=4.5, linewidths=0.5,
            linecolor="white", cbar_kws={"ticks": range(5)}, ax=ax)
ax.collections[0].colorbar.set_ticklabels(levels)
ax.set_xlabel("family of checks")
ax.set_ylabel("")
ax.set_title("Worst verdict by study and family of checks (blank: not run or not checkable)")
ax.set_xticks(ax.get_xticks(), heat.columns, rotation=35, ha="right")
rc.save_figure(fig, FIGURES / "synthesis_verdict_heatmap.png")
plt.show()

# %% [markdown]
# The most serious findings, at most four per study (those resting on no assumption about the data first),
# each with the notebook that explains it. The notebooks: [Wang 2025](01_wang2025_needle_knife.ipynb) ·
# [residual-pain preprint](02_residual_pain_preprint.ipynb) · [Qin 2025](03_qin2025_residual_pain.ipynb) ·
# [Huang](04_huang_staged_kyphoplasty.ipynb) · [Liu and Guo](05_liu_guo_review.ipynb).

# %%
top = rc.top_findings(ledger, per_study=4, min_severity=3)
rc.say("\n".join(
    f"- **{r.study}**, {r.location}: *{r.verdict}*. {r.explanation} (explained in notebook {STUDIES[r.study]})"
    for r in top.itertuples()))

# %% [markdown]
# ## 3. Risk of bias across studies
#
# Each design was judged with its own tool: ROBINS-I for the two cohorts, Newcastle-Ottawa items for the
# case-control reports, SANRA for the narrative review. They are shown side by side, not merged into one scale.

# %%
rob_files = sorted(FINDINGS.glob("*_rob.csv"))
rob = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in rob_files], ignore_index=True)
rob[["study", "tool", "domain", "judgement"]]

# %%
LEVELS = {"Low": 0, "Star": 0, "2 of 2": 0, "Moderate": 1, "1 of 2": 1, "Serious": 2, "No star": 2, "0 of 2": 2,
          "Critical": 3, "No information": 4}
COLOURS = ["#4c9a2a", "#f2c14e", "#d1495b", "#3d0c11", "#9e9e9e"]
NAMES = ["low / star / 2 of 2", "moderate / 1 of 2", "serious / no star / 0 of 2", "critical", "no information"]
tools = list(dict.fromkeys(rob["tool"]))
fig, axes = plt.subplots(1, len(tools), figsize=(4.5 * len(tools), 4.5), squeeze=False)
for ax, tool in zip(axes[0], tools):
    part = rob[(rob["tool"] == tool) & (rob["domain"] != "Overall")]
    grid = part.assign(level=part["judgement"].map(LEVELS)).pivot_table(index="domain", columns="study",
                                                                         values="level", aggfunc="first", sort=False)
    for (i, j), value in np.ndenumerate(grid.to_numpy()):
        if not np.isnan(value):
            ax.scatter(j, i, s=260, color=COLOURS[int(value)], edgecolor="white")
    ax.set_xticks(range(grid.shape[1]), grid.columns, rotation=20, ha="right", fontsize=8)
    ax.set_yticks(range(grid.shape[0]), [d[:38] for d in grid.index], fontsize=7)
    ax.set_xlim(-0.6, grid.shape[1] - 0.4)
    ax.invert_yaxis()
    ax.set_title(tool, fontsize=10)
handles = [plt.Line2D([], [], marker="o", ls="", color=c, markersize=9) for c in COLOURS]
fig.legend(handles, NAMES, loc="lower center", ncol=5, fontsize=8, frameon=False)
fig.suptitle("Risk of bias by study and domain, each design with its own tool")
fig.tight_layout(rect=(0, 0.07, 1, 1))
rc.save_figure(fig, FIGURES / "synthesis_rob_traffic_light.png")
plt.show()

# %%
overall = rob[rob["domain"] == "Overall"][["study", "tool", "judgement", "reason"]].set_index("study")
summary = rob[rob["domain"] != "Overall"].assign(level=lambda d: d["judgement"].map(LEVELS).map(dict(enumerate(NAMES))))
shares = pd.crosstab(summary["tool"], summary["level"], normalize="index").reindex(columns=NAMES, fill_value=0) * 100
fig, ax = plt.subplots(figsize=(8, 2.8))
left = np.zeros(len(shares))
for name, colour in zip(NAMES, COLOURS):
    ax.barh(shares.index, shares[name], left=left, color=colour, label=name)
    left += shares[name].to_numpy()
ax.set_xlabel("share of domain judgements (%)")
ax.set_title("Most domain judgements are serious or uninformative")
ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
rc.save_figure(fig, FIGURES / "synthesis_rob_summary.png")
plt.show()
overall

# %% [markdown]
# ## 4. The same quantity across studies
#
# Several sources report the same kind of quantity. We put them side by side with their uncertainty
# (Wilson 95% intervals for proportions; means with SDs). **This is a comparison, not a meta-analysis**:
# the studies differ in procedure (PVP, PKP, with and without an add-on), population, definition (what
# counts as leakage, as residual pain, as relief) and timing, and four of the five have serious problems
# in their reporting. A pooled estimate would combine unlike things and inherit every error below it.

# %%
def table(study: str, name: str) -> pd.DataFrame:
    return rc.load_study(DATA / study).table(name)


def rate(source, quantity, k, n):
    lo, hi = rc.wilson_interval(k, n)
    return {"source": source, "quantity": quantity, "k": k, "n": n, "percent": 100 * k / n, "lo": 100 * lo, "hi": 100 * hi}


w7, w1 = table("wang2025_needle_knife", "table7").set_index("Groups"), table("wang2025_needle_knife", "table1").set_index("Category")
h7, h1 = table("huang_staged_kyphoplasty", "table7").set_index("Item"), table("huang_staged_kyphoplasty", "table1").set_index("Characteristic")
p1 = table("residual_pain_preprint", "table1").set_index("Characteristic")
ptext = table("residual_pain_preprint", "text_numbers").set_index("Quantity")["Printed"]
count = lambda text: rc.parse_count_percent(text).count  # noqa: E731
rates = pd.DataFrame([
    rate("Wang: PVP + needle knife", "cement leakage", count(w7.loc["Research group", "Bone cement leakage"]), 52),
    rate("Wang: PVP alone", "cement leakage", count(w7.loc["Control group", "Bone cement leakage"]), 52),
    rate("Huang: staged PKP", "cement leakage", int(h7.loc["Leakage", "experimental group"]), 55),
    rate("Huang: conventional PKP", "cement leakage", int(h7.loc["Leakage", "control group"]), 55),
    rate("Residual-pain preprint: PVP", "residual back pain", int(ptext["patients with residual pain"]),
         int(ptext["patients treated"])),
    rate("Wang: PVP + needle knife", "residual back pain", count(w7.loc["Research group", "Residual back pain"]), 52),
    rate("Wang: PVP alone", "residual back pain", count(w7.loc["Control group", "Residual back pain"]), 52),
    rate("Wang: all", "men", count(w1.loc["Male", "Research group (n = 52)"]) + count(w1.loc["Male", "Control group (n = 52)"]), 104),
    rate("Huang: all", "men", sum(rc.parse_count_pair(h1.loc["Gender (male to female)", g]).first
                                  for g in ("experimental group", "control group")), 110),
    rate("Residual-pain preprint: cases and controls", "men",
         sum(rc.parse_count_pair(p1.loc["Sex (male/female)", g]).first for g in p1.columns[:2]), 122),
])
rates.round(1)

# %%
review_claims = rc.load_study(DATA / "liu_guo_review").table("claims").set_index("Claim")
fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
for ax, quantity in zip(axes, ["cement leakage", "residual back pain", "men"]):
    d = rates[rates["quantity"] == quantity]
    y = np.arange(len(d))
    ax.errorbar(d["percent"], y, xerr=[d["percent"] - d["lo"], d["hi"] - d["percent"]], fmt="o", capsize=3,
                color=rc.ARM_PALETTE["intervention"])
    ax.set_yticks(y, d["source"], fontsize=8)
    ax.set_xlabel(f"{quantity} (% of patients)")
    ax.set_xlim(0, 100 if quantity == "men" else 40)
    ax.invert_yaxis()
men = rates[rates["quantity"] == "men"]["percent"]
axes[0].set_title(f"The review says PKP cuts leakage by '{review_claims.loc['C18', 'Number as written']}'", fontsize=9)
axes[1].set_title("Different definitions and windows", fontsize=9)
axes[2].set_title(f"Men make up {men.min():.0f}% to {men.max():.0f}% of the samples", fontsize=9)
fig.suptitle("The same quantities across sources (Wilson 95% intervals); a comparison, not a pooled estimate")
fig.tight_layout()
rc.save_figure(fig, FIGURES / "synthesis_same_quantity.png")
plt.show()

# %% [markdown]
# Pain scores and height restoration over time, from the two cohorts (means ± SD). The scales and time
# points differ (Wang: VAS up to 6 months after PVP; Huang: VAS up to 48 hours after PKP), so the curves are
# shown on the same axes only to compare their shapes.

# %%
def summaries(study, name, row_col, time_cols, arm_rows, label):
    t = table(study, name).set_index(row_col)
    out = []
    for arm, row in arm_rows.items():
        for x, column in enumerate(time_cols):
            ms = rc.parse_mean_sd(t.loc[row, column]) if column in t.columns else rc.parse_mean_sd(t.loc[column, row])
            out.append({"outcome": label, "arm": arm, "x": x, "mean": ms.mean.value, "sd": ms.sd.value})
    return out


series = pd.DataFrame(
    summaries("wang2025_needle_knife", "table5", "Group",
              ["Preoperative", "3 Days Postop", "7 Days Postop", "1 Month Postop", "3 Months Postop", "6 Months Postop"],
              {"Wang: PVP + needle knife": "Research Group", "Wang: PVP alone": "Control Group"}, "VAS (points)")
    + summaries("huang_staged_kyphoplasty", "table3", "Time",
                ["Preoperation", "2h after operation", "4h after operation", "48h after operation"],
                {"Huang: staged PKP": "experimental group", "Huang: conventional PKP": "control group"}, "VAS (points)")
    + summaries("huang_staged_kyphoplasty", "table4", "Time", ["Preoperation", "3 days after operation", "Last follow-up"],
                {"Huang: staged PKP": "experimental group", "Huang: conventional PKP": "control group"},
                "anterior height (%)"))
palette = {"Wang: PVP + needle knife": rc.ARM_PALETTE["intervention"], "Wang: PVP alone": rc.ARM_PALETTE["comparator"],
           "Huang: staged PKP": "#2a9d8f", "Huang: conventional PKP": "#e9c46a"}
rc.trajectory_panels(series, ["VAS (points)", "anterior height (%)"],
                     {"VAS (points)": "VAS pain (0-10 points)", "anterior height (%)": "anterior height ratio (%)"},
                     "Pain falls and height rises in every arm; the arms of each study barely differ",
                     FIGURES / "synthesis_trajectories.png", "time point (study-specific order)", palette)
plt.show()

# %% [markdown]
# ## 5. Integrity across publications
#
# The two reports of the residual-pain cohort (`02` and `03`) are summarised from the comparison ledger;
# then every decimal number in the extracted data is searched for in the other studies' data.

# %%
comparison = ledger[(ledger["study"] == "qin2025_residual_pain") & ledger["location"].str.startswith("Comparison")]
comparison["verdict"].value_counts().rename({"consistent": "same in both", "concern": "different",
                                             "not_checkable": "reported in one only"}).to_frame("facts")

# %%
cells = {s: [c for frame in rc.load_study(DATA / s).tables.values() for c in frame.to_numpy().ravel()] for s in STUDIES}
repeated = rc.shared_numbers(cells, min_decimals=3)
repeated

# %%
informative = rc.shared_numbers(cells, min_decimals=3, skip_unit_interval=True)
rc.say(f"{len(repeated)} numbers with three or more decimals appear in more than one source. Those below 1 are "
       f"p-values and small test statistics, which coincide by chance. Of the {len(informative)} at 1 or above, "
       + "; ".join(f"{r.number} is shared by {r.studies}" for r in informative.itertuples()) + ".")

# %% [markdown]
# ## 6. What a clinician should take away
#
# From these five documents:
# - The Wang cohort and the Huang cohort compare an add-on technique with standard augmentation in
#   self-selected groups. Both print statistics that cannot come from their own tables (see their notebooks),
#   and neither shows a difference in pain that a patient would notice beyond the first days.
# - The residual-pain reports offer associations, not a prediction tool; the two versions disagree on design,
#   period and two of four estimates, and should not be counted as two studies.
# - The narrative review's numbers are mostly unsourced and partly contradictory.
#
# The wider evidence base (cited from the trials and reviews themselves):
# - Blinded, sham-controlled trials of vertebroplasty found no benefit over a sham procedure for pain or
#   function: Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial of vertebroplasty for painful
#   osteoporotic vertebral fractures. *N Engl J Med* 2009;361:557-568; Kallmes DF, Comstock BA, Heagerty PJ, et
#   al. A randomized trial of vertebroplasty for osteoporotic spinal fractures. *N Engl J Med* 2009;361:569-579;
#   Firanescu CE, de Vries J, Lodder P, et al. Vertebroplasty versus sham procedure for painful acute
#   osteoporotic vertebral compression fractures (VERTOS IV): randomised sham controlled clinical trial. *BMJ*
#   2018;361:k1551.
# - One sham-controlled trial in patients with fractures under six weeks old reported a benefit: Clark W,
#   Bird P, Gonski P, et al. Safety and efficacy of vertebroplasty for acute painful osteoporotic fractures
#   (VAPOUR): a multicentre, randomised, double-blind, placebo-controlled trial. *Lancet*
#   2016;388:1408-1416.
# - The Cochrane review concluded that vertebroplasty gives no clinically important benefit over placebo:
#   Buchbinder R, Johnston RV, Rischin KJ, et al. Percutaneous vertebroplasty for osteoporotic vertebral
#   compression fracture. *Cochrane Database Syst Rev* 2018;(11):CD006349.
# - Kyphoplasty has been compared with non-surgical care only in open-label trials, with short-term benefit:
#   Wardlaw D, Cummings SR, Van Meirhaeghe J, et al. Efficacy and safety of balloon kyphoplasty compared with
#   non-surgical care for vertebral compression fracture (FREE): a randomised controlled trial. *Lancet*
#   2009;373:1016-1024.
#
# Against that background, none of the five documents adds evidence that should change practice, and
# none discusses the sham-controlled trials.
