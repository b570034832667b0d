"""``pyspark.ml.feature``: feature transformers, each a column the engine computes."""
from typing import Any, List, Optional

from tspark.ml.base import Transformer
from tspark.ml.param import Param, Params, TypeConverters
from tspark.ml.param.shared import HasHandleInvalid, HasInputCols, HasOutputCol
from tspark.ml.util import keyword_only
from tspark.sql._invoke import to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["VectorAssembler"]


class VectorAssembler(Transformer, HasInputCols, HasOutputCol, HasHandleInvalid):
    """Merges numeric and vector columns into one vector column (engine kernel ``vector_assemble``)."""

    handleInvalid = Param(
        Params._dummy(), "handleInvalid",
        "How to handle invalid data (NULL and NaN values). Options are 'skip' (filter out rows with invalid "
        "data), 'error' (throw an error), or 'keep' (return relevant number of NaN in the output). Column "
        "lengths are taken from the size of ML Attribute Group, which can be set using `VectorSizeHint` in "
        "a pipeline before `VectorAssembler`. Column lengths can also be inferred from first rows of the "
        "data since it is safe to do so but only in case of 'error' or 'skip').",
        typeConverter=TypeConverters.toString)

    @keyword_only
    def __init__(self, *, inputCols: Optional[List[str]] = None, outputCol: Optional[str] = None,
                 handleInvalid: str = "error"):
        super().__init__()
        self._setDefault(handleInvalid="error", outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    @keyword_only
    def setParams(self, *, inputCols: Optional[List[str]] = None, outputCol: Optional[str] = None,
                  handleInvalid: str = "error") -> "VectorAssembler":
        return self._set(**self._input_kwargs)  # type: ignore[return-value]

    def setInputCols(self, value: List[str]) -> "VectorAssembler":
        return self._set(inputCols=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "VectorAssembler":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def setHandleInvalid(self, value: str) -> "VectorAssembler":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def _transform(self, dataset: Any) -> Any:
        cols = self.getInputCols()
        mode = self.getHandleInvalid()
        if mode == "skip":
            # Spark's VectorAssembler: skip is dataset.na.drop(inputCols) before assembling
            dataset = dataset.na.drop(subset=cols)
        call = E.function("vector_assemble", [make_literal(mode)] + [to_col_expr(c) for c in cols])
        return dataset.withColumn(self.getOutputCol(), Column(call))
