import { InvalidPlanInput } from "../errors/spark-exception.js";
import type { RddPlan } from "./rdd-plan.js";

type WireMap = Readonly<Record<string, unknown>>;

function fail(path: string, what: string): never {
  throw new InvalidPlanInput(`${path}: ${what}`);
}

function asMap(v: unknown, path: string): WireMap {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Uint8Array) fail(path, "expected a map");
  return v as WireMap;
}

function asBin(v: unknown, path: string): Uint8Array {
  if (!(v instanceof Uint8Array)) fail(path, "expected binary");
  return v;
}

function asPositiveInt(v: unknown, path: string): number {
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1_000_000) fail(path, "expected an int in 1..1000000");
  return n;
}

function asIndex(v: unknown, path: string): number {
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n >= 1_000_000) fail(path, "expected a partition index in 0..999999");
  return n;
}

/** Validates a wire RDD plan (unknown → typed); InvalidPlanInput names the offending path. */
export function decodeRddPlan(raw: unknown, path = "rdd"): RddPlan {
  const m = asMap(raw, path);
  const kind = m.kind;
  switch (kind) {
    case "Parallelize": {
      const parts = m.partitions;
      if (!Array.isArray(parts)) fail(`${path}.partitions`, "expected a list");
      return { kind, partitions: parts.map((p: unknown, i) => asBin(p, `${path}.partitions[${i}]`)) };
    }
    case "TextFile":
    case "WholeTextFiles": {
      if (typeof m.path !== "string" || m.path === "") fail(`${path}.path`, "expected a non-empty string");
      return { kind, path: m.path, minPartitions: asPositiveInt(m.minPartitions ?? 1, `${path}.minPartitions`) };
    }
    case "BinaryFiles": {
      if (typeof m.path !== "string" || m.path === "") fail(`${path}.path`, "expected a non-empty string");
      return {
        kind,
        path: m.path,
        minPartitions: asPositiveInt(m.minPartitions ?? 1, `${path}.minPartitions`),
        parallelism: asPositiveInt(m.parallelism ?? 1, `${path}.parallelism`),
      };
    }
    case "HadoopSplits": {
      if (typeof m.path !== "string" || m.path === "") fail(`${path}.path`, "expected a non-empty string");
      const minSplitSize = typeof m.minSplitSize === "bigint" ? Number(m.minSplitSize) : (m.minSplitSize ?? 1);
      if (typeof minSplitSize !== "number" || !Number.isInteger(minSplitSize) || minSplitSize < 1) fail(`${path}.minSplitSize`, "expected a positive int");
      return { kind, path: m.path, minPartitions: asPositiveInt(m.minPartitions ?? 1, `${path}.minPartitions`), minSplitSize };
    }
    case "PythonMapPartitions":
      return { kind, input: decodeRddPlan(m.input, `${path}.input`), func: asBin(m.func, `${path}.func`), ...(m.barrier === true ? { barrier: true as const } : {}) };
    case "PythonShuffle":
      return {
        kind,
        input: decodeRddPlan(m.input, `${path}.input`),
        numPartitions: asPositiveInt(m.numPartitions, `${path}.numPartitions`),
        partitionFunc: m.partitionFunc === undefined || m.partitionFunc === null ? null : asBin(m.partitionFunc, `${path}.partitionFunc`),
      };
    case "Union": {
      const inputs = m.inputs;
      if (!Array.isArray(inputs) || inputs.length === 0) fail(`${path}.inputs`, "expected a non-empty list");
      return { kind, inputs: inputs.map((p: unknown, i) => decodeRddPlan(p, `${path}.inputs[${i}]`)) };
    }
    case "Cached": {
      if (typeof m.id !== "string" || m.id === "") fail(`${path}.id`, "expected a non-empty string");
      return { kind, id: m.id, input: decodeRddPlan(m.input, `${path}.input`) };
    }
    case "CoalescePartitions": {
      const groups = m.groups;
      if (!Array.isArray(groups) || groups.length === 0) fail(`${path}.groups`, "expected a non-empty list");
      return {
        kind,
        input: decodeRddPlan(m.input, `${path}.input`),
        groups: groups.map((g: unknown, j) => {
          if (!Array.isArray(g)) fail(`${path}.groups[${j}]`, "expected a list of partition indexes");
          return g.map((x: unknown, k) => asIndex(x, `${path}.groups[${j}][${k}]`));
        }),
      };
    }
    default:
      return fail(`${path}.kind`, `unknown RDD plan node ${JSON.stringify(kind)}`);
  }
}
