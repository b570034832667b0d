"""Per-operator metrics (issue 12 §4): explain(mode="formatted") after an action shows what each
operator did, and `tspark-engine serve --profile FILE` writes every query's profile as it ends."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import start_engine_server

CLIENT = """
import sys
from tspark.sql import SparkSession
spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
rows = spark.sql("SELECT id % 3 AS k, count(*) AS c FROM range(0, 3000, 1, 3) GROUP BY id % 3").collect()
print("ROWS", len(rows))
spark.stop()
"""


def _field_block(text: str, name: str, nth: int = 0) -> str:
    blocks = [b for b in text.split("\n\n") if re.match(r"\(\d+\) %s\b" % name, b.strip())]
    return blocks[nth] if blocks else "(no %s section)" % name


def test_explain_formatted_after_an_action_shows_each_operators_metrics(spark, capsys) -> None:
    df = spark.range(0, 1000, 1, 2).filter("id % 2 = 0")
    df.explain(mode="formatted")
    assert "Metrics:" not in capsys.readouterr().out
    assert len(df.collect()) == 500
    df.explain(mode="formatted")
    out = capsys.readouterr().out
    assert re.search(r"Metrics: rows=1000, batches=\d+, tasks=2, time=[\d.]+ ms", _field_block(out, "Range")), out
    assert "Metrics: rows=500, " in _field_block(out, "Filter"), out


def test_serve_profile_writes_every_query_with_its_operators_metrics(tmp_path) -> None:
    target = tmp_path / "profile.txt"
    proc, addr = start_engine_server("--profile", str(target))
    try:
        r = subprocess.run([sys.executable, "-c", CLIENT, addr], capture_output=True, text=True, timeout=120)
        assert "ROWS 3" in r.stdout, r.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    text = target.read_text()
    assert re.match(r"== tspark profile: query \d+, [\d.]+ ms ==\n== Physical Plan ==\n", text), text
    # the final aggregate made the 3 groups; the partial ones one per group per task
    assert "Metrics: rows=3, " in _field_block(text, "HashAggregate", -1), text
    assert re.search(r"Metrics: rows=3000, batches=\d+, tasks=3, ", _field_block(text, "Range")), text
