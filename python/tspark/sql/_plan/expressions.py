"""Expression nodes as plain dicts (bridge/PROTOCOL.md "Expressions"); `kind` first."""
import json
from typing import Any, Dict, List, Optional, Sequence, Tuple

Expr = Dict[str, Any]


def parse_attribute_name(name: str) -> List[str]:
    """Split ``a.b`` / ```a.b`.c`` into name parts as Spark's parseAttributeName does."""
    parts: List[str] = []
    cur: List[str] = []
    in_quote = False
    i = 0
    while i < len(name):
        ch = name[i]
        if in_quote:
            if ch == "`":
                if i + 1 < len(name) and name[i + 1] == "`":
                    cur.append("`")
                    i += 1
                else:
                    in_quote = False
            else:
                cur.append(ch)
        elif ch == "`":
            in_quote = True
        elif ch == ".":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def unresolved_attribute(name: str, plan_id: Optional[int] = None) -> Expr:
    """A column by name (``col("a")``); with plan_id when taken from a frame (``df["a"]``)."""
    e: Expr = {"kind": "UnresolvedAttribute", "nameParts": parse_attribute_name(name)}
    if plan_id is not None:
        e["planId"] = plan_id
    return e


def unresolved_star(target: Optional[List[str]] = None, plan_id: Optional[int] = None) -> Expr:
    """``*`` or ``t.*``."""
    e: Expr = {"kind": "UnresolvedStar"}
    if target is not None:
        e["target"] = target
    if plan_id is not None:
        e["planId"] = plan_id
    return e


def unresolved_regex(regex: str, target: Optional[List[str]] = None, plan_id: Optional[int] = None) -> Expr:
    """``df.colRegex("`pattern`")``: a star over the columns whose names match the Java pattern."""
    e = unresolved_star(target, plan_id)
    e["regex"] = regex
    return e


def column_from_name(name: str, plan_id: Optional[int] = None) -> Expr:
    """``"*"``, ``"t.*"`` or a column name, as ``col()`` interprets its argument."""
    if name == "*":
        return unresolved_star(None, plan_id)
    if name.endswith(".*"):
        return unresolved_star(parse_attribute_name(name[:-2]), plan_id)
    return unresolved_attribute(name, plan_id)


def function(name: str, args: Sequence[Expr], is_distinct: bool = False) -> Expr:
    """A call by Spark function name; operators use their SQL symbol."""
    return {"kind": "UnresolvedFunction", "name": name, "args": list(args), "isDistinct": is_distinct}


def expr_string(sql: str) -> Expr:
    """SQL expression text parsed by the engine (``expr()``, ``selectExpr``, ``filter("...")``)."""
    return {"kind": "ExprString", "sql": sql}


def literal(value: Any, data_type: Any) -> Expr:
    """A constant: wire value plus its type's JSON form."""
    return {"kind": "Literal", "value": value, "dataType": data_type}


def alias(child: Expr, name: str, *more: str, metadata: Optional[Dict[str, Any]] = None) -> Expr:
    """``child AS name``; with more names ``child AS (name, more...)``, Spark's MultiAlias.
    ``metadata`` (the column's field metadata) travels as its JSON text."""
    e: Expr = {"kind": "Alias", "child": child, "name": name}
    if more:
        e["names"] = [name, *more]
    if metadata is not None:
        e["metadata"] = json.dumps(metadata)
    return e


def cast(child: Expr, data_type: Any) -> Expr:
    """``CAST(child AS type)``; data_type in JSON form."""
    return {"kind": "Cast", "child": child, "dataType": data_type}


def case_when(branches: Sequence[Tuple[Expr, Expr]], else_value: Optional[Expr] = None) -> Expr:
    """``CASE WHEN c1 THEN v1 ... ELSE e END``."""
    e: Expr = {"kind": "CaseWhen", "branches": [[c, v] for c, v in branches]}
    if else_value is not None:
        e["elseValue"] = else_value
    return e


def sort_order(child: Expr, ascending: bool, nulls_first: bool) -> Expr:
    """Sort key; Spark's default puts nulls first ascending and last descending."""
    return {"kind": "SortOrder", "child": child, "ascending": ascending, "nullsFirst": nulls_first}


def python_udf(name: str, func: bytes, return_type: Any, args: Sequence[Expr],
               eval_type: int, deterministic: bool) -> Expr:
    """A cloudpickled Python function applied by the engine's Python workers."""
    return {"kind": "PythonUDF", "name": name, "func": func, "returnType": return_type,
            "args": list(args), "evalType": eval_type, "deterministic": deterministic}


def lambda_function(body: Expr, arguments: Sequence[Expr]) -> Expr:
    """A higher-order function's lambda: ``body`` over its ``UnresolvedNamedLambdaVariable``\\ s."""
    return {"kind": "LambdaFunction", "function": body, "arguments": list(arguments)}


def unresolved_named_lambda_variable(name: str) -> Expr:
    """A lambda variable placeholder (``x_1``), as PySpark names them."""
    return {"kind": "UnresolvedNamedLambdaVariable", "nameParts": [name]}


def window(function: Expr, partition_spec: Sequence[Expr], order_spec: Sequence[Expr],
           frame: Optional[Dict[str, Any]] = None) -> Expr:
    """``function OVER (PARTITION BY … ORDER BY … frame)``; ``frame`` is ``{type, lower, upper}``
    with boundaries "unboundedPreceding" / "unboundedFollowing" / "currentRow" or a signed int."""
    e: Expr = {"kind": "Window", "windowFunction": function, "partitionSpec": list(partition_spec),
               "orderSpec": list(order_spec)}
    if frame is not None:
        e["frame"] = frame
    return e


def outer_reference(child: Expr) -> Expr:
    """``col.outer()``: inside a subquery, a column of the query around it."""
    return {"kind": "OuterReference", "child": child}


def subquery_expression(subquery_type: str, plan: Dict[str, Any]) -> Expr:
    """``df.scalar()`` (``"scalar"``) / ``df.exists()`` (``"exists"``): a subquery as a value."""
    return {"kind": "SubqueryExpression", "subqueryType": subquery_type, "plan": plan}
