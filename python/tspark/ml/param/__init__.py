"""``pyspark.ml.param``: typed, documented parameters of ML stages (Param, Params, TypeConverters).

Params live on the client, as in PySpark: a stage's values travel to the engine inside the
plan its fit or transform builds."""
import copy
from typing import Any, Callable, Dict, List, Optional

from tspark.ml.util import Identifiable

__all__ = ["Param", "Params", "TypeConverters"]


class Param:
    """A parameter: its parent's uid, name, doc and type converter."""

    def __init__(self, parent: Any, name: str, doc: str, typeConverter: Optional[Callable[[Any], Any]] = None):
        if not isinstance(parent, Identifiable):
            raise TypeError("Parent must be an Identifiable but got type %s." % type(parent))
        self.parent = parent.uid
        self.name = str(name)
        self.doc = str(doc)
        self.typeConverter = TypeConverters.identity if typeConverter is None else typeConverter

    def _copy_new_parent(self, parent: Any) -> "Param":
        if self.parent == "undefined":
            param = copy.copy(self)
            param.parent = parent.uid
            return param
        raise ValueError("Cannot copy from non-dummy parent %s." % parent)

    def __str__(self) -> str:
        return str(self.parent) + "__" + self.name

    def __repr__(self) -> str:
        return "Param(parent=%r, name=%r, doc=%r)" % (self.parent, self.name, self.doc)

    def __hash__(self) -> int:
        return hash(str(self))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Param) and self.parent == other.parent and self.name == other.name


def _is_numeric(v: Any) -> bool:
    return type(v) in (int, float) or type(v).__module__ == "numpy" and hasattr(v, "dtype") and v.dtype.kind in "iuf"


def _is_integer(v: Any) -> bool:
    return _is_numeric(v) and float(v).is_integer()


class TypeConverters:
    """Converters PySpark applies when a param is set (errors as PySpark's TypeError)."""

    @staticmethod
    def identity(value: Any) -> Any:
        return value

    @staticmethod
    def toList(value: Any) -> List[Any]:
        if type(value) == list:
            return value
        if hasattr(value, "tolist") or isinstance(value, (tuple, range)):
            return list(value.tolist() if hasattr(value, "tolist") else value)
        raise TypeError("Could not convert %s to list" % value)

    @staticmethod
    def toListFloat(value: Any) -> List[float]:
        v = TypeConverters.toList(value)
        if all(_is_numeric(x) for x in v):
            return [float(x) for x in v]
        raise TypeError("Could not convert %s to list of floats" % value)

    @staticmethod
    def toListInt(value: Any) -> List[int]:
        v = TypeConverters.toList(value)
        if all(_is_integer(x) for x in v):
            return [int(x) for x in v]
        raise TypeError("Could not convert %s to list of ints" % value)

    @staticmethod
    def toListString(value: Any) -> List[str]:
        v = TypeConverters.toList(value)
        if all(isinstance(x, str) for x in v):
            return [str(x) for x in v]
        raise TypeError("Could not convert %s to list of strings" % value)

    @staticmethod
    def toVector(value: Any) -> Any:
        from tspark.ml.linalg import DenseVector, Vector
        if isinstance(value, Vector):
            return value
        if all(_is_numeric(x) for x in TypeConverters.toList(value)):
            return DenseVector(value)
        raise TypeError("Could not convert %s to vector" % value)

    @staticmethod
    def toFloat(value: Any) -> float:
        if _is_numeric(value):
            return float(value)
        raise TypeError("Could not convert %s to float" % value)

    @staticmethod
    def toInt(value: Any) -> int:
        if _is_integer(value):
            return int(value)
        raise TypeError("Could not convert %s to int" % value)

    @staticmethod
    def toString(value: Any) -> str:
        if isinstance(value, str):
            return value
        raise TypeError("Could not convert %s to string type" % type(value))

    @staticmethod
    def toBoolean(value: Any) -> bool:
        if type(value) == bool:
            return value
        raise TypeError("Boolean Param requires value of type bool. Found %s." % type(value))


class Params(Identifiable):
    """Components that take parameters: set/get/default values, explainParams, copy."""

    def __init__(self) -> None:
        super().__init__()
        self._paramMap: Dict[Param, Any] = {}
        self._defaultParamMap: Dict[Param, Any] = {}
        self._params: Optional[List[Param]] = None
        self._copy_params()

    def _copy_params(self) -> None:
        # class-level Params (declared with parent "undefined") become this instance's own
        cls = type(self)
        for name in dir(cls):
            attr = getattr(cls, name, None)
            if isinstance(attr, Param):
                setattr(self, name, attr._copy_new_parent(self))

    @property
    def params(self) -> List[Param]:
        """Every param of this instance, sorted by name."""
        if self._params is None:
            self._params = sorted(
                (getattr(self, x) for x in dir(self) if x != "params" and not isinstance(getattr(type(self), x, None), property)
                 and isinstance(getattr(self, x), Param)), key=lambda p: p.name)
        return self._params

    def explainParam(self, param: Any) -> str:
        param = self._resolveParam(param)
        values = []
        if self.isDefined(param):
            if param in self._defaultParamMap:
                values.append("default: %s" % self._defaultParamMap[param])
            if param in self._paramMap:
                values.append("current: %s" % self._paramMap[param])
        else:
            values.append("undefined")
        return "%s: %s (%s)" % (param.name, param.doc, ", ".join(values))

    def explainParams(self) -> str:
        return "\n".join(self.explainParam(p) for p in self.params)

    def getParam(self, paramName: str) -> Param:
        param = getattr(self, paramName, None)
        if isinstance(param, Param):
            return param
        raise AttributeError("Cannot find param with name %s." % paramName)

    def isSet(self, param: Any) -> bool:
        return self._resolveParam(param) in self._paramMap

    def hasDefault(self, param: Any) -> bool:
        return self._resolveParam(param) in self._defaultParamMap

    def isDefined(self, param: Any) -> bool:
        return self.isSet(param) or self.hasDefault(param)

    def hasParam(self, paramName: str) -> bool:
        if isinstance(paramName, str):
            return isinstance(getattr(self, paramName, None), Param)
        raise TypeError("hasParam(): paramName must be a string")

    def getOrDefault(self, param: Any) -> Any:
        param = self._resolveParam(param)
        if param in self._paramMap:
            return self._paramMap[param]
        if param in self._defaultParamMap:
            return self._defaultParamMap[param]
        raise KeyError("Failed to find a default value for %s" % param.name)

    def extractParamMap(self, extra: Optional[Dict[Param, Any]] = None) -> Dict[Param, Any]:
        out = dict(self._defaultParamMap)
        out.update(self._paramMap)
        if extra:
            out.update(extra)
        return out

    def copy(self, extra: Optional[Dict[Param, Any]] = None) -> "Params":
        """A shallow copy with the same uid and param values, then ``extra`` set (PySpark's Params.copy)."""
        that = copy.copy(self)
        that._paramMap = {}
        that._defaultParamMap = {}
        return self._copyValues(that, extra)

    def set(self, param: Param, value: Any) -> None:
        self._shouldOwn(param)
        self._paramMap[param] = param.typeConverter(value)

    def clear(self, param: Param) -> None:
        self._paramMap.pop(self._resolveParam(param), None)

    def _shouldOwn(self, param: Param) -> None:
        if not (self.uid == param.parent and self.hasParam(param.name)):
            raise ValueError("Param %r does not belong to %r." % (param, self))

    def _resolveParam(self, param: Any) -> Param:
        if isinstance(param, Param):
            self._shouldOwn(param)
            return param
        if isinstance(param, str):
            return self.getParam(param)
        raise TypeError("Cannot resolve %r as a param." % param)

    def _set(self, **kwargs: Any) -> "Params":
        for name, value in kwargs.items():
            p = self.getParam(name)
            if value is not None:
                try:
                    value = p.typeConverter(value)
                except TypeError as e:
                    raise TypeError('Invalid param value given for param "%s". %s' % (p.name, e))
            self._paramMap[p] = value
        return self

    def _setDefault(self, **kwargs: Any) -> "Params":
        for name, value in kwargs.items():
            p = getattr(self, name)
            if value is not None and not callable(value):
                value = p.typeConverter(value)
            self._defaultParamMap[p] = value
        return self

    def _copyValues(self, to: "Params", extra: Optional[Dict[Param, Any]] = None) -> "Params":
        param_map = dict(self._paramMap)
        if extra:
            param_map.update(extra)
        for p in self.params:
            if p in self._defaultParamMap and to.hasParam(p.name):
                to._defaultParamMap[to.getParam(p.name)] = self._defaultParamMap[p]
            if p in param_map and to.hasParam(p.name):
                to._set(**{p.name: param_map[p]})
        return to

    @staticmethod
    def _dummy() -> "Params":
        d = Params()
        d.uid = "undefined"
        return d

    def _wire_params(self) -> Dict[str, Any]:
        """Every defined param by name: what the engine-side kernels are given."""
        return {p.name: self.getOrDefault(p) for p in self.params if self.isDefined(p)}
