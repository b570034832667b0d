"""Hash functions (Spark's hash_funcs group), bit-exact with Spark's."""
from typing import Any

from tspark.sql.column import Column
from tspark.errors import PySparkValueError
from tspark.sql._invoke import invoke, invoke_with_literals
from tspark.sql.functions._family import family_all


def hash(*cols: Any) -> Column:
    """Spark's Murmur3 hash of the columns (seed 42), an int column."""
    return invoke("hash", *cols)


def md5(col: Any) -> Column:
    return invoke("md5", col)


def sha(col: Any) -> Column:
    return invoke("sha", col)


def sha1(col: Any) -> Column:
    return invoke("sha1", col)


def crc32(col: Any) -> Column:
    return invoke("crc32", col)


def sha2(col: Any, numBits: int) -> Column:
    if numBits not in [0, 224, 256, 384, 512]:
        raise PySparkValueError(errorClass="VALUE_NOT_ALLOWED", messageParameters={
            "arg_name": "numBits", "allowed_values": "[0, 224, 256, 384, 512]"})
    return invoke_with_literals("sha2", col, numBits)


def xxhash64(*cols: Any) -> Column:
    """Spark's xxHash64 of the columns (seed 42), a bigint column."""
    return invoke("xxhash64", *cols)


__all__ = family_all(globals())
