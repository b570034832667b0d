import { assertNever } from "../../errors/assert-never.js";
import { expectStorage, makeVector, numbersOf, type Vector } from "../../columnar/vector.js";
import { allocVector } from "../../columnar/builder.js";
import type { DataType } from "../../types/data-type.js";
import type { ArithOp } from "./arith-op.js";
import { InternalError } from "../../errors/spark-exception.js";
import { arithmeticOverflow, divideByZero } from "../eval/errors.js";
import { andValidity, constantNumber, normalizeLongs, toBigInts, valid } from "../eval/vectors.js";
import { f64ScalarLoop, safeLongScalarLoop } from "./scalar-loops.js";
import { int32Loop } from "./int-loops.js";
import { f64Loop, firstZeroAny, firstZeroF64, firstZeroI32, safeLongLoop } from "./safe-long-loops.js";

export type { ArithOp } from "./arith-op.js";

const TRY_FN: Record<ArithOp, string> = {
  "+": "try_add",
  "-": "try_subtract",
  "*": "try_multiply",
  "/": "try_divide",
  "%": "try_mod",
  div: "try_divide",
};

const INT_RANGE: Record<string, readonly [number, number, string]> = {
  byte: [-128, 127, "tinyint"],
  short: [-32768, 32767, "smallint"],
  integer: [-2147483648, 2147483647, "integer"],
};

/** Wraps an out-of-range integer result like Java's two's complement (non-ANSI mode). */
function wrapInt(kind: string, r: number): number {
  if (kind === "byte") return (r << 24) >> 24;
  if (kind === "short") return (r << 16) >> 16;
  return r | 0;
}

function applyNum(op: ArithOp, x: number, y: number): number {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return x / y;
    case "%":
      return x % y;
    case "div":
      return (x - (x % y)) / y;
  }
}

/** Per-operator loops for float/double results (no overflow checks needed). */
function fractionalLoop(op: ArithOp, x: ArrayLike<number>, y: ArrayLike<number>, out: Float64Array | Float32Array, n: number): void {
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) out[i] = x[i]! + y[i]!;
      return;
    case "-":
      for (let i = 0; i < n; i++) out[i] = x[i]! - y[i]!;
      return;
    case "*":
      for (let i = 0; i < n; i++) out[i] = x[i]! * y[i]!;
      return;
    case "/":
      for (let i = 0; i < n; i++) out[i] = x[i]! / y[i]!;
      return;
    case "%":
    case "div":
      for (let i = 0; i < n; i++) out[i] = applyNum(op, x[i]!, y[i]!);
      break;
    default:
      return assertNever(op);
  }
}

/** Marks rows whose divisor is zero: ANSI raises DIVIDE_BY_ZERO, otherwise they become null. */
function zeroDivisorValidity(b: Vector, validity: Uint8Array | null, ansi: boolean, n: number): Uint8Array | null {
  const c = constantNumber(b);
  if (c !== null && c !== 0) return validity;
  const bd = b.storage === "i64big" ? b.data : numbersOf(b);
  // One typed scan finds the (rare) zero divisors; only their rows are then looked at.
  const next = (from: number): number =>
    bd instanceof Float64Array ? firstZeroF64(bd, from, n) : bd instanceof Int32Array ? firstZeroI32(bd, from, n) : firstZeroAny(bd, from, n);
  let out = validity;
  for (let i = next(0); i !== -1; i = next(i + 1)) {
    if (!valid(validity, i)) continue;
    if (ansi) throw divideByZero();
    if (out === validity) out = validity === null ? new Uint8Array(n).fill(1) : Uint8Array.from(validity);
    out![i] = 0;
  }
  return out;
}

/**
 * `a op b` over whole vectors, Spark semantics: integral results overflow to ARITHMETIC_OVERFLOW in
 * ANSI mode (wrap otherwise); long math runs on doubles while exact and redoes the batch in BigInt when
 * any result leaves ±2^53; division and remainder by zero raise DIVIDE_BY_ZERO (ANSI) or give null.
 */
export function arithmetic(op: ArithOp, a: Vector, b: Vector, resultType: DataType, ansi: boolean): Vector {
  const n = a.length;
  let validity = andValidity(a.validity, b.validity, n);
  if (op === "/" || op === "%" || op === "div") validity = zeroDivisorValidity(b, validity, ansi, n);
  const kind = resultType.kind;
  if (kind === "double" || kind === "float") {
    const ad = numbersOf(a);
    const bd = numbersOf(b);
    const out = kind === "double" ? new Float64Array(n) : new Float32Array(n);
    const c = constantNumber(b);
    if (c !== null && ad instanceof Float64Array && out instanceof Float64Array) f64ScalarLoop(op, ad, c, out, n);
    else if (ad instanceof Float64Array && bd instanceof Float64Array && out instanceof Float64Array) f64Loop(op, ad, bd, out, n);
    else fractionalLoop(op, ad, bd, out, n);
    return makeVector(resultType, out, validity, n);
  }
  const range = INT_RANGE[kind];
  if (range !== undefined) return intArith(op, a, b, resultType, validity, ansi, range);
  if (kind === "long") return longArith(op, a, b, resultType, validity, ansi);
  throw new InternalError(`arithmetic ${op} not supported for ${kind}`);
}

function intArith(
  op: ArithOp,
  a: Vector,
  b: Vector,
  type: DataType,
  validity: Uint8Array | null,
  ansi: boolean,
  [min, max, word]: readonly [number, number, string],
): Vector {
  const n = a.length;
  const ad = numbersOf(a);
  const bd = numbersOf(b);
  if (type.kind === "integer" && ad instanceof Int32Array && bd instanceof Int32Array && (op === "+" || op === "-" || op === "*" || op === "%")) {
    const o = new Int32Array(n);
    if (int32Loop(op, ad, bd, o, n, validity) !== -1 && ansi) throw arithmeticOverflow(word, TRY_FN[op]);
    return makeVector(type, o, validity, n);
  }
  const res = allocVector(type, n, validity);
  const out = numbersOf(res);
  for (let i = 0; i < n; i++) {
    if (!valid(validity, i)) continue;
    const x = ad[i]!;
    const y = bd[i]!;
    let r = applyNum(op, x, y);
    if (r < min || r > max) {
      if (ansi) throw arithmeticOverflow(word, TRY_FN[op]);
      r = op === "*" && type.kind === "integer" ? Math.imul(x, y) : wrapInt(type.kind, r);
    }
    out[i] = r;
  }
  return res;
}

function longArith(op: ArithOp, a: Vector, b: Vector, type: DataType, validity: Uint8Array | null, ansi: boolean): Vector {
  const n = a.length;
  if (a.storage === "f64" && b.storage === "f64") {
    const out = new Float64Array(n);
    const c = constantNumber(b);
    const ok = c !== null ? safeLongScalarLoop(op, a.data, c, out, n, validity) : safeLongLoop(op, a.data, b.data, out, n, validity);
    if (ok) return makeVector(type, out, validity, n);
  }
  return bigLongArith(op, toBigInts(a), toBigInts(b), type, validity, ansi);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

function bigLongArith(
  op: ArithOp,
  ad: BigInt64Array,
  bd: BigInt64Array,
  type: DataType,
  validity: Uint8Array | null,
  ansi: boolean,
): Vector {
  const n = ad.length;
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    if (!valid(validity, i)) continue;
    const x = ad[i]!;
    const y = bd[i]!;
    let r: bigint;
    switch (op) {
      case "+":
        r = x + y;
        break;
      case "-":
        r = x - y;
        break;
      case "*":
        r = x * y;
        break;
      case "%":
        r = x % y;
        break;
      case "/":
      case "div":
        r = x / y; // BigInt division truncates toward zero, as Java's
        break;
      default:
        return assertNever(op);
    }
    if (r < I64_MIN || r > I64_MAX) {
      if (ansi) throw arithmeticOverflow("long", TRY_FN[op]);
      r = BigInt.asIntN(64, r);
    }
    out[i] = r;
  }
  return normalizeLongs(type, out, validity);
}

/** Unary minus; `-MIN_VALUE` overflows (ANSI) exactly like Spark's negateExact. */
export function negate(a: Vector, ansi: boolean): Vector {
  const n = a.length;
  const kind = a.type.kind;
  if (kind === "double" || kind === "float") {
    const src = numbersOf(a);
    const out = kind === "double" ? new Float64Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = -src[i]!;
    return makeVector(a.type, out, a.validity, n);
  }
  const range = INT_RANGE[kind];
  if (range !== undefined) {
    const src = numbersOf(a);
    const res = allocVector(a.type, n, a.validity);
    const out = numbersOf(res);
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      if (x === range[0] && valid(a.validity, i)) {
        if (ansi) throw arithmeticOverflow(range[2], null);
        out[i] = x;
      } else out[i] = -x;
    }
    return res;
  }
  if (kind === "long") {
    if (a.storage === "f64") {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = -a.data[i]! || 0;
      return makeVector(a.type, out, a.validity, n);
    }
    const src = expectStorage(a, "i64big").data;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      if (src[i] === I64_MIN && valid(a.validity, i) && ansi) throw arithmeticOverflow("long", null);
      out[i] = BigInt.asIntN(64, -src[i]!);
    }
    return normalizeLongs(a.type, out, a.validity);
  }
  throw new InternalError(`negative not supported for ${kind}`);
}
