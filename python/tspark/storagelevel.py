"""StorageLevel: how a cached DataFrame is kept (PySpark's pyspark.StorageLevel)."""

from typing import Any, ClassVar, Dict


class StorageLevel:
    """Flags for how to persist data: on disk, in memory, off-heap, deserialized, and the
    replication count. The engine keeps cached data in memory as columnar batches, spills
    them to disk past the memory budget when ``useDisk`` is set (MEMORY_AND_DISK), evicts
    them otherwise (MEMORY_ONLY), or writes them to disk at once (DISK_ONLY); ``deserialized``
    and ``replication`` are recorded and reported as PySpark reports them."""

    NONE: ClassVar["StorageLevel"]
    DISK_ONLY: ClassVar["StorageLevel"]
    DISK_ONLY_2: ClassVar["StorageLevel"]
    DISK_ONLY_3: ClassVar["StorageLevel"]
    MEMORY_ONLY: ClassVar["StorageLevel"]
    MEMORY_ONLY_2: ClassVar["StorageLevel"]
    MEMORY_AND_DISK: ClassVar["StorageLevel"]
    MEMORY_AND_DISK_2: ClassVar["StorageLevel"]
    OFF_HEAP: ClassVar["StorageLevel"]
    MEMORY_AND_DISK_DESER: ClassVar["StorageLevel"]

    def __init__(self, useDisk: bool, useMemory: bool, useOffHeap: bool, deserialized: bool, replication: int = 1):
        self.useDisk = useDisk
        self.useMemory = useMemory
        self.useOffHeap = useOffHeap
        self.deserialized = deserialized
        self.replication = replication

    def __repr__(self) -> str:
        return "StorageLevel(%s, %s, %s, %s, %s)" % (
            self.useDisk, self.useMemory, self.useOffHeap, self.deserialized, self.replication)

    def __str__(self) -> str:
        result = ""
        result += "Disk " if self.useDisk else ""
        result += "Memory " if self.useMemory else ""
        result += "OffHeap " if self.useOffHeap else ""
        result += "Deserialized " if self.deserialized else "Serialized "
        result += "%sx Replicated" % self.replication
        return result

    def __eq__(self, other: Any) -> bool:
        return (
            isinstance(other, StorageLevel)
            and self.useMemory == other.useMemory
            and self.useDisk == other.useDisk
            and self.useOffHeap == other.useOffHeap
            and self.deserialized == other.deserialized
            and self.replication == other.replication
        )

    __hash__ = None  # type: ignore[assignment]  # mutable flags, as PySpark's

    def _to_wire(self) -> Dict[str, Any]:
        return {"useDisk": bool(self.useDisk), "useMemory": bool(self.useMemory), "useOffHeap": bool(self.useOffHeap),
                "deserialized": bool(self.deserialized), "replication": int(self.replication)}

    @staticmethod
    def _from_wire(m: Dict[str, Any]) -> "StorageLevel":
        return StorageLevel(m["useDisk"], m["useMemory"], m["useOffHeap"], m["deserialized"], m["replication"])


StorageLevel.NONE = StorageLevel(False, False, False, False)
StorageLevel.DISK_ONLY = StorageLevel(True, False, False, False)
StorageLevel.DISK_ONLY_2 = StorageLevel(True, False, False, False, 2)
StorageLevel.DISK_ONLY_3 = StorageLevel(True, False, False, False, 3)
StorageLevel.MEMORY_ONLY = StorageLevel(False, True, False, False)
StorageLevel.MEMORY_ONLY_2 = StorageLevel(False, True, False, False, 2)
StorageLevel.MEMORY_AND_DISK = StorageLevel(True, True, False, False)
StorageLevel.MEMORY_AND_DISK_2 = StorageLevel(True, True, False, False, 2)
StorageLevel.OFF_HEAP = StorageLevel(True, True, True, False, 1)
StorageLevel.MEMORY_AND_DISK_DESER = StorageLevel(True, True, False, True)
