"""``pyspark.ml.util``: Identifiable (uids as PySpark forms them)."""
import uuid

__all__ = ["Identifiable"]


class Identifiable:
    """An object with a unique id: the class name and 12 hex digits (``LinearRegression_4f1c2a3b5d6e``)."""

    def __init__(self) -> None:
        self.uid = self._randomUID()

    def __repr__(self) -> str:
        return self.uid

    @classmethod
    def _randomUID(cls) -> str:
        return str(cls.__name__ + "_" + uuid.uuid4().hex[-12:])
