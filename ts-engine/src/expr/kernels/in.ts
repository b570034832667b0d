import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { BooleanType } from "../../types/data-type.js";
import { compare } from "./comparison.js";

/**
 * `x IN (v1, v2, ...)` with SQL semantics: true if any equals, else null if x or any
 * candidate is null, else false. Candidates share x's type (the analyzer coerces).
 */
export function inList(x: Vector, candidates: readonly Vector[]): Vector {
  const n = x.length;
  const out = new Uint8Array(n);
  const sawNull = new Uint8Array(n);
  for (const c of candidates) {
    const eq = compare("==", x, c);
    const d = expectStorage(eq, "bool").data;
    const v = eq.validity;
    for (let i = 0; i < n; i++) {
      if (v !== null && v[i] === 0) sawNull[i] = 1;
      else if (d[i] === 1) out[i] = 1;
    }
  }
  let validity: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const xNull = x.validity !== null && x.validity[i] === 0;
    if (xNull || (out[i] === 0 && sawNull[i] === 1)) {
      validity ??= new Uint8Array(n).fill(1);
      validity[i] = 0;
    }
  }
  return makeVector(BooleanType, out, validity, n);
}
