import type { ExecContext } from "./exec-context.js";
import { bucketedPartitioning, hashClustering, satisfiesClustering } from "./output-partitioning.js";
import { bindReferences } from "../expr/bind.js";
import { planCollectMetrics } from "./plan-collect-metrics.js";
import { newExprId, type AggCall, type AttributeRef, type BoundRef, type Expr, type ScalarCall, type SortOrder, type WindowExpression } from "../expr/expr.js";
import { SESSION_WINDOW_MARKER } from "../expr/functions/time-window.js";
import { WHOLE_PARTITION } from "../expr/window-frame.js";
import { simpleString } from "../types/type-names.js";
import { expandText, generatorText, pythonMapLine, sampleText } from "../plan/explain-logical.js";
import { assertNever } from "../errors/assert-never.js";
import { exprSemanticEquals } from "../expr/expr-equals.js";
import { exprType } from "../expr/expr-type.js";
import { exprToString } from "../expr/expr-string.js";
import { InternalError } from "../errors/spark-exception.js";
import type { Aggregate, FileScan, Join, LogicalPlan, Repartition } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import { storageLevelString } from "../plan/storage-level.js";
import { planExists, transformExprDown } from "../plan/transform.js";
import { structField, structType, type StructType } from "../types/data-type.js";
import { aggSpecOf, distinctMatters, makeAccumulator, type AggSpec } from "./aggregate/agg-spec.js";
import { partialSchema } from "./aggregate/hash-aggregate-exec.js";
import { aggDetail, exprList, JOIN_TYPE_NAMES, scanDetail } from "./explain-detail.js";
import { childrenOf, type AggCallPlan, type FileSourceScanP, type HashAggregateP, type Partitioning, type PhysicalPlan, type ShuffleOrigin } from "./physical-plan.js";
import { andAll, extractJoinKeys, splitConjuncts } from "../optimizer/join-keys.js";
import { planFileScan } from "./plan-file-scan.js";
import { planWriteFiles } from "./plan-write-files.js";
import { planWindow } from "./window/plan-window.js";
import { isPandasAggregate, isPandasWindow, planAggregateInPandas, planPythonCoGroup, planPythonMapGroups, planPythonUdtf, planWindowInPandas } from "./python/plan-arrow-python.js";
import { estimatedSize } from "./size-estimate.js";
import { isOrderable, selectEquiJoin, type BuildSide } from "./join/join-selection.js";
import { schemaOfAttrs } from "./util.js";
import { ExplainNotes, fieldString } from "./explain-notes.js";
import { bufferAttrs, distinctPhaseFields, finalAggregateFields, partialAggregateFields } from "./explain-aggregate.js";

interface PlanState {
  readonly ctx: ExecContext;
  nextPlanId: number;
  /** What formatted explain prints beyond the plan; absent when nobody explains it. */
  readonly notes?: ExplainNotes;
  /**
   * The bucketed-table scans read by bucket: all that can be on the first planning, then only
   * the ones an exchange was left out for (Spark's DisableUnnecessaryBucketedScan).
   */
  readonly bucketedScans?: ReadonlySet<FileScan>;
  /** The scans read by bucket so far, and the ones whose bucketing saved an exchange. */
  readonly bucketed: Map<FileSourceScanP, FileScan>;
  readonly relied: Set<FileScan>;
}

/** Remembers that the bucketed scans feeding `p` (below any exchange) stand in for an exchange, so they stay bucketed. */
function relyOnBuckets(p: PhysicalPlan, st: PlanState): void {
  if (p.kind === "ShuffleExchange" || p.kind === "BroadcastExchange") return;
  if (p.kind === "FileSourceScan") {
    const logical = st.bucketed.get(p);
    if (logical !== undefined) st.relied.add(logical);
    return;
  }
  for (const c of childrenOf(p)) relyOnBuckets(c, st);
}

/** A file scan, read by bucket where the planning pass allows it. */
function fileScanOf(scan: FileScan, conjuncts: readonly Expr[], st: PlanState): ReturnType<typeof planFileScan> {
  const want = st.bucketedScans === undefined || st.bucketedScans.has(scan);
  const planned = planFileScan(scan, conjuncts, st.ctx, want);
  if (planned.scan.bucketing !== undefined) st.bucketed.set(planned.scan, scan);
  return planned;
}

function bindAll(es: readonly Expr[], input: LogicalPlan): Expr[] {
  const attrs = outputOf(input);
  return es.map((e) => bindReferences(e, attrs));
}

/** Partitions of a leaf whose plan gives none: spark.default.parallelism, else the cores. */
function defaultSlices(ctx: ExecContext): number {
  const conf = ctx.conf.getNumber("spark.default.parallelism");
  return conf > 0 ? conf : Math.max(1, ctx.services.parallelism);
}

/** spark.sql.shuffle.partitions: the partitions every shuffle writes (before adaptive coalescing). */
function shufflePartitions(ctx: ExecContext): number {
  const n = ctx.conf.getNumber("spark.sql.shuffle.partitions");
  return Number.isInteger(n) && n > 0 ? n : 200;
}

function ref(ordinal: number, e: Expr, name: string): BoundRef {
  return { kind: "BoundRef", ordinal, dataType: exprType(e), nullable: true, name };
}

/** An exchange over `input`; explain prints it as Spark does. */
function exchange(input: PhysicalPlan, partitioning: Partitioning, shown: string, st: PlanState, origin: ShuffleOrigin = "ENSURE_REQUIREMENTS"): PhysicalPlan {
  const planId = st.nextPlanId++;
  const detail = ` ${shown}, ${origin}, [plan_id=${planId}]`;
  return { kind: "ShuffleExchange", input, partitioning, planId, detail, ...(origin === "ENSURE_REQUIREMENTS" ? {} : { origin }) };
}

/**
 * A user's repartition, as Spark's BasicOperators plans it: coalesce(n) is a CoalesceExec (no
 * shuffle); the others an Exchange of REPARTITION_BY_NUM (a given number, kept as is) or
 * REPARTITION_BY_COL (columns alone: spark.sql.shuffle.partitions, coalesced by AQE). One
 * partition is SinglePartition, as Spark's Repartition and RepartitionByExpression give it.
 */
function planRepartition(p: Repartition, st: PlanState): PhysicalPlan {
  const child = plan(p.input, st);
  const s = p.scheme;
  const n = p.numPartitions ?? shufflePartitions(st.ctx);
  if (s.kind === "coalesce") return { kind: "Coalesce", input: child, numPartitions: n };
  if (s.kind === "rebalance") {
    // Spark's RebalancePartitions: hash or round robin, never SinglePartition; AQE sizes it
    if (s.exprs.length === 0) return exchange(child, { kind: "roundRobin", numPartitions: n }, `RoundRobinPartitioning(${n})`, st, "REBALANCE_PARTITIONS_BY_NONE");
    const keys = bindAll(s.exprs, p.input);
    const shown = `hashpartitioning(${s.exprs.map(exprToString).join(", ")}, ${n})`;
    return exchange(child, { kind: "hash", keys, numPartitions: n, sparkHash: true }, shown, st, "REBALANCE_PARTITIONS_BY_COL");
  }
  const origin: ShuffleOrigin = p.numPartitions === undefined ? "REPARTITION_BY_COL" : "REPARTITION_BY_NUM";
  if (n === 1) return exchange(child, { kind: "single" }, "SinglePartition", st, origin);
  switch (s.kind) {
    case "roundRobin":
      return exchange(child, { kind: "roundRobin", numPartitions: n }, `RoundRobinPartitioning(${n})`, st, origin);
    case "hash": {
      const keys = bindAll(s.exprs, p.input);
      return exchange(child, { kind: "hash", keys, numPartitions: n, sparkHash: true }, `hashpartitioning(${s.exprs.map(exprToString).join(", ")}, ${n})`, st, origin);
    }
    case "range": {
      const orders = bindAll(s.orders, p.input) as SortOrder[];
      return exchange(child, { kind: "range", orders, numPartitions: n }, `rangepartitioning(${s.orders.map(exprToString).join(", ")}, ${n})`, st, origin);
    }
    default:
      return assertNever(s);
  }
}

/**
 * Whether a plan's output is one partition (Spark's SinglePartition): that satisfies any
 * distribution an operator requires, so Spark's EnsureRequirements adds no exchange above it.
 */
function singlePartition(p: PhysicalPlan): boolean {
  switch (p.kind) {
    case "ShuffleExchange":
      return p.partitioning.kind === "single";
    case "Limit":
      return p.scope === "global" || singlePartition(p.input);
    case "Range":
      return p.slices === 1;
    case "Project":
    case "Filter":
    case "HashAggregate":
    case "Sort":
    case "BatchEvalPython":
    case "Generate":
    case "Expand":
    case "Sample":
    case "Window":
    case "CollectMetrics":
      return singlePartition(p.input);
    case "ArrowPython":
      return singlePartition(p.input) && (p.other === undefined || singlePartition(p.other));
    case "Coalesce":
      // Spark's CoalesceExec: SinglePartition when n is 1
      return p.numPartitions === 1;
    case "LocalTableScan":
    case "FileSourceScan":
    case "WriteFiles":
    case "Union":
    case "HashJoin":
    case "SortMergeJoin":
    case "BroadcastExchange":
    case "ShuffleRead":
    case "BroadcastRead":
    case "InMemoryTableScan":
      return false;
    default:
      return assertNever(p);
  }
}

/**
 * The exchange an aggregate needs on `keys` (Spark's ClusteredDistribution), or none when
 * the input already satisfies it, as EnsureRequirements decides: one partition, or rows
 * hash-clustered on a subset of the keys (an aggregate over a join on the same keys).
 */
function hashExchange(input: PhysicalPlan, keys: readonly Expr[], shownKeys: readonly Expr[], st: PlanState): PhysicalPlan {
  if (singlePartition(input)) return input;
  if (keys.length > 0 && satisfiesClustering(hashClustering(input), keys)) {
    relyOnBuckets(input, st);
    return input;
  }
  const n = shufflePartitions(st.ctx);
  if (keys.length === 0) return exchange(input, { kind: "single" }, "SinglePartition", st);
  return exchange(input, { kind: "hash", keys, numPartitions: n }, `hashpartitioning(${shownKeys.map(exprToString).join(", ")}, ${n})`, st);
}

function hashing(keys: readonly Expr[], st: PlanState): Partitioning {
  return { kind: "hash", keys, numPartitions: shufflePartitions(st.ctx) };
}

function hashShown(shownKeys: readonly Expr[], st: PlanState): string {
  return `hashpartitioning(${shownKeys.map(exprToString).join(", ")}, ${shufflePartitions(st.ctx)})`;
}

function aggregate(
  input: PhysicalPlan,
  groupBy: readonly Expr[],
  calls: readonly AggCallPlan[],
  output: "partial" | "final",
  results: readonly Expr[],
  schema: StructType,
  detail: string,
): HashAggregateP {
  return { kind: "HashAggregate", input, groupBy, calls, output, results, schema, detail };
}

/** Offsets of each call's partial state in a row [k keys…, states…]. */
function mergeCalls(calls: readonly AggCall[], k: number, ansi: boolean): AggCallPlan[] {
  let off = k;
  return calls.map((call) => {
    const offset = off;
    off += makeAccumulator(call, ansi).partialTypes.length;
    return { call, input: "merge", offset };
  });
}

/** `partial_f(x)` / `merge_f(x)` / `f(x)` lists as Spark's HashAggregate prints them. */
function fnDetail(keys: readonly Expr[], named: readonly (readonly [string, AggCall])[]): string {
  return `(keys=${exprList(keys)}, functions=[${named.map(([pre, c]) => pre + exprToString(c)).join(", ")}])`;
}

/** An aggregate call bound to its input: its arguments and its FILTER condition. */
function bindCall(c: AggCall, input: LogicalPlan): AggCall {
  const bound = { ...c, args: bindAll(c.args, input) };
  return c.filter === undefined ? bound : { ...bound, filter: bindAll([c.filter], input)[0]! };
}

/** Partial aggregate per partition, exchange on the keys, final aggregate per partition. */
function planAggregate(p: Aggregate, st: PlanState): PhysicalPlan {
  const spec = aggSpecOf(p);
  const child = plan(p.input, st);
  // DISTINCT that cannot change a result (min, max …) is plain, as Spark's EliminateDistinct
  const distinct = spec.calls.filter(distinctMatters);
  // a DISTINCT call with FILTER runs whole (its FilteredAcc around the DistinctAcc), not split
  if (distinct.length > 0 && singleDistinctSet(distinct) && distinct.every((c) => c.filter === undefined)) return planOneDistinct(p, spec, child, distinct, st);
  if (distinct.length > 0) return planComplete(p, spec, child, st);
  const ansi = st.ctx.conf.ansi;
  const k = spec.groupBy.length;
  const groupBound = bindAll(spec.groupBy, p.input);
  const callsBound = spec.calls.map((c) => bindCall(c, p.input));
  if (sessionKeyIndex(spec.groupBy) >= 0) return planSessionAggregate(p, spec, child, st);
  const partial = aggregate(
    child,
    groupBound,
    callsBound.map((call) => ({ call, input: "update", offset: 0 })),
    "partial",
    [],
    partialSchema(spec.groupBy, spec.calls, ansi),
    aggDetail(spec.groupBy, spec.calls, true),
  );
  const keys = spec.groupBy.map((g, i) => ref(i, g, `_k${i}`));
  const ex = hashExchange(partial, keys, spec.groupBy, st);
  const final = aggregate(ex, keys, mergeCalls(callsBound, k, ansi), "final", spec.results, schemaOfAttrs(outputOf(p)), aggDetail(spec.groupBy, spec.calls, false));
  if (st.notes !== undefined) {
    const noted = partialAggregateFields(outputOf(p.input), spec.groupBy, spec.calls, ansi);
    st.notes.fields(partial, noted.fields);
    st.notes.output(partial, noted.output);
    st.notes.fields(final, finalAggregateFields(noted.output, spec.groupBy, spec.calls, p.aggs));
  }
  return final;
}

/** The grouping key that is a session window (its attribute carries Spark's spark.sessionWindow marker), or -1. */
function sessionKeyIndex(groupBy: readonly Expr[]): number {
  return groupBy.findIndex((g) => g.kind === "AttributeRef" && g.metadata?.[SESSION_WINDOW_MARKER] === true);
}

/**
 * An aggregate grouped by a session window, as Spark's AggUtils plans it with
 * MergingSessionsExec: partial aggregate on all keys (each row's own session), exchange on the
 * other keys, sort by them and the session, merge overlapping sessions of a group
 * (merge_sessions over the partial rows, printed as MergingSessions), and the final aggregate
 * grouped by the merged session.
 */
function planSessionAggregate(p: Aggregate, spec: AggSpec, child: PhysicalPlan, st: PlanState): PhysicalPlan {
  const ansi = st.ctx.conf.ansi;
  const k = spec.groupBy.length;
  const sk = sessionKeyIndex(spec.groupBy);
  const callsBound = spec.calls.map((c) => bindCall(c, p.input));
  const schema = partialSchema(spec.groupBy, spec.calls, ansi);
  const partial = aggregate(child, bindAll(spec.groupBy, p.input), callsBound.map((call) => ({ call, input: "update", offset: 0 })), "partial", [], schema, aggDetail(spec.groupBy, spec.calls, true));
  const keys = spec.groupBy.map((g, i) => ref(i, g, `_k${i}`));
  const others = keys.filter((_x, i) => i !== sk);
  const othersShown = spec.groupBy.filter((_x, i) => i !== sk);
  const ex = hashExchange(partial, others, othersShown, st);
  const asc = (e: Expr): SortOrder => ({ kind: "SortOrder", child: e, ascending: true, nullsFirst: true });
  const orders = [...others.map(asc), asc(keys[sk]!)];
  const sorted: PhysicalPlan = { kind: "Sort", input: ex, orders, detail: ` ${exprList([...othersShown, spec.groupBy[sk]!].map(asc))}, false, 0` };
  const session = spec.groupBy[sk]!;
  const mergeFn = scalarCallOf("merge_sessions", keys[sk]!);
  const merged: WindowExpression = { kind: "WindowExpression", fn: mergeFn, partitionSpec: others, orderSpec: [asc(keys[sk]!)], frame: WHOLE_PARTITION };
  const mergedAt = schema.fields.length;
  const mergedSchema = structType([...schema.fields, structField(session.kind === "AttributeRef" ? session.name : "session_window", exprType(session), false)]);
  const mergeDetail = mergingSessionsDetail(othersShown, session, spec.groupBy, spec.calls, ansi);
  const merging: PhysicalPlan = { kind: "Window", input: sorted, windowExprs: [merged], partitionSpec: others, orderSpec: [asc(keys[sk]!)], schema: mergedSchema, detail: mergeDetail, name: "MergingSessions" };
  const finalKeys = keys.map((key, i) => (i === sk ? ref(mergedAt, session, `_k${i}`) : key));
  return aggregate(merging, finalKeys, mergeCalls(callsBound, k, ansi), "final", spec.results, schemaOfAttrs(outputOf(p)), aggDetail(spec.groupBy, spec.calls, false));
}

/**
 * MergingSessionsExec's arguments as Spark prints them: the distribution keys, isStreaming,
 * the grouping keys, the session column with its type, the merge calls, their result
 * attributes, the buffer offset and the output (keys, then the partial buffers).
 */
function mergingSessionsDetail(others: readonly Expr[], session: Expr, keys: readonly Expr[], calls: readonly AggCall[], ansi: boolean): string {
  const t = exprType(session);
  const typeText = t.kind === "struct" ? `struct<${t.fields.map((f) => `${f.name}: ${simpleString(f.dataType)}`).join(", ")}>` : simpleString(t);
  const results = calls.map((c) => `${exprToString(c)}#${newExprId()}${c.dataType.kind === "long" ? "L" : ""}`);
  const buffers = calls.flatMap((c) => bufferAttrs(c, ansi));
  return (
    ` List(${others.map(exprToString).join(", ")}), false, ${exprList(keys)}, ${exprToString(session)}: ${typeText},` +
    ` [${calls.map((c) => `merge_${exprToString(c)}`).join(", ")}], [${results.join(", ")}], ${keys.length}, ${exprList([...keys, ...buffers])}`
  );
}

function scalarCallOf(fn: string, arg: Expr): ScalarCall {
  return { kind: "ScalarCall", fn, args: [arg], dataType: exprType(arg), nullable: false };
}

/**
 * Distinct aggregates over different argument sets (Spark rewrites those with an Expand,
 * not done here): raw rows are shuffled on the keys and each partition aggregates its
 * groups in one step (Spark's Complete mode), each distinct call through its DistinctAcc.
 */
function planComplete(p: Aggregate, spec: AggSpec, child: PhysicalPlan, st: PlanState): PhysicalPlan {
  const groupBound = bindAll(spec.groupBy, p.input);
  const ex = hashExchange(child, groupBound, spec.groupBy, st);
  const callsBound = spec.calls.map((c) => bindCall(c, p.input));
  const calls: AggCallPlan[] = callsBound.map((call) => ({ call, input: "update", offset: 0 }));
  const complete = aggregate(ex, groupBound, calls, "final", spec.results, schemaOfAttrs(outputOf(p)), aggDetail(spec.groupBy, spec.calls, false));
  st.notes?.fields(complete, finalAggregateFields(outputOf(p.input), spec.groupBy, spec.calls, p.aggs));
  return complete;
}

/** Whether every distinct call reads the same arguments (Spark's one-distinct-group case). */
function singleDistinctSet(calls: readonly AggCall[]): boolean {
  const first = calls[0]!.args;
  return calls.every((c) => c.args.length === first.length && c.args.every((a, i) => exprSemanticEquals(a, first[i]!)));
}

/**
 * Spark's plan for distinct aggregates over one argument set (planAggregateWithOneDistinct):
 * aggregate on [keys…, distinct args…] with the other calls partial, exchange on those,
 * merge; then aggregate on the keys, where each distinct call runs as its plain form over
 * the now distinct rows, exchange on the keys, final. No set of values per group.
 */
function planOneDistinct(p: Aggregate, spec: AggSpec, child: PhysicalPlan, distinct: readonly AggCall[], st: PlanState): PhysicalPlan {
  const ansi = st.ctx.conf.ansi;
  const k = spec.groupBy.length;
  const dArgs = distinct[0]!.args;
  const m = dArgs.length;
  const isDistinctCall = (c: AggCall): boolean => distinct.includes(c);
  const plain = spec.calls.filter((c) => !isDistinctCall(c));
  const plainBound = plain.map((c) => bindCall(c, p.input));
  const keys1 = [...spec.groupBy, ...dArgs];
  const schema1 = partialSchema(keys1, plain, ansi);
  const p1 = aggregate(
    child,
    bindAll(keys1, p.input),
    plainBound.map((call) => ({ call, input: "update", offset: 0 })),
    "partial",
    [],
    schema1,
    fnDetail(keys1, plain.map((c) => ["partial_", c] as const)),
  );
  const refs1 = keys1.map((g, i) => ref(i, g, `_k${i}`));
  const ex1 = hashExchange(p1, refs1, keys1, st);
  const p2 = aggregate(ex1, refs1, mergeCalls(plainBound, k + m, ansi), "partial", [], schema1, fnDetail(keys1, plain.map((c) => ["merge_", c] as const)));
  // phase 3: keys only; plain calls merge, distinct calls update as their non-distinct form over [keys…, args…]
  const order = [...plain, ...distinct];
  const rebound = (c: AggCall): AggCall => ({
    ...c,
    isDistinct: false,
    args: c.args.map((a) => {
      const i = dArgs.findIndex((d) => exprSemanticEquals(d, a));
      return ref(k + i, a, `_k${k + i}`);
    }),
  });
  const calls3: AggCallPlan[] = [...mergeCalls(plainBound, k + m, ansi), ...distinct.map((c) => ({ call: rebound(c), input: "update" as const, offset: 0 }))];
  const keys3 = spec.groupBy.map((g, i) => ref(i, g, `_k${i}`));
  const schema3 = partialSchema(spec.groupBy, calls3.map((c) => c.call), ansi);
  const p3 = aggregate(
    p2,
    keys3,
    calls3,
    "partial",
    [],
    schema3,
    fnDetail(spec.groupBy, [...plain.map((c) => ["merge_", c] as const), ...distinct.map((c) => ["partial_", c] as const)]),
  );
  const ex2 = hashExchange(p3, keys3, spec.groupBy, st);
  // results index calls in spec order: map them to phase 3's order [plain…, distinct…]
  const perm = spec.calls.map((c) => order.indexOf(c));
  const results = spec.results.map((r) =>
    transformExprDown(r, (e) => (e.kind === "BoundRef" && e.ordinal >= k ? { ...e, ordinal: k + perm[e.ordinal - k]! } : undefined)),
  );
  const final = aggregate(
    ex2,
    keys3,
    mergeCalls(calls3.map((c) => c.call), k, ansi),
    "final",
    results,
    schemaOfAttrs(outputOf(p)),
    fnDetail(spec.groupBy, order.map((c) => ["", c] as const)),
  );
  if (st.notes !== undefined) {
    const n = st.notes;
    const phase = (node: PhysicalPlan, input: readonly Expr[], keys: readonly Expr[], named: readonly (readonly [string, AggCall])[]): readonly Expr[] => {
      const noted = distinctPhaseFields(input, keys, named, ansi);
      n.fields(node, noted.fields);
      n.output(node, noted.output);
      return noted.output;
    };
    const o1 = phase(p1, outputOf(p.input), keys1, plain.map((c) => ["partial_", c] as const));
    const o2 = phase(p2, o1, keys1, plain.map((c) => ["merge_", c] as const));
    const o3 = phase(p3, o2, spec.groupBy, [...plain.map((c) => ["merge_", c] as const), ...distinct.map((c) => ["partial_", c] as const)]);
    n.fields(final, finalAggregateFields(o3, spec.groupBy, order, p.aggs));
  }
  return final;
}

function planRange(p: LogicalPlan & { kind: "Range" }, st: PlanState): PhysicalPlan {
  const slices = Math.max(1, p.numPartitions ?? defaultSlices(st.ctx));
  return { kind: "Range", schema: schemaOfAttrs(outputOf(p)), start: BigInt(p.start), end: BigInt(p.end), step: BigInt(p.step), slices };
}

/** spark.sql.autoBroadcastJoinThreshold in bytes (-1 disables broadcast joins). */
function broadcastThreshold(ctx: ExecContext): number {
  return ctx.conf.getBytes("spark.sql.autoBroadcastJoinThreshold");
}

/** `HashedRelationBroadcastMode(List(input[0, bigint, true]),false)` for a broadcast of the build keys. */
function broadcastMode(keys: readonly Expr[]): string {
  if (keys.length === 0) return "IdentityBroadcastMode";
  return `HashedRelationBroadcastMode(List(${keys.map((k) => exprToString(k)).join(", ")}),false)`;
}

function broadcast(input: PhysicalPlan, keys: readonly Expr[], st: PlanState): PhysicalPlan {
  const planId = st.nextPlanId++;
  return { kind: "BroadcastExchange", input, planId, ...(keys.length === 0 ? {} : { keys }), detail: ` ${broadcastMode(keys)}, [plan_id=${planId}]` };
}

/** Ascending, nulls first: the order a sort-merge join requires of each side (Spark's requiredChildOrdering). */
function ascending(keys: readonly Expr[]): SortOrder[] {
  return keys.map((child) => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true }));
}

/**
 * Equi-joins as Spark's JoinSelection chooses them (join/join-selection.ts): broadcast
 * hash join, shuffled hash join or sort-merge join, by estimated size, conf and hints.
 * Shuffled joins hash-partition both sides on their keys; a sort-merge join also sorts
 * each side on them. Joins without keys are broadcast nested loops.
 */
function planJoin(p: Join, st: PlanState): PhysicalPlan {
  const l = plan(p.left, st);
  const r = plan(p.right, st);
  const la = outputOf(p.left);
  const ra = outputOf(p.right);
  const keys = extractJoinKeys(p.condition, la, ra);
  const residual = keys.residual === undefined ? undefined : bindReferences(keys.residual, [...la, ...ra]);
  const jt = p.joinType;
  const cond = keys.residual === undefined ? "" : `, ${exprToString(keys.residual)}`;
  const schema = schemaOfAttrs(outputOf(p));
  const leftKeys = keys.leftKeys.map((k) => bindReferences(k, la));
  const rightKeys = keys.rightKeys.map((k) => bindReferences(k, ra));
  const ls = estimatedSize(p.left);
  const rs = estimatedSize(p.right);
  // formatted explain's join fields (Spark's HashJoin / SortMergeJoinExec verbose strings)
  const joinFields = [
    ...(keys.leftKeys.length === 0 ? [] : [fieldString("Left keys", keys.leftKeys.map(exprToString)), fieldString("Right keys", keys.rightKeys.map(exprToString))]),
    `Join type: ${JOIN_TYPE_NAMES[jt]}`,
    `Join condition: ${keys.residual === undefined ? "None" : exprToString(keys.residual)}`,
  ];
  const noted = (j: PhysicalPlan): PhysicalPlan => {
    st.notes?.fields(j, joinFields);
    return j;
  };
  const join = (left: PhysicalPlan, right: PhysicalPlan, build: BuildSide, strategy: "shuffled" | "broadcast", detail: string): PhysicalPlan =>
    noted({
      kind: "HashJoin",
      left,
      right,
      joinType: jt,
      leftKeys,
      rightKeys,
      ...(residual === undefined ? {} : { residual }),
      build,
      strategy,
      schema,
      detail,
    });
  const side = (b: BuildSide): string => (b === "left" ? "BuildLeft" : "BuildRight");
  if (leftKeys.length === 0) {
    // nested loop: Spark's BroadcastNestedLoopJoin broadcasts the side the join type lets it
    const build = jt === "right" ? "left" : "right";
    const bkeys: Expr[] = [];
    const detail = ` ${side(build)}, ${JOIN_TYPE_NAMES[jt]}${cond}`;
    // unmatched build rows (full outer) are only known once every streamed row was seen
    const needsAll = jt === "full";
    const single = (x: PhysicalPlan): PhysicalPlan => (needsAll ? exchange(x, { kind: "single" }, "SinglePartition", st) : x);
    return build === "right" ? join(single(l), broadcast(r, bkeys, st), build, "broadcast", detail) : join(broadcast(l, bkeys, st), single(r), build, "broadcast", detail);
  }
  const choice = selectEquiJoin(
    {
      joinType: jt,
      leftSize: ls,
      rightSize: rs,
      broadcastThreshold: broadcastThreshold(st.ctx),
      preferSortMerge: st.ctx.conf.getBoolean("spark.sql.join.preferSortMergeJoin"),
      shufflePartitions: shufflePartitions(st.ctx),
      orderable: leftKeys.every((k) => isOrderable(exprType(k))),
    },
    p.hint,
  );
  if (choice.strategy === "broadcast") {
    const b = choice.build;
    const detail = ` ${exprList(keys.leftKeys)}, ${exprList(keys.rightKeys)}, ${JOIN_TYPE_NAMES[jt]}, ${side(b)}${cond}, false`;
    return b === "right" ? join(l, broadcast(r, rightKeys, st), "right", "broadcast", detail) : join(broadcast(l, leftKeys, st), r, "left", "broadcast", detail);
  }
  // one side already in one partition still needs the other side shuffled to match it
  const bothSingle = singlePartition(l) && singlePartition(r);
  const buckets = bothSingle ? undefined : bucketedSides(l, r, leftKeys, rightKeys, keys.leftKeys, keys.rightKeys, st);
  const le = buckets?.left ?? (bothSingle ? l : exchange(l, hashing(leftKeys, st), hashShown(keys.leftKeys, st), st));
  const re = buckets?.right ?? (bothSingle ? r : exchange(r, hashing(rightKeys, st), hashShown(keys.rightKeys, st), st));
  if (choice.strategy === "shuffled") {
    const detail = ` ${exprList(keys.leftKeys)}, ${exprList(keys.rightKeys)}, ${JOIN_TYPE_NAMES[jt]}, ${side(choice.build)}${cond}`;
    return join(le, re, choice.build, "shuffled", detail);
  }
  const sorted = (input: PhysicalPlan, bound: readonly Expr[], shown: readonly Expr[]): PhysicalPlan => ({
    kind: "Sort",
    input,
    orders: ascending(bound),
    detail: ` ${exprList(ascending(shown))}, false, 0`,
  });
  return noted({
    kind: "SortMergeJoin",
    left: sorted(le, leftKeys, keys.leftKeys),
    right: sorted(re, rightKeys, keys.rightKeys),
    joinType: jt,
    leftKeys,
    rightKeys,
    ...(residual === undefined ? {} : { residual }),
    schema,
    detail: ` ${exprList(keys.leftKeys)}, ${exprList(keys.rightKeys)}, ${JOIN_TYPE_NAMES[jt]}${cond}`,
  });
}

/**
 * A shuffled join's sides when both read bucketed tables on the join keys (Spark's
 * EnsureRequirements with two HashShuffleSpecs): the same bucket count and the bucket columns
 * at the same key positions need no exchange; different counts shuffle the side with fewer
 * buckets into the other's, by Spark's hash of the keys that match the other side's bucket
 * columns, so its partition i meets bucket i. Undefined when the sides are not both bucketed
 * on matching keys.
 */
function bucketedSides(
  l: PhysicalPlan,
  r: PhysicalPlan,
  lk: readonly Expr[],
  rk: readonly Expr[],
  lShown: readonly Expr[],
  rShown: readonly Expr[],
  st: PlanState,
): { readonly left: PhysicalPlan; readonly right: PhysicalPlan } | undefined {
  const lb = bucketedPartitioning(l);
  const rb = bucketedPartitioning(r);
  const ordinal = (e: Expr | undefined): number => (e?.kind === "BoundRef" ? e.ordinal : -1);
  if (lb === null || rb === null) {
    // one bucketed side: the other is shuffled into its buckets by the keys at its bucket columns' positions
    const one = lb ?? rb;
    if (one === null) return undefined;
    const [ks, others, otherShown] = lb !== null ? [lk, rk, rShown] : [rk, lk, lShown];
    const at = one.ordinals.map((o) => ks.findIndex((k) => ordinal(k) === o));
    if (at.some((i) => i < 0) || new Set(at).size !== at.length) return undefined;
    const text = `hashpartitioning(${at.map((i) => exprToString(otherShown[i]!)).join(", ")}, ${one.numBuckets})`;
    const shuffled = exchange(lb !== null ? r : l, { kind: "hash", keys: at.map((i) => others[i]!), numPartitions: one.numBuckets, sparkHash: true }, text, st);
    relyOnBuckets(lb !== null ? l : r, st);
    return lb !== null ? { left: l, right: shuffled } : { left: shuffled, right: r };
  }
  if (lb.ordinals.length !== rb.ordinals.length) return undefined;
  // the key position of each bucket column, the same on both sides, with the same type (the hash depends on it)
  const positions = lb.ordinals.map((o, j) => {
    const i = lk.findIndex((k, x) => ordinal(k) === o && ordinal(rk[x]) === rb.ordinals[j]);
    return i >= 0 && simpleString(exprType(lk[i]!)) === simpleString(exprType(rk[i]!)) ? i : -1;
  });
  if (positions.some((i) => i < 0)) return undefined;
  const reshuffle = (side: PhysicalPlan, ks: readonly Expr[], shown: readonly Expr[], n: number): PhysicalPlan => {
    const picked = positions.map((i) => ks[i]!);
    const text = `hashpartitioning(${positions.map((i) => exprToString(shown[i]!)).join(", ")}, ${n})`;
    return exchange(side, { kind: "hash", keys: picked, numPartitions: n, sparkHash: true }, text, st);
  };
  if (lb.numBuckets === rb.numBuckets) {
    relyOnBuckets(l, st);
    relyOnBuckets(r, st);
    return { left: l, right: r };
  }
  if (lb.numBuckets > rb.numBuckets) {
    relyOnBuckets(l, st);
    return { left: l, right: reshuffle(r, rk, rShown, lb.numBuckets) };
  }
  relyOnBuckets(r, st);
  return { left: reshuffle(l, lk, lShown, rb.numBuckets), right: r };
}

/** Whether `exprs` are exactly `attrs`, in order. */
function sameAttrs(exprs: readonly Expr[], attrs: readonly AttributeRef[]): boolean {
  return exprs.length === attrs.length && exprs.every((e, i) => e.kind === "AttributeRef" && e.exprId === attrs[i]!.exprId);
}

/** The physical plan of `p`; formatted explain's notes learn its output. */
function plan(p: LogicalPlan, st: PlanState): PhysicalPlan {
  const phys = planNode(p, st);
  st.notes?.output(phys, outputOf(p));
  return phys;
}

function planNode(p: LogicalPlan, st: PlanState): PhysicalPlan {
  switch (p.kind) {
    case "Range":
      return planRange(p, st);
    case "LocalRelation": {
      const attrs = outputOf(p);
      const slices = Math.max(1, p.numPartitions ?? (p.rows.length < 10_000 ? 1 : defaultSlices(st.ctx)));
      return { kind: "LocalTableScan", schema: schemaOfAttrs(attrs), rows: p.rows, slices, detail: scanDetail(attrs) };
    }
    case "Project":
      // Spark's RemoveRedundantProjects: a projection of exactly its input's columns, in order, is its input
      if (sameAttrs(p.exprs, outputOf(p.input))) return plan(p.input, st);
      return {
        kind: "Project",
        input: plan(p.input, st),
        exprs: bindAll(p.exprs, p.input),
        schema: schemaOfAttrs(outputOf(p)),
        detail: p.exprs.length === 0 ? "" : ` ${exprList(p.exprs)}`,
      };
    case "Filter": {
      if (p.input.kind === "FileScan") {
        // FileSourceStrategy: the scan takes the filter's conjuncts (pruning, pushed filters)
        const { scan, remaining, formatted } = fileScanOf(p.input, splitConjuncts(p.condition), st);
        st.notes?.fields(scan, formatted);
        st.notes?.output(scan, outputOf(p.input));
        const cond = andAll(remaining);
        if (cond === undefined) return scan;
        return { kind: "Filter", input: scan, condition: bindAll([cond], p.input)[0]!, detail: ` ${exprToString(cond)}` };
      }
      return { kind: "Filter", input: plan(p.input, st), condition: bindAll([p.condition], p.input)[0]!, detail: ` ${exprToString(p.condition)}` };
    }
    case "FileScan": {
      const { scan, formatted } = fileScanOf(p, [], st);
      st.notes?.fields(scan, formatted);
      return scan;
    }
    case "InsertIntoFiles":
      return planWriteFiles(p, plan(p.input, st));
    case "Aggregate":
      if (isPandasAggregate(p)) return planAggregateInPandas(p, plan(p.input, st), (input, keys, shown) => hashExchange(input, keys, shown, st));
      return planAggregate(p, st);
    case "Sort": {
      const c = plan(p.input, st);
      const orders = bindAll(p.orders, p.input) as SortOrder[];
      const detail = ` ${exprList(p.orders)}, ${p.global}, 0`;
      if (!p.global || singlePartition(c)) return { kind: "Sort", input: c, orders, detail };
      const n = shufflePartitions(st.ctx);
      const ex = exchange(c, { kind: "range", orders, numPartitions: n }, `rangepartitioning(${p.orders.map(exprToString).join(", ")}, ${n})`, st);
      return { kind: "Sort", input: ex, orders, detail };
    }
    case "Limit": {
      if (p.input.kind === "Offset") return globalLimit(p.input.input, p.n + p.input.n, p.input.n, st);
      // Spark: GlobalLimit ← Exchange SinglePartition ← LocalLimit (the root's is CollectLimit)
      const local: PhysicalPlan = { kind: "Limit", input: plan(p.input, st), n: p.n, scope: "local" };
      return { kind: "Limit", input: exchange(local, { kind: "single" }, "SinglePartition", st), n: p.n, scope: "global" };
    }
    case "Union":
      return { kind: "Union", inputs: p.inputs.map((i) => plan(i, st)), schema: schemaOfAttrs(outputOf(p)) };
    case "Join":
      return planJoin(p, st);
    case "InMemoryRelation":
      return {
        kind: "InMemoryTableScan",
        cacheId: p.cacheId,
        columns: p.columns,
        schema: schemaOfAttrs(p.output),
        detail: p.checkpoint === true ? scanDetail(p.output) : ` ${exprList(p.output)}`,
        relationLine: `InMemoryRelation ${exprList(p.relationOutput)}, ${storageLevelString(p.storageLevel)}`,
        cachedPlanLines: p.cachedPlanLines,
        ...(p.checkpoint === true ? { checkpoint: true as const } : {}),
      };
    case "Generate": {
      const attrs = outputOf(p.input);
      const generator = bindReferences(p.generator, attrs) as ScalarCall;
      const detail = ` ${generatorText(p.generator)}, ${exprList(attrs)}, ${p.outer}, ${exprList(p.generatorOutput)}`;
      return { kind: "Generate", input: plan(p.input, st), generator, outer: p.outer, schema: schemaOfAttrs(outputOf(p)), detail };
    }
    case "Expand": {
      const attrs = outputOf(p.input);
      const projections = p.projections.map((proj) => proj.map((e) => bindReferences(e, attrs)));
      return { kind: "Expand", input: plan(p.input, st), projections, schema: schemaOfAttrs(p.output), detail: expandText(p.projections, p.output).slice("Expand".length) };
    }
    case "Sample":
      return { kind: "Sample", input: plan(p.input, st), lowerBound: p.lowerBound, upperBound: p.upperBound, withReplacement: p.withReplacement, seed: p.seed, detail: sampleText(p).slice("Sample".length) };
    case "Offset":
      return p.input.kind === "Limit" ? globalLimit(p.input.input, p.input.n, p.n, st) : globalLimit(p.input, -1, p.n, st);
    case "Window":
      if (isPandasWindow(p)) return planWindowInPandas(p, plan(p.input, st), (input, keys, shown) => hashExchange(input, keys, shown, st));
      // Spark's WindowExec requires its input clustered on the partition keys (all rows in one partition without any)
      return planWindow(p, plan(p.input, st), (input, keys, shown) => hashExchange(input, keys, shown, st));
    case "Repartition":
      return planRepartition(p, st);
    case "CollectMetrics":
      return planCollectMetrics(p, plan(p.input, st), st.nextPlanId++);
    case "PythonMapGroups":
      return planPythonMapGroups(p, plan(p.input, st), (input, keys, shown) => hashExchange(input, keys, shown, st), pythonMapLine(p));
    case "PythonCoGroup":
      return planPythonCoGroup(p, plan(p.left, st), plan(p.right, st), (l, r, lk, rk, ls, rs) => coPartition(l, r, lk, rk, ls, rs, st), pythonMapLine(p));
    case "PythonUDTF":
      return planPythonUdtf(p, plan(p.input, st), (input, keys, shown) => hashExchange(input, keys, shown, st));
    case "BatchEvalPython": {
      const attrs = outputOf(p.input);
      const udfs = p.udfs.map((u) => ({ ...u, args: u.args.map((a) => bindReferences(a, attrs)) }));
      const resultFields = p.resultAttrs.map((a) => structField(a.name, a.dataType, a.nullable));
      return { kind: "BatchEvalPython", input: plan(p.input, st), udfs, resultFields, detail: ` ${exprList(p.udfs)}, ${exprList(p.resultAttrs)}` };
    }
    default:
      return assertNever(p);
  }
}

/**
 * Both sides of a cogroup hash-partitioned on their keys into the same partitions, as a
 * shuffled join's sides are (no exchange when both are already one partition).
 */
function coPartition(l: PhysicalPlan, r: PhysicalPlan, lk: readonly Expr[], rk: readonly Expr[], ls: readonly Expr[], rs: readonly Expr[], st: PlanState): { left: PhysicalPlan; right: PhysicalPlan } {
  if (singlePartition(l) && singlePartition(r)) return { left: l, right: r };
  if (lk.length === 0) return { left: exchange(l, { kind: "single" }, "SinglePartition", st), right: exchange(r, { kind: "single" }, "SinglePartition", st) };
  return { left: exchange(l, hashing(lk, st), hashShown(ls, st), st), right: exchange(r, hashing(rk, st), hashShown(rs, st), st) };
}

/**
 * Spark's GlobalLimit with an offset (GlobalLimitAndOffset): the first `n` rows (-1: all) of
 * one partition, the first `offset` of them skipped, over a LocalLimit of `n` per partition.
 */
function globalLimit(input: LogicalPlan, n: number, offset: number, st: PlanState): PhysicalPlan {
  const child = plan(input, st);
  const local: PhysicalPlan = n < 0 ? child : { kind: "Limit", input: child, n, scope: "local" };
  return { kind: "Limit", input: exchange(local, { kind: "single" }, "SinglePartition", st), n, offset, scope: "global" };
}

/**
 * The physical plan of a resolved, optimized logical plan. A root Limit is Spark's
 * CollectLimit: each partition stops at n rows and the collector at n in all; a root Offset
 * (over a Limit, or under one) is a CollectLimit whose collector skips the offset's rows.
 */
export function planPhysical(logical: LogicalPlan, ctx: ExecContext, notes?: ExplainNotes): PhysicalPlan {
  const fresh = (bucketedScans?: ReadonlySet<FileScan>): PlanState => ({
    ctx,
    nextPlanId: 1,
    bucketed: new Map(),
    relied: new Set(),
    ...(bucketedScans === undefined ? {} : { bucketedScans }),
  });
  let st = fresh();
  if (ctx.conf.getBoolean("spark.sql.sources.bucketing.autoBucketedScan.enabled") && planExists(logical, (q) => q.kind === "FileScan" && q.relation.bucketSpec !== undefined)) {
    // Spark's DisableUnnecessaryBucketedScan: a first planning reads every bucketed table by
    // bucket; only the scans whose buckets saved an exchange keep it in the plan that runs
    planRoot(logical, st);
    st = fresh(new Set(st.relied));
  }
  if (notes !== undefined) st = { ...st, notes };
  const root = planRoot(logical, st);
  notes?.output(root, outputOf(logical));
  return root;
}

/** The physical plan of a query and what formatted explain prints about it. */
export function planPhysicalExplained(logical: LogicalPlan, ctx: ExecContext): { readonly physical: PhysicalPlan; readonly notes: ExplainNotes } {
  const notes = new ExplainNotes();
  return { physical: planPhysical(logical, ctx, notes), notes };
}

function planRoot(logical: LogicalPlan, st: PlanState): PhysicalPlan {
  if (logical.kind === "Limit" && logical.input.kind === "Offset") {
    const o = logical.input;
    return { kind: "Limit", input: plan(o.input, st), n: logical.n + o.n, offset: o.n, scope: "collect" };
  }
  if (logical.kind === "Offset") {
    const inner = logical.input.kind === "Limit" ? logical.input : undefined;
    return { kind: "Limit", input: plan(inner === undefined ? logical.input : inner.input, st), n: inner === undefined ? -1 : inner.n, offset: logical.n, scope: "collect" };
  }
  if (logical.kind === "Limit") return { kind: "Limit", input: plan(logical.input, st), n: logical.n, scope: "collect" };
  return plan(logical, st);
}
