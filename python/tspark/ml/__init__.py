"""``pyspark.ml``: DataFrame-based machine learning. Stages keep their params on the client
and build plans; the engine (ts-engine/src/ml, expr/functions/ml-*) fits and transforms."""
from tspark.ml.base import Estimator, Model, Transformer
from tspark.ml.pipeline import Pipeline, PipelineModel

__all__ = ["Transformer", "Estimator", "Model", "Pipeline", "PipelineModel"]
