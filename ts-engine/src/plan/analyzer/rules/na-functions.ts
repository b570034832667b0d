import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import type { AttributeRef, Expr, Literal } from "../../../expr/expr.js";
import { newExprId } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { DoubleType, IntegerType, isNumeric, typeEquals, type DataType } from "../../../types/data-type.js";
import { filter, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { NADrop, NAFill, NAReplace } from "../../parsed-plan.js";
import { sameName, scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";
import type { Scope } from "../scope.js";

// Spark's DataFrameNaFunctions: fill, drop and replace are projections or a filter over the
// frame's columns, built here from the resolved schema (as the Scala class builds them from
// the analyzed plan), so the Python and Node clients send only the user's arguments.

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

/**
 * A subset column by name, as Spark's `df.resolve(name)`: unknown names are UNRESOLVED_COLUMN,
 * raised before analysis (no plan appended).
 */
function column(name: string, attrs: readonly AttributeRef[], scope: Scope): AttributeRef {
  const hit = attrs.find((a) => sameName(a.name, name, scope.caseSensitive));
  if (hit !== undefined) return hit;
  let e: Expr;
  try {
    e = resolveExpr({ kind: "UnresolvedAttribute", nameParts: [name] }, scope);
  } catch (err) {
    if (err instanceof AnalysisException) throw markWithoutPlan(err);
    throw err;
  }
  if (e.kind !== "AttributeRef") throw new InternalError(`${name} resolved to no column`);
  return e;
}

function literal(e: ParsedExpr, scope: Scope): Literal {
  const r = resolveExpr(e, scope);
  if (r.kind !== "Literal") throw new InternalError("na functions take literal values");
  return r;
}

function isFloating(t: DataType): boolean {
  return t.kind === "float" || t.kind === "double";
}

/** Spark's fillCol: `coalesce(nanvl(c, null) for floats, cast(value as c's type)) AS c`. */
function fillColumn(a: AttributeRef, value: Literal): Expr {
  const base: Expr = isFloating(a.dataType) ? call("nanvl", [a, { kind: "Literal", value: null, dataType: a.dataType }]) : a;
  // a legacy (non-ANSI) cast of the value, so a filled column stays nullable as in Spark's schema
  const replacement: Expr = typeEquals(value.dataType, a.dataType) ? value : { kind: "Cast", child: value, dataType: a.dataType, ansi: false };
  return { kind: "Alias", child: call("coalesce", [base, replacement]), name: a.name, exprId: newExprId() };
}

/** The column types a scalar fill value applies to (Spark's targetType.acceptsType). */
function accepts(value: Literal, t: DataType): boolean {
  const v = value.dataType;
  if (isNumeric(v)) return isNumeric(t);
  if (v.kind === "string") return t.kind === "string";
  if (v.kind === "boolean") return t.kind === "boolean";
  return false;
}

/** na.fill / fillna: one projection of every column, the filled ones coalesced with the value. */
export function resolveNAFill(p: NAFill, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const attrs = outputOf(child.plan);
  const values = p.values.map((v) => literal(v, scope));
  const fills = new Map<number, Literal>();
  if (p.perColumn === true) {
    const cols = p.columns ?? [];
    cols.forEach((c, i) => fills.set(column(c, attrs, scope).exprId, values[i]!));
  } else {
    const value = values[0]!;
    const targets = p.columns === undefined ? attrs : p.columns.map((c) => column(c, attrs, scope));
    // Spark fills only columns that may hold nulls
    for (const a of targets) if (a.nullable && accepts(value, a.dataType)) fills.set(a.exprId, value);
  }
  const exprs = attrs.map((a) => {
    const v = fills.get(a.exprId);
    return v === undefined ? a : fillColumn(a, v);
  });
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}

/** na.drop / dropna: `Filter atleastnnonnulls(n, cols…)` (Spark's AtLeastNNonNulls). */
export function resolveNADrop(p: NADrop, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const attrs = outputOf(child.plan);
  const cols = p.columns === undefined ? attrs : p.columns.map((c) => column(c, attrs, scope));
  const n = p.minNonNulls ?? cols.length;
  const cond = call("atleastnnonnulls", [{ kind: "Literal", value: n, dataType: IntegerType }, ...cols]);
  return { plan: filter(child.plan, cond), planIds: child.planIds };
}

/** The type a replacement map's columns must have (Spark's targetColumnType: its first key's). */
function replaceTarget(key: Literal): "numeric" | "string" | "boolean" {
  if (key.dataType.kind === "string") return "string";
  if (key.dataType.kind === "boolean") return "boolean";
  return "numeric";
}

/**
 * na.replace / replace, as Spark's replace0: in each target column, `CASE WHEN c = old THEN
 * cast(new as c's type) … ELSE c END AS c` (numbers compared as doubles).
 */
export function resolveNAReplace(p: NAReplace, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const attrs = outputOf(child.plan);
  if (p.replacements.length === 0 || (p.columns !== undefined && p.columns.length === 0)) return child;
  const pairs = p.replacements.map(([k, v]) => [literal(k, scope), literal(v, scope)] as const);
  const target = replaceTarget(pairs[0]![0]);
  const asDouble = (l: Literal): Literal => (isNumeric(l.dataType) && l.dataType.kind !== "double" ? { kind: "Literal", value: Number(l.value), dataType: DoubleType } : l);
  const map = pairs.map(([k, v]) => [target === "numeric" ? asDouble(k) : k, target === "numeric" && v.value !== null ? asDouble(v) : v] as const);
  const cols = p.columns === undefined ? attrs : p.columns.map((c) => column(c, attrs, scope));
  const ids = new Set(cols.map((a) => a.exprId));
  const fits = (t: DataType): boolean => (target === "numeric" ? isNumeric(t) : t.kind === target);
  const exprs = attrs.map((a): Expr => {
    if (!ids.has(a.exprId) || !fits(a.dataType)) return a;
    const branches = map.map(([k, v]) => [call("==", [a, k]), { kind: "Cast", child: v, dataType: a.dataType } as Expr] as const);
    const caseWhen: Expr = { kind: "CaseWhen", branches, elseValue: a, dataType: a.dataType };
    return { kind: "Alias", child: caseWhen, name: a.name, exprId: newExprId() };
  });
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}
