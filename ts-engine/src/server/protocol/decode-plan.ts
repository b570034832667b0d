import type { JoinType } from "../../plan/logical-plan.js";
import type { GroupingAnalytics, ParsedPlan, ParsedPlanKind, ParsedTableFunctionArg, PivotSpec } from "../../plan/parsed-plan.js";
import type { ParsedExpr } from "../../expr/parsed-expr.js";
import { parseTableName } from "../../sql/parse-table-name.js";
import { decodeExpr, decodeSortOrder } from "./decode-expr.js";
import { registerPlanDecoder } from "./subquery-plan-decoder.js";
import { decodeStructType } from "./decode-type.js";
import { parseDDL } from "../../types/ddl.js";
import { decodeValue } from "./decode-value.js";
import {
  asBool,
  asInt,
  asList,
  asMap,
  asPartitionCount,
  asSmallInt,
  asString,
  asStringList,
  describe,
  asLocalRows,
  fail,
  opt,
  req,
  type WireMap,
} from "./wire-reader.js";

/** Relation kinds a client may send (bridge/PROTOCOL.md "Relations"): every parsed plan kind. */
export type WirePlanKind = ParsedPlanKind;

type Decoder = (m: WireMap, path: string) => ParsedPlan;

const JOIN_TYPES: ReadonlySet<string> = new Set<JoinType>(["inner", "left", "right", "full", "left_semi", "left_anti", "cross"]);

function input(m: WireMap, key: string, path: string): ParsedPlan {
  return decodePlanAt(req(m, key, path), `${path}.${key}`);
}

function exprs(m: WireMap, key: string, path: string) {
  return asList(req(m, key, path), `${path}.${key}`).map((e, i) => decodeExpr(e, `${path}.${key}[${i}]`));
}

function optPartitions(m: WireMap, path: string): { numPartitions?: number } {
  const v = opt(m, "numPartitions");
  if (v === undefined) return {};
  const n = asPartitionCount(v, `${path}.numPartitions`);
  if (n < 1) fail(`${path}.numPartitions`, "must be positive");
  return { numPartitions: n };
}

function oneOfOp(v: unknown, path: string): "intersect" | "except" {
  const s = asString(v, path);
  if (s !== "intersect" && s !== "except") fail(path, `expected "intersect" or "except", got ${JSON.stringify(s)}`);
  return s;
}

/** Aggregate's optional `groupType` ("cube" | "rollup" | "groupingSets", with `groupingSets:[[expr]]`). */
function groupingAnalytics(m: WireMap, p: string): { groupingAnalytics?: GroupingAnalytics } {
  const t = opt(m, "groupType");
  if (t === undefined) return {};
  const type = asString(t, `${p}.groupType`);
  if (type === "cube" || type === "rollup") return { groupingAnalytics: { type } };
  if (type !== "groupingSets") fail(`${p}.groupType`, `expected "cube", "rollup" or "groupingSets", got ${JSON.stringify(type)}`);
  const sets = asList(req(m, "groupingSets", p), `${p}.groupingSets`).map((s, i) =>
    asList(s, `${p}.groupingSets[${i}]`).map((e, j) => decodeExpr(e, `${p}.groupingSets[${i}][${j}]`)),
  );
  return { groupingAnalytics: { type: "groupingSets", sets } };
}

/** Aggregate's optional `pivot: {column: expr, values?: [expr]}`. */
function pivotSpec(m: WireMap, p: string): { pivot?: PivotSpec } {
  const raw = opt(m, "pivot");
  if (raw === undefined) return {};
  const pm = asMap(raw, `${p}.pivot`);
  const column = decodeExpr(req(pm, "column", `${p}.pivot`), `${p}.pivot.column`);
  const values = opt(pm, "values");
  if (values === undefined) return { pivot: { column } };
  return { pivot: { column, values: asList(values, `${p}.pivot.values`).map((e, i) => decodeExpr(e, `${p}.pivot.values[${i}]`)) } };
}

const DECODERS: Readonly<Record<WirePlanKind, Decoder>> = {
  Range: (m, p) => {
    const step = asInt(req(m, "step", p), `${p}.step`);
    return {
      kind: "Range",
      start: asInt(req(m, "start", p), `${p}.start`),
      end: asInt(req(m, "end", p), `${p}.end`),
      step,
      ...optPartitions(m, p),
    };
  },
  LocalRelation: (m, p) => {
    const schema = decodeStructType(req(m, "schema", p), `${p}.schema`);
    const rows = asLocalRows(req(m, "rows", p), `${p}.rows`).map((r, i) => {
      const rp = `${p}.rows[${i}]`;
      const row = asList(r, rp);
      if (row.length !== schema.fields.length) fail(rp, `expected ${schema.fields.length} values, got ${row.length}`);
      return schema.fields.map((f, j) => decodeValue(row[j], f.dataType, `${rp}[${j}]`));
    });
    const checkpointId = opt(m, "checkpointId");
    return { kind: "LocalRelation", schema, rows, ...optPartitions(m, p), ...(checkpointId === undefined ? {} : { checkpointId: asString(checkpointId, `${p}.checkpointId`) }) };
  },
  Project: (m, p) => ({ kind: "Project", input: input(m, "input", p), exprs: exprs(m, "exprs", p) }),
  Filter: (m, p) => ({
    kind: "Filter",
    input: input(m, "input", p),
    condition: decodeExpr(req(m, "condition", p), `${p}.condition`),
  }),
  WithColumns: (m, p) => {
    const names = asStringList(req(m, "names", p), `${p}.names`);
    const es = exprs(m, "exprs", p);
    if (names.length !== es.length) fail(p, "names and exprs differ in length");
    return { kind: "WithColumns", input: input(m, "input", p), names, exprs: es };
  },
  WithColumnsRenamed: (m, p) => ({
    kind: "WithColumnsRenamed",
    input: input(m, "input", p),
    renames: asList(req(m, "renames", p), `${p}.renames`).map((r, i) => {
      const pair = asStringList(r, `${p}.renames[${i}]`);
      if (pair.length !== 2) fail(`${p}.renames[${i}]`, "expected a [from, to] pair");
      return [pair[0]!, pair[1]!] as const;
    }),
  }),
  Drop: (m, p) => ({ kind: "Drop", input: input(m, "input", p), columns: exprs(m, "columns", p) }),
  Aggregate: (m, p) => ({
    kind: "Aggregate",
    input: input(m, "input", p),
    groupBy: exprs(m, "groupBy", p),
    aggs: exprs(m, "aggs", p),
    ...groupingAnalytics(m, p),
    ...pivotSpec(m, p),
  }),
  Sort: (m, p) => ({
    kind: "Sort",
    input: input(m, "input", p),
    orders: asList(req(m, "orders", p), `${p}.orders`).map((o, i) => decodeSortOrder(o, `${p}.orders[${i}]`)),
    global: asBool(opt(m, "global") ?? true, `${p}.global`),
  }),
  Limit: (m, p) => {
    const n = asSmallInt(req(m, "n", p), `${p}.n`);
    return { kind: "Limit", input: input(m, "input", p), n };
  },
  Offset: (m, p) => ({ kind: "Offset", input: input(m, "input", p), n: asSmallInt(req(m, "n", p), `${p}.n`) }),
  Join: (m, p) => {
    const joinType = asString(req(m, "joinType", p), `${p}.joinType`);
    if (!JOIN_TYPES.has(joinType)) fail(`${p}.joinType`, `unknown join type ${JSON.stringify(joinType)}`);
    const cond = opt(m, "condition");
    const using = opt(m, "usingColumns");
    return {
      kind: "Join",
      left: input(m, "left", p),
      right: input(m, "right", p),
      joinType: joinType as JoinType,
      ...(cond === undefined ? {} : { condition: decodeExpr(cond, `${p}.condition`) }),
      ...(using === undefined ? {} : { usingColumns: asStringList(using, `${p}.usingColumns`) }),
      ...(asBool(opt(m, "lateral") ?? false, `${p}.lateral`) ? { lateral: true } : {}),
    };
  },
  Distinct: (m, p) => {
    const cols = opt(m, "columns");
    const wm = asBool(opt(m, "withinWatermark") ?? false, `${p}.withinWatermark`);
    return { kind: "Distinct", input: input(m, "input", p), ...(cols === undefined ? {} : { columns: asStringList(cols, `${p}.columns`) }), ...(wm ? { withinWatermark: true } : {}) };
  },
  Union: (m, p) => {
    const inputs = asList(req(m, "inputs", p), `${p}.inputs`).map((r, i) => decodePlanAt(r, `${p}.inputs[${i}]`));
    if (inputs.length < 1) fail(`${p}.inputs`, "must not be empty");
    return {
      kind: "Union",
      inputs,
      byName: asBool(opt(m, "byName") ?? false, `${p}.byName`),
      allowMissingColumns: asBool(opt(m, "allowMissingColumns") ?? false, `${p}.allowMissingColumns`),
    };
  },
  SubqueryAlias: (m, p) => ({
    kind: "SubqueryAlias",
    input: input(m, "input", p),
    alias: asString(req(m, "alias", p), `${p}.alias`),
  }),
  ToDF: (m, p) => ({ kind: "ToDF", input: input(m, "input", p), names: asStringList(req(m, "names", p), `${p}.names`) }),
  Hint: (m, p) => ({
    kind: "Hint",
    input: input(m, "input", p),
    name: asString(req(m, "name", p), `${p}.name`),
    parameters: asList(opt(m, "parameters") ?? [], `${p}.parameters`).map((v, i) => {
      if (typeof v === "string" || typeof v === "number") return v;
      return fail(`${p}.parameters[${i}]`, `expected a string or number, got ${describe(v)}`);
    }),
  }),
  DataSource: (m, p) => {
    const schema = opt(m, "schema");
    const ddl = opt(m, "ddl");
    const userSchema = schema !== undefined ? decodeStructType(schema, `${p}.schema`) : ddl !== undefined ? parseDDL(asString(ddl, `${p}.ddl`)) : undefined;
    return {
      kind: "DataSource",
      format: asString(req(m, "format", p), `${p}.format`),
      paths: asStringList(req(m, "paths", p), `${p}.paths`),
      options: stringOptions(m, p),
      ...(userSchema === undefined ? {} : { schema: userSchema }),
      ...(asBool(opt(m, "isStreaming") ?? false, `${p}.isStreaming`) ? { isStreaming: true } : {}),
    };
  },
  WriteFiles: (m, p) => ({
    kind: "WriteFiles",
    input: input(m, "input", p),
    format: asString(req(m, "format", p), `${p}.format`),
    path: asString(req(m, "path", p), `${p}.path`),
    mode: asString(req(m, "mode", p), `${p}.mode`),
    options: stringOptions(m, p),
    partitionBy: asStringList(opt(m, "partitionBy") ?? [], `${p}.partitionBy`),
  }),
  // `name` is the unparsed `spark.table(name)` argument, split by the SQL parser as Spark does.
  UnresolvedRelation: (m, p) => {
    const name = opt(m, "name");
    const nameParts = name === undefined ? asStringList(req(m, "nameParts", p), `${p}.nameParts`) : parseTableName(asString(name, `${p}.name`));
    return { kind: "UnresolvedRelation", nameParts };
  },
  Sql: (m, p) => {
    const namedRaw = opt(m, "named");
    const refsRaw = opt(m, "refs");
    const named = new Map<string, ParsedExpr>();
    if (namedRaw !== undefined) for (const [k, v] of Object.entries(asMap(namedRaw, `${p}.named`))) named.set(k, decodeExpr(v, `${p}.named.${k}`));
    const refs = new Map<string, ParsedPlan>();
    if (refsRaw !== undefined) for (const [k, v] of Object.entries(asMap(refsRaw, `${p}.refs`))) refs.set(k, decodePlanAt(v, `${p}.refs.${k}`));
    const positionalRaw = opt(m, "positional");
    const positional = positionalRaw === undefined ? [] : asList(positionalRaw, `${p}.positional`).map((e, i) => decodeExpr(e, `${p}.positional[${i}]`));
    return { kind: "Sql", query: asString(req(m, "query", p), `${p}.query`), named, positional, refs };
  },
  PredicateSubquery: (m, p) => ({
    kind: "PredicateSubquery",
    input: input(m, "input", p),
    subquery: input(m, "subquery", p),
    values: opt(m, "values") === undefined ? [] : exprs(m, "values", p),
    negated: asBool(opt(m, "negated") ?? false, `${p}.negated`),
  }),
  ScalarSubqueryJoin: (m, p) => ({
    kind: "ScalarSubqueryJoin",
    input: input(m, "input", p),
    subquery: input(m, "subquery", p),
    name: asString(req(m, "name", p), `${p}.name`),
  }),
  SetOperation: (m, p) => ({
    kind: "SetOperation",
    op: oneOfOp(req(m, "op", p), `${p}.op`),
    left: input(m, "left", p),
    right: input(m, "right", p),
    ...(asBool(opt(m, "all") ?? false, `${p}.all`) ? { all: true } : {}),
  }),
  Transpose: (m, p) => ({
    kind: "Transpose",
    input: input(m, "input", p),
    ...(opt(m, "indexColumn") === undefined ? {} : { indexColumn: decodeExpr(req(m, "indexColumn", p), `${p}.indexColumn`) }),
  }),
  Unpivot: (m, p) => ({
    kind: "Unpivot",
    input: input(m, "input", p),
    ids: exprs(m, "ids", p),
    ...(opt(m, "values") === undefined ? {} : { values: exprs(m, "values", p) }),
    variableColumnName: asString(req(m, "variableColumnName", p), `${p}.variableColumnName`),
    valueColumnName: asString(req(m, "valueColumnName", p), `${p}.valueColumnName`),
  }),
  NAFill: (m, p) => {
    const values = exprs(m, "values", p);
    const perColumn = asBool(opt(m, "perColumn") ?? false, `${p}.perColumn`);
    const cols = optColumns(m, p);
    if (values.length === 0) fail(`${p}.values`, "expected at least one value");
    if (perColumn && cols.columns?.length !== values.length) fail(`${p}.columns`, "perColumn needs one column per value");
    return { kind: "NAFill", input: input(m, "input", p), ...cols, values, ...(perColumn ? { perColumn } : {}) };
  },
  NADrop: (m, p) => {
    const n = opt(m, "minNonNulls");
    return { kind: "NADrop", input: input(m, "input", p), ...optColumns(m, p), ...(n === undefined ? {} : { minNonNulls: asSmallInt(n, `${p}.minNonNulls`) }) };
  },
  Sample: (m, p) => ({
    kind: "Sample",
    input: input(m, "input", p),
    lowerBound: asDouble(req(m, "lowerBound", p), `${p}.lowerBound`),
    upperBound: asDouble(req(m, "upperBound", p), `${p}.upperBound`),
    withReplacement: asBool(opt(m, "withReplacement") ?? false, `${p}.withReplacement`),
    seed: BigInt(asInt(req(m, "seed", p), `${p}.seed`)),
    ...(asBool(opt(m, "deterministicOrder") ?? false, `${p}.deterministicOrder`) ? { deterministicOrder: true } : {}),
  }),
  EventTimeWatermark: (m, p) => ({
    kind: "EventTimeWatermark",
    input: input(m, "input", p),
    eventTime: asString(req(m, "eventTime", p), `${p}.eventTime`),
    delay: asString(req(m, "delay", p), `${p}.delay`),
  }),
  ToSchema: (m, p) => ({ kind: "ToSchema", input: input(m, "input", p), schema: decodeStructType(req(m, "schema", p), `${p}.schema`) }),
  StatSummary: (m, p) => ({ kind: "StatSummary", input: input(m, "input", p), statistics: asStringList(req(m, "statistics", p), `${p}.statistics`) }),
  NAReplace: (m, p) => ({
    kind: "NAReplace",
    input: input(m, "input", p),
    ...optColumns(m, p),
    replacements: asList(req(m, "replacements", p), `${p}.replacements`).map((r, i) => {
      const rp = `${p}.replacements[${i}]`;
      const pair = asList(r, rp);
      if (pair.length !== 2) fail(rp, "expected an [old, new] pair");
      return [decodeExpr(pair[0], `${rp}[0]`), decodeExpr(pair[1], `${rp}[1]`)] as const;
    }),
  }),
  Repartition: (m, p) => ({
    kind: "Repartition",
    input: input(m, "input", p),
    // checked by the analyzer, which raises Spark's error for a count below 1
    numPartitions: asPartitionCount(req(m, "numPartitions", p), `${p}.numPartitions`),
    shuffle: asBool(req(m, "shuffle", p), `${p}.shuffle`),
  }),
  RepartitionByExpression: (m, p) => {
    const n = opt(m, "numPartitions");
    return {
      kind: "RepartitionByExpression",
      input: input(m, "input", p),
      partitionExprs: exprs(m, "partitionExprs", p),
      ...(n === undefined ? {} : { numPartitions: asPartitionCount(n, `${p}.numPartitions`) }),
    };
  },
  CollectMetrics: (m, p) => {
    const id = opt(m, "observationId");
    return {
      kind: "CollectMetrics",
      input: input(m, "input", p),
      name: asString(req(m, "name", p), `${p}.name`),
      metrics: exprs(m, "metrics", p),
      ...(id === undefined ? {} : { observationId: asString(id, `${p}.observationId`) }),
    };
  },
  PythonMapGroups: (m, p) => ({
    kind: "PythonMapGroups",
    input: input(m, "input", p),
    groupingExprs: exprs(m, "groupingExprs", p),
    udf: decodeExpr(req(m, "udf", p), `${p}.udf`),
    isBarrier: asBool(req(m, "isBarrier", p), `${p}.isBarrier`),
  }),
  PythonCoGroup: (m, p) => ({
    kind: "PythonCoGroup",
    input: input(m, "input", p),
    inputGroupingExprs: exprs(m, "inputGroupingExprs", p),
    other: input(m, "other", p),
    otherGroupingExprs: exprs(m, "otherGroupingExprs", p),
    udf: decodeExpr(req(m, "udf", p), `${p}.udf`),
  }),
  PythonUDTF: (m, p) => {
    const lateral = opt(m, "lateral");
    return {
      kind: "PythonUDTF",
      udtf: decodeExpr(req(m, "udtf", p), `${p}.udtf`),
      args: asList(req(m, "args", p), `${p}.args`).map((a, i) => tableFunctionArg(a, `${p}.args[${i}]`)),
      ...(lateral === undefined ? {} : { lateral: decodePlanAt(lateral, `${p}.lateral`) }),
    };
  },
};

/** A UDTF call's argument: `{kind: "expr", expr, name?}` or `{kind: "table", plan, partitionBy, orderBy, withSinglePartition, name?}`. */
function tableFunctionArg(raw: unknown, p: string): ParsedTableFunctionArg {
  const m = asMap(raw, p);
  const n = opt(m, "name");
  const name = n === undefined ? {} : { name: asString(n, `${p}.name`) };
  const kind = asString(req(m, "kind", p), `${p}.kind`);
  if (kind === "expr") return { kind, expr: decodeExpr(req(m, "expr", p), `${p}.expr`), ...name };
  if (kind !== "table") fail(`${p}.kind`, `expected "expr" or "table", got ${JSON.stringify(kind)}`);
  return {
    kind,
    table: {
      plan: input(m, "plan", p),
      partitionBy: exprs(m, "partitionBy", p),
      orderBy: exprs(m, "orderBy", p),
      withSinglePartition: asBool(req(m, "withSinglePartition", p), `${p}.withSinglePartition`),
    },
    ...name,
  };
}

/** A double field (msgpack may carry an integral value as an int). */
function asDouble(v: unknown, path: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return fail(path, "expected a number");
}

/** An optional `columns:[str]` (absent: every column). */
function optColumns(m: WireMap, p: string): { columns?: readonly string[] } {
  const c = opt(m, "columns");
  return c === undefined ? {} : { columns: asStringList(c, `${p}.columns`) };
}

/** A data source's `options` map (string to string), as [key, value] pairs in the client's order. */
function stringOptions(m: WireMap, p: string): [string, string][] {
  const raw = opt(m, "options");
  if (raw === undefined) return [];
  const o = asMap(raw, `${p}.options`);
  return Object.keys(o).map((k) => [k, asString(o[k], `${p}.options.${k}`)]);
}

/** Every kind this decoder accepts (checked against bridge/schema/*.json). */
export const WIRE_PLAN_KINDS: readonly WirePlanKind[] = Object.keys(DECODERS) as WirePlanKind[];

/** Decodes the relation at `path`, keeping the client's planId. */
export function decodePlanAt(raw: unknown, path: string): ParsedPlan {
  const m = asMap(raw, path);
  const kind = asString(req(m, "kind", path), `${path}.kind`);
  const decoder = Object.hasOwn(DECODERS, kind) ? DECODERS[kind as WirePlanKind] : undefined;
  if (decoder === undefined) fail(`${path}.kind`, `unknown relation kind ${JSON.stringify(kind)}`);
  const plan = decoder(m, path);
  const planId = opt(m, "planId");
  return planId === undefined ? plan : { ...plan, planId: asSmallInt(planId, `${path}.planId`) };
}

/**
 * Decodes a wire plan (bridge/PROTOCOL.md) into the engine's ParsedPlan (the analyzer's input), validating every
 * field and converting LocalRelation rows and Literals to the vector value convention.
 * Throws InvalidPlanInput naming the path of the first bad field (`root.input.condition`).
 */
registerPlanDecoder(decodePlanAt);

export function decodePlan(raw: unknown): ParsedPlan {
  return decodePlanAt(raw, "root");
}
