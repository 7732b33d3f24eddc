# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Huang: precise injection and staged perfusion of bone cement in kyphoplasty
#
# **Paper appraised**: Huang J, Huang J, Zhou Z, Lu Z, Fu C. *Precise injection and staged perfusion of bone
# cement in kyphoplasty for osteoporotic vertebral compression fracture: a retrospective cohort study.*
# Preprint (server and date not in the text we hold), Haikou Hospital of Traditional Chinese Medicine.
# Study id `huang_staged_kyphoplasty`.
#
# Checks and verdicts are explained in `00_methods`; every check is recorded in
# `data/findings/huang_staged_kyphoplasty.csv`.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import recheck as rc

rc.use_review_style()
STUDY = "huang_staged_kyphoplasty"
FIGURES = Path("../figures")
study = rc.load_study(Path("../data") / STUDY)
meta = study.meta
ledger = rc.Ledger(STUDY)
record = ledger.add
N = 55  # per group, Table 1 "Number"


# %% [markdown]
# ## 1. Design at a glance

# %%
pd.DataFrame({
    "item": ["Population", "Intervention", "Comparator", "Outcomes", "Design", "Setting", "Period", "Groups and n",
             "Allocation", "Statistics as stated", "Ethics and consent", "Funding"],
    "as reported": [meta["pico"]["population"], meta["pico"]["intervention"], meta["pico"]["comparator"],
                    meta["pico"]["outcomes"], meta["design"], meta["setting"], meta["period"],
                    "; ".join(f"{g['name']}: n = {g['n']}" for g in meta["groups"]), meta["allocation"],
                    meta["statistics_stated"], meta["ethics"], meta["funding"]],
}).set_index("item")

# %% [markdown]
# The definitions the paper gives, which section 6 holds against their use:

# %%
pd.Series(meta["definitions"], name="definition").to_frame()

# %% [markdown]
# What differs between the arms is the cement delivery only: where the filling tube points and whether
# cement goes in once or in two stages. Everything else (balloon, bilateral approach, local anaesthesia, the
# same chief surgeon) is described as common. Two inclusion details were damaged in extraction: the BMD
# threshold lost its "≤", and the two fracture subtypes that decide the tube in the experimental arm both
# read "Denis type A", so the branching rule cannot be reconstructed from our copy.

# %% [markdown]
# ## 2. Table 1: patient characteristics

# %%
study.table("table1")

# %%
t1 = study.table("table1").set_index("Characteristic")
arms = ["experimental group", "control group"]
sex = [rc.parse_count_pair(t1.loc["Gender (male to female)", a]) for a in arms]
table1 = [
    record(rc.check_total({"male": p.first, "female": p.second}, N, "sex"), f"Table 1 · Gender · {a}")
    for p, a in zip(sex, arms)
]
table1.append(record(rc.check_contingency([[p.first, p.second] for p in sex], p=t1.loc["Gender (male to female)", "P▽"]),
                     "Table 1 · Gender"))
age = [rc.parse_mean_sd(t1.loc["Age (yr ± SD)", a]) for a in arms]
# One-way ANOVA with two groups is the pooled t test squared: the same p.
table1.append(record(rc.check_ttest(age[0].mean.printed, age[0].sd.printed, N, age[1].mean.printed, age[1].sd.printed, N,
                                    p=t1.loc["Age (yr ± SD)", "P▽"]), "Table 1 · Age"))
for row in ("Pain", "Percussion pain", "Constipation", "Thoracic vertebra", "Lumbar vertebra"):
    yes = [int(t1.loc[row, a]) for a in arms]
    table1.append(record(rc.check_contingency([[y, N - y] for y in yes], p=t1.loc[row, "P▽"]), f"Table 1 · {row}"))
level = [[int(t1.loc[r, a]) for r in ("Thoracic vertebra", "Lumbar vertebra")] for a in arms]
table1 += [record(rc.check_total({"thoracic": lv[0], "lumbar": lv[1]}, N, "responsible vertebra"),
                  f"Table 1 · Responsible vertebral body · {a}") for lv, a in zip(level, arms)]
rc.brief(table1)

# %%
same_table = record(rc.Finding(
    "one table, two p-values", f"thoracic P = {t1.loc['Thoracic vertebra', 'P▽']}; lumbar P = {t1.loc['Lumbar vertebra', 'P▽']}",
    f"{level[0][0]}/{level[0][1]} against {level[1][0]}/{level[1][1]}: a single 2x2 table", "concern",
    "each patient has one responsible vertebra, thoracic or lumbar (single-segment inclusion)",
    "Thoracic and lumbar rows are the two columns of one 2x2 table, so any test of them has one p-value; "
    "printing two different p-values means at least one was not computed from these counts."),
    "Table 1 · Responsible vertebral body · two p-values")
impossible1 = [f for f in table1 if f.verdict == "impossible"]
rc.say(f"{sum(f.verdict == 'consistent' for f in table1)} of {len(table1)} checks on Table 1 are consistent. "
       + " ".join(f"{f.location}: {f.explanation}" for f in impossible1)
       + f" {same_table.explanation}")

# %%
p_checks = [f for f in table1 if not f.check.startswith("arithmetic")]
baseline_p = [rc.ttest_range(age[0].mean.printed, age[0].sd.printed, N, age[1].mean.printed, age[1].sd.printed, N).p[0]]
baseline_p += [rc.contingency_tests([[p.first, p.second] for p in sex]).set_index("variant").loc["pearson", "p"]]
baseline_p += [rc.contingency_tests([[y, N - y] for y in [int(t1.loc[r, a]) for a in arms]]).set_index("variant")
               .loc["pearson", "p"] for r in ("Constipation", "Thoracic vertebra")]
rc.say(f"The smallest recomputed baseline p-value in Table 1 is {rc.fmt_p(min(baseline_p))}, so the groups look "
       f"similar on what the table reports, but only {sum(f.verdict == 'consistent' for f in p_checks)} of "
       f"{len(p_checks)} printed p-values can be reproduced, which says something about how the table was "
       "produced. Table 1 "
       "reports nothing about fracture age, bone density values, pre-operative height loss or kyphosis; those "
       "appear only in Tables 3 to 6.")

# %% [markdown]
# ## 3. Table 2: operation time, blood loss and cement volume

# %%
study.table("table2")

# %%
t2 = study.table("table2").set_index("Outcome")
rows2 = []
for outcome, r in t2.iterrows():
    a, b = rc.parse_mean_sd(r["experimental group"]), rc.parse_mean_sd(r["control group"])
    rows2.append(dict(outcome=outcome, mean1=a.mean.printed, sd1=a.sd.printed, n1=N, mean2=b.mean.printed,
                      sd2=b.sd.printed, n2=N, t=r["t / t'"], p=r["P"]))
table2 = rc.ttest_table(pd.DataFrame(rows2))
for r in table2.itertuples():
    record(rc.check_ttest(r.mean1, r.sd1, r.n1, r.mean2, r.sd2, r.n2, t=r.t, p=r.p), f"Table 2 · {r.outcome} · t")
    record(rc.check_p_value("t", r.t, r.p, df1=2 * N - 2), f"Table 2 · {r.outcome} · P from printed t")
table2[["outcome", "t", "abs_t_lo", "abs_t_hi", "p", "p_lo", "p_hi", "verdict"]].round(4)

# %%
op = table2.set_index("outcome").loc["operation time(min)"]
rc.say(f"The operation times are printed without decimals (32 and 29 minutes), so each stands for a 1-minute "
       f"interval; even so, |t| lies between {rc.fmt(op['abs_t_lo'], 2)} and {rc.fmt(op['abs_t_hi'], 2)} and p "
       f"between {rc.fmt_p(op['p_lo'])} and {rc.fmt_p(op['p_hi'])}. The experimental operations were "
       f"significantly *longer*, while the paper prints t = {op['t']}, P = {op['p']} and reports no difference. "
       f"In Table 2, {int((table2['verdict'] == 'consistent').sum())} of {len(table2)} printed t values follow "
       f"from the means and SDs, and {sum(f.verdict == 'consistent' for f in ledger.findings if f.location.endswith('P from printed t'))} "
       f"of {len(table2)} printed P values follow from their own t.")

# %% [markdown]
# ## 4. Tables 3 to 6: outcomes over time
#
# Each table gives, per group, the mean ± SD before surgery and at two or three later times, a paired t and P
# against baseline under each later mean, and a between-group t and P per row. We check:
# (a) every between-group t against the printed means and SDs, (b) every printed P against its own t
# (108 degrees of freedom), and the range 0 to 1, (c) every paired t against what any pre/post correlation
# allows, and (d) every paired P against its t (54 degrees of freedom).

# %%
study.table("table3")

# %%
study.table("table4")

# %%
study.table("table5")

# %%
study.table("table6")

# %%
names = {"table3": "VAS (points)", "table4": "Anterior height ratio (%)", "table5": "Middle height ratio (%)",
         "table6": "Wedge angle (°)"}
long = []
for key, outcome in names.items():
    table = study.table(key)
    pre = table.iloc[0]
    for _, r in table.iterrows():
        long.append({"table": f"Table {key[-1]}", "outcome": outcome, "time": r["Time"], "exp": r["experimental group"],
                     "ctl": r["control group"], "t": r["t / t'"], "p": r["P"], "exp_pre": pre["experimental group"],
                     "ctl_pre": pre["control group"], "exp_t": r["experimental paired t"], "exp_p": r["experimental paired P"],
                     "ctl_t": r["control paired t"], "ctl_p": r["control paired P"]})
long = pd.DataFrame(long)
long[["table", "outcome", "time", "exp", "ctl", "t", "p"]]

# %%
between = []
for r in long.itertuples():
    place = f"{r.table} · {r.time}"
    a, b = rc.parse_mean_sd(r.exp), rc.parse_mean_sd(r.ctl)
    t_check = record(rc.check_ttest(a.mean.printed, a.sd.printed, N, b.mean.printed, b.sd.printed, N, t=r.t,
                                    p=r.p if float(r.p) <= 1 else None), f"{place} · between groups · t")
    p_check = record(rc.check_p_value("t", r.t, r.p, df1=2 * N - 2), f"{place} · between groups · P")
    rng = rc.ttest_range(a.mean.printed, a.sd.printed, N, b.mean.printed, b.sd.printed, N)
    between.append({"table": r.table, "time": r.time, "printed t": r.t, "printed P": r.p,
                    "|t| low": rng.abs_t[0], "|t| high": rng.abs_t[1], "p_low": rng.p[0], "p_high": rng.p[1],
                    "t check": t_check.verdict, "P check": p_check.verdict})
between = pd.DataFrame(between)
between.round(4)

# %%
over_one = between[between["printed P"].astype(float) > 1]
# Every between-group row is reported as 'no significant difference'; these rows contradict that.
flips = between[between["p_high"] < 0.05]
rc.say(f"{len(over_one)} printed p-values exceed 1 ({', '.join(over_one['printed P'])}), which no test can give. "
       f"{int((between['t check'] == 'consistent').sum())} of {len(between)} printed between-group t values are "
       f"reproduced by the printed means and SDs, and {int((between['P check'] == 'consistent').sum())} of the "
       f"printed P values follow from their own t. The recomputed test contradicts the paper's "
       f"'no significant difference' in {len(flips)} of {len(between)} rows: "
       + "; ".join(f"{r.table} {r.time} (P between {rc.fmt_p(r.p_low)} and {rc.fmt_p(r.p_high)})"
                   for r in flips.itertuples())
       + ".")

# %%
flipped = long.merge(flips[["table", "time"]], on=["table", "time"])
rc.say("In those rows the groups differ as follows: "
       + "; ".join(f"{r.outcome} at {r.time.lower()}: {r.exp} (staged) against {r.ctl} (conventional)"
                   for r in flipped.itertuples())
       + ". A baseline imbalance is a confounder the paper does not acknowledge, and a post-operative difference "
         "contradicts the abstract's 'no significant difference'.")

# %% [markdown]
#
# **Paired t tests.** Every follow-up mean sits far from its baseline with small SDs, so the paired t must be
# large whatever the correlation. The printed values are far too small:

# %%
paired = []
for r in long[long["time"] != long.groupby("outcome")["time"].transform("first")].itertuples():
    for arm, now, pre, t, p in (("experimental group", r.exp, r.exp_pre, r.exp_t, r.exp_p),
                                ("control group", r.ctl, r.ctl_pre, r.ctl_t, r.ctl_p)):
        a, b = rc.parse_mean_sd(pre), rc.parse_mean_sd(now)
        place = f"{r.table} · {r.time} · {arm} · paired"
        f = record(rc.check_paired_t(a.mean.printed, a.sd.printed, b.mean.printed, b.sd.printed, N, t), f"{place} t")
        record(rc.check_p_value("t", t, p, df1=N - 1), f"{place} P")
        imp = rc.paired_t_implied(a.mean.printed, a.sd.printed, b.mean.printed, b.sd.printed, N, t)
        paired.append({"table": r.table, "time": r.time, "arm": arm, "printed t": t, "smallest possible |t|":
                       imp.t_feasible[0], "verdict": f.verdict})
paired = pd.DataFrame(paired)
paired.round(2)

# %%
rc.say(f"All {len(paired)} paired t values are {'impossible' if (paired['verdict'] == 'impossible').all() else 'not all impossible'}: "
       f"the smallest |t| any correlation allows ranges from {rc.fmt(paired['smallest possible |t|'].min(), 1)} to "
       f"{rc.fmt(paired['smallest possible |t|'].max(), 1)}, while the printed values lie between "
       f"{paired['printed t'].astype(float).min()} and {paired['printed t'].astype(float).max()}. The direction of "
       "each within-group change is not in doubt, but the printed statistics cannot have come from these data.")

# %% [markdown]
# **Pain scores: granularity and SD bounds.** If VAS was recorded as whole numbers from 0 to 10, 55 scores
# must sum to a whole number (GRIM), fit a whole sum of squares (GRIMMER), and have an SD no smaller than
# their mean allows on a whole-number scale. The paper does not say how VAS was recorded.

# %%
granular = []
for r in long[long["table"] == "Table 3"].itertuples():
    for arm, text in (("experimental group", r.exp), ("control group", r.ctl)):
        ms = rc.parse_mean_sd(text)
        what = "VAS recorded as whole numbers 0-10"
        place = f"Table 3 · {r.time} · {arm}"
        grim = record(rc.check_grim(ms.mean.printed, N, what=what), f"{place} · GRIM")
        grimmer = (record(rc.check_grimmer(ms.mean.printed, ms.sd.printed, N, what=what), f"{place} · GRIMMER").verdict
                   if grim.verdict == "consistent" else "(mean fails GRIM)")
        bounds = record(rc.check_sd_bounds(ms.mean.printed, ms.sd.printed, N, 0, 10, what=what), f"{place} · SD bounds")
        granular.append({"time": r.time, "arm": arm, "printed": text, "GRIM": grim.verdict, "GRIMMER": grimmer,
                         "SD bounds": bounds.verdict, "possible SD": bounds.recomputed})
granular = pd.DataFrame(granular)
granular

# %%
sd_fail = granular[granular["SD bounds"] == "impossible"]
rc.say(f"{len(sd_fail)} of {len(granular)} VAS summaries have SDs smaller than whole-number scores allow, e.g. "
       f"{sd_fail['printed'].iloc[0]} at {sd_fail['time'].iloc[0]} ({sd_fail['possible SD'].iloc[0]}). "
       "If the VAS was a continuous 10-cm line these are possible, but SDs this small still mean that the "
       "patients' pain was nearly identical before surgery, and a 48-hour mean this close to 0 means almost none "
       "reported any pain two days after a fracture operation.")

# %% [markdown]
# ## 5. Table 7: cement distribution and leakage

# %%
study.table("table7")

# %%
t7 = study.table("table7").set_index("Item")
grades = ["Grade I", "Grade II", "Grade III", "Grade IV"]
grade_counts = {a: [rc.parse_count_percent(t7.loc[g, a]) for g in grades] for a in arms}
table7 = [record(rc.check_percent(c.count, N, c.percent.printed), f"Table 7 · {g} · {a}")
          for a in arms for g, c in zip(grades, grade_counts[a])]
table7 += [record(rc.check_total(dict(zip(grades, [c.count for c in grade_counts[a]])), N, "grades"),
                  f"Table 7 · Distribution grade · {a}") for a in arms]
mw_counts = [[c.count for c in grade_counts[a]] for a in arms]
mann_whitney = record(rc.check_mann_whitney(*mw_counts, statistic=t7.loc["Distribution grade of bone cement", "U"],
                                            kind="U", p=t7.loc["Distribution grade of bone cement", "P▽"]),
                      "Table 7 · Distribution grade · U")
leak = [int(t7.loc["Leakage", a]) for a in arms]
table7 += [record(rc.check_total({"leakage": int(t7.loc["Leakage", a]), "none": int(t7.loc["No leakage", a])}, N,
                                 "leakage"), f"Table 7 · Leakage · {a}") for a in arms]
table7 += [record(rc.check_percent(k, N, t7.loc["Leakage rate(%)", a]), f"Table 7 · Leakage rate · {a}")
           for k, a in zip(leak, arms)]
leakage = record(rc.check_contingency([[k, N - k] for k in leak], p=t7.loc["Number of bone cement leakage", "P▽"]),
                 "Table 7 · Leakage · chi-square")
rc.brief(table7 + [mann_whitney, leakage])

# %%
mw = rc.mann_whitney_from_counts(*mw_counts)
leak_tests = rc.contingency_tests([[k, N - k] for k in leak]).set_index("variant")
fragile = record(rc.Finding(
    "choice of test decides significance", f"P = {t7.loc['Number of bone cement leakage', 'P▽']} (chi-square)",
    f"Pearson P {rc.fmt_p(leak_tests.loc['pearson', 'p'])}; Yates P {rc.fmt_p(leak_tests.loc['yates', 'p'])}; "
    f"Fisher P {rc.fmt_p(leak_tests.loc['fisher', 'p'])}", "concern",
    f"{leak[0]} against {leak[1]} leakages in {N} per group; smallest expected count "
    f"{rc.fmt(leak_tests['min_expected'].iloc[0], 1)}",
    "No variant gives the printed P. Pearson's test gives P below 0.05, but the small-sample tests (Yates, "
    "Fisher) give P above it; the abstract's 'P < 0.01' is not supported by any of them."),
    "Table 7 · Leakage · test choice")
rc.say(f"Cement grades: the counts give U = {rc.fmt(mw.U, 1)} (|z| = {rc.fmt(abs(mw.z), 2)}, P {rc.fmt_p(mw.p)}), not "
       f"the printed U = {t7.loc['Distribution grade of bone cement', 'U']}; the difference is real either way. "
       f"Leakage: {fragile.recomputed}. {fragile.explanation}")

# %%
types = study.table("leakage_types").set_index("Group").replace("", "0").astype(int)
for a in arms:
    record(rc.check_total(types.loc[a].to_dict(), int(t7.loc["Leakage", a]), "leakage by type"),
           f"Results: leakage types · {a}")
types

# %% [markdown]
# ## 6. Definitions against their use

# %%
definitions = [
    ("Methods: efficacy evaluation · blood loss", "definition against name",
     "'blood loss' = haemoglobin drop as % of the pre-operative value",
     "The quantity is a relative fall in haemoglobin, not a blood volume; it depends on dilution and timing of "
     "the sample, which are not given. Calling it intraoperative blood loss (and printing it as %) invites misreading."),
    ("Methods: efficacy evaluation · distribution grades", "ordinal scale used as ranked",
     "grades I-IV combine two dimensions (dense or spongy; 50-75% or over 75%)",
     "Grades II and III are not ordered on any single dimension (spongy 50-75% against dense over 75%), yet the "
     "Mann-Whitney test treats I < II < III < IV as a ranking; which grade is 'better' is never said."),
    ("Methods: efficacy evaluation · grades I and II", "definition overlap",
     "grade I uses 'and / or' for the two X-ray views, grade III 'and'",
     "The two views are combined differently across grades, so a cement cast could meet two definitions."),
    ("Ethics", "design against consent statement",
     "retrospective cohort; approval November 2019; written consent 'for this trial' before surgery",
     "Consent for 'this trial' obtained before surgery and approval before the first patient point to a prospective "
     "study, not the retrospective cohort the title and abstract declare; how the technique was allocated is not stated."),
    ("Methods: surgical technique · fracture subtype", "definition lost in extraction",
     "tube choice depends on 'Denis type A' against 'Denis type A - ' fractures",
     "The subtype symbols are missing in our copy, so which fractures got which tube cannot be read; the "
     "technique is therefore not reproducible from this text."),
    ("Methods: efficacy evaluation · last follow-up", "outcome time point undefined",
     "'last follow-up' after at least 6 months",
     "No mean or range of follow-up is given, so 'last follow-up' values may come from different times per patient."),
    ("Abstract · conclusion", "claim against data", "the technique 'improves surgical efficacy'",
     "Pain, height and angle did not differ by the paper's own account; only the distribution grade (a process "
     "measure whose ordering is unclear) and leakage (with a test-dependent P) favoured the technique."),
    ("Table 6 · plausibility", "clinical plausibility of effect",
     "wedge angle falls from about 25° to 3-4° in both groups, SDs about 1°",
     "Kyphoplasty restoring almost every fractured vertebra to a near-normal wedge angle, with very little spread, "
     "is an unusually complete and uniform correction; the height ratios (about 47% to 85%) tell the same story."),
]
for location, check, reported, explanation in definitions:
    record(rc.Finding(check, reported, "no number to recompute (a check of the text)", "concern", "as stated in the paper", explanation),
           location)
pd.DataFrame(definitions, columns=["location", "check", "reported", "explanation"])

# %% [markdown]
# ## 7. Claims against data
#
# The abstract and results state "no significant difference" for every outcome except the cement grade and
# leakage. Each statement against our recomputation:

# %%
def against_no_difference(p_low: float, p_high: float) -> tuple[str, str]:
    """Verdict and explanation for the paper's 'no significant difference' against a recomputed p range."""
    found = rc.recomputed_significance((p_low, p_high))
    if found is False:
        return "consistent", "The recomputed test agrees: no significant difference."
    if found:
        return "decision", "The recomputed test is significant: the statement is wrong."
    return "minor", "The recomputed p straddles 0.05 over the rounding of the inputs: the statement cannot be confirmed."


statements = []
for r in between.itertuples():
    statements.append((f"{r.table} · {r.time}", "no significant difference",
                       f"Student t: P {rc.fmt_p_interval((r.p_low, r.p_high))}", *against_no_difference(r.p_low, r.p_high)))
for r in table2.itertuples():
    statements.append((f"Table 2 · {r.outcome}", "no significant difference",
                       f"Student t: P {rc.fmt_p_interval((r.p_lo, r.p_hi))}", *against_no_difference(r.p_lo, r.p_hi)))
statements.append(("Table 7 · Distribution grade", "P < 0.01", f"Mann-Whitney P {rc.fmt_p(mw.p)}",
                   *(("consistent", "The recomputed test agrees.") if mw.p < 0.01 else
                     ("decision", "The recomputed test does not reach P < 0.01."))))
statements.append(("Table 7 · Leakage", "P < 0.01", f"smallest P of any variant {rc.fmt_p(leak_tests['p'].min())}",
                   *(("decision", "No test of these counts reaches P < 0.01.") if leak_tests["p"].min() >= 0.01 else
                     ("consistent", "The recomputed test agrees."))))
claims = pd.DataFrame(statements, columns=["where", "paper_says", "recomputed", "verdict", "explanation"])
for r in claims.itertuples():
    record(rc.Finding("claim against recomputation", r.paper_says, r.recomputed, r.verdict,
                      "Student t on printed summaries; Mann-Whitney and chi-square on printed counts", r.explanation),
           f"{r.where} · claim")
claims[["where", "paper_says", "recomputed", "verdict"]]

# %% [markdown]
# ## 8. Risk of bias (ROBINS-I style)

# %%
rob = pd.DataFrame([
    ("Confounding", "Serious", "Technique chosen by an unstated process; baseline wedge angle already differed; "
     "no adjustment; fracture subtype (which decided the tube) not compared."),
    ("Selection of participants", "Moderate", "Consecutive selection not stated; no flow of screened and excluded patients."),
    ("Classification of interventions", "Moderate", "Technique rule partly unreadable (subtype symbols lost); "
     "a single surgeon performed both, changing practice over time is possible."),
    ("Deviations from intended interventions", "Low", "Same team, anaesthesia, approach and post-operative care."),
    ("Missing data", "Moderate", "No losses reported; 'last follow-up' timing undefined."),
    ("Measurement of outcomes", "Serious", "Unblinded VAS; radiographic grades and leakage read by the treating "
     "team; grade ordering undefined."),
    ("Selection of the reported result", "Serious", "Printed statistics do not match the data (P above 1, "
     "impossible paired t values); significant differences reported as non-significant."),
    ("Overall", "Serious", "Serious risk in three domains; the printed analyses cannot be relied on."),
], columns=["domain", "judgement", "reason"])
rob.insert(0, "tool", "ROBINS-I")
rob.insert(0, "study", STUDY)
rob.to_csv(Path("../data/findings") / f"{STUDY}_rob.csv", index=False, lineterminator="\n")
rob[["domain", "judgement", "reason"]].set_index("domain")

# %% [markdown]
# ## 9. Figures
#
# Outcome trajectories by group (means ± SD) from Tables 3 to 6; the cement grades and leakage types by
# group; and the findings summary. The paper's Figures 1 and 2 are intra-operative images and cannot be
# reproduced from data. Time points are placed on an ordinal axis because "last follow-up" has no date.

# %%
palette = {"staged perfusion": rc.ARM_PALETTE["intervention"], "conventional": rc.ARM_PALETTE["comparator"]}
series = []
for outcome, block in long.groupby("outcome", sort=False):
    for x, r in enumerate(block.itertuples()):
        for arm, text in (("staged perfusion", r.exp), ("conventional", r.ctl)):
            ms = rc.parse_mean_sd(text)
            series.append({"outcome": outcome, "arm": arm, "x": x, "time": r.time, "mean": ms.mean.value, "sd": ms.sd.value})
series = pd.DataFrame(series)
rc.trajectory_panels(series, list(names.values()), {n: n for n in names.values()},
                     "Both techniques give the same pain, height and angle curves", FIGURES / "huang_staged_kyphoplasty_outcomes.png",
                     "time point", palette, label_times=True)
plt.show()

# %%
grade_frame = pd.DataFrame([{"arm": "staged perfusion" if a == arms[0] else "conventional", "grade": g, "patients": c.count}
                            for a in arms for g, c in zip(grades, grade_counts[a])])
type_frame = types.rename(index={arms[0]: "staged perfusion", arms[1]: "conventional"}).reset_index(names="arm").melt(
    id_vars="arm", var_name="type", value_name="leakages")
fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
for ax, data, x, y, title in ((axes[0], grade_frame, "grade", "patients", "Cement distribution grade"),
                              (axes[1], type_frame, "type", "leakages", "Cement leakage by Yeom type")):
    for i, (arm, d) in enumerate(data.groupby("arm", sort=False)):
        ax.bar(np.arange(len(d)) + (i - 0.5) * 0.38, d[y], width=0.38, color=palette[arm], label=arm)
    ax.set_xticks(np.arange(len(data[x].unique())), data[x].unique())
    ax.set_xlabel(x)
    ax.set_ylabel(f"number of {y} (of {N} per group)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
fig.suptitle("Staged perfusion: more grade IV casts and fewer type C leaks")
fig.tight_layout()
rc.save_figure(fig, FIGURES / "huang_staged_kyphoplasty_cement.png")
plt.show()

# %%
frame = ledger.write(Path("../data/findings") / f"{STUDY}.csv")
summary = rc.summary_by_part(frame)
summary

# %%
serious = int(frame["verdict"].isin(["impossible", "implausible", "decision"]).sum())
rc.verdict_bars(summary, f"{len(frame)} checks: {serious} impossible, implausible or decision-changing",
                "part of the paper", FIGURES / "huang_staged_kyphoplasty_findings.png")
plt.show()

# %% [markdown]
# ## 10. For journal club
#
# 1. *Section 3*: operation times of 32 ± 4.46 and 29 ± 5.17 minutes in 55 patients each. Before computing:
#    is a 3-minute difference likely to be significant? Then compare with the printed P.
# 2. *Section 4*: three printed p-values exceed 1. What does that tell you about how the tables were made?
# 3. *Section 4 (paired t)*: why must a paired t be large when the SDs are small relative to the change?
# 4. *Section 6*: is a "grade IV" cement cast better than a "grade III"? What does the Mann-Whitney test assume?
# 5. *Section 6 (ethics)*: what does written consent "for this trial" before surgery suggest about the design?
#
# **Exercise**: from Table 7, leakage occurred in 2 of 55 and 9 of 55. Build the 2x2 table, compute Pearson's
# chi-square by hand (N(ad − bc)² divided by the product of the margins), and compare the p with the printed
# 0.007.

# %%
a_, b_, c_, d_ = leak[0], N - leak[0], leak[1], N - leak[1]
by_hand = 2 * N * (a_ * d_ - b_ * c_) ** 2 / ((a_ + b_) * (c_ + d_) * (a_ + c_) * (b_ + d_))
rc.say(f"χ² = 110 × ({a_}·{d_} − {b_}·{c_})² / ({a_ + b_}·{c_ + d_}·{a_ + c_}·{b_ + d_}) = {rc.fmt(by_hand, 3)}, "
       f"P = {rc.fmt_p(leak_tests.loc['pearson', 'p'])}.")

# %% [markdown]
# ## 11. Bottom line

# %%
counts = frame["verdict"].value_counts()
rc.say(
    f"**What the paper claims**: staged, targeted cement injection in kyphoplasty reduces leakage and improves "
    f"distribution without costing time, blood or cement, and improves surgical efficacy.\n\n"
    f"**What survives**: the counts (percentages, totals, leakage types) are internally consistent, and the "
    f"cement grade distribution does differ between groups.\n\n"
    f"**What does not**: of {len(frame)} checks, {counts.get('impossible', 0)} found impossible values (p-values "
    f"above 1, paired t values no data could give, a test on a table without variation) and "
    f"{counts.get('decision', 0)} contradict a significance call (among them a longer operation time and a "
    f"baseline difference in wedge angle reported as no difference); the leakage result depends on the test "
    f"chosen.\n\n"
    f"**How much to trust it**: the descriptive counts perhaps; the statistical statements not at all. The design "
    "is unclear (retrospective by title, consented 'trial' by its ethics statement), and the claim of better "
    "surgical efficacy is not supported by any outcome that matters to patients."
)
