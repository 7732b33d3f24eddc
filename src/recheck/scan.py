"""A statcheck-like scanner: find test results printed in running text and recompute their p-values.

`scan_text` finds results such as "t(28) = 2.20, p = .03" or "(χ2 = 5.429, P = 0.020)", recomputes p from the
statistic and its degrees of freedom, and grades the printed p, one row per result in the order of the text.

The options mean what statcheck's (Nuijten et al.) options of the same name mean:
    alpha                      level of significance assumed for the text (statcheck: alpha)
    one_tailed                 every t, z and r is one-tailed (OneTailedTests)
    one_tailed_in_text         when the text mentions "one-tailed", "one-sided" or "directional", a t, z or r
                               that is an error two-tailed but fits one-tailed counts as one-tailed (OneTailedTxt)
    p_zero_error               "p = .000" is an error: no p is exactly 0, SPSS's 0.000 means p < 0.0005 and
                               should be printed p < .001 (pZeroError)
    p_equal_alpha_significant  p = alpha counts as significant (pEqualAlphaSig)

Grading follows statcheck:
    error           the printed p cannot come from the statistic anywhere in its rounding interval (2.20 stands
                    for [2.195, 2.205]); a statistic printed with < or > is a bound taken as printed;
    decision_error  an error where the printed p and the p at the printed statistic fall on opposite sides of
                    alpha (statcheck compares with the p at the printed value, not the interval; the explanation
                    says when the interval straddles alpha).
The verdict restates them in the review's scale: consistent, minor (error only), decision, and also impossible
(a p outside 0-1, a negative F or chi-square, |r| > 1) and not_checkable (no df printed and none given).

Beyond statcheck's APA formats the scanner reads the forms clinical papers print: no df ("t = 0.782,
P = 0.528"), "df = 1" after the statistic, "P" in capitals and without spaces, Welch's t′ and "t/t′" headings,
χ²/χ2/x2/X2/chi-square/Wald, SPSS's "P = 0.000", scientific p ("1.2 × 10⁻⁵"), Unicode minus and en dash,
full-width characters (NFKC) and results broken across lines. Where no df is printed a df is used only when
the caller supplies one through `df_hint`, because only the study's design fixes it.
"""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from .pvalues import p_from_statistic
from .rounding import Rounded, abs_interval, fmt_p, parse_rounded
from .validate import degrees_of_freedom, probability

SCAN_COLUMNS = (
    "line", "raw", "test_type", "df1", "df2", "test_comp", "test_value", "p_comp", "reported_p",
    "computed_p", "computed_p_lo", "computed_p_hi", "error", "decision_error", "verdict", "assumption",
    "explanation",
)
# Keys a caller may give in df_hint: Welch's t′ apart from t, because its df do not follow from the design.
HINT_KEYS = ("t", "t'", "F", "r", "chi2", "Q")
# Relative slack when comparing p intervals, so float noise at a shared end never decides a verdict.
_REL_TOL = 1e-9

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-"})
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_DF = r"\d+(?:\.\d+)?"
_COMP = r"<=|>=|≤|≥|=|<|>"
_LABEL = (
    r"(?<![\w/])(?:"
    r"(?P<chi2>(?:Wald\s*)?(?:χ|[Cc]hi|CHI|[xX])\s*[-_^]?\s*2|(?:Wald\s*)?[Cc]hi[-\s]?[Ss]quared?|Wald)"
    r"|(?P<tt>t\s*/\s*t[′'’])|(?P<welch>t[′'’])|(?P<t>t)|(?P<F>F(?:_?\{?[a-z]{2,15}\}?)?)|(?P<r>r)|(?P<z>[zZ])"
    r"|(?P<Q>Q(?:\s?-?\s?(?:[wW]ithin|[bB]etween|[wWbB]))?)"
    r")(?![A-Za-z])"
)
_RESULT = re.compile(
    _LABEL
    + r"(?:\s*-?\s*values?)?"
    + rf"(?:\s*\(\s*(?:df\s*=\s*)?(?P<df1>{_DF})(?:\s*,\s*(?P<df2>{_DF}))?(?:\s*,\s*[Nn]\s*=\s*[\d,]+)?\s*\))?"
    + rf"\s*(?P<test_comp>{_COMP})\s*(?P<value>-?\s?{_NUM})"
    + rf"(?:\s*[,;]\s*df\s*=\s*(?P<idf1>{_DF})(?:\s*[,/]\s*(?P<idf2>{_DF}))?)?"
    + r"\s*[,;]?\s*\(?\s*"
    + rf"(?:[pP](?:\s*-?\s*values?)?\s*(?P<p_comp>{_COMP})\s*"
    + r"(?P<p>\d*\.?\d+(?:[eE]\s?-?\s?\d+|\s*[×xX*]\s*10\s*\^?\s*-\s?\d+)?)"
    + r"|(?P<ns>[nN]\.?[sS]\.?)(?![A-Za-z]))"
)
_ONE_TAILED = re.compile(r"one.?sided|one.?tailed|directional", re.IGNORECASE)
_COMPARISONS = {"≤": "<", "<=": "<", "≥": ">", ">=": ">"}


@dataclass(frozen=True)
class Found:
    """One result as printed: where it starts, its text, and its parts (values kept as printed text)."""

    line: int
    raw: str
    test_type: str
    label: str
    df1: float | None
    df2: float | None
    test_comp: str
    test_value: str
    p_comp: str
    reported_p: str | None


@dataclass(frozen=True)
class Options:
    """scan_text's options, named as in its signature (statcheck's meanings: see the module docstring)."""

    alpha: float = 0.05
    one_tailed: bool = False
    one_tailed_in_text: bool = False
    p_zero_error: bool = True
    p_equal_alpha_significant: bool = True


@dataclass(frozen=True)
class Judgement:
    """A recomputed p (at the printed statistic and over its rounding interval) and statcheck's two flags."""

    tails: int
    computed_p: float
    computed_p_lo: float
    computed_p_hi: float
    error: bool
    decision_error: bool


# Inline LaTeX that PDF-to-text converters leave in papers: "$\\chi^2 = 5.429$ , $P = 0.020$".
_LATEX = ((re.compile(r"\\chi\s*\^\s*\{?\s*2\s*\}?"), "χ2"), (re.compile(r"\\(?:geq|ge)(?![A-Za-z])"), "≥"),
          (re.compile(r"\\(?:leq|le)(?![A-Za-z])"), "≤"), (re.compile(r"\\times(?![A-Za-z])"), "×"),
          (re.compile(r"\\pm(?![A-Za-z])"), "±"), (re.compile(r"\$"), ""))


def normalise_text(text: str) -> str:
    """NFKC (full-width forms, χ², math italics), one kind of line end, ASCII minus signs, and inline LaTeX
    ($...$, \\chi^2, \\geq, \\pm) read as the symbols it stands for."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern, symbol in _LATEX:
        text = pattern.sub(symbol, text)
    return unicodedata.normalize("NFKC", text).translate(_MINUS)


def mentions_one_tailed(text: str) -> bool:
    """statcheck's OneTailedInTxt: does the text say one-tailed, one-sided or directional anywhere?"""
    return bool(_ONE_TAILED.search(normalise_text(text)))


def _label_of(match: re.Match) -> tuple[str, str]:
    """(test_type, label): the label tells Welch's t′ and the t/t′ heading apart from t, Wald from χ²."""
    if match["chi2"]:
        return "chi2", "wald" if match["chi2"].startswith("Wald") else "chi2"
    for group, test_type, label in (("tt", "t", "t/t'"), ("welch", "t", "t'"), ("t", "t", "t"), ("F", "F", "F"),
                                    ("r", "r", "r"), ("z", "z", "z"), ("Q", "Q", "Q")):
        if match[group]:
            return test_type, label
    raise AssertionError("the label pattern has no other group")  # pragma: no cover


def _printed_dfs(match: re.Match, test_type: str) -> tuple[float | None, float | None] | None:
    """Degrees of freedom in statcheck's columns (t and r in df2; F in both; chi2 and Q in df1).

    None when the printed count does not fit the test (t(2, 28), F(2), z(28)): such text is not a result.
    """
    printed = [float(d) for d in (match["df1"] or match["idf1"], match["df2"] or match["idf2"]) if d]
    if not printed:
        return (None, None)
    if test_type == "F":
        return (printed[0], printed[1]) if len(printed) == 2 else None
    if len(printed) != 1 or test_type == "z":
        return None
    return (None, printed[0]) if test_type in ("t", "r") else (printed[0], None)


def find_results(text: str) -> list[Found]:
    """Every result in the text, in order of position, as printed (after `normalise_text`)."""
    text = normalise_text(text)
    # Line ends once, then a binary search per result: counting newlines per match is quadratic.
    line_ends = [i for i, c in enumerate(text) if c == "\n"]
    found = []
    for match in _RESULT.finditer(text):
        test_type, label = _label_of(match)
        dfs = _printed_dfs(match, test_type)
        if dfs is None:
            continue
        value = re.sub(r"\s|,", "", match["value"])
        p_comp = "ns" if match["ns"] else _COMPARISONS.get(match["p_comp"], match["p_comp"])
        found.append(Found(
            line=bisect.bisect_left(line_ends, match.start()) + 1,
            raw=" ".join(match.group(0).split()),
            test_type=test_type, label=label, df1=dfs[0], df2=dfs[1],
            test_comp=_COMPARISONS.get(match["test_comp"], match["test_comp"]),
            test_value=value, p_comp=p_comp,
            reported_p=None if match["ns"] else " ".join(match["p"].split()),
        ))
    return found


def printed_p(text: str) -> tuple[float, float, float]:
    """(value, lo, hi) of a printed p, including "5e-3" and "1.2×10-5" (the mantissa's decimals set the step)."""
    parts = re.fullmatch(r"(\d*\.?\d+)(?:[eE](-?\d+)|[×xX*]10\^?(-\d+))?", re.sub(r"\s", "", text))
    if parts is None:
        raise ValueError(f"not a printed p-value: {text!r}")
    mantissa = parse_rounded(parts[1])
    scale = 10.0 ** int(parts[2] or parts[3] or 0)
    return mantissa.value * scale, max(0.0, mantissa.lo * scale), mantissa.hi * scale


def _p_at(test_type: str, magnitude: float, df1, df2, tails: int) -> float:
    """p at a statistic's size (|t|, |z|, |r|; chi2, F, Q as they are); t, z and r one- or two-tailed."""
    if test_type == "r":
        if magnitude >= 1:
            return 0.0
        p = float(2 * stats.t.sf(magnitude * math.sqrt(df2 / (1 - magnitude**2)), df2))
    elif test_type == "t":
        p = p_from_statistic("t", magnitude, df2)
    elif test_type == "Q":
        p = p_from_statistic("chi2", magnitude, df1)
    else:
        p = p_from_statistic(test_type, magnitude, df1, df2)
    return p / 2 if tails == 1 and test_type in ("t", "z", "r") else p


def _magnitudes(test_type: str, value: Rounded) -> tuple[float, float, float]:
    """(at the printed value, lowest, highest) size of the statistic over its rounding interval."""
    if test_type in ("t", "z", "r"):
        lo, hi = abs_interval(value.lo, value.hi)
        point = abs(value.value)
    else:
        lo, hi, point = max(value.lo, 0.0), value.hi, value.value
    if test_type == "r":
        lo, hi, point = min(lo, 1.0), min(hi, 1.0), min(point, 1.0)
    return point, lo, hi


def _size_comparison(found: Found, value: Rounded) -> str:
    """The printed comparison as a statement about the statistic's size: "t < -2.2" says |t| > 2.2."""
    if found.test_type in ("t", "z", "r") and value.value < 0 and found.test_comp in "<>":
        return "<" if found.test_comp == ">" else ">"
    return found.test_comp


def _reported_interval(found: Found, alpha: float) -> tuple[str, float, float, float]:
    """(relation, value, lo, hi) of the printed p; "ns" reads as p > alpha, as in statcheck."""
    if found.p_comp == "ns":
        return ">", alpha, alpha, 1.0
    value, lo, hi = printed_p(found.reported_p)
    return found.p_comp, value, lo, min(hi, 1.0)


def _fits(allowed: tuple[float, float], relation: str, value: float, lo: float, hi: float) -> bool:
    """Can a p the statistic allows be the printed p? "<" and ">" are strict; "=" is its rounding interval."""
    a_lo, a_hi = allowed
    if relation == "<":
        return a_lo < value
    if relation == ">":
        return a_hi > value
    return a_lo <= hi * (1 + _REL_TOL) and lo <= a_hi * (1 + _REL_TOL)


def _significant(p: float, options: Options) -> bool:
    return p <= options.alpha if options.p_equal_alpha_significant else p < options.alpha


def _reported_call(relation: str, value: float, options: Options) -> bool | None:
    """Does the printed p say significant (True), not significant (False), or leave it open (None)?"""
    if relation == "=":
        return _significant(value, options)
    if relation == "<":
        return True if value <= options.alpha else None
    return False if value >= options.alpha else None


def _is_decision_error(said: bool | None, size_comp: str, computed_p: float, options: Options) -> bool:
    """statcheck's decision error: every p the statistic allows has the call opposite to the printed one.

    For "=" that is the p at the printed statistic; "<" allows that p or more, ">" that p or less.
    """
    if said is None:
        return False
    found_significant = _significant(computed_p, options)
    if size_comp == "=":
        return found_significant != said
    if size_comp == "<":
        return said and not found_significant
    return not said and found_significant


def _judge(found: Found, value: Rounded, df1, df2, tails: int, options: Options) -> Judgement:
    point, lo, hi = _magnitudes(found.test_type, value)
    computed = _p_at(found.test_type, point, df1, df2, tails)
    p_lo, p_hi = _p_at(found.test_type, hi, df1, df2, tails), _p_at(found.test_type, lo, df1, df2, tails)
    size_comp = _size_comparison(found, value)
    allowed = {"=": (p_lo, p_hi), "<": (computed, 1.0), ">": (0.0, computed)}[size_comp]
    relation, p_value, r_lo, r_hi = _reported_interval(found, options.alpha)
    zero = relation == "=" and p_value == 0 and options.p_zero_error
    error = zero or not _fits(allowed, relation, p_value, r_lo, r_hi)
    decision = error and _is_decision_error(_reported_call(relation, p_value, options), size_comp, computed,
                                            options)
    return Judgement(tails, computed, p_lo, p_hi, error, decision)


def _impossible_statistic(found: Found, value: Rounded) -> str | None:
    """Why the printed statistic or its df cannot be, in plain words, or None."""
    if any(d is not None and d <= 0 for d in (found.df1, found.df2)):
        return "Degrees of freedom must be above 0."
    if found.test_type in ("F", "chi2", "Q") and value.value < 0:
        return f"{'An' if found.test_type == 'F' else 'A'} {found.test_type} statistic cannot be negative."
    if found.test_type == "r" and abs_interval(value.lo, value.hi)[0] > 1:
        return f"A correlation lies between -1 and 1; r = {found.test_value} does not."
    return None


def _impossible_p(found: Found, alpha: float) -> str | None:
    """Why the printed p cannot be, in plain words, or None."""
    if found.p_comp == "ns":
        return None
    relation, value, lo, _ = _reported_interval(found, alpha)
    if (relation == "=" and lo > 1) or (relation == ">" and value >= 1):
        return f"A p-value must lie between 0 and 1; p {relation} {found.reported_p} does not."
    if relation == "<" and value <= 0:
        return f"No p-value lies below 0; p < {found.reported_p} cannot be (perhaps p < .001 was meant)."
    return None


def _hinted_dfs(found: Found, df_hint: Mapping[str, object]) -> tuple[float | None, float | None, bool]:
    """(df1, df2, assumed): the printed df, else the caller's hint for this kind of test, else None."""
    if found.test_type == "z" or found.df1 is not None or found.df2 is not None:
        return found.df1, found.df2, False
    key = "t'" if found.label == "t'" else found.test_type
    if key not in df_hint:
        return None, None, False
    hint = df_hint[key]
    if found.test_type == "F":
        return hint[0], hint[1], True
    return (None, hint, True) if found.test_type in ("t", "r") else (hint, None, True)


def _statistic_text(found: Found, df1, df2) -> str:
    label = {"t'": "t'", "wald": "Wald chi2"}.get(found.label, found.test_type)
    dfs = ", ".join(f"{d:g}" for d in (df1, df2) if d is not None)
    return f"{label}({dfs}) {found.test_comp} {found.test_value}" if dfs else \
        f"{label} {found.test_comp} {found.test_value}"


def _p_text(found: Found) -> str:
    return "ns" if found.p_comp == "ns" else f"p {found.p_comp} {found.reported_p}"


def _p_phrase(p: float) -> str:
    """'p = 0.036' or 'p < 0.001'."""
    text = fmt_p(p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def _range_phrase(found: Found, judgement: Judgement) -> str:
    """What the statistic says about p: its value and range over the rounding, or the side of a bound."""
    point = fmt_p(judgement.computed_p)
    if found.test_comp == "<" or found.test_comp == ">":
        side = "above" if _size_comparison(found, parse_rounded(found.test_value)) == "<" else "below"
        return f"allows p {side} {point.lstrip('< ')}"
    text = f"gives {_p_phrase(judgement.computed_p)}"
    lo, hi = (fmt_p(p).replace("< ", "below ") for p in (judgement.computed_p_lo, judgement.computed_p_hi))
    if lo != hi:
        text += f" ({lo} to {hi} over the rounding of {found.test_value})"
    return text


def _call_word(significant: bool) -> str:
    return "significant" if significant else "not significant"


def _consistent_explanation(found: Found, statistic: str, j: Judgement, options: Options,
                            two_tailed_p: float | None) -> str:
    text = f"{statistic} {_range_phrase(found, j)}; the printed {_p_text(found)} fits."
    relation, value, lo, hi = _reported_interval(found, options.alpha)
    if found.test_comp == "=" and not _fits((j.computed_p, j.computed_p), relation, value, lo, hi):
        text += (f" It fits only because {found.test_value} stands for anything that rounds to it; the p at"
                 " the printed value does not.")
    if two_tailed_p is not None:
        text += (f" Read as one-tailed because the text mentions one-tailed, one-sided or directional testing;"
                 f" two-tailed it would be {_p_phrase(two_tailed_p)}.")
    return text


def _zero_p_explanation(found: Found, statistic: str, j: Judgement, alpha: str) -> str:
    """p = .000 under pZeroError: SPSS's way of printing p < 0.0005, never a p of exactly 0."""
    text = (f"The printed p = {found.reported_p} is how SPSS prints p < 0.0005, but a p-value is never exactly 0"
            f" and it should be reported as p < 0.001. {statistic} {_range_phrase(found, j)}")
    if j.computed_p_lo < 0.0005:
        return text + ", so only the way p is printed is wrong."
    if j.decision_error:
        return text + f": {_call_word(False)} at alpha = {alpha}, so the call reverses."
    return text + ": not even below 0.0005."


def _error_explanation(found: Found, statistic: str, j: Judgement, options: Options) -> str:
    relation, value, _, _ = _reported_interval(found, options.alpha)
    alpha = f"{options.alpha:g}"
    if relation == "=" and value == 0 and options.p_zero_error:
        return _zero_p_explanation(found, statistic, j, alpha)
    text = f"{statistic} {_range_phrase(found, j)}, not {_p_text(found)}"
    if not j.decision_error:
        return text + f"; the significance call at alpha = {alpha} is unchanged."
    said = _reported_call(relation, value, options)
    text += (f": the printed p says {_call_word(said)} at alpha = {alpha}, the statistic says"
             f" {_call_word(not said)}.")
    if found.test_comp == "=" and j.computed_p_lo <= options.alpha <= j.computed_p_hi:
        text += f" Within the rounding of {found.test_value}, p could lie on either side of alpha."
    return text


def _one_tailed_note(found: Found, value: Rounded, df1, df2, options: Options) -> str:
    """When a two-tailed error would fit one-tailed, say so (statcheck's OneTailedTxt would accept it)."""
    if found.test_type not in ("t", "z", "r"):
        return ""
    if _judge(found, value, df1, df2, 1, options).error:
        return ""
    return " The printed p fits the one-tailed p."


def _assumption(found: Found, j: Judgement | None, assumed_df: bool, df1, df2, options: Options,
                corrected: bool) -> str:
    parts = ["statistic anywhere in its rounding interval" if found.test_comp == "="
             else f"statistic bound ({found.test_comp} {found.test_value}) taken as printed"]
    if found.test_type in ("t", "z", "r") and j is not None:
        parts.append("one-tailed: the text mentions one-tailed testing" if corrected
                     else "one-tailed (all tests)" if j.tails == 1 else "two-tailed")
    if assumed_df:
        parts.append("df " + ", ".join(f"{d:g}" for d in (df1, df2) if d is not None)
                     + " assumed from the design (df_hint), not printed")
    if found.label == "t/t'":
        parts.append("printed as t/t': Student's t assumed (Welch's t' has fewer df and a larger p)")
    if found.p_comp == "ns":
        parts.append("ns read as p > alpha")
    elif found.p_comp == "=" and printed_p(found.reported_p)[0] == 0 and not options.p_zero_error:
        parts.append(f"p = {found.reported_p} read as p < 0.0005 (SPSS)")
    parts.append(f"alpha = {options.alpha:g}" + (", p = alpha significant" if options.p_equal_alpha_significant
                                                  else ", p = alpha not significant"))
    return "; ".join(parts)


def _missing_df_explanation(found: Found) -> str:
    key = "t'" if found.label == "t'" else found.test_type
    example = {"t": "{'t': 102} for two groups of 52", "t'": "{\"t'\": 61.3} (Welch's df from the SDs and sizes)",
               "F": "{'F': (2, 57)} for three groups of 20", "r": "{'r': 48} for 50 pairs (n - 2)",
               "chi2": "{'chi2': 1} for a 2x2 table", "Q": "{'Q': 3} for four studies (k - 1)"}[key]
    text = (f"No degrees of freedom are printed for this {key}, and its p depends on them. "
            f"Give them when the design fixes them: df_hint={example}.")
    if found.test_type == "chi2":
        text += " A printed p that happens to fit df = 1 is not evidence of df = 1."
    return text


def _row(found: Found, verdict: str, assumption: str, explanation: str, df1=None, df2=None,
         j: Judgement | None = None, error=pd.NA, decision=pd.NA) -> dict:
    return {
        "line": found.line, "raw": found.raw, "test_type": found.test_type,
        "df1": np.nan if df1 is None else float(df1), "df2": np.nan if df2 is None else float(df2),
        "test_comp": found.test_comp, "test_value": found.test_value, "p_comp": found.p_comp,
        "reported_p": found.reported_p,
        "computed_p": j.computed_p if j else np.nan,
        "computed_p_lo": j.computed_p_lo if j else np.nan,
        "computed_p_hi": j.computed_p_hi if j else np.nan,
        "error": error, "decision_error": decision, "verdict": verdict, "assumption": assumption,
        "explanation": explanation,
    }


def check_found(found: Found, options: Options = Options(), df_hint: Mapping[str, object] | None = None,
                one_tailed_in_txt: bool = False) -> dict:
    """Grade one printed result: a row with SCAN_COLUMNS' keys."""
    value = parse_rounded(found.test_value)
    df1, df2, assumed = _hinted_dfs(found, df_hint or {})
    checkable = found.test_type == "z" or df1 is not None or df2 is not None
    statistic = _statistic_text(found, df1, df2)
    bad_statistic = _impossible_statistic(found, value)
    if bad_statistic is not None:
        return _row(found, "impossible", "values as printed", bad_statistic, df1, df2, error=True)
    bad_p = _impossible_p(found, options.alpha)
    if bad_p is not None:
        j = _judge(found, value, df1, df2, 1 if options.one_tailed else 2, options) if checkable else None
        given = f" {statistic} {_range_phrase(found, j)}." if j else ""
        return _row(found, "impossible", "values as printed", bad_p + given, df1, df2, j, error=True)
    if not checkable:
        return _row(found, "not_checkable", "no df printed and none given in df_hint",
                    _missing_df_explanation(found))
    tails = 1 if options.one_tailed else 2
    j = _judge(found, value, df1, df2, tails, options)
    corrected = False
    two_tailed_p = None
    if (j.error and options.one_tailed_in_text and not options.one_tailed and one_tailed_in_txt
            and found.test_type in ("t", "z", "r")):
        one = _judge(found, value, df1, df2, 1, options)
        if not one.error:
            two_tailed_p, j, corrected = j.computed_p, one, True
    assumption = _assumption(found, j, assumed, df1, df2, options, corrected)
    if not j.error:
        verdict = "consistent"
        explanation = _consistent_explanation(found, statistic, j, options, two_tailed_p)
    else:
        verdict = "decision" if j.decision_error else "minor"
        explanation = _error_explanation(found, statistic, j, options)
        if tails == 2:
            explanation += _one_tailed_note(found, value, df1, df2, options)
    return _row(found, verdict, assumption, explanation, df1, df2, j, j.error, j.decision_error)


def _validated_hint(df_hint: Mapping[str, object] | None) -> dict:
    """df_hint's keys must name a test with df; F takes a pair (df1, df2), the others one number."""
    if df_hint is None:
        return {}
    if not isinstance(df_hint, Mapping):
        raise ValueError(f"df_hint = {df_hint!r}: a mapping such as {{'t': 102}} is needed")
    checked = {}
    for key, value in df_hint.items():
        if key not in HINT_KEYS:
            raise ValueError(f"df_hint key {key!r}: use one of {', '.join(HINT_KEYS)} (z needs no df)")
        if key == "F":
            if not isinstance(value, (tuple, list)) or len(value) != 2:
                raise ValueError(f"df_hint['F'] = {value!r}: an F needs two df, e.g. (2, 57)")
            checked[key] = tuple(degrees_of_freedom("df_hint['F']", d) for d in value)
        else:
            checked[key] = degrees_of_freedom(f"df_hint[{key!r}]", value)
    return checked


def empty_scan() -> pd.DataFrame:
    """The frame `scan_text` returns when it finds nothing: SCAN_COLUMNS with their dtypes."""
    return _typed(pd.DataFrame({c: [] for c in SCAN_COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"line": "int64", "df1": "float64", "df2": "float64", "computed_p": "float64",
                          "computed_p_lo": "float64", "computed_p_hi": "float64", "error": "boolean",
                          "decision_error": "boolean"})
    text = [c for c in SCAN_COLUMNS if c not in ("line", "df1", "df2", "computed_p", "computed_p_lo",
                                                  "computed_p_hi", "error", "decision_error")]
    frame[text] = frame[text].astype(object)
    return frame[list(SCAN_COLUMNS)]


def scan_text(text: str, *, alpha: float = 0.05, one_tailed: bool = False, one_tailed_in_text: bool = False,
              p_zero_error: bool = True, p_equal_alpha_significant: bool = True,
              df_hint: Mapping[str, float | tuple[float, float]] | None = None) -> pd.DataFrame:
    """Find every test result in `text`, recompute its p and grade the printed p; one row per result.

    Columns (SCAN_COLUMNS): line (1-based, where the result starts), raw, test_type (t, F, r, chi2, z, Q),
    df1, df2 (statcheck's placement: t and r in df2), test_comp, test_value and reported_p as printed,
    p_comp ("=", "<", ">" or "ns"), computed_p (at the printed statistic) with computed_p_lo and
    computed_p_hi (over its rounding interval), error, decision_error (statcheck's flags; NA where nothing
    was judged), verdict, assumption and explanation. The options are statcheck's (see the module docstring).
    `df_hint` gives df the text omits but the design fixes, e.g. {"t": 102} for two groups of 52,
    {"chi2": 1} for 2x2 tables, {"F": (2, 57)}; a result without df and without a hint is not_checkable.
    Caller's mistakes (text not a string, alpha outside (0, 1), a bad df_hint) raise ValueError.
    """
    if not isinstance(text, str):
        raise ValueError(f"text = {text!r}: the text to scan must be a string")
    options = Options(probability("alpha", alpha), bool(one_tailed), bool(one_tailed_in_text),
                      bool(p_zero_error), bool(p_equal_alpha_significant))
    hint = _validated_hint(df_hint)
    results = find_results(text)
    if not results:
        return empty_scan()
    in_text = mentions_one_tailed(text)
    rows = [check_found(found, options, hint, in_text) for found in results]
    return _typed(pd.DataFrame(rows, columns=list(SCAN_COLUMNS)))
