"""A stand-in for the ``py4j`` package under ``install_as_pyspark()`` / ``tspark-submit``:
there is no JVM, but scripts written for classic PySpark catch a failed RDD action as
``py4j.protocol.Py4JJavaError``, which tspark's RDD actions raise (see protocol.py)."""
