import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { takeVector } from "../columnar/take.js";
import type { Vector } from "../columnar/vector.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { ScalarCall } from "../expr/expr.js";
import { lookupFunction } from "../expr/functions/registry.js";
import { InternalError } from "../errors/spark-exception.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { UnaryExec } from "./unary-exec.js";
import { evalContextOf } from "./util.js";

/**
 * Spark's GenerateExec: the generator expands each input batch at once into its generated
 * columns and each output row's source row; the input's columns are gathered by those rows.
 * With `outer`, an input row that generates nothing yields one row with null generated columns.
 */
export class GenerateExec extends UnaryExec {
  readonly name = "Generate";

  constructor(
    child: ExecutionPlan,
    readonly generator: ScalarCall,
    readonly outer: boolean,
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const def = lookupFunction(this.generator.fn);
    if (def?.kind !== "generator") throw new InternalError(`${this.generator.fn} is not a generator`);
    const ectx = evalContextOf(ctx);
    for await (const b of this.input(partition, ctx)) {
      const args = this.generator.args.map((a) => evaluate(a, b, ectx));
      const out = def.generate(args, this.generator, b.numRows);
      const { rows, generated } = this.outer ? withOuterRows(out.sourceRows, b.numRows) : { rows: out.sourceRows, generated: null };
      if (rows.length === 0) continue;
      const genCols = generated === null ? out.columns : out.columns.map((c) => takeVector(c, generated));
      const cols: Vector[] = [...b.columns.map((c) => takeVector(c, rows)), ...genCols];
      yield makeBatch(this.schema, cols, rows.length);
    }
  }
}

/**
 * Source rows with a row added (in order) for every input row that generated none, and for
 * each output row the generated row it takes (-1, a null row, for the added ones).
 */
function withOuterRows(source: Int32Array, numRows: number): { rows: Int32Array; generated: Int32Array } {
  const rows: number[] = [];
  const generated: number[] = [];
  let k = 0;
  for (let i = 0; i < numRows; i++) {
    if (k < source.length && source[k] === i) {
      while (k < source.length && source[k] === i) {
        rows.push(i);
        generated.push(k++);
      }
    } else {
      rows.push(i);
      generated.push(-1);
    }
  }
  return { rows: Int32Array.from(rows), generated: Int32Array.from(generated) };
}
