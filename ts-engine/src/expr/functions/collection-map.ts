import { valueKey } from "../../columnar/value-key.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { BooleanType, NullType, StringType, arrayType, mapType, structField, structType, type DataType, type MapType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { exprPrettySql } from "../expr-string.js";
import type { Expr, ScalarCall } from "../expr.js";
import type { EvalContext } from "../eval/eval-context.js";
import type { Vector } from "../../columnar/vector.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { buildMap, expectArray, expectMap, runtimeError, typeText, unexpected, type MapEntries } from "./collection-values.js";
import { coerce } from "./collection-values.js";

/**
 * Map functions of Spark 4.0. A map value is its entries as [key, value] pairs in insertion
 * order; every function that builds one goes through buildMap, so null keys raise NULL_MAP_KEY
 * and repeated keys follow spark.sql.mapKeyDedupPolicy.
 */

const entries = (x: unknown): MapEntries => x as MapEntries;
const anyNullable = (args: readonly Expr[]): boolean => args.some(exprNullable);

function mapFn(name: string, d: FunctionDoc, resolve: ScalarFunctionDef["resolve"], f: (vals: unknown[], call: ScalarCall, ctx: EvalContext) => unknown, nullIfAnyNull = true): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve,
    eval(args: readonly Vector[], call: ScalarCall, ctx: EvalContext) {
      return mapRows(args, call.dataType, (vals) => f(vals, call, ctx), nullIfAnyNull);
    },
  };
}

function oneMap(name: string, args: readonly Expr[]): MapType {
  checkArity(name, args, 1);
  return expectMap(scalarCall(name, args, NullType, true), args, 0);
}

const MAP_KEYS = mapFn(
  "map_keys",
  doc("map_keys(map)", "Returns the keys of the map as an array."),
  (_n, args) => scalarCall("map_keys", args, arrayType(oneMap("map_keys", args).keyType, false), anyNullable(args)),
  ([m]) => entries(m).map(([k]) => k),
);

const MAP_VALUES = mapFn(
  "map_values",
  doc("map_values(map)", "Returns the values of the map as an array."),
  (_n, args) => {
    const t = oneMap("map_values", args);
    return scalarCall("map_values", args, arrayType(t.valueType, t.valueContainsNull), anyNullable(args));
  },
  ([m]) => entries(m).map(([, v]) => v),
);

/** The struct type map_entries and map_from_entries use for one entry. */
function entryType(t: MapType): DataType {
  return structType([structField("key", t.keyType, false), structField("value", t.valueType, t.valueContainsNull)]);
}

const MAP_ENTRIES = mapFn(
  "map_entries",
  doc("map_entries(map)", "Returns the entries of the map as an array of structs (key, value)."),
  (_n, args) => scalarCall("map_entries", args, arrayType(entryType(oneMap("map_entries", args)), false), anyNullable(args)),
  ([m]) => entries(m).map(([k, v]) => [k, v]),
);

const MAP_CONTAINS_KEY = mapFn(
  "map_contains_key",
  doc("map_contains_key(map, key)", "Returns true if the map contains the key."),
  (_n, args) => {
    checkArity("map_contains_key", args, 2);
    const t = expectMap(scalarCall("map_contains_key", args, BooleanType, true), args, 0);
    return scalarCall("map_contains_key", [args[0]!, coerce(args[1]!, t.keyType)], BooleanType, anyNullable(args));
  },
  ([m, k]) => {
    const key = valueKey(k);
    return entries(m).some(([mk]) => valueKey(mk) === key);
  },
);

const MAP_FROM_ARRAYS = mapFn(
  "map_from_arrays",
  doc("map_from_arrays(keys, values)", "Returns a map of the keys array zipped with the values array (same length)."),
  (_n, args) => {
    checkArity("map_from_arrays", args, 2);
    const draft = scalarCall("map_from_arrays", args, NullType, true);
    const k = expectArray(draft, args, 0);
    const v = expectArray(draft, args, 1);
    return scalarCall("map_from_arrays", args, mapType(k.elementType, v.elementType, v.containsNull), anyNullable(args));
  },
  ([ks, vs], _call, ctx) => {
    const keys = ks as readonly unknown[];
    const values = vs as readonly unknown[];
    if (keys.length !== values.length) {
      throw runtimeError("_LEGACY_ERROR_TEMP_2181", { message: "The key array and value array of MapData must have the same length." }, "IllegalArgumentException");
    }
    return buildMap(
      keys.map((key, i) => [key, values[i]] as const),
      ctx,
    );
  },
);

const MAP_FROM_ENTRIES = mapFn(
  "map_from_entries",
  doc("map_from_entries(arrayOfEntries)", "Returns a map built from an array of (key, value) structs; null if any entry is null."),
  (_n, args) => {
    checkArity("map_from_entries", args, 1);
    const draft = scalarCall("map_from_entries", args, NullType, true);
    const t = expectArray(draft, args, 0);
    const st = t.elementType;
    if (st.kind !== "struct" || st.fields.length !== 2) throw unexpected(draft, 0, args[0]!, '"ARRAY" of pair "STRUCT"');
    return scalarCall("map_from_entries", args, mapType(st.fields[0]!.dataType, st.fields[1]!.dataType, st.fields[1]!.nullable), true);
  },
  ([a], _call, ctx) => {
    const es = a as readonly (readonly unknown[] | null)[];
    if (es.some((e) => e === null)) return null;
    return buildMap(
      es.map((e) => [e![0], e![1]] as const),
      ctx,
    );
  },
);

const MAP_CONCAT: ScalarFunctionDef = mapFn(
  "map_concat",
  doc("map_concat(map, ...)", "Returns the union of the maps; a repeated key follows spark.sql.mapKeyDedupPolicy."),
  (_n, args) => {
    const draft = scalarCall("map_concat", args, NullType, true);
    if (args.length === 0) return scalarCall("map_concat", args, mapType(StringType, StringType), false);
    const ts = args.map((_a, i) => expectMap(draft, args, i));
    const key = widerTypeOfAll(ts.map((t) => t.keyType));
    const value = widerTypeOfAll(ts.map((t) => t.valueType));
    if (key === null || value === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: `"map_concat(${args.map((a) => exprPrettySql(a)).join(", ")})"`,
        functionName: "`map_concat`",
        dataType: `[${args.map((a) => typeText(exprType(a))).join(", ")}]`,
      });
    }
    const t = mapType(key, value, ts.some((x) => x.valueContainsNull));
    return scalarCall("map_concat", args.map((a) => coerce(a, t)), t, anyNullable(args));
  },
  (vals, _call, ctx) => buildMap(vals.flatMap((m) => [...entries(m)]), ctx),
);

const STR_TO_MAP: ScalarFunctionDef = {
  kind: "scalar",
  name: "str_to_map",
  doc: doc("str_to_map(text[, pairDelim[, keyValueDelim]])", "Splits text into pairs by pairDelim (default ',') and each pair into key and value by keyValueDelim (default ':'); both are regular expressions."),
  resolve(_n, args) {
    checkArity("str_to_map", args, 1, 3);
    const lit = (v: string): Expr => ({ kind: "Literal", value: v, dataType: StringType });
    const full = [args[0]!, args[1] ?? lit(","), args[2] ?? lit(":")].map((a) => coerce(a, StringType));
    return scalarCall("str_to_map", full, mapType(StringType, StringType), true);
  },
  eval(args, call, ctx) {
    // Delimiters are usually literals: compile them once per batch, not per row.
    const cache = new Map<string, RegExp>();
    const re = (d: string): RegExp => {
      let r = cache.get(d);
      if (r === undefined) cache.set(d, (r = new RegExp(d, "u")));
      return r;
    };
    return mapRows(args, call.dataType, ([text, pd, kd]) => {
      if (text === null) return null;
      const pairs = String(text).split(re(String(pd)));
      return buildMap(
        pairs.map((p) => {
          const m = re(String(kd)).exec(p);
          return m === null ? ([p, null] as const) : ([p.slice(0, m.index), p.slice(m.index + m[0].length)] as const);
        }),
        ctx,
      );
    }, false);
  },
};

/** create_map(k1, v1, ...) (Spark's `map`): keys and values each widened to a common type. */
const CREATE_MAP: ScalarFunctionDef = {
  kind: "scalar",
  name: "map",
  doc: doc("map(key0, value0, key1, value1, ...)", "Returns a map of the given key/value pairs; a null key raises NULL_MAP_KEY."),
  resolve(_n, args) {
    if (args.length % 2 !== 0) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`map`",
        expectedNum: "2n (n > 0)",
        actualNum: String(args.length),
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    const keys = args.filter((_a, i) => i % 2 === 0);
    const values = args.filter((_a, i) => i % 2 === 1);
    const kt = widerTypeOfAll(keys.map(exprType)) ?? (keys.length === 0 ? StringType : null);
    const vt = widerTypeOfAll(values.map(exprType)) ?? (values.length === 0 ? StringType : null);
    if (kt === null || vt === null) {
      const which = kt === null ? keys : values;
      throw new AnalysisException(kt === null ? "DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES" : "DATATYPE_MISMATCH.CREATE_MAP_VALUE_DIFF_TYPES", {
        sqlExpr: `"map(${args.map((a) => exprPrettySql(a)).join(", ")})"`,
        functionName: "`map`",
        dataType: `[${which.map((a) => typeText(exprType(a))).join(", ")}]`,
      });
    }
    const cast = args.map((a, i) => coerce(a, i % 2 === 0 ? kt : vt));
    return scalarCall("map", cast, mapType(kt, vt, values.some(exprNullable)), false);
  },
  eval(args, call, ctx) {
    return mapRows(args, call.dataType, (vals) => {
      const es: [unknown, unknown][] = [];
      for (let i = 0; i + 1 < vals.length; i += 2) es.push([vals[i], vals[i + 1]]);
      return buildMap(es, ctx);
    }, false);
  },
};

/** Registry entries of the map functions. */
export const MAP_FUNCTIONS: readonly ScalarFunctionDef[] = [
  MAP_KEYS,
  MAP_VALUES,
  MAP_ENTRIES,
  MAP_CONTAINS_KEY,
  MAP_FROM_ARRAYS,
  MAP_FROM_ENTRIES,
  MAP_CONCAT,
  STR_TO_MAP,
  CREATE_MAP,
];
