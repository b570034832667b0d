/**
 * A JS value of the vector convention (see vectorToValues) turned into a key for which `===`
 * (and so Set/Map membership) is value equality: numbers, bigints, strings and booleans
 * as they are; binary as a latin1 string and nested values as JSON, each behind a prefix
 * no plain string key starts with. Hash tables and the DISTINCT/collect_set/mode
 * accumulators all key values through here.
 */
export function valueKey(x: unknown): unknown {
  if (typeof x === "string" || typeof x === "number" || typeof x === "bigint" || typeof x === "boolean" || x === null) return x;
  if (x instanceof Uint8Array) {
    let s = "\u0001";
    for (let i = 0; i < x.length; i++) s += String.fromCharCode(x[i]!);
    return s;
  }
  return "\u0002" + JSON.stringify(x, (_k, val: unknown) => (typeof val === "bigint" ? val.toString() : val));
}
