"""SparkSession: the entry point. Holds the bridge client; builds DataFrames; computes nothing."""
import atexit
import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Union


from tspark._bridge.client import Client
from tspark._bridge.launcher import EmbeddedEngine
from tspark.conf import SparkConf
from tspark.rdd import RDD
from tspark.rdd._context_ops import ContextOps
from tspark.errors import PySparkNotImplementedError, PySparkRuntimeError, PySparkTypeError
from tspark.sql import types as T
from tspark.sql._connect import open_client
from tspark.sql._convert import wire_type
from tspark.sql._local_data import local_relation_parts
from tspark.sql._plan import relations as R
from tspark.sql.conf import RuntimeConfig, _to_str
from tspark.sql.dataframe import DataFrame

__all__ = ["SparkSession"]

_lock = threading.RLock()
#: options every builder starts with (tspark-submit fills these from --conf/--master/--name)
_DEFAULT_OPTIONS: Dict[str, str] = {}
_all_sessions: List["SparkSession"] = []


class _BuilderDescriptor:
    def __get__(self, obj: Any, owner: Any) -> "SparkSession.Builder":
        return SparkSession.Builder()


class SparkSession:
    """Entry point: ``SparkSession.builder.appName("x").getOrCreate()``."""

    _active: Optional["SparkSession"] = None

    class Builder:
        """Collects options, then getOrCreate() reuses the active session or starts one."""

        def __init__(self) -> None:
            self._options: Dict[str, str] = dict(_DEFAULT_OPTIONS)

        def config(self, key: Optional[str] = None, value: Any = None, conf: Any = None,
                   *, map: Optional[Dict[str, Any]] = None) -> "SparkSession.Builder":
            """Set an option (``config("k", v)``, ``config(conf=SparkConf)``, ``config(map={...})``)."""
            if conf is not None:
                for k, v in conf.getAll():
                    self._options[k] = _to_str(v)
            if map is not None:
                for k, v in map.items():
                    self._options[k] = _to_str(v)
            if key is not None:
                self._options[key] = _to_str(value)
            return self

        def appName(self, name: str) -> "SparkSession.Builder":
            """spark.app.name."""
            return self.config("spark.app.name", name)

        def master(self, master: str) -> "SparkSession.Builder":
            """spark.master (recorded; the engine uses all local cores)."""
            return self.config("spark.master", master)

        def remote(self, url: str) -> "SparkSession.Builder":
            """Attach to a running engine: ``tcp://127.0.0.1:15002`` (``/;token=T`` for auth)."""
            return self.config("spark.remote", url)

        def enableHiveSupport(self) -> "SparkSession.Builder":
            """Accepted for compatibility; tspark has no Hive metastore."""
            return self

        def getOrCreate(self) -> "SparkSession":
            """The active session (applying these options), or a new one."""
            with _lock:
                s = SparkSession._active
                want = self._options.get("spark.remote")
                # A different remote address means a different engine: connect to it instead.
                if s is not None and not s._stopped and (want is None or want == s._remote):
                    for k, v in self._options.items():
                        if k.startswith("spark.sql."):
                            s.conf.set(k, v)
                    return s
                return self.create()

        def create(self) -> "SparkSession":
            """A new session (embedded engine unless remote)."""
            import os
            remote = self._options.get("spark.remote") or os.environ.get("TSPARK_REMOTE")
            with _lock:
                session = SparkSession._new(remote, dict(self._options))
                SparkSession._active = session
                _all_sessions.append(session)
                return session

    builder = _BuilderDescriptor()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise PySparkRuntimeError(errorClass="TSPARK_ENGINE_START_FAILED", messageParameters={
            "message": "Use SparkSession.builder.getOrCreate() to create a session."})

    @classmethod
    def _new(cls, remote: Optional[str], options: Dict[str, str]) -> "SparkSession":
        self = object.__new__(cls)
        self._stopped = False
        self._options = options
        self._remote = remote
        self._sc = None
        self._client: Client
        # set before connecting: a failed connect must surface its own error, not an AttributeError
        # from code (stop, __del__, atexit) that reads the half-built session
        self._engine: Optional[EmbeddedEngine] = None
        self._client, self._engine = open_client(remote, options, self._on_engine_dead)
        self.conf = RuntimeConfig(self)
        return self

    # --- lifecycle ---
    def _on_engine_dead(self) -> None:
        """Called by the client when the engine is gone: the next getOrCreate() starts afresh."""
        with _lock:
            self._stopped = True
            if SparkSession._active is self:
                SparkSession._active = None
        if self._engine is not None:
            threading.Thread(target=self._engine.stop, daemon=True).start()

    def _client_checked(self) -> Client:
        if self._stopped and self._client._dead is None:
            raise PySparkRuntimeError(errorClass="TSPARK_ENGINE_UNREACHABLE", messageParameters={
                "address": self._client.address, "reason": "the session was stopped"})
        return self._client

    def stop(self) -> None:
        """Release the session; an embedded engine is shut down, a remote one keeps running."""
        with _lock:
            if self._stopped and self._client._dead is not None and self._engine is None:
                return
            self._stopped = True
            if SparkSession._active is self:
                SparkSession._active = None
            if self in _all_sessions:
                _all_sessions.remove(self)
        try:
            self._client.close(release=True)
        finally:
            if self._engine is not None:
                self._engine.stop()
                self._engine = None

    close = stop

    def __enter__(self) -> "SparkSession":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @classmethod
    def getActiveSession(cls) -> Optional["SparkSession"]:
        """The session getOrCreate() would return, if any."""
        s = cls._active
        return s if s is not None and not s._stopped else None

    @classmethod
    def active(cls) -> "SparkSession":
        """The active session, else a new one."""
        return cls.getActiveSession() or cls.builder.getOrCreate()

    # --- properties ---
    @property
    def version(self) -> str:
        """The Spark version whose semantics the engine follows."""
        return self._client.spark_version or "4.0.1"

    @property
    def sparkContext(self) -> Any:
        """The SparkContext for RDDs (lambdas run in the engine's Python workers)."""
        if self._sc is None:
            self._sc = SparkContext._for_session(self)
        return self._sc

    @property
    def udf(self) -> Any:
        """``spark.udf.register(name, f, returnType)``."""
        from tspark.sql.udf import UDFRegistration
        return UDFRegistration(self)

    @property
    def udtf(self) -> Any:
        """``spark.udtf.register(name, f)``: a Python UDTF for SQL's FROM clause and LATERAL joins."""
        from tspark.sql.udtf_registration import UDTFRegistration
        return UDTFRegistration(self)

    # --- DataFrame sources ---
    def range(self, start: int, end: Optional[int] = None, step: int = 1,
              numPartitions: Optional[int] = None) -> DataFrame:
        """A bigint column ``id`` from start (inclusive) to end (exclusive)."""
        if end is None:
            start, end = 0, start
        return DataFrame(R.range_(int(start), int(end), int(step), numPartitions), self)

    def createDataFrame(self, data: Any, schema: Union[T.DataType, str, List[str], None] = None,
                        samplingRatio: Optional[float] = None, verifySchema: bool = True) -> DataFrame:
        """A DataFrame from local rows (tuples, dicts, Rows, lists), an RDD, a pandas DataFrame,
        a pyarrow Table or a numpy array, with PySpark's schema inference for each. The frame has
        ``spark.default.parallelism`` partitions, as PySpark's parallelized local data has
        (an RDD keeps its own partition count)."""
        from tspark.sql.pandas import conversion as C
        if isinstance(data, DataFrame):
            raise PySparkTypeError(errorClass="INVALID_TYPE", messageParameters={"arg_name": "data", "arg_type": "DataFrame"})
        if isinstance(schema, str):
            schema = T.DataType.fromDDL(schema)
        elif isinstance(schema, (list, tuple)):
            schema = [x if isinstance(x, str) else str(x) for x in schema]
        num_partitions = None
        if isinstance(data, RDD):
            num_partitions = data.getNumPartitions()
            data = data.collect()
        if C.is_ndarray(data):
            arrow = C._conf_true(self, C._ARROW, "false")
            data, schema = C.numpy_to_pandas(data, schema, arrow)
        if C.is_pandas_frame(data):
            struct, rows = C.from_pandas(self, data, schema, samplingRatio, verifySchema)
        elif C.is_arrow_table(data):
            struct, rows = C.from_arrow_table(self, data, schema)
        else:
            struct, rows = local_relation_parts(data, schema, verifySchema)
        if num_partitions is None:
            # PySpark parallelizes local data into defaultParallelism slices (empty ones too)
            num_partitions = self.sparkContext.defaultParallelism
        return DataFrame(R.local_relation(wire_type(struct), rows, num_partitions), self)

    def sql(self, sqlQuery: str, args: Any = None, **kwargs: Any) -> DataFrame:
        """A query as a DataFrame (analyzed now, run by its actions), or a command run now with its rows.

        ``args`` binds ``:name`` markers (a dict) or ``?`` markers (a list); ``kwargs`` fill
        ``{name}`` in the text: a DataFrame is read as a relation, other values are inserted.
        """
        from tspark.sql._execute import analyze
        from tspark.sql._sql_format import sql_relation
        plan = sql_relation(sqlQuery, args, kwargs)
        res = analyze(self, plan, "sql")
        if res.get("rows") is None:
            return DataFrame(plan, self)
        result = DataFrame(R.local_relation(res["schema"], [list(r) for r in res["rows"]]), self)
        # a command's result is Spark's CommandResult, which isLocal() answers True for
        result._is_command_result = True
        return result

    @property
    def read(self) -> Any:
        """A DataFrameReader (``spark.read.csv(...)``, ``.format(...).load(...)``)."""
        from tspark.sql.readwriter import DataFrameReader
        return DataFrameReader(self, lambda plan: DataFrame(plan, self))

    @property
    def readStream(self) -> Any:
        """A DataStreamReader (``spark.readStream.format("rate").load()``, ``.json(dir)``)."""
        from tspark.sql.streaming.readwriter import DataStreamReader
        return DataStreamReader(self, lambda plan: DataFrame(plan, self))

    @property
    def streams(self) -> Any:
        """The session's StreamingQueryManager (``spark.streams.active``)."""
        from tspark.sql.streaming.query import StreamingQueryManager
        manager = self.__dict__.get("_streams")
        if manager is None:
            manager = self.__dict__["_streams"] = StreamingQueryManager(self)
        return manager

    @property
    def catalog(self) -> Any:
        """``spark.catalog``: databases, temp views, functions and cached tables."""
        from tspark.sql.catalog import Catalog
        return Catalog(self)

    def table(self, tableName: str) -> DataFrame:
        """A temp view (``v``) or global temp view (``global_temp.v``) by name, as a DataFrame."""
        from tspark.sql._execute import analyze
        # The engine's SQL parser splits the name (backquotes, ``db.t``), as Spark's does.
        plan = R.unresolved_relation(tableName)
        analyze(self, plan, "schema")
        return DataFrame(plan, self)

    def __repr__(self) -> str:
        return "<tspark.sql.session.SparkSession object>"



def _stop_all() -> None:
    for s in list(_all_sessions):
        try:
            s.stop()
        except Exception:
            pass


atexit.register(_stop_all)


class SparkContext(ContextOps):
    """``spark.sparkContext``: RDD sources, union, broadcast variables and accumulators
    (tspark.rdd._context_ops), bound to a session's engine."""

    # Public as tspark.context.SparkContext (PySpark's pyspark.context), where it is re-exported.
    __module__ = "tspark.context"

    _active: Optional["SparkContext"] = None

    def __init__(self, master: Optional[str] = None, appName: Optional[str] = None,
                 conf: Optional[SparkConf] = None, **_: Any):
        b = SparkSession.builder
        if conf is not None:
            b = b.config(conf=conf)
        if master:
            b = b.master(master)
        if appName:
            b = b.appName(appName)
        self._init(b.getOrCreate())

    def _init(self, session: Any) -> None:
        self._session = session
        self._init_ops()
        SparkContext._active = self
        session._sc = self

    @classmethod
    def _for_session(cls, session: Any) -> "SparkContext":
        sc = object.__new__(cls)
        sc._init(session)
        return sc

    @classmethod
    def getOrCreate(cls, conf: Optional[SparkConf] = None) -> "SparkContext":
        """The active session's context."""
        b = SparkSession.builder
        if conf is not None:
            b = b.config(conf=conf)
        return b.getOrCreate().sparkContext

    def stop(self) -> None:
        """Stop the session."""
        self._session.stop()
