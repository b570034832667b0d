"""Actions over the bridge: run a plan and decode rows, Arrow tables, or analyze results."""
import contextlib
import gc
from typing import Any, Dict, Iterator, List, Optional, Tuple

from tspark._bridge import protocol
from tspark.sql import types as T
from tspark.sql._convert import decode_rows
from tspark.sql.row import Row


@contextlib.contextmanager
def _as_job(session: Any, req: Dict[str, Any]) -> Iterator[None]:
    """Counts request ``req`` as a job of the session's SparkContext while it runs (its group and
    tags), so that sc.cancelAllJobs / cancelJobGroup / cancelJobsWithTag stop DataFrame actions
    too, as in Spark."""
    sc = session.sparkContext
    jobs = sc._jobs
    job = jobs.start(sc.getLocalProperty("spark.jobGroup.id"), req["id"], frozenset(sc.getJobTags()))
    ok = False
    try:
        yield
        ok = True
    finally:
        jobs.end(job, ok)


def _job_stream(session: Any, client: Any, req: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    """The request's replies, the action counted as a job while it runs (_as_job)."""
    with _as_job(session, req):
        yield from client.stream(req)


def iter_rows(session: Any, plan: Dict[str, Any], local_iterator: Optional[Dict[str, Any]] = None) -> Iterator[List[Row]]:
    """Yield the result's rows batch by batch (each chunk acknowledged as it is decoded);
    ``local_iterator`` ({prefetchPartitions}) has the engine run one partition at a time."""
    client = session._client_checked()
    schema = T.StructType()
    req = protocol.execute(client.next_id(), client.session_id, plan, "rows", local_iterator)
    for msg in _job_stream(session, client, req):
        kind = msg.get("kind")
        if kind == "schema":
            schema = T.StructType.fromJson(msg["schema"])
        elif kind == "batch":
            yield decode_rows(msg.get("columns") or [], schema, int(msg.get("numRows", 0)))


def collect_rows(session: Any, plan: Dict[str, Any]) -> List[Row]:
    """All rows of the result.

    The cyclic GC is paused while rows accumulate: millions of new tuples would otherwise
    trigger repeated full collections that rescan the growing list (~35% of decode time).
    """
    out: List[Row] = []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for rows in iter_rows(session, plan):
            out.extend(rows)
    finally:
        if was_enabled:
            gc.enable()
    return out


def collect_arrow(session: Any, plan: Dict[str, Any]) -> Tuple[T.StructType, List[bytes]]:
    """The result schema and its Arrow IPC stream chunks."""
    client = session._client_checked()
    schema = T.StructType()
    chunks: List[bytes] = []
    for msg in _job_stream(session, client, protocol.execute(client.next_id(), client.session_id, plan, "arrow")):
        kind = msg.get("kind")
        if kind == "schema":
            schema = T.StructType.fromJson(msg["schema"])
        elif kind == "arrowBatch":
            chunks.append(msg["ipc"])
    return schema, chunks


def analyze(session: Any, plan: Dict[str, Any], method: str, **opts: Any) -> Dict[str, Any]:
    """One analyze request (schema / treeString / explain / showString)."""
    client = session._client_checked()
    return client.request(protocol.analyze(client.next_id(), client.session_id, plan, method, **opts))


def analyze_job(session: Any, plan: Dict[str, Any], method: str, **opts: Any) -> Dict[str, Any]:
    """An analyze request that runs the plan (show, foreach, checkpoint), counted as a job of the
    session's SparkContext while it runs, so that its job group and tags can cancel it."""
    client = session._client_checked()
    req = protocol.analyze(client.next_id(), client.session_id, plan, method, **opts)
    with _as_job(session, req):
        return client.request(req)
