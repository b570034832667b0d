import { readVariant, type VariantValue } from "../../columnar/variant.js";
import { SparkException } from "../../errors/spark-exception.js";

/** One step of a variant extraction path: an object key or an array index. */
export type VariantPathSegment = { readonly kind: "key"; readonly key: string } | { readonly kind: "index"; readonly index: number };

/** INVALID_VARIANT_GET_PATH for `path` in `functionName`. */
export function invalidVariantPath(path: string, functionName: string): SparkException {
  return new SparkException("SparkRuntimeException", "INVALID_VARIANT_GET_PATH", { path, functionName: `\`${functionName}\`` });
}

/**
 * Parses a path as Spark's VariantPathParser: `$` followed by `.name`, `['name']`, `["name"]`
 * or `[123]` segments (whitespace between tokens skipped, as its RegexParsers do); null when
 * the text is no such path.
 */
export function parseVariantPath(path: string): VariantPathSegment[] | null {
  let i = 0;
  const ws = (): void => {
    while (i < path.length && /\s/.test(path[i]!)) i++;
  };
  ws();
  if (path[i] !== "$") return null;
  i++;
  const out: VariantPathSegment[] = [];
  for (;;) {
    ws();
    if (i >= path.length) return out;
    const c = path[i];
    if (c === ".") {
      i++;
      ws();
      const m = /^[^.[]+/.exec(path.slice(i));
      if (m === null) return null;
      out.push({ kind: "key", key: m[0] });
      i += m[0].length;
    } else if (c === "[") {
      i++;
      ws();
      const q = path[i];
      if (q === "'" || q === '"') {
        const m = (q === "'" ? /^'([^'?]+)'/ : /^"([^"?]+)"/).exec(path.slice(i));
        if (m === null) return null;
        i += m[0].length;
        ws();
        if (path[i] !== "]") return null;
        i++;
        out.push({ kind: "key", key: m[1]! });
      } else {
        const m = /^\d+/.exec(path.slice(i));
        if (m === null) return null;
        i += m[0].length;
        ws();
        if (path[i] !== "]") return null;
        i++;
        const index = Number(m[0]);
        if (!Number.isSafeInteger(index) || index > 2147483647) return null;
        out.push({ kind: "index", index });
      }
    } else return null;
  }
}

/**
 * The position in `v.value` that `path` leads to, or -1 when a step finds nothing (a missing
 * key, an index past the end, a key on a non-object or an index on a non-array).
 */
export function followVariantPath(v: VariantValue, path: readonly VariantPathSegment[]): number {
  let pos = 0;
  for (const seg of path) {
    const n = readVariant(v, pos);
    if (seg.kind === "key") {
      if (n.kind !== "object") return -1;
      const i = n.keys.indexOf(seg.key);
      if (i < 0) return -1;
      pos = n.values[i]!;
    } else {
      if (n.kind !== "array" || seg.index >= n.values.length) return -1;
      pos = n.values[seg.index]!;
    }
  }
  return pos;
}
