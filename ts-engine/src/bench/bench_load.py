"""`npm run bench -- --load`: N concurrent clients x M mixed queries against one standalone engine
(`tspark-engine serve` on loopback), bounded by a time limit. Reports throughput, p50/p99 latency,
errors (must be 0) and the engine's RSS after a warm-up and at the end, which must stay within 10 %
(no leak). Usage: bench_load.py '{"clients": 4, "queries": 2500, "seconds": 600, "warmup": 200}'.
"""
from __future__ import annotations

import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[3]
CLI = ROOT / "ts-engine" / "dist" / "bundle" / "cli.js"

CLIENT = r"""
import json, sys, time
from tspark.sql import SparkSession, functions as F
addr, n, deadline = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
spark = SparkSession.builder.remote(addr).getOrCreate()
small = spark.createDataFrame([(i, "k%d" % (i % 7), float(i)) for i in range(200)], "id INT, k STRING, v DOUBLE")
small.createOrReplaceTempView("t")
queries = [
    lambda: spark.range(1000).count(),
    lambda: small.groupBy("k").agg(F.sum("v").alias("s")).orderBy("k").collect(),
    lambda: spark.sql("SELECT k, count(*) AS c FROM t WHERE id % 3 = 0 GROUP BY k").collect(),
    lambda: spark.range(0, 20000, 1, 4).selectExpr("id % 100 AS g").distinct().count(),
    lambda: spark.range(2000).selectExpr("id", "concat('x', id) AS s").collect(),
    lambda: small.join(small.select("k").distinct(), "k").count(),
]
lat, errors = [], []
for i in range(n):
    if time.time() > deadline:
        break
    t0 = time.perf_counter()
    try:
        queries[i % len(queries)]()
    except Exception as e:
        errors.append("%s: %s" % (type(e).__name__, str(e)[:200]))
    lat.append(time.perf_counter() - t0)
spark.stop()
print(json.dumps({"lat": lat, "errors": errors}))
"""


def rss_mb(pid: int) -> float:
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_clients(addr: str, clients: int, queries: int, seconds: float) -> tuple[list[float], list[str], float]:
    deadline = time.time() + seconds
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", CLIENT, addr, str(queries), str(deadline)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(clients)]
    lat: list[float] = []
    errors: list[str] = []
    for p in procs:
        out, err = p.communicate(timeout=seconds + 120)
        try:
            r = json.loads(out.strip().splitlines()[-1])
            lat += r["lat"]
            errors += r["errors"]
        except (ValueError, IndexError):
            errors.append("client exited %s: %s" % (p.returncode, err[-300:]))
    return lat, errors, time.perf_counter() - t0


def main() -> int:
    cfg = {"clients": 4, "queries": 2500, "seconds": 600.0, "warmup": 100}
    if len(sys.argv) > 1:
        cfg.update(json.loads(sys.argv[1]))
    engine = subprocess.Popen(["node", str(CLI), "serve", "--host", "127.0.0.1", "--port", "0", "--python", sys.executable],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert engine.stdout is not None
    addr = engine.stdout.readline().split()[1]
    threading.Thread(target=engine.stdout.read, daemon=True).start()
    try:
        start_rss = rss_mb(engine.pid)
        _, warm_errors, _ = run_clients(addr, cfg["clients"], int(cfg["warmup"]), float(cfg["seconds"]))
        warm_rss = rss_mb(engine.pid)
        lat, errors, wall = run_clients(addr, int(cfg["clients"]), int(cfg["queries"]), float(cfg["seconds"]))
        end_rss = rss_mb(engine.pid)
    finally:
        engine.terminate()
        engine.wait(timeout=30)
    errors = warm_errors + errors
    lat.sort()
    n = len(lat)
    p = lambda q: lat[min(n - 1, int(q * n))] * 1000 if n else float("nan")  # noqa: E731
    growth = (end_rss - warm_rss) / warm_rss * 100 if warm_rss else float("nan")
    print("load: %d clients, %d queries in %.1f s: %.1f queries/s; latency p50 %.1f ms, p99 %.1f ms, mean %.1f ms"
          % (cfg["clients"], n, wall, n / wall if wall else 0, p(0.5), p(0.99), statistics.mean(lat) * 1000 if n else 0))
    print("engine RSS: %.0f MB at start, %.0f MB after warm-up, %.0f MB at the end (%+.1f %%)" % (start_rss, warm_rss, end_rss, growth))
    print("errors: %d%s" % (len(errors), "" if not errors else " — first: " + errors[0]))
    ok = not errors and (n < 10_000 or growth <= 10.0)
    print("load OK" if ok else "load FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
