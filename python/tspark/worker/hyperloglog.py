"""The HyperLogLog++ estimate Spark's RDD.countApproxDistinct makes (stream-lib's
HyperLogLogPlus with sparse precision 0): each value hashed with MurmurHash64A of its text
(seed 0xe17a1465), the first p bits picking a register that keeps the longest run of leading
zeros. Below the precision's threshold the estimate is linear counting, m ln(m / zeros), which
is Spark's number exactly; above it this gives the raw HyperLogLog estimate, where Spark
also subtracts an empirical bias (its tables are not reproduced here)."""
import math
from typing import List

_M64 = (1 << 64) - 1
_MUL = 0xC6A4A7935BD1E995
_SEED = 0xE17A1465
#: HyperLogLogPlus.thresholdData, for p = 4 … 18
_THRESHOLDS = [10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000]


def murmur64(data: bytes) -> int:
    """stream-lib's MurmurHash.hash64(byte[], length) (MurmurHash64A), as an unsigned 64-bit int."""
    n = len(data)
    h = (_SEED ^ (n * _MUL)) & _M64
    end = n - n % 8
    for i in range(0, end, 8):
        k = int.from_bytes(data[i:i + 8], "little")
        k = (k * _MUL) & _M64
        k ^= k >> 47
        k = (k * _MUL) & _M64
        h ^= k
        h = (h * _MUL) & _M64
    if n % 8:
        h ^= int.from_bytes(data[end:], "little")
        h = (h * _MUL) & _M64
    h ^= h >> 47
    h = (h * _MUL) & _M64
    h ^= h >> 47
    return h


def precision_for(relative_sd: float) -> int:
    """Spark's precision for a relative standard deviation (at least 4)."""
    p = math.ceil(2.0 * math.log(1.054 / relative_sd) / math.log(2))
    return max(4, p)


class HyperLogLogPlus:
    """Registers of one partition (or merged), and Spark's cardinality of them."""

    def __init__(self, p: int):
        self.p = p
        self.registers: List[int] = [0] * (1 << p)

    def offer(self, text: bytes) -> None:
        h = murmur64(text)
        idx = h >> (64 - self.p)
        w = ((h << self.p) & _M64) | (1 << (self.p - 1))
        lz = 64 - w.bit_length() + 1
        if lz > self.registers[idx]:
            self.registers[idx] = lz

    def merge(self, registers: List[int]) -> None:
        self.registers = [max(a, b) for a, b in zip(self.registers, registers)]

    def cardinality(self) -> int:
        m = len(self.registers)
        zeros = sum(1 for r in self.registers if r == 0)
        if zeros > 0:
            h = m * math.log(m / zeros)
            if h <= _THRESHOLDS[self.p - 4]:
                return int(math.floor(h + 0.5))  # Java's Math.round
        alpha = 0.7213 / (1 + 1.079 / m)
        return int(math.floor(alpha * m * m / sum(2.0 ** -r for r in self.registers) + 0.5))
