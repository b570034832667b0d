import type * as arrow from "apache-arrow";
import { arrowTable, type BatchSegment } from "../engine/arrow-encode.js";
import { checkpointRelation } from "../engine/checkpoint-query.js";
import type { ResultRunOptions } from "../exec/scheduler/dag-scheduler.js";
import type { ParsedAggregate as Aggregate } from "../plan/parsed-plan.js";
import { PySparkNotImplementedError } from "./errors.js";
import { call } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import { literalOf } from "./literal.js";
import type { Row } from "./row.js";
import { batchToJsRows } from "./to-js.js";

/** Runs a frame's plan and gathers every result batch as Rows. */
export async function collectRows(df: DataFrame): Promise<Row[]> {
  const s = df.sparkSession;
  const result = await s.engine.executeQuery(df.plan, s.execContext());
  const rows: Row[] = [];
  for await (const batch of result.batches) {
    for (const r of batchToJsRows(batch, result.schema)) rows.push(r);
  }
  return rows;
}

/**
 * A frame's rows one at a time as the engine streams its batches. toLocalIterator passes
 * `partitionsAtOnce` (1, or 2 with prefetchPartitions): the result partitions then run in
 * order that many at a time, so memory is bounded by what the consumer has yet to read.
 */
export async function* iterateRows(df: DataFrame, opts: ResultRunOptions = {}): AsyncGenerator<Row> {
  const s = df.sparkSession;
  const result = await s.engine.executeQuery(df.plan, s.execContext(), opts);
  for await (const batch of result.batches) yield* batchToJsRows(batch, result.schema);
}

/** `df.toArrow()`: the rows as one Arrow table with Spark's Arrow types (PySpark's toArrow). */
export async function toArrowTable(df: DataFrame): Promise<arrow.Table> {
  const s = df.sparkSession;
  const result = await s.engine.executeQuery(df.plan, s.execContext());
  const segments: BatchSegment[] = [];
  for await (const batch of result.batches) segments.push({ batch, start: 0, end: batch.numRows });
  return arrowTable(result.schema, segments);
}

/** `df.checkpoint(eager)` / `localCheckpoint`: a frame over the rows the engine keeps for the session (engine/checkpoint-query.ts). */
export async function checkpointFrame(df: DataFrame, eager: boolean): Promise<DataFrame> {
  const s = df.sparkSession;
  if (s.engine.checkpointQuery === undefined) throw new PySparkNotImplementedError("checkpoint on this engine");
  return s.frame(checkpointRelation(await s.engine.checkpointQuery(df.plan, eager, s.execContext())));
}

/** `df.count()`: as PySpark, `groupBy().count()` run by the engine. */
export async function countRows(df: DataFrame): Promise<number> {
  const agg: Aggregate = {
    kind: "Aggregate",
    input: df.plan,
    groupBy: [],
    aggs: [{ kind: "Alias", child: call("count", [literalOf(1)]).expr, name: "count" }],
  };
  const rows = await collectRows(df.sparkSession.frame(agg));
  const v = rows[0]?.get(0);
  return typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : 0;
}

/** Writes text and a newline to stdout, as Python's print. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}
