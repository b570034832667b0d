"""Setup the golden cases share, so that no case copies it: the session, and the helpers that
print an error as both PySpark and tspark show it. A case imports it by name (``from _fixtures
import golden_session, sql_reporter``): Python puts the case's own directory on sys.path, and
so does tspark-submit. Files whose name starts with ``_`` are no cases: record_goldens.py and
tests/e2e/test_goldens.py skip them."""
import re
import tempfile


def golden_session(warehouse: bool = False):
    """The cases' session (app name "golden"); ``warehouse``: tables go to a fresh temp directory."""
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("golden")
    if warehouse:
        builder = builder.config("spark.sql.warehouse.dir", tempfile.mkdtemp())
    return builder.getOrCreate()


def sql_reporter(spark):
    """``report(q)``: runs SQL text, printing "no error" or the exception's class, condition and message."""
    def report(q):
        try:
            spark.sql(q).collect()
            print("no error")
        except Exception as e:
            print(type(e).__name__, e.getCondition())
            print(str(e))
    return report


def attempt(label, f):
    """Runs ``f``, printing "no error" or the exception's class and first line. The SQL text position
    (`; line 1 pos 7`) is left out: tspark's SQL errors do not carry it everywhere yet."""
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0].split("; line ")[0].rstrip(";"))


def attempt_condition(label, f):
    """Runs ``f``, printing "no error" or only the ``[CONDITION] message`` it raised: errors raised while
    rows are computed (or, for a bad collation name, while the expression is built) reach PySpark
    wrapped in a Py4JJavaError; both name the condition."""
    try:
        f()
        print(label, "no error")
    except Exception as e:
        found = re.search(r"\[([A-Z_.]+)\] [^\n]*", str(e))
        print(label, "error", found.group(0).split(" SQLSTATE")[0] if found else None)
