"""The landing page's findings table is what the ledgers generate (rule 1f)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import landing  # noqa: E402


def test_index_findings_table_is_current():
    text = landing.INDEX.read_text(encoding="utf-8")
    assert landing.rendered_index(text) == text, "index.md is stale: run `python3 tasks.py site` and commit it"


def test_findings_table_has_one_row_per_study():
    rows = [line for line in landing.findings_table().splitlines()[2:] if line.startswith("| [")]
    assert len(rows) == len(landing.notebooks()) == 5
