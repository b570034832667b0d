import { randomUUID } from "node:crypto";
import { decodeElements } from "../exec/js-function/js-elements.js";
import { compile, jsFunctionOf, type JsFunction } from "../exec/js-function/js-function.js";
import { compareKeys, KeyMap } from "../exec/js-function/js-keys.js";
import type { JsPartitioner } from "../exec/js-function/js-partitioner.js";
import type { JsStep } from "../exec/js-function/js-steps.js";
import { IllegalArgumentException } from "../errors/spark-exception.js";
import { executeRdd, rddNumPartitions, unpersistRdd } from "../rdd/execute-rdd.js";
import type { RddPlan } from "../rdd/rdd-plan.js";
import { ValueError } from "./errors.js";
import { cogroupValues, JOIN_VALUES, TAG_LEFT, TAG_RIGHT, type JoinHow } from "./rdd-join.js";
import type { ExecContext } from "../exec/exec-context.js";

/** What an RDD needs of its SparkContext (api/spark-context.ts): the context its jobs run with and the default parallelism. */
export interface RddContext {
  execContext(): ExecContext;
  readonly defaultParallelism: number;
}

/** A user function of an RDD step (shipped as its source: see RDD.map on captures). */
export type Fn<A extends unknown[], R> = (...args: A) => R;

/** Values a function reads from outside, by the names it reads them as: structured-cloned to every worker thread. */
export type Captures = Readonly<Record<string, unknown>>;

// Functions of the key-value steps, written here (no captures): groupByKey's list combiners.
const LIST_CREATE = jsFunctionOf((v: unknown) => [v]);
const LIST_APPEND = jsFunctionOf((c: unknown[], v: unknown) => {
  c.push(v);
  return c;
});
const LIST_CONCAT = jsFunctionOf((a: unknown[], b: unknown[]) => a.concat(b));
const FIRST = jsFunctionOf((a: unknown) => a);
const PAIR_KEY = jsFunctionOf((p: readonly [unknown, unknown]) => p[0]);
const PAIR_VALUE = jsFunctionOf((p: readonly [unknown, unknown]) => p[1]);
const WITH_NULL = jsFunctionOf((x: unknown) => [x, null]);

/**
 * A Node API RDD: PySpark's RDD with JavaScript functions. Transformations build an engine
 * RDD plan (rdd/rdd-plan.ts); consecutive narrow steps fuse into one task per partition;
 * actions run one task per partition on the engine's worker threads and return Promises.
 * Elements are plain JS values; key-value methods take `[key, value]` arrays.
 *
 * Functions are shipped to the worker threads as their source text and compiled once per
 * thread: a function must not read variables of an enclosing scope (they are not carried).
 * Pass what it reads as `captures`: `rdd.map((x) => x * k, { k })`. Captured values are
 * structured-cloned, so numbers, strings, arrays, objects, Maps and Dates work, functions do not.
 */
export class RDD<T> {
  constructor(
    /** The SparkContext that made it. */
    readonly context: RddContext,
    /** @internal the engine plan. */
    readonly plan: RddPlan,
  ) {}

  // ---- narrow transformations ------------------------------------------------------------

  /** `f` applied to each element. */
  map<U>(f: Fn<[T], U>, captures?: Captures): RDD<U> {
    return this.step({ op: "map", fn: jsFunctionOf(f, captures) });
  }

  /** Each element's iterable of results, flattened. */
  flatMap<U>(f: Fn<[T], Iterable<U>>, captures?: Captures): RDD<U> {
    return this.step({ op: "flatMap", fn: jsFunctionOf(f, captures) });
  }

  /** The elements for which `f` is truthy. */
  filter(f: Fn<[T], unknown>, captures?: Captures): RDD<T> {
    return this.step({ op: "filter", fn: jsFunctionOf(f, captures) });
  }

  /** `f(iterable)` per partition (may be a generator function). */
  mapPartitions<U>(f: Fn<[Iterable<T>], Iterable<U>>, captures?: Captures): RDD<U> {
    return this.step({ op: "mapPartitions", fn: jsFunctionOf(f, captures) });
  }

  /** `f(partitionIndex, iterable)` per partition. */
  mapPartitionsWithIndex<U>(f: Fn<[number, Iterable<T>], Iterable<U>>, captures?: Captures): RDD<U> {
    return this.step({ op: "mapPartitionsWithIndex", fn: jsFunctionOf(f, captures) });
  }

  /** `[f(x), x]` per element. */
  keyBy<K>(f: Fn<[T], K>, captures?: Captures): RDD<[K, T]> {
    return this.step({ op: "keyBy", fn: jsFunctionOf(f, captures) });
  }

  /** Each partition as one array. */
  glom(): RDD<T[]> {
    return this.step({ op: "glom" });
  }

  /** `[k, f(v)]` per pair. */
  mapValues<K, V, U>(this: RDD<readonly [K, V]>, f: Fn<[V], U>, captures?: Captures): RDD<[K, U]> {
    return this.step({ op: "mapValues", fn: jsFunctionOf(f, captures) });
  }

  /** `[k, w]` for each `w` of `f(v)`. */
  flatMapValues<K, V, U>(this: RDD<readonly [K, V]>, f: Fn<[V], Iterable<U>>, captures?: Captures): RDD<[K, U]> {
    return this.step({ op: "flatMapValues", fn: jsFunctionOf(f, captures) });
  }

  /** The keys of pairs. */
  keys<K>(this: RDD<readonly [K, unknown]>): RDD<K> {
    return this.step({ op: "map", fn: PAIR_KEY });
  }

  /** The values of pairs. */
  values<V>(this: RDD<readonly [unknown, V]>): RDD<V> {
    return this.step({ op: "map", fn: PAIR_VALUE });
  }

  /** This RDD's partitions followed by `other`'s. */
  union(other: RDD<T>): RDD<T> {
    return this.derive({ kind: "Union", inputs: [this.plan, other.plan] });
  }

  /**
   * `n` partitions, each a run of consecutive input partitions, with no shuffle (Spark's
   * CoalescedRDD without locality); `shuffle` repartitions instead. Async in Node: the
   * grouping needs the input's partition count (a textFile's splits are listed).
   */
  async coalesce(numPartitions: number, shuffle = false): Promise<RDD<T>> {
    const n = positive(numPartitions, "numPartitions");
    if (shuffle) return this.repartition(n);
    return this.derive({ kind: "CoalescePartitions", input: this.plan, groups: coalesceGroups(await rddNumPartitions(this.plan), n) });
  }

  /** `n` partitions by a shuffle, elements dealt round robin from each partition's own start, as Spark's repartition. */
  repartition(numPartitions: number): RDD<T> {
    const n = positive(numPartitions, "numPartitions");
    const dealt = this.step({
      op: "mapPartitionsWithIndex",
      fn: jsFunctionOf(
        function* deal(i: number, it: Iterable<unknown>) {
          let p = i;
          for (const x of it) yield [p++ % n, x];
        },
        { n },
      ),
    });
    return new RDD<[number, T]>(this.context, { kind: "JsShuffle", input: dealt.plan, numPartitions: n, partitioner: { kind: "hash" } }).values();
  }

  // ---- key-value transformations (shuffles) ---------------------------------------------

  /** Pairs moved to `numPartitions` by `partitionFunc(key) mod n` (default: the key's hash). */
  partitionBy<K, V>(this: RDD<readonly [K, V]>, numPartitions: number, partitionFunc?: Fn<[K], unknown>, captures?: Captures): RDD<[K, V]> {
    const partitioner: JsPartitioner = partitionFunc === undefined ? { kind: "hash" } : { kind: "func", fn: jsFunctionOf(partitionFunc, captures) };
    return this.derive({ kind: "JsShuffle", input: this.plan, numPartitions: positive(numPartitions, "numPartitions"), partitioner });
  }

  /**
   * Spark's combineByKey: per partition each key's values folded into a combiner
   * (`createCombiner(v)`, then `mergeValue(c, v)`), shuffled by key, and the combiners of a key
   * merged (`mergeCombiners`). `captures` are shared by the three functions.
   */
  combineByKey<K, V, C>(
    this: RDD<readonly [K, V]>,
    createCombiner: Fn<[V], C>,
    mergeValue: Fn<[C, V], C>,
    mergeCombiners: Fn<[C, C], C>,
    numPartitions?: number,
    captures?: Captures,
  ): RDD<[K, C]> {
    return this.combine(jsFunctionOf(createCombiner, captures), jsFunctionOf(mergeValue, captures), null, jsFunctionOf(mergeCombiners, captures), numPartitions);
  }

  /** Each key's values reduced with `f` (combined on the map side first). */
  reduceByKey<K, V>(this: RDD<readonly [K, V]>, f: Fn<[V, V], V>, numPartitions?: number, captures?: Captures): RDD<[K, V]> {
    const fn = jsFunctionOf(f, captures);
    return this.combine(null, fn, null, fn, numPartitions);
  }

  /** Each key's values folded from `zeroValue` with `f` (the zero is copied for each key of each partition). */
  foldByKey<K, V>(this: RDD<readonly [K, V]>, zeroValue: V, f: Fn<[V, V], V>, numPartitions?: number, captures?: Captures): RDD<[K, V]> {
    const fn = jsFunctionOf(f, captures);
    return this.combine(null, fn, { value: zeroValue }, fn, numPartitions);
  }

  /** Each key's values folded with `seqFunc` from `zeroValue`, partial results merged with `combFunc`. */
  aggregateByKey<K, V, U>(
    this: RDD<readonly [K, V]>,
    zeroValue: U,
    seqFunc: Fn<[U, V], U>,
    combFunc: Fn<[U, U], U>,
    numPartitions?: number,
    captures?: Captures,
  ): RDD<[K, U]> {
    return this.combine(null, jsFunctionOf(seqFunc, captures), { value: zeroValue }, jsFunctionOf(combFunc, captures), numPartitions);
  }

  /** Each key with the array of its values. */
  groupByKey<K, V>(this: RDD<readonly [K, V]>, numPartitions?: number): RDD<[K, V[]]> {
    return this.combine(LIST_CREATE, LIST_APPEND, null, LIST_CONCAT, numPartitions);
  }

  /** `[f(x), [elements with that key]]`. */
  groupBy<K>(f: Fn<[T], K>, numPartitions?: number, captures?: Captures): RDD<[K, T[]]> {
    return this.keyBy(f, captures).groupByKey(numPartitions);
  }

  /** The distinct elements (compared by value, arrays and objects too). */
  distinct(numPartitions?: number): RDD<T> {
    const keyed = this.step<[T, null]>({ op: "map", fn: WITH_NULL });
    return keyed.combine<T, null>(null, FIRST, null, FIRST, numPartitions).keys();
  }

  /**
   * Pairs sorted by key across partitions, as Spark's sortByKey: a sample of the keys sets
   * range bounds (a job), the pairs are shuffled into those ranges and each range is sorted.
   * Keys compare as numbers, strings, bigints, Dates, or arrays element by element.
   */
  async sortByKey<K, V>(this: RDD<readonly [K, V]>, ascending = true, numPartitions?: number, keyfunc?: Fn<[K], unknown>, captures?: Captures): Promise<RDD<[K, V]>> {
    const n = positive(numPartitions ?? (await this.getNumPartitions()), "numPartitions");
    const key = keyfunc === undefined ? null : jsFunctionOf(keyfunc, captures);
    const sortStep: JsStep = { op: "sortByKey", ascending, keyfunc: key };
    if (n === 1) return (await this.coalesce(1)).step(sortStep);
    const bounds = await this.rangeBounds(n, key);
    const partitioner: JsPartitioner = { kind: "range", bounds, ascending, keyfunc: key };
    return new RDD<[K, V]>(this.context, { kind: "JsShuffle", input: this.plan, numPartitions: n, partitioner }).step(sortStep);
  }

  /** The elements sorted by `keyfunc(x)` (sortByKey over `[keyfunc(x), x]`). */
  async sortBy<K>(keyfunc: Fn<[T], K>, ascending = true, numPartitions?: number, captures?: Captures): Promise<RDD<T>> {
    return (await this.keyBy(keyfunc, captures).sortByKey(ascending, numPartitions)).values();
  }

  /** Inner join on key: `[k, [v, w]]` for each pair of values. */
  join<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [V, W]]> {
    return this.joinHow(other, "inner", numPartitions);
  }

  /** Left outer join: keys of this RDD without a match get `[v, null]`. */
  leftOuterJoin<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]> {
    return this.joinHow(other, "left", numPartitions);
  }

  /** Right outer join: keys of `other` without a match get `[null, w]`. */
  rightOuterJoin<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [V | null, W]]> {
    return this.joinHow(other, "right", numPartitions);
  }

  /** Full outer join. */
  fullOuterJoin<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [V | null, W | null]]> {
    return this.joinHow(other, "full", numPartitions);
  }

  /** `[k, [values of this RDD, values of other]]` for every key of either. */
  cogroup<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [V[], W[]]]> {
    return this.tagged(other, numPartitions).mapValues(cogroupValues) as RDD<[K, [V[], W[]]]>;
  }

  /** `[x, index]`: indexes in partition order (one job counts the partitions first). */
  async zipWithIndex(): Promise<RDD<[T, number]>> {
    const counts = await this.step<number>({ op: "count" }).collect();
    const offsets: number[] = [0];
    for (const c of counts) offsets.push(offsets[offsets.length - 1]! + c);
    return this.mapPartitionsWithIndex(function* (i: number, it: Iterable<T>) {
      let k = offsets[i]!;
      for (const x of it) yield [x, k++] as [T, number];
    }, { offsets });
  }

  // ---- persistence ---------------------------------------------------------------------

  /** Keeps the partitions in the engine's memory from the first job that computes them. */
  cache(): RDD<T> {
    return this.plan.kind === "Cached" ? this : this.derive({ kind: "Cached", id: randomUUID(), input: this.plan });
  }

  /** Same as cache (every storage level keeps partitions in memory). */
  persist(): RDD<T> {
    return this.cache();
  }

  /** Drops kept partitions. */
  unpersist(): RDD<T> {
    unpersistRdd(this.plan);
    return this;
  }

  // ---- actions -------------------------------------------------------------------------

  /** Every element, in partition order. */
  async collect(): Promise<T[]> {
    const out: T[] = [];
    for await (const blob of executeRdd(this.plan, this.context.execContext(), undefined, "js")) {
      for (const x of decodeElements(blob)) out.push(x as T);
    }
    return out;
  }

  /** The number of elements (counted in the tasks). */
  async count(): Promise<number> {
    let n = 0;
    for (const c of await this.step<number>({ op: "count" }).collect()) n += c;
    return n;
  }

  /** The number of partitions. */
  getNumPartitions(): Promise<number> {
    return rddNumPartitions(this.plan);
  }

  /** The first `n` elements. */
  async take(n: number): Promise<T[]> {
    return (await this.collect()).slice(0, Math.max(0, n));
  }

  /** The first element; ValueError "RDD is empty" when there is none, as PySpark. */
  async first(): Promise<T> {
    const [x] = await this.take(1);
    if (x === undefined && (await this.isEmpty())) throw new ValueError("RDD is empty");
    return x as T;
  }

  /** Whether there are no elements. */
  async isEmpty(): Promise<boolean> {
    return (await this.count()) === 0;
  }

  /** The elements reduced with `f`: per partition in the tasks, then the partial results here. */
  async reduce(f: Fn<[T, T], T>, captures?: Captures): Promise<T> {
    const partials = await this.step<T>({ op: "fold", fn: jsFunctionOf(f, captures), hasZero: false }).collect();
    if (partials.length === 0) throw new ValueError("Can not reduce() empty RDD");
    return partials.reduce((a, b) => f(a, b));
  }

  /** The elements folded from `zeroValue` with `f`, per partition and then across them. */
  async fold(zeroValue: T, f: Fn<[T, T], T>, captures?: Captures): Promise<T> {
    const partials = await this.step<T>({ op: "fold", fn: jsFunctionOf(f, captures), zero: zeroValue, hasZero: true }).collect();
    return partials.reduce((a, b) => f(a, b), structuredClone(zeroValue));
  }

  /** `seqOp` from `zeroValue` per partition, the results merged with `combOp`. */
  async aggregate<U>(zeroValue: U, seqOp: Fn<[U, T], U>, combOp: Fn<[U, U], U>, captures?: Captures): Promise<U> {
    const partials = await this.step<U>({ op: "fold", fn: jsFunctionOf(seqOp, captures), zero: zeroValue, hasZero: true }).collect();
    return partials.reduce((a, b) => combOp(a, b), structuredClone(zeroValue));
  }

  /** The sum of numeric elements (0 when empty). */
  async sum(this: RDD<number>): Promise<number> {
    return this.fold(0, (a, b) => a + b);
  }

  /** The mean of numeric elements (NaN when empty, as PySpark's StatCounter). */
  async mean(this: RDD<number>): Promise<number> {
    const [s, c] = await this.aggregate<[number, number]>([0, 0], (acc, x) => [acc[0] + x, acc[1] + 1], (a, b) => [a[0] + b[0], a[1] + b[1]]);
    return c === 0 ? Number.NaN : s / c;
  }

  /** The largest element (by `key(x)` when given). */
  async max(key?: Fn<[T], unknown>): Promise<T> {
    return pick(await this.collect(), key, 1);
  }

  /** The smallest element (by `key(x)` when given). */
  async min(key?: Fn<[T], unknown>): Promise<T> {
    return pick(await this.collect(), key, -1);
  }

  /** The `n` largest elements, largest first. */
  async top(n: number, key?: Fn<[T], unknown>): Promise<T[]> {
    return sortedBy(await this.collect(), key, -1).slice(0, n);
  }

  /** The `n` smallest elements, smallest first. */
  async takeOrdered(n: number, key?: Fn<[T], unknown>): Promise<T[]> {
    return sortedBy(await this.collect(), key, 1).slice(0, n);
  }

  /** `f` on every element, in the tasks (for its side effects there). */
  async foreach(f: Fn<[T], unknown>, captures?: Captures): Promise<void> {
    await this.step({ op: "foreach", fn: jsFunctionOf(f, captures) }).collect();
  }

  /** `f(iterable)` on every partition, in the tasks. */
  async foreachPartition(f: Fn<[Iterable<T>], unknown>, captures?: Captures): Promise<void> {
    await this.step({ op: "foreachPartition", fn: jsFunctionOf(f, captures) }).collect();
  }

  /** Each distinct element with its count. */
  async countByValue(): Promise<Map<T, number>> {
    const pairs = await this.map((x) => [x, 1] as [T, number]).reduceByKey((a, b) => a + b).collect();
    return new Map(pairs);
  }

  /** Each key with its number of pairs. */
  async countByKey<K>(this: RDD<readonly [K, unknown]>): Promise<Map<K, number>> {
    return (this.keys() as RDD<K>).countByValue();
  }

  /** The pairs as a Map (a later pair of a key wins). */
  async collectAsMap<K, V>(this: RDD<readonly [K, V]>): Promise<Map<K, V>> {
    return new Map(await this.collect());
  }

  /** The values of `key`. */
  async lookup<K, V>(this: RDD<readonly [K, V]>, key: K): Promise<V[]> {
    const want = new KeyMap<true>();
    want.set(key, true);
    return (await this.collect()).filter(([k]) => want.get(k) === true).map(([, v]) => v);
  }

  // ---- internals -----------------------------------------------------------------------

  /** This RDD with one more fused step (a new task pipeline when the plan is not one). */
  private step<U>(s: JsStep): RDD<U> {
    const p = this.plan;
    if (p.kind === "JsMapPartitions") return new RDD<U>(this.context, { ...p, steps: [...p.steps, s] });
    return new RDD<U>(this.context, { kind: "JsMapPartitions", input: p, steps: [s] });
  }

  private derive<U>(plan: RddPlan): RDD<U> {
    return new RDD<U>(this.context, plan);
  }

  /** combineByKey's plan: a local combine, a hash shuffle, the merge of combiners. */
  private combine<K, C>(createCombiner: JsFunction | null, mergeValue: JsFunction, zero: { readonly value: unknown } | null, mergeCombiners: JsFunction, numPartitions?: number): RDD<[K, C]> {
    const local = this.step<[unknown, unknown]>(
      createCombiner !== null
        ? { op: "combineLocally", createCombiner, mergeValue, hasZero: false }
        : zero !== null
          ? { op: "combineLocally", createCombiner: null, mergeValue, zero: zero.value, hasZero: true }
          : { op: "combineLocally", createCombiner: null, mergeValue, hasZero: false },
    );
    const n = numPartitions === undefined ? null : positive(numPartitions, "numPartitions");
    return new RDD<[K, C]>(this.context, {
      kind: "JsShuffle",
      input: local.plan,
      numPartitions: n ?? this.context.defaultParallelism,
      partitioner: { kind: "hash" },
    }).step({ op: "mergeCombiners", fn: mergeCombiners });
  }

  private tagged<K, V, W>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, numPartitions?: number): RDD<[K, [number, unknown][]]> {
    const left = this.step<[K, [number, V]]>({ op: "mapValues", fn: TAG_LEFT });
    const right = other.step<[K, [number, W]]>({ op: "mapValues", fn: TAG_RIGHT });
    return (left as RDD<readonly [K, unknown]>).union(right as RDD<readonly [K, unknown]>).groupByKey(numPartitions) as RDD<[K, [number, unknown][]]>;
  }

  private joinHow<K, V, W, R>(this: RDD<readonly [K, V]>, other: RDD<readonly [K, W]>, how: JoinHow, numPartitions?: number): RDD<[K, R]> {
    return this.tagged(other, numPartitions).step({ op: "flatMapValues", fn: JOIN_VALUES[how] });
  }

  /** n - 1 range bounds from a sample of (at most 20 per partition … ) keys, as Spark's RangePartitioner sketches. */
  private async rangeBounds(n: number, key: JsFunction | null): Promise<unknown[]> {
    // the sample size per partition: Spark's RangePartitioner asks for about 20 keys per output partition
    const size = Math.ceil((20 * n) / Math.max(1, await this.getNumPartitions())) + 1;
    const sampled = await this.mapPartitions(
      function* reservoir(it: Iterable<unknown>) {
        const kept: unknown[] = [];
        let seen = 0;
        for (const x of it) {
          const k = (x as readonly unknown[])[0];
          if (kept.length < size) kept.push(k);
          else {
            const j = Math.floor(Math.random() * (seen + 1));
            if (j < size) kept[j] = k;
          }
          seen++;
        }
        yield* kept;
      },
      { size },
    ).collect();
    const keyOf = key === null ? (k: unknown) => k : (compile(key) as (k: unknown) => unknown);
    const keys = sampled.map(keyOf).sort(compareKeys);
    const bounds: unknown[] = [];
    for (let i = 1; i < n; i++) {
      const b = keys[Math.min(keys.length - 1, Math.floor((i * keys.length) / n))];
      if (b !== undefined && (bounds.length === 0 || compareKeys(bounds[bounds.length - 1], b) < 0)) bounds.push(b);
    }
    return bounds;
  }
}

function positive(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new IllegalArgumentException(`${name} must be a positive integer, got ${n}`);
  return n;
}

/** Spark's CoalescedRDD without locality: of `m` inputs, output partition j reads [j·m/k, (j+1)·m/k), k = min(n, m). */
function coalesceGroups(m: number, n: number): number[][] {
  const k = Math.min(n, m);
  return Array.from({ length: k }, (_, j) => Array.from({ length: Math.floor(((j + 1) * m) / k) - Math.floor((j * m) / k) }, (_, i) => Math.floor((j * m) / k) + i));
}

function pick<T>(xs: readonly T[], key: Fn<[T], unknown> | undefined, sign: number): T {
  if (xs.length === 0) throw new ValueError(`${sign > 0 ? "max" : "min"}() arg is an empty sequence`);
  const k = key ?? ((x: T) => x);
  let best = xs[0] as T;
  for (const x of xs) if (sign * compareKeys(k(x), k(best)) > 0) best = x;
  return best;
}

function sortedBy<T>(xs: readonly T[], key: Fn<[T], unknown> | undefined, sign: number): T[] {
  const k = key ?? ((x: T) => x);
  return [...xs].sort((a, b) => sign * compareKeys(k(a), k(b)));
}
