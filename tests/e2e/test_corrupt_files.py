"""Corrupt files of every format the readers support (issue 11 §5, issue 7's bad input): truncated
and garbled CSV, JSON, Parquet, text, XML, gzip and bzip2 files, zero-byte files, and directories
where one bad file sits among good ones. Each read gives what PySpark 4.0.1 gives for the same
bytes: the rows (Spark's PERMISSIVE / DROPMALFORMED / FAILFAST modes, ignoreCorruptFiles), or the
exception's class and error condition; and the engine keeps serving after each.

The expectations were recorded on PySpark 4.0.1. To check them there again, run this file with an
interpreter that has pyspark (`/work/pyspark-venv/bin/python tests/e2e/test_corrupt_files.py`):
every case runs on classic PySpark and is compared the same way. Classic PySpark raises a task's
failure as a Py4JJavaError; its Java exception chain is searched for the first exception with an
error condition, whose class's simple name is what tspark's exception is named.

Where tspark differs (stated at the case): a bzip2 file with garbage after its magic fails where
Hadoop's decoder reads it as empty.
"""
from __future__ import annotations

import bz2
import gzip
import os
import pathlib
import shutil
import sys
from typing import Any, Callable, Dict, List, Tuple

try:
    import pytest
except ImportError:  # run as a script under PySpark's interpreter (see above)
    pytest = None  # type: ignore[assignment]

LINES = "".join("line %d\n" % i for i in range(2000))


def _write(path: pathlib.Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def _good_parquet(spark, d: pathlib.Path) -> bytes:
    out = d / "pq_src"
    spark.range(100).selectExpr("id", "CAST(id AS STRING) AS s").coalesce(1).write.parquet(str(out))
    (part,) = [p for p in out.iterdir() if p.name.endswith(".parquet")]
    return part.read_bytes()


def _error(e: BaseException) -> Tuple[str, Any]:
    """(exception class, error condition): tspark's own, or the first conditioned Java exception of a Py4JJavaError."""
    j = getattr(e, "java_exception", None)
    if j is not None and hasattr(j, "getClass"):
        t = j
        while t is not None:
            cond = t.getCondition() if hasattr(t, "getCondition") else None
            if cond:
                return (t.getClass().getSimpleName(), cond)
            t = t.getCause()
        return (j.getClass().getSimpleName(), None)
    cond = e.getCondition() if hasattr(e, "getCondition") else None
    return (type(e).__name__, cond)


def _outcome(fn: Callable[[], Any]) -> Any:
    try:
        got = fn()
    except Exception as e:  # noqa: BLE001 - the exception is the outcome
        return _error(e)
    return [tuple(r) for r in got] if isinstance(got, list) else got


def _cases(spark, d: pathlib.Path) -> Dict[str, Tuple[Callable[[], Any], Any]]:
    """Name -> (read, what PySpark 4.0.1 gives)."""
    def r():  # noqa: E306
        return spark.read  # a fresh reader each time: a reader keeps its schema and options
    cases: Dict[str, Tuple[Callable[[], Any], Any]] = {}
    fail_read = ("SparkException", "FAILED_READ_FILE.NO_HINT")

    # CSV: ragged rows under the three modes, bytes that are not UTF-8, an unterminated quote
    ragged = _write(d / "csv/ragged.csv", "a,b\n1,2\n3\n4,5,6\nx,7\n")
    schema = "a INT, b INT, _corrupt_record STRING"
    cases["csv ragged PERMISSIVE"] = (lambda: r().schema(schema).csv(ragged, header=True).collect(),
                                      [(1, 2, None), (3, None, "3"), (4, 5, "4,5,6"), (None, 7, "x,7")])
    cases["csv ragged DROPMALFORMED"] = (lambda: r().schema(schema).csv(ragged, header=True, mode="DROPMALFORMED").collect(), [(1, 2, None)])
    cases["csv ragged FAILFAST"] = (lambda: r().schema(schema).csv(ragged, header=True, mode="FAILFAST").collect(), fail_read)
    bad_utf8 = _write(d / "csv/badutf8.csv", b"a,b\n1,\xff\xfe\n2,ok\n")
    cases["csv bad UTF-8"] = (lambda: r().csv(bad_utf8, header=True).collect(), [("1", "\ufffd\ufffd"), ("2", "ok")])
    cut_quote = _write(d / "csv/trunc.csv", 'a,b\n1,"abc\n')
    cases["csv cut inside a quote"] = (lambda: r().csv(cut_quote, header=True).collect(), [("1", "abc")])
    cases["csv cut inside a quote, multiLine"] = (lambda: r().csv(cut_quote, header=True, multiLine=True).collect(), [("1", "abc\n")])
    empty_csv = _write(d / "csv/empty.csv", b"")
    cases["csv zero bytes, inferred"] = (lambda: (r().csv(empty_csv).schema.simpleString(), r().csv(empty_csv).count()), ("struct<>", 0))
    cases["csv zero bytes, schema"] = (lambda: r().schema("a INT").csv(empty_csv).collect(), [])

    # JSON: a record cut in the middle, line-delimited and multiLine
    cut_json = _write(d / "json/trunc.json", '{"a":1}\n{"a":2,"b":\n')
    js = "a INT, b INT, _corrupt_record STRING"
    cases["json cut, inferred"] = (lambda: (r().json(cut_json).schema.simpleString(), r().json(cut_json).collect()),
                                   ("struct<_corrupt_record:string,a:bigint>", [(None, 1), ('{"a":2,"b":', None)]))
    cases["json cut PERMISSIVE"] = (lambda: r().schema(js).json(cut_json).collect(), [(1, None, None), (None, None, '{"a":2,"b":')])
    cases["json cut DROPMALFORMED"] = (lambda: r().schema(js).json(cut_json, mode="DROPMALFORMED").collect(), [(1, None, None)])
    cases["json cut FAILFAST"] = (lambda: r().schema(js).json(cut_json, mode="FAILFAST").collect(), fail_read)
    cut_doc = _write(d / "json/trunc_ml.json", '[{"a":1},{"a":')
    cases["json cut multiLine FAILFAST"] = (lambda: r().schema("a INT").json(cut_doc, multiLine=True, mode="FAILFAST").collect(), fail_read)
    empty_json = _write(d / "json/empty.json", b"")
    cases["json zero bytes, inferred"] = (lambda: (r().json(empty_json).schema.simpleString(), r().json(empty_json).count()), ("struct<>", 0))

    # text
    empty_txt = _write(d / "text/empty.txt", b"")
    cases["text zero bytes"] = (lambda: r().text(empty_txt).collect(), [])

    # Parquet: cut in half, garbled pages, zero bytes, not Parquet at all; one bad file among good
    data = _good_parquet(spark, d)
    footer = ("SparkException", "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER")
    half = _write(d / "pq/trunc.parquet", data[: len(data) // 2])
    cases["parquet cut, inferred"] = (lambda: r().parquet(half).collect(), footer)
    cases["parquet cut, schema"] = (lambda: r().schema("id BIGINT, s STRING").parquet(half).collect(), fail_read)
    garbled = bytearray(data)
    for i in range(8, len(data) // 2):
        garbled[i] = 0xAB
    garbled_path = _write(d / "pq/garbled.parquet", bytes(garbled))
    cases["parquet garbled pages"] = (lambda: r().parquet(garbled_path).collect(), fail_read)
    empty_pq = _write(d / "pq/empty.parquet", b"")
    cases["parquet zero bytes, inferred"] = (lambda: r().parquet(empty_pq).collect(), footer)
    cases["parquet zero bytes, schema"] = (lambda: r().schema("id BIGINT").parquet(empty_pq).collect(), [])
    not_pq = _write(d / "pq/notparquet.parquet", b"hello world, this is not parquet at all")
    cases["parquet not Parquet"] = (lambda: r().parquet(not_pq).collect(), footer)
    mixed = d / "pq_mixed"
    _write(mixed / "a-good.parquet", data)
    _write(mixed / "b-bad.parquet", data[: len(data) // 2])
    cases["parquet dir, one bad"] = (lambda: r().parquet(str(mixed)).count(), fail_read)
    cases["parquet dir, one bad, ignoreCorruptFiles"] = (lambda: r().option("ignoreCorruptFiles", True).parquet(str(mixed)).count(), 100)
    cases["parquet dir, one bad, schema, ignoreCorruptFiles"] = (lambda: r().schema("id BIGINT").option("ignoreCorruptFiles", True).parquet(str(mixed)).count(), 100)
    cases["parquet dir, one bad, mergeSchema, ignoreCorruptFiles"] = (
        lambda: r().option("mergeSchema", True).option("ignoreCorruptFiles", True).parquet(str(mixed)).count(), 100)
    bad_first = d / "pq_bad_first"
    _write(bad_first / "b-good.parquet", data)
    _write(bad_first / "a-bad.parquet", data[: len(data) // 2])
    cases["parquet dir, bad file first, ignoreCorruptFiles"] = (
        lambda: r().option("ignoreCorruptFiles", True).parquet(str(bad_first)).count(), ("AnalysisException", "UNABLE_TO_INFER_SCHEMA"))

    def with_conf_ignore() -> int:
        spark.conf.set("spark.sql.files.ignoreCorruptFiles", "true")
        try:
            return r().parquet(str(mixed)).count()
        finally:
            spark.conf.unset("spark.sql.files.ignoreCorruptFiles")

    cases["parquet dir, one bad, spark.sql.files.ignoreCorruptFiles"] = (with_conf_ignore, 100)

    # XML: cut inside a row, a mismatched tag
    cut_xml = _write(d / "xml/trunc.xml", "<rows><row><a>1</a></row><row><a>2</a></row><row><a>3")
    xs = "a INT, _corrupt_record STRING"
    cases["xml cut, inferred"] = (lambda: (r().option("rowTag", "row").xml(cut_xml).schema.simpleString(), r().option("rowTag", "row").xml(cut_xml).collect()),
                                  ("struct<_corrupt_record:string,a:bigint>", [(None, 1), (None, 2), ("<row><a>3", None)]))
    cases["xml cut PERMISSIVE"] = (lambda: r().option("rowTag", "row").schema(xs).xml(cut_xml).collect(), [(1, None), (2, None), (None, "<row><a>3")])
    cases["xml cut DROPMALFORMED"] = (lambda: r().option("rowTag", "row").option("mode", "DROPMALFORMED").schema(xs).xml(cut_xml).collect(), [(1, None), (2, None)])
    cases["xml cut FAILFAST"] = (lambda: r().option("rowTag", "row").option("mode", "FAILFAST").schema(xs).xml(cut_xml).collect(), fail_read)
    mismatched = _write(d / "xml/garbled.xml", "<rows><row><a>1</b></row><row><a>2</a></row></rows>")
    cases["xml mismatched tag"] = (lambda: r().option("rowTag", "row").schema(xs).xml(mismatched).collect(), [(None, "<row><a>1</b></row>"), (2, None)])
    empty_xml = _write(d / "xml/empty.xml", b"")
    cases["xml zero bytes"] = (lambda: r().option("rowTag", "row").schema("a INT").xml(empty_xml).collect(), [])

    # gzip and bzip2: cut in half, garbage, zero bytes
    gz = gzip.compress(LINES.encode())
    cut_gz = _write(d / "gz/cut.txt.gz", gz[: len(gz) // 2])
    cases["gzip cut"] = (lambda: r().text(cut_gz).count(), fail_read)
    cases["gzip cut, csv"] = (lambda: r().csv(cut_gz).count(), fail_read)
    cases["gzip cut, ignoreCorruptFiles keeps the lines before the cut"] = (lambda: r().option("ignoreCorruptFiles", True).text(cut_gz).count(), 990)
    not_gz = _write(d / "gz2/garbage.txt.gz", b"this is not gzip data at all\n" * 10)
    cases["gzip garbage"] = (lambda: r().text(not_gz).count(), fail_read)
    cases["gzip garbage, ignoreCorruptFiles"] = (lambda: r().option("ignoreCorruptFiles", True).text(not_gz).count(), 0)
    empty_gz = _write(d / "gz3/empty.txt.gz", b"")
    cases["gzip zero bytes"] = (lambda: r().text(empty_gz).count(), 0)
    b = bz2.compress(LINES.encode())
    cut_bz = _write(d / "bz/cut.txt.bz2", b[: len(b) // 2])
    cases["bzip2 cut"] = (lambda: r().text(cut_bz).count(), fail_read)
    cases["bzip2 cut, ignoreCorruptFiles"] = (lambda: r().option("ignoreCorruptFiles", True).text(cut_bz).count(), 0)
    empty_bz = _write(d / "bz3/empty.txt.bz2", b"")
    cases["bzip2 zero bytes"] = (lambda: r().text(empty_bz).count(), 0)

    # a directory of JSON files, one of them a cut gzip
    mj = d / "json_mixed"
    _write(mj / "a.json.gz", gzip.compress(b'{"a":1}\n{"a":2}\n'))
    g2 = gzip.compress(b"".join(b'{"a":%d}\n' % i for i in range(1000)))
    _write(mj / "b.json.gz", g2[: len(g2) // 2])
    _write(mj / "c.json", b'{"a":3}\n')
    small = [(0,), (1,), (1,), (2,), (2,), (3,), (3,), (4,)]
    cases["json dir, one cut gzip"] = (lambda: r().schema("a INT").json(str(mj)).count(), fail_read)
    cases["json dir, one cut gzip, ignoreCorruptFiles"] = (
        lambda: r().schema("a INT").option("ignoreCorruptFiles", True).json(str(mj)).where("a < 5").orderBy("a").collect(), small)
    cases["json dir, one cut gzip, inferred, ignoreCorruptFiles"] = (
        lambda: r().option("ignoreCorruptFiles", True).json(str(mj)).where("a < 5").orderBy("a").collect(), small)

    # Avro is a separate module in Spark, and tspark has no Avro source
    cases["avro"] = (lambda: r().format("avro").load(str(d / "csv")).collect(), ("AnalysisException", "_LEGACY_ERROR_TEMP_1139"))
    return cases


def _check(spark, d: pathlib.Path) -> List[str]:
    """Every case's mismatch (empty when all agree); the session must answer after each."""
    wrong = []
    for name, (fn, want) in _cases(spark, d).items():
        got = _outcome(fn)
        if got != want:
            wrong.append("%s: got %r, want %r" % (name, got, want))
        assert spark.range(3).count() == 3, "the engine stopped serving after " + name
    return wrong


def test_corrupt_files_read_as_pyspark_reads_them(spark, tmp_path: pathlib.Path):
    assert _check(spark, tmp_path) == []


def test_a_corrupt_file_fails_only_its_query_and_names_the_file(spark, tmp_path: pathlib.Path):
    cut = _write(tmp_path / "bad" / "cut.txt.gz", gzip.compress(LINES.encode())[:100])
    good = _write(tmp_path / "good.txt", LINES)
    with pytest.raises(Exception, match="FAILED_READ_FILE.*cut.txt.gz"):
        spark.read.text(cut).count()
    assert spark.read.text(good).count() == 2000
    # the lines before the cut are kept, as Spark's FileScanRDD keeps what it read
    got = [r.value for r in spark.read.option("ignoreCorruptFiles", True).text([cut, good]).collect()]
    assert sorted(got) == sorted(LINES.splitlines() + LINES.splitlines()[: len(got) - 2000])


if __name__ == "__main__":
    # The same cases on classic PySpark (see the module's doc comment).
    import tempfile

    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    session.sparkContext.setLogLevel("OFF")
    tmp = pathlib.Path(tempfile.mkdtemp())
    try:
        mismatches = _check(session, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(mismatches) or "all cases agree with PySpark", file=sys.stderr)
    os._exit(1 if mismatches else 0)
