"""What SparkContext does for RDDs: sources (parallelize, textFile, …), union, settings and
job properties. SparkContext itself (tspark.sql.session, re-exported by tspark.context)
adds the session it is bound to."""
import atexit
import importlib
import itertools
import os
import shutil
import sys
import tempfile
import time
import uuid
from typing import Any, Dict, Iterable, List, Optional, Tuple, TypeVar

import cloudpickle

from tspark.accumulators import (COMPLEX_ACCUMULATOR_PARAM, FLOAT_ACCUMULATOR_PARAM, INT_ACCUMULATOR_PARAM,
                                 Accumulator, AccumulatorParam)
from tspark.broadcast import Broadcast
from tspark.conf import SparkConf
from tspark.errors import PySparkRuntimeError
from tspark.files import SparkFiles
from tspark.rdd import RDD
from tspark.status import JobRegistry, StatusTracker

T = TypeVar("T")

#: the Hadoop input formats tspark reads, by API (mapred, mapreduce)
_SEQUENCE_INPUTS = frozenset({"org.apache.hadoop.mapred.SequenceFileInputFormat",
                              "org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat"})
_TEXT_INPUTS = frozenset({"org.apache.hadoop.mapred.TextInputFormat",
                          "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"})


def _no_converters(*converters: Optional[str]) -> None:
    """Key/value converters are JVM classes (org.apache.spark.api.python.Converter): tspark has no JVM to run them."""
    for c in converters:
        if c is not None:
            from tspark.errors import PySparkNotImplementedError
            raise PySparkNotImplementedError.feature("the JVM converter class %s" % c)


def _conf_input_dir(conf: Optional[Dict[str, str]]) -> str:
    """The input paths a Hadoop conf names (hadoopRDD / newAPIHadoopRDD)."""
    for key in ("mapreduce.input.fileinputformat.inputdir", "mapred.input.dir"):
        if conf and conf.get(key):
            return conf[key]
    raise ValueError("the Hadoop conf names no input directory (mapreduce.input.fileinputformat.inputdir)")


class ContextOps:
    """The RDD half of SparkContext; ``_session`` is the SparkSession it runs on."""

    _session: Any

    def _init_ops(self) -> None:
        self._local_properties: Dict[str, str] = {}
        self._start_time = int(time.time() * 1000)
        self._work_dir: Optional[str] = None
        self._py_files: List[str] = []
        self._added_files: List[str] = []
        self._added_archives: List[str] = []
        self._checkpoint_dir: Optional[str] = None
        self._next_broadcast = itertools.count()
        self._next_accumulator = itertools.count()
        self._jobs = JobRegistry()
        self._job_tags: set = set()

    def __reduce__(self) -> Any:
        # A SparkContext inside a task's closure cannot run there (SPARK-5063), as PySpark says.
        raise PySparkRuntimeError(errorClass="CONTEXT_ONLY_VALID_ON_DRIVER", messageParameters={})

    def _dir(self, name: str) -> str:
        """A directory of this context's (broadcast values, added files), removed at exit."""
        if self._work_dir is None:
            self._work_dir = tempfile.mkdtemp(prefix="tspark-context-")
            atexit.register(shutil.rmtree, self._work_dir, True)
        d = os.path.join(self._work_dir, name)
        os.makedirs(d, exist_ok=True)
        return d

    def _task_env(self) -> Tuple[Optional[str], List[str], Dict[str, str]]:
        """What every task of the next job gets (tspark/worker/task_env.py)."""
        shared = self._added_files or self._added_archives
        root = os.path.join(self._work_dir, "files") if self._work_dir is not None and shared else None
        return root, list(self._py_files), dict(self._local_properties)

    # --- shared variables ---
    def broadcast(self, value: T) -> Broadcast[T]:
        """A read-only value pickled once here and loaded once per worker process."""
        bid = next(self._next_broadcast)
        return Broadcast(bid, value, os.path.join(self._dir("broadcast"), "broadcast-%d" % bid))

    def accumulator(self, value: T, accum_param: Optional[AccumulatorParam[T]] = None) -> Accumulator[T]:
        """An accumulator starting at ``value``: int, float and complex add with ``+``; other
        types need an AccumulatorParam."""
        if accum_param is None:
            if isinstance(value, int):
                accum_param = INT_ACCUMULATOR_PARAM  # type: ignore[assignment]
            elif isinstance(value, float):
                accum_param = FLOAT_ACCUMULATOR_PARAM  # type: ignore[assignment]
            elif isinstance(value, complex):
                accum_param = COMPLEX_ACCUMULATOR_PARAM  # type: ignore[assignment]
            else:
                raise TypeError("No default accumulator param for type %s" % type(value))
        return Accumulator(next(self._next_accumulator), value, accum_param)  # type: ignore[arg-type]

    # --- files for tasks ---
    def addFile(self, path: str, recursive: bool = False) -> None:
        """Make a file (or, with ``recursive``, a directory) available to every task as
        ``SparkFiles.get(name)``; the driver sees it there too."""
        src = path[len("file:"):] if path.startswith("file:") else path
        dest = os.path.join(self._dir("files"), os.path.basename(src.rstrip("/")))
        if os.path.isdir(src):
            if not recursive:
                raise PySparkRuntimeError(errorClass="UNSUPPORTED_OPERATION", messageParameters={
                    "operation": "Adding the directory %s without recursive=True" % path})
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dest)
        if dest not in self._added_files:
            self._added_files.append(dest)
        SparkFiles._root_directory = os.path.dirname(dest)

    def listFiles(self) -> List[str]:
        """The files added with addFile."""
        return ["file:" + p for p in self._added_files]

    def addArchive(self, path: str) -> None:
        """Unpack an archive (.zip, .jar, .tar, .tar.gz, .tgz) for every task: ``SparkFiles.get(name)``
        is the directory of its contents, named as the archive file, as Spark's addArchive."""
        src = path[len("file:"):] if path.startswith("file:") else path
        name = os.path.basename(src)
        fmt = "zip" if name.endswith((".zip", ".jar")) else "gztar" if name.endswith((".tar.gz", ".tgz")) else \
            "tar" if name.endswith(".tar") else None
        if fmt is None:
            raise ValueError("Unsupported archive %s: addArchive takes .zip, .jar, .tar, .tar.gz or .tgz" % path)
        dest = os.path.join(self._dir("files"), name)
        if dest not in self._added_archives:
            shutil.unpack_archive(src, dest, fmt)
            self._added_archives.append(dest)
        SparkFiles._root_directory = os.path.dirname(dest)

    @property
    def listArchives(self) -> List[str]:
        """The archives added with addArchive."""
        return ["file:" + p for p in self._added_archives]

    def addPyFile(self, path: str) -> None:
        """A .py, .zip or .egg file importable by every task (and on the driver)."""
        self.addFile(path)
        dest = os.path.join(self._dir("files"), os.path.basename(path))
        entry = dest if dest.endswith((".zip", ".egg", ".jar")) else os.path.dirname(dest)
        if entry not in self._py_files:
            self._py_files.append(entry)
        if entry not in sys.path:
            sys.path.insert(1, entry)
        importlib.invalidate_caches()

    def setCheckpointDir(self, dirName: str) -> None:
        """Where checkpoint() writes: a new directory named by a UUID inside ``dirName``, as Spark makes."""
        root = os.path.abspath(dirName[len("file:"):] if dirName.startswith("file:") else dirName)
        d = os.path.join(root, str(uuid.uuid4()))
        os.makedirs(d, exist_ok=True)
        self._checkpoint_dir = d

    def getCheckpointDir(self) -> Optional[str]:
        """``file:`` + the directory setCheckpointDir made, None before it is called."""
        return None if self._checkpoint_dir is None else "file:" + self._checkpoint_dir

    # --- settings ---
    def getConf(self) -> SparkConf:
        """A copy of the context's settings (the builder's options, with the app name and master)."""
        conf = SparkConf()
        conf.set("spark.app.name", self.appName).set("spark.master", self.master)
        conf.set("spark.app.id", self.applicationId)
        for k, v in self._session._options.items():
            if k != "spark.remote":
                conf.set(k, v)
        return conf

    @property
    def defaultParallelism(self) -> int:
        """spark.default.parallelism when set, else the machine's cores (local[*])."""
        v = self._session._options.get("spark.default.parallelism")
        return int(v) if v else max(os.cpu_count() or 1, 2)

    @property
    def defaultMinPartitions(self) -> int:
        """min(defaultParallelism, 2), as Spark's SparkContext.defaultMinPartitions."""
        return min(self.defaultParallelism, 2)

    @property
    def appName(self) -> str:
        return self._session._options.get("spark.app.name", "tspark")

    @property
    def master(self) -> str:
        return self._session._options.get("spark.master", "local[*]")

    @property
    def version(self) -> str:
        return self._session.version

    @property
    def applicationId(self) -> str:
        """``local-<start millis>``, the form of a local Spark application's id."""
        return "local-%d" % self._start_time

    @property
    def startTime(self) -> int:
        """When the context started, in epoch milliseconds."""
        return self._start_time

    @property
    def uiWebUrl(self) -> Optional[str]:
        """None: the engine serves no Spark UI (PySpark also gives None with the UI disabled)."""
        return None

    @property
    def resources(self) -> Dict[str, Any]:
        """The resources (GPUs …) assigned to the driver: none in local mode."""
        return {}

    def sparkUser(self) -> str:
        """The user running the application."""
        import getpass
        return os.environ.get("SPARK_USER") or getpass.getuser()

    def setLogLevel(self, logLevel: str) -> None:
        """Accepted: the engine logs errors only."""

    # --- local properties (carried by the jobs of this thread) ---
    def setLocalProperty(self, key: str, value: Optional[str]) -> None:
        """A property of the jobs started from now on (None removes it)."""
        if value is None:
            self._local_properties.pop(key, None)
        else:
            self._local_properties[key] = str(value)

    def getLocalProperty(self, key: str) -> Optional[str]:
        return self._local_properties.get(key)

    def setJobDescription(self, value: str) -> None:
        """spark.job.description of the next jobs."""
        self.setLocalProperty("spark.job.description", value)

    # --- jobs ---
    def setJobGroup(self, groupId: str, description: str, interruptOnCancel: bool = False) -> None:
        """Put the next jobs in a group that cancelJobGroup(groupId) can stop."""
        self.setLocalProperty("spark.jobGroup.id", groupId)
        self.setLocalProperty("spark.job.description", description)
        self.setLocalProperty("spark.job.interruptOnCancel", str(interruptOnCancel).lower())

    def setInterruptOnCancel(self, interruptOnCancel: bool) -> None:
        self.setLocalProperty("spark.job.interruptOnCancel", str(interruptOnCancel).lower())

    def cancelJobGroup(self, groupId: str) -> None:
        """Stop the running jobs of a group (the action raises; Python workers running its
        tasks are killed)."""
        self._cancel(self._jobs.running(groupId))

    def cancelAllJobs(self) -> None:
        """Stop every running job of this context."""
        self._cancel(self._jobs.running(any_group=True))

    def _cancel(self, request_ids: List[str]) -> None:
        from tspark._bridge import protocol
        client = self._session._client
        for rid in request_ids:
            iid = client.next_id()
            with client._lock:
                client._abandoned.add(iid)
            client._send(protocol.interrupt(iid, client.session_id, rid))

    def addJobTag(self, tag: str) -> None:
        """Tag the jobs started from now on (cancelJobsWithTag(tag) stops them)."""
        self._job_tags.add(tag)

    def removeJobTag(self, tag: str) -> None:
        self._job_tags.discard(tag)

    def getJobTags(self) -> set:
        """The tags the next jobs get."""
        return set(self._job_tags)

    def clearJobTags(self) -> None:
        self._job_tags.clear()

    def cancelJobsWithTag(self, tag: str) -> None:
        """Stop the running jobs that carry ``tag``."""
        self._cancel(self._jobs.running_with_tag(tag))

    def runJob(self, rdd: RDD, partitionFunc: Any, partitions: Optional[List[int]] = None,
               allowLocal: bool = False) -> List[Any]:
        """``partitionFunc(iterator)`` over the given partitions (all by default), results in
        the order of ``partitions``."""
        parts = list(range(rdd.getNumPartitions())) if partitions is None else list(partitions)
        return rdd._grouped([[p] for p in parts]).mapPartitions(partitionFunc)._collect_partials()

    _system_properties: Dict[str, str] = {}

    @classmethod
    def setSystemProperty(cls, key: str, value: str) -> None:
        """A process-wide property (Spark sets a JVM system property)."""
        cls._system_properties[key] = value

    @classmethod
    def getSystemProperty(cls, key: str) -> Optional[str]:
        return cls._system_properties.get(key)

    def statusTracker(self) -> StatusTracker:
        """Job ids by group and their status."""
        return StatusTracker(self._jobs)

    # --- sources ---
    def parallelize(self, c: Iterable[Any], numSlices: Optional[int] = None) -> RDD:
        """Distribute a local collection into numSlices partitions (each one pickled list),
        sliced as Spark's ParallelCollectionRDD slices (partition i = [i*n/k, (i+1)*n/k)).
        A ``range`` is not shipped: each task makes its own slice, as PySpark's parallelize
        does (its bounds computed as PySpark computes them)."""
        n = max(1, int(numSlices) if numSlices else self.defaultParallelism)
        if isinstance(c, range) and len(c) > 0:
            return self._parallelize_range(c, n)
        data = list(c)
        size = len(data)
        parts = [list(data[(i * size) // n:((i + 1) * size) // n]) for i in range(n)]
        node = {"kind": "Parallelize", "partitions": [cloudpickle.dumps(p) for p in parts]}
        return RDD(self, node, None, n)

    def _parallelize_range(self, r: range, n: int) -> RDD:
        """A non-empty range in ``n`` partitions, each produced by its task: partition i is
        ``range(start(i), start(i + 1), step)`` with start(i) = r[0] + int(i * len(r) / n) * step,
        PySpark's bounds (float division included)."""
        size, step, first = len(r), r.step, r[0]

        def start(split: int) -> int:
            return first + int(split * size / n) * step

        def make(split: int, it: Iterable[Any]) -> Iterable[Any]:
            for _ in it:  # the partitions are empty lists: nothing to read
                pass
            return range(start(split), start(split + 1), step)
        return self.parallelize([], n).mapPartitionsWithIndex(make)

    def range(self, start: int, end: Optional[int] = None, step: int = 1, numSlices: Optional[int] = None) -> RDD:
        """parallelize(range(...))."""
        if end is None:
            start, end = 0, start
        return self.parallelize(range(start, end, step), numSlices)

    def emptyRDD(self) -> RDD:
        """An RDD with no partitions."""
        return RDD(self, {"kind": "Parallelize", "partitions": []}, None, 0)

    @staticmethod
    def _input_paths(name: str) -> str:
        """A comma-separated list of paths (Hadoop's input paths), each made absolute."""
        return ",".join(p if "://" in p or p.startswith("file:") else os.path.abspath(p)
                        for p in name.split(",") if p)

    def textFile(self, name: str, minPartitions: Optional[int] = None, use_unicode: bool = True) -> RDD:
        """Lines of text files as str elements: ``name`` is a file, directory or glob, or a
        comma-separated list of them; .gz/.bz2/.zst/... files are decompressed. Partitions are
        Hadoop's input splits for ``minPartitions`` (so there may be more of them)."""
        mp = int(minPartitions) if minPartitions else self.defaultMinPartitions
        node = {"kind": "TextFile", "path": self._input_paths(name), "minPartitions": mp}
        return RDD(self, node, None, None)

    def wholeTextFiles(self, path: str, minPartitions: Optional[int] = None, use_unicode: bool = True) -> RDD:
        """One ``(path, content)`` pair per file (path as ``file:/abs/name``), as PySpark's."""
        mp = int(minPartitions) if minPartitions else self.defaultMinPartitions
        node = {"kind": "WholeTextFiles", "path": self._input_paths(path), "minPartitions": mp}
        return RDD(self, node, None, None)

    def binaryFiles(self, path: str, minPartitions: Optional[int] = None) -> RDD:
        """One ``(path, bytes)`` pair per file, packed into partitions as Spark's
        StreamFileInputFormat packs them."""
        mp = int(minPartitions) if minPartitions else self.defaultMinPartitions
        node = {"kind": "BinaryFiles", "path": self._input_paths(path), "minPartitions": mp,
                "parallelism": self.defaultParallelism}
        return RDD(self, node, None, None)

    def binaryRecords(self, path: str, recordLength: int) -> RDD:
        """The fixed-length records of flat binary files, as bytes of ``recordLength`` each
        (Hadoop's FixedLengthInputFormat; a file whose size is no multiple of it fails as there)."""
        n = int(recordLength)
        if n <= 0:
            raise ValueError("recordLength must be positive, got %d" % n)

        def records(kv: Any) -> Iterable[bytes]:
            data = kv[1]
            whole = len(data) - len(data) % n
            if whole != len(data):
                raise IOError("Partial record(length = %d) found at the end of split." % (len(data) - whole))
            return [bytes(data[i:i + n]) for i in range(0, whole, n)]
        return self.binaryFiles(path).flatMap(records)

    def _hadoop_splits(self, path: str, minSplits: Optional[int], min_split_size: int) -> RDD:
        """One ``path<TAB>start<TAB>length`` str per Hadoop input split of ``path`` (the engine
        plans them as for textFile, with the input format's smallest split size)."""
        mp = int(minSplits) if minSplits else self.defaultMinPartitions
        node = {"kind": "HadoopSplits", "path": self._input_paths(path), "minPartitions": mp,
                "minSplitSize": int(min_split_size)}
        return RDD(self, node, None, None)

    def _input_format(self, path: str, inputFormatClass: str, minSplits: Optional[int],
                      keyConverter: Optional[str], valueConverter: Optional[str]) -> RDD:
        """The (key, value) pairs of an input format tspark reads: SequenceFiles and text with
        line offsets, in the old (mapred) and new (mapreduce) APIs."""
        from tspark.worker import hadoop_text, sequence_file
        _no_converters(keyConverter, valueConverter)
        if inputFormatClass in _SEQUENCE_INPUTS:
            return self._hadoop_splits(path, minSplits, sequence_file.MIN_SPLIT_SIZE).flatMap(sequence_file.read_pairs)
        if inputFormatClass in _TEXT_INPUTS:
            return self._hadoop_splits(path, minSplits, 1).flatMap(hadoop_text.read_text_pairs)
        from tspark.errors import PySparkNotImplementedError
        raise PySparkNotImplementedError.feature("the Hadoop input format %s (tspark reads %s)" % (
            inputFormatClass, ", ".join(sorted(_SEQUENCE_INPUTS | _TEXT_INPUTS))))

    def sequenceFile(self, path: str, keyClass: Optional[str] = None, valueClass: Optional[str] = None,
                     keyConverter: Optional[str] = None, valueConverter: Optional[str] = None,
                     minSplits: Optional[int] = None, batchSize: int = 0) -> RDD:
        """The (key, value) records of Hadoop SequenceFiles (a file, directory or glob), their
        Writables converted as PySpark converts them (Text → str, IntWritable/LongWritable →
        int, DoubleWritable/FloatWritable → float, BooleanWritable → bool, BytesWritable →
        bytearray, NullWritable → None); one partition per Hadoop input split."""
        return self._input_format(path, "org.apache.hadoop.mapred.SequenceFileInputFormat", minSplits,
                                  keyConverter, valueConverter)

    def hadoopFile(self, path: str, inputFormatClass: str, keyClass: str, valueClass: str,
                   keyConverter: Optional[str] = None, valueConverter: Optional[str] = None,
                   conf: Optional[Dict[str, str]] = None, batchSize: int = 0) -> RDD:
        """An old-API (mapred) Hadoop input format's records: SequenceFileInputFormat, or
        TextInputFormat's (byte offset, line) pairs."""
        return self._input_format(path, inputFormatClass, None, keyConverter, valueConverter)

    def newAPIHadoopFile(self, path: str, inputFormatClass: str, keyClass: str, valueClass: str,
                         keyConverter: Optional[str] = None, valueConverter: Optional[str] = None,
                         conf: Optional[Dict[str, str]] = None, batchSize: int = 0) -> RDD:
        """A new-API (mapreduce) Hadoop input format's records; its splits are whole blocks
        (the new API takes no minimum partition count)."""
        return self._input_format(path, inputFormatClass, 1, keyConverter, valueConverter)

    def hadoopRDD(self, inputFormatClass: str, keyClass: str, valueClass: str,
                  keyConverter: Optional[str] = None, valueConverter: Optional[str] = None,
                  conf: Optional[Dict[str, str]] = None, batchSize: int = 0) -> RDD:
        """hadoopFile of the input directory the Hadoop conf names (``mapreduce.input.fileinputformat.inputdir``)."""
        return self._input_format(_conf_input_dir(conf), inputFormatClass, None, keyConverter, valueConverter)

    def newAPIHadoopRDD(self, inputFormatClass: str, keyClass: str, valueClass: str,
                        keyConverter: Optional[str] = None, valueConverter: Optional[str] = None,
                        conf: Optional[Dict[str, str]] = None, batchSize: int = 0) -> RDD:
        """newAPIHadoopFile of the input directory the Hadoop conf names."""
        return self._input_format(_conf_input_dir(conf), inputFormatClass, 1, keyConverter, valueConverter)

    def pickleFile(self, name: str, minPartitions: Optional[int] = None) -> RDD:
        """The elements saved by saveAsPickleFile (by tspark or by Spark): one partition per
        part file of the directory, in name order."""
        root = name[len("file:"):] if name.startswith("file:") else name
        root = os.path.abspath(root)
        files = [root] if os.path.isfile(root) else sorted(
            os.path.join(root, f) for f in os.listdir(root) if not f.startswith((".", "_")))

        def read(_: int, paths: Iterable[str]) -> Iterable[Any]:
            import pickle
            from tspark.worker.object_file import read_java_byte_arrays, read_object_file
            for p in paths:
                for record in read_object_file(p):
                    for batch in read_java_byte_arrays(record):
                        yield from pickle.loads(batch)
        return self.parallelize(files, max(1, len(files))).mapPartitionsWithIndex(read)

    def union(self, rdds: List[RDD]) -> RDD:
        """The RDDs' partitions one after another."""
        if not rdds:
            raise ValueError("union() needs at least one RDD")
        return rdds[0]._new_union(list(rdds))
