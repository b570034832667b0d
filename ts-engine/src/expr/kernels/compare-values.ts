import { compareCodePoints } from "../../columnar/value-order.js";

/**
 * Row-value ordering with Spark semantics, shared by comparison kernels and sorting:
 * NaN equals NaN and is larger than any other double; -0.0 equals 0.0; strings compare
 * by code point (Spark compares UTF-8 bytes, which orders the same way).
 */
export function compareNumbers(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  return xn === yn ? 0 : xn ? 1 : -1;
}

/** Code-point order of two strings (differs from `<` only for surrogate pairs vs U+E000–U+FFFF). */
export const compareStrings = compareCodePoints;

/** Numeric order of two canonical decimal strings (`-12.50`, `3`). */
export function compareDecimalStrings(x: string, y: string): number {
  const nx = x.startsWith("-");
  const ny = y.startsWith("-");
  const zx = /^-?0*\.?0*$/.test(x);
  const zy = /^-?0*\.?0*$/.test(y);
  const sx = zx ? 0 : nx ? -1 : 1;
  const sy = zy ? 0 : ny ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  const mag = compareMagnitude(nx ? x.slice(1) : x, ny ? y.slice(1) : y);
  return sx < 0 ? -mag : mag;
}

function compareMagnitude(x: string, y: string): number {
  const [xi = "", xf = ""] = x.split(".");
  const [yi = "", yf = ""] = y.split(".");
  const a = xi.replace(/^0+/, "");
  const b = yi.replace(/^0+/, "");
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (a !== b) return a < b ? -1 : 1;
  const len = Math.max(xf.length, yf.length);
  const fa = xf.padEnd(len, "0");
  const fb = yf.padEnd(len, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Compares two non-null JS values of the same Spark type. */
export function compareValues(x: unknown, y: unknown, kind: string): number {
  if (kind === "decimal") return compareDecimalStrings(x as string, y as string);
  if (typeof x === "string" && typeof y === "string") return compareStrings(x, y);
  if (typeof x === "number" && typeof y === "number") return compareNumbers(x, y);
  if (typeof x === "bigint" || typeof y === "bigint") {
    const a = BigInt(x as number | bigint);
    const b = BigInt(y as number | bigint);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof x === "boolean" && typeof y === "boolean") return x === y ? 0 : x ? 1 : -1;
  if (x instanceof Uint8Array && y instanceof Uint8Array) return compareBytes(x, y);
  if (Array.isArray(x) && Array.isArray(y)) return compareArrays(x, y);
  return 0;
}

function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

function compareArrays(x: readonly unknown[], y: readonly unknown[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (a === null || b === null) {
      if (a !== b) return a === null ? -1 : 1;
      continue;
    }
    const c = compareValues(a, b, typeof a === "string" ? "string" : "other");
    if (c !== 0) return c;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}
