import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { takeBatch } from "../../columnar/take.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import type { StructType } from "../../types/data-type.js";
import { replaceInvalidUtf8 } from "../charset.js";
import { evalPushedFilter, TRUE } from "../pushed-filter-eval.js";
import { builderFor, compact, type ConvertContext } from "./column-builders.js";
import type { OrderedFilters } from "./csv-filters.js";
import type { CsvOptions } from "./csv-options.js";
import { ALL_FIELDS, RAW, type CsvTokens } from "./csv-tokenizer.js";
import { FieldText } from "./field-text.js";

/** Where each required column comes from: a field of the record, or the corrupt record text. */
export type CsvColumn = { readonly kind: "field"; readonly index: number } | { readonly kind: "corrupt" };

/** How many leading fields a record needs for `columns`, and whether that is fewer than all `dataFields` (Spark's column pruning). */
function fieldsNeeded(columns: readonly CsvColumn[], dataFields: number): { readonly needed: number; readonly pruned: boolean } {
  let needed = 0;
  let fieldsRead = 0;
  for (const c of columns) {
    if (c.kind === "field") {
      needed = Math.max(needed, c.index + 1);
      fieldsRead++;
    }
  }
  return { needed, pruned: fieldsRead < dataFields };
}

/**
 * How many fields of each record the tokenizer must find for `columns`: when the scan is
 * pruned only the leading ones it reads (count() none at all), else every field, since a
 * record of another length is malformed. maxCharsPerColumn checks every value, so it keeps all.
 */
export function fieldsToTokenize(columns: readonly CsvColumn[], dataFields: number, o: CsvOptions): number {
  const { needed, pruned } = fieldsNeeded(columns, dataFields);
  return pruned && o.maxCharsPerColumn < 0 ? needed : ALL_FIELDS;
}

/**
 * The batch of the tokenized records, in `required` columns, and which records were malformed
 * (token count ≠ `dataFields`, or a field that does not parse as its column's type: that field
 * is null, as Spark's partial results in PERMISSIVE mode). With `filters`, columns are
 * converted in order and a record leaves the batch once a filter at a converted column is not
 * TRUE for it (its later columns are not converted).
 */
export function convertRecords(
  t: CsvTokens,
  required: StructType,
  columns: readonly CsvColumn[],
  dataFields: number,
  o: CsvOptions,
  ctx: ConvertContext,
  filters: OrderedFilters | null = null,
): { readonly batch: ColumnBatch; readonly bad: Uint8Array; readonly anyBad: boolean } {
  const n = t.nRecords;
  const bad = new Uint8Array(n);
  let anyBad = false;
  // Spark's column pruning: when only some fields are read, univocity selects those, and only a
  // record too short for them is malformed by its length; reading every field, any other length is
  const { needed, pruned } = fieldsNeeded(columns, dataFields);
  for (let r = 0; r < n; r++) {
    const k = t.recCount[r]!;
    if (pruned ? k < needed : k !== dataFields) {
      bad[r] = 1;
      anyBad = true;
    }
  }
  const f = new FieldText(o);
  const vectors: Vector[] = [];
  let corruptAt = -1;
  // filter push-down: rows still alive, and the rows whose field failed in the current column
  // (Spark does not evaluate the filters at a field whose conversion threw)
  const alive = filters === null ? null : new Uint8Array(n).fill(1);
  const failed = filters === null ? null : new Uint8Array(n);
  let dropped = 0;
  columns.forEach((c, ci) => {
    const type = required.fields[ci]!.dataType;
    if (c.kind === "corrupt") {
      corruptAt = ci;
      vectors.push(makeVector(type, [], null, 0));
      return;
    }
    const b = builderFor(type, n, o, ctx);
    const valid = new Uint8Array(n);
    const { recCount, recTok, kinds, starts, ends, bytes } = t;
    const raw = b.raw;
    failed?.fill(0);
    for (let r = 0; r < n; r++) {
      if (alive !== null && alive[r] === 0) continue;
      if (c.index >= recCount[r]!) {
        if (failed !== null) failed[r] = 1;
        continue;
      }
      const i = recTok[r]! + c.index;
      // a plain field straight from its bytes; anything else (and text the fast path leaves) through FieldText
      if (raw !== undefined && kinds[i] === RAW && !f.isNullRange(bytes, starts[i]!, ends[i]!) && raw(bytes, starts[i]!, ends[i]!, r)) {
        valid[r] = 1;
        continue;
      }
      if (!f.read(t, i)) continue;
      if (b.slot(f, r)) valid[r] = 1;
      else {
        bad[r] = 1;
        anyBad = true;
        if (failed !== null) failed[r] = 1;
      }
    }
    vectors.push(b.finish(valid));
    const filter = filters?.[ci];
    if (filter !== undefined && alive !== null && failed !== null) {
      const result = evalPushedFilter(filter, (name) => vectorNamed(required, vectors, name), n);
      for (let r = 0; r < n; r++) {
        if (alive[r] === 1 && failed[r] === 0 && result[r] !== TRUE) {
          alive[r] = 0;
          dropped++;
        }
      }
    }
  });
  if (corruptAt >= 0) {
    const cb = new Utf8Builder(n, 16);
    const valid = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      // a record completed from a line break inside a value has no text of its own at the end of the file (null, as in Spark)
      if (bad[r] === 1 && t.hasText(r)) {
        cb.appendRange(t.bytes, t.recStart[r]!, t.recEnd[r]!);
        valid[r] = 1;
      } else cb.commit(0);
    }
    vectors[corruptAt] = makeVector(required.fields[corruptAt]!.dataType, cb.finish(), compact(valid), n);
  }
  // bytes that are not UTF-8 read as U+FFFD, as Java decodes the file for Spark (strings and the corrupt record alike)
  const out = t.validUtf8() ? vectors : vectors.map(replaceInvalidUtf8);
  const batch = makeBatch(required, out, n);
  if (alive === null || dropped === 0) return { batch, bad, anyBad };
  // records a filter rejected are gone, malformed or not (Spark's parser returns no row for them)
  const keep = new Int32Array(n - dropped);
  const keptBad = new Uint8Array(n - dropped);
  let k = 0;
  let keptAnyBad = false;
  for (let r = 0; r < n; r++) {
    if (alive[r] === 0) continue;
    keptBad[k] = bad[r]!;
    if (bad[r] === 1) keptAnyBad = true;
    keep[k++] = r;
  }
  return { batch: takeBatch(batch, keep), bad: keptBad, anyBad: keptAnyBad };
}

/** The vector of the required column `name` among those converted so far (undefined: not yet, or not read). */
function vectorNamed(required: StructType, vectors: readonly Vector[], name: string): Vector | undefined {
  const i = required.fields.findIndex((f) => f.name === name);
  return i >= 0 && i < vectors.length ? vectors[i] : undefined;
}
