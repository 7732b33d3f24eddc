"""Reading ledgers together, check families, numbers shared across documents."""

from recheck import Finding, check_family, read_ledgers, shared_numbers, write_ledger


def test_check_family():
    assert check_family("two-sample t (Student/Welch)") == "t test"
    assert check_family("paired t: implied correlation") == "paired t"
    assert check_family("GRIMMER") == "granularity"
    assert check_family("SD bounds") == "granularity"
    assert check_family("logistic: OR = exp(B)") == "logistic regression"
    assert check_family("figure caption against methods") == "design and reporting"


def test_missing_ledgers_are_not_errors(tmp_path):
    write_ledger([Finding("GRIM", "m", "r", "impossible", "a", "e").located("a", "Table 1")], tmp_path / "a.csv")
    ledger, missing = read_ledgers(tmp_path, ["a", "b"])
    assert missing == ["b"]
    assert ledger["family"].tolist() == ["granularity"]
    assert ledger["severity"].tolist() == [4]
    empty, missing = read_ledgers(tmp_path, ["c"])
    assert empty.empty and missing == ["c"]


def test_shared_numbers():
    out = shared_numbers({"preprint": ["OR 5.378", "0.098", "1.5"], "article": ["5.378", "3.245", "1.5"],
                          "other": ["5.4"]})
    assert out.to_dict("records") == [{"number": "5.378", "studies": "article, preprint", "count": 2}]
    assert shared_numbers({"a": ["1.50"], "b": ["1.5"]}).empty
    assert len(shared_numbers({"a": ["0.423"], "b": ["P 0.423"]})) == 1
    assert shared_numbers({"a": ["0.423"], "b": ["P 0.423"]}, skip_unit_interval=True).empty


