import type { FileMetaData, SchemaElement } from "hyparquet";
import { deserializeTCompactProtocol } from "hyparquet/src/thrift.js";

/** A decimal column chunk's exact statistics: unscaled min and max at the column's scale. */
export interface DecimalBounds {
  readonly min: bigint | undefined;
  readonly max: bigint | undefined;
  readonly scale: number;
}

/** Exact decimal bounds by row group and leaf column: `table.get(rowGroup)?.get(leafIndex)`. */
export type DecimalStatistics = ReadonlyMap<number, ReadonlyMap<number, DecimalBounds>>;

function isDecimal(e: SchemaElement): boolean {
  return e.converted_type === "DECIMAL" || e.logical_type?.type === "DECIMAL";
}

function scaleOf(e: SchemaElement): number {
  return e.logical_type?.type === "DECIMAL" ? e.logical_type.scale : (e.scale ?? 0);
}

/** The leaf elements of a footer's schema in column-chunk order (depth-first, as the schema list stores them). */
function leaves(schema: readonly SchemaElement[]): SchemaElement[] {
  return schema.slice(1).filter((e) => (e.num_children ?? 0) === 0);
}

/** A statistics value of `e`'s physical type as an unscaled integer (ints little-endian, byte arrays big-endian two's complement). */
function unscaledOfStat(b: unknown, e: SchemaElement): bigint | undefined {
  if (!(b instanceof Uint8Array)) return undefined;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.type === "INT32") return b.length === 4 ? BigInt(view.getInt32(0, true)) : undefined;
  if (e.type === "INT64") return b.length === 8 ? view.getBigInt64(0, true) : undefined;
  if (b.length === 0) return undefined;
  let v = 0n;
  for (let k = 0; k < b.length; k++) v = (v << 8n) | BigInt(b[k]!);
  if (b[0]! & 0x80) v -= 1n << BigInt(8 * b.length);
  return v;
}

function field(o: unknown, id: number): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[`field_${id}`] : undefined;
}

/**
 * The exact min/max of every decimal column chunk, read from the footer's thrift again:
 * hyparquet turns decimal statistics into doubles, which cannot prune exactly past 15
 * digits. `footer` is the FileMetaData's bytes. Statistics.min_value / max_value are used;
 * the deprecated min / max only for INT32/INT64 decimals, whose order was always signed
 * (byte-array ones were ordered as unsigned bytes by old writers, PARQUET-251), as parquet-mr
 * decides. Undefined when the schema has no decimal column.
 */
export function decimalStatistics(footer: Uint8Array, metadata: FileMetaData): DecimalStatistics | undefined {
  const cols = leaves(metadata.schema);
  const decimalCols = cols.flatMap((e, i) => (isDecimal(e) ? [i] : []));
  if (decimalCols.length === 0) return undefined;
  const raw: unknown = deserializeTCompactProtocol({ view: new DataView(footer.buffer, footer.byteOffset, footer.byteLength), offset: 0 });
  const groups = field(raw, 4);
  const out = new Map<number, Map<number, DecimalBounds>>();
  if (!Array.isArray(groups)) return out;
  groups.forEach((rg: unknown, g) => {
    const chunks = field(rg, 1);
    if (!Array.isArray(chunks)) return;
    const byCol = new Map<number, DecimalBounds>();
    for (const c of decimalCols) {
      const e = cols[c]!;
      const stats = field(field(chunks[c], 3), 12);
      if (stats === undefined) continue;
      const legacyOk = e.type === "INT32" || e.type === "INT64";
      const min = unscaledOfStat(field(stats, 6), e) ?? (legacyOk ? unscaledOfStat(field(stats, 2), e) : undefined);
      const max = unscaledOfStat(field(stats, 5), e) ?? (legacyOk ? unscaledOfStat(field(stats, 1), e) : undefined);
      byCol.set(c, { min, max, scale: scaleOf(e) });
    }
    out.set(g, byCol);
  });
  return out;
}
