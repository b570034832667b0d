import { makeVector, type Vector } from "../../../columnar/vector.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { DoubleType, IntegerType, type DataType } from "../../../types/data-type.js";
import type { Expr, ScalarCall } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { RUNNING_RANGE, RUNNING_ROWS, type WindowFrame } from "../../window-frame.js";
import { checkArity, doc, quotedSql, scalarCall, type FunctionDoc, type WindowFunctionDef, type WindowRows } from "../function-def.js";

/**
 * The ranking functions (Spark's RowNumber, Rank, DenseRank, PercentRank, CumeDist, NTile):
 * each needs an ordered window and runs in ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW,
 * whatever frame the user wrote must equal that. Each value comes from the row's position
 * in its partition and peer group, one loop over the rows.
 */
function ranking(
  name: string,
  fnDoc: FunctionDoc,
  type: DataType,
  evaluate: (rows: WindowRows, call: ScalarCall) => Vector,
  opts: { rankLike?: boolean; arity?: number; frame?: WindowFrame } = {},
): WindowFunctionDef {
  const rankLike = opts.rankLike === true;
  return {
    kind: "window",
    name,
    doc: fnDoc,
    requiresOrder: true,
    resolve(n, args) {
      checkArity(n, args, opts.arity ?? 0);
      return scalarCall(name, args, type, false);
    },
    requiredFrame: () => opts.frame ?? RUNNING_ROWS,
    ...(rankLike
      ? {
          // Spark's RankLike takes the window's order keys as its children.
          withOrder: (call: ScalarCall, keys: readonly Expr[]) => ({ ...call, args: keys }),
        }
      : {}),
    evaluate: (_args, call, rows) => evaluate(rows, call),
  };
}

function intVector(out: Int32Array): Vector {
  return makeVector(IntegerType, out, null, out.length);
}

function doubleVector(out: Float64Array): Vector {
  return makeVector(DoubleType, out, null, out.length);
}

/** row_number(): 1, 2, 3 … within each partition. */
export const ROW_NUMBER = ranking(
  "row_number",
  doc("row_number()", "Assigns a unique, sequential number to each row, starting with one, according to the ordering of rows within the window partition."),
  IntegerType,
  (r) => {
    const out = new Int32Array(r.numRows);
    const ps = r.partStart;
    for (let i = 0; i < r.numRows; i++) out[i] = i - ps[i]! + 1;
    return intVector(out);
  },
);

/** rank(): one plus the number of rows before the row's peer group (gaps after ties). */
export const RANK = ranking(
  "rank",
  doc("rank()", "Computes the rank of a value in a group of values: one plus the number of rows preceding the row's peers, so ties leave gaps."),
  IntegerType,
  (r) => {
    const out = new Int32Array(r.numRows);
    for (let i = 0; i < r.numRows; i++) out[i] = r.peerStart[i]! - r.partStart[i]! + 1;
    return intVector(out);
  },
  { rankLike: true },
);

/** dense_rank(): the peer group's number within the partition (no gaps after ties). */
export const DENSE_RANK = ranking(
  "dense_rank",
  doc("dense_rank()", "Computes the rank of a value in a group of values without gaps: ties share a rank and the next rank is one more."),
  IntegerType,
  (r) => {
    const out = new Int32Array(r.numRows);
    let rank = r.peersBefore ?? 0;
    for (let i = 0; i < r.numRows; i++) {
      if (i === r.partStart[i]) rank = 1;
      else if (i === r.peerStart[i]) rank++;
      out[i] = rank;
    }
    return intVector(out);
  },
  { rankLike: true },
);

/** percent_rank(): (rank - 1) / (rows in partition - 1), 0 for a one-row partition. */
export const PERCENT_RANK = ranking(
  "percent_rank",
  doc("percent_rank()", "Computes the percentage ranking of a value in a group of values: (rank - 1) / (partition rows - 1)."),
  DoubleType,
  (r) => {
    const out = new Float64Array(r.numRows);
    for (let i = 0; i < r.numRows; i++) {
      const size = r.partEnd[i]! - r.partStart[i]!;
      out[i] = size <= 1 ? 0 : (r.peerStart[i]! - r.partStart[i]!) / (size - 1);
    }
    return doubleVector(out);
  },
  { rankLike: true },
);

/** cume_dist(): rows up to the last peer of the row, over the partition's rows. */
export const CUME_DIST = ranking(
  "cume_dist",
  doc("cume_dist()", "Computes the position of a value relative to all values in the partition: rows up to and including its peers over all rows."),
  DoubleType,
  (r) => {
    const out = new Float64Array(r.numRows);
    for (let i = 0; i < r.numRows; i++) out[i] = (r.peerEnd[i]! - r.partStart[i]!) / (r.partEnd[i]! - r.partStart[i]!);
    return doubleVector(out);
  },
  // Spark's CumeDist runs in RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (its peers count)
  { frame: RUNNING_RANGE },
);

/** The bucket count of an ntile call: a positive integer literal (Spark's NTile checks). */
function ntileBuckets(call: ScalarCall): number {
  const a = call.args[0]!;
  return a.kind === "Literal" ? Number(a.value) : 0;
}

/**
 * ntile(n): splits each partition into n buckets as even as possible, the first
 * (rows mod n) of them one row larger, and gives each row its bucket's number.
 */
export const NTILE: WindowFunctionDef = {
  ...ranking(
    "ntile",
    doc("ntile(n)", "Divides the rows of each window partition into n buckets ranging from 1 to at most n."),
    IntegerType,
    (r, call) => {
      const k = ntileBuckets(call);
      const out = new Int32Array(r.numRows);
      for (let i = 0; i < r.numRows; i++) {
        const size = r.partEnd[i]! - r.partStart[i]!;
        const pos = i - r.partStart[i]!;
        const base = Math.floor(size / k);
        const extra = size % k;
        const big = (base + 1) * extra;
        out[i] = pos < big ? Math.floor(pos / (base + 1)) + 1 : extra + Math.floor((pos - big) / base) + 1;
      }
      return intVector(out);
    },
    { arity: 1 },
  ),
  resolve(n, args) {
    checkArity(n, args, 1);
    const a = args[0]!;
    const t = exprType(a);
    const draft = scalarCall("ntile", args, IntegerType, false);
    if (a.kind !== "Literal" || (t.kind !== "integer" && t.kind !== "short" && t.kind !== "byte")) {
      throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(draft), inputName: "`buckets`", inputType: '"INT"', inputExpr: quotedSql(a) });
    }
    if (a.value === null || Number(a.value) <= 0) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr: quotedSql(draft), exprName: "buckets", valueRange: "(0, 2147483647]", currentValue: String(a.value) });
    }
    return draft;
  },
};

/** The ranking functions' registry entries. */
export const RANKING_FUNCTIONS: readonly WindowFunctionDef[] = [ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE];
