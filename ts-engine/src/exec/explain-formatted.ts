import { exprToString } from "../expr/expr-string.js";
import type { Expr } from "../expr/expr.js";
import { assertNever } from "../errors/assert-never.js";
import { innerChildLines } from "../plan/inner-children.js";
import { JOIN_TYPE_NAMES } from "./explain-detail.js";
import { CODEGEN, hasExchange, operatorLine, shown } from "./explain.js";
import { fieldString, type ExplainNotes } from "./explain-notes.js";
import type { PhysicalPlan } from "./physical-plan.js";
import type { QueryProfile } from "./metrics/query-profile.js";
import { planPaths } from "./metrics/plan-paths.js";
import { childrenOf } from "./physical-plan.js";

/** A cached relation's plan and notes, for the InMemoryRelation under its scan. */
export type CachedPlanOf = (cacheId: number) => { readonly physical: PhysicalPlan; readonly notes?: ExplainNotes } | undefined;

/** One operator as formatted explain shows it: its tree name, header name and field lines. */
interface Shown {
  readonly treeName: string;
  readonly name: string;
  readonly fields: readonly string[];
  readonly children: readonly Shown[];
  /** Spark's innerChildren: the InMemoryRelation under a cached scan, the cached plan under it. */
  readonly inner: readonly Shown[];
  /** Whole-stage codegen id (0: not compiled). */
  readonly stage: number;
  id: number;
}

interface Walk {
  readonly notes: ExplainNotes | undefined;
  readonly cachedPlan: CachedPlanOf;
  readonly stars: boolean;
  stage: number;
  /** The run's metrics, when the plan is one that ran (explain after an action), and the plan's paths. */
  readonly profile?: { readonly of: QueryProfile; readonly paths: ReadonlyMap<PhysicalPlan, string> } | undefined;
}

/** `Metrics: rows=…, batches=…, …`: what an operator did in the run, or nothing when it did not run in a task. */
function metricsLine(p: PhysicalPlan, w: Walk): string[] {
  const path = w.profile?.paths.get(p);
  const m = path === undefined ? undefined : w.profile!.of.of(path);
  if (m === undefined) return [];
  const self = w.profile!.of.selfMs(path!, childrenOf(p).length, p.kind === "ShuffleExchange" || p.kind === "BroadcastExchange") ?? m.timeMs;
  const mem = m.peakBytes <= 0 ? "" : `, peak memory=${m.peakBytes < 1 << 20 ? `${(m.peakBytes / 1024).toFixed(1)} KiB` : `${(m.peakBytes / (1 << 20)).toFixed(1)} MiB`}`;
  return [`Metrics: rows=${m.rows}, batches=${m.batches}, tasks=${m.tasks}, time=${m.timeMs.toFixed(1)} ms (self ${self.toFixed(1)} ms)${mem}`];
}

const attrs = (es: readonly Expr[]): string[] => es.map(exprToString);

/** The attributes `p` outputs: recorded by the planner, else its (shown) child's, which a pass-through node keeps. */
function outputOf(p: PhysicalPlan, notes: ExplainNotes | undefined): readonly Expr[] {
  const own = notes?.outputOf(p);
  if (own !== undefined) return own;
  if (p.kind === "ShuffleRead" || p.kind === "BroadcastRead") return outputOf(p.exchange, notes);
  const kids = shown(p);
  return kids.length === 1 ? outputOf(kids[0]!, notes) : [];
}

/** `Arguments: …` when the operator prints any (its simple-explain detail, Spark's argString). */
function argumentLines(detail: string): string[] {
  const d = detail.trim();
  return d === "" ? [] : [`Arguments: ${d}`];
}

/** Spark's `Scan ExistingRDD` arguments: the attributes and the RDD it reads (RDD ids are Spark's own). */
function rddScanArguments(output: readonly Expr[], origin: string): string {
  return `Arguments: [${attrs(output).join(", ")}], MapPartitionsRDD[0] at ${origin} at NativeMethodAccessorImpl.java:0, ExistingRDD, UnknownPartitioning(0)`;
}

/** The field lines of one operator (Spark's verboseStringWithOperatorId), after its header. */
function fieldsOf(p: PhysicalPlan, notes: ExplainNotes | undefined): readonly string[] {
  const noted = notes?.fieldsOf(p);
  if (noted !== undefined) return noted;
  const out = (): string => fieldString("Output", attrs(outputOf(p, notes)));
  const input = (): string => fieldString("Input", attrs(shown(p).flatMap((c) => outputOf(c, notes))));
  switch (p.kind) {
    case "Range":
      return [out(), `Arguments: Range (${p.start}, ${p.end}, step=${p.step}, splits=Some(${p.slices}))`];
    case "LocalTableScan":
      return [out(), rddScanArguments(outputOf(p, notes), "applySchemaToPythonRDD")];
    case "InMemoryTableScan":
      if (p.checkpoint === true) return [out(), rddScanArguments(outputOf(p, notes), "checkpoint")];
      return [out(), ...argumentLines(p.detail)];
    case "FileSourceScan":
      return [out()];
    case "Project": {
      // the projection list, not its attributes
      return [`Output [${p.exprs.length}]: ${p.detail.trim() === "" ? "[]" : p.detail.trim()}`, input()];
    }
    case "Filter":
      return [input(), `Condition : ${p.detail.trim()}`];
    case "Union":
      return [];
    case "ShuffleRead":
    case "BroadcastRead":
      return fieldsOf(p.exchange, notes);
    case "WriteFiles":
      return [input()];
    case "HashAggregate":
    case "Sort":
    case "Limit":
    case "HashJoin":
    case "SortMergeJoin":
    case "BatchEvalPython":
    case "ShuffleExchange":
    case "BroadcastExchange":
    case "Generate":
    case "Expand":
    case "Sample":
    case "Window":
    case "Coalesce":
    case "CollectMetrics":
    case "ArrowPython":
      return [input(), ...argumentLines(operatorLine(p).detail)];
    default:
      return assertNever(p);
  }
}

/** The name in the tree: joins add their type and build side, as Spark's simpleStringWithNodeId. */
function treeNameOf(p: PhysicalPlan, name: string): string {
  if (p.kind === "HashJoin") return `${name} ${JOIN_TYPE_NAMES[p.joinType]} ${p.build === "left" ? "BuildLeft" : "BuildRight"}`;
  if (p.kind === "SortMergeJoin") return `${name} ${JOIN_TYPE_NAMES[p.joinType]}`;
  return name;
}

function build(p: PhysicalPlan, w: Walk, inStage: number): Shown {
  const base = operatorLine(p);
  const name = p.kind === "FileSourceScan" ? `Scan ${p.format} ` : base.name;
  if (p.kind === "FileSourceScan" && p.batched) {
    // a columnar scan feeds a ColumnarToRow, the first operator of its codegen stage
    const stage = w.stars ? (inStage > 0 ? inStage : ++w.stage) : 0;
    const scan: Shown = { treeName: name, name, fields: [...fieldsOf(p, w.notes), ...metricsLine(p, w)], children: [], inner: [], stage: 0, id: 0 };
    return { treeName: "ColumnarToRow", name: "ColumnarToRow", fields: [fieldString("Input", attrs(outputOf(p, w.notes)))], children: [scan], inner: [], stage, id: 0 };
  }
  const stage = w.stars && CODEGEN.has(name) ? (inStage > 0 ? inStage : ++w.stage) : 0;
  const inner: Shown[] = [];
  if (p.kind === "InMemoryTableScan" && p.checkpoint !== true) {
    const cached = w.cachedPlan(p.cacheId);
    const relation = p.relationLine.replace(/^InMemoryRelation /, "");
    const under = cached === undefined ? [] : [root(cached.physical, cached.notes, w.cachedPlan)];
    inner.push({ treeName: "InMemoryRelation", name: "InMemoryRelation", fields: [`Arguments: ${relation}`], children: [], inner: under, stage: 0, id: 0 });
  }
  const children = shown(p).map((c) => build(c, w, stage));
  return { treeName: treeNameOf(p, name), name, fields: [...fieldsOf(p, w.notes), ...metricsLine(p, w)], children, inner, stage, id: 0 };
}

/** A plan's shown root: AdaptiveSparkPlan over plans with an exchange (Spark 4's AQE), which are then not compiled. */
function root(plan: PhysicalPlan, notes: ExplainNotes | undefined, cachedPlan: CachedPlanOf, profile?: QueryProfile): Shown {
  const adaptive = hasExchange(plan);
  const metrics = profile === undefined ? undefined : { of: profile, paths: planPaths(plan) };
  const top = build(plan, { notes, cachedPlan, stars: !adaptive, stage: 0, profile: metrics }, 0);
  if (!adaptive) return top;
  // after the run, the plan is the final one (Spark prints isFinalPlan=true once AQE is done)
  const fields = [fieldString("Output", attrs(outputOf(plan, notes))), `Arguments: isFinalPlan=${profile === undefined ? "false" : "true"}`];
  return { treeName: "AdaptiveSparkPlan", name: "AdaptiveSparkPlan", fields, children: [top], inner: [], stage: 0, id: 0 };
}

/** Operator ids as Spark's ExplainUtils gives them: children first, then the node, then its inner children. */
function number(s: Shown, next: { n: number }, all: Shown[]): void {
  for (const c of s.children) number(c, next, all);
  s.id = next.n++;
  all.push(s);
  for (const i of s.inner) number(i, next, all);
}

function treeLines(s: Shown, prefix: string, childPrefix: string, out: string[]): void {
  out.push(`${prefix}${s.stage > 0 ? "* " : ""}${s.treeName} (${s.id})`);
  for (const i of s.inner) {
    const lines: string[] = [];
    treeLines(i, "", "", lines);
    out.push(...innerChildLines(childPrefix, lines));
  }
  s.children.forEach((c, i) => {
    const last = i === s.children.length - 1;
    treeLines(c, `${childPrefix}${last ? "+- " : ":- "}`, `${childPrefix}${last ? "   " : ":  "}`, out);
  });
}

/**
 * `explain(mode="formatted")` and SQL's EXPLAIN FORMATTED in Spark 4's layout (ExplainUtils):
 * the operator tree with ids (`* ` marks whole-stage codegen), then each operator's fields in
 * id order (`(2) Filter [codegen id : 1]`, `Input [1]: [id#0L]`, `Condition : …`). With the
 * `profile` of a run of this plan (explain after an action), each operator that ran also shows a
 * `Metrics:` line: rows and batches out, tasks, time (its inputs' included, and its own), peak memory.
 */
export function explainFormatted(plan: PhysicalPlan, notes: ExplainNotes | undefined, cachedPlan: CachedPlanOf, profile?: QueryProfile): string {
  const top = root(plan, notes, cachedPlan, profile);
  const all: Shown[] = [];
  number(top, { n: 1 }, all);
  const tree: string[] = [];
  treeLines(top, "", "", tree);
  all.sort((a, b) => a.id - b.id);
  const sections = all.map((s) => `(${s.id}) ${s.name}${s.stage > 0 ? ` [codegen id : ${s.stage}]` : ""}\n${s.fields.map((f) => `${f}\n`).join("")}\n`);
  return `== Physical Plan ==\n${tree.join("\n")}\n\n\n${sections.join("")}`;
}
