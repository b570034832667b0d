"""The sqllogictest files (tests/sql/*/*.slt, recorded on PySpark 4.0.1) through the Python client."""
from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "sql"))
import slt  # noqa: E402


@pytest.mark.parametrize("path", slt.files(), ids=lambda p: "%s/%s" % (p.parent.name, p.name))
def test_slt_file(path: pathlib.Path, tmp_path: pathlib.Path) -> None:
    from tspark.sql import SparkSession

    # a clean catalog per file in a warehouse of its own, as the recorder starts each file
    spark = SparkSession.builder.appName("slt").config("spark.sql.session.timeZone", "UTC").getOrCreate()
    spark.conf.set("spark.sql.warehouse.dir", str(tmp_path / "warehouse"))
    slt.reset(spark)
    problems = slt.check_file(spark, path)
    assert not problems, "\n".join(problems)
