/**
 * fdlibm's __ieee754_hypot, which java.lang.StrictMath.hypot (and so Spark's hypot) runs:
 * sqrt(x² + y²) without undue overflow or underflow, to within one ulp and usually exact, by
 * splitting the larger operand into high and low words. V8's Math.hypot uses another method
 * whose last bit differs on some inputs, so the port is needed for Spark's values.
 */
const buf = new Float64Array(1);
const words = new Int32Array(buf.buffer); // little-endian: [low, high]

function hi(x: number): number {
  buf[0] = x;
  return words[1]!;
}
function lo(x: number): number {
  buf[0] = x;
  return words[0]!;
}
function withHi(x: number, h: number): number {
  buf[0] = x;
  words[1] = h;
  return buf[0];
}
function fromWords(h: number, l: number): number {
  words[1] = h;
  words[0] = l;
  return buf[0]!;
}

/** StrictMath.hypot(x, y). */
export function fdlibmHypot(x: number, y: number): number {
  let ha = hi(x) & 0x7fffffff;
  let hb = hi(y) & 0x7fffffff;
  let a: number;
  let b: number;
  if (hb > ha) {
    a = y;
    b = x;
    const j = ha;
    ha = hb;
    hb = j;
  } else {
    a = x;
    b = y;
  }
  a = withHi(a, ha);
  b = withHi(b, hb);
  if (ha - hb > 0x3c00000) return a + b;
  let k = 0;
  if (ha > 0x5f300000) {
    if (ha >= 0x7ff00000) {
      let w = a + b;
      if (((ha & 0xfffff) | lo(a)) === 0) w = a;
      if (((hb ^ 0x7ff00000) | lo(b)) === 0) w = b;
      return w;
    }
    ha -= 0x25800000;
    hb -= 0x25800000;
    k += 600;
    a = withHi(a, ha);
    b = withHi(b, hb);
  }
  if (hb < 0x20b00000) {
    if (hb <= 0x000fffff) {
      if ((hb | lo(b)) === 0) return a;
      const t1 = fromWords(0x7fd00000, 0);
      b *= t1;
      a *= t1;
      k -= 1022;
    } else {
      ha += 0x25800000;
      hb += 0x25800000;
      k -= 600;
      a = withHi(a, ha);
      b = withHi(b, hb);
    }
  }
  let w = a - b;
  if (w > b) {
    const t1 = fromWords(ha, 0);
    const t2 = a - t1;
    w = Math.sqrt(t1 * t1 - (b * -b - t2 * (a + t1)));
  } else {
    a = a + a;
    const y1 = fromWords(hb, 0);
    const y2 = b - y1;
    const t1 = fromWords(ha + 0x00100000, 0);
    const t2 = a - t1;
    w = Math.sqrt(t1 * y1 - (w * -w - (t1 * y2 + t2 * b)));
  }
  if (k !== 0) return fromWords(0x3ff00000 + (k << 20), 0) * w;
  return w;
}
