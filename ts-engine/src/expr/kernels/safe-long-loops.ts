import { assertNever } from "../../errors/assert-never.js";
import type { ArithOp } from "./arith-op.js";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * LongType `x op y` over the Float64 fast path (every operand an integer within ±2^53), one
 * monomorphic loop per operator. Returns false when a valid row's result leaves ±2^53, so the
 * caller redoes the batch exactly in BigInt; out-of-range results in null rows are zeroed.
 * A product past 2^53 rounds to at least 2^53, so the one range test also catches inexact
 * products. `%`, `*` and `div` add 0 so a negative zero never reaches LongType storage.
 */
export function safeLongLoop(
  op: ArithOp,
  x: Float64Array,
  y: Float64Array,
  out: Float64Array,
  n: number,
  validity: Uint8Array | null,
): boolean {
  let bad = false;
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) {
        const r = x[i]! + y[i]!;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "-":
      for (let i = 0; i < n; i++) {
        const r = x[i]! - y[i]!;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "*":
      for (let i = 0; i < n; i++) {
        const r = x[i]! * y[i]! + 0;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "%":
      // |x % y| < |y|: always in range. A double `%` is a slow fmod call; for integers within
      // ±2^53 the quotient's rounding error stays below 1/|y|, so trunc(x / y) is the exact Java
      // quotient and x - q * y the exact remainder (sign of x). `+ 0` turns -0 into 0.
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = a - Math.trunc(a / b) * b + 0;
      }
      break;
    case "div":
      // Truncating division (exact, as above); |result| <= |x|, so always in range.
      for (let i = 0; i < n; i++) out[i] = Math.trunc(x[i]! / y[i]!) + 0;
      break;
    case "/":
      for (let i = 0; i < n; i++) {
        const r = x[i]! / y[i]!;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    default:
      return assertNever(op);
  }
  if (!bad) return true;
  if (validity === null) return false;
  for (let i = 0; i < n; i++) {
    const r = out[i]!;
    if (r > MAX_SAFE || r < -MAX_SAFE) {
      if (validity[i] === 1) return false;
      out[i] = 0;
    }
  }
  return true;
}

/** Index of the first zero in `d` at or after `from`, or -1 (typed per array so each loop stays monomorphic). */
export function firstZeroF64(d: Float64Array, from: number, n: number): number {
  for (let i = from; i < n; i++) if (d[i] === 0) return i;
  return -1;
}

/** Int32Array twin of firstZeroF64. */
export function firstZeroI32(d: Int32Array, from: number, n: number): number {
  for (let i = from; i < n; i++) if (d[i] === 0) return i;
  return -1;
}

/** Any other storage (narrow ints, floats, BigInt64). */
export function firstZeroAny(d: ArrayLike<number | bigint>, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const y = d[i]!;
    if (y === 0 || y === 0n) return i;
  }
  return -1;
}

/** Float64 `x op y` for double results, one loop per operator. */
export function f64Loop(op: ArithOp, x: Float64Array, y: Float64Array, out: Float64Array, n: number): void {
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
      for (let i = 0; i < n; i++) out[i] = x[i]! % y[i]!;
      return;
    case "div":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = (a - (a % b)) / b;
      }
  }
}
