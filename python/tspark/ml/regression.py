"""``pyspark.ml.regression``: LinearRegression, fitted in the engine by the aggregate
``ml_linear_regression`` (sufficient statistics folded per partition, merged, solved)."""
from typing import Any, List, Optional

from tspark.ml.base import Estimator, Model
from tspark.ml._schema import check_vector_column
from tspark.ml.linalg import DenseVector
from tspark.ml.param import Param, Params, TypeConverters
from tspark.ml.param.shared import (
    HasAggregationDepth, HasElasticNetParam, HasFeaturesCol, HasFitIntercept, HasLabelCol, HasLoss,
    HasMaxBlockSizeInMB, HasMaxIter, HasPredictionCol, HasRegParam, HasSolver, HasStandardization, HasTol,
    HasWeightCol,
)
from tspark.ml.util import keyword_only
from tspark.sql._invoke import to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["LinearRegression", "LinearRegressionModel", "LinearRegressionSummary",
           "LinearRegressionTrainingSummary"]


class _LinearRegressionParams(HasFeaturesCol, HasLabelCol, HasPredictionCol, HasMaxIter, HasRegParam, HasTol,
                              HasElasticNetParam, HasFitIntercept, HasStandardization, HasWeightCol, HasSolver,
                              HasAggregationDepth, HasLoss, HasMaxBlockSizeInMB):
    solver = Param(Params._dummy(), "solver", "The solver algorithm for optimization. Supported options: auto, normal, l-bfgs.",
                   typeConverter=TypeConverters.toString)
    loss = Param(Params._dummy(), "loss", "The loss function to be optimized. Supported options: squaredError, huber.",
                 typeConverter=TypeConverters.toString)
    epsilon = Param(Params._dummy(), "epsilon", "The shape parameter to control the amount of robustness. Must be > 1.0. Only valid when loss is huber",
                    typeConverter=TypeConverters.toFloat)

    def __init__(self) -> None:
        super().__init__()
        self._setDefault(maxIter=100, regParam=0.0, tol=1e-6, loss="squaredError", epsilon=1.35, maxBlockSizeInMB=0.0)

    def getEpsilon(self) -> float:
        return self.getOrDefault(self.epsilon)


class LinearRegression(Estimator, _LinearRegressionParams):
    """Least squares with optional L2 penalty (solver normal/auto; elastic net is not yet in the engine)."""

    @keyword_only
    def __init__(self, *, featuresCol: str = "features", labelCol: str = "label", predictionCol: str = "prediction",
                 maxIter: int = 100, regParam: float = 0.0, elasticNetParam: float = 0.0, tol: float = 1e-6,
                 fitIntercept: bool = True, standardization: bool = True, solver: str = "auto",
                 weightCol: Optional[str] = None, aggregationDepth: int = 2, loss: str = "squaredError",
                 epsilon: float = 1.35, maxBlockSizeInMB: float = 0.0):
        super().__init__()
        self._set(**self._input_kwargs)

    def setParams(self, **kwargs: Any) -> "LinearRegression":
        return self._set(**kwargs)  # type: ignore[return-value]

    def setMaxIter(self, value: int) -> "LinearRegression":
        return self._set(maxIter=value)  # type: ignore[return-value]

    def setRegParam(self, value: float) -> "LinearRegression":
        return self._set(regParam=value)  # type: ignore[return-value]

    def setElasticNetParam(self, value: float) -> "LinearRegression":
        return self._set(elasticNetParam=value)  # type: ignore[return-value]

    def setFitIntercept(self, value: bool) -> "LinearRegression":
        return self._set(fitIntercept=value)  # type: ignore[return-value]

    def setStandardization(self, value: bool) -> "LinearRegression":
        return self._set(standardization=value)  # type: ignore[return-value]

    def setWeightCol(self, value: str) -> "LinearRegression":
        return self._set(weightCol=value)  # type: ignore[return-value]

    def setSolver(self, value: str) -> "LinearRegression":
        return self._set(solver=value)  # type: ignore[return-value]

    def setFeaturesCol(self, value: str) -> "LinearRegression":
        return self._set(featuresCol=value)  # type: ignore[return-value]

    def setLabelCol(self, value: str) -> "LinearRegression":
        return self._set(labelCol=value)  # type: ignore[return-value]

    def setPredictionCol(self, value: str) -> "LinearRegression":
        return self._set(predictionCol=value)  # type: ignore[return-value]

    def _fit(self, dataset: Any) -> "LinearRegressionModel":
        from tspark.errors import PySparkNotImplementedError
        if self.getElasticNetParam() != 0.0 and self.getRegParam() != 0.0:
            raise PySparkNotImplementedError.feature("LinearRegression with elasticNetParam > 0")
        if self.getSolver() == "l-bfgs" or self.getLoss() != "squaredError":
            raise PySparkNotImplementedError.feature("LinearRegression solver l-bfgs / huber loss")
        check_vector_column(dataset, self.getFeaturesCol())
        weight = self.getOrDefault(self.weightCol) if self.isDefined(self.weightCol) else None
        args = [to_col_expr(self.getFeaturesCol()), to_col_expr(self.getLabelCol()),
                to_col_expr(weight) if weight else make_literal(1.0),
                make_literal(self.getFitIntercept()), make_literal(float(self.getRegParam())),
                make_literal(self.getStandardization())]
        fit = dataset.agg(Column(E.function("ml_linear_regression", args)).alias("fit")).collect()[0][0]
        if fit is None:
            from tspark.errors import IllegalArgumentException
            raise IllegalArgumentException("requirement failed: Nothing has been added to this summarizer.")
        model = LinearRegressionModel(fit.coefficients, fit.intercept)
        self._copyValues(model)
        model._summary = LinearRegressionTrainingSummary(fit, model.getPredictionCol(), self.getLabelCol())
        return model


class LinearRegressionModel(Model, _LinearRegressionParams):
    """A fitted linear model: ``prediction = coefficients · features + intercept`` (engine kernel ``ml_linear_predict``)."""

    def __init__(self, coefficients: DenseVector, intercept: float):
        super().__init__()
        self._coefficients = coefficients
        self._intercept = float(intercept)
        self._summary: Optional[LinearRegressionTrainingSummary] = None

    @property
    def coefficients(self) -> DenseVector:
        return self._coefficients

    @property
    def intercept(self) -> float:
        return self._intercept

    @property
    def scale(self) -> float:
        return 1.0

    @property
    def numFeatures(self) -> int:
        return len(self._coefficients)

    @property
    def hasSummary(self) -> bool:
        return self._summary is not None

    @property
    def summary(self) -> "LinearRegressionTrainingSummary":
        if self._summary is None:
            from tspark.errors import PySparkRuntimeError
            raise PySparkRuntimeError(errorClass="NO_SUMMARY", messageParameters={"method": "summary"})
        return self._summary

    def predict(self, value: Any) -> float:
        return float(self._coefficients.dot(value)) + self._intercept

    def _transform(self, dataset: Any) -> Any:
        call = E.function("ml_linear_predict", [to_col_expr(self.getFeaturesCol()),
                                                make_literal([float(x) for x in self._coefficients]),
                                                make_literal(self._intercept)])
        return dataset.withColumn(self.getPredictionCol(), Column(call))

    def copy(self, extra: Any = None) -> "LinearRegressionModel":
        that = LinearRegressionModel(self._coefficients, self._intercept)
        that.uid = self.uid
        that._copy_params()
        self._copyValues(that, extra)
        that._summary = self._summary
        return that

    def __repr__(self) -> str:
        return "LinearRegressionModel: uid=%s, numFeatures=%d" % (self.uid, self.numFeatures)


class LinearRegressionSummary:
    """Metrics of a linear model over its training data, computed by the engine at fit."""

    def __init__(self, fit: Any, predictionCol: str, labelCol: str):
        self._fit = fit
        self.predictionCol = predictionCol
        self.labelCol = labelCol

    @property
    def r2(self) -> float:
        return float(self._fit.r2)

    @property
    def meanSquaredError(self) -> float:
        return float(self._fit.meanSquaredError)

    @property
    def rootMeanSquaredError(self) -> float:
        return float(self._fit.rootMeanSquaredError)

    @property
    def explainedVariance(self) -> float:
        return float(self._fit.explainedVariance)

    @property
    def numInstances(self) -> int:
        return int(self._fit.numInstances)


class LinearRegressionTrainingSummary(LinearRegressionSummary):
    """The training summary (normal solver: no objective history)."""

    @property
    def totalIterations(self) -> int:
        return 1

    @property
    def objectiveHistory(self) -> List[float]:
        return [0.0]
