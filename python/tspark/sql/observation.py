"""Observation: metrics a DataFrame computes while an action runs it (``df.observe``)."""
import uuid
from typing import Any, Dict, Optional, Tuple

from tspark.errors import PySparkAssertionError, PySparkTypeError, PySparkValueError

__all__ = ["Observation"]


class Observation:
    """Named metrics observed on a :class:`DataFrame`: aggregate expressions computed over the
    rows an action runs through it. The first action that runs the observed frame to its end
    sets them; later actions do not change them (PySpark's Observation.get)."""

    def __init__(self, name: Optional[str] = None) -> None:
        if name is not None:
            if not isinstance(name, str):
                raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
                    "arg_name": "name", "arg_type": type(name).__name__})
            if name == "":
                raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={
                    "arg_name": "name", "arg_value": name})
        self._name = name
        self._id: Optional[str] = None
        self._df: Any = None
        self._result: Optional[Dict[str, Any]] = None

    def _attach(self) -> Tuple[str, str]:
        """This observation's metrics name and id for one df.observe (REUSE_OBSERVATION the second time)."""
        if self._id is not None:
            raise PySparkAssertionError(errorClass="REUSE_OBSERVATION", messageParameters={})
        if self._name is None:
            self._name = str(uuid.uuid4())
        self._id = str(uuid.uuid4())
        return self._name, self._id

    def _observed(self, df: Any) -> None:
        """The observed frame, whose session Observation.get asks."""
        self._df = df

    @property
    def get(self) -> Dict[str, Any]:
        """The observed metrics by name: the first finished action's (empty before any)."""
        if self._id is None or self._df is None:
            raise PySparkAssertionError(errorClass="NO_OBSERVE_BEFORE_GET", messageParameters={})
        if self._result is None:
            from tspark.sql._execute import analyze
            res = analyze(self._df._session, self._df._plan, "observation", observationId=self._id)
            if res.get("rows") is None:
                return {}
            from tspark.sql import types as T
            schema = T.StructType.fromJson(res["schema"])
            self._result = {f.name: _python_value(f.dataType, v) for f, v in zip(schema.fields, res["rows"][0])}
        return dict(self._result)


def _python_value(t: Any, v: Any) -> Any:
    """A metric's plain wire value as PySpark returns it (a double stays a float when integral)."""
    from decimal import Decimal
    from tspark.sql import types as T
    if v is None:
        return None
    if isinstance(t, (T.DoubleType, T.FloatType)):
        return float(v)
    if isinstance(t, T.DecimalType):
        return Decimal(str(v))
    return v
