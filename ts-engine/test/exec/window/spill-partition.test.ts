import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { makeBatch, type ColumnBatch } from "../../../src/columnar/batch.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { makeVector } from "../../../src/columnar/vector.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ExecutionPlan } from "../../../src/exec/execution-plan.js";
import { spillStats } from "../../../src/exec/memory/spill-file.js";
import { WindowExec } from "../../../src/exec/window/window-exec.js";
import type { AggCall, BoundRef, Expr, ScalarCall, SortOrder, WindowExpression } from "../../../src/expr/expr.js";
import { CURRENT_ROW, RUNNING_RANGE, RUNNING_ROWS, UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, WHOLE_PARTITION, type WindowFrame } from "../../../src/expr/window-frame.js";
import { arrayType, BooleanType, DoubleType, IntegerType, LongType, structField, structType, type DataType } from "../../../src/types/data-type.js";
import { testCtx } from "../../engine/helpers.js";
import { tempDir } from "../../temp-dir.js";

// Issue 9 §1: a window partition whose expressions cannot stream (lag/lead, ntile,
// percent_rank, cume_dist, frames past the current row) spills to spark.local.dir past the
// memory budget or the spill threshold, and its values equal those of the partition held whole.
const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });
const K = ref(0, LongType);
const O = ref(1, LongType);
const X = ref(2, LongType);
const inSchema = structType([structField("k", LongType, true), structField("o", LongType, true), structField("x", LongType, true)]);
const order: SortOrder[] = [{ kind: "SortOrder", child: O, ascending: true, nullsFirst: true }];
const lit = (value: number | boolean | null, dataType: DataType): Expr => ({ kind: "Literal", value, dataType });

function win(fn: AggCall | ScalarCall, frame: WindowFrame): WindowExpression {
  return { kind: "WindowExpression", fn, partitionSpec: [K], orderSpec: order, frame };
}
const scalar = (fn: string, args: Expr[], dataType: DataType): ScalarCall => ({ kind: "ScalarCall", fn, args, dataType, nullable: true });
const agg = (fn: string, dataType: DataType, args: Expr[] = [X]): AggCall => ({ kind: "AggCall", fn, args, isDistinct: false, dataType, nullable: true });
const rows = (lo: number, hi: number): WindowFrame => ({ type: "rows", lower: { kind: "offset", value: lo }, upper: { kind: "offset", value: hi } });
const range = (lo: WindowFrame["lower"], hi: WindowFrame["upper"]): WindowFrame => ({ type: "range", lower: lo, upper: hi });

const EXPRS: WindowExpression[] = [
  win(scalar("lag", [X, lit(3, IntegerType), lit(-1, LongType)], LongType), rows(-3, -3)),
  win(scalar("lead", [X, lit(2, IntegerType), lit(null, LongType)], LongType), rows(2, 2)),
  win(scalar("ntile", [lit(7, IntegerType)], IntegerType), RUNNING_ROWS),
  win(scalar("percent_rank", [O], DoubleType), RUNNING_ROWS),
  win(scalar("cume_dist", [], DoubleType), RUNNING_RANGE),
  win(scalar("rank", [O], IntegerType), RUNNING_ROWS),
  win(scalar("dense_rank", [O], IntegerType), RUNNING_ROWS),
  win(scalar("row_number", [], IntegerType), RUNNING_ROWS),
  win(scalar("nth_value", [X, lit(2, IntegerType), lit(true, BooleanType)], LongType), rows(-4, 1)),
  win(agg("sum", LongType), rows(-3, 2)),
  win(agg("sum", LongType), range(CURRENT_ROW, UNBOUNDED_FOLLOWING)),
  win(agg("count", LongType), WHOLE_PARTITION),
  win(agg("max", LongType), range({ kind: "offset", value: -2 }, { kind: "offset", value: 1 })),
  win(agg("min", LongType), range(UNBOUNDED_PRECEDING, { kind: "offset", value: 3 })),
  win(agg("sum", LongType), RUNNING_RANGE),
  win(agg("first", LongType, [X, lit(true, BooleanType)]), { type: "rows", lower: { kind: "offset", value: 1 }, upper: UNBOUNDED_FOLLOWING }),
  win(agg("collect_list", arrayType(LongType, false)), rows(-2, 0)),
  win(agg("avg", DoubleType), { type: "rows", lower: UNBOUNDED_PRECEDING, upper: { kind: "offset", value: 5 } }),
];

/**
 * Rows (k, o, x) sorted by k then o (nulls first): o ties in groups of `tie` (the partition
 * at `allTied` is one peer group), the first rows of partition 1 have a null o, x is null
 * every 11th row.
 */
function input(sizes: readonly number[], tie: number, allTied = -1): (number | null)[][] {
  const out: (number | null)[][] = [];
  sizes.forEach((n, k) => {
    for (let i = 0; i < n; i++) {
      const o = k === 1 && i < 37 ? null : k === allTied ? 5 : Math.floor(i / tie);
      out.push([k, o, out.length % 11 === 0 ? null : (out.length * 7919) % 97]);
    }
  });
  return out;
}

function source(data: readonly (number | null)[][], batch: number): ExecutionPlan {
  return {
    name: "Source",
    schema: inSchema,
    children: [],
    numPartitions: () => 1,
    explainDetail: () => "",
    async *execute(): AsyncGenerator<ColumnBatch> {
      for (let s = 0; s < data.length; s += batch) {
        const part = data.slice(s, s + batch);
        const col = (j: number): ReturnType<typeof makeVector> => {
          const validity = Uint8Array.from(part, (r) => (r[j] === null ? 0 : 1));
          return makeVector(LongType, Float64Array.from(part, (r) => r[j] ?? 0), validity, part.length);
        };
        yield makeBatch(inSchema, [col(0), col(1), col(2)], part.length);
      }
    },
  };
}

async function run(data: readonly (number | null)[][], conf: SqlConf, runRows?: number): Promise<unknown[][]> {
  const schema = structType([...inSchema.fields, ...EXPRS.map((w, i) => structField(`w${i}`, w.fn.dataType, true))]);
  const exec = new WindowExec(source(data, 512), EXPRS, [K], order, schema, "", runRows);
  const out: unknown[][] = [];
  for await (const b of exec.execute(0, testCtx({ parallelism: 2 }, conf))) out.push(...batchToRows(b));
  return out;
}

function confOf(entries: Record<string, string>): SqlConf {
  const c = new SqlConf();
  for (const [k, v] of Object.entries(entries)) c.set(k, v);
  return c;
}

const dir = tempDir("window-spill");

describe("a window partition that cannot stream", () => {
  it("spills past the memory budget and gives the values of the partition held whole", async () => {
    const data = input([30_000, 2500, 20_000, 9000], 3, 3);
    const whole = await run(data, new SqlConf());
    const before = spillStats();
    const spilled = await run(data, confOf({ "spark.executor.memory": "2m", "spark.local.dir": dir }));
    const after = spillStats();
    expect(after.files).toBeGreaterThan(before.files);
    expect(after.bytes - before.bytes).toBeGreaterThan(30_000 * 3 * 8);
    expect(after.live).toBe(before.live);
    expect(spilled).toEqual(whole);
    // every spill file is gone once the task ends
    expect(fs.readdirSync(dir).flatMap((d) => fs.readdirSync(`${dir}/${d}`))).toEqual([]);
  });

  it("spills past spark.sql.windowExec.buffer.spill.threshold, in blocks and chunks that cut peer groups", async () => {
    const data = input([700, 130, 1, 2, 900, 41], 13, 5);
    const whole = await run(data, new SqlConf());
    for (const threshold of ["40", "97"]) {
      const before = spillStats().files;
      const spilled = await run(data, confOf({ "spark.sql.windowExec.buffer.spill.threshold": threshold, "spark.local.dir": dir }), 256);
      // the 700- and 900-row partitions outgrow the threshold while arriving (in 512-row batches)
      expect(spillStats().files - before).toBeGreaterThanOrEqual(2);
      expect(spilled).toEqual(whole);
    }
  });

  it("rejects a threshold that is no positive int, as Spark's intConf", async () => {
    await expect(run(input([10], 2), confOf({ "spark.sql.windowExec.buffer.spill.threshold": "x" }))).rejects.toThrow("spark.sql.windowExec.buffer.spill.threshold should be int, but was x");
  });
});
