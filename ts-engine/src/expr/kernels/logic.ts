import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { BooleanType } from "../../types/data-type.js";

/**
 * SQL three-valued AND/OR: false AND null = false, true OR null = true, otherwise null
 * wins over the remaining value.
 */
export function andOr(op: "and" | "or", a: Vector, b: Vector): Vector {
  const n = a.length;
  const x = expectStorage(a, "bool").data;
  const y = expectStorage(b, "bool").data;
  const av = a.validity;
  const bv = b.validity;
  const out = new Uint8Array(n);
  if (av === null && bv === null) {
    if (op === "and") for (let i = 0; i < n; i++) out[i] = x[i]! & y[i]!;
    else for (let i = 0; i < n; i++) out[i] = x[i]! | y[i]!;
    return makeVector(BooleanType, out, null, n);
  }
  const validity = new Uint8Array(n);
  const dominant = op === "and" ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const aOk = av === null || av[i] === 1;
    const bOk = bv === null || bv[i] === 1;
    if (aOk && bOk) {
      out[i] = op === "and" ? x[i]! & y[i]! : x[i]! | y[i]!;
      validity[i] = 1;
    } else if ((aOk && x[i] === dominant) || (bOk && y[i] === dominant)) {
      out[i] = dominant;
      validity[i] = 1;
    }
  }
  return makeVector(BooleanType, out, validity, n);
}

/** NOT; null stays null. */
export function not(a: Vector): Vector {
  const n = a.length;
  const x = expectStorage(a, "bool").data;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i]! ^ 1;
  return makeVector(BooleanType, out, a.validity, n);
}
