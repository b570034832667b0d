"""``pyspark.rddsampler``: the per-partition samplers behind RDD.sample, randomSplit, takeSample
and sampleByKey, drawing the same random streams as PySpark's so that a seed selects the same
elements: ``random.Random(seed ^ splitIndex)``, ten warm-up draws (the seeds of neighbouring
partitions are close), then one uniform draw per element (or a Poisson count, with
replacement). Imported by the workers, so it depends on the standard library only.
"""
import math
import random
import sys
from typing import Any, Dict, Iterable, Iterator, Optional

__all__ = ["RDDSampler", "RDDRangeSampler", "RDDStratifiedSampler"]


class RDDSamplerBase:
    """A seeded generator per partition (``seed`` drawn at random when None)."""

    def __init__(self, withReplacement: bool, seed: Optional[int] = None):
        self._seed = seed if seed is not None else random.randint(0, sys.maxsize)
        self._withReplacement = withReplacement
        self._random: Optional[random.Random] = None

    def initRandomGenerator(self, split: int) -> None:
        self._random = random.Random(self._seed ^ split)
        for _ in range(10):  # warm up: seeds of neighbouring splits differ in few bits
            self._random.randint(0, 1)

    def getUniformSample(self) -> float:
        assert self._random is not None
        return self._random.random()

    def getPoissonSample(self, mean: float) -> int:
        """A Poisson(mean) count: Knuth's product of uniforms below 20, summed exponentials above."""
        rnd = self._random
        assert rnd is not None
        k = 0
        if mean < 20.0:
            limit = math.exp(-mean)
            p = rnd.random()
            while p > limit:
                k += 1
                p *= rnd.random()
        else:
            p = rnd.expovariate(mean)
            while p < 1.0:
                k += 1
                p += rnd.expovariate(mean)
        return k


class RDDSampler(RDDSamplerBase):
    """``rdd.sample(withReplacement, fraction, seed)``: Bernoulli or Poisson sampling per element."""

    def __init__(self, withReplacement: bool, fraction: float, seed: Optional[int] = None):
        super().__init__(withReplacement, seed)
        self._fraction = fraction

    def func(self, split: int, iterator: Iterable[Any]) -> Iterator[Any]:
        self.initRandomGenerator(split)
        if self._withReplacement:
            for obj in iterator:
                for _ in range(self.getPoissonSample(self._fraction)):
                    yield obj
        else:
            for obj in iterator:
                if self.getUniformSample() < self._fraction:
                    yield obj


class RDDRangeSampler(RDDSamplerBase):
    """One split of ``randomSplit``: the elements whose draw falls in [lowerBound, upperBound)."""

    def __init__(self, lowerBound: float, upperBound: float, seed: Optional[int] = None):
        super().__init__(False, seed)
        self._lowerBound = lowerBound
        self._upperBound = upperBound

    def func(self, split: int, iterator: Iterable[Any]) -> Iterator[Any]:
        self.initRandomGenerator(split)
        for obj in iterator:
            if self._lowerBound <= self.getUniformSample() < self._upperBound:
                yield obj


class RDDStratifiedSampler(RDDSamplerBase):
    """``sampleByKey``: each (key, value) kept with its key's fraction."""

    def __init__(self, withReplacement: bool, fractions: Dict[Any, float], seed: Optional[int] = None):
        super().__init__(withReplacement, seed)
        self._fractions = fractions

    def func(self, split: int, iterator: Iterable[Any]) -> Iterator[Any]:
        self.initRandomGenerator(split)
        if self._withReplacement:
            for key, val in iterator:
                for _ in range(self.getPoissonSample(self._fractions[key])):
                    yield key, val
        else:
            for key, val in iterator:
                if self.getUniformSample() < self._fractions[key]:
                    yield key, val
