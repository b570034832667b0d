"""Hadoop files end to end: SequenceFiles PySpark 4.0.1 wrote (tests/fixtures/rdd/
make_spark_sequence_files.py) read by sc.sequenceFile / hadoopFile / newAPIHadoopFile, in
splits cut at sync markers, and tspark's own saveAsSequenceFile read back. The byte layout
of tspark's files against Spark's is checked by the golden rdd_sequence_file."""
from __future__ import annotations

import pathlib

import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "rdd" / "spark_sequence_files"


def test_spark_written_sequence_files_read_with_pyspark_conversions(spark) -> None:
    sc = spark.sparkContext
    int_text = sc.sequenceFile(str(FIXTURES / "int_text"))
    assert int_text.getNumPartitions() == 2
    # a directory's part files come in listing order, as Hadoop lists them
    assert sorted(int_text.collect()) == [(i, "value %d" % i) for i in range(30)]
    assert sc.sequenceFile(str(FIXTURES / "text_double")).collect() == [("pi", 3.25), ("e", -2.5)]
    assert sc.sequenceFile(str(FIXTURES / "long_boolean")).collect() == [(2 ** 40, True), (-7 * 2 ** 33, False)]
    nulls = sc.sequenceFile(str(FIXTURES / "null_bytes")).collect()
    assert nulls == [(None, bytearray(b"\x00\xffbytes"))] and isinstance(nulls[0][1], bytearray)


@pytest.mark.parametrize("min_splits", [1, 2, 5, 9])
def test_splits_cut_at_sync_markers_hold_each_record_once(spark, min_splits) -> None:
    rdd = spark.sparkContext.sequenceFile(str(FIXTURES / "synced"), minSplits=min_splits)
    parts = rdd.glom().collect()
    assert [k for p in parts for k, _ in p] == list(range(12000))
    assert all(v == "r" * (k % 50) for p in parts for k, v in p)
    assert len(parts) == rdd.getNumPartitions()


def test_input_formats_of_both_apis(spark, tmp_path) -> None:
    sc = spark.sparkContext
    path = str(FIXTURES / "int_text")
    expected = [(i, "value %d" % i) for i in range(30)]
    assert sorted(sc.hadoopFile(path, "org.apache.hadoop.mapred.SequenceFileInputFormat",
                                "org.apache.hadoop.io.IntWritable", "org.apache.hadoop.io.Text").collect()) == expected
    assert sorted(sc.newAPIHadoopFile(path, "org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat",
                                      "org.apache.hadoop.io.IntWritable", "org.apache.hadoop.io.Text").collect()) == expected
    text = tmp_path / "t.txt"
    text.write_bytes(b"ab\r\ncd\n\nlast")
    assert sc.hadoopFile(str(text), "org.apache.hadoop.mapred.TextInputFormat", "org.apache.hadoop.io.LongWritable",
                         "org.apache.hadoop.io.Text").collect() == [(0, "ab"), (4, "cd"), (7, ""), (8, "last")]
    from tspark.errors import PySparkNotImplementedError
    with pytest.raises(PySparkNotImplementedError, match="KeyValueTextInputFormat"):
        sc.hadoopFile(str(text), "org.apache.hadoop.mapred.KeyValueTextInputFormat", "org.apache.hadoop.io.Text",
                      "org.apache.hadoop.io.Text")


def test_save_as_sequence_file_round_trip_and_class_checks(spark, tmp_path) -> None:
    sc = spark.sparkContext
    data = [(i, float(i) / 4) for i in range(50)]
    out = tmp_path / "seq"
    sc.parallelize(data, 3).saveAsSequenceFile(str(out))
    assert sorted(p.name for p in out.iterdir()) == ["_SUCCESS", "part-00000", "part-00001", "part-00002"]
    assert (out / "part-00000").read_bytes()[:4] == b"SEQ\x06"
    back = sc.sequenceFile(str(out))
    assert back.getNumPartitions() == 3 and sorted(back.collect()) == data
    from tspark.py4j.protocol import Py4JJavaError
    with pytest.raises(Py4JJavaError, match="wrong key class: org.apache.hadoop.io.LongWritable is not class "
                                            "org.apache.hadoop.io.IntWritable"):
        sc.parallelize([(1, "a"), (2 ** 40, "b")], 1).saveAsSequenceFile(str(tmp_path / "bad"))
    assert not (tmp_path / "bad").exists()
