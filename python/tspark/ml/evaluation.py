"""``pyspark.ml.evaluation``: metrics as aggregates the engine computes over the scored frame."""
from typing import Any, Dict, Optional

from tspark.ml.param import Param, Params, TypeConverters
from tspark.ml.param.shared import HasLabelCol, HasPredictionCol, HasWeightCol
from tspark.ml.util import keyword_only

__all__ = ["Evaluator", "RegressionEvaluator"]


class Evaluator(Params):
    """Computes one metric of a transformed DataFrame."""

    def evaluate(self, dataset: Any, params: Optional[Dict[Param, Any]] = None) -> float:
        if params:
            return self.copy(params)._evaluate(dataset)  # type: ignore[attr-defined]
        return self._evaluate(dataset)

    def _evaluate(self, dataset: Any) -> float:
        raise NotImplementedError()

    def isLargerBetter(self) -> bool:
        return True


class RegressionEvaluator(Evaluator, HasLabelCol, HasPredictionCol, HasWeightCol):
    """rmse (default), mse, r2, mae or var of predictions, weighted, as Spark's RegressionMetrics."""

    metricName = Param(Params._dummy(), "metricName",
                       "metric name in evaluation - one of:\n                       rmse - root mean squared error (default)\n                       mse - mean squared error\n                       r2 - r^2 metric\n                       mae - mean absolute error\n                       var - explained variance.",
                       typeConverter=TypeConverters.toString)
    throughOrigin = Param(Params._dummy(), "throughOrigin", "whether the regression is through the origin.",
                          typeConverter=TypeConverters.toBoolean)

    @keyword_only
    def __init__(self, *, predictionCol: str = "prediction", labelCol: str = "label", metricName: str = "rmse",
                 weightCol: Optional[str] = None, throughOrigin: bool = False):
        super().__init__()
        self._setDefault(metricName="rmse", throughOrigin=False)
        self._set(**self._input_kwargs)

    def setMetricName(self, value: str) -> "RegressionEvaluator":
        return self._set(metricName=value)  # type: ignore[return-value]

    def getMetricName(self) -> str:
        return self.getOrDefault(self.metricName)

    def setLabelCol(self, value: str) -> "RegressionEvaluator":
        return self._set(labelCol=value)  # type: ignore[return-value]

    def setPredictionCol(self, value: str) -> "RegressionEvaluator":
        return self._set(predictionCol=value)  # type: ignore[return-value]

    def setWeightCol(self, value: str) -> "RegressionEvaluator":
        return self._set(weightCol=value)  # type: ignore[return-value]

    def getThroughOrigin(self) -> bool:
        return self.getOrDefault(self.throughOrigin)

    def isLargerBetter(self) -> bool:
        return self.getMetricName() in ("r2", "var")

    def _evaluate(self, dataset: Any) -> float:
        from tspark.sql import functions as F
        metric = self.getMetricName()
        if metric not in ("rmse", "mse", "r2", "mae", "var"):
            from tspark.errors import IllegalArgumentException
            raise IllegalArgumentException("regressionEvaluator_%s parameter metricName given invalid value %s." % (self.uid, metric))
        p = F.col(self.getPredictionCol()).cast("double")
        y = F.col(self.getLabelCol()).cast("double")
        weight = self.getOrDefault(self.weightCol) if self.isDefined(self.weightCol) else None
        w = F.col(weight).cast("double") if weight else F.lit(1.0)
        scored = dataset.select(p.alias("p"), y.alias("y"), w.alias("w")).where("p IS NOT NULL AND y IS NOT NULL")
        sw, sy = F.sum("w"), F.sum(F.col("w") * F.col("y"))
        err = F.sum(F.col("w") * (F.col("y") - F.col("p")) * (F.col("y") - F.col("p")))
        if metric in ("rmse", "mse"):
            col = err / sw
            col = F.sqrt(col) if metric == "rmse" else col
        elif metric == "mae":
            col = F.sum(F.col("w") * F.abs(F.col("y") - F.col("p"))) / sw
        elif metric == "r2":
            # SStot about the label mean (about 0 through the origin), as RegressionMetrics
            tot = (F.sum(F.col("w") * F.col("y") * F.col("y")) if self.getThroughOrigin()
                   else F.sum(F.col("w") * F.col("y") * F.col("y")) - sy * sy / sw)
            col = F.lit(1.0) - err / tot
        else:
            mean = sy / sw
            col = (F.sum(F.col("w") * F.col("p") * F.col("p")) - 2 * mean * F.sum(F.col("w") * F.col("p")) + mean * mean * sw) / sw
        return float(scored.agg(col.alias("m")).collect()[0][0])
