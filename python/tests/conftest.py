"""Unit tests of the client run without an engine: plans are checked as dicts."""
import pytest

from tspark.sql.dataframe import DataFrame
from tspark.sql._plan import relations as R


class FakeSession:
    """Stands in for SparkSession where only plan building is exercised."""

    _options: dict = {}


@pytest.fixture()
def df():
    """A frame over Range(0, 10) whose plan can be inspected (schema preset: no engine)."""
    from tspark.sql.types import LongType, StructType
    d = DataFrame(R.range_(0, 10, 1), FakeSession())
    d._schema = StructType().add("id", LongType()).add("a", LongType())
    return d


def strip_ids(node):
    """The plan without planIds (they are process-global counters)."""
    if isinstance(node, dict):
        return {k: strip_ids(v) for k, v in node.items() if k != "planId"}
    if isinstance(node, list):
        return [strip_ids(v) for v in node]
    return node
