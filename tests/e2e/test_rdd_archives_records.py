"""sc.binaryRecords (fixed-length records of flat binary files) and sc.addArchive (an archive
unpacked for every task, found with SparkFiles.get), end to end."""
from __future__ import annotations

import struct
import zipfile

import pytest


def test_binary_records_splits_files_into_fixed_length_records(spark, tmp_path) -> None:
    (tmp_path / "a.bin").write_bytes(b"".join(struct.pack(">i", i) for i in range(5)))
    (tmp_path / "b.bin").write_bytes(struct.pack(">i", 99))
    recs = spark.sparkContext.binaryRecords(str(tmp_path), 4)
    assert sorted(struct.unpack(">i", r)[0] for r in recs.collect()) == [0, 1, 2, 3, 4, 99]
    assert all(isinstance(r, bytes) and len(r) == 4 for r in recs.collect())


def test_binary_records_rejects_a_partial_record(spark, tmp_path) -> None:
    from tspark.errors import PythonException

    (tmp_path / "odd.bin").write_bytes(b"abcdefg")
    with pytest.raises(PythonException, match=r"Partial record\(length = 3\) found at the end of split"):
        spark.sparkContext.binaryRecords(str(tmp_path), 4).collect()


def test_add_archive_unpacks_for_every_task(spark, tmp_path) -> None:
    from tspark import SparkFiles

    archive = tmp_path / "conf.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("settings/answer.txt", "42")
    sc = spark.sparkContext
    sc.addArchive(str(archive))
    assert any(p.endswith("/conf.zip") for p in sc.listArchives)

    def read(_):
        import os
        from tspark import SparkFiles as SF
        with open(os.path.join(SF.get("conf.zip"), "settings", "answer.txt")) as f:
            return f.read()
    assert sc.parallelize(range(3), 3).map(read).collect() == ["42", "42", "42"]
    with open(SparkFiles.get("conf.zip") + "/settings/answer.txt") as f:
        assert f.read() == "42"
