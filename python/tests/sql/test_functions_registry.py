"""The function name is the contract (STYLE habit 11): the client's ``functions.__all__``, the
Node API's ``functions`` exports and the engine registry (``registeredFunctionNames``) name the
same functions. Each difference is listed below with its reason; a new registry entry needs a
one-line wrapper in ``python/tspark/sql/functions/_<family>.py`` and in
``ts-engine/src/api/functions-<family>.ts``, and a new wrapper needs its registry entry."""
import importlib
import inspect
import json
import pathlib
import re
import shutil
import subprocess

import pytest

from tspark.sql import functions as F
from tspark.sql.functions import builtin

DIST = pathlib.Path(__file__).resolve().parents[3] / "ts-engine" / "dist"
REGISTRY = DIST / "expr" / "functions" / "registry.js"
NODE_FUNCTIONS = DIST / "api" / "functions.js"

#: Client names that call no registry function: they build an attribute, a literal, a parsed
#: SQL string, a CASE WHEN or a sort order themselves, call any function by name
#: (call_function), (udf) wrap a pickled Python function, or (broadcast) put a hint on a frame's plan.
CLIENT_ONLY = {
    "col", "column", "lit", "expr", "when", "udf", "pandas_udf", "call_function", "broadcast",
    # udtf wraps a pickled Python class; call_udf calls a registered function by name
    "udtf", "call_udf",
    "asc", "asc_nulls_first", "asc_nulls_last", "desc", "desc_nulls_first", "desc_nulls_last",
    # partition transforms: only writeTo(t).partitionedBy reads them (the engine's
    # plan/partition-transform.ts); Spark's SQL has no such function (UNRESOLVED_ROUTINE)
    "years", "months", "days", "hours", "bucket",
}

#: PySpark spellings that call a registry function under another name (as PySpark's own
#: wrappers do): the DISTINCT forms are count/sum over DISTINCT input, negate is negative,
#: and the deprecated camel-case names call their snake-case successors.
SPELLINGS = {
    "countDistinct": "count", "count_distinct": "count",
    "sumDistinct": "sum", "sum_distinct": "sum",
    "negate": "negative",
    # collections: PySpark's create_map is Spark's map; the _distinct forms are DISTINCT input
    "create_map": "map", "listagg_distinct": "listagg", "string_agg_distinct": "string_agg",
    "toDegrees": "degrees", "toRadians": "radians", "bitwiseNOT": "bitwise_not",
    "shiftLeft": "shiftleft", "shiftRight": "shiftright", "shiftRightUnsigned": "shiftrightunsigned",
}

#: Registry names that are no ``functions`` wrapper: operators, which Column methods and SQL
#: syntax reach (``a + b``, ``a.eqNullSafe(b)``, ``a.isin(…)``, ``a[k]``, ``a.b``,
#: ``a.try_cast(t)``, ``~a``), and SQL-only functions PySpark has no wrapper for (chr, len,
#: luhn_check, uuid).
ENGINE_ONLY = {
    "%", "&", "*", "+", "-", "/", "<", "<=", "<=>", "==", ">", ">=", "^", "|",
    "and", "or", "not", "in", "between", "div", "unary_minus",
    "get_field", "get_item", "try_cast", "update_fields",
    # SQL-only spellings: PySpark's wrappers are timestamp_add / timestamp_diff.
    "timestampadd", "timestampdiff",
    # what a pivot of numeric aggregates runs (one pass over slots, where Spark plans PivotFirst): no SQL name
    "pivot_agg",
    # collections: SQL's map (PySpark's create_map) and any (a SQL-only spelling of bool_or)
    "map", "any",
    "chr", "len", "luhn_check", "uuid",
    # what date/timestamp ± interval resolves to (Spark's DateAddYMInterval, TimestampAddInterval,
    # ExtractANSIIntervalDays): reached through `+`/`-`, never called by name
    "datetime_plus_interval", "datetime_minus_interval", "extractansiintervaldays",
    # calendar interval × ÷ number (Spark's MultiplyInterval / DivideInterval): reached through `*`, `/`
    "multiply_interval", "divide_interval",
    # Spark's ReplicateRows, which exceptAll / intersectAll plan (RewriteExceptAll): no SQL name
    "replicaterows",
    # Spark's LikeAny / LikeAll / NotLikeAny / NotLikeAll, which `x [NOT] LIKE ANY|ALL (…)` builds: no SQL name
    "likeany", "likeall", "notlikeany", "notlikeall",
    # Spark's AtLeastNNonNulls, which df.na.drop / dropna filter on: no SQL name
    "atleastnnonnulls",
    # Spark's QuantileSummaries behind df.approxQuantile (StatFunctions.multipleApproxQuantiles): no SQL name
    "approx_quantile_summary",
    # Spark's CollectFrequentItems behind df.freqItems: no SQL name
    "collect_frequent_items",
    # Spark's PreciseTimestampConversion and KnownNullable, which the time-window rewrite builds: no SQL name
    "precisetimestampconversion", "knownnullable",
    # Spark's MergingSessionsExec as a window function over a session-window aggregate's partial rows: no SQL name
    "merge_sessions",
    # pyspark.ml.functions' vector conversions and the kernels ML transforms run as (tspark.ml):
    # Spark runs them as Scala UDFs, with no SQL name
    "vector_to_array", "array_to_vector", "vector_assemble", "ml_linear_predict", "ml_affine",
    "ml_linear_regression", "ml_feature_summary", "ml_one_hot",
}

#: Wrappers whose engine part is still being built (none now; the staleness test keeps it honest).
AWAITING_ENGINE: set = set()

#: Node exports that are no PySpark function: helpers the Node API's own modules share.
NODE_HELPERS = {"attributeExpr", "toColumn"}
#: PySpark functions the Node API lacks, with the reason: Node has no pandas (its `udf` takes JS functions)
#: and no Python classes to make UDTFs of.
NODE_MISSING = {"pandas_udf", "udtf"}


def _node_json(code):
    if shutil.which("node") is None or not REGISTRY.exists() or not NODE_FUNCTIONS.exists():
        pytest.skip("engine not built")
    out = subprocess.run(["node", "--input-type=module", "-e", code], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        pytest.fail("engine module did not load: %s" % out.stderr[-300:])
    return json.loads(out.stdout)


def engine_names():
    return set(_node_json("import(%s).then(m => console.log(JSON.stringify(m.registeredFunctionNames())))"
                          % json.dumps(REGISTRY.as_uri())))


def node_names():
    return set(_node_json(
        "import(%s).then(m => console.log(JSON.stringify(Object.keys(m).filter(k => typeof m[k] === 'function'))))"
        % json.dumps(NODE_FUNCTIONS.as_uri())))


def families():
    return [importlib.import_module(m.__module__) for m in {getattr(builtin, n) for n in builtin.__all__}]


def invoked_names():
    src = "".join(inspect.getsource(m) for m in set(families()))
    return set(re.findall(r'invoke(?:_distinct|_with_literals)?\("([A-Za-z_0-9]+)"', src)) | \
        set(re.findall(r'E\.function\("([A-Za-z_0-9]+)"', src))


def test_builtin_all_concatenates_the_families():
    assert F.__all__ == builtin.__all__
    assert len(builtin.__all__) == len(set(builtin.__all__)), "a name is defined in two families"
    for m in set(families()):
        assert m.__name__.startswith("tspark.sql.functions._"), m.__name__
        assert set(m.__all__) <= set(builtin.__all__), m.__name__


def test_every_client_wrapper_is_a_registry_function():
    engine = engine_names()
    names = set(builtin.__all__) - CLIENT_ONLY
    direct = {n for n in names if n not in SPELLINGS}
    assert sorted(direct - engine - AWAITING_ENGINE) == []
    assert sorted({SPELLINGS[n] for n in names & set(SPELLINGS)} - engine) == []
    assert sorted(invoked_names() - engine - AWAITING_ENGINE) == []


def test_every_registry_function_has_a_client_wrapper():
    assert sorted(engine_names() - ENGINE_ONLY - set(builtin.__all__)) == []


def test_node_functions_match_the_client():
    node = node_names() - NODE_HELPERS
    client = set(builtin.__all__) - NODE_MISSING
    assert sorted(client - node) == [], "PySpark functions the Node API lacks"
    assert sorted(node - client) == [], "Node functions the Python client lacks"


def test_the_exception_lists_are_not_stale():
    engine = engine_names()
    assert sorted(ENGINE_ONLY - engine) == []
    assert sorted(AWAITING_ENGINE & engine) == [], "now registered: remove from AWAITING_ENGINE"
    assert sorted((CLIENT_ONLY | set(SPELLINGS)) - set(builtin.__all__)) == []
