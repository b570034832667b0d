"""The RDD and Python-UDF workloads of `npm run bench` (issue 10) on the Python sides:
tspark's client and PySpark through the RDD API and udf/pandas_udf, DuckDB through its SQL
equivalents, and plain single-process Python (the issue's baseline, run in the "pandas"
mode's process: these rows' pandas column is plain Python). workloads-rdd.ts is the Node side
(JavaScript functions). Every answer is reduced to integers, so all sides must agree exactly.

Data, from the bench's row count n (10M for the full bench):
- word count: n * 10 bytes of text (100 MB) in 20 files (fewer below 10M rows) of lines of 10 words "w<k>", k a
  scrambled index below 50021, generated once into a temporary directory (`gen` mode);
- map/filter/count: x * 3 over range(n), keeping the even ones;
- reduceByKey: (x % 100000, 1) over range(n);
- udf / pandas_udf: id + 1 over range(n), summed;
- broadcast join: range(n) mapped to fk = (x * 7919) % fkMod and looked up in a broadcast
  dict {k: k % 997} of the dimension's keys (those that miss are dropped), then counted and summed.
"""
import os
import sys
import tempfile

WORDS = 50021
FILES = 20
KEYS = 100000


def text_dir(rows):
    """The word-count input for `rows` (created if missing; its path is printed by `gen`)."""
    total = rows * 10
    d = os.path.join(tempfile.gettempdir(), f"tspark-bench-words-v1-{total}")
    if os.path.isdir(d):
        return d
    tmp = tempfile.mkdtemp(prefix="tspark-bench-words-")
    # 20 files of 5 MB at the full size; fewer for the small correctness runs (each file is a task at least)
    files = max(2, min(FILES, rows // 500000))
    per_file = total // files
    line_no = 0
    for f in range(files):
        parts, size = [], 0
        while size < per_file:
            base = line_no * 10
            line = " ".join("w%d" % (((base + p) * 2654435761) % WORDS) for p in range(10))
            parts.append(line)
            size += len(line) + 1
            line_no += 1
        with open(os.path.join(tmp, "part-%02d.txt" % f), "w") as out:
            out.write("\n".join(parts))
            out.write("\n")
    try:
        os.rename(tmp, d)
    except OSError:  # another side made it first
        pass
    return d


def _char_sum(w):
    return sum(ord(c) for c in w)


def sig_wordcount(pairs):
    words = total = checksum = 0
    for w, c in pairs:
        words += 1
        total += c
        checksum += c * _char_sum(w)
    return {"words": words, "total": total, "checksum": checksum}


def sig_pairs(pairs):
    keys = total = checksum = 0
    for k, c in pairs:
        keys += 1
        total += c
        checksum += (k + 1) * c
    return {"keys": keys, "total": total, "checksum": checksum}


def _dim(spec):
    return {k: k % 997 for k in range(spec["dimRows"])}


def rdd_runners(spark, F, args, pandas_udf=None):
    """The workloads through a PySpark-API session's RDDs and UDFs (tspark's client or PySpark)."""
    spec = args["spec"]
    n, fk_mod = spec["rows"], spec["fkMod"]
    sc = spark.sparkContext
    words = text_dir(n) if "rdd_wordcount" in args["workloads"] else None
    plus_one = F.udf(lambda x: x + 1, "long")
    dim = sc.broadcast(_dim(spec)) if "rdd_broadcast_join" in args["workloads"] else None

    def wordcount():
        return sc.textFile(words).flatMap(lambda line: line.split(" ")).map(lambda w: (w, 1)) \
            .reduceByKey(lambda a, b: a + b).collect()

    def join():
        table = dim
        hits = sc.range(n).map(lambda x: table.value.get((x * 7919) % fk_mod)).filter(lambda w: w is not None)
        return hits.map(lambda w: (1, w)).reduce(lambda a, b: (a[0] + b[0], a[1] + b[1]))

    out = {
        "rdd_wordcount": (wordcount, sig_wordcount),
        "rdd_map_filter": (lambda: sc.range(n).map(lambda x: x * 3).filter(lambda x: x % 2 == 0).count(),
                           lambda c: {"count": int(c)}),
        "rdd_reduce_by_key": (lambda: sc.range(n).map(lambda x: (x % KEYS, 1)).reduceByKey(lambda a, b: a + b).collect(),
                              sig_pairs),
        "udf_scalar": (lambda: spark.range(n).select(F.sum(plus_one("id"))).collect()[0][0], lambda s: {"sum": int(s)}),
        "rdd_broadcast_join": (join, lambda r: {"count": int(r[0]), "sum": int(r[1])}),
    }
    if pandas_udf is not None:
        plus_one_pd = pandas_udf(lambda s: s + 1, "long")
        out["pandas_udf_scalar"] = (lambda: spark.range(n).select(F.sum(plus_one_pd("id"))).collect()[0][0],
                                    lambda s: {"sum": int(s)})
    return out


def plain_runners(args):
    """The same work in plain single-process Python (lists and dicts; pandas for the pandas_udf row)."""
    spec = args["spec"]
    n, fk_mod = spec["rows"], spec["fkMod"]
    words = text_dir(n) if "rdd_wordcount" in args["workloads"] else None

    def wordcount():
        counts = {}
        for name in sorted(os.listdir(words)):
            with open(os.path.join(words, name)) as f:
                for line in f:
                    for w in line.rstrip("\n").split(" "):
                        counts[w] = counts.get(w, 0) + 1
        return counts.items()

    def map_filter():
        return sum(1 for x in map(lambda x: x * 3, range(n)) if x % 2 == 0)

    def reduce_by_key():
        counts = {}
        for x in range(n):
            k = x % KEYS
            counts[k] = counts.get(k, 0) + 1
        return counts.items()

    def udf_scalar():
        f = lambda x: x + 1  # noqa: E731 - the same lambda the UDF rows run
        return sum(f(x) for x in range(n))

    def pandas_udf_scalar():
        import pandas as pd
        return int((pd.Series(range(n), dtype="int64") + 1).sum())

    def join():
        table = _dim(spec)
        count = total = 0
        for x in range(n):
            w = table.get((x * 7919) % fk_mod)
            if w is not None:
                count += 1
                total += w
        return count, total

    return {
        "rdd_wordcount": (wordcount, sig_wordcount),
        "rdd_map_filter": (map_filter, lambda c: {"count": int(c)}),
        "rdd_reduce_by_key": (reduce_by_key, sig_pairs),
        "udf_scalar": (udf_scalar, lambda s: {"sum": int(s)}),
        "pandas_udf_scalar": (pandas_udf_scalar, lambda s: {"sum": int(s)}),
        "rdd_broadcast_join": (join, lambda r: {"count": r[0], "sum": r[1]}),
    }


def duckdb_runners(con, args, q):
    """DuckDB's SQL for the same work (`q(sql)` runs a query and returns an Arrow table)."""
    spec = args["spec"]
    n, fk_mod = spec["rows"], spec["fkMod"]
    out = {
        "rdd_map_filter": (q(f"SELECT count(*) FROM range({n}) WHERE (range * 3) % 2 = 0"),
                           lambda t: {"count": int(t.column(0)[0].as_py())}),
        "rdd_reduce_by_key": (q(f"SELECT range % {KEYS} AS k, count(*) AS c FROM range({n}) GROUP BY k"),
                              lambda t: sig_pairs(zip(t.column(0).to_pylist(), t.column(1).to_pylist()))),
        "udf_scalar": (q(f"SELECT sum(range + 1) FROM range({n})"), lambda t: {"sum": int(t.column(0)[0].as_py())}),
        "pandas_udf_scalar": (q(f"SELECT sum(range + 1) FROM range({n})"), lambda t: {"sum": int(t.column(0)[0].as_py())}),
        "rdd_broadcast_join": (q(f"SELECT count(*), sum(d.k % 997) FROM range({n}) f JOIN range({spec['dimRows']}) d(k) "
                                 f"ON (f.range * 7919) % {fk_mod} = d.k"),
                               lambda t: {"count": int(t.column(0)[0].as_py()), "sum": int(t.column(1)[0].as_py())}),
    }
    if "rdd_wordcount" in args["workloads"]:
        glob = os.path.join(text_dir(n), "*.txt")
        out["rdd_wordcount"] = (
            q(f"SELECT w, count(*) AS c FROM (SELECT unnest(string_split(line, ' ')) AS w FROM "
              f"read_csv('{glob}', columns={{'line': 'VARCHAR'}}, delim='{chr(1)}', quote='', escape='', header=false)) GROUP BY w"),
            lambda t: sig_wordcount(zip(t.column(0).to_pylist(), t.column(1).to_pylist())))
    return out


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "gen":
    print(text_dir(int(sys.argv[2])))
