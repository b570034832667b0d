"""ML scenarios on scikit-learn's bundled datasets, run unchanged on real PySpark (record.py
writes their results to reference.json) and on tspark (tests/e2e/test_ml_*.py compares).
Each scenario returns plain JSON values: numbers are compared with a tolerance, text exactly."""
import re
from typing import Any, Callable, Dict, List


def _diabetes(spark: Any) -> Any:
    from sklearn.datasets import load_diabetes
    d = load_diabetes()
    names = list(d.feature_names)
    rows = [tuple(float(x) for x in r) + (float(t), float(1 + i % 3)) for i, (r, t) in enumerate(zip(d.data, d.target))]
    return spark.createDataFrame(rows, names + ["label", "w"]), names


def _assembled(spark: Any) -> Any:
    from pyspark.ml.feature import VectorAssembler
    df, names = _diabetes(spark)
    return VectorAssembler(inputCols=names, outputCol="features").transform(df)


def _lr_fit(spark: Any, **params: Any) -> Dict[str, Any]:
    from pyspark.ml.regression import LinearRegression
    m = LinearRegression(**params).fit(_assembled(spark))
    s = m.summary
    return {"coefficients": [float(x) for x in m.coefficients], "intercept": m.intercept,
            "r2": s.r2, "rmse": s.rootMeanSquaredError, "mse": s.meanSquaredError,
            "explainedVariance": s.explainedVariance, "numInstances": s.numInstances}


def linear_regression_ols(spark: Any) -> Dict[str, Any]:
    return _lr_fit(spark)


def linear_regression_normal_no_intercept(spark: Any) -> Dict[str, Any]:
    return _lr_fit(spark, solver="normal", fitIntercept=False)


def linear_regression_ridge(spark: Any) -> Dict[str, Any]:
    return _lr_fit(spark, solver="normal", regParam=0.5)


def linear_regression_ridge_unstandardized(spark: Any) -> Dict[str, Any]:
    return _lr_fit(spark, solver="normal", regParam=0.05, standardization=False)


def linear_regression_weighted(spark: Any) -> Dict[str, Any]:
    return {k: v for k, v in _lr_fit(spark, weightCol="w").items() if k in ("coefficients", "intercept")}


def regression_evaluator(spark: Any) -> Dict[str, Any]:
    from pyspark.ml import Pipeline
    from pyspark.ml.evaluation import RegressionEvaluator
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.regression import LinearRegression
    df, names = _diabetes(spark)
    model = Pipeline(stages=[VectorAssembler(inputCols=names[:4], outputCol="features"), LinearRegression()]).fit(df)
    pred = model.transform(df)
    out = {m: RegressionEvaluator(metricName=m).evaluate(pred) for m in ["rmse", "mse", "r2", "mae", "var"]}
    out["weighted_rmse"] = RegressionEvaluator(weightCol="w").evaluate(pred)
    out["first_predictions"] = [r.prediction for r in pred.select("prediction").limit(5).collect()]
    return out


def params_api(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.regression import LinearRegression
    lr = LinearRegression(maxIter=5, regParam=0.1)
    lr2 = lr.copy({lr.regParam: 0.3})
    va = VectorAssembler(inputCols=["a"], outputCol="v")
    return {
        "explain": re.sub(r"_[0-9a-f]{12}", "_UID", lr.explainParams()),
        "explain_assembler": re.sub(r"_[0-9a-f]{12}", "_UID", va.explainParams()),
        "uid_shape": bool(re.fullmatch(r"LinearRegression_[0-9a-f]{12}", lr.uid)),
        "copy_keeps_uid": lr2.uid == lr.uid,
        "copy_regParam": [lr.getRegParam(), lr2.getRegParam()],
        "isSet": [lr.isSet("maxIter"), lr.isSet("tol"), lr.hasDefault("tol"), lr.isDefined("weightCol")],
        "getOrDefault": [lr.getOrDefault("tol"), lr.getOrDefault(lr.maxIter), lr.getSolver()],
        "param_repr": re.sub(r"_[0-9a-f]{12}", "_UID", repr(lr.regParam)),
        "param_str": re.sub(r"_[0-9a-f]{12}", "_UID", str(lr.regParam)),
        "params": [p.name for p in lr.params],
    }


def vector_assembler_invalid(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.linalg import Vectors
    df = spark.createDataFrame([(1.0, Vectors.dense(1.0, 0.0), 0.5, 0), (None, Vectors.sparse(2, {1: 3.0}), 1.0, 1),
                                (float("nan"), Vectors.dense(0.0, 0.0), None, 2), (0.0, Vectors.sparse(2, {}), 0.0, 3)],
                               ["x", "v", "y", "i"])
    out: Dict[str, Any] = {}
    rows = VectorAssembler(inputCols=["x", "v", "i"], outputCol="f", handleInvalid="skip").transform(df).orderBy("i").collect()
    out["skip"] = [repr(r.f) for r in rows]
    # keep needs every vector column's size known (VectorSizeHint): numeric columns only here
    rows = VectorAssembler(inputCols=["x", "y", "i"], outputCol="f", handleInvalid="keep").transform(df).orderBy("i").collect()
    out["keep"] = [repr(r.f) for r in rows]
    try:
        VectorAssembler(inputCols=["x", "v"], outputCol="f").transform(df).collect()
        out["error"] = "no error"
    except Exception as e:  # noqa: BLE001 - the class name is what is compared
        out["error"] = type(e).__name__
    return out


def scalers(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import MinMaxScaler, StandardScaler
    df = _assembled(spark)
    std = StandardScaler(inputCol="features", outputCol="s").fit(df)
    centred = StandardScaler(inputCol="features", outputCol="s", withMean=True).fit(df)
    mm = MinMaxScaler(inputCol="features", outputCol="m", min=-1.0, max=2.0).fit(df)
    first = lambda m, c: [float(x) for x in m.transform(df).select(c).first()[0]]  # noqa: E731
    return {"std": [float(x) for x in std.std], "mean": [float(x) for x in std.mean],
            "scaled": first(std, "s"), "centred": first(centred, "s"),
            "originalMin": [float(x) for x in mm.originalMin], "originalMax": [float(x) for x in mm.originalMax],
            "minmax": first(mm, "m")}


def scaler_sparse_and_constant(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import MinMaxScaler, StandardScaler
    from pyspark.ml.linalg import Vectors
    df = spark.createDataFrame([(Vectors.sparse(3, {0: 2.0}),), (Vectors.dense(4.0, 1.0, 5.0),),
                                (Vectors.sparse(3, {2: 5.0}),)], ["v"])
    s = StandardScaler(inputCol="v", outputCol="o").fit(df).transform(df)
    m = MinMaxScaler(inputCol="v", outputCol="o").fit(df).transform(df)
    return {"standard": [repr(r.o) for r in s.collect()], "minmax": [repr(r.o) for r in m.collect()]}


def string_indexer(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import StringIndexer
    from sklearn.datasets import load_wine
    wine = load_wine()
    rows = [("class_%d" % t, "c%d" % (i % 4 if i % 7 else 1)) for i, t in enumerate(wine.target)]
    df = spark.createDataFrame(rows, ["cls", "tie"])
    out: Dict[str, Any] = {}
    for order in ["frequencyDesc", "frequencyAsc", "alphabetDesc", "alphabetAsc"]:
        out[order] = StringIndexer(inputCol="tie", outputCol="i", stringOrderType=order).fit(df).labels
    model = StringIndexer(inputCol="cls", outputCol="i").fit(df)
    out["labels"] = model.labels
    out["indices"] = [r.i for r in model.transform(df).select("i").limit(8).collect()]
    unseen = spark.createDataFrame([("class_9",), ("class_1",), (None,)], ["cls"])
    out["keep"] = [r.i for r in model.setHandleInvalid("keep").transform(unseen).collect()]
    out["skip"] = [r.i for r in model.setHandleInvalid("skip").transform(unseen).collect()]
    return out


def bucketizer_and_tokenizer(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import Bucketizer, Tokenizer
    df = spark.createDataFrame([(-0.5, "Hello  World"), (0.0, "a\tB c "), (0.5, "Spark"), (1.0, " lead"),
                                (float("nan"), "x")], ["x", "t"])
    b = Bucketizer(splits=[-1.0, 0.0, 0.5, 1.0], inputCol="x", outputCol="b")
    out = {"keep": [r.b for r in b.setHandleInvalid("keep").transform(df).collect()],
           "skip": [r.b for r in b.setHandleInvalid("skip").transform(df).collect()],
           "tokens": [r.w for r in Tokenizer(inputCol="t", outputCol="w").transform(df).collect()]}
    return out


def one_hot_encoder(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import OneHotEncoder
    df = spark.createDataFrame([(0.0, 1.0), (1.0, 0.0), (2.0, 1.0), (0.0, 2.0)], ["a", "b"])
    model = OneHotEncoder(inputCols=["a", "b"], outputCols=["va", "vb"]).fit(df)
    out: Dict[str, Any] = {"sizes": model.categorySizes,
                           "dropLast": [[repr(r.va), repr(r.vb)] for r in model.transform(df).collect()]}
    full = OneHotEncoder(inputCol="a", outputCol="v", dropLast=False).fit(df)
    out["full"] = [repr(r.v) for r in full.transform(df).collect()]
    unseen = spark.createDataFrame([(5.0, 0.0), (1.0, 0.0)], ["a", "b"])
    out["keep"] = [repr(r.va) for r in model.setHandleInvalid("keep").transform(unseen).collect()]
    out["keep_full"] = [repr(r.v) for r in full.setHandleInvalid("keep").transform(unseen).collect()]
    return out


def bad_input(spark: Any) -> Dict[str, Any]:
    from pyspark.ml.feature import StandardScaler
    from pyspark.ml.regression import LinearRegression
    df = spark.createDataFrame([(1.0, 2.0)], ["features", "label"])
    out: Dict[str, Any] = {}
    for name, stage in [("linear_regression", LinearRegression()),
                        ("standard_scaler", StandardScaler(inputCol="features", outputCol="o"))]:
        try:
            stage.fit(df)
            out[name] = "no error"
        except Exception as e:  # noqa: BLE001 - class and message are what is compared
            out[name] = [type(e).__name__, str(e).split("\n")[0]]
    return out


SCENARIOS: Dict[str, Callable[[Any], Dict[str, Any]]] = {
    f.__name__: f for f in [linear_regression_ols, linear_regression_normal_no_intercept, linear_regression_ridge,
                            linear_regression_ridge_unstandardized, linear_regression_weighted,
                            regression_evaluator, params_api, vector_assembler_invalid, scalers,
                            scaler_sparse_and_constant, string_indexer, bucketizer_and_tokenizer, one_hot_encoder,
                            bad_input]}


def run_all(spark: Any, names: List[str]) -> Dict[str, Any]:
    return {n: SCENARIOS[n](spark) for n in names}
