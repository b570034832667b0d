import { expectStorage, retypeVector, type Vector } from "../../columnar/vector.js";
import type { ColumnBatch } from "../../columnar/batch.js";
import { takeBatch } from "../../columnar/take.js";
import { pinVector } from "../../columnar/pinned-buffers.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import { withSqlOrigin } from "../../errors/query-context.js";
import { NullType } from "../../types/data-type.js";
import type { CaseWhen, Expr, Literal } from "../expr.js";
import { lookupFunction } from "../functions/registry.js";
import { castVector } from "./cast.js";
import { lambdaRunner } from "./lambda.js";
import type { LambdaRunner } from "../functions/function-def.js";
import type { EvalContext } from "./eval-context.js";
import { broadcast, constantPrefix, markConstant, valid, valueAt, vectorFromRowValues } from "./vectors.js";

/** Defined in eval-context.ts; re-exported for evaluate()'s callers. */
export type { EvalContext } from "./eval-context.js";

/**
 * Evaluates a bound expression over a whole batch and returns one vector of `batch.numRows`
 * values: one call per batch per expression node, with kernels looping over typed arrays.
 * Supports BoundRef, Literal, Alias, Cast, CaseWhen and registry ScalarCalls; AggCall and
 * PythonUDF belong to their operators.
 */
export function evaluate(e: Expr, batch: ColumnBatch, ctx: EvalContext): Vector {
  const n = batch.numRows;
  switch (e.kind) {
    case "BoundRef": {
      const col = batch.columns[e.ordinal];
      if (col === undefined) throw new InternalError(`BoundRef ordinal ${e.ordinal} out of range`);
      return col;
    }
    case "Literal":
      return literalVector(e, n);
    case "Alias":
      return evaluate(e.child, batch, ctx);
    case "Cast": {
      const c = evaluate(e.child, batch, ctx);
      return withSqlOrigin(e.sqlOrigin, () => castVector(c, e.dataType, e.ansi === undefined ? ctx : { ...ctx, ansi: e.ansi }));
    }
    case "CaseWhen":
      return caseWhen(e, batch, ctx);
    case "ScalarCall": {
      const def = lookupFunction(e.fn);
      if (def?.kind === "higherOrder") {
        const values: Vector[] = [];
        const lambdas: LambdaRunner[] = [];
        for (const a of e.args) {
          if (a.kind === "LambdaFunction") lambdas.push(lambdaRunner(a, batch, ctx, evaluate));
          else values.push(evaluate(a, batch, ctx));
        }
        return def.eval(values, lambdas, e, ctx, n);
      }
      if (def === undefined || def.kind !== "scalar") throw new InternalError(`no scalar function ${e.fn}`);
      const args = e.args.map((a) => evaluate(a, batch, ctx));
      // SQL text's runtime errors name the call that raised them (Spark's query context)
      const out = e.sqlOrigin === undefined ? def.eval(args, e, ctx, n) : withSqlOrigin(e.sqlOrigin, () => def.eval(args, e, ctx, n));
      // a string result typed with its input's collation (collation.ts) carries it on the vector
      return "collation" in e.dataType && out.type !== e.dataType && out.storage === "utf8" ? retypeVector(out, e.dataType) : out;
    }
    case "AttributeRef":
    case "AggCall":
    case "PythonUDF":
    case "SortOrder":
    case "LambdaFunction":
    case "NamedLambdaVariable":
    case "WindowExpression":
      // Lambdas run through their higher-order function; variables are bound to ordinals.
      // Bound away before execution, or evaluated by their operators (aggregate, Python, sort, window).
      throw new InternalError(`cannot evaluate ${e.kind}`);
    default:
      return assertNever(e);
  }
}

// Literal vectors are immutable (kernels never write their inputs), so one per literal node and
// batch length is reused across batches instead of being allocated per batch. Its buffers are
// pinned: a worker posting a batch copies them rather than moving them (scheduler/transfer.ts).
const literalCache = new WeakMap<Literal, Vector>();

function literalVector(e: Literal, n: number): Vector {
  const hit = literalCache.get(e);
  if (hit !== undefined) {
    if (hit.length === n) return hit;
    // Shorter batches (after a filter) get a view of the cached vector instead of a new fill.
    const view = constantPrefix(hit, n);
    if (view !== null) return view;
  }
  const v = markConstant(broadcast(e.dataType, e.value, n));
  if (hit === undefined || hit.length < n) literalCache.set(e, pinVector(v));
  return v;
}

/** CASE WHEN: first branch whose condition is true (null counts as false), else ELSE, else null. */
/**
 * CASE WHEN as Spark evaluates it: a row's later conditions run only when no earlier one
 * held, and a branch's value only for the rows that pick it, so a value that would raise on
 * other rows (raise_error, an ANSI division by zero) raises only where it is chosen.
 */
function caseWhen(e: CaseWhen, batch: ColumnBatch, ctx: EvalContext): Vector {
  const n = batch.numRows;
  const type = e.dataType ?? NullType;
  const nb = e.branches.length;
  // choice[i]: the branch row i takes (nb: the else value)
  const choice = new Int32Array(n).fill(nb);
  let pending = Int32Array.from({ length: n }, (_, i) => i);
  for (let b = 0; b < nb && pending.length > 0; b++) {
    const cond = evaluateRows(e.branches[b]![0], batch, pending, ctx);
    const bits = expectStorage(cond, "bool").data;
    const rest: number[] = [];
    for (let k = 0; k < pending.length; k++) {
      if (valid(cond.validity, k) && bits[k] === 1) choice[pending[k]!] = b;
      else rest.push(pending[k]!);
    }
    pending = Int32Array.from(rest);
  }
  const out: unknown[] = new Array<unknown>(n).fill(null);
  for (let b = 0; b <= nb; b++) {
    const valueExpr = b < nb ? e.branches[b]![1] : e.elseValue;
    if (valueExpr === undefined) continue;
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (choice[i] === b) rows.push(i);
    if (rows.length === 0) continue;
    const picked = Int32Array.from(rows);
    const values = evaluateRows(valueExpr, batch, picked, ctx);
    for (let k = 0; k < picked.length; k++) out[picked[k]!] = valueAt(values, k);
  }
  return vectorFromRowValues(type, out);
}

/** `e` over the rows `rows` of `batch` (the whole batch when that is every row). */
function evaluateRows(e: Expr, batch: ColumnBatch, rows: Int32Array, ctx: EvalContext): Vector {
  return rows.length === batch.numRows ? evaluate(e, batch, ctx) : evaluate(e, takeBatch(batch, rows), ctx);
}
