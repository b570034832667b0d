"""The streaming client without an engine: DataStreamWriter's argument checks as PySpark's, and
StreamingQueryProgress printing Spark's Jackson JSON (the text below was printed by PySpark
4.0.1 for a memory-sink query over a JSON directory)."""
import json

import pytest

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql.streaming import DataStreamWriter, StreamingQueryProgress

SPARK_PROGRESS = '''{
  "id" : "4dce8d59-d4c8-4330-8c87-910d3f715b85",
  "runId" : "8b8cb46c-409b-455a-9b67-21c38ea73363",
  "name" : "m1",
  "timestamp" : "2026-12-03T06:48:18.837Z",
  "batchId" : 1,
  "batchDuration" : 905,
  "numInputRows" : 1,
  "inputRowsPerSecond" : 1.0893246187363834,
  "processedRowsPerSecond" : 1.1049723756906078,
  "durationMs" : {
    "addBatch" : 248,
    "commitOffsets" : 166,
    "getBatch" : 52,
    "latestOffset" : 168,
    "queryPlanning" : 54,
    "triggerExecution" : 905,
    "walCommit" : 200
  },
  "stateOperators" : [ ],
  "sources" : [ {
    "description" : "FileStreamSource[file:/tmp/tmpgmulqhj1/in]",
    "startOffset" : {
      "logOffset" : 0
    },
    "endOffset" : {
      "logOffset" : 1
    },
    "latestOffset" : null,
    "numInputRows" : 1,
    "inputRowsPerSecond" : 1.0893246187363834,
    "processedRowsPerSecond" : 1.1049723756906078
  } ],
  "sink" : {
    "description" : "MemorySink",
    "numOutputRows" : 1
  }
}'''


def test_progress_prints_sparks_pretty_json():
    p = StreamingQueryProgress(json.loads(SPARK_PROGRESS))
    assert str(p) == SPARK_PROGRESS
    assert json.loads(p.json) == json.loads(SPARK_PROGRESS)


def test_progress_is_a_dict_with_pysparks_keys_and_attributes():
    wire = json.loads(SPARK_PROGRESS)
    wire["inputRowsPerSecond"] = 0  # msgpack carries a whole double as an int
    p = StreamingQueryProgress(wire)
    assert sorted(p.keys()) == sorted(["id", "runId", "name", "timestamp", "batchId", "batchDuration", "numInputRows",
                                       "inputRowsPerSecond", "processedRowsPerSecond", "durationMs", "eventTime",
                                       "stateOperators", "sources", "sink", "observedMetrics"])
    assert p.inputRowsPerSecond == 0.0 and isinstance(p.inputRowsPerSecond, float)
    assert '"inputRowsPerSecond" : 0.0,' in p.prettyJson
    s = p.sources[0]
    assert (s.startOffset, s.endOffset, s.latestOffset) == ('{"logOffset":0}', '{"logOffset":1}', "None")
    assert sorted(s.keys()) == ["description", "endOffset", "inputRowsPerSecond", "latestOffset", "metrics",
                                "numInputRows", "processedRowsPerSecond", "startOffset"]
    assert str(p.sink) == '{\n  "description" : "MemorySink",\n  "numOutputRows" : 1\n}'
    assert p.eventTime == {} and "eventTime" not in json.loads(p.json)


class _Frame:
    _session = None
    _plan: dict = {}


def test_trigger_takes_exactly_one_kind():
    w = DataStreamWriter(_Frame())
    with pytest.raises(PySparkValueError) as e:
        w.trigger()
    assert e.value.getCondition() == "ONLY_ALLOW_SINGLE_TRIGGER" and str(e.value) == "[ONLY_ALLOW_SINGLE_TRIGGER] Only a single trigger is allowed."
    with pytest.raises(PySparkValueError, match="ONLY_ALLOW_SINGLE_TRIGGER"):
        w.trigger(processingTime="1 second", once=True)
    with pytest.raises(PySparkValueError) as e:
        w.trigger(once=False)
    assert e.value.getCondition() == "VALUE_NOT_TRUE"
    with pytest.raises(PySparkValueError) as e:
        w.trigger(processingTime="")
    assert e.value.getCondition() == "VALUE_NOT_NON_EMPTY_STR"
    assert w.trigger(processingTime=" 2 seconds ")._trigger == {"kind": "processingTime", "interval": "2 seconds"}
    assert w.trigger(availableNow=True)._trigger == {"kind": "availableNow"}


def test_foreach_batch_needs_a_callable():
    with pytest.raises(PySparkTypeError) as e:
        DataStreamWriter(_Frame()).foreachBatch(3)
    assert e.value.getCondition() == "NOT_CALLABLE"

    class NoProcess:
        process = 1
    with pytest.raises(PySparkTypeError) as e:
        DataStreamWriter(_Frame()).foreach(NoProcess())
    assert e.value.getCondition() == "ATTRIBUTE_NOT_CALLABLE"
