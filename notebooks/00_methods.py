# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # How this review judges a number
#
# This page is the key to every other page of the review. It states the verdict scale and the grading rules
# first, then explains each check with a small worked example. Every example runs on the `recheck` library
# that the study notebooks use, so what you see here is exactly what they do.
#
# **For journal club**: several sections end with a question you can put to the room.

# %% tags=["hide-input"]
import pandas as pd
import matplotlib.pyplot as plt

import recheck as rc

rc.use_review_style()
FIGURES = "../figures"

# %% [markdown]
# ## The verdict scale
#
# From most to least serious:
#
# | verdict | meaning |
# |---|---|
# | impossible | no data could give the printed numbers (under an assumption the evidence supports) |
# | implausible | possible only under an unrealistic distribution or correlation |
# | decision | a significance call, a direction or a conclusion of the paper changes |
# | concern | a design, reporting, text-versus-table or interpretation problem, argued with numbers where there are any |
# | minor | outside rounding, but no conclusion of the paper changes |
# | consistent | reproduced within rounding; nothing about it misleads |
# | not checkable | cannot be checked from what is printed; the finding says what would be needed |
#
# Every check becomes a row of a **ledger**, one CSV per study in `data/findings/`, consistent rows included.
# Each row states what the paper printed, what we recomputed, the verdict, the assumption it rests on and a
# plain-language explanation whose first sentence stands on its own.

# %% tags=["hide-input"]
pd.DataFrame({"column": rc.COLUMNS, "holds": [
    "the study id", "table · outcome · group · time · statistic (or part · subject · aspect for text)",
    "what was checked", "only what the paper printed", "our value or interval, or why nothing can be computed",
    "one word from the scale above", "everything the verdict depends on that the paper does not print",
    "a plain-language why; its first sentence stands alone"]}).set_index("column")

# %% [markdown]
# ## How a paper's verdict is summarised
#
# Each study page opens with a verdict generated from its ledger:
#
# - **Distinct problems** count *printed items*, not rows: a statistic, its P and the claim about it are one
#   item, graded by its most serious row (see rule 2 below).
# - **A claim survives** when the checks behind it are *consistent* or only *minor* (a printed number is off, but
#   the conclusion stands); it does not survive on a *concern*, a *decision*, or numbers that are *impossible* or
#   *implausible*. Each claim's checks are listed in the study's `study.json`.
# - **How much to trust it** follows the first rule in this table that applies, from the overall risk of bias
#   (or quality score) and the number of serious problems (impossible, implausible or decision):

# %% tags=["remove-input"]
pd.DataFrame(rc.TRUST_RULES, columns=["trust", "when"]).set_index("trust")

# %% [markdown]
# ## Glossary
#
# | term | meaning |
# |---|---|
# | VAS | visual analogue scale for pain, 0 (none) to 10 (worst imaginable) |
# | ODI | Oswestry Disability Index, 0-100% from ten items scored 0-5 (so in steps of 2 points when all are answered) |
# | Qualeffo-41 | quality-of-life questionnaire for osteoporotic vertebral fractures, 0-100 (higher is worse) |
# | MCID | minimal clinically important difference: the smallest change patients notice as meaningful (VAS about 1-2 of 10, ODI about 10 points) |
# | ROBINS-I | risk-of-bias tool for non-randomised studies of interventions, seven domains judged low to critical |
# | Newcastle-Ottawa | quality scale for case-control and cohort studies, up to 9 stars over selection, comparability and exposure |
# | PROBAST | risk-of-bias tool for studies that develop or validate prediction models |
# | SANRA | six-item scale (0-2 each, 12 in all) for the quality of narrative reviews |
# | GRIM | test that a mean of n whole-number scores is a possible fraction k/n |
# | GRIMMER | test that a mean and SD of n whole-number scores can come from some whole sum of squares |
# | DEBIT | test that the SD of yes/no data matches its proportion |
# | CLOSURE | exhaustive listing of every whole-number sample that has a printed mean, SD and n |
# | Carlisle's method | combining a table's baseline P values to ask whether groups are more (or less) alike than chance allows |
# | Rounding interval | everything a printed number can stand for: 6.84 is anything from 6.835 to 6.845 |
# | PVP, PKP, OVCF | percutaneous vertebroplasty (cement injected into the vertebra), percutaneous kyphoplasty (a balloon first makes a cavity), osteoporotic vertebral compression fracture |
# | OR, AUC, Wald | odds ratio; area under the ROC curve (how well a score separates cases from non-cases, 0.5 = chance); the Wald statistic (B/SE)² of a regression coefficient |
# | Events per variable | outcome events divided by the candidate predictors of a model; below about 10, estimates and predictions are unstable |
# | Cantelli's inequality | a bound, valid for any data, on how many values can lie beyond a threshold given their mean and SD |
# | Stouffer's method | combining P values by adding their normal scores |
# | Wilson interval | a confidence interval for a proportion that behaves well near 0% and 100% |
# | Stars (Newcastle-Ottawa) | one star per quality item met, 9 at most for a case-control study |
# | Ledger, printed item, distinct problem | the CSV of every check of a paper; what one printed statistic and the claims about it make up; a printed item with at least one problem |

# %% [markdown]
# ## How a finding is graded: the rules
#
# The rulebook's grading rules are code in `recheck` (`grading.py`, `rules.py`, `summary.py`), tested, and
# every ledger is checked against them. Each rule is shown here with a worked example.
#
# **Rule 1: compare with the claim.** A recomputation is judged against what the paper *claims*: the printed
# P when it settles the call, otherwise the significance claim in its text or table. Below, a paper prints
# 10.0 ± 3.0 against 8.0 ± 3.0 with 30 patients per group and no P, but its text says the groups did not
# differ; and a second paper prints t = 5.627 with no P and no claim at all.

# %% tags=["hide-input"]
claimed = rc.check_ttest("10.0", "3.0", 30, "8.0", "3.0", 30, claim=rc.stated_claim(False, "results text"))
silent = rc.check_ttest("2.28", "0.69", 52, "3.05", "0.74", 52, t="5.627")
pd.DataFrame([claimed, silent])[["reported", "verdict", "explanation"]]

# %% [markdown]
# The first is a **decision**: the text's call is reversed. The second is **minor**, and it does not say the
# call is unchanged, because there was no call to compare. Only `recheck.call_sentence` writes "the
# significance call is unchanged", and only after comparing two calls.
#
# **Rule 2: one printed item, one story.** A location names the printed item and, in its last part, the
# statistic checked: `Table 7 · Leakage · between groups · at operation · P`. Rows that share everything but
# the last part are about one printed item; they may not mix *minor* with *decision*, and headline counts
# count items (distinct problems), each graded by its most serious row.

# %% tags=["hide-input"]
def row(location, verdict, explanation):
    return dict(study="example", location=location, check="c", reported="P = 0.007", recomputed="x",
                verdict=verdict, assumption="a", explanation=explanation)


example = pd.DataFrame([
    row("Table 7 · Leakage · between groups · at operation · chi2", "decision", "No variant gives P = 0.007."),
    row("Table 7 · Leakage · between groups · at operation · test choice", "concern", "Fisher's test is not significant."),
    row("Table 2 · Operative time · between groups · at operation · t", "minor", "The t is slightly too large."),
    row("Table 2 · Operative time · between groups · at operation · P", "consistent", "The P follows from t."),
    row("Table 1 · Age · between groups · baseline · t", "consistent", "Reproduced."),
], columns=list(rc.COLUMNS))
rc.distinct_problems(example)[["item", "verdict", "rows"]]

# %% tags=["remove-input"]
rc.say(f"Five rows, {len(rc.distinct_problems(example))} printed items; the distinct problems are "
       f"{rc.counts_sentence(rc.problem_counts(example))}.")

# %% [markdown]
# **Rule 3: a consistent row raises no doubt.** A post-hoc power that reproduces is *consistent*; that it only
# restates the p-value is a doubt, and it gets its own *concern* row (same item, its own aspect). A lint flags
# any consistent row whose explanation hedges ("but", "however", "only restates", "far below").

# %% tags=["hide-input"]
hedged = pd.DataFrame([row("Methods · sample size · post-hoc power · power", "consistent",
                           "The arithmetic is right, but post-hoc power only restates the p-value.")],
                      columns=list(rc.COLUMNS))
rc.rule_violations(hedged)

# %% [markdown]
# **Rule 4: assumptions carry their evidence.** GRIM assumes whole-number scores. If a family of means passes
# GRIM about as often as means of finer-grained data would, the review's own numbers contradict the
# assumption: the family becomes one conditional *concern*, and its rows are *not_checkable*, never a dozen
# *impossible* rows. Here 22 VAS means of 52 patients, 12 of which pass; a mean printed with two decimals
# passes by chance about half the time at n = 52.

# %% tags=["hide-input"]
grid = [f"{x / 100:.2f}" for x in range(100, 1000)]
chance = sum(rc.grim_consistent(m, 52) for m in grid) / len(grid)
family = [rc.Finding("GRIM", f"mean {i}", "x", "consistent" if i < 12 else "impossible", "whole-number VAS",
                     "why.", "example", f"Table 5 · VAS · group · t{i} · GRIM") for i in range(22)]
rows, concern = rc.grade_granularity_family(family, chance, "VAS means")
rc.say(f"Chance pass rate {chance:.0%}. Family verdict: **{concern.verdict}**; rows become "
       f"*{rows[-1].verdict}*. {concern.explanation}")

# %% [markdown]
# **Rule 5: use every number the paper prints.** A bound that the printed numbers allow is computed, even when
# it needs several tables together (the sections below show how: paired t tests fix covariances for a
# repeated-measures ANOVA; a bounded count can be reconstructed exactly). *not_checkable* is for what truly
# needs raw data.
#
# **Rule 6: self-describing rows.** Rows from tables name table · outcome · group · time · statistic, built
# with `rc.location`; `reported` holds only what was printed, and every assumption (a df, a test variant) goes
# in `assumption`. A test checks that every decimal in `reported` is a number extracted from the paper.
#
# **Rule 7: prose follows the ledger.** Each study page opens with a verdict generated from its ledger, its
# judgements and the claims listed in its `study.json`; the bottom line, the figure titles, the landing
# page's table and the handouts are generated the same way, and tests regenerate them and compare. For the
# small example above, with two claims:

# %% tags=["remove-input"]
example_rob = pd.DataFrame({"study": "example", "tool": "ROBINS-I", "domain": ["Overall"],
                            "judgement": ["Moderate"], "reason": ["x"]})
example_meta = {"study_id": "example", "headline": "the new technique is safer and no slower",
                "claims": [{"where": "Abstract", "claim": "less leakage", "evidence": ["Table 7"]},
                           {"where": "Abstract", "claim": "same age in both groups", "evidence": ["Table 1"]}]}
rc.boxed(rc.verdict_markdown(rc.study_verdict(example_meta, example, example_rob)), "Verdict")

# %% [markdown]
# **Rule 8: measured wording.** Findings describe what the documents show, never intent, and a flag that
# cannot be defended with numbers on the page is not raised.
#
# **Question for the room**: which of these rules would change a verdict you have seen in a published
# re-analysis?

# %% [markdown]
# ## 1. A printed number is an interval
#
# A paper that prints a mean of 6.84 tells us only that the true mean rounds to 6.84: anything from 6.835
# to 6.845. The number of printed decimals matters, which is why every extracted number in `data/` is kept
# as text: "2.50" stands for [2.495, 2.505], "2.5" for [2.45, 2.55].

# %% tags=["hide-input"]
pd.DataFrame(
    [(r.printed, r.decimals, r.lo, r.hi) for r in map(rc.parse_rounded, ["6.84", "2.50", "2.5", "52"])],
    columns=["printed", "decimals", "lowest value", "highest value"],
).round(4)

# %% [markdown]
# We take these intervals as closed at both ends, because authors round half up, half to even, or simply
# truncate; a closed interval never flags a value that some common rounding rule could have printed.
#
# A statistic recomputed from rounded inputs is therefore an interval too. We compute that interval
# exactly (not by trying a few values), then ask whether the printed statistic, itself rounded, can meet it.
# A point recomputation that differs from the paper in the second decimal is *not* an error.

# %% [markdown]
# ## 2. Two-sample t test from means, SDs and group sizes
#
# Take a row of the Wang paper's Table 2: 2.28 ± 0.69 h versus 3.05 ± 0.74 h, 52 patients per group, printed as
# t = 5.627. We recompute Student's t (pooled variance) and Welch's t over every combination of inputs the
# rounding allows.

# %% tags=["hide-input"]
row = dict(mean1="2.28", sd1="0.69", n1=52, mean2="3.05", sd2="0.74", n2=52)
ranges = [rc.ttest_range(**row, equal_var=ev) for ev in (True, False)]
pd.DataFrame(
    [(r.variant, r.t[0], r.t[1], r.point.t, r.df[0], r.df[1]) for r in ranges],
    columns=["variant", "t lowest", "t highest", "t from printed values", "df lowest", "df highest"],
).round(3)

# %% tags=["hide-input"]
finding = rc.check_ttest(**row, t="5.627", p="< 0.001")
rc.say(
    f"No combination of inputs gives |t| above **{rc.fmt(ranges[0].abs_t[1])}**, so the printed 5.627 "
    f"lies outside what the table allows. Because p stays below 0.001 either way, the verdict is "
    f"**{finding.verdict}**: {finding.explanation}"
)

# %% [markdown]
# Why rounding matters: the figure shows how wide the range of t is when the same summary statistics are
# printed with 0, 1, 2 or 3 decimals. A paper that prints one decimal leaves much more room than one that
# prints two, and a check that ignored this would raise false alarms.

# %% tags=["hide-input"]
true = dict(mean1=2.2843, sd1=0.6912, mean2=3.0467, sd2=0.7391)
spans = []
for decimals in range(4):
    printed = {k: f"{v:.{decimals}f}" for k, v in true.items()}
    r = rc.ttest_range(printed["mean1"], printed["sd1"], 52, printed["mean2"], printed["sd2"], 52)
    spans.append({"decimals printed": decimals, "lowest |t|": r.abs_t[0], "highest |t|": r.abs_t[1]})
spans = pd.DataFrame(spans)
spans.round(3)

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN, 3.8))
for y, s in spans.iterrows():
    ax.plot([s["lowest |t|"], s["highest |t|"]], [y, y], lw=8, color=rc.ARM_PALETTE["intervention"],
            solid_capstyle="butt")
ax.axvline(5.627, color=rc.VERDICT_PALETTE["decision"], ls="--", label="printed t = 5.627")
ax.set_yticks(range(len(spans)), [f"{d} decimal(s)" for d in spans["decimals printed"]])
ax.set_xlabel("|t| consistent with the printed means and SDs (dimensionless)")
ax.set_ylabel("precision of the printed inputs")
ax.set_title("Fewer printed decimals leave a wider range of possible t")
ax.legend(loc="upper right")
rc.save_figure(fig, f"{FIGURES}/methods_rounding_t_range.png")
plt.show()

# %% [markdown]
# **Question for the room**: with one printed decimal, would you flag t = 5.627? With two?

# %% [markdown]
# ## 3. Paired (before/after) t tests
#
# Papers often print pre- and post-treatment means and SDs with a paired t, but not the SD of the
# individual changes. From t we recover that SD, and from it the correlation r between pre and post
# values that the t implies. Real data need r between -1 and 1, so some t values are impossible whatever
# the data; an r far from what such measurements usually show is worth discussing.

# %% tags=["hide-input"]
paired = rc.check_paired_t("10.00", "3.00", "8.00", "1.00", 25, "8.00")
possible = rc.check_paired_t("10.00", "2.00", "8.00", "2.00", 25, "5.000")
pd.DataFrame([possible, paired])[["reported", "recomputed", "verdict"]]

# %% tags=["remove-input"]
rc.say(f"With SDs of 3.00 and 1.00 the SD of the changes cannot be much below 2. {paired.explanation}")

# %% [markdown]
# ## 4. Tests of association from counts: which variant?
#
# From a 2x2 table of counts we compute Pearson's chi-square, Yates' corrected chi-square, the
# likelihood-ratio statistic and Fisher's exact test, and report which one reproduces the paper. Here the
# complications of the Wang paper's Table 7, 2 of 52 against 8 of 52:

# %% tags=["hide-input"]
table = [[2, 50], [8, 44]]
rc.contingency_tests(table).round(4)

# %% tags=["hide-input"]
association = rc.check_contingency(table, statistic="3.983", p="0.046")
rc.say(f"A printed chi-square of 3.983 is reproduced: **{association.verdict}**. {association.explanation}")

# %% [markdown]
# The smallest expected count here is exactly 5, at the usual threshold: below it the chi-square approximation
# is shaky and Fisher's test is the usual choice. **Question**: does the conclusion about p < 0.05 survive Fisher's test?

# %% [markdown]
# ## 5. Percentages, totals and patient flow
#
# A percentage must be its count divided by its denominator. When it is not, we say which counts would
# have produced it. Flow diagrams must add up: screened minus excluded equals analysed.

# %% tags=["hide-input"]
pd.DataFrame([
    rc.check_percent(25, 52, "48.08"),
    rc.check_percent(25, 52, "48.06"),
    rc.check_flow(130, {"excluded by criteria": 16, "incomplete data": 10}, 104),
])[["check", "reported", "recomputed", "verdict", "explanation"]]

# %% [markdown]
# ## 6. p-values from a printed statistic
#
# Given a statistic and its degrees of freedom, the p-value is fixed. This is the check made famous by
# statcheck. A mismatch that moves p across 0.05 is a **decision** error.

# %% tags=["hide-input"]
pd.DataFrame([
    rc.check_p_value("t", "2.2", "< .05", df1=28, df_printed=True),
    rc.check_p_value("t", "1.80", "0.04", df1=28, df_printed=True),
    rc.check_p_value("chi2", "0.641", "0.423", df1=1),
])[["reported", "recomputed", "verdict", "explanation"]]

# %% [markdown]
# ## 7. Granularity: means and SDs of whole-number data
#
# When every patient's score is a whole number (a 0-10 pain scale, say), n scores sum to a whole number,
# so the mean can only be a multiple of 1/n (**GRIM**). The sum of squares is a whole number as well, and
# has the same parity as the sum, which constrains the SD (**GRIMMER**). For yes/no data the SD follows
# from the proportion (**DEBIT**). And a bounded scale caps the SD: on 0-10, n scores with a mean near 1
# cannot have an SD of 4.
#
# We improve on the published calculators in two ways: GRIMMER tries *every* whole total that the rounded
# mean allows (not just the nearest one), and DEBIT first checks that the proportion is a possible k/n.
# All of these checks carry an assumption that the reader must accept: **the scores are whole numbers**.
# A pain score recorded with halves breaks it, and the study notebooks say so each time.

# %% tags=["hide-input"]
pd.DataFrame([
    rc.check_grim("3.48", 20, what="die rolls, whole numbers"),
    rc.check_grimmer("3.00", "1.66", 5),
    rc.check_debit("0.35", "0.50", 10),
    rc.check_sd_bounds("1.00", "3.50", 3, 0, 10, what="0-10 pain scale"),
])[["check", "reported", "recomputed", "verdict", "assumption"]]

# %% [markdown]
# GRIM is powerless when n is large relative to the printed precision: with 104 patients and two
# decimals, every mean is a possible multiple of 1/104.

# %% tags=["remove-input"]
rc.say(rc.check_grim("6.84", 104).explanation)

# %% [markdown]
# **Every possible sample (CLOSURE).** When the scale is short, the printed mean, SD and n can pin the data
# down completely. `rc.possible_samples` lists every multiset of whole-number scores that reproduces them
# (SPRITE searches randomly; this search is exhaustive, and `rc.count_possible_samples` counts without listing).
# rsprite2's documentation example, a mean of 2.20 and an SD of 1.32 from 20 answers on a 1-5 scale, reports
# nine distributions found; the exhaustive list:

# %% tags=["hide-input"]
samples = rc.possible_samples("2.20", "1.32", 20, 1, 5)
pd.DataFrame([{"sample": i + 1, **{f"{v}s": s.count(v) for v in range(1, 6)}} for i, s in enumerate(samples)]
             ).set_index("sample")

# %% tags=["remove-input"]
rc.say(f"{len(samples)} samples, so anything derived from them (a median, a share above a threshold) can be "
       f"bounded exactly: the share of answers of 4 or 5 lies between "
       f"{min(sum(x >= 4 for x in s) for s in samples) / 20:.0%} and {max(sum(x >= 4 for x in s) for s in samples) / 20:.0%}. "
       "The study notebooks use this to rebuild counts a paper prints only as a mean and SD.")

# %% [markdown]
# ## 8. Logistic regression rows
#
# A row of a logistic regression table (coefficient B, standard error, Wald statistic, p, odds ratio and
# its 95% CI) is over-determined: OR = exp(B), Wald = (B/SE)², the CI is exp(B ± 1.96·SE) and is centred on
# the OR on the log scale. Each relation is checked within rounding. A made-up row: B = 0.693, SE = 0.200,
# Wald = 8.000, P = 0.005, OR = 2.500 with 95% CI 1.351 to 2.960 (the upper limit is deliberately wrong):

# %% tags=["hide-input"]
logistic = rc.check_logistic_row(B="0.693", SE="0.200", wald="8.000", p="0.005", OR="2.500",
                                 ci_lower="1.351", ci_upper="2.960")
pd.DataFrame(logistic)[["check", "reported", "recomputed", "verdict"]].set_index("check")

# %% [markdown]
# ## 9. Mann-Whitney U from grouped grades
#
# Ordinal outcomes printed as counts per grade (e.g. cement distribution grades by group) can be tested
# again from the counts, with ties handled as statistical packages do. Made-up counts over four ordered grades:
# 12, 20, 15 and 8 patients in one group against 5, 15, 20 and 15 in the other.

# %% tags=["hide-input"]
mw = rc.mann_whitney_from_counts([12, 20, 15, 8], [5, 15, 20, 15])
rc.say(f"U = {rc.fmt(mw.U, 1)}, z = {rc.fmt(mw.z)}, two-sided p = {rc.fmt_p(mw.p)} "
       f"(with continuity correction {rc.fmt_p(mw.p_continuity)}).")

# %% [markdown]
# ## 10. Bounds when the real analysis needs patient data
#
# Some printed results cannot be recomputed from summaries, but the summaries still limit them.
#
# **Derived rates.** A paper may report that k of n patients met a threshold (for example a 30% fall in a
# score). Cantelli's inequality, which holds for any set of numbers, caps the share of patients that can lie
# at or beyond a threshold given their mean and SD. For a per-patient criterion such as "after ≥ 0.7 × before",
# the quantity after − 0.7 × before has a known mean, and an SD no larger than SD_after + 0.7 × SD_before
# whatever the correlation. Here: a score falls from 77.6 ± 5.5 to 10.2 ± 2.3 in 52 patients.

# %% tags=["hide-input"]
keeping_70 = rc.linear_combination([1, -0.7], ["10.15", "77.59"], ["2.27", "5.46"])
rc.say(f"The mean of after − 0.7 × before is at most {rc.fmt(keeping_70.mean[1], 2)} with SD at most "
       f"{rc.fmt(keeping_70.sd_max, 2)}, so at most **{rc.max_count_beyond(keeping_70, 0.0, 52)}** of 52 patients can "
       "have kept 70% or more of their baseline score. A paper reporting 14 such patients cannot be right.")

# %% [markdown]
# **Repeated-measures ANOVA.** Papers print the F of a two-group repeated-measures ANOVA but never the
# covariances between a patient's own measurements. Those covariances are not free, though:
#
# - each paired t test of a follow-up against baseline fixes the SD of that change, and so the covariance of
#   that pair of time points;
# - every covariance the paper does not fix can only range over values that keep each group's covariance
#   matrix valid (positive semidefinite).
#
# All three F values (between groups, time, group × time) depend on the covariances only through the
# variance of each patient's total over time, whose range has a closed form. So the printed means, SDs and
# paired t's bound every F, rounding included (`rc.rm_anova_bounds`). Here three time points per group,
# 52 patients each, with the paired t's a paper printed beside them:

# %% tags=["hide-input"]
research = (["15.13", "6.95", "6.87"], ["3.29", "1.37", "1.40"])
control = (["14.56", "7.82", "7.75"], ["3.11", "1.65", "1.59"])
anova = rc.rm_anova_bounds(*research, 52, *control, 52, paired_t1=["18.25", "18.51"], paired_t2=["15.71", "15.89"])
printed_f = {"between": "59.680", "time": "110.35", "interaction": "81.231"}
pd.DataFrame([{"effect": r.effect, "printed F": printed_f[r.effect], "feasible F from": r.f[0], "to": r.f[1],
               "df": f"({r.df1}, {r.df2})", "feasible P": rc.fmt_p_interval(r.p)}
              for r in (anova.between, anova.time, anova.interaction)]).set_index("effect").round(3)

# %% tags=["remove-input"]
outside = [e for e, r in (("between", anova.between), ("time", anova.time), ("interaction", anova.interaction))
           if not r.f[0] <= float(printed_f[e]) <= r.f[1]]
rc.say(f"{len(outside)} of 3 printed F values lie outside what any valid covariance matrix allows "
       f"({', '.join(outside) or 'none'}). A sphericity correction (Greenhouse-Geisser, Huynh-Feldt) changes "
       "the degrees of freedom and the P, never F, so it cannot rescue a printed F.")

# %% [markdown]
# ## 11. Patterns across a table
#
# Some problems show only across rows.
#
# **Baseline balance (Carlisle's method).** In a randomised trial, baseline P values should look like draws
# from a uniform distribution. Combining them (Stouffer's method, upper tail) gives a small value when the
# groups are more alike than chance allows and a value near 1 when they differ more. `rc.carlisle_combined_p`
# does this over every P's rounding interval. MEPtoolkit's test case, four baseline P values of .80:

# %% tags=["hide-input"]
point, (low, high) = rc.carlisle_combined_p(["0.80", "0.80", "0.80", "0.80"])
balance = rc.check_baseline_balance(["0.80", "0.80", "0.80", "0.80"], design="randomised trial", randomised=True)
rc.say(f"Combined value {point:.4f} (from {low:.4f} to {high:.4f} over the rounding): **{balance.verdict}**. "
       f"{balance.explanation}")

# %% [markdown]
# In a non-randomised study differences at baseline are expected and similarity may come from selection or
# matching, so the method says much less there; the study notebooks say so each time. Correlated baseline
# variables (weight and BMI) also count twice.
#
# **Do the printed statistics track the table?** When a table's printed t values do not follow from its own
# means and SDs, row after row, the pattern itself is a finding: `rc.check_statistics_track` counts the rows
# reproduced and the rank correlation between printed and recomputed values. Four rows made up for the example:

# %% tags=["hide-input"]
rows = [("2.28", "0.69", "3.05", "0.74", "0.782"), ("7.10", "1.20", "6.90", "1.10", "3.260"),
        ("5.50", "1.21", "5.20", "1.16", "0.572"), ("1.91", "0.84", "1.93", "0.69", "0.693")]
ranges = [rc.ttest_range(m1, s1, 55, m2, s2, 55) for m1, s1, m2, s2, _ in rows]
track = rc.check_statistics_track([r[4] for r in rows], [r.abs_t[0] for r in ranges], [r.abs_t[1] for r in ranges],
                                  "between-group t values")
rc.say(f"**{track.verdict}**: {track.explanation}")

# %% [markdown]
# ## 12. Comparing two reports of one study
#
# When two documents report the same cohort, we match their facts by name and classify each: same (numbers
# within rounding, text after folding case), different, or reported in one only. For odds ratios that differ
# we test whether one is a re-expression of the other: swapping the reference category gives the
# reciprocal, a change of unit gives a power.

# %% tags=["hide-input"]
rc.or_transformations("0.253", "2.890", ci=("0.079", "0.810"))

# %% [markdown]
# ## 13. Scanning any text for reported results
#
# `rc.scan_text` (and the `recheck scan` command) finds results printed as text (a statistic and its P
# together, not spread over table columns) and recomputes each P from its statistic, the way statcheck does
# for APA-style results (`t(28) = 2.20, p = .03`), and also in the forms clinical papers use: no degrees of
# freedom, `P = 0.000`, χ2 written many ways (LaTeX included), Unicode minus signs. Each result is graded on
# this review's scale. Below, a few short quoted results
# (numbers and statistical strings only) from the Wang paper's tables and results, one made-up APA result
# with a decision error, and an impossible P.

# %% tags=["hide-input"]
quoted = """Table 2, ambulation: t = 5.627, P < 0.001
Table 3, clinical success: χ2 = 5.429, P = 0.020
Table 7, complications: χ2 = 3.983, P = 0.046
made up: t(28) = 1.80, p = .04
made up: (t = 0.337, P = 1.042)"""
scanned = rc.scan_text(quoted, df_hint={"t": 102, "chi2": 1})
scanned[["line", "raw", "computed_p", "verdict"]].set_index("line").round(4)

# %% [markdown]
# The hints say what the design gives: two groups of 52 leave 102 degrees of freedom for a t test, and a 2x2
# table one for a chi-square; without them a result with no printed df is *not_checkable*. How do the
# scanner's verdicts compare with the hand-extracted ledger of the same paper? The scanner checks a P against
# its own statistic; the ledger checks the statistic against the tables' means, SDs and counts, which is a
# stronger check.

# %% tags=["hide-input"]
wang = rc.read_ledger("../data/findings/wang2025_needle_knife.csv")
hand = {1: "Table 2 · Time of getting out of bed", 2: "Table 3 · clinical success", 3: "Table 7 · Total incidence"}
pd.DataFrame([{"line": line, "scanner": scanned.set_index("line").loc[line, "verdict"],
               "ledger (worst row of the item)": rc.worst(wang[wang["location"].str.startswith(prefix)]["verdict"])}
              for line, prefix in hand.items()]).set_index("line")

# %% [markdown]
# ## 14. Applying this to the next paper
#
# **Without writing a notebook**, from a shell in the project's environment:
#
# ```
# .venv/bin/recheck scan paper.txt --out findings.csv     # every result in the text, graded
# .venv/bin/recheck scan paper.txt --df t=102            # df the design gives (two groups of 52)
# .venv/bin/recheck grim means.csv                        # GRIM on every row (columns mean, n)
# .venv/bin/recheck grimmer means.csv                     # GRIMMER (columns mean, sd, n)
# ```
#
# **For a full appraisal**, as the study notebooks do:
#
# 1. Extract each table as printed into `data/<study_id>/`, one CSV per table, plus a `study.json` with the
#    paper's headline and claims (paraphrased) and where in the ledger each claim is tested.
# 2. Load it with `rc.load_study`, which refuses malformed or impossible cells with their file, line and column.
# 3. Call the checks on each row (or the `*_table` functions on a whole table), place each finding with
#    `ledger.add(finding, rc.location(...))`, and write the ledger with `ledger.write(...)`.
# 4. Open the notebook with `rc.boxed(rc.verdict_markdown(...), "Verdict")` and close it with
#    `rc.bottom_line_markdown(...)`; both are generated from the ledger.
#
# **Question for the room**: which of these checks would you run first on a paper you are reviewing, and
# which assumptions would you want the authors to confirm?
