"""``df.mergeInto(table, condition)``: PySpark 4.0's MergeIntoWriter. Classic Spark plans MERGE
only into v2 tables that support row-level operations; the session catalog's tables and views
are not such tables, so ``merge()`` fails as classic PySpark's does (after the same checks)."""
from typing import Any, Dict, List, Optional

from tspark.errors import SparkRuntimeException, UnsupportedOperationException

__all__ = ["MergeIntoWriter", "WhenMatched", "WhenNotMatched", "WhenNotMatchedBySource"]


class MergeIntoWriter:
    """Collects a merge's actions (``whenMatched()…``, ``whenNotMatched()…``,
    ``whenNotMatchedBySource()…``) and runs them with ``merge()``."""

    def __init__(self, df: Any, table: str, condition: Any):
        self._df = df
        self._table = table
        self._condition = condition
        self._actions: List[Dict[str, Any]] = []
        self._schema_evolution = False

    def whenMatched(self, condition: Optional[Any] = None) -> "WhenMatched":
        """Actions for target rows the source matches (``update``, ``updateAll``, ``delete``)."""
        return WhenMatched(self, condition)

    def whenNotMatched(self, condition: Optional[Any] = None) -> "WhenNotMatched":
        """Actions for source rows no target row matches (``insert``, ``insertAll``)."""
        return WhenNotMatched(self, condition)

    def whenNotMatchedBySource(self, condition: Optional[Any] = None) -> "WhenNotMatchedBySource":
        """Actions for target rows no source row matches (``update``, ``updateAll``, ``delete``)."""
        return WhenNotMatchedBySource(self, condition)

    def withSchemaEvolution(self) -> "MergeIntoWriter":
        """Lets the merge add the source's new columns to the target."""
        self._schema_evolution = True
        return self

    def _add(self, clause: str, condition: Optional[Any], action: str, assignments: Optional[Dict[str, Any]]) -> "MergeIntoWriter":
        self._actions.append({"clause": clause, "condition": condition, "action": action, "assignments": assignments})
        return self

    def merge(self) -> None:
        """Runs the merge. Spark first requires an action (NO_MERGE_ACTION_SPECIFIED), then
        resolves the target (TABLE_OR_VIEW_NOT_FOUND); a session-catalog table or view cannot
        be merged into, as classic Spark's planner says."""
        if not self._actions:
            raise SparkRuntimeException(
                errorClass="NO_MERGE_ACTION_SPECIFIED", messageParameters={}, sqlState="42K0E",
                _full_message="[NO_MERGE_ACTION_SPECIFIED] df.mergeInto needs to be followed by at least one of "
                              "whenMatched/whenNotMatched/whenNotMatchedBySource. SQLSTATE: 42K0E")
        # the target must exist: the engine's TABLE_OR_VIEW_NOT_FOUND as spark.table raises it
        _ = self._df.sparkSession.table(self._table).schema
        raise UnsupportedOperationException(message="MERGE INTO TABLE is not supported temporarily.")


class _When:
    def __init__(self, writer: MergeIntoWriter, condition: Optional[Any], clause: str):
        self._writer = writer
        self._condition = condition
        self._clause = clause


class WhenMatched(_When):
    """``whenMatched(condition)``: what to do with a matched target row."""

    def __init__(self, writer: MergeIntoWriter, condition: Optional[Any]):
        super().__init__(writer, condition, "matched")

    def updateAll(self) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "updateAll", None)

    def update(self, assignments: Dict[str, Any]) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "update", assignments)

    def delete(self) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "delete", None)


class WhenNotMatched(_When):
    """``whenNotMatched(condition)``: what to do with an unmatched source row."""

    def __init__(self, writer: MergeIntoWriter, condition: Optional[Any]):
        super().__init__(writer, condition, "notMatched")

    def insertAll(self) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "insertAll", None)

    def insert(self, assignments: Dict[str, Any]) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "insert", assignments)


class WhenNotMatchedBySource(_When):
    """``whenNotMatchedBySource(condition)``: what to do with an unmatched target row."""

    def __init__(self, writer: MergeIntoWriter, condition: Optional[Any]):
        super().__init__(writer, condition, "notMatchedBySource")

    def updateAll(self) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "updateAll", None)

    def update(self, assignments: Dict[str, Any]) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "update", assignments)

    def delete(self) -> MergeIntoWriter:
        return self._writer._add(self._clause, self._condition, "delete", None)
