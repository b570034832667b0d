"""``tspark.testing`` mirrors ``pyspark.testing``: DataFrame and schema assertions."""
from tspark.testing.utils import assertDataFrameEqual, assertSchemaEqual

__all__ = ["assertDataFrameEqual", "assertSchemaEqual"]
