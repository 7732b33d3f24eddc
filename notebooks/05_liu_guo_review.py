# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Liu and Guo: a narrative review of minimally invasive treatment
#
# **Review appraised**: Liu K, Guo L. *Advances in Minimally Invasive Treatment of Osteoporotic Spinal
# Fractures.* Narrative review; journal and year are not in the text we hold. Study id `liu_guo_review`.
#
# A narrative review has no tables to recompute, but it makes many quantitative and comparative claims.
# This notebook lists every one of them (`data/liu_guo_review/claims.csv`), asks what each rests on, checks
# claims against each other and against the primary studies appraised in this review, and records a verdict
# for each in `data/findings/liu_guo_review.csv`.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

import recheck as rc

rc.use_review_style()
STUDY = "liu_guo_review"
DATA = Path("../data")
FIGURES = Path("../figures")
review = rc.load_study(DATA / STUDY)
ledger = rc.Ledger(STUDY)
record = ledger.add
claims = review.table("claims").set_index("Claim")

# %% [markdown]
# ## 1. What kind of review this is

# %%
pd.DataFrame({
    "item": ["Citation", "Type", "Search strategy", "Selection criteria", "Appraisal of sources", "Sections",
             "Techniques covered", "References"],
    "what the text shows": [
        review.meta["citation"], review.meta["design"], "none stated", "none stated", "none",
        ", ".join(review.meta["sections"]), "vertebroplasty (PVP), kyphoplasty (PKP), expandable vertebral plasty",
        review.meta["setting"]],
}).set_index("item")

# %% [markdown]
# ## 2. The claim ledger
#
# Every quantitative or comparative claim, in our words, with the number as written and the reference it
# cites (if any). What a reference *is* comes from its citation only: we have not read the cited papers.

# %%
claims[["Section", "Claim in our words", "Number as written", "Reference", "Reference type"]]

# %%
support = np.select(
    [claims["Reference type"] == "none",
     claims.index.isin(["C21", "C24"]),
     claims["Reference design"].str.contains("single", na=False),
     claims["Reference type"].isin(["expert consensus"]) | claims["Reference design"].str.contains("review", na=False)],
    ["no reference", "reference does not match the claim", "single study", "review or consensus"],
    default="other source")
claims["support"] = support
claims["support"].value_counts().to_frame("claims")

# %%
high_level = claims["Reference design"].str.contains("randomi|systematic|meta-analysis|guideline", case=False, na=False)
rc.say(f"Of {len(claims)} claims, {int((claims['support'] == 'no reference').sum())} cite nothing, "
       f"{int((claims['support'] == 'single study').sum())} rest on a single clinical study, "
       f"{int((claims['support'] == 'review or consensus').sum())} on another review or a consensus statement, "
       f"{int((claims['support'] == 'reference does not match the claim').sum())} cite a source whose title "
       f"describes a different comparison, and {int((claims['support'] == 'other source').sum())} another kind of "
       f"source. {int(high_level.sum())} cite a randomised trial, a systematic review or a guideline.")

# %% [markdown]
# ## 3. Checks
#
# ### 3a. Claims about the same quantity, compared with each other

# %%
men = {"introduction (C01)": 100 / 5, "pathology section (C04)": 10.0}
women = {"introduction (C01)": 100 / 3, "pathology section (C04)": 20.0}
internal = pd.DataFrame({"men over 50 (%)": men, "women over 50 (%)": women})
internal.round(1)

# %%
record(rc.Finding(
    "internal consistency: same quantity", "one in five men and one in three women (C01); 10.0% and 20.0% (C04)",
    f"men {rc.fmt(men['introduction (C01)'], 1)}% against {rc.fmt(men['pathology section (C04)'], 1)}%; women "
    f"{rc.fmt(women['introduction (C01)'], 1)}% against {rc.fmt(women['pathology section (C04)'], 1)}%", "concern",
    "both sentences describe the share of people over 50 with vertebral fractures",
    "The two sections give figures for the same population that differ by a factor of about two, without saying "
    "whether one is incidence and the other prevalence, or which definition of fracture each uses."),
    "Claims · C01 and C04")
pairs = [
    ("C11", "C15", "PVP 'has significant advantages in improving vertebral height' against 'cannot effectively "
     "restore vertebral height'", "The same section says PVP both does and does not restore height."),
    ("C23", "C25", "expandable plasty reduces healthcare expenditure against its use being limited by device cost",
     "Lower expenditure and a cost barrier are both asserted, with no cost data for either."),
    ("C13", "C20", "high-viscosity cement for PVP against medium-viscosity cement for PKP",
     "Different viscosities are recommended for the two procedures without evidence for either choice."),
    ("C14", "C27", "C-arm fluoroscopy described for PVP against 'intraoperative CT guidance' recommended",
     "The techniques are described under fluoroscopy, the conclusion recommends CT guidance; no comparison of the two is offered."),
]
for a, b, reported, explanation in pairs:
    record(rc.Finding("internal consistency: recommendations", reported, "no number to recompute (a check of the text)", "concern", "as written",
                      explanation),
           f"Claims · {a} and {b}")
pd.DataFrame(pairs, columns=["claim", "against", "what the text says", "why it matters"])

# %% [markdown]
# ### 3b. Claims against the evidence they cite
#
# As far as the reference list tells: does the cited source's design, population and comparator support the
# claim as worded? Is a change stated as absolute or relative?

# %%
cited = {
    "C02": ("concern", "A narrative review is cited for a comparative claim about conservative treatment."),
    "C07": ("concern", "A clinical observation of vertebroplasty is cited for a claim about where fractures occur."),
    "C10": ("concern", "A single study in a general-readership magazine; its 'effectiveness rate' is undefined and "
                       "the nature of its control group is not described."),
    "C19": ("concern", "One study of multiple-level fractures is taken as 'supporting the superiority' of PKP in general."),
    "C21": ("concern", "The cited study, by its title, compares Sextant pedicle screw fixation with open fixation; it "
                       "cannot support a claim about expandable plasty against kyphoplasty."),
    "C24": ("concern", "The cited study compares expandable plasty with open decompression and fixation, not with PKP; "
                       "it cannot support the advantages listed against kyphoplasty."),
    "C28": ("consistent", "A review of vertebroplasty supports a general recommendation for follow-up."),
    "C01": ("concern", "A consensus statement is named but not listed among the references, so it cannot be traced."),
}
for claim, (verdict, explanation) in cited.items():
    r = claims.loc[claim]
    record(rc.Finding("claim against cited evidence", r["Number as written"] or r["Claim in our words"],
                      f"{r['Reference']}: {r['Reference design'] or r['Reference type']}", verdict,
                      "what a source is, judged from its citation only", explanation), f"Claims · {claim}")
uncited = claims[claims["support"] == "no reference"]
for claim, r in uncited.iterrows():
    if claim in cited:
        continue
    record(rc.Finding("claim against cited evidence", r["Number as written"] or r["Claim in our words"], "no reference",
                      "not_checkable", "the text cites no source for this sentence",
                      "Nothing is cited, so the claim cannot be traced to evidence."), f"Claims · {claim}")
record(rc.Finding(
    "absolute or relative change", "reduces the incidence of cement leakage by about 18.0% (C18)",
    "no number to recompute (a check of the text)", "concern",
    "as written", "Whether 18% is a fall of 18 percentage points or a relative reduction of 18% is not stated; the two "
    "differ several-fold at typical leakage rates, and no source is cited."), "Claims · C18 · absolute or relative")
pd.DataFrame(ledger.findings)[["location", "verdict", "explanation"]].tail(len(cited) + len(uncited) - 1)

# %% [markdown]
# ### 3c. Claims against the primary studies appraised in this review
#
# Three of the review's numbers concern quantities that the other sources measure. The definitions differ
# (and the primary studies have their own problems, see their notebooks), so this is a comparison of orders
# of magnitude, not a test.

# %%
def table(study_id: str, name: str) -> pd.DataFrame:
    return rc.load_study(DATA / study_id).table(name)


wang3 = table("wang2025_needle_knife", "table3").set_index("Groups")
wang7 = table("wang2025_needle_knife", "table7").set_index("Groups")
pre = table("residual_pain_preprint", "text_numbers").set_index("Quantity")["Printed"]
huang7 = table("huang_staged_kyphoplasty", "table7").set_index("Item")
huang4 = table("huang_staged_kyphoplasty", "table4").set_index("Time")
cohort, residual = int(pre["patients treated"]), int(pre["patients with residual pain"])


def proportion(source, what, k, n):
    lo, hi = rc.wilson_interval(k, n)
    return {"source": source, "what": what, "k": k, "n": n, "percent": 100 * k / n, "lo": 100 * lo, "hi": 100 * hi}


pain = pd.DataFrame([
    proportion("Wang 2025, PVP alone", "MCID success at 6 months",
               rc.parse_count_percent(wang3.loc["Control group", "Achieved MCID"]).count, 52),
    proportion("Wang 2025, PVP + needle knife", "MCID success at 6 months",
               rc.parse_count_percent(wang3.loc["Research group", "Achieved MCID"]).count, 52),
    proportion("residual-pain preprint, PVP", "no residual pain at 2 days to 1 month", cohort - residual, cohort),
])
leak = pd.DataFrame([
    proportion("Wang 2025, PVP alone", "cement leakage",
               rc.parse_count_percent(wang7.loc["Control group", "Bone cement leakage"]).count, 52),
    proportion("Wang 2025, PVP + needle knife", "cement leakage",
               rc.parse_count_percent(wang7.loc["Research group", "Bone cement leakage"]).count, 52),
    proportion("Huang, conventional PKP", "cement leakage", int(huang7.loc["Leakage", "control group"]), 55),
    proportion("Huang, staged-perfusion PKP", "cement leakage", int(huang7.loc["Leakage", "experimental group"]), 55),
])
pd.concat([pain, leak]).round(1)

# %%
within = pain[(pain["percent"] >= 70) & (pain["percent"] <= 90)]
record(rc.Finding(
    "claim against primary studies", "PVP relieves pain in 70.0%-90.0% (C09)",
    "; ".join(f"{r.source}: {rc.fmt(r.percent, 1)}% ({rc.fmt(r.lo, 1)}-{rc.fmt(r.hi, 1)})" for r in pain.itertuples()),
    "consistent" if len(within) else "concern", "different definitions of relief; Wilson 95% intervals",
    f"{len(within)} of {len(pain)} primary-study figures fall inside the review's range; the others lie above it. "
    "The range is plausible but unsourced, and 'relief' is not defined."), "Claims · C09 · primary studies")
pvp_leak = leak[leak["source"].str.contains("PVP alone")]["percent"].iloc[0]
record(rc.Finding(
    "claim against primary studies", "leakage reduced by about 18.0% with PKP (C18)",
    "; ".join(f"{r.source}: {rc.fmt(r.percent, 1)}%" for r in leak.itertuples()), "concern",
    "leakage rates from different studies and definitions; read as percentage points or as relative change",
    f"Read as 18 percentage points, PVP leakage would have to exceed 18%; the PVP-alone arm of Wang 2025 leaked in "
    f"{rc.fmt(pvp_leak, 1)}%. Read as a relative 18%, the claim is too small to see in studies of this size. "
    "Either way the number has no traceable source."), "Claims · C18 · primary studies")
ratio = [rc.parse_mean_sd(huang4.loc["3 days after operation", g]) for g in ("control group", "experimental group")]
low = [rc.max_count_beyond(rc.linear_combination([1], [r.mean.printed], [r.sd.printed]), 60.0, 55, above=False)
       for r in ratio]
record(rc.Finding(
    "claim against primary studies", "PKP partially restores height in about 30.0%-40.0% of patients (C17)",
    f"Huang: anterior height ratio 3 days after PKP {ratio[0].printed} and {ratio[1].printed}; at most {max(low)} of 55 "
    "per group could be below 60%", "concern",
    "Huang's Table 4 taken at face value (see its notebook); Cantelli bound, no distributional assumption",
    "If only 30-40% of patients had even partial height restoration, most would keep a low height ratio; in the "
    "only PKP study here practically every patient's ratio rose above 60%. The claim's meaning (share of patients? "
    "share of lost height?) is unclear."), "Claims · C17 · primary studies")
pd.DataFrame(ledger.findings[-3:])[["location", "reported", "recomputed", "verdict"]]

# %% [markdown]
# ### 3d. Recommendations against the evidence offered for them

# %%
recommendations = [
    ("C03 and C26", "minimally invasive surgery is the preferred option",
     "No trial, systematic review or guideline is cited; the sham-controlled trials of vertebroplasty, which a "
     "review recommending it would need to discuss, are not mentioned."),
    ("C16 and C19", "PKP is superior to PVP",
     "Supported by one comparative study of multiple-level fractures; no comparative trial or meta-analysis is cited."),
    ("C22", "expandable plasty reduces better and is safer than balloon kyphoplasty",
     "Six advantages are listed; the one study cited for them compares with open surgery, not with kyphoplasty."),
    ("C12", "choice of unilateral or bilateral access",
     "Trade-offs are stated without evidence; the residual-pain preprint appraised here found no difference in "
     "residual pain between approaches (its Table 1)."),
]
for where, reported, explanation in recommendations:
    record(rc.Finding("recommendation against evidence", reported, "no number to recompute (a check of the text)", "concern", "as written",
                      explanation),
           f"Claims · {where} · recommendation")
pd.DataFrame(recommendations, columns=["claims", "recommendation", "what supports it"])

# %% [markdown]
# ## 4. Appraisal with SANRA
#
# The Scale for the Assessment of Narrative Review Articles scores six items from 0 to 2.

# %%
sanra = pd.DataFrame([
    ("Justification of the article's importance", 1, "Importance asserted through epidemiology whose figures conflict (C01 against C04)."),
    ("Statement of aims", 1, "Aim stated in general terms ('provide a reference'); no question."),
    ("Description of the literature search", 0, "No search, databases, dates or selection criteria."),
    ("Referencing", 0, f"{int((claims['support'] == 'no reference').sum())} of {len(claims)} claims cite nothing; two "
                       "citations do not match their claims; one cited source is a magazine."),
    ("Scientific reasoning", 0, "Levels of evidence are not discussed; single studies are generalised; no trial evidence."),
    ("Appropriate presentation of data", 1, "Numbers are given, but without definitions, denominators or sources."),
], columns=["item", "score", "reason"])
total = int(sanra["score"].sum())
rob = sanra.assign(study=STUDY, tool="SANRA", domain=sanra["item"], judgement=sanra["score"].astype(str) + " of 2")
rob = pd.concat([rob, pd.DataFrame([{"study": STUDY, "tool": "SANRA", "domain": "Overall",
                                      "judgement": f"{total} of 12", "reason": "Low quality as a narrative review."}])])
rob[["study", "tool", "domain", "judgement", "reason"]].to_csv(DATA / "findings" / f"{STUDY}_rob.csv", index=False,
                                                               lineterminator="\n")
sanra

# %%
rc.say(f"SANRA total: **{total} of 12**.")

# %% [markdown]
# ## 5. Figures

# %%
claim_map = claims.reset_index()
claim_map["section"] = pd.Categorical(claim_map["Section"], review.meta["sections"], ordered=True)
counts = pd.crosstab(claim_map["section"], claim_map["support"])
fig, ax = plt.subplots(figsize=(7.5, 4.2))
sns.heatmap(counts, annot=True, fmt="d", cmap="Oranges", cbar=False, linewidths=0.5, ax=ax)
ax.set_xlabel("what the claim rests on")
ax.set_ylabel("section of the review")
ax.set_title(f"{int((claims['support'] == 'no reference').sum())} of the review's {len(claims)} claims cite no source")
ax.set_xticks(ax.get_xticks(), counts.columns, rotation=20, ha="right")
rc.save_figure(fig, FIGURES / "liu_guo_review_claim_map.png")
plt.show()

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=False)
for ax, data, band, title, xlabel in (
        (axes[0], pain, (70, 90), "Pain relief after PVP: the review's 70-90% range", "patients relieved (%)"),
        (axes[1], leak, None, "Cement leakage in the primary studies", "patients with leakage (%)")):
    y = np.arange(len(data))
    ax.errorbar(data["percent"], y, xerr=[data["percent"] - data["lo"], data["hi"] - data["percent"]], fmt="o",
                capsize=3, color=rc.ARM_PALETTE["intervention"])
    if band:
        ax.axvspan(*band, color=rc.ARM_PALETTE["comparator"], alpha=0.15, label="review's range (C09)")
        ax.legend(fontsize=8, loc="lower left")
    ax.set_yticks(y, data["source"])
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
fig.suptitle("The review's numbers beside the primary studies (Wilson 95% intervals)")
fig.tight_layout()
rc.save_figure(fig, FIGURES / "liu_guo_review_against_primary.png")
plt.show()

# %% [markdown]
# ## 6. The findings at a glance

# %%
frame = ledger.write(DATA / "findings" / f"{STUDY}.csv")
frame["verdict"].value_counts().reindex([v for v in rc.VERDICTS if v in set(frame["verdict"])]).to_frame("checks")

# %%
assessed = set(frame["location"].str.extract(r"(C\d\d)")[0].dropna())
rc.say(f"{len(assessed & set(claims.index))} of {len(claims)} claims have at least one ledger row.")

# %% [markdown]
# ## 7. For journal club
#
# 1. *Section 3a*: the review gives two different shares of people over 50 with vertebral fractures. Which
#    would you quote, and how would you find out which is right?
# 2. *Section 3b*: "reduces the incidence of cement leakage by about 18%". Rewrite the sentence so that a
#    reader knows exactly what was compared.
# 3. *Section 3c*: why is placing primary-study rates beside a review's range not a meta-analysis?
# 4. *Section 3d*: what evidence would you expect a review recommending vertebroplasty to discuss?
# 5. *Section 4*: which SANRA item would most improve this review if fixed?
#
# ## 8. Bottom line

# %%
verdicts = frame["verdict"].value_counts()
rc.say(
    f"**What the review says**: minimally invasive augmentation (PVP, PKP, expandable plasty) is the preferred "
    f"treatment of osteoporotic vertebral fractures, with PKP and expandable devices superior to PVP.\n\n"
    f"**What a clinician can take from it**: a description of the techniques and their practical trade-offs.\n\n"
    f"**What not**: its numbers and comparisons. Of {len(claims)} claims, "
    f"{int((claims['support'] == 'no reference').sum())} cite nothing; {verdicts.get('concern', 0)} ledger rows raise "
    f"concerns (conflicting figures, citations that do not match, changes of unclear scale), and no randomised or "
    f"sham-controlled evidence is discussed. SANRA {total} of 12."
)
