"""Spark's variant binary encoding on the client: what VariantVal.toJson / toPython read and
VariantVal.parseJson writes. The engine builds the bytes (Spark's layout, byte for byte); these
readers give the Python forms PySpark's VariantVal gives: dicts, lists, ints, floats, Decimals,
dates, aware datetimes, bytes; JSON with Python's own escaping and float text, as PySpark's."""
import base64
import datetime
import decimal
import json
import struct
from typing import Any, Dict, List, Tuple
from zoneinfo import ZoneInfo

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_EPOCH_NTZ = datetime.datetime(1970, 1, 1)
_EPOCH_DATE_ORDINAL = datetime.date(1970, 1, 1).toordinal()

# Primitive type ids (the header's upper six bits when the basic type is 0).
_NULL, _TRUE, _FALSE, _INT8, _INT16, _INT32, _INT64, _DOUBLE = 0, 1, 2, 3, 4, 5, 6, 7
_DECIMAL4, _DECIMAL8, _DECIMAL16, _DATE, _TIMESTAMP, _TIMESTAMP_NTZ = 8, 9, 10, 11, 12, 13
_FLOAT, _BINARY, _STRING, _UUID = 14, 15, 16, 20
_INT_BYTES = {_INT8: 1, _INT16: 2, _INT32: 4, _INT64: 8}
_DECIMAL_BYTES = {_DECIMAL4: 4, _DECIMAL8: 8, _DECIMAL16: 16}


def _malformed() -> Exception:
    from tspark.errors import PySparkValueError
    return PySparkValueError(errorClass="MALFORMED_VARIANT", messageParameters={})


def _uint(b: bytes, pos: int, n: int) -> int:
    if pos + n > len(b):
        raise _malformed()
    return int.from_bytes(b[pos:pos + n], "little")


def _sint(b: bytes, pos: int, n: int) -> int:
    if pos + n > len(b):
        raise _malformed()
    return int.from_bytes(b[pos:pos + n], "little", signed=True)


def _key(metadata: bytes, i: int) -> str:
    off_size = ((metadata[0] >> 6) & 3) + 1
    n = _uint(metadata, 1, off_size)
    if i >= n:
        raise _malformed()
    offsets = 1 + off_size
    strings = offsets + (n + 1) * off_size
    start = _uint(metadata, offsets + i * off_size, off_size)
    end = _uint(metadata, offsets + (i + 1) * off_size, off_size)
    return metadata[strings + start:strings + end].decode("utf-8")


def _members(value: bytes, metadata: bytes, pos: int) -> Tuple[str, List[Any]]:
    """('object', [(key, pos)…]) / ('array', [pos…]) / ('scalar', [python value])."""
    if pos >= len(value):
        raise _malformed()
    header = value[pos]
    basic, info = header & 3, header >> 2
    if basic == 1:
        return "scalar", [value[pos + 1:pos + 1 + info].decode("utf-8")]
    if basic == 2:
        off_size, id_size = (info & 3) + 1, ((info >> 2) & 3) + 1
        size_bytes = 4 if (info >> 4) & 1 else 1
        n = _uint(value, pos + 1, size_bytes)
        id_start = pos + 1 + size_bytes
        off_start = id_start + n * id_size
        data = off_start + (n + 1) * off_size
        return "object", [(_key(metadata, _uint(value, id_start + i * id_size, id_size)),
                           data + _uint(value, off_start + i * off_size, off_size)) for i in range(n)]
    if basic == 3:
        off_size = (info & 3) + 1
        size_bytes = 4 if (info >> 2) & 1 else 1
        n = _uint(value, pos + 1, size_bytes)
        off_start = pos + 1 + size_bytes
        data = off_start + (n + 1) * off_size
        return "array", [data + _uint(value, off_start + i * off_size, off_size) for i in range(n)]
    return "scalar", [_primitive(value, pos + 1, info)]


class _Timestamp:
    """A timestamp read from a variant: micros and whether it has a zone (converted per call)."""

    def __init__(self, micros: int, ntz: bool):
        self.micros, self.ntz = micros, ntz

    def at(self, zone_id: str) -> datetime.datetime:
        if self.ntz:
            return _EPOCH_NTZ + datetime.timedelta(microseconds=self.micros)
        return (_EPOCH + datetime.timedelta(microseconds=self.micros)).astimezone(ZoneInfo(zone_id))


def _primitive(b: bytes, at: int, tid: int) -> Any:
    if tid == _NULL:
        return None
    if tid in (_TRUE, _FALSE):
        return tid == _TRUE
    if tid in _INT_BYTES:
        return _sint(b, at, _INT_BYTES[tid])
    if tid == _DOUBLE:
        return struct.unpack_from("<d", b, at)[0]
    if tid == _FLOAT:
        return struct.unpack_from("<f", b, at)[0]
    if tid in _DECIMAL_BYTES:
        scale = b[at]
        unscaled = _sint(b, at + 1, _DECIMAL_BYTES[tid])
        # The same Decimal arithmetic PySpark's reader does (its context's 28 digits included).
        return decimal.Decimal(unscaled) * (decimal.Decimal(10) ** (-scale))
    if tid == _DATE:
        return datetime.date.fromordinal(_EPOCH_DATE_ORDINAL + _sint(b, at, 4))
    if tid in (_TIMESTAMP, _TIMESTAMP_NTZ):
        return _Timestamp(_sint(b, at, 8), tid == _TIMESTAMP_NTZ)
    if tid in (_BINARY, _STRING):
        n = _uint(b, at, 4)
        raw = bytes(b[at + 4:at + 4 + n])
        return raw.decode("utf-8") if tid == _STRING else raw
    if tid == _UUID:
        import uuid
        return str(uuid.UUID(bytes=bytes(b[at:at + 16])))
    from tspark.errors import PySparkValueError
    raise PySparkValueError(errorClass="UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT", messageParameters={"id": str(tid)})


def to_python(value: bytes, metadata: bytes, pos: int = 0) -> Any:
    """The variant as Python values (timestamps in UTC), as PySpark's VariantVal.toPython."""
    kind, parts = _members(value, metadata, pos)
    if kind == "object":
        return {k: to_python(value, metadata, p) for k, p in parts}
    if kind == "array":
        return [to_python(value, metadata, p) for p in parts]
    v = parts[0]
    return v.at("UTC") if isinstance(v, _Timestamp) else v


def to_json(value: bytes, metadata: bytes, zone_id: str = "UTC", pos: int = 0) -> str:
    """The variant's JSON as PySpark's VariantVal.toJson writes it (Python's escaping and float text)."""
    kind, parts = _members(value, metadata, pos)
    if kind == "object":
        return "{" + ",".join(json.dumps(k) + ":" + to_json(value, metadata, zone_id, p) for k, p in parts) + "}"
    if kind == "array":
        return "[" + ",".join(to_json(value, metadata, zone_id, p) for p in parts) + "]"
    v = parts[0]
    if isinstance(v, _Timestamp):
        v = v.at(zone_id)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, bytes):
        return '"' + base64.b64encode(v).decode("utf-8") + '"'
    if isinstance(v, (datetime.date, datetime.datetime)):
        return '"' + str(v) + '"'
    return str(v)


class _Builder:
    """Writes Spark's encoding with the choices of Spark's VariantBuilder (see the engine's variant-builder.ts)."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.keys: Dict[str, int] = {}
        self.key_list: List[bytes] = []

    @staticmethod
    def _size(v: int) -> int:
        return 1 if v <= 0xFF else 2 if v <= 0xFFFF else 3 if v <= 0xFFFFFF else 4

    def _prim(self, tid: int) -> None:
        self.buf.append(tid << 2)

    def value(self, x: Any) -> None:
        if x is None:
            self._prim(_NULL)
        elif isinstance(x, bool):
            self._prim(_TRUE if x else _FALSE)
        elif isinstance(x, int):
            for tid, n in ((_INT8, 1), (_INT16, 2), (_INT32, 4), (_INT64, 8)):
                if -(1 << (8 * n - 1)) <= x < (1 << (8 * n - 1)):
                    self._prim(tid)
                    self.buf += x.to_bytes(n, "little", signed=True)
                    return
            self.number(str(x))
        elif isinstance(x, str):
            b = x.encode("utf-8")
            if len(b) <= 63:
                self.buf.append((len(b) << 2) | 1)
            else:
                self._prim(_STRING)
                self.buf += len(b).to_bytes(4, "little")
            self.buf += b
        elif isinstance(x, _Number):
            self.number(x.text)
        elif isinstance(x, list):
            start, offsets = len(self.buf), []
            for e in x:
                offsets.append(len(self.buf) - start)
                self.value(e)
            self._finish(start, None, offsets)
        elif isinstance(x, dict):
            start, fields = len(self.buf), []
            for k, e in x.items():
                if k not in self.keys:
                    self.keys[k] = len(self.key_list)
                    self.key_list.append(k.encode("utf-8"))
                fields.append((k, self.keys[k], len(self.buf) - start))
                self.value(e)
            self._finish(start, sorted(fields), [f[2] for f in sorted(fields)])

    def number(self, text: str) -> None:
        if all(c in "-.0123456789" for c in text):
            d = decimal.Decimal(text)
            sign, digits, exp = d.as_tuple()
            scale = -int(exp) if isinstance(exp, int) and exp < 0 else 0
            unscaled = int(d.scaleb(scale))
            precision = max(len(str(abs(unscaled))), 1)
            if scale <= 38 and precision <= 38:
                for tid, n, limit in ((_DECIMAL4, 4, 9), (_DECIMAL8, 8, 18), (_DECIMAL16, 16, 38)):
                    if scale <= limit and precision <= limit:
                        self._prim(tid)
                        self.buf.append(scale)
                        self.buf += unscaled.to_bytes(n, "little", signed=True)
                        return
        self._prim(_DOUBLE)
        self.buf += struct.pack("<d", float(text))

    def _finish(self, start: int, fields: Any, offsets: List[int]) -> None:
        data_size = len(self.buf) - start
        n = len(offsets)
        large = n > 0xFF
        off_size = self._size(data_size)
        head = bytearray()
        if fields is None:
            head.append(((1 if large else 0) << 4) | ((off_size - 1) << 2) | 3)
            head += n.to_bytes(4 if large else 1, "little")
        else:
            for a, b in zip(fields, fields[1:]):
                if a[0] == b[0]:
                    from tspark.errors import PySparkValueError
                    raise PySparkValueError(errorClass="VARIANT_DUPLICATE_KEY", messageParameters={"key": b[0]})
            id_size = self._size(max([f[1] for f in fields], default=0))
            head.append(((1 if large else 0) << 6) | ((id_size - 1) << 4) | ((off_size - 1) << 2) | 2)
            head += n.to_bytes(4 if large else 1, "little")
            for f in fields:
                head += f[1].to_bytes(id_size, "little")
        for o in offsets + [data_size]:
            head += o.to_bytes(off_size, "little")
        self.buf[start:start] = head

    def metadata(self) -> bytes:
        size = sum(len(k) for k in self.key_list)
        off_size = self._size(max(size, len(self.key_list)))
        out = bytearray([1 | ((off_size - 1) << 6)])
        out += len(self.key_list).to_bytes(off_size, "little")
        total = 0
        out += (0).to_bytes(off_size, "little")
        for k in self.key_list:
            total += len(k)
            out += total.to_bytes(off_size, "little")
        for k in self.key_list:
            out += k
        return bytes(out)


class _Number:
    """A JSON number kept as its text (decimals stay exact)."""

    def __init__(self, text: str):
        self.text = text


def parse_json(text: str) -> Tuple[bytes, bytes]:
    """(value, metadata) of JSON text, numbers encoded as Spark's parse_json encodes them."""
    parsed = json.loads(text, parse_float=_Number, parse_constant=_reject_constant)
    b = _Builder()
    b.value(parsed)
    return bytes(b.buf), b.metadata()


def _reject_constant(name: str) -> Any:
    raise ValueError("invalid JSON constant " + name)
