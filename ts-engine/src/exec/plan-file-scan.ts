import { makeBatch } from "../columnar/batch.js";
import { vectorFromValues } from "../columnar/builder.js";
import { bindReferences } from "../expr/bind.js";
import type { AttributeRef, Expr } from "../expr/expr.js";
import { exprToString } from "../expr/expr-string.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { FileStatus } from "../io/file-split.js";
import { planFilePartitions, type SplitSettings } from "../io/file-splits.js";
import { fileFormat } from "../io/formats.js";
import { pushedFilterString, type PushedFilter } from "../io/pushed-filter.js";
import { SourceOptions } from "../io/source-options.js";
import { translateFilter } from "../io/translate-filter.js";
import { deterministic, notNullConstraints } from "../optimizer/constraints.js";
import type { FileScan } from "../plan/logical-plan.js";
import { referencedIds } from "../plan/transform.js";
import { simpleString } from "../types/type-names.js";
import { structType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import { bucketedPartitions, bucketIdOfFile, selectedBuckets } from "./bucketed-scan.js";
import type { BucketedOutput, FileSourceScanP, ScanColumn } from "./physical-plan.js";
import { schemaOfAttrs } from "./util.js";

/** Spark's StringUtils.abbreviate at spark.sql.maxMetadataStringLength: longer values end in "...". */
function abbreviate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 3))}...`;
}

/** `(n paths)[file:/a, file:/b, ...]`: Spark's Utils.buildLocationMetadata, which stops appending past the threshold. */
function locationText(paths: readonly string[], threshold: number): string {
  let s = `(${paths.length} paths)[`;
  let i = 0;
  while (i < paths.length && s.length < threshold) {
    if (i > 0) s += ", ";
    s += paths[i]!;
    i++;
  }
  if (paths.length > i) s += i > 0 ? ", ..." : "...";
  return `${s}]`;
}


/**
 * The conjuncts with Spark's inferred IS NOT NULL constraints first (InferFiltersFromConstraints:
 * a null-intolerant predicate over nullable `a` implies isnotnull(a)), skipping ones already there.
 */
function withNotNullConstraints(conjuncts: readonly Expr[]): Expr[] {
  return [...notNullConstraints(conjuncts), ...conjuncts];
}

/** The files whose partition values pass `filters` (evaluated on one row per file, as Spark's listFiles prunes). */
function prune(files: readonly FileStatus[], filters: readonly Expr[], partAttrs: readonly AttributeRef[], ctx: ExecContext): FileStatus[] {
  if (filters.length === 0 || files.length === 0) return [...files];
  const schema = schemaOfAttrs(partAttrs);
  const cols = partAttrs.map((a, i) => vectorFromValues(a.dataType, files.map((f) => f.partitionValues[i] ?? null)));
  const batch = makeBatch(schema, cols, files.length);
  const keep = new Uint8Array(files.length).fill(1);
  const ectx = { ansi: ctx.conf.ansi, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC" };
  for (const f of filters) {
    const v = evaluate(bindReferences(f, partAttrs), batch, ectx);
    if (v.storage !== "bool") continue;
    for (let i = 0; i < files.length; i++) if (v.data[i] !== 1 || (v.validity !== null && v.validity[i] === 0)) keep[i] = 0;
  }
  return files.filter((_, i) => keep[i] === 1);
}

/**
 * How a scan of a bucketed table reads (Spark's FileSourceScanExec.bucketedScan and its
 * "Bucketed" metadata): by bucket when bucketing is on, every bucket column is read, every
 * file names its bucket, and the planner wants it; the buckets its filters select either way.
 */
function bucketRead(
  scan: FileScan,
  dataAttrs: readonly AttributeRef[],
  dataFilters: readonly Expr[],
  want: boolean,
  ctx: ExecContext,
): { readonly shown?: string; readonly selected?: ReadonlySet<number>; readonly bucketing?: BucketedOutput } {
  const spec = scan.relation.bucketSpec;
  if (spec === undefined) return {};
  if (!ctx.conf.getBoolean("spark.sql.sources.bucketing.enabled")) return { shown: "false (disabled by configuration)" };
  const col = (name: string): AttributeRef | undefined => dataAttrs.find((a) => a.name.toLowerCase() === name.toLowerCase());
  const selected = spec.bucketColumns.length === 1 ? selectedBuckets(dataFilters, col(spec.bucketColumns[0]!), spec.numBuckets) : undefined;
  const ordinals = spec.bucketColumns.map((n) => {
    const a = col(n);
    return a === undefined ? -1 : scan.output.findIndex((o) => o.exprId === a.exprId);
  });
  if (ordinals.some((o) => o < 0)) return { shown: "false (bucket column(s) not read)", ...(selected === undefined ? {} : { selected }) };
  const named = scan.relation.index.files.every((f) => bucketIdOfFile(f.path) !== undefined);
  if (!want || !named) return { shown: "false (disabled by query planner)", ...(selected === undefined ? {} : { selected }) };
  return { shown: "true", ...(selected === undefined ? {} : { selected }), bucketing: { ordinals, numBuckets: spec.numBuckets } };
}

/** The session's split settings (spark.sql.files.*; minPartitionNum defaults to the parallelism), for scans and schema inference alike. */
export function fileSplitSettings(ctx: ExecContext): SplitSettings {
  const minParts = ctx.conf.getNumber("spark.sql.files.minPartitionNum");
  return {
    maxPartitionBytes: ctx.conf.getBytes("spark.sql.files.maxPartitionBytes"),
    openCostInBytes: ctx.conf.getBytes("spark.sql.files.openCostInBytes"),
    minPartitionNum: minParts > 0 ? minParts : Math.max(1, ctx.conf.getNumber("spark.default.parallelism") || ctx.services.parallelism),
  };
}

/**
 * A file scan as Spark's FileSourceStrategy plans it: the conjuncts of the Filter right above
 * that read only partition columns prune the files (PartitionFilters) and are dropped from the
 * Filter; the others are the DataFilters, pushed to the format where they translate
 * (PushedFilters) and kept in the Filter. The scan reads only the data columns in its output.
 * Returns the scan and the conjuncts the Filter above must still apply.
 */
export function planFileScan(
  scan: FileScan,
  conjuncts: readonly Expr[],
  ctx: ExecContext,
  wantBucketed = true,
): { readonly scan: FileSourceScanP; readonly remaining: readonly Expr[]; readonly formatted: readonly string[] } {
  const rel = scan.relation;
  const nData = rel.dataSchema.fields.length;
  const dataAttrs = scan.relationOutput.slice(0, nData);
  const partAttrs = scan.relationOutput.slice(nData);
  const partIds = new Set(partAttrs.map((a) => a.exprId));
  const tz = ctx.conf.get("spark.sql.session.timeZone") ?? "UTC";
  const partitionFilters: Expr[] = [];
  const dataFilters: Expr[] = [];
  const all = withNotNullConstraints(conjuncts);
  for (const c of all) {
    const ids = [...referencedIds(c)];
    if (ids.length > 0 && ids.every((id) => partIds.has(id)) && deterministic(c)) partitionFilters.push(c);
    else if (ids.every((id) => !partIds.has(id))) dataFilters.push(c);
  }
  const pushed: PushedFilter[] = [];
  for (const f of dataFilters) {
    const t = translateFilter(f, tz);
    if (t !== undefined) pushed.push(t);
  }
  const format = fileFormat(rel.format);
  const options = new SourceOptions(rel.options);
  const bucket = bucketRead(scan, dataAttrs, dataFilters, wantBucketed, ctx);
  const kept = prune(rel.index.files, partitionFilters, partAttrs, ctx);
  // Spark prunes a bucketed table's files by bucket whether or not it reads them by bucket
  const files = bucket.selected === undefined ? kept : kept.filter((f) => bucket.selected!.has(bucketIdOfFile(f.path) ?? -1));
  const parts = bucket.bucketing !== undefined ? bucketedPartitions(files, bucket.bucketing.numBuckets) : planFilePartitions(files, (f) => format.isSplittable(f, options), fileSplitSettings(ctx));
  const partitions = parts.length > 0 ? parts : [{ index: 0, splits: [] }];
  const outIds = new Set(scan.output.map((a) => a.exprId));
  const required = dataAttrs.filter((a) => outIds.has(a.exprId));
  const columns: ScanColumn[] = scan.output.map((a) => {
    const d = required.findIndex((r) => r.exprId === a.exprId);
    return d >= 0 ? { kind: "data", index: d } : { kind: "partition", index: partAttrs.findIndex((r) => r.exprId === a.exprId) };
  });
  const requiredSchema = structType(required.map((a) => rel.dataSchema.fields[dataAttrs.indexOf(a)]!));
  const max = ctx.conf.getNumber("spark.sql.maxMetadataStringLength") || 100;
  const list = (es: readonly string[]): string => abbreviate(`[${es.join(", ")}]`, max);
  const batched = format.supportBatch?.(schemaOfAttrs(scan.output), ctx.conf) ?? false;
  const meta = [
    `Batched: ${batched}`,
    ...(bucket.shown === undefined ? [] : [`Bucketed: ${bucket.shown}`]),
    `DataFilters: ${list(dataFilters.map(exprToString))}`,
    `Format: ${format.displayName}`,
    `Location: ${abbreviate(`InMemoryFileIndex${locationText(rel.index.rootPaths, max)}`, max)}`,
    `PartitionFilters: ${list(partitionFilters.map(exprToString))}`,
    `PushedFilters: ${list(pushed.map(pushedFilterString))}`,
    `ReadSchema: ${abbreviate(simpleString(requiredSchema), max)}`,
    ...(bucket.bucketing === undefined ? [] : [`SelectedBucketsCount: ${bucket.selected?.size ?? bucket.bucketing.numBuckets} out of ${bucket.bucketing.numBuckets}`]),
  ];
  const detail = ` ${rel.format} ${rel.table ?? ""}[${scan.output.map(exprToString).join(",")}] ${meta.join(", ")}`;
  // formatted explain (FileSourceScanExec.verboseStringWithOperatorId): the metadata but
  // DataFilters and Format, empty ones left out, the location as its class and root paths
  const roots = rel.index.rootPaths;
  const where = roots.length <= 1 ? `[${roots.join(", ")}]` : `[${roots[0]!}, ... ${roots.length - 1} entries]`;
  const formatted = [
    `Output [${scan.output.length}]: [${scan.output.map(exprToString).join(", ")}]`,
    ...meta
      .filter((m) => !m.startsWith("DataFilters:") && !m.startsWith("Format:") && !m.endsWith(": []") && !m.endsWith(": "))
      .map((m) => (m.startsWith("Location:") ? `Location: InMemoryFileIndex ${where}` : m)),
  ];
  const remaining = all.filter((c) => !partitionFilters.includes(c));
  return {
    scan: {
      kind: "FileSourceScan",
      format: rel.format,
      options: rel.options,
      dataSchema: rel.dataSchema,
      requiredSchema,
      partitionSchema: rel.partitionSchema,
      columns,
      filters: pushed,
      partitions,
      numPartitions: partitions.length,
      schema: schemaOfAttrs(scan.output),
      detail,
      batched,
      ...(bucket.bucketing === undefined ? {} : { bucketing: bucket.bucketing }),
    },
    remaining,
    formatted,
  };
}
