"""The RDD's plan, identity, partitions, persistence and the one way actions run.

An RDD is an RDD plan (bridge/PROTOCOL.md "RDD plans") plus a pending partition function:
consecutive narrow steps are fused into that one function on the client, as PySpark's
PipelinedRDD does, so a chain of map/filter costs one pass through a Python worker.
"""
import gc
import itertools
import os
import pickle
import sys
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

import cloudpickle

from tspark._bridge import protocol
from tspark.accumulators import _merge_updates
from tspark.errors import PySparkRuntimeError, PythonException
from tspark.errors._from_wire import _PYTHON_PREAMBLE
from tspark.py4j.protocol import from_python_exception
from tspark.rdd._partitioner import Partitioner
from tspark.storagelevel import StorageLevel

PartitionFunc = Callable[[int, Iterator[Any]], Iterable[Any]]

_ids = itertools.count()


#: the client's Python minor version, which the workers must run (cloudpickled code objects
#: do not cross minor versions)
_DRIVER_VERSION = "%d.%d" % sys.version_info[:2]


def dumps_command(obj: Any) -> bytes:
    """cloudpickle a task's function on the client, before anything is sent: an unpicklable
    closure raises PySpark's PicklingError ("Could not serialize object: …"). The blob is
    tagged with the client's Python version (tspark/worker/func_cache.py checks it)."""
    try:
        return pickle.dumps(("tspark-command", _DRIVER_VERSION, cloudpickle.dumps(obj)), protocol=2)
    except pickle.PickleError:
        raise
    except Exception as e:  # noqa: BLE001 - whatever the closure holds, PySpark wraps it so
        emsg = str(e)
        if "'i' format requires" in emsg:
            raise pickle.PicklingError("Object too large to serialize: %s" % emsg) from None
        raise pickle.PicklingError("Could not serialize object: %s: %s" % (e.__class__.__name__, emsg)) from None


class RDDCore:
    """``_source`` is the plan below the pending fused function ``_func``."""

    def __init__(self, ctx: Any, source: Dict[str, Any], func: Optional[PartitionFunc] = None,
                 num_partitions: Optional[int] = None):
        self.ctx = ctx
        self._source = source
        self._func = func
        self._num_partitions = num_partitions
        self.partitioner: Optional[Partitioner] = None
        self._id = next(_ids)
        self._name: Optional[str] = None
        self._storage = StorageLevel(False, False, False, False, 1)
        self._cache_id: Optional[str] = None
        self._checkpointed = False
        self._checkpoint_file: Optional[str] = None
        self._checkpoint_rdd: Optional["RDDCore"] = None
        self._checkpointing = False
        self._local_checkpointed = False
        self._parent: Optional["RDDCore"] = None
        self._resource_profile: Any = None

    def _new(self, source: Dict[str, Any], func: Optional[PartitionFunc] = None,
             num_partitions: Optional[int] = None) -> Any:
        """A new RDD of the same class over ``source`` (the mixins never name the RDD class)."""
        rdd = type(self)(self.ctx, source, func, num_partitions)
        rdd._parent = self
        return rdd

    # --- plan ---
    def _plan(self) -> Dict[str, Any]:
        """The wire plan of this RDD: the source, with the fused function on top if any; a
        persisted RDD's plan is kept by the engine under its cache id once computed."""
        if self._checkpoint_rdd is not None:
            # checkpointed: read from the saved files, the lineage is cut (ReliableCheckpointRDD)
            return self._checkpoint_rdd._plan()
        plan = self._pipelined_plan()
        if self._cache_id is not None:
            return {"kind": "Cached", "id": self._cache_id, "input": plan}
        return plan

    def _pipelined_plan(self) -> Dict[str, Any]:
        if self._func is None:
            return self._source
        f = self._func
        files_root, py_files, properties = self.ctx._task_env()
        stage = self._id

        def as_iterator(i: int, it: Iterator[Any]) -> Iterator[Any]:
            from tspark.worker.task_env import enter_task
            enter_task(files_root, py_files, properties, i, stage)
            out = f(i, it)  # the contract is iterator -> iterator; user code may return lists or None
            return iter(out) if out is not None else iter(())
        return {"kind": "PythonMapPartitions", "input": self._source, "func": dumps_command(as_iterator)}

    def getNumPartitions(self) -> int:
        """Partitions: known on the client for parallelize and shuffles; planned by the engine
        for file sources (textFile's Hadoop splits, wholeTextFiles' file groups)."""
        if self._num_partitions is None:
            client = self.ctx._session._client_checked()
            msg = protocol.execute_rdd(client.next_id(), client.session_id, self._source, "numPartitions")
            for reply in client.stream(msg):
                if reply.get("kind") == "done":
                    self._num_partitions = int(reply.get("numRows", 0))
        return self._num_partitions or 0

    def _defaultReducePartitions(self) -> int:
        """Partitions of a shuffle given no count: spark.default.parallelism when set, else this
        RDD's partitions (PySpark's rule)."""
        if self.ctx.getConf().contains("spark.default.parallelism"):
            return self.ctx.defaultParallelism
        return self.getNumPartitions()

    def _shuffle(self, numPartitions: int, partitionFunc: Optional[Callable[[Any], int]] = None) -> Any:
        """Route (key, value) pairs to ``partitionFunc(key) % numPartitions`` (portable_hash
        when None) in the engine's shuffle; partition j holds, in map-partition order, the
        pairs routed to j."""
        node: Dict[str, Any] = {"kind": "PythonShuffle", "input": self._plan(), "numPartitions": int(numPartitions)}
        if partitionFunc is not None:
            node["partitionFunc"] = dumps_command(partitionFunc)
        return self._new(node, None, int(numPartitions))

    # --- identity ---
    def id(self) -> int:
        """A unique id of this RDD within the process."""
        return self._id

    def name(self) -> Optional[str]:
        """The name given by setName, else None."""
        return self._name

    def setName(self, name: str) -> Any:
        """Name this RDD (shown by toDebugString); returns it."""
        self._name = name
        return self

    @property
    def context(self) -> Any:
        """The SparkContext this RDD was made on."""
        return self.ctx

    def toDebugString(self) -> bytes:
        """The lineage as text (bytes, as PySpark returns it): one line per plan node."""
        lines: List[str] = []

        def walk(node: Dict[str, Any], depth: int) -> None:
            kind = node["kind"]
            label = {"Parallelize": "ParallelCollectionRDD", "TextFile": "HadoopRDD",
                     "WholeTextFiles": "WholeTextFileRDD", "HadoopSplits": "HadoopRDD", "PythonMapPartitions": "PythonRDD",
                     "PythonShuffle": "ShuffledRDD", "Union": "UnionRDD",
                     "CoalescePartitions": "CoalescedRDD"}.get(kind, kind)
            lines.append(("%s+-" % (" |  " * (depth - 1)) if depth else "") + label)
            for child in [node["input"]] if "input" in node else node.get("inputs", []):
                walk(child, depth + 1)
        walk(self._plan(), 0)
        head = "(%d) %s%s" % (self.getNumPartitions(), (self._name + " ") if self._name else "", lines[0])
        storage = " [%s]" % self._storage if self.is_cached else " []"
        return "\n".join([head + storage] + [" " + ln for ln in lines[1:]]).encode("utf-8")

    # --- persistence ---
    def cache(self) -> Any:
        """persist(MEMORY_ONLY)."""
        return self.persist(StorageLevel.MEMORY_ONLY)

    def persist(self, storageLevel: StorageLevel = StorageLevel.MEMORY_ONLY) -> Any:
        """Keep the computed partitions in the engine (in memory, whatever the level) from
        the first action that computes them; later jobs read them instead of the lineage.
        Transformations made from now on start from the kept partitions (PySpark pipelines
        no function through a persisted RDD either)."""
        self._storage = storageLevel
        if self._cache_id is None:
            import uuid
            self._cache_id = uuid.uuid4().hex
        return self

    def unpersist(self, blocking: bool = False) -> Any:
        """Drop the kept partitions in the engine."""
        if self._cache_id is not None:
            client = self.ctx._session._client_checked()
            msg = protocol.execute_rdd(client.next_id(), client.session_id, self._plan(), "unpersist")
            for _ in client.stream(msg):
                pass
        self._storage = StorageLevel(False, False, False, False, 1)
        self._cache_id = None
        return self

    @property
    def is_cached(self) -> bool:
        return self._storage.useMemory or self._storage.useDisk

    def getStorageLevel(self) -> StorageLevel:
        """The level given to persist (StorageLevel(False, False, False, False, 1) when none)."""
        return self._storage

    def checkpoint(self) -> None:
        """Mark for checkpointing: after the next job that computes this RDD, its partitions
        are saved under sc.setCheckpointDir's directory (rdd-<id>/part-NNNNN, pickled as
        saveAsPickleFile writes) and read from there from then on, as Spark's reliable
        checkpoint (which also computes the RDD again to save it: persist it first to avoid that)."""
        if self.ctx._checkpoint_dir is None:
            from tspark.py4j.protocol import JavaExceptionStandIn, Py4JJavaError
            raise Py4JJavaError("An error occurred while calling o0.checkpoint.", JavaExceptionStandIn(
                "org.apache.spark.SparkException: Checkpoint directory has not been set in the SparkContext"))
        self._checkpointed = True

    def isCheckpointed(self) -> bool:
        """Whether the checkpoint has been saved (False until a job computed the RDD, as Spark)."""
        return self._checkpoint_file is not None

    def _do_checkpoint(self) -> None:
        """After a job: save every marked RDD of its lineage not saved yet (Spark's doCheckpoint)."""
        rdd: Optional[RDDCore] = self
        while rdd is not None:
            if rdd._checkpointed and rdd._checkpoint_file is None and not rdd._checkpointing:
                path = os.path.join(self.ctx._checkpoint_dir, "rdd-%d" % rdd._id)
                rdd._checkpointing = True
                try:
                    rdd.saveAsPickleFile(path)  # type: ignore[attr-defined]  (OutputOps)
                finally:
                    rdd._checkpointing = False
                rdd._checkpoint_rdd = self.ctx.pickleFile(path)
                rdd._checkpoint_file = "file:" + path
            rdd = rdd._parent

    def localCheckpoint(self) -> None:
        """A local checkpoint: the partitions are kept in the engine from the first job that
        computes them (as persist does; Spark's localCheckpoint persists to the block manager)."""
        self._local_checkpointed = True
        self.cache()  # type: ignore[attr-defined]  (persistence is RDD's)

    def isLocallyCheckpointed(self) -> bool:
        return self._local_checkpointed

    # --- stage-level scheduling ---
    def withResources(self, profile: Any) -> Any:
        """Ask for ``profile``'s resources when computing this RDD. Spark accepts custom
        profiles only on YARN, Kubernetes and Standalone clusters, never in local mode: the
        profile is kept (getResourceProfile returns it, as in Spark) and its SparkException
        is raised, as PySpark's Py4JJavaError."""
        self._resource_profile = profile
        dynamic = str(self.ctx.getConf().get("spark.dynamicAllocation.enabled", "false")).lower() == "true"
        raise profile._unsupported_error(dynamic)

    def getResourceProfile(self) -> Any:
        """The profile given to withResources, or None."""
        return self._resource_profile

    def cleanShuffleDependencies(self, blocking: bool = False) -> None:
        """Nothing to clean: a shuffle's blocks live only for the job that made them."""

    def getCheckpointFile(self) -> Optional[str]:
        """The saved checkpoint's directory (``file:…/rdd-<id>``), None before it is saved."""
        return self._checkpoint_file

    # --- running ---
    def _collect_partials(self) -> List[Any]:
        """Run the plan and return every element, in partition order."""
        client = self.ctx._session._client_checked()
        out: List[Any] = []
        msg = protocol.execute_rdd(client.next_id(), client.session_id, self._plan(), "collect")
        jobs = self.ctx._jobs
        job = jobs.start(self.ctx.getLocalProperty("spark.jobGroup.id"), msg["id"], frozenset(self.ctx.getJobTags()))
        ok = False
        was_enabled = gc.isenabled()
        gc.disable()  # as in DataFrame.collect: no full collections while millions of objects arrive
        try:
            for reply in client.stream(msg):
                kind = reply.get("kind")
                if kind == "rddBatch":
                    out.extend(pickle.loads(reply["blob"]))
                elif kind == "accumulatorUpdates":
                    for blob in reply.get("blobs") or []:
                        _merge_updates(pickle.loads(blob))
            ok = True
        except PythonException as e:
            # A task's Python code raised: classic PySpark scripts catch py4j's Py4JJavaError
            # (also a PythonException here), so that is what the action raises.
            text = str(e)
            tb = text[len(_PYTHON_PREAMBLE):] if text.startswith(_PYTHON_PREAMBLE) else text
            raise from_python_exception(tb) from None
        finally:
            jobs.end(job, ok)
            if was_enabled:
                gc.enable()
        self._do_checkpoint()
        return out

    def __reduce__(self) -> Any:
        # An RDD inside a task's closure cannot run there (SPARK-5063), as PySpark says.
        raise PySparkRuntimeError(errorClass="RDD_TRANSFORM_ONLY_VALID_ON_DRIVER", messageParameters={})

    def __repr__(self) -> str:
        return "PythonRDD[%d] at RDD at PythonRDD.scala:0" % self._id if self._name is None else \
            "%s PythonRDD[%d] at RDD at PythonRDD.scala:0" % (self._name, self._id)
