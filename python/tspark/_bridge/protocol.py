"""Request builders for bridge/PROTOCOL.md, one per message kind; `kind` first, then `id`."""
import platform
import sys
from typing import Any, Dict, List, Optional

PROTOCOL_VERSION = 1
CLIENT_NAME = "tspark-python/0.1.0"
Msg = Dict[str, Any]

#: replies that end a request
TERMINAL = frozenset(["done", "error", "analyzeResult", "configResult", "catalogResult", "pong", "handshakeOk",
                      "streamResult"])
#: result chunks the client acknowledges (flow control)
CHUNKS = frozenset(["batch", "arrowBatch", "rddBatch"])


def handshake(req_id: str, token: Optional[str], app_name: Optional[str], conf: Dict[str, str],
              client_pid: Optional[int] = None) -> Msg:
    """First message on a connection: protocol version, interpreter for lambdas, auth; a client on
    the engine's host gives its pid, so the engine ends its session (and its queries) if it dies."""
    m: Msg = {"kind": "handshake", "id": req_id, "protocolVersion": PROTOCOL_VERSION,
              "client": CLIENT_NAME, "pythonExec": sys.executable,
              "pythonVersion": "%d.%d" % sys.version_info[:2]}
    if token is not None:
        m["token"] = token
    if app_name is not None:
        m["appName"] = app_name
    if conf:
        m["conf"] = dict(conf)
    if client_pid is not None:
        m["clientPid"] = client_pid
    return m


def execute(req_id: str, session_id: str, plan: Msg, fmt: str = "rows",
            local_iterator: Optional[Msg] = None) -> Msg:
    """Run a relation; replies schema, batch*/arrowBatch*, done. ``local_iterator``
    ({prefetchPartitions}) runs the result partitions one (or two) at a time."""
    m: Msg = {"kind": "execute", "id": req_id, "sessionId": session_id, "plan": plan, "format": fmt}
    if local_iterator is not None:
        m["localIterator"] = local_iterator
    return m


def ack(req_id: str, session_id: str, seq: int) -> Msg:
    """Acknowledge result chunk `seq` of request `req_id`."""
    return {"kind": "ack", "id": req_id, "sessionId": session_id, "seq": seq}


def analyze(req_id: str, session_id: str, plan: Msg, method: str, **opts: Any) -> Msg:
    """schema / treeString / explain(mode) / showString(numRows, truncate, vertical)."""
    m: Msg = {"kind": "analyze", "id": req_id, "sessionId": session_id, "plan": plan, "method": method}
    m.update((k, v) for k, v in opts.items() if v is not None)
    return m


def execute_rdd(req_id: str, session_id: str, rdd: Msg, action: str = "collect") -> Msg:
    """Run an RDD plan; replies rddBatch*, done."""
    return {"kind": "executeRdd", "id": req_id, "sessionId": session_id, "rdd": rdd, "action": action}


def config(req_id: str, session_id: str, op: str, key: Optional[str] = None, value: Optional[str] = None) -> Msg:
    """spark.conf set/get/unset/getAll."""
    m: Msg = {"kind": "config", "id": req_id, "sessionId": session_id, "op": op}
    if key is not None:
        m["key"] = key
    if value is not None:
        m["value"] = value
    return m


def interrupt(req_id: str, session_id: str, target_id: str) -> Msg:
    """Cancel request `target_id`."""
    return {"kind": "interrupt", "id": req_id, "sessionId": session_id, "targetId": target_id}


def release(req_id: str, session_id: str) -> Msg:
    """Drop the session's state on the engine."""
    return {"kind": "release", "id": req_id, "sessionId": session_id}


def ping(req_id: str) -> Msg:
    """Liveness probe; replies pong."""
    return {"kind": "ping", "id": req_id}


def python_version() -> str:
    """Interpreter version string for diagnostics."""
    return platform.python_version()


def catalog(req_id: str, session_id: str, op: str, args: List[Any]) -> Msg:
    """A ``spark.catalog`` method by name with its positional arguments (None for omitted ones)."""
    return {"kind": "catalog", "id": req_id, "sessionId": session_id, "op": op, "args": args}


def stream(req_id: str, session_id: str, op: str, **fields: Any) -> Msg:
    """A Structured Streaming request: ``start`` (plan, writer) stays open as the query's event
    channel; the other ops (describe, progress, awaitTermination, processAllAvailable, stop,
    explain, active, awaitAnyTermination, resetTerminated, eventDone) answer one streamResult."""
    m: Msg = {"kind": "stream", "id": req_id, "sessionId": session_id, "op": op}
    m.update((k, v) for k, v in fields.items() if v is not None)
    return m
