"""The worker's ``udtf`` request (tspark/worker/udtf.py) without an engine: ranges of rows get
an instance each, ``eval`` per row, ``terminate`` at the end, each output row tagged with its
input row; PySpark's UDTF errors."""
from array import array

import cloudpickle
import pytest

from tspark.errors import PySparkRuntimeError
from tspark.worker.udtf import udtf

_RT = {"type": "struct", "fields": [{"name": "n", "type": "long", "nullable": True, "metadata": {}},
                                     {"name": "w", "type": "string", "nullable": True, "metadata": {}}]}


def _ints(xs):
    return array("i", xs).tobytes()


def _req(cls, columns, shapes, starts, ends, rt=_RT, eval_type=300):
    n = len(columns[0]) if columns else 1
    return {"kind": "udtf", "func": cloudpickle.dumps((cls, None)), "evalType": eval_type, "name": cls.__name__,
            "returnType": rt, "numRows": n, "argTypes": ["long"] * len(columns), "columns": columns,
            "shapes": shapes, "starts": _ints(starts), "ends": _ints(ends)}


class Counter:
    def __init__(self):
        self.c = 0

    def eval(self, x):
        self.c += 1
        yield x, "e"

    def terminate(self):
        yield self.c, "t"


def _rows(reply):
    idx = memoryview(reply["rowIndex"]).cast("i").tolist()
    cols = reply["columns"]
    vals = [c if isinstance(c, list) else None for c in cols]
    return idx, vals


def test_an_instance_per_range_and_terminate_at_each_end():
    reply = udtf(_req(Counter, [[10, 11, 12]], [{"kind": "scalar", "arg": 0}], [0, 2], [2, 3]))
    idx, vals = _rows(reply)
    assert reply["numRows"] == 5
    assert idx == [0, 1, 1, 2, 2]
    assert vals[1] == ["e", "e", "t", "e", "t"]


def test_terminate_of_an_empty_range_has_no_input_row():
    idx, vals = _rows(udtf(_req(Counter, [[]], [{"kind": "scalar", "arg": 0}], [0], [0])))
    assert idx == [-1]
    assert vals[1] == ["t"]


def test_table_arguments_arrive_as_rows_and_keywords_by_name():
    class Both:
        def eval(self, row, k=None):
            yield row.a + row["b"], str(k)

    reply = udtf(_req(Both, [[1, 2], [10, 20], [7, 7]],
                      [{"kind": "table", "first": 0, "names": ["a", "b"]}, {"kind": "scalar", "arg": 2, "name": "k"}], [0], [2]))
    idx, vals = _rows(reply)
    assert idx == [0, 1]
    assert vals[1] == ["7", "7"]


def test_skip_rest_of_input_table_still_terminates():
    from tspark.sql.udtf import SkipRestOfInputTableException

    class Skips(Counter):
        def eval(self, x):
            self.c += 1
            if x > 1:
                raise SkipRestOfInputTableException()
            yield x, "e"

    idx, vals = _rows(udtf(_req(Skips, [[1, 2, 3]], [{"kind": "scalar", "arg": 0}], [0], [3])))
    assert idx == [0, 2]
    assert vals[1] == ["e", "t"]


@pytest.mark.parametrize("body,error", [
    (lambda self, x: [(1,)], "UDTF_RETURN_SCHEMA_MISMATCH"),
    (lambda self, x: [1], "UDTF_INVALID_OUTPUT_ROW_TYPE"),
    (lambda self, x: 1, "UDTF_RETURN_NOT_ITERABLE"),
    (lambda self, x: 1 // 0, "UDTF_EXEC_ERROR"),
])
def test_pyspark_errors(body, error):
    cls = type("Bad", (), {"eval": body})
    with pytest.raises(PySparkRuntimeError, match=error):
        udtf(_req(cls, [[1]], [{"kind": "scalar", "arg": 0}], [0], [1]))


def test_arguments_that_do_not_match_eval():
    cls = type("TwoArgs", (), {"eval": lambda self, x, y: [(x, y)]})
    with pytest.raises(PySparkRuntimeError, match="UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE"):
        udtf(_req(cls, [[1]], [{"kind": "scalar", "arg": 0}], [0], [1]))


def test_a_streamed_partition_keeps_one_instance_across_chunks():
    """udtf_stream: eval over each chunk, a ``more`` reply per chunk (row indexes within it),
    then terminate once after the last chunk, with the last chunk's last row."""
    import io

    from tspark.worker import foreach_ops
    from tspark.worker.framing import read_frame, write_frame
    from tspark.worker.udtf import udtf_stream
    class Tally(Counter):
        def terminate(self):
            yield self.c, "t%d" % self.c
    head = _req(Tally, [[10, 11]], [{"kind": "scalar", "arg": 0}], [0], [2])
    head.update(kind="udtfStream", last=False)
    for k in ("starts", "ends"):
        del head[k]
    later = io.BytesIO()
    write_frame(later, {"kind": "chunk", "numRows": 0, "columns": [[]], "last": False})
    write_frame(later, {"kind": "chunk", "numRows": 3, "columns": [[12, 13, 14]], "last": True})
    later.seek(0)
    out = io.BytesIO()
    saved = foreach_ops.PIPES
    foreach_ops.PIPES = (later, out)
    try:
        last = udtf_stream(head)
    finally:
        foreach_ops.PIPES = saved
    out.seek(0)
    replies = [read_frame(out), read_frame(out)]
    assert [r["kind"] for r in replies] == ["more", "more"]
    assert _rows(replies[0])[0] == [0, 1] and _rows(replies[0])[1][1] == ["e", "e"]
    assert replies[1]["numRows"] == 0
    assert last["kind"] == "ok"
    # terminate counted all five rows of the three chunks: one instance, joined with the last row
    idx, vals = _rows(last)
    assert idx == [0, 1, 2, 2] and vals[1] == ["e", "e", "e", "t5"]
