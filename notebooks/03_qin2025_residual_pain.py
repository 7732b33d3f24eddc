# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Residual low back pain after vertebroplasty: the 2025 journal article, read against the preprint
#
# **Article appraised**: Qin F, Liu J, Chen W, Feng Y, Zhang S. *Analysis of influencing factors for early
# residual low back pain after percutaneous vertebroplasty.* J Pract Med 2025;41(18):2884-2889,
# doi:10.3969/j.issn.1006-5725.2025.18.015.
#
# Only the English abstract page is available here; the full text is in Chinese. This page checks what the
# abstract prints, bounds what its numbers allow, and compares it point by point with the preprint appraised on
# [the preprint page](02_residual_pain_preprint.ipynb), which reports the same cohort size, the same number of
# cases and two identical odds ratios. It describes what the two documents show, not why.

# %% tags=["remove-input", "verdict"]
from pathlib import Path

import recheck as rc

DATA_ROOT, STUDY = Path("../data"), "qin2025_residual_pain"
verdict, _ = rc.load_verdict(DATA_ROOT, STUDY)
rc.boxed(rc.verdict_markdown(verdict), "Verdict")

# %% tags=["hide-input"]
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from recheck.closure import possible_samples
from recheck.discrimination import auc_se_hanley_mcneil, binormal_symmetric_point, predictive_values
from recheck.logistic_bounds import min_se_binary, min_se_matched_pairs, odds_ratio_bounds, same_value_probability
from recheck.recoding import coefficient_shifts, rounding_cell_width
from recheck.rules import SEP

rc.use_review_style()
FIGURES = Path("../figures")
article = rc.load_study(DATA_ROOT / STUDY)
preprint = rc.load_study(DATA_ROOT / "residual_pain_preprint")
ledger = rc.Ledger(STUDY)
record, L = ledger.add, rc.location
abstract = article.table("abstract_numbers").set_index("Quantity")["Printed"]
tp1 = preprint.table("table1").set_index("Characteristic")
tp2 = preprint.table("table2").set_index("Variable")
cohort, cases, controls = int(abstract["patients"].replace(" ", "")), int(abstract["cases"]), int(abstract["controls"])

# %% tags=["hide-input"]
def latest(n=1):
    """The last n ledger rows as a reader sees them: where, the verdict and the whole explanation."""
    return rc.findings_table(ledger.findings[-n:])


def sci(x):
    """A small number as the tables show one: 9.5 × 10⁻⁷."""
    mantissa, exponent = f"{x:.1e}".split("e")
    return f"{mantissa} × 10" + str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def count(n):
    """A count in our prose: 1120, 20 000 (a space between thousands from five digits on)."""
    return f"{n:,}".replace(",", " ") if n >= 10_000 else str(n)

# %% [markdown]
# ## Design at a glance

# %% tags=["hide-input"]
meta = article.meta
pd.DataFrame({"as the abstract reports": {
    "Design": meta["design"], "Setting": meta["setting"], "Period": meta["period"],
    "Cohort": f"{cohort} patients with an osteoporotic vertebral fracture treated by PVP",
    "Cases": f"{cases} with VAS above {abstract['VAS threshold (points)']} from {abstract['window from (days)']} "
             f"days to {abstract['window to (months)']} month after surgery",
    "Controls": f"{controls}, matched 1:1 on age (± {abstract['age matching (± years)']} years), sex and bone "
                f"density (± {abstract['BMD matching (± SD)']} SD)",
    "Analysis": "univariate comparisons, then logistic regression; an AUC for the resulting model",
    "Dates": f"received {meta['dates']['received']}, online {meta['dates']['online']}"}}).rename_axis("item")

# %% [markdown]
# ## 1. What the abstract prints
#
# The abstract is the article's only "table": counts, four odds ratios without intervals, one P threshold and
# an AUC, as printed (the abstract writes the cohort as "1 120", with a space between thousands; our own text
# writes 1120, as the preprint prints it):

# %% tags=["hide-input"]
article.table("abstract_numbers").set_index("Quantity")

# %% [markdown]
# **Cohort and cases.** The counts imply a share of cases; the abstract prints none, the preprint does.

# %% tags=["hide-input"]
pp_text = preprint.table("text_numbers").set_index("Quantity")["Printed"]
share = 100 * cases / cohort
record(rc.Finding(
    "implied prevalence", f"{cases} cases among {abstract['patients']} patients",
    f"{rc.fmt(share, 2)}% (the preprint prints {pp_text['prevalence (%)']}%)", "consistent", "counts as printed",
    f"{cases} of {cohort} patients is {rc.fmt(share, 2)}%, the share the preprint prints."),
    L("Abstract", "Methods", "cases", "implied prevalence"))
latest()

# %% [markdown]
# **Four odds ratios without intervals.** A binary predictor's odds ratio cannot be estimated more precisely
# than the sample allows, whatever the model: with 61 matched pairs analysed conditionally the standard error
# of log OR is at least 2/√61, and with 122 patients analysed unmatched at least 4/√122 (the smaller bound holds
# for either analysis: a matched pair adds at most 1/4 to the information about log OR, an unmatched patient at
# most 1/16). That fixes the narrowest interval each printed OR could have had, and the smallest P.

# %% tags=["hide-input"]
se_min, se_unmatched = min_se_matched_pairs(controls), min_se_binary(cases + controls)
factors = {"TFI": "OR TFI", "liquefaction signal": "OR liquefaction signal",
           "two or more vertebrae": "OR two or more vertebrae",
           "suboptimal cement distribution": "OR suboptimal cement distribution"}
bounds = {f: odds_ratio_bounds(abstract[k], se_min) for f, k in factors.items()}
or_table = pd.DataFrame({f: {
    "OR as printed": b.printed, "P as printed": abstract["P for each OR"],
    "largest SE (log OR) giving P < 0.05": rc.fmt(b.max_se_significant, 3),
    "smallest possible P": sci(b.min_p),
    "narrowest possible 95% CI": f"{rc.fmt(b.max_lower, 2)} to {rc.fmt(b.min_upper, 2)}"}
    for f, b in bounds.items()}).T.rename_axis("factor")
or_table

# %% tags=["hide-input"]
claim = rc.stated_claim(True, "abstract (all P < 0.05)")
possible = all(rc.claim_is_possible(claim, (b.min_p, 1.0)) for b in bounds.values())
printed_ors = ", ".join(abstract[k] for k in factors.values())
assumption = (f"binary predictors as the abstract codes them; Wald test; least SE {rc.fmt(se_min, 3)} for "
              f"{controls} pairs analysed conditionally ({rc.fmt(se_unmatched, 3)} if analysed as "
              f"{cases + controls} unmatched patients)")
record(rc.Finding(
    "significance claim against the least possible SE", f"ORs {printed_ors}; all P {abstract['P for each OR']}",
    "P < 0.05 needs an SE of log OR at most " + ", ".join(rc.fmt(b.max_se_significant, 3) for b in bounds.values())
    + f"; no analysis of {controls} pairs has an SE below {rc.fmt(se_min, 3)}",
    "consistent" if possible else "impossible", assumption,
    f"Each of the four odds ratios can reach P < 0.05 in an analysis of {controls} matched pairs, so the abstract's "
    "significance claim is possible."), L("Abstract", "Results", "odds ratios", "significance claim"))
latest()

# %% tags=["hide-input"]
pp_ci = {f: rc.parse_range(tp2.loc[row, "OR 95% CI"]) for f, row in
         {"TFI": "TFI", "liquefaction signal": "Liquefaction signal on MRI of the affected vertebrae"}.items()}
pp_fold = {f: ci.upper.value / ci.lower.value for f, ci in pp_ci.items()}
fold = bounds["TFI"].min_fold
record(rc.Finding(
    "precision without intervals", f"ORs {printed_ors} to three decimals; no confidence intervals",
    f"narrowest possible 95% CI {rc.fmt(fold, 2)}-fold ({rc.fmt(odds_ratio_bounds('1', se_unmatched).min_fold, 2)}"
    f"-fold if unmatched); lower limits at most " + ", ".join(rc.fmt(b.max_lower, 2) for b in bounds.values())
    + "; the preprint's CIs for the two shared ORs span "
    + " and ".join(f"{rc.fmt(v, 1)}-fold" for v in pp_fold.values()),
    "concern",
    assumption + "; the preprint's intervals apply to the identical ORs (one data set, as the study-period row argues)",
    f"The abstract prints four odds ratios to three decimals with no confidence intervals, although no analysis of "
    f"{controls} matched pairs can give a 95% interval narrower than {rc.fmt(fold, 2)}-fold. The lower limit for a "
    f"suboptimal cement distribution can be at most {rc.fmt(bounds['suboptimal cement distribution'].max_lower, 2)}, "
    "and the preprint's intervals for the two odds ratios it shares with the article span about "
    f"{rc.fmt(min(pp_fold.values()), 0)}-fold. With residual pain defined as a VAS above 3, the abstract gives no "
    "effect on the pain scale, so the effects cannot be set against a minimal important difference of 1 to 2 points."),
    L("Abstract", "Results", "odds ratios", "precision"))
latest()

# %% [markdown]
# **The AUC.** An AUC of 0.929 from 61 cases and 61 controls has a sampling interval, and implies an operating
# point; predictive values then depend on how common residual pain is among treated patients, which the
# 1:1 sample fixes at 50%.

# %% tags=["hide-input"]
auc = float(abstract["AUC"])
se_auc = auc_se_hanley_mcneil(auc, cases, controls)
auc_ci = (auc - 1.959964 * se_auc, auc + 1.959964 * se_auc)
sens = binormal_symmetric_point(auc)
ppv, npv = predictive_values(sens, sens, cases / cohort)
candidates = len(preprint.meta["candidate_factors"])
pd.DataFrame({"value": {
    "Hanley-McNeil 95% interval (sampling only)": f"{rc.fmt(auc_ci[0], 3)} to {rc.fmt(auc_ci[1], 3)}",
    "sensitivity = specificity at the binormal midpoint": rc.fmt(sens, 3),
    "share of cases in the sample / in the cohort": f"50% / {rc.fmt(share, 2)}%",
    f"PPV / NPV at {rc.fmt(share, 2)}%": f"{rc.fmt(ppv, 3)} / {rc.fmt(npv, 3)}",
    "events per predictor kept / per candidate (preprint's list)":
        f"{rc.fmt(cases / len(factors), 1)} / {rc.fmt(cases / candidates, 1)}"}}).rename_axis("what the AUC implies")

# %% tags=["hide-input"]
auc_item = ("Abstract", "Results", "AUC")
record(rc.Finding(
    "prediction model: validation (PROBAST analysis)", f"AUC {abstract['AUC']}; no interval, validation or calibration",
    f"Hanley-McNeil 95% interval {rc.fmt(auc_ci[0], 3)} to {rc.fmt(auc_ci[1], 3)} for sampling error alone; "
    f"{cases} events for {len(factors)} predictors kept after univariable screening "
    f"({rc.fmt(cases / candidates, 1)} events per candidate if the preprint's {candidates} candidates apply)",
    "concern", "PROBAST analysis domain; the full text might report a validation the abstract omits",
    f"The abstract calls the model highly accurate on the strength of an AUC measured on the same {cases} cases and "
    f"{controls} controls it was fitted to, with no interval, internal or external validation, or calibration. "
    "Predictors were kept after univariable screening, which makes an apparent AUC optimistic by an amount the "
    f"abstract does not let anyone estimate; the Hanley-McNeil interval ({rc.fmt(auc_ci[0], 3)} to "
    f"{rc.fmt(auc_ci[1], 3)}) covers sampling error only."), L(*auc_item, "validation"))
latest()

# %% tags=["hide-input"]
record(rc.Finding(
    "prediction model: case-control sampling (PROBAST participants)",
    f"AUC {abstract['AUC']}; {cases} cases and {controls} matched controls from {abstract['patients']} patients",
    f"cases are 50% of the sample against {rc.fmt(share, 2)}% of the cohort; at the binormal midpoint of AUC "
    f"{abstract['AUC']} (sensitivity = specificity = {rc.fmt(sens, 3)}): PPV {rc.fmt(ppv, 3)}, NPV {rc.fmt(npv, 3)}",
    "concern", "equal-variance binormal model for the operating point; the cohort's share of cases as printed",
    f"The model was built in a 1:1 matched case-control sample, where half the patients are cases, while only "
    f"{cases} of {cohort} treated patients ({rc.fmt(share, 2)}%) had residual pain. Taking the AUC "
    f"at face value, a threshold with sensitivity and specificity of {rc.fmt(sens, 3)} would flag about "
    f"{rc.fmt((1 - ppv) / ppv, 0)} patients without residual pain for each one with it (PPV {rc.fmt(ppv, 3)}); the "
    "abstract reports no correction of predicted risks for the sampling, and the matching removes age, sex and bone "
    "density from any use as predictors."), L(*auc_item, "case-control sampling"))
latest()

# %% tags=["hide-input"]
record(rc.Finding(
    "prediction model: predictor timing (PROBAST predictors)",
    "suboptimal bone cement distribution among the four predictors; no intended time of use stated",
    "no number to recompute (a check of the design)", "concern",
    "cement distribution is judged on imaging after cement injection, as its name implies",
    "One of the four predictors, the cement distribution, is known only once the cement has been injected, so the "
    "model cannot advise patients before the operation, and the abstract does not say when it is meant to be used."),
    L(*auc_item, "predictor timing"))
latest()

# %% [markdown]
# ## 2. The two reports side by side
#
# Facts are matched by name; numbers are compared within rounding, text after folding case and spacing (the
# wording of text facts is ours, numbers as printed). Facts both reports state identically become consistent
# rows; each difference is judged in a row of its own below.

# %% tags=["hide-input"]
as_facts = lambda s: s.table("facts").rename(columns={"Fact": "fact", "Value": "value"})
comparison = rc.compare_facts(as_facts(preprint), as_facts(article), names=("preprint", "article"))
item_of_fact = {
    "title topic": ("Title", "topic"), "hospital": ("Affiliation", "hospital"),
    "period": ("Abstract", "Methods", "study period"),
    "cohort size": ("Abstract", "Methods", "cohort size"), "cases": ("Abstract", "Methods", "cases"),
    "case definition: VAS threshold": ("Abstract", "Methods", "VAS threshold"),
    "case definition: time window": ("Abstract", "Methods", "case window"),
    "control ratio": ("Abstract", "Methods", "control ratio"),
    **{f: ("Abstract", "Methods", "control selection") for f in ("design", "control selection", "matching variables")},
    **{f: ("Abstract", "Results", "OR two or more vertebrae") for f in ("OR: number of vertebrae",
                                                                        "coding: number of vertebrae")},
    **{f: ("Abstract", "Results", "OR suboptimal cement distribution") for f in ("OR: cement distribution",
                                                                      "coding: cement distribution")},
    "OR: TFI": ("Abstract", "Results", "OR TFI"),
    "OR: liquefaction signal": ("Abstract", "Results", "OR liquefaction signal"),
    "AUC": ("Abstract", "Results", "AUC")}

# %% tags=["hide-input"]
for r in comparison[comparison["status"] == "same"].itertuples():
    record(rc.Finding(f"against the preprint: {r.fact}", f"article: {r.article}", f"preprint: {r.preprint}",
                      "consistent", "facts as printed (our wording of text facts)",
                      f"Both reports print the same {r.fact}."), L(*item_of_fact[r.fact], "against the preprint"))
rc.say(f"{(comparison['status'] == 'same').sum()} of {len(comparison)} facts are the same in both reports: "
       + ", ".join(comparison.loc[comparison['status'] == 'same', 'fact']) + ".")

# %% [markdown]
# **The title.** The words differ ("early" appears only in the article), the question does not: the preprint
# also restricts its cases to the second day to one month after surgery.

# %% tags=["hide-input"]
facts = comparison.set_index("fact")
record(rc.Finding(
    "against the preprint: title topic", f"article: {facts.loc['title topic', 'article']}",
    f"preprint: {facts.loc['title topic', 'preprint']}; its case window: "
    f"{facts.loc['case definition: time window', 'preprint']}",
    "consistent", "our wording of the titles",
    "The article's title restricts to early residual pain, and the preprint's cases are restricted to the same "
    "window, so both reports study the same question."), L("Title", "topic", "against the preprint"))
record(rc.Finding(
    "against the preprint: hospital", f"article: {facts.loc['hospital', 'article']}",
    "preprint: no authors or hospital in its file", "not_checkable", "the preprint file as extracted",
    "The preprint's file names no authors or hospital, so whether the two reports come from the same group cannot be "
    "checked; the preprint's author list and affiliation would be needed."),
    L("Affiliation", "hospital", "against the preprint"))
latest(2)

# %% [markdown]
# **One data set, two study periods?** The periods are back to back. For the two odds ratios the reports share,
# we ask how likely an independent cohort of the same size is to print the same value to three decimals.
# Over every possible true effect, that chance is largest when the estimate is as precise as the design
# allows, so the least SE of section 1 gives an upper bound.

# %% tags=["hide-input"]
period = {r: [pd.Period(x, "M") for x in facts.loc["period", r].split(" to ")] for r in ("preprint", "article")}
months = {r: (end - start).n + 1 for r, (start, end) in period.items()}
overlap = max(0, (min(end for _, end in period.values()) - max(start for start, _ in period.values())).n + 1)
chance = {f: same_value_probability(abstract[factors[f]], se_min) for f in ("TFI", "liquefaction signal")}
pd.DataFrame({"months": months, "patients a month": {r: rc.fmt(cohort / m, 1) for r, m in months.items()}}
             ).rename_axis("report")

# %% tags=["remove-input"]
in_10k = {f: f"{rc.fmt(10_000 * p, 1)} in 10 000" for f, p in chance.items()}
rc.say(f"**The chance of a repeat.** An independent cohort of {cases} cases and {controls} controls would print the "
       f"TFI odds ratio of {abstract['OR TFI']} to three decimals with a probability of at most {in_10k['TFI']}, and "
       f"the liquefaction odds ratio of {abstract['OR liquefaction signal']} with at most "
       f"{in_10k['liquefaction signal']}, whatever the true effects. The bound takes the least SE any analysis of "
       f"{controls} pairs can have ({rc.fmt(se_min, 3)} on the log scale); every real analysis has a larger SE, "
       "which makes a repeat to three decimals less likely still.")

# %% tags=["hide-input"]
record(rc.Finding(
    "same data under two periods", f"{facts.loc['period', 'article']}; {abstract['patients']} patients; {cases} cases; "
    f"OR {abstract['OR TFI']} (TFI) and {abstract['OR liquefaction signal']} (liquefaction signal)",
    f"preprint: {facts.loc['period', 'preprint']}, the same counts and ORs; {overlap} months shared; an independent "
    f"sample of {controls} pairs reproduces each OR to three decimals with probability at most "
    + " and ".join(f"{sci(p)} ({f})" for f, p in chance.items()), "concern",
    f"normal sampling distribution of log OR; least SE of any analysis of {controls} pairs; any true effect",
    f"The article and the preprint print the same cohort size ({cohort}), case count ({cases}) and two "
    f"odds ratios to three decimals for study periods that share {'no' if overlap == 0 else overlap} month "
    f"({facts.loc['period', 'preprint']} and {facts.loc['period', 'article']}). An independent cohort of {cases} "
    f"cases and {controls} controls would reproduce the TFI odds ratio to three decimals with a probability of at "
    f"most {in_10k['TFI']} and the liquefaction odds ratio with at most {in_10k['liquefaction signal']}, whatever "
    "the true effects, so the two documents most likely report one data set under two descriptions of when it was "
    "collected; the documents do not say which is right."),
    L("Abstract", "Methods", "study period", "against the preprint"))
latest()

# %% [markdown]
# **Matched or random controls?** The article matched its controls 1:1 on age, sex and bone density; the
# preprint says it drew them at random, and its Table 1 gives each group's sex counts and mean age and bone
# density. Exact 1:1 matching on sex leaves both groups with the same number of men.

# %% tags=["hide-input"]
sex = [rc.parse_count_pair(tp1.loc["Sex (male/female)", g]) for g in tp1.columns[:2]]
gaps = {v: abs(rc.parse_mean_sd(tp1.loc[row, tp1.columns[0]]).mean.value
               - rc.parse_mean_sd(tp1.loc[row, tp1.columns[1]]).mean.value)
        for v, row in (("age (years)", "Age"), ("bone density (SD)", "Preoperative BMD"))}
tolerance = {"age (years)": abstract["age matching (± years)"], "bone density (SD)": abstract["BMD matching (± SD)"]}
matching = pd.DataFrame({"preprint's Table 1": {"men among cases / controls": f"{sex[0].first} / {sex[1].first}",
                                                **{f"mean gap in {v}": rc.fmt(g, 2) for v, g in gaps.items()}},
                         "1:1 matching allows": {"men among cases / controls": "equal numbers",
                                                 **{f"mean gap in {v}": f"at most {t}" for v, t in tolerance.items()}}})
matching

# %% tags=["hide-input"]
record(rc.Finding(
    "control selection against the other report",
    f"controls matched 1:1 on age (± {abstract['age matching (± years)']} years), sex and BMD "
    f"(± {abstract['BMD matching (± SD)']} SD)",
    f"preprint: {facts.loc['control selection', 'preprint']}; its Table 1: {sex[0].first} men among cases, "
    f"{sex[1].first} among controls; mean gaps in age and BMD {rc.fmt(gaps['age (years)'], 2)} and "
    f"{rc.fmt(gaps['bone density (SD)'], 2)}, within the tolerances", "concern",
    "exact 1:1 matching on sex pairs patients of the same sex; the two reports analyse the same cases (identical "
    "counts)",
    f"The article says its {controls} controls were matched 1:1 on age, sex and bone density, while the preprint, "
    f"with the same counts and two identical odds ratios, says they were a random sample and shows {sex[0].first} "
    f"men among the cases against {sex[1].first} among the controls. Exact matching on sex gives both groups the same "
    "number of men, so the preprint's controls cannot be a sex-matched set; if the article drew new, matched "
    "controls, every 2x2 table changes and odds ratios identical to three decimals are not expected. The age and "
    "bone-density means do not contradict the matching."),
    L("Abstract", "Methods", "control selection", "against the preprint"))
latest()

# %% [markdown]
# **Cement distribution.** The preprint's OR (0.253) is for a satisfactory against a poor distribution; the
# article's (2.890) is for a suboptimal one. Swapping the reference category of a binary predictor in the same
# model inverts its OR exactly and leaves the other coefficients unchanged. We test the reciprocal and other
# re-expressions over both rounding intervals, and the crude OR the preprint's Table 1 counts give.

# %% tags=["hide-input"]
def re_expressions(row, key):
    ci = rc.parse_range(tp2.loc[row, "OR 95% CI"])
    return rc.or_transformations(tp2.loc[row, "Odds ratio"], abstract[key], ci=(ci.lower.printed, ci.upper.printed)
                                 ).set_index("transformation")


span = lambda text: text.strip("[]").replace(", ", " to ")  # "[a, b]" as "a to b" for sentences
cement = re_expressions("Cement distribution", "OR suboptimal cement distribution")
cement_counts = [[int(tp1.loc[f"Cement distribution: {lvl}", g]) for lvl in ("Dissatisfied", "Satisfied")]
                 for g in tp1.columns[:2]]
cement_crude = rc.odds_ratio_2x2(cement_counts)
cement

# %% tags=["hide-input"]
exact = [t for t in cement.index if not t.startswith("inside") and cement.loc[t, "matches"]]
record(rc.Finding(
    "odds ratio against the other report: re-expression", f"OR {abstract['OR suboptimal cement distribution']} for "
    "suboptimal bone cement distribution", f"preprint OR {tp2.loc['Cement distribution', 'Odds ratio']} (satisfactory "
    f"against poor); reciprocal {cement.loc['reciprocal', 'range']}; reciprocal CI "
    f"{cement.loc['inside the reciprocal CI', 'range']} "
    f"({'contains' if cement.loc['inside the reciprocal CI', 'matches'] else 'excludes'} it); crude OR from the "
    f"preprint's Table 1 {rc.fmt(cement_crude[0], 3)} ({rc.fmt(cement_crude[1], 3)}-{rc.fmt(cement_crude[2], 3)})",
    "consistent" if exact else "concern", "re-expressions tried: reciprocal, powers, over both rounding intervals",
    f"The article's {abstract['OR suboptimal cement distribution']} for a suboptimal cement distribution is not the "
    f"preprint's {tp2.loc['Cement distribution', 'Odds ratio']} with the reference category swapped (that would be "
    f"{span(cement.loc['reciprocal', 'range'])}), though it lies inside the swapped interval and points the same "
    "way: in both reports a poor distribution goes with more residual pain. A swap in the same model on the same "
    "data would "
    "invert this odds ratio exactly and leave the others alone; here the two shared odds ratios are unchanged to "
    "three decimals while this one is not inverted exactly, and it is not the crude value from the preprint's counts "
    f"({rc.fmt(cement_crude[0], 3)}) either."),
    L("Abstract", "Results", "OR suboptimal cement distribution", "against the preprint"))
latest()

# %% [markdown]
# **Number of vertebrae.** The preprint enters the number of fractured vertebrae as a count (OR 0.098, below 1,
# although its cases had more vertebrae); the article enters "two or more" (OR 3.245). The preprint's Table 1
# prints each group's mean and SD, and its eligibility excludes more than three segments. On a count from 1 to 3
# an exhaustive reconstruction lists every split of whole counts that those means and SDs allow.

# %% tags=["hide-input"]
vert_row = "Number of vertebral fractures"
n_of = dict(zip(tp1.columns[:2], (cases, controls)))


def samples(group, top):
    ms = rc.parse_mean_sd(tp1.loc[vert_row, group])
    return possible_samples(ms.mean.printed, ms.sd.printed, n_of[group], 1, top)


two_plus = lambda sample: [sum(x >= 2 for x in sample), sum(x < 2 for x in sample)]
split = lambda sample: "/".join(str(sample.count(k)) for k in (1, 2, 3))
(case_sample,), (control_sample,) = (samples(g, 3) for g in n_of)
vert_crude = rc.odds_ratio_2x2([two_plus(case_sample), two_plus(control_sample)])
case_g, control_g = n_of
min_crude_four = min(rc.odds_ratio_2x2([two_plus(a), two_plus(b)])[0]
                     for a in samples(case_g, 4) for b in samples(control_g, 4))
vertebrae = re_expressions(vert_row, "OR two or more vertebrae")
pd.DataFrame({g: {"samples allowed on 1 to 3 vertebrae": len(samples(g, 3)), "its split (1/2/3)": split(sample),
                  "samples allowed on 1 to 4": len(samples(g, 4))}
              for g, sample in zip(n_of, (case_sample, control_sample))}).rename_axis("what Table 1 allows")

# %% [markdown]
# Which coding did the preprint use? On the reconstructed counts, the crude SE of log OR differs between a
# per-vertebra count and a two-category coding; the preprint prints the SE of its adjusted coefficient.

# %% tags=["hide-input"]
outcome = np.r_[np.ones(cases), np.zeros(controls)]
crude_se = {"per vertebra (count)": sm.Logit(outcome, sm.add_constant(np.r_[case_sample, control_sample])
                                              ).fit(disp=0).bse[1],
            "two or more against one": np.log(vert_crude[2] / vert_crude[1]) / (2 * 1.959964)}
pp_se = tp2.loc[vert_row, "Standard error"]
pd.DataFrame({"SE of log OR": {**{f"crude, {k}": rc.fmt(v, 3) for k, v in crude_se.items()},
                               "preprint Table 2, adjusted (as printed)": pp_se}}).rename_axis("coding")

# %% tags=["hide-input"]
record(rc.Finding(
    "odds ratio against the other report: re-expression and reconstruction",
    f"OR {abstract['OR two or more vertebrae']} for two or more involved vertebrae",
    f"preprint OR {tp2.loc[vert_row, 'Odds ratio']} (count); reciprocal {vertebrae.loc['reciprocal', 'range']}, "
    f"reciprocal CI {vertebrae.loc['inside the reciprocal CI', 'range']} "
    f"({'contains' if vertebrae.loc['inside the reciprocal CI', 'matches'] else 'excludes'} it); the only splits "
    f"Table 1 allows: {split(case_sample)} and {split(control_sample)}; crude OR for two or more "
    f"{rc.fmt(vert_crude[0], 2)} ({rc.fmt(vert_crude[1], 2)}-{rc.fmt(vert_crude[2], 2)}); at least "
    f"{rc.fmt(min_crude_four, 1)} if 4 vertebrae were possible; crude SE of log OR "
    + ", ".join(f"{rc.fmt(v, 2)} {k}" for k, v in crude_se.items()) + f" (preprint's adjusted SE {pp_se})", "concern",
    "the same cases in both reports; whole counts of 1 to 3 vertebrae (the preprint excludes more than three segments); "
    "crude SEs compared with an adjusted one, which adjustment usually widens",
    f"The article's {abstract['OR two or more vertebrae']} for two or more vertebrae is no re-expression of the "
    f"preprint's {tp2.loc[vert_row, 'Odds ratio']} (it lies outside even the reciprocal interval "
    f"{span(vertebrae.loc['inside the reciprocal CI', 'range'])}), and the preprint's own Table 1 implies a crude "
    f"odds ratio of {rc.fmt(vert_crude[0], 2)} for two or more vertebrae. Its means and SDs allow exactly one split "
    f"of the {cases} cases ({split(case_sample)} with one, two and three vertebrae) and of the {controls} controls "
    f"({split(control_sample)}), so {two_plus(case_sample)[0]} cases against {two_plus(control_sample)[0]} controls "
    "had two or more; adjustment would have to remove most of that association while the two shared odds ratios stay "
    "unchanged to three decimals. The article's direction agrees with the preprint's Table 1 and with both texts, "
    f"which call the number of vertebrae a risk factor. The preprint's SE ({pp_se}) is nearer the crude SE of a "
    f"two-category coding on the reconstructed counts ({rc.fmt(crude_se['two or more against one'], 2)}) than that of "
    f"a per-vertebra count ({rc.fmt(crude_se['per vertebra (count)'], 2)}), which fits a two-category coding with the "
    "reference reversed, the case the reciprocal interval tests."),
    L("Abstract", "Results", "OR two or more vertebrae", "against the preprint"))
latest()

# %% [markdown]
# **Two odds ratios unchanged, two changed: can one analysis give all four?** On the same patients, swapping a
# binary factor's reference category inverts its odds ratio exactly and leaves every other odds ratio where it
# was. Recoding the number of vertebrae from a count to "two or more" changes the fit, and the other odds ratios
# move with it, by an amount that depends on how the four factors are arranged among the patients, which Table 1
# does not show. We draw 20 000 arrangements that keep every count of the preprint's Table 1 (the vertebrae
# splits as reconstructed above), once with the factors unrelated within each group and once with random
# correlations of up to ±0.7 between them, refit the four-factor model under both codings, and count how often
# the TFI and liquefaction odds ratios move by less than their rounding cells, as they must to print the same
# three decimals.

# %% tags=["hide-input"]
yes_no = lambda row, g, n: [1] * int(tp1.loc[row, g]) + [0] * (n - int(tp1.loc[row, g]))
groups = {outcome: {"TFI": yes_no("TFI: Yes", g, n), "liquefaction": yes_no("Liquefaction signal: Yes", g, n),
                    "poor cement": yes_no("Cement distribution: Dissatisfied", g, n), "vertebrae": list(sample)}
          for outcome, g, n, sample in ((1, case_g, cases, case_sample), (0, control_g, controls, control_sample))}
preprint_coding = lambda c: [c["TFI"], c["liquefaction"], c["vertebrae"], 1 - c["poor cement"]]
article_coding = lambda c: [c["TFI"], c["liquefaction"], c["vertebrae"] >= 2, c["poor cement"]]
widths = {0: rounding_cell_width(abstract["OR TFI"]), 1: rounding_cell_width(abstract["OR liquefaction signal"])}
refits = {r: coefficient_shifts(groups, preprint_coding, article_coding, 20_000, seed=2025, max_correlation=r)
          for r in (0.0, 0.7)}
kept = {r: int(s.within(widths).sum()) for r, s in refits.items()}
upper = {r: stats.beta.ppf(0.95, k + 1, len(refits[r].shifts) - k) for r, k in kept.items()}
arrangement = {0.0: "with the factors unrelated", 0.7: "with correlations up to ±0.7"}

# %% tags=["hide-input"]
pd.DataFrame({arrangement[r]: {
    "arrangements fitted (both codings converge)": f"{count(len(s.shifts))} of {count(s.tried)}",
    "median move of log OR: TFI / liquefaction":
        " / ".join(rc.fmt(np.median(np.abs(s.shifts[:, j])), 3) for j in widths),
    "width of the rounding cell: TFI / liquefaction": " / ".join(sci(w) for w in widths.values()),
    "TFI OR within its cell / liquefaction OR within its cell":
        " / ".join(str(int(s.within({j: w}).sum())) for j, w in widths.items()),
    "both within their cells": kept[r],
    "one-sided 95% upper bound for both": sci(upper[r])} for r, s in refits.items()}).rename_axis("refit on")

# %% tags=["hide-input"]
swapped = (f"{span(cement.loc['reciprocal', 'range'])} and {span(vertebrae.loc['reciprocal', 'range'])}, not "
           f"{abstract['OR suboptimal cement distribution']} and {abstract['OR two or more vertebrae']}")
no_swap = not (cement.loc["reciprocal", "matches"] or vertebrae.loc["reciprocal", "matches"])
refit_text = " and ".join(f"{'none' if kept[r] == 0 else kept[r]} of {count(len(s.shifts))} arrangements "
                          f"{arrangement[r]}" for r, s in refits.items())
moves = " and ".join(rc.fmt(np.median(np.abs(refits[0.0].shifts[:, j])), 2) for j in widths)
rare = no_swap and max(upper.values()) < 1e-3 and max(chance.values()) < 1e-3
together = record(rc.Finding(
    "four odds ratios against one analysis of the preprint's data", f"ORs {printed_ors}",
    f"same patients, references swapped: {swapped}; same patients, vertebrae recoded from a count to two or more: "
    f"TFI and liquefaction ORs both within their rounding cells in {refit_text} (one-sided 95% upper bound "
    f"{sci(max(upper.values()))}); new patients: each shared OR repeated with probability at most "
    + " and ".join(sci(p) for p in chance.values()), "implausible" if rare else "concern",
    "the article refit the preprint's four-factor logistic model on the same 122 patients with the codings each "
    "report names, or analysed new patients; factors arranged at random within each group, keeping every count of "
    "the preprint's Table 1 and the reconstructed vertebrae splits; a move smaller than the rounding cell is "
    "necessary to print the same three decimals",
    "Two of the article's four odds ratios are the preprint's to three decimals while the other two are neither its "
    "values nor their reciprocals, a pattern that neither a refit of the same patients nor an analysis of new "
    "patients gives except by a rare coincidence. Swapping reference categories on the same patients would leave "
    "the shared two unchanged "
    f"but invert the others exactly ({swapped}). Recoding the vertebrae from the count the preprint's Table 1 "
    f"reports to the article's two or more moves the TFI and liquefaction odds ratios (median moves {moves} on the "
    f"log scale with the factors unrelated). Over arrangements of the preprint's Table 1, both stayed within their "
    f"rounding cells in {refit_text}. New "
    f"patients would repeat the shared odds ratios to three decimals with a probability of at most {in_10k['TFI']} "
    f"and {in_10k['liquefaction signal']}. So the four values are possible together only under an arrangement of "
    f"the data {'that none of the simulated ones reproduced' if rare else 'that few simulated ones reproduced'}, or "
    "if at least one of them is not the output of the analysis the abstract describes; the documents do not show "
    "which."),
    L("Abstract", "Results", "four odds ratios together", "against the preprint"))
latest()

# %% [markdown]
# **The univariable screen.** The abstract names the four factors that differed between the groups; the
# preprint's Table 1 prints a P value for each of its characteristics.

# %% tags=["hide-input"]
pp_row = {"TFI": "TFI", "liquefaction signal": "Liquefaction signal on MRI of the affected vertebrae",
          "two or more vertebrae": vert_row, "suboptimal cement distribution": "Cement distribution"}
table1_p = tp1["P value"][tp1["P value"].str.strip() != ""]
screened = [r for r, p in table1_p.items() if rc.parse_p(p).significant()]
same_screen = set(screened) == set(pp_row.values())
record(rc.Finding(
    "univariable factors against the other report",
    f"article: {', '.join(factors)} differ between the groups (P {abstract['P for each OR']})",
    f"preprint Table 1: {len(screened)} of {len(table1_p)} characteristics with a printed P below 0.05: "
    + ", ".join(f"{r} ({table1_p[r]})" for r in screened),
    "consistent" if same_screen else "concern", "printed P values of the preprint's Table 1 read at 0.05; factors "
    "matched by name",
    f"The four factors the abstract reports as different between the groups are "
    f"{'exactly' if same_screen else 'not'} the {len(screened)} of the preprint's {len(table1_p)} characteristics "
    "with a printed P below 0.05."),
    L("Abstract", "Results", "univariable factors", "against the preprint"))
latest()

# %% [markdown]
# The full comparison, each fact with the verdict of the row that judges it (facts only the preprint prints
# are not claims of the article and are not graded):

# %% tags=["hide-input"]
judged = rc.distinct_problems(rc.ledger_frame(ledger.findings)).set_index("item")["verdict"]
comparison["judged at"] = comparison["fact"].map(lambda f: SEP.join(item_of_fact[f]) if f in item_of_fact else "")
comparison["verdict"] = comparison["judged at"].map(judged).fillna("not graded").str.replace("_", " ")
comparison.assign(fact=comparison["fact"] + " (" + comparison["status"] + "): " + comparison["verdict"]
                  ).set_index("fact")[["preprint", "article"]]

# %% [markdown]
# ## 3. Design and reporting

# %% [markdown]
# **The study period against the date the article was received.** Cases are defined over the first month
# after surgery; the period ends on 30 June 2025 and the manuscript was received on 1 July 2025.

# %% tags=["hide-input"]
per_month = cohort / months["article"]
record(rc.Finding(
    "dates against the study period", f"period to June 2025; received {meta['dates']['received']}; case window "
    f"{abstract['window from (days)']} days to {abstract['window to (months)']} month",
    f"about {rc.fmt(per_month, 1)} patients a month ({cohort} over {months['article']} months) were "
    f"operated on in the last month, none with a complete window by the received date; about "
    f"{rc.fmt(per_month * cases / cohort, 1)} "
    "of them would be cases at the cohort's rate", "concern",
    "'received' is the submission date; patients spread evenly over the period",
    f"The stated study period ends the day before the manuscript was received, so the patients of its last month, "
    f"about {rc.fmt(per_month, 0)} at the abstract's own average, could not have completed the one-month window "
    "that defines a case. The period printed cannot be the one over which the analysed sample was observed in "
    "full."),
    L("Header", "received date", "against the study period"))
latest()

# %% tags=["hide-input"]
record(rc.Finding(
    "text against text: conclusion and results", "conclusion: TFI, liquefaction signal, multiple responsible "
    f"vertebrae, suboptimal cement distribution; results: ORs {printed_ors}",
    "the same four factors; every OR above 1", "consistent", "as printed",
    "The conclusion names the same four factors as the results, and each printed odds ratio is above 1, as a risk "
    "factor requires."), L("Abstract", "Conclusion", "factors named", "against the results"))
latest()

# %% [markdown]
# **What only the full text can settle.** Each item below needs information the abstract page does not give;
# where a bound was possible it is computed above instead.

# %% tags=["hide-input"]
needs = [
    (("Abstract", "Methods", "statistical analysis", "matched analysis"),
     "univariate and logistic regression after 1:1 matching",
     f"Whether the {controls} matched pairs were analysed with conditional logistic regression, or as "
     f"{cases + controls} unmatched patients, "
     "is not stated; the full text's statistical methods would be needed (the odds-ratio bounds of this review hold "
     "for either)."),
    (("Abstract", "Methods", "outcome measurement", "timing of the VAS"),
     "VAS above 3 from 2 days to 1 month after surgery",
     "When and how often the VAS was recorded in the window, whether one reading above 3 made a case, and the "
     "controls' scores are not stated; the full text's methods would be needed."),
    (("Abstract", "Methods", "exposure assessment", "blinding of image reading"),
     "preoperative TFI, MRI liquefaction signal and suboptimal cement distribution; no reader stated",
     "Who read the MRI and CT images, and whether they knew which patients had residual pain, is not stated; a "
     "retrospective judgement of the cement distribution made with the outcome known could differ between cases and "
     "controls, and the full text's methods would be needed."),
]

# %% tags=["hide-input"]
needs += [
    (("Full text", "baseline table", "matching and balance"), "not on the abstract page",
     "The article's table of group characteristics is not available; its sex counts would test the sex matching "
     "directly, its age and bone-density rows the tolerances, and its P values a baseline-balance (Carlisle) check."),
    (("Full text", "regression table", "coefficients and intervals"), "not on the abstract page",
     "The coefficients, SEs, Wald values and intervals behind the four odds ratios are not available; they would "
     "allow the checks run on the preprint's Table 2 and a direct comparison with it."),
    (("Full text", "patient flow", "exclusions and missing data"), "not on the abstract page",
     f"Eligibility, exclusions, how the {cases} cases were found among {cohort} patients and whether "
     "controls needed complete "
     "follow-up (the preprint required it of controls only) are not available; the full text's methods would be "
     "needed."),
    (("Full text", "ethics", "approval and consent"), "not on the abstract page",
     "Ethics approval and consent are not on the abstract page; the full text would be needed."),
    (("Full text", "references", "citation of the preprint"), "not on the abstract page",
     "Whether the article cites the preprint needs its reference list, which is not available."),
]
for where, reported, why in needs:
    record(rc.Finding(f"what is needed: {where[-1]}", reported, "nothing: needs the full text", "not_checkable",
                      "abstract page only", why), L(*where))
latest(len(needs))

# %% [markdown]
# **Checklist coverage.** What the appraisal checklist asks, and where this notebook answers it for an abstract:

# %% tags=["hide-input"]
pd.DataFrame({"where answered": {
    "primary outcome": "residual pain (VAS above 3, day 2 to 1 month): Abstract · Methods · outcome measurement",
    "clinical importance against a minimal important difference": "Abstract · Results · odds ratios (a "
    "dichotomised VAS gives no effect on the pain scale)",
    "reports of one study; estimates that survive a change of coding": "section 2: every fact, both differing ORs "
    "and the four odds ratios together",
    "text against tables; discussion claims": "Abstract · Conclusion and Abstract · Results · univariable factors; "
    "the abstract cites no figures",
    "co-interventions in one arm; coherence over time; spreads": "not applicable: a case-control abstract with no "
    "arms, no follow-up series and no SDs",
    "paradoxes between related variables": "the article prints no related variables; the preprint's Table 1 does "
    "(its cases had more vertebrae but shorter operations), a point for the preprint page",
    "risk of bias, every domain": "the next section (Newcastle-Ottawa and PROBAST)"}}).rename_axis("checklist item")

# %% [markdown]
# ## 4. The ledger and risk of bias

# %% tags=["hide-input"]
frame = ledger.write(DATA_ROOT / "findings" / f"{STUDY}.csv")
items = rc.distinct_problems(frame)
rc.say(f"{len(frame)} ledger rows on {len(items)} printed items. Distinct problems: "
       f"{rc.counts_sentence(rc.problem_counts(frame))}; {int((items['verdict'] == 'consistent').sum())} items are "
       f"consistent and {int((items['verdict'] == 'not_checkable').sum())} not checkable from the abstract.")

# %% [markdown]
# The association claims are judged with the Newcastle-Ottawa items for case-control studies (9 stars), the
# prediction claim with PROBAST's four domains. Items the abstract does not settle are "Unclear".

# %% tags=["hide-input"]
nos = "Newcastle-Ottawa (case-control)"
nos_items = pd.DataFrame([
    (nos, "Selection: case definition adequate", "No star",
     "A VAS above 3 from retrospective records, no independent validation described."),
    (nos, "Selection: representativeness of the cases", "Star",
     f"All {cases} cases of a {cohort}-patient treated cohort, as the abstract describes."),
    (nos, "Selection: selection of controls", "Unclear", "Where the matched controls came from is not stated (the "
     "preprint drew them only from patients with complete follow-up)."),
    (nos, "Selection: definition of controls", "Unclear", "The controls' pain scores are not stated."),
    (nos, "Comparability: the most important factor", "Unclear", f"The abstract states 1:1 matching on age (± "
     f"{tolerance['age (years)']} years) and sex, but the preprint's counts ({sex[0].first} against "
     f"{sex[1].first} men) contradict the sex matching if the patients are the same, so the matching statement "
     "cannot be taken at face "
     f"value; the preprint's mean ages, {rc.fmt(gaps['age (years)'], 2)} years apart, fit random sampling as well."),
    (nos, "Comparability: an additional factor", "Unclear", f"Bone density (± {tolerance['bone density (SD)']} SD) "
     f"is named in the same matching statement; the preprint's means, {rc.fmt(gaps['bone density (SD)'], 2)} SD "
     "apart, do not show pair-by-pair matching, and the article's own table is not available."),
    (nos, "Exposure: ascertainment", "Star",
     "Fascia injury and liquefaction from preoperative MRI, cement distribution from imaging: records, as the item "
     "asks. Whether the readers knew case status is the next item, unclear."),
    (nos, "Exposure: same method for cases and controls", "Unclear",
     "Not stated, nor whether images were read blind to case status."),
    (nos, "Exposure: non-response rate", "Unclear", "Not stated."),
], columns=["tool", "domain", "judgement", "reason"])

# %% tags=["hide-input"]
probast = pd.DataFrame([
    ("PROBAST", "PROBAST participants", "High", f"A 1:1 matched case-control sample (50% cases against "
     f"{rc.fmt(share, 2)}% in the cohort), with no correction reported."),
    ("PROBAST", "PROBAST predictors", "Unclear", "Cement distribution is known only after injection; the intended "
     "time of use, and whether the images were read blind to the outcome, are not stated."),
    ("PROBAST", "PROBAST outcome", "Unclear", "When the VAS was recorded, and by whom, is not stated."),
    ("PROBAST", "PROBAST analysis", "High", f"{cases} events, predictors kept after univariable screening, an "
     "apparent AUC with no validation, interval or calibration."),
], columns=["tool", "domain", "judgement", "reason"])
rob = pd.concat([nos_items, probast], ignore_index=True)
judged = nos_items["judgement"]
stars = (judged == "Star").sum() + judged.str.extract(r"^(\d+) of")[0].dropna().astype(int).sum()
overall = (f"PROBAST participants and analysis are high risk from what the abstract states; the Newcastle-Ottawa items "
           f"it settles give {stars} of 9 stars, and {(judged == 'Unclear').sum()} items need the full text.")
rob.loc[len(rob)] = (f"{nos} and PROBAST", "Overall", "High", overall)
rob = rob.assign(study=STUDY)[["study", "tool", "domain", "judgement", "reason"]]
rob.to_csv(DATA_ROOT / "findings" / f"{STUDY}_rob.csv", index=False, lineterminator="\n")
rc.rob_table(rob)

# %% [markdown]
# ## 5. Figures
#
# The four odds ratios of both reports on one scale: the preprint's as printed with their intervals, the two
# that differ also re-expressed with the reference category swapped and as crude odds ratios from the preprint's
# Table 1 counts, and the article's points (it prints no intervals). Then the two study periods against the
# date the article was received.

# %% tags=["hide-input"]
rows = pp_row
points = []
for i, (f, row) in enumerate(rows.items()):
    ci = rc.parse_range(tp2.loc[row, "OR 95% CI"])
    points += [(i, "preprint Table 2, as printed", float(tp2.loc[row, "Odds ratio"]), ci.lower.value, ci.upper.value),
               (i, "2025 article (abstract, no interval)", float(abstract[factors[f]]), None, None)]
for i, table, crude in ((2, vertebrae, vert_crude), (3, cement, cement_crude)):
    lo, hi = (float(x) for x in table.loc["inside the reciprocal CI", "range"].strip("[]").split(", "))
    points += [(i, "preprint, reference category swapped", 1 / float(tp2.loc[list(rows.values())[i], "Odds ratio"]),
                lo, hi), (i, "crude, from the preprint's Table 1", *crude)]
points = pd.DataFrame(points, columns=["row", "estimate", "OR", "lo", "hi"])
same = sum(frame.set_index("location").loc[L("Abstract", "Results", f"OR {f}", "against the preprint"), "verdict"]
           == "consistent" for f in rows)
styles = {"preprint Table 2, as printed": ("o", rc.ARM_PALETTE["intervention"], -0.27),
          "preprint, reference category swapped": ("o", "#7fb3d5", -0.09),
          "crude, from the preprint's Table 1": ("D", "#777777", 0.09),
          "2025 article (abstract, no interval)": ("s", rc.ARM_PALETTE["comparator"], 0.27)}

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN, 5.2))
for name, d in points.groupby("estimate", sort=False):
    marker, colour, dy = styles[name]
    err = [d["OR"] - d["lo"], d["hi"] - d["OR"]] if d["lo"].notna().all() else None
    ax.errorbar(d["OR"], d["row"] + dy, xerr=err, fmt=marker, color=colour, capsize=3, label=rc.wrap(name, 30))
ax.axvline(1, color="#444444", lw=1)
ax.set_xscale("log")
ax.set_xticks([0.03, 0.1, 0.3, 1, 3, 10, 30], ["0.03", "0.1", "0.3", "1", "3", "10", "30"])
ax.grid(axis="y", visible=False)
ax.set_yticks(range(len(rows)), [rc.wrap(f, 16) for f in rows])
ax.invert_yaxis()
ax.set_xlabel("odds ratio for early residual pain (log scale)")
ax.set_title(rc.wrap(f"{same} of {len(rows)} odds ratios identical to the preprint's; the other {len(rows) - same} "
                     "are neither its values re-expressed nor its crude values", 60))
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
fig.tight_layout()
rc.save_figure(fig, FIGURES / "qin2025_residual_pain_or_comparison.png")
plt.show()

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN, 2.8))
for i, (r, (a, b)) in enumerate(period.items()):
    ax.barh(i, (b.end_time - a.start_time).days, left=a.start_time, height=0.5, color=list(rc.ARM_PALETTE.values())[i])
ax.axvline(pd.Timestamp(meta["dates"]["received"]), color=rc.VERDICT_PALETTE["concern"], ls="--",
           label="article received")
counts_of = {r: (int(facts.loc["cohort size", r].replace(" ", "")), int(facts.loc["cases", r])) for r in period}
ax.set_yticks(range(2), [rc.wrap(f"{r}: {n} patients, {k} cases", 22) for r, (n, k) in counts_of.items()])
ax.set_xlabel("calendar year of surgery")
same_counts = len(set(counts_of.values())) == 1
ax.set_title(rc.wrap(f"{'The same' if same_counts else 'Different'} counts ({cohort} patients, {cases} cases) over "
                     f"two periods that share {'no' if overlap == 0 else overlap} month", 60))
ax.legend(loc="upper left", frameon=False)
fig.tight_layout()
rc.save_figure(fig, FIGURES / "qin2025_residual_pain_periods.png")
plt.show()

# %% [markdown]
# ## 6. What a second reading raised that does not hold
#
# Two independent experts, one after the other, read only the abstract, the preprint and the appraisal rulebook.
# The points either of them raised about the article are in the ledger above, except these. Several are checks
# of the preprint's own tables, which the article does not print; we recompute them here from the preprint's
# tables. The last row weighs the grade that both readings gave the four odds ratios together against the
# grade the second reading of the preprint gave them (see [the preprint page](02_residual_pain_preprint.ipynb)).

# %% tags=["hide-input"]
mean_of = lambda row, g: rc.parse_mean_sd(tp1.loc[row, g]).mean.value
course = [rc.parse_mean_sd(tp1.loc["Course of disease", g]) for g in n_of]
course_p = rc.ttest_from_summary(course[0].mean.value, course[0].sd.value, cases,
                                 course[1].mean.value, course[1].sd.value, controls).p
wald_p = rc.p_from_statistic("wald", float(tp2.loc[vert_row, "Wald value"]))
per_level = {g: mean_of("Operative time (min)", g) / mean_of(vert_row, g) for g in n_of}
preprint_numbers = (
    f"Wald {tp2.loc[vert_row, 'Wald value']} gives P = {sci(wald_p)} (printed {tp2.loc[vert_row, 'P value']}); "
    f"course of disease {tp1.loc['Course of disease', case_g]} against {tp1.loc['Course of disease', control_g]} "
    f"gives P = {rc.fmt(course_p, 3)} (printed {tp1.loc['Course of disease', 'P value']})")
design_numbers = (
    f"vertebrae {tp1.loc[vert_row, case_g]} against {tp1.loc[vert_row, control_g]} with OR "
    f"{tp2.loc[vert_row, 'Odds ratio']}; operative time per treated level " + " against ".join(
        f"{rc.fmt(v, 1)} min" for v in per_level.values()) + f"; controls: {facts.loc['control selection', 'preprint']}")

# %% tags=["hide-input"]
unclear = int((judged == "Unclear").sum())
pd.DataFrame([
    ("The case definition and its ascertainment are a reporting problem (concern)", "both",
     "VAS above 3, day 2 to 1 month, in both reports",
     "Not a contradiction: the objective's 'persistence' and the methods' early window are compatible. What is "
     "missing (when and how often the VAS was recorded, who read the images) needs the full text, so those rows are "
     "not checkable; the missing effect on the pain scale is part of the precision row."),
    ("'Confirmed ... independent risk factors' overstates; factors chosen by univariable screening; no sample-size "
     "rationale (concern)", "both (the second added screening and sample size)",
     f"ORs {printed_ors}; narrowest CI {rc.fmt(fold, 2)}-fold; AUC {abstract['AUC']}; all {cases} cases of the cohort",
     "'Independent risk factor' is the usual name for an adjusted association and the conclusion is hedged ('may "
     "contribute'). With every case in the cohort used, the sample size was fixed by the cohort; what it allows is "
     "the precision row, and the screening is graded where it bears on numbers (the AUC's validation)."),
    ("The two differing odds ratios are one problem", "both",
     f"{abstract['OR suboptimal cement distribution']} against {tp2.loc['Cement distribution', 'Odds ratio']}; "
     f"{abstract['OR two or more vertebrae']} against {tp2.loc[vert_row, 'Odds ratio']}",
     "They are two printed items with different evidence (a near-reciprocal against a recoding), so the ledger "
     "grades them separately, and their pattern with the two identical odds ratios in a row of its own."),
    ("Printed P values in the preprint's tables (Table 2 vertebrae P against its Wald value; Table 1 course of "
     "disease)", "both", preprint_numbers,
     "The article prints none of these statistics; they are graded in the preprint's ledger."),
    ("Preprint design points: the vertebrae OR below 1, shorter operations with more levels, controls required to "
     "have complete follow-up", "both (the second added operative time)", design_numbers,
     "The article prints none of these. Its vertebrae coding enters the vertebrae OR row, the follow-up requirement "
     "the not-checkable patient-flow row, and the baseline table the not-checkable full-text row."),
    ("Whether 0.929 is attainable (neither reading flags it)", "both",
     f"binormal midpoint sensitivity {rc.fmt(sens, 3)}",
     "Agreed: the preprint's marginal counts do not bound a model's AUC, because correlated predictors can raise or "
     "lower it; the value is not graded, only its validation and sampling."),
    ("Newcastle-Ottawa about 6 of 9", "second", f"{stars} of 9 stars here, {unclear} items unclear",
     "The reading scored the article with the preprint's methods (controls from the same cohort with complete "
     "follow-up and a VAS of 3 or less, the same reading for both groups). The abstract states none of these, so "
     "they stay unclear. The two comparability items are unclear too: the stated matching is contradicted for sex by "
     "the preprint's counts if the patients are the same, and the abstract gives no table to check age and bone "
     "density pair by pair."),
    ("The four odds ratios together fit no single refit (concern); the second reading of the preprint: implausible",
     "both (concern); preprint's second reading (implausible)",
     f"both shared ORs within rounding in {refit_text}; new patients at most {in_10k['TFI']} and "
     f"{in_10k['liquefaction signal']}",
     f"Graded {together.verdict} here: the rulebook reserves implausible for values possible only under an "
     "unrealistic arrangement of the data, and the refits and the chances of a repeat (our numbers) say how rare "
     "this pattern is under each way the article could have been analysed. The two readings of the article argued "
     "the same pattern without computing how rare it is."),
], columns=["point raised", "raised by", "our numbers", "why it does not hold as raised"]).set_index("point raised")

# %% [markdown]
# ## 7. For journal club

# %% tags=["hide-input"]
pp_cement = f"{tp2.loc['Cement distribution', 'Odds ratio']} (95% CI {tp2.loc['Cement distribution', 'OR 95% CI']})"
rc.say(
    f"1. A 2025 article (patients treated {facts.loc['period', 'article']}) and a preprint (patients treated "
    f"{facts.loc['period', 'preprint']}) both report {cohort} patients, {cases} cases and odds ratios of "
    f"{abstract['OR TFI']} and {abstract['OR liquefaction signal']}. How likely is an independent cohort of {cases} "
    f"cases and {controls} controls to reproduce an odds ratio to three decimals? What would you ask the authors?\n"
    f"2. The preprint reports an odds ratio of {pp_cement} for a satisfactory against a poor cement distribution; the "
    f"article reports {abstract['OR suboptimal cement distribution']} for a suboptimal one. Is the article's value the "
    "preprint's with the reference category swapped? Is it compatible with it?\n"
    f"3. The article's controls were matched 1:1 on sex; the preprint's Table 1 shows {sex[0].first} men among "
    f"{cases} cases and {sex[1].first} among {controls} controls. Can both describe the same {cases + controls} patients?\n"
    f"4. The model's AUC is {abstract['AUC']} in a sample that is half cases, while {cases} of "
    f"{cohort} treated patients had residual pain. What would you need before calling the model "
    "accurate, and for what decision could it be used if one predictor is the cement distribution?\n"
    f"5. The abstract gives four odds ratios without intervals. With {controls} matched pairs, how narrow can a 95% "
    "interval for a binary predictor be, and what does that say about printing odds ratios to three decimals?")

# %% [markdown]
# ## Bottom line

# %% tags=["remove-input", "bottom-line"]
verdict, frame = rc.load_verdict(DATA_ROOT, STUDY)
rc.say(rc.bottom_line_markdown(verdict, frame))
