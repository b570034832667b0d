import type { Vector } from "../../../columnar/vector.js";
import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { valueKey } from "../../../columnar/value-key.js";
import { compareValues } from "../../../columnar/value-order.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { arrayType, BooleanType, LongType, type DataType } from "../../../types/data-type.js";
import { typeEquals } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { Expr } from "../../expr.js";
import { doc, aggCall, firstArg, quotedSql, quotedType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** One distinct value of a group and how often it occurred. */
interface Tally {
  readonly value: unknown;
  count: number;
}

// Spark keys mode's map by Java equality: NaN equals NaN, but -0.0 and 0.0 are two values.
const NEGATIVE_ZERO_KEY = "\u0003-0";

function modeKey(x: unknown): unknown {
  return Object.is(x, -0) ? NEGATIVE_ZERO_KEY : valueKey(x);
}

/**
 * Whether `a` wins a tie with `b`: the lower value in Spark's order; of -0.0 and 0.0, which
 * that order holds equal, -0.0 (what PySpark 4.0.1 returned in that case).
 */
function winsTie(a: unknown, b: unknown): boolean {
  const c = compareValues(a, b);
  return c < 0 || (c === 0 && Object.is(a, -0));
}

/**
 * mode(x): per group, a map from each non-null value to its count (partial state: the
 * values and their counts as two arrays); the result is the most frequent value, null
 * for a group without one. Ties go to the lowest value. That is Spark's answer with
 * deterministic = true; without it Spark returns whichever tied value its hash map visits
 * first, which no other engine can reproduce, so the lowest is as good and stable across
 * partitionings.
 */
export class ModeAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private tallies: Map<unknown, Tally>[] = [];

  constructor(private readonly type: DataType) {
    this.partialTypes = [arrayType(type, false), arrayType(LongType, false)];
  }

  ensure(n: number): void {
    while (this.tallies.length < n) this.tallies.push(new Map());
  }

  private add(g: number, x: unknown, count: number): void {
    const m = this.tallies[g]!;
    const k = modeKey(x);
    const t = m.get(k);
    if (t === undefined) m.set(k, { value: x, count });
    else t.count += count;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x !== null) this.add(groups[i]!, x, 1);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const values = vectorToValues(partial[0]!) as (unknown[] | null)[];
    const counts = vectorToValues(partial[1]!) as (number[] | null)[];
    for (let i = 0; i < n; i++) {
      const vs = values[i] ?? [];
      const cs = counts[i] ?? [];
      for (let j = 0; j < vs.length; j++) this.add(groups[i]!, vs[j], Number(cs[j]));
    }
  }

  partial(numGroups: number): Vector[] {
    const values: unknown[][] = [];
    const counts: number[][] = [];
    for (let g = 0; g < numGroups; g++) {
      const ts = [...this.tallies[g]!.values()];
      values.push(ts.map((t) => t.value));
      counts.push(ts.map((t) => t.count));
    }
    return [vectorFromValues(this.partialTypes[0]!, values), vectorFromValues(this.partialTypes[1]!, counts)];
  }

  result(numGroups: number): Vector {
    const out: unknown[] = [];
    for (let g = 0; g < numGroups; g++) {
      let best: Tally | null = null;
      for (const t of this.tallies[g]!.values()) {
        if (best === null || t.count > best.count || (t.count === best.count && winsTie(t.value, best.value))) best = t;
      }
      out.push(best === null ? null : best.value);
    }
    return vectorFromValues(this.type, out);
  }
}

/** The value of mode's `deterministic` argument, checked as Spark's ModeBuilder checks it. */
function deterministicFlag(arg: Expr): boolean {
  const lit = arg.kind === "Literal" ? arg : arg.kind === "Cast" && arg.child.kind === "Literal" && arg.child.value === null ? arg.child : null;
  if (lit === null) {
    throw new AnalysisException("NON_FOLDABLE_ARGUMENT", { funcName: "`mode`", paramName: "`deterministic`", paramType: quotedType(BooleanType) });
  }
  if (lit.value === null) throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_NULL", { sqlExpr: quotedSql(arg), exprName: "`deterministic`" });
  if (!typeEquals(exprType(arg), BooleanType)) {
    throw new AnalysisException("UNEXPECTED_INPUT_TYPE", {
      paramIndex: "second",
      functionName: "`mode`",
      requiredType: quotedType(BooleanType),
      inputSql: quotedSql(arg),
      inputType: quotedType(exprType(arg)),
    });
  }
  return lit.value === true;
}

/**
 * mode(col[, deterministic]): the most frequent non-null value of `col` (its type; null
 * when there is none). The resolved call keeps a `true` flag as its second argument, which
 * names the column `mode() WITHIN GROUP (ORDER BY col DESC)` as Spark 4.0 does; `false`
 * is dropped, as Spark builds the same Mode as for one argument.
 */
export const MODE: AggFunctionDef = {
  kind: "agg",
  name: "mode",
  doc: doc("mode(col[, deterministic])", "Returns the most frequent non-null value of `col`, null when there is none; ties go to the lowest value (Spark guarantees that only with deterministic = true)."),
  resolve(_n, args, isDistinct) {
    if (args.length === 0) throw new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING", { funcName: "`mode`" });
    if (args.length > 2) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
        functionName: "`mode`",
        expectedNum: "0",
        actualNum: String(args.length),
        docroot: "https://spark.apache.org/docs/latest",
      });
    }
    const x = args[0]!;
    const flag = args[1];
    const deterministic = flag !== undefined && deterministicFlag(flag);
    if (isDistinct) throw new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED", { funcName: "`mode`" });
    return aggCall("mode", deterministic ? [x, flag!] : [x], false, exprType(x), true);
  },
  accumulator: (call) => new ModeAcc(call.dataType),
  updateArgs: firstArg,
};
