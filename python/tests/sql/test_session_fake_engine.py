"""A session against a scripted engine: actions send the right requests and decode replies."""
import pytest

from tspark.sql import Row, SparkSession

from tests._bridge.fake_engine import FakeEngine

SCHEMA = {"type": "struct", "fields": [{"name": "id", "type": "long", "nullable": False, "metadata": {}},
                                       {"name": "s", "type": "string", "nullable": True, "metadata": {}}]}


def handler(msg):
    rid = msg["id"]
    if msg["kind"] == "execute":
        if msg["format"] == "arrow":
            import pyarrow as pa
            sink = pa.BufferOutputStream()
            t = pa.table({"id": [1, 2], "s": ["a", None]})
            with pa.ipc.new_stream(sink, t.schema) as w:
                w.write_table(t)
            return [{"kind": "schema", "id": rid, "schema": SCHEMA},
                    {"kind": "arrowBatch", "id": rid, "seq": 0, "numRows": 2, "ipc": sink.getvalue().to_pybytes()},
                    {"kind": "done", "id": rid}]
        return [{"kind": "schema", "id": rid, "schema": SCHEMA},
                {"kind": "batch", "id": rid, "seq": 0, "numRows": 2, "columns": [[1, 2], ["a", None]]},
                {"kind": "done", "id": rid}]
    if msg["kind"] == "analyze":
        text = {"showString": "+---+\n|id |\n+---+", "treeString": "root\n |-- id: long (nullable = false)\n"}
        level = {"useDisk": True, "useMemory": True, "useOffHeap": False, "deserialized": True, "replication": 1}
        return [{"kind": "analyzeResult", "id": rid, "schema": SCHEMA, "text": text.get(msg["method"], "plan"),
                 "storageLevel": level}]
    if msg["kind"] == "config":
        return [{"kind": "configResult", "id": rid, "value": "UTC"}]
    return [{"kind": "done", "id": rid}]


@pytest.fixture()
def spark():
    engine = FakeEngine(handler)
    s = SparkSession.builder.remote(engine.address).appName("t").config("spark.sql.ansi.enabled", True).getOrCreate()
    s._fake = engine
    yield s
    s.stop()
    engine.close()


def test_handshake_carries_app_name_and_conf(spark):
    hs = spark._fake.received[0]
    assert hs["kind"] == "handshake" and hs["appName"] == "t"
    assert hs["conf"]["spark.sql.ansi.enabled"] == "true" and spark.version == "4.0.1"


def test_collect_take_first_and_schema(spark):
    df = spark.range(2)
    assert df.collect() == [Row(id=1, s="a"), Row(id=2, s=None)]
    assert df.first() == Row(id=1, s="a")
    assert df.columns == ["id", "s"] and df.dtypes == [("id", "bigint"), ("s", "string")]
    assert repr(df) == "DataFrame[id: bigint, s: string]"
    assert df.id._expr["planId"] == df._plan["planId"]
    assert spark._fake.received[-1]["plan"]["kind"] == "Range"


def test_show_and_print_schema_print_engine_text(spark, capsys):
    spark.range(1).show(5, truncate=3)
    spark.range(1).printSchema()
    out = capsys.readouterr().out
    assert out == "+---+\n|id |\n+---+\nroot\n |-- id: long (nullable = false)\n\n"
    show = [m for m in spark._fake.received if m.get("method") == "showString"][0]
    assert show["numRows"] == 5 and show["truncate"] == 3 and show["vertical"] is False


def test_cache_and_persist_return_the_frame_and_ask_the_engine(spark):
    # (was test_cache_is_a_no_op in test_dataframe_plan.py: cache() now registers the plan)
    from tspark import StorageLevel
    df = spark.range(3)
    assert df.is_cached is False
    assert df.cache() is df and df.persist() is df
    assert df.is_cached is True
    sent = [m for m in spark._fake.received if m.get("method") == "persist"]
    assert sent[0]["plan"] == df._plan and sent[0]["storageLevel"]["deserialized"] is True
    df.persist(StorageLevel.DISK_ONLY)
    assert spark._fake.received[-1]["storageLevel"] == {
        "useDisk": True, "useMemory": False, "useOffHeap": False, "deserialized": False, "replication": 1}
    assert df.storageLevel == StorageLevel.MEMORY_AND_DISK_DESER
    assert df.unpersist(blocking=True) is df and df.is_cached is False
    assert spark._fake.received[-1]["method"] == "unpersist" and spark._fake.received[-1]["blocking"] is True
    with pytest.raises(TypeError):
        df.persist("MEMORY_ONLY")


def test_conf_get(spark):
    assert spark.conf.get("spark.sql.session.timeZone") == "UTC"


def test_to_pandas_via_arrow(spark):
    pytest.importorskip("pyarrow")
    pdf = spark.range(2).toPandas()
    assert list(pdf.columns) == ["id", "s"] and pdf["id"].tolist() == [1, 2]


def test_get_or_create_returns_active(spark):
    assert SparkSession.builder.getOrCreate() is spark


def test_other_remote_address_gets_its_own_session(spark):
    other = FakeEngine(handler)
    try:
        s2 = SparkSession.builder.remote(other.address).getOrCreate()
        assert s2 is not spark and s2._client.address == other.address
        assert SparkSession.builder.getOrCreate() is s2
        s2.stop()
    finally:
        other.close()


def test_to_pandas_from_rows_without_pyarrow(spark, monkeypatch):
    pytest.importorskip("pandas")
    from tspark.sql.pandas import conversion

    def no_pyarrow():
        raise ImportError("pyarrow")
    # toPandas without pyarrow (or with the Arrow path off, the default) builds from rows
    monkeypatch.setattr(conversion, "require_pyarrow", no_pyarrow)
    pdf = spark.range(2).toPandas()
    assert list(pdf.columns) == ["id", "s"] and pdf["s"][0] == "a" and pdf["s"].isna()[1]
    assert [m for m in spark._fake.received if m["kind"] == "execute"][-1]["format"] == "rows"
