/**
 * Parquet's RLE / bit-packed hybrid encoding (definition levels, repetition levels,
 * dictionary indices, RLE booleans), decoded straight into an Int32Array. The library's own
 * decoder (hyparquet's readRleBitPackedHybrid) reads through a DataView into a JS array one
 * byte call at a time; this loop over the bytes is the hot path of every dictionary-encoded
 * column, so it is written here (measured in io/parquet/README.md).
 */

/**
 * Decodes `count` values of `width` bits from bytes[pos, end) into out[outStart, outStart +
 * count). Runs past `count` (a bit-packed run is padded to a multiple of 8 values) are
 * ignored. Returns the number of values written (less than `count` only for truncated data).
 */
export function decodeRleBitPacked(
  bytes: Uint8Array,
  pos: number,
  end: number,
  width: number,
  out: Int32Array,
  outStart: number,
  count: number,
): number {
  const stopAll = outStart + count;
  let seen = outStart;
  const byteWidth = (width + 7) >> 3;
  while (seen < stopAll && pos < end) {
    // ULEB128 run header: low bit 1 = bit-packed groups of 8, 0 = a repeated run.
    let header = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++]!;
      header += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while ((b & 0x80) !== 0 && pos < end);
    if (header % 2 === 1) {
      const groups = Math.floor(header / 2);
      const runEnd = pos + groups * width;
      const stop = Math.min(stopAll, seen + groups * 8);
      unpackBits(bytes, pos, width, out, seen, stop);
      pos = runEnd;
      seen = stop;
    } else {
      const run = Math.floor(header / 2);
      let v = 0;
      for (let k = 0; k < byteWidth; k++) v += bytes[pos++]! * 2 ** (8 * k);
      const stop = Math.min(stopAll, seen + run);
      out.fill(v | 0, seen, stop);
      seen = stop;
    }
  }
  return seen - outStart;
}

/** Little-endian bit unpacking of out[from, to) from bytes starting at `pos`. */
function unpackBits(bytes: Uint8Array, pos: number, width: number, out: Int32Array, from: number, to: number): void {
  if (width === 0) {
    out.fill(0, from, to);
    return;
  }
  if (width === 1) {
    for (let i = from, k = 0; i < to; i++, k++) out[i] = (bytes[pos + (k >> 3)]! >> (k & 7)) & 1;
    return;
  }
  if (width <= 24) {
    // The accumulator never holds more than width + 7 ≤ 31 bits.
    const mask = (1 << width) - 1;
    let acc = 0;
    let bits = 0;
    for (let i = from; i < to; i++) {
      while (bits < width) {
        acc |= bytes[pos++]! << bits;
        bits += 8;
      }
      out[i] = acc & mask;
      acc >>>= width;
      bits -= width;
    }
    return;
  }
  // Wide values (dictionaries past 2^24 entries): exact arithmetic on doubles.
  let bitPos = pos * 8;
  for (let i = from; i < to; i++) {
    let v = 0;
    for (let k = 0; k < width; k++, bitPos++) {
      if ((bytes[bitPos >> 3]! >> (bitPos & 7)) & 1) v += 2 ** k;
    }
    out[i] = v | 0;
  }
}
