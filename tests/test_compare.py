"""Comparing two reports fact by fact, and odds-ratio re-expressions."""
import pandas as pd
import pytest

from recheck import compare_facts, or_transformations
from recheck.compare import same_value


def test_numbers_compare_by_rounding_and_text_by_folding():
    assert same_value("1 120", "1120")
    assert same_value("5.4%", "5.446")
    assert not same_value("5.4", "5.6")
    assert same_value("VAS  > 3", "vas > 3")
    assert not same_value("July 2014 - June 2020", "July 2020 - June 2025")


def test_compare_facts_classifies_every_fact():
    a = pd.DataFrame({"fact": ["cohort", "period", "software"], "value": ["1120", "2014-2020", "SPSS"]})
    b = pd.DataFrame({"fact": ["period", "cohort", "AUC", "software"], "value": ["2020-2025", "1 120", "0.929", " "]})
    out = compare_facts(a, b, names=("preprint", "article"))
    assert out["fact"].tolist() == ["cohort", "period", "software", "AUC"]
    assert out["status"].tolist() == ["same", "different", "only in preprint", "only in article"]
    assert out.loc[3, "preprint"] == ""
    with pytest.raises(ValueError, match="repeat keys"):
        compare_facts(pd.concat([a, a]), b)


def test_or_transformations_by_hand():
    # 1/0.253 = 3.953 (3.937 .. 3.968 over rounding): not 2.890; 2.890 is inside the reciprocal CI 1.235 .. 12.66.
    out = or_transformations("0.253", "2.890", ci=("0.079", "0.810")).set_index("transformation")["matches"]
    assert not out["reciprocal"] and not out["same"]
    assert out["inside the reciprocal CI"] and not out["inside the CI"]
    # A reciprocal that does match: 1/0.250 = 4.000.
    assert or_transformations("0.250", "4.00").set_index("transformation").loc["reciprocal", "matches"]
    # A squared OR (two units instead of one): 2.0^2 = 4.0.
    assert or_transformations("2.00", "4.00").set_index("transformation").loc["squared", "matches"]
