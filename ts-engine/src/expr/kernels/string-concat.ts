import { expectStorage, makeVector, type Utf8Vector, type Vector } from "../../columnar/vector.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { andValidityAll } from "../eval/vectors.js";
import { StringType } from "../../types/data-type.js";

/** concat(s1, s2, …) over bytes: null when any argument is null. */
export function utf8Concat(args: readonly Vector[], n: number): Vector {
  const parts = args.map((a) => expectStorage(a, "utf8").data);
  const validity = andValidityAll(args, n);
  let hint = 0;
  for (const p of parts) hint += p.offsets[n]! - p.offsets[0]!;
  const b = new Utf8Builder(n, hint);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) {
      b.commit(0);
      continue;
    }
    let k = 0;
    for (const p of parts) k += p.offsets[i + 1]! - p.offsets[i]!;
    const out = b.reserve(k);
    let at = b.position();
    for (const p of parts) {
      const s = p.offsets[i]!;
      const e = p.offsets[i + 1]!;
      for (let j = s; j < e; j++) out[at++] = p.bytes[j]!;
    }
    b.commit(k);
  }
  return makeVector(StringType, b.finish(), validity, n);
}

/** concat_ws(sep, s1, …) over bytes: null arguments are skipped; null only when the separator is. */
export function utf8ConcatWs(sep: Vector, rest: readonly Vector[], n: number): Vector {
  const sv: Utf8Vector = expectStorage(sep, "utf8");
  const so = sv.data.offsets;
  const sb = sv.data.bytes;
  const parts = rest.map((a) => expectStorage(a, "utf8"));
  const b = new Utf8Builder(n, 16 * n);
  for (let i = 0; i < n; i++) {
    if (sv.validity !== null && sv.validity[i] === 0) {
      b.commit(0);
      continue;
    }
    const ss = so[i]!;
    const se = so[i + 1]!;
    let k = 0;
    let count = 0;
    for (const p of parts) {
      if (p.validity !== null && p.validity[i] === 0) continue;
      k += p.data.offsets[i + 1]! - p.data.offsets[i]!;
      count++;
    }
    if (count > 1) k += (count - 1) * (se - ss);
    const out = b.reserve(k);
    let at = b.position();
    let first = true;
    for (const p of parts) {
      if (p.validity !== null && p.validity[i] === 0) continue;
      if (!first) for (let j = ss; j < se; j++) out[at++] = sb[j]!;
      first = false;
      const s = p.data.offsets[i]!;
      const e = p.data.offsets[i + 1]!;
      for (let j = s; j < e; j++) out[at++] = p.data.bytes[j]!;
    }
    b.commit(k);
  }
  return makeVector(StringType, b.finish(), sv.validity, n);
}
