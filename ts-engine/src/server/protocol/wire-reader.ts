import { InvalidPlanInput } from "../../errors/spark-exception.js";
import { decodeLimits, DEFAULT_DECODE_LIMITS } from "./decode-limits.js";

/** A msgpack map as decoded: string keys, unknown values. */
export type WireMap = Readonly<Record<string, unknown>>;

/** Throws InvalidPlanInput naming the offending path (`root.input.condition`). */
export function fail(path: string, what: string): never {
  throw new InvalidPlanInput(`${path}: ${what}`);
}

/** Describes a wire value for error messages without dumping it whole. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (v instanceof Uint8Array) return "bin";
  if (Array.isArray(v)) return "list";
  if (typeof v === "object") return "map";
  return `${typeof v} ${JSON.stringify(typeof v === "bigint" ? v.toString() : v)?.slice(0, 40)}`;
}

/** True for a decoded msgpack map (a plain object, not a list, bin or class instance). */
export function isMap(v: unknown): v is WireMap {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && Object.getPrototypeOf(v) === Object.prototype;
}

/** The value as a map, or InvalidPlanInput at `path`. */
export function asMap(v: unknown, path: string): WireMap {
  if (!isMap(v)) fail(path, `expected a map, got ${describe(v)}`);
  return v;
}

/** The value as a list, or InvalidPlanInput at `path`. */
export function asList(v: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(v)) fail(path, `expected a list, got ${describe(v)}`);
  return v;
}

/** The value as a string, or InvalidPlanInput at `path`. */
export function asString(v: unknown, path: string): string {
  if (typeof v !== "string") fail(path, `expected a string, got ${describe(v)}`);
  return v;
}

/** The value as a bool, or InvalidPlanInput at `path`. */
export function asBool(v: unknown, path: string): boolean {
  if (typeof v !== "boolean") fail(path, `expected a bool, got ${describe(v)}`);
  return v;
}

/** The value as bin bytes, or InvalidPlanInput at `path`. */
export function asBin(v: unknown, path: string): Uint8Array {
  if (!(v instanceof Uint8Array)) fail(path, `expected bin, got ${describe(v)}`);
  return v;
}

/** An int64 as decoded (Number within ±2^53, BigInt beyond). */
export function asInt(v: unknown, path: string): number | bigint {
  if (typeof v === "bigint") return v;
  if (typeof v !== "number" || !Number.isInteger(v)) fail(path, `expected an int, got ${describe(v)}`);
  return v;
}

/** The default partition ceiling (decode-limits.ts; serve --max-partitions changes it). */
export const MAX_PARTITIONS = DEFAULT_DECODE_LIMITS.maxPartitions;

/** A partition count from a plan: an int within the partition ceiling (a lower bound is the caller's). */
export function asPartitionCount(v: unknown, path: string): number {
  const n = asSmallInt(v, path);
  const max = decodeLimits().maxPartitions;
  if (n > max) fail(path, `${n} partitions is more than the engine's limit of ${max}`);
  return n;
}

/** A LocalRelation's row list, within the local-rows ceiling (decode-limits.ts). */
export function asLocalRows(v: unknown, path: string): readonly unknown[] {
  const rows = asList(v, path);
  const max = decodeLimits().maxLocalRows;
  if (rows.length > max) fail(path, `${rows.length} rows is more than the engine's limit of ${max} for local data; write it to a file and read that instead`);
  return rows;
}

/** An int that must fit a JS number (counts, sizes, ids). */
export function asSmallInt(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) fail(path, `expected an int, got ${describe(v)}`);
  return v;
}

/** The value as a list of strings, or InvalidPlanInput naming the bad element. */
export function asStringList(v: unknown, path: string): string[] {
  return asList(v, path).map((x, i) => asString(x, `${path}[${i}]`));
}

/** Reads a required field. */
export function req(m: WireMap, key: string, path: string): unknown {
  const v = m[key];
  if (v === undefined) fail(`${path}.${key}`, "missing");
  return v;
}

/** Reads an optional field (absent and nil both mean absent). */
export function opt(m: WireMap, key: string): unknown {
  const v = m[key];
  return v === null ? undefined : v;
}
