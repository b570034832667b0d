"""StructType.treeString() against PySpark 4.0.1's output (tree_string_golden.json, recorded by
record_tree_string.py on real PySpark from the same schemas)."""
import json
import pathlib

import pytest

from tspark.sql import types as T

from .tree_string_cases import CASES, build

GOLDEN = json.loads((pathlib.Path(__file__).resolve().parent / "tree_string_golden.json").read_text())


def test_golden_covers_every_case() -> None:
    assert GOLDEN["pyspark"] == "4.0.1"
    assert [(c["schema"], c["level"]) for c in GOLDEN["cases"]] == [(name, level) for name, level in CASES]


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: "%s-%s" % (c["schema"], c["level"]))
def test_tree_string_matches_pyspark(case) -> None:
    schema = build(T, case["schema"])
    text = schema.treeString() if case["level"] is None else schema.treeString(case["level"])
    assert text == case["text"]
