"""``tspark-submit script.py [args]``: run a PySpark script with ``pyspark`` resolving to tspark.

Leading spark-submit options are accepted: ``--master M``, ``--name N`` and ``--conf k=v``
become session options (read by SparkSession.builder); others taking a value are skipped.
"""
import os
import runpy
import sys
from typing import List

_WITH_VALUE = {"--master", "--name", "--conf", "-c", "--py-files", "--files", "--jars",
               "--packages", "--driver-memory", "--executor-memory", "--deploy-mode",
               "--num-executors", "--executor-cores", "--properties-file", "--remote"}


def main(argv: List[str] = None) -> int:  # type: ignore[assignment]
    """Entry point of the console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    conf = {}
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt in ("-h", "--help"):
            print("usage: tspark-submit [--master M] [--name N] [--conf k=v] script.py [args...]")
            return 0
        if opt == "--version":
            import tspark
            print("tspark", tspark.__version__)
            return 0
        key, eq, inline = opt.partition("=")
        if key in _WITH_VALUE:
            val = inline if eq else (args.pop(0) if args else "")
            if key in ("--conf", "-c") and "=" in val:
                k, v = val.split("=", 1)
                conf[k] = v
            elif key == "--master":
                conf["spark.master"] = val
            elif key == "--name":
                conf["spark.app.name"] = val
            elif key == "--remote":
                conf["spark.remote"] = val
    if not args:
        print("tspark-submit: no script given", file=sys.stderr)
        return 2
    script = args[0]
    import tspark
    tspark.install_as_pyspark()
    if conf:
        from tspark.sql import session as _session
        _session._DEFAULT_OPTIONS.update(conf)
    sys.argv = args
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
