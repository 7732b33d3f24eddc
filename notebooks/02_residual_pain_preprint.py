# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Residual low back pain after vertebroplasty: the preprint
#
# **Document appraised**: a preprint whose extracted text names no authors, server or date, reporting risk
# factors for residual low back pain after percutaneous vertebroplasty (PVP) in 1120 patients treated from
# July 2014 to June 2020, with a 61-versus-61 comparison (Tables 1 and 2, Figures 1 to 3 as images). Study id
# `residual_pain_preprint`. A 2025 journal article reports the same cohort size, the same number of cases and
# two identical odds ratios; it is appraised in `03_qin2025_residual_pain`, which compares the two.
#
# Checks and verdicts are explained in `00_methods`; every check below is written to
# `data/findings/residual_pain_preprint.csv`.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import recheck as rc

rc.use_review_style()
STUDY = "residual_pain_preprint"
DATA = Path("../data") / STUDY
FIGURES = Path("../figures")
study = rc.load_study(DATA)
meta = study.meta
ledger = rc.Ledger(STUDY)
record = ledger.add


text = study.table("text_numbers").set_index("Quantity")["Printed"]

# %% [markdown]
# ## 1. Design at a glance

# %%
pd.DataFrame({
    "item": ["Question", "Design", "Setting", "Period", "Case definition", "Controls", "Candidate factors",
             "Statistics as stated", "Ethics", "Funding"],
    "as reported": [
        "Which factors go with residual low back pain early after PVP?", meta["design"], meta["setting"],
        meta["period"], meta["pico"]["outcome"], meta["groups"][1]["treatment"], ", ".join(meta["candidate_factors"]),
        meta["statistics_stated"], meta["ethics"], meta["funding"]],
}).set_index("item")

# %% [markdown]
# Two details of the text matter for everything that follows. The case definition in the methods reads
# "a VAS score 3": the comparison symbol was lost in extraction, and the discussion says the threshold is
# VAS > 3, which we take as meant. And controls were drawn only from patients *with complete follow-up
# data*, a condition the cases did not have to meet.

# %% [markdown]
# ## 2. Patient flow

# %%
cohort, cases = int(text["patients treated"]), int(text["patients with residual pain"])
flow = [
    record(rc.check_flow(cohort, {"with residual pain": cases}, int(text["patients without residual pain"]),
                         "cohort split"), "Results 1 · cohort split"),
    record(rc.check_percent(cases, cohort, text["prevalence (%)"]), "Results 1 · prevalence"),
    record(rc.check_total({"cases": cases, "controls": int(text["controls selected"])}, 122, "analysed sample"),
           "Results 1 · analysed sample"),
]
rc.brief(flow)

# %%
prevalence_ci = rc.wilson_interval(cases, cohort)
rc.say(f"The arithmetic holds: {cases} of {cohort} is {rc.fmt(100 * cases / cohort, 2)}% (Wilson 95% interval "
       f"{rc.fmt(100 * prevalence_ci[0], 1)}% to {rc.fmt(100 * prevalence_ci[1], 1)}%). Note that the comparison "
       f"then uses {cases} + {int(text['controls selected'])} patients, so the odds ratios describe this 1:1 sample, "
       "not the cohort; no absolute risk can be read from the model.")

# %% [markdown]
# ## 3. Table 1: the univariate comparison
#
# As printed (Yes/No and category rows carry their variable's name so that every row label is unique):

# %%
study.table("table1")

# %%
t1 = study.table("table1").set_index("Characteristic")
groups = list(t1.columns[:2])
table1 = []
for row in t1.index:
    cells = [t1.loc[row, g] for g in groups]
    if rc.cell_kind(cells[0]) == "mean_sd":
        a, b = map(rc.parse_mean_sd, cells)
        table1.append(record(rc.check_ttest(a.mean.printed, a.sd.printed, 61, b.mean.printed, b.sd.printed, 61,
                                            p=t1.loc[row, "P value"]), f"Table 1 · {row}"))
    elif rc.cell_kind(cells[0]) == "count_pair":
        pairs = [rc.parse_count_pair(c) for c in cells]
        table1.append(record(rc.check_contingency([[p.first, p.second] for p in pairs], p=t1.loc[row, "P value"]),
                             f"Table 1 · {row}"))
        table1 += [record(rc.check_total({"male": p.first, "female": p.second}, 61, "sex"), f"Table 1 · {row} · {g}")
                   for p, g in zip(pairs, groups)]

binary = {"TFI": ["Yes", "No"], "Liquefaction signal": ["Yes", "No"], "Surgical approach": ["Unilateral", "Bilateral"],
          "Cement distribution": ["Satisfied", "Dissatisfied"]}
header_row = {"TFI": "TFI", "Liquefaction signal": "Liquefaction signal on MRI of the affected vertebrae",
              "Surgical approach": "Surgical approach", "Cement distribution": "Cement distribution"}
two_by_two = {}
for variable, levels in binary.items():
    counts = [[int(t1.loc[f"{variable}: {level}", g]) for level in levels] for g in groups]
    two_by_two[variable] = counts
    table1.append(record(rc.check_contingency(counts, p=t1.loc[header_row[variable], "P value"]),
                         f"Table 1 · {variable}"))
    table1 += [record(rc.check_total(dict(zip(levels, c)), 61, variable), f"Table 1 · {variable} · {g}")
               for c, g in zip(counts, groups)]
rc.brief(table1)[["location", "reported", "verdict"]]

# %%
off = [f for f in table1 if f.verdict != "consistent"]
rc.say(f"{len(table1) - len(off)} of {len(table1)} checks on Table 1 are consistent; every chi-square p matches "
       "Pearson's test without continuity correction. "
       + " ".join(f"{f.location}: printed {f.reported}, recomputed {f.recomputed.split(';')[0]} ({f.verdict})."
                  for f in off))

# %% [markdown]
# A mismatch of that size cannot come from rounding, but it does not change the conclusion. The table does
# not give the unit of "course of disease".

# %% [markdown]
# ## 4. Table 2: the multivariable logistic regression

# %%
study.table("table2")

# %% [markdown]
# Each row is over-determined: OR = exp(B), Wald = (B/SE)², p from the Wald chi-square, CI = exp(B ± 1.96·SE).

# %%
t2 = study.table("table2").set_index("Variable")
regression = []
for variable, r in t2.iterrows():
    ci = rc.parse_range(r["OR 95% CI"])
    for f in rc.check_logistic_row(B=r["Partial regression coefficient"], SE=r["Standard error"], wald=r["Wald value"],
                                   p=r["P value"], OR=r["Odds ratio"], ci_lower=ci.lower.printed,
                                   ci_upper=ci.upper.printed):
        regression.append(record(f, f"Table 2 · {variable}"))
grid = pd.DataFrame(regression).assign(variable=lambda d: d["location"].str.replace("Table 2 · ", ""))
grid.pivot_table(index="variable", columns="check", values="verdict", aggfunc="first", sort=False)

# %%
off2 = [f for f in regression if f.verdict != "consistent"]
rc.say(f"{len(regression) - len(off2)} of {len(regression)} relations hold within rounding. "
       + " ".join(f"{f.location}, {f.check}: printed {f.reported}, recomputed {f.recomputed}." for f in off2)
       + " The coefficients, ORs and intervals agree with each other; the printed p for the number of vertebral "
         "fractures does not follow from its own Wald value, though both are significant.")

# %% [markdown]
# **Direction of each regression row against Table 1 and the text.** An OR above 1 means the factor is more
# common (or larger) among patients with residual pain. We compare the sign of each coefficient with the
# direction of the difference in Table 1 (crude odds ratios from its 2x2 counts; for the number of
# fractures, the difference in means) and with the words the paper uses.

# %%
crude = {v: rc.odds_ratio_2x2(c) for v, c in two_by_two.items()}
counts_vertebrae = [rc.parse_mean_sd(t1.loc["Number of vertebral fractures", g]) for g in groups]
directions = pd.DataFrame([
    ("TFI", "Yes vs No", crude["TFI"][0], float(t2.loc["TFI", "Partial regression coefficient"]), "risk factor"),
    ("Liquefaction signal", "Yes vs No", crude["Liquefaction signal"][0],
     float(t2.loc["Liquefaction signal on MRI of the affected vertebrae", "Partial regression coefficient"]), "risk factor"),
    ("Number of vertebral fractures", "per vertebra",
     counts_vertebrae[0].mean.value - counts_vertebrae[1].mean.value,
     float(t2.loc["Number of vertebral fractures", "Partial regression coefficient"]), "risk factor"),
    ("Cement distribution", "Satisfied vs Dissatisfied", crude["Cement distribution"][0],
     float(t2.loc["Cement distribution", "Partial regression coefficient"]), "risk factor (abstract); protective (discussion)"),
], columns=["factor", "coding", "Table 1 effect", "B in Table 2", "text calls it"])
directions["Table 1 direction"] = np.where(
    directions["factor"] == "Number of vertebral fractures",
    np.where(directions["Table 1 effect"] > 0, "higher in cases", "lower in cases"),
    np.where(directions["Table 1 effect"] > 1, "more common in cases", "less common in cases"))
directions["Table 2 direction"] = np.where(directions["B in Table 2"] > 0, "raises odds", "lowers odds")
directions.round(3)

# %%
vertebrae = directions.set_index("factor").loc["Number of vertebral fractures"]
record(rc.Finding(
    "regression direction against table and text", "B = -2.319, OR = 0.098, called a risk factor",
    f"cases have {rc.fmt(vertebrae['Table 1 effect'], 2)} more fractured vertebrae on average; OR below 1 means "
    "fewer vertebrae go with residual pain", "decision",
    "the number of fractured vertebrae entered as a count, coded as printed in Table 1",
    "The coefficient says each extra fractured vertebra lowers the odds of residual pain about tenfold, the "
    "opposite of Table 1 (cases had more fractures) and of the text, which calls it a risk factor. Either the "
    "variable was coded in reverse, or the sign is wrong; the paper's conclusion about this factor cannot be "
    "taken from the table as printed."), "Table 2 · Number of vertebral fractures · direction")
record(rc.Finding(
    "regression direction against text", "OR = 0.253 for cement distribution, called a risk factor",
    f"crude OR for a satisfactory distribution {rc.fmt(crude['Cement distribution'][0], 3)} "
    f"(95% CI {rc.fmt(crude['Cement distribution'][1], 3)}-{rc.fmt(crude['Cement distribution'][2], 3)})",
    "concern", "cement distribution coded satisfied = 1, as the OR below 1 and Table 1 suggest",
    "The table and the regression agree that a satisfactory distribution goes with less residual pain; the "
    "abstract and conclusion nevertheless list it among 'risk factors' without saying which category carries "
    "the risk. The discussion calls it protective."), "Abstract · cement distribution · wording")
for factor in ("TFI", "Liquefaction signal"):
    row = directions.set_index("factor").loc[factor]
    record(rc.Finding(
        "regression direction against table and text", f"B = {rc.fmt(row['B in Table 2'], 3)}, called a risk factor",
        f"crude OR {rc.fmt(row['Table 1 effect'], 3)}", "consistent", "Yes coded 1",
        "The adjusted and crude associations point the same way as the text says."),
        f"Table 2 · {factor} · direction")
rc.brief(ledger.findings[-4:])

# %% [markdown]
# ## 5. Claims against data

# %%
abstract_or = {k: text[f"{k} odds ratio"] for k in ("TFI", "liquefaction", "vertebrae", "cement")}
table_or = dict(zip(abstract_or, t2["Odds ratio"]))
for key in abstract_or:
    same = abstract_or[key] == table_or[key]
    record(rc.Finding(
        "abstract against table", f"abstract OR {abstract_or[key]}", f"Table 2 OR {table_or[key]}",
        "consistent" if same else "concern", "as printed",
        "The abstract repeats the table." if same else "The abstract and the table disagree."),
        f"Abstract · OR {key}")
claims = pd.DataFrame([
    ("Results 1", "no difference in age, sex, BMI, course, BMD, VAS, approach, time, volume", "Table 1 recomputation",
     rc.worst(f.verdict for f in table1 if f.check != "arithmetic: sex" and not any(
         k in f.location for k in ("TFI", "Liquefaction", "Cement", "Number")))),
    ("Results 1", "TFI, liquefaction, number of vertebrae and cement distribution differ (P < 0.05)",
     "Table 1 recomputation", rc.worst(f.verdict for f in table1 if any(
         k in f.location for k in ("TFI", "Liquefaction", "Cement", "Number")))),
    ("Abstract", "four risk factors with their ORs", "Table 2 relations and directions",
     rc.worst(f.verdict for f in ledger.findings if f.location.startswith("Table 2") or f.location.startswith("Abstract"))),
    ("Methods", "VAS above 3 defines residual pain", "methods against discussion", "concern"),
], columns=["where", "claim", "checked by", "worst verdict behind it"])
record(rc.Finding(
    "text against text: case definition", "methods: 'a VAS score 3'; discussion: VAS > 3", "no number to recompute (a check of the text)",
    "concern",
    "the symbol was lost in text extraction (see the sources README)",
    "The methods' comparison symbol is missing in our copy, so whether VAS = 3 counted as residual pain cannot "
    "be confirmed from the methods alone; the discussion's '> 3' is taken as meant."), "Methods · case definition")
claims

# %% [markdown]
# **Eligibility against the sample.** The inclusion criteria require age over 60 and exclude patients with
# more than three treated segments. Table 1 gives the mean age and the mean number of fractured vertebrae
# with their SDs; Cantelli's bound says how many patients can at most lie beyond each limit.

# %%
eligibility = []
for g in groups:
    age = rc.parse_mean_sd(t1.loc["Age", g])
    young = rc.linear_combination([1], [age.mean.printed], [age.sd.printed])
    eligibility.append({"group": g, "criterion": "age 60 or less",
                        "at_most": rc.max_count_beyond(young, 60.0, 61, above=False)})
    number = rc.parse_mean_sd(t1.loc["Number of vertebral fractures", g])
    many = rc.linear_combination([1], [number.mean.printed], [number.sd.printed])
    eligibility.append({"group": g, "criterion": "4 or more vertebrae", "at_most": rc.max_count_beyond(many, 4.0, 61)})
eligibility = pd.DataFrame(eligibility)
for r in eligibility.itertuples():
    record(rc.Finding(
        "eligibility against sample (Cantelli bound)", f"Table 1 summary for {r.group}",
        f"at most {r.at_most} of 61 could have {r.criterion}", "consistent", "no distributional assumption",
        "The summaries do not contradict the criterion; they cannot confirm it either."),
        f"Table 1 · eligibility · {r.group} · {r.criterion}")
eligibility

# %%
rc.say(f"The summaries allow at most {eligibility['at_most'].max()} patients per group beyond either limit and "
       "require none, so they neither confirm nor contradict the criteria. The design questions are weightier.")

# %% [markdown]
# ## 6. Appraisal as a risk-factor and prediction study
#
# **Case-control selection (Newcastle-Ottawa items for case-control studies).**

# %%
nos = pd.DataFrame([
    ("Selection", "Is the case definition adequate?", "No star",
     "Single VAS reading with an unclear threshold (symbol lost; > 3 in the discussion), any time from day 2 to 1 month."),
    ("Selection", "Representativeness of the cases", "Star", "All 61 cases in a defined treated cohort."),
    ("Selection", "Selection of controls", "No star",
     "Drawn from the same cohort but only among patients with complete follow-up, a condition cases did not need."),
    ("Selection", "Definition of controls", "Star", "No residual pain by the same measure."),
    ("Comparability", "Comparability on the design or analysis", "No star",
     "No matching; the model adjusts only for factors that passed a univariate filter."),
    ("Exposure", "Ascertainment of exposure", "Star", "Pre-operative MRI and post-operative CT records."),
    ("Exposure", "Same method for cases and controls", "Star", "Same imaging protocol for all."),
    ("Exposure", "Non-response rate", "No star", "Not reported; controls with incomplete data were excluded."),
], columns=["domain", "item", "judgement", "reason"])
stars = int((nos["judgement"] == "Star").sum())
rob = nos.assign(study=STUDY, tool="Newcastle-Ottawa (case-control)", domain=nos["domain"] + ": " + nos["item"])
rob = pd.concat([rob, pd.DataFrame([{"study": STUDY, "tool": "Newcastle-Ottawa (case-control)", "domain": "Overall",
                                      "judgement": f"{stars} of 8 stars", "reason": "Selection of controls and "
                                      "comparability are the weak points."}])], ignore_index=True)
rob[["study", "tool", "domain", "judgement", "reason"]].to_csv(Path("../data/findings") / f"{STUDY}_rob.csv",
                                                               index=False, lineterminator="\n")
nos

# %% [markdown]
# **Prediction-model points (in the spirit of PROBAST).**

# %%
candidates = len(meta["candidate_factors"])
epv = cases / candidates
probast = [
    ("Participants", "case-control sampling", f"{cases} cases, {int(text['controls selected'])} controls", "concern",
     f"{cases} cases against {int(text['controls selected'])} sampled controls: the 50% outcome frequency of the "
     f"sample is not the {text['prevalence (%)']}% of the cohort, so predicted risks from this model would be wrong."),
    ("Analysis", "events per candidate variable", f"{cases} events, {candidates} candidate factors", "concern",
     f"{cases} events for {candidates} candidate factors: {rc.fmt(epv, 1)} events per variable, below the usual "
     "minimum of 10 (and far below current sample-size guidance)."),
    ("Analysis", "selection by univariate significance", "factors with P < 0.05 in Table 1 entered the model",
     "concern",
     "Only factors with P < 0.05 in Table 1 entered the model, a practice known to bias coefficients and "
     "overstate performance."),
    ("Analysis", "coding of predictors", "number of vertebrae as a count; cement distribution satisfied or not",
     "concern",
     "The number of vertebrae enters as a count (with a sign that contradicts Table 1); cement distribution is "
     "defined by the surgeon's judgement of 'satisfactory' on post-operative CT, an outcome of the operation "
     "rather than a pre-operative predictor."),
    ("Analysis", "overfitting and validation", "no validation, calibration or discrimination reported", "concern",
     "No internal validation (bootstrap or cross-validation), no calibration; the preprint reports no "
     "discrimination, and the 2025 article's AUC of 0.929 comes without validation."),
]
for domain, check, reported, verdict, explanation in probast:
    record(rc.Finding(f"prediction model: {check}", reported, "no number to recompute (a check of the design)",
                      verdict, "PROBAST signalling questions", explanation), f"Methods · prediction model · {check}")
pd.DataFrame(probast, columns=["domain", "point", "what the preprint shows", "verdict", "explanation"])

# %% [markdown]
# ## 7. Figures
#
# A forest plot of the adjusted odds ratios (Table 2) beside the crude odds ratios Table 1 allows, on a log
# scale. For the number of vertebrae Table 1 gives only means, so there is no crude OR. The preprint's own
# Figures 1 to 3 are MRI, X-ray and CT images and cannot be reproduced from data.

# %%
forest = []
for variable, r in t2.iterrows():
    ci = rc.parse_range(r["OR 95% CI"])
    forest.append({"factor": variable.replace(" on MRI of the affected vertebrae", ""), "estimate": "adjusted (Table 2)",
                   "OR": float(r["Odds ratio"]), "lo": ci.lower.value, "hi": ci.upper.value})
for variable, (or_, lo, hi) in crude.items():
    if variable in ("TFI", "Liquefaction signal", "Cement distribution"):
        forest.append({"factor": variable, "estimate": "crude (Table 1 counts)", "OR": or_, "lo": lo, "hi": hi})
forest = pd.DataFrame(forest)
order = list(dict.fromkeys(forest["factor"]))
offsets = {"adjusted (Table 2)": -0.12, "crude (Table 1 counts)": 0.12}
colours = {"adjusted (Table 2)": rc.ARM_PALETTE["intervention"], "crude (Table 1 counts)": rc.ARM_PALETTE["comparator"]}
fig, ax = plt.subplots(figsize=(7.5, 4))
for estimate, d in forest.groupby("estimate"):
    y = [order.index(f) + offsets[estimate] for f in d["factor"]]
    ax.errorbar(d["OR"], y, xerr=[d["OR"] - d["lo"], d["hi"] - d["OR"]], fmt="o", color=colours[estimate],
                capsize=3, label=estimate)
ax.axvline(1, color="#444444", lw=1)
ax.set_xscale("log")
ax.set_yticks(range(len(order)), order)
ax.invert_yaxis()
ax.set_xlabel("odds ratio for residual pain (log scale)")
ax.set_ylabel("")
ax.set_title("Every adjusted OR sits where Table 1 points, except the number of vertebrae")
ax.legend(fontsize=8, loc="lower right")
rc.save_figure(fig, FIGURES / "residual_pain_preprint_forest.png")
plt.show()

# %% [markdown]
# And what Table 1 shows for the continuous variables: the two groups' means with ±1 SD.

# %%
continuous = []
for row in t1.index:
    if rc.cell_kind(t1.loc[row, groups[0]]) == "mean_sd":
        for g, label in zip(groups, ("cases", "controls")):
            ms = rc.parse_mean_sd(t1.loc[row, g])
            continuous.append({"variable": row, "group": label, "mean": ms.mean.value, "sd": ms.sd.value})
continuous = pd.DataFrame(continuous)
fig, axes = plt.subplots(2, 4, figsize=(11, 5))
for ax, (variable, d) in zip(axes.flat, continuous.groupby("variable", sort=False)):
    ax.errorbar(d["group"], d["mean"], yerr=d["sd"], fmt="o", capsize=4, color=rc.ARM_PALETTE["intervention"])
    ax.set_title(variable, fontsize=9)
    ax.set_xlabel("")
    ax.set_ylabel("mean ± SD (unit as printed)", fontsize=8)
    ax.set_xlim(-0.6, 1.6)
fig.suptitle("Only the number of fractured vertebrae separates cases from controls")
fig.tight_layout()
rc.save_figure(fig, FIGURES / "residual_pain_preprint_table1.png")
plt.show()

# %% [markdown]
# ## 8. The findings at a glance

# %%
frame = ledger.write(Path("../data/findings") / f"{STUDY}.csv")
summary = rc.summary_by_part(frame)
summary

# %%
rc.verdict_bars(summary, f"{len(frame)} checks: the numbers agree; direction and design do not", "part of the preprint",
                FIGURES / "residual_pain_preprint_findings.png")
plt.show()

# %% [markdown]
# ## 9. For journal club
#
# 1. *Section 2*: the model is fitted on 61 cases and 61 sampled controls. What can and cannot be said about
#    a patient's risk from it?
# 2. *Section 4 (directions)*: the number of fractured vertebrae is higher in cases but has an OR of 0.098.
#    List the ways this can happen, and which one the authors should check first.
# 3. *Section 6 (controls)*: controls had to have complete follow-up; cases did not. How could that bias the
#    comparison of imaging findings?
# 4. *Section 6 (PROBAST)*: with 61 events and 13 candidate factors, how many predictors could a model
#    reasonably hold?
# 5. *Section 4*: is "satisfactory cement distribution" a predictor you can know before surgery?
#
# **Exercise**: from Table 1, TFI was present in 44 of 61 cases and 16 of 61 controls. Compute the crude odds
# ratio (44·45)/(17·16) and compare it with the adjusted 5.378. The cell below checks your arithmetic.

# %%
rc.say(f"Crude OR {rc.fmt(crude['TFI'][0], 3)} (95% CI {rc.fmt(crude['TFI'][1], 2)} to {rc.fmt(crude['TFI'][2], 2)}) "
       f"against the adjusted {t2.loc['TFI', 'Odds ratio']}.")

# %% [markdown]
# ## 10. Bottom line

# %%
counts = frame["verdict"].value_counts()
rc.say(
    f"**What the preprint claims**: thoracolumbar fascia injury, a liquefaction signal on MRI, the number of "
    f"fractured vertebrae and the cement distribution are risk factors for early residual pain after PVP.\n\n"
    f"**What survives**: {counts.get('consistent', 0)} of {len(frame)} checks are consistent. Table 1's tests "
    f"and Table 2's coefficients, ORs and intervals agree with each other.\n\n"
    f"**What does not**: the number-of-vertebrae coefficient points the wrong way for a risk factor "
    f"({counts.get('decision', 0)} decision-level finding), one printed p does not follow from its Wald value, "
    f"and the design (sampled controls required to have complete data, {rc.fmt(epv, 1)} events per candidate "
    f"variable, univariate screening, no validation) makes the ORs fragile.\n\n"
    f"**How much to trust it**: as a hypothesis-generating list of associations, moderately; as a risk model, "
    "not at all."
)
