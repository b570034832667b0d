import { concatVectors } from "../../../columnar/rows.js";
import { takeVector } from "../../../columnar/take.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { BooleanType, IntegerType, NullType } from "../../../types/data-type.js";
import type { Expr, ScalarCall } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { offsetBoundary } from "../../window-frame.js";
import { checkArity, doc, implicitCast, quotedSql, scalarCall, type FunctionDoc, type WindowFunctionDef } from "../function-def.js";

/** The integer value of a call's literal argument `i` (offsets and flags are literals after analysis). */
function literalInt(call: ScalarCall, i: number, fallback: number): number {
  let a = call.args[i];
  // an implicit cast of a short or byte literal to INT
  if (a?.kind === "Cast") a = a.child;
  return a?.kind === "Literal" && a.value !== null ? Number(a.value) : fallback;
}

function requireLiteralInt(call: ScalarCall, a: Expr): void {
  const t = exprType(a).kind;
  if (a.kind !== "Literal" || (t !== "integer" && t !== "short" && t !== "byte")) {
    throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(call), inputName: "`offset`", inputType: '"INT"', inputExpr: quotedSql(a) });
  }
}

/**
 * lag / lead (Spark's Lag and Lead, frameless offset functions): the value `offset` rows
 * before (lag) or after (lead) the current row in its partition, `default` when that row
 * lies outside the partition. They run in the fixed frame ROWS -offset … -offset (lag) or
 * offset … offset (lead); a negative offset looks the other way.
 */
function offsetFunction(name: "lag" | "lead", fnDoc: FunctionDoc): WindowFunctionDef {
  const sign = name === "lag" ? -1 : 1;
  return {
    kind: "window",
    name,
    doc: fnDoc,
    requiresOrder: true,
    framelessOffset: true,
    resolve(n, args) {
      checkArity(n, args, 1, 3);
      const input = args[0]!;
      const t = exprType(input);
      const offset = args[1] ?? { kind: "Literal" as const, value: 1, dataType: IntegerType };
      const draft = scalarCall(name, [input, offset], t, true);
      requireLiteralInt(draft, offset);
      const dflt = args[2] === undefined ? { kind: "Literal" as const, value: null, dataType: t.kind === "null" ? NullType : t } : implicitCast(args[2], t);
      return scalarCall(name, [input, implicitCast(offset, IntegerType), dflt], t, true);
    },
    requiredFrame(call) {
      const k = sign * literalInt(call, 1, 1);
      const b = offsetBoundary(k);
      return { type: "rows", lower: b, upper: b };
    },
    evaluate(args, call, rows) {
      const [x, dflt] = [args[0]!, args[2]!];
      const k = sign * literalInt(call, 1, 1);
      const n = rows.numRows;
      // Gather from [x; default]: row i takes x[i + k] inside its partition, else default[i].
      const idx = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const j = i + k;
        idx[i] = j >= rows.partStart[i]! && j < rows.partEnd[i]! ? j : n + i;
      }
      return takeVector(concatVectors([x, dflt]), idx);
    },
  };
}

/** lag(input[, offset[, default]]). */
export const LAG = offsetFunction(
  "lag",
  doc("lag(input[, offset[, default]])", "Returns the value of input at the offset-th row before the current row in the window partition, default (null if not given) when there is none."),
);

/** lead(input[, offset[, default]]). */
export const LEAD = offsetFunction(
  "lead",
  doc("lead(input[, offset[, default]])", "Returns the value of input at the offset-th row after the current row in the window partition, default (null if not given) when there is none."),
);

/**
 * nth_value(input, offset[, ignoreNulls]) (Spark's NthValue): the value of the offset-th row
 * of the frame (1-based), or of its offset-th non-null value with ignoreNulls; null when the
 * frame has fewer. It runs in the window's own frame.
 */
export const NTH_VALUE: WindowFunctionDef = {
  kind: "window",
  name: "nth_value",
  doc: doc("nth_value(input[, offset[, ignoreNulls]])", "Returns the value of input at the row that is the offset-th row from the beginning of the window frame; null if there is no such row."),
  requiresOrder: false,
  resolve(n, args) {
    checkArity(n, args, 2, 3);
    const input = args[0]!;
    const t = exprType(input);
    const offset = args[1]!;
    const draft = scalarCall("nth_value", args, t, true);
    requireLiteralInt(draft, offset);
    if (offset.kind === "Literal" && (offset.value === null || Number(offset.value) <= 0)) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr: quotedSql(draft), exprName: "offset", valueRange: "(0, 9223372036854775807]", currentValue: `${String(offset.value)}L` });
    }
    const ignoreNulls = args[2] ?? { kind: "Literal" as const, value: false, dataType: BooleanType };
    return scalarCall("nth_value", [input, offset, ignoreNulls], t, true);
  },
  requiredFrame: () => undefined,
  evaluate(args, call, rows) {
    const x = args[0]!;
    const k = literalInt(call, 1, 1);
    const ignoreNulls = call.args[2]?.kind === "Literal" && call.args[2].value === true;
    const n = rows.numRows;
    const idx = new Int32Array(n);
    const val = x.validity;
    for (let i = 0; i < n; i++) {
      const lo = rows.frameStart[i]!;
      const hi = rows.frameEnd[i]!;
      if (!ignoreNulls || val === null) {
        idx[i] = lo + k - 1 < hi ? lo + k - 1 : -1;
        continue;
      }
      let seen = 0;
      let at = -1;
      for (let j = lo; j < hi; j++) {
        if (val[j] === 1 && ++seen === k) {
          at = j;
          break;
        }
      }
      idx[i] = at;
    }
    return takeVector(x, idx);
  },
};

/** The offset functions' registry entries. */
export const OFFSET_FUNCTIONS: readonly WindowFunctionDef[] = [LAG, LEAD, NTH_VALUE];
