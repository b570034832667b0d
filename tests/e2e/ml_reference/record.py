"""Records reference.json: scenarios.py's results on real PySpark 4.0.1.

    python tests/e2e/ml_reference/record.py --python /work/pyspark-venv/bin/python [scenario ...]

The interpreter given needs pyspark==4.0.1, scikit-learn and Java 17."""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
RUNNER = """
import json, sys
sys.path.insert(0, %r)
from pyspark.sql import SparkSession
import scenarios
spark = SparkSession.builder.master("local[2]").appName("ml-reference").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
names = sys.argv[1:] or list(scenarios.SCENARIOS)
print("@@JSON@@" + json.dumps(scenarios.run_all(spark, names)))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", required=True)
    ap.add_argument("scenarios", nargs="*")
    args = ap.parse_args()
    proc = subprocess.run([args.python, "-c", RUNNER % str(HERE)] + args.scenarios, capture_output=True, text=True,
                          env={"TZ": "UTC", "PATH": "/usr/bin:/bin", "PYSPARK_PYTHON": args.python})
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("@@JSON@@")), None)
    if line is None:
        sys.exit("recording failed:\n" + proc.stderr[-4000:])
    path = HERE / "reference.json"
    ref = json.loads(path.read_text()) if path.exists() else {}
    ref.update(json.loads(line[len("@@JSON@@"):]))
    path.write_text(json.dumps(ref, indent=1, sort_keys=True) + "\n")
    print("recorded", ", ".join(sorted(json.loads(line[len("@@JSON@@"):]))))


if __name__ == "__main__":
    main()
