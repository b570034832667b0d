import type { LogicalPlan } from "./logical-plan.js";

/**
 * Spark's QueryPlan.canonicalized, as one string: the analyzed plan with every expression id
 * renumbered in order of first appearance and the names Spark's canonical form erases
 * (an attribute's name and qualifier, an alias's name) left out, so two plans that compute
 * the same result from the same inputs print alike (Dataset.sameSemantics / semanticHash).
 * Everything else, local rows included, is part of it.
 */
export function canonicalPlanString(plan: LogicalPlan): string {
  const ids = new Map<number, number>();
  const out: string[] = [];
  write(plan, ids, out);
  return out.join("");
}

/** Fields a canonical plan does not hold: cosmetic names (Spark's "none" / "" in canonical attributes and aliases). */
const ERASED: Readonly<Record<string, readonly string[]>> = {
  AttributeRef: ["name", "qualifier"],
  Alias: ["name", "names"],
  // where SQL text wrote a call or cast (its errors' context) is not part of what it computes
  ScalarCall: ["sqlOrigin"],
  Cast: ["sqlOrigin"],
};

function write(v: unknown, ids: Map<number, number>, out: string[]): void {
  if (v === null || v === undefined) {
    out.push("null");
    return;
  }
  switch (typeof v) {
    case "number":
    case "boolean":
      out.push(String(v));
      return;
    case "bigint":
      out.push(`${v}n`);
      return;
    case "string":
      out.push(JSON.stringify(v));
      return;
    case "function":
    case "symbol":
      return;
    case "object":
      break;
  }
  if (ArrayBuffer.isView(v)) {
    // local data (a pickled function's bytes, a batch's column) compares by content
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    out.push(`<${Buffer.from(bytes).toString("base64")}>`);
    return;
  }
  if (Array.isArray(v)) {
    out.push("[");
    for (const x of v) {
      write(x, ids, out);
      out.push(",");
    }
    out.push("]");
    return;
  }
  const obj = v as Record<string, unknown>;
  const kind = typeof obj["kind"] === "string" ? obj["kind"] : "";
  const erased = ERASED[kind] ?? [];
  out.push("{");
  for (const key of Object.keys(obj).sort()) {
    if (erased.includes(key)) continue;
    const x = obj[key];
    out.push(key, ":");
    if (key === "exprId" && typeof x === "number") {
      let id = ids.get(x);
      if (id === undefined) {
        id = ids.size;
        ids.set(x, id);
      }
      out.push(`#${id}`);
    } else write(x, ids, out);
    out.push(",");
  }
  out.push("}");
}

/**
 * Dataset.semanticHash: a 32-bit hash of the canonical plan (Spark's is the canonical plan's
 * hashCode, so the numbers differ from Spark's; equal plans hash equal in both).
 */
export function semanticHash(plan: LogicalPlan): number {
  const s = canonicalPlanString(plan);
  // FNV-1a over the UTF-16 code units, as a signed int like Java's hashCode
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
