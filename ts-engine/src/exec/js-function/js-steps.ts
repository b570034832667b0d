import { compile, userError, type JsFunction } from "./js-function.js";
import { compareKeys, KeyMap } from "./js-keys.js";

/**
 * One step of a JavaScript RDD's partition pipeline, as the Node API's RDD methods make
 * them: consecutive steps are fused into one task, each a lazy generator over the previous
 * one's elements, so a map → filter → count reads each element once and keeps no array.
 * The key-value steps are the two halves of Spark's combineByKey around a shuffle.
 */
export type JsStep =
  | FnStep
  /** `fn(splitIndex, iterable)`. */
  | { readonly op: "mapPartitionsWithIndex"; readonly fn: JsFunction }
  /** Each element `[start, end, step]` becomes the numbers start, start + step, … before end (sc.range's partitions). */
  | { readonly op: "range" }
  /**
   * Map side of combineByKey: one `[k, combiner]` per distinct key of the partition. A key's
   * first value makes its combiner with `createCombiner(v)`; without one, `mergeValue(zero, v)`
   * from a copy of `zero` (foldByKey, aggregateByKey), or without a zero the value itself (reduceByKey).
   */
  | {
      readonly op: "combineLocally";
      readonly createCombiner: JsFunction | null;
      readonly mergeValue: JsFunction;
      readonly zero?: unknown;
      readonly hasZero: boolean;
    }
  /** Reduce side of combineByKey: `[k, combiner]` pairs merged into one per key. */
  | { readonly op: "mergeCombiners"; readonly fn: JsFunction }
  /** The partition sorted by key (`keyfunc(k)` when given), as sortByKey sorts each range. */
  | { readonly op: "sortByKey"; readonly ascending: boolean; readonly keyfunc: JsFunction | null }
  /** One element: the partition's element count. */
  | { readonly op: "count" }
  /** One element: the partition's elements as an array (rdd.glom). */
  | { readonly op: "glom" }
  /** One element per partition, `fn` folded over it from `zero` (absent when the partition is empty); `zero` is structured-cloned. */
  | { readonly op: "fold"; readonly fn: JsFunction; readonly zero?: unknown; readonly hasZero: boolean };

/** The steps that apply one user function in the way their op names. */
export interface FnStep {
  readonly op: FnStepOp;
  readonly fn: JsFunction;
}

/** The ops of FnStep: `f(x)` per element, `f(iterable)` per partition (mapPartitions, foreachPartition). */
export type FnStepOp = "map" | "flatMap" | "filter" | "mapValues" | "flatMapValues" | "keyBy" | "mapPartitions" | "foreach" | "foreachPartition";

/** The kinds of steps. */
export type JsStepOp = JsStep["op"];

type StepOf<K extends JsStepOp> = K extends FnStepOp ? FnStep : Extract<JsStep, { readonly op: K }>;

type StepRunner<S extends JsStep> = (step: S, splitIndex: number, it: Iterable<unknown>) => Iterable<unknown>;

/** Calls a compiled user function, wrapping what it throws with its name and stack. */
function guard<A extends unknown[], R>(f: JsFunction): (...args: A) => R {
  const fn = compile(f) as unknown as (...args: A) => R;
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      throw userError(f.name, e);
    }
  };
}

function pairOf(x: unknown, op: string): readonly [unknown, unknown] {
  if (!Array.isArray(x) || x.length !== 2) throw new TypeError(`${op} needs [key, value] pairs, got ${describe(x)}`);
  return x as unknown as readonly [unknown, unknown];
}

function describe(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

function iterableOf(x: unknown, name: string): Iterable<unknown> {
  if (x !== null && typeof x === "object" && Symbol.iterator in x) return x as Iterable<unknown>;
  if (typeof x === "string") return x;
  throw userError(name, new TypeError(`${name} must return an iterable, got ${describe(x)}`));
}

/** How each kind of step runs over its partition (a table, so a new kind must be given one). */
const STEPS: { readonly [K in JsStepOp]: StepRunner<StepOf<K>> } = {
  *map(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) yield f(x);
  },
  *flatMap(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) yield* iterableOf(f(x), s.fn.name);
  },
  *filter(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) if (f(x)) yield x;
  },
  *mapValues(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) {
      const [k, v] = pairOf(x, "mapValues");
      yield [k, f(v)];
    }
  },
  *flatMapValues(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) {
      const [k, v] = pairOf(x, "flatMapValues");
      for (const w of iterableOf(f(v), s.fn.name)) yield [k, w];
    }
  },
  *keyBy(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) yield [f(x), x];
  },
  *foreach(s, _i, it) {
    const f = guard<[unknown], unknown>(s.fn);
    for (const x of it) f(x);
  },
  foreachPartition(s, _i, it) {
    guard<[Iterable<unknown>], unknown>(s.fn)(it);
    return [];
  },
  mapPartitions(s, _i, it) {
    return iterableOf(guard<[Iterable<unknown>], unknown>(s.fn)(it), s.fn.name);
  },
  mapPartitionsWithIndex(s, i, it) {
    return iterableOf(guard<[number, Iterable<unknown>], unknown>(s.fn)(i, it), s.fn.name);
  },
  *range(_s, _i, it) {
    for (const x of it) {
      const [start, end, step] = x as readonly [number, number, number];
      if (step > 0) for (let v = start; v < end; v += step) yield v;
      else for (let v = start; v > end; v += step) yield v;
    }
  },
  *combineLocally(s, _i, it) {
    const merge = guard<[unknown, unknown], unknown>(s.mergeValue);
    const zero = s.zero;
    const create: (v: unknown) => unknown =
      s.createCombiner !== null ? guard<[unknown], unknown>(s.createCombiner) : s.hasZero ? (v) => merge(structuredClone(zero), v) : (v) => v;
    const acc = new KeyMap<unknown>();
    for (const x of it) {
      const [k, v] = pairOf(x, "combineByKey");
      const c = acc.get(k);
      acc.set(k, c === undefined ? create(v) : merge(c, v));
    }
    yield* acc.entries();
  },
  *mergeCombiners(s, _i, it) {
    const merge = guard<[unknown, unknown], unknown>(s.fn);
    const acc = new KeyMap<{ c: unknown }>();
    for (const x of it) {
      const [k, c] = pairOf(x, "combineByKey");
      const e = acc.get(k);
      if (e === undefined) acc.set(k, { c });
      else e.c = merge(e.c, c);
    }
    for (const [k, e] of acc.entries()) yield [k, e.c];
  },
  sortByKey(s, _i, it) {
    const key = s.keyfunc === null ? null : guard<[unknown], unknown>(s.keyfunc);
    const rows = [...it].map((x) => {
      const [k] = pairOf(x, "sortByKey");
      return { x, k: key === null ? k : key(k) };
    });
    const sign = s.ascending ? 1 : -1;
    rows.sort((a, b) => sign * compareKeys(a.k, b.k));
    return rows.map((r) => r.x);
  },
  *count(_s, _i, it) {
    let n = 0;
    for (const _ of it) n++;
    yield n;
  },
  *glom(_s, _i, it) {
    yield [...it];
  },
  *fold(s, _i, it) {
    const f = guard<[unknown, unknown], unknown>(s.fn);
    // a copy per partition: a mutable zero (an array, an object) must not be shared by partitions
    let acc: unknown = s.hasZero ? structuredClone(s.zero) : undefined;
    let any = s.hasZero;
    for (const x of it) {
      acc = any ? f(acc, x) : x;
      any = true;
    }
    if (any) yield acc;
  },
};

/** The elements after `steps`, in order, lazily over `input`. */
export function runSteps(steps: readonly JsStep[], splitIndex: number, input: Iterable<unknown>): Iterable<unknown> {
  let it = input;
  for (const s of steps) it = (STEPS[s.op] as StepRunner<JsStep>)(s, splitIndex, it);
  return it;
}
