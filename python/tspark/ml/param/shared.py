"""``pyspark.ml.param.shared``: the params many stages share (featuresCol, labelCol …)."""
from typing import Any

from tspark.ml.param import Param, Params, TypeConverters

__all__ = ["HasFeaturesCol", "HasLabelCol", "HasPredictionCol", "HasInputCol", "HasInputCols",
           "HasOutputCol", "HasOutputCols", "HasHandleInvalid", "HasWeightCol", "HasRegParam",
           "HasElasticNetParam", "HasFitIntercept", "HasStandardization", "HasMaxIter", "HasTol",
           "HasSolver", "HasAggregationDepth", "HasLoss", "HasMaxBlockSizeInMB"]


def _shared(cls_name: str, name: str, doc: str, conv: Any, default: Any = None) -> type:
    getter = "get" + name[0].upper() + name[1:]

    def __init__(self: Params) -> None:
        super(cls, self).__init__()  # type: ignore[misc]
        if default is not None:
            self._setDefault(**{name: default})

    def get(self: Params) -> Any:
        return self.getOrDefault(getattr(self, name))

    cls = type(cls_name, (Params,), {
        name: Param(Params._dummy(), name, doc, conv), "__init__": __init__, getter: get,
        "__doc__": "Mixin for param %s: %s" % (name, doc)})
    return cls


HasFeaturesCol = _shared("HasFeaturesCol", "featuresCol", "features column name.", TypeConverters.toString, "features")
HasLabelCol = _shared("HasLabelCol", "labelCol", "label column name.", TypeConverters.toString, "label")
HasPredictionCol = _shared("HasPredictionCol", "predictionCol", "prediction column name.", TypeConverters.toString, "prediction")
HasInputCol = _shared("HasInputCol", "inputCol", "input column name.", TypeConverters.toString)
HasInputCols = _shared("HasInputCols", "inputCols", "input column names.", TypeConverters.toListString)
HasOutputCol = _shared("HasOutputCol", "outputCol", "output column name.", TypeConverters.toString)
HasOutputCols = _shared("HasOutputCols", "outputCols", "output column names.", TypeConverters.toListString)
HasHandleInvalid = _shared("HasHandleInvalid", "handleInvalid", "how to handle invalid entries. Options are skip (which will filter out rows with bad values), or error (which will throw an error). More options may be added later.", TypeConverters.toString)
HasWeightCol = _shared("HasWeightCol", "weightCol", "weight column name. If this is not set or empty, we treat all instance weights as 1.0.", TypeConverters.toString)
HasRegParam = _shared("HasRegParam", "regParam", "regularization parameter (>= 0).", TypeConverters.toFloat, 0.0)
HasElasticNetParam = _shared("HasElasticNetParam", "elasticNetParam", "the ElasticNet mixing parameter, in range [0, 1]. For alpha = 0, the penalty is an L2 penalty. For alpha = 1, it is an L1 penalty.", TypeConverters.toFloat, 0.0)
HasFitIntercept = _shared("HasFitIntercept", "fitIntercept", "whether to fit an intercept term.", TypeConverters.toBoolean, True)
HasStandardization = _shared("HasStandardization", "standardization", "whether to standardize the training features before fitting the model.", TypeConverters.toBoolean, True)
HasMaxIter = _shared("HasMaxIter", "maxIter", "max number of iterations (>= 0).", TypeConverters.toInt)
HasTol = _shared("HasTol", "tol", "the convergence tolerance for iterative algorithms (>= 0).", TypeConverters.toFloat)
HasSolver = _shared("HasSolver", "solver", "the solver algorithm for optimization. If this is not set or empty, default value is 'auto'.", TypeConverters.toString, "auto")
HasAggregationDepth = _shared("HasAggregationDepth", "aggregationDepth", "suggested depth for treeAggregate (>= 2).", TypeConverters.toInt, 2)
HasLoss = _shared("HasLoss", "loss", "the loss function to be optimized.", TypeConverters.toString)
HasMaxBlockSizeInMB = _shared("HasMaxBlockSizeInMB", "maxBlockSizeInMB", "maximum memory in MB for stacking input data into blocks. Data is stacked within partitions. If more than remaining data size in a partition then it is adjusted to the data size. Default 0.0 represents choosing optimal value, depends on specific algorithm. Must be >= 0.", TypeConverters.toFloat, 0.0)

