"""The worker as the engine runs it: ``python -m tspark.worker`` speaking frames over pipes."""
import os
import pickle
import struct
import subprocess
import sys

import cloudpickle
import msgpack
import pytest

PYTHON_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


class Worker:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONHASHSEED="0")
        env["PYTHONPATH"] = os.path.join(PYTHON_DIR, "python") + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen([sys.executable, "-m", "tspark.worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def call(self, msg):
        body = msgpack.packb(msg, use_bin_type=True)
        self.proc.stdin.write(struct.pack(">I", len(body)) + body)
        self.proc.stdin.flush()
        (n,) = struct.unpack(">I", self.proc.stdout.read(4))
        return msgpack.unpackb(self.proc.stdout.read(n), raw=False)

    def close(self) -> int:
        self.proc.stdin.close()
        self.proc.stdout.close()
        rc = self.proc.wait(timeout=10)
        self.proc.stderr.close()
        return rc


@pytest.fixture
def worker():
    w = Worker()
    yield w
    w.close()


def test_ping_and_clean_exit_on_stdin_close():
    w = Worker()
    assert w.call({"kind": "ping"}) == {"kind": "pong"}
    assert w.close() == 0


def test_eval_udfs_with_nulls_and_wire_lists(worker):
    f = cloudpickle.dumps((lambda s: None if s is None else s.upper(), None))
    rep = worker.call({"kind": "evalUdfs", "numRows": 3, "argTypes": ["string"], "columns": [["a", None, "c"]],
                       "udfs": [{"func": f, "returnType": "string", "argOffsets": [0]}]})
    assert rep == {"kind": "ok", "columns": [["A", None, "C"]]}


def test_user_print_does_not_corrupt_frames(worker):
    f = cloudpickle.dumps(lambda x: print("hello from user code") or x)
    rep = worker.call({"kind": "evalUdfs", "numRows": 1, "argTypes": ["string"], "columns": [["x"]],
                       "udfs": [{"func": f, "returnType": "string", "argOffsets": [0]}]})
    assert rep["columns"] == [["x"]]


def test_error_frame_then_next_request(worker):
    f = cloudpickle.dumps(lambda i, it: (1 // x for x in it))
    rep = worker.call({"kind": "mapPartitions", "func": f, "splitIndex": 0, "blobs": [pickle.dumps([0])]})
    assert rep["kind"] == "error"
    assert rep["exceptionName"] == "ZeroDivisionError"
    assert rep["traceback"].startswith("Traceback (most recent call last):")
    assert rep["traceback"].rstrip().splitlines()[-1].startswith("ZeroDivisionError: ")
    assert "tspark/worker" not in rep["traceback"]
    ok = worker.call({"kind": "mapPartitions", "func": f, "splitIndex": 0, "blobs": [pickle.dumps([1])]})
    assert [x for b in ok["blobs"] for x in pickle.loads(b)] == [1]


def test_shuffle_write_buckets_in_input_order(worker):
    pairs = [("a", 1), ("b", 2), ("a", 3), (None, 4)]
    rep = worker.call({"kind": "shuffleWrite", "func": None, "splitIndex": 0, "numPartitions": 2,
                       "blobs": [pickle.dumps(pairs)]})
    got = [[x for b in bucket for x in pickle.loads(b)] for bucket in rep["buckets"]]
    assert sorted(map(repr, (x for bucket in got for x in bucket))) == sorted(map(repr, pairs))
    assert (None, 4) in got[0]
    assert [p for p in got[0] + got[1] if p[0] == "a"] == [("a", 1), ("a", 3)]


def test_unknown_request_kind_is_an_error_not_a_crash(worker):
    rep = worker.call({"kind": "nope"})
    assert rep["kind"] == "error" and "unknown worker request kind" in rep["message"]
    assert worker.call({"kind": "ping"}) == {"kind": "pong"}


def test_text_chunks_split_into_lines_at_hadoops_terminators_only(worker):
    # \x0b, \x0c and U+2028 stay inside a line (str.splitlines would split there); each
    # chunk holds whole lines, a final terminator ends the last line
    chunks = ["a\r\nb\rc\n\nd\x0be\u2028f\n".encode(), b"", "last é".encode()]
    rep = worker.call({"kind": "mapPartitions", "func": None, "splitIndex": 0, "texts": chunks})
    assert [x for b in rep["blobs"] for x in pickle.loads(b)] == ["a", "b", "c", "", "d\x0be\u2028f", "last é"]
