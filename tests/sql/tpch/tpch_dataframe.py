"""TPC-H's 22 queries through the DataFrame API, each the same question as tests/sql/tpch/qNN.sql.

``QUERIES[n](t, F)`` returns the frame of query n, where ``t(name)`` gives a table's DataFrame and
``F`` is the functions module (``pyspark.sql.functions`` or ``tspark.sql.functions``), so the same
code runs on real PySpark (record_tpch_answers.py) and on tspark (tests/e2e/test_tpch.py).
Correlated subqueries are written as the joins Spark decorrelates them into.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Callable

D = datetime.date


def q1(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem")
    disc = li.l_extendedprice * (1 - li.l_discount)
    return (li.where(li.l_shipdate <= F.lit(D(1998, 9, 2)))  # 1998-12-01 - 90 days
            .groupBy("l_returnflag", "l_linestatus")
            .agg(F.sum("l_quantity").alias("sum_qty"), F.sum("l_extendedprice").alias("sum_base_price"),
                 F.sum(disc).alias("sum_disc_price"), F.sum(disc * (1 + li.l_tax)).alias("sum_charge"),
                 F.avg("l_quantity").alias("avg_qty"), F.avg("l_extendedprice").alias("avg_price"),
                 F.avg("l_discount").alias("avg_disc"), F.count(F.lit(1)).alias("count_order"))
            .orderBy("l_returnflag", "l_linestatus"))


def _europe_suppliers(t: Callable[[str], Any], F: Any) -> Any:
    region = t("region").where("r_name = 'EUROPE'")
    nation = t("nation").join(region, F.col("n_regionkey") == F.col("r_regionkey"))
    return t("supplier").join(nation, F.col("s_nationkey") == F.col("n_nationkey"))


def q2(t: Callable[[str], Any], F: Any) -> Any:
    eu = _europe_suppliers(t, F).join(t("partsupp"), F.col("s_suppkey") == F.col("ps_suppkey"))
    mins = eu.groupBy("ps_partkey").agg(F.min("ps_supplycost").alias("min_cost")).withColumnRenamed("ps_partkey", "m_partkey")
    part = t("part").where((F.col("p_size") == 15) & F.col("p_type").endswith("BRASS"))
    return (part.join(eu, F.col("p_partkey") == F.col("ps_partkey"))
            .join(mins, (F.col("p_partkey") == F.col("m_partkey")) & (F.col("ps_supplycost") == F.col("min_cost")))
            .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
            .orderBy(F.col("s_acctbal").desc(), "n_name", "s_name", "p_partkey").limit(100))


def q3(t: Callable[[str], Any], F: Any) -> Any:
    c = t("customer").where("c_mktsegment = 'BUILDING'")
    o = t("orders").where(F.col("o_orderdate") < F.lit(D(1995, 3, 15)))
    li = t("lineitem").where(F.col("l_shipdate") > F.lit(D(1995, 3, 15)))
    return (c.join(o, F.col("c_custkey") == F.col("o_custkey")).join(li, F.col("l_orderkey") == F.col("o_orderkey"))
            .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
            .agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("revenue"))
            .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
            .orderBy(F.col("revenue").desc(), "o_orderdate").limit(10))


def q4(t: Callable[[str], Any], F: Any) -> Any:
    o = t("orders").where((F.col("o_orderdate") >= F.lit(D(1993, 7, 1))) & (F.col("o_orderdate") < F.lit(D(1993, 10, 1))))
    late = t("lineitem").where(F.col("l_commitdate") < F.col("l_receiptdate"))
    return (o.join(late, F.col("o_orderkey") == F.col("l_orderkey"), "left_semi")
            .groupBy("o_orderpriority").agg(F.count(F.lit(1)).alias("order_count")).orderBy("o_orderpriority"))


def q5(t: Callable[[str], Any], F: Any) -> Any:
    asia = t("nation").join(t("region").where("r_name = 'ASIA'"), F.col("n_regionkey") == F.col("r_regionkey"))
    o = t("orders").where((F.col("o_orderdate") >= F.lit(D(1994, 1, 1))) & (F.col("o_orderdate") < F.lit(D(1995, 1, 1))))
    return (t("customer").join(o, F.col("c_custkey") == F.col("o_custkey"))
            .join(t("lineitem"), F.col("l_orderkey") == F.col("o_orderkey"))
            .join(t("supplier"), (F.col("l_suppkey") == F.col("s_suppkey")) & (F.col("c_nationkey") == F.col("s_nationkey")))
            .join(asia, F.col("s_nationkey") == F.col("n_nationkey"))
            .groupBy("n_name").agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("revenue"))
            .orderBy(F.col("revenue").desc()))


def q6(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem")
    return (li.where((li.l_shipdate >= F.lit(D(1994, 1, 1))) & (li.l_shipdate < F.lit(D(1995, 1, 1)))
                     & li.l_discount.between(Decimal("0.05"), Decimal("0.07")) & (li.l_quantity < 24))
            .agg(F.sum(li.l_extendedprice * li.l_discount).alias("revenue")))


def q7(t: Callable[[str], Any], F: Any) -> Any:
    n1 = t("nation").select(F.col("n_nationkey").alias("n1_key"), F.col("n_name").alias("supp_nation"))
    n2 = t("nation").select(F.col("n_nationkey").alias("n2_key"), F.col("n_name").alias("cust_nation"))
    li = t("lineitem").where(F.col("l_shipdate").between(F.lit(D(1995, 1, 1)), F.lit(D(1996, 12, 31))))
    pair = (((F.col("supp_nation") == "FRANCE") & (F.col("cust_nation") == "GERMANY"))
            | ((F.col("supp_nation") == "GERMANY") & (F.col("cust_nation") == "FRANCE")))
    return (t("supplier").join(li, F.col("s_suppkey") == F.col("l_suppkey"))
            .join(t("orders"), F.col("o_orderkey") == F.col("l_orderkey"))
            .join(t("customer"), F.col("c_custkey") == F.col("o_custkey"))
            .join(n1, F.col("s_nationkey") == F.col("n1_key")).join(n2, F.col("c_nationkey") == F.col("n2_key"))
            .where(pair)
            .select("supp_nation", "cust_nation", F.year("l_shipdate").alias("l_year"),
                    (F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("volume"))
            .groupBy("supp_nation", "cust_nation", "l_year").agg(F.sum("volume").alias("revenue"))
            .orderBy("supp_nation", "cust_nation", "l_year"))


def q8(t: Callable[[str], Any], F: Any) -> Any:
    america = t("nation").join(t("region").where("r_name = 'AMERICA'"), F.col("n_regionkey") == F.col("r_regionkey")) \
        .select(F.col("n_nationkey").alias("n1_key"))
    n2 = t("nation").select(F.col("n_nationkey").alias("n2_key"), F.col("n_name").alias("nation"))
    o = t("orders").where(F.col("o_orderdate").between(F.lit(D(1995, 1, 1)), F.lit(D(1996, 12, 31))))
    all_nations = (t("part").where("p_type = 'ECONOMY ANODIZED STEEL'")
                   .join(t("lineitem"), F.col("p_partkey") == F.col("l_partkey"))
                   .join(t("supplier"), F.col("s_suppkey") == F.col("l_suppkey"))
                   .join(o, F.col("l_orderkey") == F.col("o_orderkey"))
                   .join(t("customer"), F.col("o_custkey") == F.col("c_custkey"))
                   .join(america, F.col("c_nationkey") == F.col("n1_key"))
                   .join(n2, F.col("s_nationkey") == F.col("n2_key"))
                   .select(F.year("o_orderdate").alias("o_year"),
                           (F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("volume"), "nation"))
    brazil = F.when(F.col("nation") == "BRAZIL", F.col("volume")).otherwise(0)
    return (all_nations.groupBy("o_year").agg((F.sum(brazil) / F.sum("volume")).alias("mkt_share")).orderBy("o_year"))


def q9(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem")
    return (t("part").where(F.col("p_name").contains("green"))
            .join(li, F.col("p_partkey") == F.col("l_partkey"))
            .join(t("supplier"), F.col("s_suppkey") == F.col("l_suppkey"))
            .join(t("partsupp"), (F.col("ps_suppkey") == F.col("l_suppkey")) & (F.col("ps_partkey") == F.col("l_partkey")))
            .join(t("orders"), F.col("o_orderkey") == F.col("l_orderkey"))
            .join(t("nation"), F.col("s_nationkey") == F.col("n_nationkey"))
            .select(F.col("n_name").alias("nation"), F.year("o_orderdate").alias("o_year"),
                    (F.col("l_extendedprice") * (1 - F.col("l_discount")) - F.col("ps_supplycost") * F.col("l_quantity")).alias("amount"))
            .groupBy("nation", "o_year").agg(F.sum("amount").alias("sum_profit"))
            .orderBy("nation", F.col("o_year").desc()))


def q10(t: Callable[[str], Any], F: Any) -> Any:
    o = t("orders").where((F.col("o_orderdate") >= F.lit(D(1993, 10, 1))) & (F.col("o_orderdate") < F.lit(D(1994, 1, 1))))
    return (t("customer").join(o, F.col("c_custkey") == F.col("o_custkey"))
            .join(t("lineitem").where("l_returnflag = 'R'"), F.col("l_orderkey") == F.col("o_orderkey"))
            .join(t("nation"), F.col("c_nationkey") == F.col("n_nationkey"))
            .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
            .agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("revenue"))
            .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
            .orderBy(F.col("revenue").desc()).limit(20))


def q11(t: Callable[[str], Any], F: Any) -> Any:
    germany = (t("partsupp").join(t("supplier"), F.col("ps_suppkey") == F.col("s_suppkey"))
               .join(t("nation").where("n_name = 'GERMANY'"), F.col("s_nationkey") == F.col("n_nationkey"))
               .select("ps_partkey", (F.col("ps_supplycost") * F.col("ps_availqty")).alias("v")))
    total = germany.agg((F.sum("v") * Decimal("0.0001000000")).alias("threshold"))
    return (germany.groupBy("ps_partkey").agg(F.sum("v").alias("value"))
            .crossJoin(total).where(F.col("value") > F.col("threshold"))
            .select("ps_partkey", "value").orderBy(F.col("value").desc()))


def q12(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem").where(F.col("l_shipmode").isin("MAIL", "SHIP") & (F.col("l_commitdate") < F.col("l_receiptdate"))
                             & (F.col("l_shipdate") < F.col("l_commitdate"))
                             & (F.col("l_receiptdate") >= F.lit(D(1994, 1, 1))) & (F.col("l_receiptdate") < F.lit(D(1995, 1, 1))))
    high = F.col("o_orderpriority").isin("1-URGENT", "2-HIGH")
    return (t("orders").join(li, F.col("o_orderkey") == F.col("l_orderkey")).groupBy("l_shipmode")
            .agg(F.sum(F.when(high, 1).otherwise(0)).alias("high_line_count"),
                 F.sum(F.when(~high, 1).otherwise(0)).alias("low_line_count"))
            .orderBy("l_shipmode"))


def q13(t: Callable[[str], Any], F: Any) -> Any:
    o = t("orders").where(~F.col("o_comment").like("%special%requests%"))
    c_orders = (t("customer").join(o, F.col("c_custkey") == F.col("o_custkey"), "left")
                .groupBy("c_custkey").agg(F.count("o_orderkey").alias("c_count")))
    return (c_orders.groupBy("c_count").agg(F.count(F.lit(1)).alias("custdist"))
            .orderBy(F.col("custdist").desc(), F.col("c_count").desc()))


def q14(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem").where((F.col("l_shipdate") >= F.lit(D(1995, 9, 1))) & (F.col("l_shipdate") < F.lit(D(1995, 10, 1))))
    rev = F.col("l_extendedprice") * (1 - F.col("l_discount"))
    promo = F.when(F.col("p_type").startswith("PROMO"), rev).otherwise(0)
    return (li.join(t("part"), F.col("l_partkey") == F.col("p_partkey"))
            .agg((F.lit(Decimal("100.00")) * F.sum(promo) / F.sum(rev)).alias("promo_revenue")))


def q15(t: Callable[[str], Any], F: Any) -> Any:
    revenue0 = (t("lineitem").where((F.col("l_shipdate") >= F.lit(D(1996, 1, 1))) & (F.col("l_shipdate") < F.lit(D(1996, 4, 1))))
                .groupBy(F.col("l_suppkey").alias("supplier_no"))
                .agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("total_revenue")))
    top = revenue0.agg(F.max("total_revenue").alias("max_revenue"))
    return (t("supplier").join(revenue0, F.col("s_suppkey") == F.col("supplier_no"))
            .join(top, F.col("total_revenue") == F.col("max_revenue"))
            .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue").orderBy("s_suppkey"))


def q16(t: Callable[[str], Any], F: Any) -> Any:
    complaints = t("supplier").where(F.col("s_comment").like("%Customer%Complaints%")).select("s_suppkey")
    part = t("part").where((F.col("p_brand") != "Brand#45") & ~F.col("p_type").like("MEDIUM POLISHED%")
                           & F.col("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9))
    return (t("partsupp").join(part, F.col("p_partkey") == F.col("ps_partkey"))
            .join(complaints, F.col("ps_suppkey") == F.col("s_suppkey"), "left_anti")
            .groupBy("p_brand", "p_type", "p_size").agg(F.countDistinct("ps_suppkey").alias("supplier_cnt"))
            .orderBy(F.col("supplier_cnt").desc(), "p_brand", "p_type", "p_size"))


def q17(t: Callable[[str], Any], F: Any) -> Any:
    li = t("lineitem")
    avg_qty = li.groupBy(F.col("l_partkey").alias("a_partkey")).agg((Decimal("0.2") * F.avg("l_quantity")).alias("limit_qty"))
    part = t("part").where("p_brand = 'Brand#23' and p_container = 'MED BOX'")
    return (li.join(part, F.col("p_partkey") == F.col("l_partkey"))
            .join(avg_qty, F.col("a_partkey") == F.col("p_partkey"))
            .where(F.col("l_quantity") < F.col("limit_qty"))
            .agg((F.sum("l_extendedprice") / Decimal("7.0")).alias("avg_yearly")))


def q18(t: Callable[[str], Any], F: Any) -> Any:
    big = (t("lineitem").groupBy(F.col("l_orderkey").alias("big_orderkey")).agg(F.sum("l_quantity").alias("q"))
           .where(F.col("q") > 300).select("big_orderkey"))
    return (t("customer").join(t("orders"), F.col("c_custkey") == F.col("o_custkey"))
            .join(big, F.col("o_orderkey") == F.col("big_orderkey"), "left_semi")
            .join(t("lineitem"), F.col("o_orderkey") == F.col("l_orderkey"))
            .groupBy("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
            .agg(F.sum("l_quantity").alias("sum(l_quantity)"))
            .orderBy(F.col("o_totalprice").desc(), "o_orderdate").limit(100))


def q19(t: Callable[[str], Any], F: Any) -> Any:
    def arm(brand: str, containers: list, lo: int, size_hi: int) -> Any:
        return ((F.col("p_brand") == brand) & F.col("p_container").isin(*containers)
                & (F.col("l_quantity") >= lo) & (F.col("l_quantity") <= lo + 10) & F.col("p_size").between(1, size_hi))
    common = F.col("l_shipmode").isin("AIR", "AIR REG") & (F.col("l_shipinstruct") == "DELIVER IN PERSON")
    arms = (arm("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 5)
            | arm("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 10)
            | arm("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 15))
    return (t("lineitem").join(t("part"), F.col("p_partkey") == F.col("l_partkey")).where(common & arms)
            .agg(F.sum(F.col("l_extendedprice") * (1 - F.col("l_discount"))).alias("revenue")))


def q20(t: Callable[[str], Any], F: Any) -> Any:
    shipped = (t("lineitem").where((F.col("l_shipdate") >= F.lit(D(1994, 1, 1))) & (F.col("l_shipdate") < F.lit(D(1995, 1, 1))))
               .groupBy("l_partkey", "l_suppkey").agg((Decimal("0.5") * F.sum("l_quantity")).alias("half_qty")))
    forest = t("part").where(F.col("p_name").startswith("forest")).select("p_partkey")
    ps = (t("partsupp").join(forest, F.col("ps_partkey") == F.col("p_partkey"), "left_semi")
          .join(shipped, (F.col("l_partkey") == F.col("ps_partkey")) & (F.col("l_suppkey") == F.col("ps_suppkey")))
          .where(F.col("ps_availqty") > F.col("half_qty")).select("ps_suppkey"))
    return (t("supplier").join(ps, F.col("s_suppkey") == F.col("ps_suppkey"), "left_semi")
            .join(t("nation").where("n_name = 'CANADA'"), F.col("s_nationkey") == F.col("n_nationkey"))
            .select("s_name", "s_address").orderBy("s_name"))


def q21(t: Callable[[str], Any], F: Any) -> Any:
    l1 = t("lineitem").alias("l1")
    l2 = t("lineitem").select(F.col("l_orderkey").alias("l2_orderkey"), F.col("l_suppkey").alias("l2_suppkey"))
    l3 = (t("lineitem").where(F.col("l_receiptdate") > F.col("l_commitdate"))
          .select(F.col("l_orderkey").alias("l3_orderkey"), F.col("l_suppkey").alias("l3_suppkey")))
    return (t("supplier").join(l1.where(F.col("l1.l_receiptdate") > F.col("l1.l_commitdate")), F.col("s_suppkey") == F.col("l1.l_suppkey"))
            .join(t("orders").where("o_orderstatus = 'F'"), F.col("o_orderkey") == F.col("l1.l_orderkey"))
            .join(t("nation").where("n_name = 'SAUDI ARABIA'"), F.col("s_nationkey") == F.col("n_nationkey"))
            .join(l2, (F.col("l2_orderkey") == F.col("l1.l_orderkey")) & (F.col("l2_suppkey") != F.col("l1.l_suppkey")), "left_semi")
            .join(l3, (F.col("l3_orderkey") == F.col("l1.l_orderkey")) & (F.col("l3_suppkey") != F.col("l1.l_suppkey")), "left_anti")
            .groupBy("s_name").agg(F.count(F.lit(1)).alias("numwait"))
            .orderBy(F.col("numwait").desc(), "s_name").limit(100))


def q22(t: Callable[[str], Any], F: Any) -> Any:
    codes = ("13", "31", "23", "29", "30", "18", "17")
    cust = t("customer").withColumn("cntrycode", F.substring("c_phone", 1, 2)).where(F.col("cntrycode").isin(*codes))
    avg_bal = cust.where(F.col("c_acctbal") > Decimal("0.00")).agg(F.avg("c_acctbal").alias("avg_bal"))
    return (cust.crossJoin(avg_bal).where(F.col("c_acctbal") > F.col("avg_bal"))
            .join(t("orders"), F.col("o_custkey") == F.col("c_custkey"), "left_anti")
            .groupBy("cntrycode").agg(F.count(F.lit(1)).alias("numcust"), F.sum("c_acctbal").alias("totacctbal"))
            .orderBy("cntrycode"))


_QUERIES = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22]


def query(n: int, t: Callable[[str], Any], F: Any) -> Any:
    """Query ``n`` (1…22) as a DataFrame over ``t``'s tables, with the functions module ``F``."""
    return _QUERIES[n - 1](t, F)
