"""``pyspark.ml.linalg``: local vectors and matrices (value classes on the client, as in PySpark),
and the user-defined types that carry them in DataFrame columns.

The UDTs' sqlTypes are Spark's own (VectorUDT: struct<type:tinyint,size:int,indices:array<int>,
values:array<double>>), so the engine shows, stores and trains on the same layout Spark writes.
"""
from typing import Any, List, Sequence, Tuple, Union

import numpy as np

from tspark.sql.types import (
    ArrayType, BooleanType, ByteType, DoubleType, IntegerType, StructField, StructType,
    UserDefinedType,
)

__all__ = ["Vector", "DenseVector", "SparseVector", "Vectors", "Matrix", "DenseMatrix",
           "SparseMatrix", "Matrices", "VectorUDT", "MatrixUDT"]


def _format_double(x: float) -> str:
    """A double as str() prints it inside PySpark's vector str()."""
    return str(float(x))


def _format_short(x: float, digits: int = 4) -> str:
    """A double as PySpark's reprs print it: rounded to 4 digits, then cut after them."""
    # numpy's rounding (scale, then round half to even), as PySpark rounds its np.float64 values
    s = str(float(np.round(np.float64(x), digits)))
    return s[: s.index(".") + 1 + digits] if "." in s else s


class VectorUDT(UserDefinedType):
    """The SQL type of a vector column (Spark's org.apache.spark.ml.linalg.VectorUDT)."""

    @classmethod
    def sqlType(cls) -> StructType:
        return StructType([
            StructField("type", ByteType(), False),
            StructField("size", IntegerType(), True),
            StructField("indices", ArrayType(IntegerType(), False), True),
            StructField("values", ArrayType(DoubleType(), False), True)])

    @classmethod
    def module(cls) -> str:
        return "pyspark.ml.linalg"

    @classmethod
    def scalaUDT(cls) -> str:
        return "org.apache.spark.ml.linalg.VectorUDT"

    def serialize(self, obj: Any) -> Tuple[Any, ...]:
        if isinstance(obj, SparseVector):
            return (0, obj.size, [int(i) for i in obj.indices], [float(v) for v in obj.values])
        if isinstance(obj, DenseVector):
            return (1, None, None, [float(v) for v in obj.values])
        raise TypeError("cannot serialize %r of type %r" % (obj, type(obj)))

    def deserialize(self, datum: Any) -> "Vector":
        tpe = datum[0]
        if tpe == 0:
            return SparseVector(datum[1], datum[2], datum[3])
        if tpe == 1:
            return DenseVector(datum[3])
        raise ValueError("do not recognize type %r" % tpe)


class MatrixUDT(UserDefinedType):
    """The SQL type of a matrix column (Spark's org.apache.spark.ml.linalg.MatrixUDT)."""

    @classmethod
    def sqlType(cls) -> StructType:
        return StructType([
            StructField("type", ByteType(), False),
            StructField("numRows", IntegerType(), False),
            StructField("numCols", IntegerType(), False),
            StructField("colPtrs", ArrayType(IntegerType(), False), True),
            StructField("rowIndices", ArrayType(IntegerType(), False), True),
            StructField("values", ArrayType(DoubleType(), False), True),
            StructField("isTransposed", BooleanType(), False)])

    @classmethod
    def module(cls) -> str:
        return "pyspark.ml.linalg"

    @classmethod
    def scalaUDT(cls) -> str:
        return "org.apache.spark.ml.linalg.MatrixUDT"

    def serialize(self, obj: Any) -> Tuple[Any, ...]:
        if isinstance(obj, SparseMatrix):
            return (0, obj.numRows, obj.numCols, [int(i) for i in obj.colPtrs],
                    [int(i) for i in obj.rowIndices], [float(v) for v in obj.values], bool(obj.isTransposed))
        if isinstance(obj, DenseMatrix):
            return (1, obj.numRows, obj.numCols, None, None, [float(v) for v in obj.values], bool(obj.isTransposed))
        raise TypeError("cannot serialize type %r" % type(obj))

    def deserialize(self, datum: Any) -> "Matrix":
        tpe, rows, cols, col_ptrs, row_idx, values, transposed = datum
        if tpe == 0:
            return SparseMatrix(rows, cols, col_ptrs, row_idx, values, transposed)
        if tpe == 1:
            return DenseMatrix(rows, cols, values, transposed)
        raise ValueError("do not recognize type %r" % tpe)


class Vector:
    """Abstract local vector."""

    __UDT__ = VectorUDT()

    def toArray(self) -> np.ndarray:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError


def _double_array(values: Any) -> np.ndarray:
    if isinstance(values, (bytes, bytearray)):
        return np.frombuffer(values, np.float64).copy()
    arr = np.asarray(values, dtype=np.float64)
    return arr.reshape(-1) if arr.ndim != 1 else arr


class DenseVector(Vector):
    """A dense vector over a float64 numpy array (``DenseVector([1.0, 2.0])``)."""

    def __init__(self, ar: Any):
        self.array = _double_array(ar)

    @property
    def values(self) -> np.ndarray:
        return self.array

    def __reduce__(self) -> Tuple[Any, ...]:
        return DenseVector, (self.array.tobytes(),)

    def numNonzeros(self) -> int:
        return int(np.count_nonzero(self.array))

    def norm(self, p: Union[float, str]) -> float:
        return float(np.linalg.norm(self.array, p))

    def dot(self, other: Any) -> float:
        if isinstance(other, SparseVector):
            return other.dot(self)
        if isinstance(other, Vector):
            other = other.toArray()
        if isinstance(other, np.ndarray) and other.ndim > 1:
            assert len(self) == other.shape[0], "dimension mismatch"
            return np.dot(self.array, other)  # type: ignore[return-value]
        assert len(self) == _vector_size(other), "dimension mismatch"
        return float(np.dot(self.array, np.asarray(other, dtype=np.float64)))

    def squared_distance(self, other: Any) -> float:
        if isinstance(other, SparseVector):
            return other.squared_distance(self)
        assert len(self) == _vector_size(other), "dimension mismatch"
        diff = self.array - (other.toArray() if isinstance(other, Vector) else np.asarray(other, dtype=np.float64))
        return float(np.dot(diff, diff))

    def toArray(self) -> np.ndarray:
        return self.array

    def __getitem__(self, item: Any) -> Any:
        return self.array[item]

    def __len__(self) -> int:
        return len(self.array)

    def __iter__(self) -> Any:
        return iter(self.array)

    def __str__(self) -> str:
        return "[" + ",".join(_format_double(v) for v in self.array) + "]"

    def __repr__(self) -> str:
        return "DenseVector([%s])" % ", ".join(_format_short(v) for v in self.array)

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, DenseVector):
            return bool(np.array_equal(self.array, other.array))
        if isinstance(other, SparseVector):
            return len(self) == other.size and bool(np.array_equal(self.array, other.toArray()))
        return False

    def __ne__(self, other: Any) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return _vector_hash(len(self), [(i, v) for i, v in enumerate(self.array) if v != 0])

    def __neg__(self) -> "DenseVector":
        return DenseVector(-self.array)

    def _op(self, other: Any, fn: Any) -> "DenseVector":
        rhs = other.array if isinstance(other, DenseVector) else other
        return DenseVector(fn(self.array, rhs))

    def __add__(self, other: Any) -> "DenseVector":
        return self._op(other, np.add)

    def __sub__(self, other: Any) -> "DenseVector":
        return self._op(other, np.subtract)

    def __mul__(self, other: Any) -> "DenseVector":
        return self._op(other, np.multiply)

    def __truediv__(self, other: Any) -> "DenseVector":
        return self._op(other, np.divide)

    __radd__ = __add__
    __rmul__ = __mul__

    def __rsub__(self, other: Any) -> "DenseVector":
        return DenseVector(np.subtract(other, self.array))

    def __getattr__(self, item: str) -> Any:
        # numpy's methods (sum, mean …) on the values, as PySpark's DenseVector delegates
        if item == "array":
            raise AttributeError(item)
        return getattr(self.array, item)


class SparseVector(Vector):
    """A sparse vector: a size, sorted indices and their values (``SparseVector(3, {0: 1.0})``)."""

    def __init__(self, size: int, *args: Any):
        self.size = int(size)
        if len(args) not in (1, 2):
            raise TypeError("SparseVector takes a size and either a dict, pairs, or indices and values")
        if len(args) == 1:
            pairs = args[0]
            if isinstance(pairs, dict):
                pairs = list(pairs.items())
            pairs = sorted(pairs)
            self.indices = np.array([p[0] for p in pairs], dtype=np.int32)
            self.values = np.array([p[1] for p in pairs], dtype=np.float64)
        else:
            idx, vals = args
            if isinstance(idx, (bytes, bytearray)):
                self.indices = np.frombuffer(idx, np.int32).copy()
                self.values = np.frombuffer(vals, np.float64).copy()
            else:
                self.indices = np.array(list(idx), dtype=np.int32)
                self.values = np.array(list(vals), dtype=np.float64)
            assert len(self.indices) == len(self.values), \
                "Index and value arrays must have the same length"
            for i in range(len(self.indices) - 1):
                if self.indices[i] >= self.indices[i + 1]:
                    raise TypeError("Indices %s and %s are not strictly increasing"
                                    % (self.indices[i], self.indices[i + 1]))
        if self.indices.size > 0:
            assert int(np.max(self.indices)) < self.size, \
                "Index %d is out of the size of vector with size=%d" % (int(np.max(self.indices)), self.size)
            assert int(np.min(self.indices)) >= 0, "Contains negative index %d" % int(np.min(self.indices))

    def __reduce__(self) -> Tuple[Any, ...]:
        return SparseVector, (self.size, self.indices.tobytes(), self.values.tobytes())

    def numNonzeros(self) -> int:
        return int(np.count_nonzero(self.values))

    def norm(self, p: Union[float, str]) -> float:
        return float(np.linalg.norm(self.values, p))

    def dot(self, other: Any) -> float:
        if isinstance(other, SparseVector):
            assert self.size == other.size, "dimension mismatch"
            common, i1, i2 = np.intersect1d(self.indices, other.indices, assume_unique=True, return_indices=True)
            return float(np.dot(self.values[i1], other.values[i2])) if len(common) else 0.0
        dense = other.toArray() if isinstance(other, Vector) else np.asarray(other, dtype=np.float64)
        assert self.size == dense.shape[0], "dimension mismatch"
        if dense.ndim > 1:
            return np.dot(self.values, dense[self.indices])  # type: ignore[return-value]
        return float(np.dot(dense[self.indices], self.values)) if self.indices.size else 0.0

    def squared_distance(self, other: Any) -> float:
        dense = other.toArray() if isinstance(other, Vector) else np.asarray(other, dtype=np.float64)
        assert self.size == dense.shape[0], "dimension mismatch"
        diff = self.toArray() - dense
        return float(np.dot(diff, diff))

    def toArray(self) -> np.ndarray:
        arr = np.zeros((self.size,), dtype=np.float64)
        arr[self.indices] = self.values
        return arr

    def toDense(self) -> DenseVector:
        return DenseVector(self.toArray())

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> float:
        if not isinstance(index, (int, np.integer)):
            raise TypeError("Indices must be of type integer, got type %s" % type(index))
        if index >= self.size or index < -self.size:
            raise IndexError("Index %d out of bounds." % index)
        if index < 0:
            index += self.size
        pos = int(np.searchsorted(self.indices, index))
        if pos < len(self.indices) and self.indices[pos] == index:
            return float(self.values[pos])
        return 0.0

    def __str__(self) -> str:
        inds = "[" + ",".join(str(int(i)) for i in self.indices) + "]"
        vals = "[" + ",".join(_format_double(v) for v in self.values) + "]"
        return "(%d,%s,%s)" % (self.size, inds, vals)

    def __repr__(self) -> str:
        entries = ", ".join("%d: %s" % (int(i), _format_short(v)) for i, v in zip(self.indices, self.values))
        return "SparseVector(%d, {%s})" % (self.size, entries)

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, SparseVector):
            return (self.size == other.size and np.array_equal(self.indices, other.indices)
                    and bool(np.array_equal(self.values, other.values)))
        if isinstance(other, DenseVector):
            return self.size == len(other) and bool(np.array_equal(self.toArray(), other.array))
        return False

    def __ne__(self, other: Any) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return _vector_hash(self.size, [(int(i), v) for i, v in zip(self.indices, self.values) if v != 0])


def _vector_size(v: Any) -> int:
    if isinstance(v, Vector):
        return len(v)
    arr = np.asarray(v)
    if arr.ndim == 1:
        return arr.shape[0]
    if arr.ndim == 2 and arr.shape[1] == 1:
        return arr.shape[0]
    raise TypeError("Cannot treat an ndarray of shape %s as a vector" % (arr.shape,))


def _vector_hash(size: int, nonzeros: List[Tuple[int, float]]) -> int:
    # PySpark hashes the size and the first 16 non-zero entries, so equal vectors hash alike
    # whether dense or sparse
    result = 31 + size
    for i, v in nonzeros[:16]:
        bits = int(np.float64(v).view(np.int64))
        result = 31 * result + i
        result = 31 * result + ((bits ^ (bits >> 32)) & 0xFFFFFFFF)
    return result


class Vectors:
    """Factory methods for vectors (``Vectors.dense(1.0, 2.0)``, ``Vectors.sparse(3, {0: 1.0})``)."""

    @staticmethod
    def sparse(size: int, *args: Any) -> SparseVector:
        return SparseVector(size, *args)

    @staticmethod
    def dense(*elements: Any) -> DenseVector:
        if len(elements) == 1 and not isinstance(elements[0], (float, int)):
            elements = elements[0]
        return DenseVector(elements)

    @staticmethod
    def squared_distance(v1: Vector, v2: Vector) -> float:
        return v1.squared_distance(v2)  # type: ignore[attr-defined]

    @staticmethod
    def norm(vector: Vector, p: Union[float, str]) -> float:
        return vector.norm(p)  # type: ignore[attr-defined]

    @staticmethod
    def zeros(size: int) -> DenseVector:
        return DenseVector(np.zeros(size))

    @staticmethod
    def _equals(v1_indices: Sequence[int], v1_values: Sequence[float],
                v2_indices: Sequence[int], v2_values: Sequence[float]) -> bool:
        a = dict((int(i), float(v)) for i, v in zip(v1_indices, v1_values) if v != 0)
        b = dict((int(i), float(v)) for i, v in zip(v2_indices, v2_values) if v != 0)
        return a == b


class Matrix:
    """Abstract local matrix (column-major, as Spark's)."""

    __UDT__ = MatrixUDT()

    def __init__(self, numRows: int, numCols: int, isTransposed: bool = False):
        self.numRows = numRows
        self.numCols = numCols
        self.isTransposed = isTransposed

    def toArray(self) -> np.ndarray:
        raise NotImplementedError


class DenseMatrix(Matrix):
    """A column-major dense matrix (``DenseMatrix(2, 2, [1.0, 2.0, 3.0, 4.0], False)``)."""

    def __init__(self, numRows: int, numCols: int, values: Any, isTransposed: bool = False):
        Matrix.__init__(self, numRows, numCols, isTransposed)
        self.values = _double_array(values)
        assert len(self.values) == numRows * numCols

    def __reduce__(self) -> Tuple[Any, ...]:
        return DenseMatrix, (self.numRows, self.numCols, self.values.tobytes(), int(self.isTransposed))

    def __str__(self) -> str:
        return "DenseMatrix(%s)" % np.array2string(self.toArray(), separator=", ", prefix="DenseMatrix(")

    def __repr__(self) -> str:
        entries = [_format_short(v) for v in self.values]
        if len(entries) >= 16:
            entries = entries[:8] + ["..."] + entries[-8:]
        return "DenseMatrix(%s, %s, [%s], %s)" % (self.numRows, self.numCols, ", ".join(entries), self.isTransposed)

    def toArray(self) -> np.ndarray:
        if self.isTransposed:
            return np.asfortranarray(self.values.reshape((self.numRows, self.numCols)))
        return self.values.reshape((self.numRows, self.numCols), order="F")

    def toSparse(self) -> "SparseMatrix":
        arr = self.toArray()
        col_ptrs, rows, vals = [0], [], []
        for j in range(self.numCols):
            nz = np.nonzero(arr[:, j])[0]
            rows.extend(int(r) for r in nz)
            vals.extend(float(arr[r, j]) for r in nz)
            col_ptrs.append(len(rows))
        return SparseMatrix(self.numRows, self.numCols, col_ptrs, rows, vals)

    def __getitem__(self, indices: Tuple[int, int]) -> float:
        i, j = indices
        if i < 0 or i >= self.numRows:
            raise IndexError("Row index %d is out of range [0, %d)" % (i, self.numRows))
        if j >= self.numCols or j < 0:
            raise IndexError("Column index %d is out of range [0, %d)" % (j, self.numCols))
        return float(self.values[i * self.numCols + j] if self.isTransposed else self.values[i + j * self.numRows])

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, SparseMatrix):
            return bool(np.all(self.toArray() == other.toArray()))
        if not isinstance(other, DenseMatrix) or self.numRows != other.numRows or self.numCols != other.numCols:
            return False
        return bool(np.all(self.toArray() == other.toArray()))

    def __hash__(self) -> int:
        return hash((self.numRows, self.numCols, self.toArray().tobytes()))


class SparseMatrix(Matrix):
    """A compressed sparse column matrix (``SparseMatrix(2, 2, [0, 1, 2], [0, 1], [1.0, 2.0], False)``)."""

    def __init__(self, numRows: int, numCols: int, colPtrs: Any, rowIndices: Any, values: Any,
                 isTransposed: bool = False):
        Matrix.__init__(self, numRows, numCols, isTransposed)
        self.colPtrs = np.asarray(colPtrs, dtype=np.int32) if not isinstance(colPtrs, (bytes, bytearray)) \
            else np.frombuffer(colPtrs, np.int32).copy()
        self.rowIndices = np.asarray(rowIndices, dtype=np.int32) if not isinstance(rowIndices, (bytes, bytearray)) \
            else np.frombuffer(rowIndices, np.int32).copy()
        self.values = _double_array(values)
        expected = numRows + 1 if isTransposed else numCols + 1
        if self.colPtrs.size != expected:
            raise ValueError("Expected colPtrs of size %d, got %d." % (expected, self.colPtrs.size))
        if self.rowIndices.size != self.values.size:
            raise ValueError("Expected rowIndices of length %d, got %d." % (self.rowIndices.size, self.values.size))

    def __reduce__(self) -> Tuple[Any, ...]:
        return SparseMatrix, (self.numRows, self.numCols, self.colPtrs.tobytes(), self.rowIndices.tobytes(),
                              self.values.tobytes(), int(self.isTransposed))

    def __repr__(self) -> str:
        def cut(items: List[str]) -> List[str]:
            return items[:8] + ["..."] + items[-8:] if len(items) >= 16 else items
        return "SparseMatrix(%s, %s, [%s], [%s], [%s], %s)" % (
            self.numRows, self.numCols, ", ".join(cut([str(int(c)) for c in self.colPtrs])),
            ", ".join(cut([str(int(r)) for r in self.rowIndices])),
            ", ".join(cut([_format_short(v) for v in self.values])), self.isTransposed)

    def __str__(self) -> str:
        lines = ["%d X %d CSC%sMatrix" % (self.numRows, self.numCols, "R" if self.isTransposed else "")]
        outer = self.numRows if self.isTransposed else self.numCols
        for j in range(outer):
            for k in range(int(self.colPtrs[j]), int(self.colPtrs[j + 1])):
                r = int(self.rowIndices[k])
                i, c = (j, r) if self.isTransposed else (r, j)
                lines.append("(%d,%d) %s" % (i, c, _format_double(self.values[k])))
        return "\n".join(lines)

    def toArray(self) -> np.ndarray:
        arr = np.zeros((self.numRows, self.numCols), dtype=np.float64, order="F")
        outer = self.numRows if self.isTransposed else self.numCols
        for j in range(outer):
            for k in range(int(self.colPtrs[j]), int(self.colPtrs[j + 1])):
                r = int(self.rowIndices[k])
                if self.isTransposed:
                    arr[j, r] = self.values[k]
                else:
                    arr[r, j] = self.values[k]
        return arr

    def toDense(self) -> DenseMatrix:
        return DenseMatrix(self.numRows, self.numCols, self.toArray().ravel(order="F"))

    def __getitem__(self, indices: Tuple[int, int]) -> float:
        i, j = indices
        if i < 0 or i >= self.numRows:
            raise IndexError("Row index %d is out of range [0, %d)" % (i, self.numRows))
        if j < 0 or j >= self.numCols:
            raise IndexError("Column index %d is out of range [0, %d)" % (j, self.numCols))
        return float(self.toArray()[i, j])

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Matrix) or self.numRows != other.numRows or self.numCols != other.numCols:
            return False
        return bool(np.all(self.toArray() == other.toArray()))

    def __hash__(self) -> int:
        return hash((self.numRows, self.numCols, self.toArray().tobytes()))


class Matrices:
    """Factory methods for matrices."""

    @staticmethod
    def dense(numRows: int, numCols: int, values: Any) -> DenseMatrix:
        return DenseMatrix(numRows, numCols, values)

    @staticmethod
    def sparse(numRows: int, numCols: int, colPtrs: Any, rowIndices: Any, values: Any) -> SparseMatrix:
        return SparseMatrix(numRows, numCols, colPtrs, rowIndices, values)


def _as_vector(obj: Any) -> Vector:
    """A vector from a Vector, a list/tuple/ndarray of numbers (dense), or a SciPy-free pair dict."""
    if isinstance(obj, Vector):
        return obj
    if isinstance(obj, (list, tuple, np.ndarray, range)):
        return DenseVector(obj)
    raise TypeError("Cannot convert type %s into Vector" % type(obj))

