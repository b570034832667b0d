import { assertNever } from "../errors/assert-never.js";
import type { PhysicalPlan } from "./physical-plan.js";
import { childrenOf } from "./physical-plan.js";
import { innerChildLines } from "../plan/inner-children.js";

/** Operators Spark compiles with whole-stage codegen (printed with a `*(n)` prefix). */
export const CODEGEN = new Set(["Project", "Filter", "Range", "Scan ExistingRDD", "HashAggregate", "Sort", "BroadcastHashJoin", "ShuffledHashJoin", "SortMergeJoin", "LocalLimit", "GlobalLimit", "Generate", "Expand", "Sample"]);

/** The operator name and bracketed detail explain prints, as Spark names what runs. */
export function operatorLine(p: PhysicalPlan): { readonly name: string; readonly detail: string } {
  switch (p.kind) {
    case "Range":
      return { name: "Range", detail: ` (${p.start}, ${p.end}, step=${p.step}, splits=${p.slices})` };
    case "LocalTableScan":
      // PySpark's createDataFrame rows are an RDD scan in Spark
      return { name: "Scan ExistingRDD", detail: p.detail };
    case "Project":
    case "Filter":
    case "HashAggregate":
    case "Sort":
    case "BatchEvalPython":
    case "Generate":
    case "Expand":
    case "Sample":
    case "CollectMetrics":
      return { name: p.kind, detail: p.detail };
    case "Window":
      return { name: p.name ?? p.kind, detail: p.detail };
    case "Limit":
      // Spark's CollectLimit prints its offset only when there is one; GlobalLimit always
      if (p.scope === "collect") return { name: "CollectLimit", detail: ` ${p.n}${(p.offset ?? 0) > 0 ? `, ${p.offset}` : ""}` };
      return p.scope === "global" ? { name: "GlobalLimit", detail: ` ${p.n}, ${p.offset ?? 0}` } : { name: "LocalLimit", detail: ` ${p.n}` };
    case "Union":
      return { name: "Union", detail: "" };
    case "HashJoin": {
      const name = p.leftKeys.length === 0 ? "BroadcastNestedLoopJoin" : p.strategy === "broadcast" ? "BroadcastHashJoin" : "ShuffledHashJoin";
      return { name, detail: p.detail };
    }
    case "SortMergeJoin":
      return { name: "SortMergeJoin", detail: p.detail };
    case "ShuffleExchange":
      return { name: "Exchange", detail: p.detail };
    case "BroadcastExchange":
      return { name: "BroadcastExchange", detail: p.detail };
    case "ShuffleRead":
    case "BroadcastRead":
      return operatorLine(p.exchange);
    case "InMemoryTableScan":
      // a checkpoint reads its saved rows as Spark's RDDScanExec over the checkpointed RDD
      if (p.checkpoint === true) return { name: "Scan ExistingRDD", detail: p.detail };
      return { name: "InMemoryTableScan", detail: p.detail };
    case "FileSourceScan":
      return { name: "FileScan", detail: p.detail };
    case "WriteFiles":
      return { name: "WriteFiles", detail: "" };
    case "Coalesce":
      return { name: "Coalesce", detail: ` ${p.numPartitions}` };
    case "ArrowPython":
      return { name: p.name, detail: p.detail };
    default:
      return assertNever(p);
  }
}

/** The children explain shows: a shuffle or broadcast read stands for its exchange, over the exchange's input. */
export function shown(p: PhysicalPlan): readonly PhysicalPlan[] {
  if (p.kind === "ShuffleRead" || p.kind === "BroadcastRead") return [p.exchange.input];
  return childrenOf(p);
}

/** Whether a plan runs with an exchange, which Spark 4's AQE then wraps in AdaptiveSparkPlan. */
export function hasExchange(p: PhysicalPlan): boolean {
  if (p.kind === "ShuffleExchange" || p.kind === "BroadcastExchange" || p.kind === "HashJoin" || p.kind === "SortMergeJoin") return true;
  // Spark's InsertAdaptiveSparkPlan also plans around an operator that requires a distribution
  // its input already has (one partition, a table read by bucket): a final aggregate, a window
  if ((p.kind === "HashAggregate" && p.output === "final") || p.kind === "Window") return true;
  return shown(p).some(hasExchange);
}

interface Printer {
  readonly lines: string[];
  readonly stars: boolean;
  stage: number;
}

function print(p: PhysicalPlan, prefix: string, childPrefix: string, pr: Printer, inStage: number): void {
  const { name, detail } = operatorLine(p);
  if (p.kind === "FileSourceScan" && p.batched && pr.stars) {
    // A columnar scan feeds a ColumnarToRow, the first operator of its codegen stage (Spark's
    // vectorized readers); the scan itself is outside the stage. AQE's initial plan, printed
    // before the columnar transitions are inserted, has no ColumnarToRow.
    const stage = pr.stars ? (inStage > 0 ? inStage : ++pr.stage) : 0;
    pr.lines.push(`${prefix}${stage > 0 ? `*(${stage}) ` : ""}ColumnarToRow`);
    pr.lines.push(`${childPrefix}+- ${name}${detail}`);
    return;
  }
  let stageId = 0;
  if (pr.stars && CODEGEN.has(name)) stageId = inStage > 0 ? inStage : ++pr.stage;
  const star = stageId > 0 ? `*(${stageId}) ` : "";
  pr.lines.push(`${prefix}${star}${name}${detail}`);
  if (p.kind === "InMemoryTableScan" && p.checkpoint !== true) {
    // the relation is the scan's inner child and the cached plan the relation's (Spark's innerChildren)
    const relation = [p.relationLine, ...innerChildLines("", p.cachedPlanLines)];
    for (const l of innerChildLines(childPrefix, relation)) pr.lines.push(l);
  }
  const kids = shown(p);
  kids.forEach((c, i) => {
    const last = i === kids.length - 1;
    print(c, `${childPrefix}${last ? "+- " : ":- "}`, `${childPrefix}${last ? "   " : ":  "}`, pr, stageId);
  });
}

/** The physical plan's tree lines (no header), as they print under a cached relation. */
export function physicalPlanLines(plan: PhysicalPlan): string[] {
  const adaptive = hasExchange(plan);
  const pr: Printer = { lines: [], stars: !adaptive, stage: 0 };
  if (adaptive) {
    pr.lines.push("AdaptiveSparkPlan isFinalPlan=false");
    print(plan, "+- ", "   ", pr, 0);
  } else print(plan, "", "", pr, 0);
  return pr.lines;
}

/**
 * The `== Physical Plan ==` section of `df.explain()` in Spark's shape: operator names and
 * details of what runs, `+-`/`:-` indentation, `AdaptiveSparkPlan isFinalPlan=false` on
 * plans with an exchange (Spark 4 runs AQE by default) and `*(n)` codegen stage marks
 * otherwise. Expression ids and plan_ids are tspark's own.
 */
export function explainPhysical(plan: PhysicalPlan): string {
  return `== Physical Plan ==\n${physicalPlanLines(plan).join("\n")}\n`;
}
