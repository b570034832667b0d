"""Records tree_string_golden.json from real PySpark (run with a PySpark 4.0.1 interpreter):

    /path/to/pyspark-venv/bin/python python/tests/sql/record_tree_string.py

The schemas are built by tree_string_cases.py, shared with the test, so both sides see the
same input; StructType.treeString is computed in Python by PySpark (no JVM needed).
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyspark  # noqa: E402
from pyspark.sql import types  # noqa: E402

from tree_string_cases import CASES, build  # noqa: E402

out = {"pyspark": pyspark.__version__, "cases": []}
for name, level in CASES:
    schema = build(types, name)
    text = schema.treeString() if level is None else schema.treeString(level)
    out["cases"].append({"schema": name, "level": level, "text": text})
(HERE / "tree_string_golden.json").write_text(json.dumps(out, indent=1) + "\n")
print("recorded", len(out["cases"]), "cases with PySpark", pyspark.__version__)
