import type { ColumnBatch } from "../columnar/batch.js";
import { numberData, type NumberData } from "../columnar/vector.js";
import type { Expr } from "../expr/expr.js";
import { exprType } from "../expr/expr-type.js";

/** A comparison a selection loop runs directly: column `op` constant. */
type SelectOp = "<" | "<=" | ">" | ">=" | "==";

/** One conjunct the filter can select on without building a boolean vector. */
type SimpleConjunct =
  | { readonly kind: "compare"; readonly ordinal: number; readonly op: SelectOp; readonly value: number }
  | { readonly kind: "notNull"; readonly ordinal: number };

const FLIPPED: Readonly<Record<SelectOp, SelectOp>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==" };

function isSelectOp(fn: string): fn is SelectOp {
  return fn === "<" || fn === "<=" || fn === ">" || fn === ">=" || fn === "==";
}

/** A non-NaN number literal's value, or null (NaN compares by Spark's order: the generic kernel handles it). */
function numberLiteral(e: Expr): number | null {
  return e.kind === "Literal" && typeof e.value === "number" && e.value === e.value ? e.value : null;
}

function conjunct(e: Expr): SimpleConjunct | null {
  if (e.kind !== "ScalarCall") return null;
  if (e.fn === "isnotnull") {
    const a = e.args[0];
    return a?.kind === "BoundRef" ? { kind: "notNull", ordinal: a.ordinal } : null;
  }
  if (!isSelectOp(e.fn) || e.args.length !== 2) return null;
  const [l, r] = e.args as [Expr, Expr];
  // the analyzer coerced both sides to one type; anything else (a cast left unfolded) is not ours
  if (l.kind === "ScalarCall" || r.kind === "ScalarCall" || exprType(l).kind !== exprType(r).kind) return null;
  const rv = numberLiteral(r);
  if (l.kind === "BoundRef" && rv !== null) return { kind: "compare", ordinal: l.ordinal, op: e.fn, value: rv };
  const lv = numberLiteral(l);
  if (r.kind === "BoundRef" && lv !== null) return { kind: "compare", ordinal: r.ordinal, op: FLIPPED[e.fn], value: lv };
  return null;
}

function conjuncts(e: Expr, out: Expr[]): void {
  if (e.kind === "ScalarCall" && e.fn === "and" && e.args.length === 2) {
    conjuncts(e.args[0]!, out);
    conjuncts(e.args[1]!, out);
  } else out.push(e);
}

/**
 * A filter condition that is an AND of `column op number` comparisons and
 * `isnotnull(column)` tests (what Spark's pushed and inferred filters mostly are), as the
 * selection loops below run it; null for any other condition (the generic evaluator
 * runs those). Built once per operator.
 */
export function simpleSelection(cond: Expr): readonly SimpleConjunct[] | null {
  const parts: Expr[] = [];
  conjuncts(cond, parts);
  const out: SimpleConjunct[] = [];
  for (const p of parts) {
    const c = conjunct(p);
    if (c === null) return null;
    out.push(c);
  }
  return out;
}

type Numbers = NumberData;

/*
 * One loop per operator over the candidate rows (all rows first, then the survivors of the
 * conjuncts before), writing the selected row numbers in place: no boolean vector, no
 * second pass. Branch-free (every row is written, the count moves by the test's 0 or 1):
 * on unordered data a branch per row measured twice as slow. Spark orders NaN above every
 * number, so NaN > c and NaN >= c are true; JS comparisons with NaN are false, which is
 * already Spark's answer for <, <= and ==.
 */
function refine(op: SelectOp, x: Numbers, c: number, valid: Uint8Array | null, sel: Int32Array, k: number, all: boolean): number {
  let m = 0;
  switch (op) {
    case "<":
      for (let j = 0; j < k; j++) {
        const i = all ? j : sel[j]!;
        sel[m] = i;
        m += +(x[i]! < c) & (valid === null ? 1 : valid[i]!);
      }
      return m;
    case "<=":
      for (let j = 0; j < k; j++) {
        const i = all ? j : sel[j]!;
        sel[m] = i;
        m += +(x[i]! <= c) & (valid === null ? 1 : valid[i]!);
      }
      return m;
    case ">":
      for (let j = 0; j < k; j++) {
        const i = all ? j : sel[j]!;
        const a = x[i]!;
        sel[m] = i;
        m += (+(a > c) | +(a !== a)) & (valid === null ? 1 : valid[i]!);
      }
      return m;
    case ">=":
      for (let j = 0; j < k; j++) {
        const i = all ? j : sel[j]!;
        const a = x[i]!;
        sel[m] = i;
        m += (+(a >= c) | +(a !== a)) & (valid === null ? 1 : valid[i]!);
      }
      return m;
    case "==":
      for (let j = 0; j < k; j++) {
        const i = all ? j : sel[j]!;
        sel[m] = i;
        m += +(x[i]! === c) & (valid === null ? 1 : valid[i]!);
      }
      return m;
  }
}

function refineNotNull(valid: Uint8Array, sel: Int32Array, k: number, all: boolean): number {
  let m = 0;
  for (let j = 0; j < k; j++) {
    const i = all ? j : sel[j]!;
    sel[m] = i;
    m += valid[i]!;
  }
  return m;
}

/**
 * The rows of `b` the conjuncts all select, written into `sel` (at least numRows long),
 * and their count; -1 when a column's storage has no loop here (BigInt longs, decimals,
 * strings …): the caller evaluates the condition generically then.
 */
export function selectInto(parts: readonly SimpleConjunct[], b: ColumnBatch, sel: Int32Array): number {
  let k = b.numRows;
  let all = true;
  for (const p of parts) {
    const v = b.columns[p.ordinal]!;
    if (p.kind === "notNull") {
      if (v.validity === null) continue;
      k = refineNotNull(v.validity, sel, k, all);
    } else {
      const x = numberData(v);
      if (x === null || v.storage === "bool") return -1;
      // a float column compares with the literal as the constant vector holds it, rounded to float
      k = refine(p.op, x, v.storage === "f32" ? Math.fround(p.value) : p.value, v.validity, sel, k, all);
    }
    all = false;
    if (k === 0) return 0;
  }
  if (all) for (let i = 0; i < k; i++) sel[i] = i;
  return k;
}
