import { assertNever } from "../../errors/assert-never.js";
import { isLongType, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { BooleanType } from "../../types/data-type.js";
import { compareUtf8, equalUtf8 } from "../../columnar/utf8.js";
import { collationAwareComparator, needsCollationKey, nestsCollatedStrings, utf8CollationComparator } from "../../columnar/collation-key.js";
import { collationOfType } from "../../types/collation.js";
import { andValidity, constantNumber, toBigInts, valid, valueAt } from "../eval/vectors.js";
import { testCompare as test, type CompareOp } from "./compare-op.js";
import { compareDecimals } from "./decimal-compare.js";
import { compareScalarLoop } from "./scalar-loops.js";
import { compareNumbers, compareValues } from "./compare-values.js";

export type { CompareOp } from "./compare-op.js";

/**
 * Tight branchless per-operator loops over number arrays (branches on random data cost 3x).
 * NaN (only possible for float/double) breaks the plain operators' Spark semantics, so when a
 * NaN is seen the affected rows are redone with compareNumbers.
 */
function numericLoop(op: CompareOp, x: ArrayLike<number>, y: ArrayLike<number>, out: Uint8Array, n: number): void {
  let nan = false;
  switch (op) {
    case "<":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = +(a < b);
        nan ||= a !== a || b !== b;
      }
      break;
    case "<=":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = +(a <= b);
        nan ||= a !== a || b !== b;
      }
      break;
    case ">":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = +(a > b);
        nan ||= a !== a || b !== b;
      }
      break;
    case ">=":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = +(a >= b);
        nan ||= a !== a || b !== b;
      }
      break;
    case "==":
    case "<=>":
      for (let i = 0; i < n; i++) {
        const a = x[i]!;
        const b = y[i]!;
        out[i] = +(a === b);
        nan ||= a !== a || b !== b;
      }
      break;
    default:
      return assertNever(op);
  }
  if (!nan) return;
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a !== a || b !== b) out[i] = test(op, compareNumbers(a, b));
  }
}

/**
 * `a op b` for two vectors of the same type, giving a boolean vector. Null in either side gives
 * null, except `<=>` which is never null (null <=> null is true). Typed-array inputs take a tight loop.
 */
export function compare(op: CompareOp, a: Vector, b: Vector): Vector {
  const n = a.length;
  const out = new Uint8Array(n);
  const validity = op === "<=>" ? null : andValidity(a.validity, b.validity, n);
  const ad = numberData(a);
  const bd = numberData(b);
  const kind = a.type.kind;
  const c = op === "<=>" ? null : constantNumber(b);
  if (c !== null && c === c && ad instanceof Float64Array) {
    if (compareScalarLoop(op, ad, c, out, n)) {
      for (let i = 0; i < n; i++) if (ad[i] !== ad[i]) out[i] = test(op, compareNumbers(ad[i]!, c));
    }
  } else if (ad !== null && bd !== null) {
    numericLoop(op, ad, bd, out, n);
  } else if (a.storage === "utf8" && b.storage === "utf8" && needsCollationKey(a.type)) {
    // Collated strings compare under their collation (both sides share it after coercion).
    const cmp = utf8CollationComparator(collationOfType(a.type), a.data, n, b.data, n);
    for (let i = 0; i < n; i++) out[i] = test(op, cmp(i, i));
  } else if (a.storage === "utf8" && b.storage === "utf8") {
    // Strings compare as UTF-8 bytes (Spark's binary order); equality only needs lengths + bytes.
    const { offsets: ao, bytes: ab } = a.data;
    const { offsets: bo, bytes: bb } = b.data;
    if (op === "==" || op === "<=>") for (let i = 0; i < n; i++) out[i] = equalUtf8(ab, ao[i]!, ao[i + 1]!, bb, bo[i]!, bo[i + 1]!) ? 1 : 0;
    else for (let i = 0; i < n; i++) out[i] = test(op, compareUtf8(ab, ao[i]!, ao[i + 1]!, bb, bo[i]!, bo[i + 1]!));
  } else if (a.type.kind === "decimal" && b.type.kind === "decimal") {
    compareDecimals(op, a, b, out, n);
  } else if (isLongType(a.type) && (a.storage === "i64big" || b.storage === "i64big")) {
    const x = toBigInts(a);
    const y = toBigInts(b);
    for (let i = 0; i < n; i++) out[i] = test(op, x[i]! < y[i]! ? -1 : x[i]! > y[i]! ? 1 : 0);
  } else if (nestsCollatedStrings(a.type)) {
    // arrays and structs of collated strings compare element by element under the collation
    const cmp = collationAwareComparator(a.type);
    for (let i = 0; i < n; i++) {
      if (!valid(a.validity, i) || !valid(b.validity, i)) continue;
      out[i] = test(op, cmp(valueAt(a, i), valueAt(b, i)));
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (!valid(a.validity, i) || !valid(b.validity, i)) continue;
      out[i] = test(op, compareValues(valueAt(a, i), valueAt(b, i), kind));
    }
  }
  if (op === "<=>") {
    for (let i = 0; i < n; i++) {
      const na = !valid(a.validity, i);
      const nb = !valid(b.validity, i);
      if (na || nb) out[i] = na && nb ? 1 : 0;
    }
  }
  return makeVector(BooleanType, out, validity, n);
}
