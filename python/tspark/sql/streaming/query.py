"""StreamingQuery and StreamingQueryManager (``spark.streams``): handles on queries that run in
the engine. Each started query keeps its ``start`` request open as a channel: a daemon thread
reads its events (a console batch to print, a foreachBatch call to run here, in the client's
interpreter) and answers each, so the engine commits a batch only after the client handled it."""
import sys
import threading
import traceback
from typing import Any, Callable, Dict, List, Optional

from tspark._bridge import protocol
from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.errors._from_wire import from_wire
from tspark.sql import types as T
from tspark.sql._plan import relations as R
from tspark.sql._convert import wire_type
from tspark.sql.streaming.listener import StreamingQueryProgress, progress_list

#: runs ``f(df, batch_id)`` for one foreachBatch event (the writer's function over a DataFrame
#: of the batch's rows kept in the engine)
BatchFunc = Callable[[Any, int], None]


def _stream(session: Any, op: str, **fields: Any) -> Any:
    """One ``stream`` request's result value."""
    client = session._client_checked()
    return client.request(protocol.stream(client.next_id(), client.session_id, op, **fields)).get("value")


def _timeout_seconds(timeout: Any) -> Optional[float]:
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise PySparkTypeError(errorClass="NOT_INT", messageParameters={"arg_name": "timeout", "arg_type": type(timeout).__name__})
    if timeout < 0:
        raise PySparkValueError(errorClass="VALUE_NOT_POSITIVE", messageParameters={"arg_name": "timeout", "arg_value": str(timeout)})
    return float(timeout)


class _EventLoop(threading.Thread):
    """Reads a query's events from its open start request until the query ends."""

    def __init__(self, session: Any, req_id: str, query_id: str, frame: Callable[[Any], Any],
                 batch_func: Optional[BatchFunc]):
        super().__init__(name="tspark-stream-%s" % query_id[:8], daemon=True)
        self._session = session
        self._req_id = req_id
        self._query_id = query_id
        self._frame = frame
        self._batch_func = batch_func

    def run(self) -> None:
        client = self._session._client
        while True:
            try:
                msg = client._receive(self._req_id)
            except Exception:
                return  # the engine is gone: the query is too
            kind = msg.get("kind")
            if kind in ("done", "error"):
                return
            if kind == "streamEvent":
                self._handle(client, msg)

    def _handle(self, client: Any, msg: Dict[str, Any]) -> None:
        event = msg.get("event") or {}
        error: Optional[str] = None
        tb: Optional[str] = None
        try:
            if event.get("kind") == "console":
                sys.stdout.write(event.get("text", ""))
                sys.stdout.flush()
            elif event.get("kind") == "foreachBatch" and self._batch_func is not None:
                schema = T.StructType.fromJson(event["schema"])
                df = self._frame(R.local_relation(wire_type(schema), [], checkpoint_id=event["checkpointId"]))
                df._schema = schema
                self._batch_func(df, int(event["batchId"]))
        except BaseException as e:  # the user's function failed: the query stops with it
            error = "%s: %s" % (type(e).__name__, e)
            tb = traceback.format_exc()
        fields: Dict[str, Any] = {"queryId": self._query_id, "seq": int(msg.get("seq", 0))}
        if error is not None:
            fields["error"] = error
            fields["traceback"] = tb
        try:
            client.request(protocol.stream(client.next_id(), client.session_id, "eventDone", **fields))
        except Exception:
            pass


class StreamingQuery:
    """A query running in the engine (PySpark's StreamingQuery)."""

    def __init__(self, session: Any, query_id: str, run_id: str, name: Optional[str],
                 loop: Optional[_EventLoop] = None):
        self._session = session
        self._id = query_id
        self._run_id = run_id
        self._name = name
        self._loop = loop

    def _describe(self) -> Dict[str, Any]:
        return _stream(self._session, "describe", queryId=self._id)

    @property
    def id(self) -> str:
        """The query's id, kept across restarts from the same checkpoint."""
        return self._id

    @property
    def runId(self) -> str:
        """This run's id (new at every start)."""
        return self._run_id

    @property
    def name(self) -> Optional[str]:
        """The queryName, or None."""
        return self._name

    @property
    def isActive(self) -> bool:
        """Whether the query still runs."""
        return bool(self._describe()["isActive"])

    @property
    def status(self) -> Dict[str, Any]:
        """``{'message', 'isDataAvailable', 'isTriggerActive'}`` now."""
        s = self._describe()["status"]
        return {"message": s["message"], "isDataAvailable": bool(s["isDataAvailable"]), "isTriggerActive": bool(s["isTriggerActive"])}

    @property
    def lastProgress(self) -> Optional[StreamingQueryProgress]:
        """The last batch's report, or None before the first."""
        p = self._describe()["lastProgress"]
        return None if p is None else StreamingQueryProgress(p)

    @property
    def recentProgress(self) -> List[StreamingQueryProgress]:
        """The last reports (up to spark.sql.streaming.numRecentProgressUpdates)."""
        return progress_list(_stream(self._session, "progress", queryId=self._id))

    def awaitTermination(self, timeout: Optional[int] = None) -> Optional[bool]:
        """Waits until the query ends (raising StreamingQueryException if it failed); with
        ``timeout`` seconds, whether it ended within them."""
        t = _timeout_seconds(timeout)
        fields: Dict[str, Any] = {"queryId": self._id}
        if t is not None:
            fields["timeout"] = t
        ended = _stream(self._session, "awaitTermination", **fields)
        if ended and self._loop is not None:
            self._loop.join(5)
        return bool(ended) if t is not None else None

    def processAllAvailable(self) -> None:
        """Blocks until everything available at the call has been processed and committed."""
        _stream(self._session, "processAllAvailable", queryId=self._id)

    def stop(self) -> None:
        """Stops the query (the batch in flight is cancelled)."""
        _stream(self._session, "stop", queryId=self._id)
        if self._loop is not None and self._loop is not threading.current_thread():
            self._loop.join(5)

    def exception(self) -> Optional[Any]:
        """The StreamingQueryException the query failed with, or None."""
        e = self._describe()["exception"]
        return None if e is None else from_wire(e)

    def explain(self, extended: bool = False) -> None:
        """Prints the plan of the last batch."""
        print(_stream(self._session, "explain", queryId=self._id, extended=bool(extended)))

    def __repr__(self) -> str:
        return "<tspark.sql.streaming.query.StreamingQuery object>"


class StreamingQueryManager:
    """``spark.streams``: the session's active queries."""

    def __init__(self, session: Any):
        self._session = session
        self._handles: Dict[str, StreamingQuery] = {}

    def _handle(self, d: Dict[str, Any]) -> StreamingQuery:
        q = self._handles.get(d["id"])
        if q is None or q.runId != d["runId"]:
            q = StreamingQuery(self._session, d["id"], d["runId"], d.get("name"))
            self._handles[d["id"]] = q
        return q

    def _register(self, q: StreamingQuery) -> None:
        self._handles[q.id] = q

    @property
    def active(self) -> List[StreamingQuery]:
        """The queries running now."""
        return [self._handle(d) for d in _stream(self._session, "active")]

    def get(self, id: str) -> Optional[StreamingQuery]:
        """The active query with this id, or None."""
        for d in _stream(self._session, "active"):
            if d["id"] == id:
                return self._handle(d)
        return None

    def awaitAnyTermination(self, timeout: Optional[int] = None) -> Optional[bool]:
        """Waits until some query ended since the last resetTerminated (raising its failure)."""
        t = _timeout_seconds(timeout)
        ended = _stream(self._session, "awaitAnyTermination", **({} if t is None else {"timeout": t}))
        return bool(ended) if t is not None else None

    def resetTerminated(self) -> None:
        """Forgets the queries that ended, for awaitAnyTermination."""
        _stream(self._session, "resetTerminated")


def start_query(session: Any, plan: Dict[str, Any], writer: Dict[str, Any], frame: Callable[[Any], Any],
                batch_func: Optional[BatchFunc]) -> StreamingQuery:
    """Sends ``start`` and waits for ``streamStarted`` (a bad query raises here); the request
    stays open as the query's event channel, read by a daemon thread."""
    client = session._client_checked()
    req = protocol.stream(client.next_id(), client.session_id, "start", plan=plan, writer=writer)
    client._send(req)
    reply = client._receive(req["id"])
    if reply.get("kind") == "error":
        raise from_wire(reply)
    loop = _EventLoop(session, req["id"], reply["queryId"], frame, batch_func)
    q = StreamingQuery(session, reply["queryId"], reply["runId"], reply.get("name"), loop)
    loop.start()
    session.streams._register(q)
    return q
