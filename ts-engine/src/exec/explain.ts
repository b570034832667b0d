import type { ExecutionPlan } from "./execution-plan.js";
import { StageExec } from "./scheduler/stage-exec.js";

/** Operators Spark compiles with whole-stage codegen (printed with a `*(n)` prefix). */
const CODEGEN = new Set(["Project", "Filter", "Range", "Scan ExistingRDD", "HashAggregate", "Sort", "BroadcastHashJoin"]);

function unwrap(p: ExecutionPlan): ExecutionPlan {
  return p instanceof StageExec ? unwrap(p.child) : p;
}

function hasExchange(p: ExecutionPlan): boolean {
  const q = unwrap(p);
  if (q.name === "Exchange" || q.name.endsWith("Join")) return true;
  return q.children.some(hasExchange);
}

/** Spark's name for an operator where ours differs (a local scan of createDataFrame rows). */
function displayName(p: ExecutionPlan): string {
  return p.name === "LocalTableScan" ? "Scan ExistingRDD" : p.name;
}

interface Printer {
  readonly lines: string[];
  readonly stars: boolean;
  stage: number;
}

function print(p: ExecutionPlan, prefix: string, childPrefix: string, pr: Printer, inStage: number): void {
  const q = unwrap(p);
  const name = displayName(q);
  let stageId = 0;
  if (pr.stars && CODEGEN.has(name)) stageId = inStage > 0 ? inStage : ++pr.stage;
  const star = stageId > 0 ? `*(${stageId}) ` : "";
  pr.lines.push(`${prefix}${star}${name}${q.explainDetail()}`);
  const kids = q.children;
  kids.forEach((c, i) => {
    const last = i === kids.length - 1;
    print(c, `${childPrefix}${last ? "+- " : ":- "}`, `${childPrefix}${last ? "   " : ":  "}`, pr, stageId);
  });
}

/**
 * The `== Physical Plan ==` section of `df.explain()` in Spark's shape: operator names and
 * details, `+-`/`:-` indentation, `AdaptiveSparkPlan isFinalPlan=false` on plans with an
 * exchange (Spark 4 runs AQE by default) and `*(n)` codegen stage marks otherwise.
 * Expression ids and plan_ids are tspark's own.
 */
export function explainPhysical(plan: ExecutionPlan): string {
  const adaptive = hasExchange(plan);
  const pr: Printer = { lines: [], stars: !adaptive, stage: 0 };
  if (adaptive) {
    pr.lines.push("AdaptiveSparkPlan isFinalPlan=false");
    print(plan, "+- ", "   ", pr, 0);
  } else print(plan, "", "", pr, 0);
  return `== Physical Plan ==\n${pr.lines.join("\n")}\n`;
}
