"""Entry point of the in-process Python runner (ts-engine/src/python/in-process/): the engine
embeds this interpreter through node-calls-python and calls ``handle_frame`` with the msgpack
bodies the pipe workers read from stdin, so both runners serve the same requests with the
same handlers (``tspark.worker.main.handle``).

User output goes to stderr, as in a pipe worker. ``portable_hash`` needs hash randomization
off (PYTHONHASHSEED=0 in the engine's environment before the interpreter starts): ``check``
reports it so the engine refuses to route shuffles with unstable hashes.
"""
import sys
from typing import Dict

import msgpack

from tspark.worker.main import error_frame, handle

sys.stdout = sys.stderr


def check() -> Dict[str, object]:
    """This interpreter's minor version and whether str hashes are stable (no randomization)."""
    return {"version": "%d.%d" % sys.version_info[:2], "stableHash": sys.flags.hash_randomization == 0}


def handle_frame(body: bytes) -> bytes:
    """One request body in, one reply body out; user exceptions become error frames."""
    reply = handle(msgpack.unpackb(body, raw=False, strict_map_key=False))
    try:
        return msgpack.packb(reply, use_bin_type=True)
    except (TypeError, ValueError, OverflowError) as e:  # result not encodable
        return msgpack.packb(error_frame(e), use_bin_type=True)
