/**
 * Whether two client plans describe the same query, as Spark's CacheManager matches a cached
 * plan (sameResult): the same tree of nodes and expressions with the same values, whatever
 * `planId`s the client gave its frames (a frame built again from scratch finds the cache too).
 * Plans are plain data (wire-decoded or built by the Node API): objects, arrays, typed
 * arrays (pickled functions, binary literals), bigints and primitives.
 */
export function samePlan(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlan(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.byteLength !== b.byteLength || a.constructor !== b.constructor) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  // an absent key and one set to undefined are the same field left out
  const ka = Object.keys(ra).filter((k) => k !== "planId" && ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => k !== "planId" && rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!samePlan(ra[k], rb[k])) return false;
  return true;
}
