import { functions as F, type Column, type DataFrame } from "../../index.js";

/**
 * TPC-H's 22 queries through the Node API, each the same question as tests/sql/tpch/qNN.sql
 * and, line for line, tests/sql/tpch/tpch_dataframe.py's Python frame (correlated subqueries
 * written as the joins Spark decorrelates them into). `tpchQuery(n, t)` builds query n over
 * `t(name)`, a table's DataFrame; nothing runs until an action.
 */

/** A table's DataFrame by TPC-H name ("lineitem", "orders" …). */
export type TableOf = (name: string) => DataFrame;

const c = F.col;
/** A DATE literal, as Python's `F.lit(datetime.date(...))`. */
const date = (iso: string): Column => F.lit(iso).cast("date");
/** A decimal literal with the digits as written, as Python's `Decimal("0.05")` (DECIMAL(2,2)). */
const dec = (digits: string): Column => F.expr(digits);
/** l_extendedprice * (1 - l_discount), TPC-H's revenue of a line. */
const revenue = (): Column => c("l_extendedprice").multiply(F.lit(1).minus(c("l_discount")));
/** `lo <= col < hi` on a date column. */
const dateRange = (col: string, lo: string, hi: string): Column => c(col).geq(date(lo)).and(c(col).lt(date(hi)));

function q1(t: TableOf): DataFrame {
  const disc = revenue();
  return t("lineitem")
    .where(c("l_shipdate").leq(date("1998-09-02"))) // 1998-12-01 - 90 days
    .groupBy("l_returnflag", "l_linestatus")
    .agg(
      F.sum("l_quantity").alias("sum_qty"),
      F.sum("l_extendedprice").alias("sum_base_price"),
      F.sum(disc).alias("sum_disc_price"),
      F.sum(disc.multiply(F.lit(1).plus(c("l_tax")))).alias("sum_charge"),
      F.avg("l_quantity").alias("avg_qty"),
      F.avg("l_extendedprice").alias("avg_price"),
      F.avg("l_discount").alias("avg_disc"),
      F.count(F.lit(1)).alias("count_order"),
    )
    .orderBy("l_returnflag", "l_linestatus");
}

function europeSuppliers(t: TableOf): DataFrame {
  const region = t("region").where("r_name = 'EUROPE'");
  const nation = t("nation").join(region, c("n_regionkey").eq(c("r_regionkey")));
  return t("supplier").join(nation, c("s_nationkey").eq(c("n_nationkey")));
}

function q2(t: TableOf): DataFrame {
  const eu = europeSuppliers(t).join(t("partsupp"), c("s_suppkey").eq(c("ps_suppkey")));
  const mins = eu.groupBy("ps_partkey").agg(F.min("ps_supplycost").alias("min_cost")).withColumnRenamed("ps_partkey", "m_partkey");
  const part = t("part").where(c("p_size").eq(15).and(c("p_type").endswith("BRASS")));
  return part
    .join(eu, c("p_partkey").eq(c("ps_partkey")))
    .join(mins, c("p_partkey").eq(c("m_partkey")).and(c("ps_supplycost").eq(c("min_cost"))))
    .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
    .orderBy(c("s_acctbal").desc(), "n_name", "s_name", "p_partkey")
    .limit(100);
}

function q3(t: TableOf): DataFrame {
  const cust = t("customer").where("c_mktsegment = 'BUILDING'");
  const o = t("orders").where(c("o_orderdate").lt(date("1995-03-15")));
  const li = t("lineitem").where(c("l_shipdate").gt(date("1995-03-15")));
  return cust
    .join(o, c("c_custkey").eq(c("o_custkey")))
    .join(li, c("l_orderkey").eq(c("o_orderkey")))
    .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
    .agg(F.sum(revenue()).alias("revenue"))
    .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
    .orderBy(c("revenue").desc(), "o_orderdate")
    .limit(10);
}

function q4(t: TableOf): DataFrame {
  const o = t("orders").where(dateRange("o_orderdate", "1993-07-01", "1993-10-01"));
  const late = t("lineitem").where(c("l_commitdate").lt(c("l_receiptdate")));
  return o
    .join(late, c("o_orderkey").eq(c("l_orderkey")), "left_semi")
    .groupBy("o_orderpriority")
    .agg(F.count(F.lit(1)).alias("order_count"))
    .orderBy("o_orderpriority");
}

function q5(t: TableOf): DataFrame {
  const asia = t("nation").join(t("region").where("r_name = 'ASIA'"), c("n_regionkey").eq(c("r_regionkey")));
  const o = t("orders").where(dateRange("o_orderdate", "1994-01-01", "1995-01-01"));
  return t("customer")
    .join(o, c("c_custkey").eq(c("o_custkey")))
    .join(t("lineitem"), c("l_orderkey").eq(c("o_orderkey")))
    .join(t("supplier"), c("l_suppkey").eq(c("s_suppkey")).and(c("c_nationkey").eq(c("s_nationkey"))))
    .join(asia, c("s_nationkey").eq(c("n_nationkey")))
    .groupBy("n_name")
    .agg(F.sum(revenue()).alias("revenue"))
    .orderBy(c("revenue").desc());
}

function q6(t: TableOf): DataFrame {
  return t("lineitem")
    .where(
      dateRange("l_shipdate", "1994-01-01", "1995-01-01")
        .and(c("l_discount").between(dec("0.05"), dec("0.07")))
        .and(c("l_quantity").lt(24)),
    )
    .agg(F.sum(c("l_extendedprice").multiply(c("l_discount"))).alias("revenue"));
}

function q7(t: TableOf): DataFrame {
  const n1 = t("nation").select(c("n_nationkey").alias("n1_key"), c("n_name").alias("supp_nation"));
  const n2 = t("nation").select(c("n_nationkey").alias("n2_key"), c("n_name").alias("cust_nation"));
  const li = t("lineitem").where(c("l_shipdate").between(date("1995-01-01"), date("1996-12-31")));
  const pair = c("supp_nation")
    .eq("FRANCE")
    .and(c("cust_nation").eq("GERMANY"))
    .or(c("supp_nation").eq("GERMANY").and(c("cust_nation").eq("FRANCE")));
  return t("supplier")
    .join(li, c("s_suppkey").eq(c("l_suppkey")))
    .join(t("orders"), c("o_orderkey").eq(c("l_orderkey")))
    .join(t("customer"), c("c_custkey").eq(c("o_custkey")))
    .join(n1, c("s_nationkey").eq(c("n1_key")))
    .join(n2, c("c_nationkey").eq(c("n2_key")))
    .where(pair)
    .select("supp_nation", "cust_nation", F.year("l_shipdate").alias("l_year"), revenue().alias("volume"))
    .groupBy("supp_nation", "cust_nation", "l_year")
    .agg(F.sum("volume").alias("revenue"))
    .orderBy("supp_nation", "cust_nation", "l_year");
}

function q8(t: TableOf): DataFrame {
  const america = t("nation")
    .join(t("region").where("r_name = 'AMERICA'"), c("n_regionkey").eq(c("r_regionkey")))
    .select(c("n_nationkey").alias("n1_key"));
  const n2 = t("nation").select(c("n_nationkey").alias("n2_key"), c("n_name").alias("nation"));
  const o = t("orders").where(c("o_orderdate").between(date("1995-01-01"), date("1996-12-31")));
  const allNations = t("part")
    .where("p_type = 'ECONOMY ANODIZED STEEL'")
    .join(t("lineitem"), c("p_partkey").eq(c("l_partkey")))
    .join(t("supplier"), c("s_suppkey").eq(c("l_suppkey")))
    .join(o, c("l_orderkey").eq(c("o_orderkey")))
    .join(t("customer"), c("o_custkey").eq(c("c_custkey")))
    .join(america, c("c_nationkey").eq(c("n1_key")))
    .join(n2, c("s_nationkey").eq(c("n2_key")))
    .select(F.year("o_orderdate").alias("o_year"), revenue().alias("volume"), "nation");
  const brazil = F.when(c("nation").eq("BRAZIL"), c("volume")).otherwise(0);
  return allNations
    .groupBy("o_year")
    .agg(F.sum(brazil).divide(F.sum("volume")).alias("mkt_share"))
    .orderBy("o_year");
}

function q9(t: TableOf): DataFrame {
  const amount = revenue().minus(c("ps_supplycost").multiply(c("l_quantity")));
  return t("part")
    .where(c("p_name").contains("green"))
    .join(t("lineitem"), c("p_partkey").eq(c("l_partkey")))
    .join(t("supplier"), c("s_suppkey").eq(c("l_suppkey")))
    .join(t("partsupp"), c("ps_suppkey").eq(c("l_suppkey")).and(c("ps_partkey").eq(c("l_partkey"))))
    .join(t("orders"), c("o_orderkey").eq(c("l_orderkey")))
    .join(t("nation"), c("s_nationkey").eq(c("n_nationkey")))
    .select(c("n_name").alias("nation"), F.year("o_orderdate").alias("o_year"), amount.alias("amount"))
    .groupBy("nation", "o_year")
    .agg(F.sum("amount").alias("sum_profit"))
    .orderBy("nation", c("o_year").desc());
}

function q10(t: TableOf): DataFrame {
  const o = t("orders").where(dateRange("o_orderdate", "1993-10-01", "1994-01-01"));
  return t("customer")
    .join(o, c("c_custkey").eq(c("o_custkey")))
    .join(t("lineitem").where("l_returnflag = 'R'"), c("l_orderkey").eq(c("o_orderkey")))
    .join(t("nation"), c("c_nationkey").eq(c("n_nationkey")))
    .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
    .agg(F.sum(revenue()).alias("revenue"))
    .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
    .orderBy(c("revenue").desc())
    .limit(20);
}

function q11(t: TableOf): DataFrame {
  const germany = t("partsupp")
    .join(t("supplier"), c("ps_suppkey").eq(c("s_suppkey")))
    .join(t("nation").where("n_name = 'GERMANY'"), c("s_nationkey").eq(c("n_nationkey")))
    .select("ps_partkey", c("ps_supplycost").multiply(c("ps_availqty")).alias("v"));
  const total = germany.agg(F.sum("v").multiply(dec("0.0001000000")).alias("threshold"));
  return germany
    .groupBy("ps_partkey")
    .agg(F.sum("v").alias("value"))
    .crossJoin(total)
    .where(c("value").gt(c("threshold")))
    .select("ps_partkey", "value")
    .orderBy(c("value").desc());
}

function q12(t: TableOf): DataFrame {
  const li = t("lineitem").where(
    c("l_shipmode")
      .isin("MAIL", "SHIP")
      .and(c("l_commitdate").lt(c("l_receiptdate")))
      .and(c("l_shipdate").lt(c("l_commitdate")))
      .and(dateRange("l_receiptdate", "1994-01-01", "1995-01-01")),
  );
  const high = c("o_orderpriority").isin("1-URGENT", "2-HIGH");
  return t("orders")
    .join(li, c("o_orderkey").eq(c("l_orderkey")))
    .groupBy("l_shipmode")
    .agg(F.sum(F.when(high, 1).otherwise(0)).alias("high_line_count"), F.sum(F.when(high.not(), 1).otherwise(0)).alias("low_line_count"))
    .orderBy("l_shipmode");
}

function q13(t: TableOf): DataFrame {
  const o = t("orders").where(c("o_comment").like("%special%requests%").not());
  const cOrders = t("customer")
    .join(o, c("c_custkey").eq(c("o_custkey")), "left")
    .groupBy("c_custkey")
    .agg(F.count("o_orderkey").alias("c_count"));
  return cOrders
    .groupBy("c_count")
    .agg(F.count(F.lit(1)).alias("custdist"))
    .orderBy(c("custdist").desc(), c("c_count").desc());
}

function q14(t: TableOf): DataFrame {
  const li = t("lineitem").where(dateRange("l_shipdate", "1995-09-01", "1995-10-01"));
  const promo = F.when(c("p_type").startswith("PROMO"), revenue()).otherwise(0);
  return li
    .join(t("part"), c("l_partkey").eq(c("p_partkey")))
    .agg(dec("100.00").multiply(F.sum(promo)).divide(F.sum(revenue())).alias("promo_revenue"));
}

function q15(t: TableOf): DataFrame {
  const revenue0 = t("lineitem")
    .where(dateRange("l_shipdate", "1996-01-01", "1996-04-01"))
    .groupBy(c("l_suppkey").alias("supplier_no"))
    .agg(F.sum(revenue()).alias("total_revenue"));
  const top = revenue0.agg(F.max("total_revenue").alias("max_revenue"));
  return t("supplier")
    .join(revenue0, c("s_suppkey").eq(c("supplier_no")))
    .join(top, c("total_revenue").eq(c("max_revenue")))
    .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
    .orderBy("s_suppkey");
}

function q16(t: TableOf): DataFrame {
  const complaints = t("supplier").where(c("s_comment").like("%Customer%Complaints%")).select("s_suppkey");
  const part = t("part").where(
    c("p_brand")
      .neq("Brand#45")
      .and(c("p_type").like("MEDIUM POLISHED%").not())
      .and(c("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9)),
  );
  return t("partsupp")
    .join(part, c("p_partkey").eq(c("ps_partkey")))
    .join(complaints, c("ps_suppkey").eq(c("s_suppkey")), "left_anti")
    .groupBy("p_brand", "p_type", "p_size")
    .agg(F.countDistinct("ps_suppkey").alias("supplier_cnt"))
    .orderBy(c("supplier_cnt").desc(), "p_brand", "p_type", "p_size");
}

function q17(t: TableOf): DataFrame {
  const li = t("lineitem");
  const avgQty = li.groupBy(c("l_partkey").alias("a_partkey")).agg(dec("0.2").multiply(F.avg("l_quantity")).alias("limit_qty"));
  const part = t("part").where("p_brand = 'Brand#23' and p_container = 'MED BOX'");
  return li
    .join(part, c("p_partkey").eq(c("l_partkey")))
    .join(avgQty, c("a_partkey").eq(c("p_partkey")))
    .where(c("l_quantity").lt(c("limit_qty")))
    .agg(F.sum("l_extendedprice").divide(dec("7.0")).alias("avg_yearly"));
}

function q18(t: TableOf): DataFrame {
  const big = t("lineitem")
    .groupBy(c("l_orderkey").alias("big_orderkey"))
    .agg(F.sum("l_quantity").alias("q"))
    .where(c("q").gt(300))
    .select("big_orderkey");
  return t("customer")
    .join(t("orders"), c("c_custkey").eq(c("o_custkey")))
    .join(big, c("o_orderkey").eq(c("big_orderkey")), "left_semi")
    .join(t("lineitem"), c("o_orderkey").eq(c("l_orderkey")))
    .groupBy("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
    .agg(F.sum("l_quantity").alias("sum(l_quantity)"))
    .orderBy(c("o_totalprice").desc(), "o_orderdate")
    .limit(100);
}

function q19(t: TableOf): DataFrame {
  const arm = (brand: string, containers: readonly string[], lo: number, sizeHi: number): Column =>
    c("p_brand")
      .eq(brand)
      .and(c("p_container").isin(...containers))
      .and(c("l_quantity").geq(lo))
      .and(c("l_quantity").leq(lo + 10))
      .and(c("p_size").between(1, sizeHi));
  const common = c("l_shipmode").isin("AIR", "AIR REG").and(c("l_shipinstruct").eq("DELIVER IN PERSON"));
  const arms = arm("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 5)
    .or(arm("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 10))
    .or(arm("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 15));
  return t("lineitem")
    .join(t("part"), c("p_partkey").eq(c("l_partkey")))
    .where(common.and(arms))
    .agg(F.sum(revenue()).alias("revenue"));
}

function q20(t: TableOf): DataFrame {
  const shipped = t("lineitem")
    .where(dateRange("l_shipdate", "1994-01-01", "1995-01-01"))
    .groupBy("l_partkey", "l_suppkey")
    .agg(dec("0.5").multiply(F.sum("l_quantity")).alias("half_qty"));
  const forest = t("part").where(c("p_name").startswith("forest")).select("p_partkey");
  const ps = t("partsupp")
    .join(forest, c("ps_partkey").eq(c("p_partkey")), "left_semi")
    .join(shipped, c("l_partkey").eq(c("ps_partkey")).and(c("l_suppkey").eq(c("ps_suppkey"))))
    .where(c("ps_availqty").gt(c("half_qty")))
    .select("ps_suppkey");
  return t("supplier")
    .join(ps, c("s_suppkey").eq(c("ps_suppkey")), "left_semi")
    .join(t("nation").where("n_name = 'CANADA'"), c("s_nationkey").eq(c("n_nationkey")))
    .select("s_name", "s_address")
    .orderBy("s_name");
}

function q21(t: TableOf): DataFrame {
  const l1 = t("lineitem").alias("l1");
  const l2 = t("lineitem").select(c("l_orderkey").alias("l2_orderkey"), c("l_suppkey").alias("l2_suppkey"));
  const l3 = t("lineitem")
    .where(c("l_receiptdate").gt(c("l_commitdate")))
    .select(c("l_orderkey").alias("l3_orderkey"), c("l_suppkey").alias("l3_suppkey"));
  return t("supplier")
    .join(l1.where(c("l1.l_receiptdate").gt(c("l1.l_commitdate"))), c("s_suppkey").eq(c("l1.l_suppkey")))
    .join(t("orders").where("o_orderstatus = 'F'"), c("o_orderkey").eq(c("l1.l_orderkey")))
    .join(t("nation").where("n_name = 'SAUDI ARABIA'"), c("s_nationkey").eq(c("n_nationkey")))
    .join(l2, c("l2_orderkey").eq(c("l1.l_orderkey")).and(c("l2_suppkey").neq(c("l1.l_suppkey"))), "left_semi")
    .join(l3, c("l3_orderkey").eq(c("l1.l_orderkey")).and(c("l3_suppkey").neq(c("l1.l_suppkey"))), "left_anti")
    .groupBy("s_name")
    .agg(F.count(F.lit(1)).alias("numwait"))
    .orderBy(c("numwait").desc(), "s_name")
    .limit(100);
}

function q22(t: TableOf): DataFrame {
  const codes = ["13", "31", "23", "29", "30", "18", "17"];
  const cust = t("customer")
    .withColumn("cntrycode", F.substring("c_phone", 1, 2))
    .where(c("cntrycode").isin(...codes));
  const avgBal = cust.where(c("c_acctbal").gt(dec("0.00"))).agg(F.avg("c_acctbal").alias("avg_bal"));
  return cust
    .crossJoin(avgBal)
    .where(c("c_acctbal").gt(c("avg_bal")))
    .join(t("orders"), c("o_custkey").eq(c("c_custkey")), "left_anti")
    .groupBy("cntrycode")
    .agg(F.count(F.lit(1)).alias("numcust"), F.sum("c_acctbal").alias("totacctbal"))
    .orderBy("cntrycode");
}

const QUERIES: readonly ((t: TableOf) => DataFrame)[] = [
  q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22,
];

/** Query `n` (1 … 22) as a DataFrame over `t`'s tables. */
export function tpchQuery(n: number, t: TableOf): DataFrame {
  const q = QUERIES[n - 1];
  if (q === undefined) throw new RangeError(`TPC-H has queries 1 to 22, not ${n}`);
  return q(t);
}

/** TPC-H's eight tables, in dbgen's order. */
export const TPCH_TABLES = ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"] as const;

/** A query's name as the files and reports spell it: 1 → "q01". */
export function queryName(n: number): string {
  return `q${String(n).padStart(2, "0")}`;
}
