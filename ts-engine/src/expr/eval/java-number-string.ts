// Java's Double.toString and Float.toString, as Spark prints doubles and floats (show, casts,
// JSON, variants); their own module so the JSON and variant kernels need not import to-string.

/** Shortest digits and decimal exponent of a finite non-zero double, e.g. 1234.5 → ["12345", 3]. */
function digitsOf(x: number, precision?: number): [string, number] {
  const e = (precision === undefined ? Math.abs(x).toExponential() : Math.abs(x).toExponential(precision - 1)).split("e");
  const digits = e[0]!.replace(".", "").replace(/0+$/, "") || "0";
  return [digits, Number(e[1])];
}

/** Java-style rendering from shortest digits: plain for 1e-3 ≤ |x| < 1e7, else `d.dddE±n`. */
function javaStyle(x: number, digits: string, exp: number): string {
  const sign = x < 0 ? "-" : "";
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1) || "0";
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  }
  const mant = digits.length === 1 ? `${digits}.0` : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mant}E${exp}`;
}

/** Java's Double.toString as Spark prints doubles: `1.0`, `1.0E10`, `1.0E-4`, `NaN`, `-Infinity`. */
export function doubleToString(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [d, e] = digitsOf(x);
  return javaStyle(x, d, e);
}

/** Java's Float.toString: the shortest digits that round-trip through float32. */
export function floatToString(x: number): string {
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return doubleToString(x);
  for (let p = 1; p <= 9; p++) {
    const [d, e] = digitsOf(x, p);
    if (Math.fround(Number(`${x < 0 ? "-" : ""}${d[0]}.${d.slice(1) || "0"}e${e}`)) === x) return javaStyle(x, d, e);
  }
  return doubleToString(x);
}
