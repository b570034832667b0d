"""``spark.readStream`` (DataStreamReader) and ``df.writeStream`` (DataStreamWriter), as
PySpark's pyspark.sql.streaming.readwriter: builders that make a streaming ``DataSource``
relation, and that start a query in the engine with a sink, an output mode and a trigger."""
from typing import Any, Callable, Dict, List, Optional, Union

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql import types as T
from tspark.sql._plan import relations as R
from tspark.sql.conf import _to_str
from tspark.sql.readwriter import SourceConfig
from tspark.sql.streaming.query import StreamingQuery, start_query

# No import of dataframe or session (they import this module): the session hands the reader a
# factory of DataFrames, and the writer makes its frames with its DataFrame's own class.


class DataStreamReader(SourceConfig):
    """``spark.readStream``: format, options and schema, then ``load`` (or csv/json/parquet/text/orc)."""

    def load(self, path: Optional[str] = None, format: Optional[str] = None,
             schema: Union[T.StructType, str, None] = None, **options: Any) -> Any:
        """The streaming DataFrame of the source; its schema is resolved now, as in Spark."""
        if format is not None:
            self.format(format)
        self._set_opts(schema=schema, **options)
        if path is not None and (not isinstance(path, str) or len(path.strip()) == 0):
            raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                "arg_name": "path", "arg_value": str(path)})
        fmt = self._format or self._spark.conf.get("spark.sql.sources.default") or "parquet"
        plan = R.data_source(fmt, [] if path is None else [path], self._options, self._schema, self._ddl,
                             is_streaming=True)
        df = self._frame(plan)
        df.schema  # resolves the source now: a missing schema fails at load
        return df

    def _file(self, fmt: str, path: str, schema: Any, options: Dict[str, Any]) -> Any:
        self._set_opts(schema=schema, **options)
        if not isinstance(path, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "path", "arg_type": type(path).__name__})
        return self.format(fmt).load(path)

    def json(self, path: str, schema: Union[T.StructType, str, None] = None, **options: Any) -> Any:
        """JSON files appearing in the directory ``path``."""
        return self._file("json", path, schema, options)

    def csv(self, path: str, schema: Union[T.StructType, str, None] = None, **options: Any) -> Any:
        """CSV files appearing in the directory ``path``."""
        return self._file("csv", path, schema, options)

    def parquet(self, path: str, **options: Any) -> Any:
        """Parquet files appearing in the directory ``path``."""
        return self._file("parquet", path, None, options)

    def orc(self, path: str, **options: Any) -> Any:
        """ORC files appearing in the directory ``path``."""
        return self._file("orc", path, None, options)

    def text(self, path: str, wholetext: bool = False, lineSep: Optional[str] = None, **options: Any) -> Any:
        """Text files appearing in the directory ``path``: one ``value`` row per line."""
        return self._file("text", path, None, dict(options, wholetext=wholetext or None, lineSep=lineSep))


def _foreach_batch_of(writer: Any) -> Callable[[Any, int], None]:
    """``foreach(writer)`` as a foreachBatch function: each batch's partitions run in the engine's
    Python workers, calling ``open(partition_id, epoch_id)``, ``process(row)`` and ``close(error)``
    (or the function per row), as Spark's ForeachWriter contract."""
    def run(df: Any, batch_id: int) -> None:
        def partition(rows: Any) -> None:
            from tspark.taskcontext import TaskContext
            tc = TaskContext.get()
            pid = tc.partitionId() if tc is not None else 0
            if not hasattr(writer, "process"):
                for row in rows:
                    writer(row)
                return
            opened = writer.open(pid, batch_id) if hasattr(writer, "open") else True
            error: Optional[BaseException] = None
            try:
                if opened is None or opened:
                    for row in rows:
                        writer.process(row)
            except BaseException as e:
                error = e
                raise
            finally:
                if hasattr(writer, "close"):
                    writer.close(error)
        df.foreachPartition(partition)
    return run


class DataStreamWriter:
    """``df.writeStream``: sink, output mode, trigger and options, then ``start()``."""

    def __init__(self, df: Any):
        self._df = df
        self._format: Optional[str] = None
        self._mode: Optional[str] = None
        self._trigger: Dict[str, Any] = {"kind": "default"}
        self._options: Dict[str, str] = {}
        self._name: Optional[str] = None
        self._partition_by: List[str] = []
        self._batch_func: Optional[Callable[[Any, int], None]] = None

    def outputMode(self, outputMode: str) -> "DataStreamWriter":
        """append, complete or update (checked when the query starts)."""
        if not isinstance(outputMode, str) or len(outputMode.strip()) == 0:
            raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                "arg_name": "outputMode", "arg_value": str(outputMode)})
        self._mode = outputMode
        return self

    def format(self, source: str) -> "DataStreamWriter":
        """The sink: console, memory, parquet, json, csv, text."""
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataStreamWriter":
        """One option (checkpointLocation, path, numRows, truncate, …)."""
        self._options[key] = _to_str(value)
        return self

    def options(self, **options: Any) -> "DataStreamWriter":
        """Several options at once."""
        for k, v in options.items():
            self.option(k, v)
        return self

    def partitionBy(self, *cols: Any) -> "DataStreamWriter":
        """Columns written as ``key=value`` directories by the file sinks."""
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = tuple(cols[0])
        self._partition_by = [str(c) for c in cols]
        return self

    def queryName(self, queryName: str) -> "DataStreamWriter":
        """The query's name (the memory sink's table)."""
        if not isinstance(queryName, str) or len(queryName.strip()) == 0:
            raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                "arg_name": "queryName", "arg_value": str(queryName)})
        self._name = queryName
        return self

    def trigger(self, *, processingTime: Optional[str] = None, once: Optional[bool] = None,
                continuous: Optional[str] = None, availableNow: Optional[bool] = None) -> "DataStreamWriter":
        """Exactly one of processingTime ("5 seconds"), once=True, availableNow=True, continuous."""
        given = [p for p in (processingTime, once, continuous, availableNow) if p is not None]
        if len(given) != 1:
            raise PySparkValueError(errorClass="ONLY_ALLOW_SINGLE_TRIGGER", messageParameters={})
        if processingTime is not None:
            if not isinstance(processingTime, str) or len(processingTime.strip()) == 0:
                raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                    "arg_name": "processingTime", "arg_value": str(processingTime)})
            self._trigger = {"kind": "processingTime", "interval": processingTime.strip()}
        elif once is not None:
            if once is not True:
                raise PySparkValueError(errorClass="VALUE_NOT_TRUE", messageParameters={
                    "arg_name": "once", "arg_value": str(once)})
            self._trigger = {"kind": "once"}
        elif continuous is not None:
            if not isinstance(continuous, str) or len(continuous.strip()) == 0:
                raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                    "arg_name": "continuous", "arg_value": str(continuous)})
            self._trigger = {"kind": "continuous", "interval": continuous.strip()}
        else:
            if availableNow is not True:
                raise PySparkValueError(errorClass="VALUE_NOT_TRUE", messageParameters={
                    "arg_name": "availableNow", "arg_value": str(availableNow)})
            self._trigger = {"kind": "availableNow"}
        return self

    def foreachBatch(self, func: Callable[[Any, int], None]) -> "DataStreamWriter":
        """Runs ``func(batch_df, batch_id)`` here, in this interpreter, for every micro-batch."""
        if not callable(func):
            raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={
                "arg_name": "func", "arg_type": type(func).__name__})
        self._format = "foreachBatch"
        self._batch_func = func
        return self

    def foreach(self, f: Any) -> "DataStreamWriter":
        """Runs a row writer (a function, or an object with process and optional open/close) on
        every row of every batch, in the engine's Python workers."""
        if not callable(f) and not hasattr(f, "process"):
            raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={
                "arg_name": "f", "arg_type": type(f).__name__})
        if hasattr(f, "process") and not callable(getattr(f, "process")):
            raise PySparkTypeError(errorClass="ATTRIBUTE_NOT_CALLABLE", messageParameters={
                "attr_name": "process", "obj_name": "f"})
        self._format = "foreachBatch"
        self._batch_func = _foreach_batch_of(f)
        return self

    def start(self, path: Optional[str] = None, format: Optional[str] = None,
              outputMode: Optional[str] = None, partitionBy: Any = None,
              queryName: Optional[str] = None, **options: Any) -> StreamingQuery:
        """Starts the query in the engine and returns its handle at once."""
        if format is not None:
            self.format(format)
        if outputMode is not None:
            self.outputMode(outputMode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        if queryName is not None:
            self.queryName(queryName)
        for k, v in options.items():
            if v is not None:
                self.option(k, v)
        if path is not None:
            self.option("path", path)
        session = self._df._session
        fmt = self._format or session.conf.get("spark.sql.sources.default") or "parquet"
        writer: Dict[str, Any] = {"format": fmt, "outputMode": self._mode, "trigger": self._trigger,
                                  "options": dict(self._options), "queryName": self._name,
                                  "partitionBy": list(self._partition_by)}
        frame_cls = type(self._df)
        return start_query(session, self._df._plan, writer, lambda plan: frame_cls(plan, session), self._batch_func)
