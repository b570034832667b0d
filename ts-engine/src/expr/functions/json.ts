import type { VariantValue } from "../../columnar/variant.js";
import { variantToJson } from "../kernels/variant-json.js";
import { calendarIntervalString, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { dayTimeIntervalString, yearMonthIntervalString } from "../eval/interval-string.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { IntegerType, StringType, arrayType, type DataType, type StructType } from "../../types/data-type.js";
import { parseDataType } from "../../types/ddl.js";
import { sqlTypeName } from "../../types/type-names.js";
import { doubleToString, floatToString } from "../eval/to-string.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { jsonQuote, jsonText, parseJson, type JsonValue } from "../kernels/json-text.js";
import { schemaOfJsonType, type JsonInferOptions } from "../kernels/json-infer.js";
import { roundDecimalText } from "../kernels/decimal-round.js";
import { checkArity, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, doc, rowFunction } from "./row-function.js";
import { mapRows } from "./row-map.js";

// JSON functions (Spark's json_funcs): from_json, to_json, get_json_object, json_array_length,
// json_object_keys, schema_of_json. Values follow the vector convention (structs as field
// arrays, maps as [key, value] pairs, longs as number or bigint, decimals as text).

/** Options of from_json/to_json/schema_of_json: a literal map<string,string> argument. */
export function optionsOf(e: Expr | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (e !== undefined && e.kind === "Literal" && Array.isArray(e.value)) {
    for (const pair of e.value as readonly (readonly [unknown, unknown])[]) out.set(String(pair[0]).toLowerCase(), String(pair[1]));
  }
  return out;
}

/** The schema argument: a foldable DDL or type string (`a INT`, `struct<a:int>`, `array<int>`). */
export function schemaOf(fn: string, e: Expr | undefined): DataType {
  if (e === undefined || e.kind !== "Literal" || typeof e.value !== "string") {
    throw new AnalysisException("INVALID_SCHEMA.NON_STRING_LITERAL", { inputSchema: e === undefined ? "" : quotedSql(e) });
  }
  try {
    return parseDataType(e.value);
  } catch {
    throw new AnalysisException("INVALID_SCHEMA.PARSE_ERROR", { inputSchema: quotedSql(e), reason: `Syntax error in ${fn} schema` });
  }
}

/** A field whose JSON does not convert to its type: the record keeps its other fields (Spark's partial results). */
class BadField extends Error {}

const INT_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

function toLongValue(x: bigint): number | bigint {
  return x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x;
}

/** Spark's JacksonParser conversion of one JSON value to `t`. */
function convert(v: JsonValue, t: DataType): unknown {
  if (v.kind === "null") return null;
  switch (t.kind) {
    case "string":
      return v.kind === "str" ? v.value : v.kind === "num" ? v.text : jsonText(v);
    case "byte":
    case "short":
    case "integer":
    case "long": {
      if (v.kind !== "num" || !v.integral) throw new BadField();
      const x = BigInt(v.text);
      const [lo, hi] = INT_RANGE[t.kind]!;
      if (x < lo || x > hi) throw new BadField();
      return t.kind === "long" ? toLongValue(x) : Number(x);
    }
    case "float":
    case "double": {
      if (v.kind === "num") return v.text === "+Infinity" ? Infinity : Number(v.text);
      if (v.kind === "str" && ["NaN", "Infinity", "-Infinity", "+Infinity", "INF", "-INF", "+INF"].includes(v.value)) return Number(v.value.replace("INF", "Infinity"));
      throw new BadField();
    }
    case "boolean":
      if (v.kind !== "bool") throw new BadField();
      return v.value;
    case "decimal": {
      if (v.kind !== "num" && v.kind !== "str") throw new BadField();
      const text = v.kind === "num" ? v.text : v.value;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new BadField();
      const r = roundDecimalText(text, t.scale, "HALF_UP");
      if (r.replace(/^-/, "").replace(".", "").replace(/^0+(?=\d)/, "").length > t.precision) throw new BadField();
      return r;
    }
    case "date": {
      if (v.kind !== "str") throw new BadField();
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v.value);
      if (m === null) throw new BadField();
      return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000);
    }
    case "timestamp":
    case "timestamp_ntz": {
      if (v.kind !== "str") throw new BadField();
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v.value) ? v.value : v.value.replace(" ", "T") + "Z");
      if (Number.isNaN(ms)) throw new BadField();
      return ms * 1000;
    }
    case "array":
      if (v.kind !== "arr") throw new BadField();
      return v.items.map((x) => convert(x, t.elementType));
    case "map":
      if (v.kind !== "obj") throw new BadField();
      return v.entries.map(([k, x]) => [k, convert(x, t.valueType)]);
    case "struct":
      if (v.kind !== "obj") throw new BadField();
      return structRow(v, t);
    case "binary":
    case "null":
      throw new BadField();
  }
}

/** The struct's field values from a JSON object: missing fields null, a bad field null with the rest kept. */
function structRow(v: JsonValue & { kind: "obj" }, t: StructType): unknown[] {
  const byName = new Map(v.entries);
  return t.fields.map((f) => {
    const x = byName.get(f.name);
    if (x === undefined) return null;
    try {
      return convert(x, f.dataType);
    } catch (e) {
      if (e instanceof BadField) return null;
      throw e;
    }
  });
}

function malformed(text: string): SparkException {
  return new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: text, failFastMode: "FAILFAST" });
}

/**
 * from_json(json, schema[, options]): PERMISSIVE (the default) gives a struct of nulls for
 * malformed JSON and null for the failing field only; FAILFAST raises
 * MALFORMED_RECORD_IN_PARSING. An empty string gives null.
 */
const FROM_JSON: ScalarFunctionDef = {
  kind: "scalar",
  name: "from_json",
  doc: doc("from_json(jsonStr, schema[, options])", "Parses the JSON string into a struct, array or map of the given schema; malformed records give nulls (PERMISSIVE) or an error (FAILFAST)."),
  resolve(_n, given) {
    checkArity("from_json", given, 2, 3);
    const [json] = coerceArgs("from_json", given.slice(0, 1), ["string"]);
    const schema = schemaOf("from_json", given[1]);
    if (schema.kind !== "struct" && schema.kind !== "array" && schema.kind !== "map") {
      throw new AnalysisException("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA", { sqlExpr: quotedSql(scalarCall("from_json", [json!], schema, true)), schema: `"${sqlTypeName(schema)}"` });
    }
    const mode = (optionsOf(given[2]).get("mode") ?? "PERMISSIVE").toUpperCase();
    const args = [json!, { kind: "Literal" as const, value: mode, dataType: StringType }];
    return scalarCall("from_json", args, schema, true);
  },
  eval(args, call) {
    const t = call.dataType;
    const failFast = call.args[1]?.kind === "Literal" && call.args[1].value === "FAILFAST";
    return mapRows(args.slice(0, 1), t, ([s]) => {
      const text = s as string;
      if (text.trim() === "") return null;
      const v = parseJson(text);
      const bad = (): unknown => {
        if (failFast) throw malformed(text);
        return t.kind === "struct" ? t.fields.map(() => null) : null;
      };
      if (v === null) return bad();
      try {
        if (t.kind === "struct") return v.kind === "obj" ? structRow(v, t) : bad();
        return convert(v, t);
      } catch (e) {
        if (e instanceof BadField) return bad();
        throw e;
      }
    });
  },
};

/** Jackson's JSON of one value of type `t` (nulls inside structs are left out, as ignoreNullFields). */
function toJson(x: unknown, t: DataType, tz = "UTC"): string {
  if (x === null || x === undefined) return "null";
  switch (t.kind) {
    case "string":
      return jsonQuote(x as string);
    case "boolean":
      return String(x);
    case "byte":
    case "short":
    case "integer":
    case "long":
      return String(x);
    case "float":
    case "double": {
      const v = x as number;
      if (!Number.isFinite(v)) return `"${Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"}"`;
      return t.kind === "float" ? floatToString(v) : doubleToString(v);
    }
    case "decimal":
      return String(x);
    case "date":
      return `"${new Date((x as number) * 86400000).toISOString().slice(0, 10)}"`;
    case "timestamp":
    case "timestamp_ntz": {
      const iso = new Date(Math.floor(Number(x as number | bigint) / 1000)).toISOString();
      return `"${t.kind === "timestamp" ? iso.replace("Z", "Z") : iso.slice(0, -1)}"`;
    }
    case "binary":
      return jsonQuote(Buffer.from(x as Uint8Array).toString("base64"));
    case "array":
      return `[${(x as readonly unknown[]).map((e) => toJson(e, t.elementType, tz)).join(",")}]`;
    case "map":
      return `{${(x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => `${jsonQuote(String(k))}:${toJson(v, t.valueType, tz)}`).join(",")}}`;
    case "struct": {
      const fs = x as readonly unknown[];
      const parts: string[] = [];
      t.fields.forEach((f, i) => {
        const v = fs[i];
        if (v !== null && v !== undefined) parts.push(`${jsonQuote(f.name)}:${toJson(v, f.dataType, tz)}`);
      });
      return `{${parts.join(",")}}`;
    }
    case "null":
      return "null";
    // Spark's JacksonGenerator writes ANSI intervals as their interval literal text
    case "day_time_interval":
      return jsonQuote(dayTimeIntervalString(x as number | bigint, t));
    case "year_month_interval":
      return jsonQuote(yearMonthIntervalString(x as number, t));
    case "calendar_interval":
      return jsonQuote(calendarIntervalString(x as CalendarInterval));
    case "variant":
      // A variant writes its own JSON (Spark's to_json of VARIANT), timestamps in the session zone.
      return variantToJson(x as VariantValue, tz);
  }
}

const TO_JSON: ScalarFunctionDef = {
  kind: "scalar",
  name: "to_json",
  doc: doc("to_json(expr[, options])", "Returns the JSON text of a struct, array or map value (null fields left out)."),
  resolve(_n, given) {
    checkArity("to_json", given, 1, 2);
    const a = given[0]!;
    const t = exprType(a);
    if (t.kind !== "struct" && t.kind !== "array" && t.kind !== "map" && t.kind !== "variant") {
      throw new AnalysisException("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA", { sqlExpr: quotedSql(scalarCall("to_json", [a], StringType, true)), schema: `"${sqlTypeName(t)}"` });
    }
    return scalarCall("to_json", [a], StringType, exprNullable(a));
  },
  eval([a], call, ctx) {
    const t = exprType(call.args[0]!);
    return mapRows([a!], StringType, ([x]) => toJson(x, t, ctx.timeZone));
  },
};

type PathStep = { readonly key: string } | { readonly index: number } | { readonly wildcard: true };

/** Spark's JsonPathParser: `$`, then `.name`, `['name']`, `[n]`, `[*]` or `.*`; null for another path. */
function parsePath(path: string): PathStep[] | null {
  if (!path.startsWith("$")) return null;
  const steps: PathStep[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === ".") {
      i++;
      if (path[i] === "*") {
        steps.push({ wildcard: true });
        i++;
        continue;
      }
      const m = /^[^.[\]]+/.exec(path.slice(i));
      if (m === null) return null;
      steps.push({ key: m[0] });
      i += m[0].length;
    } else if (path[i] === "[") {
      const rest = path.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\[\*\]/.exec(rest)) !== null) steps.push({ wildcard: true });
      else if ((m = /^\[(\d+)\]/.exec(rest)) !== null) steps.push({ index: Number(m[1]) });
      else if ((m = /^\['([^']*)'\]/.exec(rest)) !== null) steps.push({ key: m[1]! });
      else return null;
      i += m[0].length;
    } else return null;
  }
  return steps;
}

function walk(v: JsonValue, steps: readonly PathStep[], out: JsonValue[]): void {
  if (steps.length === 0) {
    out.push(v);
    return;
  }
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  if ("key" in step) {
    if (v.kind !== "obj") return;
    const hit = v.entries.find(([k]) => k === step.key);
    if (hit !== undefined) walk(hit[1], rest, out);
  } else if ("index" in step) {
    if (v.kind === "arr" && step.index < v.items.length) walk(v.items[step.index]!, rest, out);
  } else if (v.kind === "arr") for (const x of v.items) walk(x, rest, out);
  else if (v.kind === "obj") for (const [, x] of v.entries) walk(x, rest, out);
}

function scalarText(v: JsonValue): string | null {
  return v.kind === "str" ? v.value : v.kind === "null" ? null : jsonText(v);
}

const GET_JSON_OBJECT = rowFunction<PathStep[] | null | undefined>({
  name: "get_json_object",
  doc: doc("get_json_object(json_txt, path)", "Extracts the value at the JSONPath `path` (`$.a.b[0]`, `[*]`) from the JSON string: strings unquoted, objects and arrays as JSON text; null when absent or malformed."),
  params: ["string", "string"],
  result: StringType,
  mayReturnNull: true,
  prepare: (call: ScalarCall) => {
    const p = call.args[1];
    return p !== undefined && p.kind === "Literal" && typeof p.value === "string" ? parsePath(p.value) : undefined;
  },
  row: ([s, p], prepared) => {
    const steps = prepared === undefined ? parsePath(p as string) : prepared;
    if (steps === null) return null;
    const v = parseJson(s as string);
    if (v === null) return null;
    const out: JsonValue[] = [];
    walk(v, steps, out);
    const wild = steps.some((x) => "wildcard" in x);
    if (out.length === 0) return null;
    if (out.length === 1) return wild && out[0]!.kind === "str" ? jsonText(out[0]!) : scalarText(out[0]!);
    return `[${out.map(jsonText).join(",")}]`;
  },
});

/** The JSONOptions of schema_of_json's options map that change the inferred types (keys lower-cased by optionsOf). */
function inferOptionsOf(m: ReadonlyMap<string, string>): JsonInferOptions {
  const flag = (k: string): boolean => (m.get(k) ?? "false").trim().toLowerCase() === "true";
  return { primitivesAsString: flag("primitivesasstring"), prefersDecimal: flag("prefersdecimal"), dropFieldIfAllNull: flag("dropfieldifallnull") };
}

const SCHEMA_OF_JSON: ScalarFunctionDef = {
  kind: "scalar",
  name: "schema_of_json",
  doc: doc("schema_of_json(json[, options])", "Returns the DDL schema Spark infers from the JSON string literal (e.g. `STRUCT<a: BIGINT>`)."),
  resolve(_n, given) {
    checkArity("schema_of_json", given, 1, 2);
    const a = given[0]!;
    if (a.kind !== "Literal" || typeof a.value !== "string") {
      throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(scalarCall("schema_of_json", [a], StringType, false)), inputName: "`json`", inputType: '"STRING"', inputExpr: quotedSql(a) });
    }
    return scalarCall("schema_of_json", given.length > 1 ? [a, given[1]!] : [a], StringType, false);
  },
  eval([a], call) {
    const o = inferOptionsOf(optionsOf(call.args[1]));
    return mapRows([a!], StringType, ([s]) => {
      const v = parseJson(s as string);
      if (v === null) throw malformed(s as string);
      return sqlTypeName(schemaOfJsonType(v, o));
    });
  },
};

/** Registry entries for the JSON functions. */
export const JSON_FUNCTIONS: readonly ScalarFunctionDef[] = [
  FROM_JSON,
  TO_JSON,
  GET_JSON_OBJECT,
  rowFunction({
    name: "json_array_length",
    doc: doc("json_array_length(jsonArray)", "Returns the number of elements of the outermost JSON array; null for anything else or malformed JSON."),
    params: ["string"],
    result: IntegerType,
    mayReturnNull: true,
    row: ([s]) => {
      const v = parseJson(s as string);
      return v !== null && v.kind === "arr" ? v.items.length : null;
    },
  }),
  rowFunction({
    name: "json_object_keys",
    doc: doc("json_object_keys(json_object)", "Returns the keys of the outermost JSON object as an array; null for anything else or malformed JSON."),
    params: ["string"],
    result: arrayType(StringType, true),
    mayReturnNull: true,
    row: ([s]) => {
      const v = parseJson(s as string);
      return v !== null && v.kind === "obj" ? v.entries.map(([k]) => k) : null;
    },
  }),
  SCHEMA_OF_JSON,
];
