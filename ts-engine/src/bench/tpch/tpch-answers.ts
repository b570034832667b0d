import type { DataType, StructType } from "../../types/data-type.js";

/**
 * A query's answer as the TPC-H bench compares it across engines: rows of plain JSON values
 * (decimals and doubles as numbers, dates as ISO text, counts as numbers), in the query's order.
 * bench_tpch.py builds the same from Python values (`_norm`); keep the two in step.
 */
export type AnswerValue = number | string | boolean | null;
export type AnswerRows = readonly (readonly AnswerValue[])[];

const MS_PER_DAY = 86_400_000;

/** One Node API result value (api/to-js.ts's convention) of type `t` as an answer value. */
export function answerValue(v: unknown, t: DataType): AnswerValue {
  if (v === null || v === undefined) return null;
  if (t.kind === "decimal") return Number(v); // an exact decimal string
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    // a date is midnight UTC of its day; a timestamp keeps its time
    return t.kind === "date" || v.getTime() % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Rows (arrays of values, or anything with `toArray()`) of a frame with `schema`, as answer rows. */
export function answerRows(rows: readonly { toArray(): unknown[] }[], schema: StructType): AnswerValue[][] {
  const types = schema.fields.map((f) => f.dataType);
  return rows.map((r) => r.toArray().map((v, i) => answerValue(v, types[i]!)));
}

/**
 * Whether two numbers are the same answer: within 0.01 (answers recorded rounded to 2 places;
 * Spark's decimal averages against DuckDB's doubles) or within relative 1e-9 (large sums in
 * float64, as pandas makes them).
 */
export function closeNumbers(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  return d <= 0.01 + 1e-12 || d <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (typeof a === "number" && typeof b === "number") return closeNumbers(a, b);
  return a === b;
}

/** Orders rows value by value (numbers by value, within closeNumbers; then text; nulls first). */
function compareRows(x: readonly AnswerValue[], y: readonly AnswerValue[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (sameValue(a, b)) continue;
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a) < String(b) ? -1 : 1;
  }
  return x.length - y.length;
}

/** The first row where two answers differ (index and both rows), or null when they agree in order. */
function firstDifference(got: AnswerRows, want: AnswerRows): string | null {
  if (got.length !== want.length) return `${got.length} rows, expected ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (g.length !== w.length || g.some((v, j) => !sameValue(v, w[j]!))) return `row ${i}: ${JSON.stringify(g)}, expected ${JSON.stringify(w)}`;
  }
  return null;
}

/** How an answer compares with the reference. */
export type AnswerCheck =
  | { readonly kind: "same" }
  /** The same rows, but rows that tie on the query's ORDER BY came in another order. */
  | { readonly kind: "ties" }
  | { readonly kind: "diff"; readonly why: string };

/**
 * Compares an answer with the reference: row by row in order when the query orders its
 * result, else as multisets. An ordered answer whose rows match only once both are sorted is
 * `ties` (TPC-H orders by non-unique keys in Q3, Q10, Q11, Q18: engines may order ties apart).
 */
export function checkAnswer(got: AnswerRows, want: AnswerRows, ordered: boolean): AnswerCheck {
  const inOrder = firstDifference(got, want);
  if (inOrder === null) return { kind: "same" };
  const sortedDiff = firstDifference([...got].sort(compareRows), [...want].sort(compareRows));
  if (sortedDiff === null) return ordered ? { kind: "ties" } : { kind: "same" };
  return { kind: "diff", why: ordered ? inOrder : sortedDiff };
}
