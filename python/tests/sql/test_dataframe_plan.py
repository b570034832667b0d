"""DataFrame methods build the PROTOCOL.md relations (checked without an engine)."""
import pytest

from tspark.errors import AnalysisException
from tspark.sql import functions as F
from tests.conftest import strip_ids

A = {"kind": "UnresolvedAttribute", "nameParts": ["a"]}
ID = {"kind": "UnresolvedAttribute", "nameParts": ["id"]}


def lit(v, t):
    return {"kind": "Literal", "value": v, "dataType": t}


def test_every_node_has_kind_first_and_a_plan_id(df):
    p = df.select("id")._plan
    assert list(p)[0] == "kind" and isinstance(p["planId"], int)
    assert p["planId"] != p["input"]["planId"]


def test_select_names_star_and_columns(df):
    p = strip_ids(df.select("id", "*", F.col("t.*"), (F.col("id") + 1).alias("x"))._plan)
    assert p["kind"] == "Project" and p["input"] == {"kind": "Range", "start": 0, "end": 10, "step": 1}
    assert p["exprs"] == [
        ID, {"kind": "UnresolvedStar"}, {"kind": "UnresolvedStar", "target": ["t"]},
        {"kind": "Alias", "child": {"kind": "UnresolvedFunction", "name": "+",
                                    "args": [ID, lit(1, "integer")], "isDistinct": False}, "name": "x"}]


def test_select_expr_and_string_filter_are_expr_strings(df):
    assert strip_ids(df.selectExpr("id * 2 AS y")._plan)["exprs"] == [{"kind": "ExprString", "sql": "id * 2 AS y"}]
    assert strip_ids(df.filter("id > 4")._plan)["condition"] == {"kind": "ExprString", "sql": "id > 4"}


def test_where_column(df):
    c = strip_ids(df.where((F.col("id") > 1) & ~F.col("id").isNull())._plan)["condition"]
    assert c["name"] == "and" and c["args"][1] == {
        "kind": "UnresolvedFunction", "name": "not", "isDistinct": False,
        "args": [{"kind": "UnresolvedFunction", "name": "isnull", "args": [ID], "isDistinct": False}]}


def test_df_column_carries_plan_id(df):
    c = df["id"]._expr
    assert c == {"kind": "UnresolvedAttribute", "nameParts": ["id"], "planId": df._plan["planId"]}


def test_with_columns_rename_drop(df):
    assert strip_ids(df.withColumn("y", F.lit(1))._plan)["names"] == ["y"]
    p = strip_ids(df.withColumns({"a": F.col("id"), "b": F.lit("s")})._plan)
    assert p["kind"] == "WithColumns" and p["names"] == ["a", "b"] and p["exprs"][1] == lit("s", "string")
    assert strip_ids(df.withColumnRenamed("id", "k")._plan)["renames"] == [["id", "k"]]
    assert strip_ids(df.drop("id", F.col("x"))._plan)["columns"] == [
        ID, {"kind": "UnresolvedAttribute", "nameParts": ["x"]}]


def test_group_by_agg_forms(df):
    p = strip_ids(df.groupBy("id").agg(F.sum("a").alias("s"), F.countDistinct("a"))._plan)
    assert p["kind"] == "Aggregate" and p["groupBy"] == [ID]
    assert p["aggs"] == [
        {"kind": "Alias", "child": {"kind": "UnresolvedFunction", "name": "sum", "args": [A], "isDistinct": False}, "name": "s"},
        {"kind": "UnresolvedFunction", "name": "count", "args": [A], "isDistinct": True}]
    cnt = strip_ids(df.groupBy("id").count()._plan)["aggs"]
    assert cnt == [{"kind": "Alias", "child": {"kind": "UnresolvedFunction", "name": "count",
                                               "args": [lit(1, "integer")], "isDistinct": False}, "name": "count"}]
    d = strip_ids(df.groupBy("id").agg({"a": "mean"})._plan)["aggs"][0]
    assert d["name"] == "avg(a)" and d["child"]["name"] == "avg"
    assert strip_ids(df.groupBy("id").max("a")._plan)["aggs"] == [
        {"kind": "UnresolvedFunction", "name": "max", "args": [A], "isDistinct": False}]


def test_order_by_defaults_and_ascending_arg(df):
    o = strip_ids(df.orderBy("id", F.col("a").desc())._plan)
    assert o["global"] is True and o["orders"] == [
        {"kind": "SortOrder", "child": ID, "ascending": True, "nullsFirst": True},
        {"kind": "SortOrder", "child": A, "ascending": False, "nullsFirst": False}]
    o = strip_ids(df.sort(["id", "a"], ascending=[True, False])._plan)["orders"]
    assert [x["ascending"] for x in o] == [True, False]
    assert strip_ids(df.orderBy(F.col("a").asc_nulls_last())._plan)["orders"][0]["nullsFirst"] is False


@pytest.mark.parametrize("how,wire", [(None, "inner"), ("left_outer", "left"), ("outer", "full"),
                                      ("full_outer", "full"), ("semi", "left_semi"), ("anti", "left_anti"),
                                      ("right", "right"), ("cross", "cross")])
def test_join_types(df, how, wire):
    assert df.join(df, "id", how)._plan["joinType"] == wire


def test_join_on_forms(df):
    other = df.alias("o")
    assert strip_ids(df.join(other, ["id", "a"])._plan)["usingColumns"] == ["id", "a"]
    j = strip_ids(df.join(other, df["id"] == other["id"], "left")._plan)
    assert j["condition"]["name"] == "==" and "usingColumns" not in j
    j = strip_ids(df.join(other, [df["id"] == other["id"], df["a"] > 1])._plan)
    assert j["condition"]["name"] == "and"
    with pytest.raises(AnalysisException) as info:
        df.join(other, "id", "sideways")
    assert str(info.value).startswith("[UNSUPPORTED_JOIN_TYPE] Unsupported join type 'sideways'. Supported")
    assert info.value.getSqlState() == "0A000" and df.join(df, "id", "LEFT_OUTER")._plan["joinType"] == "left"


def test_limit_distinct_union_alias_todf(df):
    assert strip_ids(df.limit(3)._plan) == {"kind": "Limit", "input": strip_ids(df._plan), "n": 3}
    assert strip_ids(df.distinct()._plan)["kind"] == "Distinct"
    u = strip_ids(df.unionByName(df, allowMissingColumns=True)._plan)
    assert u["kind"] == "Union" and u["byName"] and u["allowMissingColumns"] and len(u["inputs"]) == 2
    assert strip_ids(df.unionAll(df)._plan)["byName"] is False
    assert strip_ids(df.alias("t")._plan)["alias"] == "t"
    assert strip_ids(df.toDF("x")._plan)["names"] == ["x"]


def test_agg_dict_follows_classic_pyspark_order(df):
    # Recorded on PySpark 4.0.1: Py4J's java.util.HashMap decides the order.
    aggs = strip_ids(df.groupBy().agg({"qty": "sum", "price": "max", "region": "count"})._plan)["aggs"]
    assert [a["name"] for a in aggs] == ["max(price)", "sum(qty)", "count(region)"]
    aggs = strip_ids(df.groupBy("id").agg({"age": "mean", "*": "count"})._plan)["aggs"]
    assert [a["name"] for a in aggs] == ["count(1)", "avg(age)"]
