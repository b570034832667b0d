"""`serve --max-partitions/--max-local-rows/--max-depth` set the decode-time ceilings (issue 11 §4):
exceeding one is INVALID_PLAN_INPUT for that client alone, and the engine serves on."""
from __future__ import annotations

import subprocess

import pytest

from conftest import CLI, start_engine_server


def test_configured_ceilings_refuse_clearly_and_the_session_serves_on() -> None:
    from tspark.errors import PySparkException
    from tspark.sql import SparkSession

    proc, addr = start_engine_server("--max-partitions", "16", "--max-local-rows", "100")
    spark = SparkSession.builder.remote(addr).create()
    try:
        with pytest.raises(PySparkException, match="17 partitions is more than the engine's limit of 16"):
            spark.range(0, 100, 1, 17).count()
        with pytest.raises(PySparkException, match="101 rows is more than the engine's limit of 100"):
            spark.createDataFrame([(i,) for i in range(101)], "a INT").count()
        assert spark.range(0, 100, 1, 16).count() == 100
        assert spark.createDataFrame([(i,) for i in range(100)], "a INT").count() == 100
    finally:
        spark.stop()
        proc.terminate()
        proc.wait(timeout=15)


def test_a_nesting_ceiling_past_the_stack_safe_limit_is_refused_at_start() -> None:
    r = subprocess.run(["node", str(CLI), "serve", "--port", "0", "--max-depth", "5000"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "cannot exceed 2500" in r.stderr
