import { NullType, arrayType, structField, structType } from "../../types/data-type.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { exprPrettySql } from "../expr-string.js";
import { implicitCast, scalarCall, type ScalarFunctionDef, doc } from "./function-def.js";
import { mapRows } from "./row-map.js";

/** array(a, b, ...): element type is the arguments' common type. */
const ARRAY: ScalarFunctionDef = {
  kind: "scalar",
  name: "array",
  doc: doc("array(expr, ...)", "Returns an array of the given elements, widened to their common type."),
  resolve(_n, args) {
    const t = widerTypeOfAll(args.map(exprType)) ?? NullType;
    return scalarCall("array", args.map((a) => implicitCast(a, t)), arrayType(t, args.some(exprNullable)), false);
  },
  eval(args, call) {
    return mapRows(args, call.dataType, (vals) => [...vals], false);
  },
};

function fieldName(e: Expr, i: number): string {
  if (e.kind === "AttributeRef" || e.kind === "Alias" || e.kind === "BoundRef") return e.name;
  if (e.kind === "Cast" && e.child.kind === "AttributeRef") return e.child.name;
  void exprPrettySql;
  return `col${i + 1}`;
}

/** struct(a, b, ...): fields named after columns (`colN` for other expressions). */
const STRUCT: ScalarFunctionDef = {
  kind: "scalar",
  name: "struct",
  doc: doc("struct(col1, col2, ...)", "Returns a struct of the given values; fields are named after columns, else col1, col2, ..."),
  resolve(_n, args) {
    const t = structType(args.map((a, i) => structField(fieldName(a, i), exprType(a), exprNullable(a))));
    return scalarCall("struct", args, t, false);
  },
  eval(args, call) {
    return mapRows(args, call.dataType, (vals) => [...vals], false);
  },
};

/** Registry entries for collection constructors. */
export const COLLECTION_FUNCTIONS: readonly ScalarFunctionDef[] = [ARRAY, STRUCT];
