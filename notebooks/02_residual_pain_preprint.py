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
# July 2014 to June 2020, with a 61-versus-61 case-control comparison (Tables 1 and 2; Figures 1 to 3 are
# images). A 2025 journal article reports the same cohort size, the same number of cases and two identical odds
# ratios; it is appraised on [the Qin page](03_qin2025_residual_pain.ipynb), which compares the two reports.

# %% tags=["remove-input", "verdict"]
from pathlib import Path

import recheck as rc

DATA_ROOT = Path("../data")
STUDY = "residual_pain_preprint"
verdict, _ = rc.load_verdict(DATA_ROOT, STUDY)
rc.boxed(rc.verdict_markdown(verdict), "Verdict")

# %% [markdown]
# Every check below is recorded in this page's ledger of findings; verdicts follow the rules set out on
# [the methods page](00_methods.ipynb). Locations name table · row · group · time · statistic for the paper's
# tables, and part · subject · aspect for its text.

# %% tags=["hide-input"]
from dataclasses import replace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import optimize, stats

from recheck.carlisle import carlisle_combined_p, check_baseline_balance
from recheck.closure import count_possible_samples, possible_samples

rc.use_review_style()
FIGURES = Path("../figures")
study = rc.load_study(DATA_ROOT / STUDY)
meta = study.meta
text = study.table("text_numbers").set_index("Quantity")["Printed"]
t1 = study.table("table1").set_index("Characteristic")
t2 = study.table("table2").set_index("Variable")
CASES, CONTROLS = GROUPS = tuple(t1.columns[:2])
SHORT = {CASES: "observation group", CONTROLS: "control group"}
N = {g: spec["n"] for g, spec in zip(GROUPS, meta["groups"])}
ledger = rc.Ledger(STUDY)


# %% tags=["hide-input"]
def record(check, reported, recomputed, verdict, assumption, explanation, at):
    """Add one finding to the ledger at a location built with rc.location."""
    return ledger.add(rc.Finding(check, reported, recomputed, verdict, assumption, explanation), at)


def shown(findings, columns=("recomputed",)):
    """Findings as a reader sees them: where, the given ledger columns, then the verdict and why."""
    table = rc.findings_table(findings)
    for position, column in enumerate(columns):
        table.insert(position, column, [getattr(f, column) for f in findings])
    return table


def ms(variable, group):
    """A Table 1 cell as mean and SD."""
    return rc.parse_mean_sd(t1.loc[variable, group])


def splits(k):
    return "exactly one split" if k == 1 else f"{k} splits"


def per_group(counts):
    """'exactly one split per group', or the number for cases and for controls."""
    if all(k == 1 for k in counts):
        return "exactly one split per group"
    return f"{splits(counts[0])} for cases and {splits(counts[1])} for controls"


def sci(x):
    """A small P as a reader writes it: 9.5 × 10⁻⁷ (three decimals when it is not small)."""
    if x >= 0.001:
        return rc.fmt(x, 3)
    mantissa, exponent = f"{x:.1e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(str.maketrans('-0123456789', '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'))}"


def fmt_or(estimate, lo, hi, digits=3):
    """An odds ratio with its interval, limits in ascending order."""
    lo, hi = sorted((lo, hi))
    return f"{rc.fmt(estimate, digits)} ({rc.fmt(lo, digits)}-{rc.fmt(hi, digits)})"


# %% tags=["hide-input"]
variables, levels = [], {}
for row in t1.index:
    if ":" in row:
        levels[variables[-1]].append(row)
    else:
        variables.append(row)
        levels[row] = []
TIME = {"Surgical approach": "at operation", "Operative time (min)": "at operation",
        "Volume injected per level (ml)": "at operation", "Cement distribution": "postoperative CT"}


def t1_at(variable, group, statistic, time=None):
    return rc.location("Table 1", variable, group, time or TIME.get(variable, "preoperative"), statistic)


def counts_of(variable):
    """Category labels and per-group counts of a categorical row."""
    if levels[variable]:
        return [r.split(": ")[1] for r in levels[variable]], [[int(t1.loc[r, g]) for r in levels[variable]] for g in GROUPS]
    pairs = [rc.parse_count_pair(t1.loc[variable, g]) for g in GROUPS]
    return ["male", "female"], [[p.first, p.second] for p in pairs]


# %% [markdown]
# ## 1. Design at a glance

# %% tags=["hide-input"]
pd.DataFrame({
    "item": ["Question", "Design", "Setting", "Period", "Case definition", "Controls", "Candidate factors",
             "Statistics as stated", "Ethics", "Funding"],
    "as reported": [
        "Which factors go with residual low back pain early after PVP?", meta["design"], meta["setting"],
        meta["period"], meta["pico"]["outcome"], meta["groups"][1]["treatment"], ", ".join(meta["candidate_factors"]),
        meta["statistics_stated"], meta["ethics"], meta["funding"]],
}).set_index("item")

# %% [markdown]
# Two details of the text matter for everything that follows. In our extracted copy the case definition in the
# methods reads "a VAS score 3": the comparison sign was lost when the text was extracted (the source PDF would
# settle it), and the discussion and the 2025 abstract both say VAS > 3, the reading used here. And controls
# were drawn only from patients *with complete follow-up data*, a condition the cases did not have to meet.
#
# ## 2. Patient flow, cases and controls

# %% tags=["hide-input"]
cohort, cases = int(text["patients treated"]), int(text["patients with residual pain"])
non_cases, controls = int(text["patients without residual pain"]), int(text["controls selected"])
flow = [
    ledger.add(rc.check_flow(cohort, {"with residual pain": cases}, non_cases, "cohort split"),
               rc.location("Results 1", "cohort split", "arithmetic")),
    ledger.add(rc.check_percent(cases, cohort, text["prevalence (%)"]),
               rc.location("Results 1", "prevalence", "percent of the cohort")),
]
prevalence_ci = rc.wilson_interval(cases, cohort)
shown(flow)

# %% tags=["remove-input"]
rc.say(f"{cases} of {cohort} is {rc.fmt(100 * cases / cohort, 2)}% (Wilson 95% interval "
       f"{rc.fmt(100 * prevalence_ci[0], 1)}% to {rc.fmt(100 * prevalence_ci[1], 1)}%). The comparison then uses the "
       f"{cases} cases and {controls} controls sampled from the {non_cases} patients without residual pain. What the "
       "share means depends on who counted as a case and on who was excluded after the operation; those are separate "
       "findings below and do not touch the arithmetic.")

# %% [markdown]
# **Who counts as a case, and who could be a control.** The case definition and the control sampling decide
# what the odds ratios mean; both are recorded as findings. Where our extracted copy of the text lost a symbol, the
# row says so and is graded not checkable: that is damage to our copy, not a fault of the paper.

# %% tags=["hide-input"]
THRESHOLD = text["residual pain VAS threshold"]
threshold_sign = record(
    "extraction: comparison sign of the threshold", f"methods, in our copy: 'a VAS score {THRESHOLD}' (no sign); "
    "discussion: VAS > 3, twice; the 2025 abstract: a VAS above 3", "nothing to recompute: "
    "the sign is missing from our extracted text, not from a printed number", "not_checkable",
    "our copy of the preprint is a text extraction, which drops some symbols",
    "Our extracted copy of the methods lost the comparison sign of the residual-pain threshold, so it "
    "cannot show whether a VAS of exactly 3 made a case; the source PDF is needed. The discussion says VAS > 3 in two "
    "places and the 2025 abstract says above 3, and this page reads the threshold that way; nothing is held against "
    "the paper for the lost sign.", rc.location("Methods", "residual-pain threshold", "comparison sign in our copy"))
case_timing = record(
    "reporting: time of the outcome reading", "case: VAS above the threshold in the early window, day 2 to 1 month "
    "after PVP; no day of reading, no number of readings", "no number to recompute (a check of the text)", "concern",
    "as printed; a statement that is missing, not a symbol lost in extraction",
    "When in the window from day 2 to 1 month the VAS was read, and whether once or as the worst of several readings, "
    "is not stated. A reading on day 2 and one at 4 weeks measure different things, and if the day differed between "
    "patients, so would the chance of counting as a case.", rc.location("Methods", "case definition", "time of the reading"))

# %% tags=["hide-input"]
vas = {g: ms("Preoperative VAS score", g).mean.value for g in GROUPS}
outcome_scale = record(
    "clinical importance: outcome as a level", "residual pain: a postoperative VAS above the threshold in the window "
    f"day 2 to 1 month; no postoperative VAS printed; preoperative VAS {t1.loc['Preoperative VAS score', CASES]} and "
    f"{t1.loc['Preoperative VAS score', CONTROLS]}", f"mean improvement at most {rc.fmt(vas[CASES] - 4, 2)} points in "
    f"cases and at least {rc.fmt(vas[CONTROLS] - 3, 2)} in controls", "concern",
    "VAS in whole points, case = VAS of 4 or more (> 3), as the discussion reads; a minimal important difference of 1-2 points",
    "No postoperative VAS is printed for either group at any time, so how far the cases' pain stayed above the "
    "threshold, and how much either group improved, cannot be seen. The outcome is a postoperative level, not a "
    "change: a patient going from 8 to 4 improved by more than the 1-2 point minimal important difference yet "
    "counts as a case, and one going from 4 to 3 counts as a control. With preoperative means of "
    f"{ms('Preoperative VAS score', CASES).mean.printed} and {ms('Preoperative VAS score', CONTROLS).mean.printed}, cases improved by at "
    f"most {rc.fmt(vas[CASES] - 4, 2)} points on average and controls by at least {rc.fmt(vas[CONTROLS] - 3, 2)}; "
    "whether the scores were read on analgesics, which the discussion ties to the threshold, is not stated.",
    rc.location("Methods", "case definition", "unreported postoperative VAS and clinical importance"))
exclusion_7 = record(
    "design: exclusion on postoperative events", "exclusion 7: clinical symptoms from cement leakage, new adjacent "
    "fractures or vertebral infection; number excluded not printed; discussion: a liquefaction signal can affect cement "
    "leakage and distribution", "no number to recompute: no count of excluded patients is printed", "concern", "as printed",
    "Exclusion 7 removes patients by events after the operation (symptomatic cement leakage, a new adjacent fracture, "
    "infection), events that themselves cause pain, without saying how many. The paper's own discussion says a "
    "liquefaction signal can affect cement leakage and distribution, and cement distribution is read on the same "
    "postoperative CT that shows leakage, so the exclusion removes patients on the path from two of the four factors "
    f"to pain. Without the counts, neither whether the {cohort} treated patients include the excluded ones (the "
    "prevalence's denominator) nor the effect on the odds ratios can be assessed.",
    rc.location("Methods", "exclusion of postoperative complications", "selection"))
shown([threshold_sign, case_timing, outcome_scale, exclusion_7], ())

# %% tags=["hide-input"]
(tfi_cases, tfi_controls), men = counts_of("TFI")[1], [c[0] for c in counts_of("Sex (male/female)")[1]]
log_or_se = {k: np.sqrt(1 / tfi_cases[0] + 1 / tfi_cases[1] + (1 / tfi_controls[0] + 1 / tfi_controls[1]) * controls / k)
             for k in (controls, non_cases)}  # controls scaled up to k with the same exposure shares
gain = 1 - log_or_se[non_cases] / log_or_se[controls]
control_selection = record(
    "design: control sampling and missing data", f"{controls} controls 'with complete follow-up data' randomly "
    f"selected from the {non_cases} patients without residual pain", f"sampling fraction {rc.fmt(100 * controls / non_cases, 2)}% "
    f"only if all {non_cases} had complete data; SE of the crude TFI log OR {rc.fmt(log_or_se[controls], 3)} with "
    f"{controls} controls, {rc.fmt(log_or_se[non_cases], 3)} with all {non_cases} (same exposure shares)", "concern",
    "as printed; the size of the pool of non-cases with complete data is not reported",
    "Controls had to have complete follow-up data, a condition the cases did not have to meet, and the size of "
    "the pool they were drawn from is not reported. So the sampling fraction is unknown, the number of non-cases "
    "without complete data (still counted as free of pain in the prevalence) is unknown, and how many patients each "
    "exclusion criterion removed is not given; how the random selection was done is not described. The stated reason "
    "for sampling, to reduce interfering factors, is not something sampling achieves, and sampling discards "
    "information the hospital held: with every non-case as a control the standard error of the crude TFI log odds "
    f"ratio would fall by about {rc.fmt(100 * gain, 0)}%. Table 1's sex counts ({men[0]} and {men[1]} men) fit the "
    "random selection described; the 2025 article's 1:1 matching on sex is compared in our appraisal of that article.",
    rc.location("Results 1", "control selection", "sampling frame and missing data"))
shown([control_selection], ("reported",))

# %% [markdown]
# ## 3. Table 1: the univariate comparison
#
# As printed (Yes/No and category rows carry their variable's name so that every row label is unique):

# %% tags=["hide-input"]
study.table("table1")

# %% [markdown]
# Each P is recomputed from the printed means and SDs (Student and Welch t tests over the rounding
# intervals) or from the printed counts (Pearson, Yates, likelihood ratio and Fisher), and each set of
# category counts is checked against the group size.

# %% tags=["hide-input"]
tests, sums = {}, []
for v in variables:
    p = t1.loc[v, "P value"]
    if rc.cell_kind(t1.loc[v, CASES]) == "mean_sd":
        a, b = ms(v, CASES), ms(v, CONTROLS)
        f = rc.check_ttest(a.mean.printed, a.sd.printed, N[CASES], b.mean.printed, b.sd.printed, N[CONTROLS], p=p)
        if f.verdict != "consistent":
            need = stats.t.isf(rc.parse_p(p).value.value / 2, N[CASES] + N[CONTROLS] - 2) * np.sqrt(
                a.sd.value ** 2 / N[CASES] + b.sd.value ** 2 / N[CONTROLS])
            f = replace(f, explanation=f"{f.explanation} With these SDs a P of {p} needs a difference in means of "
                                       f"about {rc.fmt(need, 2)}; the printed means differ by "
                                       f"{rc.fmt(abs(a.mean.value - b.mean.value), 2)}.")
    else:
        labels, table = counts_of(v)
        f = rc.check_contingency(table, p=p)
        sums += [ledger.add(rc.check_total(dict(zip(labels, c)), N[g], v), t1_at(v, SHORT[g], "sum to n"))
                 for g, c in zip(GROUPS, table)]
    tests[v] = ledger.add(f, t1_at(v, "between groups", "P"))

# %% [markdown]
# The printed P values beside our recomputation (the group summaries are in the table above):

# %% tags=["hide-input"]
VARIANT = {"pearson": "Pearson", "yates": "Yates", "likelihood_ratio": "likelihood ratio", "fisher": "Fisher"}


def recomputed_p(f):
    """The P of the first test variant the check reports, e.g. 'P 0.226 (Pearson)'."""
    variant, rest = f.recomputed.split(";")[0].split(":", 1)
    return f"P {rest.split(' P ')[-1].strip()} ({VARIANT.get(variant, variant)})"


beside = pd.DataFrame({
    "printed P": t1.loc[variables, "P value"].to_list(),
    "recomputed": [recomputed_p(tests[v]) for v in variables],
    "verdict": [tests[v].verdict for v in variables],
    "why": [tests[v].explanation for v in variables]}, index=pd.Index(variables, name="characteristic"))
beside

# %% tags=["remove-input"]
off = [v for v in variables if tests[v].verdict != "consistent"]
chi = [v for v in variables if rc.cell_kind(t1.loc[v, CASES]) != "mean_sd"]
pearson = [v for v in chi if "Pearson" in tests[v].explanation]
bad_sums = [f for f in sums if f.verdict != "consistent"]
rc.say(f"{len(variables) - len(off)} of {len(variables)} printed P values are reproduced"
       + (f"; Pearson's chi-square without continuity correction, the methods' 'chi-square test', reproduces "
          f"{len(pearson)} of the {len(chi)} tests on counts" if pearson else "")
       + f". {len(sums) - len(bad_sums)} of {len(sums)} sets of category counts add up to the group size.")

# %% [markdown]
# ### Whole numbers: GRIM, and the plausible spread of pain scores
#
# Age (whole years), the preoperative VAS (whole points), the number of fractured vertebrae and the operative
# time (whole minutes) are usually recorded as whole numbers; a mean of 61 whole numbers can take only some
# two-decimal values (GRIM). Whether that assumption holds is judged by the family's own pass rate against
# the share of two-decimal values that pass by chance at n = 61. Course of disease is tested as a family of
# its own, because the paper prints no unit for it.

# %% tags=["hide-input"]
chance = float(np.mean([rc.grim_consistent(f"{k / 100:.2f}", 61) for k in range(10_000)]))
WHOLE = {"Age": "age in whole years", "Preoperative VAS score": "VAS in whole points",
         "Number of vertebral fractures": "whole numbers of vertebrae", "Operative time (min)": "whole minutes"}
family = [(v, g, rc.check_grim(ms(v, g).mean.printed, N[g], what=WHOLE[v])) for v in WHOLE for g in GROUPS]
rows, extra = rc.grade_granularity_family([f for *_, f in family], chance, "whole-number characteristics' means")
grim = [ledger.add(f, t1_at(v, SHORT[g], "GRIM")) for (v, g, _), f in zip(family, rows)]
if extra is not None:  # only when the family's pass rate contradicts the whole-number assumption
    grim.append(ledger.add(extra, t1_at("whole-number characteristics", "both groups", "GRIM family", time="whole table")))
course = [rc.check_grim(ms("Course of disease", g).mean.printed, N[g],
                        what="course of disease in whole units (the unit is not printed)") for g in GROUPS]
rows, course_family = rc.grade_granularity_family(course, chance, "course-of-disease means")
grim += [ledger.add(f, t1_at("Course of disease", SHORT[g], "GRIM")) for g, f in zip(GROUPS, rows)]
if course_family is not None:
    grim.append(ledger.add(course_family, t1_at("Course of disease", "both groups", "GRIM family")))
shown(grim)

# %% [markdown]
# The VAS is bounded (0 to 10), so whether its printed SDs fit whole-number scores can be settled exactly:
# every sample of 61 whole scores with the printed mean and SD is counted (an exhaustive reconstruction).

# %% tags=["hide-input"]
VAS = "Preoperative VAS score"
vas_counts = {g: count_possible_samples(ms(VAS, g).mean.printed, ms(VAS, g).sd.printed, N[g], 0, 10) for g in GROUPS}
vas_rows = [record("exhaustive reconstruction (CLOSURE count)", f"mean {ms(VAS, g).mean.printed}, SD {ms(VAS, g).sd.printed}, "
                   f"n = {N[g]}", f"{vas_counts[g]} distinct samples", "consistent" if vas_counts[g] else "impossible",
                   "VAS in whole points from 0 to 10; sample SD (n - 1)",
                   f"{vas_counts[g]} distinct sets of {N[g]} whole scores from 0 to 10 give the printed mean and SD."
                   if vas_counts[g] else "No whole scores from 0 to 10 give the printed mean and SD.",
                   t1_at(VAS, SHORT[g], "reconstruction on 0 to 10")) for g in GROUPS]
shown(vas_rows)

# %% tags=["remove-input"]
evidence = rc.family_evidence([f.verdict == "consistent" for f in course], chance)
whole_evidence = rc.family_evidence([f.verdict == "consistent" for *_, f in family], chance)
rc.say(f"Whole-number characteristics: {whole_evidence.sentence()}, which supports the assumption. Course of "
       f"disease: {evidence.sentence()}; with no unit printed, its failing mean becomes one conditional finding, "
       "not an impossible one.")

# %% [markdown]
# ### The number of fractured vertebrae, reconstructed
#
# Patients with more than three surgical segments were excluded, so each patient had one, two or three
# treated vertebrae. Every sample of 61 whole counts from 1 to 3 whose mean and SD round to the printed ones
# is listed exhaustively; allowing counts up to 10 shows how many patients
# with four or more the printed summaries would still allow.

# %% tags=["hide-input"]
VERT = "Number of vertebral fractures"
samples = {g: possible_samples(ms(VERT, g).mean.printed, ms(VERT, g).sd.printed, N[g], 1, 3) for g in GROUPS}
wide = {g: possible_samples(ms(VERT, g).mean.printed, ms(VERT, g).sd.printed, N[g], 1, 10) for g in GROUPS}
split = {g: [s.count(k) for k in (1, 2, 3)] for g, found in samples.items() for s in found[:1]}
reconstruction = []
for g in GROUPS:
    found = samples[g]
    listed = "; ".join(f"{s.count(1)} with one, {s.count(2)} with two, {s.count(3)} with three" for s in found)
    reconstruction.append(record(
        "exhaustive reconstruction (CLOSURE)", f"mean {ms(VERT, g).mean.printed}, SD {ms(VERT, g).sd.printed}, n = {N[g]}",
        f"{splits(len(found))}: {listed}" if found else "no sample", "consistent" if found else "impossible",
        "whole counts from 1 to 3 (exclusion of more than three surgical segments; fractured vertebrae taken as the "
        "treated ones)", f"The printed mean and SD allow {splits(len(found))} of {N[g]} patients over one, two and "
        "three vertebrae." if found else "No whole counts from 1 to 3 give the printed mean and SD.",
        t1_at(VERT, SHORT[g], "reconstruction on 1 to 3")))
most = {g: max(sum(v >= 4 for v in s) for s in wide[g]) for g in GROUPS}
cantelli = {g: rc.max_count_beyond(rc.linear_combination([1], [ms(VERT, g).mean.printed], [ms(VERT, g).sd.printed]),
                                   4.0, N[g]) for g in GROUPS}
shown(reconstruction)

# %% tags=["hide-input"]
young = {g: rc.max_count_beyond(rc.linear_combination([1], [ms("Age", g).mean.printed], [ms("Age", g).sd.printed]),
                                60.0, N[g], above=False) for g in GROUPS}
eligibility = [
    record("eligibility against sample (exhaustive reconstruction)", f"exclusion of more than "
           f"{text['exclusion: more than this many surgical segments']} surgical segments; Table 1: "
           f"{t1.loc[VERT, CASES]} and {t1.loc[VERT, CONTROLS]}, n = {N[CASES]} each",
           f"with whole counts from 1 to 10 at most {most[CASES]} of {N[CASES]} cases and {most[CONTROLS]} of "
           f"{N[CONTROLS]} controls could have four or more (Cantelli bound for any values: {cantelli[CASES]} and "
           f"{cantelli[CONTROLS]})", "not_checkable", "whole counts of vertebrae; the mean and SD anywhere in their rounding",
           f"The printed means and SDs allow up to {most[CASES]} of {N[CASES]} cases and {most[CONTROLS]} of {N[CONTROLS]} "
           "controls with four or more fractured vertebrae, so they cannot show whether the exclusion of more than "
           "three segments was applied. "
           f"They fit samples without any such patient equally well ({per_group([len(samples[g]) for g in GROUPS])} with "
           "counts from 1 to 3, above); the individual counts would be needed.",
           rc.location("Methods", "exclusion of more than three segments", "against Table 1")),
    record("eligibility against sample (Cantelli bound)", f"inclusion: older than {text['inclusion age above (years)']}; "
           f"Table 1 age {t1.loc['Age', CASES]} and {t1.loc['Age', CONTROLS]}",
           f"at most {young[CASES]} of {N[CASES]} cases and {young[CONTROLS]} of {N[CONTROLS]} controls could be 60 or "
           "younger", "not_checkable", "no distributional assumption",
           f"Table 1's mean ages and SDs allow up to {young[CASES]} cases and {young[CONTROLS]} controls aged 60 or "
           "less, so they cannot show whether the age criterion was applied; the patients' ages would be needed.",
           rc.location("Methods", "inclusion above 60 years", "against Table 1")),
]
shown(eligibility)

# %% [markdown]
# What the reconstruction lets us derive that the paper does not print: medians, shares, and the crude
# odds ratio under each way the variable could have been coded. Table 2's adjusted OR for this row is
# 0.098 (0.039-0.249).

# %% tags=["hide-input"]
values = {g: np.repeat([1, 2, 3], split[g]) for g in GROUPS}
x = np.r_[values[CASES], values[CONTROLS]]
y = np.r_[np.ones(N[CASES]), np.zeros(N[CONTROLS])]
per_vertebra = sm.Logit(y, sm.add_constant(x)).fit(disp=0)
crude_count = (np.exp(per_vertebra.params[1]), *np.exp(per_vertebra.conf_int()[1]))
CODINGS = {"two or more against one": lambda v: v >= 2, "three against one or two": lambda v: v == 3,
           "one (single vertebra) against two or more": lambda v: v == 1}
coded = {name: rc.odds_ratio_2x2([[int(rule(values[g]).sum()), int((~rule(values[g])).sum())] for g in GROUPS])
         for name, rule in CODINGS.items()}
coded = {"count, per extra vertebra": crude_count, **coded,
         "count reversed, per vertebra fewer": tuple(1 / c for c in crude_count)}
vert_ci = rc.parse_range(t2.loc[VERT, "OR 95% CI"])
table2_vert = (float(t2.loc[VERT, "Odds ratio"]), vert_ci.lower.value, vert_ci.upper.value)
same_side = f"same side of 1 as {t2.loc[VERT, 'Odds ratio']}"
codings = pd.DataFrame([{"coding": k, "crude OR (95% CI)": fmt_or(*v), same_side: (v[0] > 1) == (table2_vert[0] > 1)}
                        for k, v in coded.items()]).set_index("coding")
codings

# %% tags=["remove-input"]
share = {g: {k: split[g][k - 1] for k in (1, 2, 3)} for g in GROUPS}
rc.say(f"Medians: {int(np.median(values[CASES]))} vertebrae in cases, {int(np.median(values[CONTROLS]))} in controls. "
       f"Two or more: {N[CASES] - share[CASES][1]} of {N[CASES]} cases "
       f"({rc.fmt(100 * (1 - share[CASES][1] / N[CASES]), 0)}%) against {N[CONTROLS] - share[CONTROLS][1]} of {N[CONTROLS]} "
       f"controls ({rc.fmt(100 * (1 - share[CONTROLS][1] / N[CONTROLS]), 0)}%); three: {share[CASES][3]} against "
       f"{share[CONTROLS][3]}. The crude OR per extra vertebra, {fmt_or(*crude_count, 2)}, "
       + ("excludes 1 and runs in the direction the text describes" if crude_count[1] > 1 else "does not exclude 1")
       + "; the codings whose crude OR lies below 1, like Table 2's, are those that count towards fewer vertebrae: "
       f"{' and '.join(codings.index[codings[same_side]])}.")

# %% [markdown]
# ### Operative time against the number of treated levels
#
# Two rows of Table 1 are read together here. The finding is about their coherence; it does not touch the
# printed P for operative time, which is reproduced above.

# %% tags=["hide-input"]
OPT, VOL = "Operative time (min)", "Volume injected per level (ml)"
per_level = {g: ms(OPT, g).mean.value / ms(VERT, g).mean.value for g in GROUPS}
cement_total = {g: ms(VOL, g).mean.value * ms(VERT, g).mean.value for g in GROUPS}
paradox = record(
    "coherence: operative time against number of levels",
    f"{t1.loc[OPT, CASES]} against {t1.loc[OPT, CONTROLS]} min (P = {t1.loc[OPT, 'P value']}); "
    f"{t1.loc[VERT, CASES]} against {t1.loc[VERT, CONTROLS]} vertebrae",
    f"{share[CASES][3]} of {N[CASES]} cases and {share[CONTROLS][3]} of {N[CONTROLS]} controls had three levels "
    f"(reconstruction); mean time over mean levels {rc.fmt(per_level[CASES], 1)} against {rc.fmt(per_level[CONTROLS], 1)} "
    f"min per level; cement about {rc.fmt(cement_total[CASES], 1)} against {rc.fmt(cement_total[CONTROLS], 1)} ml per "
    "patient (products of means)", "concern", "operative time per patient, as the label reads ('(min)')",
    f"Cases had about {rc.fmt(ms(VERT, CASES).mean.value - ms(VERT, CONTROLS).mean.value, 2)} more treated vertebrae "
    f"per patient than controls yet operations {rc.fmt(ms(OPT, CONTROLS).mean.value - ms(OPT, CASES).mean.value, 2)} "
    f"minutes shorter on average, the reverse of what more levels should take. The reconstruction puts three levels in "
    f"{share[CASES][3]} of {N[CASES]} cases and {share[CONTROLS][3]} of {N[CONTROLS]} controls, and the cases received "
    "more cement per patient, so the shorter time needs an explanation (a time per level, a different team, a "
    "recording error) that the paper does not give.",
    rc.location("Table 1", "Operative time against number of vertebrae", "between groups", "at operation", "coherence"))
shown([paradox])

# %% [markdown]
# ### Cement distribution: one rating for several levels
#
# Cement distribution is rated once per patient, though most cases had two or three treated levels. If one poorly
# filled level made the patient "dissatisfied", the rating would rise with the number of levels by itself. The
# cell takes the per-level chance of a poor fill that fits the controls under that rule and predicts the cases.

# %% tags=["hide-input"]
poor = {g: counts_of("Cement distribution")[1][i][1] for i, g in enumerate(GROUPS)}  # dissatisfied


def any_poor(q, g):
    """Expected dissatisfied patients if any of k levels, each poor with chance q, makes the patient dissatisfied."""
    return sum(n * (1 - (1 - q) ** k) for n, k in zip(split[g], (1, 2, 3)))


q_level = optimize.brentq(lambda q: any_poor(q, CONTROLS) - poor[CONTROLS], 0, 1)
expected = any_poor(q_level, CASES)
odds = {"expected": expected / (N[CASES] - expected), "observed": poor[CASES] / (N[CASES] - poor[CASES])}
or_from_levels = odds["expected"] / (poor[CONTROLS] / (N[CONTROLS] - poor[CONTROLS]))
or_observed = odds["observed"] / (poor[CONTROLS] / (N[CONTROLS] - poor[CONTROLS]))
multi_level = record(
    "design: rating of several levels", f"one rating per patient: dissatisfied {poor[CASES]} of {N[CASES]} cases and "
    f"{poor[CONTROLS]} of {N[CONTROLS]} controls; vertebrae {t1.loc[VERT, CASES]} and {t1.loc[VERT, CONTROLS]}; no rule "
    "for patients with several levels", f"per-level chance of a poor fill {rc.fmt(q_level, 3)} (fitted to the controls); "
    f"expected dissatisfied cases {rc.fmt(expected, 1)} of {N[CASES]}; crude OR for a poor distribution "
    f"{rc.fmt(or_from_levels, 2)} from the levels alone against {rc.fmt(or_observed, 2)} observed", "concern",
    "scenario: a patient is dissatisfied if any treated level is, each level poor with the same chance in both groups; "
    "level counts from the reconstruction",
    "How a patient with two or three treated levels was given one cement rating is not stated, and cases had far more "
    f"levels ({share[CASES][3]} of {N[CASES]} with three, against {share[CONTROLS][3]} of {N[CONTROLS]}). If one poor "
    "level made a patient dissatisfied, the controls' counts give a per-level chance of a poor fill of "
    f"{rc.fmt(q_level, 2)}, and the number of levels alone would then predict {rc.fmt(expected, 0)} dissatisfied cases "
    f"against {poor[CASES]} observed, a crude OR for a poor distribution of {rc.fmt(or_from_levels, 2)} against the "
    f"observed {rc.fmt(or_observed, 2)}. Under that rule the rating would largely re-measure the number "
    "of levels, and two of the four factors in Table 2 would overlap; under a rule based on one level it would not. "
    "The paper does not say which.", rc.location("Methods", "cement distribution in patients with several levels", "definition"))
shown([multi_level])

# %% [markdown]
# ### Baseline balance across the table (Carlisle)
#
# The characteristics that did not enter the model are taken together: do their P values spread as chance
# makes them, or bunch near 1 (as matching or invented data would give)?

# %% tags=["hide-input"]
outside = [v for v in variables if v not in t2.index]
a, b = ms("Course of disease", CASES), ms("Course of disease", CONTROLS)
course_p = rc.ttest_from_summary(a.mean.value, a.sd.value, N[CASES], b.mean.value, b.sd.value, N[CONTROLS]).p
with_course, _ = carlisle_combined_p([rc.fmt(course_p, 3) if v == "Course of disease" else t1.loc[v, "P value"]
                                      for v in outside])
balance = check_baseline_balance(list(t1.loc[outside, "P value"]), labels=outside, randomised=False,
                                 design="case-control comparison, controls sampled at random from non-cases")
core = balance.explanation.split(" What it cannot show")[0]
balance = replace(balance, explanation=(
    f"{core} In a case-control sample these characteristics are candidate risk factors, so P values spread evenly are "
    "what random sampling of controls and no association with residual pain give; the check would reveal P values "
    f"bunched near 1, as matching on them or invented data would produce. Sex ({men[0]} against {men[1]} men) shows no such "
    "matching. The four characteristics in the model are left out because they were chosen for differing. With "
    f"course of disease at its recomputed P ({rc.fmt(course_p, 3)}) the combined value is {rc.fmt(with_course, 3)}."))
shown([ledger.add(balance, t1_at("characteristics outside the model", "between groups", "Carlisle balance",
                                 time="whole table"))])

# %% [markdown]
# ## 4. Table 2: the multivariable logistic regression
#
# As printed (the table gives no intercept and no n):

# %% tags=["hide-input"]
study.table("table2")

# %% [markdown]
# Each row is over-determined: OR = exp(B), Wald = (B/SE)², P from the Wald chi-square with 1 df,
# CI = exp(B ± 1.96·SE). Each relation is checked over the rounding intervals; the P implied by the OR and its
# interval is not checked separately, because it follows from the interval and Wald relations together.

# %% tags=["hide-input"]
STATISTIC = {"logistic: OR = exp(B)": "OR from B", "logistic: Wald = (B/SE)^2": "Wald from B and SE",
             "logistic: p from Wald": "P from Wald", "logistic: CI = exp(B ± z·SE)": "CI from B and SE",
             "logistic: OR at geometric centre of CI": "OR at centre of CI"}


def p_note(variable, r):
    """Exact P at the printed Wald, the Wald range the printed P needs, and any other row printing the same P."""
    lo, hi = rc.parse_p(r["P value"]).bounds
    twin = [v for v in t2.index if v != variable and t2.loc[v, "P value"] == r["P value"]]
    return (f" At the printed Wald the P is {sci(stats.chi2.sf(float(r['Wald value']), 1))}; a P of {r['P value']} needs a "
            f"Wald between {rc.fmt(stats.chi2.isf(hi, 1), 2)} and {rc.fmt(stats.chi2.isf(lo, 1), 2)}."
            + (f" The printed value is the P of the {twin[0]} row." if twin else ""))


regression = {}
for variable, r in t2.iterrows():
    ci = rc.parse_range(r["OR 95% CI"])
    for f in rc.check_logistic_row(B=r["Partial regression coefficient"], SE=r["Standard error"], wald=r["Wald value"],
                                   p=r["P value"], OR=r["Odds ratio"], ci_lower=ci.lower.printed, ci_upper=ci.upper.printed):
        if f.check not in STATISTIC:
            continue
        if f.check == "logistic: p from Wald" and f.verdict != "consistent":
            exact = stats.chi2.sf(float(r["Wald value"]), 1)
            f = replace(f, recomputed=f"{f.recomputed} ({sci(exact)} at the printed Wald)",
                        explanation=f.explanation + p_note(variable, r))
        regression[variable, STATISTIC[f.check]] = ledger.add(
            f, rc.location("Table 2", variable, "between groups", "multivariable model", STATISTIC[f.check]))

# %% [markdown]
# The printed P beside the P its own Wald gives, and how many of the row's five relations hold:

# %% tags=["hide-input"]
def row_summary(variable):
    """Relations that hold in a Table 2 row, and why the others do not (first sentence of each)."""
    found = [f for (v, _), f in regression.items() if v == variable]
    off = [f for f in found if f.verdict != "consistent"]
    held = f"{len(found) - len(off)} of {len(found)}"
    why = " ".join(f"{f.location.split(' · ')[-1]} ({f.verdict}): {rc.first_sentence(f.explanation)}" for f in off)
    return held, rc.worst(f.verdict for f in found), why or "OR, Wald, P, interval and its centre agree within rounding."


grid = pd.DataFrame([row_summary(v) for v in t2.index], index=pd.Index(t2.index, name="variable"),
                    columns=["relations that hold", "verdict", "why"])
grid.insert(0, "printed P", t2["P value"])
grid.insert(1, "P from printed Wald", [sci(stats.chi2.sf(float(w), 1)) for w in t2["Wald value"]])
grid

# %% tags=["remove-input"]
off2 = [f for f in regression.values() if f.verdict != "consistent"]
rc.say(f"{len(regression) - len(off2)} of {len(regression)} relations hold within rounding. "
       + " ".join(f"**{f.location.split(' · ')[1]}, {f.location.split(' · ')[-1]}** ({f.verdict}): {f.explanation}"
                  for f in off2))

# %% [markdown]
# ### Direction of each odds ratio, against Table 1 and the text
#
# An OR above 1 means the factor is more common (or larger) among patients with residual pain. The abstract,
# results and conclusion call all four factors risk factors; the discussion reads the cement OR below 1 as a
# satisfactory distribution being protective. Each adjusted OR is set against the crude OR that Table 1 (or
# the reconstruction above) gives.

# %% tags=["hide-input"]
FACTORS = {"TFI": "TFI", "liquefaction signal": "Liquefaction signal on MRI of the affected vertebrae",
           "number of responsible vertebrae": VERT, "cement distribution": "Cement distribution"}
crude = {k: rc.odds_ratio_2x2(counts_of(v)[1]) for k, v in FACTORS.items() if v != VERT}
crude["number of responsible vertebrae"] = coded["count, per extra vertebra"]
directions = pd.DataFrame({
    "coding (first category = 1)": [" against ".join(counts_of(v)[0]) if v != VERT else "count, as labelled"
                                    for v in FACTORS.values()],
    "adjusted OR (Table 2)": [f"{t2.loc[v, 'Odds ratio']} ({t2.loc[v, 'OR 95% CI']})" for v in FACTORS.values()],
    "crude OR": [fmt_or(*crude[k]) for k in FACTORS],
    "same direction": [(float(t2.loc[v, "Odds ratio"]) > 1) == (crude[k][0] > 1) for k, v in FACTORS.items()],
}, index=pd.Index(list(FACTORS), name="factor"))
directions

# %% tags=["hide-input"]
def direction_row(factor, verdict, assumption, explanation):
    v = FACTORS[factor]
    return record("regression direction against Table 1 and text",
                  f"OR {t2.loc[v, 'Odds ratio']} (B = {t2.loc[v, 'Partial regression coefficient']}), called a risk factor",
                  f"crude OR {fmt_or(*crude[factor])}", verdict, assumption, explanation,
                  rc.location("Abstract", factor, "direction against Table 1"))


direction = [direction_row(k, "consistent", "present coded 1 (not stated; the usual coding)",
                           "The adjusted OR, the crude OR from Table 1 and the word 'risk factor' point the same way.")
             for k in ("TFI", "liquefaction signal")]
direction.append(direction_row(
    "cement distribution", "consistent", "satisfied coded 1, as the discussion's reading of the OR below 1 implies",
    "The adjusted and crude ORs both make a satisfactory distribution protective, as the discussion reads it."))

# %% tags=["hide-input"]
qin = rc.load_study(DATA_ROOT / "qin2025_residual_pain").table("abstract_numbers").set_index("Quantity")["Printed"]
reversed_ci = fmt_or(1 / table2_vert[0], 1 / table2_vert[1], 1 / table2_vert[2])
single = coded["one (single vertebra) against two or more"]
moved = {k: float(t2.loc[v, "Odds ratio"]) / crude[k][0] for k, v in FACTORS.items()}
others = [k for k in FACTORS if FACTORS[k] != VERT]
largest = max(max(m, 1 / m) for k, m in moved.items() if k in others)
direction.append(direction_row(
    "number of responsible vertebrae", "concern",
    f"counts from 1 to 3 reconstructed from Table 1 ({per_group([len(samples[g]) for g in GROUPS])}); "
    "crude ORs are unadjusted, so only the direction is compared",
    f"As labelled, Table 2's OR of {t2.loc[VERT, 'Odds ratio']} says each extra fractured vertebra cuts the odds of "
    "residual pain about tenfold, the opposite of Table 1 and of the text, which calls the number a risk factor. The "
    f"reconstructed counts give a crude OR of {fmt_or(*crude_count, 2)} per extra vertebra and "
    f"{fmt_or(*coded['two or more against one'], 2)} for two or more against one; only codings that count towards "
    f"fewer vertebrae give a crude OR below 1, such as a single-vertebra indicator ({fmt_or(*single, 3)}) or the "
    f"count reversed ({fmt_or(*coded['count reversed, per vertebra fewer'], 3)}). The coding is not stated, so the "
    f"row cannot be read as printed; read reversed it gives {reversed_ci} for more vertebrae, the direction the text "
    "describes. Adjustment does not readily explain the reversal: the other three adjusted ORs lie within a factor "
    f"of {rc.fmt(largest, 1)} of their crude ones ("
    + ", ".join(f"{k} {rc.fmt(crude[k][0], 2)} to {t2.loc[FACTORS[k], 'Odds ratio']}" for k in others)
    + "), while this one would have to move by a factor of about "
    f"{rc.fmt(1 / moved['number of responsible vertebrae'], 0)} and cross 1; nothing printed shows confounding that "
    f"strong. The 2025 article labels the factor 'two or more vertebrae' with OR {qin['OR two or more vertebrae']}, "
    "outside that reversed interval; the two reports are compared in our appraisal of the 2025 article."))
shown(direction)

# %% [markdown]
# ### The abstract against Table 2

# %% tags=["hide-input"]
KEYS = {"TFI": "TFI", "liquefaction signal": "liquefaction", "number of responsible vertebrae": "vertebrae",
        "cement distribution": "cement"}
abstract = []
for factor, key in KEYS.items():
    v = FACTORS[factor]
    said = f"OR {text[f'{key} odds ratio']} ({text[f'{key} CI lower']}-{text[f'{key} CI upper']}), P = {text[f'{key} P']}"
    table = f"OR {t2.loc[v, 'Odds ratio']} ({t2.loc[v, 'OR 95% CI']}), P = {t2.loc[v, 'P value']}"
    same = said == table
    abstract.append(record("abstract against table", f"abstract {said}", f"Table 2 {table}",
                           "consistent" if same else "concern", "as printed",
                           "The abstract repeats Table 2's odds ratio, interval and P." if same else
                           "The abstract and Table 2 print different values.", rc.location("Abstract", factor, "against Table 2")))
shown(abstract)

# %% tags=["hide-input"]
cement_ci = rc.parse_range(t2.loc["Cement distribution", "OR 95% CI"])
swapped = fmt_or(1 / float(t2.loc["Cement distribution", "Odds ratio"]), 1 / cement_ci.upper.value, 1 / cement_ci.lower.value)
inside = 1 / cement_ci.upper.value <= float(qin["OR suboptimal cement distribution"]) <= 1 / cement_ci.lower.value
abstract.append(record(
    "text against text: wording of a factor", f"OR {t2.loc['Cement distribution', 'Odds ratio']} for cement distribution, "
    "called a risk factor (abstract, results, conclusion); protective (discussion)", f"reference category swapped: {swapped}",
    "concern", "cement distribution coded satisfied = 1, as the discussion reads the OR",
    "The abstract and conclusion list cement distribution among risk factors without naming the category that carries "
    f"the risk, while the discussion reads its OR of {t2.loc['Cement distribution', 'Odds ratio']} as a satisfactory "
    f"distribution being protective. With the reference category swapped, a poor distribution carries OR {swapped}; "
    f"the 2025 article's {qin['OR suboptimal cement distribution']} for a suboptimal distribution lies "
    f"{'inside' if inside else 'outside'} that interval, so the two reports point the same way with the reference "
    "category swapped (compared in our appraisal of the 2025 article).", rc.location("Abstract", "cement distribution", "called a risk factor")))
shown(abstract[-1:])

# %% [markdown]
# ## 5. Design and reporting: the text against the tables
#
# The results text names the factors that differed and those that did not; the methods list the candidate
# factors and the rule for entering the model; the discussion draws conclusions from both tables.

# %% tags=["hide-input"]
NAMED_DIFFERENT = {"TFI", "Liquefaction signal on MRI of the affected vertebrae", VERT, "Cement distribution"}  # results 1
significant = {v for v in variables if rc.parse_p(t1.loc[v, "P value"]).significant(0.05)}
approach = rc.odds_ratio_2x2(counts_of("Surgical approach")[1])
text_rows = [
    record("text against table: significance statements", f"results: {len(NAMED_DIFFERENT)} factors differ (P < 0.05), "
           f"{len(variables) - len(NAMED_DIFFERENT)} do not", f"Table 1 prints P < 0.05 for {len(significant)}: "
           + ", ".join(sorted(significant)), "consistent" if significant == NAMED_DIFFERENT else "concern", "as printed",
           "The factors the results text calls different are exactly those with P < 0.05 in Table 1."
           if significant == NAMED_DIFFERENT else "The results text and Table 1 name different factors.",
           rc.location("Results 1", "significance statements", "against Table 1")),
    record("text against table: candidate factors", f"{len(meta['candidate_factors'])} candidate factors listed",
           f"Table 1 has {len(variables)} characteristics", "consistent" if len(variables) == len(meta["candidate_factors"])
           else "concern", "as printed", "Every factor the methods list has its row in Table 1.",
           rc.location("Methods", "candidate factors", "against Table 1")),
    record("text against table: model selection rule", "factors significant in the univariate analysis entered the "
           "logistic regression", "Table 2 holds " + ", ".join(t2.index), "consistent" if set(t2.index) == significant
           else "concern", "as printed", "The model holds exactly the factors with P < 0.05 in Table 1.",
           rc.location("Methods", "model selection rule", "against Table 2")),
    record("text against captions: figure citations", "Figures 1 to 3 cited in the methods (fascia injury, "
           "liquefaction, cement distribution)", "captions: MRI and X-ray/CT of fascia injury, of liquefaction, X-ray/CT "
           "of cement", "consistent", "captions as extracted; the images themselves are not in the text",
           "Each figure is cited once, in order, where the methods describe what its caption shows.",
           rc.location("Methods", "figure citations", "against the captions")),
]
shown(text_rows)

# %% tags=["hide-input"]
discussion_rows = [
    record("discussion against table", "discussion: unilateral or bilateral puncture does not affect the outcome; "
           f"Table 1: unilateral {t1.loc['Surgical approach: Unilateral', CASES]} of {N[CASES]} against "
           f"{t1.loc['Surgical approach: Unilateral', CONTROLS]} of {N[CONTROLS]}, P = {t1.loc['Surgical approach', 'P value']}",
           f"crude OR unilateral against bilateral {fmt_or(*approach, 2)}", "concern", "counts as printed; Woolf interval",
           "The discussion reads the non-significant difference in surgical approach as showing that approach does not "
           f"affect the outcome, yet Table 1's counts allow anything from halving to doubling the odds ({fmt_or(*approach, 2)}). "
           "The limitations then recommend bilateral injection, which these counts neither support nor refute.",
           rc.location("Discussion", "surgical approach and outcome", "against Table 1")),
    record("discussion against data", "discussion: residual pain eased with longer follow-up and the groups differed "
           "only early; follow-up 3 months to 2 years", "no number to recompute: no pain score after the first month "
           "is printed for either group", "concern", "as printed",
           "The discussion says residual pain eased with longer follow-up and that the groups differed only in the "
           "early period, but no pain score after the first month is reported for either group.",
           rc.location("Discussion", "pain after the first month", "against the data")),
]
va, vb = ms(VOL, CASES), ms(VOL, CONTROLS)
volume = rc.ttest_from_summary(va.mean.value, va.sd.value, N[CASES], vb.mean.value, vb.sd.value, N[CONTROLS])
half = stats.t.isf(0.025, N[CASES] + N[CONTROLS] - 2) * np.sqrt(va.sd.value ** 2 / N[CASES] + vb.sd.value ** 2 / N[CONTROLS])
gap = va.mean.value - vb.mean.value
gap_ci = f"{rc.fmt(gap, 2)} ml ({rc.fmt(gap - half, 2)} to {rc.fmt(gap + half, 2)})"
discussion_rows.append(record(
    "discussion against table", "discussion: a liquefaction signal can affect cement leakage, distribution and volume, "
    "leading to residual pain; limitations: inject an adequate amount of cement in these patients; Table 1 volume per "
    f"level {t1.loc[VOL, CASES]} against {t1.loc[VOL, CONTROLS]}, P = {t1.loc[VOL, 'P value']}",
    f"difference in volume per level {gap_ci}, 95% interval; P {rc.fmt(volume.p, 3)}", "concern",
    "Student t interval from the printed means and SDs; volume by liquefaction status is not printed",
    "The discussion's path from a liquefaction signal through cement volume to residual pain, and the advice to inject "
    "more cement in these patients, are not shown by the paper's data: the only volume figures, per level by group, "
    f"show no difference between cases and controls ({gap_ci}, P = {t1.loc[VOL, 'P value']}), and volume "
    "by liquefaction status is not reported.",
    rc.location("Discussion", "liquefaction and cement volume", "against Table 1")))
shown(discussion_rows)

# %% tags=["hide-input"]
zeros = int((t1["P value"] == "0.000").sum())
design_rows = [
    record("design: exposure assessment", "TFI and liquefaction from preoperative MRI, cement distribution from "
           "postoperative CT (inverted U = satisfactory); readers not described", "no number to recompute (a check of "
           "the design)", "concern", "as printed",
           "Who read the MRI and CT images, whether they knew which patients had residual pain, and how often two "
           "readers agreed are not reported. In a retrospective case-control read, unblinded classification can differ "
           "between groups and move all four odds ratios, and 'satisfactory' cement distribution has no stated rule for "
           "borderline shapes.", rc.location("Methods", "exposure assessment", "reading of the images")),
    record("reporting: labels and units", "'number of vertebral fractures' (Tables 1-2), 'responsible vertebrae' "
           "(abstract, results), 'surgical segments' (exclusion); course of disease without unit; BMD as negative "
           f"values; P printed as 0.000 ({zeros} times in Table 1)", "no number to recompute (a check of the text)", "concern", "as printed",
           "The same variable is called the number of fractured, responsible or treated vertebrae in different places, "
           "so whether fractured or treated vertebrae were counted (and hence the bound of three) is not certain. Course "
           "of disease has no unit, preoperative BMD is printed as negative numbers without saying they are T-scores, "
           f"and {zeros} P values in Table 1 are printed as 0.000.", rc.location("Tables 1 and 2", "labels and units", "reporting")),
    record("reporting: ethics and consent", "consent to PVP and surgery (inclusion 2); no ethics statement in the "
           "extracted text", "nothing to recompute", "not_checkable", "the extracted text may lack the preprint's "
           "declarations", "The extracted text states no ethics approval and no consent to research use of records; "
           "only consent to the operation is mentioned. The preprint's declarations, if it has them, would be needed.",
           rc.location("Declarations", "ethics approval and consent", "reporting")),
    record("design: operators", "one team of senior doctors whose operation levels differed, which the methods say "
           "might bias the results; operator per patient not printed", "no number to recompute (a check of the design)",
           "concern", "as printed",
           "The methods say the surgeons' skill differed and might bias the results, yet which surgeon treated which "
           "patient is neither reported nor adjusted for. The discussion says the cement distribution depends on the "
           "surgical method, so operator differences can act on one of the four factors and on the operative time.",
           rc.location("Methods", "operators", "not adjusted")),
]
shown(design_rows, ())

# %% [markdown]
# ## 6. Risk of bias
#
# ### As a case-control study: Newcastle-Ottawa, item by item (9 stars)
#
# Selection gives up to four stars, comparability two (the most important factor, and any additional one),
# exposure three.

# %% tags=["hide-input"]
nos = pd.DataFrame([
    ("Selection: case definition adequate", "No star", "A single patient-reported VAS taken from the records, without "
     "the independent validation the star requires, and when in the 2-day to 1-month window it was read is not "
     "stated. The threshold is read as > 3 (discussion, 2025 abstract); the sign lost in our copy of the methods "
     "plays no part in this judgement."),
    ("Selection: representativeness of the cases", "Star", "All 61 patients with residual pain among the 1120 "
     "treated in a defined period."),
    ("Selection: selection of controls", "No star", "Hospital controls from the same treated cohort, but only among "
     "patients with complete follow-up (a condition cases did not need), from a pool of unreported size and by an "
     "undescribed random method."),
    ("Selection: definition of controls", "Star", "No residual pain by the same VAS measure in the same window."),
    ("Comparability: the most important factor", "No star", "No matching; the model adjusts the four screened "
     "factors for one another only, not for age, sex, bone density or course of disease."),
    ("Comparability: an additional factor", "No star", "No further factor controlled by design or analysis."),
    ("Exposure: ascertainment", "Star", "Secure records (preoperative MRI and postoperative CT), not interviews. "
     "This item scores the source of the exposure data, so it keeps its star; the reading of those images, by readers not described and not said to be blinded, is what this "
     "page flags as a concern (Methods · exposure assessment) and what makes PROBAST's predictor domain high."),
    ("Exposure: same method for cases and controls", "Star", "The same MRI and CT examinations for every patient."),
    ("Exposure: non-response rate", "No star", "Controls had to have complete data while cases did not; how many "
     "patients lacked it is not reported."),
], columns=["domain", "judgement", "reason"]).assign(tool="Newcastle-Ottawa (case-control)")
stars = int((nos["judgement"] == "Star").sum())

# %% [markdown]
# ### As a basis for counselling patients: PROBAST
#
# The conclusion proposes telling patients with these factors, before surgery, that residual pain may follow:
# a prognostic use of the model. PROBAST's signalling questions apply.

# %% tags=["hide-input"]
candidates, kept = len(meta["candidate_factors"]), len(t2)
threshold = 0.05 / candidates
passed = [v for v in t2.index if rc.parse_p(t1.loc[v, "P value"]).bounds[1] < threshold]
probast = [
    ("events per candidate variable", f"{cases} events, {candidates} candidate factors, {kept} kept; no sample-size "
     "reasoning",
     f"{rc.fmt(cases / candidates, 1)} events per candidate variable ({rc.fmt(cases / kept, 1)} per variable kept)",
     f"{cases} events for {candidates} candidate factors is {rc.fmt(cases / candidates, 1)} events per candidate "
     "variable, below the usual minimum of 10, so the four coefficients are likely to be too large in size "
     "(overfitting); no sample-size reasoning is given."),
    ("selection by univariable significance", "factors with P < 0.05 in Table 1 entered the model",
     f"{candidates} tests at 0.05; at a Bonferroni threshold of {rc.fmt(threshold, 4)}, {len(passed)} of {kept} would pass",
     f"The four model factors were chosen by P < 0.05 in Table 1 among {candidates} candidates, a practice known to "
     f"bias coefficients and overstate performance; at a threshold corrected for {candidates} tests "
     + ", ".join(v if v.isupper() else v.lower() for v in t2.index if v not in passed) + " would not have entered."),
    ("predictors available before surgery", "cement distribution judged satisfactory (inverted U) on postoperative "
     "CT; conclusion: inform patients in the preoperative conversation", "no number to recompute (a check of the design)",
     "Cement distribution is judged on postoperative CT, so it is not known at the preoperative conversation in which "
     "the conclusion proposes to use the four factors; it is an outcome of the operation the surgeon can influence."),
    ("validation and calibration", "no discrimination, calibration or internal validation reported",
     "no number to recompute (nothing is reported)",
     "The preprint reports no discrimination, calibration or internal validation of the four-factor model; the 2025 "
     "article's AUC of the model is appraised with that article."),
]
prediction = [record(f"prediction model: {what}", reported, recomputed, "concern", "PROBAST signalling questions",
                     why, rc.location("Methods", what, "prediction model (PROBAST)")) for what, reported, recomputed, why in probast]
shown(prediction)

# %% [markdown]
# **What absolute risk the printed numbers allow.** Sampling controls does not bias the odds ratios; it shifts
# only the model's intercept, by the log of the sampling fraction. So absolute risks need two numbers the
# preprint does not print: the intercept, and the number of non-cases with complete follow-up from which the
# 61 controls were drawn. What the printed counts do allow is a crude illustration under the simplest
# assumption, that the controls are a random sample of all 1059 non-cases.

# %% tags=["hide-input"]
scale = non_cases / controls
CRUDE_TABLES = {"TFI": counts_of("TFI")[1], "liquefaction signal": counts_of(FACTORS["liquefaction signal"])[1],
                "dissatisfied cement": [row[::-1] for row in counts_of("Cement distribution")[1]],
                "two or more vertebrae": [[N[g] - split[g][0], split[g][0]] for g in GROUPS]}
risks = pd.DataFrame([{"factor": k, "risk with (%)": 100 * t[0][0] / (t[0][0] + scale * t[1][0]),
                       "risk without (%)": 100 * t[0][1] / (t[0][1] + scale * t[1][1])}
                      for k, t in CRUDE_TABLES.items()]).set_index("factor")
offset = np.log(controls / non_cases)
risks.round(1)

# %% tags=["hide-input"]
absolute = record(
    "what the printed numbers allow: absolute risk", f"Table 2: four odds ratios, no intercept; {controls} controls "
    f"with complete follow-up from {non_cases} without residual pain", f"intercept correction ln({controls}/{non_cases}) "
    f"= {rc.fmt(offset, 3)} if the pool were all {non_cases}; crude risks under that assumption: "
    + "; ".join(f"{k} {rc.fmt(r['risk with (%)'], 1)}% against {rc.fmt(r['risk without (%)'], 1)}%" for k, r in risks.iterrows()),
    "not_checkable", "case-control sampling with a known fraction shifts only the intercept",
    "The model's odds ratios cannot be turned into a patient's chance of residual pain from what is printed, because "
    "Table 2 gives no intercept and the size of the pool the controls were drawn from is not reported. With both, the "
    f"cohort intercept would be the sample's plus ln({controls}/pool size) ({rc.fmt(offset, 3)} if the pool were all "
    f"{non_cases}), and risks for every combination of the four factors would follow, provided the non-cases with "
    "complete data resemble the rest. Under that simplest assumption Table 1's counts give crude risks of "
    + ", ".join(f"{rc.fmt(r['risk with (%)'], 1)}% with {k} against {rc.fmt(r['risk without (%)'], 1)}% without"
                for k, r in risks.iloc[:2].iterrows()) + ".",
    rc.location("Conclusion", "counselling before surgery", "absolute risk"))
shown([absolute])

# %% tags=["hide-input"]
probast_domains = pd.DataFrame([
    ("PROBAST participants", "High", f"A case-control sample, {rc.fmt(100 * cases / (cases + controls), 0)}% cases against "
     f"{text['prevalence (%)']}% in the cohort, controls restricted to complete follow-up; no intercept correction reported."),
    ("PROBAST predictors", "High", "Cement distribution is known only after the injection; image readers and their "
     "blinding are not described."),
    ("PROBAST outcome", "Unclear", "A patient-reported VAS above 3, but when in the 2-day to 1-month window it was read, "
     "and whether on analgesics, is not stated. The sign lost in our copy of the methods plays no part."),
    ("PROBAST analysis", "High", f"{rc.fmt(cases / candidates, 1)} events per candidate variable, univariable screening, "
     "no validation or calibration."),
], columns=["domain", "judgement", "reason"]).assign(tool="PROBAST")
overall = pd.DataFrame([{"domain": "Overall", "judgement": f"{stars} of 9 stars", "tool": "Newcastle-Ottawa (case-control)",
                         "reason": f"{stars} of 9 Newcastle-Ottawa stars: selection of controls, comparability and "
                                   "non-response are the weak points; PROBAST is high risk for the counselling use."}])
rob = pd.concat([nos, probast_domains, overall], ignore_index=True).assign(study=STUDY)
rob = rob[["study", "tool", "domain", "judgement", "reason"]]
rob.to_csv(DATA_ROOT / "findings" / f"{STUDY}_rob.csv", index=False, lineterminator="\n")
rc.rob_table(rob)

# %% [markdown]
# ## 7. What two second readings raised, and what does not hold
#
# Two independent readers, one after the other, each saw only the preprint, the rulebook and (for shared
# facts) the 2025 abstract, and listed every problem they found; both scored Newcastle-Ottawa 4 of 9.
# Each point is a finding on this page, a regrade, a pointer to [the Qin page](03_qin2025_residual_pain.ipynb)
# (for points about the two reports together), or a reason it does not hold. "1st" and "2nd" name the reading
# that raised a point and how it graded it; the last column gives this page's verdict on the item and why.

# %% tags=["hide-input"]
now = rc.ledger_frame(ledger.findings)


def verdict_at(prefix):
    """The most serious item under a location prefix: its verdict and the first sentence of its why."""
    rows = now[now["location"].str.startswith(prefix)] if prefix else now.iloc[:0]
    if not len(rows):
        return "no row here"
    lead = rc.distinct_problems(rows).iloc[0]
    return f"{lead['verdict'].replace('_', ' ')}: {rc.first_sentence(lead['explanation'])}"


reading = pd.DataFrame([
    ("Course of disease: P cannot follow from the t test", "1st impossible; 2nd minor", "minor (below)", "Table 1 · Course of disease · between groups"),
    ("Course of disease: control mean fails GRIM", "1st conditional concern; 2nd no flag", "one conditional family concern (below)", "Table 1 · Course of disease · both groups"),
    ("Vertebrae: P 0.004 against Wald 24.018", "1st impossible; 2nd minor", "minor; exact P added", "Table 2 · Number of vertebral fractures"),
    ("Vertebrae: OR 0.098 against Table 1 and the text", "both concern", "regraded from decision; reconstruction, codings, crude against adjusted (2nd)", "Abstract · number of responsible vertebrae"),
    ("Cement: an OR below 1 called a risk factor", "1st noted; 2nd concern", "concern, reciprocal interval", "Abstract · cement distribution"),
    ("Cement: one rating for several levels", "2nd concern", "added (2nd), with the any-poor-level scenario", "Methods · cement distribution in patients with several levels"),
    ("2025 matching against the preprint's sex counts", "1st impossible; 2nd concern", "compared on the Qin page; here the counts fit random selection", "Results 1 · control selection"),
    ("Two identical and two differing ORs across reports", "both implausible", "compared on the Qin page; reciprocal intervals here", "Abstract · cement distribution · called a risk factor"),
    ("Study periods of the two reports", "both concern", "compared on the Qin page only", ""),
    ("Operative time against number of levels", "both concern", "added (1st), as its own item beside the operative-time P", "Table 1 · Operative time against number of vertebrae"),
    ("Case definition: threshold sign lost", "1st concern; 2nd not checkable", "not checkable: our copy lost the sign (below)", "Methods · residual-pain threshold"),
    ("Case definition: time of the VAS reading", "1st concern; 2nd not checkable", "concern of its own (below)", "Methods · case definition · time of the reading"),
    ("Outcome a postoperative level; no postoperative VAS", "1st noted; 2nd concern", "added (2nd)", "Methods · case definition · unreported postoperative VAS"),
    ("Exclusion 7: postoperative events, uncounted", "1st noted; 2nd concern", "added as its own item (2nd)", "Methods · exclusion of postoperative complications"),
    ("Control sampling, missing data, flow", "both concern", "added (1st)", "Results 1 · control selection"),
    ("Absolute risk and intercept", "1st concern; 2nd within PROBAST", "not checkable, with what is needed", "Conclusion · counselling before surgery"),
    ("Prediction use (PROBAST); no sample size", "both concern", "kept; sample size added (2nd); the AUC is on the Qin page", "Methods · events per candidate variable"),
    ("Reading of the images: blinding, agreement", "both concern", "added (1st)", "Methods · exposure assessment"),
    ("Operators' skill differed; analgesics", "2nd concern", "added (2nd); analgesics in the outcome row", "Methods · operators"),
    ("Discussion: pain eases later", "both concern", "added (1st)", "Discussion · pain after the first month"),
    ("Discussion: approach does not matter; bilateral advice", "both concern", "added (1st)", "Discussion · surgical approach"),
    ("Discussion: liquefaction acts through cement volume", "2nd concern", "added (2nd)", "Discussion · liquefaction and cement volume"),
    ("Discussion: sagittal imbalance for early pain", "2nd concern", "does not hold (below)", ""),
    ("Discussion: 'patients had multiple vertebrae'", "1st concern", "does not hold (below)", ""),
    ("Labels, units, P = 0.000", "both concern", "added (1st)", "Tables 1 and 2 · labels and units"),
    ("Abstract: background sentence cut off", "2nd concern", "does not hold (below)", ""),
    ("Ethics statement", "both not checkable", "added (1st)", "Declarations · ethics"),
    ("Age and vertebrae within the eligibility limits", "2nd consistent", "not checkable (below)", "Methods · inclusion above 60 years"),
    ("Baseline P values (Carlisle)", "1st consistent; 2nd not applicable", "consistent; the row says what it shows here", "Table 1 · characteristics outside the model"),
    ("GRIM and reconstruction of the vertebrae", "both consistent", "added (1st)", "Table 1 · Number of vertebral fractures · observation group"),
    ("Other Table 1 and Table 2 statistics", "both consistent", "reproduced", "Table 2 · TFI"),
    ("Text against tables, figure citations", "both consistent", "added (1st)", "Methods · figure citations"),
    ("Risk of bias", "both 4 of 9 stars (2nd: 5 on a lenient reading); PROBAST high", f"{stars} of 9 stars, the items the 2nd starred", ""),
], columns=["point raised", "readings", "handled as", "ledger item"])
reading["our verdict, and why"] = reading["ledger item"].map(verdict_at)
reading.set_index("point raised")

# %% [markdown]
# The points that do not hold as a reading graded them, with our numbers:

# %% tags=["hide-input"]
single_total = split[CASES][0] + split[CONTROLS][0]
held = [s for (v, s), f in regression.items() if v == VERT and f.verdict == "consistent"]
missed = [s for (v, s), f in regression.items() if v == VERT and f.verdict != "consistent"]
t2_held = sum(f.verdict == "consistent" for f in regression.values())
pd.DataFrame([
    ("Course-of-disease P is impossible", "1st", recomputed_p(tests["Course of disease"]),
     "A printed P that does not follow from its summaries, with the call unchanged, is minor on the review's scale "
     "(as the t-test check grades it on every page). A rank test, which the methods do not name, could "
     "give such a P from these means and SDs, so 'no data could give it' is not shown."),
    ("Course-of-disease GRIM is no flag", "2nd", evidence.sentence(),
     "Its two rows are not checkable, as the reading says; the review's rule for such families adds one conditional concern for a family that "
     "passes no more often than chance, saying that either the unit is not whole or a printed mean cannot come from "
     "the sample, and the printed numbers cannot tell which."),
    ("Vertebrae P is impossible", "1st", regression[VERT, "P from Wald"].recomputed,
     f"In this row {', '.join(held)} hold and {', '.join(missed)} does not: one printed number is off, and "
     "correcting it strengthens the call. Graded by the same rule as every mismatched P: minor."),
    ("Case definition: the lost sign is a concern", "1st", "no number: the sign is missing from our copy only",
     "The lost sign is damage to our extracted copy, not a fault the paper can be shown to have: it is not checkable "
     "until the source PDF is read, and the discussion and the 2025 abstract both say > 3."),
    ("Case definition is only not checkable", "2nd", "no number: the time of the reading is unstated",
     "The sign is not checkable, as the reading says, but when in the 2-day to 1-month window the VAS was read is "
     "unstated in the paper itself, a reporting problem graded as a concern of its own."),
    ("Age and vertebrae fit the eligibility limits", "2nd",
     f"up to {young[CASES]} and {young[CONTROLS]} aged 60 or less; up to {most[CASES]} and {most[CONTROLS]} with four "
     "or more vertebrae", "The printed means and SDs allow samples that meet the criteria and samples that break "
     "them, so they cannot show that the criteria were applied: not checkable."),
    ("The preprint contradicts the 2025 matching", "1st (2nd: concern)", f"sex P {t1.loc['Sex (male/female)', 'P value']} (Pearson)",
     "The preprint's own numbers fit its own description (random selection). The contradiction exists only between "
     "the two reports and is graded on the Qin page."),
    ("Two identical and two differing ORs: one Table 2 cannot come from its model", "both",
     f"reversed intervals {reversed_ci} and {swapped}",
     f"Within the preprint, {t2_held} of {len(regression)} relations of Table 2 hold; whether one dataset could give "
     "both reports is graded on the Qin page."),
    ("'The patients had multiple fractured vertebrae' contradicts Table 1", "1st",
     f"{single_total} of {N[CASES] + N[CONTROLS]} patients with one vertebra (reconstruction)",
     "In context the sentence explains the mechanism for patients with several levels treated at once; read as "
     "describing every patient it would be wrong, but that is not the only reading, so no flag."),
    ("Sagittal imbalance, a slow process, cannot explain pain in the first month", "2nd", "no number on the page",
     "The discussion hedges it ('might be one of the causes') and offers a second, short-term mechanism for the same "
     "factor (extra punctures, soft-tissue injury, haematoma). No printed number tests either, so no separate flag; "
     "the factor's direction problem is graded in the vertebrae row."),
    ("The abstract's background sentence is cut off", "2nd", "no number depends on it",
     "The aim is stated in full in the Background section, and the cut may lie in our extracted copy rather than in "
     "the preprint, so it is not a problem of the paper that can be shown."),
    ("Simulated datasets: a negative count coefficient needs extreme other coefficients", "1st", "not reproduced",
     "Our grade rests only on the crude odds ratios per coding, which the reconstruction fixes exactly; a search "
     "over unknown joint distributions is not a bound."),
], columns=["point raised", "reading", "our numbers", "why it is not graded as raised"]).set_index("point raised")

# %% [markdown]
# The appraisal checklist, point by point:

# %% tags=["hide-input"]
pd.DataFrame([
    ("clinical importance", "the outcome is a postoperative level and no postoperative VAS is printed (Methods · case "
     "definition); absolute risks put the odds ratios on a patient's scale (Conclusion · counselling before surgery)"),
    ("plausible spreads", "VAS SD bounds; age and vertebrae against the eligibility limits"),
    ("plausible mechanisms", "the discussion's mechanism for more vertebrae fits the crude direction, not the OR as "
     "labelled; liquefaction acting through cement volume (Discussion · liquefaction and cement volume)"),
    ("discussion claims against tables", "Discussion rows (approach, later pain, cement volume); cement wording"),
    ("co-interventions in one arm", "no treatment arms; every patient had PVP and anti-osteoporosis drugs; operators "
     "differed (Methods · operators)"),
    ("coherence over time", "no outcome after the first month is reported (Discussion · pain after the first month)"),
    ("paradoxes between related variables", "operative time against levels; one cement rating for several levels; a "
     f"liquefaction signal said to mark a long course, yet course of disease {t1.loc['Course of disease', CASES]} against "
     f"{t1.loc['Course of disease', CONTROLS]} (the paper notes this itself)"),
    ("eligibility and flow", "exclusions uncounted (Methods · exclusion of postoperative complications; Results 1 · "
     "control selection); age and vertebrae against the limits"),
    ("estimates reported twice", "abstract against Table 2; the 2025 article on the Qin page"),
    ("figure citations", "Methods · figure citations"),
    ("primary outcome", "Methods · case definition"),
    ("risk-of-bias domains", f"Newcastle-Ottawa, {len(nos)} items; PROBAST, {len(probast_domains)} domains"),
], columns=["checklist item", "where it is handled"]).set_index("checklist item")

# %% [markdown]
# ## 8. Figures
#
# The preprint's own Figures 1 to 3 are MRI, X-ray and CT images and cannot be redrawn from data. Two figures
# summarise what the tables allow: the reconstructed number of vertebrae, and the adjusted odds ratios beside
# the crude ones.

# %% tags=["hide-input"]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN, 3.6))
width = 0.38
for i, (g, role) in enumerate(zip(GROUPS, ("comparator", "intervention"))):
    ax.bar(np.arange(1, 4) + (i - 0.5) * width, split[g], width, color=rc.ARM_PALETTE[role],
           label=f"{('cases', 'controls')[i]} (the paper's {SHORT[g]})")
ax.set_xticks([1, 2, 3], ["one", "two", "three"])
ax.set_xlabel("fractured vertebrae treated per patient")
ax.set_ylabel("patients")
ax.legend()
ax.set_title(rc.wrap(f"The printed means and SDs allow {per_group([len(samples[g]) for g in GROUPS])}: {split[CASES][2]} of {N[CASES]} cases "
                     f"but {split[CONTROLS][2]} of {N[CONTROLS]} controls had three vertebrae", 62))
rc.save_figure(fig, FIGURES / "residual_pain_preprint_vertebrae.png")
plt.show()

# %% tags=["hide-input"]
forest = pd.DataFrame(
    [(k, "adjusted (Table 2)", float(t2.loc[v, "Odds ratio"]), rc.parse_range(t2.loc[v, "OR 95% CI"]).lower.value,
      rc.parse_range(t2.loc[v, "OR 95% CI"]).upper.value) for k, v in FACTORS.items()]
    + [(k, "crude (Table 1)", *crude[k]) for k in FACTORS], columns=["factor", "estimate", "OR", "lo", "hi"])
ok = [f.location.split(" · ")[1] for f in direction if f.verdict == "consistent"]
bad = [f.location.split(" · ")[1] for f in direction if f.verdict != "consistent"]
fig, ax = plt.subplots(figsize=(rc.MAX_WIDTH_IN, 4.2))
for (estimate, d), shift, colour in zip(forest.groupby("estimate", sort=False), (-0.12, 0.12), rc.ARM_PALETTE.values()):
    y = [list(FACTORS).index(f) + shift for f in d["factor"]]
    ax.errorbar(d["OR"], y, xerr=[d["OR"] - d["lo"], d["hi"] - d["OR"]], fmt="o", color=colour, capsize=3, label=estimate)
ax.axvline(1, color="#444444", lw=1)
ax.set_xscale("log")
ax.set_xticks([0.03, 0.1, 0.3, 1, 3, 10, 30], ["0.03", "0.1", "0.3", "1", "3", "10", "30"])
ax.xaxis.set_minor_formatter(plt.NullFormatter())
ax.set_yticks(range(len(FACTORS)), [rc.wrap(f, 16) for f in FACTORS])
ax.invert_yaxis()
ax.set_xlabel("odds ratio for residual pain (log scale)")
ax.legend(loc="lower right")
ax.set_title(rc.wrap(f"Adjusted and crude odds ratios point the same way for {', '.join(ok)}; "
                     f"not for the {', '.join(bad)} read as labelled", 62))
rc.save_figure(fig, FIGURES / "residual_pain_preprint_forest.png")
plt.show()

# %% [markdown]
# ## 9. The ledger and the paper's claims

# %% tags=["hide-input"]
written = ledger.write(DATA_ROOT / "findings" / f"{STUDY}.csv")
items = rc.distinct_problems(written)
rc.say(f"{len(written)} ledger rows cover {len(items)} printed items: {rc.counts_sentence(rc.problem_counts(written))} "
       f"distinct problems, {(items['verdict'] == 'consistent').sum()} consistent and "
       f"{(items['verdict'] == 'not_checkable').sum()} not checkable.")

# %% tags=["hide-input"]
rc.claims_frame(rc.claim_verdicts(written, meta["claims"])).set_index("claim")

# %% tags=["hide-input"]
problems = items[items["verdict"] != "consistent"]
problems.assign(why=problems["explanation"].map(rc.first_sentence))[["item", "verdict", "why"]].set_index("item")

# %% [markdown]
# ## 10. For journal club
#
# 1. A preprint compares 61 patients with residual back pain after vertebroplasty (5.4% of 1120 treated) with 61
#    controls sampled from the 1059 without it, and prints odds ratios but no intercept. What would you need to
#    tell a patient with a fascia injury their own chance of residual pain, and what does a sample that is half
#    cases do to a predicted probability?
# 2. Cases had 2.41 ± 0.74 treated vertebrae and controls 1.33 ± 0.57 (at most three each, 61 per group); the
#    regression prints OR 0.098 (0.039-0.249) for the number of vertebrae and the text calls it a risk factor.
#    Which codings of the variable could give an OR below 1, and how would you find out which one was used?
# 3. The same regression row prints Wald 24.018 and P = 0.004, and the row above it also prints P = 0.004. What
#    P does a Wald chi-square of 24 on 1 degree of freedom give, and which printed number would you trust?
# 4. Controls had to have complete follow-up data; cases did not. How could that requirement bias a comparison
#    of MRI findings between the groups, and what numbers would show whether it did?
# 5. "Satisfactory" cement distribution is judged on the postoperative CT. The conclusion says patients with the
#    risk factors should be told before surgery. Can this factor be used there, and what kind of variable is it?
#
# **Exercise**: from Table 1, TFI was present in 44 of 61 cases and 16 of 61 controls. Compute the crude odds
# ratio (44·45)/(17·16) and compare it with the adjusted 5.378. The cell below checks your arithmetic.

# %% tags=["remove-input"]
rc.say(f"Crude OR {fmt_or(*crude['TFI'], 2)} against the adjusted {t2.loc['TFI', 'Odds ratio']} "
       f"({t2.loc['TFI', 'OR 95% CI']}).")

# %% [markdown]
# ## 11. Bottom line

# %% tags=["remove-input", "bottom-line"]
verdict, ledger_frame = rc.load_verdict(DATA_ROOT, STUDY)
rc.say(rc.bottom_line_markdown(verdict, ledger_frame))
