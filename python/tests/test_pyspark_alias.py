"""`import pyspark` resolves to tspark under install_as_pyspark() and tspark-submit."""
import os
import subprocess
import sys

SCRIPT = """
from pyspark.sql import SparkSession, Row, functions as F
from pyspark.sql.types import *
from pyspark.sql.functions import col, udf
from pyspark import SparkContext, SparkConf
import pyspark.sql.functions
from pyspark.errors import AnalysisException
import tspark.sql.functions
print(SparkSession.__module__, pyspark.sql.functions is tspark.sql.functions, LongType(), Row(a=1))
import pyspark.ml.linalg
import tspark.ml.linalg
print("ml", pyspark.ml.linalg is tspark.ml.linalg, pyspark.ml.linalg.Vectors.dense([1.0, 2.0]))
import sys; print(sys.argv[1:])
"""


def run(args, tmp_path):
    script = tmp_path / "job.py"
    script.write_text(SCRIPT)
    return subprocess.run(args(str(script)), capture_output=True, text=True, cwd=str(tmp_path), timeout=60)


def test_tspark_submit_runs_unmodified_script(tmp_path):
    p = run(lambda s: [sys.executable, "-m", "tspark.submit", "--master", "local[2]", "--conf", "a=b", s, "x", "y"],
            tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["tspark.sql.session True LongType() Row(a=1)", "ml True [1.0,2.0]",
                                     "['x', 'y']"]


def test_install_as_pyspark_from_code(tmp_path):
    code = "import tspark; tspark.install_as_pyspark()\n" + SCRIPT
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == "tspark.sql.session True LongType() Row(a=1)"


def test_missing_node_says_how_to_install(tmp_path):
    cli = tmp_path / "cli.js"
    cli.write_text("")
    env = dict(os.environ, PATH=str(tmp_path), TSPARK_ENGINE_CLI=str(cli))
    code = "from tspark.sql import SparkSession\nSparkSession.builder.getOrCreate()\n"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode != 0
    assert "Node.js >= 20" in p.stderr and "install" in p.stderr and "RuntimeError" not in p.stdout


def test_top_level_shared_variable_names_and_the_py4j_shim_resolve():
    import tspark
    from tspark.accumulators import AccumulatorParam
    from tspark.files import SparkFiles
    from tspark.py4j.protocol import Py4JJavaError
    from tspark.taskcontext import TaskContext
    assert tspark.AccumulatorParam is AccumulatorParam and tspark.SparkFiles is SparkFiles
    assert tspark.TaskContext is TaskContext and TaskContext.get() is None
    tspark.install_as_pyspark()
    import py4j.protocol
    assert py4j.protocol.Py4JJavaError is Py4JJavaError
