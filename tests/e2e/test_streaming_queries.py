"""Structured Streaming from Python (issue 13): real queries in the engine over fixed inputs —
availableNow/once over file directories, memory-sink contents, console output, file sinks and
their _spark_metadata log, checkpoint resume, foreachBatch/foreach, and Spark's start errors."""
from __future__ import annotations

import json
import os
import time

import pytest

from tspark.errors import AnalysisException, IllegalArgumentException, PySparkTypeError, PySparkValueError, StreamingQueryException
from tspark.sql import functions as F


def _write(d, name, text, mtime):
    p = os.path.join(d, name)
    with open(p, "w") as f:
        f.write(text)
    os.utime(p, (mtime, mtime))


@pytest.fixture()
def src(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    _write(str(d), "a.json", '{"k":"a","v":1}\n{"k":"b","v":2}\n', 1_700_000_000)
    _write(str(d), "b.json", '{"k":"a","v":3}\n', 1_700_000_100)
    return str(d)


def _stream(spark, src, **opts):
    r = spark.readStream.schema("k STRING, v INT")
    for k, v in opts.items():
        r = r.option(k, v)
    return r.json(src)


def test_memory_sink_holds_every_batch_as_a_temp_view(spark, src):
    q = _stream(spark, src, maxFilesPerTrigger=1).writeStream.format("memory").queryName("mem_all") \
        .trigger(availableNow=True).start()
    assert q.awaitTermination(60) is True
    rows = sorted((r.k, r.v) for r in spark.sql("SELECT * FROM mem_all").collect())
    assert rows == [("a", 1), ("a", 3), ("b", 2)]
    assert [p.batchId for p in q.recentProgress] == [0, 1]
    assert [p["numInputRows"] for p in q.recentProgress] == [2, 1]
    assert q.lastProgress["sources"][0]["endOffset"] == '{"logOffset":1}'
    assert q.lastProgress.sources[0].startOffset == '{"logOffset":0}' and q.lastProgress.sources[0].latestOffset == "None"
    assert not q.isActive and q.exception() is None


def test_last_progress_has_sparks_keys_and_json(spark, src):
    q = _stream(spark, src).writeStream.format("memory").queryName("mem_keys").trigger(once=True).start()
    q.awaitTermination()
    p = q.lastProgress
    assert sorted(p.keys()) == sorted(["id", "runId", "name", "timestamp", "batchId", "batchDuration", "numInputRows",
                                       "inputRowsPerSecond", "processedRowsPerSecond", "durationMs", "eventTime",
                                       "stateOperators", "sources", "sink", "observedMetrics"])
    assert p.id == q.id and p.runId == q.runId and p.name == "mem_keys"
    assert json.loads(p.json)["sink"] == {"description": "MemorySink", "numOutputRows": 3}
    assert str(p.sink) == '{\n  "description" : "MemorySink",\n  "numOutputRows" : 3\n}'
    assert str(p).startswith('{\n  "id" : "%s",' % q.id)
    assert isinstance(p.processedRowsPerSecond, float)


def test_console_sink_prints_batch_header_and_table(spark, src, capfd):
    q = _stream(spark, src, maxFilesPerTrigger=1).writeStream.format("console").option("numRows", 1) \
        .trigger(availableNow=True).start()
    q.awaitTermination()
    out = capfd.readouterr().out
    rule = "-" * 43
    assert out.count(rule) == 4
    # as Spark's console: the header, then show()'s text as df.show() prints it
    assert f"{rule}\nBatch: 0\n{rule}\n+---+---+\n|  k|  v|\n+---+---+\n|  a|  1|\n+---+---+\nonly showing top 1 row\n{rule}\nBatch: 1\n{rule}\n" in out


def test_complete_mode_aggregation_sees_all_batches(spark, src):
    agg = _stream(spark, src, maxFilesPerTrigger=1).groupBy("k").agg(F.sum("v").alias("s"))
    q = agg.writeStream.format("memory").queryName("mem_agg").outputMode("complete").trigger(availableNow=True).start()
    q.awaitTermination()
    assert sorted(tuple(r) for r in spark.table("mem_agg").collect()) == [("a", 4), ("b", 2)]


def test_file_sink_commits_through_spark_metadata(spark, src, tmp_path):
    out, ck = str(tmp_path / "out"), str(tmp_path / "ck")
    q = _stream(spark, src).writeStream.format("parquet").option("path", out).option("checkpointLocation", ck) \
        .trigger(availableNow=True).start()
    q.awaitTermination()
    log = open(os.path.join(out, "_spark_metadata", "0")).read().split("\n")
    assert log[0] == "v1" and all(json.loads(x)["action"] == "add" for x in log[1:])
    # a file no batch committed (a crashed batch's leftover) is not read
    first = next(f for f in os.listdir(out) if f.endswith(".parquet"))
    with open(os.path.join(out, first), "rb") as f, open(os.path.join(out, "part-stray.parquet"), "wb") as g:
        g.write(f.read())
    assert sorted(r.v for r in spark.read.parquet(out).collect()) == [1, 2, 3]


def test_restart_resumes_after_last_committed_batch(spark, src, tmp_path):
    out, ck = str(tmp_path / "out"), str(tmp_path / "ck")

    def run():
        q = _stream(spark, src).writeStream.format("json").option("path", out).option("checkpointLocation", ck) \
            .trigger(availableNow=True).start()
        q.awaitTermination()
        return q

    q1 = run()
    _write(src, "c.json", '{"k":"c","v":9}\n', 1_700_000_200)
    q2 = run()
    assert q1.id == q2.id and q1.runId != q2.runId
    assert [p.batchId for p in q2.recentProgress] == [1]
    assert sorted(r.v for r in spark.read.json(out).collect()) == [1, 2, 3, 9]
    assert open(os.path.join(ck, "commits", "1")).read() == 'v1\n{"nextBatchWatermarkMs":0}'
    offsets = open(os.path.join(ck, "offsets", "1")).read().split("\n")
    assert offsets[0] == "v1" and offsets[2] == '{"logOffset":1}'
    assert json.loads(open(os.path.join(ck, "metadata")).read()) == {"id": q1.id}


def test_uncommitted_batch_runs_again_with_the_same_files(spark, src, tmp_path):
    ck = str(tmp_path / "ck")
    q = _stream(spark, src).writeStream.format("memory").queryName("mem_replay").outputMode("append") \
        .option("checkpointLocation", ck).trigger(availableNow=True).start()
    q.awaitTermination()
    os.remove(os.path.join(ck, "commits", "0"))  # as if the engine died before the commit
    seen = []
    q = _stream(spark, src).writeStream.foreachBatch(lambda df, i: seen.append((i, df.count()))) \
        .option("checkpointLocation", ck).trigger(availableNow=True).start()
    q.awaitTermination()
    assert seen == [(0, 3)]


def test_foreach_batch_runs_in_the_client_with_a_dataframe(spark, src):
    seen = []
    q = _stream(spark, src, maxFilesPerTrigger=1).writeStream \
        .foreachBatch(lambda df, i: seen.append((i, sorted(r.v for r in df.collect())))) \
        .trigger(availableNow=True).start()
    q.awaitTermination()
    assert seen == [(0, [1, 2]), (1, [3])]


def test_foreach_batch_error_stops_the_query(spark, src):
    def boom(df, i):
        raise ValueError("boom %d" % i)
    q = _stream(spark, src).writeStream.foreachBatch(boom).trigger(availableNow=True).start()
    with pytest.raises(StreamingQueryException) as e:
        q.awaitTermination()
    assert e.value.getCondition() == "STREAM_FAILED"
    assert "FOREACH_BATCH_USER_FUNCTION_ERROR" in str(e.value) and "ValueError: boom 0" in str(e.value)
    assert isinstance(q.exception(), StreamingQueryException)
    assert q.status["message"].startswith("Terminated with exception")


def test_foreach_writer_sees_every_row(spark, src):
    acc = spark.sparkContext.accumulator(0)

    class Writer:
        def open(self, partition_id, epoch_id):
            return True

        def process(self, row):
            acc.add(row.v)

        def close(self, error):
            pass
    q = _stream(spark, src).writeStream.foreach(Writer()).trigger(availableNow=True).start()
    q.awaitTermination()
    assert q.exception() is None and acc.value == 6


def test_rate_micro_batch_rows_and_offsets(spark):
    df = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 5).option("startTimestamp", 2000).load()
    assert df.isStreaming and df.schema.simpleString() == "struct<timestamp:timestamp,value:bigint>"
    q = df.writeStream.format("memory").queryName("mem_rate").trigger(availableNow=True).start()
    q.awaitTermination()
    rows = spark.sql("SELECT value, CAST(timestamp AS LONG) AS t FROM mem_rate ORDER BY value").collect()
    assert [(r.value, r.t) for r in rows] == [(i, 2) for i in range(5)]
    assert json.loads(q.lastProgress["sources"][0]["endOffset"]) == {"offset": 5, "timestamp": 3000}


def test_rate_source_counts_up_while_running(spark):
    q = spark.readStream.format("rate").option("rowsPerSecond", 50).load() \
        .writeStream.format("memory").queryName("mem_rate_live").start()
    try:
        while q.lastProgress is None or spark.table("mem_rate_live").count() == 0:
            q.awaitTermination(0.2)
        values = sorted(r.value for r in spark.table("mem_rate_live").collect())
        assert values == list(range(len(values))) and len(values) % 50 == 0
    finally:
        q.stop()
    assert not q.isActive and q.status["message"] == "Stopped"


def test_process_all_available_and_stream_manager(spark, src):
    q = _stream(spark, src).writeStream.format("memory").queryName("mem_live").start()
    q.processAllAvailable()
    assert spark.table("mem_live").count() == 3
    assert [s.id for s in spark.streams.active] == [q.id] and spark.streams.get(q.id).name == "mem_live"
    with pytest.raises(Exception, match="as a query with that name is already active"):
        _stream(spark, src).writeStream.format("memory").queryName("mem_live").start()
    q.stop()
    assert spark.streams.active == [] and spark.streams.get(q.id) is None
    assert spark.streams.awaitAnyTermination(5) is True
    spark.streams.resetTerminated()
    assert spark.streams.awaitAnyTermination(0.1) is False


def test_second_query_on_an_active_checkpoint_fails(spark, src, tmp_path):
    ck = str(tmp_path / "ck")
    q = _stream(spark, src).writeStream.format("console").option("checkpointLocation", ck).start()
    try:
        q.processAllAvailable()
        with pytest.raises(Exception, match="as another query with same id is already active"):
            _stream(spark, src).writeStream.format("console").option("checkpointLocation", ck).start()
    finally:
        q.stop()


def test_start_errors_are_sparks(spark, src, tmp_path):
    df = _stream(spark, src)
    with pytest.raises(AnalysisException) as e:
        df.collect()
    assert str(e.value).startswith("Queries with streaming sources must be executed with writeStream.start();")
    with pytest.raises(AnalysisException) as e:
        df.groupBy("k").count().writeStream.format("memory").queryName("x").start()
    assert e.value.getCondition() == "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION"
    with pytest.raises(AnalysisException, match="Continuous processing does not support"):
        df.writeStream.format("console").trigger(continuous="1 second").start()
    with pytest.raises(IllegalArgumentException, match="STREAMING_OUTPUT_MODE.INVALID"):
        df.writeStream.format("console").outputMode("nope").start()
    with pytest.raises(IllegalArgumentException, match="Schema must be specified"):
        spark.readStream.json(src)
    with pytest.raises(PySparkValueError, match="ONLY_ALLOW_SINGLE_TRIGGER"):
        df.writeStream.trigger(once=True, availableNow=True)
    with pytest.raises(AnalysisException) as e:
        df.groupBy("k").count().writeStream.format("parquet").option("path", str(tmp_path / "o")) \
            .option("checkpointLocation", str(tmp_path / "c")).outputMode("complete").start()
    assert e.value.getCondition() == "STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE"


def test_processing_time_trigger_runs_new_files(spark, src):
    q = _stream(spark, src).writeStream.format("memory").queryName("mem_pt").trigger(processingTime="100 milliseconds").start()
    try:
        q.processAllAvailable()
        _write(src, "d.json", '{"k":"d","v":7}\n', int(time.time()))
        q.processAllAvailable()
        assert sorted(r.v for r in spark.table("mem_pt").collect()) == [1, 2, 3, 7]
    finally:
        q.stop()


def test_update_mode_emits_the_groups_each_batch_touched(spark, src):
    seen = []
    agg = _stream(spark, src, maxFilesPerTrigger=1).groupBy("k").agg(F.sum("v").alias("s"))
    q = agg.writeStream.outputMode("update") \
        .foreachBatch(lambda df, i: seen.append((i, sorted(tuple(r) for r in df.collect())))) \
        .trigger(availableNow=True).start()
    q.awaitTermination()
    assert seen == [(0, [("a", 1), ("b", 2)]), (1, [("a", 4)])]


def test_stop_from_inside_foreach_batch_ends_the_query(spark, src):
    calls = []
    holder = {}

    def once_then_stop(df, i):
        calls.append(i)
        holder["q"].stop()
    holder["q"] = q = _stream(spark, src, maxFilesPerTrigger=1).writeStream.foreachBatch(once_then_stop).start()
    q.awaitTermination(60)
    assert calls == [0] and not q.isActive and q.exception() is None


def test_with_watermark_is_ignored_in_batch_and_refused_on_streams(spark, src):
    batch = spark.createDataFrame([(1, "2024-01-01 00:00:00")], "v INT, t STRING").select("v", F.col("t").cast("timestamp").alias("t"))
    assert batch.withWatermark("t", "10 minutes").collect() == batch.collect()
    with pytest.raises(PySparkTypeError) as e:
        batch.withWatermark(None, "1 minute")
    assert e.value.getCondition() == "NOT_STR"
    stream = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 1).load().withWatermark("timestamp", "1 minute")
    assert stream.isStreaming
    with pytest.raises(Exception, match="UNSUPPORTED_FEATURE.STREAMING_WATERMARK"):
        stream.writeStream.format("console").start()
