"""PySpark's ``portable_hash`` (pyspark/rdd.py), reimplemented without importing pyspark.

It relies on ``hash()`` of str being stable, which holds because the engine starts every
worker with PYTHONHASHSEED=0, as Spark does for its Python workers.
"""
import sys
from typing import Hashable


def portable_hash(x: Hashable) -> int:
    """Hash used to route keys to shuffle partitions: None → 0, tuples combined as CPython 2 did."""
    if x is None:
        return 0
    if isinstance(x, tuple):
        h = 0x345678
        for i in x:
            h ^= portable_hash(i)
            h *= 1000003
            h &= sys.maxsize
        h ^= len(x)
        if h == -1:
            h = -2
        return int(h)
    return hash(x)
