import { describe, expect, it } from "vitest";
import { makeBatch, type ColumnBatch } from "../../../src/columnar/batch.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { makeVector } from "../../../src/columnar/vector.js";
import type { ExecutionPlan } from "../../../src/exec/execution-plan.js";
import { WindowExec } from "../../../src/exec/window/window-exec.js";
import type { AggCall, BoundRef, Expr, ScalarCall, SortOrder, WindowExpression } from "../../../src/expr/expr.js";
import { RUNNING_RANGE, RUNNING_ROWS, type WindowFrame } from "../../../src/expr/window-frame.js";
import { DoubleType, IntegerType, LongType, structField, structType, type DataType } from "../../../src/types/data-type.js";
import { testCtx } from "../../engine/helpers.js";

// One huge window partition (issue 9 §1): when every window expression streams (row_number,
// rank, dense_rank, running aggregates), WindowExec cuts the partition at peer-group
// boundaries and carries its state, instead of holding it whole; values equal a brute force.
const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });
const K = ref(0, LongType);
const O = ref(1, LongType);
const X = ref(2, LongType);
const inSchema = structType([structField("k", LongType, true), structField("o", LongType, true), structField("x", LongType, true)]);
const order: SortOrder[] = [{ kind: "SortOrder", child: O, ascending: true, nullsFirst: true }];

function win(fn: AggCall | ScalarCall, frame: WindowFrame): WindowExpression {
  return { kind: "WindowExpression", fn, partitionSpec: [K], orderSpec: order, frame };
}
const scalar = (fn: string, args: Expr[], dataType: DataType): ScalarCall => ({ kind: "ScalarCall", fn, args, dataType, nullable: false });
const agg = (fn: string, dataType: DataType): AggCall => ({ kind: "AggCall", fn, args: [X], isDistinct: false, dataType, nullable: true });

const STREAMING: WindowExpression[] = [
  win(scalar("row_number", [], IntegerType), RUNNING_ROWS),
  win(scalar("rank", [O], IntegerType), RUNNING_ROWS),
  win(scalar("dense_rank", [O], IntegerType), RUNNING_ROWS),
  win(agg("sum", LongType), RUNNING_RANGE),
  win(agg("count", LongType), RUNNING_ROWS),
  win(agg("max", LongType), RUNNING_RANGE),
  win(agg("avg", DoubleType), RUNNING_ROWS),
];
const LAG = win(scalar("lag", [X, { kind: "Literal", value: 1, dataType: IntegerType }, { kind: "Literal", value: null, dataType: LongType }], LongType), { type: "rows", lower: { kind: "offset", value: -1 }, upper: { kind: "offset", value: -1 } });

/** Rows (k, o, x): partition sizes in order; o ties in threes (all peers where `peers` says), x null every 11th row. */
function input(sizes: readonly number[], peers: ReadonlySet<number> = new Set()): number[][] {
  const rows: number[][] = [];
  sizes.forEach((n, k) => {
    for (let i = 0; i < n; i++) rows.push([k, peers.has(k) ? 0 : Math.floor(i / 3), (i * 7919) % 97]);
  });
  return rows.map((r, i) => (i % 11 === 0 ? [r[0]!, r[1]!, Number.NaN] : r));
}

/** A child that makes its batches lazily and counts the rows it made. */
function source(rows: readonly number[][], batch: number): { plan: ExecutionPlan; made: () => number } {
  let made = 0;
  const plan: ExecutionPlan = {
    name: "Source",
    schema: inSchema,
    children: [],
    numPartitions: () => 1,
    explainDetail: () => "",
    async *execute(): AsyncGenerator<ColumnBatch> {
      for (let s = 0; s < rows.length; s += batch) {
        const part = rows.slice(s, s + batch);
        const col = (j: number): ReturnType<typeof makeVector> => {
          const validity = new Uint8Array(part.length).map((_, i) => (Number.isNaN(part[i]![j]!) ? 0 : 1));
          return makeVector(LongType, new Float64Array(part.map((r) => (Number.isNaN(r[j]!) ? 0 : r[j]!))), validity, part.length);
        };
        made += part.length;
        yield makeBatch(inSchema, [col(0), col(1), col(2)], part.length);
      }
    },
  };
  return { plan, made: () => made };
}

/** The expected values of STREAMING for each row, by a plain walk over each partition. */
function expected(rows: readonly number[][]): unknown[][] {
  const out: unknown[][] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]![0] === rows[start]![0]) end++;
    let dense = 0;
    let sum = 0;
    let count = 0;
    let max = -Infinity;
    // running sums up to each row (ROWS) and up to each row's last peer (RANGE)
    const upto: [number, number, number][] = [];
    for (let i = start; i < end; i++) {
      const x = rows[i]![2]!;
      if (!Number.isNaN(x)) {
        sum += x;
        count++;
        max = Math.max(max, x);
      }
      upto.push([sum, count, max]);
    }
    for (let i = start; i < end; i++) {
      const o = rows[i]![1]!;
      let peerStart = i;
      while (peerStart > start && rows[peerStart - 1]![1] === o) peerStart--;
      let peerEnd = i + 1;
      while (peerEnd < end && rows[peerEnd]![1] === o) peerEnd++;
      if (peerStart === i) dense++;
      const [rs, rc, rm] = upto[peerEnd - 1 - start]!;
      const [s, c] = upto[i - start]!;
      out.push([i - start + 1, peerStart - start + 1, dense, rc === 0 ? null : rs, c, rc === 0 ? null : rm, c === 0 ? null : s / c]);
    }
    start = end;
  }
  return out;
}

async function run(exprs: WindowExpression[], rows: readonly number[][], runRows: number): Promise<{ values: unknown[][]; madeAtFirst: number }> {
  const src = source(rows, 256);
  const schema = structType([...inSchema.fields, ...exprs.map((_, i) => structField(`w${i}`, exprs[i]!.fn.dataType, true))]);
  const exec = new WindowExec(src.plan, exprs, [K], order, schema, "", runRows);
  const values: unknown[][] = [];
  let madeAtFirst = -1;
  for await (const b of exec.execute(0, testCtx())) {
    if (madeAtFirst < 0) madeAtFirst = src.made();
    for (const r of batchToRows(b)) values.push(r.slice(3).map((v) => (typeof v === "bigint" ? Number(v) : v)));
  }
  return { values, madeAtFirst };
}

describe("a window partition larger than a run", () => {
  const rows = input([9000, 2500, 5000], new Set([1]));

  it("streams through in runs, carrying row numbers, ranks and running aggregates across the cuts", async () => {
    const { values, madeAtFirst } = await run(STREAMING, rows, 1000);
    expect(values).toEqual(expected(rows));
    // the first rows come out long before the 9000-row partition has been read
    expect(madeAtFirst).toBeLessThan(2000);
  });

  it("gives the same values as one run holding every partition whole", async () => {
    const whole = await run(STREAMING, rows, 1 << 20);
    expect(whole.values).toEqual(expected(rows));
    expect(whole.madeAtFirst).toBe(rows.length);
  });

  it("holds the partition whole when an expression needs rows past the cut (lag)", async () => {
    const { values, madeAtFirst } = await run([...STREAMING, LAG], rows, 1000);
    expect(madeAtFirst).toBeGreaterThanOrEqual(9000);
    const exp = expected(rows);
    values.forEach((v, i) => {
      expect(v.slice(0, STREAMING.length)).toEqual(exp[i]);
      const prev = i > 0 && rows[i - 1]![0] === rows[i]![0] ? rows[i - 1]![2]! : null;
      expect(v[STREAMING.length]).toEqual(prev !== null && Number.isNaN(prev) ? null : prev);
    });
  });
});
