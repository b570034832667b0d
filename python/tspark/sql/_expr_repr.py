"""Text of an expression dict for ``repr(Column)``, in PySpark 4's ``Column<'...'>`` style."""
from typing import Any, Dict

from tspark.sql import types as T

_FN_SYMBOL = {"not": "!"}


def _type_sql(dt_json: Any) -> str:
    return T.DataType.fromJson(dt_json).simpleString().upper()


def _literal(e: Dict[str, Any]) -> str:
    v = e.get("value")
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str) and e.get("dataType") == "string":
        return v
    return str(v)


_FRAME_BOUNDS = {"unboundedPreceding": "UNBOUNDED PRECEDING", "unboundedFollowing": "UNBOUNDED FOLLOWING",
                 "currentRow": "CURRENT ROW"}


def _frame_bound(b: Any) -> str:
    """A window frame boundary as PySpark's Column repr shows it: a name, or the bare offset."""
    return _FRAME_BOUNDS.get(b, str(b)) if isinstance(b, str) else str(b)


def expr_repr(e: Dict[str, Any]) -> str:
    """``+(a, 1) AS x``, ``CAST(a AS INT)``, ``a DESC NULLS FIRST`` ... for one expression dict."""
    k = e["kind"]
    if k == "UnresolvedAttribute":
        return ".".join(e["nameParts"])
    if k == "UnresolvedStar":
        return ".".join(list(e.get("target") or []) + ["*"])
    if k == "UnresolvedFunction":
        args = ", ".join(expr_repr(a) for a in e["args"])
        if e["name"] == "count" and [a.get("kind") for a in e["args"]] == ["Literal"] and \
                e["args"][0].get("value") == 1 and e.get("_star"):
            args = "*"
        return "%s(%s)" % (_FN_SYMBOL.get(e["name"], e["name"]), args)
    if k == "ExprString":
        return e["sql"]
    if k == "Literal":
        return _literal(e)
    if k == "Alias":
        return "%s AS %s" % (expr_repr(e["child"]), e["name"])
    if k == "Cast":
        return "CAST(%s AS %s)" % (expr_repr(e["child"]), _type_sql(e["dataType"]))
    if k == "CaseWhen":
        parts = ["CASE"]
        for c, v in e["branches"]:
            parts.append("WHEN %s THEN %s" % (expr_repr(c), expr_repr(v)))
        if "elseValue" in e:
            parts.append("ELSE %s" % expr_repr(e["elseValue"]))
        parts.append("END")
        return " ".join(parts)
    if k == "SortOrder":
        return "%s %s NULLS %s" % (expr_repr(e["child"]), "ASC" if e["ascending"] else "DESC",
                                   "FIRST" if e["nullsFirst"] else "LAST")
    if k == "PythonUDF":
        return "%s(%s)" % (e["name"], ", ".join(expr_repr(a) for a in e["args"]))
    if k == "LambdaFunction":
        return "lambdafunction(%s)" % ", ".join(
            [expr_repr(e["function"])] + [expr_repr(a) for a in e["arguments"]])
    if k == "UnresolvedNamedLambdaVariable":
        return ".".join(e["nameParts"])
    if k == "Window":
        spec = []
        if e["partitionSpec"]:
            spec.append("PARTITION BY " + ", ".join(expr_repr(p) for p in e["partitionSpec"]))
        if e["orderSpec"]:
            spec.append("ORDER BY " + ", ".join(expr_repr(o) for o in e["orderSpec"]))
        if "frame" in e:
            f = e["frame"]
            spec.append("%s BETWEEN %s AND %s" % ("ROWS" if f["type"] == "rows" else "RANGE",
                                                 _frame_bound(f["lower"]), _frame_bound(f["upper"])))
        return "%s OVER (%s)" % (expr_repr(e["windowFunction"]), " ".join(spec))
    if k == "OuterReference":
        return "lazy(%s)" % expr_repr(e["child"])
    if k == "SubqueryExpression":
        return "scalarsubquery()" if e["subqueryType"] == "scalar" else "exists()"
    return k
