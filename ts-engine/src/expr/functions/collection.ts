import { AnalysisException, InternalError } from "../../errors/spark-exception.js";
import { NullType, StringType, arrayType, structField, structType, type DataType } from "../../types/data-type.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { exprNullable, exprType } from "../expr-type.js";
import { exprPrettySql } from "../expr-string.js";
import type { Expr } from "../expr.js";
import { scalarCall, type FunctionDef, type ScalarFunctionDef, doc, checkArity } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { ARRAY_FUNCTIONS } from "./collection-array.js";
import { ELEMENT_FUNCTIONS } from "./collection-element.js";
import { GENERATOR_FUNCTIONS } from "./collection-generators.js";
import { HIGHER_ORDER_FUNCTIONS } from "./collection-higher-order.js";
import { MAP_FUNCTIONS } from "./collection-map.js";
import { typeText, valuesVector } from "./collection-values.js";
import { coerce } from "./collection-values.js";
import { STRING_FUNCTIONS } from "./string.js";

/** array(a, b, ...): element type is the arguments' common type. */
const ARRAY: ScalarFunctionDef = {
  kind: "scalar",
  name: "array",
  doc: doc("array(expr, ...)", "Returns an array of the given elements, widened to their common type."),
  resolve(_n, args) {
    const t = widerTypeOfAll(args.map(exprType)) ?? (args.length === 0 ? NullType : null);
    if (t === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: `"array(${args.map((a) => exprPrettySql(a)).join(", ")})"`,
        functionName: "`array`",
        dataType: `[${args.map((a) => typeText(exprType(a))).join(", ")}]`,
      });
    }
    return scalarCall("array", args.map((a) => coerce(a, t)), arrayType(t, args.some(exprNullable)), false);
  },
  eval(args, call, _ctx, n) {
    if (args.length === 0) return valuesVector(call.dataType, new Array<unknown>(n).fill([]));
    return mapRows(args, call.dataType, (vals) => [...vals], false);
  },
};

function fieldName(e: Expr, i: number): string {
  if (e.kind === "AttributeRef" || e.kind === "Alias" || e.kind === "BoundRef") return e.name;
  if (e.kind === "Cast" && e.child.kind === "AttributeRef") return e.child.name;
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

/** named_struct(name1, val1, ...): names must be string literals (CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING). */
const NAMED_STRUCT: ScalarFunctionDef = {
  kind: "scalar",
  name: "named_struct",
  doc: doc("named_struct(name1, val1, name2, val2, ...)", "Returns a struct with the given field names and values."),
  resolve(_n, args) {
    if (args.length === 0 || args.length % 2 !== 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`named_struct`",
        expectedNum: "2n (n > 0)",
        actualNum: String(args.length),
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    const fields = [];
    for (let i = 0; i < args.length; i += 2) {
      const name = args[i]!;
      if (name.kind !== "Literal" || name.dataType.kind !== "string" || name.value === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING", {
          sqlExpr: `"named_struct(${args.map((a) => exprPrettySql(a)).join(", ")})"`,
          inputExprs: `[${args.filter((_a, j) => j % 2 === 0).map((a) => `"${exprPrettySql(a)}"`).join(", ")}]`,
        });
      }
      fields.push(structField(String(name.value), exprType(args[i + 1]!), exprNullable(args[i + 1]!)));
    }
    return scalarCall("named_struct", args, structType(fields), false);
  },
  eval(args, call) {
    const values = args.filter((_a, i) => i % 2 === 1);
    return mapRows(values, call.dataType, (vals) => [...vals], false);
  },
};

const stringConcat = STRING_FUNCTIONS.find((d) => d.name === "concat");
const stringReverse = STRING_FUNCTIONS.find((d) => d.name === "reverse");

/** concat over arrays (null if any array is null); over strings and binaries it is the string family's concat. */
const CONCAT: ScalarFunctionDef = {
  kind: "scalar",
  name: "concat",
  doc: stringConcat?.doc ?? doc("concat(col1, col2, ...)", "Returns the concatenation of the arguments (strings or arrays), null if any is null."),
  resolve(n, args) {
    if (!args.some((a) => exprType(a).kind === "array")) {
      if (stringConcat === undefined) throw new InternalError("string concat is not registered");
      return stringConcat.resolve(n, args);
    }
    const t = widerTypeOfAll(args.map(exprType));
    if (t === null || t.kind !== "array") {
      throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: `"concat(${args.map((a) => exprPrettySql(a)).join(", ")})"`,
        functionName: "`concat`",
        dataType: `(${args.map((a) => typeText(exprType(a))).join(" or ")})`,
      });
    }
    return scalarCall("concat", args.map((a) => coerce(a, t)), t, args.some(exprNullable));
  },
  eval(args, call, ctx, n) {
    if (call.dataType.kind !== "array") {
      if (stringConcat === undefined || stringConcat.kind !== "scalar") throw new InternalError("string concat is not registered");
      return stringConcat.eval(args, call, ctx, n);
    }
    return mapRows(args, call.dataType, (vals) => vals.flatMap((v) => v as unknown[]));
  },
};

/** reverse over arrays; over strings it is the string family's reverse (reversed code points when none is registered). */
const REVERSE: ScalarFunctionDef = {
  kind: "scalar",
  name: "reverse",
  doc: doc("reverse(expr)", "Returns the string with its characters in reverse order, or the array with its elements reversed."),
  resolve(n, args) {
    checkArity("reverse", args, 1);
    const t: DataType = exprType(args[0]!);
    if (t.kind === "array") return scalarCall("reverse", args, t, exprNullable(args[0]!));
    if (stringReverse !== undefined) return stringReverse.resolve(n, args);
    return scalarCall("reverse", [coerce(args[0]!, StringType)], StringType, exprNullable(args[0]!));
  },
  eval(args, call, ctx, n) {
    if (call.dataType.kind !== "array" && stringReverse !== undefined && stringReverse.kind === "scalar") return stringReverse.eval(args, call, ctx, n);
    return mapRows(args, call.dataType, ([v]) => (typeof v === "string" ? [...v].reverse().join("") : [...(v as unknown[])].reverse()));
  },
};

/** Registry entries of the collection family: constructors, array, map and element functions, higher-order functions and generators. */
export const COLLECTION_FUNCTIONS: readonly FunctionDef[] = [
  ARRAY,
  STRUCT,
  NAMED_STRUCT,
  CONCAT,
  REVERSE,
  ...ARRAY_FUNCTIONS,
  ...ELEMENT_FUNCTIONS,
  ...MAP_FUNCTIONS,
  ...HIGHER_ORDER_FUNCTIONS,
  ...GENERATOR_FUNCTIONS,
];
