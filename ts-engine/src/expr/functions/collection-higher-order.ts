import { vectorToValues } from "../../columnar/rows.js";
import { valueKey } from "../../columnar/value-key.js";
import type { Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { BooleanType, IntegerType, NullType, arrayType, mapType, typeEquals, type DataType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { exprPrettySql } from "../expr-string.js";
import { newExprId, type Expr, type LambdaFunction, type ScalarCall } from "../expr.js";
import { sqlTypeName } from "../../types/type-names.js";
import type { EvalContext } from "../eval/eval-context.js";
import { doc, scalarCall, type FunctionDoc, type HigherOrderFunctionDef, type LambdaRunner, type LambdaVariableType } from "./function-def.js";
import { buildMap, expectArray, expectMap, flattenArrays, runtimeError, unexpected, valuesVector, type MapEntries } from "./collection-values.js";
import { coerce, sameTypeIgnoringNullability } from "./collection-values.js";
import { arraySortDefault } from "./collection-array.js";

/**
 * Higher-order functions (Spark's higherOrderFunctions.scala). Each evaluates its lambda's
 * body once per batch over every element of every row: the elements are flattened into one
 * vector per lambda variable (with each element's parent row, so the body can read the row's
 * columns), the body runs once, and the results are regrouped by the rows' offsets.
 * aggregate/reduce are sequential per array, so they run the body once per element position
 * over all rows still that long; array_sort's comparator runs once over all element pairs.
 */

const v = (dataType: DataType, nullable: boolean): LambdaVariableType => ({ dataType, nullable });

/** INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH unless `given` is one of `allowed`. */
function checkLambdaArity(name: string, given: number, allowed: readonly number[]): void {
  if (allowed.includes(given)) return;
  throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH", {
    expectedNumArgs: String(allowed[allowed.length - 1]),
    actualNumArgs: String(given),
  });
}

function lambdaAt(args: readonly Expr[], i: number): LambdaFunction {
  const a = args[i];
  if (a?.kind !== "LambdaFunction") {
    throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: a?.kind ?? "none" });
  }
  return a;
}

function wrongArgs(name: string, args: readonly (Expr | undefined)[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
    functionName: `\`${name}\``,
    expectedNum: min === max ? String(min) : `[${min}, ${max}]`,
    actualNum: String(args.length),
    docroot: "https://spark.apache.org/docs/latest",
  });
}

function arrayArg(name: string, args: readonly (Expr | undefined)[], i: number) {
  const a = args[i];
  if (a === undefined || a.kind === "LambdaFunction") throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: name });
  return expectArray(scalarCall(name, args.filter((x): x is Expr => x !== undefined), NullType, true), [a], 0);
}

function mapArg(name: string, args: readonly (Expr | undefined)[], i: number) {
  const a = args[i];
  if (a === undefined || a.kind === "LambdaFunction") throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: name });
  return expectMap(scalarCall(name, args.filter((x): x is Expr => x !== undefined), NullType, true), [a], 0);
}

/** A boolean lambda body (filter, exists, forall, map_filter): anything else is a type error. */
function expectBooleanBody(call: Expr, fn: LambdaFunction, index: number): void {
  const t = exprType(fn.body);
  if (t.kind !== "boolean" && t.kind !== "null") throw unexpected(call, index, fn, '"BOOLEAN"');
}

/** Regroups per-element results into one array per row (null rows stay null). */
function regroup(rows: readonly (readonly unknown[] | null)[], offsets: Int32Array, values: readonly unknown[], type: DataType): Vector {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i] === null ? null : values.slice(offsets[i]!, offsets[i + 1]!);
  return valuesVector(type, out);
}

/** Flattened array elements as lambda variables: the elements, and (with `withIndex`) their 0-based positions. */
function elementVars(arr: Vector, elementType: DataType, withIndex: boolean) {
  const f = flattenArrays(arr);
  const vars: Vector[] = [valuesVector(elementType, f.flat)];
  if (withIndex) vars.push(valuesVector(IntegerType, Array.from(f.positions)));
  return { f, vars };
}

interface HofSpec {
  readonly name: string;
  readonly doc: FunctionDoc;
  readonly minArgs: number;
  readonly maxArgs: number;
  lambdaVariables(args: readonly (Expr | undefined)[], index: number, given: number): readonly LambdaVariableType[];
  resolve(args: readonly Expr[]): Expr;
  eval(values: readonly Vector[], lambdas: readonly LambdaRunner[], call: ScalarCall, ctx: EvalContext, n: number): Vector;
}

function hof(spec: HofSpec): HigherOrderFunctionDef {
  return {
    kind: "higherOrder",
    name: spec.name,
    doc: spec.doc,
    lambdaVariables(args, index, given) {
      wrongArgs(spec.name, args, spec.minArgs, spec.maxArgs);
      return spec.lambdaVariables(args, index, given);
    },
    resolve(_n, args) {
      wrongArgs(spec.name, args, spec.minArgs, spec.maxArgs);
      return spec.resolve(args);
    },
    eval: (values, lambdas, call, ctx, n) => spec.eval(values, lambdas, call, ctx, n),
  };
}

const TRANSFORM = hof({
  name: "transform",
  doc: doc("transform(expr, func)", "Applies func to every element (func may take the element and its 0-based index)."),
  minArgs: 2,
  maxArgs: 2,
  lambdaVariables(args, _i, given) {
    checkLambdaArity("transform", given, [1, 2]);
    const t = arrayArg("transform", args, 0);
    return [v(t.elementType, t.containsNull), v(IntegerType, false)].slice(0, given);
  },
  resolve(args) {
    const fn = lambdaAt(args, 1);
    return scalarCall("transform", args, arrayType(exprType(fn.body), exprNullable(fn.body)), exprNullable(args[0]!));
  },
  eval([arr], [body], call) {
    const fn = call.args[1] as LambdaFunction;
    const et = (exprType(call.args[0]!) as { elementType: DataType }).elementType;
    const { f, vars } = elementVars(arr!, et, fn.args.length === 2);
    const res = body!(vars, f.parentRows);
    return regroup(f.rows, f.offsets, vectorToValues(res), call.dataType);
  },
});

const FILTER = hof({
  name: "filter",
  doc: doc("filter(expr, func)", "Keeps the elements for which func is true (func may take the element and its 0-based index)."),
  minArgs: 2,
  maxArgs: 2,
  lambdaVariables(args, _i, given) {
    checkLambdaArity("filter", given, [1, 2]);
    const t = arrayArg("filter", args, 0);
    return [v(t.elementType, t.containsNull), v(IntegerType, false)].slice(0, given);
  },
  resolve(args) {
    const call = scalarCall("filter", args, exprType(args[0]!), exprNullable(args[0]!));
    expectBooleanBody(call, lambdaAt(args, 1), 1);
    return call;
  },
  eval([arr], [body], call) {
    const fn = call.args[1] as LambdaFunction;
    const et = (call.dataType as { elementType: DataType }).elementType;
    const { f, vars } = elementVars(arr!, et, fn.args.length === 2);
    const keep = truth(body!(vars, f.parentRows));
    const out = f.rows.map((row, i) => {
      if (row === null) return null;
      const kept: unknown[] = [];
      for (let e = f.offsets[i]!; e < f.offsets[i + 1]!; e++) if (keep[e] === 1) kept.push(f.flat[e]);
      return kept;
    });
    return valuesVector(call.dataType, out);
  },
});

/** A boolean result as 1 (true), 0 (false), 2 (null) per element. */
function truth(res: Vector): Uint8Array {
  const vals = vectorToValues(res);
  const out = new Uint8Array(vals.length);
  for (let i = 0; i < vals.length; i++) out[i] = vals[i] === null ? 2 : vals[i] === true ? 1 : 0;
  return out;
}

/**
 * exists / forall with SQL three-valued logic (spark.sql.legacy.followThreeValuedLogicInArrayExists
 * defaults to true): exists is true on a true, else null on a null, else false; forall dually.
 */
function quantifier(name: "exists" | "forall"): HigherOrderFunctionDef {
  const decisive = name === "exists" ? 1 : 0;
  return hof({
    name,
    doc: doc(`${name}(expr, pred)`, name === "exists" ? "True if pred holds for some element; null if not and pred is null for some." : "True if pred holds for every element; null if none is false and some is null."),
    minArgs: 2,
    maxArgs: 2,
    lambdaVariables(args, _i, given) {
      checkLambdaArity(name, given, [1]);
      const t = arrayArg(name, args, 0);
      return [v(t.elementType, t.containsNull)];
    },
    resolve(args) {
      const call = scalarCall(name, args, BooleanType, true);
      expectBooleanBody(call, lambdaAt(args, 1), 1);
      return call;
    },
    eval([arr], [body], call) {
      const et = (exprType(call.args[0]!) as { elementType: DataType }).elementType;
      const { f, vars } = elementVars(arr!, et, false);
      const t = truth(body!(vars, f.parentRows));
      const out = f.rows.map((row, i) => {
        if (row === null) return null;
        let sawNull = false;
        for (let e = f.offsets[i]!; e < f.offsets[i + 1]!; e++) {
          if (t[e] === decisive) return decisive === 1;
          if (t[e] === 2) sawNull = true;
        }
        return sawNull ? null : decisive !== 1;
      });
      return valuesVector(BooleanType, out);
    },
  });
}

/**
 * aggregate / reduce(expr, start, merge[, finish]): merge folds the elements left to right
 * into an accumulator of start's type; finish (identity when absent) maps the result. The body
 * runs once per element position, over every row whose array is at least that long.
 */
function aggregateFn(name: "aggregate" | "reduce"): HigherOrderFunctionDef {
  return hof({
    name,
    doc: doc(`${name}(expr, start, merge[, finish])`, "Folds the elements into start with merge(acc, x), then applies finish (identity by default)."),
    minArgs: 3,
    maxArgs: 4,
    lambdaVariables(args, i, given) {
      const zero = args[1];
      if (zero === undefined) throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", { class: name });
      if (i === 2) {
        checkLambdaArity(name, given, [2]);
        const t = arrayArg(name, args, 0);
        return [v(exprType(zero), true), v(t.elementType, t.containsNull)];
      }
      checkLambdaArity(name, given, [1]);
      return [v(exprType(zero), true)];
    },
    resolve(args) {
      const merge = lambdaAt(args, 2);
      const zero = args[1]!;
      const zt = exprType(zero);
      const full = args.length === 4 ? args : [...args, identityFinish(zt)];
      const draft = scalarCall(name, full, zt, true);
      if (!sameTypeIgnoringNullability(exprType(merge.body), zt)) {
        throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
          sqlExpr: `"${exprPrettySql(draft)}"`,
          paramIndex: "third",
          requiredType: `"${sqlTypeName(zt)}"`,
          inputSql: `"${exprPrettySql(merge)}"`,
          inputType: `"${sqlTypeName(exprType(merge.body))}"`,
        });
      }
      const finish = lambdaAt(full, 3);
      return scalarCall(name, full, exprType(finish.body), true);
    },
    eval([arr, zero], [merge, finish], call) {
      const n = arr!.length;
      const rows = vectorToValues(arr!) as (readonly unknown[] | null)[];
      const zeros = vectorToValues(zero!);
      const accType = exprType(call.args[1]!);
      const et = (exprType(call.args[0]!) as { elementType: DataType }).elementType;
      const acc: unknown[] = zeros.slice();
      let maxLen = 0;
      for (const r of rows) if (r !== null) maxLen = Math.max(maxLen, r.length);
      for (let k = 0; k < maxLen; k++) {
        const active: number[] = [];
        for (let i = 0; i < n; i++) if (rows[i] !== null && rows[i]!.length > k) active.push(i);
        const parents = Int32Array.from(active);
        const accVec = valuesVector(accType, active.map((i) => acc[i]));
        const elemVec = valuesVector(et, active.map((i) => rows[i]![k] ?? null));
        const res = vectorToValues(merge!([accVec, elemVec], parents));
        active.forEach((i, j) => (acc[i] = res[j]));
      }
      const live: number[] = [];
      for (let i = 0; i < n; i++) if (rows[i] !== null) live.push(i);
      const fin = vectorToValues(finish!([valuesVector(accType, live.map((i) => acc[i]))], Int32Array.from(live)));
      const out = new Array<unknown>(n).fill(null);
      live.forEach((i, j) => (out[i] = fin[j]));
      return valuesVector(call.dataType, out);
    },
  });
}

/** aggregate's default finish: Spark's identity lambda over a variable named `id`. */
function identityFinish(t: DataType): LambdaFunction {
  const id = { kind: "NamedLambdaVariable" as const, name: "id", dataType: t, nullable: true, exprId: newExprId() };
  return { kind: "LambdaFunction", body: id, args: [id] };
}

const ZIP_WITH = hof({
  name: "zip_with",
  doc: doc("zip_with(left, right, func)", "Merges two arrays element-wise with func; the shorter is padded with nulls."),
  minArgs: 3,
  maxArgs: 3,
  lambdaVariables(args, _i, given) {
    checkLambdaArity("zip_with", given, [2]);
    const l = arrayArg("zip_with", args, 0);
    const r = arrayArg("zip_with", args, 1);
    return [v(l.elementType, true), v(r.elementType, true)];
  },
  resolve(args) {
    const fn = lambdaAt(args, 2);
    return scalarCall("zip_with", args, arrayType(exprType(fn.body), exprNullable(fn.body)), exprNullable(args[0]!) || exprNullable(args[1]!));
  },
  eval([l, r], [body], call) {
    const n = l!.length;
    const ls = vectorToValues(l!) as (readonly unknown[] | null)[];
    const rs = vectorToValues(r!) as (readonly unknown[] | null)[];
    const lt = (exprType(call.args[0]!) as { elementType: DataType }).elementType;
    const rt = (exprType(call.args[1]!) as { elementType: DataType }).elementType;
    const rows: (unknown[] | null)[] = [];
    const offsets = new Int32Array(n + 1);
    const xs: unknown[] = [];
    const ys: unknown[] = [];
    const parents: number[] = [];
    for (let i = 0; i < n; i++) {
      offsets[i] = xs.length;
      const a = ls[i];
      const b = rs[i];
      if (a === null || b === null || a === undefined || b === undefined) {
        rows.push(null);
        continue;
      }
      rows.push([]);
      const len = Math.max(a.length, b.length);
      for (let k = 0; k < len; k++) {
        xs.push(k < a.length ? a[k] : null);
        ys.push(k < b.length ? b[k] : null);
        parents.push(i);
      }
    }
    offsets[n] = xs.length;
    const res = body!([valuesVector(lt, xs), valuesVector(rt, ys)], Int32Array.from(parents));
    return regroup(rows, offsets, vectorToValues(res), call.dataType);
  },
});

/** A map column's entries flattened into key and value vectors (null maps contribute nothing). */
function flattenMaps(m: Vector) {
  const rows = vectorToValues(m) as (MapEntries | null)[];
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  const keys: unknown[] = [];
  const values: unknown[] = [];
  const parents: number[] = [];
  for (let i = 0; i < n; i++) {
    offsets[i] = keys.length;
    const es = rows[i];
    if (es === null || es === undefined) continue;
    for (const [k, val] of es) {
      keys.push(k);
      values.push(val);
      parents.push(i);
    }
  }
  offsets[n] = keys.length;
  return { rows, offsets, keys, values, parents: Int32Array.from(parents) };
}

function mapVars(name: string, args: readonly (Expr | undefined)[], given: number): readonly LambdaVariableType[] {
  checkLambdaArity(name, given, [2]);
  const t = mapArg(name, args, 0);
  return [v(t.keyType, false), v(t.valueType, t.valueContainsNull)];
}

const MAP_FILTER = hof({
  name: "map_filter",
  doc: doc("map_filter(expr, func)", "Keeps the entries for which func(key, value) is true."),
  minArgs: 2,
  maxArgs: 2,
  lambdaVariables: (args, _i, given) => mapVars("map_filter", args, given),
  resolve(args) {
    const call = scalarCall("map_filter", args, exprType(args[0]!), exprNullable(args[0]!));
    expectBooleanBody(call, lambdaAt(args, 1), 1);
    return call;
  },
  eval([m], [body], call) {
    const t = call.dataType as { keyType: DataType; valueType: DataType };
    const f = flattenMaps(m!);
    const keep = truth(body!([valuesVector(t.keyType, f.keys), valuesVector(t.valueType, f.values)], f.parents));
    const out = f.rows.map((es, i) => {
      if (es === null) return null;
      const kept: [unknown, unknown][] = [];
      for (let e = f.offsets[i]!; e < f.offsets[i + 1]!; e++) if (keep[e] === 1) kept.push([f.keys[e], f.values[e]]);
      return kept;
    });
    return valuesVector(call.dataType, out);
  },
});

/** transform_keys / transform_values: func(key, value) gives the new key (rebuilt with the dedup policy) or value. */
function transformMap(name: "transform_keys" | "transform_values"): HigherOrderFunctionDef {
  const keys = name === "transform_keys";
  return hof({
    name,
    doc: doc(`${name}(expr, func)`, keys ? "Replaces each key by func(key, value); a null or repeated key is an error (see spark.sql.mapKeyDedupPolicy)." : "Replaces each value by func(key, value)."),
    minArgs: 2,
    maxArgs: 2,
    lambdaVariables: (args, _i, given) => mapVars(name, args, given),
    resolve(args) {
      const fn = lambdaAt(args, 1);
      const t = expectMap(args[0]!, args, 0);
      const bt = exprType(fn.body);
      const out = keys ? mapType(bt, t.valueType, t.valueContainsNull) : mapType(t.keyType, bt, exprNullable(fn.body));
      return scalarCall(name, args, out, exprNullable(args[0]!));
    },
    eval([m], [body], call, ctx) {
      const t = exprType(call.args[0]!) as { keyType: DataType; valueType: DataType };
      const f = flattenMaps(m!);
      const res = vectorToValues(body!([valuesVector(t.keyType, f.keys), valuesVector(t.valueType, f.values)], f.parents));
      const out = f.rows.map((es, i) => {
        if (es === null) return null;
        const pairs: [unknown, unknown][] = [];
        for (let e = f.offsets[i]!; e < f.offsets[i + 1]!; e++) pairs.push(keys ? [res[e], f.values[e]] : [f.keys[e], res[e]]);
        return keys ? buildMap(pairs, ctx) : pairs;
      });
      return valuesVector(call.dataType, out);
    },
  });
}

const MAP_ZIP_WITH = hof({
  name: "map_zip_with",
  doc: doc("map_zip_with(map1, map2, func)", "Merges two maps by key with func(key, value1, value2); a key missing from one map gives a null value."),
  minArgs: 3,
  maxArgs: 3,
  lambdaVariables(args, _i, given) {
    checkLambdaArity("map_zip_with", given, [3]);
    const a = mapArg("map_zip_with", args, 0);
    const b = mapArg("map_zip_with", args, 1);
    return [v(a.keyType, false), v(a.valueType, true), v(b.valueType, true)];
  },
  resolve(args) {
    const fn = lambdaAt(args, 2);
    const a = expectMap(args[0]!, args, 0);
    expectMap(args[1]!, args, 1);
    return scalarCall("map_zip_with", args, mapType(a.keyType, exprType(fn.body), exprNullable(fn.body)), exprNullable(args[0]!) || exprNullable(args[1]!));
  },
  eval([m1, m2], [body], call) {
    const a = exprType(call.args[0]!) as { keyType: DataType; valueType: DataType };
    const b = exprType(call.args[1]!) as { valueType: DataType };
    const r1 = vectorToValues(m1!) as (MapEntries | null)[];
    const r2 = vectorToValues(m2!) as (MapEntries | null)[];
    const n = r1.length;
    const rows: (unknown[] | null)[] = [];
    const offsets = new Int32Array(n + 1);
    const ks: unknown[] = [];
    const v1: unknown[] = [];
    const v2: unknown[] = [];
    const parents: number[] = [];
    for (let i = 0; i < n; i++) {
      offsets[i] = ks.length;
      const x = r1[i];
      const y = r2[i];
      if (x === null || y === null || x === undefined || y === undefined) {
        rows.push(null);
        continue;
      }
      rows.push([]);
      // Keys of the first map in order, then the second's new keys (Spark's MapZipWith).
      const second = new Map<unknown, unknown>(y.map(([k, val]) => [valueKey(k), val]));
      const seen = new Set<unknown>();
      for (const [k, val] of x) {
        const key = valueKey(k);
        seen.add(key);
        ks.push(k);
        v1.push(val);
        v2.push(second.has(key) ? second.get(key) : null);
        parents.push(i);
      }
      for (const [k, val] of y) {
        if (seen.has(valueKey(k))) continue;
        ks.push(k);
        v1.push(null);
        v2.push(val);
        parents.push(i);
      }
    }
    offsets[n] = ks.length;
    const res = vectorToValues(body!([valuesVector(a.keyType, ks), valuesVector(a.valueType, v1), valuesVector(b.valueType, v2)], Int32Array.from(parents)));
    const out = rows.map((row, i) => {
      if (row === null) return null;
      const pairs: [unknown, unknown][] = [];
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) pairs.push([ks[e], res[e]]);
      return pairs;
    });
    return valuesVector(call.dataType, out);
  },
});

/**
 * array_sort(expr[, comparator]): without a comparator ascending with nulls last; with one,
 * the comparator runs once over all ordered pairs of each array's elements (one evaluation
 * per batch; O(n²) pairs per array), then a stable sort reads the precomputed results.
 */
const ARRAY_SORT = hof({
  name: "array_sort",
  doc: doc("array_sort(expr[, func])", "Sorts the array ascending with nulls last, or by the comparator func(left, right) returning a negative, zero or positive integer."),
  minArgs: 1,
  maxArgs: 2,
  lambdaVariables(args, _i, given) {
    checkLambdaArity("array_sort", given, [2]);
    const t = arrayArg("array_sort", args, 0);
    return [v(t.elementType, true), v(t.elementType, true)];
  },
  resolve(args) {
    const t = expectArray(args[0]!, args, 0);
    if (args.length === 2) {
      const fn = lambdaAt(args, 1);
      const bt = exprType(fn.body);
      const call = scalarCall("array_sort", args, t, exprNullable(args[0]!));
      if (bt.kind !== "integer" && bt.kind !== "null") throw unexpected(call, 1, fn, '"INT"');
      return scalarCall("array_sort", [args[0]!, { ...fn, body: coerce(fn.body, IntegerType) }], t, exprNullable(args[0]!));
    }
    return scalarCall("array_sort", args, t, exprNullable(args[0]!));
  },
  eval([arr], lambdas, call) {
    const rows = vectorToValues(arr!) as (readonly unknown[] | null)[];
    const cmp = lambdas[0];
    if (cmp === undefined) return valuesVector(call.dataType, rows.map((r) => (r === null ? null : arraySortDefault(r, call))));
    const et = (call.dataType as { elementType: DataType }).elementType;
    const ls: unknown[] = [];
    const rs: unknown[] = [];
    const parents: number[] = [];
    const base: number[] = [];
    rows.forEach((r, i) => {
      base.push(ls.length);
      if (r === null) return;
      for (const x of r) {
        for (const y of r) {
          ls.push(x);
          rs.push(y);
          parents.push(i);
        }
      }
    });
    const res = vectorToValues(cmp([valuesVector(et, ls), valuesVector(et, rs)], Int32Array.from(parents)));
    const out = rows.map((r, i) => {
      if (r === null) return null;
      const n = r.length;
      const at = base[i]!;
      const idx = Array.from({ length: n }, (_, k) => k);
      idx.sort((p, q) => {
        const c = res[at + p * n + q];
        if (c === null || c === undefined) {
          throw runtimeError("COMPARATOR_RETURNS_NULL", { firstValue: String(r[p]), secondValue: String(r[q]) });
        }
        return Number(c);
      });
      return idx.map((k) => r[k]);
    });
    return valuesVector(call.dataType, out);
  },
});

/** Registry entries of the higher-order functions. */
export const HIGHER_ORDER_FUNCTIONS: readonly HigherOrderFunctionDef[] = [
  TRANSFORM,
  FILTER,
  quantifier("exists"),
  quantifier("forall"),
  aggregateFn("aggregate"),
  aggregateFn("reduce"),
  ZIP_WITH,
  MAP_FILTER,
  transformMap("transform_keys"),
  transformMap("transform_values"),
  MAP_ZIP_WITH,
  ARRAY_SORT,
];
