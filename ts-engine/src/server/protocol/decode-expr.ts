import type { ParsedExpr, ParsedExprKind, ParsedSortOrder } from "../../expr/parsed-expr.js";
import { CURRENT_ROW, UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, offsetBoundary, type FrameBoundary, type WindowFrame } from "../../expr/window-frame.js";
import { decodeDataType, decodeMetadata } from "./decode-type.js";
import { decodeValue } from "./decode-value.js";
import { decodeSubqueryPlan } from "./subquery-plan-decoder.js";
import {
  asBin,
  asBool,
  asInt,
  asList,
  asMap,
  asSmallInt,
  asString,
  asStringList,
  fail,
  opt,
  req,
  type WireMap,
} from "./wire-reader.js";

/** Expression kinds a client may send (bridge/PROTOCOL.md "Expressions"). */
export type WireExprKind = ParsedExprKind;

type Decoder = (m: WireMap, path: string) => ParsedExpr;

function optPlanId(m: WireMap, path: string): { planId?: number } {
  const v = opt(m, "planId");
  return v === undefined ? {} : { planId: asSmallInt(v, `${path}.planId`) };
}

function child(m: WireMap, key: string, path: string): ParsedExpr {
  return decodeExpr(req(m, key, path), `${path}.${key}`);
}

function exprList(m: WireMap, key: string, path: string): ParsedExpr[] {
  return asList(req(m, key, path), `${path}.${key}`).map((e, i) => decodeExpr(e, `${path}.${key}[${i}]`));
}

const DECODERS: Readonly<Record<WireExprKind, Decoder>> = {
  UnresolvedAttribute: (m, p) => {
    const nameParts = asStringList(req(m, "nameParts", p), `${p}.nameParts`);
    if (nameParts.length === 0) fail(`${p}.nameParts`, "must not be empty");
    return { kind: "UnresolvedAttribute", nameParts, ...optPlanId(m, p) };
  },
  UnresolvedStar: (m, p) => {
    const target = opt(m, "target");
    const regex = opt(m, "regex");
    return {
      kind: "UnresolvedStar",
      ...(target === undefined ? {} : { target: asStringList(target, `${p}.target`) }),
      ...optPlanId(m, p),
      ...(regex === undefined ? {} : { regex: asString(regex, `${p}.regex`) }),
    };
  },
  UnresolvedFunction: (m, p) => ({
    kind: "UnresolvedFunction",
    name: asString(req(m, "name", p), `${p}.name`),
    args: exprList(m, "args", p),
    isDistinct: asBool(opt(m, "isDistinct") ?? false, `${p}.isDistinct`),
  }),
  ExprString: (m, p) => ({ kind: "ExprString", sql: asString(req(m, "sql", p), `${p}.sql`) }),
  Literal: (m, p) => {
    const dataType = decodeDataType(req(m, "dataType", p), `${p}.dataType`);
    return { kind: "Literal", dataType, value: decodeValue(m["value"], dataType, `${p}.value`) };
  },
  Alias: (m, p) => {
    const base = { kind: "Alias" as const, child: child(m, "child", p), name: asString(req(m, "name", p), `${p}.name`) };
    // metadata travels as its JSON text, as Spark Connect's Alias.metadata
    const metadata = m["metadata"] === undefined ? undefined : decodeMetadata(parseJson(asString(m["metadata"], `${p}.metadata`), `${p}.metadata`), `${p}.metadata`);
    const withMeta = metadata === undefined ? base : { ...base, metadata };
    return m["names"] === undefined ? withMeta : { ...withMeta, names: asStringList(m["names"], `${p}.names`) };
  },
  Cast: (m, p) => ({
    kind: "Cast",
    child: child(m, "child", p),
    dataType: decodeDataType(req(m, "dataType", p), `${p}.dataType`),
  }),
  CaseWhen: (m, p) => {
    const branches = asList(req(m, "branches", p), `${p}.branches`).map((b, i) => {
      const bp = `${p}.branches[${i}]`;
      const pair = asList(b, bp);
      if (pair.length !== 2) fail(bp, "expected a [condition, value] pair");
      return [decodeExpr(pair[0], `${bp}[0]`), decodeExpr(pair[1], `${bp}[1]`)] as const;
    });
    if (branches.length === 0) fail(`${p}.branches`, "must not be empty");
    const elseRaw = opt(m, "elseValue");
    return {
      kind: "CaseWhen",
      branches,
      ...(elseRaw === undefined ? {} : { elseValue: decodeExpr(elseRaw, `${p}.elseValue`) }),
    };
  },
  SortOrder: (m, p) => decodeSortOrderMap(m, p),
  PythonUDF: (m, p) => ({
    kind: "PythonUDF",
    name: asString(req(m, "name", p), `${p}.name`),
    func: asBin(req(m, "func", p), `${p}.func`),
    returnType: decodeDataType(req(m, "returnType", p), `${p}.returnType`),
    args: exprList(m, "args", p),
    evalType: asSmallInt(req(m, "evalType", p), `${p}.evalType`),
    deterministic: asBool(opt(m, "deterministic") ?? true, `${p}.deterministic`),
  }),
  LambdaFunction: (m, p) => {
    const args = asList(req(m, "arguments", p), `${p}.arguments`).map((a, i) => {
      const e = decodeExpr(a, `${p}.arguments[${i}]`);
      if (e.kind !== "UnresolvedNamedLambdaVariable") fail(`${p}.arguments[${i}].kind`, "expected UnresolvedNamedLambdaVariable");
      return e;
    });
    if (args.length === 0) fail(`${p}.arguments`, "must not be empty");
    return { kind: "LambdaFunction", body: child(m, "function", p), args };
  },
  UnresolvedNamedLambdaVariable: (m, p) => {
    const nameParts = asStringList(req(m, "nameParts", p), `${p}.nameParts`);
    if (nameParts.length === 0) fail(`${p}.nameParts`, "must not be empty");
    return { kind: "UnresolvedNamedLambdaVariable", nameParts };
  },
  Window: (m, p) => {
    const frameRaw = opt(m, "frame");
    return {
      kind: "Window",
      windowFunction: child(m, "windowFunction", p),
      partitionSpec: exprList(m, "partitionSpec", p),
      orderSpec: asList(req(m, "orderSpec", p), `${p}.orderSpec`).map((o, i) => decodeSortOrder(o, `${p}.orderSpec[${i}]`)),
      ...(frameRaw === undefined ? {} : { frame: decodeFrame(frameRaw, `${p}.frame`) }),
    };
  },
  SubqueryExpression: (m, p) => {
    const subqueryType = asString(req(m, "subqueryType", p), `${p}.subqueryType`);
    if (subqueryType !== "scalar" && subqueryType !== "exists") fail(`${p}.subqueryType`, `expected "scalar" or "exists", got ${JSON.stringify(subqueryType)}`);
    return { kind: "SubqueryExpression", subqueryType, plan: decodeSubqueryPlan(req(m, "plan", p), `${p}.plan`) };
  },
  OuterReference: (m, p) => ({ kind: "OuterReference", child: child(m, "child", p) }),
};

/** A window frame: `{type: "rows"|"range", lower, upper}`, each end a boundary name or a signed integer offset. */
function decodeFrame(raw: unknown, path: string): WindowFrame {
  const m = asMap(raw, path);
  const type = asString(req(m, "type", path), `${path}.type`);
  if (type !== "rows" && type !== "range") fail(`${path}.type`, `expected "rows" or "range", got ${JSON.stringify(type)}`);
  return { type, lower: decodeBoundary(req(m, "lower", path), `${path}.lower`), upper: decodeBoundary(req(m, "upper", path), `${path}.upper`) };
}

function decodeBoundary(raw: unknown, path: string): FrameBoundary {
  if (raw === "unboundedPreceding") return UNBOUNDED_PRECEDING;
  if (raw === "unboundedFollowing") return UNBOUNDED_FOLLOWING;
  if (raw === "currentRow") return CURRENT_ROW;
  if (typeof raw === "string") fail(path, `unknown frame boundary ${JSON.stringify(raw)}`);
  return offsetBoundary(Number(asInt(raw, path)));
}

/** Every kind this decoder accepts (checked against bridge/schema/*.json). */
export const WIRE_EXPR_KINDS: readonly WireExprKind[] = Object.keys(DECODERS) as WireExprKind[];

function decodeSortOrderMap(m: WireMap, p: string): ParsedSortOrder {
  const ascending = asBool(req(m, "ascending", p), `${p}.ascending`);
  // Spark's defaults: ASC NULLS FIRST, DESC NULLS LAST.
  const nullsFirst = asBool(opt(m, "nullsFirst") ?? ascending, `${p}.nullsFirst`);
  return { kind: "SortOrder", child: child(m, "child", p), ascending, nullsFirst };
}

/** Decodes a wire expression, validating every field; errors name the path. */
export function decodeExpr(raw: unknown, path: string): ParsedExpr {
  const m = asMap(raw, path);
  const kind = asString(req(m, "kind", path), `${path}.kind`);
  const decoder = Object.hasOwn(DECODERS, kind) ? DECODERS[kind as WireExprKind] : undefined;
  if (decoder === undefined) fail(`${path}.kind`, `unknown expression kind ${JSON.stringify(kind)}`);
  return decoder(m, path);
}

/** Decodes a SortOrder (the only expression kind `Sort.orders` accepts). */
export function decodeSortOrder(raw: unknown, path: string): ParsedSortOrder {
  const m = asMap(raw, path);
  if (m["kind"] !== "SortOrder") fail(`${path}.kind`, "expected SortOrder");
  return decodeSortOrderMap(m, path);
}

/** JSON text parsed, or InvalidPlanInput naming the path. */
function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(path, "expected JSON text");
  }
}
