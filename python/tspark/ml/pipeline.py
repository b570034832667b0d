"""``pyspark.ml.Pipeline``: stages fitted and applied in order."""
from typing import Any, Dict, List, Optional

from tspark.ml.base import Estimator, Model, Transformer
from tspark.ml.param import Param, Params
from tspark.ml.util import keyword_only

__all__ = ["Pipeline", "PipelineModel"]


class Pipeline(Estimator):
    """Fits each estimator on the output of the stages before it (PySpark's Pipeline)."""

    stages = Param(Params._dummy(), "stages", "a list of pipeline stages")

    @keyword_only
    def __init__(self, *, stages: Optional[List[Any]] = None):
        super().__init__()
        self._set(**self._input_kwargs)

    def setStages(self, value: List[Any]) -> "Pipeline":
        return self._set(stages=value)  # type: ignore[return-value]

    def getStages(self) -> List[Any]:
        return self.getOrDefault(self.stages)

    def setParams(self, *, stages: Optional[List[Any]] = None) -> "Pipeline":
        return self._set(stages=stages)  # type: ignore[return-value]

    def _fit(self, dataset: Any) -> "PipelineModel":
        stages = self.getStages() or []
        for s in stages:
            if not isinstance(s, (Estimator, Transformer)):
                raise TypeError("Cannot recognize a pipeline stage of type %s." % type(s))
        last_estimator = max((i for i, s in enumerate(stages) if isinstance(s, Estimator)), default=-1)
        fitted: List[Transformer] = []
        for i, stage in enumerate(stages):
            if i > last_estimator:
                fitted.append(stage)
                continue
            model = stage.fit(dataset) if isinstance(stage, Estimator) else stage
            fitted.append(model)
            if i < last_estimator:
                dataset = model.transform(dataset)
        return PipelineModel(fitted)

    def copy(self, extra: Optional[Dict[Param, Any]] = None) -> "Pipeline":
        that = Params.copy(self, extra)
        that.setStages([s.copy(extra) for s in self.getStages()])  # type: ignore[attr-defined]
        return that  # type: ignore[return-value]


class PipelineModel(Model):
    """Fitted stages applied in order."""

    def __init__(self, stages: List[Transformer]):
        super().__init__()
        self.stages = stages

    def _transform(self, dataset: Any) -> Any:
        for t in self.stages:
            dataset = t.transform(dataset)
        return dataset

    def copy(self, extra: Optional[Dict[Param, Any]] = None) -> "PipelineModel":
        return PipelineModel([s.copy(extra) for s in self.stages])
