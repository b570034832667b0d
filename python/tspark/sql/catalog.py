"""``spark.catalog``: databases, temp views, functions and cached tables, as PySpark's Catalog.

Every method is one ``catalog`` request to the engine (engine/catalog-api.ts), which answers
with plain data that becomes PySpark's NamedTuples here.
"""
from typing import Any, List, NamedTuple, Optional

__all__ = ["Catalog", "CatalogMetadata", "Database", "Table", "Column", "Function"]


class CatalogMetadata(NamedTuple):
    """A catalog (listCatalogs)."""
    name: str
    description: Optional[str]


class Database(NamedTuple):
    """A database (listDatabases)."""
    name: str
    catalog: Optional[str]
    description: Optional[str]
    locationUri: str


class Table(NamedTuple):
    """A table or view (listTables)."""
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    tableType: str
    isTemporary: bool


class Column(NamedTuple):
    """A column of a table or view (listColumns)."""
    name: str
    description: Optional[str]
    dataType: str
    nullable: bool
    isPartition: bool
    isBucket: bool
    isCluster: bool


class Function(NamedTuple):
    """A function (listFunctions)."""
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    className: Optional[str]
    isTemporary: bool


class Catalog:
    """``spark.catalog``: the engine's catalog as this session sees it."""

    def __init__(self, sparkSession: Any) -> None:
        self._session = sparkSession

    def _op(self, op: str, *args: Any) -> Any:
        from tspark._bridge import protocol
        client = self._session._client_checked()
        reply = client.request(protocol.catalog(client.next_id(), client.session_id, op, list(args)))
        return reply.get("value")

    def currentCatalog(self) -> str:
        """The current catalog: ``spark_catalog``."""
        return self._op("currentCatalog")

    def listCatalogs(self, pattern: Optional[str] = None) -> List[CatalogMetadata]:
        """The catalogs: only ``spark_catalog``."""
        return [CatalogMetadata(name="spark_catalog", description=None)]

    def currentDatabase(self) -> str:
        """The current database (``default`` unless changed)."""
        return self._op("currentDatabase")

    def setCurrentDatabase(self, dbName: str) -> None:
        """Sets the current database (SCHEMA_NOT_FOUND when it does not exist)."""
        self._op("setCurrentDatabase", dbName)

    def listDatabases(self, pattern: Optional[str] = None) -> List[Database]:
        """The databases, optionally those matching a SHOW-style pattern."""
        return [Database(**d) for d in self._op("listDatabases", pattern)]

    def databaseExists(self, dbName: str) -> bool:
        """Whether the database exists."""
        return bool(self._op("databaseExists", dbName))

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        """The tables of the database (the current one by default), then the session's temp views
        (for ``global_temp``, the global ones first)."""
        return [Table(**t) for t in self._op("listTables", dbName, pattern)]

    def tableExists(self, tableName: str, dbName: Optional[str] = None) -> bool:
        """Whether the table or view exists."""
        return bool(self._op("tableExists", tableName, dbName))

    def getTable(self, tableName: str) -> Table:
        """The table or view ``tableName`` (TABLE_OR_VIEW_NOT_FOUND when absent)."""
        parts = tableName.split(".")
        db = parts[0] if len(parts) == 2 else None
        self.listColumns(tableName)  # raises Spark's error for an unknown name
        for t in self.listTables(db):
            if t.name.lower() == parts[-1].lower():
                return t
        raise AssertionError("unreachable: %s resolved but is not listed" % tableName)

    def listColumns(self, tableName: str, dbName: Optional[str] = None) -> List[Column]:
        """The columns of a table or view."""
        return [Column(**c) for c in self._op("listColumns", tableName, dbName)]

    def listFunctions(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Function]:
        """The functions (Spark's built-ins are listed as temporary)."""
        return [Function(**f) for f in self._op("listFunctions", dbName, pattern)]

    def functionExists(self, functionName: str, dbName: Optional[str] = None) -> bool:
        """Whether the function exists."""
        return bool(self._op("functionExists", functionName, dbName))

    def dropTempView(self, viewName: str) -> bool:
        """Drops a temp view; whether it existed."""
        return bool(self._op("dropTempView", viewName))

    def dropGlobalTempView(self, viewName: str) -> bool:
        """Drops a global temp view; whether it existed."""
        return bool(self._op("dropGlobalTempView", viewName))

    def cacheTable(self, tableName: str, storageLevel: Any = None) -> None:
        """Caches a view (MEMORY_AND_DISK unless a level is given); later reads use the cache."""
        self._op("cacheTable", tableName, None if storageLevel is None else storageLevel._to_wire())

    def uncacheTable(self, tableName: str) -> None:
        """Drops a view's cached data."""
        self._op("uncacheTable", tableName)

    def isCached(self, tableName: str) -> bool:
        """Whether the view is cached."""
        return bool(self._op("isCached", tableName))

    def clearCache(self) -> None:
        """Drops every cached query of the engine."""
        self._op("clearCache")

    def refreshTable(self, tableName: str) -> None:
        """Checks that the table or view exists (both are read afresh by every query)."""
        self._op("refreshTable", tableName)

    def createTable(self, tableName: str, path: Optional[str] = None, source: Optional[str] = None,
                    schema: Any = None, description: Optional[str] = None, **options: str) -> Any:
        """Creates a table and gives it as a DataFrame: external over ``path`` (its schema inferred
        from the files unless given), else managed and empty with ``schema``."""
        import json
        from tspark.sql.types import StructType
        ddl: Optional[str]
        if schema is None:
            ddl = None
        elif isinstance(schema, StructType):
            ddl = schema.simpleString()
        else:
            from tspark.errors import PySparkTypeError
            raise PySparkTypeError(errorClass="NOT_STRUCT", messageParameters={
                "arg_name": "schema", "arg_type": type(schema).__name__})
        opts = json.dumps([[k, str(v)] for k, v in options.items()])
        self._op("createTable", tableName, path, source, ddl, description, opts)
        return self._session.table(tableName)

    def createExternalTable(self, tableName: str, path: Optional[str] = None, source: Optional[str] = None,
                            schema: Any = None, **options: str) -> Any:
        """The older name of createTable over a path."""
        return self.createTable(tableName, path, source, schema, **options)
