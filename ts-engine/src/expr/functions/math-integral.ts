import { SparkException } from "../../errors/spark-exception.js";
import { ByteType, DoubleType, IntegerType, LongType, StringType, BinaryType, decimalType, isIntegral, isNumeric, type DataType } from "../../types/data-type.js";
import { widerType } from "../../types/coercion.js";
import { divideByZero } from "../eval/errors.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { implicitCast, unexpectedInputType, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, doc, lit, rowFunction } from "./row-function.js";
import { roundDecimalText, type RoundingMode } from "../kernels/decimal-round.js";

// Integral math and number-base conversions (Spark's math_funcs and bitwise_funcs):
// bin, hex/unhex, conv, factorial, pmod, positive, bround, width_bucket, shifts, bit_count,
// bit_get/getbit, bitwise_not. Longs are exact (BigInt past 2^53), Java's wrap-around.

const big = (x: unknown): bigint => (typeof x === "bigint" ? x : BigInt(x as number));

/** A long value in the vector convention: a Number while within ±2^53. */
function longValue(x: bigint): number | bigint {
  return x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x;
}

function hexOfBytes(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex").toUpperCase();
}

/** Spark's Unhex: an odd count gets a leading 0; any non-hex digit gives null. */
function unhex(s: string): Uint8Array | null {
  const t = s.length % 2 === 1 ? "0" + s : s;
  return /^[0-9a-fA-F]*$/.test(t) ? new Uint8Array(Buffer.from(t, "hex")) : null;
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * conv(num, from, to) as Spark's NumberConverter: digits are read as an unsigned 64-bit value
 * until the first character that is no digit of `from`; a negative `to` prints the value
 * signed. Overflow gives -1 (all ones), or ARITHMETIC_OVERFLOW under ANSI mode.
 */
function conv(s: string, from: number, to: number, ansi: boolean): string | null {
  if (from < 2 || from > 36 || Math.abs(to) < 2 || Math.abs(to) > 36 || s === "") return null;
  let negative = s[0] === "-";
  const body = negative ? s.slice(1) : s;
  const M = (1n << 64n) - 1n;
  const radix = BigInt(from);
  let v = 0n;
  for (const ch of body.toUpperCase()) {
    const d = DIGITS.indexOf(ch);
    if (d < 0 || d >= from) break;
    const next = v * radix + BigInt(d);
    if (next > M) {
      if (ansi) throw new SparkException("ArithmeticException", "ARITHMETIC_OVERFLOW", { message: "Overflow in function conv()", alternative: "", config: '"spark.sql.ansi.enabled"' });
      v = M;
      break;
    }
    v = next;
  }
  let signed = BigInt.asIntN(64, v);
  if (negative && to > 0) signed = signed < 0n ? -1n : -signed;
  if (to < 0 && signed < 0n) {
    signed = -signed;
    negative = true;
  } else if (to > 0) negative = false;
  const out = BigInt.asUintN(64, signed).toString(Math.abs(to)).toUpperCase();
  return negative && to < 0 ? "-" + out : out;
}

const FACTORIALS: bigint[] = [1n];
for (let i = 1; i <= 20; i++) FACTORIALS.push(FACTORIALS[i - 1]! * BigInt(i));

/** An integral argument kept at int or long (byte/short widen to int, as Spark's shift functions). */
function intOrLong(display: string, args: readonly Expr[], i: number): Expr {
  const a = args[i]!;
  const t = exprType(a);
  if (t.kind === "long") return a;
  if (t.kind === "byte" || t.kind === "short" || t.kind === "integer" || t.kind === "null") return implicitCast(a, IntegerType);
  throw unexpectedInputType(scalarCall(display, args, IntegerType, true), i, a, '("INT" or "BIGINT")');
}

function shift(name: string, op: (x: bigint, n: bigint, bits: bigint) => bigint, description: string): ScalarFunctionDef {
  const base = rowFunction({
    name,
    doc: doc(`${name}(base, expr)`, description),
    params: ["any", "int"],
    result: (args) => exprType(args[0]!),
    row: ([x, n], _s) => x,
  });
  return {
    ...base,
    resolve(_n, given) {
      const first = intOrLong(name, given, 0);
      const call = base.resolve(name, [first, ...given.slice(1)]);
      return call;
    },
    eval(args, call, ctx, numRows) {
      const bits = call.dataType.kind === "long" ? 64n : 32n;
      const inner = rowFunction({
        name,
        doc: base.doc,
        params: ["any", "int"],
        result: call.dataType,
        row: ([x, n]) => {
          const r = op(big(x), BigInt(n as number) & (bits - 1n), bits);
          return bits === 64n ? longValue(BigInt.asIntN(64, r)) : Number(BigInt.asIntN(32, r));
        },
      });
      return inner.eval(args, call, ctx, numRows);
    },
  };
}

/** bround/round's result type (RoundBase.dataType): decimals get the precision the rounding may need. */
function roundType(t: DataType, scale: number): DataType {
  if (t.kind !== "decimal") return t;
  const integral = t.precision - t.scale + 1;
  if (scale < 0) return decimalType(Math.min(Math.max(integral, -scale + 1), 38), 0);
  const s = Math.min(t.scale, scale);
  return decimalType(Math.min(integral + s, 38), s);
}

function roundValue(x: unknown, t: DataType, scale: number, mode: RoundingMode): unknown {
  switch (t.kind) {
    case "double":
    case "float": {
      const v = x as number;
      if (!Number.isFinite(v)) return v;
      return Number(roundDecimalText(String(v), scale, mode));
    }
    case "decimal":
      return roundDecimalText(x as string, scale < 0 ? scale : Math.min(scale, t.scale), mode);
    default: {
      if (scale >= 0) return x;
      const r = BigInt(roundDecimalText(big(x).toString(), scale, mode));
      return t.kind === "long" ? longValue(BigInt.asIntN(64, r)) : Number(BigInt.asIntN(t.kind === "integer" ? 32 : t.kind === "short" ? 16 : 8, r));
    }
  }
}

const BROUND: ScalarFunctionDef = (() => {
  const spec = (t: DataType): ScalarFunctionDef =>
    rowFunction<number>({
      name: "bround",
      doc: doc("bround(expr[, d])", "Returns `expr` rounded to `d` decimal places (0 by default) with HALF_EVEN rounding."),
      params: ["any", "int"],
      minArgs: 1,
      defaults: [lit(0, IntegerType)],
      result: (args) => roundType(exprType(args[0]!), scaleOf(args[1])),
      prepare: (call) => scaleOf(call.args[1]),
      row: ([x], scale) => roundValue(x, t, scale, "HALF_EVEN"),
    });
  const template = spec(DoubleType);
  return {
    ...template,
    resolve(_n, given) {
      const a = given[0];
      if (a !== undefined) {
        const t = exprType(a);
        const c = isNumeric(t) ? a : coerceArg(a, "numeric");
        if (c === null) throw unexpectedInputType(scalarCall("bround", given, DoubleType, true), 0, a, '"NUMERIC"');
        return template.resolve("bround", [c, ...given.slice(1)]);
      }
      return template.resolve("bround", given);
    },
    eval(args, call, ctx, numRows) {
      return spec(exprType(call.args[0]!)).eval(args, call, ctx, numRows);
    },
  };
})();

function scaleOf(e: Expr | undefined): number {
  return e !== undefined && e.kind === "Literal" && typeof e.value === "number" ? e.value : 0;
}

/** Spark's WidthBucket.computeBucketNumber. */
function widthBucket(v: number, min: number, max: number, n: bigint): number | bigint | null {
  if (n <= 0n || n === 2n ** 63n - 1n || Number.isNaN(v) || min === max || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const nb = Number(n);
  const lower = Math.min(min, max);
  const upper = Math.max(min, max);
  if (min < max) {
    if (v < lower) return 0;
    if (v >= upper) return longValue(n + 1n);
    return Math.trunc((nb * (v - lower)) / (upper - lower)) + 1;
  }
  if (v > upper) return 0;
  if (v <= lower) return longValue(n + 1n);
  return Math.trunc((nb * (upper - v)) / (upper - lower)) + 1;
}

function integralOrBoolean(name: string, given: readonly Expr[]): Expr {
  const a = given[0]!;
  const t = exprType(a);
  if (isIntegral(t) || t.kind === "boolean") return a;
  if (t.kind === "null") return implicitCast(a, IntegerType);
  throw unexpectedInputType(scalarCall(name, given, IntegerType, true), 0, a, '("INTEGRAL" or "BOOLEAN")');
}

function bitWidth(t: DataType): number {
  return t.kind === "long" ? 64 : t.kind === "integer" ? 32 : t.kind === "short" ? 16 : 8;
}

function bitGet(name: string): ScalarFunctionDef {
  return rowFunction({
    name,
    doc: doc(`${name}(expr, pos)`, "Returns the bit (0 or 1) of `expr` at 0-based position `pos` from the right; a position outside the type's width is an error."),
    params: ["integral", "int"],
    result: ByteType,
    prepare: (call) => bitWidth(exprType(call.args[0]!)),
    row: ([x, p], width) => {
      const pos = p as number;
      if (pos < 0 || pos >= width) {
        throw new SparkException("IllegalArgumentException", "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", {
          parameter: "`pos`",
          functionName: `\`${name}\``,
          upper: String(width),
          invalidValue: String(pos),
        });
      }
      return Number((big(x) >> BigInt(pos)) & 1n);
    },
  });
}

function sameTypeNumeric(name: string, display: string, f: (x: unknown, t: DataType) => unknown, description: string, kind: "numeric" | "integral"): ScalarFunctionDef {
  const make = (t: DataType): ScalarFunctionDef =>
    rowFunction({ name, display, doc: doc(`${name}(expr)`, description), params: ["any"], result: t, row: ([x]) => f(x, t) });
  const template = make(LongType);
  return {
    ...template,
    resolve(_n, given) {
      const a = given[0];
      if (a !== undefined) {
        const c = coerceArg(a, kind);
        if (c === null) throw unexpectedInputType(scalarCall(display, given, LongType, true), 0, a, kind === "numeric" ? '"NUMERIC"' : '"INTEGRAL"');
        const call = template.resolve(name, [c]);
        return call.kind === "ScalarCall" ? { ...call, dataType: exprType(c) } : call;
      }
      return template.resolve(name, given);
    },
    eval(args, call, ctx, numRows) {
      return make(call.dataType).eval(args, call, ctx, numRows);
    },
  };
}

/** pmod: the positive remainder in the arguments' common numeric type; by zero is DIVIDE_BY_ZERO under ANSI, else null. */
const PMOD: ScalarFunctionDef = (() => {
  const make = (t: DataType): ScalarFunctionDef =>
    rowFunction({
      name: "pmod",
      doc: doc("pmod(expr1, expr2)", "Returns the positive value of `expr1` mod `expr2`."),
      params: ["any", "any"],
      result: t,
      mayReturnNull: true,
      row: ([a, b], _s, ctx) => {
        if (t.kind === "double" || t.kind === "float") {
          const x = a as number;
          const y = b as number;
          if (y === 0) {
            if (ctx.ansi) throw divideByZero();
            return null;
          }
          const r = x % y;
          return r < 0 ? (r + y) % y : r;
        }
        const x = big(a);
        const y = big(b);
        if (y === 0n) {
          if (ctx.ansi) throw divideByZero();
          return null;
        }
        const r = x % y;
        const p = r < 0n ? (r + y) % y : r;
        return t.kind === "long" ? longValue(p) : Number(p);
      },
    });
  const template = make(LongType);
  return {
    ...template,
    resolve(_n, given) {
      const cs = given.map((a) => coerceArg(a, "numeric"));
      const bad = cs.findIndex((c) => c === null);
      if (bad >= 0) throw unexpectedInputType(scalarCall("pmod", given, LongType, true), bad, given[bad]!, '"NUMERIC"');
      const t = widerType(exprType(cs[0]!), exprType(cs[1] ?? cs[0]!)) ?? DoubleType;
      const tt = t.kind === "decimal" ? DoubleType : t;
      const call = template.resolve("pmod", cs.map((c) => implicitCast(c!, tt)));
      return call.kind === "ScalarCall" ? { ...call, dataType: tt } : call;
    },
    eval(args, call, ctx, numRows) {
      return make(call.dataType).eval(args, call, ctx, numRows);
    },
  };
})();

/** Registry entries for integral math and base conversions. */
export const MATH_INTEGRAL_FUNCTIONS: readonly ScalarFunctionDef[] = [
  rowFunction({
    name: "bin",
    doc: doc("bin(expr)", "Returns the binary digits of the long `expr` (two's complement for negatives)."),
    params: ["long"],
    result: StringType,
    row: ([x]) => BigInt.asUintN(64, big(x)).toString(2),
  }),
  (() => {
    const make = (t: DataType): ScalarFunctionDef =>
      rowFunction({
        name: "hex",
        doc: doc("hex(expr)", "Returns the hexadecimal digits of a long (two's complement), or of the bytes of a string or binary."),
        params: ["any"],
        result: StringType,
        row: ([x]) =>
          t.kind === "binary" ? hexOfBytes(x as Uint8Array) : t.kind === "string" ? hexOfBytes(new TextEncoder().encode(x as string)) : BigInt.asUintN(64, big(x)).toString(16).toUpperCase(),
      });
    const template = make(LongType);
    return {
      ...template,
      resolve(_n: string, given: readonly Expr[]) {
        const a = given[0];
        if (a === undefined) return template.resolve("hex", given);
        const t = exprType(a);
        const c = t.kind === "string" || t.kind === "binary" ? a : isNumeric(t) || t.kind === "null" ? implicitCast(a, LongType) : null;
        if (c === null) throw unexpectedInputType(scalarCall("hex", given, StringType, true), 0, a, '("BIGINT" or "BINARY" or "STRING")');
        return template.resolve("hex", [c, ...given.slice(1)]);
      },
      eval(args: Parameters<ScalarFunctionDef["eval"]>[0], call: Parameters<ScalarFunctionDef["eval"]>[1], ctx: Parameters<ScalarFunctionDef["eval"]>[2], numRows: number) {
        return make(exprType(call.args[0]!)).eval(args, call, ctx, numRows);
      },
    } satisfies ScalarFunctionDef;
  })(),
  rowFunction({
    name: "unhex",
    doc: doc("unhex(expr)", "Converts hexadecimal digits to binary; null when `expr` holds a non-hex character."),
    params: ["string"],
    result: BinaryType,
    mayReturnNull: true,
    row: ([s]) => unhex(s as string),
  }),
  rowFunction({
    name: "conv",
    doc: doc("conv(num, from_base, to_base)", "Converts `num` from base `from_base` to base `to_base` (a negative to_base prints signed)."),
    params: ["string", "int", "int"],
    result: StringType,
    mayReturnNull: true,
    row: ([s, f, t], _st, ctx) => conv(s as string, f as number, t as number, ctx.ansi),
  }),
  rowFunction({
    name: "factorial",
    doc: doc("factorial(expr)", "Returns the factorial of `expr` for 0 <= expr <= 20, else null."),
    params: ["int"],
    result: LongType,
    mayReturnNull: true,
    row: ([x]) => {
      const v = x as number;
      return v < 0 || v > 20 ? null : longValue(FACTORIALS[v]!);
    },
  }),
  PMOD,
  sameTypeNumeric("positive", "unary_plus", (x) => x, "Returns `expr` itself.", "numeric"),
  BROUND,
  rowFunction({
    name: "width_bucket",
    doc: doc("width_bucket(value, min_value, max_value, num_bucket)", "Returns the bucket `value` falls in among `num_bucket` equal-width buckets over [min_value, max_value] (0 below, num_bucket + 1 above)."),
    params: ["double", "double", "double", "long"],
    result: LongType,
    mayReturnNull: true,
    row: ([v, lo, hi, n]) => widthBucket(v as number, lo as number, hi as number, big(n)),
  }),
  shift("shiftleft", (x, n) => x << n, "Shifts `base` left by `expr` bits (Java's <<)."),
  shift("shiftright", (x, n) => x >> n, "Shifts `base` right by `expr` bits, keeping the sign (Java's >>)."),
  shift("shiftrightunsigned", (x, n, bits) => BigInt.asUintN(Number(bits), x) >> n, "Shifts `base` right by `expr` bits, filling with zeros (Java's >>>)."),
  {
    ...rowFunction({
      name: "bit_count",
      doc: doc("bit_count(expr)", "Returns the number of bits set in `expr` as a sign-extended long (or 1/0 for a boolean)."),
      params: ["any"],
      result: IntegerType,
      row: ([x]) => {
        if (typeof x === "boolean") return x ? 1 : 0;
        let v = BigInt.asUintN(64, big(x));
        let c = 0;
        while (v > 0n) {
          c += Number(v & 1n);
          v >>= 1n;
        }
        return c;
      },
    }),
    resolve(_n: string, given: readonly Expr[]) {
      return scalarCall("bit_count", [integralOrBoolean("bit_count", given)], IntegerType, true);
    },
  },
  bitGet("bit_get"),
  bitGet("getbit"),
  sameTypeNumeric("bitwise_not", "~", (x, t) => (t.kind === "long" ? longValue(BigInt.asIntN(64, ~big(x))) : ~(x as number)), "Returns the bitwise NOT of `expr`.", "integral"),
];
