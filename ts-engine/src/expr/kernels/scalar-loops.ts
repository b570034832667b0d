import { assertNever } from "../../errors/assert-never.js";
import type { ArithOp } from "./arith-op.js";
import type { CompareOp } from "./compare-op.js";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * safeLongLoop with a constant right operand (a literal): the same exact formulas and the same
 * one range check per batch, without reading a second array. Returns false when a valid row's
 * result leaves ±2^53 (the caller redoes the batch in BigInt).
 */
export function safeLongScalarLoop(
  op: ArithOp,
  x: Float64Array,
  c: number,
  out: Float64Array,
  n: number,
  validity: Uint8Array | null,
): boolean {
  let bad = false;
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) {
        const r = x[i]! + c;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "-":
      for (let i = 0; i < n; i++) {
        const r = x[i]! - c;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "*":
      for (let i = 0; i < n; i++) {
        const r = x[i]! * c + 0;
        out[i] = r;
        if (r > MAX_SAFE || r < -MAX_SAFE) bad = true;
      }
      break;
    case "%":
      // Exact for integers within ±2^53 (see safeLongLoop); never out of range.
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = a - Math.trunc(a / c) * c + 0;
      }
      break;
    case "div":
      for (let i = 0; i < n; i++) out[i] = Math.trunc(x[i]! / c) + 0;
      break;
    case "/":
      for (let i = 0; i < n; i++) {
        const r = x[i]! / c;
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

/** Double `x op c` for a constant right operand, one loop per operator. */
export function f64ScalarLoop(op: ArithOp, x: Float64Array, c: number, out: Float64Array, n: number): void {
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) out[i] = x[i]! + c;
      return;
    case "-":
      for (let i = 0; i < n; i++) out[i] = x[i]! - c;
      return;
    case "*":
      for (let i = 0; i < n; i++) out[i] = x[i]! * c;
      return;
    case "/":
      for (let i = 0; i < n; i++) out[i] = x[i]! / c;
      return;
    case "%":
      for (let i = 0; i < n; i++) out[i] = x[i]! % c;
      return;
    case "div":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = (a - (a % c)) / c;
      }
  }
}

/**
 * `x op c` for a constant, non-NaN right operand over a Float64Array. Returns whether any x was
 * NaN (then the caller redoes those rows with Spark's NaN ordering).
 */
export function compareScalarLoop(op: CompareOp, x: Float64Array, c: number, out: Uint8Array, n: number): boolean {
  let nan = false;
  switch (op) {
    case "<":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = +(a < c);
        if (a !== a) nan = true;
      }
      break;
    case "<=":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = +(a <= c);
        if (a !== a) nan = true;
      }
      break;
    case ">":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = +(a > c);
        if (a !== a) nan = true;
      }
      break;
    case ">=":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = +(a >= c);
        if (a !== a) nan = true;
      }
      break;
    case "==":
    case "<=>":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        out[i] = +(a === c);
        if (a !== a) nan = true;
      }
      break;
    default:
      return assertNever(op);
  }
  return nan;
}
