import type { ExecContext } from "./exec-context.js";
import { bindReferences } from "../expr/bind.js";
import type { Expr, SortOrder } from "../expr/expr.js";
import { exprType } from "../expr/expr-type.js";
import { exprToString } from "../expr/expr-string.js";
import { assertNever } from "../errors/assert-never.js";
import { InternalError } from "../errors/spark-exception.js";
import type { Aggregate, LogicalPlan } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import { transformPlanUp } from "../plan/transform.js";
import { aggSpecOf } from "./aggregate/agg-spec.js";
import { HashAggregateExec, partialSchema } from "./aggregate/hash-aggregate-exec.js";
import { ExchangeExec } from "./exchange/exchange-exec.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { aggDetail, exprList, JOIN_TYPE_NAMES, scanDetail } from "./explain-detail.js";
import { FilterExec } from "./filter-exec.js";
import { HashJoinExec } from "./join/hash-join-exec.js";
import { extractJoinKeys } from "../optimizer/join-keys.js";
import { LimitExec } from "./limit-exec.js";
import { LocalTableScanExec } from "./local-table-scan-exec.js";
import { ProjectExec } from "./project-exec.js";
import { RangeExec } from "./range-exec.js";
import type { Fragment } from "./scheduler/fragment.js";
import { StageExec } from "./scheduler/stage-exec.js";
import { SortExec } from "./sort/sort-exec.js";
import { UnionExec } from "./union-exec.js";
import { BatchEvalPythonExec } from "./batch-eval-python-exec.js";
import { structField } from "../types/data-type.js";
import { schemaOfAttrs } from "./util.js";

/** Rows below which a stage runs in-process: a thread hop costs more than it saves. */
const PARALLEL_MIN_ROWS = 100_000;

/** A planned subtree and what the stage wrapping needs to know about it. */
interface Planned {
  readonly exec: ExecutionPlan;
  readonly logical: LogicalPlan;
  /** A narrow pipeline over leaf sources (may run in a worker). */
  readonly narrow: boolean;
  readonly partialAggregate: boolean;
  readonly rows: number;
}

interface PlanState {
  readonly ctx: ExecContext;
  readonly inWorker: boolean;
  nextPlanId: number;
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

/** spark.sql.shuffle.partitions as explain prints it in exchanges. */
function shufflePartitions(ctx: ExecContext): string {
  return ctx.conf.get("spark.sql.shuffle.partitions") ?? "200";
}

/** Fills in the leaves' partition counts so a fragment plans identically inside a worker. */
function fixPartitions(plan: LogicalPlan, ctx: ExecContext): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    if (p.kind === "Range" && p.numPartitions === undefined) return { ...p, numPartitions: defaultSlices(ctx) };
    if (p.kind === "LocalRelation" && p.numPartitions === undefined) {
      return { ...p, numPartitions: p.rows.length < 10_000 ? 1 : defaultSlices(ctx) };
    }
    return p;
  });
}

/** Wraps a narrow subtree into a stage that may run on the worker pool. */
function stage(p: Planned, st: PlanState): ExecutionPlan {
  if (!p.narrow || st.inWorker) return p.exec;
  const fragment: Fragment = { plan: p.logical, partialAggregate: p.partialAggregate };
  return new StageExec(p.exec, fragment, p.rows >= PARALLEL_MIN_ROWS);
}

function leaf(exec: ExecutionPlan, logical: LogicalPlan, rows: number): Planned {
  return { exec, logical, narrow: true, partialAggregate: false, rows };
}

function wide(exec: ExecutionPlan, logical: LogicalPlan, rows: number): Planned {
  return { exec, logical, narrow: false, partialAggregate: false, rows };
}

function planRange(p: LogicalPlan & { kind: "Range" }, st: PlanState): Planned {
  const start = BigInt(p.start);
  const end = BigInt(p.end);
  const step = BigInt(p.step);
  const slices = Math.max(1, p.numPartitions ?? defaultSlices(st.ctx));
  const exec = new RangeExec(schemaOfAttrs(outputOf(p)), start, end, step, slices);
  const rows = step === 0n ? 0 : Math.max(0, Number((end - start) / step));
  return leaf(exec, p, rows);
}

function planAggregate(p: Aggregate, st: PlanState, partialOnly: boolean): Planned {
  const child = plan(p.input, st);
  const spec = aggSpecOf(p);
  const ansi = st.ctx.conf.ansi;
  const groupBound = bindAll(spec.groupBy, p.input);
  const callsBound = spec.calls.map((c) => ({ ...c, args: bindAll(c.args, p.input) }));
  const schema = schemaOfAttrs(outputOf(p));
  const keysAsPartial: Expr[] = spec.groupBy.map((g, i) => ({
    kind: "BoundRef",
    ordinal: i,
    dataType: exprType(g),
    nullable: true,
    name: `_k${i}`,
  }));
  const exchangeDetail = (): string => {
    const parts = spec.groupBy.length === 0 ? "SinglePartition" : `hashpartitioning(${spec.groupBy.map(exprToString).join(", ")}, ${shufflePartitions(st.ctx)})`;
    return ` ${parts}, ENSURE_REQUIREMENTS, [plan_id=${st.nextPlanId++}]`;
  };
  if (spec.hasDistinct) {
    const ex = new ExchangeExec(stage(child, st), exchangeDetail());
    const exec = new HashAggregateExec(ex, "complete", groupBound, callsBound, spec.results, schema, aggDetail(spec.groupBy, spec.calls, false));
    return wide(exec, p, child.rows);
  }
  const pSchema = partialSchema(spec.groupBy, spec.calls, ansi);
  const partialExec = new HashAggregateExec(
    child.narrow ? child.exec : stage(child, st),
    "partial",
    groupBound,
    callsBound,
    [],
    pSchema,
    aggDetail(spec.groupBy, spec.calls, true),
  );
  const partial: Planned = { exec: partialExec, logical: p, narrow: child.narrow, partialAggregate: true, rows: child.rows };
  if (partialOnly) return partial;
  const ex = new ExchangeExec(stage(partial, st), exchangeDetail());
  const exec = new HashAggregateExec(ex, "final", keysAsPartial, spec.calls, spec.results, schema, aggDetail(spec.groupBy, spec.calls, false));
  return wide(exec, p, child.rows);
}

function plan(p: LogicalPlan, st: PlanState): Planned {
  switch (p.kind) {
    case "Range":
      return planRange(p, st);
    case "LocalRelation": {
      const attrs = outputOf(p);
      const slices = Math.max(1, p.numPartitions ?? 1);
      return leaf(new LocalTableScanExec(schemaOfAttrs(attrs), p.rows, slices, scanDetail(attrs)), p, p.rows.length);
    }
    case "Project": {
      const c = plan(p.input, st);
      const exec = new ProjectExec(
        c.narrow ? c.exec : stage(c, st),
        bindAll(p.exprs, p.input),
        schemaOfAttrs(outputOf(p)),
        p.exprs.length === 0 ? "" : ` ${exprList(p.exprs)}`,
      );
      return { exec, logical: p, narrow: c.narrow && !c.partialAggregate, partialAggregate: false, rows: c.rows };
    }
    case "Filter": {
      const c = plan(p.input, st);
      const [cond] = bindAll([p.condition], p.input);
      const exec = new FilterExec(c.narrow ? c.exec : stage(c, st), cond!, ` ${exprToString(p.condition)}`);
      return { exec, logical: p, narrow: c.narrow && !c.partialAggregate, partialAggregate: false, rows: c.rows };
    }
    case "Aggregate":
      return planAggregate(p, st, false);
    case "Sort": {
      const c = plan(p.input, st);
      const orders = bindAll(p.orders, p.input) as SortOrder[];
      const child = stage(c, st);
      const detail = ` ${exprList(p.orders)}, ${p.global}, 0`;
      if (!p.global) return wide(new SortExec(child, orders, detail), p, c.rows);
      const ex = new ExchangeExec(child, ` rangepartitioning(${p.orders.map(exprToString).join(", ")}, ${shufflePartitions(st.ctx)}), ENSURE_REQUIREMENTS, [plan_id=${st.nextPlanId++}]`);
      return wide(new SortExec(ex, orders, detail), p, c.rows);
    }
    case "Limit": {
      const c = plan(p.input, st);
      return wide(new LimitExec(stage(c, st), p.n), p, Math.min(c.rows, p.n));
    }
    case "Union": {
      const kids = p.inputs.map((i) => plan(i, st));
      const exec = new UnionExec(kids.map((k) => stage(k, st)), schemaOfAttrs(outputOf(p)));
      return wide(exec, p, kids.reduce((s, k) => s + k.rows, 0));
    }
    case "Join": {
      const l = plan(p.left, st);
      const r = plan(p.right, st);
      const la = outputOf(p.left);
      const ra = outputOf(p.right);
      const keys = extractJoinKeys(p.condition, la, ra);
      const residual = keys.residual === undefined ? undefined : bindReferences(keys.residual, [...la, ...ra]);
      const jt = JOIN_TYPE_NAMES[p.joinType];
      const cond = keys.residual === undefined ? "" : `, ${exprToString(keys.residual)}`;
      const detail =
        keys.leftKeys.length > 0
          ? ` ${exprList(keys.leftKeys)}, ${exprList(keys.rightKeys)}, ${jt}, BuildRight${cond}, false`
          : ` BuildRight, ${jt}${cond}`;
      const exec = new HashJoinExec(
        stage(l, st),
        stage(r, st),
        p.joinType,
        keys.leftKeys.map((k) => bindReferences(k, la)),
        keys.rightKeys.map((k) => bindReferences(k, ra)),
        residual,
        schemaOfAttrs(outputOf(p)),
        detail,
      );
      return wide(exec, p, Math.max(l.rows, r.rows));
    }
    case "BatchEvalPython": {
      const c = plan(p.input, st);
      const attrs = outputOf(p.input);
      const udfs = p.udfs.map((u) => ({ ...u, args: u.args.map((a) => bindReferences(a, attrs)) }));
      const fields = p.resultAttrs.map((a) => structField(a.name, a.dataType, a.nullable));
      const detail = ` ${exprList(p.udfs)}, ${exprList(p.resultAttrs)}`;
      return wide(new BatchEvalPythonExec(stage(c, st), udfs, fields, detail), p, c.rows);
    }
    default:
      return assertNever(p);
  }
}

/** The physical plan of a resolved, optimized logical plan (stages may run on workers). */
export function planPhysical(logical: LogicalPlan, ctx: ExecContext): ExecutionPlan {
  const st: PlanState = { ctx, inWorker: false, nextPlanId: 1 };
  return stage(plan(fixPartitions(logical, ctx), st), st);
}

/** Inside a worker: the in-process physical plan of a fragment the main thread sent. */
export function planFragment(f: Fragment, ctx: ExecContext): ExecutionPlan {
  const st: PlanState = { ctx, inWorker: true, nextPlanId: 1 };
  if (f.partialAggregate) {
    if (f.plan.kind !== "Aggregate") throw new InternalError("partial fragment without Aggregate root");
    return planAggregate(f.plan, st, true).exec;
  }
  return plan(f.plan, st).exec;
}
