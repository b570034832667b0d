"""StreamingQueryProgress: a finished batch's report, as PySpark's (a dict whose keys are also
attributes; ``str()`` and ``prettyJson`` are Spark's Jackson-printed JSON)."""
import json
from typing import Any, Dict, List

#: the report's numbers that Spark keeps as doubles (msgpack carries a whole 0.0 as 0)
_DOUBLES = frozenset(["inputRowsPerSecond", "processedRowsPerSecond"])


def _java_double(v: float) -> str:
    """A double as Java's Double.toString writes it (what Jackson prints)."""
    if v != v:
        return '"NaN"'
    if v == int(v) and abs(v) < 1e7:
        return "%d.0" % int(v)
    r = repr(float(v))
    if "e" in r:
        mant, exp = r.split("e")
        if "." not in mant:
            mant += ".0"
        return "%sE%d" % (mant, int(exp))
    return r


def _pretty(v: Any, indent: int, key: str = "") -> str:
    """Jackson's DefaultPrettyPrinter: `"k" : v`, objects one key a line, arrays `[ a, b ]`."""
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{ }"
        inner = ",\n".join("%s  %s : %s" % (pad, json.dumps(k), _pretty(x, indent + 1, k)) for k, x in v.items())
        return "{\n%s\n%s}" % (inner, pad)
    if isinstance(v, list):
        if not v:
            return "[ ]"
        return "[ " + ", ".join(_pretty(x, indent) for x in v) + " ]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, float) or key in _DOUBLES:
        return _java_double(float(v))
    if isinstance(v, int):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


def _as_doubles(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: (float(v) if k in _DOUBLES and isinstance(v, (int, float)) else v) for k, v in d.items()}


class _JsonView(dict):
    """A report part: a dict whose keys read as attributes too, printed as Spark's pretty JSON."""

    def __init__(self, wire: Dict[str, Any], **fields: Any):
        super().__init__(**fields)
        self._wire = wire

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def json(self) -> str:
        """The compact JSON of this part (Spark's ``json``)."""
        return json.dumps(self._wire, separators=(",", ":"))

    @property
    def prettyJson(self) -> str:
        """The indented JSON of this part (Spark's ``prettyJson``)."""
        return _pretty(self._wire, 0)

    def __str__(self) -> str:
        return self.prettyJson

    __repr__ = __str__


def _offset_text(v: Any) -> str:
    """An offset as PySpark gives it: the JVM's JSON text, ``"None"`` when there is none."""
    return "None" if v is None else json.dumps(v, separators=(",", ":"))


def _source(w: Dict[str, Any]) -> _JsonView:
    w = _as_doubles(w)
    return _JsonView(w, description=w.get("description"), startOffset=_offset_text(w.get("startOffset")),
                     endOffset=_offset_text(w.get("endOffset")), latestOffset=_offset_text(w.get("latestOffset")),
                     numInputRows=w.get("numInputRows"), inputRowsPerSecond=w.get("inputRowsPerSecond"),
                     processedRowsPerSecond=w.get("processedRowsPerSecond"), metrics=dict(w.get("metrics") or {}))


def _sink(w: Dict[str, Any]) -> _JsonView:
    return _JsonView(w, description=w.get("description"), numOutputRows=w.get("numOutputRows"),
                     metrics=dict(w.get("metrics") or {}))


class StreamingQueryProgress(_JsonView):
    """One batch's progress (Spark's StreamingQueryProgress): id, runId, name, timestamp,
    batchId, batchDuration, durationMs, eventTime, stateOperators, sources, sink,
    numInputRows, inputRowsPerSecond, processedRowsPerSecond, observedMetrics."""

    def __init__(self, wire: Dict[str, Any]):
        w = _as_doubles(dict(wire))
        super().__init__(
            w,
            id=w.get("id"), runId=w.get("runId"), name=w.get("name"), timestamp=w.get("timestamp"),
            batchId=w.get("batchId"), batchDuration=w.get("batchDuration"),
            durationMs=dict(w.get("durationMs") or {}), eventTime=dict(w.get("eventTime") or {}),
            stateOperators=[_JsonView(s, **s) for s in w.get("stateOperators") or []],
            sources=[_source(s) for s in w.get("sources") or []],
            sink=_sink(w.get("sink") or {}),
            numInputRows=w.get("numInputRows"), inputRowsPerSecond=w.get("inputRowsPerSecond"),
            processedRowsPerSecond=w.get("processedRowsPerSecond"),
            observedMetrics=dict(w.get("observedMetrics") or {}))
        # a report built by Spark's JSON names these once a watermark or metric gives them
        for k in ("eventTime", "observedMetrics"):
            if not w.get(k):
                w.pop(k, None)


def progress_list(wire: List[Dict[str, Any]]) -> List[StreamingQueryProgress]:
    """The reports of a wire list."""
    return [StreamingQueryProgress(p) for p in wire]
