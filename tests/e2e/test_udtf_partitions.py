"""Python UDTFs over whole partitions, end to end: a call without PARTITION BY keeps one
instance per input partition, whose rows stream to the worker in chunks (65,536 rows), so
eval's state carries across chunks, each eval row joins its own input row, and terminate's
rows join the partition's last row."""
from __future__ import annotations


def test_a_lateral_udtf_keeps_one_instance_per_partition_across_chunks(spark) -> None:
    from tspark.sql.functions import udtf

    @udtf(returnType="x: long, n: long")
    class Tally:
        def __init__(self):
            self.n = 0

        def eval(self, x):
            self.n += 1
            if x % 30000 == 0:
                yield x, self.n

        def terminate(self):
            yield -1, self.n

    spark.udtf.register("tally_stream", Tally)
    spark.range(0, 200000, 1, 2).createOrReplaceTempView("tally_input")
    rows = [tuple(r) for r in spark.sql("SELECT id, x, n FROM tally_input, LATERAL tally_stream(id)").collect()]
    first = [(x, x, x + 1) for x in (0, 30000, 60000, 90000)] + [(99999, -1, 100000)]
    second = [(x, x, x - 100000 + 1) for x in (120000, 150000, 180000)] + [(199999, -1, 100000)]
    assert rows == first + second

