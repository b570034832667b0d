import { AnalysisException, SparkException } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { arrayType, IntegerType, StringType, isIntegral, type DataType, type StructType } from "../../../types/data-type.js";
import { sqlTypeName } from "../../../types/type-names.js";
import { exprPrettySql } from "../../expr-string.js";
import { exprType } from "../../expr-type.js";
import type { Expr } from "../../expr.js";
import { mapRows } from "../row-map.js";
import { compareValues } from "../../kernels/compare-values.js";
import { checkArity, implicitCast, quotedSql, scalarCall, doc, type ScalarFunctionDef } from "../function-def.js";

/** ANSI mode's error for an array index outside [0, size) (GetArrayItem with failOnError). */
function invalidArrayIndex(index: number, size: number): SparkException {
  return new SparkException("ArrayIndexOutOfBoundsException", "INVALID_ARRAY_INDEX", { indexValue: String(index), arraySize: String(size) });
}

/** `base[key]` as Spark prints an extraction in messages: the key literal bare (`arr[a]`). */
function extractionSql(base: Expr, key: Expr): string {
  const k = key.kind === "Literal" ? String(key.value) : exprPrettySql(key);
  return `"${exprPrettySql(base)}[${k}]"`;
}

/**
 * The field of `t` named `name` (case-insensitively, as Spark's default resolver), or
 * FIELD_NOT_FOUND listing the fields, raised without the plan as Spark's ExtractValue does.
 */
export function structFieldIndex(t: StructType, name: string): number {
  const idx = t.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  if (idx < 0) {
    throw markWithoutPlan(
      new AnalysisException("FIELD_NOT_FOUND", { fieldName: `\`${name}\``, fields: t.fields.map((f) => `\`${f.name}\``).join(", ") }),
    );
  }
  // ExtractValue.findField: a name that matches several fields (`a` and `A`) is ambiguous
  const count = t.fields.filter((f) => f.name.toLowerCase() === name.toLowerCase()).length;
  if (count > 1) throw markWithoutPlan(new AnalysisException("AMBIGUOUS_REFERENCE_TO_FIELDS", { field: `\`${name}\``, count: String(count) }));
  return idx;
}

/**
 * `col[i]` on arrays (0-based; out of range raises INVALID_ARRAY_INDEX under ANSI, else null),
 * `col[key]` on maps (null when absent), and `col["f"]` on structs (the field, as Spark's
 * ExtractValue). An array key that is not integral is DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE.
 */
const GET_ITEM: ScalarFunctionDef = {
  kind: "scalar",
  name: "get_item",
  doc: doc("expr[key]", "Returns the array element at 0-based index `key`, or the map value for `key`; null when absent."),
  resolve(_n, args) {
    checkArity("get_item", args, 2);
    const [base, key] = args as [Expr, Expr];
    const t = exprType(base);
    if (t.kind === "array") {
      const kt = exprType(key);
      if (!isIntegral(kt) && kt.kind !== "null") {
        throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
          sqlExpr: extractionSql(base, key),
          paramIndex: "second",
          requiredType: '"INTEGRAL"',
          inputSql: key.kind === "Literal" ? `"${String(key.value)}"` : quotedSql(key),
          inputType: `"${sqlTypeName(kt)}"`,
        });
      }
      return scalarCall("get_item", [base, implicitCast(key, IntegerType)], t.elementType, true);
    }
    if (t.kind === "map") return scalarCall("get_item", [base, implicitCast(key, t.keyType)], t.valueType, true);
    if (t.kind === "struct" && key.kind === "Literal" && typeof key.value === "string") return resolveGetField([base, key]);
    throw markWithoutPlan(new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", { base: quotedSql(base), other: `"${sqlTypeName(t)}"` }));
  },
  eval(args, call, ctx) {
    const t = args[0]!.type;
    if (t.kind === "array") {
      return mapRows(args, call.dataType, ([c, k]) => {
        const arr = c as readonly unknown[];
        const i = Number(k);
        if (i >= 0 && i < arr.length) return arr[i] ?? null;
        if (ctx.ansi) throw invalidArrayIndex(i, arr.length);
        return null;
      });
    }
    const keyType: DataType = t.kind === "map" ? t.keyType : StringType;
    return mapRows(args, call.dataType, ([c, k]) => {
      const hit = (c as readonly (readonly [unknown, unknown])[]).find(([key]) => compareValues(key, k, keyType.kind) === 0);
      return hit === undefined ? null : hit[1];
    });
  },
};

/** Resolves `get_field(struct, 'name')` to the field index; arrays of structs give the field's array. */
function resolveGetField(args: readonly Expr[]): Expr {
  const [base, nameArg] = args as [Expr, Expr];
  const t = exprType(base);
  const field = nameArg.kind === "Literal" ? String(nameArg.value) : "";
  if (t.kind === "array" && t.elementType.kind === "struct") {
    // Spark's GetArrayStructFields: `arr.x` is the array of each element's x.
    const idx = structFieldIndex(t.elementType, field);
    const f = t.elementType.fields[idx]!;
    return scalarCall("get_field", [base, { kind: "Literal", value: idx, dataType: IntegerType }, { kind: "Literal", value: f.name, dataType: StringType }], arrayType(f.dataType, t.containsNull || f.nullable), true);
  }
  if (t.kind === "array") {
    throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
      sqlExpr: extractionSql(base, nameArg),
      paramIndex: "second",
      requiredType: '"INTEGRAL"',
      inputSql: `"${field}"`,
      inputType: '"STRING"',
    });
  }
  if (t.kind === "map") return scalarCall("get_item", [base, implicitCast(nameArg, t.keyType)], t.valueType, true);
  if (t.kind !== "struct") {
    throw markWithoutPlan(new AnalysisException("INVALID_EXTRACT_BASE_FIELD_TYPE", { base: quotedSql(base), other: `"${sqlTypeName(t)}"` }));
  }
  const idx = structFieldIndex(t, field);
  const f = t.fields[idx]!;
  return scalarCall("get_field", [base, { kind: "Literal", value: idx, dataType: IntegerType }, { kind: "Literal", value: f.name, dataType: StringType }], f.dataType, true);
}

/** Struct field by name (`col.getField("x")`, `col("st.x")`), the field array for arrays of structs. */
const GET_FIELD: ScalarFunctionDef = {
  kind: "scalar",
  name: "get_field",
  doc: doc("expr.field", "Returns the named field of a struct (of each element, for an array of structs)."),
  resolve(_n, args) {
    checkArity("get_field", args, 2);
    return resolveGetField(args);
  },
  eval([s, i], call) {
    const elementwise = s!.type.kind === "array";
    return mapRows([s!, i!], call.dataType, ([row, idx]) => {
      if (elementwise) return (row as readonly unknown[]).map((e) => (e === null ? null : ((e as readonly unknown[])[idx as number] ?? null)));
      return (row as readonly unknown[])[idx as number] ?? null;
    });
  },
};

/** Registry entries for element and field extraction. */
export const EXTRACT_FUNCTIONS: readonly ScalarFunctionDef[] = [GET_ITEM, GET_FIELD];
