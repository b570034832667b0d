"""Make ``import pyspark...`` resolve to ``tspark...`` (for unmodified PySpark scripts).

A meta-path finder placed first on sys.meta_path maps every ``pyspark.X`` to the already
importable ``tspark.X`` module object, so both names share one module (one SparkSession
class, one set of exception classes). Names tspark lacks fail with ModuleNotFoundError
instead of silently mixing in a real PySpark installation.
"""
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any, Optional, Sequence

_PREFIX = "pyspark"
_TARGET = "tspark"
#: other top-level packages classic PySpark scripts import, and tspark's stand-ins for them
#: (py4j.protocol.Py4JJavaError is what a failed RDD action raises)
_OTHER_PREFIXES = {"py4j": "tspark.py4j"}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str):
        self._target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self._target)

    def exec_module(self, module: ModuleType) -> None:
        # importlib stamped the pyspark spec on the shared module; give tspark's back.
        real = importlib.util.find_spec(self._target)
        if real is not None:
            module.__spec__ = real
            module.__loader__ = real.loader


class PySparkAliasFinder(importlib.abc.MetaPathFinder):
    """Finder for ``pyspark`` and ``pyspark.*`` that serves the tspark modules."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]], target: Any = None
                  ) -> Optional[importlib.machinery.ModuleSpec]:
        top = fullname.split(".", 1)[0]
        if top == _PREFIX:
            target_name = _TARGET + fullname[len(_PREFIX):]
        elif top in _OTHER_PREFIXES:
            target_name = _OTHER_PREFIXES[top] + fullname[len(top):]
        else:
            return None
        if target_name not in sys.modules:
            try:
                real_spec = importlib.util.find_spec(target_name)
            except ModuleNotFoundError:
                real_spec = None
            if real_spec is None:
                raise ModuleNotFoundError(
                    "No module named %r (tspark does not provide %s yet)" % (fullname, target_name),
                    name=fullname)
        is_pkg = hasattr(sys.modules.get(target_name), "__path__") if target_name in sys.modules \
            else real_spec.submodule_search_locations is not None  # type: ignore[union-attr]
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(target_name), is_package=is_pkg)


def install() -> None:
    """Put the finder first on sys.meta_path (idempotent) and drop any pyspark already imported."""
    if not any(isinstance(f, PySparkAliasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, PySparkAliasFinder())
    prefixes = (_PREFIX, *_OTHER_PREFIXES)
    for name in [n for n in sys.modules if n.split(".", 1)[0] in prefixes]:
        mod = sys.modules[name]
        if not getattr(mod, "__name__", "").startswith(_TARGET):
            del sys.modules[name]
