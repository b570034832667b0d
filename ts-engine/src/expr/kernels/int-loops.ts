import type { ArithOp } from "./arith-op.js";

const MIN = -2147483648;
const MAX = 2147483647;

/** The exact (double) result of one int op, for the overflow re-check. */
function exactInt(op: ArithOp, a: number, b: number): number {
  return op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : a % b;
}

/**
 * IntegerType `x op y` for +, -, *, % as one monomorphic Int32 loop per operator. The stores
 * wrap like Java's int arithmetic (Math.imul for *: a double product past 2^53 is inexact); a
 * single flag per batch records whether any row left the int range. Returns the index of the
 * first valid row that overflowed (ANSI raises ARITHMETIC_OVERFLOW there), or -1.
 */
export function int32Loop(
  op: "+" | "-" | "*" | "%",
  x: Int32Array,
  y: Int32Array,
  out: Int32Array,
  n: number,
  validity: Uint8Array | null,
): number {
  let bad = false;
  switch (op) {
    case "+":
      for (let i = 0; i < n; i++) {
        const r = x[i]! + y[i]!;
        out[i] = r;
        if (r > MAX || r < MIN) bad = true;
      }
      break;
    case "-":
      for (let i = 0; i < n; i++) {
        const r = x[i]! - y[i]!;
        out[i] = r;
        if (r > MAX || r < MIN) bad = true;
      }
      break;
    case "*":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        const r = a * b;
        out[i] = Math.imul(a, b);
        if (r > MAX || r < MIN) bad = true;
      }
      break;
    case "%":
      // Never out of range; a zero divisor (a null row by now) stores 0, -0 stores 0.
      for (let i = 0; i < n; i++) out[i] = x[i]! % y[i]!;
      break;
  }
  if (!bad) return -1;
  for (let i = 0; i < n; i++) {
    const r = exactInt(op, x[i]!, y[i]!);
    if ((r > MAX || r < MIN) && (validity === null || validity[i] === 1)) return i;
  }
  return -1;
}
