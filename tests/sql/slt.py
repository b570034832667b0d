"""sqllogictest files for Spark SQL: parse, run, format, and (on real PySpark) record.

A file is a `# name:` / `# description:` header, then records separated by blank lines:

    statement ok
    CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(a, b)

    statement error TABLE_OR_VIEW_NOT_FOUND
    SELECT * FROM nope

    query rowsort
    SELECT a, b FROM t
    ----
    1	a

`query` compares rows in order, `query rowsort` after sorting them; values are tab-separated in
the canonical text `format_value` gives (NULL, true/false, Python's float repr). `statement
error X` expects an exception whose error class is X. The expected parts are written by
`record_slt.py` from real PySpark 4.0.1, never by hand. The same module runs on tspark's client
(tests/e2e/test_slt.py); ts-engine/test/sql/slt.test.ts runs the files through the Node API.
"""
from __future__ import annotations

import dataclasses
import datetime
import decimal
import math
import pathlib
from typing import Any, List, Optional

ROOT = pathlib.Path(__file__).resolve().parent


@dataclasses.dataclass
class Record:
    """One statement or query of a file, with what it must give."""

    kind: str  # "statement" | "query"
    sql: str
    expect_error: Optional[str] = None  # statement error's class ("" = not recorded yet)
    rowsort: bool = False
    rows: Optional[List[str]] = None  # query's expected lines
    line: int = 0


@dataclasses.dataclass
class SltFile:
    """A parsed file: its header lines and records."""

    path: pathlib.Path
    header: List[str]
    records: List[Record]


def files() -> List[pathlib.Path]:
    """Every .slt file under tests/sql, sorted."""
    return sorted(ROOT.glob("*/*.slt"))


def parse(path: pathlib.Path) -> SltFile:
    """Reads a file into its header and records."""
    lines = path.read_text().split("\n")
    header: List[str] = []
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        header.append(lines[i])
        i += 1
    records: List[Record] = []
    while i < len(lines):
        line = lines[i]
        if line.strip() == "" or line.startswith("#"):
            i += 1
            continue
        start = i + 1
        words = line.split()
        i += 1
        body: List[str] = []
        while i < len(lines) and lines[i].strip() != "" and lines[i] != "----":
            body.append(lines[i])
            i += 1
        sql = "\n".join(body)
        if words[0] == "statement":
            if words[1] == "ok":
                records.append(Record("statement", sql, line=start))
            elif words[1] == "error":
                records.append(Record("statement", sql, expect_error=" ".join(words[2:]), line=start))
            else:
                raise ValueError("%s:%d: unknown statement form %r" % (path, start, line))
        elif words[0] == "query":
            rows: Optional[List[str]] = None
            if i < len(lines) and lines[i] == "----":
                i += 1
                rows = []
                while i < len(lines) and lines[i] != "":
                    rows.append(lines[i])
                    i += 1
            records.append(Record("query", sql, rowsort="rowsort" in words[1:], rows=rows, line=start))
        else:
            raise ValueError("%s:%d: unknown record %r" % (path, start, line))
    return SltFile(path, header, records)


def write(f: SltFile) -> None:
    """Writes a file back (the recorder's output)."""
    out: List[str] = list(f.header)
    for r in f.records:
        out.append("")
        if r.kind == "statement":
            out.append("statement ok" if r.expect_error is None else "statement error %s" % r.expect_error)
            out.append(r.sql)
        else:
            out.append("query rowsort" if r.rowsort else "query")
            out.append(r.sql)
            out.append("----")
            out.extend(r.rows or [])
    f.path.write_text("\n".join(out) + "\n")


def _text(s: str) -> str:
    if s == "":
        return "(empty)"
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def format_value(v: Any) -> str:
    """A value's canonical text: NULL, true/false, Python's float repr, ISO dates, repr of nested values."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    if isinstance(v, (int, decimal.Decimal)):
        return str(v)
    if isinstance(v, str):
        return _text(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    return _text(repr(v))


def format_row(row: Any) -> str:
    """A row's values, tab-separated."""
    return "\t".join(format_value(v) for v in row)


def error_class(e: BaseException) -> Optional[str]:
    """The Spark error class of an exception from PySpark or tspark."""
    get = getattr(e, "getCondition", None) or getattr(e, "getErrorClass", None)
    return get() if get is not None else None


def run_record(spark: Any, r: Record) -> tuple[Optional[str], Optional[List[str]]]:
    """Runs one record: (error class or None, result lines for a query)."""
    try:
        df = spark.sql(r.sql)
        if r.kind == "statement":
            return None, None
        lines = [format_row(row) for row in df.collect()]
    except Exception as e:  # noqa: BLE001 - every failure is an outcome to compare
        return error_class(e) or type(e).__name__, None
    if r.rowsort:
        lines.sort()
    return None, lines


def reset(spark: Any) -> None:
    """A clean catalog for the next file: its temp views, tables and databases dropped, `default` current."""
    spark.sql("USE default")
    for t in spark.catalog.listTables():
        if t.isTemporary:
            spark.catalog.dropTempView(t.name)
        elif t.tableType == "VIEW":
            spark.sql("DROP VIEW IF EXISTS `%s`" % t.name)
        else:
            spark.sql("DROP TABLE IF EXISTS `%s`" % t.name)
    for d in spark.catalog.listDatabases():
        if d.name != "default":
            spark.sql("DROP DATABASE IF EXISTS `%s` CASCADE" % d.name)


def check_file(spark: Any, path: pathlib.Path) -> List[str]:
    """Runs a file; one message per record whose outcome differs from the recorded one."""
    f = parse(path)
    problems: List[str] = []
    for r in f.records:
        err, lines = run_record(spark, r)
        where = "%s:%d" % (path.relative_to(ROOT.parent.parent), r.line)
        if r.expect_error is not None:
            if err != r.expect_error:
                problems.append("%s: expected error %s, got %s" % (where, r.expect_error, err or "success"))
        elif err is not None:
            problems.append("%s: unexpected error %s" % (where, err))
        elif r.kind == "query" and lines != r.rows:
            problems.append("%s: rows differ\n  expected %r\n  got      %r" % (where, r.rows, lines))
    return problems


def record_file(spark: Any, path: pathlib.Path) -> int:
    """Runs a file on the engine at hand (real PySpark) and writes its outcomes; returns the record count."""
    f = parse(path)
    for r in f.records:
        err, lines = run_record(spark, r)
        if r.kind == "statement":
            r.expect_error = err
        elif err is not None:
            # a query that fails is recorded as a statement error
            r.kind, r.expect_error, r.rows = "statement", err, None
        else:
            r.rows = lines
    write(f)
    return len(f.records)
