# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Residual low back pain after vertebroplasty: the 2025 journal article, and how it relates to the preprint
#
# **Article appraised**: Qin F, Liu J, Chen W, Feng Y, Zhang S. *Analysis of influencing factors for early
# residual low back pain after percutaneous vertebroplasty.* J Pract Med 2025;41(18):2884-2889,
# doi:10.3969/j.issn.1006-5725.2025.18.015. Study id `qin2025_residual_pain`.
#
# Only the English abstract page is available to us; the full text is in Chinese. This notebook therefore
# does two things: it records what the abstract states, and it compares the abstract point by point with the
# preprint appraised in `02_residual_pain_preprint`, which reports the same cohort size, the same number of
# cases and two identical odds ratios. We describe what the two documents show; we do not infer intent.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import recheck as rc

rc.use_review_style()
STUDY = "qin2025_residual_pain"
FIGURES = Path("../figures")
article = rc.load_study(Path("../data") / STUDY)
preprint = rc.load_study(Path("../data") / "residual_pain_preprint")
ledger = rc.Ledger(STUDY)
record = ledger.add


abstract = article.table("abstract_numbers").set_index("Quantity")["Printed"]

# %% [markdown]
# ## 1. What the abstract states

# %%
article.table("facts").set_index("Fact")

# %%
article.table("abstract_numbers")

# %% [markdown]
# The abstract gives odds ratios without confidence intervals, coefficients or standard errors, and an area
# under the curve without an interval or any validation, so none of the regression checks we ran on the
# preprint can be run here. What can be checked is arithmetic the abstract implies, and its consistency with
# the dates on the page.

# %%
cohort, cases = int(abstract["patients"].replace(" ", "")), int(abstract["cases"])
record(rc.Finding(
    "implied prevalence", f"{cases} cases among {abstract['patients']} patients",
    f"{rc.fmt(100 * cases / cohort, 2)}% (the abstract prints no prevalence)", "consistent", "counts as printed",
    "The counts imply the same prevalence the preprint prints."), "Abstract: methods · cases")
dates = article.meta["dates"]
record(rc.Finding(
    "dates against the study period", f"period to June 2025; received {dates['received']}",
    "patients operated in late June 2025 reach the end of the 1-month window after submission", "concern",
    "the 1-month case window applies to every patient, as the abstract defines it",
    "The manuscript was received one day after the stated study period ended. Patients treated near the end of "
    "the period could not have completed the 2-day to 1-month observation window, let alone been analysed, "
    "before submission."), "Header · received date")
pd.DataFrame(ledger.findings)[["location", "reported", "recomputed", "verdict"]]

# %% [markdown]
# ## 2. Point by point against the preprint
#
# Each fact is matched by name; numbers are compared as printed numbers (within rounding), text after folding
# case and spacing. The wording of text facts is ours; the numbers are as printed.

# %%
comparison = rc.compare_facts(preprint.table("facts").rename(columns={"Fact": "fact", "Value": "value"}),
                              article.table("facts").rename(columns={"Fact": "fact", "Value": "value"}),
                              names=("preprint", "article"))
comparison

# %% [markdown]
# What each difference implies, in our reading:

# %%
implications = {
    "period": "Non-overlapping periods (2014-2020 against 2020-2025) for what the counts suggest is one data set.",
    "cohort size": "",
    "hospital": "The preprint names no hospital; the article's affiliation may or may not be the preprint's.",
    "control selection": "Random sampling and 1:1 matching are different designs with different analyses "
                         "(matched data call for conditional logistic regression).",
    "matching variables": "If the 122 patients are the same, the preprint's sex counts (14 against 20 men) "
                          "contradict matching on sex.",
    "OR: number of vertebrae": "Different coding (count against two or more); the estimate changes direction.",
    "OR: cement distribution": "Different reference category and a different value, not the reciprocal.",
    "coding: number of vertebrae": "The variable was redefined between the reports.",
    "coding: cement distribution": "The reference category was reversed between the reports.",
    "AUC": "Discrimination appears only in the article, without validation.",
    "design": "Random controls against matched controls.",
    "title topic": "The article restricts to early residual pain; the preprint's analysis did too.",
    "prevalence (%)": "Only the preprint prints it; the article's counts imply the same value.",
    "follow-up": "Only in the preprint.",
    "candidate variables": "Only in the preprint.",
    "software": "Only in the preprint.",
}
comparison["what it implies"] = comparison["fact"].map(implications).fillna("")
comparison[comparison["status"] != "same"][["fact", "status", "what it implies"]]

# %%
for _, r in comparison.iterrows():
    # A fact only one report gives cannot be compared; it is not by itself a discrepancy.
    verdict = {"same": "consistent", "different": "concern"}.get(r["status"], "not_checkable")
    record(rc.Finding(
        f"comparison with preprint: {r['status']}", f"article: {r['article'] or '(not reported)'}",
        f"preprint: {r['preprint'] or '(not reported)'}", verdict, "the two documents report one study, as their "
        "shared counts suggest; our wording of text facts",
        "Both documents report the same." if verdict == "consistent" else
        (r["what it implies"] or f"Reported {r['status']}.")), f"Comparison · {r['fact']}")
status_counts = comparison["status"].value_counts()
rc.say(f"Of {len(comparison)} facts, {status_counts.get('same', 0)} are the same in both documents, "
       f"{status_counts.get('different', 0)} differ, {status_counts.get('only in preprint', 0)} appear only in the "
       f"preprint and {status_counts.get('only in article', 0)} only in the article. The same: "
       + ", ".join(comparison[comparison['status'] == 'same']['fact']) + ".")

# %% [markdown]
# ## 3. Could the differing odds ratios be the same estimates re-expressed?
#
# Two of the four odds ratios are identical to the third decimal. The other two are reported in the
# opposite direction. Swapping a binary variable's reference category turns an OR into its reciprocal; a
# change of unit turns it into a power. We test each candidate over both rounding intervals.

# %%
table2 = preprint.table("table2").set_index("Variable")
pairs = {
    "cement distribution": ("Cement distribution", abstract["OR suboptimal cement distribution"]),
    "number of vertebrae": ("Number of vertebral fractures", abstract["OR two or more vertebrae"]),
}
transformations = []
for label, (row, other) in pairs.items():
    ci = rc.parse_range(table2.loc[row, "OR 95% CI"])
    tests = rc.or_transformations(table2.loc[row, "Odds ratio"], other, ci=(ci.lower.printed, ci.upper.printed))
    transformations.append(tests.assign(factor=label, preprint=table2.loc[row, "Odds ratio"], article=other))
transformations = pd.concat(transformations, ignore_index=True)
transformations[["factor", "preprint", "article", "transformation", "range", "matches"]]

# %%
tp1 = preprint.table("table1").set_index("Characteristic")
cement_counts = [[int(tp1.loc[f"Cement distribution: {lvl}", g]) for lvl in ("Dissatisfied", "Satisfied")]
                 for g in tp1.columns[:2]]
crude_or, crude_lo, crude_hi = rc.odds_ratio_2x2(cement_counts)
for label, block in transformations.groupby("factor", sort=False):
    hits = block[block["matches"]]["transformation"].tolist()
    exact = [h for h in hits if not h.startswith("inside")]
    record(rc.Finding(
        "odds ratio re-expression", f"article OR {block['article'].iloc[0]}",
        f"preprint OR {block['preprint'].iloc[0]}; matching re-expressions: {', '.join(hits) or 'none'}",
        "concern" if not exact else "consistent", "re-expressions tried: reciprocal and powers, over rounding",
        "No simple re-expression of the preprint's estimate gives the article's "
        + ("; the article's value does lie inside the reciprocal of the preprint's CI, so the two are statistically "
           "compatible but not the same estimate." if "inside the reciprocal CI" in hits else
           "; it lies outside even the reciprocal of the preprint's CI.")),
        f"Abstract: results · OR {label}")
rc.say(f"Neither differing OR is a reciprocal or a power of the preprint's. For cement distribution the preprint's "
       f"own Table 1 gives a crude OR for a suboptimal distribution of {rc.fmt(crude_or, 3)} "
       f"(95% CI {rc.fmt(crude_lo, 3)} to {rc.fmt(crude_hi, 3)}), close to the article's "
       f"{abstract['OR suboptimal cement distribution']}; for the number of vertebrae a count and a two-or-more "
       "indicator are different variables, so the numbers cannot be reconciled without the data.")

# %% [markdown]
# **Matching on sex against the preprint's Table 1.** Exact 1:1 matching on sex gives cases and controls the
# same number of men. The preprint's Table 1 does not:

# %%
sexes = [rc.parse_count_pair(tp1.loc["Sex (male/female)", g]) for g in tp1.columns[:2]]
record(rc.Finding(
    "design against the other report's data", "article: controls matched 1:1 on sex",
    f"preprint Table 1: {sexes[0].first} men among cases, {sexes[1].first} among controls", "concern",
    "the two documents analyse the same 122 patients, as their counts and identical ORs suggest",
    "If the patients are the same, the sex counts rule out matching on sex; if they are different patients, two "
    "disjoint samples produced the same cohort size, case count and two odds ratios to three decimals."),
    "Comparison · matching on sex")
rc.say(f"Cases: {sexes[0].first} men, {sexes[0].second} women; controls: {sexes[1].first} men, {sexes[1].second} women.")

# %% [markdown]
# ## 4. What this means for a reader

# %%
facts = comparison.set_index("fact")
same_or = [f for f in facts.index if f.startswith("OR:") and facts.loc[f, "status"] == "same"]
rc.say(
    f"The documents show the same cohort size ({facts.loc['cohort size', 'preprint']}), the same case count "
    f"({facts.loc['cases', 'preprint']}), the same case window and {len(same_or)} odds ratios identical to three "
    f"decimals ({', '.join(facts.loc[f, 'preprint'] for f in same_or)}), attached to **different study periods** "
    f"({facts.loc['period', 'preprint']} in the preprint; {facts.loc['period', 'article']} in the article), to "
    f"**different control designs**, and to **re-coded predictors** whose odds ratios change direction. The "
    "article's abstract does not mention the preprint (its full text and reference list are not available to us)."
)

# %% [markdown]
# What the guidance expects. The ICMJE recommendations on overlapping publications ask authors to tell
# editors about related reports, preprints included, and to cite them; a preprint followed by a journal
# article is acceptable when it is disclosed. COPE's guidance treats undisclosed redundant publication, and
# data reported under different descriptions of the sample, as matters to raise with the authors and the
# journal. Neither framework lets a reader resolve the questions from the documents alone.
#
# Questions a reader could put to the authors:
# 1. Are the 1120 patients of the two reports the same patients? Which study period is correct?
# 2. Were controls randomly sampled or matched? If matched, was a matched analysis used, and how do the
#    preprint's sex counts fit?
# 3. How were the number of vertebrae and cement distribution coded in each model, and why did the
#    estimates change?
# 4. How was the AUC of 0.929 obtained, and was it validated?
# 5. Was the preprint disclosed to the journal?

# %% [markdown]
# ## 5. What cannot be checked without the full text

# %%
unchecked = [
    ("Full text · Table 1", "univariate comparisons", "the table of group characteristics is not available"),
    ("Full text · regression table", "coefficients, SEs, Wald values, CIs", "only point ORs are printed in the abstract"),
    ("Abstract: results · AUC", "discrimination and its uncertainty", "no CI, no ROC curve, no validation method"),
    ("Abstract: methods · matching", "matching procedure and matched analysis", "method of matching and analysis not described"),
    ("Full text · ethics and consent", "ethics approval and consent", "not on the abstract page"),
    ("Full text · flow", "exclusions and missing data", "no flow of patients on the abstract page"),
    ("Full text · references", "citation of the preprint", "reference list not available"),
]
for location, check, why in unchecked:
    record(rc.Finding(check, "not on the abstract page", "needs the full text", "not_checkable", "abstract page only",
                      f"Needs the full text: {why}."), location)
pd.DataFrame(unchecked, columns=["location", "check", "what is missing"])

# %%
rob = pd.DataFrame({"study": STUDY, "tool": "Newcastle-Ottawa (case-control)",
                    "domain": ["Selection", "Comparability", "Exposure", "Overall"],
                    "judgement": "No information",
                    "reason": "Abstract only: the full text needed for each item is not available."})
rob.to_csv(Path("../data/findings") / f"{STUDY}_rob.csv", index=False, lineterminator="\n")
rob

# %% [markdown]
# ## 6. Figures
#
# The two reports' odds ratios side by side (log scale; the article prints no intervals), and the stated
# study periods against the dates of the article.

# %%
factors = [("TFI", "TFI", "OR TFI"), ("Liquefaction signal", "Liquefaction signal on MRI of the affected vertebrae",
                                      "OR liquefaction signal"),
           ("Number of vertebrae", "Number of vertebral fractures", "OR two or more vertebrae"),
           ("Cement distribution", "Cement distribution", "OR suboptimal cement distribution")]
fig, ax = plt.subplots(figsize=(7.5, 3.8))
for i, (label, row, key) in enumerate(factors):
    ci = rc.parse_range(table2.loc[row, "OR 95% CI"])
    est = float(table2.loc[row, "Odds ratio"])
    ax.errorbar([est], [i - 0.12], xerr=[[est - ci.lower.value], [ci.upper.value - est]], fmt="o", capsize=3,
                color=rc.ARM_PALETTE["intervention"], label="preprint (Table 2)" if i == 0 else None)
    ax.plot([float(abstract[key])], [i + 0.12], "s", color=rc.ARM_PALETTE["comparator"],
            label="2025 article (abstract)" if i == 0 else None)
ax.axvline(1, color="#444444", lw=1)
ax.set_xscale("log")
ax.set_yticks(range(len(factors)), [f[0] for f in factors])
ax.invert_yaxis()
ax.set_xlabel("odds ratio for residual pain (log scale)")
ax.set_title("Two odds ratios identical, two reversed between the reports")
ax.legend(fontsize=8, loc="lower right")
rc.save_figure(fig, FIGURES / "qin2025_residual_pain_or_comparison.png")
plt.show()

# %%
periods = pd.DataFrame([("preprint", "2014-07-01", "2020-06-30"), ("2025 article", "2020-07-01", "2025-06-30")],
                       columns=["report", "start", "end"]).assign(start=lambda d: pd.to_datetime(d["start"]),
                                                                  end=lambda d: pd.to_datetime(d["end"]))
fig, ax = plt.subplots(figsize=(7.5, 2.6))
for i, r in periods.iterrows():
    ax.barh(i, (r["end"] - r["start"]).days, left=r["start"], color=list(rc.ARM_PALETTE.values())[i], height=0.5)
ax.axvline(pd.Timestamp(dates["received"]), color=rc.VERDICT_PALETTE["concern"], ls="--", label="article received")
ax.set_yticks(range(len(periods)), [f"{r} ({facts.loc['cohort size', c]} patients, {facts.loc['cases', c]} cases)"
                                     for r, c in zip(periods["report"], ("preprint", "article"))])
ax.set_xlabel("calendar year")
ax.set_title("The same counts over two non-overlapping periods")
ax.legend(fontsize=8, loc="upper left")
rc.save_figure(fig, FIGURES / "qin2025_residual_pain_periods.png")
plt.show()

# %% [markdown]
# ## 7. The findings at a glance

# %%
frame = ledger.write(Path("../data/findings") / f"{STUDY}.csv")
frame["verdict"].value_counts().reindex([v for v in rc.VERDICTS if v in set(frame["verdict"])]).to_frame("checks")

# %% [markdown]
# ## 8. For journal club
#
# 1. *Section 2*: which of the shared facts would you expect to match by chance between two independent
#    cohorts of the same hospital, and which not?
# 2. *Section 3*: why does swapping the reference category give exactly the reciprocal OR, and why does the
#    article's cement OR fail that test?
# 3. *Section 3 (matching)*: what analysis does 1:1 matching call for, and what happens to the ORs if an
#    unmatched analysis is used?
# 4. *Section 1*: a manuscript received one day after its study period ended, with a one-month outcome
#    window. What would you ask the editor?
# 5. *Section 4*: how should a preprint and a later article from the same data be disclosed and cited?
#
# **Exercise**: take the preprint's cement OR 0.253 and compute its reciprocal, then the reciprocal of its CI
# (0.079 to 0.810). Is the article's 2.890 the reciprocal? Is it inside the reciprocal interval?

# %%
cement = transformations[transformations["factor"] == "cement distribution"].set_index("transformation")
rc.say(f"Reciprocal: {cement.loc['reciprocal', 'range']}; reciprocal CI: {cement.loc['inside the reciprocal CI', 'range']}.")

# %% [markdown]
# ## 9. Bottom line

# %%
counts = frame["verdict"].value_counts()
rc.say(
    f"**What the article claims**: four independent risk factors for early residual pain after PVP, with a "
    f"model AUC of {abstract['AUC']}.\n\n"
    f"**What we can check**: little, from an abstract; {counts.get('not_checkable', 0)} checks need the full text.\n\n"
    f"**What the comparison shows**: {status_counts.get('same', 0)} facts are the same as in the preprint, "
    f"including the cohort size, the case count and two odds ratios to three decimals, while "
    f"{status_counts.get('different', 0)} differ, among them the study period, the control design and the "
    f"direction of two estimates.\n\n"
    f"**How much to trust it**: until the authors explain how the two reports relate, a reader cannot tell which "
    "description of the sample, design and estimates is correct, and should not count the two as independent "
    "evidence."
)
