"""Spark's XORShiftRandom, as far as RDD.repartition needs it: the first ``nextInt(bound)``
of a generator seeded with the map partition's index picks the output partition its first
batch goes to (RDD.coalesce(shuffle=True) deals batches round robin from there)."""

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
_ARRAY_SEED = 0x3C074A61  # Scala's MurmurHash3.arraySeed


def _rotl32(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & _M32


def _mix_last(h: int, k: int) -> int:
    k = (k * 0xCC9E2D51) & _M32
    k = _rotl32(k, 15)
    k = (k * 0x1B873593) & _M32
    return h ^ k


def _murmur3_bytes(data: bytes, seed: int) -> int:
    """Scala's MurmurHash3.bytesHash (little-endian 4-byte blocks), as an unsigned 32-bit int."""
    h = seed & _M32
    n = len(data) - len(data) % 4
    for i in range(0, n, 4):
        h = _mix_last(h, int.from_bytes(data[i:i + 4], "little"))
        h = (_rotl32(h, 13) * 5 + 0xE6546B64) & _M32
    tail = data[n:]
    if tail:
        h = _mix_last(h, int.from_bytes(tail, "little"))
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _M32
    return h ^ (h >> 16)


class XORShiftRandom:
    """java.util.Random's nextInt(bound) over Spark's xorshift next(bits) and hashed seed."""

    def __init__(self, seed: int):
        b = (seed & _M64).to_bytes(8, "big")
        low = _murmur3_bytes(b, _ARRAY_SEED)
        high = _murmur3_bytes(b, low)
        self._seed = (high << 32) | low

    def _next(self, bits: int) -> int:
        s = self._seed
        s ^= (s << 21) & _M64
        s ^= s >> 35
        s ^= (s << 4) & _M64
        self._seed = s
        r = s & ((1 << bits) - 1)
        return r - (1 << 32) if r >= 1 << 31 else r

    def nextInt(self, bound: int) -> int:
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            # Java's `u - r + m < 0` is an int overflow test: redraw while it wraps
            if ((u - r + m + (1 << 31)) & _M32) - (1 << 31) >= 0:
                return r
            u = self._next(31)
