"""Persistent tables: the warehouse outlives the engine, and engines sharing it do not corrupt it."""
from __future__ import annotations

import json
import pathlib
import textwrap

from conftest import run_python

PRELUDE = textwrap.dedent(
    """
    import json, sys
    from tspark.sql import SparkSession
    spark = SparkSession.builder.appName("tables").config("spark.sql.warehouse.dir", sys.argv[1] if len(sys.argv) > 1 else WH).getOrCreate()
    """
)


def _run(wh: pathlib.Path, body: str) -> str:
    proc = run_python("WH = %r\n" % str(wh) + PRELUDE + textwrap.dedent(body))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_tables_survive_an_engine_restart(tmp_path: pathlib.Path) -> None:
    wh = tmp_path / "wh"
    _run(wh, """
        spark.sql("CREATE TABLE kept (a INT, p STRING) USING parquet PARTITIONED BY (p)")
        spark.sql("INSERT INTO kept VALUES (1, 'x'), (2, 'y')")
        spark.createDataFrame([(3, "z")], "a INT, p STRING").write.insertInto("kept")
        spark.sql("CREATE DATABASE other")
        spark.range(4).write.saveAsTable("other.ids")
    """)
    # the metadata file sits beside the table's directory, in Spark's warehouse layout
    assert (wh / "kept.tspark-table.json").is_file() and (wh / "kept" / "p=x").is_dir()
    assert (wh / "other.db" / "ids").is_dir()
    meta = json.loads((wh / "kept.tspark-table.json").read_text())
    assert (meta["provider"], meta["partitionColumns"], meta["schema"]) == ("parquet", ["p"], "a INT, p STRING")
    out = _run(wh, """
        print(json.dumps([[r.a, r.p] for r in spark.sql("SELECT * FROM kept ORDER BY a").collect()]))
        print(json.dumps(sorted(d.name for d in spark.catalog.listDatabases())))
        print(spark.table("other.ids").count())
    """)
    assert out.splitlines() == ['[[1, "x"], [2, "y"], [3, "z"]]', '["default", "other"]', "4"]


def test_two_engines_creating_one_table_one_wins(tmp_path: pathlib.Path) -> None:
    import subprocess
    import sys

    wh = tmp_path / "wh"
    code = "WH = %r\n" % str(wh) + PRELUDE + textwrap.dedent("""
        try:
            spark.sql("CREATE TABLE race USING parquet AS SELECT id FROM range(1000)")
            print("created")
        except Exception as e:
            print(e.getCondition())
    """)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = sorted(p.communicate(timeout=120)[0].strip() for p in procs)
    assert outs == ["TABLE_OR_VIEW_ALREADY_EXISTS", "created"] or outs == ["LOCATION_ALREADY_EXISTS", "created"], outs
    assert _run(wh, "print(spark.table('race').count())") == "1000"


def test_persistent_views_survive_an_engine_restart_and_read_their_tables_anew(tmp_path: pathlib.Path) -> None:
    wh = tmp_path / "wh"
    _run(wh, """
        spark.sql("CREATE TABLE t (a INT) USING parquet")
        spark.sql("INSERT INTO t VALUES (1), (2)")
        spark.sql("CREATE VIEW big AS SELECT a FROM t WHERE a > 1")
        spark.sql("CREATE VIEW doubled (d COMMENT 'twice') AS SELECT a * 2 AS x FROM big")
    """)
    meta = json.loads((wh / "doubled.tspark-table.json").read_text())
    assert (meta["tableType"], meta["viewText"], meta["schema"]) == ("VIEW", "SELECT a * 2 AS x FROM big", "d INT")
    out = _run(wh, """
        spark.sql("INSERT INTO t VALUES (5)")
        print(json.dumps([r.d for r in spark.sql("SELECT d FROM doubled ORDER BY d").collect()]))
        print(json.dumps([(t.name, t.tableType) for t in spark.catalog.listTables()]))
        spark.sql("CREATE TEMP VIEW t AS SELECT 100 AS a")
        print(json.dumps(sorted(r.d for r in spark.table("doubled").collect())))
    """)
    # the views see the row inserted after they were made, and never the temp view named like their table
    assert out.splitlines() == ["[4, 10]", '[["big", "VIEW"], ["doubled", "VIEW"], ["t", "MANAGED"]]', "[4, 10]"]
