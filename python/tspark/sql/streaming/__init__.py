"""``pyspark.sql.streaming``: Structured Streaming's client side. ``spark.readStream`` builds a
streaming source relation, ``df.writeStream...start()`` asks the engine to run the query in the
background, and StreamingQuery / ``spark.streams`` read and drive it over the bridge."""
from tspark.sql.streaming.listener import StreamingQueryProgress
from tspark.sql.streaming.query import StreamingQuery, StreamingQueryManager
from tspark.sql.streaming.readwriter import DataStreamReader, DataStreamWriter

__all__ = ["DataStreamReader", "DataStreamWriter", "StreamingQuery", "StreamingQueryManager", "StreamingQueryProgress"]
