"""The engine's Python worker: ``python -m tspark.worker``.

The engine spawns it with the session's interpreter and speaks length-prefixed msgpack
frames over stdin/stdout (bridge/PROTOCOL.md, "Python worker protocol"). It evaluates
UDFs over column batches and runs RDD partition functions and shuffle writes.
"""
