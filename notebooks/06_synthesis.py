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
# What the five study pages found, side by side, and what it means for a clinician. Every count and verdict
# here is generated from the studies' findings ledgers and risk-of-bias judgements.

# %% tags=["hide-input"]
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
STUDIES = {p.stem[3:]: p.stem for p in sorted(Path(".").glob("0[1-5]_*.ipynb"))}
meta = {s: json.loads((DATA / s / "study.json").read_text(encoding="utf-8")) for s in STUDIES}
verdicts = {s: rc.load_verdict(DATA, s) for s in STUDIES}
ledger, _ = rc.read_ledgers(FINDINGS, STUDIES)
title = {s: m["short_title"] for s, m in meta.items()}

# %% [markdown]
# ## Take-away for clinicians
#
# - **None of these five documents should change practice.** Two are retrospective comparisons of add-on
#   techniques in groups that chose their own treatment, two are case-control reports on residual pain that
#   share a cohort size, a case count and two odds ratios but describe their samples differently, and one is a
#   narrative review; none is a randomised or sham-controlled comparison.
# - **The add-ons are unproven.** The needle-knife release ([Wang 2025](01_wang2025_needle_knife.ipynb)) and
#   staged cement perfusion ([Huang](04_huang_staged_kyphoplasty.ipynb)) rest on tables whose printed statistics
#   cannot come from their own summaries; the pain differences they report are far below what a patient notices.
# - **The residual-pain "risk factors" are associations, not a counselling tool**
#   ([preprint](02_residual_pain_preprint.ipynb), [2025 article](03_qin2025_residual_pain.ipynb)): one of them
#   (cement distribution) is known only after surgery, the model was never validated, and the two reports of it
#   disagree on design.
# - **For vertebroplasty itself, trust the sham-controlled trials** (below), which found no clinically important
#   benefit for most patients, with possible benefit in very recent fractures. For preventing the next fracture,
#   anti-osteoporosis treatment is what the randomised evidence supports; the narrative review
#   ([Liu and Guo](05_liu_guo_review.ipynb)) omits both.
#
# How each document fares when re-derived from its own numbers:

# %% tags=["remove-input"]
def takeaway(study: str) -> str:
    v, _ = verdicts[study]
    kept = sum(c.verdict in rc.SURVIVES for c in v.claims)
    return (f"- **{title[study]}** ({meta[study]['short_design']}): {v.trust} trust. {kept} of {len(v.claims)} "
            f"claims survive; distinct problems: {rc.counts_sentence(v.counts)}.")


claims_all = pd.concat([rc.claims_frame(list(v.claims)).assign(study=title[s]) for s, (v, _) in verdicts.items()],
                       ignore_index=True)
surviving = claims_all["verdict"].isin(rc.SURVIVES)
rc.say(f"Of the {len(claims_all)} main claims the five documents make, **{int(surviving.sum())} survive** "
       f"re-derivation from their own numbers (the rule for *survives* and for *trust* is on the "
       f"[methods page](00_methods.ipynb)).\n\n" + "\n".join(takeaway(s) for s in STUDIES))

# %% [markdown]
# **The wider evidence** (cited from the trials and reviews themselves, not from the five documents):
# - Blinded, sham-controlled trials of vertebroplasty found no benefit over a sham procedure for pain or
#   function: Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial of vertebroplasty for painful
#   osteoporotic vertebral fractures. *N Engl J Med* 2009;361:557-568; Kallmes DF, Comstock BA, Heagerty PJ, et
#   al. A randomized trial of vertebroplasty for osteoporotic spinal fractures. *N Engl J Med* 2009;361:569-579;
#   Firanescu CE, de Vries J, Lodder P, et al. Vertebroplasty versus sham procedure for painful acute
#   osteoporotic vertebral compression fractures (VERTOS IV): randomised sham controlled clinical trial. *BMJ*
#   2018;361:k1551.
# - One sham-controlled trial in patients with fractures under six weeks old reported a benefit: Clark W,
#   Bird P, Gonski P, et al. Safety and efficacy of vertebroplasty for acute painful osteoporotic fractures
#   (VAPOUR): a multicentre, randomised, double-blind, placebo-controlled trial. *Lancet* 2016;388:1408-1416.
# - The Cochrane review concluded that vertebroplasty gives no clinically important benefit over placebo:
#   Buchbinder R, Johnston RV, Rischin KJ, et al. Percutaneous vertebroplasty for osteoporotic vertebral
#   compression fracture. *Cochrane Database Syst Rev* 2018;(11):CD006349.
# - Kyphoplasty has been compared with non-surgical care only in open-label trials, with short-term benefit:
#   Wardlaw D, Cummings SR, Van Meirhaeghe J, et al. Efficacy and safety of balloon kyphoplasty compared with
#   non-surgical care for vertebral compression fracture (FREE): a randomised controlled trial. *Lancet*
#   2009;373:1016-1024.
#
# - Anti-osteoporosis drugs prevent new vertebral fractures in randomised trials, for example zoledronic acid
#   (Black DM, Delmas PD, Eastell R, et al. Once-yearly zoledronic acid for treatment of postmenopausal
#   osteoporosis. *N Engl J Med* 2007;356:1809-1822) and denosumab (Cummings SR, San Martin J, McClung MR, et al.
#   Denosumab for prevention of fractures in postmenopausal women with osteoporosis. *N Engl J Med*
#   2009;361:756-765).

# %% [markdown]
# ## 1. What each paper claims, and what survives
#
# Each claim is judged by the most serious distinct problem among the checks that bear on it (the claims and
# the checks behind them are listed in each study's `study.json`).

# %% tags=["hide-input"]
claims_all.set_index(["study", "claim"])[["verdict", "where"]]

# %% [markdown]
# ## 2. The evidence at a glance

# %% tags=["hide-input"]
def arms(m: dict) -> str:
    return "; ".join(f"{g['name']} {g['n']}" for g in m["groups"] if g.get("role") != "review") or "not applicable"


glance = pd.DataFrame({title[s]: {
    "design": m["design"], "period": m.get("period", "not stated"), "groups and n": arms(m),
    "overall risk of bias": f"{verdicts[s][0].overall} ({verdicts[s][0].tool})",
    "funding": m.get("funding", "not stated")} for s, m in meta.items()})
glance.index.name = "item"
glance

# %% [markdown]
# ## 3. Distinct problems across studies
#
# Counts are of printed items (a statistic, its P and the claim about it are one item), each graded by its
# most serious finding.

# %% tags=["hide-input"]
counts = pd.DataFrame({title[s]: v.counts for s, (v, _) in verdicts.items()}).T
counts = counts[[v for v in rc.VERDICTS if v != "consistent"] + ["consistent"]]
counts.index.name = "study"
counts

# %% tags=["hide-input"]
items = pd.concat([rc.distinct_problems(led).assign(study=title[s]) for s, (_, led) in verdicts.items()],
                  ignore_index=True)
items["family"] = items["check"].map(rc.check_family)
judged = items[items["verdict"] != "not_checkable"].assign(severity=lambda d: d["verdict"].map(rc.findings.SEVERITY))
heat = judged.pivot_table(index="study", columns="family", values="severity", aggfunc="max")
heat = heat.reindex([title[s] for s in STUDIES]).rename(index={title[s]: meta[s]["short_name"] for s in STUDIES})
levels = ["consistent", "minor", "concern", "decision or implausible", "impossible"]
colours = [rc.VERDICT_PALETTE[v] for v in ("consistent", "minor", "concern", "decision", "impossible")]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN - 0.9, 6.2))  # room for the family labels on the left
sns.heatmap(heat.T, cmap=sns.color_palette(colours, as_cmap=True), vmin=-0.5, vmax=4.5, linewidths=0.5,
            linecolor="white", cbar_kws={"ticks": range(5), "orientation": "horizontal", "pad": 0.28}, ax=ax)
ax.collections[0].colorbar.set_ticklabels([rc.wrap(x, 12) for x in levels])
ax.set_xticks(np.arange(len(heat)) + 0.5, heat.index, rotation=0)
ax.set_xlabel("")
ax.set_ylabel("family of checks")
worst_family = judged.groupby("family")["severity"].max()
ax.set_title(rc.wrap(f"{int((worst_family >= 3).sum())} of {len(worst_family)} families of checks find a serious "
                     "problem in at least one study (blank: not run)", 60))
rc.save_figure(fig, FIGURES / "synthesis_verdict_heatmap.png")
plt.show()

# %% [markdown]
# The most serious distinct problems, at most three per study, in the words of each ledger; the study pages
# explain each one with its numbers.

# %% tags=["remove-input"]
rc.say("\n".join(f"- **{title[s]}**: " + " ".join(f"*{r.verdict}*: {r.why}" for r in rc.top_problems(led, 3).itertuples())
                 for s, (_, led) in verdicts.items()))

# %% [markdown]
# ## 4. Risk of bias across studies
#
# Each design was judged with its own tool: ROBINS-I for the two cohorts, Newcastle-Ottawa (and PROBAST for
# the prediction claim) for the case-control reports, SANRA for the narrative review. Green is low risk (or
# a high score), yellow moderate, red high, grey no information.

# %% tags=["hide-input"]
rob = pd.concat([pd.read_csv(FINDINGS / f"{s}_rob.csv", dtype=str, keep_default_na=False) for s in STUDIES],
                ignore_index=True)
rob_tools = list(dict.fromkeys(rob["tool"]))
rc.rob_grid(rob[rob["tool"] == "ROBINS-I"], title)

# %% tags=["hide-input"]
rc.rob_grid(rob[rob["tool"].str.startswith(("Newcastle", "PROBAST"))], title)

# %% tags=["hide-input"]
rc.rob_grid(rob[rob["tool"] == "SANRA"], title)

# %% [markdown]
# ## 5. The same quantity across studies
#
# Several sources report the same kind of quantity. We put them side by side with their uncertainty
# (Wilson 95% intervals). **This is a comparison, not a meta-analysis**: the studies differ in procedure,
# population, definition and timing, and their reporting problems are listed above; a pooled estimate would
# combine unlike things and inherit every error below it.

# %% tags=["hide-input"]
def table(study: str, name: str) -> pd.DataFrame:
    return rc.load_study(DATA / study).table(name)


def rate(source, quantity, k, n):
    lo, hi = rc.wilson_interval(k, n)
    return {"source": source, "quantity": quantity, "k": k, "n": n, "percent": 100 * k / n, "lo": 100 * lo,
            "hi": 100 * hi}


w7 = table("wang2025_needle_knife", "table7").set_index("Groups")
h7 = table("huang_staged_kyphoplasty", "table7").set_index("Item")
ptext = table("residual_pain_preprint", "text_numbers").set_index("Quantity")["Printed"]
count = lambda text: rc.parse_count_percent(text).count  # noqa: E731
rates = pd.DataFrame([
    rate("Wang: PVP + needle knife", "cement leakage", count(w7.loc["Research group", "Bone cement leakage"]), 52),
    rate("Wang: PVP alone", "cement leakage", count(w7.loc["Control group", "Bone cement leakage"]), 52),
    rate("Huang: staged PKP", "cement leakage", int(h7.loc["Leakage", "experimental group"]), 55),
    rate("Huang: conventional PKP", "cement leakage", int(h7.loc["Leakage", "control group"]), 55),
    rate("Preprint: all PVP patients", "residual back pain", int(ptext["patients with residual pain"]),
         int(ptext["patients treated"])),
    rate("Wang: PVP + needle knife", "residual back pain", count(w7.loc["Research group", "Residual back pain"]), 52),
    rate("Wang: PVP alone", "residual back pain", count(w7.loc["Control group", "Residual back pain"]), 52),
])
rates.set_index(["quantity", "source"]).round(1)

# %% tags=["hide-input"]
fig, axes = plt.subplots(2, 1, figsize=(rc.MAX_WIDTH_IN, 5.6))
for ax, quantity in zip(axes, ["cement leakage", "residual back pain"]):
    d = rates[rates["quantity"] == quantity]
    y = np.arange(len(d))
    ax.errorbar(d["percent"], y, xerr=[d["percent"] - d["lo"], d["hi"] - d["percent"]], fmt="o", capsize=3,
                color=rc.ARM_PALETTE["intervention"])
    ax.set_yticks(y, d["source"])
    ax.set_xlabel(f"{quantity} (% of patients, Wilson 95% interval)")
    ax.set_xlim(0, 40)
    ax.invert_yaxis()
leak = rates[rates["quantity"] == "cement leakage"]
fig.suptitle(rc.wrap(f"Leakage ranges from {leak['percent'].min():.0f}% to {leak['percent'].max():.0f}% of patients "
                     "across the four cohort arms; every interval is wide", 60))
fig.tight_layout()
rc.save_figure(fig, FIGURES / "synthesis_same_quantity.png")
plt.show()

# %% [markdown]
# ## 6. Integrity across publications
#
# The preprint and the 2025 article report the same cohort size, case count and two identical odds ratios for
# two study periods that share no month; the Qin notebook compares them fact by fact, and its comparison rows
# are summarised here. Then every decimal number in the extracted
# data is searched for in the other studies' data.

# %% tags=["hide-input"]
qin = verdicts["qin2025_residual_pain"][1]
comparison = qin[qin["location"].str.endswith("against the preprint")]
comparison.assign(item=comparison["location"].map(rc.item_of))[["item", "verdict"]].set_index("item")

# %% tags=["hide-input"]
cells = {s: [c for frame in rc.load_study(DATA / s).tables.values() for c in frame.to_numpy().ravel()] for s in STUDIES}
repeated = rc.shared_numbers(cells, min_decimals=3, skip_unit_interval=True)
repeated

# %% tags=["remove-input"]
rc.say(f"{len(repeated)} numbers of 1 or above with three or more decimals appear in more than one source "
       "(numbers below 1, mostly P values and small test statistics, coincide by chance and are left out): "
       + ("; ".join(f"{r.number} in {r.studies}" for r in repeated.itertuples()) or "none") + ".")

# %% [markdown]
# ## 7. For journal club
#
# 1. Two of the five documents compare an add-on technique with standard cement augmentation in groups that
#    chose their own treatment. What would a trial that could settle the question look like, and what would
#    its control arm receive?
# 2. The preprint and the 2025 article report the same cohort size, case count and two identical odds ratios
#    for different study periods. How should a reader count them when weighing the evidence?
# 3. Sham-controlled trials found vertebroplasty no better than a sham procedure for most patients, yet
#    observational series report large improvements. What explains the gap?
# 4. Which of the checks used in this review would you run first on the next paper your journal club reads?
