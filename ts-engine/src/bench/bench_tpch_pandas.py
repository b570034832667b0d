"""TPC-H's 22 queries in pandas, for the TPC-H bench (bench_tpch.py), each the same question as
tests/sql/tpch/qNN.sql with its columns in the same order.

Written as a pandas user would write them from Parquet: each query reads the columns it needs
(pyarrow, decimals as float64, dates as datetime64), filters the small tables first and merges.
Correlated subqueries become group-bys mapped back onto the rows (Q2, Q17, Q20, Q21).
``QUERIES[n - 1](T)`` runs query n, where ``T(table, columns)`` reads a table's columns.
"""
from __future__ import annotations

from typing import Callable, List

import pandas as pd

D = pd.Timestamp
Reader = Callable[[str, List[str]], pd.DataFrame]


def _between(s: pd.Series, lo: str, hi: str) -> pd.Series:
    """lo <= s < hi on a datetime column."""
    return (s >= D(lo)) & (s < D(hi))


def _rev(df: pd.DataFrame) -> pd.Series:
    return df.l_extendedprice * (1 - df.l_discount)


def q1(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_returnflag", "l_linestatus", "l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_shipdate"])
    li = li[li.l_shipdate <= D("1998-09-02")]
    disc = _rev(li)
    li = li.assign(disc_price=disc, charge=disc * (1 + li.l_tax))
    return (li.groupby(["l_returnflag", "l_linestatus"], as_index=False, sort=True)
            .agg(sum_qty=("l_quantity", "sum"), sum_base_price=("l_extendedprice", "sum"), sum_disc_price=("disc_price", "sum"),
                 sum_charge=("charge", "sum"), avg_qty=("l_quantity", "mean"), avg_price=("l_extendedprice", "mean"),
                 avg_disc=("l_discount", "mean"), count_order=("l_quantity", "size")))


def _europe_partsupp(T: Reader) -> pd.DataFrame:
    region = T("region", ["r_regionkey", "r_name"])
    region = region[region.r_name == "EUROPE"]
    nation = T("nation", ["n_nationkey", "n_name", "n_regionkey"]).merge(region, left_on="n_regionkey", right_on="r_regionkey")
    supp = T("supplier", ["s_suppkey", "s_name", "s_address", "s_nationkey", "s_phone", "s_acctbal", "s_comment"])
    supp = supp.merge(nation, left_on="s_nationkey", right_on="n_nationkey")
    return T("partsupp", ["ps_partkey", "ps_suppkey", "ps_supplycost"]).merge(supp, left_on="ps_suppkey", right_on="s_suppkey")


def q2(T: Reader) -> pd.DataFrame:
    eu = _europe_partsupp(T)
    part = T("part", ["p_partkey", "p_mfgr", "p_size", "p_type"])
    part = part[(part.p_size == 15) & part.p_type.str.endswith("BRASS")]
    mins = eu.groupby("ps_partkey").ps_supplycost.min()
    j = part.merge(eu, left_on="p_partkey", right_on="ps_partkey")
    j = j[j.ps_supplycost == j.ps_partkey.map(mins)]
    j = j.sort_values(["s_acctbal", "n_name", "s_name", "p_partkey"], ascending=[False, True, True, True]).head(100)
    return j[["s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment"]]


def q3(T: Reader) -> pd.DataFrame:
    c = T("customer", ["c_custkey", "c_mktsegment"])
    c = c[c.c_mktsegment == "BUILDING"]
    o = T("orders", ["o_orderkey", "o_custkey", "o_orderdate", "o_shippriority"])
    o = o[(o.o_orderdate < D("1995-03-15")) & o.o_custkey.isin(c.c_custkey)]
    li = T("lineitem", ["l_orderkey", "l_extendedprice", "l_discount", "l_shipdate"])
    li = li[li.l_shipdate > D("1995-03-15")]
    j = li.merge(o, left_on="l_orderkey", right_on="o_orderkey")
    j = j.assign(revenue=_rev(j))
    g = j.groupby(["l_orderkey", "o_orderdate", "o_shippriority"], as_index=False).revenue.sum()
    g = g.sort_values(["revenue", "o_orderdate"], ascending=[False, True]).head(10)
    return g[["l_orderkey", "revenue", "o_orderdate", "o_shippriority"]]


def q4(T: Reader) -> pd.DataFrame:
    o = T("orders", ["o_orderkey", "o_orderdate", "o_orderpriority"])
    o = o[_between(o.o_orderdate, "1993-07-01", "1993-10-01")]
    li = T("lineitem", ["l_orderkey", "l_commitdate", "l_receiptdate"])
    late = li.l_orderkey[li.l_commitdate < li.l_receiptdate].unique()
    o = o[o.o_orderkey.isin(late)]
    g = o.groupby("o_orderpriority", as_index=False).size().rename(columns={"size": "order_count"})
    return g.sort_values("o_orderpriority")


def q5(T: Reader) -> pd.DataFrame:
    region = T("region", ["r_regionkey", "r_name"])
    region = region[region.r_name == "ASIA"]
    nation = T("nation", ["n_nationkey", "n_name", "n_regionkey"]).merge(region, left_on="n_regionkey", right_on="r_regionkey")
    c = T("customer", ["c_custkey", "c_nationkey"])
    c = c[c.c_nationkey.isin(nation.n_nationkey)]
    o = T("orders", ["o_orderkey", "o_custkey", "o_orderdate"])
    o = o[_between(o.o_orderdate, "1994-01-01", "1995-01-01")].merge(c, left_on="o_custkey", right_on="c_custkey")
    li = T("lineitem", ["l_orderkey", "l_suppkey", "l_extendedprice", "l_discount"]).merge(o, left_on="l_orderkey", right_on="o_orderkey")
    s = T("supplier", ["s_suppkey", "s_nationkey"])
    j = li.merge(s, left_on=["l_suppkey", "c_nationkey"], right_on=["s_suppkey", "s_nationkey"]).merge(nation, left_on="s_nationkey", right_on="n_nationkey")
    g = j.assign(revenue=_rev(j)).groupby("n_name", as_index=False).revenue.sum()
    return g.sort_values("revenue", ascending=False)


def q6(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_shipdate", "l_discount", "l_quantity", "l_extendedprice"])
    m = (_between(li.l_shipdate, "1994-01-01", "1995-01-01") & (li.l_discount >= 0.05 - 1e-9) & (li.l_discount <= 0.07 + 1e-9)
         & (li.l_quantity < 24))
    return pd.DataFrame({"revenue": [(li.l_extendedprice[m] * li.l_discount[m]).sum()]})


def q7(T: Reader) -> pd.DataFrame:
    nation = T("nation", ["n_nationkey", "n_name"])
    fg = nation[nation.n_name.isin(["FRANCE", "GERMANY"])]
    s = T("supplier", ["s_suppkey", "s_nationkey"]).merge(fg.rename(columns={"n_nationkey": "s_nationkey", "n_name": "supp_nation"}), on="s_nationkey")
    c = T("customer", ["c_custkey", "c_nationkey"]).merge(fg.rename(columns={"n_nationkey": "c_nationkey", "n_name": "cust_nation"}), on="c_nationkey")
    li = T("lineitem", ["l_orderkey", "l_suppkey", "l_extendedprice", "l_discount", "l_shipdate"])
    li = li[(li.l_shipdate >= D("1995-01-01")) & (li.l_shipdate <= D("1996-12-31"))].merge(s, left_on="l_suppkey", right_on="s_suppkey")
    o = T("orders", ["o_orderkey", "o_custkey"])
    j = li.merge(o, left_on="l_orderkey", right_on="o_orderkey").merge(c, left_on="o_custkey", right_on="c_custkey")
    j = j[j.supp_nation != j.cust_nation]
    j = j.assign(l_year=j.l_shipdate.dt.year, volume=_rev(j))
    g = j.groupby(["supp_nation", "cust_nation", "l_year"], as_index=False).volume.sum().rename(columns={"volume": "revenue"})
    return g.sort_values(["supp_nation", "cust_nation", "l_year"])


def q8(T: Reader) -> pd.DataFrame:
    region = T("region", ["r_regionkey", "r_name"])
    nation = T("nation", ["n_nationkey", "n_name", "n_regionkey"])
    america = nation.n_nationkey[nation.n_regionkey.isin(region.r_regionkey[region.r_name == "AMERICA"])]
    c = T("customer", ["c_custkey", "c_nationkey"])
    c = c[c.c_nationkey.isin(america)]
    part = T("part", ["p_partkey", "p_type"])
    part = part[part.p_type == "ECONOMY ANODIZED STEEL"]
    o = T("orders", ["o_orderkey", "o_custkey", "o_orderdate"])
    o = o[(o.o_orderdate >= D("1995-01-01")) & (o.o_orderdate <= D("1996-12-31")) & o.o_custkey.isin(c.c_custkey)]
    li = T("lineitem", ["l_orderkey", "l_partkey", "l_suppkey", "l_extendedprice", "l_discount"])
    li = li[li.l_partkey.isin(part.p_partkey)].merge(o, left_on="l_orderkey", right_on="o_orderkey")
    s = T("supplier", ["s_suppkey", "s_nationkey"]).merge(nation[["n_nationkey", "n_name"]], left_on="s_nationkey", right_on="n_nationkey")
    j = li.merge(s, left_on="l_suppkey", right_on="s_suppkey")
    vol = _rev(j)
    j = j.assign(o_year=j.o_orderdate.dt.year, volume=vol, brazil=vol.where(j.n_name == "BRAZIL", 0.0))
    g = j.groupby("o_year", as_index=False)[["brazil", "volume"]].sum()
    return pd.DataFrame({"o_year": g.o_year, "mkt_share": g.brazil / g.volume}).sort_values("o_year")


def q9(T: Reader) -> pd.DataFrame:
    part = T("part", ["p_partkey", "p_name"])
    green = part.p_partkey[part.p_name.str.contains("green", regex=False)]
    li = T("lineitem", ["l_orderkey", "l_partkey", "l_suppkey", "l_quantity", "l_extendedprice", "l_discount"])
    li = li[li.l_partkey.isin(green)]
    ps = T("partsupp", ["ps_partkey", "ps_suppkey", "ps_supplycost"])
    j = li.merge(ps, left_on=["l_partkey", "l_suppkey"], right_on=["ps_partkey", "ps_suppkey"])
    s = T("supplier", ["s_suppkey", "s_nationkey"]).merge(T("nation", ["n_nationkey", "n_name"]), left_on="s_nationkey", right_on="n_nationkey")
    j = j.merge(s, left_on="l_suppkey", right_on="s_suppkey").merge(T("orders", ["o_orderkey", "o_orderdate"]), left_on="l_orderkey", right_on="o_orderkey")
    j = j.assign(nation=j.n_name, o_year=j.o_orderdate.dt.year, amount=_rev(j) - j.ps_supplycost * j.l_quantity)
    g = j.groupby(["nation", "o_year"], as_index=False).amount.sum().rename(columns={"amount": "sum_profit"})
    return g.sort_values(["nation", "o_year"], ascending=[True, False])


def q10(T: Reader) -> pd.DataFrame:
    o = T("orders", ["o_orderkey", "o_custkey", "o_orderdate"])
    o = o[_between(o.o_orderdate, "1993-10-01", "1994-01-01")]
    li = T("lineitem", ["l_orderkey", "l_returnflag", "l_extendedprice", "l_discount"])
    li = li[li.l_returnflag == "R"].merge(o, left_on="l_orderkey", right_on="o_orderkey")
    rev = li.assign(revenue=_rev(li)).groupby("o_custkey", as_index=False).revenue.sum()
    c = T("customer", ["c_custkey", "c_name", "c_acctbal", "c_phone", "c_nationkey", "c_address", "c_comment"])
    j = c.merge(rev, left_on="c_custkey", right_on="o_custkey").merge(T("nation", ["n_nationkey", "n_name"]), left_on="c_nationkey", right_on="n_nationkey")
    j = j.sort_values("revenue", ascending=False).head(20)
    return j[["c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment"]]


def q11(T: Reader) -> pd.DataFrame:
    nation = T("nation", ["n_nationkey", "n_name"])
    s = T("supplier", ["s_suppkey", "s_nationkey"])
    s = s[s.s_nationkey.isin(nation.n_nationkey[nation.n_name == "GERMANY"])]
    ps = T("partsupp", ["ps_partkey", "ps_suppkey", "ps_supplycost", "ps_availqty"])
    ps = ps[ps.ps_suppkey.isin(s.s_suppkey)]
    ps = ps.assign(value=ps.ps_supplycost * ps.ps_availqty)
    threshold = ps.value.sum() * 0.0001
    g = ps.groupby("ps_partkey", as_index=False).value.sum()
    return g[g.value > threshold].sort_values("value", ascending=False)


def q12(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_orderkey", "l_shipmode", "l_commitdate", "l_receiptdate", "l_shipdate"])
    li = li[li.l_shipmode.isin(["MAIL", "SHIP"]) & (li.l_commitdate < li.l_receiptdate) & (li.l_shipdate < li.l_commitdate)
            & _between(li.l_receiptdate, "1994-01-01", "1995-01-01")]
    j = li.merge(T("orders", ["o_orderkey", "o_orderpriority"]), left_on="l_orderkey", right_on="o_orderkey")
    high = j.o_orderpriority.isin(["1-URGENT", "2-HIGH"])
    j = j.assign(high_line_count=high.astype("int64"), low_line_count=(~high).astype("int64"))
    g = j.groupby("l_shipmode", as_index=False)[["high_line_count", "low_line_count"]].sum()
    return g.sort_values("l_shipmode")


def q13(T: Reader) -> pd.DataFrame:
    o = T("orders", ["o_custkey", "o_comment"])
    o = o[~o.o_comment.str.contains("special.*requests", regex=True)]
    counts = o.groupby("o_custkey").size()
    c = T("customer", ["c_custkey"])
    c_count = c.c_custkey.map(counts).fillna(0).astype("int64")
    g = c_count.value_counts().rename_axis("c_count").reset_index(name="custdist")
    return g.sort_values(["custdist", "c_count"], ascending=[False, False])


def q14(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_partkey", "l_extendedprice", "l_discount", "l_shipdate"])
    li = li[_between(li.l_shipdate, "1995-09-01", "1995-10-01")]
    j = li.merge(T("part", ["p_partkey", "p_type"]), left_on="l_partkey", right_on="p_partkey")
    rev = _rev(j)
    promo = rev.where(j.p_type.str.startswith("PROMO"), 0.0)
    return pd.DataFrame({"promo_revenue": [100.0 * promo.sum() / rev.sum()]})


def q15(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_suppkey", "l_extendedprice", "l_discount", "l_shipdate"])
    li = li[_between(li.l_shipdate, "1996-01-01", "1996-04-01")]
    rev = li.assign(total_revenue=_rev(li)).groupby("l_suppkey", as_index=False).total_revenue.sum()
    best = rev[rev.total_revenue == rev.total_revenue.max()]
    s = T("supplier", ["s_suppkey", "s_name", "s_address", "s_phone"]).merge(best, left_on="s_suppkey", right_on="l_suppkey")
    return s.sort_values("s_suppkey")[["s_suppkey", "s_name", "s_address", "s_phone", "total_revenue"]]


def q16(T: Reader) -> pd.DataFrame:
    part = T("part", ["p_partkey", "p_brand", "p_type", "p_size"])
    part = part[(part.p_brand != "Brand#45") & ~part.p_type.str.startswith("MEDIUM POLISHED")
                & part.p_size.isin([49, 14, 23, 45, 19, 3, 36, 9])]
    s = T("supplier", ["s_suppkey", "s_comment"])
    bad = s.s_suppkey[s.s_comment.str.contains("Customer.*Complaints", regex=True)]
    ps = T("partsupp", ["ps_partkey", "ps_suppkey"])
    ps = ps[~ps.ps_suppkey.isin(bad)]
    j = ps.merge(part, left_on="ps_partkey", right_on="p_partkey")
    g = j.groupby(["p_brand", "p_type", "p_size"], as_index=False).ps_suppkey.nunique().rename(columns={"ps_suppkey": "supplier_cnt"})
    return g.sort_values(["supplier_cnt", "p_brand", "p_type", "p_size"], ascending=[False, True, True, True])


def q17(T: Reader) -> pd.DataFrame:
    part = T("part", ["p_partkey", "p_brand", "p_container"])
    part = part[(part.p_brand == "Brand#23") & (part.p_container == "MED BOX")]
    li = T("lineitem", ["l_partkey", "l_quantity", "l_extendedprice"])
    li = li[li.l_partkey.isin(part.p_partkey)]
    limit = li.groupby("l_partkey").l_quantity.mean() * 0.2
    small = li[li.l_quantity < li.l_partkey.map(limit)]
    return pd.DataFrame({"avg_yearly": [small.l_extendedprice.sum() / 7.0]})


def q18(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_orderkey", "l_quantity"])
    qty = li.groupby("l_orderkey").l_quantity.sum()
    big = qty[qty > 300]
    o = T("orders", ["o_orderkey", "o_custkey", "o_orderdate", "o_totalprice"])
    o = o[o.o_orderkey.isin(big.index)]
    j = o.merge(T("customer", ["c_custkey", "c_name"]), left_on="o_custkey", right_on="c_custkey")
    j = j.assign(**{"sum(l_quantity)": j.o_orderkey.map(big)})
    j = j.sort_values(["o_totalprice", "o_orderdate"], ascending=[False, True]).head(100)
    return j[["c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice", "sum(l_quantity)"]]


def q19(T: Reader) -> pd.DataFrame:
    li = T("lineitem", ["l_partkey", "l_quantity", "l_extendedprice", "l_discount", "l_shipmode", "l_shipinstruct"])
    li = li[li.l_shipmode.isin(["AIR", "AIR REG"]) & (li.l_shipinstruct == "DELIVER IN PERSON")]
    j = li.merge(T("part", ["p_partkey", "p_brand", "p_container", "p_size"]), left_on="l_partkey", right_on="p_partkey")

    def arm(brand: str, containers: list, lo: int, size_hi: int) -> pd.Series:
        return ((j.p_brand == brand) & j.p_container.isin(containers) & (j.l_quantity >= lo) & (j.l_quantity <= lo + 10)
                & (j.p_size >= 1) & (j.p_size <= size_hi))

    m = (arm("Brand#12", ["SM CASE", "SM BOX", "SM PACK", "SM PKG"], 1, 5)
         | arm("Brand#23", ["MED BAG", "MED BOX", "MED PKG", "MED PACK"], 10, 10)
         | arm("Brand#34", ["LG CASE", "LG BOX", "LG PACK", "LG PKG"], 20, 15))
    return pd.DataFrame({"revenue": [_rev(j[m]).sum()]})


def q20(T: Reader) -> pd.DataFrame:
    part = T("part", ["p_partkey", "p_name"])
    forest = part.p_partkey[part.p_name.str.startswith("forest")]
    li = T("lineitem", ["l_partkey", "l_suppkey", "l_quantity", "l_shipdate"])
    li = li[_between(li.l_shipdate, "1994-01-01", "1995-01-01") & li.l_partkey.isin(forest)]
    shipped = li.groupby(["l_partkey", "l_suppkey"], as_index=False).l_quantity.sum()
    ps = T("partsupp", ["ps_partkey", "ps_suppkey", "ps_availqty"])
    ps = ps[ps.ps_partkey.isin(forest)].merge(shipped, left_on=["ps_partkey", "ps_suppkey"], right_on=["l_partkey", "l_suppkey"])
    ps = ps[ps.ps_availqty > 0.5 * ps.l_quantity]
    nation = T("nation", ["n_nationkey", "n_name"])
    s = T("supplier", ["s_suppkey", "s_name", "s_address", "s_nationkey"])
    s = s[s.s_suppkey.isin(ps.ps_suppkey) & s.s_nationkey.isin(nation.n_nationkey[nation.n_name == "CANADA"])]
    return s.sort_values("s_name")[["s_name", "s_address"]]


def q21(T: Reader) -> pd.DataFrame:
    nation = T("nation", ["n_nationkey", "n_name"])
    s = T("supplier", ["s_suppkey", "s_name", "s_nationkey"])
    s = s[s.s_nationkey.isin(nation.n_nationkey[nation.n_name == "SAUDI ARABIA"])]
    li = T("lineitem", ["l_orderkey", "l_suppkey", "l_receiptdate", "l_commitdate"])
    late = li[li.l_receiptdate > li.l_commitdate]
    # exists l2 (another supplier on the order) ⟺ the order has > 1 supplier;
    # not exists l3 (another late supplier) ⟺ l1's is the order's only late supplier
    suppliers = li.groupby("l_orderkey").l_suppkey.nunique()
    late_suppliers = late.groupby("l_orderkey").l_suppkey.nunique()
    o = T("orders", ["o_orderkey", "o_orderstatus"])
    l1 = late[late.l_suppkey.isin(s.s_suppkey) & late.l_orderkey.isin(o.o_orderkey[o.o_orderstatus == "F"])]
    l1 = l1[(l1.l_orderkey.map(suppliers) > 1) & (l1.l_orderkey.map(late_suppliers) == 1)]
    g = l1.merge(s, left_on="l_suppkey", right_on="s_suppkey").groupby("s_name", as_index=False).size().rename(columns={"size": "numwait"})
    return g.sort_values(["numwait", "s_name"], ascending=[False, True]).head(100)


def q22(T: Reader) -> pd.DataFrame:
    c = T("customer", ["c_custkey", "c_phone", "c_acctbal"])
    c = c.assign(cntrycode=c.c_phone.str[:2])
    c = c[c.cntrycode.isin(["13", "31", "23", "29", "30", "18", "17"])]
    avg = c.c_acctbal[c.c_acctbal > 0].mean()
    o = T("orders", ["o_custkey"])
    c = c[(c.c_acctbal > avg) & ~c.c_custkey.isin(o.o_custkey)]
    g = c.groupby("cntrycode", as_index=False).agg(numcust=("c_acctbal", "size"), totacctbal=("c_acctbal", "sum"))
    return g.sort_values("cntrycode")


QUERIES = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22]
