"""DataFrame: a plan plus its session. Transformations return new frames; actions use the bridge."""
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from tspark.errors import (AnalysisException, PySparkAttributeError, PySparkTypeError,
                           PySparkValueError)
from tspark.sql import _na, _stat
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql._plan import relations as R
from tspark.sql.column import Column
from tspark.sql.row import Row

__all__ = ["DataFrame"]

#: Spark's JoinType.apply: lower-cased, underscores removed
_JOIN_TYPES = {
    "inner": "inner", "cross": "cross", "outer": "full", "full": "full", "fullouter": "full",
    "left": "left", "leftouter": "left", "right": "right", "rightouter": "right",
    "semi": "left_semi", "leftsemi": "left_semi", "anti": "left_anti", "leftanti": "left_anti",
}
_SUPPORTED_JOINS = ("'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', "
                    "'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', "
                    "'semi', 'leftanti', 'left_anti', 'anti', 'cross'")


def _flatten(cols: Sequence[Any]) -> List[Any]:
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
        return list(cols[0])
    return list(cols)



class DataFrame:
    """A distributed collection of rows under a schema (``_plan`` is a PROTOCOL.md relation)."""

    def __init__(self, plan: Dict[str, Any], session: Any):
        self._plan = plan
        self._session = session
        self._schema: Optional[T.StructType] = None
        #: set by cache()/persist(), cleared by unpersist(), as PySpark's attribute
        self.is_cached = False

    @property
    def sparkSession(self) -> Any:
        """The session this frame belongs to."""
        return self._session

    def _new(self, plan: Dict[str, Any]) -> "DataFrame":
        return DataFrame(plan, self._session)

    def _col_expr(self, c: Any, arg_name: str = "col") -> Dict[str, Any]:
        if isinstance(c, Column):
            return c._expr
        if isinstance(c, str):
            return E.column_from_name(c)
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
            "arg_name": arg_name, "arg_type": type(c).__name__})

    # --- column access ---
    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, str):
            return self._checked_column(item)
        if isinstance(item, Column):
            return self.filter(item)
        if isinstance(item, (list, tuple)):
            return self.select(*item)
        if isinstance(item, int):
            return Column(E.unresolved_attribute(self.columns[item], self._plan["planId"]))
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT_OR_LIST_OR_STR_OR_TUPLE",
                               messageParameters={"arg_name": "item", "arg_type": type(item).__name__},
                               message="Argument `item` should be a Column, int, list, str or tuple, got %s."
                               % type(item).__name__)

    def __getattr__(self, name: str) -> Column:
        # Properties that raised AttributeError land here too: never recurse into them.
        if name.startswith("_") or name in ("columns", "schema", "dtypes"):
            raise AttributeError(name)
        if name not in self.columns:
            raise PySparkAttributeError(errorClass="ATTRIBUTE_NOT_SUPPORTED",
                                        messageParameters={"attr_name": name})
        return Column(E.column_from_name(name, self._plan["planId"]))

    def _checked_column(self, name: str) -> Column:
        """``df["x"]``: resolved eagerly like classic PySpark, so a bad name fails here."""
        col = Column(E.column_from_name(name, self._plan["planId"]))
        if name == "*" or self.columns.count(name) == 1:
            return col
        # Not a top-level column: let the engine's analyzer decide (nested fields, its error).
        from tspark.sql._execute import analyze
        analyze(self._session, R.project(self._plan, [col._expr]), "schema")
        return col

    def colRegex(self, colName: str) -> Column:
        """The columns whose names match a Java regex written in backquotes (``"`col.*`"``,
        ``"t.`x.*`"`` for one alias), expanded where it stands; other text is ``df[colName]``."""
        import re
        if not isinstance(colName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                "arg_name": "colName", "arg_type": type(colName).__name__})
        whole = re.fullmatch(r"`(.+)`", colName, re.S)
        if whole is not None:
            return Column(E.unresolved_regex(whole.group(1), None, self._plan.get("planId")))
        qualified = re.fullmatch(r"(.+)\.`(.+)`", colName, re.S)
        if qualified is not None:
            return Column(E.unresolved_regex(qualified.group(2), E.parse_attribute_name(qualified.group(1)), self._plan.get("planId")))
        return self[colName]

    def __dir__(self) -> List[str]:
        return sorted(set(dir(type(self))) | set(c for c in self.columns if c.isidentifier()))

    # --- transformations ---
    def select(self, *cols: Any) -> "DataFrame":
        """Project columns (names, ``"*"``, or Column expressions)."""
        return self._new(R.project(self._plan, [self._col_expr(c) for c in _flatten(cols)]))

    def selectExpr(self, *expr: Any) -> "DataFrame":
        """Project SQL expressions (``"a + 1 AS b"``)."""
        return self._new(R.project(self._plan, [E.expr_string(e) for e in _flatten(expr)]))

    def filter(self, condition: Union[Column, str]) -> "DataFrame":
        """Rows where `condition` (a Column or SQL text) is true."""
        if isinstance(condition, str):
            cond = E.expr_string(condition)
        elif isinstance(condition, Column):
            cond = condition._expr
        else:
            raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
                "arg_name": "condition", "arg_type": type(condition).__name__})
        return self._new(R.filter_(self._plan, cond))

    where = filter

    def withColumn(self, colName: str, col: Column) -> "DataFrame":
        """Add or replace one column."""
        if not isinstance(col, Column):
            raise PySparkTypeError(errorClass="NOT_COLUMN", messageParameters={
                "arg_name": "col", "arg_type": type(col).__name__})
        return self._new(R.with_columns(self._plan, [colName], [col._expr]))

    def withColumns(self, *colsMap: Dict[str, Column]) -> "DataFrame":
        """Add or replace several columns: ``withColumns({"a": ..., "b": ...})``."""
        if len(colsMap) != 1 or not isinstance(colsMap[0], dict):
            raise PySparkTypeError(errorClass="NOT_DICT", messageParameters={
                "arg_name": "colsMap", "arg_type": type(colsMap[0] if colsMap else None).__name__})
        m = colsMap[0]
        return self._new(R.with_columns(self._plan, list(m.keys()), [c._expr for c in m.values()]))

    def withMetadata(self, columnName: str, metadata: Dict[str, Any]) -> "DataFrame":
        """The frame with column ``columnName``'s field metadata replaced by ``metadata``."""
        if not isinstance(metadata, dict):
            raise PySparkTypeError(errorClass="NOT_DICT", messageParameters={
                "arg_name": "metadata", "arg_type": type(metadata).__name__})
        # an empty dict keeps the column's metadata, as PySpark 4.0.1 does
        df = self.withColumn(columnName, Column(E.alias(E.column_from_name(columnName), columnName, metadata=metadata or None)))
        df.schema  # analyzed now, as Spark's withMetadata: an unknown column raises here
        return df

    def withColumnRenamed(self, existing: str, new: str) -> "DataFrame":
        """Rename one column (a no-op when it does not exist)."""
        return self._new(R.with_columns_renamed(self._plan, [(existing, new)]))

    def withColumnsRenamed(self, colsMap: Dict[str, str]) -> "DataFrame":
        """Rename several columns."""
        return self._new(R.with_columns_renamed(self._plan, list(colsMap.items())))

    def drop(self, *cols: Any) -> "DataFrame":
        """Remove columns by name or Column; unknown names are ignored."""
        exprs = []
        for c in _flatten(cols):
            if isinstance(c, str):
                exprs.append({"kind": "UnresolvedAttribute", "nameParts": [c]})
            elif isinstance(c, Column):
                exprs.append(c._expr)
            else:
                raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
                    "arg_name": "col", "arg_type": type(c).__name__})
        return self._new(R.drop(self._plan, exprs))

    def groupBy(self, *cols: Any) -> "Any":
        """Group for aggregation: ``groupBy("k").agg(F.sum("v"))``."""
        from tspark.sql.group import GroupedData
        return GroupedData(self, [self._col_expr(c) for c in _flatten(cols)])

    groupby = groupBy

    def agg(self, *exprs: Any) -> "DataFrame":
        """Aggregate over the whole frame."""
        return self.groupBy().agg(*exprs)

    def _sort_orders(self, cols: Sequence[Any], ascending: Any) -> List[Dict[str, Any]]:
        cols = _flatten(cols)
        if not cols:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "cols"})
        if ascending is None:
            ascending = True
        if isinstance(ascending, (bool, int)):
            flags = [bool(ascending)] * len(cols)
        elif isinstance(ascending, list):
            flags = [bool(a) for a in ascending]
        else:
            raise PySparkTypeError(errorClass="NOT_BOOL_OR_LIST", messageParameters={
                "arg_name": "ascending", "arg_type": type(ascending).__name__},
                message="Argument `ascending` should be a bool or list, got %s." % type(ascending).__name__)
        orders = []
        for c, asc in zip(cols, flags):
            e = self._col_expr(c)
            if e.get("kind") == "SortOrder":
                orders.append(e if asc else E.sort_order(e["child"], False, False))
            else:
                orders.append(E.sort_order(e, asc, asc))
        return orders

    def orderBy(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        """Sort globally; ``ascending=`` a bool or one bool per column."""
        return self._new(R.sort(self._plan, self._sort_orders(cols, kwargs.get("ascending")), True))

    sort = orderBy

    def sortWithinPartitions(self, *cols: Any, **kwargs: Any) -> "DataFrame":
        """Sort each partition."""
        return self._new(R.sort(self._plan, self._sort_orders(cols, kwargs.get("ascending")), False))

    def limit(self, num: int) -> "DataFrame":
        """The first `num` rows."""
        return self._new(R.limit(self._plan, int(num)))

    def join(self, other: "DataFrame", on: Any = None, how: Optional[str] = None) -> "DataFrame":
        """Join on column name(s) (keys once in the output) or a condition; ``how`` as in PySpark."""
        jt = "inner" if how is None else _JOIN_TYPES.get(str(how).lower().replace("_", ""))
        if jt is None:
            # Raised eagerly, as PySpark's JVM side does at join().
            params = {"typ": str(how), "supported": _SUPPORTED_JOINS}
            raise AnalysisException(
                errorClass="UNSUPPORTED_JOIN_TYPE", messageParameters=params, sqlState="0A000",
                _full_message="[UNSUPPORTED_JOIN_TYPE] Unsupported join type '%s'. Supported join types "
                              "include: %s. SQLSTATE: 0A000" % (how, _SUPPORTED_JOINS))
        if on is None:
            return self._new(R.join(self._plan, other._plan, jt))
        if isinstance(on, str):
            return self._new(R.join(self._plan, other._plan, jt, using_columns=[on]))
        if isinstance(on, Column):
            return self._new(R.join(self._plan, other._plan, jt, condition=on._expr))
        if isinstance(on, (list, tuple)):
            if all(isinstance(o, str) for o in on):
                return self._new(R.join(self._plan, other._plan, jt, using_columns=list(on)))
            if all(isinstance(o, Column) for o in on):
                cond = on[0]
                for o in on[1:]:
                    cond = cond & o
                return self._new(R.join(self._plan, other._plan, jt, condition=cond._expr))
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_LIST_OR_STR", messageParameters={
            "arg_name": "on", "arg_type": type(on).__name__})

    def lateralJoin(self, other: "DataFrame", on: Optional[Column] = None, how: Optional[str] = None) -> "DataFrame":
        """A lateral join (PySpark 4.0): ``other`` is evaluated for each row of this frame and may
        read its columns through ``col.outer()``; ``how`` is inner (default), cross or left."""
        jt = "inner" if how is None else _JOIN_TYPES.get(str(how).lower().replace("_", ""))
        if jt not in ("inner", "left", "cross"):
            supported = "'inner', 'leftouter', 'left', 'left_outer', 'cross'"
            raise AnalysisException(
                errorClass="UNSUPPORTED_JOIN_TYPE", messageParameters={"typ": str(how), "supported": supported},
                sqlState="0A000", _full_message="[UNSUPPORTED_JOIN_TYPE] Unsupported join type '%s'. Supported join types "
                "include: %s. SQLSTATE: 0A000" % (how, supported))
        return self._new(R.join(self._plan, other._plan, jt, condition=None if on is None else on._expr, lateral=True))

    def crossJoin(self, other: "DataFrame") -> "DataFrame":
        """Cartesian product."""
        return self._new(R.join(self._plan, other._plan, "cross"))

    def distinct(self) -> "DataFrame":
        """Distinct rows."""
        return self._new(R.distinct(self._plan))

    def dropDuplicates(self, subset: Optional[List[str]] = None) -> "DataFrame":
        """Distinct rows; with ``subset``, one row per distinct value of those columns (its
        other columns from the first row of each group)."""
        if subset is not None and (not isinstance(subset, (list, tuple, set)) or isinstance(subset, str)):
            raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        if subset is None:
            return self.distinct()
        for c in subset:
            if not isinstance(c, str):
                raise PySparkTypeError(errorClass="NOT_STR",
                                       messageParameters={"arg_name": "subset", "arg_type": type(c).__name__})
        return self._new(R.distinct(self._plan, list(subset)))

    drop_duplicates = dropDuplicates

    def dropDuplicatesWithinWatermark(self, subset: Optional[List[str]] = None) -> "DataFrame":
        """Streaming deduplication; a batch frame raises when run, as Spark's does."""
        if subset is not None and (not isinstance(subset, (list, tuple, set)) or isinstance(subset, str)):
            raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE",
                                   messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
        for c in subset or []:
            if not isinstance(c, str):
                raise PySparkTypeError(errorClass="NOT_STR",
                                       messageParameters={"arg_name": "subset", "arg_type": type(c).__name__})
        return self._new(R.distinct(self._plan, None if subset is None else list(subset), within_watermark=True))

    def union(self, other: "DataFrame") -> "DataFrame":
        """Rows of both frames, matched by position (duplicates kept)."""
        return self._new(R.union([self._plan, other._plan]))

    unionAll = union

    def unionByName(self, other: "DataFrame", allowMissingColumns: bool = False) -> "DataFrame":
        """Rows of both frames, matched by column name."""
        return self._new(R.union([self._plan, other._plan], True, allowMissingColumns))

    def alias(self, alias: str) -> "DataFrame":
        """Name the frame, for qualified references (``F.col("t.a")``)."""
        df = self._new(R.subquery_alias(self._plan, alias))
        df._schema = self._schema  # same columns
        return df

    def hint(self, name: str, *parameters: Any) -> "DataFrame":
        """A hint on this frame: ``broadcast``, ``merge``, ``shuffle_hash`` … choose the strategy of a join on it."""
        if not isinstance(name, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "name", "arg_type": type(name).__name__})
        if len(parameters) == 1 and isinstance(parameters[0], list):
            parameters = tuple(parameters[0])
        # a column reference names its column (the partitioning hints take column names)
        parameters = tuple(_hint_column_name(p) for p in parameters)
        flat: List[Any] = []
        for p in parameters:
            ok = isinstance(p, (str, int, float)) or (isinstance(p, list) and all(isinstance(x, (str, int, float)) for x in p))
            if not ok:
                raise PySparkTypeError(
                    errorClass="DISALLOWED_TYPE_FOR_CONTAINER",
                    messageParameters={"arg_name": "parameters", "arg_type": type(parameters).__name__,
                                       "allowed_types": "str, float, int, Column, list[str], list[float], list[int]",
                                       "item_type": type(p).__name__})
            flat.extend(p if isinstance(p, list) else [p])
        df = self._new(R.hint(self._plan, name, flat))
        df._schema = self._schema  # same columns
        return df

    def toDF(self, *cols: str) -> "DataFrame":
        """Rename all columns positionally."""
        return self._new(R.to_df(self._plan, list(cols)))

    def cache(self) -> "DataFrame":
        """Persist at the default level (MEMORY_AND_DISK_DESER); returns self."""
        return self.persist()

    def persist(self, storageLevel: Any = None) -> "DataFrame":
        """Keep this frame's rows once computed: the first action that reads them stores them
        in the engine, and later queries over this frame read them. Returns self."""
        from tspark.sql._execute import analyze
        from tspark.storagelevel import StorageLevel
        level = StorageLevel.MEMORY_AND_DISK_DESER if storageLevel is None else storageLevel
        if not isinstance(level, StorageLevel):
            raise TypeError("storageLevel must be of type pyspark.StorageLevel")  # PySpark's own message
        self.is_cached = True
        analyze(self._session, self._plan, "persist", storageLevel=level._to_wire())
        return self

    @property
    def storageLevel(self) -> Any:
        """The level this frame's plan is cached at in the engine (StorageLevel.NONE's flags when not)."""
        from tspark.sql._execute import analyze
        from tspark.storagelevel import StorageLevel
        return StorageLevel._from_wire(analyze(self._session, self._plan, "storageLevel")["storageLevel"])

    def unpersist(self, blocking: bool = False) -> "DataFrame":
        """Drop the cached rows (later queries compute them again); returns self."""
        from tspark.sql._execute import analyze
        self.is_cached = False
        analyze(self._session, self._plan, "unpersist", blocking=bool(blocking))
        return self

    def checkpoint(self, eager: bool = True) -> "DataFrame":
        """A frame of this frame's rows with its lineage cut: later queries read the saved rows
        (explain shows Spark's ``Scan ExistingRDD``), in as many partitions as it has now."""
        return self._checkpointed(eager)

    def localCheckpoint(self, eager: bool = True, storageLevel: Any = None) -> "DataFrame":
        """As checkpoint (tspark keeps both kinds of checkpoint the same way)."""
        from tspark.storagelevel import StorageLevel
        if storageLevel is not None and not isinstance(storageLevel, StorageLevel):
            raise TypeError("storageLevel must be of type pyspark.StorageLevel")  # PySpark's own message
        return self._checkpointed(eager)

    def _checkpointed(self, eager: bool) -> "DataFrame":
        # The engine keeps the rows (computed now when eager, else by the first action that
        # reads them) until the session ends; the new frame's plan only names them, as Spark's
        # LogicalRDD over the saved RDD: it no longer holds this frame's plan.
        from tspark.sql._convert import wire_type
        from tspark.sql._execute import analyze_job
        reply = analyze_job(self._session, self._plan, "checkpoint", eager=bool(eager))
        schema = T.StructType.fromJson(reply["schema"])
        df = self._new(R.local_relation(wire_type(schema), [], checkpoint_id=reply["checkpointId"]))
        df._schema = schema
        return df

    def repartition(self, numPartitions: Any, *cols: Any) -> "DataFrame":
        """Redistribute into ``numPartitions`` partitions: round robin, or by hash of ``cols``
        (columns alone: ``spark.sql.shuffle.partitions``, which AQE may coalesce)."""
        if isinstance(numPartitions, int) and not isinstance(numPartitions, bool):
            if not cols:
                return self._new(R.repartition(self._plan, numPartitions, True))
            return self._new(R.repartition_by_expression(self._plan, [self._col_expr(c) for c in _flatten(cols)], numPartitions))
        if isinstance(numPartitions, (str, Column)):
            keys = [numPartitions, *cols]
            return self._new(R.repartition_by_expression(self._plan, [self._col_expr(c) for c in _flatten(keys)], None))
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
            "arg_name": "numPartitions", "arg_type": type(numPartitions).__name__})

    def repartitionByRange(self, numPartitions: Any, *cols: Any) -> "DataFrame":
        """Redistribute into ranges of ``cols`` (ascending unless a column is a sort order),
        sampled as Spark's RangePartitioner does."""
        if isinstance(numPartitions, int) and not isinstance(numPartitions, bool):
            if not cols:
                raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={
                    "item": "partition-by expression"})
            return self._new(R.repartition_by_expression(self._plan, self._range_orders(cols), numPartitions))
        if isinstance(numPartitions, (str, Column)):
            return self._new(R.repartition_by_expression(self._plan, self._range_orders([numPartitions, *cols]), None))
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT_OR_STR", messageParameters={
            "arg_name": "numPartitions", "arg_type": type(numPartitions).__name__})

    def _range_orders(self, cols: Sequence[Any]) -> List[Dict[str, Any]]:
        # Spark's Dataset.repartitionByRange: a key that is not a sort order sorts ascending
        out = []
        for c in _flatten(cols):
            e = self._col_expr(c)
            out.append(e if e.get("kind") == "SortOrder" else E.sort_order(e, True, True))
        return out

    def coalesce(self, numPartitions: int) -> "DataFrame":
        """At most ``numPartitions`` partitions, merging neighbours without a shuffle."""
        return self._new(R.repartition(self._plan, int(numPartitions), False))

    # --- schema ---
    @property
    def schema(self) -> T.StructType:
        """The result schema, from the engine's analyzer (cached)."""
        if self._schema is None:
            from tspark.sql._execute import analyze
            self._schema = T.StructType.fromJson(analyze(self._session, self._plan, "schema")["schema"])
        return self._schema

    @property
    def columns(self) -> List[str]:
        """Column names."""
        return self.schema.fieldNames()

    @property
    def dtypes(self) -> List[Tuple[str, str]]:
        """(name, simpleString type) per column."""
        return [(f.name, f.dataType.simpleString()) for f in self.schema.fields]

    def printSchema(self, level: Optional[int] = None) -> None:
        """Print the schema tree (the engine's treeString)."""
        from tspark.sql._execute import analyze
        print(analyze(self._session, self._plan, "treeString", level=level)["text"])

    def explain(self, extended: Any = None, mode: Optional[str] = None) -> None:
        """Print the plans (``mode``: simple, extended, formatted)."""
        from tspark.sql._execute import analyze
        if isinstance(extended, str) and mode is None:
            mode, extended = extended, None
        if mode is None:
            mode = "extended" if extended else "simple"
        print(analyze(self._session, self._plan, "explain", mode=mode)["text"])

    # --- actions ---
    def collect(self) -> List[Row]:
        """All rows."""
        from tspark.sql._execute import collect_rows
        return collect_rows(self._session, self._plan)

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Any:
        """The rows as an iterator, partition by partition as PySpark runs them: the engine
        computes one partition at a time (the next one too with ``prefetchPartitions``) and
        sends its rows as they are read, so neither side holds the whole result."""
        from tspark.sql._execute import iter_rows
        opts = {"prefetchPartitions": bool(prefetchPartitions)}
        for rows in iter_rows(self._session, self._plan, opts):
            yield from rows

    def take(self, num: int) -> List[Row]:
        """The first `num` rows."""
        return self.limit(num).collect()

    def head(self, n: Optional[int] = None) -> Any:
        """The first row (or None) when n is None, else a list of the first n rows."""
        if n is None:
            rs = self.head(1)
            return rs[0] if rs else None
        return self.take(n)

    def first(self) -> Optional[Row]:
        """The first row, or None."""
        return self.head()

    def tail(self, num: int) -> List[Row]:
        """The last `num` rows: the result streams through, keeping only the last `num`."""
        import collections
        from tspark.sql._execute import iter_rows
        if num <= 0:
            return []
        last: Any = collections.deque(maxlen=num)
        for rows in iter_rows(self._session, self._plan):
            last.extend(rows)
        return list(last)

    def isEmpty(self) -> bool:
        """Whether the frame has no rows."""
        return len(self.take(1)) == 0

    def count(self) -> int:
        """Number of rows."""
        from tspark.sql._execute import collect_rows
        from tspark.sql._plan.literals import make_literal
        agg = R.aggregate(self._plan, [], [E.alias(E.function("count", [make_literal(1)]), "count")])
        return int(collect_rows(self._session, agg)[0][0])

    def show(self, n: int = 20, truncate: Union[bool, int] = True, vertical: bool = False) -> None:
        """Print the first n rows as a table (the engine formats it exactly like Spark)."""
        if not isinstance(n, int) or isinstance(n, bool):
            raise PySparkTypeError(errorClass="NOT_INT", messageParameters={
                "arg_name": "n", "arg_type": type(n).__name__})
        if not isinstance(vertical, bool):
            raise PySparkTypeError(errorClass="NOT_BOOL", messageParameters={
                "arg_name": "vertical", "arg_type": type(vertical).__name__})
        if isinstance(truncate, bool):
            width = 20 if truncate else 0
        elif isinstance(truncate, int):
            width = truncate
        else:
            raise PySparkTypeError(errorClass="NOT_BOOL", messageParameters={
                "arg_name": "truncate", "arg_type": type(truncate).__name__})
        from tspark.sql._execute import analyze_job
        print(analyze_job(self._session, self._plan, "showString", numRows=n, truncate=width,
                          vertical=vertical)["text"])

    def toPandas(self) -> Any:
        """The rows as a pandas DataFrame with PySpark's dtypes (through Arrow when
        ``spark.sql.execution.arrow.pyspark.enabled``)."""
        from tspark.sql.pandas.conversion import to_pandas
        return to_pandas(self)

    def toArrow(self) -> Any:
        """The rows as a pyarrow Table with Spark's Arrow types."""
        from tspark.sql.pandas.conversion import to_arrow
        return to_arrow(self)

    @property
    def rdd(self) -> Any:
        """The rows as an RDD of Row: collected, then parallelized into as many partitions as
        the result has in the engine (``df.rdd.getNumPartitions()`` as Spark gives it)."""
        from tspark.sql._execute import analyze
        n = int(analyze(self._session, self._plan, "numPartitions")["numPartitions"])
        return self._session.sparkContext.parallelize(self.collect(), n)

    @property
    def write(self) -> Any:
        """A DataFrameWriter (``df.write.mode("overwrite").csv(path)``)."""
        from tspark.sql.readwriter import DataFrameWriter
        return DataFrameWriter(self)

    @property
    def writeStream(self) -> Any:
        """A DataStreamWriter of this streaming frame (``df.writeStream.format("console").start()``)."""
        from tspark.sql.streaming.readwriter import DataStreamWriter
        return DataStreamWriter(self)

    def withWatermark(self, eventTime: str, delayThreshold: str) -> "DataFrame":
        """The event-time watermark of a stream (batch frames ignore it, as in Spark)."""
        for name, value in (("eventTime", eventTime), ("delayThreshold", delayThreshold)):
            if not value or type(value) is not str:
                raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                    "arg_name": name, "arg_type": type(value).__name__})
        return self._new(R.event_time_watermark(self._plan, eventTime, delayThreshold))

    @property
    def isStreaming(self) -> bool:
        """Whether the frame reads a streaming source (``spark.readStream``)."""
        def streaming(node: Any) -> bool:
            if isinstance(node, dict):
                if node.get("kind") == "DataSource" and node.get("isStreaming"):
                    return True
                return any(streaming(v) for v in node.values())
            if isinstance(node, list):
                return any(streaming(v) for v in node)
            return False
        return streaming(self._plan)

    def writeTo(self, table: str) -> Any:
        """A DataFrameWriterV2 for the catalog table ``table``: ``df.writeTo("t").using("parquet").create()``."""
        from tspark.sql.readwriter import DataFrameWriterV2
        return DataFrameWriterV2(self, table)

    def intersect(self, other: "DataFrame") -> "DataFrame":
        """Distinct rows found in both frames (SQL INTERSECT), columns matched by position."""
        return DataFrame(R.set_operation("intersect", self._plan, other._plan), self._session)

    def subtract(self, other: "DataFrame") -> "DataFrame":
        """Distinct rows of this frame not in ``other`` (SQL EXCEPT), columns matched by position."""
        return DataFrame(R.set_operation("except", self._plan, other._plan), self._session)

    def intersectAll(self, other: "DataFrame") -> "DataFrame":
        """Rows found in both frames, each as often as in both (SQL INTERSECT ALL)."""
        return DataFrame(R.set_operation("intersect", self._plan, other._plan, all=True), self._session)

    def exceptAll(self, other: "DataFrame") -> "DataFrame":
        """Rows of this frame not in ``other``, duplicates counted (SQL EXCEPT ALL)."""
        return DataFrame(R.set_operation("except", self._plan, other._plan, all=True), self._session)

    def createTempView(self, name: str) -> None:
        """Registers this frame as the session's temp view ``name`` (an error if one exists)."""
        self._create_view(name, is_global=False, replace=False)

    def createOrReplaceTempView(self, name: str) -> None:
        """Registers this frame as the session's temp view ``name``, replacing any."""
        self._create_view(name, is_global=False, replace=True)

    def createGlobalTempView(self, name: str) -> None:
        """Registers this frame as the global temp view ``global_temp.name`` (an error if one exists)."""
        self._create_view(name, is_global=True, replace=False)

    def createOrReplaceGlobalTempView(self, name: str) -> None:
        """Registers this frame as the global temp view ``global_temp.name``, replacing any."""
        self._create_view(name, is_global=True, replace=True)

    # --- actions and iteration (issue 9 §9) ---
    def offset(self, num: int) -> "DataFrame":
        """The rows after the first `num` (Spark's Offset)."""
        return self._new(R.offset(self._plan, int(num)))

    def foreach(self, f: Any) -> None:
        """Runs ``f(row)`` for every row in the engine's Python workers, each partition
        streamed to them in chunks (a raising ``f`` is a PythonException with its traceback)."""
        self._foreach(f, per_row=True)

    def foreachPartition(self, f: Any) -> None:
        """Runs ``f(iterator of rows)`` once per partition in the engine's Python workers; the
        iterator reads the partition chunk by chunk as ``f`` consumes it."""
        self._foreach(f, per_row=False)

    def _foreach(self, f: Any, per_row: bool) -> None:
        # PySpark runs both over df.rdd; here the engine streams each partition of the plan's
        # result to a worker (never the whole frame in the client or the engine).
        import pickle
        from tspark.accumulators import _merge_updates
        from tspark.errors import PythonException
        from tspark.errors._from_wire import _PYTHON_PREAMBLE
        from tspark.py4j.protocol import from_python_exception
        from tspark.rdd._core import dumps_command
        from tspark.sql._execute import analyze_job
        func = dumps_command(f)
        try:
            # a job of the SparkContext: setJobGroup / job tags and their cancel calls reach it
            reply = analyze_job(self._session, self._plan, "foreach", func=func, perRow=per_row)
        except PythonException as e:
            # as an RDD action: classic scripts catch py4j's Py4JJavaError (also a PythonException)
            text = str(e)
            raise from_python_exception(text[len(_PYTHON_PREAMBLE):] if text.startswith(_PYTHON_PREAMBLE) else text) from None
        for blob in reply.get("accumulators") or []:
            _merge_updates(pickle.loads(blob))

    def observe(self, observation: Any, *exprs: Column) -> "DataFrame":
        """This frame with named metrics (aggregate expressions) computed over the rows each
        action runs through it, read back by ``observation.get`` (an Observation) once the first
        action ends."""
        from tspark.sql.observation import Observation
        if len(exprs) == 0:
            raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "exprs"})
        if not all(isinstance(c, Column) for c in exprs):
            raise PySparkTypeError(errorClass="NOT_LIST_OF_COLUMN", messageParameters={"arg_name": "exprs"})
        if isinstance(observation, Observation):
            name, observation_id = observation._attach()
        elif isinstance(observation, str):
            name, observation_id = observation, None
        else:
            raise PySparkTypeError(errorClass="NOT_OBSERVATION_OR_STR", messageParameters={
                "arg_name": "observation", "arg_type": type(observation).__name__})
        observed = self._new(R.collect_metrics(self._plan, name, [c._expr for c in exprs], observation_id))
        observed.schema  # noqa: B018  analyzed at once, as Spark's Dataset.observe (INVALID_OBSERVED_METRICS)
        if isinstance(observation, Observation):
            observation._observed(observed)
        return observed

    def sameSemantics(self, other: "DataFrame") -> bool:
        """Whether both frames' analyzed plans are the same once canonicalized (expression ids
        renumbered, attribute and alias names erased), so they give the same result."""
        if not isinstance(other, DataFrame):
            raise PySparkTypeError(errorClass="NOT_DATAFRAME", messageParameters={
                "arg_name": "other", "arg_type": type(other).__name__})
        from tspark.sql._execute import analyze
        return bool(analyze(self._session, self._plan, "sameSemantics", other=other._plan)["same"])

    def semanticHash(self) -> int:
        """A hash of the canonicalized analyzed plan: equal for frames that sameSemantics
        calls equal (the number itself is the engine's own, not the JVM's)."""
        from tspark.sql._execute import analyze
        return int(analyze(self._session, self._plan, "semanticHash")["hash"])

    def inputFiles(self) -> List[str]:
        """The files of the frame's file sources (every listed file), as ``file:///abs/path``."""
        from tspark.sql._execute import analyze
        return list(analyze(self._session, self._plan, "inputFiles")["files"])

    def _create_view(self, name: str, is_global: bool, replace: bool) -> None:
        from tspark.sql._execute import analyze
        analyze(self._session, self._plan, "createView", viewName=name, **{"global": is_global, "replace": replace})

    # --- reshaping: grouping sets and unpivot ---
    def cube(self, *cols: Any) -> Any:
        """Group by every subset of ``cols`` (one aggregate per grouping set, through an Expand)."""
        from tspark.sql.group import GroupedData
        return GroupedData(self, [self._col_expr(c) for c in _flatten(cols)], "cube")

    def rollup(self, *cols: Any) -> Any:
        """Group by every prefix of ``cols``: (a, b), (a), ()."""
        from tspark.sql.group import GroupedData
        return GroupedData(self, [self._col_expr(c) for c in _flatten(cols)], "rollup")

    def groupingSets(self, groupingSets: Sequence[Sequence[Any]], *cols: Any) -> Any:
        """Group by each of ``groupingSets`` (lists of columns); ``cols`` are the grouping columns shown."""
        from tspark.sql.group import GroupedData
        sets = [[self._col_expr(c) for c in s] for s in groupingSets]
        return GroupedData(self, [self._col_expr(c) for c in _flatten(cols)], "groupingSets", sets)

    def unpivot(self, ids: Any, values: Any, variableColumnName: str, valueColumnName: str) -> "DataFrame":
        """Wide to long: one row per value column with the ids, the column's name and its value
        (``values`` None: every non-id column)."""
        def as_list(v: Any) -> List[Any]:
            return list(v) if isinstance(v, (list, tuple)) else [v]
        id_exprs = [self._col_expr(c, "ids") for c in as_list(ids)]
        value_exprs = None if values is None else [self._col_expr(c, "values") for c in as_list(values)]
        return self._new(R.unpivot(self._plan, id_exprs, value_exprs, variableColumnName, valueColumnName))

    melt = unpivot

    def to(self, schema: T.StructType) -> "DataFrame":
        """The columns of ``schema`` in its order, matched by name and up-cast to its types."""
        from tspark.sql._convert import wire_type
        assert schema is not None
        return self._new(R.to_schema(self._plan, wire_type(schema)))

    def transform(self, func: Any, *args: Any, **kwargs: Any) -> "DataFrame":
        """``func(self, *args, **kwargs)``, which must return a DataFrame (chains custom transformations)."""
        out = func(self, *args, **kwargs)
        if not isinstance(out, DataFrame):
            raise AssertionError("Func returned an instance of type [%s], should have been DataFrame." % type(out))
        return out

    # --- missing values (tspark.sql._na) ---
    @property
    def na(self) -> Any:
        """The missing-value methods (DataFrameNaFunctions: drop, fill, replace)."""
        return _na.DataFrameNaFunctions(self)

    def dropna(self, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> "DataFrame":
        """Rows with at least ``thresh`` non-null, non-NaN values in ``subset`` (``how``: any / all)."""
        return _na.dropna(self, how, thresh, subset)

    def fillna(self, value: Any, subset: Any = None) -> "DataFrame":
        """Nulls replaced by ``value`` in the columns of its type (or per column from a dict)."""
        return _na.fillna(self, value, subset)

    def replace(self, to_replace: Any, value: Any = _na._NoValue, subset: Any = None) -> "DataFrame":
        """Values equal to ``to_replace`` replaced by ``value`` (a dict maps old to new)."""
        return _na.replace(self, to_replace, value, subset)

    # --- statistics and sampling (tspark.sql._stat) ---
    @property
    def stat(self) -> Any:
        """The statistics methods (DataFrameStatFunctions)."""
        return _stat.DataFrameStatFunctions(self)

    def describe(self, *cols: Any) -> "DataFrame":
        """count, mean, stddev, min and max of the numeric and string columns (or ``cols``), as strings."""
        return _stat.describe(self, *cols)

    def summary(self, *statistics: str) -> "DataFrame":
        """The given statistics (default count, mean, stddev, min, 25%, 50%, 75%, max) of every numeric and string column."""
        return _stat.summary(self, *statistics)

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> Optional[float]:
        """Pearson correlation of two numeric columns."""
        return _stat.corr(self, col1, col2, method)

    def cov(self, col1: str, col2: str) -> Optional[float]:
        """Sample covariance of two numeric columns."""
        return _stat.cov(self, col1, col2)

    def crosstab(self, col1: str, col2: str) -> "DataFrame":
        """Pair counts of two columns (a contingency table)."""
        return _stat.crosstab(self, col1, col2)

    def freqItems(self, cols: Any, support: Optional[float] = None) -> "DataFrame":
        """Frequent items of each column (``support``: the minimum frequency, default 1%)."""
        return _stat.freqItems(self, cols, support)

    def approxQuantile(self, col: Any, probabilities: Any, relativeError: float) -> Any:
        """Approximate quantiles (Greenwald-Khanna within ``relativeError``) of one or more numeric columns."""
        return _stat.approxQuantile(self, col, probabilities, relativeError)

    def sample(self, withReplacement: Any = None, fraction: Any = None, seed: Any = None) -> "DataFrame":
        """A random fraction of the rows, the same for the same seed and partitioning."""
        return _stat.sample(self, withReplacement, fraction, seed)

    def randomSplit(self, weights: List[float], seed: Optional[int] = None) -> List["DataFrame"]:
        """Disjoint random pieces in proportion to ``weights``."""
        return _stat.randomSplit(self, weights, seed)

    def sampleBy(self, col: Any, fractions: Dict[Any, float], seed: Optional[int] = None) -> "DataFrame":
        """A stratified sample by the values of ``col``."""
        return _stat.sampleBy(self, col, fractions, seed)

    def mapInPandas(self, func: Any, schema: Any, barrier: bool = False, profile: Any = None) -> "DataFrame":
        """``func(iterator of pandas.DataFrame) -> iterator of pandas.DataFrame`` over each partition."""
        from tspark.sql.pandas.map_ops import mapInPandas
        return mapInPandas(self, func, schema, barrier)

    def mapInArrow(self, func: Any, schema: Any, barrier: bool = False, profile: Any = None) -> "DataFrame":
        """``func(iterator of pyarrow.RecordBatch) -> iterator of pyarrow.RecordBatch`` over each partition."""
        from tspark.sql.pandas.map_ops import mapInArrow
        return mapInArrow(self, func, schema, barrier)

    def asTable(self) -> Any:
        """This frame as a UDTF's TABLE argument (``my_udtf(df.asTable().partitionBy("k"))``)."""
        from tspark.sql.table_arg import TableArg
        return TableArg(self, [], [], False)

    # --- subquery expressions (PySpark 4.0) ---
    def scalar(self) -> Column:
        """This one-column frame as a value: its single row's value, null without rows
        (Spark's ScalarSubquery); ``col.outer()`` inside names the enclosing query's columns."""
        return Column(E.subquery_expression("scalar", self._plan))

    def exists(self) -> Column:
        """Whether this frame has any row, as a boolean Column (Spark's Exists); correlated
        through ``col.outer()`` references to the enclosing query."""
        return Column(E.subquery_expression("exists", self._plan))

    def transpose(self, indexColumn: Optional[Any] = None) -> "DataFrame":
        """Columns become rows: one row per non-index column (its name in ``key``), one column
        per non-null value of ``indexColumn`` (the first column when None), ascending, as
        Spark's Transpose; the values take the other columns' tightest common type."""
        index = None if indexColumn is None else self._col_expr(indexColumn)
        return self._new(R.transpose(self._plan, index))

    def isLocal(self) -> bool:
        """Whether collect() and take() can run without executors: the analyzed plan is a
        local relation of the query itself (SQL ``VALUES``, a command's result)."""
        if getattr(self, "_is_command_result", False):
            return True
        from tspark.sql._execute import analyze
        return bool(analyze(self._session, self._plan, "isLocal")["isLocal"])

    def metadataColumn(self, colName: str) -> Column:
        """The frame's metadata column ``colName``, resolved now as classic PySpark does (tspark's
        file scans expose no ``_metadata`` yet: that name is an unresolved column)."""
        if not isinstance(colName, str):
            raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                "arg_name": "colName", "arg_type": type(colName).__name__})
        col = Column(E.column_from_name(colName, self._plan["planId"]))
        from tspark.sql._execute import analyze
        analyze(self._session, R.project(self._plan, [col._expr]), "schema")
        return col

    # --- PySpark 4.0 members classic PySpark answers without an engine feature ---
    def mergeInto(self, table: str, condition: Column) -> Any:
        """A MergeIntoWriter of this frame into ``table`` on ``condition`` (see tspark.sql.merge)."""
        from tspark.sql.merge import MergeIntoWriter
        return MergeIntoWriter(self, table, condition)

    @property
    def executionInfo(self) -> Any:
        """Spark Connect's execution info: classic PySpark raises CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF."""
        raise PySparkValueError(errorClass="CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF",
                                messageParameters={"member": "queryExecution"})

    @property
    def plot(self) -> Any:
        """PySpark's plotting accessor; it draws with plotly (PACKAGE_NOT_INSTALLED without it)."""
        from tspark.sql.plot import PySparkPlotAccessor
        return PySparkPlotAccessor(self)

    def pandas_api(self, index_col: Any = None) -> Any:
        """pandas-on-Spark needs pandas and pyarrow (PACKAGE_NOT_INSTALLED without them); tspark has
        no pandas-on-Spark layer, so with them it raises NOT_IMPLEMENTED."""
        from tspark.sql.plot import require_package
        require_package("pandas", "2.0.0", "Pandas")
        require_package("pyarrow", "11.0.0", "PyArrow")
        from tspark.errors import PySparkNotImplementedError
        raise PySparkNotImplementedError.feature("DataFrame.pandas_api (pandas-on-Spark)")

    def toJSON(self, use_unicode: bool = True) -> Any:
        """An RDD of each row as a JSON object string (``to_json(struct(*))``; nulls left out)."""
        row_json = E.function("to_json", [E.function("struct", [E.unresolved_star()])])
        return self.select(Column(row_json)).rdd.map(lambda r: r[0])

    def registerTempTable(self, name: str) -> None:
        """Deprecated since 2.0: createOrReplaceTempView, with PySpark's FutureWarning."""
        import warnings
        warnings.warn("Deprecated in 2.0, use createOrReplaceTempView instead.", FutureWarning)
        self.createOrReplaceTempView(name)

    def __repr__(self) -> str:
        return "DataFrame[%s]" % ", ".join("%s: %s" % (n, t) for n, t in self.dtypes)


def _hint_column_name(p: Any) -> Any:
    """A hint parameter: a plain column reference (``col("a")``, ``df.a``) as its name, anything else as it is."""
    if isinstance(p, Column):
        e = p._expr
        if e.get("kind") == "UnresolvedAttribute" and len(e.get("nameParts", [])) == 1:
            return e["nameParts"][0]
    return p
