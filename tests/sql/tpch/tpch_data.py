"""TPC-H-shaped data, written as Parquet, for tests/e2e/test_tpch.py, the Node API test and `npm run bench -- --tpch`.

No dbgen and no DuckDB tpch extension are installable offline, so this follows dbgen's
rules closely enough for the 22 queries to select rows: the 25 nations in 5 regions, part
types/containers/brands/names from dbgen's word lists, customers' phone country codes,
orders only for customers whose key is not a multiple of 3, lineitem dates relative to the
order date, return flags and line status from the 1995-06-17 current date, and comments
that sometimes hold the words Q13 and Q16 look for. Seeded, so every run makes the same rows.
"""
from __future__ import annotations

import datetime
import decimal
import random
from typing import Dict, Iterator, List, Tuple

NATIONS = [
    ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4), ("ETHIOPIA", 0),
    ("FRANCE", 3), ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2), ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2),
    ("JORDAN", 4), ("KENYA", 0), ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3),
    ("SAUDI ARABIA", 4), ("VIETNAM", 2), ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
]
REGIONS = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
COLORS = ["almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue", "blush",
          "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral", "cornflower",
          "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick", "floral", "forest",
          "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot", "indian", "ivory",
          "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium",
          "metallic", "midnight", "mint", "misty", "moccasin", "navajo", "navy", "olive", "orange", "orchid"]
TYPE1 = ["STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"]
TYPE2 = ["ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"]
TYPE3 = ["TIN", "NICKEL", "BRASS", "STEEL", "COPPER"]
CONT1 = ["SM", "LG", "MED", "JUMBO", "WRAP"]
CONT2 = ["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"]
SEGMENTS = ["AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"]
PRIORITIES = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"]
INSTRUCTS = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"]
MODES = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"]
WORDS = ["furiously", "quickly", "carefully", "blithely", "slyly", "ironic", "final", "pending", "regular",
         "express", "bold", "even", "packages", "deposits", "accounts", "theodolites", "pinto", "beans", "foxes",
         "ideas", "instructions", "dependencies", "excuses", "platelets", "asymptotes", "courts", "dolphins"]

START = datetime.date(1992, 1, 1)
END = datetime.date(1998, 8, 2)
CURRENT = datetime.date(1995, 6, 17)


_CENT = decimal.Decimal("0.01")


def _money(x: float) -> decimal.Decimal:
    return decimal.Decimal(x).quantize(_CENT)


def _text(r: random.Random, n: int) -> str:
    return " ".join(r.choice(WORDS) for _ in range(n))


#: Orders (with their lines) per chunk that `chunks` yields: bounds memory at large scale factors.
CHUNK_ORDERS = 100_000


def chunks(sf: float = 0.01, seed: int = 20261201) -> Iterator[Tuple[str, List[tuple]]]:
    """The eight tables' rows at scale factor `sf` (part 200,000·sf, supplier 10,000·sf, …), as
    (table, rows) pieces in generation order: orders and lineitem come CHUNK_ORDERS orders at a time."""
    r = random.Random(seed)
    n_part, n_supp, n_cust, n_orders = int(200_000 * sf), int(10_000 * sf), int(150_000 * sf), int(1_500_000 * sf)
    yield "region", [(i, name, _text(r, 5)) for i, name in enumerate(REGIONS)]
    yield "nation", [(i, name, rk, _text(r, 6)) for i, (name, rk) in enumerate(NATIONS)]
    part, retail = [], {}
    for pk in range(1, n_part + 1):
        price = _money((90000 + (pk // 10) % 20001 + 100 * (pk % 1000)) / 100)
        retail[pk] = price
        m = r.randint(1, 5)
        part.append((pk, " ".join(r.sample(COLORS, 5)), "Manufacturer#%d" % m, "Brand#%d%d" % (m, r.randint(1, 5)),
                     "%s %s %s" % (r.choice(TYPE1), r.choice(TYPE2), r.choice(TYPE3)), r.randint(1, 50),
                     "%s %s" % (r.choice(CONT1), r.choice(CONT2)), price, _text(r, 3)))
    yield "part", part
    del part
    supplier = []
    for sk in range(1, n_supp + 1):
        nk = r.randrange(25)
        comment = _text(r, 6)
        if sk % 20 == 7:
            comment = "%s Customer %s Complaints %s" % (_text(r, 2), _text(r, 1), _text(r, 1))
        supplier.append((sk, "Supplier#%09d" % sk, _text(r, 2), nk, "%d-%03d-%03d-%04d" % (nk + 10, r.randrange(1000), r.randrange(1000), r.randrange(10000)),
                         _money(r.uniform(-999.99, 9999.99)), comment))
    yield "supplier", supplier
    del supplier
    partsupp = []
    for pk in range(1, n_part + 1):
        for i in range(4):
            sk = (pk + i * (n_supp // 4 + (pk - 1) // n_supp)) % n_supp + 1
            partsupp.append((pk, sk, r.randint(1, 9999), _money(r.uniform(1.0, 1000.0)), _text(r, 8)))
        if len(partsupp) >= 4 * CHUNK_ORDERS:
            yield "partsupp", partsupp
            partsupp = []
    yield "partsupp", partsupp
    customer = []
    for ck in range(1, n_cust + 1):
        nk = r.randrange(25)
        customer.append((ck, "Customer#%09d" % ck, _text(r, 3), nk, "%d-%03d-%03d-%04d" % (nk + 10, r.randrange(1000), r.randrange(1000), r.randrange(10000)),
                         _money(r.uniform(-999.99, 9999.99)), r.choice(SEGMENTS), _text(r, 6)))
    yield "customer", customer
    del customer
    # quantities, discounts and taxes take few values: each decimal made once (the same values)
    qty_of = {q: _money(q) for q in range(1, 51)}
    disc_of = {d: _money(d / 100) for d in range(0, 11)}
    tax_of = {t: _money(t / 100) for t in range(0, 9)}
    orders, lineitem = [], []
    span = (END - START).days - 151
    day = datetime.timedelta(days=1)
    for i in range(1, n_orders + 1):
        ok = (i // 8) * 32 + i % 8  # dbgen's sparse order keys
        ck = r.randrange(1, n_cust + 1)
        while ck % 3 == 0:
            ck = r.randrange(1, n_cust + 1)
        odate = START + datetime.timedelta(days=r.randrange(span))
        comment = _text(r, 5)
        if i % 50 == 3:
            comment = "%s special %s requests %s" % (_text(r, 1), _text(r, 1), _text(r, 1))
        statuses, total = [], 0.0
        for ln in range(1, r.randint(1, 7) + 1):
            pk = r.randrange(1, n_part + 1)
            sk = (pk + r.randrange(4) * (n_supp // 4 + (pk - 1) // n_supp)) % n_supp + 1
            qty = r.randint(1, 50)
            price = _money(float(retail[pk]) * qty)
            disc = disc_of[r.randint(0, 10)]
            tax = tax_of[r.randint(0, 8)]
            ship = odate + day * r.randint(1, 121)
            commit = odate + day * r.randint(30, 90)
            receipt = ship + day * r.randint(1, 30)
            flag = r.choice("RA") if receipt <= CURRENT else "N"
            status = "O" if ship > CURRENT else "F"
            statuses.append(status)
            total += float(price) * (1 + float(tax)) * (1 - float(disc))
            lineitem.append((ok, pk, sk, ln, qty_of[qty], price, disc, tax, flag, status, ship, commit, receipt,
                             r.choice(INSTRUCTS), r.choice(MODES), _text(r, 4)))
        ostatus = "F" if all(s == "F" for s in statuses) else "O" if all(s == "O" for s in statuses) else "P"
        orders.append((ok, ck, ostatus, _money(total), odate, r.choice(PRIORITIES), "Clerk#%09d" % r.randint(1, max(1, int(1000 * sf))), 0, comment))
        if len(orders) >= CHUNK_ORDERS:
            yield "orders", orders
            yield "lineitem", lineitem
            orders, lineitem = [], []
    yield "orders", orders
    yield "lineitem", lineitem


def generate(sf: float = 0.01, seed: int = 20261201) -> Dict[str, List[tuple]]:
    """The eight tables' rows at scale factor `sf`, whole (`chunks` gives them piece by piece)."""
    out: Dict[str, List[tuple]] = {}
    for name, rows in chunks(sf, seed):
        out.setdefault(name, []).extend(rows)
    return out


#: Each table's columns as DDL, in dbgen's order and with the spec's types.
SCHEMAS = {
    "region": "r_regionkey INT, r_name STRING, r_comment STRING",
    "nation": "n_nationkey INT, n_name STRING, n_regionkey INT, n_comment STRING",
    "part": "p_partkey BIGINT, p_name STRING, p_mfgr STRING, p_brand STRING, p_type STRING, p_size INT, p_container STRING, p_retailprice DECIMAL(15,2), p_comment STRING",
    "supplier": "s_suppkey BIGINT, s_name STRING, s_address STRING, s_nationkey INT, s_phone STRING, s_acctbal DECIMAL(15,2), s_comment STRING",
    "partsupp": "ps_partkey BIGINT, ps_suppkey BIGINT, ps_availqty INT, ps_supplycost DECIMAL(15,2), ps_comment STRING",
    "customer": "c_custkey BIGINT, c_name STRING, c_address STRING, c_nationkey INT, c_phone STRING, c_acctbal DECIMAL(15,2), c_mktsegment STRING, c_comment STRING",
    "orders": "o_orderkey BIGINT, o_custkey BIGINT, o_orderstatus STRING, o_totalprice DECIMAL(15,2), o_orderdate DATE, o_orderpriority STRING, o_clerk STRING, o_shippriority INT, o_comment STRING",
    "lineitem": "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INT, l_quantity DECIMAL(15,2), l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), l_returnflag STRING, l_linestatus STRING, l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct STRING, l_shipmode STRING, l_comment STRING",
}

_ARROW = {"INT": "int32", "BIGINT": "int64", "STRING": "string", "DATE": "date32", "DECIMAL(15,2)": "decimal"}


def write_parquet(directory: str, sf: float = 0.01) -> Dict[str, str]:
    """Writes each table as `<directory>/<table>.parquet` (pyarrow, a row group per chunk); returns the paths by table."""
    import os
    import pyarrow as pa
    import pyarrow.parquet as pq

    os.makedirs(directory, exist_ok=True)
    schemas = {}
    for name, ddl in SCHEMAS.items():
        fields = []
        for col in ddl.split(", "):
            cname, ctype = col.split(" ", 1)
            t = _ARROW[ctype]
            fields.append(pa.field(cname, pa.decimal128(15, 2) if t == "decimal" else getattr(pa, t)()))
        schemas[name] = pa.schema(fields)
    paths = {name: os.path.join(directory, name + ".parquet") for name in SCHEMAS}
    writers = {}
    try:
        for name, rows in chunks(sf):
            schema = schemas[name]
            if name not in writers:
                writers[name] = pq.ParquetWriter(paths[name], schema)
            if not rows:
                continue
            cols = list(zip(*rows))
            writers[name].write_table(pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(cols, schema)], schema=schema))
    finally:
        for w in writers.values():
            w.close()
    return paths
