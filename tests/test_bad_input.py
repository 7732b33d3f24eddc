"""A catalogue of bad and edge inputs, as a careless user or a bad extraction sends them (issue 14).

Each case is one named input and what it must give: an error of a stated class whose message locates the
problem (the file and line or JSON path for the loader; the argument and its value, or the column and row, for
the library), or the stated verdict of a check of a paper (`impossible` for a printed value no data can have,
`not_checkable` for an undefined statistic). Never a bare TypeError, AttributeError, ZeroDivisionError,
KeyError or UnicodeDecodeError, and never a verdict computed from an impossible number.
"""
import json
import math
import re
from dataclasses import dataclass

import pandas as pd
import pytest

import recheck as rc
from recheck.granularity import debit_table, grim_table, grimmer_table
from recheck.loader import ExtractionError, load_study, load_table
from recheck.validate import ImpossibleValue

VALUES = ["n", "Operative time (min)", "P"]
GOOD_TABLE = "Groups,n,Operative time (min),P\nResearch group,52,33.06 ± 6.18,\nControl group,52,34.18 ± 6.57,0.373\n"
GOOD_META = {"study_id": "demo", "citation": "Demo 2025", "design": "cohort",
             "groups": [{"name": "Research group", "n": 52}, {"name": "Control group", "n": 52}],
             "tables": {"table2.csv": {"source": "Table 2", "label_columns": ["Groups"], "value_columns": VALUES}}}


def study(tmp_path, meta=GOOD_META, files=None, raw=None):
    """Write a study folder (study.json from `meta`, or the bytes `raw`) with table files, and load it."""
    (tmp_path / "study.json").write_bytes(raw if raw is not None else json.dumps(meta).encode())
    for name, content in (files if files is not None else {"table2.csv": GOOD_TABLE}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_study(tmp_path)


def meta(**changes):
    out = json.loads(json.dumps(GOOD_META))
    for key, value in changes.items():
        out[key] = value
    return out


def table_spec(**spec):
    return meta(tables={"table2.csv": {"source": "Table 2", "label_columns": ["Groups"], "value_columns": VALUES, **spec}})


@dataclass
class Raises:
    error: type
    message: str  # a regular expression the message must match

    def check(self, call):
        with pytest.raises(self.error) as caught:
            call()
        assert re.search(self.message, str(caught.value)), str(caught.value)
        assert not isinstance(caught.value, (AttributeError, ZeroDivisionError, KeyError, UnicodeDecodeError))
        assert isinstance(caught.value, ValueError)  # the validation layer's errors are all ValueErrors


@dataclass
class Verdict:
    verdict: str
    explanation: str = ""  # a regular expression the finding's explanation (or recomputed) must match

    def check(self, call):
        result = call()
        findings = result if isinstance(result, list) else [result]
        assert [f.verdict for f in findings] == [self.verdict], findings
        text = findings[0].explanation + " " + findings[0].recomputed
        assert re.search(self.explanation, text), text


@dataclass
class Value:
    test: object  # a predicate on the returned value

    def check(self, call):
        assert self.test(call())


LOADER = [
    # --- study.json structure: every error names the file and the JSON path ---------------------------------
    pytest.param(lambda t: study(t, raw=b"null"), Raises(ExtractionError, r"study\.json, at \$: study\.json must "
                 r"hold one JSON object .*\(got null\)"), id="study-json-null"),
    pytest.param(lambda t: study(t, raw=b"[1, 2]"), Raises(ExtractionError, r"study\.json, at \$: .*one JSON object"),
                 id="study-json-a-list"),
    pytest.param(lambda t: study(t, meta(groups=["Research group", "Control group"])),
                 Raises(ExtractionError, r"study\.json: 2 error\(s\).*at \$\.groups\[0\]: each group must be an "
                        r"object.*at \$\.groups\[1\]"), id="groups-as-strings"),
    pytest.param(lambda t: study(t, table_spec(label_columns="Groups")),
                 Raises(ExtractionError, r"study\.json, at \$\.tables\['table2\.csv'\]\.label_columns: "
                        r"label_columns must be a list"), id="label-columns-as-a-string"),
    pytest.param(lambda t: study(t, raw=json.dumps(GOOD_META).replace("Demo", "D\u00e9mo").encode("latin-1")),
                 Raises(ExtractionError, r"study\.json, line 1: not UTF-8 text: byte 0xe9 at byte offset \d+"),
                 id="study-json-not-utf8"),
    pytest.param(lambda t: study(t, raw=b'{"study_id": "demo",\n "citation": }'),
                 Raises(ExtractionError, r"study\.json, line 2: invalid JSON"), id="study-json-invalid-json"),
    pytest.param(lambda t: study(t, meta(groups=[{"name": "Research group", "n": 52}, {"name": "Control group",
                                                                                        "n": 0}])),
                 Raises(ExtractionError, r"at \$\.groups\[1\]\.n: n must be a positive integer \(got 0\)"),
                 id="group-n-zero"),
    pytest.param(lambda t: study(t, meta(groups=[{"name": "Research group", "n": "52"}])),
                 Raises(ExtractionError, r"at \$\.groups\[0\]\.n: n must be a positive integer \(got \"52\"\)"),
                 id="group-n-as-text"),
    pytest.param(lambda t: study(t, meta(tables=["table2.csv"])),
                 Raises(ExtractionError, r"at \$\.tables: tables must be an object"), id="tables-as-a-list"),
    pytest.param(lambda t: study(t, {k: v for k, v in GOOD_META.items() if k != "citation"}),
                 Raises(ExtractionError, r"at \$: 'citation' is a required property"), id="missing-citation"),
    pytest.param(lambda t: study(t, meta(claims=[{"where": "Abstract", "claim": "shorter stay",
                                                  "evidence": "Table 2"}])),
                 Raises(ExtractionError, r"at \$\.claims\[0\]\.evidence: a claim's evidence must be a list"),
                 id="claim-evidence-as-a-string"),
    pytest.param(lambda t: study(t, raw=b'{"study_id": "a", "study_id": "b"}'),
                 Raises(ExtractionError, r"study\.json: key 'study_id' appears twice"), id="duplicate-json-key"),
    pytest.param(lambda t: study(t, meta(tables={"../table2.csv": {"source": "Table 2", "label_columns": ["Groups"],
                                                                   "value_columns": VALUES}})),
                 Raises(ExtractionError, r"at \$\.tables: a table file must be a relative path inside the study "
                        r"folder"), id="table-path-outside-folder"),
    # --- table files ------------------------------------------------------------------------------------------
    pytest.param(lambda t: study(t, files={"table2.csv": None}),
                 Raises(ExtractionError, r"table2\.csv: is a folder, not a table file"), id="table-path-is-a-folder"),
    pytest.param(lambda t: study(t, meta(tables={"a/t.csv": {"source": "A", "label_columns": ["Groups"], "value_columns": VALUES},
                                                 "b/t.csv": {"source": "B", "label_columns": ["Groups"], "value_columns": VALUES}}),
                                 files={"a/t.csv": GOOD_TABLE, "b/t.csv": GOOD_TABLE}),
                 Raises(ExtractionError, r"study\.json, at \$\.tables: tables 'a/t\.csv' and 'b/t\.csv' share the "
                        r"name 't'"), id="duplicate-table-stems"),
    pytest.param(lambda t: study(t, files={"table2.csv": "Groups,n,Operative time (min),P\n"}),
                 Raises(ExtractionError, r"table2\.csv, line 1: no data rows"), id="header-only-table"),
    pytest.param(lambda t: study(t, table_spec(value_columns=["n", "Operative time (min)", "Blood loss (mL)"])),
                 Raises(ExtractionError, r"table2\.csv, line 1: missing column 'Blood loss \(mL\)' \(a value column\)"),
                 id="missing-value-column"),
    pytest.param(lambda t: study(t, files={"table2.csv": GOOD_TABLE.replace("Control", "Contr\u00f4le")
                                           .encode("latin-1")}),
                 Raises(ExtractionError, r"table2\.csv, line 2: not UTF-8 text: byte 0xb1 at byte offset 56"),
                 id="table-not-utf8"),
    pytest.param(lambda t: study(t, files={"table2.csv": GOOD_TABLE.replace("0.373", "0.3\x0073")}),
                 Raises(ExtractionError, r"table2\.csv, line 3 \(row 'Control group'\), column 'P': cannot read "
                        r"'0\.3\\x0073'"), id="table-with-nul-byte"),
    pytest.param(lambda t: study(t, files={}), Raises(ExtractionError, r"table2\.csv: file not found"),
                 id="table-file-missing"),
    pytest.param(lambda t: load_study(t / "nowhere"), Raises(ExtractionError, r"nowhere: folder not found"),
                 id="study-folder-missing"),
    pytest.param(lambda t: study(t, files={"table2.csv": GOOD_TABLE.replace("6.57", "-6.57")}),
                 Raises(ExtractionError, r"table2\.csv, line 3 \(row 'Control group'\), column 'Operative time "
                        r"\(min\)': negative SD"), id="cell-negative-sd"),
    pytest.param(lambda t: load_table(t / "x.csv", label_columns="Groups"),
                 Raises(ValueError, r"label_columns = 'Groups': a list of names is needed"),
                 id="load-table-label-columns-string"),
    pytest.param(lambda t: study(t).table("table9"),
                 Raises(ValueError, r"name = 'table9': no such table in demo; tables are \['table2'\]"),
                 id="unknown-table-name"),
]

GRANULARITY = [
    pytest.param(lambda t: rc.check_debit("0.30", "-0.48", 10), Verdict("impossible", r"sd = -0.48: an SD cannot be "
                 r"negative"), id="debit-negative-sd"),
    pytest.param(lambda t: rc.check_grimmer("3.00", "-1.58", 5), Verdict("impossible", r"an SD cannot be negative"),
                 id="grimmer-negative-sd"),
    pytest.param(lambda t: rc.check_debit("1.20", "0.40", 10), Verdict("impossible", r"mean = 1\.20: a proportion"),
                 id="debit-proportion-above-one"),
    pytest.param(lambda t: rc.check_grim("3.45", 0), Raises(ValueError, r"n = 0: must be a whole number >= 1"),
                 id="grim-n-zero"),
    pytest.param(lambda t: rc.check_grimmer("3.45", "1.20", 1), Raises(ValueError, r"n = 1: must be a whole number "
                 r">= 2"), id="grimmer-n-one"),
    pytest.param(lambda t: rc.check_grim(3.45, 20), Raises(ValueError, r"mean = 3\.45: pass the number as printed text"),
                 id="grim-float-mean"),
    pytest.param(lambda t: rc.check_grim("3.45", 20, items=0), Raises(ValueError, r"items = 0"), id="grim-items-zero"),
    pytest.param(lambda t: rc.check_grim("3.45", 20.5), Raises(ValueError, r"n = 20\.5: a whole number is needed"),
                 id="grim-fractional-n"),
    pytest.param(lambda t: rc.check_sd_bounds("11.0", "1.0", 20, 0, 10), Verdict("impossible", r"outside the scale"),
                 id="sd-bounds-mean-outside-scale"),
    pytest.param(lambda t: rc.check_sd_bounds("5.0", "1.0", 20, 10, 0), Raises(ValueError, r"lower, upper = 10, 0"),
                 id="sd-bounds-reversed-scale"),
    # A printed SD of 0.00 at n = 10^9 with mean 3.45: no whole-number data (see test_granularity_scale).
    pytest.param(lambda t: rc.check_grimmer("3.45", "0.00", 10**9), Verdict("impossible", r"no whole-number sum"),
                 id="grimmer-zero-sd-huge-n"),
    pytest.param(lambda t: grim_table(pd.DataFrame({"mean": ["3.45", "3,45"], "n": [20, 20]})),
                 Raises(ValueError, r"column 'mean', row 1: not a printed number: '3,45'"), id="grim-table-bad-cell"),
    pytest.param(lambda t: grim_table(pd.DataFrame({"mean": ["3.45", "3.40"], "n": [20, 0]})),
                 Raises(ValueError, r"column 'n', row 1: must be a whole number >= 1"), id="grim-table-n-zero"),
    pytest.param(lambda t: grimmer_table(pd.DataFrame({"mean": ["3.00"], "sd": ["-1.58"], "n": [5]})),
                 Raises(ImpossibleValue, r"column 'sd', row 0: '-1\.58': an SD cannot be negative"),
                 id="grimmer-table-negative-sd"),
    pytest.param(lambda t: grimmer_table(pd.DataFrame({"mean": [3.0], "sd": ["1.58"], "n": [5]})),
                 Raises(ValueError, r"column 'mean', row 0: a float has lost its trailing zeros"),
                 id="grimmer-table-float-mean"),
    pytest.param(lambda t: debit_table(pd.DataFrame({"mean": ["0.30"], "n": [10]})),
                 Raises(ValueError, r"frame: missing column\(s\) \['sd'\]"), id="debit-table-missing-column"),
]

STATISTICS = [
    pytest.param(lambda t: rc.check_ttest("5.0", "-1.0", 10, "4.0", "1.0", 12, t="2.10"),
                 Verdict("impossible", r"sd1 = -1\.0: an SD cannot be negative"), id="ttest-negative-sd"),
    # Both SDs printed 0.0: each in [0, 0.05], so the standard error can be 0 and |t| is unbounded above; the
    # smallest |t| is 0.9 / sqrt(0.0025 * (1/10 + 1/12)) = 42.04. A printed t of 3.2 cannot come from them.
    pytest.param(lambda t: rc.ttest_range("5.0", "0.0", 10, "4.0", "0.0", 12),
                 Value(lambda r: r.abs_t[1] == math.inf and r.abs_t[0] == pytest.approx(0.9 / math.sqrt(0.0025 * (
                     1 / 10 + 1 / 12))) and r.p[0] == 0.0), id="ttest-sd-printed-0.0-unbounded-t"),
    pytest.param(lambda t: rc.check_ttest("5.0", "0.0", 10, "4.0", "0.0", 12, t="3.2", p="0.004"),
                 Verdict("minor", r"inf"), id="ttest-sd-printed-0.0-check"),
    # SDs printed "0": the point t divides by a zero standard error; it is inf, not a ZeroDivisionError.
    pytest.param(lambda t: rc.ttest_range("5", "0", 10, "4", "0", 12, equal_var=False),
                 Value(lambda r: r.point.t == math.inf and r.abs_t[1] == math.inf and r.df == (9.0, pytest.approx(20.0))),
                 id="ttest-sd-printed-0-welch"),
    pytest.param(lambda t: rc.check_ttest("5.0", "1.0", 10, "4.0", "1.0", 12, p="1.042"),
                 Verdict("impossible", r"p = 1\.042: a p-value must lie between 0 and 1"), id="ttest-p-above-one"),
    pytest.param(lambda t: rc.check_ttest("5.0", "1.0", 0, "4.0", "1.0", 12, t="2.3"),
                 Raises(ValueError, r"n1 = 0"), id="ttest-n-zero"),
    pytest.param(lambda t: rc.ttest_table(pd.DataFrame({"mean1": ["5.0"], "sd1": ["1.0"], "n1": [1], "mean2": ["4.0"],
                                                        "sd2": ["1.0"], "n2": [12]})),
                 Raises(ValueError, r"column 'n1', row 0: must be a whole number >= 2"), id="ttest-table-n-one"),
    pytest.param(lambda t: rc.check_percent(-3, 52, "5.8"), Verdict("impossible", r"a count cannot be negative"),
                 id="percent-negative-count"),
    pytest.param(lambda t: rc.check_percent(60, 52, "115.38"), Verdict("impossible", r"cannot exceed n = 52"),
                 id="percent-count-above-n"),
    pytest.param(lambda t: rc.check_percent(2.5, 52, "4.8"), Raises(ValueError, r"count = 2\.5: a whole number"),
                 id="percent-fractional-count"),
    pytest.param(lambda t: rc.percent_table(pd.DataFrame({"count": [25, 60], "n": [52, 52], "percent": ["48.08", "115.38"]})),
                 Raises(ImpossibleValue, r"column 'count', row 1: 60: a count cannot exceed n"),
                 id="percent-table-count-above-n"),
    pytest.param(lambda t: rc.wilson_interval(60, 52), Raises(ImpossibleValue, r"count = 60: a count cannot exceed"),
                 id="wilson-count-above-n"),
    pytest.param(lambda t: rc.check_flow(130, {"excluded": -16}, 146),
                 Verdict("impossible", r"removed\['excluded'\] = -16: a count cannot be negative"),
                 id="flow-negative-part"),
    pytest.param(lambda t: rc.check_total({"a": 52, "b": -1}, 51), Verdict("impossible", r"cannot be negative"),
                 id="total-negative-part"),
    pytest.param(lambda t: rc.check_logistic_row(OR="2.000", ci_lower="2.960", ci_upper="1.351"),
                 Verdict("impossible", r"the lower end lies above the upper end"), id="logistic-reversed-ci"),
    pytest.param(lambda t: rc.check_logistic_row(B="0.693", SE="-0.200", wald="12.006"),
                 Verdict("impossible", r"SE = -0\.200: a standard error must be above 0"), id="logistic-negative-se"),
    # SE printed 0.000 stands for (0, 0.0005]: (B/SE)² is at least (0.6925/0.0005)² = 1,918,225 and unbounded.
    pytest.param(lambda t: rc.check_logistic_row(B="0.693", SE="0.000", wald="12.006"),
                 Verdict("minor", r"\[1918225\.000, inf\]"), id="logistic-se-printed-zero"),
    pytest.param(lambda t: rc.parse_estimate_ci("1.26 (1.98-0.80)"),
                 Raises(ImpossibleValue, r"lower limit above upper limit"), id="cell-reversed-ci"),
    pytest.param(lambda t: rc.or_transformations("-0.25", "4.00"),
                 Raises(ImpossibleValue, r"odds_ratio = '-0\.25': an odds ratio must be above 0"),
                 id="or-negative"),
    pytest.param(lambda t: rc.check_p_value("t", "2.20", "0.036", df1=0),
                 Raises(ValueError, r"df1 = 0: degrees of freedom must be a number above 0"), id="p-value-df-zero"),
    pytest.param(lambda t: rc.check_p_value("F", "3.10", "0.05", df1=2, df2=-30),
                 Raises(ValueError, r"df2 = -30"), id="p-value-df-negative"),
    pytest.param(lambda t: rc.p_from_statistic("q", 2.0, 10), Raises(ValueError, r"kind = 'q': must be one of"),
                 id="p-from-unknown-kind"),
    pytest.param(lambda t: rc.p_from_statistic("chi2", -1.5, 1), Raises(ImpossibleValue, r"cannot be negative"),
                 id="p-from-negative-chi2"),
    pytest.param(lambda t: rc.check_p_value("t", "2.20", "0.036", df1=28, alpha=5),
                 Raises(ValueError, r"alpha = 5: must lie strictly between 0 and 1"), id="alpha-out-of-range"),
    pytest.param(lambda t: rc.mann_whitney_from_counts([1.5, 2, 3], [1, 2, 3]),
                 Raises(ValueError, r"counts_a\[0\] = 1\.5: a whole number is needed"), id="mw-fractional-counts"),
    pytest.param(lambda t: rc.check_mann_whitney([5, -1, 2], [1, 2, 3], statistic="1.20"),
                 Verdict("impossible", r"counts_a\[1\] = -1: a count cannot be negative"), id="mw-negative-count"),
    pytest.param(lambda t: rc.check_mann_whitney([12, 0, 0], [15, 0, 0], statistic="0.00", p="1.000"),
                 Verdict("not_checkable", r"all are tied"), id="mw-all-ties"),
    pytest.param(lambda t: rc.check_mann_whitney([2, 1], [1, 2], statistic="12", kind="U"),
                 Verdict("impossible", r"U cannot exceed n1·n2 = 9"), id="mw-u-above-n1n2"),
    pytest.param(lambda t: rc.check_contingency([[10, 20], [30, 40]], statistic="-0.79"),
                 Verdict("impossible", r"a chi-square statistic cannot be negative"), id="contingency-negative-chi2"),
    pytest.param(lambda t: rc.check_contingency([[10, 0, 5], [3, 0, 8]], p="0.04"),
                 Verdict("not_checkable", r"chi-square is undefined"), id="contingency-zero-margin"),
    pytest.param(lambda t: rc.check_contingency([[0, 0], [0, 0]], p="1.000"),
                 Verdict("not_checkable", r"no observations"), id="contingency-no-counts"),
    pytest.param(lambda t: rc.check_contingency([[1, -2], [3, 4]], p="0.5"),
                 Verdict("impossible", r"non-negative whole counts"), id="contingency-negative-count"),
    pytest.param(lambda t: rc.check_paired_t("10.00", "-3.00", "8.00", "1.00", 25, "3.00"),
                 Verdict("impossible", r"sd_pre = -3\.00"), id="paired-negative-sd"),
    # Pre and post SDs printed 0.0 (each in [0, 0.05]): the SD of the changes is at most 0.1, so |t| is at least
    # 1.9·5/0.1 = 95 and unbounded above; a printed t of 5.00 cannot be.
    pytest.param(lambda t: rc.check_paired_t("10.0", "0.0", "8.0", "0.0", 25, "5.00"),
                 Verdict("impossible", r"\[95\.00, inf\]"), id="paired-sds-printed-zero"),
    pytest.param(lambda t: rc.check_paired_t("10.00", "2.00", "8.00", "2.00", 25, "5.00", plausible_r=(0.5, 1.5)),
                 Raises(ValueError, r"plausible_r = \(0\.5, 1\.5\)"), id="paired-plausible-r-outside"),
    # Every SD printed 0.00: the patients' averages may not vary at all, so the largest F is unbounded.
    pytest.param(lambda t: rc.rm_between_group_f_bounds(["1.00", "2.00"], ["0.00", "0.00"], 10,
                                                        ["0.50", "1.50"], ["0.00", "0.00"], 10),
                 Value(lambda b: b.f_max == math.inf and b.f_min > 0), id="rm-f-sds-printed-zero"),
    pytest.param(lambda t: rc.check_rm_between_group_f(["1.00", "2.00"], ["1.00", "1.00"], 10,
                                                       ["0.50", "1.50"], ["1.00", "1.00"], 10, "-2.3"),
                 Verdict("impossible", r"F = -2\.3: a F statistic cannot be negative"), id="rm-f-negative"),
    pytest.param(lambda t: rc.cantelli_max_share(0.0, -1.0, 2.0), Raises(ImpossibleValue, r"sd = -1\.0"),
                 id="cantelli-negative-sd"),
    pytest.param(lambda t: rc.linear_combination([1, -0.7], ["10.15"], ["2.27", "5.46"]),
                 Raises(ValueError, r"one weight, mean and SD per term"), id="linear-combination-lengths"),
    pytest.param(lambda t: rc.compare_facts("not a table", pd.DataFrame({"fact": [], "value": []})),
                 Raises(ValueError, r"first facts: a pandas DataFrame is needed"), id="compare-facts-not-a-frame"),
    pytest.param(lambda t: rc.parse_p("1.20"), Raises(ImpossibleValue, r"p-value outside 0-1"), id="cell-p-above-one"),
    pytest.param(lambda t: rc.fmt("abc"), Raises(ValueError, r"x = 'abc': a number is needed"), id="fmt-text"),
    pytest.param(lambda t: rc.parse_rounded(None), Raises(ValueError, r"not a printed number: None"),
                 id="parse-none"),
]


@pytest.mark.parametrize("make, expect", [*LOADER, *GRANULARITY, *STATISTICS])
def test_bad_input(tmp_path, make, expect):
    expect.check(lambda: make(tmp_path))


def test_catalogue_size():
    assert len(LOADER) + len(GRANULARITY) + len(STATISTICS) >= 40

