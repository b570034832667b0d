import { valueKey } from "../../columnar/value-key.js";
import { widerType } from "../../types/coercion.js";
import { IntegerType, NullType, isIntegral, type DataType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import type { EvalContext } from "../eval/eval-context.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { runtimeError, unexpected, type MapEntries } from "./collection-values.js";
import { coerce } from "./collection-values.js";

/**
 * Element access by position or key: element_at (1-based, negative from the end; maps by
 * key), try_element_at (null instead of errors) and get (0-based, null when out of range).
 */

type Mode = "element_at" | "try_element_at" | "get";

/** Argument 2 coerced: an INT index for arrays, the key type for maps. */
function resolveAccess(name: Mode, args: readonly Expr[]): Expr {
  checkArity(name, args, 2);
  const [c, k] = args as [Expr, Expr];
  const t = exprType(c);
  const draft = scalarCall(name, args, NullType, true);
  if (t.kind === "array") {
    if (!isIntegral(exprType(k)) && exprType(k).kind !== "null") throw unexpected(draft, 1, k, '"INT"');
    return scalarCall(name, [c, coerce(k, IntegerType)], t.elementType, true);
  }
  if (t.kind === "map" && name !== "get") {
    const w = widerType(t.keyType, exprType(k));
    if (w === null) throw unexpected(draft, 1, k, `"${t.keyType.kind.toUpperCase()}"`);
    return scalarCall(name, [c, coerce(k, t.keyType)], t.valueType, true);
  }
  throw unexpected(draft, 0, c, name === "get" ? '"ARRAY"' : '("ARRAY" or "MAP")');
}

function access(mode: Mode, call: ScalarCall, ctx: EvalContext, c: unknown, k: unknown): unknown {
  const t: DataType = exprType(call.args[0]!);
  if (t.kind === "map") {
    const key = valueKey(k);
    for (const [mk, mv] of c as MapEntries) if (valueKey(mk) === key) return mv;
    return null;
  }
  const xs = c as readonly unknown[];
  const i = Number(k);
  if (mode === "get") return i >= 0 && i < xs.length ? xs[i] : null;
  if (i === 0) {
    // Even try_element_at raises here, as Spark 4.0 does.
    throw runtimeError("INVALID_INDEX_OF_ZERO", {});
  }
  const at = i > 0 ? i - 1 : xs.length + i;
  if (at < 0 || at >= xs.length) {
    if (mode === "element_at" && ctx.ansi) {
      throw runtimeError("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", { indexValue: String(i), arraySize: String(xs.length), ansiConfig: '"spark.sql.ansi.enabled"' }, "ArrayIndexOutOfBoundsException");
    }
    return null;
  }
  return xs[at];
}

function accessor(mode: Mode, usage: string, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: mode,
    doc: doc(usage, description),
    resolve: (_n, args) => resolveAccess(mode, args),
    eval(args, call, ctx) {
      return mapRows(args, call.dataType, ([c, k]) => access(mode, call, ctx, c, k));
    },
  };
}

/** Registry entries of element access. */
export const ELEMENT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  accessor("element_at", "element_at(array, index) / element_at(map, key)", "Returns the element at 1-based index (negative from the end; out of range raises INVALID_ARRAY_INDEX_IN_ELEMENT_AT under ANSI) or the map's value for key (null when absent)."),
  accessor("try_element_at", "try_element_at(array, index) / try_element_at(map, key)", "Like element_at, but null where element_at would raise an error."),
  accessor("get", "get(array, index)", "Returns the element at 0-based index, null when out of range."),
];
