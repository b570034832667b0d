"""``pyspark.ml.feature``: feature transformers, each a column the engine computes."""
import math
from typing import Any, Dict, List, Optional

from tspark.ml.base import Estimator, Model, Transformer
from tspark.ml._schema import check_vector_column
from tspark.ml.linalg import DenseVector
from tspark.ml.param import Param, Params, TypeConverters
from tspark.ml.param.shared import HasHandleInvalid, HasInputCol, HasInputCols, HasOutputCol, HasOutputCols
from tspark.ml.util import keyword_only
from tspark.sql._invoke import to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["VectorAssembler", "StandardScaler", "StandardScalerModel", "MinMaxScaler", "MinMaxScalerModel",
           "Tokenizer", "Bucketizer", "StringIndexer", "StringIndexerModel", "OneHotEncoder", "OneHotEncoderModel"]


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


def _vector_literal(values: Any) -> Dict[str, Any]:
    return make_literal([float(x) for x in values])


class _ScalerModel(Model, HasInputCol, HasOutputCol):
    """A fitted scaler: y = (x - shift)·scale + offset per feature (engine kernel ``ml_affine``)."""

    #: whether a sparse input stays sparse (StandardScaler without centring)
    _keep_sparse = False

    def __init__(self, shift: List[float], scale: List[float], offset: List[float]):
        super().__init__()
        self._shift, self._scale, self._offset = shift, scale, offset

    def setInputCol(self, value: str) -> Any:
        return self._set(inputCol=value)

    def setOutputCol(self, value: str) -> Any:
        return self._set(outputCol=value)

    def _transform(self, dataset: Any) -> Any:
        call = E.function("ml_affine", [to_col_expr(self.getInputCol()), _vector_literal(self._shift),
                                        _vector_literal(self._scale), _vector_literal(self._offset),
                                        make_literal(self._keep_sparse)])
        return dataset.withColumn(self.getOutputCol(), Column(call))


def _summary(dataset: Any, col: str) -> Any:
    """Count, mean, unbiased variance, min and max per feature, aggregated in the engine."""
    check_vector_column(dataset, col)
    s = dataset.agg(Column(E.function("ml_feature_summary", [to_col_expr(col), make_literal(1.0)])).alias("s")).collect()[0][0]
    if s is None:
        from tspark.errors import IllegalArgumentException
        raise IllegalArgumentException("requirement failed: Nothing has been added to this summarizer.")
    return s


class StandardScaler(Estimator, HasInputCol, HasOutputCol):
    """Scales features to unit standard deviation (and zero mean with ``withMean``)."""

    withMean = Param(Params._dummy(), "withMean", "Center data with mean", typeConverter=TypeConverters.toBoolean)
    withStd = Param(Params._dummy(), "withStd", "Scale to unit standard deviation", typeConverter=TypeConverters.toBoolean)

    @keyword_only
    def __init__(self, *, withMean: bool = False, withStd: bool = True, inputCol: Optional[str] = None,
                 outputCol: Optional[str] = None):
        super().__init__()
        self._setDefault(withMean=False, withStd=True, outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    def getWithMean(self) -> bool:
        return self.getOrDefault(self.withMean)

    def getWithStd(self) -> bool:
        return self.getOrDefault(self.withStd)

    def setWithMean(self, value: bool) -> "StandardScaler":
        return self._set(withMean=value)  # type: ignore[return-value]

    def setWithStd(self, value: bool) -> "StandardScaler":
        return self._set(withStd=value)  # type: ignore[return-value]

    def setInputCol(self, value: str) -> "StandardScaler":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "StandardScaler":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def _fit(self, dataset: Any) -> "StandardScalerModel":
        s = _summary(dataset, self.getInputCol())
        std = [math.sqrt(v) for v in s.variance]
        mean = list(s.mean)
        d = len(std)
        scale = [(1.0 / x if x != 0 else 0.0) for x in std] if self.getWithStd() else [1.0] * d
        model = StandardScalerModel(DenseVector(std), DenseVector(mean),
                                    mean if self.getWithMean() else [0.0] * d, scale, [0.0] * d)
        self._copyValues(model)
        return model


class StandardScalerModel(_ScalerModel):
    """A fitted StandardScaler: ``std`` and ``mean`` per feature."""

    withMean = StandardScaler.withMean
    withStd = StandardScaler.withStd
    _keep_sparse = True

    def __init__(self, std: DenseVector, mean: DenseVector, shift: List[float], scale: List[float],
                 offset: List[float]):
        super().__init__(shift, scale, offset)
        self._std, self._mean = std, mean

    @property
    def std(self) -> DenseVector:
        return self._std

    @property
    def mean(self) -> DenseVector:
        return self._mean


class MinMaxScaler(Estimator, HasInputCol, HasOutputCol):
    """Rescales each feature to [min, max] (0.5·(min + max) for a constant feature)."""

    min = Param(Params._dummy(), "min", "Lower bound of the output feature range", typeConverter=TypeConverters.toFloat)
    max = Param(Params._dummy(), "max", "Upper bound of the output feature range", typeConverter=TypeConverters.toFloat)

    @keyword_only
    def __init__(self, *, min: float = 0.0, max: float = 1.0, inputCol: Optional[str] = None,
                 outputCol: Optional[str] = None):
        super().__init__()
        self._setDefault(min=0.0, max=1.0, outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    def getMin(self) -> float:
        return self.getOrDefault(self.min)

    def getMax(self) -> float:
        return self.getOrDefault(self.max)

    def setInputCol(self, value: str) -> "MinMaxScaler":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "MinMaxScaler":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def _fit(self, dataset: Any) -> "MinMaxScalerModel":
        lo, hi = self.getMin(), self.getMax()
        if not lo < hi:
            from tspark.errors import IllegalArgumentException
            raise IllegalArgumentException("requirement failed: min (%s) must be less than max (%s)" % (lo, hi))
        s = _summary(dataset, self.getInputCol())
        emin, emax = list(s.min), list(s.max)
        rng = [b - a for a, b in zip(emin, emax)]
        scale = [((hi - lo) / r if r != 0 else 0.0) for r in rng]
        offset = [(lo if r != 0 else 0.5 * (hi + lo)) for r in rng]
        model = MinMaxScalerModel(DenseVector(emin), DenseVector(emax), emin, scale, offset)
        self._copyValues(model)
        return model


class MinMaxScalerModel(_ScalerModel):
    """A fitted MinMaxScaler: each feature's ``originalMin`` and ``originalMax``."""

    min = MinMaxScaler.min
    max = MinMaxScaler.max

    def __init__(self, originalMin: DenseVector, originalMax: DenseVector, shift: List[float], scale: List[float],
                 offset: List[float]):
        super().__init__(shift, scale, offset)
        self._originalMin, self._originalMax = originalMin, originalMax

    @property
    def originalMin(self) -> DenseVector:
        return self._originalMin

    @property
    def originalMax(self) -> DenseVector:
        return self._originalMax


class Tokenizer(Transformer, HasInputCol, HasOutputCol):
    """Lower-cases and splits on whitespace (Java's ``split("\\\\s")``: trailing empty tokens dropped)."""

    @keyword_only
    def __init__(self, *, inputCol: Optional[str] = None, outputCol: Optional[str] = None):
        super().__init__()
        self._setDefault(outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    def setInputCol(self, value: str) -> "Tokenizer":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "Tokenizer":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def _transform(self, dataset: Any) -> Any:
        from tspark.sql import functions as F
        text = F.regexp_replace(F.lower(F.col(self.getInputCol())), "\\s+$", "")
        return dataset.withColumn(self.getOutputCol(), F.split(text, "\\s"))


class Bucketizer(Transformer, HasInputCol, HasOutputCol, HasHandleInvalid):
    """Maps values to bucket indices by ``splits`` ([s0, s1), …, [s(n-1), sn])."""

    splits = Param(Params._dummy(), "splits",
                   "Split points for mapping continuous features into buckets. With n+1 splits, there are n "
                   "buckets. A bucket defined by splits x,y holds values in the range [x,y) except the last "
                   "bucket, which also includes y. The splits should be of length >= 3 and strictly increasing. "
                   "Values at -inf, inf must be explicitly provided to cover all Double values; otherwise, "
                   "values outside the splits specified will be treated as errors.",
                   typeConverter=TypeConverters.toListFloat)
    handleInvalid = Param(Params._dummy(), "handleInvalid",
                          "how to handle invalid entries containing NaN values. Values outside the splits will "
                          "always be treated as errors. Options are 'skip' (filter out rows with invalid values), "
                          "'error' (throw an error), or 'keep' (keep invalid values in a special additional "
                          "bucket). Note that in the multiple column case, the invalid handling is applied to all "
                          "columns. That said for 'error' it will throw an error if any invalids are found in any "
                          "column, for 'skip' it will skip rows with any invalids in any columns, etc.",
                          typeConverter=TypeConverters.toString)

    @keyword_only
    def __init__(self, *, splits: Optional[List[float]] = None, inputCol: Optional[str] = None,
                 outputCol: Optional[str] = None, handleInvalid: str = "error"):
        super().__init__()
        self._setDefault(handleInvalid="error", outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    def getSplits(self) -> List[float]:
        return self.getOrDefault(self.splits)

    def setSplits(self, value: List[float]) -> "Bucketizer":
        return self._set(splits=value)  # type: ignore[return-value]

    def setInputCol(self, value: str) -> "Bucketizer":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "Bucketizer":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def setHandleInvalid(self, value: str) -> "Bucketizer":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def _transform(self, dataset: Any) -> Any:
        from tspark.sql import functions as F
        splits = self.getSplits()
        x = F.col(self.getInputCol()).cast("double")
        mode = self.getHandleInvalid()
        if mode == "skip":
            dataset = dataset.where(~F.isnan(x) & x.isNotNull())
        n = len(splits) - 1
        out_of_bounds = F.raise_error(F.format_string(
            "Feature value %s out of Bucketizer bounds [%s, %s].  Check your features, or loosen the "
            "lower/upper bound constraints.", x.cast("string"), F.lit(repr(splits[0])), F.lit(repr(splits[-1]))))
        nan = F.lit(float(n)) if mode == "keep" else F.raise_error(F.lit(
            "Bucketizer encountered NaN value. To handle or skip NaNs, try setting Bucketizer.handleInvalid."))
        expr = F.when(F.isnan(x), nan).when((x < splits[0]) | (x > splits[-1]), out_of_bounds)
        for i in range(n - 1):
            expr = expr.when(x < splits[i + 1], F.lit(float(i)))
        expr = expr.otherwise(F.lit(float(n - 1)))
        return dataset.withColumn(self.getOutputCol(), expr.cast("double"))


class StringIndexer(Estimator, HasInputCol, HasOutputCol, HasHandleInvalid):
    """Maps string labels to indices by frequency (default frequencyDesc; ties alphabetical)."""

    stringOrderType = Param(Params._dummy(), "stringOrderType",
                            "How to order labels of string column. The first label after ordering is assigned an "
                            "index of 0. Supported options: frequencyDesc, frequencyAsc, alphabetDesc, alphabetAsc. "
                            "Default is frequencyDesc. In case of equal frequency when under frequencyDesc/Asc, the "
                            "strings are further sorted alphabetically",
                            typeConverter=TypeConverters.toString)
    handleInvalid = Param(Params._dummy(), "handleInvalid",
                          "how to handle invalid data (unseen or NULL values) in features and label column of "
                          "string type. Options are 'skip' (filter out rows with invalid data), error (throw an "
                          "error), or 'keep' (put invalid data in a special additional bucket, at index "
                          "numLabels).", typeConverter=TypeConverters.toString)

    @keyword_only
    def __init__(self, *, inputCol: Optional[str] = None, outputCol: Optional[str] = None,
                 handleInvalid: str = "error", stringOrderType: str = "frequencyDesc"):
        super().__init__()
        self._setDefault(handleInvalid="error", stringOrderType="frequencyDesc", outputCol=self.uid + "__output")
        self._set(**self._input_kwargs)

    def getStringOrderType(self) -> str:
        return self.getOrDefault(self.stringOrderType)

    def setStringOrderType(self, value: str) -> "StringIndexer":
        return self._set(stringOrderType=value)  # type: ignore[return-value]

    def setInputCol(self, value: str) -> "StringIndexer":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "StringIndexer":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def setHandleInvalid(self, value: str) -> "StringIndexer":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def _fit(self, dataset: Any) -> "StringIndexerModel":
        from tspark.sql import functions as F
        order = self.getStringOrderType()
        values = dataset.select(F.col(self.getInputCol()).cast("string").alias("v")).where("v IS NOT NULL")
        counted = values.groupBy("v").count()
        orderings = {"frequencyDesc": [F.col("count").desc(), F.col("v").asc()],
                     "frequencyAsc": [F.col("count").asc(), F.col("v").asc()],
                     "alphabetDesc": [F.col("v").desc()], "alphabetAsc": [F.col("v").asc()]}
        if order not in orderings:
            from tspark.errors import IllegalArgumentException
            raise IllegalArgumentException("Unsupported stringOrderType: %s" % order)
        labels = [r.v for r in counted.orderBy(*orderings[order]).collect()]
        model = StringIndexerModel(labels)
        self._copyValues(model)
        return model


class StringIndexerModel(Model, HasInputCol, HasOutputCol, HasHandleInvalid):
    """A fitted StringIndexer: ``labels`` in index order."""

    handleInvalid = StringIndexer.handleInvalid
    stringOrderType = StringIndexer.stringOrderType

    def __init__(self, labels: List[str]):
        super().__init__()
        self._labels = list(labels)
        self._setDefault(handleInvalid="error", stringOrderType="frequencyDesc")

    @property
    def labels(self) -> List[str]:
        return list(self._labels)

    @property
    def labelsArray(self) -> List[List[str]]:
        return [list(self._labels)]

    def setHandleInvalid(self, value: str) -> "StringIndexerModel":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def setInputCol(self, value: str) -> "StringIndexerModel":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "StringIndexerModel":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def _transform(self, dataset: Any) -> Any:
        from tspark.sql import functions as F
        mode = self.getHandleInvalid()
        v = F.col(self.getInputCol()).cast("string")
        pairs: List[Any] = []
        for i, label in enumerate(self._labels):
            pairs += [F.lit(label), F.lit(float(i))]
        index = F.try_element_at(F.create_map(*pairs), v) if pairs else F.lit(None).cast("double")
        if mode == "skip":
            dataset = dataset.where(v.isNotNull() & index.isNotNull())
            return dataset.withColumn(self.getOutputCol(), index)
        if mode == "keep":
            return dataset.withColumn(self.getOutputCol(), F.coalesce(index, F.lit(float(len(self._labels)))))
        unseen = F.raise_error(F.concat(F.lit("Unseen label: "), v, F.lit(". To handle unseen labels, set Param handleInvalid to keep.")))
        null = F.raise_error(F.lit("StringIndexer encountered NULL value. To handle or skip NULLS, try setting StringIndexer.handleInvalid."))
        return dataset.withColumn(self.getOutputCol(), F.when(v.isNull(), null).when(index.isNull(), unseen).otherwise(index).cast("double"))


class OneHotEncoder(Estimator, HasInputCol, HasOutputCol, HasInputCols, HasOutputCols, HasHandleInvalid):
    """Maps category indices to sparse one-hot vectors (the last category dropped by default)."""

    handleInvalid = Param(Params._dummy(), "handleInvalid",
                          "How to handle invalid data during transform(). Options are 'keep' (invalid data "
                          "presented as an extra categorical feature) or error (throw an error). Note that this "
                          "Param is only used during transform; during fitting, invalid data will result in an "
                          "error.", typeConverter=TypeConverters.toString)
    dropLast = Param(Params._dummy(), "dropLast", "whether to drop the last category",
                     typeConverter=TypeConverters.toBoolean)

    @keyword_only
    def __init__(self, *, inputCols: Optional[List[str]] = None, outputCols: Optional[List[str]] = None,
                 handleInvalid: str = "error", dropLast: bool = True, inputCol: Optional[str] = None,
                 outputCol: Optional[str] = None):
        super().__init__()
        self._setDefault(handleInvalid="error", dropLast=True)
        self._set(**self._input_kwargs)

    def getDropLast(self) -> bool:
        return self.getOrDefault(self.dropLast)

    def setDropLast(self, value: bool) -> "OneHotEncoder":
        return self._set(dropLast=value)  # type: ignore[return-value]

    def setInputCols(self, value: List[str]) -> "OneHotEncoder":
        return self._set(inputCols=value)  # type: ignore[return-value]

    def setOutputCols(self, value: List[str]) -> "OneHotEncoder":
        return self._set(outputCols=value)  # type: ignore[return-value]

    def setInputCol(self, value: str) -> "OneHotEncoder":
        return self._set(inputCol=value)  # type: ignore[return-value]

    def setOutputCol(self, value: str) -> "OneHotEncoder":
        return self._set(outputCol=value)  # type: ignore[return-value]

    def setHandleInvalid(self, value: str) -> "OneHotEncoder":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def _columns(self) -> Any:
        if self.isSet(self.inputCols):
            return self.getInputCols(), self.getOutputCols()
        return [self.getInputCol()], [self.getOutputCol()]

    def _fit(self, dataset: Any) -> "OneHotEncoderModel":
        from tspark.sql import functions as F
        ins, _ = self._columns()
        row = dataset.agg(*[F.max(F.col(c).cast("double")).alias("m%d" % i) for i, c in enumerate(ins)]).collect()[0]
        sizes = [int(row[i]) + 1 if row[i] is not None else 0 for i in range(len(ins))]
        model = OneHotEncoderModel(sizes)
        self._copyValues(model)
        return model


class OneHotEncoderModel(Model, HasInputCol, HasOutputCol, HasInputCols, HasOutputCols, HasHandleInvalid):
    """A fitted OneHotEncoder: ``categorySizes`` per input column (engine kernel ``ml_one_hot``)."""

    handleInvalid = OneHotEncoder.handleInvalid
    dropLast = OneHotEncoder.dropLast

    def __init__(self, categorySizes: List[int]):
        super().__init__()
        self._sizes = list(categorySizes)
        self._setDefault(handleInvalid="error", dropLast=True)

    @property
    def categorySizes(self) -> List[int]:
        return list(self._sizes)

    def getDropLast(self) -> bool:
        return self.getOrDefault(self.dropLast)

    def setHandleInvalid(self, value: str) -> "OneHotEncoderModel":
        return self._set(handleInvalid=value)  # type: ignore[return-value]

    def setDropLast(self, value: bool) -> "OneHotEncoderModel":
        return self._set(dropLast=value)  # type: ignore[return-value]

    def _transform(self, dataset: Any) -> Any:
        ins, outs = OneHotEncoder._columns(self)  # type: ignore[arg-type]
        keep = self.getHandleInvalid() == "keep"
        for c, o, size in zip(ins, outs, self._sizes):
            call = E.function("ml_one_hot", [to_col_expr(c), make_literal(size), make_literal(self.getDropLast()),
                                             make_literal(keep)])
            dataset = dataset.withColumn(o, Column(call))
        return dataset
