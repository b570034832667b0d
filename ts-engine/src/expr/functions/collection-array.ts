import { compareValues } from "../../columnar/value-order.js";
import { valueKey } from "../../columnar/value-key.js";
import { collationAwareComparator, collationKeyedValue, needsCollationKey, nestsCollatedStrings } from "../../columnar/collation-key.js";
import { AnalysisException, IllegalArgumentException } from "../../errors/spark-exception.js";
import { exprPrettySql } from "../expr-string.js";
import { widerType, widerTypeOfAll } from "../../types/coercion.js";
import { BooleanType, IntegerType, LongType, NullType, StringType, arrayType, isIntegral, isInterval, structField, structType, type ArrayType, type DataType } from "../../types/data-type.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { temporalSequence } from "./sequence-temporal.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { valueToString } from "../eval/to-string.js";
import { expectArray, runtimeError, typeText, unexpected } from "./collection-values.js";
import { coerce } from "./collection-values.js";
import type { EvalContext } from "../eval/eval-context.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import type { ScalarCall } from "../expr.js";

/**
 * Array functions of Spark 4.0 (ArrayContains, ArrayPosition, ArrayDistinct … in Spark's
 * collectionOperations.scala). Arrays are JS arrays in "values" vectors, so each function is
 * one pass over a batch's rows (mapRows), comparing elements with Spark's ordering (NaN equal
 * to NaN, -0.0 to 0.0) through valueKey / compareValues, and collated strings (also inside
 * nested elements) under their collation (elementKey / elementOrder).
 */

type Key = (x: unknown) => unknown;
type Order = (x: unknown, y: unknown) => number;

const elementKeys = new WeakMap<ScalarCall, Key>();
const elementOrders = new WeakMap<ScalarCall, Order>();

/** The element type of the call's array argument `arg`. */
function elementTypeOf(call: ScalarCall, arg: number): DataType {
  const t = exprType(call.args[arg]!);
  return t.kind === "array" ? t.elementType : t;
}

/** Keys for which `===` is the equality of the call's array elements (their collation's, for collated strings). */
function elementKey(call: ScalarCall, arg = 0): Key {
  let k = elementKeys.get(call);
  if (k === undefined) {
    const el = elementTypeOf(call, arg);
    k = needsCollationKey(el) || nestsCollatedStrings(el) ? (x) => valueKey(collationKeyedValue(el, x)) : valueKey;
    elementKeys.set(call, k);
  }
  return k;
}

/** Spark's ordering of the call's array elements (collated strings under their collation). */
function elementOrder(call: ScalarCall, arg = 0): Order {
  let o = elementOrders.get(call);
  if (o === undefined) {
    const el = elementTypeOf(call, arg);
    o = needsCollationKey(el) || nestsCollatedStrings(el) ? collationAwareComparator(el) : compareValues;
    elementOrders.set(call, o);
  }
  return o;
}

type RowFn = (vals: unknown[], call: ScalarCall, ctx: EvalContext) => unknown;

/** An entry whose rows map independently; `nullIfAnyNull` gives null for a null argument without calling `f`. */
function arrayFn(name: string, d: FunctionDoc, resolve: ScalarFunctionDef["resolve"], f: RowFn, nullIfAnyNull = true): ScalarFunctionDef {
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

const arr = (x: unknown): readonly unknown[] => x as readonly unknown[];
const anyNullable = (args: readonly Expr[]): boolean => args.some(exprNullable);

/** The array argument and a value argument coerced to a common element type (ArrayContains's coercion). */
function arrayAndElement(name: string, args: readonly Expr[]): [Expr, Expr, ArrayType] {
  checkArity(name, args, 2);
  const draft = scalarCall(name, args, BooleanType, true);
  const at = expectArray(draft, args, 0);
  const vt = exprType(args[1]!);
  const w = widerType(at.elementType, vt);
  if (w === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES", {
      sqlExpr: `"${name}(${args.map((a) => quoted(a)).join(", ")})"`,
      functionName: `\`${name}\``,
      dataType: '"ARRAY"',
      leftType: typeText(exprType(args[0]!)),
      rightType: typeText(vt),
    });
  }
  const t = arrayType(w, at.containsNull);
  return [coerce(args[0]!, t), coerce(args[1]!, w), t];
}

const quoted = (e: Expr): string => exprPrettySql(e);

/** The keys of an array's non-null elements, for membership tests (Spark's ordering equality). */
function keySet(a: readonly unknown[], key: Key): Set<unknown> {
  const s = new Set<unknown>();
  for (const x of a) if (x !== null) s.add(key(x));
  return s;
}

const SIZE: ScalarFunctionDef = sizeLike("size");
const CARDINALITY: ScalarFunctionDef = sizeLike("cardinality");

/**
 * size/cardinality of an array or map. A null input gives -1 when spark.sql.legacy.sizeOfNull
 * is on (its default) and ANSI mode is off, else null (Spark 4's default with ANSI on).
 */
function sizeLike(name: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(expr)`, "Returns the number of elements of an array or map; null for null input under ANSI mode, else -1."),
    resolve(_n, args) {
      checkArity(name, args, 1);
      const t = exprType(args[0]!);
      const call = scalarCall(name, args, IntegerType, true);
      if (t.kind !== "array" && t.kind !== "map" && t.kind !== "null") throw unexpected(call, 0, args[0]!, '("ARRAY" or "MAP")');
      return scalarCall(name, args, IntegerType, exprNullable(args[0]!));
    },
    eval([a], _call, ctx) {
      const v = a!;
      if (v.storage !== "values") return mapRows([v], IntegerType, ([x]) => (x === null ? (ctx.ansi ? null : -1) : arr(x).length), false);
      // one typed loop: arrays are JS arrays, maps [k, v] pair arrays (the vector convention)
      const n = v.length;
      const out = new Int32Array(n);
      const values = v.data;
      const validity = v.validity;
      for (let i = 0; i < n; i++) out[i] = validity !== null && validity[i] === 0 ? -1 : arr(values[i]).length;
      return makeVector(IntegerType, out, ctx.ansi ? validity : null, n);
    },
  };
}

const ARRAY_SIZE = arrayFn(
  "array_size",
  doc("array_size(expr)", "Returns the length of the array; null for a null array."),
  (_n, args) => {
    checkArity("array_size", args, 1);
    expectArray(scalarCall("array_size", args, IntegerType, true), args, 0);
    return scalarCall("array_size", args, IntegerType, anyNullable(args));
  },
  ([a]) => arr(a).length,
);

const ARRAY_CONTAINS = arrayFn(
  "array_contains",
  doc("array_contains(array, value)", "Returns true if the array contains the value; null if the value is null, or if it is not found and the array holds a null."),
  (_n, args) => {
    const [a, v] = arrayAndElement("array_contains", args);
    return scalarCall("array_contains", [a, v], BooleanType, true);
  },
  ([a, v], call) => {
    const key = elementKey(call);
    const k = key(v);
    let sawNull = false;
    for (const x of arr(a)) {
      if (x === null) sawNull = true;
      else if (key(x) === k) return true;
    }
    return sawNull ? null : false;
  },
);

const ARRAY_POSITION = arrayFn(
  "array_position",
  doc("array_position(array, element)", "Returns the 1-based position of the first occurrence of element, 0 when absent; null if either is null."),
  (_n, args) => {
    const [a, v] = arrayAndElement("array_position", args);
    return scalarCall("array_position", [a, v], LongType, anyNullable(args));
  },
  ([a, v], call) => {
    const key = elementKey(call);
    const k = key(v);
    const xs = arr(a);
    for (let i = 0; i < xs.length; i++) if (xs[i] !== null && key(xs[i]) === k) return i + 1;
    return 0;
  },
);

const ARRAY_REMOVE = arrayFn(
  "array_remove",
  doc("array_remove(array, element)", "Removes every element equal to element (null elements stay); null if either is null."),
  (_n, args) => {
    const [a, v, t] = arrayAndElement("array_remove", args);
    return scalarCall("array_remove", [a, v], t, anyNullable(args));
  },
  ([a, v], call) => {
    const key = elementKey(call);
    const k = key(v);
    return arr(a).filter((x) => x === null || key(x) !== k);
  },
);

/** Distinct elements in first-occurrence order, one null kept (ArrayDistinct). */
function distinctOf(xs: readonly unknown[], key: Key): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const x of xs) {
    const k = x === null ? NULL_KEY : key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

const NULL_KEY = Symbol("null");

const ARRAY_DISTINCT = arrayFn(
  "array_distinct",
  doc("array_distinct(array)", "Removes duplicate elements, keeping first occurrences (and at most one null)."),
  (_n, args) => {
    checkArity("array_distinct", args, 1);
    const t = expectArray(scalarCall("array_distinct", args, NullType, true), args, 0);
    return scalarCall("array_distinct", args, t, anyNullable(args));
  },
  ([a], call) => distinctOf(arr(a), elementKey(call)),
);

/** Two arrays coerced to one array type (array_union, array_intersect, array_except, arrays_overlap). */
function twoArrays(name: string, args: readonly Expr[]): [Expr, Expr, ArrayType] {
  checkArity(name, args, 2);
  const draft = scalarCall(name, args, NullType, true);
  const l = expectArray(draft, args, 0);
  const r = expectArray(draft, args, 1);
  const w = widerType(l.elementType, r.elementType);
  if (w === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES", {
      sqlExpr: `"${name}(${args.map(quoted).join(", ")})"`,
      functionName: `\`${name}\``,
      arrayType: '"ARRAY"',
      leftType: typeText(exprType(args[0]!)),
      rightType: typeText(exprType(args[1]!)),
    });
  }
  const t = arrayType(w, l.containsNull || r.containsNull);
  return [coerce(args[0]!, t), coerce(args[1]!, t), t];
}

function setOp(name: string, d: FunctionDoc, f: (a: readonly unknown[], b: readonly unknown[], key: Key) => unknown[]): ScalarFunctionDef {
  return arrayFn(
    name,
    d,
    (_n, args) => {
      const [a, b, t] = twoArrays(name, args);
      return scalarCall(name, [a, b], t, anyNullable(args));
    },
    ([a, b], call) => f(arr(a), arr(b), elementKey(call)),
  );
}

const hasNull = (xs: readonly unknown[]): boolean => xs.some((x) => x === null);

const ARRAY_UNION = setOp("array_union", doc("array_union(array1, array2)", "Returns the distinct elements of both arrays, in order of first occurrence."), (a, b, key) => distinctOf([...a, ...b], key));
const ARRAY_INTERSECT = setOp("array_intersect", doc("array_intersect(array1, array2)", "Returns the distinct elements present in both arrays, in the first array's order."), (a, b, key) => {
  const inB = keySet(b, key);
  const bNull = hasNull(b);
  return distinctOf(a.filter((x) => (x === null ? bNull : inB.has(key(x)))), key);
});
const ARRAY_EXCEPT = setOp("array_except", doc("array_except(array1, array2)", "Returns the distinct elements of the first array that are not in the second."), (a, b, key) => {
  const inB = keySet(b, key);
  const bNull = hasNull(b);
  return distinctOf(a.filter((x) => (x === null ? !bNull : !inB.has(key(x)))), key);
});

const ARRAYS_OVERLAP: ScalarFunctionDef = arrayFn(
  "arrays_overlap",
  doc("arrays_overlap(a1, a2)", "True if the arrays share a non-null element; otherwise null if both are non-empty and either holds a null, else false."),
  (_n, args) => {
    const [a, b] = twoArrays("arrays_overlap", args);
    return scalarCall("arrays_overlap", [a, b], BooleanType, true);
  },
  ([a, b], call) => {
    const key = elementKey(call);
    const xs = arr(a);
    const ys = arr(b);
    const inB = keySet(ys, key);
    for (const x of xs) if (x !== null && inB.has(key(x))) return true;
    return xs.length > 0 && ys.length > 0 && (hasNull(xs) || hasNull(ys)) ? null : false;
  },
);

const ARRAY_COMPACT = arrayFn(
  "array_compact",
  doc("array_compact(array)", "Removes null elements."),
  (_n, args) => {
    checkArity("array_compact", args, 1);
    const t = expectArray(scalarCall("array_compact", args, NullType, true), args, 0);
    return scalarCall("array_compact", args, arrayType(t.elementType, false), anyNullable(args));
  },
  ([a]) => arr(a).filter((x) => x !== null),
);

/** array_append / array_prepend: the element joins the array's (widened) element type; a null element is added too. */
function appendLike(name: string, front: boolean): ScalarFunctionDef {
  return arrayFn(
    name,
    doc(`${name}(array, element)`, `Adds element at the ${front ? "start" : "end"} of the array (null elements too); null for a null array.`),
    (_n, args) => {
      const [a, v, t] = arrayAndElement(name, args);
      const out = arrayType(t.elementType, t.containsNull || exprNullable(args[1]!));
      return scalarCall(name, [coerce(a, out), v], out, exprNullable(args[0]!));
    },
    ([a, v]) => (a === null ? null : front ? [v, ...arr(a)] : [...arr(a), v]),
    false,
  );
}

const ARRAY_INSERT = arrayFn(
  "array_insert",
  doc("array_insert(array, pos, element)", "Inserts element at 1-based pos (negative counts from the end, -1 appends); past the end pads with nulls."),
  (_n, args) => {
    checkArity("array_insert", args, 3);
    const [a, v, t] = arrayAndElement("array_insert", [args[0]!, args[2]!]);
    const pos = args[1]!;
    if (!isIntegral(exprType(pos)) && exprType(pos).kind !== "null") throw unexpected(scalarCall("array_insert", args, t, true), 1, pos, '"INT"');
    return scalarCall("array_insert", [a, coerce(pos, IntegerType), v], arrayType(t.elementType, true), exprNullable(args[0]!) || exprNullable(pos));
  },
  ([a, p, v]) => {
    if (a === null || p === null) return null;
    const xs = [...arr(a)];
    let pos = Number(p);
    if (pos === 0) throw runtimeError("INVALID_INDEX_OF_ZERO", {});
    if (pos > 0) {
      const i = pos - 1;
      while (xs.length < i) xs.push(null);
      xs.splice(i, 0, v);
      return xs;
    }
    // Spark 4 (legacy.negativeIndexInArrayInsert=false): -1 appends, -n inserts before the
    // n-1'th from the end; before the start, nulls pad between the element and the array.
    pos = xs.length + pos + 1;
    if (pos >= 0) {
      xs.splice(pos, 0, v);
      return xs;
    }
    return [v, ...new Array<unknown>(-pos).fill(null), ...xs];
  },
  false,
);

const ARRAY_JOIN: ScalarFunctionDef = arrayFn(
  "array_join",
  doc("array_join(array, delimiter[, nullReplacement])", "Concatenates the elements with the delimiter; null elements are skipped unless nullReplacement is given."),
  (_n, args) => {
    checkArity("array_join", args, 2, 3);
    const draft = scalarCall("array_join", args, StringType, true);
    expectArray(draft, args, 0);
    const rest = args.slice(1).map((x) => coerce(x, StringType));
    return scalarCall("array_join", [args[0]!, ...rest], StringType, anyNullable(args));
  },
  ([a, delim, repl], call, ctx) => {
    if (a === null || delim === null) return null;
    if (call.args.length === 3 && repl === null) return null;
    // Elements print as CAST(element AS STRING) would.
    const et = (exprType(call.args[0]!) as ArrayType).elementType;
    const parts: string[] = [];
    for (const x of arr(a)) {
      if (x !== null) parts.push(valueToString(x, et, ctx.timeZone));
      else if (call.args.length === 3) parts.push(String(repl));
    }
    return parts.join(String(delim));
  },
  false,
);

/** array_max / array_min: nulls skipped; null for an empty or all-null array (NaN is the largest value). */
function extremum(name: string, sign: 1 | -1): ScalarFunctionDef {
  return arrayFn(
    name,
    doc(`${name}(array)`, `Returns the ${sign > 0 ? "largest" : "smallest"} non-null element; null when there is none.`),
    (_n, args) => {
      checkArity(name, args, 1);
      const t = expectArray(scalarCall(name, args, NullType, true), args, 0);
      return scalarCall(name, args, t.elementType, true);
    },
    ([a], call) => {
      const order = elementOrder(call);
      let best: unknown = null;
      for (const x of arr(a)) if (x !== null && (best === null || sign * order(x, best) > 0)) best = x;
      return best;
    },
  );
}

const ARRAY_REPEAT = arrayFn(
  "array_repeat",
  doc("array_repeat(element, count)", "Returns an array of count copies of element (empty for count <= 0); null when count is null."),
  (_n, args) => {
    checkArity("array_repeat", args, 2);
    const n = args[1]!;
    if (!isIntegral(exprType(n)) && exprType(n).kind !== "null") throw unexpected(scalarCall("array_repeat", args, NullType, true), 1, n, '"INT"');
    return scalarCall("array_repeat", [args[0]!, coerce(n, IntegerType)], arrayType(exprType(args[0]!), exprNullable(args[0]!)), exprNullable(n));
  },
  ([v, n]) => (n === null ? null : new Array<unknown>(Math.max(0, Number(n))).fill(v)),
  false,
);

/** Sorts non-null elements by Spark's ordering; nulls first ascending, last descending (sort_array). */
function sortedArray(xs: readonly unknown[], asc: boolean, nullsFirst: boolean, order: Order): unknown[] {
  const vals = xs.filter((x) => x !== null);
  const nulls = xs.length - vals.length;
  vals.sort((x, y) => (asc ? order(x, y) : order(y, x)));
  const pad = new Array<unknown>(nulls).fill(null);
  return nullsFirst ? [...pad, ...vals] : [...vals, ...pad];
}

const SORT_ARRAY: ScalarFunctionDef = arrayFn(
  "sort_array",
  doc("sort_array(array[, ascendingOrder])", "Sorts the array ascending (nulls first) or descending (nulls last)."),
  (_n, args) => {
    checkArity("sort_array", args, 1, 2);
    const t = expectArray(scalarCall("sort_array", args, NullType, true), args, 0);
    const asc = args[1] ?? { kind: "Literal", value: true, dataType: BooleanType };
    if (asc.kind !== "Literal" || exprType(asc).kind !== "boolean") {
      throw unexpected(scalarCall("sort_array", [args[0]!, asc], t, true), 1, asc, '"BOOLEAN"');
    }
    return scalarCall("sort_array", [args[0]!, asc], t, exprNullable(args[0]!));
  },
  ([a, asc], call) => {
    const up = asc !== false;
    return sortedArray(arr(a), up, up, elementOrder(call));
  },
);

/** array_sort(array) without a comparator: ascending, nulls last (the comparator form is a higher-order function). */
export function arraySortDefault(xs: readonly unknown[], call: ScalarCall): unknown[] {
  return sortedArray(xs, true, false, elementOrder(call));
}

const SLICE: ScalarFunctionDef = arrayFn(
  "slice",
  doc("slice(x, start, length)", "Returns length elements from 1-based start (negative counts from the end)."),
  (_n, args) => {
    checkArity("slice", args, 3);
    const t = expectArray(scalarCall("slice", args, NullType, true), args, 0);
    return scalarCall("slice", [args[0]!, coerce(args[1]!, IntegerType), coerce(args[2]!, IntegerType)], t, anyNullable(args));
  },
  ([a, s, l]) => {
    const xs = arr(a);
    const start = Number(s);
    const len = Number(l);
    if (start === 0) throw runtimeError("INVALID_PARAMETER_VALUE.START", { parameter: "`start`", functionName: "`slice`" });
    if (len < 0) throw runtimeError("INVALID_PARAMETER_VALUE.LENGTH", { parameter: "`length`", functionName: "`slice`", length: String(len) });
    const from = start > 0 ? start - 1 : xs.length + start;
    if (from < 0 || from >= xs.length) return [];
    return xs.slice(from, Math.min(xs.length, from + len));
  },
);

const FLATTEN: ScalarFunctionDef = arrayFn(
  "flatten",
  doc("flatten(arrayOfArrays)", "Concatenates the inner arrays; null if the outer array or any inner array is null."),
  (_n, args) => {
    checkArity("flatten", args, 1);
    const draft = scalarCall("flatten", args, NullType, true);
    const t = expectArray(draft, args, 0);
    if (t.elementType.kind !== "array") throw unexpected(draft, 0, args[0]!, '"ARRAY" of "ARRAY"');
    return scalarCall("flatten", args, t.elementType, exprNullable(args[0]!) || t.containsNull);
  },
  ([a]) => {
    const out: unknown[] = [];
    for (const inner of arr(a)) {
      if (inner === null) return null;
      out.push(...arr(inner));
    }
    return out;
  },
);

/** Field names of arrays_zip's structs: the arguments' column names, else their position. */
function zipFieldName(e: Expr, i: number): string {
  if (e.kind === "AttributeRef" || e.kind === "Alias" || e.kind === "NamedLambdaVariable") return e.name;
  return String(i);
}

const ARRAYS_ZIP: ScalarFunctionDef = arrayFn(
  "arrays_zip",
  doc("arrays_zip(a1, a2, ...)", "Returns an array of structs whose N-th struct holds the N-th element of every array (null past a shorter one's end)."),
  (_n, args) => {
    const draft = scalarCall("arrays_zip", args, NullType, true);
    const fields = args.map((a, i) => structField(zipFieldName(a, i), expectArray(draft, args, i).elementType, true));
    return scalarCall("arrays_zip", args, arrayType(structType(fields), false), anyNullable(args));
  },
  (vals) => {
    const xs = vals.map(arr);
    const n = Math.max(0, ...xs.map((x) => x.length));
    return Array.from({ length: n }, (_, i) => xs.map((x) => (i < x.length ? x[i] : null)));
  },
);

// Session-dependent: temporal sequences step on the session zone's wall clock.
const SEQUENCE: ScalarFunctionDef = withSessionZone(arrayFn(
  "sequence",
  doc("sequence(start, stop[, step])", "Returns the integers from start to stop (inclusive) by step (default 1 or -1), or the dates/timestamps by an interval step (default one day)."),
  (_n, args) => {
    checkArity("sequence", args, 2, 3);
    const types = args.map(exprType);
    // Dates and timestamps step by an interval (one day when absent): sequence-temporal.ts.
    const temporal = (t: DataType): boolean => t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz";
    if (temporal(types[0]!) && types[1]!.kind === types[0]!.kind && (types[2] === undefined || isInterval(types[2]))) {
      return scalarCall("sequence", args, arrayType(types[0]!, false), anyNullable(args));
    }
    const t = widerTypeOfAll(types);
    if (t === null || !isIntegral(t)) {
      throw new AnalysisException("DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES", {
        sqlExpr: `"sequence(${args.map(quoted).join(", ")})"`,
        functionName: "`sequence`",
        startType: typeText(types[0]!),
        stepType: typeText(types[2] ?? types[0]!),
        otherStartType: '"INTERVAL"',
      });
    }
    return scalarCall("sequence", args.map((a) => coerce(a, t)), arrayType(t, false), anyNullable(args));
  },
  ([a, b, s], call, ctx) => {
    const t = exprType(call.args[0]!);
    if (t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz") {
      const zone = zoneRulesOrUtc(t.kind === "timestamp_ntz" ? "UTC" : ctx.timeZone);
      const stepType = call.args[2] === undefined ? undefined : exprType(call.args[2]);
      return temporalSequence(Number(a), Number(b), s === undefined ? undefined : Number(s), stepType, t.kind === "date", zone);
    }
    const start = BigInt(a as number | bigint);
    const stop = BigInt(b as number | bigint);
    const step = s === undefined || s === null ? (start <= stop ? 1n : -1n) : BigInt(s as number | bigint);
    if (step === 0n ? start !== stop : (step > 0n && start > stop) || (step < 0n && start < stop)) {
      throw new IllegalArgumentException(`Illegal sequence boundaries: ${start} to ${stop} by ${step}`);
    }
    const out: unknown[] = [];
    if (step === 0n) return [Number(start)];
    for (let x = start; step > 0n ? x <= stop : x >= stop; x += step) out.push(Number.isSafeInteger(Number(x)) ? Number(x) : x);
    return out;
  },
));

/** Marks an entry as reading the session time zone, so it is not folded at plan time. */
function withSessionZone(def: ScalarFunctionDef): ScalarFunctionDef {
  return { ...def, sessionDependent: true };
}

/** Mulberry32: a small seeded generator for shuffle (Spark's XORShiftRandom sequence is not reproduced). */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHUFFLE: ScalarFunctionDef = {
  kind: "scalar",
  name: "shuffle",
  doc: doc("shuffle(array[, seed])", "Returns a random permutation of the array; with a seed the permutation is reproducible (not Spark's sequence)."),
  resolve(_n, args) {
    checkArity("shuffle", args, 1, 2);
    const t = expectArray(scalarCall("shuffle", args, NullType, true), args, 0);
    return scalarCall("shuffle", args, t, exprNullable(args[0]!));
  },
  eval(args, call) {
    const seedArg = call.args[1];
    const seed = seedArg?.kind === "Literal" && seedArg.value !== null ? Number(seedArg.value) : Math.floor(Math.random() * 2 ** 32);
    const next = seededRandom(seed);
    return mapRows([args[0]!], call.dataType, ([a]) => {
      const xs = [...arr(a)];
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    });
  },
};

/** Registry entries of the array functions. */
export const ARRAY_FUNCTIONS: readonly ScalarFunctionDef[] = [
  SIZE,
  CARDINALITY,
  ARRAY_SIZE,
  ARRAY_CONTAINS,
  ARRAY_POSITION,
  ARRAY_REMOVE,
  ARRAY_DISTINCT,
  ARRAY_UNION,
  ARRAY_INTERSECT,
  ARRAY_EXCEPT,
  ARRAYS_OVERLAP,
  ARRAY_COMPACT,
  appendLike("array_append", false),
  appendLike("array_prepend", true),
  ARRAY_INSERT,
  ARRAY_JOIN,
  extremum("array_max", 1),
  extremum("array_min", -1),
  ARRAY_REPEAT,
  SORT_ARRAY,
  SLICE,
  FLATTEN,
  ARRAYS_ZIP,
  SEQUENCE,
  SHUFFLE,
];
