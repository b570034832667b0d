import type { VariantValue } from "../../columnar/variant.js";
import { readVariant } from "../../columnar/variant.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { BooleanType, StringType, VariantType, type DataType } from "../../types/data-type.js";
import { parseDataType } from "../../types/ddl.js";
import { castFromVariant, castToVariant, castableToVariant } from "../eval/cast-variant.js";
import { castValue } from "../eval/cast-value.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { JsonParser } from "../kernels/json-parser.js";
import { VariantBuilder, appendJson } from "../kernels/variant-builder.js";
import { followVariantPath, invalidVariantPath, parseVariantPath, type VariantPathSegment } from "../kernels/variant-path.js";
import { variantSchema, variantSchemaText } from "../kernels/variant-schema.js";
import { foldedValue } from "./foldable.js";
import { checkArity, doc, implicitCast, quotedSql, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { stateOf } from "./row-function.js";
import { mapRows } from "./row-map.js";

// The variant functions of Spark 4 (variant_expressions): parse_json / try_parse_json,
// variant_get / try_variant_get, is_variant_null, schema_of_variant, to_variant_object.
// Values are VariantValue objects in Spark's binary encoding (columnar/variant.ts).

/** Jackson's defaults, which Spark's VariantBuilder.parseJson uses: strict JSON. */
const STRICT = {
  allowComments: false,
  allowUnquotedFieldNames: false,
  allowSingleQuotes: false,
  allowNumericLeadingZeros: false,
  allowNonNumericNumbers: false,
  allowBackslashEscapingAnyCharacter: false,
  allowUnquotedControlChars: false,
} as const;

/** The variant of JSON text, or a thrown MALFORMED_RECORD_IN_PARSING / VARIANT_DUPLICATE_KEY. */
export function parseJsonVariant(text: string): VariantValue {
  const j = new JsonParser(text, STRICT).parseAll();
  if (j === null) {
    throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: text, failFastMode: "FAILFAST" });
  }
  const b = new VariantBuilder();
  try {
    appendJson(b, j);
  } catch (e) {
    // Spark's parse_json reports a duplicate key as a malformed record.
    if (e instanceof SparkException && e.errorClass === "VARIANT_DUPLICATE_KEY") {
      throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: text, failFastMode: "FAILFAST" });
    }
    throw e;
  }
  return b.result();
}

/** The first argument of a variant function: VARIANT, else DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. */
function variantArg(draft: Expr, args: readonly Expr[]): Expr {
  const a = args[0]!;
  const t = exprType(a);
  if (t.kind === "variant") return a;
  if (t.kind === "null") return implicitCast(a, VariantType);
  throw unexpectedInputType(draft, 0, a, '"VARIANT"');
}

function parseJsonDef(name: "parse_json" | "try_parse_json"): ScalarFunctionDef {
  const tolerant = name === "try_parse_json";
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(jsonStr)`, tolerant ? "Parses a JSON string as a variant value; null when it is not valid JSON." : "Parses a JSON string as a variant value; malformed JSON raises an error."),
    resolve(_n, given) {
      checkArity(name, given, 1);
      const a = given[0]!;
      const t = exprType(a);
      const draft = scalarCall(name, given, VariantType, true);
      if (t.kind !== "string" && t.kind !== "null") throw unexpectedInputType(draft, 0, a, '"STRING"');
      return scalarCall(name, [implicitCast(a, StringType)], VariantType, tolerant || exprNullable(a));
    },
    eval([a]) {
      return mapRows([a!], VariantType, ([s]) => {
        if (!tolerant) return parseJsonVariant(s as string);
        try {
          return parseJsonVariant(s as string);
        } catch (e) {
          if (e instanceof SparkException) return null;
          throw e;
        }
      });
    },
  };
}

/** What variant_get compiles once per call: the parsed path and the target type. */
interface GetState {
  readonly path: readonly VariantPathSegment[];
}

function variantGetDef(name: "variant_get" | "try_variant_get"): ScalarFunctionDef {
  const failOnError = name === "variant_get";
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(v, path[, type])`, `Extracts the value at a JSON path ($.a.b[0]) of a variant, cast to the type (VARIANT when omitted); ${failOnError ? "a value that does not cast raises INVALID_VARIANT_CAST" : "null when the value does not cast"}.`),
    resolve(_n, given) {
      checkArity(name, given, 2, 3);
      const draft = scalarCall(name, given, VariantType, true);
      const v = variantArg(draft, given);
      const p = given[1]!;
      const pt = exprType(p);
      if (pt.kind !== "string") throw unexpectedInputType(draft, 1, p, '"STRING"');
      const pv = foldedValue(p);
      if (pv === null) {
        throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(draft), inputName: "`path`", inputType: '"STRING"', inputExpr: quotedSql(p) });
      }
      let target: DataType = VariantType;
      const tArg = given[2];
      if (tArg !== undefined) {
        const tv = foldedValue(tArg);
        if (tv === null || typeof tv.value !== "string") throw new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL", { inputSchema: quotedSql(tArg) });
        target = parseDataType(tv.value);
        if (!variantGettable(target)) {
          throw new AnalysisException("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", { sqlExpr: quotedSql(draft), srcType: '"VARIANT"', targetType: `"${target.kind.toUpperCase()}"` });
        }
      }
      if (typeof pv.value === "string" && parseVariantPath(pv.value) === null) throw invalidVariantPath(pv.value, name);
      // The target type is the call's dataType; Spark's column name leaves it out (`variant_get(v, $.a)`).
      return scalarCall(name, [v, p], target, true);
    },
    eval([v, p], call, ctx) {
      const target = call.dataType;
      const st = stateOf<GetState | null>(call, ctx, (c) => {
        const lit = foldedValue(c.args[1]!);
        if (lit === null || lit.value === null) return null;
        const path = parseVariantPath(String(lit.value));
        if (path === null) throw invalidVariantPath(String(lit.value), name);
        return { path };
      });
      const o = { failOnError, timeZone: ctx.timeZone };
      return mapRows([v!, p!], target, ([x]) => {
        if (st === null) return null;
        const val = x as VariantValue;
        const pos = followVariantPath(val, st.path);
        if (pos < 0) return null;
        return castFromVariant(val, target, o, castValue, pos);
      });
    },
  };
}

/** A type variant_get can extract to (Spark's VariantGet.checkDataType): atomic types, arrays, string-keyed maps, structs and VARIANT. */
function variantGettable(t: DataType): boolean {
  switch (t.kind) {
    case "array":
      return variantGettable(t.elementType);
    case "map":
      return t.keyType.kind === "string" && variantGettable(t.valueType);
    case "struct":
      return t.fields.every((f) => variantGettable(f.dataType));
    case "calendar_interval":
    case "null":
      return false;
    default:
      return true;
  }
}

const IS_VARIANT_NULL: ScalarFunctionDef = {
  kind: "scalar",
  name: "is_variant_null",
  doc: doc("is_variant_null(v)", "True when the variant holds a variant null (JSON null); a SQL null gives false."),
  resolve(_n, given) {
    checkArity("is_variant_null", given, 1);
    const v = variantArg(scalarCall("is_variant_null", given, BooleanType, false), given);
    return scalarCall("is_variant_null", [v], BooleanType, false);
  },
  eval([v]) {
    return mapRows([v!], BooleanType, ([x]) => x !== null && readVariant(x as VariantValue).kind === "null", false);
  },
};

const SCHEMA_OF_VARIANT: ScalarFunctionDef = {
  kind: "scalar",
  name: "schema_of_variant",
  doc: doc("schema_of_variant(v)", "The schema of a variant in SQL form: OBJECT<a: BIGINT>, ARRAY<DOUBLE>, VOID for a variant null."),
  resolve(_n, given) {
    checkArity("schema_of_variant", given, 1);
    const v = variantArg(scalarCall("schema_of_variant", given, StringType, true), given);
    return scalarCall("schema_of_variant", [v], StringType, exprNullable(v));
  },
  eval([v]) {
    return mapRows([v!], StringType, ([x]) => variantSchemaText(variantSchema(x as VariantValue)));
  },
};

const TO_VARIANT_OBJECT: ScalarFunctionDef = {
  kind: "scalar",
  name: "to_variant_object",
  doc: doc("to_variant_object(expr)", "Converts a struct, map or array (nested as deep as it goes) to a variant, structs and maps becoming objects."),
  resolve(_n, given) {
    checkArity("to_variant_object", given, 1);
    const a = given[0]!;
    const t = exprType(a);
    const draft = scalarCall("to_variant_object", given, VariantType, true);
    if ((t.kind !== "struct" && t.kind !== "map" && t.kind !== "array") || !castableToVariant(t)) {
      throw unexpectedInputType(draft, 0, a, '("ARRAY" or "MAP" or "STRUCT")');
    }
    return scalarCall("to_variant_object", [a], VariantType, exprNullable(a));
  },
  eval([a], call: ScalarCall, ctx) {
    const t = exprType(call.args[0]!);
    return mapRows([a!], VariantType, ([x]) => castToVariant(x, t, ctx.timeZone));
  },
};

/** The variant functions' registry entries (schema_of_variant_agg is in aggregate/). */
export const VARIANT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  parseJsonDef("parse_json"),
  parseJsonDef("try_parse_json"),
  variantGetDef("variant_get"),
  variantGetDef("try_variant_get"),
  IS_VARIANT_NULL,
  SCHEMA_OF_VARIANT,
  TO_VARIANT_OBJECT,
];
