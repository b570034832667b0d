"""Parquet end to end: tspark reads what PySpark 4.0.1, pyarrow and DuckDB write, and pyarrow
and DuckDB read what tspark writes (issue 7, Parquet), through spark.read / df.write."""
from __future__ import annotations

import datetime
import decimal
import glob
import importlib.util
import json
import pathlib

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

from tspark.sql import Row  # noqa: E402
from tspark.sql import types as T  # noqa: E402
from tspark.sql.types import StructField, StructType, TimestampNTZType, TimestampType  # noqa: E402

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "parquet"
UTC = datetime.timezone.utc


def _fixture_module():
    """tests/fixtures/parquet/spark_all_types.py: the frame make_spark_fixtures.py wrote."""
    spec = importlib.util.spec_from_file_location("spark_all_types", FIXTURES / "spark_all_types.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SPARK_FIXTURES = _fixture_module()
ALL_TYPES, ROWS = SPARK_FIXTURES.all_types(T)


@pytest.fixture()
def utc(spark):
    old = spark.conf.get("spark.sql.session.timeZone")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    yield spark
    spark.conf.set("spark.sql.session.timeZone", old)


def _part_files(path):
    files = sorted(glob.glob(str(path / "part-*.parquet")))
    assert files, f"no part files under {path}"
    return files


def test_reads_every_spark_type_pyspark_wrote(utc):
    for codec in ("snappy", "gz", "zstd"):
        df = utc.read.parquet(str(FIXTURES / f"spark-all-types.{codec}.parquet"))
        assert df.schema == ALL_TYPES
        rows = df.collect()
        assert rows[0] == Row(**dict(zip(ALL_TYPES.fieldNames(), ROWS[0])))
        assert all(v is None for v in rows[1])
        assert rows[2]["dec30"] == decimal.Decimal("-99999999999999999999999.99999")
        assert rows[2]["ntz"] == datetime.datetime(1, 1, 1)


def test_reads_int96_timestamps(utc):
    ts = [r[0] for r in utc.read.parquet(str(FIXTURES / "spark-int96.snappy.parquet")).collect()]
    assert ts == [datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), None, datetime.datetime(1969, 12, 31, 23, 59, 59, 999999)]


def test_writes_what_pyarrow_and_duckdb_read(utc, tmp_path):
    out = tmp_path / "all"
    # INT64 micros (Spark's default INT96 is checked in test_writes_int96_by_default)
    utc.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
    try:
        utc.createDataFrame(ROWS, ALL_TYPES).coalesce(1).write.parquet(str(out))
    finally:
        utc.conf.unset("spark.sql.parquet.outputTimestampType")
    assert (out / "_SUCCESS").exists()
    [f] = _part_files(out)
    assert f.endswith(".snappy.parquet")
    t = pq.read_table(f)
    assert t.schema.field("dec15").type == pa.decimal128(15, 3)
    assert t.schema.field("ts").type == pa.timestamp("us", tz="UTC")
    assert t.schema.field("ntz").type == pa.timestamp("us")
    assert t.schema.field("d").type == pa.date32()
    assert t.schema.field("i8").type == pa.int8()
    first = t.slice(0, 1).to_pylist()[0]
    assert first["i64"] == 9007199254740993
    assert first["s"] == "héllo" and first["bin"] == b"\x00\x01"
    assert first["dec30"] == decimal.Decimal("1234567890123456789012345.12345")
    assert first["ts"] == datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    assert first["arr"] == [1, None, 3] and first["m"] == [("a", 1), ("b", None)]
    assert first["st"] == {"x": 7, "y": "y"} and first["arrst"] == [{"z": 1.5}, None]
    assert all(v is None for v in t.slice(1, 1).to_pylist()[0].values())
    con = duckdb.connect()
    got = con.execute(f"SELECT i64, dec15, d, s, arr, st.y FROM read_parquet('{f}') ORDER BY i32 NULLS LAST").fetchall()
    assert got == [
        (-9223372036854775808, decimal.Decimal("0.000"), datetime.date(1970, 1, 1), "", [], None),
        (9007199254740993, decimal.Decimal("-999999999999.999"), datetime.date(2024, 2, 29), "héllo", [1, None, 3], "y"),
        (None, None, None, None, None, None),
    ]


@pytest.mark.parametrize("codec,suffix", [("gzip", ".gz.parquet"), ("zstd", ".zstd.parquet"), ("none", ".parquet"), ("uncompressed", ".parquet"),
                                         ("brotli", ".br.parquet"), ("lz4", ".lz4hadoop.parquet"), ("lz4_raw", ".lz4raw.parquet")])
def test_write_compression(utc, tmp_path, codec, suffix):
    out = tmp_path / codec
    utc.range(1000).selectExpr("id", "CAST(id AS STRING) AS s").write.option("compression", codec).parquet(str(out))
    files = _part_files(out)
    assert all(f.endswith(suffix) and not f.endswith(".snappy.parquet") for f in files)
    # pyarrow names parquet's deprecated (Hadoop-framed) LZ4 "UNKNOWN" and LZ4_RAW "LZ4", for Spark's files too
    expected = {"gzip": "GZIP", "zstd": "ZSTD", "none": "UNCOMPRESSED", "uncompressed": "UNCOMPRESSED", "brotli": "BROTLI", "lz4": "UNKNOWN", "lz4_raw": "LZ4"}[codec]
    assert pq.ParquetFile(files[0]).metadata.row_group(0).column(0).compression == expected
    assert sorted(pq.read_table(out).column("id").to_pylist()) == list(range(1000))
    assert utc.read.parquet(str(out)).count() == 1000


def test_reads_what_pyarrow_writes(utc, tmp_path):
    f = tmp_path / "pa.parquet"
    t = pa.table({
        "i": pa.array([1, None, 3], pa.int32()),
        "u8": pa.array([1, 2, 255], pa.uint8()),
        "l": pa.array([2**60, -1, None], pa.int64()),
        "s": pa.array(["x", None, "zz"]).dictionary_encode(),
        "dec": pa.array([decimal.Decimal("1.10"), None, decimal.Decimal("-3.30")], pa.decimal128(20, 2)),
        "ts_ms": pa.array([0, 1_000, None], pa.timestamp("ms", tz="UTC")),
        "d": pa.array([datetime.date(2000, 1, 1), None, datetime.date(1900, 12, 31)]),
        "lst": pa.array([[1, 2], None, []], pa.list_(pa.int64())),
        "st": pa.array([{"a": 1, "b": "q"}, None, {"a": None, "b": None}], pa.struct([("a", pa.int16()), ("b", pa.string())])),
    })
    pq.write_table(t, f, row_group_size=2, use_dictionary=True, compression="zstd", data_page_version="2.0")
    df = utc.read.parquet(str(f))
    assert [(x.name, x.dataType.simpleString()) for x in df.schema] == [
        ("i", "int"), ("u8", "smallint"), ("l", "bigint"), ("s", "string"), ("dec", "decimal(20,2)"),
        ("ts_ms", "timestamp"), ("d", "date"), ("lst", "array<bigint>"), ("st", "struct<a:smallint,b:string>"),
    ]
    assert df.collect() == [
        Row(i=1, u8=1, l=2**60, s="x", dec=decimal.Decimal("1.10"), ts_ms=datetime.datetime(1970, 1, 1), d=datetime.date(2000, 1, 1), lst=[1, 2], st=Row(a=1, b="q")),
        Row(i=None, u8=2, l=-1, s=None, dec=None, ts_ms=datetime.datetime(1970, 1, 1, 0, 0, 1), d=None, lst=None, st=None),
        Row(i=3, u8=255, l=None, s="zz", dec=decimal.Decimal("-3.30"), ts_ms=None, d=datetime.date(1900, 12, 31), lst=[], st=Row(a=None, b=None)),
    ]


def test_reads_what_duckdb_writes(utc, tmp_path):
    f = tmp_path / "duck.parquet"
    duckdb.connect().execute(f"""
        COPY (SELECT i::INTEGER AS k, (i * 1.25)::DECIMAL(12,2) AS price, 'name_' || (i % 7) AS name,
                     DATE '2024-01-01' + i::INTEGER AS day, CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 0.5)::DOUBLE END AS half
              FROM range(10000) t(i))
        TO '{f}' (FORMAT parquet, ROW_GROUP_SIZE 2048, COMPRESSION gzip)""")
    df = utc.read.parquet(str(f))
    assert [x.dataType.simpleString() for x in df.schema] == ["int", "decimal(12,2)", "string", "date", "double"]
    r = df.where("k % 1000 = 7").orderBy("k").collect()
    assert [x.k for x in r] == list(range(7, 10000, 1000))
    assert r[0] == Row(k=7, price=decimal.Decimal("8.75"), name="name_0", day=datetime.date(2024, 1, 8), half=3.5)
    assert df.where("half IS NULL").count() == 2000
    assert df.selectExpr("sum(price)").first()[0] == decimal.Decimal("62493750.00")


def test_merge_schema(utc, tmp_path):
    base = tmp_path / "merged"
    utc.createDataFrame([(1, "a")], "id INT, s STRING").write.parquet(str(base / "p1"))
    utc.createDataFrame([(2, 2.5)], "id INT, x DOUBLE").write.parquet(str(base / "p2"))
    plain = utc.read.parquet(str(base / "p1"), str(base / "p2"))
    assert len(plain.columns) == 2
    merged = utc.read.option("mergeSchema", "true").parquet(str(base / "p1"), str(base / "p2"))
    assert merged.columns == ["id", "s", "x"]
    assert sorted(merged.collect(), key=lambda r: r.id) == [Row(id=1, s="a", x=None), Row(id=2, s=None, x=2.5)]


def test_projection_and_pushed_filters_in_explain(utc, tmp_path, capsys):
    out = tmp_path / "pushed"
    utc.range(100).selectExpr("id", "CAST(id AS STRING) AS s", "id * 2 AS t").write.parquet(str(out))
    df = utc.read.parquet(str(out)).where("id > 90").select("s")
    df.explain()
    text = capsys.readouterr().out
    assert "PushedFilters: [IsNotNull(id), GreaterThan(id,90)]" in text
    assert "ReadSchema: struct<s:string>" in text or "ReadSchema: struct<id:bigint,s:string>" in text
    assert sorted(r.s for r in df.collect()) == sorted(str(i) for i in range(91, 100))


def test_corrupt_footer_names_the_file(utc):
    path = FIXTURES / "corrupt-footer.parquet"
    with pytest.raises(Exception) as e:
        utc.read.parquet(str(path)).collect()
    assert str(path) in str(e.value)
    assert "FAILED_READ_FILE" in str(e.value)


def test_unsupported_encoding_names_the_file(utc):
    path = FIXTURES / "unsupported-encoding.parquet"
    with pytest.raises(Exception) as e:
        utc.read.parquet(str(path)).collect()
    assert str(path) in str(e.value)
    assert "BIT_PACKED" in str(e.value)


def test_binary_as_string(utc, tmp_path):
    f = tmp_path / "bin.parquet"
    pq.write_table(pa.table({"b": pa.array([b"abc", None], pa.binary())}), f)
    assert utc.read.parquet(str(f)).collect() == [Row(b=bytearray(b"abc")), Row(b=None)]
    utc.conf.set("spark.sql.parquet.binaryAsString", "true")
    try:
        df = utc.read.parquet(str(f))
        assert df.dtypes == [("b", "string")]
        assert df.collect() == [Row(b="abc"), Row(b=None)]
    finally:
        utc.conf.set("spark.sql.parquet.binaryAsString", "false")


def test_partitioned_round_trip_and_row_group_splits(utc, tmp_path):
    out = tmp_path / "parts"
    df = utc.range(20000).selectExpr("id", "id % 3 AS k", "CAST(id AS STRING) AS s")
    # A small block size cuts many row groups, which the scan spreads over its tasks.
    df.write.partitionBy("k").option("parquet.block.size", "4096").parquet(str(out))
    files = sorted(glob.glob(str(out / "k=1" / "*.parquet")))
    assert files and pq.ParquetFile(files[0]).metadata.num_row_groups > 1
    back = utc.read.parquet(str(out))
    assert back.columns == ["id", "s", "k"]
    assert back.where("k = 1").count() == len([i for i in range(20000) if i % 3 == 1])
    assert back.where("id >= 19990").orderBy("id").select("id", "k").collect() == [Row(id=i, k=i % 3) for i in range(19990, 20000)]
    duck = duckdb.connect().execute(f"SELECT count(*), sum(id) FROM read_parquet('{out}/*/*.parquet', hive_partitioning=true) WHERE k = 2").fetchone()
    assert duck == (len([i for i in range(20000) if i % 3 == 2]), sum(i for i in range(20000) if i % 3 == 2))


@pytest.mark.parametrize("codec", ["snappy", "gzip", "brotli", "lz4", "zstd", "none"])
def test_reads_every_codec_pyarrow_writes(utc, tmp_path, codec):
    f = tmp_path / f"{codec}.parquet"
    pq.write_table(pa.table({"id": pa.array(range(5000), pa.int64()), "s": pa.array([f"s{i % 17}" for i in range(5000)])}), f, compression=codec)
    df = utc.read.parquet(str(f))
    assert df.count() == 5000
    assert df.selectExpr("sum(id)", "count(DISTINCT s)").first() == Row(**{"sum(id)": sum(range(5000)), "count(DISTINCT s)": 17})


TS_ROWS = [
    (datetime.datetime(2024, 1, 2, 3, 4, 5, 123456), datetime.datetime(2024, 1, 2, 3, 4, 5, 6), (datetime.datetime(2000, 2, 29, 23, 59, 59),)),
    (None, None, None),
    (datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), datetime.datetime(1970, 1, 1), (None,)),
    (datetime.datetime(1900, 1, 1, 0, 0, 0, 1), datetime.datetime(2262, 4, 11), (datetime.datetime(1970, 1, 1, 0, 0, 0, 1),)),
]
TS_SCHEMA = StructType([StructField("ts", TimestampType()), StructField("ntz", TimestampNTZType()),
                        StructField("st", StructType([StructField("t", TimestampType())]))])


def test_writes_int96_by_default(utc, tmp_path):
    # Spark 4.0.1's spark.sql.parquet.outputTimestampType default is INT96 (TimestampType only;
    # TimestampNTZ is always INT64 micros): pyarrow, DuckDB and tspark read the values back.
    out = tmp_path / "int96"
    utc.createDataFrame(TS_ROWS, TS_SCHEMA).coalesce(1).write.parquet(str(out))
    [f] = _part_files(out)
    pf = pq.ParquetFile(f)
    assert [pf.schema.column(i).physical_type for i in range(3)] == ["INT96", "INT64", "INT96"]
    ntz = json.loads(pf.schema.column(1).logical_type.to_json())
    assert (ntz["Type"], ntz["isAdjustedToUTC"], ntz["timeUnit"]) == ("Timestamp", False, "microseconds")
    assert pf.metadata.row_group(0).column(0).statistics is None or not pf.metadata.row_group(0).column(0).statistics.has_min_max
    t = pq.read_table(f, coerce_int96_timestamp_unit="us")
    assert t.column("ts").to_pylist() == [r[0] for r in TS_ROWS]
    assert t.column("ntz").to_pylist() == [r[1] for r in TS_ROWS]
    assert [x and x["t"] for x in t.column("st").to_pylist()] == [r[2] and r[2][0] for r in TS_ROWS]
    duck = duckdb.connect().execute(f"SELECT CAST(ts AS VARCHAR) FROM read_parquet('{f}')").fetchall()
    assert [d[0] for d in duck] == ["2024-01-02 03:04:05.123456", None, "1969-12-31 23:59:59.999999", "1900-01-01 00:00:00.000001"]
    back = utc.read.parquet(str(out)).collect()
    assert [tuple(r) for r in back] == [(r[0], r[1], None if r[2] is None else Row(t=r[2][0])) for r in TS_ROWS]


@pytest.mark.parametrize("kind,unit", [("TIMESTAMP_MICROS", "MICROS"), ("TIMESTAMP_MILLIS", "MILLIS")])
def test_output_timestamp_type_int64(utc, tmp_path, kind, unit):
    out = tmp_path / kind
    utc.conf.set("spark.sql.parquet.outputTimestampType", kind)
    try:
        utc.createDataFrame(TS_ROWS[:2], TS_SCHEMA).coalesce(1).write.parquet(str(out))
    finally:
        utc.conf.unset("spark.sql.parquet.outputTimestampType")
    [f] = _part_files(out)
    pf = pq.ParquetFile(f)
    assert pf.schema.column(0).physical_type == "INT64" and unit.lower() in pf.schema.column(0).logical_type.to_json().lower()
    # TimestampNTZ stays micros whatever the setting
    assert "microseconds" in pf.schema.column(1).logical_type.to_json()


def test_interval_columns_as_spark_writes_them(utc, tmp_path):
    # a file PySpark 4.0.1 wrote: bare INT32 / INT64, typed again from Spark's footer schema
    spark_file = FIXTURES / "spark-intervals.snappy.parquet"
    df = utc.read.parquet(str(spark_file))
    assert [f.dataType.simpleString() for f in df.schema.fields] == [
        "int", "interval year to month", "interval day to second", "array<interval month>", "struct<x:interval day>"]
    assert [r["dt"] for r in df.orderBy("id").select("dt").collect()] == [
        -datetime.timedelta(days=3, hours=4, minutes=5, seconds=6.789), datetime.timedelta(0), datetime.timedelta(days=3, hours=4, minutes=5, seconds=6.789)]
    # tspark writes the same physical layout, which pyarrow and DuckDB read as plain integers
    out = tmp_path / "iv"
    utc.sql(SPARK_FIXTURES.INTERVALS_SQL).write.parquet(str(out))
    for f in _part_files(out):
        written = pq.read_schema(f)
        assert str(written.field("ym").type) == "int32" and str(written.field("dt").type) == "int64"
        # the same physical types as Spark's file (nullability aside: tspark infers `dt` nullable)
        def physical(schema):
            return str(schema.remove_metadata()).replace(" not null", "")
        assert physical(pq.read_schema(spark_file)) == physical(written)
    got = sorted(pq.read_table(str(out)).to_pylist(), key=lambda r: r["id"])
    assert [(r["ym"], r["dt"]) for r in got] == [(14, -273906789000), (None, 0), (42, 273906789000)]
    assert duckdb.sql(f"SELECT sum(dt), sum(ym) FROM '{out}/*.parquet'").fetchall() == [(0, 56)]
    back = utc.read.parquet(str(out)).orderBy("id")
    assert back.schema == df.schema
    assert back.selectExpr("CAST(ym AS STRING)", "CAST(st.x AS STRING)").collect() == df.orderBy("id").selectExpr("CAST(ym AS STRING)", "CAST(st.x AS STRING)").collect()
