"""``pyspark.files``: SparkFiles, where the files given to ``sc.addFile`` are found, on the
driver and in tasks (the engine's workers read the same directory: the embedded engine runs
on the client's machine). Imported by the workers: standard library only."""
import os
from typing import ClassVar, Optional

__all__ = ["SparkFiles"]


class SparkFiles:
    """``SparkFiles.get(name)``: the absolute path of an added file."""

    _root_directory: ClassVar[Optional[str]] = None

    def __init__(self) -> None:
        raise NotImplementedError("Do not construct SparkFiles objects")

    @classmethod
    def get(cls, filename: str) -> str:
        """The path of ``filename`` as added with sc.addFile."""
        return os.path.join(cls.getRootDirectory(), os.path.basename(filename))

    @classmethod
    def getRootDirectory(cls) -> str:
        """The directory that holds the added files."""
        if cls._root_directory is None:
            raise RuntimeError("SparkFiles has no root directory: no SparkContext or task is running")
        return cls._root_directory
