"""Compressed text, CSV and JSON inputs and outputs (issue 7): files PySpark 4.0.1 wrote with
each Hadoop codec (tests/fixtures/compressed, made by make_compressed_fixtures.py) read by
tspark, zstd files DuckDB writes read and the reverse, tspark's own compressed output read back,
sc.textFile over compressed files, and truncated files failing with the file's name."""
from __future__ import annotations

import pathlib

import pytest

from tspark.sql import Row

duckdb = pytest.importorskip("duckdb")

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "compressed"
CODECS = {"bzip2": ".bz2", "deflate": ".deflate", "gzip": ".gz", "lz4": ".lz4", "snappy": ".snappy"}
N = 3000


def _value(i: int) -> str:
    return "line %d %s" % (i, "x" * (i % 50))


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_reads_text_csv_json_pyspark_compressed(spark, codec):
    ext = CODECS[codec]
    text = spark.read.text(str(FIXTURES / f"spark-text.txt{ext}"))
    assert [r.value for r in text.collect()] == [_value(i) for i in range(N)]
    csv = spark.read.csv(str(FIXTURES / f"spark-csv.csv{ext}"), header=True, inferSchema=True)
    assert [f.dataType.simpleString() for f in csv.schema] == ["int", "string", "double"]
    rows = csv.orderBy("id").collect()
    assert len(rows) == N and rows[7] == Row(id=7, name="name_7", score=1.75)
    js = spark.read.json(str(FIXTURES / f"spark-json.json{ext}"))
    assert [f.name for f in js.schema] == ["id", "name", "score"]
    assert js.selectExpr("sum(id)", "count(DISTINCT name)").first() == (N * (N - 1) // 2, 97)


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_text_file_rdd_reads_compressed_files_whole(spark, codec):
    rdd = spark.sparkContext.textFile(str(FIXTURES / f"spark-text.txt{CODECS[codec]}"), 4)
    assert rdd.getNumPartitions() == 1
    assert rdd.collect() == [_value(i) for i in range(N)]


@pytest.mark.parametrize("codec,ext", [("snappy", ".snappy"), ("lz4", ".lz4"), ("zstd", ".zst"), ("gzip", ".gz"), ("deflate", ".deflate"), ("bzip2", ".bz2")])
def test_writes_compressed_and_reads_back(spark, tmp_path, codec, ext):
    out = tmp_path / codec
    df = spark.range(20000).selectExpr("id", "concat('v', id % 113) AS v")
    df.write.option("compression", codec).csv(str(out))
    parts = sorted(out.glob("part-*"))
    assert parts and all(p.name.endswith(".csv" + ext) for p in parts)
    back = spark.read.csv(str(out), schema="id BIGINT, v STRING")
    assert back.count() == 20000 and back.selectExpr("sum(id)").first()[0] == 20000 * 19999 // 2
    spark.range(500).selectExpr("CAST(id AS STRING) AS value").write.option("compression", codec).text(str(tmp_path / (codec + "_t")))
    assert sorted(int(r.value) for r in spark.read.text(str(tmp_path / (codec + "_t"))).collect()) == list(range(500))


def test_zstd_between_duckdb_and_tspark(spark, tmp_path):
    src = tmp_path / "duck.csv.zst"
    duckdb.connect().execute(
        f"COPY (SELECT i AS k, 'n' || (i % 7) AS name FROM range(50000) t(i)) TO '{src}' (FORMAT csv, HEADER, COMPRESSION zstd)")
    df = spark.read.csv(str(src), header=True, inferSchema=True)
    assert df.count() == 50000 and df.where("name = 'n3'").count() == len([i for i in range(50000) if i % 7 == 3])
    out = tmp_path / "tsp"
    df.write.option("compression", "zstd").option("header", True).csv(str(out))
    got = duckdb.connect().execute(f"SELECT count(*), sum(k) FROM read_csv('{out}/part-*.csv.zst', header=true)").fetchone()
    assert got == (50000, 50000 * 49999 // 2)


def test_bzip2_written_as_libbzip2_streams(spark, tmp_path):
    # bzip2 used to be read-only; now written with libbzip2 as 8.1 MB-input streams one after
    # another, which Python's bz2 (and Hadoop's decoder) read as one file
    import bz2
    rows = 160000
    df = spark.range(rows).selectExpr("CAST(id AS STRING) AS value", "repeat(CAST(id % 97 AS STRING), 20) AS pad").coalesce(1)
    df.write.option("compression", "bzip2").json(str(tmp_path / "b"))
    df.write.json(str(tmp_path / "plain"))
    (part,) = sorted((tmp_path / "b").glob("part-*.json.bz2"))
    (plain,) = sorted((tmp_path / "plain").glob("part-*.json"))
    data = bz2.decompress(part.read_bytes())
    assert len(data) > 9 * 900_000 and data == plain.read_bytes()
    assert part.read_bytes().count(b"BZh9") >= 2  # more than one stream
    back = spark.read.json(str(tmp_path / "b"))
    assert back.count() == rows and back.selectExpr("sum(CAST(value AS BIGINT))").first()[0] == rows * (rows - 1) // 2


@pytest.mark.parametrize("codec", ["bzip2", "snappy", "lz4", "gzip"])
def test_truncated_compressed_file_names_the_file(spark, tmp_path, codec):
    ext = CODECS[codec]
    data = (FIXTURES / f"spark-text.txt{ext}").read_bytes()
    bad = tmp_path / f"cut.txt{ext}"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(Exception) as e:
        spark.read.text(str(bad)).collect()
    assert "cut.txt" in str(e.value)
