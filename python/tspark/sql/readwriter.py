"""``spark.read`` (DataFrameReader) and ``df.write`` (DataFrameWriter), as PySpark's
pyspark.sql.readwriter: builders that collect a format, options and a schema, then make a
``DataSource`` relation (read) or run a ``WriteFiles`` plan (write). The engine lists the
files, infers schemas and writes; the client only builds the plan.
"""
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar, Union

from tspark.errors import AnalysisException, PySparkNotImplementedError, PySparkTypeError, PySparkValueError
from tspark.sql import types as T
from tspark.sql._convert import wire_type
from tspark.sql._plan import relations as R
from tspark.sql.conf import _to_str

# No import of dataframe or session, not even for type checking: both import this module, and
# the acyclic-siblings contract (pyproject.toml) counts every import. The session hands the
# reader a factory of DataFrames instead; "DataFrame" / "SparkSession" annotations are names only.

PathOrPaths = Union[str, List[str], Tuple[str, ...]]

#: Spark's SaveMode names (case-insensitive).
_SAVE_MODES = ("append", "overwrite", "ignore", "error", "errorifexists", "default")


def _column_names(col: Any, cols: Tuple[Any, ...]) -> List[str]:
    """bucketBy / sortBy's columns: names, or one list or tuple of names, as PySpark checks them."""
    if isinstance(col, (list, tuple)):
        if cols:
            raise PySparkValueError(errorClass="CANNOT_SET_TOGETHER", messageParameters={
                "arg_list": f"`col` of type {type(col).__name__} and `cols`"})
        col, cols = col[0], tuple(col[1:])
    for c in cols:
        if not isinstance(c, str):
            raise PySparkTypeError(errorClass="NOT_LIST_OF_STR", messageParameters={
                "arg_name": "cols", "arg_type": type(c).__name__})
    if not isinstance(col, str):
        raise PySparkTypeError(errorClass="NOT_LIST_OF_STR", messageParameters={
            "arg_name": "col", "arg_type": type(col).__name__})
    return [col, *cols]


def _paths(path: Any, name: str = "path") -> List[str]:
    if isinstance(path, str):
        return [path]
    if isinstance(path, (list, tuple)) and all(isinstance(p, str) for p in path):
        return list(path)
    raise PySparkTypeError(errorClass="NOT_STR_OR_LIST_OF_RDD", messageParameters={
        "arg_name": name, "arg_type": type(path).__name__})


_Self = TypeVar("_Self", bound="SourceConfig")

class OptionUtils:
    """Keyword options as strings, as PySpark's OptionUtils._set_opts (None means not given)."""

    def _set_opts(self, schema: Any = None, **options: Any) -> None:
        if schema is not None:
            self.schema(schema)  # type: ignore[attr-defined]
        for k, v in options.items():
            if v is not None:
                self.option(k, v)  # type: ignore[attr-defined]


class SourceConfig(OptionUtils):
    """What a batch and a streaming reader both configure before ``load``: the source's format,
    its schema and its options (``spark.read`` and ``spark.readStream`` alike)."""

    def __init__(self, spark: "SparkSession", frame: Callable[[Any], "DataFrame"]):  # noqa: F821
        self._spark = spark
        self._frame = frame
        self._format: Optional[str] = None
        self._schema: Optional[Dict[str, Any]] = None
        self._ddl: Optional[str] = None
        self._options: Dict[str, str] = {}

    def format(self: _Self, source: str) -> _Self:
        """The data source's short name: ``csv``, ``json``, ``text``, ``parquet`` (streams also ``rate``, ``rate-micro-batch``)."""
        self._format = source
        return self

    def schema(self: _Self, schema: Union[T.StructType, str]) -> _Self:
        """The schema to read with (a StructType or a DDL string such as ``"a INT, b STRING"``)."""
        if isinstance(schema, T.StructType):
            self._schema, self._ddl = wire_type(schema), None
        elif isinstance(schema, str):
            self._schema, self._ddl = None, schema
        else:
            raise PySparkTypeError(errorClass="NOT_STR_OR_STRUCT", messageParameters={
                "arg_name": "schema", "arg_type": type(schema).__name__})
        return self

    def option(self: _Self, key: str, value: Any) -> _Self:
        """One option (booleans become ``"true"``/``"false"``, as in PySpark)."""
        self._options[key] = _to_str(value)
        return self

    def options(self: _Self, **options: Any) -> _Self:
        """Several options at once."""
        for k, v in options.items():
            self.option(k, v)
        return self


class DataFrameReader(SourceConfig):
    """``spark.read``: format, options and schema, then ``load`` (or ``csv``/``json``/``text``/``parquet``)."""

    def load(self, path: Optional[PathOrPaths] = None, format: Optional[str] = None,
             schema: Union[T.StructType, str, None] = None, **options: Any) -> "DataFrame":
        """The DataFrame of the files at ``path``; the engine resolves it at once, as Spark does
        (a missing path raises PATH_NOT_FOUND here, not at the first action)."""
        if format is not None:
            self.format(format)
        self._set_opts(schema=schema, **options)
        paths = [] if path is None else _paths(path)
        if "path" in self._options and not paths:
            paths = [self._options.pop("path")]
        fmt = self._format
        if fmt is None:
            fmt = self._spark.conf.get("spark.sql.sources.default") or "parquet"
        plan = R.data_source(fmt, paths, self._options, self._schema, self._ddl)
        df = self._frame(plan)
        df.schema  # resolves the source now: listing errors surface at load
        return df

    def text(self, paths: PathOrPaths, wholetext: bool = False, lineSep: Optional[str] = None,
             pathGlobFilter: Optional[Union[bool, str]] = None, recursiveFileLookup: Optional[Union[bool, str]] = None,
             modifiedBefore: Optional[Union[bool, str]] = None, modifiedAfter: Optional[Union[bool, str]] = None) -> "DataFrame":
        """Text files as one string column ``value``: a row per line (or per file with ``wholetext``)."""
        self._set_opts(wholetext=wholetext, lineSep=lineSep, pathGlobFilter=pathGlobFilter,
                       recursiveFileLookup=recursiveFileLookup, modifiedBefore=modifiedBefore,
                       modifiedAfter=modifiedAfter)
        return self.format("text").load(_paths(paths, "paths"))

    def csv(self, path: PathOrPaths, schema: Union[T.StructType, str, None] = None, sep: Optional[str] = None,
            encoding: Optional[str] = None, quote: Optional[str] = None, escape: Optional[str] = None,
            comment: Optional[str] = None, header: Any = None, inferSchema: Any = None,
            ignoreLeadingWhiteSpace: Any = None, ignoreTrailingWhiteSpace: Any = None, nullValue: Optional[str] = None,
            nanValue: Optional[str] = None, positiveInf: Optional[str] = None, negativeInf: Optional[str] = None,
            dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None, maxColumns: Any = None,
            maxCharsPerColumn: Any = None, maxMalformedLogPerPartition: Any = None, mode: Optional[str] = None,
            columnNameOfCorruptRecord: Optional[str] = None, multiLine: Any = None,
            charToEscapeQuoteEscaping: Optional[str] = None, samplingRatio: Any = None, enforceSchema: Any = None,
            emptyValue: Optional[str] = None, locale: Optional[str] = None, lineSep: Optional[str] = None,
            pathGlobFilter: Any = None, recursiveFileLookup: Any = None, modifiedBefore: Any = None,
            modifiedAfter: Any = None, unescapedQuoteHandling: Optional[str] = None) -> "DataFrame":
        """CSV files, with Spark's CSV options."""
        self._set_opts(schema=schema, sep=sep, encoding=encoding, quote=quote, escape=escape, comment=comment,
                       header=header, inferSchema=inferSchema, ignoreLeadingWhiteSpace=ignoreLeadingWhiteSpace,
                       ignoreTrailingWhiteSpace=ignoreTrailingWhiteSpace, nullValue=nullValue, nanValue=nanValue,
                       positiveInf=positiveInf, negativeInf=negativeInf, dateFormat=dateFormat,
                       timestampFormat=timestampFormat, maxColumns=maxColumns, maxCharsPerColumn=maxCharsPerColumn,
                       maxMalformedLogPerPartition=maxMalformedLogPerPartition, mode=mode,
                       columnNameOfCorruptRecord=columnNameOfCorruptRecord, multiLine=multiLine,
                       charToEscapeQuoteEscaping=charToEscapeQuoteEscaping, samplingRatio=samplingRatio,
                       enforceSchema=enforceSchema, emptyValue=emptyValue, locale=locale, lineSep=lineSep,
                       pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                       modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter,
                       unescapedQuoteHandling=unescapedQuoteHandling)
        return self.format("csv").load(_paths(path))

    def json(self, path: PathOrPaths, schema: Union[T.StructType, str, None] = None, primitivesAsString: Any = None,
             prefersDecimal: Any = None, allowComments: Any = None, allowUnquotedFieldNames: Any = None,
             allowSingleQuotes: Any = None, allowNumericLeadingZero: Any = None,
             allowBackslashEscapingAnyCharacter: Any = None, mode: Optional[str] = None,
             columnNameOfCorruptRecord: Optional[str] = None, dateFormat: Optional[str] = None,
             timestampFormat: Optional[str] = None, multiLine: Any = None, allowUnquotedControlChars: Any = None,
             lineSep: Optional[str] = None, samplingRatio: Any = None, dropFieldIfAllNull: Any = None,
             encoding: Optional[str] = None, locale: Optional[str] = None, pathGlobFilter: Any = None,
             recursiveFileLookup: Any = None, modifiedBefore: Any = None, modifiedAfter: Any = None,
             allowNonNumericNumbers: Any = None, useUnsafeRow: Any = None) -> "DataFrame":
        """JSON files (one record per line, or ``multiLine``), with Spark's JSON options."""
        self._set_opts(schema=schema, primitivesAsString=primitivesAsString, prefersDecimal=prefersDecimal,
                       allowComments=allowComments, allowUnquotedFieldNames=allowUnquotedFieldNames,
                       allowSingleQuotes=allowSingleQuotes, allowNumericLeadingZero=allowNumericLeadingZero,
                       allowBackslashEscapingAnyCharacter=allowBackslashEscapingAnyCharacter, mode=mode,
                       columnNameOfCorruptRecord=columnNameOfCorruptRecord, dateFormat=dateFormat,
                       timestampFormat=timestampFormat, multiLine=multiLine,
                       allowUnquotedControlChars=allowUnquotedControlChars, lineSep=lineSep,
                       samplingRatio=samplingRatio, dropFieldIfAllNull=dropFieldIfAllNull, encoding=encoding,
                       locale=locale, pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                       modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter,
                       allowNonNumericNumbers=allowNonNumericNumbers, useUnsafeRow=useUnsafeRow)
        return self.format("json").load(_paths(path))

    def parquet(self, *paths: str, **options: Any) -> "DataFrame":
        """Parquet files."""
        self._set_opts(**options)
        return self.format("parquet").load(list(paths))

    def orc(self, path: PathOrPaths, mergeSchema: Optional[bool] = None, pathGlobFilter: Any = None,
            recursiveFileLookup: Any = None, modifiedBefore: Any = None, modifiedAfter: Any = None) -> "DataFrame":
        """ORC files (only if the engine has an ORC format; otherwise DATA_SOURCE_NOT_FOUND)."""
        self._set_opts(mergeSchema=mergeSchema, pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                       modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter)
        return self.format("orc").load(_paths(path))

    def xml(self, path: PathOrPaths, rowTag: Optional[str] = None, schema: Union[T.StructType, str, None] = None,
            excludeAttribute: Any = None, attributePrefix: Optional[str] = None, valueTag: Optional[str] = None,
            ignoreSurroundingSpaces: Any = None, rowValidationXSDPath: Optional[str] = None,
            ignoreNamespace: Any = None, wildcardColName: Optional[str] = None, encoding: Optional[str] = None,
            inferSchema: Any = None, nullValue: Optional[str] = None, dateFormat: Optional[str] = None,
            timestampFormat: Optional[str] = None, mode: Optional[str] = None,
            columnNameOfCorruptRecord: Optional[str] = None, multiLine: Any = None, samplingRatio: Any = None,
            locale: Optional[str] = None) -> "DataFrame":
        """XML files (Spark 4's built-in XML source): one row per ``rowTag`` element."""
        self._set_opts(rowTag=rowTag, schema=schema, excludeAttribute=excludeAttribute,
                       attributePrefix=attributePrefix, valueTag=valueTag,
                       ignoreSurroundingSpaces=ignoreSurroundingSpaces, rowValidationXSDPath=rowValidationXSDPath,
                       ignoreNamespace=ignoreNamespace, wildcardColName=wildcardColName, encoding=encoding,
                       inferSchema=inferSchema, nullValue=nullValue, dateFormat=dateFormat,
                       timestampFormat=timestampFormat, mode=mode, columnNameOfCorruptRecord=columnNameOfCorruptRecord,
                       multiLine=multiLine, samplingRatio=samplingRatio, locale=locale)
        return self.format("xml").load(_paths(path))

    def table(self, tableName: str) -> "DataFrame":
        """A catalog table (the same as ``spark.table``)."""
        return self._spark.table(tableName)

    def jdbc(self, url: str, table: str, column: Optional[str] = None, lowerBound: Any = None, upperBound: Any = None,
             numPartitions: Optional[int] = None, predicates: Optional[List[str]] = None,
             properties: Optional[Dict[str, str]] = None) -> "DataFrame":
        """JDBC sources are not in tspark yet."""
        raise PySparkNotImplementedError.feature("spark.read.jdbc()")


class DataFrameWriter(OptionUtils):
    """``df.write``: format, mode, options and partitioning, then ``save`` (or ``csv``/``json``/``text``/``parquet``)."""

    def __init__(self, df: "DataFrame"):
        self._df = df
        self._spark = df._session
        self._format: Optional[str] = None
        self._mode = "errorifexists"
        self._options: Dict[str, str] = {}
        self._partition_by: List[str] = []
        self._num_buckets: Optional[int] = None
        self._bucket_by: List[str] = []
        self._sort_by: List[str] = []

    def mode(self, saveMode: Optional[str]) -> "DataFrameWriter":
        """``append``, ``overwrite``, ``ignore``, ``error``/``errorifexists`` (None keeps the current mode);
        another name raises INVALID_SAVE_MODE here, as Spark's DataFrameWriter.mode does."""
        if saveMode is None:
            return self
        if saveMode.lower() not in _SAVE_MODES:
            params = {"mode": '"%s"' % saveMode}
            raise AnalysisException(
                errorClass="INVALID_SAVE_MODE", messageParameters=params, sqlState="42000",
                _full_message='[INVALID_SAVE_MODE] The specified save mode "%s" is invalid. Valid save modes include '
                              '"append", "overwrite", "ignore", "error", "errorifexists", and "default". '
                              'SQLSTATE: 42000' % saveMode)
        self._mode = saveMode
        return self

    def format(self, source: str) -> "DataFrameWriter":
        """The output format's short name."""
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriter":
        """One option (booleans become ``"true"``/``"false"``)."""
        self._options[key] = _to_str(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriter":
        """Several options at once."""
        for k, v in options.items():
            self.option(k, v)
        return self

    def partitionBy(self, *cols: Union[str, List[str]]) -> "DataFrameWriter":
        """Columns written as ``key=value`` directories instead of into the files."""
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = tuple(cols[0])
        self._partition_by = [c for c in cols if isinstance(c, str)]
        return self

    def bucketBy(self, numBuckets: int, col: Any, *cols: Optional[str]) -> "DataFrameWriter":
        """Buckets the rows of ``saveAsTable`` into ``numBuckets`` files per task by Spark's
        ``pmod(hash(cols), numBuckets)`` (a bucketed table; ``save`` and ``insertInto`` refuse it, as Spark)."""
        if not isinstance(numBuckets, int) or isinstance(numBuckets, bool):
            raise PySparkTypeError(errorClass="NOT_INT", messageParameters={
                "arg_name": "numBuckets", "arg_type": type(numBuckets).__name__})
        self._num_buckets = numBuckets
        self._bucket_by = _column_names(col, cols)
        return self

    def sortBy(self, col: Any, *cols: Optional[str]) -> "DataFrameWriter":
        """Sorts each bucket file of a bucketed ``saveAsTable`` by the columns (ascending)."""
        self._sort_by = _column_names(col, cols)
        return self

    def _bucket_spec(self) -> Optional[Dict[str, Any]]:
        if self._num_buckets is None and not self._sort_by:
            return None
        spec: Dict[str, Any] = {"bucketColumns": list(self._bucket_by), "sortColumns": list(self._sort_by)}
        if self._num_buckets is not None:
            spec["numBuckets"] = self._num_buckets
        return spec

    def clusterBy(self, *cols: Union[str, List[str]]) -> "DataFrameWriter":
        """Clustering needs tables."""
        raise PySparkNotImplementedError.feature("DataFrameWriter.clusterBy()")

    def save(self, path: Optional[str] = None, format: Optional[str] = None, mode: Optional[str] = None,
             partitionBy: Optional[Union[str, List[str]]] = None, **options: Any) -> None:
        """Writes the DataFrame's rows as files under ``path`` (atomically: nothing is visible until
        every task succeeded)."""
        from tspark.sql._execute import collect_rows
        self.mode(mode)
        if format is not None:
            self.format(format)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self.options(**options)
        if path is None:
            path = self._options.pop("path", None)
        if path is None:
            raise PySparkNotImplementedError.feature("DataFrameWriter.save() without a path (tables)")
        self._assert_not_bucketed("save")
        fmt = self._format or self._spark.conf.get("spark.sql.sources.default") or "parquet"
        plan = R.write_files(self._df._plan, fmt, path, self._mode, self._options, self._partition_by)
        collect_rows(self._spark, plan)

    def _assert_not_bucketed(self, operation: str) -> None:
        """Spark's DataFrameWriter.assertNotBucketed: only saveAsTable writes buckets."""
        if self._num_buckets is None and not self._sort_by:
            return
        if self._num_buckets is None:
            raise AnalysisException(errorClass="SORT_BY_WITHOUT_BUCKETING", messageParameters={}, sqlState="42601",
                                    _full_message="[SORT_BY_WITHOUT_BUCKETING] sortBy must be used together with bucketBy. SQLSTATE: 42601")
        what, cls = ("bucketBy", "_LEGACY_ERROR_TEMP_1312") if not self._sort_by else ("bucketBy and sortBy", "_LEGACY_ERROR_TEMP_1313")
        raise AnalysisException(errorClass=cls, messageParameters={"operation": operation},
                                _full_message=f"'{operation}' does not support {what} right now.")

    def _write_table(self, spec: Dict[str, Any]) -> None:
        # a job of the SparkContext while it runs, so its job group and tags cancel it
        from tspark.sql._execute import analyze_job
        analyze_job(self._spark, self._df._plan, "writeTable", write=spec)

    def insertInto(self, tableName: str, overwrite: Optional[bool] = None) -> None:
        """Inserts the rows into an existing table by column position (``overwrite=True`` replaces
        its rows; None follows the writer's mode), as PySpark's insertInto."""
        self._assert_not_bucketed("insertInto")
        if overwrite is None:
            overwrite = self._mode.lower() == "overwrite"
        self._write_table({"tableName": tableName, "method": "insertInto", "overwrite": bool(overwrite),
                           "options": [], "partitionBy": [], "properties": []})

    def saveAsTable(self, name: str, format: Optional[str] = None, mode: Optional[str] = None,
                    partitionBy: Optional[Union[str, List[str]]] = None, **options: Any) -> None:
        """Writes the rows to the catalog table ``name``: created from this writer's format, options
        and partitioning when it does not exist; when it does, the mode decides (error, ignore,
        overwrite replaces it, append inserts by column name)."""
        self.mode(mode)
        if format is not None:
            self.format(format)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self.options(**options)
        spec: Dict[str, Any] = {"tableName": name, "method": "saveAsTable", "mode": self._mode,
                                "options": [[k, v] for k, v in self._options.items()],
                                "partitionBy": list(self._partition_by), "properties": []}
        bucket = self._bucket_spec()
        if bucket is not None:
            spec["bucketBy"] = bucket
        if self._format is not None:
            spec["format"] = self._format
        self._write_table(spec)

    def text(self, path: str, compression: Optional[str] = None, lineSep: Optional[str] = None) -> None:
        """One string column as lines of text files."""
        self._set_opts(compression=compression, lineSep=lineSep)
        self.format("text").save(path)

    def csv(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None, sep: Optional[str] = None,
            quote: Optional[str] = None, escape: Optional[str] = None, header: Any = None,
            nullValue: Optional[str] = None, escapeQuotes: Any = None, quoteAll: Any = None,
            dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None,
            ignoreLeadingWhiteSpace: Any = None, ignoreTrailingWhiteSpace: Any = None,
            charToEscapeQuoteEscaping: Optional[str] = None, encoding: Optional[str] = None,
            emptyValue: Optional[str] = None, lineSep: Optional[str] = None) -> None:
        """CSV files, with Spark's CSV writer options."""
        self.mode(mode)
        self._set_opts(compression=compression, sep=sep, quote=quote, escape=escape, header=header,
                       nullValue=nullValue, escapeQuotes=escapeQuotes, quoteAll=quoteAll, dateFormat=dateFormat,
                       timestampFormat=timestampFormat, ignoreLeadingWhiteSpace=ignoreLeadingWhiteSpace,
                       ignoreTrailingWhiteSpace=ignoreTrailingWhiteSpace,
                       charToEscapeQuoteEscaping=charToEscapeQuoteEscaping, encoding=encoding,
                       emptyValue=emptyValue, lineSep=lineSep)
        self.format("csv").save(path)

    def json(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None,
             dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None, lineSep: Optional[str] = None,
             encoding: Optional[str] = None, ignoreNullFields: Any = None) -> None:
        """JSON lines files."""
        self.mode(mode)
        self._set_opts(compression=compression, dateFormat=dateFormat, timestampFormat=timestampFormat,
                       lineSep=lineSep, encoding=encoding, ignoreNullFields=ignoreNullFields)
        self.format("json").save(path)

    def parquet(self, path: str, mode: Optional[str] = None, partitionBy: Optional[Union[str, List[str]]] = None,
                compression: Optional[str] = None) -> None:
        """Parquet files."""
        self.mode(mode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self._set_opts(compression=compression)
        self.format("parquet").save(path)

    def orc(self, path: str, mode: Optional[str] = None, partitionBy: Optional[Union[str, List[str]]] = None,
            compression: Optional[str] = None) -> None:
        """ORC files (only if the engine has an ORC format)."""
        self.mode(mode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self._set_opts(compression=compression)
        self.format("orc").save(path)

    def xml(self, path: str, rowTag: Optional[str] = None, mode: Optional[str] = None,
            attributePrefix: Optional[str] = None, valueTag: Optional[str] = None, rootTag: Optional[str] = None,
            declaration: Optional[str] = None, arrayElementName: Optional[str] = None,
            nullValue: Optional[str] = None, dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None,
            compression: Optional[str] = None, encoding: Optional[str] = None, validateName: Any = None) -> None:
        """XML files: one document per file, rows as ``rowTag`` elements under ``rootTag``."""
        self.mode(mode)
        self._set_opts(rowTag=rowTag, attributePrefix=attributePrefix, valueTag=valueTag, rootTag=rootTag,
                       declaration=declaration, arrayElementName=arrayElementName, nullValue=nullValue,
                       dateFormat=dateFormat, timestampFormat=timestampFormat, compression=compression,
                       encoding=encoding, validateName=validateName)
        self.format("xml").save(path)

    def jdbc(self, url: str, table: str, mode: Optional[str] = None, properties: Optional[Dict[str, str]] = None) -> None:
        """JDBC sinks are not in tspark yet."""
        raise PySparkNotImplementedError.feature("DataFrameWriter.jdbc()")


class DataFrameWriterV2:
    """``df.writeTo(table)``, as PySpark's DataFrameWriterV2: ``using``, ``option(s)``,
    ``tableProperty``, ``partitionedBy``, then ``create``, ``replace``, ``createOrReplace``,
    ``append`` or ``overwritePartitions``."""

    def __init__(self, df: "DataFrame", table: str):
        self._df = df
        self._table = table
        self._provider: Optional[str] = None
        self._options: Dict[str, str] = {}
        self._properties: Dict[str, str] = {}
        self._transforms: List[Dict[str, Any]] = []

    def using(self, provider: str) -> "DataFrameWriterV2":
        """The table's format (parquet, csv, json, text)."""
        self._provider = provider
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriterV2":
        """A write option."""
        self._options[key] = _to_str(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriterV2":
        """Write options."""
        for k, v in options.items():
            self.option(k, v)
        return self

    def tableProperty(self, property: str, value: str) -> "DataFrameWriterV2":
        """A table property (TBLPROPERTIES)."""
        self._properties[property] = value
        return self

    def partitionedBy(self, col: Any, *cols: Any) -> "DataFrameWriterV2":
        """The table's partitioning: column names, column references and the transforms of
        ``functions.partitioning`` (years, months, days, hours, bucket). On the session catalog a
        ``bucket(n, col)`` makes a bucketed table and the others are refused, as Spark's."""
        self._transforms = [_partition_transform(c) for c in (col,) + cols]
        return self

    def _run(self, method: str) -> None:
        from tspark.sql._execute import analyze_job
        spec: Dict[str, Any] = {"tableName": self._table, "method": method,
                                "options": [[k, v] for k, v in self._options.items()],
                                "partitionBy": [t["column"] for t in self._transforms if t["name"] == "identity"],
                                "properties": [[k, v] for k, v in self._properties.items()]}
        if self._transforms:
            spec["transforms"] = self._transforms
        if self._provider is not None:
            spec["format"] = self._provider
        analyze_job(self._df._session, self._df._plan, "writeTable", write=spec)

    def clusterBy(self, col: str, *cols: str) -> "DataFrameWriterV2":
        """Clustering needs a table format with clustering (Delta, Iceberg), which tspark has not."""
        raise PySparkNotImplementedError.feature("DataFrameWriterV2.clusterBy()")

    def create(self) -> None:
        """Creates the table from the rows (TABLE_OR_VIEW_ALREADY_EXISTS when it exists)."""
        self._run("create")

    def replace(self) -> None:
        """Replaces an existing table with the rows."""
        self._run("replace")

    def createOrReplace(self) -> None:
        """Creates the table, or replaces it when it exists."""
        self._run("createOrReplace")

    def append(self) -> None:
        """Appends the rows to the existing table (columns matched by name)."""
        self._run("append")

    def overwritePartitions(self) -> None:
        """Replaces the partitions the rows fall in (dynamic partition overwrite)."""
        self._run("overwritePartitions")

    def overwrite(self, condition: Any) -> None:
        """Replaces the rows matching ``condition`` with the frame's rows. The session catalog's
        file tables are v1 tables, which Spark refuses before the condition is evaluated."""
        self._run("overwrite")


#: The partition transforms of ``functions.partitioning`` that take one column.
_TRANSFORMS = ("years", "months", "days", "hours")


def _partition_transform(c: Any) -> Dict[str, Any]:
    """A partitionedBy argument as Spark's DataFrameWriterV2 reads it: a column name or
    reference (identity), or a transform over one column."""
    if isinstance(c, str):
        return {"name": "identity", "column": c}
    expr = getattr(c, "_expr", None)
    if isinstance(expr, dict):
        if expr.get("kind") == "UnresolvedAttribute":
            return {"name": "identity", "column": ".".join(expr["nameParts"])}
        if expr.get("kind") == "UnresolvedFunction":
            name, args = str(expr.get("name", "")).lower(), expr.get("args", [])
            if name in _TRANSFORMS and len(args) == 1 and args[0].get("kind") == "UnresolvedAttribute":
                return {"name": name, "column": ".".join(args[0]["nameParts"])}
            if (name == "bucket" and len(args) == 2 and args[0].get("kind") == "Literal"
                    and isinstance(args[0].get("value"), int) and args[1].get("kind") == "UnresolvedAttribute"):
                return {"name": "bucket", "column": ".".join(args[1]["nameParts"]), "numBuckets": args[0]["value"]}
    text = _transform_text(expr)
    raise AnalysisException(errorClass="_LEGACY_ERROR_TEMP_1316", messageParameters={"expr": text},
                            _full_message="Invalid partition transformation: %s." % text)


def _transform_text(e: Any) -> str:
    """An expression as Spark's error prints an unresolved one: an operator backquoted, as in `+`(id, 1)."""
    if not isinstance(e, dict):
        return str(e)
    kind = e.get("kind")
    if kind == "UnresolvedAttribute":
        return ".".join(e["nameParts"])
    if kind == "Literal":
        return str(e.get("value"))
    if kind == "UnresolvedFunction":
        name = str(e.get("name"))
        shown = name if name.isidentifier() else "`%s`" % name
        return "%s(%s)" % (shown, ", ".join(_transform_text(a) for a in e.get("args", [])))
    return str(kind)
