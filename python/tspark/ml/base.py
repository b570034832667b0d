"""``pyspark.ml.base``: Estimator, Transformer, Model. A stage's work is a plan the engine runs:
fit builds an aggregate over the input frame, transform adds columns computed by engine kernels."""
from typing import Any, Dict, Optional

from tspark.ml.param import Param, Params

__all__ = ["Estimator", "Transformer", "Model"]


class Transformer(Params):
    """A stage that turns one DataFrame into another."""

    def transform(self, dataset: Any, params: Optional[Dict[Param, Any]] = None) -> Any:
        if params:
            return self.copy(params)._transform(dataset)
        return self._transform(dataset)

    def _transform(self, dataset: Any) -> Any:
        raise NotImplementedError()


class Estimator(Params):
    """A stage that fits a Model to a DataFrame."""

    def fit(self, dataset: Any, params: Any = None) -> Any:
        if isinstance(params, (list, tuple)):
            return [self.fit(dataset, p) for p in params]
        if params:
            return self.copy(params)._fit(dataset)
        return self._fit(dataset)

    def _fit(self, dataset: Any) -> Any:
        raise NotImplementedError()


class Model(Transformer):
    """A fitted Transformer."""
